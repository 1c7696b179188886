"""The visible AI label: drawn in the corner, legible, detectable, and nowhere else."""

import numpy as np
import pytest

from core.provenance import (
    InvalidLabelError,
    ai_label_text,
    draw_ai_label,
    is_label_visible,
    label_presence_score,
    render_ai_label,
)
from tests.core.provenance.provenance_media import HEIGHT, WIDTH, astronaut_pan, grace_hopper_frame


def test_label_text_names_the_creator():
    assert ai_label_text("maya") == "AI-generated · @maya"
    assert ai_label_text("@maya") == "AI-generated · @maya"


@pytest.mark.parametrize("handle", ["", "maya smith", "mäya", "@" + "x" * 41])
def test_label_text_refuses_unusable_handles(handle):
    with pytest.raises(InvalidLabelError, match="handle"):
        ai_label_text(handle)


@pytest.mark.parametrize("make_frame", [lambda: astronaut_pan(1)[0], grace_hopper_frame])
def test_label_changes_only_the_top_left_corner(make_frame):
    frame = make_frame()
    text = ai_label_text("maya")
    label = render_ai_label(text, WIDTH, HEIGHT)

    labelled = draw_ai_label(frame, text)

    changed_rows, changed_columns = np.nonzero(np.any(labelled != frame, axis=2))
    assert changed_rows.size > 1000
    assert changed_rows.max() < label.top + label.height
    assert changed_columns.max() < label.left + label.width
    assert label.width < WIDTH // 3 and label.height < HEIGHT // 10
    corner = (
        slice(label.top, label.top + label.height),
        slice(label.left, label.left + label.width),
    )
    assert np.abs(labelled[corner].astype(int) - frame[corner]).mean() > 20


def test_drawing_does_not_modify_the_input():
    frame = grace_hopper_frame().copy()
    before = frame.copy()

    draw_ai_label(frame, ai_label_text("maya"))

    assert np.array_equal(frame, before)


@pytest.mark.parametrize("grey", [0, 128, 255])
def test_label_is_detected_on_dark_mid_and_white_scenes(grey):
    frame = np.full((HEIGHT, WIDTH, 3), grey, np.uint8)

    assert is_label_visible(draw_ai_label(frame, ai_label_text("someone_else")))
    assert not is_label_visible(frame)


def test_photos_without_label_score_low_and_with_label_high():
    for frame in (astronaut_pan(1)[0], grace_hopper_frame()):
        assert abs(label_presence_score(frame)) < 30
        assert label_presence_score(draw_ai_label(frame, ai_label_text("maya"))) > 100


def test_label_that_does_not_fit_is_refused():
    tiny = np.zeros((40, 120, 3), np.uint8)

    with pytest.raises(InvalidLabelError, match=r"needs \d+x\d+ px"):
        draw_ai_label(tiny, ai_label_text("maya"))
