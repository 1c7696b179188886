"""Typed application settings, read from ``COSTAR_*`` environment variables.

This is the only module that reads the environment. Everything else receives a ``Settings``
instance from the composition root (``app.py``), which keeps tests free of monkeypatched env.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Literal, get_args

GeneratorBackend = Literal["animatic", "wan-vace"]
RenderQueueKind = Literal["threads", "celery"]  # render threads in the app, or Celery workers
MediaStoreKind = Literal["db", "s3"]
ENV_PREFIX = "COSTAR_"


def _default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/costar-studio``, else ``~/.cache/costar-studio``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "costar-studio"


DEFAULT_CACHE_DIR = _default_cache_dir()


class SettingsError(ValueError):
    """An environment variable holds a value the app cannot use."""


@dataclass(frozen=True)
class Settings:
    """Everything the app can be configured with. Defaults run offline on a CPU laptop."""

    data_dir: Path = Path("data")
    # Derived files every app process on the machine can share (the cut web fonts).
    cache_dir: Path = DEFAULT_CACHE_DIR
    database_url: str = ""  # empty: a SQLite file inside data_dir
    host: str = "127.0.0.1"
    port: int = 7860
    generator_backend: GeneratorBackend = "animatic"
    # Wan VACE (GPU backend): model ("1.3B", "14B", hub id or folder) and card size choose the
    # preset (core/generation/wan/presets.py); dtype and offload override it when set.
    wan_model: str = "1.3B"
    wan_memory: str = "24gb"
    wan_dtype: str = ""  # "", bfloat16, float16, float32, float8
    wan_cpu_offload: str = ""  # "", none, model, sequential (true/false: model/none)
    wan_control: str = "edges"  # the animatic as control video: edges, gray, animatic, none
    wan_regional: bool = True  # each double's reference conditions only its own region
    wan_animate_model: str = ""  # a Wan2.2-Animate folder/id: re-render each double (replace)
    insightface_root: Path | None = None  # folder holding models/buffalo_l, when present
    max_upload_bytes: int = 200 * 1024 * 1024
    max_blob_bytes: int = 200 * 1024 * 1024
    max_video_seconds: float = 30.0
    max_video_pixels: int = 1920 * 1080
    secret_key: str = ""  # empty: generated once and kept in data_dir/secret_key
    session_days: int = 30
    login_max_failures: int = 5
    login_lockout_minutes: int = 15
    render_workers: int = 1  # clips rendered at once (one GPU or two CPU cores: one)
    max_active_clips_per_user: int = 2  # queued + rendering, per person
    max_clips_per_hour: int = 20  # per person; stops bursts from one account
    # --- beyond one machine (docs/deployment.md) ---
    queue: RenderQueueKind = "threads"
    broker_url: str = field(default="", repr=False)  # celery: amqp://user:password@host:5672//
    render_lease_seconds: float = 60.0  # a render's claim lasts this long without a progress write
    render_time_limit_seconds: int = 3600  # keep below RabbitMQ's consumer_timeout (2 h in CI)
    reaper_interval_seconds: float = 15.0
    media_store: MediaStoreKind = "db"
    s3_endpoint_url: str = ""  # empty: AWS itself
    s3_bucket: str = ""
    s3_region: str = "us-east-1"
    s3_access_key_id: str = field(default="", repr=False)
    s3_secret_access_key: str = field(default="", repr=False)
    hf_oauth: bool = False  # True on a Space created with `hf_oauth: true`
    on_spaces: bool = False
    extra: Mapping[str, str] = field(default_factory=dict, repr=False)

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "costar.db"

    @property
    def resolved_database_url(self) -> str:
        """The URL to connect to: ``database_url`` or the default SQLite file."""
        if self.database_url:
            return normalise_database_url(self.database_url)
        return f"sqlite:///{self.sqlite_path.resolve()}"

    @property
    def secret_key_path(self) -> Path:
        return self.data_dir / "secret_key"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Build settings from ``COSTAR_*`` variables (plus ``DATABASE_URL`` and Spaces' own).

        Raises:
            SettingsError: a variable is set to a value of the wrong type or outside its range.
        """
        env = dict(os.environ if environ is None else environ)
        values: dict[str, object] = {}
        for setting in fields(cls):
            if setting.name in {"extra", "hf_oauth", "on_spaces"}:
                continue
            raw = env.get(ENV_PREFIX + setting.name.upper())
            if raw is None or raw == "":
                continue
            values[setting.name] = _parse(setting.name, raw, getattr(cls, setting.name))
        if "database_url" not in values and env.get("DATABASE_URL"):
            values["database_url"] = env["DATABASE_URL"]  # the name Spaces secrets usually use
        # Spaces set SPACE_ID; `hf_oauth: true` in the README adds OAUTH_CLIENT_ID.
        values["on_spaces"] = bool(env.get("SPACE_ID"))
        if "host" not in values and (env.get("GRADIO_SERVER_NAME") or values["on_spaces"]):
            # a Space routes traffic to the container, so listen on every interface there
            values["host"] = env.get("GRADIO_SERVER_NAME") or "0.0.0.0"  # noqa: S104
        values["hf_oauth"] = bool(env.get("SPACE_ID") and env.get("OAUTH_CLIENT_ID"))
        settings = cls(**values)  # type: ignore[arg-type]
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.generator_backend not in get_args(GeneratorBackend):
            raise SettingsError(
                f"COSTAR_GENERATOR_BACKEND={self.generator_backend!r} is not one of "
                f"{', '.join(get_args(GeneratorBackend))}."
            )
        wan_choices = {
            "wan_memory": ("24gb", "80gb"),
            "wan_dtype": ("", "bfloat16", "float16", "float32", "float8"),
            "wan_cpu_offload": ("", "none", "model", "sequential", "true", "false"),
            "wan_control": ("edges", "gray", "animatic", "none"),
        }
        for name, choices in wan_choices.items():
            if getattr(self, name) not in choices:
                raise SettingsError(
                    f"COSTAR_{name.upper()}={getattr(self, name)!r} is not one of "
                    f"{', '.join(choice for choice in choices if choice)}."
                )
        if not 1 <= self.port <= 65535:
            raise SettingsError(f"COSTAR_PORT={self.port} is not a TCP port.")
        positive = (
            "max_upload_bytes", "max_blob_bytes", "session_days", "login_max_failures",
            "render_workers", "max_active_clips_per_user", "max_clips_per_hour",
        )  # fmt: skip
        for name in positive:
            if getattr(self, name) <= 0:
                raise SettingsError(f"COSTAR_{name.upper()} must be positive.")
        if self.max_video_seconds <= 0:
            raise SettingsError("COSTAR_MAX_VIDEO_SECONDS must be positive.")
        self._validate_scale()

    def _validate_scale(self) -> None:
        if self.queue not in get_args(RenderQueueKind):
            raise SettingsError(f"COSTAR_QUEUE={self.queue!r} is not one of threads, celery.")
        if self.queue == "celery":
            if not self.resolved_database_url.startswith("postgresql"):
                raise SettingsError(
                    "COSTAR_QUEUE=celery needs PostgreSQL: set COSTAR_DATABASE_URL="
                    "postgresql://user:password@host/db. App replicas and render workers share "
                    "the clip rows, and render leases use PostgreSQL locks; SQLite is one machine."
                )
            if not self.broker_url:
                raise SettingsError(
                    "COSTAR_QUEUE=celery needs COSTAR_BROKER_URL, the RabbitMQ server the "
                    "render workers listen on (amqp://user:password@host:5672//)."
                )
        if min(self.render_lease_seconds, self.render_time_limit_seconds) <= 0:
            raise SettingsError(
                "COSTAR_RENDER_LEASE_SECONDS and COSTAR_RENDER_TIME_LIMIT_SECONDS must be positive."
            )
        if self.reaper_interval_seconds <= 0:
            raise SettingsError("COSTAR_REAPER_INTERVAL_SECONDS must be positive.")
        if self.media_store not in get_args(MediaStoreKind):
            raise SettingsError(f"COSTAR_MEDIA_STORE={self.media_store!r} is not one of db, s3.")
        if self.media_store == "s3" and not self.s3_bucket:
            raise SettingsError("COSTAR_MEDIA_STORE=s3 needs COSTAR_S3_BUCKET (and usually "
                                "COSTAR_S3_ENDPOINT_URL and the access keys).")  # fmt: skip

    def with_overrides(self, **changes: object) -> Settings:
        updated = replace(self, **changes)  # type: ignore[arg-type]
        updated.validate()
        return updated


def normalise_database_url(url: str) -> str:
    """Point PostgreSQL URLs at psycopg 3, the driver we ship."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _parse(name: str, raw: str, default: object) -> object:
    env_name = ENV_PREFIX + name.upper()
    if isinstance(default, bool):
        lowered = raw.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise SettingsError(f"{env_name}={raw!r} is not a yes/no value (use true or false).")
    if isinstance(default, int):
        try:
            return int(raw)
        except ValueError:
            raise SettingsError(f"{env_name}={raw!r} is not a whole number.") from None
    if isinstance(default, float):
        try:
            return float(raw)
        except ValueError:
            raise SettingsError(f"{env_name}={raw!r} is not a number.") from None
    if isinstance(default, Path) or name.endswith(("_dir", "_root")):
        return Path(raw).expanduser()
    return raw
