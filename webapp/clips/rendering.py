"""Rendering a queued clip: claim it, render through the core pipeline while checking permissions
about once a second, then store the MP4 with its provenance, or a clear failure.

With a :class:`RenderLease` (the distributed mode, :mod:`webapp.worker`) the claim is a lease on
the clip row (:mod:`db.render_leases`), renewed with every progress write and every cancel check;
only the lease holder writes the outcome, so a render that was taken over stores nothing.
"""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from core.acting.house import house_cast_reference, house_double_id
from core.generation.pipeline import CoStarPipeline
from core.generation.types import (
    CastReference,
    ClipResult,
    GenerationError,
    ProgressCallback,
    RenderCancelledError,
    RenderRequest,
)
from core.scripts.casting import CastMember, RestrictionViolationError, check_restrictions
from core.scripts.model import Script, ScriptError
from core.sentences import sentence
from db import media
from db import render_leases as leases
from db.base import utcnow
from db.engine import transaction
from db.models import Clip, Double
from webapp import permissions
from webapp.auth import CurrentUser
from webapp.clips.casting import cast_member, cast_reference, unavailable_message
from webapp.clips.records import (
    CANCELLED_MESSAGE,
    NOT_YOURS,
    ClipError,
    ClipRecord,
    clip_record,
    status_name,
)
from webapp.provenance import provenance_at_finish

PERMISSION_RECHECK_SECONDS = 1.0
LEASE_LOST_MESSAGE = "Another render worker took this clip over; this render stopped."
WORKER_GAVE_UP_MESSAGE = (
    "Rendering this clip was cut off twice (its render worker stopped), so it was not tried "
    "again. Press Generate to make it once more."
)


@dataclass(frozen=True)
class RenderLease:
    """Who renders (unique per process and delivery) and how long a lease lasts unrenewed."""

    owner: str
    seconds: float = 60.0
    max_attempts: int = 2


class ClipNotClaimedError(ClipError):
    """Leased rendering only: this worker did not (or no longer) hold the clip's render.

    ``outcome`` is ``busy`` (another live worker holds it), ``finished`` (nothing left to do)
    or ``lost`` (taken over mid-render; nothing was stored).
    """

    def __init__(self, outcome: str, message: str = "") -> None:
        super().__init__(message or f"clip not claimed: {outcome}")
        self.outcome = outcome


