"""Face identity vocabulary: boxes, landmarks, embeddings, distances and the backend protocol.

Two backends implement :class:`FaceBackend`: dlib (:mod:`core.identity.dlib_backend`, the embedded
default) and InsightFace ``buffalo_l`` (:mod:`core.identity.insightface_backend`, optional);
:func:`core.identity.backends.load_face_backend` picks one. Reference frames are judged in
:mod:`core.identity.quality` and :mod:`core.identity.analysis`.

Embeddings always carry the name of the model that made them and are never compared across
models (:class:`EmbeddingModelMismatchError`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeAlias

import cv2
import numpy as np

Point: TypeAlias = tuple[float, float]
LandmarkLayout: TypeAlias = Literal["dlib-5", "insightface-5"]
DistanceMetric: TypeAlias = Literal["euclidean", "cosine"]

DLIB_MODEL_NAME = "dlib-resnet-v1-128"
INSIGHTFACE_MODEL_NAME = "insightface-buffalo_l-arcface-512"
EMBEDDING_DIMENSIONS = {DLIB_MODEL_NAME: 128, INSIGHTFACE_MODEL_NAME: 512}

# HOG cost grows with pixel count; 640 px keeps a 720p frame at ~20 ms while a face that fills a
# fifth of the frame is still above the detector's 80 px window.
DETECT_LONG_SIDE = 640


# ----------------------------------------------------------------------------------------------
# Errors
# ----------------------------------------------------------------------------------------------


class FaceError(Exception):
    """Base class of every face error (analysis errors are in :mod:`core.identity.quality`)."""


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
# The backend protocol and what every backend needs
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


def downscale_for_detection(rgb: np.ndarray) -> tuple[np.ndarray, float]:
    """A copy no longer than DETECT_LONG_SIDE and the factor from it back to ``rgb``."""
    height, width = rgb.shape[:2]
    scale = DETECT_LONG_SIDE / max(height, width)
    if scale >= 1.0:
        return rgb, 1.0
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return cv2.resize(rgb, size, interpolation=cv2.INTER_AREA), 1.0 / scale


def clip_face_box(
    rgb: np.ndarray, edges: Sequence[float], score: float, landmarks: FaceLandmarks
) -> FaceBox:
    """A detector's box (left, top, right, bottom) rounded and kept inside ``rgb``."""
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
