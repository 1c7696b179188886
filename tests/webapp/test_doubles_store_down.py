"""Registering a double while the media store (S3) is down: refused clearly, nothing half-kept.

The render-side twin is in tests/scale/test_s3_media_store.py. Registration stores several
blobs (portrait, preview, sprite, voice, photos) in one transaction; whether the store is
unreachable from the start or fails half-way, no row may point at missing bytes.
"""

# ruff: noqa: F811 - the fixtures imported from test_doubles are parameters here
from __future__ import annotations

import pytest
from sqlalchemy import select

from db.engine import make_session_factory, transaction
from db.media_store import DatabaseMediaStore, MediaStoreUnavailableError, S3MediaStore
from db.models import AuditEvent, ConsentEvent, Double, DoubleReference, MediaBlob
from tests.app_server import free_port
from tests.webapp.test_doubles import (  # noqa: F401 - fixtures
    MAYA,
    analyzer,
    collins_analysis,
    count,
    media,
    register,
    users,
)
from webapp.doubles import DoubleError, DoubleService

pytestmark = pytest.mark.slow


class StoreThatGoesDown(DatabaseMediaStore):
    """Takes ``puts_before_failing`` uploads, then refuses as an unreachable S3 does."""

    name = "s3"

    def __init__(self, puts_before_failing: int) -> None:
        self.puts_left = puts_before_failing
        self.objects: dict[str, bytes] = {}

    def put(self, session, blob, data) -> None:
        if self.puts_left <= 0:
            raise MediaStoreUnavailableError(
                "The media store can't be reached right now (connection refused). "
                "Nothing was stored; try again."
            )
        self.puts_left -= 1
        self.objects[blob.sha256] = data

    def get(self, session, blob_data, key):
        return self.objects.get(key)


def unreachable_s3() -> S3MediaStore:
    return S3MediaStore.connect(
        "costar-media", endpoint_url=f"http://127.0.0.1:{free_port()}", region="us-east-1",
        access_key_id="testing", secret_access_key="testing", timeout_seconds=1,
    )  # fmt: skip


def service_with_store(engine, analyzer, store, clock) -> DoubleService:
    # The same construction as test_doubles' service, with the store under test.
    from tests.webapp.test_doubles import RECOGNISED_CODES

    codes = iter(RECOGNISED_CODES)
    return DoubleService(
        make_session_factory(engine, media_store=store), analyzer, secret_key=b"s" * 32,
        max_blob_bytes=50_000_000, same_face=lambda _a, _b: False, clock=clock,
        new_code=lambda: next(codes),
    )  # fmt: skip


def nothing_kept(sessions) -> None:
    for model in (Double, DoubleReference, ConsentEvent, MediaBlob):
        assert count(sessions, model) == 0, model.__name__
    with transaction(sessions) as session:
        actions = session.execute(select(AuditEvent.action)).scalars().all()
    assert "double.registered" not in actions


@pytest.mark.parametrize("store_factory", [unreachable_s3, lambda: StoreThatGoesDown(2)],
                         ids=["unreachable", "fails-half-way"])  # fmt: skip
def test_an_upload_while_the_store_is_down_is_refused_and_nothing_is_kept(
    engine,
    sessions,
    users,
    analyzer,
    collins_analysis,
    media,
    clock,
    store_factory,
):
    service = service_with_store(engine, analyzer, store_factory(), clock)
    code = service.issue_challenge(MAYA).code
    with pytest.raises(DoubleError) as refused:
        register(service, MAYA, collins_analysis, media, code)
    message = str(refused.value)
    assert "media store can't be reached" in message and "Nothing was stored" in message
    assert "new code" in message  # the code was spent on the live check: say what to do
    nothing_kept(sessions)


def test_once_the_store_is_back_a_new_code_registers_the_double(
    engine,
    sessions,
    users,
    analyzer,
    collins_analysis,
    media,
    clock,
):
    store = StoreThatGoesDown(1)
    service = service_with_store(engine, analyzer, store, clock)
    with pytest.raises(DoubleError, match="media store can't be reached"):
        register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)
    store.puts_left = 100  # the store is back
    record = register(service, MAYA, collins_analysis, media, service.issue_challenge(MAYA).code)
    assert record.handle == "maya" and count(sessions, Double) == 1
    with transaction(sessions) as session:
        keys = session.execute(select(MediaBlob.sha256)).scalars().all()
    assert keys and set(keys) <= set(store.objects)  # every row's bytes are in the store
