"""A redraw skips the layout updates the page already shows, and sends them when they change."""

from __future__ import annotations

import gradio as gr

from webapp.ui.updates import skip_unchanged, update_key


def layout(cards: int) -> list:
    return ["page text", *[gr.update(visible=i < cards) for i in range(3)], gr.update(visible=True)]


def test_an_unchanged_layout_is_skipped_and_values_still_go_out():
    values, sent = skip_unchanged(layout(2), [1, 2, 3, 4], None)  # first redraw: all sent
    assert values[1:4] == [
        gr.update(visible=True),
        gr.update(visible=True),
        gr.update(visible=False),
    ]
    again, sent_again = skip_unchanged(layout(2), [1, 2, 3, 4], sent)
    assert sent_again == sent
    assert again[0] == "page text"  # not a layout position: always sent
    assert all(value == gr.skip() for value in again[1:])


def test_only_what_changed_is_sent():
    _, sent = skip_unchanged(layout(2), [1, 2, 3, 4], None)
    values, new_sent = skip_unchanged(layout(3), [1, 2, 3, 4], sent)  # a clip arrived
    assert new_sent != sent
    assert values[3] == gr.update(visible=True)  # the third card shows now
    assert values[1] == values[2] == values[4] == gr.skip()  # already shown as they are


def test_a_value_is_skipped_until_it_changes():
    page = ["/served/a1/clip.mp4", "**Clip A**"]
    _, sent = skip_unchanged(page, [0, 1], None)
    again, sent = skip_unchanged(page, [0, 1], sent)
    assert again == [gr.skip(), gr.skip()]
    renewed, _ = skip_unchanged(["/served/b2/clip.mp4", "**Clip A**"], [0, 1], sent)
    assert renewed == ["/served/b2/clip.mp4", gr.skip()]  # a fresh link goes out


def test_a_page_that_sent_nothing_yet_gets_everything():
    values, _ = skip_unchanged(layout(1), [1, 2], None)
    assert gr.skip() not in values
    values, _ = skip_unchanged(layout(1), [1, 2], ("from", "another", "layout"))
    assert gr.skip() not in values


def test_updates_compare_by_their_arguments():
    assert update_key(gr.Column(visible=False)) == update_key(gr.Column(visible=False))
    assert update_key(gr.Column(visible=False)) != update_key(gr.Column(visible=True))
    assert update_key(gr.Button(interactive=False)) != update_key(gr.Column(visible=False))
    assert update_key(gr.update(visible=False)) == update_key(gr.update(visible=False))
    assert update_key(gr.update(visible=False)) != update_key(gr.update(interactive=False))
