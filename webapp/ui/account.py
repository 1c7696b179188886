"""Sign up, sign in (password or Hugging Face), sign out, and the header's account line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.accounts import (
    AccountInputError,
    clean_display_name,
    validate_password,
    validate_username,
)
from webapp.auth import AuthError, AuthService, CurrentUser
from webapp.hf_login import LOGOUT_PATH, login_outcome_message
from webapp.i18n import label, say, text
from webapp.ui.session import SessionComponents
from webapp.ui.text import as_markdown_text, ui_error

HF_PROVIDER = "huggingface"
HF_LOGOUT_URL = LOGOUT_PATH + "?_target_url=/"
RESTORED_OUTPUTS = 5  # token, saved token, account line, the two columns: no password field


@dataclass
class AccountComponents:
    status_markdown: gr.Markdown
    signed_out_column: gr.Column
    signed_in_column: gr.Column
    sign_in_username_textbox: gr.Textbox
    sign_in_password_textbox: gr.Textbox
    sign_in_button: gr.Button
    sign_up_username_textbox: gr.Textbox
    sign_up_display_name_textbox: gr.Textbox
    sign_up_password_textbox: gr.Textbox
    sign_up_password_repeat_textbox: gr.Textbox
    sign_up_button: gr.Button
    sign_out_button: gr.Button
    whoami_button: gr.Button
    whoami_textbox: gr.Textbox
    hf_login_button: gr.LoginButton | None


def status_text(user: CurrentUser | None, language: str | None = "en") -> str:
    """The account line, in the page's language."""
    if user is None:
        return text("account.guest", language)
    return text("account.signed_in_as", language, name=as_markdown_text(user.display_name),
                username=as_markdown_text(user.username))  # fmt: skip


def render_header() -> tuple[gr.Markdown, gr.Column, gr.Button]:
    """The account line and sign-out button shown at the top right of every page."""
    status_markdown = gr.Markdown(label("account.guest"), elem_id="account-status")
    with gr.Column(visible=False) as signed_in_column:
        sign_out_button = gr.Button(label("account.sign_out"), variant="secondary", size="sm")
    return status_markdown, signed_in_column, sign_out_button


def render(hf_oauth: bool, header: tuple[gr.Markdown, gr.Column, gr.Button]) -> AccountComponents:
    """The sign-in and sign-up forms, shown only to guests."""
    status_markdown, signed_in_column, sign_out_button = header
    with gr.Column(visible=True) as signed_out_column, gr.Row(equal_height=False):
        with gr.Column(variant="panel", elem_id="sign-in-form"):
            gr.Markdown(label("account.sign_in_heading"))
            sign_in_username_textbox = gr.Textbox(
                elem_id="sign-in-username", label=label("account.username"), max_length=64
            )
            sign_in_password_textbox = gr.Textbox(
                elem_id="sign-in-password",
                label=label("account.password"),
                type="password",
                max_length=256,
            )
            sign_in_button = gr.Button(label("account.sign_in"), variant="primary")
            hf_login_button = gr.LoginButton() if hf_oauth else None
        with gr.Column(variant="panel", elem_id="sign-up-form"):
            gr.Markdown(label("account.sign_up_heading"))
            sign_up_username_textbox = gr.Textbox(
                elem_id="sign-up-username",
                label=label("account.username"),
                info=label("account.username_info"),
                max_length=64,
            )
            sign_up_display_name_textbox = gr.Textbox(
                elem_id="sign-up-display-name",
                label=label("account.display_name"),
                info=label("account.display_name_info"),
                max_length=128,
            )
            sign_up_password_textbox = gr.Textbox(
                elem_id="sign-up-password",
                label=label("account.password"),
                type="password",
                info=label("account.password_info"),
                max_length=256,
            )
            sign_up_password_repeat_textbox = gr.Textbox(
                elem_id="sign-up-password-repeat",
                label=label("account.repeat_password"),
                type="password",
                max_length=256,
            )
            sign_up_button = gr.Button(label("account.create"), variant="primary")
    # An API endpoint for clients ("who does the server think I am?"), no visible control.
    whoami_button = gr.Button(visible=False)
    whoami_textbox = gr.Textbox(visible=False)
    return AccountComponents(
        status_markdown=status_markdown,
        signed_out_column=signed_out_column,
        signed_in_column=signed_in_column,
        sign_in_username_textbox=sign_in_username_textbox,
        sign_in_password_textbox=sign_in_password_textbox,
        sign_in_button=sign_in_button,
        sign_up_username_textbox=sign_up_username_textbox,
        sign_up_display_name_textbox=sign_up_display_name_textbox,
        sign_up_password_textbox=sign_up_password_textbox,
        sign_up_password_repeat_textbox=sign_up_password_repeat_textbox,
        sign_up_button=sign_up_button,
        sign_out_button=sign_out_button,
        whoami_button=whoami_button,
        whoami_textbox=whoami_textbox,
        hf_login_button=hf_login_button,
    )


