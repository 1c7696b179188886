"""Finding Wan weights on disk and loading them, never downloading at run time.

``is_available`` tells the app whether a model's weights are on disk (a local folder or the
Hugging Face cache) and a CUDA GPU is present; loading uses ``local_files_only=True``.
``torch`` and ``diffusers`` are imported only when first needed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from core.generation.wan.inputs import WanVaceError
from core.generation.wan.presets import DEFAULT_MODEL, WanPreset, torch_dtypes

# A hub id is "owner/name" with no path separators beyond the one slash.
_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")
_REQUIRED_COMPONENTS = ("transformer", "vae", "text_encoder", "tokenizer", "scheduler")


class WanVaceUnavailableError(WanVaceError):
    """The Wan weights or a CUDA GPU are missing on this machine."""


def find_local_weights(
    model: str,
    *,
    cache_dir: Path | None = None,
    required: Sequence[str] = _REQUIRED_COMPONENTS,
) -> Path:
    """Locate a diffusers Wan VACE model on disk without touching the network.

    Args:
        model: A local folder, or a hub id such as ``Wan-AI/Wan2.1-VACE-1.3B-diffusers``.
        cache_dir: The Hugging Face hub cache to look in (default: the standard one).
        required: Component folders the model must have.

    Returns:
        The folder holding ``model_index.json`` and the model's component folders.

    Raises:
        WanVaceUnavailableError: The folder or cached snapshot is missing or incomplete.
    """
    folder = Path(model).expanduser()
    if not folder.is_dir():
        if not _HUB_ID.fullmatch(model):
            raise WanVaceUnavailableError(
                f"The Wan model folder {model} does not exist; set COSTAR_WAN_MODEL to a "
                "folder holding a diffusers model, or to a hub id that has been downloaded."
            )
        folder = _cached_snapshot(model, cache_dir)
    index = folder / "model_index.json"
    if not index.is_file():
        raise WanVaceUnavailableError(
            f"{folder} holds no model_index.json, so it is not a diffusers model folder."
        )
    missing = [name for name in required if not (folder / name).is_dir()]
    if missing:
        raise WanVaceUnavailableError(
            f"The Wan model in {folder} is incomplete: {', '.join(missing)} missing. "
            "Download it again."
        )
    return folder


def _cached_snapshot(model: str, cache_dir: Path | None) -> Path:
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError

    try:
        # local_files_only: answers from the cache alone, never downloads.
        return Path(snapshot_download(model, cache_dir=cache_dir, local_files_only=True))
    except (LocalEntryNotFoundError, HFValidationError, OSError) as missing:
        raise WanVaceUnavailableError(
            f"The weights of {model} are not on this machine. Download them once with "
            f"`hf download {model}` on a machine with internet access, or set "
            "COSTAR_WAN_MODEL to a local folder."
        ) from missing


def is_available(model: str = DEFAULT_MODEL, *, cache_dir: Path | None = None) -> tuple[bool, str]:
    """Say whether the Wan VACE backend can run here, without downloading anything.

    Args:
        model: Hub id or local folder of the diffusers model.
        cache_dir: The Hugging Face hub cache to look in (default: the standard one).

    Returns:
        ``(True, "...")`` when a CUDA GPU is present and the weights are on disk; otherwise
        ``(False, reason)`` where the reason names every missing piece.
    """
    import torch

    reasons = []
    if not torch.cuda.is_available():
        reasons.append(
            "No CUDA GPU is present; Wan2.1-VACE needs one (about 8 GB of VRAM at 480p). "
            "The animatic renderer works without one."
        )
    try:
        folder = find_local_weights(model, cache_dir=cache_dir)
    except WanVaceUnavailableError as missing:
        reasons.append(str(missing))
    if reasons:
        return False, " ".join(reasons)
    return True, f"Wan VACE is ready: weights in {folder}, GPU {torch.cuda.get_device_name()}."


def load_vace_pipeline(preset: WanPreset) -> Any:
    """Load ``WanVACEPipeline`` from local files in the preset's dtype (VAE in float32).

    Raises:
        WanVaceUnavailableError: The weights are missing or unreadable.
    """
    import torch
    from diffusers import AutoencoderKLWan, WanVACEPipeline

    folder = find_local_weights(preset.model)
    # float8 presets load in bfloat16; place_pipeline then stores the transformer in float8.
    _, compute = torch_dtypes(preset.dtype)
    try:
        # The Wan VAE is numerically fragile in half precision (diffusers' Wan docs).
        vae = AutoencoderKLWan.from_pretrained(
            folder, subfolder="vae", dtype=torch.float32, local_files_only=True
        )
        return WanVACEPipeline.from_pretrained(
            folder, vae=vae, dtype=compute, local_files_only=True
        )
    except (OSError, ValueError) as broken:
        raise WanVaceUnavailableError(
            f"The Wan model in {folder} could not be loaded ({broken}). Download it again."
        ) from broken
