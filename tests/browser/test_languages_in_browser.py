"""The page in the browser's language, switchable, with the consent statement in it.

- A browser set to Chinese (zh-CN) gets Chinese tabs, buttons and headings, and what the server
  writes (the account line, the Clips tab's empty page) in Chinese; after the reference
  check, the consent statement and its checkboxes are Chinese, drawn with the Noto web font the
  app serves (this Chromium has no CJK font of its own). Switching to English redraws the labels
  and the statement the person would agree to, clears an earlier "I agree" and rewrites the
  account line.
- A browser set to Catalan gets Catalan; picking Bahasa Indonesia in the header switches the page
  at once and is remembered after a reload.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_login_in_browser import PASSWORD
from tests.double_media import person_video

pytestmark = [pytest.mark.browser, pytest.mark.slow]
DESKTOP = {"width": 1366, "height": 900}
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


# The account line of a guest, in the language the page opens in.
GUEST = {"zh-CN": "正在以访客身份浏览", "ca-ES": "Navegues com a convidat"}


def open_in(browser, url: str, locale: str):
    context = browser.new_context(viewport=DESKTOP, locale=locale)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(url)
    page.get_by_text(GUEST[locale]).wait_for()
    return page


def pick_language(page, name: str) -> None:
    page.locator("#ui-language input").click()
    page.get_by_role("option", name=name).click()


def test_chinese_browser_gets_chinese_labels_and_consent(running_app, browser, tmp_path):
    page = open_in(browser, running_app, "zh-CN")
    page.get_by_role("tab", name="我的分身").wait_for()
    assert page.get_by_role("tab", name="工作室").is_visible()
    assert page.locator("#app-tagline").inner_text().startswith("和朋友一起出演动画短片")
    expect(page.locator("#ui-language input")).to_have_value("简体中文")
    page.locator("#sign-up-username").get_by_role("textbox").fill("zh_user")
    page.locator("#sign-up-password").get_by_role("textbox").fill(PASSWORD)
    page.locator("#sign-up-password-repeat").get_by_role("textbox").fill(PASSWORD)
    page.get_by_role("button", name="创建账户").click()
    page.get_by_text("已登录：").wait_for()
    page.get_by_role("tab", name="短片").click()
    page.locator("#feed-page-info").get_by_text("你还没有制作过短片").wait_for()

    page.get_by_role("tab", name="我的分身").click()
    page.get_by_text("你还没有分身").wait_for()
    reference = person_video(tmp_path / "reference.mp4", text="Hello, I am Eileen.")
    page.locator("#reference-video input[type=file]").set_input_files(str(reference))
    page.wait_for_timeout(1000)
    page.get_by_role("button", name="检查我的参考素材").click()
    statement = page.locator("#consent-statement")
    statement.get_by_text("我已年满 18 周岁").wait_for(timeout=180_000)
    assert "同意声明（版本 2026.12-1）" in statement.inner_text()
    assert "这是我本人。参考素材中出现的人和说话的声音都是我。" in statement.inner_text()
    checkboxes = {
        "#consent-age": "我已年满 18 周岁",
        "#consent-ownership": "这是我本人",
        "#consent-statement-agree": "我已阅读并同意上述同意声明",
    }
    for checkbox, wording in checkboxes.items():
        assert page.locator(checkbox).inner_text().strip() == wording
    assert "我批准的人" in page.locator("#new-visibility").inner_text()  # who may use the double
    expect(page.locator("#code-language input")).to_have_value("中文 (Chinese)")
    # The Chinese text is drawn with the app's own Noto face: it was fetched and loaded.
    loaded = page.evaluate(
        "async () => (await document.fonts.load(\"16px 'CoStar Noto Sans SC'\", '我')).length"
    )
    assert loaded == 1
    statement.scroll_into_view_if_needed()
    page.locator("#consent-age").scroll_into_view_if_needed()
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_SCREENSHOTS / "language-zh-consent.jpg"), quality=80)

    # Switching the language redraws the labels and the statement the person would agree to;
    # an "I agree" given to the Chinese statement is cleared.
    agree = page.locator("#consent-statement-agree").get_by_role("checkbox")
    agree.check()
    pick_language(page, "English")
    statement.get_by_text("I am at least 18 years old.").wait_for()
    page.wait_for_function(
        "() => !document.querySelector('#consent-statement-agree input').checked"
    )
    assert "Consent statement (version 2026.11-1)" in statement.inner_text()
    assert page.locator("#consent-age").inner_text().strip() == "I am 18 or older"
    assert page.get_by_role("tab", name="My doubles").is_visible()
    page.locator("#account-status").get_by_text("Signed in as").wait_for()


def test_catalan_browser_switches_to_indonesian_and_remembers_it(running_app, browser):
    page = open_in(browser, running_app, "ca-ES")
    page.get_by_role("tab", name="Els meus dobles").wait_for()
    assert page.get_by_role("button", name="Crea el compte").is_visible()
    expect(page.locator("#ui-language input")).to_have_value("Català")
    assert "Protagonitza clips animats" in page.locator("#app-tagline").inner_text()

    pick_language(page, "Bahasa Indonesia")
    page.get_by_role("tab", name="Kembaran saya").wait_for()
    assert page.get_by_role("button", name="Buat akun").is_visible()
    assert page.get_by_role("tab", name="Els meus dobles").count() == 0

    page.reload()
    page.get_by_text("Menjelajah sebagai tamu").wait_for()
    page.get_by_role("tab", name="Kembaran saya").wait_for()
    expect(page.locator("#ui-language input")).to_have_value("Bahasa Indonesia")
