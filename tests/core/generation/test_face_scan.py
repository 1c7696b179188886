"""Face checks of sampled frames beside the render: helper process, thread, and fallbacks."""

from __future__ import annotations

import logging
import os
import threading

import numpy as np
import pytest

from core.generation.face_scan import FaceScan, faces_in_frame
from core.identity.backends import load_face_backend
from core.identity.faces import FaceBox, FaceEmbedding, FaceLandmarks
from tests.media_factory import astronaut_rgb, grace_hopper_rgb


def clip_sized(photo: np.ndarray) -> np.ndarray:
    frame = np.zeros((480, 832, 3), np.uint8)
    height, width = min(480, photo.shape[0]), min(832, photo.shape[1])
    frame[:height, :width] = photo[:height, :width]
    return frame


class CountingBackend:
    """One face per frame whose embedding is the frame's mean colour; notes where it ran."""

    name = "counting"
    metric = "euclidean"
    match_threshold = 0.5

    def __init__(self, *, fails_outside_pid: int | None = None, always_fails: bool = False):
        self.fails_outside_pid = fails_outside_pid
        self.always_fails = always_fails
        self.threads: list[str] = []

    def detect(self, rgb: np.ndarray) -> list[FaceBox]:
        if self.always_fails:
            raise RuntimeError("the face model files are missing")
        if self.fails_outside_pid is not None and os.getpid() != self.fails_outside_pid:
            raise RuntimeError("this model only works in the parent process")
        self.threads.append(threading.current_thread().name)
        landmarks = FaceLandmarks("dlib-5", ((1.0, 1.0),) * 5)
        return [FaceBox(0, 0, 8, 8, 1.0, landmarks)]

    def embed(self, rgb: np.ndarray, box: FaceBox) -> FaceEmbedding:
        return FaceEmbedding(self.name, rgb.reshape(-1, 3).mean(axis=0))

    def distance(self, a: FaceEmbedding, b: FaceEmbedding) -> float:
        return float(np.linalg.norm(a.vector - b.vector))

    def is_match(self, a: FaceEmbedding, b: FaceEmbedding) -> bool:
        return self.distance(a, b) <= self.match_threshold


class UnpicklableBackend(CountingBackend):
    def __init__(self) -> None:
        super().__init__()
        self.lock = threading.Lock()  # like InsightFace's: cannot be sent to a helper


def solid_frames() -> list[np.ndarray]:
    return [np.full((32, 32, 3), value, np.uint8) for value in (10, 200, 90)]


@pytest.mark.slow  # starts the dlib helper process (~1-2 s)
def test_the_helper_finds_the_same_faces_as_scanning_in_process():
    backend = load_face_backend()
    frames = [clip_sized(astronaut_rgb()), clip_sized(grace_hopper_rgb())]

    with FaceScan(backend) as scan:
        for frame in frames:
            scan.add(frame)
        found = scan.faces()

    expected = [face for frame in frames for face in faces_in_frame(backend, frame)]
    assert len(found) == len(expected) == 2
    assert found == expected


def test_a_picklable_model_runs_in_the_helper_process():
    backend = CountingBackend()

    with FaceScan(backend) as scan:
        for frame in solid_frames():
            scan.add(frame)
        found = scan.faces()

    assert [face.vector[0] for face in found] == [10, 200, 90]
    assert backend.threads == []  # this process never ran the model


@pytest.mark.slow  # starts the dlib helper process (~1-2 s)
def test_a_frame_without_faces_adds_none_and_keeps_the_helper(caplog):
    backend = load_face_backend()
    empty = np.full((480, 832, 3), 90, np.uint8)

    with caplog.at_level(logging.WARNING), FaceScan(backend) as scan:
        scan.add(empty)
        scan.add(clip_sized(grace_hopper_rgb()))
        found = scan.faces()

    assert len(found) == 1
    assert "helper process failed" not in caplog.text


def test_a_model_that_cannot_be_pickled_is_scanned_on_the_thread():
    backend = UnpicklableBackend()

    with FaceScan(backend) as scan:
        for frame in solid_frames():
            scan.add(frame)
        found = scan.faces()

    assert [face.vector[0] for face in found] == [10, 200, 90]
    assert backend.threads == ["face-scan"] * 3


def test_when_the_helper_fails_the_frames_are_scanned_here(caplog):
    backend = CountingBackend(fails_outside_pid=os.getpid())

    with caplog.at_level(logging.WARNING), FaceScan(backend) as scan:
        for frame in solid_frames():
            scan.add(frame)
        found = scan.faces()

    assert [face.vector[0] for face in found] == [10, 200, 90]
    assert "The face helper process failed" in caplog.text
    assert "only works in the parent process" in caplog.text


def test_a_face_model_error_reaches_the_caller():
    backend = CountingBackend(always_fails=True)

    with FaceScan(backend) as scan:
        scan.add(solid_frames()[0])
        with pytest.raises(RuntimeError, match="model files are missing"):
            scan.faces()
