"""What the clip services hand to the UI: records, errors, the choices and messages it shows."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from core.sentences import sentence
from db import clips as clip_queries
from db.models import Clip

CLIP_VISIBILITY_LABELS = {"only_me": "Only me", "friends": "My friends", "everyone": "Everyone"}
# Embedded renderer sizes: the default and the HD one (about 2.4x the render time).
CLIP_SIZES = {"832x480": (832, 480), "1280x720": (1280, 720)}
CLIP_AUDIENCE_PHRASES = {
    "only_me": "you and the cast's owners",
    "friends": "your friends",
    "everyone": "everyone",
}
CANCELLED_MESSAGE = "Cancelled: the clip was stopped before it finished, and nothing was kept."
RESUMED_MESSAGE = "The app restarted while this clip was rendering; it was queued again."
GAVE_UP_MESSAGE = (
    "The app stopped twice while rendering this clip, so it was not tried again. "
    "Press Generate to make it once more."
)


NOT_YOURS = sentence("clip.not_yours", "That clip doesn't exist or isn't yours.")
# A clip's status as a message names it ("That clip is already done").
STATUS_NAMES = {
    "queued": sentence("clip.status_queued", "queued"),
    "running": sentence("clip.status_running", "running"),
    "done": sentence("clip.status_done", "done"),
    "failed": sentence("clip.status_failed", "failed"),
    "cancelled": sentence("clip.status_cancelled", "cancelled"),
}
# Who may see a clip, as a refusal names it ("... seen by your friends at most").
AUDIENCE_NAMES = {
    "only_me": sentence("clip.audience_only_me", "you and the cast's owners"),
    "friends": sentence("clip.audience_friends", "your friends"),
    "everyone": sentence("clip.audience_everyone", "everyone"),
}


def status_name(status: str) -> object:
    """A clip status as a message says it (translatable); an unknown one as it is."""
    return STATUS_NAMES.get(status, status)


class ClipError(Exception):
    """A clip could not be made; the message says why."""


class ClipLimitError(ClipError):
    """This person has too many clips in progress, or asked for too many too fast."""


@dataclass(frozen=True)
class ClipRecord:
    id: int
    public_id: str
    title: str
    status: str
    progress: float
    status_message: str
    visibility: str
    video_sha: str | None
    duration: float | None
    cast: Mapping[str, str]  # role -> @handle
    metrics: Mapping[str, object] = field(default_factory=dict)
    created_at: datetime | None = None
    queue_position: int | None = None  # queued clips only: renders ahead of this one
    seed: int = 0
    template_id: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed", "cancelled")


@dataclass(frozen=True)
class CastableDouble:
    """A double the signed-in user may put in a clip, as the Studio shows it."""

    id: int
    handle: str
    kind: str
    display_name: str = ""
    owner_username: str = ""
    is_own: bool = True
    restrictions: str = ""
    widest_clip_visibility: str = "everyone"  # the widest audience its owner allows
    is_house: bool = False  # a character the platform provides: nobody's likeness, no owner


def queue_position(session: Session, clip: Clip) -> int | None:
    """How many clips will render before this queued one (0: it is next)."""
    if clip.status != "queued":
        return None
    return clip_queries.renders_ahead_of(session, clip)


def clip_record(clip: Clip, *, queue_position: int | None = None) -> ClipRecord:
    cast = {role: entry["handle"] for role, entry in json.loads(clip.cast_json).items()}
    return ClipRecord(
        id=clip.id, public_id=clip.public_id, title=clip.title, status=clip.status,
        progress=clip.progress, status_message=clip.status_message, visibility=clip.visibility,
        video_sha=clip.video_sha, duration=clip.duration, cast=cast,
        metrics=json.loads(clip.metrics_json), created_at=clip.created_at,
        queue_position=queue_position, seed=clip.seed, template_id=clip.template_id,
    )  # fmt: skip
