"""dlib face backend, the embedded default: HOG detector, 5-point landmarks, 128-d ResNet.

The weights ship inside the ``face_recognition_models`` package, so it always works offline.
Embeddings are compared by L2 distance.
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core.identity.faces import (
    DLIB_MODEL_NAME,
    DistanceMetric,
    FaceBox,
    FaceEmbedding,
    FaceLandmarks,
    FaceModelUnavailableError,
    as_rgb_uint8,
    clip_face_box,
    downscale_for_detection,
    euclidean_distance,
)

logger = logging.getLogger(__name__)

# docs/face_calibration.md: edits of one photo stay <= 0.27, two different people >= 0.63.
DLIB_MATCH_THRESHOLD = 0.6
# See DlibFaceBackend: separates real faces (>= 0.31) from false positives (<= 0.28).
DLIB_MIN_DETECTION_SCORE = 0.3


def _face_recognition_models_dir() -> Path:
    # find_spec locates the package without running its __init__, which imports pkg_resources
    # (gone from setuptools >= 81); we only need the data files beside it.
    spec = importlib.util.find_spec("face_recognition_models")
    if spec is None or not spec.submodule_search_locations:
        raise FaceModelUnavailableError(
            "The face models are not installed; run `pip install face_recognition_models==0.3.0`."
        )
    return Path(next(iter(spec.submodule_search_locations))) / "models"


@dataclass(frozen=True)
class _DlibModels:
    detector: Any
    shape_predictor: Any
    recognizer: Any


# The models are shared by every DlibFaceBackend, and dlib's detector and network keep scratch
# buffers, so all calls into them go through this one lock.
_DLIB_LOCK = threading.Lock()


@functools.cache
def _load_dlib_models() -> _DlibModels:
    import dlib  # deferred: importing dlib costs time that only face work should pay

    models_dir = _face_recognition_models_dir()
    paths = {
        "shape": models_dir / "shape_predictor_5_face_landmarks.dat",
        "resnet": models_dir / "dlib_face_recognition_resnet_model_v1.dat",
    }
    for path in paths.values():
        if not path.is_file():
            raise FaceModelUnavailableError(
                f"The face model file {path.name} is missing from {models_dir}; reinstall "
                "face_recognition_models."
            )
    logger.info("Loading dlib face models from %s", models_dir)
    return _DlibModels(
        detector=dlib.get_frontal_face_detector(),
        shape_predictor=dlib.shape_predictor(str(paths["shape"])),
        recognizer=dlib.face_recognition_model_v1(str(paths["resnet"])),
    )


class DlibFaceBackend:
    """dlib HOG detector + 5-point landmarks + 128-d ResNet descriptor (L2 distance).

    Models load on first use and are shared by all instances; calls into them are serialised.

    Args:
        min_score: lowest HOG detector score accepted as a face. Real faces, tilted up to 15
            degrees or blurred, scored 0.31 and up in calibration, while the one false
            positive seen (a patch on Collins' spacesuit) scored up to 0.28.
    """

    name = DLIB_MODEL_NAME
    metric: DistanceMetric = "euclidean"
    match_threshold = DLIB_MATCH_THRESHOLD

    def __init__(self, min_score: float = DLIB_MIN_DETECTION_SCORE) -> None:
        self._min_score = min_score

    def detect(self, rgb: np.ndarray) -> list[FaceBox]:
        """Find frontal faces, largest first.

        Detection runs on a copy at most 640 px long (boxes are mapped back). When nothing is
        found, a second pass upsamples once so faces down to ~40 px of that copy are seen.

        Raises:
            InvalidImageError: ``rgb`` is not an image.
            FaceModelUnavailableError: the model files are not installed.
        """
        import dlib

        image = as_rgb_uint8(rgb)
        small, factor = downscale_for_detection(image)
        models = _load_dlib_models()
        with _DLIB_LOCK:
            rects, scores, _ = models.detector.run(small, 0, self._min_score)
            if not rects:
                rects, scores, _ = models.detector.run(small, 1, self._min_score)
            faces = []
            for rect, score in zip(rects, scores, strict=True):
                full = dlib.rectangle(
                    round(rect.left() * factor),
                    round(rect.top() * factor),
                    round((rect.right() + 1) * factor),
                    round((rect.bottom() + 1) * factor),
                )
                shape = models.shape_predictor(image, full)
                points = tuple((float(p.x), float(p.y)) for p in shape.parts())
                edges = (full.left(), full.top(), full.right(), full.bottom())
                faces.append(clip_face_box(image, edges, score, FaceLandmarks("dlib-5", points)))
        return sorted(faces, key=lambda face: face.area, reverse=True)

    def embed(self, rgb: np.ndarray, box: FaceBox) -> FaceEmbedding:
        """The 128-d descriptor of the face in ``box``.

        The landmarks are predicted again from the box (about a millisecond), so boxes from
        any backend can be embedded here.

        Raises:
            InvalidImageError: ``rgb`` is not an image.
            FaceModelUnavailableError: the model files are not installed.
        """
        import dlib

        image = as_rgb_uint8(rgb)
        models = _load_dlib_models()
        rect = dlib.rectangle(box.left, box.top, box.right, box.bottom)
        with _DLIB_LOCK:
            shape = models.shape_predictor(image, rect)
            vector = models.recognizer.compute_face_descriptor(image, shape)
        return FaceEmbedding(model=self.name, vector=np.asarray(vector))

    def distance(self, a: FaceEmbedding, b: FaceEmbedding) -> float:
        """L2 distance (same person is usually below 0.6)."""
        return euclidean_distance(a, b)

    def is_match(self, a: FaceEmbedding, b: FaceEmbedding) -> bool:
        """Whether the distance is within :attr:`match_threshold`."""
        return self.distance(a, b) <= self.match_threshold
