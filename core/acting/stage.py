"""One shot's performers: who stands where, and drawing each of them per frame.

Three kinds of performer, chosen by the double and the framing:

- **figure** (a person or rigged character in a wide, medium or two-shot): a drawn body posed
  by the action timeline, under the double's real head cut from its living sprite;
- **bust** (a person in a close-up or the near shoulder of an over-the-shoulder shot): the living
  sprite itself (real shoulders, real clothes), moved by the pose, with hands and props drawn;
- **sprite** (a pet, toy or drawn character without a rig): the whole cut-out, moved as one
  piece (runs, jumps, sits, wags, fetches).

Everything that costs is done once per shot (scaling, grading, rim light, edge refinement);
per frame only small head images are rotated and blended. The lip-sync hook is ``face_warp``:
it receives each visible face image before it is composited, with the lips found on it (when the
face mesh found them) and the viseme its role is saying now.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

import cv2
import numpy as np

from core.acting.blend import Layers, blend_layers
from core.acting.compositing import grade_and_light, grade_colour, grade_gains, scene_tone
from core.acting.figure import HEAD, draw_figure
from core.acting.motion import Context, Pose, body_pose
from core.acting.mouth import Lips
from core.acting.props import draw_ball, draw_prop
from core.acting.rig import BodyRig
from core.acting.timeline import TimedAction
from core.scenes.lighting import scene_light

PerformerKind = Literal["figure", "bust", "sprite"]
Blend = Callable[[np.ndarray, np.ndarray, int, int], None]


@dataclass(frozen=True)
class FaceFrame:
    """A face about to be composited: what a lip-sync warp gets (see ``FaceWarp``).

    A warp returns the image itself when it changes nothing, else a changed copy (never edit
    ``rgba``, it is shared) that differs only inside :func:`editable_region` of the mouth box.

    Attributes:
        rgba: The head (or bust) image, HxWx4 uint8.
        role: Whose face it is.
        t: Clip time in seconds.
        loudness: The role's speech loudness now (0..1).
        mouth_box: (x0, y0, x1, y1) of the mouth in ``rgba``, when known.
        lips: The lips in ``rgba`` (face mesh), when found.
        shape: The mouth shape the role's line asks for now, (jaw opening 0..1, lip spread
            -1..1) from the phoneme timings; None when only the loudness is known. Silent
            roles get (0, 0).
    """

    rgba: np.ndarray
    role: str
    t: float
    loudness: float
    mouth_box: tuple[int, int, int, int] | None
    lips: Lips | None = None
    shape: tuple[float, float] | None = None


def editable_region(
    mouth_box: tuple[int, int, int, int], shape: tuple[int, ...]
) -> tuple[int, int, int, int]:
    """Where a face warp may change a face image: the mouth box grown by half its size (more
    below, where the jaw drops), clipped to the image."""
    x0, y0, x1, y1 = mouth_box
    w, h = x1 - x0, y1 - y0
    return (
        max(0, x0 - w // 2),
        max(0, y0 - h // 2),
        min(shape[1], x1 + w // 2),
        min(shape[0], y1 + h),
    )


@dataclass(frozen=True)
class Slot:
    """Where a performer stands in a shot (pixels) and how it is drawn."""

    role: str
    kind: PerformerKind
    x: float
    ground: float
    size: float  # figure: standing height; bust and sprite: image height
    foreground: bool = False


@dataclass(eq=False)
class Performer:
    """A cast member prepared for one shot."""

    slot: Slot
    frames: Sequence[np.ndarray]  # graded RGBA: heads (figure) or whole cut-outs (bust, sprite)
    fps: float
    phase: float
    actions: tuple[TimedAction, ...]
    rig: BodyRig | None = None
    mouth_box: tuple[int, int, int, int] | None = None  # in ``frames`` coordinates
    back_of_head: np.ndarray | None = None
    source_height: int = 0  # height of the sprite frames ``rig`` was measured on (busts)
    lips: Sequence[Lips | None] = ()  # per frame of ``frames``, in its coordinates (lip sync)
    _layers: dict[int, Layers] = field(default_factory=dict)

    def layers(self, index: int) -> Layers:
        """Frame ``index`` split for blending, once per shot."""
        if index not in self._layers:
            self._layers[index] = Layers.of(np.ascontiguousarray(self.frames[index]))
        return self._layers[index]

    def frame_index(self, t: float) -> int:
        count = len(self.frames)
        if count <= 1:
            return 0
        period = 2 * (count - 1)
        index = math.floor((t + self.phase * 3.0) * self.fps) % period
        return index if index < count else period - index


def grade_frames(
    frames: Sequence[np.ndarray], background: np.ndarray, scene: str
) -> list[np.ndarray]:
    """Grade cut-out frames for a scene and rim-light them, at their own size.

    Done at the sprite's resolution (smaller than most on-screen sizes) and reused by every
    shot of the scene; :func:`scale_frames` then sizes them per shot.
    """
    light = scene_light(scene)
    gains = grade_gains(scene_tone(background), light)
    return [grade_and_light(frame, gains, light) for frame in frames]


def scale_frames(frames: Sequence[np.ndarray], height: int) -> tuple[list[np.ndarray], float]:
    """Frames resized to ``height`` pixels; returns them and the scale applied."""
    scale = height / frames[0].shape[0]
    width = max(2, round(frames[0].shape[1] * scale))
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    return [cv2.resize(f, (width, height), interpolation=interpolation) for f in frames], scale


def prepare_frames(
    frames: Sequence[np.ndarray], height: int, background: np.ndarray, scene: str
) -> tuple[list[np.ndarray], float]:
    """Grade and scale cut-out frames for one shot (see :func:`grade_frames`)."""
    return scale_frames(grade_frames(frames, background, scene), height)


def graded_rig(rig: BodyRig, background: np.ndarray, scene: str) -> BodyRig:
    """The rig's drawn colours graded like the cut-outs, so body and head match."""
    gains = grade_gains(scene_tone(background), scene_light(scene))
    return replace(
        rig,
        skin=grade_colour(rig.skin, gains),
        shirt=grade_colour(rig.shirt, gains),
        hair=grade_colour(rig.hair, gains),
        trousers=grade_colour(rig.trousers, gains),
    )


