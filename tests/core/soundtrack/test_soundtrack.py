"""Soundtrack beds: every scene sounds, every preset has music, beds duck under speech."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

import numpy as np
import pytest

from core.media.audio import Audio
from core.scripts.templates import load_templates
from core.soundtrack import (
    TEMPLATE_MOODS,
    FoleyCue,
    SceneSpan,
    ambience_for_scene,
    compose_soundtrack,
    cues_from_actions,
    cues_from_descriptions,
    longest_silence,
    music_mood,
)
from core.soundtrack.ambience import render_ambience
from core.soundtrack.foley import render_foley
from core.soundtrack.music import render_music
from core.soundtrack.synth import RATE, rng_for
from core.types import SceneName

AMBIENCES = ("room", "kitchen", "city_night", "park", "beach", "stage", "party", "space")


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x.astype(np.float64)))))


@pytest.mark.parametrize("scene", get_args(SceneName))
def test_every_scene_has_its_own_ambience(scene):
    assert ambience_for_scene(scene) != "room" or scene == "living_room"


def test_a_party_is_a_party_wherever_it_is():
    assert ambience_for_scene("sunny_park", "@a throws a surprise party") == "party"
    assert ambience_for_scene("cozy_kitchen", "镜头一，生日派对") == "party"
    assert ambience_for_scene("not_a_scene") == "room"


@pytest.mark.parametrize("name", AMBIENCES)
def test_ambiences_sound_all_the_way_and_repeat_with_the_seed(name):
    bed = render_ambience(name, 4.0, rng_for(7, name))
    assert bed.shape == (4 * RATE,) and np.all(np.isfinite(bed))
    assert _rms(bed) == pytest.approx(1.0, rel=0.01)
    assert longest_silence(Audio(bed * 0.03, RATE)) < 1.0
    again = render_ambience(name, 4.0, rng_for(7, name))
    other = render_ambience(name, 4.0, rng_for(8, name))
    assert np.array_equal(bed, again) and not np.array_equal(bed, other)


def test_every_preset_has_a_music_mood_of_its_own():
    titles = {template.title for template in load_templates()}
    assert titles <= set(TEMPLATE_MOODS), titles - set(TEMPLATE_MOODS)
    assert music_mood("My own script", "space_station") == "dreamy"
    assert music_mood("My own script", "sunny_park", "a birthday party") == "upbeat"


@pytest.mark.parametrize("mood", sorted(set(TEMPLATE_MOODS.values())))
def test_music_beds_are_tonal_and_steady(mood):
    bed = render_music(mood, 6.0, rng_for(1, mood))
    assert np.all(np.isfinite(bed)) and _rms(bed) == pytest.approx(1.0, rel=0.01)
    spectrum = np.abs(np.fft.rfft(bed))
    frequencies = np.fft.rfftfreq(len(bed), 1 / RATE)
    # Chords, not noise: most energy sits below 2 kHz.
    assert spectrum[frequencies < 2000].sum() > 0.7 * spectrum.sum()


def test_foley_from_words_in_english_and_chinese():
    cues = cues_from_descriptions([
        (0.0, 4.0, "@maya picks up a guitar and strums"),
        (4.0, 2.0, "Everyone raises a glass."),
        (6.0, 2.0, "镜头三，大家干杯，然后鼓掌"),
        (8.0, 2.0, "@leo looks out of the window."),
    ])  # fmt: skip
    sounds = [(cue.sound, round(cue.time, 2)) for cue in cues]
    assert ("strum", 1.0) in sounds and ("clink", 4.9) in sounds
    assert {"clink", "clap"} <= {sound for sound, time in sounds if 6 <= time < 8}
    assert not [time for _, time in sounds if time >= 8]  # looking makes no sound


@dataclass(frozen=True)
class _Action:
    action: str
    start: float
    end: float
    hits: tuple[float, ...] = ()


def test_foley_from_an_action_timeline():
    cues = cues_from_actions([
        _Action("clap", 1.0, 2.0, hits=(1.2, 1.65)),
        _Action("walk", 3.0, 4.6),
        _Action("raise_glass", 5.0, 6.0),
        _Action("think", 6.0, 7.0),
    ])  # fmt: skip
    assert [c.sound for c in cues if c.time < 3] == ["clap", "clap"]
    assert [round(c.time, 2) for c in cues if c.sound == "step"] == [3.0, 3.5, 4.0, 4.5]
    assert [(c.sound, c.time) for c in cues if c.time >= 5] == [("clink", 5.5)]


@pytest.mark.parametrize("sound", ["clink", "step", "cheer", "strum", "clap", "slap", "thud"])
def test_foley_sounds_are_short_and_normalised(sound):
    audio = render_foley(sound, rng_for(0, sound))
    assert 0.05 * RATE < len(audio) < 2 * RATE
    assert float(np.max(np.abs(audio))) == pytest.approx(1.0, rel=1e-3)


def _speech_like(seconds: float, rate: int, start: float, length: float) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    voice = 0.6 * np.sin(2 * np.pi * 180 * t) * (np.sin(2 * np.pi * 4 * t) > 0)
    return np.where((t >= start) & (t < start + length), voice, 0.0).astype(np.float32)


SHOTS = [SceneSpan(0.0, 3.0, "rooftop_dusk"), SceneSpan(3.0, 3.0, "sunny_park", "@a walks")]


def test_beds_fill_the_silence_and_duck_under_speech():
    quiet = compose_soundtrack(Audio(np.zeros(6 * 22050, np.float32), 22050), SHOTS,
                               title="Rooftop promise", seed=3)  # fmt: skip
    speech = _speech_like(6.0, 22050, 1.0, 1.5)
    spoken = compose_soundtrack(Audio(speech, 22050), SHOTS, title="Rooftop promise", seed=3)
    assert quiet.sample_rate == spoken.sample_rate == 48_000
    assert quiet.duration == pytest.approx(6.0, abs=1e-3)
    assert longest_silence(quiet) < 1.0  # the dialogue is silent, the clip is not
    # The beds alone, during the line: the spoken mix minus the speech itself.
    beds_during = spoken.samples[round(1.3 * 48000) : round(2.3 * 48000)]
    undisturbed = quiet.samples[round(1.3 * 48000) : round(2.3 * 48000)]
    residual = _rms(beds_during) - _rms(speech[round(1.3 * 22050) : round(2.3 * 22050)])
    assert residual < 0.5 * _rms(undisturbed) + 0.01
    again = compose_soundtrack(Audio(speech, 22050), SHOTS, title="Rooftop promise", seed=3)
    assert np.array_equal(spoken.samples, again.samples)


def test_foley_cues_are_heard():
    silent = Audio(np.zeros(3 * 22050, np.float32), 22050)
    shots = [SceneSpan(0.0, 3.0, "living_room")]
    plain = compose_soundtrack(silent, shots, title="x", seed=1)
    clinked = compose_soundtrack(silent, shots, title="x", seed=1, cues=[FoleyCue("clink", 1.5)])
    window = slice(round(1.5 * 48000), round(1.65 * 48000))
    assert _rms(clinked.samples[window]) > 2 * _rms(plain.samples[window])
    assert np.array_equal(clinked.samples[:48000], plain.samples[:48000])


def test_longest_silence_measures_the_gap():
    samples = np.full(48000 * 3, 0.1, np.float32)
    samples[48000 : 48000 + 60000] = 0.0
    assert longest_silence(Audio(samples, 48000)) == pytest.approx(1.25, abs=0.03)


@pytest.mark.parametrize("template", load_templates(), ids=lambda template: template.id)
def test_no_preset_clip_has_a_second_of_silence_even_between_lines(template):
    # Dialogue muted: the beds alone must carry every preset from its first to its last frame.
    spans, start = [], 0.0
    for shot in template.script.shots:
        spans.append(SceneSpan(start, shot.duration, shot.scene, shot.description))
        start += shot.duration
    silent = Audio(np.zeros(round(start * 24000), np.float32), 24000)
    mix = compose_soundtrack(silent, spans, title=template.title, seed=11)
    assert mix.duration == pytest.approx(start, abs=1e-3)
    assert longest_silence(mix) < 1.0
