"""Data rights: the export holds what we keep; deleting an account cascades and rolls back whole."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import func, select

from db import consent as ledger
from db import social
from db.base import utcnow
from db.engine import transaction
from db.models import AuthSession, Clip, Double, DoubleReference, Friendship, MediaBlob, User
from tests.core.generation.generation_fakes import two_role_script
from tests.webapp.test_clips import add_double
from tests.webapp.test_jobs import make_service
from webapp.account_data import AccountDataError, AccountDataService
from webapp.auth import LoginError

PEOPLE = two_role_script(buddy_kinds=("person",))


@pytest.fixture
def world(sessions, make_auth, tmp_path):
    """Maya (with a unicode name) and Bob are friends; each made a clip starring both."""
    auth = make_auth(sessions)
    maya = auth.sign_up("maya", "correct horse battery", "Maya 🌙 &amp; Co")
    bob = auth.sign_up("bob", "correct horse battery", "Bob")
    with transaction(sessions) as session:
        for signed_in, handle in ((maya, "maya"), (bob, "bob")):
            session.get(Double, add_double(session, signed_in.user, handle)).visibility = "friends"
        friendship = social.add_friend_request(session, maya.user.id, bob.user.id, at=utcnow())
        friendship.status = "accepted"
    clips = make_service(sessions, tmp_path, max_active=5)
    made = {}
    for signed_in in (maya, bob):
        clip = clips.create(signed_in.user, PEOPLE, {"lead": signed_in.user.username,
                            "buddy": "bob" if signed_in is maya else "maya"}, seed=3,
                            visibility="friends")  # fmt: skip
        made[signed_in.user.username] = clips.render(signed_in.user, clip.id)
    return auth, maya, bob, made


def count(sessions, model, *where) -> int:
    with transaction(sessions) as session:
        return session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def test_export_holds_profile_doubles_ledger_friends_and_my_clips(sessions, world):
    _, maya, _, made = world
    archive = zipfile.ZipFile(io.BytesIO(AccountDataService(sessions).export(maya.user)))
    names = set(archive.namelist())
    mine = made["maya"].public_id
    assert {"profile.json", "doubles.json", "consent_ledger.json", "friends.json", "clips.json",
            f"clips/{mine}.mp4", "README.txt"} <= names  # fmt: skip
    assert f"clips/{made['bob'].public_id}.mp4" not in names  # Bob's clip is his to export
    profile = json.loads(archive.read("profile.json"))
    assert profile["display_name"] == "Maya 🌙 &amp; Co"  # stored as typed, exported as typed
    assert [d["handle"] for d in json.loads(archive.read("doubles.json"))] == ["maya"]
    assert json.loads(archive.read("consent_ledger.json"))[0]["event"] == "given"
    assert json.loads(archive.read("friends.json"))["friends"] == ["bob"]
    assert archive.read(f"clips/{mine}.mp4")[4:8] == b"ftyp"


def test_wrong_confirmation_changes_nothing(sessions, world):
    _, maya, _, _ = world
    with pytest.raises(AccountDataError, match="isn't your username"):
        AccountDataService(sessions).delete_account(maya.user, "bob")
    assert count(sessions, User, User.status == "deleted") == 0
    assert count(sessions, Clip, Clip.removed_at.is_not(None)) == 0


def test_deleting_an_account_cascades(sessions, world):
    auth, maya, bob, made = world
    blobs_before = count(sessions, MediaBlob)
    withdrawn: list[str] = []
    service = AccountDataService(sessions, on_video_purged=withdrawn.append)
    counts = service.delete_account(maya.user, " MAYA ")
    assert sorted(withdrawn) == sorted(c.video_sha for c in made.values())  # served copies go
    assert counts == {"doubles": 1, "clips": 2, "videos": 2}
    with transaction(sessions) as session:
        account = session.get(User, maya.user.id)
        assert (account.status, account.username, account.password_hash) == (
            "deleted", f"deleted-{maya.user.id}", None)  # fmt: skip
        double = session.execute(
            select(Double).where(Double.owner_user_id == maya.user.id)
        ).scalar_one()
        assert double.status == "deleted" and session.get(DoubleReference, double.id) is None
        assert [e.event_type for e in ledger.events_for_double(session, double.id)][-1] == "deleted"
        assert ledger.verify_ledger(session).ok  # the chain still holds
        for clip in made.values():  # hers, and Bob's clip with her double in it
            row = session.get(Clip, clip.id)
            assert row.removed_at is not None and row.video_sha is None
    assert count(sessions, MediaBlob) < blobs_before  # videos and reference media erased
    assert count(sessions, Friendship) == 0
    assert count(sessions, AuthSession, AuthSession.user_id == maya.user.id) == 0
    assert auth.current_user(maya.token) is None  # signed out everywhere
    with pytest.raises(LoginError):
        auth.log_in("maya", "correct horse battery")
    assert auth.current_user(bob.token) is not None  # Bob is untouched
    assert auth.sign_up("maya", "another good password").user.id != maya.user.id  # name freed
