"""Dialogue for a clip: place each voiced line in its shot, and mix the soundtrack.

Lines are voiced by :class:`core.generation.voicing.DialogueVoicer`, then placed one after the
other after a short lead-in. When the speech does not fit its shot, the line is re-spoken faster
(up to :data:`MAX_SPEED_UP`); words are never cut.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from core.generation.lipsync import mouth_track
from core.generation.types import GenerationError, ShotPlan, SpokenLine
from core.media.audio import Audio
from core.scripts.model import Shot, speaking_seconds
from core.sentences import sentence
from core.voice.speech import TimedSpeech, resample

logger = logging.getLogger(__name__)

MIX_SAMPLE_RATE = 48_000  # what encode_mp4 writes to AAC anyway
LEAD_IN_SECONDS = 0.3  # breath before the first line, so a cut never lands on a word
GAP_SECONDS = 0.25  # pause between two lines of one shot
TAIL_SECONDS = 0.15  # room after the last line before the next shot's cut
MIN_LEAD_IN_SECONDS, MIN_GAP_SECONDS = 0.05, 0.08  # squeezed only when speed-up is not enough
# Faster than this, the built-in voice starts to gabble; a script needing more is refused.
MAX_SPEED_UP = 1.5
# Speeds are rounded up to this step so re-planning a shot reuses voiced lines from the cache.
SPEED_STEP = 0.05
LINE_FADE_SECONDS = 0.01  # removes clicks where a line starts and stops
CLIP_FADE_SECONDS = 0.03
MIX_PEAK = 0.95
# A subtitle-only line gets the time a brisk speaker would need, at least this much.
MIN_SILENT_LINE_SECONDS = 1.0


class LineVoicer(Protocol):
    """Speaks a role's line at a speed (a render's :class:`~core.generation.voicing.DialogueVoicer`,
    or the unshifted voice that checks a script before it is queued)."""

    def voice(self, role: str, text: str, *, speed: float = 1.0) -> Audio | None: ...


class DialogueError(GenerationError):
    """The dialogue could not be voiced or placed."""


class DialogueTooLongError(DialogueError):
    """A shot's lines do not fit in it even when spoken fast."""


def place_shot_lines(
    shot: Shot, shot_number: int, *, fps: int, frame_count: int, voicer: LineVoicer
) -> tuple[SpokenLine, ...]:
    """Voice a shot's lines and place them one after another inside the shot.

    Args:
        shot: The (validated) shot.
        shot_number: 1-based number, for messages.
        fps: Output frame rate.
        frame_count: Frames of the shot (the loudness arrays get this length).
        voicer: The render's voicer (or :mod:`core.generation.dialogue_fit`'s, which checks a
            script before it is queued with exactly this rule).

    Returns:
        The placed lines, in script order.

    Raises:
        DialogueTooLongError: The lines do not fit even spoken at :data:`MAX_SPEED_UP`.
    """
    if not shot.dialogue:
        return ()
    duration = frame_count / fps
    audios = [voicer.voice(line.role, line.text) for line in shot.dialogue]
    lengths = [
        _line_length(line.text, audio) for line, audio in zip(shot.dialogue, audios, strict=True)
    ]
    speed = _speed_needed(lengths, duration)
    if speed > 1.0:
        logger.warning(
            "Shot %d's dialogue is spoken %.2fx faster to fit the shot.", shot_number, speed
        )
        audios = [
            voicer.voice(line.role, line.text, speed=speed) if audio is not None else None
            for line, audio in zip(shot.dialogue, audios, strict=True)
        ]
        lengths = [
            audio.duration if audio is not None else length / speed
            for audio, length in zip(audios, lengths, strict=True)
        ]
    starts = _line_starts(lengths, duration, shot_number)
    placed = []
    for line, audio, start, length in zip(shot.dialogue, audios, starts, lengths, strict=True):
        loudness = loudness_envelope(audio, start=start, fps=fps, frame_count=frame_count)
        mouth = None
        if audio is not None:
            phonemes = audio.phonemes if isinstance(audio, TimedSpeech) else ()
            mouth = mouth_track(
                phonemes, start=start, fps=fps, frame_count=frame_count, loudness=loudness
            )
        placed.append(SpokenLine(line.role, line.text, start, start + length, audio, loudness,
                                 mouth))  # fmt: skip
    return tuple(placed)


def _line_length(text: str, audio: Audio | None) -> float:
    if audio is not None:
        return audio.duration
    return max(MIN_SILENT_LINE_SECONDS, speaking_seconds(text))


