"""The distributed mode's settings, the queue routing, and what threads mode leaves alone."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest

from db.models import Clip
from db.render_leases import claim
from webapp.clips import ClipRecord
from webapp.render_queue import DELAYED_MESSAGE, queue_for_backend
from webapp.settings import Settings, SettingsError
from webapp.ui.clip_progress import waiting_text

NOW = datetime(2026, 12, 2, 18, 0, tzinfo=UTC)
PG = "postgresql://costar:secret@db.example/costar"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"COSTAR_QUEUE": "celery"}, "needs PostgreSQL"),
        ({"COSTAR_QUEUE": "celery", "COSTAR_DATABASE_URL": "sqlite:///x.db"}, "needs PostgreSQL"),
        ({"COSTAR_QUEUE": "celery", "COSTAR_DATABASE_URL": PG}, "needs COSTAR_BROKER_URL"),
        ({"COSTAR_QUEUE": "kafka"}, "not one of threads, celery"),
        ({"COSTAR_MEDIA_STORE": "s3"}, "needs COSTAR_S3_BUCKET"),
        ({"COSTAR_MEDIA_STORE": "nfs"}, "not one of db, s3"),
        ({"COSTAR_RENDER_LEASE_SECONDS": "0"}, "must be positive"),
    ],
)
def test_bad_scale_settings_are_refused_with_a_clear_message(env, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


def test_celery_mode_settings_read_from_the_environment():
    settings = Settings.from_env({
        "COSTAR_QUEUE": "celery", "COSTAR_DATABASE_URL": PG,
        "COSTAR_BROKER_URL": "amqp://costar:pw@rabbit:5672//", "COSTAR_MEDIA_STORE": "s3",
        "COSTAR_S3_BUCKET": "media", "COSTAR_S3_ENDPOINT_URL": "http://s3.local:9000",
    })  # fmt: skip
    assert (settings.queue, settings.media_store, settings.s3_bucket) == ("celery", "s3", "media")
    assert "amqp" not in repr(settings)  # the broker URL may carry a password
    assert Settings.from_env({}).queue == "threads"


def test_gpu_backends_route_to_the_gpu_queue():
    assert queue_for_backend("wan-vace") == "render.gpu"
    assert queue_for_backend("animatic") == "render.cpu"


def test_threads_mode_never_imports_celery(tmp_path):
    code = (
        "import sys; from pathlib import Path; from webapp.settings import Settings;"
        "from webapp.render_queue import build_render_queue;"
        "from webapp.clips import ClipService;"
        "s = Settings(data_dir=Path(sys.argv[1]));"
        "q = build_render_queue(s, None, ClipService(None, None, backend_name='animatic',"
        " max_blob_bytes=1));"
        "assert type(q).__name__ == 'RenderWorkers';"
        "assert not any(m.split('.')[0] in ('celery', 'kombu', 'boto3') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True)


def _clip(status: str, *, owner: str | None = None, expires_in: float | None = None,
          attempts: int = 0) -> Clip:  # fmt: skip
    expires = None if expires_in is None else NOW + timedelta(seconds=expires_in)
    return Clip(status=status, lease_owner=owner, lease_expires_at=expires, attempts=attempts)


@pytest.mark.parametrize(
    ("clip", "exclusive", "outcome"),
    [
        (_clip("queued"), True, "claimed"),
        (_clip("queued"), False, "busy"),  # someone holds the render lock: it is claiming
        (_clip("running", owner="a", expires_in=30, attempts=1), False, "busy"),
        (_clip("running", owner="a", expires_in=30, attempts=1), True, "claimed"),  # a is gone
        (_clip("running", owner="a", expires_in=-1, attempts=1), False, "claimed"),  # hung
        (_clip("running", owner="a", expires_in=-1, attempts=2), False, "gave_up"),
        (_clip("running", owner="a", expires_in=30, attempts=2), True, "gave_up"),
        (_clip("done"), True, "finished"),
        (_clip("cancelled"), True, "finished"),
        (_clip("failed"), False, "finished"),
    ],
)
def test_claim_outcomes(clip, exclusive, outcome):
    result = claim(clip, owner="b", now=NOW, lease_seconds=60, max_attempts=2,
                   exclusive=exclusive)  # fmt: skip
    assert result == outcome
    if outcome == "claimed":
        assert clip.lease_owner == "b" and clip.lease_expires_at == NOW + timedelta(seconds=60)


def test_the_page_says_rendering_is_delayed_when_the_broker_is_down():
    clip = ClipRecord(id=1, public_id="x", title="A *greeting*", status="queued", progress=0.0,
                      status_message="", visibility="only_me", video_sha=None, duration=None,
                      cast={})  # fmt: skip
    assert DELAYED_MESSAGE in waiting_text(clip, delayed=True)
    assert DELAYED_MESSAGE not in waiting_text(clip)
