"""Queries for users, external identities and login sessions. Callers own the transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from db.models import AuthSession, ConsentChallenge, ExternalIdentity, User


def get_user(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def users_by_id(session: Session, user_ids: set[int]) -> list[User]:
    if not user_ids:
        return []
    return list(session.execute(select(User).where(User.id.in_(sorted(user_ids)))).scalars())


def find_user_by_username(session: Session, username_key: str) -> User | None:
    return session.execute(
        select(User).where(User.username_key == username_key)
    ).scalar_one_or_none()


def username_taken(session: Session, username_key: str) -> bool:
    return find_user_by_username(session, username_key) is not None


def add_user(
    session: Session,
    *,
    username: str,
    username_key: str,
    display_name: str,
    password_hash: str | None,
) -> User:
    user = User(
        username=username,
        username_key=username_key,
        display_name=display_name,
        password_hash=password_hash,
    )
    session.add(user)
    session.flush()
    return user


def find_user_by_identity(session: Session, provider: str, subject: str) -> User | None:
    return session.execute(
        select(User)
        .join(ExternalIdentity, ExternalIdentity.user_id == User.id)
        .where(ExternalIdentity.provider == provider, ExternalIdentity.subject == subject)
    ).scalar_one_or_none()


def link_identity(session: Session, user: User, provider: str, subject: str) -> ExternalIdentity:
    identity = ExternalIdentity(user_id=user.id, provider=provider, subject=subject)
    session.add(identity)
    session.flush()
    return identity


def add_auth_session(
    session: Session, *, user_id: int, token_hash: str, expires_at: datetime
) -> AuthSession:
    row = AuthSession(user_id=user_id, token_hash=token_hash, expires_at=expires_at)
    session.add(row)
    session.flush()
    return row


def find_auth_session(session: Session, token_hash: str) -> AuthSession | None:
    return session.execute(
        select(AuthSession).where(AuthSession.token_hash == token_hash)
    ).scalar_one_or_none()


def revoke_auth_session(session: Session, token_hash: str, now: datetime) -> bool:
    result = session.execute(
        update(AuthSession)
        .where(AuthSession.token_hash == token_hash, AuthSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return bool(result.rowcount)


def revoke_all_sessions(session: Session, user_id: int, now: datetime) -> int:
    result = session.execute(
        update(AuthSession)
        .where(AuthSession.user_id == user_id, AuthSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return int(result.rowcount)


def search_active_users(
    session: Session, fragment_key: str, *, exclude_ids: set[int], limit: int
) -> list[User]:
    """Active users whose username key contains ``fragment_key``; prefix matches first.

    ``autoescape`` keeps '_' and '%' (both legal in usernames) literal instead of wildcards.
    """
    query = (
        select(User)
        .where(
            User.status == "active",
            User.username_key.contains(fragment_key, autoescape=True),
            User.id.not_in(sorted(exclude_ids)),
        )
        .order_by(
            User.username_key.startswith(fragment_key, autoescape=True).desc(),
            User.username_key,
        )
        .limit(limit)
    )
    return list(session.execute(query).scalars())


def identity_providers(session: Session, user_id: int) -> set[str]:
    """The external sign-in providers linked to this account."""
    return set(
        session.execute(
            select(ExternalIdentity.provider).where(ExternalIdentity.user_id == user_id)
        ).scalars()
    )


def delete_sign_ins(session: Session, user_id: int) -> None:
    """Every login, linked identity and open consent challenge of this account."""
    session.execute(delete(AuthSession).where(AuthSession.user_id == user_id))
    session.execute(delete(ExternalIdentity).where(ExternalIdentity.user_id == user_id))
    session.execute(delete(ConsentChallenge).where(ConsentChallenge.user_id == user_id))


def has_live_session(session: Session, user_id: int, now: datetime) -> bool:
    """Whether an active user has at least one login that is neither revoked nor expired."""
    user = session.get(User, user_id)
    if user is None or user.status != "active":
        return False
    found = session.execute(
        select(AuthSession.id)
        .where(
            AuthSession.user_id == user_id,
            AuthSession.revoked_at.is_(None),
            AuthSession.expires_at > now,
        )
        .limit(1)
    ).first()
    return found is not None
