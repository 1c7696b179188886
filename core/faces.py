"""Face identity for digital-double registration: detection, landmarks, embeddings, quality.

Two backends share one interface (:class:`FaceBackend`):

* :class:`DlibFaceBackend`, the embedded default: dlib's HOG frontal detector, its 5-point
  shape predictor and its 128-d ResNet descriptor, with the weights that ship inside the
  ``face_recognition_models`` package. Embeddings are compared by L2 distance.
* :class:`InsightFaceBackend`, optional: InsightFace ``buffalo_l`` (SCRFD + ArcFace, 512-d,
  cosine), picked only when its model pack already lies on disk, because InsightFace would
  otherwise try to download it.

Embeddings always carry the name of the model that made them and are never compared across
models (:class:`EmbeddingModelMismatchError`).
"""

from __future__ import annotations

import functools
import importlib.util
import logging
import math
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, TypeAlias

import cv2
import numpy as np

logger = logging.getLogger(__name__)

Point: TypeAlias = tuple[float, float]
LandmarkLayout: TypeAlias = Literal["dlib-5", "insightface-5"]
DistanceMetric: TypeAlias = Literal["euclidean", "cosine"]

DLIB_MODEL_NAME = "dlib-resnet-v1-128"
INSIGHTFACE_MODEL_NAME = "insightface-buffalo_l-arcface-512"
EMBEDDING_DIMENSIONS = {DLIB_MODEL_NAME: 128, INSIGHTFACE_MODEL_NAME: 512}

# docs/face_calibration.md: edits of one photo stay <= 0.27, two different people >= 0.63.
DLIB_MATCH_THRESHOLD = 0.6
# Not calibrated here (the pack cannot be downloaded); cosine similarity >= 0.35 is the usual
# operating point for buffalo_l's w600k_r50 ArcFace model.
INSIGHTFACE_MATCH_THRESHOLD = 0.65

# HOG cost grows with pixel count; 640 px keeps a 720p frame at ~20 ms while a face that fills a
# fifth of the frame is still above the detector's 80 px window.
DETECT_LONG_SIDE = 640
# Sharpness is measured on the face resized to this square so the value does not depend on
# the face's size; 64 px is below the smallest accepted face, so faces are only ever shrunk
# (enlarging a small face would make it look blurry).
SHARPNESS_SIZE = 64
# See DlibFaceBackend: separates real faces (>= 0.31) from false positives (<= 0.28).
DLIB_MIN_DETECTION_SCORE = 0.3
INSIGHTFACE_PACK_FILES = ("det_10g.onnx", "w600k_r50.onnx")


# ----------------------------------------------------------------------------------------------
# Errors
# ----------------------------------------------------------------------------------------------


class FaceError(Exception):
    """Base class of every error raised by this module."""


class FaceModelUnavailableError(FaceError):
    """The face model files are not installed."""


class InvalidImageError(FaceError, ValueError):
    """An image is not an RGB (or grey) uint8 array."""


class EmbeddingModelMismatchError(FaceError):
    """Two embeddings made by different models were compared."""


class EmbeddingFormatError(FaceError, ValueError):
    """Stored embedding bytes do not fit the model they claim to come from."""


class LandmarkLayoutError(FaceError, ValueError):
    """A face box from one backend was handed to another backend that cannot align it."""


class FaceAnalysisError(FaceError):
    """A reference cannot be used as a digital double's face; the message says how to fix it.

    Attributes:
        report: the quality report gathered before the analysis stopped, for the UI.
    """

    def __init__(self, message: str, report: QualityReport | None = None) -> None:
        super().__init__(message)
        self.report = report


class NoFaceFoundError(FaceAnalysisError):
    """No face (or a face in too few frames) was found."""


class MultipleFacesError(FaceAnalysisError):
    """Several faces of similar size appear, so the subject is ambiguous."""


class FaceTooSmallError(FaceAnalysisError):
    """The face is too small in the frame to identify reliably."""


class FaceTooBlurryError(FaceAnalysisError):
    """The face is out of focus or motion-blurred."""


class FaceNotFrontalError(FaceAnalysisError):
    """The face is turned too far away from the camera."""


class FacePoorlyLitError(FaceAnalysisError):
    """The face is too dark or too bright to see its features."""


class InconsistentFaceError(FaceAnalysisError):
    """Different frames show different people."""


