"""Feeds: four sections through the rulebook, pagination, provenance status and Verify."""

from __future__ import annotations

import pytest

from core.generation.pipeline import CoStarPipeline
from db import media
from db.engine import transaction
from db.models import Double
from tests.core.generation.generation_fakes import SolidColourBackend, tone_speech, two_role_script
from tests.webapp.clip_world import BOB, CARA, DAN, MAYA, build_world, store_clip
from tests.webapp.test_clips import add_double
from webapp.clips import ClipService
from webapp.feed import FEED_SECTIONS, FeedError, FeedService
from webapp.media import MediaAccessDeniedError, MediaFiles


@pytest.fixture
def doubles(sessions):
    with transaction(sessions) as session:
        return build_world(session)


@pytest.fixture
def pipeline(tmp_path):
    return CoStarPipeline(SolidColourBackend(), keys_dir=tmp_path / "keys",
                          work_dir=tmp_path / "work", speak=tone_speech)  # fmt: skip


@pytest.fixture
def feed(sessions, pipeline):
    return FeedService(sessions, trust_anchor=lambda: pipeline.signing_identity.ca_certificate_pem)


@pytest.fixture
def clips(sessions, pipeline, clock):
    return ClipService(sessions, lambda: pipeline, backend_name="animatic",
                       max_blob_bytes=50_000_000, clock=clock)  # fmt: skip


def titles(feed, user, section: str, page: int = 1) -> list[str]:
    return [card.title for card in feed.page(user, section, page).cards]


def test_each_section_shows_what_it_should(sessions, doubles, feed):
    with transaction(sessions) as session:
        store_clip(session, MAYA, {"lead": doubles["maya"]}, minutes=1, title="maya draft",
                   status="queued", visibility="only_me")  # fmt: skip
        store_clip(session, MAYA, {"lead": doubles["maya"]}, minutes=2, title="maya public")
        store_clip(session, BOB, {"lead": doubles["bob"], "buddy": doubles["maya"]}, minutes=3,
                   title="bob with maya", visibility="only_me")  # fmt: skip
        store_clip(session, BOB, {"lead": doubles["maya"]}, minutes=4, title="queued",
                   status="queued")  # fmt: skip
        store_clip(session, BOB, {"lead": doubles["bob"]}, minutes=5, title="bob for friends",
                   visibility="friends")  # fmt: skip
        store_clip(session, BOB, {"lead": doubles["bob"]}, minutes=6, title="bob private",
                   visibility="only_me")  # fmt: skip
        store_clip(session, CARA, {"lead": doubles["cara"]}, minutes=7, title="cara for friends",
                   visibility="friends")  # fmt: skip
        store_clip(session, CARA, {"lead": doubles["cara"]}, minutes=8, title="cara public")

    assert titles(feed, MAYA, "mine") == ["maya public", "maya draft"]
    assert titles(feed, MAYA, "featuring_me") == ["bob with maya", "maya public"]
    assert titles(feed, MAYA, "friends") == ["bob for friends"]
    assert titles(feed, MAYA, "public") == ["cara public", "maya public"]
    assert titles(feed, DAN, "friends") == [] and titles(feed, DAN, "featuring_me") == []


def test_cards_carry_cast_creator_and_whether_i_may_star_in_it(sessions, doubles, feed):
    with transaction(sessions) as session:
        key = media.put_blob(session, b"\x00\x00\x00\x18ftypmp42-cara", "video/mp4",
                             max_bytes=100).sha256  # fmt: skip
        store_clip(session, CARA, {"lead": doubles["cara"], "buddy": doubles["bob"]}, minutes=1,
                   title="cara and bob", video_sha=key)  # fmt: skip
    card = feed.page(DAN, "public").cards[0]
    assert card.cast == {"lead": "cara", "buddy": "bob"}
    assert (card.creator_username, card.creator_display_name) == ("cara", "Cara")
    assert card.video_sha == key and card.can_star_in and card.visibility == "everyone"
    assert card.hidden_reason is None and not card.provenance.recorded


def test_mine_lists_hidden_clips_with_the_reason_and_without_video(sessions, doubles, feed):
    with transaction(sessions) as session:
        key = media.put_blob(session, b"\x00\x00\x00\x18ftypmp42-hidden", "video/mp4",
                             max_bytes=100).sha256  # fmt: skip
        store_clip(session, BOB, {"buddy": doubles["cara"]}, minutes=1, video_sha=key)
        session.get(Double, doubles["cara"]).status = "revoked"
    (card,) = feed.page(BOB, "mine").cards
    assert card.hidden_reason and "no longer available" in card.hidden_reason
    assert card.video_sha is None and not card.can_star_in
    assert titles(feed, DAN, "public") == []


