"""Handing media blobs to the browser, only to people allowed to see them.

Gradio serves any file a handler returns to whoever knows its URL, so blobs are never served
from a stable path: each viewer gets their own copy in a random folder, swept after a while,
and withdrawn at once when the blob is purged (a deleted clip must not stay downloadable).
A viewer's copy is handed to them again while its link has more than half its lifetime left:
copying every video on every feed redraw was the slowest part of a page under load, and the
reuse never lengthens a link's life nor shares a copy between viewers.
Which blobs a viewer may see is decided by the features that reference them (a double's
owner, a clip's audience), registered as ``BlobAccessRule`` functions.

Every fetch of a served copy is checked again (:class:`ServedMediaGuard`, an ASGI middleware in
front of Gradio's ``/gradio_api/file=`` route): the request must come from the viewer the copy
was made for (their login, read from the media-pass cookie, :mod:`webapp.media_pass`; a link
copied to another browser or account, or fetched without signing in, is refused), the copy
must have been handed out by this process (copies from before a restart are refused), must not
be older than its link lifetime, its viewer must still be an active account with a live login
(signing out or deleting the account ends every link at once), and the viewer must still be
allowed to see the blob (a revoked double, a withdrawn creator or a deleted clip end it at
once). The check is keyed by blob and viewer, so it does not depend on where the bytes are
stored.
"""

from __future__ import annotations

import mimetypes
import re
import secrets
import shutil
import threading
import time
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from db import media
from db import users as user_queries
from db.engine import transaction
from webapp.auth import CurrentUser
from webapp.media_pass import requester_token

# (session, viewer or None for anonymous, blob key) -> may this viewer see the blob?
BlobAccessRule = Callable[[Session, CurrentUser | None, str], bool]

_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")
# The media types this app stores; mimetypes alone misses some (it has no audio/wav).
_EXTENSIONS = {
    "video/mp4": ".mp4", "video/webm": ".webm", "video/quicktime": ".mov",
    "audio/wav": ".wav", "audio/mpeg": ".mp3", "audio/mp4": ".m4a", "audio/webm": ".weba",
    "image/png": ".png", "image/jpeg": ".jpg", "image/webp": ".webp",
    "application/zip": ".zip", "application/json": ".json",
}  # fmt: skip


class MediaAccessDeniedError(PermissionError):
    """The viewer may not see this media (or it does not exist: we don't say which)."""


@dataclass(frozen=True)
class _ServedGrant:
    """Who a served copy was made for, and of what (None: bytes a service authorised)."""

    key: str | None
    viewer_id: int
    expires_at: float


