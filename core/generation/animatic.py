"""The embedded CPU renderer: an animatic made from the cast's own living sprites.

Every shot is composed on its painted scene from the matted frames of each double's reference
video, looped ping-pong so people move like themselves. Framing decides who is on screen and
how large; camera moves are one affine warp per frame; a gentle sway keeps stills alive; the
speaker's mouth opens with the loudness of their line (persons) or the whole body bounces
(pets, toys, characters). Everything is a pure function of the request and seed.

Costs are kept per shot, not per frame: sprites are scaled and split into blend layers once
per shot, the scene is painted once (``paint_scene`` caches) and each frame blends only the
sprites' own rectangles, in integer arithmetic.
"""

from __future__ import annotations

import hashlib
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field

import cv2
import numpy as np

from core.generation.types import CastReference, FrameCallback, RenderRequest, ShotPlan
from core.identity.faces import FaceBackend
from core.scenes.catalog import SCENE_NAMES, paint_scene
from core.scripts.model import mentions_in

logger = logging.getLogger(__name__)

FALLBACK_SCENE = "living_room"
GROUND = 0.97  # feet/bottom edge of full-figure subjects, as a fraction of the frame height
NON_PERSON_SCALE = 0.55  # pets, toys and characters stand smaller than people
PUSH_ZOOM = 0.12  # push-in ends (and pull-out starts) 12 % closer
PAN_FRACTION = 0.06  # a pan drifts 6 % of the width


@dataclass(frozen=True)
class _Placement:
    """Where one role stands in a shot: its sprite height and bottom-centre, in pixels."""

    role: str
    height: int
    centre_x: float
    bottom_y: float
    foreground: bool = False  # over-the-shoulder: soft, dark, in front of the camera


@dataclass(frozen=True, eq=False)
class _Layers:
    """An RGBA sprite ready to blend: colour times alpha and 255 - alpha, both contiguous.

    Splitting the RGBA array into colour and alpha on every frame cost more than the blend
    itself; a sprite frame is split once per shot instead.
    """

    premultiplied: np.ndarray  # (h, w, 3) uint16
    inverse_alpha: np.ndarray  # (h, w, 3) uint8

    @classmethod
    def of(cls, rgba: np.ndarray) -> _Layers:
        # OpenCV copies channels out ~3x faster than numpy's strided views.
        colour = cv2.cvtColor(rgba, cv2.COLOR_RGBA2RGB)
        alpha = cv2.cvtColor(np.ascontiguousarray(rgba[..., 3]), cv2.COLOR_GRAY2RGB)
        return cls(cv2.multiply(colour, alpha, dtype=cv2.CV_16U), cv2.bitwise_not(alpha))


@dataclass(frozen=True, eq=False)
class _Actor:
    """A role's frames scaled for one shot, plus what mouth motion needs."""

    placement: _Placement
    frames: tuple[np.ndarray, ...]  # RGBA, already at on-screen size
    fps: float
    phase: float
    mouth: tuple[int, int, int, int] | None  # x0, y0, x1, y1 inside the scaled frames
    is_person: bool
    _layers: dict[int, _Layers] = field(default_factory=dict)

    def layers(self, index: int) -> _Layers:
        """Frame ``index`` ready to blend, split on first use (the actor lives one shot)."""
        if index not in self._layers:
            self._layers[index] = _Layers.of(self.frames[index])
        return self._layers[index]


