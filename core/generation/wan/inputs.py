"""What Wan VACE is given for a shot, and how its frames are fitted back to the plan.

Every on-screen cast member's best portrait, centred on a white square, is a VACE
``reference_images`` entry; the prompt is the shot with ``@roles`` replaced by the doubles'
descriptions (``core.scripts.casting.render_prompt``); the owners' restrictions go into both the
prompt's "Avoid:" clause and the negative prompt. Wan makes ``4k + 1`` frames at 16 fps
(81 frames ≈ 5 s) in multiples of 16 pixels; they are resampled to the plan's frame rate and
size, so the pipeline around the backend never sees Wan's native timing. The backend itself is
:mod:`core.generation.wan.vace`.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image

from core.generation.types import CastReference, GenerationError
from core.scripts.casting import CastMember, render_prompt
from core.scripts.model import Shot, mentions_in
from core.scripts.restrictions import parse_restrictions

logger = logging.getLogger(__name__)

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


class WanVaceError(GenerationError):
    """The Wan VACE backend could not render a shot; the message says what to do."""


class WanVaceSettingsError(WanVaceError, ValueError):
    """A Wan VACE setting (dtype, steps, guidance, sizes) is out of range."""


@dataclass(frozen=True)
class ShotPrompts:
    """The text a shot is rendered from."""

    prompt: str
    negative_prompt: str


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
        core.scripts.casting.CastError: The shot mentions a role nobody plays.
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
    rate = _native_rate(native, (frame_count - 1) / fps)
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


def native_picks(native_frames: int, *, frame_count: int, fps: int) -> np.ndarray:
    """Which of the plan's frames each of Wan's native frames stands for (the inverse of
    :func:`resample_frames`): the animatic, rendered at the plan's rate, is sampled here to
    give VACE a control video on Wan's own clock.

    Args:
        native_frames: Frames Wan paints (``4k + 1``).
        frame_count: Frames of the planned shot.
        fps: The plan's frame rate.

    Returns:
        ``native_frames`` indices into the plan's frames, non-decreasing.
    """
    last_time = (frame_count - 1) / fps
    rate = _native_rate(native_frames, last_time)
    return np.array(
        [min(frame_count - 1, round(index / rate * fps)) for index in range(native_frames)],
        dtype=np.int64,
    )


def _native_rate(native_frames: int, last_time: float) -> float:
    """Frames per second of Wan's frames over the shot: 16, or fewer when stretched to fit."""
    if last_time <= 0 or last_time * NATIVE_FPS <= native_frames - 1:
        return float(NATIVE_FPS)
    return (native_frames - 1) / last_time
