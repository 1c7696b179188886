"""The built-in voice's timing copy: the same piper model with per-phoneme sample counts exposed.

piper can patch a voice for alignments in memory on every start (~15 s); instead the install
step (`python -m core.model_files`) writes the patched copy once next to the other model files,
and speech uses it when it is there (phoneme timings for lip sync), the packaged voice when not.
"""

from __future__ import annotations

from pathlib import Path

from core.model_files import ModelDownloadError, default_models_dir

ALIGNED_VOICE_SUFFIX = ".aligned.onnx"  # <voice name>.aligned.onnx (+ .json) in the models dir


def aligned_voice_path(voice_model: Path, models_dir: Path | None = None) -> Path | None:
    """The installed copy of ``voice_model`` that also outputs phoneme timings, if any.

    Args:
        voice_model: The piper voice (``.onnx``) as its package ships it.
        models_dir: Folder holding the models; defaults to `default_models_dir()`.

    Returns:
        Its path, or None when it was not installed (speech then has no phoneme timings).
    """
    folder = models_dir if models_dir is not None else default_models_dir()
    path = folder / (voice_model.stem + ALIGNED_VOICE_SUFFIX)
    has_config = path.with_name(path.name + ".json").is_file()
    return path if path.is_file() and has_config else None


def install_aligned_voice(voice_model: Path, models_dir: Path) -> tuple[Path, bool]:
    """Write a copy of a piper voice that outputs per-phoneme sample counts.

    Args:
        voice_model: The ``.onnx`` voice (its ``.onnx.json`` config must sit beside it).
        models_dir: Destination folder (created if needed).

    Returns:
        (patched model path, True if it was written now / False if it was already there).

    Raises:
        ModelDownloadError: The voice could not be read or patched.
    """
    existing = aligned_voice_path(voice_model, models_dir)
    if existing is not None:
        return existing, False
    try:
        import onnx
        from piper.patch_voice_with_alignment import add_alignment_output

        model = onnx.load(str(voice_model))
        add_alignment_output(model)
        config = Path(f"{voice_model}.json").read_bytes()
    except (ImportError, OSError, ValueError) as error:
        message = f"Could not patch {voice_model.name} for timings: {error}"
        raise ModelDownloadError(message) from error
    models_dir.mkdir(parents=True, exist_ok=True)
    target = models_dir / (voice_model.stem + ALIGNED_VOICE_SUFFIX)
    partial = target.with_suffix(".partial")
    onnx.save(model, str(partial))
    target.with_name(target.name + ".json").write_bytes(config)
    partial.replace(target)  # last: the model's presence means both files are complete
    return target, True


__all__ = ["aligned_voice_path", "install_aligned_voice"]
