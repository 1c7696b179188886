"""Wan VACE model presets: which weights, and how they are fitted onto a 24 GB or 80 GB card.

``COSTAR_WAN_MODEL`` names a model (``1.3B``, ``14B``, a hub id or a local folder) and
``COSTAR_WAN_MEMORY`` the card (``24gb`` or ``80gb``); together they choose the weight dtype,
the CPU offload and VAE tiling. ``COSTAR_WAN_DTYPE`` and ``COSTAR_WAN_CPU_OFFLOAD`` override the
preset's choice.

| model | card | transformer weights | offload | VAE tiling |
|---|---|---|---|---|
| 1.3B | 24gb | bfloat16 | model (idle sub-models in CPU memory) | off |
| 1.3B | 80gb | bfloat16 | none | off |
| 14B | 24gb | float8 storage, bfloat16 compute | model | on |
| 14B | 80gb | bfloat16 | none | off |

Why these: the 14B transformer is 17.3 G parameters with its VACE blocks (counted from its
config), 34.7 GB in bfloat16, which cannot sit on a 24 GB card; stored in float8 (diffusers'
layerwise casting: each layer is cast up to bfloat16 just before it runs) it is 17.3 GB, and
model offload keeps the 11 GB UMT5 text encoder off the card while the transformer runs. The
VAE decodes 81 frames of 832×480 at once unless tiled; tiling trades a little time for several
GB of peak memory. On 80 GB everything fits in bfloat16 without offload, which is fastest.
The real-size memory and speed of each preset are measured by ``benchmarks/bench_wan_gpu.py``
(see ``docs/gpu_backend.md``; timing on a GPU is still to be taken).

FaceSim on OpenS2V-Eval: 20.6 % for Wan2.1-VACE-1.3B, 55.1 % for VACE-14B (published numbers).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from core.generation.wan.inputs import WanVaceSettingsError

WanDtype = Literal["bfloat16", "float16", "float32", "float8"]
WanOffload = Literal["none", "model", "sequential"]
WanMemory = Literal["24gb", "80gb"]

MODEL_IDS = {
    "1.3B": "Wan-AI/Wan2.1-VACE-1.3B-diffusers",
    "14B": "Wan-AI/Wan2.1-VACE-14B-diffusers",
}
DEFAULT_MODEL = MODEL_IDS["1.3B"]


@dataclass(frozen=True)
class WanPreset:
    """How one Wan model runs on one size of card.

    Attributes:
        model: Hub id or local folder of the diffusers model.
        label: Short name shown with each clip ("Wan2.1-VACE-14B").
        dtype: Weight dtype of the transformer; ``float8`` stores weights in float8 and computes
            in bfloat16. The text encoder uses bfloat16 then; the VAE always float32.
        offload: ``none`` (all on the GPU), ``model`` (one sub-model on the GPU at a time) or
            ``sequential`` (layer by layer: smallest memory, much slower).
        vae_tiling: Decode (and encode) the video in tiles.
    """

    model: str
    label: str
    dtype: WanDtype
    offload: WanOffload
    vae_tiling: bool

    def describe(self) -> str:
        """The model line a clip shows: ``Wan2.1-VACE-14B · float8 weights``."""
        weights = "float8 weights" if self.dtype == "float8" else self.dtype
        return f"{self.label} · {weights}"


_PRESETS: dict[tuple[str, WanMemory], tuple[WanDtype, WanOffload, bool]] = {
    ("1.3B", "24gb"): ("bfloat16", "model", False),
    ("1.3B", "80gb"): ("bfloat16", "none", False),
    ("14B", "24gb"): ("float8", "model", True),
    ("14B", "80gb"): ("bfloat16", "none", False),
}


def resolve_preset(
    model: str = "1.3B",
    memory: str = "24gb",
    *,
    dtype: str = "",
    offload: str = "",
) -> WanPreset:
    """Turn the ``COSTAR_WAN_*`` settings into one preset.

    Args:
        model: ``1.3B``, ``14B``, a hub id or a local folder. A hub id or folder whose name
            contains ``14B`` gets the 14B preset; anything else the 1.3B one.
        memory: ``24gb`` or ``80gb``.
        dtype: Overrides the preset's dtype when not empty.
        offload: Overrides the preset's offload when not empty (``true``/``false`` are read
            as ``model``/``none``, as the older yes/no setting was).

    Returns:
        The preset.

    Raises:
        WanVaceSettingsError: A value is not one of the known choices.
    """
    if memory not in get_args(WanMemory):
        raise WanVaceSettingsError(
            f"COSTAR_WAN_MEMORY is '{memory}'; use one of {', '.join(get_args(WanMemory))}."
        )
    size = _model_size(model)
    chosen_dtype, chosen_offload, tiling = _PRESETS[(size, memory)]  # type: ignore[index]
    if dtype:
        if dtype not in get_args(WanDtype):
            raise WanVaceSettingsError(
                f"COSTAR_WAN_DTYPE is '{dtype}'; use one of {', '.join(get_args(WanDtype))}."
            )
        chosen_dtype = dtype  # type: ignore[assignment]
    if offload:
        chosen_offload = _offload(offload)
    return WanPreset(
        model=MODEL_IDS.get(model, model),
        label=default_label(model),
        dtype=chosen_dtype,
        offload=chosen_offload,
        vae_tiling=tiling,
    )


def _model_size(model: str) -> str:
    if model in MODEL_IDS:
        return model
    return "14B" if "14b" in model.lower() else "1.3B"


def default_label(model: str) -> str:
    """The name a clip shows for ``model``: ``Wan2.1-VACE-14B`` for the known ids, else the
    folder or hub name without ``-diffusers``."""
    size = _model_size(model)
    if model in MODEL_IDS or model in MODEL_IDS.values():
        return f"Wan2.1-VACE-{size}"
    name = model.rstrip("/").rsplit("/", 1)[-1]
    if name.lower().endswith("-diffusers"):
        name = name[: -len("-diffusers")]
    return name or f"Wan2.1-VACE-{size}"


def _offload(value: str) -> WanOffload:
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return "model"
    if lowered in ("0", "false", "no", "off"):
        return "none"
    if lowered not in get_args(WanOffload):
        raise WanVaceSettingsError(
            f"COSTAR_WAN_CPU_OFFLOAD is '{value}'; use one of {', '.join(get_args(WanOffload))}."
        )
    return lowered  # type: ignore[return-value]


def torch_dtypes(dtype: WanDtype) -> tuple[Any, Any]:
    """``(storage, compute)`` torch dtypes of the transformer for a preset dtype."""
    import torch

    if dtype == "float8":
        return torch.float8_e4m3fn, torch.bfloat16
    return getattr(torch, dtype), getattr(torch, dtype)


def place_pipeline(pipe: Any, preset: WanPreset, device: str) -> Any:
    """Put a loaded pipeline on ``device`` the way the preset says.

    Every sub-model is put in inference mode first: a module left in training mode applies
    dropout, and the same seed would no longer give the same clip.

    Args:
        pipe: A ``WanVACEPipeline`` (or one shaped like it).
        preset: Dtype, offload and tiling to apply.
        device: ``cuda``, ``cuda:1``, ``cpu``…; offload applies on CUDA only.

    Returns:
        The same pipeline.
    """
    import torch

    for component in pipe.components.values():
        if isinstance(component, torch.nn.Module):
            component.eval()
    storage, compute = torch_dtypes(preset.dtype)
    if storage != compute:
        # Weights stay float8 in memory; each layer is cast to bfloat16 only while it runs.
        pipe.transformer.enable_layerwise_casting(storage_dtype=storage, compute_dtype=compute)
    if preset.vae_tiling:
        pipe.vae.enable_tiling()
    on_cuda = device.startswith("cuda")
    if on_cuda and preset.offload == "model":
        pipe.enable_model_cpu_offload(device=device)
    elif on_cuda and preset.offload == "sequential":
        pipe.enable_sequential_cpu_offload(device=device)
    else:
        pipe.to(device)
    return pipe
