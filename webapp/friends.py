"""Friends and blocks: find people, send and answer requests, unfriend, block.

Every method takes the signed-in ``CurrentUser`` resolved by the server and names the other
person by username. A block works both ways and is never revealed: to someone on either side
of it, the other person looks like no one with that username. Each action is one short
transaction with an audit event; the records returned are frozen, never ORM rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from core.accounts import username_key
from core.sentences import sentence
from db import audit, social
from db import users as user_queries
from db.base import utcnow
from db.engine import transaction
from db.models import Friendship, User
from webapp.auth import CurrentUser

Relationship = Literal["none", "friends", "request_sent", "request_received", "blocked"]
RELATIONSHIP_LABELS: dict[Relationship, str] = {
    "none": "not connected",
    "friends": "friends",
    "request_sent": "request sent",
    "request_received": "wants to be your friend",
    "blocked": "blocked by you",
}
SEARCH_LIMIT = 20
SEARCH_QUERY_MAX = 32  # the longest username; anything longer can't match


class FriendError(Exception):
    """A friend action could not be done; the message says why and is safe to show."""


@dataclass(frozen=True)
class Person:
    """Someone as the signed-in user sees them."""

    username: str
    display_name: str
    relationship: Relationship
    since: datetime | None = None  # when the request, friendship or block began


@dataclass(frozen=True)
class FriendsOverview:
    friends: tuple[Person, ...]
    incoming: tuple[Person, ...]  # requests waiting for my answer
    outgoing: tuple[Person, ...]  # my requests waiting for theirs
    blocked: tuple[Person, ...]  # people I blocked


def no_such_person(username: str) -> str:
    # Also the answer about anyone on either side of a block, so a block is never revealed.
    return sentence(
        "friends.no_such_person", "There is no one with the username “{username}”.",
        username=username,
    )  # fmt: skip


class FriendService:
    def __init__(
        self, sessions: sessionmaker[Session], clock: Callable[[], datetime] = utcnow
    ) -> None:
        self._sessions = sessions
        self._clock = clock

    # --- finding people ---------------------------------------------------------------------

    def find_people(self, user: CurrentUser, query: str) -> list[Person]:
        """People whose username contains ``query`` (any case), with my relationship to each.

        Leaves out me, deleted accounts and anyone on either side of a block with me.

        Raises:
            FriendError: the query is empty.
        """
        fragment = _clean_username(query)
        if not fragment:
            raise FriendError(
                sentence("friends.search_empty", "Type part of a username to search for.")
            )
        if len(fragment) > SEARCH_QUERY_MAX:
            return []
        with transaction(self._sessions) as session:
            hidden = social.blocked_ids_either_way(session, user.id) | {user.id}
            found = user_queries.search_active_users(
                session, username_key(fragment), exclude_ids=hidden, limit=SEARCH_LIMIT
            )
            links = {
                social.other_member(f, user.id): f for f in social.friendships_of(session, user.id)
            }
            return [_person(other, _relationship(links.get(other.id), user.id)) for other in found]

    def overview(self, user: CurrentUser) -> FriendsOverview:
        """My friends, requests both ways and the people I blocked, newest first."""
        with transaction(self._sessions) as session:
            friendships = social.friendships_of(session, user.id)
            blocks = social.blocks_by(session, user.id)
            ids = {social.other_member(f, user.id) for f in friendships}
            ids |= {block.blocked_user_id for block in blocks}
            people = {u.id: u for u in user_queries.users_by_id(session, ids)}
            sorted_people: dict[Relationship, list[Person]] = {
                "friends": [], "request_sent": [], "request_received": []
            }  # fmt: skip
            for friendship in friendships:
                other = people[social.other_member(friendship, user.id)]
                relationship = _relationship(friendship, user.id)
                since = friendship.accepted_at or friendship.created_at
                sorted_people[relationship].append(_person(other, relationship, since))
            blocked = [_person(people[b.blocked_user_id], "blocked", b.created_at) for b in blocks]
        return FriendsOverview(
            friends=tuple(sorted_people["friends"]),
            incoming=tuple(sorted_people["request_received"]),
            outgoing=tuple(sorted_people["request_sent"]),
            blocked=tuple(blocked),
        )

    # --- requests ---------------------------------------------------------------------------

    def send_request(self, user: CurrentUser, username: str) -> Person:
        """Ask ``username`` to be friends; if they already asked me, this accepts.

        Raises:
            FriendError: no such (findable) person, myself, already friends or already asked.
        """
        try:
            return self._send_request(user, username)
        except IntegrityError:
            # Both asked at the same moment and the other row won the unique pair: theirs is
            # now a request to me, which my request answers.
            return self._send_request(user, username)

    def _send_request(self, user: CurrentUser, username: str) -> Person:
        now = self._clock()
        with transaction(self._sessions) as session:
            other = self._findable(session, user, username)
            if other.id == user.id:
                raise FriendError(
                    sentence("friends.self_request", "You can't send a friend request to yourself.")
                )
            friendship = social.friendship_between(session, user.id, other.id)
            if friendship is None:
                social.add_friend_request(session, user.id, other.id, at=now)
                self._audit(session, "friend.request_sent", user, other, now)
                return _person(other, "request_sent", now)
            if friendship.status == "accepted":
                raise FriendError(
                    sentence(
                        "friends.already_friends",
                        "You and {username} are already friends.",
                        username=other.username,
                    )
                )
            if friendship.requester_user_id == user.id:
                raise FriendError(
                    sentence(
                        "friends.already_asked",
                        "You already asked {username}; they haven't answered yet.",
                        username=other.username,
                    )
                )
            return self._accept(session, user, other, friendship, now)

    def accept(self, user: CurrentUser, username: str) -> Person:
        """Accept the friend request ``username`` sent me.

        Raises:
            FriendError: there is no pending request from them.
        """
        now = self._clock()
        with transaction(self._sessions) as session:
            other, friendship = self._request_from(session, user, username)
            return self._accept(session, user, other, friendship, now)

    def decline(self, user: CurrentUser, username: str) -> None:
        """Say no to the friend request ``username`` sent me (they are not told).

        Raises:
            FriendError: there is no pending request from them.
        """
        now = self._clock()
        with transaction(self._sessions) as session:
            other, _friendship = self._request_from(session, user, username)
            social.end_friendship(session, user.id, other.id)
            self._audit(session, "friend.request_declined", user, other, now)

    def cancel(self, user: CurrentUser, username: str) -> None:
        """Withdraw my pending friend request to ``username``.

        Raises:
            FriendError: I have no pending request to them.
        """
        now = self._clock()
        with transaction(self._sessions) as session:
            other = self._existing(session, username)
            friendship = social.friendship_between(session, user.id, other.id) if other else None
            if (other is None or friendship is None or friendship.status != "pending"
                    or friendship.requester_user_id != user.id):  # fmt: skip
                raise FriendError(
                    sentence(
                        "friends.no_request_to",
                        "You have no pending friend request to {username}.",
                        username=username.strip(),
                    )
                )
            social.end_friendship(session, user.id, other.id)
            self._audit(session, "friend.request_cancelled", user, other, now)

    def unfriend(self, user: CurrentUser, username: str) -> None:
        """End a friendship. Clips that needed it for casting are hidden by the rulebook.

        Raises:
            FriendError: we aren't friends.
        """
        now = self._clock()
        with transaction(self._sessions) as session:
            other = self._existing(session, username)
            if other is None or not social.are_friends(session, user.id, other.id):
                raise FriendError(
                    sentence(
                        "friends.not_friends",
                        "You and {username} aren't friends.",
                        username=username.strip(),
                    )
                )
            social.end_friendship(session, user.id, other.id)
            self._audit(session, "friend.unfriended", user, other, now)

    # --- blocks -----------------------------------------------------------------------------

    def block(self, user: CurrentUser, username: str) -> Person:
        """Block ``username``: ends any friendship or request; neither side can find, ask or
        cast the other any more.

        Raises:
            FriendError: no such person, myself, or already blocked by me.
        """
        now = self._clock()
        with transaction(self._sessions) as session:
            other = self._existing(session, username)
            if other is None:
                raise FriendError(no_such_person(username.strip()))
            if other.id == user.id:
                raise FriendError(sentence("friends.self_block", "You can't block yourself."))
            if other.id in {b.blocked_user_id for b in social.blocks_by(session, user.id)}:
                raise FriendError(
                    sentence(
                        "friends.already_blocked",
                        "You have already blocked {username}.",
                        username=other.username,
                    )
                )
            social.end_friendship(session, user.id, other.id)
            social.add_block(session, user.id, other.id, at=now)
            self._audit(session, "user.blocked", user, other, now)
            return _person(other, "blocked", now)

    def unblock(self, user: CurrentUser, username: str) -> None:
        """Lift my block on ``username``. Friendship isn't restored: either may ask again.

        Raises:
            FriendError: I haven't blocked them.
        """
        now = self._clock()
        with transaction(self._sessions) as session:
            other = self._existing(session, username)
            if other is None or not social.remove_block(session, user.id, other.id):
                raise FriendError(
                    sentence(
                        "friends.not_blocked",
                        "You haven't blocked {username}.",
                        username=username.strip(),
                    )
                )
            self._audit(session, "user.unblocked", user, other, now)

    # --- internals --------------------------------------------------------------------------

    def _existing(self, session: Session, username: str) -> User | None:
        name = _clean_username(username)
        if not name or len(name) > SEARCH_QUERY_MAX:
            return None
        other = user_queries.find_user_by_username(session, username_key(name))
        return other if other is not None and other.status == "active" else None

    def _findable(self, session: Session, user: CurrentUser, username: str) -> User:
        """The person, unless they don't exist or a block stands between us (same message)."""
        if not _clean_username(username):
            raise FriendError(
                sentence("friends.add_whom", "Type the username of the person you want to add.")
            )
        other = self._existing(session, username)
        if other is None or social.is_blocked_either_way(session, user.id, other.id):
            raise FriendError(no_such_person(_clean_username(username)))
        return other

    def _request_from(
        self, session: Session, user: CurrentUser, username: str
    ) -> tuple[User, Friendship]:
        other = self._existing(session, username)
        friendship = social.friendship_between(session, user.id, other.id) if other else None
        if (other is None or friendship is None or friendship.status != "pending"
                or friendship.requester_user_id == user.id):  # fmt: skip
            raise FriendError(
                sentence(
                    "friends.no_request_from",
                    "There is no friend request from {username}.",
                    username=_clean_username(username),
                )
            )
        return other, friendship

    def _accept(
        self, session: Session, user: CurrentUser, other: User, friendship: Friendship,
        now: datetime,
    ) -> Person:  # fmt: skip
        friendship.status, friendship.accepted_at = "accepted", now
        session.flush()
        self._audit(session, "friend.accepted", user, other, now)
        return _person(other, "friends", now)

    def _audit(
        self, session: Session, action: str, user: CurrentUser, other: User, now: datetime
    ) -> None:
        audit.record_event(
            session, action, actor_user_id=user.id, subject=f"user:{other.id}", at=now
        )


def _clean_username(text: str) -> str:
    return str(text or "").strip().removeprefix("@").strip()


def _relationship(friendship: Friendship | None, user_id: int) -> Relationship:
    if friendship is None:
        return "none"
    if friendship.status == "accepted":
        return "friends"
    return "request_sent" if friendship.requester_user_id == user_id else "request_received"


def _person(other: User, relationship: Relationship, since: datetime | None = None) -> Person:
    return Person(
        username=other.username, display_name=other.display_name,
        relationship=relationship, since=since,
    )  # fmt: skip
