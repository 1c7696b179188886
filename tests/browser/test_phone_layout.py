"""On a 390 px wide phone screen: nothing scrolls sideways, every control has a name, and the
sign-in form works from the keyboard alone."""

from __future__ import annotations

import re

import pytest
from gradio_client import Client

from tests.browser.test_login_in_browser import PASSWORD, sign_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PHONE = {"width": 390, "height": 844}
OVERFLOW_TOLERANCE_PX = 2  # sub-pixel rounding of borders
# Roles of things a person operates; each needs a name a screen reader can say.
CONTROL_ROLES = {
    "button", "checkbox", "combobox", "listbox", "menuitem", "radio", "searchbox", "slider",
    "spinbutton", "switch", "tab", "textbox",
}  # fmt: skip


def open_tab(page, name: str) -> None:
    """Every tab is visible under its name on a phone too (they wrap, no "More tabs" menu)."""
    page.get_by_role("tab", name=name).click()


def phone_page(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True,
                                  has_touch=True)  # fmt: skip
    context.set_default_timeout(30_000)
    return context.new_page()


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the screen."""
    width = page.evaluate("() => document.scrollingElement.scrollWidth")
    return width - PHONE["width"]


def unnamed_controls(page) -> tuple[int, list[str]]:
    """How many controls Chromium's accessibility tree holds, and those it shows without a
    name (Chromium's own computation of the accessible name)."""
    session = page.context.new_cdp_session(page)
    try:
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        session.detach()
    controls = [
        node for node in nodes
        if not node.get("ignored") and node.get("role", {}).get("value") in CONTROL_ROLES
    ]  # fmt: skip
    unnamed = [
        f"{node['role']['value']} (backend node {node.get('backendDOMNodeId')})"
        for node in controls
        if not (node.get("name", {}).get("value") or "").strip()
    ]
    return len(controls), unnamed


def describe(page, problems: list[str]) -> list[str]:
    """Outer HTML of the unnamed controls, so a failure says which ones."""
    snippets = page.evaluate(
        """() => Array.from(document.querySelectorAll(
                'button, input, select, textarea, [role=button], [role=tab], [role=combobox]'))
            .filter(el => el.offsetParent !== null && !(el.labels && el.labels.length)
                    && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')
                    && !(el.innerText || '').trim() && !el.title && !el.placeholder)
            .map(el => el.outerHTML.slice(0, 160))"""
    )
    return problems + snippets


def assert_fits_and_is_labelled(page, where: str) -> None:
    overflow = horizontal_overflow(page)
    assert overflow <= OVERFLOW_TOLERANCE_PX, f"{where}: {overflow} px wider than the phone"
    checked, problems = unnamed_controls(page)
    assert checked >= 10, f"{where}: only {checked} controls in the accessibility tree"
    assert not problems, f"{where}: controls without a name: {describe(page, problems)}"


def test_studio_and_my_doubles_fit_a_phone_and_are_labelled(running_app, browser, screenshot):
    page = phone_page(browser)
    page.goto(running_app)
    page.get_by_text("Browsing as a guest").wait_for()
    assert_fits_and_is_labelled(page, "guest page")
    screenshot(page, "phone-01-guest")

    sign_up(page, "phone_person", "Pat")
    page.get_by_text("Signed in as").wait_for()
    page.get_by_role("tab", name="Studio").click()
    page.locator("#template-gallery").get_by_role("img", name=re.compile("Rooftop")).click()
    page.locator("#role-0").wait_for()
    assert_fits_and_is_labelled(page, "Studio")
    screenshot(page, "phone-02-studio")

    open_tab(page, "My doubles")
    page.get_by_text("You have no doubles yet").wait_for()
    assert_fits_and_is_labelled(page, "My doubles")
    screenshot(page, "phone-03-my-doubles")


def test_sign_in_with_the_keyboard_only(running_app, browser, screenshot):
    Client(running_app, verbose=False, download_files=False).predict(
        "keyboard_kim", "Kim", PASSWORD, PASSWORD, api_name="/sign_up"
    )
    page = phone_page(browser)
    page.goto(running_app)
    page.get_by_text("Browsing as a guest").wait_for()

    username = page.locator("#sign-in-username").get_by_role("textbox")
    for _ in range(30):  # Tab from the top of the page until the username field has focus
        page.keyboard.press("Tab")
        if username.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the sign-in username field")
    page.keyboard.type("keyboard_kim")
    page.keyboard.press("Tab")
    password = page.locator("#sign-in-password input[type=password]")
    assert password.evaluate("el => el === document.activeElement"), "Tab skipped the password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_text("Signed in as").wait_for()
    assert "@keyboard_kim" in page.locator("#account-status").inner_text()
    screenshot(page, "phone-04-signed-in-by-keyboard")
