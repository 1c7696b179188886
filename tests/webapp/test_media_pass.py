"""The media pass: one-time tickets traded for an HttpOnly cookie, read back on every fetch."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from webapp.media_pass import (
    MEDIA_COOKIE,
    MEDIA_COOKIE_ROUTE,
    MediaPassRoute,
    MediaPassTickets,
    requester_token,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_ticket_stands_for_its_token_once_and_briefly():
    clock = Clock()
    tickets = MediaPassTickets(lifetime_seconds=60, clock=clock)
    first, second = tickets.issue("token-a"), tickets.issue("token-b")
    assert first != second
    assert tickets.redeem(first) == "token-a"
    assert tickets.redeem(first) is None  # single use
    clock.now += 61
    assert tickets.redeem(second) is None  # expired
    assert tickets.redeem("made-up") is None


def test_the_cookie_is_read_from_the_request_headers():
    scope = {"headers": [(b"cookie", f"other=1; {MEDIA_COOKIE}=tok-123".encode())]}
    assert requester_token(scope) == "tok-123"
    assert requester_token({"headers": [(b"cookie", b"other=1")]}) is None
    assert requester_token({"headers": []}) is None
    assert requester_token({"headers": [(b"cookie", b'\x00bad="')]}) is None


def run_request(call) -> None:
    """Await ``call()`` on a thread of its own: in a full run, Playwright's sync driver keeps an
    event loop running on the main thread, where ``asyncio.run`` refuses to start another."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: asyncio.run(call())).result()


async def downstream(scope, receive, send):
    """The app behind the route (Gradio): records the requests that reach it."""
    scope["reached_app"] = True


def post(route: MediaPassRoute, body: bytes, *, method: str = "POST", https: bool = False):
    """Send one request through the route; returns (status, headers)."""
    sent: list[dict] = []
    scope = {"type": "http", "method": method, "path": MEDIA_COOKIE_ROUTE,
             "scheme": "https" if https else "http", "headers": []}  # fmt: skip
    messages = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive():
        return messages.pop(0)

    async def send(message):
        sent.append(message)

    run_request(lambda: route(scope, receive, send))
    assert "reached_app" not in scope
    return sent[0]["status"], dict(sent[0]["headers"])


def make_route(tickets: MediaPassTickets) -> MediaPassRoute:
    return MediaPassRoute(downstream, tickets=tickets, max_age_seconds=3600)


def test_a_valid_ticket_sets_an_http_only_cookie_with_the_token():
    tickets = MediaPassTickets()
    status, headers = post(make_route(tickets), tickets.issue("tok-xyz").encode())
    assert status == 204
    cookie = headers[b"set-cookie"].decode()
    assert cookie.startswith(f"{MEDIA_COOKIE}=tok-xyz;")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Max-Age=3600" in cookie


def test_over_https_the_cookie_works_inside_the_spaces_iframe():
    tickets = MediaPassTickets()
    _, headers = post(make_route(tickets), tickets.issue("t").encode(), https=True)
    cookie = headers[b"set-cookie"].decode()
    assert "SameSite=None" in cookie and "Secure" in cookie and "Partitioned" in cookie


def test_bad_tickets_are_refused_and_an_empty_one_clears_the_cookie():
    tickets = MediaPassTickets()
    route = make_route(tickets)
    status, headers = post(route, b"not-a-ticket")
    assert status == 403 and b"set-cookie" not in headers
    status, headers = post(route, b"x" * 5000)  # too long to be a ticket: not a sign-out
    assert status == 403 and b"set-cookie" not in headers
    status, headers = post(route, b"")
    assert status == 204 and "Max-Age=0" in headers[b"set-cookie"].decode()
    status, _ = post(route, b"", method="GET")
    assert status == 405


def test_other_requests_pass_through():
    scope = {"type": "http", "method": "GET", "path": "/gradio_api/info", "headers": []}
    run_request(lambda: make_route(MediaPassTickets())(scope, None, None))
    assert scope["reached_app"]
