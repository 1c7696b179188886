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
from webapp.i18n import label
from webapp.media import MediaAccessDeniedError, MediaFiles
from webapp.ui.live import Redraw
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import MEDIA_BUTTONS, as_markdown_text, clip_state_words, ui_error

EMPTY = (
    "No clip uses your doubles yet. When anyone casts one of them (you included), the clip is "
    "listed here from the moment it is queued, private drafts too."
)
TABLE_HEADERS = ["Clip", "Creator", "Created", "Status", "My double", "Note", "Clip id"]


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
        empty_markdown = gr.Markdown(EMPTY, elem_classes=["empty-state"], visible=False)
        appearances_table = gr.Dataframe(
            headers=TABLE_HEADERS, datatype=["str"] * len(TABLE_HEADERS), interactive=False,
            label="Select a row to act on it", wrap=True, elem_id="appearances-table",
            visible=False,
        )  # fmt: skip
        # Hidden: the list redraws itself (webapp/ui/live.py); the event stays an API.
        refresh_button = gr.Button(
            "Refresh", size="sm", elem_id="appearances-refresh", visible=False
        )
        with gr.Column(variant="panel", visible=False) as actions_column:
            clip_dropdown = gr.Dropdown(choices=[], value=None, label="Clip",
                                        elem_id="appearance-clip")  # fmt: skip
            with gr.Row(equal_height=False):
                appearance_video = gr.Video(
                    label="Watch", interactive=False, height=240, elem_id="appearance-video",
                    buttons=MEDIA_BUTTONS,
                )  # fmt: skip
                details_markdown = gr.Markdown(elem_id="appearance-details")
            with gr.Row(equal_height=False):
                with gr.Column(min_width=220):
                    delete_confirm_checkbox = gr.Checkbox(
                        label="Yes: delete this clip for everyone and erase its video"
                    )
                    delete_button = gr.Button("Delete clip", variant="stop",
                                              elem_id="appearance-delete")  # fmt: skip
                with gr.Column(min_width=220):
                    report_reason_textbox = gr.Textbox(
                        label="What is wrong with this clip?", lines=2,
                        max_length=MAX_REPORT_CHARS, elem_id="appearance-report-reason",
                    )  # fmt: skip
                    report_button = gr.Button("Report clip", elem_id="appearance-report")
                with gr.Column(min_width=220):
                    revoke_button = gr.Button("Revoke creator's permission",
                                              elem_id="appearance-revoke")  # fmt: skip
                    restore_button = gr.Button("Restore creator's permission", size="sm",
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
) -> Redraw:
    """Wire the tab; returns how to redraw its list (the live poller calls it on a change)."""
    list_outputs = [ui.signed_out_markdown, ui.signed_in_column, ui.empty_markdown,
                    ui.appearances_table, ui.clip_ids, ui.clip_dropdown,
                    ui.actions_column]  # fmt: skip

    def show_list(token: str | None) -> tuple[Any, ...]:
        user = auth.current_user(token)
        if user is None:
            return (gr.Markdown(visible=True), gr.Column(visible=False), gr.Markdown(visible=False),
                    [], [], gr.Dropdown(choices=[], value=None),
                    gr.Column(visible=False))  # fmt: skip
        records = appearances.list(user)
        choices = [(_choice_label(r), r.clip_public_id) for r in records]
        return (gr.Markdown(visible=False), gr.Column(visible=True),
                gr.Markdown(visible=not records),
                gr.Dataframe([_table_row(r) for r in records], visible=bool(records)),
                [r.clip_public_id for r in records], gr.Dropdown(choices=choices),
                gr.Column(visible=bool(records)))  # fmt: skip

    ui.refresh_button.click(show_list, [session.token], list_outputs, api_name="list_appearances")
    session.token.change(show_list, [session.token], list_outputs, api_visibility="private")

    def pick_row(clip_ids: list[str], event: gr.SelectData) -> Any:
        row = event.index[0] if isinstance(event.index, list | tuple) else event.index
        return clip_ids[row] if 0 <= row < len(clip_ids) else None

    ui.appearances_table.select(pick_row, [ui.clip_ids], [ui.clip_dropdown],
                                api_visibility="private")  # fmt: skip

    def show_clip(token: str | None, clip_id: str | None) -> tuple[Any, str, Any, str]:
        user = auth.current_user(token)
        record = _find(appearances.list(user), clip_id) if user and clip_id else None
        if user is None or record is None:
            return None, "", gr.Button(interactive=False), ""
        return (_video_file(media_files, user, record), details_markdown(record),
                gr.Button(interactive=not record.made_by_me), "")  # fmt: skip

    ui.clip_dropdown.change(
        show_clip, [session.token, ui.clip_dropdown],
        [ui.appearance_video, ui.details_markdown, ui.revoke_button, ui.result_markdown],
        api_visibility="private",
    )  # fmt: skip

    def show_clip_after(token: str | None, clip_id: str | None) -> tuple[Any, ...]:
        video, details, revoke, _result = show_clip(token, clip_id)
        return video, details, revoke, False

    _listen_actions(ui, session, auth, appearances, show_list, list_outputs, show_clip_after)
    return Redraw(show_list, [session.token], list_outputs)


