"""The live spoken-code challenge: code drawing, offline digit recognition, tolerant check."""

import itertools
import random

import numpy as np
import pytest

from core.voice import spoken_code
from core.voice.asr import Transcript
from core.voice.speech import Audio, synthesize_speech
from core.voice.spoken_code import (
    DIGITS_PROMPT,
    NUMERALS_PROMPTS,
    check_recording,
    check_spoken_code,
    digits_from_transcript,
    new_challenge_code,
    recognize_digits,
)


@pytest.fixture(scope="module")
def spoken_codes() -> list[tuple[str, str]]:
    """Codes from seeded generators, spoken by the TTS voice, each with what was heard."""
    codes = [new_challenge_code(6, random.Random(seed)) for seed in (3, 4, 5)]
    return [(code, recognize_digits(synthesize_speech(" ".join(code)))) for code in codes]


def test_codes_are_digits_of_the_asked_length_without_doubled_digits() -> None:
    rng = random.Random(11)
    for length in (4, 5, 6):
        for _ in range(50):
            code = new_challenge_code(length, rng)
            assert len(code) == length
            assert code.isdigit()
            assert all(a != b for a, b in itertools.pairwise(code))


def test_codes_never_count_up_four_digits_in_a_row() -> None:
    rng = random.Random(12)
    codes = [new_challenge_code(6, rng) for _ in range(3000)]
    ascending = {"".join(str(d + i) for i in range(4)) for d in range(7)}  # 0123 … 6789
    assert not [code for code in codes if any(run in code for run in ascending)]
    assert len(set(codes)) > 2900  # still drawn from ~550,000 codes


def transcript(text: str, log_probability: float = -0.1) -> Transcript:
    return Transcript(text, "en", 0.1, log_probability)


def test_a_confident_transcript_gives_its_digits() -> None:
    assert digits_from_transcript(transcript("4 8 1 9 0 3")) == "481903"
    assert digits_from_transcript(transcript("quatre vuit u", -0.4), "ca") == "481"


def test_a_failed_decode_or_an_echoed_prompt_is_not_heard() -> None:
    assert digits_from_transcript(transcript(" 0", log_probability=-1.34)) == ""  # music
    # The same music at -0.95 on another CPU: one digit is no reading of a code either.
    assert digits_from_transcript(transcript(" 0", log_probability=-0.95)) == ""
    assert digits_from_transcript(transcript("eight", -0.2)) == ""
    assert digits_from_transcript(transcript("1 2 3 4 5 6 9 9 9 9 9")) == ""
    assert digits_from_transcript(transcript("2 2 1 2 3 4 4 4 4")) == ""
    check = check_spoken_code("481903", digits_from_transcript(transcript("0 1 2 3 4 5 6 7")))
    assert "could not hear the digits" in check.message


def test_default_codes_come_from_the_system_generator() -> None:
    codes = {new_challenge_code() for _ in range(20)}
    assert len(codes) > 15  # 590,490 possible codes; repeats would mean a broken generator


@pytest.mark.parametrize("length", [3, 7])
def test_code_length_outside_four_to_six_is_refused(length: int) -> None:
    with pytest.raises(ValueError, match="4 to 6 digits"):
        new_challenge_code(length)


def test_spoken_codes_are_recognized(spoken_codes: list[tuple[str, str]]) -> None:
    checks = [check_spoken_code(code, heard) for code, heard in spoken_codes]
    assert all(check.passed for check in checks), spoken_codes
    for check in checks:
        if check.passed:
            assert check.wrong_digits <= 1
            assert check.message == "Code confirmed."


def test_a_different_code_fails(spoken_codes: list[tuple[str, str]]) -> None:
    for code, heard in spoken_codes:
        # Change every digit: the spoken audio must not pass for another code.
        other = "".join(str((int(digit) + 5) % 10) for digit in code)
        check = check_spoken_code(other, heard)
        assert not check.passed
        assert check.wrong_digits >= 4


def test_silence_hears_no_digits() -> None:
    heard = recognize_digits(Audio(np.zeros(2 * 16000), 16000))
    assert heard == ""
    check = check_spoken_code("4819", heard)
    assert not check.passed
    assert "could not hear" in check.message


def test_short_codes_get_no_slack() -> None:
    # One edit of slack in a 4-digit code would accept about 1 guess in 30.
    assert check_spoken_code("7391", "7391").passed
    assert not check_spoken_code("7391", "7381").passed
    assert not check_spoken_code("73914", "7391").passed


