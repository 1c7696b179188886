"""What the live check tells a person about the spoken code, by the language it was read in."""

from __future__ import annotations

from core.reference.challenge import READ_IN_ENGLISH_HINT, code_problems
from core.voice.spoken_code import check_spoken_code


def test_a_refused_code_read_in_another_language_points_to_english():
    refused = check_spoken_code("481903", "4819")
    assert not refused.passed
    assert code_problems(refused, "en") == [refused.message]
    for language in ("zh", "id", "ca"):
        assert code_problems(refused, language) == [refused.message, READ_IN_ENGLISH_HINT]


def test_a_passed_code_says_nothing_in_any_language():
    passed = check_spoken_code("481903", "481903")
    assert passed.passed
    assert code_problems(passed, "en") == code_problems(passed, "zh") == []
