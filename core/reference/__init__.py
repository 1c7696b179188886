"""Reference intake: from an uploaded video or photos to what a double is made of.

Owns the intake limits and file sniffing, reading reference videos and photos, person and
subject mattes, the living sprite (matted frames the renderer animates) and the whole reference
analysis that registration runs (faces, voice) and the live challenge check (`challenge`).
"""

from core.reference.analysis import ReferenceAnalysis, ReferenceAnalyzer, ReferenceInputs
from core.reference.intake import IntakeLimits, MediaIntakeError
from core.reference.sprite import LivingSprite

__all__ = [
    "IntakeLimits",
    "LivingSprite",
    "MediaIntakeError",
    "ReferenceAnalysis",
    "ReferenceAnalyzer",
    "ReferenceInputs",
]
