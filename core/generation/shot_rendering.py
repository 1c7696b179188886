"""The backend paints each shot on a worker thread, one shot ahead of the encoder.

A backend returns a whole shot at once. Painted on the caller's thread, the encoder would wait
for every shot to be painted and the painter for every shot to be encoded; on a worker thread
the next shot is painted while the current one is finished and encoded, so both keep working.
At most two shots' frames are in memory.

Cancellation is polled for every painted frame, on the worker (the ``is_cancelled`` callback
may run on either thread); progress is reported on the caller's thread only, like every other
progress event of a render.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeoutError

import numpy as np

from core.generation.progress import RenderProgress
from core.generation.types import (
    GenerationError,
    RenderBackend,
    RenderCancelledError,
    RenderRequest,
    ShotPlan,
)

# How often the caller reports progress (and checks for cancellation) while it waits for a shot.
PROGRESS_POLL_SECONDS = 0.1


def render_ahead(
    backend: RenderBackend,
    plans: list[ShotPlan],
    request: RenderRequest,
    progress: RenderProgress,
) -> Iterator[list[np.ndarray]]:
    """Each shot's frames in order, the next shot being painted while the caller uses these.

    Args:
        backend: Paints the frames.
        plans: The clip's shot plans, with voiced lines.
        request: The checked render request.
        progress: Receives "frames" progress; its cancellation check stops the render.

    Returns:
        An iterator over each shot's frames (checked: count, size and type).

    Raises:
        RenderCancelledError: The render was cancelled.
        GenerationError: The backend returned wrong frames.
    """
    total = sum(plan.frame_count for plan in plans)
    starts = list(itertools.accumulate((plan.frame_count for plan in plans), initial=0))
    painted = [0]  # frames of the clip painted so far; written by the worker only
    stop = threading.Event()

    def paint(plan: ShotPlan) -> list[np.ndarray]:
        def on_frame(done: int, _total: int) -> None:
            if stop.is_set():
                raise RenderCancelledError("The render was stopped.")
            progress.check()
            painted[0] = starts[plan.index] + done

        frames = backend.render_shot(plan, request, on_frame=on_frame)
        _check_frames(frames, plan, backend.name)
        return frames

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="render") as worker:
        try:
            upcoming = worker.submit(paint, plans[0])
            for plan in plans:
                frames = _wait_for(upcoming, plan, painted, total, progress)
                if plan.index + 1 < len(plans):
                    upcoming = worker.submit(paint, plans[plan.index + 1])
                yield frames
        finally:
            stop.set()  # the caller stopped early or failed: the worker stops at its next frame


def _wait_for(
    upcoming: Future[list[np.ndarray]],
    plan: ShotPlan,
    painted: list[int],
    total: int,
    progress: RenderProgress,
) -> list[np.ndarray]:
    progress.report("frames", painted[0] / total, f"Rendering shot {plan.index + 1}", plan.index)
    while True:
        try:
            frames = upcoming.result(timeout=PROGRESS_POLL_SECONDS)
        except FutureTimeoutError:
            progress.report("frames", painted[0] / total, "Rendering", plan.index)
            continue
        progress.check()
        return frames


def _check_frames(frames: list[np.ndarray], plan: ShotPlan, backend: str) -> None:
    if len(frames) != plan.frame_count:
        raise GenerationError(
            f"The {backend} renderer returned {len(frames)} frames for shot {plan.index + 1}; "
            f"it should return {plan.frame_count}."
        )
    for frame in frames:
        if frame.shape != (plan.height, plan.width, 3) or frame.dtype != np.uint8:
            raise GenerationError(
                f"The {backend} renderer returned a {frame.dtype} frame of shape {frame.shape} "
                f"for shot {plan.index + 1}; expected uint8 ({plan.height}, {plan.width}, 3)."
            )
