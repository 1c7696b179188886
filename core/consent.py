"""Consent wording and rules: the one place to review what people agree to and are told.

Every user-visible sentence about consent or permissions lives here, so it can be read,
reviewed and versioned together. Changing the statement means bumping ``STATEMENT_VERSION``.
"""

from __future__ import annotations

import hashlib
import re
from typing import get_args

from core.types import DoubleKind

STATEMENT_VERSION = "2026.11-1"

_OWNERSHIP = {
    "person": "This is me. I am the person shown and heard in the reference.",
    "pet": "This is my pet, and I may share its likeness.",
    "object": "This is my object (a toy or item), and I may share its likeness.",
    "character": "This is a character I created or own the rights to.",
}

_STATEMENT_BODY = """\
I am at least 18 years old.
{ownership}
I allow Co-Star Studio to store the reference media, a face and voice description made from it,
and to use them to render clips that I, or people I allow through the visibility setting, make.
Every clip is labelled as AI-generated, watermarked and signed.
I can revoke this consent at any time: no new clip can then use the double. I can delete the
double at any time: its reference media, face and voice data are then erased; this consent
record keeps only dates, hashes and check results, never media.
"""

OWNERSHIP_CHECKBOX_LABELS = {
    "person": "This is me",
    "pet": "This is my pet",
    "object": "This is my object",
    "character": "This is a character I own",
}
AGE_CHECKBOX_LABEL = "I am 18 or older"
STATEMENT_CHECKBOX_LABEL = "I have read and agree to the consent statement"

# Messages shown when consent or permission rules stop something.
MUST_CONFIRM_AGE = "Please confirm you are 18 or older. Doubles can only be made by adults."
MUST_CONFIRM_OWNERSHIP = {
    "person": "Please confirm that this is you. You can only register a double of yourself.",
    "pet": "Please confirm that this is your pet.",
    "object": "Please confirm that this object is yours.",
    "character": "Please confirm that you own this character.",
}
MUST_AGREE_STATEMENT = "Please read and agree to the consent statement."
STATEMENT_OUTDATED = (
    "The consent statement changed while you were reading it. Please read the new version "
    "and agree again."
)
CHALLENGE_MISSING = "Get a code first, then record yourself saying it."
CHALLENGE_EXPIRED = "That code has expired (codes last 5 minutes). Get a new code and try again."
CHALLENGE_USED = "That code was already used. Each code works once: get a new code."
CHALLENGE_NEEDS_WEBCAM = (
    "Record the live check with your webcam here. Uploaded files are not accepted for a "
    "person double."
)
CHALLENGE_FACE_MISMATCH = (
    "The face in your live recording does not match the face in your reference video. "
    "The same person must record both."
)
CHALLENGE_NO_FACE = (
    "We couldn't see your face in the live recording. Face the camera in good light."
)
CHALLENGE_VOICE_MISMATCH = (
    "The voice in your live recording does not match the voice in your reference. "
    "The same person must speak in both."
)
CHALLENGE_NO_SOUND = (
    "The live recording has no sound. Allow microphone access and say the code out loud."
)
IMPERSONATION_REFUSED = (
    "This face already belongs to a double registered by another account, so we can't "
    "register it for you. If this is you, contact support."
)
DOUBLE_REVOKED_NOTICE = "Consent revoked: nobody (you included) can use this double in new clips."
DOUBLE_DELETED_NOTICE = (
    "Double deleted: its reference media, face and voice data were erased. The consent record "
    "keeps only dates, hashes and check results."
)
NO_VOICE_NOTICE = (
    "No speech was found, so this double has no voice: clips will use a stock voice for it."
)
VOICE_SHIFT_NOTICE = (
    "Dialogue is spoken by a built-in voice shifted toward yours (pitch and timbre). "
    "It is not a clone of your voice."
)

HANDLE_PATTERN = re.compile(r"[a-z0-9_]{3,24}")
RESERVED_HANDLES = frozenset(
    {"admin", "root", "system", "support", "costar", "everyone", "here", "all", "me",
     "moderator", "official", "staff", "null", "none", "lead", "role"}
)  # fmt: skip


class ConsentError(ValueError):
    """A consent rule was not met; the message says what to do."""


def statement_text(kind: DoubleKind) -> str:
    """The consent statement a person agrees to for a double of this kind."""
    if kind not in _OWNERSHIP:
        raise ConsentError(f"Unknown kind of double: {kind!r}.")
    return _STATEMENT_BODY.format(ownership=_OWNERSHIP[kind])


def statement_sha256(kind: DoubleKind) -> str:
    """Hash of the exact statement text, stored in every consent event."""
    return hashlib.sha256(f"{STATEMENT_VERSION}\n{statement_text(kind)}".encode()).hexdigest()


def check_consent_given(
    kind: DoubleKind,
    *,
    age_confirmed: bool,
    ownership_confirmed: bool,
    statement_agreed: bool,
    statement_version: str,
) -> None:
    """Raises ``ConsentError`` unless every box was ticked for the current statement."""
    if kind not in get_args(DoubleKind):
        raise ConsentError(f"Unknown kind of double: {kind!r}.")
    if not age_confirmed:
        raise ConsentError(MUST_CONFIRM_AGE)
    if not ownership_confirmed:
        raise ConsentError(MUST_CONFIRM_OWNERSHIP[kind])
    if not statement_agreed:
        raise ConsentError(MUST_AGREE_STATEMENT)
    if statement_version != STATEMENT_VERSION:
        raise ConsentError(STATEMENT_OUTDATED)


def normalise_handle(raw: str) -> str:
    """Turn what someone typed ("@Maya") into a handle ("maya") and check the rules.

    Raises:
        ConsentError: empty, wrong characters (including HTML), too short/long, or reserved.
    """
    handle = (raw or "").strip().removeprefix("@").lower()
    if not handle:
        raise ConsentError("Choose a handle for your double, like @maya.")
    if len(handle) > 24:
        raise ConsentError(f"Handles can be at most 24 characters; this one has {len(handle)}.")
    if not HANDLE_PATTERN.fullmatch(handle):
        if len(handle) < 3 and re.fullmatch(r"[a-z0-9_]*", handle):
            raise ConsentError("Handles need at least 3 characters.")
        raise ConsentError("Handles use only lowercase letters a–z, digits 0–9 and '_'.")
    if handle in RESERVED_HANDLES:
        raise ConsentError(f"The handle @{handle} is reserved. Please pick another.")
    return handle
