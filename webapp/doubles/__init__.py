"""Digital doubles: registration with verified consent, settings, revocation and deletion.

``service`` holds the use cases (``DoubleService``); ``records`` what it hands to the UI. The
public API is re-exported here.
"""

from webapp.doubles.records import (
    VISIBILITY_LABELS,
    ConsentAnswers,
    DoubleError,
    DoubleNotFoundError,
    DoubleRecord,
    DoubleSettings,
    IssuedChallenge,
    ReferenceUpload,
    kind_choices,
    visibility_choices,
)
from webapp.doubles.service import DoubleService

__all__ = [
    "VISIBILITY_LABELS",
    "ConsentAnswers",
    "DoubleError",
    "DoubleNotFoundError",
    "DoubleRecord",
    "DoubleService",
    "DoubleSettings",
    "IssuedChallenge",
    "ReferenceUpload",
    "kind_choices",
    "visibility_choices",
]
