"""Turn what a recogniser wrote into the digits a person said, in several languages.

Whisper writes what it hears the way a person would type it: "4 8 1 9 0 3", "481-903",
"four eight one", "for ate won", "forty-eight", "四八一九零三", "empat delapan satu",
"quatre vuit u". :func:`digits_from_text` reads all of these back as ``"481903"``-style
strings. Words that merely sound like digits ("for", "to", "too", "won", "ate", "oh") count only
in English, and only because a live-check recording is someone reading digits aloud.

Supported spoken languages (:data:`CODE_LANGUAGES`): English, Chinese (Mandarin), Indonesian,
Catalan, plus Spanish, French and German digit words, which need no extra care.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal, get_args

CodeLanguage = Literal["en", "zh", "id", "ca", "es", "fr", "de"]
CODE_LANGUAGES: tuple[CodeLanguage, ...] = get_args(CodeLanguage)
CODE_LANGUAGE_NAMES: dict[CodeLanguage, str] = {
    "en": "English",
    "zh": "中文 (Chinese)",
    "id": "Bahasa Indonesia",
    "ca": "Català",
    "es": "Español",
    "fr": "Français",
    "de": "Deutsch",
}

_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# fmt: off
_DIGIT_WORDS: dict[CodeLanguage, dict[str, str]] = {
    "en": {
        **{word: str(value) for value, word in enumerate(_ONES)},
        "oh": "0", "nought": "0", "naught": "0", "niner": "9",
    },
    "id": {
        "nol": "0", "kosong": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4",
        "lima": "5", "enam": "6", "tujuh": "7", "delapan": "8", "sembilan": "9",
    },
    "ca": {
        "zero": "0", "u": "1", "un": "1", "una": "1", "dos": "2", "dues": "2", "tres": "3",
        "quatre": "4", "cinc": "5", "sis": "6", "set": "7", "vuit": "8", "huit": "8", "nou": "9",
    },
    "es": {
        "cero": "0", "uno": "1", "una": "1", "un": "1", "dos": "2", "tres": "3", "cuatro": "4",
        "cinco": "5", "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
    },
    "fr": {
        "zéro": "0", "zero": "0", "un": "1", "une": "1", "deux": "2", "trois": "3",
        "quatre": "4", "cinq": "5", "six": "6", "sept": "7", "huit": "8", "neuf": "9",
    },
    "de": {
        "null": "0", "eins": "1", "ein": "1", "zwei": "2", "zwo": "2", "drei": "3",
        "vier": "4", "fünf": "5", "funf": "5", "sechs": "6", "sieben": "7", "acht": "8",
        "neun": "9",
    },
}
# fmt: on
# Words a recogniser writes for a digit read on its own ("for ate won"). They are everyday
# words too ("I want to say…"), so they count only next to another digit.
_EN_HOMOPHONES = {
    "o": "0",
    "won": "1",
    "to": "2",
    "too": "2",
    "tu": "2",
    "tree": "3",
    "for": "4",
    "fore": "4",
    "fife": "5",
    "sicks": "6",
    "ate": "8",
    "eighth": "8",
    "nein": "9",
}  # fmt: skip
# English tens and teens: Whisper writes "48" as "forty-eight" now and then.
_EN_TEENS = {
    "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19",
}  # fmt: skip
_EN_TENS = {
    "twenty": "2", "thirty": "3", "forty": "4", "fourty": "4", "fifty": "5", "sixty": "6",
    "seventy": "7", "eighty": "8", "ninety": "9",
}  # fmt: skip
# "double four" is how some people read "44" (codes never repeat a digit, but say it anyway).
_EN_REPEATS = {"double": 2, "triple": 3}
_CHINESE_DIGITS = {
    "零": "0", "〇": "0", "洞": "0", "一": "1", "幺": "1", "壹": "1", "二": "2", "两": "2",
    "兩": "2", "贰": "2", "三": "3", "叁": "3", "四": "4", "肆": "4", "五": "5", "伍": "5",
    "六": "6", "陆": "6", "七": "7", "柒": "7", "八": "8", "捌": "8", "九": "9", "玖": "9",
}  # fmt: skip
_CHINESE_TEN = "十拾"
_TOKEN = re.compile(r"\d|[^\W\d_]+", re.UNICODE)


def digits_from_text(text: str, language: CodeLanguage | None = None) -> str:
    """Read the digits spoken in a transcript.

    Args:
        text: What the recogniser wrote.
        language: The language the person read the code in; ``None`` accepts the digit words
            of every supported language (English homophones such as "for" still count).

    Returns:
        The digits in order, e.g. ``"481903"``; ``""`` when none was found.
    """
    text = unicodedata.normalize("NFKC", text).lower()
    text = _expand_chinese(text)
    tables = [_DIGIT_WORDS[language]] if language in _DIGIT_WORDS else list(_DIGIT_WORDS.values())
    if language is None or language == "en":
        tables = [_DIGIT_WORDS["en"], *(t for t in tables if t is not _DIGIT_WORDS["en"])]
    english = language in (None, "en")
    digits: list[str] = []
    repeat = 1
    tokens = _TOKEN.findall(text.replace("'", ""))
    for index, token in enumerate(tokens):
        if token.isdigit():
            digits.append(token * repeat)
            repeat = 1
            continue
        if english and token in _EN_REPEATS:
            repeat = _EN_REPEATS[token]
            continue
        if english and token in _EN_HOMOPHONES:
            if _next_to_digit(tokens, index, tables):
                digits.append(_EN_HOMOPHONES[token] * repeat)
            repeat = 1
            continue
        if english and token in _EN_TEENS:
            digits.append(_EN_TEENS[token])
        elif english and token in _EN_TENS:
            # "forty eight" is 48, "forty" alone is 40.
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            unit = _DIGIT_WORDS["en"].get(following) if following in _ONES[1:] else None
            digits.append(_EN_TENS[token] + ("" if unit else "0"))
        else:
            value = next((table[token] for table in tables if token in table), None)
            if value is None:
                continue
            digits.append(value * repeat)
        repeat = 1
    return "".join(digits)


def _is_digit_token(token: str, tables: list[dict[str, str]]) -> bool:
    return (
        token.isdigit()
        or token in _EN_TEENS
        or token in _EN_TENS
        or token in _EN_HOMOPHONES
        or any(token in table for table in tables)
    )


def _next_to_digit(tokens: list[str], index: int, tables: list[dict[str, str]]) -> bool:
    neighbours = tokens[max(0, index - 1) : index] + tokens[index + 1 : index + 2]
    return any(_is_digit_token(token, tables) for token in neighbours)


def _expand_chinese(text: str) -> str:
    """Rewrite Chinese numerals as ASCII digits: 四八一 → 481, 四十八 → 48, 十八 → 18, 四十 → 40."""
    out: list[str] = []
    for index, char in enumerate(text):
        if char in _CHINESE_DIGITS:
            # Spaces keep "四八" apart from a neighbouring word.
            out.append(f" {_CHINESE_DIGITS[char]} ")
        elif char in _CHINESE_TEN:
            before = text[index - 1] if index > 0 else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            if before not in _CHINESE_DIGITS:
                out.append("1")  # 十八 is 18
            if after not in _CHINESE_DIGITS:
                out.append("0")  # 四十 is 40
            out.append(" ")
        else:
            out.append(char)
    return "".join(out)


__all__ = ["CODE_LANGUAGES", "CODE_LANGUAGE_NAMES", "CodeLanguage", "digits_from_text"]
