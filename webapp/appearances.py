"""Appearances: every clip that uses one of my doubles, and what I can do about each one.

Whoever made the clip, the owner of a double in its cast can see it (drafts, failures and
private clips included), delete it (the video is purged), report it, or withdraw the creator's
permission to use their doubles, which hides all of that creator's clips with them. Every
action is checked here, on the server, against the signed-in user.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from core.sentences import sentence
from db import audit, social
from db import clips as clip_queries
from db import users as user_queries
from db.base import utcnow
from db.engine import transaction
from db.models import Clip, Double, User
from webapp import permissions
from webapp.auth import CurrentUser
from webapp.grants import record_grant_in_ledger

MAX_REPORT_CHARS = 500
UNFINISHED_STATUSES = ("queued", "running")
NOT_YOUR_APPEARANCE = sentence(
    "appearances.not_yours", "That clip doesn't exist or doesn't use any of your doubles."
)
GRANT_REVOKED_ACTION = "grant.revoked_from_clip"
GRANT_RESTORED_ACTION = "grant.restored_from_clip"


class AppearanceError(Exception):
    """An appearance action was refused; the message says why."""


@dataclass(frozen=True)
class AppearanceRecord:
    """One clip that uses at least one of my doubles, as the Appearances page lists it."""

    clip_public_id: str
    title: str
    creator_username: str
    creator_display_name: str
    created_at: datetime
    status: str
    my_roles: Mapping[str, str]  # role -> @handle of my double playing it
    hidden_reason: str | None
    video_sha: str | None  # None once deleted, or before it finished
    made_by_me: bool
    creator_revoked: bool  # I withdrew the creator's permission for my doubles in this clip


class AppearanceService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], datetime] = utcnow,
        on_video_purged: Callable[[str], object] = lambda _key: None,
    ) -> None:
        self._sessions = sessions
        self._clock = clock
        # Told each purged blob key after the commit, so served copies are withdrawn too.
        self._on_video_purged = on_video_purged

    def list(self, user: CurrentUser) -> list[AppearanceRecord]:
        """Every clip using any of my doubles, whoever made it, in any state; newest first."""
        with transaction(self._sessions) as session:
            rows = clip_queries.appearances_of_owner(session, user.id)
            clips: dict[int, Clip] = {}
            roles: dict[int, dict[str, Double]] = {}
            for clip, role, double in rows:
                clips.setdefault(clip.id, clip)
                roles.setdefault(clip.id, {})[role] = double
            creators = _users_by_id(session, {clip.creator_user_id for clip in clips.values()})
            return [
                _appearance(session, user, clip, roles[clip.id], creators)
                for clip in clips.values()
            ]

    def delete(self, user: CurrentUser, clip_public_id: str) -> str:
        """Remove a clip that uses my double: purge its video, stop its render, hide it.

        Raises:
            AppearanceError: the clip doesn't exist, doesn't use my doubles, or is already gone.
        """
        with transaction(self._sessions) as session:
            clip, mine = self._my_appearance(session, user, clip_public_id)
            if clip.removed_at is not None:
                raise AppearanceError(
                    sentence("appearances.already_deleted", "That clip was already deleted.")
                )
            now = self._clock()
            video_key = clip.video_sha
            purged = clip_queries.remove_clip(
                session, clip, by_user_id=user.id, at=now,
                message=f"Deleted by the owner of {_handles(mine)}.",
            )  # fmt: skip
            audit.record_event(
                session, "appearance.deleted", actor_user_id=user.id, subject=clip.public_id,
                detail={"doubles": sorted(d.public_id for d in mine), "video_purged": purged},
                at=now,
            )  # fmt: skip
        if purged and video_key is not None:
            self._on_video_purged(video_key)
        return sentence(
            "appearances.deleted",
            "Deleted “{title}”: nobody can watch it any more, and its video is gone.",
            title=clip.title,
        )

    def report(self, user: CurrentUser, clip_public_id: str, reason: str) -> str:
        """Store a report about a clip that uses my double.

        Raises:
            AppearanceError: the reason is empty or too long, or the clip isn't one of mine.
        """
        reason = (reason or "").strip()
        if not reason:
            raise AppearanceError(
                sentence(
                    "appearances.reason_missing",
                    "Say briefly what is wrong with this clip (1–{limit} characters).",
                    limit=MAX_REPORT_CHARS,
                )
            )
        if len(reason) > MAX_REPORT_CHARS:
            raise AppearanceError(
                sentence(
                    "appearances.reason_too_long",
                    "The reason is {length} characters; the limit is {limit}.",
                    length=len(reason),
                    limit=MAX_REPORT_CHARS,
                )
            )
        with transaction(self._sessions) as session:
            clip, _mine = self._my_appearance(session, user, clip_public_id)
            now = self._clock()
            report = social.add_report(session, clip.id, user.id, reason, at=now)
            audit.record_event(
                session, "clip.reported", actor_user_id=user.id, subject=clip.public_id,
                detail={"report_id": report.id}, at=now,
            )  # fmt: skip
        return sentence("appearances.reported", "Thanks: your report was recorded.")

    def revoke_creator(self, user: CurrentUser, clip_public_id: str) -> str:
        """Withdraw the clip's creator's permission to use my doubles that appear in it.

        The rulebook then hides every clip of theirs with those doubles and refuses new casts.

        Raises:
            AppearanceError: the clip isn't one of mine, or I made it myself.
        """
        with transaction(self._sessions) as session:
            clip, mine, creator = self._revocation_target(session, user, clip_public_id)
            now = self._clock()
            for double in mine:
                grant = social.grant_of(session, double.id, creator.id)
                previous = grant.status if grant is not None else None  # before set_grant edits it
                if previous == "revoked":
                    continue
                social.set_grant(session, double.id, creator.id, "revoked", at=now)
                record_grant_in_ledger(session, user, double, creator.id, "revoked", now)
                audit.record_event(
                    session, GRANT_REVOKED_ACTION, actor_user_id=user.id,
                    subject=_grant_subject(double, creator.id),
                    detail={"clip": clip.public_id, "previous": previous}, at=now,
                )  # fmt: skip
        return sentence(
            "appearances.revoked",
            "@{username} may no longer use {handles}; every clip of theirs with it is now hidden.",
            username=creator.username,
            handles=_handles(mine),
        )

    def restore_creator(self, user: CurrentUser, clip_public_id: str) -> str:
        """Undo :meth:`revoke_creator`: put back the permission each double had before.

        Raises:
            AppearanceError: the clip isn't one of mine, or I made it myself.
        """
        with transaction(self._sessions) as session:
            clip, mine, creator = self._revocation_target(session, user, clip_public_id)
            now = self._clock()
            for double in mine:
                grant = social.grant_of(session, double.id, creator.id)
                if grant is None or grant.status != "revoked":
                    continue
                previous = _status_before_revocation(session, double, creator.id)
                if previous is None:
                    social.remove_grant(session, double.id, creator.id)
                else:
                    social.set_grant(session, double.id, creator.id, previous, at=now)
                record_grant_in_ledger(session, user, double, creator.id, "restored", now)
                audit.record_event(
                    session, GRANT_RESTORED_ACTION, actor_user_id=user.id,
                    subject=_grant_subject(double, creator.id),
                    detail={"clip": clip.public_id, "restored": previous}, at=now,
                )  # fmt: skip
        return sentence(
            "appearances.restored",
            "@{username} has their earlier permission for {handles} back.",
            username=creator.username,
            handles=_handles(mine),
        )

    def _my_appearance(
        self, session: Session, user: CurrentUser, clip_public_id: str
    ) -> tuple[Clip, list[Double]]:
        """The clip and my doubles in it; one refusal whether it is missing or not mine."""
        clip = clip_queries.find_clip_by_public_id(session, clip_public_id)
        if clip is None:
            raise AppearanceError(NOT_YOUR_APPEARANCE)
        mine = [d for d in permissions.cast_doubles(session, clip) if d.owner_user_id == user.id]
        if not mine:
            raise AppearanceError(NOT_YOUR_APPEARANCE)
        return clip, mine

    def _revocation_target(
        self, session: Session, user: CurrentUser, clip_public_id: str
    ) -> tuple[Clip, list[Double], User]:
        """The clip, my doubles in it and its creator, who must be someone else."""
        clip, mine = self._my_appearance(session, user, clip_public_id)
        return clip, mine, self._creator_not_me(session, user, clip)

    def _creator_not_me(self, session: Session, user: CurrentUser, clip: Clip) -> User:
        if clip.creator_user_id == user.id:
            raise AppearanceError(
                sentence(
                    "appearances.own_clip",
                    "You made this clip yourself: there is nobody to revoke.",
                )
            )
        creator = user_queries.get_user(session, clip.creator_user_id)
        if creator is None:
            raise AppearanceError(
                sentence("appearances.creator_gone", "The creator of this clip no longer exists.")
            )
        return creator


def _appearance(
    session: Session,
    user: CurrentUser,
    clip: Clip,
    my_doubles_by_role: dict[str, Double],
    creators: Mapping[int, tuple[str, str]],
) -> AppearanceRecord:
    username, display_name = creators.get(clip.creator_user_id, ("(deleted account)", ""))
    made_by_me = clip.creator_user_id == user.id
    # Grants are what an owner gives others: my own clips need no lookup (a query per double
    # per row that dominated listing a busy account's appearances).
    revoked = not made_by_me and any(
        (grant := social.grant_of(session, double.id, clip.creator_user_id)) is not None
        and grant.status == "revoked"
        for double in my_doubles_by_role.values()
    )
    return AppearanceRecord(
        clip_public_id=clip.public_id, title=clip.title, creator_username=username,
        creator_display_name=display_name, created_at=clip.created_at, status=clip.status,
        my_roles={role: d.handle for role, d in sorted(my_doubles_by_role.items())},
        hidden_reason=permissions.hidden_reason(session, clip),
        video_sha=clip.video_sha if clip.removed_at is None else None,
        made_by_me=made_by_me, creator_revoked=revoked,
    )  # fmt: skip


def _users_by_id(session: Session, user_ids: set[int]) -> dict[int, tuple[str, str]]:
    return {u.id: (u.username, u.display_name) for u in user_queries.users_by_id(session, user_ids)}


def _handles(doubles: list[Double]) -> str:
    return ", ".join(f"@{double.handle}" for double in doubles)


def _grant_subject(double: Double, user_id: int) -> str:
    return f"grant:{double.public_id}:{user_id}"


def _status_before_revocation(session: Session, double: Double, user_id: int) -> str | None:
    """The grant status the latest clip-page revocation replaced ("approved" or none)."""
    detail = audit.latest_event_detail(
        session, GRANT_REVOKED_ACTION, _grant_subject(double, user_id)
    )
    previous = json.loads(detail).get("previous") if detail else None
    return previous if previous == "approved" else None
