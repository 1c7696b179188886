"""Making a cut-out sit in a painted scene: refined edges, a colour grade, a rim of light.

All of it runs once per shot on the (small) cut-out frames, never per output frame:

- edges: the matte is pulled in by a pixel and re-softened, which removes the halo of the
  reference's background that a segmentation matte leaves around hair and shoulders;
- grade: colours move a little toward the scene's average colour and brightness (a night
  scene cools and darkens people, a sunset warms them);
- rim light: a thin line of the scene's key-light colour on the side the light comes from.
"""

from __future__ import annotations

import cv2
import numpy as np

from core.scenes.lighting import SceneLight

Colour = tuple[int, int, int]


def scene_tone(background: np.ndarray) -> np.ndarray:
    """The average colour of a painted background (float32 RGB), measured on a thumbnail."""
    small = cv2.resize(background, (32, 18), interpolation=cv2.INTER_AREA)
    return small.reshape(-1, 3).astype(np.float32).mean(axis=0)


def grade_gains(tone: np.ndarray, light: SceneLight) -> np.ndarray:
    """Per-channel gains toward the scene: tint by its hue, dim or lift by its brightness."""
    mean = float(tone.mean()) + 1e-3
    tint = (tone / mean) ** 0.5
    brightness = np.clip((mean / 128.0) ** 0.35, 0.72, 1.08)
    gains = 1.0 + light.grade * (tint * brightness - 1.0)
    return np.clip(gains, 0.6, 1.25).astype(np.float32)


# Drawn fills keep this much headroom from black and white: the invisible watermark moves pixel
# values a little either way, and a large flat area clipped at 0 or 255 loses its bits there.
FILL_MIN, FILL_MAX = 32, 230


def grade_colour(colour: Colour, gains: np.ndarray) -> Colour:
    """A drawn colour (shirt, skin) graded like the cut-outs, kept off pure black and white."""
    out = np.clip(np.asarray(colour, np.float32) * gains, FILL_MIN, FILL_MAX)
    return (int(out[0]), int(out[1]), int(out[2]))


def refine_edges(rgba: np.ndarray) -> np.ndarray:
    """Pull the matte in by about a pixel and re-soften it (no background halo, no hard cut)."""
    alpha = rgba[..., 3]
    size = max(rgba.shape[:2])
    radius = 1 if size < 200 else 2
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))
    eroded = cv2.erode(alpha, kernel)
    soft = cv2.GaussianBlur(eroded, (0, 0), sigmaX=0.6 + 0.4 * radius)
    out = rgba.copy()
    out[..., 3] = np.minimum(alpha, soft)
    return out


def grade_and_light(rgba: np.ndarray, gains: np.ndarray, light: SceneLight) -> np.ndarray:
    """Grade a cut-out toward the scene and add a rim of its key light.

    Args:
        rgba: HxWx4 uint8 cut-out.
        gains: From :func:`grade_gains`.
        light: The scene's key light.

    Returns:
        A new graded, rim-lit RGBA image (edges refined).
    """
    out = refine_edges(rgba)
    alpha = out[..., 3]
    width = max(1, round(max(rgba.shape[:2]) * 0.012))
    # Rim: opaque pixels whose neighbour toward the light is transparent.
    if light.side == 0:
        toward = np.minimum(_shifted(alpha, width), _shifted(alpha, -width))
    else:
        toward = _shifted(alpha, int(np.sign(light.side)) * width)
    rim = cv2.subtract(alpha, toward)
    rim = cv2.GaussianBlur(rim, (0, 0), sigmaX=max(0.8, width * 0.6))
    rim = cv2.multiply(rim, alpha, scale=light.strength * 0.8 / 255.0)
    colour = cv2.cvtColor(out, cv2.COLOR_RGBA2RGB)
    graded = cv2.multiply(colour, tuple(float(g) for g in gains), dtype=cv2.CV_8U)
    lit = np.empty_like(graded)
    lit[...] = light.colour
    weight = cv2.cvtColor(rim, cv2.COLOR_GRAY2RGB)
    # graded + rim * (light - graded): blend toward the light colour where the rim is.
    mixed = cv2.add(
        cv2.multiply(graded, cv2.bitwise_not(weight), scale=1 / 255.0),
        cv2.multiply(lit, weight, scale=1 / 255.0),
    )
    out[..., :3] = mixed
    return out


def _shifted(alpha: np.ndarray, dx: int) -> np.ndarray:
    """``alpha`` as seen from ``dx`` pixels to the right (edge columns repeat nothing: 0)."""
    out = np.zeros_like(alpha)
    if dx > 0:
        out[:, :-dx] = alpha[:, dx:]
    elif dx < 0:
        out[:, -dx:] = alpha[:, :dx]
    else:
        out[...] = alpha
    return out
