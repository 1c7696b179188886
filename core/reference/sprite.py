"""The "living sprite": a double's reference frames cut out and looped by the CPU renderer.

`build_sprite` crops every frame to the subject's union bounding box (the same box for all
frames, so the subject's own motion survives), scales to a fixed height and keeps RGBA frames.
`frame_at` plays them forwards then backwards (ping-pong), so the loop never jumps.

Stored form (`to_bytes`), a ZIP archive with entries stored uncompressed (the images already are):

    sprite.json           {"format": "costar-living-sprite", "version": 1, "fps": 12.0,
                           "width": 270, "height": 480, "frame_count": 60,
                           "frame_format": "webp", "source_box": [x, y, w, h],
                           "mouth_openness": null | [float, ...]}
    frames/000000.webp    RGBA frame 0 (lossy colour, lossless alpha)
    frames/000001.webp    ...
    rig.json              optional: the body rig (core.acting.rig), when one was built
    closeup/000000.webp   optional: head-and-shoulders frames at full size (core.acting.closeup)
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import cv2
import numpy as np
from PIL import Image

from core.acting.rig import BodyRig
from core.sentences import sentence

SPRITE_FORMAT = "costar-living-sprite"
SPRITE_VERSION = 1
HEADER_NAME = "sprite.json"
RIG_NAME = "rig.json"
# Alpha at or above this counts as subject when finding the crop box (ignores feather haze).
BOX_ALPHA_FLOOR = 32
CROP_MARGIN = 0.05  # share of the box size added on each side so hair and hands are not cut
WEBP_QUALITY = 80
MAX_SPRITE_FRAMES = 30 * 30  # 30 s at 30 fps; anything more is not a sprite we made


class SpriteError(Exception):
    """Base error for living sprites."""


class EmptySpriteError(SpriteError):
    """The mattes contain no subject to cut out."""


class SpriteFormatError(SpriteError):
    """Stored sprite bytes are damaged or of an unknown format."""


@dataclass(frozen=True, eq=False)
class LivingSprite:
    """Cut-out RGBA frames of a subject, played in a ping-pong loop.

    Attributes:
        frames: HxWx4 uint8 RGBA frames, all the same size.
        fps: Playback rate of `frames`.
        source_box: (x, y, width, height) of the crop in the source frames.
        mouth_openness: One value in [0, 1] per frame, or None until a face model fills it.
        rig: The body rig built at registration (head box, body colours), or None.
        closeup: Sharp head-and-shoulders RGBA frames for close-ups (may be empty).
    """

    frames: tuple[np.ndarray, ...]
    fps: float
    source_box: tuple[int, int, int, int]
    mouth_openness: np.ndarray | None = None
    rig: BodyRig | None = None
    closeup: tuple[np.ndarray, ...] = ()

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) of every frame."""
        height, width = self.frames[0].shape[:2]
        return width, height

    @property
    def duration(self) -> float:
        """Length of one forward pass in seconds."""
        return len(self.frames) / self.fps

    def frame_index_at(self, t_seconds: float) -> int:
        """Index of the frame shown at `t_seconds` in the ping-pong loop 0,1,…,n-1,n-2,…,1,0,…"""
        count = len(self.frames)
        if count == 1:
            return 0
        period = 2 * (count - 1)
        step = int(np.floor(t_seconds * self.fps + 1e-6)) % period
        return step if step < count else period - step

    def frame_at(self, t_seconds: float) -> np.ndarray:
        """The RGBA frame to show at `t_seconds` (any real time; the loop repeats forever).

        Args:
            t_seconds: Time since the sprite started playing.

        Returns:
            HxWx4 uint8 RGBA frame.
        """
        return self.frames[self.frame_index_at(t_seconds)]

    def to_bytes(self) -> bytes:
        """Serialise to the documented ZIP container (see the module docstring).

        Returns:
            The archive's bytes.
        """
        width, height = self.size
        header = {
            "format": SPRITE_FORMAT,
            "version": SPRITE_VERSION,
            "fps": self.fps,
            "width": width,
            "height": height,
            "frame_count": len(self.frames),
            "frame_format": "webp",
            "source_box": list(self.source_box),
            "mouth_openness": (
                None if self.mouth_openness is None else [float(v) for v in self.mouth_openness]
            ),
        }
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(HEADER_NAME, json.dumps(header, indent=1))
            # libwebp releases the GIL, so two threads use both cores of a small machine.
            with ThreadPoolExecutor(max_workers=2) as pool:
                encoded = list(pool.map(_encode_webp, self.frames))
            for index, data in enumerate(encoded):
                archive.writestr(f"frames/{index:06d}.webp", data)
            if self.rig is not None:
                archive.writestr(RIG_NAME, self.rig.to_json())
            for index, frame in enumerate(self.closeup):
                archive.writestr(f"closeup/{index:06d}.webp", _encode_webp(frame))
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> LivingSprite:
        """Read a sprite written by `to_bytes`.

        Args:
            data: The archive's bytes.

        Returns:
            The sprite.

        Raises:
            SpriteFormatError: Not a sprite archive, an unknown version, or damaged frames.
        """
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                header = _read_header(archive)
                count = header["frame_count"]
                frames = tuple(
                    _decode_webp(archive.read(f"frames/{index:06d}.webp")) for index in range(count)
                )
                names = set(archive.namelist())
                # A sprite stored before rigs existed has none: the renderer estimates one.
                rig = (
                    BodyRig.from_json(archive.read(RIG_NAME).decode())
                    if RIG_NAME in names
                    else None
                )
                closeup = tuple(
                    _decode_webp(archive.read(name))
                    for name in sorted(n for n in names if n.startswith("closeup/"))
                )
        except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
            raise SpriteFormatError(f"The stored sprite is damaged: {error}") from error
        expected = (header["height"], header["width"], 4)
        if any(frame.shape != expected for frame in frames):
            raise SpriteFormatError("The stored sprite's frames do not match its header.")
        mouth = header.get("mouth_openness")
        return cls(
            frames=frames,
            fps=float(header["fps"]),
            source_box=tuple(int(v) for v in header["source_box"]),
            mouth_openness=None if mouth is None else np.asarray(mouth, dtype=np.float32),
            rig=rig,
            closeup=closeup,
        )


