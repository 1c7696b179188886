"""The visible "AI-generated · @creator" label drawn on every frame of a clip.

The label is a small semi-opaque dark pill with white text in the top-left corner. It is rendered
once per (text, frame size) as premultiplied RGBA and cached, so labelling a frame is one
integer alpha blend over a ~250x25 pixel region.

The label always starts with the fixed prefix "AI-generated" at a place that depends only on the
frame size, which lets :func:`label_presence_score` look for it without knowing the creator.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from core.provenance.errors import InvalidLabelError

logger = logging.getLogger(__name__)

LABEL_PREFIX = "AI-generated"
# Handles are ASCII by the app's rules; checking here keeps glyphs inside what the font covers.
_HANDLE = re.compile(r"^@?(?P<name>[A-Za-z0-9_.\-]{1,40})$")
_TEXT_RGB = (255, 255, 255)
_TEXT_ALPHA = 235
_PILL_RGB = (12, 12, 16)
# ~60 % opaque: readable on white skies, and the scene still shows through.
_PILL_ALPHA = 150
# Font height relative to the frame height: 16 px at 480p, the smallest size that stays legible
# after H.264 at CRF 20.
_FONT_HEIGHT_RATIO = 0.034
_MIN_FONT_PX = 12
# A label/no-label decision threshold on the luminance contrast between glyph cores and pill
# background (0-255 scale). Labelled frames measure 130-230, unlabelled ones stay below 25.
LABEL_CONTRAST_THRESHOLD = 60.0


@dataclass(frozen=True)
class RenderedLabel:
    """A label pre-rendered for one frame size, ready to alpha-blend.

    Attributes:
        text: The label text.
        top: Row of the label's top-left corner in the frame.
        left: Column of the label's top-left corner in the frame.
        premultiplied_rgb: Colour times alpha, (h, w, 3) uint32, read-only.
        inverse_alpha: 255 minus alpha, (h, w, 1) uint32, read-only.
        prefix_glyph_mask: Where the "AI-generated" glyphs are fully drawn, (h, w) bool.
        prefix_background_mask: Pill background beside those glyphs, (h, w) bool.
    """

    text: str
    top: int
    left: int
    premultiplied_rgb: np.ndarray
    inverse_alpha: np.ndarray
    prefix_glyph_mask: np.ndarray
    prefix_background_mask: np.ndarray

    @property
    def height(self) -> int:
        """Label height in pixels."""
        return int(self.inverse_alpha.shape[0])

    @property
    def width(self) -> int:
        """Label width in pixels."""
        return int(self.inverse_alpha.shape[1])


def ai_label_text(creator_handle: str) -> str:
    """Build the label text for a creator.

    Args:
        creator_handle: The creator's handle, with or without the leading "@".

    Returns:
        For example "AI-generated · @maya".

    Raises:
        InvalidLabelError: The handle is not 1-40 ASCII letters, digits, "_", "." or "-".
    """
    match = _HANDLE.match(creator_handle.strip())
    if match is None:
        raise InvalidLabelError(
            f"The creator handle {creator_handle!r} must be 1-40 ASCII letters, digits, "
            "'_', '.' or '-'."
        )
    return f"{LABEL_PREFIX} · @{match.group('name')}"


@functools.lru_cache(maxsize=32)
def render_ai_label(text: str, frame_width: int, frame_height: int) -> RenderedLabel:
    """Render the label for a frame size once; later calls with the same arguments are free.

    Args:
        text: The label text, normally from :func:`ai_label_text`.
        frame_width: Width of the frames it will be drawn on.
        frame_height: Height of the frames it will be drawn on.

    Returns:
        A :class:`RenderedLabel` positioned in the top-left corner.

    Raises:
        InvalidLabelError: The text is empty or does not fit in the frame.
    """
    if not text.startswith(LABEL_PREFIX):
        raise InvalidLabelError(f"The label must start with {LABEL_PREFIX!r}; got {text!r}.")
    font_px = max(_MIN_FONT_PX, round(frame_height * _FONT_HEIGHT_RATIO))
    font = _label_font(font_px)
    padding_x, padding_y = round(font_px * 0.6), round(font_px * 0.3)
    ascent, descent = font.getmetrics()
    label_width = round(font.getlength(text)) + 2 * padding_x
    label_height = ascent + descent + 2 * padding_y
    margin = max(4, round(frame_height * 0.02))
    if label_width + margin > frame_width or label_height + margin > frame_height:
        raise InvalidLabelError(
            f"The label {text!r} needs {label_width}x{label_height} px but the frame is only "
            f"{frame_width}x{frame_height}; use a shorter handle or a larger frame."
        )

    text_layer = Image.new("L", (label_width, label_height), 0)
    ImageDraw.Draw(text_layer).text((padding_x, padding_y), text, font=font, fill=255)
    pill_layer = Image.new("L", (label_width, label_height), 0)
    ImageDraw.Draw(pill_layer).rounded_rectangle(
        (0, 0, label_width - 1, label_height - 1), radius=label_height // 2, fill=255
    )
    text_coverage = np.asarray(text_layer, dtype=np.float32) / 255.0
    pill_coverage = np.asarray(pill_layer, dtype=np.float32) / 255.0

    # "Text over pill" compositing, done once here so per-frame work is a single blend.
    text_alpha = text_coverage * (_TEXT_ALPHA / 255.0)
    pill_alpha = pill_coverage * (_PILL_ALPHA / 255.0)
    alpha = text_alpha + pill_alpha * (1.0 - text_alpha)
    colour = text_alpha[..., None] * np.array(_TEXT_RGB, np.float32) + (
        pill_alpha * (1.0 - text_alpha)
    )[..., None] * np.array(_PILL_RGB, np.float32)
    premultiplied = np.round(colour).astype(np.uint32)
    inverse_alpha = np.round(255.0 * (1.0 - alpha)).astype(np.uint32)[..., None]

    prefix_end = padding_x + round(font.getlength(LABEL_PREFIX))
    in_prefix = np.zeros_like(text_coverage, dtype=bool)
    in_prefix[:, padding_x:prefix_end] = True
    glyph_mask = (text_coverage > 0.9) & in_prefix
    # Keep two pixels away from glyph edges, where anti-aliasing mixes text and pill colours.
    near_glyph = _dilate(text_coverage > 0.0, radius=2)
    background_mask = (pill_coverage > 0.99) & ~near_glyph & in_prefix

    for array in (premultiplied, inverse_alpha, glyph_mask, background_mask):
        array.flags.writeable = False
    return RenderedLabel(
        text=text,
        top=margin,
        left=margin,
        premultiplied_rgb=premultiplied,
        inverse_alpha=inverse_alpha,
        prefix_glyph_mask=glyph_mask,
        prefix_background_mask=background_mask,
    )


def draw_ai_label(frame: np.ndarray, text: str) -> np.ndarray:
    """Return a copy of an RGB frame with the AI label blended into its top-left corner.

    Args:
        frame: RGB uint8 array of shape (height, width, 3).
        text: The label text, normally from :func:`ai_label_text`.

    Returns:
        A new labelled frame; the input is not modified.

    Raises:
        InvalidLabelError: The frame is not RGB uint8, or the label does not fit.
    """
    _check_frame(frame)
    label = render_ai_label(text, frame.shape[1], frame.shape[0])
    labelled = frame.copy()
    region = labelled[label.top : label.top + label.height, label.left : label.left + label.width]
    # out = colour*alpha + frame*(1-alpha), in integers; +127 rounds the division by 255.
    blended = label.premultiplied_rgb * 255 + region.astype(np.uint32) * label.inverse_alpha
    region[...] = ((blended + 127) // 255).astype(np.uint8)
    return labelled


def label_presence_score(frame: np.ndarray) -> float:
    """Measure how strongly the "AI-generated" part of our label shows in a frame.

    The score is the mean luminance of the fully drawn prefix glyphs minus the mean luminance of
    the pill background around them. Our label makes that difference large on any scene; an
    unlabelled corner gives about zero. Compare with :data:`LABEL_CONTRAST_THRESHOLD`.

    Args:
        frame: RGB uint8 array of shape (height, width, 3).

    Returns:
        The contrast on a 0-255 scale (negative when the corner is darker where glyphs would be).

    Raises:
        InvalidLabelError: The frame is not RGB uint8 or too small to hold a label.
    """
    _check_frame(frame)
    # The prefix sits at the same place whatever the handle, so any handle renders the masks.
    label = render_ai_label(f"{LABEL_PREFIX} · @x", frame.shape[1], frame.shape[0])
    region = frame[label.top : label.top + label.height, label.left : label.left + label.width]
    luminance = region.astype(np.float32) @ np.array([0.299, 0.587, 0.114], np.float32)
    glyphs = luminance[label.prefix_glyph_mask]
    background = luminance[label.prefix_background_mask]
    return float(glyphs.mean() - background.mean())


def is_label_visible(frame: np.ndarray) -> bool:
    """Tell whether our AI label is visible in a frame.

    Args:
        frame: RGB uint8 array of shape (height, width, 3).

    Returns:
        True when :func:`label_presence_score` passes :data:`LABEL_CONTRAST_THRESHOLD`.

    Raises:
        InvalidLabelError: The frame is not RGB uint8 or too small to hold a label.
    """
    return label_presence_score(frame) >= LABEL_CONTRAST_THRESHOLD


@functools.cache
def _label_font(size_px: int) -> ImageFont.FreeTypeFont:
    font_path = _dejavu_sans_path()
    if font_path is None:
        logger.warning("DejaVu Sans (from matplotlib) not found; using Pillow's built-in font.")
        return ImageFont.load_default(size=size_px)
    return ImageFont.truetype(str(font_path), size_px)


def _dejavu_sans_path() -> Path | None:
    # Locate the font through the package's install path without importing matplotlib, whose
    # import costs ~0.3 s and pulls in a plotting backend we do not need.
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "mpl-data" / "fonts" / "ttf" / "DejaVuSans.ttf"
        if candidate.is_file():
            return candidate
    return None


def _dilate(mask: np.ndarray, radius: int) -> np.ndarray:
    # np.roll wraps around the edges; harmless here because glyphs never touch the label edge.
    grown = mask.copy()
    for dy in range(-radius, radius + 1):
        for dx in range(-radius, radius + 1):
            grown |= np.roll(np.roll(mask, dy, axis=0), dx, axis=1)
    return grown


def _check_frame(frame: np.ndarray) -> None:
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8 or frame.ndim != 3:
        raise InvalidLabelError("The frame must be an RGB uint8 array of shape (height, width, 3).")
    if frame.shape[2] != 3:
        raise InvalidLabelError(f"The frame must have 3 colour channels; got {frame.shape[2]}.")
