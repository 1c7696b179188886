"""The generator the settings ask for, shared by the app (render threads) and the render workers
(``python -m webapp.worker``), so both render a clip the same way."""

from __future__ import annotations

from core.generation.pipeline import CoStarPipeline
from core.generation.types import RenderBackend
from core.identity.backends import load_face_backend
from webapp.settings import Settings


def build_pipeline(settings: Settings) -> CoStarPipeline:
    """The generator, built on first use: the chosen backend loads its models lazily too."""
    backend: RenderBackend
    if settings.generator_backend == "wan-vace":
        from core.generation.wan.setup import build_wan_backend

        backend = build_wan_backend(
            model=settings.wan_model, memory=settings.wan_memory, dtype=settings.wan_dtype,
            offload=settings.wan_cpu_offload, control=settings.wan_control,
            regional=settings.wan_regional, animate_model=settings.wan_animate_model,
            face_backend=lambda: load_face_backend(settings.insightface_root),
        )  # fmt: skip
    else:
        from core.generation.animatic import AnimaticBackend

        # The face model finds each sprite's mouth, so speakers' lips move with their lines.
        backend = AnimaticBackend(face_backend=lambda: load_face_backend(settings.insightface_root))
    return CoStarPipeline(
        backend,
        keys_dir=settings.data_dir / "keys",
        work_dir=settings.data_dir / "render",
        face_backend=load_face_backend(settings.insightface_root),
    )
