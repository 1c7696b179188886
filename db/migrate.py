"""Apply Alembic migrations at start-up; back up a SQLite file before changing it.

Run by hand with ``python -m db.migrate [DATABASE_URL]``.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from db.engine import make_engine, sqlite_file

logger = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def backup_sqlite(path: Path) -> Path:
    """Copy a live SQLite database consistently (the online backup API, not a file copy)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        destination = sqlite3.connect(target)
        try:
            source.backup(destination)
        finally:
            destination.close()
    finally:
        source.close()
    return target


def upgrade_database(engine: Engine) -> Path | None:
    """Bring the schema to the newest revision. Returns the backup file made, if any."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup: Path | None = None
    path = sqlite_file(str(engine.url))
    if path is not None and path.exists() and inspect(engine).get_table_names():
        backup = backup_sqlite(path)
        logger.info("backed up %s to %s before migrating", path, backup)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    logger.info("database migrated from %s to %s", current, head_revision())
    return backup


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m db.migrate DATABASE_URL", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO)
    upgrade_database(make_engine(argv[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
