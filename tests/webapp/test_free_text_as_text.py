"""Hostile, multilingual free text in every Markdown the UI hands back shows as typed."""

from __future__ import annotations

import markdown_it
import pytest

from core.scripts.parser import parse_script
from webapp.auth import CurrentUser
from webapp.clips import CastableDouble, ClipRecord
from webapp.ui.account import status_text
from webapp.ui.clip_progress import clip_text, waiting_text
from webapp.ui.preset_text import _script_summary
from webapp.ui.studio import _cast_notes

HOSTILE = "<img src=x onerror=alert(1)> **bold** 🌙 مرحبا 你好"


def assert_shown_as_text(markdown: str) -> None:
    html = markdown_it.MarkdownIt().render(markdown)
    assert "<img" not in html and "<strong>bold" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "**bold** 🌙 مرحبا 你好" in html


def test_display_names_in_the_signed_in_line():
    assert_shown_as_text(status_text(CurrentUser(id=1, username="maya", display_name=HOSTILE)))


def test_restrictions_quoted_in_the_cast_notes():
    double = CastableDouble(id=2, handle="ben", kind="person", display_name=HOSTILE,
                            owner_username="ben", is_own=False, restrictions=HOSTILE)  # fmt: skip
    assert_shown_as_text(_cast_notes([double], ("@ben",)))


def test_script_title_and_shots_in_the_summary():
    parsed = parse_script(f'Shot 1 (5s): medium, @maya on a roof {HOSTILE} says "{HOSTILE}"')
    summary = _script_summary(parsed.script, HOSTILE)
    assert_shown_as_text(summary)


@pytest.mark.parametrize("status", ["queued", "failed", "done"])
def test_clip_titles_and_messages_in_the_studio(status):
    clip = ClipRecord(id=1, public_id="0123456789abcdef", title=HOSTILE, status=status,
                      progress=0.0, status_message=HOSTILE, visibility="only_me",
                      video_sha=None, duration=2.0, cast={"maya": "maya"})  # fmt: skip
    assert_shown_as_text(waiting_text(clip) if status == "queued" else clip_text(clip))


def test_a_line_no_voice_speaks_in_its_language_is_named_in_the_summary():
    line = "Terima kasih, kita berhasil!"
    parsed = parse_script(f'Shot 1 (5s): medium, @maya on a roof says "{line}"')
    summary = _script_summary(parsed.script, "")
    sound = summary.split("**How it will sound**", 1)[1]
    html = markdown_it.MarkdownIt().render(sound)
    assert f"Shot 1, maya: “{line}” looks Indonesian: no Indonesian voice ships yet" in html
    english = parse_script('Shot 1 (5s): medium, @maya on a roof says "We made it!"')
    assert "How it will sound" not in _script_summary(english.script, "")
