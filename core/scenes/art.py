"""The eight painted scenes. Each painter returns a static image and its per-frame overlays.

Coordinates are fractions of the frame (x of width, y of height) so a scene paints at any size;
characters are composited in the lower middle, so that area is kept calm.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from core.scenes.paint import (
    Box,
    Canvas,
    Drifter,
    Overlay,
    Sparkles,
    blinkers,
    hex_rgb,
    skyline,
    soft_blob_sprite,
    sparkles,
    vertical_gradient,
)

Painted = tuple[np.ndarray, list[Overlay]]


def _night_city_window(width: int, height: int, rng: np.random.Generator) -> Painted:
    size = (width, height)
    sky = vertical_gradient(
        width, height, [(0.0, "#0b1033"), (0.45, "#2a1f5c"), (0.72, "#7a4a86"), (1.0, "#2a1f3d")]
    )
    canvas = Canvas(width, height, sky)
    canvas.glow(0.74, 0.2, 0.16, "#f6e9c8", strength=70)
    canvas.circle(0.74, 0.2, 0.055, "#f6e9c8")
    canvas.circle(0.755, 0.19, 0.045, "#e9d9b0", alpha=120)
    skyline(canvas, rng, 0.8, (0.12, 0.3), "#2a2558", "#c9a85a", 0.2, (0.08, 0.92))
    lit = skyline(canvas, rng, 0.8, (0.2, 0.45), "#17143a", "#ffd27a", 0.35, (0.08, 0.92))
    # The room around the window: warm dark wall, curtains, frame and sill.
    canvas.rect(0.0, 0.0, 1.0, 0.07, "#2b2235")
    canvas.rect(0.0, 0.0, 0.1, 1.0, "#2b2235")
    canvas.rect(0.9, 0.0, 1.0, 1.0, "#2b2235")
    canvas.rect(0.0, 0.8, 1.0, 1.0, "#241c2e")
    for x0, x1 in ((0.07, 0.2), (0.8, 0.93)):
        canvas.rect(x0, 0.04, x1, 0.86, "#6b3a5c")
        for fold in np.linspace(x0 + 0.015, x1 - 0.02, 4):
            canvas.rect(fold, 0.04, fold + 0.012, 0.86, "#582e4c")
    canvas.rect(0.05, 0.025, 0.95, 0.05, "#3b2f4a")  # curtain rail
    canvas.rect(0.495, 0.07, 0.505, 0.8, "#3d3350")  # mullion
    canvas.rect(0.2, 0.42, 0.8, 0.43, "#3d3350")  # transom
    canvas.rect(0.08, 0.78, 0.92, 0.82, "#4a3d5c")  # sill
    canvas.polygon([(0.83, 0.78), (0.87, 0.78), (0.865, 0.72), (0.835, 0.72)], "#8a5a44")
    for angle in (-0.6, -0.2, 0.25, 0.6):
        tip = (0.85 + 0.06 * np.sin(angle), 0.72 - 0.11 * np.cos(angle))
        canvas.line([(0.85, 0.72), tip], "#3f7a55", 0.012)
    image = canvas.finish(rng)
    # Only windows seen through the glass may blink (not behind curtains, mullion or transom).
    visible = [
        b
        for b in lit
        if b[0] > 0.2
        and b[2] < 0.8
        and not b[0] < 0.505 < b[2] + 0.005
        and not b[1] < 0.435 < b[3] + 0.01
    ]
    blinking = [
        visible[i] for i in rng.choice(len(visible), size=min(24, len(visible)), replace=False)
    ]
    overlays: list[Overlay] = [
        blinkers(blinking, size, "#ffd27a", "#1d1a40", rng, (0.15, 0.6)),
        sparkles(rng, size, (0.21, 0.08, 0.79, 0.3), 40, "#ffffff", (1.0, 3.0)),
    ]
    return image, overlays


def _sunny_park(width: int, height: int, rng: np.random.Generator) -> Painted:
    sky = vertical_gradient(width, height, [(0.0, "#6fbfef"), (0.6, "#cdeefd"), (1.0, "#cdeefd")])
    canvas = Canvas(width, height, sky)
    canvas.glow(0.16, 0.16, 0.2, "#fff4c2", strength=120)
    canvas.circle(0.16, 0.16, 0.07, "#fff1b0")
    canvas.ellipse(-0.2, 0.48, 0.7, 0.9, "#a6dc8f")
    canvas.ellipse(0.35, 0.5, 1.3, 0.95, "#94d27f")
    canvas.rect(0.0, 0.66, 1.0, 1.0, "#6cbf6a")
    canvas.polygon([(0.42, 1.0), (0.58, 1.0), (0.53, 0.66), (0.49, 0.66)], "#e8d6a8")
    for x, scale in ((0.08, 1.0), (0.27, 0.7), (0.76, 0.8), (0.93, 1.1)):
        canvas.rect(x - 0.01 * scale, 0.66 - 0.2 * scale, x + 0.01 * scale, 0.7, "#7a5236")
        canvas.circle(x, 0.66 - 0.26 * scale, 0.12 * scale, "#3f9a57")
        canvas.circle(x - 0.03 * scale, 0.66 - 0.3 * scale, 0.08 * scale, "#4fb067")
    canvas.rounded(0.64, 0.63, 0.74, 0.655, 0.01, "#9a6a44")  # bench seat
    canvas.rect(0.645, 0.655, 0.652, 0.7, "#5a3f2c")
    canvas.rect(0.728, 0.655, 0.735, 0.7, "#5a3f2c")
    canvas.rounded(0.64, 0.6, 0.74, 0.615, 0.006, "#9a6a44")
    for _ in range(60):
        x, y = rng.uniform(0, 1), rng.uniform(0.7, 0.98)
        canvas.circle(x, y, 0.006, str(rng.choice(["#ffffff", "#ffd166", "#ff8fab"])))
    image = canvas.finish(rng, grain=2.0)
    overlays: list[Overlay] = []
    for top, speed in ((0.06, 6.0), (0.2, 9.0), (0.12, 4.0)):
        rgb, alpha = soft_blob_sprite(rng, int(width * 0.22), int(height * 0.14), "#ffffff")
        overlays.append(Drifter(rgb, alpha, int(top * height), rng.uniform(0, width), speed))
    return image, overlays


def _cozy_kitchen(width: int, height: int, rng: np.random.Generator) -> Painted:
    wall = vertical_gradient(width, height, [(0.0, "#f6e7cf"), (1.0, "#efd6b4")])
    canvas = Canvas(width, height, wall)
    canvas.rect(0.34, 0.12, 0.66, 0.46, "#9ad3f0")  # window with a daytime sky
    canvas.rect(0.34, 0.36, 0.66, 0.46, "#b9e2a8")
    canvas.rect(0.495, 0.12, 0.505, 0.46, "#ffffff")
    canvas.rect(0.33, 0.11, 0.67, 0.125, "#ffffff")
    canvas.rect(0.33, 0.45, 0.67, 0.47, "#ffffff")
    for x0, x1 in ((0.0, 0.3), (0.7, 1.0)):  # upper cabinets
        canvas.rect(x0, 0.0, x1, 0.3, "#7fae9a")
        for door in np.linspace(x0, x1, 3)[:-1]:
            canvas.rect(door + 0.01, 0.02, door + 0.14, 0.28, "#8dbca8")
            canvas.rect(door + 0.065, 0.24, door + 0.085, 0.25, "#e7c77a")
    for row in np.arange(0.48, 0.62, 0.035):  # tiled backsplash
        canvas.rect(0.0, row, 1.0, row + 0.004, "#e2c9a6")
    for column in np.arange(0.0, 1.0, 0.05):
        canvas.rect(column, 0.48, column + 0.003, 0.62, "#e2c9a6")
    canvas.rect(0.0, 0.62, 1.0, 0.67, "#a0704a")  # counter top
    canvas.rect(0.0, 0.67, 1.0, 1.0, "#6f9e8a")
    for door in np.arange(0.0, 1.0, 0.125):
        canvas.rect(door + 0.008, 0.7, door + 0.117, 0.97, "#7fae9a")
        canvas.rect(door + 0.05, 0.72, door + 0.075, 0.73, "#e7c77a")
    for x in (0.2, 0.8):  # pendant lamps
        canvas.line([(x, 0.0), (x, 0.1)], "#3b3b3b", 0.004)
        canvas.glow(x, 0.15, 0.12, "#ffd58a", strength=90)
        canvas.polygon(
            [(x - 0.04, 0.15), (x + 0.04, 0.15), (x + 0.015, 0.1), (x - 0.015, 0.1)], "#e06d4f"
        )
    canvas.rounded(0.12, 0.55, 0.22, 0.62, 0.01, "#3d3d46")  # pot on the stove
    canvas.rect(0.1, 0.55, 0.24, 0.56, "#2d2d34")
    for x in (0.4, 0.46, 0.55):  # herbs on the sill
        canvas.rounded(x, 0.4, x + 0.035, 0.45, 0.005, "#c9694d")
        canvas.circle(x + 0.017, 0.385, 0.03, "#4f9a5b")
    image = canvas.finish(rng, grain=2.5)
    overlays: list[Overlay] = []
    span = int(0.16 * height)
    for index, dx in enumerate((-0.025, 0.0, 0.02)):  # steam rising from the pot, staggered
        rgb, alpha = soft_blob_sprite(rng, int(width * 0.05), int(height * 0.07), "#ffffff", 3)
        left = (0.17 + dx) * width - rgb.shape[1] / 2
        overlays.append(
            Drifter(
                rgb,
                alpha * 0.45,
                int(0.5 * height),
                left,
                0.0,
                rise=0.06 * height,
                rise_span=span,
                rise_phase=span * index / 3,
            )
        )
    return image, overlays


def _beach_sunset(width: int, height: int, rng: np.random.Generator) -> Painted:
    sky = vertical_gradient(
        width,
        height,
        [
            (0.0, "#2d1b4e"),
            (0.25, "#8e3b6e"),
            (0.45, "#f2785c"),
            (0.56, "#ffc46b"),
            (0.57, "#6b3f6e"),
            (0.78, "#3b2d5e"),
            (1.0, "#3b2d5e"),
        ],
    )
    canvas = Canvas(width, height, sky)
    canvas.glow(0.62, 0.55, 0.3, "#ffb25c", strength=110)
    canvas.draw.pieslice(
        (
            canvas.x(0.62) - canvas.y(0.13),
            canvas.y(0.42),
            canvas.x(0.62) + canvas.y(0.13),
            canvas.y(0.68),
        ),
        180,
        360,
        fill=(*hex_rgb("#ffe08a"), 255),
    )
    for i, y in enumerate(np.arange(0.585, 0.76, 0.022)):  # the sun's reflection on the sea
        half = 0.1 - i * 0.009
        canvas.rounded(0.62 - half, y, 0.62 + half, y + 0.007, 0.003, "#ffcf7a", alpha=200)
    canvas.polygon(
        [(0.0, 0.8), (0.35, 0.76), (0.7, 0.79), (1.0, 0.75), (1.0, 1.0), (0.0, 1.0)], "#e9b07a"
    )
    canvas.polygon([(0.0, 0.9), (0.5, 0.86), (1.0, 0.92), (1.0, 1.0), (0.0, 1.0)], "#d99a68")
    # A palm tree on the left, in silhouette.
    trunk = [(0.12 + 0.03 * np.sin(s * 1.6), 0.95 - 0.6 * s) for s in np.linspace(0, 1, 12)]
    canvas.line(trunk, "#2a1533", 0.028)
    top_x, top_y = trunk[-1]
    for direction in (-1.0, -0.65, -0.3, 0.3, 0.65, 1.0):
        _palm_leaf(canvas, top_x, top_y, direction)
    canvas.circle(top_x, top_y, 0.02, "#2a1533")
    for x, y in ((0.36, 0.22), (0.4, 0.25), (0.82, 0.18)):  # birds
        canvas.line([(x - 0.015, y - 0.01), (x, y), (x + 0.015, y - 0.01)], "#3a2040", 0.004)
    image = canvas.finish(rng, grain=2.5)
    glints = sparkles(rng, (width, height), (0.45, 0.59, 0.8, 0.77), 70, "#fff2c0", (2.0, 5.0))
    return image, [glints]


def _palm_leaf(canvas: Canvas, x: float, y: float, direction: float) -> None:
    """One drooping frond: a curved leaf shape from the crown outwards."""
    length = 0.16
    spine = [
        (
            x + direction * length * s,
            y - 0.07 * np.sin(np.pi * s * 0.7) + 0.1 * s**2 * abs(direction),
        )
        for s in np.linspace(0, 1, 9)
    ]
    width = [0.018 * np.sin(np.pi * s) for s in np.linspace(0, 1, 9)]
    upper = [(px, py - w) for (px, py), w in zip(spine, width, strict=True)]
    lower = [(px, py + w) for (px, py), w in zip(spine, width, strict=True)]
    canvas.polygon(upper + lower[::-1], "#2a1533")


def _stage_spotlight(width: int, height: int, rng: np.random.Generator) -> Painted:
    back = vertical_gradient(width, height, [(0.0, "#1a0c1c"), (0.7, "#2a1226"), (1.0, "#120810")])
    canvas = Canvas(width, height, back)
    canvas.rect(0.0, 0.74, 1.0, 1.0, "#5a3722")  # stage floor with planks
    for y in np.arange(0.76, 1.0, 0.04):
        canvas.rect(0.0, y, 1.0, y + 0.004, "#4a2c1b")
    canvas.rect(0.0, 0.73, 1.0, 0.75, "#7a4a2c")
    for x0, x1 in ((0.0, 0.2), (0.8, 1.0)):  # side curtains with folds
        canvas.rect(x0, 0.0, x1, 0.76, "#8a1434")
        for fold in np.linspace(x0, x1 - 0.02, 6):
            canvas.rect(fold, 0.0, fold + 0.015, 0.76, "#6a0f28")
    canvas.rect(0.0, 0.0, 1.0, 0.1, "#8a1434")  # valance with scallops
    for x in np.arange(0.0, 1.05, 0.1):
        canvas.ellipse(x - 0.05, 0.06, x + 0.05, 0.15, "#8a1434")
    canvas.rect(0.0, 0.0, 1.0, 0.02, "#c9963a")
    # The spotlight: a translucent cone and a bright pool on the floor.
    canvas.polygon([(0.46, 0.0), (0.54, 0.0), (0.72, 0.86), (0.28, 0.86)], "#fff3d6", alpha=26)
    canvas.polygon([(0.48, 0.0), (0.52, 0.0), (0.64, 0.86), (0.36, 0.86)], "#fff3d6", alpha=18)
    canvas.ellipse(0.27, 0.8, 0.73, 0.92, "#fff1c9", alpha=95)
    canvas.glow(0.5, 0.86, 0.12, "#fff1c9", strength=110)
    footlights = [(x, 0.965, x + 0.02, 0.975) for x in np.arange(0.05, 0.96, 0.075)]
    for box in footlights:
        canvas.glow((box[0] + box[2]) / 2, 0.97, 0.03, "#ffcf7a", strength=90)
    image = canvas.finish(rng, grain=3.0, vignette=0.3)
    dust = sparkles(
        rng, (width, height), (0.4, 0.05, 0.6, 0.8), 50, "#fff6dc", (0.5, 1.5), drift=(-6.0, 2.0)
    )
    return image, [
        dust,
        blinkers(footlights, (width, height), "#fff0c0", "#e0a050", rng, (1.0, 2.0)),
    ]


def _living_room(width: int, height: int, rng: np.random.Generator) -> Painted:
    wall = vertical_gradient(width, height, [(0.0, "#efdcc8"), (1.0, "#e3c9ae")])
    canvas = Canvas(width, height, wall)
    for x in np.arange(0.0, 1.0, 0.06):  # wallpaper stripes
        canvas.rect(x, 0.0, x + 0.025, 0.68, "#e6cfb6")
    canvas.rect(0.0, 0.68, 1.0, 1.0, "#a8744f")
    for y in np.arange(0.72, 1.0, 0.06):
        canvas.rect(0.0, y, 1.0, y + 0.003, "#946343")
    canvas.rect(0.0, 0.66, 1.0, 0.69, "#f5ead9")  # skirting board
    canvas.rect(0.74, 0.12, 0.94, 0.5, "#a9dcf2")  # window with a bit of garden
    canvas.rect(0.74, 0.38, 0.94, 0.5, "#9fd08a")
    canvas.rect(0.835, 0.12, 0.845, 0.5, "#ffffff")
    canvas.rect(0.73, 0.11, 0.95, 0.125, "#ffffff")
    canvas.rect(0.73, 0.49, 0.95, 0.51, "#ffffff")
    for x, y, w, h, colour in (
        (0.2, 0.16, 0.1, 0.14, "#e9a95c"),
        (0.33, 0.2, 0.07, 0.1, "#6fa8c9"),
        (0.43, 0.14, 0.08, 0.16, "#c9695c"),
    ):
        canvas.rect(x - 0.006, y - 0.01, x + w + 0.006, y + h + 0.01, "#6b4a34")
        canvas.rect(x, y, x + w, y + h, colour)
    canvas.ellipse(0.15, 0.86, 0.85, 1.02, "#c75c4a")  # rug
    canvas.ellipse(0.2, 0.88, 0.8, 1.0, "#d8745f")
    canvas.rounded(0.22, 0.46, 0.7, 0.62, 0.04, "#3f7f86")  # sofa back
    canvas.rounded(0.2, 0.56, 0.72, 0.74, 0.03, "#468c93")
    canvas.rounded(0.18, 0.52, 0.25, 0.74, 0.03, "#3a747a")
    canvas.rounded(0.67, 0.52, 0.74, 0.74, 0.03, "#3a747a")
    canvas.rounded(0.3, 0.5, 0.38, 0.59, 0.02, "#f2c14e")  # cushions
    canvas.rounded(0.55, 0.5, 0.63, 0.59, 0.02, "#e2725b")
    canvas.line([(0.08, 0.3), (0.08, 0.8)], "#3b3b3b", 0.008)  # floor lamp
    canvas.glow(0.08, 0.27, 0.14, "#ffd58a", strength=110)
    canvas.polygon([(0.04, 0.32), (0.12, 0.32), (0.1, 0.22), (0.06, 0.22)], "#f4d9a0")
    canvas.ellipse(0.05, 0.79, 0.11, 0.81, "#3b3b3b")
    canvas.rounded(0.86, 0.7, 0.93, 0.8, 0.01, "#c9694d")  # plant
    for dx in (-0.03, 0.0, 0.03):
        canvas.ellipse(0.875 + dx, 0.55, 0.915 + dx, 0.72, "#4f9a5b")
    image = canvas.finish(rng, grain=2.5)
    motes = sparkles(
        rng, (width, height), (0.65, 0.15, 0.95, 0.7), 30, "#fff8e6", (0.4, 1.2), drift=(2.0, -3.0)
    )
    return image, [motes]


def _rooftop_dusk(width: int, height: int, rng: np.random.Generator) -> Painted:
    size = (width, height)
    sky = vertical_gradient(
        width,
        height,
        [(0.0, "#1f2a5a"), (0.3, "#6b4c8a"), (0.55, "#f08a6a"), (0.7, "#ffc78a"), (1.0, "#ffc78a")],
    )
    canvas = Canvas(width, height, sky)
    canvas.glow(0.3, 0.68, 0.25, "#ffd59a", strength=100)
    lit = skyline(canvas, rng, 0.72, (0.08, 0.3), "#3a2f5e", "#ffcf80", 0.25)
    canvas.rect(0.0, 0.7, 1.0, 1.0, "#3a2e45")  # roof floor and parapet
    canvas.rect(0.0, 0.68, 1.0, 0.74, "#4b3b55")
    canvas.rect(0.0, 0.68, 1.0, 0.69, "#5e4a6a")
    canvas.rect(0.8, 0.3, 0.93, 0.5, "#2a2140")  # water tower
    canvas.polygon([(0.79, 0.3), (0.865, 0.22), (0.94, 0.3)], "#2a2140")
    for x in (0.81, 0.86, 0.91):
        canvas.rect(x, 0.5, x + 0.01, 0.69, "#2a2140")
    bulbs: list[Box] = []
    for start, end, sag in (((0.0, 0.1), (0.55, 0.16), 0.08), ((0.55, 0.16), (1.0, 0.08), 0.07)):
        points = [
            (
                start[0] + (end[0] - start[0]) * s,
                start[1] + (end[1] - start[1]) * s + sag * 4 * s * (1 - s),
            )
            for s in np.linspace(0, 1, 24)
        ]
        canvas.line(points, "#2a2140", 0.003)
        for px, py in points[1:-1:2]:
            canvas.glow(px, py + 0.012, 0.02, "#ffdf9a", strength=120)
            bulbs.append((px - 0.004, py + 0.006, px + 0.004, py + 0.018))
    for x in (0.05, 0.7):  # potted plants
        canvas.rounded(x, 0.76, x + 0.07, 0.86, 0.01, "#b5654a")
        canvas.circle(x + 0.035, 0.72, 0.06, "#3f7a55")
    image = canvas.finish(rng, grain=2.5)
    blinking = [lit[i] for i in rng.choice(len(lit), size=min(12, len(lit)), replace=False)]
    return image, [
        blinkers(bulbs, size, "#fff3c4", "#d9a55a", rng, (0.8, 1.8)),
        blinkers(blinking, size, "#ffcf80", "#3a2f5e", rng, (0.1, 0.4)),
    ]


def _space_station(width: int, height: int, rng: np.random.Generator) -> Painted:
    size = (width, height)
    wall = vertical_gradient(width, height, [(0.0, "#2b3445"), (0.7, "#364258"), (1.0, "#1f2633")])
    canvas = Canvas(width, height, wall)
    for x in np.arange(0.0, 1.0, 0.125):  # wall panels
        canvas.rounded(x + 0.006, 0.04, x + 0.119, 0.7, 0.01, "#323d52")
        canvas.circle(x + 0.02, 0.07, 0.005, "#55627a")
        canvas.circle(x + 0.105, 0.07, 0.005, "#55627a")
    canvas.rect(0.0, 0.0, 1.0, 0.035, "#1c222e")
    canvas.rect(0.1, 0.012, 0.9, 0.022, "#bfe8ff")  # ceiling light strip
    canvas.circle(0.5, 0.34, 0.27, "#5a6780")  # porthole rim
    canvas.circle(0.5, 0.34, 0.24, "#070b1e")
    canvas.begin_layer()  # the planet is seen through the porthole, so clip it to the glass
    canvas.glow(0.58, 0.47, 0.16, "#4fb3c9", strength=90)
    canvas.circle(0.58, 0.49, 0.13, "#2f7fa6")
    canvas.circle(0.55, 0.45, 0.06, "#48a5b8", alpha=160)
    canvas.ellipse(0.58 - 0.17, 0.47, 0.58 + 0.17, 0.51, "#7fd0c9", alpha=90)
    canvas.end_layer_in_circle(0.5, 0.34, 0.24)
    canvas.circle(0.5, 0.34, 0.24, "#9fb4d9", alpha=18)  # a hint of glass
    canvas.rect(0.0, 0.7, 1.0, 1.0, "#202838")  # console deck
    canvas.polygon([(0.0, 0.7), (1.0, 0.7), (1.0, 0.76), (0.0, 0.76)], "#3c4a63")
    for x in (0.05, 0.7):
        canvas.rounded(x, 0.78, x + 0.25, 0.92, 0.01, "#141a26")
        canvas.rect(x + 0.02, 0.8, x + 0.16, 0.9, "#1f5d7a")
        canvas.rect(x + 0.03, 0.82, x + 0.15, 0.825, "#7fd7ff")
        canvas.rect(x + 0.03, 0.85, x + 0.11, 0.855, "#7fd7ff")
    image = canvas.finish(rng, grain=2.0)
    radius_px = 0.23 * height
    angles, radii = rng.uniform(0, 2 * np.pi, 60), radius_px * np.sqrt(rng.uniform(0, 1, 60))
    stars = Sparkles(
        ys=(0.34 * height + radii * np.sin(angles)).astype(np.int64),
        xs=(0.5 * width + radii * np.cos(angles)).astype(np.int64),
        colour=np.tile(np.array([255.0, 255.0, 255.0], np.float32), (60, 1)),
        phase=rng.uniform(0, 2 * np.pi, 60),
        speed=rng.uniform(1.0, 3.0, 60),
    )
    lights = [
        (x + 0.18 + col * 0.025, 0.8 + row * 0.03, x + 0.195 + col * 0.025, 0.815 + row * 0.03)
        for x in (0.05, 0.7)
        for row in range(3)
        for col in range(2)
    ]
    colours = ["#ff5d73", "#56e39f", "#ffd166", "#7fd7ff"]
    return image, [stars, blinkers(lights, size, colours, "#263042", rng, (1.5, 4.0))]


PAINTERS: dict[str, Callable[[int, int, np.random.Generator], Painted]] = {
    "night_city_window": _night_city_window,
    "sunny_park": _sunny_park,
    "cozy_kitchen": _cozy_kitchen,
    "beach_sunset": _beach_sunset,
    "stage_spotlight": _stage_spotlight,
    "living_room": _living_room,
    "rooftop_dusk": _rooftop_dusk,
    "space_station": _space_station,
}
