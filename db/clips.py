"""Queries and changes for clips shared by several services. Callers own transactions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db import doubles as double_queries
from db import media
from db.models import Appearance, Clip

UNFINISHED_STATUSES = ("queued", "running")


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
