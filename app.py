"""Co-Star Studio — the composition root and the Hugging Face Space entry point.

Settings from the environment → database (migrated) → services → UI → launch.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import gradio as gr
from starlette.middleware import Middleware

from core.acting.pose import load_pose_landmarker
from core.identity.backends import load_face_backend
from core.model_files import pose_model_path, selfie_model_path
from core.provenance import ensure_signing_identity
from core.reference.analysis import ReferenceAnalyzer
from core.reference.intake import IntakeLimits
from core.reference.matting import load_person_segmenter
from core.scripts.restrictions import embed_phrases
from core.scripts.templates import load_templates
from core.voice.asr import RecognizerUnavailableError, load_whisper
from db.engine import make_engine, make_session_factory
from db.migrate import upgrade_database
from webapp.account_data import AccountDataService
from webapp.appearances import AppearanceService
from webapp.auth import AuthService, load_or_create_secret
from webapp.clips import ClipService, JobLimits
from webapp.doubles import DoubleService
from webapp.feed import FeedService
from webapp.friends import FriendService
from webapp.grants import GrantService
from webapp.hf_login import HubLoginFailureGuard
from webapp.i18n import CATALOGUES, I18N
from webapp.live import LiveService
from webapp.media import MediaFiles, ServedMediaGuard
from webapp.media_pass import MediaPassRoute, MediaPassTickets
from webapp.media_store_setup import build_media_store
from webapp.pipeline_setup import build_pipeline
from webapp.render_queue import build_render_queue
from webapp.services import Services
from webapp.settings import Settings
from webapp.ui.shell import CSS, THEME, build_blocks
from webapp.ui.web_fonts import (
    WaitForWebFonts,
    font_face_head,
    prepare_in_background,
)

logger = logging.getLogger("costar")


def build_services(settings: Settings) -> Services:
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    secret_key = settings.secret_key.encode() or load_or_create_secret(settings.secret_key_path)
    engine = make_engine(settings.resolved_database_url)
    backup = upgrade_database(engine)
    if backup is not None:
        logger.info("database backed up to %s before migrating", backup)
    sessions = make_session_factory(engine, media_store=build_media_store(settings))
    auth = AuthService(
        sessions,
        secret_key=secret_key,
        session_lifetime=timedelta(days=settings.session_days),
        max_failures=settings.login_max_failures,
        lockout=timedelta(minutes=settings.login_lockout_minutes),
    )
    analyzer = ReferenceAnalyzer(
        face_backend=lambda: load_face_backend(settings.insightface_root),
        person_segmenter=lambda: load_person_segmenter(selfie_model_path()),
        pose_landmarker=lambda: load_pose_landmarker(pose_model_path()),
        limits=IntakeLimits(
            max_bytes=settings.max_upload_bytes,
            max_video_seconds=settings.max_video_seconds,
            max_pixels=settings.max_video_pixels,
        ),
    )
    doubles = DoubleService(
        sessions, analyzer, secret_key=secret_key, max_blob_bytes=settings.max_blob_bytes,
        same_face=lambda a, b: load_face_backend(settings.insightface_root).is_match(a, b),
    )  # fmt: skip
    pipeline = functools.cache(lambda: build_pipeline(settings))
    clips = ClipService(
        sessions, pipeline, backend_name=settings.generator_backend,
        max_blob_bytes=settings.max_blob_bytes,
        limits=JobLimits(settings.max_active_clips_per_user, settings.max_clips_per_hour),
    )  # fmt: skip
    # Any rule may allow a blob. The clip rule asks first: a feed page asks about a dozen clip
    # videos per call, and it answers "no clip" for a double's media with one indexed lookup.
    media_files = MediaFiles(
        sessions, served_files_dir(), [clips.may_view_blob, doubles.may_view_blob]
    )
    # Verify trusts the install's own CA: the same keys_dir the pipeline signs with.
    trust_anchor = functools.cache(
        lambda: ensure_signing_identity(settings.data_dir / "keys").ca_certificate_pem
    )
    browser_secret = hashlib.sha256(b"browser-state:" + secret_key).hexdigest()
    return Services(
        settings=settings,
        auth=auth,
        doubles=doubles,
        clips=clips,
        render_workers=build_render_queue(settings, sessions, clips),
        account_data=AccountDataService(sessions, on_video_purged=media_files.withdraw),
        friends=FriendService(sessions),
        grants=GrantService(sessions),
        templates=load_templates(),
        media_files=media_files,
        appearances=AppearanceService(sessions, on_video_purged=media_files.withdraw),
        feed=FeedService(sessions, trust_anchor=trust_anchor),
        live=LiveService(sessions),
        browser_state_secret=browser_secret,
        media_passes=MediaPassTickets(),
    )


def served_files_dir() -> Path:
    """Where media copies for the browser go: inside Gradio's own file cache.

    Gradio serves a returned file that lies outside its cache from a copy it makes there,
    named by content and never deleted, so withdrawing our copy would not stop that URL.
    A file already inside the cache is served as it is, so deleting it ends the URL.
    """
    return Path(gr.utils.get_upload_folder()) / "costar-served"


def build_app(settings: Settings | None = None) -> tuple[gr.Blocks, Services]:
    services = build_services(settings or Settings.from_env())
    return build_blocks(services), services


def preload_models(services: Services) -> threading.Thread:
    """Load every model a first visitor would otherwise wait for, in the background.

    The reference check's models (faces, person mask, pose, voice embedding) and the tuning
    voice come first (the first thing a newcomer does), then the live check's speech model and
    the restrictions' sentence model. Each also loads lazily on first use, so a request made
    before its model is ready only waits for the rest of that load.
    """

    def load() -> None:
        started = time.monotonic()
        try:
            services.doubles.warm_up()
            load_whisper()
            embed_phrases(["warm up"])
            logger.info("Models preloaded in %.0f s", time.monotonic() - started)
        except (RecognizerUnavailableError, OSError, RuntimeError, ValueError):
            # Not fatal: each model loads again on first use and reports its error there.
            logging.getLogger(__name__).exception("Preloading a model failed")

    thread = threading.Thread(target=load, name="model-preload", daemon=True)
    thread.start()
    return thread


SWITCH_INTERVAL_SECONDS = 0.001


def launch(blocks: gr.Blocks, services: Services) -> None:
    """Start the render workers (they resume clips a restart cut off), then serve the UI."""
    settings = services.settings
    # A handler thread gives up the interpreter lock at every query and file check; under load
    # it then waits out the thread holding it, up to the switch interval (5 ms by default),
    # each time. A feed page made ~150 such waits (docs/benchmarks.md, issue 15).
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    preload_models(services)
    services.render_workers.start()
    # Every character of the interface goes into the Chinese web font, whatever the language.
    interface_text = "".join(v for catalogue in CATALOGUES.values() for v in catalogue.values())
    fonts_dir = (settings.cache_dir / "webfonts").resolve()
    preparing_fonts = prepare_in_background(fonts_dir, interface_text)
    middleware = [
        *middleware_for(services),
        Middleware(WaitForWebFonts, folder=fonts_dir, preparing=preparing_fonts),
    ]
    blocks.launch(
        server_name=settings.host,
        server_port=settings.port,
        theme=THEME,
        css=CSS,
        head=font_face_head(fonts_dir, interface_text),
        i18n=I18N,
        footer_links=["api"],
        max_file_size=settings.max_upload_bytes,
        allowed_paths=[str(served_files_dir().resolve()), str(fonts_dir)],
        # Every fetch of a served media copy is checked again against its viewer; a web font
        # asked for while it is being cut waits for it.
        app_kwargs={"middleware": middleware},
        show_error=True,
        ssr_mode=False,
        # Skip Gradio's start-up probe of its own URL: it gives up after one 3 s HEAD request,
        # and on a loaded 2-core machine serving the page took longer, so the app exited.
        _frontend=False,
    )


def middleware_for(services: Services) -> list[Middleware]:
    # Every fetch of a served media copy is checked again against its viewer, who is named by
    # the request's media-pass cookie (set through MediaPassRoute after each sign-in).
    def identify(token: str | None) -> int | None:
        user = services.auth.current_user(token)
        return user.id if user is not None else None

    max_age = int(timedelta(days=services.settings.session_days).total_seconds())
    stack = [
        Middleware(MediaPassRoute, tickets=services.media_passes, max_age_seconds=max_age),
        Middleware(ServedMediaGuard, media_files=services.media_files, identify=identify),
    ]
    if services.settings.hf_oauth:
        # A cancelled or failed Hub login returns to the page with a message, not a 500.
        stack.append(Middleware(HubLoginFailureGuard))
    return stack


demo: gr.Blocks | None = None

if __name__ == "__main__":
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app_settings = Settings.from_env()
    demo, app_services = build_app(app_settings)
    launch(demo, app_services)
