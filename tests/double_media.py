"""Test media for doubles: reference videos with speech and live recordings saying a code.

Built from public-domain photos (NASA's Eileen Collins, the US Navy's Grace Hopper) moved like
a handheld phone video, with speech from the offline TTS voice.
"""

from __future__ import annotations

import subprocess
from functools import cache
from pathlib import Path

import imageio_ffmpeg
import numpy as np

from core.media.audio import Audio
from core.voice.shift import shift_voice
from core.voice.speech import digits_as_words, resample, synthesize_speech
from tests.media_factory import astronaut_rgb, grace_hopper_rgb, moving_photo_frames, write_video

FPS = 12
PHOTOS = {"collins": astronaut_rgb, "hopper": grace_hopper_rgb}
# The same TTS voice shifted far enough that speaker embeddings tell them apart.
VOICES = {"low": (1.0, 1.0), "high": (1.7, 1.18)}


@cache
def speech(text: str, voice: str = "low") -> Audio:
    audio = resample(synthesize_speech(text, deterministic=True), 16_000)
    f0_ratio, warp = VOICES[voice]
    if (f0_ratio, warp) != (1.0, 1.0):
        audio = shift_voice(audio, f0_ratio=f0_ratio, formant_warp=warp)
    return audio


def padded(audio: Audio, seconds: float, lead_seconds: float = 0.3) -> Audio:
    """Lead-in silence, the speech, then silence up to ``seconds``."""
    lead = int(lead_seconds * audio.sample_rate)
    total = max(int(seconds * audio.sample_rate), lead + len(audio.samples))
    samples = np.zeros(total, dtype=np.float32)
    samples[lead : lead + len(audio.samples)] = audio.samples
    return Audio(samples, audio.sample_rate)


def person_video(
    path: Path, who: str = "collins", *, text: str | None = None, voice: str = "low",
    seconds: float = 4.0, size: tuple[int, int] = (360, 480),
) -> Path:  # fmt: skip
    """A reference (or live) video of a person, speaking ``text`` when given."""
    audio = None
    if text is not None:
        spoken = speech(text, voice)
        seconds = max(seconds, spoken.duration + 0.8)
        audio = padded(spoken, seconds)
    frames = moving_photo_frames(PHOTOS[who](), seconds, FPS, size=size)
    return write_video(path, frames, FPS, audio)


def code_recording(path: Path, code: str, who: str = "collins", voice: str = "low") -> Path:
    """A 'webcam' recording of a person saying the digits of ``code``."""
    return person_video(path, who, text=digits_as_words(code), voice=voice, seconds=3.0)


def write_fake_webcam(
    folder: Path, code: str, who: str = "collins", voice: str = "low"
) -> tuple[Path, Path]:
    """Chromium's fake camera (Y4M) and microphone (WAV) files of a person saying ``code``.

    Chromium opens these files when capture starts, so they can be rewritten after the page
    shows the code and before the webcam is switched on. It loops them from that moment, so
    the code is said once after a 2 s lead-in and followed by silence up to 10 s: a recording
    started within 2 s of switching the camera on holds the whole code exactly once.
    """
    video, audio = folder / "webcam.y4m", folder / "microphone.wav"
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    frames = moving_photo_frames(PHOTOS[who](), 3.0, FPS, size=(360, 480))
    write_video(folder / "webcam.mp4", frames, FPS, None)
    subprocess.run([ffmpeg, "-y", "-v", "error", "-i", str(folder / "webcam.mp4"),
                    "-pix_fmt", "yuv420p", "-r", "15", str(video)], check=True)  # fmt: skip
    speech_track = padded(speech(digits_as_words(code), voice), 10.0, lead_seconds=2.0)
    audio.write_bytes(resample(speech_track, 48_000).to_wav_bytes())
    return video, audio
