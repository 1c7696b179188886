"""The live challenge: a random code shown on screen, spoken aloud, checked offline.

Recognition is open-vocabulary Whisper *base* (:mod:`core.voice.asr`), told which language the
person reads in; :mod:`core.voice.digits` turns what it wrote ("for ate won", "四八一",
"empat delapan") into digits. The old digits-grammar recogniser accepted 1 of 27 codes from a
voice it was not tuned on; calibration of this one is in docs/voice_calibration.md.

Only where the recording holds speech (webrtcvad + a pitch check) is anything decoded, so
silence, hum and music give "we could not hear the digits" instead of a hallucinated word.
"""

from __future__ import annotations

import itertools
import random
import secrets
from dataclasses import dataclass

import numpy as np

from core.sentences import sentence
from core.voice.asr import RecognizerUnavailableError, Transcript, transcribe
from core.voice.digits import CodeLanguage, digits_from_text
from core.voice.samples import find_speech
from core.voice.speech import Audio, resample

MIN_CODE_LENGTH = 4
MAX_CODE_LENGTH = 6
# One wrong digit is forgiven only in codes this long: a random other 6-digit code is then
# still ~5 edits away (the chance a guess lands within one edit is under 1 in 10,000), while
# in a 4-digit code one edit of slack would accept 1 guess in ~30.
SLACK_MIN_CODE_LENGTH = 6
_RECOGNIZER_SAMPLE_RATE = 16_000
_SPEECH_MARGIN_SECONDS = 0.4
# A code read aloud is under 30 tokens in every supported language ("delapan" is 3); more means
# the decoder is looping.
_MAX_CODE_TOKENS = 60
# Primes Whisper to write what it hears as digits. Without it, digit words said by voices it
# finds hard come out as look-alike words ("I'll do I'll do…" for "nine two nine", "A, zero,
# A" for "eight, zero, eight"); with it the same recordings came out as "9 2 9 1 9 8". It
# names no code and every language's digits are written the same way, so it is one prompt for
# all (docs/voice_calibration.md has the comparison).
DIGITS_PROMPT = "0 1 2 3 4 5 6 7 8 9"
# The second try for refused readings in languages whose digits Whisper base often mishears
# with the prompt above (measured in docs/voice_calibration.md): the language's own numerals.
NUMERALS_PROMPTS: dict[str, str] = {"zh": "零一二三四五六七八九"}
# A decode whose mean token log-probability is below this failed (Whisper's own threshold).
# The digits prompt makes Whisper write a digit for music now and then (" 0" at -1.34, where
# read codes decode at -0.06 to -0.17): that is "not heard", not a wrong code.
_MIN_LOG_PROBABILITY = -1.0
# On speech it cannot make out, Whisper sometimes echoes its prompt ("1 2 3 4 5 6 9 9 9…" for an
# unintelligible espeak-ng Catalan voice). Codes are drawn without this many digits counting
# up by one, so such a run is only ever the prompt: "not heard", never a near-match.
_PROMPT_RUN = 4
# Music now and then decodes as one digit (" 0") right at Whisper's confidence cutoff: -1.18 on
# one CPU, -0.95 on another (int8 kernels differ by instruction set). No code is one digit
# long, and "we could not hear the digits" is the right answer to a single word anyway.
_MIN_DIGITS_HEARD = 2
_SYSTEM_RANDOM = secrets.SystemRandom()


class SpokenCodeError(Exception):
    """Base class for errors raised by :mod:`core.voice.spoken_code`."""


@dataclass(frozen=True)
class CodeCheck:
    """Outcome of comparing the code on screen with the digits heard.

    Attributes:
        passed: True when the spoken code is accepted.
        heard: Digits recognised, e.g. ``"401889"`` (may be empty).
        wrong_digits: Positions that differ; a length difference counts every missing or
            extra digit.
        message: A sentence for the user.
    """

    passed: bool
    heard: str
    wrong_digits: int
    message: str


