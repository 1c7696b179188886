"""Voice: speech in, speech out.

Owns voice samples and speaker embeddings (voice similarity), the built-in TTS voice, shifting
that voice toward a double's own (WORLD vocoder) and choosing the shift once per double, and the
spoken-code check of the live consent challenge.
"""

from core.voice.samples import VoiceEmbedding, VoiceSample
from core.voice.speech import resample, synthesize_speech
from core.voice.tuning import tune_voice

__all__ = ["VoiceEmbedding", "VoiceSample", "resample", "synthesize_speech", "tune_voice"]
