"""C2PA signing and the install's signing identity, on a short real MP4 (no watermark: fast)."""

import shutil
import stat
import struct
import subprocess
from pathlib import Path

import imageio_ffmpeg
import pytest

from core.media.video_encode import encode_mp4, probe_mp4
from core.provenance import (
    CastMember,
    ClipManifest,
    ManifestError,
    ensure_signing_identity,
    read_manifest,
    sign_mp4,
)
from core.provenance.signing import CA_KEY_FILE, SIGNER_KEY_FILE
from tests.core.provenance.provenance_media import (
    FPS,
    HEIGHT,
    WIDTH,
    astronaut_pan,
    speech_like_tone,
)

CLIP_ID = "5be1c0de2a9f7730"
CAST = (
    CastMember("dbl_7f3a", "9" * 64),
    CastMember("dbl_0c21", "ab" * 32),
)
MANIFEST = ClipManifest(clip_id=CLIP_ID, creator_handle="maya", backend="animatic", cast=CAST)


@pytest.fixture(scope="module")
def identity(tmp_path_factory):
    return ensure_signing_identity(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def signed_clip(tmp_path_factory, identity) -> Path:
    path = tmp_path_factory.mktemp("clip") / f"{CLIP_ID}.mp4"
    encode_mp4(
        astronaut_pan(12), fps=FPS, size=(WIDTH, HEIGHT), audio=speech_like_tone(0.5), path=path
    )
    sign_mp4(path, MANIFEST, identity)
    return path


def flip_one_mdat_byte(source: Path, destination: Path) -> None:
    data = bytearray(source.read_bytes())
    offset = 0
    while offset < len(data):
        size, name = struct.unpack(">I4s", data[offset : offset + 8])
        if name == b"mdat":
            data[offset + size // 2] ^= 0x01
            destination.write_bytes(bytes(data))
            return
        offset += size
    raise AssertionError("no mdat box found")


def test_signed_clip_is_valid_and_trusted_with_the_ca(signed_clip, identity):
    reading = read_manifest(signed_clip, trust_anchor_pem=identity.ca_certificate_pem)

    assert reading.validation_state == "Trusted"
    assert reading.valid and reading.trusted
    assert reading.problems == ()


def test_signing_keeps_the_clip_playable_with_audio(signed_clip):
    info = probe_mp4(signed_clip)

    assert (info.frame_count, info.size, info.has_audio) == (12, (WIDTH, HEIGHT), True)


def test_manifest_names_doubles_and_consent_but_no_personal_data(signed_clip, identity):
    reading = read_manifest(signed_clip, trust_anchor_pem=identity.ca_certificate_pem)
    manifest = reading.manifest

    assert manifest["claim_generator_info"][0]["name"] == "Co-Star Studio"
    assert manifest["claim_generator_info"][0]["version"] == "0.1"
    actions = next(a for a in manifest["assertions"] if a["label"].startswith("c2pa.actions"))
    created = actions["data"]["actions"][0]
    assert created["action"] == "c2pa.created"
    assert created["digitalSourceType"].endswith("/trainedAlgorithmicMedia")
    assert reading.clip_assertion == {
        "schema": 1,
        "clip_id": CLIP_ID,
        "creator": "@maya",
        "generator_backend": "animatic",
        "cast": [
            {"double_id": "dbl_7f3a", "consent_event_hash": "9" * 64},
            {"double_id": "dbl_0c21", "consent_event_hash": "ab" * 32},
        ],
    }


def test_without_a_trust_anchor_the_manifest_is_valid_but_not_trusted(signed_clip):
    reading = read_manifest(signed_clip)

    assert reading.validation_state == "Valid"
    assert reading.valid and not reading.trusted
    assert reading.problems == ()


def test_another_installs_ca_does_not_trust_this_clip(signed_clip, tmp_path):
    stranger = ensure_signing_identity(tmp_path / "other-install")

    reading = read_manifest(signed_clip, trust_anchor_pem=stranger.ca_certificate_pem)

    assert reading.valid and not reading.trusted
    assert any("signingCredential.untrusted" in problem for problem in reading.problems)


def test_editing_one_mdat_byte_invalidates_the_manifest(signed_clip, identity, tmp_path):
    tampered = tmp_path / "tampered.mp4"
    flip_one_mdat_byte(signed_clip, tampered)

    reading = read_manifest(tampered, trust_anchor_pem=identity.ca_certificate_pem)

    assert reading.manifest is not None
    assert reading.validation_state == "Invalid"
    assert not reading.valid
    assert any("bmffHash.mismatch" in problem for problem in reading.problems)


@pytest.mark.parametrize(
    "codec_args", [["-c", "copy"], ["-c:v", "libx264", "-preset", "ultrafast"]]
)
def test_remuxing_or_reencoding_drops_the_manifest(signed_clip, tmp_path, codec_args):
    rewritten = tmp_path / "rewritten.mp4"
    subprocess.run(
        [
            imageio_ffmpeg.get_ffmpeg_exe(),
            *("-v", "error", "-i", str(signed_clip)),
            *codec_args,
            str(rewritten),
        ],
        check=True,
    )

    reading = read_manifest(rewritten)

    assert reading.manifest is None
    assert not reading.valid


def test_identity_is_created_once_and_reused(tmp_path):
    keys = tmp_path / "keys"

    first = ensure_signing_identity(keys)
    files_after_first = {path.name: path.read_bytes() for path in keys.iterdir()}
    second = ensure_signing_identity(keys)

    assert first == second
    assert {path.name: path.read_bytes() for path in keys.iterdir()} == files_after_first
    for key_file in (CA_KEY_FILE, SIGNER_KEY_FILE):
        assert stat.S_IMODE((keys / key_file).stat().st_mode) == 0o600
    assert stat.S_IMODE(keys.stat().st_mode) == 0o700


def test_lost_signer_is_reissued_by_the_same_ca(tmp_path):
    keys = tmp_path / "keys"
    first = ensure_signing_identity(keys)
    (keys / SIGNER_KEY_FILE).unlink()

    renewed = ensure_signing_identity(keys)

    assert renewed.ca_certificate_pem == first.ca_certificate_pem
    assert renewed.private_key_pem != first.private_key_pem


def test_manifest_refuses_names_where_ids_belong(tmp_path, identity, signed_clip):
    copy = tmp_path / "copy.mp4"
    shutil.copy(signed_clip, copy)
    named = ClipManifest(
        clip_id=CLIP_ID,
        creator_handle="maya",
        backend="animatic",
        cast=(CastMember("Maya Smith", "9" * 64),),
    )

    with pytest.raises(ManifestError, match="opaque id"):
        sign_mp4(copy, named, identity)
    assert copy.read_bytes() == signed_clip.read_bytes()


def test_signing_a_missing_file_is_reported(tmp_path, identity):
    with pytest.raises(ManifestError, match="does not exist"):
        sign_mp4(tmp_path / "missing.mp4", MANIFEST, identity)
