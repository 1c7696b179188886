"""Clips: cast doubles into a script, render through the core pipeline, store the result.

A clip row and its appearances are written *before* rendering, so a double's owner sees
drafts too. Permission to use each double is checked when casting, again when rendering
starts, and about once a second while it renders: revoking a double stops the render.
"""

from __future__ import annotations

import io
import json
import logging
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
from PIL import Image
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from core.audio import Audio
from core.casting import CastMember, check_cast, check_restrictions
from core.faces import FaceEmbedding
from core.generation.pipeline import CoStarPipeline
from core.generation.types import (
    CastReference,
    ClipResult,
    GenerationError,
    ProgressCallback,
    RenderCancelledError,
    RenderRequest,
)
from core.scripts import Script, ScriptError
from core.sprite import LivingSprite
from core.voice import VoiceEmbedding, VoiceSample
from db import audit, media
from db import consent as ledger
from db import doubles as double_queries
from db.base import utcnow
from db.engine import transaction
from db.models import Appearance, Clip, Double, DoubleReference
from webapp.auth import CurrentUser

logger = logging.getLogger(__name__)

CLIP_VISIBILITY_LABELS = {"only_me": "Only me", "friends": "My friends", "everyone": "Everyone"}
PERMISSION_RECHECK_SECONDS = 1.0


class ClipError(Exception):
    """A clip could not be made; the message says why."""


@dataclass(frozen=True)
class ClipRecord:
    id: int
    public_id: str
    title: str
    status: str
    progress: float
    status_message: str
    visibility: str
    video_sha: str | None
    duration: float | None
    cast: Mapping[str, str]  # role -> @handle
    metrics: Mapping[str, object] = field(default_factory=dict)
    created_at: datetime | None = None


@dataclass(frozen=True)
class CastableDouble:
    """A double the signed-in user may put in a clip, as the Studio shows it."""

    id: int
    handle: str
    kind: str


