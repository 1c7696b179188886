"""End to end: label + watermark, H.264 encode, C2PA signing, then verify_clip and the command.

Slow (~8 s): importing imwatermark imports torch, and the clip carries 8 watermarked frames.
"""

import subprocess
from pathlib import Path

import imageio_ffmpeg
import pytest

from core.media.video_encode import encode_mp4
from core.provenance import (
    CastMember,
    ClipManifest,
    ai_label_text,
    ensure_signing_identity,
    mark_frames,
    sign_mp4,
    verify_clip,
)
from core.provenance.verify import main
from tests.core.provenance.provenance_media import (
    FPS,
    HEIGHT,
    WIDTH,
    astronaut_pan,
    speech_like_tone,
)

pytestmark = pytest.mark.slow

CLIP_ID = "a11ce0b0b0c0ffee"
MANIFEST = ClipManifest(
    clip_id=CLIP_ID,
    creator_handle="maya",
    backend="animatic",
    cast=(CastMember("dbl_7f3a", "9" * 64),),
)


@pytest.fixture(scope="module")
def identity(tmp_path_factory):
    return ensure_signing_identity(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def signed_clip(tmp_path_factory, identity) -> Path:
    path = tmp_path_factory.mktemp("clip") / f"{CLIP_ID}.mp4"
    frames = mark_frames(astronaut_pan(2 * FPS), clip_id=CLIP_ID, label_text=ai_label_text("maya"))
    encode_mp4(frames, fps=FPS, size=(WIDTH, HEIGHT), audio=speech_like_tone(2.0), path=path)
    sign_mp4(path, MANIFEST, identity)
    return path


def test_signed_clip_verifies_fully_with_the_ca(signed_clip, identity):
    verification = verify_clip(signed_clip, trust_anchor_pem=identity.ca_certificate_pem)

    assert verification.problems == ()
    assert verification.ok
    assert verification.label_visible
    assert verification.watermark.clip_id == CLIP_ID
    assert verification.watermark.frames_read == 8
    assert verification.watermark.agreement > 0.95
    assert verification.manifest_valid and verification.manifest_trusted


def test_another_installs_ca_is_reported_as_a_problem(signed_clip, tmp_path):
    stranger = ensure_signing_identity(tmp_path / "other-install")

    verification = verify_clip(signed_clip, trust_anchor_pem=stranger.ca_certificate_pem)

    assert verification.manifest_valid and not verification.manifest_trusted
    assert verification.watermark.clip_id == CLIP_ID
    assert any("not signed by the given CA" in problem for problem in verification.problems)


def test_after_reencoding_label_and_watermark_remain_but_manifest_is_gone(signed_clip, tmp_path):
    reencoded = tmp_path / "reencoded.mp4"
    codec_args = ["-c:v", "libx264", "-preset", "veryfast", "-crf", "20", "-c:a", "copy"]
    subprocess.run(
        [
            imageio_ffmpeg.get_ffmpeg_exe(),
            *("-v", "error", "-i", str(signed_clip)),
            *codec_args,
            str(reencoded),
        ],
        check=True,
    )

    verification = verify_clip(reencoded)

    assert verification.label_visible
    assert verification.watermark.clip_id == CLIP_ID
    assert verification.manifest is None and not verification.manifest_valid
    assert not verification.ok


def test_verify_command_exit_codes(signed_clip, identity, tmp_path, capsys):
    ca_file = tmp_path / "ca.pem"
    ca_file.write_bytes(identity.ca_certificate_pem)
    unsigned = tmp_path / "unsigned.mp4"
    encode_mp4(astronaut_pan(6), fps=FPS, size=(WIDTH, HEIGHT), audio=None, path=unsigned)

    assert main(["verify", str(signed_clip), "--ca", str(ca_file)]) == 0
    assert f"Invisible watermark: {CLIP_ID}" in capsys.readouterr().out
    assert main(["verify", str(unsigned)]) == 1
    report = capsys.readouterr().out
    assert "Visible AI label:    NO" in report and "No C2PA manifest" in report
    assert main(["verify", str(tmp_path / "missing.mp4")]) == 2
