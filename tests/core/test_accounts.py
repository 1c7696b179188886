"""Username, display-name and password rules, each with its own message."""

from __future__ import annotations

import pytest

from core.accounts import (
    AccountInputError,
    clean_display_name,
    username_key,
    validate_password,
    validate_username,
)


@pytest.mark.parametrize("name", ["maya", "Maya_99", "a.b-c", "x" * 32, "123"])
def test_good_usernames(name):
    assert validate_username(name) == name


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Choose a username"),
        ("maya lee", "can't contain spaces"),
        ("maya\tlee", "control"),
        ("maya\x00", "control"),
        ("maya\u200b", "invisible"),
        ("x" * 33, "at most 32 characters; this one has 33"),
        ("mаya", "Look-alike letters"),  # Cyrillic а
        ("ｍａｙａ", "Look-alike letters"),  # full-width letters
        ("maya!", "may contain only"),
        ("<b>hi</b>", "may contain only"),
        ("ab", "at least 3"),
        ("_maya", "start with a letter"),
        ("Admin", "reserved"),
    ],
)
def test_bad_usernames_get_specific_messages(name, message):
    with pytest.raises(AccountInputError, match=message):
        validate_username(name)


def test_username_key_ignores_case():
    assert username_key("MaYa") == username_key("maya")


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("", "Choose a password"),
        ("          ", "Choose a password"),
        ("short1!", "at least 10"),
        ("Password123", "most common"),
        ("xx-maya-2024-xx", "can't contain your username"),
        ("aaaabbbbaaaa", "at least 5 different"),
        ("p" * 257, "at most 256"),
    ],
)
def test_weak_passwords_are_refused(password, message):
    with pytest.raises(AccountInputError, match=message):
        validate_password(password, username="maya")


def test_good_password():
    assert validate_password("correct horse battery", username="maya")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("  Maya Lee ", "Maya Lee"), ("", "maya"), ("玛雅 🎸", "玛雅 🎸"), ("a < b", "a < b"),
     ("👩\u200d🎤 Maya", "👩\u200d🎤 Maya")],
)  # fmt: skip
def test_display_names_are_normalised(raw, expected):
    assert clean_display_name(raw, fallback="maya") == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("<script>alert(1)</script>", "HTML tags"),
        ("<img src=x onerror=alert(1)>", "HTML tags"),
        ("Maya\u202eesrever", "text-direction"),
        ("Maya\x07", "control"),
        ("m" * 65, "at most 64"),
    ],
)
def test_bad_display_names_are_refused(raw, message):
    with pytest.raises(AccountInputError, match=message):
        clean_display_name(raw, fallback="maya")
