"""House characters: original co-stars drawn by code, castable by everyone.

Nobody's likeness is used, so they need no consent ledger; they carry the same provenance as
any double (their id and a fixed "house character" marker go into the clip's manifest) and are
labelled "house character" wherever they are shown. Each has a drawn, blinking head (a short
living sprite) with a body rig, or, for the cat, a whole drawn body that moves as one piece,
plus its own stock voice (a fixed shift of the built-in voice).
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from core.acting.rig import BodyRig
from core.generation.types import CastReference
from core.reference.sprite import LivingSprite
from core.types import DoubleKind
from core.voice.shift import VoiceShift

HOUSE_LABEL = "house character"
HOUSE_CONSENT_MARKER = hashlib.sha256(b"costar-house-character:no-likeness").hexdigest()
HEAD_SIZE = (240, 280)  # width, height of a drawn head frame
FRAMES = 12
FPS = 8.0
OUTLINE = (40, 32, 36, 255)
AA = cv2.LINE_AA


@dataclass(frozen=True)
class HouseCharacter:
    """One house character.

    Attributes:
        handle: Its @handle (the same for everyone).
        display_name: Shown in subtitles and the cast list.
        kind: "character" (a body with arms) or "pet".
        description: Words prompt-based backends may use.
        voice: Its stock voice (pitch and formant shift of the built-in voice).
    """

    handle: str
    display_name: str
    kind: DoubleKind
    description: str
    voice: VoiceShift
    _paint: Callable[[int], np.ndarray]
    _rig: Callable[[], BodyRig | None]

    @property
    def label(self) -> str:
        """How it is named wherever it is shown: "Bolt (house character)"."""
        return f"{self.display_name} ({HOUSE_LABEL})"

    def sprite(self) -> LivingSprite:
        """Its living sprite (drawn once per process)."""
        return _sprite_of(self.handle)

    def portrait(self) -> np.ndarray:
        """An RGB portrait on white (reference image for other backends, gallery cards)."""
        rgba = self.sprite().frames[0]
        alpha = rgba[..., 3:4].astype(np.float32) / 255.0
        return (rgba[..., :3] * alpha + 255 * (1 - alpha)).astype(np.uint8)


def _canvas(size: tuple[int, int] = HEAD_SIZE) -> np.ndarray:
    return np.zeros((size[1], size[0], 4), np.uint8)


def _blink(frame: int) -> float:
    """Eyes open (1) except a quick blink every loop."""
    return 0.15 if frame in (5, 6) else 1.0


def _eyes(
    img: np.ndarray, centres: list[tuple[int, int]], r: int, open_: float, colour: tuple[int, ...]
) -> None:
    for cx, cy in centres:
        ry = max(1, round(r * open_))
        cv2.ellipse(img, (cx, cy), (r + 3, ry + 3), 0, 0, 360, OUTLINE, -1, AA)
        cv2.ellipse(img, (cx, cy), (r, ry), 0, 0, 360, colour, -1, AA)
        if open_ > 0.5:
            cv2.circle(
                img, (cx + r // 3, cy - r // 3), max(2, r // 3), (255, 255, 255, 255), -1, AA
            )


def _paint_robot(frame: int) -> np.ndarray:
    img = _canvas()
    glow = 200 + round(40 * math.sin(frame / FRAMES * 2 * math.pi))
    cv2.line(img, (120, 62), (120, 22), OUTLINE, 9, AA)
    cv2.line(img, (120, 62), (120, 22), (170, 180, 196, 255), 5, AA)
    cv2.circle(img, (120, 18), 13, OUTLINE, -1, AA)
    cv2.circle(
        img, (120, 18), 10, (255, 90, 80, 255) if frame % 6 < 3 else (255, 180, 80, 255), -1, AA
    )
    cv2.rectangle(img, (34, 60), (206, 252), OUTLINE, -1, AA)
    cv2.rectangle(img, (40, 66), (200, 246), (176, 188, 204, 255), -1, AA)
    cv2.rectangle(img, (40, 66), (200, 92), (200, 210, 224, 255), -1, AA)
    for x in (24, 206):
        cv2.rectangle(img, (x, 130), (x + 12, 180), OUTLINE, -1, AA)
    _eyes(img, [(88, 140), (152, 140)], 20, _blink(frame), (60, glow, 255, 255))
    cv2.rectangle(img, (78, 194), (162, 222), OUTLINE, -1, AA)
    for x in range(84, 160, 12):
        level = 0.5 + 0.5 * math.sin(frame * 1.3 + x)
        cv2.rectangle(img, (x, 214 - round(14 * level)), (x + 7, 218), (80, 230, 255, 255), -1)
    cv2.rectangle(img, (60, 268), (180, 279), OUTLINE, -1, AA)
    return img


def _paint_pirate(frame: int) -> np.ndarray:
    img = _canvas()
    skin = (232, 184, 150, 255)
    cv2.ellipse(img, (120, 168), (82, 96), 0, 0, 360, OUTLINE, -1, AA)
    cv2.ellipse(img, (120, 168), (78, 92), 0, 0, 360, skin, -1, AA)
    cv2.ellipse(img, (120, 222), (70, 52), 0, 0, 180, (120, 62, 40, 255), -1, AA)  # beard
    cv2.ellipse(img, (120, 206), (26, 10), 0, 0, 180, (150, 40, 50, 255), -1, AA)  # smile
    _eyes(img, [(150, 150)], 12, _blink(frame), (40, 30, 30, 255))
    cv2.ellipse(img, (88, 150), (20, 17), 0, 0, 360, (20, 20, 24, 255), -1, AA)  # eye patch
    cv2.line(img, (50, 118), (186, 170), (20, 20, 24, 255), 5, AA)
    cv2.ellipse(img, (120, 176), (12, 9), 0, 0, 360, (214, 150, 120, 255), -1, AA)
    hat = np.array([[12, 104], [120, 20], [228, 104], [120, 88]], np.int32)
    cv2.fillPoly(img, [hat], OUTLINE, AA)
    cv2.fillPoly(img, [hat + np.array([[5, -2], [0, 6], [-5, -2], [0, -6]])], (36, 34, 44, 255), AA)
    cv2.polylines(img, [hat], True, (230, 190, 70, 255), 4, AA)
    cv2.circle(img, (120, 62), 13, (240, 240, 235, 255), -1, AA)  # skull badge
    return img


def _paint_grandma(frame: int) -> np.ndarray:
    img = _canvas()
    hair = (222, 222, 230, 255)
    cv2.circle(img, (120, 42), 34, OUTLINE, -1, AA)
    cv2.circle(img, (120, 42), 30, hair, -1, AA)  # bun
    cv2.ellipse(img, (120, 150), (92, 104), 0, 0, 360, OUTLINE, -1, AA)
    cv2.ellipse(img, (120, 150), (88, 100), 0, 0, 360, hair, -1, AA)
    cv2.ellipse(img, (120, 176), (72, 84), 0, 0, 360, (238, 196, 170, 255), -1, AA)
    cv2.ellipse(img, (120, 110), (74, 34), 0, 180, 360, hair, -1, AA)
    for cx in (84, 156):
        cv2.circle(img, (cx, 196), 16, (240, 150, 150, 255), -1, AA)  # rosy cheeks
    _eyes(img, [(92, 166), (148, 166)], 9, _blink(frame), (60, 50, 50, 255))
    for cx in (92, 148):
        cv2.circle(img, (cx, 166), 24, OUTLINE, 4, AA)  # round glasses
    cv2.line(img, (116, 166), (124, 166), OUTLINE, 4, AA)
    cv2.ellipse(img, (120, 214), (22, 9), 0, 0, 180, (170, 70, 80, 255), -1, AA)
    cv2.ellipse(img, (120, 192), (9, 7), 0, 0, 360, (220, 170, 150, 255), -1, AA)
    return img


def _paint_cat(frame: int) -> np.ndarray:
    img = _canvas((300, 240))
    fur, dark = (238, 150, 70, 255), (200, 110, 40, 255)
    sway = math.sin(frame / FRAMES * 2 * math.pi)
    tail = [(60, 170), (30, 130 - round(10 * sway)), (22 + round(12 * sway), 80)]
    for a, b in itertools.pairwise(tail):
        cv2.line(img, a, b, OUTLINE, 24, AA)
    for a, b in itertools.pairwise(tail):
        cv2.line(img, a, b, fur, 17, AA)
    cv2.ellipse(img, (128, 170), (80, 50), 0, 0, 360, OUTLINE, -1, AA)
    cv2.ellipse(img, (128, 170), (76, 46), 0, 0, 360, fur, -1, AA)
    for x in (80, 108, 150, 176):
        cv2.rectangle(img, (x - 12, 190), (x + 12, 236), OUTLINE, -1, AA)
        cv2.rectangle(img, (x - 9, 190), (x + 9, 232), fur, -1, AA)
    for x in (105, 130, 155):
        cv2.line(img, (x, 128), (x - 6, 152), dark, 7, AA)  # stripes
    head = (216, 108)
    for dx in (-30, 30):
        ear = np.array([[head[0] + dx - 22, head[1] - 28], [head[0] + dx + dx // 3, head[1] - 74],
                        [head[0] + dx + 22, head[1] - 28]], np.int32)  # fmt: skip
        cv2.fillPoly(img, [ear], OUTLINE, AA)
        cv2.fillPoly(img, [ear + np.array([[4, -2], [0, 6], [-4, -2]])], fur, AA)
    cv2.circle(img, head, 58, OUTLINE, -1, AA)
    cv2.circle(img, head, 54, fur, -1, AA)
    cv2.ellipse(img, (head[0], head[1] + 26), (30, 20), 0, 0, 360, (250, 236, 220, 255), -1, AA)
    _eyes(img, [(head[0] - 22, head[1] - 6), (head[0] + 22, head[1] - 6)], 10,
          _blink(frame), (90, 190, 90, 255))  # fmt: skip
    cv2.circle(img, (head[0], head[1] + 16), 6, (220, 110, 130, 255), -1, AA)
    for side in (-1, 1):
        for dy in (-4, 8):
            cv2.line(img, (head[0] + side * 18, head[1] + 20 + dy),
                     (head[0] + side * 60, head[1] + 14 + dy * 2), OUTLINE, 2, AA)  # fmt: skip
    return img


def _paint_alien(frame: int) -> np.ndarray:
    img = _canvas()
    green, dark = (140, 214, 120, 255), (90, 160, 80, 255)
    bob = round(4 * math.sin(frame / FRAMES * 2 * math.pi))
    for side in (-1, 1):
        tip = (120 + side * 58, 22 + bob)
        cv2.line(img, (120 + side * 30, 70), tip, OUTLINE, 8, AA)
        cv2.line(img, (120 + side * 30, 70), tip, dark, 4, AA)
        cv2.circle(img, tip, 12, OUTLINE, -1, AA)
        cv2.circle(img, tip, 9, (250, 220, 90, 255), -1, AA)
    cv2.ellipse(img, (120, 160), (96, 110), 0, 0, 360, OUTLINE, -1, AA)
    cv2.ellipse(img, (120, 160), (92, 106), 0, 0, 360, green, -1, AA)
    for cx in (80, 160):
        ry = max(2, round(30 * _blink(frame)))
        cv2.ellipse(img, (cx, 150), (26, ry), 0, 0, 360, (24, 24, 40, 255), -1, AA)
        if ry > 10:
            cv2.circle(img, (cx + 8, 140), 7, (255, 255, 255, 255), -1, AA)
    cv2.ellipse(img, (120, 222), (30, 12), 0, 0, 180, (60, 90, 50, 255), -1, AA)
    return img


def _head_rig(skin: tuple[int, int, int], shirt: tuple[int, int, int],
              hair: tuple[int, int, int], trousers: tuple[int, int, int]) -> BodyRig:  # fmt: skip
    width, height = HEAD_SIZE
    return BodyRig((0, 0, width, height), (width // 2, height // 2), 0, skin, shirt, hair,
                   trousers, source="drawn")  # fmt: skip


HOUSE_CHARACTERS: tuple[HouseCharacter, ...] = (
    HouseCharacter(
        "bolt_robot", "Bolt", "character",
        "a friendly boxy robot with an antenna and glowing blue eyes",
        VoiceShift(0.82, 0.9, 0.0), _paint_robot,
        lambda: _head_rig((190, 200, 214), (120, 140, 170), (176, 188, 204), (70, 76, 90)),
    ),
    HouseCharacter(
        "captain_jade", "Captain Jade", "character",
        "a cheerful pirate captain with a tricorn hat, an eye patch and a red beard",
        VoiceShift(0.9, 0.95, 0.0), _paint_pirate,
        lambda: _head_rig((232, 184, 150), (196, 52, 56), (36, 34, 44), (96, 70, 50)),
    ),
    HouseCharacter(
        "grandma_rosa", "Grandma Rosa", "character",
        "a warm grandmother with a silver bun, round glasses and rosy cheeks",
        VoiceShift(1.25, 1.1, 0.0), _paint_grandma,
        lambda: _head_rig((238, 196, 170), (170, 140, 200), (222, 222, 230), (90, 80, 110)),
    ),
    HouseCharacter(
        "zip_alien", "Zip", "character",
        "a small green alien with big dark eyes and two bobbing antennae",
        VoiceShift(1.35, 1.2, 0.0), _paint_alien,
        lambda: _head_rig((140, 214, 120), (250, 200, 70), (90, 160, 80), (60, 70, 120)),
    ),
    HouseCharacter(
        "miso_cat", "Miso", "pet",
        "a round orange tabby cat with green eyes",
        VoiceShift(1.5, 1.25, 0.0), _paint_cat, lambda: None,
    ),
)  # fmt: skip
HOUSE_BY_HANDLE = {character.handle: character for character in HOUSE_CHARACTERS}


def is_house_handle(handle: str) -> bool:
    """Whether ``handle`` names a house character."""
    return handle in HOUSE_BY_HANDLE


@functools.cache
def _sprite_of(handle: str) -> LivingSprite:
    character = HOUSE_BY_HANDLE[handle]
    frames = tuple(character._paint(index) for index in range(FRAMES))
    for frame in frames:
        frame.setflags(write=False)
    height, width = frames[0].shape[:2]
    return LivingSprite(frames=frames, fps=FPS, source_box=(0, 0, width, height),
                        rig=character._rig())  # fmt: skip


def house_double_id(handle: str) -> str:
    """The opaque id a house character has wherever a double's id goes (manifest, clip cast)."""
    return f"house-{handle}"


def house_cast_reference(handle: str, role: str) -> CastReference:
    """A house character as a cast member of ``role`` (for the renderer and the manifest).

    Raises:
        KeyError: ``handle`` is not a house character.
    """
    character = HOUSE_BY_HANDLE[handle]
    return CastReference(
        role=role,
        double_id=house_double_id(handle),
        consent_event_hash=HOUSE_CONSENT_MARKER,
        handle=handle,
        kind=character.kind,
        display_name=character.display_name,
        description=character.description,
        portrait=character.portrait(),
        sprite=character.sprite(),
        voice_shift=character.voice,
    )
