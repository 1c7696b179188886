"""Time labelling, watermarking, encoding, signing and verifying at 832x480, 24 fps.

Run from the repository root: ``python -m benchmarks.bench_provenance`` (numbers go to
docs/provenance.md). Takes ~20 s on 2 cores.
"""

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from core.media.video_encode import encode_mp4
from core.provenance import (
    CastMember,
    ClipManifest,
    ai_label_text,
    draw_ai_label,
    embed_watermark,
    ensure_signing_identity,
    mark_frames,
    read_watermark,
    sign_mp4,
    verify_clip,
)
from tests.core.provenance.provenance_media import astronaut_pan, speech_like_tone

CLIP_ID = "0123456789abcdef"
SIZE = (832, 480)


def median_ms(function: Callable[[], object], repeats: int) -> float:
    durations = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        durations.append(time.perf_counter() - start)
    return 1000 * statistics.median(durations)


def main() -> None:
    frames = astronaut_pan(96)
    audio = speech_like_tone(4.0)
    text = ai_label_text("maya")
    work = Path(tempfile.mkdtemp(prefix="bench-provenance-"))

    draw_ai_label(frames[0], text)
    print(f"label blend: {median_ms(lambda: draw_ai_label(frames[1], text), 200):.3f} ms/frame")
    marked = embed_watermark(frames[0], CLIP_ID)  # first call imports torch via imwatermark
    embed = median_ms(lambda: embed_watermark(frames[2], CLIP_ID), 10)
    decode = median_ms(lambda: read_watermark([marked]), 10)
    print(f"watermark embed: {embed:.1f} ms/frame, decode: {decode:.1f} ms/frame")

    for preset in ("ultrafast", "veryfast", "faster"):
        path = work / f"{preset}.mp4"
        seconds = (
            median_ms(
                partial(
                    encode_mp4, frames, fps=24, size=SIZE, audio=audio, path=path, preset=preset
                ),
                3,
            )
            / 1000
        )
        kib = os.path.getsize(path) / 1024
        print(f"encode {preset}: {len(frames) / seconds:.0f} frames/s, {kib:.0f} KiB for 4 s")

    start = time.perf_counter()
    identity = ensure_signing_identity(work / "keys")
    print(f"signing identity, first run: {1000 * (time.perf_counter() - start):.0f} ms")
    clip = work / "clip.mp4"
    start = time.perf_counter()
    marked_frames = mark_frames(frames, clip_id=CLIP_ID, label_text=text)
    encode_mp4(marked_frames, fps=24, size=SIZE, audio=audio, path=clip)
    print(f"mark + encode 4 s clip: {time.perf_counter() - start:.2f} s")
    manifest = ClipManifest(CLIP_ID, "maya", "animatic", (CastMember("dbl_1", "a" * 64),))
    signing = median_ms(lambda: sign_mp4(clip, manifest, identity), 5)
    print(f"sign_mp4 ({os.path.getsize(clip) / 1024:.0f} KiB clip): {signing:.0f} ms")
    start = time.perf_counter()
    verification = verify_clip(clip, trust_anchor_pem=identity.ca_certificate_pem)
    print(f"verify_clip: {time.perf_counter() - start:.2f} s, ok={verification.ok}")


if __name__ == "__main__":
    main()
