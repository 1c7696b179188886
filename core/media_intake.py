"""Decode what users upload: reference videos, photos and voice clips.

Every limit (bytes, duration, resolution, format) is checked *before* heavy work: a file is first
sniffed by its magic bytes, then probed by `ffmpeg -i` (header only), and only then decoded. The
real format comes from the bytes and from ffmpeg, never from the file name.

All decoding uses the ffmpeg binary shipped by imageio-ffmpeg (there is no ffprobe in that wheel,
so the probe parses `ffmpeg -i` output). Frames come back as RGB uint8 arrays, sound as 16 kHz mono
float32 `Audio`.
"""

from __future__ import annotations

import dataclasses
import io
import math
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import imageio_ffmpeg
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from core.audio import Audio

AUDIO_SAMPLE_RATE = 16_000
# ffmpeg demuxer names (as printed after "Input #0,") that we accept.
VIDEO_CONTAINERS = ("mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm")
AUDIO_CONTAINERS = (*VIDEO_CONTAINERS, "wav", "mp3", "ogg")
PHOTO_FORMATS = ("JPEG", "PNG", "WEBP")
FFMPEG_TIMEOUT_SECONDS = 180
VIDEO_HINT = "an mp4, webm or mov video"
AUDIO_HINT = "a wav, mp3, m4a or webm recording"
PHOTO_HINT = "a JPEG, PNG or WebP photo"
# A decode that yields fewer frames than this share of what the header promises is truncated.
MIN_DECODED_SHARE = 0.85


class MediaIntakeError(Exception):
    """Base error for uploads we cannot use; the message tells the user what to do."""


class EmptyFileError(MediaIntakeError):
    """The upload has zero bytes."""


class FileTooLargeError(MediaIntakeError):
    """The upload exceeds the byte limit."""


class NotAMediaFileError(MediaIntakeError):
    """The bytes are not a video/audio/photo at all (e.g. a text file renamed .mp4)."""


class UnsupportedFormatError(MediaIntakeError):
    """A real media file, but in a container or format we do not take."""


class AnimatedGifError(UnsupportedFormatError):
    """A GIF was given where a video was expected."""


class UnsupportedPhotoFormatError(UnsupportedFormatError):
    """A photo that is not JPEG, PNG or WebP."""


class CorruptMediaError(MediaIntakeError):
    """The file is damaged or incomplete (e.g. a truncated upload)."""


class AudioOnlyError(MediaIntakeError):
    """A sound file was given where a video was expected."""


class NoAudioStreamError(MediaIntakeError):
    """A voice clip without any sound track."""


class VideoTooShortError(MediaIntakeError):
    """The video is shorter than the minimum."""


class VideoTooLongError(MediaIntakeError):
    """The video is longer than the maximum."""


class ResolutionTooHighError(MediaIntakeError):
    """The video or photo has more pixels than allowed."""


class AudioTooLongError(MediaIntakeError):
    """The voice clip is longer than the maximum."""


class TooManyPhotosError(MediaIntakeError):
    """More photos than the limit."""


@dataclass(frozen=True)
class IntakeLimits:
    """What an upload may be.

    Attributes:
        max_bytes: Largest accepted file.
        min_video_seconds: Shortest reference video.
        max_video_seconds: Longest reference video.
        max_pixels: Largest video frame (width × height); photos above it are downscaled.
        max_photos: Most photos per double.
        max_audio_seconds: Longest separate voice clip.
        max_photo_pixels: Largest photo we agree to decode at all (guards against
            decompression bombs; ordinary 12–48 MP phone photos pass and are downscaled).
    """

    max_bytes: int = 100 * 1024 * 1024
    min_video_seconds: float = 2.0
    max_video_seconds: float = 30.0
    max_pixels: int = 1920 * 1080
    max_photos: int = 4
    max_audio_seconds: float = 60.0
    max_photo_pixels: int = 64_000_000


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


# ---------------------------------------------------------------- sniffing and limits


def _check_size(size: int, limits: IntakeLimits, what: str) -> None:
    if size == 0:
        raise EmptyFileError(f"The {what} is empty (0 bytes). Please choose the file again.")
    if size > limits.max_bytes:
        raise FileTooLargeError(
            f"The {what} is {size / 1e6:.1f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB. "
            "Please upload a shorter or smaller file."
        )


def _sniff(head: bytes) -> str:
    """Name a file's kind from its first bytes: video, audio, gif, photo, text or ''."""
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:3] == b"\xff\xd8\xff" or head[:8] == b"\x89PNG\r\n\x1a\n":
        return "photo"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "photo"
    if head[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free", b"skip") or (
        head[:4] == b"\x1a\x45\xdf\xa3"
    ):
        return "video"
    if (
        head[:4] in (b"RIFF", b"OggS")
        or head[:3] == b"ID3"
        or head[:2] in (b"\xff\xfb", b"\xff\xf3")
    ):
        return "audio"
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError:
            return ""
        return "text"
    return ""


