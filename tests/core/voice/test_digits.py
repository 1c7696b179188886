"""Reading digits back from what a recogniser wrote, in the languages people read codes in."""

import pytest

from core.voice.digits import CODE_LANGUAGES, digits_from_text


@pytest.mark.parametrize(
    ("text", "language", "digits"),
    [
        ("4 8 1 9 0 3", "en", "481903"),
        ("481-903.", "en", "481903"),
        ("4, 8, 1, 9, 0, 3.", None, "481903"),
        ("Four, eight, one, nine, oh, three.", "en", "481903"),
        ("for ate won nine zero tree", "en", "481903"),
        ("forty-eight, nineteen, oh three", "en", "481903"),
        ("Forty eight nineteen zero three", "en", "481903"),
        ("seventy, twelve", "en", "7012"),
        ("double four seven", "en", "447"),
        ("My code is 6 0 2, 8 1 5.", "en", "602815"),
        ("四八一九零三", "zh", "481903"),
        ("四，八，一，九，零，三。", "zh", "481903"),
        ("四十八，十九，零三", "zh", "481903"),
        ("幺两三洞", "zh", "1230"),
        ("验证码是７３９１０４", "zh", "739104"),
        ("empat delapan satu sembilan nol tiga", "id", "481903"),
        ("Empat, delapan, satu, sembilan, kosong, tiga.", "id", "481903"),
        ("quatre vuit u nou zero tres", "ca", "481903"),
        ("Quatre, vuit, un, nou, zero, tres.", "ca", "481903"),
        ("cuatro ocho uno nueve cero tres", "es", "481903"),
        ("quatre huit un neuf zéro trois", "fr", "481903"),
        ("vier acht eins neun null drei", "de", "481903"),
    ],
)
def test_digits_are_read_back(text: str, language: str | None, digits: str) -> None:
    assert digits_from_text(text, language) == digits


@pytest.mark.parametrize(
    "text",
    ["", "Thank you.", "♪♪", "I want to go for a walk", "Subtitles by the community", "谢谢观看"],
)
def test_words_without_digits_give_nothing(text: str) -> None:
    # Whisper's usual inventions on noise and music must not turn into digits.
    assert digits_from_text(text, "en") == ""
    assert digits_from_text(text, None) == ""


def test_sound_alike_words_count_only_next_to_digits() -> None:
    assert digits_from_text("I want to say four eight one", "en") == "481"
    assert digits_from_text("for eight won", "en") == "481"


def test_another_language_s_words_are_not_read_when_the_language_is_given() -> None:
    assert digits_from_text("dua tiga", "en") == ""
    assert digits_from_text("two three", "id") == ""
    assert digits_from_text("dua tiga", None) == "23"


def test_every_language_reads_its_own_ten_digits() -> None:
    spoken = {
        "en": "zero one two three four five six seven eight nine",
        "zh": "零一二三四五六七八九",
        "id": "nol satu dua tiga empat lima enam tujuh delapan sembilan",
        "ca": "zero u dos tres quatre cinc sis set vuit nou",
        "es": "cero uno dos tres cuatro cinco seis siete ocho nueve",
        "fr": "zéro un deux trois quatre cinq six sept huit neuf",
        "de": "null eins zwei drei vier fünf sechs sieben acht neun",
    }
    assert set(spoken) == set(CODE_LANGUAGES)
    for language, words in spoken.items():
        assert digits_from_text(words, language) == "0123456789", language