# ----------------------------------------------------------------------------------------------
# Value types
# ----------------------------------------------------------------------------------------------

# Which of the five points are eye points and which is the nose, per backend layout.
_LAYOUT_PARTS: dict[str, tuple[tuple[int, ...], tuple[int, ...], int]] = {
    "dlib-5": ((0, 1), (2, 3), 4),  # two corners of each eye, then the base of the nose
    "insightface-5": ((0,), (1,), 2),  # eye centres, nose tip, mouth corners
}


@dataclass(frozen=True)
class FaceLandmarks:
    """Five alignment points in image pixels, in the order of the backend that found them."""

    layout: LandmarkLayout
    points: tuple[Point, ...]

    def _centre(self, indices: tuple[int, ...]) -> Point:
        xs = [self.points[i][0] for i in indices]
        ys = [self.points[i][1] for i in indices]
        return (sum(xs) / len(xs), sum(ys) / len(ys))

    @property
    def eyes(self) -> tuple[Point, Point]:
        """Eye centres ordered left to right *in the image*."""
        first, second, _ = _LAYOUT_PARTS[self.layout]
        eyes = sorted([self._centre(first), self._centre(second)])
        return (eyes[0], eyes[1])

    @property
    def nose(self) -> Point:
        return self.points[_LAYOUT_PARTS[self.layout][2]]


@dataclass(frozen=True)
class FaceBox:
    """A detected face: box in image pixels (right/bottom exclusive), score and landmarks."""

    left: int
    top: int
    right: int
    bottom: int
    score: float
    landmarks: FaceLandmarks

    @property
    def width(self) -> int:
        return self.right - self.left

    @property
    def height(self) -> int:
        return self.bottom - self.top

    @property
    def area(self) -> int:
        return self.width * self.height

    @property
    def centre(self) -> Point:
        return ((self.left + self.right) / 2, (self.top + self.bottom) / 2)


@dataclass(frozen=True, eq=False)
class FaceEmbedding:
    """An identity vector and the name of the model that made it.

    The vector is stored as a read-only float32 copy so a frozen embedding cannot change.
    """

    model: str
    vector: np.ndarray

    def __post_init__(self) -> None:
        vector = np.array(self.vector, dtype=np.float32).reshape(-1)
        vector.setflags(write=False)
        object.__setattr__(self, "vector", vector)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, FaceEmbedding):
            return NotImplemented
        return self.model == other.model and np.array_equal(self.vector, other.vector)

    __hash__ = None  # type: ignore[assignment]  # mutable-looking payload: keep it unhashable

    def to_bytes(self) -> bytes:
        """Serialise the vector as little-endian float32 (the model name is stored beside it)."""
        return self.vector.astype("<f4").tobytes()

    @classmethod
    def from_bytes(cls, model: str, data: bytes) -> FaceEmbedding:
        """Rebuild an embedding stored with :meth:`to_bytes`.

        Args:
            model: the model name stored next to the bytes.
            data: little-endian float32 values.

        Returns:
            The embedding.

        Raises:
            EmbeddingFormatError: the byte count does not fit float32 values or the model's size.
        """
        if not data or len(data) % 4:
            raise EmbeddingFormatError(
                f"A stored face embedding has {len(data)} bytes, which is not a float32 vector."
            )
        vector = np.frombuffer(data, dtype="<f4").astype(np.float32)
        expected = EMBEDDING_DIMENSIONS.get(model)
        if expected is not None and vector.size != expected:
            raise EmbeddingFormatError(
                f"A stored {model} face embedding has {vector.size} values; it should have "
                f"{expected}."
            )
        return cls(model=model, vector=vector)


def check_same_model(a: FaceEmbedding, b: FaceEmbedding) -> None:
    """Refuse to compare embeddings from different models (their spaces are unrelated).

    Raises:
        EmbeddingModelMismatchError: ``a`` and ``b`` were made by different models.
    """
    if a.model != b.model:
        raise EmbeddingModelMismatchError(
            f"Face embeddings from {a.model!r} and {b.model!r} cannot be compared; "
            "re-register the double's face with the current face model."
        )


def euclidean_distance(a: FaceEmbedding, b: FaceEmbedding) -> float:
    """L2 distance between two embeddings of the same model.

    Raises:
        EmbeddingModelMismatchError: the embeddings come from different models.
    """
    check_same_model(a, b)
    return float(np.linalg.norm(a.vector - b.vector))


