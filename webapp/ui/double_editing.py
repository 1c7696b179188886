"""Managing the doubles you have, in the "My doubles" tab: select one in the gallery, change its
settings, hear its clip voice, revoke its consent or delete it.

The tab's components are built once by ``webapp.ui.doubles.render()``; registration there uses the
gallery item, the clip voice player and the restrictions preview from here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import gradio as gr
import numpy as np

from core import consent
from core.media.audio import Audio
from core.scripts.restrictions import describe_rules, understand_restrictions
from webapp.auth import AuthService, CurrentUser
from webapp.doubles import DoubleError, DoubleRecord, DoubleService, DoubleSettings
from webapp.i18n import say, text
from webapp.media import MediaFiles
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import as_markdown_text, ui_error

if TYPE_CHECKING:
    from webapp.ui.doubles import DoublesComponents


def listen_editing(
    ui: DoublesComponents, session: SessionComponents, auth: AuthService,
    service: DoubleService, refresh: Any, list_outputs: list[Any], load_grants: Any,
    language: gr.Dropdown,
) -> None:  # fmt: skip
    """Select one of your doubles in the gallery, then save its settings, hear its clip voice,
    revoke its consent or delete it."""
    edit_fields = [ui.edit_handle_textbox, ui.edit_display_name_textbox,
                   ui.edit_description_textbox, ui.edit_visibility_radio,
                   ui.edit_restrictions_textbox]  # fmt: skip

    def select(
        token: str | None, ids: list[int], ui_language: str | None, event: gr.SelectData
    ) -> tuple[Any, ...]:
        user = require_user(auth, token, ui_language)
        double_id = ids[event.index] if event.index < len(ids) else -1
        record = _find(service.list_mine(user), double_id, ui_language)
        return (record.id, gr.Column(visible=True), _edit_title(record, ui_language), record.handle,
                record.display_name, record.description, record.visibility,
                record.restrictions, False, gr.Button(visible=record.has_voice),
                gr.Audio(value=None, visible=False))  # fmt: skip

    ui.doubles_gallery.select(
        select, [session.token, ui.double_ids, language],
        [ui.selected_double_id, ui.edit_column, ui.edit_title_markdown, *edit_fields,
         ui.edit_delete_checkbox, ui.edit_voice_button, ui.edit_voice_audio],
        api_visibility="private",
    ).then(*load_grants, api_visibility="private")  # fmt: skip

    def save(
        token: str | None, double_id: int | None, handle: str, display_name: str,
        description: str, visibility: str, restrictions: str, ui_language: str | None = "en",
    ) -> str:  # fmt: skip
        user = require_user(auth, token, ui_language)
        settings = DoubleSettings(handle, display_name, description, visibility, restrictions)
        try:
            record = service.update_settings(user, _required(double_id, ui_language), settings)
        except DoubleError as error:
            title = text("doubles.not_saved_title", ui_language)
            raise ui_error(say(error, ui_language), title=title) from None
        saved = text("doubles.saved", ui_language)
        preview = restrictions_preview(record.restrictions, ui_language)
        return f"{_edit_title(record, ui_language)}\n\n{saved}{preview}"

    def retitle(token: str | None, double_id: int | None, ui_language: str | None) -> Any:
        """The selected double's title in the language just picked."""
        user = auth.current_user(token)
        if user is None or double_id is None:
            return gr.skip()
        record = next((r for r in service.list_mine(user) if r.id == double_id), None)
        return gr.skip() if record is None else _edit_title(record, ui_language)

    language.change(
        retitle, [session.token, ui.selected_double_id, language], [ui.edit_title_markdown],
        api_visibility="private", show_progress="hidden",
    )  # fmt: skip

    ui.edit_save_button.click(
        save, [session.token, ui.selected_double_id, *edit_fields, language],
        [ui.edit_title_markdown],
        api_name="update_double",
    ).success(*load_grants, api_visibility="private")  # fmt: skip

    def hear_voice(token: str | None, double_id: int | None, ui_language: str | None = "en") -> Any:
        user = require_user(auth, token, ui_language)
        try:
            speech = service.voice_preview(user, _required(double_id, ui_language))
        except DoubleError as error:
            title = text("doubles.voice_not_played_title", ui_language)
            raise ui_error(say(error, ui_language), title=title) from None
        return clip_voice_player(speech, ui_language)

    ui.edit_voice_button.click(
        hear_voice, [session.token, ui.selected_double_id, language], [ui.edit_voice_audio],
        api_name="preview_double_voice", concurrency_limit=2, concurrency_id="analysis",
    )  # fmt: skip

    def revoke(token: str | None, double_id: int | None, ui_language: str | None = "en") -> str:
        user = require_user(auth, token, ui_language)
        try:
            record = service.revoke(user, _required(double_id, ui_language))
        except DoubleError as error:
            title = text("doubles.not_revoked_title", ui_language)
            raise ui_error(say(error, ui_language), title=title) from None
        notice = consent.consent_text("double_revoked_notice", ui_language)
        return _edit_title(record, ui_language) + f"\n\n{notice}"

    ui.edit_revoke_button.click(
        revoke, [session.token, ui.selected_double_id, language], [ui.edit_title_markdown],
        api_name="revoke_double",
    )  # fmt: skip

    def delete(
        token: str | None, double_id: int | None, confirmed: bool, ui_language: str | None = "en"
    ) -> tuple[Any, ...]:
        user = require_user(auth, token, ui_language)
        if not confirmed:
            raise ui_error(text("doubles.confirm_delete", ui_language))
        try:
            service.delete(user, _required(double_id, ui_language))
        except DoubleError as error:
            title = text("doubles.not_deleted_title", ui_language)
            raise ui_error(say(error, ui_language), title=title) from None
        notice = consent.consent_text("double_deleted_notice", ui_language)
        return (None, notice, *refresh(token, ui_language))

    ui.edit_delete_button.click(
        delete, [session.token, ui.selected_double_id, ui.edit_delete_checkbox, language],
        [ui.selected_double_id, ui.result_markdown, *list_outputs], api_name="delete_double",
    )  # fmt: skip


