"""Migrations build the schema from nothing on both backends, matching the models exactly."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from db.base import Base
from db.engine import make_engine
from db.migrate import current_revision, head_revision, upgrade_database


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
