"""Distributed rendering benchmark (COSTAR_QUEUE=celery): throughput, queue latency, recovery.

Run from the repository root (needs PostgreSQL at COSTAR_TEST_POSTGRES_URL and Debian's
rabbitmq-server; it starts a private RabbitMQ node and a scratch database, as the tests do):

    python -m benchmarks.bench_scale [--clips 12] [--pipeline webapp.pipeline_setup:build_pipeline]

1. Drain ``--clips`` queued clips with 1 worker, then with 2 workers (each warmed up first, so
   model loading is not counted): clips per minute and the ratio.
2. Queue -> first progress (the row shows ``running``), p50/p95 over ``--latency-runs`` clips
   queued one at a time to idle renderers: render threads in this process (COSTAR_QUEUE=threads)
   vs Celery workers, same pipeline.
3. ``kill -9`` of the worker rendering a clip -> the clip running again on the other worker.

The default pipeline is the app's own (embedded animatic, CPU). ``tests.scale.fakes:slow_pipeline``
(frames paced by sleeping, no CPU) shows the queue's own scaling apart from the CPU.
"""

from __future__ import annotations

import argparse
import importlib
import os
import statistics
import tempfile
import time
from pathlib import Path

from db.engine import make_engine, make_session_factory, transaction
from db.migrate import upgrade_database
from db.models import Clip
from tests.conftest import POSTGRES_ADMIN_URL, _drop_postgres_database, _fresh_postgres_url
from tests.core.generation.generation_fakes import two_role_script
from tests.scale.conftest import Cluster, RabbitNode, make_replica, wait_until
from tests.webapp.test_clips import MAYA
from tests.webapp.test_jobs import CAST, seed_people
from webapp.clips import ClipService, JobLimits
from webapp.jobs import RenderWorkers

POLL = 0.01


def status_of(sessions, clip_id: int) -> tuple[str, int, float]:
    with transaction(sessions) as session:
        clip = session.get(Clip, clip_id)
        return clip.status, clip.attempts, clip.progress


def queue_many(replica, count: int, seed: int) -> list[int]:
    ids = []
    for index in range(count):
        clip = replica.clips.create(MAYA, two_role_script(), CAST, seed=seed + index)
        replica.queue.submit(clip.id)
        ids.append(clip.id)
    return ids


def drain(replica, ids: list[int], timeout: float = 3600) -> float:
    started = time.monotonic()
    for clip_id in ids:
        wait_until(lambda c=clip_id: status_of(replica.sessions, c)[0] in ("done", "failed"),
                   timeout, f"clip {clip_id}")  # fmt: skip
        status = status_of(replica.sessions, clip_id)[0]
        assert status == "done", f"clip {clip_id} {status}"
    return time.monotonic() - started


def first_progress_latency(submit, sessions, clip_id: int) -> float:
    started = time.monotonic()
    submit(clip_id)
    while status_of(sessions, clip_id)[0] == "queued":
        time.sleep(POLL)
    return time.monotonic() - started


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clips", type=int, default=12)
    parser.add_argument("--latency-runs", type=int, default=10)
    parser.add_argument("--pipeline", default="webapp.pipeline_setup:build_pipeline")
    args = parser.parse_args()
    module, _, name = args.pipeline.partition(":")
    factory = getattr(importlib.import_module(module), name)
    base = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    admin = make_engine(POSTGRES_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
    url, database = _fresh_postgres_url(admin)
    engine = make_engine(url)
    upgrade_database(engine)
    sessions = make_session_factory(engine)
    seed_people(sessions)
    rabbit = RabbitNode(base / "rabbitmq")
    rabbit.start()
    cluster = Cluster(url, rabbit.url, base)
    print(f"pipeline: {args.pipeline}; load average at start: {os.getloadavg()[0]:.1f}")
    try:
        replica = make_replica(cluster, max_active=1000, max_per_hour=10_000)

        def start(worker_name: str) -> None:
            cluster.start_worker(worker_name, pipeline=args.pipeline)

        # 1. throughput, 1 worker then 2 (each warmed up: models load once per process)
        start("w1")
        drain(replica, queue_many(replica, 1, seed=1))
        one = drain(replica, queue_many(replica, args.clips, seed=100))
        start("w2")
        drain(replica, queue_many(replica, 2, seed=2))
        two = drain(replica, queue_many(replica, args.clips, seed=200))
        rate_one, rate_two = 60 * args.clips / one, 60 * args.clips / two
        print(f"drain {args.clips} clips: 1 worker {one:.1f} s ({rate_one:.1f}/min), "
              f"2 workers {two:.1f} s ({rate_two:.1f}/min); ratio {one / two:.2f}x")  # fmt: skip

        # 2. queue -> first progress: Celery (2 idle workers) vs threads in this process
        celery_latency = []
        for index in range(args.latency_runs):
            clip = replica.clips.create(MAYA, two_role_script(), CAST, seed=300 + index)
            celery_latency.append(first_progress_latency(replica.queue.submit, sessions, clip.id))
            drain(replica, [clip.id])
        cluster.stop_all()
        local_pipeline = factory(cluster.settings(data_dir=base / "threads"))
        threads_service = ClipService(
            sessions, lambda: local_pipeline,
            backend_name="animatic", max_blob_bytes=200_000_000,
            limits=JobLimits(max_active=1000, max_per_hour=10_000),
        )  # fmt: skip
        workers = RenderWorkers(threads_service, workers=1)
        workers.start()
        threads_latency = []
        try:
            warm = threads_service.create(MAYA, two_role_script(), CAST, seed=3)
            workers.submit(warm.id)
            drain(replica, [warm.id])
            for index in range(args.latency_runs):
                clip = threads_service.create(MAYA, two_role_script(), CAST, seed=400 + index)
                threads_latency.append(first_progress_latency(workers.submit, sessions, clip.id))
                drain(replica, [clip.id])
        finally:
            workers.stop()
        for label, values in (("threads", threads_latency), ("celery", celery_latency)):
            print(f"queue -> running, {label}: p50 {1000 * statistics.median(values):.0f} ms, "
                  f"p95 {1000 * percentile(values, 0.95):.0f} ms (n={len(values)})")  # fmt: skip

        # 3. kill -9 -> running again on the other worker
        start("w1")
        start("w2")
        drain(replica, queue_many(replica, 2, seed=4))
        clip_id = queue_many(replica, 1, seed=500)[0]
        wait_until(lambda: status_of(sessions, clip_id)[2] > 0.1, 600, "the render")
        with transaction(sessions) as session:
            owner = session.get(Clip, clip_id).lease_owner
        killed = time.monotonic()
        cluster.worker_with_pid(int(owner.split(":")[1])).kill()
        wait_until(lambda: status_of(sessions, clip_id)[:2] == ("running", 2), 600, "takeover")
        print(f"kill -9 -> running again on the other worker: {time.monotonic() - killed:.2f} s")
        drain(replica, [clip_id])
        print(f"load average at end: {os.getloadavg()[0]:.1f}")
    finally:
        cluster.stop_all()
        rabbit.stop()
        engine.dispose()
        _drop_postgres_database(admin, database)


if __name__ == "__main__":
    main()