def back_of_head(head: np.ndarray, hair: tuple[int, int, int]) -> np.ndarray:
    """The head's outline filled with its hair colour and a little shading: seen from behind."""
    alpha = head[..., 3]
    height, _width = alpha.shape
    out = np.zeros_like(head)
    shade = np.linspace(1.0, 0.7, height, dtype=np.float32)[:, None, None]
    out[..., :3] = np.clip(np.asarray(hair, np.float32)[None, None, :] * shade, 0, 255).astype(
        np.uint8
    )
    # Hair covers the top four-fifths; the neck below it shows.
    cut = round(height * 0.82)
    out[..., 3] = alpha
    out[cut:, :, 3] = 0
    return out


class ShotStage:
    """Draws a shot's performers onto each frame.

    Args:
        performers: Prepared performers, back to front.
        face_warp: Changes a face image per frame (lip sync), or None.
        blend: Alpha-blends an RGBA image onto a frame at (left, top), in place.
        frame_size: (width, height) of the frames.
    """

    def __init__(
        self,
        performers: Sequence[Performer],
        *,
        face_warp: Callable[[FaceFrame], np.ndarray] | None,
        blend: Blend,
        frame_size: tuple[int, int],
    ) -> None:
        self._performers = list(performers)
        self._face_warp = face_warp
        self._blend = blend
        self._width, self._height = frame_size
        self._mouths: Mapping[str, tuple[float, float]] | None = None

    def draw(
        self,
        frame: np.ndarray,
        t: float,
        loudness: Mapping[str, float],
        mouths: Mapping[str, tuple[float, float]] | None = None,
    ) -> None:
        """Draw every performer at clip time ``t``.

        Args:
            loudness: Each speaking role's speech loudness now (0..1).
            mouths: Each role's mouth shape now (opening, spread) from the phoneme timings;
                None when the lines have none (mouths then follow the loudness).
        """
        self._mouths = mouths
        for performer in self._performers:
            context = self._context(performer, loudness.get(performer.slot.role, 0.0))
            if performer.slot.kind == "figure":
                self._draw_figure(frame, performer, t, context)
            elif performer.slot.kind == "bust":
                self._draw_bust(frame, performer, t, context)
            else:
                self._draw_sprite(frame, performer, t, context)

    def _context(self, performer: Performer, speaking: float) -> Context:
        slot = performer.slot
        partner = None
        for action in performer.actions:
            if action.target is not None:
                partner = next((p for p in self._performers if p.slot.role == action.target), None)
                break
        others = [p for p in self._performers if p is not performer]
        if partner is None and others:
            partner = min(others, key=lambda p: abs(p.slot.x - slot.x))
        if partner is not None:
            delta = partner.slot.x - slot.x
            toward = 1.0 if delta >= 0 else -1.0
            gap = abs(delta) / max(1.0, slot.size)
        else:
            toward = 1.0 if slot.x < self._width / 2 else -1.0
            gap = 0.0
        offscreen = (self._width / 2 + abs(slot.x - self._width / 2)) / max(1.0, slot.size) + 0.4
        return Context(
            toward=toward, gap=gap, speaking=speaking, phase=performer.phase, offscreen=offscreen
        )

    # --- figures -------------------------------------------------------------------------

    def _draw_figure(
        self, frame: np.ndarray, performer: Performer, t: float, context: Context
    ) -> None:
        slot = performer.slot
        pose = body_pose(performer.actions, t, context)
        assert performer.rig is not None
        _contact_shadow(frame, slot.x + pose.dx * slot.size, slot.ground, 0.16 * slot.size, pose.dy)

        def head(
            height: float, roll: float, turn: float, back: bool
        ) -> tuple[np.ndarray, int, int]:
            return self._head_image(performer, t, context.speaking, roll, turn, back)

        draw_figure(
            frame,
            performer.rig,
            pose,
            x=slot.x,
            ground=slot.ground,
            size=slot.size,
            head=head,
            t=t,
            blend=self._blend,
        )

    def _head_image(
        self, performer: Performer, t: float, speaking: float, roll: float, turn: float, back: bool
    ) -> tuple[np.ndarray, int, int]:
        if back and performer.back_of_head is not None:
            image = performer.back_of_head
        else:
            index = performer.frame_index(t)
            image = self._warp_face(performer.frames[index], index, performer, t, speaking)
        height, width = image.shape[:2]
        chin = (width / 2, height * 0.94)
        if abs(roll) < 0.01 and abs(turn) < 0.02:
            return image, round(chin[0]), round(chin[1])
        pad = round(0.2 * height)
        squeeze = 1.0 - 0.28 * abs(turn)
        matrix = cv2.getRotationMatrix2D(chin, math.degrees(-roll), 1.0)
        matrix[0, :] *= squeeze
        matrix[0, 2] += pad + turn * 0.08 * width
        matrix[1, 2] += pad
        rotated = cv2.warpAffine(
            image,
            matrix,
            (width + 2 * pad, height + 2 * pad),
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_CONSTANT,
        )
        return rotated, round(chin[0] * squeeze + pad + turn * 0.08 * width), round(chin[1] + pad)

    def _blend_with_face(
        self,
        frame: np.ndarray,
        performer: Performer,
        index: int,
        left: int,
        top: int,
        t: float,
        speaking: float,
    ) -> None:
        """Blend a cached frame; where the face warp changed it, blend the changed part.

        The changed rectangle is blended over a copy of the scene behind it, then put back over
        the unchanged frame, so its edges never show.
        """
        image = performer.frames[index]
        warped = self._warp_face(image, index, performer, t, speaking)
        if warped is image or performer.mouth_box is None:
            blend_layers(frame, performer.layers(index), left, top)
            return
        x0, y0, x1, y1 = editable_region(performer.mouth_box, image.shape)
        fy0, fy1 = max(0, top + y0), min(frame.shape[0], top + y1)
        fx0, fx1 = max(0, left + x0), min(frame.shape[1], left + x1)
        if fy1 <= fy0 or fx1 <= fx0:
            blend_layers(frame, performer.layers(index), left, top)
            return
        behind = frame[fy0:fy1, fx0:fx1].copy()
        patch = np.ascontiguousarray(warped[y0:y1, x0:x1])
        blend_layers(behind, Layers.of(patch), left + x0 - fx0, top + y0 - fy0)
        blend_layers(frame, performer.layers(index), left, top)
        frame[fy0:fy1, fx0:fx1] = behind

    def _warp_face(
        self, image: np.ndarray, index: int, performer: Performer, t: float, speaking: float
    ) -> np.ndarray:
        if self._face_warp is None:
            return image
        role = performer.slot.role
        lips = performer.lips[index] if index < len(performer.lips) else None
        # With phoneme timings every role has a shape: silent ones (0, 0), so they keep still.
        shape = None if self._mouths is None else self._mouths.get(role, (0.0, 0.0))
        return self._face_warp(
            FaceFrame(image, role, t, speaking, performer.mouth_box, lips=lips, shape=shape)
        )

    # --- busts ---------------------------------------------------------------------------

    def _draw_bust(
        self, frame: np.ndarray, performer: Performer, t: float, context: Context
    ) -> None:
        slot = performer.slot
        pose = body_pose(performer.actions, t, context)
        index = performer.frame_index(t)
        height, width = performer.frames[index].shape[:2]
        # Moved, never re-warped: a bust is large, and its blend layers are made once per shot.
        drop = (pose.head_drop * 2.0 - pose.dy * 0.5 + 0.01 * abs(pose.lean)) * height
        dx = max(-0.12, min(0.12, pose.dx + 0.6 * pose.lean + 0.3 * pose.head_roll)) * width * 0.25
        left = round(slot.x - width / 2 + dx)
        top = round(slot.ground - height + drop)
        if slot.foreground:
            blend_layers(frame, performer.layers(index), left, top)
            return
        self._blend_with_face(frame, performer, index, left, top, t, context.speaking)
        if performer.rig is None:
            return
        uses_hands = pose.prop is not None or any(
            a.action in _HAND_ACTIONS and a.start <= t <= a.end for a in performer.actions
        )
        if uses_hands:
            # Hands and props in front of the bust, placed as a figure whose head matched
            # this one would hold them.
            x0, y0, x1, y1 = performer.rig.head_box
            scale = height / max(1, performer.source_height)
            # Shorter reach than a full figure: hands stay near the body in the frame.
            size = (y1 - y0) * scale / HEAD * 0.55
            chin = (left + (x0 + x1) / 2 * scale, top + y1 * scale)
            _draw_hands(frame, performer.rig, pose, chin, size, t)

    # --- sprites (pets, toys, unrigged characters) ---------------------------------------

    def _draw_sprite(
        self, frame: np.ndarray, performer: Performer, t: float, context: Context
    ) -> None:
        slot = performer.slot
        image = performer.frames[performer.frame_index(t)]
        height, width = image.shape[:2]
        motion = sprite_motion(performer.actions, t, context, self._width / max(1.0, slot.size))
        x = slot.x + motion.dx * slot.size
        lift = motion.dy * slot.size
        if not slot.foreground:
            _contact_shadow(frame, x, slot.ground, 0.4 * width, motion.dy * 2.0)
        left, top = round(x - width / 2), round(slot.ground - height - lift)
        if not motion.flip and abs(motion.angle) <= 0.003 and motion.squash == 1.0:
            blend_layers(frame, performer.layers(performer.frame_index(t)), left, top)
            if motion.ball:
                draw_ball(
                    frame,
                    (x + 0.32 * width, slot.ground - lift - 0.62 * height),
                    slot.size * 1.6,
                    t,
                )
            return
        if motion.flip:
            image = image[:, ::-1]
        if abs(motion.angle) > 0.003 or motion.squash != 1.0:
            sx, sy = 1.0 / math.sqrt(motion.squash), motion.squash
            pivot = (width / 2, height)
            matrix = cv2.getRotationMatrix2D(pivot, math.degrees(-motion.angle), 1.0)
            matrix[0, :2] *= sx
            matrix[1, :2] *= sy
            matrix[0, 2] = pivot[0] - (matrix[0, 0] * pivot[0] + matrix[0, 1] * pivot[1])
            matrix[1, 2] = pivot[1] - (matrix[1, 0] * pivot[0] + matrix[1, 1] * pivot[1])
            image = cv2.warpAffine(
                np.ascontiguousarray(image),
                matrix,
                (width, height),
                flags=cv2.INTER_LINEAR,
                borderMode=cv2.BORDER_CONSTANT,
            )
        self._blend(frame, np.ascontiguousarray(image), left, top)
        if motion.ball:
            mouth_x = x + (0.25 if not motion.flip else -0.25) * width
            draw_ball(frame, (mouth_x, slot.ground - lift - 0.4 * height), slot.size * 1.6, t)


