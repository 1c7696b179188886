"""Queries and changes for clips shared by several services. Callers own transactions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, event, func, or_, select
from sqlalchemy.orm import Session, UOWTransaction

from db import doubles as double_queries
from db import media
from db.models import Appearance, Clip, Double, User

UNFINISHED_STATUSES = ("queued", "running")
# session.info key: clip id -> its cast doubles, read once per transaction (see cast_doubles).
_CAST_MEMO = "costar.cast_doubles"


def remove_clip(
    session: Session, clip: Clip, *, by_user_id: int | None, at: datetime, message: str
) -> bool:
    """Take a clip down for good: stop its job, hide it, purge its video. Returns whether a blob
    was deleted (not when identical bytes still back another clip or a double)."""
    clip.removed_at, clip.removed_by_user_id = at, by_user_id
    clip.status_message = message[:500]
    if clip.status in UNFINISHED_STATUSES:
        clip.cancel_requested = True  # a running render stops within a second
    if clip.status == "queued":
        clip.status, clip.finished_at = "cancelled", at  # no worker will touch it any more
    return purge_video(session, clip)


def purge_video(session: Session, clip: Clip) -> bool:
    """Drop the clip's video; delete the blob when no other clip or double still uses it."""
    key, clip.video_sha = clip.video_sha, None
    if key is None:
        return False
    session.flush()
    still_used = session.execute(select(Clip.id).where(Clip.video_sha == key)).first()
    if still_used is not None or double_queries.blob_is_referenced(session, key):
        return False
    return media.delete_blob(session, key)


def clips_made_by_or_featuring(session: Session, user_id: int, double_ids: list[int]) -> list[Clip]:
    """Every clip this user created or that casts one of these doubles, oldest first."""
    featuring = select(Appearance.clip_id).where(Appearance.double_id.in_(double_ids or [-1]))
    return list(
        session.execute(
            select(Clip)
            .where(or_(Clip.creator_user_id == user_id, Clip.id.in_(featuring)))
            .order_by(Clip.id)
        ).scalars()
    )


def lock_creator(session: Session, user_id: int) -> None:
    """Lock the creator's row so a burst of requests is counted one at a time (PostgreSQL;
    SQLite's BEGIN IMMEDIATE already serialises writers)."""
    session.execute(select(User.id).where(User.id == user_id).with_for_update()).first()


def count_unfinished_clips(session: Session, creator_user_id: int) -> int:
    """Clips of this creator that are queued or rendering."""
    return session.execute(
        select(func.count())
        .select_from(Clip)
        .where(Clip.creator_user_id == creator_user_id, Clip.status.in_(UNFINISHED_STATUSES))
    ).scalar_one()


def count_clips_created_since(session: Session, creator_user_id: int, since: datetime) -> int:
    return session.execute(
        select(func.count())
        .select_from(Clip)
        .where(Clip.creator_user_id == creator_user_id, Clip.created_at > since)
    ).scalar_one()


def find_clip_by_public_id(session: Session, public_id: str) -> Clip | None:
    """The clip with this public id (surrounding blanks ignored), or None."""
    wanted = str(public_id or "").strip()
    return session.execute(select(Clip).where(Clip.public_id == wanted)).scalar_one_or_none()


def oldest_queued_clip(session: Session) -> tuple[Clip, User] | None:
    """The oldest queued clip and its creator, for a render worker."""
    row = session.execute(
        select(Clip, User)
        .join(User, User.id == Clip.creator_user_id)
        .where(Clip.status == "queued")
        .order_by(Clip.id)
        .limit(1)
    ).first()
    return None if row is None else (row[0], row[1])


def clips_with_status(session: Session, status: str) -> list[Clip]:
    return list(session.execute(select(Clip).where(Clip.status == status)).scalars())


def clips_of_creator(
    session: Session, creator_user_id: int, *, newest_first: bool = True
) -> list[Clip]:
    """This creator's clips, newest (or oldest) first."""
    order = Clip.id.desc() if newest_first else Clip.id
    return list(
        session.execute(
            select(Clip).where(Clip.creator_user_id == creator_user_id).order_by(order)
        ).scalars()
    )


def clips_with_video(session: Session, video_sha: str) -> list[Clip]:
    return list(session.execute(select(Clip).where(Clip.video_sha == video_sha)).scalars())


