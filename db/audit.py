"""Append-only audit log of security-relevant actions."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models import AuditEvent


class AppendOnlyError(RuntimeError):
    """Someone tried to change or delete an audit event."""


def record_event(
    session: Session,
    action: str,
    *,
    actor_user_id: int | None = None,
    subject: str | None = None,
    detail: Mapping[str, object] | None = None,
    at: datetime | None = None,
) -> AuditEvent:
    row = AuditEvent(
        created_at=at or utcnow(),
        action=action,
        actor_user_id=actor_user_id,
        subject=subject,
        detail=json.dumps(dict(detail or {}), sort_keys=True, ensure_ascii=False),
    )
    session.add(row)
    session.flush()
    return row


def count_events_since(session: Session, action: str, subject: str, since: datetime) -> int:
    return session.execute(
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.action == action,
            AuditEvent.subject == subject,
            AuditEvent.created_at >= since,
        )
    ).scalar_one()


def latest_event_time(session: Session, action: str, subject: str) -> datetime | None:
    return session.execute(
        select(func.max(AuditEvent.created_at)).where(
            AuditEvent.action == action, AuditEvent.subject == subject
        )
    ).scalar_one()


def list_events(session: Session, *, limit: int = 100) -> list[AuditEvent]:
    return list(
        session.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)).scalars()
    )


@event.listens_for(Session, "before_flush")
def _refuse_audit_changes(session: Session, _context: object, _instances: object) -> None:
    # The ORM is the only writer; refusing dirty/deleted audit rows keeps the log append-only.
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, AuditEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise AppendOnlyError("Audit events are append-only; they cannot be changed.")


def latest_event_detail(session: Session, action: str, subject: str) -> str | None:
    """The detail (JSON text) of the newest event with this action and subject."""
    return session.execute(
        select(AuditEvent.detail)
        .where(AuditEvent.action == action, AuditEvent.subject == subject)
        .order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
        .limit(1)
    ).scalar_one_or_none()
