"""Building the ``wan-vace`` backend from the app's settings (the composition root calls this).

The settings are plain values (read by ``webapp/settings.py``); here they become a preset, the
animatic guide and the optional Wan-Animate pass.
"""

from __future__ import annotations

from collections.abc import Callable

from core.generation.animatic import AnimaticBackend
from core.generation.wan.control import AnimaticGuide, ControlKind
from core.generation.wan.presets import resolve_preset
from core.generation.wan.vace import WanVaceBackend
from core.identity.faces import FaceBackend


def build_wan_backend(
    *,
    model: str = "1.3B",
    memory: str = "24gb",
    dtype: str = "",
    offload: str = "",
    control: ControlKind | str = "edges",
    regional: bool = True,
    animate_model: str = "",
    face_backend: Callable[[], FaceBackend] | None = None,
) -> WanVaceBackend:
    """The Wan backend the settings describe; nothing is loaded until the first render.

    Args:
        model: ``1.3B``, ``14B``, a hub id or a local folder (COSTAR_WAN_MODEL).
        memory: ``24gb`` or ``80gb`` (COSTAR_WAN_MEMORY).
        dtype: Overrides the preset's dtype when not empty (COSTAR_WAN_DTYPE).
        offload: Overrides the preset's offload when not empty (COSTAR_WAN_CPU_OFFLOAD).
        control: ``edges``, ``gray`` or ``animatic``: the animatic as VACE's control video;
            ``none`` paints from prompt and references alone (COSTAR_WAN_CONTROL).
        regional: Each double's reference conditions only its own region (COSTAR_WAN_REGIONAL).
        animate_model: A Wan2.2-Animate model on disk: each double is re-rendered in its region
            (COSTAR_WAN_ANIMATE_MODEL); empty: no re-render pass.
        face_backend: Finds sprites' mouths for the animatic, so lips move with the lines.

    Raises:
        WanVaceSettingsError: A value is not one of the known choices.
    """
    preset = resolve_preset(model, memory, dtype=dtype, offload=offload)
    guide = None
    if control != "none":
        animatic = AnimaticBackend(face_backend=face_backend)
        guide = AnimaticGuide(animatic, control=control)  # type: ignore[arg-type]
    reanimate = None
    if animate_model:
        from core.generation.wan.animate import WanAnimatePass

        animate = resolve_preset(animate_model, memory, dtype=dtype, offload=offload)
        reanimate = WanAnimatePass(animate)
    return WanVaceBackend.from_preset(
        preset, guide=guide, regional=regional and guide is not None, reanimate=reanimate
    )
