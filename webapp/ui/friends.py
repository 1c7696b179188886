"""The "Friends" tab: find people, answer requests, manage friends and blocks.

Lists are radio groups whose labels Gradio shows as plain text, so names people chose can't
inject markup; Markdown built from names goes through ``as_markdown_text``. Every action asks
FriendService as the signed-in user and then redraws all lists, so they never go stale.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from webapp.auth import AuthService, CurrentUser
from webapp.friends import (
    RELATIONSHIP_LABELS,
    FriendError,
    FriendService,
    FriendsOverview,
    Person,
)
from webapp.i18n import label
from webapp.ui.live import Redraw
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import as_markdown_text, ui_error

EMPTY_INCOMING = "No requests are waiting for you."
EMPTY_FRIENDS = "No friends yet. Find people by their username and send them a request."
EMPTY_OUTGOING = "You have no requests waiting for an answer."
EMPTY_BLOCKED = "You haven't blocked anyone."
EMPTY_RESULTS = "Search for someone by their username (part of it is enough)."


@dataclass
class FriendsComponents:
    signed_out_markdown: gr.Markdown
    signed_in_column: gr.Column
    incoming_heading_markdown: gr.Markdown
    incoming_radio: gr.Radio
    incoming_empty_markdown: gr.Markdown
    incoming_accept_button: gr.Button
    incoming_decline_button: gr.Button
    incoming_status_markdown: gr.Markdown
    search_textbox: gr.Textbox
    search_button: gr.Button
    results_radio: gr.Radio
    results_empty_markdown: gr.Markdown
    results_relationships: gr.State
    results_add_button: gr.Button
    results_accept_button: gr.Button
    results_cancel_button: gr.Button
    search_status_markdown: gr.Markdown
    friends_heading_markdown: gr.Markdown
    friends_radio: gr.Radio
    friends_empty_markdown: gr.Markdown
    friends_unfriend_button: gr.Button
    friends_block_button: gr.Button
    friends_status_markdown: gr.Markdown
    outgoing_radio: gr.Radio
    outgoing_empty_markdown: gr.Markdown
    outgoing_cancel_button: gr.Button
    outgoing_status_markdown: gr.Markdown
    blocked_radio: gr.Radio
    blocked_empty_markdown: gr.Markdown
    blocked_unblock_button: gr.Button
    blocked_status_markdown: gr.Markdown
    refresh_button: gr.Button


def render() -> FriendsComponents:
    signed_out_markdown = gr.Markdown(label("friends.signed_out"))
    with gr.Column(visible=False) as signed_in_column:
        with gr.Group(elem_id="friend-requests"):
            incoming_heading_markdown = gr.Markdown(label("friends.requests_heading"))
            incoming_radio = _person_radio("Requests waiting for your answer", "incoming-requests")
            incoming_empty_markdown = gr.Markdown(EMPTY_INCOMING, elem_classes=["empty-state"])
            with gr.Row():
                incoming_accept_button = gr.Button(
                    "Accept", variant="primary", size="sm", visible=False
                )
                incoming_decline_button = gr.Button("Decline", size="sm", visible=False)
        incoming_status_markdown = gr.Markdown()
        with gr.Row(equal_height=False):
            with gr.Column():
                gr.Markdown(label("friends.find_heading"))
                with gr.Row(equal_height=True):
                    search_textbox = gr.Textbox(
                        label=label("friends.find_label"), placeholder="e.g. maya",
                        max_length=64, scale=4, elem_id="people-search",
                    )  # fmt: skip
                    search_button = gr.Button(label("friends.search"), scale=1, min_width=80)
                results_radio = _person_radio("People found", "people-found")
                results_empty_markdown = gr.Markdown(EMPTY_RESULTS, elem_classes=["empty-state"])
                results_relationships = gr.State({})
                with gr.Row():
                    results_add_button = gr.Button("Add friend", variant="primary", size="sm",
                                                   visible=False)  # fmt: skip
                    results_accept_button = gr.Button("Accept request", variant="primary",
                                                      size="sm", visible=False)  # fmt: skip
                    results_cancel_button = gr.Button("Cancel request", size="sm", visible=False)
                search_status_markdown = gr.Markdown()
            with gr.Column():
                friends_heading_markdown = gr.Markdown(label("friends.your_friends_heading"))
                friends_radio = _person_radio("Your friends", "friends-list")
                friends_empty_markdown = gr.Markdown(EMPTY_FRIENDS, elem_classes=["empty-state"])
                with gr.Row():
                    friends_unfriend_button = gr.Button("Unfriend", size="sm", visible=False)
                    friends_block_button = gr.Button(
                        "Block", variant="stop", size="sm", visible=False
                    )
                friends_status_markdown = gr.Markdown()
                gr.Markdown(label("friends.sent_heading"))
                outgoing_radio = _person_radio("Waiting for an answer", "outgoing-requests")
                outgoing_empty_markdown = gr.Markdown(EMPTY_OUTGOING, elem_classes=["empty-state"])
                outgoing_cancel_button = gr.Button("Cancel request", size="sm", visible=False)
                outgoing_status_markdown = gr.Markdown()
                gr.Markdown(label("friends.blocked_heading"))
                blocked_radio = _person_radio("People you blocked", "blocked-list")
                blocked_empty_markdown = gr.Markdown(EMPTY_BLOCKED, elem_classes=["empty-state"])
                blocked_unblock_button = gr.Button("Unblock", size="sm", visible=False)
                blocked_status_markdown = gr.Markdown()
        # Hidden: the lists redraw themselves (webapp/ui/live.py); the event stays an API.
        refresh_button = gr.Button("Refresh lists", size="sm", variant="secondary", visible=False)
    return FriendsComponents(**{name: value for name, value in locals().items()})


def _person_radio(label: str, elem_id: str) -> gr.Radio:
    return gr.Radio([], label=label, visible=False, elem_id=elem_id)


def listen(
    ui: FriendsComponents, session: SessionComponents, auth: AuthService, service: FriendService
) -> Redraw:
    """Wire the tab; returns how to redraw its lists (the live poller calls it on a change)."""
    list_outputs = [
        ui.signed_out_markdown, ui.signed_in_column,
        ui.incoming_heading_markdown, ui.incoming_radio, ui.incoming_empty_markdown,
        ui.friends_heading_markdown, ui.friends_radio, ui.friends_empty_markdown,
        ui.outgoing_radio, ui.outgoing_empty_markdown, ui.blocked_radio, ui.blocked_empty_markdown,
        # action buttons show only when their list has someone to act on
        ui.incoming_accept_button, ui.incoming_decline_button, ui.friends_unfriend_button,
        ui.friends_block_button, ui.outgoing_cancel_button, ui.blocked_unblock_button,
    ]  # fmt: skip
    search_outputs = [
        ui.results_radio, ui.results_empty_markdown, ui.results_relationships,
        ui.results_add_button, ui.results_accept_button, ui.results_cancel_button,
    ]  # fmt: skip

    def refresh(token: str | None) -> tuple[Any, ...]:
        user = auth.current_user(token)
        if user is None:
            return (gr.Markdown(visible=True), gr.Column(visible=False),
                    *[gr.update() for _ in list_outputs[2:]])  # fmt: skip
        return (gr.Markdown(visible=False), gr.Column(visible=True),
                *_lists_view(service.overview(user)))  # fmt: skip

    session.token.change(refresh, [session.token], list_outputs, api_visibility="private")
    ui.refresh_button.click(refresh, [session.token], list_outputs, api_name="list_friends")

    def search(token: str | None, query: str) -> tuple[Any, ...]:
        user = require_user(auth, token)
        try:
            people = service.find_people(user, query)
        except FriendError as error:
            raise ui_error(str(error), title="Find people") from None
        return _search_view(people, query)

    gr.on(
        [ui.search_button.click, ui.search_textbox.submit], search,
        [session.token, ui.search_textbox], search_outputs, api_name="find_people",
        validator=validate_search, show_progress_on=[ui.search_status_markdown],
    )  # fmt: skip
    ui.results_radio.change(
        _result_buttons, [ui.results_radio, ui.results_relationships],
        [ui.results_add_button, ui.results_accept_button, ui.results_cancel_button],
        api_visibility="private",
    )  # fmt: skip

    def act(action: Any, done: str) -> Any:
        """A handler that does ``action`` as the signed-in user, then redraws every list."""

        def handler(token: str | None, username: str | None, query: str) -> tuple[Any, ...]:
            user = require_user(auth, token)
            if not username:
                raise ui_error("Choose a person in the list first.")
            try:
                action(user, username)
            except FriendError as error:
                raise ui_error(str(error)) from None
            searched = _search_again(service, user, query)
            return (done.format(name=as_markdown_text(username)), *refresh(token), *searched)

        return handler

    def wire(button: gr.Button, picked: gr.Radio, status: gr.Markdown, action: Any,
             done: str, **options: Any) -> None:  # fmt: skip
        button.click(
            act(action, done), [session.token, picked, ui.search_textbox],
            [status, *list_outputs, *search_outputs], show_progress_on=[status], **options,
        )  # fmt: skip

    wire(
        ui.results_add_button,
        ui.results_radio,
        ui.search_status_markdown,
        service.send_request,
        "Request sent to **{name}**.",
        api_name="send_friend_request",
    )
    wire(
        ui.results_accept_button,
        ui.results_radio,
        ui.search_status_markdown,
        service.accept,
        "You and **{name}** are now friends.",
        api_visibility="private",
    )
    wire(
        ui.results_cancel_button,
        ui.results_radio,
        ui.search_status_markdown,
        service.cancel,
        "Request to **{name}** cancelled.",
        api_visibility="private",
    )
    wire(
        ui.incoming_accept_button,
        ui.incoming_radio,
        ui.incoming_status_markdown,
        service.accept,
        "You and **{name}** are now friends.",
        api_name="accept_friend",
    )
    wire(
        ui.incoming_decline_button,
        ui.incoming_radio,
        ui.incoming_status_markdown,
        service.decline,
        "Request from **{name}** declined.",
        api_name="decline_friend",
    )
    wire(
        ui.outgoing_cancel_button,
        ui.outgoing_radio,
        ui.outgoing_status_markdown,
        service.cancel,
        "Request to **{name}** cancelled.",
        api_name="cancel_friend_request",
    )
    wire(
        ui.friends_unfriend_button,
        ui.friends_radio,
        ui.friends_status_markdown,
        service.unfriend,
        "You and **{name}** are no longer friends.",
        api_name="unfriend",
    )
    wire(
        ui.friends_block_button,
        ui.friends_radio,
        ui.friends_status_markdown,
        service.block,
        "**{name}** is blocked: neither of you can find, befriend or cast the other.",
        api_name="block_user",
    )
    wire(ui.blocked_unblock_button, ui.blocked_radio, ui.blocked_status_markdown,
         service.unblock, "**{name}** is unblocked.", api_name="unblock_user")  # fmt: skip
    return Redraw(refresh, [session.token], list_outputs)


def validate_search(_token: str | None, query: str) -> list[dict[str, Any]]:
    """Shown next to the search box before the server is asked."""
    cleaned = (query or "").strip().removeprefix("@").strip()
    return [gr.validate(True, ""), gr.validate(bool(cleaned), "Type part of a username.")]


def _lists_view(overview: FriendsOverview) -> tuple[Any, ...]:
    count = len(overview.incoming)
    incoming_heading = f"### Friend requests ({count})" if count else "### Friend requests"
    friends_heading = f"### Your friends ({len(overview.friends)})"

    def shown(people: tuple[Person, ...] | list[Person]) -> Any:
        return gr.Button(visible=bool(people))

    return (
        incoming_heading, *_radio_with_empty(overview.incoming),
        friends_heading, *_radio_with_empty(overview.friends),
        *_radio_with_empty(overview.outgoing), *_radio_with_empty(overview.blocked),
        shown(overview.incoming), shown(overview.incoming), shown(overview.friends),
        shown(overview.friends), shown(overview.outgoing), shown(overview.blocked),
    )  # fmt: skip


def _radio_with_empty(people: tuple[Person, ...] | list[Person]) -> tuple[Any, Any]:
    choices = [(_person_label(person), person.username) for person in people]
    return gr.Radio(choices=choices, value=None, visible=bool(choices)), gr.Markdown(
        visible=not choices
    )


def _person_label(person: Person) -> str:
    # Radio labels are rendered as text by Gradio, so names need no escaping here.
    label = person.username
    if person.display_name and person.display_name != person.username:
        label += f" · {person.display_name}"
    if person.since is not None:
        label += f" · since {person.since:%Y-%m-%d}"
    return label


def _search_view(people: list[Person], query: str) -> tuple[Any, ...]:
    choices = [
        (f"{p.username} · {p.display_name} · {RELATIONSHIP_LABELS[p.relationship]}", p.username)
        for p in people
    ]
    empty = f"No one found for “{as_markdown_text(query.strip())}”." if query else EMPTY_RESULTS
    relationships = {p.username: p.relationship for p in people}
    hidden = gr.Button(visible=False)
    results = gr.Radio(choices=choices, value=None, visible=bool(choices))
    return results, gr.Markdown(empty, visible=not choices), relationships, hidden, hidden, hidden


def _search_again(service: FriendService, user: CurrentUser, query: str) -> tuple[Any, ...]:
    """The search results redrawn after an action, so their relationships stay true."""
    if not (query or "").strip().removeprefix("@").strip():
        return _search_view([], "")
    try:
        return _search_view(service.find_people(user, query), query)
    except FriendError:
        return _search_view([], "")


def _result_buttons(username: str | None, relationships: dict[str, str]) -> tuple[Any, ...]:
    relationship = relationships.get(username or "")
    return (
        gr.Button(visible=relationship == "none"),
        gr.Button(visible=relationship == "request_received"),
        gr.Button(visible=relationship == "request_sent"),
    )
