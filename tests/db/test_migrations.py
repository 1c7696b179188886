"""Migrations build the schema from nothing on both backends, matching the models exactly."""

from __future__ import annotations

import sqlite3

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from db.base import Base
from db.consent import GENESIS_HASH, event_hash, verify_ledger
from db.engine import make_engine, make_session_factory, transaction
from db.migrate import alembic_config, current_revision, head_revision, upgrade_database
from db.models import ConsentEvent


def test_upgrade_from_empty_reaches_head_and_matches_models(empty_database_url):
    engine = make_engine(empty_database_url)
    try:
        assert current_revision(engine) is None
        upgrade_database(engine)
        assert current_revision(engine) == head_revision()
        tables = set(inspect(engine).get_table_names())
        assert {"users", "auth_sessions", "media_blobs", "audit_events"} <= tables
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
        assert differences == [], f"models and migrations disagree: {differences}"
    finally:
        engine.dispose()


def test_upgrade_is_idempotent(empty_database_url):
    engine = make_engine(empty_database_url)
    try:
        upgrade_database(engine)
        assert upgrade_database(engine) is None  # nothing to do, no backup made
    finally:
        engine.dispose()


def test_sqlite_file_with_data_is_backed_up_before_migrating(tmp_path):
    path = tmp_path / "app.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE keepme (x INTEGER)")
        raw.execute("INSERT INTO keepme VALUES (42)")
    engine = make_engine(f"sqlite:///{path}")
    try:
        backup = upgrade_database(engine)
    finally:
        engine.dispose()
    assert backup is not None and backup.exists() and backup != path
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("SELECT x FROM keepme").fetchone() == (42,)
        assert "users" not in {r[0] for r in copy.execute("SELECT name FROM sqlite_master")}
    finally:
        copy.close()


def test_brand_new_sqlite_file_needs_no_backup(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'new.db'}")
    try:
        assert upgrade_database(engine) is None
        assert list(tmp_path.glob("*.backup-*")) == []
    finally:
        engine.dispose()


def test_sqlite_connections_use_wal_and_foreign_keys(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'pragmas.db'}")
    try:
        with engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        engine.dispose()


def test_consent_events_from_before_languages_keep_their_hashes(empty_database_url):
    """0008 adds the statement's language; events already in the ledger stay valid."""
    engine = make_engine(empty_database_url)
    try:
        config = alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "0007")
        old_event = ConsentEvent(
            double_public_id="abcd", actor_user_id=1, event_type="given",
            statement_version="2026.11-1", statement_sha256="1" * 64, evidence="{}",
            scores="{}", created_at_text="2026-12-01T10:00:00+00:00", prev_hash=GENESIS_HASH,
        )  # fmt: skip
        old_hash = event_hash(old_event)  # statement_language is None, as before 0008
        now = "2026-12-01 10:00:00"
        with engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (id, username, username_key, display_name, status,"
                    " created_at) VALUES (1, 'maya', 'maya', 'Maya', 'active', :now)"
                ),
                {"now": now},
            )
            connection.execute(
                text(
                    "INSERT INTO doubles (id, public_id, owner_user_id, handle, display_name, kind,"
                    " description, visibility, restrictions, status, has_voice, created_at,"
                    " updated_at) VALUES (1, 'abcd', 1, 'maya', 'Maya', 'person', '',"
                    " 'only_me', '', 'active', false, :now, :now)"
                ),
                {"now": now},
            )
            connection.execute(text(
                "INSERT INTO consent_events (id, double_id, double_public_id, actor_user_id,"
                " event_type, statement_version, statement_sha256, evidence, scores,"
                " created_at_text, prev_hash, event_hash) VALUES (1, 1, 'abcd', 1, 'given',"
                " '2026.11-1', :sha, '{}', '{}', '2026-12-01T10:00:00+00:00', :prev, :hash)"),
                {"sha": "1" * 64, "prev": GENESIS_HASH, "hash": old_hash})  # fmt: skip
        upgrade_database(engine)
        assert current_revision(engine) == head_revision()
        with transaction(make_session_factory(engine)) as session:
            row = session.get(ConsentEvent, 1)
            assert row.statement_language is None
            assert verify_ledger(session).ok
            # A language is part of what a new event's hash covers.
            row_with_language = ConsentEvent(**{
                column: getattr(row, column)
                for column in ("double_public_id", "actor_user_id", "event_type",
                               "statement_version", "statement_sha256", "evidence", "scores",
                               "created_at_text", "prev_hash")
            }, statement_language="zh-CN")  # fmt: skip
            assert event_hash(row_with_language) != old_hash
            session.expunge_all()
    finally:
        engine.dispose()
