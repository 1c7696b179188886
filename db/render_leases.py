"""Render leases: which worker holds a clip's render, until when. Callers own transactions.

In the distributed mode (Celery workers on several machines) the broker only carries "render
clip N"; the clip row decides who renders it. A worker *claims* the row with a lease (owner,
expiry), renews it with every progress write, and only the lease holder may store the result.
A duplicate delivery finds a live lease and does nothing; a lease that ran out (the worker died
or hung) may be taken over, at most ``max_attempts`` renders in all. The reaper, on one replica
at a time (a PostgreSQL advisory lock), re-queues expired leases and re-sends queued clips whose
message was never published.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import Connection, Engine, select, text
from sqlalchemy.orm import Session

from db.models import Clip

ClaimOutcome = Literal["claimed", "busy", "finished", "gave_up"]

# pg_try_advisory_xact_lock(REAPER_LOCK_KEY): one reaper pass at a time across all replicas.
REAPER_LOCK_KEY = 0x0C05_7A12  # "costar" reaper; any constant other code doesn't use
# Session-level locks (RENDER_LOCK_SPACE, clip id): held by the process rendering the clip, so
# a redelivered message can tell at once whether the lease holder's process is gone.
RENDER_LOCK_SPACE = 0x0C05


@dataclass(frozen=True)
class LeaseView:
    """What a waiting worker needs to know about someone else's lease."""

    status: str
    owner: str | None
    expires_at: datetime | None


def claim(
    clip: Clip,
    *,
    owner: str,
    now: datetime,
    lease_seconds: float,
    max_attempts: int,
    exclusive: bool,
) -> ClaimOutcome:
    """Take the render of a clip the caller locked ``FOR UPDATE``; the caller counts the attempt.

    ``exclusive``: the caller holds the clip's render lock (:class:`RenderLocks`), so no other
    live process is rendering it; it may then claim a queued clip or take over a running one.
    Without the lock it may only take over a lease that ran out (a holder that hangs with its
    connection open). A clip that already had ``max_attempts`` renders is ``gave_up``: the
    caller marks it failed. A clip that is done, failed or cancelled is ``finished``.
    """
    if clip.status not in ("queued", "running"):
        return "finished"
    expired = clip.lease_expires_at is None or clip.lease_expires_at <= now
    if not exclusive and (clip.status == "queued" or not expired):
        return "busy"
    if clip.status == "running" and clip.attempts >= max_attempts:
        return "gave_up"
    clip.lease_owner = owner
    clip.lease_expires_at = now + timedelta(seconds=lease_seconds)
    return "claimed"


def renew(
    session: Session, clip_id: int, *, owner: str, now: datetime, lease_seconds: float
) -> Clip | None:
    """Extend this worker's lease; None when it no longer holds it (taken over or finished)."""
    clip = session.get(Clip, clip_id, with_for_update=True)
    if clip is None or clip.status != "running" or clip.lease_owner != owner:
        return None
    clip.lease_expires_at = now + timedelta(seconds=lease_seconds)
    return clip


def holds_lease(clip: Clip | None, owner: str | None) -> bool:
    """Whether ``owner`` may still write this clip's outcome (``None``: no lease in use)."""
    if clip is None:
        return False
    return owner is None or (clip.status == "running" and clip.lease_owner == owner)


def lease_view(session: Session, clip_id: int) -> LeaseView | None:
    row = session.execute(
        select(Clip.status, Clip.lease_owner, Clip.lease_expires_at).where(Clip.id == clip_id)
    ).first()
    if row is None:
        return None
    return LeaseView(status=row.status, owner=row.lease_owner, expires_at=row.lease_expires_at)


def expired_leases(session: Session, now: datetime) -> list[Clip]:
    """Running clips whose holder stopped renewing (died, hung, or lost the database)."""
    return list(
        session.execute(
            select(Clip)
            .where(Clip.status == "running", Clip.lease_expires_at < now)
            .order_by(Clip.id)
            .with_for_update(skip_locked=True)
        ).scalars()
    )


def unpublished_queued(session: Session, older_than: datetime, limit: int = 100) -> list[Clip]:
    """Queued clips with no message on the broker (crash or broker down between commit and
    publish), left alone for a grace period so the replica that stored them publishes first."""
    return list(
        session.execute(
            select(Clip)
            .where(Clip.status == "queued", Clip.published_at.is_(None))
            .where(Clip.created_at < older_than)
            .order_by(Clip.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).scalars()
    )


def mark_published(session: Session, clip_ids: list[int], at: datetime) -> None:
    for clip_id in clip_ids:
        clip = session.get(Clip, clip_id)
        if clip is not None and clip.status == "queued":
            clip.published_at = at


def release_lease(clip: Clip) -> None:
    """The render ended (stored, failed or cancelled): the owner stays on record."""
    clip.lease_expires_at = None


def try_reaper_lock(session: Session) -> bool:
    """Whether this transaction may run the reaper pass (PostgreSQL; released at commit)."""
    return bool(
        session.execute(
            text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": REAPER_LOCK_KEY}
        ).scalar_one()
    )


class RenderLocks:
    """PostgreSQL session locks, one per clip, held by the process rendering it.

    A lock lives exactly as long as its holder's database connection: when a worker is killed
    its locks go at once, so a redelivered "render clip N" can take over without waiting for
    the lease to run out. Each held lock keeps one dedicated connection open.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._held: dict[int, Connection] = {}

    def try_acquire(self, clip_id: int) -> bool:
        connection = self._engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:space, :clip)"),
                {"space": RENDER_LOCK_SPACE, "clip": clip_id},
            ).scalar_one()
        except Exception:
            connection.close()
            raise
        if not got:
            connection.close()
            return False
        self._held[clip_id] = connection
        return True

    def release(self, clip_id: int) -> None:
        connection = self._held.pop(clip_id, None)
        if connection is None:
            return
        try:
            connection.execute(
                text("SELECT pg_advisory_unlock(:space, :clip)"),
                {"space": RENDER_LOCK_SPACE, "clip": clip_id},
            )
        finally:
            connection.close()  # closing alone would also release it
