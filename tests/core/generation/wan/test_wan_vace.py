"""WanVaceBackend with a tiny, randomly initialised Wan VACE pipeline built from configs (CPU)."""

from __future__ import annotations

import logging

import numpy as np
import pytest
import torch
from PIL import Image

from core.generation.types import CastReference, RenderCancelledError, RenderRequest, ShotPlan
from core.generation.wan.inputs import (
    MAX_NATIVE_FRAMES,
    NATIVE_FPS,
    WanVaceError,
    WanVaceSettingsError,
    build_shot_prompts,
    native_frame_count,
    pack_reference_images,
    resample_frames,
    snap_frame_count,
    snap_size,
)
from core.generation.wan.vace import WanVaceBackend
from core.generation.wan.weights import (
    WanVaceUnavailableError,
    find_local_weights,
    is_available,
)
from core.scripts.model import DialogueLine, Role, Script, Shot
from tests.core.generation.wan.wan_tiny import (
    CountingFactory,
    RecordingPipeline,
    tiny_wan_vace_pipeline,
)
from tests.media_factory import astronaut_rgb, grace_hopper_rgb

LOGGER = "core.generation"  # the backend and its inputs module log under it


def make_backend(factory=None, steps: int = 2) -> WanVaceBackend:
    return WanVaceBackend(
        "tiny",
        dtype="float32",
        device="cpu",
        num_inference_steps=steps,
        pipeline_factory=factory or CountingFactory(),
    )


def cast_reference(role: str, handle: str, portrait: np.ndarray, **extra) -> CastReference:
    return CastReference(
        role=role,
        double_id=f"id-{handle}",
        consent_event_hash="0" * 64,
        handle=handle,
        kind="person",
        display_name=handle.title(),
        description=extra.pop("description", f"a person called {handle}"),
        portrait=portrait,
        **extra,
    )


@pytest.fixture(scope="module")
def cast() -> dict[str, CastReference]:
    return {
        "lead": cast_reference(
            "lead",
            "eileen",
            astronaut_rgb()[30:230, 140:300],
            description="a smiling astronaut in an orange suit",
            restrictions="no alcohol, never kissing",
        ),
        "buddy": cast_reference(
            "buddy",
            "grace",
            grace_hopper_rgb()[0:400, 100:380],
            description="an older woman in a navy uniform",
        ),
    }


def make_request(cast: dict[str, CastReference], seed: int = 7, duration: float = 0.5):
    shot = Shot(
        framing="close-up",
        camera="push-in",
        duration=duration,
        description="@lead waves at @buddy",
        dialogue=(DialogueLine(role="buddy", text="Hello there"),),
        scene="space_station",
    )
    script = Script(title="Hello", roles=(Role(name="lead"), Role(name="buddy")), shots=(shot,))
    request = RenderRequest(
        script=script, cast=cast, seed=seed, clip_id="0123456789abcdef", creator_handle="eileen"
    )
    return request, shot


def make_plan(shot: Shot, *, index=0, width=64, height=64, fps=24, duration=None) -> ShotPlan:
    duration = shot.duration if duration is None else duration
    return ShotPlan(
        index=index,
        shot=shot,
        start=0.0,
        duration=duration,
        frame_count=round(duration * fps),
        fps=fps,
        width=width,
        height=height,
    )


def test_render_shot_returns_exactly_the_planned_frames(cast):
    request, shot = make_request(cast)
    plan = make_plan(shot)  # 0.5 s: 9 native frames at 16 fps -> 12 frames at 24 fps
    assert native_frame_count(plan.duration) == 9

    frames = make_backend().render_shot(plan, request)

    assert len(frames) == plan.frame_count == 12
    for frame in frames:
        assert frame.shape == (64, 64, 3)
        assert frame.dtype == np.uint8
    # A painted picture, not a blank: pixel values vary within frames.
    assert min(float(frame.std()) for frame in frames) > 1.0


def test_pipeline_gets_descriptions_restrictions_and_white_reference_squares(cast):
    recording = RecordingPipeline(tiny_wan_vace_pipeline())
    backend = make_backend(lambda: recording)
    request, shot = make_request(cast, seed=7)

    backend.render_shot(make_plan(shot, index=2), request)

    (call,) = recording.calls
    assert "a smiling astronaut in an orange suit" in call["prompt"]
    assert "an older woman in a navy uniform" in call["prompt"]
    assert "@" not in call["prompt"]
    assert "close up" in call["prompt"].lower() and "push-in" in call["prompt"]
    for restricted in ("alcohol", "kissing"):
        assert restricted in call["prompt"]
        assert restricted in call["negative_prompt"]
    assert "worst quality" in call["negative_prompt"]
    assert (call["height"], call["width"], call["num_frames"]) == (64, 64, 9)
    references = call["reference_images"]
    assert [image.size for image in references] == [(64, 64), (64, 64)]
    assert all(image.getpixel((0, 0)) == (255, 255, 255) for image in references)
    # Seeded from the request seed plus the shot index.
    assert call["generator"].initial_seed() == 7 + 2


