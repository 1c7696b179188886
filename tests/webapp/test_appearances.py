"""Appearances: owners see every use of their doubles and can delete, report or revoke."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from db import consent as ledger
from db import social
from db.engine import transaction
from db.models import AuditEvent, Clip, ClipReport, Double, MediaBlob
from tests.core.generation.generation_fakes import two_role_script
from tests.webapp.clip_world import BOB, CARA, DAN, MAYA, build_world, store_clip
from webapp import permissions
from webapp.appearances import NOT_YOUR_APPEARANCE, AppearanceError, AppearanceService
from webapp.clips import ClipError
from webapp.media import MediaAccessDeniedError, MediaFiles


@pytest.fixture
def doubles(sessions):
    with transaction(sessions) as session:
        return build_world(session)


@pytest.fixture
def appearances(sessions, clock):
    return AppearanceService(sessions, clock=clock)


def clip_row(sessions, public_id: str) -> dict:
    with transaction(sessions) as session:
        clip = session.execute(select(Clip).where(Clip.public_id == public_id)).scalar_one()
        return {"removed_at": clip.removed_at, "removed_by": clip.removed_by_user_id,
                "video_sha": clip.video_sha, "status": clip.status,
                "cancel_requested": clip.cancel_requested}  # fmt: skip


def count(sessions, model) -> int:
    with transaction(sessions) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def may_view(sessions, viewer, public_id: str) -> bool:
    with transaction(sessions) as session:
        clip = session.execute(select(Clip).where(Clip.public_id == public_id)).scalar_one()
        return permissions.may_view_clip(session, viewer.id, clip)


def test_list_shows_drafts_failures_and_others_private_clips(
    sessions, doubles, appearances, clips, clock
):
    draft = clips.create(BOB, two_role_script(), {"lead": "bob", "buddy": "maya"}, seed=3)
    clock.advance(minutes=5)
    failed = clips.create(BOB, two_role_script(), {"lead": "bob", "buddy": "maya"}, seed=4)
    with transaction(sessions) as session:
        session.get(Clip, failed.id).status = "failed"
        store_clip(session, CARA, {"lead": doubles["cara"]}, minutes=0)  # without maya

    listed = appearances.list(MAYA)

    assert [a.clip_public_id for a in listed] == [failed.public_id, draft.public_id]
    newest = listed[0]
    assert (newest.status, newest.creator_username, newest.my_roles) == (
        "failed", "bob", {"buddy": "maya"},
    )  # fmt: skip
    assert listed[1].status == "queued" and not listed[1].made_by_me
    assert newest.hidden_reason is None and newest.created_at is not None
    assert appearances.list(DAN) == []
    assert [a.my_roles for a in appearances.list(BOB)] == [{"lead": "bob"}] * 2


def test_delete_by_someone_who_owns_no_double_in_the_cast_is_refused(
    sessions, doubles, appearances
):
    with transaction(sessions) as session:
        public_id = store_clip(session, BOB, {"lead": doubles["bob"], "buddy": doubles["maya"]},
                               minutes=1)  # fmt: skip
    before = clip_row(sessions, public_id)
    for intruder in (DAN, CARA):
        with pytest.raises(AppearanceError, match=NOT_YOUR_APPEARANCE):
            appearances.delete(intruder, public_id)
    with pytest.raises(AppearanceError, match=NOT_YOUR_APPEARANCE):
        appearances.delete(MAYA, "0000000000000000")  # guessed id: same answer, no hint
    assert clip_row(sessions, public_id) == before
    assert count(sessions, AuditEvent) == 0


def test_delete_purges_the_video_and_hides_the_clip_from_everyone(
    sessions, doubles, clips, clock, tmp_path
):
    made = clips.create(BOB, two_role_script(), {"lead": "bob", "buddy": "maya"}, seed=5,
                        visibility="everyone")  # fmt: skip
    done = clips.render(BOB, made.id)
    media_files = MediaFiles(sessions, tmp_path / "served", [clips.may_view_blob])
    appearances = AppearanceService(sessions, clock=clock, on_video_purged=media_files.withdraw)
    served = media_files.temporary_copy(DAN, done.video_sha, "clip")
    assert served.read_bytes()[4:8] == b"ftyp"
    blobs = count(sessions, MediaBlob)

    message = appearances.delete(MAYA, done.public_id)

    assert "Deleted" in message
    assert not served.exists()  # the copy Dan was handed stops downloading at once
    row = clip_row(sessions, done.public_id)
    assert row["removed_at"] is not None and row["removed_by"] == MAYA.id
    assert row["video_sha"] is None
    assert count(sessions, MediaBlob) == blobs - 1
    for viewer in (MAYA, BOB, DAN):
        assert not may_view(sessions, viewer, done.public_id)
        with pytest.raises(MediaAccessDeniedError):
            media_files.temporary_copy(viewer, done.video_sha, "clip")
    with transaction(sessions) as session:
        actions = session.execute(select(AuditEvent.action, AuditEvent.subject)).all()
    assert ("appearance.deleted", done.public_id) in actions
    assert appearances.list(MAYA)[0].hidden_reason == "This clip was deleted."
    with pytest.raises(AppearanceError, match="already deleted"):
        appearances.delete(MAYA, done.public_id)


def test_delete_keeps_a_video_another_clip_still_uses(sessions, doubles, appearances):
    from db import media

    with transaction(sessions) as session:
        key = media.put_blob(session, b"\x00\x00\x00\x18ftypmp42", "video/mp4",
                             max_bytes=100).sha256  # fmt: skip
        first = store_clip(session, BOB, {"buddy": doubles["maya"]}, minutes=1, video_sha=key)
        store_clip(session, BOB, {"lead": doubles["bob"]}, minutes=2, video_sha=key)
    appearances.delete(MAYA, first)
    with transaction(sessions) as session:
        assert session.get(MediaBlob, key) is not None


def test_deleting_a_rendering_clip_asks_its_job_to_stop(sessions, doubles, appearances):
    with transaction(sessions) as session:
        running = store_clip(session, BOB, {"buddy": doubles["maya"]}, minutes=1,
                             status="running")  # fmt: skip
        queued = store_clip(session, BOB, {"buddy": doubles["maya"]}, minutes=2,
                            status="queued")  # fmt: skip
    appearances.delete(MAYA, running)
    appearances.delete(MAYA, queued)
    assert clip_row(sessions, running)["cancel_requested"]
    assert clip_row(sessions, running)["status"] == "running"  # the runner ends it
    assert clip_row(sessions, queued)["status"] == "cancelled"


def test_a_clip_deleted_while_rendering_stores_no_video(sessions, doubles, appearances, clips):
    made = clips.create(BOB, two_role_script(), {"lead": "bob", "buddy": "maya"}, seed=6)
    blobs = count(sessions, MediaBlob)

    def delete_mid_render(event) -> None:
        if event.stage == "sign" and clip_row(sessions, made.public_id)["removed_at"] is None:
            appearances.delete(MAYA, made.public_id)

    # The pipeline may notice the deletion itself (its once-a-second check) and stop with an
    # error, or finish and be refused at the last step: either way nothing is kept.
    try:
        clips.render(BOB, made.id, delete_mid_render)
    except ClipError as error:
        assert "Cancelled" in str(error)
    row = clip_row(sessions, made.public_id)
    assert row["status"] == "cancelled" and row["video_sha"] is None
    assert count(sessions, MediaBlob) == blobs


def test_report_stores_the_reason_as_typed(sessions, doubles, appearances):
    with transaction(sessions) as session:
        public_id = store_clip(session, BOB, {"buddy": doubles["maya"]}, minutes=1)
    reason = '<img src=x onerror="alert(1)"> 这不是我 — **not me**'

    assert "recorded" in appearances.report(MAYA, public_id, f"  {reason}  ")

    with transaction(sessions) as session:
        stored = session.execute(select(ClipReport.reason, ClipReport.reporter_user_id)).one()
        actions = session.execute(select(AuditEvent.action)).scalars().all()
    assert tuple(stored) == (reason, MAYA.id)
    assert actions == ["clip.reported"]


@pytest.mark.parametrize(
    ("reason", "message"), [("", "1–500"), ("   ", "1–500"), ("x" * 501, "501 characters")]
)
def test_report_reason_must_be_1_to_500_characters(sessions, doubles, appearances, reason, message):
    with transaction(sessions) as session:
        public_id = store_clip(session, BOB, {"buddy": doubles["maya"]}, minutes=1)
    with pytest.raises(AppearanceError, match=message):
        appearances.report(MAYA, public_id, reason)
    assert count(sessions, ClipReport) == 0


def test_report_by_someone_not_in_the_cast_is_refused(sessions, doubles, appearances):
    with transaction(sessions) as session:
        public_id = store_clip(session, BOB, {"buddy": doubles["maya"]}, minutes=1)
    with pytest.raises(AppearanceError, match=NOT_YOUR_APPEARANCE):
        appearances.report(DAN, public_id, "spam")
    assert count(sessions, ClipReport) == 0


def test_revoking_the_creator_hides_all_their_clips_with_my_double_and_blocks_casting(
    sessions, doubles, appearances, clips
):
    with transaction(sessions) as session:
        first = store_clip(session, BOB, {"lead": doubles["bob"], "buddy": doubles["maya"]},
                           minutes=1)  # fmt: skip
        second = store_clip(session, BOB, {"buddy": doubles["maya"]}, minutes=2)
        unrelated = store_clip(session, BOB, {"lead": doubles["bob"]}, minutes=3)
    assert may_view(sessions, DAN, second)

    message = appearances.revoke_creator(MAYA, first)

    assert "@bob may no longer use @maya" in message
    for public_id in (first, second):
        assert not may_view(sessions, DAN, public_id)
        assert may_view(sessions, MAYA, public_id)  # the owner can still act on it
    assert not may_view(sessions, BOB, second)  # not even to its creator
    assert may_view(sessions, DAN, unrelated)
    assert all(a.creator_revoked and a.hidden_reason for a in appearances.list(MAYA))
    with pytest.raises(ClipError, match="withdrawn your permission"):
        clips.create(BOB, two_role_script(), {"lead": "bob", "buddy": "maya"}, seed=1)

    appearances.restore_creator(MAYA, second)

    assert may_view(sessions, DAN, first) and may_view(sessions, DAN, second)
    assert clips.create(BOB, two_role_script(), {"lead": "bob", "buddy": "maya"}, seed=1)


def test_restore_gives_back_an_explicit_approval(sessions, doubles, appearances, clock):
    with transaction(sessions) as session:
        session.get(Double, doubles["maya"]).visibility = "approved"
        social.set_grant(session, doubles["maya"], BOB.id, "approved", at=clock())
        public_id = store_clip(session, BOB, {"buddy": doubles["maya"]}, minutes=1,
                               visibility="only_me")  # fmt: skip
    appearances.revoke_creator(MAYA, public_id)
    appearances.restore_creator(MAYA, public_id)
    with transaction(sessions) as session:
        assert social.grant_of(session, doubles["maya"], BOB.id).status == "approved"
        details = [json.loads(d) for d in session.execute(select(AuditEvent.detail)).scalars()]
        # both changes are consent changes: they are in the double's hash-chained ledger too
        changes = [json.loads(e.evidence).get("grant")
                   for e in ledger.events_for_double(session, doubles["maya"])]  # fmt: skip
        assert changes[-2:] == ["revoked", "restored"] and ledger.verify_ledger(session).ok
    assert {"clip": public_id, "previous": "approved"} in details


def test_revoke_needs_a_creator_other_than_me_and_a_double_of_mine(sessions, doubles, appearances):
    with transaction(sessions) as session:
        own = store_clip(session, MAYA, {"lead": doubles["maya"]}, minutes=1)
        bobs = store_clip(session, BOB, {"buddy": doubles["maya"]}, minutes=2)
    with pytest.raises(AppearanceError, match="made this clip yourself"):
        appearances.revoke_creator(MAYA, own)
    with pytest.raises(AppearanceError, match=NOT_YOUR_APPEARANCE):
        appearances.revoke_creator(DAN, bobs)
    with transaction(sessions) as session:
        assert social.grant_of(session, doubles["maya"], BOB.id) is None
