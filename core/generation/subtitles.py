"""Subtitles in any script, rendered once per line and blended onto the frames that show it.

Subtitles are written in any script the Noto fonts cover (Latin, Chinese, Hebrew, Arabic,
emoji...): each character takes the first font that has a glyph for it (staying in the current
font while it can, so words are not split across fonts). Right-to-left text is ordered with a
simplified Unicode bidi algorithm over those font runs (strong characters set a run's direction,
neutral ones follow their neighbours, numbers stay left-to-right, runs are reordered per rule L2).
With Pillow's raqm layout, HarfBuzz shapes each run (Arabic letters join); without raqm, the
characters of a right-to-left run are only reversed, so Arabic shows unjoined letters.

Each subtitle is rendered once into a premultiplied patch and blended onto the frames it covers,
so drawing it costs one small integer blend per frame.
"""

from __future__ import annotations

import functools
import logging
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont, features

from core.generation.types import ShotPlan

logger = logging.getLogger(__name__)

SUBTITLE_HOLD_SECONDS = 0.4  # readers need a moment after the voice stops
_FONT_HEIGHT_RATIO = 0.05  # 24 px at 480p: readable on a phone after H.264
_MAX_WIDTH_RATIO = 0.88
_MAX_LINES = 3
_BOTTOM_MARGIN_RATIO = 0.05
_BOX_RGBA = (10, 10, 14, 175)
_TEXT_RGBA = (255, 255, 255, 255)
_SUBTITLE_WEIGHT = 600
_NAME_RGBA = (242, 193, 78, 255)  # the first role colour of the template thumbnails
# Fonts tried for each character, in order; any other Noto font in the package comes after.
_PREFERRED_FONTS = (
    "NotoSans[wght].ttf",
    "NotoSansHebrew[wght].ttf",
    "NotoSansArabic[wght].ttf",
    "cjk",
    "NotoSansSymbols[wght].ttf",
    "NotoEmoji[wght].ttf",
)
_CJK_FACE_NAME = "Noto Sans CJK SC"  # Simplified Chinese shapes: the scripts are Chinese
# Marks that belong to the character before them; never a reason to change font.
_ATTACHED_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_DROPPED_CHARACTERS = frozenset("\ufe0e\ufe0f")  # emoji presentation selectors


class FinishingError(Exception):
    """Subtitles or finishing could not be applied."""


@dataclass(frozen=True)
class FontFace:
    """One face of a font file (TrueType collections hold several)."""

    path: Path
    index: int = 0


@functools.cache
def subtitle_fonts() -> tuple[FontFace, ...]:
    """The Noto faces used for subtitles, in fallback order.

    Returns:
        Faces from the ``manimgx_fonts`` and ``manimgx_fonts_cjk`` packages.

    Raises:
        FinishingError: The font packages are not installed.
    """
    try:
        base = Path(str(resources.files("manimgx_fonts")))
        cjk = Path(str(resources.files("manimgx_fonts_cjk"))) / "NotoSansCJK-VF.otf.ttc"
    except ModuleNotFoundError as error:
        raise FinishingError(
            "The subtitle fonts are not installed; install manimgx_fonts and manimgx_fonts_cjk."
        ) from error
    faces = [
        FontFace(cjk, _cjk_face_index(cjk)) if name == "cjk" else FontFace(base / name)
        for name in _PREFERRED_FONTS
    ]
    others = sorted(p for p in base.glob("*.ttf") if "Italic" not in p.name)
    faces += [FontFace(path) for path in others if FontFace(path) not in faces]
    return tuple(face for face in faces if face.path.is_file())


def _cjk_face_index(path: Path) -> int:
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    for index, font in enumerate(collection.fonts):
        if font["name"].getDebugName(1) == _CJK_FACE_NAME:
            return index
    return 0


@functools.cache
def _codepoints(face: FontFace) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(str(face.path), fontNumber=face.index, lazy=True) as font:
        return frozenset(font.getBestCmap())


@functools.cache
def _pil_font(face: FontFace, size: int) -> ImageFont.FreeTypeFont:
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    font = ImageFont.truetype(str(face.path), size, index=face.index, layout_engine=engine)
    try:
        axes = font.get_variation_axes()
    except OSError:  # not a variable font, or FreeType built without variation support
        return font
    # Semi-bold reads better over busy scenes (the CJK font's default instance is hairline).
    weights = [_SUBTITLE_WEIGHT if b"eight" in axis["name"] else axis["default"] for axis in axes]
    clamped = [
        min(max(value, axis["minimum"]), axis["maximum"])
        for value, axis in zip(weights, axes, strict=True)
    ]
    font.set_variation_by_axes(clamped)
    return font


