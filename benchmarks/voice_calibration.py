"""Calibrate the voice checks on synthesized speech (numbers for docs/voice_calibration.md).

Run: /work/main/.venv/bin/python benchmarks/voice_calibration.py   (about a minute on 2 cores)
"""

import itertools
import random
import statistics
import time

import numpy as np

from core.voice.samples import (
    VOICE_MATCH_THRESHOLD,
    extract_voice_sample,
    speaker_embedding,
    voice_similarity,
)
from core.voice.shift import shift_voice, shift_voice_toward
from core.voice.speech import Audio, synthesize_speech
from core.voice.spoken_code import check_spoken_code, new_challenge_code, recognize_digits

SENTENCES = (
    "Hello there. My name is Joe, and this is a short test of my voice.",
    "The quick brown fox jumps over the lazy dog near the river bank.",
    "Please read the numbers on the screen out loud, one at a time.",
    "We are going to the beach tomorrow if the weather stays nice.",
    "I would like a cup of coffee with a little milk, thank you.",
    "Our team finished the project early and celebrated with pizza.",
)
# (pitch ratio, formant warp): stand-ins for other speakers, from a deep to a child-like voice.
OTHER_VOICES = (
    (0.6, 0.85),
    (0.75, 0.92),
    (0.7, 1.0),
    (1.0, 0.85),
    (1.0, 1.15),
    (1.4, 1.0),
    (1.4, 1.08),
    (1.7, 1.18),
)


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def add_noise(audio: Audio, snr_db: float, rng: np.random.Generator) -> Audio:
    rms = float(np.sqrt(np.mean(np.square(audio.samples))))
    noise = rng.normal(0.0, rms / 10 ** (snr_db / 20), len(audio.samples))
    return Audio(np.clip(audio.samples + noise, -1, 1), audio.sample_rate)


def embed(audio: Audio):
    return speaker_embedding(extract_voice_sample(audio))


def summary(values) -> str:
    return f"min {min(values):.3f} median {statistics.median(values):.3f} max {max(values):.3f}"


def main() -> None:
    rng = np.random.default_rng(0)
    _, load_tts = timed(synthesize_speech, "Warm up.")
    speeches, synth_times = zip(*(timed(synthesize_speech, s) for s in SENTENCES), strict=True)
    print(
        f"TTS: first call (loads voice) {load_tts:.2f} s; per sentence "
        f"{statistics.mean(synth_times):.3f} s for "
        f"{statistics.mean(a.duration for a in speeches):.1f} s audio"
    )

    _, load_encoder = timed(embed, speeches[0])
    embeddings, embed_times = zip(*(timed(embed, a) for a in speeches), strict=True)
    print(
        f"embedding: first call {load_encoder:.2f} s; "
        f"then {statistics.mean(embed_times):.3f} s per sentence"
    )

    same = [voice_similarity(a, b) for a, b in itertools.combinations(embeddings, 2)]
    print(f"same voice, different sentences ({len(same)} pairs): {summary(same)}")
    noisy = [
        voice_similarity(embeddings[i], embed(add_noise(speeches[j], 20, rng)))
        for i, j in ((0, 1), (2, 3), (4, 5))
    ]
    print(f"same voice, other sentence with 20 dB white noise: {summary(noisy)}")
    slow_fast = [
        voice_similarity(embeddings[i], embed(synthesize_speech(SENTENCES[j], speed=speed)))
        for i, j, speed in ((0, 1, 0.75), (2, 3, 1.4))
    ]
    print(f"same voice, other sentence at speed 0.75 / 1.4: {summary(slow_fast)}")

    different = []
    for f0_ratio, warp in OTHER_VOICES:
        other = embed(shift_voice(speeches[1], f0_ratio=f0_ratio, formant_warp=warp))
        scores = [voice_similarity(other, embeddings[k]) for k in (0, 2, 3)]
        different += scores
        print(f"  other voice f0 x{f0_ratio} warp {warp}: {summary(scores)}")
    print(f"different (shifted) voices ({len(different)} pairs): {summary(different)}")
    all_same = same + noisy + slow_fast
    print(
        f"threshold {VOICE_MATCH_THRESHOLD}: same accepted "
        f"{sum(s >= VOICE_MATCH_THRESHOLD for s in all_same)}/{len(all_same)}, different accepted "
        f"{sum(s >= VOICE_MATCH_THRESHOLD for s in different)}/{len(different)}"
    )

    for f0_ratio, warp in ((0.65, 0.88), (1.5, 1.12), (1.25, 0.95)):
        reference = extract_voice_sample(
            shift_voice(speeches[0], f0_ratio=f0_ratio, formant_warp=warp)
        )
        target = speaker_embedding(reference)
        for line in (speeches[2], speeches[4]):
            before = voice_similarity(embed(line), target)
            shifted, seconds = timed(shift_voice_toward, line, reference)
            after = voice_similarity(embed(shifted), target)
            print(
                f"shift toward (f0 x{f0_ratio}, warp {warp}): {before:.3f} -> {after:.3f} "
                f"in {seconds:.2f} s for {line.duration:.1f} s of speech"
            )

    codes = [
        new_challenge_code(length, random.Random(seed))
        for seed, length in enumerate((4, 5, 6, 4, 5, 6, 4, 5, 6, 6))
    ]
    recognise_times = []
    for label, snr in (("clean", None), ("20 dB white noise", 20), ("10 dB white noise", 10)):
        exact = passed = 0
        for code in codes:
            spoken = synthesize_speech(" ".join(code))
            if snr is not None:
                spoken = add_noise(spoken, snr, rng)
            heard, seconds = timed(recognize_digits, spoken)
            recognise_times.append(seconds)
            exact += heard == code
            passed += check_spoken_code(code, heard).passed
            if heard != code:
                print(f"  {label}: said {code} heard {heard}")
        print(f"digits {label}: exact {exact}/10, check passed {passed}/10")
    print(
        f"recognize_digits: first call {recognise_times[0]:.2f} s, median "
        f"{statistics.median(recognise_times):.3f} s per code"
    )


if __name__ == "__main__":
    main()
