"""The invisible watermark that carries a clip's id inside its pixels.

Method: ``dwtDctSvd`` from invisible-watermark, on the U (blue-difference) channel with step 48
instead of the library's 36: at 36, H.264 at CRF 20 flipped up to 8 % of the bits of a frame and a
majority vote over 8 frames still left errors; at 48 no bit flipped in our measurements, at a PSNR
of ~39 dB against the unmarked frame (see docs/provenance.md).

Payload (96 bits): the 64-bit clip id followed by a 32-bit check, the first 4 bytes of
SHA-256("costar-watermark-v1" + id). The library repeats the 96 bits over every 8x8-pixel block of
the frame (~65 copies at 832x480) and votes inside the frame; we additionally vote per bit across
frames, then accept the result only if the check matches (after correcting up to two bits that
H.264 flipped the same way in every frame), so a frame without our watermark (or with another one)
reads as None instead of a random id.

Embedding is our own vectorised implementation of that method (the library loops over ~6,000
4x4 blocks in Python, ~100 ms per 832x480 frame and holding the GIL; this takes ~10-15 ms: the
top singular pair of every block at once, by squaring Gram matrices). Reading uses the
library's decoder, so the two stay compatible. One deliberate difference: the library's
inverse DWT swaps the horizontal and vertical detail bands, which smears the U channel's fine
detail; we change only the approximation band, the only band the decoder reads, so a marked
frame is closer to the original.

Cost: ~10-15 ms to embed and ~70 ms to read one 832x480 frame on one core. We mark every 6th frame
(4 per second at 24 fps) so that a verifier decoding a few seconds gets many votes.
"""

from __future__ import annotations

import functools
import hashlib
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import cv2
import numpy as np

from core.provenance.errors import WatermarkError

if TYPE_CHECKING:
    from imwatermark import WatermarkDecoder

WATERMARK_EVERY_NTH_FRAME = 6
WATERMARK_METHOD = "dwtDctSvd"
# Only the U channel carries the mark (Y untouched keeps it invisible; V unused).
WATERMARK_SCALES = (0, 48, 0)
CLIP_ID_PATTERN = re.compile(r"^[0-9a-f]{16}$")
_CHECK_DOMAIN = b"costar-watermark-v1"
_ID_BITS = 64
_CHECK_BYTES = 4
PAYLOAD_BITS = _ID_BITS + 8 * _CHECK_BYTES
# Voted payloads this many bits away from a valid one are still read (see clip_id_from_bits).
MAX_CORRECTED_BITS = 2
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
        corrected_bits: Voted bits the payload's check corrected (0 when it read cleanly).
    """

    clip_id: str | None
    agreement: float
    frames_read: int
    corrected_bits: int = 0


def embed_watermark(frame: np.ndarray, clip_id: str) -> np.ndarray:
    """Return a copy of an RGB frame carrying the clip id as an invisible watermark.

    Args:
        frame: RGB uint8 array of shape (height, width, 3), at least 256x256 pixels.
        clip_id: 16 lowercase hex characters.

    Returns:
        The watermarked RGB uint8 frame (same shape), readable by :func:`read_watermark`.

    Raises:
        WatermarkError: The clip id is malformed or the frame is too small or not RGB uint8.
    """
    bits = payload_bits(clip_id)
    _check_frame(frame)
    # OpenCV's YUV (not YCrCb): the colour space imwatermark's decoder reads the mark from.
    yuv = cv2.cvtColor(frame, cv2.COLOR_RGB2YUV)
    for channel, scale in enumerate(WATERMARK_SCALES):
        if scale > 0:
            yuv[..., channel] = _embed_in_plane(yuv[..., channel], bits, scale)
    return cv2.cvtColor(yuv, cv2.COLOR_YUV2RGB)


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
    clip_id, corrected = clip_id_from_bits(consensus)
    return WatermarkReading(
        clip_id=clip_id,
        agreement=round(agreement, 4),
        frames_read=len(per_frame),
        corrected_bits=corrected,
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
_BLOCK = 4  # block side in the DWT approximation band, as imwatermark uses
# Gram-matrix squarings before the top singular vector counts as found: after k squarings the
# second direction is damped by (s2 / s1) ** (2 ** (k + 1)).
_GRAM_SQUARINGS = 6
_EIGEN_TOLERANCE = 1e-10  # relative residual; blocks above it get a full SVD instead
_TINY = np.finfo(np.float64).tiny


def _embed_in_plane(plane: np.ndarray, bits: np.ndarray, scale: int) -> np.ndarray:
    """Embed ``bits`` into one uint8 plane the way imwatermark's dwtDctSvd does, vectorised.

    The method takes the one-level Haar approximation band, cuts it into 4x4 blocks in raster
    order (block k carries bit k mod 96), and moves the largest singular value of each block's
    2-D DCT to (floor(s / scale) + 0.25 + 0.5 * bit) * scale. The DCT is orthonormal, so that
    singular value and its singular vectors are those of the block itself (rotated); changing
    only it equals adding (new - old) * u v^T to the block, with (u, v) the block's own top
    singular pair. No DCT is needed; :func:`_top_singular_pairs` finds that pair for all blocks
    at once.
    """
    rows, cols = plane.shape[0] // 4 * 4, plane.shape[1] // 4 * 4
    pixels = plane[:rows, :cols].astype(np.float64)
    # Haar approximation: each 2x2 pixel square sums to 2x its coefficient (orthonormal Haar).
    # Four strided adds: numpy's sum over axes (1, 3) of this view is ~20x slower.
    squares = pixels.reshape(rows // 2, 2, cols // 2, 2)
    approx = (
        squares[:, 0, :, 0] + squares[:, 0, :, 1] + squares[:, 1, :, 0] + squares[:, 1, :, 1]
    ) / 2.0
    block_rows, block_cols = approx.shape[0] // _BLOCK, approx.shape[1] // _BLOCK
    covered = approx[: block_rows * _BLOCK, : block_cols * _BLOCK]
    blocks = covered.reshape(block_rows, _BLOCK, block_cols, _BLOCK).swapaxes(1, 2)
    blocks = blocks.reshape(-1, _BLOCK, _BLOCK)
    left, top, right = _top_singular_pairs(blocks)
    wanted = np.resize(bits.astype(np.float64), len(blocks))
    target = (np.floor(top / scale) + 0.25 + 0.5 * wanted) * scale
    change = (target - top)[:, None, None] * (left[:, :, None] * right[:, None, :])
    change = change.reshape(block_rows, block_cols, _BLOCK, _BLOCK).swapaxes(1, 2)
    approx_change = np.zeros_like(approx)
    approx_change[: block_rows * _BLOCK, : block_cols * _BLOCK] = change.reshape(covered.shape)
    # Inverse Haar with unchanged detail bands: each pixel of a 2x2 square moves by delta / 2.
    pixel_change = np.repeat(np.repeat(approx_change / 2.0, 2, axis=0), 2, axis=1)
    marked = plane.copy()
    # Truncate, as the library does: rounding to nearest measured worse after two H.264
    # passes (48 vs 1 flipped bits over 16 frames of the astronaut pan, docs/benchmarks.md).
    marked[:rows, :cols] = np.clip(pixels + pixel_change, 0, 255).astype(np.uint8)
    return marked


def _top_singular_pairs(blocks: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The largest singular value of each block and its left and right singular vectors.

    The top right singular vector is the top eigenvector of the Gram matrix ``B^T B``; raising
    that matrix to the power 2^k (k squarings) leaves only it in every column. Pixel values are
    all positive, so in image blocks the top singular value dwarfs the others and a few
    squarings reach machine precision. Blocks where they do not (all-zero blocks, or two
    nearly equal top values) go through a full SVD. About three times faster than an SVD of
    every block, which was most of the embedding time.

    Args:
        blocks: (n, 4, 4) float64.

    Returns:
        (left (n, 4), values (n,), right (n, 4)).
    """
    gram = np.matmul(blocks.transpose(0, 2, 1), blocks)
    power = gram
    for _ in range(_GRAM_SQUARINGS):
        power = power @ power
        # Rescale each block so powers of large values neither overflow nor underflow.
        power /= np.maximum(power.reshape(-1, 16).max(axis=1), _TINY)[:, None, None]
    strongest = np.square(power).sum(axis=1).argmax(axis=1)
    column = np.take_along_axis(power, strongest[:, None, None], axis=2)[..., 0]
    right = column / np.maximum(np.linalg.norm(column, axis=1, keepdims=True), _TINY)
    projected = _times_vectors(blocks, right)
    values = np.linalg.norm(projected, axis=1)
    eigenvalues = np.square(values)
    residual = np.linalg.norm(_times_vectors(gram, right) - eigenvalues[:, None] * right, axis=1)
    unsettled = (eigenvalues <= 0.0) | ~(residual <= _EIGEN_TOLERANCE * eigenvalues)
    left = projected / np.where(values > 0.0, values, 1.0)[:, None]
    if unsettled.any():
        exact_left, exact_values, exact_right = np.linalg.svd(blocks[unsettled])
        left[unsettled] = exact_left[:, :, 0]
        values[unsettled] = exact_values[:, 0]
        right[unsettled] = exact_right[:, 0, :]
    return left, values, right


