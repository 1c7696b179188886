"""Shifting the built-in TTS voice toward a double's own voice with the WORLD vocoder.

Only pitch and vocal-tract length (formants) move; it is *not* voice cloning: timbre details,
accent and speaking style stay those of the TTS voice, and the UI must say so. The shift that
brings a line closest to the double's voice sample is chosen with Resemblyzer speaker
embeddings (:mod:`core.voice.samples`).
"""

from __future__ import annotations

import functools
import logging
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

import numpy as np

from core.voice.samples import (
    PITCH_MAX_HZ,
    PITCH_MIN_HZ,
    VOICE_SAMPLE_RATE,
    VoiceError,
    VoiceSample,
    speaker_vectors,
)
from core.voice.speech import Audio, resample

logger = logging.getLogger(__name__)

_WORLD_FRAME_PERIOD_MS = 5.0
# WORLD re-synthesises whole analysis frames, so shifted speech can come out up to one frame
# longer than its input (measured: +34 to +84 samples at 22.05 kHz), never shorter.
MAX_SHIFT_GROWTH_SECONDS = _WORLD_FRAME_PERIOD_MS / 1000
_F0_RATIO_LIMITS = (0.5, 2.0)
FORMANT_WARP_CANDIDATES = (0.86, 0.93, 1.0, 1.07, 1.14)


class VoiceShiftError(VoiceError):
    """The voice could not be shifted (no pitch found)."""


def shift_voice(audio: Audio, *, f0_ratio: float, formant_warp: float) -> Audio:
    """Change pitch and formants of speech with the WORLD vocoder.

    Args:
        audio: Mono speech.
        f0_ratio: Pitch multiplier (0.5 = an octave lower).
        formant_warp: Spectral-envelope stretch (> 1 moves formants up, "smaller" speaker).

    Returns:
        The shifted speech at the input rate, with the input's peak level.

    Raises:
        VoiceShiftError: If no pitched (voiced) sound is found.
    """
    analysis = _WorldAnalysis.of(audio)
    return analysis.synthesize(f0_ratio=f0_ratio, formant_warp=formant_warp)


@dataclass(frozen=True)
class VoiceShift:
    """How to shift one TTS voice toward one reference voice (see :func:`choose_voice_shift`).

    Attributes:
        f0_ratio: Pitch multiplier for :func:`shift_voice`.
        formant_warp: Spectral-envelope warp for :func:`shift_voice`.
        similarity: Resemblyzer similarity of the shifted probe speech to the reference.
    """

    f0_ratio: float
    formant_warp: float
    similarity: float


def choose_voice_shift(
    audio: Audio,
    reference: VoiceSample,
    *,
    formant_warps: Sequence[float] = FORMANT_WARP_CANDIDATES,
) -> VoiceShift:
    """Choose the pitch ratio and formant warp that bring speech closest to a reference voice.

    This is the expensive part of :func:`shift_voice_toward` (one Resemblyzer embedding per
    candidate). Choose once per speaker with a representative line, then apply the result to
    each line with :func:`shift_voice` (~20x cheaper per line).

    Args:
        audio: Speech in the voice to shift (a representative line; longer is steadier).
        reference: The double's voice sample.
        formant_warps: Candidate spectral-envelope warps to try.

    Returns:
        The chosen :class:`VoiceShift`.

    Raises:
        VoiceShiftError: If either voice has no pitched sound.
        ValueError: If ``formant_warps`` is empty.
    """
    shift, _ = _best_shift(audio, reference, formant_warps)
    return shift


def choose_and_apply_voice_shift(
    audio: Audio,
    reference: VoiceSample,
    *,
    formant_warps: Sequence[float] = FORMANT_WARP_CANDIDATES,
) -> tuple[VoiceShift, Audio]:
    """:func:`choose_voice_shift`, plus ``audio`` shifted by the choice (no extra vocoder pass).

    The shifted speech has the same samples ``shift_voice(audio, ...)`` with the chosen shift
    would give.

    Args:
        audio: Speech in the voice to shift.
        reference: The double's voice sample.
        formant_warps: Candidate spectral-envelope warps to try.

    Returns:
        The chosen :class:`VoiceShift` and the shifted speech.

    Raises:
        VoiceShiftError: If either voice has no pitched sound.
        ValueError: If ``formant_warps`` is empty.
    """
    return _best_shift(audio, reference, formant_warps)


def shift_voice_toward(
    audio: Audio,
    reference: VoiceSample,
    *,
    formant_warps: Sequence[float] = FORMANT_WARP_CANDIDATES,
) -> Audio:
    """Shift speech (typically TTS) toward a reference voice — voice shifting, not cloning.

    The pitch is scaled by median F0 of the reference / median F0 of ``audio``; the formant
    warp is picked from ``formant_warps`` to maximise Resemblyzer similarity to the
    reference. Only pitch and vocal-tract length move; timbre, accent and style stay those
    of the input voice. To shift many lines of one speaker, use :func:`choose_voice_shift`
    once and :func:`shift_voice` per line instead.

    Args:
        audio: Speech to shift, any rate.
        reference: The double's voice sample.
        formant_warps: Candidate spectral-envelope warps to try.

    Returns:
        Shifted speech at the rate of ``audio``.

    Raises:
        VoiceShiftError: If either voice has no pitched sound.
        ValueError: If ``formant_warps`` is empty.
    """
    _, shifted = _best_shift(audio, reference, formant_warps)
    return shifted


