"""Deleting the account in Chromium signs the page out at once, as signing out does."""

from __future__ import annotations

import pytest

from tests.browser.test_login_in_browser import sign_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_deleted_account_page_is_signed_out_without_a_reload(running_app, browser, screenshot):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(running_app)
    page.get_by_text("Browsing as a guest").wait_for()
    sign_up(page, "leaving_person", "Leaving Person")
    page.get_by_text("Signed in as").wait_for()
    assert page.locator("#sign-in-form").is_hidden()

    page.get_by_role("tab", name="My data").click()
    page.locator("#delete-account").get_by_text("Delete my account").first.click()
    page.locator("#delete-confirm").get_by_role("textbox").fill("leaving_person")
    page.locator("#delete-account-button").click()
    page.get_by_text("Your account is deleted").wait_for(timeout=30_000)

    # No reload: the header and the sign-in forms are back as for a guest.
    page.get_by_text("Browsing as a guest").wait_for(timeout=15_000)
    assert "Signed in as" not in page.locator("#account-status").inner_text()
    assert page.locator("#sign-in-form").is_visible()
    screenshot(page, "account-deleted-signed-out")
    # And the page's own state holds no login: an action now asks to sign in.
    page.reload()
    page.get_by_text("Browsing as a guest").wait_for(timeout=15_000)
