"""The services the UI talks to, built once by the composition root (app.py)."""

from __future__ import annotations

from dataclasses import dataclass

from webapp.auth import AuthService
from webapp.doubles import DoubleService
from webapp.media import MediaFiles
from webapp.settings import Settings


@dataclass(frozen=True)
class Services:
    settings: Settings
    auth: AuthService
    doubles: DoubleService
    media_files: MediaFiles
    browser_state_secret: str  # keeps the browser's saved login readable across restarts
