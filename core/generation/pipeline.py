"""CoStarPipeline: a script and a cast of doubles in, a labelled, signed, measured clip out.

Shaped like a diffusers pipeline: build it once (models load lazily, once), call it per clip.
``__call__`` reads as numbered steps; the backend only paints frames, everything else (voices,
subtitles, transitions, provenance, encoding, metrics) happens here, so every backend's clips
sound, look and verify the same.

Frames stream: the backend paints the next shot on a worker thread while each shot's frames go
through finishing on a small thread pool and straight into ffmpeg, so a clip never sits in
memory whole and the encoder works while the next shot renders.
The few frames the likeness metric samples are handed to a face scan as they pass, so their faces
are found while the clip still encodes (see :mod:`core.generation.face_scan`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np

from core.generation.dialogue import mix_dialogue, place_shot_lines
from core.generation.face_scan import FaceScan
from core.generation.finishing import (
    TRANSITION_SECONDS,
    FinishingPlan,
    TransitionStyle,
    finish_frames,
)
from core.generation.metrics import (
    clip_metrics,
    face_references,
    sample_frame_indices,
    voice_similarities,
)
from core.generation.planning import action_notes, checked_request, plan_shots
from core.generation.progress import IsCancelled, RenderProgress
from core.generation.shot_rendering import ShotPainter
from core.generation.subtitles import schedule_subtitles
from core.generation.types import (
    ClipResult,
    ProgressCallback,
    RenderBackend,
    RenderRequest,
    ShotInfo,
    ShotPlan,
)
from core.generation.voicing import (
    DialogueVoicer,
    Speak,
    VoiceShifts,
    shift_tuner,
    speak_english,
)
from core.identity.backends import load_face_backend
from core.identity.faces import FaceBackend
from core.media.audio import Audio
from core.media.video_encode import encode_mp4
from core.provenance import (
    CastMember as ManifestCastMember,
)
from core.provenance import (
    ClipManifest,
    SigningIdentity,
    ai_label_text,
    ensure_signing_identity,
    sign_mp4,
)
from core.soundtrack import (
    FoleyCue,
    SceneSpan,
    compose_soundtrack,
    cues_from_actions,
    cues_from_descriptions,
)

# What a clip says rendered it when the backend names no model (the embedded renderer).
ANIMATIC_LABEL = "embedded animatic (CPU)"


class CoStarPipeline:
    """Renders clips with one backend; reusable across clips and users.

    Args:
        backend: Paints the frames of each shot.
        keys_dir: Where the install's C2PA signing identity lives (created on first use).
        face_backend: The face model for metrics; loaded lazily with ``load_face_backend()``.
            It must be the model that made the cast's face embeddings.
        work_dir: Scratch space; a clip is encoded and signed here, then moved into place, so
            ``output_path`` only ever holds a complete, signed file.
        speak: Text-to-speech function for dialogue (default: the built-in English voice).
        transition: How shots join.
        finishing_workers: Threads for subtitles, label and watermark.
    """

    def __init__(
        self,
        backend: RenderBackend,
        *,
        keys_dir: Path,
        work_dir: Path,
        face_backend: FaceBackend | None = None,
        speak: Speak = speak_english,
        transition: TransitionStyle = "crossfade",
        finishing_workers: int = 2,
    ) -> None:
        self.backend = backend
        self.keys_dir = Path(keys_dir)
        self.work_dir = Path(work_dir)
        self._face_backend = face_backend
        self._signing_identity: SigningIdentity | None = None
        self._speak = speak
        # Shifts chosen for doubles that have none stored, kept for later renders.
        self._voice_shifts = VoiceShifts(shift_tuner(speak))
        self.transition = transition
        self.finishing_workers = finishing_workers

    @property
    def face_backend(self) -> FaceBackend:
        """The face model, loaded on first use."""
        if self._face_backend is None:
            self._face_backend = load_face_backend()
        return self._face_backend

    @property
    def signing_identity(self) -> SigningIdentity:
        """The C2PA signing identity, created on first use."""
        if self._signing_identity is None:
            self._signing_identity = ensure_signing_identity(self.keys_dir)
        return self._signing_identity

    def _foley_cues(self, request: RenderRequest, plans: list[ShotPlan]) -> list[FoleyCue]:
        """Foley from the backend's action timeline when it has one, else from the words."""
        # Duck-typed: a backend that performs actions exposes ``timeline(request)``.
        timeline = getattr(self.backend, "timeline", None)
        if callable(timeline):
            return cues_from_actions(timeline(request).actions)
        return cues_from_descriptions([(p.start, p.duration, p.shot.description) for p in plans])

    def check_inputs(self, request: RenderRequest) -> RenderRequest:
        """Validate a request and return it cleaned; see ``planning.checked_request``."""
        return checked_request(request)

    def __call__(
        self,
        request: RenderRequest,
        *,
        output_path: Path,
        callback: ProgressCallback | None = None,
        is_cancelled: IsCancelled | None = None,
    ) -> ClipResult:
        """Render, finish, encode, sign and measure one clip.

        Args:
            request: What to render.
            output_path: Where the finished MP4 goes (written only when everything succeeded).
            callback: Receives a :class:`ProgressEvent` per step and per rendered frame batch.
            is_cancelled: Polled between frames and steps; returning True (or a reason string)
                stops the render.

        Returns:
            The :class:`ClipResult`.

        Raises:
            ScriptError, CastError, ValueError: From :meth:`check_inputs`.
            RenderCancelledError: The render was cancelled; nothing is left on disk.
            GenerationError: The backend returned wrong frames or dialogue does not fit.
        """
        progress = RenderProgress(callback, is_cancelled)
        # 1. Check inputs.
        request = self.check_inputs(request)
        progress.report("prepare", 0.0, "Checking the script and cast")
        plans = plan_shots(request)

        # 2. Dialogue: voice every line, place it in its shot, mix the soundtrack. The backend
        # starts painting shot 1 (on a worker thread) as soon as its lines are placed.
        voicer = DialogueVoicer(
            request.cast,
            [role.name for role in request.script.roles],
            speak=self._speak,
            voice_shifts=self._voice_shifts,
        )
        with ShotPainter(self.backend, request, plans, progress) as painter:
            plans = _voice_shots(plans, voicer, painter, progress)
            duration = sum(plan.frame_count for plan in plans) / request.fps
            soundtrack = compose_soundtrack(
                mix_dialogue(plans, duration=duration),
                [SceneSpan(p.start, p.duration, p.shot.scene, p.shot.description) for p in plans],
                title=request.script.title,
                seed=request.seed,
                cues=self._foley_cues(request, plans),
            )

            # 3-6. Frames -> finishing -> encode, streamed, then signed. The faces of the sampled
            # frames are found meanwhile, as soon as each frame is finished (see face_scan).
            has_faces_to_check = bool(face_references(request.cast, self.face_backend))
            face_scan = FaceScan(self.face_backend) if has_faces_to_check else None
            try:
                output_path = self._encode_and_sign(
                    request, plans, painter, soundtrack, Path(output_path), progress, face_scan
                )
                # 7. Metrics: voices here while the face scan finishes its last frames.
                progress.report("metrics", 0.0, "Measuring likeness")
                voice_scores = voice_similarities(plans, request.cast)
                found_faces = face_scan.faces() if face_scan is not None else []
            finally:
                if face_scan is not None:
                    face_scan.close()
        metrics = clip_metrics(found_faces, voice_scores, request.cast, self.face_backend)
        progress.report("done", 1.0, "Done")
        return ClipResult(
            path=output_path,
            backend=self.backend.name,
            duration=duration,
            fps=request.fps,
            width=request.width,
            height=request.height,
            frame_count=sum(plan.frame_count for plan in plans),
            shots=tuple(
                ShotInfo(p.index, p.start, p.duration, p.frame_count, p.shot.framing, p.shot.camera)
                for p in plans
            ),
            metrics=metrics,
            seed=request.seed,
            clip_id=request.clip_id,
            notes=(*voicer.notes, *action_notes(request)),
            model=getattr(self.backend, "model_label", ANIMATIC_LABEL),
            speech_envelopes=speech_envelopes(plans),
        )

    def _encode_and_sign(
        self,
        request: RenderRequest,
        plans: list[ShotPlan],
        painter: ShotPainter,
        soundtrack: Audio,
        output_path: Path,
        progress: RenderProgress,
        face_scan: FaceScan | None,
    ) -> Path:
        """Steps 3-6: render, finish, encode and sign, then move the clip into place."""
        duration = sum(plan.frame_count for plan in plans) / request.fps
        finishing = FinishingPlan(
            clip_id=request.clip_id,
            label_text=ai_label_text(request.creator_handle),
            subtitles=schedule_subtitles(
                plans, {role: ref.display_name for role, ref in request.cast.items()}
            ),
            shot_frame_counts=tuple(plan.frame_count for plan in plans),
            transition=self.transition,
            transition_frames=round(TRANSITION_SECONDS * request.fps),
        )
        sampled = set(sample_frame_indices(finishing.shot_frame_counts))
        self.work_dir.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix=f"clip-{request.clip_id}-", dir=self.work_dir))
        try:
            partial = scratch / "clip.mp4"
            finished = finish_frames(
                painter.shots(plans), finishing, workers=self.finishing_workers
            )
            if face_scan is not None:
                finished = _scan_samples(finished, sampled, face_scan)
            encode_mp4(
                finished,
                fps=request.fps,
                size=(request.width, request.height),
                audio=(soundtrack.samples, soundtrack.sample_rate),
                path=partial,
                duration=duration,
            )
            progress.check()

            # 6. Sign: the last write to the file's bytes; the move below does not change them.
            progress.report("sign", 0.0, "Signing the clip")
            sign_mp4(partial, _manifest(request, self.backend.name), self.signing_identity)
            progress.check()
            output_path.parent.mkdir(parents=True, exist_ok=True)
            _move_into_place(partial, output_path)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        return output_path


