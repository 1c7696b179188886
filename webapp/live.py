"""What changed for a signed-in person since their page last looked: counts for the tab names
and small summaries that tell each list when to redraw (polled by ``webapp/ui/live.py``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from db import live as live_queries
from db.engine import transaction
from webapp.auth import CurrentUser

UNFINISHED = ("queued", "running")


@dataclass(frozen=True)
class LiveCounts:
    incoming_requests: int  # friend requests waiting for my answer
    appearances: int  # clips (not deleted) that cast one of my doubles
    clips_in_progress: int  # my clips queued or rendering
    # Summaries compared between polls; a list is redrawn only when its summary changed.
    friendships: tuple[tuple[int, str, int], ...]
    appearance_states: tuple[tuple[int, str, bool], ...]
    clip_states: tuple[tuple[int, str, bool], ...]


class LiveService:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def counts(self, user: CurrentUser) -> LiveCounts:
        """One short read transaction: four small indexed queries."""
        with transaction(self._sessions) as session:
            incoming = live_queries.incoming_request_count(session, user.id)
            friendships = tuple(live_queries.friendship_states(session, user.id))
            appearances = tuple(live_queries.appearance_clip_states(session, user.id))
            clips = tuple(live_queries.clip_states_of_creator(session, user.id))
        return LiveCounts(
            incoming_requests=incoming,
            appearances=sum(1 for _id, _status, removed in appearances if not removed),
            clips_in_progress=sum(
                1 for _id, status, removed in clips if status in UNFINISHED and not removed
            ),
            friendships=friendships,
            appearance_states=appearances,
            clip_states=clips,
        )
