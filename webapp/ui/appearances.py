"""The "Appearances" tab: every clip that uses one of my doubles, and my say over each one."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from webapp.appearances import (
    MAX_REPORT_CHARS,
    AppearanceError,
    AppearanceRecord,
    AppearanceService,
)
from webapp.auth import AuthService, CurrentUser
from webapp.i18n import label, say, text
from webapp.media import MediaAccessDeniedError, MediaFiles
from webapp.ui.live import Redraw
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import (
    MEDIA_BUTTONS,
    REMOVED_REASON,
    as_markdown_text,
    clip_state_words,
    hidden_reason_text,
    ui_error,
)

# The table's columns, named in the page's language by ``table_headers``.
COLUMNS = ("clip", "creator", "created", "status", "my_double", "note", "clip_id")


def table_headers(language: str | None = "en") -> list[str]:
    return [text("clips.card_video" if column == "clip" else f"appearances.col.{column}",
                 language) for column in COLUMNS]  # fmt: skip


@dataclass
class AppearancesComponents:
    signed_out_markdown: gr.Markdown
    signed_in_column: gr.Column
    empty_markdown: gr.Markdown
    appearances_table: gr.Dataframe
    refresh_button: gr.Button
    clip_dropdown: gr.Dropdown
    clip_ids: gr.State  # table row -> clip public id
    appearance_video: gr.Video
    details_markdown: gr.Markdown
    delete_confirm_checkbox: gr.Checkbox
    delete_button: gr.Button
    report_reason_textbox: gr.Textbox
    report_button: gr.Button
    revoke_button: gr.Button
    restore_button: gr.Button
    result_markdown: gr.Markdown
    actions_column: gr.Column


def render() -> AppearancesComponents:
    signed_out_markdown = gr.Markdown(label("appearances.signed_out"))
    with gr.Column(visible=False) as signed_in_column:
        gr.Markdown(label("appearances.heading"))
        empty_markdown = gr.Markdown(
            label("appearances.empty"), elem_classes=["empty-state"], visible=False
        )
        appearances_table = gr.Dataframe(
            headers=table_headers(), datatype=["str"] * len(COLUMNS), interactive=False,
            label=label("appearances.table_label"), wrap=True, elem_id="appearances-table",
            visible=False,
        )  # fmt: skip
        # Hidden: the list redraws itself (webapp/ui/live.py); the event stays an API.
        refresh_button = gr.Button(
            "Refresh", size="sm", elem_id="appearances-refresh", visible=False
        )
        with gr.Column(variant="panel", visible=False) as actions_column:
            clip_dropdown = gr.Dropdown(choices=[], value=None, label=label("clips.card_video"),
                                        elem_id="appearance-clip")  # fmt: skip
            with gr.Row(equal_height=False):
                appearance_video = gr.Video(
                    label=label("appearances.watch"), interactive=False, height=240,
                    elem_id="appearance-video", buttons=MEDIA_BUTTONS,
                )  # fmt: skip
                details_markdown = gr.Markdown(elem_id="appearance-details")
            with gr.Row(equal_height=False):
                with gr.Column(min_width=220):
                    delete_confirm_checkbox = gr.Checkbox(label=label("appearances.delete_confirm"))
                    delete_button = gr.Button(label("appearances.delete"), variant="stop",
                                              elem_id="appearance-delete")  # fmt: skip
                with gr.Column(min_width=220):
                    report_reason_textbox = gr.Textbox(
                        label=label("appearances.report_reason"), lines=2,
                        max_length=MAX_REPORT_CHARS, elem_id="appearance-report-reason",
                    )  # fmt: skip
                    report_button = gr.Button(label("appearances.report"),
                                              elem_id="appearance-report")  # fmt: skip
                with gr.Column(min_width=220):
                    revoke_button = gr.Button(label("appearances.revoke"),
                                              elem_id="appearance-revoke")  # fmt: skip
                    restore_button = gr.Button(label("appearances.restore"), size="sm",
                                               elem_id="appearance-restore")  # fmt: skip
            result_markdown = gr.Markdown(elem_id="appearance-result")
    return AppearancesComponents(
        signed_out_markdown, signed_in_column, empty_markdown, appearances_table,
        refresh_button, clip_dropdown, gr.State([]), appearance_video, details_markdown,
        delete_confirm_checkbox, delete_button, report_reason_textbox, report_button,
        revoke_button, restore_button, result_markdown, actions_column,
    )  # fmt: skip


def listen(
    ui: AppearancesComponents,
    session: SessionComponents,
    auth: AuthService,
    appearances: AppearanceService,
    media_files: MediaFiles,
    language: gr.Dropdown,
) -> Redraw:
    """Wire the tab; returns how to redraw its list (the live poller calls it on a change).
    Handlers read the page's language last, optional for API clients (English)."""
    list_outputs = [ui.signed_out_markdown, ui.signed_in_column, ui.empty_markdown,
                    ui.appearances_table, ui.clip_ids, ui.clip_dropdown,
                    ui.actions_column]  # fmt: skip

    def show_list(token: str | None, lang: str | None = "en") -> tuple[Any, ...]:
        user = auth.current_user(token)
        if user is None:
            return (gr.update(visible=True), gr.update(visible=False), gr.update(visible=False),
                    [], [], gr.update(choices=[], value=None),
                    gr.update(visible=False))  # fmt: skip
        records = appearances.list(user)
        choices = [(_choice_label(r), r.clip_public_id) for r in records]
        return (gr.update(visible=False), gr.update(visible=True),
                gr.update(visible=not records),
                gr.update(value=[table_row(r, lang) for r in records], headers=table_headers(lang),
                             visible=bool(records)),
                [r.clip_public_id for r in records], gr.update(choices=choices),
                gr.update(visible=bool(records)))  # fmt: skip

    list_inputs = [session.token, language]
    ui.refresh_button.click(show_list, list_inputs, list_outputs, api_name="list_appearances")
    session.token.change(show_list, list_inputs, list_outputs, api_visibility="private")

    def pick_row(clip_ids: list[str], event: gr.SelectData) -> Any:
        row = event.index[0] if isinstance(event.index, list | tuple) else event.index
        return clip_ids[row] if 0 <= row < len(clip_ids) else None

    ui.appearances_table.select(pick_row, [ui.clip_ids], [ui.clip_dropdown],
                                api_visibility="private")  # fmt: skip

    def show_clip(
        token: str | None, clip_id: str | None, lang: str | None = "en"
    ) -> tuple[Any, str, Any, str]:
        user = auth.current_user(token)
        record = _find(appearances.list(user), clip_id) if user and clip_id else None
        if user is None or record is None:
            return None, "", gr.Button(interactive=False), ""
        return (_video_file(media_files, user, record), details_markdown(record, lang),
                gr.Button(interactive=not record.made_by_me), "")  # fmt: skip

    ui.clip_dropdown.change(
        show_clip, [session.token, ui.clip_dropdown, language],
        [ui.appearance_video, ui.details_markdown, ui.revoke_button, ui.result_markdown],
        api_visibility="private",
    )  # fmt: skip

    def show_clip_after(
        token: str | None, clip_id: str | None, lang: str | None = "en"
    ) -> tuple[Any, ...]:
        video, details, revoke, _result = show_clip(token, clip_id, lang)
        return video, details, revoke, False

    _listen_actions(ui, session, auth, appearances, show_list, list_outputs, show_clip_after,
                    language)  # fmt: skip
    return Redraw(show_list, list_inputs, list_outputs)


