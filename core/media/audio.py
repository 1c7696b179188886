"""The one audio value type shared by intake, speech and rendering.

Audio is always mono float32 in [-1, 1]; the sample rate travels with the samples so nobody has
to guess it.
"""

from __future__ import annotations

import io
import wave
from dataclasses import dataclass

import numpy as np


class AudioFormatError(ValueError):
    """Bytes that should be a WAV file could not be read as one."""


@dataclass(frozen=True, eq=False)
class Audio:
    """Mono audio samples.

    Attributes:
        samples: 1-D float32 array in [-1, 1].
        sample_rate: Samples per second (16000 for everything intake produces).
    """

    samples: np.ndarray
    sample_rate: int

    def __post_init__(self) -> None:
        samples = np.array(self.samples, dtype=np.float32, copy=True)
        if samples.ndim != 1:
            raise ValueError(f"Audio must be mono (1-D); got shape {samples.shape}.")
        if not np.all(np.isfinite(samples)):
            raise ValueError("Audio samples contain NaN or infinity.")
        if self.sample_rate <= 0:
            raise ValueError(f"Sample rate must be positive; got {self.sample_rate}.")
        # Read-only, so a "frozen" Audio really cannot change under a caller.
        samples.setflags(write=False)
        object.__setattr__(self, "samples", samples)
        object.__setattr__(self, "sample_rate", int(self.sample_rate))

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.samples) / self.sample_rate

    def to_wav_bytes(self) -> bytes:
        """Encode as a 16-bit PCM mono WAV file.

        Returns:
            The WAV file's bytes.
        """
        pcm = np.clip(self.samples, -1.0, 1.0)
        pcm16 = np.round(pcm * 32767.0).astype("<i2")
        buffer = io.BytesIO()
        with wave.open(buffer, "wb") as writer:
            writer.setnchannels(1)
            writer.setsampwidth(2)
            writer.setframerate(self.sample_rate)
            writer.writeframes(pcm16.tobytes())
        return buffer.getvalue()

    @classmethod
    def from_wav_bytes(cls, data: bytes) -> Audio:
        """Decode a 16-bit PCM WAV file (multi-channel input is averaged to mono).

        Args:
            data: The WAV file's bytes.

        Returns:
            The decoded audio.

        Raises:
            AudioFormatError: Not a 16-bit PCM WAV file.
        """
        try:
            with wave.open(io.BytesIO(data), "rb") as reader:
                channels = reader.getnchannels()
                width = reader.getsampwidth()
                rate = reader.getframerate()
                raw = reader.readframes(reader.getnframes())
        except (wave.Error, EOFError) as error:
            raise AudioFormatError(f"Not a readable WAV file: {error}") from error
        if width != 2:
            raise AudioFormatError(f"Only 16-bit WAV is supported; this one is {8 * width}-bit.")
        pcm = np.frombuffer(raw, dtype="<i2").astype(np.float32) / 32768.0
        if channels > 1:
            pcm = pcm.reshape(-1, channels).mean(axis=1)
        return cls(samples=pcm.astype(np.float32), sample_rate=rate)
