"""The "My data" tab: what we keep, download all of it, delete the account."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from webapp.account_data import AccountDataError, AccountDataService
from webapp.auth import AuthService
from webapp.i18n import label, say, text
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
    with gr.Accordion(label("privacy.delete_heading"), open=False, elem_id="delete-account"):
        gr.Markdown(label("privacy.delete_warning"))
        confirm_textbox = gr.Textbox(label=label("privacy.your_username"),
                                     info=label("privacy.confirm_hint"),
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
    language: gr.Dropdown | None = None,
) -> Any:
    """Wire export and account deletion; returns the deletion event for chaining. Handlers read
    the page's ``language`` last, optional for API clients (English)."""
    lang_input = [] if language is None else [language]

    def export(token: str | None, lang: str | None = "en") -> str:
        user = require_user(auth, token, lang)
        try:
            data = account_data.export(user)
        except AccountDataError as error:
            raise ui_error(say(error, lang)) from None
        path = media_files.temporary_file(
            data, f"costar-{user.username}-data", "application/zip", viewer=user
        )
        return str(path)

    ui.export_button.click(export, [session.token, *lang_input], [ui.export_file],
                           api_name="export_my_data",
                           show_progress_on=[ui.export_file])  # fmt: skip

    def delete(token: str | None, confirmation: str, lang: str | None = "en") -> tuple[Any, ...]:
        user = require_user(auth, token, lang)
        try:
            counts = account_data.delete_account(user, confirmation)
        except AccountDataError as error:
            return gr.update(), gr.update(), not_deleted_text(error, lang)
        message = text("privacy.deleted", lang, doubles=counts["doubles"], clips=counts["clips"])
        return None, None, message

    return ui.delete_button.click(
        delete, [session.token, ui.confirm_textbox, *lang_input],
        [session.token, session.saved_token, ui.delete_markdown], api_name="delete_my_account",
    )  # fmt: skip


def not_deleted_text(error: Exception, language: str | None = "en") -> str:
    """Why the account was not deleted, in the page's language."""
    # The reason is the service's own sentence, with nothing a person typed in it.
    return text("privacy.not_deleted", language, reason=say(error, language))
