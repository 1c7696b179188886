"""Turning user-written text into Markdown that displays as text, never as markup."""

from __future__ import annotations

import html
import re

import gradio as gr

from webapp.i18n import text

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


# A clip's state in plain words, the same on every card and list (``state.*`` in the catalogues).
CLIP_STATES = ("queued", "running", "done", "failed", "cancelled")
REMOVED_REASON = "This clip was deleted."  # webapp.permissions.hidden_reason for a deleted clip


def clip_state_words(
    status: str,
    hidden_reason: str | None = None,
    *,
    removed: bool = False,
    language: str | None = "en",
) -> str:
    """What a person needs to know about a clip's state, in the page's language: a deleted clip
    reads "deleted", never "done" beside "This clip was deleted"."""
    if removed or hidden_reason == REMOVED_REASON:
        return text("state.deleted", language)
    if hidden_reason:
        return text("state.hidden", language)
    return text(f"state.{status}", language) if status in CLIP_STATES else status


def hidden_reason_text(hidden_reason: str, language: str | None = "en") -> str:
    """Why a clip is hidden, as Markdown text: the deletion in the page's language; a withdrawn
    permission as the service words it."""
    if hidden_reason == REMOVED_REASON:
        return as_markdown_text(text("clips.deleted", language))
    return as_markdown_text(hidden_reason)
