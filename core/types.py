"""Domain vocabulary shared by core, the services and the UI.

Closed sets live here as ``Literal`` aliases; UI dropdowns take their choices from
``typing.get_args(...)`` so the choices can never drift from what the core accepts.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

DoubleKind: TypeAlias = Literal["person", "pet", "object", "character"]
Framing: TypeAlias = Literal["wide", "medium", "close-up", "two-shot", "over-the-shoulder"]
CameraMove: TypeAlias = Literal["static", "push-in", "pull-out", "pan"]
SceneName: TypeAlias = Literal[
    "night_city_window",
    "sunny_park",
    "cozy_kitchen",
    "beach_sunset",
    "stage_spotlight",
    "living_room",
    "rooftop_dusk",
    "space_station",
]

# A double's public handle, written "@maya" in scripts: 3–24 characters of a–z, 0–9 and _.
HANDLE_PATTERN = r"[a-z0-9_]{3,24}"
