"""The live check in Mandarin: one decode against the second try with Chinese numerals.

Run: PYTHONPATH=. .venv/bin/python benchmarks/live_check_chinese.py [codes per voice, default 10]
     [seed, default 20261203]

Reads fresh codes with the shipped Mandarin voice in six treatments (tests/voice_set.py), and
checks each recording both ways in the same run: the first decode alone (the digits prompt)
and :func:`core.voice.spoken_code.check_recording` (a refused reading decoded again, primed
with 零一二…九). Prints genuine first-try acceptance, wrong-code acceptance (random other
codes, and codes one digit away from the true one), and the warm time per check.
"""

import os
import random
import statistics
import sys
import time

from core.voice import asr
from core.voice.spoken_code import (
    NUMERALS_PROMPTS,
    check_recording,
    check_spoken_code,
    new_challenge_code,
    recognize_digits,
)
from tests.voice_set import chinese_voices


def one_digit_away(code: str, rng: random.Random) -> str:
    """The code with one digit replaced: what a person misreading a single digit would say."""
    position = rng.randrange(len(code))
    digit = rng.choice([d for d in "0123456789" if d != code[position]])
    return code[:position] + digit + code[position + 1 :]


def main() -> None:
    per_voice = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261203
    print(f"CPUs: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}, seed {seed}")
    asr.load_whisper()
    rng = random.Random(seed)
    single = {"passed": 0, "random": 0, "near": 0}
    double = {"passed": 0, "random": 0, "near": 0}
    total = random_total = near_total = 0
    single_times, double_times = [], []
    for voice in chinese_voices():
        line = []
        for _ in range(per_voice):
            code = new_challenge_code(6, rng)
            recording = voice.say(code)
            started = time.perf_counter()
            heard = recognize_digits(recording, "zh")
            single_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            check = check_recording(code, recording, "zh")
            double_times.append(time.perf_counter() - started)
            rescue = recognize_digits(recording, "zh", prompt=NUMERALS_PROMPTS["zh"])
            total += 1
            single["passed"] += check_spoken_code(code, heard).passed
            double["passed"] += check.passed
            others = {new_challenge_code(6, rng) for _ in range(50)} - {code}
            nears = {one_digit_away(code, rng) for _ in range(5)}
            random_total += len(others)
            near_total += len(nears)
            for results, readings in ((single, (heard,)), (double, (heard, rescue))):
                results["random"] += sum(
                    any(check_spoken_code(o, h).passed for h in readings) for o in others
                )
                results["near"] += sum(
                    any(check_spoken_code(n, h).passed for h in readings) for n in nears
                )
            mark = "" if check.passed else " ✗"
            line.append(f"{code}->{heard or '∅'}/{rescue or '∅'}{mark}")
        print(f"  {voice.name:48} {'  '.join(line)}")
    for name, results, times in (
        ("one decode (digits prompt)", single, single_times),
        ("with the second try (零一二…九)", double, double_times),
    ):
        print(
            f"{name}: genuine {results['passed']}/{total} = {results['passed'] / total:.1%}; "
            f"random wrong codes {results['random']}/{random_total}; one digit away "
            f"{results['near']}/{near_total}; time per check median "
            f"{statistics.median(times):.2f} s, max {max(times):.2f} s"
        )


if __name__ == "__main__":
    main()
