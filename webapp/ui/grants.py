"""'Who may use this double': per-person approvals, inside the My doubles edit panel.

The handle travels in a hidden textbox so API clients name the double explicitly; the server
checks on every call that the signed-in user owns it, whatever the page sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from webapp.auth import AuthService
from webapp.doubles import DoubleService
from webapp.grants import GrantError, GrantRecord, GrantService
from webapp.i18n import label, say, text
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import as_markdown_text, ui_error

# Each grant's status in words (``grants.status.*`` in webapp/i18n/topics/people.py).
GRANT_STATUSES = ("approved", "revoked")


@dataclass
class GrantsComponents:
    grants_column: gr.Column
    grants_double_handle_textbox: gr.Textbox
    grants_radio: gr.Radio
    grants_empty_markdown: gr.Markdown
    grant_username_textbox: gr.Textbox
    grant_button: gr.Button
    withdraw_named_button: gr.Button
    ungrant_button: gr.Button
    restore_grant_button: gr.Button
    grants_status_markdown: gr.Markdown


def render() -> GrantsComponents:
    with gr.Column(visible=False, elem_id="double-grants") as grants_column:
        gr.Markdown(label("grants.about"))
        grants_double_handle_textbox = gr.Textbox(label=label("grants.double"), visible=False)
        grants_radio = gr.Radio([], label=label("grants.people_label"), visible=False)
        grants_empty_markdown = gr.Markdown(label("grants.empty"), elem_classes=["empty-state"])
        with gr.Row(equal_height=True):
            grant_username_textbox = gr.Textbox(
                label=label("grants.person"), placeholder=label("grants.person_placeholder"),
                max_length=64, scale=3,
            )  # fmt: skip
            grant_button = gr.Button(
                label("grants.approve"), variant="primary", scale=1, min_width=90
            )
            withdraw_named_button = gr.Button(label("grants.withdraw"), scale=1, min_width=90)
        with gr.Row():
            ungrant_button = gr.Button(label("grants.remove_selected"), size="sm")
            restore_grant_button = gr.Button(label("grants.restore_selected"), size="sm")
        grants_status_markdown = gr.Markdown()
    return GrantsComponents(**{name: value for name, value in locals().items()})


def listen(
    ui: GrantsComponents,
    session: SessionComponents,
    auth: AuthService,
    doubles: DoubleService,
    grants: GrantService,
    *,
    selected_double_id: gr.State,
    visibility_radio: gr.Radio,
    language: gr.Dropdown | None = None,
) -> tuple[Any, list[Any], list[Any]]:
    """Wire the grant controls; returns the loader, its inputs and outputs, for chaining
    after the edit panel opens or saves. Handlers read the page's ``language`` last, optional
    for API clients (English)."""
    lang_input = [] if language is None else [language]
    list_outputs = [ui.grants_radio, ui.grants_empty_markdown]
    load_outputs = [ui.grants_column, ui.grants_double_handle_textbox, *list_outputs]

    def load(
        token: str | None, double_id: int | None, visibility: str | None, lang: str | None = "en"
    ) -> tuple[Any, ...]:
        user = require_user(auth, token, lang)
        handle = next((d.handle for d in doubles.list_mine(user) if d.id == double_id), None)
        if handle is None:
            return gr.Column(visible=False), "", gr.Radio(choices=[]), gr.Markdown()
        try:
            records = grants.list_grants(user, handle)
        except GrantError as error:
            raise ui_error(say(error, lang)) from None
        # Shown in every tier: withdrawing one person matters for friends and everyone too.
        return gr.Column(visible=True), handle, *_grants_view(records, lang)

    load_inputs = [session.token, selected_double_id, visibility_radio, *lang_input]
    visibility_radio.change(load, load_inputs, load_outputs, api_visibility="private")

    def change(action: Any, done: str) -> Any:
        """A handler doing ``action``; ``done`` names its answer (``grants.done.*``)."""

        def handler(
            token: str | None, handle: str, username: str | None, lang: str | None = "en"
        ) -> tuple[Any, ...]:
            user = require_user(auth, token, lang)
            if not (username or "").strip():
                raise ui_error(text("grants.choose_person", lang))
            try:
                records = action(user, handle, username)
            except GrantError as error:
                raise ui_error(say(error, lang)) from None
            message = text(f"grants.done.{done}", lang, name=as_markdown_text(username.strip()))
            return (message, *_grants_view(records, lang), "")

        return handler

    outputs = [ui.grants_status_markdown, *list_outputs, ui.grant_username_textbox]
    common = {"show_progress_on": [ui.grants_status_markdown]}
    gr.on(
        [ui.grant_button.click, ui.grant_username_textbox.submit],
        change(grants.approve, "approved"),
        [session.token, ui.grants_double_handle_textbox, ui.grant_username_textbox, *lang_input],
        outputs,
        api_name="grant_double", **common,
    )  # fmt: skip
    ui.withdraw_named_button.click(
        change(grants.withdraw, "withdrawn"),
        [session.token, ui.grants_double_handle_textbox, ui.grant_username_textbox, *lang_input],
        outputs,
        api_name="withdraw_double_person", **common,
    )  # fmt: skip
    ui.ungrant_button.click(
        change(grants.withdraw, "withdrawn"),
        [session.token, ui.grants_double_handle_textbox, ui.grants_radio, *lang_input], outputs,
        api_name="ungrant_double", **common,
    )  # fmt: skip
    ui.restore_grant_button.click(
        change(grants.restore, "restored"),
        [session.token, ui.grants_double_handle_textbox, ui.grants_radio, *lang_input], outputs,
        api_name="restore_double_grant", **common,
    )  # fmt: skip
    return load, load_inputs, load_outputs


def _grants_view(records: list[GrantRecord], language: str | None = "en") -> tuple[Any, Any]:
    # Radio labels are shown as text by Gradio, so names need no escaping here.
    choices = [(grant_label(r, language), r.username) for r in records]
    return gr.Radio(choices=choices, value=None, visible=bool(choices)), gr.Markdown(
        visible=not choices
    )


def grant_label(record: GrantRecord, language: str | None = "en") -> str:
    """One person's row in the list: username, display name and their status, in words."""
    status = (
        text(f"grants.status.{record.status}", language)
        if record.status in GRANT_STATUSES
        else record.status
    )
    return f"{record.username} · {record.display_name} · {status}"
