"""The Studio tab: pick a template (or write a script), cast doubles into its roles, render."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.scripts.model import Script, ScriptError
from core.scripts.parser import parse_script
from core.scripts.templates import TEMPLATE_LANGUAGE, Template
from webapp import i18n
from webapp.auth import AuthService, CurrentUser
from webapp.clips import (
    CLIP_AUDIENCE_PHRASES,
    CLIP_VISIBILITY_LABELS,
    CastableDouble,
    ClipError,
    ClipRecord,
    ClipService,
)
from webapp.i18n import choice_labels, label, say, text
from webapp.media import MediaFiles
from webapp.render_queue import RenderQueue
from webapp.ui.clip_progress import (
    FOLLOWERS,
    cancel_text,
    clip_file,
    clip_text,
    follow_clip_updates,
    waiting_text,
)
from webapp.ui.page_js import scroll_into_view
from webapp.ui.preset_text import _script_summary, gallery_items
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import MEDIA_BUTTONS, as_markdown_text, ui_error

MAX_ROLES = 4
NOBODY = "(choose a double)"  # the value of an empty role; shown as "studio.nobody"


@dataclass
class StudioComponents:
    signed_out_markdown: gr.Markdown
    template_gallery: gr.Gallery
    template_markdown: gr.Markdown
    template_preview: gr.Video
    star_row: gr.Row
    star_role_radio: gr.Radio
    star_button: gr.Button
    script_textbox: gr.Textbox
    use_script_button: gr.Button
    script: gr.State
    template_id: gr.Textbox
    role_dropdowns: list[gr.Dropdown]
    seed_number: gr.Number
    visibility_radio: gr.Radio
    size_radio: gr.Radio
    cast_notes_markdown: gr.Markdown
    generate_button: gr.Button
    cancel_button: gr.Button
    clip_id: gr.State
    clip_video: gr.Video
    clip_markdown: gr.Markdown


def render(templates: list[Template]) -> StudioComponents:
    signed_out_markdown = gr.Markdown(label("studio.signed_out"))
    template_gallery = gr.Gallery(
        value=gallery_items(templates),
        label=label("studio.presets"), columns=4, height="auto", allow_preview=False,
        elem_id="template-gallery",
    )  # fmt: skip
    template_markdown = gr.Markdown(label("studio.pick_preset"), elem_id="studio-preset")
    with gr.Row(visible=False, elem_id="star-row") as star_row:
        star_role_radio = gr.Radio(
            [], label=label("studio.your_role"), elem_id="star-role", scale=3
        )
        star_button = gr.Button(label("studio.star"), variant="primary", elem_id="star-in", scale=1)
    # Under "Star in this" (kept next to the summary, in view on a phone): the chosen preset
    # acted by house characters, with its voices, ambience and music.
    template_preview = gr.Video(
        # Named for screen readers, but no label drawn over the player: it would cover the
        # preview's burned-in "AI-generated" label (the summary above says what it is).
        label=label("studio.preset_preview"), show_label=False, visible=False, interactive=False,
        autoplay=False, elem_id="preset-preview", buttons=MEDIA_BUTTONS, height=256,
    )  # fmt: skip
    with gr.Accordion(label("studio.own_script"), open=False):
        gr.Markdown(label("studio.script_help"))
        script_textbox = gr.Textbox(label=label("studio.your_script"), lines=4, max_length=4000)
        use_script_button = gr.Button(label("studio.use_script"))
    script = gr.State(None)
    # A hidden textbox, not State, so API clients can name a preset too.
    template_id = gr.Textbox(visible=False, elem_id="template-id")
    gr.Markdown(label("studio.cast_heading"))
    with gr.Row():
        role_dropdowns = [
            gr.Dropdown(
                choices=[NOBODY],
                value=NOBODY,
                label=f"Role {index + 1}",
                visible=False,
                elem_id=f"role-{index}",
                # Wide enough for "(choose a double)"; on a phone the roles stack instead.
                min_width=220,
            )
            for index in range(MAX_ROLES)
        ]
    cast_notes_markdown = gr.Markdown(elem_id="cast-notes")
    with gr.Row():
        visibility_radio = gr.Radio(
            choice_labels([(name, value) for value, name in CLIP_VISIBILITY_LABELS.items()],
                          "visibility"),
            value="only_me", label=label("studio.who_can_see"), elem_id="clip-visibility",
            info=label("studio.who_can_see_info"),
        )  # fmt: skip
    with gr.Accordion(label("studio.more_options"), open=False, elem_id="clip-options"), gr.Row():
        size_radio = gr.Radio(
            [(str(label("studio.size_fast")), "832x480"),
             (str(label("studio.size_hd")), "1280x720")],
            value="832x480", label=label("studio.size"), elem_id="clip-size",
        )  # fmt: skip
        seed_number = gr.Number(label=label("studio.variation"), value=7, precision=0)
    with gr.Row():
        generate_button = gr.Button(label("studio.generate"), variant="primary", elem_id="generate")
        cancel_button = gr.Button(
            label("studio.cancel"), variant="stop", visible=False, elem_id="cancel"
        )
    clip_id = gr.State(None)
    with gr.Column(elem_id="clip-result"):
        gr.Markdown(label("studio.your_clip_heading"))
        # No label over the player: it would cover the clip's burned-in "AI-generated" label.
        clip_video = gr.Video(
            label=label("studio.clip_video"), show_label=False, interactive=False,
            elem_id="clip-video", buttons=MEDIA_BUTTONS,
        )  # fmt: skip
        clip_markdown = gr.Markdown(elem_id="clip-info")
    return StudioComponents(
        signed_out_markdown, template_gallery, template_markdown, template_preview, star_row,
        star_role_radio,
        star_button, script_textbox,
        use_script_button, script, template_id, role_dropdowns, seed_number, visibility_radio,
        size_radio, cast_notes_markdown, generate_button, cancel_button, clip_id, clip_video,
        clip_markdown,
    )  # fmt: skip


def listen(
    ui: StudioComponents,
    session: SessionComponents,
    auth: AuthService,
    clips: ClipService,
    workers: RenderQueue,
    media_files: MediaFiles,
    templates: list[Template],
    language: gr.Dropdown,
) -> None:
    """Wire the tab. Handlers read the page's language last, optional for API clients."""
    shown = [t for t in templates if t.card]
    by_id = {t.id: t for t in templates}

    def choose_template(
        token: str | None, lang: str | None, event: gr.SelectData
    ) -> tuple[Any, ...]:
        return _template_view(shown[event.index], _castable(auth, clips, token), language=lang)

    ui.template_gallery.select(
        choose_template, [session.token, language],
        [ui.script, ui.template_id, ui.template_markdown, ui.template_preview, ui.star_row,
         ui.star_role_radio, *ui.role_dropdowns],
        api_visibility="private",
    )  # fmt: skip

    def follow(
        user: CurrentUser, clip: ClipRecord, progress: gr.Progress, lang: str | None
    ) -> Iterator[Any]:
        delayed = not workers.submit(clip.id)
        waiting = waiting_text(clip, delayed=delayed, language=lang)
        yield None, waiting, clip.id, gr.Button(visible=True)
        for record in follow_clip_updates(clips, user, clip.id, progress, lang):
            if not record.finished:
                waiting = waiting_text(record, delayed=delayed, language=lang)
                yield gr.skip(), waiting, clip.id, gr.skip()
                continue
            yield (clip_file(media_files, user, record), clip_text(record, lang), None,
                   gr.Button(visible=False))  # fmt: skip

    def star_in(
        token: str | None, template_id: str | None, role: str | None, lang: str | None = "en",
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> Iterator[tuple[Any, ...]]:  # fmt: skip
        user = require_user(auth, token, lang)
        template = by_id.get(template_id or "")
        if template is None:
            raise ui_error(text("studio.choose_preset", lang))
        # The version the page shows: Chinese is acted and spoken in Chinese; the clip keeps
        # the preset's id whatever its language.
        template = template.in_language(lang)
        try:
            clip = clips.star_in_template(user, template.script, template.id, role or None)
        except ClipError as error:
            raise ui_error(say(error, lang), title=text("clips.not_made_title", lang)) from None
        yield from follow(user, clip, progress, lang)

    ui.star_button.click(
        star_in, [session.token, ui.template_id, ui.star_role_radio, language],
        [ui.clip_video, ui.clip_markdown, ui.clip_id, ui.cancel_button],
        api_name="star_in_template", concurrency_limit=FOLLOWERS,
        concurrency_id="render-follow", show_progress_on=[ui.clip_video],
        # The button sits at the top; progress and the clip appear below it: into view.
        js=scroll_into_view("clip-video"),
    )  # fmt: skip

    def use_script(token: str | None, text: str, lang: str | None = "en") -> tuple[Any, ...]:
        # ``text`` (the script) keeps its name: API clients may pass it by name.
        require_user(auth, token, lang)
        try:
            parsed = parse_script(text)
            clips.check_dialogue(parsed.script)
        except (ScriptError, ClipError) as error:
            raise ui_error(
                say(error, lang), title=i18n.text("studio.script_not_usable", lang)
            ) from None
        doubles = _castable(auth, clips, token)
        by_handle = {double.handle: double for double in doubles}
        unknown = [handle for handle in parsed.handles if handle not in by_handle]
        if unknown:
            castable = ", ".join("@" + d.handle for d in doubles) or i18n.text(
                "studio.none_yet", lang
            )
            raise ui_error(
                i18n.text("studio.unknown_handle", lang, handle=unknown[0], castable=castable),
                title=i18n.text("studio.unknown_handle_title", lang),
            )
        slots = _role_slots(parsed.script, doubles, preferred=by_handle, language=lang)
        summary = _script_summary(parsed.script, "", lang)
        return (parsed.script, "", summary, _no_preview(), *slots)

    ui.use_script_button.click(
        use_script, [session.token, ui.script_textbox, language],
        [ui.script, ui.template_id, ui.template_markdown, ui.template_preview, *ui.role_dropdowns],
        api_name="use_script",
    )  # fmt: skip

    def generate(
        token: str | None, script: Script | None, template_id: str | None, seed: float | None,
        visibility: str, size: str, *picks_and_language: Any,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> Iterator[tuple[Any, ...]]:  # fmt: skip
        # One pick per role slot, then the page's language (English for an API client).
        picks, lang = picks_and_language[:MAX_ROLES], (picks_and_language[MAX_ROLES:] or [None])[0]
        user = require_user(auth, token, lang)
        if script is None:
            raise ui_error(text("studio.choose_script", lang))
        cast = _picked_cast(script, picks, lang)
        try:
            clip = clips.create(user, script, cast, seed=int(seed or 0), visibility=visibility,
                                template_id=template_id or None, size=size)  # fmt: skip
        except ClipError as error:
            raise ui_error(say(error, lang), title=text("clips.not_made_title", lang)) from None
        yield from follow(user, clip, progress, lang)

    ui.generate_button.click(
        generate,
        [session.token, ui.script, ui.template_id, ui.seed_number, ui.visibility_radio,
         ui.size_radio, *ui.role_dropdowns, language],
        [ui.clip_video, ui.clip_markdown, ui.clip_id, ui.cancel_button],
        api_name="generate_clip", concurrency_limit=FOLLOWERS, concurrency_id="render-follow",
        show_progress_on=[ui.clip_video], js=scroll_into_view("clip-video"),
    )  # fmt: skip

    ui.cancel_button.click(
        lambda token, clip_id, lang="en": cancel_text(auth, clips, token, clip_id, lang),
        [session.token, ui.clip_id, language], [ui.cast_notes_markdown], api_name="cancel_clip",
    )  # fmt: skip

    def show_cast_notes(token: str | None, lang: str | None, *picks: Any) -> str:
        return _cast_notes(_castable(auth, clips, token), picks, lang)

    for dropdown in ui.role_dropdowns:
        dropdown.change(show_cast_notes, [session.token, language, *ui.role_dropdowns],
                        [ui.cast_notes_markdown], api_visibility="private")  # fmt: skip

    def refresh(token: str | None) -> Any:
        return gr.Markdown(visible=auth.current_user(token) is None)

    # The gallery's captions are written here: sent again in the language picked.
    language.change(
        lambda lang: gr.Gallery(value=gallery_items(templates, lang)), [language],
        [ui.template_gallery], api_visibility="private", show_progress="hidden",
    )  # fmt: skip

    session.token.change(refresh, [session.token], [ui.signed_out_markdown],
                         api_visibility="private")  # fmt: skip


def listen_first_clip(
    ui: StudioComponents,
    first_clip_button: gr.Button,
    new_double_handle: gr.State,
    tabs: gr.Tabs,
    session: SessionComponents,
    auth: AuthService,
    clips: ClipService,
    templates: list[Template],
    language: gr.Dropdown,
) -> None:
    """ "Make your first clip": open the Studio with a one-role preset cast with the new double,
    so the next tap ("Star in this") makes the clip."""
    shown = [t for t in templates if t.thumbnail]

    def open_first_clip(
        token: str | None, handle: str | None, lang: str | None = "en"
    ) -> tuple[Any, ...]:
        user = require_user(auth, token, lang)
        castable = clips.castable_doubles(user)
        own = [d for d in castable if d.is_own]
        newest = [d for d in own if d.handle == handle] or own
        found = first_clip_template(shown, newest)
        if found is None:
            raise ui_error(text("studio.no_preset_fits", lang),
                           title=text("studio.no_preset_title", lang))  # fmt: skip
        index, template = found
        kinds = template.script.roles[0].allowed_kinds
        lead = next(d for d in newest if d.kind in kinds)  # the double the preset was found for
        return (gr.Tabs(selected="studio"), gr.Gallery(selected_index=index),
                *_template_view(template, castable, lead, language=lang))  # fmt: skip

    first_clip_button.click(
        open_first_clip, [session.token, new_double_handle, language],
        [tabs, ui.template_gallery, ui.script, ui.template_id, ui.template_markdown,
         ui.template_preview, ui.star_row,
         ui.star_role_radio, *ui.role_dropdowns],
        api_visibility="private",
    ).success(None, js=scroll_into_view("studio-preset"))  # fmt: skip


def first_clip_template(
    templates: list[Template], doubles: list[CastableDouble]
) -> tuple[int, Template] | None:
    """The first one-role preset (and its place in the gallery) that the first of ``doubles``
    can play; another of them when the first fits none."""
    for double in doubles:
        for index, template in enumerate(templates):
            roles = template.script.roles
            if len(roles) == 1 and double.kind in roles[0].allowed_kinds:
                return index, template
    return None


def _template_view(
    template: Template,
    castable: list[CastableDouble],
    lead: CastableDouble | None = None,
    *,
    language: str | None = "en",
) -> tuple[Any, ...]:
    """Script, summary, sound preview, "Star in this" row and role slots for a chosen preset,
    in the page's language (its script too: what gets cast and rendered)."""
    template = template.in_language(language)
    roles = [role.name for role in template.script.roles]
    star = gr.Radio(choices=roles, value=roles[0], visible=len(roles) > 1)
    preferred = {roles[0]: lead} if lead is not None else None
    preview = (
        gr.Video(value=str(template.sound_preview), visible=True)
        if template.sound_preview is not None
        else _no_preview()
    )
    # Indonesian and Catalan: the words are translated, the shots and lines stay English.
    in_english = template.script_language != template.language
    summary = _script_summary(template.script, template.blurb, language, in_english=in_english)
    if template.sound_preview is not None:
        # The preview was rendered from the English script: say so where the clip won't be.
        english = template.script_language != TEMPLATE_LANGUAGE
        key = "studio.preview_caption_english" if english else "studio.preview_caption"
        summary += "\n\n" + text(key, language)  # no emoji: boxes without an emoji font
    return (template.script, template.id, summary,
            preview, gr.Row(visible=bool(castable)), star,
            *_role_slots(template.script, castable, preferred=preferred,
                         language=language))  # fmt: skip


def _no_preview() -> Any:
    return gr.Video(value=None, visible=False)


def _cast_notes(
    doubles: list[CastableDouble], picks: tuple[Any, ...], language: str | None = "en"
) -> str:
    """What the owners of the picked doubles allow: restrictions (quoted) and audience."""
    by_handle = {f"@{d.handle}": d for d in doubles}
    notes = []
    for pick in dict.fromkeys(p for p in picks if p and p != NOBODY):
        double = by_handle.get(str(pick))
        if double is None:
            continue
        owner = (
            text("studio.note_yours", language) if double.is_own
            else text("studio.note_house", language) if double.is_house
            else text("studio.note_shared", language,
                      owner=as_markdown_text(double.owner_username))
        )  # fmt: skip
        line = f"- **{pick}** ({owner})"
        if double.restrictions:
            restrictions = as_markdown_text(double.restrictions)
            line += " — " + text("studio.note_restrictions", language, restrictions=restrictions)
        widest = double.widest_clip_visibility
        if not double.is_own and widest != "everyone" and widest in CLIP_AUDIENCE_PHRASES:
            audience = text(f"audience.{widest}", language)
            line += " — " + text("studio.note_audience", language, audience=audience)
        notes.append(line)
    return "\n".join([text("studio.cast_notes", language), *notes]) if notes else ""


def _castable(auth: AuthService, clips: ClipService, token: str | None) -> list[CastableDouble]:
    user = auth.current_user(token)
    return [] if user is None else clips.castable_doubles(user)


def _role_slots(
    script: Script,
    doubles: list[CastableDouble],
    *,
    preferred: dict[str, CastableDouble] | None = None,
    language: str | None = "en",
) -> list[Any]:
    """One dropdown per role, offering the doubles whose kind fits; own double pre-filled."""
    updates: list[Any] = []
    used: set[int] = set()
    nobody = (text("studio.nobody", language), NOBODY)
    for index in range(MAX_ROLES):
        if index >= len(script.roles):
            updates.append(gr.Dropdown(visible=False, choices=[nobody], value=NOBODY))
            continue
        role = script.roles[index]
        fitting = [d for d in doubles if d.kind in role.allowed_kinds]
        choices = [nobody] + [(_double_choice_label(d, language), f"@{d.handle}")
                              for d in fitting]  # fmt: skip
        pick = (preferred or {}).get(role.name) or next(
            (d for d in fitting if d.id not in used), None
        )
        if pick is not None:
            used.add(pick.id)
        kinds = "/".join(role.allowed_kinds)
        updates.append(gr.Dropdown(
            visible=True, choices=choices, value=f"@{pick.handle}" if pick else NOBODY,
            label=f"{role.name} ({kinds})",
            info=role.description if fitting else text("studio.nobody_fits", language,
                                                       kinds=kinds),
        ))  # fmt: skip
    return updates


def _double_choice_label(double: CastableDouble, language: str | None = "en") -> str:
    # Dropdown labels are shown as plain text by Gradio: no Markdown escaping needed.
    if double.is_own:
        return text("studio.yours", language, handle=double.handle)
    if double.is_house:
        return f"@{double.handle}: {double.display_name}"
    return text("studio.shared_by", language, handle=double.handle, owner=double.owner_username)


def _picked_cast(
    script: Script, picks: tuple[Any, ...], language: str | None = "en"
) -> dict[str, str]:
    """Role -> @handle as picked; the service resolves and checks every one on the server."""
    cast = {}
    for role, pick in zip(script.roles, picks, strict=False):
        if not pick or pick == NOBODY:
            raise ui_error(text("studio.choose_double_for", language, role=role.name))
        cast[role.name] = str(pick).removeprefix("@")
    return cast
