"""Service fixtures: a fast argon2id hasher and a controllable clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher, Type

from core.generation.pipeline import CoStarPipeline
from tests.core.generation.generation_fakes import SolidColourBackend, tone_speech
from webapp.auth import AuthService
from webapp.clips import ClipService


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def fast_hasher() -> PasswordHasher:
    # Still argon2id, with test-sized cost so the suite stays quick on 2 cores.
    return PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1, type=Type.ID)


@pytest.fixture
def make_auth(fast_hasher, clock):
    def factory(sessions, **overrides) -> AuthService:
        options = {"secret_key": b"k" * 32, "password_hasher": fast_hasher, "clock": clock}
        options.update(overrides)
        return AuthService(sessions, **options)

    return factory


@pytest.fixture
def auth(make_auth, sessions) -> AuthService:
    return make_auth(sessions)


@pytest.fixture
def clips(sessions, tmp_path, clock) -> ClipService:
    """A clip service on both databases with a fast solid-colour renderer and tone speech."""
    pipeline = CoStarPipeline(SolidColourBackend(), keys_dir=tmp_path / "keys",
                              work_dir=tmp_path / "work", speak=tone_speech)  # fmt: skip
    return ClipService(sessions, lambda: pipeline, backend_name="animatic",
                       max_blob_bytes=50_000_000, clock=clock, speak=tone_speech)  # fmt: skip
