"""Clips: casting rules on the server, frozen drafts, revocation during a render, storage."""

from __future__ import annotations

import io
import json

import numpy as np
import pytest
from PIL import Image
from sqlalchemy import func, select

from core.generation.pipeline import CoStarPipeline
from core.generation.types import ProgressEvent
from core.media.audio import Audio
from core.voice.samples import RESEMBLYZER_MODEL
from core.voice.shift import VoiceShift
from core.voice.tuning import tuning_basis, voice_shift_record
from db import consent as ledger
from db import media
from db import users as user_queries
from db.engine import transaction
from db.models import Appearance, Clip, Double, DoubleReference, MediaBlob
from tests.core.generation.generation_fakes import SolidColourBackend, tone_speech, two_role_script
from webapp.auth import CurrentUser
from webapp.clips import ClipError, ClipService
from webapp.clips.casting import cast_reference

MAYA = CurrentUser(id=1, username="maya", display_name="Maya")
BOB = CurrentUser(id=2, username="bob", display_name="Bob")


def portrait_png(shade: int) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(np.full((120, 90, 3), shade, dtype=np.uint8)).save(buffer, "PNG")
    return buffer.getvalue()


def add_double(session, owner: CurrentUser, handle: str, kind: str = "person",
               restrictions: str = "") -> int:  # fmt: skip
    double = Double(public_id=handle.ljust(16, "0")[:16], owner_user_id=owner.id, handle=handle,
                    display_name=handle.title(), kind=kind, restrictions=restrictions)  # fmt: skip
    session.add(double)
    session.flush()
    png = media.put_blob(session, portrait_png(len(handle) * 20), "image/png", max_bytes=10**6)
    session.add(DoubleReference(double_id=double.id, portrait_sha=png.sha256,
                                preview_sha=png.sha256))  # fmt: skip
    ledger.append_event(session, double, actor_user_id=owner.id, event_type="given",
                        statement_version="t", statement_sha256="0" * 64)  # fmt: skip
    return double.id


@pytest.fixture
def cast_ids(sqlite_sessions):
    with transaction(sqlite_sessions) as session:
        for user in (MAYA, BOB):
            user_queries.add_user(session, username=user.username, username_key=user.username,
                                  display_name=user.display_name, password_hash=None)  # fmt: skip
        return {
            "maya": add_double(session, MAYA, "maya"),
            "rex": add_double(session, MAYA, "rex", kind="pet", restrictions="no bathtub"),
            "bob": add_double(session, BOB, "bob"),
        }


@pytest.fixture
def service(sqlite_sessions, tmp_path):
    pipeline = CoStarPipeline(SolidColourBackend(), keys_dir=tmp_path / "keys",
                              work_dir=tmp_path / "work", speak=tone_speech)  # fmt: skip
    return ClipService(sqlite_sessions, lambda: pipeline, backend_name="animatic",
                       max_blob_bytes=50_000_000, speak=tone_speech)  # fmt: skip


def count(sessions, model):
    with transaction(sessions) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_create_then_render_stores_a_signed_clip(service, sqlite_sessions, cast_ids):
    script = two_role_script()
    clip = service.create(MAYA, script, {"lead": "maya", "buddy": "rex"},
                          seed=7)  # fmt: skip
    assert clip.status == "queued" and clip.cast == {"lead": "maya", "buddy": "rex"}
    assert count(sqlite_sessions, Appearance) == 2  # written before rendering
    events: list[ProgressEvent] = []
    done = service.render(MAYA, clip.id, events.append)
    assert done.status == "done" and done.video_sha and done.duration == pytest.approx(3.0, 0.1)
    assert events[-1].fraction == pytest.approx(1.0)
    with transaction(sqlite_sessions) as session:
        data = media.read_blob(session, done.video_sha)
        assert data[4:8] == b"ftyp"
        assert service.may_view_blob(session, MAYA, done.video_sha)
        assert not service.may_view_blob(session, BOB, done.video_sha)
        assert not service.may_view_blob(session, None, done.video_sha)
        frozen = json.loads(session.get(Clip, clip.id).script_json)
    assert frozen["title"] == script.title
    assert [c.status for c in service.list_mine(MAYA)] == ["done"]
    with pytest.raises(ClipError, match="already done"):
        service.render(MAYA, clip.id)


def test_someone_elses_double_cannot_be_cast(service, sqlite_sessions, cast_ids):
    with pytest.raises(ClipError, match="isn't available to you"):
        service.create(MAYA, two_role_script(buddy_kinds=("person",)),
                       {"lead": "maya", "buddy": "@bob"}, seed=1)  # fmt: skip
    assert count(sqlite_sessions, Clip) == 0


