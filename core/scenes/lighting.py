"""Each scene's key light: where it comes from and its colour, for grading and rim light.

The painted scenes have a clear light source (a window behind, a low sun, a spotlight above);
people and pets composited into them are tinted toward the scene's palette and get a thin rim
of that light on the side it comes from, so they sit in the picture instead of on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.types import SceneName


@dataclass(frozen=True)
class SceneLight:
    """A scene's key light.

    Attributes:
        side: -1 light from the left, 1 from the right, 0 from above/behind (rim on both sides).
        colour: RGB of the rim light.
        strength: 0..1, how bright the rim is.
        grade: How strongly subjects are tinted toward the scene's average colour (0..1).
    """

    side: float
    colour: tuple[int, int, int]
    strength: float
    grade: float


SCENE_LIGHTS: dict[SceneName, SceneLight] = {
    "night_city_window": SceneLight(0.0, (150, 190, 255), 0.55, 0.30),
    "sunny_park": SceneLight(-1.0, (255, 244, 210), 0.35, 0.12),
    "cozy_kitchen": SceneLight(1.0, (255, 220, 170), 0.35, 0.15),
    "beach_sunset": SceneLight(1.0, (255, 170, 90), 0.6, 0.28),
    "stage_spotlight": SceneLight(0.0, (255, 226, 160), 0.65, 0.22),
    "living_room": SceneLight(-1.0, (255, 214, 160), 0.3, 0.15),
    "rooftop_dusk": SceneLight(-1.0, (255, 160, 100), 0.55, 0.28),
    "space_station": SceneLight(1.0, (140, 200, 255), 0.5, 0.25),
}
DEFAULT_LIGHT = SceneLight(0.0, (255, 240, 220), 0.3, 0.1)


def scene_light(name: str) -> SceneLight:
    """The key light of a scene (a neutral one for a scene without an entry)."""
    return SCENE_LIGHTS.get(name, DEFAULT_LIGHT)  # type: ignore[call-overload]
