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
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
from PIL import Image
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from core.scripts.casting import CastMember, check_cast, check_restrictions
from core.identity.faces import FaceEmbedding
from core.generation.pipeline import CoStarPipeline
from core.generation.types import (
    CastReference,
    ClipResult,
    GenerationError,
    ProgressCallback,
    RenderCancelledError,
    RenderRequest,
)
from core.scripts.model import Script, ScriptError
from core.reference.sprite import LivingSprite
from core.voice.samples import VoiceEmbedding, VoiceSample
from core.voice.tuning import voice_shift_from_record
from db import audit, media, social
from db import consent as ledger
from db import doubles as double_queries
from db import users as user_queries
from db.base import utcnow
from db.engine import transaction
from db.models import Appearance, Clip, Double, DoubleReference, User
from webapp import permissions
from webapp.auth import CurrentUser
from webapp.provenance import provenance_at_finish

logger = logging.getLogger(__name__)

CLIP_VISIBILITY_LABELS = {"only_me": "Only me", "friends": "My friends", "everyone": "Everyone"}
# Embedded renderer sizes: the default and the HD one (about 2.4x the render time).
CLIP_SIZES = {"832x480": (832, 480), "1280x720": (1280, 720)}
CLIP_AUDIENCE_PHRASES = {
    "only_me": "you and the cast's owners",
    "friends": "your friends",
    "everyone": "everyone",
}
PERMISSION_RECHECK_SECONDS = 1.0
CANCELLED_MESSAGE = "Cancelled: the clip was stopped before it finished, and nothing was kept."
RESUMED_MESSAGE = "The app restarted while this clip was rendering; it was queued again."
GAVE_UP_MESSAGE = (
    "The app stopped twice while rendering this clip, so it was not tried again. "
    "Press Generate to make it once more."
)


class ClipError(Exception):
    """A clip could not be made; the message says why."""


class ClipLimitError(ClipError):
    """This person has too many clips in progress, or asked for too many too fast."""


@dataclass(frozen=True)
class JobLimits:
    """Per-person limits on render jobs, checked when a clip is queued."""

    max_active: int = 2  # queued + running at once
    max_per_hour: int = 20

    def active_message(self) -> str:
        return (
            f"You already have {self.max_active} clips in progress. Wait for one to finish "
            "(or cancel it), then try again."
        )

    def hourly_message(self) -> str:
        return (
            f"You've started {self.max_per_hour} clips in the last hour, the most we allow. "
            "Please try again a little later."
        )


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
    queue_position: int | None = None  # queued clips only: renders ahead of this one
    seed: int = 0
    template_id: str | None = None

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed", "cancelled")


@dataclass(frozen=True)
class CastableDouble:
    """A double the signed-in user may put in a clip, as the Studio shows it."""

    id: int
    handle: str
    kind: str
    display_name: str = ""
    owner_username: str = ""
    is_own: bool = True
    restrictions: str = ""
    widest_clip_visibility: str = "everyone"  # the widest audience its owner allows


