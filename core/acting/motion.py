"""Poses over time: what a rigged figure's joints do for each action.

A :class:`Pose` is a handful of angles and offsets in figure units (1.0 = the figure's standing
height). :func:`body_pose` turns the role's timed actions into the pose at one moment, as a pure
function of time, so the same clip is drawn every time. Arm angles are measured from hanging
straight down, positive away from the body (pi/2 = straight out sideways, pi = straight up);
the elbow angle is added to the upper arm's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from core.acting.timeline import GESTURE_PERIODS, TimedAction
from core.scripts.actions import PropName

REST_ARM = (0.18, 0.12)
WALK_SPEED = 0.9  # figure heights per second
# A hug stops with the two bodies this far apart (figure heights): shoulders overlap, heads stay
# side by side (closer, one head covers the other).
HUG_REACH = 0.26


@dataclass(frozen=True)
class Pose:
    """One moment of a rigged figure.

    Attributes:
        dx, dy: Offset of the whole figure in figure heights (right and up are positive).
        lean: Torso lean in radians (positive leans toward screen right).
        crouch: 0 standing, 1 sitting (hips low, knees bent).
        near_arm, far_arm: (shoulder, elbow) angles of the screen-left and screen-right arm.
        left_leg, right_leg: (hip, knee) angles of each leg.
        head_roll: Head tilt in radians; head_drop: head moved down (figure heights).
        head_turn: -1..1, the face squeezed as it turns; back: the back of the head shows.
        prop, prop_hand: The prop held and by which hand ("left", "right", "both").
        tears: Draw tears.
        stool: Draw a stool under the figure (sitting).
    """

    dx: float = 0.0
    dy: float = 0.0
    lean: float = 0.0
    crouch: float = 0.0
    left_arm: tuple[float, float] = REST_ARM
    right_arm: tuple[float, float] = REST_ARM
    left_leg: tuple[float, float] = (0.05, 0.0)
    right_leg: tuple[float, float] = (0.05, 0.0)
    head_roll: float = 0.0
    head_drop: float = 0.0
    head_turn: float = 0.0
    back: bool = False
    prop: PropName | None = None
    prop_hand: str = "right"
    prop_up: float = 0.0  # 0: prop at the hand; 1: at the mouth (drinking)
    tears: bool = False
    stool: bool = False
    ball_flying: float = -1.0  # 0..1 while a thrown ball flies; -1 when none


@dataclass(frozen=True)
class Context:
    """What a pose needs to know about the shot around the figure.

    Attributes:
        toward: +1 when the partner or the view is to the screen right, -1 to the left.
        gap: Distance to the partner in figure heights (0 when alone).
        speaking: Loudness of the figure's own line now (0..1), for talking gestures.
        phase: A per-role offset in [0, 1) so two figures don't sway in step.
        offscreen: How far (figure heights) the figure walks to leave or enter the frame.
    """

    toward: float = 1.0
    gap: float = 0.0
    speaking: float = 0.0
    phase: float = 0.0
    offscreen: float = 1.2


def body_pose(actions: tuple[TimedAction, ...], t: float, context: Context) -> Pose:
    """The pose of a rigged figure at clip time ``t``.

    Args:
        actions: The role's actions in this shot, in order (may be empty).
        t: Clip time in seconds.
        context: The figure's surroundings.

    Returns:
        The pose; idle breathing and talking gestures when no action runs.
    """
    pose = _idle(t, context)
    held: PropName | None = None
    state: TimedAction | None = None
    back = False
    for action in actions:
        if action.start > t:
            break
        if action.prop is not None and action.action in _HOLDS_AFTER:
            held = action.prop
        # Turned away stays turned away ("back to camera, looking out") until turned back.
        if action.action == "turn_away":
            back = True
        elif action.action in ("turn_to_camera", "enter", "exit"):
            back = False
        state = action
    if state is None:
        # Before the first action starts: an entrance waits off screen, everything else idles.
        upcoming = actions[0] if actions else None
        if upcoming is not None and upcoming.action == "enter":
            return replace(pose, dx=-context.toward * context.offscreen)
        return pose
    if held is not None:
        pose = replace(pose, prop=held)
    draw = _MOVES.get(state.action)
    if draw is None:
        return pose
    u = state.progress(t)
    local = t - state.start
    posed = draw(pose, u, local, state, context)
    return replace(posed, back=True, head_turn=0.0) if back else posed


_HOLDS_AFTER = frozenset({"pick_up", "hold", "play", "give", "raise_glass", "drink", "eat", "sing"})


def _wave01(local: float, period: float) -> float:
    return 0.5 - 0.5 * math.cos(2 * math.pi * local / period)


def _ease(u: float) -> float:
    return 0.5 - 0.5 * math.cos(math.pi * min(1.0, max(0.0, u)))


def _bell(u: float, rise: float = 0.3) -> float:
    """0 -> 1 over the first ``rise`` of the span, 1, then back to 0 over the last ``rise``."""
    return min(_ease(u / rise), _ease((1 - u) / rise))


def _idle(t: float, c: Context) -> Pose:
    breathe = 0.004 * math.sin(2 * math.pi * (t / 3.1 + c.phase))
    sway = 0.04 * math.sin(2 * math.pi * (t / 4.3 + c.phase))
    talk = c.speaking
    gesture = 0.35 * talk * (0.5 + 0.5 * math.sin(2 * math.pi * (t * 1.3 + c.phase)))
    right = (REST_ARM[0] + 0.25 * talk + gesture, REST_ARM[1] + 0.9 * talk)
    return Pose(
        dy=breathe,
        lean=0.015 * math.sin(2 * math.pi * (t / 5.0 + c.phase)),
        right_arm=right,
        head_roll=sway * 0.6 + 0.05 * talk * math.sin(t * 7.0),
    )


def _walk_legs(pose: Pose, local: float, speed: float = 1.0) -> Pose:
    swing = math.sin(2 * math.pi * local * 1.8 * speed)
    return replace(
        pose,
        left_leg=(0.05 + 0.35 * swing, 0.25 * max(0.0, swing)),
        right_leg=(0.05 - 0.35 * swing, 0.25 * max(0.0, -swing)),
        left_arm=(0.15 - 0.3 * swing, 0.2),
        right_arm=(0.15 + 0.3 * swing, 0.2),
        dy=pose.dy + 0.012 * abs(swing),
    )


def _enter(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    arrive = min(1.0, u / 0.7)
    start = -c.toward * c.offscreen
    pose = replace(pose, dx=start * (1 - _ease(arrive)))
    return _walk_legs(pose, local) if arrive < 1.0 else pose


def _exit(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    leave = max(0.0, (u - 0.2) / 0.8)
    pose = replace(pose, dx=c.toward * c.offscreen * _ease(leave))
    return _walk_legs(pose, local) if leave > 0 else pose


def _walk(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    pose = replace(pose, dx=0.25 * c.toward * (u - 0.5) * 2)
    return _walk_legs(pose, local)


def _run(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    pose = _walk_legs(replace(pose, dx=0.4 * c.toward * (u - 0.5) * 2), local, speed=1.8)
    return replace(
        pose,
        lean=0.12 * c.toward,
        left_arm=(pose.left_arm[0], 1.2),
        right_arm=(pose.right_arm[0], 1.2),
        dy=pose.dy + 0.02,
    )


def _turn_away(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    return replace(pose, back=True, head_roll=0.0, right_arm=REST_ARM, left_arm=REST_ARM)


def _turn_to_camera(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    turn = 1.0 - _ease(u / 0.5)
    return replace(pose, back=turn > 0.6, head_turn=c.toward * turn * 0.8)


def _look_at(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    return replace(
        pose, head_turn=0.45 * c.toward * _ease(u / 0.25), lean=pose.lean + 0.04 * c.toward
    )


def _arm(pose: Pose, side: float, arm: tuple[float, float]) -> Pose:
    """Set the arm on the ``side`` of the figure (+1: toward, -1: away from) the partner."""
    return replace(pose, right_arm=arm) if side > 0 else replace(pose, left_arm=arm)


def _toward_side(c: Context) -> float:
    return 1.0 if c.toward > 0 else -1.0


def _wave(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    up = _bell(u, 0.15)
    swing = math.sin(2 * math.pi * local / GESTURE_PERIODS["wave"])
    arm = (0.3 + 2.0 * up, 0.3 + up * (0.35 * swing - 0.2))
    return _arm(pose, _toward_side(c), arm)


def _nod(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    dip = _wave01(local, GESTURE_PERIODS["nod"]) * _bell(u, 0.1)
    return replace(pose, head_drop=0.025 * dip, head_roll=pose.head_roll * 0.3)


def _shake_head(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    turn = math.sin(2 * math.pi * local / GESTURE_PERIODS["shake_head"]) * _bell(u, 0.1)
    return replace(pose, head_turn=0.35 * turn, head_roll=0.0)


def _point(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    up = _bell(u, 0.2)
    return _arm(pose, _toward_side(c), (0.18 + 1.35 * up, 0.0))


def _laugh(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    shake = _wave01(local, GESTURE_PERIODS["laugh"]) * _bell(u, 0.1)
    return replace(
        pose,
        dy=pose.dy + 0.008 * shake,
        head_roll=-0.12 * _bell(u, 0.2),
        head_drop=-0.01 * shake,
        left_arm=(0.05, -1.6 * _bell(u, 0.2)),
    )


def _cry(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    hands = _bell(u, 0.2)
    sob = 0.006 * math.sin(2 * math.pi * local / 0.5)
    return replace(
        pose,
        head_drop=0.02 * hands,
        dy=pose.dy + sob,
        tears=True,
        left_arm=(0.2 - 0.5 * hands, -2.4 * hands),
        right_arm=(0.2 - 0.5 * hands, -2.4 * hands),
    )


def _surprised(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    jolt = _ease(u / 0.15) * (1 - _ease((u - 0.7) / 0.3))
    hop = 0.05 * math.sin(math.pi * min(1.0, u / 0.25))
    return replace(
        pose,
        dy=pose.dy + hop,
        head_drop=-0.01 * jolt,
        left_arm=(0.6 + 1.2 * jolt, 1.6 * jolt),
        right_arm=(0.6 + 1.2 * jolt, 1.6 * jolt),
    )


def _shrug(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    up = _bell(u, 0.25)
    return replace(
        pose,
        head_drop=-0.012 * up,
        head_roll=0.15 * up,
        left_arm=(0.45 + 0.3 * up, 1.4 * up),
        right_arm=(0.45 + 0.3 * up, 1.4 * up),
    )


def _think(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    up = _bell(u, 0.2)
    return replace(
        pose, head_roll=0.15 * up, right_arm=(0.2 - 0.1 * up, -2.5 * up), left_arm=(0.1, -1.3 * up)
    )


def _meet(pose: Pose, u: float, c: Context, reach: float) -> tuple[Pose, float]:
    """Step toward the partner until ``reach`` apart; return the pose and how close (0..1)."""
    close = _bell(u, 0.3)
    step = max(0.0, (c.gap - reach) / 2) * close
    pose = replace(pose, dx=pose.dx + c.toward * step)
    if 0.05 < close < 0.95:
        pose = _walk_legs(pose, u * 3.0)
    return pose, close


def _hug(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    pose, close = _meet(pose, u, c, HUG_REACH)
    wrap = (0.2 + 1.2 * close, -1.3 * close)
    rock = 0.05 * math.sin(2 * math.pi * local / 1.2) * close
    return replace(
        pose, right_arm=wrap, left_arm=wrap, lean=pose.lean + 0.1 * c.toward * close + rock
    )


def _fist_bump(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    pose, close = _meet(pose, u, c, 0.5)
    return _arm(pose, _toward_side(c), (0.2 + 1.3 * close, -0.1 * close))


def _high_five(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    pose, close = _meet(pose, u, c, 0.42)
    return _arm(pose, _toward_side(c), (0.2 + 2.2 * close, -0.4 * close))


def _clap(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    up = _bell(u, 0.15)
    beat = _wave01(local, GESTURE_PERIODS["clap"])
    arm = (0.25 + 0.2 * up * beat - 0.35 * up, -1.7 * up)
    return replace(pose, left_arm=arm, right_arm=arm)


def _cheer(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    up = _bell(u, 0.15)
    hop = 0.03 * abs(math.sin(2 * math.pi * local / 0.9)) * up
    return replace(
        pose,
        dy=pose.dy + hop,
        left_arm=(0.2 + 2.5 * up, -0.2 * up),
        right_arm=(0.2 + 2.5 * up, -0.2 * up),
    )


def _bow(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    down = _bell(u, 0.3)
    return replace(
        pose,
        head_drop=0.09 * down,
        dy=pose.dy - 0.03 * down,
        left_arm=(0.1, -0.5 * down),
        right_arm=(0.1, -0.5 * down),
    )


def _sit(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    down = _ease(u / 0.3)
    return replace(
        pose,
        crouch=down,
        stool=True,
        left_arm=(0.12, -0.9 * down),
        right_arm=(pose.right_arm[0], max(pose.right_arm[1], 0.9 * down)),
    )


def _stand(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    return pose


def _kneel(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    down = _ease(u / 0.3)
    return replace(pose, crouch=0.75 * down, left_arm=(0.3 + 0.5 * down, 0.4))


def _jump(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    period = GESTURE_PERIODS["jump"]
    phase = (local % period) / period
    if phase < 0.25:  # crouch
        squat = math.sin(math.pi * phase / 0.25) * 0.25
        return replace(pose, crouch=squat, left_arm=(0.1, 0.4), right_arm=(0.1, 0.4))
    air = (phase - 0.25) / 0.75
    height = 0.22 * math.sin(math.pi * air)
    arms = (0.3 + 2.3 * math.sin(math.pi * air), 0.0)
    return replace(
        pose,
        dy=pose.dy + height,
        left_arm=arms,
        right_arm=arms,
        left_leg=(0.15, 0.4 * math.sin(math.pi * air)),
        right_leg=(0.15, 0.4 * math.sin(math.pi * air)),
    )


def _dance(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    beat = 2 * math.pi * local / GESTURE_PERIODS["dance"]
    swing = math.sin(beat)
    return replace(
        pose,
        dx=pose.dx + 0.03 * swing,
        dy=pose.dy + 0.02 * abs(math.cos(beat)),
        lean=0.12 * swing,
        head_roll=-0.12 * swing,
        left_arm=(0.6 + 1.4 * max(0.0, swing), 0.8),
        right_arm=(0.6 + 1.4 * max(0.0, -swing), 0.8),
        left_leg=(0.1 + 0.15 * max(0.0, swing), 0.2 * max(0.0, swing)),
        right_leg=(0.1 + 0.15 * max(0.0, -swing), 0.2 * max(0.0, -swing)),
    )


def _float(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    bob = 0.06 + 0.03 * math.sin(2 * math.pi * (local / 2.4 + c.phase))
    return replace(
        pose,
        dy=pose.dy + bob,
        lean=0.06 * math.sin(2 * math.pi * local / 3.1),
        left_arm=(0.7, 0.3),
        right_arm=(0.7, 0.3),
        left_leg=(0.12, 0.3),
        right_leg=(0.08, 0.15),
    )


def _raise_glass(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    up = _bell(u, 0.25)
    return replace(
        pose,
        prop=a.prop or "glass",
        prop_hand="right",
        right_arm=(0.25 + 2.2 * up, -0.5 + 0.2 * up),
    )


def _drink(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    up = _bell(u, 0.3)
    return replace(
        pose,
        prop=a.prop or "cup",
        prop_hand="right",
        prop_up=up,
        head_roll=-0.1 * up,
        right_arm=(0.25 - 0.15 * up, -0.6 - 1.9 * up),
    )


def _eat(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    bite = _wave01(local, 0.9) * _bell(u, 0.1)
    return replace(
        pose,
        prop=a.prop or "cake",
        prop_hand="left",
        left_arm=(0.3, -1.2),
        right_arm=(0.2 - 0.1 * bite, -0.6 - 1.9 * bite),
    )


def _pick_up(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    reach = math.sin(math.pi * min(1.0, u / 0.8))
    holding = u > 0.45
    arm = (0.2 + 0.2 * reach, -0.2 - 0.4 * (1 - reach) * holding)
    pose = replace(
        pose,
        crouch=0.35 * reach,
        lean=pose.lean + 0.1 * reach * c.toward,
        right_arm=arm,
        left_arm=arm if (a.prop in _TWO_HANDED) else pose.left_arm,
    )
    if holding:
        return _holding(pose, a.prop, blend=_ease((u - 0.45) / 0.4))
    return pose


_TWO_HANDED = frozenset({"guitar", "cake", "gift", "book"})


def _holding(pose: Pose, prop: PropName | None, blend: float = 1.0) -> Pose:
    if prop is None:
        return pose
    if prop in _TWO_HANDED:
        arm = (0.3 - 0.1 * blend, -1.5 * blend)
        return replace(pose, prop=prop, prop_hand="both", left_arm=arm, right_arm=arm)
    if prop == "microphone":
        return replace(pose, prop=prop, prop_hand="right", right_arm=(0.2, -2.2 * blend))
    return replace(pose, prop=prop, prop_hand="right", right_arm=(0.3, -1.6 * blend))


def _hold(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    return _holding(pose, a.prop or pose.prop, blend=_ease(u / 0.2))


def _play(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    prop = a.prop or "guitar"
    strum = math.sin(2 * math.pi * local / GESTURE_PERIODS["play"])
    if prop != "guitar":
        return _holding(replace(pose, dy=pose.dy + 0.01 * abs(strum)), prop)
    return replace(
        pose,
        prop="guitar",
        prop_hand="both",
        head_roll=0.08 + 0.03 * strum,
        left_arm=(0.6, -1.9),
        right_arm=(0.35 + 0.12 * strum, -1.2),
    )


def _sing(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    sway = math.sin(2 * math.pi * local / 1.6)
    pose = _holding(pose, "microphone")
    return replace(
        pose, lean=0.06 * sway, head_roll=-0.08 * sway, left_arm=(0.5 + 0.6 * _bell(u), 0.4)
    )


def _throw(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    side = -_toward_side(c)  # wind up with the arm away from where the ball goes
    if u < 0.55:
        wind = _ease(u / 0.55)
        pose = replace(
            pose,
            prop="ball",
            prop_hand="right" if side > 0 else "left",
            lean=pose.lean - 0.08 * c.toward * wind,
        )
        return _arm(pose, side, (0.3 + 2.3 * wind, 0.6 * wind))
    release = _ease((u - 0.55) / 0.2)
    pose = replace(
        pose, lean=pose.lean + 0.1 * c.toward * release, ball_flying=min(1.0, (u - 0.55) / 0.45)
    )
    return _arm(pose, side, (2.6 - 1.8 * release, 0.0))


def _give(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    out = _bell(u, 0.3)
    pose = replace(pose, prop=a.prop or "gift", prop_hand="both")
    arm = (0.3 + 0.9 * out, -1.2 + 0.8 * out)
    return replace(pose, left_arm=arm, right_arm=arm, lean=pose.lean + 0.06 * c.toward * out)


def _wag(pose: Pose, u: float, local: float, a: TimedAction, c: Context) -> Pose:
    sway = math.sin(2 * math.pi * local / 0.9)
    return replace(pose, lean=0.07 * sway, dx=pose.dx + 0.015 * sway)


_MOVES = {
    "enter": _enter,
    "exit": _exit,
    "walk": _walk,
    "run": _run,
    "turn_away": _turn_away,
    "turn_to_camera": _turn_to_camera,
    "look_at": _look_at,
    "wave": _wave,
    "nod": _nod,
    "shake_head": _shake_head,
    "point": _point,
    "laugh": _laugh,
    "cry": _cry,
    "surprised": _surprised,
    "shrug": _shrug,
    "think": _think,
    "hug": _hug,
    "fist_bump": _fist_bump,
    "high_five": _high_five,
    "clap": _clap,
    "cheer": _cheer,
    "bow": _bow,
    "sit": _sit,
    "stand": _stand,
    "kneel": _kneel,
    "jump": _jump,
    "dance": _dance,
    "float": _float,
    "raise_glass": _raise_glass,
    "drink": _drink,
    "eat": _eat,
    "pick_up": _pick_up,
    "hold": _hold,
    "play": _play,
    "sing": _sing,
    "throw": _throw,
    "give": _give,
    "wag": _wag,
    "fetch": _hold,
}
