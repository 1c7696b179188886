"""Served media links over real HTTP against the running app: checked on every fetch.

A data export is the quickest media a fresh account has; clips, voices and reference media go
through the same guard (keyed by blob and viewer; unit tests in tests/webapp/test_media_guard.py
cover revoked doubles, withdrawn creators and deleted clips).
"""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin

import pytest
from gradio_client import Client

from tests.e2e.client_steps import PASSWORD, signed_in_client

pytestmark = pytest.mark.slow


def fetch(base: str, url: str) -> int:
    try:
        with urllib.request.urlopen(urljoin(base, url), timeout=30) as response:  # noqa: S310
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def export_url(client: Client) -> str:
    exported = client.predict(api_name="/export_my_data")
    assert isinstance(exported, dict) and exported.get("url"), exported
    return exported["url"]


def test_export_link_dies_at_sign_out_and_at_account_deletion(running_app):
    alice = signed_in_client(running_app, "alice_media")
    url = export_url(alice)
    assert fetch(running_app, url) == 200

    # A path in the served folder that this process never handed out: refused.
    forged = url.rsplit("/", 2)[0] + "/not-a-real-folder/costar-alice_media-data.zip"
    assert fetch(running_app, forged) == 403

    # Signing out ends the link at once (no sweep needed).
    alice.predict(api_name="/log_out")
    assert fetch(running_app, url) == 403

    alice.predict("alice_media", PASSWORD, api_name="/log_in")
    url = export_url(alice)
    assert fetch(running_app, url) == 200
    alice.predict("alice_media", api_name="/delete_my_account")
    assert fetch(running_app, url) == 403


def test_one_person_signing_out_does_not_end_another_s_links(running_app):
    bob = signed_in_client(running_app, "bob_media")
    carol = signed_in_client(running_app, "carol_media")
    bob_url, carol_url = export_url(bob), export_url(carol)
    carol.predict(api_name="/log_out")
    assert fetch(running_app, carol_url) == 403
    assert fetch(running_app, bob_url) == 200