_HAND_ACTIONS = frozenset(
    {
        "wave",
        "clap",
        "cry",
        "think",
        "point",
        "cheer",
        "surprised",
        "shrug",
        "raise_glass",
        "drink",
        "eat",
        "hold",
        "play",
        "sing",
        "pick_up",
        "give",
    }
)


def _draw_hands(
    frame: np.ndarray, rig: BodyRig, pose: Pose, chin: tuple[float, float], size: float, t: float
) -> None:
    from core.acting.figure import FOREARM, SHOULDER_HALF, UPPER_ARM, _disc, _limb

    neck = chin
    shoulders = (
        (neck[0] - SHOULDER_HALF * size, neck[1] + 0.05 * size),
        (neck[0] + SHOULDER_HALF * size, neck[1] + 0.05 * size),
    )
    hands = []
    for shoulder, (angle, bend), side in (
        (shoulders[0], pose.left_arm, -1.0),
        (shoulders[1], pose.right_arm, 1.0),
    ):
        elbow = _limb(shoulder, angle, side, UPPER_ARM * size)
        hands.append((elbow, _limb(elbow, angle + bend, side, FOREARM * size)))
    for _elbow, hand in hands:
        if hand[1] < frame.shape[0] - 0.02 * size:
            _disc(frame, hand, 0.032 * size, rig.skin)
    if pose.prop is not None:
        index = 0 if pose.prop_hand == "left" else 1
        draw_prop(frame, pose.prop, hands[index][1], hands[1 - index][1], size, t)


