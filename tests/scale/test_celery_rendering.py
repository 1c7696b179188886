"""COSTAR_QUEUE=celery against real services: RabbitMQ, PostgreSQL, two worker processes and two
app-service instances. The clip row is the truth; these tests kill workers, cancel, revoke,
lose messages and restart the broker, then read the rows and the stored media."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from db.base import utcnow
from db.engine import make_engine, transaction
from db.models import Clip, Double, MediaBlob
from db.render_leases import RenderLocks
from tests.core.generation.generation_fakes import two_role_script
from tests.scale.conftest import AppReplica, Cluster, free_port, make_replica, wait_until
from tests.scale.fakes import broken_pipeline, quick_pipeline
from tests.webapp.test_clips import MAYA
from tests.webapp.test_jobs import CAST
from webapp.clips import ClipLimitError
from webapp.clips.records import CANCELLED_MESSAGE
from webapp.clips.rendering import WORKER_GAVE_UP_MESSAGE
from webapp.worker import CRASHED_MESSAGE, RenderRuntime

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

RENDER_TIMEOUT = 120  # seconds; a slow-fake clip takes about 8 s on an idle machine


def queue_clip(replica: AppReplica, seed: int, *, publish: bool = True) -> int:
    clip = replica.clips.create(MAYA, two_role_script(), CAST, seed=seed)
    if publish:
        assert replica.queue.submit(clip.id) is True
    return clip.id


def row(replica: AppReplica, clip_id: int) -> Clip:
    with transaction(replica.sessions) as session:
        clip = session.get(Clip, clip_id)
        session.expunge(clip)
        return clip


def wait_finished(replica: AppReplica, clip_id: int, timeout: float = RENDER_TIMEOUT) -> Clip:
    wait_until(lambda: replica.clips.get(MAYA, clip_id).finished, timeout, f"clip {clip_id}")
    return row(replica, clip_id)


def wait_rendering(replica: AppReplica, clip_id: int, *, past: float = 0.1) -> Clip:
    """Until the clip renders and its progress is past ``past``; returns its row."""

    def rendering() -> Clip | None:
        clip = row(replica, clip_id)
        assert clip.status in ("queued", "running"), (clip.status, clip.status_message)
        return clip if clip.status == "running" and clip.progress >= past else None

    return wait_until(rendering, RENDER_TIMEOUT, f"clip {clip_id} to render")


def holder_pid(clip: Clip) -> int:
    return int(clip.lease_owner.split(":")[1])


def blob_count(replica: AppReplica) -> int:
    with transaction(replica.sessions) as session:
        return session.execute(select(func.count()).select_from(MediaBlob)).scalar_one()


def test_queued_on_one_replica_finished_as_seen_from_the_other(replicas):
    first, second = replicas
    clip_id = queue_clip(first, seed=101)
    done = wait_finished(second, clip_id)
    assert (done.status, done.attempts) == ("done", 1), done.status_message
    assert done.video_sha is not None and done.published_at is not None
    assert done.lease_expires_at is None and done.lease_owner  # released, owner on record
    record = second.clips.get(MAYA, clip_id)
    assert record.status == "done" and record.progress == 1.0


def test_a_killed_worker_s_clip_finishes_on_the_other_with_one_result(cluster: Cluster, replicas):
    first, second = replicas
    blobs_before = blob_count(first)
    clip_id = queue_clip(first, seed=102)
    victim = cluster.worker_with_pid(holder_pid(wait_rendering(first, clip_id, past=0.2)))
    killed_at = time.monotonic()
    victim.kill()
    taken_over = wait_until(
        lambda: (c := row(second, clip_id)).attempts == 2 and c.status == "running" and c,
        60, "the other worker to take the clip over",
    )  # fmt: skip
    recovery = time.monotonic() - killed_at
    assert holder_pid(taken_over) not in victim.pids()
    done = wait_finished(second, clip_id)
    assert (done.status, done.attempts) == ("done", 2), done.status_message
    assert blob_count(first) == blobs_before + 1  # one stored video, not two
    assert recovery < 30, f"took {recovery:.1f} s to run again"
    cluster.start_worker(victim.name)


def test_a_clip_whose_workers_are_killed_twice_fails_with_a_message(cluster: Cluster, replicas):
    first, _ = replicas
    clip_id = queue_clip(first, seed=103)
    for attempt in (1, 2):

        def rendering(attempt: int = attempt) -> Clip | None:
            clip = row(first, clip_id)
            ok = clip.attempts == attempt and clip.status == "running" and clip.progress > 0.1
            return clip if ok else None

        clip = wait_until(rendering, RENDER_TIMEOUT, f"attempt {attempt}")
        cluster.worker_with_pid(holder_pid(clip)).kill()
    cluster.start_workers("w1", "w2")  # the message comes back: a third try is refused
    failed = wait_finished(first, clip_id, timeout=60)
    assert (failed.status, failed.status_message, failed.attempts) == (
        "failed", WORKER_GAVE_UP_MESSAGE, 2)  # fmt: skip
    assert failed.video_sha is None


def test_cancel_while_rendering_stops_it_within_two_seconds_and_the_worker_goes_on(replicas):
    first, second = replicas
    running = queue_clip(first, seed=104)
    wait_rendering(first, running, past=0.15)
    next_ids = [queue_clip(first, seed=seed) for seed in (105, 106)]  # more than the workers
    asked = time.monotonic()
    second.clips.cancel(MAYA, running)  # from the other replica
    wait_until(lambda: row(first, running).status == "cancelled", 10, "the cancel")
    assert time.monotonic() - asked < 2.5
    cancelled = row(first, running)
    assert (cancelled.status_message, cancelled.video_sha) == (CANCELLED_MESSAGE, None)
    for clip_id in next_ids:
        assert wait_finished(first, clip_id).status == "done"


def test_a_clip_whose_message_was_never_published_is_sent_by_the_reaper(replicas):
    first, second = replicas
    clip_id = queue_clip(first, seed=107, publish=False)  # the replica died after the commit
    time.sleep(1.0)
    assert row(first, clip_id).status == "queued"  # no worker heard of it
    second.queue.reaper._grace = second.queue.reaper._grace * 0  # don't wait the grace period
    report = second.queue.reaper.reap_once()
    assert report.ran and clip_id in report.sent
    done = wait_finished(first, clip_id)
    assert (done.status, done.attempts) == ("done", 1)


def test_revoking_a_cast_double_mid_render_stops_it(replicas):
    first, second = replicas
    clip_id = queue_clip(first, seed=108)
    wait_rendering(first, clip_id, past=0.15)
    with transaction(second.sessions) as session:
        rex = session.execute(select(Double).where(Double.handle == "rex")).scalar_one()
        rex.status = "revoked"
    try:
        stopped = wait_finished(first, clip_id, timeout=15)
    finally:
        with transaction(second.sessions) as session:
            session.execute(
                select(Double).where(Double.handle == "rex")
            ).scalar_one().status = "active"
    assert stopped.status == "cancelled" and stopped.video_sha is None
    assert "stopped" in stopped.status_message.lower()


def test_per_person_limits_hold_across_two_replicas_at_the_same_moment(cluster: Cluster):
    first, second = make_replica(cluster, max_active=2), make_replica(cluster, max_active=2)
    for replica in (first, second):  # nothing of this person's may be in progress yet
        for clip in replica.clips.list_mine(MAYA):
            if not clip.finished:
                wait_finished(replica, clip.id)

    def generate(index: int) -> str:
        replica = (first, second)[index % 2]
        try:
            replica.clips.create(MAYA, two_role_script(), CAST, seed=900 + index)
            return "queued"
        except ClipLimitError:
            return "refused"

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(generate, range(16)))
    assert outcomes.count("queued") == 2
    for clip in first.clips.list_mine(MAYA):
        if clip.status == "queued":
            first.clips.cancel(MAYA, clip.id)


def test_broker_restarted_mid_queue_every_clip_done_once(cluster: Cluster, rabbitmq, replicas):
    first, second = replicas
    blobs_before = blob_count(first)
    clip_ids = [queue_clip(first, seed=seed) for seed in (110, 111, 112)]
    wait_rendering(first, clip_ids[0], past=0.1)
    rabbitmq.stop()
    delayed = queue_clip(second, seed=113, publish=False)
    assert second.queue.submit(delayed) is False  # stored and queued; the page says delayed
    assert row(second, delayed).status == "queued"
    rabbitmq.start()
    second.queue.reaper._grace = second.queue.reaper._grace * 0
    wait_until(lambda: delayed in second.queue.reaper.reap_once().sent, 60, "the re-send")
    for clip_id in [*clip_ids, delayed]:
        done = wait_finished(first, clip_id, timeout=180)
        assert (done.status, done.attempts) == ("done", 1), (clip_id, done.status_message)
    assert blob_count(first) == blobs_before + 4


def test_a_worker_that_cannot_reach_postgresql_stops_taking_tasks(cluster: Cluster, replicas):
    first, _ = replicas
    unreachable = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/costar"
    cut_off = cluster.start_worker("gpu-cut-off", queues="render.gpu", database_url=unreachable)
    try:
        clip_id = queue_clip(first, seed=114, publish=False)
        assert first.queue.publish(clip_id, "wan-vace")  # routed to render.gpu
        inspect = first.queue.celery.control.inspect(destination=["gpu-cut-off@test"], timeout=2)
        wait_until(lambda: (inspect.active_queues() or {}).get("gpu-cut-off@test") == [], 60,
                   "the cut-off worker to stop consuming")  # fmt: skip
        untouched = row(first, clip_id)
        assert (untouched.status, untouched.attempts) == ("queued", 0)  # not failed, not taken
        healthy = cluster.start_worker(
            "gpu-healthy", pipeline="quick_pipeline", queues="render.gpu"
        )
        try:
            done = wait_finished(first, clip_id)
        finally:
            healthy.stop()
        assert (done.status, done.attempts) == ("done", 1)
    finally:
        cut_off.stop()


# --- the worker's decisions, in this process (no broker): crash, duplicate, hung holder -------


def claimed_by_someone_else(replica: AppReplica, clip_id: int, *, expires_in: float) -> None:
    with transaction(replica.sessions) as session:
        clip = session.get(Clip, clip_id)
        clip.status, clip.attempts, clip.lease_owner = "running", 1, "elsewhere:1:x"
        clip.lease_expires_at = utcnow() + timedelta(seconds=expires_in)


def test_a_crashing_renderer_fails_the_clip_and_releases_it(cluster: Cluster, replicas):
    first, _ = replicas
    clip_id = queue_clip(first, seed=120, publish=False)
    runtime = RenderRuntime(cluster.settings(), broken_pipeline)
    assert runtime.handle(clip_id) == "crashed"
    failed = row(first, clip_id)
    assert (failed.status, failed.status_message) == ("failed", CRASHED_MESSAGE)
    assert failed.lease_expires_at is None and failed.finished_at is not None


def test_a_duplicate_delivery_leaves_a_live_renewed_render_alone(cluster: Cluster, replicas):
    first, _ = replicas
    clip_id = queue_clip(first, seed=121, publish=False)
    claimed_by_someone_else(first, clip_id, expires_in=10)
    locks = RenderLocks(make_engine(cluster.database_url))
    assert locks.try_acquire(clip_id)  # the live holder's render lock
    stop = threading.Event()

    def keep_renewing() -> None:
        while not stop.wait(0.3):
            with transaction(first.sessions) as session:
                session.get(Clip, clip_id).lease_expires_at = utcnow() + timedelta(seconds=10)

    renewer = threading.Thread(target=keep_renewing)
    renewer.start()
    try:
        assert RenderRuntime(cluster.settings(), quick_pipeline).handle(clip_id) == "duplicate"
    finally:
        stop.set()
        renewer.join()
        locks.release(clip_id)
    untouched = row(first, clip_id)
    assert (untouched.status, untouched.attempts, untouched.lease_owner) == (
        "running", 1, "elsewhere:1:x")  # fmt: skip
    first.clips.cancel(MAYA, clip_id)


def test_a_hung_holder_s_expired_lease_is_taken_over(cluster: Cluster, replicas):
    first, _ = replicas
    clip_id = queue_clip(first, seed=122, publish=False)
    claimed_by_someone_else(first, clip_id, expires_in=-1)  # stopped renewing…
    locks = RenderLocks(make_engine(cluster.database_url))
    assert locks.try_acquire(clip_id)  # …but its connection is still open
    try:
        assert RenderRuntime(cluster.settings(), quick_pipeline).handle(clip_id) == "done"
    finally:
        locks.release(clip_id)
    done = row(first, clip_id)
    assert (done.status, done.attempts) == ("done", 2) and done.video_sha is not None