def cosine_distance(a: FaceEmbedding, b: FaceEmbedding) -> float:
    """``1 - cosine similarity`` between two embeddings of the same model (0 = identical).

    Raises:
        EmbeddingModelMismatchError: the embeddings come from different models.
    """
    check_same_model(a, b)
    norms = float(np.linalg.norm(a.vector) * np.linalg.norm(b.vector))
    if norms == 0.0:
        return 1.0
    return 1.0 - float(np.dot(a.vector, b.vector)) / norms


def mean_embedding(embeddings: Sequence[FaceEmbedding], metric: DistanceMetric) -> FaceEmbedding:
    """Average several embeddings of one person into one reference.

    For cosine models the vectors are normalised first and the mean is re-normalised, so each
    frame weighs the same and the result lies on the unit sphere like the inputs.

    Raises:
        ValueError: ``embeddings`` is empty.
        EmbeddingModelMismatchError: the embeddings come from different models.
    """
    if not embeddings:
        raise ValueError("mean_embedding needs at least one embedding.")
    for other in embeddings[1:]:
        check_same_model(embeddings[0], other)
    stacked = np.stack([e.vector.astype(np.float64) for e in embeddings])
    if metric == "cosine":
        stacked /= np.maximum(np.linalg.norm(stacked, axis=1, keepdims=True), 1e-12)
    mean = stacked.mean(axis=0)
    if metric == "cosine":
        mean /= max(float(np.linalg.norm(mean)), 1e-12)
    return FaceEmbedding(model=embeddings[0].model, vector=mean)


# ----------------------------------------------------------------------------------------------
# Backends
# ----------------------------------------------------------------------------------------------


class FaceBackend(Protocol):
    """What registration, the live check and clip metrics need from a face model."""

    name: str
    metric: DistanceMetric
    match_threshold: float

    def detect(self, rgb: np.ndarray) -> list[FaceBox]:
        """All faces in an RGB image, largest first."""
        ...

    def embed(self, rgb: np.ndarray, box: FaceBox) -> FaceEmbedding:
        """The identity embedding of the face in ``box`` (found by this backend's detect)."""
        ...

    def distance(self, a: FaceEmbedding, b: FaceEmbedding) -> float:
        """Smaller is more alike; raises EmbeddingModelMismatchError across models."""
        ...

    def is_match(self, a: FaceEmbedding, b: FaceEmbedding) -> bool:
        """Whether ``a`` and ``b`` show the same person."""
        ...


def as_rgb_uint8(image: np.ndarray) -> np.ndarray:
    """Return ``image`` as a C-contiguous H×W×3 uint8 array (grey images are expanded).

    Raises:
        InvalidImageError: the array is not a uint8 image with 1, 3 or 4 channels.
    """
    array = np.asarray(image)
    if array.dtype != np.uint8:
        raise InvalidImageError(f"Expected an 8-bit image, got dtype {array.dtype}.")
    if array.ndim == 2:
        array = np.repeat(array[:, :, None], 3, axis=2)
    if array.ndim != 3 or array.shape[2] not in (3, 4) or min(array.shape[:2]) < 1:
        raise InvalidImageError(f"Expected an RGB image (H×W×3), got shape {array.shape}.")
    return np.ascontiguousarray(array[:, :, :3])


def _downscale_for_detection(rgb: np.ndarray) -> tuple[np.ndarray, float]:
    """A copy no longer than DETECT_LONG_SIDE and the factor from it back to ``rgb``."""
    height, width = rgb.shape[:2]
    scale = DETECT_LONG_SIDE / max(height, width)
    if scale >= 1.0:
        return rgb, 1.0
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA), 1.0 / scale


def _clip_box(
    rgb: np.ndarray, edges: Sequence[float], score: float, landmarks: FaceLandmarks
) -> FaceBox:
    height, width = rgb.shape[:2]
    left, top, right, bottom = (round(v) for v in edges)
    return FaceBox(
        left=min(max(left, 0), width - 1),
        top=min(max(top, 0), height - 1),
        right=min(max(right, 1), width),
        bottom=min(max(bottom, 1), height),
        score=float(score),
        landmarks=landmarks,
    )


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
        small, factor = _downscale_for_detection(image)
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
                faces.append(_clip_box(image, edges, score, FaceLandmarks("dlib-5", points)))
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
            faces.append(_clip_box(image, row[:4], float(row[4]), landmarks))
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


