"""User text shown in Markdown displays as typed, never as markup."""

from __future__ import annotations

import markdown_it

from webapp.ui.text import as_markdown_text


def rendered(text: str) -> str:
    return markdown_it.MarkdownIt().render(as_markdown_text(text))


def test_markup_and_markdown_show_as_text():
    html = rendered("<script>alert(1)</script> **bold** # not a heading [link](x)")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<strong>" not in html and "<h1>" not in html and "<a " not in html


def test_apostrophes_ampersands_and_unicode_survive():
    html = rendered("@lead's guitar & Maya's 🎸 玛雅")
    assert "@lead's guitar &amp; Maya's 🎸 玛雅" in html


def test_error_messages_show_typed_markup_as_text():
    from webapp.ui.text import ui_error

    error = ui_error('Quoting the owner: "<img src=x onerror=alert(1)> & co"', title="Refused")
    assert error.message == 'Quoting the owner: "&lt;img src=x onerror=alert(1)&gt; &amp; co"'
    assert error.title == "Refused"
