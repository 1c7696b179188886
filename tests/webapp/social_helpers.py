"""Tiny database builders for the social tests: people and doubles without media analysis."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from db import consent as ledger
from db import media
from db import users as user_queries
from db.engine import transaction
from db.models import Double, DoubleReference
from webapp.auth import CurrentUser


def add_people(sessions: sessionmaker[Session], *usernames: str) -> dict[str, CurrentUser]:
    """Accounts named as given (display name = title case); returns them by lower-case name."""
    people = {}
    with transaction(sessions) as session:
        for name in usernames:
            row = user_queries.add_user(session, username=name, username_key=name.lower(),
                                        display_name=name.title(), password_hash=None)  # fmt: skip
            people[name.lower()] = CurrentUser(row.id, row.username, row.display_name)
    return people


def _portrait_png(shade: int) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(np.full((60, 45, 3), shade, dtype=np.uint8)).save(buffer, "PNG")
    return buffer.getvalue()


def add_double(
    sessions: sessionmaker[Session], owner: CurrentUser, handle: str, *,
    visibility: str = "only_me", kind: str = "person",
) -> int:  # fmt: skip
    """An active double with a portrait and a 'given' consent event, as registration leaves it."""
    with transaction(sessions) as session:
        double = Double(public_id=handle.ljust(16, "0")[:16], owner_user_id=owner.id,
                        handle=handle, display_name=handle.title(), kind=kind,
                        visibility=visibility)  # fmt: skip
        session.add(double)
        session.flush()
        png = media.put_blob(session, _portrait_png(len(handle) * 20), "image/png",
                             max_bytes=10**6)  # fmt: skip
        session.add(DoubleReference(double_id=double.id, portrait_sha=png.sha256,
                                    preview_sha=png.sha256))  # fmt: skip
        ledger.append_event(session, double, actor_user_id=owner.id, event_type="given",
                            statement_version="t", statement_sha256="0" * 64)  # fmt: skip
        return double.id


def count_rows(sessions: sessionmaker[Session], model: type) -> int:
    with transaction(sessions) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()
