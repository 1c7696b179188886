"""The Celery side of ``COSTAR_QUEUE=celery``: the Celery app, publishing "render clip N" from the
app replicas, and the queue object the app uses. Imported only in that mode.

Settings that keep a render from being lost or doubled when a worker dies (measured in issue 15:
RabbitMQ handed a killed worker's task to the other worker at once): acknowledge a task only
after it ran (``task_acks_late``) and put it back when the worker process dies
(``task_reject_on_worker_lost``), take one task at a time (prefetch 1), and stop a render at
``render_time_limit_seconds``, below RabbitMQ's ``consumer_timeout``, so the broker never takes a
long render away from a healthy worker. The clip's lease (:mod:`db.render_leases`) makes a second
delivery of the same clip harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from celery import Celery
from kombu import Exchange, Queue
from sqlalchemy.orm import Session, sessionmaker

from db import render_leases as leases
from db.base import utcnow
from db.engine import transaction
from webapp.render_queue import RENDER_QUEUES, RenderReaper, queue_for_backend
from webapp.settings import Settings

logger = logging.getLogger(__name__)

RENDER_TASK = "costar.render_clip"
PUBLISH_TIMEOUT_SECONDS = 2.0  # how long Generate may wait for a broker that is down


def make_celery(settings: Settings) -> Celery:
    app = Celery("costar", broker=settings.broker_url)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_time_limit=settings.render_time_limit_seconds,
        task_soft_time_limit=max(1, settings.render_time_limit_seconds - 30),
        # one direct exchange per queue, so a clip sent to render.gpu only reaches GPU workers
        task_queues=[
            Queue(name, Exchange(name, type="direct"), routing_key=name, durable=True)
            for name in RENDER_QUEUES
        ],
        task_default_queue="render.cpu",
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,  # the clip row is the result
        broker_connection_timeout=PUBLISH_TIMEOUT_SECONDS,
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,  # workers wait for a broker that restarts
        worker_send_task_events=False,
    )
    return app


class CeleryRenderQueue:
    """The app replica's side: publish clips, and run the reaper (one replica at a time)."""

    def __init__(
        self,
        settings: Settings,
        sessions: sessionmaker[Session],
        *,
        celery_app: Celery | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._backend = settings.generator_backend
        self._clock = clock
        self.celery = celery_app or make_celery(settings)
        self.reaper = RenderReaper(
            sessions, self.publish, interval_seconds=settings.reaper_interval_seconds, clock=clock
        )

    def start(self) -> None:
        self.reaper.start()

    def stop(self, timeout: float = 30.0) -> None:
        self.reaper.stop(timeout)

    def submit(self, clip_id: int, backend: str | None = None) -> bool:
        if not self.publish(clip_id, backend or self._backend):
            return False
        with transaction(self._sessions) as session:
            leases.mark_published(session, [clip_id], self._clock())
        return True

    def publish(self, clip_id: int, backend: str) -> bool:
        """Send "render clip N" to its queue; False (logged) when the broker can't be reached."""
        try:
            self.celery.send_task(
                RENDER_TASK, args=[clip_id], queue=queue_for_backend(backend),
                retry=True,  # once, so a connection the broker dropped is simply re-opened
                retry_policy={"max_retries": 1, "interval_start": 0, "interval_step": 0.5,
                              "interval_max": 0.5},
            )  # fmt: skip
        except Exception as error:  # kombu raises OperationalError, OSError, timeouts…
            logger.warning("could not publish clip %s to the render queue: %s", clip_id, error)
            return False
        return True
