"""A whole clip through CoStarPipeline with the tiny Wan VACE backend (CPU, random weights)."""

from __future__ import annotations

import pytest

from core.generation.pipeline import CoStarPipeline
from core.media.video_encode import probe_mp4
from tests.core.generation.generation_fakes import tone_speech, two_role_request, two_role_script
from tests.core.generation.test_wan_vace import CountingFactory, make_backend


@pytest.mark.slow
def test_wan_vace_backend_renders_a_signed_two_shot_clip(tmp_path):
    factory = CountingFactory()
    backend = make_backend(factory)
    pipeline = CoStarPipeline(
        backend, keys_dir=tmp_path / "keys", work_dir=tmp_path / "work", speak=tone_speech
    )
    request = two_role_request(two_role_script(shot_seconds=(1.0, 1.0)), width=256, height=256)
    events = []

    result = pipeline(request, output_path=tmp_path / "clip.mp4", callback=events.append)

    info = probe_mp4(result.path)
    assert (info.width, info.height, info.fps) == (256, 256, 24)
    assert result.backend == "wan-vace" and [s.frame_count for s in result.shots] == [24, 24]
    assert info.frame_count == result.frame_count and info.has_audio
    assert factory.calls == 1  # one model load for the whole clip
    assert {event.shot_index for event in events if event.stage == "frames"} == {0, 1}
