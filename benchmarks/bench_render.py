"""Render benchmark: a 15 s, 3-shot, two-person clip with dialogue at 832x480.

Run from the repository root:  python -m benchmarks.bench_render

Prints the time of each pipeline stage, the total, the encode-only floor (encode_mp4 of the same
final frames and soundtrack) and the ratios the performance target is stated in. Uses the
embedded AnimaticBackend when it is installed, else a minimal sprite compositor so the pipeline
around the backend can still be measured (the output says which).
"""

from __future__ import annotations

import itertools
import tempfile
import time
from pathlib import Path

import numpy as np

from core.faces import load_face_backend
from core.generation.pipeline import CoStarPipeline
from core.generation.types import RenderRequest, ShotPlan
from core.scenes import paint_scene
from core.scripts import DialogueLine, Role, Script, Shot
from core.video_encode import encode_mp4, read_mp4_frames
from tests.core.cast_media import person_double
from tests.media_factory import astronaut_rgb, grace_hopper_rgb

SCRIPT = Script(
    title="Rooftop promise",
    roles=(Role("lead", ("person",)), Role("friend", ("person",))),
    shots=(
        Shot(
            "two-shot",
            "static",
            5.0,
            "@lead and @friend look over the city at dusk.",
            (
                DialogueLine("lead", "Can you believe we made it up here?"),
                DialogueLine("friend", "I told you it was worth it."),
            ),
            "rooftop_dusk",
        ),
        Shot(
            "medium",
            "push-in",
            5.0,
            "@friend turns to @lead with a grin.",
            (DialogueLine("friend", "Promise me we come back next year."),),
            "rooftop_dusk",
        ),
        Shot(
            "close-up",
            "pull-out",
            5.0,
            "@lead laughs and nods at @friend.",
            (DialogueLine("lead", "Deal. Same time, same place."),),
            "rooftop_dusk",
        ),
    ),
)


class SpriteCompositor:
    """Stand-in backend: the cast's living sprites over the painted scene (no camera work)."""

    name = "animatic"

    def render_shot(self, plan: ShotPlan, request: RenderRequest, *, on_frame=None):
        sprites = [request.cast[role.name].sprite for role in request.script.roles]
        frames = []
        for index in range(plan.frame_count):
            t = plan.start + index / plan.fps
            frame = paint_scene(plan.shot.scene, plan.width, plan.height, t=t).copy()
            for slot, sprite in enumerate(sprites):
                rgba = sprite.frame_at(t)
                height, width = rgba.shape[:2]
                top = plan.height - height
                left = (plan.width * (slot + 1)) // (len(sprites) + 1) - width // 2
                left = min(max(left, 0), plan.width - width)
                region = frame[top:, left : left + width]
                alpha = rgba[..., 3:4].astype(np.uint16)
                region[...] = ((rgba[..., :3] * alpha + region * (255 - alpha)) // 255).astype(
                    np.uint8
                )
            frames.append(frame)
            if on_frame is not None:
                on_frame(index + 1, plan.frame_count)
        return frames


def make_backend():
    try:
        from core.generation.animatic import AnimaticBackend
    except ImportError:
        return SpriteCompositor(), "stand-in sprite compositor (AnimaticBackend not merged yet)"
    return AnimaticBackend(), "AnimaticBackend"


def main() -> None:
    faces = load_face_backend()
    started = time.perf_counter()
    cast = {
        "lead": person_double("lead", "eileen", astronaut_rgb(), faces, voice_pitch=1.35),
        "friend": person_double("friend", "grace", grace_hopper_rgb(), faces, voice_pitch=1.15),
    }
    print(f"building two doubles (not part of the render): {time.perf_counter() - started:.1f} s")
    backend, backend_name = make_backend()
    request = RenderRequest(
        SCRIPT, cast, seed=3, clip_id="b0b0c0c0d0d0e0e0", creator_handle="bench"
    )

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        pipeline = CoStarPipeline(
            backend, keys_dir=root / "keys", work_dir=root / "work", face_backend=faces
        )
        pipeline.signing_identity  # noqa: B018 - key creation is a one-off, not a render cost
        # Warm the lazily loaded models once (voice, WORLD, Resemblyzer), as a running app has.
        pipeline(request, output_path=root / "warmup.mp4")

        stage_started: dict[str, float] = {}

        def on_progress(event) -> None:
            stage_started.setdefault(event.stage, time.perf_counter())

        started = time.perf_counter()
        result = pipeline(request, output_path=root / "clip.mp4", callback=on_progress)
        total = time.perf_counter() - started
        stage_started["end"] = time.perf_counter()

        frames = list(read_mp4_frames(result.path))
        audio = (np.zeros(round(result.duration * 48_000), np.float32), 48_000)
        started = time.perf_counter()
        encode_mp4(frames, fps=24, size=(832, 480), audio=audio, path=root / "floor.mp4")
        floor = time.perf_counter() - started

    print(f"backend: {backend_name}")
    size = f"{result.width}x{result.height}"
    print(f"clip: {result.duration:.1f} s, {result.frame_count} frames, {size}")
    names = list(stage_started)
    for stage, following in itertools.pairwise(names):
        label = "frames+finishing+encode" if stage == "frames" else stage
        print(f"  {label:<24} {stage_started[following] - stage_started[stage]:6.2f} s")
    print(f"total render:              {total:6.2f} s  ({total / result.duration:.2f}x real time)")
    print(f"encode-only floor:         {floor:6.2f} s")
    print(f"render / encode floor:     {total / floor:6.2f}x")
    print(f"face similarity:  {dict(result.metrics.face_similarity)}")
    print(f"voice similarity: {dict(result.metrics.voice_similarity)}")
    print(f"notes: {list(result.notes)}")


if __name__ == "__main__":
    main()
