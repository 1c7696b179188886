"""Finishing touches on rendered frames: shot transitions, subtitles (drawn by
:mod:`core.generation.subtitles`), the AI label and the watermark, several frames at a time."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Literal, TypeAlias

import numpy as np

from core.generation.subtitles import TimedSubtitle
from core.provenance import draw_ai_label, embed_watermark, should_watermark

TransitionStyle: TypeAlias = Literal["crossfade", "dip", "cut"]

TRANSITION_SECONDS = 0.25


def blend_transition(
    frame: np.ndarray,
    previous_shot_last: np.ndarray | None,
    *,
    frames_into_shot: int,
    frames_to_shot_end: int,
    length: int,
    style: TransitionStyle,
) -> np.ndarray:
    """Soften a cut: cross-fade from the previous shot's last frame, or dip through black.

    The cross-fade blends the first ``length`` frames of a shot with the previous shot's held
    last frame, so no frame is added or removed and the dialogue stays in sync.

    Args:
        frame: This frame (RGB uint8).
        previous_shot_last: Last frame of the previous shot; None for the first shot.
        frames_into_shot: Index of this frame inside its shot.
        frames_to_shot_end: Frames after this one until its shot ends; None-like large value
            for the last shot (which fades to nothing).
        length: Transition length in frames.
        style: "crossfade", "dip" (to black and back) or "cut".

    Returns:
        The blended frame (``frame`` itself when no transition applies).
    """
    if style == "cut" or length <= 0:
        return frame
    if style == "crossfade":
        if previous_shot_last is None or frames_into_shot >= length:
            return frame
        weight = (frames_into_shot + 1) / (length + 1)
        mixed = frame.astype(np.float32) * weight + previous_shot_last * (1.0 - weight)
        return np.clip(mixed + 0.5, 0, 255).astype(np.uint8)
    half = max(1, length // 2)
    brightness = 1.0
    if previous_shot_last is not None and frames_into_shot < half:
        brightness = (frames_into_shot + 1) / (half + 1)
    elif frames_to_shot_end < half:
        brightness = (frames_to_shot_end + 1) / (half + 1)
    if brightness >= 1.0:
        return frame
    return (frame.astype(np.float32) * brightness + 0.5).astype(np.uint8)


@dataclass(frozen=True, eq=False)
class FinishingPlan:
    """Everything finishing needs to know about a clip.

    Attributes:
        clip_id: Carried by the watermark.
        label_text: The visible AI label.
        subtitles: From :func:`schedule_subtitles`.
        shot_frame_counts: Frames per shot, in order.
        transition: Transition style between shots.
        transition_frames: Transition length in frames.
        is_last_shot_faded: Dip-to-black also applies at shot ends that have a next shot only.
    """

    clip_id: str
    label_text: str
    subtitles: tuple[TimedSubtitle, ...]
    shot_frame_counts: tuple[int, ...]
    transition: TransitionStyle = "crossfade"
    transition_frames: int = 6

    def finish_frame(
        self, frame: np.ndarray, clip_index: int, shot: int, previous_shot_last: np.ndarray | None
    ) -> np.ndarray:
        """Transition, subtitle, label, then watermark (last, so nothing disturbs it)."""
        start = sum(self.shot_frame_counts[:shot])
        has_next = shot + 1 < len(self.shot_frame_counts)
        to_end = start + self.shot_frame_counts[shot] - 1 - clip_index
        finished = blend_transition(
            frame,
            previous_shot_last,
            frames_into_shot=clip_index - start,
            frames_to_shot_end=to_end if has_next else self.transition_frames,
            length=self.transition_frames,
            style=self.transition,
        )
        for timed in self.subtitles:
            if timed.first <= clip_index < timed.end:
                finished = timed.subtitle.draw_onto(finished)
        finished = draw_ai_label(finished, self.label_text)
        if should_watermark(clip_index):
            finished = embed_watermark(finished, self.clip_id)
        return finished


def finish_frames(
    shots: Iterable[list[np.ndarray]], plan: FinishingPlan, *, workers: int = 2
) -> Iterator[np.ndarray]:
    """Finish a clip's frames in order, several at a time.

    Frames are finished on a small thread pool (the watermark's DWT/SVD and the blends run in
    native code that releases the GIL) while at most ``4 * workers`` frames are in flight, so
    the clip streams into the encoder instead of sitting in memory.

    Args:
        shots: Each shot's rendered frames, in order (consumed lazily).
        plan: What to draw.
        workers: Threads to use.

    Returns:
        An iterator over the finished frames.
    """
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        pending: deque[Future[np.ndarray]] = deque()
        clip_index = 0
        previous_last: np.ndarray | None = None
        for shot, frames in enumerate(shots):
            for frame in frames:
                pending.append(
                    pool.submit(plan.finish_frame, frame, clip_index, shot, previous_last)
                )
                clip_index += 1
                if len(pending) >= 4 * max(1, workers):
                    yield pending.popleft().result()
            previous_last = frames[-1] if frames else previous_last
        while pending:
            yield pending.popleft().result()
