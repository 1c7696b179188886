"""Per-person limits on render jobs, checked when a clip is queued."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from core.sentences import sentence
from db import clips as clip_queries
from webapp.clips.records import ClipLimitError


@dataclass(frozen=True)
class JobLimits:
    """Per-person limits on render jobs, checked when a clip is queued."""

    max_active: int = 2  # queued + running at once
    max_per_hour: int = 20

    def active_message(self) -> str:
        return sentence(
            "clip.too_many_active",
            "You already have {count} clips in progress. Wait for one to finish (or cancel it), "
            "then try again.",
            count=self.max_active,
        )

    def hourly_message(self) -> str:
        return sentence(
            "clip.too_many_this_hour",
            "You've started {count} clips in the last hour, the most we allow. Please try again a "
            "little later.",
            count=self.max_per_hour,
        )


def check_limits(session: Session, user_id: int, limits: JobLimits, now: datetime) -> None:
    """Refuse a new clip when this person has too many in progress or started too many lately.

    Raises:
        ClipLimitError: with the limit's message.
    """
    clip_queries.lock_creator(session, user_id)
    if clip_queries.count_unfinished_clips(session, user_id) >= limits.max_active:
        raise ClipLimitError(limits.active_message())
    recent = clip_queries.count_clips_created_since(session, user_id, now - timedelta(hours=1))
    if recent >= limits.max_per_hour:
        raise ClipLimitError(limits.hourly_message())