@functools.cache
def load_face_backend(insightface_root: Path | None = None) -> FaceBackend:
    """The face backend to use, built once per root.

    InsightFace is chosen when ``insightface_root/models/buffalo_l`` holds its detector and
    recogniser and the ``insightface`` package is importable; otherwise dlib, which always works
    offline.

    Args:
        insightface_root: folder that may hold an InsightFace model pack (settings value).

    Returns:
        A backend whose models load on first use.
    """
    if has_insightface_pack(insightface_root):
        if importlib.util.find_spec("insightface") is not None:
            assert insightface_root is not None  # has_insightface_pack(None) is False
            logger.info("Face backend: InsightFace buffalo_l under %s", insightface_root)
            return InsightFaceBackend(insightface_root)
        logger.warning("An InsightFace pack is present but insightface is not installed.")
    elif insightface_root is not None:
        logger.info("No complete buffalo_l pack under %s; using dlib.", insightface_root)
    return DlibFaceBackend()


# ----------------------------------------------------------------------------------------------
# Quality of one face
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FaceQuality:
    """Measurements of one detected face.

    Attributes:
        size_px: the shorter side of the face box in pixels.
        sharpness: variance of the Laplacian of the grey face resized to 64×64.
        yaw_ratio: sideways offset of the nose from the eyes' midpoint, in eye distances
            (0 looking straight at the camera, ~0.25 at roughly 30 degrees of head turn).
        frontal_score: ``1 - 2 * yaw_ratio`` clipped to [0, 1].
        roll_degrees: tilt of the eye line.
        brightness: mean grey level of the face, 0-255.
    """

    size_px: int
    sharpness: float
    yaw_ratio: float
    frontal_score: float
    roll_degrees: float
    brightness: float


def _face_crop(rgb: np.ndarray, box: FaceBox) -> np.ndarray:
    return rgb[box.top : box.bottom, box.left : box.right]


def face_quality(rgb: np.ndarray, box: FaceBox) -> FaceQuality:
    """Measure size, sharpness, pose and brightness of the face in ``box``.

    Args:
        rgb: the image the box was found in.
        box: a detected face.

    Returns:
        The measurements.

    Raises:
        InvalidImageError: ``rgb`` is not an image or the box lies outside it.
    """
    image = as_rgb_uint8(rgb)
    crop = _face_crop(image, box)
    if crop.size == 0:
        raise InvalidImageError(f"The face box {box} lies outside the {image.shape} image.")
    grey = cv2.cvtColor(crop, cv2.COLOR_RGB2GRAY)
    # INTER_AREA when shrinking, linear when enlarging: both avoid inventing edges.
    shrinking = min(grey.shape) >= SHARPNESS_SIZE
    interpolation = cv2.INTER_AREA if shrinking else cv2.INTER_LINEAR
    normalised = cv2.resize(grey, (SHARPNESS_SIZE, SHARPNESS_SIZE), interpolation=interpolation)
    sharpness = float(cv2.Laplacian(normalised, cv2.CV_64F).var())

    (left_eye, right_eye), nose = box.landmarks.eyes, box.landmarks.nose
    eye_vector = np.subtract(right_eye, left_eye)
    eye_distance = float(np.linalg.norm(eye_vector))
    if eye_distance < 1e-6:
        yaw_ratio = 1.0  # degenerate landmarks: treat as not frontal rather than divide by 0
    else:
        midpoint = np.add(left_eye, right_eye) / 2
        # Project the nose offset on the eye line: turning the head moves the nose sideways
        # along it, while a tilt of the whole head (roll) does not change the projection.
        along = float(np.dot(np.subtract(nose, midpoint), eye_vector / eye_distance))
        yaw_ratio = abs(along) / eye_distance
    return FaceQuality(
        size_px=min(box.width, box.height),
        sharpness=sharpness,
        yaw_ratio=yaw_ratio,
        frontal_score=float(np.clip(1.0 - 2.0 * yaw_ratio, 0.0, 1.0)),
        roll_degrees=math.degrees(math.atan2(eye_vector[1], eye_vector[0])),
        brightness=float(grey.mean()),
    )


# ----------------------------------------------------------------------------------------------
# Analysis of a person's reference frames
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QualityCheck:
    """One line of the quality report shown to the user."""

    name: str
    passed: bool
    message: str


