"""A double's reference voice: find speech, keep a clean sample, embed it, compare voices.

Speaker embeddings come from Resemblyzer's GE2E encoder (weights ship in its wheel). Shifting
the built-in TTS voice toward a double's voice is :mod:`core.voice.shift`.
"""

from __future__ import annotations

import functools
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from core.voice.speech import Audio, resample

if TYPE_CHECKING:
    from resemblyzer import VoiceEncoder

logger = logging.getLogger(__name__)

VOICE_SAMPLE_RATE = 16_000
RESEMBLYZER_MODEL = "resemblyzer-ge2e-256"
# Cosine similarity at or above which two voices count as the same speaker. Calibrated in
# docs/voice_calibration.md: same TTS voice on other sentences, speeds or with 20 dB noise
# 0.87-0.95; pitch/formant-shifted "other speakers" 0.51-0.76. Synthetic data only: re-check
# with real webcam recordings, where same-speaker scores will be lower.
VOICE_MATCH_THRESHOLD = 0.80

_VAD_FRAME_SECONDS = 0.03
_VAD_AGGRESSIVENESS = 2
# Pauses between words shorter than this stay inside one speech segment.
_MERGE_GAP_SECONDS = 0.3
_MIN_SEGMENT_SECONDS = 0.1
# webrtcvad alone marks steady noise (fans, hiss) as speech. Speech has voiced frames (a
# periodic glottal pulse at 70-400 Hz); VAD frames are kept only near such frames.
_VOICED_CORRELATION = 0.55
_MIN_VOICED_FRAMES_NEARBY = 3
_VOICED_NEIGHBOURHOOD_FRAMES = 7
PITCH_MIN_HZ = 70.0
PITCH_MAX_HZ = 400.0

_SAMPLE_RMS_TARGET = 0.1  # -20 dBFS: loud enough to hear, room for peaks
_SAMPLE_PEAK_LIMIT = 0.95
# Resemblyzer's mel input is linear, so its embeddings depend on level; its own
# preprocessing normalises to -30 dBFS and so do we before embedding.
_EMBEDDING_RMS = 10 ** (-30 / 20)
# Resemblyzer's embed_utterance defaults: partial windows per second, and how much of the last
# window real audio must fill for it to count.
_PARTIALS_PER_SECOND = 1.3
_MIN_LAST_PARTIAL_COVERAGE = 0.75


class VoiceError(Exception):
    """Base class for errors raised by :mod:`core.voice.samples`."""


class NoSpeechError(VoiceError):
    """The audio holds too little usable speech."""


class VoiceModelMismatchError(VoiceError):
    """Two embeddings come from different models and cannot be compared."""


class VoiceEmbeddingFormatError(VoiceError):
    """Stored embedding bytes are not a valid embedding."""


@dataclass(frozen=True, eq=False)
class VoiceSample:
    """Speech kept from a reference clip, at 16 kHz, loudness-normalised.

    Attributes:
        audio: Concatenated speech parts, mono, 16 kHz.
        speech_seconds: Seconds of speech kept (the length of ``audio``).
        segments: (start, end) seconds of the kept parts in the source clip.
    """

    audio: Audio
    speech_seconds: float
    segments: tuple[tuple[float, float], ...]

    @classmethod
    def from_wav_bytes(cls, data: bytes) -> VoiceSample:
        """A sample as a double keeps it: its speech as 16-bit WAV (the segments are not kept).

        Raises:
            core.media.audio.AudioFormatError: Not a 16-bit PCM WAV file.
        """
        audio = Audio.from_wav_bytes(data)
        return cls(audio=audio, speech_seconds=audio.duration, segments=())


