"""How faces speak in the embedded renderer: where the mouth is, and the warps that move it.

The acting renderer hands every visible face to a ``FaceWarp`` (see
:class:`core.acting.stage.FaceFrame`). :func:`viseme_mouth_warp` shapes the lips the face mesh
found to the viseme being said (phoneme timings from :mod:`core.generation.lipsync`, pixels from
:mod:`core.acting.mouth`); :func:`open_mouth_warp` is the fallback that stretches the chin with
the loudness when there are no lips or timings. The per-role tracks the warps read (mouth shape,
loudness per frame) are built here from a shot's spoken lines.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from core.acting.mouth import Lips, warp_mouth
from core.acting.stage import FaceFrame, editable_region
from core.generation.types import ShotPlan
from core.identity.faces import FaceBackend

FaceWarp = Callable[[FaceFrame], np.ndarray]
QUIET = 0.04  # loudness below this leaves the fallback warp's mouth closed


def open_mouth_warp(face: FaceFrame) -> np.ndarray:
    """The default face warp: stretch the lower lip and chin down with the line's loudness."""
    if face.mouth_box is None or face.loudness <= QUIET:
        return face.rgba
    patch = _open_mouth(face.rgba, face.mouth_box, face.loudness)
    if patch is None:
        return face.rgba
    out = face.rgba.copy()
    rows, columns = patch.rgba.shape[:2]
    out[patch.top : patch.top + rows, patch.left : patch.left + columns] = patch.rgba
    return out


def viseme_mouth_warp(face: FaceFrame) -> np.ndarray:
    """The default face warp: the lips take the shape of the phoneme being said.

    Needs the lips (face mesh) and the role's mouth shape (phoneme timings); without either
    the mouth opens with the loudness (:func:`open_mouth_warp`). A closed shape changes
    nothing, so people who are silent keep their mouths still.
    """
    if face.lips is None:
        return open_mouth_warp(face)
    opening, spread = face.shape if face.shape is not None else (face.loudness, 0.0)
    patch = warp_mouth(face.rgba, face.lips, opening, spread)
    if patch is None:
        return face.rgba
    rows, columns = patch.rgba.shape[:2]
    top, bottom, left, right = patch.top, patch.top + rows, patch.left, patch.left + columns
    if face.mouth_box is not None:
        # The stage redraws only the editable region around the mouth box (busts): paste only
        # that part, so what is drawn is what was warped (a full-image mask cost ~25 ms a face).
        x0, y0, x1, y1 = editable_region(face.mouth_box, face.rgba.shape)
        top, bottom, left, right = max(top, y0), min(bottom, y1), max(left, x0), min(right, x1)
        if bottom <= top or right <= left:
            return face.rgba
    warped = face.rgba.copy()
    warped[top:bottom, left:right] = patch.rgba[
        top - patch.top : bottom - patch.top, left - patch.left : right - patch.left
    ]
    return warped


def find_mouth_box(backend: FaceBackend, rgba: np.ndarray) -> tuple[int, int, int, int] | None:
    """The mouth region below the nose, from the 5-point landmarks of the sprite's face.

    Returns:
        (x0, y0, x1, y1) in ``rgba``, or None when no face is found or the box leaves it.
    """
    faces = backend.detect(np.ascontiguousarray(rgba[..., :3]))
    if not faces:
        return None
    face = faces[0]
    (left_eye, right_eye), nose = face.landmarks.eyes, face.landmarks.nose
    eye_distance = math.dist(left_eye, right_eye)
    x0 = round(nose[0] - 0.55 * eye_distance)
    x1 = round(nose[0] + 0.55 * eye_distance)
    y0 = round(nose[1] + 0.30 * eye_distance)
    y1 = round(nose[1] + 0.95 * eye_distance)
    height, width = rgba.shape[:2]
    # A portrait is often cut just below the chin: the box may end at the picture's edge (the
    # lips are found from its top and sides; its bottom only bounds the warp).
    y1 = min(y1, height)
    if x0 < 0 or y0 < 0 or x1 > width or y1 - y0 < 4:
        return None
    return (x0, y0, x1, y1)


