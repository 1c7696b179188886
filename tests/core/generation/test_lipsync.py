"""Visemes and mouth tracks: phoneme timings in, a mouth shape per frame out."""

from __future__ import annotations

import numpy as np
import pytest

from core.generation.lipsync import OPEN_FLOOR, mouth_track, viseme_of
from core.voice.speech import PhonemeTiming


@pytest.mark.parametrize("phoneme", ["p", "b", "m", ".", "$", "^", "?"])
def test_lips_close_on_bilabials_and_pauses(phoneme):
    assert viseme_of(phoneme) == (0.0, 0.0)


@pytest.mark.parametrize(
    ("open_sound", "narrower"), [("a", "i"), ("æ", "ɪ"), ("ɑ", "u"), ("a", "t"), ("ɔ", "f")]
)
def test_open_vowels_open_wider_than_closed_sounds(open_sound, narrower):
    assert viseme_of(open_sound)[0] > viseme_of(narrower)[0]


@pytest.mark.parametrize(("rounded", "spread"), [("u", "i"), ("w", "j"), ("o", "e"), ("ʃ", "s")])
def test_rounded_sounds_pucker_and_front_vowels_spread(rounded, spread):
    assert viseme_of(rounded)[1] < 0 < viseme_of(spread)[1]


@pytest.mark.parametrize("mark", ["ˈ", "ˌ", "ː", " ", "3"])
def test_stress_length_tone_and_spaces_are_no_sound_of_their_own(mark):
    assert viseme_of(mark) is None


@pytest.mark.parametrize(
    ("pinyin", "expected_open"), [("b", 0.0), ("m", 0.0), ("a1", 1.0), ("ang4", 1.0), ("uo3", 0.6)]
)
def test_pinyin_initials_and_finals_have_visemes(pinyin, expected_open):
    assert viseme_of(pinyin)[0] == pytest.approx(expected_open)


def _timings(*phonemes: tuple[str, float]) -> list[PhonemeTiming]:
    timings, time = [], 0.0
    for phoneme, length in phonemes:
        timings.append(PhonemeTiming(phoneme, time, time + length))
        time += length
    return timings


def test_the_mouth_opens_on_vowels_and_shuts_on_m_within_the_line():
    # "ma ma" at 0.5 s into a 2 s shot, 24 fps: m (closed) a (open) m a, 120 ms each.
    phonemes = _timings(("m", 0.12), ("a", 0.12), ("m", 0.12), ("a", 0.12))
    track = mouth_track(phonemes, start=0.5, fps=24, frame_count=48, loudness=np.ones(48))
    assert track.shape == (48, 2) and track.dtype == np.float32
    assert np.all(track[:11] == 0) and np.all(track[25:] == 0)  # before and after the line
    opening = track[:, 0]
    first_vowel = opening[round((0.5 + 0.18) * 24)]
    second_m = opening[round((0.5 + 0.30) * 24)]
    assert first_vowel > 0.6
    assert second_m < 0.5 * first_vowel


def test_quiet_syllables_open_less_than_loud_ones():
    phonemes = _timings(("a", 0.5))
    loud = mouth_track(phonemes, start=0.0, fps=24, frame_count=12, loudness=np.ones(12))
    quiet = mouth_track(phonemes, start=0.0, fps=24, frame_count=12, loudness=np.zeros(12))
    assert quiet[5, 0] == pytest.approx(OPEN_FLOOR * loud[5, 0], rel=0.01)


def test_without_timings_the_loudness_opens_the_mouth():
    loudness = np.linspace(0, 1, 10, dtype=np.float32)
    track = mouth_track([], start=0.0, fps=24, frame_count=10, loudness=loudness)
    assert np.allclose(track[:, 0], loudness) and np.all(track[:, 1] == 0)
