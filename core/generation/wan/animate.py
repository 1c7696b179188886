"""Optional re-render pass: Wan-Animate ("replace" mode) repaints one double per pass.

After VACE has painted a shot, each role the animatic shows is repainted in its own region by
``diffusers.WanAnimatePipeline`` with ``mode="replace"``: the character image is that double's
original reference portrait, the background video is the shot with the role's region blanked,
the mask video is the role's region (grown a little), the face video is a square crop around
the top of the region in every frame (where the head is), and the pose video is the role's
outline from the animatic's control video.

Limits, said plainly: Wan-Animate was trained with DWPose skeletons as its pose video and
aligned face crops; no pose or face-alignment model ships offline here, so the outline and the
top-of-region crop stand in for them. How much this pass raises FaceSim with real weights is not
measured (see ``docs/gpu_backend.md``). It is off unless ``COSTAR_WAN_ANIMATE_MODEL`` names a
``Wan-AI/Wan2.2-Animate-14B-Diffusers`` copy on disk.

Each pass's output is blended back only inside that role's feathered region, so a pass can
never change another double or the background.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

import cv2
import numpy as np
from PIL import Image

from core.generation.types import CastReference
from core.generation.wan.control import ShotGuide
from core.generation.wan.inputs import ShotPrompts, WanVaceSettingsError, pack_reference_images
from core.generation.wan.presets import WanPreset, place_pipeline
from core.generation.wan.weights import WanVaceUnavailableError, find_local_weights

MASK_GROWTH_PIXELS = 8  # the region Wan-Animate may repaint reaches a little past the cut-out
FEATHER_PIXELS = 4
HEAD_FRACTION = 0.45  # the face crop's side, as a fraction of the region's width
_ANIMATE_COMPONENTS = ("transformer", "vae", "text_encoder", "image_encoder")


class WanAnimatePass:
    """Re-renders each double in its region with Wan-Animate, one double per pass.

    Args:
        preset: Model folder or hub id (already on disk), dtype and offload.
        device: ``cuda`` (default when present) or ``cpu``.
        num_inference_steps: Denoising steps per pass (Wan-Animate's default is 20).
        pipeline_factory: Builds the pipeline instead of loading ``preset.model`` (tests).

    Raises:
        WanVaceSettingsError: ``num_inference_steps`` is below 1.
    """

    def __init__(
        self,
        preset: WanPreset,
        *,
        device: str | None = None,
        num_inference_steps: int = 20,
        pipeline_factory: Callable[[], Any] | None = None,
    ) -> None:
        if num_inference_steps < 1:
            raise WanVaceSettingsError(
                f"The Wan-Animate pass needs 1 or more steps, not {num_inference_steps}."
            )
        self.preset = preset
        self.device = device
        self.num_inference_steps = num_inference_steps
        self._pipeline_factory = pipeline_factory
        self._pipeline: Any = None
        self._lock = threading.Lock()

    @property
    def label(self) -> str:
        """Shown with each clip after the VACE model's name."""
        return f"{self.preset.label} (replace)"

    def replace_roles(
        self,
        frames: np.ndarray,
        guide: ShotGuide,
        cast: Mapping[str, CastReference],
        *,
        prompts: ShotPrompts,
        seed: int,
        on_step: Callable[[int, int], None],
    ) -> np.ndarray:
        """Repaint every role of ``guide`` in ``frames``, one Wan-Animate call per role.

        Args:
            frames: ``(n, h, w, 3)`` uint8, the shot as VACE painted it (``n`` is ``4k + 1``).
            guide: The shot's animatic guide (roles, masks and control video, same size).
            cast: Role → cast member (for the reference portraits).
            prompts: The shot's prompts.
            seed: Seed of the pass (each role adds its index).
            on_step: Called after every denoising step with ``(step, steps)``; raising from it
                (``RenderCancelledError``) stops the pass.

        Returns:
            New frames; outside every role's region they equal ``frames``.
        """
        import torch

        pipe = self.load()
        result = frames.copy()
        count, height, width = frames.shape[:3]

        def step_end(_pipe: Any, step: int, _t: Any, tensors: dict[str, Any]) -> dict[str, Any]:
            on_step(step + 1, self.num_inference_steps)
            return tensors

        for index, role in enumerate(guide.roles):
            region = _grow(guide.masks[index])
            if not region.any():
                continue
            background = np.where(region[..., None], 0, result).astype(np.uint8)
            outline = np.where(region[..., None], guide.control, 0).astype(np.uint8)
            with self._lock:
                try:
                    output = pipe(
                        image=_character(cast[role], width, height),
                        pose_video=_images(outline),
                        face_video=head_crops(result, region),
                        background_video=_images(background),
                        mask_video=_images(region.astype(np.uint8) * 255),
                        prompt=prompts.prompt,
                        negative_prompt=prompts.negative_prompt,
                        height=height,
                        width=width,
                        segment_frame_length=count,
                        num_inference_steps=self.num_inference_steps,
                        mode="replace",
                        generator=torch.Generator(device="cpu").manual_seed(seed + index),
                        output_type="np",
                        callback_on_step_end=step_end,
                    )
                finally:
                    pipe.maybe_free_model_hooks()
            painted = np.asarray(output.frames[0], dtype=np.float32)[:count]
            painted = np.clip(painted, 0.0, 1.0) * 255.0
            weight = np.stack([_feather(mask) for mask in region])[..., None]
            blended = result * (1.0 - weight) + painted * weight
            result = np.where(weight > 0, blended.round(), result).astype(np.uint8)
        return result

    def load(self) -> Any:
        """Load the Wan-Animate pipeline (first call only) and return it."""
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    self._pipeline = self._build()
        return self._pipeline

    def _build(self) -> Any:
        import torch

        device = self.device or ("cuda" if torch.cuda.is_available() else "cpu")
        if self._pipeline_factory is not None:
            pipe = self._pipeline_factory()
        else:
            pipe = _load_animate_pipeline(self.preset)
        return place_pipeline(pipe, self.preset, device)


def head_crops(frames: np.ndarray, region: np.ndarray, size: int = 512) -> list[Image.Image]:
    """A square crop around the top of ``region`` in each frame (where a standing person's
    head is), resized to ``size``; a frame where the region is empty repeats the last crop.

    Args:
        frames: ``(n, h, w, 3)`` uint8.
        region: ``(n, h, w)`` bool.
        size: Side of each crop (Wan-Animate's motion encoder takes 512).
    """
    crops: list[Image.Image] = []
    for frame, mask in zip(frames, region, strict=True):
        rows, columns = np.nonzero(mask)
        if len(rows) == 0:
            crops.append(crops[-1] if crops else Image.new("RGB", (size, size)))
            continue
        side = max(8, round(HEAD_FRACTION * (columns.max() - columns.min() + 1)))
        centre_x = int(np.median(columns[rows < rows.min() + side]))
        left = int(np.clip(centre_x - side // 2, 0, max(0, frame.shape[1] - side)))
        top = int(rows.min())
        crop = frame[top : top + side, left : left + side]
        crops.append(Image.fromarray(crop).resize((size, size), Image.Resampling.BICUBIC))
    return crops


def _character(reference: CastReference, width: int, height: int) -> Image.Image:
    """The double's portrait, whole, centred on a white frame of the video's size."""
    (portrait,) = pack_reference_images([reference], min(width, height))
    canvas = Image.new("RGB", (width, height), (255, 255, 255))
    canvas.paste(portrait, ((width - portrait.width) // 2, (height - portrait.height) // 2))
    return canvas


def _images(frames: np.ndarray) -> list[Image.Image]:
    return [Image.fromarray(frame) for frame in frames]


def _grow(masks: np.ndarray) -> np.ndarray:
    kernel = cv2.getStructuringElement(
        cv2.MORPH_ELLIPSE, (2 * MASK_GROWTH_PIXELS + 1, 2 * MASK_GROWTH_PIXELS + 1)
    )
    return np.stack([cv2.dilate(mask.astype(np.uint8), kernel) > 0 for mask in masks])


def _feather(mask: np.ndarray) -> np.ndarray:
    soft = cv2.GaussianBlur(mask.astype(np.float32), (0, 0), FEATHER_PIXELS)
    # Never outside the grown region: the pass may only change its own double.
    return np.where(mask, np.minimum(1.0, soft * 2.0), 0.0).astype(np.float32)


def _load_animate_pipeline(preset: WanPreset) -> Any:
    import torch
    from diffusers import AutoencoderKLWan, WanAnimatePipeline

    from core.generation.wan.presets import torch_dtypes

    folder = find_local_weights(preset.model, required=_ANIMATE_COMPONENTS)
    _, compute = torch_dtypes(preset.dtype)
    try:
        vae = AutoencoderKLWan.from_pretrained(
            folder, subfolder="vae", dtype=torch.float32, local_files_only=True
        )
        return WanAnimatePipeline.from_pretrained(
            folder, vae=vae, dtype=compute, local_files_only=True
        )
    except (OSError, ValueError) as broken:
        raise WanVaceUnavailableError(
            f"The Wan-Animate model in {folder} could not be loaded ({broken}). Download it again."
        ) from broken
