"""The Studio tab: pick a template (or write a script), cast doubles into its roles, render."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from core.acting.house import HOUSE_LABEL
from core.acting.timeline import build_timeline
from core.scripts.model import Script, ScriptError
from core.scripts.parser import parse_script
from core.scripts.templates import Template
from core.voice.languages import unvoiced_lines
from webapp.auth import AuthService, CurrentUser
from webapp.clips import (
    CLIP_AUDIENCE_PHRASES,
    CLIP_VISIBILITY_LABELS,
    CastableDouble,
    ClipError,
    ClipRecord,
    ClipService,
)
from webapp.i18n import choice_labels, label
from webapp.media import MediaFiles
from webapp.render_queue import DELAYED_MESSAGE, RenderQueue
from webapp.ui.page_js import scroll_into_view
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import MEDIA_BUTTONS, as_markdown_text, ui_error

MAX_ROLES = 4
FOLLOWERS = 32  # browsers following their clip's progress at once (rendering is the workers')
FOLLOW_POLL_SECONDS = 0.5
NOBODY = "(choose a double)"
NOBODY_FITS = (
    "No {kinds} double is available to you yet: register one in My doubles, "
    "or ask a friend to share theirs."
)
SCRIPT_HELP = (
    "Write shots like `Shot 1: wide, @maya at the window. Shot 2 (3s): close-up, @maya says "
    '"I did it!"` or `镜头一，@maya 在窗前。镜头二，特写，@maya 说“成功了”`. '
    "Use the @handles of your doubles; up to 6 shots and 15 s."
)


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
        value=[(str(t.card), _template_caption(t)) for t in templates if t.card],
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
        gr.Markdown(SCRIPT_HELP)
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
            label="Your clip", show_label=False, interactive=False, elem_id="clip-video",
            buttons=MEDIA_BUTTONS,
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
) -> None:
    shown = [t for t in templates if t.card]
    by_id = {t.id: t for t in templates}

    def choose_template(token: str | None, event: gr.SelectData) -> tuple[Any, ...]:
        return _template_view(shown[event.index], _castable(auth, clips, token))

    ui.template_gallery.select(
        choose_template, [session.token],
        [ui.script, ui.template_id, ui.template_markdown, ui.template_preview, ui.star_row,
         ui.star_role_radio, *ui.role_dropdowns],
        api_visibility="private",
    )  # fmt: skip

    def follow(user: CurrentUser, clip: ClipRecord, progress: gr.Progress) -> Iterator[Any]:
        delayed = not workers.submit(clip.id)
        yield None, waiting_text(clip, delayed=delayed), clip.id, gr.Button(visible=True)
        for record in follow_clip_updates(clips, user, clip.id, progress):
            if not record.finished:
                yield gr.skip(), waiting_text(record, delayed=delayed), clip.id, gr.skip()
                continue
            yield (clip_file(media_files, user, record), clip_text(record), None,
                   gr.Button(visible=False))  # fmt: skip

    def star_in(
        token: str | None, template_id: str | None, role: str | None,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> Iterator[tuple[Any, ...]]:  # fmt: skip
        user = require_user(auth, token)
        template = by_id.get(template_id or "")
        if template is None:
            raise ui_error("Choose a preset script first.")
        try:
            clip = clips.star_in_template(user, template.script, template.id, role or None)
        except ClipError as error:
            raise ui_error(str(error), title="Clip not made") from None
        yield from follow(user, clip, progress)

    ui.star_button.click(
        star_in, [session.token, ui.template_id, ui.star_role_radio],
        [ui.clip_video, ui.clip_markdown, ui.clip_id, ui.cancel_button],
        api_name="star_in_template", concurrency_limit=FOLLOWERS,
        concurrency_id="render-follow", show_progress_on=[ui.clip_video],
        # The button sits at the top; progress and the clip appear below it: into view.
        js=scroll_into_view("clip-video"),
    )  # fmt: skip

    def use_script(token: str | None, text: str) -> tuple[Any, ...]:
        require_user(auth, token)
        try:
            parsed = parse_script(text)
            clips.check_dialogue(parsed.script)
        except (ScriptError, ClipError) as error:
            raise ui_error(str(error), title="Script not usable") from None
        doubles = _castable(auth, clips, token)
        by_handle = {double.handle: double for double in doubles}
        unknown = [handle for handle in parsed.handles if handle not in by_handle]
        if unknown:
            raise ui_error(
                f"@{unknown[0]} isn't one of the doubles you may cast"
                f" ({', '.join('@' + d.handle for d in doubles) or 'you have none yet'}).",
                title="Unknown @handle",
            )
        slots = _role_slots(parsed.script, doubles, preferred=by_handle)
        return (parsed.script, "", _script_summary(parsed.script, ""), _no_preview(), *slots)

    ui.use_script_button.click(
        use_script, [session.token, ui.script_textbox],
        [ui.script, ui.template_id, ui.template_markdown, ui.template_preview, *ui.role_dropdowns],
        api_name="use_script",
    )  # fmt: skip

    def generate(
        token: str | None, script: Script | None, template_id: str | None, seed: float | None,
        visibility: str, size: str, *picks: Any,
        progress: gr.Progress = gr.Progress(),  # noqa: B008
    ) -> Iterator[tuple[Any, ...]]:  # fmt: skip
        user = require_user(auth, token)
        if script is None:
            raise ui_error("Choose a preset script or write your own first.")
        cast = _picked_cast(script, picks)
        try:
            clip = clips.create(user, script, cast, seed=int(seed or 0), visibility=visibility,
                                template_id=template_id or None, size=size)  # fmt: skip
        except ClipError as error:
            raise ui_error(str(error), title="Clip not made") from None
        yield from follow(user, clip, progress)

    ui.generate_button.click(
        generate,
        [session.token, ui.script, ui.template_id, ui.seed_number, ui.visibility_radio,
         ui.size_radio, *ui.role_dropdowns],
        [ui.clip_video, ui.clip_markdown, ui.clip_id, ui.cancel_button],
        api_name="generate_clip", concurrency_limit=FOLLOWERS, concurrency_id="render-follow",
        show_progress_on=[ui.clip_video], js=scroll_into_view("clip-video"),
    )  # fmt: skip

    ui.cancel_button.click(
        lambda token, clip_id: cancel_text(auth, clips, token, clip_id),
        [session.token, ui.clip_id], [ui.cast_notes_markdown], api_name="cancel_clip",
    )  # fmt: skip

    def show_cast_notes(token: str | None, *picks: Any) -> str:
        return _cast_notes(_castable(auth, clips, token), picks)

    for dropdown in ui.role_dropdowns:
        dropdown.change(show_cast_notes, [session.token, *ui.role_dropdowns],
                        [ui.cast_notes_markdown], api_visibility="private")  # fmt: skip

    def refresh(token: str | None) -> Any:
        return gr.Markdown(visible=auth.current_user(token) is None)

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
) -> None:
    """ "Make your first clip": open the Studio with a one-role preset cast with the new double,
    so the next tap ("Star in this") makes the clip."""
    shown = [t for t in templates if t.thumbnail]

    def open_first_clip(token: str | None, handle: str | None) -> tuple[Any, ...]:
        user = require_user(auth, token)
        castable = clips.castable_doubles(user)
        own = [d for d in castable if d.is_own]
        newest = [d for d in own if d.handle == handle] or own
        found = first_clip_template(shown, newest)
        if found is None:
            raise ui_error("None of your doubles fits a one-role preset yet.", title="No preset")
        index, template = found
        kinds = template.script.roles[0].allowed_kinds
        lead = next(d for d in newest if d.kind in kinds)  # the double the preset was found for
        return (gr.Tabs(selected="studio"), gr.Gallery(selected_index=index),
                *_template_view(template, castable, lead))  # fmt: skip

    first_clip_button.click(
        open_first_clip, [session.token, new_double_handle],
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
    template: Template, castable: list[CastableDouble], lead: CastableDouble | None = None
) -> tuple[Any, ...]:
    """Script, summary, sound preview, "Star in this" row and role slots for a chosen preset."""
    roles = [role.name for role in template.script.roles]
    star = gr.Radio(choices=roles, value=roles[0], visible=len(roles) > 1)
    preferred = {roles[0]: lead} if lead is not None else None
    preview = (
        gr.Video(value=str(template.sound_preview), visible=True)
        if template.sound_preview is not None
        else _no_preview()
    )
    summary = _script_summary(template.script, template.blurb)
    if template.sound_preview is not None:
        summary += "\n\n🔊 " + PREVIEW_CAPTION
    return (template.script, template.id, summary,
            preview, gr.Row(visible=bool(castable)), star,
            *_role_slots(template.script, castable, preferred=preferred))  # fmt: skip


PREVIEW_CAPTION = "Watch and listen below: house characters act it out; then take a role."


def _no_preview() -> Any:
    return gr.Video(value=None, visible=False)


def follow_clip(
    clips: ClipService, user: CurrentUser, clip_id: int, progress: gr.Progress
) -> ClipRecord:
    """Report a queued clip's progress until it is done, failed or cancelled."""
    return list(follow_clip_updates(clips, user, clip_id, progress))[-1]


