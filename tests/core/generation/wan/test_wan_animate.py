"""The optional Wan-Animate "replace" pass with a tiny random pipeline (CPU, no download)."""

from __future__ import annotations

import numpy as np
import pytest

from core.generation.types import RenderCancelledError
from core.generation.wan.animate import WanAnimatePass, _grow, head_crops
from core.generation.wan.control import ShotGuide, derive_control
from core.generation.wan.inputs import ShotPrompts
from core.generation.wan.presets import resolve_preset
from tests.core.generation.generation_fakes import cast_reference
from tests.core.generation.wan.wan_tiny import RecordingPipeline, tiny_wan_animate_pipeline
from tests.media_factory import astronaut_rgb

FRAMES, H, W = 9, 32, 48


def shot_guide() -> tuple[np.ndarray, ShotGuide]:
    frames = np.stack([astronaut_rgb()[i : i + H, 100 + i : 100 + i + W] for i in range(FRAMES)])
    masks = np.zeros((2, FRAMES, H, W), bool)
    masks[0, :, 8:32, 2:12] = True  # lead, left
    masks[1, :, 6:32, 34:44] = True  # buddy, right
    guide = ShotGuide(
        animatic=frames, control=derive_control(frames, "edges"), roles=("lead", "buddy"),
        masks=masks, loudness=np.zeros((2, FRAMES), np.float32),
    )  # fmt: skip
    return frames, guide


def make_pass(factory) -> WanAnimatePass:
    preset = resolve_preset("tiny-animate", dtype="float32", offload="none")
    return WanAnimatePass(preset, device="cpu", num_inference_steps=2, pipeline_factory=factory)


CAST = {"lead": cast_reference("lead", "maya"), "buddy": cast_reference("buddy", "grace")}
PROMPTS = ShotPrompts("two people wave", "blurry")


@pytest.mark.slow
def test_one_pass_per_double_changes_only_that_doubles_region():
    recording = RecordingPipeline(tiny_wan_animate_pipeline())
    frames, guide = shot_guide()
    steps = []

    result = make_pass(lambda: recording).replace_roles(
        frames, guide, CAST, prompts=PROMPTS, seed=5, on_step=lambda *s: steps.append(s)
    )

    assert len(recording.calls) == 2 and steps == [(1, 2), (2, 2)] * 2
    grown = _grow(guide.masks.reshape(-1, H, W)).reshape(guide.masks.shape)
    for call, region in zip(recording.calls, grown, strict=True):
        assert call["mode"] == "replace" and call["segment_frame_length"] == FRAMES
        for video in ("pose_video", "face_video", "background_video", "mask_video"):
            assert len(call[video]) == FRAMES
        assert {image.size for image in call["face_video"]} == {(512, 512)}
        masks = np.stack([np.asarray(image) > 127 for image in call["mask_video"]])
        assert np.array_equal(masks, region)
        background = np.stack([np.asarray(image) for image in call["background_video"]])
        assert (background[region] == 0).all()
        assert call["image"].size == (W, H) and call["image"].getpixel((0, 0)) == (255, 255, 255)
    assert not np.array_equal(result[grown[0]], frames[grown[0]])
    assert not np.array_equal(result[grown[1]], frames[grown[1]])
    outside = ~(grown[0] | grown[1])
    assert np.array_equal(result[outside], frames[outside])  # no other pixel moves


@pytest.mark.slow
def test_cancelling_stops_after_the_current_step():
    recording = RecordingPipeline(tiny_wan_animate_pipeline())
    frames, guide = shot_guide()

    def cancel(step: int, steps: int) -> None:
        raise RenderCancelledError("Cancelled by the person.")

    with pytest.raises(RenderCancelledError):
        make_pass(lambda: recording).replace_roles(
            frames, guide, CAST, prompts=PROMPTS, seed=5, on_step=cancel
        )
    assert len(recording.calls) == 1


def test_head_crops_follow_the_top_of_the_region():
    frames = np.zeros((3, 64, 64, 3), np.uint8)
    frames[:, 10:20, 20:30] = 200  # a "head" at the top of the region
    region = np.zeros((3, 64, 64), bool)
    region[0, 10:60, 15:35] = True
    region[2, 10:60, 15:35] = True  # frame 1 has no region: the last crop repeats

    crops = head_crops(frames, region, size=32)

    assert [crop.size for crop in crops] == [(32, 32)] * 3
    assert np.asarray(crops[0]).mean() > 100 and np.array_equal(crops[0], crops[1])
