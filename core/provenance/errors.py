"""Errors raised by the provenance package; every message tells a user what to do next."""


class ProvenanceError(Exception):
    """Base class for every error raised by :mod:`core.provenance`."""


class InvalidLabelError(ProvenanceError):
    """The visible label cannot be drawn on this frame or with this text."""


class WatermarkError(ProvenanceError):
    """The invisible watermark cannot be embedded or read."""


class SigningIdentityError(ProvenanceError):
    """The local signing keys are missing, unreadable or unusable."""


class ManifestError(ProvenanceError):
    """The C2PA manifest cannot be built, signed or read."""