def new_challenge_code(length: int = 6, rng: random.Random = _SYSTEM_RANDOM) -> str:
    """Draw a random code to be read aloud.

    No digit repeats its neighbour ("4 4") because doubled words are the recognizer's most
    common insertion/deletion error and are awkward to read. No four digits count up by one
    ("3456"): that is how the recogniser's digits prompt sounds when echoed.

    Args:
        length: Number of digits, 4 to 6.
        rng: Random source; the default is the OS's cryptographic generator. Pass a seeded
            ``random.Random`` only in tests.

    Returns:
        The code as a string of digits (a leading zero is allowed).

    Raises:
        ValueError: If ``length`` is outside 4..6.
    """
    if not MIN_CODE_LENGTH <= length <= MAX_CODE_LENGTH:
        raise ValueError(
            f"A challenge code has {MIN_CODE_LENGTH} to {MAX_CODE_LENGTH} digits; got {length}."
        )
    while True:  # rejection keeps every allowed code equally likely
        digits = [rng.choice("0123456789")]
        while len(digits) < length:
            digits.append(rng.choice([d for d in "0123456789" if d != digits[-1]]))
        code = "".join(digits)
        if not _counts_up(code, _PROMPT_RUN):
            return code


def recognize_digits(
    audio: Audio, language: CodeLanguage = "en", *, prompt: str = DIGITS_PROMPT
) -> str:
    """Recognise the digits spoken in a recording.

    Args:
        audio: Mono audio at any rate.
        language: The language the code was read in (Whisper is told; digit words of that
            language are read back).
        prompt: Text that primes the decoder; :data:`DIGITS_PROMPT` unless a second try
            uses the language's own numerals.

    Returns:
        The digits heard in order; an empty string when no speech or no digit was heard.

    Raises:
        RecognizerUnavailableError: If the speech model cannot be loaded.
    """
    speech = speech_window(audio)
    return "" if speech is None else _decode_digits(speech, language, prompt)


def check_recording(expected: str, audio: Audio, language: CodeLanguage = "en") -> CodeCheck:
    """Check a recording of the code on screen: recognise it, then compare.

    In languages listed in :data:`NUMERALS_PROMPTS`, a reading the first decode refuses is
    decoded once more, primed with that language's own numerals, and passes if that decode
    matches. Whisper base hears Mandarin digits poorly with the Arabic-digits prompt alone
    (43-60% of genuine first tries); the two decodes err on different digits, so the second
    rescues most of the misses (docs/voice_calibration.md). A wrong code must still match one
    of the two decodes within the same slack, so it stays as rare as before, doubled at most.

    Args:
        expected: The code that was shown (4-6 digits).
        audio: The live recording's sound.
        language: The language the code was read in.

    Returns:
        The decision: the second decode's when only it passed, else the first's.

    Raises:
        ValueError: If ``expected`` is not 4-6 digits.
        RecognizerUnavailableError: If the speech model cannot be loaded.
    """
    speech = speech_window(audio)
    if speech is None:
        return check_spoken_code(expected, "")
    first = check_spoken_code(expected, _decode_digits(speech, language, DIGITS_PROMPT))
    numerals = NUMERALS_PROMPTS.get(language)
    if first.passed or numerals is None:
        return first
    second = check_spoken_code(expected, _decode_digits(speech, language, numerals))
    return second if second.passed else first


def speech_window(audio: Audio) -> Audio | None:
    """The spoken part of a recording at 16 kHz, with a margin of silence; None if no speech.

    Decoding only the spoken part is faster, and Whisper invents words in long silences.
    """
    audio16k = resample(audio, _RECOGNIZER_SAMPLE_RATE)
    segments = find_speech(audio16k)
    if not segments:
        return None
    margin = round(_SPEECH_MARGIN_SECONDS * _RECOGNIZER_SAMPLE_RATE)
    first = round(segments[0][0] * _RECOGNIZER_SAMPLE_RATE)
    last = round(segments[-1][1] * _RECOGNIZER_SAMPLE_RATE)
    samples = np.asarray(audio16k.samples[max(0, first - margin) : last + margin], np.float32)
    # A recording that starts (or stops) mid-word still gets its margin, as silence: Whisper
    # often drops a first digit spoken right at the start of its window.
    lead, tail = max(0, margin - first), max(0, last + margin - len(audio16k.samples))
    return Audio(np.pad(samples, (lead, tail)), _RECOGNIZER_SAMPLE_RATE)


def _decode_digits(speech: Audio, language: CodeLanguage, prompt: str) -> str:
    transcript = transcribe(
        speech, language=language, initial_prompt=prompt, max_new_tokens=_MAX_CODE_TOKENS
    )
    return digits_from_transcript(transcript, language)


