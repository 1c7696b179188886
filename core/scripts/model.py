"""The typed script model: roles, shots, dialogue, and the rules a script must follow.

A ``Script`` is pure data (frozen dataclasses). ``validate_script`` checks it against the
product limits and returns a cleaned copy. Checking it against the doubles chosen for its roles
(and turning a shot into a prompt for them) is :mod:`core.scripts.casting`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, get_args

from core.types import CameraMove, DoubleKind, Framing, SceneName

MAX_ROLES = 4
MAX_SHOTS = 6
MIN_SHOT_SECONDS, MAX_SHOT_SECONDS = 1.0, 8.0
MIN_TOTAL_SECONDS, MAX_TOTAL_SECONDS = 2.0, 15.0
MAX_LINE_CHARS = 200
MAX_TITLE_CHARS = 80
MAX_DESCRIPTION_CHARS = 500
# Fast but natural speech: ~3 words/s in space-separated scripts, ~5 characters/s in Chinese
# and Japanese. A line needing more time than its shot would be cut off or gabbled.
WORDS_PER_SECOND = 3.0
CJK_CHARS_PER_SECOND = 5.0
SCRIPT_FORMAT_VERSION = 1

ALL_KINDS: tuple[DoubleKind, ...] = get_args(DoubleKind)
# Roles parsed from "@handles" are named after them, so role names follow the handle alphabet.
_ROLE_NAME = re.compile(r"[a-z0-9_]{2,24}")
# "@name" not preceded by a Latin letter or digit, so "bob@example.com" is not a mention, while
# Chinese text may run straight into one ("看着@maya").
MENTION = re.compile(r"(?<![A-Za-z0-9_.@])@([A-Za-z0-9_]+)")
# Bidi embeddings/overrides/isolates can make text read differently than it is stored
# (a classic spoofing trick); ordinary RTL text needs none of them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class ScriptError(ValueError):
    """A script, cast or restriction problem, with a message the user can act on."""


@dataclass(frozen=True)
class Role:
    """A part in a script, e.g. ``lead`` (person only) or ``buddy`` (person or pet)."""

    name: str
    allowed_kinds: tuple[DoubleKind, ...] = ALL_KINDS
    description: str = ""


@dataclass(frozen=True)
class DialogueLine:
    """One spoken line; ``role`` is the speaking role's name (without "@")."""

    role: str
    text: str


@dataclass(frozen=True)
class Shot:
    """One continuous shot; ``description`` refers to roles as ``@name``."""

    framing: Framing
    camera: CameraMove
    duration: float
    description: str
    dialogue: tuple[DialogueLine, ...] = ()
    scene: SceneName = "living_room"