def test_a_shot_without_cast_gets_no_reference_images(cast):
    recording = RecordingPipeline(tiny_wan_vace_pipeline())
    request, _ = make_request(cast)
    scenery = Shot(framing="wide", camera="pan", duration=0.5, description="Stars drift by.")

    frames = make_backend(lambda: recording).render_shot(make_plan(scenery), request)

    (call,) = recording.calls
    assert call["reference_images"] is None
    assert call["prompt"].startswith("Wide shot, slow pan. Stars drift by.")
    assert len(frames) == 12


def test_prompts_replace_handles_with_descriptions(cast):
    _, shot = make_request(cast)

    prompts = build_shot_prompts(shot, cast)

    assert prompts.prompt.startswith("Close up shot, slow push-in.")
    assert "a smiling astronaut in an orange suit (Eileen) waves at" in prompts.prompt
    assert "Avoid: alcohol, kissing." in prompts.prompt
    assert prompts.negative_prompt.endswith("alcohol, kissing")


def test_reference_packing_centres_the_whole_portrait_on_white():
    portrait = grace_hopper_rgb()[0:300, 100:280]  # 300 high, 180 wide
    ref = cast_reference("lead", "grace", portrait)

    (image,) = pack_reference_images([ref], 96)

    canvas = np.asarray(image)
    assert image.mode == "RGB" and canvas.shape == (96, 96, 3)
    painted = np.argwhere((canvas != 255).any(axis=2))
    (top, left), (bottom, right) = painted.min(axis=0), painted.max(axis=0)
    height, width = bottom - top + 1, right - left + 1
    assert height == 96  # fitted to the square's side, never cropped
    assert abs(width - 96 * 180 / 300) <= 1  # aspect kept
    assert abs(left - (95 - right)) <= 1  # centred
    expected = np.asarray(Image.fromarray(portrait).resize((width, height)), dtype=np.int16)
    assert np.abs(canvas[top : bottom + 1, left : right + 1] - expected).mean() < 8


def test_reference_packing_turns_transparency_white():
    portrait = np.dstack([astronaut_rgb()[:200, :200], np.zeros((200, 200), np.uint8)])
    portrait[50:150, 50:150, 3] = 255  # only the middle is the subject
    ref = cast_reference("lead", "eileen", portrait)

    (image,) = pack_reference_images([ref], 100)

    canvas = np.asarray(image)
    assert (canvas[:20] == 255).all() and (canvas[:, :20] == 255).all()
    assert np.array_equal(
        canvas[40:60, 40:60],
        np.asarray(
            Image.fromarray(astronaut_rgb()[:200, :200]).resize(
                (100, 100), Image.Resampling.LANCZOS
            )
        )[40:60, 40:60],
    )


def test_unusable_portrait_is_refused_with_the_handle(cast):
    flat = cast_reference("lead", "eileen", astronaut_rgb()[:, :, 0])
    with pytest.raises(WanVaceError, match="@eileen"):
        pack_reference_images([flat], 64)


def test_sizes_and_frame_counts_are_snapped_with_warnings(cast, caplog):
    request, shot = make_request(cast, duration=0.55)
    plan = make_plan(shot, width=70, height=60)  # Wan paints 64×64; 0.55 s wants 10 frames
    recording = RecordingPipeline(tiny_wan_vace_pipeline())

    with caplog.at_level(logging.WARNING, logger=LOGGER):
        frames = make_backend(lambda: recording).render_shot(plan, request)

    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "multiples of 16: 70×60 is rendered at 64×64" in messages
    assert "needs 10 frames" in messages and "paints 9" in messages
    (call,) = recording.calls
    assert (call["width"], call["height"], call["num_frames"]) == (64, 64, 9)
    assert len(frames) == plan.frame_count and frames[0].shape == (60, 70, 3)


@pytest.mark.parametrize("frames", [1, 2, 5, 9, 10, 11, 12, 80, 81, 83])
def test_snap_frame_count_gives_the_nearest_4k_plus_1(frames):
    snapped = snap_frame_count(frames)
    assert (snapped - 1) % 4 == 0
    candidates = [4 * k + 1 for k in range(40)]
    assert abs(snapped - frames) == min(abs(c - frames) for c in candidates)


def test_native_frame_count_covers_five_seconds_and_caps_long_shots(caplog):
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert native_frame_count(5.0) == 81 == 5 * NATIVE_FPS + 1
    assert not caplog.records
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        assert native_frame_count(8.0) == MAX_NATIVE_FRAMES
    assert "at most 81" in caplog.text
    assert snap_size(832, 480) == (832, 480)


