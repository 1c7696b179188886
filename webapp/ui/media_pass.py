"""Give the page its media cookie whenever its login changes (see :mod:`webapp.media_pass`).

The login token lives on the server (``gr.State``); the page only ever sees a one-time ticket,
which a small script trades for an HttpOnly cookie at once. Signing out clears the cookie.
"""

from __future__ import annotations

import json

import gradio as gr

from webapp.auth import AuthService
from webapp.media_pass import MEDIA_COOKIE_ROUTE, MediaPassTickets
from webapp.ui.session import SessionComponents


def render() -> tuple[gr.Textbox, gr.Button]:
    """The hidden ticket box, and a hidden button API clients call as ``/media_pass``."""
    ticket = gr.Textbox(visible=False, elem_id="media-pass-ticket")
    button = gr.Button(visible=False, elem_id="media-pass-button")
    return ticket, button


def listen(
    ticket: gr.Textbox, button: gr.Button, session: SessionComponents, auth: AuthService,
    tickets: MediaPassTickets,
) -> None:  # fmt: skip
    def issue(token: str | None) -> str:
        """A ticket for a valid login; "" (clear the cookie) for none."""
        if token is None or auth.current_user(token) is None:
            return ""
        return tickets.issue(token)

    button.click(issue, [session.token], [ticket], api_name="media_pass")
    session.token.change(
        issue, [session.token], [ticket], api_visibility="private", show_progress="hidden"
    ).then(None, [ticket], None, js=REDEEM_TICKET, api_visibility="private")


# The redemption is kept as a promise: a player that asked for its video before the cookie
# was set (the feed redraws at the same moment) loads it again once it is (RETRY_REFUSED_MEDIA).
REDEEM_TICKET = (
    "(ticket) => { const path = " + json.dumps(MEDIA_COOKIE_ROUTE.lstrip("/")) + ";"
    " const root = (window.gradio_config && window.gradio_config.root) || '';"
    " const url = root ? root.replace(/\\/?$/, '/') + path : path;"
    " window.costarMediaPass = fetch(url, {method: 'POST', body: ticket || '',"
    " credentials: 'same-origin'}).catch(() => null);"
    " return ticket; }"
)

# A served copy refused once (403 before the cookie arrived) is asked for again, once, after
# the page's media pass is in place; a link that is really not this person's fails again.
RETRY_REFUSED_MEDIA = """() => {
  document.addEventListener('error', (event) => {
    const el = event.target;
    const isMedia = el instanceof HTMLMediaElement || el instanceof HTMLImageElement;
    if (!isMedia || !el.src || !el.src.includes('costar-served')) return;
    const link = el.src.split('?')[0];
    if (el.dataset.costarRetried === link) return;  // once per link: a wrong one stays refused
    el.dataset.costarRetried = link;
    Promise.resolve(window.costarMediaPass).then(() => {
      const url = new URL(el.src);
      url.searchParams.set('pass', Date.now().toString());
      el.src = url.toString();
      if (el instanceof HTMLMediaElement) el.load();
    });
  }, true);
}"""
