"""Texts the server writes follow the page's language: clip cards, the feed's empty pages, the
provenance check, the Studio's report under a clip, the preset gallery's captions, the
Appearances and Friends lists and the account line.

Each is drawn through the real function in every UI language and checked for a sentence a
speaker of that language would read, and for the absence of the English one.
"""

from __future__ import annotations

import string
from datetime import UTC, datetime

import pytest

import app
from core.scripts.templates import load_templates
from webapp.appearances import AppearanceRecord
from webapp.auth import CurrentUser
from webapp.clips import CastableDouble, ClipRecord
from webapp.clips.records import CANCELLED_MESSAGE, GAVE_UP_MESSAGE, RESUMED_MESSAGE
from webapp.clips.rendering import WORKER_GAVE_UP_MESSAGE
from webapp.feed import ClipCard, FeedPage
from webapp.friends import FriendsOverview, Person
from webapp.i18n import CATALOGUES, I18N, UI_LANGUAGES, text
from webapp.i18n.topics import clips as clips_topic
from webapp.i18n.topics import doubles as doubles_topic
from webapp.i18n.topics import people as people_topic
from webapp.i18n.topics import provenance as provenance_topic
from webapp.i18n.topics import studio as studio_topic
from webapp.permissions import CAST_REFUSALS, HIDDEN_PREFIX
from webapp.provenance import ClipVerification, ProvenanceStatus
from webapp.render_queue import DELAYED_MESSAGE, REQUEUED_MESSAGE
from webapp.settings import Settings
from webapp.ui.account import status_text
from webapp.ui.appearances import details_markdown as appearance_details
from webapp.ui.appearances import table_headers, table_row
from webapp.ui.clip_card_text import (
    card_markdown,
    details_markdown,
    page_text,
    verification_markdown,
)
from webapp.ui.clip_progress import clip_text, waiting_text
from webapp.ui.friends import lists_view, search_view
from webapp.ui.preset_text import template_caption
from webapp.ui.studio import NOBODY, _cast_notes, _role_slots
from webapp.ui.text import clip_state_words, hidden_reason_words

TOPICS = [clips_topic, provenance_topic, studio_topic, people_topic, doubles_topic]
WHEN = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def _placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def card(**changes: object) -> ClipCard:
    fields: dict[str, object] = dict(
        public_id="ab12cd34ef56ab78", title="Stage debut", creator_username="ada",
        creator_display_name="Ada", cast={"lead": "ada"}, status="done", status_message="",
        duration=10.5, created_at=WHEN,
        metrics={"face_similarity": {"lead": 0.853}, "voice_similarity": {"lead": 0.731}},
        provenance=ProvenanceStatus(recorded=True, label_drawn=True,
                                    watermark_clip_id="ab12cd34ef56ab78",
                                    manifest_state="Trusted", manifest_matches_clip=True),
        visibility="friends", video_sha="f" * 64, can_star_in=True, hidden_reason=None,
    )  # fmt: skip
    fields.update(changes)
    return ClipCard(**fields)  # type: ignore[arg-type]


def record(**changes: object) -> ClipRecord:
    fields: dict[str, object] = dict(
        id=1, public_id="0123456789abcdef", title="Hello", status="done", progress=1.0,
        status_message="", visibility="only_me", video_sha=None, duration=2.0,
        cast={"lead": "maya"}, metrics={"face_similarity": {"lead": 0.5}},
    )  # fmt: skip
    fields.update(changes)
    return ClipRecord(**fields)  # type: ignore[arg-type]


# --- Every catalogue: the same keys and placeholders --------------------------------------------


@pytest.mark.parametrize("topic", TOPICS, ids=lambda topic: topic.__name__.rsplit(".", 1)[-1])
def test_every_topic_has_the_same_keys_and_placeholders_in_all_four_languages(topic):
    english = topic.CATALOGUES["en"]
    assert set(topic.CATALOGUES) == set(UI_LANGUAGES)
    for language in UI_LANGUAGES:
        translated = topic.CATALOGUES[language]
        assert set(translated) == set(english), language
        for key, sentence in english.items():
            assert _placeholders(translated[key]) == _placeholders(sentence), (language, key)
            assert translated[key].strip(), (language, key)


def test_every_merged_catalogue_has_the_same_keys_and_placeholders():
    for language in UI_LANGUAGES:
        assert set(CATALOGUES[language]) == set(CATALOGUES["en"]), language
        for key, sentence in CATALOGUES["en"].items():
            assert _placeholders(CATALOGUES[language][key]) == _placeholders(sentence), key


