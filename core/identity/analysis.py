"""Analysis of a person's reference frames: one clear face, good enough, always the same person.

Used by registration (:mod:`core.reference.analysis`); returns the identity embedding, the best
portrait and the quality report shown to the person.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np

from core.identity.faces import FaceBackend, FaceBox, FaceEmbedding, as_rgb_uint8, mean_embedding
from core.identity.quality import (
    QUALITY_RULES,
    AnalysisThresholds,
    FaceQuality,
    InconsistentFaceError,
    MultipleFacesError,
    NoFaceFoundError,
    QualityCheck,
    QualityReport,
    face_quality,
    portrait_score,
)
from core.sentences import sentence


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
        return QualityCheck(
            "one_face",
            True,
            sentence("identity.one_clear_face", "One clear face {where}.", where=where),
        )
    crowded = sum(
        1 for count, face in zip(face_counts, dominant, strict=True) if count > 1 and face is None
    )
    empty = sum(1 for count in face_counts if count == 0)
    if crowded > empty:
        message = sentence(
            "identity.several_faces",
            "Several faces of similar size appear {where}. Only the person registering may be "
            "in the picture.",
            where=_in_frames(crowded, total),
        )
        raise MultipleFacesError(message, _failed_presence(message))
    message = sentence(
        "identity.no_face",
        "No face was found {where}. Look straight at the camera in good light, with your face "
        "filling a good part of the picture.",
        where=_in_frames(total - with_face, total),
    )
    raise NoFaceFoundError(message, _failed_presence(message))


def _in_frames(count: int, total: int) -> str:
    if total == 1:
        return sentence("identity.in_the_picture", "in the picture")
    return sentence("identity.in_frames", "in {count} of {total} frames", count=count, total=total)


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
        if all(rule.passes(quality, limits) for rule in QUALITY_RULES)
    ]
    failing: dict[str, int] = {}
    for rule in QUALITY_RULES:
        passing = [i for i, q in qualities.items() if rule.passes(q, limits)]
        failing[rule.name] = len(qualities) - len(passing)
        # Describe the most promising frame: the best passing one, else the best overall.
        sample = max(passing or qualities, key=lambda i: portrait_score(qualities[i]))
        describe = rule.ok_message if passing else rule.fail_message
        report = report.with_check(
            QualityCheck(rule.name, bool(passing), describe(qualities[sample], limits))
        )
    if len(good) >= needed:
        return good, report
    worst = max(QUALITY_RULES, key=lambda rule: failing[rule.name])  # max keeps the first tie
    failed_frames = [i for i, q in qualities.items() if not worst.passes(q, limits)]
    closest = max(failed_frames, key=lambda i: portrait_score(qualities[i]))
    message = worst.fail_message(qualities[closest], limits)
    if len(qualities) > 1:
        message = sentence(
            "identity.frames_good_enough",
            "{problem} ({good} of {total} frames were good enough; {needed} needed.)",
            problem=message,
            good=len(good),
            total=len(qualities),
            needed=needed,
        )
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
    best_index = max(good, key=lambda i: portrait_score(qualities[i]))
    used = _spread(good, limits.max_embedded_frames)
    if best_index not in used:
        # Swap in the best frame for its nearest neighbour, keeping the spread over time.
        nearest = min(used, key=lambda i: abs(i - best_index))
        used = sorted({*used, best_index} - {nearest})
    embeddings = {i: backend.embed(images[i], faces[i]) for i in used}
    strangers = [i for i in used if not backend.is_match(embeddings[best_index], embeddings[i])]
    if strangers:
        numbers = ", ".join(str(i + 1) for i in strangers)
        message = sentence(
            "identity.different_people",
            "The frames show different people: frame(s) {numbers} do not match frame {best}. "
            "Only the person registering may appear.",
            numbers=numbers,
            best=best_index + 1,
        )
        raise InconsistentFaceError(
            message, report.with_check(QualityCheck("same_person", False, message))
        )
    same = (
        sentence(
            "identity.same_person",
            "The same person in all {count} checked frames.",
            count=len(used),
        )
        if len(used) > 1
        else sentence(
            "identity.one_usable_frame",
            "One usable frame, so there was nothing to compare it with.",
        )
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
