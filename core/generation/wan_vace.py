"""The ``wan-vace`` backend: each shot painted by Wan2.1-VACE (``diffusers.WanVACEPipeline``).

Every on-screen cast member's best portrait, centred on a white square, is a VACE
``reference_images`` entry; the prompt is the shot with ``@roles`` replaced by the doubles'
descriptions (``core.casting.render_prompt``); the owners' restrictions go into both the prompt's
"Avoid:" clause and the negative prompt. Wan makes ``4k + 1`` frames at 16 fps (81 frames ≈ 5 s);
they are resampled to the plan's frame rate and size, so the pipeline around the backend never
sees Wan's native timing.

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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args

import numpy as np
from PIL import Image

from core.casting import CastMember, render_prompt
from core.generation.types import (
    BackendName,
    CastReference,
    FrameCallback,
    GenerationError,
    RenderRequest,
    ShotPlan,
)
from core.restrictions import parse_restrictions
from core.scripts import Shot, mentions_in

if TYPE_CHECKING:
    import torch

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "Wan-AI/Wan2.1-VACE-1.3B-diffusers"
WanDtype = Literal["bfloat16", "float16", "float32"]
NATIVE_FPS = 16
# Wan2.1 was trained on 81-frame clips; longer ones lose coherence and memory grows with length,
# so a longer shot is painted as 81 frames spread over its duration (slightly slower motion).
MAX_NATIVE_FRAMES = 81
TEMPORAL_STEP = 4  # the VAE compresses time 4×, so Wan needs 4k + 1 frames
SIZE_STEP = 16  # 8× spatial VAE compression × 2×2 transformer patches
# The negative prompt Wan's authors publish (translated from Chinese), which the diffusers docs
# use too; it steers away from the typical failure modes of the model.
WAN_NEGATIVE_PROMPT = (
    "Bright tones, overexposed, static, blurred details, subtitles, style, works, paintings, "
    "images, static, overall gray, worst quality, low quality, JPEG compression residue, ugly, "
    "incomplete, extra fingers, poorly drawn hands, poorly drawn faces, deformed, disfigured, "
    "misshapen limbs, fused fingers, still picture, messy background, three legs, many people "
    "in the background, walking backwards"
)
# ZeroGPU asks for a duration up front. Rough cost of one denoising step for 81 frames at
# 832×480 with guidance on a ZeroGPU slice, plus a fixed allowance for text encoding and decoding.
_GPU_SECONDS_PER_STEP_AT_480P = 3.0
_GPU_FIXED_SECONDS = 20.0
_REFERENCE_PIXELS = 832 * 480 * 81
# A hub id is "owner/name" with no path separators beyond the one slash.
_HUB_ID = re.compile(r"[A-Za-z0-9][\w.-]*/[\w.-]+")
_REQUIRED_COMPONENTS = ("transformer", "vae", "text_encoder", "tokenizer", "scheduler")


class WanVaceError(GenerationError):
    """The Wan VACE backend could not render a shot; the message says what to do."""


class WanVaceSettingsError(WanVaceError, ValueError):
    """A Wan VACE setting (dtype, steps, guidance, sizes) is out of range."""


class WanVaceUnavailableError(WanVaceError):
    """The Wan VACE weights or a CUDA GPU are missing on this machine."""


@dataclass(frozen=True)
class ShotPrompts:
    """The text a shot is rendered from."""

    prompt: str
    negative_prompt: str


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


def pack_reference_images(cast_refs: Sequence[CastReference], size: int) -> list[Image.Image]:
    """Put each cast member's portrait, whole and centred, on a white square.

    VACE reads a white background as "no content", so the subject stands out as the thing to
    keep; scaling to fit (never cropping) keeps the face and its proportions intact.

    Args:
        cast_refs: The cast members to show, in prompt order.
        size: Side of the square canvas in pixels.

    Returns:
        One RGB ``size``×``size`` image per cast member.

    Raises:
        WanVaceError: A portrait is not an RGB (or RGBA) image.
        WanVaceSettingsError: ``size`` is below 1.
    """
    if size < 1:
        raise WanVaceSettingsError(
            f"The reference canvas must be at least 1 pixel wide, not {size}."
        )
    return [_portrait_on_white(_portrait_rgb(ref), size) for ref in cast_refs]


def _portrait_rgb(ref: CastReference) -> Image.Image:
    portrait = np.asarray(ref.portrait)
    if portrait.ndim != 3 or portrait.shape[2] not in (3, 4) or min(portrait.shape[:2]) < 1:
        raise WanVaceError(
            f"The reference portrait of @{ref.handle} has shape {portrait.shape}; "
            "re-register the double with a clearer photo or video."
        )
    portrait = np.clip(portrait, 0, 255).astype(np.uint8)
    if portrait.shape[2] == 3:
        return Image.fromarray(portrait, "RGB")
    # A matted portrait: its transparent parts become the white background.
    white = Image.new("RGB", (portrait.shape[1], portrait.shape[0]), (255, 255, 255))
    white.paste(Image.fromarray(portrait, "RGBA"), mask=Image.fromarray(portrait[..., 3], "L"))
    return white


def _portrait_on_white(portrait: Image.Image, size: int) -> Image.Image:
    scale = size / max(portrait.width, portrait.height)
    fitted = portrait.resize(
        (max(1, round(portrait.width * scale)), max(1, round(portrait.height * scale))),
        Image.Resampling.LANCZOS,
    )
    canvas = Image.new("RGB", (size, size), (255, 255, 255))
    canvas.paste(fitted, ((size - fitted.width) // 2, (size - fitted.height) // 2))
    return canvas


def on_screen_cast(shot: Shot, cast: Mapping[str, CastReference]) -> list[CastReference]:
    """The cast members a shot shows: those it mentions, then its speakers, each once.

    Args:
        shot: The shot.
        cast: Role name → cast member.

    Returns:
        Cast members in order of first appearance (roles nobody plays are skipped).
    """
    roles = dict.fromkeys([*mentions_in(shot.description), *(line.role for line in shot.dialogue)])
    return [cast[role] for role in roles if role in cast]


def build_shot_prompts(shot: Shot, cast: Mapping[str, CastReference]) -> ShotPrompts:
    """Write the prompt and negative prompt for one shot.

    Args:
        shot: The shot, with ``@role`` mentions.
        cast: Role name → cast member (the whole cast: every owner's restrictions apply).

    Returns:
        The prompt (framing, camera move, action with descriptions instead of handles, and the
        restrictions as "Avoid: …") and the negative prompt (Wan's standard one plus the
        restricted phrases).

    Raises:
        core.casting.CastError: The shot mentions a role nobody plays.
    """
    members = {
        role: CastMember(
            handle=ref.handle,
            kind=ref.kind,
            display_name=ref.display_name,
            description=ref.description,
            restrictions=ref.restrictions,
        )
        for role, ref in cast.items()
    }
    restricted = dict.fromkeys(
        restriction.phrase
        for ref in cast.values()
        for restriction in parse_restrictions(ref.restrictions)
    )
    negative = ", ".join([WAN_NEGATIVE_PROMPT, *restricted])
    return ShotPrompts(prompt=render_prompt(shot, members), negative_prompt=negative)


def snap_frame_count(frames: int) -> int:
    """The nearest frame count Wan can make (``4k + 1``), preferring the longer one on a tie."""
    lower = (max(frames, 1) - 1) // TEMPORAL_STEP * TEMPORAL_STEP + 1
    upper = lower + TEMPORAL_STEP
    return lower if frames - lower < upper - frames else upper


def native_frame_count(duration: float) -> int:
    """How many 16 fps frames Wan paints for a shot of ``duration`` seconds (at most 81).

    Logs a warning when the count had to be rounded to ``4k + 1`` or capped.
    """
    wanted = math.floor(duration * NATIVE_FPS + 0.5) + 1
    snapped = min(snap_frame_count(wanted), MAX_NATIVE_FRAMES)
    if snapped != wanted:
        logger.warning(
            "A %.2f s shot needs %d frames at %d fps; Wan makes 4k+1 frames (at most %d), "
            "so it paints %d and they are spread over the shot.",
            duration, wanted, NATIVE_FPS, MAX_NATIVE_FRAMES, snapped,
        )  # fmt: skip
    return snapped


def snap_size(width: int, height: int) -> tuple[int, int]:
    """Round a frame size to multiples of 16 (Wan's latent grid), logging any change."""
    snapped = tuple(
        max(SIZE_STEP, math.floor(side / SIZE_STEP + 0.5) * SIZE_STEP) for side in (width, height)
    )
    if snapped != (width, height):
        logger.warning(
            "Wan paints sizes in multiples of %d: %d×%d is rendered at %d×%d and resized back.",
            SIZE_STEP, width, height, *snapped,
        )  # fmt: skip
    return snapped[0], snapped[1]


def resample_frames(
    frames: np.ndarray, *, frame_count: int, fps: int, width: int, height: int
) -> list[np.ndarray]:
    """Turn Wan's 16 fps frames into exactly ``frame_count`` frames at ``fps`` and this size.

    Each output frame takes the native frame nearest in time. If the native frames cover less
    time than the shot (a capped or rounded-down count), time is stretched to fit instead of
    freezing the last frame.

    Args:
        frames: ``(n, h, w, 3)`` uint8 frames at 16 fps.
        frame_count: Frames wanted.
        fps: Frame rate wanted.
        width: Output width.
        height: Output height.

    Returns:
        ``frame_count`` contiguous RGB uint8 arrays of shape ``(height, width, 3)``.
    """
    native = len(frames)
    last_time = (frame_count - 1) / fps
    rate = NATIVE_FPS if last_time * NATIVE_FPS <= native - 1 else (native - 1) / last_time
    picks = [min(native - 1, round(index / fps * rate)) for index in range(frame_count)]
    resized: dict[int, np.ndarray] = {}
    for pick in dict.fromkeys(picks):
        frame = frames[pick]
        if frame.shape[:2] != (height, width):
            image = Image.fromarray(frame).resize((width, height), Image.Resampling.BICUBIC)
            frame = np.asarray(image)
        resized[pick] = frame
    # Copies, so callers may draw on one frame without changing its repeats.
    return [np.ascontiguousarray(resized[pick]).copy() for pick in picks]


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
            core.casting.CastError: The shot mentions a role nobody plays.
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
