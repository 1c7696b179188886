"""The services the UI talks to, built once by the composition root (app.py)."""

from __future__ import annotations

from dataclasses import dataclass

from core.scripts.templates import Template
from webapp.account_data import AccountDataService
from webapp.appearances import AppearanceService
from webapp.auth import AuthService
from webapp.clips import ClipService
from webapp.doubles import DoubleService
from webapp.feed import FeedService
from webapp.friends import FriendService
from webapp.grants import GrantService
from webapp.live import LiveService
from webapp.media import MediaFiles
from webapp.media_pass import MediaPassTickets
from webapp.render_queue import RenderQueue
from webapp.settings import Settings


@dataclass(frozen=True)
class Services:
    settings: Settings
    auth: AuthService
    doubles: DoubleService
    clips: ClipService
    account_data: AccountDataService
    render_workers: RenderQueue  # threads (webapp.jobs) or Celery (webapp.celery_queue)
    friends: FriendService
    grants: GrantService
    templates: list[Template]
    media_files: MediaFiles
    appearances: AppearanceService
    feed: FeedService
    live: LiveService  # what changed since a page last looked (counts on tabs, redraws)
    browser_state_secret: str  # keeps the browser's saved login readable across restarts
    media_passes: MediaPassTickets  # a page's login -> its media cookie (webapp.media_pass)
