"""Sign in with Hugging Face: what the page says when the Hub login doesn't end in a profile.

Gradio's ``/login/callback`` (Authlib) raises when the person cancels on huggingface.co
(``error=access_denied``) or the code exchange fails, and the browser is left on a bare
"Internal Server Error". :class:`HubLoginFailureGuard` turns that into a redirect back to the
page with ``?hf_login=cancelled`` (or ``failed``); the page's start-up check reads it and says
so next to the sign-in forms. Only fixed words travel in the URL, never the provider's text.
"""

from __future__ import annotations

import logging
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

logger = logging.getLogger(__name__)

CALLBACK_PATH = "/login/callback"
LOGOUT_PATH = "/logout"
OUTCOME_PARAMETER = "hf_login"
_OUTCOME_MESSAGES = {
    "cancelled": (
        "Hugging Face sign-in was cancelled, so nothing was shared with this app. "
        "Try again, or sign in with a username and password."
    ),
    "failed": (
        "Hugging Face sign-in didn't work this time (the Hub didn't confirm who you are). "
        "Please try again in a moment, or sign in with a username and password."
    ),
}

_ASGIApp = Callable[..., Awaitable[None]]


def login_outcome_message(query_params: MutableMapping[str, str] | Any) -> str | None:
    """The message for a page opened after a failed Hub login, else None."""
    outcome = query_params.get(OUTCOME_PARAMETER) if query_params else None
    return _OUTCOME_MESSAGES.get(outcome) if isinstance(outcome, str) else None


def failure_redirect(query_string: str) -> str:
    """Where a failed callback sends the browser: the page it came from, with the outcome."""
    query = dict(urllib.parse.parse_qsl(query_string))
    outcome = "cancelled" if query.get("error") == "access_denied" else "failed"
    # `_target_url` is where Gradio would have gone after a login; keep only its query, on
    # the app's own root, so this redirect can never leave the site.
    target = urllib.parse.urlsplit(query.get("_target_url", "/"))
    page_query = [
        (name, value)
        for name, value in urllib.parse.parse_qsl(target.query)
        if name != OUTCOME_PARAMETER
    ]
    page_query.append((OUTCOME_PARAMETER, outcome))
    return "/?" + urllib.parse.urlencode(page_query)


class HubLoginFailureGuard:
    """ASGI middleware around Gradio's OAuth callback: a failed login goes back to the page."""

    def __init__(self, app: _ASGIApp) -> None:
        self._app = app

    async def __call__(
        self, scope: MutableMapping[str, Any], receive: _ASGIApp, send: _ASGIApp
    ) -> None:
        if scope.get("type") != "http" or not scope.get("path", "").endswith(CALLBACK_PATH):
            await self._app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: MutableMapping[str, Any]) -> None:
            nonlocal started
            started = started or message.get("type") == "http.response.start"
            await send(message)

        try:
            await self._app(scope, receive, tracking_send)
        except Exception:  # Authlib raises OAuthError, httpx and JOSE errors alike
            if started:  # too late to answer anything else
                raise
            logger.warning("Hugging Face sign-in failed at the callback", exc_info=True)
            query_string = scope.get("query_string", b"").decode("latin-1")
            await _redirect(send, scope.get("root_path", "") + failure_redirect(query_string))


async def _redirect(send: _ASGIApp, location: str) -> None:
    await send({"type": "http.response.start", "status": 303, "headers": [
        (b"location", location.encode("latin-1")), (b"cache-control", b"no-store"),
        (b"content-length", b"0"),
    ]})  # fmt: skip
    await send({"type": "http.response.body", "body": b""})
