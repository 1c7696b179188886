"""The interface in English, 简体中文, Bahasa Indonesia and Català.

One catalogue per language (``en.py``, ``zh_cn.py``, ``id.py``, ``ca.py``) for labels, buttons and
headings; the texts the server writes about clips, the Studio, doubles, appearances and friends
live in topic modules (``topics/``), all four languages side by side; every consent and permission
sentence comes from ``core.consent_wording`` under the ``consent.`` prefix, so it is written once.
Two ways the page uses them:

- ``label(key)``: a Gradio translation key; the browser shows it in the page's language and
  redraws it when the language is switched (``I18N`` goes to ``launch(i18n=...)``).
- ``text(key, language)``: the sentence itself, for what the server writes (the consent statement,
  tab names with counts, error messages), in the language the page told it.
"""

from __future__ import annotations

from collections.abc import Sequence

import gradio as gr

from core.consent import consent_language
from core.consent_wording import CONSENT_LANGUAGES, LANGUAGE_NAMES, WORDINGS, ConsentLanguage
from core.sentences import Sentence, sentence_of
from webapp.i18n import ca, en, id, zh_cn
from webapp.i18n.topics import (
    clips,
    doubles,
    people,
    provenance,
    refusals_clips,
    refusals_doubles,
    refusals_people,
    studio,
)

UI_LANGUAGES: tuple[ConsentLanguage, ...] = CONSENT_LANGUAGES
LANGUAGE_CHOICES: list[tuple[str, str]] = [(LANGUAGE_NAMES[code], code) for code in UI_LANGUAGES]
_INTERFACE: dict[ConsentLanguage, dict[str, str]] = {
    "en": en.CATALOGUE,
    "zh-CN": zh_cn.CATALOGUE,
    "id": id.CATALOGUE,
    "ca": ca.CATALOGUE,
}
_TOPICS = (
    clips.CATALOGUES,
    provenance.CATALOGUES,
    studio.CATALOGUES,
    people.CATALOGUES,
    doubles.CATALOGUES,
)
CATALOGUES: dict[ConsentLanguage, dict[str, str]] = {
    language: {
        **_INTERFACE[language],
        **{key: value for topic in _TOPICS for key, value in topic[language].items()},
        **{f"consent.{key}": value for key, value in WORDINGS[language].items()},
    }
    for language in UI_LANGUAGES
}


def _browser_catalogue(catalogue: dict[str, str]) -> dict[str, str]:
    # The browser's translator reads "{name}" as a placeholder it has no value for; sentences
    # with placeholders are filled in by the server only.
    return {key: value for key, value in catalogue.items() if "{" not in value}


I18N = gr.I18n(**{language: _browser_catalogue(CATALOGUES[language]) for language in UI_LANGUAGES})


def label(key: str) -> gr.i18n.I18nData:
    """A translated label, button text or Markdown value (shown in the page's language)."""
    if key not in CATALOGUES["en"]:
        raise KeyError(f"No interface text named {key!r}")
    return I18N(key)


def choice_labels(choices: Sequence[tuple[str, str]], prefix: str) -> list[tuple[str, str]]:
    """Radio or dropdown choices whose shown names are translated (``prefix.value`` keys)."""
    return [(str(label(f"{prefix}.{value}")), value) for _name, value in choices]


# Translations of what the services say (``core.sentences``); their English is at the raise site.
SENTENCES: dict[str, dict[str, str]] = {
    language: {
        key: value
        for topic in (refusals_people, refusals_clips, refusals_doubles)
        for key, value in topic.TRANSLATIONS.get(language, {}).items()
    }
    for language in UI_LANGUAGES
    if language != "en"
}


def say(message: object, language: str | None) -> str:
    """A service's message (an exception or a string) in the page's language.

    A ``core.sentences.Sentence`` is looked up by its key and filled with its values (values
    that are sentences themselves are said in the same language); anything else, or a sentence
    with no translation yet, reads as the English it carries."""
    said = sentence_of(message)
    if said is None:
        return str(message)
    translated = SENTENCES.get(consent_language(language), {}).get(said.key)
    if translated is None:
        return str.__str__(said)
    values = {
        name: say(value, language) if isinstance(value, Sentence) else value
        for name, value in said.values.items()
    }
    return translated.format(**values)


def text(key: str, language: str | None, **values: object) -> str:
    """The sentence in the given UI language (English for an unknown one), filled in."""
    sentence = CATALOGUES[consent_language(language)][key]
    return sentence.format(**values) if values else sentence


__all__ = [
    "CATALOGUES",
    "I18N",
    "LANGUAGE_CHOICES",
    "UI_LANGUAGES",
    "choice_labels",
    "label",
    "say",
    "text",
]
