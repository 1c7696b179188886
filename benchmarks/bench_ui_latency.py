"""UI latency under load: Co-Star Studio's read views beside a trivial Gradio app.

Run from the repository root (starts both apps itself, each on a free loopback port):

    python -m benchmarks.bench_ui_latency [--sessions 20] [--processes 2] [--rounds 3]
        [--seconds 10] [--queue threads|celery]

The load generator speaks Gradio's own queue protocol over async HTTP (``POST queue/join``, then
the session's ``queue/data`` event stream), ``--sessions`` closed-loop sessions split over
``--processes`` processes, so the generator itself stays cheap. Each session signs in once, then
calls the read views the page calls (``feed_page``, ``list_friends``, ``list_appearances``) in
turn, with no pause; the trivial app's sessions call its one button (returns a string). The same
generator drives both, in alternating rounds of ``--seconds`` each, so a shared machine's
changing load falls on both alike:

1. idle: nothing else runs;
2. render: a clip renders (the app's own animatic generator) the whole time; only calls that
   start and end while a clip is rendering count. With ``--queue threads`` (the default) the
   app renders it on its own thread; with ``--queue celery`` the app runs in Celery mode on a
   scratch PostgreSQL database and a private RabbitMQ node (Debian's ``rabbitmq-server``, as
   the scale tests start it), and one ``python -m webapp.worker`` process renders it.

The account has rendered clips already, so the feed's cards carry their media, as a real
person's do. Reported: p50/p95 per app and phase, and the ratios to the trivial app idle
(targets from issue 15: p95 within 1.5x idle, 2x during a render).
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from db.engine import make_engine, make_session_factory, transaction
from db.migrate import upgrade_database
from db.models import Clip, Double, User
from tests.app_server import REPO_ROOT, free_port, serving_app, wait_for_log, wait_until_up
from tests.core.generation.generation_fakes import two_role_script
from tests.webapp.test_clips import MAYA
from tests.webapp.test_jobs import CAST, seed_people
from webapp.clips import ClipService, JobLimits

PASSWORD = "benchmark password 1"  # noqa: S105 - a throwaway account in a scratch folder
# The page's own calls. feed_page redraws the Clips tab; in trees before the cards became one
# HTML block the page called list_feed for that (used when feed_page is absent).
READ_VIEWS = ("feed_page", "list_friends", "list_appearances")
FORMER_NAMES = {"feed_page": "list_feed"}
TRIVIAL_VIEW = "ping"
Call = tuple[int, list[Any]]  # (fn_index, data)


# --- the trivial app -----------------------------------------------------------------------


def serve_trivial_app(port: int) -> None:
    """One button returning a string: Gradio's own floor for a queued call."""
    import gradio as gr

    with gr.Blocks() as demo:
        answer = gr.Textbox()
        gr.Button("Ping").click(lambda: "pong", None, answer, api_name=TRIVIAL_VIEW)
    demo.launch(server_name="127.0.0.1", server_port=port, ssr_mode=False, _frontend=False)


@contextmanager
def trivial_app(log: Path):
    port = free_port()
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.bench_ui_latency", "--serve-trivial", str(port)],
            cwd=REPO_ROOT, stdout=log_file, stderr=log_file,
        )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until_up(url, process, log, timeout=300)
        yield url
    finally:
        process.terminate()
        process.wait(15)


# --- Gradio's queue protocol -----------------------------------------------------------------


async def call_once(client: httpx.AsyncClient, base: str, session_hash: str, call: Call) -> bool:
    """Join the queue and read the session's event stream until this call completes."""
    fn_index, data = call
    joined = await client.post(
        f"{base}gradio_api/queue/join",
        json={"data": data, "fn_index": fn_index, "session_hash": session_hash,
              "event_data": None, "trigger_id": None},
    )  # fmt: skip
    joined.raise_for_status()
    event_id = joined.json()["event_id"]
    stream_url = f"{base}gradio_api/queue/data"
    async with client.stream("GET", stream_url, params={"session_hash": session_hash}) as stream:
        async for line in stream.aiter_lines():
            if not line.startswith("data:"):
                continue
            message = httpx.Response(200, content=line[5:]).json()
            if message.get("event_id") == event_id and message.get("msg") == "process_completed":
                return bool(message.get("success"))
    return False


