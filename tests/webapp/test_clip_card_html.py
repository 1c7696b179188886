"""The Clips tab's cards as one HTML block: escaped text, the right buttons, guarded links, and
card events that only act on clips the session's page shows."""

from __future__ import annotations

import dataclasses
import re

import gradio as gr
import pytest
from gradio.helpers import special_args

import app
from tests.webapp.test_newcomer_ui import card
from webapp.i18n import text
from webapp.settings import Settings
from webapp.ui.clip_card_html import (
    CARD_EVENTS,
    CARD_EVENTS_JS,
    cards_html,
    markdown_html,
    served_link,
)

HOSTILE = '<img src=x onerror="alert(1)"> **bold** [link](javascript:x) 你好 `code`'
CARD = card(
    public_id="0123456789abcdef",
    title="The window",
    metrics={"face_similarity": {"lead": 0.81}, "voice_similarity": {"lead": 0.7}},
)
SERVED = "/data/costar-served/Xy_z-1/costar-0123456789abcdef.mp4"


def tags(markup: str, name: str) -> list[str]:
    return re.findall(rf"<{name}\b[^>]*>", markup)


def test_hostile_titles_names_and_roles_show_as_text_not_markup():
    card = dataclasses.replace(CARD, title=HOSTILE, creator_display_name=HOSTILE,
                               cast={"lead<i>": "cara"})  # fmt: skip
    markup = cards_html([card], [SERVED], [True])
    assert not tags(markup, "img") and not tags(markup, "i") and not tags(markup, "a")
    assert "&lt;img src=x onerror=" in markup
    assert "**bold** [link](javascript:x) 你好 `code`" in markup  # as typed, not formatted
    # The title in the player's label is an attribute: its quotes can't end it early.
    (video,) = tags(markup, "video")
    assert 'onerror="alert' not in video and "&quot;alert(1)&quot;" in video


def test_each_card_has_its_player_texts_details_and_buttons():
    markup = cards_html([CARD], [SERVED], [True])
    assert tags(markup, "video") == [
        f'<video controls preload="metadata" playsinline src="gradio_api/file={SERVED}"'
        ' aria-label="Clip: The window">'
    ]
    assert "<strong>The window</strong>" in markup and "Status: ready" in markup
    assert 'id="feed-details-0"' in markup and "face 0.81" in markup
    assert "<code>0123456789abcdef</code>" in markup  # the clip id, as the Details said it
    buttons = tags(markup, "button")
    assert [re.search(r'data-action="(\w+)"', b).group(1) for b in buttons] == list(CARD_EVENTS)
    assert all('data-clip="0123456789abcdef"' in b and 'type="button"' in b for b in buttons)


def test_buttons_follow_what_the_viewer_may_do():
    may_not_star = dataclasses.replace(CARD, public_id="feedfacefeedface", can_star_in=False)
    markup = cards_html([CARD, may_not_star], [SERVED, SERVED], [False, False])
    actions = re.findall(r'id="feed-(\w+)-(\d+)" data-action', markup)
    assert actions == [("star", "0"), ("verify", "0"), ("verify", "1")]


def test_a_card_without_a_video_says_its_state_in_the_pages_language():
    rendering = dataclasses.replace(CARD, status="running", video_sha=None, duration=None)
    markup = cards_html([rendering], [None], [False], "zh-CN")
    assert not tags(markup, "video")
    assert f'<div class="clip-card-no-video">{text("state.running", "zh-CN")}</div>' in markup
    assert text("clips.details", "zh-CN") in markup and text("clips.verify", "zh-CN") in markup


def test_no_cards_draw_nothing_and_links_are_encoded():
    assert cards_html([], [], []) == ""
    assert served_link("/data/a b/c?.mp4") == "gradio_api/file=/data/a%20b/c%3F.mp4"
    assert markdown_html("a  \nb") == "<p>a<br />\nb</p>\n"


def test_every_card_event_is_raised_by_the_page_script_and_wired(tmp_path):
    for name in CARD_EVENTS:
        assert f"'{name}'" in CARD_EVENTS_JS  # Gradio makes a listener for each quoted name
    blocks, _services = app.build_app(Settings(data_dir=tmp_path / "data"))
    cards = next(b for b in blocks.blocks.values() if getattr(b, "elem_id", None) == "feed-cards")
    wired = {name for fn in blocks.fns.values() for block_id, name in fn.targets
             if block_id == cards._id}  # fmt: skip
    assert wired == set(CARD_EVENTS)


def card_handler(blocks: gr.Blocks, event: str):
    cards = next(b for b in blocks.blocks.values() if getattr(b, "elem_id", None) == "feed-cards")
    return next(fn.fn for fn in blocks.fns.values() if (cards._id, event) in fn.targets)


@pytest.mark.parametrize("data", [{"clip": "forged0000000000"}, {}, None, {"clip": ["x"]}])
def test_a_card_event_for_a_clip_not_on_the_page_is_refused_plainly(tmp_path, data):
    blocks, services = app.build_app(Settings(data_dir=tmp_path / "data"))
    token = services.auth.sign_up("dora", "correct horse battery 9").token
    page = [["0123456789abcdef", "The window"]]
    event = gr.EventData(None, data)
    no_clip = text("clips.no_clip", "en")
    with pytest.raises(gr.Error, match=no_clip):
        card_handler(blocks, "verify_card")(token, page, "en", event)
    with pytest.raises(gr.Error, match=no_clip):
        card_handler(blocks, "delete_card")(page, "en", event)
    with pytest.raises(gr.Error, match=no_clip):
        next(card_handler(blocks, "star_card")(token, page, {}, "en", event))


def test_delete_asks_about_the_clip_the_card_names(tmp_path):
    blocks, _services = app.build_app(Settings(data_dir=tmp_path / "data"))
    page = [["0123456789abcdef", "The window"], ["feedfacefeedface", "Rooftop <b>"]]
    handler = card_handler(blocks, "delete_card")
    # As Gradio calls it: the event's data goes to the parameter annotated gr.EventData.
    event = gr.EventData(None, {"clip": "feedfacefeedface"})
    inputs, _progress, event_index, _props = special_args(handler, [page, "ca"], None, event)
    assert event_index == 2
    clip_id, row, question, result = handler(*inputs)
    assert clip_id == "feedfacefeedface" and row.visible and result == ""
    assert "Rooftop &lt;b&gt;" in question and "<b>" not in question


def test_list_feed_answers_the_page_as_data(tmp_path):
    blocks, services = app.build_app(Settings(data_dir=tmp_path / "data"))
    token = services.auth.sign_up("dora", "correct horse battery 9").token
    list_feed = next(fn.fn for fn in blocks.fns.values() if fn.api_name == "list_feed")
    data, picker, star_in_ids = list_feed(token, "mine", 1, "id")
    assert picker == gr.update(choices=[], value=None) and star_in_ids == {}
    assert data == {
        "section": "mine", "page": 1, "has_previous": False, "has_next": False,
        "text": text("clips.empty.mine", "id"), "cards": [],
    }  # fmt: skip
    with pytest.raises(gr.Error):
        list_feed(None, "mine", 1)  # signed out: refused, not an empty page
