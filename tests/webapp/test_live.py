"""What the live poller sees: counts for tab names, and summaries that change exactly when a
list a person is looking at would show something different."""

from __future__ import annotations

import pytest

from db.engine import transaction
from db.models import Clip
from tests.webapp.clip_world import BOB, CARA, DAN, MAYA, build_world, store_clip
from webapp.appearances import AppearanceService
from webapp.friends import FriendService
from webapp.i18n import CATALOGUES, label
from webapp.live import LiveService
from webapp.ui.live import tab_labels


@pytest.fixture
def world(sessions):
    with transaction(sessions) as session:
        return build_world(session)


@pytest.fixture
def live(sessions):
    return LiveService(sessions)


def test_friend_requests_count_only_those_waiting_for_me(sessions, world, live):
    friends = FriendService(sessions)
    before = live.counts(DAN)
    assert before.incoming_requests == 0
    friends.send_request(CARA, "dan")
    friends.send_request(MAYA, "dan")
    friends.send_request(DAN, "bob")  # sent by Dan: waiting for Bob, not for Dan
    after = live.counts(DAN)
    assert after.incoming_requests == 2
    assert live.counts(BOB).incoming_requests == 1
    assert live.counts(CARA).incoming_requests == 0  # her own request to Dan
    assert after.friendships != before.friendships

    friends.accept(DAN, "cara")  # answered: no longer waiting, and the summary moves again
    accepted = live.counts(DAN)
    assert accepted.incoming_requests == 1
    assert accepted.friendships != after.friendships
    # Cara's view changes too (her request became a friendship) although her count stays 0.
    assert live.counts(CARA).friendships != ()


def test_appearances_and_clip_states_follow_renders_and_deletions(sessions, world, live, clock):
    with transaction(sessions) as session:
        first = store_clip(session, CARA, {"lead": world["maya"]}, minutes=0, status="running")
        store_clip(session, CARA, {"lead": world["cara"]}, minutes=1)  # without Maya's double
        store_clip(session, MAYA, {"lead": world["maya"], "buddy": world["bob"]}, minutes=2)
    maya, cara = live.counts(MAYA), live.counts(CARA)
    assert maya.appearances == 2
    assert cara.appearances == 1  # Cara's double is only in her second clip
    assert cara.clips_in_progress == 1 and maya.clips_in_progress == 0
    assert live.counts(BOB).appearances == 1
    assert live.counts(DAN).appearances == 0

    with transaction(sessions) as session:  # the render finishes
        clip = session.query(Clip).filter_by(public_id=first).one()
        clip.status = "done"
    done = live.counts(MAYA)
    assert done.appearance_states != maya.appearance_states
    assert live.counts(CARA).clips_in_progress == 0
    assert live.counts(CARA).clip_states != cara.clip_states

    AppearanceService(sessions, clock=clock).delete(MAYA, first)  # Maya takes it down
    deleted = live.counts(MAYA)
    assert deleted.appearances == 1  # a deleted clip is no longer counted
    assert deleted.appearance_states != done.appearance_states
    assert live.counts(CARA).clip_states != done.clip_states  # Cara's card must redraw


def test_nothing_changed_means_the_same_summary(sessions, world, live):
    with transaction(sessions) as session:
        store_clip(session, MAYA, {"lead": world["maya"]}, minutes=0)
    assert live.counts(MAYA) == live.counts(MAYA)


def _shown(names, language):
    """What the browser shows: a translation key in that language, or the server's text."""
    keys = {str(label(key)): key for key in ("tab.clips", "tab.friends", "tab.appearances")}
    return tuple(
        CATALOGUES[language][keys[str(name)]] if str(name) in keys else name for name in names
    )


def test_tab_labels_name_what_waits():
    assert _shown(tab_labels(None), "en") == ("Clips", "Friends", "Appearances")
    assert _shown(tab_labels(None, "zh-CN"), "zh-CN") == ("短片", "好友", "出镜记录")


def test_tab_labels_with_counts(sessions, world, live):
    FriendService(sessions).send_request(MAYA, "cara")
    with transaction(sessions) as session:
        store_clip(session, CARA, {"lead": world["cara"]}, minutes=0, status="queued")
    assert tab_labels(live.counts(CARA)) == (
        "Clips (1 in progress)",
        "Friends (1)",
        "Appearances (1)",
    )
    assert tab_labels(live.counts(CARA), "id") == (
        "Klip (1 sedang dibuat)",
        "Teman (1)",
        "Penampilan (1)",
    )
    assert _shown(tab_labels(live.counts(DAN)), "en") == ("Clips", "Friends", "Appearances")
