"""The live check's spoken code on voices it was never built with (docs/voice_calibration.md).

Run: PYTHONPATH=. .venv/bin/python benchmarks/live_check_voices.py [codes per voice, default 3]

Prints genuine first-try acceptance per voice, wrong-code acceptance, other languages,
silence/noise/music, the voice match against an impostor, and warm time per check.
"""

import os
import random
import statistics
import sys
import time

from core.voice import asr
from core.voice.samples import (
    VOICE_MATCH_THRESHOLD,
    extract_voice_sample,
    speaker_embedding,
    voice_similarity,
)
from core.voice.speech import synthesize_speech
from core.voice.spoken_code import (
    NUMERALS_PROMPTS,
    check_recording,
    check_spoken_code,
    new_challenge_code,
    recognize_digits,
)
from tests.voice_set import chinese_voices, english_voices, not_speech, other_language_voices


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - started


def main() -> None:
    per_voice = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print(f"CPUs: {os.cpu_count()}, load average at start: {os.getloadavg()[0]:.1f}")
    _, load_seconds = timed(asr.load_whisper)
    print(f"Whisper base load: {load_seconds:.2f} s")
    rng = random.Random(20261202)
    reference = speaker_embedding(
        extract_voice_sample(synthesize_speech("Hello, this is my reference video, made at home."))
    )
    times, passed, total, wrong_accepted, wrong_total = [], 0, 0, 0, 0
    impostor_refused, impostor_total = 0, 0
    for voice in english_voices():
        results = []
        for _ in range(per_voice):
            code = new_challenge_code(6, rng)
            recording = voice.say(code)
            heard, seconds = timed(recognize_digits, recording, voice.language)
            times.append(seconds)
            ok = check_spoken_code(code, heard).passed
            passed += ok
            total += 1
            results.append(f"{code}->{heard or '∅'}{'' if ok else ' ✗'}")
            for _ in range(50):
                other = new_challenge_code(6, rng)
                if other != code:
                    wrong_total += 1
                    wrong_accepted += check_spoken_code(other, heard).passed
            if voice.name.startswith("espeak-ng"):
                similarity = voice_similarity(
                    reference, speaker_embedding(extract_voice_sample(recording))
                )
                impostor_total += 1
                impostor_refused += similarity < VOICE_MATCH_THRESHOLD
        print(f"  {voice.name:48} {'  '.join(results)}")
    print(f"genuine first-try acceptance (English): {passed}/{total} = {passed / total:.1%}")
    print(f"wrong-code acceptance: {wrong_accepted}/{wrong_total}")
    print(
        f"right code in another voice (espeak-ng vs a piper reference) refused by the voice "
        f"match: {impostor_refused}/{impostor_total}"
    )
    print(
        f"warm time per check ({len(times)} checks, audio 3-5 s): median "
        f"{statistics.median(times):.2f} s, max {max(times):.2f} s"
    )
    zh_passed = zh_total = zh_wrong = zh_wrong_total = 0
    for voice in chinese_voices():
        results = []
        for _ in range(per_voice):
            code = new_challenge_code(6, rng)
            recording = voice.say(code)
            # What the app does: a refused reading is decoded again with 零一二…九.
            ok = check_recording(code, recording, voice.language).passed
            readings = [recognize_digits(recording, voice.language)]
            readings.append(
                recognize_digits(recording, voice.language, prompt=NUMERALS_PROMPTS["zh"])
            )
            zh_passed += ok
            zh_total += 1
            results.append(f"{code}->{'/'.join(r or '∅' for r in readings)}{'' if ok else ' ✗'}")
            others = {new_challenge_code(6, rng) for _ in range(50)} - {code}
            zh_wrong_total += len(others)
            zh_wrong += sum(
                any(check_spoken_code(other, heard).passed for heard in readings)
                for other in others
            )
        print(f"  {voice.name:48} {'  '.join(results)}")
    print(
        f"genuine first-try acceptance (Chinese): {zh_passed}/{zh_total} = "
        f"{zh_passed / zh_total:.1%}; wrong-code acceptance {zh_wrong}/{zh_wrong_total}"
    )
    for voice in other_language_voices():
        results = []
        for _ in range(2):
            code = new_challenge_code(6, rng)
            heard = recognize_digits(voice.say(code), voice.language)
            ok = check_spoken_code(code, heard).passed
            results.append(f"{code}->{heard or '∅'}{'' if ok else ' ✗'}")
        print(f"  {voice.name:48} {'  '.join(results)}")
    for name, audio in not_speech().items():
        heard, seconds = timed(recognize_digits, audio, "en")
        message = check_spoken_code("481903", heard).message
        print(f"  {name:12} heard {heard or '∅'} in {seconds:.2f} s: {message}")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
