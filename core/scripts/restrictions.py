"""Owner usage restrictions ("no violence, no alcohol; never kissing") as matchable phrases.

Pure text work: split a restriction text into phrases, and find a phrase in a piece of script
text with whole-word, case-insensitive matching that tolerates simple inflections ("kiss",
"kisses", "kissing"). Chinese phrases match as substrings because Chinese has no spaces.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Clause separators: punctuation (ASCII and full-width) and the conjunctions "and"/"or"/"nor",
# because "no guns or knives" restricts both words. Splitting "rock and roll" over-restricts,
# which is the safe side for consent.
_CLAUSE_SPLIT = re.compile(r"[,;.\n/、，；。！!？?]+|\b(?:and|or|nor)\b", re.IGNORECASE)
# Words that introduce a restriction rather than name the restricted thing.
_LEADING_NEGATIONS = re.compile(
    r"^(?:(?:please|no|nothing|never|not|don'?t|do not|without|avoid|any|ever|show|showing|"
    r"include|including|involving)\s+)+",
    re.IGNORECASE,
)
_CHINESE_NEGATIONS = re.compile(r"^(?:请|不要|不许|不准|不能|禁止|严禁|别|不|没有|无|勿)+")
_WORD = re.compile(r"\w+", re.UNICODE)
_SUFFIXES = ("ing", "ed", "es", "s", "e")


@dataclass(frozen=True)
class RestrictedPhrase:
    """One restriction: the clause as the owner wrote it, and the words it forbids."""

    clause: str
    phrase: str


def parse_restrictions(text: str) -> tuple[RestrictedPhrase, ...]:
    """Split an owner's restriction text into restricted phrases.

    Args:
        text: Free text such as ``"no violence, no alcohol; never kissing"`` or
            ``"不要暴力，禁止喝酒"``.

    Returns:
        One ``RestrictedPhrase`` per clause, e.g. clause ``"never kissing"`` → phrase ``"kissing"``.
        Clauses that name nothing (``"please"``) are dropped.
    """
    phrases: list[RestrictedPhrase] = []
    for raw_clause in _CLAUSE_SPLIT.split(unicodedata.normalize("NFKC", text)):
        clause = " ".join((raw_clause or "").split())
        phrase = _CHINESE_NEGATIONS.sub("", _LEADING_NEGATIONS.sub("", clause)).strip()
        if phrase and phrase.lower() not in {"please", "thanks", "thank you"}:
            phrases.append(RestrictedPhrase(clause=clause, phrase=phrase))
    return tuple(phrases)


def stem_word(word: str) -> str:
    """Reduce a word to a crude stem so simple inflections compare equal.

    Args:
        word: One word.

    Returns:
        The lowercase stem: "kissing", "kisses" and "kissed" all give "kiss"; "running" gives "run".
    """
    word = word.lower()
    for suffix in _SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        if suffix == "s" and word.endswith("ss"):
            continue  # "kiss" is not the plural of "kis"
        stem = word[: -len(suffix)]
        # "running" → "runn" → "run"; keep "ss", "ll", "zz" which are part of the word ("kissing")
        if suffix in ("ing", "ed") and len(stem) >= 4 and stem[-1] == stem[-2] not in "lsz":
            stem = stem[:-1]
        return stem
    return word


def _has_chinese(text: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" for char in text)


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether ``text`` uses ``phrase`` as whole words, tolerating simple inflections.

    Args:
        text: Script text (a shot description or a dialogue line).
        phrase: A restricted phrase from ``parse_restrictions``.

    Returns:
        True when every word of the phrase appears consecutively in ``text``.
    """
    if _has_chinese(phrase):
        return phrase in text
    wanted = [stem_word(word) for word in _WORD.findall(phrase)]
    if not wanted:
        return False
    have = [stem_word(word) for word in _WORD.findall(text)]
    span = len(wanted)
    return any(have[start : start + span] == wanted for start in range(len(have) - span + 1))
