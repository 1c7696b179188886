"""Dialogue for a clip: voice each line, place it in its shot, and mix the soundtrack.

Each line is spoken by the built-in English voice, then shifted toward the speaker's own voice
sample when the double has one (pitch and vocal-tract length only: voice shifting, not cloning).
The shift is chosen once per role, on that role's longest line (choosing costs six speaker
embeddings and five vocoder passes; applying it costs one vocoder pass per line). The choice
depends only on that line, the double's voice sample and the TTS voice, so a pipeline keeps it
in :class:`VoiceShifts` for later renders where the double says that line again.
A role without a voice sample gets the stock voice, pitched differently per role so two such
roles never sound like the same person. Lines the voice cannot read (e.g. Chinese) stay
subtitles with no audio.

Lines are placed one after the other after a short lead-in. When the speech does not fit its
shot, the line is re-spoken faster (up to :data:`MAX_SPEED_UP`); words are never cut.
"""

from __future__ import annotations

import hashlib
import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from core.audio import Audio
from core.generation.types import CastReference, GenerationError, ShotPlan, SpokenLine
from core.scripts import Shot, speaking_seconds
from core.speech import UnsupportedTextError, resample, synthesize_speech
from core.voice import (
    VoiceSample,
    VoiceShift,
    VoiceShiftError,
    choose_voice_shift,
    shift_voice,
)

logger = logging.getLogger(__name__)

# (text, speed) -> speech. Injected so tests and other voices can replace the built-in one.
Speak = Callable[[str, float], Audio]

MIX_SAMPLE_RATE = 48_000  # what encode_mp4 writes to AAC anyway
LEAD_IN_SECONDS = 0.3  # breath before the first line, so a cut never lands on a word
GAP_SECONDS = 0.25  # pause between two lines of one shot
TAIL_SECONDS = 0.15  # room after the last line before the next shot's cut
MIN_LEAD_IN_SECONDS, MIN_GAP_SECONDS = 0.05, 0.08  # squeezed only when speed-up is not enough
# Faster than this, the built-in voice starts to gabble; a script needing more is refused.
MAX_SPEED_UP = 1.5
# Speeds are rounded up to this step so re-planning a shot reuses voiced lines from the cache.
SPEED_STEP = 0.05
LINE_FADE_SECONDS = 0.01  # removes clicks where a line starts and stops
CLIP_FADE_SECONDS = 0.03
MIX_PEAK = 0.95
# Stock voices: (pitch ratio, formant warp) per voiceless role, in script role order.
STOCK_VOICES = ((1.0, 1.0), (1.28, 1.08), (0.8, 0.93), (1.5, 1.14))
# A subtitle-only line gets the time a brisk speaker would need, at least this much.
MIN_SILENT_LINE_SECONDS = 1.0
VOICE_SHIFTS_REMEMBERED = 1024  # (double, line) choices a pipeline keeps, ~200 bytes each

# (speech in the TTS voice, the double's voice sample) -> the shift toward that sample.
ChooseShift = Callable[[Audio, VoiceSample], VoiceShift]


class DialogueError(GenerationError):
    """The dialogue could not be voiced or placed."""


class DialogueTooLongError(DialogueError):
    """A shot's lines do not fit in it even when spoken fast."""


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


class VoiceShifts:
    """Remembers the voice shifts chosen for (double, line) pairs, across renders.

    A shift chosen on a line depends only on that line's speech, the double's voice sample and
    the TTS voice, so a remembered one is exactly what choosing again would give. Keep one
    instance per TTS voice (a pipeline does); it is safe to share between threads.

    Args:
        choose: Chooses a shift; raises :class:`VoiceShiftError` when there is no pitch.
        remembered: How many choices to keep; the least recently used are forgotten.
    """

    def __init__(
        self,
        choose: ChooseShift = choose_voice_shift,
        *,
        remembered: int = VOICE_SHIFTS_REMEMBERED,
    ) -> None:
        self._choose = choose
        self._remembered = remembered
        self._lock = threading.Lock()
        self._chosen: OrderedDict[tuple[bytes, str], VoiceShift | None] = OrderedDict()

    def shift_for(self, reference: VoiceSample, text: str, speech: Audio) -> VoiceShift | None:
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
                return self._chosen[key]
        try:
            shift: VoiceShift | None = self._choose(speech, reference)
        except VoiceShiftError:
            shift = None
        with self._lock:
            self._chosen[key] = shift
            while len(self._chosen) > self._remembered:
                self._chosen.popitem(last=False)
        return shift


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
            shift = self._voice_shifts.shift_for(reference, text, speech)
            if shift is not None:
                return shift
            # else: the line has no voiced sound; try the next one
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


def place_shot_lines(
    shot: Shot, shot_number: int, *, fps: int, frame_count: int, voicer: DialogueVoicer
) -> tuple[SpokenLine, ...]:
    """Voice a shot's lines and place them one after another inside the shot.

    Args:
        shot: The (validated) shot.
        shot_number: 1-based number, for messages.
        fps: Output frame rate.
        frame_count: Frames of the shot (the loudness arrays get this length).
        voicer: The render's voicer.

    Returns:
        The placed lines, in script order.

    Raises:
        DialogueTooLongError: The lines do not fit even spoken at :data:`MAX_SPEED_UP`.
    """
    if not shot.dialogue:
        return ()
    duration = frame_count / fps
    audios = [voicer.voice(line.role, line.text) for line in shot.dialogue]
    lengths = [
        _line_length(line.text, audio) for line, audio in zip(shot.dialogue, audios, strict=True)
    ]
    speed = _speed_needed(lengths, duration)
    if speed > 1.0:
        logger.warning(
            "Shot %d's dialogue is spoken %.2fx faster to fit the shot.", shot_number, speed
        )
        audios = [
            voicer.voice(line.role, line.text, speed=speed) if audio is not None else None
            for line, audio in zip(shot.dialogue, audios, strict=True)
        ]
        lengths = [
            audio.duration if audio is not None else length / speed
            for audio, length in zip(audios, lengths, strict=True)
        ]
    starts = _line_starts(lengths, duration, shot_number)
    return tuple(
        SpokenLine(
            role=line.role,
            text=line.text,
            start=start,
            end=start + length,
            audio=audio,
            loudness=loudness_envelope(audio, start=start, fps=fps, frame_count=frame_count),
        )
        for line, audio, start, length in zip(shot.dialogue, audios, starts, lengths, strict=True)
    )


