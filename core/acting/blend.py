"""Alpha-blending cut-outs onto frames, fast: integer arithmetic over the overlap only.

A cut-out that is shown many times (a looping sprite frame) is split into blend layers once
(:class:`Layers`); a cut-out made for one frame (a tilted head) is blended with
:func:`blend_rgba`.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np


@dataclass(frozen=True, eq=False)
class Layers:
    """An RGBA sprite ready to blend: colour times alpha and 255 - alpha, both contiguous.

    Splitting the RGBA array into colour and alpha on every frame cost more than the blend
    itself; a sprite frame is split once per shot instead.
    """

    premultiplied: np.ndarray  # (h, w, 3) uint16
    inverse_alpha: np.ndarray  # (h, w, 3) uint8

    @classmethod
    def of(cls, rgba: np.ndarray) -> Layers:
        # OpenCV copies channels out ~3x faster than numpy's strided views.
        colour = cv2.cvtColor(rgba, cv2.COLOR_RGBA2RGB)
        alpha = cv2.cvtColor(np.ascontiguousarray(rgba[..., 3]), cv2.COLOR_GRAY2RGB)
        return cls(cv2.multiply(colour, alpha, dtype=cv2.CV_16U), cv2.bitwise_not(alpha))


def blend_rgba(frame: np.ndarray, rgba: np.ndarray, left: int, top: int) -> None:
    """Alpha-blend an RGBA image onto ``frame`` (uint8 RGB) at (left, top), in place."""
    blend_layers(frame, Layers.of(np.ascontiguousarray(rgba)), left, top)


def blend_layers(target: np.ndarray, layers: Layers, left: int, top: int) -> None:
    """Alpha-blend a sprite onto ``target`` (uint8 RGB) over their overlap only, in place.

    Integer arithmetic with round-to-nearest: (colour * alpha + target * (255 - alpha) + 127)
    // 255 fits in uint16 and equals rounding the exact quotient.
    """
    height, width = target.shape[:2]
    sprite_height, sprite_width = layers.inverse_alpha.shape[:2]
    x0, y0 = max(0, left), max(0, top)
    x1, y1 = min(width, left + sprite_width), min(height, top + sprite_height)
    if x1 <= x0 or y1 <= y0:
        return
    rows, columns = slice(y0 - top, y1 - top), slice(x0 - left, x1 - left)
    region = target[y0:y1, x0:x1]
    mixed = np.multiply(region, layers.inverse_alpha[rows, columns], dtype=np.uint16)
    mixed += layers.premultiplied[rows, columns]
    mixed += 127
    mixed //= 255
    region[...] = mixed