class ClipService:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        pipeline: Callable[[], CoStarPipeline],
        *,
        backend_name: str,
        max_blob_bytes: int,
        limits: JobLimits | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._sessions = sessions
        self._pipeline = pipeline
        self._backend_name = backend_name
        self._max_blob_bytes = max_blob_bytes
        self._limits = limits or JobLimits()
        self._clock = clock

    # --- casting ----------------------------------------------------------------------------

    def castable_doubles(self, user: CurrentUser) -> list[CastableDouble]:
        """The doubles this user may put in a clip: own first, then friends' and shared ones."""
        with transaction(self._sessions) as session:
            doubles = double_queries.cast_candidates(
                session, user.id, social.friend_ids(session, user.id)
            )
            usable = [d for d in doubles if permissions.may_cast(session, user.id, d)]
            owners = {u.id: u.username for u in user_queries.users_by_id(
                session, {d.owner_user_id for d in usable})}  # fmt: skip
            return [_castable(d, user, owners.get(d.owner_user_id, "")) for d in usable]

    def create(
        self,
        user: CurrentUser,
        script: Script,
        cast: Mapping[str, str],
        *,
        seed: int,
        visibility: str = "only_me",
        template_id: str | None = None,
        source_clip_id: int | None = None,
        size: str = "832x480",
    ) -> ClipRecord:
        """Check the cast and script, then store a queued clip (the render job) and its appearances.

        Raises:
            ClipLimitError: too many clips in progress or in the last hour for this person.
            ClipError: a role is uncast, a double may not be used or doesn't fit the role, or
                the script breaks an owner's restriction (the message quotes it).
        """
        if visibility not in CLIP_VISIBILITY_LABELS:
            raise ClipError(f"Unknown clip visibility {visibility!r}.")
        if size not in CLIP_SIZES:
            raise ClipError(f"Unknown clip size {size!r}; choose {' or '.join(CLIP_SIZES)}.")
        width, height = CLIP_SIZES[size]
        with transaction(self._sessions) as session:
            self._check_limits(session, user)
            doubles = self._usable_doubles(session, user, cast)
            _check_audience(visibility, list(doubles.values()), user.id)
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
                visibility=visibility, created_at=self._clock(), source_clip_id=source_clip_id,
                width=width, height=height,
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

    def _check_limits(self, session: Session, user: CurrentUser) -> None:
        # Lock the creator's row so a burst of requests is counted one at a time (PostgreSQL;
        # SQLite's BEGIN IMMEDIATE already serialises writers).
        session.execute(select(User.id).where(User.id == user.id).with_for_update()).first()
        active = session.execute(
            select(func.count())
            .select_from(Clip)
            .where(Clip.creator_user_id == user.id, Clip.status.in_(("queued", "running")))
        ).scalar_one()
        if active >= self._limits.max_active:
            raise ClipLimitError(self._limits.active_message())
        recent = session.execute(
            select(func.count())
            .select_from(Clip)
            .where(
                Clip.creator_user_id == user.id,
                Clip.created_at > self._clock() - timedelta(hours=1),
            )
        ).scalar_one()
        if recent >= self._limits.max_per_hour:
            raise ClipLimitError(self._limits.hourly_message())

    def _usable_doubles(
        self, session: Session, user: CurrentUser, cast: Mapping[str, str]
    ) -> dict[str, Double]:
        """Role -> double, from the @handles picked; every one checked against this user."""
        doubles: dict[str, Double] = {}
        for role, handle in cast.items():
            handle = str(handle).strip().removeprefix("@")
            double = double_queries.find_double_by_handle(session, handle)
            if double is None:
                raise ClipError(f"There is no double @{handle} to cast as {role}.")
            refusal = permissions.cast_refusal(session, user.id, double)
            if refusal is not None:
                raise ClipError(f"You can't cast @{double.handle} as {role}: {refusal}")
            doubles[role] = double
        return doubles

    # --- one-click swap -----------------------------------------------------------------------

    def star_in_clip(
        self, user: CurrentUser, clip_public_id: str, role: str | None = None,
        handle: str | None = None,
    ) -> ClipRecord:  # fmt: skip
        """Queue the same script and seed as a clip this user may watch, starring their double.

        The double takes ``role`` (the only role when there is one). If it already plays
        another role, the two swap places. Everyone else keeps their role, so each of them
        must be castable by this user too; the message names whoever is not.
        """
        with transaction(self._sessions) as session:
            clip = session.execute(
                select(Clip).where(Clip.public_id == clip_public_id)
            ).scalar_one_or_none()
            if clip is None or not permissions.may_view_clip(session, user.id, clip):
                raise ClipError("That clip doesn't exist or you can't see it.")
            if clip.status != "done":
                raise ClipError("Only finished clips can be re-made with you in them.")
            script = Script.from_dict(json.loads(clip.script_json))
            cast = {r: entry["handle"] for r, entry in json.loads(clip.cast_json).items()}
            source = (clip.id, clip.seed, clip.template_id, f"{clip.width}x{clip.height}")
        role_name = _pick_role(script, role)
        mine = self._own_double_for(user, script, role_name, handle)
        cast = _swap_into(cast, role_name, mine.handle)
        clip_id, seed, template_id, size = source
        return self.create(user, script, cast, seed=seed, template_id=template_id,
                           source_clip_id=clip_id, size=size)  # fmt: skip

    def star_in_template(
        self, user: CurrentUser, script: Script, template_id: str, role: str | None = None,
        handle: str | None = None, *, seed: int = 7,
    ) -> ClipRecord:  # fmt: skip
        """Queue a preset script starring this user's double; other roles get doubles they may
        cast (own first, then friends' and shared ones), one per role."""
        role_name = _pick_role(script, role)
        mine = self._own_double_for(user, script, role_name, handle)
        cast = {role_name: mine.handle}
        others = [d for d in self.castable_doubles(user) if d.id != mine.id]
        for other_role in script.roles:
            if other_role.name in cast:
                continue
            pick = next((d for d in others if d.kind in other_role.allowed_kinds), None)
            if pick is None:
                kinds = " or ".join(other_role.allowed_kinds)
                raise ClipError(
                    f"Nobody you may cast fits the role {other_role.name} ({kinds}). Register "
                    "such a double or ask a friend to share one, then cast it in the Studio."
                )
            others.remove(pick)
            cast[other_role.name] = pick.handle
        return self.create(user, script, cast, seed=seed, template_id=template_id)

    def _own_double_for(
        self, user: CurrentUser, script: Script, role_name: str, handle: str | None
    ) -> CastableDouble:
        kinds = next(r.allowed_kinds for r in script.roles if r.name == role_name)
        mine = [d for d in self.castable_doubles(user) if d.is_own]
        if handle:
            wanted = handle.strip().removeprefix("@")
            chosen = next((d for d in mine if d.handle == wanted), None)
            if chosen is None:
                raise ClipError(f"@{wanted} isn't one of your active doubles.")
            if chosen.kind not in kinds:
                raise ClipError(f"@{wanted} is a {chosen.kind}; {role_name} must be "
                                f"{' or '.join(kinds)}.")  # fmt: skip
            return chosen
        chosen = next((d for d in mine if d.kind in kinds), None)
        if chosen is None:
            raise ClipError(
                f"You have no active double that can play {role_name} ({' or '.join(kinds)}). "
                "Register one in My doubles first."
            )
        return chosen

    # --- rendering --------------------------------------------------------------------------

    def render(
        self, user: CurrentUser, clip_id: int, progress: ProgressCallback | None = None
    ) -> ClipRecord:
        """Render a queued clip of this user; store the MP4 or a clear failure.

        Raises:
            ClipError: the clip isn't this user's or not queued, or rendering failed (the clip
                is then marked failed or cancelled with the same message; nothing half-stored).
        """
        started = self._start(user, clip_id)
        if started is None:
            raise ClipError(CANCELLED_MESSAGE)
        request, double_ids = started
        work_dir = Path(tempfile.mkdtemp(prefix="costar-clip-"))
        try:
            result = self._pipeline()(
                request,
                output_path=work_dir / f"{request.clip_id}.mp4",
                callback=self._progress_reporter(clip_id, progress),
                is_cancelled=self._cancel_watch(user, clip_id, double_ids),
            )
            return self._finish(clip_id, result, request.creator_handle)
        except RenderCancelledError as error:
            self._end(clip_id, "cancelled", str(error))
            raise ClipError(str(error)) from None
        except (GenerationError, ScriptError, ValueError) as error:
            self._end(clip_id, "failed", str(error))
            raise ClipError(f"The clip could not be rendered: {error}") from None
        finally:
            shutil.rmtree(work_dir, ignore_errors=True)

    def _start(self, user: CurrentUser, clip_id: int) -> tuple[RenderRequest, list[int]] | None:
        """Claim a queued clip for rendering; None when it was cancelled before it started."""
        unavailable: str | None = None
        with transaction(self._sessions) as session:
            # Row lock: two workers never start the same queued clip (PostgreSQL).
            clip = session.get(Clip, clip_id, with_for_update=True)
            if clip is None or clip.creator_user_id != user.id:
                raise ClipError("That clip doesn't exist or isn't yours.")
            if clip.status != "queued":
                raise ClipError(f"That clip is already {clip.status}.")
            if clip.removed_at is not None or clip.cancel_requested:
                clip.status, clip.status_message = "cancelled", CANCELLED_MESSAGE
                clip.finished_at = self._clock()
                return None
            clip.attempts += 1
            clip.started_at = self._clock()
            cast: dict[str, CastReference] = {}
            for appearance in clip.appearances:
                double = session.get(Double, appearance.double_id)
                refusal = permissions.cast_refusal(session, user.id, double) if double else None
                if double is None or refusal is not None:
                    unavailable = _unavailable(appearance.role, refusal)
                    clip.status, clip.status_message = "cancelled", unavailable
                    break
                cast[appearance.role] = _cast_reference(session, appearance.role, double)
            else:
                clip.status, clip.progress = "running", 0.0
                request = RenderRequest(
                    script=Script.from_dict(json.loads(clip.script_json)), cast=cast,
                    seed=clip.seed, clip_id=clip.public_id, creator_handle=user.username,
                    width=clip.width, height=clip.height,
                )  # fmt: skip
                double_ids = [a.double_id for a in clip.appearances]
        if unavailable is not None:  # recorded as cancelled above, then refused
            raise ClipError(unavailable)
        return request, double_ids

    def _cancel_watch(
        self, user: CurrentUser, clip_id: int, double_ids: list[int]
    ) -> Callable[[], object]:
        """Asked by the pipeline between frames; reads the DB at most once a second."""
        last_check = [0.0]

        def is_cancelled() -> str | bool:
            now = time.monotonic()
            if now - last_check[0] < PERMISSION_RECHECK_SECONDS:
                return False
            last_check[0] = now
            with transaction(self._sessions) as session:
                clip = session.get(Clip, clip_id)
                if clip is None or clip.cancel_requested or clip.removed_at is not None:
                    return CANCELLED_MESSAGE
                for double_id in double_ids:
                    double = session.get(Double, double_id)
                    refusal = permissions.cast_refusal(session, user.id, double) if double else None
                    if double is None or refusal is not None:
                        return f"Rendering stopped: {refusal or 'a cast double is gone.'}"
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

    def _finish(self, clip_id: int, result: ClipResult, creator_handle: str) -> ClipRecord:
        data = result.path.read_bytes()
        provenance = provenance_at_finish(
            result.path, clip_id=result.clip_id, creator_handle=creator_handle,
            trust_anchor_pem=self._pipeline().signing_identity.ca_certificate_pem,
        )  # fmt: skip
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id, with_for_update=True)
            assert clip is not None
            if clip.cancel_requested or clip.removed_at is not None:  # stopped in the last second
                clip.status, clip.status_message = "cancelled", CANCELLED_MESSAGE
                clip.finished_at = self._clock()
                return _record(clip)
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
            })  # fmt: skip
            return _record(clip)

    def _end(self, clip_id: int, status: str, message: str) -> None:
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id)
            if clip is not None:
                clip.status, clip.status_message = status, message[:500]
                clip.finished_at = self._clock()

    # --- jobs -------------------------------------------------------------------------------

    def cancel(self, user: CurrentUser, clip_id: int) -> ClipRecord:
        """Cancel this user's queued clip at once, or ask a running render to stop."""
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id, with_for_update=True)
            if clip is None or clip.creator_user_id != user.id:
                raise ClipError("That clip doesn't exist or isn't yours.")
            if clip.status not in ("queued", "running"):
                raise ClipError(f"That clip is already {clip.status}; there is nothing to cancel.")
            clip.cancel_requested = True
            if clip.status == "queued":
                clip.status, clip.status_message = "cancelled", CANCELLED_MESSAGE
                clip.finished_at = self._clock()
            return _record(clip)

    def mark_failed(self, clip_id: int, message: str) -> None:
        """Record an unexpected failure on a clip that was rendering (used by the workers)."""
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id)
            if clip is not None and clip.status in ("queued", "running"):
                clip.status, clip.status_message = "failed", message[:500]
                clip.finished_at = self._clock()

    def get(self, user: CurrentUser, clip_id: int) -> ClipRecord:
        """One of this user's clips, as it stands now (the Studio polls this while rendering)."""
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id)
            if clip is None or clip.creator_user_id != user.id:
                raise ClipError("That clip doesn't exist or isn't yours.")
            return _record(clip, queue_position=_queue_position(session, clip))

    def next_queued(self) -> tuple[int, CurrentUser] | None:
        """The oldest queued clip and its creator, for a render worker."""
        with transaction(self._sessions) as session:
            row = session.execute(
                select(Clip.id, User.id, User.username, User.display_name)
                .join(User, User.id == Clip.creator_user_id)
                .where(Clip.status == "queued")
                .order_by(Clip.id)
                .limit(1)
            ).first()
        if row is None:
            return None
        clip_id, user_id, username, display_name = row
        return clip_id, CurrentUser(id=user_id, username=username, display_name=display_name)

    def recover_unfinished(self, max_attempts: int = 2) -> list[ClipRecord]:
        """After a restart: requeue clips that were rendering, or fail those that keep failing.

        A render that was cut off twice (say the machine ran out of memory) is not tried a
        third time, so one bad job can't crash the app in a loop.
        """
        with transaction(self._sessions) as session:
            running = session.execute(select(Clip).where(Clip.status == "running")).scalars()
            recovered = []
            for clip in running:
                if clip.attempts >= max_attempts:
                    clip.status, clip.status_message = "failed", GAVE_UP_MESSAGE
                    clip.finished_at = self._clock()
                else:
                    clip.status, clip.progress = "queued", 0.0
                    clip.status_message = RESUMED_MESSAGE
                recovered.append(_record(clip))
            return recovered

    # --- viewing ----------------------------------------------------------------------------

    def list_mine(self, user: CurrentUser) -> list[ClipRecord]:
        with transaction(self._sessions) as session:
            clips = session.execute(
                select(Clip).where(Clip.creator_user_id == user.id).order_by(Clip.id.desc())
            ).scalars()
            return [_record(clip) for clip in clips]

    def may_view_blob(self, session: Session, viewer: CurrentUser | None, key: str) -> bool:
        """Media rule: a clip's video is served to whoever may watch that clip."""
        clips = session.execute(select(Clip).where(Clip.video_sha == key)).scalars()
        viewer_id = viewer.id if viewer is not None else None
        return any(permissions.may_view_clip(session, viewer_id, clip) for clip in clips)


