"""Offline TTS and the Audio helpers, on real synthesized speech."""

import io
import itertools

import numpy as np
import pytest
import soundfile

from core.voice.speech import (
    Audio,
    AudioFormatError,
    SpeechSynthesisError,
    UnsupportedTextError,
    digits_as_words,
    prepare_text,
    read_wav,
    resample,
    synthesize_speech,
    to_wav_bytes,
)


@pytest.fixture(scope="module")
def sentence() -> Audio:
    return synthesize_speech("Hello there, this is a short test of the voice.")


def _rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples))))


def test_speech_is_audible_and_about_as_long_as_the_sentence(sentence: Audio) -> None:
    assert sentence.sample_rate == 22050
    # Ten words at a normal pace take two to four seconds.
    assert 1.5 < sentence.duration < 4.5
    assert _rms(sentence.samples) > 0.05
    assert np.max(np.abs(sentence.samples)) == pytest.approx(0.9, abs=1e-3)


def test_faster_speed_gives_shorter_speech() -> None:
    text = "We are going to the beach tomorrow."
    slow = synthesize_speech(text, speed=0.7)
    fast = synthesize_speech(text, speed=1.5)
    assert fast.duration < 0.8 * slow.duration


def test_spaced_digits_are_read_one_by_one() -> None:
    assert prepare_text("Your code is 7 3 9 1.") == "Your code is seven, three, nine, one."
    # Full-width digits (as typed with a Chinese input method) are normalised first.
    assert prepare_text("７ ０ ４") == "seven, zero, four"
    assert digits_as_words("2580") == "two, five, eight, zero"
    code = synthesize_speech("7 3 9 1")
    # Four digit words with pauses last longer than one second.
    assert code.duration > 1.0


def test_other_numbers_are_left_to_the_voice() -> None:
    assert prepare_text("I am 25 years old") == "I am 25 years old"


def test_chinese_text_raises_a_clear_error() -> None:
    with pytest.raises(UnsupportedTextError, match="Chinese"):
        synthesize_speech("镜头一，你好")


def test_emoji_are_dropped_and_emoji_only_text_is_refused() -> None:
    assert prepare_text("Great job 🙂!") == "Great job !"
    with pytest.raises(SpeechSynthesisError, match="nothing to say"):
        synthesize_speech("🙂 🎬")


def test_accented_latin_text_is_spoken() -> None:
    assert synthesize_speech("Café naïve, señor.").duration > 0.5


def test_bad_speed_is_refused() -> None:
    with pytest.raises(ValueError, match="speed"):
        synthesize_speech("Hello", speed=5.0)


def test_wav_bytes_round_trip(sentence: Audio) -> None:
    restored = read_wav(to_wav_bytes(sentence))
    assert restored.sample_rate == sentence.sample_rate
    assert len(restored.samples) == len(sentence.samples)
    # 16-bit quantisation error only.
    assert np.max(np.abs(restored.samples - sentence.samples)) < 1e-4


def test_stereo_wav_is_mixed_to_mono(tmp_path) -> None:
    left = np.full(800, 0.5, dtype=np.float32)
    right = np.full(800, -0.1, dtype=np.float32)
    path = tmp_path / "stereo.wav"
    soundfile.write(path, np.stack([left, right], axis=1), 8000, subtype="PCM_16")
    audio = read_wav(path)
    assert audio.samples.ndim == 1
    assert np.allclose(audio.samples, 0.2, atol=1e-3)


def test_garbage_and_empty_files_raise_audio_format_error() -> None:
    with pytest.raises(AudioFormatError, match="could not be read"):
        read_wav(b"this is not audio" * 10)
    empty = io.BytesIO()
    soundfile.write(empty, np.zeros(0, dtype=np.float32), 16000, format="WAV")
    with pytest.raises(AudioFormatError, match="empty"):
        read_wav(empty.getvalue())


def test_resample_keeps_duration_and_pitch() -> None:
    rate = 22050
    times = np.arange(rate) / rate
    tone = Audio(0.5 * np.sin(2 * np.pi * 440.0 * times), rate)
    converted = resample(tone, 16000)
    assert converted.sample_rate == 16000
    assert converted.duration == pytest.approx(1.0, abs=1e-3)
    spectrum = np.abs(np.fft.rfft(converted.samples))
    peak_hz = np.argmax(spectrum) * 16000 / len(converted.samples)
    assert peak_hz == pytest.approx(440.0, abs=2.0)


def test_audio_is_mono_and_read_only(sentence: Audio) -> None:
    with pytest.raises(ValueError, match="mono"):
        Audio(np.zeros((10, 2)), 16000)
    with pytest.raises(ValueError, match="read-only"):
        sentence.samples[0] = 1.0


def test_speech_knows_when_each_phoneme_sounds():
    from core.voice.speech import TimedSpeech

    speech = synthesize_speech("Mama made a map. Is it far?", deterministic=True)
    assert isinstance(speech, TimedSpeech)
    phonemes = speech.phonemes
    assert len(phonemes) > 15
    assert all(p.end > p.start for p in phonemes)
    assert all(b.start >= a.end - 1e-9 for a, b in itertools.pairwise(phonemes))
    assert phonemes[-1].end == pytest.approx(speech.duration, abs=0.01)
    spoken = "".join(p.phoneme for p in phonemes)
    assert spoken.count("m") >= 3 and "?" in spoken  # both sentences, in order
    assert spoken.index("m") < spoken.index("?")
