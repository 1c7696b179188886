"""Render benchmark: a 15 s, 3-shot, two-person clip with dialogue and actions at 832x480.

Every shot has actions (look, raise a glass; turn to, fist bump; laugh, nod), so the figures,
props and poses are part of the timed work.

Run from the repository root:  python -m benchmarks.bench_render [--runs N]

After one warm-up render (models load once per process, as in a running app), each round times
two renders of the same script, each on a new pipeline (nothing remembered from earlier
renders): with the doubles as registration now stores them (each with its voice shift, chosen
when it was registered), and with doubles registered before shifts were stored (the render
chooses each speaking double's shift). Each is followed by its encode-only floor: encode_mp4 of
its own final frames with a silent track of the same length, so every ratio compares numbers
taken side by side. Uses the embedded AnimaticBackend with the face model (mouths move, as in
the app) when it is installed, else a minimal sprite compositor (the output says which).
Then, on the first measured clip: each speaker's lip-sync correlation and the silent people's
(mouth opening measured on the rendered frames with the face mesh), and the longest silence.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from core.generation.lip_sync_check import measure_lip_sync
from core.generation.pipeline import CoStarPipeline
from core.generation.types import ClipResult, RenderRequest, ShotPlan
from core.identity.backends import load_face_backend
from core.identity.faces import FaceBackend
from core.identity.mesh import load_face_mesh
from core.media.video_encode import encode_mp4, read_mp4_frames
from core.reference.intake import IntakeLimits
from core.reference.video import load_audio
from core.scenes.catalog import paint_scene
from core.scripts.model import DialogueLine, Role, Script, Shot
from core.soundtrack import longest_silence
from core.voice.tuning import tune_voice
from tests.core.generation.cast_media import person_double
from tests.media_factory import astronaut_rgb, grace_hopper_rgb

SCRIPT = Script(
    title="Rooftop promise",
    roles=(Role("lead", ("person",)), Role("friend", ("person",))),
    shots=(
        Shot(
            "two-shot",
            "static",
            5.0,
            "@lead and @friend look over the city at dusk; @friend raises a glass.",
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
            "@friend turns to @lead with a grin; @friend and @lead bump fists.",
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


def make_backend(faces: FaceBackend):
    try:
        from core.generation.animatic import AnimaticBackend
    except ImportError:
        return SpriteCompositor(), "stand-in sprite compositor (AnimaticBackend not merged yet)"
    # As the app builds it: with the face model, so speakers' mouths move.
    return AnimaticBackend(face_backend=lambda: faces), "AnimaticBackend (mouths move)"


@dataclass(frozen=True)
class Measurement:
    """One timed render and the encode-only floor of its own frames, taken right after it."""

    result: ClipResult
    stages: dict[str, float]
    total: float
    floor: float


def measure(pipeline: CoStarPipeline, request: RenderRequest, root: Path, name: str) -> Measurement:
    stage_started: dict[str, float] = {}

    def on_progress(event) -> None:
        stage_started.setdefault(event.stage, time.perf_counter())

    started = time.perf_counter()
    result = pipeline(request, output_path=root / f"{name}.mp4", callback=on_progress)
    total = time.perf_counter() - started
    stage_started["end"] = time.perf_counter()
    stages = {
        stage: stage_started[following] - stage_started[stage]
        for stage, following in itertools.pairwise(stage_started)
    }

    frames = list(read_mp4_frames(result.path))
    audio = (np.zeros(round(result.duration * 48_000), np.float32), 48_000)
    started = time.perf_counter()
    encode_mp4(frames, fps=24, size=(832, 480), audio=audio, path=root / f"{name}-floor.mp4")
    return Measurement(result, stages, total, time.perf_counter() - started)


def report(title: str, measured: Measurement) -> None:
    print(title)
    for stage, seconds in measured.stages.items():
        label = "frames+finishing+encode" if stage == "frames" else stage
        print(f"  {label:<24} {seconds:6.2f} s")
    total, floor, duration = measured.total, measured.floor, measured.result.duration
    print(f"  total render:            {total:6.2f} s  ({total / duration:.2f}x real time)")
    print(f"  encode-only floor:       {floor:6.2f} s")
    print(f"  render / encode floor:   {total / floor:6.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1, help="measured rounds (default 1)")
    runs = parser.parse_args().runs
    faces = load_face_backend()
    started = time.perf_counter()
    cast = {
        "lead": person_double("lead", "eileen", astronaut_rgb(), faces, voice_pitch=1.35),
        "friend": person_double("friend", "grace", grace_hopper_rgb(), faces, voice_pitch=1.15),
    }
    print(f"building two doubles (registration, not part of the render): "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    started = time.perf_counter()
    for member in cast.values():
        tune_voice(member.voice_sample)
    print(f"  of which choosing their voice shifts: {time.perf_counter() - started:.2f} s")
    legacy_cast = {role: replace(member, voice_shift=None) for role, member in cast.items()}
    backend, backend_name = make_backend(faces)
    request = RenderRequest(
        SCRIPT, cast, seed=3, clip_id="b0b0c0c0d0d0e0e0", creator_handle="bench"
    )
    legacy_request = replace(request, cast=legacy_cast)

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)

        def new_pipeline() -> CoStarPipeline:
            pipeline = CoStarPipeline(
                backend, keys_dir=root / "keys", work_dir=root / "work", face_backend=faces
            )
            pipeline.signing_identity  # noqa: B018 - loading the key is not a render cost
            return pipeline

        # Warm the lazily loaded models once (voice, WORLD, Resemblyzer, the face helper), as a
        # running app has.
        new_pipeline()(legacy_request, output_path=root / "warmup.mp4")
        registered, legacy = [], []
        for run in range(runs):
            registered.append(measure(new_pipeline(), request, root, f"stored-{run}"))
            legacy.append(measure(new_pipeline(), legacy_request, root, f"chosen-{run}"))
        same = all(np.array_equal(a, b) for a, b in zip(
            read_mp4_frames(registered[0].result.path), read_mp4_frames(legacy[0].result.path),
            strict=True))  # fmt: skip
        clip = registered[0].result
        lip_sync = measure_lip_sync(
            list(read_mp4_frames(clip.path)), request, clip.speech_envelopes,
            face_backend=faces, mesh=load_face_mesh(),
        )  # fmt: skip
        silence = longest_silence(load_audio(clip.path, IntakeLimits()))

    result = registered[0].result
    print(f"backend: {backend_name}")
    size = f"{result.width}x{result.height}"
    print(f"clip: {result.duration:.1f} s, {result.frame_count} frames, {size}")
    for number, (now, before) in enumerate(zip(registered, legacy, strict=True), 1):
        report(f"run {number}, doubles with their stored voice shifts (as registered now):", now)
        report(f"run {number}, doubles without stored shifts (chosen during the render):", before)
    if runs > 1:
        for label, measured in (("stored shifts", registered), ("chosen in render", legacy)):
            ratios = sorted(m.total / m.floor for m in measured)
            print(f"{label:<16} render / floor: median {statistics.median(ratios):.2f}x, "
                  f"all {', '.join(f'{ratio:.2f}' for ratio in ratios)}")  # fmt: skip
    print(f"stored vs chosen-in-render clips have identical frames: {same}")
    print(f"face similarity:  {dict(result.metrics.face_similarity)}")
    print(f"voice similarity: {dict(result.metrics.voice_similarity)}")
    print(f"notes: {list(result.notes)}")
    print("lip sync (mouth opening on the rendered frames vs speech, 1 s trend removed):")
    for role, value in lip_sync.speakers.items():
        tracked = lip_sync.tracked_frames.get(role, 0)
        print(f"  speaker {role:<8} correlation {_number(value)}  ({tracked} frames tracked)")
    for (shot, role), value in lip_sync.silent.items():
        movement = lip_sync.silent_movement.get((shot, role))
        print(f"  silent  {role:<8} in shot {shot}: correlation {_number(value)}, "
              f"opening std {_number(movement, 3)}")  # fmt: skip
    print(f"longest stretch of silence (20 ms RMS < -50 dBFS): {silence:.2f} s")


def _number(value: float | None, digits: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


if __name__ == "__main__":
    main()