def _best_shift(
    audio: Audio, reference: VoiceSample, formant_warps: Sequence[float]
) -> tuple[VoiceShift, Audio]:
    """The best candidate shift and the speech it produced (so callers need not resynthesize)."""
    if not formant_warps:
        raise ValueError("formant_warps must name at least one candidate warp.")
    analysis = _WorldAnalysis.of(audio)
    f0_ratio = float(np.clip(_median_f0(reference.audio) / analysis.median_f0(), *_F0_RATIO_LIMITS))
    candidates = [analysis.synthesize(f0_ratio=f0_ratio, formant_warp=w) for w in formant_warps]
    # The reference and every candidate in one pass through the encoder.
    target, *embedded = speaker_vectors(
        [reference.audio.samples, *(resample(c, VOICE_SAMPLE_RATE).samples for c in candidates)]
    )
    scores = [float(np.dot(embedding, target)) for embedding in embedded]
    best = int(np.argmax(scores))  # the first of equal scores, like a strict ">" loop
    logger.debug(
        "voice shift: f0 x%.2f, formant warp %.2f, sim %.3f",
        f0_ratio,
        formant_warps[best],
        scores[best],
    )
    return VoiceShift(f0_ratio, formant_warps[best], round(scores[best], 4)), candidates[best]


@dataclass(frozen=True, eq=False)
class _WorldAnalysis:
    """WORLD parameters of one clip, analysed once and resynthesised per candidate."""

    f0: np.ndarray
    envelope: np.ndarray
    aperiodicity: np.ndarray
    sample_rate: int
    peak: float

    @classmethod
    def of(cls, audio: Audio) -> _WorldAnalysis:
        world = _pyworld()
        samples = audio.samples.astype(np.float64)
        f0 = _world_f0(samples, audio.sample_rate)
        if not np.any(f0 > 0):
            raise VoiceShiftError(
                "The speech has no pitched sound, so its voice cannot be shifted."
            )
        envelope = world.cheaptrick(samples, f0, _frame_times(f0), audio.sample_rate)
        aperiodicity = world.d4c(samples, f0, _frame_times(f0), audio.sample_rate)
        return cls(f0, envelope, aperiodicity, audio.sample_rate, float(np.max(np.abs(samples))))

    def median_f0(self) -> float:
        """Median pitch of the voiced frames, in Hz."""
        return float(np.median(self.f0[self.f0 > 0]))  # `of` refused clips with none

    def synthesize(self, *, f0_ratio: float, formant_warp: float) -> Audio:
        samples = _pyworld().synthesize(
            self.f0 * f0_ratio,
            _warp_envelope(self.envelope, formant_warp),
            self.aperiodicity,
            self.sample_rate,
            _WORLD_FRAME_PERIOD_MS,
        )
        peak = float(np.max(np.abs(samples)))
        if peak > 0:
            samples = samples * (self.peak / peak)
        return Audio(samples.astype(np.float32), self.sample_rate)


def _warp_envelope(envelope: np.ndarray, warp: float) -> np.ndarray:
    """Stretch each frame's spectral envelope along frequency: new(f) = old(f / warp)."""
    if warp == 1.0:
        return envelope
    bins = envelope.shape[1]
    source = np.clip(np.arange(bins) / warp, 0, bins - 1)
    lower = np.floor(source).astype(int)
    upper = np.minimum(lower + 1, bins - 1)
    weight = source - lower
    # Interpolate in the log domain: envelopes span many decades of power.
    log_env = np.log(np.maximum(envelope, 1e-16))
    warped = log_env[:, lower] * (1 - weight) + log_env[:, upper] * weight
    return np.ascontiguousarray(np.exp(warped))


def _median_f0(audio: Audio) -> float:
    f0 = _world_f0(audio.samples.astype(np.float64), audio.sample_rate)
    voiced = f0[f0 > 0]
    if voiced.size == 0:
        raise VoiceShiftError("The speech has no pitched sound, so its voice cannot be shifted.")
    return float(np.median(voiced))


def _world_f0(samples: np.ndarray, sample_rate: int) -> np.ndarray:
    world = _pyworld()
    # DIO + StoneMask is ~10x faster than Harvest and accurate enough on clean speech.
    raw_f0, times = world.dio(
        samples,
        sample_rate,
        f0_floor=PITCH_MIN_HZ,
        f0_ceil=PITCH_MAX_HZ * 2,
        frame_period=_WORLD_FRAME_PERIOD_MS,
    )
    return world.stonemask(samples, raw_f0, times, sample_rate)


def _frame_times(f0: np.ndarray) -> np.ndarray:
    return np.arange(len(f0)) * (_WORLD_FRAME_PERIOD_MS / 1000.0)


@functools.cache
def _pyworld() -> ModuleType:
    # pyworld 0.3.5 imports pkg_resources only to read its own version and warns about it.
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
        import pyworld

    return pyworld