def test_resample_takes_the_frame_nearest_in_time():
    native = np.stack([np.full((8, 8, 3), value * 20, np.uint8) for value in range(9)])

    frames = resample_frames(native, frame_count=12, fps=24, width=8, height=8)

    picked = [int(frame[0, 0, 0]) // 20 for frame in frames]
    nearest = [int(np.argmin([abs(j / NATIVE_FPS - i / 24) for j in range(9)])) for i in range(12)]
    assert picked == nearest


def test_resample_stretches_short_native_clips_instead_of_freezing():
    native = np.stack([np.full((8, 8, 3), value * 20, np.uint8) for value in range(9)])

    frames = resample_frames(native, frame_count=24, fps=24, width=16, height=12)

    picked = [int(frame[0, 0, 0]) // 20 for frame in frames]
    assert picked[0] == 0 and picked[-1] == 8
    assert picked == sorted(picked) and set(picked) == set(range(9))
    assert frames[0].shape == (12, 16, 3)


def test_cancel_during_denoising_stops_the_render(cast):
    request, shot = make_request(cast)
    plan = make_plan(shot)
    seen: list[tuple[int, int]] = []

    def cancel_after_first_step(done: int, total: int) -> None:
        seen.append((done, total))
        if done > 0:
            raise RenderCancelledError("Cancelled by the person.")

    with pytest.raises(RenderCancelledError):
        make_backend(steps=3).render_shot(plan, request, on_frame=cancel_after_first_step)
    # Checked before loading and again before painting; one of three steps = a third of frames.
    assert seen == [(0, 12), (0, 12), (4, 12)]


def test_cancel_before_start_skips_loading_the_model(cast):
    request, shot = make_request(cast)
    factory = CountingFactory()

    def cancel_now(done: int, total: int) -> None:
        raise RenderCancelledError("Cancelled by the person.")

    with pytest.raises(RenderCancelledError):
        make_backend(factory).render_shot(make_plan(shot), request, on_frame=cancel_now)
    assert factory.calls == 0


def test_progress_reaches_every_frame(cast):
    request, shot = make_request(cast)
    seen: list[tuple[int, int]] = []

    make_backend(steps=3).render_shot(make_plan(shot), request, on_frame=lambda *p: seen.append(p))

    assert seen == [(0, 12), (0, 12), (4, 12), (8, 12), (12, 12)]


def test_model_loads_lazily_and_once(cast):
    factory = CountingFactory()
    backend = make_backend(factory)
    assert factory.calls == 0  # constructing costs nothing

    request, shot = make_request(cast)
    backend.render_shot(make_plan(shot), request)
    backend.render_shot(make_plan(shot, index=1), request)

    assert factory.calls == 1


def test_same_seed_same_frames_other_seed_other_frames(cast):
    backend = make_backend()
    request, shot = make_request(cast, seed=11)
    other, _ = make_request(cast, seed=12)

    first = backend.render_shot(make_plan(shot), request)
    again = backend.render_shot(make_plan(shot), request)
    different = backend.render_shot(make_plan(shot), other)

    assert all(np.array_equal(a, b) for a, b in zip(first, again, strict=True))
    assert not all(np.array_equal(a, b) for a, b in zip(first, different, strict=True))


def test_default_loader_reads_a_local_folder_with_a_float32_vae(cast, tmp_path):
    tiny_wan_vace_pipeline().save_pretrained(tmp_path / "wan")
    backend = WanVaceBackend(str(tmp_path / "wan"), dtype="bfloat16", device="cpu")
    request, shot = make_request(cast)

    frames = backend.render_shot(make_plan(shot), request)

    pipe = backend.load()
    assert pipe.transformer.dtype == torch.bfloat16
    assert pipe.vae.dtype == torch.float32  # Wan's VAE is unstable in half precision
    assert len(frames) == 12 and frames[0].dtype == np.uint8


def test_find_local_weights_checks_the_folder(tmp_path):
    tiny_wan_vace_pipeline().save_pretrained(tmp_path / "wan")
    assert find_local_weights(str(tmp_path / "wan")) == tmp_path / "wan"

    (tmp_path / "partial").mkdir()
    (tmp_path / "partial" / "model_index.json").write_text("{}")
    with pytest.raises(WanVaceUnavailableError, match="transformer"):
        find_local_weights(str(tmp_path / "partial"))


def test_is_available_explains_what_is_missing_without_downloading(tmp_path):
    ok, reason = is_available("Wan-AI/Wan2.1-VACE-1.3B-diffusers", cache_dir=tmp_path)
    assert not ok
    assert "Wan-AI/Wan2.1-VACE-1.3B-diffusers are not on this machine" in reason
    assert not any(tmp_path.iterdir())  # nothing fetched into the cache
    if not torch.cuda.is_available():
        assert "No CUDA GPU" in reason

    ok, reason = is_available(str(tmp_path / "nowhere" / "wan"))
    assert not ok and "does not exist" in reason


def test_constructor_refuses_a_bad_dtype():
    with pytest.raises(WanVaceSettingsError, match="float4"):
        WanVaceBackend(dtype="float4")  # type: ignore[arg-type]
    with pytest.raises(WanVaceSettingsError, match="COSTAR_WAN_CPU_OFFLOAD"):
        WanVaceBackend(offload="disk")  # type: ignore[arg-type]
