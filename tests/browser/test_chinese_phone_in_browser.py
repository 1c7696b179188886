"""A Chinese phone: what the services answer reaches the person in Chinese, where they look.

A zh-CN browser on a 390×844 touch screen signs up with a display name the service refuses and
reads the refusal in Chinese beside the form; picks a preset and reads it in Chinese, shots
included (the clip acts and speaks that version); then writes a script the parser can't read
and gets the parser's own refusal in Chinese. The screenshots go to docs/screenshots/ (looked
at by eye).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.test_login_in_browser import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DOCS_SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def sign_up_in_chinese(page, display_name: str) -> None:
    page.locator("#sign-up-username").get_by_role("textbox").fill("xiaoming")
    page.locator("#sign-up-display-name").get_by_role("textbox").fill(display_name)
    page.locator("#sign-up-password").get_by_role("textbox").fill(PASSWORD)
    page.locator("#sign-up-password-repeat").get_by_role("textbox").fill(PASSWORD)
    page.get_by_role("button", name="创建账户").click()


def save(page, name: str) -> None:
    # The Chinese web font is cut on the app's first start; the screenshot waits for it.
    DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(DOCS_SCREENSHOTS / name), quality=80, timeout=180_000)


def test_a_chinese_phone_reads_the_services_refusals_in_chinese(running_app, browser):
    context = browser.new_context(**PHONE, locale="zh-CN")
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto(running_app)
    page.get_by_text("正在以访客身份浏览").wait_for()

    # The account service's refusal, in Chinese, next to the form.
    sign_up_in_chinese(page, "小明 <b>")
    page.get_by_text("显示名称不能包含 HTML 标签").first.wait_for()
    save(page, "phone-zh-sign-up-refused.jpg")
    sign_up_in_chinese(page, "小明")
    page.get_by_text("已登录：").wait_for()

    # A preset, in Chinese: its title, blurb and shots as the clip will act them.
    page.get_by_role("tab", name="工作室").click()
    gallery = page.locator("#template-gallery")
    gallery.get_by_role("img", name=re.compile("屋顶之约")).click()
    preset = page.locator("#studio-preset")
    preset.get_by_text("在老屋顶上看最后一次日落").wait_for()
    assert "@friend 指着夕阳" in preset.inner_text()
    preset.scroll_into_view_if_needed()
    save(page, "phone-zh-preset.jpg")

    # The script parser's refusal, in Chinese.
    page.get_by_text("……或者自己写剧本").click()
    # The help's Chinese example is code: drawn with the app's Chinese face, not as boxes.
    example = page.locator("code", has_text="镜头一").first
    assert "CoStar Noto Sans SC" in example.evaluate("el => getComputedStyle(el).fontFamily")
    page.get_by_label("你的剧本").fill("我和我的猫一起喝咖啡")
    page.get_by_role("button", name="使用我的剧本").click()
    refusal = page.get_by_text("没有找到镜头").first
    refusal.wait_for()
    page.wait_for_timeout(800)  # the toast fades in
    assert "No shots found" not in page.content()
    save(page, "phone-zh-script-refused.jpg")
