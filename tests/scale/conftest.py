"""Real services for the distributed-mode tests: a private RabbitMQ node the tests may stop and
start, a fresh PostgreSQL database, render worker processes (``python -m webapp.worker``) and
two app-service instances (each its own engine, clip service and Celery publisher).

The RabbitMQ node is this test session's own (its own port, data folder and node name), so
stopping it never touches a broker anything else uses. It needs Debian's ``rabbitmq-server``
installed (``.ci/run`` makes sure); without it these tests fail in CI and skip elsewhere.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from db.engine import make_engine, make_session_factory, transaction
from db.migrate import upgrade_database
from tests.conftest import IN_CI, _drop_postgres_database, _fresh_postgres_url
from tests.webapp.test_jobs import seed_people
from webapp.clips import ClipService, JobLimits
from webapp.settings import Settings

RABBITMQ_SERVER = Path("/usr/lib/rabbitmq/bin/rabbitmq-server")
REPO_ROOT = Path(__file__).resolve().parents[2]
LEASE_SECONDS = 10.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
        return True
    except OSError:
        return False


def wait_until(condition: Callable[[], object], timeout: float, what: str) -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


class RabbitNode:
    """One RabbitMQ node in a temporary folder; messages are kept across stop/start."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.port = free_port()
        self.name = f"costar-test-{os.getpid()}@localhost"
        self.url = f"amqp://guest:guest@127.0.0.1:{self.port}//"
        self._process: subprocess.Popen[bytes] | None = None
        base.mkdir(parents=True, exist_ok=True)
        # consumer_timeout: above the longest render, so RabbitMQ never takes a render away
        (base / "rabbitmq.conf").write_text(
            f"listeners.tcp.default = 127.0.0.1:{self.port}\n"
            "loopback_users = none\nconsumer_timeout = 7200000\n"
        )
        (base / "enabled_plugins").write_text("[].\n")

    def start(self) -> None:
        env = {
            **os.environ, "HOME": str(self.base), "RABBITMQ_NODENAME": self.name,
            "RABBITMQ_DIST_PORT": str(free_port()), "RABBITMQ_MNESIA_BASE": str(self.base / "db"),
            "RABBITMQ_LOG_BASE": str(self.base / "log"),
            "RABBITMQ_CONFIG_FILE": str(self.base / "rabbitmq.conf"),
            "RABBITMQ_ENABLED_PLUGINS_FILE": str(self.base / "enabled_plugins"),
        }  # fmt: skip
        log = (self.base / "server.log").open("ab")
        self._process = subprocess.Popen(
            [str(RABBITMQ_SERVER)], env=env, stdout=log, stderr=log, start_new_session=True
        )
        wait_until(lambda: port_open(self.port), 120, "RabbitMQ to listen")

    def stop(self) -> None:
        """A clean shutdown (SIGTERM), as an operator's restart does; durable queues stay."""
        if self._process is None:
            return
        os.killpg(self._process.pid, signal.SIGTERM)
        try:
            self._process.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(10)
        self._process = None
        wait_until(lambda: not port_open(self.port), 30, "RabbitMQ to stop")


@pytest.fixture(scope="module")
def rabbitmq(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RabbitNode]:
    if not RABBITMQ_SERVER.exists():
        message = "Debian's rabbitmq-server is not installed (.ci/run installs it)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    node = RabbitNode(tmp_path_factory.mktemp("rabbitmq"))
    node.start()
    yield node
    node.stop()


@pytest.fixture(scope="module")
def scale_database(postgres_admin: Engine) -> Iterator[str]:
    """One migrated PostgreSQL database for the module's workers and app services."""
    url, name = _fresh_postgres_url(postgres_admin)
    engine = make_engine(url)
    upgrade_database(engine)
    seed_people(make_session_factory(engine))
    engine.dispose()
    yield url
    _drop_postgres_database(postgres_admin, name)


