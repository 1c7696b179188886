"""The reaper on PostgreSQL: expired leases re-queued (or failed after two attempts), unsent clips
sent, live renders left alone, and one reaper at a time across replicas (advisory lock)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from db.base import utcnow
from db.engine import make_engine, make_session_factory, transaction
from db.migrate import upgrade_database
from db.models import Clip
from db.render_leases import try_reaper_lock
from tests.conftest import _drop_postgres_database, _fresh_postgres_url
from tests.core.generation.generation_fakes import two_role_script
from tests.webapp.test_clips import MAYA
from tests.webapp.test_jobs import CAST, make_service, seed_people
from webapp.clips.rendering import WORKER_GAVE_UP_MESSAGE
from webapp.render_queue import REQUEUED_MESSAGE, RenderReaper

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_sessions(postgres_admin) -> Iterator:
    url, name = _fresh_postgres_url(postgres_admin)
    engine = make_engine(url)
    upgrade_database(engine)
    sessions = make_session_factory(engine)
    seed_people(sessions)
    yield sessions
    engine.dispose()
    _drop_postgres_database(postgres_admin, name)


class Broker:
    def __init__(self, up: bool = True) -> None:
        self.up = up
        self.sent: list[tuple[int, str]] = []

    def publish(self, clip_id: int, backend: str) -> bool:
        if self.up:
            self.sent.append((clip_id, backend))
        return self.up


def make_clip(sessions, tmp_path, seed: int, **row) -> int:
    service = make_service(sessions, tmp_path, max_active=50, max_per_hour=500)
    clip_id = service.create(MAYA, two_role_script(), CAST, seed=seed).id
    with transaction(sessions) as session:
        clip = session.get(Clip, clip_id)
        for name, value in row.items():
            setattr(clip, name, value)
    return clip_id


def test_expired_leases_are_requeued_and_sent_or_failed_after_two_attempts(pg_sessions, tmp_path):
    now, old = utcnow(), utcnow() - timedelta(minutes=5)
    published = {"created_at": old, "published_at": old}
    expired = make_clip(pg_sessions, tmp_path, 1, status="running", attempts=1, lease_owner="a",
                        lease_expires_at=now - timedelta(seconds=1), **published)  # fmt: skip
    twice = make_clip(pg_sessions, tmp_path, 2, status="running", attempts=2, lease_owner="b",
                      lease_expires_at=now - timedelta(seconds=1), **published)  # fmt: skip
    live = make_clip(pg_sessions, tmp_path, 3, status="running", attempts=1, lease_owner="c",
                     lease_expires_at=now + timedelta(seconds=30), **published)  # fmt: skip
    broker = Broker()
    report = RenderReaper(pg_sessions, broker.publish, grace_seconds=10).reap_once()
    assert report.ran and report.requeued == [expired] and report.failed == [twice]
    assert broker.sent == [(expired, "animatic")] and report.sent == [expired]
    with transaction(pg_sessions) as session:
        requeued, failed, running = (session.get(Clip, i) for i in (expired, twice, live))
        assert (requeued.status, requeued.status_message) == ("queued", REQUEUED_MESSAGE)
        assert requeued.published_at is not None and requeued.lease_expires_at is None
        assert (failed.status, failed.status_message) == ("failed", WORKER_GAVE_UP_MESSAGE)
        assert (running.status, running.lease_owner) == ("running", "c")


def test_unsent_clips_are_sent_after_the_grace_period_and_kept_when_the_broker_is_down(
    pg_sessions, tmp_path
):
    old = utcnow() - timedelta(minutes=1)
    unsent = make_clip(pg_sessions, tmp_path, 4, created_at=old)
    fresh = make_clip(pg_sessions, tmp_path, 5)  # its replica is publishing it right now
    already = make_clip(pg_sessions, tmp_path, 6, created_at=old, published_at=old)
    down = Broker(up=False)
    assert RenderReaper(pg_sessions, down.publish, grace_seconds=10).reap_once().sent == []
    with transaction(pg_sessions) as session:
        assert session.get(Clip, unsent).published_at is None  # tried again next round
    up = Broker()
    report = RenderReaper(pg_sessions, up.publish, grace_seconds=10).reap_once()
    assert report.sent == [unsent] and fresh not in report.sent and already not in report.sent
    with transaction(pg_sessions) as session:
        assert session.get(Clip, unsent).published_at is not None


def test_only_one_replica_reaps_at_a_time(pg_sessions, tmp_path):
    make_clip(pg_sessions, tmp_path, 7, created_at=utcnow() - timedelta(minutes=1))
    broker = Broker()
    with transaction(pg_sessions) as other_replica:
        assert try_reaper_lock(other_replica)  # another replica's reaper is mid-round
        report = RenderReaper(pg_sessions, broker.publish).reap_once()
    assert report.ran is False and broker.sent == []
    assert RenderReaper(pg_sessions, broker.publish).reap_once().ran  # the lock went at commit
