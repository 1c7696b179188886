"""Registering a double through the real app, as a person's browser would call it."""

from __future__ import annotations

import re

import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

from tests.double_media import code_recording, person_video

pytestmark = pytest.mark.slow
PASSWORD = "correct horse battery"


def signed_in_client(url: str, username: str) -> Client:
    client = Client(url, verbose=False, download_files=False)
    client.predict(username, "", PASSWORD, PASSWORD, api_name="/sign_up")
    return client


def code_on_screen(markdown: str) -> str:
    """Read the code the way a person reads it: the big digits in the page."""
    return "".join(re.findall(r"## ([\d ]+)", markdown)[0].split())


def test_register_a_double_and_keep_it_private(running_app, tmp_path):
    reference = person_video(
        tmp_path / "ref.mp4", text="Hello, I am Eileen and this is my digital double."
    )
    eileen = signed_in_client(running_app, "eileen_e2e")
    report, *_ = eileen.predict(
        "person", handle_file(str(reference)), None, None, api_name="/analyze_reference"
    )
    assert "One clear face" in report and "Voice found" in report

    code = code_on_screen(eileen.predict(api_name="/get_code"))
    recording = code_recording(tmp_path / "live.mp4", code)
    result = eileen.predict(
        "eileen", "Eileen", "an astronaut in an orange suit", "only_me", "no violence",
        True, True, True, handle_file(str(recording)), api_name="/create_double",
    )  # fmt: skip
    assert "@eileen** is ready" in result[1]

    # Another person can't skip the steps with crafted calls: nothing of Eileen's is theirs.
    stranger = signed_in_client(running_app, "stranger_e2e")
    with pytest.raises(AppError, match="Check your reference first"):
        stranger.predict(
            "mallory", "", "", "everyone", "", True, True, True, handle_file(str(recording)),
            api_name="/create_double",
        )  # fmt: skip
    with pytest.raises(AppError, match="Select one of your doubles"):
        stranger.predict(api_name="/revoke_double")
    guest = Client(running_app, verbose=False, download_files=False)
    with pytest.raises(AppError, match="sign in"):
        guest.predict(api_name="/get_code")
