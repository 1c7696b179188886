"""Foley: the sounds of what people do on screen (a clink, footsteps, a cheer, a strum...).

Cues come from the clip's action timeline when the renderer has one (:func:`cues_from_actions`
takes any items with ``action``, ``start``, ``end`` and ``hits``, e.g.
``core.acting.timeline.TimedAction``), else from the words of each shot's description
(:func:`cues_from_descriptions`). Each sound is synthesized from the seed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeAlias

import numpy as np

from core.soundtrack.synth import RATE, bandpass, decay, lowpass, midi_hz, tone, white

FoleySound: TypeAlias = Literal["clink", "step", "cheer", "strum", "clap", "slap", "thud"]
STEP_SECONDS = 0.5  # a walking pace
RUN_STEP_SECONDS = 0.3


@dataclass(frozen=True)
class FoleyCue:
    """One sound at one moment of the clip (seconds), at a relative loudness."""

    sound: FoleySound
    time: float
    gain: float = 1.0


class TimedActionLike(Protocol):
    """What foley needs of an action on the timeline."""

    action: str
    start: float
    end: float
    hits: tuple[float, ...]


# Action name -> (sound, how it is placed): "hits" at contact moments (or the span's middle),
# "steps" at a pace over the span, "start" once when it starts.
_ACTION_SOUNDS: dict[str, tuple[FoleySound, str]] = {
    "clap": ("clap", "hits"),
    "cheer": ("cheer", "start"),
    "raise_glass": ("clink", "hits"),
    "drink": ("clink", "start"),
    "walk": ("step", "steps"),
    "enter": ("step", "steps"),
    "exit": ("step", "steps"),
    "dance": ("step", "steps"),
    "run": ("step", "run"),
    "play": ("strum", "hits"),
    "high_five": ("slap", "hits"),
    "fist_bump": ("slap", "hits"),
    "jump": ("thud", "hits"),
    "sit": ("thud", "hits"),
    "throw": ("slap", "hits"),
}


def cues_from_actions(actions: Iterable[TimedActionLike]) -> list[FoleyCue]:
    """Foley for an action timeline (actions without a sound are skipped)."""
    cues: list[FoleyCue] = []
    for action in actions:
        if action.action not in _ACTION_SOUNDS:
            continue
        sound, placing = _ACTION_SOUNDS[action.action]
        if placing == "start":
            cues.append(FoleyCue(sound, action.start))
        elif placing in ("steps", "run"):
            pace = RUN_STEP_SECONDS if placing == "run" else STEP_SECONDS
            cues += [FoleyCue(sound, t, 0.8) for t in np.arange(action.start, action.end, pace)]
        else:
            hits = action.hits or ((action.start + action.end) / 2,)
            cues += [FoleyCue(sound, t) for t in hits]
    return sorted(cues, key=lambda cue: cue.time)


# Words in a shot description -> (sound, times as shares of the shot).
_WORD_SOUNDS: tuple[tuple[re.Pattern[str], FoleySound, tuple[float, ...]], ...] = (
    (re.compile(r"guitar|strum|吉他", re.I), "strum", (0.25, 0.5, 0.75)),
    (re.compile(r"toast|clink|cheers|raises? (?:a |her |his |their )?glass|干杯|碰杯", re.I),
     "clink", (0.45,)),
    (re.compile(r"\bwalk|\bsteps?\b|\benters?\b|走", re.I), "step", (0.1, 0.2, 0.3, 0.4)),
    (re.compile(r"\bruns?\b|zoom|跑", re.I), "step", (0.1, 0.16, 0.22, 0.28, 0.34, 0.4)),
    (re.compile(r"clap|applau|鼓掌", re.I), "clap", (0.3, 0.36, 0.42, 0.48, 0.54)),
    (re.compile(r"cheer|surprise!|hooray|欢呼", re.I), "cheer", (0.2,)),
    (re.compile(r"high.five|fist.bump|击掌", re.I), "slap", (0.5,)),
    (re.compile(r"\bjumps?\b|跳", re.I), "thud", (0.5,)),
)  # fmt: skip


def cues_from_descriptions(shots: Sequence[tuple[float, float, str]]) -> list[FoleyCue]:
    """Foley from the words of each shot's description.

    Args:
        shots: (start seconds, duration seconds, description) per shot.
    """
    cues = []
    for start, duration, description in shots:
        for pattern, sound, shares in _WORD_SOUNDS:
            if pattern.search(description):
                cues += [FoleyCue(sound, start + share * duration) for share in shares]
    return sorted(cues, key=lambda cue: cue.time)


def render_foley(sound: FoleySound, rng: np.random.Generator) -> np.ndarray:
    """One foley sound at the kit's rate (24 kHz), peak about 1."""
    audio = _SOUNDS[sound](rng)
    peak = float(np.max(np.abs(audio)))
    return (audio / peak).astype(np.float32) if peak > 0 else audio


