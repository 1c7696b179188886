"""The ``wan-vace`` backend: each shot painted by Wan2.1-VACE (``diffusers.WanVACEPipeline``).

Per shot, in order:

1. The embedded animatic is rendered first (:mod:`core.generation.wan.control`): it becomes
   VACE's control video (edges by default) and gives a mask per role, with mouths already
   moving in time with the dialogue.
2. Each role the animatic shows gets its original reference portrait (never the previous
   shot's frames) as a VACE reference image, and self-attention is split so each reference
   conditions only its own role's region (:mod:`core.generation.wan.regions`).
3. Wan paints the shot; each role's colours (and the scene's) are matched to how the clip
   first showed them (:mod:`core.generation.wan.colour`).
4. Optionally, each double is re-rendered in its region by Wan-Animate, one per pass
   (:mod:`core.generation.wan.animate`).

Prompts, sizes and frame timing come from :mod:`core.generation.wan.inputs`; model presets
(1.3B / 14B on 24 GB / 80 GB cards) from :mod:`core.generation.wan.presets`; weights are found
and loaded by :mod:`core.generation.wan.weights`, never downloaded. On ZeroGPU the generate call
is wrapped in ``spaces.GPU`` with a duration estimated per shot. ``torch`` and ``diffusers``
are imported only when first needed, so importing this module is cheap.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, get_args

import numpy as np
from PIL import Image

from core.generation.types import BackendName, FrameCallback, RenderRequest, ShotPlan
from core.generation.wan.colour import ColourAnchors
from core.generation.wan.control import AnimaticGuide, ShotGuide
from core.generation.wan.inputs import (
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
from core.generation.wan.presets import (
    DEFAULT_MODEL,
    MODEL_IDS,
    WanDtype,
    WanOffload,
    WanPreset,
    default_label,
    place_pipeline,
)
from core.generation.wan.weights import is_available, load_vace_pipeline

if TYPE_CHECKING:
    import torch

    from core.generation.wan.animate import WanAnimatePass

# ZeroGPU asks for a duration up front. Rough cost of one denoising step for 81 frames at
# 832×480 with guidance on a ZeroGPU slice, plus a fixed allowance for text encoding and decoding.
_GPU_SECONDS_PER_STEP_AT_480P = 3.0
_GPU_FIXED_SECONDS = 20.0
_REFERENCE_PIXELS = 832 * 480 * 81


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
    control: tuple[Image.Image, ...] = ()  # VACE's control video, num_frames long, or none
    role_masks: np.ndarray | None = None  # (references, num_frames, height, width) bool


class WanVaceBackend:
    """Renders shots with Wan2.1-VACE; the model loads on the first render, once.

    Args:
        model: Hub id (must already be in the Hugging Face cache) or local folder.
        dtype: Weight dtype of the transformer (``float8``: stored in float8, run in
            bfloat16); the VAE stays float32.
        offload: ``model`` keeps idle sub-models in CPU memory, ``sequential`` streams layers
            (CUDA only); ``none`` keeps everything on the device. Turn it off on ZeroGPU,
            where the whole pipeline is moved to the GPU at startup.
        vae_tiling: Decode the video in tiles (less peak memory).
        label: The model name shown with each clip (default from the model id).
        device: ``"cuda"``, ``"cpu"``…; default CUDA when present.
        num_inference_steps: Denoising steps per shot.
        guidance_scale: Classifier-free guidance strength.
        guide: Renders each shot's animatic for the control video and per-role masks; None
            paints from the prompt and references alone (no control, no regions).
        regional: Split attention so each reference conditions only its role's region.
        colour_match: Match each role's colours to the clip's first shot showing it.
        reanimate: An optional Wan-Animate pass re-rendering each double in its region.
        pipeline_factory: Builds the pipeline instead of loading ``model`` (tests pass tiny ones).

    Raises:
        WanVaceSettingsError: ``dtype``, ``offload``, ``num_inference_steps`` or
            ``guidance_scale`` is out of range.
    """

    name: BackendName = "wan-vace"
    is_available = staticmethod(is_available)

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        dtype: WanDtype = "bfloat16",
        offload: WanOffload = "model",
        vae_tiling: bool = False,
        label: str | None = None,
        device: str | None = None,
        num_inference_steps: int = 30,
        guidance_scale: float = 5.0,
        guide: AnimaticGuide | None = None,
        regional: bool = True,
        colour_match: bool = True,
        reanimate: WanAnimatePass | None = None,
        pipeline_factory: Callable[[], Any] | None = None,
    ) -> None:
        if num_inference_steps < 1:
            raise WanVaceSettingsError(
                f"num_inference_steps is {num_inference_steps}; use 1 or more."
            )
        if not math.isfinite(guidance_scale) or guidance_scale < 0:
            raise WanVaceSettingsError(f"guidance_scale is {guidance_scale}; use a number ≥ 0.")
        if dtype not in get_args(WanDtype):
            raise WanVaceSettingsError(
                f"COSTAR_WAN_DTYPE is '{dtype}'; use one of {', '.join(get_args(WanDtype))}."
            )
        if offload not in get_args(WanOffload):
            raise WanVaceSettingsError(
                f"COSTAR_WAN_CPU_OFFLOAD is '{offload}'; use one of "
                f"{', '.join(get_args(WanOffload))}."
            )
        self.preset = WanPreset(
            model=MODEL_IDS.get(model, model),
            label=label or default_label(model),
            dtype=dtype,
            offload=offload,
            vae_tiling=vae_tiling,
        )
        self.device = device
        self.num_inference_steps = num_inference_steps
        self.guidance_scale = guidance_scale
        self.guide = guide
        self.regional = regional
        self.colour_match = colour_match
        self.reanimate = reanimate
        self._colours = ColourAnchors()
        self._pipeline_factory = pipeline_factory
        self._pipeline: Any = None
        self._regions: Any = None  # wan_regions.RegionContext once the pipeline is loaded
        self._load_lock = threading.Lock()
        # One pipeline object is not safe to run twice at once (scheduler state, the region
        # layout); the render queue should serialise GPU jobs anyway, this makes it certain.
        self._generate_lock = threading.Lock()
        self._generate = _on_zero_gpu(self._generate_frames, duration=self._gpu_seconds)

    @classmethod
    def from_preset(cls, preset: WanPreset, **options: Any) -> WanVaceBackend:
        """A backend running ``preset`` (see :func:`core.generation.wan.presets.resolve_preset`).

        Args:
            preset: Model, dtype, offload and tiling.
            **options: Any other constructor argument.
        """
        return cls(
            preset.model, dtype=preset.dtype, offload=preset.offload,
            vae_tiling=preset.vae_tiling, label=preset.label, **options,
        )  # fmt: skip

    @property
    def model_label(self) -> str:
        """Which model paints the clips, as shown with each clip."""
        label = self.preset.describe()
        if self.reanimate is not None:
            label += f" + {self.reanimate.label}"
        return label

    def render_shot(
        self, plan: ShotPlan, request: RenderRequest, *, on_frame: FrameCallback | None = None
    ) -> list[np.ndarray]:
        """Paint one shot.

        Args:
            plan: The shot, its timing, output size and voiced lines.
            request: The whole render (cast, seed).
            on_frame: Gets ``(done, total)`` in output frames as denoising proceeds, and
                ``(0, total)`` while the animatic is drawn; raising ``RenderCancelledError``
                from it stops the render at the next frame or step.

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
        native = native_frame_count(plan.duration)
        prompts = build_shot_prompts(plan.shot, request.cast)
        guide: ShotGuide | None = None
        if self.guide is not None:
            guide = self.guide.guide(
                plan, request, width=width, height=height, native_frames=native, on_frame=report
            )
            cast_refs = [request.cast[role] for role in guide.roles]
        else:
            cast_refs = on_screen_cast(plan.shot, request.cast)
        call = _GenerateCall(
            prompts=prompts,
            # Always the original portraits: a shot never starts from the previous one's frames.
            reference_images=tuple(pack_reference_images(cast_refs, min(width, height))),
            width=width,
            height=height,
            num_frames=native,
            seed=request.seed + plan.index,
            on_step=lambda step, steps: report(plan.frame_count * step // steps, plan.frame_count),
            control=_pil_frames(guide.control) if guide is not None else (),
            role_masks=guide.masks if guide is not None and self.regional else None,
        )
        # Loaded here, not inside the GPU call: on ZeroGPU that call runs in a short-lived worker,
        # so a pipeline loaded there would be loaded again for every shot.
        self.load()
        report(0, plan.frame_count)
        frames = self._generate(call)
        if guide is not None:
            frames = self._finish_with_guide(frames, guide, plan, request, prompts, report)
        return resample_frames(
            frames, frame_count=plan.frame_count, fps=plan.fps, width=plan.width, height=plan.height
        )

    def _finish_with_guide(
        self,
        frames: np.ndarray,
        guide: ShotGuide,
        plan: ShotPlan,
        request: RenderRequest,
        prompts: ShotPrompts,
        report: FrameCallback,
    ) -> np.ndarray:
        """Steps 3-4: colour matching across shots, then the optional Wan-Animate pass."""
        last_shot = plan.index == len(request.script.shots) - 1
        if self.colour_match:
            self._colours.match(
                request.clip_id, shot_index=plan.index, scene=plan.shot.scene,
                frames=frames, roles=guide.roles, masks=guide.masks,
            )  # fmt: skip
            if last_shot:
                self._colours.forget(request.clip_id)
        if self.reanimate is not None:
            frames = self.reanimate.replace_roles(
                frames, guide, request.cast, prompts=prompts, seed=request.seed + plan.index,
                on_step=lambda _step, _steps: report(plan.frame_count, plan.frame_count),
            )  # fmt: skip
        return frames

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
                self._set_regions(pipe, call)
                output = pipe(
                    prompt=call.prompts.prompt,
                    negative_prompt=call.prompts.negative_prompt,
                    video=list(call.control) or None,
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
                if self._regions is not None:
                    self._regions.layout = None
                # A cancelled call skips diffusers' own clean-up; without it the offload hooks
                # could keep a sub-model on the GPU.
                pipe.maybe_free_model_hooks()
        video = np.asarray(output.frames[0], dtype=np.float32)
        return (np.clip(video, 0.0, 1.0) * 255.0).round().astype(np.uint8)

    def _set_regions(self, pipe: Any, call: _GenerateCall) -> None:
        if self._regions is None or call.role_masks is None or not call.reference_images:
            return
        from core.generation.wan.regions import build_region_layout

        self._regions.layout = build_region_layout(call.role_masks, device=pipe._execution_device)

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
        return load_vace_pipeline(self.preset)

    def _place(self, pipe: Any) -> Any:
        import torch

        device = self.device or ("cuda" if torch.cuda.is_available() else "cpu")
        if self.regional:
            from core.generation.wan.regions import RegionContext, install_regional_attention

            self._regions = RegionContext()
            install_regional_attention(pipe.transformer, self._regions)
        return place_pipeline(pipe, self.preset, device)

    def _gpu_seconds(self, call: _GenerateCall) -> int:
        pixels = (
            call.width
            * call.height
            * (call.num_frames + TEMPORAL_STEP * len(call.reference_images))
        )
        per_step = _GPU_SECONDS_PER_STEP_AT_480P * pixels / _REFERENCE_PIXELS
        return math.ceil(_GPU_FIXED_SECONDS + self.num_inference_steps * per_step)


def _pil_frames(frames: np.ndarray) -> tuple[Image.Image, ...]:
    return tuple(Image.fromarray(frame) for frame in frames)


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
