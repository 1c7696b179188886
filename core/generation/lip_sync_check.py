"""Does a rendered clip's lip sync hold? Mouth opening measured on the frames vs the speech.

Each person on screen is found once per shot (face detector on the shot's first clean frame,
matched to where the layout put the role), then followed frame by frame with the face mesh, each
crop centred on the previous frame's face, as MediaPipe tracks. The mouth opening (inner-lip gap
over mouth width) is correlated with:

- for a speaker: their own speech loudness, over every frame they are on screen;
- for a person silent in a shot: the loudness of everyone speaking in that shot (a still mouth
  gives ~0; a mouth that flaps with the dialogue gives a high number).

Used by ``benchmarks/bench_render.py`` and the lip-sync tests; it is a measurement, not part of
rendering.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from core.generation.animatic import layout
from core.generation.planning import plan_shots
from core.generation.types import RenderRequest
from core.identity.faces import FaceBackend
from core.identity.mesh import FaceMesh, face_square, mouth_opening

SKIP_FRAMES = 6  # a shot's first frames cross-fade from the previous shot
# Slow drift (a head turning, a camera push changing the face's angle) is not lip motion: both
# signals lose their 1 s moving average before they are correlated, within each shot.
DETREND_SECONDS = 1.0


@dataclass(frozen=True)
class LipSyncReport:
    """Correlations between measured mouth opening and speech (None: not measurable).

    Attributes:
        speakers: Role -> correlation of its mouth opening with its own speech.
        silent: (shot number, role) -> correlation of a silent person's mouth opening with the
            speech of that shot.
        tracked_frames: Role -> frames in which its face was followed.
        silent_movement: (shot number, role) -> standard deviation of a silent person's
            measured opening (the mesh's own jitter on a still mouth is ~0.005-0.01).
    """

    speakers: Mapping[str, float | None] = field(default_factory=dict)
    silent: Mapping[tuple[int, str], float | None] = field(default_factory=dict)
    tracked_frames: Mapping[str, int] = field(default_factory=dict)
    silent_movement: Mapping[tuple[int, str], float | None] = field(default_factory=dict)


def measure_lip_sync(
    frames: Sequence[np.ndarray],
    request: RenderRequest,
    speech_envelopes: Mapping[str, np.ndarray],
    *,
    face_backend: FaceBackend,
    mesh: FaceMesh,
) -> LipSyncReport:
    """Measure lip sync on a rendered clip.

    Args:
        frames: The clip's decoded frames (RGB uint8), all of them.
        request: The request the clip was rendered from (for shot lengths and layout).
        speech_envelopes: ``ClipResult.speech_envelopes``.
        face_backend: Finds faces on each shot's first frame.
        mesh: The face mesh model.

    Returns:
        The report.
    """
    openings: dict[str, list[tuple[int, float]]] = {}
    silent_spans: list[tuple[int, str, range]] = []
    shot_spans: list[range] = []
    first = 0
    for plan in plan_shots(request):
        span = range(first + min(SKIP_FRAMES, plan.frame_count - 1), first + plan.frame_count)
        shot_spans.append(span)
        speakers = {line.role for line in plan.shot.dialogue}
        people = [
            place
            for place in layout(plan, request)
            if request.cast[place.role].kind == "person" and not place.foreground
        ]
        starts = _faces_at(frames[span.start], face_backend, [p.x for p in people])
        for place, square in zip(people, starts, strict=True):
            if square is None:
                continue
            track = openings.setdefault(place.role, [])
            for index in span:
                points, presence = mesh.landmarks(frames[index], square, refine=False)
                if presence < 0.5:
                    break  # lost the face: stop following it in this shot
                track.append((index, mouth_opening(points)))
                square = face_square(points)
            if place.role not in speakers:
                silent_spans.append((plan.index + 1, place.role, span))
        first += plan.frame_count
    silence = np.zeros(len(frames), np.float32)
    all_speech = np.maximum.reduce([*speech_envelopes.values(), silence])
    window = max(1, round(DETREND_SECONDS * request.fps))
    speakers_report = {}
    for role, envelope in speech_envelopes.items():
        samples = openings.get(role, [])
        speakers_report[role] = _correlation(samples, envelope, shot_spans, window)
    silent_report, movement = {}, {}
    for shot, role, span in silent_spans:
        samples = [(i, value) for i, value in openings.get(role, []) if i in span]
        silent_report[(shot, role)] = _correlation(samples, all_speech, [span], window)
        movement[(shot, role)] = float(np.std([v for _, v in samples])) if samples else None
    return LipSyncReport(
        speakers_report, silent_report, {role: len(v) for role, v in openings.items()}, movement
    )


def _faces_at(
    frame: np.ndarray, backend: FaceBackend, centres_x: list[float]
) -> list[tuple[float, float, float] | None]:
    """A crop square per expected face: the detected face nearest each expected centre."""
    faces = backend.detect(frame)
    squares: list[tuple[float, float, float] | None] = []
    for centre_x in centres_x:
        if not faces:
            squares.append(None)
            continue
        face = min(faces, key=lambda f: abs((f.left + f.right) / 2 - centre_x))
        (left_eye, right_eye), nose = face.landmarks.eyes, face.landmarks.nose
        squares.append((nose[0], nose[1], 3.2 * math.dist(left_eye, right_eye)))
    return squares


def _correlation(
    samples: list[tuple[int, float]], envelope: np.ndarray, spans: list[range], window: int
) -> float | None:
    """Pearson correlation of detrended opening and envelope, pooled over the shots.

    Returns:
        0 when either side never moves; None with under 8 samples.
    """
    openings, speech = [], []
    for span in spans:
        inside = [(i, value) for i, value in samples if i in span]
        if len(inside) < 2:
            continue
        openings.append(_detrend(np.array([v for _, v in inside]), window))
        speech.append(_detrend(np.array([float(envelope[i]) for i, _ in inside]), window))
    if sum(len(o) for o in openings) < 8:
        return None
    x, y = np.concatenate(openings), np.concatenate(speech)
    if x.std() < 1e-6 or y.std() < 1e-6:
        return 0.0
    return float(np.corrcoef(x, y)[0, 1])


def _detrend(values: np.ndarray, window: int) -> np.ndarray:
    """``values`` minus their centred moving average (edges padded with the end values)."""
    window = min(window, len(values))
    padded = np.pad(values, (window // 2, window - 1 - window // 2), mode="edge")
    return values - np.convolve(padded, np.ones(window) / window, mode="valid")


__all__ = ["LipSyncReport", "measure_lip_sync"]
