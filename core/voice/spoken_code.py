"""The live challenge: a random code shown on screen, spoken aloud, checked offline.

Recognition uses pocketsphinx (US-English acoustic model inside its wheel) restricted by a
JSGF grammar to digit words, so it can only ever hear digits. It sometimes mishears one
digit, hence :func:`check_spoken_code` tolerates one wrong digit by default.
"""

from __future__ import annotations

import functools
import random
import secrets
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from core.voice.samples import find_speech
from core.voice.speech import Audio, resample

if TYPE_CHECKING:
    from pocketsphinx import Decoder

MIN_CODE_LENGTH = 4
MAX_CODE_LENGTH = 6
_RECOGNIZER_SAMPLE_RATE = 16_000
_SPEECH_MARGIN_SECONDS = 0.5
_SYSTEM_RANDOM = secrets.SystemRandom()
# With the defaults (wip 0.65, silprob 0.005, pip 1.0) short words such as "eight" and "oh"
# were inserted in pauses: 14/20 synthetic codes exact. Cheaper silence and dearer phone
# insertions gave 20/20 (docs/voice_calibration.md).
_DECODER_TUNING = {"wip": 0.2, "silprob": 0.3, "pip": 0.3}

# Words the grammar accepts and the digit each stands for; "oh" is how many people say 0.
_WORD_TO_DIGIT = {
    "zero": "0",
    "oh": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}
_DIGITS_GRAMMAR = (
    f"#JSGF V1.0;\ngrammar digits;\npublic <digits> = ( {' | '.join(_WORD_TO_DIGIT)} )+ ;\n"
)


class SpokenCodeError(Exception):
    """Base class for errors raised by :mod:`core.voice.spoken_code`."""


class RecognizerUnavailableError(SpokenCodeError):
    """The offline speech recognizer could not be started."""


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
    common insertion/deletion error and are awkward to read.

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
    digits = [rng.choice("0123456789")]
    while len(digits) < length:
        digits.append(rng.choice([d for d in "0123456789" if d != digits[-1]]))
    return "".join(digits)


def recognize_digits(audio: Audio) -> str:
    """Recognise spoken digits with pocketsphinx and a digits-only grammar.

    Args:
        audio: Mono speech at any rate.

    Returns:
        The digits heard in order (``"zero"`` and ``"oh"`` both give ``"0"``); an empty
        string when no speech or no digit was heard.

    Raises:
        RecognizerUnavailableError: If the pocketsphinx model cannot be loaded.
    """
    audio16k = resample(audio, _RECOGNIZER_SAMPLE_RATE)
    segments = find_speech(audio16k)
    if not segments:
        # On silence the decoder still "hears" a digit; only decode where someone speaks.
        return ""
    start = max(0, round((segments[0][0] - _SPEECH_MARGIN_SECONDS) * _RECOGNIZER_SAMPLE_RATE))
    end = round((segments[-1][1] + _SPEECH_MARGIN_SECONDS) * _RECOGNIZER_SAMPLE_RATE)
    speech = audio16k.samples[start:end]
    pcm = np.round(np.clip(speech, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
    decoder, lock = _digits_decoder()
    # A decoder holds one utterance at a time; the lock keeps concurrent requests apart.
    with lock:
        decoder.start_utt()
        decoder.process_raw(pcm, full_utt=True)
        decoder.end_utt()
        # seg() yields nothing useful (None) when the decoder found no hypothesis at all.
        words = [segment.word for segment in decoder.seg()] if decoder.hyp() else []
    return "".join(
        _WORD_TO_DIGIT[word] for word in map(_base_word, words) if word in _WORD_TO_DIGIT
    )


def check_spoken_code(expected: str, heard: str, max_wrong_digits: int = 1) -> CodeCheck:
    """Decide whether the digits heard match the code on screen.

    Up to ``max_wrong_digits`` edits are tolerated (a digit swapped, added or missed: the
    edit distance), because the recognizer now and then swaps or inserts a digit in clean
    speech; a different code is still several edits away.

    Args:
        expected: The code that was shown.
        heard: Digits returned by :func:`recognize_digits`.
        max_wrong_digits: Edits tolerated.

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
    wrong = _edit_distance(expected, heard)
    passed = bool(heard) and wrong <= max_wrong_digits
    if not heard:
        message = "We could not hear any digits. Check your microphone and read the code aloud."
    elif passed:
        message = "Code confirmed."
    elif len(heard) != len(expected):
        message = (
            f"We heard {len(heard)} digits ({_spaced(heard)}) but the code has "
            f"{len(expected)}. Please read the code again, one digit at a time."
        )
    else:
        message = (
            f"We heard {_spaced(heard)}, which does not match the code on screen. "
            "Please read it again slowly and clearly."
        )
    return CodeCheck(passed=passed, heard=heard, wrong_digits=wrong, message=message)


@functools.cache
def _digits_decoder() -> tuple[Decoder, threading.Lock]:
    """Build the digits-grammar decoder once per process (about 0.1 s)."""
    from pocketsphinx import Decoder

    try:
        # lm=None: skip loading the large default language model; the grammar replaces it.
        decoder = Decoder(lm=None, loglevel="FATAL", **_DECODER_TUNING)
        decoder.add_jsgf_string("digits", _DIGITS_GRAMMAR)
        decoder.activate_search("digits")
    except (RuntimeError, ValueError, KeyError) as error:
        raise RecognizerUnavailableError(
            "The offline speech recognizer could not start; reinstall the pocketsphinx "
            "package and restart the app."
        ) from error
    return decoder, threading.Lock()


def _base_word(word: str) -> str:
    # Alternate pronunciations come back as "zero(2)".
    return word.split("(", 1)[0]


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
