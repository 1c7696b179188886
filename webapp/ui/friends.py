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
from webapp.i18n import label, say, text
from webapp.ui.live import Redraw
from webapp.ui.session import SessionComponents, require_user
from webapp.ui.text import as_markdown_text, ui_error

# Lists' empty states are translation keys (the browser words them in the page's language);
# what the server writes (headings with counts, search results, answers) uses ``text``.


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
            incoming_radio = _person_radio("friends.incoming_label", "incoming-requests")
            incoming_empty_markdown = _empty("friends.empty.incoming")
            with gr.Row():
                incoming_accept_button = gr.Button(
                    label("friends.accept"), variant="primary", size="sm", visible=False
                )
                incoming_decline_button = gr.Button(
                    label("friends.decline"), size="sm", visible=False
                )
        incoming_status_markdown = gr.Markdown()
        with gr.Row(equal_height=False):
            with gr.Column():
                gr.Markdown(label("friends.find_heading"))
                with gr.Row(equal_height=True):
                    search_textbox = gr.Textbox(
                        label=label("friends.find_label"),
                        placeholder=label("friends.search_placeholder"),
                        max_length=64, scale=4, elem_id="people-search",
                    )  # fmt: skip
                    search_button = gr.Button(label("friends.search"), scale=1, min_width=80)
                results_radio = _person_radio("friends.found_label", "people-found")
                results_empty_markdown = _empty("friends.empty.results")
                results_relationships = gr.State({})
                with gr.Row():
                    results_add_button = gr.Button(label("friends.add"), variant="primary",
                                                   size="sm", visible=False)  # fmt: skip
                    results_accept_button = gr.Button(label("friends.accept_request"),
                                                      variant="primary", size="sm",
                                                      visible=False)  # fmt: skip
                    results_cancel_button = gr.Button(label("friends.cancel_request"), size="sm",
                                                      visible=False)  # fmt: skip
                search_status_markdown = gr.Markdown()
            with gr.Column():
                friends_heading_markdown = gr.Markdown(label("friends.your_friends_heading"))
                friends_radio = _person_radio("friends.list_label", "friends-list")
                friends_empty_markdown = _empty("friends.empty.friends")
                with gr.Row():
                    friends_unfriend_button = gr.Button(
                        label("friends.unfriend"), size="sm", visible=False
                    )
                    friends_block_button = gr.Button(
                        label("friends.block"), variant="stop", size="sm", visible=False
                    )
                friends_status_markdown = gr.Markdown()
                gr.Markdown(label("friends.sent_heading"))
                outgoing_radio = _person_radio("friends.outgoing_label", "outgoing-requests")
                outgoing_empty_markdown = _empty("friends.empty.outgoing")
                outgoing_cancel_button = gr.Button(
                    label("friends.cancel_request"), size="sm", visible=False
                )
                outgoing_status_markdown = gr.Markdown()
                gr.Markdown(label("friends.blocked_heading"))
                blocked_radio = _person_radio("friends.blocked_label", "blocked-list")
                blocked_empty_markdown = _empty("friends.empty.blocked")
                blocked_unblock_button = gr.Button(label("friends.unblock"), size="sm",
                                                   visible=False)  # fmt: skip
                blocked_status_markdown = gr.Markdown()
        # Hidden: the lists redraw themselves (webapp/ui/live.py); the event stays an API.
        refresh_button = gr.Button("Refresh lists", size="sm", variant="secondary", visible=False)
    return FriendsComponents(**{name: value for name, value in locals().items()})


def _person_radio(key: str, elem_id: str) -> gr.Radio:
    return gr.Radio([], label=label(key), visible=False, elem_id=elem_id)


def _empty(key: str) -> gr.Markdown:
    return gr.Markdown(label(key), elem_classes=["empty-state"])


