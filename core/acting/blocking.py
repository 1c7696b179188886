"""Blocking: where each performer stands in a shot and how large, by framing.

People with a rig stand as complete figures in wide shots (feet on the floor, a contact shadow),
from the thighs up in medium and two-shots (the frame's lower edge hides the cut), and as their
own living sprite in close-ups. Over-the-shoulder is two layers: the listener's soft, dark
shoulder in front, the speaker as a figure behind. Pets and unrigged subjects are whole
cut-outs, smaller than people.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.acting.stage import PerformerKind, Slot

FLOOR = 0.93  # the floor line of wide shots, as a share of the frame height


def block_shot(
    framing: str,
    roles: Sequence[str],
    speakers: Sequence[str],
    rigged: Mapping[str, bool],
    persons: Mapping[str, bool],
    width: int,
    height: int,
) -> list[Slot]:
    """Slots for a shot's on-screen roles, back to front.

    Args:
        framing: The shot's framing.
        roles: On-screen roles in script order (left to right).
        speakers: Roles with a line in the shot, in order.
        rigged: Role -> whether it has a body rig (persons and house characters).
        persons: Role -> whether it is a person (a person is a bust in close-ups).
        width: Frame width in pixels.
        height: Frame height in pixels.

    Returns:
        One slot per role shown.
    """
    if not roles:
        return []
    star = next((s for s in speakers if s in roles), roles[0])
    if framing == "close-up":
        return [_close(star, rigged, persons, width, height)]
    if framing == "over-the-shoulder" and len(roles) >= 2:
        other = next(role for role in roles if role != star)
        back = _standing(star, rigged, 1.15, 0.62 * width, height)
        front = Slot(
            other,
            "bust" if persons.get(other) else "sprite",
            0.13 * width,
            1.55 * height,
            1.5 * height,
            foreground=True,
        )
        return [back, front]
    if framing == "two-shot":
        roles = list(roles[:2])
        scale = 1.2
    elif framing == "medium":
        scale = 1.3 if len(roles) == 1 else 1.15 if len(roles) == 2 else 0.95
    else:
        scale = 0.64 if len(roles) <= 2 else 0.56
    xs = _spread(len(roles), width, wide=framing == "wide")
    return [_standing(role, rigged, scale, x, height) for role, x in zip(roles, xs, strict=True)]


def _standing(role: str, rigged: Mapping[str, bool], scale: float, x: float, height: int) -> Slot:
    if rigged.get(role):
        # Feet below the frame in closer shots: the figure is cut by the frame, never floating.
        ground = FLOOR * height if scale < 0.9 else (0.06 + scale) * height
        return Slot(role, "figure", x, ground, scale * height)
    kind: PerformerKind = "sprite"
    size = min(0.9, 0.42 * scale / 0.64) * height
    return Slot(role, kind, x, FLOOR * height, size)


def _close(
    star: str, rigged: Mapping[str, bool], persons: Mapping[str, bool], width: int, height: int
) -> Slot:
    if persons.get(star):
        return Slot(star, "bust", 0.5 * width, 1.42 * height, 1.45 * height)
    if rigged.get(star):
        return Slot(star, "figure", 0.5 * width, 2.15 * height, 2.2 * height)
    return Slot(star, "sprite", 0.5 * width, FLOOR * height, 0.85 * height)


def _spread(count: int, width: int, *, wide: bool) -> list[float]:
    if count == 1:
        return [0.5 * width]
    margin = (0.27 if count == 2 else 0.17) if wide else (0.25 if count == 2 else 0.15)
    return [width * (margin + (1 - 2 * margin) * i / (count - 1)) for i in range(count)]
