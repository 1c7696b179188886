"""One-click swap: star in a friend's clip or a preset, with every permission re-checked."""

from __future__ import annotations

import pytest

from db import social
from db import users as user_queries
from db.base import utcnow
from db.engine import transaction
from db.models import Double
from tests.core.generation.generation_fakes import two_role_script
from tests.webapp.test_clips import BOB, MAYA, add_double
from tests.webapp.test_jobs import make_service
from webapp.auth import CurrentUser
from webapp.clips import ClipError

ANN = CurrentUser(id=3, username="ann", display_name="Ann")
CAROL = CurrentUser(id=4, username="carol", display_name="Carol")
PEOPLE = two_role_script(buddy_kinds=("person",))


def befriend(session, first: CurrentUser, second: CurrentUser) -> None:
    friendship = social.add_friend_request(session, first.id, second.id, at=utcnow())
    friendship.status = "accepted"


@pytest.fixture
def world(sqlite_sessions):
    """Maya is friends with Bob and Ann; Bob and Ann don't know each other; Carol is alone."""
    with transaction(sqlite_sessions) as session:
        for user in (MAYA, BOB, ANN, CAROL):
            user_queries.add_user(session, username=user.username, username_key=user.username,
                                  display_name=user.display_name, password_hash=None)  # fmt: skip
        for owner, handle in ((MAYA, "maya"), (BOB, "bob"), (ANN, "ann")):
            session.get(Double, add_double(session, owner, handle)).visibility = "friends"
        add_double(session, MAYA, "rex", kind="pet")
        befriend(session, MAYA, BOB)
        befriend(session, MAYA, ANN)
    return sqlite_sessions


@pytest.fixture
def service(world, tmp_path):
    return make_service(world, tmp_path, max_active=5)


def finished_clip(service, creator, cast, visibility="friends"):
    clip = service.create(creator, PEOPLE, cast, seed=11, visibility=visibility)
    return service.render(creator, clip.id)


def test_a_friend_swaps_into_a_clip_and_the_two_trade_places(service):
    original = finished_clip(service, MAYA, {"lead": "maya", "buddy": "bob"})
    swapped = service.star_in_clip(BOB, original.public_id, "lead")
    assert swapped.cast == {"lead": "bob", "buddy": "maya"}  # Bob was buddy: they swapped
    assert swapped.seed == original.seed and swapped.status == "queued"
    assert service.render(BOB, swapped.id).status == "done"


def test_swapping_needs_a_role_when_there_are_several(service):
    original = finished_clip(service, MAYA, {"lead": "maya", "buddy": "bob"})
    with pytest.raises(ClipError, match="Choose which role to play: lead, buddy"):
        service.star_in_clip(BOB, original.public_id)
    with pytest.raises(ClipError, match="no role 'villain'"):
        service.star_in_clip(BOB, original.public_id, "villain")


def test_a_clip_you_cannot_see_cannot_be_swapped(service):
    original = finished_clip(service, MAYA, {"lead": "maya", "buddy": "bob"})
    with pytest.raises(ClipError, match="can't see it"):
        service.star_in_clip(CAROL, original.public_id, "lead")  # not Maya's friend
    with pytest.raises(ClipError, match="can't see it"):
        service.star_in_clip(BOB, "0123456789abcdef", "lead")  # guessed id


def test_the_rest_of_the_cast_must_be_castable_by_the_swapper(service):
    original = finished_clip(service, MAYA, {"lead": "maya", "buddy": "ann"})
    with pytest.raises(ClipError, match="@ann"):  # Ann shares with her friends, not with Bob
        service.star_in_clip(BOB, original.public_id, "lead")


def test_a_swapper_without_a_fitting_double_is_told_what_to_do(service):
    original = finished_clip(service, MAYA, {"lead": "maya", "buddy": "bob"})
    with pytest.raises(ClipError, match="Register one in My doubles"):
        service.star_in_template(CAROL, PEOPLE, "greeting", "lead")  # Carol has no double
    with pytest.raises(ClipError, match="isn't one of your active doubles"):
        service.star_in_clip(BOB, original.public_id, "lead", "@maya")


def test_star_in_a_template_fills_the_other_roles_with_permitted_doubles(service):
    clip = service.star_in_template(BOB, PEOPLE, "greeting", "lead")
    assert clip.cast == {"lead": "bob", "buddy": "maya"}  # Maya shares with friends
    with pytest.raises(ClipError, match="Nobody you may cast fits the role buddy"):
        service.star_in_template(MAYA, two_role_script(buddy_kinds=("object",)), "x", "lead")
