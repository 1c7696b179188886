"""Gallery previews: each preset acted by house characters, rendered once and cached as files.

``python -m core.generation.previews`` renders every template with stand-ins (house characters
of the kinds each role accepts) on the embedded renderer, at a small size, and writes a short
looping animated WebP per template to ``assets/templates/previews/<id>.webp``. The Studio
gallery shows those files; they are rebuilt only when a template changes (the file name carries
no hash, so rerun the command after editing a template).
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import numpy as np
from PIL import Image

from core.acting.house import HOUSE_CHARACTERS, house_cast_reference
from core.generation.animatic import AnimaticBackend
from core.generation.pipeline import CoStarPipeline
from core.generation.planning import plan_shots
from core.generation.types import CastReference, RenderRequest
from core.scripts.templates import (
    DEFAULT_TEMPLATES_DIR,
    PREVIEWS_SUBDIR,
    Template,
    load_templates,
)

PREVIEW_SIZE = (256, 144)  # rendered at this size: a gallery card, not a clip
PREVIEW_FPS = 3  # frames kept per second of the clip (the render itself runs at 24)
PREVIEW_SEED = 11
SOUND_PREVIEW_SIZE = (448, 256)  # small enough to start at once beside the gallery
SOUND_PREVIEW_CLIP_ID = "5e1ec7ed00000000"  # not a clip of anyone's: the watermark still reads


def stand_in_cast(template: Template) -> dict[str, CastReference]:
    """House characters for a template's roles: pets get the cat, others the next character.

    Args:
        template: A preset.

    Returns:
        Role -> cast reference (each house character plays at most one role when enough fit).
    """
    people = [c for c in HOUSE_CHARACTERS if c.kind != "pet"]
    pets = [c for c in HOUSE_CHARACTERS if c.kind == "pet"]
    cast: dict[str, CastReference] = {}
    next_person = 0
    for role in template.script.roles:
        if pets and "pet" in role.allowed_kinds and "person" not in role.allowed_kinds:
            cast[role.name] = house_cast_reference(pets[0].handle, role.name)
            continue
        character = people[next_person % len(people)]
        next_person += 1
        cast[role.name] = house_cast_reference(character.handle, role.name)
    return cast


def render_frames(
    template: Template,
    cast: Mapping[str, CastReference],
    *,
    size: tuple[int, int] = PREVIEW_SIZE,
    keep: Callable[[int], bool] = lambda _index: True,
    backend: AnimaticBackend | None = None,
) -> list[np.ndarray]:
    """Paint a template's shots with a cast (no voices, labels or encoding: frames only).

    Args:
        template: The preset.
        cast: Role -> cast reference.
        size: (width, height) of the frames.
        keep: Which clip frame indices to return (all are painted).
        backend: The renderer; a new AnimaticBackend when None.

    Returns:
        The kept RGB frames in order.
    """
    painter = backend if backend is not None else AnimaticBackend()
    request = RenderRequest(template.script, dict(cast), seed=PREVIEW_SEED, clip_id="0" * 16,
                            creator_handle="costar", width=size[0], height=size[1])  # fmt: skip
    kept, first = [], 0
    for plan in plan_shots(request):
        frames = painter.render_shot(plan, request)
        kept += [frame for index, frame in enumerate(frames) if keep(first + index)]
        first += plan.frame_count
    return kept


def write_preview(template: Template, output: Path) -> Path:
    """Render and write ``<id>.webp``: the whole clip at PREVIEW_FPS, looping, small.

    Returns:
        The file written.
    """
    step = 24 // PREVIEW_FPS
    frames = render_frames(template, stand_in_cast(template), keep=lambda i: i % step == 0)
    output.mkdir(parents=True, exist_ok=True)
    path = output / f"{template.id}.webp"
    images = [Image.fromarray(frame) for frame in frames]
    partial = path.with_suffix(".partial")
    images[0].save(partial, "WEBP", save_all=True, append_images=images[1:], loop=0,
                   duration=round(1000 / PREVIEW_FPS), quality=45, method=6)  # fmt: skip
    partial.replace(path)
    return path


def write_sound_preview(template: Template, output: Path, *, pipeline: CoStarPipeline) -> Path:
    """Render and write ``<id>.mp4``: the whole clip, small, with its voices and sound beds.

    It goes through the same pipeline as every clip, so it is labelled, watermarked and signed
    like one; the stand-ins are house characters, so nobody's likeness or voice is in it.

    Returns:
        The file written.
    """
    width, height = SOUND_PREVIEW_SIZE
    request = RenderRequest(template.script, stand_in_cast(template), seed=PREVIEW_SEED,
                            clip_id=SOUND_PREVIEW_CLIP_ID, creator_handle="costar",
                            width=width, height=height)  # fmt: skip
    output.mkdir(parents=True, exist_ok=True)
    path = output / f"{template.id}.mp4"
    partial = path.with_name(f"{template.id}.partial.mp4")
    pipeline(request, output_path=partial)
    partial.replace(path)
    return path


def contact_sheet(frames: Sequence[np.ndarray], columns: int = 3) -> np.ndarray:
    """Frames tiled left to right, top to bottom, with a thin dark gutter."""
    height, width = frames[0].shape[:2]
    rows = -(-len(frames) // columns)
    gutter = 4
    sheet = np.full((rows * (height + gutter) + gutter, columns * (width + gutter) + gutter, 3),
                    24, np.uint8)  # fmt: skip
    for index, frame in enumerate(frames):
        top = gutter + (index // columns) * (height + gutter)
        left = gutter + (index % columns) * (width + gutter)
        sheet[top : top + height, left : left + width] = frame
    return sheet


def sheet_indices(total_frames: int, count: int = 6) -> list[int]:
    """``count`` frame indices spread over a clip, avoiding its very first and last frames."""
    return [round((k + 0.5) * total_frames / count) for k in range(count)]


def main(argv: Sequence[str] | None = None) -> None:
    """``python -m core.generation.previews [--output DIR] [--only ID ...]``."""
    parser = argparse.ArgumentParser(description="Render the gallery previews of the presets.")
    parser.add_argument("--output", type=Path, default=DEFAULT_TEMPLATES_DIR / PREVIEWS_SUBDIR)
    parser.add_argument("--only", nargs="*", help="template ids (default: all)")
    parser.add_argument(
        "--with-sound", action="store_true", help="also write <id>.mp4, with voices and beds"
    )
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        pipeline = None
        if arguments.with_sound:
            work = Path(scratch)
            pipeline = CoStarPipeline(
                AnimaticBackend(), keys_dir=work / "keys", work_dir=work / "work"
            )
        for template in load_templates():
            if arguments.only and template.id not in arguments.only:
                continue
            paths = [write_preview(template, arguments.output)]
            if pipeline is not None:
                paths.append(write_sound_preview(template, arguments.output, pipeline=pipeline))
            for path in paths:
                print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
