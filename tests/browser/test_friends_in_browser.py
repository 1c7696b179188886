"""The Friends tab in Chromium: a pending request shows with a count and can be accepted."""

from __future__ import annotations

import pytest
from gradio_client import Client

from tests.browser.test_login_in_browser import PASSWORD, sign_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_accept_a_request_in_the_friends_tab(running_app, browser, screenshot):
    # Two other people, made through the API: one asks our person, one is a search target.
    asker = Client(running_app, verbose=False, download_files=False)
    asker.predict("lena_h", "Lena & Co *", PASSWORD, PASSWORD, api_name="/sign_up")
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.goto(running_app)
    page.get_by_text("Browsing as a guest").wait_for()
    sign_up(page, "omar_friends", "Omar")
    page.get_by_text("Signed in as").wait_for()

    asker.predict("omar", api_name="/find_people")
    asker.predict("omar_friends", "omar", api_name="/send_friend_request")
    # No Refresh button: the request, and its count on the tab name, arrive by themselves.
    page.get_by_role("tab", name="Friends (1)").click(timeout=15_000)
    page.get_by_text("Friend requests (1)").wait_for(timeout=15_000)
    screenshot(page, "friends-01-request-waiting")

    page.locator("#incoming-requests").get_by_text("lena_").click()
    page.get_by_role("button", name="Accept", exact=True).click()
    page.get_by_text("are now friends").wait_for()
    assert "No requests are waiting for you" in page.locator("#friend-requests").first.inner_text()
    assert "lena_" in page.locator("#friends-list").inner_text()

    page.locator("#people-search").get_by_role("textbox").fill("zz")
    page.get_by_role("button", name="Search").click()
    page.get_by_text("No one found").wait_for()
    screenshot(page, "friends-02-friends")
