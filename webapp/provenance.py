"""Provenance of stored clips: what was recorded when a clip finished, and a full re-check.

At the end of a render the cheap checks are recorded (the label the pipeline drew, the
watermark id it embedded, the C2PA manifest read back from the file without decoding frames),
so feeds can show a provenance status without touching video. "Verify" runs the full
``core.provenance.verify_clip`` on the stored file: label, watermark and manifest read back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from core.provenance import (
    ProvenanceError,
    ai_label_text,
    clip_assertion_data,
    read_manifest,
    verify_clip,
)

PROVENANCE_VERSION = 1


def provenance_at_finish(
    path: Path, *, clip_id: str, creator_handle: str, trust_anchor_pem: bytes | None
) -> dict[str, object]:
    """The provenance facts of a freshly rendered file, as stored in ``Clip.provenance_json``."""
    facts: dict[str, object] = {
        "version": PROVENANCE_VERSION,
        "label_drawn": True,  # the pipeline draws it on every frame before encoding
        "label_text": ai_label_text(creator_handle),
        "watermark_clip_id": clip_id,
    }
    try:
        reading = read_manifest(path, trust_anchor_pem=trust_anchor_pem)
    except ProvenanceError as error:
        return {**facts, "manifest_state": "unreadable", "manifest_problems": [str(error)]}
    assertion = reading.clip_assertion or {}
    return {
        **facts,
        "manifest_state": reading.validation_state or "missing",
        "manifest_clip_id": assertion.get("clip_id"),
        "manifest_cast": [member.get("double_id") for member in assertion.get("cast", [])],
        "manifest_problems": list(reading.problems),
    }


@dataclass(frozen=True)
class ProvenanceStatus:
    """A clip's recorded provenance, reduced to what a card shows."""

    recorded: bool
    label_drawn: bool = False
    watermark_clip_id: str | None = None
    manifest_state: str | None = None  # "Trusted", "Valid", "Invalid", "missing", "unreadable"
    manifest_matches_clip: bool = False

    @property
    def summary(self) -> str:
        if not self.recorded:
            return "Provenance not recorded (no finished video)."
        manifest = {
            "Trusted": "C2PA manifest signed by this studio",
            "Valid": "C2PA manifest valid",
        }.get(self.manifest_state or "", f"C2PA manifest {self.manifest_state or 'missing'}")
        if self.manifest_state in ("Trusted", "Valid") and not self.manifest_matches_clip:
            manifest += " (names another clip!)"
        label = "AI label" if self.label_drawn else "no AI label"
        watermark = "watermarked" if self.watermark_clip_id else "no watermark"
        return f"{label} · {watermark} · {manifest}"


def provenance_status(provenance_json: str, clip_public_id: str) -> ProvenanceStatus:
    facts = json.loads(provenance_json or "{}")
    if not facts:
        return ProvenanceStatus(recorded=False)
    return ProvenanceStatus(
        recorded=True,
        label_drawn=bool(facts.get("label_drawn")),
        watermark_clip_id=facts.get("watermark_clip_id"),
        manifest_state=facts.get("manifest_state"),
        manifest_matches_clip=facts.get("manifest_clip_id") == clip_public_id,
    )


@dataclass(frozen=True)
class ClipVerification:
    """The full check of a stored clip's file, as the Verify button reports it."""

    clip_public_id: str
    label_visible: bool
    label_score: float
    watermark_clip_id: str | None
    watermark_agreement: float
    manifest_present: bool
    manifest_valid: bool
    manifest_trusted: bool
    manifest_clip_id: str | None
    problems: tuple[str, ...]

    @property
    def watermark_matches(self) -> bool:
        return self.watermark_clip_id == self.clip_public_id

    @property
    def ok(self) -> bool:
        return (
            not self.problems
            and self.watermark_matches
            and self.manifest_clip_id == self.clip_public_id
        )


def verify_clip_file(
    path: Path, *, clip_public_id: str, trust_anchor_pem: bytes | None
) -> ClipVerification:
    """Decode the file and read back all three provenance signals.

    Raises:
        core.media.video_encode.VideoEncodeError: ffmpeg cannot decode the file.
    """
    verification = verify_clip(path, trust_anchor_pem=trust_anchor_pem)
    assertion = clip_assertion_data(verification.manifest) or {}
    problems = list(verification.problems)
    watermark_id = verification.watermark.clip_id
    if watermark_id and watermark_id != clip_public_id:
        problems.append(f"The watermark names clip {watermark_id}, not {clip_public_id}.")
    return ClipVerification(
        clip_public_id=clip_public_id,
        label_visible=verification.label_visible,
        label_score=verification.label_score,
        watermark_clip_id=watermark_id,
        watermark_agreement=verification.watermark.agreement,
        manifest_present=verification.manifest is not None,
        manifest_valid=verification.manifest_valid,
        manifest_trusted=verification.manifest_trusted,
        manifest_clip_id=assertion.get("clip_id"),
        problems=tuple(problems),
    )
