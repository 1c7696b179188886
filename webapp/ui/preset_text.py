"""What the Studio says about a preset or a script before anything renders: the gallery's
captions and the summary of its roles, shots, and how it will be acted and voiced."""

from __future__ import annotations

from typing import Any

from core.acting.timeline import build_timeline
from core.scripts.model import Script
from core.scripts.templates import Template
from core.voice.languages import unvoiced_lines
from webapp.i18n import say, text
from webapp.ui.text import as_markdown_text


def gallery_items(templates: list[Template], language: str | None = "en") -> list[Any]:
    """The preset gallery: each template's card with its caption in the page's language."""
    return [(str(t.card), template_caption(t, language)) for t in templates if t.card]


def template_caption(template: Template, language: str | None = "en") -> str:
    """A preset's title (in the page's language where it has one), roles and length."""
    template = template.in_language(language)
    roles = len(template.script.roles)
    key = "studio.caption_roles" if roles > 1 else "studio.caption_one_role"
    seconds = f"{template.script.duration:g}"
    caption = text(key, language, title=template.title, roles=roles, seconds=seconds)
    # The animated card is acted by house characters (drawn by code), never by someone's double.
    if template.preview:
        return text("studio.caption_preview", language, caption=caption)
    return caption


def _script_summary(
    script: Script, blurb: str, language: str | None = "en", *, in_english: bool = False
) -> str:
    def kinds(role: Any) -> str:
        return "/".join(text(f"studio.kind.{kind}", language) for kind in role.allowed_kinds)

    def how_filmed(shot: Any) -> str:
        return text("studio.shot_line", language,
                    framing=text(f"studio.framing.{shot.framing}", language),
                    camera=text(f"studio.camera.{shot.camera}", language),
                    seconds=f"{shot.duration:g}")  # fmt: skip

    roles = ", ".join(f"**{r.name}** ({kinds(r)})" for r in script.roles)
    shots = "\n".join(
        f"{number}. *{how_filmed(shot)}* — {as_markdown_text(shot.description)}"
        for number, shot in enumerate(script.shots, start=1)
    )
    length = text("studio.summary_roles", language, roles=roles, seconds=f"{script.duration:g}")
    # A translated preset acted in English says so under its blurb, before the English shots.
    spoken = f"\n\n{text('studio.acted_in_english', language)}" if in_english else ""
    summary = (f"### {as_markdown_text(script.title)}\n{as_markdown_text(blurb)}{spoken}\n\n"
               f"{length}\n\n{shots}")  # fmt: skip
    # Before anything renders: what the animation shows differently, or cannot show.
    notes = build_timeline(script).notes
    if notes:
        items = "\n".join(f"- {as_markdown_text(say(note, language))}" for note in notes)
        summary += f"\n\n{text('studio.how_acted', language)}\n{items}"
    # ... and lines written in a language no installed voice speaks (Indonesian, Catalan).
    unvoiced = unvoiced_lines(
        (number, line.role, line.text)
        for number, shot in enumerate(script.shots, start=1)
        for line in shot.dialogue
    )
    if unvoiced:
        items = "\n".join(f"- {as_markdown_text(say(note, language))}" for note in unvoiced)
        summary += f"\n\n{text('studio.how_sounds', language)}\n{items}"
    return summary