@dataclass(frozen=True, eq=False)
class VoiceEmbedding:
    """A speaker embedding and the name of the model that made it.

    Attributes:
        model: Model name, e.g. ``"resemblyzer-ge2e-256"``; only same-model embeddings compare.
        vector: 1-D float32 vector (stored read-only).
    """

    model: str
    vector: np.ndarray

    def __post_init__(self) -> None:
        vector = np.array(self.vector, dtype=np.float32, copy=True)
        if vector.ndim != 1 or vector.size == 0 or not np.all(np.isfinite(vector)):
            raise VoiceEmbeddingFormatError(
                "The stored voice embedding is damaged; register the voice again."
            )
        vector.setflags(write=False)
        object.__setattr__(self, "vector", vector)

    def to_bytes(self) -> bytes:
        """Return the vector as little-endian float32 bytes (the model name is stored apart)."""
        return self.vector.astype("<f4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes, model: str = RESEMBLYZER_MODEL) -> VoiceEmbedding:
        """Rebuild an embedding from :meth:`to_bytes` output.

        Args:
            data: Little-endian float32 bytes.
            model: The model name stored next to the bytes.

        Returns:
            The embedding.

        Raises:
            VoiceEmbeddingFormatError: If the bytes are empty or not whole float32 values.
        """
        if not data or len(data) % 4:
            raise VoiceEmbeddingFormatError(
                f"The stored voice embedding has {len(data)} bytes, which is not a whole "
                "number of float32 values; register the voice again."
            )
        return cls(model=model, vector=np.frombuffer(data, dtype="<f4"))


def find_speech(audio16k: Audio) -> list[tuple[float, float]]:
    """Find the parts of a 16 kHz clip that hold speech.

    webrtcvad (30 ms frames, aggressiveness 2) proposes frames; frames far from any voiced
    (pitched) sound are dropped so that steady noise is not taken for speech; parts closer
    than 0.3 s are merged.

    Args:
        audio16k: Mono audio at 16 kHz.

    Returns:
        (start, end) times in seconds, in order, non-overlapping; empty when there is none.

    Raises:
        ValueError: If the audio is not at 16 kHz.
    """
    if audio16k.sample_rate != VOICE_SAMPLE_RATE:
        raise ValueError(
            f"find_speech needs 16 kHz audio; got {audio16k.sample_rate} Hz. "
            "Convert it first with core.voice.speech.resample(audio, 16000)."
        )
    frames = _split_frames(audio16k.samples, round(_VAD_FRAME_SECONDS * VOICE_SAMPLE_RATE))
    if len(frames) == 0:
        return []
    vad_flags = _webrtc_speech_flags(frames)
    near_voiced = _near_voiced(_voiced_flags(frames))
    return _frames_to_segments(vad_flags & near_voiced, _VAD_FRAME_SECONDS)


def extract_voice_sample(
    audio: Audio, *, min_speech_seconds: float = 1.0, max_seconds: float = 10.0
) -> VoiceSample:
    """Keep the speech of a clip as a clean, level voice sample.

    Args:
        audio: Mono audio at any rate (e.g. the soundtrack of the reference video).
        min_speech_seconds: Least speech needed to make a usable voice.
        max_seconds: Most speech kept (the first seconds of speech).

    Returns:
        The voice sample at 16 kHz, RMS-normalised to -20 dBFS with peaks below 0.95.

    Raises:
        NoSpeechError: If the clip has less than ``min_speech_seconds`` of speech.
    """
    audio16k = resample(audio, VOICE_SAMPLE_RATE)
    kept_parts: list[np.ndarray] = []
    kept_segments: list[tuple[float, float]] = []
    budget = round(max_seconds * VOICE_SAMPLE_RATE)
    for start, end in find_speech(audio16k):
        if budget <= 0:
            break
        part = audio16k.samples[round(start * VOICE_SAMPLE_RATE) : round(end * VOICE_SAMPLE_RATE)]
        part = part[:budget]
        budget -= len(part)
        kept_parts.append(part)
        kept_segments.append((start, start + len(part) / VOICE_SAMPLE_RATE))
    speech = np.concatenate(kept_parts) if kept_parts else np.zeros(0, dtype=np.float32)
    speech_seconds = len(speech) / VOICE_SAMPLE_RATE
    if speech_seconds < min_speech_seconds:
        raise NoSpeechError(
            f"The clip has no speech we can use ({speech_seconds:.1f} s found, "
            f"{min_speech_seconds:.1f} s needed), so the double will have no voice. "
            "Record again and speak clearly for a few seconds, or add a separate voice clip."
        )
    return VoiceSample(
        audio=Audio(_normalize_loudness(speech), VOICE_SAMPLE_RATE),
        speech_seconds=speech_seconds,
        segments=tuple(kept_segments),
    )


def speaker_embedding(sample: VoiceSample) -> VoiceEmbedding:
    """Embed a voice sample with Resemblyzer (GE2E, 256 dimensions).

    Args:
        sample: Output of :func:`extract_voice_sample`.

    Returns:
        An L2-normalised embedding tagged ``"resemblyzer-ge2e-256"``.
    """
    return VoiceEmbedding(model=RESEMBLYZER_MODEL, vector=_embed_16k(sample.audio.samples))


def voice_similarity(first: VoiceEmbedding, second: VoiceEmbedding) -> float:
    """Cosine similarity of two speaker embeddings (1.0 = identical direction).

    Compare with :data:`VOICE_MATCH_THRESHOLD` to decide "same speaker".

    Args:
        first: An embedding.
        second: Another embedding from the same model.

    Returns:
        Similarity in [-1, 1].

    Raises:
        VoiceModelMismatchError: If the embeddings come from different models or sizes.
    """
    if first.model != second.model or first.vector.shape != second.vector.shape:
        raise VoiceModelMismatchError(
            f"These voices were measured with different models ({first.model!r} and "
            f"{second.model!r}) and cannot be compared; register the voice again."
        )
    norms = float(np.linalg.norm(first.vector) * np.linalg.norm(second.vector))
    if norms == 0.0:
        return 0.0
    return float(np.dot(first.vector, second.vector) / norms)


def _normalize_loudness(samples: np.ndarray) -> np.ndarray:
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
    peak = float(np.max(np.abs(samples)))
    if rms == 0.0 or peak == 0.0:
        return samples
    gain = min(_SAMPLE_RMS_TARGET / rms, _SAMPLE_PEAK_LIMIT / peak)
    return (samples * gain).astype(np.float32)


def _embed_16k(samples: np.ndarray) -> np.ndarray:
    return speaker_vectors([samples])[0]


def speaker_vectors(clips: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Resemblyzer embedding vectors of 16 kHz clips, all in one forward pass of the encoder.

    The same steps as ``VoiceEncoder.embed_utterance`` (1.6 s partial windows at its default
    rate and coverage, averaged and L2-normalised), with the windows of every clip in one
    batch: one pass instead of one per clip, which was most of choosing a voice shift.

    Args:
        clips: Mono float samples at :data:`VOICE_SAMPLE_RATE`.

    Returns:
        One L2-normalised 256-d vector per clip.
    """
    import torch

    encoder = _voice_encoder()  # first: it imports resemblyzer with its warnings silenced
    from resemblyzer.audio import wav_to_mel_spectrogram

    windows: list[np.ndarray] = []
    counts: list[int] = []
    for samples in clips:
        rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64))))
        wav = np.asarray(samples * (_EMBEDDING_RMS / rms) if rms > 0 else samples, np.float32)
        wav_slices, mel_slices = encoder.compute_partial_slices(
            len(wav), _PARTIALS_PER_SECOND, _MIN_LAST_PARTIAL_COVERAGE
        )
        if wav_slices[-1].stop >= len(wav):
            wav = np.pad(wav, (0, wav_slices[-1].stop - len(wav)), "constant")
        mel = wav_to_mel_spectrogram(wav)
        windows.extend(mel[window] for window in mel_slices)
        counts.append(len(mel_slices))
    with torch.no_grad():
        partials = encoder(torch.from_numpy(np.array(windows)).to(encoder.device)).cpu().numpy()
    embeddings, start = [], 0
    for count in counts:
        mean = np.mean(partials[start : start + count], axis=0)
        embeddings.append(mean / np.linalg.norm(mean, 2))
        start += count
    return embeddings


@functools.cache
def _voice_encoder() -> VoiceEncoder:
    """Load Resemblyzer's encoder once per process (weights ship in its wheel)."""
    # resemblyzer 0.1.4 imports a scipy.ndimage path that SciPy deprecated; nothing we can fix.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="resemblyzer")
        from resemblyzer import VoiceEncoder

    return VoiceEncoder("cpu", verbose=False)


@functools.cache
def _webrtc_vad() -> object:
    import webrtcvad

    return webrtcvad.Vad(_VAD_AGGRESSIVENESS)


def _split_frames(samples: np.ndarray, frame_length: int) -> np.ndarray:
    count = len(samples) // frame_length
    return samples[: count * frame_length].reshape(count, frame_length)


def _webrtc_speech_flags(frames: np.ndarray) -> np.ndarray:
    vad = _webrtc_vad()
    pcm = np.round(np.clip(frames, -1.0, 1.0) * 32767.0).astype("<i2")
    return np.array([vad.is_speech(frame.tobytes(), VOICE_SAMPLE_RATE) for frame in pcm])


def _voiced_flags(frames: np.ndarray) -> np.ndarray:
    """Frames whose normalised autocorrelation has a clear peak in the human pitch range."""
    centered = frames - frames.mean(axis=1, keepdims=True)
    length = centered.shape[1]
    spectrum = np.fft.rfft(centered, n=2 * length, axis=1)
    autocorrelation = np.fft.irfft(np.abs(spectrum) ** 2, axis=1)[:, :length]
    energy = autocorrelation[:, :1]
    # Unbiased estimate: divide by the overlap so long lags are not penalised.
    overlap = (length - np.arange(length)) / length
    normalized = autocorrelation / np.maximum(energy, 1e-12) / overlap
    lag_min = int(VOICE_SAMPLE_RATE / PITCH_MAX_HZ)
    lag_max = min(int(VOICE_SAMPLE_RATE / PITCH_MIN_HZ), length - 1)
    in_range = normalized[:, lag_min:lag_max]
    peak = in_range.max(axis=1)
    # Low-pass noise (rumble) correlates at every short lag and simply decays: its maximum
    # sits at the first lag. A voice rises again to a peak at its pitch period.
    rises_to_peak = in_range[:, 0] < peak - 0.05
    audible = energy[:, 0] > 1e-6
    return audible & rises_to_peak & (peak > _VOICED_CORRELATION)


def _near_voiced(voiced: np.ndarray) -> np.ndarray:
    """Frames with at least a few voiced frames around them (one stray frame is noise)."""
    kernel = np.ones(2 * _VOICED_NEIGHBOURHOOD_FRAMES + 1)
    counts = np.convolve(voiced.astype(float), kernel, mode="same")
    return counts >= _MIN_VOICED_FRAMES_NEARBY


def _frames_to_segments(flags: np.ndarray, frame_seconds: float) -> list[tuple[float, float]]:
    segments: list[list[float]] = []
    padded = np.concatenate([[False], flags, [False]]).astype(int)
    starts = np.flatnonzero(np.diff(padded) == 1)
    ends = np.flatnonzero(np.diff(padded) == -1)
    for start, end in zip(starts, ends, strict=True):
        start_s, end_s = start * frame_seconds, end * frame_seconds
        if segments and start_s - segments[-1][1] <= _MERGE_GAP_SECONDS:
            segments[-1][1] = end_s
        else:
            segments.append([start_s, end_s])
    return [
        (round(float(start), 3), round(float(end), 3))
        for start, end in segments
        if end - start >= _MIN_SEGMENT_SECONDS
    ]
