"""Preset templates: human-readable TOML scripts in ``assets/templates/``, validated at load.

Each file is written in English and carries its translations in ``[translations.<language>]``
tables (the consent languages: ``zh-CN``, ``id``, ``ca``): a title, a blurb and each role's
description by role name; for a language the renderer acts and speaks (:data:`SCRIPT_LANGUAGES`:
Chinese), also every shot's description and dialogue lines in order
(``[[translations.zh-CN.shots]]``). Role names, durations, framing, camera and scenes are the
English file's. :meth:`Template.in_language` gives the template in a page's language; whatever a
translation leaves out stays English.

The gallery thumbnails are drawn from a template by :mod:`core.scripts.template_cards`.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from core.consent import consent_language
from core.consent_wording import CONSENT_LANGUAGES
from core.scripts.model import (
    DialogueLine,
    Role,
    Script,
    ScriptError,
    Shot,
    mentions_in,
    validate_script,
)
from core.sentences import sentence

DEFAULT_TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "assets" / "templates"
THUMBNAILS_SUBDIR = "thumbs"
PREVIEWS_SUBDIR = "previews"


# The language the files are written in, and the languages whose shots the renderer acts (the
# action lexicon reads English and Chinese verbs) and whose lines an installed voice speaks; a
# translation into another language gives the title, blurb and role descriptions only.
TEMPLATE_LANGUAGE = "en"
SCRIPT_LANGUAGES = ("en", "zh-CN")
_TRANSLATION_KEYS = frozenset({"title", "blurb", "roles", "shots"})


class TemplateError(ScriptError):
    """A template file that cannot be loaded, or an unknown template id."""


@dataclass(frozen=True)
class ShotText:
    """A shot's words in one language: its description and its lines, in order."""

    description: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class TemplateText:
    """Everything a template says, in one language (checked at load, complete).

    Attributes:
        title: The title (the script's title too).
        blurb: One sentence for the gallery.
        roles: Each role's description, in the script's role order.
        shots: Each shot's description and lines, in order.
        script_language: The language the shots and lines are in: the text's own language when
            the renderer acts and speaks it, else English.
    """

    title: str
    blurb: str
    roles: tuple[str, ...]
    shots: tuple[ShotText, ...]
    script_language: str = TEMPLATE_LANGUAGE


@dataclass(frozen=True)
class Template:
    """A preset script for the studio gallery, in one language (English as loaded)."""

    id: str
    title: str
    blurb: str
    script: Script
    thumbnail: Path | None  # the gallery PNG, when it has been drawn
    # The animated gallery card (house characters acting it out), when it has been rendered by
    # ``python -m core.generation.previews``.
    preview: Path | None = None
    # The same acted out with voices, ambience and music: a small MP4 the Studio plays with
    # sound when the preset is chosen (``python -m core.generation.previews --with-sound``).
    # Rendered from the English script: its voices speak English in every language.
    sound_preview: Path | None = None
    # The language of the title, blurb and role descriptions, and the one the shots are acted
    # and the lines spoken in (English for a language the renderer does not act or speak).
    language: str = TEMPLATE_LANGUAGE
    script_language: str = TEMPLATE_LANGUAGE
    # Every language's words, English included (what :meth:`in_language` picks from).
    texts: tuple[tuple[str, TemplateText], ...] = field(default=(), repr=False, compare=False)

    @property
    def card(self) -> Path | None:
        """What the gallery shows: the animated preview, else the still thumbnail."""
        return self.preview or self.thumbnail

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages it can be shown in, English first."""
        return tuple(language for language, _ in self.texts) or (self.language,)

    def in_language(self, language: str | None) -> Template:
        """The template in a page's language: title, blurb, role descriptions and, where the
        renderer acts and speaks that language, the shots and lines.

        Args:
            language: A consent language ("zh-CN") or a browser's tag ("zh", "ca-ES"); an
                unknown language, or None, gives English.

        Returns:
            The same template (id, cast, timing, scenes, previews) in that language.
        """
        wanted = template_language(language)
        if wanted == self.language:
            return self
        texts = dict(self.texts)
        chosen = texts.get(wanted) or texts.get(TEMPLATE_LANGUAGE)
        if chosen is None:
            return self
        return replace(
            self,
            title=chosen.title,
            blurb=chosen.blurb,
            script=_worded(self.script, chosen),
            language=wanted if wanted in texts else TEMPLATE_LANGUAGE,
            script_language=chosen.script_language,
        )


def template_language(language: str | None) -> str:
    """The template language for a page language: a consent language, English when unknown."""
    return consent_language(language)


def _worded(script: Script, text: TemplateText) -> Script:
    """``script`` with ``text``'s words; roles, timing, framing and scenes stay."""
    roles = tuple(
        replace(role, description=description)
        for role, description in zip(script.roles, text.roles, strict=True)
    )
    shots = tuple(
        replace(
            shot,
            description=words.description,
            dialogue=tuple(
                replace(line, text=spoken)
                for line, spoken in zip(shot.dialogue, words.lines, strict=True)
            ),
        )
        for shot, words in zip(script.shots, text.shots, strict=True)
    )
    return replace(script, title=text.title, roles=roles, shots=shots)


