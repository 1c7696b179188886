"""Animatic-guided Wan VACE: control video, per-role masks and regions reach the tiny pipeline."""

from __future__ import annotations

import dataclasses

import cv2
import numpy as np
import pytest

from core.generation.animatic import AnimaticBackend
from core.generation.types import RenderCancelledError, RenderRequest, ShotPlan, SpokenLine
from core.generation.wan.control import AnimaticGuide, derive_control
from core.generation.wan.inputs import native_frame_count, native_picks, resample_frames
from core.generation.wan.regions import latent_frame_count
from core.generation.wan.vace import WanVaceBackend
from core.identity.backends import load_face_backend
from core.scripts.model import DialogueLine, Role, Script, Shot
from tests.core.generation.cast_media import person_double
from tests.core.generation.generation_fakes import cast_reference
from tests.core.generation.wan.wan_tiny import (
    CountingFactory,
    RecordingPipeline,
    tiny_wan_vace_pipeline,
)
from tests.media_factory import astronaut_rgb, grace_hopper_rgb

W, H = 128, 64  # Wan-sized (multiples of 16): 8×4 tokens per latent frame


class LayoutSpy(RecordingPipeline):
    """Records each call's arguments and the region layout in force during it."""

    def __init__(self, pipe) -> None:
        super().__init__(pipe)
        self.layouts: list = []

    def __call__(self, **kwargs):
        processor = self.pipe.transformer.blocks[0].attn1.processor
        context = getattr(processor, "context", None)
        self.layouts.append(None if context is None else context.layout)
        return super().__call__(**kwargs)


def three_role_cast() -> dict:
    return {
        "lead": cast_reference("lead", "maya"),
        "buddy": cast_reference("buddy", "grace"),
        "rex": dataclasses.replace(cast_reference("rex", "rex", kind="pet"), role="rex"),
    }


def shot(framing: str, description: str, seconds: float = 0.5, dialogue=(), scene="sunny_park"):
    return Shot(framing, "static", seconds, description, tuple(dialogue), scene)


def request_for(shots, cast, roles=("lead", "buddy")) -> RenderRequest:
    script = Script("t", tuple(Role(r, ("person", "pet")) for r in roles), tuple(shots))
    return RenderRequest(script, {r: cast[r] for r in roles}, seed=3, clip_id="00000000000000aa",
                         creator_handle="maya", width=W, height=H)  # fmt: skip


def plan_for(shot_: Shot, index: int = 0, fps: int = 24, lines=()) -> ShotPlan:
    frames = round(shot_.duration * fps)
    return ShotPlan(index, shot_, 0.0, shot_.duration, frames, fps, W, H, tuple(lines))


def guided_backend(factory, **options) -> WanVaceBackend:
    return WanVaceBackend(
        "tiny", dtype="float32", device="cpu", num_inference_steps=2,
        guide=AnimaticGuide(AnimaticBackend()), pipeline_factory=factory, **options,
    )  # fmt: skip


def centre_x(mask: np.ndarray) -> float:
    return float(np.nonzero(mask)[-1].mean())


