"""A real two-person clip through the embedded animatic renderer, checked end to end."""

from __future__ import annotations

import numpy as np
import pytest

from core.generation import animatic
from core.generation.metrics import face_match_similarity
from core.generation.pipeline import CoStarPipeline
from core.generation.types import RenderRequest
from core.identity.backends import load_face_backend
from core.media.video_encode import probe_mp4, read_mp4_frames
from core.provenance import is_label_visible, verify_clip
from core.reference.intake import IntakeLimits
from core.reference.video import load_audio
from core.scripts.model import DialogueLine, Role, Script, Shot
from core.voice.samples import find_speech
from tests.core.generation.cast_media import person_double
from tests.media_factory import astronaut_rgb, grace_hopper_rgb

SCRIPT = Script(
    title="Hello on the roof",
    roles=(Role("lead", ("person",)), Role("friend", ("person",))),
    shots=(
        Shot(
            "two-shot", "static", 2.5, "@lead waves to @friend.",
            (DialogueLine("lead", "Hello there, friend."),), "rooftop_dusk",
        ),
        Shot("medium", "push-in", 2.0, "@friend smiles back at @lead.", (), "rooftop_dusk"),
    ),
)  # fmt: skip


@pytest.mark.slow
def test_real_two_person_clip_has_sound_label_watermark_manifest_and_likeness(tmp_path):
    faces = load_face_backend()
    cast = {
        "lead": person_double("lead", "eileen", astronaut_rgb(), faces, voice_pitch=1.3),
        "friend": person_double("friend", "grace", grace_hopper_rgb(), faces, voice_pitch=None),
    }
    pipeline = CoStarPipeline(
        animatic.AnimaticBackend(face_backend=lambda: faces),
        keys_dir=tmp_path / "keys",
        work_dir=tmp_path / "work",
        face_backend=faces,
    )
    request = RenderRequest(
        SCRIPT, cast, seed=1, clip_id="c0ffee00c0ffee00", creator_handle="eileen"
    )
    result = pipeline(request, output_path=tmp_path / "clip.mp4")

    info = probe_mp4(result.path)
    assert (info.width, info.height, info.fps, info.frame_count) == (832, 480, 24, 108)
    assert info.duration_s == pytest.approx(4.5, abs=0.1)
    assert info.has_audio

    audio = load_audio(result.path, IntakeLimits())  # 16 kHz mono
    speech = find_speech(audio)
    assert speech, "no speech found in the clip's audio"
    assert speech[0][0] < 2.5  # the only line is in shot 1
    assert all(start < 2.6 for start, _ in speech)

    first_frame = next(iter(read_mp4_frames(result.path, max_frames=1)))
    assert is_label_visible(first_frame)
    verification = verify_clip(
        result.path, trust_anchor_pem=pipeline.signing_identity.ca_certificate_pem
    )
    assert verification.watermark.clip_id == "c0ffee00c0ffee00"
    assert verification.manifest_valid and verification.manifest_trusted
    assert verification.ok, verification.problems

    threshold = face_match_similarity(faces)
    for role in ("lead", "friend"):
        assert result.metrics.face_similarity[role] is not None
        assert result.metrics.face_similarity[role] >= threshold, role
    assert result.metrics.voice_similarity["friend"] is None  # no voice reference
    # Grace has no voice but never speaks: nothing to tell about voices; the one note says how
    # a verb the renderer has no action for is shown.
    assert result.notes == ("Shot 2: 'smiles' is shown as a light laugh.",)
    assert np.isfinite(result.metrics.voice_similarity["lead"])
