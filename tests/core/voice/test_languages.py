"""Line languages: Indonesian and Catalan lines are recognised, English lines stay English."""

from __future__ import annotations

import pytest

from benchmarks.bench_voices import CA_LINES, ID_LINES
from core.scripts.templates import load_templates
from core.voice.languages import line_language, unvoiced_language_note, unvoiced_lines


@pytest.mark.parametrize("text", ID_LINES)
def test_indonesian_lines_are_recognised(text):
    assert line_language(text) == "id"


@pytest.mark.parametrize("text", CA_LINES)
def test_catalan_lines_are_recognised(text):
    assert line_language(text) == "ca"


def test_the_catalan_geminated_l_and_chinese_characters_decide_alone():
    assert line_language("Il·lusió!") == "ca"
    assert line_language("答应我，明年我们还来这里") == "zh"


def test_every_preset_line_and_lines_with_a_borrowed_word_stay_english():
    lines = [line.text for t in load_templates() for s in t.script.shots for line in s.dialogue]
    assert lines and {line_language(text) for text in lines} == {"en"}
    for text in ("Hi, any time per day is fine.", "Adios amigo, see you at the bar.", "Deal."):
        assert line_language(text) == "en"


def test_only_lines_without_a_voice_get_a_note():
    assert unvoiced_language_note("I told you it was worth it.") is None
    assert unvoiced_language_note("我早就告诉过你") is None  # the voicer decides for Chinese
    note = unvoiced_language_note("Terima kasih, teman!")
    assert note is not None and "no Indonesian voice" in note and "English voice reads it" in note
    notes = unvoiced_lines([(1, "lead", "Hello there."), (2, "friend", "Bon dia, amiga!")])
    assert notes == [f"Shot 2, friend: “Bon dia, amiga!” {unvoiced_language_note('Bon dia')}."]
