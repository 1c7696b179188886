"""Drawing kit for the painted scenes: a supersampled Pillow canvas and cheap per-frame overlays.

A scene is painted once per size and seed into a static base (slow is fine: it is cached); the
overlays then animate a few small things per frame (lit windows, stars, drifting clouds) by
writing into a copy of the base, so a frame costs a copy plus a few small slices.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

RGB = tuple[int, int, int]
Box = tuple[float, float, float, float]  # x0, y0, x1, y1 as fractions of the frame
SUPERSAMPLE = 2  # draw at 2× and downsample, for smooth edges without an AA library


def hex_rgb(value: str) -> RGB:
    """``"#ffd27a"`` → ``(255, 210, 122)``."""
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def vertical_gradient(width: int, height: int, stops: Sequence[tuple[float, str]]) -> np.ndarray:
    """A float32 H×W×3 image blending colour stops ``(position 0..1, "#rrggbb")`` top to bottom."""
    positions = np.array([p for p, _ in stops], dtype=np.float32)
    colours = np.array([hex_rgb(c) for _, c in stops], dtype=np.float32)
    rows = np.linspace(0.0, 1.0, height, dtype=np.float32)
    column = np.stack([np.interp(rows, positions, colours[:, i]) for i in range(3)], axis=1)
    return np.broadcast_to(column[:, None, :], (height, width, 3)).copy()


class Canvas:
    """A Pillow RGBA canvas addressed in fractions of the frame (x of width, y of height)."""

    def __init__(self, width: int, height: int, background: np.ndarray) -> None:
        self.width, self.height = width * SUPERSAMPLE, height * SUPERSAMPLE
        big = Image.fromarray(np.clip(background, 0, 255).astype(np.uint8), "RGB")
        # An RGB canvas with an "RGBA" drawer blends translucent fills; an RGBA canvas would
        # overwrite its pixels' alpha instead, and the translucency would be lost on flattening.
        self.image = big.resize((self.width, self.height), Image.Resampling.BILINEAR)
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    def x(self, fraction: float) -> float:
        return fraction * self.width

    def y(self, fraction: float) -> float:
        return fraction * self.height

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        return (self.x(x0), self.y(y0), self.x(x1), self.y(y1))

    def rect(self, x0: float, y0: float, x1: float, y1: float, fill: str, alpha: int = 255) -> None:
        self.draw.rectangle(self.box(x0, y0, x1, y1), fill=(*hex_rgb(fill), alpha))

    def rounded(
        self, x0: float, y0: float, x1: float, y1: float, radius: float, fill: str, alpha: int = 255
    ) -> None:
        """A rounded rectangle; ``radius`` is a fraction of the frame height."""
        self.draw.rounded_rectangle(
            self.box(x0, y0, x1, y1), radius=self.y(radius), fill=(*hex_rgb(fill), alpha)
        )

    def circle(self, cx: float, cy: float, radius: float, fill: str, alpha: int = 255) -> None:
        """A circle at fractional centre; ``radius`` is a fraction of the frame height."""
        r = self.y(radius)
        x, y = self.x(cx), self.y(cy)
        self.draw.ellipse((x - r, y - r, x + r, y + r), fill=(*hex_rgb(fill), alpha))

    def ellipse(
        self, x0: float, y0: float, x1: float, y1: float, fill: str, alpha: int = 255
    ) -> None:
        self.draw.ellipse(self.box(x0, y0, x1, y1), fill=(*hex_rgb(fill), alpha))

    def polygon(self, points: Sequence[tuple[float, float]], fill: str, alpha: int = 255) -> None:
        self.draw.polygon(
            [(self.x(px), self.y(py)) for px, py in points], fill=(*hex_rgb(fill), alpha)
        )

    def line(
        self, points: Sequence[tuple[float, float]], fill: str, width: float, alpha: int = 255
    ) -> None:
        """A polyline; ``width`` is a fraction of the frame height."""
        self.draw.line(
            [(self.x(px), self.y(py)) for px, py in points],
            fill=(*hex_rgb(fill), alpha),
            width=max(1, round(self.y(width))),
            joint="curve",
        )

    def glow(self, cx: float, cy: float, radius: float, colour: str, strength: int = 90) -> None:
        """A soft blurred disc of light (lamps, the sun, the moon's halo)."""
        r = self.y(radius)
        x, y = self.x(cx), self.y(cy)
        # Blur only the alpha of a small crop: blurring a transparent-black RGBA layer would
        # darken the halo's edge, and blurring the whole canvas per lamp is slow.
        reach = int(r * 2.5)
        left, top = int(x) - reach, int(y) - reach
        mask = Image.new("L", (2 * reach, 2 * reach), 0)
        ImageDraw.Draw(mask).ellipse(
            (x - r - left, y - r - top, x + r - left, y + r - top), fill=strength
        )
        light = Image.new("RGB", mask.size, hex_rgb(colour))
        self.image.paste(light, (left, top), mask.filter(ImageFilter.GaussianBlur(r * 0.6)))

    def begin_layer(self) -> None:
        """Draw on a copy of the canvas until ``end_layer_in_circle`` keeps a circle of it."""
        self._base_image = self.image
        self.image = self.image.copy()
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    def end_layer_in_circle(self, cx: float, cy: float, radius: float) -> None:
        """Keep only a circle (a porthole) of what was drawn since ``begin_layer``."""
        r = self.y(radius)
        x, y = self.x(cx), self.y(cy)
        clip = Image.new("L", self.image.size, 0)
        ImageDraw.Draw(clip).ellipse((x - r, y - r, x + r, y + r), fill=255)
        self._base_image.paste(self.image, (0, 0), clip)
        self.image = self._base_image
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    def finish(
        self, rng: np.random.Generator, grain: float = 3.0, vignette: float = 0.18
    ) -> np.ndarray:
        """Downsample to the target size and add film grain and a vignette (the "texture")."""
        small = self.image.resize(
            (self.width // SUPERSAMPLE, self.height // SUPERSAMPLE), Image.Resampling.LANCZOS
        )
        pixels = np.asarray(small, dtype=np.float32)
        height, width = pixels.shape[:2]
        yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
        distance = ((xx / width - 0.5) ** 2 + (yy / height - 0.5) ** 2) / 0.5
        pixels *= (1.0 - vignette * distance)[..., None]
        pixels += rng.normal(0.0, grain, size=(height, width, 1)).astype(np.float32)
        return np.clip(pixels, 0, 255).astype(np.uint8)


class Overlay:
    """Something that changes a little every frame; ``apply`` writes into ``frame`` in place."""

    def apply(self, frame: np.ndarray, base: np.ndarray, t: float) -> None:
        raise NotImplementedError


@dataclass(frozen=True)
class Blinkers(Overlay):
    """Small rectangles (windows, console lights, bulbs) fading between an off and on colour."""

    boxes: np.ndarray  # N×4 int: y0, y1, x0, x1
    on: np.ndarray  # N×3 float
    off: np.ndarray  # N×3 float
    phase: np.ndarray  # N float, radians
    speed: np.ndarray  # N float, radians per second

    def apply(self, frame: np.ndarray, base: np.ndarray, t: float) -> None:
        # A smooth step rather than a sine keeps windows mostly fully on or off, like real ones.
        level = np.clip(np.sin(self.phase + self.speed * t) * 2.0 + 0.5, 0.0, 1.0)
        colours = (self.off + (self.on - self.off) * level[:, None]).astype(np.uint8)
        for (y0, y1, x0, x1), colour in zip(self.boxes, colours, strict=True):
            frame[y0:y1, x0:x1] = colour


@dataclass(frozen=True)
class Sparkles(Overlay):
    """Single pixels (stars, glints on water, dust motes) that twinkle and may drift."""

    ys: np.ndarray
    xs: np.ndarray
    colour: np.ndarray  # N×3 float
    phase: np.ndarray
    speed: np.ndarray
    drift: tuple[float, float] = (0.0, 0.0)  # pixels per second (dy, dx), wrapped at the edges

    def apply(self, frame: np.ndarray, base: np.ndarray, t: float) -> None:
        height, width = frame.shape[:2]
        ys = (self.ys + int(self.drift[0] * t)) % height
        xs = (self.xs + int(self.drift[1] * t)) % width
        level = (0.5 + 0.5 * np.sin(self.phase + self.speed * t))[:, None]
        under = base[ys, xs].astype(np.float32)
        frame[ys, xs] = (under + (self.colour - under) * level).astype(np.uint8)


@dataclass(frozen=True)
class Drifter(Overlay):
    """A soft sprite (a cloud, a puff of steam) sliding across the frame and wrapping around."""

    rgb: np.ndarray  # h×w×3 float
    alpha: np.ndarray  # h×w×1 float in 0..1
    top: int
    left: float
    speed: float  # pixels per second, positive = rightwards
    rise: float = 0.0  # pixels per second upwards, wrapped within ``rise_span``
    rise_span: int = 1
    rise_phase: float = 0.0  # pixels already risen at t = 0, so puffs start staggered

    def apply(self, frame: np.ndarray, base: np.ndarray, t: float) -> None:
        height, width = frame.shape[:2]
        sprite_h, sprite_w = self.alpha.shape[:2]
        span = width + sprite_w
        left = int((self.left + self.speed * t) % span) - sprite_w
        risen = (self.rise_phase + self.rise * t) % self.rise_span
        top = self.top - int(risen)
        # A rising puff fades in and out over its climb, so the wrap-around is invisible.
        fade = float(np.sin(np.pi * risen / self.rise_span)) if self.rise else 1.0
        x0, x1 = max(0, left), min(width, left + sprite_w)
        y0, y1 = max(0, top), min(height, top + sprite_h)
        if x0 >= x1 or y0 >= y1:
            return
        sx, sy = x0 - left, y0 - top
        alpha = self.alpha[sy : sy + y1 - y0, sx : sx + x1 - x0] * fade
        rgb = self.rgb[sy : sy + y1 - y0, sx : sx + x1 - x0]
        region = frame[y0:y1, x0:x1].astype(np.float32)
        frame[y0:y1, x0:x1] = (region + (rgb - region) * alpha).astype(np.uint8)


def soft_blob_sprite(
    rng: np.random.Generator, width: int, height: int, colour: str, puffs: int = 5
) -> tuple[np.ndarray, np.ndarray]:
    """A cloud-like sprite: a few overlapping discs, blurred, as (rgb, alpha)."""
    layer = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(layer)
    for _ in range(puffs):
        r = rng.uniform(0.22, 0.38) * height
        cx = rng.uniform(0.25, 0.75) * width
        cy = rng.uniform(0.5, 0.65) * height
        draw.ellipse((cx - r * 1.4, cy - r, cx + r * 1.4, cy + r), fill=235)
    draw.rounded_rectangle((0.12 * width, 0.55 * height, 0.88 * width, 0.8 * height), 20, fill=235)
    alpha = np.asarray(layer.filter(ImageFilter.GaussianBlur(height * 0.06)), np.float32) / 255.0
    rgb = np.broadcast_to(np.array(hex_rgb(colour), np.float32), (height, width, 3)).copy()
    return rgb, alpha[..., None]


# --- overlay and scenery builders shared by the scenes ---------------------------------------


def pixel_boxes(boxes: Sequence[Box], width: int, height: int) -> np.ndarray:
    pixel = []
    for x0, y0, x1, y1 in boxes:
        px0, py0 = int(x0 * width), int(y0 * height)
        pixel.append((py0, max(py0 + 1, int(y1 * height)), px0, max(px0 + 1, int(x1 * width))))
    return np.array(pixel, dtype=np.int64).reshape(-1, 4)


def blinkers(
    boxes: Sequence[Box],
    size: tuple[int, int],
    on: str | Sequence[str],
    off: str,
    rng: np.random.Generator,
    speed: tuple[float, float],
) -> Blinkers:
    count = len(boxes)
    on_list = [on] * count if isinstance(on, str) else [on[i % len(on)] for i in range(count)]
    return Blinkers(
        boxes=pixel_boxes(boxes, *size),
        on=np.array([hex_rgb(c) for c in on_list], np.float32),
        off=np.tile(np.array(hex_rgb(off), np.float32), (count, 1)),
        phase=rng.uniform(0, 2 * np.pi, count),
        speed=rng.uniform(*speed, count),
    )


def sparkles(
    rng: np.random.Generator,
    size: tuple[int, int],
    region: Box,
    count: int,
    colour: str,
    speed: tuple[float, float],
    drift: tuple[float, float] = (0.0, 0.0),
) -> Sparkles:
    width, height = size
    x0, y0, x1, y1 = region
    return Sparkles(
        ys=(rng.uniform(y0, y1, count) * (height - 1)).astype(np.int64),
        xs=(rng.uniform(x0, x1, count) * (width - 1)).astype(np.int64),
        colour=np.tile(np.array(hex_rgb(colour), np.float32), (count, 1)),
        phase=rng.uniform(0, 2 * np.pi, count),
        speed=rng.uniform(*speed, count),
        drift=drift,
    )


def window_grid(
    rng: np.random.Generator, x0: float, x1: float, top: float, bottom: float, lit: float
) -> tuple[list[Box], list[Box]]:
    """Window boxes of one building face, split into (lit, dark)."""
    lit_boxes: list[Box] = []
    dark_boxes: list[Box] = []
    columns = max(1, int((x1 - x0) / 0.018))
    cell_w = (x1 - x0) / columns
    y = top + 0.025
    while y + 0.022 < bottom:
        for c in range(columns):
            box = (
                x0 + c * cell_w + cell_w * 0.28,
                y,
                x0 + (c + 1) * cell_w - cell_w * 0.28,
                y + 0.02,
            )
            (lit_boxes if rng.random() < lit else dark_boxes).append(box)
        y += 0.04
    return lit_boxes, dark_boxes


def skyline(
    canvas: Canvas,
    rng: np.random.Generator,
    horizon: float,
    height_range: tuple[float, float],
    colour: str,
    window_colour: str,
    lit: float,
    x_range: tuple[float, float] = (-0.02, 1.02),
) -> list[Box]:
    """Draw a row of buildings with windows; return the lit window boxes (for blinking)."""
    lit_boxes: list[Box] = []
    x = x_range[0]
    while x < x_range[1]:
        building_w = rng.uniform(0.05, 0.11)
        top = horizon - rng.uniform(*height_range)
        canvas.rect(x, top, x + building_w, horizon + 0.01, colour)
        if rng.random() < 0.3:  # a rooftop antenna or water tank for a varied silhouette
            canvas.rect(x + building_w * 0.45, top - 0.04, x + building_w * 0.5, top, colour)
        on, off = window_grid(rng, x + 0.006, x + building_w - 0.006, top, horizon, lit)
        for box in off:
            canvas.rect(*box, "#000000", alpha=40)
        for box in on:
            canvas.rect(*box, window_colour)
        lit_boxes.extend(on)
        x += building_w + rng.uniform(0.0, 0.015)
    return lit_boxes
