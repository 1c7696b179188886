"""Choosing the face backend: InsightFace when its pack is on disk, else dlib."""

from __future__ import annotations

import functools
import importlib.util
import logging
from pathlib import Path

from core.identity.dlib_backend import DlibFaceBackend
from core.identity.faces import FaceBackend
from core.identity.insightface_backend import InsightFaceBackend, has_insightface_pack

logger = logging.getLogger(__name__)


@functools.cache
def load_face_backend(insightface_root: Path | None = None) -> FaceBackend:
    """The face backend to use, built once per root.

    InsightFace is chosen when ``insightface_root/models/buffalo_l`` holds its detector and
    recogniser and the ``insightface`` package is importable; otherwise dlib, which always works
    offline.

    Args:
        insightface_root: folder that may hold an InsightFace model pack (settings value).

    Returns:
        A backend whose models load on first use.
    """
    if has_insightface_pack(insightface_root):
        if importlib.util.find_spec("insightface") is not None:
            assert insightface_root is not None  # has_insightface_pack(None) is False
            logger.info("Face backend: InsightFace buffalo_l under %s", insightface_root)
            return InsightFaceBackend(insightface_root)
        logger.warning("An InsightFace pack is present but insightface is not installed.")
    elif insightface_root is not None:
        logger.info("No complete buffalo_l pack under %s; using dlib.", insightface_root)
    return DlibFaceBackend()
