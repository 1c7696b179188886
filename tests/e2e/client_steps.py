"""Steps a person takes through the API, shared by the gradio_client end-to-end tests."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

from tests.double_media import code_recording
from webapp.media_pass import MEDIA_COOKIE_ROUTE

PASSWORD = "correct horse battery"


def signed_in_client(url: str, username: str) -> Client:
    client = Client(url, verbose=False, download_files=False)
    client.predict(username, "", PASSWORD, PASSWORD, api_name="/sign_up")
    return client


def media_pass(client: Client, base_url: str) -> str:
    """The client's media cookie (``name=value``), got as the page gets it after a sign-in:
    a one-time ticket from ``/media_pass``, traded at the media-pass route."""
    ticket = client.predict(api_name="/media_pass")
    url = urljoin(base_url, MEDIA_COOKIE_ROUTE.lstrip("/"))
    request = urllib.request.Request(url, data=ticket.encode(), method="POST")  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        return response.headers["set-cookie"].split(";")[0]


def fetch_media(base_url: str, url: str, cookie: str | None = None) -> tuple[int, bytes]:
    """Fetch a served media link as a browser holding ``cookie`` (None: a plain request)."""
    headers = {"Cookie": cookie} if cookie else {}
    request = urllib.request.Request(urljoin(base_url, url), headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def code_on_screen(markdown: str) -> str:
    """Read the code the way a person reads it: the big digits in the page."""
    return "".join(re.findall(r"## ([\d ]+)", markdown)[0].split())


def create_double(
    client: Client, folder: Path, who: str, handle: str, description: str, *,
    display_name: str = "", tier: str = "only_me", restrictions: str = "", attempts: int = 3,
) -> tuple:  # fmt: skip
    """Get a code, record it, create the double (after /analyze_reference); like a person,
    try a new code if the digits were misheard."""
    for attempt in range(attempts):
        code = code_on_screen(client.predict(api_name="/get_code"))
        recording = code_recording(folder / f"live-{attempt}.mp4", code, who)
        try:
            return client.predict(
                handle, display_name or handle.title(), description, tier, restrictions,
                True, True, True, handle_file(str(recording)), api_name="/create_double",
            )  # fmt: skip
        except AppError as error:
            # Misheard or not heard at all: the app asks for a new code, as a person would.
            if "Get a new code and try again" not in str(error) or attempt == attempts - 1:
                raise
    raise AssertionError("unreachable")
