"""Dialogue with the real offline voice: placement, speed-up, stock voices, mixing."""

from __future__ import annotations

import logging

import numpy as np
import pytest
import pyworld

from core.generation.dialogue import (
    LEAD_IN_SECONDS,
    DialogueTooLongError,
    mix_dialogue,
    place_shot_lines,
)
from core.generation.types import ShotPlan
from core.generation.voicing import DialogueVoicer, VoiceShifts, speak_english
from core.scripts.model import DialogueLine, Shot
from core.voice.shift import VoiceShift, shift_voice
from core.voice.speech import UnsupportedTextError
from core.voice.tuning import tune_voice
from tests.core.generation.generation_fakes import cast_reference, shifted_voice_sample

FPS = 24


def median_f0(audio) -> float:
    samples = audio.samples.astype(np.float64)
    f0, _ = pyworld.dio(samples, audio.sample_rate)
    return float(np.median(f0[f0 > 0]))


def a_shot(seconds: float, *lines: tuple[str, str]) -> Shot:
    dialogue = tuple(DialogueLine(role, text) for role, text in lines)
    return Shot("medium", "static", seconds, "@lead talks to @buddy.", dialogue, "sunny_park")


@pytest.fixture
def voicer():
    cast = {"lead": cast_reference("lead", "maya"), "buddy": cast_reference("buddy", "grace")}
    return DialogueVoicer(cast, ["lead", "buddy"])


def test_the_built_in_voice_is_deterministic_and_english_only():
    first = speak_english("Trust me, I have done this before.")
    second = speak_english("Trust me, I have done this before.")
    assert np.array_equal(first.samples, second.samples)
    assert 1.0 < first.duration < 4.0
    with pytest.raises(UnsupportedTextError):
        speak_english("你好")


def test_lines_are_placed_in_order_with_a_lead_in_and_loudness_per_frame(voicer):
    shot = a_shot(5.0, ("lead", "Hello there."), ("buddy", "Hi! Nice to see you."))
    lines = place_shot_lines(shot, 1, fps=FPS, frame_count=120, voicer=voicer)

    assert [line.role for line in lines] == ["lead", "buddy"]
    assert lines[0].start == pytest.approx(LEAD_IN_SECONDS)
    assert lines[0].end < lines[1].start < lines[1].end <= 5.0
    for line in lines:
        assert line.end - line.start == pytest.approx(line.audio.duration)
        assert line.loudness.shape == (120,)
        inside = line.loudness[int(line.start * FPS) + 2 : int(line.end * FPS) - 2]
        outside = np.r_[
            line.loudness[: int(line.start * FPS)], line.loudness[int(line.end * FPS) + 1 :]
        ]
        assert inside.max() == pytest.approx(1.0) and inside.mean() > 0.15
        assert outside.max() == 0.0


def test_voiceless_roles_get_distinct_stock_voices_and_a_note(voicer):
    lead = voicer.voice("lead", "We should go to the park today.")
    buddy = voicer.voice("buddy", "We should go to the park today.")
    assert median_f0(buddy) > 1.15 * median_f0(lead)
    assert voicer.notes == (
        "@maya has no voice sample: a stock voice was used.",
        "@grace has no voice sample: a stock voice was used.",
    )


@pytest.mark.slow  # loads Resemblyzer (~6 s)
def test_a_double_with_a_voice_sample_is_shifted_toward_it():
    sample = shifted_voice_sample()
    cast = {"lead": cast_reference("lead", "maya", voice_sample=sample)}
    voiced = DialogueVoicer(cast, ["lead"]).voice("lead", "Shall we go to the park today?")
    plain = speak_english("Shall we go to the park today?")
    target = median_f0(sample.audio)
    assert abs(median_f0(voiced) - target) < 0.5 * abs(median_f0(plain) - target)


