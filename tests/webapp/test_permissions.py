"""The permission rulebook, through the services that ask it: casting tiers, blocks, grants,
audiences and who may watch a clip."""

from __future__ import annotations

import pytest

from db.base import utcnow
from db.engine import transaction
from db.models import Clip, Double, MediaBlob
from tests.core.generation.generation_fakes import two_role_script
from tests.webapp.social_helpers import add_double, add_people, count_rows
from webapp import permissions
from webapp.clips import ClipError
from webapp.friends import FriendService
from webapp.grants import GrantService


@pytest.fixture
def people(sessions):
    return add_people(sessions, "maya", "bob", "eve")


@pytest.fixture
def friends(sessions, clock):
    return FriendService(sessions, clock=clock)


@pytest.fixture
def grants(sessions, clock):
    return GrantService(sessions, clock=clock)


@pytest.fixture
def own_double(sessions, people):
    return add_double(sessions, people["maya"], "maya")


def befriend(friends, first, second) -> None:
    friends.send_request(first, second.username)
    friends.accept(second, first.username)


def cast_bob(clips, maya, visibility: str = "only_me"):
    return clips.create(maya, two_role_script(), {"lead": "maya", "buddy": "@bob"}, seed=3,
                        visibility=visibility)  # fmt: skip


def castable_handles(clips, user) -> set[str]:
    """The people's doubles offered (the house characters are offered to everyone)."""
    return {double.handle for double in clips.castable_doubles(user) if not double.is_house}


# --- casting: the tier matrix -----------------------------------------------------------------


def _no_setup(friends, grants, people) -> None:
    return None


def _grant(friends, grants, people) -> None:
    grants.approve(people["bob"], "bob", "maya")


def _request_only(friends, grants, people) -> None:
    friends.send_request(people["maya"], "bob")


def _friendship(friends, grants, people) -> None:
    befriend(friends, people["maya"], people["bob"])


def _friendship_then_withdrawn(friends, grants, people) -> None:
    befriend(friends, people["maya"], people["bob"])
    grants.withdraw(people["bob"], "bob", "maya")


def _withdrawn(friends, grants, people) -> None:
    grants.withdraw(people["bob"], "bob", "maya")


def _blocked_by_owner(friends, grants, people) -> None:
    friends.block(people["bob"], "maya")


def _grant_then_blocked(friends, grants, people) -> None:
    grants.approve(people["bob"], "bob", "maya")
    friends.block(people["maya"], "bob")  # maya's own block counts too


TIER_MATRIX = [
    ("only_me", _no_setup, False),
    ("only_me", _friendship, False),
    ("approved", _no_setup, False),
    ("approved", _friendship, False),  # friendship isn't approval
    ("approved", _grant, True),
    ("friends", _no_setup, False),
    ("friends", _request_only, False),  # a pending request isn't a friendship
    ("friends", _grant, False),  # approval isn't friendship
    ("friends", _friendship, True),
    ("friends", _friendship_then_withdrawn, False),
    ("everyone", _no_setup, True),
    ("everyone", _withdrawn, False),  # a withdrawal overrides "everyone"
    ("everyone", _blocked_by_owner, False),
    ("approved", _grant_then_blocked, False),
]


MATRIX_IDS = [f"{tier}-{setup.__name__.strip('_')}" for tier, setup, _ in TIER_MATRIX]


@pytest.mark.parametrize(("tier", "setup", "allowed"), TIER_MATRIX, ids=MATRIX_IDS)
def test_tier_matrix(clips, friends, grants, people, sessions, own_double, tier, setup, allowed):
    add_double(sessions, people["bob"], "bob", visibility=tier)
    setup(friends, grants, people)
    maya = people["maya"]
    assert ("bob" in castable_handles(clips, maya)) is allowed
    if allowed:
        assert cast_bob(clips, maya).cast == {"lead": "maya", "buddy": "bob"}
    else:
        with pytest.raises(ClipError, match="You can't cast @bob as buddy"):
            cast_bob(clips, maya)
        assert count_rows(sessions, Clip) == 0


