"""app.py assembles everything without launching (how Spaces and tests import it)."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

import app
from webapp.settings import Settings


def test_build_app_migrates_and_exposes_the_api(tmp_path):
    blocks, services = app.build_app(Settings(data_dir=tmp_path / "data"))
    assert isinstance(blocks, gr.Blocks)
    assert (tmp_path / "data" / "costar.db").exists()
    assert (tmp_path / "data" / "secret_key").stat().st_mode & 0o077 == 0  # owner-only
    api_names = {fn.api_name for fn in blocks.fns.values() if fn.api_name}
    expected = {"sign_up", "log_in", "log_out", "whoami", "analyze_reference", "get_code",
                "create_double", "update_double", "revoke_double", "delete_double",
                "use_script", "generate_clip", "cancel_clip"}  # fmt: skip
    assert expected <= api_names
    assert len(services.templates) >= 8


def test_readme_front_matter_configures_a_gradio_space():
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    front = text.split("---")[1]
    fields = dict(line.split(":", 1) for line in front.strip().splitlines())
    assert fields["sdk"].strip() == "gradio"
    assert fields["app_file"].strip() == "app.py"
    assert fields["sdk_version"].strip() == gr.__version__
    assert fields["hf_oauth"].strip() == "true"
    assert fields["python_version"].strip().strip('"') in {"3.11", "3.12"}


def test_the_default_renderer_gets_a_face_model_for_mouth_motion(tmp_path):
    pipeline = app.build_pipeline(Settings(data_dir=tmp_path / "data"))
    assert pipeline.backend.name == "animatic"
    assert pipeline.backend.moves_mouths


def test_no_player_of_a_persons_media_offers_a_share_button(tmp_path):
    # On a Space, Gradio's "share" posts the file to a public discussion: outside every
    # permission rule of the app. Only the preset gallery (stock artwork) keeps it.
    blocks, _ = app.build_app(Settings(data_dir=tmp_path / "data"))
    media_blocks = [
        block for block in blocks.blocks.values()
        if isinstance(block, gr.Video | gr.Audio | gr.Image | gr.Gallery)
        and block.elem_id != "template-gallery"
    ]  # fmt: skip
    # studio clip, swap, appearance, two clip voices, the detected face... (the feed's cards
    # are native <video> players in one HTML block: a browser's own controls share nothing)
    assert len(media_blocks) >= 8
    offering_share = [b.elem_id for b in media_blocks if b.buttons is None or "share" in b.buttons]
    assert offering_share == []