def test_a_pet_cannot_play_a_person_only_role(service, cast_ids):
    with pytest.raises(ClipError, match="rex"):
        service.create(MAYA, two_role_script(buddy_kinds=("person",)),
                       {"lead": "maya", "buddy": "rex"}, seed=1)  # fmt: skip


def test_uncast_role_is_refused(service, cast_ids):
    with pytest.raises(ClipError, match="buddy"):
        service.create(MAYA, two_role_script(), {"lead": "maya"}, seed=1)


def slow_speech(text: str, speed: float = 1.0) -> Audio:
    """0.6 s a word: slower than the script's own estimate (1/3 s a word) assumes."""
    return tone_speech(f"{text} {text}", speed)


def test_dialogue_that_cannot_fit_its_shot_is_refused_before_anything_is_queued(
    sqlite_sessions, tmp_path, cast_ids
):
    script = two_role_script()
    long_line = type(script.shots[1].dialogue[0])("lead", "Hello there my friend.")
    last = type(script.shots[1])(**{**script.shots[1].__dict__, "dialogue": (long_line,)})
    script = type(script)(script.title, script.roles, (script.shots[0], last))
    cast = {"lead": "maya", "buddy": "rex"}
    pipeline = CoStarPipeline(SolidColourBackend(), keys_dir=tmp_path / "keys",
                              work_dir=tmp_path / "work", speak=slow_speech)  # fmt: skip

    def service_checking_with(speak):
        return ClipService(sqlite_sessions, lambda: pipeline, backend_name="animatic",
                           max_blob_bytes=50_000_000, speak=speak)  # fmt: skip

    # Before: checked with a voice faster than the render's, it is queued, then the render fails.
    queued = service_checking_with(tone_speech).create(MAYA, script, cast, seed=1)
    with pytest.raises(ClipError) as render_failure:
        service_checking_with(tone_speech).render(MAYA, queued.id)
    clips_before = count(sqlite_sessions, Clip), count(sqlite_sessions, Appearance)

    # Checked with the render's own voice, it is refused at once, with the render's words.
    with pytest.raises(ClipError) as refusal:
        service_checking_with(slow_speech).create(MAYA, script, cast, seed=1)

    assert str(refusal.value).startswith("Shot 2's dialogue takes")
    assert str(render_failure.value) == f"The clip could not be rendered: {refusal.value}"
    assert (count(sqlite_sessions, Clip), count(sqlite_sessions, Appearance)) == clips_before
    service_checking_with(slow_speech).check_dialogue(two_role_script())  # short lines pass


def test_restrictions_are_enforced_with_a_quote(service, cast_ids):
    script = two_role_script()
    shot = script.shots[0]
    bath = type(shot)(**{**shot.__dict__, "description": "@lead gives @buddy a bathtub wash"})
    script = type(script)(script.title, script.roles, (bath, *script.shots[1:]))
    with pytest.raises(ClipError, match="bathtub"):
        service.create(MAYA, script, {"lead": "maya", "buddy": "rex"}, seed=1)


def test_restrictions_are_understood_by_meaning_for_every_caster(
    service, sqlite_sessions, cast_ids
):
    # The owner too: maya's own double refuses maya's script once she rules out alcohol.
    with transaction(sqlite_sessions) as session:
        session.get(Double, cast_ids["maya"]).restrictions = "no alcohol"
    script = two_role_script()
    shot = script.shots[0]
    toast = type(shot)(**{**shot.__dict__, "description": "@lead raises a toast with champagne"})
    script = type(script)(script.title, script.roles, (toast, *script.shots[1:]))
    with pytest.raises(ClipError, match=r"“no alcohol”.*matched: “champagne”"):
        service.create(MAYA, script, {"lead": "maya", "buddy": "rex"}, seed=1)


def test_a_restriction_added_after_queueing_stops_the_render(service, sqlite_sessions, cast_ids):
    script = two_role_script()
    shot = script.shots[0]
    beer = type(shot)(**{**shot.__dict__, "description": "@lead drinks a cold beer"})
    script = type(script)(script.title, script.roles, (beer, *script.shots[1:]))
    clip = service.create(MAYA, script, {"lead": "maya", "buddy": "rex"}, seed=1)
    with transaction(sqlite_sessions) as session:
        session.get(Double, cast_ids["rex"]).restrictions = "禁止喝酒"
    blobs = count(sqlite_sessions, MediaBlob)
    with pytest.raises(ClipError, match=r"“禁止喝酒”.*matched: “beer”"):
        service.render(MAYA, clip.id)
    assert service.list_mine(MAYA)[0].status == "cancelled"
    assert count(sqlite_sessions, MediaBlob) == blobs


