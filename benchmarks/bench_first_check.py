"""The first reference check after the app starts, against a warm one (issue #12, item 7).

Run (repository root):

    python -m benchmarks.bench_first_check [--wait 30]

Each case runs in a fresh process, built the way ``app.py`` builds the app (``build_services``,
then ``preload_models`` as ``launch`` does), on a 5 s portrait 720p reference video of a person
speaking, checked through ``DoubleService.analyze`` as the Studio's "Check" button does:

- ``start, preload, wait``: models load in the background at start; the first check comes
  ``--wait`` seconds later (a newcomer signs up and picks a file first), then three more.
- ``start, no preload``: what happened before the warm-up: the first check loads every model.

Target: in the first case the first check takes at most the warm median + 1 s. The stages
the check reported, with the seconds at which each came, are printed for the first check.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WARM_RUNS = 3
TARGET_MARGIN_SECONDS = 1.0


def run_case(video: Path, data_dir: Path, preload: bool, wait: float) -> dict[str, object]:
    """One fresh app process: start, maybe preload and wait, then time the checks."""
    started = time.perf_counter()
    import app
    from core.reference.analysis import ReferenceInputs
    from webapp.auth import CurrentUser
    from webapp.settings import Settings

    services = app.build_services(Settings(data_dir=data_dir))
    built = time.perf_counter() - started
    if preload:
        app.preload_models(services)
        time.sleep(wait)
    user = CurrentUser(id=1, username="bench", display_name="Bench")
    inputs = ReferenceInputs(kind="person", video_path=video)
    checks, stages = [], []
    for index in range(1 + WARM_RUNS):
        begin = time.perf_counter()

        def note(stage: str, _done: float, begin: float = begin, first: bool = index == 0) -> None:
            if first:
                stages.append((round(time.perf_counter() - begin, 2), stage))

        services.doubles.analyze(user, inputs, note)
        checks.append(time.perf_counter() - begin)
    return {"build": built, "first": checks[0], "warm": checks[1:], "stages": stages}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wait", type=float, default=30.0, help="seconds from start to check")
    parser.add_argument("--case", choices=("preload", "cold"), help=argparse.SUPPRESS)
    parser.add_argument("--video", type=Path, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.case:  # a child process: one case, result as JSON on the last line
        data_dir = Path(tempfile.mkdtemp(prefix="bench-first-check-data-"))
        result = run_case(arguments.video, data_dir, arguments.case == "preload", arguments.wait)
        print(json.dumps(result))
        return

    from tests.double_media import person_video

    folder = Path(tempfile.mkdtemp(prefix="bench-first-check-"))
    video = person_video(
        folder / "reference.mp4", "collins", seconds=5.0, size=(720, 1280),
        text="Hi, I'm Eileen. This is my digital double, and this is how I sound.",
    )  # fmt: skip
    print(f"CPUs: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}")
    cases = (
        ("preload", f"start, preload, wait {arguments.wait:g} s"),
        ("cold", "start, no preload"),
    )
    results = {}
    for case, label in cases:
        output = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_first_check", "--case", case,
             "--video", str(video), "--wait", str(arguments.wait)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        results[case] = (label, json.loads(output.strip().splitlines()[-1]))
    print(f"{'case':<32}{'build s':>9}{'first s':>9}{'warm s (median of 3)':>22}{'first-warm':>12}")
    for label, result in results.values():
        warm = statistics.median(result["warm"])
        print(
            f"{label:<32}{result['build']:>9.2f}{result['first']:>9.2f}{warm:>22.2f}"
            f"{result['first'] - warm:>+12.2f}"
        )
    for label, result in results.values():
        print(f"stages of the first check ({label}):")
        for seconds, stage in result["stages"]:
            print(f"  {seconds:>6.2f} s  {stage}")
    label, preloaded = results["preload"]
    margin = preloaded["first"] - statistics.median(preloaded["warm"])
    verdict = "met" if margin <= TARGET_MARGIN_SECONDS else "NOT met"
    print(f"target: first <= warm + {TARGET_MARGIN_SECONDS:g} s ({label}) -> {verdict}")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
