"""Friends and blocks through FriendService, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from db import social
from db.base import utcnow
from db.engine import transaction
from db.models import AuditEvent, Block, Friendship, User
from tests.webapp.social_helpers import add_people, count_rows
from webapp.friends import FriendError, FriendService


@pytest.fixture
def people(sessions):
    return add_people(sessions, "maya", "Bob", "bobby_b", "rob", "zed")


@pytest.fixture
def friends(sessions, clock):
    return FriendService(sessions, clock=clock)


def actions(sessions) -> list[str]:
    with transaction(sessions) as session:
        return list(session.execute(select(AuditEvent.action).order_by(AuditEvent.id)).scalars())


def relationships(results) -> dict[str, str]:
    return {person.username: person.relationship for person in results}


# --- finding people --------------------------------------------------------------------------


def test_search_is_case_insensitive_prefix_first_and_leaves_out_me(friends, people):
    found = friends.find_people(people["maya"], "OB")
    assert [p.username for p in found] == ["Bob", "bobby_b", "rob"]  # prefix matches first
    assert friends.find_people(people["maya"], "maya") == []
    assert [p.display_name for p in friends.find_people(people["bob"], "@by_")] == ["Bobby_B"]


def test_underscore_and_percent_are_literal_in_search(friends, people):
    assert [p.username for p in friends.find_people(people["maya"], "y_b")] == ["bobby_b"]
    assert friends.find_people(people["maya"], "b_b") == []  # as a wildcard it would match Bob
    assert friends.find_people(people["maya"], "%") == []


def test_search_shows_my_relationship_to_each_person(friends, people):
    maya = people["maya"]
    friends.send_request(maya, "bob")
    friends.send_request(people["rob"], "maya")
    friends.send_request(people["zed"], "maya")
    friends.accept(maya, "zed")
    found = relationships(friends.find_people(maya, "b"))
    assert found == {"Bob": "request_sent", "bobby_b": "none", "rob": "request_received"}
    assert relationships(friends.find_people(maya, "zed")) == {"zed": "friends"}


def test_search_leaves_out_deleted_accounts_and_blocks_both_ways(friends, people, sessions):
    friends.block(people["maya"], "rob")
    with transaction(sessions) as session:
        session.get(User, people["zed"].id).status = "deleted"
    assert "rob" not in relationships(friends.find_people(people["maya"], "o"))
    # the blocked person can't find the one who blocked them either
    assert friends.find_people(people["rob"], "maya") == []
    assert friends.find_people(people["bob"], "zed") == []


@pytest.mark.parametrize("query", ["", "   ", "@"])
def test_empty_search_is_refused(friends, people, query):
    with pytest.raises(FriendError, match="Type part of a username"):
        friends.find_people(people["maya"], query)


# --- requests --------------------------------------------------------------------------------


def test_request_then_accept_makes_friends(friends, people, sessions, clock):
    maya, bob = people["maya"], people["bob"]
    sent = friends.send_request(maya, "BOB")
    assert (sent.username, sent.relationship) == ("Bob", "request_sent")
    assert [p.username for p in friends.overview(maya).outgoing] == ["Bob"]
    assert [p.username for p in friends.overview(bob).incoming] == ["maya"]
    clock.advance(minutes=5)
    accepted = friends.accept(bob, "maya")
    assert accepted.relationship == "friends" and accepted.since == clock.now
    assert [p.username for p in friends.overview(maya).friends] == ["Bob"]
    assert friends.overview(bob).incoming == ()
    with transaction(sessions) as session:
        assert social.are_friends(session, maya.id, bob.id)
    assert actions(sessions) == ["friend.request_sent", "friend.accepted"]


def test_asking_someone_who_already_asked_me_accepts(friends, people, sessions):
    friends.send_request(people["bob"], "maya")
    result = friends.send_request(people["maya"], "bob")
    assert result.relationship == "friends"
    assert count_rows(sessions, Friendship) == 1


@pytest.mark.parametrize(
    ("username", "message"),
    [("nobody", "no one with the username “nobody”"),
     ("", "Type the username"),
     ("maya", "to yourself"),
     ("x" * 80, "no one with the username")],
)  # fmt: skip
def test_bad_requests_are_refused_and_write_nothing(friends, people, sessions, username, message):
    with pytest.raises(FriendError, match=message):
        friends.send_request(people["maya"], username)
    assert count_rows(sessions, Friendship) == 0 and actions(sessions) == []


def test_repeated_requests_get_a_clear_message(friends, people):
    maya = people["maya"]
    friends.send_request(maya, "bob")
    with pytest.raises(FriendError, match="already asked Bob"):
        friends.send_request(maya, "bob")
    friends.accept(people["bob"], "maya")
    with pytest.raises(FriendError, match="already friends"):
        friends.send_request(maya, "bob")
    with pytest.raises(FriendError, match="already friends"):
        friends.send_request(people["bob"], "maya")


def test_decline_and_cancel_remove_the_request(friends, people, sessions):
    maya, bob, rob = people["maya"], people["bob"], people["rob"]
    friends.send_request(maya, "bob")
    friends.decline(bob, "maya")
    friends.send_request(maya, "rob")
    friends.cancel(maya, "rob")
    assert count_rows(sessions, Friendship) == 0
    assert friends.overview(maya) == friends.overview(rob) == friends.overview(bob)
    assert actions(sessions)[-3:] == [
        "friend.request_declined", "friend.request_sent", "friend.request_cancelled"
    ]  # fmt: skip


def test_only_the_right_side_can_answer_or_cancel(friends, people, sessions):
    maya, bob = people["maya"], people["bob"]
    friends.send_request(maya, "bob")
    with pytest.raises(FriendError, match="no friend request from bob"):
        friends.accept(maya, "bob")  # can't accept my own request
    with pytest.raises(FriendError, match="no friend request from bob"):
        friends.decline(maya, "bob")
    with pytest.raises(FriendError, match="no pending friend request to maya"):
        friends.cancel(bob, "maya")  # can't cancel a request sent to me
    with pytest.raises(FriendError, match="no friend request from rob"):
        friends.accept(maya, "rob")
    with transaction(sessions) as session:
        assert session.execute(select(Friendship.status)).scalar_one() == "pending"


def test_unfriend(friends, people, sessions):
    maya, bob = people["maya"], people["bob"]
    with pytest.raises(FriendError, match="aren't friends"):
        friends.unfriend(maya, "bob")
    friends.send_request(maya, "bob")
    with pytest.raises(FriendError, match="aren't friends"):
        friends.unfriend(maya, "bob")  # a pending request isn't a friendship
    friends.accept(bob, "maya")
    friends.unfriend(bob, "maya")
    assert friends.overview(maya).friends == () and count_rows(sessions, Friendship) == 0
    assert actions(sessions)[-1] == "friend.unfriended"


def test_the_pair_can_never_have_two_rows(sessions, people):
    maya, bob = people["maya"], people["bob"]
    with transaction(sessions) as session:
        social.add_friend_request(session, maya.id, bob.id, at=utcnow())
    with pytest.raises(IntegrityError), transaction(sessions) as session:
        social.add_friend_request(session, bob.id, maya.id, at=utcnow())


def test_crossing_requests_at_the_same_moment_make_one_friendship(sessions, people):
    friends = FriendService(sessions)
    maya, bob = people["maya"], people["bob"]
    start = threading.Barrier(2)
    errors: list[Exception] = []

    def ask(user, other):
        start.wait()
        try:
            friends.send_request(user, other)
        except Exception as error:  # collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=ask, args=args) for args in ((maya, "bob"), (bob, "maya"))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    with transaction(sessions) as session:
        assert session.execute(select(Friendship.status)).scalars().all() == ["accepted"]


# --- blocks ----------------------------------------------------------------------------------


def test_block_ends_the_friendship_and_hides_both_ways(friends, people, sessions):
    maya, bob = people["maya"], people["bob"]
    friends.send_request(maya, "bob")
    friends.accept(bob, "maya")
    blocked = friends.block(maya, "bob")
    assert blocked.relationship == "blocked"
    assert count_rows(sessions, Friendship) == 0
    assert [p.username for p in friends.overview(maya).blocked] == ["Bob"]
    assert friends.overview(bob).blocked == ()  # the blocked person isn't told
    with pytest.raises(FriendError, match="already blocked Bob"):
        friends.block(maya, "bob")
    assert actions(sessions)[-1] == "user.blocked"


def test_block_ends_a_pending_request(friends, people, sessions):
    friends.send_request(people["bob"], "maya")
    friends.block(people["maya"], "bob")
    assert count_rows(sessions, Friendship) == 0 and friends.overview(people["maya"]).incoming == ()


def test_a_blocked_person_sending_a_request_learns_nothing(friends, people, sessions):
    maya, bob = people["maya"], people["bob"]
    friends.block(maya, "bob")
    with pytest.raises(FriendError) as from_blocked:
        friends.send_request(bob, "maya")
    with pytest.raises(FriendError) as to_unknown:
        friends.send_request(bob, "mayb")
    # the same words as for someone who doesn't exist, so the block isn't revealed
    assert str(from_blocked.value) == str(to_unknown.value).replace("mayb", "maya")
    with pytest.raises(FriendError, match="no one with the username"):
        friends.send_request(maya, "bob")  # the blocker can't ask either until they unblock
    assert count_rows(sessions, Friendship) == 0


def test_unblock_lets_them_find_and_ask_again(friends, people, sessions):
    maya, bob = people["maya"], people["bob"]
    friends.block(maya, "bob")
    with pytest.raises(FriendError, match="haven't blocked"):
        friends.unblock(bob, "maya")  # only the blocker can lift it
    friends.unblock(maya, "bob")
    assert count_rows(sessions, Block) == 0
    assert relationships(friends.find_people(bob, "maya")) == {"maya": "none"}
    assert friends.send_request(bob, "maya").relationship == "request_sent"
    with pytest.raises(FriendError, match="haven't blocked"):
        friends.unblock(maya, "bob")
    assert actions(sessions)[-2:] == ["user.unblocked", "friend.request_sent"]


@pytest.mark.parametrize(
    ("username", "message"), [("maya", "block yourself"), ("ghost", "no one with the username")]
)
def test_bad_blocks_are_refused(friends, people, sessions, username, message):
    with pytest.raises(FriendError, match=message):
        friends.block(people["maya"], username)
    assert count_rows(sessions, Block) == 0


def test_names_come_back_exactly_as_typed(friends, sessions):
    people = add_people(sessions, "amy", "ben")
    with transaction(sessions) as session:
        session.get(User, people["amy"].id).display_name = "<b>Amy</b> 👩‍🚀"
    found = friends.find_people(people["ben"], "amy")
    assert found[0].display_name == "<b>Amy</b> 👩‍🚀"  # the UI escapes it when it shows it
