"""Living sprites: cut to the subject, round-trip through bytes, loop without a jump."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from core.model_files import selfie_model_path
from core.reference.matting import load_person_segmenter
from core.reference.sprite import (
    EmptySpriteError,
    LivingSprite,
    SpriteFormatError,
    build_sprite,
)
from tests.media_factory import grace_hopper_rgb, moving_photo_frames

FPS = 12


@pytest.fixture(scope="module")
def clip() -> tuple[list[np.ndarray], list[np.ndarray]]:
    # Grace Hopper's portrait hung on a wide plain wall, filmed handheld in landscape.
    on_wall = np.pad(grace_hopper_rgb(), ((0, 0), (344, 344), (0, 0)), constant_values=200)
    frames = moving_photo_frames(on_wall, 2.0, FPS, (640, 320))
    mattes = load_person_segmenter(selfie_model_path()).segment(frames)
    return frames, mattes


@pytest.fixture(scope="module")
def sprite(clip: tuple[list[np.ndarray], list[np.ndarray]]) -> LivingSprite:
    frames, mattes = clip
    return build_sprite(frames, mattes, height=240, fps=FPS)


def test_sprite_is_cropped_to_the_subject(
    sprite: LivingSprite, clip: tuple[list[np.ndarray], list[np.ndarray]]
) -> None:
    frames, mattes = clip
    x, y, width, height = sprite.source_box
    assert width < frames[0].shape[1]  # the empty wall beside her was cropped away
    assert len(sprite.frames) == len(frames)
    assert sprite.size[1] == 240
    assert sprite.size[0] == round(width * 240 / height)
    assert sprite.frames[0].shape == (240, sprite.size[0], 4)
    # Everything of the subject lies inside the crop.
    outside = mattes[0].copy()
    outside[y : y + height, x : x + width] = 0
    assert outside.max() < 32
    assert sprite.mouth_openness is None


def test_sprite_round_trips_through_bytes(sprite: LivingSprite) -> None:
    data = sprite.to_bytes()
    back = LivingSprite.from_bytes(data)
    assert back.fps == sprite.fps
    assert back.size == sprite.size
    assert back.source_box == sprite.source_box
    assert len(back.frames) == len(sprite.frames)
    for original, decoded in zip(sprite.frames, back.frames, strict=True):
        assert np.array_equal(original[..., 3], decoded[..., 3])  # alpha is lossless
        visible = original[..., 3] > 200
        colour_error = np.abs(original[..., :3].astype(int) - decoded[..., :3].astype(int))
        assert colour_error[visible].mean() < 6
    # Compact: well under raw RGBA size.
    raw = sum(frame.nbytes for frame in sprite.frames)
    assert len(data) < raw / 8


def test_mouth_openness_survives_round_trip(sprite: LivingSprite) -> None:
    mouth = np.linspace(0, 1, len(sprite.frames), dtype=np.float32)
    with_mouth = LivingSprite(sprite.frames[:], sprite.fps, sprite.source_box, mouth)
    back = LivingSprite.from_bytes(with_mouth.to_bytes())
    assert back.mouth_openness is not None
    assert np.allclose(back.mouth_openness, mouth)


def test_loop_ping_pongs_without_a_jump(sprite: LivingSprite) -> None:
    count = len(sprite.frames)
    indices = [sprite.frame_index_at(step / FPS) for step in range(4 * count)]
    assert indices[:count] == list(range(count))
    assert indices[count : 2 * count - 2] == list(range(count - 2, 0, -1))
    assert max(abs(a - b) for a, b in itertools.pairwise(indices)) == 1
    assert sprite.frame_at(0.0) is sprite.frames[0]
    assert sprite.frame_at((count - 1) / FPS) is sprite.frames[-1]


def test_frames_without_subject_cannot_make_a_sprite(
    clip: tuple[list[np.ndarray], list[np.ndarray]],
) -> None:
    frames, mattes = clip
    with pytest.raises(EmptySpriteError, match="nothing to cut out"):
        build_sprite(frames, [np.zeros_like(m) for m in mattes], fps=FPS)
    with pytest.raises(ValueError, match="one matte per frame"):
        build_sprite(frames, mattes[:-1], fps=FPS)


def test_damaged_sprite_bytes_are_refused(sprite: LivingSprite) -> None:
    data = sprite.to_bytes()
    with pytest.raises(SpriteFormatError):
        LivingSprite.from_bytes(data[: len(data) // 2])
    with pytest.raises(SpriteFormatError):
        LivingSprite.from_bytes(b"not a sprite")
