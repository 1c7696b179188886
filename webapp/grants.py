"""Per-person permissions on one double, managed by its owner only.

* **approve** lets one person cast a double whose tier is "People I approve".
* **withdraw** takes permission away from one person whatever the tier (even "Everyone"),
  and hides the clips they made with the double (see webapp.permissions).
* **restore** lifts a withdrawal: the person is back to what the tier gives everybody.

Each change is written to the double's consent ledger as ``settings_changed`` (plus an audit
event), because who may use a likeness is part of the consent its owner gives: the ledger is
the append-only, hash-chained record every clip's manifest points at, so a clip made after a
change points at a ledger head that includes it. The evidence holds the grantee's user id
only, no names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from core.accounts import username_key
from core.sentences import sentence
from db import audit, social
from db import doubles as double_queries
from db import users as user_queries
from db.base import utcnow
from db.engine import transaction
from db.models import Double, DoubleGrant, User
from webapp.auth import CurrentUser
from webapp.consent_events import append_follow_up_event
from webapp.friends import no_such_person

NOT_YOURS = sentence("grants.not_yours", "That double doesn't exist or isn't yours.")


class GrantError(Exception):
    """A permission change was refused; the message says why and is safe to show."""


@dataclass(frozen=True)
class GrantRecord:
    username: str
    display_name: str
    status: str  # "approved" | "revoked"
    updated_at: datetime


class GrantService:
    def __init__(
        self, sessions: sessionmaker[Session], clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    def list_grants(self, user: CurrentUser, double_handle: str) -> list[GrantRecord]:
        """Who is approved for, and who is withdrawn from, my double; newest change first.

        Raises:
            GrantError: the double isn't this user's.
        """
        with transaction(self._sessions) as session:
            double = self._owned(session, user, double_handle)
            return self._records(session, double)

    def approve(self, user: CurrentUser, double_handle: str, username: str) -> list[GrantRecord]:
        """Let ``username`` cast my double (also turns a withdrawal into an approval).

        Raises:
            GrantError: not my double, no such person (or a block between us), myself, or
                already approved. Nothing is written.
        """
        return self._change(user, double_handle, username, "approved")

    def withdraw(self, user: CurrentUser, double_handle: str, username: str) -> list[GrantRecord]:
        """Take away ``username``'s permission to use my double, whatever its tier.

        Raises:
            GrantError: not my double, no such person, myself, or already withdrawn.
        """
        return self._change(user, double_handle, username, "revoked")

    def restore(self, user: CurrentUser, double_handle: str, username: str) -> list[GrantRecord]:
        """Lift a withdrawal: ``username`` gets what the double's tier gives everyone.

        Raises:
            GrantError: not my double, or that person's permission wasn't withdrawn.
        """
        now = self._clock()
        with transaction(self._sessions) as session:
            double = self._owned(session, user, double_handle)
            grantee = self._grantee(session, user, username)
            grant = social.grant_of(session, double.id, grantee.id)
            if grant is None or grant.status != "revoked":
                raise GrantError(
                    sentence(
                        "grants.not_withdrawn",
                        "{username}'s permission to use @{handle} isn't withdrawn.",
                        username=grantee.username,
                        handle=double.handle,
                    )
                )
            social.remove_grant(session, double.id, grantee.id)
            self._log(session, user, double, grantee, "restored", now)
            return self._records(session, double)

    def _change(
        self, user: CurrentUser, double_handle: str, username: str, status: str
    ) -> list[GrantRecord]:
        now = self._clock()
        with transaction(self._sessions) as session:
            double = self._owned(session, user, double_handle)
            grantee = self._grantee(session, user, username)
            grant = social.grant_of(session, double.id, grantee.id)
            if grant is not None and grant.status == status:
                raise GrantError(_already(status, grantee.username, double.handle))
            social.set_grant(session, double.id, grantee.id, status, at=now)
            self._log(session, user, double, grantee, status, now)
            return self._records(session, double)

    def _owned(self, session: Session, user: CurrentUser, double_handle: str) -> Double:
        handle = str(double_handle or "").strip().removeprefix("@").lower()
        double = double_queries.find_double_by_handle(session, handle) if handle else None
        if double is None or double.owner_user_id != user.id or double.status == "deleted":
            raise GrantError(NOT_YOURS)
        return double

    def _grantee(self, session: Session, user: CurrentUser, username: str) -> User:
        name = str(username or "").strip().removeprefix("@").strip()
        if not name:
            raise GrantError(
                sentence("grants.username_missing", "Type the username of the person.")
            )
        other = user_queries.find_user_by_username(session, username_key(name))
        if other is not None and other.id == user.id:
            raise GrantError(
                sentence("grants.own_double", "You own this double: you can always use it.")
            )
        if (other is None or other.status != "active"
                or social.is_blocked_either_way(session, user.id, other.id)):  # fmt: skip
            raise GrantError(no_such_person(name))
        return other

    def _records(self, session: Session, double: Double) -> list[GrantRecord]:
        grants = social.grants_of_double(session, double.id)
        people = {u.id: u for u in user_queries.users_by_id(session, {g.user_id for g in grants})}
        return [_grant_record(people[grant.user_id], grant) for grant in grants]

    def _log(
        self, session: Session, user: CurrentUser, double: Double, grantee: User, change: str,
        now: datetime,
    ) -> None:  # fmt: skip
        record_grant_in_ledger(session, user, double, grantee.id, change, now)
        audit.record_event(
            session, f"double.grant_{change}", actor_user_id=user.id, subject=double.public_id,
            detail={"grantee_user_id": grantee.id}, at=now,
        )  # fmt: skip


def _already(status: str, username: str, handle: str) -> str:
    if status == "approved":
        return sentence(
            "grants.already_approved",
            "{username} is already approved for @{handle}.",
            username=username,
            handle=handle,
        )
    return sentence(
        "grants.already_withdrawn",
        "{username} is already withdrawn from @{handle}.",
        username=username,
        handle=handle,
    )


def record_grant_in_ledger(
    session: Session, owner: CurrentUser, double: Double, grantee_user_id: int, change: str,
    now: datetime,
) -> None:  # fmt: skip
    """Who may use a likeness is part of its owner's consent: every change goes in the ledger."""
    append_follow_up_event(
        session, double, actor_user_id=owner.id, event_type="settings_changed",
        evidence={"grant": change, "grantee_user_id": grantee_user_id}, at=now,
    )  # fmt: skip


def _grant_record(grantee: User, grant: DoubleGrant) -> GrantRecord:
    return GrantRecord(
        username=grantee.username, display_name=grantee.display_name, status=grant.status,
        updated_at=grant.updated_at,
    )  # fmt: skip