def _times_vectors(matrices: np.ndarray, vectors: np.ndarray) -> np.ndarray:
    """Each (4, 4) matrix times its own 4-vector."""
    return np.matmul(matrices, vectors[..., None])[..., 0]


def _check_bytes(id_bytes: bytes) -> bytes:
    return hashlib.sha256(_CHECK_DOMAIN + id_bytes).digest()[:_CHECK_BYTES]


def _clip_id_from_payload(bits: np.ndarray) -> str | None:
    payload = np.packbits(bits.astype(np.uint8)).tobytes()
    id_bytes, check = payload[: _ID_BITS // 8], payload[_ID_BITS // 8 :]
    return id_bytes.hex() if check == _check_bytes(id_bytes) else None


def clip_id_from_bits(bits: np.ndarray) -> tuple[str | None, int]:
    """The clip id from voted bits, correcting up to :data:`MAX_CORRECTED_BITS` wrong bits.

    A bit that H.264 flips in one marked frame is usually flipped in the next ones too (the same
    picture content sits on the same blocks), so voting across frames cannot repair it. The
    32-bit check can: every payload within two flips of the voted one is tried, and one that
    passes the check is accepted. Trying 1 + 96 + 4,560 candidates against a 32-bit check
    accepts random bits with a probability of about 1 in a million (4,657 / 2^32).

    Returns:
        (clip id or None, how many bits were corrected).
    """
    clip_id = _clip_id_from_payload(bits)
    if clip_id is not None:
        return clip_id, 0
    for count in range(1, MAX_CORRECTED_BITS + 1):
        for positions in itertools.combinations(range(len(bits)), count):
            candidate = bits.copy()
            candidate[list(positions)] ^= True
            clip_id = _clip_id_from_payload(candidate)
            if clip_id is not None:
                return clip_id, count
    return None, 0


@functools.cache
def _decoder() -> WatermarkDecoder:
    # Imported here: `import imwatermark` imports torch (for its rivaGan method), ~1-2 s.
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