def scaled_lips(
    lips: tuple[Lips | None, ...], scale: float, dx: int = 0, dy: int = 0
) -> tuple[Lips | None, ...]:
    """Lips found on source frames, in frames cut at (dx, dy) and then scaled by ``scale``."""
    return tuple(
        None if found is None else found.scaled(scale, -dx * scale, -dy * scale) for found in lips
    )


def mouth_shapes_by_role(plan: ShotPlan) -> dict[str, np.ndarray] | None:
    """Each speaking role's mouth shape per frame (opening, spread); the widest line wins.

    None when no line of the shot has phoneme timings (mouths then follow the loudness).
    """
    shapes: dict[str, np.ndarray] = {}
    timed = False
    for line in plan.lines:
        current = shapes.setdefault(line.role, np.zeros((plan.frame_count, 2), np.float32))
        if line.mouth is None:
            # No timings for this line (e.g. a voice without them): its loudness opens the jaw.
            track = np.zeros((plan.frame_count, 2), np.float32)
            loudness = np.asarray(line.loudness, np.float32)[: plan.frame_count]
            track[: len(loudness), 0] = loudness
        else:
            timed = True
            track = np.asarray(line.mouth, dtype=np.float32)[: plan.frame_count]
        wider = track[:, 0] > current[: len(track), 0]
        current[: len(track)][wider] = track[wider]
    return shapes if timed else None


def _silence(plan: ShotPlan) -> np.ndarray:
    return np.zeros(plan.frame_count, dtype=np.float32)


def loudness_by_role(plan: ShotPlan) -> dict[str, np.ndarray]:
    """Each speaking role's loudness per frame of the shot (the loudest line where two overlap)."""
    levels: dict[str, np.ndarray] = {}
    for line in plan.lines:
        current = levels.setdefault(line.role, _silence(plan))
        envelope = np.asarray(line.loudness, dtype=np.float32)[: plan.frame_count]
        current[: len(envelope)] = np.maximum(current[: len(envelope)], envelope)
    return levels


@dataclass(frozen=True, eq=False)
class _MouthPatch:
    """The part of a sprite frame an open mouth changed, and where it sits in that frame."""

    rgba: np.ndarray
    left: int
    top: int


def _open_mouth(
    sprite: np.ndarray, box: tuple[int, int, int, int], loudness: float
) -> _MouthPatch | None:
    """Stretch the lower-lip and chin area downward in proportion to loudness.

    The stretch is feathered at the edges of the box, so no seam shows where it ends.

    Returns:
        The changed rows of the box (RGBA), or None when the box is empty.
    """
    x0, y0, x1, y1 = box
    patch = sprite[y0:y1, x0:x1]
    if patch.size == 0:
        return None
    height = patch.shape[0]
    stretch = 1.0 + 0.35 * min(1.0, loudness)
    tall = cv2.resize(
        patch, (patch.shape[1], round(height * stretch)), interpolation=cv2.INTER_LINEAR
    )
    bottom = min(sprite.shape[0], y0 + tall.shape[0])
    rows = bottom - y0
    weight = _feather(rows, patch.shape[1])
    region = sprite[y0:bottom, x0:x1].astype(np.float32)
    blended = region * (1 - weight) + tall[:rows].astype(np.float32) * weight
    return _MouthPatch(blended.astype(np.uint8), x0, y0)


def _feather(rows: int, columns: int) -> np.ndarray:
    """1 in the middle of the mouth box, fading to 0 at its edges (an oval)."""
    yy, xx = np.mgrid[:rows, :columns].astype(np.float32)
    distance = ((xx - columns / 2) / (columns / 2)) ** 2 + ((yy - rows / 2) / (rows / 2)) ** 2
    return np.clip((1.0 - distance) * 2.5, 0.0, 1.0)[..., None]


__all__ = [
    "FaceWarp",
    "find_mouth_box",
    "loudness_by_role",
    "mouth_shapes_by_role",
    "open_mouth_warp",
    "scaled_lips",
    "viseme_mouth_warp",
]
