"""Offline speech recognition with Whisper *base* (faster-whisper / CTranslate2).

The model comes from two pip packages assembled and SHA-256-checked at install time
(:mod:`core.model_files`); nothing is downloaded at run time. One model is loaded per process,
lazily and behind a lock (:func:`load_whisper`); the app may call it at start on a background
thread so the first live check does not pay for it.

Other parts of the app (e.g. lip sync) may reuse :func:`transcribe`.
"""

from __future__ import annotations

import functools
import os
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from core.media.audio import Audio
from core.model_files import ModelFileMissingError, whisper_model_dir
from core.voice.speech import resample

if TYPE_CHECKING:
    from faster_whisper import WhisperModel

WHISPER_SAMPLE_RATE = 16_000
_LOAD_LOCK = threading.Lock()


class SpeechRecognitionError(Exception):
    """Base class for errors raised by :mod:`core.voice.asr`."""


class RecognizerUnavailableError(SpeechRecognitionError):
    """The offline speech recogniser could not be loaded."""


@dataclass(frozen=True)
class Transcript:
    """What Whisper heard.

    Attributes:
        text: The words, segments joined by spaces (may be empty).
        language: The language decoded (the one asked for, or the one detected).
        no_speech_probability: Whisper's own estimate that the audio holds no speech (0-1), the
            highest over segments; 1.0 when no segment was produced.
        log_probability: The decoder's mean log-probability per token, the lowest over
            segments (0 is certain; Whisper's own rule treats a decode below -1.0 as failed);
            -inf when no segment was produced.
    """

    text: str
    language: str
    no_speech_probability: float
    log_probability: float = float("-inf")


@functools.cache
def _cached_model(threads: int) -> WhisperModel:
    from faster_whisper import WhisperModel

    try:
        folder = whisper_model_dir()
    except ModelFileMissingError as error:
        raise RecognizerUnavailableError(str(error)) from error
    try:
        # int8 weights: ~2x faster than float32 on CPU, same digits in our calibration set.
        return WhisperModel(str(folder), device="cpu", compute_type="int8", cpu_threads=threads)
    except (RuntimeError, ValueError, OSError) as error:
        raise RecognizerUnavailableError(
            f"The offline speech recogniser could not start ({error}); run "
            "`python -m core.model_files` again and restart the app."
        ) from error


def load_whisper(threads: int | None = None) -> WhisperModel:
    """Load (once per process) and return the Whisper model.

    Args:
        threads: CPU threads for CTranslate2; default: up to 4, never more than the CPUs.

    Returns:
        The shared ``faster_whisper.WhisperModel`` (safe to call from several threads).

    Raises:
        RecognizerUnavailableError: The model files are missing or unreadable.
    """
    count = threads if threads is not None else min(4, os.cpu_count() or 1)
    # The cache alone would let two threads load the model twice at start.
    with _LOAD_LOCK:
        return _cached_model(count)


def transcribe(
    audio: Audio,
    language: str | None = None,
    *,
    initial_prompt: str | None = None,
    max_new_tokens: int | None = None,
) -> Transcript:
    """Transcribe a short recording (a few seconds; longer ones are decoded in 30 s windows).

    Greedy decoding, no timestamps, no conditioning on earlier text: a live-check recording
    is one utterance, and beam search cost ~2x the time for the same digits.

    Args:
        audio: Mono audio at any rate.
        language: Whisper language code ("en", "zh", "id", "ca"…), or None to detect it.
        initial_prompt: Text that primes the decoder (e.g. digits written out).
        max_new_tokens: Stop a segment after this many tokens. Whisper sometimes loops on
            fast speech ("2151878888888…"); a cap keeps such a decode from taking 20 s.

    Returns:
        The transcript.

    Raises:
        RecognizerUnavailableError: The model could not be loaded.
    """
    samples = resample(audio, WHISPER_SAMPLE_RATE).samples.astype(np.float32)
    if samples.size == 0:
        return Transcript(text="", language=language or "", no_speech_probability=1.0)
    model = load_whisper()
    segments, info = model.transcribe(
        samples,
        language=language,
        beam_size=1,
        temperature=0.0,
        log_prob_threshold=None,  # the caller judges low confidence (see Transcript)
        condition_on_previous_text=False,
        without_timestamps=True,
        initial_prompt=initial_prompt,
        max_new_tokens=max_new_tokens,
    )
    parts = list(segments)  # decoding happens while iterating
    text = " ".join(part.text.strip() for part in parts).strip()
    no_speech = max((part.no_speech_prob for part in parts), default=1.0)
    log_probability = min((part.avg_logprob for part in parts), default=float("-inf"))
    return Transcript(
        text=text,
        language=info.language,
        no_speech_probability=no_speech,
        log_probability=log_probability,
    )


__all__ = [
    "WHISPER_SAMPLE_RATE",
    "RecognizerUnavailableError",
    "SpeechRecognitionError",
    "Transcript",
    "load_whisper",
    "transcribe",
]
