"""Sentences the services say to people, in English, that the web layer can say in another language.

A service refuses with ``raise DoubleError(sentence("doubles.name_taken", "The name {name} is
taken.", name=name))``. The result *is* the English ``str`` — logs, API answers, tests and
``str(error)`` read it unchanged — but it also remembers its key and values, so the page can look
the key up in the reader's language (``webapp.i18n.say``). ``core`` knows no catalogue: the
English is written once, here at the raise site, and the translations live in the web layer.
"""

from __future__ import annotations

from typing import Any


class Sentence(str):
    """An English sentence that remembers which message it is and what was filled in."""

    key: str
    values: dict[str, Any]

    def __new__(cls, key: str, english: str, **values: Any) -> Sentence:
        filled = english.format(**values) if values else english
        made = super().__new__(cls, filled)
        made.key = key
        made.values = values
        return made

    def __str__(self) -> Sentence:  # type: ignore[override]
        # ``str(error)`` and re-raising with ``SomeError(str(error))`` keep the key this way.
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled (a Celery result, a process pool) it stays a Sentence.
        return (_rebuild, (self.key, str.__str__(self), self.values))


def _rebuild(key: str, filled: str, values: dict[str, Any]) -> Sentence:
    made = str.__new__(Sentence, filled)
    made.key = key
    made.values = values
    return made


def sentence(key: str, english: str, **values: Any) -> Sentence:
    """The English sentence ``english`` filled with ``values``, remembering ``key`` for
    translation. Keys are ``topic.name``; every key needs its three translations in
    ``webapp/i18n/topics/`` (``tests/webapp/test_sentences.py`` checks)."""
    return Sentence(key, english, **values)


def sentence_of(message: object) -> Sentence | None:
    """The ``Sentence`` behind a message or an exception (its first argument), if there is one."""
    if isinstance(message, BaseException):
        message = message.args[0] if message.args else None
    return message if isinstance(message, Sentence) else None