def listen(
    blocks: gr.Blocks,
    account: AccountComponents,
    session: SessionComponents,
    auth: AuthService,
    *,
    hf_oauth: bool,
    language: gr.Dropdown | None = None,
) -> tuple[Any, list[Any], list[Any]]:
    """Wire sign-up, sign-in, sign-out and restore; the account line follows ``language``.

    Returns:
        (handler, inputs, outputs) that redraw the page for the current token: other events
        that end a login (account deletion) chain it to sign the page out as sign-out does.
    """
    after_auth = [
        session.token,
        session.saved_token,
        account.status_markdown,
        account.signed_out_column,
        account.signed_in_column,
        account.sign_in_password_textbox,
        account.sign_up_password_textbox,
        account.sign_up_password_repeat_textbox,
    ]

    # The page's language goes last to sign-up and sign-in, optional for API clients (English).
    lang_input = [] if language is None else [language]

    def sign_up(
        username: str, display_name: str, password: str, password_repeat: str,
        lang: str | None = "en",
    ) -> tuple[Any, ...]:  # fmt: skip
        title = text("account.create", lang)
        if password != password_repeat:  # the validator says so too; clients may skip it
            raise ui_error(text("account.passwords_differ", lang), title=title)
        try:
            signed_in = auth.sign_up(username, password, display_name)
        except AuthError as error:
            raise ui_error(say(error, lang), title=title) from None
        return _view(signed_in.token, signed_in.user)

    def sign_in(username: str, password: str, lang: str | None = "en") -> tuple[Any, ...]:
        try:
            signed_in = auth.log_in(username, password)
        except AuthError as error:
            raise ui_error(say(error, lang), title=text("account.sign_in", lang)) from None
        return _view(signed_in.token, signed_in.user)

    def sign_out(token: str | None) -> tuple[Any, ...]:
        auth.log_out(token)
        return _view(None, None)

    def restore(saved_token: str | None) -> tuple[Any, ...]:
        user = auth.current_user(saved_token)
        view = _view(saved_token, user) if user is not None else _view(None, None)
        return view[:RESTORED_OUTPUTS]

    def restore_or_hf_sign_in(
        saved_token: str | None, profile: gr.OAuthProfile | None, request: gr.Request
    ) -> tuple[Any, ...]:
        user = auth.current_user(saved_token)
        if user is not None:
            return _view(saved_token, user)[:RESTORED_OUTPUTS]
        if profile is None:  # gr.LoginButton restricts nothing: no profile, no user
            # A cancelled or failed Hub login comes back here with ?hf_login=… in the URL.
            notice = login_outcome_message(getattr(request, "query_params", None))
            return _view(None, None, notice=notice)[:RESTORED_OUTPUTS]
        try:
            signed_in = auth.sign_in_external(
                provider=HF_PROVIDER,
                subject=str(profile.get("sub") or profile.username),
                preferred_username=profile.username,
                display_name=profile.name or profile.username,
            )
        except AuthError as error:  # e.g. the linked account was deleted
            return _view(None, None, notice=str(error))[:RESTORED_OUTPUTS]
        return _view(signed_in.token, signed_in.user)[:RESTORED_OUTPUTS]

    def whoami(token: str | None) -> str:
        user = auth.current_user(token)
        return "" if user is None else user.username

    # Enter in any sign-up field submits the form, as the button does.
    gr.on(
        [
            account.sign_up_button.click,
            account.sign_up_username_textbox.submit,
            account.sign_up_display_name_textbox.submit,
            account.sign_up_password_textbox.submit,
            account.sign_up_password_repeat_textbox.submit,
        ],
        sign_up,
        [
            account.sign_up_username_textbox,
            account.sign_up_display_name_textbox,
            account.sign_up_password_textbox,
            account.sign_up_password_repeat_textbox,
            *lang_input,
        ],
        after_auth,
        api_name="sign_up",
        validator=validate_sign_up,
        show_progress="hidden",
    )
    gr.on(
        [
            account.sign_in_button.click,
            account.sign_in_username_textbox.submit,
            account.sign_in_password_textbox.submit,
        ],
        sign_in,
        [account.sign_in_username_textbox, account.sign_in_password_textbox, *lang_input],
        after_auth,
        api_name="log_in",
        show_progress="hidden",
    )
    signed_out = account.sign_out_button.click(
        sign_out, [session.token], after_auth, api_name="log_out"
    )
    if hf_oauth:
        # A Hub login lives on in Gradio's session cookie, and the next page load would sign
        # the person straight back in: end it too (Gradio's /logout comes back to the page).
        signed_out.then(None, js=f"() => {{ window.location.assign('{HF_LOGOUT_URL}'); }}")
    account.whoami_button.click(
        whoami, [session.token], [account.whoami_textbox], api_name="whoami"
    )
    # A reload finds the saved token (or the Hugging Face login) again and re-checks it. It
    # never writes the password fields: a person (or a password manager) may already be typing
    # in them when this answers, seconds after the page shows.
    blocks.load(
        restore_or_hf_sign_in if hf_oauth else restore,
        [session.saved_token],
        after_auth[:RESTORED_OUTPUTS],
        api_visibility="private",
        show_progress="hidden",
    )
    if language is not None:
        # The account line in the page's language, once the page knows who is signed in and
        # when the language is switched (the answers above write it in English first).
        gr.on(
            [session.token.change, language.change],
            lambda token, lang: status_text(auth.current_user(token), lang),
            [session.token, language], [account.status_markdown], api_visibility="private",
            show_progress="hidden",
        )  # fmt: skip
    # The same outputs restore has: a redraw never clears a password being typed.
    return restore, [session.token], after_auth[:RESTORED_OUTPUTS]


