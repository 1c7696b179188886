"""Queries for friendships, blocks, per-person grants and clip reports. Callers own transactions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from db.models import Block, ClipReport, DoubleGrant, Friendship


def ordered_pair(first_user_id: int, second_user_id: int) -> tuple[int, int]:
    return min(first_user_id, second_user_id), max(first_user_id, second_user_id)


def friendship_between(session: Session, user_id: int, other_user_id: int) -> Friendship | None:
    low, high = ordered_pair(user_id, other_user_id)
    return session.execute(
        select(Friendship).where(Friendship.user_low_id == low, Friendship.user_high_id == high)
    ).scalar_one_or_none()


def are_friends(session: Session, user_id: int, other_user_id: int) -> bool:
    friendship = friendship_between(session, user_id, other_user_id)
    return friendship is not None and friendship.status == "accepted"


def friendships_of(session: Session, user_id: int) -> list[Friendship]:
    """Every request and friendship this user is part of, newest first."""
    return list(
        session.execute(
            select(Friendship)
            .where(or_(Friendship.user_low_id == user_id, Friendship.user_high_id == user_id))
            .order_by(Friendship.created_at.desc(), Friendship.id.desc())
        ).scalars()
    )


def friend_ids(session: Session, user_id: int) -> set[int]:
    ids: set[int] = set()
    for friendship in friendships_of(session, user_id):
        if friendship.status == "accepted":
            ids.add(other_member(friendship, user_id))
    return ids


def other_member(friendship: Friendship, user_id: int) -> int:
    if friendship.user_low_id == user_id:
        return friendship.user_high_id
    return friendship.user_low_id


def add_friend_request(
    session: Session, requester_user_id: int, addressee_user_id: int, *, at: datetime
) -> Friendship:
    low, high = ordered_pair(requester_user_id, addressee_user_id)
    friendship = Friendship(
        user_low_id=low, user_high_id=high, requester_user_id=requester_user_id,
        status="pending", created_at=at,
    )  # fmt: skip
    session.add(friendship)
    session.flush()
    return friendship


def end_friendship(session: Session, user_id: int, other_user_id: int) -> bool:
    """Delete the pair's request or friendship; False when there was none."""
    low, high = ordered_pair(user_id, other_user_id)
    result = session.execute(
        delete(Friendship).where(Friendship.user_low_id == low, Friendship.user_high_id == high)
    )
    return bool(result.rowcount)


def is_blocked_either_way(session: Session, user_id: int, other_user_id: int) -> bool:
    row = session.execute(
        select(Block.blocker_user_id).where(
            or_(
                (Block.blocker_user_id == user_id) & (Block.blocked_user_id == other_user_id),
                (Block.blocker_user_id == other_user_id) & (Block.blocked_user_id == user_id),
            )
        )
    ).first()
    return row is not None


def blocked_ids_either_way(session: Session, user_id: int) -> set[int]:
    """Everyone this user blocked or was blocked by."""
    rows = session.execute(
        select(Block.blocker_user_id, Block.blocked_user_id).where(
            or_(Block.blocker_user_id == user_id, Block.blocked_user_id == user_id)
        )
    ).all()
    return {blocked if blocker == user_id else blocker for blocker, blocked in rows}


def blocks_by(session: Session, blocker_user_id: int) -> list[Block]:
    return list(
        session.execute(
            select(Block)
            .where(Block.blocker_user_id == blocker_user_id)
            .order_by(Block.created_at.desc())
        ).scalars()
    )


def add_block(
    session: Session, blocker_user_id: int, blocked_user_id: int, *, at: datetime
) -> None:
    if session.get(Block, (blocker_user_id, blocked_user_id)) is None:
        session.add(
            Block(blocker_user_id=blocker_user_id, blocked_user_id=blocked_user_id, created_at=at)
        )
        session.flush()


def remove_block(session: Session, blocker_user_id: int, blocked_user_id: int) -> bool:
    result = session.execute(
        delete(Block).where(
            Block.blocker_user_id == blocker_user_id, Block.blocked_user_id == blocked_user_id
        )
    )
    return bool(result.rowcount)


def grant_of(session: Session, double_id: int, user_id: int) -> DoubleGrant | None:
    return session.get(DoubleGrant, (double_id, user_id))


def grants_of_double(session: Session, double_id: int) -> list[DoubleGrant]:
    return list(
        session.execute(
            select(DoubleGrant)
            .where(DoubleGrant.double_id == double_id)
            .order_by(DoubleGrant.updated_at.desc())
        ).scalars()
    )


def set_grant(
    session: Session, double_id: int, user_id: int, status: str, *, at: datetime
) -> DoubleGrant:
    grant = grant_of(session, double_id, user_id)
    if grant is None:
        grant = DoubleGrant(
            double_id=double_id, user_id=user_id, status=status, created_at=at, updated_at=at
        )
        session.add(grant)
    else:
        grant.status, grant.updated_at = status, at
    session.flush()
    return grant


def remove_grant(session: Session, double_id: int, user_id: int) -> bool:
    result = session.execute(
        delete(DoubleGrant).where(
            DoubleGrant.double_id == double_id, DoubleGrant.user_id == user_id
        )
    )
    return bool(result.rowcount)


def add_report(
    session: Session, clip_id: int, reporter_user_id: int, reason: str, *, at: datetime
) -> ClipReport:
    report = ClipReport(
        clip_id=clip_id, reporter_user_id=reporter_user_id, reason=reason, created_at=at
    )
    session.add(report)
    session.flush()
    return report


def delete_relationships(session: Session, user_id: int) -> None:
    """Every friendship, block (either way) and grant this user is part of."""
    session.execute(delete(Friendship).where(
        or_(Friendship.user_low_id == user_id, Friendship.user_high_id == user_id)))  # fmt: skip
    session.execute(delete(Block).where(
        or_(Block.blocker_user_id == user_id, Block.blocked_user_id == user_id)))  # fmt: skip
    session.execute(delete(DoubleGrant).where(DoubleGrant.user_id == user_id))
