"""MP4 encoding, decoding and probing with the ffmpeg binary shipped by imageio-ffmpeg.

Every clip the app makes leaves through :func:`encode_mp4`: RGB frames are streamed to ffmpeg's
stdin (so a long clip never sits in memory), the dialogue audio is handed over as a temporary WAV
file, and the result is H.264 (yuv420p, ``+faststart``) with AAC audio, which browsers play with
sound. The output is written to a temporary file next to ``path`` and moved into place only when
ffmpeg succeeded, so a failed encode leaves nothing half-written.

No ``ffprobe`` ships with imageio-ffmpeg, so :func:`probe_mp4` parses the banner that ``ffmpeg -i``
prints and counts frames by stream-copying the video into the null muxer (no decoding).
"""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
import wave
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import IO, Literal, TypeAlias

import imageio_ffmpeg
import numpy as np

X264Preset: TypeAlias = Literal["ultrafast", "superfast", "veryfast", "faster", "fast", "medium"]

# Chosen by measurement on the 2-core dev machine (see docs/provenance.md): "veryfast" encodes
# 832x480 well above real time while giving much smaller files than "ultrafast", which also
# disables CABAC and B-frames and therefore needs ~2x the bitrate at the same CRF.
DEFAULT_PRESET: X264Preset = "veryfast"
# CRF 20 keeps the invisible watermark (a small chroma perturbation) readable after encoding;
# the x264 default of 23 erodes it noticeably on flat animatic backgrounds.
DEFAULT_CRF = 20
AUDIO_BITRATE = "128k"
# AAC in MP4 is safest at 48 kHz: every browser decoder supports it.
AUDIO_OUTPUT_RATE = 48_000
MAX_STDERR_CHARS = 2_000


class VideoEncodeError(Exception):
    """Base class for every error raised by this module."""


class InvalidFrameError(VideoEncodeError):
    """A frame handed to the encoder has the wrong shape or type."""


class InvalidAudioError(VideoEncodeError):
    """The audio handed to the encoder cannot be written."""


class FfmpegFailedError(VideoEncodeError):
    """The ffmpeg binary exited with an error."""


class VideoNotFoundError(VideoEncodeError):
    """The video file to read does not exist."""


@dataclass(frozen=True)
class AudioTrack:
    """Mono audio: float32 samples in [-1, 1] and their sample rate in Hz."""

    samples: np.ndarray
    sample_rate: int


@dataclass(frozen=True)
class EncodedVideo:
    """What :func:`encode_mp4` wrote."""

    path: Path
    frame_count: int
    fps: float
    size: tuple[int, int]
    has_audio: bool


@dataclass(frozen=True)
class VideoInfo:
    """Facts about an MP4 file, read with the ffmpeg binary."""

    duration_s: float
    fps: float
    frame_count: int
    width: int
    height: int
    has_audio: bool
    video_codec: str
    audio_codec: str | None

    @property
    def size(self) -> tuple[int, int]:
        """(width, height) in pixels."""
        return (self.width, self.height)


