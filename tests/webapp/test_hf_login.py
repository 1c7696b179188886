"""Where a failed Hugging Face login sends the browser, and what the page then says."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from webapp.hf_login import HubLoginFailureGuard, failure_redirect, login_outcome_message


def test_a_cancel_and_any_other_failure_come_back_to_the_page_with_fixed_words():
    assert failure_redirect("error=access_denied&state=x&_target_url=%2F%3F") == (
        "/?hf_login=cancelled"
    )
    assert failure_redirect("code=abc&state=x") == "/?hf_login=failed"
    # The page's own query survives; an earlier outcome is replaced, not repeated.
    assert failure_redirect("error=x&_target_url=%2F%3Flang%3Dca%26hf_login%3Dcancelled") == (
        "/?lang=ca&hf_login=failed"
    )


def test_the_redirect_never_leaves_the_site():
    for target in ("https://evil.example/?a=1", "//evil.example/", "////evil.example"):
        assert failure_redirect(f"error=access_denied&_target_url={target}").startswith("/?")


def test_only_known_outcomes_are_shown_and_never_the_urls_own_text():
    assert "cancelled" in login_outcome_message({"hf_login": "cancelled"})
    assert "didn't work" in login_outcome_message({"hf_login": "failed"})
    assert login_outcome_message({"hf_login": "<script>alert(1)</script>"}) is None
    assert login_outcome_message({}) is None and login_outcome_message(None) is None


def run_guard(path: str, app) -> list[dict]:
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "path": path, "query_string": b"error=access_denied&state=s"}
    # On a thread of its own: in a full run Playwright's sync driver keeps an event loop
    # running on the main thread, where asyncio.run() refuses to start another.
    with ThreadPoolExecutor(max_workers=1) as thread:
        thread.submit(asyncio.run, HubLoginFailureGuard(app)(scope, receive, send)).result()
    return sent


def test_a_callback_that_raises_becomes_a_redirect_and_other_paths_pass_untouched():
    async def failing_callback(scope, receive, send):
        raise RuntimeError("authlib: access_denied")

    sent = run_guard("/login/callback", failing_callback)
    assert sent[0]["status"] == 303
    assert dict(sent[0]["headers"])[b"location"] == b"/?hf_login=cancelled"

    async def page(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})

    assert run_guard("/", page) == [{"type": "http.response.start", "status": 200, "headers": []}]