def test_the_owner_always_may_cast_and_others_see_only_what_they_may(clips, people, sessions,
                                                                     own_double):  # fmt: skip
    add_double(sessions, people["bob"], "bob", visibility="everyone")
    assert castable_handles(clips, people["maya"]) == {"maya", "bob"}
    assert castable_handles(clips, people["eve"]) == {"bob"}
    records = {d.handle: d for d in clips.castable_doubles(people["maya"])}
    assert records["maya"].is_own and not records["bob"].is_own
    assert records["bob"].owner_username == "bob"


def test_a_crafted_call_with_someone_elses_handle_is_refused(clips, people, sessions, own_double):
    add_double(sessions, people["bob"], "bob")  # only_me
    with pytest.raises(ClipError, match="its owner hasn't shared it with you"):
        clips.create(people["eve"], two_role_script(buddy_kinds=("person",)),
                     {"lead": "@maya", "buddy": "bob"}, seed=1)  # fmt: skip
    assert count_rows(sessions, Clip) == 0


def test_a_blocked_person_cant_cast_even_an_everyone_double(clips, friends, people, sessions):
    add_double(sessions, people["maya"], "maya", visibility="everyone")
    add_double(sessions, people["eve"], "eve")
    friends.block(people["maya"], "eve")
    assert "maya" not in castable_handles(clips, people["eve"])
    with pytest.raises(ClipError, match="@maya isn't available to you"):
        clips.create(people["eve"], two_role_script(buddy_kinds=("person",)),
                     {"lead": "eve", "buddy": "maya"}, seed=1)  # fmt: skip


# --- the render re-checks -----------------------------------------------------------------------


def test_a_friend_removed_while_the_job_is_queued(clips, friends, people, sessions, own_double):
    add_double(sessions, people["bob"], "bob", visibility="friends")
    befriend(friends, people["maya"], people["bob"])
    queued = cast_bob(clips, people["maya"])
    friends.unfriend(people["bob"], "maya")
    blobs = count_rows(sessions, MediaBlob)
    with pytest.raises(ClipError, match="buddy can't be used any more: @bob isn't available"):
        clips.render(people["maya"], queued.id)
    clip = clips.list_mine(people["maya"])[0]
    assert (clip.status, clip.video_sha) == ("cancelled", None)
    assert "@bob isn't available to you" in clip.status_message
    assert count_rows(sessions, MediaBlob) == blobs


def test_a_withdrawn_grant_while_queued_stops_the_render(clips, grants, people, sessions,
                                                          own_double):  # fmt: skip
    add_double(sessions, people["bob"], "bob", visibility="approved")
    grants.approve(people["bob"], "bob", "maya")
    queued = cast_bob(clips, people["maya"])
    grants.withdraw(people["bob"], "bob", "maya")
    with pytest.raises(ClipError, match="withdrawn your permission"):
        clips.render(people["maya"], queued.id)
    assert clips.list_mine(people["maya"])[0].status == "cancelled"


# --- audiences ----------------------------------------------------------------------------------


def _double(owner_id: int, visibility: str) -> Double:
    return Double(owner_user_id=owner_id, handle="x", visibility=visibility)


@pytest.mark.parametrize(
    ("tiers", "widest"),
    [((), "everyone"),
     (("everyone",), "everyone"),
     (("friends",), "friends"),
     (("approved",), "only_me"),
     (("everyone", "friends"), "friends"),
     (("friends", "approved", "everyone"), "only_me")],
)  # fmt: skip
def test_widest_clip_visibility_is_the_narrowest_owner_allowance(tiers, widest):
    cast = [_double(owner_id=10 + n, visibility=tier) for n, tier in enumerate(tiers)]
    assert permissions.widest_clip_visibility(cast, creator_user_id=1) == widest


def test_the_creators_own_doubles_never_narrow_the_audience():
    cast = [_double(1, "only_me"), _double(1, "approved"), _double(2, "everyone")]
    assert permissions.widest_clip_visibility(cast, creator_user_id=1) == "everyone"


