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


def test_a_changed_layout_is_sent_whole():
    _, sent = skip_unchanged(layout(2), [1, 2, 3, 4], None)
    values, new_sent = skip_unchanged(layout(3), [1, 2, 3, 4], sent)  # a clip arrived
    assert new_sent != sent
    assert values[1:4] == [gr.update(visible=True)] * 3


def test_updates_compare_by_their_arguments():
    assert update_key(gr.Column(visible=False)) == update_key(gr.Column(visible=False))
    assert update_key(gr.Column(visible=False)) != update_key(gr.Column(visible=True))
    assert update_key(gr.Button(interactive=False)) != update_key(gr.Column(visible=False))
    assert update_key(gr.update(visible=False)) == update_key(gr.update(visible=False))
    assert update_key(gr.update(visible=False)) != update_key(gr.update(interactive=False))
