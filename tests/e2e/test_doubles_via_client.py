"""Registering a double through the real app, as a person's browser would call it."""

from __future__ import annotations

from pathlib import Path

import pytest
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError, ValidationError

from tests.double_media import person_video
from tests.e2e.client_steps import create_double, signed_in_client

pytestmark = pytest.mark.slow


def test_register_a_double_and_keep_it_private(running_app, tmp_path):
    reference = person_video(
        tmp_path / "ref.mp4", text="Hello, I am Eileen and this is my digital double."
    )
    eileen = signed_in_client(running_app, "eileen_e2e")
    report, *_ = eileen.predict(
        "person", handle_file(str(reference)), None, None, api_name="/analyze_reference"
    )
    assert "One clear face" in report and "Voice found" in report
    # Before consenting, Eileen can hear how her double will speak in clips.
    clip_voice = eileen.predict(api_name="/preview_draft_voice")
    assert clip_voice["value"]["url"].endswith(".wav")

    result = create_double(
        eileen, tmp_path, "collins", "eileen", "an astronaut in orange", restrictions="no violence"
    )
    assert "@eileen** is ready" in result[1]
    recording = tmp_path / "live-0.mp4"

    # Another person can't skip the steps with crafted calls: nothing of Eileen's is theirs.
    stranger = signed_in_client(running_app, "stranger_e2e")
    # Refused before the handler by the form's checks (no code was issued to this person), or by
    # the handler itself: either way nothing is created.
    with pytest.raises((AppError, ValidationError), match=r"Check your reference|Get a code first"):
        stranger.predict(
            "mallory", "", "", "everyone", "", True, True, True, handle_file(str(recording)),
            api_name="/create_double",
        )  # fmt: skip
    with pytest.raises(AppError, match="Select one of your doubles"):
        stranger.predict(api_name="/revoke_double")
    with pytest.raises(AppError, match="Select one of your doubles"):
        stranger.predict(api_name="/preview_double_voice")
    with pytest.raises(AppError, match="Check your reference first"):
        stranger.predict(api_name="/preview_draft_voice")
    guest = Client(running_app, verbose=False, download_files=False)
    with pytest.raises(AppError, match="sign in"):
        guest.predict(api_name="/get_code")
    with pytest.raises(AppError, match="sign in"):
        guest.predict(api_name="/preview_draft_voice")


def test_star_in_a_clip_from_a_written_script(running_app, tmp_path):
    from core.media.video_encode import probe_mp4, read_mp4_frames
    from core.provenance import is_label_visible

    reference = person_video(tmp_path / "ref.mp4", "hopper",
                             text="Hello, I am Grace and this is my double.")  # fmt: skip
    grace = signed_in_client(running_app, "grace_e2e")
    grace.predict("person", handle_file(str(reference)), None, None, api_name="/analyze_reference")
    create_double(
        grace, tmp_path, "hopper", "grace", "a woman in a navy uniform", restrictions="no violence"
    )
    script = (
        'Shot 1 (2s): medium, @grace on a rooftop says "Hello world." '
        "Shot 2 (1s): close-up, @grace smiles."
    )
    _template_id, summary, *_ = grace.predict(script, api_name="/use_script")
    assert "Roles:" in summary
    video, info, *_ = grace.predict("", 7, "only_me", "832x480", "@grace", None, None, None,
                                    api_name="/generate_clip")  # fmt: skip
    path = video["path"]  # the file the server handed to this client (same machine here)
    assert "Identity check" in info and "signed (C2PA)" in info
    probe = probe_mp4(Path(path))
    assert probe.has_audio and (probe.width, probe.height) == (832, 480)
    assert probe.duration_s == pytest.approx(3.0, abs=0.15)
    assert is_label_visible(next(read_mp4_frames(Path(path))))
