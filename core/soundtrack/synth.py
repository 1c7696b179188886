"""Small synthesis kit: coloured noise, filters, envelopes and tones (mono float32)."""

from __future__ import annotations

import functools
import hashlib

import numpy as np
from scipy.signal import butter, sosfilt

RATE = 24_000  # beds and foley are made at 24 kHz (half the work); the mix is resampled


def rng_for(*parts: object) -> np.random.Generator:
    """A generator seeded from the given values (the same values always give the same sound)."""
    digest = hashlib.sha256(":".join(map(str, parts)).encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:8], "big"))


@functools.cache
def _sos(kind: str, low: float, high: float, order: int) -> np.ndarray:
    if kind == "band":
        return butter(order, [low, high], btype="bandpass", fs=RATE, output="sos")
    cutoff = low if kind == "low" else high
    return butter(order, cutoff, btype="lowpass" if kind == "low" else "highpass", fs=RATE,
                  output="sos")  # fmt: skip


def lowpass(x: np.ndarray, cutoff: float, order: int = 2) -> np.ndarray:
    return sosfilt(_sos("low", cutoff, 0.0, order), x).astype(np.float32)


def highpass(x: np.ndarray, cutoff: float, order: int = 2) -> np.ndarray:
    return sosfilt(_sos("high", 0.0, cutoff, order), x).astype(np.float32)


def bandpass(x: np.ndarray, low: float, high: float, order: int = 2) -> np.ndarray:
    return sosfilt(_sos("band", low, high, order), x).astype(np.float32)


def white(rng: np.random.Generator, samples: int) -> np.ndarray:
    return rng.standard_normal(samples, dtype=np.float32)


def brown(rng: np.random.Generator, samples: int) -> np.ndarray:
    """Deep rumble: integrated white noise, kept from drifting, normalised to unit RMS."""
    walk = np.cumsum(white(rng, samples)) / np.sqrt(RATE)
    walk = highpass(walk.astype(np.float32), 20.0)
    return normalise(walk)


def normalise(x: np.ndarray, rms: float = 1.0) -> np.ndarray:
    level = float(np.sqrt(np.mean(np.square(x)))) if x.size else 0.0
    return (x * (rms / level)).astype(np.float32) if level > 0 else x.astype(np.float32)


def slow_lfo(rng: np.random.Generator, samples: int, seconds: float) -> np.ndarray:
    """A smooth random curve in 0..1 that changes over about ``seconds``."""
    points = max(2, int(samples / (seconds * RATE)) + 2)
    knots = rng.random(points)
    # Interpolated at 1 kHz, then held for each millisecond: the curve is far slower than that.
    hold = RATE // 1000
    coarse = -(-samples // hold)
    curve = np.interp(np.arange(coarse), np.linspace(0, coarse, points), knots)
    return np.repeat(curve.astype(np.float32), hold)[:samples]


def decay(samples: int, seconds: float, attack: float = 0.002) -> np.ndarray:
    """An exponential decay with a short attack."""
    t = np.arange(samples, dtype=np.float32) / RATE
    envelope = np.exp(-t / max(seconds, 1e-4))
    ramp = np.clip(t / max(attack, 1e-4), 0.0, 1.0)
    return (envelope * ramp).astype(np.float32)


def tone(frequency: float, seconds: float, *, partials: tuple[float, ...] = (1.0,),
         phase: float = 0.0) -> np.ndarray:  # fmt: skip
    """A sum of harmonics (amplitudes ``partials`` for 1f, 2f, ...)."""
    t = np.arange(round(seconds * RATE), dtype=np.float32) / RATE
    out = np.zeros_like(t)
    for number, amplitude in enumerate(partials, start=1):
        if amplitude and frequency * number < RATE / 2:
            out += amplitude * np.sin(2 * np.pi * frequency * number * t + phase * number)
    return out


def add_at(track: np.ndarray, sound: np.ndarray, start: float, gain: float = 1.0) -> None:
    """Mix ``sound`` into ``track`` from ``start`` seconds (clipped to the track)."""
    offset = round(start * RATE)
    if offset >= len(track) or offset + len(sound) <= 0:
        return
    begin = max(0, -offset)
    usable = sound[begin : begin + len(track) - max(offset, 0)]
    track[max(offset, 0) : max(offset, 0) + len(usable)] += gain * usable


def midi_hz(note: float) -> float:
    return 440.0 * 2 ** ((note - 69) / 12)
