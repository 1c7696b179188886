"""Reference intake on real media written by ffmpeg: good files decode, bad files say why."""

from __future__ import annotations

import io
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.media.audio import Audio
from core.reference.intake import (
    AnimatedGifError,
    AudioOnlyError,
    AudioTooLongError,
    CorruptMediaError,
    EmptyFileError,
    FileTooLargeError,
    IntakeLimits,
    NoAudioStreamError,
    NotAMediaFileError,
    ResolutionTooHighError,
    TooManyPhotosError,
    UnsupportedPhotoFormatError,
    VideoTooLongError,
    VideoTooShortError,
)
from core.reference.photo import check_photo_count, load_photo, load_photo_rgba
from core.reference.video import load_audio, load_reference_video, probe_video
from tests.media_factory import (
    astronaut_rgb,
    grace_hopper_rgb,
    moving_photo_frames,
    remux,
    tone,
    write_animated_gif,
    write_audio_file,
    write_color_video,
    write_video,
)

LIMITS = IntakeLimits()
SECONDS, FPS, SIZE = 3.0, 24, (360, 480)
TONE_HZ = 180.0


@pytest.fixture(scope="module")
def source_frames() -> list[np.ndarray]:
    return moving_photo_frames(astronaut_rgb(), SECONDS, FPS, SIZE)


