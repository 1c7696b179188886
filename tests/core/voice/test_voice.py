"""Voice activity, voice samples, speaker embeddings and voice shifting on synthesized speech."""

import numpy as np
import pytest

from core.voice.samples import (
    RESEMBLYZER_MODEL,
    VOICE_MATCH_THRESHOLD,
    VOICE_SAMPLE_RATE,
    NoSpeechError,
    VoiceEmbedding,
    VoiceEmbeddingFormatError,
    VoiceModelMismatchError,
    extract_voice_sample,
    find_speech,
    speaker_embedding,
    voice_similarity,
)
from core.voice.shift import choose_voice_shift, shift_voice, shift_voice_toward
from core.voice.speech import Audio, resample, synthesize_speech

SENTENCES = (
    "Hello there. My name is Joe, and this is a short test of my voice.",
    "The quick brown fox jumps over the lazy dog near the river bank.",
    "Please read the numbers on the screen out loud, one at a time.",
)


@pytest.fixture(scope="module")
def speeches() -> list[Audio]:
    return [synthesize_speech(sentence) for sentence in SENTENCES]


@pytest.fixture(scope="module")
def embeddings(speeches: list[Audio]) -> list[VoiceEmbedding]:
    return [speaker_embedding(extract_voice_sample(speech)) for speech in speeches]


def _with_silence(speech: Audio, seconds: float) -> Audio:
    speech16k = resample(speech, VOICE_SAMPLE_RATE)
    pad = np.zeros(round(seconds * VOICE_SAMPLE_RATE), dtype=np.float32)
    return Audio(np.concatenate([pad, speech16k.samples, pad]), VOICE_SAMPLE_RATE)


def test_find_speech_locates_speech_between_silences(speeches: list[Audio]) -> None:
    padded = _with_silence(speeches[0], 1.0)
    segments = find_speech(padded)
    assert segments
    assert segments[0][0] == pytest.approx(1.0, abs=0.15)
    assert segments[-1][1] <= 1.0 + speeches[0].duration + 0.1
    covered = sum(end - start for start, end in segments)
    assert covered > 0.6 * speeches[0].duration


def test_find_speech_finds_speech_in_moderate_noise(speeches: list[Audio]) -> None:
    padded = _with_silence(speeches[0], 1.0)
    rng = np.random.default_rng(1)
    speech_rms = float(np.sqrt(np.mean(np.square(speeches[0].samples))))
    noise = rng.normal(0.0, speech_rms / 10 ** (10 / 20), len(padded.samples))  # 10 dB SNR
    segments = find_speech(Audio(np.clip(padded.samples + noise, -1, 1), VOICE_SAMPLE_RATE))
    assert sum(end - start for start, end in segments) > 0.5 * speeches[0].duration


@pytest.mark.parametrize("kind", ["silence", "white noise", "rumble"])
def test_find_speech_finds_nothing_without_a_voice(kind: str) -> None:
    rng = np.random.default_rng(0)
    length = 3 * VOICE_SAMPLE_RATE
    samples = {
        "silence": np.zeros(length),
        "white noise": rng.normal(0.0, 0.1, length),
        # Brownian noise: low-frequency rumble such as wind or traffic.
        "rumble": np.cumsum(rng.normal(0.0, 0.01, length)),
    }[kind]
    assert find_speech(Audio(np.clip(samples, -1, 1), VOICE_SAMPLE_RATE)) == []


def test_find_speech_requires_16k(speeches: list[Audio]) -> None:
    with pytest.raises(ValueError, match="16 kHz"):
        find_speech(speeches[0])


def test_voice_sample_keeps_speech_at_a_set_loudness(speeches: list[Audio]) -> None:
    quiet = Audio(0.05 * _with_silence(speeches[1], 2.0).samples, VOICE_SAMPLE_RATE)
    sample = extract_voice_sample(quiet, max_seconds=2.5)
    assert sample.audio.sample_rate == VOICE_SAMPLE_RATE
    assert 1.0 < sample.speech_seconds <= 2.5
    assert sample.audio.duration == pytest.approx(sample.speech_seconds)
    rms = float(np.sqrt(np.mean(np.square(sample.audio.samples))))
    peak = float(np.max(np.abs(sample.audio.samples)))
    assert peak <= 0.95 + 1e-6
    assert rms == pytest.approx(0.1, rel=0.05) or peak == pytest.approx(0.95, rel=0.01)
    assert sample.segments[0][0] == pytest.approx(2.0, abs=0.15)


