"""Clip use cases the UI calls: cast doubles into a script and queue the render, star in a clip
or template with one click, follow, cancel and list clips.

A clip row and its appearances are written *before* rendering, so a double's owner sees
drafts too. Permission to use each double is checked when casting, again when rendering
starts, and about once a second while it renders: revoking a double stops the render
(:mod:`webapp.clips.rendering`).
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Mapping
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from core.acting.house import house_double_id
from core.generation.dialogue import DialogueTooLongError
from core.generation.dialogue_fit import check_dialogue_fits, remembering_lengths
from core.generation.pipeline import CoStarPipeline
from core.generation.types import ProgressCallback
from core.scripts.casting import check_cast, check_restrictions
from core.scripts.model import Script, ScriptError, kind_name, kinds_either
from core.sentences import sentence
from core.voice.speech import SpeechSynthesisError
from core.voice.tuning import Speak, speak_english
from db import audit, social
from db import clips as clip_queries
from db import doubles as double_queries
from db import users as user_queries
from db.base import utcnow
from db.engine import transaction
from db.models import Appearance, Clip, Double
from webapp import permissions
from webapp.auth import CurrentUser
from webapp.clips.casting import (
    cast_member,
    castable,
    check_audience,
    house_castables,
    house_member,
    house_roles,
    pick_role,
    swap_into,
    usable_doubles,
)
from webapp.clips.limits import JobLimits, check_limits
from webapp.clips.records import (
    CANCELLED_MESSAGE,
    CLIP_SIZES,
    CLIP_VISIBILITY_LABELS,
    GAVE_UP_MESSAGE,
    NOT_YOURS,
    RESUMED_MESSAGE,
    CastableDouble,
    ClipError,
    ClipRecord,
    clip_record,
    queue_position,
    status_name,
)
from webapp.clips.rendering import ClipRenderer


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
        speak: Speak = speak_english,
    ) -> None:
        """``speak`` must be the render pipeline's voice: scripts are checked with it."""
        self._sessions = sessions
        self._speak_for_timing = remembering_lengths(speak)
        self._backend_name = backend_name
        self._limits = limits or JobLimits()
        self._clock = clock
        self._renderer = ClipRenderer(
            sessions, pipeline, max_blob_bytes=max_blob_bytes, clock=clock
        )

    # --- checking a script ------------------------------------------------------------------

    def check_dialogue(self, script: Script) -> None:
        """Refuse dialogue that cannot fit its shot, before anything is queued or stored.

        Raises:
            ClipError: With the message the render would give ("Shot 2's dialogue takes 9.1 s
                even spoken fast, but the shot lasts 3.0 s. Shorten the lines or lengthen
                the shot.").
        """
        try:
            check_dialogue_fits(script, speak=self._speak_for_timing)
        except (DialogueTooLongError, SpeechSynthesisError) as error:
            raise ClipError(str(error)) from None

    # --- casting ----------------------------------------------------------------------------

    def castable_doubles(self, user: CurrentUser) -> list[CastableDouble]:
        """The doubles this user may put in a clip: own first, then friends' and shared ones,
        then the house characters everyone may cast."""
        with transaction(self._sessions) as session:
            doubles = double_queries.cast_candidates(
                session, user.id, social.friend_ids(session, user.id)
            )
            usable = [d for d in doubles if permissions.may_cast(session, user.id, d)]
            owners = {u.id: u.username for u in user_queries.users_by_id(
                session, {d.owner_user_id for d in usable})}  # fmt: skip
            mine_and_shared = [castable(d, user, owners.get(d.owner_user_id, "")) for d in usable]
        return mine_and_shared + house_castables()

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
            ClipError: a role is uncast, a double may not be used or doesn't fit the role,
                the script breaks an owner's restriction (the message quotes it), or a shot's
                dialogue cannot fit it (:meth:`check_dialogue`).
        """
        if visibility not in CLIP_VISIBILITY_LABELS:
            raise ClipError(f"Unknown clip visibility {visibility!r}.")
        if size not in CLIP_SIZES:
            raise ClipError(f"Unknown clip size {size!r}; choose {' or '.join(CLIP_SIZES)}.")
        width, height = CLIP_SIZES[size]
        # Voiced outside the transaction: it takes ~0.2 s a line and needs no database.
        self.check_dialogue(script)
        with transaction(self._sessions) as session:
            check_limits(session, user.id, self._limits, self._clock())
            house = house_roles(cast)
            doubles = usable_doubles(
                session, user, {role: h for role, h in cast.items() if role not in house}
            )
            check_audience(visibility, list(doubles.values()), user.id)
            members = {role: cast_member(double) for role, double in doubles.items()}
            members.update({role: house_member(handle) for role, handle in house.items()})
            try:
                check_cast(script, members)
                check_restrictions(script, members)
            except ScriptError as error:
                raise ClipError(str(error)) from None
            clip = Clip(
                public_id=secrets.token_hex(8), creator_user_id=user.id, title=script.title,
                script_json=json.dumps(script.to_dict(), ensure_ascii=False),
                cast_json=json.dumps(_cast_entries(cast, doubles, house)),
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
            return clip_record(clip)

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
            clip = clip_queries.find_clip_by_public_id(session, clip_public_id)
            if clip is None or not permissions.may_view_clip(session, user.id, clip):
                raise ClipError(
                    sentence("clip.not_visible", "That clip doesn't exist or you can't see it.")
                )
            if clip.status != "done":
                raise ClipError(
                    sentence(
                        "clip.not_finished", "Only finished clips can be re-made with you in them."
                    )
                )
            script = Script.from_dict(json.loads(clip.script_json))
            cast = {r: entry["handle"] for r, entry in json.loads(clip.cast_json).items()}
            source = (clip.id, clip.seed, clip.template_id, f"{clip.width}x{clip.height}")
        role_name = pick_role(script, role)
        mine = self._own_double_for(user, script, role_name, handle)
        cast = swap_into(cast, role_name, mine.handle)
        clip_id, seed, template_id, size = source
        return self.create(user, script, cast, seed=seed, template_id=template_id,
                           source_clip_id=clip_id, size=size)  # fmt: skip

    def star_in_template(
        self, user: CurrentUser, script: Script, template_id: str, role: str | None = None,
        handle: str | None = None, *, seed: int = 7,
    ) -> ClipRecord:  # fmt: skip
        """Queue a preset script starring this user's double; other roles get doubles they may
        cast (own first, then friends' and shared ones), one per role."""
        role_name = pick_role(script, role)
        mine = self._own_double_for(user, script, role_name, handle)
        cast = {role_name: mine.handle}
        others = [d for d in self.castable_doubles(user) if d.id != mine.id]
        for other_role in script.roles:
            if other_role.name in cast:
                continue
            pick = next((d for d in others if d.kind in other_role.allowed_kinds), None)
            if pick is None:
                raise ClipError(sentence(
                    "clip.nobody_fits",
                    "Nobody you may cast fits the role {role} ({kinds}). Register such a double "
                    "or ask a friend to share one, then cast it in the Studio.",
                    role=other_role.name, kinds=kinds_either(other_role.allowed_kinds),
                ))  # fmt: skip
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
                raise ClipError(sentence("clip.not_your_double",
                                         "@{handle} isn't one of your active doubles.",
                                         handle=wanted))  # fmt: skip
            if chosen.kind not in kinds:
                raise ClipError(sentence(
                    "clip.wrong_kind", "@{handle} is a {kind}; {role} must be {kinds}.",
                    handle=wanted, kind=kind_name(chosen.kind), role=role_name,
                    kinds=kinds_either(kinds),
                ))  # fmt: skip
            return chosen
        chosen = next((d for d in mine if d.kind in kinds), None)
        if chosen is None:
            raise ClipError(sentence(
                "clip.no_double_for_role",
                "You have no active double that can play {role} ({kinds}). Register one in My "
                "doubles first.",
                role=role_name, kinds=kinds_either(kinds),
            ))  # fmt: skip
        return chosen

    # --- rendering --------------------------------------------------------------------------

    def render(
        self, user: CurrentUser, clip_id: int, progress: ProgressCallback | None = None
    ) -> ClipRecord:
        """Render a queued clip of this user (see :class:`ClipRenderer`)."""
        return self._renderer.render(user, clip_id, progress)

    # --- jobs -------------------------------------------------------------------------------

    def cancel(self, user: CurrentUser, clip_id: int) -> ClipRecord:
        """Cancel this user's queued clip at once, or ask a running render to stop."""
        with transaction(self._sessions) as session:
            clip = session.get(Clip, clip_id, with_for_update=True)
            if clip is None or clip.creator_user_id != user.id:
                raise ClipError(NOT_YOURS)
            if clip.status not in ("queued", "running"):
                raise ClipError(sentence(
                    "clip.nothing_to_cancel",
                    "That clip is already {status}; there is nothing to cancel.",
                    status=status_name(clip.status),
                ))  # fmt: skip
            clip.cancel_requested = True
            if clip.status == "queued":
                clip.status, clip.status_message = "cancelled", CANCELLED_MESSAGE
                clip.finished_at = self._clock()
            return clip_record(clip)

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
                raise ClipError(NOT_YOURS)
            return clip_record(clip, queue_position=queue_position(session, clip))

    def next_queued(self) -> tuple[int, CurrentUser] | None:
        """The oldest queued clip and its creator, for a render worker."""
        with transaction(self._sessions) as session:
            found = clip_queries.oldest_queued_clip(session)
            if found is None:
                return None
            clip, creator = found
            return clip.id, CurrentUser(
                id=creator.id, username=creator.username, display_name=creator.display_name
            )

    def recover_unfinished(self, max_attempts: int = 2) -> list[ClipRecord]:
        """After a restart: requeue clips that were rendering, or fail those that keep failing.

        A render that was cut off twice (say the machine ran out of memory) is not tried a
        third time, so one bad job can't crash the app in a loop.
        """
        with transaction(self._sessions) as session:
            running = clip_queries.clips_with_status(session, "running")
            recovered = []
            for clip in running:
                if clip.attempts >= max_attempts:
                    clip.status, clip.status_message = "failed", GAVE_UP_MESSAGE
                    clip.finished_at = self._clock()
                else:
                    clip.status, clip.progress = "queued", 0.0
                    clip.status_message = RESUMED_MESSAGE
                recovered.append(clip_record(clip))
            return recovered

    # --- viewing ----------------------------------------------------------------------------

    def list_mine(self, user: CurrentUser) -> list[ClipRecord]:
        with transaction(self._sessions) as session:
            return [clip_record(clip) for clip in clip_queries.clips_of_creator(session, user.id)]

    def may_view_blob(self, session: Session, viewer: CurrentUser | None, key: str) -> bool:
        """Media rule: a clip's video is served to whoever may watch that clip."""
        clips = clip_queries.clips_with_video(session, key)
        viewer_id = viewer.id if viewer is not None else None
        return any(permissions.may_view_clip(session, viewer_id, clip) for clip in clips)


def _cast_entries(
    cast: Mapping[str, str], doubles: Mapping[str, Double], house: Mapping[str, str]
) -> dict[str, dict[str, str]]:
    """The clip's frozen cast in the order picked: a double's public id, or a house id."""
    entries = {}
    for role in cast:
        if role in house:
            entries[role] = {"double": house_double_id(house[role]), "handle": house[role]}
        else:
            entries[role] = {"double": doubles[role].public_id, "handle": doubles[role].handle}
    return entries
