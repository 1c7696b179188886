"""The per-browser login: a server-side token in ``gr.State`` mirrored into local storage.

``gr.State`` lives on the server for one page session; ``gr.BrowserState`` (encrypted local
storage) only lets a reload find the token again. Every handler re-checks the token with
``AuthService``, so neither is trusted for who the user is.
"""

from __future__ import annotations

from dataclasses import dataclass

import gradio as gr

from webapp.auth import AuthService, CurrentUser, NotSignedInError
from webapp.i18n import say, text
from webapp.ui.text import ui_error

BROWSER_STORAGE_KEY = "costar-session"


@dataclass
class SessionComponents:
    token: gr.State
    saved_token: gr.BrowserState


def render(browser_state_secret: str) -> SessionComponents:
    return SessionComponents(
        token=gr.State(None),
        saved_token=gr.BrowserState(
            None, storage_key=BROWSER_STORAGE_KEY, secret=browser_state_secret
        ),
    )


def require_user(auth: AuthService, token: str | None, language: str | None = "en") -> CurrentUser:
    """The signed-in user, or a ``gr.Error`` telling the person to sign in (in ``language``)."""
    try:
        return auth.require_user(token)
    except NotSignedInError as error:
        raise ui_error(
            say(error, language), title=text("session.not_signed_in", language)
        ) from None
