"""A double's 2D body rig: where the real head sits in the living sprite, and body colours.

Built once at registration (:func:`build_rig`) from pose landmarks of a few sprite frames
(mediapipe's ``pose_landmark_full.tflite``, see :mod:`core.acting.pose`), or estimated from the
cut-out's outline when no pose model is installed or the pose is not found
(:func:`estimate_rig`). The renderer cuts the head (the real face and hair, moving as in the
reference video) out of every sprite frame along ``head_box`` and draws torso, arms, hands and
legs by code in the person's own colours: shirt from below the chin, skin from the face, hair
from the top of the head. Stored as ``rig.json`` inside the living sprite's archive.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

RIG_FORMAT = "costar-body-rig"
RIG_VERSION = 1
Colour = tuple[int, int, int]
# Trousers are rarely in a selfie video: pick one of a few sober colours by the shirt's lightness.
TROUSER_COLOURS: tuple[Colour, ...] = ((52, 64, 96), (58, 58, 64), (112, 96, 74))


@dataclass(frozen=True)
class BodyRig:
    """Where the head is in the sprite frames, and the colours of the drawn body.

    Attributes:
        head_box: (x0, y0, x1, y1) in sprite pixels: hair top to just under the chin.
        face_centre: (x, y) of the face (between eyes and mouth) in sprite pixels.
        shoulder_width: Shoulder-to-shoulder distance in sprite pixels (0 when unknown).
        skin, shirt, hair, trousers: RGB colours.
        source: "pose" (landmarks) or "outline" (estimated from the cut-out).
    """

    head_box: tuple[int, int, int, int]
    face_centre: tuple[int, int]
    shoulder_width: int
    skin: Colour
    shirt: Colour
    hair: Colour
    trousers: Colour
    source: str = "outline"

    def to_json(self) -> str:
        """The stored form (``rig.json`` in the sprite archive)."""
        return json.dumps(
            {
                "format": RIG_FORMAT,
                "version": RIG_VERSION,
                "head_box": list(self.head_box),
                "face_centre": list(self.face_centre),
                "shoulder_width": self.shoulder_width,
                "skin": list(self.skin),
                "shirt": list(self.shirt),
                "hair": list(self.hair),
                "trousers": list(self.trousers),
                "source": self.source,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> BodyRig | None:
        """Read a stored rig; None for an unknown format or version (the renderer re-estimates)."""
        try:
            data: dict[str, Any] = json.loads(text)
            if data.get("format") != RIG_FORMAT or data.get("version") != RIG_VERSION:
                return None
            return cls(
                head_box=_ints(data["head_box"], 4),  # type: ignore[arg-type]
                face_centre=_ints(data["face_centre"], 2),  # type: ignore[arg-type]
                shoulder_width=int(data["shoulder_width"]),
                skin=_ints(data["skin"], 3),  # type: ignore[arg-type]
                shirt=_ints(data["shirt"], 3),  # type: ignore[arg-type]
                hair=_ints(data["hair"], 3),  # type: ignore[arg-type]
                trousers=_ints(data["trousers"], 3),  # type: ignore[arg-type]
                source=str(data.get("source", "outline")),
            )
        except (ValueError, KeyError, TypeError):
            return None


def _ints(values: Sequence[Any], count: int) -> tuple[int, ...]:
    if len(values) != count:
        raise ValueError(f"expected {count} numbers")
    return tuple(int(v) for v in values)


def build_rig(frames: Sequence[np.ndarray], landmarks: Sequence[np.ndarray | None]) -> BodyRig:
    """A rig from sprite frames and their pose landmarks.

    Args:
        frames: RGBA sprite frames (all the same size).
        landmarks: For some of the frames, (33, 3) arrays of x, y (sprite pixels) and
            visibility (0..1) from :class:`core.acting.pose.PoseLandmarker`, or None where no
            pose was found. Only the head and shoulder points are used.

    Returns:
        The rig; estimated from the outline when no frame has a confident face.
    """
    found = [points for points in landmarks if points is not None and _face_seen(points)]
    if not found:
        return estimate_rig(frames)
    points = np.median(np.stack(found), axis=0)
    reference = frames[len(frames) // 2]
    alpha = reference[..., 3]
    height, width = alpha.shape
    nose, eyes = points[0, :2], points[[2, 5], :2]
    ears, mouth = points[[7, 8], :2], points[[9, 10], :2]
    shoulders = points[[11, 12]]
    eye_y, mouth_y = float(eyes[:, 1].mean()), float(mouth[:, 1].mean())
    centre_x = float((ears[:, 0].mean() + nose[0]) / 2)
    chin = mouth_y + (mouth_y - eye_y) * 1.05
    if float(shoulders[:, 2].min()) > 0.5:
        # Eye to chin is about half of eye to the shoulder line; mouth points drift on beards,
        # masks and glasses, the shoulders much less.
        chin = max(chin, eye_y + 0.5 * (float(shoulders[:, 1].mean()) - eye_y))
    face_height = max(4.0, chin - eye_y) * 1.6
    top = _top_of_head(alpha, centre_x, face_height * 0.3, eye_y)
    half_width = _head_half_width(alpha, centre_x, top, eye_y, chin, face_height)
    box = (
        max(0, round(centre_x - half_width)),
        max(0, round(top)),
        min(width, round(centre_x + half_width)),
        min(height, round(chin + 0.06 * face_height)),
    )
    shoulder_width = 0
    if float(shoulders[:, 2].min()) > 0.5:
        shoulder_width = round(abs(float(shoulders[0, 0] - shoulders[1, 0])))
    return _with_colours(
        frames, box, (round(centre_x), round((eye_y + mouth_y) / 2)), shoulder_width, "pose"
    )


def _face_seen(points: np.ndarray) -> bool:
    return bool(points[[0, 2, 5, 9, 10], 2].min() > 0.5)


def _top_of_head(alpha: np.ndarray, centre_x: float, half_width: float, eye_y: float) -> float:
    x0 = max(0, round(centre_x - half_width * 0.5))
    x1 = min(alpha.shape[1], round(centre_x + half_width * 0.5))
    rows = np.flatnonzero((alpha[: max(1, round(eye_y)), x0:x1] >= 128).any(axis=1))
    return float(rows[0]) if rows.size else 0.0


def _head_half_width(
    alpha: np.ndarray, centre_x: float, top: float, eye_y: float, chin: float, face: float
) -> float:
    """Half the width of the subject's own outline around the eyes (hair and hats included)."""
    rows = alpha[round(top + 0.15 * (eye_y - top)) : max(round(eye_y) + 1, round(top) + 2)] >= 128
    centre = round(min(alpha.shape[1] - 1, max(0, centre_x)))
    spans = []
    for row in rows:
        if not row[centre]:
            continue
        left = centre - int(np.argmin(row[centre::-1])) if not row[: centre + 1].all() else 0
        right = centre + int(np.argmin(row[centre:])) if not row[centre:].all() else len(row)
        spans.append(max(centre - left, right - centre))
    outline = float(np.median(spans)) if spans else face * 0.45
    return float(np.clip(outline * 1.04, face * 0.38, face * 0.8))