def _read_header(archive: zipfile.ZipFile) -> dict:
    header = json.loads(archive.read(HEADER_NAME))
    if header.get("format") != SPRITE_FORMAT:
        raise SpriteFormatError("These bytes are not a Co-Star living sprite.")
    if header.get("version") != SPRITE_VERSION:
        raise SpriteFormatError(
            f"Living sprite version {header.get('version')} is not supported "
            f"(this app reads version {SPRITE_VERSION}); please rebuild the double's sprite."
        )
    if not 0 < int(header["frame_count"]) <= MAX_SPRITE_FRAMES or float(header["fps"]) <= 0:
        raise SpriteFormatError("The stored sprite's header has an impossible frame count or fps.")
    return header


def _encode_webp(rgba: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    # method=1 encodes ~3x faster than the default 4 for slightly larger files (registration
    # must finish in seconds); alpha stays lossless so edges are exact.
    Image.fromarray(rgba, "RGBA").save(buffer, "WEBP", quality=WEBP_QUALITY, method=1)
    return buffer.getvalue()


def _decode_webp(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as image:
        if image.format != "WEBP":
            raise ValueError(f"a sprite frame is {image.format}, expected WEBP")
        return np.asarray(image.convert("RGBA"), dtype=np.uint8).copy()


def _union_box(mattes: Sequence[np.ndarray]) -> tuple[int, int, int, int] | None:
    union = np.zeros(mattes[0].shape, bool)
    for matte in mattes:
        union |= matte >= BOX_ALPHA_FLOOR
    rows, columns = np.flatnonzero(union.any(axis=1)), np.flatnonzero(union.any(axis=0))
    if rows.size == 0:
        return None
    return int(columns[0]), int(rows[0]), int(columns[-1] + 1), int(rows[-1] + 1)


def _with_margin(
    box: tuple[int, int, int, int], width: int, height: int
) -> tuple[int, int, int, int]:
    left, top, right, bottom = box
    pad_x = round((right - left) * CROP_MARGIN)
    pad_y = round((bottom - top) * CROP_MARGIN)
    left, top = max(0, left - pad_x), max(0, top - pad_y)
    right, bottom = min(width, right + pad_x), min(height, bottom + pad_y)
    return left, top, right - left, bottom - top


def build_sprite(
    frames: Sequence[np.ndarray],
    mattes: Sequence[np.ndarray],
    *,
    height: int = 480,
    fps: float,
) -> LivingSprite:
    """Cut the subject out of every frame into a looping sprite.

    Args:
        frames: RGB uint8 reference frames (HxWx3), all the same size.
        mattes: One HxW uint8 alpha matte per frame (from `core.reference.matting`).
        height: Height of the sprite frames in pixels; width follows the crop's aspect ratio.
        fps: Frame rate of `frames`.

    Returns:
        The living sprite (mouth openness not yet measured: None).

    Raises:
        ValueError: Frames and mattes are empty, differ in number or size, or fps/height ≤ 0.
        EmptySpriteError: No matte contains any subject.
    """
    if not frames or len(frames) != len(mattes):
        raise ValueError(
            f"Need one matte per frame; got {len(frames)} frames, {len(mattes)} mattes."
        )
    if fps <= 0 or height <= 0:
        raise ValueError(f"fps and height must be positive; got fps={fps}, height={height}.")
    frame_height, frame_width = frames[0].shape[:2]
    for frame, matte in zip(frames, mattes, strict=True):
        if frame.shape[:2] != (frame_height, frame_width) or matte.shape != frame.shape[:2]:
            raise ValueError("All frames and mattes must have the same height and width.")
    union = _union_box(mattes)
    if union is None:
        raise EmptySpriteError(
            sentence(
                "reference.sprite_empty",
                "The subject was not found in any frame, so there is nothing to cut out. "
                "Please record the reference again with the subject clearly in view.",
            )
        )
    x, y, box_width, box_height = _with_margin(union, frame_width, frame_height)
    sprite_width = max(1, round(box_width * height / box_height))
    shrinking = height < box_height
    interpolation = cv2.INTER_AREA if shrinking else cv2.INTER_CUBIC
    sprite_frames = []
    for frame, matte in zip(frames, mattes, strict=True):
        rgba = np.dstack(
            [
                frame[y : y + box_height, x : x + box_width],
                matte[y : y + box_height, x : x + box_width],
            ]
        )
        scaled = cv2.resize(rgba, (sprite_width, height), interpolation=interpolation)
        scaled[scaled[..., 3] == 0, :3] = 0  # hidden colour would only cost bytes
        sprite_frames.append(scaled)
    return LivingSprite(
        frames=tuple(sprite_frames), fps=float(fps), source_box=(x, y, box_width, box_height)
    )