@dataclass(frozen=True)
class Script:
    """A short multi-shot story with named roles."""

    title: str
    roles: tuple[Role, ...]
    shots: tuple[Shot, ...] = field(default_factory=tuple)

    @property
    def duration(self) -> float:
        """Total length in seconds."""
        return sum(shot.duration for shot in self.shots)

    def mentioned_roles(self) -> tuple[str, ...]:
        """Role names used in shot descriptions (``@name``) or as speakers, in first-use order."""
        seen: dict[str, None] = {}
        for shot in self.shots:
            for name in mentions_in(shot.description):
                seen.setdefault(name, None)
            for line in shot.dialogue:
                seen.setdefault(line.role, None)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe dict (for freezing a copy of the script into the database)."""
        return {
            "version": SCRIPT_FORMAT_VERSION,
            "title": self.title,
            "roles": [
                {
                    "name": r.name,
                    "allowed_kinds": list(r.allowed_kinds),
                    "description": r.description,
                }
                for r in self.roles
            ],
            "shots": [
                {
                    "framing": s.framing,
                    "camera": s.camera,
                    "duration": s.duration,
                    "description": s.description,
                    "dialogue": [{"role": d.role, "text": d.text} for d in s.dialogue],
                    "scene": s.scene,
                }
                for s in self.shots
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Script:
        """Rebuild a script written by ``to_dict`` (not validated; call ``validate_script``).

        Raises:
            ScriptError: A key is missing or has the wrong type.
        """
        try:
            return cls(
                title=str(data["title"]),
                roles=tuple(
                    Role(
                        name=str(r["name"]),
                        allowed_kinds=tuple(r.get("allowed_kinds", ALL_KINDS)),
                        description=str(r.get("description", "")),
                    )
                    for r in data["roles"]
                ),
                shots=tuple(
                    Shot(
                        framing=s["framing"],
                        camera=s.get("camera", "static"),
                        duration=float(s["duration"]),
                        description=str(s["description"]),
                        dialogue=tuple(
                            DialogueLine(role=str(d["role"]), text=str(d["text"]))
                            for d in s.get("dialogue", ())
                        ),
                        scene=s.get("scene", "living_room"),
                    )
                    for s in data["shots"]
                ),
            )
        except KeyError as missing:
            raise ScriptError(f"The saved script is missing the field {missing}.") from missing
        except (TypeError, ValueError, AttributeError) as bad:
            raise ScriptError(f"The saved script is malformed: {bad}.") from bad


def mentions_in(text: str) -> tuple[str, ...]:
    """Role or handle names mentioned as ``@name`` in ``text``, lowercased, in order."""
    return tuple(match.lower() for match in MENTION.findall(text))


def speaking_seconds(text: str) -> float:
    """Roughly how long ``text`` takes to say at a brisk pace.

    Chinese/Japanese characters count one by one; other text counts words that hold a letter or
    digit (so emoji add no time).
    """
    cjk_chars = sum(1 for char in text if _is_cjk(char))
    spaced = "".join(" " if _is_cjk(char) else char for char in text)
    words = sum(1 for token in spaced.split() if any(char.isalnum() for char in token))
    return words / WORDS_PER_SECOND + cjk_chars / CJK_CHARS_PER_SECOND


def _is_cjk(char: str) -> bool:
    return (
        "\u3040" <= char <= "\u30ff"  # kana
        or "\u3400" <= char <= "\u9fff"  # CJK ideographs
        or "\uf900" <= char <= "\ufaff"
        or "\U00020000" <= char <= "\U0002fa1f"
    )


def clean_text(text: str, *, where: str) -> str:
    """NFC-normalise, turn tabs/newlines into spaces, collapse runs of spaces, refuse controls.

    Raises:
        ScriptError: The text holds an invisible control character.
    """
    text = unicodedata.normalize("NFC", text)
    for char in text:
        if char in "\t\n\r":
            continue
        if unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS:
            raise ScriptError(
                f"{where} contains an invisible control character (U+{ord(char):04X}); remove it."
            )
    return " ".join(text.split())


def validate_script(script: Script) -> Script:
    """Check a script against the product limits and return a cleaned copy.

    Args:
        script: The script to check.

    Returns:
        The same script with whitespace normalised.

    Raises:
        ScriptError: With a message naming the problem, e.g. "Shot 3 mentions @bob, but the
            script has no role bob".
    """
    title = clean_text(script.title, where="The title")
    if not title:
        raise ScriptError("The script needs a title.")
    if len(title) > MAX_TITLE_CHARS:
        raise ScriptError(f"The title is {len(title)} characters; the limit is {MAX_TITLE_CHARS}.")
    roles = _validate_roles(script.roles)
    role_names = {role.name for role in roles}
    shots = _validate_shot_count(script.shots)
    cleaned = tuple(
        _validate_shot(shot, number, role_names) for number, shot in enumerate(shots, start=1)
    )
    total = sum(shot.duration for shot in cleaned)
    if total > MAX_TOTAL_SECONDS + 1e-6:
        raise ScriptError(
            f"The script is {total:g} s long; the limit is {MAX_TOTAL_SECONDS:g} s. "
            "Shorten or remove a shot."
        )
    if total < MIN_TOTAL_SECONDS - 1e-6:
        raise ScriptError(
            f"The script is {total:g} s long; it must last at least {MIN_TOTAL_SECONDS:g} s."
        )
    return Script(title=title, roles=roles, shots=cleaned)


def _validate_roles(roles: tuple[Role, ...]) -> tuple[Role, ...]:
    if not 1 <= len(roles) <= MAX_ROLES:
        raise ScriptError(f"A script has 1 to {MAX_ROLES} roles; this one has {len(roles)}.")
    names: set[str] = set()
    cleaned = []
    for role in roles:
        if not _ROLE_NAME.fullmatch(role.name):
            raise ScriptError(
                f"The role name '{role.name}' is not allowed: use 2–24 characters of a–z, "
                "0–9 and _."
            )
        if role.name in names:
            raise ScriptError(f"The role '{role.name}' is declared twice; role names must differ.")
        names.add(role.name)
        unknown = [kind for kind in role.allowed_kinds if kind not in ALL_KINDS]
        if unknown or not role.allowed_kinds:
            raise ScriptError(
                f"The role '{role.name}' must accept one or more of {', '.join(ALL_KINDS)}."
            )
        description = clean_text(role.description, where=f"The role '{role.name}'")
        cleaned.append(
            replace(role, allowed_kinds=tuple(role.allowed_kinds), description=description)
        )
    return tuple(cleaned)


def _validate_shot_count(shots: tuple[Shot, ...]) -> tuple[Shot, ...]:
    if not shots:
        raise ScriptError("The script has no shots; add at least one.")
    if len(shots) > MAX_SHOTS:
        raise ScriptError(f"The script has {len(shots)} shots; the limit is {MAX_SHOTS}.")
    return shots


def _validate_shot(shot: Shot, number: int, role_names: set[str]) -> Shot:
    label = f"Shot {number}"
    if shot.framing not in get_args(Framing):
        raise ScriptError(
            f"{label} has the framing '{shot.framing}'; choose one of "
            f"{', '.join(get_args(Framing))}."
        )
    if shot.camera not in get_args(CameraMove):
        raise ScriptError(
            f"{label} has the camera move '{shot.camera}'; choose one of "
            f"{', '.join(get_args(CameraMove))}."
        )
    if shot.scene not in get_args(SceneName):
        raise ScriptError(
            f"{label} uses the scene '{shot.scene}', which does not exist; choose one of "
            f"{', '.join(get_args(SceneName))}."
        )
    duration = float(shot.duration)
    if not math.isfinite(duration) or not MIN_SHOT_SECONDS <= duration <= MAX_SHOT_SECONDS:
        raise ScriptError(
            f"{label} lasts {duration:g} s; a shot lasts {MIN_SHOT_SECONDS:g} to "
            f"{MAX_SHOT_SECONDS:g} s."
        )
    description = clean_text(shot.description, where=f"{label}'s description")
    if not description:
        raise ScriptError(f"{label} needs a description of what happens.")
    if len(description) > MAX_DESCRIPTION_CHARS:
        raise ScriptError(
            f"{label}'s description is {len(description)} characters; the limit is "
            f"{MAX_DESCRIPTION_CHARS}."
        )
    for name in mentions_in(description):
        if name not in role_names:
            raise ScriptError(f"{label} mentions @{name}, but the script has no role {name}.")
    dialogue = tuple(_validate_line(line, label, role_names) for line in shot.dialogue)
    needed = sum(speaking_seconds(line.text) for line in dialogue)
    if needed > duration + 1e-6:
        raise ScriptError(
            f"{label}'s dialogue needs about {needed:.1f} s to say, but the shot lasts "
            f"{duration:g} s. Shorten the line or lengthen the shot."
        )
    return replace(shot, duration=duration, description=description, dialogue=dialogue)


def _validate_line(line: DialogueLine, label: str, role_names: set[str]) -> DialogueLine:
    speaker = line.role.removeprefix("@").lower()
    if speaker not in role_names:
        raise ScriptError(
            f"{label} gives a line to @{speaker}, but the script has no role {speaker}."
        )
    text = clean_text(line.text, where=f"{label}'s line for @{speaker}")
    if not text:
        raise ScriptError(f"{label} has an empty line for @{speaker}; write what they say.")
    if len(text) > MAX_LINE_CHARS:
        raise ScriptError(
            f"{label}'s line for @{speaker} is {len(text)} characters; the limit is "
            f"{MAX_LINE_CHARS}."
        )
    return DialogueLine(role=speaker, text=text)
