"""Mouth warp: the face mesh finds the lips, the warp opens them, and nothing else changes."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from core.acting.mouth import apply_patch, find_lips, lips_on_frames, warp_mouth
from core.generation.speaking_faces import find_mouth_box
from core.identity.backends import load_face_backend
from core.identity.mesh import face_square, load_face_mesh, mouth_opening
from tests.media_factory import astronaut_rgb, grace_hopper_rgb


@pytest.fixture(scope="module")
def faces():
    return load_face_backend()


@pytest.fixture(scope="module")
def mesh():
    return load_face_mesh()


def _rgba(rgb: np.ndarray) -> np.ndarray:
    return np.dstack([rgb, np.full(rgb.shape[:2], 255, np.uint8)])


@pytest.mark.parametrize("photo", [astronaut_rgb, grace_hopper_rgb], ids=["eileen", "grace"])
@pytest.mark.parametrize("size", [512, 160], ids=["large", "small"])
def test_opening_the_jaw_opens_the_measured_mouth(photo, size, faces, mesh):
    import cv2

    # As the animatic does: lips found on the full-size sprite, then scaled to screen size.
    full = _rgba(photo())
    box = find_mouth_box(faces, full)
    assert box is not None
    found = find_lips(mesh, full, box)
    assert found is not None
    factor = size / full.shape[1]
    rgba = cv2.resize(full, (size, round(full.shape[0] * factor)), interpolation=cv2.INTER_AREA)
    lips = found.scaled(factor)
    square = (lips.nose[0], lips.nose[1], 3.4 * lips.width)
    before = mouth_opening(mesh.landmarks(rgba, square)[0])
    measured = []
    for opening in (0.3, 0.6, 1.0):
        patch = warp_mouth(rgba, lips, opening, 0.0)
        assert patch is not None
        points = mesh.landmarks(apply_patch(rgba, patch), square)[0]
        measured.append(mouth_opening(points))
    assert measured[0] < measured[1] < measured[2], measured
    assert measured[2] > before + 0.15


def test_a_narrow_vowel_still_reads_open_on_a_smiling_mouth(faces, mesh):
    # Eileen smiles with her teeth showing: before the opening curve, a quarter opening (a
    # narrow vowel, an unstressed syllable) moved her measured mouth by 0.03, so it read as still.
    rgba = _rgba(astronaut_rgb())
    lips = find_lips(mesh, rgba, find_mouth_box(faces, rgba))
    square = (lips.nose[0], lips.nose[1], 3.4 * lips.width)
    before = mouth_opening(mesh.landmarks(rgba, square)[0])
    quarter = apply_patch(rgba, warp_mouth(rgba, lips, 0.25, 0.0))
    assert mouth_opening(mesh.landmarks(quarter, square)[0]) > before + 0.05


def test_a_closed_shape_changes_nothing_and_a_warp_stays_near_the_mouth(faces, mesh):
    rgba = _rgba(grace_hopper_rgb())
    lips = find_lips(mesh, rgba, find_mouth_box(faces, rgba))
    assert warp_mouth(rgba, lips, 0.0, 0.0) is None
    patch = warp_mouth(rgba, lips, 1.0, 0.5)
    height, width = patch.rgba.shape[:2]
    assert width < 2.5 * lips.width and height < 3 * lips.width
    assert patch.top >= lips.nose[1] - 1  # eyes and nose never move
    assert rgba.flags.writeable and not np.shares_memory(patch.rgba, rgba)


def test_no_face_no_lips(mesh):
    noise = np.random.default_rng(0).integers(0, 255, (300, 300, 4), dtype=np.uint8)
    assert find_lips(mesh, noise, (120, 160, 180, 200)) is None


def test_lips_follow_a_moving_face_between_measured_frames(faces, mesh):
    rgba = _rgba(astronaut_rgb())
    box = find_mouth_box(faces, rgba)
    # The same face sliding right 2 px per frame, 7 frames: lips found on 0, 3, 6 and interpolated.
    frames = tuple(np.roll(rgba, 2 * i, axis=1) for i in range(7))
    lips = lips_on_frames(mesh, frames, box)
    corners = [found.left[0] for found in lips]
    assert all(b > a for a, b in itertools.pairwise(corners)), corners
    assert corners[-1] - corners[0] == pytest.approx(12, abs=2)


def test_face_square_centres_on_the_points():
    points = np.array([[10.0, 20.0], [30.0, 60.0]], np.float32)
    assert face_square(points) == pytest.approx((20.0, 40.0, 60.0))
