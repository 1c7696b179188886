"""Content-addressed blobs: deduplicated, size-limited, verified on every read."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import func, select, update

from db import media
from db.engine import transaction
from db.models import MediaBlob

PNG_HEADER = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_put_and_read_round_trip(sessions):
    with transaction(sessions) as session:
        info = media.put_blob(session, PNG_HEADER, "image/png", max_bytes=10_000)
    assert info.sha256 == hashlib.sha256(PNG_HEADER).hexdigest()
    assert info.size_bytes == len(PNG_HEADER)
    with transaction(sessions) as session:
        assert media.read_blob(session, info.sha256) == PNG_HEADER
        assert media.get_blob_info(session, info.sha256).media_type == "image/png"


def test_same_bytes_are_stored_once(sessions):
    with transaction(sessions) as session:
        first = media.put_blob(session, PNG_HEADER, "image/png", max_bytes=10_000)
    with transaction(sessions) as session:
        second = media.put_blob(session, PNG_HEADER, "image/png", max_bytes=10_000)
        count = session.execute(select(func.count()).select_from(MediaBlob)).scalar_one()
    assert first == second
    assert count == 1


def test_corrupted_bytes_are_never_returned(sessions):
    with transaction(sessions) as session:
        info = media.put_blob(session, PNG_HEADER, "image/png", max_bytes=10_000)
    damaged = PNG_HEADER[:-1] + b"\x00"
    with transaction(sessions) as session:
        session.execute(
            update(MediaBlob).where(MediaBlob.sha256 == info.sha256).values(data=damaged)
        )
    with transaction(sessions) as session, pytest.raises(media.BlobCorruptedError, match="damaged"):
        media.read_blob(session, info.sha256)


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"x" * 101, "limit is")],
)
def test_empty_and_oversized_blobs_are_refused(sessions, data, message):
    with transaction(sessions) as session, pytest.raises(media.BlobTooLargeError, match=message):
        media.put_blob(session, data, "application/octet-stream", max_bytes=100)
    with transaction(sessions) as session:
        assert session.execute(select(func.count()).select_from(MediaBlob)).scalar_one() == 0


@pytest.mark.parametrize("key", ["", "abc", "../../etc/passwd", "G" * 64, None])
def test_malformed_keys_read_as_not_found(sessions, key):
    with transaction(sessions) as session, pytest.raises(media.BlobNotFoundError):
        media.read_blob(session, key)


def test_unknown_key_is_not_found(sessions):
    with transaction(sessions) as session, pytest.raises(media.BlobNotFoundError):
        media.read_blob(session, "0" * 64)


def test_media_type_must_be_plain(sessions):
    with transaction(sessions) as session, pytest.raises(ValueError, match="media type"):
        media.put_blob(session, b"abc", "text/html; charset=utf-8<script>", max_bytes=100)


def test_delete_blob(sessions):
    with transaction(sessions) as session:
        info = media.put_blob(session, PNG_HEADER, "image/png", max_bytes=10_000)
    with transaction(sessions) as session:
        assert media.delete_blob(session, info.sha256) is True
        assert media.delete_blob(session, info.sha256) is False
