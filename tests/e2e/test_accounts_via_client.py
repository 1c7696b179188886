"""The real app, driven through gradio_client (the official client) as two people."""

from __future__ import annotations

import pytest
from gradio_client import Client
from gradio_client.exceptions import AppError, ValidationError

pytestmark = pytest.mark.slow
PASSWORD = "correct horse battery"


def client(url: str) -> Client:
    return Client(url, verbose=False, download_files=False)


def test_sign_up_log_out_log_in_and_isolation(running_app):
    maya = client(running_app)
    # Outputs the client sees: the token saved in the browser, the status line, cleared fields.
    token, status, *_ = maya.predict("maya", "Maya <3", PASSWORD, PASSWORD, api_name="/sign_up")
    assert token and "Signed in as" in status and "(@maya)" in status
    assert maya.predict(api_name="/whoami") == "maya"

    # A second client shares nothing with the first: the server keys state by its session.
    stranger = client(running_app)
    assert stranger.predict(api_name="/whoami") == ""
    stranger.predict(api_name="/log_out")  # signing "out" a stranger does nothing to Maya
    assert maya.predict(api_name="/whoami") == "maya"

    maya.predict(api_name="/log_out")
    assert maya.predict(api_name="/whoami") == ""

    token_again, *_ = maya.predict("MAYA", PASSWORD, api_name="/log_in")
    assert token_again and token_again != token
    assert maya.predict(api_name="/whoami") == "maya"


def test_bad_sign_ups_and_logins_get_clear_errors(running_app):
    visitor = client(running_app)
    visitor.predict("taken_name", "", PASSWORD, PASSWORD, api_name="/sign_up")
    other = client(running_app)
    with pytest.raises(AppError, match="is taken"):  # only the server's database knows this
        other.predict("Taken_Name", "", PASSWORD, PASSWORD, api_name="/sign_up")
    field_errors = [  # caught by the event's validator, reported per field
        (("two words", "", PASSWORD, PASSWORD), "username: Usernames can't contain spaces"),
        (("newbie", "", "short", "short"), "password: Passwords need at least 10"),
        (("newbie", "<script>x</script>", PASSWORD, PASSWORD), "display_name: .*HTML tags"),
        (("newbie", "", PASSWORD, PASSWORD + "!"), "password_repeat: The two passwords don't"),
    ]
    for arguments, message in field_errors:
        with pytest.raises(ValidationError, match=message):
            other.predict(*arguments, api_name="/sign_up")
    with pytest.raises(AppError, match="don't match an account"):
        other.predict("taken_name", "wrong password!", api_name="/log_in")
    assert other.predict(api_name="/whoami") == ""


def test_display_name_markup_is_shown_as_text(running_app):
    person = client(running_app)
    _token, status, *_ = person.predict(
        "amp_person", "Tom & Jerry *bold*", PASSWORD, PASSWORD, api_name="/sign_up"
    )
    assert "&amp;" in status and r"\*bold\*" in status
