"""InsightFace ``buffalo_l`` face backend (optional): SCRFD detector + 512-d ArcFace, cosine.

Picked only when its model pack already lies on disk, because InsightFace would otherwise try
to download it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from core.identity.faces import (
    INSIGHTFACE_MODEL_NAME,
    DistanceMetric,
    FaceBox,
    FaceEmbedding,
    FaceLandmarks,
    LandmarkLayoutError,
    as_rgb_uint8,
    clip_face_box,
    cosine_distance,
)

logger = logging.getLogger(__name__)

# Not calibrated here (the pack cannot be downloaded); cosine similarity >= 0.35 is the usual
# operating point for buffalo_l's w600k_r50 ArcFace model.
INSIGHTFACE_MATCH_THRESHOLD = 0.65
INSIGHTFACE_PACK_FILES = ("det_10g.onnx", "w600k_r50.onnx")


def insightface_pack_dir(root: Path) -> Path:
    """Where InsightFace looks for the ``buffalo_l`` pack under ``root``."""
    return Path(root).expanduser() / "models" / "buffalo_l"


def has_insightface_pack(root: Path | None) -> bool:
    """Whether a usable ``buffalo_l`` pack (detector + recogniser ONNX files) lies under ``root``.

    Both files must be present: FaceAnalysis downloads the pack when its folder is missing and
    fails on a partial one, and we never want either at run time.
    """
    if root is None:
        return False
    pack = insightface_pack_dir(root)
    return all((pack / name).is_file() for name in INSIGHTFACE_PACK_FILES)


def _build_face_analysis(root: Path) -> Any:
    from insightface.app import FaceAnalysis

    app = FaceAnalysis(
        name="buffalo_l",
        root=str(root),
        allowed_modules=["detection", "recognition"],
        providers=["CPUExecutionProvider"],
    )
    app.prepare(ctx_id=-1, det_size=(640, 640))
    return app


class InsightFaceBackend:
    """InsightFace ``buffalo_l``: SCRFD detector with 5 keypoints + 512-d ArcFace (cosine).

    Construct only when :func:`has_insightface_pack` is true; the model pack loads on first use.

    Args:
        root: the folder holding ``models/buffalo_l``.
        app_factory: builds the FaceAnalysis object from ``root`` (tests inject a fake).
    """

    name = INSIGHTFACE_MODEL_NAME
    metric: DistanceMetric = "cosine"
    match_threshold = INSIGHTFACE_MATCH_THRESHOLD

    def __init__(
        self, root: Path, app_factory: Callable[[Path], Any] = _build_face_analysis
    ) -> None:
        self._root = Path(root)
        self._app_factory = app_factory
        self._app: Any = None
        self._lock = threading.Lock()

    def _loaded_app(self) -> Any:
        with self._lock:
            if self._app is None:
                logger.info("Loading InsightFace buffalo_l from %s", self._root)
                self._app = self._app_factory(self._root)
            return self._app

    def detect(self, rgb: np.ndarray) -> list[FaceBox]:
        """Find faces with SCRFD, largest first.

        Raises:
            InvalidImageError: ``rgb`` is not an image.
        """
        image = as_rgb_uint8(rgb)
        app = self._loaded_app()
        bgr = np.ascontiguousarray(image[:, :, ::-1])  # InsightFace models expect OpenCV BGR
        boxes, keypoints = app.det_model.detect(bgr, max_num=0, metric="default")
        faces = []
        for index, row in enumerate(boxes):
            points = tuple((float(x), float(y)) for x, y in keypoints[index])
            landmarks = FaceLandmarks("insightface-5", points)
            faces.append(clip_face_box(image, row[:4], float(row[4]), landmarks))
        return sorted(faces, key=lambda face: face.area, reverse=True)

    def embed(self, rgb: np.ndarray, box: FaceBox) -> FaceEmbedding:
        """The 512-d ArcFace embedding of the face, aligned on its 5 keypoints.

        Raises:
            InvalidImageError: ``rgb`` is not an image.
            LandmarkLayoutError: ``box`` was not found by an InsightFace detector.
        """
        if box.landmarks.layout != "insightface-5":
            raise LandmarkLayoutError(
                f"InsightFace aligns faces on its own 5 keypoints; this box has "
                f"{box.landmarks.layout} landmarks. Detect the face with the same backend."
            )
        from insightface.app.common import Face

        image = as_rgb_uint8(rgb)
        app = self._loaded_app()
        bgr = np.ascontiguousarray(image[:, :, ::-1])
        face = Face(
            bbox=np.array([box.left, box.top, box.right, box.bottom], dtype=np.float32),
            kps=np.array(box.landmarks.points, dtype=np.float32),
            det_score=box.score,
        )
        vector = app.models["recognition"].get(bgr, face)
        return FaceEmbedding(model=self.name, vector=np.asarray(vector))

    def distance(self, a: FaceEmbedding, b: FaceEmbedding) -> float:
        """Cosine distance, ``1 - cosine similarity``."""
        return cosine_distance(a, b)

    def is_match(self, a: FaceEmbedding, b: FaceEmbedding) -> bool:
        """Whether the cosine distance is within :attr:`match_threshold`."""
        return self.distance(a, b) <= self.match_threshold