def test_each_shot_gets_its_control_video_masks_and_original_references():
    spy = LayoutSpy(tiny_wan_vace_pipeline())
    backend = guided_backend(lambda: spy)
    shots = [shot("two-shot", "@lead greets @buddy", 0.5), shot("medium", "@buddy waves", 1.0)]
    request = request_for(shots, {"lead": cast_reference("lead", "maya"),
                                  "buddy": cast_reference("buddy", "grace")})  # fmt: skip

    outputs = [backend.render_shot(plan_for(s, i), request) for i, s in enumerate(shots)]

    assert [len(frames) for frames in outputs] == [12, 24]
    first, second = spy.calls
    for call, seconds in ((first, 0.5), (second, 1.0)):
        native = native_frame_count(seconds)  # 9 and 17 frames at 16 fps
        assert call["num_frames"] == native == len(call["video"])
        assert {frame.size for frame in call["video"]} == {(W, H)}
        # Edges of the animatic: black and white lines, not a blank video.
        control = np.asarray(call["video"][native // 2])
        assert set(np.unique(control)) == {0, 255}
    # Shot 1 shows both roles; shot 2 ("@buddy waves", medium) shows only buddy.
    assert len(first["reference_images"]) == 2 and len(second["reference_images"]) == 1
    # Every shot starts from the original portraits, never from the previous shot.
    assert np.array_equal(np.asarray(first["reference_images"][1]),
                          np.asarray(second["reference_images"][0]))  # fmt: skip
    # The region layout was in force during each call and cleared after it.
    for layout, call in zip(spy.layouts, spy.calls, strict=True):
        references = len(call["reference_images"])
        per_frame = (W // 16) * (H // 16)
        assert (
            layout.token_count == (references + latent_frame_count(call["num_frames"])) * per_frame
        )
        assert {group.references for group in layout.groups} >= {(r,) for r in range(references)}
    # Lead stands left, buddy right: so do the tokens that may see each one's reference.
    layout = spy.layouts[0]
    columns = {}
    for group in layout.groups:
        video = group.queries[group.queries >= layout.video_start] - layout.video_start
        if group.references in ((0,), (1,)):
            columns[group.references] = (video % (W // 16)).float().mean()
    assert columns[(0,)] < columns[(1,)]
    # Shot 2 shows buddy alone, in the middle: tokens at the sides see no reference at all.
    assert () in {group.references for group in spy.layouts[1].groups}
    assert spy.pipe.transformer.blocks[0].attn1.processor.context.layout is None


def test_role_masks_cover_each_role_where_it_stands():
    cast = three_role_cast()
    guide = AnimaticGuide(AnimaticBackend())
    wide = shot("wide", "@lead, @buddy and @rex stand in a row")
    request = request_for([wide], cast, roles=("lead", "buddy", "rex"))

    result = guide.guide(plan_for(wide), request, width=W, height=H, native_frames=9)

    assert result.roles == ("lead", "buddy", "rex")
    assert result.masks.shape == (3, 9, H, W) and result.control.shape == (9, H, W, 3)
    xs = [centre_x(mask) for mask in result.masks]
    assert xs == sorted(xs)  # left to right, in script order
    for x, slot in zip(xs, (0.14, 0.5, 0.86), strict=True):
        assert abs(x / W - slot) < 0.08
    assert not (result.masks[0] & result.masks[1]).any()
    assert not (result.masks[1] & result.masks[2]).any()
    # Each mask is where that role is painted: the animatic differs from the scene there.
    for mask in result.masks:
        assert 0.02 < mask.mean() < 0.5
    # The pet stands smaller than the people (the animatic scales non-persons down).
    heights = [np.ptp(np.nonzero(mask[0])[0]) for mask in result.masks]
    assert heights[2] < 0.8 * min(heights[:2])


def test_close_up_masks_only_the_speaker_and_occlusion_splits_regions():
    cast = three_role_cast()
    guide = AnimaticGuide(AnimaticBackend())
    close = shot("close-up", "@lead talks to @buddy", dialogue=[DialogueLine("buddy", "Hi.")])
    shoulder = shot("over-the-shoulder", "@lead listens to @buddy",
                    dialogue=[DialogueLine("buddy", "Hi.")])  # fmt: skip
    request = request_for([close, shoulder], cast)

    close_up = guide.guide(plan_for(close), request, width=W, height=H, native_frames=9)
    over = guide.guide(plan_for(shoulder, 1), request, width=W, height=H, native_frames=9)

    assert close_up.roles == ("buddy",) and close_up.masks[0].mean() > 0.3
    assert set(over.roles) == {"lead", "buddy"}
    lead, buddy = (over.masks[over.roles.index(role)] for role in ("lead", "buddy"))
    assert not (lead & buddy).any()  # the shoulder in front hides part of the speaker
    assert centre_x(lead) < W / 2 < centre_x(buddy)


@pytest.fixture(scope="module")
def talking_cast():
    faces = load_face_backend()
    lead = person_double("lead", "eileen", astronaut_rgb(), faces, voice_pitch=None)
    buddy = person_double("buddy", "grace", grace_hopper_rgb(), faces, voice_pitch=None)
    return faces, {"lead": lead, "buddy": buddy}


def test_mouth_motion_in_the_control_video_follows_the_line_timing(talking_cast):
    faces, cast = talking_cast
    guide = AnimaticGuide(AnimaticBackend(face_backend=lambda: faces), control="animatic")
    talk = shot("close-up", "@lead talks", 1.0, dialogue=[DialogueLine("lead", "Hello.")])
    request = request_for([talk], cast)
    loudness = np.zeros(24, np.float32)
    loudness[12:20] = 1.0  # the line is heard from 0.5 s to 0.83 s
    line = SpokenLine("lead", "Hello.", 0.5, 20 / 24, None, loudness)
    native = native_frame_count(1.0)

    spoken = guide.guide(plan_for(talk, lines=[line]), request, width=W, height=H,
                         native_frames=native)  # fmt: skip
    silent = guide.guide(plan_for(talk), request, width=W, height=H, native_frames=native)

    changed = [
        not np.array_equal(a, b) for a, b in zip(spoken.control, silent.control, strict=True)
    ]
    loud_native = [
        bool(loudness[pick] > 0.04) for pick in native_picks(native, frame_count=24, fps=24)
    ]
    assert any(loud_native) and changed == loud_native
    assert np.array_equal(spoken.loudness[0] > 0, loud_native)
    # Only the speaker changes. A speaking body also gestures and its graded edges shift by a
    # pixel or two, and the exclusive masks have small holes, so the region is taken a few
    # pixels wide (the frame is 128 px across; the other person is far outside that).
    moved = np.any(spoken.control != silent.control, axis=-1)
    assert spoken.roles == ("lead",)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (9, 9))
    speaker = np.stack([cv2.dilate(m.astype(np.uint8), kernel) > 0 for m in spoken.masks[0]])
    assert (moved & speaker).sum() >= 0.98 * moved.sum()


def test_native_picks_invert_the_resampling():
    for seconds, fps in ((0.5, 24), (1.0, 24), (2.3, 30), (6.0, 24), (0.1, 24)):
        frames = round(seconds * fps)
        native = native_frame_count(seconds)
        picks = native_picks(native, frame_count=frames, fps=fps)
        assert len(picks) == native and picks[0] == 0 and picks[-1] <= frames - 1
        assert (np.diff(picks) >= 0).all()
        # Native frames that show plan frame `pick`, resampled back to the plan's clock: each
        # plan frame must come back showing an animatic frame within half a native frame of it.
        labelled = np.stack([np.full((1, 1, 3), pick, np.uint8) for pick in picks])
        back = resample_frames(labelled, frame_count=frames, fps=fps, width=1, height=1)
        shown = [int(frame[0, 0, 0]) for frame in back]
        rate = 16 if frames < 2 else min(16, (native - 1) / ((frames - 1) / fps))
        assert max(abs(s - i) for i, s in enumerate(shown)) <= fps / rate / 2 + 1


def test_derived_controls():
    frame = np.zeros((1, 32, 32, 3), np.uint8)
    frame[0, 8:24, 8:24] = (200, 40, 40)
    edges = derive_control(frame, "edges")
    grey = derive_control(frame, "gray")
    assert edges[0, 16, 16].tolist() == [0, 0, 0] and edges[0, 8:24, 8].max() == 255
    assert (grey[0, 16, 16] == grey[0, 16, 16, 0]).all() and 60 < grey[0, 16, 16, 0] < 120
    assert np.array_equal(derive_control(frame, "animatic"), frame)


def test_cancel_while_the_animatic_is_drawn_loads_no_model():
    factory = CountingFactory()
    backend = guided_backend(factory)
    two = shot("two-shot", "@lead greets @buddy")
    request = request_for([two], {"lead": cast_reference("lead", "maya"),
                                  "buddy": cast_reference("buddy", "grace")})  # fmt: skip
    calls = []

    def cancel_during_guide(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) > 3:  # after a few animatic frames
            raise RenderCancelledError("Cancelled by the person.")

    with pytest.raises(RenderCancelledError):
        backend.render_shot(plan_for(two), request, on_frame=cancel_during_guide)
    assert factory.calls == 0 and set(calls) == {0}


def test_regions_and_guide_can_be_switched_off():
    spy = LayoutSpy(tiny_wan_vace_pipeline())
    backend = guided_backend(lambda: spy, regional=False)
    two = shot("two-shot", "@lead greets @buddy")
    request = request_for([two], {"lead": cast_reference("lead", "maya"),
                                  "buddy": cast_reference("buddy", "grace")})  # fmt: skip

    backend.render_shot(plan_for(two), request)

    assert len(spy.calls[0]["video"]) == 9 and len(spy.calls[0]["reference_images"]) == 2
    assert type(spy.pipe.transformer.blocks[0].attn1.processor).__name__ == "WanAttnProcessor"


class TintingPipeline(RecordingPipeline):
    """A pipeline whose second and later calls come out with a warm colour cast."""

    def __call__(self, **kwargs):
        output = super().__call__(**kwargs)
        if len(self.calls) > 1:
            output.frames[0] = np.clip(output.frames[0] + np.array([0.12, 0.02, -0.1]), 0, 1)
        return output


@pytest.mark.parametrize("colour_match", [True, False])
def test_a_later_shot_is_colour_matched_to_the_first(colour_match):
    pipe = TintingPipeline(tiny_wan_vace_pipeline())
    backend = guided_backend(lambda: pipe, colour_match=colour_match)
    two = shot("two-shot", "@lead greets @buddy")
    cast = {"lead": cast_reference("lead", "maya"), "buddy": cast_reference("buddy", "grace")}
    request = request_for([two, two, two], cast)

    # The same shot (same seed) twice: only the second comes out tinted.
    first = np.stack(backend.render_shot(plan_for(two, 1), request)).astype(float)
    second = np.stack(backend.render_shot(plan_for(two, 1), request)).astype(float)

    shift = np.abs(second.mean(axis=(0, 1, 2)) - first.mean(axis=(0, 1, 2))).max()
    if colour_match:
        assert shift < 6  # pulled back to the first shot's colours
    else:
        assert shift > 15  # the cast as painted