class ClipRenderer:
    """Renders one queued clip at a time for the render workers; the clip row is the truth."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        pipeline: Callable[[], CoStarPipeline],
        *,
        max_blob_bytes: int,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._pipeline = pipeline
        self._max_blob_bytes = max_blob_bytes
        self._clock = clock

    def render(
        self,
        user: CurrentUser,
        clip_id: int,
        progress: ProgressCallback | None = None,
        *,
        lease: RenderLease | None = None,
        exclusive: bool = True,
    ) -> ClipRecord:
        """Render a queued clip of this user; store the MP4 or a clear failure.

        Args:
            lease: claim the row with this lease instead of requiring it to be queued.
            exclusive: with a lease, whether the caller holds the clip's render lock
                (:class:`db.render_leases.RenderLocks`); see :func:`db.render_leases.claim`.

        Raises:
            ClipNotClaimedError: leased only; another worker has it, it is finished, or it was
                taken over while rendering (nothing stored).
            ClipError: the clip isn't this user's or not queued, or rendering failed (the clip
                is then marked failed or cancelled with the same message; nothing half-stored).
        """
        started = self._start(user, clip_id, lease, exclusive)
        if isinstance(started, str):
            raise ClipError(started)
        request, double_ids = started
        work_dir = Path(tempfile.mkdtemp(prefix="costar-clip-"))
        try:
            result = self._pipeline()(
                request,
                output_path=work_dir / f"{request.clip_id}.mp4",
                callback=self._progress_reporter(clip_id, progress, lease),
                is_cancelled=self._cancel_watch(user, clip_id, double_ids, lease),
            )
            return self._finish(clip_id, result, request.creator_handle, lease)
        except RenderCancelledError as error:
            self._end(clip_id, "cancelled", str(error), lease)
            raise ClipError(str(error)) from None
        except (GenerationError, ScriptError, ValueError) as error:
            self._end(clip_id, "failed", str(error), lease)
            failed = sentence(
                "clip.render_failed", "The clip could not be rendered: {reason}", reason=str(error)
            )
            raise ClipError(failed) from None
        except media.MediaStoreUnavailableError as error:  # the video was not stored
            self._end(clip_id, "failed", str(error), lease)
            raise ClipError(str(error)) from None
        finally:
            shutil.rmtree(work_dir, ignore_errors=True)

    def _start(
        self, user: CurrentUser, clip_id: int, lease: RenderLease | None, exclusive: bool
    ) -> tuple[RenderRequest, list[int]] | str:
        """Claim a queued clip for rendering; the message it ended with when it was cancelled
        before it started (or failed for good: a third leased try)."""
        unavailable: str | None = None
        with transaction(self._sessions) as session:
            # Row lock: two workers never start the same queued clip (PostgreSQL).
            clip = session.get(Clip, clip_id, with_for_update=True)
            if clip is None or clip.creator_user_id != user.id:
                raise ClipError(NOT_YOURS)
            if lease is not None:
                if self._claim(clip, lease, exclusive):
                    return WORKER_GAVE_UP_MESSAGE
            elif clip.status != "queued":
                raise ClipError(sentence("clip.already", "That clip is already {status}.",
                                         status=status_name(clip.status)))  # fmt: skip
            if clip.removed_at is not None or clip.cancel_requested:
                clip.status, clip.status_message = "cancelled", CANCELLED_MESSAGE
                clip.finished_at = self._clock()
                leases.release_lease(clip)
                return CANCELLED_MESSAGE
            clip.attempts += 1
            clip.started_at = self._clock()
            cast: dict[str, CastReference] = {}
            members: dict[str, CastMember] = {}
            for appearance in clip.appearances:
                double = session.get(Double, appearance.double_id)
                refusal = permissions.cast_refusal(session, user.id, double) if double else None
                if double is None or refusal is not None:
                    unavailable = unavailable_message(appearance.role, refusal)
                    clip.status, clip.status_message = "cancelled", unavailable
                    clip.finished_at = self._clock()
                    leases.release_lease(clip)
                    break
                cast[appearance.role] = cast_reference(session, appearance.role, double)
                members[appearance.role] = cast_member(double)
            else:
                cast.update(_house_cast(clip))
                script = Script.from_dict(json.loads(clip.script_json))
                try:
                    # Owners may have added a restriction since the clip was queued.
                    check_restrictions(script, members)
                except RestrictionViolationError as violation:
                    unavailable = str(violation)
                    clip.status, clip.status_message = "cancelled", unavailable
                    clip.finished_at = self._clock()
                    leases.release_lease(clip)
            if unavailable is None:
                clip.status, clip.progress = "running", 0.0
                request = RenderRequest(
                    script=script, cast=cast,
                    seed=clip.seed, clip_id=clip.public_id, creator_handle=user.username,
                    width=clip.width, height=clip.height,
                )  # fmt: skip
                double_ids = [a.double_id for a in clip.appearances]
        if unavailable is not None:  # recorded as cancelled above, then refused
            raise ClipError(unavailable)
        return request, double_ids

    def _claim(self, clip: Clip, lease: RenderLease, exclusive: bool) -> bool:
        """Leased rendering: take the row, or raise why not. True when a third try was due
        instead: the clip is then failed (committed with the caller's transaction)."""
        outcome = leases.claim(
            clip, owner=lease.owner, now=self._clock(), lease_seconds=lease.seconds,
            max_attempts=lease.max_attempts, exclusive=exclusive,
        )  # fmt: skip
        if outcome == "gave_up":
            clip.status, clip.status_message = "failed", WORKER_GAVE_UP_MESSAGE
            clip.finished_at = self._clock()
            leases.release_lease(clip)
            return True
        if outcome != "claimed":
            raise ClipNotClaimedError(outcome)
        clip.status = "queued"  # a takeover of a running clip starts again from zero
        return False

    def _cancel_watch(
        self,
        user: CurrentUser,
        clip_id: int,
        double_ids: list[int],
        lease: RenderLease | None = None,
    ) -> Callable[[], object]:
        """Asked by the pipeline between frames; reads the DB at most once a second (and renews
        the lease, if any, in the same transaction)."""
        last_check = [0.0]

        def is_cancelled() -> str | bool:
            now = time.monotonic()
            if now - last_check[0] < PERMISSION_RECHECK_SECONDS:
                return False
            last_check[0] = now
            with transaction(self._sessions) as session:
                if lease is not None and not self._renew(session, clip_id, lease):
                    return LEASE_LOST_MESSAGE
                clip = session.get(Clip, clip_id)
                if clip is None or clip.cancel_requested or clip.removed_at is not None:
                    return CANCELLED_MESSAGE
                for double_id in double_ids:
                    double = session.get(Double, double_id)
                    refusal = permissions.cast_refusal(session, user.id, double) if double else None
                    if double is None or refusal is not None:
                        return sentence(
                            "clip.render_stopped", "Rendering stopped: {reason}",
                            reason=refusal or sentence("clip.cast_double_gone",
                                                       "a cast double is gone."),
                        )  # fmt: skip
            return False

        return is_cancelled

    def _renew(self, session: Session, clip_id: int, lease: RenderLease) -> bool:
        renewed = leases.renew(
            session, clip_id, owner=lease.owner, now=self._clock(), lease_seconds=lease.seconds
        )
        return renewed is not None

    def _progress_reporter(
        self, clip_id: int, forward: ProgressCallback | None, lease: RenderLease | None = None
    ) -> ProgressCallback:
        last_write = [0.0]

        def report(event: object) -> None:
            if forward is not None:
                forward(event)  # type: ignore[arg-type]
            now = time.monotonic()
            if now - last_write[0] >= 1.0:  # keep the row fresh without a write per frame
                last_write[0] = now
                with transaction(self._sessions) as session:
                    if lease is not None and not self._renew(session, clip_id, lease):
                        return  # taken over: the next cancel check stops this render
                    clip = session.get(Clip, clip_id)
                    if clip is not None:
                        clip.progress = float(getattr(event, "fraction", 0.0))
                        clip.status_message = str(getattr(event, "message", ""))[:500]

        return report

    def _finish(
        self,
        clip_id: int,
        result: ClipResult,
        creator_handle: str,
        lease: RenderLease | None = None,
    ) -> ClipRecord:
        data = result.path.read_bytes()
        provenance = provenance_at_finish(
            result.path, clip_id=result.clip_id, creator_handle=creator_handle,
            trust_anchor_pem=self._pipeline().signing_identity.ca_certificate_pem,
        )  # fmt: skip
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id, with_for_update=True)
            assert clip is not None
            if not leases.holds_lease(clip, lease.owner if lease else None):
                raise ClipNotClaimedError("lost", LEASE_LOST_MESSAGE)  # the holder stores it
            leases.release_lease(clip)
            if clip.cancel_requested or clip.removed_at is not None:  # stopped in the last second
                clip.status, clip.status_message = "cancelled", CANCELLED_MESSAGE
                clip.finished_at = self._clock()
                return clip_record(clip)
            clip.provenance_json = json.dumps(provenance, ensure_ascii=False)
            blob = media.put_blob(session, data, "video/mp4", max_bytes=self._max_blob_bytes)
            clip.video_sha, clip.status, clip.progress = blob.sha256, "done", 1.0
            clip.duration, clip.finished_at = result.duration, self._clock()
            clip.status_message = " ".join(result.notes)[:500]
            clip.metrics_json = json.dumps({
                "face_similarity": dict(result.metrics.face_similarity),
                "face_model": result.metrics.face_model,
                "voice_similarity": dict(result.metrics.voice_similarity),
                "voice_model": result.metrics.voice_model,
                "renderer": result.model,
            })  # fmt: skip
            return clip_record(clip)

    def _end(
        self, clip_id: int, status: str, message: str, lease: RenderLease | None = None
    ) -> None:
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id, with_for_update=lease is not None)
            if lease is not None and not leases.holds_lease(clip, lease.owner):
                raise ClipNotClaimedError("lost", LEASE_LOST_MESSAGE)  # not ours to record
            if clip is not None:
                leases.release_lease(clip)
                clip.status, clip.status_message = status, message[:500]
                clip.finished_at = self._clock()


def _house_cast(clip: Clip) -> dict[str, CastReference]:
    """The clip's house characters (they have no double row and need no permission)."""
    entries = json.loads(clip.cast_json)
    return {
        role: house_cast_reference(entry["handle"], role)
        for role, entry in entries.items()
        if entry.get("double") == house_double_id(entry["handle"])
    }