def test_topics_do_not_redefine_a_label_of_the_page_catalogues():
    from webapp.i18n import en

    keys = [key for topic in TOPICS for key in topic.CATALOGUES["en"]]
    assert len(keys) == len(set(keys))
    assert not set(keys) & set(en.CATALOGUE)


def test_english_status_messages_are_the_services_own_words():
    # A status message is translated by matching the service's English sentence exactly.
    assert text("status.cancelled", "en") == CANCELLED_MESSAGE
    assert text("status.resumed", "en") == RESUMED_MESSAGE
    assert text("status.gave_up", "en") == GAVE_UP_MESSAGE
    assert text("status.worker_gave_up", "en") == WORKER_GAVE_UP_MESSAGE
    assert text("status.requeued", "en") == REQUEUED_MESSAGE
    assert text("status.delayed", "en") == DELAYED_MESSAGE


# --- Clip cards and the Clips feed ---------------------------------------------------------------

CARD_WORDS = {
    "en": ("Status: ready · seen by: My friends", "by Ada (@ada)", "Cast: lead: @ada"),
    "zh-CN": ("状态：已完成 · 可见范围：我的好友", "由 Ada（@ada）制作", "演员：lead: @ada"),
    "id": ("Status: siap · dapat dilihat oleh: Teman saya", "oleh Ada (@ada)",
           "Pemeran: lead: @ada"),
    "ca": ("Estat: a punt · el veuen: Els meus amics", "creat per Ada (@ada)",
           "Repartiment: lead: @ada"),
}  # fmt: skip


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_a_clip_card_is_written_in_the_page_language(language):
    shown = card_markdown(card(), language)
    for words in CARD_WORDS[language]:
        assert words in shown, (language, shown)
    if language != "en":
        assert "seen by" not in shown and "Cast:" not in shown


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_a_clip_still_rendering_has_a_card_without_a_length(language):
    # Found by the UI latency benchmark: the feed failed while a clip was queued or running.
    for status in ("queued", "running"):
        shown = card_markdown(card(status=status, duration=None, video_sha=None), language)
        dated = next(line for line in shown.splitlines() if "2026-12-02" in line)
        assert dated.rstrip().endswith("17:00"), dated  # no length yet, and no crash


@pytest.mark.parametrize(
    ("language", "deleted", "state"),
    [("en", "This clip was deleted", "deleted"), ("zh-CN", "此短片已被删除", "已删除"),
     ("id", "Klip ini sudah dihapus", "dihapus"), ("ca", "Aquest clip s'ha suprimit", "suprimit")],
)  # fmt: skip
def test_a_deleted_clip_says_so_in_the_page_language(language, deleted, state):
    shown = card_markdown(card(hidden_reason="This clip was deleted.", video_sha=None), language)
    assert deleted in shown.replace("\\", "")
    assert clip_state_words("done", "This clip was deleted.", language=language) == state
    if language != "en":
        assert "This clip was deleted" not in shown


def test_english_refusals_are_the_permission_rules_own_words():
    for reason, sentence in CAST_REFUSALS.items():
        assert text(f"refusal.{reason}", "en") == sentence
        hidden = HIDDEN_PREFIX + sentence.format(handle="@bea_2")
        assert hidden_reason_words(hidden, "en") == hidden  # matched, and worded the same


@pytest.mark.parametrize(
    ("language", "words"),
    [("zh-CN", "已隐藏：@bea_2 的主人已撤回你使用它的许可。"),
     ("id", "Disembunyikan: Pemilik @bea_2 telah mencabut izin Anda untuk memakainya."),
     ("ca", "Amagat: El propietari de @bea_2 t'ha retirat el permís per fer-lo servir.")],
)  # fmt: skip
def test_why_a_clip_is_hidden_is_said_in_the_page_language(language, words):
    hidden = HIDDEN_PREFIX + CAST_REFUSALS["withdrawn"].format(handle="@bea_2")
    assert hidden_reason_words(hidden, language) == words
    shown = card_markdown(card(hidden_reason=hidden), language)
    assert text("state.hidden", language) in shown and "withdrawn" not in shown
    assert "@bea\\_2" in shown  # the handle is still shown as typed
    # A reason worded some other way stays as written.
    assert hidden_reason_words("Hidden: something else.", language) == "Hidden: something else."