def listen(
    ui: FriendsComponents, session: SessionComponents, auth: AuthService, service: FriendService,
    language: gr.Dropdown,
) -> Redraw:  # fmt: skip
    """Wire the tab; returns how to redraw its lists (the live poller calls it on a change).
    Handlers read the page's language last, optional for API clients (English)."""
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

    def refresh(token: str | None, lang: str | None = "en") -> tuple[Any, ...]:
        user = auth.current_user(token)
        if user is None:
            return (gr.update(visible=True), gr.update(visible=False),
                    *[gr.update() for _ in list_outputs[2:]])  # fmt: skip
        return (gr.update(visible=False), gr.update(visible=True),
                *lists_view(service.overview(user), lang))  # fmt: skip

    list_inputs = [session.token, language]
    session.token.change(refresh, list_inputs, list_outputs, api_visibility="private")
    ui.refresh_button.click(refresh, list_inputs, list_outputs, api_name="list_friends")

    def search(token: str | None, query: str, lang: str | None = "en") -> tuple[Any, ...]:
        user = require_user(auth, token, lang)
        try:
            people = service.find_people(user, query)
        except FriendError as error:
            raise ui_error(say(error, lang), title=text("friends.find_title", lang)) from None
        return search_view(people, query, lang)

    gr.on(
        [ui.search_button.click, ui.search_textbox.submit], search,
        [session.token, ui.search_textbox, language], search_outputs, api_name="find_people",
        validator=validate_search, show_progress_on=[ui.search_status_markdown],
    )  # fmt: skip
    ui.results_radio.change(
        _result_buttons, [ui.results_radio, ui.results_relationships],
        [ui.results_add_button, ui.results_accept_button, ui.results_cancel_button],
        api_visibility="private",
    )  # fmt: skip

    def act(action: Any, done: str) -> Any:
        """A handler that does ``action`` as the signed-in user, then redraws every list;
        ``done`` names the answer (``friends.done.*``)."""

        def handler(
            token: str | None, username: str | None, query: str, lang: str | None = "en"
        ) -> tuple[Any, ...]:
            user = require_user(auth, token, lang)
            if not username:
                raise ui_error(text("friends.choose_person", lang))
            try:
                action(user, username)
            except FriendError as error:
                raise ui_error(say(error, lang)) from None
            searched = _search_again(service, user, query, lang)
            answer = text(f"friends.done.{done}", lang, name=as_markdown_text(username))
            return (answer, *refresh(token, lang), *searched)

        return handler

    def wire(button: gr.Button, picked: gr.Radio, status: gr.Markdown, action: Any,
             done: str, **options: Any) -> None:  # fmt: skip
        button.click(
            act(action, done), [session.token, picked, ui.search_textbox, language],
            [status, *list_outputs, *search_outputs], show_progress_on=[status], **options,
        )  # fmt: skip

    wire(
        ui.results_add_button,
        ui.results_radio,
        ui.search_status_markdown,
        service.send_request,
        "sent",
        api_name="send_friend_request",
    )
    wire(
        ui.results_accept_button,
        ui.results_radio,
        ui.search_status_markdown,
        service.accept,
        "accepted",
        api_visibility="private",
    )
    wire(
        ui.results_cancel_button,
        ui.results_radio,
        ui.search_status_markdown,
        service.cancel,
        "cancelled",
        api_visibility="private",
    )
    wire(
        ui.incoming_accept_button,
        ui.incoming_radio,
        ui.incoming_status_markdown,
        service.accept,
        "accepted",
        api_name="accept_friend",
    )
    wire(
        ui.incoming_decline_button,
        ui.incoming_radio,
        ui.incoming_status_markdown,
        service.decline,
        "declined",
        api_name="decline_friend",
    )
    wire(
        ui.outgoing_cancel_button,
        ui.outgoing_radio,
        ui.outgoing_status_markdown,
        service.cancel,
        "cancelled",
        api_name="cancel_friend_request",
    )
    wire(
        ui.friends_unfriend_button,
        ui.friends_radio,
        ui.friends_status_markdown,
        service.unfriend,
        "unfriended",
        api_name="unfriend",
    )
    wire(
        ui.friends_block_button,
        ui.friends_radio,
        ui.friends_status_markdown,
        service.block,
        "blocked",
        api_name="block_user",
    )
    wire(ui.blocked_unblock_button, ui.blocked_radio, ui.blocked_status_markdown,
         service.unblock, "unblocked", api_name="unblock_user")  # fmt: skip
    return Redraw(refresh, list_inputs, list_outputs)


