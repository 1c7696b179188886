"""Generators for render workers started by the scale tests (``--pipeline tests.scale.fakes:…``).

The solid-colour backend of the pipeline tests with tone speech, so a clip takes seconds, not
minutes; ``slow_pipeline`` paces its frames so a test can act while a render is under way.
"""

from __future__ import annotations

import time

from core.generation.pipeline import CoStarPipeline
from core.generation.types import FrameCallback, RenderRequest, ShotPlan
from tests.core.generation.generation_fakes import SolidColourBackend, tone_speech
from webapp.settings import Settings

SLOW_FRAME_SECONDS = 0.1  # a two-shot, 3 s test clip then renders in about 8 s


class PacedBackend(SolidColourBackend):
    """Solid colour frames, each taking ``frame_seconds`` like a real renderer's would."""

    def __init__(self, frame_seconds: float) -> None:
        super().__init__()
        self.frame_seconds = frame_seconds

    def render_shot(self, plan: ShotPlan, request: RenderRequest, *,
                    on_frame: FrameCallback | None = None):  # fmt: skip
        def paced(done: int, total: int) -> None:
            time.sleep(self.frame_seconds)
            if on_frame is not None:
                on_frame(done, total)

        return super().render_shot(plan, request, on_frame=paced)


def _pipeline(settings: Settings, frame_seconds: float) -> CoStarPipeline:
    return CoStarPipeline(
        PacedBackend(frame_seconds), keys_dir=settings.data_dir / "keys",
        work_dir=settings.data_dir / "render", speak=tone_speech,
    )  # fmt: skip


def quick_pipeline(settings: Settings) -> CoStarPipeline:
    return _pipeline(settings, 0.0)


def slow_pipeline(settings: Settings) -> CoStarPipeline:
    return _pipeline(settings, SLOW_FRAME_SECONDS)


class BrokenPipeline:
    def __call__(self, *args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")


def broken_pipeline(settings: Settings) -> BrokenPipeline:
    return BrokenPipeline()