@dataclass(frozen=True)
class QualityReport:
    """Per-check results of a reference analysis, in the order they were checked."""

    checks: tuple[QualityCheck, ...] = ()

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def failed(self) -> tuple[QualityCheck, ...]:
        return tuple(check for check in self.checks if not check.passed)

    def with_check(self, check: QualityCheck) -> QualityReport:
        return QualityReport(checks=(*self.checks, check))


@dataclass(frozen=True)
class AnalysisThresholds:
    """Limits a reference must meet; defaults come from docs/face_calibration.md."""

    min_face_px: int = 80
    min_sharpness: float = 100.0
    min_frontal_score: float = 0.5
    min_brightness: float = 40.0
    max_brightness: float = 225.0
    # A second face counts as background when the main one is this many times larger.
    dominance_ratio: float = 4.0
    # Share of frames that must show one dominant face ("most frames").
    min_face_fraction: float = 0.6
    # Share of frames whose face must pass every quality check (at least one frame).
    min_good_fraction: float = 0.3
    # Embedding costs ~75 ms per frame with dlib; beyond this many good frames, spread the
    # embedded ones evenly over the sequence.
    max_embedded_frames: int = 8


@dataclass(frozen=True, eq=False)
class PersonAnalysis:
    """The result of analysing a person's reference frames.

    Attributes:
        embedding: mean identity embedding of the good frames.
        best_frame_index: index into the given frames of the best portrait.
        best_box: the face in that frame.
        portrait: head-and-shoulders crop of that frame (RGB uint8).
        portrait_box: ``(left, top, right, bottom)`` of the crop in the frame.
        frame_faces: the dominant face of each frame, or None.
        used_frame_indices: frames whose embeddings were averaged.
        report: the quality report (all checks passed).
    """

    embedding: FaceEmbedding
    best_frame_index: int
    best_box: FaceBox
    portrait: np.ndarray
    portrait_box: tuple[int, int, int, int]
    frame_faces: tuple[FaceBox | None, ...]
    used_frame_indices: tuple[int, ...]
    report: QualityReport = field(default_factory=QualityReport)


def dominant_face(faces: Sequence[FaceBox], dominance_ratio: float) -> FaceBox | None:
    """The one clearly main face, or None when there is no face or several of similar size."""
    if not faces:
        return None
    ordered = sorted(faces, key=lambda face: face.area, reverse=True)
    if len(ordered) == 1 or ordered[0].area >= dominance_ratio * ordered[1].area:
        return ordered[0]
    return None


def portrait_crop_box(
    shape: tuple[int, ...], box: FaceBox, scale: float = 2.2
) -> tuple[int, int, int, int]:
    """A square around the face, ``scale`` face sizes wide, shifted to stay inside the image."""
    height, width = shape[:2]
    side = min(round(max(box.width, box.height) * scale), width, height)
    centre_x, centre_y = box.centre
    # Put the face a little above the centre: hair above, chin and shoulders below.
    centre_y += 0.1 * side
    left = int(min(max(round(centre_x - side / 2), 0), width - side))
    top = int(min(max(round(centre_y - side / 2), 0), height - side))
    return (left, top, left + side, top + side)


def _portrait_score(quality: FaceQuality) -> float:
    # Sharp, frontal faces make the best reference; log keeps one very crisp frame from
    # outweighing a better pose.
    return quality.frontal_score * math.log1p(quality.sharpness) * min(quality.size_px, 400)


@dataclass(frozen=True)
class _QualityRule:
    name: str
    error: type[FaceAnalysisError]
    passes: Callable[[FaceQuality, AnalysisThresholds], bool]
    ok_message: Callable[[FaceQuality, AnalysisThresholds], str]
    fail_message: Callable[[FaceQuality, AnalysisThresholds], str]


def _lighting_problem(quality: FaceQuality, limits: AnalysisThresholds) -> str:
    if quality.brightness < limits.min_brightness:
        return (
            f"The face is too dark (brightness {quality.brightness:.0f} of 255). "
            "Face a window or a lamp."
        )
    return (
        f"The face is overexposed (brightness {quality.brightness:.0f} of 255). "
        "Move out of direct light."
    )


