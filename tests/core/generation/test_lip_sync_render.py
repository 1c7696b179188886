"""Lip sync on a rendered clip, measured on its frames with the face mesh."""

from __future__ import annotations

import pytest

from core.generation import animatic
from core.generation.lip_sync_check import measure_lip_sync
from core.generation.pipeline import CoStarPipeline
from core.generation.types import RenderRequest
from core.identity.backends import load_face_backend
from core.identity.mesh import load_face_mesh
from core.media.video_encode import read_mp4_frames
from core.scripts.model import DialogueLine, Role, Script, Shot
from tests.core.generation.cast_media import person_double
from tests.media_factory import astronaut_rgb, grace_hopper_rgb

SCRIPT = Script(
    title="Who talks",
    roles=(Role("talker", ("person",)), Role("listener", ("person",))),
    shots=(
        Shot(
            "two-shot", "static", 4.0, "@talker tells @listener about the trip.",
            (DialogueLine("talker", "We walked all the way to the harbour, and back again."),),
            "rooftop_dusk",
        ),
    ),
)  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("photo_only", [False, True], ids=["video-double", "photo-only-double"])
def test_the_speaker_mouths_the_words_and_the_listener_keeps_still(tmp_path, photo_only):
    faces = load_face_backend()
    # Grace talks (her own photo, moved like a video, or only the photo), Eileen listens.
    talker = person_double("talker", "grace", grace_hopper_rgb(), faces, voice_pitch=None)
    if photo_only:
        from dataclasses import replace

        talker = replace(talker, sprite=None)
    cast = {
        "talker": talker,
        "listener": person_double("listener", "eileen", astronaut_rgb(), faces, voice_pitch=None),
    }
    pipeline = CoStarPipeline(
        animatic.AnimaticBackend(face_backend=lambda: faces),
        keys_dir=tmp_path / "keys",
        work_dir=tmp_path / "work",
        face_backend=faces,
    )
    request = RenderRequest(SCRIPT, cast, seed=5, clip_id="ab00ab00ab00ab00", creator_handle="t")
    result = pipeline(request, output_path=tmp_path / "clip.mp4")
    frames = list(read_mp4_frames(result.path))

    report = measure_lip_sync(
        frames, request, result.speech_envelopes, face_backend=faces, mesh=load_face_mesh()
    )
    assert report.tracked_frames.get("talker", 0) > 60, report
    assert report.speakers["talker"] is not None and report.speakers["talker"] >= 0.6, report
    assert report.silent[(1, "listener")] is not None, report
    # The listener's face is never warped (see test_speaking_faces); what the mesh measures on
    # it is its own jitter on the looping sprite (std < 0.015), which lands near 0.2 here.
    assert report.silent[(1, "listener")] <= 0.3, report
    assert report.silent_movement[(1, "listener")] < 0.015, report