@pytest.fixture(scope="module")
def media(tmp_path_factory: pytest.TempPathFactory, source_frames: list[np.ndarray]) -> Path:
    folder = tmp_path_factory.mktemp("media")
    voice = tone(SECONDS, TONE_HZ)
    for extension in ("mp4", "webm", "mov"):
        write_video(folder / f"clip.{extension}", source_frames, FPS, voice)
    write_video(folder / "silent.mp4", source_frames, FPS, None)
    write_video(folder / "short.mp4", source_frames[: int(1.5 * FPS)], FPS, None)
    write_color_video(folder / "uhd_60s.mp4", width=3840, height=2160, seconds=60, fps=1)
    write_color_video(folder / "uhd_3s.mp4", width=3840, height=2160, seconds=3, fps=1)
    for extension in ("wav", "mp3", "m4a", "webm"):
        write_audio_file(folder / f"voice.{extension}", voice)
    write_audio_file(folder / "voice_only.mp4", voice)
    write_animated_gif(folder / "moving.gif", source_frames[:6], FPS)
    remux(folder / "clip.mp4", folder / "rotated.mp4", input_args=["-display_rotation", "90"])
    remux(folder / "clip.webm", folder / "recorded.webm", output_args=["-live", "1"])
    (folder / "notes.mp4").write_text("These are my notes, not a video.\n")
    (folder / "empty.mp4").write_bytes(b"")
    whole = (folder / "clip.mp4").read_bytes()
    (folder / "half.mp4").write_bytes(whole[: len(whole) // 2])
    (folder / "header_only.mp4").write_bytes(whole[:2000])
    return folder


def dominant_frequency(audio: Audio) -> float:
    spectrum = np.abs(np.fft.rfft(audio.samples))
    return float(np.fft.rfftfreq(audio.samples.size, 1 / audio.sample_rate)[spectrum.argmax()])


@pytest.mark.parametrize(
    ("name", "codec"), [("clip.mp4", "h264"), ("clip.webm", "vp9"), ("clip.mov", "h264")]
)
def test_probe_reads_the_header(media: Path, name: str, codec: str) -> None:
    info = probe_video(media / name)
    assert info.duration == pytest.approx(SECONDS, abs=0.05)
    assert info.fps == pytest.approx(FPS)
    assert (info.width, info.height) == SIZE
    assert info.has_audio
    assert info.codec == codec


@pytest.mark.parametrize("name", ["clip.mp4", "clip.webm", "clip.mov"])
def test_reference_video_decodes_frames_and_voice(
    media: Path, name: str, source_frames: list[np.ndarray]
) -> None:
    video = load_reference_video(media / name, LIMITS, sample_fps=12)
    assert video.fps == 12
    assert video.duration == pytest.approx(SECONDS, abs=0.05)
    assert abs(len(video.frames) - SECONDS * 12) <= 1
    assert video.source_size == SIZE
    assert video.frames[0].shape == (SIZE[1], SIZE[0], 3)
    assert video.frames[0].dtype == np.uint8
    # Sampled frame k shows source frame 2k (24 → 12 fps); lossy codecs keep it close.
    difference = np.abs(video.frames[5].astype(int) - source_frames[10].astype(int)).mean()
    assert difference < 12
    assert video.audio is not None
    assert video.audio.sample_rate == 16_000
    assert video.audio.duration == pytest.approx(SECONDS, abs=0.1)
    assert dominant_frequency(video.audio) == pytest.approx(TONE_HZ, abs=3)


def test_frames_are_downscaled_to_max_side(media: Path) -> None:
    video = load_reference_video(media / "clip.mp4", LIMITS, sample_fps=6, max_side=240)
    assert video.frames[0].shape == (240, 180, 3)
    assert video.fps == 6
    assert abs(len(video.frames) - SECONDS * 6) <= 1


def test_phone_rotation_is_applied(media: Path) -> None:
    info = probe_video(media / "rotated.mp4")
    assert (info.width, info.height) == (SIZE[1], SIZE[0])
    video = load_reference_video(media / "rotated.mp4", LIMITS)
    assert video.frames[0].shape == (SIZE[0], SIZE[1], 3)


def test_browser_webm_without_duration_is_measured(media: Path) -> None:
    video = load_reference_video(media / "recorded.webm", LIMITS)
    assert video.duration == pytest.approx(SECONDS, abs=0.1)
    assert abs(len(video.frames) - SECONDS * 12) <= 1


def test_video_without_sound_is_allowed_with_no_audio(media: Path) -> None:
    video = load_reference_video(media / "silent.mp4", LIMITS)
    assert video.audio is None
    assert len(video.frames) > 0


def test_4k_minute_long_video_is_refused_by_probing(media: Path) -> None:
    started = time.perf_counter()
    with pytest.raises(VideoTooLongError, match=r"60 s long; the limit is 30 s"):
        load_reference_video(media / "uhd_60s.mp4", LIMITS)
    # Decoding 60 frames of 4K would take far longer than reading the header.
    assert time.perf_counter() - started < 1.5


def test_4k_resolution_is_refused(media: Path) -> None:
    with pytest.raises(ResolutionTooHighError, match="3840×2160"):
        load_reference_video(media / "uhd_3s.mp4", LIMITS)


@pytest.mark.parametrize(
    ("name", "error", "words"),
    [
        ("notes.mp4", NotAMediaFileError, "text file"),
        ("empty.mp4", EmptyFileError, "0 bytes"),
        ("half.mp4", CorruptMediaError, "incomplete"),
        ("header_only.mp4", CorruptMediaError, "damaged"),
        ("voice_only.mp4", AudioOnlyError, "no picture"),
        ("voice.m4a", AudioOnlyError, "no picture"),
        ("moving.gif", AnimatedGifError, "mp4, webm or mov"),
        ("short.mp4", VideoTooShortError, "1.5 s"),
    ],
)
def test_bad_videos_get_their_own_message(
    media: Path, name: str, error: type[Exception], words: str
) -> None:
    with pytest.raises(error, match=words):
        load_reference_video(media / name, LIMITS)


def test_byte_limit_is_checked_first(media: Path) -> None:
    with pytest.raises(FileTooLargeError, match="the limit is"):
        load_reference_video(media / "clip.mp4", IntakeLimits(max_bytes=10_000))


@pytest.mark.parametrize("name", ["voice.wav", "voice.mp3", "voice.m4a", "voice.webm"])
def test_voice_clips_decode_to_16k_mono(media: Path, name: str) -> None:
    audio = load_audio(media / name, LIMITS)
    assert audio.sample_rate == 16_000
    assert audio.samples.dtype == np.float32
    assert audio.duration == pytest.approx(SECONDS, abs=0.1)
    assert dominant_frequency(audio) == pytest.approx(TONE_HZ, abs=3)


def test_voice_clip_errors(media: Path) -> None:
    with pytest.raises(NoAudioStreamError, match="no sound"):
        load_audio(media / "silent.mp4", LIMITS)
    with pytest.raises(AudioTooLongError, match="limit is 2 s"):
        load_audio(media / "voice.wav", IntakeLimits(max_audio_seconds=2))
    with pytest.raises(NotAMediaFileError, match="text file"):
        load_audio(media / "notes.mp4", LIMITS)


def test_audio_wav_round_trip() -> None:
    audio = tone(0.5)
    back = Audio.from_wav_bytes(audio.to_wav_bytes())
    assert back.sample_rate == audio.sample_rate
    assert np.abs(back.samples - audio.samples).max() < 1e-4
    assert back.duration == pytest.approx(0.5)


# ---------------------------------------------------------------- photos


def encode(image: Image.Image, image_format: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def mean_difference(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.abs(a.astype(int) - b.astype(int)).mean())


def test_exif_rotated_jpeg_loads_upright() -> None:
    upright = grace_hopper_rgb()
    # Orientation 6 = "rotate 90° clockwise to display": store the pixels turned the other way.
    stored = Image.fromarray(np.rot90(upright, k=1))
    exif = Image.Exif()
    exif[0x0112] = 6
    photo = load_photo(encode(stored, "JPEG", quality=95, exif=exif), LIMITS)
    assert photo.shape == upright.shape
    assert mean_difference(photo, upright) < 4


def photo_variants() -> list[tuple[str, bytes, np.ndarray]]:
    rgb = astronaut_rgb()
    gray = np.asarray(Image.fromarray(rgb).convert("L"))
    gray16 = (gray.astype(np.uint16) * 257).astype(np.uint16)
    transparent = np.dstack([rgb, np.zeros(rgb.shape[:2], np.uint8)])
    transparent[:, :256, 3] = 255  # left half opaque, right half fully transparent
    on_white = rgb.copy()
    on_white[:, 256:] = 255
    palette = Image.fromarray(rgb).quantize(64)
    return [
        ("cmyk-jpeg", encode(Image.fromarray(rgb).convert("CMYK"), "JPEG", quality=95), rgb),
        ("gray-png", encode(Image.fromarray(gray, "L"), "PNG"), np.dstack([gray] * 3)),
        ("gray16-png", encode(Image.fromarray(gray16), "PNG"), np.dstack([gray] * 3)),
        ("palette-png", encode(palette, "PNG"), np.asarray(palette.convert("RGB"))),
        ("rgba-png", encode(Image.fromarray(transparent, "RGBA"), "PNG"), on_white),
        (
            "rgba-webp",
            encode(Image.fromarray(transparent, "RGBA"), "WEBP", lossless=True),
            on_white,
        ),
    ]


@pytest.mark.parametrize(("label", "data", "expected"), photo_variants(), ids=lambda v: str(v)[:12])
def test_photo_modes_become_rgb(label: str, data: bytes, expected: np.ndarray) -> None:
    photo = load_photo(data, LIMITS)
    assert photo.dtype == np.uint8
    assert photo.shape == expected.shape
    assert mean_difference(photo, expected) < 6, label


def test_transparent_png_keeps_its_alpha_as_matte() -> None:
    rgba = np.dstack([astronaut_rgb(), np.zeros((512, 512), np.uint8)])
    rgba[100:400, 150:350, 3] = 255
    loaded = load_photo_rgba(encode(Image.fromarray(rgba, "RGBA"), "PNG"), LIMITS)
    assert loaded.shape == (512, 512, 4)
    assert np.array_equal(loaded[..., 3], rgba[..., 3])


def test_big_photo_is_downscaled_to_the_pixel_limit() -> None:
    data = encode(Image.fromarray(grace_hopper_rgb()), "JPEG")
    photo = load_photo(data, IntakeLimits(max_pixels=100_000))
    assert photo.shape[0] * photo.shape[1] <= 100_000
    assert photo.shape[0] / photo.shape[1] == pytest.approx(600 / 512, rel=0.02)


@pytest.mark.parametrize(
    ("data", "error", "words"),
    [
        (encode(Image.fromarray(astronaut_rgb()), "GIF"), UnsupportedPhotoFormatError, "GIF"),
        (encode(Image.fromarray(astronaut_rgb()), "BMP"), UnsupportedPhotoFormatError, "BMP"),
        (encode(Image.fromarray(astronaut_rgb()), "TIFF"), UnsupportedPhotoFormatError, "TIFF"),
        (b"just some words", NotAMediaFileError, "not a photo"),
        (b"", EmptyFileError, "0 bytes"),
    ],
    ids=["gif", "bmp", "tiff", "text", "empty"],
)
def test_bad_photos_get_their_own_message(data: bytes, error: type[Exception], words: str) -> None:
    with pytest.raises(error, match=words):
        load_photo(data, LIMITS)


def test_truncated_photo_is_reported_as_damaged() -> None:
    data = encode(Image.fromarray(astronaut_rgb()), "PNG")
    with pytest.raises(CorruptMediaError, match="damaged"):
        load_photo(data[: len(data) // 2], LIMITS)


def test_photo_count_limit() -> None:
    check_photo_count(4, LIMITS)
    with pytest.raises(TooManyPhotosError, match="limit is 4"):
        check_photo_count(5, LIMITS)
