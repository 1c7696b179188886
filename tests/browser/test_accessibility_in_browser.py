"""Accessibility, checked by axe-core (injected by Playwright) on every tab, signed in, on a
desktop and a phone screen: no serious or critical violation. Also: keyboard focus shows a ring
of at least 2 px, and the template gallery announces each template by name.

axe-core comes from npm into .test-tools/ (scripts/install_test_tools.sh); CI installs it.
"""

from __future__ import annotations

import os
import random
import re
from pathlib import Path

import pytest

from tests.browser.test_login_in_browser import sign_up

pytestmark = [pytest.mark.browser, pytest.mark.slow]
AXE = Path(__file__).resolve().parents[2] / ".test-tools/node_modules/axe-core/axe.min.js"
SCREENS = {
    "desktop": {"viewport": {"width": 1366, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
SECTIONS = ["Studio", "Clips", "My doubles", "Friends", "Appearances", "My data"]
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.exists():
        message = f"{AXE} missing: run scripts/install_test_tools.sh"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


def violations(page, axe_source: str) -> list[str]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=axe_source)
    found = page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
            .map(v => ({id: v.id, impact: v.impact,
                        where: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""
    )
    return [f"{v['id']} ({v['impact']}) at {v['where']}" for v in found if v["impact"] in BLOCKING]


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_tab_signed_in_has_no_serious_violation(running_app, browser, axe_source, screen,
                                                      screenshot):  # fmt: skip
    page = browser.new_context(**SCREENS[screen]).new_page()
    page.set_default_timeout(30_000)
    page.goto(running_app)
    page.get_by_text("Browsing as a guest").wait_for()
    problems = {"guest page": violations(page, axe_source)}
    sign_up(page, f"axe_{screen}_{random.randint(1000, 9999)}", "Axel")
    page.get_by_text("Signed in as").wait_for()
    for section in SECTIONS:
        page.get_by_role("tab", name=re.compile(f"^{section}")).click()
        page.wait_for_timeout(700)
        problems[section] = violations(page, axe_source)
    screenshot(page, f"a11y-{screen}-last-tab")
    assert not any(problems.values()), problems


def test_focus_is_visible_and_templates_are_named(running_app, browser):
    page = browser.new_context(**SCREENS["desktop"]).new_page()
    page.goto(running_app)
    page.get_by_text("Browsing as a guest").wait_for()
    # Template thumbnails are announced by the template's name, not "Thumbnail 1 of 8".
    gallery = page.locator("#template-gallery")
    gallery.get_by_role("button", name=re.compile("^Stage debut")).wait_for()
    assert gallery.get_by_role("button", name=re.compile("^Thumbnail")).count() == 0
    # Tab through the page: every focused control shows an outline of at least 2 px.
    checked = 0
    for _ in range(25):
        page.keyboard.press("Tab")
        ring = page.evaluate(
            """() => { const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                return {tag: el.tagName, width: parseFloat(style.outlineWidth) || 0,
                        style: style.outlineStyle, shadow: style.boxShadow}; }"""
        )
        if ring is None:
            continue
        checked += 1
        assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert checked >= 10
