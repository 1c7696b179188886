"""The ``wan-vace`` backend: each shot painted by Wan2.1-VACE (``diffusers.WanVACEPipeline``).

Each shot's portraits, prompts, frame count and size come from
:mod:`core.generation.wan_inputs`; this module loads the pipeline, calls it (on ZeroGPU inside
``spaces.GPU``) and hands back frames fitted to the plan.

Cost (Wan2.1-VACE-1.3B at 480p, 832×480): about 8 GB of VRAM with model CPU offload; the base
1.3B model takes about 260 s for 5 s of video at 50 steps on an RTX 4090 (we default to 30 steps).
On ZeroGPU the generate call is wrapped in ``spaces.GPU`` with a duration estimated per shot.

Settings the app passes in (read only by the settings module, never here):
    COSTAR_WAN_MODEL        hub id or local folder (default ``Wan-AI/Wan2.1-VACE-1.3B-diffusers``)
    COSTAR_WAN_DTYPE        ``bfloat16`` (default), ``float16`` or ``float32``
    COSTAR_WAN_CPU_OFFLOAD  ``1`` (default) to keep idle sub-models in CPU memory

Weights are never downloaded at run time: ``is_available`` tells the app whether they are on disk
(a local folder or the Hugging Face cache) and a CUDA GPU is present, and loading uses
``local_files_only=True``. ``torch`` and ``diffusers`` are imported only when first needed, so
importing this module is cheap.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
from PIL import Image

from core.generation.types import (
    BackendName,
    FrameCallback,
    RenderRequest,
    ShotPlan,
)
from core.generation.wan_inputs import (
    TEMPORAL_STEP,
    ShotPrompts,
    WanVaceError,
    WanVaceSettingsError,
    build_shot_prompts,
    native_frame_count,
    on_screen_cast,
    pack_reference_images,
    resample_frames,
    snap_size,
)

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "Wan-AI/Wan2.1-VACE-1.3B-diffusers"
WanDtype = Literal["bfloat16", "float16", "float32"]
# ZeroGPU asks for a duration up front. Rough cost of one denoising step for 81 frames at
# 832×480 with guidance on a ZeroGPU slice, plus a fixed allowance for text encoding and decoding.
_GPU_SECONDS_PER_STEP_AT_480P = 3.0
_GPU_FIXED_SECONDS = 20.0
_REFERENCE_PIXELS = 832 * 480 * 81
# A hub id is "owner/name" with no path separators beyond the one slash.
_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")
_REQUIRED_COMPONENTS = ("transformer", "vae", "text_encoder", "tokenizer", "scheduler")


class WanVaceUnavailableError(WanVaceError):
    """The Wan VACE weights or a CUDA GPU are missing on this machine."""


@dataclass(frozen=True, eq=False)
class _GenerateCall:
    """Everything one ``WanVACEPipeline`` call needs (one argument, for ``spaces.GPU``)."""

    prompts: ShotPrompts
    reference_images: tuple[Image.Image, ...]
    width: int
    height: int
    num_frames: int
    seed: int
    on_step: Callable[[int, int], None]


def find_local_weights(model: str, *, cache_dir: Path | None = None) -> Path:
    """Locate a diffusers Wan VACE model on disk without touching the network.

    Args:
        model: A local folder, or a hub id such as ``Wan-AI/Wan2.1-VACE-1.3B-diffusers``.
        cache_dir: The Hugging Face hub cache to look in (default: the standard one).

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
    missing = [name for name in _REQUIRED_COMPONENTS if not (folder / name).is_dir()]
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