def follow_clip_updates(
    clips: ClipService, user: CurrentUser, clip_id: int, progress: gr.Progress
) -> Iterator[ClipRecord]:
    """Yield the clip each time its status changes, the last time finished; the progress bar
    follows every poll. The status line and the bar read from the same record, so the text
    never says "queued" while the bar shows the render's progress."""
    shown: tuple[str, int | None] | None = None
    while True:
        record = clips.get(user, clip_id)
        if record.finished:
            yield record
            return
        if record.status == "queued":
            ahead = record.queue_position or 0
            progress(0.0, desc=f"Waiting in line: {ahead} clip{'s' if ahead != 1 else ''} ahead")
        else:
            progress(record.progress, desc=record.status_message or "Rendering…")
        state = (record.status, record.queue_position)
        if state != shown:
            shown = state
            yield record
        time.sleep(FOLLOW_POLL_SECONDS)


def _cast_notes(doubles: list[CastableDouble], picks: tuple[Any, ...]) -> str:
    """What the owners of the picked doubles allow: restrictions (quoted) and audience."""
    by_handle = {f"@{d.handle}": d for d in doubles}
    notes = []
    for pick in dict.fromkeys(p for p in picks if p and p != NOBODY):
        double = by_handle.get(str(pick))
        if double is None:
            continue
        owner = (
            "yours" if double.is_own
            else "a house character: nobody's likeness" if double.is_house
            else f"shared by @{as_markdown_text(double.owner_username)}"
        )  # fmt: skip
        line = f"- **{pick}** ({owner})"
        if double.restrictions:
            line += f" — owner's restrictions: “{as_markdown_text(double.restrictions)}”"
        if not double.is_own and double.widest_clip_visibility != "everyone":
            audience = CLIP_AUDIENCE_PHRASES[double.widest_clip_visibility]
            line += f" — clips with it may be seen by {audience} at most"
        notes.append(line)
    return "\n".join(["**Cast notes**", *notes]) if notes else ""


