"""Rules for usernames, display names and passwords, with messages a person can act on."""

from __future__ import annotations

import re
import unicodedata

USERNAME_MIN, USERNAME_MAX = 3, 32
DISPLAY_NAME_MAX = 64
PASSWORD_MIN, PASSWORD_MAX = 10, 256

RESERVED_USERNAMES = frozenset(
    {"admin", "administrator", "root", "system", "support", "help", "moderator", "mod",
     "staff", "costar", "co-star", "api", "null", "none", "anonymous", "everyone", "me",
     "security", "official", "huggingface"}
)  # fmt: skip

# A short list of the passwords people try first; length rules catch most of the rest.
COMMON_PASSWORDS = frozenset(
    {"password", "password1", "password12", "password123", "passw0rd", "1234567890",
     "12345678910", "0123456789", "qwertyuiop", "qwerty1234", "iloveyou12", "letmein123",
     "welcome123", "abcdefghij", "1q2w3e4r5t", "football12", "monkey1234", "dragon1234",
     "sunshine12", "princess12", "baseball12", "trustno1234", "changeme123", "administrator"}
)  # fmt: skip

_USERNAME_CHARS = re.compile(r"[A-Za-z0-9_.-]+")
_HTML_TAG = re.compile(r"<[A-Za-z/!?]")  # what HTML parsers treat as a tag start
# Format characters (Cf) include the bidirectional overrides that can make one name display
# as another; only the zero-width joiner and emoji variation selector stay, for emoji sequences.
_ALLOWED_FORMAT_CHARS = {"\u200d", "\ufe0f"}


class AccountInputError(ValueError):
    """A username, display name or password breaks a rule; the message says which."""


def username_key(username: str) -> str:
    """The case-insensitive key usernames are unique under."""
    return username.lower()


def validate_username(username: str) -> str:
    """Check a new username and return it unchanged.

    Only ASCII letters, digits, '_', '.' and '-' are allowed: look-alike letters from other
    alphabets (Cyrillic 'а' for Latin 'a') would otherwise let one person pose as another.

    Raises:
        AccountInputError: the name is empty, too short or long, has spaces, control or
            non-Latin characters, or is reserved.
    """
    if not username:
        raise AccountInputError("Choose a username.")
    if any(_is_control(ch) for ch in username):
        raise AccountInputError("Usernames can't contain control or invisible characters.")
    if any(ch.isspace() for ch in username):
        raise AccountInputError("Usernames can't contain spaces.")
    if len(username) > USERNAME_MAX:
        raise AccountInputError(
            f"Usernames can be at most {USERNAME_MAX} characters; this one has {len(username)}."
        )
    if not username.isascii():
        raise AccountInputError(
            "Usernames use only the Latin letters a–z, digits 0–9, '_', '.' and '-'. "
            "Look-alike letters from other alphabets are not allowed, so nobody can pose as "
            "someone else."
        )
    if not _USERNAME_CHARS.fullmatch(username):
        raise AccountInputError(
            "Usernames may contain only letters a–z, digits 0–9, '_', '.' and '-'."
        )
    if len(username) < USERNAME_MIN:
        raise AccountInputError(f"Usernames need at least {USERNAME_MIN} characters.")
    if not username[0].isalnum():
        raise AccountInputError("Usernames must start with a letter or a digit.")
    if username_key(username) in RESERVED_USERNAMES:
        raise AccountInputError(f"The username “{username}” is reserved. Please pick another.")
    return username


def clean_display_name(display_name: str, *, fallback: str) -> str:
    """Normalise a display name (NFC, trimmed); an empty one becomes ``fallback``.

    Raises:
        AccountInputError: control/bidirectional characters, HTML tags, or too long.
    """
    return clean_free_text(
        display_name, label="Display names", max_length=DISPLAY_NAME_MAX, fallback=fallback
    )


def clean_free_text(text: str, *, label: str, max_length: int, fallback: str = "") -> str:
    """Normalise free text a person typed (NFC, spaces collapsed) so it is safe to show.

    It is shown as text everywhere; tags are refused as well so that no page, export or
    message can ever render it as markup.

    Raises:
        AccountInputError: control/bidirectional characters, HTML tags, or too long; the
            message starts with ``label``.
    """
    cleaned = " ".join(unicodedata.normalize("NFC", text or "").split())
    if not cleaned:
        return fallback
    if any(_is_control(ch) for ch in cleaned):
        raise AccountInputError(
            f"{label} can't contain control, invisible or text-direction characters."
        )
    if _HTML_TAG.search(cleaned):
        raise AccountInputError(f"{label} can't contain HTML tags such as <b> or <script>.")
    if len(cleaned) > max_length:
        raise AccountInputError(
            f"{label} can be at most {max_length} characters; this one has {len(cleaned)}."
        )
    return cleaned


def validate_password(password: str, *, username: str) -> str:
    """Refuse empty, short, common and username-based passwords.

    Raises:
        AccountInputError: naming the rule the password breaks.
    """
    if not password or not password.strip():
        raise AccountInputError("Choose a password.")
    if len(password) < PASSWORD_MIN:
        raise AccountInputError(f"Passwords need at least {PASSWORD_MIN} characters.")
    if len(password) > PASSWORD_MAX:
        raise AccountInputError(f"Passwords can be at most {PASSWORD_MAX} characters.")
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS:
        raise AccountInputError(
            "That password is one of the most common ones. Please pick another."
        )
    if username and username_key(username) in lowered:
        raise AccountInputError("Your password can't contain your username.")
    if len(set(password)) < 5:
        raise AccountInputError(
            "That password repeats too few characters to be safe; mix at least 5 different ones."
        )
    return password


def _is_control(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category == "Cf":
        return ch not in _ALLOWED_FORMAT_CHARS
    return category in {"Cc", "Cs", "Co", "Cn"} or ch in "\u2028\u2029"
