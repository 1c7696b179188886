"""Accounts and sessions: the server decides who is signed in, every time."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select

from db import audit
from db.engine import transaction
from db.models import AuditEvent, AuthSession, User
from webapp.auth import LoginError, SignUpError, TooManyAttemptsError

PASSWORD = "correct horse battery"


def _count(sessions, model):
    with transaction(sessions) as session:
        return session.execute(select(func.count()).select_from(model)).scalar_one()


def test_sign_up_signs_in_and_stores_only_an_argon2id_hash(auth, sessions):
    signed_in = auth.sign_up("Maya", PASSWORD, "Maya Lee")
    assert signed_in.user.username == "Maya"
    assert auth.current_user(signed_in.token) == signed_in.user
    with transaction(sessions) as session:
        user = session.execute(select(User)).scalar_one()
        stored_session = session.execute(select(AuthSession)).scalar_one()
    assert user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in user.password_hash
    assert stored_session.token_hash != signed_in.token and len(stored_session.token_hash) == 64


def test_duplicate_username_differing_in_case_is_refused(auth, sessions):
    auth.sign_up("Maya", PASSWORD)
    with pytest.raises(SignUpError, match="taken"):
        auth.sign_up("MAYA", PASSWORD)
    assert _count(sessions, User) == 1


@pytest.mark.parametrize(
    ("username", "password", "display_name", "message"),
    [
        ("maya lee", PASSWORD, "", "spaces"),
        ("maya", "", "", "Choose a password"),
        ("maya", "short", "", "at least 10"),
        ("x" * 40, PASSWORD, "", "at most 32"),
        ("mаya", PASSWORD, "", "Look-alike"),
        ("maya", PASSWORD, "<script>alert(1)</script>", "HTML tags"),
        ("maya\x1b", PASSWORD, "", "control"),
    ],
)
def test_bad_sign_up_stores_nothing(auth, sessions, username, password, display_name, message):
    with pytest.raises(SignUpError, match=message):
        auth.sign_up(username, password, display_name)
    assert _count(sessions, User) == 0
    assert _count(sessions, AuthSession) == 0


def test_log_in_is_case_insensitive_and_wrong_password_is_vague(auth):
    auth.sign_up("Maya", PASSWORD)
    assert auth.log_in("maya", PASSWORD).user.username == "Maya"
    with pytest.raises(LoginError, match="don't match") as wrong_password:
        auth.log_in("maya", "not the password")
    with pytest.raises(LoginError, match="don't match") as unknown_user:
        auth.log_in("nobody", PASSWORD)
    assert str(wrong_password.value) == str(unknown_user.value)


def test_login_is_throttled_after_repeated_failures_then_recovers(make_auth, sessions, clock):
    auth = make_auth(sessions, max_failures=3, lockout=timedelta(minutes=15))
    auth.sign_up("maya", PASSWORD)
    for _ in range(3):
        with pytest.raises(LoginError):
            auth.log_in("maya", "guess-guess-guess")
    with pytest.raises(TooManyAttemptsError, match="Try again in 15 minutes"):
        auth.log_in("maya", PASSWORD)  # even the right password waits
    clock.advance(minutes=16)
    assert auth.log_in("maya", PASSWORD).user.username == "maya"
    with transaction(sessions) as session:
        failures = audit.count_events_since(
            session, "user.login_failed", "maya", clock() - timedelta(hours=1)
        )
    assert failures == 3


def test_sessions_expire(make_auth, sessions, clock):
    auth = make_auth(sessions, session_lifetime=timedelta(hours=1))
    token = auth.sign_up("maya", PASSWORD).token
    clock.advance(minutes=59)
    assert auth.current_user(token) is not None
    clock.advance(minutes=2)
    assert auth.current_user(token) is None


def test_log_out_revokes_only_that_session(auth):
    auth.sign_up("maya", PASSWORD)
    laptop = auth.log_in("maya", PASSWORD).token
    phone = auth.log_in("maya", PASSWORD).token
    auth.log_out(laptop)
    assert auth.current_user(laptop) is None
    assert auth.current_user(phone) is not None


@pytest.mark.parametrize("token", [None, "", "forged-token", "x" * 5000, 12345])
def test_forged_or_malformed_tokens_resolve_to_nobody(auth, token):
    auth.sign_up("maya", PASSWORD)
    assert auth.current_user(token) is None


def test_a_token_signed_with_another_secret_is_worthless(make_auth, sessions):
    token = make_auth(sessions).sign_up("maya", PASSWORD).token
    other_install = make_auth(sessions, secret_key=b"z" * 32)
    assert other_install.current_user(token) is None


def test_token_of_a_deleted_user_is_refused(auth, sessions):
    token = auth.sign_up("maya", PASSWORD).token
    with transaction(sessions) as session:
        session.execute(select(User)).scalar_one().status = "deleted"
    assert auth.current_user(token) is None
    with pytest.raises(LoginError):
        auth.log_in("maya", PASSWORD)
    with transaction(sessions) as session:
        session.execute(delete(User))
    assert auth.current_user(token) is None


def test_audit_log_records_sign_up_login_and_failures(auth, sessions):
    auth.sign_up("maya", PASSWORD)
    auth.log_in("maya", PASSWORD)
    with pytest.raises(LoginError):
        auth.log_in("maya", "wrong-wrong-wrong")
    with transaction(sessions) as session:
        actions = [
            e.action for e in session.execute(select(AuditEvent).order_by(AuditEvent.id)).scalars()
        ]
    assert actions == ["user.sign_up", "user.login", "user.login_failed"]


def test_hugging_face_sign_in_maps_to_one_local_user(auth, sessions):
    first = auth.sign_in_external(
        provider="huggingface", subject="hf-123", preferred_username="maya", display_name="Maya"
    )
    again = auth.sign_in_external(
        provider="huggingface", subject="hf-123", preferred_username="maya", display_name="Maya"
    )
    assert first.user == again.user
    assert auth.current_user(again.token) == first.user
    assert _count(sessions, User) == 1
    with pytest.raises(LoginError):  # no password was ever set
        auth.log_in("maya", "")


def test_hugging_face_name_clash_gets_a_free_username(auth):
    auth.sign_up("maya", PASSWORD)
    signed_in = auth.sign_in_external(
        provider="huggingface", subject="hf-9", preferred_username="Maya", display_name="<b>M</b>"
    )
    assert signed_in.user.username == "Maya-2"
    assert signed_in.user.display_name == "Maya-2"  # markup never becomes a display name


def test_two_sign_ups_of_one_name_at_once_leave_one_user(make_auth, tmp_path):
    from db.engine import make_engine, make_session_factory
    from db.migrate import upgrade_database

    engine = make_engine(f"sqlite:///{tmp_path / 'race.db'}")
    upgrade_database(engine)
    sessions = make_session_factory(engine)
    auth = make_auth(sessions)
    outcomes: list[str] = []

    def attempt() -> None:
        try:
            auth.sign_up("racer", PASSWORD)
            outcomes.append("ok")
        except SignUpError:
            outcomes.append("taken")

    threads = [threading.Thread(target=attempt) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "taken", "taken", "taken"]
    assert _count(sessions, User) == 1
    engine.dispose()
