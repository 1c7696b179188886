"""Mark frames with the label and watermark, and verify all three provenance signals of a file.

``python -m core.provenance verify FILE [--ca PEM]`` prints a readable report and exits 1 when
the label, the watermark or a valid manifest is missing (or, with ``--ca``, when the manifest is
not trusted), 0 when everything checks out.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core.media.video_encode import VideoEncodeError, read_mp4_frames
from core.provenance.errors import ProvenanceError
from core.provenance.label import LABEL_CONTRAST_THRESHOLD, draw_ai_label, label_presence_score
from core.provenance.manifest import clip_assertion_data, read_manifest
from core.provenance.watermark import (
    WATERMARK_EVERY_NTH_FRAME,
    WatermarkReading,
    embed_watermark,
    read_watermark,
    should_watermark,
)

# 12 marked frames = the first 3 s at 24 fps; ~0.9 s of watermark decoding.
MAX_FRAMES_TO_VERIFY = 12


@dataclass(frozen=True)
class Verification:
    """What :func:`verify_clip` found in a file.

    Attributes:
        label_visible: Our "AI-generated" label shows in the sampled frames.
        label_score: Median label contrast over the sampled frames (0-255).
        watermark: The watermark reading (clip id or None).
        manifest: The active C2PA manifest as a dict, or None.
        manifest_valid: The manifest's signature and hashes check out.
        manifest_trusted: The signer chains to the trust anchor that was given.
        problems: One readable line per missing or invalid signal; empty when all is well.
    """

    label_visible: bool
    label_score: float
    watermark: WatermarkReading
    manifest: dict[str, Any] | None
    manifest_valid: bool
    manifest_trusted: bool
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when nothing is missing or invalid."""
        return not self.problems


def mark_frames(
    frames: Iterable[np.ndarray], *, clip_id: str, label_text: str
) -> Iterator[np.ndarray]:
    """Add the visible label to every frame and the invisible watermark to every 6th frame.

    The watermark goes on after the label, so the label cannot disturb the watermark's blocks.

    Args:
        frames: RGB uint8 frames of one clip, in order.
        clip_id: 16 lowercase hex characters.
        label_text: The label text, normally from ``ai_label_text(creator_handle)``.

    Returns:
        An iterator of marked frames (the inputs are not modified).

    Raises:
        InvalidLabelError: A frame is not RGB uint8 or the label does not fit.
        WatermarkError: The clip id is malformed or a frame is smaller than 256x256.
    """
    for index, frame in enumerate(frames):
        labelled = draw_ai_label(frame, label_text)
        yield embed_watermark(labelled, clip_id) if should_watermark(index) else labelled


def verify_clip(path: Path | str, *, trust_anchor_pem: bytes | str | None = None) -> Verification:
    """Read the label, the watermark and the C2PA manifest back from a clip.

    Args:
        path: The MP4 file.
        trust_anchor_pem: PEM of the CA to trust; without it the manifest can be valid but is
            never trusted (and that is not counted as a problem).

    Returns:
        A :class:`Verification`; ``problems`` lists everything missing or invalid.

    Raises:
        VideoEncodeError: The file does not exist or ffmpeg cannot decode it.
    """
    frames = list(
        read_mp4_frames(path, every_nth=WATERMARK_EVERY_NTH_FRAME, max_frames=MAX_FRAMES_TO_VERIFY)
    )
    problems: list[str] = []
    label_score = _label_score(frames, problems)
    watermark = _watermark(frames, problems)
    manifest, valid, trusted, clip_assertion = _manifest(path, trust_anchor_pem, problems)
    manifest_clip_id = clip_assertion.get("clip_id") if clip_assertion else None
    if watermark.clip_id and manifest_clip_id and watermark.clip_id != manifest_clip_id:
        problems.append(
            f"The watermark says clip {watermark.clip_id} but the manifest says "
            f"{manifest_clip_id}: the pictures and the manifest do not belong together."
        )
    return Verification(
        label_visible=label_score >= LABEL_CONTRAST_THRESHOLD,
        label_score=round(label_score, 1),
        watermark=watermark,
        manifest=manifest,
        manifest_valid=valid,
        manifest_trusted=trusted,
        problems=tuple(problems),
    )


