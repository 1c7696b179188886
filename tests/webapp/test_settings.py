"""Settings come from COSTAR_* variables, typed and checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from webapp.settings import Settings, SettingsError


def test_defaults_run_offline_on_sqlite():
    settings = Settings.from_env({})
    assert settings.generator_backend == "animatic"
    assert settings.data_dir == Path("data")
    assert settings.resolved_database_url.startswith("sqlite:///")
    assert settings.resolved_database_url.endswith("data/costar.db")
    assert settings.hf_oauth is False


def test_values_are_parsed_by_type():
    settings = Settings.from_env(
        {
            "COSTAR_DATA_DIR": "/tmp/costar",
            "COSTAR_PORT": "8000",
            "COSTAR_WAN_CPU_OFFLOAD": "false",
            "COSTAR_MAX_VIDEO_SECONDS": "12.5",
            "COSTAR_GENERATOR_BACKEND": "wan-vace",
            "COSTAR_INSIGHTFACE_ROOT": "/models/insightface",
            "UNRELATED": "ignored",
        }
    )
    assert settings.data_dir == Path("/tmp/costar")
    assert settings.port == 8000
    assert settings.wan_cpu_offload == "false"
    assert settings.max_video_seconds == 12.5
    assert settings.generator_backend == "wan-vace"
    assert settings.insightface_root == Path("/models/insightface")


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"COSTAR_PORT": "eighty"}, "COSTAR_PORT='eighty' is not a whole number"),
        ({"COSTAR_PORT": "70000"}, "not a TCP port"),
        ({"COSTAR_WAN_CPU_OFFLOAD": "maybe"}, "COSTAR_WAN_CPU_OFFLOAD='maybe' is not one of"),
        ({"COSTAR_WAN_MEMORY": "48gb"}, "COSTAR_WAN_MEMORY='48gb' is not one of 24gb, 80gb"),
        ({"COSTAR_WAN_CONTROL": "depth"}, "edges, gray, animatic, none"),
        ({"COSTAR_WAN_REGIONAL": "maybe"}, "yes/no"),
        ({"COSTAR_GENERATOR_BACKEND": "sora"}, "not one of animatic, wan-vace"),
        ({"COSTAR_MAX_UPLOAD_BYTES": "0"}, "must be positive"),
    ],
)
def test_bad_values_name_the_variable(env, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_env(env)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"DATABASE_URL": "postgres://u:p@db/costar"}, "postgresql+psycopg://u:p@db/costar"),
        ({"COSTAR_DATABASE_URL": "postgresql://u@h/d", "DATABASE_URL": "sqlite://"},
         "postgresql+psycopg://u@h/d"),
    ],
)  # fmt: skip
def test_database_url_prefers_costar_and_uses_psycopg3(env, expected):
    assert Settings.from_env(env).resolved_database_url == expected


def test_spaces_oauth_is_detected():
    settings = Settings.from_env({"SPACE_ID": "team/costar", "OAUTH_CLIENT_ID": "abc"})
    assert settings.on_spaces and settings.hf_oauth
    assert not Settings.from_env({"SPACE_ID": "team/costar"}).hf_oauth
    assert settings.host == "0.0.0.0"
    assert Settings.from_env({}).host == "127.0.0.1"
