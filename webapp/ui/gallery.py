"""The public gallery: what anonymous visitors may browse."""

from __future__ import annotations

import gradio as gr

EMPTY_GALLERY = (
    "### No public clips yet\n"
    "Clips appear here when their creator shares them with everyone *and* every double in "
    "the cast allows it. Sign in to register your double and make the first one."
)


def render() -> gr.Markdown:
    return gr.Markdown(EMPTY_GALLERY, elem_id="gallery-empty")
