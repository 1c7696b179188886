"""A quiet music bed per clip, synthesized: soft chords, a plucked arpeggio, light rhythm.

The mood comes from the preset (by its English title, :data:`TEMPLATE_MOODS`; a translated
preset's title is looked up in the presets) or, for a script of one's own, from its first
scene; each mood is a key, a chord loop, a tempo and an instrument set. The bed loops its chords
over the whole clip and comes out at about unit RMS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, TypeAlias

import numpy as np

from core.soundtrack.synth import (
    RATE,
    add_at,
    bandpass,
    decay,
    lowpass,
    midi_hz,
    normalise,
    tone,
    white,
)  # fmt: skip

Mood: TypeAlias = Literal["warm", "upbeat", "dreamy", "bright", "playful"]
# Preset title -> mood; the presets are data, so the mapping lives here and a preset not listed
# falls back to its first scene's mood.
TEMPLATE_MOODS: dict[str, Mood] = {
    "The window": "dreamy",
    "Rooftop promise": "warm",
    "Surprise party": "upbeat",
    "Stage debut": "upbeat",
    "Space crew": "dreamy",
    "Kitchen chaos": "playful",
    "The perfect throw": "bright",
    "Sunset zoomies": "bright",
    "Morning coffee": "warm",
    "First dance": "dreamy",
    "Finish line": "upbeat",
    "A toast to us": "upbeat",
    "Ball? Ball!": "playful",
    "When nobody's watching": "playful",
}
SCENE_MOODS: dict[str, Mood] = {
    "night_city_window": "dreamy",
    "rooftop_dusk": "warm",
    "space_station": "dreamy",
    "sunny_park": "bright",
    "beach_sunset": "bright",
    "stage_spotlight": "upbeat",
    "cozy_kitchen": "playful",
    "living_room": "warm",
}
_UPBEAT_WORDS = re.compile(r"party|celebrat|birthday|dance|cheer|派对|生日|庆祝|跳舞", re.I)


@dataclass(frozen=True)
class _Style:
    root: int  # MIDI note of the key's tonic (octave 3)
    chords: tuple[tuple[int, ...], ...]  # semitones above the root, one chord per bar
    bpm: float
    pluck: bool
    drums: bool


_STYLES: dict[Mood, _Style] = {
    "warm": _Style(48, ((0, 4, 7), (7, 11, 14), (9, 12, 16), (5, 9, 12)), 76, True, False),
    "upbeat": _Style(50, ((0, 4, 7), (5, 9, 12), (9, 12, 16), (7, 11, 14)), 112, True, True),
    "dreamy": _Style(45, ((0, 3, 7), (8, 12, 15), (3, 7, 10), (10, 14, 17)), 64, False, False),
    "bright": _Style(55, ((0, 4, 7), (5, 9, 12), (7, 11, 14), (0, 4, 7)), 96, True, False),
    "playful": _Style(53, ((0, 4, 7), (2, 5, 9), (7, 11, 14), (0, 4, 7)), 104, True, True),
}


def music_mood(title: str, first_scene: str, words: str = "") -> Mood:
    """The bed's mood: the preset's own (its title in any of its languages), else a party's,
    else the first scene's (else warm)."""
    if title in TEMPLATE_MOODS:
        return TEMPLATE_MOODS[title]
    preset = _preset_title(title)
    if preset in TEMPLATE_MOODS:
        return TEMPLATE_MOODS[preset]
    if _UPBEAT_WORDS.search(words):
        return "upbeat"
    return SCENE_MOODS.get(first_scene, "warm")


def _preset_title(title: str) -> str | None:
    """The English title of a preset shown in another language ("早晨的咖啡" -> "Morning
    coffee"), so a translated preset keeps its mood."""
    # Imported here: the presets are data the soundtrack reads only for this lookup.
    from core.scripts.templates import TemplateError, english_title

    try:
        return english_title(title)
    except TemplateError:  # no presets installed: a script of one's own picks by scene
        return None


def render_music(mood: Mood, seconds: float, rng: np.random.Generator) -> np.ndarray:
    """``seconds`` of the mood's bed at the kit's rate (24 kHz), about unit RMS."""
    style = _STYLES[mood]
    samples = max(1, round(seconds * RATE))
    beat = 60.0 / style.bpm
    bar = 4 * beat
    track = np.zeros(samples + round(2 * bar * RATE), np.float32)
    bars = int(np.ceil(seconds / bar)) + 1
    for number in range(bars):
        chord = style.chords[number % len(style.chords)]
        start = number * bar
        add_at(track, _pad(style.root, chord, bar), start, gain=0.5)
        if style.pluck:
            pattern = (0, 1, 2, 1, 0, 2, 1, 2)
            for step, index in enumerate(pattern):
                note = style.root + 12 + chord[index]
                add_at(track, _pluck(midi_hz(note), beat), start + step * beat / 2,
                       gain=0.35 if step % 2 else 0.45)  # fmt: skip
        if style.drums:
            for step in range(4):
                add_at(track, _kick(), start + step * beat, gain=0.5 if step % 2 == 0 else 0.3)
                add_at(track, _hat(rng), start + step * beat + beat / 2, gain=0.15)
        add_at(track, _pluck(midi_hz(style.root - 12 + chord[0]), bar, bright=False), start,
               gain=0.5)  # fmt: skip  # bass
    return normalise(lowpass(track[:samples], 5000.0))


def _pad(root: int, chord: tuple[int, ...], seconds: float) -> np.ndarray:
    """A soft chord: detuned sines swelling in and out over the bar."""
    n = round(seconds * RATE)
    out = np.zeros(n, np.float32)
    for interval in chord:
        for detune in (-0.003, 0.003):
            out += tone(midi_hz(root + 12 + interval) * (1 + detune), seconds,
                        partials=(1.0, 0.25, 0.08))[:n]  # fmt: skip
    swell = np.abs(np.sin(np.linspace(0, np.pi, n, dtype=np.float32))) ** 0.6
    return out * swell / (2 * len(chord))


def _pluck(frequency: float, seconds: float, *, bright: bool = True) -> np.ndarray:
    partials = (1.0, 0.5, 0.3, 0.15, 0.08) if bright else (1.0, 0.3)
    sound = tone(frequency, seconds, partials=partials)
    return sound * decay(len(sound), 0.35 if bright else 0.8, attack=0.004)


def _kick() -> np.ndarray:
    n = round(0.25 * RATE)
    t = np.arange(n, dtype=np.float32) / RATE
    sweep = 2 * np.pi * np.cumsum(55.0 + 70.0 * np.exp(-t / 0.03)) / RATE
    return np.sin(sweep) * decay(n, 0.12)


def _hat(rng: np.random.Generator) -> np.ndarray:
    n = round(0.06 * RATE)
    return bandpass(white(rng, n), 5000.0, 10000.0) * decay(n, 0.02)
