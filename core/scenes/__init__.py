"""Scenes: the painted sets clips play in.

Owns the catalogue of scenes (``paint_scene`` by name, cached and animated per frame), the
painters of each set and the small painting kit they share.
"""

from core.scenes.catalog import SCENE_NAMES, SceneError, paint_scene

__all__ = ["SCENE_NAMES", "SceneError", "paint_scene"]
