"""What the script, casting, clip and feed services refuse with, and the Studio's notes on how a
script will be acted and sound, reach the person in the page's language; the English is unchanged.

Each refusal comes from the real service (or parser, or UI handler) and is said through
``webapp.i18n.say`` in Chinese, Indonesian and Catalan.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.scripts.casting import CastMember, check_cast, check_restrictions
from core.scripts.model import Script, ScriptError, validate_script
from core.scripts.parser import parse_script
from core.voice.languages import unvoiced_lines
from db import users as user_queries
from db.engine import transaction
from tests.core.generation.generation_fakes import two_role_script
from tests.webapp.test_clips import BOB, MAYA, add_double
from tests.webapp.test_jobs import make_service
from webapp.clips import ClipError
from webapp.clips.limits import JobLimits
from webapp.feed import FeedError, FeedService
from webapp.i18n import say
from webapp.ui import clip_progress, preset_text

PEOPLE = two_role_script(buddy_kinds=("person",))


def refusal(call, *args, **kwargs) -> BaseException:
    with pytest.raises((ScriptError, ClipError, FeedError)) as caught:
        call(*args, **kwargs)
    return caught.value


# --- writing a script ---------------------------------------------------------------------------


def test_a_script_naming_an_unknown_role_is_refused_in_the_readers_language() -> None:
    script = replace(PEOPLE, shots=(replace(PEOPLE.shots[0], description="@lead waves at @bob"),))
    error = refusal(validate_script, script)
    assert str(error) == "Shot 1 mentions @bob, but the script has no role bob."
    assert say(error, "zh-CN") == "镜头 1 提到了 @bob，但剧本里没有角色 bob。"
    assert say(error, "ca") == "El pla 1 esmenta @bob, però el guió no té cap paper bob."
    assert say(error, "id") == "Adegan 1 menyebut @bob, tetapi naskah ini tidak punya peran bob."
    assert say(error, "en") == str(error)


def test_free_text_with_no_shots_or_too_many_is_refused_in_the_readers_language() -> None:
    error = refusal(parse_script, "just some words")
    assert str(error).startswith("No shots found.")
    assert say(error, "zh-CN").startswith("没有找到镜头。")
    too_many = refusal(parse_script, " ".join(f"Shot {n}: @maya waves." for n in range(1, 8)))
    assert str(too_many) == "The text has 7 shots; the limit is 6."
    assert say(too_many, "ca") == "El text té 7 plans; el límit és 6."
    assert say(too_many, "id") == "Teks ini punya 7 adegan; batasnya 6."


def test_where_a_control_character_hides_is_said_in_the_readers_language_too() -> None:
    line = replace(PEOPLE.shots[0].dialogue[0], text="Hi\u202ethere")
    script = replace(PEOPLE, shots=(replace(PEOPLE.shots[0], dialogue=(line,)), PEOPLE.shots[1]))
    error = refusal(validate_script, script)
    assert str(error) == (
        "Shot 1's line for @lead contains an invisible control character (U+202E); remove it."
    )
    assert say(error, "ca") == (
        "La frase de @lead al pla 1 conté un caràcter de control invisible (U+202E); treu-lo."
    )
    assert say(error, "zh-CN") == (
        "镜头 1 中 @lead 的台词包含一个不可见的控制字符（U+202E）；请删除它。"
    )


# --- casting ------------------------------------------------------------------------------------


def member(handle: str, kind: str = "person", restrictions: str = "") -> CastMember:
    return CastMember(handle=handle, kind=kind, display_name=handle.title(),  # type: ignore[arg-type]
                      description="", restrictions=restrictions)  # fmt: skip


def test_a_double_of_the_wrong_kind_is_named_with_translated_kinds() -> None:
    script = two_role_script()  # buddy: person or pet; lead: person
    error = refusal(check_cast, script, {"lead": member("rex", "pet"), "buddy": member("ann")})
    assert str(error) == "@rex is a pet; the role 'lead' accepts person only."
    assert say(error, "zh-CN") == "@rex 是宠物；角色“lead”只接受真人。"
    assert say(error, "id") == "@rex adalah hewan peliharaan; peran 'lead' hanya menerima orang."
    assert say(error, "ca") == "@rex és de tipus mascota; el paper 'lead' només accepta persona."


def test_an_owners_restriction_is_quoted_as_written_in_a_translated_sentence() -> None:
    script: Script = validate_script(replace(PEOPLE, title="Beer time"))
    cast = {"lead": member("maya", restrictions="no alcohol"), "buddy": member("ann")}
    error = refusal(check_restrictions, script, cast, embed=lambda phrases: _no_embedding(phrases))
    assert str(error).startswith("@maya's owner does not allow “no alcohol”; the title “Beer time”")
    said = say(error, "ca")
    assert said.startswith(
        "El propietari de @maya no permet “no alcohol”; el títol diu “Beer time”"
    )


def _no_embedding(phrases):  # the words list decides here; no sentence model needed
    import numpy as np

    return np.zeros((len(list(phrases)), 384), dtype=np.float32)


# --- clips and the feed -------------------------------------------------------------------------


@pytest.fixture
def world(sqlite_sessions):
    with transaction(sqlite_sessions) as session:
        for user in (MAYA, BOB):
            user_queries.add_user(session, username=user.username, username_key=user.username,
                                  display_name=user.display_name, password_hash=None)  # fmt: skip
        add_double(session, MAYA, "maya")
        add_double(session, MAYA, "rex", kind="pet")
    return sqlite_sessions


def test_the_clip_service_refuses_in_the_readers_language(world, tmp_path) -> None:
    service = make_service(world, tmp_path, max_active=1)
    error = refusal(service.star_in_clip, BOB, "0123456789abcdef", "lead")
    assert str(error) == "That clip doesn't exist or you can't see it."
    assert say(error, "zh-CN") == "这个短片不存在，或者你无权查看。"
    assert say(error, "ca") == "Aquest clip no existeix o no el pots veure."
    wrong_kind = refusal(service.star_in_template, MAYA, PEOPLE, "greeting", "lead", "rex")
    assert str(wrong_kind) == "@rex is a pet; lead must be person."
    assert say(wrong_kind, "id") == "@rex adalah hewan peliharaan; lead harus orang."
    service.create(MAYA, two_role_script(), {"lead": "maya", "buddy": "rex"}, seed=1)
    limit = refusal(service.create, MAYA, two_role_script(), {"lead": "maya", "buddy": "rex"},
                    seed=2)  # fmt: skip
    assert str(limit) == JobLimits(max_active=1).active_message()
    assert say(limit, "ca").startswith("Ja tens 1 clips en curs.")
    cancelled = refusal(service.cancel, BOB, 1)
    assert say(cancelled, "zh-CN") == "这个短片不存在，或者不是你的。"


def test_the_feed_refuses_in_the_readers_language(world) -> None:
    feed = FeedService(world, trust_anchor=lambda: b"")
    error = refusal(feed.verify, BOB, "0123456789abcdef")
    assert str(error) == "That clip doesn't exist or you may not watch it."
    assert say(error, "id") == "Klip itu tidak ada atau Anda tidak boleh menontonnya."
    assert say(error, "zh-CN") == "这个短片不存在，或者你无权观看。"


def test_cancelling_someone_elses_clip_answers_in_the_page_language(world, tmp_path) -> None:
    service = make_service(world, tmp_path)
    clip = service.create(MAYA, two_role_script(), {"lead": "maya", "buddy": "rex"}, seed=1)

    class Auth:  # the handler's only use of auth: who this token is
        def require_user(self, token):
            return BOB

    shown = clip_progress.cancel_text(Auth(), service, "token", clip.id, "ca")  # type: ignore[arg-type]
    assert shown == "Aquest clip no existeix o no és teu\\."  # Markdown-escaped
    english = clip_progress.cancel_text(Auth(), service, "token", clip.id)  # type: ignore[arg-type]
    assert english == "That clip doesn't exist or isn't yours\\."


# --- how it will be acted and sound -------------------------------------------------------------


def test_the_studio_says_how_a_script_will_be_acted_and_sound_in_the_page_language() -> None:
    parsed = parse_script(
        'Shot 1: @maya kisses @bob. Shot 2: @maya cooks pasta. Shot 3: @bob says "Selamat pagi, '
        'kita ke pantai"'
    )
    english = preset_text._script_summary(parsed.script, "", "en")
    assert "Shot 1: 'kisses' is shown as a hug\\." in english  # Markdown-escaped
    assert "Shot 2: 'cooks' can't be shown by the animated renderer" in english
    catalan = preset_text._script_summary(parsed.script, "", "ca")
    assert "Pla 1: 'kisses' es mostra com una abraçada\\." in catalan
    assert "Pla 2: El renderitzador animat no pot mostrar 'cooks'" in catalan
    assert "sembla indonesi: encara no hi ha cap veu en indonesi" in catalan
    chinese = preset_text._script_summary(parsed.script, "", "zh-CN")
    assert "- 镜头 1：“kisses”会演成拥抱。" in chinese
    assert "is shown as" not in chinese and "looks Indonesian" not in chinese


def test_an_unvoiced_line_note_keeps_the_line_and_role_as_written() -> None:
    (note,) = unvoiced_lines([(2, "ann", "Selamat pagi, kita ke pantai")])
    assert note.startswith("Shot 2, ann: “Selamat pagi, kita ke pantai” looks Indonesian")
    assert say(note, "zh-CN").startswith(
        "镜头 2，ann：“Selamat pagi, kita ke pantai”看起来是印度尼西亚语"
    )