def load_templates(folder: Path = DEFAULT_TEMPLATES_DIR) -> list[Template]:
    """Load and validate every ``*.toml`` template in a folder, sorted by id.

    Args:
        folder: The templates folder.

    Returns:
        The templates (a new list each call; the parsed files are cached per folder).

    Raises:
        TemplateError: A file is not valid TOML, misses a field or breaks a script rule (the
            message names the file), two files share an id, or the folder has no templates.
    """
    return list(_load_folder(Path(folder).resolve()))


def get_template(template_id: str, folder: Path = DEFAULT_TEMPLATES_DIR) -> Template:
    """Find one template by id.

    Raises:
        TemplateError: No template has that id.
    """
    for template in load_templates(folder):
        if template.id == template_id:
            return template
    raise TemplateError(
        sentence("templates.unknown", "There is no template '{template}'.", template=template_id)
    )


def english_title(title: str, folder: Path = DEFAULT_TEMPLATES_DIR) -> str | None:
    """The English title of the preset called ``title`` in any of its languages, else None
    (what keys a preset's own settings, such as its music mood, whatever language it is in)."""
    return _english_titles(Path(folder).resolve()).get(title)


@functools.cache
def _english_titles(folder: Path) -> dict[str, str]:
    return {
        text.title: template.title
        for template in _load_folder(folder)
        for _, text in template.texts
    }


@functools.cache
def _load_folder(folder: Path) -> tuple[Template, ...]:
    # Templates ship with the app and do not change while it runs, so parse each folder once.
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise TemplateError(f"No templates (*.toml) found in {folder}.")
    templates = [_load_file(path) for path in files]
    seen: set[str] = set()
    for template in templates:
        if template.id in seen:
            raise TemplateError(f"Two templates have the id '{template.id}'.")
        seen.add(template.id)
    return tuple(templates)


def _load_file(path: Path) -> Template:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(f"{path.name}: not valid TOML ({error}).") from error
    try:
        template_id = str(data["id"])
        script = Script(
            title=str(data["title"]),
            roles=tuple(_role(entry) for entry in data["roles"]),
            shots=tuple(_shot(entry) for entry in data["shots"]),
        )
        blurb = str(data["blurb"])
    except KeyError as missing:
        raise TemplateError(f"{path.name}: the field {missing} is missing.") from missing
    except (TypeError, AttributeError) as bad:
        raise TemplateError(f"{path.name}: a field has the wrong type ({bad}).") from bad
    if template_id != path.stem:
        raise TemplateError(f"{path.name}: the id '{template_id}' must match the file name.")
    try:
        script = validate_script(script)
    except ScriptError as error:
        raise TemplateError(f"{path.name}: {error}") from error
    if not any(shot.dialogue for shot in script.shots):
        raise TemplateError(f"{path.name}: a template needs at least one line of dialogue.")
    english = _text_of(script, blurb.strip(), TEMPLATE_LANGUAGE)
    texts = {TEMPLATE_LANGUAGE: english}
    translations = data.get("translations", {})
    if not isinstance(translations, Mapping):
        raise TemplateError(f"{path.name}: 'translations' must be a table of languages.")
    for language, entry in translations.items():
        texts[language] = _translation(path.name, script, english, language, entry)
    thumbnail = path.parent / THUMBNAILS_SUBDIR / f"{template_id}.png"
    preview = path.parent / PREVIEWS_SUBDIR / f"{template_id}.webp"
    sound_preview = preview.with_suffix(".mp4")
    return Template(
        id=template_id,
        title=script.title,
        blurb=english.blurb,
        script=script,
        thumbnail=thumbnail if thumbnail.is_file() else None,
        preview=preview if preview.is_file() else None,
        sound_preview=sound_preview if sound_preview.is_file() else None,
        texts=tuple(texts.items()),
    )


