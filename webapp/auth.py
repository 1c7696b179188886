"""Accounts and login sessions.

Every handler turns the browser's opaque token into a ``CurrentUser`` here, on the server, on
every call; nothing the browser sends is trusted as a user id.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import math
import os
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from core.accounts import (
    USERNAME_MAX,
    AccountInputError,
    clean_display_name,
    username_key,
    validate_password,
    validate_username,
)
from core.sentences import sentence
from db import audit, users
from db.base import utcnow
from db.engine import transaction
from db.models import User

logger = logging.getLogger(__name__)

Clock = Callable[[], datetime]


class AuthError(Exception):
    """A sign-up, sign-in or session problem; the message is safe to show."""


class SignUpError(AuthError):
    pass


class LoginError(AuthError):
    pass


class TooManyAttemptsError(LoginError):
    pass


class NotSignedInError(AuthError):
    """No valid session: missing, expired, revoked, forged, or the account is gone."""


@dataclass(frozen=True)
class CurrentUser:
    id: int
    username: str
    display_name: str


@dataclass(frozen=True)
class SignedIn:
    user: CurrentUser
    token: str  # given to the browser once; only its keyed hash is stored
    expires_at: datetime


def load_or_create_secret(path: Path) -> bytes:
    """The install's secret key, created on first run and readable only by its owner."""
    if path.exists():
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32).encode()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key)
    return key


