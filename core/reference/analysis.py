"""From uploaded reference media to everything a double needs.

``ReferenceAnalyzer.analyze`` decodes the upload, checks the subject (one good face for a
person; a usable cut-out for pets, objects and characters), builds the living sprite, finds
the voice and returns the quality report the person sees before giving consent.
``ReferenceAnalyzer.check_challenge`` checks a live recording against that analysis with the
same face model (:mod:`core.reference.challenge`).
Nothing here touches a database; the service stores the results.
"""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from PIL import Image

from core.acting.closeup import closeup_frames
from core.acting.pose import PoseLandmarker
from core.acting.rig import BodyRig, build_rig, estimate_rig
from core.identity.analysis import analyze_person, draw_face_preview
from core.identity.faces import FaceBackend, FaceEmbedding
from core.identity.quality import FaceAnalysisError, QualityCheck
from core.media.audio import Audio
from core.reference.challenge import ChallengeResult, check_live_recording
from core.reference.intake import IntakeLimits
from core.reference.matting import (
    NoSubjectFoundError,
    PersonSegmenter,
    draw_matte_preview,
    matte_coverage,
    matte_from_alpha,
    segment_subject,
)
from core.reference.photo import load_photo, load_photo_rgba
from core.reference.sprite import build_sprite
from core.reference.video import load_audio, load_reference_video
from core.sentences import sentence
from core.types import DoubleKind
from core.voice.digits import CodeLanguage
from core.voice.samples import (
    NoSpeechError,
    VoiceEmbedding,
    extract_voice_sample,
    speaker_embedding,
    speaker_vectors,
)

# Faces are checked on a few frames per second; mattes and the sprite use more for smooth motion.
FACE_SAMPLE_FRAMES = 8
SPRITE_FPS = 8.0
SPRITE_HEIGHT = 360
SUBJECT_MATTE_FRAMES = 24  # GrabCut is ~70 ms a frame; keep pets and toys within budget

Progress = Callable[[str, float], None]


def _no_progress(_stage: str, _fraction: float) -> None:
    pass


class ReferenceMediaError(ValueError):
    """The reference media can't make a double; the message says why and what to do."""


@dataclass(frozen=True)
class ReferenceInputs:
    kind: DoubleKind
    video_path: Path | None = None
    photos: tuple[bytes, ...] = ()
    voice_path: Path | None = None


@dataclass(frozen=True, eq=False)
class ReferenceAnalysis:
    """What the person sees in the quality report, and what the double will keep."""

    kind: DoubleKind
    portrait_png: bytes
    preview_png: bytes
    sprite_bytes: bytes | None
    face_embedding: FaceEmbedding | None
    voice_wav: bytes | None
    voice_embedding: VoiceEmbedding | None
    voice_seconds: float
    checks: tuple[QualityCheck, ...]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def has_voice(self) -> bool:
        return self.voice_embedding is not None


