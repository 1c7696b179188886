"""The invisible watermark that carries a clip's id inside its pixels.

Method: ``dwtDctSvd`` from invisible-watermark, on the U (blue-difference) channel with step 48
instead of the library's 36: at 36, H.264 at CRF 20 flipped up to 8 % of the bits of a frame and a
majority vote over 8 frames still left errors; at 48 no bit flipped in our measurements, at a PSNR
of ~39 dB against the unmarked frame (see docs/provenance.md).

Payload (96 bits): the 64-bit clip id followed by a 32-bit check, the first 4 bytes of
SHA-256("costar-watermark-v1" + id). The library repeats the 96 bits over every 8x8-pixel block of
the frame (~65 copies at 832x480) and votes inside the frame; we additionally vote per bit across
frames, then accept the result only if the check matches, so a frame without our watermark (or
with another one) reads as None instead of a random id.

Cost: ~100 ms to embed and ~70 ms to read one 832x480 frame on one core, so we mark every 6th
frame (4 per second at 24 fps) rather than all of them.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np

from core.provenance.errors import WatermarkError

if TYPE_CHECKING:
    from imwatermark import WatermarkDecoder, WatermarkEncoder

WATERMARK_EVERY_NTH_FRAME = 6
WATERMARK_METHOD = "dwtDctSvd"
# Only the U channel carries the mark (Y untouched keeps it invisible; V unused).
WATERMARK_SCALES = (0, 48, 0)
CLIP_ID_PATTERN = re.compile(r"^[0-9a-f]{16}$")
_CHECK_DOMAIN = b"costar-watermark-v1"
_ID_BITS = 64
_CHECK_BYTES = 4
PAYLOAD_BITS = _ID_BITS + 8 * _CHECK_BYTES
# The library refuses frames smaller than this many pixels.
_MIN_PIXELS = 256 * 256


@dataclass(frozen=True)
class WatermarkReading:
    """What the watermark decoder found.

    Attributes:
        clip_id: The 16-hex-digit clip id, or None when no valid watermark was found.
        agreement: Mean fraction of payload bits in each frame that agree with the majority
            vote (1.0 = every frame carried exactly the same bits; ~0.5 = noise).
        frames_read: How many frames were decoded.
    """

    clip_id: str | None
    agreement: float
    frames_read: int


def embed_watermark(frame: np.ndarray, clip_id: str) -> np.ndarray:
    """Return a copy of an RGB frame carrying the clip id as an invisible watermark.

    Args:
        frame: RGB uint8 array of shape (height, width, 3), at least 256x256 pixels.
        clip_id: 16 lowercase hex characters.

    Returns:
        The watermarked RGB uint8 frame (same shape).

    Raises:
        WatermarkError: The clip id is malformed or the frame is too small or not RGB uint8.
    """
    _check_frame(frame)
    encoder = _encoder_for(clip_id)
    # imwatermark works on OpenCV's BGR order.
    marked_bgr = encoder.encode(np.ascontiguousarray(frame[..., ::-1]), WATERMARK_METHOD, **_CONFIG)
    return np.ascontiguousarray(marked_bgr[..., ::-1])


def should_watermark(frame_index: int) -> bool:
    """Tell whether the frame at this index gets the watermark (every 6th, starting at 0).

    Args:
        frame_index: Zero-based index of the frame in the clip.

    Returns:
        True for frames 0, 6, 12, ...
    """
    return frame_index % WATERMARK_EVERY_NTH_FRAME == 0


def decode_watermark_bits(
    frame: np.ndarray, *, embed_size: tuple[int, int] | None = None
) -> np.ndarray:
    """Read the raw payload bits of one frame (no checking).

    Args:
        frame: RGB uint8 array of shape (height, width, 3).
        embed_size: (width, height) the watermark was embedded at. A rescaled frame must be
            brought back to that size first, because the bit layout follows the block grid.

    Returns:
        A bool array of :data:`PAYLOAD_BITS` bits.

    Raises:
        WatermarkError: The frame is too small or not RGB uint8.
    """
    if embed_size is not None and (frame.shape[1], frame.shape[0]) != tuple(embed_size):
        frame = cv2.resize(frame, tuple(embed_size), interpolation=cv2.INTER_LINEAR)
    _check_frame(frame)
    bits = _decoder().decode(np.ascontiguousarray(frame[..., ::-1]), WATERMARK_METHOD, **_CONFIG)
    return np.asarray(bits, dtype=bool)


def read_watermark(
    frames: Iterable[np.ndarray], *, embed_size: tuple[int, int] | None = None
) -> WatermarkReading:
    """Find the clip id in a set of frames by a per-bit majority vote.

    Pass only frames that were marked (every 6th of a clip), or a single frame.

    Args:
        frames: RGB uint8 frames.
        embed_size: (width, height) the watermark was embedded at, if the frames were rescaled.

    Returns:
        A :class:`WatermarkReading`; ``clip_id`` is None when the voted bits fail the check.

    Raises:
        WatermarkError: No frames were given, or a frame is too small or not RGB uint8.
    """
    per_frame = [decode_watermark_bits(frame, embed_size=embed_size) for frame in frames]
    if not per_frame:
        raise WatermarkError("No frames were given to read the watermark from.")
    votes = np.stack(per_frame)
    # Ties (even frame counts) go to 0; the check catches the rare wrong guess.
    consensus = votes.mean(axis=0) > 0.5
    agreement = float((votes == consensus).mean())
    return WatermarkReading(
        clip_id=_clip_id_from_payload(consensus),
        agreement=round(agreement, 4),
        frames_read=len(per_frame),
    )


def payload_bits(clip_id: str) -> np.ndarray:
    """The 96 payload bits embedded for a clip id (64 id bits + 32 check bits).

    Args:
        clip_id: 16 lowercase hex characters.

    Returns:
        A bool array of :data:`PAYLOAD_BITS` bits.

    Raises:
        WatermarkError: The clip id is not 16 lowercase hex characters.
    """
    if not CLIP_ID_PATTERN.match(clip_id):
        raise WatermarkError(f"A clip id is 16 lowercase hex characters; got {clip_id!r}.")
    id_bytes = bytes.fromhex(clip_id)
    payload = id_bytes + _check_bytes(id_bytes)
    return np.unpackbits(np.frombuffer(payload, dtype=np.uint8)).astype(bool)


_CONFIG: dict[str, Any] = {"scales": list(WATERMARK_SCALES)}


def _check_bytes(id_bytes: bytes) -> bytes:
    return hashlib.sha256(_CHECK_DOMAIN + id_bytes).digest()[:_CHECK_BYTES]


def _clip_id_from_payload(bits: np.ndarray) -> str | None:
    payload = np.packbits(bits.astype(np.uint8)).tobytes()
    id_bytes, check = payload[: _ID_BITS // 8], payload[_ID_BITS // 8 :]
    return id_bytes.hex() if check == _check_bytes(id_bytes) else None


@functools.lru_cache(maxsize=64)
def _encoder_for(clip_id: str) -> WatermarkEncoder:
    # Imported here: `import imwatermark` imports torch (for its rivaGan method), ~1-2 s.
    from imwatermark import WatermarkEncoder

    encoder = WatermarkEncoder()
    encoder.set_watermark("bits", [int(bit) for bit in payload_bits(clip_id)])
    return encoder


@functools.cache
def _decoder() -> WatermarkDecoder:
    from imwatermark import WatermarkDecoder

    return WatermarkDecoder("bits", PAYLOAD_BITS)


def _check_frame(frame: np.ndarray) -> None:
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8 or frame.ndim != 3:
        raise WatermarkError("The frame must be an RGB uint8 array of shape (height, width, 3).")
    if frame.shape[2] != 3:
        raise WatermarkError(f"The frame must have 3 colour channels; got {frame.shape[2]}.")
    if frame.shape[0] * frame.shape[1] < _MIN_PIXELS:
        raise WatermarkError(
            f"The frame is {frame.shape[1]}x{frame.shape[0]}; the watermark needs at least "
            "256x256 pixels."
        )
