"""Data rights: export everything we hold about a person, or delete their account.

Deleting an account purges every double's media, face and voice data (each gets a "deleted"
consent event), removes every clip the person made or appears in (their videos purged), ends
friendships, blocks and grants, and signs every browser out. The consent ledger keeps its
events: dates, statement hashes and check scores, no media and no biometrics.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from core.sentences import sentence
from db import audit, media, social
from db import clips as clip_queries
from db import consent as ledger
from db import doubles as double_queries
from db import users as user_queries
from db.base import utcnow
from db.engine import transaction
from db.models import (
    Clip,
    Double,
    User,
)
from webapp.auth import CurrentUser
from webapp.consent_events import append_follow_up_event


class AccountDataError(Exception):
    """The request can't be carried out; the message says why."""


class AccountDataService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], datetime] = utcnow,
        on_video_purged: Callable[[str], object] = lambda _key: None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        # Told each removed clip's video key after the commit, so served copies go too.
        self._on_video_purged = on_video_purged

    # --- export -------------------------------------------------------------------------------

    def export(self, user: CurrentUser) -> bytes:
        """A zip of my profile, doubles' settings, their consent ledger, my social links and
        my clips (metadata, plus the video of each finished one)."""
        with transaction(self._sessions) as session:
            account = _active_user(session, user)
            doubles = double_queries.doubles_of_owner(session, user.id)
            my_clips = clip_queries.clips_of_creator(session, user.id, newest_first=False)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                _write_json(archive, "profile.json", _profile(session, account))
                _write_json(archive, "doubles.json", [_double(session, d) for d in doubles])
                _write_json(archive, "consent_ledger.json", _ledger(session, doubles))
                _write_json(archive, "friends.json", _social(session, user.id))
                clips_meta = []
                for clip in my_clips:
                    clips_meta.append(_clip(clip))
                    if clip.video_sha and clip.removed_at is None:
                        video = media.read_blob(session, clip.video_sha)
                        archive.writestr(f"clips/{clip.public_id}.mp4", video)
                _write_json(archive, "clips.json", clips_meta)
                archive.writestr("README.txt", _EXPORT_README)
            audit.record_event(session, "account.exported", actor_user_id=user.id,
                               subject=account.username_key, at=self._clock())  # fmt: skip
        return buffer.getvalue()

    # --- deletion -----------------------------------------------------------------------------

    def delete_account(self, user: CurrentUser, confirmation: str) -> dict[str, int]:
        """Delete this account and everything that depends on it, in one transaction.

        Raises:
            AccountDataError: the confirmation isn't the username (nothing is changed).
        """
        if (confirmation or "").strip().casefold() != user.username.casefold():
            raise AccountDataError(
                sentence(
                    "account_data.wrong_confirmation",
                    "That isn't your username. Type your username to confirm.",
                )
            )
        now = self._clock()
        with transaction(self._sessions) as session:
            account = _active_user(session, user)
            doubles = double_queries.doubles_of_owner(session, user.id)
            counts = {"doubles": 0, "clips": 0, "videos": 0}
            removed_keys: list[str] = []
            clips = clip_queries.clips_made_by_or_featuring(
                session, user.id, [d.id for d in doubles]
            )
            for clip in clips:
                if clip.removed_at is None:
                    counts["clips"] += 1
                    if clip.video_sha:
                        removed_keys.append(clip.video_sha)
                    counts["videos"] += clip_queries.remove_clip(
                        session, clip, by_user_id=user.id, at=now,
                        message="Removed: an account in this clip was deleted.",
                    )  # fmt: skip
            for double in doubles:
                _delete_double(session, user, double, now)
                counts["doubles"] += 1
            _end_relationships(session, user.id)
            _anonymise(account)
            audit.record_event(session, "account.deleted", actor_user_id=user.id,
                               subject=f"user:{user.id}", detail=counts, at=now)  # fmt: skip
        for key in removed_keys:
            self._on_video_purged(key)
        return counts


def _active_user(session: Session, user: CurrentUser) -> User:
    account = session.get(User, user.id)
    if account is None or account.status != "active":
        raise AccountDataError(
            sentence("account_data.account_gone", "This account no longer exists.")
        )
    return account


