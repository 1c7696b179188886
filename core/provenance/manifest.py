"""C2PA manifests: sign a finished MP4 and read the manifest back.

Signing must be the **last write** of a clip: the manifest holds a hash of the whole file (BMFF
hash), so any later re-encode or remux drops the manifest and any edit of the media makes it
invalid. Call :func:`sign_mp4` after the final ffmpeg step.

What the manifest says (and deliberately not more):

- ``claim_generator_info``: name "Co-Star Studio", version "0.1" (C2PA 2.x claims replaced the
  old "Co-Star Studio/0.1" claim_generator string with this structured field).
- ``c2pa.actions``: one ``c2pa.created`` action with digitalSourceType trainedAlgorithmicMedia.
- ``studio.costar.clip``: clip id, generator backend, the creator's public handle (already shown
  in the visible label), and for each cast double its opaque id and the hash of the consent event
  that allowed its use. No names, no usernames of the cast, no face or voice data, no prompt.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import c2pa

from core.provenance.errors import InvalidLabelError, ManifestError
from core.provenance.label import ai_label_text
from core.provenance.signing import SigningIdentity
from core.provenance.watermark import CLIP_ID_PATTERN

CLAIM_GENERATOR_NAME = "Co-Star Studio"
CLAIM_GENERATOR_VERSION = "0.1"
CLIP_ASSERTION_LABEL = "studio.costar.clip"
CLIP_ASSERTION_SCHEMA = 1
TRAINED_ALGORITHMIC_MEDIA = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
MP4_MIME_TYPE = "video/mp4"
_SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")
_DOUBLE_ID = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")
_BACKEND = re.compile(r"^[a-z0-9][a-z0-9_.\-]{0,39}$")
# c2pa-rs reports this whenever no trust anchor was configured; it is not a defect of the file.
_UNTRUSTED_CODE = "signingCredential.untrusted"


@dataclass(frozen=True)
class CastMember:
    """One double in a clip, as named in the manifest.

    Attributes:
        double_id: The double's opaque database id (not its handle or name).
        consent_event_hash: Hex SHA-256 of the consent event that allowed this use.
    """

    double_id: str
    consent_event_hash: str


@dataclass(frozen=True)
class ClipManifest:
    """The facts about a clip that go into its C2PA manifest."""

    clip_id: str
    creator_handle: str
    backend: str
    cast: tuple[CastMember, ...] = ()


@dataclass(frozen=True)
class ManifestReading:
    """A manifest read back from a file.

    Attributes:
        manifest: The active manifest as a dict, or None when the file has none.
        validation_state: c2pa-rs's verdict: "Invalid", "Valid" or "Trusted"; None without one.
        problems: Readable descriptions of every validation failure.
    """

    manifest: dict[str, Any] | None
    validation_state: str | None
    problems: tuple[str, ...] = field(default=())

    @property
    def valid(self) -> bool:
        """True when the signature and every hash check out."""
        return self.validation_state in ("Valid", "Trusted")

    @property
    def trusted(self) -> bool:
        """True when, in addition, the signer chains to a trust anchor given to the reader."""
        return self.validation_state == "Trusted"

    @property
    def clip_assertion(self) -> dict[str, Any] | None:
        """The ``studio.costar.clip`` assertion's data, if present."""
        return clip_assertion_data(self.manifest)


def clip_assertion_data(manifest: dict[str, Any] | None) -> dict[str, Any] | None:
    """Find our ``studio.costar.clip`` assertion in a manifest dict.

    Args:
        manifest: An active manifest as returned in :class:`ManifestReading`, or None.

    Returns:
        A copy of the assertion's data, or None when there is none.
    """
    for assertion in (manifest or {}).get("assertions", []):
        if assertion.get("label") == CLIP_ASSERTION_LABEL:
            return dict(assertion.get("data", {}))
    return None


def manifest_definition(manifest: ClipManifest) -> dict[str, Any]:
    """Build the C2PA manifest definition (the JSON given to ``c2pa.Builder``).

    Args:
        manifest: The clip facts.

    Returns:
        A JSON-serialisable dict.

    Raises:
        ManifestError: A field is malformed (so no personal data can slip in by accident).
    """
    _check_manifest(manifest)
    try:
        handle = ai_label_text(manifest.creator_handle).rsplit("@", 1)[1]
    except InvalidLabelError as error:
        raise ManifestError(str(error)) from error
    return {
        "claim_generator_info": [
            {"name": CLAIM_GENERATOR_NAME, "version": CLAIM_GENERATOR_VERSION}
        ],
        "title": f"clip-{manifest.clip_id}.mp4",
        "assertions": [
            {
                "label": "c2pa.actions",
                "data": {
                    "actions": [
                        {"action": "c2pa.created", "digitalSourceType": TRAINED_ALGORITHMIC_MEDIA}
                    ]
                },
            },
            {
                "label": CLIP_ASSERTION_LABEL,
                "data": {
                    "schema": CLIP_ASSERTION_SCHEMA,
                    "clip_id": manifest.clip_id,
                    "creator": f"@{handle}",
                    "generator_backend": manifest.backend,
                    "cast": [
                        {
                            "double_id": member.double_id,
                            "consent_event_hash": member.consent_event_hash,
                        }
                        for member in manifest.cast
                    ],
                },
            },
        ],
    }


