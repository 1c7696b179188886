"""core.media.video_encode on real encodes: a 2 s 832x480 moving gradient with a 440 Hz tone."""

import struct
import subprocess
from pathlib import Path

import imageio_ffmpeg
import numpy as np
import pytest

from core.media.video_encode import (
    AudioTrack,
    FfmpegFailedError,
    InvalidAudioError,
    InvalidFrameError,
    VideoNotFoundError,
    encode_mp4,
    probe_mp4,
    read_mp4_frames,
)

WIDTH, HEIGHT, FPS, SECONDS = 832, 480, 24, 2
TONE_HZ, SAMPLE_RATE = 440.0, 16_000


def moving_gradient(frame_count: int) -> list[np.ndarray]:
    """Horizontal colour ramp that slides 8 px per frame, over a vertical ramp."""
    columns = np.arange(WIDTH, dtype=np.float32)[None, :]
    rows = np.linspace(0, 255, HEIGHT, dtype=np.float32)[:, None]
    frames = []
    for index in range(frame_count):
        frame = np.empty((HEIGHT, WIDTH, 3), np.uint8)
        frame[..., 0] = ((columns + 8 * index) * 255 / WIDTH) % 256
        frame[..., 1] = np.broadcast_to(rows, (HEIGHT, WIDTH))
        frame[..., 2] = (255 - rows + columns * 0.1) % 256
        frames.append(frame)
    return frames


def tone(seconds: float) -> AudioTrack:
    times = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return AudioTrack((0.4 * np.sin(2 * np.pi * TONE_HZ * times)).astype(np.float32), SAMPLE_RATE)


def decode_audio(path: Path, rate: int = 16_000) -> np.ndarray:
    raw = subprocess.run(
        [
            imageio_ffmpeg.get_ffmpeg_exe(),
            *("-v", "error", "-i", str(path), "-vn"),
            *("-f", "f32le", "-ac", "1", "-ar", str(rate), "-"),
        ],
        capture_output=True,
        check=True,
    ).stdout
    return np.frombuffer(raw, dtype=np.float32)


def top_level_boxes(path: Path) -> list[str]:
    data, offset, names = path.read_bytes(), 0, []
    while offset + 8 <= len(data):
        size, name = struct.unpack(">I4s", data[offset : offset + 8])
        names.append(name.decode("latin-1"))
        offset += size
    return names


@pytest.fixture(scope="module")
def gradient_frames() -> list[np.ndarray]:
    return moving_gradient(FPS * SECONDS)


@pytest.fixture(scope="module")
def clip_with_tone(tmp_path_factory, gradient_frames) -> Path:
    path = tmp_path_factory.mktemp("encode") / "gradient.mp4"
    # 1.5 s of audio under 2 s of video: the encoder must pad, not cut the picture.
    result = encode_mp4(
        iter(gradient_frames), fps=FPS, size=(WIDTH, HEIGHT), audio=tone(1.5), path=path
    )
    assert result.frame_count == FPS * SECONDS
    assert result.has_audio
    return path


def test_probe_reports_duration_rate_frames_size_and_audio(clip_with_tone):
    info = probe_mp4(clip_with_tone)

    assert info.duration_s == pytest.approx(SECONDS, abs=0.05)
    assert info.fps == FPS
    assert info.frame_count == FPS * SECONDS
    assert info.size == (WIDTH, HEIGHT)
    assert info.has_audio
    assert (info.video_codec, info.audio_codec) == ("h264", "aac")


def test_audio_track_carries_the_tone_then_silence(clip_with_tone):
    samples = decode_audio(clip_with_tone)
    speaking, padded = samples[:16_000], samples[int(1.6 * 16_000) : int(1.9 * 16_000)]

    spectrum = np.abs(np.fft.rfft(speaking))
    peak_hz = np.argmax(spectrum) * 16_000 / len(speaking)
    assert peak_hz == pytest.approx(TONE_HZ, abs=3)
    assert np.sqrt(np.mean(speaking**2)) > 0.2
    assert np.sqrt(np.mean(padded**2)) < 0.01


def test_faststart_puts_the_index_before_the_media(clip_with_tone):
    boxes = top_level_boxes(clip_with_tone)

    assert boxes.index("moov") < boxes.index("mdat")


