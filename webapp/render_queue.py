"""Where queued clips go to be rendered: threads in this process, or Celery workers elsewhere.

``COSTAR_QUEUE=threads`` (the embedded default) renders with :class:`webapp.jobs.RenderWorkers`.
``COSTAR_QUEUE=celery`` publishes "render clip N" to RabbitMQ for ``python -m webapp.worker``;
Celery is imported only then (:mod:`webapp.celery_queue`). Either way the clip row stays the
truth, and Generate stores the queued clip first: a broker that is down delays rendering, it
never loses the clip (the reaper below sends it once the broker is back).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from db import render_leases as leases
from db.base import utcnow
from db.engine import transaction
from webapp.clips import ClipService
from webapp.clips.rendering import WORKER_GAVE_UP_MESSAGE
from webapp.settings import Settings

logger = logging.getLogger(__name__)

RENDER_QUEUES = ("render.cpu", "render.gpu")
DELAYED_MESSAGE = (
    "Your clip is saved and queued, but rendering is delayed: the render queue can't be "
    "reached right now. It will start by itself as soon as the queue is back."
)
REQUEUED_MESSAGE = "Its render worker stopped answering, so the clip was queued again."


def queue_for_backend(backend: str) -> str:
    """The broker queue a clip made with ``backend`` is rendered from: GPU models go to the GPU
    workers (``render.gpu``), the embedded animatic to any CPU worker (``render.cpu``)."""
    return "render.gpu" if backend == "wan-vace" else "render.cpu"


class RenderQueue(Protocol):
    """What the app needs from a render queue; the clip row is already stored when called."""

    def start(self) -> None: ...

    def stop(self, timeout: float = 30.0) -> None: ...

    def submit(self, clip_id: int, backend: str | None = None) -> bool:
        """Hand a stored queued clip to the renderers; False when rendering is delayed (the
        clip stays queued and is sent later)."""
        ...


def build_render_queue(
    settings: Settings, sessions: sessionmaker[Session], clips: ClipService
) -> RenderQueue:
    """The queue ``COSTAR_QUEUE`` names; Celery is imported only when it is asked for."""
    if settings.queue == "celery":
        from webapp.celery_queue import CeleryRenderQueue

        return CeleryRenderQueue(settings, sessions)
    from webapp.jobs import RenderWorkers

    return RenderWorkers(clips, workers=settings.render_workers)


@dataclass(frozen=True)
class ReapReport:
    ran: bool  # False: another replica holds the reaper lock this round
    requeued: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)


class RenderReaper:
    """Repairs what crashes leave behind, on one replica at a time (PostgreSQL advisory lock):
    re-queues clips whose render lease ran out (failing those already tried ``max_attempts``
    times) and sends the queued clips that never reached the broker."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        publish: Callable[[int, str], bool],
        *,
        interval_seconds: float = 15.0,
        grace_seconds: float = 10.0,
        max_attempts: int = 2,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._publish = publish
        self._interval = interval_seconds
        self._grace = timedelta(seconds=grace_seconds)
        self._max_attempts = max_attempts
        self._clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def reap_once(self) -> ReapReport:
        with transaction(self._sessions) as session:
            if not leases.try_reaper_lock(session):
                return ReapReport(ran=False)
            now = self._clock()
            report = ReapReport(ran=True)
            for clip in leases.expired_leases(session, now):
                leases.release_lease(clip)
                if clip.attempts >= self._max_attempts:
                    clip.status, clip.status_message = "failed", WORKER_GAVE_UP_MESSAGE
                    clip.finished_at = now
                    report.failed.append(clip.id)
                else:
                    clip.status, clip.progress = "queued", 0.0
                    clip.status_message, clip.published_at = REQUEUED_MESSAGE, None
                    report.requeued.append(clip.id)
            session.flush()
            for clip in leases.unpublished_queued(session, now - self._grace):
                if not self._publish(clip.id, clip.backend):
                    break  # the broker is down: the next round tries again
                report.sent.append(clip.id)
            leases.mark_published(session, report.sent, now)
        if report.requeued or report.failed or report.sent:
            logger.info("reaper: requeued %s, failed %s, sent %s",
                        report.requeued, report.failed, report.sent)  # fmt: skip
        return report

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="render-reaper", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.wait(self._interval):
            try:
                self.reap_once()
            except Exception:  # the database may be briefly away; the next round retries
                logger.exception("render reaper round failed")
