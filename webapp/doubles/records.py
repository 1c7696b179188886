"""What the double services hand to the UI: records, settings, consent answers, errors and the
choices the UI offers (from the database's closed sets, so they can't drift)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import get_args

from core.types import DoubleKind
from db.models import VISIBILITY_TIERS, Double

Visibility = str  # one of db.models.VISIBILITY_TIERS
VISIBILITY_LABELS = {
    "only_me": "Only me",
    "approved": "People I approve",
    "friends": "My friends",
    "everyone": "Everyone",
}


class DoubleError(Exception):
    """A double could not be registered or changed; the message says why."""


class DoubleNotFoundError(DoubleError):
    """No such double, or it isn't yours (we don't say which)."""


@dataclass(frozen=True)
class DoubleSettings:
    handle: str
    display_name: str
    description: str = ""
    visibility: Visibility = "only_me"
    restrictions: str = ""


@dataclass(frozen=True)
class ConsentAnswers:
    """The boxes ticked, and which statement the page showed: its language, version and hash
    (the server checks that this is the current statement before recording it)."""

    age_confirmed: bool
    ownership_confirmed: bool
    statement_agreed: bool
    statement_version: str
    statement_language: str
    statement_sha256: str


@dataclass(frozen=True)
class IssuedChallenge:
    code: str
    expires_at: datetime


@dataclass(frozen=True)
class DoubleRecord:
    id: int
    public_id: str
    handle: str
    display_name: str
    kind: DoubleKind
    description: str
    visibility: Visibility
    restrictions: str
    status: str
    has_voice: bool
    created_at: datetime
    portrait_sha: str | None
    preview_sha: str | None


@dataclass(frozen=True, eq=False)
class ReferenceUpload:
    """The original files, stored with the double so its owner can export them."""

    video_path: Path | None = None
    photos: tuple[tuple[bytes, str], ...] = ()  # (bytes, media type)


def double_record(double: Double) -> DoubleRecord:
    reference = double.reference
    return DoubleRecord(
        id=double.id, public_id=double.public_id, handle=double.handle,
        display_name=double.display_name, kind=double.kind,  # type: ignore[arg-type]
        description=double.description, visibility=double.visibility,
        restrictions=double.restrictions, status=double.status, has_voice=double.has_voice,
        created_at=double.created_at,
        portrait_sha=reference.portrait_sha if reference else None,
        preview_sha=reference.preview_sha if reference else None,
    )  # fmt: skip


def visibility_choices() -> Sequence[tuple[str, str]]:
    """(label, value) pairs in the order the database defines the tiers."""
    return [(VISIBILITY_LABELS[tier], tier) for tier in VISIBILITY_TIERS]


def kind_choices() -> Sequence[tuple[str, str]]:
    labels = {"person": "Me (a person)", "pet": "My pet", "object": "A toy or object",
              "character": "A character I own"}  # fmt: skip
    return [(labels[kind], kind) for kind in get_args(DoubleKind)]
