"""Checking, before a clip is queued, that its dialogue will fit its shots when rendered.

A script's own check (:func:`core.scripts.model.validate_script`) only estimates speaking time
from word counts; the render places the *voiced* lines and refuses a shot whose lines do not fit
even spoken :data:`~core.generation.dialogue.MAX_SPEED_UP` times faster. Without this check such
a script was accepted, queued, and failed only when its render began.

:func:`check_dialogue_fits` runs the render's own placement (:func:`place_shot_lines`, same
frame counts, same speed-up rule, same message) with the render's voice, unshifted: the voice
is deterministic, and shifting toward a double's voice keeps the timing (WORLD re-synthesis adds
at most one analysis frame), so each line is padded by that frame. The check is therefore never
more lenient than the render, and stricter by at most 5 ms per line. It costs one text-to-speech
pass per line (about 0.2 s per sentence on 2 cores), with no vocoder and no model but the voice.
"""

from __future__ import annotations

import functools

import numpy as np

from core.generation.dialogue import place_shot_lines
from core.generation.planning import SUPPORTED_FPS, shot_frame_spans
from core.media.audio import Audio
from core.scripts.model import Script
from core.voice.mandarin import is_chinese, mandarin_available, synthesize_mandarin
from core.voice.shift import MAX_SHIFT_GROWTH_SECONDS
from core.voice.speech import UnsupportedTextError
from core.voice.tuning import Speak

__all__ = ["check_dialogue_fits", "remembering_lengths"]


def check_dialogue_fits(
    script: Script, *, speak: Speak, chinese: bool = True, fps: int = SUPPORTED_FPS
) -> None:
    """Refuse a script whose dialogue the render would refuse, with the render's message.

    Args:
        script: A validated script.
        speak: The text-to-speech function the render uses (the pipeline's ``speak``).
        chinese: Time Chinese lines in the Mandarin voice, as the render does when that voice
            is installed (False: as subtitles, as a render without it does).
        fps: The render's frame rate (shots are cut to whole frames at this rate).

    Raises:
        DialogueTooLongError: A shot's lines do not fit it even spoken fast; the message names
            the shot, as the render's does ("Shot 2's dialogue takes 9.1 s even spoken fast…").
        SpeechSynthesisError: A line has nothing speakable in it, or the voice is missing.
    """
    speak_chinese = _MANDARIN_LENGTHS if chinese and mandarin_available() else None
    voicer = _TimingVoicer(speak, speak_chinese)
    spans = shot_frame_spans([shot.duration for shot in script.shots], fps)
    for number, (shot, (first, end)) in enumerate(zip(script.shots, spans, strict=True), 1):
        if shot.dialogue:
            place_shot_lines(shot, number, fps=fps, frame_count=end - first, voicer=voicer)


def remembering_lengths(speak: Speak, *, remembered: int = 1024) -> Speak:
    """``speak`` for timing only: silence as long as the speech, each (text, speed) voiced once.

    Presets are checked every time someone stars in one; their lines are then free after the
    first check. Only lengths matter to the check, so only lengths are kept (~100 bytes each).
    """

    @functools.lru_cache(maxsize=remembered)
    def length_of(text: str, speed: float) -> tuple[int, int]:
        speech = speak(text, speed)
        return len(speech.samples), speech.sample_rate

    def silent_speech(text: str, speed: float = 1.0) -> Audio:
        samples, rate = length_of(text, speed)
        return Audio(np.zeros(samples, dtype=np.float32), rate)

    return silent_speech


class _TimingVoicer:
    """The render's voice without the shift toward a double, padded by the shift's growth."""

    def __init__(self, speak: Speak, speak_chinese: Speak | None) -> None:
        self._speak = speak
        self._speak_chinese = speak_chinese

    def voice(self, role: str, text: str, *, speed: float = 1.0) -> Audio | None:
        try:
            speech = self._speak(text, speed)
        except UnsupportedTextError:
            # As the render does: Chinese in the Mandarin voice when it is installed, anything
            # else as a subtitle timed by its length in words.
            if self._speak_chinese is None or not is_chinese(text):
                return None
            speech = self._speak_chinese(text, speed)
        pad = np.zeros(round(MAX_SHIFT_GROWTH_SECONDS * speech.sample_rate), dtype=np.float32)
        return Audio(np.concatenate([speech.samples.astype(np.float32), pad]), speech.sample_rate)


# The Mandarin voice's line lengths, remembered across checks like the English voice's.
_MANDARIN_LENGTHS = remembering_lengths(synthesize_mandarin)