def test_speech_longer_than_its_shot_is_sped_up_never_cut(voicer, caplog):
    text = "Okay everyone, listen up, we only have one chance at this."
    normal = speak_english(text)
    seconds = normal.duration * 0.85 + 0.5  # room for the lead-in and tail, not the speech
    with caplog.at_level(logging.WARNING):
        (line,) = place_shot_lines(
            a_shot(seconds, ("lead", text)),
            2,
            fps=FPS,
            frame_count=round(seconds * FPS),
            voicer=voicer,
        )
    assert "faster" in caplog.text
    assert line.end <= round(seconds * FPS) / FPS
    assert line.audio.duration < normal.duration  # the whole line, spoken faster
    assert line.audio.duration > normal.duration / 1.5


def test_speech_that_cannot_fit_even_fast_is_refused(voicer):
    text = "Okay everyone, listen up, we only have one chance at this, so nobody move."
    with pytest.raises(DialogueTooLongError, match="Shot 3's dialogue takes"):
        place_shot_lines(a_shot(1.5, ("lead", text)), 3, fps=FPS, frame_count=36, voicer=voicer)


def test_a_line_no_voice_can_read_keeps_its_time_without_audio(voicer):
    (line,) = place_shot_lines(
        a_shot(3.0, ("lead", "우리 공원에 가자")), 1, fps=FPS, frame_count=72, voicer=voicer
    )
    assert line.audio is None and line.end > line.start
    assert not line.loudness.any() and line.mouth is None
    assert any("no installed voice" in note for note in voicer.notes)


def test_an_indonesian_line_is_read_by_the_english_voice_and_the_clip_says_so(voicer):
    (line,) = place_shot_lines(
        a_shot(4.0, ("lead", "Janji ya, tahun depan kita ke sini lagi.")), 1, fps=FPS,
        frame_count=96, voicer=voicer,
    )  # fmt: skip
    assert line.audio is not None
    assert any("looks Indonesian: no Indonesian voice" in note for note in voicer.notes)


@pytest.mark.parametrize("text", ["我们去公园吧", "镜头外的你，听得到吗？", "生日快乐！2026年见。"])
def test_chinese_lines_are_spoken_with_timed_mouths(voicer, text):
    (line,) = place_shot_lines(a_shot(4.0, ("lead", text)), 1, fps=FPS, frame_count=96,
                               voicer=voicer)  # fmt: skip
    assert line.audio is not None and line.audio.duration > 0.5
    assert line.mouth is not None and line.mouth[:, 0].max() > 0.3
    assert voicer.notes == () or all("subtitle" not in note for note in voicer.notes)


def test_the_mix_is_48khz_clip_long_and_speech_is_clearly_audible(voicer):
    shot = a_shot(3.0, ("lead", "Hello there, friend."))
    lines = place_shot_lines(shot, 1, fps=FPS, frame_count=72, voicer=voicer)
    plans = [
        ShotPlan(0, shot, 0.0, 3.0, 72, FPS, 256, 256, lines),
        ShotPlan(1, a_shot(2.0), 3.0, 2.0, 48, FPS, 256, 256, ()),
    ]
    mix = mix_dialogue(plans, duration=5.0)
    assert mix.sample_rate == 48_000 and mix.duration == pytest.approx(5.0)
    assert np.abs(mix.samples).max() <= 0.95 + 1e-6
    rate, line = mix.sample_rate, lines[0]
    speech = mix.samples[round(line.start * rate) : round(line.end * rate)]
    after = mix.samples[round(3.0 * rate) :]
    assert np.sqrt(np.mean(speech**2)) > 0.05  # about -26 dBFS or louder
    assert not after.any()


def a_voice_sample(pitch: float = 1.0):
    return shifted_voice_sample(pitch, 1.0, "This is how I sound on an ordinary day at home.")


def never_tune(sample):
    raise AssertionError("a stored voice shift must not be chosen again")