def test_thirteen_clips_make_two_pages_newest_first(sessions, doubles, feed):
    with transaction(sessions) as session:
        for number in range(13):
            store_clip(session, CARA, {"lead": doubles["cara"]}, minutes=number,
                       title=f"clip {number:02d}")  # fmt: skip
    first = feed.page(MAYA, "public", 1)
    second = feed.page(MAYA, "public", 2)
    assert [c.title for c in first.cards] == [f"clip {n:02d}" for n in range(12, 0, -1)]
    assert (first.has_previous, first.has_next) == (False, True)
    assert [c.title for c in second.cards] == ["clip 00"]
    assert (second.page_number, second.has_previous, second.has_next) == (2, True, False)
    assert feed.page(MAYA, "public", 3).cards == ()


def test_pages_stay_full_when_clips_in_between_are_hidden(sessions, doubles, feed):
    with transaction(sessions) as session:
        for number in range(6):
            store_clip(session, CARA, {"lead": doubles["cara"]}, minutes=2 * number,
                       title=f"visible {number}")  # fmt: skip
            store_clip(session, CARA, {"lead": doubles["dan"]}, minutes=2 * number + 1,
                       title=f"hidden {number}")  # dan's double is only_me: hidden  # fmt: skip
    pages = [feed.page(MAYA, "public", number, page_size=4) for number in (1, 2)]
    assert [len(page.cards) for page in pages] == [4, 2]
    assert all(card.title.startswith("visible") for page in pages for card in page.cards)
    assert pages[0].has_next and not pages[1].has_next


def test_another_users_private_clip_is_in_none_of_my_sections_nor_openable(
    sessions, doubles, feed, clips, tmp_path
):
    with transaction(sessions) as session:
        add_double(session, CARA, "whiskers", kind="pet")
    made = clips.create(CARA, two_role_script(), {"lead": "cara", "buddy": "whiskers"}, seed=2)
    private = clips.render(CARA, made.id)
    for section in FEED_SECTIONS:
        for viewer in (MAYA, BOB, DAN):
            assert private.public_id not in [c.public_id for c in feed.page(viewer, section).cards]
    media_files = MediaFiles(sessions, tmp_path / "served", [clips.may_view_blob])
    with pytest.raises(MediaAccessDeniedError):
        media_files.temporary_copy(MAYA, private.video_sha, "guess")
    with pytest.raises(FeedError, match="may not watch"):
        feed.verify(MAYA, private.public_id)
    assert media_files.temporary_copy(CARA, private.video_sha, "mine").stat().st_size > 0


def test_finished_clip_shows_recorded_provenance_and_verifies(sessions, doubles, feed, clips):
    made = clips.create(MAYA, two_role_script(), {"lead": "maya", "buddy": "bob"}, seed=9,
                        visibility="everyone")  # fmt: skip
    clips.render(MAYA, made.id)
    card = feed.page(DAN, "public").cards[0]
    assert card.provenance.recorded and card.provenance.manifest_state == "Trusted"
    assert card.provenance.watermark_clip_id == made.public_id
    assert card.provenance.summary == (
        "AI label · watermarked · C2PA manifest signed by this studio"
    )

    verification = feed.verify(DAN, made.public_id)

    assert verification.ok, verification.problems
    assert verification.label_visible and verification.watermark_matches
    assert verification.manifest_valid and verification.manifest_trusted
    assert verification.manifest_clip_id == made.public_id


def test_unknown_section_and_bad_page_size_are_refused(doubles, feed):
    with pytest.raises(FeedError, match="Unknown feed section 'everything'"):
        feed.page(MAYA, "everything")
    with pytest.raises(FeedError, match="1 to 48"):
        feed.page(MAYA, "public", page_size=500)
    assert feed.page(MAYA, "public", page_number=-3).page_number == 1


def test_titles_with_html_and_unicode_come_back_exactly_as_typed(sessions, doubles, feed):
    title = "<b>Hi</b> & 👋 «Ünïcødé» [x](javascript:alert(1))"
    with transaction(sessions) as session:
        store_clip(session, CARA, {"lead": doubles["cara"]}, minutes=1, title=title)
    assert titles(feed, MAYA, "public") == [title]
