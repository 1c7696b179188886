"""Checking a render request and cutting its script into frame-exact shot plans."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace

from core.acting.timeline import build_timeline, performer_of
from core.generation.types import CastReference, RenderRequest, ShotPlan
from core.provenance import InvalidLabelError, ai_label_text
from core.scripts.actions import Performer
from core.scripts.casting import CastMember, check_cast, check_restrictions
from core.scripts.model import validate_script
from core.sentences import sentence

logger = logging.getLogger(__name__)

CLIP_ID = re.compile(r"[0-9a-f]{16}")
SUPPORTED_FPS = 24
SIZE_MULTIPLE = 16  # video codecs and diffusion backends work in 16-pixel blocks
MIN_SIDE, MAX_WIDTH, MAX_HEIGHT = 256, 1280, 720  # the watermark needs >= 256 px per side


def checked_request(request: RenderRequest) -> RenderRequest:
    """Validate a request and return it cleaned (script normalised, size snapped).

    Args:
        request: The render request.

    Returns:
        The request to render.

    Raises:
        ScriptError: The script breaks a rule (e.g. 16 s long, 7 shots, unknown role).
        CastError: A role is uncast, or a double's kind does not fit its role.
        RestrictionViolationError: The script uses something an owner does not allow.
        ValueError: The clip id, creator handle, size, frame rate or seed is invalid.
    """
    script = validate_script(request.script)
    for role, reference in request.cast.items():
        if reference.role != role:
            raise ValueError(
                f"@{reference.handle} is filed under the role '{role}' but says it plays "
                f"'{reference.role}'."
            )
    members = {role: _as_cast_member(reference) for role, reference in request.cast.items()}
    check_cast(script, members)
    check_restrictions(script, members)
    if not CLIP_ID.fullmatch(request.clip_id):
        raise ValueError(
            f"The clip id {request.clip_id!r} is not 16 lowercase hexadecimal characters."
        )
    try:
        ai_label_text(request.creator_handle)
    except InvalidLabelError as error:
        raise ValueError(f"The creator handle {request.creator_handle!r}: {error}") from error
    if request.fps != SUPPORTED_FPS:
        raise ValueError(f"The frame rate is {request.fps}; clips are {SUPPORTED_FPS} fps.")
    if request.seed < 0:
        raise ValueError(
            sentence("planning.negative_seed", "The seed must be 0 or more; got {seed}.",
                     seed=request.seed)
        )  # fmt: skip
    width, height = _checked_size(request.width, request.height)
    return replace(request, script=script, width=width, height=height)


def _as_cast_member(reference: CastReference) -> CastMember:
    return CastMember(
        handle=reference.handle,
        kind=reference.kind,
        display_name=reference.display_name,
        description=reference.description,
        restrictions=reference.restrictions,
    )


def _checked_size(width: int, height: int) -> tuple[int, int]:
    if not (MIN_SIDE <= width <= MAX_WIDTH and MIN_SIDE <= height <= MAX_HEIGHT):
        raise ValueError(
            f"The size {width}x{height} is not supported; use {MIN_SIDE}-{MAX_WIDTH} pixels wide "
            f"and {MIN_SIDE}-{MAX_HEIGHT} high (832x480 or 1280x720)."
        )
    snapped = tuple(
        min(limit, max(MIN_SIDE, SIZE_MULTIPLE * round(side / SIZE_MULTIPLE)))
        for side, limit in ((width, MAX_WIDTH), (height, MAX_HEIGHT))
    )
    if snapped != (width, height):
        logger.warning(
            "Size %dx%d snapped to %dx%d (a multiple of %d).",
            width,
            height,
            *snapped,
            SIZE_MULTIPLE,
        )
    return snapped[0], snapped[1]


def cast_performers(request: RenderRequest) -> dict[str, Performer]:
    """How each cast member performs actions: with a body (persons, rigged characters) or as one
    piece (pets, toys, drawn characters without a rig)."""
    return {
        role: performer_of(
            reference.kind, reference.sprite is not None and reference.sprite.rig is not None
        )
        for role, reference in request.cast.items()
    }


def action_notes(request: RenderRequest) -> tuple[str, ...]:
    """What the renderer shows differently from the script's words, or cannot show (named to the
    person before rendering, and kept with the clip)."""
    return build_timeline(request.script, cast_performers(request), fps=request.fps).notes


def plan_shots(request: RenderRequest) -> list[ShotPlan]:
    """Frame-exact shot boundaries: shot i covers frames round(start*fps) to round(end*fps).

    Args:
        request: A checked request.

    Returns:
        One plan per shot, without voiced lines yet.
    """
    spans = shot_frame_spans([shot.duration for shot in request.script.shots], request.fps)
    return [
        ShotPlan(
            index=index,
            shot=shot,
            start=first / request.fps,
            duration=(end - first) / request.fps,
            frame_count=end - first,
            fps=request.fps,
            width=request.width,
            height=request.height,
        )
        for index, (shot, (first, end)) in enumerate(zip(request.script.shots, spans, strict=True))
    ]


def shot_frame_spans(durations: Sequence[float], fps: int) -> list[tuple[int, int]]:
    """(first frame, end frame) of each shot: shot i covers round(start*fps) to round(end*fps).

    Shared by :func:`plan_shots` and the dialogue check made before queueing, so both give a
    shot exactly the same number of frames.
    """
    spans, start = [], 0.0
    for duration in durations:
        spans.append((round(start * fps), round((start + duration) * fps)))
        start += duration
    return spans
