"""Sign in with Hugging Face in Chromium, with the app run as a Space with `hf_oauth: true` runs it.

huggingface.co can't be reached here, so a local OpenID provider (tests/oauth_provider.py)
stands in for it; the app gets the variables a Space sets and goes through Gradio's real
Authlib login (discovery, authorize, token, ID token checked against the JWKS).
SPACE_HOST is left out on purpose: with it Gradio sends the provider an https:// callback on
that host, which a Space's proxy terminates and a loopback test server can't.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.app_server import free_port, serving_app, wait_for_log
from tests.oauth_provider import (
    CLIENT_ID,
    CLIENT_SECRET,
    HubPerson,
    OpenIdProvider,
    serving_provider,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
HF_BUTTON = "Sign in with Hugging Face"


@pytest.fixture(scope="module")
def provider() -> Iterator[OpenIdProvider]:
    with serving_provider(free_port()) as running_provider:
        yield running_provider


@pytest.fixture(scope="module")
def space_app(provider, tmp_path_factory) -> Iterator[tuple[str, Path]]:
    data_dir = tmp_path_factory.mktemp("space-data")
    space_env = {
        "SYSTEM": "spaces",
        "SPACE_ID": "costar/co-star-studio",
        "SPACE_AUTHOR_NAME": "costar",
        "SPACE_REPO_NAME": "co-star-studio",
        "OAUTH_CLIENT_ID": CLIENT_ID,
        "OAUTH_CLIENT_SECRET": CLIENT_SECRET,
        "OAUTH_SCOPES": "openid profile",
        "OPENID_PROVIDER_URL": provider.issuer,
        "GRADIO_SERVER_NAME": "127.0.0.1",  # a Space listens on 0.0.0.0; a test stays on loopback
    }
    with serving_app(data_dir, space_env) as url:
        # A cold app spends its first minute preloading models under the GIL (on a fresh
        # virtualenv, compiling librosa's kernels too); the sign-in redirect then took over 30 s
        # to draw the account line once in CI. This test is about the sign-in, not a cold start.
        wait_for_log(data_dir / "app.log", "Models preloaded")
        # Gradio's session cookie is `Secure`: Chromium keeps it over plain HTTP for localhost.
        yield url.replace("127.0.0.1", "localhost"), data_dir


def accounts_for(data_dir: Path, subject: str) -> list[tuple[str, str]]:
    """(username, status) of every user linked to this Hugging Face account id."""
    with sqlite3.connect(data_dir / "costar.db") as connection:
        return connection.execute(
            "SELECT users.username, users.status FROM users JOIN external_identities AS hub"
            " ON hub.user_id = users.id WHERE hub.provider = 'huggingface' AND hub.subject = ?",
            (subject,),
        ).fetchall()


def account_line(page) -> str:
    return page.locator("#account-status").inner_text()


def sign_in_with_hub(page) -> None:
    page.get_by_role("button", name=HF_BUTTON).click()


def test_hub_sign_in_maps_once_survives_reload_and_signs_out(
    space_app, provider, browser, screenshot
):
    url, data_dir = space_app
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(url)
    page.get_by_text("Browsing as a guest").wait_for(timeout=30_000)
    screenshot(page, "hf-01-guest")

    sign_in_with_hub(page)
    page.get_by_text("Signed in as").wait_for(timeout=30_000)
    assert "@hf_tester" in account_line(page) and "Hub T" in account_line(page)
    assert accounts_for(data_dir, provider.person.sub) == [("hf_tester", "active")]
    # The endpoints Authlib really used, in order (userinfo isn't: the ID token carries it).
    assert provider.calls == [
        "/.well-known/openid-configuration",
        "/oauth/authorize",
        "/oauth/token",
        "/oauth/jwks",
    ]
    screenshot(page, "hf-02-signed-in")

    page.reload()
    page.get_by_text("Signed in as").wait_for(timeout=30_000)
    assert "@hf_tester" in account_line(page)

    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("Browsing as a guest").wait_for(timeout=30_000)
    page.reload()
    page.get_by_text("Browsing as a guest").wait_for(timeout=30_000)
    page.wait_for_timeout(3_000)  # the page's start-up check would sign a live Hub login back in
    assert "Signed in as" not in account_line(page)
    screenshot(page, "hf-03-signed-out")

    sign_in_with_hub(page)  # the second time: the same account, no second row
    page.get_by_text("Signed in as").wait_for(timeout=30_000)
    assert "@hf_tester" in account_line(page)
    assert accounts_for(data_dir, provider.person.sub) == [("hf_tester", "active")]


def test_cancelled_and_failed_hub_sign_in_say_so(space_app, provider, browser, screenshot):
    url, data_dir = space_app
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(url)
    page.get_by_text("Browsing as a guest").wait_for(timeout=30_000)

    provider.person = HubPerson(sub="1" * 24, preferred_username="hesitant", name="Hesitant H")
    provider.refuse_next = True  # the person presses "Cancel" on huggingface.co
    sign_in_with_hub(page)
    page.get_by_text("Hugging Face sign-in was cancelled").wait_for(timeout=30_000)
    assert "Browsing as a guest" in account_line(page)
    screenshot(page, "hf-04-cancelled")

    provider.break_next_token = True  # the provider fails while exchanging the code
    sign_in_with_hub(page)
    page.get_by_text("Hugging Face sign-in didn't work").wait_for(timeout=30_000)
    assert "Browsing as a guest" in account_line(page)
    assert accounts_for(data_dir, provider.person.sub) == []  # nothing half-made
    screenshot(page, "hf-05-failed")

    sign_in_with_hub(page)  # and the next try goes through
    page.get_by_text("Signed in as").wait_for(timeout=30_000)
    assert "@hesitant" in account_line(page) and "cancelled" not in account_line(page)
    assert accounts_for(data_dir, provider.person.sub) == [("hesitant", "active")]