@dataclass(frozen=True)
class SpriteMotion:
    """How a whole cut-out moves at one moment (offsets in its own heights)."""

    dx: float = 0.0
    dy: float = 0.0
    angle: float = 0.0
    squash: float = 1.0
    flip: bool = False
    ball: bool = False


def sprite_motion(
    actions: tuple[TimedAction, ...], t: float, context: Context, frame_widths: float
) -> SpriteMotion:
    """The motion of a pet or unrigged subject at clip time ``t``.

    Args:
        actions: Its actions in this shot.
        t: Clip time.
        context: Its surroundings.
        frame_widths: The frame width in the subject's heights (how far "across" is).
    """
    breathe = 0.01 * math.sin(2 * math.pi * (t / 2.3 + context.phase))
    idle = SpriteMotion(dy=max(0.0, breathe))
    if context.speaking > 0.05:
        idle = replace(idle, dy=idle.dy + 0.05 * context.speaking)
    current = None
    for action in actions:
        if action.start <= t:
            current = action
    if current is None:
        if actions and actions[0].action == "enter":
            return replace(idle, dx=-context.toward * context.offscreen)
        return idle
    u = current.progress(t)
    local = t - current.start
    name = current.action
    toward = context.toward
    if name in ("run", "fetch", "walk", "enter", "exit"):
        fast = name in ("run", "fetch")
        bounce = abs(math.sin(2 * math.pi * local * (2.4 if fast else 1.4))) * (
            0.12 if fast else 0.04
        )
        if name == "run":
            across = 0.35 * frame_widths
            return SpriteMotion(
                dx=toward * across * (2 * u - 1),
                dy=bounce,
                angle=-0.06 * toward * bounce * 5,
                flip=toward < 0,
            )
        if name == "walk":
            return SpriteMotion(dx=toward * 0.4 * (2 * u - 1), dy=bounce)
        if name == "enter":
            arrive = min(1.0, u / 0.7)
            eased = 0.5 - 0.5 * math.cos(math.pi * arrive)
            return SpriteMotion(
                dx=-toward * context.offscreen * (1 - eased),
                dy=bounce if arrive < 1 else idle.dy,
                flip=toward < 0,
            )
        if name == "exit":
            leave = max(0.0, (u - 0.2) / 0.8)
            eased = 0.5 - 0.5 * math.cos(math.pi * leave)
            return SpriteMotion(
                dx=toward * context.offscreen * eased,
                dy=bounce if leave > 0 else 0.0,
                flip=toward < 0,
            )
        # fetch: out of the frame, then back with the ball, dropping it at the partner's feet
        out = context.offscreen + 0.3
        if u < 0.4:
            reach = 0.5 - 0.5 * math.cos(math.pi * u / 0.4)
            return SpriteMotion(dx=-toward * out * reach, dy=bounce, flip=toward > 0)
        if u < 0.5:
            return SpriteMotion(dx=-toward * out, dy=0.0)
        back = 0.5 - 0.5 * math.cos(math.pi * min(1.0, (u - 0.5) / 0.4))
        end = max(0.0, context.gap - 0.9) * toward
        return SpriteMotion(
            dx=-toward * out * (1 - back) + end * back,
            dy=bounce * (1 - back),
            flip=toward < 0,
            ball=u < 0.92,
        )
    if name == "jump":
        phase = local % 1.0
        air = max(0.0, (phase - 0.2) / 0.8)
        squash = 0.85 if phase < 0.2 else 1.0
        return SpriteMotion(dy=0.45 * math.sin(math.pi * air), squash=squash)
    if name in ("sit", "kneel"):
        down = min(1.0, u / 0.3)
        return replace(idle, squash=1.0 - 0.14 * down)
    if name in ("wag", "dance", "laugh"):
        speed = {"wag": 3.0, "dance": 1.25, "laugh": 2.8}[name]
        sway = math.sin(2 * math.pi * local * speed)
        return SpriteMotion(
            dx=0.02 * sway, dy=0.03 * abs(sway) if name != "wag" else 0.0, angle=0.09 * sway
        )
    if name == "surprised":
        hop = math.sin(math.pi * min(1.0, u / 0.25)) * 0.15
        return SpriteMotion(dy=hop)
    if name in ("nod", "bow"):
        return replace(idle, squash=1.0 - 0.06 * (0.5 - 0.5 * math.cos(2 * math.pi * local / 0.7)))
    if name == "shake_head":
        return replace(idle, angle=0.08 * math.sin(2 * math.pi * local / 0.6))
    if name == "turn_away":
        return replace(idle, flip=True)
    if name == "float":
        return SpriteMotion(
            dy=0.1 + 0.06 * math.sin(2 * math.pi * (local / 2.4 + context.phase)),
            angle=0.08 * math.sin(2 * math.pi * local / 3.1),
        )
    if name in ("hug", "fist_bump", "high_five"):
        close = min(1.0, u / 0.3) * min(1.0, (1 - u) / 0.3)
        step = max(0.0, context.gap - 0.6) / 2 * close
        return replace(
            idle, dx=toward * step, dy=0.05 * abs(math.sin(2 * math.pi * local * 2)) * close
        )
    if name == "look_at":
        return replace(idle, flip=False)
    return idle


