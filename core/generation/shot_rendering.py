"""The backend paints each shot on a worker thread, one shot ahead of the encoder.

A backend returns a whole shot at once. Painted on the caller's thread, the encoder would wait
for every shot to be painted and the painter for every shot to be encoded; on a worker thread
the next shot is painted while the current one is finished and encoded, so both keep working,
and the first shot is painted while the other shots' lines are still being voiced. At most two
shots' frames are in memory.

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


class ShotPainter:
    """Paints a clip's shots on a worker thread, each one ahead of the caller.

    Start a shot with :meth:`paint` as soon as its plan is ready (its lines placed), then take
    the shots in order from :meth:`shots`, which starts each next shot while the caller uses the
    current one. Always :meth:`close` it (or use it as a context manager), also after a failure:
    that stops the shot being painted.

    Args:
        backend: Paints the frames.
        request: The checked render request.
        plans: The clip's shot plans (for frame counts; voiced lines may come later).
        progress: Receives "frames" progress; its cancellation check stops the render.
    """

    def __init__(
        self,
        backend: RenderBackend,
        request: RenderRequest,
        plans: list[ShotPlan],
        progress: RenderProgress,
    ) -> None:
        self._backend = backend
        self._request = request
        self._progress = progress
        self._total = sum(plan.frame_count for plan in plans)
        self._starts = list(itertools.accumulate((plan.frame_count for plan in plans), initial=0))
        self._painted = 0  # frames of the clip painted so far; written by the worker only
        self._stop = threading.Event()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="render")
        self._started: dict[int, Future[list[np.ndarray]]] = {}

    def __enter__(self) -> ShotPainter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def paint(self, plan: ShotPlan) -> None:
        """Start painting ``plan``'s shot (after any shot already started); once per shot."""
        if plan.index not in self._started:
            self._started[plan.index] = self._worker.submit(self._paint, plan)

    def shots(self, plans: list[ShotPlan]) -> Iterator[list[np.ndarray]]:
        """Each shot's frames in order (checked: count, size and type).

        Raises:
            RenderCancelledError: The render was cancelled.
            GenerationError: The backend returned wrong frames.
        """
        for plan in plans:
            self.paint(plan)
            frames = self._wait_for(plan)
            if plan.index + 1 < len(plans):
                self.paint(plans[plan.index + 1])
            yield frames

    def close(self) -> None:
        """Stop the shot being painted (at its next frame) and wait for the worker."""
        self._stop.set()
        self._worker.shutdown(wait=True, cancel_futures=True)

    def _paint(self, plan: ShotPlan) -> list[np.ndarray]:
        def on_frame(done: int, _total: int) -> None:
            if self._stop.is_set():
                raise RenderCancelledError("The render was stopped.")
            self._progress.check()
            self._painted = self._starts[plan.index] + done

        frames = self._backend.render_shot(plan, self._request, on_frame=on_frame)
        _check_frames(frames, plan, self._backend.name)
        return frames

    def _wait_for(self, plan: ShotPlan) -> list[np.ndarray]:
        upcoming = self._started[plan.index]
        message = f"Rendering shot {plan.index + 1}"
        while True:
            self._progress.report("frames", self._painted / self._total, message, plan.index)
            try:
                frames = upcoming.result(timeout=PROGRESS_POLL_SECONDS)
            except FutureTimeoutError:
                message = "Rendering"
                continue
            self._progress.check()
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
