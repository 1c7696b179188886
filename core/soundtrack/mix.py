"""Laying ambience, music and foley under the dialogue, ducked while someone speaks.

Levels (RMS, before ducking): ambience -33 dBFS, music -30 dBFS, foley peaks -12 dBFS; the
dialogue peaks near 0 dBFS. While a line is spoken the music drops by 10 dB and the ambience by
6 dB, starting a little before the first word (the envelope looks ahead), so words stay clear.
Ambience changes with each shot's scene with a short cross-fade at the cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.ndimage import maximum_filter1d
from scipy.signal import filtfilt

from core.media.audio import Audio
from core.soundtrack.ambience import ambience_for_scene, render_ambience
from core.soundtrack.foley import FoleyCue, render_foley
from core.soundtrack.music import music_mood, render_music
from core.soundtrack.synth import RATE, add_at, rng_for
from core.voice.speech import resample

AMBIENCE_RMS = 10 ** (-33 / 20)
MUSIC_RMS = 10 ** (-30 / 20)
FOLEY_PEAK = 10 ** (-12 / 20)
MUSIC_DUCK, AMBIENCE_DUCK = 10 ** (-10 / 20), 10 ** (-6 / 20)
SPEECH_LEVEL = 0.03  # dialogue amplitude counted as "someone is speaking"
CROSSFADE_SECONDS = 0.3
EDGE_FADE_SECONDS = 0.6  # music fades in and out at the clip's ends
PEAK = 0.95
OUTPUT_RATE = 48_000  # what encode_mp4 writes to AAC
SILENCE_DBFS = -50.0  # quieter than this (20 ms RMS) counts as silence


@dataclass(frozen=True)
class SceneSpan:
    """One shot as the soundtrack sees it."""

    start: float
    duration: float
    scene: str
    description: str = ""


def compose_soundtrack(
    dialogue: Audio,
    shots: Sequence[SceneSpan],
    *,
    title: str,
    seed: int,
    cues: Sequence[FoleyCue] = (),
) -> Audio:
    """The clip's full soundtrack: dialogue over ducked ambience and music, plus foley.

    Args:
        dialogue: The mixed dialogue (any rate; the result is as long).
        shots: The clip's shots in order.
        title: The script's title (a preset's title picks its music mood).
        seed: The clip's seed (the same seed gives the same beds).
        cues: Foley to place.

    Returns:
        Mono 48 kHz audio, peak at most 0.95.
    """
    speech = resample(dialogue, RATE).samples.astype(np.float32)
    samples = len(speech)
    seconds = samples / RATE
    ambience = _ambience(shots, samples, seed)
    words = " ".join(shot.description for shot in shots)
    first_scene = shots[0].scene if shots else ""
    music = render_music(music_mood(title, first_scene, words), seconds, rng_for(seed, "music"))
    music = music[:samples] * MUSIC_RMS * _edge_fades(samples)
    talking = _speaking(speech)
    mix = speech.copy()
    mix += ambience * (1.0 - (1.0 - AMBIENCE_DUCK) * talking)
    mix += music * (1.0 - (1.0 - MUSIC_DUCK) * talking)
    foley = np.zeros(samples, np.float32)
    for number, cue in enumerate(cues):
        sound = render_foley(cue.sound, rng_for(seed, "foley", number, cue.sound))
        add_at(foley, sound, cue.time, gain=FOLEY_PEAK * cue.gain)
    mix += foley
    fade = min(round(0.03 * RATE), samples // 2)
    if fade > 0:
        ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)
        mix[:fade] *= ramp
        mix[-fade:] *= ramp[::-1]
    full = resample(Audio(mix, RATE), OUTPUT_RATE).samples.astype(np.float32)
    peak = float(np.max(np.abs(full))) if full.size else 0.0
    if peak > PEAK:
        full *= PEAK / peak
    return Audio(full, OUTPUT_RATE)


def _ambience(shots: Sequence[SceneSpan], samples: int, seed: int) -> np.ndarray:
    """Each shot's bed, cross-faded at the cuts (the same bed runs on across cuts)."""
    track = np.zeros(samples, np.float32)
    weights = np.zeros(samples, np.float32)
    beds: dict[str, np.ndarray] = {}
    fade = round(CROSSFADE_SECONDS * RATE)
    for shot in shots:
        name = ambience_for_scene(shot.scene, shot.description)
        if name not in beds:  # one continuous bed per ambience, cut to each shot's span
            beds[name] = render_ambience(name, samples / RATE, rng_for(seed, "ambience", name))
        first = max(0, round(shot.start * RATE) - fade // 2)
        last = min(samples, round((shot.start + shot.duration) * RATE) + fade // 2)
        if last <= first:
            continue
        window = np.ones(last - first, np.float32)
        ramp = np.linspace(0.0, 1.0, min(fade, len(window) // 2), dtype=np.float32)
        if first > 0 and len(ramp):
            window[: len(ramp)] = ramp
        if last < samples and len(ramp):
            window[-len(ramp) :] = np.minimum(window[-len(ramp) :], ramp[::-1])
        track[first:last] += beds[name][first:last] * window
        weights[first:last] += window
    track /= np.maximum(weights, 1.0)  # overlapping cross-fades never add up past one bed
    return track * AMBIENCE_RMS


def _speaking(speech: np.ndarray) -> np.ndarray:
    """0..1 per sample: how much the beds duck (1 while a line is spoken, eased at the ends)."""
    if speech.size == 0:
        return speech
    hop = RATE // 100  # 10 ms
    frames = np.abs(speech[: len(speech) // hop * hop]).reshape(-1, hop).max(axis=1)
    if frames.size == 0:
        return np.zeros_like(speech)
    active = (maximum_filter1d(frames, size=25) > SPEECH_LEVEL).astype(np.float64)
    alpha = 0.12  # one-pole smoothing, run both ways: ~80 ms glides, no lag
    eased = filtfilt([alpha], [1.0, alpha - 1.0], active) if active.size > 9 else active
    per_sample = np.repeat(np.clip(eased, 0.0, 1.0), hop).astype(np.float32)
    return np.pad(per_sample, (0, len(speech) - len(per_sample)), mode="edge")


def _edge_fades(samples: int) -> np.ndarray:
    envelope = np.ones(samples, np.float32)
    fade = min(round(EDGE_FADE_SECONDS * RATE), samples // 2)
    if fade > 0:
        ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)
        envelope[:fade] = ramp
        envelope[-fade:] = ramp[::-1]
    return envelope


def longest_silence(audio: Audio, *, threshold_dbfs: float = SILENCE_DBFS) -> float:
    """The longest stretch (seconds) whose 20 ms RMS stays below ``threshold_dbfs``."""
    hop = max(1, round(0.02 * audio.sample_rate))
    usable = len(audio.samples) // hop * hop
    if usable == 0:
        return audio.duration
    blocks = audio.samples[:usable].astype(np.float64).reshape(-1, hop)
    rms = np.sqrt(np.mean(np.square(blocks), axis=1))
    quiet = rms < 10 ** (threshold_dbfs / 20)
    longest = run = 0
    for is_quiet in quiet:
        run = run + 1 if is_quiet else 0
        longest = max(longest, run)
    return longest * hop / audio.sample_rate