def cancel_text(
    auth: AuthService, clips: ClipService, token: str | None, clip_id: int | None
) -> str:
    """Cancel the clip this browser is following; the answer says what happened."""
    user = require_user(auth, token)
    if clip_id is None:
        return "There is no clip rendering to cancel."
    try:
        record = clips.cancel(user, int(clip_id))
    except ClipError as error:
        return as_markdown_text(str(error))
    if record.status == "running":
        return "Stopping…"
    return as_markdown_text(record.status_message)


def waiting_text(clip: ClipRecord, *, delayed: bool = False) -> str:
    """The status line under the player while a clip is on its way, matching the bar."""
    title = as_markdown_text(clip.title)
    if delayed and clip.status == "queued":  # stored, but the broker is down: sent when back
        return f"**{title}**: {DELAYED_MESSAGE}"
    if clip.status == "running":
        state = "is being made (the bar shows how far)"
    else:
        ahead = clip.queue_position or 0
        state = "is waiting for its turn" + (
            f" ({ahead} clip{'s' if ahead != 1 else ''} ahead)" if ahead else ""
        )
    return f"**{title}** {state}. You can leave this page: it keeps going."


def _castable(auth: AuthService, clips: ClipService, token: str | None) -> list[CastableDouble]:
    user = auth.current_user(token)
    return [] if user is None else clips.castable_doubles(user)


def _role_slots(
    script: Script,
    doubles: list[CastableDouble],
    *,
    preferred: dict[str, CastableDouble] | None = None,
) -> list[Any]:
    """One dropdown per role, offering the doubles whose kind fits; own double pre-filled."""
    updates: list[Any] = []
    used: set[int] = set()
    for index in range(MAX_ROLES):
        if index >= len(script.roles):
            updates.append(gr.Dropdown(visible=False, choices=[NOBODY], value=NOBODY))
            continue
        role = script.roles[index]
        fitting = [d for d in doubles if d.kind in role.allowed_kinds]
        choices = [NOBODY] + [(_double_choice_label(d), f"@{d.handle}") for d in fitting]
        pick = (preferred or {}).get(role.name) or next(
            (d for d in fitting if d.id not in used), None
        )
        if pick is not None:
            used.add(pick.id)
        kinds = "/".join(role.allowed_kinds)
        updates.append(gr.Dropdown(
            visible=True, choices=choices, value=f"@{pick.handle}" if pick else NOBODY,
            label=f"{role.name} ({kinds})",
            info=role.description if fitting else NOBODY_FITS.format(kinds=kinds),
        ))  # fmt: skip
    return updates


