"""Which render queue a clip goes to: GPU backends to ``render.gpu``, the rest to ``render.cpu``.

A stand-in until the scale-out work (issue #15) lands its queue routing: it keeps the rule in one
place so the Celery workers can subscribe one process per GPU to ``render.gpu`` and CPU workers
to ``render.cpu``. Replace this module with #15's routing when that is merged.
"""

from __future__ import annotations

from typing import Literal

RenderQueue = Literal["render.gpu", "render.cpu"]
GPU_BACKENDS = frozenset({"wan-vace"})


def render_queue(backend: str) -> RenderQueue:
    """The queue for clips rendered by ``backend`` (a ``COSTAR_GENERATOR_BACKEND`` value)."""
    return "render.gpu" if backend in GPU_BACKENDS else "render.cpu"
