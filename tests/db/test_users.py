"""User rows: case-insensitive uniqueness and cascades, on both backends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from db import users
from db.base import utcnow
from db.engine import transaction
from db.models import AuthSession, User


def _add(session, name):
    return users.add_user(
        session, username=name, username_key=name.lower(), display_name=name, password_hash="x"
    )


def test_username_key_is_unique(sessions):
    with transaction(sessions) as session:
        _add(session, "Maya")
    with pytest.raises(IntegrityError), transaction(sessions) as session:
        _add(session, "maya")


def test_status_is_a_closed_set(sessions):
    with pytest.raises(IntegrityError), transaction(sessions) as session:
        user = _add(session, "maya")
        user.status = "superuser"
        session.flush()


def test_deleting_a_user_removes_their_sessions(sessions):
    with transaction(sessions) as session:
        user = _add(session, "maya")
        users.add_auth_session(
            session, user_id=user.id, token_hash="a" * 64, expires_at=utcnow() + timedelta(days=1)
        )
        user_id = user.id
    with transaction(sessions) as session:
        session.delete(session.get(User, user_id))
    with transaction(sessions) as session:
        assert session.execute(select(func.count()).select_from(AuthSession)).scalar_one() == 0


def test_timestamps_come_back_as_utc(sessions):
    with transaction(sessions) as session:
        user_id = _add(session, "maya").id
    with transaction(sessions) as session:
        created = session.get(User, user_id).created_at
    assert created.utcoffset() == timedelta(0)
    assert abs(utcnow() - created) < timedelta(minutes=1)