def calls_by_name(base: str) -> tuple[dict[str, int], dict[int, list[Any]]]:
    """fn_index per api_name and, per fn_index, the data the page sends (states are None)."""
    config = httpx.get(f"{base}config", timeout=30).json()
    defaults = {
        component["id"]: (None if component["type"] == "state"
                          else component.get("props", {}).get("value"))
        for component in config["components"]
    }  # fmt: skip
    names = {dep["api_name"]: dep["id"] for dep in config["dependencies"] if dep.get("api_name")}
    data = {dep["id"]: [defaults.get(i) for i in dep["inputs"]] for dep in config["dependencies"]}
    return names, data


async def _drive(base: str, hashes: list[str], calls: list[Call], seconds: float) -> list[tuple]:
    limits = httpx.Limits(max_connections=4 * len(hashes), max_keepalive_connections=None)
    timings: list[tuple[float, float, bool, int]] = []  # start, end, ok, view index
    deadline = time.time() + seconds
    async with httpx.AsyncClient(timeout=120, limits=limits) as client:

        async def session(index: int, session_hash: str) -> None:
            rotation = itertools.islice(itertools.cycle(enumerate(calls)), index, None)
            for view, call in rotation:
                if time.time() >= deadline:
                    return
                started = time.time()
                try:
                    ok = await call_once(client, base, session_hash, call)
                except httpx.HTTPError:
                    ok = False
                timings.append((started, time.time(), ok, view))

        await asyncio.gather(*(session(i, h) for i, h in enumerate(hashes)))
    return timings


def drive(base: str, hashes: list[str], calls: list[Call], seconds: float) -> list[tuple]:
    """One generator process: its sessions, closed loop, for ``seconds``."""
    return asyncio.run(_drive(base, hashes, calls, seconds))


# --- the app's data --------------------------------------------------------------------------


def seed(url: str) -> str:
    """Maya (with a password) and her two doubles, visible to everyone; returns the DB URL."""
    from argon2 import PasswordHasher

    engine = make_engine(url)
    upgrade_database(engine)
    sessions = make_session_factory(engine)
    seed_people(sessions)
    with transaction(sessions) as session:
        session.get(User, MAYA.id).password_hash = PasswordHasher().hash(PASSWORD)
        for double in session.query(Double).all():
            double.visibility = "everyone"
    engine.dispose()
    return url


@dataclass
class Renders:
    """Queues Maya's clips in the app's database (its render thread picks them up) and records
    when one is rendering, polled from the clips table."""

    database_url: str
    submit: Callable[[int], None] | None = None  # Celery mode: publish; threads: the app polls

    def __post_init__(self) -> None:
        self.sessions = make_session_factory(make_engine(self.database_url))
        self.clips = ClipService(
            self.sessions, _never_here, backend_name="animatic", max_blob_bytes=50_000_000,
            limits=JobLimits(max_active=2, max_per_hour=1000),
        )  # fmt: skip
        self.intervals: list[tuple[float, float]] = []
        self._seed = itertools.count(1)

    def statuses(self) -> dict[int, str]:
        with transaction(self.sessions) as session:
            return dict(session.query(Clip.id, Clip.status).all())

    def queue(self) -> int:
        clip_id = self.clips.create(
            MAYA, two_role_script(), CAST, seed=next(self._seed), visibility="everyone"
        ).id
        if self.submit is not None:
            self.submit(clip_id)
        return clip_id

    def wait_for(self, clip_id: int, statuses: set[str], timeout: float = 900) -> None:
        deadline = time.monotonic() + timeout
        while self.statuses().get(clip_id) not in statuses:
            if time.monotonic() > deadline:
                raise RuntimeError(f"clip {clip_id} never reached {statuses}")
            time.sleep(0.2)

    @contextmanager
    def always_rendering(self):
        """Keep one clip rendering (the next is queued while one runs); record the intervals."""
        stop = threading.Event()
        self.wait_for(self.queue(), {"running"})

        def watch() -> None:
            running_since: float | None = None
            while not stop.is_set():
                statuses = self.statuses()
                running = "running" in statuses.values()
                now = time.time()
                if running and running_since is None:
                    running_since = now
                if not running and running_since is not None:
                    self.intervals.append((running_since, now))
                    running_since = None
                if "queued" not in statuses.values():
                    self.queue()
                time.sleep(0.1)
            if running_since is not None:
                self.intervals.append((running_since, time.time()))

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        try:
            yield
        finally:
            stop.set()
            watcher.join()

    def covers(self, started: float, ended: float) -> bool:
        return any(begin <= started and ended <= end for begin, end in self.intervals)


