"""Identity metrics of a finished clip: does each double still look and sound like itself?

Face similarity is reported as ``1 - d``, where ``d`` is the distance the face backend uses for
its match decision (dlib: L2 between 128-d descriptors). Higher is better; dlib's match threshold
``d <= 0.6`` becomes ``similarity >= 0.4`` (:func:`face_match_similarity`). For each person cast
member, the best (closest) face found in the sampled frames counts, so a role that is off screen
in some shots is not penalised for them.

Voice similarity is the cosine similarity of Resemblyzer speaker embeddings (what
``core.voice.samples.voice_similarity`` returns) between everything the role says in the clip (after
shifting) and the double's reference voice; ``core.voice.samples.VOICE_MATCH_THRESHOLD`` is its bar.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

import numpy as np

from core.generation.types import CastReference, ClipMetrics, ShotPlan
from core.identity.faces import FaceBackend, FaceEmbedding
from core.media.audio import Audio
from core.voice.samples import (
    RESEMBLYZER_MODEL,
    VOICE_SAMPLE_RATE,
    VoiceSample,
    speaker_embedding,
    voice_similarity,
)
from core.voice.speech import resample

logger = logging.getLogger(__name__)

# Frames sampled per shot for face checks: at one third and two thirds of the shot, away from
# transitions at its edges.
SAMPLE_POSITIONS = (1 / 3, 2 / 3)
# Resemblyzer needs a second or so of speech to say anything meaningful.
MIN_VOICE_SECONDS = 0.8


def face_match_similarity(backend: FaceBackend) -> float:
    """The similarity score that corresponds to the backend's match threshold.

    Args:
        backend: The face backend that computed the scores.

    Returns:
        ``1 - match_threshold`` (0.4 for dlib).
    """
    return 1.0 - float(backend.match_threshold)


def sample_frame_indices(frame_counts: Sequence[int]) -> list[int]:
    """Clip frame indices to check faces on: two per shot.

    Args:
        frame_counts: Frames per shot, in order.

    Returns:
        Sorted, distinct clip frame indices.
    """
    indices: set[int] = set()
    start = 0
    for count in frame_counts:
        indices.update(
            start + min(count - 1, int(count * position)) for position in SAMPLE_POSITIONS
        )
        start += count
    return sorted(indices)


def face_references(
    cast: Mapping[str, CastReference], backend: FaceBackend
) -> dict[str, FaceEmbedding]:
    """The reference face of each person role that ``backend``'s model can compare against.

    Args:
        cast: Role name -> double.
        backend: The face model that will embed the clip's faces.

    Returns:
        Role -> reference embedding, for persons whose reference that model made.
    """
    return {
        role: member.face_embedding
        for role, member in cast.items()
        if member.kind == "person"
        and member.face_embedding is not None
        and member.face_embedding.model == backend.name
    }


def face_similarities(
    found_faces: Sequence[FaceEmbedding],
    cast: Mapping[str, CastReference],
    backend: FaceBackend,
) -> dict[str, float | None]:
    """Best face similarity per person role over the faces found in the sampled frames.

    Args:
        found_faces: Every face found in the sampled output frames (see
            :func:`core.generation.face_scan.faces_in_frame`).
        cast: Role name -> double.
        backend: The face model; it must be the one that made the reference embeddings.

    Returns:
        Role -> similarity in (-inf, 1] (higher is better), or None when the role is not a
        person, has no face reference, its reference comes from another model, or no face was
        found in the sampled frames.
    """
    references = face_references(cast, backend)
    for role, member in cast.items():
        if member.face_embedding is not None and role not in references and member.kind == "person":
            logger.warning(
                "@%s's face reference was made by %s, not %s; no face metric.",
                member.handle,
                member.face_embedding.model,
                backend.name,
            )
    scores: dict[str, float | None] = {role: None for role in cast}
    for role, reference in references.items():
        distances = [backend.distance(reference, face) for face in found_faces]
        scores[role] = round(1.0 - min(distances), 4) if distances else None
    return scores


def voice_similarities(
    plans: Sequence[ShotPlan], cast: Mapping[str, CastReference]
) -> dict[str, float | None]:
    """Voice similarity per role between its spoken dialogue and its reference voice.

    Args:
        plans: Shot plans with voiced lines.
        cast: Role name -> double.

    Returns:
        Role -> cosine similarity, or None when the double has no voice reference or the role
        says (almost) nothing audible in the clip.
    """
    scores: dict[str, float | None] = {role: None for role in cast}
    for role, member in cast.items():
        if member.voice_embedding is None or member.voice_embedding.model != RESEMBLYZER_MODEL:
            continue
        spoken = [
            resample(line.audio, VOICE_SAMPLE_RATE).samples
            for plan in plans
            for line in plan.lines
            if line.role == role and line.audio is not None
        ]
        if not spoken or sum(len(part) for part in spoken) < MIN_VOICE_SECONDS * VOICE_SAMPLE_RATE:
            continue
        audio = Audio(np.concatenate(spoken), VOICE_SAMPLE_RATE)
        sample = VoiceSample(audio=audio, speech_seconds=audio.duration, segments=())
        scores[role] = round(voice_similarity(speaker_embedding(sample), member.voice_embedding), 4)
    return scores


def clip_metrics(
    found_faces: Sequence[FaceEmbedding],
    voice_scores: Mapping[str, float | None],
    cast: Mapping[str, CastReference],
    face_backend: FaceBackend,
) -> ClipMetrics:
    """Face and voice identity metrics of a rendered clip.

    Args:
        found_faces: Faces found in the frames picked with :func:`sample_frame_indices`.
        voice_scores: From :func:`voice_similarities`.
        cast: Role name -> double.
        face_backend: The face model that made the reference embeddings.

    Returns:
        The :class:`ClipMetrics` (scores per role; None where not applicable).
    """
    return ClipMetrics(
        face_similarity=face_similarities(found_faces, cast, face_backend),
        face_model=face_backend.name,
        voice_similarity=dict(voice_scores),
        voice_model=RESEMBLYZER_MODEL,
    )
