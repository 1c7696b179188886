"""Consent and permission wording in English (the statement's first language)."""

WORDING: dict[str, str] = {
    "statement.version": "2026.11-1",
    "statement.heading": "Consent statement (version {version})",
    "statement.body": """\
I am at least 18 years old.
{ownership}
I allow Co-Star Studio to store the reference media, a face and voice description made from it,
and to use them to render clips that I, or people I allow through the visibility setting, make.
Every clip is labelled as AI-generated, watermarked and signed.
I can revoke this consent at any time: no new clip can then use the double. I can delete the
double at any time: its reference media, face and voice data are then erased; this consent
record keeps only dates, hashes and check results, never media.
""",
    "ownership.person": "This is me. I am the person shown and heard in the reference.",
    "ownership.pet": "This is my pet, and I may share its likeness.",
    "ownership.object": "This is my object (a toy or item), and I may share its likeness.",
    "ownership.character": "This is a character I created or own the rights to.",
    "checkbox.ownership.person": "This is me",
    "checkbox.ownership.pet": "This is my pet",
    "checkbox.ownership.object": "This is my object",
    "checkbox.ownership.character": "This is a character I own",
    "checkbox.age": "I am 18 or older",
    "checkbox.statement": "I have read and agree to the consent statement",
    "must_confirm_age": "Please confirm you are 18 or older. Doubles can only be made by adults.",
    "must_confirm_ownership.person": (
        "Please confirm that this is you. You can only register a double of yourself."
    ),
    "must_confirm_ownership.pet": "Please confirm that this is your pet.",
    "must_confirm_ownership.object": "Please confirm that this object is yours.",
    "must_confirm_ownership.character": "Please confirm that you own this character.",
    "must_agree_statement": "Please read and agree to the consent statement.",
    "statement_outdated": (
        "The consent statement changed while you were reading it. Please read the new version "
        "and agree again."
    ),
    "challenge_missing": "Get a code first, then record yourself saying it.",
    "challenge_expired": (
        "That code has expired (codes last 5 minutes). Get a new code and try again."
    ),
    "challenge_used": "That code was already used. Each code works once: get a new code.",
    "challenge_needs_webcam": (
        "Record the live check with your webcam here. Uploaded files are not accepted for a "
        "person double."
    ),
    "challenge_face_mismatch": (
        "The face in your live recording does not match the face in your reference video. "
        "The same person must record both."
    ),
    "challenge_no_face": (
        "We couldn't see your face in the live recording. Face the camera in good light."
    ),
    "challenge_voice_mismatch": (
        "The voice in your live recording does not match the voice in your reference. "
        "The same person must speak in both."
    ),
    "challenge_no_sound": (
        "The live recording has no sound. Allow microphone access and say the code out loud."
    ),
    "impersonation_refused": (
        "This face already belongs to a double registered by another account, so we can't "
        "register it for you. If this is you, contact support."
    ),
    "double_revoked_notice": (
        "Consent revoked: nobody (you included) can use this double in new clips."
    ),
    "double_deleted_notice": (
        "Double deleted: its reference media, face and voice data were erased. The consent "
        "record keeps only dates, hashes and check results."
    ),
    "no_voice_notice": (
        "No speech was found, so this double has no voice: clips will use a stock voice for it."
    ),
    "voice_shift_notice": (
        "Dialogue is spoken by a built-in voice shifted toward yours (pitch and timbre). "
        "It is not a clone of your voice."
    ),
}