def _listen_actions(
    ui: AppearancesComponents, session: SessionComponents, auth: AuthService,
    appearances: AppearanceService, show_list: Any, list_outputs: list[Any],
    show_clip_after: Any, language: gr.Dropdown,
) -> None:  # fmt: skip
    def act(action: Any, title_key: str, extras: int = 0) -> Any:
        """Do ``action`` on the chosen clip; ``extras`` inputs (a confirmation, a reason) come
        between the clip and the page's language."""

        def handler(token: str | None, clip_id: str | None, *rest: Any) -> str:
            extra, lang = rest[:extras], (rest[extras:] or [None])[0]
            title = text(title_key, lang)
            user = require_user(auth, token, lang)
            if not clip_id:
                raise ui_error(text("appearances.choose_from_list", lang), title=title)
            try:
                return as_markdown_text(say(action(user, clip_id, *extra), lang))
            except AppearanceError as error:
                raise ui_error(say(error, lang), title=title) from None

        return handler

    def refresh_after(event: Any) -> Any:
        return event.success(show_list, [session.token, language], list_outputs,
                             api_visibility="private")  # fmt: skip

    target = [session.token, ui.clip_dropdown]
    refresh_after(ui.delete_button.click(
        act(lambda user, clip_id, _confirmed: appearances.delete(user, clip_id),
            "clips.not_deleted_title", extras=1),
        [*target, ui.delete_confirm_checkbox, language], [ui.result_markdown],
        api_name="delete_appearance", validator=_confirmed_validator,
    )).then(
        # The deleted clip's player empties and its details say "deleted"; the confirmation
        # box is cleared so the next delete asks again.
        show_clip_after, [*target, language],
        [ui.appearance_video, ui.details_markdown, ui.revoke_button, ui.delete_confirm_checkbox],
        api_visibility="private",
    )  # fmt: skip
    ui.report_button.click(
        act(appearances.report, "appearances.not_reported", extras=1),
        [*target, ui.report_reason_textbox, language], [ui.result_markdown],
        api_name="report_appearance", validator=_reason_validator,
    )  # fmt: skip
    refresh_after(ui.revoke_button.click(
        act(appearances.revoke_creator, "appearances.not_revoked"), [*target, language],
        [ui.result_markdown], api_name="revoke_creator",
    ))  # fmt: skip
    refresh_after(ui.restore_button.click(
        act(appearances.restore_creator, "appearances.not_restored"), [*target, language],
        [ui.result_markdown], api_name="restore_creator",
    ))  # fmt: skip


