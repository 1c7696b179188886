"""A registration in progress and what the "My doubles" tab makes of it between steps.

Owns the draft kept in the browser session (``Draft``), the consent statement shown
(``StatementShown``), the photo types accepted, the checks shown next to the fields before the
slow steps run (``validate_reference``, ``validate_create``), the quality report, the statement
as Markdown and the consent answers the server checks. The tab's layout and its wiring are in
``webapp.ui.doubles``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr
import numpy as np
from PIL import Image

from core import consent
from core.reference.analysis import ReferenceAnalysis
from webapp.doubles import ConsentAnswers, ReferenceUpload
from webapp.i18n import say, text
from webapp.ui.text import as_markdown_text

PHOTO_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}


@dataclass(frozen=True, eq=False)
class Draft:
    """A registration in progress, kept server-side in this browser session only."""

    analysis: ReferenceAnalysis
    upload: ReferenceUpload


@dataclass(frozen=True)
class StatementShown:
    """Which consent statement the page shows: the server checks it is the current one for this
    language before it records that the person agreed to it."""

    language: str
    version: str
    sha256: str


def validate_reference(
    _token: Any, kind: str, video: str | None, photos: list[str] | None, voice: str | None,
    ui_language: str | None = "en",
) -> list[dict[str, Any]]:  # fmt: skip
    """Shown next to the fields, all at once, before the slow analysis starts."""
    photo_names = [Path(p).name for p in photos or [] if Path(p).suffix.lower() not in PHOTO_TYPES]
    has_reference = bool(video) or bool(photos)
    photo_problem = text("doubles.photo_types", ui_language, names=", ".join(photo_names))
    return [
        gr.validate(True, ""),
        gr.validate(True, ""),
        gr.validate(has_reference, text("doubles.add_reference", ui_language)),
        gr.validate(not photo_names, photo_problem),
        gr.validate(True, ""),
        gr.validate(True, ""),
    ]


def validate_create(
    _token: Any, draft: Any, code: str | None, handle: str, _display_name: str,
    _description: str, _visibility: str, _restrictions: str, age: bool, ownership: bool,
    agreed: bool, _shown: Any, recording: str | None, _code_language: str = "en",
    ui_language: str | None = "en",
) -> list[dict[str, Any]]:  # fmt: skip
    """Every missing answer at once, each next to its field, kept until it is put right; the
    server checks all of it again (and the live check) when the button is pressed."""
    try:
        consent.normalise_handle(handle)
        handle_problem = ""
    except consent.ConsentError as error:
        handle_problem = say(error, ui_language)
    kind = draft.analysis.kind if isinstance(draft, Draft) else "person"
    if not code:
        recording_problem = consent.consent_text("challenge_missing", ui_language)
    else:
        recording_problem = (
            "" if recording else text("doubles.record_code_first_short", ui_language)
        )
    ok = gr.validate(True, "")
    return [
        ok, ok, ok,
        gr.validate(not handle_problem, handle_problem),
        ok, ok, ok, ok,
        gr.validate(bool(age), consent.consent_text("must_confirm_age", ui_language)),
        gr.validate(bool(ownership),
                    consent.consent_text(f"must_confirm_ownership.{kind}", ui_language)),
        gr.validate(bool(agreed), consent.consent_text("must_agree_statement", ui_language)),
        ok,
        gr.validate(not recording_problem, recording_problem),
        ok,  # the language the code is read in: always one of the offered choices
        ok,  # the page's language
    ]  # fmt: skip


def _report_text(analysis: ReferenceAnalysis, ui_language: str | None) -> str:
    """The quality report: each check (its finding, with the numbers the analysis measured) and
    how the double will move, in the page's language."""
    passed, failed = (
        text("doubles.check_passed", ui_language),
        text("doubles.check_failed", ui_language),
    )
    lines = [f"**{passed if check.passed else failed}** · "
             f"{as_markdown_text(say(check.message, ui_language))}"
             for check in analysis.checks]  # fmt: skip
    sprite = text(
        "doubles.sprite_made" if analysis.sprite_bytes else "doubles.photo_only", ui_language
    )
    return "\n\n".join([*lines, sprite])


def _statement(kind: str, ui_language: str | None) -> tuple[str, StatementShown]:
    """The statement for this kind in the page's language, as Markdown, and what was shown."""
    language = consent.consent_language(ui_language)
    version = consent.statement_version(language)
    body = as_markdown_text(consent.statement_text(kind, language))  # type: ignore[arg-type]
    heading = consent.consent_text("statement.heading", language).format(version=version)
    markdown = f"**{heading}**\n\n> " + body.replace("\n", "\n> ")
    sha = consent.statement_sha256(kind, language)  # type: ignore[arg-type]
    return markdown, StatementShown(language, version, sha)


def _consent_answers(
    age: bool, ownership: bool, agreed: bool, shown: StatementShown | None,
    ui_language: str | None,
) -> ConsentAnswers:  # fmt: skip
    """What the person ticked, for the statement the page showed them (checked by the
    service); with none shown, the page's language and no statement, which the service refuses."""
    if shown is None:
        language = consent.consent_language(ui_language)
        return ConsentAnswers(age, ownership, agreed, "", language, "")
    return ConsentAnswers(age, ownership, agreed, shown.version, shown.language, shown.sha256)


def _png_to_array(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGB"))