class MediaFiles:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        served_dir: Path,
        rules: Sequence[BlobAccessRule] = (),
        *,
        max_age_seconds: float = 3600.0,
        sweep_interval_seconds: float = 60.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._sessions = sessions
        self._served_dir = served_dir
        self._rules = list(rules)
        self._max_age_seconds = max_age_seconds
        self._clock = clock
        # Served folder name -> who it was made for; a fetch of anything else is refused.
        self._grants: dict[str, _ServedGrant] = {}
        # Blob key -> folders holding a served copy of it, so a purge can withdraw them. Kept in
        # memory: copies made before a restart are only removed by the sweep.
        self._copies: dict[str, set[Path]] = {}
        self._copies_lock = threading.Lock()
        # (viewer id, blob key, file name) -> the copy last made for them (see temporary_copy).
        self._reusable: dict[tuple[int, str, str], Path] = {}
        # The sweep walks the whole served folder; running it on every copy made each feed
        # page slower the more pages had been shown (a 20-person load test piled up a thousand
        # folders within a minute). It only reclaims disk: expiry is enforced on every fetch.
        self._sweep_interval_seconds = min(sweep_interval_seconds, max_age_seconds)
        self._next_sweep_at = 0.0  # time.monotonic() value

    def add_rule(self, rule: BlobAccessRule) -> None:
        self._rules.append(rule)

    def may_view(self, session: Session, viewer: CurrentUser | None, key: str) -> bool:
        return any(rule(session, viewer, key) for rule in self._rules)

    def temporary_copy(self, viewer: CurrentUser | None, key: str, filename: str) -> Path:
        """The blob as a file in a random folder made for this viewer; returns the file's path.

        Access is checked on every call; the viewer's previous copy is returned while its link
        has more than half its lifetime left, otherwise the bytes are written to a new folder.

        Raises:
            MediaAccessDeniedError: no rule lets this viewer see the blob.
            db.media.BlobCorruptedError: the stored bytes fail their checksum.
        """
        (path,) = self.temporary_copies(viewer, [(key, filename)])
        if path is None:
            raise MediaAccessDeniedError("You don't have access to that media.")
        return path

    def temporary_copies(
        self, viewer: CurrentUser | None, wanted: Sequence[tuple[str, str]]
    ) -> list[Path | None]:
        """Several blobs (key, file name) as ``temporary_copy`` makes each, checked in one
        database transaction (a feed page shows twelve); None where the viewer may not see one.

        Raises:
            db.media.BlobCorruptedError: stored bytes fail their checksum.
        """
        found: list[Path | tuple[bytes, str] | None] = []
        with transaction(self._sessions) as session:
            for key, filename in wanted:
                found.append(self._find(session, viewer, key, filename))
        return [
            self._store(viewer, key, filename, *item) if isinstance(item, tuple) else item
            for (key, filename), item in zip(wanted, found, strict=True)
        ]

    def authorised_copies(
        self, viewer: CurrentUser, wanted: Sequence[tuple[str, str]]
    ) -> list[Path | None]:
        """Blobs (key, file name) a service has just allowed ``viewer`` to see, in its own
        check of the same request (a feed page: a card carries its video's key only when the
        rulebook lets this viewer watch the clip), as ``temporary_copies`` makes them.

        The rules are not asked a second time, and the viewer's fresh copy is handed out again
        without a query: under load each query gives up the interpreter lock and waits to get
        it back, which made a feed page's 24 re-checks its slowest part. Every fetch of the copy
        is still checked against the rules (``may_fetch``), and a purge withdraws it at once.
        None where the blob no longer exists.

        Raises:
            db.media.BlobCorruptedError: stored bytes fail their checksum.
        """
        found: list[Path | tuple[bytes, str] | None] = [
            self._reusable_copy(viewer, key, filename) for key, filename in wanted
        ]
        if any(item is None for item in found):
            with transaction(self._sessions) as session:
                for index, (key, _filename) in enumerate(wanted):
                    if found[index] is None:
                        found[index] = _blob_and_type(session, key)
        return [
            self._store(viewer, key, filename, *item) if isinstance(item, tuple) else item
            for (key, filename), item in zip(wanted, found, strict=True)
        ]

    def _find(
        self, session: Session, viewer: CurrentUser | None, key: str, filename: str
    ) -> Path | tuple[bytes, str] | None:
        """The viewer's fresh copy, or the bytes and media type to copy; None: not theirs."""
        if not self.may_view(session, viewer, key):
            return None
        try:
            info = media.get_blob_info(session, key)
        except media.BlobNotFoundError:
            return None
        reusable = self._reusable_copy(viewer, key, filename)
        if reusable is not None:
            return reusable
        return media.read_blob(session, key), info.media_type

    def _store(
        self, viewer: CurrentUser | None, key: str, filename: str, data: bytes, media_type: str
    ) -> Path:
        path = self._write(data, filename, media_type)
        with self._copies_lock:
            self._copies.setdefault(key, set()).add(path.parent)
            if viewer is not None:
                self._grants[path.parent.name] = _ServedGrant(
                    key, viewer.id, self._clock() + self._max_age_seconds
                )
                self._reusable[(viewer.id, key, filename)] = path
        return path

    def _reusable_copy(self, viewer: CurrentUser | None, key: str, filename: str) -> Path | None:
        if viewer is None:  # anonymous copies are never served: nothing to reuse
            return None
        with self._copies_lock:
            path = self._reusable.get((viewer.id, key, filename))
            if path is None:
                return None
            grant = self._grants.get(path.parent.name)
            time_left = grant.expires_at - self._clock() if grant is not None else 0.0
            if time_left > self._max_age_seconds / 2 and path.exists():
                return path
            del self._reusable[(viewer.id, key, filename)]
            return None

    def withdraw(self, key: str) -> int:
        """Delete every served copy of a blob now; returns how many copies went."""
        with self._copies_lock:
            folders = self._copies.pop(key, set())
            for reuse_key in [k for k in self._reusable if k[1] == key]:
                del self._reusable[reuse_key]
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        return len(folders)

    def temporary_file(
        self, data: bytes, filename: str, media_type: str, viewer: CurrentUser | None = None
    ) -> Path:
        """Hand bytes a service already authorised (say, a data export) to ``viewer``.

        Every fetch checks that ``viewer`` is still signed in somewhere (an export link dies
        with the account); with no viewer the file is never served.
        """
        path = self._write(data, filename, media_type)
        if viewer is not None:
            with self._copies_lock:
                self._grants[path.parent.name] = _ServedGrant(
                    None, viewer.id, self._clock() + self._max_age_seconds
                )
        return path

    def is_served_path(self, path: Path) -> bool:
        """Whether ``path`` lies in the folder of served copies."""
        served = self._served_dir.resolve()
        return path == served or served in path.parents

    def may_fetch(self, path: Path, requester_id: int | None) -> bool:
        """Check a fetch of a served copy now (see the module docstring).

        Args:
            path: The absolute path a request asks for, inside the served folder.
            requester_id: The signed-in person making the request (None: nobody signed in).

        Returns:
            True only when the copy is still valid and the requester is its viewer.
        """
        relative = path.resolve().relative_to(self._served_dir.resolve())
        if len(relative.parts) < 2 or requester_id is None:
            return False
        with self._copies_lock:
            grant = self._grants.get(relative.parts[0])
        if grant is None or grant.viewer_id != requester_id or self._clock() > grant.expires_at:
            return False
        now = datetime.fromtimestamp(self._clock(), UTC)
        with transaction(self._sessions) as session:
            if not user_queries.has_live_session(session, grant.viewer_id, now):
                return False
            if grant.key is None:
                return True
            user = user_queries.get_user(session, grant.viewer_id)
            viewer = CurrentUser(id=user.id, username=user.username,
                                 display_name=user.display_name)  # fmt: skip
            return self.may_view(session, viewer, grant.key) and _blob_exists(session, grant.key)

    def _write(self, data: bytes, filename: str, media_type: str) -> Path:
        self._sweep_if_due()
        folder = self._served_dir / secrets.token_urlsafe(16)
        folder.mkdir(parents=True, mode=0o700)
        path = folder / _file_name(filename, media_type)
        path.write_bytes(data)
        return path

    def _sweep_if_due(self) -> None:
        now = time.monotonic()
        with self._copies_lock:
            if now < self._next_sweep_at:
                return
            self._next_sweep_at = now + self._sweep_interval_seconds
        self.sweep()

    def sweep(self) -> int:
        """Remove served copies older than the maximum age; returns how many folders went."""
        if not self._served_dir.exists():
            return 0
        cutoff = time.time() - self._max_age_seconds
        removed = 0
        for folder in self._served_dir.iterdir():
            if folder.is_dir() and folder.stat().st_mtime < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
                removed += 1
        with self._copies_lock:
            now = self._clock()
            for name in [n for n, grant in self._grants.items() if grant.expires_at < now]:
                del self._grants[name]
            for reuse_key, path in list(self._reusable.items()):
                if path.parent.name not in self._grants:
                    del self._reusable[reuse_key]
            for key, folders in list(self._copies.items()):
                folders.intersection_update(f for f in folders if f.exists())
                if not folders:
                    del self._copies[key]
        return removed