DETAILS_WORDS = {
    "en": ("face 0.85, voice 0.73", "C2PA manifest signed by this studio", "Clip id"),
    "zh-CN": ("面部 0.85，声音 0.73", "C2PA 清单由本工作室签名", "短片编号"),
    "id": ("wajah 0.85, suara 0.73", "manifes C2PA ditandatangani oleh studio ini", "ID klip"),
    "ca": ("cara 0.85, veu 0.73", "manifest C2PA signat per aquest estudi",
           "Identificador del clip"),
}  # fmt: skip


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_a_cards_details_are_in_plain_words_of_the_page_language(language):
    details = details_markdown(card(), language)
    for words in DETAILS_WORDS[language]:
        assert words in details, (language, details)
    assert "ab12cd34ef56ab78" in details
    if language != "en":
        assert "How it was made" not in details and "watermarked" not in details


EMPTY_MINE = {
    "en": "You haven't made a clip yet.",
    "zh-CN": "你还没有制作过短片。",
    "id": "Anda belum membuat klip.",
    "ca": "Encara no has fet cap clip.",
}


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_the_feeds_empty_pages_are_in_the_page_language(language):
    empty = FeedPage(section="mine", cards=(), page_number=1, has_previous=False, has_next=False)
    assert EMPTY_MINE[language] in page_text(empty, language)
    for section in ("featuring_me", "friends", "public"):
        page = FeedPage(section=section, cards=(), page_number=1, has_previous=False,
                        has_next=False)  # fmt: skip
        assert page_text(page, language) == text(f"clips.empty.{section}", language)
    if language != "en":
        assert "haven't" not in page_text(empty, language)
        full = FeedPage(section="mine", cards=(card(),), page_number=2, has_previous=True,
                        has_next=False)  # fmt: skip
        assert "page 2" not in page_text(full, language) and "2" in page_text(full, language)


VERIFY_WORDS = {
    "en": ("Provenance of clip", "**Passed**", "All three signals"),
    "zh-CN": ("的来源", "**通过**", "三项标记"),
    "id": ("Asal-usul klip", "**Lolos**", "Ketiga tanda"),
    "ca": ("Procedència del clip", "**Correcte**", "Els tres senyals"),
}


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_the_provenance_check_is_in_the_page_language(language):
    verification = ClipVerification(
        clip_public_id="ab12cd34ef56ab78", label_visible=True, label_score=61.0,
        watermark_clip_id="ab12cd34ef56ab78", watermark_agreement=0.98, manifest_present=True,
        manifest_valid=True, manifest_trusted=True, manifest_clip_id="ab12cd34ef56ab78",
        problems=(),
    )  # fmt: skip
    shown = verification_markdown(verification, language)
    for words in VERIFY_WORDS[language]:
        assert words in shown, (language, shown)
    assert shown.startswith("#### ") and "98%" in shown
    if language != "en":
        assert "Invisible watermark" not in shown and "Passed" not in shown


# --- The Studio: the report under a clip, its progress, the preset captions ----------------------

REPORT_WORDS = {
    "en": ("Identity check", "face 0.50, no voice reference", "Labelled *AI-generated*"),
    "zh-CN": ("身份核对", "面部 0.50，没有声音参考", "已标注 *AI 生成*"),
    "id": ("Pemeriksaan identitas", "wajah 0.50, tanpa referensi suara", "Berlabel *buatan AI*"),
    "ca": ("Comprovació d'identitat", "cara 0.50, sense referència de veu",
           "Etiquetat com a *generat per IA*"),
}  # fmt: skip


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_the_quality_report_under_a_clip_is_in_the_page_language(language):
    report = clip_text(record(metrics={"face_similarity": {"lead": 0.5}, "renderer": "Wan"}),
                       language)  # fmt: skip
    for words in REPORT_WORDS[language]:
        assert words in report, (language, report)
    assert "0123456789abcdef" in report and "Wan" in report
    if language != "en":
        assert "Identity check" not in report and "Rendered by" not in report


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Cancelled: the clip was stopped"), ("zh-CN", "已取消：短片在完成前被停止"),
     ("id", "Dibatalkan: klip dihentikan"), ("ca", "Cancel·lat: el clip s'ha aturat")],
)  # fmt: skip
def test_a_cancelled_clip_says_so_in_the_page_language(language, words):
    report = clip_text(record(status="cancelled", status_message=CANCELLED_MESSAGE), language)
    assert words in report.replace("\\", "")
    # A message the service words differently each time (a renderer's note) stays as written.
    failed = clip_text(record(status="failed", status_message="GPU out of memory"), language)
    assert "GPU out of memory" in failed


