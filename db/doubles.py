"""Queries for doubles, their reference data and consent challenges. Callers own transactions."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from db import media
from db.models import ConsentChallenge, Double, DoubleGrant, DoubleReference

# The Studio lists at most this many doubles to pick from (own ones first).
MAX_CAST_CANDIDATES = 200
_BLOB_COLUMNS = ("source_video_sha", "portrait_sha", "preview_sha", "sprite_sha", "voice_sha")


def handle_taken(session: Session, handle: str) -> bool:
    return session.execute(select(Double.id).where(Double.handle == handle)).first() is not None


def get_double(session: Session, double_id: int) -> Double | None:
    return session.get(Double, double_id)


def find_double_by_handle(session: Session, handle: str) -> Double | None:
    return session.execute(select(Double).where(Double.handle == handle)).scalar_one_or_none()


def doubles_of_owner(session: Session, owner_user_id: int) -> list[Double]:
    return list(
        session.execute(
            select(Double)
            .where(Double.owner_user_id == owner_user_id, Double.status != "deleted")
            .order_by(Double.created_at.desc(), Double.id.desc())
        ).scalars()
    )


def active_person_references_of_others(
    session: Session, owner_user_id: int, face_model: str
) -> list[tuple[Double, DoubleReference]]:
    """Active person doubles of other accounts with a face embedding from ``face_model``."""
    rows = session.execute(
        select(Double, DoubleReference)
        .join(DoubleReference, DoubleReference.double_id == Double.id)
        .where(
            Double.owner_user_id != owner_user_id,
            Double.kind == "person",
            Double.status == "active",
            DoubleReference.face_model == face_model,
            DoubleReference.face_embedding.is_not(None),
        )
    ).all()
    return [(double, reference) for double, reference in rows]


def blob_keys_of(reference: DoubleReference) -> set[str]:
    keys = {getattr(reference, column) for column in _BLOB_COLUMNS}
    keys.update(json.loads(reference.photo_shas))
    return {key for key in keys if key}


def blob_is_referenced(session: Session, key: str) -> bool:
    columns = [getattr(DoubleReference, column) == key for column in _BLOB_COLUMNS]
    columns.append(DoubleReference.photo_shas.contains(key))
    query = select(DoubleReference.double_id).where(or_(*columns))
    return session.execute(query).first() is not None


def blob_owned_by(session: Session, key: str, user_id: int) -> bool:
    """Whether ``key`` is reference media of a (not deleted) double owned by ``user_id``."""
    columns = [getattr(DoubleReference, column) == key for column in _BLOB_COLUMNS]
    columns.append(DoubleReference.photo_shas.contains(key))
    query = (
        select(Double.id)
        .join(DoubleReference, DoubleReference.double_id == Double.id)
        .where(Double.owner_user_id == user_id, Double.status != "deleted", or_(*columns))
    )
    return session.execute(query).first() is not None


def purge_reference(session: Session, double: Double) -> int:
    """Delete a double's biometric data and every blob nothing else uses. Returns blobs deleted."""
    reference = double.reference
    if reference is None:
        return 0
    keys = blob_keys_of(reference)
    session.delete(reference)
    session.flush()
    return sum(media.delete_blob(session, key) for key in _unreferenced(session, keys))


def erase_double(session: Session, double: Double, at: datetime) -> int:
    """Delete a double: purge its reference data, free its handle, keep the row for the ledger.
    Returns how many blobs were erased."""
    erased = purge_reference(session, double)
    double.status, double.updated_at = "deleted", at
    double.handle = f"~{double.public_id}"  # frees the handle; not a valid handle itself
    double.description, double.restrictions = "", ""
    return erased


def _unreferenced(session: Session, keys: Iterable[str]) -> list[str]:
    return [key for key in sorted(keys) if not blob_is_referenced(session, key)]


def add_challenge(
    session: Session, *, user_id: int, code_hash: str, code_length: int, expires_at: datetime
) -> ConsentChallenge:
    challenge = ConsentChallenge(
        user_id=user_id, code_hash=code_hash, code_length=code_length, expires_at=expires_at
    )
    session.add(challenge)
    session.flush()
    return challenge


def retire_open_challenges(session: Session, user_id: int, now: datetime) -> None:
    """A new code makes every older unused code of the user useless."""
    session.execute(
        update(ConsentChallenge)
        .where(ConsentChallenge.user_id == user_id, ConsentChallenge.used_at.is_(None))
        .values(used_at=now)
    )


def spend_challenge(session: Session, challenge_id: int, now: datetime) -> bool:
    """Mark a challenge used, atomically: False when another request spent it first.

    A conditional UPDATE, so two concurrent submissions can't both see the code as unused
    (PostgreSQL's READ COMMITTED would let a read-then-write race).
    """
    result = session.execute(
        update(ConsentChallenge)
        .where(ConsentChallenge.id == challenge_id, ConsentChallenge.used_at.is_(None))
        .values(used_at=now)
    )
    return result.rowcount == 1


def latest_challenge(session: Session, user_id: int) -> ConsentChallenge | None:
    return session.execute(
        select(ConsentChallenge)
        .where(ConsentChallenge.user_id == user_id)
        .order_by(ConsentChallenge.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def cast_candidates(session: Session, user_id: int, friend_user_ids: Iterable[int]) -> list[Double]:
    """Active doubles this user might cast: own, friends', shared with everyone, or granted.

    A shortlist only; the permission rules (webapp.permissions) make the final call.
    """
    granted = select(DoubleGrant.double_id).where(
        DoubleGrant.user_id == user_id, DoubleGrant.status == "approved"
    )
    rows = session.execute(
        select(Double)
        .where(
            Double.status == "active",
            or_(
                Double.owner_user_id == user_id,
                Double.owner_user_id.in_(list(friend_user_ids)) & (Double.visibility == "friends"),
                Double.visibility == "everyone",
                Double.id.in_(granted),
            ),
        )
        .order_by((Double.owner_user_id != user_id), Double.handle)
        .limit(MAX_CAST_CANDIDATES)
    ).scalars()
    return list(rows)
