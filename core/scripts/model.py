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

from core.sentences import Sentence, sentence
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


# What a double is, as a message names it ("@rex is a pet"); the web layer translates these.
KIND_NAMES: dict[str, Sentence] = {
    "person": sentence("scripts.kind_person", "person"),
    "pet": sentence("scripts.kind_pet", "pet"),
    "object": sentence("scripts.kind_object", "object"),
    "character": sentence("scripts.kind_character", "character"),
}


def kind_name(kind: str) -> Sentence | str:
    """A double kind as a message says it (translatable); an unknown kind as it is."""
    return KIND_NAMES.get(kind, kind)


def kinds_either(kinds: tuple[str, ...] | list[str]) -> Sentence | str:
    """Kinds as "person or pet" (in the reader's language, through the web layer)."""
    if len(kinds) <= 1:
        return kind_name(kinds[0]) if kinds else ""
    return sentence(
        "scripts.kinds_or", "{others} or {last}", others=kinds_either(kinds[:-1]),
        last=kind_name(kinds[-1]),
    )  # fmt: skip


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
            raise ScriptError(sentence(
                "scripts.saved_missing_field", "The saved script is missing the field {field}.",
                field=str(missing),
            )) from missing  # fmt: skip
        except (TypeError, ValueError, AttributeError) as bad:
            raise ScriptError(sentence(
                "scripts.saved_malformed", "The saved script is malformed: {problem}.",
                problem=str(bad),
            )) from bad  # fmt: skip


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
            raise ScriptError(sentence(
                "scripts.control_character",
                "{where} contains an invisible control character (U+{code}); remove it.",
                where=where, code=f"{ord(char):04X}",
            ))  # fmt: skip
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
    title = clean_text(script.title, where=sentence("scripts.where_title", "The title"))
    if not title:
        raise ScriptError(sentence("scripts.no_title", "The script needs a title."))
    if len(title) > MAX_TITLE_CHARS:
        raise ScriptError(sentence(
            "scripts.title_too_long", "The title is {length} characters; the limit is {limit}.",
            length=len(title), limit=MAX_TITLE_CHARS,
        ))  # fmt: skip
    roles = _validate_roles(script.roles)
    role_names = {role.name for role in roles}
    shots = _validate_shot_count(script.shots)
    cleaned = tuple(
        _validate_shot(shot, number, role_names) for number, shot in enumerate(shots, start=1)
    )
    total = sum(shot.duration for shot in cleaned)
    if total > MAX_TOTAL_SECONDS + 1e-6:
        raise ScriptError(sentence(
            "scripts.too_long",
            "The script is {seconds} s long; the limit is {limit} s. Shorten or remove a shot.",
            seconds=f"{total:g}", limit=f"{MAX_TOTAL_SECONDS:g}",
        ))  # fmt: skip
    if total < MIN_TOTAL_SECONDS - 1e-6:
        raise ScriptError(sentence(
            "scripts.too_short", "The script is {seconds} s long; it must last at least {limit} s.",
            seconds=f"{total:g}", limit=f"{MIN_TOTAL_SECONDS:g}",
        ))  # fmt: skip
    return Script(title=title, roles=roles, shots=cleaned)


def _validate_roles(roles: tuple[Role, ...]) -> tuple[Role, ...]:
    if not 1 <= len(roles) <= MAX_ROLES:
        raise ScriptError(sentence(
            "scripts.role_count", "A script has 1 to {limit} roles; this one has {count}.",
            limit=MAX_ROLES, count=len(roles),
        ))  # fmt: skip
    names: set[str] = set()
    cleaned = []
    for role in roles:
        if not _ROLE_NAME.fullmatch(role.name):
            raise ScriptError(sentence(
                "scripts.role_name_not_allowed",
                "The role name '{role}' is not allowed: use 2–24 characters of a–z, 0–9 and _.",
                role=role.name,
            ))  # fmt: skip
        if role.name in names:
            raise ScriptError(sentence(
                "scripts.role_twice",
                "The role '{role}' is declared twice; role names must differ.", role=role.name,
            ))  # fmt: skip
        names.add(role.name)
        unknown = [kind for kind in role.allowed_kinds if kind not in ALL_KINDS]
        if unknown or not role.allowed_kinds:
            raise ScriptError(sentence(
                "scripts.role_kinds", "The role '{role}' must accept one or more of {kinds}.",
                role=role.name, kinds=", ".join(ALL_KINDS),
            ))  # fmt: skip
        where = sentence("scripts.where_role", "The role '{role}'", role=role.name)
        description = clean_text(role.description, where=where)
        cleaned.append(
            replace(role, allowed_kinds=tuple(role.allowed_kinds), description=description)
        )
    return tuple(cleaned)