@dataclass(frozen=True)
class _Segment:
    text: str  # logical order
    face: FontFace
    level: int  # even = left-to-right, odd = right-to-left
    colour: tuple[int, int, int, int]


@dataclass(frozen=True, eq=False)
class RenderedSubtitle:
    """A subtitle pre-rendered for one frame size, ready to blend.

    Attributes:
        top: Row of the patch's top edge in the frame.
        left: Column of the patch's left edge.
        premultiplied: Colour times alpha, (h, w, 3) uint32.
        inverse_alpha: 255 minus alpha, (h, w, 1) uint32.
        lines: The wrapped lines, in logical order (for tests and logs).
    """

    top: int
    left: int
    premultiplied: np.ndarray
    inverse_alpha: np.ndarray
    lines: tuple[str, ...]

    def draw_onto(self, frame: np.ndarray) -> np.ndarray:
        """Blend the subtitle onto a copy of ``frame`` (RGB uint8) and return it."""
        out = frame.copy()
        height, width = self.premultiplied.shape[:2]
        region = out[self.top : self.top + height, self.left : self.left + width]
        blended = self.premultiplied * 255 + region.astype(np.uint32) * self.inverse_alpha
        region[...] = ((blended + 127) // 255).astype(np.uint8)
        return out


def render_subtitle(
    speaker: str, text: str, frame_width: int, frame_height: int
) -> RenderedSubtitle:
    """Render "Speaker: text" in a readable box at the bottom centre of a frame.

    Args:
        speaker: The speaker's display name ("" for none).
        text: The line, in any script.
        frame_width: Width of the frames it will be drawn on.
        frame_height: Height of those frames.

    Returns:
        The pre-rendered subtitle; long lines are wrapped (and the font shrunk if they would
        need more than three lines).
    """
    text = "".join(char for char in text if char not in _DROPPED_CHARACTERS)
    prefix = f"{speaker}: " if speaker else ""
    max_width = round(frame_width * _MAX_WIDTH_RATIO)
    size = max(12, round(frame_height * _FONT_HEIGHT_RATIO))
    lines = _wrap(prefix, text, size, max_width)
    while len(lines) > _MAX_LINES and size > 12:
        size -= 2
        lines = _wrap(prefix, text, size, max_width)
    return _draw_box(lines, len(prefix), size, frame_width, frame_height)


def _wrap(prefix: str, text: str, size: int, max_width: int) -> list[str]:
    """Greedy wrap at spaces and between Chinese/Japanese characters, in logical order."""
    lines: list[str] = []
    current = ""
    for unit in _break_units(prefix + text):
        candidate = current + unit
        if current.strip() and _line_width(candidate.rstrip(), size) > max_width:
            lines.append(current.rstrip())
            current = unit.lstrip()
        else:
            current = candidate
    if current.strip():
        lines.append(current.rstrip())
    return lines


def _break_units(text: str) -> list[str]:
    units: list[str] = []
    for char in text:
        wide = unicodedata.east_asian_width(char) in "WF"
        if units and not wide and not units[-1][-1].isspace() and not _is_wide(units[-1][-1]):
            units[-1] += char
        elif units and char.isspace():
            units[-1] += char  # spaces stick to the word before them
        else:
            units.append(char)
    return units


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in "WF"


def _line_width(line: str, size: int) -> float:
    return sum(_pil_font(s.face, size).getlength(s.text) for s in _segments(line, 0, size))


def _segments(line: str, name_chars: int, size: int) -> list[_Segment]:
    """Split a line into runs of one font, direction and colour, in visual order."""
    faces = _faces_for(line)
    levels = _bidi_levels(line, skip=name_chars)
    segments: list[_Segment] = []
    for position, char in enumerate(line):
        colour = _NAME_RGBA if position < name_chars else _TEXT_RGBA
        key = (faces[position], levels[position], colour)
        last = segments[-1] if segments else None
        if last is not None and (last.face, last.level, last.colour) == key:
            segments[-1] = _Segment(last.text + char, *key)
        else:
            segments.append(_Segment(char, *key))
    return _reorder(segments)


def _faces_for(line: str) -> list[FontFace]:
    faces = subtitle_fonts()
    chosen: list[FontFace] = []
    for char in line:
        current = chosen[-1] if chosen else faces[0]
        attached = unicodedata.category(char) in _ATTACHED_CATEGORIES and bool(chosen)
        if attached or ord(char) in _codepoints(current):
            chosen.append(current)
        else:
            # No font at all: the primary font draws its "missing glyph" box, visibly.
            covering = (face for face in faces if ord(char) in _codepoints(face))
            chosen.append(next(covering, faces[0]))
    return chosen


def _bidi_levels(line: str, *, skip: int = 0) -> list[int]:
    """Embedding level per character (numbers count as left-to-right).

    The paragraph direction comes from the first strong character after ``skip`` characters,
    so a Latin speaker name does not turn a Hebrew line into a left-to-right paragraph.
    """
    kinds = [_strong_direction(char) for char in line]
    base = next((kind for kind in kinds[skip:] if kind in "LR"), "L")
    base_level = 1 if base == "R" else 0
    resolved = list(kinds)
    for index, kind in enumerate(kinds):
        if kind != "N":
            continue
        before = next((k for k in reversed(kinds[:index]) if k != "N"), base)
        after = next((k for k in kinds[index + 1 :] if k != "N"), base)
        resolved[index] = before if before == after else base
    if base_level == 0:
        return [1 if kind == "R" else 0 for kind in resolved]
    return [1 if kind == "R" else 2 for kind in resolved]


def _strong_direction(char: str) -> str:
    bidi = unicodedata.bidirectional(char)
    if bidi in ("R", "AL"):
        return "R"
    if bidi in ("L", "EN", "AN"):
        return "L"
    return "N"


def _reorder(segments: list[_Segment]) -> list[_Segment]:
    """Unicode bidi rule L2 on whole segments: reverse runs at each level, highest first."""
    if not segments:
        return segments
    ordered = list(segments)
    for level in range(max(s.level for s in ordered), 0, -1):
        result: list[_Segment] = []
        run: list[_Segment] = []
        for segment in ordered:
            if segment.level >= level:
                run.append(segment)
                continue
            result.extend(reversed(run))
            run = []
            result.append(segment)
        result.extend(reversed(run))
        ordered = result
    return ordered


def _draw_box(
    lines: list[str], name_chars: int, size: int, frame_width: int, frame_height: int
) -> RenderedSubtitle:
    padding_x, padding_y = round(size * 0.6), round(size * 0.35)
    line_height = round(size * 1.45)
    laid_out = []
    for number, line in enumerate(lines):
        segments = _segments(line, name_chars if number == 0 else 0, size)
        widths = [_pil_font(s.face, size).getlength(s.text) for s in segments]
        laid_out.append((segments, widths))
    text_width = max(round(sum(widths)) for _, widths in laid_out)
    box_width = min(frame_width - 2, text_width + 2 * padding_x)
    box_height = line_height * len(lines) + 2 * padding_y
    image = Image.new("RGBA", (box_width, box_height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((0, 0, box_width - 1, box_height - 1), radius=size // 3, fill=_BOX_RGBA)
    raqm = features.check("raqm")
    for number, (segments, widths) in enumerate(laid_out):
        x = (box_width - sum(widths)) / 2
        baseline = padding_y + number * line_height + round(size * 1.05)
        for segment, width in zip(segments, widths, strict=True):
            rtl = segment.level % 2 == 1
            text = segment.text if raqm or not rtl else segment.text[::-1]
            options = {"direction": "rtl" if rtl else "ltr"} if raqm else {}
            font = _pil_font(segment.face, size)
            draw.text((x, baseline), text, font=font, fill=segment.colour, anchor="ls", **options)
            x += width
    rgba = np.asarray(image, dtype=np.uint32)
    alpha = rgba[..., 3:4]
    left = (frame_width - box_width) // 2
    top = frame_height - round(frame_height * _BOTTOM_MARGIN_RATIO) - box_height
    return RenderedSubtitle(
        top=max(0, top),
        left=left,
        premultiplied=(rgba[..., :3] * alpha + 127) // 255,
        inverse_alpha=255 - alpha,
        lines=tuple(lines),
    )


@dataclass(frozen=True, eq=False)
class TimedSubtitle:
    """A pre-rendered subtitle and the clip frames it covers (``first`` to ``end`` - 1)."""

    first: int
    end: int
    subtitle: RenderedSubtitle


def schedule_subtitles(
    plans: Sequence[ShotPlan], speaker_names: Mapping[str, str]
) -> tuple[TimedSubtitle, ...]:
    """Render every line of the clip once and decide which frames show it.

    Args:
        plans: The shot plans, with their placed lines.
        speaker_names: Role name -> display name.

    Returns:
        One timed subtitle per line, shown from the line's start until a short hold after it
        ends (never past its shot).
    """
    timed = []
    clip_frame = 0
    for plan in plans:
        for line in plan.lines:
            first = clip_frame + round(line.start * plan.fps)
            last = clip_frame + round((line.end + SUBTITLE_HOLD_SECONDS) * plan.fps)
            subtitle = render_subtitle(
                speaker_names.get(line.role, line.role), line.text, plan.width, plan.height
            )
            timed.append(TimedSubtitle(first, min(last, clip_frame + plan.frame_count), subtitle))
        clip_frame += plan.frame_count
    return tuple(timed)