def test_a_doubles_stored_voice_shift_is_applied_without_choosing_again():
    stored = VoiceShift(f0_ratio=1.3, formant_warp=1.07, similarity=0.8)
    member = cast_reference("lead", "maya", voice_sample=a_voice_sample(), voice_shift=stored)
    voicer = DialogueVoicer({"lead": member}, ["lead"], voice_shifts=VoiceShifts(never_tune))

    voiced = voicer.voice("lead", "Shall we go to the park today?")

    assert voicer.voice_shift("lead") == stored
    expected = shift_voice(
        speak_english("Shall we go to the park today?"), f0_ratio=1.3, formant_warp=1.07
    )
    assert np.array_equal(voiced.samples, expected.samples)
    assert voicer.notes == ()


@pytest.mark.slow  # loads Resemblyzer; one shift choice (~6 embeddings)
def test_without_a_stored_shift_the_render_chooses_the_one_registration_would_have():
    sample = shifted_voice_sample()
    registered = tune_voice(sample)
    assert registered is not None
    stored = cast_reference("lead", "maya", voice_sample=sample, voice_shift=registered.shift)
    legacy = cast_reference("lead", "maya", voice_sample=sample)

    chosen_now = DialogueVoicer({"lead": legacy}, ["lead"])
    from_registration = DialogueVoicer(
        {"lead": stored}, ["lead"], voice_shifts=VoiceShifts(never_tune)
    )

    assert chosen_now.voice_shift("lead") == registered.shift
    for line in ("Hi there.", "Shall we go to the park today, or would you rather stay in?"):
        assert np.array_equal(
            chosen_now.voice("lead", line).samples, from_registration.voice("lead", line).samples
        )


def test_a_shift_chosen_at_render_time_is_reused_by_later_renders():
    tuned = []

    def tune(sample):
        tuned.append(sample)
        return VoiceShift(f0_ratio=1.2, formant_warp=1.07, similarity=0.8)

    shifts = VoiceShifts(tune)
    cast = {"lead": cast_reference("lead", "maya", voice_sample=a_voice_sample())}
    first = DialogueVoicer(cast, ["lead"], voice_shifts=shifts)
    second = DialogueVoicer(cast, ["lead"], voice_shifts=shifts)
    line = "Shall we go to the park today?"

    assert first.voice_shift("lead") == second.voice_shift("lead") == VoiceShift(1.2, 1.07, 0.8)
    assert np.array_equal(first.voice("lead", line).samples, second.voice("lead", line).samples)
    assert len(tuned) == 1
    # Another double's voice is a new choice.
    other = {"lead": cast_reference("lead", "ada", voice_sample=a_voice_sample(pitch=1.3))}
    DialogueVoicer(other, ["lead"], voice_shifts=shifts).voice_shift("lead")
    assert len(tuned) == 2


def test_a_voice_sample_without_pitch_gets_a_stock_voice_and_a_note():
    cast = {"lead": cast_reference("lead", "maya", voice_sample=a_voice_sample())}
    voicer = DialogueVoicer(cast, ["lead"], voice_shifts=VoiceShifts(lambda sample: None))

    voiced = voicer.voice("lead", "Shall we go to the park today?")

    assert voicer.voice_shift("lead") is None
    assert np.array_equal(voiced.samples, speak_english("Shall we go to the park today?").samples)
    assert voicer.notes == ("@maya's voice sample could not be used: a stock voice was used.",)


def test_voice_shifts_forget_the_least_recently_used_double():
    tuned = []

    def tune(sample):
        tuned.append(sample)
        return VoiceShift(1.0, 1.0, 1.0)

    shifts = VoiceShifts(tune, remembered=2)
    samples = {name: a_voice_sample(pitch) for name, pitch in (("a", 1.0), ("b", 1.2), ("c", 1.4))}
    for name in ("a", "b", "a", "c", "a", "b"):
        shifts.shift_for(samples[name])

    # "b" was forgotten when "c" came in; "a" stayed in use, so it was kept.
    assert len(tuned) == 4
