"""Content-addressed media blobs: a row per blob in the database, the bytes in the media store.

By default the store is the database itself (:mod:`db.media_store`): one database (a SQLite file
or one PostgreSQL) then holds everything a user owns, so backups, exports and deletions never
miss a file on disk. A deployment with several machines may keep the bytes in an S3-compatible
store instead; keys, checks and callers stay the same.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.media_store import MediaStoreUnavailableError as _StoreUnavailable
from db.media_store import store_of
from db.models import MediaBlob

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_MEDIA_TYPE = re.compile(r"[a-z]+/[a-z0-9.+-]+")


class MediaStoreError(Exception):
    """Base for media store failures; messages are safe to show to a user."""


class BlobTooLargeError(MediaStoreError):
    pass


class MediaStoreUnavailableError(MediaStoreError):
    """The external media store can't be reached; nothing was stored or returned."""


class BlobNotFoundError(MediaStoreError):
    pass


class BlobCorruptedError(MediaStoreError):
    """The stored bytes no longer hash to their key: never hand them out."""


@dataclass(frozen=True)
class BlobInfo:
    sha256: str
    media_type: str
    size_bytes: int


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def put_blob(session: Session, data: bytes, media_type: str, *, max_bytes: int) -> BlobInfo:
    """Store ``data`` once under its SHA-256; storing the same bytes again is a no-op.

    Raises:
        BlobTooLargeError: ``data`` is empty or larger than ``max_bytes``.
        ValueError: ``media_type`` is not a plain ``type/subtype``.
        MediaStoreUnavailableError: the external media store refused or can't be reached.
    """
    if not data:
        raise BlobTooLargeError("The file is empty (0 bytes).")
    if len(data) > max_bytes:
        raise BlobTooLargeError(
            f"The file is {len(data) / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB."
        )
    if not _MEDIA_TYPE.fullmatch(media_type):
        raise ValueError(f"not a media type: {media_type!r}")
    key = sha256_hex(data)
    existing = session.get(MediaBlob, key)
    if existing is None:
        blob = MediaBlob(sha256=key, media_type=media_type, size_bytes=len(data))
        try:
            store_of(session).put(session, blob, data)  # bytes first: no row without them
        except _StoreUnavailable as error:
            raise MediaStoreUnavailableError(str(error)) from None
        session.add(blob)
        session.flush()
    return BlobInfo(sha256=key, media_type=media_type, size_bytes=len(data))


def get_blob_info(session: Session, key: str) -> BlobInfo:
    row = session.execute(
        select(MediaBlob.sha256, MediaBlob.media_type, MediaBlob.size_bytes).where(
            MediaBlob.sha256 == _checked_key(key)
        )
    ).one_or_none()
    if row is None:
        raise BlobNotFoundError("That media file does not exist.")
    return BlobInfo(sha256=row.sha256, media_type=row.media_type, size_bytes=row.size_bytes)


def read_blob(session: Session, key: str) -> bytes:
    """The blob's bytes, after checking they still hash to ``key``.

    Raises:
        BlobNotFoundError: no blob has this key.
        BlobCorruptedError: the stored bytes were altered or damaged.
        MediaStoreUnavailableError: the external media store can't be reached.
    """
    row = session.execute(
        select(MediaBlob.sha256, MediaBlob.data).where(MediaBlob.sha256 == _checked_key(key))
    ).one_or_none()
    if row is None:
        raise BlobNotFoundError("That media file does not exist.")
    try:
        data = store_of(session).get(session, row.data, key)
    except _StoreUnavailable as error:
        raise MediaStoreUnavailableError(str(error)) from None
    if data is None:
        raise BlobNotFoundError(f"Media file {key[:12]}… is missing from the media store.")
    if sha256_hex(data) != key:
        raise BlobCorruptedError(
            f"Media file {key[:12]}… is damaged (its contents no longer match its checksum) "
            "and was not returned."
        )
    return data


def delete_blob(session: Session, key: str) -> bool:
    """Delete a blob; callers check first that nothing references it. True if it existed."""
    blob = session.get(MediaBlob, _checked_key(key))
    if blob is None:
        return False
    session.delete(blob)
    session.flush()
    store_of(session).delete(session, key)
    return True


def _checked_key(key: str) -> str:
    if not isinstance(key, str) or not _SHA256_HEX.fullmatch(key):
        raise BlobNotFoundError("That media file does not exist.")
    return key
