"""Provenance for every clip: visible AI label, invisible watermark, signed C2PA manifest.

Typical use, after rendering and before storing a clip::

    label = ai_label_text(creator_handle)
    frames = mark_frames(rendered_frames, clip_id=clip_id, label_text=label)
    encode_mp4(frames, fps=24, size=(832, 480), audio=audio, path=clip_path)
    sign_mp4(clip_path, ClipManifest(...), ensure_signing_identity(keys_dir))  # last write

and to check a file: ``verify_clip(path, trust_anchor_pem=...)`` or
``python -m core.provenance verify FILE --ca ca.cert.pem``.
"""

from core.provenance.errors import (
    InvalidLabelError,
    ManifestError,
    ProvenanceError,
    SigningIdentityError,
    WatermarkError,
)
from core.provenance.label import (
    ai_label_text,
    draw_ai_label,
    is_label_visible,
    label_presence_score,
    render_ai_label,
)
from core.provenance.manifest import (
    CastMember,
    ClipManifest,
    ManifestReading,
    clip_assertion_data,
    manifest_definition,
    read_manifest,
    sign_mp4,
)
from core.provenance.signing import SigningIdentity, ensure_signing_identity
from core.provenance.verify import Verification, format_report, mark_frames, verify_clip
from core.provenance.watermark import (
    WATERMARK_EVERY_NTH_FRAME,
    WatermarkReading,
    embed_watermark,
    read_watermark,
    should_watermark,
)

__all__ = [
    "WATERMARK_EVERY_NTH_FRAME",
    "CastMember",
    "ClipManifest",
    "InvalidLabelError",
    "ManifestError",
    "ManifestReading",
    "ProvenanceError",
    "SigningIdentity",
    "SigningIdentityError",
    "Verification",
    "WatermarkError",
    "WatermarkReading",
    "ai_label_text",
    "clip_assertion_data",
    "draw_ai_label",
    "embed_watermark",
    "ensure_signing_identity",
    "format_report",
    "is_label_visible",
    "label_presence_score",
    "manifest_definition",
    "mark_frames",
    "read_manifest",
    "read_watermark",
    "render_ai_label",
    "should_watermark",
    "sign_mp4",
    "verify_clip",
]
