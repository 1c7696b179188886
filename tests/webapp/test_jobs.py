"""Render jobs: per-person limits (also under a burst), cancel, restart recovery, workers."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select

from core.generation.pipeline import CoStarPipeline
from core.generation.types import ProgressEvent
from db import users as user_queries
from db.engine import transaction
from db.models import Clip, MediaBlob
from tests.core.generation.generation_fakes import SolidColourBackend, tone_speech, two_role_script
from tests.webapp.test_clips import BOB, MAYA, add_double
from webapp.clips import ClipError, ClipLimitError, ClipService, JobLimits
from webapp.clips.records import CANCELLED_MESSAGE, GAVE_UP_MESSAGE, RESUMED_MESSAGE
from webapp.jobs import RenderWorkers

CAST = {"lead": "maya", "buddy": "rex"}


def seed_people(sessions) -> None:
    with transaction(sessions) as session:
        for user in (MAYA, BOB):
            user_queries.add_user(session, username=user.username, username_key=user.username,
                                  display_name=user.display_name, password_hash=None)  # fmt: skip
        add_double(session, MAYA, "maya")
        add_double(session, MAYA, "rex", kind="pet")


def make_service(sessions, tmp_path, clock=None, **limits) -> ClipService:
    pipeline = CoStarPipeline(SolidColourBackend(), keys_dir=tmp_path / "keys",
                              work_dir=tmp_path / "work", speak=tone_speech)  # fmt: skip
    options = {"clock": clock} if clock else {}
    return ClipService(sessions, lambda: pipeline, backend_name="animatic",
                       max_blob_bytes=50_000_000, limits=JobLimits(**limits),
                       **options)  # fmt: skip


def clip_count(sessions, **filters) -> int:
    query = select(func.count()).select_from(Clip).filter_by(**filters)
    with transaction(sessions) as session:
        return session.execute(query).scalar_one()


def test_a_burst_of_100_requests_queues_only_the_allowed_number(sessions, tmp_path):
    """100 simultaneous Generate requests from one person: exactly max_active are queued."""
    seed_people(sessions)
    service = make_service(sessions, tmp_path, max_active=2, max_per_hour=50)

    def request(seed: int) -> str:
        try:
            service.create(MAYA, two_role_script(), CAST, seed=seed)
            return "queued"
        except ClipLimitError as error:
            return str(error)

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(request, range(100)))
    assert outcomes.count("queued") == 2
    refusals = {outcome for outcome in outcomes if outcome != "queued"}
    assert refusals == {JobLimits(max_active=2).active_message()}
    assert clip_count(sessions) == 2  # nothing half-written for the 98 refused


def test_hourly_limit_counts_finished_clips_too(sqlite_sessions, tmp_path):
    from tests.webapp.conftest import FakeClock

    clock = FakeClock()
    seed_people(sqlite_sessions)
    service = make_service(sqlite_sessions, tmp_path, clock, max_active=5, max_per_hour=3)
    for seed in range(3):
        service.cancel(MAYA, service.create(MAYA, two_role_script(), CAST, seed=seed).id)
    with pytest.raises(ClipLimitError, match="last hour"):
        service.create(MAYA, two_role_script(), CAST, seed=9)
    clock.advance(minutes=61)
    assert service.create(MAYA, two_role_script(), CAST, seed=9).status == "queued"


def test_cancelling_a_queued_clip_means_it_never_renders(sqlite_sessions, tmp_path):
    seed_people(sqlite_sessions)
    service = make_service(sqlite_sessions, tmp_path)
    clip = service.create(MAYA, two_role_script(), CAST, seed=1)
    with pytest.raises(ClipError, match="isn't yours"):
        service.cancel(BOB, clip.id)  # only the creator may cancel
    assert service.cancel(MAYA, clip.id).status == "cancelled"
    assert RenderWorkers(service).run_next() is False  # nothing left in the queue
    assert service.get(MAYA, clip.id).status_message == CANCELLED_MESSAGE
    with pytest.raises(ClipError, match="nothing to cancel"):
        service.cancel(MAYA, clip.id)


def test_cancelling_a_running_clip_stops_it_and_keeps_nothing(
    sqlite_sessions, tmp_path, monkeypatch
):
    import webapp.clips.rendering as clips_module

    monkeypatch.setattr(clips_module, "PERMISSION_RECHECK_SECONDS", 0.0)
    seed_people(sqlite_sessions)
    service = make_service(sqlite_sessions, tmp_path)
    clip = service.create(MAYA, two_role_script(), CAST, seed=1)
    with transaction(sqlite_sessions) as session:
        blobs = session.execute(select(func.count()).select_from(MediaBlob)).scalar_one()

    def cancel_when_frames_start(event: ProgressEvent) -> None:
        if event.stage == "frames":
            service.cancel(MAYA, clip.id)

    with pytest.raises(ClipError, match="Cancelled"):
        service.render(MAYA, clip.id, cancel_when_frames_start)
    record = service.get(MAYA, clip.id)
    assert record.status == "cancelled" and record.video_sha is None
    with transaction(sqlite_sessions) as session:
        assert session.execute(select(func.count()).select_from(MediaBlob)).scalar_one() == blobs


def test_restart_requeues_interrupted_clips_and_gives_up_after_two_tries(sqlite_sessions, tmp_path):
    seed_people(sqlite_sessions)
    service = make_service(sqlite_sessions, tmp_path, max_active=3)
    interrupted = service.create(MAYA, two_role_script(), CAST, seed=1)
    crashing = service.create(MAYA, two_role_script(), CAST, seed=2)
    with transaction(sqlite_sessions) as session:  # as a killed process leaves them
        session.get(Clip, interrupted.id).status = "running"
        session.get(Clip, interrupted.id).attempts = 1
        session.get(Clip, crashing.id).status = "running"
        session.get(Clip, crashing.id).attempts = 2
    service.recover_unfinished()
    resumed, failed = service.get(MAYA, interrupted.id), service.get(MAYA, crashing.id)
    assert (resumed.status, resumed.status_message) == ("queued", RESUMED_MESSAGE)
    assert (failed.status, failed.status_message) == ("failed", GAVE_UP_MESSAGE)
    assert RenderWorkers(service).run_next() is True
    assert service.get(MAYA, interrupted.id).status == "done"


def test_queue_position_counts_the_clips_ahead(sqlite_sessions, tmp_path):
    seed_people(sqlite_sessions)
    service = make_service(sqlite_sessions, tmp_path, max_active=3)
    first = service.create(MAYA, two_role_script(), CAST, seed=1)
    second = service.create(MAYA, two_role_script(), CAST, seed=2)
    assert service.get(MAYA, first.id).queue_position == 0
    assert service.get(MAYA, second.id).queue_position == 1
    with pytest.raises(ClipError, match="isn't yours"):
        service.get(BOB, first.id)


def test_worker_threads_render_queued_clips_in_the_background(sqlite_sessions, tmp_path):
    seed_people(sqlite_sessions)
    service = make_service(sqlite_sessions, tmp_path)
    workers = RenderWorkers(service, workers=1)
    workers.start()
    try:
        clip = service.create(MAYA, two_role_script(), CAST, seed=3)
        workers.wake()
        deadline = time.monotonic() + 60
        while not service.get(MAYA, clip.id).finished and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        workers.stop()
    done = service.get(MAYA, clip.id)
    assert done.status == "done" and done.video_sha


def test_a_crashing_backend_fails_the_clip_and_the_worker_survives(sqlite_sessions, tmp_path):
    seed_people(sqlite_sessions)

    class BrokenPipeline:
        def __call__(self, *args, **kwargs):
            raise RuntimeError("boom")

    service = ClipService(sqlite_sessions, BrokenPipeline, backend_name="animatic",
                          max_blob_bytes=10**6)  # fmt: skip
    clip = service.create(MAYA, two_role_script(), CAST, seed=1)
    workers = RenderWorkers(service)
    assert workers.run_next() is True
    failed = service.get(MAYA, clip.id)
    assert failed.status == "failed" and "unexpected error" in failed.status_message
    assert workers.run_next() is False  # the queue is empty, and the worker carried on
