"""Feeds: my clips, clips featuring me, friends' clips and public clips, one page at a time.

SQL narrows each section to plausible clips in time order; every clip then goes through the
rulebook (``permissions.may_view_clip``) before it becomes a card, so a feed never shows what
the viewer may not watch. Filtering after the query means a page may need more rows than it
shows: rows are read in batches, and at most ``MAX_SCANNED_CLIPS`` per page request.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal, get_args

from sqlalchemy import Select
from sqlalchemy.orm import Session, sessionmaker

from core.media.video_encode import VideoEncodeError
from core.sentences import sentence
from db import clips as clip_queries
from db import media, social
from db import users as user_queries
from db.engine import transaction
from db.models import Clip
from webapp import permissions
from webapp.auth import CurrentUser
from webapp.provenance import (
    ClipVerification,
    ProvenanceStatus,
    provenance_status,
    verify_clip_file,
)

FeedSection = Literal["mine", "featuring_me", "friends", "public"]
FEED_SECTIONS: tuple[FeedSection, ...] = get_args(FeedSection)
FEED_SECTION_LABELS: Mapping[FeedSection, str] = {
    "mine": "My clips",
    "featuring_me": "Featuring me",
    "friends": "Friends' clips",
    "public": "Public",
}
DEFAULT_PAGE_SIZE = 12
MAX_PAGE_SIZE = 48
MAX_SCANNED_CLIPS = 600  # per page request: bounds the work a deep page of a filtered feed costs
_SCAN_BATCH = 60
CLIP_NOT_VIEWABLE = sentence(
    "feed.not_viewable", "That clip doesn't exist or you may not watch it."
)


class FeedError(Exception):
    """A feed request was refused; the message says why."""


@dataclass(frozen=True)
class ClipCard:
    """One clip as a feed shows it."""

    public_id: str
    title: str
    creator_username: str
    creator_display_name: str
    cast: Mapping[str, str]  # role -> @handle
    status: str
    status_message: str
    duration: float | None
    created_at: datetime
    metrics: Mapping[str, object]
    provenance: ProvenanceStatus
    visibility: str
    video_sha: str | None  # only when the viewer may watch it
    can_star_in: bool  # viewable and finished: the viewer may re-render it with their double
    hidden_reason: str | None


@dataclass(frozen=True)
class FeedPage:
    section: FeedSection
    cards: tuple[ClipCard, ...]
    page_number: int
    has_previous: bool
    has_next: bool


class FeedService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        trust_anchor: Callable[[], bytes | None] = lambda: None,
    ) -> None:
        self._sessions = sessions
        self._trust_anchor = trust_anchor

    def page(
        self,
        user: CurrentUser,
        section: str,
        page_number: int = 1,
        page_size: int = DEFAULT_PAGE_SIZE,
    ) -> FeedPage:
        """One page (1-based) of a section, newest first.

        Raises:
            FeedError: the section is unknown or the page size is out of range.
        """
        if section not in FEED_SECTIONS:
            raise FeedError(f"Unknown feed section {section!r}; choose one of {FEED_SECTIONS}.")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise FeedError(f"A page holds 1 to {MAX_PAGE_SIZE} clips, not {page_size}.")
        page_number = max(1, int(page_number))
        start = (page_number - 1) * page_size
        with transaction(self._sessions) as session:
            query = _section_query(session, user, section)  # type: ignore[arg-type]
            clips, has_next = _visible_window(
                query, session, lambda clip: _belongs(session, user, section, clip),
                start=start, count=page_size,
            )  # fmt: skip
            creators = {u.id: u for u in user_queries.users_by_id(
                session, {clip.creator_user_id for clip in clips})}  # fmt: skip
            cards = tuple(_card(session, user, clip, creators) for clip in clips)
        return FeedPage(section, cards, page_number, page_number > 1, has_next)  # type: ignore[arg-type]

    def verify(self, user: CurrentUser, clip_public_id: str) -> ClipVerification:
        """Read the label, watermark and C2PA manifest back from a clip's stored video.

        Raises:
            FeedError: the viewer may not watch the clip, it has no video, or it can't be decoded.
        """
        with transaction(self._sessions) as session:
            clip = _clip_by_public_id(session, clip_public_id)
            if clip is None or not permissions.may_view_clip(session, user.id, clip):
                raise FeedError(CLIP_NOT_VIEWABLE)
            if clip.video_sha is None:
                raise FeedError(
                    sentence("feed.no_video", "That clip has no finished video to verify.")
                )
            data = media.read_blob(session, clip.video_sha)
            public_id = clip.public_id
        folder = Path(tempfile.mkdtemp(prefix="costar-verify-"))
        try:
            path = folder / f"{public_id}.mp4"
            path.write_bytes(data)
            return verify_clip_file(
                path, clip_public_id=public_id, trust_anchor_pem=self._trust_anchor()
            )
        except VideoEncodeError as error:
            undecoded = sentence(
                "feed.undecodable", "The clip's video could not be decoded: {reason}",
                reason=str(error),
            )  # fmt: skip
            raise FeedError(undecoded) from None
        finally:
            shutil.rmtree(folder, ignore_errors=True)


def _section_query(session: Session, user: CurrentUser, section: FeedSection) -> Select:
    friends = social.friend_ids(session, user.id) if section == "friends" else set()
    return clip_queries.feed_query(section, user.id, friends)


def _belongs(session: Session, user: CurrentUser, section: str, clip: Clip) -> bool:
    if section == "mine":
        return True  # the creator always sees their own clips listed, with any hidden reason
    return permissions.may_view_clip(session, user.id, clip)


def _visible_window(
    query: Select, session: Session, keep: Callable[[Clip], bool], *, start: int, count: int
) -> tuple[list[Clip], bool]:
    """Clips ``start`` .. ``start + count`` of those ``keep`` accepts, and whether more follow."""
    wanted = start + count + 1  # one extra tells whether a next page exists
    kept: list[Clip] = []
    scanned = 0
    while len(kept) < wanted and scanned < MAX_SCANNED_CLIPS:
        # Only the rows the page still needs: each row read gives up the interpreter lock,
        # which under load costs a wait to get it back. Hidden clips just mean another round.
        limit = min(_SCAN_BATCH, wanted - len(kept))
        batch = clip_queries.clips_page(session, query, offset=scanned, limit=limit)
        clip_queries.read_casts(session, batch)  # one query for the rulebook's many questions
        kept.extend(clip for clip in batch if keep(clip))
        scanned += len(batch)
        if len(batch) < limit:
            break
    return kept[start : start + count], len(kept) > start + count


def _card(session: Session, user: CurrentUser, clip: Clip, creators: Mapping) -> ClipCard:
    creator = creators.get(clip.creator_user_id)
    viewable = permissions.may_view_clip(session, user.id, clip)
    return ClipCard(
        public_id=clip.public_id, title=clip.title,
        creator_username=creator.username if creator else "(deleted account)",
        creator_display_name=creator.display_name if creator else "",
        cast={role: entry["handle"] for role, entry in json.loads(clip.cast_json).items()},
        status=clip.status, status_message=clip.status_message, duration=clip.duration,
        created_at=clip.created_at, metrics=json.loads(clip.metrics_json or "{}"),
        provenance=provenance_status(clip.provenance_json, clip.public_id),
        visibility=clip.visibility, video_sha=clip.video_sha if viewable else None,
        can_star_in=viewable and clip.status == "done" and clip.video_sha is not None,
        hidden_reason=permissions.hidden_reason(session, clip),
    )  # fmt: skip


def _clip_by_public_id(session: Session, public_id: str) -> Clip | None:
    return clip_queries.find_clip_by_public_id(session, public_id)
