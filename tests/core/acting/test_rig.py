"""Body rigs: from pose landmarks of real sprites, estimated from outlines, kept in sprites."""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np
import pytest

from core.acting.closeup import closeup_frames
from core.acting.pose import load_pose_landmarker
from core.acting.rig import BodyRig, build_rig, estimate_rig
from core.model_files import pose_model_path, selfie_model_path
from core.reference.matting import load_person_segmenter
from core.reference.sprite import LivingSprite, build_sprite
from tests.media_factory import astronaut_rgb, grace_hopper_rgb, moving_photo_frames


def sprite_of(photo: np.ndarray) -> LivingSprite:
    frames = moving_photo_frames(photo, 1.0, 8)
    mattes = load_person_segmenter(selfie_model_path()).segment(frames)
    return build_sprite(frames, mattes, fps=8, height=360)


@pytest.fixture(scope="module")
def sprites() -> dict[str, LivingSprite]:
    return {"astronaut": sprite_of(astronaut_rgb()), "grace": sprite_of(grace_hopper_rgb())}


@pytest.mark.parametrize("name", ["astronaut", "grace"])
def test_pose_rig_puts_the_head_box_around_the_face(sprites, name) -> None:
    sprite = sprites[name]
    landmarker = load_pose_landmarker(pose_model_path())
    points = [landmarker.landmarks(sprite.frames[i]) for i in (2, 6)]
    assert all(p is not None for p in points)
    rig = build_rig(sprite.frames, points)
    assert rig.source == "pose"
    x0, y0, x1, y1 = rig.head_box
    fx, fy = rig.face_centre
    assert x0 < fx < x1 and y0 < fy < y1
    height, width = sprite.frames[0].shape[:2]
    # A head, not the whole bust: narrower than the sprite, ending above its bottom.
    assert (x1 - x0) < 0.9 * width and y1 < 0.8 * height and (y1 - y0) > 0.25 * height
    # Skin is lighter than the shirt for Grace (dark uniform), and warm (red > blue) for both.
    assert rig.skin[0] > rig.skin[2]
    if name == "grace":
        assert sum(rig.skin) > sum(rig.shirt) + 200


def test_no_pose_found_falls_back_to_the_outline(sprites) -> None:
    rig = build_rig(sprites["astronaut"].frames, [None, None])
    assert rig.source == "outline"
    assert rig == estimate_rig(sprites["astronaut"].frames)


def test_outline_rig_finds_the_neck_of_a_drawn_silhouette() -> None:
    frame = np.zeros((300, 200, 4), np.uint8)
    yy, xx = np.mgrid[:300, :200]
    head = (xx - 100) ** 2 / 40**2 + (yy - 70) ** 2 / 50**2 <= 1
    neck = (abs(xx - 100) < 15) & (yy >= 115) & (yy < 140)
    body = (abs(xx - 100) < 90) & (yy >= 140)
    frame[head | neck | body] = (200, 150, 120, 255)
    rig = estimate_rig([frame])
    x0, y0, x1, y1 = rig.head_box
    assert 110 <= y1 <= 145 and y0 <= 22 and 55 <= x0 <= 65 and 135 <= x1 <= 145
    assert rig.shoulder_width > 150


def test_rig_survives_the_sprite_archive_and_old_sprites_have_none(sprites) -> None:
    rig = estimate_rig(sprites["grace"].frames)
    with_rig = dataclasses.replace(sprites["grace"], rig=rig)
    assert LivingSprite.from_bytes(with_rig.to_bytes()).rig == rig
    assert LivingSprite.from_bytes(sprites["grace"].to_bytes()).rig is None
    assert BodyRig.from_json('{"format": "something-else"}') is None


def test_closeups_come_from_the_sharpest_full_size_frames() -> None:
    frames = moving_photo_frames(astronaut_rgb(), 1.0, 8, size=(720, 960))
    frames[3] = cv2.GaussianBlur(frames[3], (0, 0), 6)  # a blurred frame is never picked
    mattes = load_person_segmenter(selfie_model_path()).segment(frames)
    sprite = build_sprite(frames, mattes, fps=8, height=360)
    rig = estimate_rig(sprite.frames)
    crops = closeup_frames(frames, mattes, sprite.source_box, 360, rig, count=4)
    assert len(crops) == 4
    head_in_sprite = rig.head_box[3] - rig.head_box[1]
    # The head spans more pixels in a close-up frame than in the sprite: no upscaling needed.
    assert crops[0].shape[0] > 1.6 * head_in_sprite
    blurred = closeup_frames([frames[3]] * 2 + frames[4:6], [mattes[3]] * 2 + mattes[4:6],
                             sprite.source_box, 360, rig, count=2)  # fmt: skip
    sharp = [np.abs(np.diff(c[..., 1].astype(int), axis=1)).mean() for c in blurred]
    assert min(sharp) > 0.5 * max(sharp)  # both kept frames are the sharp ones
    stored = dataclasses.replace(sprite, rig=rig, closeup=crops)
    assert len(LivingSprite.from_bytes(stored.to_bytes()).closeup) == 4
    # A small reference (no more pixels than the sprite) keeps none.
    small = moving_photo_frames(astronaut_rgb(), 0.5, 8)
    small_mattes = load_person_segmenter(selfie_model_path()).segment(small)
    small_sprite = build_sprite(small, small_mattes, fps=8, height=480)
    assert closeup_frames(small, small_mattes, small_sprite.source_box, 480, rig) == ()
