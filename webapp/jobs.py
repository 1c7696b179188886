"""Render workers: the clips table is the job queue, so nothing is lost when the app restarts.

A person's Generate click stores a queued clip (webapp.clips.ClipService.create, which also
applies the per-person limits); a small pool of worker threads renders queued clips oldest
first; the browser follows a clip's row until it is done, failed or cancelled. On start,
clips that were rendering when the app stopped are queued again (or failed, after two tries).

One machine only: this is ``COSTAR_QUEUE=threads``. Several app replicas and GPU workers on
other machines use ``COSTAR_QUEUE=celery`` instead (webapp.render_queue, webapp.worker).
"""

from __future__ import annotations

import logging
import threading

from webapp.clips import ClipError, ClipService

logger = logging.getLogger(__name__)

IDLE_POLL_SECONDS = 5.0  # a missed wake-up (another process queued a clip) costs at most this


class RenderWorkers:
    def __init__(self, clips: ClipService, *, workers: int = 1) -> None:
        if workers < 1:
            raise ValueError("at least one render worker is needed")
        self._clips = clips
        self._worker_count = workers
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._claim_lock = threading.Lock()

    def start(self) -> None:
        """Recover jobs cut off by a restart, then start the worker threads (once)."""
        if self._threads:
            return
        for clip in self._clips.recover_unfinished():
            logger.info("clip %s after restart: %s", clip.public_id, clip.status)
        for index in range(self._worker_count):
            thread = threading.Thread(target=self._work, name=f"render-worker-{index}", daemon=True)
            thread.start()
            self._threads.append(thread)
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._wake.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()

    def wake(self) -> None:
        """A clip was queued: let an idle worker look now rather than at its next poll."""
        self._wake.set()

    def submit(self, clip_id: int, backend: str | None = None) -> bool:
        """The clip row is the queue here: wake a worker; rendering is never delayed."""
        self.wake()
        return True

    def run_next(self) -> bool:
        """Render the oldest queued clip in this thread; False when none is queued."""
        with self._claim_lock:  # one worker at a time picks; the DB row lock settles the rest
            job = self._clips.next_queued()
        if job is None:
            return False
        clip_id, creator = job
        try:
            self._clips.render(creator, clip_id)
        except ClipError as error:  # recorded on the clip row (failed / cancelled)
            logger.info("clip %s did not finish: %s", clip_id, error)
        except Exception:  # a bug must not kill the worker; the row says what happened
            logger.exception("clip %s crashed while rendering", clip_id)
            self._clips.mark_failed(clip_id, "The renderer hit an unexpected error.")
        return True

    def _work(self) -> None:
        while not self._stop.is_set():
            if self.run_next():
                continue
            self._wake.wait(IDLE_POLL_SECONDS)
            self._wake.clear()
