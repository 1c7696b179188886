"""Quality of one face and the rules a reference face must pass, with their errors.

Measurements (:func:`face_quality`) and rules are calibrated in docs/face_calibration.md; a rule
that no frame passes raises its :class:`FaceAnalysisError`, carrying the report so far.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from core.identity.faces import FaceBox, FaceError, InvalidImageError, as_rgb_uint8
from core.sentences import sentence

# Sharpness is measured on the face resized to this square so the value does not depend on
# the face's size; 64 px is below the smallest accepted face, so faces are only ever shrunk
# (enlarging a small face would make it look blurry).
SHARPNESS_SIZE = 64


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


def portrait_score(quality: FaceQuality) -> float:
    """How good a reference portrait the face makes (higher is better)."""
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
        return sentence(
            "identity.face_too_dark",
            "The face is too dark (brightness {brightness:.0f} of 255). Face a window or a lamp.",
            brightness=quality.brightness,
        )
    return sentence(
        "identity.face_overexposed",
        "The face is overexposed (brightness {brightness:.0f} of 255). Move out of direct light.",
        brightness=quality.brightness,
    )


# Checked in this order; when no frame is good enough, the check failing in most frames wins
# and ties go to the earlier rule (size first: a small face also looks blurry).
QUALITY_RULES = (
    _QualityRule(
        "face_size",
        FaceTooSmallError,
        lambda q, t: q.size_px >= t.min_face_px,
        lambda q, t: sentence(
            "identity.face_size_ok",
            "The face is {size} px wide (minimum {minimum} px).",
            size=q.size_px,
            minimum=t.min_face_px,
        ),
        lambda q, t: sentence(
            "identity.face_too_small",
            "The face is only {size} px wide; it needs at least {minimum} px. "
            "Move closer to the camera or use a higher-resolution video.",
            size=q.size_px,
            minimum=t.min_face_px,
        ),
    ),
    _QualityRule(
        "sharpness",
        FaceTooBlurryError,
        lambda q, t: q.sharpness >= t.min_sharpness,
        lambda q, t: sentence(
            "identity.face_sharp",
            "The face is sharp ({sharpness:.0f}, minimum {minimum:.0f}).",
            sharpness=q.sharpness,
            minimum=t.min_sharpness,
        ),
        lambda q, t: sentence(
            "identity.face_blurry",
            "The face is blurry (sharpness {sharpness:.0f}; at least {minimum:.0f} is needed). "
            "Hold the camera still, clean the lens and use more light.",
            sharpness=q.sharpness,
            minimum=t.min_sharpness,
        ),
    ),
    _QualityRule(
        "frontal",
        FaceNotFrontalError,
        lambda q, t: q.frontal_score >= t.min_frontal_score,
        lambda q, t: sentence(
            "identity.face_frontal",
            "The face looks at the camera (frontal score {score:.2f}).",
            score=q.frontal_score,
        ),
        lambda q, t: sentence(
            "identity.face_turned",
            "The face is turned to the side (frontal score {score:.2f}; at least {minimum:.2f} "
            "is needed). Look straight into the camera.",
            score=q.frontal_score,
            minimum=t.min_frontal_score,
        ),
    ),
    _QualityRule(
        "lighting",
        FacePoorlyLitError,
        lambda q, t: t.min_brightness <= q.brightness <= t.max_brightness,
        lambda q, t: sentence(
            "identity.face_lit",
            "The face is well lit (brightness {brightness:.0f} of 255).",
            brightness=q.brightness,
        ),
        _lighting_problem,
    ),
)
