"""Render progress for the caller, and cancellation checks between steps."""

from __future__ import annotations

from collections.abc import Callable

from core.generation.types import ProgressCallback, ProgressEvent, RenderCancelledError, Stage

# Returns True (or a reason to show) when the render must stop, e.g. after a revocation.
IsCancelled = Callable[[], bool | str]

# Share of the progress bar each stage ends at.
_PROGRESS_AT: dict[Stage, float] = {
    "prepare": 0.02,
    "voices": 0.12,
    "frames": 0.88,
    "sign": 0.92,
    "metrics": 0.99,
    "done": 1.0,
}


class RenderProgress:
    """Turns stage-local fractions into whole-render events and polls for cancellation."""

    def __init__(self, callback: ProgressCallback | None, is_cancelled: IsCancelled | None) -> None:
        self._callback = callback
        self._is_cancelled = is_cancelled
        self._last = 0.0

    def report(self, stage: Stage, fraction: float, message: str, shot: int | None = None) -> None:
        self.check()
        stages = list(_PROGRESS_AT)
        begin = _PROGRESS_AT[stages[stages.index(stage) - 1]] if stages.index(stage) else 0.0
        overall = begin + (_PROGRESS_AT[stage] - begin) * min(max(fraction, 0.0), 1.0)
        # Never move backwards, whatever order the stages report in.
        self._last = max(self._last, overall)
        if self._callback is not None:
            self._callback(ProgressEvent(stage, round(self._last, 4), message, shot))

    def check(self) -> None:
        if self._is_cancelled is None:
            return
        verdict = self._is_cancelled()
        if verdict:
            reason = verdict if isinstance(verdict, str) else "The render was cancelled."
            raise RenderCancelledError(reason)
