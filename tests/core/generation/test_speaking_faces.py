"""The renderer's face warps: the viseme warp moves only speakers' lips, inside the mouth area."""

from __future__ import annotations

import numpy as np

from core.acting.mouth import Lips
from core.acting.stage import FaceFrame, editable_region
from core.generation.speaking_faces import viseme_mouth_warp

MOUTH_BOX = (38, 60, 82, 84)


def _face() -> tuple[np.ndarray, Lips]:
    rng = np.random.default_rng(3)
    rgba = rng.integers(60, 200, size=(120, 120, 4), dtype=np.uint8)
    rgba[..., 3] = 255
    xs = np.linspace(44, 76, 11, dtype=np.float32)
    upper = np.stack([xs, np.full(11, 69.5, np.float32)], axis=1)
    lower = np.stack([xs, np.full(11, 70.5, np.float32)], axis=1)
    return rgba, Lips((40.0, 70.0), (80.0, 70.0), upper, lower, (60.0, 52.0), (60.0, 96.0))


def _frame(shape: tuple[float, float] | None, loudness: float = 0.0) -> FaceFrame:
    rgba, lips = _face()
    return FaceFrame(rgba, "ann", 1.0, loudness, MOUTH_BOX, lips=lips, shape=shape)


def test_a_silent_role_keeps_its_face_untouched() -> None:
    face = _frame((0.0, 0.0), loudness=0.0)
    assert viseme_mouth_warp(face) is face.rgba


def test_an_open_viseme_opens_the_mouth_only_inside_the_editable_region() -> None:
    face = _frame((0.8, 0.1))
    warped = viseme_mouth_warp(face)
    changed = np.any(warped != face.rgba, axis=2)
    assert changed.sum() > 100
    x0, y0, x1, y1 = editable_region(MOUTH_BOX, face.rgba.shape)
    changed[y0:y1, x0:x1] = False
    assert not changed.any()
    # Between the parted lips it is dark: the inside of the mouth.
    assert warped[72:76, 56:64, :3].mean() < face.rgba[72:76, 56:64, :3].mean() - 40


def test_a_wider_viseme_opens_wider() -> None:
    def dark_pixels(opening: float) -> int:
        warped = viseme_mouth_warp(_frame((opening, 0.0)))
        return int((warped[60:90, 40:80, :3].max(axis=2) < 80).sum())

    assert dark_pixels(0.9) > dark_pixels(0.3) > 0


def test_without_timings_the_loudness_opens_the_jaw() -> None:
    face = _frame(None, loudness=0.9)
    assert np.any(viseme_mouth_warp(face) != face.rgba)
    quiet = _frame(None, loudness=0.0)
    assert viseme_mouth_warp(quiet) is quiet.rgba
