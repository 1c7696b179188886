"""Spoken Chinese: the Mandarin voice (FastSpeech2 + MelGAN, see :mod:`core.voice.mandarin_model`).

Text -> pinyin with tones (pypinyin) -> the voice's initials and finals, with a short pause
symbol between characters and a silence at punctuation -> FastSpeech2 (mel spectrogram and a
duration per phone) -> MelGAN (24 kHz audio). The durations become phoneme timings, so Chinese
lines get lip sync like English ones. Both models run with ai-edge-litert; the same text and
speed always give the same samples.
"""

from __future__ import annotations

import functools
import json
import re
import threading
import unicodedata
from pathlib import Path

import numpy as np

from core.voice.mandarin_model import (
    ACOUSTIC_MODEL,
    PHONE_IDS,
    PINYIN_TABLE,
    VOCODER_MODEL,
    mandarin_voice_dir,
)
from core.voice.speech import (
    MAX_SPEED,
    MIN_SPEED,
    PhonemeTiming,
    SpeechSynthesisError,
    TimedSpeech,
)

SAMPLE_RATE = 24_000
HOP_SAMPLES = 300  # audio samples per mel frame
_OUTPUT_PEAK = 0.9
_PAUSE_SECONDS = 0.2  # between the phrases a comma or full stop separates
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PHRASE_BREAK = re.compile(r"[，。！？；：、,.!?;:\n]+")
# The typical pitch of this voice (Hz), measured with WORLD on two test lines: shifts chosen
# for the English voice are converted with it (see core.generation.voicing).
MEDIAN_F0_HZ = 249.0


class MandarinVoiceMissingError(SpeechSynthesisError):
    """The Mandarin voice is not installed."""


def is_chinese(text: str) -> bool:
    """Whether a line is written in Chinese characters (and so needs the Mandarin voice)."""
    return bool(_HAN.search(text))


def mandarin_available() -> bool:
    """Whether the Mandarin voice is installed (``python -m core.model_files``)."""
    return mandarin_voice_dir() is not None


def synthesize_mandarin(text: str, speed: float = 1.0) -> TimedSpeech:
    """Speak a Chinese line.

    Args:
        text: The line (Chinese characters; other letters and digits are skipped).
        speed: Speaking rate, 1.0 normal, from 0.5 to 2.0.

    Returns:
        24 kHz speech, peak 0.9, with pinyin initials/finals timed.

    Raises:
        ValueError: ``speed`` is out of range.
        MandarinVoiceMissingError: The voice is not installed.
        SpeechSynthesisError: Nothing in the line can be spoken.
    """
    if not MIN_SPEED <= speed <= MAX_SPEED:
        raise ValueError(f"speed must be between {MIN_SPEED} and {MAX_SPEED}; got {speed}.")
    voice = _load_voice()
    normalized = unicodedata.normalize("NFKC", text)
    phrases = [p for p in _PHRASE_BREAK.split(normalized) if _HAN.search(p)]
    if not phrases:
        raise SpeechSynthesisError("There is nothing to say: the line has no Chinese words.")
    pause = np.zeros(round(_PAUSE_SECONDS * SAMPLE_RATE), np.float32)
    pieces: list[np.ndarray] = []
    timings: list[PhonemeTiming] = []
    offset = 0
    for phrase in phrases:
        if pieces:
            pieces.append(pause)
            offset += len(pause)
        audio, phones = voice.speak(phrase, speed)
        timings += [PhonemeTiming(p, (offset + a) / SAMPLE_RATE, (offset + b) / SAMPLE_RATE)
                    for p, a, b in phones]  # fmt: skip
        pieces.append(audio)
        offset += len(audio)
    samples = np.concatenate(pieces)
    peak = float(np.max(np.abs(samples)))
    if peak > 0:
        samples = samples * (_OUTPUT_PEAK / peak)
    return TimedSpeech(samples, SAMPLE_RATE, phonemes=tuple(timings))