def estimate_rig(frames: Sequence[np.ndarray]) -> BodyRig:
    """A rig from the cut-out's outline alone (no pose model, a drawing, an old double).

    The head is the top of the subject down to its narrowest row (the neck) in the upper part;
    a subject that never narrows (a face-only crop) is all head.

    Args:
        frames: RGBA sprite frames.

    Returns:
        The estimated rig.
    """
    reference = frames[len(frames) // 2]
    alpha = reference[..., 3] >= 128
    height, width = alpha.shape
    rows = np.flatnonzero(alpha.any(axis=1))
    if rows.size == 0:
        return _with_colours(frames, (0, 0, width, height), (width // 2, height // 2), 0, "outline")
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    widths = alpha.sum(axis=1).astype(np.float32)
    tall = bottom - top
    lo, hi = top + round(0.3 * tall), top + round(0.7 * tall)
    neck = lo + int(np.argmin(widths[lo:hi])) if hi > lo else bottom
    below = widths[min(height - 1, neck + round(0.1 * tall)) :]
    if below.size == 0 or below.max() < 1.25 * widths[neck]:
        neck = bottom  # never widens again: no shoulders in the picture
    head_rows = alpha[top:neck]
    columns = np.flatnonzero(head_rows.any(axis=0))
    x0, x1 = (int(columns[0]), int(columns[-1]) + 1) if columns.size else (0, width)
    centre = ((x0 + x1) // 2, top + round((neck - top) * 0.58))
    shoulder = int(below.max()) if neck < bottom else 0
    return _with_colours(frames, (x0, top, x1, neck), centre, shoulder, "outline")


def _with_colours(
    frames: Sequence[np.ndarray],
    box: tuple[int, int, int, int],
    face: tuple[int, int],
    shoulder_width: int,
    source: str,
) -> BodyRig:
    reference = frames[len(frames) // 2]
    x0, y0, x1, y1 = box
    fx, fy = face
    span = max(2, (x1 - x0) // 6)
    skin = _median_colour(reference[fy - span : fy + span, fx - span : fx + span], (205, 160, 130))
    hair = _median_colour(reference[y0 : y0 + max(2, (y1 - y0) // 7), x0:x1], (60, 45, 35))
    shirt = _median_colour(reference[y1 + (reference.shape[0] - y1) // 3 :, :], (90, 110, 150))
    lightness = sum(shirt) / 3
    trousers = TROUSER_COLOURS[0 if lightness > 150 else 1 if lightness > 80 else 2]
    return BodyRig(box, face, shoulder_width, skin, shirt, hair, trousers, source)


def _median_colour(region: np.ndarray, fallback: Colour) -> Colour:
    if region.size == 0:
        return fallback
    pixels = region.reshape(-1, region.shape[-1])
    pixels = pixels[pixels[:, 3] >= 200] if region.shape[-1] == 4 else pixels
    if len(pixels) < 8:
        return fallback
    median = np.median(pixels[:, :3], axis=0)
    return (int(median[0]), int(median[1]), int(median[2]))