def _refuse_by_sniff(kind: str, name: str, what: str) -> None:
    """Refuse files whose first bytes already show they are the wrong kind for `what`."""
    hint = VIDEO_HINT if what == "video" else AUDIO_HINT
    if kind == "text":
        raise NotAMediaFileError(
            f"{name} is a text file, not a {what} (whatever its name says). Please upload {hint}."
        )
    if kind == "gif":
        raise AnimatedGifError(
            f"{name} is a GIF animation. Please upload {hint}"
            + (", or a still photo instead." if what == "video" else ".")
        )
    if kind == "photo":
        raise NotAMediaFileError(
            f"{name} is a photo, not a {what}. "
            + ("Add it under photos, or " if what == "video" else "")
            + f"upload {hint}."
        )


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
        raise NotAMediaFileError(f"The {what} {path.name} was not found; please upload it again.")
    _check_size(path.stat().st_size, limits, what)
    with path.open("rb") as handle:
        kind = _sniff(handle.read(512))
    _refuse_by_sniff(kind, path.name, what)
    try:
        probe = _probe(path)
    except NotAMediaFileError as error:
        if kind in ("video", "audio"):
            raise CorruptMediaError(
                f"The {what} {path.name} is damaged or incomplete and cannot be opened ({error}). "
                "Please upload it again or export it anew."
            ) from error
        raise NotAMediaFileError(
            f"{path.name} is not a {what} file we can read. "
            f"Please upload {VIDEO_HINT if what == 'video' else AUDIO_HINT}."
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
            f"The sound in {path.name} could not be decoded ({stderr.strip()[-200:]}). "
            "Please upload the file again."
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
                f"{Path(path).name} has sound but no picture. Please upload {VIDEO_HINT} of the "
                "subject; a separate voice clip can be added under voice."
            )
        raise NotAMediaFileError(f"{Path(path).name} has no video. Please upload {VIDEO_HINT}.")
    if probe.video_codec == "gif":
        _refuse_by_sniff("gif", Path(path).name, "video")
    if probe.container not in VIDEO_CONTAINERS:
        raise UnsupportedFormatError(
            f"{Path(path).name} is a {probe.container.split(',')[0]} file. "
            f"Please upload {VIDEO_HINT}."
        )
    if probe.duration is None or probe.width == 0 or probe.height == 0:
        raise CorruptMediaError(
            f"{Path(path).name} has no readable length or picture size; it may be damaged. "
            "Please export or record it again."
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
            f"The video is {info.duration:.1f} s long; it must be at least "
            f"{limits.min_video_seconds:g} s (2–5 s works best)."
        )
    if info.duration > limits.max_video_seconds:
        raise VideoTooLongError(
            f"The video is {info.duration:.0f} s long; "
            f"the limit is {limits.max_video_seconds:g} s. "
            "Please trim it (2–5 s works best)."
        )
    if info.width * info.height > limits.max_pixels:
        raise ResolutionTooHighError(
            f"The video is {info.width}×{info.height}; the limit is "
            f"{limits.max_pixels / 1e6:.1f} megapixels (e.g. 1920×1080). "
            "Please record or export it at 1080p or lower."
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
            f"{path.name} is damaged or incomplete: only {len(frames) / fps:.1f} s of its "
            f"{info.duration:.1f} s could be decoded. Please upload the complete file."
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
            f"{path.name} has no sound. Please upload a recording of your voice."
        )
    if probe.container not in AUDIO_CONTAINERS:
        raise UnsupportedFormatError(
            f"{path.name} is a {probe.container.split(',')[0]} file. Please upload {AUDIO_HINT}."
        )
    if probe.duration is not None and probe.duration > limits.max_audio_seconds:
        raise AudioTooLongError(
            f"The voice clip is {probe.duration:.0f} s long; the limit is "
            f"{limits.max_audio_seconds:g} s. Please trim it (10–20 s of speech is plenty)."
        )
    samples = _decode_audio(path)
    if samples.size == 0:
        raise CorruptMediaError(f"{path.name} contains no decodable sound. Please record it again.")
    return Audio(samples=samples, sample_rate=AUDIO_SAMPLE_RATE)


# ---------------------------------------------------------------- photos


def check_photo_count(count: int, limits: IntakeLimits) -> None:
    """Refuse more photos than allowed.

    Raises:
        TooManyPhotosError: `count` exceeds `limits.max_photos`.
    """
    if count > limits.max_photos:
        raise TooManyPhotosError(
            f"You chose {count} photos; the limit is {limits.max_photos}. "
            "Please keep the best ones."
        )


