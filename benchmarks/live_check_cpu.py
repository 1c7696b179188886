"""CPU time per spoken-code check: a proxy for wall time on 2 free cores on a shared machine.

Run: PYTHONPATH=. .venv/bin/python benchmarks/live_check_cpu.py

On a machine shared by many processes, wall time mostly measures waiting; CPU seconds used by
this process per check, divided by the 2 threads CTranslate2 runs, estimate the wall time on
two idle cores.
"""

import os
import random
import statistics
import time

from core.voice.asr import load_whisper
from core.voice.spoken_code import new_challenge_code, recognize_digits
from tests.voice_set import english_voices


def main() -> None:
    load_whisper()
    rng = random.Random(3)
    voices = english_voices()
    cpu, wall = [], []
    for voice in (voices[0], voices[2], voices[4], voices[8], voices[9], voices[0]):
        recording = voice.say(new_challenge_code(6, rng))
        started_cpu, started_wall = time.process_time(), time.perf_counter()
        recognize_digits(recording, "en")
        cpu.append(time.process_time() - started_cpu)
        wall.append(time.perf_counter() - started_wall)
    print(f"load average {os.getloadavg()[0]:.1f}; {len(cpu)} checks of 3-5 s recordings")
    print(
        f"CPU seconds per check: median {statistics.median(cpu):.2f} (2 threads -> "
        f"~{statistics.median(cpu) / 2:.2f} s wall on 2 idle cores)"
    )
    print(f"wall seconds per check here: median {statistics.median(wall):.2f}")


if __name__ == "__main__":
    main()
