"""Consent wording and rules: the one place to review what people agree to and are told.

Every user-visible sentence about consent or permissions lives here, so it can be read,
reviewed and versioned together; the sentences themselves are in ``core/consent_wording/``, one
catalogue per language. Changing a language's statement means bumping that catalogue's
``statement.version``.
"""

from __future__ import annotations

import hashlib
import re
from typing import get_args

from core.consent_wording import CONSENT_LANGUAGES, WORDINGS, ConsentLanguage
from core.sentences import sentence
from core.types import DoubleKind

# Each language's statement has its own version: changing the Chinese wording bumps only
# "zh-CN" (in core/consent_wording/zh_cn.py), and the ledger names the language and version.
STATEMENT_VERSIONS: dict[ConsentLanguage, str] = {
    language: WORDINGS[language]["statement.version"] for language in CONSENT_LANGUAGES
}
STATEMENT_VERSION = STATEMENT_VERSIONS["en"]
DEFAULT_LANGUAGE: ConsentLanguage = "en"

_EN = WORDINGS["en"]
_KINDS: tuple[DoubleKind, ...] = get_args(DoubleKind)

# The English sentences under their old names, for code that has no person's language at hand
# (the live check's analysis); the UI shows each person the sentence in their language.
OWNERSHIP_CHECKBOX_LABELS = {kind: _EN[f"checkbox.ownership.{kind}"] for kind in _KINDS}
AGE_CHECKBOX_LABEL = _EN["checkbox.age"]
STATEMENT_CHECKBOX_LABEL = _EN["checkbox.statement"]
MUST_CONFIRM_AGE = _EN["must_confirm_age"]
MUST_CONFIRM_OWNERSHIP = {kind: _EN[f"must_confirm_ownership.{kind}"] for kind in _KINDS}
MUST_AGREE_STATEMENT = _EN["must_agree_statement"]
STATEMENT_OUTDATED = _EN["statement_outdated"]
CHALLENGE_MISSING = _EN["challenge_missing"]
CHALLENGE_EXPIRED = _EN["challenge_expired"]
CHALLENGE_USED = _EN["challenge_used"]
CHALLENGE_NEEDS_WEBCAM = _EN["challenge_needs_webcam"]
CHALLENGE_FACE_MISMATCH = _EN["challenge_face_mismatch"]
CHALLENGE_NO_FACE = _EN["challenge_no_face"]
CHALLENGE_VOICE_MISMATCH = _EN["challenge_voice_mismatch"]
CHALLENGE_NO_SOUND = _EN["challenge_no_sound"]
IMPERSONATION_REFUSED = _EN["impersonation_refused"]
DOUBLE_REVOKED_NOTICE = _EN["double_revoked_notice"]
DOUBLE_DELETED_NOTICE = _EN["double_deleted_notice"]
NO_VOICE_NOTICE = _EN["no_voice_notice"]
VOICE_SHIFT_NOTICE = _EN["voice_shift_notice"]

HANDLE_PATTERN = re.compile(r"[a-z0-9_]{3,24}")
RESERVED_HANDLES = frozenset(
    {"admin", "root", "system", "support", "costar", "everyone", "here", "all", "me",
     "moderator", "official", "staff", "null", "none", "lead", "role"}
)  # fmt: skip


class ConsentError(ValueError):
    """A consent rule was not met; the message says what to do."""


def consent_language(language: str | None) -> ConsentLanguage:
    """The consent language for a UI language tag ("zh-CN", "ca-ES"...); English otherwise."""
    if language in CONSENT_LANGUAGES:
        return language  # type: ignore[return-value]
    base = (language or "").split("-")[0].lower()
    if base == "zh":
        return "zh-CN"
    return next((known for known in CONSENT_LANGUAGES if known == base), DEFAULT_LANGUAGE)


def consent_text(key: str, language: str | None = DEFAULT_LANGUAGE) -> str:
    """One consent or permission sentence (``must_confirm_age``...) in the given language."""
    return WORDINGS[consent_language(language)][key]


