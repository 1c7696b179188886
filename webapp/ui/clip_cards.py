"""The buttons on each clip card (Clips tab): Star in this, Verify and Delete act on that card's
clip; what follows (role choice, progress, the new clip, the verification, the confirmation)
shows in the panel under the cards, scrolled into view.

The cards are one HTML block (``webapp/ui/clip_card_html.py``); a button raises that block's
custom event with the clip's id. The id comes from the browser, so it is only trusted when it
is a clip this session's page shows, and the services check the person's rights again."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import gradio as gr

from webapp.appearances import AppearanceError, AppearanceService
from webapp.auth import AuthService
from webapp.clips import ClipError, ClipService
from webapp.feed import FeedError, FeedService
from webapp.i18n import say, text
from webapp.media import MediaFiles
from webapp.render_queue import RenderQueue
from webapp.ui.clip_card_text import verification_markdown
from webapp.ui.clip_progress import (
    FOLLOWERS,
    clip_file,
    clip_text,
    follow_clip_updates,
    waiting_text,
)
from webapp.ui.clips_feed import FeedComponents
from webapp.ui.live import Redraw
from webapp.ui.page_js import scroll_into_view
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import as_markdown_text, ui_error


def listen(
    ui: FeedComponents, session: SessionComponents, auth: AuthService, feed: FeedService,
    clips: ClipService, workers: RenderQueue, media_files: MediaFiles,
    appearances: AppearanceService, redraw: Redraw, language: gr.Dropdown,
) -> None:  # fmt: skip
    """Wire every card's buttons (internal events: the API keeps star_in_clip, verify_clip).
    What they write is in the page's language."""
    swap_outputs = [ui.clip_dropdown, ui.swap_video, ui.swap_markdown, ui.swap_clip_id,
                    ui.swap_cancel_button]  # fmt: skip

    def star(
        token: str | None, page_ids: list[list[str]], star_in_ids: dict[str, list[str]],
        lang: str | None = "en",
        event: gr.EventData = None,  # type: ignore[assignment] - see _clip_on_page
        progress: gr.Progress = gr.Progress(),  # noqa: B008 - Gradio's idiom
    ) -> Iterator[tuple[Any, ...]]:  # fmt: skip
        user = require_user(auth, token, lang)
        clip_id = _clip_on_page(page_ids, event, lang)
        roles = (star_in_ids or {}).get(clip_id)
        if roles is None:
            raise ui_error(text("clips.not_possible", lang),
                           title=text("clips.not_possible_title", lang))  # fmt: skip
        if len(roles) > 1:  # the panel's role picker asks which one
            yield clip_id, gr.skip(), text("clips.choose_role", lang), gr.skip(), gr.skip()
            return
        try:
            clip = clips.star_in_clip(user, clip_id, roles[0])
        except ClipError as error:
            raise ui_error(say(error, lang), title=text("clips.not_made_title", lang)) from None
        delayed = not workers.submit(clip.id)
        yield (clip_id, gr.Video(value=None, visible=True),
               waiting_text(clip, delayed=delayed, language=lang), clip.id,
               gr.Button(visible=True))  # fmt: skip
        for record in follow_clip_updates(clips, user, clip.id, progress, lang):
            if not record.finished:
                waiting = waiting_text(record, delayed=delayed, language=lang)
                yield gr.skip(), gr.skip(), waiting, gr.skip(), gr.skip()
                continue
            yield (gr.skip(), clip_file(media_files, user, record), clip_text(record, lang),
                   None, gr.Button(visible=False))  # fmt: skip

    def verify(
        token: str | None, page_ids: list[list[str]], lang: str | None = "en",
        event: gr.EventData = None,  # type: ignore[assignment] - see _clip_on_page
    ) -> tuple[Any, ...]:  # fmt: skip
        user = require_user(auth, token, lang)
        clip_id = _clip_on_page(page_ids, event, lang)
        try:
            return clip_id, verification_markdown(feed.verify(user, clip_id), lang)
        except FeedError as error:
            raise ui_error(say(error, lang), title=text("clips.not_verified_title", lang)) from None

    def ask_delete(
        page_ids: list[list[str]], lang: str | None = "en",
        event: gr.EventData = None,  # type: ignore[assignment] - see _clip_on_page
    ) -> tuple[Any, ...]:  # fmt: skip
        clip_id = _clip_on_page(page_ids, event, lang)
        title = next(t for i, t in page_ids if i == clip_id)
        question = text("clips.delete_question", lang, title=as_markdown_text(title))
        return clip_id, gr.Row(visible=True), question, ""

    ui.cards.star_card(
        star, [session.token, ui.page_ids, ui.star_in_ids, language], swap_outputs,
        api_visibility="private", concurrency_limit=FOLLOWERS, concurrency_id="render-follow",
        show_progress_on=[ui.swap_video], js=scroll_into_view("swap-info"),
    )  # fmt: skip
    ui.cards.verify_card(
        verify, [session.token, ui.page_ids, language], [ui.clip_dropdown, ui.verify_markdown],
        api_visibility="private", concurrency_limit=2, concurrency_id="verify",
        show_progress_on=[ui.verify_markdown],
    ).success(None, js=scroll_into_view("feed-verify-result"))  # fmt: skip
    ui.cards.delete_card(
        ask_delete, [ui.page_ids, language],
        [ui.clip_dropdown, ui.delete_confirm_row, ui.delete_confirm_markdown,
         ui.delete_result_markdown], api_visibility="private",
    ).success(None, js=scroll_into_view("feed-delete-confirm"))  # fmt: skip

    def delete(token: str | None, clip_id: str | None, lang: str | None = "en") -> tuple[Any, ...]:
        user = require_user(auth, token, lang)
        not_deleted = text("clips.not_deleted_title", lang)
        if not clip_id:
            raise ui_error(text("clips.choose_first", lang), title=not_deleted)
        try:
            message = appearances.delete(user, clip_id)
        except AppearanceError as error:
            raise ui_error(say(error, lang), title=not_deleted) from None
        return gr.Row(visible=False), as_markdown_text(message)

    # The confirmation closes after either answer, so the next delete asks again.
    ui.delete_yes_button.click(
        delete, [session.token, ui.clip_dropdown, language],
        [ui.delete_confirm_row, ui.delete_result_markdown], api_visibility="private",
    ).success(redraw.fn, redraw.inputs, redraw.outputs, api_visibility="private")  # fmt: skip
    ui.delete_keep_button.click(
        lambda lang: (gr.Row(visible=False), text("clips.kept", lang)), [language],
        [ui.delete_confirm_row, ui.delete_result_markdown], api_visibility="private",
    )  # fmt: skip


def _clip_on_page(
    page_ids: list[list[str]], event: gr.EventData | None, language: str | None = "en"
) -> str:
    """The clip a card's button names, when this session's page shows it; a stale page or a
    forged id gets the same plain answer (the services would refuse a forged one anyway).

    The handlers annotate ``event`` with the bare ``gr.EventData`` class: Gradio hands the
    event's data only to a parameter annotated so, not ``gr.EventData | None``."""
    data = getattr(event, "_data", None)
    clip_id = data.get("clip") if isinstance(data, dict) else None
    if not isinstance(clip_id, str) or clip_id not in {i for i, _ in page_ids or []}:
        raise ui_error(text("clips.no_clip", language), title=text("clips.no_clip_title", language))
    return clip_id
