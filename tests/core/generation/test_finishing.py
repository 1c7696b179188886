"""Subtitles in any script, shot transitions, and the label + watermark on finished frames."""

from __future__ import annotations

import numpy as np
import pytest

from core.generation.finishing import FinishingPlan, blend_transition, finish_frames
from core.generation.subtitles import TimedSubtitle, render_subtitle
from core.provenance import is_label_visible, read_watermark
from core.scenes.catalog import paint_scene

WIDTH, HEIGHT = 832, 480
MISSING = "\u0378"  # an unassigned code point: no font has it, so it draws as .notdef


def ink(text: str) -> np.ndarray:
    """Where a subtitle's glyphs are drawn (bright pixels inside the dark box)."""
    subtitle = render_subtitle("", text, WIDTH, HEIGHT)
    blended = subtitle.draw_onto(np.zeros((HEIGHT, WIDTH, 3), np.uint8))
    return blended.max(axis=2) > 128


@pytest.mark.parametrize(
    "character", ["你", "好", "😀", "🎉", "ש", "ל", "م", "ر", "é"], ids=lambda c: f"U+{ord(c):04X}"
)
def test_every_script_renders_real_glyphs_not_missing_boxes(character):
    missing = ink(MISSING)
    glyph = ink(character)
    assert missing.sum() > 20  # the .notdef box is visible, so the comparison means something
    assert glyph.sum() > 20
    assert (glyph != missing).sum() > 0.3 * max(glyph.sum(), missing.sum())


def test_a_chinese_emoji_hebrew_line_differs_from_its_notdef_version():
    line = "你好 😀 שלום"
    notdef = MISSING * len(line.replace(" ", "")) + "  "
    assert (ink(line) != ink(notdef)).sum() > 200


def name_and_text_columns(text: str) -> tuple[float, float]:
    subtitle = render_subtitle("Dana", text, WIDTH, HEIGHT)
    frame = subtitle.draw_onto(np.zeros((HEIGHT, WIDTH, 3), np.uint8)).astype(int)
    red, green, blue = frame[..., 0], frame[..., 1], frame[..., 2]
    yellow = (red > 150) & (blue < 110) & (green > 100)  # the speaker name colour
    white = (red > 180) & (green > 180) & (blue > 180)
    return float(np.nonzero(yellow)[1].mean()), float(np.nonzero(white)[1].mean())


def test_right_to_left_lines_start_on_the_right():
    name_x, text_x = name_and_text_columns("שלום עולם, מה שלומך?")
    assert name_x > text_x  # "Dana:" is read first, so it sits at the right end
    name_x, text_x = name_and_text_columns("Hello world, how are you?")
    assert name_x < text_x


def test_long_lines_wrap_inside_the_frame():
    text = "This is a long line that keeps going " * 4
    subtitle = render_subtitle("Grace", text.strip(), WIDTH, HEIGHT)
    height, width = subtitle.premultiplied.shape[:2]
    assert 2 <= len(subtitle.lines) <= 3
    assert width <= WIDTH and subtitle.left >= 0
    assert subtitle.top + height <= HEIGHT
    chinese = render_subtitle(
        "小明", "我们一起去公园散步吧，今天的天气真好，阳光明媚。" * 3, WIDTH, HEIGHT
    )
    assert len(chinese.lines) >= 2


def test_crossfade_starts_from_the_previous_shot_and_ends_on_the_new_one():
    previous = np.full((HEIGHT, WIDTH, 3), 200, np.uint8)
    frame = np.zeros((HEIGHT, WIDTH, 3), np.uint8)
    blends = [
        blend_transition(
            frame, previous, frames_into_shot=i, frames_to_shot_end=50, length=6, style="crossfade"
        )
        for i in range(8)
    ]
    levels = [float(b.mean()) for b in blends]
    assert levels[0] > 150 and levels == sorted(levels, reverse=True)
    assert levels[6] == 0.0 and levels[7] == 0.0
    # The first shot has no previous one: nothing to blend.
    first = blend_transition(
        frame, None, frames_into_shot=0, frames_to_shot_end=50, length=6, style="crossfade"
    )
    assert first is frame


def test_dip_to_black_darkens_both_sides_of_a_cut():
    frame = np.full((HEIGHT, WIDTH, 3), 200, np.uint8)
    before_cut = blend_transition(
        frame, None, frames_into_shot=40, frames_to_shot_end=0, length=6, style="dip"
    )
    after_cut = blend_transition(
        frame, frame, frames_into_shot=0, frames_to_shot_end=40, length=6, style="dip"
    )
    middle = blend_transition(
        frame, frame, frames_into_shot=20, frames_to_shot_end=20, length=6, style="dip"
    )
    assert before_cut.mean() < 80 and after_cut.mean() < 80
    assert middle.mean() == 200


def test_finished_frames_carry_label_watermark_and_subtitle_in_order():
    scene = paint_scene("living_room", WIDTH, HEIGHT)
    subtitle = render_subtitle("Maya", "Hello there!", WIDTH, HEIGHT)
    plan = FinishingPlan(
        clip_id="00ff00ff00ff00ff",
        label_text="AI-generated · @maya",
        subtitles=(TimedSubtitle(first=3, end=9, subtitle=subtitle),),
        shot_frame_counts=(8, 8),
    )
    shots = [[scene.copy() for _ in range(8)], [scene[:, ::-1].copy() for _ in range(8)]]
    finished = list(finish_frames(iter(shots), plan, workers=2))

    assert len(finished) == 16
    assert all(is_label_visible(frame) for frame in finished)
    assert read_watermark([finished[0], finished[6], finished[12]]).clip_id == "00ff00ff00ff00ff"
    box = (slice(subtitle.top, subtitle.top + subtitle.premultiplied.shape[0]), slice(None))
    assert not np.array_equal(finished[4][box], scene[box])  # subtitle drawn
    assert np.array_equal(finished[2][box], scene[box])  # not yet
    # Order kept: frame 15 is from the mirrored second shot, past the cross-fade.
    assert np.abs(finished[15].astype(int) - scene[:, ::-1]).mean() < 3
