"""Consent events that follow the one where consent was given.

Revocation, deletion and grant changes refer to the statement the owner agreed to, in the
language they read it in, not to whatever the current English statement happens to be.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy.orm import Session

from core import consent
from db import consent as ledger
from db.models import Double


def append_follow_up_event(
    session: Session,
    double: Double,
    *,
    actor_user_id: int,
    event_type: str,
    evidence: Mapping[str, object],
    at: datetime,
) -> None:
    """Append an event naming the statement of the double's "given" event."""
    agreed = ledger.agreed_statement(session, double.id)
    if agreed is None:  # only doubles written straight into the database lack one
        agreed = ledger.AgreedStatement(
            consent.DEFAULT_LANGUAGE,
            consent.statement_version(consent.DEFAULT_LANGUAGE),
            consent.statement_sha256(double.kind),  # type: ignore[arg-type]
        )
    ledger.append_event(
        session, double, actor_user_id=actor_user_id, event_type=event_type,
        statement_version=agreed.version, statement_sha256=agreed.sha256,
        statement_language=agreed.language, evidence=evidence, at=at,
    )  # fmt: skip
