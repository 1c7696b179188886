"""Where media bytes live: in the database (the default) or in any S3-compatible store.

Either way the ``media_blobs`` row holds the key (the SHA-256 of the bytes), the type and the
size, and every read is checked against the key (:mod:`db.media`), so access rules, exports and
deletions work the same. With S3 the row's ``data`` is NULL and the object ``<prefix><sha256>``
holds the bytes. The store travels with each session (``session.info``, set by
:func:`db.engine.make_session_factory`), so query functions keep their plain signatures.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import event
from sqlalchemy.orm import Session

from db.models import MediaBlob

SESSION_INFO_KEY = "media_store"
_PENDING_DELETES = "media_store_pending_deletes"


class MediaStoreUnavailableError(Exception):
    """The external store can't be reached or refused the request; nothing was stored."""


class MediaStore(Protocol):
    name: str

    def put(self, session: Session, blob: MediaBlob, data: bytes) -> None:
        """Store the bytes of a new blob row (before it is added to the session)."""

    def get(self, session: Session, blob_data: bytes | None, key: str) -> bytes | None:
        """The bytes under ``key``; None when they are missing."""

    def delete(self, session: Session, key: str) -> None:
        """Forget the bytes under ``key`` once the row's deletion is committed."""


class DatabaseMediaStore:
    """Bytes in the ``media_blobs.data`` column: one database holds everything."""

    name = "db"

    def put(self, session: Session, blob: MediaBlob, data: bytes) -> None:
        blob.data = data

    def get(self, session: Session, blob_data: bytes | None, key: str) -> bytes | None:
        return None if blob_data is None else bytes(blob_data)

    def delete(self, session: Session, key: str) -> None:
        return None  # the row carries the bytes away


class S3MediaStore:
    """Bytes in an S3-compatible bucket under their SHA-256 (boto3, imported only here).

    Uploads happen before the row is written, so a failed upload leaves no row; an object whose
    row is rolled back is an orphan that costs space but is never served. Deletions wait for the
    commit, so a rolled-back deletion never loses bytes a row still points to. Blobs written
    before the switch to S3 keep their bytes in the database and are still read from there.
    """

    name = "s3"

    def __init__(self, client: Any, bucket: str, *, prefix: str = "media/") -> None:
        self._client = client
        self._bucket = bucket
        self._prefix = prefix

    @classmethod
    def connect(
        cls,
        bucket: str,
        *,
        endpoint_url: str | None,
        region: str,
        access_key_id: str | None,
        secret_access_key: str | None,
        timeout_seconds: float = 5.0,
    ) -> S3MediaStore:
        import boto3
        from botocore.config import Config

        client = boto3.client(
            "s3", endpoint_url=endpoint_url or None, region_name=region,
            aws_access_key_id=access_key_id or None,
            aws_secret_access_key=secret_access_key or None,
            config=Config(connect_timeout=timeout_seconds, read_timeout=timeout_seconds * 6,
                          retries={"max_attempts": 2, "mode": "standard"}),
        )  # fmt: skip
        return cls(client, bucket)

    def _object_key(self, key: str) -> str:
        return self._prefix + key

    def put(self, session: Session, blob: MediaBlob, data: bytes) -> None:
        try:
            self._client.put_object(
                Bucket=self._bucket, Key=self._object_key(blob.sha256), Body=data,
                ContentType=blob.media_type,
            )  # fmt: skip
        except Exception as error:  # botocore: connection errors, ClientError (no bucket…)
            raise MediaStoreUnavailableError(_unavailable(error)) from error
        blob.data = None

    def get(self, session: Session, blob_data: bytes | None, key: str) -> bytes | None:
        if blob_data is not None:
            return bytes(blob_data)  # stored before the switch to S3
        try:
            response = self._client.get_object(Bucket=self._bucket, Key=self._object_key(key))
            return response["Body"].read()
        except Exception as error:
            code = getattr(error, "response", {}).get("Error", {}).get("Code")
            if code in ("NoSuchKey", "404"):
                return None
            raise MediaStoreUnavailableError(_unavailable(error)) from error

    def delete(self, session: Session, key: str) -> None:
        pending = session.info.setdefault(_PENDING_DELETES, [])
        if not pending:
            event.listen(session, "after_commit", self._delete_committed, once=True)
            event.listen(session, "after_rollback", _forget_pending, once=True)
        pending.append(key)

    def _delete_committed(self, session: Session) -> None:
        for key in session.info.pop(_PENDING_DELETES, []):
            try:
                self._client.delete_object(Bucket=self._bucket, Key=self._object_key(key))
            except Exception:  # an orphan object is never served; log and carry on
                import logging

                logging.getLogger(__name__).warning("could not delete media object %s", key)

    def check(self) -> None:
        """Fail fast at start when the bucket can't be reached."""
        try:
            self._client.head_bucket(Bucket=self._bucket)
        except Exception as error:
            raise MediaStoreUnavailableError(_unavailable(error)) from error


def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING_DELETES, None)


def _unavailable(error: Exception) -> str:
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    return f"The media store can't be reached right now ({detail}). Nothing was stored; try again."


def store_of(session: Session) -> MediaStore:
    return session.info.get(SESSION_INFO_KEY) or _DATABASE_STORE


_DATABASE_STORE = DatabaseMediaStore()