def test_revoked_before_rendering_cancels_and_stores_no_video(service, sqlite_sessions, cast_ids):
    clip = service.create(MAYA, two_role_script(),
                          {"lead": "maya", "buddy": "rex"}, seed=1)  # fmt: skip
    with transaction(sqlite_sessions) as session:
        session.get(Double, cast_ids["rex"]).status = "revoked"
    blobs = count(sqlite_sessions, MediaBlob)
    with pytest.raises(ClipError, match="no longer available"):
        service.render(MAYA, clip.id)
    assert service.list_mine(MAYA)[0].status == "cancelled"
    assert count(sqlite_sessions, MediaBlob) == blobs


def test_revoked_during_rendering_stops_it(service, sqlite_sessions, cast_ids, monkeypatch):
    import webapp.clips.rendering as clips_module

    monkeypatch.setattr(clips_module, "PERMISSION_RECHECK_SECONDS", 0.0)
    clip = service.create(MAYA, two_role_script(),
                          {"lead": "maya", "buddy": "rex"}, seed=1)  # fmt: skip
    blobs = count(sqlite_sessions, MediaBlob)

    def revoke_when_frames_start(event: ProgressEvent) -> None:
        if event.stage == "frames":
            with transaction(sqlite_sessions) as session:
                session.get(Double, cast_ids["rex"]).status = "revoked"

    with pytest.raises(ClipError, match="no longer available"):
        service.render(MAYA, clip.id, revoke_when_frames_start)
    assert service.list_mine(MAYA)[0].status == "cancelled"
    assert count(sqlite_sessions, MediaBlob) == blobs


def test_only_the_creator_can_render(service, cast_ids):
    clip = service.create(MAYA, two_role_script(),
                          {"lead": "maya", "buddy": "rex"}, seed=1)  # fmt: skip
    with pytest.raises(ClipError, match="isn't yours"):
        service.render(BOB, clip.id)


@pytest.mark.parametrize("record_basis", ["current", "stale", "none"])
def test_the_cast_gets_the_voice_shift_stored_at_registration(sqlite_sessions, cast_ids,
                                                              record_basis):  # fmt: skip
    shift = VoiceShift(f0_ratio=1.31, formant_warp=1.07, similarity=0.8)
    record = {
        "current": voice_shift_record(shift),
        "none": None,
        "stale": voice_shift_record(shift).replace(tuning_basis(), "0" * 16),
    }[record_basis]
    voice = Audio(tone_speech("this is how I sound").samples[::2].copy(), 16_000)
    with transaction(sqlite_sessions) as session:
        double = session.get(Double, cast_ids["maya"])
        reference = session.get(DoubleReference, double.id)
        reference.voice_sha = media.put_blob(session, voice.to_wav_bytes(), "audio/wav",
                                             max_bytes=10**6).sha256  # fmt: skip
        reference.voice_model = RESEMBLYZER_MODEL
        reference.voice_embedding = np.ones(256, np.float32).tobytes()
        reference.voice_shift = record
        session.flush()

        member = cast_reference(session, "lead", double)

    assert member.voice_sample is not None
    # A stale or missing record is not used: the render chooses the shift again, the same way.
    assert member.voice_shift == (shift if record_basis == "current" else None)


def test_house_characters_are_offered_to_everyone_and_co_star_without_a_double_row(
    service, sqlite_sessions, cast_ids
):
    offered = {d.handle: d for d in service.castable_doubles(BOB) if d.is_house}
    assert {"bolt_robot", "grandma_rosa", "miso_cat"} <= set(offered)
    assert all("house character" in d.display_name and not d.is_own for d in offered.values())
    # Bob has one double and no friends: a two-person clip with a house character at once.
    clip = service.create(BOB, two_role_script(buddy_kinds=("character",)),
                          {"lead": "bob", "buddy": "@bolt_robot"}, seed=3)  # fmt: skip
    assert clip.cast == {"lead": "bob", "buddy": "bolt_robot"}
    with transaction(sqlite_sessions) as session:
        frozen = json.loads(session.get(Clip, clip.id).cast_json)
        roles = [a.role for a in session.get(Clip, clip.id).appearances]
    assert frozen["buddy"] == {"double": "house-bolt_robot", "handle": "bolt_robot"}
    assert roles == ["lead"]  # nobody's likeness: no appearance row, no consent ledger entry
    done = service.render(BOB, clip.id)
    assert done.status == "done" and done.video_sha


def test_a_house_character_keeps_its_kind_and_its_handle(service, cast_ids):
    with pytest.raises(ClipError, match="miso_cat"):
        service.create(BOB, two_role_script(buddy_kinds=("person",)),
                       {"lead": "bob", "buddy": "@miso_cat"}, seed=3)  # fmt: skip
