"""The audit log only grows."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from db import audit
from db.base import utcnow
from db.engine import transaction


def test_events_are_recorded_and_counted(sessions):
    with transaction(sessions) as session:
        audit.record_event(session, "user.login_failed", subject="maya", detail={"why": "test"})
        audit.record_event(session, "user.login_failed", subject="maya")
        audit.record_event(session, "user.login_failed", subject="bob")
    with transaction(sessions) as session:
        since = utcnow() - timedelta(minutes=1)
        assert audit.count_events_since(session, "user.login_failed", "maya", since) == 2
        assert audit.count_events_since(session, "user.login_failed", "maya", utcnow()) == 0
        newest = audit.list_events(session, limit=5)
        assert [event.subject for event in newest] == ["bob", "maya", "maya"]
        assert json.loads(newest[-1].detail) == {"why": "test"}
        assert newest[0].created_at.tzinfo is not None


def test_events_cannot_be_changed_or_deleted(sessions):
    with transaction(sessions) as session:
        audit.record_event(session, "user.sign_up", subject="maya")
    with pytest.raises(audit.AppendOnlyError), transaction(sessions) as session:
        event = audit.list_events(session)[0]
        event.subject = "someone-else"
    with pytest.raises(audit.AppendOnlyError), transaction(sessions) as session:
        session.delete(audit.list_events(session)[0])
    with transaction(sessions) as session:
        assert [event.subject for event in audit.list_events(session)] == ["maya"]
