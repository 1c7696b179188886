"""Shots painted one ahead on a worker thread: overlap, early stop, progress on the caller."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from core.generation.planning import plan_shots
from core.generation.progress import RenderProgress
from core.generation.shot_rendering import ShotPainter
from core.generation.types import RenderCancelledError
from tests.core.generation.generation_fakes import two_role_request

WAIT_SECONDS = 10
HOLD_SECONDS = 0.2  # a held shot paints one frame per hold, far slower than the test acts


class GatedBackend:
    """Solid frames; notes which shots started, and paints shot 2 slowly until released."""

    name = "animatic"

    def __init__(self) -> None:
        self.started = {0: threading.Event(), 1: threading.Event()}
        self.finished: list[int] = []
        self.release_second = threading.Event()

    def render_shot(self, plan, request, *, on_frame=None) -> list[np.ndarray]:
        self.started[plan.index].set()
        frames = []
        for index in range(plan.frame_count):
            if plan.index == 1:
                self.release_second.wait(HOLD_SECONDS)
            frames.append(np.zeros((plan.height, plan.width, 3), np.uint8))
            if on_frame is not None:
                on_frame(index + 1, plan.frame_count)
        self.finished.append(plan.index)
        return frames


def test_a_shot_started_early_is_painted_before_the_caller_asks_for_it():
    backend = GatedBackend()
    request = two_role_request()
    plans = plan_shots(request)

    with ShotPainter(backend, request, plans, RenderProgress(None, None)) as painter:
        painter.paint(plans[0])
        assert backend.started[0].wait(WAIT_SECONDS)
        painter.paint(plans[0])  # once per shot
        backend.release_second.set()
        shots = list(painter.shots(plans))

    assert [len(frames) for frames in shots] == [36, 36]
    assert backend.finished == [0, 1]


def test_the_next_shot_is_painted_while_the_caller_uses_this_one():
    backend = GatedBackend()
    request = two_role_request()
    plans = plan_shots(request)
    with ShotPainter(backend, request, plans, RenderProgress(None, None)) as painter:
        shots = painter.shots(plans)
        first = next(shots)
        painting_second = backend.started[1].wait(WAIT_SECONDS)
        backend.release_second.set()
        rest = list(shots)

    assert painting_second  # it began before the caller asked for it
    assert [len(frames) for frames in (first, *rest)] == [36, 36]


def test_closing_the_painter_stops_the_shot_being_painted():
    backend = GatedBackend()
    request = two_role_request()
    plans = plan_shots(request)
    painter = ShotPainter(backend, request, plans, RenderProgress(None, None))
    next(painter.shots(plans))
    assert backend.started[1].wait(WAIT_SECONDS)

    painter.close()

    assert backend.finished == [0]  # shot 2 was stopped at its next frame, not finished
    assert not [thread for thread in threading.enumerate() if thread.name.startswith("render")]


def test_progress_is_reported_on_the_callers_thread_and_cancelling_stops_painting():
    backend = GatedBackend()
    backend.release_second.set()
    request = two_role_request()
    reported_on: set[str] = set()
    polls: list[int] = []

    def is_cancelled() -> bool:
        polls.append(1)
        return len(polls) > 40  # during shot 2

    def on_progress(event) -> None:
        reported_on.add(threading.current_thread().name)

    plans = plan_shots(request)
    with (
        pytest.raises(RenderCancelledError),
        ShotPainter(backend, request, plans, RenderProgress(on_progress, is_cancelled)) as painter,
    ):
        list(painter.shots(plans))

    assert reported_on == {threading.current_thread().name}
    assert backend.finished == [0]