def _confirmed_validator(
    _token: Any, clip_id: Any, confirmed: bool, language: str | None = "en"
) -> list[dict[str, Any]]:
    """Shown next to the fields before the server is asked."""
    return [
        gr.validate(True, ""),
        gr.validate(bool(clip_id), text("clips.choose_first", language)),
        gr.validate(bool(confirmed), text("appearances.tick_to_confirm", language)),
        gr.validate(True, ""),
    ]


def _reason_validator(
    _token: Any, clip_id: Any, reason: str | None, language: str | None = "en"
) -> list[dict[str, Any]]:
    written = (reason or "").strip()
    return [
        gr.validate(True, ""),
        gr.validate(bool(clip_id), text("clips.choose_first", language)),
        gr.validate(
            0 < len(written) <= MAX_REPORT_CHARS,
            text("appearances.say_what", language, limit=MAX_REPORT_CHARS),
        ),
        gr.validate(True, ""),
    ]


def table_row(record: AppearanceRecord, language: str | None = "en") -> list[str]:
    """One row of the table, in the page's language."""
    # The Dataframe shows cell text as plain text, so nothing here needs escaping.
    mine = ", ".join(text("appearances.as_role", language, handle=handle, role=role)
                     for role, handle in record.my_roles.items())  # fmt: skip
    creator = (
        text("appearances.me", language) if record.made_by_me else f"@{record.creator_username}"
    )
    state = clip_state_words(record.status, record.hidden_reason, language=language)
    note = ""
    if record.hidden_reason:
        note = (text("clips.deleted", language) if record.hidden_reason == REMOVED_REASON
                else record.hidden_reason)  # fmt: skip
    return [record.title, creator, f"{record.created_at:%Y-%m-%d %H:%M}", state, mine, note,
            record.clip_public_id]  # fmt: skip


def _choice_label(record: AppearanceRecord) -> str:
    return f"{record.title} · @{record.creator_username} · {record.created_at:%Y-%m-%d %H:%M}"


def details_markdown(record: AppearanceRecord, language: str | None = "en") -> str:
    """What the chosen appearance says about itself, in the page's language."""
    mine = ", ".join(
        text("appearances.as_role", language, handle=as_markdown_text(handle),
             role=as_markdown_text(role))
        for role, handle in record.my_roles.items()
    )  # fmt: skip
    made_by = text(
        "appearances.made_by", language, creator=as_markdown_text(record.creator_display_name),
        username=as_markdown_text(record.creator_username),
        date=f"{record.created_at:%Y-%m-%d %H:%M}",
    )  # fmt: skip
    state = clip_state_words(record.status, record.hidden_reason, language=language)
    lines = [
        f"**{as_markdown_text(record.title)}**",
        made_by,
        text("appearances.status_line", language, state=state, doubles=mine),
    ]
    if record.hidden_reason:
        lines.append(f"⚠️ {hidden_reason_text(record.hidden_reason, language)}")
    if record.creator_revoked:
        lines.append(text("appearances.revoked_note", language))
    if record.video_sha is None:
        lines.append(text("appearances.no_video", language))
    return "  \n".join(lines)


def _video_file(media_files: MediaFiles, user: CurrentUser, record: AppearanceRecord) -> Any:
    if record.video_sha is None:
        return None
    try:
        return str(media_files.temporary_copy(user, record.video_sha, record.clip_public_id))
    except MediaAccessDeniedError:
        return None


def _find(records: list[AppearanceRecord], clip_id: str | None) -> AppearanceRecord | None:
    return next((r for r in records if r.clip_public_id == clip_id), None)