def _pick_role(script: Script, role: str | None) -> str:
    names = [r.name for r in script.roles]
    if role:
        if role not in names:
            raise ClipError(f"This script has no role {role!r}; its roles are {', '.join(names)}.")
        return role
    if len(names) > 1:
        raise ClipError(f"Choose which role to play: {', '.join(names)}.")
    return names[0]


def _swap_into(cast: Mapping[str, str], role: str, handle: str) -> dict[str, str]:
    """``handle`` takes ``role``; if it already played another role, the two trade places."""
    swapped = dict(cast)
    previous = swapped.get(role)
    for other_role, other_handle in cast.items():
        if other_handle == handle and other_role != role and previous is not None:
            swapped[other_role] = previous
    swapped[role] = handle
    return swapped


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
        voice_sample = VoiceSample.from_wav_bytes(media.read_blob(session, reference.voice_sha))
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
        voice_shift=voice_shift_from_record(reference.voice_shift) if voice_sample else None,
    )  # fmt: skip


def _unavailable(role: str, refusal: str | None) -> str:
    return f"The double cast as {role} can't be used any more: {refusal or 'it is gone.'}"


def _check_audience(visibility: str, doubles: list[Double], creator_user_id: int) -> None:
    """Refuse an audience wider than some cast owner allows, naming that double."""
    order = permissions.CLIP_VISIBILITY_ORDER
    for double in doubles:
        widest = permissions.widest_clip_visibility([double], creator_user_id)
        if order.index(visibility) > order.index(widest):
            raise ClipError(
                f"@{double.handle}'s owner allows clips with it to be seen by "
                f"{CLIP_AUDIENCE_PHRASES[widest]} at most. Choose a narrower audience."
            )