class _MandarinVoice:
    def __init__(self, folder: Path) -> None:
        from ai_edge_litert.interpreter import Interpreter

        self._acoustic = Interpreter(model_path=str(folder / ACOUSTIC_MODEL), num_threads=1)
        self._vocoder = Interpreter(model_path=str(folder / VOCODER_MODEL), num_threads=1)
        self._ids: dict[str, int] = json.loads((folder / PHONE_IDS).read_text())["symbol_to_id"]
        self._table: dict[str, list[str]] = json.loads((folder / PINYIN_TABLE).read_text())
        self._lock = threading.Lock()

    def phones(self, phrase: str) -> list[str]:
        """'sil zh ong1 #0 ^ uen2 sil' for 中文: initials, finals with tone, pauses."""
        from pypinyin import Style, lazy_pinyin

        syllables = lazy_pinyin(
            [c for c in phrase if _HAN.match(c)], style=Style.TONE3, neutral_tone_with_five=True
        )
        phones = ["sil"]
        for syllable in syllables:
            tone = syllable[-1] if syllable[-1].isdigit() else "5"
            base = syllable.rstrip("012345")
            if base == "n":  # 嗯
                base = "en"
            if base not in self._table and base.endswith("r") and base[:-1] in self._table:
                initial, final = self._table[base[:-1]]
                phones += [initial, final + tone, "er5", "#0"]
            elif base in self._table:
                initial, final = self._table[base]
                phones += [initial, final + tone, "#0"]
        if phones[-1] == "#0":
            phones.pop()
        return [*phones, "sil"]

    def speak(self, phrase: str, speed: float) -> tuple[np.ndarray, list[tuple[str, int, int]]]:
        phones = [p for p in self.phones(phrase) if p in self._ids]
        ids = np.array([[self._ids[p] for p in phones] + [self._ids["eos"]]], np.int32)
        with self._lock:
            mel, durations = self._text_to_mel(ids, speed)
            audio = self._mel_to_audio(mel)
        timings, position = [], 0
        for phone, frames in zip(phones, durations, strict=False):
            end = position + int(frames) * HOP_SAMPLES
            if phone not in ("#0", "sil", "^"):  # pauses and the zero initial make no shape
                timings.append((phone, position, min(end, len(audio))))
            position = end
        return audio, timings

    def _text_to_mel(self, ids: np.ndarray, speed: float) -> tuple[np.ndarray, np.ndarray]:
        acoustic = self._acoustic
        inputs = acoustic.get_input_details()
        acoustic.resize_tensor_input(inputs[0]["index"], list(ids.shape))
        acoustic.allocate_tensors()
        values = (ids, np.array([0], np.int32), np.array([1.0 / speed], np.float32),
                  np.array([1.0], np.float32), np.array([1.0], np.float32))  # fmt: skip
        for detail, value in zip(inputs, values, strict=True):
            acoustic.set_tensor(detail["index"], value)
        acoustic.invoke()
        outputs = {o["name"]: o["index"] for o in acoustic.get_output_details()}
        mel = acoustic.get_tensor(outputs["Identity_1"])  # after the postnet
        durations = acoustic.get_tensor(outputs["Identity_2"])[0]
        return mel, durations

    def _mel_to_audio(self, mel: np.ndarray) -> np.ndarray:
        vocoder = self._vocoder
        index = vocoder.get_input_details()[0]["index"]
        vocoder.resize_tensor_input(index, list(mel.shape))
        vocoder.allocate_tensors()
        vocoder.set_tensor(index, mel)
        vocoder.invoke()
        output = vocoder.get_output_details()[0]["index"]
        return vocoder.get_tensor(output)[0, :, 0].astype(np.float32)


@functools.cache
def _load_voice() -> _MandarinVoice:
    folder = mandarin_voice_dir()
    if folder is None:
        raise MandarinVoiceMissingError(
            "The Mandarin voice is not installed; run `python -m core.model_files` once."
        )
    return _MandarinVoice(folder)


__all__ = [
    "MEDIAN_F0_HZ", "MandarinVoiceMissingError", "is_chinese", "mandarin_available",
    "synthesize_mandarin",
]  # fmt: skip
