"""Blobs reach the browser only through an access rule, as a copy made for one viewer."""

from __future__ import annotations

import os
import time

import pytest
import sqlalchemy

from db import media
from db.engine import transaction
from webapp.auth import CurrentUser
from webapp.media import MediaAccessDeniedError, MediaFiles

MAYA = CurrentUser(id=1, username="maya", display_name="Maya")
BOB = CurrentUser(id=2, username="bob", display_name="Bob")


@pytest.fixture
def stored(sqlite_sessions):
    with transaction(sqlite_sessions) as session:
        return media.put_blob(session, b"RIFF....WAVEfmt fake", "audio/wav", max_bytes=1000)


def owner_only(owner_id):
    def rule(_session, viewer, _key):
        return viewer is not None and viewer.id == owner_id

    return rule


def test_a_viewer_gets_their_own_copy_reused_while_its_link_is_fresh(
    sqlite_sessions, stored, tmp_path
):
    now = [1000.0]
    files = MediaFiles(sqlite_sessions, tmp_path / "served", [lambda *_: True],
                       max_age_seconds=600, clock=lambda: now[0])  # fmt: skip
    first = files.temporary_copy(MAYA, stored.sha256, "my voice.wav")
    assert first.read_bytes() == b"RIFF....WAVEfmt fake" and first.name == "my_voice.wav"
    assert files.temporary_copy(MAYA, stored.sha256, "my voice.wav") == first  # no new copy
    assert files.temporary_copy(BOB, stored.sha256, "my voice.wav").parent != first.parent
    now[0] += 301  # past half its lifetime: a new link, so no link outlives its maximum age
    assert files.temporary_copy(MAYA, stored.sha256, "my voice.wav").parent != first.parent


def test_a_reused_copy_is_still_checked_against_the_rules(sqlite_sessions, stored, tmp_path):
    allowed = [True]
    files = MediaFiles(sqlite_sessions, tmp_path / "served", [lambda *_: allowed[0]])
    files.temporary_copy(MAYA, stored.sha256, "x.wav")
    allowed[0] = False  # say, the double was revoked
    with pytest.raises(MediaAccessDeniedError):
        files.temporary_copy(MAYA, stored.sha256, "x.wav")


def test_a_withdrawn_copy_is_never_handed_out_again(sqlite_sessions, stored, tmp_path):
    files = MediaFiles(sqlite_sessions, tmp_path / "served", [lambda *_: True])
    first = files.temporary_copy(MAYA, stored.sha256, "x.wav")
    files.withdraw(stored.sha256)
    again = files.temporary_copy(MAYA, stored.sha256, "x.wav")
    assert again.parent != first.parent and again.exists()


def test_a_page_of_copies_is_checked_blob_by_blob_in_one_go(sqlite_sessions, tmp_path):
    with transaction(sqlite_sessions) as session:
        mine = media.put_blob(session, b"maya's clip", "video/mp4", max_bytes=1000).sha256
        theirs = media.put_blob(session, b"bob's clip", "video/mp4", max_bytes=1000).sha256
    files = MediaFiles(sqlite_sessions, tmp_path / "served",
                       [lambda _s, viewer, key: key == mine and viewer == MAYA])  # fmt: skip
    first, refused, missing = files.temporary_copies(
        MAYA, [(mine, "a.mp4"), (theirs, "b.mp4"), ("0" * 64, "c.mp4")]
    )
    assert first.read_bytes() == b"maya's clip"
    assert refused is None and missing is None  # the page shows those cards without video
    assert files.temporary_copies(MAYA, [(mine, "a.mp4")]) == [first]  # reused, as one by one
    assert files.temporary_copies(BOB, [(mine, "a.mp4")]) == [None]


@pytest.mark.parametrize("viewer", [BOB, None])
def test_other_users_and_guests_are_refused(sqlite_sessions, stored, tmp_path, viewer):
    files = MediaFiles(sqlite_sessions, tmp_path / "served", [owner_only(MAYA.id)])
    with pytest.raises(MediaAccessDeniedError):
        files.temporary_copy(viewer, stored.sha256, "x.wav")
    assert not (tmp_path / "served").exists() or not any((tmp_path / "served").iterdir())


