"""A person signs up in Chromium, reloads the page and is still signed in, then signs out."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PASSWORD = "correct horse battery"


def sign_up(page, username: str, display_name: str) -> None:
    page.locator("#sign-up-username").get_by_role("textbox").fill(username)
    page.locator("#sign-up-display-name").get_by_role("textbox").fill(display_name)
    page.locator("#sign-up-password").get_by_role("textbox").fill(PASSWORD)
    page.locator("#sign-up-password-repeat").get_by_role("textbox").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()


def test_sign_up_survives_reload_and_signs_out(running_app, browser, screenshot):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(running_app)
    page.get_by_text("Browsing as a guest").wait_for()
    screenshot(page, "01-guest")

    sign_up(page, "reload_tester", "Rita <b>R</b>")  # markup refused, shown as an error
    page.get_by_text("HTML tags").first.wait_for()
    screenshot(page, "02-sign-up-error")

    sign_up(page, "reload_tester", "Rita & Co")
    page.get_by_text("Signed in as").wait_for()
    assert "Rita & Co" in page.locator("#account-status").inner_text()
    screenshot(page, "03-signed-in")

    page.reload()
    page.get_by_text("Signed in as").wait_for(timeout=15_000)  # the saved login came back
    assert "@reload_tester" in page.locator("#account-status").inner_text()

    page.get_by_role("button", name="Sign out").click()
    page.get_by_text("Browsing as a guest").wait_for()
    page.reload()
    page.get_by_text("Browsing as a guest").wait_for()  # signed out stays signed out
    screenshot(page, "04-signed-out")

    # Another browser profile never sees the first person's login.
    stranger = browser.new_context().new_page()
    stranger.goto(running_app)
    stranger.get_by_text("Browsing as a guest").wait_for()
    context.close()