def encode_mp4(
    frames: Iterable[np.ndarray],
    *,
    fps: float,
    size: tuple[int, int],
    audio: AudioTrack | tuple[np.ndarray, int] | None,
    path: Path | str,
    preset: X264Preset = DEFAULT_PRESET,
    crf: int = DEFAULT_CRF,
    duration: float | None = None,
) -> EncodedVideo:
    """Encode RGB frames (and optional mono audio) into a browser-playable MP4.

    When the caller knows the clip's length (``duration``, seconds), the audio is padded or
    cut to exactly that length and the output is bounded to it: ffmpeg's ``-shortest`` with
    open-ended padding can overshoot the last frame by its interleaving buffer.

    Args:
        frames: RGB uint8 arrays of shape (height, width, 3); consumed lazily.
        fps: Frames per second of the output.
        size: (width, height) of every frame; both even, as yuv420p requires.
        audio: Mono float32 samples with their rate, or None for a silent clip. Audio shorter
            than the video is padded with silence; longer audio is cut at the last frame.
        path: Where to write the MP4. Replaced atomically when the encode succeeds.
        preset: x264 speed preset.
        crf: x264 constant rate factor (lower is better quality and bigger files).

    Returns:
        An :class:`EncodedVideo` describing the written file.

    Raises:
        InvalidFrameError: A frame is not RGB uint8 of the given size, the size is odd, or there
            are no frames at all.
        InvalidAudioError: The audio is not mono, empty, or has a non-positive sample rate.
        FfmpegFailedError: ffmpeg could not encode the clip.
    """
    width, height = _check_size(size)
    if fps <= 0:
        raise InvalidFrameError(f"The frame rate must be positive; got {fps}.")
    audio_track = _as_audio_track(audio)
    final_path = Path(path)
    final_path.parent.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="encode-", dir=final_path.parent) as work_dir:
        work = Path(work_dir)
        wav_path = work / "audio.wav" if audio_track is not None else None
        if audio_track is not None and wav_path is not None:
            if duration is not None:
                audio_track = _fit_audio(audio_track, duration)
            _write_wav(audio_track, wav_path)
        partial_path = work / "video.mp4"
        command = _encode_command(
            fps, width, height, wav_path, partial_path, preset, crf, duration=duration
        )
        frame_count = _run_encoder(command, frames, width, height, work / "ffmpeg.log")
        # Same directory, so the rename is atomic and readers never see a partial file.
        os.replace(partial_path, final_path)
    return EncodedVideo(
        path=final_path,
        frame_count=frame_count,
        fps=float(fps),
        size=(width, height),
        has_audio=audio_track is not None,
    )


def read_mp4_frames(
    path: Path | str, *, every_nth: int = 1, max_frames: int | None = None
) -> Iterator[np.ndarray]:
    """Decode frames of a video file as RGB uint8 arrays.

    Args:
        path: The video file.
        every_nth: Yield frames 0, n, 2n, ... (ffmpeg drops the others before colour conversion,
            which is what makes sparse sampling cheap).
        max_frames: Stop after this many yielded frames.

    Returns:
        An iterator of (height, width, 3) uint8 arrays.

    Raises:
        VideoNotFoundError: The file does not exist.
        InvalidFrameError: ``every_nth`` or ``max_frames`` is not positive.
        FfmpegFailedError: ffmpeg could not decode the file.
    """
    source = _existing_file(path)
    if every_nth < 1:
        raise InvalidFrameError(f"every_nth must be 1 or more; got {every_nth}.")
    if max_frames is not None and max_frames < 1:
        raise InvalidFrameError(f"max_frames must be 1 or more; got {max_frames}.")
    return _decode_frames(source, every_nth, max_frames)


def probe_mp4(path: Path | str) -> VideoInfo:
    """Read duration, frame rate, frame count, size and streams of a video file.

    Args:
        path: The video file.

    Returns:
        A :class:`VideoInfo`.

    Raises:
        VideoNotFoundError: The file does not exist.
        FfmpegFailedError: The file is not a video ffmpeg can read.
    """
    source = _existing_file(path)
    banner = _run_ffmpeg(["-hide_banner", "-i", str(source)], allow_failure=True)
    video_match = _VIDEO_STREAM.search(banner)
    if video_match is None:
        raise FfmpegFailedError(f"{source.name} has no video stream ffmpeg can read.")
    audio_match = _AUDIO_STREAM.search(banner)
    return VideoInfo(
        duration_s=_parse_duration(banner),
        fps=_parse_fps(video_match.group("rest")),
        frame_count=_count_frames(source),
        width=int(video_match.group("width")),
        height=int(video_match.group("height")),
        has_audio=audio_match is not None,
        video_codec=video_match.group("codec"),
        audio_codec=audio_match.group("codec") if audio_match else None,
    )


# --- encoding helpers ---------------------------------------------------------------------------


def _check_size(size: tuple[int, int]) -> tuple[int, int]:
    width, height = int(size[0]), int(size[1])
    if width < 2 or height < 2 or width % 2 or height % 2:
        raise InvalidFrameError(
            f"The video size must be even in both directions for H.264; got {width}x{height}."
        )
    return width, height


