"""The interface in English: the source every other catalogue translates."""

CATALOGUE: dict[str, str] = {
    # Header and navigation
    "app.tagline": (
        "Star in short animated clips with your friends: record a few seconds of yourself once, "
        "and your consent-checked digital double acts in ready-made scenes."
    ),
    "app.first_steps": (
        "**Your first clip in three steps:** create an account · **My doubles**: a 2–5 s video "
        "of you saying a sentence · **Make your first clip**. Every clip is labelled "
        "*AI-generated*, watermarked and signed."
    ),
    "language.label": "Language",
    "tab.studio": "Studio",
    "tab.clips": "Clips",
    "tab.doubles": "My doubles",
    "tab.friends": "Friends",
    "tab.appearances": "Appearances",
    "tab.my_data": "My data",
    # Tab names with counts, filled in by the server (never sent to the browser's translator).
    "tab.clips_in_progress": "Clips ({count} in progress)",
    "tab.friends_waiting": "Friends ({count})",
    "tab.appearances_count": "Appearances ({count})",
    # Choices: who may use a double or see a clip, what a double is of, clip sizes
    "visibility.only_me": "Only me",
    "visibility.approved": "People I approve",
    "visibility.friends": "My friends",
    "visibility.everyone": "Everyone",
    "kind.person": "Me (a person)",
    "kind.pet": "My pet",
    "kind.object": "A toy or object",
    "kind.character": "A character I own",
    "studio.size_fast": "832×480 (fast)",
    "studio.size_hd": "1280×720 (HD, slower)",
    # Account
    "account.sign_in_heading": "### Sign in",
    "account.username": "Username",
    "account.password": "Password",
    "account.sign_in": "Sign in",
    "account.sign_up_heading": "### New here? Create an account",
    "account.username_info": "3–32 characters: letters a–z, digits, '_', '.' or '-'.",
    "account.display_name": "Display name (optional)",
    "account.display_name_info": "Shown to friends.",
    "account.password_info": "At least 10 characters.",
    "account.repeat_password": "Repeat password",
    "account.create": "Create account",
    "account.sign_out": "Sign out",
    # Studio
    "studio.signed_out": (
        "Browse the preset scripts below. **Sign in** and register a double to star in one."
    ),
    "studio.presets": "Preset scripts (select one)",
    "studio.pick_preset": "Select a preset script to see its roles.",
    "studio.preset_preview": "Preview with sound: house characters act it out",
    "studio.your_role": "Your role",
    "studio.star": "★ Star in this",
    "studio.own_script": "…or write your own script",
    "studio.your_script": "Your script",
    "studio.use_script": "Use my script",
    "studio.cast_heading": "#### Cast",
    "studio.who_can_see": "Who can see the clip",
    "studio.who_can_see_info": "Limited to what every cast double's owner allows.",
    "studio.more_options": "More options",
    "studio.size": "Size",
    "studio.variation": "Variation number (the same number makes the same clip)",
    "studio.generate": "Generate clip",
    "studio.cancel": "Cancel",
    "studio.your_clip_heading": "#### Your clip",
    # Clips
    "clips.signed_out": (
        "### Clips\nSign in to see your clips, clips featuring you and your friends' clips."
    ),
    "clips.show": "Show",
    "clips.page": "Page",
    "clips.previous": "← Previous",
    "clips.next": "Next →",
    # My doubles
    "doubles.signed_out": (
        "### My doubles\nSign in to register your digital double and manage its consent."
    ),
    "doubles.your_doubles_heading": "### Your doubles",
    "doubles.empty": (
        "You have no doubles yet. Register one below: a 2–5 second video of you saying a "
        "sentence is all it takes."
    ),
    "doubles.gallery": "Your doubles (select one to edit)",
    "doubles.handle": "Handle",
    "doubles.display_name": "Display name",
    "doubles.description": "Description (words the generator may use)",
    "doubles.who_may_cast": "Who may cast this double",
    "doubles.restrictions": "Usage restrictions",
    "doubles.restrictions_shown": "Usage restrictions (shown to anyone who casts it)",
    "doubles.hear_voice": "▶ Hear how this double speaks in clips",
    "doubles.save": "Save settings",
    "doubles.revoke": "Revoke consent",
    "doubles.delete_confirm": "Yes, erase this double's media, face and voice data",
    "doubles.delete": "Delete double",
    "doubles.register_heading": "### Register a new double",
    "doubles.step_reference": (
        "**Step 1 · Reference.** Who is this double of, and what do they look like?"
    ),
    "doubles.kind": "This double is of",
    "doubles.reference_video": "Reference video: 2–5 s, face the camera and say a sentence",
    "doubles.reference_photos": (
        "…or 1–4 photos (JPEG, PNG, WebP; a transparent PNG for characters)"
    ),
    "doubles.voice_clip": "Voice clip (optional, if the video has no speech)",
    "doubles.check_reference": "Check my reference",
    "doubles.step_report": "**Step 2 · Quality report.** This is what we detected.",
    "doubles.detected": "Detected face and cut-out",
    "doubles.hear_draft_voice": "▶ Hear how your double will speak in clips",
    "doubles.step_consent": "**Step 3 · Settings and consent.**",
    "doubles.step_live_check": (
        "**Step 4 · Live check.** Get a code, then record yourself saying it out loud."
    ),
    "doubles.code_language": "I will read the code in",
    "doubles.get_code": "Get my code",
    "doubles.code_instructions": (
        "## {code}\nSay these digits out loud while recording yourself. The code works once "
        "and expires at **{time} UTC**."
    ),
    "doubles.record_code": "Record yourself saying the code",
    "doubles.create": "Create my double",
    "doubles.first_clip": "Make your first clip",
    # Friends
    "friends.signed_out": "### Friends\nSign in to find people and manage your friends.",
    "friends.requests_heading": "### Friend requests",
    "friends.find_heading": "### Find people",
    "friends.find_label": "Find people by username",
    "friends.search": "Search",
    "friends.your_friends_heading": "### Your friends",
    "friends.sent_heading": "### Requests you sent",
    "friends.blocked_heading": "### Blocked",
    # Appearances
    "appearances.signed_out": (
        "### Appearances\nSign in to see every clip that uses your doubles."
    ),
    "appearances.heading": "### Clips that use my doubles",
    # My data
    "privacy.what_we_keep": """\
### What Co-Star Studio keeps about you
- **Your account**: username, display name, a salted argon2id password hash (or your Hugging Face
  id), and login sessions (only keyed hashes of their tokens).
- **Your doubles**: reference video/photos, cut-outs, face embedding, voice sample and embedding,
  settings and restrictions. Deleting a double erases all of its media and biometrics.
- **The consent ledger**: dates, statement versions and languages, hashes and check scores for
  every consent, change, revocation and deletion. It holds no media and no biometrics, and it
  is kept.
- **Clips** you made or appear in, with their identity metrics and provenance.
""",
    "privacy.export": "Download my data (.zip)",
    "privacy.export_file": "Your export",
    "privacy.delete_account": "Delete my account for good",
}
