"""Four interface languages: the same keys everywhere, nothing empty, nothing left in English."""

from __future__ import annotations

import json
import re
import string

import pytest

import app
from core.consent_wording import WORDINGS
from webapp.i18n import CATALOGUES, I18N, UI_LANGUAGES, label, text
from webapp.settings import Settings

# Words that are the same in a language as in English (names, loanwords, symbols).
SAME_AS_ENGLISH = {
    "id": {"tab.studio", "doubles.handle", "verify.valid"},
    "ca": {"tab.clips", "clips.card_video", "clips.seconds", "verify.present", "studio.shot_line"},
    "zh-CN": set(),
}
CJK = re.compile(r"[\u3400-\u9fff]")


def _placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def _has_words(sentence: str) -> bool:
    """Whether anything but placeholders and punctuation is left to translate."""
    return any(char.isalpha() for literal, *_ in string.Formatter().parse(sentence)
               for char in literal)  # fmt: skip


def test_every_key_is_in_all_four_catalogues_and_none_is_empty():
    english = set(CATALOGUES["en"])
    assert len(english) > 100
    for language in UI_LANGUAGES:
        assert set(CATALOGUES[language]) == english, language
        assert set(WORDINGS[language]) == set(WORDINGS["en"]), language
        empty = [key for key, value in CATALOGUES[language].items() if not value.strip()]
        assert empty == [], (language, empty)


def test_placeholders_and_markdown_headings_match_english():
    for language in UI_LANGUAGES:
        for key, english in CATALOGUES["en"].items():
            translated = CATALOGUES[language][key]
            assert _placeholders(translated) == _placeholders(english), (language, key)
            assert translated.startswith("#") == english.startswith("#"), (language, key)


def test_translations_are_not_english_left_in_place():
    for language in ("zh-CN", "id", "ca"):
        same = {
            key
            for key, value in CATALOGUES[language].items()
            if value == CATALOGUES["en"][key]
            and key != "consent.statement.version"
            and _has_words(value)
        }
        assert same <= SAME_AS_ENGLISH[language], (language, same - SAME_AS_ENGLISH[language])
    no_chinese = [
        key
        for key, value in CATALOGUES["zh-CN"].items()
        if not CJK.search(value) and key != "consent.statement.version" and _has_words(value)
    ]
    assert no_chinese == []


def test_the_browser_gets_every_sentence_without_placeholders():
    for language in UI_LANGUAGES:
        sent = I18N.translations_dict[language]
        assert sent["consent.checkbox.age"] == CATALOGUES[language]["consent.checkbox.age"]
        assert not any("{" in value for value in sent.values())
        assert "tab.friends_waiting" not in sent  # filled in by the server


def test_server_side_text_follows_the_page_language():
    assert text("tab.friends_waiting", "zh-CN", count=2) == "好友（2）"
    assert text("tab.friends_waiting", "ca-ES", count=2) == "Amics (2)"
    assert text("tab.friends_waiting", "fr", count=2) == "Friends (2)"  # unknown: English
    with pytest.raises(KeyError):
        label("no.such.key")


def test_every_translated_text_on_the_page_has_a_translation(tmp_path):
    blocks, _services = app.build_app(Settings(data_dir=tmp_path / "data"))
    config = json.dumps(blocks.get_config_file(), default=str)
    keys = set(re.findall(r'__i18n__\{\\"__type__\\": \\"translation_metadata\\", '
                          r'\\"key\\": \\"([^\\"]+)\\"\}', config))  # fmt: skip
    # Headings, tabs, the consent checkboxes, the main buttons of every tab, and choices (who
    # may use a double, what it is of).
    assert {"tab.doubles", "consent.checkbox.age", "consent.checkbox.statement",
            "doubles.create", "studio.generate", "friends.search", "privacy.export",
            "account.create", "language.label", "visibility.approved", "kind.pet",
            "studio.size_hd"} <= keys  # fmt: skip
    for language in UI_LANGUAGES:
        assert keys <= set(I18N.translations_dict[language]), language
