"""Test media made in code from public-domain photos that ship inside packages.

- `astronaut_rgb()`: Eileen Collins (NASA, public domain), from scikit-image.
- `grace_hopper_rgb()`: Grace Hopper (US Navy, public domain), from matplotlib's sample data.

Reference videos are made like a handheld phone video: the photo drifts, zooms and sways a little
over a few seconds. Videos are written with the ffmpeg binary that ships with imageio-ffmpeg
(H.264 yuv420p + AAC for .mp4/.mov, VP9 + Opus for .webm), so nothing here needs the network.
"""

from __future__ import annotations

import math
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

import cv2
import imageio_ffmpeg
import numpy as np
from matplotlib import cbook
from PIL import Image
from skimage import data as skimage_data

from core.media.audio import Audio

SAMPLE_RATE = 16_000


def astronaut_rgb() -> np.ndarray:
    """Eileen Collins, 512×512 RGB uint8."""
    return np.ascontiguousarray(skimage_data.astronaut())


def grace_hopper_rgb() -> np.ndarray:
    """Grace Hopper, 512 wide × 600 high, RGB uint8."""
    with cbook.get_sample_data("grace_hopper.jpg") as handle:
        return np.asarray(Image.open(handle).convert("RGB"))


def moving_photo_frames(
    rgb: np.ndarray, seconds: float, fps: float, size: tuple[int, int] = (360, 480)
) -> list[np.ndarray]:
    """Animate a still photo like a handheld phone video (portrait 360×480 by default).

    The camera slowly pans, breathes in and out (zoom) and sways (small rotation), with
    incommensurate periods so no two frames are identical.

    Args:
        rgb: Source photo, HxWx3 uint8.
        seconds: Clip length.
        fps: Frames per second.
        size: Output (width, height).

    Returns:
        `round(seconds * fps)` RGB uint8 frames of the given size.
    """
    width, height = size
    source_height, source_width = rgb.shape[:2]
    # Cover the output frame with 12 % spare so panning never shows an edge.
    cover = 1.12 * max(width / source_width, height / source_height)
    frame_count = round(seconds * fps)
    frames = []
    for index in range(frame_count):
        t = index / fps
        zoom = cover * (1.0 + 0.03 * math.sin(2 * math.pi * t / 3.1))
        angle = 1.5 * math.sin(2 * math.pi * t / 2.3)
        shift_x = 0.03 * width * math.sin(2 * math.pi * t / 4.7)
        shift_y = 0.02 * height * math.sin(2 * math.pi * t / 3.7 + 1.0)
        matrix = cv2.getRotationMatrix2D((source_width / 2, source_height / 2), angle, zoom)
        matrix[0, 2] += width / 2 - source_width / 2 + shift_x
        matrix[1, 2] += height / 2 - source_height / 2 + shift_y
        frame = cv2.warpAffine(
            rgb, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT
        )
        frames.append(frame)
    return frames


def tone(seconds: float, frequency: float = 180.0, sample_rate: int = SAMPLE_RATE) -> Audio:
    """A voice-like harmonic tone with a syllable-rate amplitude wobble.

    Args:
        seconds: Length.
        frequency: Fundamental in Hz.
        sample_rate: Samples per second.
    """
    t = np.arange(round(seconds * sample_rate)) / sample_rate
    wave = sum(np.sin(2 * np.pi * frequency * k * t) / k for k in range(1, 6))
    envelope = 0.6 + 0.4 * np.sin(2 * np.pi * 4.0 * t)
    samples = 0.25 * envelope * wave / 2.3
    return Audio(samples=samples.astype(np.float32), sample_rate=sample_rate)


def silence(seconds: float, sample_rate: int = SAMPLE_RATE) -> Audio:
    """Digital silence of the given length."""
    return Audio(
        samples=np.zeros(round(seconds * sample_rate), np.float32), sample_rate=sample_rate
    )


def write_wav(path: Path, audio: Audio) -> Path:
    """Write 16-bit PCM mono WAV; returns `path`."""
    Path(path).write_bytes(audio.to_wav_bytes())
    return Path(path)