def _speed_needed(lengths: list[float], duration: float) -> float:
    """1.0 when the lines fit with normal pauses, else the speed-up that makes them fit."""
    pauses = LEAD_IN_SECONDS + GAP_SECONDS * (len(lengths) - 1) + TAIL_SECONDS
    if sum(lengths) + pauses <= duration:
        return 1.0
    available = max(duration - pauses, 1e-3)
    # Rounded up to a step, and with 3 % spare because piper's timing is not exactly linear.
    raw = 1.03 * sum(lengths) / available
    return min(MAX_SPEED_UP, math.ceil(raw / SPEED_STEP) * SPEED_STEP)


def _line_starts(lengths: list[float], duration: float, shot_number: int) -> list[float]:
    """Start times (seconds into the shot), squeezing pauses before refusing."""
    speech = sum(lengths)
    gaps = len(lengths) - 1
    lead_in, gap = LEAD_IN_SECONDS, GAP_SECONDS
    spare = duration - speech - lead_in - gap * gaps - TAIL_SECONDS
    if spare < 0:
        lead_in, gap = MIN_LEAD_IN_SECONDS, MIN_GAP_SECONDS
        if duration - speech - lead_in - gap * gaps < 0:
            raise DialogueTooLongError(
                sentence(
                    "render.dialogue_too_long",
                    "Shot {number}'s dialogue takes {needed} s even spoken fast, but the shot "
                    "lasts {seconds} s. Shorten the lines or lengthen the shot.",
                    number=shot_number,
                    needed=f"{speech:.1f}",
                    seconds=f"{duration:.1f}",
                )
            )
    starts, time = [], lead_in
    for length in lengths:
        starts.append(time)
        time += length + gap
    return starts


def loudness_envelope(
    audio: Audio | None, *, start: float, fps: int, frame_count: int
) -> np.ndarray:
    """Loudness of a placed line per output frame of its shot, for mouth motion.

    Args:
        audio: The line's speech (None gives all zeros: nobody is heard speaking).
        start: Seconds from the shot's start to the line's start.
        fps: Output frame rate.
        frame_count: Frames in the shot.

    Returns:
        float32 array of ``frame_count`` values in [0, 1]: RMS per frame, divided by the
        line's loud level (95th percentile of speaking frames), so every line opens the mouth
        about as wide regardless of how loud it was synthesized.
    """
    envelope = np.zeros(frame_count, dtype=np.float32)
    if audio is None or frame_count == 0:
        return envelope
    rate = audio.sample_rate
    squared = np.square(audio.samples.astype(np.float64))
    for frame in range(frame_count):
        begin = round((frame / fps - start) * rate)
        end = round(((frame + 1) / fps - start) * rate)
        begin, end = max(begin, 0), min(end, len(squared))
        if end > begin:
            envelope[frame] = math.sqrt(float(squared[begin:end].mean()))
    speaking = envelope[envelope > 0]
    if speaking.size == 0:
        return envelope
    level = float(np.percentile(speaking, 95))
    return np.clip(envelope / level, 0.0, 1.0).astype(np.float32) if level > 0 else envelope


def mix_dialogue(
    plans: Sequence[ShotPlan], *, duration: float, sample_rate: int = MIX_SAMPLE_RATE
) -> Audio:
    """Mix every voiced line onto one mono track as long as the clip.

    Args:
        plans: The clip's shot plans with their placed lines.
        duration: Clip length in seconds.
        sample_rate: Output rate (48 kHz by default, what browsers' AAC decoders like best).

    Returns:
        The soundtrack, with short fades on each line and at both ends, peak at most 0.95.
    """
    track = np.zeros(max(1, round(duration * sample_rate)), dtype=np.float32)
    for plan in plans:
        for line in plan.lines:
            if line.audio is None:
                continue
            samples = _with_fades(resample(line.audio, sample_rate).samples, sample_rate)
            offset = round((plan.start + line.start) * sample_rate)
            # Lines never run past their shot by construction; clip anyway so a rounding
            # sample cannot overflow the track.
            usable = samples[: max(0, len(track) - offset)]
            track[offset : offset + len(usable)] += usable
    track = _with_fades(track, sample_rate, seconds=CLIP_FADE_SECONDS)
    peak = float(np.max(np.abs(track)))
    if peak > MIX_PEAK:
        track *= MIX_PEAK / peak
    return Audio(track, sample_rate)


def _with_fades(
    samples: np.ndarray, rate: int, *, seconds: float = LINE_FADE_SECONDS
) -> np.ndarray:
    faded = samples.astype(np.float32, copy=True)
    length = min(round(seconds * rate), len(faded) // 2)
    if length > 0:
        ramp = np.linspace(0.0, 1.0, length, dtype=np.float32)
        faded[:length] *= ramp
        faded[-length:] *= ramp[::-1]
    return faded
