"""Two people befriend and share a double through the real app, as their browsers would."""

from __future__ import annotations

from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError

from tests.double_media import person_video
from tests.e2e.client_steps import create_double, signed_in_client

pytestmark = pytest.mark.slow
SCRIPT = 'Shot 1 (2s): medium, @ana_double on a rooftop says "Hello friend."'


def register_approved_double(client: Client, folder: Path, handle: str) -> None:
    """Analyse a reference, then pass the live check (a new code if the digits were misheard)."""
    reference = person_video(folder / "ref.mp4", text="Hello, I am Ana and this is my double.")
    client.predict("person", handle_file(str(reference)), None, None,
                   api_name="/analyze_reference")  # fmt: skip
    create_double(
        client,
        folder,
        "collins",
        handle,
        "a woman in a red coat",
        display_name="Ana",
        tier="approved",
    )


def test_befriend_approve_and_cast(running_app, tmp_path):
    ana = signed_in_client(running_app, "ana_social")
    ben = signed_in_client(running_app, "ben_social")
    register_approved_double(ana, tmp_path, "ana_double")

    # Ben finds Ana and asks; Ana sees the request and accepts.
    ben.predict("ANA_s", api_name="/find_people")
    sent = ben.predict("ana_social", "ANA_s", api_name="/send_friend_request")
    assert "Request sent to" in sent[0]
    ana.predict(api_name="/list_friends")
    accepted = ana.predict("ben_social", "", api_name="/accept_friend")
    assert "are now friends" in accepted[0]

    # Friendship alone doesn't share a double kept for approved people only.
    with pytest.raises(AppError, match="isn't one of the doubles you may cast"):
        ben.predict(SCRIPT, api_name="/use_script")
    # Ben can't approve himself on Ana's double with a crafted call.
    with pytest.raises(AppError, match="doesn't exist or isn't yours"):
        ben.predict("ana_double", "ben_social", api_name="/grant_double")

    approved = ana.predict("ana_double", "ben_social", api_name="/grant_double")
    assert "may now use this double" in approved[0]
    _template_id, summary, *_ = ben.predict(SCRIPT, api_name="/use_script")
    assert "Roles:" in summary
