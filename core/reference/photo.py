"""Photos of a double: sniffed, checked against the limits, decoded upright.

JPEG, PNG and WebP only; transparency is kept (a character PNG is its own matte). Limits and
errors are in :mod:`core.reference.intake`.
"""

from __future__ import annotations

import io
import math

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from core.reference.intake import (
    CorruptMediaError,
    IntakeLimits,
    NotAMediaFileError,
    ResolutionTooHighError,
    TooManyPhotosError,
    UnsupportedPhotoFormatError,
    check_upload_size,
    sniff_kind,
)
from core.sentences import sentence

PHOTO_FORMATS = ("JPEG", "PNG", "WEBP")
PHOTO_HINT = sentence("reference.photo_hint", "a JPEG, PNG or WebP photo")


def check_photo_count(count: int, limits: IntakeLimits) -> None:
    """Refuse more photos than allowed.

    Raises:
        TooManyPhotosError: `count` exceeds `limits.max_photos`.
    """
    if count > limits.max_photos:
        raise TooManyPhotosError(
            sentence(
                "reference.photo_count",
                "You chose {count} photos; the limit is {limit}. Please keep the best ones.",
                count=count,
                limit=limits.max_photos,
            )
        )


def _open_photo(data: bytes, limits: IntakeLimits) -> Image.Image:
    check_upload_size(len(data), limits, "photo")
    kind = sniff_kind(data[:512])
    if kind == "gif":
        raise UnsupportedPhotoFormatError(
            sentence(
                "reference.gif_photo",
                "GIF images are not supported. Please upload {hint}; for motion, "
                "upload an mp4, webm or mov video.",
                hint=PHOTO_HINT,
            )
        )
    try:
        image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError as error:
        if kind == "video":
            raise NotAMediaFileError(
                sentence(
                    "reference.video_not_photo",
                    "This is a video, not a photo. Add it as the reference video, or "
                    "upload {hint}.",
                    hint=PHOTO_HINT,
                )
            ) from error
        raise NotAMediaFileError(
            sentence(
                "reference.not_a_photo",
                "This file is not a photo. Please upload {hint}.",
                hint=PHOTO_HINT,
            )
        ) from error
    if image.format not in PHOTO_FORMATS:
        raise UnsupportedPhotoFormatError(
            sentence(
                "reference.photo_format",
                "This photo is in {format} format. Please upload {hint}.",
                format=image.format,
                hint=PHOTO_HINT,
            )
        )
    pixels = image.width * image.height
    if pixels > limits.max_photo_pixels:
        raise ResolutionTooHighError(
            sentence(
                "reference.photo_resolution",
                "The photo is {width}×{height} ({megapixels:.0f} MP); the limit is "
                "{limit:.0f} MP. Please upload a smaller photo.",
                width=image.width,
                height=image.height,
                megapixels=pixels / 1e6,
                limit=limits.max_photo_pixels / 1e6,
            )
        )
    if image.format == "JPEG":
        # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the photo is far over the limit.
        scale = math.sqrt(limits.max_pixels / pixels)
        image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    try:
        image.load()
    except (OSError, SyntaxError) as error:
        raise CorruptMediaError(
            sentence(
                "reference.photo_damaged",
                "The photo is damaged or incomplete ({details}). Please upload it again.",
                details=str(error),
            )
        ) from error
    return image


def _to_rgba(image: Image.Image) -> Image.Image:
    """Any Pillow mode → RGBA, with 16/32-bit integer images scaled (not clipped) to 8 bits."""
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        values = np.asarray(image, dtype=np.float64)
        top = 65535.0 if values.max(initial=0) > 255 else 255.0
        gray = np.clip(values * (255.0 / top) + 0.5, 0, 255).astype(np.uint8)
        return Image.fromarray(gray, "L").convert("RGBA")
    if image.mode == "F":
        gray = np.clip(np.asarray(image) * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return Image.fromarray(gray, "L").convert("RGBA")
    if image.mode == "P" and "transparency" in image.info:
        return image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        return image.convert("RGBA")
    return image.convert("RGB").convert("RGBA")


def _fit_pixels(image: Image.Image, max_pixels: int) -> Image.Image:
    pixels = image.width * image.height
    if pixels <= max_pixels:
        return image
    scale = math.sqrt(max_pixels / pixels)
    size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def load_photo_rgba(data: bytes, limits: IntakeLimits) -> np.ndarray:
    """Decode a photo upright, keeping transparency (a character PNG is its own matte).

    Args:
        data: The uploaded JPEG, PNG or WebP bytes.
        limits: `max_bytes`, `max_photo_pixels` (refused above) and `max_pixels`
            (downscaled above).

    Returns:
        HxWx4 uint8 RGBA; alpha is 255 everywhere for photos without transparency.

    Raises:
        EmptyFileError, FileTooLargeError, NotAMediaFileError, UnsupportedPhotoFormatError,
        ResolutionTooHighError, CorruptMediaError: With a message for the user.
    """
    image = _open_photo(data, limits)
    # Phones store the sensor orientation plus an EXIF tag; apply it so faces are upright.
    upright = ImageOps.exif_transpose(image)
    return np.asarray(_fit_pixels(_to_rgba(upright), limits.max_pixels), dtype=np.uint8).copy()


def load_photo(data: bytes, limits: IntakeLimits) -> np.ndarray:
    """Decode a photo upright as RGB; transparent parts are composited on white.

    Args:
        data: The uploaded JPEG, PNG or WebP bytes.
        limits: See `load_photo_rgba`.

    Returns:
        HxWx3 uint8 RGB.

    Raises:
        MediaIntakeError: See `load_photo_rgba`.
    """
    rgba = load_photo_rgba(data, limits).astype(np.float32)
    alpha = rgba[..., 3:4] / 255.0
    rgb = rgba[..., :3] * alpha + 255.0 * (1.0 - alpha)
    return np.clip(rgb + 0.5, 0, 255).astype(np.uint8)
