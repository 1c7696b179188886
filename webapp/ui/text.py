"""Turning user-written text into Markdown that displays as text, never as markup."""

from __future__ import annotations

import html
import re

import gradio as gr

# Buttons on clip and voice players: download only. Gradio's "share" posts the file to a public
# Hugging Face discussion when the app runs on a Space, outside every permission rule here.
MEDIA_BUTTONS = ["download"]

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def as_markdown_text(text: str) -> str:
    """Escape HTML and Markdown syntax so ``text`` shows exactly as typed.

    Quotes stay as they are: they are harmless in text, and an entity such as ``&#x27;``
    would be broken by the Markdown escaping of ``#`` that follows.
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def ui_error(message: str, title: str = "Error") -> gr.Error:
    """A ``gr.Error`` whose message shows as text: Gradio renders error messages as HTML, and
    ours often quote what someone typed (a restriction, a script line, a name)."""
    return gr.Error(html.escape(message, quote=False), title=title)


# A clip's state in plain words, the same on every card and list.
CLIP_STATE_WORDS = {
    "queued": "waiting for its turn",
    "running": "being made",
    "done": "ready",
    "failed": "could not be made",
    "cancelled": "cancelled",
}


def clip_state_words(
    status: str, hidden_reason: str | None = None, *, removed: bool = False
) -> str:
    """What a person needs to know about a clip's state: a deleted clip reads "deleted", never
    "done" beside "This clip was deleted"."""
    if removed or hidden_reason == "This clip was deleted.":
        return "deleted"
    if hidden_reason:
        return "hidden"
    return CLIP_STATE_WORDS.get(status, status)
