"""Clips and Appearances tabs: their API endpoints exist and user text shows as text."""

from __future__ import annotations

from datetime import UTC, datetime

import gradio as gr
import pytest

import app
from webapp.appearances import AppearanceRecord
from webapp.feed import ClipCard
from webapp.provenance import ProvenanceStatus
from webapp.settings import Settings
from webapp.ui.appearances import details_markdown
from webapp.ui.clip_card_text import card_markdown
from webapp.ui.clip_card_text import details_markdown as card_details_markdown

HOSTILE = '<img src=x onerror="alert(1)"> **bold** [link](javascript:x) 你好 🎬'
WHEN = datetime(2026, 11, 2, 10, 30, tzinfo=UTC)


def test_the_app_exposes_the_feed_and_appearance_endpoints(tmp_path):
    blocks, _services = app.build_app(Settings(data_dir=tmp_path / "data"))
    api_names = {fn.api_name for fn in blocks.fns.values() if fn.api_name}
    assert {"list_feed", "feed_page", "verify_clip", "list_appearances", "delete_appearance",
            "report_appearance", "revoke_creator", "restore_creator"} <= api_names  # fmt: skip


def test_use_script_refuses_dialogue_that_cannot_fit_before_anything_is_cast(tmp_path):
    # Three long words pass the word-count estimate (1 s) in a 1.5 s shot; spoken, they need
    # over 3 s even sped up. "Use this script" says so with the render's message.
    blocks, services = app.build_app(Settings(data_dir=tmp_path / "data"))
    token = services.auth.sign_up("dora", "correct horse battery 9").token
    use_script = next(fn.fn for fn in blocks.fns.values() if fn.api_name == "use_script")
    script = ('Shot 1 (2s): wide, @dora waves. Shot 2 (1.5s): close-up, @dora says '
              '"Supercalifragilisticexpialidocious is antidisestablishmentarianism."')  # fmt: skip
    refusal = (r"Shot 2's dialogue takes \d+\.\d s even spoken fast, but the shot lasts 1\.5 s\. "
               r"Shorten the lines or lengthen the shot\.")  # fmt: skip
    with pytest.raises(gr.Error, match=refusal):
        use_script(token, script)


def test_a_card_shows_hostile_titles_and_handles_as_text():
    card = ClipCard(
        public_id="0123456789abcdef", title=HOSTILE, creator_username="cara",
        creator_display_name=HOSTILE, cast={"lead<i>": "cara"}, status="done",
        status_message="", duration=3.0, created_at=WHEN,
        metrics={"face_similarity": {"lead<i>": 0.81}, "voice_similarity": {}},
        provenance=ProvenanceStatus(recorded=True, label_drawn=True,
                                    watermark_clip_id="0123456789abcdef",
                                    manifest_state="Trusted", manifest_matches_clip=True),
        visibility="everyone", video_sha=None, can_star_in=False, hidden_reason=None,
    )  # fmt: skip
    text = card_markdown(card)
    assert "<img" not in text and "&lt;img src=x" in text
    assert "\\*\\*bold\\*\\*" in text and "\\[link\\]\\(javascript:x\\)" in text
    assert "你好 🎬" in text and "2026-11-02 10:30" in text
    # Scores and provenance moved behind the card's "Details", escaped the same way.
    details = card_details_markdown(card)
    assert "lead&lt;i&gt;: face 0.81" in details and "<i>" not in details
    assert card.public_id in details


def test_appearance_details_escape_the_title_and_name_the_hidden_reason():
    record = AppearanceRecord(
        clip_public_id="0123456789abcdef", title=HOSTILE, creator_username="bob",
        creator_display_name="Bob <script>", created_at=WHEN, status="queued",
        my_roles={"buddy": "maya"}, hidden_reason="This clip was deleted.", video_sha=None,
        made_by_me=False, creator_revoked=True,
    )  # fmt: skip
    text = details_markdown(record)
    assert "<script>" not in text and "Bob &lt;script&gt;" in text
    assert "@maya as buddy" in text and "This clip was deleted\\." in text
    assert "revoked this creator's permission" in text


def test_a_feed_redraw_leaves_the_clip_pick_alone_until_the_pages_clips_change(tmp_path):
    blocks, services = app.build_app(Settings(data_dir=tmp_path / "data"))
    token = services.auth.sign_up("dora", "correct horse battery 9").token
    feed = next(fn for fn in blocks.fns.values() if fn.api_name == "feed_page")
    picker = next(i for i, block in enumerate(feed.outputs) if block.elem_id == "feed-clip")
    star = next(i for i, block in enumerate(feed.outputs) if block.elem_id == "star-in-this")

    first = feed.fn(token, "mine", 1, None, "en")
    assert first[picker] == gr.update(choices=[], value=None)  # a new page: picker set up
    again = feed.fn(token, "mine", 1, first[-1], "en")
    assert again[picker] == again[star] == gr.skip()  # same clips: someone's pick stays
    layout_sent, _clips_sent = first[-1]
    changed = feed.fn(token, "mine", 1, (layout_sent, (("a-clip-gone-since", True),)), "en")
    assert changed[picker] == gr.update(choices=[], value=None)  # other clips: starts over
    assert changed[star] == gr.update(interactive=False)
