"""The services the UI talks to, built once by the composition root (app.py)."""

from __future__ import annotations

from dataclasses import dataclass

from core.templates import Template
from webapp.auth import AuthService
from webapp.clips import ClipService
from webapp.doubles import DoubleService
from webapp.friends import FriendService
from webapp.grants import GrantService
from webapp.media import MediaFiles
from webapp.settings import Settings


@dataclass(frozen=True)
class Services:
    settings: Settings
    auth: AuthService
    doubles: DoubleService
    clips: ClipService
    friends: FriendService
    grants: GrantService
    templates: list[Template]
    media_files: MediaFiles
    browser_state_secret: str  # keeps the browser's saved login readable across restarts