def test_create_caps_the_audience_at_what_the_owner_allows(clips, friends, people, sessions,
                                                           own_double):  # fmt: skip
    add_double(sessions, people["bob"], "bob", visibility="friends")
    befriend(friends, people["maya"], people["bob"])
    with pytest.raises(ClipError, match=r"@bob's owner allows .* your friends at most"):
        cast_bob(clips, people["maya"], visibility="everyone")
    assert count_rows(sessions, Clip) == 0
    assert cast_bob(clips, people["maya"], visibility="friends").visibility == "friends"
    offered = {
        d.handle: d.widest_clip_visibility
        for d in clips.castable_doubles(people["maya"])
        if not d.is_house
    }
    assert offered == {"maya": "everyone", "bob": "friends"}


# --- watching -----------------------------------------------------------------------------------


def finished(sessions, clip_id: int) -> Clip:
    with transaction(sessions) as session:
        clip = session.get(Clip, clip_id)
        clip.status = "done"
        return clip


def viewers(sessions, clip_id: int, people) -> set[str]:
    with transaction(sessions) as session:
        clip = session.get(Clip, clip_id)
        return {name for name, user in people.items()
                if permissions.may_view_clip(session, user.id, clip)}  # fmt: skip


@pytest.fixture
def everybody(sessions, people):
    return {**people, **add_people(sessions, "zoe")}


def test_who_may_watch_an_everyone_clip(clips, friends, people, everybody, sessions, own_double):
    add_double(sessions, people["bob"], "bob", visibility="everyone")
    clip = cast_bob(clips, people["maya"], visibility="everyone")
    assert viewers(sessions, clip.id, everybody) == {"maya", "bob"}  # drafts: creator + cast owner
    finished(sessions, clip.id)
    assert viewers(sessions, clip.id, everybody) == {"maya", "bob", "eve", "zoe"}
    friends.block(everybody["zoe"], "bob")  # blocked with a cast owner: the clip isn't for zoe
    friends.block(people["maya"], "eve")  # blocked by the creator
    assert viewers(sessions, clip.id, everybody) == {"maya", "bob"}
    with transaction(sessions) as session:
        assert not permissions.may_view_clip(session, None, session.get(Clip, clip.id))


def test_a_friends_only_clip_is_for_the_creators_friends(clips, friends, people, everybody,
                                                        sessions, own_double):  # fmt: skip
    add_double(sessions, people["bob"], "bob", visibility="friends")
    befriend(friends, people["maya"], people["bob"])
    befriend(friends, people["maya"], everybody["zoe"])
    clip = cast_bob(clips, people["maya"], visibility="friends")
    finished(sessions, clip.id)
    assert viewers(sessions, clip.id, everybody) == {"maya", "bob", "zoe"}
    befriend(friends, people["bob"], people["eve"])  # a friend of a cast owner isn't enough
    assert viewers(sessions, clip.id, everybody) == {"maya", "bob", "zoe"}


def test_a_clip_is_hidden_once_its_creator_loses_permission(clips, grants, people, everybody,
                                                           sessions, own_double):  # fmt: skip
    add_double(sessions, people["bob"], "bob", visibility="everyone")
    clip = cast_bob(clips, people["maya"], visibility="everyone")
    finished(sessions, clip.id)
    grants.withdraw(people["bob"], "bob", "maya")
    # only the owner of the withdrawn likeness still sees it (to act on it): not even maya,
    # though her own double is in the cast too
    assert viewers(sessions, clip.id, everybody) == {"bob"}
    with transaction(sessions) as session:
        reason = permissions.hidden_reason(session, session.get(Clip, clip.id))
    assert reason == "Hidden: @bob's owner has withdrawn your permission to use it."
    grants.restore(people["bob"], "bob", "maya")
    assert viewers(sessions, clip.id, everybody) == {"maya", "bob", "eve", "zoe"}


def test_a_removed_clip_is_seen_by_no_one(clips, people, everybody, sessions, own_double):
    add_double(sessions, people["bob"], "bob", visibility="everyone")
    clip = cast_bob(clips, people["maya"], visibility="everyone")
    with transaction(sessions) as session:
        row = session.get(Clip, clip.id)
        row.status, row.removed_at = "done", utcnow()
    assert viewers(sessions, clip.id, everybody) == set()