def _file_name(filename: str, media_type: str) -> str:
    stem = _SAFE_NAME.sub("_", Path(filename).stem)[:60].strip("._") or "media"
    extension = _EXTENSIONS.get(media_type) or mimetypes.guess_extension(media_type) or ".bin"
    return stem + extension


def _blob_and_type(session: Session, key: str) -> tuple[bytes, str] | None:
    try:
        info = media.get_blob_info(session, key)
    except media.BlobNotFoundError:
        return None
    return media.read_blob(session, key), info.media_type


def _blob_exists(session: Session, key: str) -> bool:
    try:
        media.get_blob_info(session, key)
    except media.BlobNotFoundError:
        return False
    return True


_ASGIApp = Callable[..., Awaitable[None]]
_FILE_ROUTE_MARK = "/file="


# A login token (from the media-pass cookie) -> the id of the person signed in with it, or None.
IdentifyRequester = Callable[[str | None], int | None]


class ServedMediaGuard:
    """ASGI middleware: re-check every fetch of a served media copy (see the module docstring).

    Requests for Gradio's file route that point into the served folder are answered 403 unless
    :meth:`MediaFiles.may_fetch` allows them for the person the request's media-pass cookie
    names; everything else passes through untouched.
    """

    def __init__(self, app: _ASGIApp, media_files: MediaFiles, identify: IdentifyRequester) -> None:
        self._app = app
        self._media_files = media_files
        self._identify = identify

    def _may_fetch(self, target: Path, token: str | None) -> bool:
        return self._media_files.may_fetch(target, self._identify(token))

    async def __call__(
        self, scope: MutableMapping[str, Any], receive: _ASGIApp, send: _ASGIApp
    ) -> None:
        if scope.get("type") == "http":
            target = _requested_file(scope.get("path", ""))
            if target is not None and self._media_files.is_served_path(target):
                # The check reads the database: keep it off the event loop.
                token = requester_token(scope)
                allowed = await run_in_threadpool(self._may_fetch, target, token)
                if not allowed:
                    await _refuse(send)
                    return
        await self._app(scope, receive, send)


def _requested_file(path: str) -> Path | None:
    """The file a ``…/file=<path>`` request asks for (absolute and normalised), else None."""
    decoded = urllib.parse.unquote(path)
    index = decoded.find(_FILE_ROUTE_MARK)
    if index < 0:
        return None
    requested = decoded[index + len(_FILE_ROUTE_MARK) :]
    if requested.startswith(("http://", "https://")):
        return None
    return Path(requested).resolve()


async def _refuse(send: _ASGIApp) -> None:
    body = (
        b"This media link is not valid for you (any more), or you are not signed in in this"
        b" browser. Open it from the app again."
    )
    await send({"type": "http.response.start", "status": 403, "headers": [
        (b"content-type", b"text/plain; charset=utf-8"), (b"cache-control", b"no-store"),
        (b"content-length", str(len(body)).encode()),
    ]})  # fmt: skip
    await send({"type": "http.response.body", "body": body})