def _as_audio_track(audio: AudioTrack | tuple[np.ndarray, int] | None) -> AudioTrack | None:
    if audio is None:
        return None
    track = audio if isinstance(audio, AudioTrack) else AudioTrack(*audio)
    samples = np.asarray(track.samples)
    if samples.ndim != 1:
        raise InvalidAudioError(f"Audio must be mono (one channel); got shape {samples.shape}.")
    if samples.size == 0:
        raise InvalidAudioError("The audio track is empty; pass None for a silent clip.")
    if track.sample_rate <= 0:
        raise InvalidAudioError(f"The audio sample rate must be positive; got {track.sample_rate}.")
    return AudioTrack(samples=samples.astype(np.float32, copy=False), sample_rate=track.sample_rate)


def _fit_audio(track: AudioTrack, duration: float) -> AudioTrack:
    """Pad with silence or cut, to exactly ``duration`` seconds."""
    length = max(1, round(duration * track.sample_rate))
    samples = np.zeros(length, dtype=np.float32)
    kept = track.samples[:length]
    samples[: len(kept)] = kept
    return AudioTrack(samples=samples, sample_rate=track.sample_rate)


def _write_wav(track: AudioTrack, wav_path: Path) -> None:
    # 16-bit PCM is lossless enough for speech that is AAC-encoded next, and the stdlib writes it.
    pcm = (np.clip(track.samples, -1.0, 1.0) * 32767.0).astype("<i2")
    with wave.open(str(wav_path), "wb") as wav_file:
        wav_file.setnchannels(1)
        wav_file.setsampwidth(2)
        wav_file.setframerate(track.sample_rate)
        wav_file.writeframes(pcm.tobytes())


def _encode_command(
    fps: float,
    width: int,
    height: int,
    wav_path: Path | None,
    output_path: Path,
    preset: X264Preset,
    crf: int,
    *,
    duration: float | None = None,
) -> list[str]:
    # A rational frame rate keeps 24000/1001-style rates exact.
    rate = str(Fraction(fps).limit_denominator(1001))
    command = ["-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}", "-r", rate]
    command += ["-i", "-"]
    if wav_path is not None:
        command += ["-i", str(wav_path)]
    command += ["-map", "0:v:0", "-c:v", "libx264", "-preset", preset, "-crf", str(crf)]
    command += ["-pix_fmt", "yuv420p"]
    if wav_path is not None:
        if duration is None:
            # apad + -shortest: silence fills short audio, and the video's length decides the end.
            command += ["-map", "1:a:0", "-af", "apad", "-shortest", "-c:a", "aac"]
        else:  # the audio already has the clip's exact length
            command += ["-map", "1:a:0", "-c:a", "aac", "-t", f"{duration:.6f}"]
        command += ["-b:a", AUDIO_BITRATE, "-ar", str(AUDIO_OUTPUT_RATE), "-ac", "1"]
    command += ["-movflags", "+faststart", "-f", "mp4", str(output_path)]
    return command


def _run_encoder(
    command: list[str], frames: Iterable[np.ndarray], width: int, height: int, log_path: Path
) -> int:
    executable = imageio_ffmpeg.get_ffmpeg_exe()
    full_command = [executable, "-y", "-hide_banner", "-loglevel", "error", *command]
    frame_count = 0
    # stderr goes to a file, not a pipe: a full pipe buffer would block ffmpeg while we block on
    # its stdin, and nobody would ever move again.
    with log_path.open("w+b") as log_file:
        # Unbuffered stdin: closing it after ffmpeg died must not try to flush and raise again.
        process = subprocess.Popen(  # noqa: S603 - fixed binary, arguments built above
            full_command,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=log_file,
            bufsize=0,
        )
        stdin = process.stdin
        if stdin is None:
            raise FfmpegFailedError("Could not open a pipe to ffmpeg.")
        try:
            for frame in frames:
                _check_frame(frame, width, height, frame_count)
                stdin.write(np.ascontiguousarray(frame).tobytes())
                frame_count += 1
        except BrokenPipeError:
            process.wait()
            raise FfmpegFailedError(_failure_message("encode", log_file)) from None
        except BaseException:
            # Our own failure (bad frame, caller's generator raised): stop ffmpeg, then re-raise.
            process.kill()
            process.wait()
            raise
        finally:
            if not stdin.closed:
                stdin.close()
        return_code = process.wait()
        if frame_count == 0:
            raise InvalidFrameError("No frames were given, so there is no video to encode.")
        if return_code != 0:
            raise FfmpegFailedError(_failure_message("encode", log_file))
    return frame_count


