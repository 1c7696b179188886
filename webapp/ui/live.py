"""Pages that stay current: a timer asks ``LiveService`` what changed, puts counts on the tab
names and tells each list to redraw when its summary changed (no Refresh button needed)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import gradio as gr

from webapp.auth import AuthService
from webapp.i18n import label, text
from webapp.live import LiveCounts, LiveService
from webapp.ui.session import SessionComponents

POLL_SECONDS = 3.0
POLLERS = 64  # browsers polling at once; each poll is a few indexed rows


@dataclass
class LiveComponents:
    timer: gr.Timer
    # Summaries of what each list shows; their .change events redraw that list.
    friends_changed: gr.State
    appearances_changed: gr.State
    clips_changed: gr.State
    labels_shown: gr.State  # the tab names last sent and their language, so unchanged ones
    # are not re-sent


@dataclass(frozen=True)
class Redraw:
    """How a tab redraws its list: the handler, its inputs and outputs."""

    fn: Callable[..., Any]
    inputs: list[Any]
    outputs: list[Any]


@dataclass
class LiveTabs:
    clips: gr.Tab
    friends: gr.Tab
    appearances: gr.Tab


def render() -> LiveComponents:
    return LiveComponents(
        gr.Timer(POLL_SECONDS), gr.State(None), gr.State(None), gr.State(None), gr.State(None)
    )


def tab_labels(counts: LiveCounts | None, language: str | None = "en") -> tuple[Any, Any, Any]:
    """Clips, Friends and Appearances tab names with what is waiting there.

    A name without a count stays a translation key (the browser redraws it when the language
    is switched); a name with a count is written here in the page's language.
    """
    if counts is None:
        return label("tab.clips"), label("tab.friends"), label("tab.appearances")
    clips = (
        text("tab.clips_in_progress", language, count=counts.clips_in_progress)
        if counts.clips_in_progress
        else label("tab.clips")
    )
    friends = (
        text("tab.friends_waiting", language, count=counts.incoming_requests)
        if counts.incoming_requests
        else label("tab.friends")
    )
    appearances = (
        text("tab.appearances_count", language, count=counts.appearances)
        if counts.appearances
        else label("tab.appearances")
    )
    return clips, friends, appearances


def listen(
    ui: LiveComponents,
    tabs: LiveTabs,
    session: SessionComponents,
    auth: AuthService,
    live: LiveService,
    language: gr.Dropdown,
) -> None:
    def poll(token: str | None, shown: list[str] | None, lang: str | None) -> tuple[Any, ...]:
        user = auth.current_user(token)
        counts = None if user is None else live.counts(user)
        labels = [str(name) for name in tab_labels(counts, lang)]
        if counts is None:
            summaries: tuple[Any, ...] = (None, None, None)
        else:
            summaries = (counts.friendships, counts.appearance_states, counts.clip_states)
        # A tab is only updated when its name or the page's language changes: re-sending it
        # every poll would redraw the tab while the person is using it. (Gradio translates a
        # tab's name when it is sent, not when the language is switched, so a switch re-sends.)
        same_language = bool(shown) and shown[-1] == (lang or "")
        tabs_update = [
            gr.skip() if same_language and shown[i] == name else gr.Tab(label=name)
            for i, name in enumerate(labels)
        ]
        return (*summaries, *tabs_update, [*labels, lang or ""])

    outputs = [ui.friends_changed, ui.appearances_changed, ui.clips_changed, tabs.clips,
               tabs.friends, tabs.appearances, ui.labels_shown]  # fmt: skip
    gr.on(
        [ui.timer.tick, session.token.change, language.change], poll,
        [session.token, ui.labels_shown, language], outputs,
        show_progress="hidden", api_visibility="private", concurrency_limit=POLLERS,
        concurrency_id="live-poll", trigger_mode="always_last",
    )  # fmt: skip


def redraw_on_change(changed: gr.State | gr.Dropdown, redraw: Redraw) -> None:
    """Redraw a list when the poller saw its summary change (another person acted, a render
    finished, a clip was deleted), or when the page's language changed (``changed`` is then
    the language dropdown: the list's server-written texts are written again)."""
    changed.change(redraw.fn, redraw.inputs, redraw.outputs, show_progress="hidden",
                   api_visibility="private")  # fmt: skip