class ClipService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        pipeline: Callable[[], CoStarPipeline],
        *,
        backend_name: str,
        max_blob_bytes: int,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._pipeline = pipeline
        self._backend_name = backend_name
        self._max_blob_bytes = max_blob_bytes
        self._clock = clock

    # --- casting ----------------------------------------------------------------------------

    def castable_doubles(self, user: CurrentUser) -> list[CastableDouble]:
        """The doubles this user may put in a clip: their own active ones."""
        with transaction(self._sessions) as session:
            doubles = session.execute(
                select(Double)
                .where(Double.owner_user_id == user.id, Double.status == "active")
                .order_by(Double.created_at)
            ).scalars()
            return [CastableDouble(d.id, d.handle, d.kind) for d in doubles]

    def create(
        self,
        user: CurrentUser,
        script: Script,
        cast: Mapping[str, str],
        *,
        seed: int,
        visibility: str = "only_me",
        template_id: str | None = None,
    ) -> ClipRecord:
        """Check the cast and script, then store a queued clip and its appearances.

        Raises:
            ClipError: a role is uncast, a double may not be used or doesn't fit the role, or
                the script breaks an owner's restriction (the message quotes it).
        """
        if visibility not in CLIP_VISIBILITY_LABELS:
            raise ClipError(f"Unknown clip visibility {visibility!r}.")
        with transaction(self._sessions) as session:
            doubles = self._usable_doubles(session, user, cast)
            members = {role: _cast_member(double) for role, double in doubles.items()}
            try:
                check_cast(script, members)
                check_restrictions(script, members)
            except ScriptError as error:
                raise ClipError(str(error)) from None
            clip = Clip(
                public_id=secrets.token_hex(8), creator_user_id=user.id, title=script.title,
                script_json=json.dumps(script.to_dict(), ensure_ascii=False),
                cast_json=json.dumps({role: {"double": d.public_id, "handle": d.handle}
                                      for role, d in doubles.items()}),
                template_id=template_id, seed=int(seed), backend=self._backend_name,
                visibility=visibility, created_at=self._clock(),
            )  # fmt: skip
            session.add(clip)
            session.flush()
            for role, double in doubles.items():
                session.add(Appearance(clip_id=clip.id, double_id=double.id, role=role))
            audit.record_event(
                session, "clip.created", actor_user_id=user.id, subject=clip.public_id,
                at=self._clock(),
            )  # fmt: skip
            session.flush()
            return _record(clip)

    def _usable_doubles(
        self, session: Session, user: CurrentUser, cast: Mapping[str, str]
    ) -> dict[str, Double]:
        """Role -> double, from the @handles picked; every one checked against this user."""
        doubles: dict[str, Double] = {}
        for role, handle in cast.items():
            double = double_queries.find_double_by_handle(session, str(handle).removeprefix("@"))
            if double is None or not self.may_cast(user, double):
                raise ClipError(f"You can't cast that double as {role}: it isn't available to you.")
            doubles[role] = double
        return doubles

    def may_cast(self, user: CurrentUser, double: Double) -> bool:
        """The permission rule, checked on the server from the signed-in user."""
        return double.status == "active" and double.owner_user_id == user.id

    # --- rendering --------------------------------------------------------------------------

    def render(
        self, user: CurrentUser, clip_id: int, progress: ProgressCallback | None = None
    ) -> ClipRecord:
        """Render a queued clip of this user; store the MP4 or a clear failure.

        Raises:
            ClipError: the clip isn't this user's or not queued, or rendering failed (the clip
                is then marked failed or cancelled with the same message; nothing half-stored).
        """
        request, double_ids = self._start(user, clip_id)
        work_dir = Path(tempfile.mkdtemp(prefix="costar-clip-"))
        try:
            result = self._pipeline()(
                request,
                output_path=work_dir / f"{request.clip_id}.mp4",
                callback=self._progress_reporter(clip_id, progress),
                is_cancelled=self._permission_watch(user, double_ids),
            )
            return self._finish(clip_id, result)
        except RenderCancelledError as error:
            self._end(clip_id, "cancelled", str(error))
            raise ClipError(str(error)) from None
        except (GenerationError, ScriptError, ValueError) as error:
            self._end(clip_id, "failed", str(error))
            raise ClipError(f"The clip could not be rendered: {error}") from None
        finally:
            shutil.rmtree(work_dir, ignore_errors=True)

    def _start(self, user: CurrentUser, clip_id: int) -> tuple[RenderRequest, list[int]]:
        unavailable: str | None = None
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id)
            if clip is None or clip.creator_user_id != user.id:
                raise ClipError("That clip doesn't exist or isn't yours.")
            if clip.status != "queued":
                raise ClipError(f"That clip is already {clip.status}.")
            cast: dict[str, CastReference] = {}
            for appearance in clip.appearances:
                double = session.get(Double, appearance.double_id)
                if double is None or not self.may_cast(user, double):
                    unavailable = _unavailable(appearance.role)
                    clip.status, clip.status_message = "cancelled", unavailable
                    break
                cast[appearance.role] = _cast_reference(session, appearance.role, double)
            else:
                clip.status, clip.progress = "running", 0.0
                request = RenderRequest(
                    script=Script.from_dict(json.loads(clip.script_json)), cast=cast,
                    seed=clip.seed, clip_id=clip.public_id, creator_handle=user.username,
                )  # fmt: skip
                double_ids = [a.double_id for a in clip.appearances]
        if unavailable is not None:  # recorded as cancelled above, then refused
            raise ClipError(unavailable)
        return request, double_ids

    def _permission_watch(self, user: CurrentUser, double_ids: list[int]) -> Callable[[], object]:
        last_check = [0.0]

        def is_cancelled() -> str | bool:
            now = time.monotonic()
            if now - last_check[0] < PERMISSION_RECHECK_SECONDS:
                return False
            last_check[0] = now
            with transaction(self._sessions) as session:
                for double_id in double_ids:
                    double = session.get(Double, double_id)
                    if double is None or not self.may_cast(user, double):
                        handle = double.handle if double else "a double"
                        return f"@{handle} is no longer available (its owner revoked consent)."
            return False

        return is_cancelled

    def _progress_reporter(
        self, clip_id: int, forward: ProgressCallback | None
    ) -> ProgressCallback:
        last_write = [0.0]

        def report(event: object) -> None:
            if forward is not None:
                forward(event)  # type: ignore[arg-type]
            now = time.monotonic()
            if now - last_write[0] >= 1.0:  # keep the row fresh without a write per frame
                last_write[0] = now
                with transaction(self._sessions) as session:
                    clip = session.get(Clip, clip_id)
                    if clip is not None:
                        clip.progress = float(getattr(event, "fraction", 0.0))
                        clip.status_message = str(getattr(event, "message", ""))[:500]

        return report

    def _finish(self, clip_id: int, result: ClipResult) -> ClipRecord:
        data = result.path.read_bytes()
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id)
            assert clip is not None
            blob = media.put_blob(session, data, "video/mp4", max_bytes=self._max_blob_bytes)
            clip.video_sha, clip.status, clip.progress = blob.sha256, "done", 1.0
            clip.duration, clip.finished_at = result.duration, self._clock()
            clip.status_message = " ".join(result.notes)[:500]
            clip.metrics_json = json.dumps({
                "face_similarity": dict(result.metrics.face_similarity),
                "face_model": result.metrics.face_model,
                "voice_similarity": dict(result.metrics.voice_similarity),
                "voice_model": result.metrics.voice_model,
            })  # fmt: skip
            return _record(clip)

    def _end(self, clip_id: int, status: str, message: str) -> None:
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id)
            if clip is not None:
                clip.status, clip.status_message = status, message[:500]
                clip.finished_at = self._clock()

    # --- viewing ----------------------------------------------------------------------------

    def list_mine(self, user: CurrentUser) -> list[ClipRecord]:
        with transaction(self._sessions) as session:
            clips = session.execute(
                select(Clip).where(Clip.creator_user_id == user.id).order_by(Clip.id.desc())
            ).scalars()
            return [_record(clip) for clip in clips]

    def may_view_blob(self, session: Session, viewer: CurrentUser | None, key: str) -> bool:
        """Media rule: a clip's video is visible to its creator and its cast's owners."""
        if viewer is None:
            return False
        creator = select(Clip.id).where(Clip.video_sha == key, Clip.creator_user_id == viewer.id)
        if session.execute(creator).first() is not None:
            return True
        cast_owner = (
            select(Clip.id)
            .join(Appearance, Appearance.clip_id == Clip.id)
            .join(Double, Double.id == Appearance.double_id)
            .where(Clip.video_sha == key, Double.owner_user_id == viewer.id)
        )
        return session.execute(cast_owner).first() is not None


