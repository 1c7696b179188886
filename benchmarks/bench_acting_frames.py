"""Frames only: the animatic of another revision vs this one, on bench_render's clip.

Run from the repository root:

    python -m benchmarks.bench_acting_frames [--baseline REV] [--rounds N]

Loads ``core/generation/animatic.py`` as it is at ``REV`` (default ``main``; it must import
only modules that still exist) next to the current one and paints every shot of
``benchmarks.bench_render.SCRIPT`` with each, alternately, on a new backend each round; prints
CPU and wall seconds per 360 frames (median). No voices, finishing or encoding: only painting.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path

from benchmarks.bench_render import SCRIPT
from core.generation.animatic import AnimaticBackend
from core.generation.planning import plan_shots
from core.generation.types import RenderRequest
from core.identity.backends import load_face_backend
from tests.core.generation.cast_media import person_double
from tests.media_factory import astronaut_rgb, grace_hopper_rgb


def load_baseline(revision: str) -> types.ModuleType:
    source = subprocess.run(
        ["git", "show", f"{revision}:core/generation/animatic.py"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    path = Path(tempfile.mkdtemp()) / "baseline_animatic.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("baseline_animatic", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["baseline_animatic"] = module
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--baseline", default="main")
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    baseline = load_baseline(arguments.baseline)
    faces = load_face_backend()
    cast = {
        "lead": person_double("lead", "eileen", astronaut_rgb(), faces, voice_pitch=None),
        "friend": person_double("friend", "grace", grace_hopper_rgb(), faces, voice_pitch=None),
    }
    request = RenderRequest(SCRIPT, cast, seed=7, clip_id="0" * 16, creator_handle="eileen")
    plans = plan_shots(request)
    makers = {
        arguments.baseline: lambda: baseline.AnimaticBackend(face_backend=lambda: faces),
        "current": lambda: AnimaticBackend(face_backend=lambda: faces),
    }
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in makers}
    for _ in range(arguments.rounds):
        for name, make in makers.items():
            backend = make()
            cpu, wall = time.process_time(), time.perf_counter()
            for plan in plans:
                backend.render_shot(plan, request)
            results[name].append((time.process_time() - cpu, time.perf_counter() - wall))
    for name, runs in results.items():
        cpu = statistics.median(c for c, _ in runs)
        wall = statistics.median(w for _, w in runs)
        print(f"{name:>10}: cpu s per 360 frames median {cpu:.2f}, wall median {wall:.2f}  "
              f"(cpu {', '.join(f'{c:.2f}' for c, _ in runs)})")  # fmt: skip


if __name__ == "__main__":
    main()