def speech_envelopes(plans: list[ShotPlan]) -> dict[str, np.ndarray]:
    """Each speaking role's loudness per clip frame (0..1; the loudest line where two overlap)."""
    total = sum(plan.frame_count for plan in plans)
    envelopes: dict[str, np.ndarray] = {}
    first = 0
    for plan in plans:
        for line in plan.lines:
            if line.audio is None:
                continue
            envelope = envelopes.setdefault(line.role, np.zeros(total, np.float32))
            loudness = np.asarray(line.loudness, np.float32)[: plan.frame_count]
            span = envelope[first : first + len(loudness)]
            np.maximum(span, loudness, out=span)
        first += plan.frame_count
    return envelopes


def _voice_shots(
    plans: list[ShotPlan], voicer: DialogueVoicer, painter: ShotPainter, progress: RenderProgress
) -> list[ShotPlan]:
    """The plans with their lines voiced and placed; shot 1 starts painting once it has them."""
    voiced = []
    for plan in plans:
        progress.report("voices", plan.index / len(plans), f"Voicing shot {plan.index + 1}")
        lines = place_shot_lines(
            plan.shot, plan.index + 1, fps=plan.fps, frame_count=plan.frame_count, voicer=voicer
        )
        voiced.append(replace(plan, lines=lines))
        if plan.index == 0:
            painter.paint(voiced[0])
    return voiced


def _scan_samples(
    frames: Iterator[np.ndarray], sampled: set[int], face_scan: FaceScan
) -> Iterator[np.ndarray]:
    for index, frame in enumerate(frames):
        if index in sampled:
            face_scan.add(frame)
        yield frame


def _manifest(request: RenderRequest, backend: str) -> ClipManifest:
    return ClipManifest(
        clip_id=request.clip_id,
        creator_handle=request.creator_handle,
        backend=backend,
        cast=tuple(
            ManifestCastMember(ref.double_id, ref.consent_event_hash)
            for ref in request.cast.values()
        ),
    )


def _move_into_place(source: Path, target: Path) -> None:
    """Rename when possible (atomic); across file systems, copy next to target then rename."""
    try:
        os.replace(source, target)
    except OSError:
        staging = target.with_name(f".{target.name}.partial")
        shutil.copyfile(source, staging)
        os.replace(staging, target)


__all__ = ["CoStarPipeline"]
