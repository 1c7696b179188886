"""Colour matching between a clip's Wan shots, per role and per scene."""

from __future__ import annotations

import numpy as np

from core.generation.wan.colour import ColourAnchors, region_stats
from tests.media_factory import astronaut_rgb

H, W = 64, 96


def shot_frames(tint=(0, 0, 0), count: int = 3) -> np.ndarray:
    base = np.asarray(astronaut_rgb()[100:164, 200:296], dtype=np.int16)
    frames = np.stack([base] * count) + np.asarray(tint, dtype=np.int16)
    return np.clip(frames, 0, 255).astype(np.uint8)


def role_masks(count: int = 3) -> np.ndarray:
    masks = np.zeros((1, count, H, W), bool)
    masks[0, :, 8:56, 10:50] = True
    return masks


def test_a_later_shot_is_pulled_back_to_the_first_shots_colours():
    anchors = ColourAnchors()
    first = shot_frames()
    anchors.match("clip", shot_index=0, scene="park", frames=first, roles=["lead"],
                  masks=role_masks())  # fmt: skip
    second = shot_frames(tint=(30, 8, -20))  # a warmer lead and background
    masks = role_masks()
    drift = np.abs(np.subtract(region_stats(second, masks[0]).mean,
                               region_stats(first, masks[0]).mean)).max()  # fmt: skip

    matched = anchors.match("clip", shot_index=1, scene="park", frames=second, roles=["lead"],
                            masks=masks)  # fmt: skip

    assert matched == ["role:lead", "scene:park"]
    after = np.abs(np.subtract(region_stats(second, masks[0]).mean,
                               region_stats(first, masks[0]).mean)).max()  # fmt: skip
    assert drift > 10 and after < 0.15 * drift


def test_another_scene_keeps_its_own_background_and_shot_zero_restarts():
    anchors = ColourAnchors()
    anchors.match("clip", shot_index=0, scene="park", frames=shot_frames(), roles=["lead"],
                  masks=role_masks())  # fmt: skip
    kitchen = shot_frames(tint=(30, 30, 30))
    outside = ~role_masks()[0]
    before = kitchen[outside].copy()

    matched = anchors.match("clip", shot_index=1, scene="kitchen", frames=kitchen,
                            roles=["lead"], masks=role_masks())  # fmt: skip

    assert matched == ["role:lead"]
    # Far from the lead's region (beyond its soft edge) the kitchen is untouched, bit for bit.
    far = np.zeros((3, H, W), bool)
    far[:, :, 75:] = True
    assert np.array_equal(kitchen[far], shot_frames(tint=(30, 30, 30))[far])
    assert not np.array_equal(kitchen[outside], before)  # near the region: feathered
    # A retried render starts again at shot 0: nothing is matched, the anchors are replaced.
    again = shot_frames(tint=(50, 0, 0))
    copy = again.copy()
    assert anchors.match("clip", shot_index=0, scene="park", frames=again, roles=["lead"],
                         masks=role_masks()) == []  # fmt: skip
    assert np.array_equal(again, copy)


def test_clips_do_not_share_anchors_and_tiny_regions_are_left_alone():
    anchors = ColourAnchors()
    anchors.match("a", shot_index=0, scene="park", frames=shot_frames(), roles=["lead"],
                  masks=role_masks())  # fmt: skip
    other = shot_frames(tint=(40, 0, 0))
    copy = other.copy()
    assert anchors.match("b", shot_index=1, scene="park", frames=other, roles=["lead"],
                         masks=role_masks()) == []  # fmt: skip
    assert np.array_equal(other, copy)
    speck = np.zeros((1, 3, H, W), bool)
    speck[0, 0, 0, :5] = True
    assert region_stats(shot_frames(), speck[0]) is None
