"""What guides Wan VACE in a shot: the embedded animatic as control video, and who stands where.

For each shot the embedded animatic (:class:`core.generation.animatic.AnimaticBackend`, used
only through its public ``render_shot``) is rendered first, at Wan's size. Its frames, taken at
the times of Wan's 16 fps frames, become VACE's control video, as they are or as an edge or
grey video derived from them; the speaker's mouth already opens with the loudness of each line
there, so mouth motion keeps the dialogue's timing.

Per-role masks come from the same renderer, without looking inside it: the shot is rendered
again once per role with only that role's colours shifted (every channel by 128, alpha kept),
so the layout, motion and occlusion stay identical and exactly the pixels where that role is
visible change. A role hidden behind another is not in its mask; a role the animatic leaves off
screen (a close-up shows only the speaker) has an empty one and gets no reference image.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal, get_args

import cv2
import numpy as np

from core.acting.rig import BodyRig
from core.generation.types import (
    CastReference,
    FrameCallback,
    RenderBackend,
    RenderRequest,
    ShotPlan,
)
from core.generation.wan.inputs import WanVaceSettingsError, native_picks

ControlKind = Literal["edges", "gray", "animatic"]
# A pixel belongs to a role when the shifted render moved it by at least this much (0-255) in
# some channel: the shift is 128, so this keeps pixels at least a quarter opaque.
MASK_THRESHOLD = 32
COLOUR_SHIFT = 128
CLOSING_PIXELS = 5  # holes this small inside a role's mask are closed
MIN_MASK_SIDE = 16
EDGE_LOW, EDGE_HIGH = 60, 150  # Canny hysteresis thresholds on the animatic's grey frames


@dataclass(frozen=True, eq=False)
class ShotGuide:
    """The animatic's view of one shot, at Wan's frame times and size.

    Attributes:
        animatic: ``(frames, height, width, 3)`` uint8, the animatic itself.
        control: ``(frames, height, width, 3)`` uint8, VACE's control video.
        roles: Roles visible somewhere in the shot, in script order.
        masks: ``(len(roles), frames, height, width)`` bool, where each role is visible.
        loudness: ``(len(roles), frames)`` float in [0, 1], how loud each role speaks.
    """

    animatic: np.ndarray
    control: np.ndarray
    roles: tuple[str, ...]
    masks: np.ndarray
    loudness: np.ndarray


class AnimaticGuide:
    """Renders a shot's animatic and turns it into VACE's control video and per-role masks.

    Args:
        animatic: The embedded renderer (anything with its ``render_shot``).
        control: ``edges`` (Canny lines of the animatic, white on black: shapes, faces and
            mouths without the cut-out look), ``gray`` (its luminance: VACE colourises it) or
            ``animatic`` (its colour frames as they are).
        mask_scale: The per-role masks are found on renders this many times smaller (they
            only need to be as fine as Wan's 16-pixel tokens and the colour matching).

    Raises:
        WanVaceSettingsError: ``control`` is not a known kind.
    """

    def __init__(
        self, animatic: RenderBackend, *, control: ControlKind = "edges", mask_scale: int = 2
    ) -> None:
        if control not in get_args(ControlKind):
            raise WanVaceSettingsError(
                f"COSTAR_WAN_CONTROL is '{control}'; use one of {', '.join(get_args(ControlKind))}."
            )
        if mask_scale < 1:
            raise WanVaceSettingsError(f"mask_scale must be 1 or more, not {mask_scale}.")
        self.animatic = animatic
        self.control = control
        self.mask_scale = mask_scale

    def guide(
        self,
        plan: ShotPlan,
        request: RenderRequest,
        *,
        width: int,
        height: int,
        native_frames: int,
        on_frame: FrameCallback | None = None,
    ) -> ShotGuide:
        """Render the shot's animatic (once, plus once per cast role for the masks).

        Args:
            plan: The shot as the clip plans it (its fps, frame count and voiced lines).
            request: The render request (cast, seed, script).
            width: Wan's frame width (a multiple of 16).
            height: Wan's frame height.
            native_frames: How many 16 fps frames Wan paints (``4k + 1``).
            on_frame: Called after every animatic frame with ``(0, plan.frame_count)``: it
                paints no output frame but lets a cancellation land.

        Returns:
            The :class:`ShotGuide`.
        """
        guide_plan = replace(plan, width=width, height=height)
        picks = native_picks(native_frames, frame_count=plan.frame_count, fps=plan.fps)

        def tick(_done: int, _total: int) -> None:
            if on_frame is not None:
                on_frame(0, plan.frame_count)

        base = self._render(guide_plan, request, picks, tick)
        # The masks are found on smaller renders (the animatic places everything in fractions
        # of the frame, so only the resolution changes): a quarter of the pixels per role.
        mask_plan = replace(
            plan,
            width=max(MIN_MASK_SIDE, width // self.mask_scale),
            height=max(MIN_MASK_SIDE, height // self.mask_scale),
        )
        small_base = base if self.mask_scale == 1 else self._render(mask_plan, request, picks, tick)
        order = _script_order(request)
        changes = np.zeros((len(order), *small_base.shape[:3]), dtype=np.uint8)
        for index, role in enumerate(order):
            shifted = _with_cast(request, role, _colour_shifted(request.cast[role]))
            moved = np.abs(
                self._render(mask_plan, shifted, picks, tick).astype(np.int16) - small_base
            )
            changes[index] = moved.max(axis=-1)
        roles, masks = [], []
        for role, mask in zip(order, exclusive_masks(changes), strict=True):
            if mask.any():
                roles.append(role)
                masks.append(_resize_masks(mask, width, height))
        loudness = _loudness(plan, roles, picks)
        return ShotGuide(
            animatic=base,
            control=derive_control(base, self.control),
            roles=tuple(roles),
            masks=np.stack(masks) if masks else np.zeros((0, *base.shape[:3]), dtype=bool),
            loudness=loudness,
        )

    def _render(
        self, plan: ShotPlan, request: RenderRequest, picks: np.ndarray, tick: FrameCallback
    ) -> np.ndarray:
        frames = self.animatic.render_shot(plan, request, on_frame=tick)
        return np.stack([frames[index] for index in picks])


def exclusive_masks(changes: np.ndarray) -> np.ndarray:
    """One mask per role from how much each role's colour shift moved each pixel.

    A pixel goes to the role that moved it most, if that is at least ``MASK_THRESHOLD``:
    where a soft-edged role stands in front of another, both move the pixel, and the one in
    front (moving it more) owns it. Small holes (a mouth the shifted render did not open) are
    closed, without taking pixels another role owns.

    Args:
        changes: ``(roles, frames, h, w)`` uint8, each role's largest channel change.

    Returns:
        ``(roles, frames, h, w)`` bool, pairwise disjoint.
    """
    if len(changes) == 0:
        return changes.astype(bool)
    owner = changes.argmax(axis=0)
    strong = changes.max(axis=0) >= MASK_THRESHOLD
    raw = np.stack([(owner == role) & strong for role in range(len(changes))])
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (CLOSING_PIXELS, CLOSING_PIXELS))
    taken = np.zeros(raw.shape[1:], dtype=bool)
    masks = np.zeros_like(raw)
    for role in range(len(raw)):
        others = raw.any(axis=0) & ~raw[role]
        closed = np.stack([
            cv2.morphologyEx(frame.astype(np.uint8), cv2.MORPH_CLOSE, kernel) > 0
            for frame in raw[role]
        ])  # fmt: skip
        masks[role] = closed & ~others & ~taken
        taken |= masks[role]
    return masks


def derive_control(frames: np.ndarray, kind: ControlKind) -> np.ndarray:
    """VACE's control video from animatic frames ``(n, h, w, 3)`` uint8."""
    if kind == "animatic":
        return frames.copy()
    grey = np.stack([cv2.cvtColor(frame, cv2.COLOR_RGB2GRAY) for frame in frames])
    if kind == "edges":
        grey = np.stack([cv2.Canny(frame, EDGE_LOW, EDGE_HIGH) for frame in grey])
    return np.repeat(grey[..., None], 3, axis=-1)


def _resize_masks(masks: np.ndarray, width: int, height: int) -> np.ndarray:
    if masks.shape[1:] == (height, width):
        return masks
    return np.stack([
        cv2.resize(mask.astype(np.uint8), (width, height), interpolation=cv2.INTER_NEAREST) > 0
        for mask in masks
    ])  # fmt: skip


def _script_order(request: RenderRequest) -> list[str]:
    return [role.name for role in request.script.roles if role.name in request.cast]


def _with_cast(request: RenderRequest, role: str, reference: CastReference) -> RenderRequest:
    cast: Mapping[str, CastReference] = {**request.cast, role: reference}
    return replace(request, cast=cast)


def _colour_shifted(reference: CastReference) -> CastReference:
    """The same double with every colour moved by half the range; shape and alpha unchanged."""
    sprite = reference.sprite
    if sprite is not None:
        # Every source the acting renderer may draw from: the loop, the close-up frames and the
        # rig's body colours (a figure's drawn body belongs to its role's mask too).
        sprite = replace(
            sprite,
            frames=tuple(_shift(frame) for frame in sprite.frames),
            closeup=tuple(_shift(frame) for frame in sprite.closeup),
            rig=_shifted_rig(sprite.rig),
        )
    return replace(reference, portrait=_shift(reference.portrait), sprite=sprite)


def _shifted_rig(rig: BodyRig | None) -> BodyRig | None:
    if rig is None:
        return None
    colours = {name: _shift_colour(getattr(rig, name))
               for name in ("skin", "shirt", "hair", "trousers")}  # fmt: skip
    return replace(rig, **colours)


def _shift_colour(colour: tuple[int, int, int]) -> tuple[int, int, int]:
    red, green, blue = ((value + COLOUR_SHIFT) % 256 for value in colour)
    return red, green, blue


def _shift(image: np.ndarray) -> np.ndarray:
    shifted = np.array(image, dtype=np.uint8, copy=True)
    shifted[..., :3] += COLOUR_SHIFT  # uint8 wraps: every value moves by exactly 128
    return shifted


def _loudness(plan: ShotPlan, roles: list[str], picks: np.ndarray) -> np.ndarray:
    levels = np.zeros((len(roles), len(picks)), dtype=np.float32)
    for line in plan.lines:
        if line.role not in roles:
            continue
        envelope = np.zeros(plan.frame_count, dtype=np.float32)
        values = np.asarray(line.loudness, dtype=np.float32)[: plan.frame_count]
        envelope[: len(values)] = values
        row = roles.index(line.role)
        levels[row] = np.maximum(levels[row], envelope[picks])
    return levels