def validate_sign_up(
    username: str, display_name: str, password: str, password_repeat: str, *language: str | None
) -> list[dict[str, Any]]:
    """Per-field messages shown next to the fields, before anything reaches the server's DB,
    in the page's language when the page sends it (one more input, last, always valid)."""
    lang = language[0] if language else "en"
    return [
        _field_check(lambda: validate_username(username), lang),
        _field_check(lambda: clean_display_name(display_name, fallback=username), lang),
        _field_check(lambda: validate_password(password, username=username), lang),
        gr.validate(password == password_repeat, text("account.passwords_differ", lang)),
        *[gr.validate(True, "") for _ in language],
    ]


def _field_check(check: Any, language: str | None = "en") -> dict[str, Any]:
    try:
        check()
    except AccountInputError as error:
        return gr.validate(False, say(error, language))
    return gr.validate(True, "")


def _view(
    token: str | None, user: CurrentUser | None, *, notice: str | None = None
) -> tuple[Any, ...]:
    signed_in = user is not None
    status = status_text(user)
    if notice:  # shown on the account line, above the sign-in forms, until the next redraw
        status = f"**{as_markdown_text(notice)}**\n\n{status}"
    return (
        token,
        token,
        status,
        gr.Column(visible=not signed_in),
        gr.Column(visible=signed_in),
        "",
        "",
        "",
    )
