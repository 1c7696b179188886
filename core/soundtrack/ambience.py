"""Scene ambience: a quiet bed of sound per place, made by code.

Each painted scene maps to an ambience (room tone, city at night, park, beach, stage, party,
space station...); a shot whose description says it is a party gets the party bed wherever it
is. Beds come out at about unit RMS; :mod:`core.soundtrack.mix` sets their level.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal, TypeAlias

import numpy as np

from core.soundtrack.synth import (
    RATE,
    add_at,
    bandpass,
    brown,
    decay,
    lowpass,
    normalise,
    slow_lfo,
    tone,
    white,
)  # fmt: skip

AmbienceName: TypeAlias = Literal[
    "room", "kitchen", "city_night", "park", "beach", "stage", "party", "space"
]
# Scene (core.types.SceneName) -> its ambience. A scene not listed gets room tone.
SCENE_AMBIENCE: dict[str, AmbienceName] = {
    "night_city_window": "city_night",
    "rooftop_dusk": "city_night",
    "sunny_park": "park",
    "cozy_kitchen": "kitchen",
    "beach_sunset": "beach",
    "stage_spotlight": "stage",
    "living_room": "room",
    "space_station": "space",
}
_PARTY_WORDS = re.compile(
    r"party|celebrat|birthday|surprise|confetti|dance|派对|生日|庆祝|惊喜|跳舞", re.I
)


def ambience_for_scene(scene: str, description: str = "") -> AmbienceName:
    """The ambience of a shot: its scene's, or the party bed when the shot is a party."""
    if _PARTY_WORDS.search(description):
        return "party"
    return SCENE_AMBIENCE.get(scene, "room")


def render_ambience(name: AmbienceName, seconds: float, rng: np.random.Generator) -> np.ndarray:
    """``seconds`` of an ambience at the kit's rate (24 kHz), about unit RMS."""
    samples = max(1, round(seconds * RATE))
    return normalise(_GENERATORS[name](samples, rng))


def _room(samples: int, rng: np.random.Generator) -> np.ndarray:
    air = lowpass(brown(rng, samples), 250.0)
    hiss = bandpass(white(rng, samples), 800.0, 6000.0) * 0.08
    return air + hiss


def _kitchen(samples: int, rng: np.random.Generator) -> np.ndarray:
    fridge = tone(100.0, samples / RATE, partials=(1.0, 0.5, 0.25))[:samples] * 0.12
    return _room(samples, rng) + fridge


def _city_night(samples: int, rng: np.random.Generator) -> np.ndarray:
    rumble = lowpass(brown(rng, samples), 180.0) * (0.6 + 0.4 * slow_lfo(rng, samples, 3.0))
    track = rumble.astype(np.float32)
    time = rng.uniform(0.0, 2.0)
    while time < samples / RATE:  # cars passing: a swell of tyre noise
        length = rng.uniform(2.0, 3.5)
        n = round(length * RATE)
        swell = np.sin(np.linspace(0, np.pi, n, dtype=np.float32)) ** 2
        car = bandpass(white(rng, n), 250.0, 1400.0) * swell * rng.uniform(0.25, 0.5)
        add_at(track, car.astype(np.float32), time)
        time += rng.uniform(1.5, 4.0)
    return track


def _park(samples: int, rng: np.random.Generator) -> np.ndarray:
    wind = lowpass(white(rng, samples), 400.0) * (0.4 + 0.6 * slow_lfo(rng, samples, 2.5))
    track = (wind * 0.6).astype(np.float32)
    time = rng.uniform(0.2, 1.0)
    while time < samples / RATE:  # a bird: two to four quick rising chirps
        for _ in range(rng.integers(2, 5)):
            length = rng.uniform(0.06, 0.12)
            t = np.arange(round(length * RATE), dtype=np.float32) / RATE
            start, end = rng.uniform(2500, 3500), rng.uniform(3800, 5200)
            phase = 2 * np.pi * np.cumsum(np.linspace(start, end, len(t))) / RATE
            chirp = np.sin(phase) * np.sin(np.pi * t / length) ** 2
            add_at(track, chirp.astype(np.float32), time, gain=rng.uniform(0.5, 0.9))
            time += length + rng.uniform(0.03, 0.08)
        time += rng.uniform(0.8, 2.2)
    return track


def _beach(samples: int, rng: np.random.Generator) -> np.ndarray:
    track = lowpass(white(rng, samples), 900.0) * 0.15
    time = -rng.uniform(0.0, 3.0)
    while time < samples / RATE:  # a wave: rises, breaks, and washes back
        length = rng.uniform(5.0, 7.5)
        n = round(length * RATE)
        t = np.linspace(0.0, 1.0, n, dtype=np.float32)
        shape = np.where(t < 0.35, (t / 0.35) ** 2, np.exp(-(t - 0.35) * 4.0))
        wave = lowpass(white(rng, n), 1500.0) * shape * rng.uniform(0.8, 1.2)
        add_at(track, wave.astype(np.float32), time)
        time += length * rng.uniform(0.6, 0.8)
    return track


def _murmur(samples: int, rng: np.random.Generator, voices: int) -> np.ndarray:
    """Many people talking far away: speech-band noise with syllable-rate loudness."""
    track = np.zeros(samples, np.float32)
    for _ in range(voices):
        syllables = slow_lfo(rng, samples, 0.18) ** 2
        phrases = np.clip(slow_lfo(rng, samples, 1.5) * 1.6 - 0.4, 0.0, 1.0)
        track += white(rng, samples) * syllables * phrases
    # One filter for all voices (filtering is linear; the loudness curves are slow anyway).
    return bandpass(track, 250.0, 2500.0)


def _stage(samples: int, rng: np.random.Generator) -> np.ndarray:
    hall = lowpass(brown(rng, samples), 220.0)
    return hall + 0.5 * normalise(_murmur(samples, rng, 4))


def _party(samples: int, rng: np.random.Generator) -> np.ndarray:
    track = normalise(_murmur(samples, rng, 8)) + 0.3 * lowpass(brown(rng, samples), 200.0)
    time = rng.uniform(0.5, 2.0)
    while time < samples / RATE:  # a laugh somewhere in the room
        n = round(rng.uniform(0.5, 0.9) * RATE)
        t = np.arange(n, dtype=np.float32) / RATE
        bursts = np.clip(np.sin(2 * np.pi * rng.uniform(4.5, 6.0) * t), 0, 1) * decay(n, 0.4)
        laugh = bandpass(white(rng, n), 500.0, 2200.0) * bursts
        add_at(track, laugh.astype(np.float32), time, gain=1.2)
        time += rng.uniform(2.0, 4.0)
    return track


def _space(samples: int, rng: np.random.Generator) -> np.ndarray:
    seconds = samples / RATE
    swell = 0.6 + 0.4 * slow_lfo(rng, samples, 4.0)
    drone = sum(tone(f, seconds)[:samples] * a for f, a in ((55.0, 1.0), (82.4, 0.5), (110.0, 0.3)))
    vents = lowpass(white(rng, samples), 350.0) * 0.8
    return drone * swell * 0.5 + vents


_GENERATORS: dict[AmbienceName, Callable[[int, np.random.Generator], np.ndarray]] = {
    "room": _room,
    "kitchen": _kitchen,
    "city_night": _city_night,
    "park": _park,
    "beach": _beach,
    "stage": _stage,
    "party": _party,
    "space": _space,
}
