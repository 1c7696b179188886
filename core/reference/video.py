"""Reference videos and voice clips: probed by ffmpeg, checked, then decoded.

All decoding uses the ffmpeg binary shipped by imageio-ffmpeg (there is no ffprobe in that wheel,
so the probe parses `ffmpeg -i` output). Frames come back as RGB uint8 arrays, sound as 16 kHz mono
float32 `Audio`. Limits and errors are in :mod:`core.reference.intake`.
"""

from __future__ import annotations

import dataclasses
import math
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg
import numpy as np

from core.media.audio import Audio
from core.reference.intake import (
    AUDIO_HINT,
    VIDEO_HINT,
    AudioOnlyError,
    AudioTooLongError,
    CorruptMediaError,
    IntakeLimits,
    NoAudioStreamError,
    NotAMediaFileError,
    ResolutionTooHighError,
    UnsupportedFormatError,
    VideoTooLongError,
    VideoTooShortError,
    check_upload_size,
    refuse_wrong_kind,
    sniff_kind,
    thing_named,
)
from core.sentences import sentence

AUDIO_SAMPLE_RATE = 16_000
# ffmpeg demuxer names (as printed after "Input #0,") that we accept.
VIDEO_CONTAINERS = ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm")
AUDIO_CONTAINERS = (*VIDEO_CONTAINERS, "wav", "mp3", "ogg")
FFMPEG_TIMEOUT_SECONDS = 180
# A decode that yields fewer frames than this share of what the header promises is truncated.
MIN_DECODED_SHARE = 0.85


@dataclass(frozen=True)
class VideoInfo:
    """What `ffmpeg -i` says about a file (sizes are as displayed, after rotation)."""

    duration: float
    fps: float
    width: int
    height: int
    has_audio: bool
    codec: str


@dataclass(frozen=True)
class ReferenceVideo:
    """A decoded reference video.

    Attributes:
        frames: RGB uint8 frames, sampled at `fps`, longest side ≤ the requested `max_side`.
        fps: Sampling rate of `frames`.
        duration: Length of the source video in seconds.
        source_size: (width, height) of the source as displayed.
        audio: Its sound as 16 kHz mono, or None when the video has no sound track.
    """

    frames: list[np.ndarray]
    fps: float
    duration: float
    source_size: tuple[int, int]
    audio: Audio | None


@dataclass(frozen=True)
class _Probe:
    container: str
    duration: float | None
    video_codec: str | None
    width: int
    height: int
    fps: float
    has_audio: bool
    partial: bool


# ---------------------------------------------------------------- ffmpeg


def _ffmpeg() -> str:
    return imageio_ffmpeg.get_ffmpeg_exe()


_DURATION = re.compile(r"Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)")
_INPUT = re.compile(r"Input #0, (.+?), from ")
_VIDEO_STREAM = re.compile(r"Stream #0:\d+.*?: Video: (\w+)(.*)")
_SIZE = re.compile(r", (\d{2,5})x(\d{2,5})")
_FPS = re.compile(r"([\d.]+)(k?) (?:fps|tbr)")
_ROTATION = re.compile(r"rotation of (-?[\d.]+) degrees")


