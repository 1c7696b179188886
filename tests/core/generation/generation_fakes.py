"""Tiny stand-ins for pipeline tests: a solid-colour backend and a tone "voice"."""

from __future__ import annotations

import hashlib

import numpy as np

from core.generation.types import CastReference, FrameCallback, RenderRequest, ShotPlan
from core.media.audio import Audio
from core.scripts.model import DialogueLine, Role, Script, Shot
from core.voice.samples import VoiceSample, extract_voice_sample
from core.voice.shift import shift_voice
from core.voice.speech import prepare_text
from core.voice.tuning import speak_english
from tests.media_factory import astronaut_rgb, grace_hopper_rgb

TONE_RATE = 22_050


class SolidColourBackend:
    """Paints each shot one colour (from the seed and shot) with a white square moving across."""

    name = "animatic"

    def __init__(self, *, frame_count_error: int = 0) -> None:
        self.frame_count_error = frame_count_error
        self.rendered_shots: list[int] = []

    def render_shot(
        self, plan: ShotPlan, request: RenderRequest, *, on_frame: FrameCallback | None = None
    ) -> list[np.ndarray]:
        digest = hashlib.sha256(f"{request.seed}-{plan.index}".encode()).digest()
        colour = np.frombuffer(digest[:3], dtype=np.uint8)
        frames = []
        count = plan.frame_count + self.frame_count_error
        for index in range(count):
            frame = np.empty((plan.height, plan.width, 3), np.uint8)
            frame[...] = colour
            left = (index * 7) % (plan.width - 40)
            frame[plan.height // 3 : plan.height // 3 + 40, left : left + 40] = 255
            frames.append(frame)
            if on_frame is not None:
                on_frame(index + 1, count)
        self.rendered_shots.append(plan.index)
        return frames


def tone_speech(text: str, speed: float = 1.0) -> Audio:
    """A voice-like tone lasting 0.3 s per word (same text policy as the real voice)."""
    words = len(prepare_text(text).split())
    seconds = 0.3 * words / speed
    t = np.arange(round(seconds * TONE_RATE)) / TONE_RATE
    samples = 0.5 * np.sin(2 * np.pi * 160 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t))
    return Audio(samples.astype(np.float32), TONE_RATE)


def two_role_script(
    *, shot_seconds: tuple[float, ...] = (1.5, 1.5), buddy_kinds: tuple = ("person", "pet")
) -> Script:
    shots = tuple(
        Shot(
            framing="two-shot" if number % 2 == 0 else "medium",
            camera="static",
            duration=seconds,
            description=f"Shot {number}: @lead waves at @buddy.",
            dialogue=(DialogueLine("lead" if number % 2 == 0 else "buddy", "Hello there friend."),),
            scene="sunny_park",
        )
        for number, seconds in enumerate(shot_seconds)
    )
    return Script(
        title="A greeting",
        roles=(Role("lead", ("person",)), Role("buddy", buddy_kinds)),
        shots=shots,
    )


def cast_reference(role: str, handle: str, *, kind: str = "person", **extra) -> CastReference:
    photo = astronaut_rgb() if handle != "grace" else grace_hopper_rgb()
    return CastReference(
        role=role,
        double_id=f"double-{handle}",
        consent_event_hash=hashlib.sha256(handle.encode()).hexdigest(),
        handle=handle,
        kind=kind,
        display_name=handle.capitalize(),
        description=f"{handle} in a good mood",
        portrait=photo[:256, 128:384].copy(),
        **extra,
    )


def two_role_request(script: Script | None = None, **changes) -> RenderRequest:
    values = {
        "script": script or two_role_script(),
        "cast": {
            "lead": cast_reference("lead", "maya"),
            "buddy": cast_reference("buddy", "grace"),
        },
        "seed": 7,
        "clip_id": "0123456789abcdef",
        "creator_handle": "maya",
        "width": 256,
        "height": 256,
    }
    values.update(changes)
    return RenderRequest(**values)


def shifted_voice_sample(
    f0_ratio: float = 1.45,
    formant_warp: float = 1.1,
    text: str = "This is how I sound when I talk about my day at work.",
) -> VoiceSample:
    """A person's voice sample: the built-in voice shifted by a known pitch and formant warp."""
    speech = shift_voice(speak_english(text), f0_ratio=f0_ratio, formant_warp=formant_warp)
    return extract_voice_sample(speech)
