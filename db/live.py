"""Cheap queries that open pages poll to stay current (a few small rows per signed-in browser).

Each returns a small, ordered summary: the page compares it with the last one it saw and only
redraws a list when it changed. Callers own transactions.
"""

from __future__ import annotations

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from db.models import Appearance, Clip, Double, Friendship

ClipState = tuple[int, str, bool]  # clip id, status, removed


def incoming_request_count(session: Session, user_id: int) -> int:
    """Friend requests waiting for this user's answer."""
    return session.execute(
        select(func.count(Friendship.id)).where(
            Friendship.status == "pending",
            Friendship.requester_user_id != user_id,
            or_(Friendship.user_low_id == user_id, Friendship.user_high_id == user_id),
        )
    ).scalar_one()


def friendship_states(session: Session, user_id: int) -> list[tuple[int, str, int]]:
    """(friendship id, status, requester) of every request and friendship this user is in."""
    rows = session.execute(
        select(Friendship.id, Friendship.status, Friendship.requester_user_id)
        .where(or_(Friendship.user_low_id == user_id, Friendship.user_high_id == user_id))
        .order_by(Friendship.id)
    ).all()
    return [(row[0], row[1], row[2]) for row in rows]


def clip_states_of_creator(session: Session, creator_user_id: int) -> list[ClipState]:
    """(id, status, removed) of every clip this user made, oldest first."""
    rows = session.execute(
        select(Clip.id, Clip.status, Clip.removed_at.is_not(None))
        .where(Clip.creator_user_id == creator_user_id)
        .order_by(Clip.id)
    ).all()
    return [(row[0], row[1], bool(row[2])) for row in rows]


def appearance_clip_states(session: Session, owner_user_id: int) -> list[ClipState]:
    """(id, status, removed) of every clip that casts one of this user's doubles."""
    rows = session.execute(
        select(Clip.id, Clip.status, Clip.removed_at.is_not(None))
        .join(Appearance, Appearance.clip_id == Clip.id)
        .join(Double, Double.id == Appearance.double_id)
        .where(Double.owner_user_id == owner_user_id)
        .distinct()
        .order_by(Clip.id)
    ).all()
    return [(row[0], row[1], bool(row[2])) for row in rows]