def _validate_shot_count(shots: tuple[Shot, ...]) -> tuple[Shot, ...]:
    if not shots:
        raise ScriptError(
            sentence("scripts.no_shots", "The script has no shots; add at least one.")
        )
    if len(shots) > MAX_SHOTS:
        raise ScriptError(sentence(
            "scripts.too_many_shots", "The script has {count} shots; the limit is {limit}.",
            count=len(shots), limit=MAX_SHOTS,
        ))  # fmt: skip
    return shots


def _validate_shot(shot: Shot, number: int, role_names: set[str]) -> Shot:
    if shot.framing not in get_args(Framing):
        raise ScriptError(sentence(
            "scripts.bad_framing",
            "Shot {number} has the framing '{framing}'; choose one of {choices}.",
            number=number, framing=shot.framing, choices=", ".join(get_args(Framing)),
        ))  # fmt: skip
    if shot.camera not in get_args(CameraMove):
        raise ScriptError(sentence(
            "scripts.bad_camera",
            "Shot {number} has the camera move '{camera}'; choose one of {choices}.",
            number=number, camera=shot.camera, choices=", ".join(get_args(CameraMove)),
        ))  # fmt: skip
    if shot.scene not in get_args(SceneName):
        raise ScriptError(sentence(
            "scripts.bad_scene",
            "Shot {number} uses the scene '{scene}', which does not exist; "
            "choose one of {choices}.",
            number=number, scene=shot.scene, choices=", ".join(get_args(SceneName)),
        ))  # fmt: skip
    duration = float(shot.duration)
    if not math.isfinite(duration) or not MIN_SHOT_SECONDS <= duration <= MAX_SHOT_SECONDS:
        raise ScriptError(sentence(
            "scripts.shot_length",
            "Shot {number} lasts {seconds} s; a shot lasts {low} to {high} s.",
            number=number, seconds=f"{duration:g}", low=f"{MIN_SHOT_SECONDS:g}",
            high=f"{MAX_SHOT_SECONDS:g}",
        ))  # fmt: skip
    where = sentence("scripts.where_description", "Shot {number}'s description", number=number)
    description = clean_text(shot.description, where=where)
    if not description:
        raise ScriptError(sentence(
            "scripts.no_description", "Shot {number} needs a description of what happens.",
            number=number,
        ))  # fmt: skip
    if len(description) > MAX_DESCRIPTION_CHARS:
        raise ScriptError(sentence(
            "scripts.description_too_long",
            "Shot {number}'s description is {length} characters; the limit is {limit}.",
            number=number, length=len(description), limit=MAX_DESCRIPTION_CHARS,
        ))  # fmt: skip
    for name in mentions_in(description):
        if name not in role_names:
            raise ScriptError(sentence(
                "scripts.unknown_mention",
                "Shot {number} mentions @{name}, but the script has no role {name}.",
                number=number, name=name,
            ))  # fmt: skip
    dialogue = tuple(_validate_line(line, number, role_names) for line in shot.dialogue)
    needed = sum(speaking_seconds(line.text) for line in dialogue)
    if needed > duration + 1e-6:
        raise ScriptError(sentence(
            "scripts.dialogue_too_long",
            "Shot {number}'s dialogue needs about {needed} s to say, but the shot lasts "
            "{seconds} s. Shorten the line or lengthen the shot.",
            number=number, needed=f"{needed:.1f}", seconds=f"{duration:g}",
        ))  # fmt: skip
    return replace(shot, duration=duration, description=description, dialogue=dialogue)


def _validate_line(line: DialogueLine, number: int, role_names: set[str]) -> DialogueLine:
    speaker = line.role.removeprefix("@").lower()
    if speaker not in role_names:
        raise ScriptError(sentence(
            "scripts.unknown_speaker",
            "Shot {number} gives a line to @{speaker}, but the script has no role {speaker}.",
            number=number, speaker=speaker,
        ))  # fmt: skip
    where = sentence(
        "scripts.where_line", "Shot {number}'s line for @{speaker}", number=number, speaker=speaker
    )
    text = clean_text(line.text, where=where)
    if not text:
        raise ScriptError(sentence(
            "scripts.empty_line",
            "Shot {number} has an empty line for @{speaker}; write what they say.",
            number=number, speaker=speaker,
        ))  # fmt: skip
    if len(text) > MAX_LINE_CHARS:
        raise ScriptError(sentence(
            "scripts.line_too_long",
            "Shot {number}'s line for @{speaker} is {length} characters; the limit is {limit}.",
            number=number, speaker=speaker, length=len(text), limit=MAX_LINE_CHARS,
        ))  # fmt: skip
    return DialogueLine(role=speaker, text=text)
