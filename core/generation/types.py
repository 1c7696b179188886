"""The generator's vocabulary, shared by the pipeline and every backend.

A backend only paints frames for one planned shot; the pipeline owns everything around it
(dialogue audio, timing, subtitles, provenance, encoding, metrics), so every backend's clips
get the same sound, labels and signatures.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

import numpy as np

from core.identity.faces import FaceEmbedding
from core.media.audio import Audio
from core.reference.sprite import LivingSprite
from core.scripts.model import Script, Shot
from core.types import DoubleKind
from core.voice.samples import VoiceEmbedding, VoiceSample
from core.voice.shift import VoiceShift

BackendName = Literal["animatic", "wan-vace"]
Stage = Literal["prepare", "voices", "frames", "finishing", "encode", "sign", "metrics", "done"]


class GenerationError(Exception):
    """A clip could not be rendered; the message is safe to show to the user."""


class RenderCancelledError(GenerationError):
    """The person (or the service, e.g. after a revocation) cancelled the render."""


@dataclass(frozen=True, eq=False)
class CastReference:
    """Everything the generator may use of one cast member's double (and nothing personal).

    Attributes:
        role: The script role this double plays.
        double_id: Opaque id, written into the C2PA manifest.
        consent_event_hash: Hash of the double's latest consent ledger event (manifest).
        handle: The double's @handle (without '@').
        kind: person, pet, object or character.
        display_name: Shown in subtitles' speaker names.
        description: Words the owner allows in prompts ("a woman with short dark hair").
        restrictions: The owner's usage restrictions, passed on to prompt-based backends.
        portrait: Best RGB crop of the subject (for reference images and metrics).
        sprite: The living sprite (matted reference frames), when the double has a video.
        face_embedding: Reference face identity (persons), made by ``face_model``.
        voice_sample: Reference speech, when the double has a voice.
        voice_embedding: Speaker embedding of ``voice_sample``.
        voice_shift: The shift of the built-in voice toward ``voice_sample``, chosen when the
            double was registered (:func:`core.voice.tuning.tune_voice`); None: chosen at render.
    """

    role: str
    double_id: str
    consent_event_hash: str
    handle: str
    kind: DoubleKind
    display_name: str
    description: str
    portrait: np.ndarray
    restrictions: str = ""
    sprite: LivingSprite | None = None
    face_embedding: FaceEmbedding | None = None
    voice_sample: VoiceSample | None = None
    voice_embedding: VoiceEmbedding | None = None
    voice_shift: VoiceShift | None = None


@dataclass(frozen=True)
class RenderRequest:
    script: Script
    cast: Mapping[str, CastReference]  # role name -> reference
    seed: int
    clip_id: str  # 16 lowercase hex characters, carried by the watermark and the manifest
    creator_handle: str
    width: int = 832
    height: int = 480
    fps: int = 24


@dataclass(frozen=True, eq=False)
class SpokenLine:
    """One dialogue line placed on the clip's timeline."""

    role: str
    text: str
    start: float  # seconds from the start of its shot
    end: float
    audio: Audio | None  # None when the text can't be voiced (e.g. an unsupported script)
    loudness: np.ndarray  # one value in [0, 1] per output frame of the shot (mouth motion)
    # (frames, 2) per output frame of the shot: jaw opening 0..1 and lip spread -1..1, from the
    # phoneme timings (see core.generation.lipsync); None: only the loudness is known.
    mouth: np.ndarray | None = None


@dataclass(frozen=True, eq=False)
class ShotPlan:
    """What a backend must paint for one shot."""

    index: int
    shot: Shot
    start: float  # seconds from the start of the clip
    duration: float
    frame_count: int
    fps: int
    width: int
    height: int
    lines: tuple[SpokenLine, ...] = ()


@dataclass(frozen=True)
class ProgressEvent:
    stage: Stage
    fraction: float  # 0..1 of the whole render
    message: str
    shot_index: int | None = None


ProgressCallback = Callable[[ProgressEvent], None]
# Called after each frame with (done, total); it raises RenderCancelledError to stop a render.
FrameCallback = Callable[[int, int], None]


class RenderBackend(Protocol):
    """Paints the frames of one shot; knows nothing of audio, labels or files."""

    name: BackendName

    def render_shot(
        self, plan: ShotPlan, request: RenderRequest, *, on_frame: FrameCallback | None = None
    ) -> list[np.ndarray]:
        """Return exactly ``plan.frame_count`` RGB uint8 frames, ``plan.width`` wide."""
        ...


@dataclass(frozen=True)
class ShotInfo:
    index: int
    start: float
    duration: float
    frame_count: int
    framing: str
    camera: str


@dataclass(frozen=True)
class ClipMetrics:
    """Identity checks of the finished clip against each cast member's reference."""

    face_similarity: Mapping[str, float | None] = field(default_factory=dict)  # role -> score
    face_model: str | None = None
    voice_similarity: Mapping[str, float | None] = field(default_factory=dict)
    voice_model: str | None = None


@dataclass(frozen=True)
class ClipResult:
    path: Path
    backend: BackendName
    duration: float
    fps: int
    width: int
    height: int
    frame_count: int
    shots: tuple[ShotInfo, ...]
    metrics: ClipMetrics
    seed: int
    clip_id: str
    notes: tuple[str, ...] = ()  # e.g. "@rex has no voice: a stock voice was used"
    model: str = ""  # which model painted the frames, e.g. "Wan2.1-VACE-14B · bfloat16"
    # Role -> loudness of its speech per clip frame (0..1), for lip-sync checks.
    speech_envelopes: Mapping[str, np.ndarray] = field(default_factory=dict)