def digits_from_transcript(transcript: Transcript, language: CodeLanguage = "en") -> str:
    """The digits of a code-reading transcript; "" when the decode failed.

    A decode below Whisper's own confidence threshold, one that echoes the digits prompt
    (a run of :data:`_PROMPT_RUN` digits counting up, which no code has), or one that holds a
    single digit heard nothing.

    Args:
        transcript: What Whisper wrote for the recording, decoded with :data:`DIGITS_PROMPT`.
        language: The language the code was read in.

    Returns:
        The digits heard in order, or "".
    """
    if transcript.log_probability < _MIN_LOG_PROBABILITY:
        return ""
    digits = digits_from_text(transcript.text, language)
    if len(digits) < _MIN_DIGITS_HEARD or _counts_up(digits, _PROMPT_RUN):
        return ""
    return digits


def check_spoken_code(expected: str, heard: str, max_wrong_digits: int = 1) -> CodeCheck:
    """Decide whether the digits heard match the code on screen.

    Up to ``max_wrong_digits`` edits are tolerated (a digit swapped, added or missed: the
    edit distance) in codes of at least :data:`SLACK_MIN_CODE_LENGTH` digits, because the
    recogniser now and then drops or swaps one digit; a different code is still several edits
    away. Shorter codes must be heard exactly.

    Args:
        expected: The code that was shown.
        heard: Digits returned by :func:`recognize_digits`.
        max_wrong_digits: Edits tolerated in long codes.

    Returns:
        The decision with a message for the user.

    Raises:
        ValueError: If ``expected`` is not 4-6 digits or ``heard`` holds non-digits.
    """
    if not (expected.isascii() and expected.isdigit()) or not (
        MIN_CODE_LENGTH <= len(expected) <= MAX_CODE_LENGTH
    ):
        raise ValueError(
            f"expected must be {MIN_CODE_LENGTH}-{MAX_CODE_LENGTH} digits; got {expected!r}."
        )
    if heard and not (heard.isascii() and heard.isdigit()):
        raise ValueError(f"heard must hold only digits; got {heard!r}.")
    if not _has_repeats(expected):
        # Codes never repeat a digit next to itself, so a run such as "8888" is the recogniser
        # looping or echoing ("2151878888…"), never what the person said.
        heard = "".join(digit for i, digit in enumerate(heard) if i == 0 or heard[i - 1] != digit)
    wrong = _edit_distance(expected, heard)
    slack = max_wrong_digits if len(expected) >= SLACK_MIN_CODE_LENGTH else 0
    passed = bool(heard) and wrong <= slack
    if not heard:
        message = sentence(
            "challenge.digits_not_heard",
            "We could not hear the digits. Check your microphone, then read the code aloud, "
            "one digit at a time.",
        )
    elif passed:
        message = sentence("challenge.code_confirmed", "Code confirmed.")
    elif len(heard) != len(expected):
        message = sentence(
            "challenge.wrong_digit_count",
            "We heard {count} digits ({heard}) but the code has {length}. "
            "Please read the code again, one digit at a time.",
            count=len(heard),
            heard=_spaced(heard),
            length=len(expected),
        )
    else:
        message = sentence(
            "challenge.code_mismatch",
            "We heard {heard}, which does not match the code on screen. "
            "Please read it again slowly and clearly.",
            heard=_spaced(heard),
        )
    return CodeCheck(passed=passed, heard=heard, wrong_digits=wrong, message=message)


def _counts_up(digits: str, length: int) -> bool:
    """Whether ``length`` digits in a row each add one to the last ("3456")."""
    run = 1
    for previous, digit in itertools.pairwise(digits):
        run = run + 1 if int(digit) == int(previous) + 1 else 1
        if run >= length:
            return True
    return False


def _has_repeats(digits: str) -> bool:
    return any(a == b for a, b in itertools.pairwise(digits))


def _edit_distance(first: str, second: str) -> int:
    """Levenshtein distance: the fewest swaps, insertions and deletions between two strings."""
    previous = list(range(len(second) + 1))
    for i, a in enumerate(first, start=1):
        current = [i]
        for j, b in enumerate(second, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def _spaced(digits: str) -> str:
    return " ".join(digits)


__all__ = [
    "DIGITS_PROMPT",
    "NUMERALS_PROMPTS",
    "CodeCheck",
    "RecognizerUnavailableError",
    "SpokenCodeError",
    "check_recording",
    "check_spoken_code",
    "digits_from_transcript",
    "new_challenge_code",
    "recognize_digits",
    "speech_window",
]