def _check_frame(frame: np.ndarray, width: int, height: int, index: int) -> None:
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8:
        kind = getattr(frame, "dtype", type(frame).__name__)
        raise InvalidFrameError(f"Frame {index} must be a uint8 RGB array; got {kind}.")
    if frame.shape != (height, width, 3):
        raise InvalidFrameError(
            f"Frame {index} has shape {frame.shape}; every frame must be {(height, width, 3)}."
        )


def _failure_message(action: str, log_file: IO[bytes]) -> str:
    log_file.flush()
    log_file.seek(0)
    details = log_file.read().decode(errors="replace").strip()[-MAX_STDERR_CHARS:]
    return f"ffmpeg could not {action} the video: {details or 'no error output'}"


# --- decoding and probing helpers ---------------------------------------------------------------

_DURATION = re.compile(r"Duration:\s*(\d+):(\d+):(\d+(?:\.\d+)?)")
_VIDEO_STREAM = re.compile(
    r"Stream #\S+.*?: Video: (?P<codec>\w+)(?P<details>.*?), (?P<width>\d{2,5})x(?P<height>\d{2,5})"
    r"(?P<rest>.*)"
)
_AUDIO_STREAM = re.compile(r"Stream #\S+.*?: Audio: (?P<codec>\w+)")
_FPS = re.compile(r"(\d+(?:\.\d+)?)\s*fps")
_FRAME_PROGRESS = re.compile(r"frame=\s*(\d+)")


def _existing_file(path: Path | str) -> Path:
    source = Path(path)
    if not source.is_file():
        raise VideoNotFoundError(f"The video file {source} does not exist.")
    return source


def _decode_frames(source: Path, every_nth: int, max_frames: int | None) -> Iterator[np.ndarray]:
    output_params: list[str] = []
    if every_nth > 1:
        # The comma must be escaped inside a filter expression.
        output_params = ["-vf", f"select=not(mod(n\\,{every_nth}))", "-fps_mode", "passthrough"]
    reader = imageio_ffmpeg.read_frames(str(source), pix_fmt="rgb24", output_params=output_params)
    try:
        meta = next(reader)
    except (RuntimeError, OSError) as error:
        raise FfmpegFailedError(f"ffmpeg could not read {source.name}: {error}") from error
    width, height = meta["size"]
    yielded = 0
    try:
        for raw in reader:
            yield np.frombuffer(raw, dtype=np.uint8).reshape(height, width, 3)
            yielded += 1
            if max_frames is not None and yielded >= max_frames:
                return
    finally:
        reader.close()


def _run_ffmpeg(arguments: list[str], *, allow_failure: bool = False) -> str:
    completed = subprocess.run(  # noqa: S603 - fixed binary, arguments built by this module
        [imageio_ffmpeg.get_ffmpeg_exe(), *arguments],
        capture_output=True,
        check=False,
    )
    output = completed.stderr.decode(errors="replace")
    if completed.returncode != 0 and not allow_failure:
        raise FfmpegFailedError(f"ffmpeg failed: {output.strip()[-MAX_STDERR_CHARS:]}")
    return output


def _parse_duration(banner: str) -> float:
    match = _DURATION.search(banner)
    if match is None:
        return 0.0
    hours, minutes, seconds = match.groups()
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def _parse_fps(stream_details: str) -> float:
    match = _FPS.search(stream_details)
    return float(match.group(1)) if match else 0.0


def _count_frames(source: Path) -> int:
    # Stream copy into the null muxer counts packets without decoding a single frame.
    log = _run_ffmpeg(
        ["-hide_banner", "-i", str(source), "-map", "0:v:0", "-c", "copy", "-f", "null", "-"]
    )
    counts = _FRAME_PROGRESS.findall(log)
    if not counts:
        raise FfmpegFailedError(f"ffmpeg did not report a frame count for {source.name}.")
    return int(counts[-1])