def _probe(path: Path) -> _Probe:
    """Read the header with `ffmpeg -i` (no decoding). Raises NotAMediaFileError if unreadable."""
    result = subprocess.run(  # noqa: S603 - fixed binary, path passed as one argument
        [_ffmpeg(), "-hide_banner", "-nostdin", "-i", str(path)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=FFMPEG_TIMEOUT_SECONDS,
        check=False,
    )
    text = result.stderr
    container = _INPUT.search(text)
    if container is None:
        reason = text.strip().splitlines()[-1] if text.strip() else "no details"
        raise NotAMediaFileError(f"ffmpeg: {reason.removeprefix('Error opening input files: ')}")
    duration_match = _DURATION.search(text)
    duration = None
    if duration_match:
        hours, minutes, seconds = duration_match.groups()
        duration = int(hours) * 3600 + int(minutes) * 60 + float(seconds)
    video_codec, width, height, fps = None, 0, 0, 0.0
    for match in _VIDEO_STREAM.finditer(text):
        details = match.group(2)
        if "attached pic" in details:  # cover art in an mp3/m4a is not a video
            continue
        video_codec = match.group(1)
        size = _SIZE.search(details)
        if size:
            width, height = int(size.group(1)), int(size.group(2))
        rate = _FPS.search(details)
        if rate:
            fps = float(rate.group(1)) * (1000 if rate.group(2) else 1)
        break
    rotation = _ROTATION.search(text)
    # Phones store portrait video as landscape plus a rotation; ffmpeg rotates when decoding.
    if rotation and round(abs(float(rotation.group(1)))) % 180 == 90:
        width, height = height, width
    return _Probe(
        container=container.group(1),
        duration=duration,
        video_codec=video_codec,
        width=width,
        height=height,
        fps=fps,
        has_audio=re.search(r"Stream #0:\d+.*?: Audio: ", text) is not None,
        partial="partial file" in text,
    )


def _measure_duration(path: Path) -> float | None:
    """Duration of files whose header has none (browser MediaRecorder webm): remux to null."""
    result = subprocess.run(  # noqa: S603
        [_ffmpeg(), "-hide_banner", "-nostdin", "-i", str(path), "-c", "copy", "-f", "null", "-"],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=FFMPEG_TIMEOUT_SECONDS,
        check=False,
    )
    times = re.findall(r"time=(\d+):(\d\d):(\d\d(?:\.\d+)?)", result.stderr)
    if not times:
        return None
    hours, minutes, seconds = times[-1]
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _open_and_probe(path: Path, limits: IntakeLimits, what: str) -> _Probe:
    """Size check, magic-byte sniff, then header probe; maps ffmpeg failures to user errors."""
    path = Path(path)
    if not path.is_file():
        raise NotAMediaFileError(
            sentence(
                "reference.file_missing",
                "The {what} {name} was not found; please upload it again.",
                what=thing_named(what),
                name=path.name,
            )
        )
    check_upload_size(path.stat().st_size, limits, what)
    with path.open("rb") as handle:
        kind = sniff_kind(handle.read(512))
    refuse_wrong_kind(kind, path.name, what)
    try:
        probe = _probe(path)
    except NotAMediaFileError as error:
        if kind in ("video", "audio"):
            raise CorruptMediaError(
                sentence(
                    "reference.damaged_cannot_open",
                    "The {what} {name} is damaged or incomplete and cannot be opened ({details}). "
                    "Please upload it again or export it anew.",
                    what=thing_named(what),
                    name=path.name,
                    details=str(error),
                )
            ) from error
        raise NotAMediaFileError(
            sentence(
                "reference.unreadable",
                "{name} is not a {what} file we can read. Please upload {hint}.",
                name=path.name,
                what=thing_named(what),
                hint=VIDEO_HINT if what == "video" else AUDIO_HINT,
            )
        ) from error
    if probe.duration is None:
        probe = dataclasses.replace(probe, duration=_measure_duration(path))
    return probe


def _run_decoder(command: list[str], frame_bytes: int) -> tuple[list[bytearray], int, str]:
    """Run an ffmpeg command writing raw chunks to stdout; returns (chunks, exit code, stderr)."""
    chunks: list[bytearray] = []
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors)  # noqa: S603
        assert process.stdout is not None  # set by stdout=PIPE; narrows the type
        try:
            while True:
                chunk = bytearray(frame_bytes)
                filled = process.stdout.readinto(chunk)
                if not filled:
                    break
                chunks.append(chunk[:filled] if filled < frame_bytes else chunk)
        finally:
            process.stdout.close()
            try:
                returncode = process.wait(timeout=FFMPEG_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()  # never leave a stuck decoder behind
                returncode = process.wait()
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace")
    return chunks, returncode, stderr


def _decode_audio(path: Path) -> np.ndarray:
    command = [_ffmpeg(), "-v", "error", "-nostdin", "-i", str(path), "-vn", "-ac", "1"]
    command += ["-ar", str(AUDIO_SAMPLE_RATE), "-f", "f32le", "-"]
    chunks, returncode, stderr = _run_decoder(command, 1 << 20)
    samples = np.frombuffer(b"".join(chunks), dtype="<f4").astype(np.float32)
    if returncode != 0 and samples.size == 0:
        raise CorruptMediaError(
            sentence(
                "reference.sound_not_decoded",
                "The sound in {name} could not be decoded ({details}). "
                "Please upload the file again.",
                name=path.name,
                details=stderr.strip()[-200:],
            )
        )
    return samples


# ---------------------------------------------------------------- videos


def probe_video(path: Path, limits: IntakeLimits | None = None) -> VideoInfo:
    """Describe a video from its header, without decoding any frame.

    Args:
        path: The uploaded file.
        limits: When given, its byte limit is checked before ffmpeg is run.

    Returns:
        Duration, frame rate, displayed size, whether it has sound, and the video codec.

    Raises:
        EmptyFileError, FileTooLargeError: Size problems.
        NotAMediaFileError: Not a video (a text file, a photo, unknown bytes).
        AnimatedGifError: A GIF animation.
        CorruptMediaError: A video container ffmpeg cannot open (truncated header).
        AudioOnlyError: A sound file without pictures.
        UnsupportedFormatError: A video in a container other than mp4/mov/webm.
    """
    probe = _open_and_probe(Path(path), limits or IntakeLimits(max_bytes=2**63), "video")
    if probe.video_codec is None:
        if probe.has_audio:
            raise AudioOnlyError(
                sentence(
                    "reference.sound_no_picture",
                    "{name} has sound but no picture. Please upload {hint} of the subject; a "
                    "separate voice clip can be added under voice.",
                    name=Path(path).name,
                    hint=VIDEO_HINT,
                )
            )
        raise NotAMediaFileError(
            sentence(
                "reference.no_video",
                "{name} has no video. Please upload {hint}.",
                name=Path(path).name,
                hint=VIDEO_HINT,
            )
        )
    if probe.video_codec == "gif":
        refuse_wrong_kind("gif", Path(path).name, "video")
    if probe.container not in VIDEO_CONTAINERS:
        raise UnsupportedFormatError(_unsupported(Path(path).name, probe.container, VIDEO_HINT))
    if probe.duration is None or probe.width == 0 or probe.height == 0:
        raise CorruptMediaError(
            sentence(
                "reference.no_length",
                "{name} has no readable length or picture size; it may be damaged. "
                "Please export or record it again.",
                name=Path(path).name,
            )
        )
    return VideoInfo(
        duration=probe.duration,
        fps=probe.fps or 30.0,  # browsers sometimes write no rate; 30 is the common default
        width=probe.width,
        height=probe.height,
        has_audio=probe.has_audio,
        codec=probe.video_codec,
    )


def check_video_limits(info: VideoInfo, limits: IntakeLimits) -> None:
    """Refuse a probed video that is too short, too long or too big.

    Args:
        info: From `probe_video`.
        limits: The limits to enforce.

    Raises:
        VideoTooShortError, VideoTooLongError, ResolutionTooHighError: With the numbers.
    """
    if info.duration < limits.min_video_seconds:
        raise VideoTooShortError(
            sentence(
                "reference.video_too_short",
                "The video is {seconds:.1f} s long; it must be at least {minimum:g} s "
                "(2–5 s works best).",
                seconds=info.duration,
                minimum=limits.min_video_seconds,
            )
        )
    if info.duration > limits.max_video_seconds:
        raise VideoTooLongError(
            sentence(
                "reference.video_too_long",
                "The video is {seconds:.0f} s long; the limit is {limit:g} s. "
                "Please trim it (2–5 s works best).",
                seconds=info.duration,
                limit=limits.max_video_seconds,
            )
        )
    if info.width * info.height > limits.max_pixels:
        raise ResolutionTooHighError(
            sentence(
                "reference.video_resolution",
                "The video is {width}×{height}; the limit is {megapixels:.1f} megapixels "
                "(e.g. 1920×1080). Please record or export it at 1080p or lower.",
                width=info.width,
                height=info.height,
                megapixels=limits.max_pixels / 1e6,
            )
        )


def _output_size(width: int, height: int, max_side: int) -> tuple[int, int]:
    scale = min(1.0, max_side / max(width, height))
    # Even sizes keep every later encoder (yuv420p) happy.
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def load_reference_video(
    path: Path, limits: IntakeLimits, *, sample_fps: float = 12.0, max_side: int = 720
) -> ReferenceVideo:
    """Check and decode a reference video into sampled, downscaled frames plus its sound.

    Args:
        path: The uploaded mp4, webm or mov file.
        limits: Limits checked on the header before any frame is decoded.
        sample_fps: Frames per second to keep (the source rate if that is lower).
        max_side: Longest side of the returned frames.

    Returns:
        The decoded reference; `audio` is None when the video has no sound track.

    Raises:
        MediaIntakeError: Any subclass, with a message for the user (see `probe_video` and
            `check_video_limits`), or CorruptMediaError when the frames stop early.
    """
    path = Path(path)
    info = probe_video(path, limits)
    check_video_limits(info, limits)
    fps = min(sample_fps, info.fps)
    width, height = _output_size(info.width, info.height, max_side)
    frame_bytes = width * height * 3
    command = [_ffmpeg(), "-v", "error", "-nostdin", "-i", str(path), "-an", "-sn"]
    command += ["-vf", f"fps={fps:g},scale={width}:{height}:flags=area", "-f", "rawvideo"]
    command += ["-pix_fmt", "rgb24", "-"]
    chunks, returncode, _ = _run_decoder(command, frame_bytes)
    frames = [
        np.frombuffer(chunk, np.uint8).reshape(height, width, 3)
        for chunk in chunks
        if len(chunk) == frame_bytes
    ]
    expected = math.floor(info.duration * fps)
    if len(frames) < MIN_DECODED_SHARE * expected or (returncode != 0 and not frames):
        raise CorruptMediaError(
            sentence(
                "reference.video_truncated",
                "{name} is damaged or incomplete: only {decoded:.1f} s of its {seconds:.1f} s "
                "could be decoded. Please upload the complete file.",
                name=path.name,
                decoded=len(frames) / fps,
                seconds=info.duration,
            )
        )
    audio = None
    if info.has_audio:
        samples = _decode_audio(path)
        audio = Audio(samples=samples, sample_rate=AUDIO_SAMPLE_RATE) if samples.size else None
    return ReferenceVideo(
        frames=frames,
        fps=fps,
        duration=info.duration,
        source_size=(info.width, info.height),
        audio=audio,
    )


# ---------------------------------------------------------------- voice clips


def load_audio(path: Path, limits: IntakeLimits) -> Audio:
    """Check and decode a separate voice clip (wav, mp3, m4a, webm, ogg) to 16 kHz mono.

    Args:
        path: The uploaded file (a video's sound track is taken too).
        limits: Byte and duration limits, checked on the header first.

    Returns:
        16 kHz mono float32 audio.

    Raises:
        EmptyFileError, FileTooLargeError, NotAMediaFileError, CorruptMediaError: Bad file.
        NoAudioStreamError: The file has no sound.
        UnsupportedFormatError: Another container.
        AudioTooLongError: Longer than `limits.max_audio_seconds`.
    """
    path = Path(path)
    probe = _open_and_probe(path, limits, "voice clip")
    if not probe.has_audio:
        raise NoAudioStreamError(
            sentence(
                "reference.no_sound",
                "{name} has no sound. Please upload a recording of your voice.",
                name=path.name,
            )
        )
    if probe.container not in AUDIO_CONTAINERS:
        raise UnsupportedFormatError(_unsupported(path.name, probe.container, AUDIO_HINT))
    if probe.duration is not None and probe.duration > limits.max_audio_seconds:
        raise AudioTooLongError(
            sentence(
                "reference.audio_too_long",
                "The voice clip is {seconds:.0f} s long; the limit is {limit:g} s. "
                "Please trim it (10–20 s of speech is plenty).",
                seconds=probe.duration,
                limit=limits.max_audio_seconds,
            )
        )
    samples = _decode_audio(path)
    if samples.size == 0:
        raise CorruptMediaError(
            sentence(
                "reference.no_decodable_sound",
                "{name} contains no decodable sound. Please record it again.",
                name=path.name,
            )
        )
    return Audio(samples=samples, sample_rate=AUDIO_SAMPLE_RATE)


def _unsupported(name: str, container: str, hint: str) -> str:
    return sentence(
        "reference.unsupported_container",
        "{name} is a {container} file. Please upload {hint}.",
        name=name,
        container=container.split(",")[0],
        hint=hint,
    )