def format_report(path: Path | str, verification: Verification) -> str:
    """Render a verification as the text the ``verify`` command prints.

    Args:
        path: The file that was verified.
        verification: Its :class:`Verification`.

    Returns:
        A multi-line, human-readable report.
    """
    check = {True: "yes", False: "NO"}
    watermark = verification.watermark
    lines = [
        f"Provenance report for {Path(path).name}",
        f"  Visible AI label:    {check[verification.label_visible]} "
        f"(contrast {verification.label_score:.0f}, needs {LABEL_CONTRAST_THRESHOLD:.0f})",
        f"  Invisible watermark: {watermark.clip_id or 'NONE'} "
        f"(bit agreement {watermark.agreement:.0%} over {watermark.frames_read} frames)",
        f"  C2PA manifest:       {'present' if verification.manifest else 'NONE'}, "
        f"valid: {check[verification.manifest_valid]}, "
        f"trusted: {check[verification.manifest_trusted]}",
    ]
    clip_data = clip_assertion_data(verification.manifest)
    if clip_data:
        cast = ", ".join(member.get("double_id", "?") for member in clip_data.get("cast", []))
        lines.append(
            f"  Clip {clip_data.get('clip_id')} by {clip_data.get('creator')} "
            f"with backend {clip_data.get('generator_backend')}; cast doubles: {cast or 'none'}"
        )
    if verification.problems:
        lines.append("Problems:")
        lines.extend(f"  - {problem}" for problem in verification.problems)
    else:
        lines.append("All provenance signals are present and valid.")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``python -m core.provenance``.

    Args:
        argv: Command-line arguments without the program name (defaults to ``sys.argv[1:]``).

    Returns:
        0 when the file verifies, 1 when something is missing or invalid, 2 on usage errors.
    """
    parser = argparse.ArgumentParser(prog="python -m core.provenance")
    commands = parser.add_subparsers(dest="command", required=True)
    verify_command = commands.add_parser("verify", help="check label, watermark and C2PA manifest")
    verify_command.add_argument("file", type=Path, help="the MP4 clip to verify")
    verify_command.add_argument("--ca", type=Path, help="PEM of the CA to trust (ca.cert.pem)")
    arguments = parser.parse_args(argv)

    try:
        anchor = arguments.ca.read_bytes() if arguments.ca else None
        verification = verify_clip(arguments.file, trust_anchor_pem=anchor)
    except (OSError, VideoEncodeError, ProvenanceError) as error:
        print(f"Cannot verify {arguments.file}: {error}", file=sys.stderr)
        return 2
    print(format_report(arguments.file, verification))
    return 0 if verification.ok else 1


def _label_score(frames: list[np.ndarray], problems: list[str]) -> float:
    if not frames:
        problems.append("The file has no video frames, so no label can be checked.")
        return 0.0
    try:
        score = statistics.median(label_presence_score(frame) for frame in frames)
    except ProvenanceError as error:
        problems.append(f"The label could not be checked: {error}")
        return 0.0
    if score < LABEL_CONTRAST_THRESHOLD:
        problems.append("The visible 'AI-generated' label is missing from the top-left corner.")
    return score


def _watermark(frames: list[np.ndarray], problems: list[str]) -> WatermarkReading:
    try:
        reading = read_watermark(frames)
    except ProvenanceError as error:
        problems.append(f"The watermark could not be read: {error}")
        return WatermarkReading(clip_id=None, agreement=0.0, frames_read=0)
    if reading.clip_id is None:
        problems.append(
            "No valid invisible watermark was found (the file may have been re-encoded heavily, "
            "trimmed, or never marked)."
        )
    return reading


def _manifest(
    path: Path | str, trust_anchor_pem: bytes | str | None, problems: list[str]
) -> tuple[dict[str, Any] | None, bool, bool, dict[str, Any] | None]:
    try:
        reading = read_manifest(path, trust_anchor_pem=trust_anchor_pem)
    except ProvenanceError as error:
        problems.append(str(error))
        return None, False, False, None
    if reading.manifest is None:
        problems.append(
            "No C2PA manifest: the file was never signed, or it was re-encoded or remuxed after "
            "signing (which removes the manifest)."
        )
    elif not reading.valid:
        problems.append(f"The C2PA manifest is {reading.validation_state or 'unreadable'}.")
    if reading.manifest is not None and trust_anchor_pem is not None and not reading.trusted:
        problems.append("The manifest was not signed by the given CA.")
    problems.extend(f"C2PA: {problem}" for problem in reading.problems)
    return reading.manifest, reading.valid, reading.trusted, reading.clip_assertion