def _encoder_args(path: Path, codec: str, has_audio: bool) -> list[str]:
    if path.suffix.lower() == ".webm":
        video = ["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "40", "-deadline", "realtime"]
        video += ["-cpu-used", "8", "-pix_fmt", "yuv420p"]
        audio = ["-c:a", "libopus", "-b:a", "48k"] if has_audio else []
        return video + audio
    video = ["-c:v", codec, "-preset", "ultrafast", "-crf", "28", "-pix_fmt", "yuv420p"]
    # Moov atom at the start, like files prepared for the web; truncated files then decode partly.
    audio = ["-c:a", "aac", "-b:a", "64k"] if has_audio else []
    return [*video, *audio, "-movflags", "+faststart"]


def write_video(
    path: Path,
    frames: Sequence[np.ndarray],
    fps: float,
    audio: Audio | None,
    *,
    codec: str = "libx264",
) -> Path:
    """Encode RGB frames (and optional audio) to a video file with the imageio-ffmpeg binary.

    Args:
        path: Output path; `.webm` gives VP9 + Opus, anything else `codec` (H.264) + AAC.
        frames: RGB uint8 frames, all the same even width and height.
        fps: Frame rate.
        audio: Sound track, or None for a silent video.
        codec: Video encoder for non-webm containers.

    Returns:
        `path`.
    """
    path = Path(path)
    height, width = frames[0].shape[:2]
    if width % 2 or height % 2:
        raise ValueError(f"yuv420p needs even sizes; got {width}x{height}.")
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    with tempfile.TemporaryDirectory(prefix="media-factory-") as scratch:
        command = [ffmpeg, "-y", "-v", "error", "-f", "rawvideo", "-pix_fmt", "rgb24"]
        command += ["-s", f"{width}x{height}", "-r", str(fps), "-i", "-"]
        if audio is not None:
            wav_path = write_wav(Path(scratch) / "track.wav", audio)
            command += ["-i", str(wav_path)]
        command += _encoder_args(path, codec, audio is not None)
        command.append(str(path))
        payload = b"".join(
            np.ascontiguousarray(frame, dtype=np.uint8).tobytes() for frame in frames
        )
        subprocess.run(command, input=payload, check=True, capture_output=True)
    return path


def write_color_video(
    path: Path, *, width: int, height: int, seconds: float, fps: float = 1.0, audio: bool = False
) -> Path:
    """Cheaply write a plain-colour video of any size (e.g. 4K for 60 s at 1 fps).

    Args:
        path: Output `.mp4`/`.mov`/`.webm` path.
        width: Frame width.
        height: Frame height.
        seconds: Length.
        fps: Frame rate; keep it low for big frames so writing stays fast.
        audio: Add a sine sound track.

    Returns:
        `path`.
    """
    path = Path(path)
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    source = f"color=c=0x3060a0:s={width}x{height}:r={fps}:d={seconds}"
    command = [ffmpeg, "-y", "-v", "error", "-f", "lavfi", "-i", source]
    if audio:
        command += ["-f", "lavfi", "-i", f"sine=frequency=220:duration={seconds}"]
    command += _encoder_args(path, "libx264", audio)
    command.append(str(path))
    subprocess.run(command, check=True, capture_output=True)
    return path


def write_audio_file(path: Path, audio: Audio) -> Path:
    """Encode audio by the path's suffix: .wav, .mp3, .webm, else AAC (.m4a, audio-only .mp4)."""
    path = Path(path)
    if path.suffix.lower() == ".wav":
        return write_wav(path, audio)
    codecs = {".mp3": ["-c:a", "libmp3lame"], ".webm": ["-c:a", "libopus"]}
    codec = codecs.get(path.suffix.lower(), ["-c:a", "aac"])
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    with tempfile.TemporaryDirectory(prefix="media-factory-") as scratch:
        wav_path = write_wav(Path(scratch) / "track.wav", audio)
        command = [ffmpeg, "-y", "-v", "error", "-i", str(wav_path), *codec, str(path)]
        subprocess.run(command, check=True, capture_output=True)
    return path


def write_animated_gif(path: Path, frames: Sequence[np.ndarray], fps: float) -> Path:
    """Write frames as an animated GIF (the format intake refuses as a video)."""
    images = [Image.fromarray(frame) for frame in frames]
    images[0].save(
        path, save_all=True, append_images=images[1:], duration=round(1000 / fps), loop=0
    )
    return Path(path)


def remux(
    source: Path, target: Path, *, input_args: Sequence[str] = (), output_args: Sequence[str] = ()
) -> Path:
    """Copy streams into a new file with extra ffmpeg options, without re-encoding.

    Examples: `input_args=["-display_rotation", "90"]` makes a phone-style rotated video;
    `output_args=["-live", "1"]` on a .webm gives a file with no duration, like a browser's
    MediaRecorder.
    """
    ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    command = [ffmpeg, "-y", "-v", "error", *input_args, "-i", str(source), "-c", "copy"]
    command += [*output_args, str(target)]
    subprocess.run(command, check=True, capture_output=True)
    return Path(target)
