"""Clips: cast doubles into a script, queue the render, render it, store the result.

``service`` holds the use cases the UI calls; beside it ``casting`` (who may be cast, swaps,
the reference data of a cast member), ``limits`` (per-person job limits), ``rendering`` (claim,
render, finish) and ``records`` (what the UI is handed). The public API is re-exported here.
"""

from webapp.clips.limits import JobLimits
from webapp.clips.records import (
    CLIP_AUDIENCE_PHRASES,
    CLIP_SIZES,
    CLIP_VISIBILITY_LABELS,
    CastableDouble,
    ClipError,
    ClipLimitError,
    ClipRecord,
)
from webapp.clips.service import ClipService

__all__ = [
    "CLIP_AUDIENCE_PHRASES",
    "CLIP_SIZES",
    "CLIP_VISIBILITY_LABELS",
    "CastableDouble",
    "ClipError",
    "ClipLimitError",
    "ClipRecord",
    "ClipService",
    "JobLimits",
]