def validate_search(
    _token: str | None, query: str, language: str | None = "en"
) -> list[dict[str, Any]]:
    """Shown next to the search box before the server is asked."""
    cleaned = (query or "").strip().removeprefix("@").strip()
    return [gr.validate(True, ""), gr.validate(bool(cleaned), text("friends.type_part", language)),
            gr.validate(True, "")]  # fmt: skip


def lists_view(overview: FriendsOverview, language: str | None = "en") -> tuple[Any, ...]:
    """Headings and lists of the tab (and which buttons apply), in the page's language."""
    count = len(overview.incoming)
    incoming_heading = (
        text("friends.requests_count", language, count=count)
        if count
        else text("friends.requests_heading", language)
    )
    friends_heading = text("friends.your_friends_count", language, count=len(overview.friends))

    def shown(people: tuple[Person, ...] | list[Person]) -> Any:
        return gr.update(visible=bool(people))

    return (
        incoming_heading, *_radio_with_empty(overview.incoming, language),
        friends_heading, *_radio_with_empty(overview.friends, language),
        *_radio_with_empty(overview.outgoing, language),
        *_radio_with_empty(overview.blocked, language),
        shown(overview.incoming), shown(overview.incoming), shown(overview.friends),
        shown(overview.friends), shown(overview.outgoing), shown(overview.blocked),
    )  # fmt: skip


def _radio_with_empty(
    people: tuple[Person, ...] | list[Person], language: str | None = "en"
) -> tuple[Any, Any]:
    choices = [(person_label(person, language), person.username) for person in people]
    return gr.update(choices=choices, value=None, visible=bool(choices)), gr.update(
        visible=not choices
    )


def person_label(person: Person, language: str | None = "en") -> str:
    # Radio labels are rendered as text by Gradio, so names need no escaping here.
    shown = person.username
    if person.display_name and person.display_name != person.username:
        shown += f" · {person.display_name}"
    if person.since is not None:
        shown += " · " + text("friends.since", language, date=f"{person.since:%Y-%m-%d}")
    return shown


def relationship_words(relationship: str, language: str | None = "en") -> str:
    if relationship not in RELATIONSHIP_LABELS:
        return relationship
    return text(f"friends.relationship.{relationship}", language)


def search_view(people: list[Person], query: str, language: str | None = "en") -> tuple[Any, ...]:
    """The search results (or what an empty search means), in the page's language."""
    choices = [
        (f"{p.username} · {p.display_name} · {relationship_words(p.relationship, language)}",
         p.username)
        for p in people
    ]  # fmt: skip
    empty = (
        text("friends.no_one_found", language, query=as_markdown_text(query.strip()))
        if query
        else text("friends.empty.results", language)
    )
    relationships = {p.username: p.relationship for p in people}
    hidden = gr.Button(visible=False)
    results = gr.Radio(choices=choices, value=None, visible=bool(choices))
    return results, gr.Markdown(empty, visible=not choices), relationships, hidden, hidden, hidden


def _search_again(
    service: FriendService, user: CurrentUser, query: str, language: str | None = "en"
) -> tuple[Any, ...]:
    """The search results redrawn after an action, so their relationships stay true."""
    if not (query or "").strip().removeprefix("@").strip():
        return search_view([], "", language)
    try:
        return search_view(service.find_people(user, query), query, language)
    except FriendError:
        return search_view([], "", language)


def _result_buttons(username: str | None, relationships: dict[str, str]) -> tuple[Any, ...]:
    relationship = relationships.get(username or "")
    return (
        gr.Button(visible=relationship == "none"),
        gr.Button(visible=relationship == "request_received"),
        gr.Button(visible=relationship == "request_sent"),
    )