class AuthService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        secret_key: bytes,
        session_lifetime: timedelta = timedelta(days=30),
        max_failures: int = 5,
        lockout: timedelta = timedelta(minutes=15),
        password_hasher: PasswordHasher | None = None,
        clock: Clock = utcnow,
    ) -> None:
        self._sessions = sessions
        self._secret_key = secret_key
        self._session_lifetime = session_lifetime
        self._max_failures = max_failures
        self._lockout = lockout
        self._hasher = password_hasher or PasswordHasher()  # argon2id by default
        self._clock = clock
        # Verifying against this when the user doesn't exist keeps timing from revealing it.
        self._dummy_hash = self._hasher.hash(secrets.token_hex(16))

    # --- sign up / sign in -------------------------------------------------------------

    def sign_up(self, username: str, password: str, display_name: str = "") -> SignedIn:
        """Create an account and sign it in.

        Raises:
            SignUpError: a rule is broken or the name is taken (also when only case differs).
        """
        try:
            validate_username(username)
            validate_password(password, username=username)
            name = clean_display_name(display_name, fallback=username)
        except AccountInputError as error:
            raise SignUpError(str(error)) from None
        password_hash = self._hasher.hash(password)
        key = username_key(username)
        try:
            with transaction(self._sessions) as session:
                if users.username_taken(session, key):
                    raise SignUpError(_username_taken(username))
                user = users.add_user(
                    session,
                    username=username,
                    username_key=key,
                    display_name=name,
                    password_hash=password_hash,
                )
                self._audit(session, "user.sign_up", actor_user_id=user.id, subject=key)
                return self._open_session(session, user)
        except IntegrityError:
            # Two sign-ups for one name raced past the check; the unique index decided.
            raise SignUpError(_username_taken(username)) from None

    def log_in(self, username: str, password: str) -> SignedIn:
        """Check a password and open a session.

        Raises:
            TooManyAttemptsError: too many recent failures for this username.
            LoginError: unknown user or wrong password (one message for both).
        """
        key = username_key(username or "")[: USERNAME_MAX + 1]
        with transaction(self._sessions) as session:
            self._refuse_if_locked_out(session, key)
            user = users.find_user_by_username(session, key)
            if user is not None and user.status == "active" and self._password_ok(user, password):
                self._audit(session, "user.login", actor_user_id=user.id, subject=key)
                return self._open_session(session, user)
            self._audit(session, "user.login_failed", subject=key)
        raise LoginError(
            sentence("auth.wrong_password", "That username and password don't match an account.")
        )

    def sign_in_external(
        self, *, provider: str, subject: str, preferred_username: str, display_name: str
    ) -> SignedIn:
        """Sign in through another provider (Hugging Face OAuth), creating the user once."""
        with transaction(self._sessions) as session:
            user = users.find_user_by_identity(session, provider, subject)
            if user is None:
                username = self._free_username(session, preferred_username)
                try:
                    name = clean_display_name(display_name, fallback=username)
                except AccountInputError:
                    name = username
                user = users.add_user(
                    session,
                    username=username,
                    username_key=username_key(username),
                    display_name=name,
                    password_hash=None,
                )
                users.link_identity(session, user, provider, subject)
                self._audit(
                    session, "user.sign_up", actor_user_id=user.id, subject=user.username_key,
                    detail={"provider": provider},
                )  # fmt: skip
            if user.status != "active":
                raise LoginError(sentence("auth.account_deleted", "This account has been deleted."))
            self._audit(
                session, "user.login", actor_user_id=user.id, subject=user.username_key,
                detail={"provider": provider},
            )  # fmt: skip
            return self._open_session(session, user)

    # --- sessions ----------------------------------------------------------------------

    def current_user(self, token: str | None) -> CurrentUser | None:
        """The signed-in user for a browser token, or None when the token is not valid."""
        if not token or not isinstance(token, str) or len(token) > 200:
            return None
        with transaction(self._sessions) as session:
            row = users.find_auth_session(session, self._hash_token(token))
            if row is None or row.revoked_at is not None or row.expires_at <= self._clock():
                return None
            user = row.user
            if user.status != "active":
                return None
            return _to_current_user(user)

    def require_user(self, token: str | None) -> CurrentUser:
        """Like ``current_user`` but raises when nobody is signed in.

        Raises:
            NotSignedInError: the token is missing, expired, revoked, forged or its user is gone.
        """
        user = self.current_user(token)
        if user is None:
            raise NotSignedInError(
                sentence(
                    "auth.not_signed_in", "Please sign in first (your session may have expired)."
                )
            )
        return user

    def log_out(self, token: str | None) -> None:
        if not token:
            return
        with transaction(self._sessions) as session:
            row = users.find_auth_session(session, self._hash_token(token))
            if row is not None and row.revoked_at is None:
                users.revoke_auth_session(session, row.token_hash, self._clock())
                self._audit(
                    session, "user.logout", actor_user_id=row.user_id, subject=row.user.username_key
                )

    # --- internals ---------------------------------------------------------------------

    def _audit(self, session: Session, action: str, **fields: object) -> None:
        audit.record_event(session, action, at=self._clock(), **fields)  # type: ignore[arg-type]

    def _open_session(self, session: Session, user: User) -> SignedIn:
        token = secrets.token_urlsafe(32)
        expires_at = self._clock() + self._session_lifetime
        users.add_auth_session(
            session, user_id=user.id, token_hash=self._hash_token(token), expires_at=expires_at
        )
        return SignedIn(user=_to_current_user(user), token=token, expires_at=expires_at)

    def _hash_token(self, token: str) -> str:
        return hmac.new(self._secret_key, token.encode(), hashlib.sha256).hexdigest()

    def _password_ok(self, user: User, password: str) -> bool:
        if user.password_hash is None:
            self._verify(self._dummy_hash, password)
            return False
        return self._verify(user.password_hash, password)

    def _verify(self, password_hash: str, password: str) -> bool:
        try:
            return self._hasher.verify(password_hash, password or "")
        except (VerificationError, InvalidHashError):
            return False

    def _refuse_if_locked_out(self, session: Session, key: str) -> None:
        since = self._clock() - self._lockout
        failures = audit.count_events_since(session, "user.login_failed", key, since)
        if failures < self._max_failures:
            return
        last_failure = audit.latest_event_time(session, "user.login_failed", key) or self._clock()
        remaining = (last_failure + self._lockout - self._clock()).total_seconds()
        minutes = max(1, math.ceil(remaining / 60))
        self._verify(self._dummy_hash, "")  # same cost as a real attempt
        raise TooManyAttemptsError(
            sentence(
                "auth.too_many_attempts",
                "Too many failed sign-in attempts for this account. Try again in {minutes} "
                "minutes.",
                minutes=minutes,
            )
        )

    def _free_username(self, session: Session, preferred: str) -> str:
        base = re.sub(r"[^A-Za-z0-9_.-]", "", preferred or "")[:USERNAME_MAX] or "hf-user"
        base = base if base[0].isalnum() and len(base) >= 3 else f"hf-{base}"[:USERNAME_MAX]
        candidate = base
        for suffix in range(2, 1000):
            try:
                validate_username(candidate)
                if not users.username_taken(session, username_key(candidate)):
                    return candidate
            except AccountInputError:
                pass
            candidate = f"{base[: USERNAME_MAX - len(str(suffix)) - 1]}-{suffix}"
        raise SignUpError(
            sentence(
                "auth.no_free_username",
                "Could not find a free username; please sign up with a password.",
            )
        )


def _username_taken(username: str) -> str:
    return sentence(
        "auth.username_taken",
        "The username “{username}” is taken. Please pick another.",
        username=username,
    )


def _to_current_user(user: User) -> CurrentUser:
    return CurrentUser(id=user.id, username=user.username, display_name=user.display_name)