def _text_of(script: Script, blurb: str, script_language: str) -> TemplateText:
    return TemplateText(
        title=script.title,
        blurb=blurb,
        roles=tuple(role.description for role in script.roles),
        shots=tuple(
            ShotText(shot.description, tuple(line.text for line in shot.dialogue))
            for shot in script.shots
        ),
        script_language=script_language,
    )


def _translation(
    file: str, script: Script, english: TemplateText, language: str, entry: Any
) -> TemplateText:
    """One ``[translations.<language>]`` table, completed with English and checked: the
    translated script must pass the same rules and mention the same roles in every shot."""
    where = f"{file}: translations.{language}"
    if language not in CONSENT_LANGUAGES or language == TEMPLATE_LANGUAGE:
        known = ", ".join(lang for lang in CONSENT_LANGUAGES if lang != TEMPLATE_LANGUAGE)
        raise TemplateError(f"{where}: not a language the app offers ({known}).")
    if not isinstance(entry, Mapping):
        raise TemplateError(f"{where} must be a table.")
    unknown = sorted(set(entry) - _TRANSLATION_KEYS)
    if unknown:
        raise TemplateError(f"{where}: unknown field '{unknown[0]}'.")
    role_words = entry.get("roles", {})
    names = [role.name for role in script.roles]
    if not isinstance(role_words, Mapping) or set(role_words) - set(names):
        strange = sorted(set(role_words) - set(names)) if isinstance(role_words, Mapping) else []
        raise TemplateError(
            f"{where}: 'roles' gives descriptions by role name ({', '.join(names)})"
            + (f"; there is no role '{strange[0]}'." if strange else ".")
        )
    shots = entry.get("shots")
    if shots is not None and language not in SCRIPT_LANGUAGES:
        raise TemplateError(
            f"{where}: shots can only be translated into a language the renderer acts and "
            f"speaks ({', '.join(SCRIPT_LANGUAGES)}); leave them in English."
        )
    try:
        shot_words = english.shots if shots is None else _shot_words(where, script, shots)
        translated = replace(
            english,
            title=str(entry.get("title", english.title)).strip(),
            blurb=str(entry.get("blurb", english.blurb)).strip(),
            roles=tuple(
                str(role_words.get(name, description))
                for name, description in zip(names, english.roles, strict=True)
            ),
            shots=shot_words,
            script_language=TEMPLATE_LANGUAGE if shots is None else language,
        )
        worded = validate_script(_worded(script, translated))
    except TemplateError:
        raise  # already names the file and the language
    except ScriptError as error:
        raise TemplateError(f"{where}: {error}") from error
    except (TypeError, AttributeError, KeyError) as bad:
        raise TemplateError(f"{where}: a field has the wrong type ({bad}).") from bad
    for number, (ours, theirs) in enumerate(zip(script.shots, worded.shots, strict=True), 1):
        if set(mentions_in(ours.description)) != set(mentions_in(theirs.description)):
            raise TemplateError(
                f"{where}: shot {number} must mention the same roles as the English one "
                f"({', '.join('@' + name for name in mentions_in(ours.description))})."
            )
    return _text_of(worded, translated.blurb, translated.script_language)


def _shot_words(where: str, script: Script, shots: Any) -> tuple[ShotText, ...]:
    if len(shots) != len(script.shots):
        raise TemplateError(
            f"{where}: {len(shots)} shots, but the script has {len(script.shots)}: translate "
            "every shot, in order."
        )
    words = []
    for number, (shot, entry) in enumerate(zip(script.shots, shots, strict=True), 1):
        lines = tuple(str(line) for line in entry.get("dialogue", ()))
        if len(lines) != len(shot.dialogue):
            raise TemplateError(
                f"{where}: shot {number} has {len(lines)} lines, but the English one has "
                f"{len(shot.dialogue)}: translate each line, in order (the speakers stay)."
            )
        words.append(ShotText(str(entry["description"]), lines))
    return tuple(words)


def _role(entry: Mapping[str, Any]) -> Role:
    return Role(
        name=str(entry["name"]),
        allowed_kinds=tuple(entry["kinds"]),
        description=str(entry.get("description", "")),
    )


def _shot(entry: Mapping[str, Any]) -> Shot:
    return Shot(
        framing=entry["framing"],
        camera=entry.get("camera", "static"),
        duration=float(entry["duration"]),
        description=str(entry["description"]),
        dialogue=tuple(
            DialogueLine(role=str(line["role"]), text=str(line["text"]))
            for line in entry.get("dialogue", ())
        ),
        scene=entry["scene"],
    )
