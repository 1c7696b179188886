"""Clips: cast doubles into a script, queue the render, render it, store the result.

``service`` holds the use cases the UI calls; casting, per-person limits, rendering and the
records handed to the UI live beside it. The public API is re-exported here.
"""

from webapp.clips.service import (
    CLIP_AUDIENCE_PHRASES,
    CLIP_SIZES,
    CLIP_VISIBILITY_LABELS,
    CastableDouble,
    ClipError,
    ClipLimitError,
    ClipRecord,
    ClipService,
    JobLimits,
)

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
