"""Moving a mouth in a picture: the lips found by the face mesh, the jaw dropped by a warp.

:func:`find_lips` locates the lips of a sprite frame once (face mesh, ~10 ms); :func:`warp_mouth`
then opens that mouth to a viseme's shape per output frame: the lower lip and jaw move down, the
upper lip a little up, the corners spread or pucker, and the gap between the lips is painted as a
dark mouth with a hint of upper teeth. Only a small region around the mouth changes, so it works
the same on a video sprite and on a single photo. A closed shape (0, 0) changes nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np

from core.identity.mesh import (
    CHIN,
    INNER_LOWER_LIP,
    INNER_UPPER_LIP,
    MOUTH_LEFT,
    MOUTH_RIGHT,
    NOSE_BOTTOM,
    FaceMesh,
)

JAW_DROP = 0.38  # at full opening the lips part by this share of the mouth's width
# Below 1, small openings show more: the mesh-found lips of a smiling mouth (teeth already
# showing) barely read as open at a quarter opening otherwise, and narrow vowels looked still.
OPENING_GAMMA = 0.7
UPPER_LIFT = 0.15  # the upper lip's share of the opening
CORNER_SPREAD = 0.1  # corners move this share of the width at full spread/pucker
MIN_PRESENCE = 0.5
LIPS_EVERY = 3  # lips are found on every 3rd sprite frame and interpolated between
MIN_MOUTH_WIDTH = 6.0  # pixels; smaller mouths are left alone (nobody sees them move)
_INSIDE_RGB = np.array([70, 22, 28], np.float32)  # the dark of an open mouth
_DEEP_RGB = np.array([24, 8, 12], np.float32)
_TEETH_RGB = np.array([232, 226, 214], np.float32)


@dataclass(frozen=True)
class Lips:
    """Where a mouth is in one picture (pixels).

    Attributes:
        left, right: Outer mouth corners.
        upper, lower: Inner lip contours, left to right (11 points each).
        nose: Bottom of the nose (the warp stops there).
        chin: Tip of the chin (the jaw moves down to it, then fades out).
    """

    left: tuple[float, float]
    right: tuple[float, float]
    upper: np.ndarray
    lower: np.ndarray
    nose: tuple[float, float]
    chin: tuple[float, float]

    @property
    def width(self) -> float:
        return math.dist(self.left, self.right)

    def scaled(self, factor: float, dx: float = 0.0, dy: float = 0.0) -> Lips:
        """The same lips in a resized (then shifted) copy of the picture."""

        def point(p: tuple[float, float]) -> tuple[float, float]:
            return (p[0] * factor + dx, p[1] * factor + dy)

        shift = np.array([dx, dy], np.float32)
        return Lips(point(self.left), point(self.right), self.upper * factor + shift,
                    self.lower * factor + shift, point(self.nose), point(self.chin))  # fmt: skip


def find_lips(
    mesh: FaceMesh, rgba: np.ndarray, mouth_box: tuple[int, int, int, int]
) -> Lips | None:
    """Find the lips in a picture, starting from a rough mouth box.

    Args:
        mesh: The face mesh model.
        rgba: The picture (RGB or RGBA uint8).
        mouth_box: (x0, y0, x1, y1) around the mouth (e.g. from 5-point landmarks).

    Returns:
        The lips, or None when the mesh sees no face there or the mouth is too small to move.
    """
    x0, y0, x1, _ = mouth_box
    eye_distance = (x1 - x0) / 1.1  # how the 5-point mouth box is made (see the animatic)
    nose_x, nose_y = (x0 + x1) / 2, y0 - 0.3 * eye_distance
    points, presence = mesh.landmarks(rgba, (nose_x, nose_y, 3.2 * eye_distance))
    if presence < MIN_PRESENCE:
        return None
    lips = Lips(
        left=_pt(points[MOUTH_LEFT]),
        right=_pt(points[MOUTH_RIGHT]),
        upper=points[list(INNER_UPPER_LIP)].astype(np.float32),
        lower=points[list(INNER_LOWER_LIP)].astype(np.float32),
        nose=_pt(points[NOSE_BOTTOM]),
        chin=_pt(points[CHIN]),
    )
    return lips if lips.width >= MIN_MOUTH_WIDTH else None


def _pt(point: np.ndarray) -> tuple[float, float]:
    return (float(point[0]), float(point[1]))


@dataclass(frozen=True, eq=False)
class MouthPatch:
    """The changed rectangle of a picture: its pixels (RGBA) and top-left corner."""

    rgba: np.ndarray
    left: int
    top: int


def warp_mouth(rgba: np.ndarray, lips: Lips, opening: float, spread: float) -> MouthPatch | None:
    """Open a mouth to a viseme shape.

    Args:
        rgba: The picture (HxWx4 uint8); not changed.
        lips: Its lips (:func:`find_lips`).
        opening: Jaw opening 0..1.
        spread: Lip spread -1 (rounded) .. +1 (spread).

    Returns:
        The changed rectangle, or None when nothing changes (closed mouth, or off-picture).
    """
    opening = min(max(opening, 0.0), 1.0)
    spread = min(max(spread, -1.0), 1.0)
    width = lips.width
    drop = JAW_DROP * width * opening**OPENING_GAMMA
    if drop < 0.4 and abs(spread) * CORNER_SPREAD * width < 0.4:
        return None
    lift = UPPER_LIFT * drop
    centre_x = (lips.left[0] + lips.right[0]) / 2
    height, image_width = rgba.shape[:2]
    left = max(0, math.floor(centre_x - 1.15 * width))
    right = min(image_width, math.ceil(centre_x + 1.15 * width))
    top = max(0, math.floor(lips.nose[1]))
    bottom = min(height, math.ceil(max(lips.chin[1], lips.lower[:, 1].max()) + drop + 0.45 * width))
    if right - left < 4 or bottom - top < 4:
        return None
    ys, xs = np.mgrid[top:bottom, left:right].astype(np.float32)
    xs += 0.5
    ys += 0.5
    # The lip line (between the inner contours) and the mouth's horizontal extent.
    contour_x = (lips.upper[:, 0] + lips.lower[:, 0]) / 2
    line_y = np.interp(xs[0], contour_x, (lips.upper[:, 1] + lips.lower[:, 1]) / 2)[None, :]
    inner_left, inner_right = float(contour_x[0]), float(contour_x[-1])
    half_inner = max(1.0, (inner_right - inner_left) / 2)
    inner_centre = (inner_left + inner_right) / 2
    u = (xs - inner_centre) / half_inner
    lip_profile = np.sqrt(np.clip(1.0 - u * u, 0.0, 1.0))  # the parted lips: an ellipse
    jaw_profile = 0.5 * (1.0 + np.cos(np.pi * np.clip(np.abs(xs - centre_x) / (1.1 * width), 0, 1)))
    below = ys - line_y
    # Lower lip follows the ellipse; further down the whole jaw moves, then the neck stays.
    toward_jaw = np.clip(below / (0.35 * width), 0.0, 1.0)
    chin_fade = np.clip(1.0 - (ys - lips.chin[1] - drop) / (0.45 * width), 0.0, 1.0)
    down = drop * (lip_profile * (1 - toward_jaw) + jaw_profile * toward_jaw) * chin_fade
    nose_span = max(1.0, float(line_y.mean()) - lips.nose[1])
    up = lift * lip_profile * np.clip((ys - lips.nose[1]) / nose_span, 0.0, 1.0) ** 1.5
    shift_y = np.where(below >= 0, down, -up)
    # Corners: spread outward or pucker inward, most at the lip line.
    near_line = np.exp(-((below / (0.3 * width)) ** 2))
    shift_x = spread * CORNER_SPREAD * width * np.clip(u, -1.2, 1.2) * near_line
    # Backward map: each output pixel takes the colour the forward move brought there.
    map_x = (xs - 0.5 - shift_x).astype(np.float32)
    map_y = np.where(below >= 0, ys - 0.5 - down, ys - 0.5 + up).astype(np.float32)
    region = np.ascontiguousarray(rgba[top:bottom, left:right])
    warped = cv2.remap(region, map_x - left, map_y - top, cv2.INTER_LINEAR,
                       borderMode=cv2.BORDER_REPLICATE).astype(np.float32)  # fmt: skip
    # The gap between the moved lips is the inside of the mouth.
    gap_top = line_y - lift * lip_profile
    gap_bottom = line_y + drop * lip_profile
    inside = np.clip(np.minimum(ys - gap_top, gap_bottom - ys), 0.0, 1.0)[..., None]
    if float(inside.max()) > 0:
        depth = np.clip((ys - gap_top) / np.maximum(gap_bottom - gap_top, 1.0), 0, 1)[..., None]
        colour = _INSIDE_RGB * (1 - depth) + _DEEP_RGB * depth
        teeth_rows = min(0.08 * width, 0.3 * drop)
        teeth = np.clip(gap_top + teeth_rows - ys, 0.0, 1.0)[..., None] * (opening > 0.2)
        teeth = teeth * np.clip(1.2 - np.abs(u), 0, 1)[..., None]
        colour = colour * (1 - teeth) + _TEETH_RGB * teeth
        warped[..., :3] = warped[..., :3] * (1 - inside) + colour * inside
        warped[..., 3:] = np.maximum(warped[..., 3:], 255.0 * inside)
    shifted = np.abs(shift_y) + np.abs(shift_x)
    if float(shifted.max()) < 0.25:
        return None
    return MouthPatch(np.clip(warped + 0.5, 0, 255).astype(np.uint8), left, top)


def lips_on_frames(
    mesh: FaceMesh, source: tuple[np.ndarray, ...], box: tuple[int, int, int, int]
) -> tuple[Lips | None, ...]:
    """Lips on every :data:`LIPS_EVERY`-th frame (and the last), interpolated in between.

    A sprite is a person filmed for a few seconds: the face moves slowly, so the mesh on every
    third frame, each crop centred on the previous frame's face, follows it at a third the cost.
    """
    count = len(source)
    keys = sorted(set(range(0, count, LIPS_EVERY)) | {count - 1})
    found: dict[int, Lips | None] = {}
    for index in keys:
        found[index] = find_lips(mesh, source[index], box)
    result: list[Lips | None] = []
    for index in range(count):
        before = max(k for k in keys if k <= index)
        after = min(k for k in keys if k >= index)
        a, b = found[before], found[after]
        if a is None or b is None or before == after:
            result.append(a if before == index or b is None else b)
            continue
        weight = (index - before) / (after - before)
        result.append(_mix_lips(a, b, weight))
    return tuple(result)


def _mix_lips(a: Lips, b: Lips, weight: float) -> Lips:
    def mix(p: tuple[float, float], q: tuple[float, float]) -> tuple[float, float]:
        return (p[0] + (q[0] - p[0]) * weight, p[1] + (q[1] - p[1]) * weight)

    return Lips(mix(a.left, b.left), mix(a.right, b.right), a.upper + (b.upper - a.upper) * weight,
                a.lower + (b.lower - a.lower) * weight, mix(a.nose, b.nose),
                mix(a.chin, b.chin))  # fmt: skip


def apply_patch(rgba: np.ndarray, patch: MouthPatch) -> np.ndarray:
    """A copy of ``rgba`` with the patch pasted in."""
    out = rgba.copy()
    height, width = patch.rgba.shape[:2]
    out[patch.top : patch.top + height, patch.left : patch.left + width] = patch.rgba
    return out


__all__ = ["Lips", "MouthPatch", "apply_patch", "find_lips", "lips_on_frames", "warp_mouth"]