def _never_here():
    raise AssertionError("the benchmark only queues clips; the app renders them")


# --- the run ---------------------------------------------------------------------------------


def sign_in(
    base: str, hashes: list[str], names: dict[str, int], data: dict[int, list[Any]]
) -> None:
    # The page's other inputs (its language) as the page sends them by default.
    fields = [MAYA.username, PASSWORD, *data[names["log_in"]][2:]]

    async def all_sessions() -> None:
        async with httpx.AsyncClient(timeout=120) as client:
            for session_hash in hashes:  # one by one: each is an argon2 check
                call = (names["log_in"], fields)
                if not await call_once(client, base, session_hash, call):
                    raise RuntimeError("signing in the benchmark sessions failed")

    asyncio.run(all_sessions())


def measure_alone(base: str, session_hash: str, call: Call, times: int = 7) -> float:
    """Median latency of one call with nothing else in flight (ms)."""

    async def timed() -> list[float]:
        latencies = []
        async with httpx.AsyncClient(timeout=120) as client:
            for _ in range(times):
                started = time.perf_counter()
                await call_once(client, base, session_hash, call)
                latencies.append((time.perf_counter() - started) * 1000)
        return latencies

    return statistics.median(asyncio.run(timed()))


def measure(pool: ProcessPoolExecutor, base: str, hashes: list[str], calls: list[Call],
            processes: int, seconds: float) -> list[tuple]:  # fmt: skip
    shares = [hashes[i::processes] for i in range(processes)]
    futures = [pool.submit(drive, base, share, calls, seconds) for share in shares]
    return [timing for future in futures for timing in future.result()]


