"""Every sentence about consent and permissions, one catalogue per language.

``en.py``, ``zh_cn.py``, ``id.py`` and ``ca.py`` hold the same keys; each language has its own
statement version (``statement.version``), bumped when that language's wording changes, so a
consent event names exactly the text the person read. The catalogues are plain strings, so the
UI can show the labels through Gradio's translation and the server can check what was agreed.
"""

from __future__ import annotations

from typing import Literal, get_args

from core.consent_wording import ca, en, id, zh_cn

ConsentLanguage = Literal["en", "zh-CN", "id", "ca"]
CONSENT_LANGUAGES: tuple[ConsentLanguage, ...] = get_args(ConsentLanguage)
# Each language's name in that language, for the language picker.
LANGUAGE_NAMES: dict[ConsentLanguage, str] = {
    "en": "English",
    "zh-CN": "简体中文",
    "id": "Bahasa Indonesia",
    "ca": "Català",
}
WORDINGS: dict[ConsentLanguage, dict[str, str]] = {
    "en": en.WORDING,
    "zh-CN": zh_cn.WORDING,
    "id": id.WORDING,
    "ca": ca.WORDING,
}

__all__ = ["CONSENT_LANGUAGES", "LANGUAGE_NAMES", "WORDINGS", "ConsentLanguage"]
