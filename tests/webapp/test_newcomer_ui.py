"""The newcomer's path through the UI, tested without a browser: which preset "Make your first
clip" opens, how cards word a clip's state, what "Details" holds, and the registration form's
inline checks (several at once)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest

from core import consent
from core.scripts.templates import load_templates
from webapp.clips import CastableDouble
from webapp.feed import ClipCard
from webapp.provenance import ProvenanceStatus
from webapp.ui.clip_card_text import card_markdown, details_markdown
from webapp.ui.double_draft import validate_create, validate_reference
from webapp.ui.studio import first_clip_template
from webapp.ui.text import clip_state_words

TEMPLATES = [t for t in load_templates() if t.thumbnail]


# Every kind of double has a one-role preset to start with (people and characters: "Stage
# debut", "The window"; pets: "Ball? Ball!"; toys and objects: "When nobody's watching").
@pytest.mark.parametrize("kind", ["person", "character", "pet", "object"])
def test_first_clip_is_a_one_role_preset_the_new_double_can_play(kind):
    double = CastableDouble(id=1, handle="new", kind=kind)
    found = first_clip_template(TEMPLATES, [double])
    assert found is not None, f"no one-role preset for a {kind}"
    index, template = found
    assert TEMPLATES[index] is template  # the gallery position the Studio selects
    assert len(template.script.roles) == 1
    assert kind in template.script.roles[0].allowed_kinds


def test_first_clip_falls_back_to_another_double_and_to_none():
    odd = CastableDouble(id=1, handle="odd", kind="robot")  # fits no preset
    person = CastableDouble(id=2, handle="me", kind="person")
    assert first_clip_template(TEMPLATES, [odd]) is None
    assert first_clip_template(TEMPLATES, []) is None
    _index, template = first_clip_template(TEMPLATES, [odd, person])
    assert "person" in template.script.roles[0].allowed_kinds


@pytest.mark.parametrize(
    ("status", "hidden", "words"),
    [
        ("done", None, "ready"),
        ("done", "This clip was deleted.", "deleted"),
        ("cancelled", "This clip was deleted.", "deleted"),
        ("done", "Hidden: @bea's owner withdrew permission.", "hidden"),
        ("queued", None, "waiting for its turn"),
        ("running", None, "being made"),
        ("failed", None, "could not be made"),
    ],
)
def test_a_clip_state_reads_one_way(status, hidden, words):
    assert clip_state_words(status, hidden) == words


def card(**changes) -> ClipCard:
    fields = dict(
        public_id="ab12cd34ef56ab78", title="Stage debut", creator_username="ada",
        creator_display_name="Ada", cast={"lead": "ada"}, status="done", status_message="",
        duration=10.5, created_at=datetime(2026, 12, 2, 17, 0, tzinfo=UTC),
        metrics={"face_similarity": {"lead": 0.853}, "voice_similarity": {"lead": 0.731}},
        provenance=ProvenanceStatus(recorded=True, label_drawn=True,
                                    watermark_clip_id="ab12cd34ef56ab78",
                                    manifest_state="Trusted", manifest_matches_clip=True),
        visibility="only_me", video_sha="f" * 64, can_star_in=True, hidden_reason=None,
    )  # fmt: skip
    fields.update(changes)
    return ClipCard(**fields)


def test_a_card_shows_plain_words_and_details_hold_the_numbers():
    shown, details = card_markdown(card()), details_markdown(card())
    assert "Status: ready" in shown
    for engineering in ("0.85", "0.73", "ab12cd34ef56ab78", "C2PA", "seed"):
        assert engineering not in shown
    assert "face 0.85, voice 0.73" in details
    assert "ab12cd34ef56ab78" in details and "C2PA manifest signed by this studio" in details


def test_a_deleted_clip_never_reads_done():
    shown = card_markdown(card(hidden_reason="This clip was deleted.", video_sha=None))
    assert "Status: deleted" in shown and "This clip was deleted" in shown
    assert "done" not in shown and "ready" not in shown


def test_registration_lists_every_missing_answer_at_once():
    checks = validate_create(
        "token",
        None,
        None,
        "x!",
        "",
        "",
        "only_me",
        "",
        False,
        False,
        False,
        None,
        None,
        "en",
        "en",
    )
    messages = [check["message"] for check in checks if not check["is_valid"]]
    assert len(checks) == 15  # one per input of the create event
    assert "Handles" in messages[0]
    assert consent.MUST_CONFIRM_AGE in messages
    assert consent.MUST_CONFIRM_OWNERSHIP["person"] in messages
    assert consent.MUST_AGREE_STATEMENT in messages
    assert consent.CHALLENGE_MISSING in messages


def test_registration_messages_are_in_the_page_language():
    checks = validate_create(
        "token",
        None,
        None,
        "maya",
        "",
        "",
        "only_me",
        "",
        False,
        False,
        False,
        None,
        None,
        "en",
        "zh-CN",
    )
    messages = [check["message"] for check in checks if not check["is_valid"]]
    assert messages == [
        "请确认你已年满 18 周岁。只有成年人才能创建分身。",
        "请确认这是你本人。你只能为自己注册分身。",
        "请阅读并同意同意声明。",
        "请先获取验证码，然后录下自己念出验证码的视频。",
    ]


def test_registration_check_passes_when_everything_is_answered():
    checks = validate_create(
        "token",
        None,
        "123456",
        "maya",
        "",
        "",
        "only_me",
        "",
        True,
        True,
        True,
        "v",
        "/r.webm",
        "zh",
    )
    assert all(check["is_valid"] for check in checks)
    missing_recording = validate_create(
        "token", None, "123456", "maya", "", "", "only_me", "", True, True, True, "v", None
    )
    assert [c["message"] for c in missing_recording if not c["is_valid"]] == [
        "Record yourself saying the code first."
    ]


def test_reference_check_names_the_missing_video_and_bad_photos():
    nothing = validate_reference("token", "person", None, None, None)
    assert [c["message"] for c in nothing if not c["is_valid"]] == [
        "Add a 2–5 s video of the subject (or photos beside it)."
    ]
    bad = validate_reference("token", "person", None, ["/tmp/me.gif", "/tmp/ok.png"], None)
    assert any("me.gif" in c["message"] for c in bad if not c["is_valid"])
    assert all(c["is_valid"] for c in validate_reference("t", "pet", "/v.mp4", None, None))


def test_choosing_a_preset_shows_its_preview_with_sound_and_own_scripts_hide_it():
    from webapp.ui.studio import _no_preview, _template_view

    template = next(t for t in TEMPLATES if t.sound_preview is not None)
    preview = _template_view(template, [])[3]
    assert preview.visible and preview.value["path"].endswith(f"{template.id}.mp4")
    silent = dataclasses.replace(template, sound_preview=None)
    assert _template_view(silent, [])[3].visible is False
    assert _no_preview().visible is False
