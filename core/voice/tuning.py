"""A double's voice: the shift toward its own voice, chosen once and kept with the double.

Choosing a shift (:func:`core.voice.shift.choose_and_apply_voice_shift`) costs six speaker
embeddings and five vocoder passes, so it is done once per double, when the double is
registered (after its live check passes), on a fixed tuning line rather than on whatever a
script happens to say. The double then sounds the same in every clip, and a render only
applies the stored shift.

A stored shift is only valid for the voice and tuning line it was chosen with:
:func:`voice_shift_record` writes that basis next to the numbers, and
:func:`voice_shift_from_record` ignores a record made on another basis (the render then chooses
again, the same way).
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata

from core.media.audio import Audio
from core.voice.samples import VoiceSample
from core.voice.shift import (
    FORMANT_WARP_CANDIDATES,
    VoiceShift,
    VoiceShiftError,
    choose_and_apply_voice_shift,
    shift_voice,
)
from core.voice.speech import VOICE_PACKAGE, synthesize_speech

# Two sentences (4 s), one exclaimed and one asked, so its median pitch is the voice's typical
# pitch: the pitch ratio comes out within 1-3 % of the true one for synthetic voices, where a
# single 2.6 s exclamation overshot by 14-17 % and lowered voice similarity on other lines
# (docs/voice_calibration.md). Choosing on it costs ~1.1 s, once per double.
TUNING_LINE = "Hello! This is how I sound when I'm happy. Do you want to come along?"

# (text, speed) -> speech in the built-in voice; the same text must give the same speech.
Speak = Callable[[str, float], Audio]


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
class VoiceTuning:
    """A double's chosen voice shift and what it sounds like.

    Attributes:
        shift: Pitch ratio and formant warp toward the double's voice sample.
        preview: The tuning line spoken in the shifted voice (for the person to hear).
    """

    shift: VoiceShift
    preview: Audio


def tune_voice(sample: VoiceSample, *, speak: Speak = speak_english) -> VoiceTuning | None:
    """Choose the shift that brings the built-in voice closest to a double's voice sample.

    Args:
        sample: The double's voice sample.
        speak: The voice the shift applies to (the same one that will speak the dialogue).

    Returns:
        The tuning, or None when the sample has no pitched sound to aim at.
    """
    try:
        shift, preview = choose_and_apply_voice_shift(speak(TUNING_LINE, 1.0), sample)
    except VoiceShiftError:
        return None
    return VoiceTuning(shift, preview)


def preview_voice(sample: VoiceSample, shift: VoiceShift | None) -> Audio | None:
    """The tuning line as the double speaks it in clips: its stored shift, or chosen now.

    Args:
        sample: The double's voice sample.
        shift: Its stored shift (see :func:`voice_shift_from_record`), or None.

    Returns:
        Speech in the built-in voice's rate, or None when the sample has no pitch (clips then
        use a stock voice for the double).
    """
    if shift is None:
        tuning = tune_voice(sample)
        return tuning.preview if tuning is not None else None
    line = speak_english(TUNING_LINE)
    return shift_voice(line, f0_ratio=shift.f0_ratio, formant_warp=shift.formant_warp)


def voice_shift_record(shift: VoiceShift) -> str:
    """The shift as JSON text to store with the double, with the basis it was chosen on."""
    return json.dumps(
        {
            "basis": tuning_basis(),
            "f0_ratio": shift.f0_ratio,
            "formant_warp": shift.formant_warp,
            "similarity": shift.similarity,
        },
        sort_keys=True,
    )


def voice_shift_from_record(record: str | None) -> VoiceShift | None:
    """The stored shift, or None when there is none, it is unreadable or its basis is stale."""
    if not record:
        return None
    try:
        fields = json.loads(record)
        if fields.get("basis") != tuning_basis():
            return None
        return VoiceShift(
            f0_ratio=float(fields["f0_ratio"]),
            formant_warp=float(fields["formant_warp"]),
            similarity=float(fields["similarity"]),
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


@functools.cache  # read on every cast member's load; the installed voice can't change in-process
def tuning_basis() -> str:
    """Names what a chosen shift depends on besides the sample: voice, line and candidates."""
    try:
        voice_version = metadata.version(VOICE_PACKAGE)
    except metadata.PackageNotFoundError:
        voice_version = "unknown"
    basis = f"{VOICE_PACKAGE}=={voice_version}|{TUNING_LINE}|{FORMANT_WARP_CANDIDATES}"
    return hashlib.sha256(basis.encode()).hexdigest()[:16]