@dataclass
class WorkerProcess:
    name: str
    process: subprocess.Popen[bytes]
    log: Path

    def kill(self) -> None:
        """kill -9 the worker and its render process, as a machine that dies would."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()

    def wait_ready(self) -> None:
        wait_until(lambda: b" ready." in self.log.read_bytes() or self.process.poll() is not None,
                   180, f"worker {self.name} to be ready")  # fmt: skip
        assert self.process.poll() is None, self.log.read_text()[-3000:]

    def pids(self) -> set[int]:
        """The worker and its pool process."""
        found = {self.process.pid}
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            found.update(int(pid) for pid in children.read_text().split())
        return found


@dataclass
class Cluster:
    """Workers and app services sharing one database and one broker."""

    database_url: str
    broker_url: str
    base: Path
    workers: dict[str, WorkerProcess] = field(default_factory=dict)

    def settings(self, **overrides: object) -> Settings:
        return Settings(
            data_dir=self.base / "app", database_url=self.database_url, queue="celery",
            broker_url=self.broker_url, render_lease_seconds=LEASE_SECONDS,
        ).with_overrides(**overrides)  # fmt: skip

    def start_worker(
        self, name: str, *, pipeline: str = "slow_pipeline", queues: str = "render.cpu",
        database_url: str | None = None, wait: bool = True,
    ) -> WorkerProcess:  # fmt: skip
        log = self.base / f"{name}.log"
        env = {
            **os.environ, "COSTAR_DATABASE_URL": database_url or self.database_url,
            "COSTAR_BROKER_URL": self.broker_url, "COSTAR_QUEUE": "celery",
            "COSTAR_DATA_DIR": str(self.base / name),
            "COSTAR_RENDER_LEASE_SECONDS": str(LEASE_SECONDS),
        }  # fmt: skip
        process = subprocess.Popen(
            [sys.executable, "-m", "webapp.worker", "--queues", queues, "--name", f"{name}@test",
             "--pipeline", pipeline if ":" in pipeline else f"tests.scale.fakes:{pipeline}"],
            cwd=REPO_ROOT, env=env, stdout=log.open("ab"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        worker = WorkerProcess(name, process, log)
        self.workers[name] = worker
        if wait:
            worker.wait_ready()
        return worker

    def start_workers(self, *names: str) -> None:
        """Start several at once (each takes seconds to import): faster than one by one."""
        for worker in [self.start_worker(name, wait=False) for name in names]:
            worker.wait_ready()

    def worker_with_pid(self, pid: int) -> WorkerProcess:
        for worker in self.workers.values():
            if worker.process.poll() is None and pid in worker.pids():
                return worker
        raise AssertionError(f"no live worker has pid {pid}")

    def stop_all(self) -> None:
        for worker in self.workers.values():
            worker.stop()


@pytest.fixture(scope="module")  # stopped after the module: no idle workers later
def cluster(rabbitmq: RabbitNode, scale_database: str, tmp_path_factory) -> Iterator[Cluster]:
    """Two render workers (slow fake generator), started once for the session."""
    base = tmp_path_factory.mktemp("cluster")
    cluster = Cluster(scale_database, rabbitmq.url, base)
    cluster.start_workers("w1", "w2")
    yield cluster
    cluster.stop_all()
    if not IN_CI:
        shutil.rmtree(base, ignore_errors=True)


@dataclass
class AppReplica:
    """What one app replica runs for clips: its own engine, clip service and Celery publisher."""

    sessions: sessionmaker[Session]
    clips: ClipService
    queue: object  # webapp.celery_queue.CeleryRenderQueue


def make_replica(cluster: Cluster, **limits: int) -> AppReplica:
    from webapp.celery_queue import CeleryRenderQueue

    settings = cluster.settings()
    sessions = make_session_factory(make_engine(settings.resolved_database_url))
    limits = limits or {"max_active": 50, "max_per_hour": 500}
    clips = ClipService(sessions, _no_local_rendering, backend_name="animatic",
                        max_blob_bytes=50_000_000, limits=JobLimits(**limits))  # fmt: skip
    return AppReplica(sessions, clips, CeleryRenderQueue(settings, sessions))


def _no_local_rendering():
    raise AssertionError("an app replica in celery mode never renders itself")


@pytest.fixture
def replicas(cluster: Cluster) -> tuple[AppReplica, AppReplica]:
    return make_replica(cluster), make_replica(cluster)


def in_transaction(sessions: sessionmaker[Session]):
    return transaction(sessions)
