"""Voicing a clip's lines: the built-in English voice, shifted toward each double's own voice.

Each line is spoken by the built-in English voice, then shifted toward the speaker's own voice
sample when the double has one (pitch and vocal-tract length only: voice shifting, not cloning).
The shift is chosen once per role, on that role's longest line (choosing costs six speaker
embeddings and five vocoder passes; applying it costs one vocoder pass per line). The choice
depends only on that line, the double's voice sample and the TTS voice, so a pipeline keeps it
in :class:`VoiceShifts` for later renders where the double says that line again.
A role without a voice sample gets the stock voice, pitched differently per role so two such
roles never sound like the same person. Lines the voice cannot read (e.g. Chinese) stay
subtitles with no audio. Placing and mixing the voiced lines is :mod:`core.generation.dialogue`.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from core.audio import Audio
from core.generation.types import CastReference
from core.scripts import Shot
from core.speech import UnsupportedTextError, synthesize_speech
from core.voice import VoiceSample
from core.voice_shift import VoiceShift, VoiceShiftError, choose_and_apply_voice_shift, shift_voice

logger = logging.getLogger(__name__)

# (text, speed) -> speech. Injected so tests and other voices can replace the built-in one.
Speak = Callable[[str, float], Audio]
# (speech in the TTS voice, the double's voice sample) -> (the shift toward that sample, the
# speech shifted by it).
ChooseShift = Callable[[Audio, VoiceSample], tuple[VoiceShift, Audio]]

# Stock voices: (pitch ratio, formant warp) per voiceless role, in script role order.
STOCK_VOICES = ((1.0, 1.0), (1.28, 1.08), (0.8, 0.93), (1.5, 1.14))
VOICE_SHIFTS_REMEMBERED = 1024  # (double, line) choices a pipeline keeps, ~200 bytes each


def speak_english(text: str, speed: float = 1.0) -> Audio:
    """Speak English text with the built-in voice, the same way every time.

    Piper otherwise samples its pitch/timing noise anew on every call, so two renders of one
    script would differ in line lengths and mouth motion.

    Raises:
        ValueError: ``speed`` is outside 0.5-2.0.
        UnsupportedTextError: The text uses a non-Latin script.
        SpeechSynthesisError: The text has nothing to say or the voice is missing.
    """
    return synthesize_speech(text, speed=speed, deterministic=True)


@dataclass(frozen=True, eq=False)
class ChosenShift:
    """A voice shift for a (double, line) pair.

    Attributes:
        shift: The pitch ratio and formant warp.
        shifted_line: The line it was chosen on, already shifted, when it was chosen just now
            (the samples :func:`core.voice_shift.shift_voice` would give); None if remembered.
    """

    shift: VoiceShift
    shifted_line: Audio | None


class VoiceShifts:
    """Remembers the voice shifts chosen for (double, line) pairs, across renders.

    A shift chosen on a line depends only on that line's speech, the double's voice sample and
    the TTS voice, so a remembered one is exactly what choosing again would give. Keep one
    instance per TTS voice (a pipeline does); it is safe to share between threads.

    Args:
        choose: Chooses a shift and applies it; raises :class:`VoiceShiftError` when there is
            no pitch.
        remembered: How many choices to keep; the least recently used are forgotten.
    """

    def __init__(
        self,
        choose: ChooseShift = choose_and_apply_voice_shift,
        *,
        remembered: int = VOICE_SHIFTS_REMEMBERED,
    ) -> None:
        self._choose = choose
        self._remembered = remembered
        self._lock = threading.Lock()
        self._chosen: OrderedDict[tuple[bytes, str], VoiceShift | None] = OrderedDict()

    def shift_for(self, reference: VoiceSample, text: str, speech: Audio) -> ChosenShift | None:
        """The shift toward ``reference`` chosen on ``text``, from memory or chosen now.

        Args:
            reference: The double's voice sample.
            text: The line the shift is chosen on.
            speech: That line in the TTS voice (the same every time: the voice is deterministic).

        Returns:
            The shift, or None when the line or the sample has no pitched sound.
        """
        key = (_voice_sample_key(reference), text)
        with self._lock:
            if key in self._chosen:
                self._chosen.move_to_end(key)
                remembered = self._chosen[key]
                return ChosenShift(remembered, None) if remembered is not None else None
        try:
            shift, shifted_line = self._choose(speech, reference)
            chosen: ChosenShift | None = ChosenShift(shift, shifted_line)
        except VoiceShiftError:
            chosen = None
        with self._lock:
            self._chosen[key] = chosen.shift if chosen is not None else None
            while len(self._chosen) > self._remembered:
                self._chosen.popitem(last=False)
        return chosen


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
        representative_lines: Role name -> the line its voice shift is chosen on (see
            :func:`representative_lines`); a role missing here uses the first line it speaks.
        voice_shifts: Where chosen shifts are remembered; share one across renders that use
            the same ``speak``. By default a fresh one for this render.
    """

    def __init__(
        self,
        cast: Mapping[str, CastReference],
        role_order: Sequence[str],
        *,
        speak: Speak = speak_english,
        representative_lines: Mapping[str, str] | None = None,
        voice_shifts: VoiceShifts | None = None,
    ) -> None:
        self._cast = cast
        self._speak = speak
        self._representative = dict(representative_lines or {})
        self._voice_shifts = voice_shifts if voice_shifts is not None else VoiceShifts()
        # Role -> chosen shift; None marks a voice sample that could not be used.
        self._shifts: dict[str, VoiceShift | None] = {}
        # (role, line) -> the line shifted while its shift was chosen on it (used once).
        self._shifted_probes: dict[tuple[str, str], Audio] = {}
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

    def voice_shift(self, role: str, *, fallback_text: str | None = None) -> VoiceShift | None:
        """The shift toward ``role``'s own voice, chosen once (on first use) and then reused.

        It is chosen on the role's representative line; when that cannot be spoken or has no
        pitch, on ``fallback_text`` (the line being voiced).

        Args:
            role: A cast role.
            fallback_text: Another line of the role to choose on if the representative fails.

        Returns:
            The shift, or None when the double has no voice sample or it cannot be used (the
            role then gets a stock voice).
        """
        if role not in self._shifts:
            self._shifts[role] = self._choose_shift(role, fallback_text)
        return self._shifts[role]

    def _choose_shift(self, role: str, fallback_text: str | None) -> VoiceShift | None:
        reference = self._cast[role].voice_sample
        if reference is None:
            return None
        probes = [self._representative.get(role), fallback_text]
        for text in dict.fromkeys(probe for probe in probes if probe):
            try:
                speech = self._speech_for(text, 1.0)
            except UnsupportedTextError:
                continue  # not English: cannot tell
            chosen = self._voice_shifts.shift_for(reference, text, speech)
            if chosen is None:
                continue  # the line has no voiced sound: try the next one
            if chosen.shifted_line is not None:
                self._shifted_probes[(role, text)] = chosen.shifted_line
            return chosen.shift
        return None

    def _speech_for(self, text: str, speed: float) -> Audio:
        key = (text, speed)
        if key not in self._speech:
            self._speech[key] = self._speak(text, speed)
        return self._speech[key]

    def _voice_uncached(self, role: str, text: str, speed: float) -> Audio | None:
        handle = self._cast[role].handle
        try:
            speech = self._speech_for(text, speed)
        except UnsupportedTextError:
            self._note(f"@{handle}'s line “{text}” is not English: it is shown as a subtitle only.")
            return None
        reference = self._cast[role].voice_sample
        shift = self.voice_shift(role, fallback_text=text) if reference is not None else None
        if shift is not None:
            if speed == 1.0 and (role, text) in self._shifted_probes:
                return self._shifted_probes.pop((role, text))  # shifted while choosing
            return shift_voice(speech, f0_ratio=shift.f0_ratio, formant_warp=shift.formant_warp)
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
        return shift_voice(speech, f0_ratio=pitch, formant_warp=warp)

    def _note(self, message: str) -> None:
        self._notes.setdefault(message, None)


def representative_lines(shots: Sequence[Shot]) -> dict[str, str]:
    """The line each role's voice shift is chosen on: its longest line (steadiest embedding).

    Args:
        shots: The script's shots.

    Returns:
        Role name -> the text of its longest line (the first one on a tie).
    """
    longest: dict[str, str] = {}
    for shot in shots:
        for line in shot.dialogue:
            if len(line.text) > len(longest.get(line.role, "")):
                longest[line.role] = line.text
    return longest
