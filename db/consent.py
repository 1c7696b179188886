"""The consent ledger: append-only events, each holding the hash of the one before.

Any edit, deletion or reordering of a stored event breaks the chain, and ``verify_ledger``
says where. Run it as ``python -m db.consent DATABASE_URL``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from db.base import utcnow
from db.models import ConsentEvent, Double

GENESIS_HASH = "0" * 64
_LEDGER_LOCK_KEY = 7_301_2026  # PostgreSQL advisory lock that serialises appends


class LedgerAppendOnlyError(RuntimeError):
    """Someone tried to change or delete a consent event."""


@dataclass(frozen=True)
class LedgerReport:
    events_checked: int
    ok: bool
    problems: tuple[str, ...]


def _canonical(fields: Mapping[str, object]) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(row: ConsentEvent) -> str:
    """The hash of everything an event says, including its predecessor's hash."""
    fields = {
        "double_public_id": row.double_public_id,
        "actor_user_id": row.actor_user_id,
        "event_type": row.event_type,
        "statement_version": row.statement_version,
        "statement_sha256": row.statement_sha256,
        "evidence": json.loads(row.evidence),
        "scores": json.loads(row.scores),
        "created_at": row.created_at_text,
        "prev_hash": row.prev_hash,
    }
    # Hashed only when present, so events written before languages keep their hashes.
    if row.statement_language is not None:
        fields["statement_language"] = row.statement_language
    return hashlib.sha256(_canonical(fields)).hexdigest()


def append_event(
    session: Session,
    double: Double,
    *,
    actor_user_id: int,
    event_type: str,
    statement_version: str,
    statement_sha256: str,
    statement_language: str | None = None,
    evidence: Mapping[str, object] | None = None,
    scores: Mapping[str, object] | None = None,
    at: datetime | None = None,
) -> ConsentEvent:
    """Add one event at the end of the chain (inside the caller's transaction).

    ``statement_language`` names the language of the statement (version and hash) the event
    refers to; the app always gives it.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LEDGER_LOCK_KEY})
    # SQLite transactions start with BEGIN IMMEDIATE (db.engine), which serialises appends too.
    previous = session.execute(
        select(ConsentEvent.event_hash).order_by(ConsentEvent.id.desc()).limit(1)
    ).scalar_one_or_none()
    row = ConsentEvent(
        double_id=double.id,
        double_public_id=double.public_id,
        actor_user_id=actor_user_id,
        event_type=event_type,
        statement_version=statement_version,
        statement_sha256=statement_sha256,
        statement_language=statement_language,
        evidence=json.dumps(dict(evidence or {}), sort_keys=True),
        scores=json.dumps(dict(scores or {}), sort_keys=True),
        created_at_text=(at or utcnow()).isoformat(),
        prev_hash=previous or GENESIS_HASH,
    )
    row.event_hash = event_hash(row)
    session.add(row)
    session.flush()
    return row


def latest_event_hash(session: Session, double_id: int) -> str | None:
    return session.execute(
        select(ConsentEvent.event_hash)
        .where(ConsentEvent.double_id == double_id)
        .order_by(ConsentEvent.id.desc())
        .limit(1)
    ).scalar_one_or_none()


@dataclass(frozen=True)
class AgreedStatement:
    """The statement a double's owner agreed to: later events (revoked, deleted) refer to it."""

    language: str | None
    version: str
    sha256: str


def agreed_statement(session: Session, double_id: int) -> AgreedStatement | None:
    """The statement of the double's latest "given" event, or None for a double without one."""
    row = session.execute(
        select(ConsentEvent)
        .where(ConsentEvent.double_id == double_id, ConsentEvent.event_type == "given")
        .order_by(ConsentEvent.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    if row is None:
        return None
    return AgreedStatement(row.statement_language, row.statement_version, row.statement_sha256)


def events_for_double(session: Session, double_id: int) -> list[ConsentEvent]:
    return list(
        session.execute(
            select(ConsentEvent)
            .where(ConsentEvent.double_id == double_id)
            .order_by(ConsentEvent.id)
        ).scalars()
    )


def verify_ledger(session: Session) -> LedgerReport:
    """Recompute every hash and link; report each event that does not fit."""
    problems: list[str] = []
    expected_prev = GENESIS_HASH
    count = 0
    for row in session.execute(select(ConsentEvent).order_by(ConsentEvent.id)).scalars():
        count += 1
        if row.prev_hash != expected_prev:
            problems.append(f"event {row.id}: does not follow the event before it (chain broken)")
        if event_hash(row) != row.event_hash:
            problems.append(f"event {row.id}: contents changed after it was written")
        expected_prev = row.event_hash
    return LedgerReport(events_checked=count, ok=not problems, problems=tuple(problems))


@event.listens_for(Session, "before_flush")
def _refuse_ledger_changes(session: Session, _context: object, _instances: object) -> None:
    for obj in (*session.dirty, *session.deleted):
        if isinstance(obj, ConsentEvent) and (obj in session.deleted or session.is_modified(obj)):
            raise LedgerAppendOnlyError("Consent events are append-only; they cannot be changed.")


def main(argv: list[str]) -> int:
    from db.engine import make_engine, make_session_factory, transaction

    if len(argv) != 2:
        print("usage: python -m db.consent DATABASE_URL", file=sys.stderr)
        return 2
    with transaction(make_session_factory(make_engine(argv[1]))) as session:
        report = verify_ledger(session)
    print(f"{report.events_checked} consent events checked: {'OK' if report.ok else 'BROKEN'}")
    for problem in report.problems:
        print(f"  - {problem}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