def _castable(double: Double, user: CurrentUser, owner_username: str) -> CastableDouble:
    return CastableDouble(
        id=double.id, handle=double.handle, kind=double.kind, display_name=double.display_name,
        owner_username=owner_username, is_own=double.owner_user_id == user.id,
        restrictions=double.restrictions,
        widest_clip_visibility=permissions.widest_clip_visibility([double], user.id),
    )  # fmt: skip


def _queue_position(session: Session, clip: Clip) -> int | None:
    """How many clips will render before this queued one (0: it is next)."""
    if clip.status != "queued":
        return None
    ahead = (
        select(func.count())
        .select_from(Clip)
        .where(or_(Clip.status == "running", (Clip.status == "queued") & (Clip.id < clip.id)))
    )
    return int(session.execute(ahead).scalar_one())


def _record(clip: Clip, *, queue_position: int | None = None) -> ClipRecord:
    cast = {role: entry["handle"] for role, entry in json.loads(clip.cast_json).items()}
    return ClipRecord(
        id=clip.id, public_id=clip.public_id, title=clip.title, status=clip.status,
        progress=clip.progress, status_message=clip.status_message, visibility=clip.visibility,
        video_sha=clip.video_sha, duration=clip.duration, cast=cast,
        metrics=json.loads(clip.metrics_json), created_at=clip.created_at,
        queue_position=queue_position, seed=clip.seed, template_id=clip.template_id,
    )  # fmt: skip
