"""The "My data" tab: what we keep, download all of it, delete the account."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from webapp.account_data import DELETE_CONFIRMATION_HINT, AccountDataError, AccountDataService
from webapp.auth import AuthService
from webapp.i18n import label
from webapp.media import MediaFiles
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import ui_error


@dataclass
class PrivacyComponents:
    export_button: gr.Button
    export_file: gr.File
    confirm_textbox: gr.Textbox
    delete_button: gr.Button
    delete_markdown: gr.Markdown


def render() -> PrivacyComponents:
    gr.Markdown(label("privacy.what_we_keep"))
    with gr.Group():
        export_button = gr.Button(label("privacy.export"), elem_id="export-data")
        export_file = gr.File(
            label=label("privacy.export_file"), interactive=False, elem_id="export-file"
        )
    with gr.Accordion("Delete my account", open=False, elem_id="delete-account"):
        gr.Markdown(
            "This erases every double's media, face and voice data, removes every clip you made "
            "or appear in, ends your friendships and signs you out everywhere. It can't be undone."
        )
        confirm_textbox = gr.Textbox(label="Your username", info=DELETE_CONFIRMATION_HINT,
                                     elem_id="delete-confirm")  # fmt: skip
        delete_button = gr.Button(label("privacy.delete_account"), variant="stop",
                                  elem_id="delete-account-button")  # fmt: skip
        delete_markdown = gr.Markdown()
    return PrivacyComponents(export_button, export_file, confirm_textbox, delete_button,
                             delete_markdown)  # fmt: skip


def listen(
    ui: PrivacyComponents,
    session: SessionComponents,
    auth: AuthService,
    account_data: AccountDataService,
    media_files: MediaFiles,
) -> Any:
    """Wire export and account deletion; returns the deletion event for chaining."""

    def export(token: str | None) -> str:
        user = require_user(auth, token)
        try:
            data = account_data.export(user)
        except AccountDataError as error:
            raise ui_error(str(error)) from None
        path = media_files.temporary_file(
            data, f"costar-{user.username}-data", "application/zip", viewer=user
        )
        return str(path)

    ui.export_button.click(export, [session.token], [ui.export_file], api_name="export_my_data",
                           show_progress_on=[ui.export_file])  # fmt: skip

    def delete(token: str | None, confirmation: str) -> tuple[Any, ...]:
        user = require_user(auth, token)
        try:
            counts = account_data.delete_account(user, confirmation)
        except AccountDataError as error:
            return gr.update(), gr.update(), f"**Not deleted.** {error}"
        message = (
            f"Your account is deleted: {counts['doubles']} double(s) erased and "
            f"{counts['clips']} clip(s) removed. You are signed out."
        )
        return None, None, message

    return ui.delete_button.click(
        delete, [session.token, ui.confirm_textbox],
        [session.token, session.saved_token, ui.delete_markdown], api_name="delete_my_account",
    )  # fmt: skip
