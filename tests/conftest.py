"""Shared fixtures: databases on SQLite and PostgreSQL, migrated, and a CI guard against skips."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from db.engine import make_engine, make_session_factory
from db.migrate import upgrade_database

# Where to reach a PostgreSQL server with rights to create databases. .ci/run makes sure one runs.
POSTGRES_ADMIN_URL = os.environ.get(
    "COSTAR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _postgres_admin_engine() -> Engine | None:
    try:
        engine = make_engine(POSTGRES_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        return engine
    except Exception as error:
        _postgres_admin_engine.error = str(error).splitlines()[0]  # type: ignore[attr-defined]
        return None


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    engine = _postgres_admin_engine()
    if engine is None:
        reason = getattr(_postgres_admin_engine, "error", "unreachable")
        pytest.skip(f"no PostgreSQL server at {POSTGRES_ADMIN_URL} ({reason})")
    yield engine
    engine.dispose()


def _fresh_postgres_url(admin: Engine) -> tuple[str, str]:
    name = f"costar_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = admin.url.set(database=name).render_as_string(hide_password=False)
    return url, name


def _drop_postgres_database(admin: Engine, name: str) -> None:
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A URL to a brand-new, empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    admin = request.getfixturevalue("postgres_admin")
    url, name = _fresh_postgres_url(admin)
    yield url
    _drop_postgres_database(admin, name)


@pytest.fixture
def engine(empty_database_url: str) -> Iterator[Engine]:
    """A migrated database (both backends)."""
    engine = make_engine(empty_database_url)
    upgrade_database(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(engine)


@pytest.fixture
def sqlite_sessions(tmp_path) -> Iterator[sessionmaker[Session]]:
    """A migrated SQLite database, for service tests that need no second backend."""
    engine = make_engine(f"sqlite:///{tmp_path / 'service.db'}")
    upgrade_database(engine)
    yield make_session_factory(engine)
    engine.dispose()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI a skipped test is a failure: the PostgreSQL and browser tests must really run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if not IN_CI or reporter is None:
        return
    skipped = reporter.stats.get("skipped", [])
    if skipped:
        reporter.write_line(f"CI: {len(skipped)} test(s) were skipped; failing the run.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
