"""Scene backgrounds painted by code, in a flat-illustration style (no downloaded art).

``paint_scene(name, width, height, t=..., seed=...)`` returns an RGB frame. The static part of a
scene is painted once per (name, size, seed) and cached; each call copies it and animates a few
cheap overlays (twinkling windows and stars, drifting clouds, glints), so the renderer can call it
for every frame at 24 fps.
"""

from __future__ import annotations

import functools
import zlib
from dataclasses import dataclass
from typing import get_args

import numpy as np

from core.scenes.art import PAINTERS
from core.scenes.paint import Overlay
from core.scripts.model import ScriptError
from core.types import SceneName

SCENE_NAMES: tuple[SceneName, ...] = get_args(SceneName)
MIN_SIDE, MAX_SIDE = 16, 4096


class SceneError(ScriptError):
    """An unknown scene name or an unusable frame size."""


@dataclass(frozen=True)
class _SceneBase:
    image: np.ndarray  # read-only H×W×3 uint8
    overlays: tuple[Overlay, ...]


def paint_scene(name: str, width: int, height: int, *, t: float = 0.0, seed: int = 0) -> np.ndarray:
    """Paint one frame of a scene background.

    Args:
        name: One of ``SCENE_NAMES``.
        width: Frame width in pixels (16–4096).
        height: Frame height in pixels (16–4096).
        t: Time in seconds; drives the gentle ambient motion.
        seed: Varies the layout (buildings, stars, clouds); the same inputs give the same frame.

    Returns:
        A new, writable ``height × width × 3`` uint8 RGB array.

    Raises:
        SceneError: The scene name is unknown or the size is out of range.
    """
    if name not in SCENE_NAMES:
        raise SceneError(
            f"There is no scene called '{name}'; choose one of {', '.join(SCENE_NAMES)}."
        )
    for label, side in (("width", width), ("height", height)):
        if not MIN_SIDE <= side <= MAX_SIDE:
            raise SceneError(
                f"A scene {label} of {side} px is not possible; use {MIN_SIDE}–{MAX_SIDE} px."
            )
    base = _scene_base(name, width, height, seed)
    frame = base.image.copy()
    for overlay in base.overlays:
        overlay.apply(frame, base.image, t)
    return frame


@functools.lru_cache(maxsize=24)
def _scene_base(name: str, width: int, height: int, seed: int) -> _SceneBase:
    # Mixing the name into the seed keeps two scenes with seed 0 from sharing a layout; crc32 is
    # stable across processes, unlike hash().
    rng = np.random.default_rng([seed, zlib.crc32(name.encode())])
    painter = PAINTERS[name]
    image, overlays = painter(width, height, rng)
    image.setflags(write=False)  # the cached base is shared; frames are copies
    return _SceneBase(image=image, overlays=tuple(overlays))
