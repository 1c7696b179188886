"""Render worker for ``COSTAR_QUEUE=celery``: ``python -m webapp.worker``.

Start one per GPU (``--queues render.gpu``) or per two CPU cores (``--queues render.cpu``, the
default takes both). It reads the same ``COSTAR_*`` settings as the app (PostgreSQL, broker,
backend, media store). Each task carries only a clip id; the clip row says what to render and who
holds it (:mod:`db.render_leases`):

1. Take the clip's render lock (a PostgreSQL session lock that dies with its holder's
   connection). Holding it, claim the row: a queued clip, or a running one whose holder is gone
   (a killed worker: taken over at once, as attempt 2; a third attempt fails the clip).
2. Without it, another live process has the clip: watch its lease. A lease that keeps being
   renewed means a healthy render, so this delivery was a duplicate and does nothing; a lease
   that runs out (a hung holder) is taken over.
3. Render, renewing the lease with each progress write; only the lease holder stores a result.

A worker that can't reach PostgreSQL stops consuming (and puts its task back) until it can.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Sequence

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import InterfaceError, OperationalError

from core.generation.pipeline import CoStarPipeline
from db import render_leases as leases
from db.base import utcnow
from db.engine import make_engine, make_session_factory, transaction
from db.models import Clip, User
from webapp.auth import CurrentUser
from webapp.clips.records import ClipError
from webapp.clips.rendering import ClipNotClaimedError, ClipRenderer, RenderLease
from webapp.render_queue import RENDER_QUEUES
from webapp.settings import Settings, SettingsError

logger = logging.getLogger("costar.worker")

PipelineFactory = Callable[[Settings], CoStarPipeline]
WAIT_POLL_SECONDS = 0.5
DATABASE_CHECK_SECONDS = 3.0
CRASHED_MESSAGE = "The renderer hit an unexpected error."
TIME_LIMIT_MESSAGE = (
    "Rendering took longer than this server allows (COSTAR_RENDER_TIME_LIMIT_SECONDS), "
    "so it was stopped and nothing was kept."
)


class DatabaseUnavailableError(Exception):
    """PostgreSQL can't be reached: the task goes back to the queue, nothing is failed."""


class RenderRuntime:
    """Renders the clips named by tasks; built lazily inside the pool process (after fork)."""

    def __init__(self, settings: Settings, pipeline_factory: PipelineFactory) -> None:
        self._settings = settings
        self._pipeline_factory = pipeline_factory
        self._built: tuple[object, object, ClipRenderer, leases.RenderLocks] | None = None
        self._pipeline: CoStarPipeline | None = None
        self._probe_engine: Engine | None = None  # the watchdog's own, in the main process

    def _parts(self) -> tuple[object, object, ClipRenderer, leases.RenderLocks]:
        if self._built is None:
            engine = make_engine(self._settings.resolved_database_url)
            sessions = make_session_factory(engine, media_store=self._media_store())
            renderer = ClipRenderer(
                sessions, self._get_pipeline, max_blob_bytes=self._settings.max_blob_bytes
            )
            self._built = (engine, sessions, renderer, leases.RenderLocks(engine))
        return self._built

    def _media_store(self) -> object | None:
        from webapp.media_store_setup import build_media_store

        return build_media_store(self._settings)

    def _get_pipeline(self) -> CoStarPipeline:
        if self._pipeline is None:
            self._pipeline = self._pipeline_factory(self._settings)
        return self._pipeline

    def handle(self, clip_id: int) -> str:
        """Render clip ``clip_id`` if this delivery should; returns what happened (for logs)."""
        try:
            return self._handle(clip_id)
        except (OperationalError, InterfaceError) as error:
            raise DatabaseUnavailableError(str(error).splitlines()[0]) from error

    def _handle(self, clip_id: int) -> str:
        _engine, sessions, renderer, locks = self._parts()
        lease = RenderLease(
            owner=f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}",
            seconds=self._settings.render_lease_seconds,
        )
        first_view: leases.LeaseView | None = None
        while True:
            creator = _creator(sessions, clip_id)
            if creator is None:
                return "gone"
            exclusive = locks.try_acquire(clip_id)
            try:
                renderer.render(creator, clip_id, lease=lease, exclusive=exclusive)
                return "done"
            except ClipNotClaimedError as error:
                if error.outcome != "busy":
                    return error.outcome
            except ClipError as error:  # recorded on the row (failed / cancelled)
                logger.info("clip %s did not finish: %s", clip_id, error)
                return "ended"
            except (OperationalError, InterfaceError):
                raise
            except Exception as error:  # a bug must not kill the worker; the row says so
                logger.exception("clip %s crashed while rendering", clip_id)
                timed_out = type(error).__name__ == "SoftTimeLimitExceeded"  # Celery's
                _fail_if_holder(sessions, clip_id, lease.owner,
                                TIME_LIMIT_MESSAGE if timed_out else CRASHED_MESSAGE)  # fmt: skip
                return "crashed"
            finally:
                if exclusive:
                    locks.release(clip_id)
            # Another live process has it: a duplicate if its lease keeps being renewed.
            with transaction(sessions) as session:
                view = leases.lease_view(session, clip_id)
            if view is None or view.status not in ("queued", "running"):
                return "finished"
            if first_view is None or first_view.status != "running":
                first_view = view
            elif view.owner != first_view.owner or view.expires_at != first_view.expires_at:
                return "duplicate"  # the holder is alive and renewing: it will finish the clip
            time.sleep(WAIT_POLL_SECONDS)

    def database_reachable(self) -> bool:
        if self._probe_engine is None:
            self._probe_engine = make_engine(self._settings.resolved_database_url)
        try:
            with self._probe_engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            return False


