"""What the people services refuse, said in the reader's language: accounts and sign-in, friends,
approvals (grants), Appearances, account data and a double's handle, through the real services
and the UI handlers that show them. English stays exactly as it was."""

from __future__ import annotations

import gradio as gr
import pytest

from core import consent
from core.accounts import AccountInputError, clean_free_text, validate_password, validate_username
from tests.webapp.social_helpers import add_double, add_people
from webapp.account_data import AccountDataError, AccountDataService
from webapp.appearances import AppearanceError, AppearanceService
from webapp.auth import LoginError, SignUpError, TooManyAttemptsError
from webapp.friends import FriendError, FriendService
from webapp.grants import GrantError, GrantRecord, GrantService
from webapp.i18n import say, text
from webapp.i18n.topics.refusals_people import TRANSLATIONS
from webapp.ui.account import validate_sign_up
from webapp.ui.grants import grant_label
from webapp.ui.privacy import not_deleted_text
from webapp.ui.session import require_user


def caught(error_type: type[Exception], action, *args, **kwargs) -> Exception:
    with pytest.raises(error_type) as raised:
        action(*args, **kwargs)
    return raised.value


@pytest.fixture
def people(sqlite_sessions):
    return add_people(sqlite_sessions, "maya", "bob")


def test_username_and_password_rules_in_every_language():
    error = caught(AccountInputError, validate_username, "ab")
    assert str(error) == "Usernames need at least 3 characters."
    assert say(error, "zh-CN") == "用户名至少需要 3 个字符。"
    assert say(error, "ca") == "Els noms d'usuari han de tenir com a mínim 3 caràcters."
    assert say(error, "id") == "Nama pengguna minimal 3 karakter."
    reserved = caught(AccountInputError, validate_username, "Admin")
    assert say(reserved, "zh-CN") == "用户名“Admin”已被保留，请换一个。"
    common = caught(AccountInputError, validate_password, "password123", username="maya")
    assert str(common) == "That password is one of the most common ones. Please pick another."
    assert say(common, "id") == TRANSLATIONS["id"]["accounts.password_common"]


def test_a_free_text_refusal_names_the_field_in_the_readers_language():
    error = caught(AccountInputError, clean_free_text, "x" * 30, label="Descriptions",
                   max_length=20)  # fmt: skip
    assert str(error) == "Descriptions can be at most 20 characters; this one has 30."
    assert say(error, "ca") == (
        "Les descripcions poden tenir com a màxim 20 caràcters; el text que has escrit en té 30."
    )
    assert say(error, "zh-CN") == "描述最多 20 个字符，这里有 30 个。"
    html = caught(AccountInputError, clean_free_text, "<b>hi</b>", label="Usage restrictions",
                  max_length=99)  # fmt: skip
    assert say(html, "id").startswith("Batasan penggunaan tidak boleh berisi tag HTML")


def test_sign_up_and_sign_in_refusals(sqlite_sessions, make_auth):
    auth = make_auth(sqlite_sessions, max_failures=1)
    auth.sign_up("maya", "correct horse battery")
    taken = caught(SignUpError, auth.sign_up, "Maya", "correct horse battery")
    assert str(taken) == "The username “Maya” is taken. Please pick another."
    assert say(taken, "ca") == "El nom d'usuari «Maya» ja està agafat. Tria'n un altre."
    short = caught(SignUpError, auth.sign_up, "bob", "short")
    assert say(short, "zh-CN") == "密码至少需要 10 个字符。"  # re-raised, still the sentence
    wrong = caught(LoginError, auth.log_in, "maya", "not the password")
    assert str(wrong) == "That username and password don't match an account."
    assert say(wrong, "id") == "Nama pengguna dan kata sandi itu tidak cocok dengan akun mana pun."
    locked = caught(TooManyAttemptsError, auth.log_in, "maya", "correct horse battery")
    assert say(locked, "zh-CN") == "此账户登录失败次数过多。请在 15 分钟后重试。"


def test_not_signed_in_is_said_and_titled_in_the_page_language(auth):
    error = caught(gr.Error, require_user, auth, None, "ca")
    assert error.title == "No has iniciat la sessió"
    assert error.message == "Primer inicia la sessió (potser t'ha caducat)."
    english = caught(gr.Error, require_user, auth, "forged")
    assert (english.title, english.message) == (
        "Not signed in", "Please sign in first (your session may have expired).",
    )  # fmt: skip


