"""Colour matching between a clip's Wan shots.

Every shot is painted from the original reference images, never from the previous shot's last
frame (chaining shots makes faces drift), so nothing ties one shot's colours to the next: a
double's skin or jacket can come out warmer in shot 2 than in shot 1. Here each role's region
(from the animatic's per-role masks) is measured in CIELAB the first time the clip shows that
role; later shots move that role's region to the same mean and spread (Reinhard-style
transfer, spread ratio clamped so a badly lit shot is pulled back, not repainted). The
background is matched the same way against the first shot of the clip with the same scene.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import cv2
import numpy as np

MIN_REGION_PIXELS = 256  # smaller regions give unstable statistics; left as painted
SPREAD_LIMITS = (0.67, 1.5)  # how far one shot's contrast may be rescaled
FEATHER_PIXELS = 6  # soft edge of each matched region
KEPT_CLIPS = 16  # clips whose anchors are remembered (renders of different clips interleave)


@dataclass(frozen=True)
class ColourStats:
    """Mean and standard deviation of L*, a*, b* over a region."""

    mean: tuple[float, float, float]
    std: tuple[float, float, float]


def region_stats(frames: np.ndarray, mask: np.ndarray) -> ColourStats | None:
    """LAB statistics of ``frames`` ``(n, h, w, 3)`` uint8 RGB where ``mask`` ``(n, h, w)``.

    Returns:
        The statistics, or None when the region has fewer than ``MIN_REGION_PIXELS`` pixels.
    """
    if int(mask.sum()) < MIN_REGION_PIXELS:
        return None
    total = np.zeros(3)
    squares = np.zeros(3)
    count = 0
    for frame, region in zip(frames, mask, strict=True):
        if not region.any():
            continue
        lab = _lab(frame)[region]
        total += lab.sum(axis=0)
        squares += (lab.astype(np.float64) ** 2).sum(axis=0)
        count += len(lab)
    mean = total / count
    std = np.sqrt(np.maximum(squares / count - mean**2, 1e-6))
    return ColourStats(tuple(mean.tolist()), tuple(std.tolist()))  # type: ignore[arg-type]


def match_region(
    frames: np.ndarray,
    mask: np.ndarray,
    current: ColourStats,
    target: ColourStats,
    *,
    soft_edge: bool = True,
) -> None:
    """Move the masked pixels of ``frames`` (in place) from ``current`` to ``target``.

    Every pixel of the region moves fully; with ``soft_edge`` the change fades out over
    ``FEATHER_PIXELS`` outside it, so no seam shows around a matched person.
    """
    ratio = np.clip(np.divide(target.std, current.std), *SPREAD_LIMITS)
    offset = np.asarray(target.mean) - np.asarray(current.mean) * ratio
    for frame, region in zip(frames, mask, strict=True):
        if not region.any():
            continue
        weight = region.astype(np.float32)
        if soft_edge:
            fade = cv2.GaussianBlur(weight, (0, 0), FEATHER_PIXELS)
            weight = np.where(region, 1.0, np.minimum(1.0, 2.0 * fade)).astype(np.float32)
        weight = weight[..., None]
        lab = _lab(frame)
        moved = lab * ratio.astype(np.float32) + offset.astype(np.float32)
        mixed = lab + (moved - lab) * weight
        # Only where the feathered region reaches: elsewhere the pixels stay bit for bit.
        frame[...] = np.where(weight > 1e-3, _rgb(mixed), frame)


class ColourAnchors:
    """Per clip, the colours each role (and each scene's background) had when first shown.

    Thread-safe; one instance per backend, shared by the clips it renders.
    """

    def __init__(self, kept_clips: int = KEPT_CLIPS) -> None:
        self._kept = kept_clips
        self._clips: OrderedDict[str, dict[str, ColourStats]] = OrderedDict()
        self._lock = threading.Lock()

    def match(
        self,
        clip_id: str,
        *,
        shot_index: int,
        scene: str,
        frames: np.ndarray,
        roles: Sequence[str],
        masks: np.ndarray,
    ) -> list[str]:
        """Match one shot's frames (in place) to the clip's anchors; record new anchors.

        Args:
            clip_id: The clip; shot 0 starts its anchors afresh (a retried render).
            shot_index: The shot's index in the clip.
            scene: The shot's scene name (backgrounds are matched within one scene only).
            frames: ``(n, h, w, 3)`` uint8 RGB, changed in place.
            roles: The roles of ``masks``.
            masks: ``(len(roles), n, h, w)`` bool.

        Returns:
            The regions that were matched ("role:<name>", "scene:<name>").
        """
        background = ~masks.any(axis=0) if len(roles) else np.ones(frames.shape[:3], bool)
        regions = [(f"role:{role}", mask) for role, mask in zip(roles, masks, strict=True)]
        regions.append((f"scene:{scene}", background))
        with self._lock:
            if shot_index == 0 or clip_id not in self._clips:
                self._clips[clip_id] = {}
            self._clips.move_to_end(clip_id)
            while len(self._clips) > self._kept:
                self._clips.popitem(last=False)
            anchors = self._clips[clip_id]
        # Everything is measured before anything moves; the scene (hard-edged, it ends where
        # the roles begin) goes first, then each role with a soft edge reaching outward.
        measured = [(key, mask, region_stats(frames, mask)) for key, mask in regions]
        matched = []
        for key, mask, current in [measured[-1], *measured[:-1]]:
            if current is None:
                continue
            target = anchors.get(key)
            if target is None:
                anchors[key] = current
                continue
            match_region(frames, mask, current, target, soft_edge=key.startswith("role:"))
            matched.append(key)
        return sorted(matched, key=lambda key: key.startswith("scene:"))

    def forget(self, clip_id: str) -> None:
        """Drop a clip's anchors (after its last shot)."""
        with self._lock:
            self._clips.pop(clip_id, None)


def _lab(frame: np.ndarray) -> np.ndarray:
    return cv2.cvtColor(frame.astype(np.float32) / 255.0, cv2.COLOR_RGB2LAB)


def _rgb(lab: np.ndarray) -> np.ndarray:
    rgb = cv2.cvtColor(lab.astype(np.float32), cv2.COLOR_LAB2RGB)
    return (np.clip(rgb, 0.0, 1.0) * 255.0 + 0.5).astype(np.uint8)
