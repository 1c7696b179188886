"""Real person doubles built from the public-domain photos (as registration would build them)."""

from __future__ import annotations

import dataclasses
import hashlib

import cv2
import numpy as np

from core.acting.closeup import closeup_frames
from core.acting.pose import load_pose_landmarker
from core.acting.rig import build_rig
from core.generation.types import CastReference
from core.identity.faces import FaceBackend
from core.model_files import pose_model_path, selfie_model_path
from core.reference.matting import load_person_segmenter
from core.reference.sprite import build_sprite
from core.voice.samples import VoiceSample, extract_voice_sample, speaker_embedding
from core.voice.shift import shift_voice
from core.voice.tuning import speak_english, tune_voice
from tests.media_factory import moving_photo_frames

REFERENCE_FPS = 24


def person_double(
    role: str,
    handle: str,
    photo: np.ndarray,
    face_backend: FaceBackend,
    *,
    voice_pitch: float | None,
    seconds: float = 2.0,
    tune_voice_now: bool = True,
) -> CastReference:
    """A person double: living sprite, portrait, face embedding and (optionally) a voice.

    Args:
        role: The role the double plays.
        handle: Its @handle.
        photo: A portrait photo (RGB uint8).
        face_backend: Face model for the reference embedding.
        voice_pitch: Pitch ratio applied to the built-in voice to make this person's voice
            sample; None for a double without a voice.
        seconds: Length of the synthetic reference video.
        tune_voice_now: Choose the voice shift as registration does; False for a double
            registered before shifts were stored (the render chooses it).
    """
    frames = moving_photo_frames(photo, seconds, REFERENCE_FPS)
    mattes = load_person_segmenter(selfie_model_path()).segment(frames)
    sprite = build_sprite(frames, mattes, fps=REFERENCE_FPS)
    # The body rig and close-up frames, as registration builds them.
    landmarker = load_pose_landmarker(pose_model_path())
    picks = (len(sprite.frames) // 4, 3 * len(sprite.frames) // 4)
    rig = build_rig(sprite.frames, [landmarker.landmarks(sprite.frames[i]) for i in picks])
    closeup = closeup_frames(frames, mattes, sprite.source_box, sprite.frames[0].shape[0], rig)
    sprite = dataclasses.replace(sprite, rig=rig, closeup=closeup)
    box = face_backend.detect(photo)[0]
    portrait = np.ascontiguousarray(photo[box.top : box.bottom, box.left : box.right])
    voice_sample = voice_embedding = voice_tuning = None
    if voice_pitch is not None:
        speech = speak_english(f"Hi, I am {handle}. This is how my voice sounds on a normal day.")
        extracted = extract_voice_sample(
            shift_voice(speech, f0_ratio=voice_pitch, formant_warp=voice_pitch**0.3)
        )
        voice_sample = VoiceSample.from_wav_bytes(extracted.audio.to_wav_bytes())  # as stored
        voice_embedding = speaker_embedding(extracted)
        voice_tuning = tune_voice(voice_sample) if tune_voice_now else None
    return CastReference(
        role=role,
        double_id=f"double-{handle}",
        consent_event_hash=hashlib.sha256(handle.encode()).hexdigest(),
        handle=handle,
        kind="person",
        display_name=handle.capitalize(),
        description=f"{handle}, smiling",
        portrait=cv2.resize(portrait, (256, 256), interpolation=cv2.INTER_AREA),
        sprite=sprite,
        face_embedding=face_backend.embed(photo, box),
        voice_sample=voice_sample,
        voice_embedding=voice_embedding,
        voice_shift=voice_tuning.shift if voice_tuning is not None else None,
    )
