"""Drawing a rigged figure: a drawn body under the person's real, moving head.

Proportions are in figure heights (feet at 0, top of the head at 1), a little head-heavy like
cut-out animation, so the face reads in a wide shot. Limbs are round-capped strokes with a dark
outline; the body is posed by :class:`core.acting.motion.Pose`; the head is the double's own
cut-out (see :class:`HeadFrames`), tilted and turned per frame.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from core.acting.motion import Pose
from core.acting.props import OUTLINE, draw_ball, draw_prop, draw_stool
from core.acting.rig import BodyRig

AA = cv2.LINE_AA
HEAD = 0.27  # head (hair top to chin) as a share of the standing height
SHOULDER_Y, HIP_Y = 0.705, 0.43
SHOULDER_HALF, HIP_HALF = 0.1, 0.072
UPPER_ARM, FOREARM, HAND = 0.165, 0.15, 0.03
THIGH, SHIN = 0.22, 0.215
ARM_WIDTH, LEG_WIDTH = 0.058, 0.075

Point = tuple[float, float]
# (head RGBA, role, clip time) -> head RGBA: where lip sync changes the mouth (see stage.py).
FaceWarp = Callable[[np.ndarray, str, float], np.ndarray]


@dataclass(frozen=True)
class Joints:
    """Where the drawn figure's joints landed on screen (pixels), for props and partners."""

    neck: Point
    shoulders: tuple[Point, Point]
    elbows: tuple[Point, Point]
    hands: tuple[Point, Point]
    hips: tuple[Point, Point]
    knees: tuple[Point, Point]
    feet: tuple[Point, Point]
    head_centre: Point
    head_height: float


def _fx(x: float, y: float) -> tuple[int, int]:
    return (round(x * 16), round(y * 16))


def _stroke(frame: np.ndarray, a: Point, b: Point, colour: tuple[int, ...], width: float) -> None:
    w = max(2, round(width))
    cv2.line(frame, _fx(*a), _fx(*b), OUTLINE, w + max(2, round(width * 0.18)), AA, 4)
    cv2.line(frame, _fx(*a), _fx(*b), colour, w, AA, 4)


def _disc(frame: np.ndarray, c: Point, r: float, colour: tuple[int, ...]) -> None:
    cv2.circle(frame, _fx(*c), max(16, round((r + max(1.0, r * 0.15)) * 16)), OUTLINE, -1, AA, 4)
    cv2.circle(frame, _fx(*c), max(16, round(r * 16)), colour, -1, AA, 4)


def _rotate(p: Point, centre: Point, angle: float) -> Point:
    c, s = math.cos(angle), math.sin(angle)
    x, y = p[0] - centre[0], p[1] - centre[1]
    return (centre[0] + x * c - y * s, centre[1] + x * s + y * c)


def _limb(start: Point, angle: float, side: float, length: float) -> Point:
    return (start[0] + side * math.sin(angle) * length, start[1] + math.cos(angle) * length)


def _leg(
    hip: Point, angle: float, bend: float, side: float, ground: float, size: float
) -> tuple[Point, Point]:
    """Two-bone leg reaching toward the ground (knees bend outward when the hips drop)."""
    thigh, shin = THIGH * size, SHIN * size
    reach = (thigh + shin) * (1.0 - 0.35 * bend)
    target = _limb(hip, angle, side, reach)
    if target[1] > ground:  # never through the floor
        target = (target[0], ground)
    dx, dy = target[0] - hip[0], target[1] - hip[1]
    distance = max(1e-3, min(thigh + shin - 1e-3, math.hypot(dx, dy)))
    along = (thigh**2 - shin**2 + distance**2) / (2 * distance)
    out = math.sqrt(max(0.0, thigh**2 - along**2))
    ux, uy = dx / distance, dy / distance
    # Knees bend outward (front view): the perpendicular offset goes to the figure's side.
    knee = (hip[0] + ux * along + side * abs(uy) * out, hip[1] + uy * along)
    foot = (hip[0] + ux * distance, hip[1] + uy * distance)
    return knee, foot


def _seated_leg(
    hip: Point,
    standing: tuple[Point, Point],
    down: float,
    side: float,
    floor: float,
    size: float,
) -> tuple[Point, Point]:
    """A leg on its way onto a stool, seen from the front: the thigh points at the camera, so it
    is drawn short (foreshortened), the knee a little outside the hip and the shin straight down
    to the floor. Bending the knees sideways instead reads as a squat."""
    knee = (hip[0] + side * 0.025 * size, hip[1] + 0.07 * size)
    foot = (knee[0] + side * 0.01 * size, floor)
    (standing_knee, standing_foot) = standing
    return _mix(standing_knee, knee, down), _mix(standing_foot, foot, down)