class ReferenceAnalyzer:
    """Holds the (lazily loaded, shared) models; one instance serves every request."""

    def __init__(
        self,
        *,
        face_backend: Callable[[], FaceBackend],
        person_segmenter: Callable[[], PersonSegmenter],
        limits: IntakeLimits,
        pose_landmarker: Callable[[], PoseLandmarker | None] | None = None,
    ) -> None:
        self._face_backend = face_backend
        self._person_segmenter = person_segmenter
        self._limits = limits
        # Builds a person double's body rig; without it the rig is estimated from the outline.
        self._pose_landmarker = pose_landmarker
        # The app warms the models up in the background at start; a check that comes first
        # waits on this lock (saying so) instead of loading them a second time.
        self._models_lock = threading.Lock()
        self._models_ready = False

    def warm_up(self, progress: Progress | None = None) -> None:
        """Load every model a reference check uses (faces, person mask, pose, voice), so the
        first person to check a reference after a start does not wait for them.

        Args:
            progress: Told which model is loading (a check that finds them cold passes its own).
        """
        report = progress or _no_progress
        if self._models_ready:
            return
        # Said before taking the lock: a check that waits for the start-up warm-up says why.
        report(sentence("reference.progress_face_model", "Loading the face model…"), 0.02)
        with self._models_lock:
            if self._models_ready:
                return
            blank = np.zeros((256, 256, 3), dtype=np.uint8)
            self._face_backend().detect(blank)
            report(
                sentence("reference.progress_person_model", "Loading the person cut-out model…"),
                0.04,
            )
            self._person_segmenter().person_probability(blank)
            if self._pose_landmarker is not None and (landmarker := self._pose_landmarker()):
                report(
                    sentence("reference.progress_pose_model", "Loading the body pose model…"), 0.06
                )
                landmarker.landmarks(blank)
            report(sentence("reference.progress_voice_model", "Loading the voice model…"), 0.08)
            quiet_noise = np.random.default_rng(0).normal(0, 0.01, 16_000).astype(np.float32)
            speaker_vectors([quiet_noise])
            self._models_ready = True

    # --- registration -------------------------------------------------------------------

    def analyze(
        self, inputs: ReferenceInputs, progress: Progress | None = None
    ) -> ReferenceAnalysis:
        """Check the reference and build the double's data.

        Raises:
            ReferenceMediaError: nothing uploaded, or the subject can't be used (the message names
                the problem: no face, two faces, too small, too blurred, no subject…).
            core.reference.intake.MediaIntakeError: the file itself is unusable.
        """
        report = progress or _no_progress
        timings: dict[str, float] = {}
        clock = _Stopwatch(timings)
        if inputs.video_path is None and not inputs.photos:
            raise ReferenceMediaError(
                sentence(
                    "reference.nothing_uploaded",
                    "Upload or record a short reference video, or add 1–4 photos.",
                )
            )
        if not self._models_ready:
            # Only the first checks after a start get here (the start-up warm-up may still be
            # running): say what the wait is for instead of showing a dimmed button.
            with clock("models"):
                self.warm_up(report)
        report(sentence("reference.progress_reading", "Reading your media"), 0.1)
        with clock("decode"):
            frames, alphas, audio = self._decode(inputs)
        if inputs.kind == "person":
            subject = self._analyze_person(frames, clock, report)
        else:
            report(
                sentence(
                    "reference.progress_finding_subject",
                    "Finding the subject in {count} frames",
                    count=len(frames),
                ),
                0.3,
            )
            subject = self._analyze_subject(frames, alphas, clock)
        report(sentence("reference.progress_sprite", "Building your living sprite"), 0.6)
        mattes = subject.mattes
        sprite_bytes = None
        if inputs.video_path is not None and len(frames) > 1:
            with clock("sprite"):
                sprite = build_sprite(frames, mattes, height=SPRITE_HEIGHT, fps=SPRITE_FPS)
            if inputs.kind == "person":
                with clock("rig"):
                    rig = self._build_rig(sprite.frames)
                    closeup = closeup_frames(
                        frames, mattes, sprite.source_box, sprite.frames[0].shape[0], rig
                    )
                    sprite = replace(sprite, rig=rig, closeup=closeup)
            with clock("sprite"):
                sprite_bytes = sprite.to_bytes()
        report(sentence("reference.progress_voice", "Listening for your voice"), 0.8)
        with clock("voice"):
            voice_audio = (
                load_audio(inputs.voice_path, self._limits) if inputs.voice_path else audio
            )
            voice_wav, voice_embedding, voice_seconds, voice_check = _analyze_voice(voice_audio)
        report(sentence("reference.progress_done", "Done"), 1.0)
        return ReferenceAnalysis(
            kind=inputs.kind,
            portrait_png=_png(subject.portrait),
            preview_png=_png(subject.preview),
            sprite_bytes=sprite_bytes,
            face_embedding=subject.face_embedding,
            voice_wav=voice_wav,
            voice_embedding=voice_embedding,
            voice_seconds=voice_seconds,
            checks=(*subject.checks, voice_check),
            timings=timings,
        )

    def _build_rig(self, frames: Sequence[np.ndarray]) -> BodyRig:
        """The rig of a person double, from pose landmarks on two frames of its sprite."""
        landmarker = self._pose_landmarker() if self._pose_landmarker is not None else None
        if landmarker is None:
            return estimate_rig(frames)
        picks = sorted({len(frames) // 4, (3 * len(frames)) // 4})
        return build_rig(frames, [landmarker.landmarks(frames[index]) for index in picks])

    def _decode(
        self, inputs: ReferenceInputs
    ) -> tuple[list[np.ndarray], list[np.ndarray | None], Audio | None]:
        if inputs.video_path is not None:
            video = load_reference_video(
                inputs.video_path, self._limits, sample_fps=SPRITE_FPS, max_side=720
            )
            return video.frames, [None] * len(video.frames), video.audio
        if len(inputs.photos) > self._limits.max_photos:
            raise ReferenceMediaError(
                sentence(
                    "reference.too_many_photos",
                    "Add at most {count} photos.",
                    count=self._limits.max_photos,
                )
            )
        frames, alphas = [], []
        for data in inputs.photos:
            rgba = load_photo_rgba(data, self._limits)
            has_alpha = bool((rgba[..., 3] < 250).any())
            frames.append(load_photo(data, self._limits))
            alphas.append(matte_from_alpha(rgba) if has_alpha else None)
        return frames, alphas, None

    def _analyze_person(
        self, frames: list[np.ndarray], clock: _Stopwatch, report: Progress
    ) -> _Subject:
        step = max(1, len(frames) // FACE_SAMPLE_FRAMES)
        sampled = frames[::step][:FACE_SAMPLE_FRAMES]
        report(
            sentence(
                "reference.progress_checking_faces",
                "Checking {count} frames for one clear face",
                count=len(sampled),
            ),
            0.3,
        )
        with clock("faces"):
            try:
                person = analyze_person(sampled, self._face_backend())
            except FaceAnalysisError as error:  # each one carries a message for the person
                raise ReferenceMediaError(str(error)) from error
        report(
            sentence(
                "reference.progress_cutting_out",
                "Cutting you out of {count} frames",
                count=len(frames),
            ),
            0.45,
        )
        with clock("mattes"):
            mattes = self._person_segmenter().segment(frames)
        best = sampled[person.best_frame_index]
        best_matte = mattes[min(len(mattes) - 1, person.best_frame_index * step)]
        preview = _side_by_side(
            draw_face_preview(best, person.best_box), draw_matte_preview(best, best_matte)
        )
        checks = person.report.checks
        return _Subject(person.portrait, preview, mattes, person.embedding, checks)

    def _analyze_subject(
        self, frames: list[np.ndarray], alphas: Sequence[np.ndarray | None], clock: _Stopwatch
    ) -> _Subject:
        with clock("mattes"):
            if all(alpha is not None for alpha in alphas):
                mattes = [alpha for alpha in alphas if alpha is not None]
            else:
                step = max(1, len(frames) // SUBJECT_MATTE_FRAMES)
                keyframes = frames[::step]
                try:
                    key_mattes = segment_subject(keyframes)
                except NoSubjectFoundError as error:
                    raise ReferenceMediaError(str(error)) from error
                mattes = [
                    key_mattes[min(len(key_mattes) - 1, i // step)] for i in range(len(frames))
                ]
        middle = len(frames) // 2
        portrait = _crop_to_matte(frames[middle], mattes[middle])
        coverage = matte_coverage(mattes[middle])
        found = sentence(
            "reference.subject_found",
            "Subject found ({coverage:.0%} of the picture).",
            coverage=coverage,
        )
        checks = (QualityCheck("subject", True, found),)
        preview = draw_matte_preview(frames[middle], mattes[middle])
        return _Subject(portrait, preview, mattes, None, checks)

    # --- live challenge -----------------------------------------------------------------

    def check_challenge(
        self,
        recording: Path,
        expected_code: str,
        *,
        kind: DoubleKind,
        reference_face: FaceEmbedding | None,
        reference_voice: VoiceEmbedding | None,
        language: CodeLanguage = "en",
    ) -> ChallengeResult:
        """Check a live recording with this analyzer's face model (see
        :func:`core.reference.challenge.check_live_recording`)."""
        return check_live_recording(
            recording,
            expected_code,
            kind=kind,
            reference_face=reference_face,
            reference_voice=reference_voice,
            language=language,
            face_backend=self._face_backend(),
            limits=self._limits,
        )


@dataclass(frozen=True, eq=False)
class _Subject:
    portrait: np.ndarray
    preview: np.ndarray
    mattes: list[np.ndarray]
    face_embedding: FaceEmbedding | None
    checks: tuple[QualityCheck, ...]


class _Stopwatch:
    def __init__(self, timings: dict[str, float]) -> None:
        self._timings = timings

    def __call__(self, stage: str) -> _Timer:
        return _Timer(self._timings, stage)


class _Timer:
    def __init__(self, timings: dict[str, float], stage: str) -> None:
        self._timings, self._stage = timings, stage

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *_exc: object) -> None:
        elapsed = time.perf_counter() - self._start
        self._timings[self._stage] = self._timings.get(self._stage, 0.0) + elapsed


def _analyze_voice(
    audio: Audio | None,
) -> tuple[bytes | None, VoiceEmbedding | None, float, QualityCheck]:
    if audio is None:
        return None, None, 0.0, QualityCheck("voice", True, _no_voice_notice())
    try:
        sample = extract_voice_sample(audio)
    except NoSpeechError:
        return None, None, 0.0, QualityCheck("voice", True, _no_voice_notice())
    message = sentence(
        "reference.voice_found", "Voice found: {seconds:.1f} s of speech. {notice}",
        seconds=sample.speech_seconds, notice=sentence("reference.voice_shift_notice",
        "Dialogue is spoken by a built-in voice shifted toward yours (pitch and timbre). "
        "It is not a clone of your voice."),
    )  # fmt: skip
    return (sample.audio.to_wav_bytes(), speaker_embedding(sample), sample.speech_seconds,
            QualityCheck("voice", True, message))  # fmt: skip


def _no_voice_notice() -> str:
    # consent.NO_VOICE_NOTICE, as a sentence the page can say in the reader's language (its
    # translations are the consent wording's; a test keeps the English the same).
    return sentence(
        "reference.no_voice_notice",
        "No speech was found, so this double has no voice: clips will use a stock voice for it.",
    )


def _png(rgb: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(np.ascontiguousarray(rgb)).save(buffer, "PNG", optimize=False)
    return buffer.getvalue()


def _side_by_side(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    height = min(left.shape[0], right.shape[0])
    return np.concatenate([left[:height, :, :3], right[:height, :, :3]], axis=1)


def _crop_to_matte(rgb: np.ndarray, matte: np.ndarray) -> np.ndarray:
    ys, xs = np.nonzero(matte > 127)
    if len(xs) == 0:
        return rgb
    margin = int(0.08 * max(rgb.shape[:2]))
    top, bottom = max(0, ys.min() - margin), min(rgb.shape[0], ys.max() + margin)
    left, right = max(0, xs.min() - margin), min(rgb.shape[1], xs.max() + margin)
    return rgb[top:bottom, left:right]
