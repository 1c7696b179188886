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
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import as_markdown_text, ui_error

GRANT_LABELS = {"approved": "approved", "revoked": "permission withdrawn"}
EMPTY_GRANTS = (
    "Nobody is named yet. Type a username to approve someone, or to keep one person out "
    "whatever the sharing setting; you can change it again at any time."
)
ABOUT_GRANTS = (
    "#### Who may use this double\nPeople you approve may cast it while it is shared with "
    "“People I approve”. **Withdraw** keeps one person out in every sharing setting — friends "
    "and everyone too — even before they have made anything; it also hides the clips they made "
    "with it, until you restore them."
)


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
        gr.Markdown(ABOUT_GRANTS)
        grants_double_handle_textbox = gr.Textbox(label="Double", visible=False)
        grants_radio = gr.Radio([], label="People with a say on this double", visible=False)
        grants_empty_markdown = gr.Markdown(EMPTY_GRANTS, elem_classes=["empty-state"])
        with gr.Row(equal_height=True):
            grant_username_textbox = gr.Textbox(
                label="A person (username)", placeholder="e.g. bob", max_length=64,
                scale=3,
            )  # fmt: skip
            grant_button = gr.Button("Approve", variant="primary", scale=1, min_width=90)
            withdraw_named_button = gr.Button("Withdraw", scale=1, min_width=90)
        with gr.Row():
            ungrant_button = gr.Button("Remove the selected person", size="sm")
            restore_grant_button = gr.Button("Restore the selected person", size="sm")
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
) -> tuple[Any, list[Any], list[Any]]:
    """Wire the grant controls; returns the loader, its inputs and outputs, for chaining
    after the edit panel opens or saves."""
    list_outputs = [ui.grants_radio, ui.grants_empty_markdown]
    load_outputs = [ui.grants_column, ui.grants_double_handle_textbox, *list_outputs]

    def load(token: str | None, double_id: int | None, visibility: str | None) -> tuple[Any, ...]:
        user = require_user(auth, token)
        handle = next((d.handle for d in doubles.list_mine(user) if d.id == double_id), None)
        if handle is None:
            return gr.Column(visible=False), "", gr.Radio(choices=[]), gr.Markdown()
        try:
            records = grants.list_grants(user, handle)
        except GrantError as error:
            raise ui_error(str(error)) from None
        # Shown in every tier: withdrawing one person matters for friends and everyone too.
        return gr.Column(visible=True), handle, *_grants_view(records)

    load_inputs = [session.token, selected_double_id, visibility_radio]
    visibility_radio.change(load, load_inputs, load_outputs, api_visibility="private")

    def change(action: Any, done: str) -> Any:
        def handler(token: str | None, handle: str, username: str | None) -> tuple[Any, ...]:
            user = require_user(auth, token)
            if not (username or "").strip():
                raise ui_error("Type or choose a person's username first.")
            try:
                records = action(user, handle, username)
            except GrantError as error:
                raise ui_error(str(error)) from None
            message = done.format(name=as_markdown_text(username.strip()))
            return (message, *_grants_view(records), "")

        return handler

    outputs = [ui.grants_status_markdown, *list_outputs, ui.grant_username_textbox]
    common = {"show_progress_on": [ui.grants_status_markdown]}
    gr.on(
        [ui.grant_button.click, ui.grant_username_textbox.submit],
        change(grants.approve, "**{name}** may now use this double."),
        [session.token, ui.grants_double_handle_textbox, ui.grant_username_textbox], outputs,
        api_name="grant_double", **common,
    )  # fmt: skip
    ui.withdraw_named_button.click(
        change(grants.withdraw, "**{name}** may no longer use this double."),
        [session.token, ui.grants_double_handle_textbox, ui.grant_username_textbox], outputs,
        api_name="withdraw_double_person", **common,
    )  # fmt: skip
    ui.ungrant_button.click(
        change(grants.withdraw, "**{name}** may no longer use this double."),
        [session.token, ui.grants_double_handle_textbox, ui.grants_radio], outputs,
        api_name="ungrant_double", **common,
    )  # fmt: skip
    ui.restore_grant_button.click(
        change(grants.restore, "**{name}** is restored: the double's sharing setting applies."),
        [session.token, ui.grants_double_handle_textbox, ui.grants_radio], outputs,
        api_name="restore_double_grant", **common,
    )  # fmt: skip
    return load, load_inputs, load_outputs


def _grants_view(records: list[GrantRecord]) -> tuple[Any, Any]:
    # Radio labels are shown as text by Gradio, so names need no escaping here.
    choices = [
        (f"{r.username} · {r.display_name} · {GRANT_LABELS[r.status]}", r.username) for r in records
    ]
    return gr.Radio(choices=choices, value=None, visible=bool(choices)), gr.Markdown(
        visible=not choices
    )