def test_silence_has_no_usable_voice() -> None:
    with pytest.raises(NoSpeechError, match="no voice"):
        extract_voice_sample(Audio(np.zeros(5 * 16000), 16000))


def test_same_voice_is_closer_than_a_strongly_shifted_voice(
    speeches: list[Audio], embeddings: list[VoiceEmbedding]
) -> None:
    same = voice_similarity(embeddings[0], embeddings[1])
    other = shift_voice(speeches[1], f0_ratio=1.7, formant_warp=1.18)
    different = voice_similarity(embeddings[0], speaker_embedding(extract_voice_sample(other)))
    assert same >= VOICE_MATCH_THRESHOLD
    assert different < VOICE_MATCH_THRESHOLD
    assert same - different > 0.2


def test_embedding_bytes_round_trip(embeddings: list[VoiceEmbedding]) -> None:
    embedding = embeddings[0]
    assert embedding.model == RESEMBLYZER_MODEL
    assert embedding.vector.shape == (256,)
    restored = VoiceEmbedding.from_bytes(embedding.to_bytes())
    assert voice_similarity(embedding, restored) == pytest.approx(1.0)
    with pytest.raises(VoiceEmbeddingFormatError):
        VoiceEmbedding.from_bytes(b"\x00\x01\x02")


def test_embeddings_of_different_models_do_not_compare(embeddings: list[VoiceEmbedding]) -> None:
    other_model = VoiceEmbedding(model="ecapa-192", vector=np.ones(192, dtype=np.float32))
    with pytest.raises(VoiceModelMismatchError, match="different models"):
        voice_similarity(embeddings[0], other_model)


@pytest.mark.slow  # five WORLD resyntheses + embeddings: ~1 s idle, ~5 s on the shared box
def test_shifting_moves_tts_toward_the_reference_voice(speeches: list[Audio]) -> None:
    # The "double" speaks higher with a shorter vocal tract than the TTS voice.
    reference = extract_voice_sample(shift_voice(speeches[0], f0_ratio=1.5, formant_warp=1.12))
    reference_embedding = speaker_embedding(reference)
    line = speeches[2]
    before = voice_similarity(speaker_embedding(extract_voice_sample(line)), reference_embedding)
    shifted = shift_voice_toward(line, reference)
    after = voice_similarity(speaker_embedding(extract_voice_sample(shifted)), reference_embedding)
    assert shifted.sample_rate == line.sample_rate
    assert shifted.duration == pytest.approx(line.duration, abs=0.05)
    assert after > before + 0.1


@pytest.mark.slow  # the same five resyntheses + embeddings as above
def test_a_chosen_shift_applied_with_shift_voice_equals_shift_voice_toward(
    speeches: list[Audio],
) -> None:
    reference = extract_voice_sample(shift_voice(speeches[0], f0_ratio=1.5, formant_warp=1.12))
    line = speeches[2]

    chosen = choose_voice_shift(line, reference)
    applied = shift_voice(line, f0_ratio=chosen.f0_ratio, formant_warp=chosen.formant_warp)

    # The reference speaks ~1.5x higher than the TTS voice and has a shorter vocal tract.
    assert 1.2 < chosen.f0_ratio < 1.8  # reference shifted by 1.5; TTS varies run to run
    assert chosen.formant_warp > 1.0
    assert np.array_equal(applied.samples, shift_voice_toward(line, reference).samples)
    similarity = voice_similarity(
        speaker_embedding(extract_voice_sample(applied)), speaker_embedding(reference)
    )
    assert similarity == pytest.approx(chosen.similarity, abs=0.1)