def test_read_every_nth_frame_returns_the_matching_frames(clip_with_tone, gradient_frames):
    decoded = list(read_mp4_frames(clip_with_tone, every_nth=6))

    assert len(decoded) == 8
    # Every 4th pixel is plenty to tell neighbouring frames apart and keeps the test fast.
    sources = np.stack(gradient_frames)[:, ::4, ::4].astype(np.int16)
    for position, frame in enumerate(decoded):
        errors = np.abs(sources - frame[::4, ::4].astype(np.int16)).mean(axis=(1, 2, 3))
        assert int(np.argmin(errors)) == position * 6
        assert errors[position * 6] < 4.0


def test_max_frames_stops_early(clip_with_tone):
    frames = list(read_mp4_frames(clip_with_tone, max_frames=3))

    assert len(frames) == 3
    assert frames[0].shape == (HEIGHT, WIDTH, 3)


def test_silent_clip_has_no_audio_stream(tmp_path, gradient_frames):
    path = tmp_path / "silent.mp4"
    encode_mp4(iter(gradient_frames[:12]), fps=FPS, size=(WIDTH, HEIGHT), audio=None, path=path)

    info = probe_mp4(path)
    assert not info.has_audio
    assert info.frame_count == 12


def test_wrong_frame_shape_fails_and_leaves_no_file(tmp_path, gradient_frames):
    path = tmp_path / "broken.mp4"
    frames = [*gradient_frames[:5], gradient_frames[5][:, :-16]]

    with pytest.raises(InvalidFrameError, match="Frame 5 has shape"):
        encode_mp4(iter(frames), fps=FPS, size=(WIDTH, HEIGHT), audio=None, path=path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("frames", "size", "message"),
    [
        ([], (WIDTH, HEIGHT), "No frames"),
        ([np.zeros((HEIGHT, WIDTH - 1, 3), np.uint8)], (WIDTH - 1, HEIGHT), "even"),
        ([np.zeros((HEIGHT, WIDTH, 3), np.float32)], (WIDTH, HEIGHT), "uint8"),
    ],
)
def test_bad_frames_are_refused(tmp_path, frames, size, message):
    with pytest.raises(InvalidFrameError, match=message):
        encode_mp4(iter(frames), fps=FPS, size=size, audio=None, path=tmp_path / "x.mp4")


def test_stereo_audio_is_refused(tmp_path, gradient_frames):
    stereo = (np.zeros((1000, 2), np.float32), SAMPLE_RATE)

    with pytest.raises(InvalidAudioError, match="mono"):
        encode_mp4(
            iter(gradient_frames[:2]),
            fps=FPS,
            size=(WIDTH, HEIGHT),
            audio=stereo,
            path=tmp_path / "x.mp4",
        )


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(VideoNotFoundError, match="does not exist"):
        probe_mp4(tmp_path / "nope.mp4")


def test_ffmpeg_failure_is_reported_with_its_message_and_leaves_no_file(tmp_path, gradient_frames):
    path = tmp_path / "bad-preset.mp4"

    with pytest.raises(FfmpegFailedError, match="ffmpeg could not encode"):
        encode_mp4(
            iter(gradient_frames),
            fps=FPS,
            size=(WIDTH, HEIGHT),
            audio=None,
            path=path,
            preset="no-such-preset",
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("audio_seconds", [0.4, 3.0])
def test_a_known_duration_bounds_the_file_exactly(tmp_path, gradient_frames, audio_seconds):
    frames = gradient_frames[:FPS]  # one second of video
    rate = 48_000
    tone = (0.3 * np.sin(np.arange(round(audio_seconds * rate)) * 0.05)).astype(np.float32)
    path = tmp_path / "bounded.mp4"
    encode_mp4(iter(frames), fps=FPS, size=(WIDTH, HEIGHT), audio=(tone, rate), path=path,
               duration=len(frames) / FPS)  # fmt: skip
    info = probe_mp4(path)
    assert info.frame_count == FPS and info.has_audio
    assert info.duration_s == pytest.approx(1.0, abs=0.05)  # neither cut short nor overshot
