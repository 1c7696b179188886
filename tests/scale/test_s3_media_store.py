"""COSTAR_MEDIA_STORE=s3 against a real local S3 endpoint (moto's server, started here): bytes in
the bucket under their SHA-256, rows and access rules as with the database store, and a store
that can't be reached fails clearly with nothing half-stored."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from sqlalchemy import func, select

from db import media
from db.engine import make_session_factory, transaction
from db.media_store import S3MediaStore
from db.models import Clip, MediaBlob
from tests.core.generation.generation_fakes import two_role_script
from tests.scale.conftest import free_port, port_open, wait_until
from tests.webapp.test_clips import MAYA
from tests.webapp.test_jobs import CAST, make_service, seed_people
from webapp.auth import CurrentUser
from webapp.clips import ClipError
from webapp.media import MediaAccessDeniedError, MediaFiles
from webapp.media_store_setup import build_media_store
from webapp.settings import Settings

BUCKET = "costar-media-test"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    log = tmp_path_factory.mktemp("moto") / "moto.log"
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_until(lambda: port_open(port), 60, "the S3 endpoint")
        url = f"http://127.0.0.1:{port}"
        boto3.client("s3", endpoint_url=url, region_name="us-east-1", **KEYS).create_bucket(
            Bucket=BUCKET
        )
        yield url
    finally:
        server.terminate()
        server.wait(10)


def s3_settings(endpoint: str, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path, media_store="s3", s3_endpoint_url=endpoint, s3_bucket=BUCKET,
        s3_access_key_id="testing", s3_secret_access_key="testing",
    )  # fmt: skip


@pytest.fixture
def s3_sessions(engine, s3_endpoint, tmp_path):
    """Both databases, media bytes in the S3 bucket."""
    store = build_media_store(s3_settings(s3_endpoint, tmp_path))
    return make_session_factory(engine, media_store=store)


def bucket_object(endpoint: str, key: str) -> bytes | None:
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **KEYS)
    try:
        return client.get_object(Bucket=BUCKET, Key=f"media/{key}")["Body"].read()
    except client.exceptions.NoSuchKey:
        return None


def test_bytes_go_to_the_bucket_under_their_sha256_and_read_back_verified(s3_sessions, s3_endpoint):
    data = b"\x00\x01 a clip's bytes " * 1000
    with transaction(s3_sessions) as session:
        info = media.put_blob(session, data, "video/mp4", max_bytes=10**6)
        again = media.put_blob(session, data, "video/mp4", max_bytes=10**6)  # stored once
    assert info == again and info.sha256 == media.sha256_hex(data)
    assert bucket_object(s3_endpoint, info.sha256) == data
    with transaction(s3_sessions) as session:
        assert session.get(MediaBlob, info.sha256).data is None  # the row keeps no bytes
        assert media.read_blob(session, info.sha256) == data
        assert media.get_blob_info(session, info.sha256).size_bytes == len(data)


def test_an_object_altered_in_the_bucket_is_never_handed_out(s3_sessions, s3_endpoint):
    with transaction(s3_sessions) as session:
        key = media.put_blob(session, b"original bytes", "image/png", max_bytes=10**6).sha256
    boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1", **KEYS).put_object(
        Bucket=BUCKET, Key=f"media/{key}", Body=b"tampered bytes"
    )
    with transaction(s3_sessions) as session, pytest.raises(media.BlobCorruptedError):
        media.read_blob(session, key)


def test_deleting_removes_the_object_only_when_the_deletion_commits(s3_sessions, s3_endpoint):
    with transaction(s3_sessions) as session:
        key = media.put_blob(session, b"delete me later", "image/png", max_bytes=10**6).sha256
    with pytest.raises(RuntimeError), transaction(s3_sessions) as session:
        assert media.delete_blob(session, key)
        raise RuntimeError("the rest of the user's action failed")
    assert bucket_object(s3_endpoint, key) == b"delete me later"  # rolled back: still there
    with transaction(s3_sessions) as session:
        assert media.delete_blob(session, key)
    assert bucket_object(s3_endpoint, key) is None


def test_access_rules_are_unchanged_with_the_s3_store(s3_sessions, tmp_path):
    with transaction(s3_sessions) as session:
        key = media.put_blob(session, b"maya's portrait", "image/png", max_bytes=10**6).sha256
    only_maya = lambda _session, viewer, _key: viewer is not None and viewer.id == MAYA.id  # noqa: E731
    files = MediaFiles(s3_sessions, tmp_path / "served", [only_maya])
    assert files.temporary_copy(MAYA, key, "portrait").read_bytes() == b"maya's portrait"
    stranger = CurrentUser(id=99, username="stranger", display_name="Stranger")
    with pytest.raises(MediaAccessDeniedError):
        files.temporary_copy(stranger, key, "portrait")


def test_an_unreachable_store_refuses_uploads_clearly_and_stores_nothing(sqlite_sessions, tmp_path):
    dead = S3MediaStore.connect(BUCKET, endpoint_url=f"http://127.0.0.1:{free_port()}",
                                region="us-east-1", access_key_id="testing",
                                secret_access_key="testing", timeout_seconds=1)  # fmt: skip
    sessions = make_session_factory(sqlite_sessions.kw["bind"], media_store=dead)
    with pytest.raises(media.MediaStoreUnavailableError, match="can't be reached"):
        with transaction(sessions) as session:
            media.put_blob(session, b"an upload", "image/png", max_bytes=10**6)
    with transaction(sessions) as session:
        assert session.execute(select(func.count()).select_from(MediaBlob)).scalar_one() == 0


def test_a_render_whose_store_is_unreachable_fails_with_a_message_and_keeps_nothing(
    sqlite_sessions, tmp_path
):
    seed_people(sqlite_sessions)  # portraits in the database; only the clip's video goes to S3
    dead = S3MediaStore.connect(BUCKET, endpoint_url=f"http://127.0.0.1:{free_port()}",
                                region="us-east-1", access_key_id="testing",
                                secret_access_key="testing", timeout_seconds=1)  # fmt: skip
    sessions = make_session_factory(sqlite_sessions.kw["bind"], media_store=dead)
    service = make_service(sessions, tmp_path)
    clip = service.create(MAYA, two_role_script(), CAST, seed=5)
    with transaction(sessions) as session:
        blobs = session.execute(select(func.count()).select_from(MediaBlob)).scalar_one()
    with pytest.raises(ClipError, match="media store can't be reached"):
        service.render(MAYA, clip.id)
    failed = service.get(MAYA, clip.id)
    assert failed.status == "failed" and "Nothing was stored" in failed.status_message
    with transaction(sessions) as session:
        assert session.get(Clip, clip.id).video_sha is None
        assert session.execute(select(func.count()).select_from(MediaBlob)).scalar_one() == blobs
