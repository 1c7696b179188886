"""Media primitives shared by several packages: the ``Audio`` value (mono float32 samples and
their rate, WAV in and out) and MP4 encoding and reading through the ffmpeg that
``imageio-ffmpeg`` ships."""

from core.media.audio import Audio, AudioFormatError
from core.media.video_encode import VideoEncodeError

__all__ = ["Audio", "AudioFormatError", "VideoEncodeError"]