def _clink(rng: np.random.Generator) -> np.ndarray:
    n = round(0.9 * RATE)
    out = np.zeros(n, np.float32)
    base = rng.uniform(2400, 2900)
    for ratio, amp, length in ((1.0, 1.0, 0.35), (2.76, 0.5, 0.18), (5.4, 0.3, 0.08)):
        out += tone(base * ratio, 0.9)[:n] * amp * decay(n, length, attack=0.0005)
    return out


def _step(rng: np.random.Generator) -> np.ndarray:
    n = round(0.12 * RATE)
    return lowpass(white(rng, n), rng.uniform(700, 1100)) * decay(n, 0.025)


def _thud(rng: np.random.Generator) -> np.ndarray:
    n = round(0.25 * RATE)
    return lowpass(white(rng, n), 250.0) * decay(n, 0.06) + tone(70.0, 0.25)[:n] * decay(n, 0.08)


def _clap(rng: np.random.Generator) -> np.ndarray:
    n = round(0.15 * RATE)
    return bandpass(white(rng, n), 900.0, 4000.0) * decay(n, 0.02, attack=0.001)


def _slap(rng: np.random.Generator) -> np.ndarray:
    n = round(0.12 * RATE)
    return bandpass(white(rng, n), 500.0, 3000.0) * decay(n, 0.015, attack=0.0005)


def _cheer(rng: np.random.Generator) -> np.ndarray:
    n = round(1.6 * RATE)
    t = np.linspace(0.0, 1.0, n, dtype=np.float32)
    swell = np.minimum(t / 0.15, 1.0) * np.exp(-np.maximum(t - 0.3, 0) * 3.0)
    voices = np.zeros(n, np.float32)
    for _ in range(6):  # a few voices shouting "hey!" at slightly different pitches
        pitch = rng.uniform(200, 420)
        vibrato = 2 * np.pi * np.cumsum(pitch * (1 + 0.03 * np.sin(2 * np.pi * 5.5 * t))) / RATE
        voices += np.sin(vibrato) * rng.uniform(0.5, 1.0)
    crowd = bandpass(white(rng, n), 400.0, 3000.0) * 1.5
    return (bandpass(voices, 200.0, 3000.0) + crowd) * swell


def _strum(rng: np.random.Generator) -> np.ndarray:
    n = round(1.5 * RATE)
    out = np.zeros(n, np.float32)
    chord = (40, 47, 52, 56, 59, 64)  # an E major chord across six strings
    for string, note in enumerate(chord):
        offset = round(string * rng.uniform(0.012, 0.02) * RATE)
        pluck = tone(midi_hz(note), 1.5, partials=(1.0, 0.6, 0.35, 0.2, 0.1, 0.05))[: n - offset]
        out[offset:] += pluck * decay(len(pluck), 0.6, attack=0.002)
    return out


_SOUNDS: dict[FoleySound, Callable[[np.random.Generator], np.ndarray]] = {
    "clink": _clink, "step": _step, "cheer": _cheer, "strum": _strum,
    "clap": _clap, "slap": _slap, "thud": _thud,
}  # fmt: skip