# Checked in this order; when no frame is good enough, the check failing in most frames wins
# and ties go to the earlier rule (size first: a small face also looks blurry).
_QUALITY_RULES = (
    _QualityRule(
        "face_size",
        FaceTooSmallError,
        lambda q, t: q.size_px >= t.min_face_px,
        lambda q, t: f"The face is {q.size_px} px wide (minimum {t.min_face_px} px).",
        lambda q, t: (
            f"The face is only {q.size_px} px wide; it needs at least {t.min_face_px} px. "
            "Move closer to the camera or use a higher-resolution video."
        ),
    ),
    _QualityRule(
        "sharpness",
        FaceTooBlurryError,
        lambda q, t: q.sharpness >= t.min_sharpness,
        lambda q, t: f"The face is sharp ({q.sharpness:.0f}, minimum {t.min_sharpness:.0f}).",
        lambda q, t: (
            f"The face is blurry (sharpness {q.sharpness:.0f}; at least {t.min_sharpness:.0f} "
            "is needed). Hold the camera still, clean the lens and use more light."
        ),
    ),
    _QualityRule(
        "frontal",
        FaceNotFrontalError,
        lambda q, t: q.frontal_score >= t.min_frontal_score,
        lambda q, t: f"The face looks at the camera (frontal score {q.frontal_score:.2f}).",
        lambda q, t: (
            f"The face is turned to the side (frontal score {q.frontal_score:.2f}; at least "
            f"{t.min_frontal_score:.2f} is needed). Look straight into the camera."
        ),
    ),
    _QualityRule(
        "lighting",
        FacePoorlyLitError,
        lambda q, t: t.min_brightness <= q.brightness <= t.max_brightness,
        lambda q, t: f"The face is well lit (brightness {q.brightness:.0f} of 255).",
        _lighting_problem,
    ),
)


def _check_face_presence(
    face_counts: Sequence[int],
    dominant: Sequence[FaceBox | None],
    limits: AnalysisThresholds,
) -> QualityCheck:
    total = len(face_counts)
    with_face = sum(face is not None for face in dominant)
    needed = max(1, math.ceil(limits.min_face_fraction * total))
    if with_face >= needed:
        where = _in_frames(with_face, total)
        return QualityCheck("one_face", True, f"One clear face {where}.")
    crowded = sum(
        1 for count, face in zip(face_counts, dominant, strict=True) if count > 1 and face is None
    )
    empty = sum(1 for count in face_counts if count == 0)
    if crowded > empty:
        message = (
            f"Several faces of similar size appear {_in_frames(crowded, total)}. Only the "
            "person registering may be in the picture."
        )
        raise MultipleFacesError(message, _failed_presence(message))
    message = (
        f"No face was found {_in_frames(total - with_face, total)}. Look straight at the "
        "camera in good light, with your face filling a good part of the picture."
    )
    raise NoFaceFoundError(message, _failed_presence(message))


def _in_frames(count: int, total: int) -> str:
    return "in the picture" if total == 1 else f"in {count} of {total} frames"


def _failed_presence(message: str) -> QualityReport:
    return QualityReport((QualityCheck("one_face", False, message),))


def _check_quality(
    qualities: dict[int, FaceQuality],
    needed: int,
    limits: AnalysisThresholds,
    report: QualityReport,
) -> tuple[list[int], QualityReport]:
    """Indices of frames passing every rule, and the report; raises when too few pass."""
    good = [
        index
        for index, quality in qualities.items()
        if all(rule.passes(quality, limits) for rule in _QUALITY_RULES)
    ]
    failing: dict[str, int] = {}
    for rule in _QUALITY_RULES:
        passing = [i for i, q in qualities.items() if rule.passes(q, limits)]
        failing[rule.name] = len(qualities) - len(passing)
        # Describe the most promising frame: the best passing one, else the best overall.
        sample = max(passing or qualities, key=lambda i: _portrait_score(qualities[i]))
        describe = rule.ok_message if passing else rule.fail_message
        report = report.with_check(
            QualityCheck(rule.name, bool(passing), describe(qualities[sample], limits))
        )
    if len(good) >= needed:
        return good, report
    worst = max(_QUALITY_RULES, key=lambda rule: failing[rule.name])  # max keeps the first tie
    failed_frames = [i for i, q in qualities.items() if not worst.passes(q, limits)]
    closest = max(failed_frames, key=lambda i: _portrait_score(qualities[i]))
    message = worst.fail_message(qualities[closest], limits)
    if len(qualities) > 1:
        message += f" ({len(good)} of {len(qualities)} frames were good enough; {needed} needed.)"
    raise worst.error(message, report)


