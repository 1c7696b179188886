"""The install's own C2PA signing identity: a local CA and an ES256 signing certificate.

On first run :func:`ensure_signing_identity` creates, in ``keys_dir``:

- ``ca.key.pem`` / ``ca.cert.pem``: a self-signed P-256 CA (CA:true, pathlen 0, keyCertSign),
  valid 10 years. Verifiers who want "Trusted" instead of "Valid" add ``ca.cert.pem`` as a trust
  anchor (``python -m core.provenance verify FILE --ca ca.cert.pem``).
- ``signer.key.pem`` / ``signer.cert.pem``: the P-256 leaf that signs manifests, valid 2 years,
  with what c2pa-rs checks for a claim signer: not a CA, keyUsage digitalSignature (critical),
  extendedKeyUsage emailProtection (c2pa-rs accepts it; the C2PA-specific
  1.3.6.1.4.1.62558.2.1 claim-signing purpose is newer and not needed), subject and authority
  key identifiers.

Private keys are written with mode 0600 inside a 0700 directory. Later runs reuse the files; a
leaf that is within 30 days of expiry is re-issued from the same CA so old clips stay verifiable.
An exclusive file lock makes two processes starting at once agree on one identity.
"""

from __future__ import annotations

import datetime
import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from core.provenance.errors import SigningIdentityError

ORGANIZATION = "Co-Star Studio"
CA_KEY_FILE = "ca.key.pem"
CA_CERT_FILE = "ca.cert.pem"
SIGNER_KEY_FILE = "signer.key.pem"
SIGNER_CERT_FILE = "signer.cert.pem"
_LOCK_FILE = ".identity.lock"
_CA_VALIDITY = datetime.timedelta(days=3650)
_SIGNER_VALIDITY = datetime.timedelta(days=730)
_RENEW_BEFORE = datetime.timedelta(days=30)
# Tolerates small clock differences between the signing and the verifying machine.
_BACKDATE = datetime.timedelta(minutes=5)


@dataclass(frozen=True)
class SigningIdentity:
    """PEM material needed to sign manifests.

    Attributes:
        certificate_chain_pem: Signer certificate followed by the CA certificate.
        private_key_pem: The signer's PKCS#8 private key (never printed in repr).
        ca_certificate_pem: The CA certificate, the trust anchor for verification.
        keys_dir: Where the files live.
    """

    certificate_chain_pem: bytes = field(repr=False)
    private_key_pem: bytes = field(repr=False)
    ca_certificate_pem: bytes = field(repr=False)
    keys_dir: Path


def ensure_signing_identity(keys_dir: Path | str) -> SigningIdentity:
    """Load the install's signing identity, creating it on first run.

    Args:
        keys_dir: Directory holding the keys; created with mode 0700 if missing.

    Returns:
        The :class:`SigningIdentity`.

    Raises:
        SigningIdentityError: The directory cannot be written, a key file is unreadable, or the
            CA key is gone while the signer certificate needs renewing.
    """
    directory = Path(keys_dir)
    try:
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        with _exclusive_lock(directory / _LOCK_FILE):
            ca_key, ca_cert = _load_or_create_ca(directory)
            _ensure_signer(directory, ca_key, ca_cert)
            return SigningIdentity(
                certificate_chain_pem=_read(directory / SIGNER_CERT_FILE)
                + _read(directory / CA_CERT_FILE),
                private_key_pem=_read(directory / SIGNER_KEY_FILE),
                ca_certificate_pem=_read(directory / CA_CERT_FILE),
                keys_dir=directory,
            )
    except OSError as error:
        raise SigningIdentityError(
            f"Cannot use the signing keys in {directory}: {error.strerror or error}. "
            "Check that the directory exists and is writable by the app."
        ) from error


@contextmanager
def _exclusive_lock(lock_path: Path) -> Iterator[None]:
    with lock_path.open("a") as lock_file:
        fcntl.flock(lock_file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock_file, fcntl.LOCK_UN)


