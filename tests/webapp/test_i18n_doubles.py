"""The My doubles tab writes in the page's language: a double's title and gallery caption, the
quality report, the restrictions preview, the ready message's words, the form's checks and the
tab's error messages, through the real functions and through the app's own event wiring.

Each non-English language is checked for a word a speaker of it would read, and for the absence of
the English sentence.
"""

from __future__ import annotations

import inspect
import string
from datetime import UTC, datetime
from types import SimpleNamespace

import gradio as gr
import pytest

import app
from webapp.doubles import DoubleRecord
from webapp.i18n import UI_LANGUAGES, text
from webapp.i18n.topics import doubles as doubles_topic
from webapp.settings import Settings
from webapp.ui.double_draft import _report_text, validate_create, validate_reference
from webapp.ui.double_editing import (
    _edit_title,
    clip_voice_player,
    double_gallery_item,
    restrictions_preview,
)

OTHER_LANGUAGES = ("zh-CN", "id", "ca")
# A word of each language that the texts below use.
SAVED = {"zh-CN": "已保存", "id": "Tersimpan", "ca": "S'ha desat"}
VOICE = {"zh-CN": "有声音", "id": "punya suara", "ca": "té veu"}
NO_VOICE = {"zh-CN": "默认声音", "id": "suara bawaan", "ca": "veu predeterminada"}
REGISTERED = {"zh-CN": "注册于 2026-12-02", "id": "Didaftarkan 2026-12-02", "ca": "Registrat el"}
SELECT_FIRST = {"zh-CN": "请先选择", "id": "Pilih salah satu", "ca": "Primer tria"}
CHECK_FIRST = {"zh-CN": "第 1 步", "id": "langkah 1", "ca": "pas 1"}
WHEN = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


def _placeholders(sentence: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(sentence) if name}


def double(**changes: object) -> DoubleRecord:
    fields: dict[str, object] = dict(
        id=7, public_id="d0d0", handle="maya", display_name="Maya", kind="pet",
        description="", visibility="only_me", restrictions="", status="active", has_voice=True,
        created_at=WHEN, portrait_sha=None, preview_sha=None,
    )  # fmt: skip
    fields.update(changes)
    return DoubleRecord(**fields)  # type: ignore[arg-type]


def test_the_topic_has_the_same_keys_and_placeholders_in_every_language():
    english = doubles_topic.CATALOGUES["en"]
    for language in UI_LANGUAGES:
        catalogue = doubles_topic.CATALOGUES[language]
        assert set(catalogue) == set(english), language
        for key, sentence in english.items():
            assert _placeholders(catalogue[key]) == _placeholders(sentence), (language, key)
            assert catalogue[key].count("**") == sentence.count("**"), (language, key)
            if language != "en":
                assert catalogue[key] != sentence, (language, key)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_a_doubles_title_and_caption_are_in_the_page_language(language):
    title = _edit_title(double(), language)
    assert title.startswith("#### @maya · ")
    assert VOICE[language] in title and REGISTERED[language] in title
    assert "has a voice" not in title and "Registered" not in title and " pet " not in title
    revoked = _edit_title(double(status="revoked", has_voice=False), language)
    assert NO_VOICE[language] in revoked
    assert f"**{text('doubles.status.revoked', language)}**" in revoked
    assert "stock voice" not in revoked and "revoked" not in revoked

    _portrait, caption = double_gallery_item(
        None,  # type: ignore[arg-type] - no portrait, so no media is read
        None,  # type: ignore[arg-type]
        double(visibility="everyone", status="revoked"),
        language,
    )
    kind = text("doubles.caption.kind.pet", language)
    everyone = text("doubles.caption.visibility.everyone", language)
    status = text("doubles.status.revoked", language).upper()
    assert caption == f"@maya · {kind} · {everyone} · {status}"
    assert "pet" not in caption and "everyone" not in caption and "REVOKED" not in caption


