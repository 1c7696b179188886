"""Casting: which doubles a person may put in a clip, one-click swaps, and the reference data a
render needs for each cast member."""

from __future__ import annotations

import io
from collections.abc import Mapping

import numpy as np
from PIL import Image
from sqlalchemy.orm import Session

from core.acting.house import HOUSE_BY_HANDLE, HOUSE_CHARACTERS, is_house_handle
from core.generation.types import CastReference
from core.identity.faces import FaceEmbedding
from core.reference.sprite import LivingSprite
from core.scripts.casting import CastMember
from core.scripts.model import Script
from core.sentences import sentence
from core.voice.samples import VoiceEmbedding, VoiceSample
from core.voice.tuning import voice_shift_from_record
from db import consent as ledger
from db import doubles as double_queries
from db import media
from db.models import Double, DoubleReference
from webapp import permissions
from webapp.auth import CurrentUser
from webapp.clips.records import AUDIENCE_NAMES, CastableDouble, ClipError


def house_castables() -> list[CastableDouble]:
    """The house characters, castable by everyone (negative ids: they have no double row)."""
    return [
        CastableDouble(
            id=-(index + 1),
            handle=character.handle,
            kind=character.kind,
            display_name=character.label,
            is_own=False,
            is_house=True,
        )
        for index, character in enumerate(HOUSE_CHARACTERS)
    ]


def house_roles(cast: Mapping[str, str]) -> dict[str, str]:
    """Role -> handle for the roles the cast gives to house characters."""
    picked = {role: str(handle).strip().removeprefix("@") for role, handle in cast.items()}
    return {role: handle for role, handle in picked.items() if is_house_handle(handle)}


def house_member(handle: str) -> CastMember:
    character = HOUSE_BY_HANDLE[handle]
    return CastMember(
        handle=handle, kind=character.kind, display_name=character.display_name,
        description=character.description, restrictions="",
    )  # fmt: skip


def usable_doubles(
    session: Session, user: CurrentUser, cast: Mapping[str, str]
) -> dict[str, Double]:
    """Role -> double, from the @handles picked; every one checked against this user."""
    doubles: dict[str, Double] = {}
    for role, handle in cast.items():
        handle = str(handle).strip().removeprefix("@")
        double = double_queries.find_double_by_handle(session, handle)
        if double is None:
            raise ClipError(sentence("clip.no_such_double",
                                     "There is no double @{handle} to cast as {role}.",
                                     handle=handle, role=role))  # fmt: skip
        refusal = permissions.cast_refusal(session, user.id, double)
        if refusal is not None:
            raise ClipError(sentence(
                "clip.may_not_cast", "You can't cast @{handle} as {role}: {refusal}",
                handle=double.handle, role=role, refusal=refusal,
            ))  # fmt: skip
        doubles[role] = double
    return doubles


def pick_role(script: Script, role: str | None) -> str:
    names = [r.name for r in script.roles]
    if role:
        if role not in names:
            raise ClipError(sentence(
                "clip.no_such_role", "This script has no role {role}; its roles are {roles}.",
                role=repr(role), roles=", ".join(names),
            ))  # fmt: skip
        return role
    if len(names) > 1:
        raise ClipError(sentence("clip.choose_role", "Choose which role to play: {roles}.",
                                 roles=", ".join(names)))  # fmt: skip
    return names[0]


def swap_into(cast: Mapping[str, str], role: str, handle: str) -> dict[str, str]:
    """``handle`` takes ``role``; if it already played another role, the two trade places."""
    swapped = dict(cast)
    previous = swapped.get(role)
    for other_role, other_handle in cast.items():
        if other_handle == handle and other_role != role and previous is not None:
            swapped[other_role] = previous
    swapped[role] = handle
    return swapped


def cast_member(double: Double) -> CastMember:
    return CastMember(
        handle=double.handle, kind=double.kind, display_name=double.display_name,  # type: ignore[arg-type]
        description=double.description, restrictions=double.restrictions,
    )  # fmt: skip


def cast_reference(session: Session, role: str, double: Double) -> CastReference:
    reference = session.get(DoubleReference, double.id)
    if reference is None:
        raise ClipError(sentence("clip.no_reference", "@{handle} has no reference data any more.",
                                 handle=double.handle))  # fmt: skip
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


def unavailable_message(role: str, refusal: str | None) -> str:
    return sentence(
        "clip.double_unavailable", "The double cast as {role} can't be used any more: {refusal}",
        role=role, refusal=refusal or sentence("clip.double_gone", "it is gone."),
    )  # fmt: skip


def check_audience(visibility: str, doubles: list[Double], creator_user_id: int) -> None:
    """Refuse an audience wider than some cast owner allows, naming that double."""
    order = permissions.CLIP_VISIBILITY_ORDER
    for double in doubles:
        widest = permissions.widest_clip_visibility([double], creator_user_id)
        if order.index(visibility) > order.index(widest):
            raise ClipError(sentence(
                "clip.audience_too_wide",
                "@{handle}'s owner allows clips with it to be seen by {audience} at most. Choose "
                "a narrower audience.",
                handle=double.handle, audience=AUDIENCE_NAMES.get(widest, widest),
            ))  # fmt: skip


def castable(double: Double, user: CurrentUser, owner_username: str) -> CastableDouble:
    return CastableDouble(
        id=double.id, handle=double.handle, kind=double.kind, display_name=double.display_name,
        owner_username=owner_username, is_own=double.owner_user_id == user.id,
        restrictions=double.restrictions,
        widest_clip_visibility=permissions.widest_clip_visibility([double], user.id),
    )  # fmt: skip