class AnimaticBackend:
    """``RenderBackend`` that needs no GPU and no model weights.

    Args:
        face_backend: Finds the face (for the mouth) on a sprite once; loaded lazily.
    """

    name = "animatic"

    def __init__(self, face_backend: Callable[[], FaceBackend] | None = None) -> None:
        self._face_backend = face_backend

    @property
    def moves_mouths(self) -> bool:
        """Whether speaking persons' mouths move (it needs a face model to find them)."""
        return self._face_backend is not None

    def render_shot(
        self, plan: ShotPlan, request: RenderRequest, *, on_frame: FrameCallback | None = None
    ) -> list[np.ndarray]:
        """Paint ``plan.frame_count`` RGB frames of ``plan.width``×``plan.height``."""
        scene = plan.shot.scene if plan.shot.scene in SCENE_NAMES else FALLBACK_SCENE
        if scene != plan.shot.scene:
            logger.warning("unknown scene %r in shot %d; using %s", plan.shot.scene,
                           plan.index + 1, FALLBACK_SCENE)  # fmt: skip
        placements = layout(plan, request)
        actors = [self._actor(place, request, plan) for place in placements]
        loudness = _loudness_by_role(plan)
        frames = []
        for index in range(plan.frame_count):
            t = index / plan.fps
            background = paint_scene(scene, plan.width, plan.height, t=plan.start + t,
                                     seed=request.seed)  # fmt: skip
            frame = background.copy()
            for actor in actors:
                level = float(loudness.get(actor.placement.role, _silence(plan))[index])
                _draw_actor(frame, actor, plan.start + t, level)
            frames.append(_camera(frame, plan, index))
            if on_frame is not None:
                on_frame(index + 1, plan.frame_count)
        return frames

    def _actor(self, place: _Placement, request: RenderRequest, plan: ShotPlan) -> _Actor:
        reference = request.cast[place.role]
        source = _source_frames(reference)
        scale = place.height / source[0].shape[0]
        width = max(2, round(source[0].shape[1] * scale))
        frames = tuple(
            cv2.resize(
                f,
                (width, place.height),
                interpolation=cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR,
            )
            for f in source
        )
        if place.foreground:
            frames = tuple(_soften(f) for f in frames)
        mouth = None
        if reference.kind == "person" and self._face_backend is not None:
            box = _mouth_box(self._face_backend(), source[len(source) // 2])
            if box is not None:
                mouth = tuple(round(v * scale) for v in box)  # type: ignore[assignment]
        fps = reference.sprite.fps if reference.sprite is not None else 8.0
        return _Actor(place, frames, fps, _phase(request.seed, place.role), mouth,
                      reference.kind == "person")  # fmt: skip


def on_screen_roles(plan: ShotPlan, request: RenderRequest) -> list[str]:
    """Roles mentioned in the shot, then its speakers; the whole cast when the shot names none.

    Returned in script order, so a role keeps its side of the frame from shot to shot.
    """
    wanted = set(mentions_in(plan.shot.description)) | {line.role for line in plan.shot.dialogue}
    order = [role.name for role in request.script.roles if role.name in request.cast]
    chosen = [name for name in order if name in wanted]
    return chosen or order


def layout(plan: ShotPlan, request: RenderRequest) -> list[_Placement]:
    """Sizes and positions for the shot's framing."""
    roles = on_screen_roles(plan, request)
    width, height = plan.width, plan.height
    framing = plan.shot.framing
    speakers = [line.role for line in plan.shot.dialogue if line.role in roles]
    if framing == "close-up":
        star = speakers[0] if speakers else roles[0]
        return [_Placement(star, _height(request, star, 1.55 * height), 0.5 * width,
                           1.56 * height)]  # fmt: skip
    if framing == "over-the-shoulder" and len(roles) >= 2:
        star = speakers[0] if speakers else roles[0]
        other = next(role for role in roles if role != star)
        return [
            _Placement(star, _height(request, star, 1.05 * height), 0.64 * width, GROUND * height),
            _Placement(other, _height(request, other, 1.5 * height), 0.14 * width,
                       1.55 * height, foreground=True),
        ]  # fmt: skip
    if framing in ("two-shot", "over-the-shoulder"):
        roles = roles[:2]
        size = 1.0
    elif framing == "medium":
        size = 0.95 if len(roles) <= 2 else 0.8
    else:  # wide
        size = 0.62
    slots = _spread(len(roles), width)
    return [
        _Placement(role, _height(request, role, size * height), x, GROUND * height)
        for role, x in zip(roles, slots, strict=True)
    ]


def _spread(count: int, width: int) -> list[float]:
    if count == 1:
        return [0.5 * width]
    margin = 0.22 if count == 2 else 0.14
    return [width * (margin + (1 - 2 * margin) * i / (count - 1)) for i in range(count)]


def _height(request: RenderRequest, role: str, base: float) -> int:
    scale = 1.0 if request.cast[role].kind == "person" else NON_PERSON_SCALE
    return max(8, round(base * scale))


def _source_frames(reference: CastReference) -> tuple[np.ndarray, ...]:
    if reference.sprite is not None:
        return reference.sprite.frames
    return (_portrait_cutout(reference.portrait),)


def _portrait_cutout(portrait: np.ndarray) -> np.ndarray:
    """A photo-only double: the portrait inside a soft oval, so it sits in the scene."""
    height, width = portrait.shape[:2]
    yy, xx = np.mgrid[:height, :width].astype(np.float32)
    distance = ((xx - width / 2) / (0.48 * width)) ** 2 + ((yy - height / 2) / (0.5 * height)) ** 2
    alpha = np.clip((1.0 - distance) * 6.0, 0.0, 1.0)
    rgba = np.dstack([portrait[..., :3], (alpha * 255).astype(np.uint8)])
    return rgba


def _soften(rgba: np.ndarray) -> np.ndarray:
    """Foreground shoulder of an over-the-shoulder shot: out of focus and in shadow."""
    blurred = cv2.GaussianBlur(rgba, (0, 0), sigmaX=max(1.0, rgba.shape[0] / 120))
    blurred[..., :3] = (blurred[..., :3] * 0.55).astype(np.uint8)
    return blurred


def _mouth_box(backend: FaceBackend, rgba: np.ndarray) -> tuple[int, int, int, int] | None:
    """The mouth region below the nose, from the 5-point landmarks of the sprite's face."""
    faces = backend.detect(np.ascontiguousarray(rgba[..., :3]))
    if not faces:
        return None
    face = faces[0]
    (left_eye, right_eye), nose = face.landmarks.eyes, face.landmarks.nose
    eye_distance = math.dist(left_eye, right_eye)
    x0 = round(nose[0] - 0.55 * eye_distance)
    x1 = round(nose[0] + 0.55 * eye_distance)
    y0 = round(nose[1] + 0.30 * eye_distance)
    y1 = round(nose[1] + 0.95 * eye_distance)
    height, width = rgba.shape[:2]
    if x0 < 0 or y0 < 0 or x1 > width or y1 > height or y1 - y0 < 4:
        return None
    return (x0, y0, x1, y1)


def _phase(seed: int, role: str) -> float:
    digest = hashlib.sha256(f"{seed}:{role}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


def _silence(plan: ShotPlan) -> np.ndarray:
    return np.zeros(plan.frame_count, dtype=np.float32)


def _loudness_by_role(plan: ShotPlan) -> dict[str, np.ndarray]:
    levels: dict[str, np.ndarray] = {}
    for line in plan.lines:
        current = levels.setdefault(line.role, _silence(plan))
        envelope = np.asarray(line.loudness, dtype=np.float32)[: plan.frame_count]
        current[: len(envelope)] = np.maximum(current[: len(envelope)], envelope)
    return levels


def _draw_actor(frame: np.ndarray, actor: _Actor, t: float, loudness: float) -> None:
    place = actor.placement
    index = math.floor((t + actor.phase * 3.0) * actor.fps)
    count = len(actor.frames)
    if count > 1:  # ping-pong, like LivingSprite.frame_at
        period = 2 * (count - 1)
        index %= period
        index = index if index < count else period - index
    else:
        index = 0
    sprite = actor.frames[index]
    sway = 0.006 * frame.shape[1] * math.sin(2 * math.pi * (t / 3.7 + actor.phase))
    breathe = 0.004 * place.height * math.sin(2 * math.pi * (t / 2.9 + actor.phase))
    bounce = 0.0 if actor.is_person else 0.06 * place.height * loudness
    left = round(place.centre_x - sprite.shape[1] / 2 + sway)
    top = round(place.bottom_y - sprite.shape[0] + breathe - bounce)
    if not place.foreground:
        _shadow(frame, place, sprite.shape[1])
    mouth = None
    if actor.mouth is not None and loudness > 0.04:
        mouth = _open_mouth(sprite, actor.mouth, loudness)
    if mouth is None:
        _blend(frame, actor.layers(index), left, top)
        return
    # The open mouth replaces a patch of the sprite: blend that patch over a copy of the scene
    # behind it, blend the unchanged sprite, then put the patch's result back.
    patch_left, patch_top = left + mouth.left, top + mouth.top
    height, width = mouth.rgba.shape[:2]
    y0, y1 = max(0, patch_top), min(frame.shape[0], patch_top + height)
    x0, x1 = max(0, patch_left), min(frame.shape[1], patch_left + width)
    behind = frame[y0:y1, x0:x1].copy()
    _blend(behind, _Layers.of(mouth.rgba), patch_left - x0, patch_top - y0)
    _blend(frame, actor.layers(index), left, top)
    frame[y0:y1, x0:x1] = behind


@dataclass(frozen=True, eq=False)
class _MouthPatch:
    """The part of a sprite frame an open mouth changed, and where it sits in that frame."""

    rgba: np.ndarray
    left: int
    top: int


def _open_mouth(
    sprite: np.ndarray, box: tuple[int, int, int, int], loudness: float
) -> _MouthPatch | None:
    """Stretch the lower-lip and chin area downward in proportion to loudness.

    The stretch is feathered at the edges of the box, so no seam shows where it ends.

    Returns:
        The changed rows of the box (RGBA), or None when the box is empty.
    """
    x0, y0, x1, y1 = box
    patch = sprite[y0:y1, x0:x1]
    if patch.size == 0:
        return None
    height = patch.shape[0]
    stretch = 1.0 + 0.35 * min(1.0, loudness)
    tall = cv2.resize(
        patch, (patch.shape[1], round(height * stretch)), interpolation=cv2.INTER_LINEAR
    )
    bottom = min(sprite.shape[0], y0 + tall.shape[0])
    rows = bottom - y0
    weight = _feather(rows, patch.shape[1])
    region = sprite[y0:bottom, x0:x1].astype(np.float32)
    blended = region * (1 - weight) + tall[:rows].astype(np.float32) * weight
    return _MouthPatch(blended.astype(np.uint8), x0, y0)


def _feather(rows: int, columns: int) -> np.ndarray:
    """1 in the middle of the mouth box, fading to 0 at its edges (an oval)."""
    yy, xx = np.mgrid[:rows, :columns].astype(np.float32)
    distance = ((xx - columns / 2) / (columns / 2)) ** 2 + ((yy - rows / 2) / (rows / 2)) ** 2
    return np.clip((1.0 - distance) * 2.5, 0.0, 1.0)[..., None]


def _shadow(frame: np.ndarray, place: _Placement, sprite_width: int) -> None:
    centre_x, centre_y = round(place.centre_x), round(min(place.bottom_y, frame.shape[0] - 3))
    axes = (max(4, round(0.38 * sprite_width)), max(2, round(0.025 * place.height)))
    mask = np.zeros(frame.shape[:2], dtype=np.uint8)
    cv2.ellipse(mask, (centre_x, centre_y), axes, 0, 0, 360, 255, -1)
    y0, y1 = max(0, centre_y - axes[1] - 2), min(frame.shape[0], centre_y + axes[1] + 2)
    x0, x1 = max(0, centre_x - axes[0] - 2), min(frame.shape[1], centre_x + axes[0] + 2)
    if y1 <= y0 or x1 <= x0:
        return
    shade = 1.0 - mask[y0:y1, x0:x1].astype(np.float32) / 255.0 * 0.28
    frame[y0:y1, x0:x1] = (frame[y0:y1, x0:x1] * shade[..., None]).astype(np.uint8)


def _blend(target: np.ndarray, layers: _Layers, left: int, top: int) -> None:
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


def _camera(frame: np.ndarray, plan: ShotPlan, index: int) -> np.ndarray:
    """Apply the shot's camera move with one affine warp, eased in and out."""
    progress = index / max(1, plan.frame_count - 1)
    eased = 0.5 - 0.5 * math.cos(math.pi * progress)
    move = plan.shot.camera
    zoom, shift = 1.0, 0.0
    if move == "push-in":
        zoom = 1.0 + PUSH_ZOOM * eased
    elif move == "pull-out":
        zoom = 1.0 + PUSH_ZOOM * (1.0 - eased)
    elif move == "pan":
        zoom = 1.0 + PAN_FRACTION
        shift = PAN_FRACTION * plan.width * (eased - 0.5)
    rgb = frame
    if zoom == 1.0 and shift == 0.0:
        return rgb
    centre = (plan.width / 2, plan.height * 0.45)
    matrix = cv2.getRotationMatrix2D(centre, 0.0, zoom)
    matrix[0, 2] -= shift
    return cv2.warpAffine(rgb, matrix, (plan.width, plan.height), flags=cv2.INTER_LINEAR,
                          borderMode=cv2.BORDER_REFLECT)  # fmt: skip
