"""Props drawn by code at a figure's hand: guitar, phone, cup, glass, ball, gift, cake, book, mic.

Each prop is a few anti-aliased OpenCV shapes with a dark outline, sized by the figure's height
so it reads the same in a wide shot and a close-up. Drawing happens straight onto the frame.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import cv2
import numpy as np

OUTLINE = (40, 32, 36)
AA = cv2.LINE_AA

Point = tuple[float, float]
Colour = tuple[int, int, int]


def _pt(x: float, y: float) -> tuple[int, int]:
    return (round(x * 16), round(y * 16))  # OpenCV's fixed-point sub-pixel drawing (shift=4)


def _ellipse(
    frame: np.ndarray, centre: Point, axes: Point, angle: float, colour: Colour, outline: int
) -> None:
    axes_px = (max(1, round(axes[0] * 16)), max(1, round(axes[1] * 16)))
    if outline:
        cv2.ellipse(frame, _pt(*centre), axes_px, angle, 0, 360, OUTLINE, outline, AA, 4)
    cv2.ellipse(frame, _pt(*centre), axes_px, angle, 0, 360, colour, -1, AA, 4)


def _poly(frame: np.ndarray, points: list[Point], colour: Colour, outline: int) -> None:
    pts = np.array([_pt(x, y) for x, y in points], dtype=np.int32)
    if outline:
        cv2.polylines(frame, [pts], True, OUTLINE, outline, AA, 4)
    cv2.fillPoly(frame, [pts], colour, AA, 4)


def _line(frame: np.ndarray, a: Point, b: Point, colour: Colour, width: float) -> None:
    cv2.line(frame, _pt(*a), _pt(*b), colour, max(1, round(width)), AA, 4)


def _rect(cx: float, cy: float, w: float, h: float, angle: float = 0.0) -> list[Point]:
    c, s = math.cos(angle), math.sin(angle)
    corners = [(-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2)]
    return [(cx + x * c - y * s, cy + x * s + y * c) for x, y in corners]


def draw_guitar(frame: np.ndarray, hand: Point, other: Point, size: float, t: float) -> None:
    """An acoustic guitar: body at the strumming hand, neck toward the fretting hand."""
    angle = math.atan2(other[1] - hand[1], other[0] - hand[0])
    body = (hand[0] - 0.03 * size * math.cos(angle), hand[1] + 0.02 * size)
    w = max(2, round(size * 0.008))
    neck_end = (body[0] + 0.34 * size * math.cos(angle), body[1] + 0.34 * size * math.sin(angle))
    _line(frame, body, neck_end, OUTLINE, 0.035 * size + 2)
    _line(frame, body, neck_end, (92, 58, 34), 0.035 * size)
    _poly(frame, _rect(neck_end[0], neck_end[1], 0.06 * size, 0.04 * size, angle), (60, 40, 30), w)
    lower = (body[0] - 0.05 * size * math.cos(angle), body[1] - 0.05 * size * math.sin(angle))
    _ellipse(frame, lower, (0.085 * size, 0.075 * size), math.degrees(angle), (196, 122, 52), w)
    _ellipse(frame, body, (0.065 * size, 0.058 * size), math.degrees(angle), (206, 134, 60), w)
    _ellipse(frame, body, (0.022 * size, 0.022 * size), 0, (45, 28, 20), 0)
    for k in (-1, 0, 1):  # strings shimmer while strummed
        off = k * 0.007 * size
        shimmer = 0.002 * size * math.sin(t * 60 + k)
        a = (lower[0] - off * math.sin(angle), lower[1] + off * math.cos(angle) + shimmer)
        _line(
            frame,
            a,
            (neck_end[0] - off * math.sin(angle), neck_end[1] + off * math.cos(angle)),
            (235, 225, 200),
            1,
        )


def draw_phone(frame: np.ndarray, hand: Point, size: float, t: float) -> None:
    """A phone held up, its screen lit."""
    cx, cy = hand[0], hand[1] - 0.04 * size
    w = max(1, round(size * 0.006))
    _poly(frame, _rect(cx, cy, 0.05 * size, 0.09 * size, -0.15), (30, 30, 38), w)
    glow = int(200 + 30 * math.sin(t * 3))
    _poly(frame, _rect(cx, cy, 0.04 * size, 0.075 * size, -0.15), (120, 180, glow), 0)


def draw_cup(frame: np.ndarray, hand: Point, size: float, t: float) -> None:
    """A mug of something warm, with a wisp of steam."""
    cx, cy = hand[0], hand[1] - 0.03 * size
    w = max(1, round(size * 0.006))
    _ellipse(frame, (cx + 0.035 * size, cy), (0.018 * size, 0.02 * size), 0, (235, 235, 235), w)
    _poly(frame, _rect(cx, cy, 0.055 * size, 0.065 * size), (226, 84, 72), w)
    _line(
        frame,
        (cx - 0.02 * size, cy - 0.028 * size),
        (cx + 0.02 * size, cy - 0.028 * size),
        (250, 240, 230),
        0.008 * size,
    )
    for k in range(2):
        sx = cx - 0.01 * size + 0.02 * size * k
        sway = 0.008 * size * math.sin(t * 2.5 + k)
        _line(
            frame,
            (sx, cy - 0.045 * size),
            (sx + sway, cy - 0.08 * size),
            (235, 235, 240),
            0.004 * size + 1,
        )


def draw_glass(frame: np.ndarray, hand: Point, size: float, t: float) -> None:
    """A wine glass: bowl with a drink in it, stem, foot; a glint."""
    cx, cy = hand[0], hand[1]
    w = max(1, round(size * 0.005))
    bowl = (cx, cy - 0.075 * size)
    _line(frame, (cx, cy - 0.05 * size), (cx, cy + 0.01 * size), (215, 225, 235), 0.007 * size + 1)
    _line(
        frame,
        (cx - 0.02 * size, cy + 0.012 * size),
        (cx + 0.02 * size, cy + 0.012 * size),
        (215, 225, 235),
        0.006 * size + 1,
    )
    _ellipse(frame, bowl, (0.032 * size, 0.036 * size), 0, (205, 220, 235), w)
    cv2.ellipse(
        frame,
        _pt(*bowl),
        (round(0.028 * size * 16), round(0.03 * size * 16)),
        0,
        0,
        180,
        (150, 30, 60),
        -1,
        AA,
        4,
    )
    if math.sin(t * 2.0) > 0.3:
        cv2.circle(
            frame,
            _pt(bowl[0] - 0.015 * size, bowl[1] - 0.015 * size),
            max(16, round(0.005 * size * 16)),
            (255, 255, 255),
            -1,
            AA,
            4,
        )


def draw_ball(frame: np.ndarray, centre: Point, size: float, t: float) -> None:
    """A red ball with a white band that turns as it rolls or flies."""
    r = 0.035 * size
    w = max(1, round(size * 0.005))
    _ellipse(frame, centre, (r, r), 0, (214, 52, 52), w)
    cv2.ellipse(
        frame,
        _pt(*centre),
        (round(r * 16), max(16, round(r * 0.35 * 16))),
        math.degrees(t * 6) % 180,
        0,
        360,
        (250, 245, 240),
        max(1, round(r * 0.25)),
        AA,
        4,
    )


def draw_gift(frame: np.ndarray, hand: Point, size: float, t: float) -> None:
    """A wrapped box with a ribbon and bow."""
    cx, cy = hand[0], hand[1] - 0.05 * size
    s = 0.1 * size
    w = max(1, round(size * 0.006))
    _poly(frame, _rect(cx, cy, s, s * 0.85), (70, 150, 210), w)
    _line(frame, (cx, cy - s * 0.42), (cx, cy + s * 0.42), (250, 210, 80), s * 0.14)
    _line(frame, (cx - s / 2, cy), (cx + s / 2, cy), (250, 210, 80), s * 0.14)
    for side in (-1, 1):
        _ellipse(
            frame,
            (cx + side * s * 0.14, cy - s * 0.5),
            (s * 0.14, s * 0.08),
            side * 25,
            (250, 210, 80),
            w,
        )


def draw_cake(frame: np.ndarray, hand: Point, size: float, t: float) -> None:
    """A two-layer birthday cake with flickering candles."""
    cx, cy = hand[0], hand[1] - 0.045 * size
    s = 0.13 * size
    w = max(1, round(size * 0.006))
    _ellipse(frame, (cx, cy + s * 0.38), (s * 0.62, s * 0.1), 0, (235, 235, 240), w)  # plate
    _poly(frame, _rect(cx, cy + s * 0.12, s, s * 0.42), (240, 200, 210), w)
    _poly(frame, _rect(cx, cy - s * 0.22, s * 0.7, s * 0.3), (250, 228, 235), w)
    _line(frame, (cx - s / 2, cy - 0.05 * s), (cx + s / 2, cy - 0.05 * s), (200, 80, 120), s * 0.08)
    for k in (-1, 0, 1):
        x = cx + k * s * 0.2
        _line(frame, (x, cy - s * 0.37), (x, cy - s * 0.55), (120, 170, 230), s * 0.05 + 1)
        flicker = 1.0 + 0.25 * math.sin(t * 17 + k * 2)
        _ellipse(frame, (x, cy - s * 0.62), (s * 0.035, s * 0.07 * flicker), 0, (255, 200, 60), 0)


def draw_book(frame: np.ndarray, hand: Point, size: float, t: float) -> None:
    """An open book held in both hands."""
    cx, cy = hand[0], hand[1] - 0.035 * size
    s = 0.09 * size
    w = max(1, round(size * 0.005))
    for side in (-1, 1):
        _poly(
            frame,
            [
                (cx, cy - s * 0.45),
                (cx + side * s, cy - s * 0.55),
                (cx + side * s, cy + s * 0.45),
                (cx, cy + s * 0.5),
            ],
            (150, 40, 50),
            w,
        )
        _poly(
            frame,
            [
                (cx, cy - s * 0.4),
                (cx + side * s * 0.92, cy - s * 0.5),
                (cx + side * s * 0.92, cy + s * 0.38),
                (cx, cy + s * 0.44),
            ],
            (248, 242, 225),
            0,
        )


def draw_microphone(frame: np.ndarray, hand: Point, size: float, t: float) -> None:
    """A hand-held microphone pointing up toward the mouth."""
    top = (hand[0] + 0.01 * size, hand[1] - 0.07 * size)
    _line(frame, (hand[0], hand[1] + 0.02 * size), top, (30, 30, 34), 0.018 * size + 1)
    _ellipse(
        frame, top, (0.02 * size, 0.022 * size), 0, (170, 170, 178), max(1, round(size * 0.004))
    )


HAND_PROPS: dict[str, Callable[[np.ndarray, Point, float, float], None]] = {
    "phone": draw_phone,
    "cup": draw_cup,
    "glass": draw_glass,
    "gift": draw_gift,
    "cake": draw_cake,
    "book": draw_book,
    "microphone": draw_microphone,
    "ball": draw_ball,
}


def draw_prop(
    frame: np.ndarray, prop: str, hand: Point, other_hand: Point, size: float, t: float
) -> None:
    """Draw ``prop`` held at ``hand`` by a figure ``size`` pixels tall.

    Args:
        frame: RGB frame, drawn on in place.
        prop: A prop name (see ``core.scripts.actions.PROP_NAMES``).
        hand: The holding hand, pixels.
        other_hand: The other hand (a guitar's neck points to it).
        size: The figure's height in pixels.
        t: Clip time, for flicker, steam and glints.
    """
    if prop == "guitar":
        draw_guitar(frame, hand, other_hand, size, t)
        return
    if prop in ("cake", "gift", "book"):
        hand = ((hand[0] + other_hand[0]) / 2, (hand[1] + other_hand[1]) / 2)
    painter = HAND_PROPS.get(prop)
    if painter is not None:
        painter(frame, hand, size, t)


def draw_stool(
    frame: np.ndarray, centre_x: float, seat_y: float, ground_y: float, size: float
) -> None:
    """A wooden stool under a sitting figure."""
    w = max(1, round(size * 0.006))
    half = 0.13 * size
    for side in (-1, 1):
        _line(
            frame,
            (centre_x + side * half * 0.7, seat_y),
            (centre_x + side * half * 0.9, ground_y),
            (110, 72, 44),
            0.025 * size,
        )
    _poly(frame, _rect(centre_x, seat_y, 2 * half, 0.035 * size), (150, 100, 60), w)