def _double_choice_label(double: CastableDouble) -> str:
    # Dropdown labels are shown as plain text by Gradio: no Markdown escaping needed.
    if double.is_own:
        return f"@{double.handle} (yours)"
    if double.is_house:
        return f"@{double.handle}: {double.display_name}"
    return f"@{double.handle} (shared by @{double.owner_username})"


def _picked_cast(script: Script, picks: tuple[Any, ...]) -> dict[str, str]:
    """Role -> @handle as picked; the service resolves and checks every one on the server."""
    cast = {}
    for role, pick in zip(script.roles, picks, strict=False):
        if not pick or pick == NOBODY:
            raise ui_error(f"Choose a double for the role {role.name}.")
        cast[role.name] = str(pick).removeprefix("@")
    return cast


def _template_caption(template: Template) -> str:
    roles = len(template.script.roles)
    plural = "s" if roles > 1 else ""
    caption = f"{template.title} · {roles} role{plural} · {template.script.duration:g} s"
    # The animated card is acted by house characters (drawn by code), never by someone's double.
    return f"{caption} · preview: {HOUSE_LABEL}s" if template.preview else caption


def _script_summary(script: Script, blurb: str) -> str:
    roles = ", ".join(f"**{r.name}** ({'/'.join(r.allowed_kinds)})" for r in script.roles)
    shots = "\n".join(
        f"{number}. *{shot.framing}, {shot.camera}, {shot.duration:g} s* — "
        f"{as_markdown_text(shot.description)}"
        for number, shot in enumerate(script.shots, start=1)
    )
    summary = (f"### {as_markdown_text(script.title)}\n{as_markdown_text(blurb)}\n\n"
               f"Roles: {roles} · {script.duration:g} s\n\n{shots}")  # fmt: skip
    # Before anything renders: what the animation shows differently, or cannot show.
    notes = build_timeline(script).notes
    if notes:
        summary += "\n\n**How it will be acted**\n" + "\n".join(
            f"- {as_markdown_text(note)}" for note in notes
        )
    # ... and lines written in a language no installed voice speaks (Indonesian, Catalan).
    unvoiced = unvoiced_lines(
        (number, line.role, line.text)
        for number, shot in enumerate(script.shots, start=1)
        for line in shot.dialogue
    )
    if unvoiced:
        summary += "\n\n**How it will sound**\n" + "\n".join(
            f"- {as_markdown_text(note)}" for note in unvoiced
        )
    return summary


def clip_file(media_files: MediaFiles, user: CurrentUser, clip: ClipRecord) -> str | None:
    if clip.video_sha is None:
        return None
    return str(media_files.temporary_copy(user, clip.video_sha, f"costar-{clip.public_id}"))


def clip_text(clip: ClipRecord) -> str:
    if clip.status != "done":
        outcome = "was cancelled" if clip.status == "cancelled" else "could not be rendered"
        return (f"**{as_markdown_text(clip.title)}** {outcome}.\n\n"
                f"{as_markdown_text(clip.status_message)}")  # fmt: skip
    cast = ", ".join(f"{role}: @{handle}" for role, handle in clip.cast.items())
    faces = clip.metrics.get("face_similarity") or {}
    voices = clip.metrics.get("voice_similarity") or {}
    checks = []
    for role in clip.cast:
        face, voice = faces.get(role), voices.get(role)
        face_text = "no face reference" if face is None else f"face {face:.2f}"
        voice_text = "no voice reference" if voice is None else f"voice {voice:.2f}"
        checks.append(f"- {role}: {face_text}, {voice_text}")
    # Blank lines between paragraphs: Markdown would otherwise run the title into the
    # "Identity check" line and the provenance line into the last list item.
    paragraphs = [
        f"**{as_markdown_text(clip.title)}** · {clip.duration or 0:.1f} s · {cast}",
        "Identity check (higher is closer to the reference; faces match above 0.40):\n"
        + "\n".join(checks),
        "Labelled *AI-generated*, watermarked with the clip id and signed (C2PA): "
        f"`{clip.public_id}`.",
    ]
    if clip.metrics.get("renderer"):
        paragraphs.append(f"Rendered by {as_markdown_text(str(clip.metrics['renderer']))}.")
    if clip.status_message:
        paragraphs.append(as_markdown_text(clip.status_message))
    return "\n\n".join(paragraphs)
