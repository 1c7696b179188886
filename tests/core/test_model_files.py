"""Model files: located in the venv, extracted from a wheel, missing ones explained."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from core.model_files import (
    SELFIE_MODEL_PATH_IN_WHEEL,
    ModelDownloadError,
    ModelFileMissingError,
    default_models_dir,
    extract_selfie_model,
    install_selfie_model,
    selfie_model_path,
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