def _load_or_create_ca(
    directory: Path,
) -> tuple[ec.EllipticCurvePrivateKey | None, x509.Certificate]:
    key_path, cert_path = directory / CA_KEY_FILE, directory / CA_CERT_FILE
    if cert_path.exists():
        ca_cert = _load_certificate(cert_path)
        # The CA key may be moved offline after setup; it is only needed to renew the signer.
        ca_key = _load_private_key(key_path) if key_path.exists() else None
        return ca_key, ca_cert
    ca_key = ec.generate_private_key(ec.SECP256R1())
    name = _name(f"{ORGANIZATION} local CA")
    now = _now()
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _BACKDATE)
        .not_valid_after(now + _CA_VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(key_cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    _write_private_key(key_path, ca_key)
    _write_public(cert_path, ca_cert.public_bytes(serialization.Encoding.PEM))
    return ca_key, ca_cert


def _ensure_signer(
    directory: Path, ca_key: ec.EllipticCurvePrivateKey | None, ca_cert: x509.Certificate
) -> None:
    key_path, cert_path = directory / SIGNER_KEY_FILE, directory / SIGNER_CERT_FILE
    if key_path.exists() and cert_path.exists() and _signer_is_current(cert_path, ca_cert):
        return
    if ca_key is None:
        raise SigningIdentityError(
            f"The signing certificate in {directory} is missing or expiring and the CA key "
            f"{CA_KEY_FILE} is not there to issue a new one. Put the CA key back, or delete "
            f"{CA_CERT_FILE} to start a new identity (old clips then verify only with the old CA)."
        )
    signer_key = ec.generate_private_key(ec.SECP256R1())
    now = _now()
    signer_cert = (
        x509.CertificateBuilder()
        .subject_name(_name(f"{ORGANIZATION} clip signer"))
        .issuer_name(ca_cert.subject)
        .public_key(signer_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - _BACKDATE)
        .not_valid_after(min(now + _SIGNER_VALIDITY, ca_cert.not_valid_after_utc))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(digital_signature=True), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(signer_key.public_key()), False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
            critical=False,
        )
        .sign(ca_key, hashes.SHA256())
    )
    _write_private_key(key_path, signer_key)
    _write_public(cert_path, signer_cert.public_bytes(serialization.Encoding.PEM))


def _signer_is_current(cert_path: Path, ca_cert: x509.Certificate) -> bool:
    cert = _load_certificate(cert_path)
    try:
        # A signature check, not a name comparison: a re-created CA has the same name.
        cert.verify_directly_issued_by(ca_cert)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return cert.not_valid_after_utc - _now() > _RENEW_BEFORE


def _key_usage(*, digital_signature: bool = False, key_cert_sign: bool = False) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=digital_signature,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=key_cert_sign,
        crl_sign=key_cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, ORGANIZATION),
        ]
    )


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC)


def _write_private_key(path: Path, key: ec.EllipticCurvePrivateKey) -> None:
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    _write_atomically(path, pem, mode=0o600)


def _write_public(path: Path, pem: bytes) -> None:
    _write_atomically(path, pem, mode=0o644)


def _write_atomically(path: Path, data: bytes, *, mode: int) -> None:
    # Created with its final mode (never briefly world-readable), then renamed into place so a
    # crash cannot leave a truncated key behind.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(temporary, mode)  # os.open's mode is filtered by the umask.
    os.replace(temporary, path)


def _read(path: Path) -> bytes:
    return path.read_bytes()


def _load_certificate(path: Path) -> x509.Certificate:
    try:
        return x509.load_pem_x509_certificate(path.read_bytes())
    except ValueError as error:
        raise SigningIdentityError(
            f"{path} is not a PEM certificate; restore it from a backup or delete the keys "
            "directory to create a new identity."
        ) from error


def _load_private_key(path: Path) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except ValueError as error:
        raise SigningIdentityError(
            f"{path} is not an unencrypted PEM private key; restore it from a backup."
        ) from error
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise SigningIdentityError(f"{path} must hold a P-256 (EC) key for ES256 signing.")
    return key