def _delete_double(session: Session, user: CurrentUser, double: Double, now: datetime) -> None:
    erased = double_queries.erase_double(session, double, now)
    append_follow_up_event(
        session, double, actor_user_id=user.id, event_type="deleted",
        evidence={"blobs_erased": erased, "reason": "account deleted"}, at=now,
    )  # fmt: skip


def _end_relationships(session: Session, user_id: int) -> None:
    social.delete_relationships(session, user_id)
    user_queries.delete_sign_ins(session, user_id)


def _anonymise(account: User) -> None:
    """Keep the row (the ledger and audit log point at it) but nothing that names the person."""
    account.status, account.password_hash = "deleted", None
    account.username = account.username_key = f"deleted-{account.id}"
    account.display_name = "Deleted account"


def _write_json(archive: zipfile.ZipFile, name: str, data: object) -> None:
    archive.writestr(name, json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _profile(session: Session, account: User) -> dict[str, object]:
    identities = user_queries.identity_providers(session, account.id)
    return {
        "username": account.username, "display_name": account.display_name,
        "created_at": account.created_at, "password_sign_in": account.password_hash is not None,
        "external_sign_ins": sorted(set(identities)),
    }  # fmt: skip


def _double(session: Session, double: Double) -> dict[str, object]:
    grants = social.grants_of_double(session, double.id)
    names = {u.id: u.username for u in user_queries.users_by_id(
        session, {g.user_id for g in grants})}  # fmt: skip
    return {
        "handle": double.handle, "public_id": double.public_id,
        "display_name": double.display_name, "kind": double.kind,
        "description": double.description, "who_may_use_it": double.visibility,
        "restrictions": double.restrictions, "status": double.status,
        "has_voice": double.has_voice, "created_at": double.created_at,
        "people": [{"username": names.get(g.user_id), "permission": g.status} for g in grants],
    }  # fmt: skip


def _ledger(session: Session, doubles: list[Double]) -> list[dict[str, object]]:
    events = []
    for double in doubles:
        for event in ledger.events_for_double(session, double.id):
            events.append({
                "double": double.public_id, "event": event.event_type,
                "statement_version": event.statement_version,
                "statement_sha256": event.statement_sha256,
                "statement_language": event.statement_language,
                "evidence": json.loads(event.evidence), "scores": json.loads(event.scores),
                "at": event.created_at_text, "event_hash": event.event_hash,
                "prev_hash": event.prev_hash,
            })  # fmt: skip
    return events


def _social(session: Session, user_id: int) -> dict[str, object]:
    friendships = social.friendships_of(session, user_id)
    other_ids = {social.other_member(f, user_id) for f in friendships}
    blocked = social.blocks_by(session, user_id)
    other_ids |= {b.blocked_user_id for b in blocked}
    names = {u.id: u.username for u in user_queries.users_by_id(session, other_ids)}
    return {
        "friends": [names[social.other_member(f, user_id)] for f in friendships
                    if f.status == "accepted"],
        "requests_sent": [names[social.other_member(f, user_id)] for f in friendships
                          if f.status == "pending" and f.requester_user_id == user_id],
        "requests_received": [names[social.other_member(f, user_id)] for f in friendships
                              if f.status == "pending" and f.requester_user_id != user_id],
        "blocked": [names[b.blocked_user_id] for b in blocked],
    }  # fmt: skip


def _clip(clip: Clip) -> dict[str, object]:
    return {
        "public_id": clip.public_id, "title": clip.title, "status": clip.status,
        "visibility": clip.visibility, "created_at": clip.created_at,
        "script": json.loads(clip.script_json), "cast": json.loads(clip.cast_json),
        "seed": clip.seed, "metrics": json.loads(clip.metrics_json),
        "removed": clip.removed_at is not None,
        "video": f"clips/{clip.public_id}.mp4" if clip.video_sha and not clip.removed_at else None,
    }  # fmt: skip


_EXPORT_README = """\
Co-Star Studio data export

profile.json         your account
doubles.json         your doubles' settings and who you allowed (or stopped) using them
consent_ledger.json  every consent event of your doubles (hash-chained; no media)
friends.json         friends, requests and blocks
clips.json           clips you made; finished videos are in clips/
Reference media (your videos, face and voice data) is not exported: it stays in the app
until you delete the double or your account, which erases it.
"""
