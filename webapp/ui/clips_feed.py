"""The "Clips" tab: my clips, clips featuring me, friends' clips and public clips, as cards.

Every page comes from ``FeedService`` (which asks the rulebook about each clip) and every video
is a per-viewer served copy from ``MediaFiles``. The cards are one HTML block
(``webapp/ui/clip_card_html.py``), whose buttons raise events wired in ``clip_cards.py``. The
clip chosen under the cards is kept in ``selected_clip_id`` so "Star in this" (wired by the
Studio) and "Verify" act on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from webapp.auth import AuthService, CurrentUser
from webapp.clips import ClipError, ClipService
from webapp.feed import FEED_SECTION_LABELS, ClipCard, FeedError, FeedPage, FeedService
from webapp.i18n import choice_labels, label, say, text
from webapp.media import MediaFiles
from webapp.render_queue import RenderQueue
from webapp.ui.clip_card_html import CARD_EVENTS_JS, cards_html, served_link
from webapp.ui.clip_card_text import (
    card_markdown,
    details_markdown,
    page_text,
    verification_markdown,
)
from webapp.ui.clip_progress import (
    FOLLOWERS,
    cancel_text,
    clip_file,
    clip_text,
    follow_clip,
    waiting_text,
)
from webapp.ui.live import Redraw
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import MEDIA_BUTTONS, REMOVED_REASON, ui_error
from webapp.ui.updates import skip_unchanged

CARDS_PER_PAGE = 12
REMOVED = REMOVED_REASON
# Every text the server writes on this tab comes from webapp/i18n/topics/clips.py, in the
# page's language: a page's empty state is "clips.empty.<section>".


@dataclass
class FeedComponents:
    signed_out_markdown: gr.Markdown
    signed_in_column: gr.Column
    section_radio: gr.Radio
    page_number: gr.Number
    refresh_button: gr.Button
    api_button: gr.Button  # list_feed: the page as data for API clients
    api_page: gr.JSON
    page_markdown: gr.Markdown
    cards: gr.HTML  # the page's cards, one HTML block (webapp/ui/clip_card_html.py)
    previous_button: gr.Button
    next_button: gr.Button
    clip_dropdown: gr.Dropdown
    selected_clip_id: gr.State  # the lead's "Star in this" swap reads this
    verify_button: gr.Button
    star_in_this_button: gr.Button
    verify_markdown: gr.Markdown
    star_in_ids: gr.State  # public id -> roles, for clips on this page the viewer may star in
    swap_role_dropdown: gr.Dropdown
    swap_cancel_button: gr.Button
    swap_clip_id: gr.State
    swap_video: gr.Video
    swap_markdown: gr.Markdown
    actions_column: gr.Column  # clip picker, Verify, Star in this: only when there are clips
    page_ids: gr.State  # [public id, title] of each clip on this page, in order
    delete_confirm_row: gr.Row
    delete_confirm_markdown: gr.Markdown
    delete_yes_button: gr.Button
    delete_keep_button: gr.Button
    delete_result_markdown: gr.Markdown


def render() -> FeedComponents:
    signed_out_markdown = gr.Markdown(label("clips.signed_out"))
    with gr.Column(visible=False) as signed_in_column:
        with gr.Row(equal_height=True):
            section_radio = gr.Radio(
                choice_labels(
                    [(name, value) for value, name in FEED_SECTION_LABELS.items()],
                    "clips.section",
                ),
                value="mine", label=label("clips.show"), scale=4, elem_id="feed-section",
            )  # fmt: skip
            page_number = gr.Number(1, label=label("clips.page"), precision=0, minimum=1, scale=1)
            # The page redraws itself when something changes (webapp/ui/live.py); the hidden
            # button keeps the list_feed endpoint for API clients.
            refresh_button = gr.Button("Refresh", scale=1, elem_id="feed-refresh", visible=False)
            # list_feed: the same page as data, for API clients (never drawn).
            api_button = gr.Button("List", visible=False, elem_id="feed-list")
            api_page = gr.JSON(visible=False)
        page_markdown = gr.Markdown(elem_classes=["empty-state"], elem_id="feed-page-info")
        cards = gr.HTML("", elem_id="feed-cards", js_on_load=CARD_EVENTS_JS, padding=False)
        with gr.Row():
            previous_button = gr.Button(
                label("clips.previous"), interactive=False, elem_id="feed-previous"
            )
            next_button = gr.Button(label("clips.next"), interactive=False, elem_id="feed-next")
        with gr.Column(variant="panel", visible=False, elem_id="feed-actions") as actions_column:
            with gr.Row(visible=False, elem_id="feed-delete-confirm") as delete_confirm_row:
                delete_confirm_markdown = gr.Markdown()
                delete_yes_button = gr.Button(label("clips.delete_yes"), variant="stop",
                                              elem_id="feed-delete-yes")  # fmt: skip
                delete_keep_button = gr.Button(label("clips.delete_keep"),
                                               elem_id="feed-delete-keep")  # fmt: skip
            delete_result_markdown = gr.Markdown(elem_id="feed-delete-result")
            clip_dropdown = gr.Dropdown(
                choices=[], value=None, label=label("clips.clip_on_page"), elem_id="feed-clip",
                info=label("clips.clip_on_page_info"),
            )  # fmt: skip
            with gr.Row(equal_height=True):
                verify_button = gr.Button(label("clips.verify_provenance"), elem_id="feed-verify")
                # Custom values allowed: an API client names the role without the private
                # "choose a clip" event that fills the choices; the service checks the name.
                swap_role_dropdown = gr.Dropdown(
                    choices=[], value=None, label=label("studio.your_role"), visible=False,
                    allow_custom_value=True, elem_id="swap-role",
                    info=label("clips.swap_role_info"),
                )  # fmt: skip
                star_in_this_button = gr.Button(
                    label("studio.star"), variant="primary", interactive=False,
                    elem_id="star-in-this",
                )  # fmt: skip
                swap_cancel_button = gr.Button(label("studio.cancel"), variant="stop",
                                               visible=False, elem_id="swap-cancel")  # fmt: skip
            verify_markdown = gr.Markdown(elem_id="feed-verify-result")
            swap_video = gr.Video(label=label("clips.your_version"), interactive=False,
                                  visible=False, elem_id="swap-video",
                                  buttons=MEDIA_BUTTONS)  # fmt: skip
            swap_markdown = gr.Markdown(elem_id="swap-info")
    return FeedComponents(
        signed_out_markdown, signed_in_column, section_radio, page_number, refresh_button,
        api_button, api_page, page_markdown, cards, previous_button, next_button, clip_dropdown,
        gr.State(None), verify_button, star_in_this_button, verify_markdown, gr.State({}),
        swap_role_dropdown, swap_cancel_button, gr.State(None), swap_video, swap_markdown,
        actions_column, gr.State([]), delete_confirm_row, delete_confirm_markdown,
        delete_yes_button, delete_keep_button, delete_result_markdown,
    )  # fmt: skip


def listen(
    ui: FeedComponents,
    session: SessionComponents,
    auth: AuthService,
    feed: FeedService,
    clips: ClipService,
    workers: RenderQueue,
    media_files: MediaFiles,
    language: gr.Dropdown,
) -> Redraw:
    """Wire the tab; returns how to redraw its page (the live poller calls it on a change).

    Every handler reads the page's language last, optional for API clients (English)."""
    page_outputs = [
        ui.signed_out_markdown, ui.signed_in_column, ui.page_number, ui.page_markdown, ui.cards,
        ui.previous_button, ui.next_button, ui.clip_dropdown, ui.selected_clip_id,
        ui.star_in_ids, ui.star_in_this_button, ui.verify_markdown, ui.actions_column,
        ui.page_ids,
    ]  # fmt: skip

    # Shown or hidden only by this redraw: unchanged, they are skipped (webapp/ui/updates.py).
    layout_only = [ui.signed_out_markdown, ui.signed_in_column, ui.previous_button,
                   ui.next_button, ui.actions_column]  # fmt: skip
    layout_positions = [i for i, output in enumerate(page_outputs)
                        if any(output is mine for mine in layout_only)]  # fmt: skip
    panel = [ui.clip_dropdown, ui.selected_clip_id, ui.star_in_this_button, ui.verify_markdown]
    panel_positions = [i for i, output in enumerate(page_outputs)
                       if any(output is mine for mine in panel)]  # fmt: skip
    page_sent = gr.State(None)
    page_outputs.append(page_sent)

    def show(
        token: str | None, section: str, page_number: float | None, sent: Any = None,
        lang: str | None = "en",
    ) -> tuple[Any, ...]:  # fmt: skip
        user = auth.current_user(token)
        if user is None:
            return (*_signed_out_view(len(page_outputs) - 1), None)
        try:
            page = feed.page(user, section, int(page_number or 1), CARDS_PER_PAGE)
        except FeedError as error:
            raise ui_error(say(error, lang), title=text("clips.not_shown_title", lang)) from None
        values = list(_page_view(media_files, user, page, lang))
        layout_sent, clips_sent = sent if isinstance(sent, tuple) and len(sent) == 2 else [None] * 2
        values, layout_shown = skip_unchanged(values, layout_positions, layout_sent)
        # The panel under the cards (the clip picker, its Star in this, Verify's answer) starts
        # over only when the page's clips change: a redraw leaves someone's pick alone.
        clips_shown = tuple((card.public_id, card.can_star_in) for card in page.cards)
        if clips_shown == clips_sent:
            for position in panel_positions:
                values[position] = gr.skip()
        return (*values, (layout_shown, clips_shown))

    inputs = [session.token, ui.section_radio, ui.page_number, page_sent, language]
    # What the page calls; API clients get the same page as data from list_feed below.
    ui.refresh_button.click(show, inputs, page_outputs, api_name="feed_page",
                            api_visibility="undocumented")  # fmt: skip
    ui.section_radio.change(lambda: 1, None, ui.page_number, api_visibility="private").then(
        show, inputs, page_outputs, api_visibility="private"
    )
    for button, step in ((ui.previous_button, -1), (ui.next_button, 1)):
        button.click(
            lambda page, step=step: max(1, int(page or 1) + step), ui.page_number,
            ui.page_number, api_visibility="private",
        ).then(show, inputs, page_outputs, api_visibility="private")  # fmt: skip
    session.token.change(show, inputs, page_outputs, api_visibility="private")

    def page_data(
        token: str | None, section: str, page_number: float | None, lang: str | None = "en"
    ) -> tuple[dict[str, Any], Any, dict[str, list[str]]]:
        """A page of the feed as data (its cards' texts in Markdown, ids, roles and links); it
        also fills the clip picker, so star_in_clip and verify_clip accept the page's clips."""
        user = require_user(auth, token, lang)
        try:
            page = feed.page(user, section, int(page_number or 1), CARDS_PER_PAGE)
        except FeedError as error:
            raise ui_error(say(error, lang), title=text("clips.not_shown_title", lang)) from None
        videos = _video_files(media_files, user, list(page.cards))
        picker = gr.update(choices=_picker_choices(page), value=None)
        return _page_data(page, videos, lang), picker, _star_in_ids(page)

    ui.api_button.click(
        page_data, [session.token, ui.section_radio, ui.page_number, language],
        [ui.api_page, ui.clip_dropdown, ui.star_in_ids], api_name="list_feed",
    )  # fmt: skip

    def choose(clip_id: str | None, star_in_ids: dict[str, list[str]]) -> tuple[Any, ...]:
        roles = (star_in_ids or {}).get(clip_id or "")
        role_picker = gr.Dropdown(choices=roles or [], value=(roles or [None])[0],
                                  visible=bool(roles) and len(roles) > 1)  # fmt: skip
        return clip_id, gr.Button(interactive=roles is not None), role_picker, ""

    ui.clip_dropdown.change(
        choose, [ui.clip_dropdown, ui.star_in_ids],
        [ui.selected_clip_id, ui.star_in_this_button, ui.swap_role_dropdown, ui.verify_markdown],
        api_visibility="private",
    )  # fmt: skip

    def star_in(
        token: str | None, clip_id: str | None, role: str | None, lang: str | None = "en",
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> Iterator[tuple[Any, ...]]:  # fmt: skip
        user = require_user(auth, token, lang)
        if not clip_id:
            raise ui_error(text("clips.choose_on_page", lang),
                           title=text("clips.none_chosen_title", lang))  # fmt: skip
        try:
            clip = clips.star_in_clip(user, clip_id, role or None)
        except ClipError as error:
            raise ui_error(say(error, lang), title=text("clips.not_made_title", lang)) from None
        queued = waiting_text(clip, delayed=not workers.submit(clip.id), language=lang)
        yield gr.Video(value=None, visible=True), queued, clip.id, gr.Button(visible=True)
        done = follow_clip(clips, user, clip.id, progress, lang)
        yield (clip_file(media_files, user, done), clip_text(done, lang), None,
               gr.Button(visible=False))  # fmt: skip

    ui.star_in_this_button.click(
        star_in, [session.token, ui.clip_dropdown, ui.swap_role_dropdown, language],
        [ui.swap_video, ui.swap_markdown, ui.swap_clip_id, ui.swap_cancel_button],
        api_name="star_in_clip", concurrency_limit=FOLLOWERS,
        concurrency_id="render-follow", show_progress_on=[ui.swap_video],
    )  # fmt: skip
    ui.swap_cancel_button.click(
        lambda token, clip_id, lang: cancel_text(auth, clips, token, clip_id, lang),
        [session.token, ui.swap_clip_id, language], [ui.swap_markdown], api_visibility="private",
    )  # fmt: skip

    def verify(token: str | None, clip_id: str | None, lang: str | None = "en") -> str:
        user = require_user(auth, token, lang)
        if not clip_id:
            raise ui_error(text("clips.choose_on_page", lang),
                           title=text("clips.none_chosen_title", lang))  # fmt: skip
        try:
            return verification_markdown(feed.verify(user, clip_id), lang)
        except FeedError as error:
            raise ui_error(say(error, lang), title=text("clips.not_verified_title", lang)) from None

    ui.verify_button.click(
        verify, [session.token, ui.clip_dropdown, language], [ui.verify_markdown],
        api_name="verify_clip",
        concurrency_limit=2, concurrency_id="verify",
    )  # fmt: skip
    return Redraw(show, inputs, page_outputs)


def _signed_out_view(output_count: int) -> tuple[Any, ...]:
    disabled = gr.update(interactive=False)
    values = [gr.update(visible=True), gr.update(visible=False), 1, "", "", disabled, disabled,
              gr.update(choices=[], value=None), None, {}, disabled, "",
              gr.update(visible=False), []]  # fmt: skip
    assert len(values) == output_count
    return tuple(values)


def _deletable(card: ClipCard, page: FeedPage) -> bool:
    """My clips and clips featuring me: the service deletes those that cast my doubles."""
    return card.hidden_reason != REMOVED and page.section in ("mine", "featuring_me")


def _page_view(
    media_files: MediaFiles, user: CurrentUser, page: FeedPage, language: str | None = "en"
) -> tuple[Any, ...]:
    cards = list(page.cards)
    videos = _video_files(media_files, user, cards)
    deletable = [_deletable(card, page) for card in cards]
    return (
        gr.update(visible=False), gr.update(visible=True), page.page_number,
        page_text(page, language), cards_html(cards, videos, deletable, language),
        gr.update(interactive=page.has_previous), gr.update(interactive=page.has_next),
        gr.update(choices=_picker_choices(page), value=None), None, _star_in_ids(page),
        gr.update(interactive=False), "", gr.update(visible=bool(cards)),
        [[card.public_id, card.title] for card in cards],
    )  # fmt: skip


def _page_data(
    page: FeedPage, videos: list[str | None], language: str | None = "en"
) -> dict[str, Any]:
    """``list_feed``'s answer: the page as data, the same texts the cards show (Markdown)."""
    return {
        "section": page.section,
        "page": page.page_number,
        "has_previous": page.has_previous,
        "has_next": page.has_next,
        "text": page_text(page, language),
        "cards": [
            {
                "clip_id": card.public_id,
                "title": card.title,
                "creator": card.creator_username,
                "status": card.status,
                "card": card_markdown(card, language),
                "details": details_markdown(card, language),
                # The viewer's served copy: fetch it with the media-pass cookie (/media_pass).
                "video": served_link(video) if video else None,
                "star_in_roles": list(card.cast) if card.can_star_in else [],
                "can_delete": _deletable(card, page),
            }
            for card, video in zip(page.cards, videos, strict=True)
        ],
    }


def _video_files(
    media_files: MediaFiles, user: CurrentUser, cards: list[ClipCard]
) -> list[str | None]:
    """Each card's video as this viewer's served copy; None for a card without one.

    A card carries its video's key only when the feed's rulebook lets this viewer watch the
    clip, so the copies are made without asking the rules again; every fetch of one is still
    checked (``MediaFiles.authorised_copies``)."""
    with_video = [card for card in cards if card.video_sha is not None]
    copies = media_files.authorised_copies(
        user, [(card.video_sha, f"costar-{card.public_id}") for card in with_video]
    )
    by_clip = {card.public_id: copy for card, copy in zip(with_video, copies, strict=True)}
    return [str(by_clip[card.public_id]) if by_clip.get(card.public_id) else None for card in cards]


def _picker_choices(page: FeedPage) -> list[tuple[str, str]]:
    """The clip picker's choices: every clip on the page."""
    return [(_choice_label(card), card.public_id) for card in page.cards]


def _star_in_ids(page: FeedPage) -> dict[str, list[str]]:
    """Clips on the page the viewer may star in -> their roles."""
    return {card.public_id: list(card.cast) for card in page.cards if card.can_star_in}


def _choice_label(card: ClipCard) -> str:
    return f"{card.title} · @{card.creator_username} · {card.created_at:%Y-%m-%d %H:%M}"
