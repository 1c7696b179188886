"""A page of clip cards as one HTML block (the Clips tab).

A page used to be twelve card slots of Gradio components (video, texts, three buttons, a
Details accordion), about ninety outputs per redraw; Gradio builds a component and its config
for each, which made the feed the slowest call in the app (docs/benchmarks.md, issue 15). The
cards are now one HTML string: a native ``<video>`` per clip pointing at the viewer's served
copy (the same per-viewer link, checked on every fetch by ``webapp.media.ServedMediaGuard``),
the card's texts, a ``<details>`` for its scores and ids, and buttons that raise one custom
event each (``CARD_EVENTS``) carrying the clip's id. Gradio patches the block's DOM in place on
a redraw, so a video someone is watching keeps playing while the texts around it change.

Every user-written part is escaped: the texts are the same Markdown as before
(``clip_card_text``), already escaped there, rendered with raw HTML turned off.
"""

from __future__ import annotations

import html
import urllib.parse
from collections.abc import Sequence
from functools import lru_cache

from markdown_it import MarkdownIt

from webapp.feed import ClipCard
from webapp.i18n import text
from webapp.ui.clip_card_text import card_markdown, details_markdown
from webapp.ui.text import clip_state_words

# The custom events a card's buttons raise (``trigger(name, {clip})`` in CARD_EVENTS_JS).
STAR, VERIFY, DELETE = "star_card", "verify_card", "delete_card"
CARD_EVENTS = (STAR, VERIFY, DELETE)

# One listener on the block, so it survives every redraw of the cards inside it. Gradio makes
# an event listener (``cards.star_card(...)``) for each quoted name that appears here.
CARD_EVENTS_JS = (
    "const actions = ['star_card', 'verify_card', 'delete_card'];"
    " element.addEventListener('click', (event) => {"
    " const button = event.target.closest('button[data-action]');"
    " if (!button || !element.contains(button) || !actions.includes(button.dataset.action))"
    " return;"
    " trigger(button.dataset.action, {clip: button.dataset.clip}); });"
)

# commonmark with raw HTML off: a title someone typed as "<script>" shows as text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False})
_SERVED_ROUTE = "gradio_api/file="  # relative to the page, so a Space's sub-path still works


@lru_cache(maxsize=4096)
def markdown_html(markdown: str) -> str:
    """Markdown as HTML (cached: a redraw mostly repeats the texts it drew last time)."""
    return _MARKDOWN.render(markdown)


def served_link(path: str) -> str:
    """The page-relative link to a served copy (Gradio's file route, guarded per viewer)."""
    return _SERVED_ROUTE + urllib.parse.quote(path)


def cards_html(
    cards: Sequence[ClipCard],
    videos: Sequence[str | None],
    deletable: Sequence[bool],
    language: str | None = "en",
) -> str:
    """The page's cards; ``videos`` holds each card's served copy (None: no video to show)
    and ``deletable`` whether its Delete button applies. "" for no cards."""
    if not cards:
        return ""
    body = "".join(
        _card_html(index, card, video, may_delete, language)
        for index, (card, video, may_delete) in enumerate(
            zip(cards, videos, deletable, strict=True)
        )
    )
    return f'<div class="clip-cards">{body}</div>'


def _card_html(
    index: int, card: ClipCard, video: str | None, deletable: bool, language: str | None
) -> str:
    clip = html.escape(card.public_id)
    buttons = []
    if card.can_star_in:
        buttons.append(_button(index, STAR, "feed-star", clip, text("studio.star", language),
                               "primary"))  # fmt: skip
    buttons.append(_button(index, VERIFY, "feed-verify", clip, text("clips.verify", language)))
    if deletable:
        buttons.append(_button(index, DELETE, "feed-delete", clip, text("clips.delete", language),
                               "stop"))  # fmt: skip
    details = html.escape(text("clips.details", language))
    return (
        f'<article class="clip-card" data-clip="{clip}">'
        f'<div class="clip-card-video" id="feed-video-{index}">{_player(card, video, language)}'
        f"</div>"
        f'<div class="clip-card-text prose" id="feed-card-{index}">'
        f"{markdown_html(card_markdown(card, language))}</div>"
        f'<div class="clip-card-actions">{"".join(buttons)}</div>'
        f'<details class="clip-card-details" id="feed-details-{index}"><summary>{details}'
        f'</summary><div class="prose" id="feed-details-text-{index}">'
        f"{markdown_html(details_markdown(card, language))}</div></details>"
        f"</article>"
    )


def _player(card: ClipCard, video: str | None, language: str | None) -> str:
    if video is None:
        # No video (still rendering, failed, deleted, or not this viewer's to watch): the box
        # keeps the card's shape and says the clip's state instead.
        state = clip_state_words(card.status, card.hidden_reason, language=language)
        return f'<div class="clip-card-no-video">{html.escape(state)}</div>'
    label = html.escape(text("clips.card_video", language) + ": " + card.title)
    return (
        f'<video controls preload="metadata" playsinline src="{html.escape(served_link(video))}"'
        f' aria-label="{label}"></video>'
    )


def _button(
    index: int, action: str, id_prefix: str, clip: str, caption: str, variant: str = "secondary"
) -> str:
    return (
        f'<button type="button" class="clip-card-button {variant}" id="{id_prefix}-{index}"'
        f' data-action="{action}" data-clip="{clip}">{html.escape(caption)}</button>'
    )