def renders_ahead_of(session: Session, clip: Clip) -> int:
    """How many clips will render before this queued one: those running, and older queued ones."""
    ahead = (
        select(func.count())
        .select_from(Clip)
        .where(or_(Clip.status == "running", (Clip.status == "queued") & (Clip.id < clip.id)))
    )
    return int(session.execute(ahead).scalar_one())


def appearances_of_owner(session: Session, owner_user_id: int) -> list[tuple[Clip, str, Double]]:
    """(clip, role, double) for every clip casting a double of this owner, newest clip first."""
    rows = session.execute(
        select(Clip, Appearance.role, Double)
        .join(Appearance, Appearance.clip_id == Clip.id)
        .join(Double, Double.id == Appearance.double_id)
        .where(Double.owner_user_id == owner_user_id)
        .order_by(Clip.created_at.desc(), Clip.id.desc(), Appearance.role)
    ).all()
    return [(clip, role, double) for clip, role, double in rows]


def cast_doubles(session: Session, clip: Clip) -> list[Double]:
    """The doubles cast in this clip.

    Remembered for the rest of the transaction: a page of clips asks the permission rules
    about each clip several times (who owns the cast, who withdrew, who is blocked), which
    was most of a feed page's queries. A clip's cast is written once, with the clip, and
    never changed; any flush still forgets what was remembered (``_forget_casts``).
    """
    memo: dict[int, list[Double]] = session.info.setdefault(_CAST_MEMO, {})
    if clip.id not in memo:
        memo[clip.id] = list(
            session.execute(
                select(Double)
                .join(Appearance, Appearance.double_id == Double.id)
                .where(Appearance.clip_id == clip.id)
                .order_by(Double.id)
            ).scalars()
        )
    return list(memo[clip.id])


def read_casts(session: Session, clips: Sequence[Clip]) -> None:
    """Read the casts of several clips in one query, for ``cast_doubles`` to answer from (a
    feed page's rulebook asks about every clip in it)."""
    memo: dict[int, list[Double]] = session.info.setdefault(_CAST_MEMO, {})
    found: dict[int, list[Double]] = {clip.id: [] for clip in clips if clip.id not in memo}
    if not found:
        return
    rows = session.execute(
        select(Appearance.clip_id, Double)
        .join(Double, Double.id == Appearance.double_id)
        .where(Appearance.clip_id.in_(found))
        .order_by(Appearance.clip_id, Double.id)
    )
    for clip_id, double in rows:
        found[clip_id].append(double)
    memo.update(found)


@event.listens_for(Session, "after_flush")
def _forget_casts(session: Session, _flush: UOWTransaction) -> None:
    session.info.pop(_CAST_MEMO, None)


@event.listens_for(Session, "after_transaction_end")
def _forget_casts_after_transaction(session: Session, _transaction: object) -> None:
    session.info.pop(_CAST_MEMO, None)


def feed_query(section: str, viewer_user_id: int, friend_user_ids: set[int]) -> Select[tuple[Clip]]:
    """A feed section's clips, newest first, before the per-clip permission check.

    ``mine`` lists every status, hidden and deleted ones too (the card says why); the others
    list finished clips that are not removed: ``featuring_me`` those casting the viewer's
    doubles, ``friends`` friends' clips shared with friends or everyone, else public ones.
    """
    newest_first = (Clip.created_at.desc(), Clip.id.desc())
    if section == "mine":
        return select(Clip).where(Clip.creator_user_id == viewer_user_id).order_by(*newest_first)
    shown = select(Clip).where(Clip.status == "done", Clip.removed_at.is_(None))
    if section == "featuring_me":
        with_my_doubles = (
            select(Appearance.clip_id)
            .join(Double, Double.id == Appearance.double_id)
            .where(Double.owner_user_id == viewer_user_id)
        )
        return shown.where(Clip.id.in_(with_my_doubles)).order_by(*newest_first)
    if section == "friends":
        return shown.where(
            Clip.creator_user_id.in_(friend_user_ids), Clip.visibility.in_(("friends", "everyone"))
        ).order_by(*newest_first)
    return shown.where(Clip.visibility == "everyone").order_by(*newest_first)


def clips_page(
    session: Session, query: Select[tuple[Clip]], *, offset: int, limit: int
) -> list[Clip]:
    return list(session.execute(query.offset(offset).limit(limit)).scalars().all())
