"""Which language a dialogue line is written in, and whether an installed voice speaks it.

English lines are read by the built-in piper voice, Chinese lines by the Mandarin voice
(:mod:`core.voice.mandarin`). Indonesian and Catalan have no voice wired in yet (espeak-ng's were
measured, ``docs/voices.md``): a line in Latin letters would silently get the English voice's
accent, so these lines are recognised by their common words and the Studio says, next to the
line, that the English voice reads it. The guess is deliberately cautious: a line counts as
Indonesian or Catalan only when several of its words are common in that language and not in
English, so English lines with a borrowed word stay English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, TypeAlias

from core.sentences import sentence
from core.voice.mandarin import is_chinese

LineLanguage: TypeAlias = Literal["en", "zh", "id", "ca"]
LANGUAGE_NAMES: dict[LineLanguage, str] = {
    "en": "English", "zh": "Chinese", "id": "Indonesian", "ca": "Catalan"
}  # fmt: skip
# Languages whose lines an installed voice reads in that language.
SPOKEN_LANGUAGES: frozenset[LineLanguage] = frozenset({"en", "zh"})


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Frequent words of each language that are not English words (so "a", "me", "come" are out).
_COMMON_WORDS: dict[LineLanguage, frozenset[str]] = {
    "id": _word_set(
        "yang dan di ini itu aku kamu saya kita kami tidak bukan sudah belum akan ada apa "
        "siapa mana kenapa bagaimana ke dari untuk dengan juga lagi sekali sangat bisa mau "
        "harus selamat pagi siang malam terima kasih tahun depan sama tempat janji ayo kita "
        "sini sana nanti besok hari rumah teman sayang benar baik lihat pergi datang makan "
        "minum cantik indah semua satu dua tiga percaya berhasil naik atas"
    ),
    "ca": _word_set(
        "els les amb que fins què això aquí allà molt gràcies bon dia nit també però perquè "
        "som sóc estic estem tinc tens meu teu seu nostra nostre vosaltres nosaltres "
        "aquest aquesta vinent mateix mateixa lloc hora fet pujat dalt creus "
        "podem anem vine mira sempre mai tots totes amic amiga prometo promet "
        "ens et em ho del dels als una uns unes és està vaig va perdona tard arribat veure platja "
        "sortida costat desitjos"
    ),
}
_WORD = re.compile(r"[^\W\d_]+(?:·[^\W\d_]+)?", re.UNICODE)
MIN_COMMON_WORDS = 2
MIN_SHARE = 0.3  # of the line's words


def line_language(text: str) -> LineLanguage:
    """The language a dialogue line is most likely written in (English when unsure).

    Args:
        text: The line as written in the script.

    Returns:
        "zh" for Chinese characters; "id" or "ca" when enough of its words are common in that
        language (and the line's share of them is high); else "en".
    """
    if is_chinese(text):
        return "zh"
    words = [word.lower() for word in _WORD.findall(text)]
    if not words:
        return "en"
    if "·" in text:  # the Catalan geminated l (col·legi, il·lusió): no other language writes it
        return "ca"
    best: LineLanguage = "en"
    best_hits = 0
    for language, common in _COMMON_WORDS.items():
        hits = sum(word in common for word in words)
        if hits >= MIN_COMMON_WORDS and hits / len(words) >= MIN_SHARE and hits > best_hits:
            best, best_hits = language, hits
    return best


def unvoiced_language_note(text: str) -> str | None:
    """What the Studio says next to a line no installed voice reads in its language, or None.

    Chinese is left to the voicer (it depends on whether the Mandarin voice is installed).
    """
    language = line_language(text)
    if language in SPOKEN_LANGUAGES:
        return None
    if language == "id":
        return sentence(
            "render.unvoiced_indonesian",
            "looks Indonesian: no Indonesian voice ships yet, so the English voice reads it "
            "(with an English accent); the subtitle shows it as written",
        )
    if language == "ca":
        return sentence(
            "render.unvoiced_catalan",
            "looks Catalan: no Catalan voice ships yet, so the English voice reads it "
            "(with an English accent); the subtitle shows it as written",
        )
    name = LANGUAGE_NAMES[language]
    return (
        f"looks {name}: no {name} voice ships yet, so the English voice reads it "
        "(with an English accent); the subtitle shows it as written"
    )


def unvoiced_lines(lines: Iterable[tuple[int, str, str]]) -> list[str]:
    """Notes for the lines no voice reads in their language.

    Args:
        lines: (shot number, role, text) per dialogue line.

    Returns:
        One note per such line, e.g. "Shot 2, ann: “Selamat pagi” looks Indonesian: …".
    """
    notes = []
    for shot, role, text in lines:
        note = unvoiced_language_note(text)
        if note is not None:
            notes.append(
                sentence(
                    "render.unvoiced_line",
                    "Shot {number}, {role}: “{line}” {note}.",
                    number=shot,
                    role=role,
                    line=text,
                    note=note,
                )
            )
    return notes


__all__ = [
    "LANGUAGE_NAMES",
    "LineLanguage",
    "line_language",
    "unvoiced_language_note",
    "unvoiced_lines",
]
