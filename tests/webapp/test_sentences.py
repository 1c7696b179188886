"""What the services say, in four languages: every ``sentence(...)`` in the code has its three
translations with the same placeholders, and ``say`` picks the reader's language."""

from __future__ import annotations

import ast
import pickle
import string
from pathlib import Path

import pytest

from core.sentences import sentence, sentence_of
from webapp.i18n import SENTENCES, say

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FOLDERS = ("core", "db", "webapp")


def _said_in_code() -> dict[str, set[str]]:
    """Every ``sentence("key", "English", ...)`` call in the code: key -> English texts."""
    found: dict[str, set[str]] = {}
    for folder in SOURCE_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and _called_name(node) == "sentence"):
                    continue
                key, english = node.args[0], node.args[1]
                assert isinstance(key, ast.Constant) and isinstance(english, ast.Constant), (
                    f"{path}:{node.lineno}: a sentence's key and English must be written out, "
                    "so the translations can be checked"
                )
                found.setdefault(key.value, set()).add(english.value)
    return found


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


SAID = _said_in_code()


def test_each_key_has_one_english_text() -> None:
    repeated = {key: texts for key, texts in SAID.items() if len(texts) > 1}
    assert not repeated, f"one key, several English texts: {repeated}"


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_every_sentence_is_translated_with_the_same_placeholders(language: str) -> None:
    translations = SENTENCES[language]
    missing = sorted(key for key in SAID if key not in translations)
    assert not missing, f"{language}: no translation for {missing}"
    for key, (english,) in ((key, tuple(texts)) for key, texts in SAID.items()):
        assert _placeholders(translations[key]) == _placeholders(english), (language, key)


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_no_translation_is_left_without_its_sentence(language: str) -> None:
    unused = sorted(key for key in SENTENCES[language] if key not in SAID)
    assert not unused, f"{language}: translations no code says: {unused}"


def test_a_sentence_reads_as_its_english_everywhere_else() -> None:
    said = sentence("test.greeting", "Hello {name}, you have {count} clips.", name="Ana", count=3)
    error = ValueError(said)
    assert str(error) == "Hello Ana, you have 3 clips."
    rewrapped = RuntimeError(str(error))  # services re-raise this way
    assert sentence_of(rewrapped) is not None
    assert sentence_of(rewrapped).values == {"name": "Ana", "count": 3}
    copied = pickle.loads(pickle.dumps(error))  # noqa: S301 (our own bytes)
    assert sentence_of(copied).key == "test.greeting"


def test_say_translates_by_key_and_falls_back_to_english(monkeypatch) -> None:
    monkeypatch.setitem(SENTENCES["ca"], "test.greeting", "Hola {name}: {reason}")
    monkeypatch.setitem(SENTENCES["ca"], "test.reason", "falta la veu")
    reason = sentence("test.reason", "the voice is missing")
    said = ValueError(sentence("test.greeting", "Hello {name}: {reason}", name="Ana",
                               reason=reason))  # fmt: skip
    assert say(said, "ca") == "Hola Ana: falta la veu"  # a value that is a sentence, too
    assert say(said, "en") == "Hello Ana: the voice is missing"
    assert say(said, "xx") == "Hello Ana: the voice is missing"  # an unknown language: English
    assert say(said, "id") == "Hello Ana: the voice is missing"  # no translation yet: English
    assert say(ValueError("plain words"), "ca") == "plain words"