def _mix(a: Point, b: Point, amount: float) -> Point:
    return (a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount)


def draw_figure(
    frame: np.ndarray,
    rig: BodyRig,
    pose: Pose,
    *,
    x: float,
    ground: float,
    size: float,
    head: Callable[[float, float, float, bool], tuple[np.ndarray, int, int] | None],
    t: float,
    blend: Callable[[np.ndarray, np.ndarray, int, int], None],
) -> Joints:
    """Draw one posed figure onto ``frame``.

    Args:
        frame: RGB frame, drawn on in place.
        rig: Colours (and the head's place in the sprite).
        pose: The pose.
        x: Screen x of the figure's centre line at rest, pixels.
        ground: Screen y of the floor under the figure, pixels.
        size: Standing height in pixels.
        head: (height px, roll radians, turn -1..1, back) -> (RGBA head, chin x offset, chin y
            offset) or None; the head image is placed with that point on the neck.
        t: Clip time (prop flicker).
        blend: Alpha-blends an RGBA image onto the frame at (left, top).

    Returns:
        Where the joints landed.
    """
    cx = x + pose.dx * size
    lift = pose.dy * size
    crouch = pose.crouch
    hip_y = ground - lift - (HIP_Y - 0.2 * crouch) * size
    hip_c = (cx, hip_y)
    lean = pose.lean
    torso_len = (SHOULDER_Y - HIP_Y) * size
    shoulder_c = _rotate((cx, hip_y - torso_len), hip_c, lean)
    neck = _rotate((cx, hip_y - torso_len - 0.035 * size), hip_c, lean)
    neck = (neck[0], neck[1] + pose.head_drop * size)
    floor = ground - lift
    hips = (
        _rotate((cx - HIP_HALF * 0.6 * size, hip_y), hip_c, lean),
        _rotate((cx + HIP_HALF * 0.6 * size, hip_y), hip_c, lean),
    )
    if pose.stool:
        draw_stool(frame, cx, hip_y + 0.03 * size, ground, size)
    legs = []
    for hip, (angle, bend), side in (
        (hips[0], pose.left_leg, -1.0),
        (hips[1], pose.right_leg, 1.0),
    ):
        if pose.stool:
            legs.append(_seated_leg(hip, _leg(hip, angle, bend, side, floor, size), crouch,
                                    side, floor, size))  # fmt: skip
        else:
            legs.append(_leg(hip, angle + 0.35 * crouch, bend + 0.9 * crouch, side, floor, size))
    trousers, shoes = rig.trousers, (38, 34, 36)
    for hip, (knee, foot), side in zip(hips, legs, (-1.0, 1.0), strict=True):
        _stroke(frame, hip, knee, trousers, LEG_WIDTH * size)
        _stroke(frame, knee, foot, trousers, LEG_WIDTH * size * 0.92)
        toe = (foot[0] + side * 0.045 * size, foot[1])
        _stroke(frame, (foot[0], foot[1] - 0.01 * size), toe, shoes, 0.05 * size)
    shoulders = (
        _rotate((cx - SHOULDER_HALF * size, hip_y - torso_len), hip_c, lean),
        _rotate((cx + SHOULDER_HALF * size, hip_y - torso_len), hip_c, lean),
    )
    waist = (
        _rotate((cx - HIP_HALF * size, hip_y + 0.02 * size), hip_c, lean),
        _rotate((cx + HIP_HALF * size, hip_y + 0.02 * size), hip_c, lean),
    )
    torso = [
        (shoulders[0][0] - 0.012 * size, shoulders[0][1] + 0.012 * size),
        (shoulders[0][0] + 0.02 * size, shoulders[0][1] - 0.012 * size),
        (shoulders[1][0] - 0.02 * size, shoulders[1][1] - 0.012 * size),
        (shoulders[1][0] + 0.012 * size, shoulders[1][1] + 0.012 * size),
        waist[1],
        waist[0],
    ]
    pts = np.array([_fx(*p) for p in torso], dtype=np.int32)
    # The skin of the neck goes under the collar.
    _stroke(frame, neck, shoulder_c, rig.skin, 0.07 * size)
    cv2.polylines(frame, [pts], True, OUTLINE, max(2, round(0.012 * size)), AA, 4)
    cv2.fillPoly(frame, [pts], rig.shirt, AA, 4)
    shade = tuple(int(c * 0.82) for c in rig.shirt)
    side_pts = np.array(
        [
            _fx(*p)
            for p in (
                torso[3],
                torso[4],
                (waist[1][0] - 0.035 * size, waist[1][1]),
                (torso[3][0] - 0.03 * size, torso[3][1]),
            )
        ],
        dtype=np.int32,
    )
    cv2.fillPoly(frame, [side_pts], shade, AA, 4)
    _stroke(frame, waist[0], waist[1], tuple(int(c * 0.6) for c in trousers), 0.025 * size)
    head_height = HEAD * size
    head_centre = (neck[0], neck[1] - 0.5 * head_height)
    head_image = head(head_height, pose.head_roll + 0.6 * lean, pose.head_turn, pose.back)
    elbows, hands = [], []
    for shoulder, (angle, bend), side in (
        (shoulders[0], pose.left_arm, -1.0),
        (shoulders[1], pose.right_arm, 1.0),
    ):
        elbow = _limb(shoulder, angle - side * lean, side, UPPER_ARM * size)
        hand = _limb(elbow, angle + bend - side * lean, side, FOREARM * size)
        elbows.append(elbow)
        hands.append(hand)
    hands_up = [hand[1] < neck[1] - 0.02 * size for hand in hands]
    # Arms behind the head when raised (a wave shows the face), otherwise in front of the torso.
    for index in (0, 1):
        if hands_up[index]:
            _draw_arm(frame, shoulders[index], elbows[index], hands[index], rig, size)
    if head_image is not None:
        image, chin_dx, chin_dy = head_image
        blend(frame, image, round(neck[0] - chin_dx), round(neck[1] + 0.02 * size - chin_dy))
    if pose.tears:
        for side in (-1, 1):
            drop = (t * 1.7 + (side + 1) * 0.3) % 1.0
            cv2.circle(
                frame,
                _fx(
                    head_centre[0] + side * 0.04 * size, head_centre[1] + (0.0 + 0.06 * drop) * size
                ),
                max(16, round(0.008 * size * 16)),
                (150, 200, 255),
                -1,
                AA,
                4,
            )
    prop_hand = 1 if pose.prop_hand != "left" else 0
    for index in (0, 1):
        if not hands_up[index]:
            _draw_arm(frame, shoulders[index], elbows[index], hands[index], rig, size)
    if pose.prop is not None:
        hand = hands[prop_hand]
        if pose.prop_up > 0:
            mouth = (head_centre[0] + 0.02 * size, head_centre[1] + 0.06 * size)
            hand = (hand[0] + (mouth[0] - hand[0]) * pose.prop_up * 0.3, hand[1])
        draw_prop(frame, pose.prop, hand, hands[1 - prop_hand], size, t)
        for index in (0, 1) if pose.prop_hand == "both" or pose.prop == "guitar" else (prop_hand,):
            _disc(frame, hands[index], HAND * size, rig.skin)
    if pose.ball_flying >= 0:
        fly = pose.ball_flying
        start = hands[0 if pose.prop_hand == "left" else 1]
        direction = 1.0 if start[0] >= cx else -1.0
        ball = (
            start[0] + direction * fly * 1.6 * size,
            start[1] - math.sin(math.pi * min(1, fly * 1.2)) * 0.5 * size,
        )
        draw_ball(frame, ball, size, t)
    return Joints(
        neck=neck,
        shoulders=(shoulders[0], shoulders[1]),
        elbows=(elbows[0], elbows[1]),
        hands=(hands[0], hands[1]),
        hips=hips,
        knees=(legs[0][0], legs[1][0]),
        feet=(legs[0][1], legs[1][1]),
        head_centre=head_centre,
        head_height=head_height,
    )


def _draw_arm(
    frame: np.ndarray, shoulder: Point, elbow: Point, hand: Point, rig: BodyRig, size: float
) -> None:
    _stroke(frame, shoulder, elbow, rig.shirt, ARM_WIDTH * size)
    _stroke(frame, elbow, hand, rig.skin, ARM_WIDTH * size * 0.8)
    _disc(frame, hand, HAND * size, rig.skin)
