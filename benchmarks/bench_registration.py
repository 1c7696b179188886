"""Time the analysis of a double's reference: a 5 s 720p phone video with speech.

Run: .venv/bin/python -m benchmarks.bench_registration

Prints each stage's time for a cold first run (models load) and the median of warm runs, the
way the app sees them: models load once per process, every later registration is warm. The
person double's body rig (pose landmarks on two sprite frames) is its own stage, 'rig'.
Target: the whole analysis under 3 s warm on a 2-core machine.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from core.acting.pose import load_pose_landmarker
from core.identity.backends import load_face_backend
from core.model_files import pose_model_path, selfie_model_path
from core.reference.analysis import ReferenceAnalyzer, ReferenceInputs
from core.reference.intake import IntakeLimits
from core.reference.matting import load_person_segmenter
from tests.double_media import person_video

WARM_RUNS = 3


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="bench-registration-"))
    video = person_video(
        folder / "reference.mp4", "collins", seconds=5.0, size=(720, 1280),
        text="Hi, I'm Eileen. This is my digital double, and this is how I sound.",
    )  # fmt: skip
    analyzer = ReferenceAnalyzer(
        face_backend=load_face_backend,
        person_segmenter=lambda: load_person_segmenter(selfie_model_path()),
        pose_landmarker=lambda: load_pose_landmarker(pose_model_path()),
        limits=IntakeLimits(),
    )
    inputs = ReferenceInputs(kind="person", video_path=video)
    start = time.perf_counter()
    cold = analyzer.analyze(inputs)
    cold_total = time.perf_counter() - start
    warm_runs = []
    for _ in range(WARM_RUNS):
        start = time.perf_counter()
        analysis = analyzer.analyze(inputs)
        warm_runs.append((time.perf_counter() - start, analysis.timings))
    stages = list(cold.timings)
    print("reference: 5.0 s, 720x1280 (portrait 720p), H.264 + AAC speech")
    print(f"{'stage':<10}{'cold s':>9}{'warm s (median)':>18}")
    for stage in stages:
        warm = statistics.median(timings[stage] for _, timings in warm_runs)
        print(f"{stage:<10}{cold.timings[stage]:>9.2f}{warm:>18.2f}")
    warm_total = statistics.median(total for total, _ in warm_runs)
    print(f"{'total':<10}{cold_total:>9.2f}{warm_total:>18.2f}")
    print(f"target: warm total < 3.0 s -> {'met' if warm_total < 3.0 else 'NOT met'}")


if __name__ == "__main__":
    main()
