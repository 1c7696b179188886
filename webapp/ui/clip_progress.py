"""Following a clip from the queue to the player: the status line and progress bar while it
waits and renders, cancelling it, and the report (and file) once it is finished. The Studio
and the Clips tab's "Star in this" both follow their renders with these."""

from __future__ import annotations

import time
from collections.abc import Iterator

import gradio as gr

from webapp.auth import AuthService, CurrentUser
from webapp.clips import ClipError, ClipRecord, ClipService
from webapp.clips.records import CANCELLED_MESSAGE, GAVE_UP_MESSAGE, RESUMED_MESSAGE
from webapp.clips.rendering import WORKER_GAVE_UP_MESSAGE
from webapp.i18n import say, text
from webapp.media import MediaFiles
from webapp.render_queue import DELAYED_MESSAGE, REQUEUED_MESSAGE
from webapp.ui.session import require_user
from webapp.ui.text import as_markdown_text

FOLLOWERS = 32  # browsers following their clip's progress at once (rendering is the workers')
FOLLOW_POLL_SECONDS = 0.5
# Status messages the service leaves on a clip, shown in the page's language (``status.*``);
# any other (a renderer's note, an error) is shown as the service wrote it.
STATUS_MESSAGE_KEYS = {
    CANCELLED_MESSAGE: "status.cancelled",
    RESUMED_MESSAGE: "status.resumed",
    GAVE_UP_MESSAGE: "status.gave_up",
    WORKER_GAVE_UP_MESSAGE: "status.worker_gave_up",
    REQUEUED_MESSAGE: "status.requeued",
    DELAYED_MESSAGE: "status.delayed",
}


def follow_clip(
    clips: ClipService, user: CurrentUser, clip_id: int, progress: gr.Progress,
    language: str | None = "en",
) -> ClipRecord:  # fmt: skip
    """Report a queued clip's progress until it is done, failed or cancelled."""
    return list(follow_clip_updates(clips, user, clip_id, progress, language))[-1]


def follow_clip_updates(
    clips: ClipService, user: CurrentUser, clip_id: int, progress: gr.Progress,
    language: str | None = "en",
) -> Iterator[ClipRecord]:  # fmt: skip
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
            key = "studio.progress_ahead_one" if ahead == 1 else "studio.progress_ahead_many"
            progress(0.0, desc=text(key, language, ahead=ahead))
        else:
            desc = status_message_text(record.status_message, language, markdown=False)
            progress(record.progress, desc=desc or text("studio.progress_rendering", language))
        state = (record.status, record.queue_position)
        if state != shown:
            shown = state
            yield record
        time.sleep(FOLLOW_POLL_SECONDS)


def cancel_text(
    auth: AuthService, clips: ClipService, token: str | None, clip_id: int | None,
    language: str | None = "en",
) -> str:  # fmt: skip
    """Cancel the clip this browser is following; the answer says what happened."""
    user = require_user(auth, token, language)
    if clip_id is None:
        return text("studio.nothing_to_cancel", language)
    try:
        record = clips.cancel(user, int(clip_id))
    except ClipError as error:
        return as_markdown_text(say(error, language))
    if record.status == "running":
        return text("studio.stopping", language)
    return status_message_text(record.status_message, language)


def status_message_text(
    message: str | None, language: str | None = "en", *, markdown: bool = True
) -> str:
    """A clip's status message in the page's language when it is one the service words the
    same way every time; otherwise as written (a renderer's note), shown as text."""
    key = STATUS_MESSAGE_KEYS.get(message or "")
    shown = text(key, language) if key else (message or "")
    return as_markdown_text(shown) if markdown else shown


def waiting_text(clip: ClipRecord, *, delayed: bool = False, language: str | None = "en") -> str:
    """The status line under the player while a clip is on its way, matching the bar."""
    title = as_markdown_text(clip.title)
    if delayed and clip.status == "queued":  # stored, but the broker is down: sent when back
        return f"**{title}**: {text('status.delayed', language)}"
    if clip.status == "running":
        return text("studio.waiting_running", language, title=title)
    ahead = clip.queue_position or 0
    if not ahead:
        return text("studio.waiting_queued", language, title=title)
    key = "studio.waiting_ahead_one" if ahead == 1 else "studio.waiting_ahead_many"
    return text(key, language, title=title, ahead=ahead)


def clip_file(media_files: MediaFiles, user: CurrentUser, clip: ClipRecord) -> str | None:
    if clip.video_sha is None:
        return None
    return str(media_files.temporary_copy(user, clip.video_sha, f"costar-{clip.public_id}"))


def clip_text(clip: ClipRecord, language: str | None = "en") -> str:
    """The report under a finished clip, in the page's language: its cast, how closely each
    role matches its double, how it is labelled and signed, and what rendered it."""
    title = as_markdown_text(clip.title)
    if clip.status != "done":
        key = "studio.report_cancelled" if clip.status == "cancelled" else "studio.report_failed"
        return (f"{text(key, language, title=title)}\n\n"
                f"{status_message_text(clip.status_message, language)}")  # fmt: skip
    cast = ", ".join(f"{role}: @{handle}" for role, handle in clip.cast.items())
    faces = clip.metrics.get("face_similarity") or {}
    voices = clip.metrics.get("voice_similarity") or {}
    checks = []
    for role in clip.cast:
        face, voice = faces.get(role), voices.get(role)
        face_text = (text("studio.report_no_face", language) if face is None
                     else text("studio.report_face", language, score=f"{face:.2f}"))  # fmt: skip
        voice_text = (text("studio.report_no_voice", language) if voice is None
                      else text("studio.report_voice", language, score=f"{voice:.2f}"))  # fmt: skip
        checks.append("- " + text("studio.report_role", language, role=role, face=face_text,
                                  voice=voice_text))  # fmt: skip
    seconds = text("clips.seconds", language, seconds=f"{clip.duration or 0:.1f}")
    # Blank lines between paragraphs: Markdown would otherwise run the title into the
    # "Identity check" line and the provenance line into the last list item.
    paragraphs = [
        f"**{title}** · {seconds} · {cast}",
        text("studio.report_identity", language) + "\n" + "\n".join(checks),
        text("studio.report_signed", language, clip_id=clip.public_id),
    ]
    if clip.metrics.get("renderer"):
        renderer = as_markdown_text(str(clip.metrics["renderer"]))
        paragraphs.append(text("studio.report_renderer", language, renderer=renderer))
    if clip.status_message:
        paragraphs.append(status_message_text(clip.status_message, language))
    return "\n\n".join(paragraphs)