def _listen_actions(
    ui: AppearancesComponents, session: SessionComponents, auth: AuthService,
    appearances: AppearanceService, show_list: Any, list_outputs: list[Any],
    show_clip_after: Any,
) -> None:  # fmt: skip
    def act(action: Any, title: str) -> Any:
        def handler(token: str | None, clip_id: str | None, *extra: Any) -> str:
            user = require_user(auth, token)
            if not clip_id:
                raise ui_error("Choose a clip from the list first.", title=title)
            try:
                return as_markdown_text(action(user, clip_id, *extra))
            except AppearanceError as error:
                raise ui_error(str(error), title=title) from None

        return handler

    def refresh_after(event: Any) -> Any:
        return event.success(show_list, [session.token], list_outputs, api_visibility="private")

    target = [session.token, ui.clip_dropdown]
    refresh_after(ui.delete_button.click(
        act(lambda user, clip_id, _confirmed: appearances.delete(user, clip_id), "Not deleted"),
        [*target, ui.delete_confirm_checkbox], [ui.result_markdown],
        api_name="delete_appearance", validator=_confirmed_validator,
    )).then(
        # The deleted clip's player empties and its details say "deleted"; the confirmation
        # box is cleared so the next delete asks again.
        show_clip_after, target, [ui.appearance_video, ui.details_markdown, ui.revoke_button,
                                  ui.delete_confirm_checkbox], api_visibility="private",
    )  # fmt: skip
    ui.report_button.click(
        act(appearances.report, "Not reported"), [*target, ui.report_reason_textbox],
        [ui.result_markdown], api_name="report_appearance", validator=_reason_validator,
    )  # fmt: skip
    refresh_after(ui.revoke_button.click(
        act(appearances.revoke_creator, "Not revoked"), target, [ui.result_markdown],
        api_name="revoke_creator",
    ))  # fmt: skip
    refresh_after(ui.restore_button.click(
        act(appearances.restore_creator, "Not restored"), target, [ui.result_markdown],
        api_name="restore_creator",
    ))  # fmt: skip


def _confirmed_validator(_token: Any, clip_id: Any, confirmed: bool) -> list[dict[str, Any]]:
    """Shown next to the fields before the server is asked."""
    return [
        gr.validate(True, ""),
        gr.validate(bool(clip_id), "Choose a clip first."),
        gr.validate(bool(confirmed), "Tick this box to confirm the deletion."),
    ]


def _reason_validator(_token: Any, clip_id: Any, reason: str | None) -> list[dict[str, Any]]:
    text = (reason or "").strip()
    return [
        gr.validate(True, ""),
        gr.validate(bool(clip_id), "Choose a clip first."),
        gr.validate(
            0 < len(text) <= MAX_REPORT_CHARS,
            f"Say briefly what is wrong (1–{MAX_REPORT_CHARS} characters).",
        ),
    ]


def _table_row(record: AppearanceRecord) -> list[str]:
    # The Dataframe shows cell text as plain text, so nothing here needs escaping.
    mine = ", ".join(f"@{handle} as {role}" for role, handle in record.my_roles.items())
    creator = "me" if record.made_by_me else f"@{record.creator_username}"
    state = clip_state_words(record.status, record.hidden_reason)
    return [record.title, creator, f"{record.created_at:%Y-%m-%d %H:%M}", state, mine,
            record.hidden_reason or "", record.clip_public_id]  # fmt: skip


def _choice_label(record: AppearanceRecord) -> str:
    return f"{record.title} · @{record.creator_username} · {record.created_at:%Y-%m-%d %H:%M}"


def details_markdown(record: AppearanceRecord) -> str:
    mine = ", ".join(
        f"@{as_markdown_text(handle)} as {as_markdown_text(role)}"
        for role, handle in record.my_roles.items()
    )
    lines = [
        f"**{as_markdown_text(record.title)}**",
        f"Made by {as_markdown_text(record.creator_display_name)} "
        f"(@{as_markdown_text(record.creator_username)}) on {record.created_at:%Y-%m-%d %H:%M}",
        f"Status: {clip_state_words(record.status, record.hidden_reason)} · your doubles: {mine}",
    ]
    if record.hidden_reason:
        lines.append(f"⚠️ {as_markdown_text(record.hidden_reason)}")
    if record.creator_revoked:
        lines.append("You revoked this creator's permission for your doubles in this clip.")
    if record.video_sha is None:
        lines.append("No video to watch (not finished, or deleted).")
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
