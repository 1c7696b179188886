"""Fixture that starts the real app (python app.py) on a free port with a fresh data folder."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the app exited early:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 - loopback only
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"the app did not answer within {timeout} s:\n{log.read_text()[-3000:]}")


def wait_for_log(log: Path, words: str, timeout: float = 600, *, or_: str = "\0") -> None:
    """Wait until the app's log says ``words`` (e.g. "Models preloaded"), or ``or_``."""
    deadline = time.monotonic() + timeout
    while not any(said in log.read_text(errors="replace") for said in (words, or_)):
        if time.monotonic() > deadline:
            raise RuntimeError(f"the app never logged {words!r}")
        time.sleep(1)


_models_compiled: list[bool] = []  # set once an app of this test run has preloaded its models


@contextmanager
def serving_app(data_dir: Path, extra_env: Mapping[str, str] | None = None) -> Iterator[str]:
    """Run ``python app.py`` with a fresh data folder (plus ``extra_env``); yield its URL."""
    port = free_port()
    env = {
        **os.environ,
        "COSTAR_DATA_DIR": str(data_dir),
        "COSTAR_PORT": str(port),
        "GRADIO_ANALYTICS_ENABLED": "False",
        "HF_HUB_OFFLINE": "1",
        **(extra_env or {}),
    }
    log = data_dir / "app.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "app.py"], cwd=REPO_ROOT, env=env, stdout=log_file, stderr=log_file
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        # Generous: on a loaded 2-core machine importing the app alone can take minutes.
        wait_until_up(url, process, log, timeout=300)
        if not _models_compiled:
            # The first app on a new virtualenv compiles librosa's numba functions while it
            # preloads (cached on disk for every later app): over a minute with the GIL mostly
            # held, in which a test's first call timed out. Later apps load the cache.
            wait_for_log(log, "Models preloaded", or_="Preloading a model failed")
            _models_compiled.append(True)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="module")
def running_app(tmp_path_factory) -> Iterator[str]:
    with serving_app(tmp_path_factory.mktemp("app-data")) as url:
        yield url
