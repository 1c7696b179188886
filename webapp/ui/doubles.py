"""The "My doubles" tab: its components, and registering a double step by step.

Managing the doubles you already have (select, save, hear, revoke, delete) is in
``webapp.ui.double_editing``; the draft a registration carries between steps, the checks shown
next to its fields and the quality report are in ``webapp.ui.double_draft``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from core import consent
from core.reference.analysis import ReferenceInputs
from core.voice.digits import CODE_LANGUAGE_NAMES
from webapp.auth import AuthService
from webapp.doubles import (
    DoubleError,
    DoubleService,
    DoubleSettings,
    ReferenceUpload,
    kind_choices,
    visibility_choices,
)
from webapp.grants import GrantService
from webapp.i18n import choice_labels, label, say, text
from webapp.media import MediaFiles
from webapp.ui import grants as grants_ui
from webapp.ui.double_draft import (
    PHOTO_TYPES,
    Draft,
    StatementShown,
    _consent_answers,
    _png_to_array,
    _report_text,
    _statement,
    validate_create,
    validate_reference,
)
from webapp.ui.double_editing import (
    clip_voice_player,
    double_gallery_item,
    listen_editing,
    restrictions_preview,
)
from webapp.ui.page_js import scroll_into_view
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import MEDIA_BUTTONS, as_markdown_text, ui_error

# The language a live code is read in, for each page language (core.voice.digits' codes).
CODE_LANGUAGE_OF_PAGE = {"en": "en", "zh-CN": "zh", "id": "id", "ca": "ca"}


@dataclass
class DoublesComponents:
    signed_out_markdown: gr.Markdown
    signed_in_column: gr.Column
    doubles_gallery: gr.Gallery
    doubles_empty_markdown: gr.Markdown
    double_ids: gr.State
    selected_double_id: gr.State
    edit_column: gr.Column
    edit_title_markdown: gr.Markdown
    edit_handle_textbox: gr.Textbox
    edit_display_name_textbox: gr.Textbox
    edit_description_textbox: gr.Textbox
    edit_visibility_radio: gr.Radio
    edit_restrictions_textbox: gr.Textbox
    edit_voice_button: gr.Button
    edit_voice_audio: gr.Audio
    edit_save_button: gr.Button
    edit_revoke_button: gr.Button
    edit_delete_checkbox: gr.Checkbox
    edit_delete_button: gr.Button
    edit_grants: grants_ui.GrantsComponents
    kind_radio: gr.Radio
    reference_video: gr.Video
    reference_photos: gr.File
    voice_clip: gr.Audio
    analyze_button: gr.Button
    analysis_status_markdown: gr.Markdown
    draft: gr.State
    report_column: gr.Column
    report_markdown: gr.Markdown
    preview_image: gr.Image
    draft_voice_button: gr.Button
    draft_voice_audio: gr.Audio
    handle_textbox: gr.Textbox
    display_name_textbox: gr.Textbox
    description_textbox: gr.Textbox
    visibility_radio: gr.Radio
    restrictions_textbox: gr.Textbox
    statement_markdown: gr.Markdown
    statement_shown: gr.State  # StatementShown: the statement on the page, checked at creation
    age_checkbox: gr.Checkbox
    ownership_checkbox: gr.Checkbox
    statement_checkbox: gr.Checkbox
    get_code_button: gr.Button
    code_markdown: gr.Markdown
    code: gr.State
    code_language_dropdown: gr.Dropdown
    challenge_video: gr.Video
    create_button: gr.Button
    result_markdown: gr.Markdown
    first_clip_button: gr.Button  # wired by the Studio: opens it with a one-role preset cast
    new_double_handle: gr.State


def render() -> DoublesComponents:
    signed_out_markdown = gr.Markdown(label("doubles.signed_out"))
    with gr.Column(visible=False) as signed_in_column:
        gr.Markdown(label("doubles.your_doubles_heading"))
        doubles_empty_markdown = gr.Markdown(label("doubles.empty"), elem_classes=["empty-state"])
        doubles_gallery = gr.Gallery(
            label=label("doubles.gallery"), columns=6, height=220,
            object_fit="contain", allow_preview=False, preview=False, visible=False,
            elem_id="doubles-gallery", buttons=["fullscreen"],
        )  # fmt: skip
        double_ids, selected_double_id = gr.State([]), gr.State(None)
        with gr.Column(visible=False, variant="panel") as edit_column:
            edit_title_markdown = gr.Markdown()
            with gr.Row():
                edit_handle_textbox = gr.Textbox(label=label("doubles.handle"), max_length=40)
                edit_display_name_textbox = gr.Textbox(
                    label=label("doubles.display_name"), max_length=128
                )
            edit_description_textbox = gr.Textbox(
                label=label("doubles.description"), max_length=400
            )
            edit_visibility_radio = gr.Radio(
                choice_labels(visibility_choices(), "visibility"),
                label=label("doubles.who_may_cast"),
            )
            edit_restrictions_textbox = gr.Textbox(
                label=label("doubles.restrictions"),
                placeholder="e.g. no violence; no alcohol",
                max_length=600,
            )
            with gr.Row(equal_height=False):
                edit_voice_button = gr.Button(label("doubles.hear_voice"), elem_id="hear-voice")
                edit_voice_audio = gr.Audio(
                    label=label("doubles.clip_voice_audio"),
                    type="numpy", interactive=False, visible=False, elem_id="clip-voice",
                    buttons=MEDIA_BUTTONS,
                )  # fmt: skip
            with gr.Row():
                edit_save_button = gr.Button(label("doubles.save"), variant="primary")
                edit_revoke_button = gr.Button(label("doubles.revoke"), variant="secondary")
            with gr.Row():
                edit_delete_checkbox = gr.Checkbox(label=label("doubles.delete_confirm"))
                edit_delete_button = gr.Button(label("doubles.delete"), variant="stop")
            edit_grants = grants_ui.render()

        gr.Markdown(label("doubles.register_heading"))
        gr.Markdown(label("doubles.step_reference"))
        kind_radio = gr.Radio(
            choice_labels(kind_choices(), "kind"), value="person", label=label("doubles.kind")
        )
        with gr.Row(equal_height=False):
            reference_video = gr.Video(
                label=label("doubles.reference_video"),
                sources=["upload", "webcam"], include_audio=True, elem_id="reference-video",
                height=360,
            )  # fmt: skip
            with gr.Column():
                reference_photos = gr.File(
                    label=label("doubles.reference_photos"),
                    file_count="multiple", file_types=list(PHOTO_TYPES), elem_id="reference-photos",
                )  # fmt: skip
                voice_clip = gr.Audio(
                    label=label("doubles.voice_clip"),
                    sources=["upload", "microphone"], type="filepath", buttons=MEDIA_BUTTONS,
                )  # fmt: skip
        analyze_button = gr.Button(
            label("doubles.check_reference"), variant="primary", elem_id="analyze"
        )
        analysis_status_markdown = gr.Markdown(elem_id="analysis-status")
        draft = gr.State(None)

        with gr.Column(visible=False) as report_column:
            gr.Markdown(label("doubles.step_report"))
            with gr.Row(equal_height=False):
                preview_image = gr.Image(
                    label=label("doubles.detected"), interactive=False, height=320,
                    buttons=[*MEDIA_BUTTONS, "fullscreen"],
                )  # fmt: skip
                report_markdown = gr.Markdown(elem_id="quality-report")
            with gr.Row(equal_height=False):
                draft_voice_button = gr.Button(
                    label("doubles.hear_draft_voice"), visible=False,
                    elem_id="hear-draft-voice",
                )  # fmt: skip
                draft_voice_audio = gr.Audio(
                    label=label("doubles.draft_voice_audio"),
                    type="numpy", interactive=False, visible=False, elem_id="draft-voice",
                    buttons=MEDIA_BUTTONS,
                )  # fmt: skip
            gr.Markdown(label("doubles.step_consent"))
            with gr.Row():
                handle_textbox = gr.Textbox(
                    label=label("doubles.handle"), placeholder="maya", info="3–24: a–z, 0–9, _",
                    max_length=40, elem_id="new-handle",
                )  # fmt: skip
                display_name_textbox = gr.Textbox(
                    label=label("doubles.display_name"), max_length=128
                )
            description_textbox = gr.Textbox(
                label=label("doubles.description"),
                placeholder="a woman with short dark hair", max_length=400,
            )  # fmt: skip
            visibility_radio = gr.Radio(
                choice_labels(visibility_choices(), "visibility"),
                value="only_me",
                label=label("doubles.who_may_cast"),
                elem_id="new-visibility",
            )
            restrictions_textbox = gr.Textbox(
                label=label("doubles.restrictions_shown"),
                placeholder="e.g. no violence; no alcohol", max_length=600,
            )  # fmt: skip
            statement_markdown = gr.Markdown(elem_id="consent-statement")
            statement_shown = gr.State(None)
            age_checkbox = gr.Checkbox(label=label("consent.checkbox.age"), elem_id="consent-age")
            ownership_checkbox = gr.Checkbox(
                label=label("consent.checkbox.ownership.person"), elem_id="consent-ownership"
            )
            statement_checkbox = gr.Checkbox(
                label=label("consent.checkbox.statement"), elem_id="consent-statement-agree"
            )
            gr.Markdown(label("doubles.step_live_check"))
            code_language_dropdown = gr.Dropdown(
                label=label("doubles.code_language"),
                choices=[(name, code) for code, name in CODE_LANGUAGE_NAMES.items()],
                value="en", elem_id="code-language",
            )  # fmt: skip
            get_code_button = gr.Button(label("doubles.get_code"), elem_id="get-code")
            code_markdown = gr.Markdown(elem_id="challenge-code")
            code = gr.State(None)
            challenge_video = gr.Video(
                label=label("doubles.record_code"), sources=["webcam"],
                include_audio=True, elem_id="challenge-video",
                # Unmirrored: a mirrored recording would be re-encoded on the server for nothing.
                webcam_options=gr.WebcamOptions(mirror=False), height=360,
            )  # fmt: skip
            create_button = gr.Button(label("doubles.create"), variant="primary", elem_id="create")
        with gr.Column(elem_id="double-done"):
            result_markdown = gr.Markdown(elem_id="double-result")
            first_clip_button = gr.Button(
                label("doubles.first_clip"),
                variant="primary",
                visible=False,
                elem_id="first-clip",
            )
        new_double_handle = gr.State(None)
    return DoublesComponents(**{name: value for name, value in locals().items()})


def listen(
    ui: DoublesComponents,
    session: SessionComponents,
    auth: AuthService,
    service: DoubleService,
    media_files: MediaFiles,
    grants: GrantService,
    language: gr.Dropdown,
) -> None:
    list_outputs = [
        ui.signed_out_markdown, ui.signed_in_column, ui.doubles_gallery,
        ui.doubles_empty_markdown, ui.double_ids, ui.edit_column,
    ]  # fmt: skip

    def refresh(token: str | None, ui_language: str | None = "en") -> tuple[Any, ...]:
        user = auth.current_user(token)
        if user is None:
            return (gr.Markdown(visible=True), gr.Column(visible=False), gr.Gallery(value=[]),
                    gr.Markdown(), [], gr.Column(visible=False))  # fmt: skip
        records = service.list_mine(user)
        items = [double_gallery_item(media_files, user, record, ui_language) for record in records]
        return (gr.Markdown(visible=False), gr.Column(visible=True),
                gr.Gallery(value=items, visible=bool(items)),
                gr.Markdown(visible=not items), [r.id for r in records],
                gr.Column(visible=False))  # fmt: skip

    session.token.change(refresh, [session.token, language], list_outputs, api_visibility="private")

    def recaption(token: str | None, ui_language: str | None) -> Any:
        """The gallery's captions in the language just picked (nothing else on the tab moves)."""
        user = auth.current_user(token)
        if user is None:
            return gr.skip()
        records = service.list_mine(user)
        return gr.Gallery(value=[double_gallery_item(media_files, user, r, ui_language)
                                 for r in records])  # fmt: skip

    language.change(
        recaption, [session.token, language], [ui.doubles_gallery], api_visibility="private",
        show_progress="hidden",
    )  # fmt: skip

    def analyze(
        token: str | None, kind: str, video: str | None, photos: list[str] | None,
        voice: str | None, ui_language: str | None = "en",
        progress: gr.Progress = gr.Progress(),  # noqa: B008 - Gradio's idiom
    ) -> tuple[Any, ...]:  # fmt: skip
        user = require_user(auth, token, ui_language)
        photo_paths = [Path(p) for p in photos or []]
        for path in photo_paths:
            if path.suffix.lower() not in PHOTO_TYPES:
                raise ui_error(text("doubles.photo_types", ui_language, names=path.name))
        inputs = ReferenceInputs(
            kind=kind,  # type: ignore[arg-type]
            video_path=Path(video) if video else None,
            photos=tuple(path.read_bytes() for path in photo_paths),
            voice_path=Path(voice) if voice else None,
        )
        try:
            analysis = service.analyze(
                user, inputs, lambda stage, done: progress(done, desc=say(stage, ui_language))
            )
        except DoubleError as error:
            title = text("doubles.reference_not_usable_title", ui_language)
            raise ui_error(say(error, ui_language), title=title) from None
        upload = ReferenceUpload(
            video_path=inputs.video_path,
            photos=tuple((p.read_bytes(), PHOTO_TYPES[p.suffix.lower()]) for p in photo_paths),
        )
        ownership_label = label(f"consent.checkbox.ownership.{analysis.kind}")
        statement_markdown, shown = _statement(analysis.kind, ui_language)
        return (
            Draft(analysis, upload), gr.Column(visible=True), _report_text(analysis, ui_language),
            _png_to_array(analysis.preview_png), statement_markdown, shown,
            gr.Checkbox(label=ownership_label, value=False),
            gr.Video(sources=["webcam"] if analysis.kind == "person" else ["webcam", "upload"]),
            None, "", "", text("doubles.reference_checked", ui_language),
            gr.Button(visible=analysis.has_voice), gr.Audio(value=None, visible=False),
        )  # fmt: skip

    ui.analyze_button.click(
        analyze,
        [session.token, ui.kind_radio, ui.reference_video, ui.reference_photos, ui.voice_clip,
         language],
        [ui.draft, ui.report_column, ui.report_markdown, ui.preview_image, ui.statement_markdown,
         ui.statement_shown, ui.ownership_checkbox, ui.challenge_video, ui.code, ui.code_markdown,
         ui.result_markdown, ui.analysis_status_markdown, ui.draft_voice_button,
         ui.draft_voice_audio],
        api_name="analyze_reference", concurrency_limit=2, concurrency_id="analysis",
        validator=validate_reference,
        show_progress_on=[ui.analysis_status_markdown],
    )  # fmt: skip

    def restate(draft: Draft | None, ui_language: str | None) -> tuple[Any, Any, Any]:
        """The statement in the language just picked: the one the person now agrees to, so an
        earlier "I agree" (to the statement in another language) is cleared."""
        if draft is None:
            return gr.skip(), gr.skip(), gr.skip()
        statement_markdown, shown = _statement(draft.analysis.kind, ui_language)
        return statement_markdown, shown, False

    language.change(
        restate, [ui.draft, language],
        [ui.statement_markdown, ui.statement_shown, ui.statement_checkbox],
        api_visibility="private", show_progress="hidden",
    )  # fmt: skip

    def code_language_for(ui_language: str | None) -> str:
        """The code is read in the page's language unless the person picks another."""
        return CODE_LANGUAGE_OF_PAGE.get(consent.consent_language(ui_language), "en")

    language.change(
        code_language_for, [language], [ui.code_language_dropdown], api_visibility="private",
        show_progress="hidden",
    )  # fmt: skip

    def hear_draft_voice(
        token: str | None, draft: Draft | None, ui_language: str | None = "en"
    ) -> Any:
        require_user(auth, token, ui_language)
        if draft is None:
            raise ui_error(text("doubles.check_reference_first", ui_language))
        return clip_voice_player(service.draft_voice_preview(draft.analysis), ui_language)

    ui.draft_voice_button.click(
        hear_draft_voice, [session.token, ui.draft, language], [ui.draft_voice_audio],
        api_name="preview_draft_voice", concurrency_limit=2, concurrency_id="analysis",
    )  # fmt: skip

    def get_code(
        token: str | None, draft: Draft | None, ui_language: str | None = "en"
    ) -> tuple[str, str]:
        user = require_user(auth, token, ui_language)
        if draft is None:
            raise ui_error(text("doubles.check_reference_first", ui_language))
        issued = service.issue_challenge(user)
        spaced = " ".join(issued.code)
        expires = f"{issued.expires_at:%H:%M}"
        return issued.code, text("doubles.code_instructions", ui_language, code=spaced,
                                 time=expires)  # fmt: skip

    ui.get_code_button.click(
        get_code, [session.token, ui.draft, language], [ui.code, ui.code_markdown],
        api_name="get_code",
    )  # fmt: skip

    def create(
        token: str | None, draft: Draft | None, code: str | None, handle: str, display_name: str,
        description: str, visibility: str, restrictions: str, age: bool, ownership: bool,
        agreed: bool, shown: StatementShown | None, recording: str | None,
        code_language: str = "en", ui_language: str | None = "en",
        progress: gr.Progress = gr.Progress(),  # noqa: B008 - Gradio's idiom
    ) -> tuple[Any, ...]:  # fmt: skip
        user = require_user(auth, token, ui_language)
        if draft is None:
            raise ui_error(text("doubles.check_reference_first", ui_language))
        if not recording:
            raise ui_error(text("doubles.record_code_first", ui_language))
        try:
            record = service.register(
                user, draft.analysis,
                DoubleSettings(handle, display_name, description, visibility, restrictions),
                _consent_answers(age, ownership, agreed, shown, ui_language),
                code=code or "", recording=Path(recording), upload=draft.upload,
                progress=lambda stage, done: progress(done, desc=say(stage, ui_language)),
                code_language=code_language or "en",
            )  # fmt: skip
        except DoubleError as error:
            title = text("doubles.not_created_title", ui_language)
            raise ui_error(say(error, ui_language), title=title) from None
        message = text("doubles.ready", ui_language, handle=as_markdown_text(record.handle))
        if record.has_voice:
            message += " " + text("doubles.ready_with_voice", ui_language)
        message += restrictions_preview(record.restrictions, ui_language)
        cleared = (None, None, None, "", "", "", "", False, False, False, None, "")
        return (None, None, "", gr.Column(visible=False), message, *refresh(token, ui_language),
                *cleared,
                record.handle, gr.Button(visible=True))  # fmt: skip

    ui.create_button.click(
        create,
        [session.token, ui.draft, ui.code, ui.handle_textbox, ui.display_name_textbox,
         ui.description_textbox, ui.visibility_radio, ui.restrictions_textbox, ui.age_checkbox,
         ui.ownership_checkbox, ui.statement_checkbox, ui.statement_shown, ui.challenge_video,
         ui.code_language_dropdown, language],
        [ui.draft, ui.code, ui.code_markdown, ui.report_column, ui.result_markdown, *list_outputs,
         ui.reference_video, ui.reference_photos, ui.voice_clip, ui.handle_textbox,
         ui.display_name_textbox, ui.description_textbox, ui.restrictions_textbox,
         ui.age_checkbox, ui.ownership_checkbox, ui.statement_checkbox, ui.challenge_video,
         ui.analysis_status_markdown, ui.new_double_handle, ui.first_clip_button],
        api_name="create_double", concurrency_limit=2, concurrency_id="analysis",
        validator=validate_create,
        # Progress and errors show on the result line only, so a failed check never covers
        # the "Get my code" button the person needs next.
        show_progress_on=[ui.result_markdown],
    ).success(None, js=scroll_into_view("double-done"))  # fmt: skip

    load_grants = grants_ui.listen(
        ui.edit_grants, session, auth, service, grants,
        selected_double_id=ui.selected_double_id, visibility_radio=ui.edit_visibility_radio,
        language=language,
    )  # fmt: skip
    listen_editing(ui, session, auth, service, refresh, list_outputs, load_grants, language)
