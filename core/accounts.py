"""Rules for usernames, display names and passwords, with messages a person can act on."""

from __future__ import annotations

import re
import unicodedata

from core.sentences import Sentence, sentence

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


# The free-text fields the services check, by the English name their refusals start with; a
# refusal names the field in the reader's language (``clean_free_text``'s ``label``).
FIELD_NAMES: dict[str, Sentence] = {
    "Display names": sentence("accounts.field.display_names", "Display names"),
    "Descriptions": sentence("accounts.field.descriptions", "Descriptions"),
    "Usage restrictions": sentence("accounts.field.restrictions", "Usage restrictions"),
}


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
        raise AccountInputError(sentence("accounts.username_missing", "Choose a username."))
    if any(_is_control(ch) for ch in username):
        raise AccountInputError(
            sentence(
                "accounts.username_control_chars",
                "Usernames can't contain control or invisible characters.",
            )
        )
    if any(ch.isspace() for ch in username):
        raise AccountInputError(
            sentence("accounts.username_spaces", "Usernames can't contain spaces.")
        )
    if len(username) > USERNAME_MAX:
        raise AccountInputError(
            sentence(
                "accounts.username_too_long",
                "Usernames can be at most {limit} characters; this one has {length}.",
                limit=USERNAME_MAX,
                length=len(username),
            )
        )
    if not username.isascii():
        raise AccountInputError(
            sentence(
                "accounts.username_not_latin",
                "Usernames use only the Latin letters a–z, digits 0–9, '_', '.' and '-'. "
                "Look-alike letters from other alphabets are not allowed, so nobody can pose as "
                "someone else.",
            )
        )
    if not _USERNAME_CHARS.fullmatch(username):
        raise AccountInputError(
            sentence(
                "accounts.username_chars",
                "Usernames may contain only letters a–z, digits 0–9, '_', '.' and '-'.",
            )
        )
    if len(username) < USERNAME_MIN:
        raise AccountInputError(
            sentence(
                "accounts.username_too_short",
                "Usernames need at least {limit} characters.",
                limit=USERNAME_MIN,
            )
        )
    if not username[0].isalnum():
        raise AccountInputError(
            sentence(
                "accounts.username_first_char", "Usernames must start with a letter or a digit."
            )
        )
    if username_key(username) in RESERVED_USERNAMES:
        raise AccountInputError(
            sentence(
                "accounts.username_reserved",
                "The username “{username}” is reserved. Please pick another.",
                username=username,
            )
        )
    return username


def clean_display_name(display_name: str, *, fallback: str) -> str:
    """Normalise a display name (NFC, trimmed); an empty one becomes ``fallback``.

    Raises:
        AccountInputError: control/bidirectional characters, HTML tags, or too long.
    """
    return clean_free_text(
        display_name, label=FIELD_NAMES["Display names"], max_length=DISPLAY_NAME_MAX,
        fallback=fallback,
    )  # fmt: skip


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
    # A field named in plain English is said in the reader's language when it is a known one.
    field = label if isinstance(label, Sentence) else FIELD_NAMES.get(label, label)
    if any(_is_control(ch) for ch in cleaned):
        raise AccountInputError(
            sentence(
                "accounts.text_control_chars",
                "{label} can't contain control, invisible or text-direction characters.",
                label=field,
            )
        )
    if _HTML_TAG.search(cleaned):
        raise AccountInputError(
            sentence(
                "accounts.text_html",
                "{label} can't contain HTML tags such as <b> or <script>.",
                label=field,
            )
        )
    if len(cleaned) > max_length:
        raise AccountInputError(
            sentence(
                "accounts.text_too_long",
                "{label} can be at most {limit} characters; this one has {length}.",
                label=field,
                limit=max_length,
                length=len(cleaned),
            )
        )
    return cleaned


def validate_password(password: str, *, username: str) -> str:
    """Refuse empty, short, common and username-based passwords.

    Raises:
        AccountInputError: naming the rule the password breaks.
    """
    if not password or not password.strip():
        raise AccountInputError(sentence("accounts.password_missing", "Choose a password."))
    if len(password) < PASSWORD_MIN:
        raise AccountInputError(
            sentence(
                "accounts.password_too_short",
                "Passwords need at least {limit} characters.",
                limit=PASSWORD_MIN,
            )
        )
    if len(password) > PASSWORD_MAX:
        raise AccountInputError(
            sentence(
                "accounts.password_too_long",
                "Passwords can be at most {limit} characters.",
                limit=PASSWORD_MAX,
            )
        )
    lowered = password.lower()
    if lowered in COMMON_PASSWORDS:
        raise AccountInputError(
            sentence(
                "accounts.password_common",
                "That password is one of the most common ones. Please pick another.",
            )
        )
    if username and username_key(username) in lowered:
        raise AccountInputError(
            sentence("accounts.password_has_username", "Your password can't contain your username.")
        )
    if len(set(password)) < 5:
        raise AccountInputError(
            sentence(
                "accounts.password_too_few_characters",
                "That password repeats too few characters to be safe; mix at least {count} "
                "different ones.",
                count=5,
            )
        )
    return password


def _is_control(ch: str) -> bool:
    category = unicodedata.category(ch)
    if category == "Cf":
        return ch not in _ALLOWED_FORMAT_CHARS
    return category in {"Cc", "Cs", "Co", "Cn"} or ch in "\u2028\u2029"
