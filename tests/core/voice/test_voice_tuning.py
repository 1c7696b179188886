"""A double's voice shift: chosen once on the tuning line, stored as a record with its basis."""

from __future__ import annotations

import json

import numpy as np
import pytest

from core.media.audio import Audio
from core.voice.samples import VoiceSample
from core.voice.shift import VoiceShift, shift_voice
from core.voice.tuning import (
    TUNING_LINE,
    speak_english,
    tune_voice,
    tuning_basis,
    voice_shift_from_record,
    voice_shift_record,
)
from tests.core.generation.generation_fakes import shifted_voice_sample


def test_a_stored_record_reads_back_the_same_shift():
    shift = VoiceShift(f0_ratio=1.4137, formant_warp=1.07, similarity=0.8123)

    record = voice_shift_record(shift)

    assert voice_shift_from_record(record) == shift
    assert json.loads(record)["basis"] == tuning_basis()


@pytest.mark.parametrize(
    "record",
    [
        None,
        "",
        "not json",
        "[1, 2]",
        json.dumps({"basis": "someothervoice01", "f0_ratio": 1.2, "formant_warp": 1.0,
                    "similarity": 0.7}),
        json.dumps({"basis": "<current>", "f0_ratio": 1.2}),
        json.dumps({"basis": "<current>", "f0_ratio": "high", "formant_warp": 1.0,
                    "similarity": 0.7}),
    ],
    ids=["none", "empty", "not-json", "not-an-object", "stale-basis", "missing", "not-a-number"],
)  # fmt: skip
def test_a_missing_unreadable_or_stale_record_means_choose_again(record):
    if record is not None:
        record = record.replace("<current>", tuning_basis())
    assert voice_shift_from_record(record) is None


def test_a_sample_without_pitch_has_no_tuning():
    noise = np.random.default_rng(3).normal(0, 0.1, 16_000 * 2).astype(np.float32)
    sample = VoiceSample(Audio(noise, 16_000), speech_seconds=2.0, segments=())

    assert tune_voice(sample) is None


@pytest.mark.slow  # loads Resemblyzer; one shift choice (~6 embeddings)
def test_tuning_moves_the_built_in_voice_toward_a_higher_voice_and_previews_it():
    sample = shifted_voice_sample(f0_ratio=1.45, formant_warp=1.1)

    tuning = tune_voice(sample)

    assert tuning is not None
    assert tuning.shift.f0_ratio > 1.2  # toward the higher pitch
    assert tuning.shift.formant_warp >= 1.0  # and the shorter vocal tract
    # The preview is the tuning line in the tuned voice.
    expected = shift_voice(
        speak_english(TUNING_LINE),
        f0_ratio=tuning.shift.f0_ratio,
        formant_warp=tuning.shift.formant_warp,
    )
    assert np.array_equal(tuning.preview.samples, expected.samples)
    # The same sample gives the same choice (the stored one stays what a render would choose).
    assert tune_voice(sample).shift == tuning.shift