def test_no_rules_means_no_access(sqlite_sessions, stored, tmp_path):
    with pytest.raises(MediaAccessDeniedError):
        MediaFiles(sqlite_sessions, tmp_path / "served").temporary_copy(MAYA, stored.sha256, "x")


def test_unknown_blob_looks_the_same_as_a_forbidden_one(sqlite_sessions, tmp_path):
    files = MediaFiles(sqlite_sessions, tmp_path / "served", [lambda *_: True])
    with pytest.raises(MediaAccessDeniedError, match="don't have access"):
        files.temporary_copy(MAYA, "f" * 64, "x")


def test_hostile_file_names_are_flattened(sqlite_sessions, stored, tmp_path):
    files = MediaFiles(sqlite_sessions, tmp_path / "served", [lambda *_: True])
    path = files.temporary_copy(MAYA, stored.sha256, "../../etc/<script>.sh")
    assert path.parent.parent == tmp_path / "served"
    assert path.suffix == ".wav" and "/" not in path.name and "<" not in path.name


def test_old_copies_are_swept(sqlite_sessions, stored, tmp_path):
    files = MediaFiles(sqlite_sessions, tmp_path / "served", [lambda *_: True], max_age_seconds=60)
    old = files.temporary_copy(MAYA, stored.sha256, "x.wav")
    an_hour_ago = time.time() - 3600
    os.utime(old.parent, (an_hour_ago, an_hour_ago))
    assert files.sweep() == 1
    assert not old.exists()


def test_withdrawing_a_blob_removes_every_served_copy_at_once(sqlite_sessions, stored, tmp_path):
    files = MediaFiles(sqlite_sessions, tmp_path / "served", [lambda *_: True])
    copies = [files.temporary_copy(viewer, stored.sha256, "x.wav") for viewer in (MAYA, BOB)]
    assert files.withdraw(stored.sha256) == 2
    assert not any(copy.exists() or copy.parent.exists() for copy in copies)
    assert files.withdraw(stored.sha256) == 0


def test_making_a_copy_sweeps_at_most_once_per_interval(sqlite_sessions, stored, tmp_path):
    """Walking the served folder on every copy made busy pages slower and slower."""
    files = MediaFiles(sqlite_sessions, tmp_path / "served", [lambda *_: True],
                       max_age_seconds=60, sweep_interval_seconds=30)  # fmt: skip
    an_hour_ago = time.time() - 3600
    first = files.temporary_copy(MAYA, stored.sha256, "x.wav")  # the first copy sweeps
    os.utime(first.parent, (an_hour_ago, an_hour_ago))
    files.temporary_copy(BOB, stored.sha256, "x.wav")  # a new copy within the interval: no walk
    assert first.exists()
    assert files.sweep() == 1 and not first.exists()  # the sweep itself still removes it


def test_copies_a_service_authorised_skip_the_rules_and_reuse_without_a_query(
    sqlite_sessions, tmp_path
):
    with transaction(sqlite_sessions) as session:
        clip = media.put_blob(session, b"a clip maya may watch", "video/mp4", max_bytes=1000)
    asked: list[str] = []
    files = MediaFiles(sqlite_sessions, tmp_path / "served",
                       [lambda _s, _viewer, key: asked.append(key) or True])  # fmt: skip
    queries: list[str] = []
    sqlalchemy.event.listen(sqlite_sessions.kw["bind"], "before_cursor_execute",
                            lambda _c, _cur, statement, *_: queries.append(statement))  # fmt: skip
    first, missing = files.authorised_copies(MAYA, [(clip.sha256, "a.mp4"), ("0" * 64, "b.mp4")])
    assert first.read_bytes() == b"a clip maya may watch" and missing is None
    assert asked == []  # the service's own check stands; each fetch is checked (may_fetch)
    queries.clear()
    assert files.authorised_copies(MAYA, [(clip.sha256, "a.mp4")]) == [first]
    assert queries == []  # the viewer's fresh copy again, without touching the database
    files.withdraw(clip.sha256)  # purged: never handed out again
    assert files.authorised_copies(MAYA, [(clip.sha256, "a.mp4")])[0].parent != first.parent