def _open_photo(data: bytes, limits: IntakeLimits) -> Image.Image:
    _check_size(len(data), limits, "photo")
    kind = _sniff(data[:512])
    if kind == "gif":
        raise UnsupportedPhotoFormatError(
            f"GIF images are not supported. Please upload {PHOTO_HINT}; for motion, "
            "upload an mp4, webm or mov video."
        )
    try:
        image = Image.open(io.BytesIO(data))
    except UnidentifiedImageError as error:
        if kind == "video":
            raise NotAMediaFileError(
                f"This is a video, not a photo. Add it as the reference video, or "
                f"upload {PHOTO_HINT}."
            ) from error
        raise NotAMediaFileError(
            f"This file is not a photo. Please upload {PHOTO_HINT}."
        ) from error
    if image.format not in PHOTO_FORMATS:
        raise UnsupportedPhotoFormatError(
            f"This photo is in {image.format} format. Please upload {PHOTO_HINT}."
        )
    pixels = image.width * image.height
    if pixels > limits.max_photo_pixels:
        raise ResolutionTooHighError(
            f"The photo is {image.width}×{image.height} ({pixels / 1e6:.0f} MP); the limit is "
            f"{limits.max_photo_pixels / 1e6:.0f} MP. Please upload a smaller photo."
        )
    if image.format == "JPEG":
        # Let libjpeg decode at 1/2, 1/4 or 1/8 scale when the photo is far over the limit.
        scale = math.sqrt(limits.max_pixels / pixels)
        image.draft("RGB", (math.ceil(image.width * scale), math.ceil(image.height * scale)))
    try:
        image.load()
    except (OSError, SyntaxError) as error:
        raise CorruptMediaError(
            f"The photo is damaged or incomplete ({error}). Please upload it again."
        ) from error
    return image


def _to_rgba(image: Image.Image) -> Image.Image:
    """Any Pillow mode → RGBA, with 16/32-bit integer images scaled (not clipped) to 8 bits."""
    if image.mode in ("I;16", "I;16L", "I;16B", "I;16N", "I"):
        values = np.asarray(image, dtype=np.float64)
        top = 65535.0 if values.max(initial=0) > 255 else 255.0
        gray = np.clip(values * (255.0 / top) + 0.5, 0, 255).astype(np.uint8)
        return Image.fromarray(gray, "L").convert("RGBA")
    if image.mode == "F":
        gray = np.clip(np.asarray(image) * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return Image.fromarray(gray, "L").convert("RGBA")
    if image.mode == "P" and "transparency" in image.info:
        return image.convert("RGBA")
    if image.mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        return image.convert("RGBA")
    return image.convert("RGB").convert("RGBA")


def _fit_pixels(image: Image.Image, max_pixels: int) -> Image.Image:
    pixels = image.width * image.height
    if pixels <= max_pixels:
        return image
    scale = math.sqrt(max_pixels / pixels)
    size = (max(1, int(image.width * scale)), max(1, int(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS)


def load_photo_rgba(data: bytes, limits: IntakeLimits) -> np.ndarray:
    """Decode a photo upright, keeping transparency (a character PNG is its own matte).

    Args:
        data: The uploaded JPEG, PNG or WebP bytes.
        limits: `max_bytes`, `max_photo_pixels` (refused above) and `max_pixels`
            (downscaled above).

    Returns:
        HxWx4 uint8 RGBA; alpha is 255 everywhere for photos without transparency.

    Raises:
        EmptyFileError, FileTooLargeError, NotAMediaFileError, UnsupportedPhotoFormatError,
        ResolutionTooHighError, CorruptMediaError: With a message for the user.
    """
    image = _open_photo(data, limits)
    # Phones store the sensor orientation plus an EXIF tag; apply it so faces are upright.
    upright = ImageOps.exif_transpose(image)
    return np.asarray(_fit_pixels(_to_rgba(upright), limits.max_pixels), dtype=np.uint8).copy()


def load_photo(data: bytes, limits: IntakeLimits) -> np.ndarray:
    """Decode a photo upright as RGB; transparent parts are composited on white.

    Args:
        data: The uploaded JPEG, PNG or WebP bytes.
        limits: See `load_photo_rgba`.

    Returns:
        HxWx3 uint8 RGB.

    Raises:
        MediaIntakeError: See `load_photo_rgba`.
    """
    rgba = load_photo_rgba(data, limits).astype(np.float32)
    alpha = rgba[..., 3:4] / 255.0
    rgb = rgba[..., :3] * alpha + 255.0 * (1.0 - alpha)
    return np.clip(rgb + 0.5, 0, 255).astype(np.uint8)
