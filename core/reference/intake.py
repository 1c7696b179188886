"""Uploads we accept: limits, errors, and the first look at a file's bytes.

Every limit (bytes, duration, resolution, format) is checked *before* heavy work: a file is first
sniffed by its magic bytes, then probed by `ffmpeg -i` (header only), and only then decoded. The
real format comes from the bytes and from ffmpeg, never from the file name. Videos and voice clips
are read in :mod:`core.reference.video`, photos in :mod:`core.reference.photo`.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.sentences import Sentence, sentence

# Said inside the messages below ("Please upload {hint}."), in the reader's language too.
VIDEO_HINT = sentence("reference.video_hint", "an mp4, webm or mov video")
AUDIO_HINT = sentence("reference.audio_hint", "a wav, mp3, m4a or webm recording")
# What an upload is, as the messages name it: "video", "voice clip" or "photo".
_THINGS = {
    "video": sentence("reference.thing_video", "video"),
    "voice clip": sentence("reference.thing_voice_clip", "voice clip"),
    "photo": sentence("reference.thing_photo", "photo"),
}


def thing_named(what: str) -> str:
    """The upload ``what`` ("video", "voice clip", "photo") as a message names it."""
    return _THINGS.get(what, what)


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


def check_upload_size(size: int, limits: IntakeLimits, what: str) -> None:
    """Refuse an empty upload or one over the byte limit (``what`` names it in the message)."""
    if size == 0:
        raise EmptyFileError(
            sentence(
                "reference.empty_file",
                "The {what} is empty (0 bytes). Please choose the file again.",
                what=thing_named(what),
            )
        )
    if size > limits.max_bytes:
        raise FileTooLargeError(
            sentence(
                "reference.file_too_large",
                "The {what} is {size:.1f} MB; the limit is {limit:.0f} MB. "
                "Please upload a shorter or smaller file.",
                what=thing_named(what),
                size=size / 1e6,
                limit=limits.max_bytes / 1e6,
            )
        )


def sniff_kind(head: bytes) -> str:
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


def refuse_wrong_kind(kind: str, name: str, what: str) -> None:
    """Refuse files whose first bytes already show they are the wrong kind for `what`.

    Args:
        kind: From :func:`sniff_kind`.
        name: The file name, for the message.
        what: "video" or "voice clip".
    """
    hint = VIDEO_HINT if what == "video" else AUDIO_HINT
    thing = thing_named(what)
    if kind == "text":
        raise NotAMediaFileError(
            sentence(
                "reference.text_not_media",
                "{name} is a text file, not a {what} (whatever its name says). "
                "Please upload {hint}.",
                name=name,
                what=thing,
                hint=hint,
            )
        )
    if kind == "gif":
        raise AnimatedGifError(_gif_refusal(name, hint, video=what == "video"))
    if kind == "photo":
        raise NotAMediaFileError(_photo_refusal(name, thing, hint, video=what == "video"))


def _gif_refusal(name: str, hint: str, *, video: bool) -> Sentence:
    if video:
        return sentence(
            "reference.gif_not_video",
            "{name} is a GIF animation. Please upload {hint}, or a still photo instead.",
            name=name,
            hint=hint,
        )
    return sentence(
        "reference.gif_not_audio",
        "{name} is a GIF animation. Please upload {hint}.",
        name=name,
        hint=hint,
    )


def _photo_refusal(name: str, thing: str, hint: str, *, video: bool) -> Sentence:
    if video:
        return sentence(
            "reference.photo_not_video",
            "{name} is a photo, not a {what}. Add it under photos, or upload {hint}.",
            name=name,
            what=thing,
            hint=hint,
        )
    return sentence(
        "reference.photo_not_audio",
        "{name} is a photo, not a {what}. Please upload {hint}.",
        name=name,
        what=thing,
        hint=hint,
    )