def sign_mp4(path: Path | str, manifest: ClipManifest, identity: SigningIdentity) -> None:
    """Embed a signed C2PA manifest into a finished MP4, in place.

    Must be the last write to the file. The signed copy is written next to it and renamed over
    it, so readers never see a half-signed file.

    Args:
        path: The MP4 file, after its final encode.
        manifest: The clip facts to sign.
        identity: The install's signing identity (see :func:`ensure_signing_identity`).

    Raises:
        ManifestError: The manifest is malformed, the file is missing or not an MP4 c2pa can
            sign, or the key does not match the certificate.
    """
    target = Path(path)
    if not target.is_file():
        raise ManifestError(f"Cannot sign {target}: the file does not exist.")
    definition = manifest_definition(manifest)
    descriptor, temporary_name = tempfile.mkstemp(
        prefix=".signing-", suffix=".mp4", dir=target.parent
    )
    os.close(descriptor)
    temporary = Path(temporary_name)
    try:
        _sign_to(target, temporary, definition, identity)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def read_manifest(
    path: Path | str, *, trust_anchor_pem: bytes | str | None = None
) -> ManifestReading:
    """Read and validate the C2PA manifest of a file.

    Args:
        path: The media file.
        trust_anchor_pem: PEM of the CA to trust (e.g. the install's ``ca.cert.pem``). Without
            it a correctly signed file reads "Valid" but never "Trusted".

    Returns:
        A :class:`ManifestReading`; ``manifest`` is None when the file carries no manifest.

    Raises:
        ManifestError: The file does not exist, or c2pa cannot parse it at all.
    """
    source = Path(path)
    if not source.is_file():
        raise ManifestError(f"Cannot read {source}: the file does not exist.")
    context = _reader_context(trust_anchor_pem)
    try:
        with source.open("rb") as stream:
            reader = c2pa.Reader.try_create(MP4_MIME_TYPE, stream, None, context)
            if reader is None:
                return ManifestReading(manifest=None, validation_state=None)
            with reader:
                store = json.loads(reader.json())
    except c2pa.C2paError as error:
        raise ManifestError(f"The C2PA data in {source.name} cannot be read: {error}") from error
    finally:
        context.close()
    active_label = store.get("active_manifest")
    active = store.get("manifests", {}).get(active_label) if active_label else None
    return ManifestReading(
        manifest=active,
        validation_state=store.get("validation_state"),
        problems=_validation_problems(store, trusted_anchor_given=trust_anchor_pem is not None),
    )


def _sign_to(
    source: Path, destination: Path, definition: dict[str, Any], identity: SigningIdentity
) -> None:
    try:
        signer_info = c2pa.C2paSignerInfo(
            c2pa.C2paSigningAlg.ES256,
            identity.certificate_chain_pem,
            identity.private_key_pem,
            None,  # No timestamp authority: this machine may be offline.
        )
        with (
            c2pa.Signer.from_info(signer_info) as signer,
            c2pa.Builder(definition) as builder,
            source.open("rb") as source_stream,
            destination.open("w+b") as destination_stream,
        ):
            builder.sign(signer, MP4_MIME_TYPE, source_stream, destination_stream)
    except c2pa.C2paError as error:
        raise ManifestError(
            f"Signing {source.name} failed: {error}. Check that it is a complete MP4 and that the "
            "signing keys belong together (delete the keys directory to re-create them)."
        ) from error


def _reader_context(trust_anchor_pem: bytes | str | None) -> c2pa.Context:
    if trust_anchor_pem is None:
        return c2pa.Context()
    anchors = trust_anchor_pem.decode() if isinstance(trust_anchor_pem, bytes) else trust_anchor_pem
    if "BEGIN CERTIFICATE" not in anchors:
        raise ManifestError("The trust anchor must be a PEM certificate (-----BEGIN CERTIFICATE).")
    return c2pa.Context.from_dict(
        {"trust": {"trust_anchors": anchors}, "verify": {"verify_trust": True}}
    )


def _validation_problems(store: dict[str, Any], *, trusted_anchor_given: bool) -> tuple[str, ...]:
    results = store.get("validation_results", {}).get("activeManifest", {})
    problems = []
    for failure in results.get("failure", []):
        code = failure.get("code", "unknown")
        if code == _UNTRUSTED_CODE and not trusted_anchor_given:
            continue
        problems.append(f"{code}: {failure.get('explanation', 'no explanation')}")
    return tuple(problems)


def _check_manifest(manifest: ClipManifest) -> None:
    if not CLIP_ID_PATTERN.match(manifest.clip_id):
        raise ManifestError(f"A clip id is 16 lowercase hex characters; got {manifest.clip_id!r}.")
    if not _BACKEND.match(manifest.backend):
        raise ManifestError(
            f"The backend name {manifest.backend!r} must be a short lowercase id like 'animatic'."
        )
    for member in manifest.cast:
        if not _DOUBLE_ID.match(member.double_id):
            raise ManifestError(
                f"The double id {member.double_id!r} must be an opaque id (letters, digits, "
                "'-', '_'), never a name."
            )
        if not _SHA256_HEX.match(member.consent_event_hash):
            raise ManifestError(
                f"The consent event hash for double {member.double_id} must be 64 lowercase hex "
                "characters (SHA-256)."
            )
