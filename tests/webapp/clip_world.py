"""A small social world for appearance and feed tests: four people, their doubles, clip rows.

Rendering is reserved for the tests that need a real video (purging, verifying); everything
else stores clip rows directly, which is what the feeds and the rulebook read.
"""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from db import social
from db import users as user_queries
from db.models import Appearance, Clip, Double
from tests.webapp.test_clips import add_double
from webapp.auth import CurrentUser

MAYA = CurrentUser(id=1, username="maya", display_name="Maya")
BOB = CurrentUser(id=2, username="bob", display_name="Bob")
CARA = CurrentUser(id=3, username="cara", display_name="Cara")
DAN = CurrentUser(id=4, username="dan", display_name="Dan")
PEOPLE = (MAYA, BOB, CARA, DAN)
START = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def build_world(session: Session) -> dict[str, int]:
    """Everyone signed up with one double each; maya and bob are friends. Returns double ids."""
    for person in PEOPLE:
        user_queries.add_user(session, username=person.username, username_key=person.username,
                              display_name=person.display_name, password_hash=None)  # fmt: skip
    doubles = {person.username: add_double(session, person, person.username) for person in PEOPLE}
    for handle, tier in (("maya", "everyone"), ("bob", "everyone"), ("cara", "everyone")):
        session.get(Double, doubles[handle]).visibility = tier
    befriend(session, MAYA, BOB)
    return doubles


def befriend(session: Session, first: CurrentUser, second: CurrentUser) -> None:
    friendship = social.add_friend_request(session, first.id, second.id, at=START)
    friendship.status, friendship.accepted_at = "accepted", START


def store_clip(
    session: Session,
    creator: CurrentUser,
    cast: dict[str, int],
    *,
    minutes: int,
    title: str = "A clip",
    visibility: str = "everyone",
    status: str = "done",
    video_sha: str | None = None,
) -> str:
    """A clip row as ClipService leaves it, ``minutes`` after START; returns its public id."""
    doubles = {role: session.get(Double, double_id) for role, double_id in cast.items()}
    clip = Clip(
        public_id=secrets.token_hex(8), creator_user_id=creator.id, title=title,
        script_json="{}", seed=1, backend="animatic", status=status, visibility=visibility,
        cast_json=json.dumps({role: {"double": d.public_id, "handle": d.handle}
                              for role, d in doubles.items()}),
        video_sha=video_sha, created_at=START + timedelta(minutes=minutes),
        duration=3.0 if status == "done" else None,
    )  # fmt: skip
    session.add(clip)
    session.flush()
    for role, double in doubles.items():
        session.add(Appearance(clip_id=clip.id, double_id=double.id, role=role))
    session.flush()
    return clip.public_id