class WanVaceBackend:
    """Renders shots with Wan2.1-VACE; the model loads on the first render, once.

    Args:
        model: Hub id (must already be in the Hugging Face cache) or local folder.
        dtype: Weight dtype of the transformer and text encoder; the VAE stays float32.
        cpu_offload: Keep sub-models in CPU memory until used (on CUDA only); ~8 GB VRAM at 480p.
            Turn it off on ZeroGPU, where the whole pipeline is moved to the GPU at startup.
        device: ``"cuda"``, ``"cpu"``…; default CUDA when present.
        num_inference_steps: Denoising steps per shot.
        guidance_scale: Classifier-free guidance strength.
        pipeline_factory: Builds the pipeline instead of loading ``model`` (tests pass tiny ones).

    Raises:
        WanVaceSettingsError: ``dtype``, ``num_inference_steps`` or ``guidance_scale`` is out
            of range.
    """

    name: BackendName = "wan-vace"
    is_available = staticmethod(is_available)

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        dtype: WanDtype = "bfloat16",
        cpu_offload: bool = True,
        device: str | None = None,
        num_inference_steps: int = 30,
        guidance_scale: float = 5.0,
        pipeline_factory: Callable[[], Any] | None = None,
    ) -> None:
        if dtype not in get_args(WanDtype):
            raise WanVaceSettingsError(
                f"COSTAR_WAN_DTYPE is '{dtype}'; use one of {get_args(WanDtype)}."
            )
        if num_inference_steps < 1:
            raise WanVaceSettingsError(
                f"num_inference_steps is {num_inference_steps}; use 1 or more."
            )
        if not math.isfinite(guidance_scale) or guidance_scale < 0:
            raise WanVaceSettingsError(f"guidance_scale is {guidance_scale}; use a number ≥ 0.")
        self.model = model
        self.dtype: WanDtype = dtype
        self.cpu_offload = cpu_offload
        self.device = device
        self.num_inference_steps = num_inference_steps
        self.guidance_scale = guidance_scale
        self._pipeline_factory = pipeline_factory
        self._pipeline: Any = None
        self._load_lock = threading.Lock()
        # One pipeline object is not safe to run twice at once (scheduler state); Gradio's
        # queue should serialise GPU jobs anyway, this makes it certain.
        self._generate_lock = threading.Lock()
        self._generate = _on_zero_gpu(self._generate_frames, duration=self._gpu_seconds)

    def render_shot(
        self, plan: ShotPlan, request: RenderRequest, *, on_frame: FrameCallback | None = None
    ) -> list[np.ndarray]:
        """Paint one shot.

        Args:
            plan: The shot, its timing and output size.
            request: The whole render (cast, seed).
            on_frame: Gets ``(done, total)`` in output frames as denoising proceeds; raising
                ``RenderCancelledError`` from it stops the render after the current step.

        Returns:
            Exactly ``plan.frame_count`` RGB uint8 frames of ``plan.height``×``plan.width``.

        Raises:
            RenderCancelledError: ``on_frame`` cancelled the render.
            WanVaceUnavailableError: The weights could not be loaded.
            WanVaceError: A portrait is unusable.
            core.scripts.casting.CastError: The shot mentions a role nobody plays.
        """
        if plan.frame_count < 1 or plan.width < 1 or plan.height < 1 or plan.fps < 1:
            raise WanVaceError(
                f"Shot {plan.index + 1} asks for {plan.frame_count} frames of "
                f"{plan.width}×{plan.height} at {plan.fps} fps; nothing can be painted."
            )
        report = on_frame or _ignore_progress
        report(0, plan.frame_count)  # lets a cancel land before minutes of loading
        width, height = snap_size(plan.width, plan.height)
        call = _GenerateCall(
            prompts=build_shot_prompts(plan.shot, request.cast),
            reference_images=tuple(
                pack_reference_images(on_screen_cast(plan.shot, request.cast), min(width, height))
            ),
            width=width,
            height=height,
            num_frames=native_frame_count(plan.duration),
            seed=request.seed + plan.index,
            on_step=lambda step, steps: report(plan.frame_count * step // steps, plan.frame_count),
        )
        # Loaded here, not inside the GPU call: on ZeroGPU that call runs in a short-lived worker,
        # so a pipeline loaded there would be loaded again for every shot.
        self.load()
        frames = self._generate(call)
        return resample_frames(
            frames, frame_count=plan.frame_count, fps=plan.fps, width=plan.width, height=plan.height
        )

    def _generate_frames(self, call: _GenerateCall) -> np.ndarray:
        import torch

        pipe = self.load()

        def step_end(
            _pipe: Any, step: int, _timestep: Any, tensors: dict[str, torch.Tensor]
        ) -> dict[str, torch.Tensor]:
            call.on_step(step + 1, self.num_inference_steps)
            return tensors

        with self._generate_lock:
            try:
                output = pipe(
                    prompt=call.prompts.prompt,
                    negative_prompt=call.prompts.negative_prompt,
                    reference_images=list(call.reference_images) or None,
                    height=call.height,
                    width=call.width,
                    num_frames=call.num_frames,
                    num_inference_steps=self.num_inference_steps,
                    guidance_scale=self.guidance_scale,
                    # A CPU generator gives the same noise whatever device runs the model.
                    generator=torch.Generator(device="cpu").manual_seed(call.seed),
                    output_type="np",
                    callback_on_step_end=step_end,
                )
            finally:
                # A cancelled call skips diffusers' own clean-up; without it the offload hooks
                # could keep a sub-model on the GPU.
                pipe.maybe_free_model_hooks()
        video = np.asarray(output.frames[0], dtype=np.float32)
        return (np.clip(video, 0.0, 1.0) * 255.0).round().astype(np.uint8)

    def load(self) -> Any:
        """Load the pipeline (first call only) and return it.

        Rendering calls this itself; the app may call it at startup to pay the load time
        before the first request (on ZeroGPU, outside any ``spaces.GPU`` call).

        Returns:
            The ``WanVACEPipeline`` (or the factory's pipeline), placed on its device.

        Raises:
            WanVaceUnavailableError: The weights are missing or unreadable.
        """
        if self._pipeline is None:
            with self._load_lock:
                if self._pipeline is None:
                    self._pipeline = self._place(self._build_pipeline())
        return self._pipeline

    def _build_pipeline(self) -> Any:
        if self._pipeline_factory is not None:
            return self._pipeline_factory()
        import torch
        from diffusers import AutoencoderKLWan, WanVACEPipeline

        folder = find_local_weights(self.model)
        try:
            # The Wan VAE is numerically fragile in half precision (diffusers' Wan docs).
            vae = AutoencoderKLWan.from_pretrained(
                folder, subfolder="vae", dtype=torch.float32, local_files_only=True
            )
            return WanVACEPipeline.from_pretrained(
                folder, vae=vae, dtype=getattr(torch, self.dtype), local_files_only=True
            )
        except (OSError, ValueError) as broken:
            raise WanVaceUnavailableError(
                f"The Wan model in {folder} could not be loaded ({broken}). Download it again."
            ) from broken

    def _place(self, pipe: Any) -> Any:
        import torch

        # Inference mode for every sub-model: a module left in training mode (as a freshly built
        # one is) applies dropout, and the same seed would no longer give the same clip.
        for component in pipe.components.values():
            if isinstance(component, torch.nn.Module):
                component.eval()
        device = self.device or ("cuda" if torch.cuda.is_available() else "cpu")
        if self.cpu_offload and device.startswith("cuda"):
            pipe.enable_model_cpu_offload(device=device)
        else:
            pipe.to(device)
        return pipe

    def _gpu_seconds(self, call: _GenerateCall) -> int:
        pixels = (
            call.width
            * call.height
            * (call.num_frames + TEMPORAL_STEP * len(call.reference_images))
        )
        per_step = _GPU_SECONDS_PER_STEP_AT_480P * pixels / _REFERENCE_PIXELS
        return math.ceil(_GPU_FIXED_SECONDS + self.num_inference_steps * per_step)


def _ignore_progress(done: int, total: int) -> None:
    """Progress sink for callers that pass no ``on_frame``."""


def _on_zero_gpu(
    generate: Callable[[_GenerateCall], np.ndarray],
    *,
    duration: Callable[[_GenerateCall], int],
) -> Callable[[_GenerateCall], np.ndarray]:
    """Wrap ``generate`` in ``spaces.GPU`` when the ``spaces`` package is installed.

    ``spaces.GPU`` returns the function unchanged outside ZeroGPU Spaces. On ZeroGPU the call
    runs in a GPU worker, so it must stay synchronous, and ``duration`` reserves GPU time.
    """
    try:
        import spaces
    except ImportError:
        return generate
    return spaces.GPU(duration=duration)(generate)
