"""Per-person permissions on a double: owner only, every change in the consent ledger."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from db import consent as ledger
from db.engine import transaction
from db.models import ConsentEvent, Double, DoubleGrant
from tests.webapp.social_helpers import add_double, add_people, count_rows
from webapp.friends import FriendService
from webapp.grants import NOT_YOURS, GrantError, GrantService


@pytest.fixture
def people(sessions):
    return add_people(sessions, "maya", "bob", "eve")


@pytest.fixture
def maya_double(sessions, people):
    return add_double(sessions, people["maya"], "maya_double", visibility="approved")


@pytest.fixture
def grants(sessions, clock):
    return GrantService(sessions, clock=clock)


def statuses(records) -> dict[str, str]:
    return {record.username: record.status for record in records}


def ledger_evidence(sessions) -> list[str]:
    with transaction(sessions) as session:
        return list(
            session.execute(
                select(ConsentEvent.evidence)
                .where(ConsentEvent.event_type == "settings_changed")
                .order_by(ConsentEvent.id)
            ).scalars()
        )


def test_approve_withdraw_restore(grants, people, sessions, maya_double):
    maya, bob = people["maya"], people["bob"]
    assert statuses(grants.approve(maya, "@maya_double", "BOB")) == {"bob": "approved"}
    assert statuses(grants.withdraw(maya, "maya_double", "bob")) == {"bob": "revoked"}
    assert statuses(grants.approve(maya, "maya_double", "bob")) == {"bob": "approved"}
    grants.withdraw(maya, "maya_double", "bob")
    assert grants.restore(maya, "maya_double", "bob") == []
    assert grants.list_grants(maya, "maya_double") == []
    evidence = ledger_evidence(sessions)
    assert len(evidence) == 5 and f'"grantee_user_id": {bob.id}' in evidence[0]
    assert ['"approved"' in e for e in evidence] == [True, False, True, False, False]
    with transaction(sessions) as session:
        assert ledger.verify_ledger(session).ok


@pytest.mark.parametrize(
    ("handle", "username", "message"),
    [("maya_double", "ghost", "no one with the username “ghost”"),
     ("maya_double", "maya", "you can always use it"),
     ("maya_double", " ", "Type the username"),
     ("no_such_double", "bob", NOT_YOURS)],
)  # fmt: skip
def test_bad_approvals_write_nothing(grants, people, sessions, maya_double, handle, username,
                                     message):  # fmt: skip
    with pytest.raises(GrantError, match=message):
        grants.approve(people["maya"], handle, username)
    assert count_rows(sessions, DoubleGrant) == 0 and ledger_evidence(sessions) == []


def test_only_the_owner_can_change_or_see_grants(grants, people, sessions, maya_double):
    grants.approve(people["maya"], "maya_double", "bob")

    def snapshot():
        return count_rows(sessions, ConsentEvent), grants.list_grants(people["maya"], "maya_double")

    before = snapshot()
    bob, eve = people["bob"], people["eve"]
    # crafted calls from others: the same refusal as for a double that doesn't exist
    for call in (
        lambda: grants.approve(eve, "maya_double", "eve"),
        lambda: grants.withdraw(bob, "maya_double", "bob"),
        lambda: grants.restore(eve, "maya_double", "bob"),
        lambda: grants.list_grants(bob, "maya_double"),
    ):
        with pytest.raises(GrantError, match=NOT_YOURS):
            call()
    assert snapshot() == before


def test_repeats_get_a_clear_message(grants, people, maya_double):
    maya = people["maya"]
    grants.approve(maya, "maya_double", "bob")
    with pytest.raises(GrantError, match="bob is already approved for @maya_double"):
        grants.approve(maya, "maya_double", "bob")
    with pytest.raises(GrantError, match="isn't withdrawn"):
        grants.restore(maya, "maya_double", "bob")
    grants.withdraw(maya, "maya_double", "bob")
    with pytest.raises(GrantError, match="already withdrawn"):
        grants.withdraw(maya, "maya_double", "bob")


def test_people_on_either_side_of_a_block_cant_be_approved(grants, people, sessions, maya_double):
    FriendService(sessions).block(people["eve"], "maya")
    with pytest.raises(GrantError, match="no one with the username “eve”"):
        grants.approve(people["maya"], "maya_double", "eve")  # eve's block isn't revealed
    assert count_rows(sessions, DoubleGrant) == 0


def test_a_deleted_double_has_no_grants_to_manage(grants, people, sessions, maya_double):
    with transaction(sessions) as session:
        session.get(Double, maya_double).status = "deleted"
    with pytest.raises(GrantError, match=NOT_YOURS):
        grants.approve(people["maya"], "maya_double", "bob")


@pytest.mark.parametrize("tier", ["only_me", "approved", "friends", "everyone"])
def test_a_named_person_can_be_withdrawn_before_making_anything(
    grants, people, sessions, clock, tier
):
    from db import social
    from webapp import permissions

    maya, bob, eve = people["maya"], people["bob"], people["eve"]
    handle = f"m_{tier[:4]}"
    double_id = add_double(sessions, maya, handle, visibility=tier)
    with transaction(sessions) as session:
        social.add_friend_request(session, maya.id, bob.id, at=clock()).status = "accepted"
    records = grants.withdraw(maya, handle, "bob")
    assert statuses(records) == {"bob": "revoked"}
    approved = grants.approve(maya, handle, "eve")
    assert statuses(approved) == {"bob": "revoked", "eve": "approved"}
    with transaction(sessions) as session:
        double = session.get(Double, double_id)
        # Bob made nothing with it, is a friend, and the tier may be "everyone": still out.
        assert permissions.cast_refusal(session, bob.id, double) is not None
        eve_refusal = permissions.cast_refusal(session, eve.id, double)
    # Approval lets Eve in where the tier is "approved"; "everyone" lets her in anyway.
    assert (eve_refusal is None) == (tier in ("approved", "everyone"))
    grants.restore(maya, handle, "bob")
    with transaction(sessions) as session:
        bob_back = permissions.cast_refusal(session, bob.id, session.get(Double, double_id))
    assert (bob_back is None) == (tier in ("friends", "everyone"))
