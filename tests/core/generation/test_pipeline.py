"""CoStarPipeline with a solid-colour backend and a tone voice: steps, errors, cancellation."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import replace

import pytest

from core.generation.pipeline import CoStarPipeline
from core.generation.types import GenerationError, RenderCancelledError
from core.media.video_encode import probe_mp4, read_mp4_frames
from core.scripts.casting import CastError
from core.scripts.model import DialogueLine, ScriptError, Shot
from tests.core.generation.generation_fakes import (
    SolidColourBackend,
    cast_reference,
    tone_speech,
    two_role_request,
    two_role_script,
)


@pytest.fixture(scope="module")
def keys_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("keys")


def make_pipeline(tmp_path, keys_dir, backend=None) -> CoStarPipeline:
    return CoStarPipeline(
        backend or SolidColourBackend(),
        keys_dir=keys_dir,
        work_dir=tmp_path / "work",
        speak=tone_speech,
    )


def leftovers(tmp_path) -> list:
    work = tmp_path / "work"
    return [p for p in work.rglob("*")] if work.exists() else []


def test_render_reports_progress_in_order_and_writes_the_clip(tmp_path, keys_dir):
    events = []
    pipeline = make_pipeline(tmp_path, keys_dir)
    result = pipeline(two_role_request(), output_path=tmp_path / "clip.mp4", callback=events.append)

    fractions = [event.fraction for event in events]
    assert fractions == sorted(fractions)
    assert events[-1].fraction == 1.0 and events[-1].stage == "done"
    stages = list(dict.fromkeys(event.stage for event in events))
    assert stages == ["prepare", "voices", "frames", "sign", "metrics", "done"]
    assert {e.shot_index for e in events if e.stage == "frames"} == {0, 1}

    info = probe_mp4(result.path)
    assert (info.width, info.height, info.frame_count, info.fps) == (256, 256, 72, 24)
    assert info.has_audio
    assert result.frame_count == 72 and len(result.shots) == 2
    assert [shot.frame_count for shot in result.shots] == [36, 36]
    # Neither double has a voice sample: both got a stock voice, and the person is told.
    assert "@maya has no voice sample: a stock voice was used." in result.notes
    assert "@grace has no voice sample: a stock voice was used." in result.notes
    # No face or voice references in this cast: metrics are "not applicable", not zero.
    assert result.metrics.face_similarity == {"lead": None, "buddy": None}
    assert leftovers(tmp_path) == []


def frame_hashes(path) -> list[str]:
    return [hashlib.sha256(frame.tobytes()).hexdigest() for frame in read_mp4_frames(path)]


def test_same_inputs_and_seed_give_the_same_frames(tmp_path, keys_dir):
    pipeline = make_pipeline(tmp_path, keys_dir)
    first = pipeline(two_role_request(), output_path=tmp_path / "a.mp4")
    second = pipeline(two_role_request(), output_path=tmp_path / "b.mp4")
    other_seed = pipeline(two_role_request(seed=8), output_path=tmp_path / "c.mp4")

    assert frame_hashes(first.path) == frame_hashes(second.path)
    assert frame_hashes(first.path) != frame_hashes(other_seed.path)


@pytest.mark.parametrize("stop_after_polls", [1, 30])
def test_cancelling_stops_the_render_and_leaves_no_file(tmp_path, keys_dir, stop_after_polls):
    backend = SolidColourBackend()
    polls = []

    def is_cancelled() -> bool:
        polls.append(1)
        return len(polls) > stop_after_polls

    output = tmp_path / "clip.mp4"
    with pytest.raises(RenderCancelledError):
        make_pipeline(tmp_path, keys_dir, backend)(
            two_role_request(), output_path=output, is_cancelled=is_cancelled
        )
    assert not output.exists()
    assert leftovers(tmp_path) == []
    assert backend.rendered_shots == []  # stopped before shot 1 was finished


def test_revoked_double_mid_render_cancels_with_the_reason(tmp_path, keys_dir):
    """The service models a revocation as a cancellation with a reason."""
    revoked = {"now": False}
    events = []

    def on_progress(event):
        events.append(event)
        if event.stage == "frames" and event.shot_index == 1:
            revoked["now"] = True  # the owner of @grace revokes while shot 2 renders

    def is_cancelled():
        return "@grace's owner revoked consent; the clip was stopped." if revoked["now"] else False

    output = tmp_path / "clip.mp4"
    with pytest.raises(RenderCancelledError, match="revoked consent"):
        make_pipeline(tmp_path, keys_dir)(
            two_role_request(), output_path=output, callback=on_progress, is_cancelled=is_cancelled
        )
    assert not output.exists()
    assert leftovers(tmp_path) == []
    assert all(event.stage != "sign" for event in events)


def shot(description: str, duration: float = 2.0) -> Shot:
    return Shot("medium", "static", duration, description, (), "sunny_park")


@pytest.mark.parametrize(
    ("change", "error", "message"),
    [
        (
            lambda r: replace(r, script=replace(r.script, shots=(shot("@bob waves."),))),
            ScriptError,
            "no role bob",
        ),
        (
            lambda r: replace(r, cast={"lead": r.cast["lead"]}),
            CastError,
            "'buddy' has no one cast",
        ),
        (
            lambda r: replace(
                r, cast={**r.cast, "lead": cast_reference("lead", "rex", kind="pet")}
            ),
            CastError,
            "@rex is a pet; the role 'lead' accepts person only",
        ),
        (
            lambda r: replace(
                r, script=replace(r.script, shots=tuple(shot("@lead runs.", 8.0) for _ in range(2)))
            ),
            ScriptError,
            "16 s long; the limit is 15 s",
        ),
        (
            lambda r: replace(r, script=replace(r.script, shots=(shot("@lead runs."),) * 7)),
            ScriptError,
            "7 shots; the limit is 6",
        ),
        (lambda r: replace(r, clip_id="XYZ"), ValueError, "'XYZ' is not 16 lowercase"),
        (lambda r: replace(r, fps=30), ValueError, "frame rate is 30"),
        (lambda r: replace(r, width=4000), ValueError, "4000x256 is not supported"),
        (
            lambda r: replace(
                r,
                cast={
                    **r.cast,
                    "lead": cast_reference("lead", "maya", restrictions="no waving"),
                },
            ),
            ScriptError,
            "does not allow “no waving”",
        ),
    ],
)
def test_check_inputs_names_the_bad_value(tmp_path, keys_dir, change, error, message):
    pipeline = make_pipeline(tmp_path, keys_dir)
    with pytest.raises(error, match=message):
        pipeline.check_inputs(change(two_role_request()))


def test_odd_sizes_are_snapped_to_multiples_of_16_with_a_warning(tmp_path, keys_dir, caplog):
    pipeline = make_pipeline(tmp_path, keys_dir)
    with caplog.at_level(logging.WARNING):
        checked = pipeline.check_inputs(two_role_request(width=850, height=478))
    assert (checked.width, checked.height) == (848, 480)
    assert "snapped to 848x480" in caplog.text


def test_a_backend_returning_the_wrong_frame_count_is_an_error(tmp_path, keys_dir):
    pipeline = make_pipeline(tmp_path, keys_dir, SolidColourBackend(frame_count_error=-1))
    with pytest.raises(GenerationError, match="returned 35 frames for shot 1; it should return 36"):
        pipeline(two_role_request(), output_path=tmp_path / "clip.mp4")
    assert not (tmp_path / "clip.mp4").exists()
    assert leftovers(tmp_path) == []


def test_a_line_no_voice_speaks_becomes_a_silent_subtitle_with_a_note(tmp_path, keys_dir):
    script = two_role_script()
    first = replace(script.shots[0], dialogue=(DialogueLine("lead", "안녕, 친구"),))  # Korean
    request = two_role_request(script=replace(script, shots=(first, script.shots[1])))
    result = make_pipeline(tmp_path, keys_dir)(request, output_path=tmp_path / "clip.mp4")
    assert any("no installed voice" in note and "@maya" in note for note in result.notes)
    assert probe_mp4(result.path).frame_count == 72


def test_a_chinese_line_is_spoken(tmp_path, keys_dir):
    script = two_role_script()
    first = replace(script.shots[0], dialogue=(DialogueLine("lead", "你好，朋友"),))
    request = two_role_request(script=replace(script, shots=(first, script.shots[1])))
    result = make_pipeline(tmp_path, keys_dir)(request, output_path=tmp_path / "clip.mp4")
    assert not any("@maya" in note and "subtitle" in note for note in result.notes)
    assert result.speech_envelopes["lead"].max() > 0.5


def test_roles_must_match_their_cast_entries(tmp_path, keys_dir):
    request = two_role_request()
    swapped = {"lead": request.cast["lead"], "buddy": replace(request.cast["buddy"], role="lead")}
    with pytest.raises(ValueError, match="filed under the role 'buddy'"):
        make_pipeline(tmp_path, keys_dir).check_inputs(replace(request, cast=swapped))
