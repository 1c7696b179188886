"""Close-up frames: head-and-shoulders crops from the reference's sharpest frames, full size.

The living sprite is 360 px tall for the whole subject, so a close-up drawn from it is upscaled
about twice and looks soft. At registration the reference frames are still at full resolution:
this module cuts the head and shoulders out of the sharpest of them (variance of the Laplacian
over the face) at their own size (at most ``MAX_HEIGHT``), with their mattes as alpha, in time
order, so the renderer's close-ups start from real pixels instead of upscaled ones.
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from core.acting.rig import BodyRig

CLOSEUP_FRAMES = 8
MAX_HEIGHT = 640
HEADS_TALL = 2.3  # crop height in head heights: the head and the top of the shoulders
ASPECT = 0.8  # width / height of the crop


def closeup_frames(
    frames: Sequence[np.ndarray],
    mattes: Sequence[np.ndarray],
    source_box: tuple[int, int, int, int],
    sprite_height: int,
    rig: BodyRig,
    count: int = CLOSEUP_FRAMES,
) -> tuple[np.ndarray, ...]:
    """Cut close-up frames out of the full-size reference.

    Args:
        frames: The reference frames the sprite was built from (RGB, full size).
        mattes: Their mattes (uint8 alpha).
        source_box: The sprite's crop in those frames (x, y, width, height).
        sprite_height: The sprite frames' height (the rig is in sprite pixels).
        rig: The rig (its head box locates the head).
        count: How many frames to keep (the sharpest).

    Returns:
        RGBA crops, all the same size, in time order; empty when the head is too small to gain
        anything over the sprite.
    """
    x, y, _width, height = source_box
    scale = height / sprite_height
    x0, y0, x1, y1 = rig.head_box
    head = (x + x0 * scale, y + y0 * scale, x + x1 * scale, y + y1 * scale)
    head_height = head[3] - head[1]
    crop_height = round(HEADS_TALL * head_height)
    crop_width = round(ASPECT * crop_height)
    frame_height, frame_width = frames[0].shape[:2]
    centre_x = (head[0] + head[2]) / 2
    left = int(np.clip(round(centre_x - crop_width / 2), 0, max(0, frame_width - crop_width)))
    top = int(np.clip(round(head[1] - 0.12 * head_height), 0, max(0, frame_height - crop_height)))
    right, bottom = min(frame_width, left + crop_width), min(frame_height, top + crop_height)
    if bottom - top <= sprite_height * 0.9:
        return ()  # no more pixels than the sprite already has
    face = (
        round(head[0] - left),
        round(head[1] - top),
        round(head[2] - left),
        round(head[3] - top),
    )
    scores = [_sharpness(frame[top:bottom, left:right], face) for frame in frames]
    keep = sorted(np.argsort(scores)[::-1][:count])
    target = min(MAX_HEIGHT, bottom - top)
    size = (max(2, round((right - left) * target / (bottom - top))), target)
    crops = []
    for index in keep:
        rgba = np.dstack(
            [frames[index][top:bottom, left:right], mattes[index][top:bottom, left:right]]
        )
        crops.append(cv2.resize(rgba, size, interpolation=cv2.INTER_AREA))
    return tuple(crops)


def _sharpness(crop: np.ndarray, face: tuple[int, int, int, int]) -> float:
    x0, y0, x1, y1 = face
    region = crop[max(0, y0) : max(1, y1), max(0, x0) : max(1, x1)]
    if region.size == 0:
        return 0.0
    grey = cv2.cvtColor(np.ascontiguousarray(region), cv2.COLOR_RGB2GRAY)
    return float(cv2.Laplacian(grey, cv2.CV_32F).var())
