"""Handing media blobs to the browser, only to people allowed to see them.

Gradio serves any file a handler returns to whoever knows its URL, so blobs are never served
from a stable path: each request gets its own copy in a random folder, swept after a while,
and withdrawn at once when the blob is purged (a deleted clip must not stay downloadable).
Which blobs a viewer may see is decided by the features that reference them (a double's
owner, a clip's audience), registered as ``BlobAccessRule`` functions.
"""

from __future__ import annotations

import mimetypes
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from db import media
from db.engine import transaction
from webapp.auth import CurrentUser

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


class MediaFiles:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        served_dir: Path,
        rules: Sequence[BlobAccessRule] = (),
        *,
        max_age_seconds: float = 3600.0,
    ) -> None:
        self._sessions = sessions
        self._served_dir = served_dir
        self._rules = list(rules)
        self._max_age_seconds = max_age_seconds
        # Blob key -> folders holding a served copy of it, so a purge can withdraw them. Kept in
        # memory: copies made before a restart are only removed by the sweep.
        self._copies: dict[str, set[Path]] = {}
        self._copies_lock = threading.Lock()

    def add_rule(self, rule: BlobAccessRule) -> None:
        self._rules.append(rule)

    def may_view(self, session: Session, viewer: CurrentUser | None, key: str) -> bool:
        return any(rule(session, viewer, key) for rule in self._rules)

    def temporary_copy(self, viewer: CurrentUser | None, key: str, filename: str) -> Path:
        """Write the blob to a fresh random folder and return the file's path.

        Raises:
            MediaAccessDeniedError: no rule lets this viewer see the blob.
            db.media.BlobCorruptedError: the stored bytes fail their checksum.
        """
        with transaction(self._sessions) as session:
            if not self.may_view(session, viewer, key):
                raise MediaAccessDeniedError("You don't have access to that media.")
            try:
                info = media.get_blob_info(session, key)
            except media.BlobNotFoundError:
                raise MediaAccessDeniedError("You don't have access to that media.") from None
            data = media.read_blob(session, key)
        path = self.temporary_file(data, filename, info.media_type)
        with self._copies_lock:
            self._copies.setdefault(key, set()).add(path.parent)
        return path

    def withdraw(self, key: str) -> int:
        """Delete every served copy of a blob now; returns how many copies went."""
        with self._copies_lock:
            folders = self._copies.pop(key, set())
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)
        return len(folders)

    def temporary_file(self, data: bytes, filename: str, media_type: str) -> Path:
        """Hand bytes a service already authorised (say, a data export) to the browser."""
        self.sweep()
        folder = self._served_dir / secrets.token_urlsafe(16)
        folder.mkdir(parents=True, mode=0o700)
        path = folder / _file_name(filename, media_type)
        path.write_bytes(data)
        return path

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
            for key, folders in list(self._copies.items()):
                folders.intersection_update(f for f in folders if f.exists())
                if not folders:
                    del self._copies[key]
        return removed


def _file_name(filename: str, media_type: str) -> str:
    stem = _SAFE_NAME.sub("_", Path(filename).stem)[:60].strip("._") or "media"
    extension = _EXTENSIONS.get(media_type) or mimetypes.guess_extension(media_type) or ".bin"
    return stem + extension
