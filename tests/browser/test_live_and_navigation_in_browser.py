"""Pages that stay current, every section one tap away, and forms that keep what was typed.

- Phone (390x844) and desktop (1366x900): every tab is visible under its name (no "More tabs"
  menu) and one tap opens it.
- Two people, no Refresh pressed: a friend request shows on the other person's Friends tab
  (with a count on the tab name), and accepting it moves it to the sender's friends list.
- A password typed the moment the page shows is still there after start-up has finished.
- Enter in "Repeat password" creates the account.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.test_login_in_browser import PASSWORD, sign_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SCREENS = {
    "desktop": {"viewport": {"width": 1366, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
SECTIONS = ["Studio", "Clips", "My doubles", "Friends", "Appearances", "My data"]
LIVE_TIMEOUT_MS = 15_000  # the pages poll every 3 s


def open_page(browser, screen: str, url: str):
    context = browser.new_context(**SCREENS[screen])
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(url)
    page.get_by_text("Browsing as a guest").wait_for()
    return page


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_section_is_one_tap_away_under_its_name(running_app, browser, screen, screenshot):
    page = open_page(browser, screen, running_app)
    sign_up(page, f"nav_{screen}", "Navi")
    page.get_by_text("Signed in as").wait_for()
    assert page.get_by_role("button", name="More tabs").count() == 0
    for section in SECTIONS:
        tab = page.get_by_role("tab", name=re.compile(f"^{section}"))
        assert tab.is_visible(), f"{section} is not visible on the {screen} screen"
        box = tab.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= SCREENS[screen]["viewport"]["width"]
        tab.click()
        page.get_by_role("tab", name=re.compile(f"^{section}"), selected=True).wait_for()
    screenshot(page, f"nav-{screen}-tabs")


def test_friend_request_arrives_without_refresh(running_app, browser, screenshot):
    ana = open_page(browser, "desktop", running_app)
    ben = open_page(browser, "phone", running_app)
    sign_up(ana, "live_ana", "Ana")
    sign_up(ben, "live_ben", "Ben")
    for page in (ana, ben):
        page.get_by_text("Signed in as").wait_for()
    ben.get_by_role("tab", name="Friends").click()
    ben.get_by_text("No requests are waiting for you").wait_for()

    ana.get_by_role("tab", name="Friends").click()
    ana.locator("#people-search").get_by_role("textbox").fill("live_b")
    ana.locator("#people-search").get_by_role("textbox").press("Enter")
    ana.locator("#people-found").get_by_text("live_ben").click()
    ana.get_by_role("button", name="Add friend").click()
    ana.locator("#outgoing-requests").get_by_text("live_ben").wait_for()

    # Ben presses nothing: the request and the count on the tab arrive by themselves.
    ben.get_by_role("tab", name="Friends (1)").wait_for(timeout=LIVE_TIMEOUT_MS)
    ben.locator("#incoming-requests").get_by_text("live_ana").wait_for(timeout=LIVE_TIMEOUT_MS)
    screenshot(ben, "live-01-request-arrived-phone")
    ben.locator("#incoming-requests").get_by_text("live_ana").click()
    ben.get_by_role("button", name="Accept", exact=True).click()
    ben.get_by_text("are now friends").wait_for()
    ben.get_by_role("tab", name="Friends", exact=True).wait_for(timeout=LIVE_TIMEOUT_MS)

    # Ana presses nothing either: Ben moves from "Requests you sent" to her friends.
    ana.locator("#friends-list").get_by_text("live_ben").wait_for(timeout=LIVE_TIMEOUT_MS)
    assert ana.locator("#outgoing-requests").get_by_text("live_ben").count() == 0
    screenshot(ana, "live-02-friend-accepted-desktop")


@pytest.mark.parametrize("screen", list(SCREENS))
def test_password_typed_at_once_survives_start_up(running_app, browser, screen):
    """Start-up must never clear what a person (or a password manager) typed right away."""
    context = browser.new_context(**SCREENS[screen])
    page = context.new_page()
    page.goto(running_app, wait_until="domcontentloaded")
    field = page.locator("#sign-in-password input[type=password]")
    field.wait_for()
    field.fill(PASSWORD)  # as soon as the field exists, before the page finished starting
    repeat = page.locator("#sign-up-password-repeat input[type=password]")
    repeat.fill(PASSWORD)
    page.get_by_text("Browsing as a guest").wait_for()
    # No "networkidle" wait: the page polls for live updates, so the network is never idle.
    page.wait_for_timeout(3000)  # the saved-login check has answered by now
    assert field.input_value() == PASSWORD
    assert repeat.input_value() == PASSWORD


def test_enter_in_repeat_password_creates_the_account(running_app, browser):
    page = open_page(browser, "phone", running_app)
    page.locator("#sign-up-username").get_by_role("textbox").fill("enter_key")
    page.locator("#sign-up-password").get_by_role("textbox").fill(PASSWORD)
    repeat = page.locator("#sign-up-password-repeat").get_by_role("textbox")
    repeat.fill(PASSWORD)
    repeat.press("Enter")
    page.get_by_text("Signed in as").wait_for()
    assert "@enter_key" in page.locator("#account-status").inner_text()