def double_gallery_item(
    media_files: MediaFiles, user: CurrentUser, record: DoubleRecord, ui_language: str | None
) -> Any:
    """One of your doubles in the gallery: its portrait (a grey square without one), captioned in
    the page's language."""
    kind = text(f"doubles.caption.kind.{record.kind}", ui_language)
    visibility = text(f"doubles.caption.visibility.{record.visibility}", ui_language)
    caption = f"@{record.handle} · {kind} · {visibility}"
    if record.status != "active":
        caption += f" · {text(f'doubles.status.{record.status}', ui_language).upper()}"
    if record.portrait_sha is None:
        return (np.full((64, 64, 3), 200, dtype=np.uint8), caption)
    return (str(media_files.temporary_copy(user, record.portrait_sha, record.handle)), caption)


def clip_voice_player(speech: Audio | None, ui_language: str | None) -> Any:
    """The clip voice, playing at once; a clear message when there is none to play."""
    if speech is None:
        raise ui_error(text("doubles.no_clip_voice", ui_language),
                       title=text("doubles.no_clip_voice_title", ui_language))  # fmt: skip
    pcm = np.round(np.clip(speech.samples, -1.0, 1.0) * 32767).astype(np.int16)
    return gr.Audio(value=(speech.sample_rate, pcm), visible=True, autoplay=True)


def restrictions_preview(restrictions: str, ui_language: str | None) -> str:
    """How the owner's restrictions were understood, with examples of what they block."""
    lines = describe_rules(understand_restrictions(restrictions)) if restrictions.strip() else []
    if not lines:
        return ""
    heading = text("doubles.restrictions_preview", ui_language)
    return f"\n\n{heading}\n" + "\n".join(f"- {as_markdown_text(line)}" for line in lines)


def _edit_title(record: DoubleRecord, ui_language: str | None) -> str:
    voice = text("doubles.has_voice" if record.has_voice else "doubles.no_voice", ui_language)
    kind = text(f"doubles.caption.kind.{record.kind}", ui_language)
    status = ""
    if record.status != "active":
        status = f" · **{text(f'doubles.status.{record.status}', ui_language)}**"
    registered = text("doubles.registered_on", ui_language, date=f"{record.created_at:%Y-%m-%d}")
    return f"#### @{as_markdown_text(record.handle)} · {kind} · {voice}{status}\n{registered}"


def _find(records: list[DoubleRecord], double_id: int, ui_language: str | None) -> DoubleRecord:
    for record in records:
        if record.id == double_id:
            return record
    raise ui_error(text("doubles.no_longer_listed", ui_language))


def _required(double_id: int | None, ui_language: str | None) -> int:
    if double_id is None:
        raise ui_error(text("doubles.select_first", ui_language))
    return int(double_id)
