"""The media store the settings ask for (db.media_store): None means the database itself."""

from __future__ import annotations

from db.media_store import S3MediaStore
from webapp.settings import Settings


def build_media_store(settings: Settings) -> S3MediaStore | None:
    if settings.media_store != "s3":
        return None
    return S3MediaStore.connect(
        settings.s3_bucket,
        endpoint_url=settings.s3_endpoint_url or None,
        region=settings.s3_region,
        access_key_id=settings.s3_access_key_id or None,
        secret_access_key=settings.s3_secret_access_key or None,
    )