def _contact_shadow(
    frame: np.ndarray, x: float, ground: float, half_width: float, lift: float
) -> None:
    """A soft dark ellipse on the floor; it shrinks and fades as the subject leaves the ground."""
    height, width = frame.shape[:2]
    if ground >= height + 4 or half_width < 2:
        return
    fade = round(max(0.25, 1.0 - 2.0 * max(0.0, lift)), 2)
    rx = max(3, round(half_width * (0.6 + 0.4 * fade)))
    shade = _shadow_shade(rx, fade)
    rows, columns = shade.shape
    cx, cy = round(x), round(min(ground, height - 2))
    left, top = cx - columns // 2, cy - rows // 2
    x0, x1 = max(0, left), min(width, left + columns)
    y0, y1 = max(0, top), min(height, top + rows)
    if x1 <= x0 or y1 <= y0:
        return
    region = frame[y0:y1, x0:x1]
    part = shade[y0 - top : y1 - top, x0 - left : x1 - left]
    region[...] = cv2.multiply(region, cv2.merge([part, part, part]), scale=1 / 255.0)


@functools.lru_cache(maxsize=256)
def _shadow_shade(rx: int, fade: float) -> np.ndarray:
    """Multiplier (uint8, 255 = unchanged) of a soft floor shadow ``2 rx`` wide."""
    ry = max(2, round(rx * 0.16))
    sigma = max(1.0, ry * 0.6)
    margin = round(3 * sigma) + 2  # room for the blur, so the shadow never ends in a hard edge
    mask = np.zeros((2 * (ry + margin) + 1, 2 * (rx + margin) + 1), np.float32)
    cv2.ellipse(mask, (rx + margin, ry + margin), (rx, ry), 0, 0, 360, 1.0, -1, cv2.LINE_AA)
    mask = cv2.GaussianBlur(mask, (0, 0), sigmaX=sigma)
    shade = np.clip(255.0 * (1.0 - 0.42 * fade * mask), 0, 255).astype(np.uint8)
    shade.setflags(write=False)
    return shade