WAITING_WORDS = {
    "en": "(2 clips ahead)",
    "zh-CN": "（前面还有 2 个短片）",
    "id": "(2 klip di depannya)",
    "ca": "(2 clips al davant)",
}


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_a_clip_on_its_way_says_where_it_is_in_the_page_language(language):
    queued = waiting_text(record(status="queued", queue_position=2), language=language)
    assert WAITING_WORDS[language] in queued
    delayed = waiting_text(record(status="queued"), delayed=True, language=language)
    assert text("status.delayed", language) in delayed
    if language != "en":
        assert "You can leave this page" not in queued


CAPTION_WORDS = {"en": "1 role", "zh-CN": "1 个角色", "id": "1 peran", "ca": "1 paper"}


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_preset_captions_are_in_the_page_language(language):
    template = next(t for t in load_templates() if t.card and len(t.script.roles) == 1)
    caption = template_caption(template, language)
    title = template.in_language(language).title  # the preset's own title in that language
    assert caption.startswith(title) and CAPTION_WORDS[language] in caption
    if language != "en":
        assert " role " not in caption and "house characters" not in caption


CASTING_WORDS = {
    "en": ("(choose a double)", "@maya (yours)", "**Cast notes**", "shared by @bob",
           "your friends"),
    "zh-CN": ("（选择一个分身）", "@maya（你的）", "**演员说明**", "由 @bob 分享", "你的好友"),
    "id": ("(pilih kembaran)", "@maya (milik Anda)", "**Catatan pemeran**",
           "dibagikan oleh @bob", "teman-teman Anda"),
    "ca": ("(tria un doble)", "@maya (teu)", "**Notes del repartiment**", "compartit per @bob",
           "els teus amics"),
}  # fmt: skip


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_casting_a_preset_is_worded_in_the_page_language(language):
    template = next(t for t in load_templates() if t.card and len(t.script.roles) == 1)
    kind = template.script.roles[0].allowed_kinds[0]
    own = CastableDouble(id=1, handle="maya", kind=kind, is_own=True)
    shared = CastableDouble(id=2, handle="ben", kind=kind, owner_username="bob", is_own=False,
                            widest_clip_visibility="friends")  # fmt: skip
    slot = _role_slots(template.script, [own, shared], language=language)[0]
    nobody, yours, heading, shared_by, audience = CASTING_WORDS[language]
    assert slot.choices[0] == (nobody, NOBODY)  # the value API clients send stays the same
    assert (yours, "@maya") in slot.choices
    notes = _cast_notes([own, shared], ("@maya", "@ben"), language)
    assert notes.startswith(heading) and shared_by in notes and audience in notes
    if language != "en":
        assert "Cast notes" not in notes and "may be seen by" not in notes


def test_an_unknown_language_reads_english():
    assert card_markdown(card(), "fr") == card_markdown(card(), "en")
    assert clip_text(record(), None) == clip_text(record(), "en")


# --- Appearances, Friends and the account line ---------------------------------------------------

APPEARANCE_WORDS = {
    "en": ("@maya as buddy", "Made by Bob (@bob)", "Status: waiting for its turn",
           "You revoked this creator's permission"),
    "zh-CN": ("@maya 饰演 buddy", "由 Bob（@bob）于", "状态：正在排队", "你已撤销此创作者"),
    "id": ("@maya sebagai buddy", "Dibuat oleh Bob (@bob)", "Status: menunggu giliran",
           "Anda mencabut izin pembuat ini"),
    "ca": ("@maya com a buddy", "Fet per Bob (@bob)", "Estat: esperant el seu torn",
           "Has retirat a aquest creador el permís"),
}  # fmt: skip