def test_one_wrong_digit_is_tolerated_two_are_not() -> None:
    assert check_spoken_code("739104", "739184").passed
    two_wrong = check_spoken_code("739104", "731184")
    assert not two_wrong.passed
    assert two_wrong.wrong_digits == 2
    assert not check_spoken_code("739104", "739184", max_wrong_digits=0).passed


def test_one_extra_or_missing_digit_is_tolerated_more_is_not() -> None:
    assert check_spoken_code("739104", "7389104").passed  # the recognizer inserted an 8
    assert check_spoken_code("739104", "73104").passed  # and here it missed the 9
    check = check_spoken_code("7391", "739152")
    assert not check.passed and check.wrong_digits == 2
    assert "6 digits" in check.message
    assert "has 4" in check.message


def test_a_looping_recogniser_s_repeated_digit_is_collapsed() -> None:
    # Codes never repeat a digit, so "2151878888…" is the decoder looping on the last digit.
    assert check_spoken_code("215187", "2151878888888888").passed
    assert check_spoken_code("215187", "2151878888888888").heard == "2151878"  # one edit
    assert not check_spoken_code("215187", "3333").passed


def test_malformed_codes_are_programming_errors() -> None:
    with pytest.raises(ValueError, match="expected"):
        check_spoken_code("12a4", "1234")
    with pytest.raises(ValueError, match="heard"):
        check_spoken_code("1234", "one")


class ScriptedRecogniser:
    """Stands in for Whisper: answers per prompt, and records which prompts were decoded."""

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers = answers
        self.prompts: list[str] = []

    def __call__(self, audio, language=None, *, initial_prompt=None, max_new_tokens=None):
        self.prompts.append(initial_prompt)
        return Transcript(self.answers[initial_prompt], language or "", 0.1, -0.2)


@pytest.fixture
def spoken_tone() -> Audio:
    """A short spoken recording: the speech finder keeps it, so the recogniser is asked."""
    return synthesize_speech("four eight one nine zero three")


def test_a_refused_mandarin_reading_gets_a_second_try_with_chinese_numerals(
    monkeypatch: pytest.MonkeyPatch, spoken_tone: Audio
) -> None:
    zh = NUMERALS_PROMPTS["zh"]
    recogniser = ScriptedRecogniser({DIGITS_PROMPT: "4 7 1 3 0 9", zh: "四八一九零三"})
    monkeypatch.setattr(spoken_code, "transcribe", recogniser)
    check = check_recording("481903", spoken_tone, "zh")
    assert check.passed and check.heard == "481903"
    assert recogniser.prompts == [DIGITS_PROMPT, zh]


def test_the_second_try_never_turns_a_wrong_code_into_a_pass(
    monkeypatch: pytest.MonkeyPatch, spoken_tone: Audio
) -> None:
    zh = NUMERALS_PROMPTS["zh"]
    recogniser = ScriptedRecogniser({DIGITS_PROMPT: "4 7 1 3 0 9", zh: "五五二七六"})
    monkeypatch.setattr(spoken_code, "transcribe", recogniser)
    check = check_recording("481903", spoken_tone, "zh")
    # Both refused: the first decode's message stands ("we heard 4 7 1 3 0 9").
    assert not check.passed and check.heard == "471309"


def test_a_passed_reading_and_other_languages_are_decoded_once(
    monkeypatch: pytest.MonkeyPatch, spoken_tone: Audio
) -> None:
    recogniser = ScriptedRecogniser({DIGITS_PROMPT: "4 8 1 9 0 3"})
    monkeypatch.setattr(spoken_code, "transcribe", recogniser)
    assert check_recording("481903", spoken_tone, "zh").passed
    recogniser.answers[DIGITS_PROMPT] = "4 7 1 3 0 9"
    assert not check_recording("481903", spoken_tone, "en").passed
    assert recogniser.prompts == [DIGITS_PROMPT, DIGITS_PROMPT]


def test_a_recording_without_speech_is_not_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    recogniser = ScriptedRecogniser({})
    monkeypatch.setattr(spoken_code, "transcribe", recogniser)
    check = check_recording("481903", Audio(np.zeros(48_000, np.float32), 16_000), "zh")
    assert not check.passed and "could not hear" in check.message
    assert recogniser.prompts == []
