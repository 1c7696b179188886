"""The embedded CPU renderer: cut-out animation made from the cast's own living sprites.

Every shot is composed on its painted scene. People (and rigged house characters) are figures
with a drawn body under their real head, cut from their reference video and looped so they move
like themselves; the body performs the script's actions from the clip's action timeline (see
:mod:`core.acting`). Close-ups show the living sprite itself; pets and unrigged subjects move as
one piece (run, jump, sit, wag, fetch). Cut-outs are graded toward the scene, rim-lit and given
contact shadows. Camera moves are one affine warp per frame. Everything is a pure function of
the request and seed.

Costs are kept per shot, not per frame: cut-outs are scaled, graded and lit once per shot, the
scene is painted once (``paint_scene`` caches) and each frame blends only small rectangles, in
integer arithmetic.

Lip sync plugs in as ``face_warp``: a function that gets each visible face (a
:class:`core.acting.stage.FaceFrame`) and returns it changed. The default,
:func:`viseme_mouth_warp`, shapes the lips found by the face mesh to the viseme of the phoneme
being said (:mod:`core.generation.lipsync`, :mod:`core.acting.mouth`), on video sprites and
photo-only doubles alike; people silent in the shot keep their mouths still. Without the face
mesh or phoneme timings it falls back to :func:`open_mouth_warp` (loudness).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import math
import threading
from collections.abc import Callable
from typing import TypeVar

import cv2
import numpy as np

from core.acting.blend import blend_rgba
from core.acting.blocking import block_shot
from core.acting.figure import HEAD
from core.acting.mouth import Lips, lips_on_frames
from core.acting.rig import BodyRig, estimate_rig
from core.acting.stage import (
    Performer,
    ShotStage,
    Slot,
    back_of_head,
    grade_frames,
    graded_rig,
    scale_frames,
)
from core.acting.timeline import ActionTimeline, build_timeline, performer_of
from core.generation.speaking_faces import (
    FaceWarp,
    find_mouth_box,
    loudness_by_role,
    mouth_shapes_by_role,
    scaled_lips,
    viseme_mouth_warp,
)
from core.generation.types import CastReference, FrameCallback, RenderRequest, ShotPlan
from core.identity.faces import FaceBackend
from core.identity.mesh import FaceMesh, load_face_mesh
from core.model_files import ModelFileMissingError
from core.scenes.catalog import SCENE_NAMES, paint_scene
from core.scripts.model import mentions_in

logger = logging.getLogger(__name__)

FALLBACK_SCENE = "living_room"
PUSH_ZOOM = 0.12  # push-in ends (and pull-out starts) 12 % closer
PAN_FRACTION = 0.06  # a pan drifts 6 % of the width
MAX_LOOP_FRAMES = 16  # longer reference loops are thinned: each kept frame is graded per shot
# A photo-only double's portrait in a close-up: its height and where its bottom edge sits, as
# shares of the frame height (the mouth lands above the subtitle band; the GPU guide still gets a
# close-up mask a third of the frame).
PHOTO_CLOSE_UP_HEIGHT = 1.0
PHOTO_CLOSE_UP_GROUND = 1.06
HEAD_FADE = 0.12  # the bottom share of a head cut-out fades into the drawn neck

_T = TypeVar("_T")


class AnimaticBackend:
    """``RenderBackend`` that needs no GPU and no model weights.

    Args:
        face_backend: Finds the face (for the mouth) on a sprite once; loaded lazily.
        face_warp: Changes each visible face per frame (lip sync); default:
            :func:`viseme_mouth_warp` (when ``face_backend`` is given).
        face_mesh: Finds the lips on a sprite's frames (once per sprite); None, or a model
            that is not installed: mouths open with the loudness only.
    """

    name = "animatic"

    def __init__(
        self,
        face_backend: Callable[[], FaceBackend] | None = None,
        face_warp: FaceWarp | None = None,
        face_mesh: Callable[[], FaceMesh] | None = load_face_mesh,
    ) -> None:
        self._face_backend = face_backend
        self._face_mesh = face_mesh
        self._face_warp = face_warp if face_warp is not None else viseme_mouth_warp
        self._warps_faces = face_warp is not None or face_backend is not None
        # Per script (a render's shots share one): its timeline; per sprite: rig and mouth.
        self._memo = _Memo()

    @property
    def moves_mouths(self) -> bool:
        """Whether speaking persons' mouths move (it needs a face model to find them)."""
        return self._face_backend is not None

    def timeline(self, request: RenderRequest) -> ActionTimeline:
        """The request's action timeline (built once per request)."""
        performers = {role: performer_of(ref.kind, _sprite_rig(ref) is not None)
                      for role, ref in request.cast.items()}  # fmt: skip
        return self._memo.get(
            ("timeline", request.script, tuple(sorted(performers.items())), request.fps),
            lambda: build_timeline(request.script, performers, fps=request.fps),
        )

    def render_shot(
        self, plan: ShotPlan, request: RenderRequest, *, on_frame: FrameCallback | None = None
    ) -> list[np.ndarray]:
        """Paint ``plan.frame_count`` RGB frames of ``plan.width``×``plan.height``."""
        scene = plan.shot.scene if plan.shot.scene in SCENE_NAMES else FALLBACK_SCENE
        if scene != plan.shot.scene:
            logger.warning("unknown scene %r in shot %d; using %s", plan.shot.scene,
                           plan.index + 1, FALLBACK_SCENE)  # fmt: skip
        timeline = self.timeline(request)
        first = paint_scene(scene, plan.width, plan.height, t=plan.start, seed=request.seed)
        performers = [
            self._performer(slot, request, plan, timeline, first, scene)
            for slot in layout(plan, request)
        ]
        warp = self._face_warp if self._warps_faces else None
        stage = ShotStage(performers, face_warp=warp, blend=blend_rgba,
                          frame_size=(plan.width, plan.height))  # fmt: skip
        loudness = loudness_by_role(plan)
        shapes = mouth_shapes_by_role(plan)
        frames = []
        for index in range(plan.frame_count):
            t = plan.start + index / plan.fps
            frame = paint_scene(scene, plan.width, plan.height, t=t, seed=request.seed)
            levels = {role: float(level[index]) for role, level in loudness.items()}
            mouths = None
            if shapes is not None:
                mouths = {
                    role: (float(s[index, 0]), float(s[index, 1])) for role, s in shapes.items()
                }
            stage.draw(frame, t, levels, mouths)
            frames.append(_camera(frame, plan, index))
            if on_frame is not None:
                on_frame(index + 1, plan.frame_count)
        return frames

    def _performer(
        self,
        slot: Slot,
        request: RenderRequest,
        plan: ShotPlan,
        timeline: ActionTimeline,
        background: np.ndarray,
        scene: str,
    ) -> Performer:
        reference = request.cast[slot.role]
        source, fps = _loop_frames(reference)
        if slot.kind == "bust" and not slot.foreground and reference.sprite is not None:
            # Close-ups start from the sharp full-size frames kept at registration, if any.
            closeup = reference.sprite.closeup
            if closeup:
                source = closeup
                fps = max(2.0, reference.sprite.fps * len(closeup) / len(reference.sprite.frames))
        actions = timeline.for_role(slot.role, plan.index)
        phase = _phase(request.seed, slot.role)
        mouth = self._mouth_in(reference, source)
        lips = self._lips_in(source, mouth) if mouth is not None else ()
        graded_key = (id(source[0]), scene, request.seed, plan.width, plan.height)
        if slot.kind == "figure":
            rig = self._rig(reference, source)
            x0, y0, _x1, _y1 = rig.head_box
            heads = self._memo.get(
                ("heads", *graded_key),
                lambda: grade_frames(
                    [_head_cutout(f, rig.head_box) for f in source], background, scene
                ),
                keep=source,
            )
            graded, scale = scale_frames(heads, max(8, round(HEAD * slot.size)))
            if mouth is not None:
                mouth = _scaled_box(mouth, scale, x0, y0)
            lit = graded_rig(rig, background, scene)
            return Performer(slot, graded, fps, phase, actions, rig=lit, mouth_box=mouth,
                             back_of_head=back_of_head(graded[0], lit.hair),
                             lips=scaled_lips(lips, scale, x0, y0))  # fmt: skip
        whole = self._memo.get(
            ("whole", *graded_key), lambda: grade_frames(source, background, scene), keep=source
        )
        graded, scale = scale_frames(whole, max(8, round(slot.size)))
        if slot.foreground:
            graded = [_soften(frame) for frame in graded]
        rig = self._rig(reference, source) if slot.kind == "bust" else None
        return Performer(slot, graded, fps, phase, actions, rig=rig,
                         mouth_box=_scaled_box(mouth, scale) if mouth else None,
                         source_height=source[0].shape[0],
                         lips=scaled_lips(lips, scale))  # fmt: skip

    def _rig(self, reference: CastReference, source: tuple[np.ndarray, ...]) -> BodyRig:
        stored = _sprite_rig(reference)
        sprite = reference.sprite
        if stored is not None and sprite is not None and source[0] is sprite.frames[0]:
            return stored
        # Old sprites, photo-only doubles and close-up frames: estimated from the outline.
        return self._memo.get(("rig", id(source[0])), lambda: estimate_rig(source), keep=source)

    def _mouth_in(
        self, reference: CastReference, source: tuple[np.ndarray, ...]
    ) -> tuple[int, int, int, int] | None:
        if reference.kind != "person" or self._face_backend is None:
            return None
        backend = self._face_backend
        return self._memo.get(
            ("mouth", id(source[0])),
            lambda: find_mouth_box(backend(), source[len(source) // 2]),
            keep=source,
        )

    def _lips_in(
        self, source: tuple[np.ndarray, ...], box: tuple[int, int, int, int]
    ) -> tuple[Lips | None, ...]:
        """The lips on every source frame (once per sprite, shared by the render's shots)."""
        if self._face_mesh is None:
            return ()
        try:
            mesh = self._face_mesh()
        except ModelFileMissingError as error:
            logger.warning("Lip sync is off (mouths open with loudness only): %s", error)
            self._face_mesh = None
            return ()
        return self._memo.get(
            ("lips", id(source[0]), box), lambda: lips_on_frames(mesh, source, box), keep=source
        )


class _Memo:
    """A small bounded cache for per-render work (shots of one clip share it).

    Entries keyed by an object's id keep that object alive, so the id can't be reused while the
    entry exists; the oldest entries go first.
    """

    LIMIT = 64

    def __init__(self) -> None:
        self._entries: dict[object, tuple[object, object]] = {}
        self._lock = threading.Lock()

    def get(self, key: object, make: Callable[[], _T], *, keep: object = None) -> _T:
        with self._lock:
            if key in self._entries:
                return self._entries[key][1]  # type: ignore[return-value]
        value = make()
        with self._lock:
            self._entries[key] = (keep, value)
            while len(self._entries) > self.LIMIT:
                self._entries.pop(next(iter(self._entries)))
        return value


def on_screen_roles(plan: ShotPlan, request: RenderRequest) -> list[str]:
    """Roles mentioned in the shot, then its speakers; the whole cast when the shot names none.

    Returned in script order, so a role keeps its side of the frame from shot to shot.
    """
    wanted = set(mentions_in(plan.shot.description)) | {line.role for line in plan.shot.dialogue}
    order = [role.name for role in request.script.roles if role.name in request.cast]
    chosen = [name for name in order if name in wanted]
    return chosen or order


def layout(plan: ShotPlan, request: RenderRequest) -> list[Slot]:
    """Where each on-screen role stands and how it is drawn, back to front."""
    roles = on_screen_roles(plan, request)
    speakers = [line.role for line in plan.shot.dialogue if line.role in roles]
    rigged = {role: _sprite_rig(request.cast[role]) is not None
              or request.cast[role].kind == "person" for role in roles}  # fmt: skip
    persons = {role: request.cast[role].kind == "person" for role in roles}
    slots = block_shot(plan.shot.framing, roles, speakers, rigged, persons, plan.width, plan.height)
    return [
        _photo_close_up(slot, plan.height)
        if slot.kind == "bust" and not slot.foreground and request.cast[slot.role].sprite is None
        else slot
        for slot in slots
    ]


def _photo_close_up(slot: Slot, height: int) -> Slot:
    """A photo-only double's close-up: the whole portrait, its mouth above the subtitles.

    Close-ups are blocked for a living sprite (head and shoulders, the head in its top part);
    a portrait is mostly face, so at that size its mouth sat behind the subtitle band.
    """
    return dataclasses.replace(
        slot, size=PHOTO_CLOSE_UP_HEIGHT * height, ground=PHOTO_CLOSE_UP_GROUND * height
    )


def _sprite_rig(reference: CastReference) -> BodyRig | None:
    return reference.sprite.rig if reference.sprite is not None else None


def _loop_frames(reference: CastReference) -> tuple[tuple[np.ndarray, ...], float]:
    """The cut-out frames to loop and their rate; long loops thinned to MAX_LOOP_FRAMES."""
    if reference.sprite is None:
        return (_portrait_cutout(reference.portrait),), 8.0
    frames, fps = reference.sprite.frames, reference.sprite.fps
    step = max(1, math.ceil(len(frames) / MAX_LOOP_FRAMES))
    return frames[::step], fps / step


def _head_cutout(frame: np.ndarray, box: tuple[int, int, int, int]) -> np.ndarray:
    """The head from one sprite frame, its neck fading out so it sits on the drawn neck."""
    x0, y0, x1, y1 = box
    head = frame[y0:y1, x0:x1].copy()
    rows = head.shape[0]
    fade = np.clip((np.arange(rows) - (1 - HEAD_FADE) * rows) / (HEAD_FADE * rows), 0.0, 1.0)
    head[..., 3] = (head[..., 3] * (1.0 - fade[:, None])).astype(np.uint8)
    return head


def _scaled_box(
    box: tuple[int, int, int, int], scale: float, dx: int = 0, dy: int = 0
) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = box
    return (round((x0 - dx) * scale), round((y0 - dy) * scale),
            round((x1 - dx) * scale), round((y1 - dy) * scale))  # fmt: skip


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


def _phase(seed: int, role: str) -> float:
    digest = hashlib.sha256(f"{seed}:{role}".encode()).digest()
    return int.from_bytes(digest[:4], "big") / 2**32


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
