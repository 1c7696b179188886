"""Soundtrack beds made by code: scene ambience, a quiet music bed and foley for actions.

Everything is synthesized with numpy/scipy from the clip's seed (no audio files, no downloads),
so the same inputs give the same samples. :func:`compose_soundtrack` lays the beds and foley
under the dialogue and ducks them while someone speaks.
"""

from core.soundtrack.ambience import SCENE_AMBIENCE, ambience_for_scene
from core.soundtrack.foley import FoleyCue, cues_from_actions, cues_from_descriptions
from core.soundtrack.mix import SceneSpan, compose_soundtrack, longest_silence
from core.soundtrack.music import TEMPLATE_MOODS, music_mood

__all__ = [
    "SCENE_AMBIENCE", "TEMPLATE_MOODS", "FoleyCue", "SceneSpan", "ambience_for_scene",
    "compose_soundtrack", "cues_from_actions", "cues_from_descriptions", "longest_silence",
    "music_mood",
]  # fmt: skip
