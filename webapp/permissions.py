"""Who may cast which double and who may watch which clip: the server's one rulebook.

Every service asks these functions, from the signed-in user's id, every time; the UI only
shows what they allow. A clip lives only as long as the permissions that made it: when its
creator could no longer cast one of its doubles (revoked, deleted, tier narrowed, permission
withdrawn, friendship ended, blocked), the clip is hidden from everyone but that double's owner.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db import clips as clip_queries
from db import social
from db.models import Clip, Double

CLIP_VISIBILITY_ORDER = ("only_me", "friends", "everyone")
# The widest audience a clip may have when it uses a double shared under each tier. A double
# shared with chosen people only ("approved") keeps its clips between creator and cast owners.
_WIDEST_CLIP_AUDIENCE = {
    "only_me": "only_me",
    "approved": "only_me",
    "friends": "friends",
    "everyone": "everyone",
}


# Why a double can't be cast, by reason; the interface words them in the page's language
# (``refusal.<reason>`` in webapp/i18n/topics/clips.py) when it shows why a clip is hidden.
CAST_REFUSALS = {
    "deleted": "{handle} was deleted by its owner.",
    "revoked": "{handle} is no longer available (its owner revoked consent).",
    "blocked": "{handle} isn't available to you.",
    "withdrawn": "{handle}'s owner has withdrawn your permission to use it.",
    "not_shared": "{handle} isn't available to you: its owner hasn't shared it with you.",
}
HIDDEN_PREFIX = "Hidden: "


def cast_refusal(session: Session, user_id: int, double: Double) -> str | None:
    """Why this user may not cast this double now, or None when they may."""
    handle = f"@{double.handle}"
    if double.status == "deleted":
        return CAST_REFUSALS["deleted"].format(handle=handle)
    if double.status != "active":
        return CAST_REFUSALS["revoked"].format(handle=handle)
    if double.owner_user_id == user_id:
        return None
    if social.is_blocked_either_way(session, user_id, double.owner_user_id):
        return CAST_REFUSALS["blocked"].format(handle=handle)
    grant = social.grant_of(session, double.id, user_id)
    if grant is not None and grant.status == "revoked":
        return CAST_REFUSALS["withdrawn"].format(handle=handle)
    tier = double.visibility
    if tier == "everyone":
        return None
    if tier == "friends" and social.are_friends(session, user_id, double.owner_user_id):
        return None
    if tier == "approved" and grant is not None and grant.status == "approved":
        return None
    return CAST_REFUSALS["not_shared"].format(handle=handle)


def may_cast(session: Session, user_id: int, double: Double) -> bool:
    return cast_refusal(session, user_id, double) is None


def widest_clip_visibility(doubles: list[Double], creator_user_id: int) -> str:
    """The widest audience every cast owner allows for a clip made by this creator."""
    widest = len(CLIP_VISIBILITY_ORDER) - 1
    for double in doubles:
        if double.owner_user_id != creator_user_id:
            allowed = _WIDEST_CLIP_AUDIENCE[double.visibility]
            widest = min(widest, CLIP_VISIBILITY_ORDER.index(allowed))
    return CLIP_VISIBILITY_ORDER[widest]


def cast_doubles(session: Session, clip: Clip) -> list[Double]:
    return clip_queries.cast_doubles(session, clip)


def hidden_reason(session: Session, clip: Clip) -> str | None:
    """Why this clip is hidden (or removed), or None while every cast permission still holds."""
    if clip.removed_at is not None:
        return "This clip was deleted."
    for double in cast_doubles(session, clip):
        refusal = cast_refusal(session, clip.creator_user_id, double)
        if refusal is not None:
            return f"{HIDDEN_PREFIX}{refusal}"
    return None


def is_cast_owner(session: Session, user_id: int, clip: Clip) -> bool:
    return any(double.owner_user_id == user_id for double in cast_doubles(session, clip))


def may_view_clip(session: Session, viewer_id: int | None, clip: Clip) -> bool:
    """May this signed-in user watch this clip? (Anonymous visitors see nothing.)"""
    if viewer_id is None or clip.removed_at is not None:
        return False
    withdrawn_owners = _owners_who_lost_the_creator(session, clip)
    if withdrawn_owners:
        # Hidden, even from the creator and the other cast owners; the owner whose likeness
        # it no longer may use still sees it, so they can act on it.
        return viewer_id in withdrawn_owners
    if is_cast_owner(session, viewer_id, clip):
        return True  # their own likeness: always visible to them, so they can act on it
    if viewer_id == clip.creator_user_id:
        return True
    if clip.status != "done" or _blocked_from_clip(session, viewer_id, clip):
        return False
    if clip.visibility == "everyone":
        return True
    if clip.visibility == "friends":
        return social.are_friends(session, viewer_id, clip.creator_user_id)
    return False


def _owners_who_lost_the_creator(session: Session, clip: Clip) -> set[int]:
    """Owners of the cast doubles this clip's creator may no longer cast."""
    return {
        double.owner_user_id
        for double in cast_doubles(session, clip)
        if cast_refusal(session, clip.creator_user_id, double) is not None
    }


def _blocked_from_clip(session: Session, viewer_id: int, clip: Clip) -> bool:
    people = {clip.creator_user_id} | {d.owner_user_id for d in cast_doubles(session, clip)}
    return any(social.is_blocked_either_way(session, viewer_id, person) for person in people)