def test_english_stays_as_it_was():
    assert _edit_title(double(), "en") == "#### @maya · pet · has a voice\nRegistered 2026-12-02."
    _portrait, caption = double_gallery_item(
        None,  # type: ignore[arg-type]
        None,  # type: ignore[arg-type]
        double(status="revoked"),
        "en",
    )
    assert caption == "@maya · pet · only me · REVOKED"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_quality_report_and_restrictions_preview_are_in_the_page_language(language):
    checks = [SimpleNamespace(passed=True, message="One clear face"),
              SimpleNamespace(passed=False, message="Voice too quiet")]  # fmt: skip
    with_sprite = _report_text(SimpleNamespace(checks=checks, sprite_bytes=b"x"), language)  # type: ignore[arg-type]
    photo_only = _report_text(SimpleNamespace(checks=checks, sprite_bytes=None), language)  # type: ignore[arg-type]
    passed = text("doubles.check_passed", language)
    failed = text("doubles.check_failed", language)
    # The checks' own messages come from the analysis and stay as it wrote them.
    assert with_sprite.startswith(f"**{passed}** · One clear face\n\n**{failed}** · Voice")
    assert with_sprite.endswith(text("doubles.sprite_made", language))
    assert photo_only.endswith(text("doubles.photo_only", language))
    assert "living sprite" not in with_sprite and "Photo-only" not in photo_only
    assert "**Passed**" not in with_sprite

    preview = restrictions_preview("no violence", language)
    assert preview.startswith(f"\n\n{text('doubles.restrictions_preview', language)}\n- ")
    assert "Your restrictions" not in preview
    assert restrictions_preview("  ", language) == ""


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_forms_checks_are_in_the_page_language(language):
    nothing = validate_reference("token", "person", None, None, None, language)
    gif = validate_reference("token", "person", None, ["/tmp/me.gif"], None, language)
    messages = [check["message"] for check in [*nothing, *gif] if not check["is_valid"]]
    assert messages == [
        text("doubles.add_reference", language),
        text("doubles.photo_types", language, names="me.gif"),
    ]
    assert not any("photos must be" in m or "Add a 2–5 s" in m for m in messages)

    missing = validate_create(
        "t", None, "1234", "maya", "", "", "only_me", "", True, True, True, None, None,
        "en", language,
    )  # fmt: skip
    messages = [check["message"] for check in missing if not check["is_valid"]]
    assert messages == [text("doubles.record_code_first_short", language)]
    assert "Record yourself" not in messages[0]


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_no_clip_voice_is_said_in_the_page_language(language):
    with pytest.raises(gr.Error) as raised:
        clip_voice_player(None, language)
    assert raised.value.message == text("doubles.no_clip_voice", language)
    assert raised.value.title == text("doubles.no_clip_voice_title", language)
    assert "usable pitch" not in raised.value.message


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    blocks, services = app.build_app(Settings(data_dir=tmp_path_factory.mktemp("i18n") / "data"))
    token = services.auth.sign_up("lin", "correct horse battery").token
    return blocks, token


def _endpoint(blocks: gr.Blocks, api_name: str):
    return next(fn for fn in blocks.fns.values() if fn.api_name == api_name)


def _parameters(function) -> list[inspect.Parameter]:
    return [p for p in inspect.signature(function).parameters.values()
            if p.name != "progress" and p.annotation not in ("gr.SelectData",)]  # fmt: skip


@pytest.mark.parametrize(
    "api_name",
    ["analyze_reference", "preview_draft_voice", "get_code", "create_double", "update_double",
     "preview_double_voice", "revoke_double", "delete_double"],
)  # fmt: skip
def test_the_tabs_endpoints_take_the_page_language_last_and_optional(built, api_name):
    blocks, _token = built
    endpoint = _endpoint(blocks, api_name)
    parameters = _parameters(endpoint.fn)
    assert len(parameters) == len(endpoint.inputs), api_name
    assert parameters[-1].name == "ui_language" and parameters[-1].default == "en", api_name
    assert endpoint.inputs[-1].elem_id == "ui-language", api_name
    if endpoint.validator is not None:
        assert len(inspect.signature(endpoint.validator).parameters) == len(endpoint.inputs)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_the_tabs_handlers_refuse_in_the_page_language(built, language):
    blocks, token = built

    def refusal(api_name: str, *arguments: object) -> str:
        with pytest.raises(gr.Error) as raised:
            _endpoint(blocks, api_name).fn(token, *arguments, language)
        return raised.value.message

    for api_name in ("revoke_double", "preview_double_voice"):
        message = refusal(api_name, None)
        assert SELECT_FIRST[language] in message and "Select one" not in message
    assert SELECT_FIRST[language] in refusal("update_double", None, "maya", "", "", "only_me", "")
    delete = refusal("delete_double", 7, False)
    assert delete == text("doubles.confirm_delete", language) and "Tick" not in delete
    for api_name in ("get_code", "preview_draft_voice"):
        message = refusal(api_name, None)
        assert CHECK_FIRST[language] in message and "Check your reference" not in message
    no_draft = refusal(
        "create_double", None, "1234", "maya", "", "", "only_me", "", True, True, True, None,
        "/tmp/live.mp4", "en",
    )  # fmt: skip
    assert CHECK_FIRST[language] in no_draft
    no_recording = refusal(
        "create_double", object(), "1234", "maya", "", "", "only_me", "", True, True, True,
        None, None, "en",
    )  # fmt: skip
    assert no_recording == text("doubles.record_code_first", language)