def _line_length(text: str, audio: Audio | None) -> float:
    if audio is not None:
        return audio.duration
    return max(MIN_SILENT_LINE_SECONDS, speaking_seconds(text))


def _speed_needed(lengths: list[float], duration: float) -> float:
    """1.0 when the lines fit with normal pauses, else the speed-up that makes them fit."""
    pauses = LEAD_IN_SECONDS + GAP_SECONDS * (len(lengths) - 1) + TAIL_SECONDS
    if sum(lengths) + pauses <= duration:
        return 1.0
    available = max(duration - pauses, 1e-3)
    # Rounded up to a step, and with 3 % spare because piper's timing is not exactly linear.
    raw = 1.03 * sum(lengths) / available
    return min(MAX_SPEED_UP, math.ceil(raw / SPEED_STEP) * SPEED_STEP)


def _line_starts(lengths: list[float], duration: float, shot_number: int) -> list[float]:
    """Start times (seconds into the shot), squeezing pauses before refusing."""
    speech = sum(lengths)
    gaps = len(lengths) - 1
    lead_in, gap = LEAD_IN_SECONDS, GAP_SECONDS
    spare = duration - speech - lead_in - gap * gaps - TAIL_SECONDS
    if spare < 0:
        lead_in, gap = MIN_LEAD_IN_SECONDS, MIN_GAP_SECONDS
        if duration - speech - lead_in - gap * gaps < 0:
            raise DialogueTooLongError(
                f"Shot {shot_number}'s dialogue takes {speech:.1f} s even spoken fast, but the "
                f"shot lasts {duration:.1f} s. Shorten the lines or lengthen the shot."
            )
    starts, time = [], lead_in
    for length in lengths:
        starts.append(time)
        time += length + gap
    return starts


def loudness_envelope(
    audio: Audio | None, *, start: float, fps: int, frame_count: int
) -> np.ndarray:
    """Loudness of a placed line per output frame of its shot, for mouth motion.

    Args:
        audio: The line's speech (None gives all zeros: nobody is heard speaking).
        start: Seconds from the shot's start to the line's start.
        fps: Output frame rate.
        frame_count: Frames in the shot.

    Returns:
        float32 array of ``frame_count`` values in [0, 1]: RMS per frame, divided by the
        line's loud level (95th percentile of speaking frames), so every line opens the mouth
        about as wide regardless of how loud it was synthesized.
    """
    envelope = np.zeros(frame_count, dtype=np.float32)
    if audio is None or frame_count == 0:
        return envelope
    rate = audio.sample_rate
    squared = np.square(audio.samples.astype(np.float64))
    for frame in range(frame_count):
        begin = round((frame / fps - start) * rate)
        end = round(((frame + 1) / fps - start) * rate)
        begin, end = max(begin, 0), min(end, len(squared))
        if end > begin:
            envelope[frame] = math.sqrt(float(squared[begin:end].mean()))
    speaking = envelope[envelope > 0]
    if speaking.size == 0:
        return envelope
    level = float(np.percentile(speaking, 95))
    return np.clip(envelope / level, 0.0, 1.0).astype(np.float32) if level > 0 else envelope


def mix_dialogue(
    plans: Sequence[ShotPlan], *, duration: float, sample_rate: int = MIX_SAMPLE_RATE
) -> Audio:
    """Mix every voiced line onto one mono track as long as the clip.

    Args:
        plans: The clip's shot plans with their placed lines.
        duration: Clip length in seconds.
        sample_rate: Output rate (48 kHz by default, what browsers' AAC decoders like best).

    Returns:
        The soundtrack, with short fades on each line and at both ends, peak at most 0.95.
    """
    track = np.zeros(max(1, round(duration * sample_rate)), dtype=np.float32)
    for plan in plans:
        for line in plan.lines:
            if line.audio is None:
                continue
            samples = _with_fades(resample(line.audio, sample_rate).samples, sample_rate)
            offset = round((plan.start + line.start) * sample_rate)
            # Lines never run past their shot by construction; clip anyway so a rounding
            # sample cannot overflow the track.
            usable = samples[: max(0, len(track) - offset)]
            track[offset : offset + len(usable)] += usable
    track = _with_fades(track, sample_rate, seconds=CLIP_FADE_SECONDS)
    peak = float(np.max(np.abs(track)))
    if peak > MIX_PEAK:
        track *= MIX_PEAK / peak
    return Audio(track, sample_rate)


def _with_fades(
    samples: np.ndarray, rate: int, *, seconds: float = LINE_FADE_SECONDS
) -> np.ndarray:
    faded = samples.astype(np.float32, copy=True)
    length = min(round(seconds * rate), len(faded) // 2)
    if length > 0:
        ramp = np.linspace(0.0, 1.0, length, dtype=np.float32)
        faded[:length] *= ramp
        faded[-length:] *= ramp[::-1]
    return faded