def appearance(**changes: object) -> AppearanceRecord:
    fields: dict[str, object] = dict(
        clip_public_id="0123456789abcdef", title="Duet", creator_username="bob",
        creator_display_name="Bob", created_at=WHEN, status="queued", my_roles={"buddy": "maya"},
        hidden_reason=None, video_sha=None, made_by_me=False, creator_revoked=True,
    )  # fmt: skip
    fields.update(changes)
    return AppearanceRecord(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_an_appearance_and_its_table_row_are_in_the_page_language(language):
    shown = appearance_details(appearance(), language)
    for words in APPEARANCE_WORDS[language]:
        assert words in shown, (language, shown)
    row = table_row(appearance(made_by_me=True, hidden_reason="This clip was deleted."), language)
    assert row[1] == text("appearances.me", language)
    assert row[3] == clip_state_words("queued", "This clip was deleted.", language=language)
    assert row[5] == text("clips.deleted", language)
    headers = table_headers(language)
    assert len(headers) == len(row)
    if language != "en":
        assert "Made by" not in shown and "Creator" not in headers and row[1] != "me"


EMPTY_APPEARANCES = {
    "en": "No clip uses your doubles yet.",
    "zh-CN": "还没有短片使用你的分身。",
    "id": "Belum ada klip yang memakai kembaran Anda.",
    "ca": "Encara cap clip no fa servir els teus dobles.",
}


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_the_appearances_empty_state_is_in_every_language(language):
    # A translation key: the browser shows it in the page's language (the page's catalogue).
    assert EMPTY_APPEARANCES[language] in I18N.translations_dict[language]["appearances.empty"]


FRIENDS_WORDS = {
    "en": ("### Friend requests (1)", "### Your friends (1)", "since 2026-12-02"),
    "zh-CN": ("### 好友请求（1）", "### 你的好友（1）", "自 2026-12-02 起"),
    "id": ("### Permintaan pertemanan (1)", "### Teman Anda (1)", "sejak 2026-12-02"),
    "ca": ("### Sol·licituds d'amistat (1)", "### Els teus amics (1)", "des del 2026-12-02"),
}


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_friends_lists_are_written_in_the_page_language(language):
    ana = Person(username="ana", display_name="Ana", relationship="friends", since=WHEN)
    ben = Person(username="ben", display_name="Ben", relationship="request_received")
    overview = FriendsOverview(friends=(ana,), incoming=(ben,), outgoing=(), blocked=())
    shown = lists_view(overview, language)
    requests_heading, friends_heading, friends_radio = shown[0], shown[3], shown[4]
    heading, friend_heading, since = FRIENDS_WORDS[language]
    assert requests_heading == heading and friend_heading == friends_heading
    assert since in friends_radio["choices"][0][0]
    results = search_view([ben], "be", language)[0]
    assert text("friends.relationship.request_received", language) in results.choices[0][0]
    nobody = search_view([], "zed", language)[1]
    assert "zed" in str(nobody.value)
    if language != "en":
        assert "wants to be your friend" not in results.choices[0][0]
        assert "No one found" not in str(nobody.value)


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "Signed in as **Ana**"), ("zh-CN", "已登录：**Ana**"),
     ("id", "Masuk sebagai **Ana**"), ("ca", "Sessió iniciada com a **Ana**")],
)  # fmt: skip
def test_the_account_line_is_in_the_page_language(language, words):
    user = CurrentUser(id=1, username="ana", display_name="Ana")
    assert words in status_text(user, language)
    assert status_text(None, language) == text("account.guest", language)


# --- The handlers get the page's language from the language dropdown ----------------------------


def test_the_lists_handlers_write_in_the_language_the_page_sends(tmp_path):
    blocks, services = app.build_app(Settings(data_dir=tmp_path / "data"))
    token = services.auth.sign_up("dora", "correct horse battery 9").token
    by_api = {fn.api_name: fn for fn in blocks.fns.values() if fn.api_name}
    for name in ("list_feed", "feed_page", "list_appearances", "list_friends", "generate_clip",
                 "verify_clip", "star_in_clip", "use_script", "find_people"):  # fmt: skip
        # The language dropdown is the last input: API clients may leave it out (English).
        assert by_api[name].inputs[-1].elem_id == "ui-language", name

    feed = by_api["feed_page"].fn(token, "mine", 1, None, "ca")
    assert feed[3] == text("clips.empty.mine", "ca")
    assert by_api["feed_page"].fn(token, "mine", 1)[3] == text("clips.empty.mine", "en")
    page_data = by_api["list_feed"].fn(token, "mine", 1, "ca")[0]
    assert page_data["text"] == text("clips.empty.mine", "ca")
    friends = by_api["list_friends"].fn(token, "zh-CN")
    assert "### 你的好友（0）" in friends
    table = by_api["list_appearances"].fn(token, "id")[3]
    assert table["headers"] == table_headers("id") and "Pembuat" in table["headers"]
