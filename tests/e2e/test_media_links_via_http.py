"""Served media links over real HTTP against the running app: checked on every fetch.

A link is good only for the person it was made for, in a browser (or client) holding their
media pass, and only while they may see the media. A data export is the quickest media a fresh
account has; clips, voices and reference media go through the same guard (keyed by blob and
viewer; unit tests in tests/webapp/test_media_guard.py cover revoked doubles, withdrawn
creators and deleted clips, tests/e2e/test_costar_via_client.py a clip).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin

import pytest
from gradio_client import Client

from tests.e2e.client_steps import PASSWORD, fetch_media, media_pass, signed_in_client
from webapp.media_pass import MEDIA_COOKIE_ROUTE

pytestmark = pytest.mark.slow


def export_url(client: Client) -> str:
    exported = client.predict(api_name="/export_my_data")
    assert isinstance(exported, dict) and exported.get("url"), exported
    return exported["url"]


def status(base: str, url: str, cookie: str | None = None) -> int:
    return fetch_media(base, url, cookie)[0]


def test_export_link_dies_at_sign_out_and_at_account_deletion(running_app):
    alice = signed_in_client(running_app, "alice_media")
    url = export_url(alice)
    alice_pass = media_pass(alice, running_app)
    assert status(running_app, url, alice_pass) == 200

    # A path in the served folder that this process never handed out: refused.
    forged = url.rsplit("/", 2)[0] + "/not-a-real-folder/costar-alice_media-data.zip"
    assert status(running_app, forged, alice_pass) == 403

    # Signing out ends the link at once (no sweep needed).
    alice.predict(api_name="/log_out")
    assert status(running_app, url, alice_pass) == 403

    alice.predict("alice_media", PASSWORD, api_name="/log_in")
    url = export_url(alice)
    alice_pass = media_pass(alice, running_app)
    assert status(running_app, url, alice_pass) == 200
    alice.predict("alice_media", api_name="/delete_my_account")
    assert status(running_app, url, alice_pass) == 403


def test_a_link_works_only_for_its_viewer(running_app):
    dora = signed_in_client(running_app, "dora_media")
    eli = signed_in_client(running_app, "eli_media")
    url = export_url(dora)
    assert status(running_app, url, media_pass(dora, running_app)) == 200
    # The same link opened with no sign-in (another browser, a plain request): refused.
    assert status(running_app, url) == 403
    # Opened by another signed-in person: refused.
    assert status(running_app, url, media_pass(eli, running_app)) == 403
    # A made-up cookie: refused.
    assert status(running_app, url, "costar_media=forged-token") == 403


def trade(base: str, ticket: str) -> int:
    url = urljoin(base, MEDIA_COOKIE_ROUTE.lstrip("/"))
    request = urllib.request.Request(url, data=ticket.encode(), method="POST")  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_a_ticket_is_good_once(running_app):
    fay = signed_in_client(running_app, "fay_media")
    ticket = fay.predict(api_name="/media_pass")
    assert ticket and trade(running_app, ticket) == 204
    assert trade(running_app, ticket) == 403
    # Nobody signed in gets no ticket to trade.
    guest = Client(running_app, verbose=False, download_files=False)
    assert guest.predict(api_name="/media_pass") == ""


def test_one_person_signing_out_does_not_end_another_s_links(running_app):
    bob = signed_in_client(running_app, "bob_media")
    carol = signed_in_client(running_app, "carol_media")
    bob_url, carol_url = export_url(bob), export_url(carol)
    bob_pass, carol_pass = media_pass(bob, running_app), media_pass(carol, running_app)
    carol.predict(api_name="/log_out")
    assert status(running_app, carol_url, carol_pass) == 403
    assert status(running_app, bob_url, bob_pass) == 200