def _cast_member(double: Double) -> CastMember:
    return CastMember(
        handle=double.handle, kind=double.kind, display_name=double.display_name,  # type: ignore[arg-type]
        description=double.description, restrictions=double.restrictions,
    )  # fmt: skip


def _cast_reference(session: Session, role: str, double: Double) -> CastReference:
    reference = session.get(DoubleReference, double.id)
    if reference is None:
        raise ClipError(f"@{double.handle} has no reference data any more.")
    portrait = np.asarray(
        Image.open(io.BytesIO(media.read_blob(session, reference.portrait_sha))).convert("RGB")
    )
    sprite = None
    if reference.sprite_sha:
        sprite = LivingSprite.from_bytes(media.read_blob(session, reference.sprite_sha))
    face = None
    if reference.face_embedding and reference.face_model:
        face = FaceEmbedding.from_bytes(reference.face_model, reference.face_embedding)
    voice_sample, voice_embedding = None, None
    if reference.voice_sha and reference.voice_embedding and reference.voice_model:
        audio = Audio.from_wav_bytes(media.read_blob(session, reference.voice_sha))
        voice_sample = VoiceSample(audio=audio, speech_seconds=audio.duration, segments=())
        voice_embedding = VoiceEmbedding.from_bytes(
            reference.voice_embedding, reference.voice_model
        )
    return CastReference(
        role=role, double_id=double.public_id,
        consent_event_hash=ledger.latest_event_hash(session, double.id) or "",
        handle=double.handle, kind=double.kind,  # type: ignore[arg-type]
        display_name=double.display_name, description=double.description, portrait=portrait,
        restrictions=double.restrictions, sprite=sprite, face_embedding=face,
        voice_sample=voice_sample, voice_embedding=voice_embedding,
    )  # fmt: skip


def _unavailable(role: str) -> str:
    return f"The double cast as {role} is no longer available (its owner revoked consent)."


def _record(clip: Clip) -> ClipRecord:
    cast = {role: entry["handle"] for role, entry in json.loads(clip.cast_json).items()}
    return ClipRecord(
        id=clip.id, public_id=clip.public_id, title=clip.title, status=clip.status,
        progress=clip.progress, status_message=clip.status_message, visibility=clip.visibility,
        video_sha=clip.video_sha, duration=clip.duration, cast=cast,
        metrics=json.loads(clip.metrics_json), created_at=clip.created_at,
    )  # fmt: skip
