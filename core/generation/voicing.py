"""Voicing a clip's lines: the built-in English voice, shifted toward each double's own voice.

Each line is spoken by the built-in English voice, then shifted toward the speaker's own voice
sample when the double has one (pitch and vocal-tract length only: voice shifting, not cloning).
The shift belongs to the double, not to a script: :func:`tune_voice` chooses it once, on a fixed
tuning line, when the double is registered (choosing costs six speaker embeddings and five
vocoder passes; applying it costs one vocoder pass per line), so a double sounds the same in
every clip. A double registered before shifts were stored has it chosen at render time, the same
way, and a pipeline keeps it in :class:`VoiceShifts` for later renders.
A role without a voice sample gets the stock voice, pitched differently per role so two such
roles never sound like the same person. Chinese lines are spoken by the Mandarin voice
(:mod:`core.voice.mandarin`) with the same shift, converted from the English voice's pitch to
the Mandarin voice's so both land on the double's own pitch. Lines no installed voice can read
stay subtitles with no audio, and the clip says so. Placing and mixing the voiced lines is
:mod:`core.generation.dialogue`.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from core.generation.types import CastReference
from core.media.audio import Audio
from core.voice.languages import unvoiced_language_note
from core.voice.mandarin import MEDIAN_F0_HZ as MANDARIN_F0_HZ
from core.voice.mandarin import is_chinese, mandarin_available, synthesize_mandarin
from core.voice.samples import VoiceSample
from core.voice.shift import VoiceShift, shift_voice
from core.voice.speech import TimedSpeech, UnsupportedTextError
from core.voice.tuning import Speak, speak_english, tune_voice

__all__ = [
    "STOCK_VOICES", "DialogueVoicer", "Speak", "VoiceShifts", "shift_tuner", "speak_english",
]  # fmt: skip

logger = logging.getLogger(__name__)

# A double's voice sample -> its shift (None: the sample has no pitch to aim at).
TuneVoice = Callable[[VoiceSample], VoiceShift | None]

# Stock voices: (pitch ratio, formant warp) per voiceless role, in script role order.
STOCK_VOICES = ((1.0, 1.0), (1.28, 1.08), (0.8, 0.93), (1.5, 1.14))
VOICE_SHIFTS_REMEMBERED = 1024  # doubles whose shift a pipeline keeps, ~100 bytes each
# Median pitch of the English voice on the tuning line (WORLD), the basis of stored shifts.
ENGLISH_TUNING_F0_HZ = 172.5


class VoiceShifts:
    """Shifts chosen at render time for doubles that have none stored, kept across renders.

    A shift depends only on the double's voice sample (and the fixed tuning line and voice), so
    a remembered one is exactly what choosing again would give. Keep one instance per TTS voice
    (a pipeline does); it is safe to share between threads.

    Args:
        tune: Chooses the shift for a voice sample (default :func:`core.voice.tuning.tune_voice`
            with the built-in voice).
        remembered: How many doubles' shifts to keep; the least recently used are forgotten.
    """

    def __init__(
        self, tune: TuneVoice | None = None, *, remembered: int = VOICE_SHIFTS_REMEMBERED
    ) -> None:
        self._tune = tune or shift_tuner(speak_english)
        self._remembered = remembered
        self._lock = threading.Lock()
        self._chosen: OrderedDict[bytes, VoiceShift | None] = OrderedDict()

    def shift_for(self, reference: VoiceSample) -> VoiceShift | None:
        """The shift toward ``reference``, from memory or chosen now (None: no pitch in it)."""
        key = _voice_sample_key(reference)
        with self._lock:
            if key in self._chosen:
                self._chosen.move_to_end(key)
                return self._chosen[key]
        shift = self._tune(reference)
        with self._lock:
            self._chosen[key] = shift
            while len(self._chosen) > self._remembered:
                self._chosen.popitem(last=False)
        return shift


def shift_tuner(speak: Speak) -> TuneVoice:
    """Chooses shifts of the voice ``speak`` toward voice samples (for :class:`VoiceShifts`)."""

    def tune(sample: VoiceSample) -> VoiceShift | None:
        tuning = tune_voice(sample, speak=speak)
        return tuning.shift if tuning is not None else None

    return tune


def _voice_sample_key(sample: VoiceSample) -> bytes:
    digest = hashlib.sha256(str(sample.audio.sample_rate).encode())
    digest.update(np.ascontiguousarray(sample.audio.samples, dtype=np.float32).tobytes())
    return digest.digest()


class DialogueVoicer:
    """Voices the lines of one render, remembering every (role, text, speed) it has spoken.

    Args:
        cast: Role name -> the double playing it.
        role_order: Script role names in order (decides which stock voice a role gets).
        speak: Text-to-speech function; defaults to :func:`speak_english`.
        speak_chinese: Speaks Chinese lines (default: the Mandarin voice when installed; None:
            Chinese lines stay subtitles).
        voice_shifts: Chooses and remembers shifts for doubles that have none stored; share
            one across renders that use the same ``speak``. By default a fresh one.
    """

    def __init__(
        self,
        cast: Mapping[str, CastReference],
        role_order: Sequence[str],
        *,
        speak: Speak = speak_english,
        speak_chinese: Speak | None = synthesize_mandarin,
        voice_shifts: VoiceShifts | None = None,
    ) -> None:
        self._cast = cast
        self._speak = speak
        self._speak_chinese = speak_chinese
        self._voice_shifts = voice_shifts if voice_shifts is not None else VoiceShifts()
        self._speech: dict[tuple[str, float], Audio] = {}  # TTS output, before shifting
        voiceless = [role for role in role_order if cast[role].voice_sample is None]
        self._stock_voice = {
            role: STOCK_VOICES[index % len(STOCK_VOICES)] for index, role in enumerate(voiceless)
        }
        self._cache: dict[tuple[str, str, float], Audio | None] = {}
        self._notes: dict[str, None] = {}  # ordered set

    @property
    def notes(self) -> tuple[str, ...]:
        """Messages for the person about how the dialogue was voiced."""
        return tuple(self._notes)

    def voice(self, role: str, text: str, *, speed: float = 1.0) -> Audio | None:
        """The line as ``role`` says it, or None when the voice cannot read the text.

        Args:
            role: The speaking role (cast).
            text: The line.
            speed: Speaking rate passed to the text-to-speech voice.

        Returns:
            Speech at the voice's rate, or None for text in an unsupported script.

        Raises:
            SpeechSynthesisError: The line has nothing speakable in it.
        """
        key = (role, text, speed)
        if key not in self._cache:
            self._cache[key] = self._voice_uncached(role, text, speed)
        return self._cache[key]

    def voice_shift(self, role: str) -> VoiceShift | None:
        """The shift toward ``role``'s own voice: the double's stored one, or chosen now.

        Args:
            role: A cast role.

        Returns:
            The shift, or None when the double has no voice sample or it has no pitch (the
            role then gets a stock voice).
        """
        member = self._cast[role]
        if member.voice_sample is None:
            # A house character has no sample but its own fixed stock voice (a stored shift).
            return member.voice_shift
        if member.voice_shift is not None:
            return member.voice_shift
        return self._voice_shifts.shift_for(member.voice_sample)

    def _speech_for(self, text: str, speed: float) -> Audio:
        key = (text, speed)
        if key not in self._speech:
            self._speech[key] = self._speak(text, speed)
        return self._speech[key]

    def _chinese_speech(self, text: str, speed: float) -> Audio | None:
        """The line in the Mandarin voice, or None when no Mandarin voice is installed."""
        if self._speak_chinese is None or not is_chinese(text):
            return None
        if self._speak_chinese is synthesize_mandarin and not mandarin_available():
            return None
        key = (f"zh:{text}", speed)
        if key not in self._speech:
            self._speech[key] = self._speak_chinese(text, speed)
        return self._speech[key]

    def _voice_uncached(self, role: str, text: str, speed: float) -> Audio | None:
        handle = self._cast[role].handle
        pitch_basis = 1.0  # the speaking voice's pitch relative to the one shifts were made for
        try:
            speech = self._speech_for(text, speed)
        except UnsupportedTextError:
            chinese = self._chinese_speech(text, speed)
            if chinese is None:
                self._note(
                    f"@{handle}'s line “{text}” is in a language no installed voice speaks: "
                    "it is shown as a subtitle only."
                )
                return None
            speech, pitch_basis = chinese, MANDARIN_F0_HZ / ENGLISH_TUNING_F0_HZ
        language_note = unvoiced_language_note(text)
        if language_note is not None:
            self._note(f"@{handle}'s line “{text}” {language_note}.")
        reference = self._cast[role].voice_sample
        shift = self.voice_shift(role)
        if shift is not None:
            # Aim at the same absolute pitch whichever voice speaks; a higher voice is also
            # shorter in the vocal tract, so its formants move a little with it.
            f0_ratio = min(2.5, max(0.4, shift.f0_ratio / pitch_basis))
            warp = shift.formant_warp / pitch_basis**0.3
            shifted = shift_voice(speech, f0_ratio=f0_ratio, formant_warp=warp)
            return _keep_timings(speech, shifted)
        if reference is not None:
            logger.warning("Voice sample of @%s has no pitch; using a stock voice.", handle)
            self._note(f"@{handle}'s voice sample could not be used: a stock voice was used.")
            self._stock_voice.setdefault(
                role, STOCK_VOICES[len(self._stock_voice) % len(STOCK_VOICES)]
            )
        else:
            self._note(f"@{handle} has no voice sample: a stock voice was used.")
        pitch, warp = self._stock_voice[role]
        if pitch == 1.0 and warp == 1.0:
            return speech
        return _keep_timings(speech, shift_voice(speech, f0_ratio=pitch, formant_warp=warp))

    def _note(self, message: str) -> None:
        self._notes.setdefault(message, None)


def _keep_timings(speech: Audio, shifted: Audio) -> Audio:
    """The shifted speech with the phoneme timings of the original (a shift keeps timing; the
    vocoder may add or drop a few milliseconds at the end)."""
    drift = abs(shifted.duration - speech.duration)
    if isinstance(speech, TimedSpeech) and drift < 0.05:
        return speech.with_samples(shifted)
    return shifted
