"""Every fetch of a served copy is checked again: viewer, login, access and age, at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from db import media
from db import users as user_queries
from db.engine import transaction
from webapp.auth import CurrentUser
from webapp.media import MediaFiles, _requested_file

MAYA = CurrentUser(id=1, username="maya", display_name="Maya")
BOB = CurrentUser(id=2, username="bob", display_name="Bob")


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC).timestamp()

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def world(sqlite_sessions):
    """Maya and Bob signed in; a blob Maya may see while ``allowed`` holds her id."""
    with transaction(sqlite_sessions) as session:
        for person in (MAYA, BOB):
            user_queries.add_user(session, username=person.username, username_key=person.username,
                                  display_name=person.display_name, password_hash=None)  # fmt: skip
            user_queries.add_auth_session(
                session, user_id=person.id, token_hash=f"hash-{person.id}",
                expires_at=datetime.now(UTC) + timedelta(days=1),
            )  # fmt: skip
        blob = media.put_blob(session, b"RIFF....WAVEfmt fake", "audio/wav", max_bytes=1000)
    return blob.sha256


def make_files(sqlite_sessions, tmp_path, allowed: set[int], clock: Clock) -> MediaFiles:
    def rule(_session, viewer, _key):
        return viewer is not None and viewer.id in allowed

    return MediaFiles(sqlite_sessions, tmp_path / "served", [rule], max_age_seconds=600,
                      clock=clock)  # fmt: skip


def test_a_copy_is_served_while_its_viewer_may_see_it(sqlite_sessions, world, tmp_path):
    allowed = {MAYA.id}
    files = make_files(sqlite_sessions, tmp_path, allowed, Clock())
    path = files.temporary_copy(MAYA, world, "voice.wav")
    assert files.is_served_path(path) and files.may_fetch(path, MAYA.id)
    # The double is revoked / the creator withdrawn / the clip hidden: the rule says no.
    allowed.clear()
    assert not files.may_fetch(path, MAYA.id)


def test_deleted_blob_is_refused_even_before_the_sweep(sqlite_sessions, world, tmp_path):
    files = make_files(sqlite_sessions, tmp_path, {MAYA.id}, Clock())
    path = files.temporary_copy(MAYA, world, "clip.mp4")
    with transaction(sqlite_sessions) as session:
        media.delete_blob(session, world)
    assert not files.may_fetch(path, MAYA.id)


def test_signing_out_and_deleting_the_account_end_links(sqlite_sessions, world, tmp_path):
    files = make_files(sqlite_sessions, tmp_path, {MAYA.id, BOB.id}, Clock())
    maya_path = files.temporary_copy(MAYA, world, "x.wav")
    bob_export = files.temporary_file(b"zip", "export", "application/zip", viewer=BOB)
    with transaction(sqlite_sessions) as session:
        user_queries.revoke_all_sessions(session, MAYA.id, datetime.now(UTC))
        user_queries.get_user(session, BOB.id).status = "deleted"
    assert not files.may_fetch(maya_path, MAYA.id)
    assert not files.may_fetch(bob_export, BOB.id)


def test_links_expire(sqlite_sessions, world, tmp_path):
    clock = Clock()
    files = make_files(sqlite_sessions, tmp_path, {MAYA.id}, clock)
    path = files.temporary_copy(MAYA, world, "x.wav")
    clock.now += 601
    assert not files.may_fetch(path, MAYA.id)


def test_unknown_folders_and_files_without_a_viewer_are_refused(sqlite_sessions, world, tmp_path):
    files = make_files(sqlite_sessions, tmp_path, {MAYA.id}, Clock())
    orphan = files.temporary_file(b"zip", "export", "application/zip")
    assert not files.may_fetch(orphan, MAYA.id)
    # A copy written by an earlier process (before a restart) is not in this one's grants.
    stale = tmp_path / "served" / "from-before-restart" / "clip.mp4"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    assert files.is_served_path(stale) and not files.may_fetch(stale, MAYA.id)


def test_file_route_paths_are_read_like_gradio_reads_them(tmp_path):
    target = tmp_path / "served" / "abc" / "x.mp4"
    assert _requested_file(f"/gradio_api/file={target}") == target
    assert _requested_file("/gradio_api/file=" + str(target).replace("/", "%2F")) == target
    assert _requested_file(f"/file={tmp_path}/served/abc/../abc/x.mp4") == target
    assert _requested_file("/gradio_api/queue/join") is None
    assert _requested_file("/gradio_api/file=https://example.org/x.mp4") is None


def test_only_the_viewer_it_was_made_for_may_fetch_a_copy(sqlite_sessions, world, tmp_path):
    files = make_files(sqlite_sessions, tmp_path, {MAYA.id, BOB.id}, Clock())
    maya_path = files.temporary_copy(MAYA, world, "clip.mp4")
    bob_export = files.temporary_file(b"zip", "export", "application/zip", viewer=BOB)
    # Bob may see the blob too, but this copy's link was made for Maya: a copied link is refused.
    assert not files.may_fetch(maya_path, BOB.id)
    assert not files.may_fetch(bob_export, MAYA.id)
    # Nobody signed in (no media pass in the request): refused.
    assert not files.may_fetch(maya_path, None)
    assert files.may_fetch(maya_path, MAYA.id) and files.may_fetch(bob_export, BOB.id)
