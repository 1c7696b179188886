"""The media pass: on every fetch of a served media copy, who is asking.

A ``<video src>``, an ``<img>`` or a download link is fetched by the browser itself, outside
Gradio's events, so it carries none of the page's session state: only cookies. After each
sign-in (and each page load that finds a login) the page trades a one-time ticket, handed to
it by a Gradio event, for an HttpOnly cookie holding its login token. The served-media guard
(:class:`webapp.media.ServedMediaGuard`) resolves that cookie to a person on every fetch and
serves a copy only to the viewer it was made for: a copied link opened in another browser, by
another account or by a plain request without the cookie is refused.

The token itself never reaches page scripts (the cookie is HttpOnly); tickets are random,
single-use and live a minute. They are kept in this process's memory: Gradio already needs
sticky sessions behind a load balancer (docs/deployment.md), so the page that got a ticket
redeems it on the same replica. API clients do the same exchange (``/media_pass`` then a POST
to :data:`MEDIA_COOKIE_ROUTE`).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Awaitable, Callable, MutableMapping
from http.cookies import CookieError, SimpleCookie
from typing import Any

MEDIA_COOKIE = "costar_media"
MEDIA_COOKIE_ROUTE = "/costar/media-pass"
_MAX_TICKET_BYTES = 200

_ASGIApp = Callable[..., Awaitable[None]]


class MediaPassTickets:
    """One-time tickets, each standing for one login token for a short while."""

    def __init__(
        self, lifetime_seconds: float = 60.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._lifetime_seconds = lifetime_seconds
        self._clock = clock
        self._tickets: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def issue(self, token: str) -> str:
        """A new ticket for ``token``; tickets nobody redeemed are dropped as they expire."""
        ticket = secrets.token_urlsafe(24)
        now = self._clock()
        with self._lock:
            for stale in [t for t, (_, until) in self._tickets.items() if until < now]:
                del self._tickets[stale]
            self._tickets[ticket] = (token, now + self._lifetime_seconds)
        return ticket

    def redeem(self, ticket: str) -> str | None:
        """The token a ticket stands for, once; None when unknown, used or expired."""
        with self._lock:
            entry = self._tickets.pop(ticket, None)
        if entry is None or self._clock() > entry[1]:
            return None
        return entry[0]


def requester_token(scope: MutableMapping[str, Any]) -> str | None:
    """The login token in a request's media-pass cookie, if it has one."""
    for name, value in scope.get("headers", []):
        if name != b"cookie":
            continue
        try:
            cookies = SimpleCookie(value.decode("latin-1"))
        except CookieError:
            return None
        morsel = cookies.get(MEDIA_COOKIE)
        return morsel.value if morsel is not None and morsel.value else None
    return None


class MediaPassRoute:
    """ASGI middleware answering ``POST …/costar/media-pass`` (body: a ticket, or empty).

    A valid ticket sets the cookie; an empty body clears it (signing out); anything else is
    refused with 403 and leaves the cookie as it was. Every other request passes through.
    """

    def __init__(self, app: _ASGIApp, tickets: MediaPassTickets, max_age_seconds: int) -> None:
        self._app = app
        self._tickets = tickets
        self._max_age_seconds = max_age_seconds

    async def __call__(
        self, scope: MutableMapping[str, Any], receive: _ASGIApp, send: _ASGIApp
    ) -> None:
        is_pass = scope.get("type") == "http" and scope.get("path", "").endswith(MEDIA_COOKIE_ROUTE)
        if not is_pass:
            await self._app(scope, receive, send)
            return
        if scope.get("method") != "POST":
            await _respond(send, 405, b"Use POST with a ticket.")
            return
        body = await _read_body(receive, _MAX_TICKET_BYTES)
        ticket = body.decode("ascii", "replace").strip() if body is not None else None
        if ticket == "":
            await _respond(send, 204, b"", _cookie_header("", 0, _is_https(scope)))
            return
        token = self._tickets.redeem(ticket) if ticket is not None else None
        if token is None:
            await _respond(send, 403, b"This ticket is not valid (any more). Reload the page.")
            return
        cookie = _cookie_header(token, self._max_age_seconds, _is_https(scope))
        await _respond(send, 204, b"", cookie)


def _is_https(scope: MutableMapping[str, Any]) -> bool:
    forwarded = dict(scope.get("headers", [])).get(b"x-forwarded-proto", b"").decode("latin-1")
    return scope.get("scheme") == "https" or forwarded.split(",")[0].strip() == "https"


def _cookie_header(token: str, max_age: int, https: bool) -> tuple[bytes, bytes]:
    # A Space runs in an iframe on huggingface.co: a cross-site context, where only a
    # SameSite=None; Secure cookie is sent (Partitioned keeps it to that embedding). Over plain
    # HTTP (a local run) browsers refuse SameSite=None, and Lax is what a same-site page needs.
    site = "SameSite=None; Secure; Partitioned" if https else "SameSite=Lax"
    value = f"{MEDIA_COOKIE}={token}; Max-Age={max_age}; Path=/; HttpOnly; {site}"
    return (b"set-cookie", value.encode("latin-1"))


async def _read_body(receive: _ASGIApp, limit: int) -> bytes | None:
    """The request body; None when it is longer than ``limit`` (no ticket is that long)."""
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if len(body) > limit:
            return None
        if not message.get("more_body", False):
            return body


async def _respond(
    send: _ASGIApp, status: int, body: bytes, *extra_headers: tuple[bytes, bytes]
) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"cache-control", b"no-store"),
               (b"content-length", str(len(body)).encode()), *extra_headers]  # fmt: skip
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