def test_sign_up_validator_speaks_the_page_language():
    checks = validate_sign_up("ab", "", "password123", "other", "zh-CN")
    messages = [check["message"] for check in checks]
    assert messages == ["用户名至少需要 3 个字符。", "", "这个密码是最常见的密码之一，请换一个。",
                        "两次输入的密码不一致。", ""]  # fmt: skip
    english = [check["message"] for check in validate_sign_up("ab", "", "password123", "x")]
    assert english[0] == "Usernames need at least 3 characters."
    assert english[3] == "The two passwords don't match."
    assert len(english) == 4  # an API client that sends no language gets one check per field


def test_friend_refusals(sqlite_sessions, people, clock):
    friends = FriendService(sqlite_sessions, clock=clock)
    maya = people["maya"]
    self_request = caught(FriendError, friends.send_request, maya, "maya")
    assert str(self_request) == "You can't send a friend request to yourself."
    assert (
        say(self_request, "id")
        == "Anda tidak dapat mengirim permintaan pertemanan ke diri sendiri."
    )
    nobody = caught(FriendError, friends.send_request, maya, "ghost")
    assert say(nobody, "zh-CN") == "没有用户名为“ghost”的人。"
    friends.send_request(maya, "bob")
    again = caught(FriendError, friends.send_request, maya, "bob")
    assert say(again, "ca") == "Ja ho has demanat a bob; encara no t'ha respost."


def test_grant_refusals_and_the_panels_words(sqlite_sessions, people, clock):
    grants = GrantService(sqlite_sessions, clock=clock)
    maya = people["maya"]
    add_double(sqlite_sessions, maya, "maya_double", visibility="approved")
    grants.approve(maya, "maya_double", "bob")
    twice = caught(GrantError, grants.approve, maya, "maya_double", "bob")
    assert str(twice) == "bob is already approved for @maya_double."
    assert say(twice, "zh-CN") == "bob 已经获准使用 @maya_double。"
    grants.withdraw(maya, "maya_double", "bob")
    withdrawn = caught(GrantError, grants.withdraw, maya, "maya_double", "bob")
    assert str(withdrawn) == "bob is already withdrawn from @maya_double."
    assert say(withdrawn, "ca") == "A bob ja se li ha retirat el permís per a @maya_double."
    not_mine = caught(GrantError, grants.approve, people["bob"], "maya_double", "maya")
    assert say(not_mine, "id") == "Kembaran itu tidak ada atau bukan milik Anda."
    record = GrantRecord("bob", "Bob", "revoked", updated_at=None)  # type: ignore[arg-type]
    assert grant_label(record, "ca") == "bob · Bob · permís retirat"
    assert grant_label(record) == "bob · Bob · permission withdrawn"
    assert text("grants.done.approved", "zh-CN", name="bob") == "**bob** 现在可以使用这个分身了。"


def test_appearance_refusals_and_answers(sqlite_sessions, people, clock):
    appearances = AppearanceService(sqlite_sessions, clock=clock)
    maya = people["maya"]
    empty = caught(AppearanceError, appearances.report, maya, "0123456789abcdef", " ")
    assert str(empty) == "Say briefly what is wrong with this clip (1–500 characters)."
    assert say(empty, "zh-CN") == "请简要说明这个短片有什么问题（1–500 个字符）。"
    missing = caught(AppearanceError, appearances.delete, maya, "0123456789abcdef")
    assert say(missing, "ca") == "Aquest clip no existeix o no fa servir cap dels teus dobles."


def test_account_deletion_refusal_and_result(sqlite_sessions, people, clock):
    service = AccountDataService(sqlite_sessions, clock=clock)
    wrong = caught(AccountDataError, service.delete_account, people["maya"], "bob")
    assert str(wrong) == "That isn't your username. Type your username to confirm."
    assert say(wrong, "id") == (
        "Itu bukan nama pengguna Anda. Ketik nama pengguna Anda untuk mengonfirmasi."
    )
    assert (
        not_deleted_text(wrong, "zh-CN")
        == "**未删除。** 这不是你的用户名。请输入你的用户名以确认。"
    )
    assert not_deleted_text(wrong) == (
        "**Not deleted.** That isn't your username. Type your username to confirm."
    )
    assert text("privacy.deleted", "ca", doubles=1, clips=2).startswith(
        "S'ha eliminat el teu compte: s'han esborrat 1 doble(s)"
    )


def test_handle_refusals():
    short = caught(consent.ConsentError, consent.normalise_handle, "@ab")
    assert str(short) == "Handles need at least 3 characters."
    assert say(short, "id") == "Handle minimal 3 karakter."
    reserved = caught(consent.ConsentError, consent.normalise_handle, "admin")
    assert say(reserved, "ca") == "L'identificador @admin està reservat. Tria'n un altre."
    assert say(reserved, "zh-CN") == "账号名 @admin 已被保留，请换一个。"