def statement_text(kind: DoubleKind, language: str | None = DEFAULT_LANGUAGE) -> str:
    """The consent statement a person agrees to for a double of this kind, in a language."""
    if kind not in _KINDS:
        raise ConsentError(f"Unknown kind of double: {kind!r}.")
    wording = WORDINGS[consent_language(language)]
    return wording["statement.body"].format(ownership=wording[f"ownership.{kind}"])


def statement_version(language: str | None = DEFAULT_LANGUAGE) -> str:
    """The current version of the statement in this language."""
    return STATEMENT_VERSIONS[consent_language(language)]


def statement_sha256(kind: DoubleKind, language: str | None = DEFAULT_LANGUAGE) -> str:
    """Hash of the exact statement text (with its version), stored in every consent event.

    The English hash is computed as it was before there were other languages, so events
    written then still name the current English statement.
    """
    version = statement_version(language)
    return hashlib.sha256(f"{version}\n{statement_text(kind, language)}".encode()).hexdigest()


def check_consent_given(
    kind: DoubleKind,
    *,
    age_confirmed: bool,
    ownership_confirmed: bool,
    statement_agreed: bool,
    statement_version: str,
    statement_language: str,
    statement_sha256: str,
) -> None:
    """Raises ``ConsentError`` unless every box was ticked for the current statement.

    ``statement_language``, ``statement_version`` and ``statement_sha256`` describe the
    statement the page showed; it must be the current one for this kind in a known language.
    Messages are in that language.
    """
    if kind not in _KINDS:
        raise ConsentError(f"Unknown kind of double: {kind!r}.")
    if statement_language not in CONSENT_LANGUAGES:
        raise ConsentError(f"Unknown language for the consent statement: {statement_language!r}.")
    wording = WORDINGS[statement_language]  # type: ignore[index]
    if not age_confirmed:
        raise ConsentError(wording["must_confirm_age"])
    if not ownership_confirmed:
        raise ConsentError(wording[f"must_confirm_ownership.{kind}"])
    if not statement_agreed:
        raise ConsentError(wording["must_agree_statement"])
    current_sha = _current_statement_sha256(kind, statement_language)
    if statement_version != wording["statement.version"] or statement_sha256 != current_sha:
        raise ConsentError(wording["statement_outdated"])


def _current_statement_sha256(kind: DoubleKind, language: str) -> str:
    # check_consent_given's argument of the same name hides the module function there.
    return statement_sha256(kind, language)


def normalise_handle(raw: str) -> str:
    """Turn what someone typed ("@Maya") into a handle ("maya") and check the rules.

    Raises:
        ConsentError: empty, wrong characters (including HTML), too short/long, or reserved.
    """
    handle = (raw or "").strip().removeprefix("@").lower()
    if not handle:
        raise ConsentError(
            sentence(
                "consent.refusal.handle_missing", "Choose a handle for your double, like @maya."
            )
        )
    if len(handle) > 24:
        raise ConsentError(
            sentence(
                "consent.refusal.handle_too_long",
                "Handles can be at most {limit} characters; this one has {length}.",
                limit=24,
                length=len(handle),
            )
        )
    if not HANDLE_PATTERN.fullmatch(handle):
        if len(handle) < 3 and re.fullmatch(r"[a-z0-9_]*", handle):
            raise ConsentError(
                sentence(
                    "consent.refusal.handle_too_short",
                    "Handles need at least {limit} characters.",
                    limit=3,
                )
            )
        raise ConsentError(
            sentence(
                "consent.refusal.handle_chars",
                "Handles use only lowercase letters a–z, digits 0–9 and '_'.",
            )
        )
    if handle in RESERVED_HANDLES:
        raise ConsentError(
            sentence(
                "consent.refusal.handle_reserved",
                "The handle @{handle} is reserved. Please pick another.",
                handle=handle,
            )
        )
    return handle