def summary(latencies: list[float]) -> tuple[float, float]:
    """p50 and p95; NaN for none (a view may get no call wholly inside a short render)."""
    if not latencies:
        return float("nan"), float("nan")
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--queue", choices=("threads", "celery"), default="threads")
    parser.add_argument("--serve-trivial", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_trivial:
        serve_trivial_app(args.serve_trivial)
        return

    folder = Path(tempfile.mkdtemp(prefix="costar-ui-latency-"))
    data_dir = folder / "app"
    data_dir.mkdir()
    print(f"queue: {args.queue}; load average at start: {os.getloadavg()[0]:.1f}", flush=True)
    with (
        render_setup(args.queue, folder, data_dir) as (renders, app_env),
        serving_app(data_dir, app_env) as ours,
        trivial_app(folder / "trivial.log") as trivial,
        ProcessPoolExecutor(args.processes) as pool,
    ):
        names, data = calls_by_name(ours)
        views = [view if view in names else FORMER_NAMES[view] for view in READ_VIEWS]
        our_calls = [(names[view], data[names[view]]) for view in views]
        trivial_names, trivial_data = calls_by_name(trivial)
        trivial_calls = [(trivial_names[TRIVIAL_VIEW], trivial_data[trivial_names[TRIVIAL_VIEW]])]
        hashes = [uuid.uuid4().hex[:11] for _ in range(args.sessions)]
        trivial_hashes = [uuid.uuid4().hex[:11] for _ in range(args.sessions)]
        print("signing in and rendering a first clip (the feed's content)...", flush=True)
        sign_in(ours, hashes, names, data)
        renders.wait_for(renders.queue(), {"done"})
        # The app preloads its models on a background thread (a minute of CPU on 2 cores, most
        # of it librosa's JIT); measuring before that ends would time the preload, not the views.
        wait_for_log(data_dir / "app.log", "Models preloaded", timeout=600)
        for base, app_hashes, calls in (
            (ours, hashes, our_calls),
            (trivial, trivial_hashes, trivial_calls),
        ):
            measure(pool, base, app_hashes, calls, args.processes, 3)  # warm-up, not counted
        for name, base, session_hash, call in (
            *[(view, ours, hashes[0], our_calls[i]) for i, view in enumerate(READ_VIEWS)],
            ("trivial ping", trivial, trivial_hashes[0], trivial_calls[0]),
        ):
            alone = measure_alone(base, session_hash, call)
            print(f"  one call at a time, {name}: median {alone:.0f} ms", flush=True)
        results: dict[tuple[str, str], list[tuple]] = {}
        for phase in ("idle", "render"):
            context = renders.always_rendering() if phase == "render" else _nothing()
            with context:
                for round_index in range(args.rounds):
                    for app, base, app_hashes, calls in (
                        ("ours", ours, hashes, our_calls),
                        ("trivial", trivial, trivial_hashes, trivial_calls),
                    ):
                        timings = measure(pool, base, app_hashes, calls, args.processes,
                                          args.seconds)  # fmt: skip
                        results.setdefault((app, phase), []).extend(timings)
                        print(f"  {phase} round {round_index + 1} {app}: {len(timings)} calls",
                              flush=True)  # fmt: skip
    report(results, renders, args)


@contextmanager
def _nothing():
    yield


@contextmanager
def render_setup(queue: str, folder: Path, data_dir: Path) -> Iterator[tuple[Renders, dict]]:
    """Where clips render: the app's own thread (SQLite), or a Celery worker process beside a
    scratch PostgreSQL database and a private RabbitMQ node. Yields the renders helper and the
    app's extra environment."""
    if queue == "threads":
        yield Renders(seed(f"sqlite:///{(data_dir / 'costar.db').resolve()}")), {}
        return
    from tests.conftest import POSTGRES_ADMIN_URL, _drop_postgres_database, _fresh_postgres_url
    from tests.scale.conftest import Cluster, RabbitNode, make_replica

    admin = make_engine(POSTGRES_ADMIN_URL).execution_options(isolation_level="AUTOCOMMIT")
    url, database = _fresh_postgres_url(admin)
    rabbit = RabbitNode(folder / "rabbitmq")
    rabbit.start()
    cluster = Cluster(seed(url), rabbit.url, folder)
    try:
        cluster.start_worker("w1", pipeline="webapp.pipeline_setup:build_pipeline")
        replica = make_replica(cluster, max_active=1000, max_per_hour=10_000)
        env = {"COSTAR_QUEUE": "celery", "COSTAR_DATABASE_URL": url,
               "COSTAR_BROKER_URL": rabbit.url}  # fmt: skip
        yield Renders(url, submit=replica.queue.submit), env
    finally:
        cluster.stop_all()
        rabbit.stop()
        _drop_postgres_database(admin, database)


def report(results: dict[tuple[str, str], list[tuple]], renders: Renders, args) -> None:
    table: dict[tuple[str, str], tuple[int, int, float, float]] = {}
    views: list[str] = []
    for (app, phase), timings in results.items():
        if phase == "render":  # only what ran while a clip was rendering, for both apps
            timings = [t for t in timings if renders.covers(t[0], t[1])]
        latencies = [(end - start) * 1000 for start, end, ok, _ in timings if ok]
        failed = sum(1 for _, _, ok, _ in timings if not ok)
        p50, p95 = summary(latencies) if latencies else (float("nan"), float("nan"))
        table[(app, phase)] = (len(latencies), failed, p50, p95)
        if app == "ours":
            for index, view in enumerate(READ_VIEWS):
                view_p50, view_p95 = summary(
                    [(end - start) * 1000 for start, end, ok, i in timings if ok and i == index]
                )
                views.append(f"{phase} {view}: p50 {view_p50:.0f} ms, p95 {view_p95:.0f} ms")
    baseline = table[("trivial", "idle")][3]
    print(f"\nqueue: {args.queue}; {args.sessions} sessions, {args.processes} generator processes, "
          f"{args.rounds} x {args.seconds:.0f} s rounds per app and phase\n")  # fmt: skip
    print("| app | phase | calls | failed | p50 ms | p95 ms | p95 / trivial idle p95 |")
    print("|---|---|---|---|---|---|---|")
    for (app, phase), (calls, failed, p50, p95) in sorted(table.items()):
        print(f"| {app} | {phase} | {calls} | {failed} | {p50:.0f} | {p95:.0f} | "
              f"{p95 / baseline:.2f} |")  # fmt: skip
    print("\nours per view: " + "; ".join(views))
    print(f"\ntargets: ours idle <= 1.5, ours render <= 2.0 (x trivial idle p95); "
          f"trivial render / idle = {table[('trivial', 'render')][3] / baseline:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