def _creator(sessions, clip_id: int) -> CurrentUser | None:  # noqa: ANN001
    with transaction(sessions) as session:
        row = session.execute(
            select(User.id, User.username, User.display_name)
            .join(Clip, Clip.creator_user_id == User.id)
            .where(Clip.id == clip_id)
        ).first()
    if row is None:
        return None
    return CurrentUser(id=row[0], username=row[1], display_name=row[2])


def _fail_if_holder(sessions, clip_id: int, owner: str, message: str) -> None:  # noqa: ANN001
    with transaction(sessions) as session:
        clip = session.get(Clip, clip_id, with_for_update=True)
        if leases.holds_lease(clip, owner):
            assert clip is not None
            clip.status, clip.status_message = "failed", message
            clip.finished_at = utcnow()
            leases.release_lease(clip)


def load_pipeline_factory(spec: str | None) -> PipelineFactory:
    """``module:function`` taking the settings; the app's own generator by default."""
    if not spec:
        from webapp.pipeline_setup import build_pipeline

        return build_pipeline
    module_name, _, attribute = spec.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def build_worker_app(settings: Settings, runtime: RenderRuntime, queues: Sequence[str]):  # noqa: ANN201
    """The Celery app with the render task bound to ``runtime``."""
    from celery import signals
    from celery.exceptions import Reject

    from webapp.celery_queue import RENDER_TASK, make_celery

    app = make_celery(settings)

    @app.task(name=RENDER_TASK, bind=True)
    def render_clip(task, clip_id: int) -> str:  # noqa: ANN001
        try:
            outcome = runtime.handle(int(clip_id))
        except DatabaseUnavailableError as error:
            logger.warning("clip %s put back: PostgreSQL unreachable (%s)", clip_id, error)
            time.sleep(DATABASE_CHECK_SECONDS)  # the watchdog stops consuming meanwhile
            raise Reject(str(error), requeue=True) from None
        logger.info("clip %s: %s", clip_id, outcome)
        return outcome

    def start_database_watchdog(sender, **_kwargs: object) -> None:  # noqa: ANN001
        hostname = sender.hostname
        thread = threading.Thread(
            target=_watch_database, args=(app, runtime, hostname, list(queues)),
            name="database-watchdog", daemon=True,
        )  # fmt: skip
        thread.start()

    # weak=False: a nested function would be garbage-collected and the signal never sent to it
    signals.worker_ready.connect(start_database_watchdog, weak=False)
    return app


def _watch_database(app, runtime: RenderRuntime, hostname: str, queues: list[str]) -> None:  # noqa: ANN001
    """Stop taking tasks while PostgreSQL is unreachable, and take them again once it is back."""
    consuming = True
    while True:
        reachable = runtime.database_reachable()
        if consuming and not reachable:
            logger.warning("PostgreSQL unreachable: this worker stops taking render tasks")
            for queue in queues:
                app.control.cancel_consumer(queue, destination=[hostname])
            consuming = False
        elif not consuming and reachable:
            logger.warning("PostgreSQL is back: this worker takes render tasks again")
            for queue in queues:
                app.control.add_consumer(queue, destination=[hostname])
            consuming = True
        time.sleep(DATABASE_CHECK_SECONDS)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m webapp.worker", description=__doc__)
    parser.add_argument("--queues", default=",".join(RENDER_QUEUES),
                        help="comma-separated: render.cpu, render.gpu (default both)")  # fmt: skip
    parser.add_argument("--name", default=f"render-{os.getpid()}@{socket.gethostname()}")
    parser.add_argument(
        "--pipeline", default=None, help="module:function building the generator (tests)"
    )
    parser.add_argument("--loglevel", default="INFO")
    args = parser.parse_args(argv)
    settings = Settings.from_env()
    if settings.queue != "celery":
        settings = settings.with_overrides(queue="celery")  # the worker implies it; checks too
    queues = [name.strip() for name in args.queues.split(",") if name.strip()]
    unknown = sorted(set(queues) - set(RENDER_QUEUES))
    if unknown:
        raise SettingsError(f"Unknown render queue(s) {unknown}; use {', '.join(RENDER_QUEUES)}.")
    runtime = RenderRuntime(settings, load_pipeline_factory(args.pipeline))
    app = build_worker_app(settings, runtime, queues)
    # prefork with one process: the main process keeps the broker connection (heartbeats)
    # while the child renders; --pool=solo would let RabbitMQ drop it during a long render.
    app.worker_main([
        "worker", "--queues", ",".join(queues), "--concurrency", "1", "--pool", "prefork",
        "--prefetch-multiplier", "1", "--hostname", args.name, "--loglevel", args.loglevel,
        "--without-gossip", "--without-mingle",
    ])  # fmt: skip


if __name__ == "__main__":
    main()