def _spread(indices: Sequence[int], limit: int) -> list[int]:
    if len(indices) <= limit:
        return list(indices)
    picks = np.linspace(0, len(indices) - 1, limit).round().astype(int)
    return [indices[i] for i in sorted(set(picks.tolist()))]


def analyze_person(
    frames: Sequence[np.ndarray],
    backend: FaceBackend,
    *,
    thresholds: AnalysisThresholds | None = None,
) -> PersonAnalysis:
    """Check that reference frames show one person's face well, and describe that face.

    Args:
        frames: RGB frames already sampled by the caller (a photo is one frame).
        backend: the face backend (see :func:`load_face_backend`).
        thresholds: limits to apply; defaults to :class:`AnalysisThresholds`.

    Returns:
        The mean identity embedding, the best portrait and the quality report.

    Raises:
        ValueError: ``frames`` is empty.
        InvalidImageError: a frame is not an image.
        NoFaceFoundError: too few frames show a face.
        MultipleFacesError: too many frames show several faces of similar size.
        FaceTooSmallError, FaceTooBlurryError, FaceNotFrontalError, FacePoorlyLitError: too few
            frames pass the quality check named by the error.
        InconsistentFaceError: the good frames do not all show the same person.
    """
    limits = thresholds or AnalysisThresholds()
    if not frames:
        raise ValueError("analyze_person needs at least one frame.")
    images = [as_rgb_uint8(frame) for frame in frames]

    # 1. One dominant face per frame.
    detections = [backend.detect(image) for image in images]
    dominant = [dominant_face(faces, limits.dominance_ratio) for faces in detections]
    report = QualityReport((_check_face_presence([len(f) for f in detections], dominant, limits),))

    # 2. Quality of each dominant face.
    faces = {index: face for index, face in enumerate(dominant) if face is not None}
    qualities = {index: face_quality(images[index], face) for index, face in faces.items()}
    needed = max(1, math.ceil(limits.min_good_fraction * len(images)))
    good, report = _check_quality(qualities, needed, limits, report)

    # 3. Best portrait, then identity: every embedded frame must match the best one.
    best_index = max(good, key=lambda i: _portrait_score(qualities[i]))
    used = _spread(good, limits.max_embedded_frames)
    if best_index not in used:
        # Swap in the best frame for its nearest neighbour, keeping the spread over time.
        nearest = min(used, key=lambda i: abs(i - best_index))
        used = sorted({*used, best_index} - {nearest})
    embeddings = {i: backend.embed(images[i], faces[i]) for i in used}
    strangers = [i for i in used if not backend.is_match(embeddings[best_index], embeddings[i])]
    if strangers:
        numbers = ", ".join(str(i + 1) for i in strangers)
        message = (
            f"The frames show different people: frame(s) {numbers} "
            f"do not match frame {best_index + 1}. Only the person registering may appear."
        )
        raise InconsistentFaceError(
            message, report.with_check(QualityCheck("same_person", False, message))
        )
    same = (
        f"The same person in all {len(used)} checked frames."
        if len(used) > 1
        else "One usable frame, so there was nothing to compare it with."
    )
    report = report.with_check(QualityCheck("same_person", True, same))

    best_box = faces[best_index]
    crop_box = portrait_crop_box(images[best_index].shape, best_box)
    left, top, right, bottom = crop_box
    return PersonAnalysis(
        embedding=mean_embedding([embeddings[i] for i in used], backend.metric),
        best_frame_index=best_index,
        best_box=best_box,
        portrait=images[best_index][top:bottom, left:right].copy(),
        portrait_box=crop_box,
        frame_faces=tuple(dominant),
        used_frame_indices=tuple(used),
        report=report,
    )


def draw_face_preview(rgb: np.ndarray, box: FaceBox) -> np.ndarray:
    """A copy of ``rgb`` with the face box and its landmarks drawn, for the UI preview.

    Raises:
        InvalidImageError: ``rgb`` is not an image.
    """
    preview = as_rgb_uint8(rgb).copy()
    thickness = max(2, round(max(preview.shape[:2]) / 300))
    green, amber = (40, 200, 90), (255, 190, 40)
    cv2.rectangle(
        preview, (box.left, box.top), (box.right - 1, box.bottom - 1), green, thickness, cv2.LINE_AA
    )
    for x, y in box.landmarks.points:
        cv2.circle(preview, (round(x), round(y)), thickness + 1, amber, -1, cv2.LINE_AA)
    return preview
