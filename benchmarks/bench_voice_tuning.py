"""Which line to tune a double's voice on: pitch accuracy, similarity on other lines, cost.

Run from the repository root:  python -m benchmarks.bench_voice_tuning

Four synthetic "people" (the built-in voice shifted by a known pitch ratio and formant warp)
stand in for registered voices. For each candidate tuning line, the shift is chosen on that line
(as registration does with ``core.voice.tuning.TUNING_LINE``), then applied to six other lines
of dialogue; the script prints the chosen pitch ratio next to the true one, the mean Resemblyzer
similarity of those six lines to the person's voice sample, and the time choosing took.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from core.voice.samples import VOICE_SAMPLE_RATE, extract_voice_sample, speaker_vectors
from core.voice.shift import VoiceShift, choose_voice_shift, shift_voice
from core.voice.speech import resample
from core.voice.tuning import TUNING_LINE, speak_english

CANDIDATE_LINES = {
    "one exclamation": "Hello! This is how I sound when I'm happy.",
    "one long sentence": "Hi, it's me! This is how I sound when I tell my friends about a "
    "wonderful day.",
    "two sentences (in use)": TUNING_LINE,
}
DIALOGUE = (
    "Can you believe we made it up here?",
    "I told you it was worth it.",
    "Promise me we come back next year.",
    "Deal. Same time, same place.",
    "Okay everyone, listen up, we only have one chance at this.",
    "Look at the stars tonight!",
)
PEOPLE = {"eileen": 1.35, "grace": 1.15, "lower": 0.8, "higher": 1.6}  # true pitch ratios


def similarity_on_dialogue(shift: VoiceShift, target: np.ndarray) -> float:
    shifted = [
        shift_voice(speak_english(line), f0_ratio=shift.f0_ratio, formant_warp=shift.formant_warp)
        for line in DIALOGUE
    ]
    vectors = speaker_vectors([resample(audio, VOICE_SAMPLE_RATE).samples for audio in shifted])
    return statistics.mean(float(np.dot(vector, target)) for vector in vectors)


def main() -> None:
    for label, line in CANDIDATE_LINES.items():
        print(f"{label}: {speak_english(line).duration:.2f} s  “{line}”")
    print()
    header = ("person", "true f0", "tuning line", "f0", "warp", "sim", "time")
    print("{:<8} {:>7}  {:<24} {:>6} {:>5} {:>6} {:>6}".format(*header))
    for person, pitch in PEOPLE.items():
        speech = speak_english(f"Hi, I am {person}. This is how my voice sounds on a normal day.")
        sample = extract_voice_sample(shift_voice(speech, f0_ratio=pitch, formant_warp=pitch**0.3))
        (target,) = speaker_vectors([sample.audio.samples])
        for label, line in CANDIDATE_LINES.items():
            started = time.perf_counter()
            shift = choose_voice_shift(speak_english(line), sample)
            seconds = time.perf_counter() - started
            similarity = similarity_on_dialogue(shift, target)
            print(f"{person:<8} {pitch:>7.2f}  {label:<24} {shift.f0_ratio:>6.3f} "
                  f"{shift.formant_warp:>5.2f} {similarity:>6.3f} {seconds:>5.2f}s")  # fmt: skip


if __name__ == "__main__":
    main()
