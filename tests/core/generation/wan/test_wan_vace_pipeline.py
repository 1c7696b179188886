"""Whole clips through CoStarPipeline with the tiny Wan VACE backend (CPU, random weights)."""

from __future__ import annotations

import subprocess

import imageio_ffmpeg
import numpy as np
import pytest

from core.generation.animatic import AnimaticBackend
from core.generation.pipeline import CoStarPipeline
from core.generation.wan.control import AnimaticGuide
from core.generation.wan.vace import WanVaceBackend
from core.media.video_encode import probe_mp4
from tests.core.generation.generation_fakes import tone_speech, two_role_request, two_role_script
from tests.core.generation.wan.wan_tiny import RecordingPipeline, tiny_wan_vace_pipeline

AUDIO_RATE = 8_000


def decode_audio(path) -> np.ndarray:
    raw = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-v", "error", "-i", str(path), "-vn",
         "-f", "f32le", "-ac", "1", "-ar", str(AUDIO_RATE), "-"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip
    return np.frombuffer(raw, dtype=np.float32)


@pytest.mark.slow
def test_guided_wan_clip_stitches_shots_with_the_dialogue_audio(tmp_path):
    recording = RecordingPipeline(tiny_wan_vace_pipeline())
    loads = []
    backend = WanVaceBackend(
        "Wan-AI/Wan2.1-VACE-14B-diffusers", dtype="float32", offload="none", device="cpu",
        num_inference_steps=2, guide=AnimaticGuide(AnimaticBackend()),
        pipeline_factory=lambda: loads.append(1) or recording,
    )  # fmt: skip
    pipeline = CoStarPipeline(
        backend, keys_dir=tmp_path / "keys", work_dir=tmp_path / "work", speak=tone_speech
    )
    request = two_role_request(two_role_script(shot_seconds=(1.0, 1.5)), width=256, height=256)
    events = []

    result = pipeline(request, output_path=tmp_path / "clip.mp4", callback=events.append)

    info = probe_mp4(result.path)
    assert (info.width, info.height, info.fps) == (256, 256, 24)
    assert result.backend == "wan-vace" and [s.frame_count for s in result.shots] == [24, 36]
    assert info.frame_count == result.frame_count == 60 and info.has_audio
    assert result.model == "Wan2.1-VACE-14B · float32"
    assert len(loads) == 1  # one model load for the whole clip
    # One VACE call per shot, each with its own control video on Wan's 16 fps clock.
    assert [len(call["video"]) for call in recording.calls] == [17, 25]
    assert {event.shot_index for event in events if event.stage == "frames"} == {0, 1}
    # The dialogue is in the clip, each line inside its own shot: 0.9 s of tone per line.
    audio = decode_audio(result.path)
    assert abs(len(audio) / AUDIO_RATE - info.duration_s) < 0.15
    windows = np.abs(audio[: len(audio) // 800 * 800]).reshape(-1, 800).mean(axis=1)
    spoken = windows > 0.05
    assert spoken[:10].any() and spoken[10:].any()  # a line in shot 1 (0-1 s) and in shot 2
    assert 1.4 < spoken.sum() * 0.1 < 2.4
