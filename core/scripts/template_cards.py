"""The preset gallery's thumbnails, drawn from a template.

Run ``python -m core.scripts.template_cards --thumbnails assets/templates/thumbs`` to (re)draw the
gallery thumbnails: each template's first scene with a placeholder silhouette per role and the
title.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from core.scenes.paint import hex_rgb
from core.scripts.model import Role
from core.scripts.templates import DEFAULT_TEMPLATES_DIR, Template, load_templates

# One colour per role slot, so "role 2" looks the same in the thumbnail and in the studio.
ROLE_COLOURS = ("#f2c14e", "#5fb3c9", "#e2725b", "#9b8fd9")

_SUPERSAMPLE = 2


def render_template_thumbnail(
    template: Template, width: int = 320, height: int = 180
) -> np.ndarray:
    """Draw a gallery thumbnail: the first shot's scene, a silhouette per role, the title.

    Args:
        template: The template.
        width: Thumbnail width in pixels.
        height: Thumbnail height in pixels.

    Returns:
        A ``height × width × 3`` uint8 RGB array.
    """
    # Imported here: core.scenes.catalog imports core.scripts.model, so a module-level import
    # made `import core.scenes` fail on a cycle when it came first.
    from core.scenes.catalog import paint_scene

    scene = paint_scene(template.script.shots[0].scene, width, height)
    image = Image.fromarray(scene).resize(
        (width * _SUPERSAMPLE, height * _SUPERSAMPLE), Image.Resampling.BICUBIC
    )
    draw = ImageDraw.Draw(image, "RGBA")
    big_w, big_h = image.size
    roles = template.script.roles
    label_font = ImageFont.load_default(size=max(9, big_h // 17))
    for index, role in enumerate(roles):
        centre_x = big_w * (index + 1) / (len(roles) + 1)
        colour = ROLE_COLOURS[index % len(ROLE_COLOURS)]
        _draw_silhouette(draw, role, centre_x, big_h * 0.74, big_h * 0.42, colour)
        _draw_label(draw, f"@{role.name}", centre_x, big_h * 0.755, label_font)
    _draw_title(draw, template.title, big_w, big_h)
    small = image.resize((width, height), Image.Resampling.LANCZOS)
    return np.asarray(small, dtype=np.uint8).copy()


def _draw_silhouette(
    draw: ImageDraw.ImageDraw, role: Role, x: float, ground: float, size: float, colour: str
) -> None:
    """A friendly placeholder: a person bust, or a four-legged pet when only pets fit the role."""
    fill = (*hex_rgb(colour), 235)
    shade = (0, 0, 0, 60)
    draw.ellipse(
        (x - size * 0.34, ground - size * 0.02, x + size * 0.34, ground + size * 0.07), fill=shade
    )
    if role.allowed_kinds and role.allowed_kinds[0] == "pet":
        body = (x - size * 0.3, ground - size * 0.38, x + size * 0.22, ground - size * 0.1)
        draw.rounded_rectangle(body, radius=size * 0.13, fill=fill)
        for leg_x in (x - size * 0.24, x - size * 0.1, x + size * 0.04, x + size * 0.14):
            draw.rounded_rectangle(
                (leg_x, ground - size * 0.16, leg_x + size * 0.07, ground),
                radius=size * 0.03,
                fill=fill,
            )
        head = (x + size * 0.1, ground - size * 0.56, x + size * 0.38, ground - size * 0.3)
        draw.ellipse(head, fill=fill)
        draw.polygon(
            [
                (x + size * 0.12, ground - size * 0.5),
                (x + size * 0.16, ground - size * 0.66),
                (x + size * 0.22, ground - size * 0.53),
            ],
            fill=fill,
        )
        draw.polygon(
            [
                (x + size * 0.27, ground - size * 0.53),
                (x + size * 0.33, ground - size * 0.66),
                (x + size * 0.37, ground - size * 0.48),
            ],
            fill=fill,
        )
        draw.line(
            [(x - size * 0.29, ground - size * 0.3), (x - size * 0.42, ground - size * 0.45)],
            fill=fill,
            width=max(2, int(size * 0.06)),
        )
        return
    shoulders = (x - size * 0.3, ground - size * 0.5, x + size * 0.3, ground + size * 0.05)
    draw.rounded_rectangle(shoulders, radius=size * 0.22, fill=fill)
    draw.ellipse(
        (x - size * 0.17, ground - size * 0.9, x + size * 0.17, ground - size * 0.52), fill=fill
    )


def _draw_label(
    draw: ImageDraw.ImageDraw, text: str, x: float, y: float, font: ImageFont.ImageFont
) -> None:
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    pad = (bottom - top) * 0.35
    box = (
        x - (right - left) / 2 - pad,
        y,
        x + (right - left) / 2 + pad,
        y + bottom - top + 2 * pad,
    )
    draw.rounded_rectangle(box, radius=(bottom - top) / 2 + pad, fill=(20, 20, 30, 170))
    draw.text((box[0] + pad - left, y + pad - top), text, font=font, fill=(255, 255, 255, 255))


def _draw_title(draw: ImageDraw.ImageDraw, title: str, width: int, height: int) -> None:
    band_top = height * 0.86
    draw.rectangle((0, band_top, width, height), fill=(15, 15, 25, 190))
    font = ImageFont.load_default(size=max(10, int(height * 0.09)))
    left, top, _right, bottom = draw.textbbox((0, 0), title, font=font)
    text_y = band_top + (height - band_top - (bottom - top)) / 2 - top
    draw.text((width * 0.035 - left, text_y), title, font=font, fill=(255, 255, 255, 255))


def write_thumbnails(output: Path, folder: Path = DEFAULT_TEMPLATES_DIR) -> list[Path]:
    """Write ``<id>.png`` for every template into ``output`` and return the paths.

    PNGs are palette-quantised: the gallery shows them small, and it keeps each file well under
    60 KB in the repository.
    """
    output.mkdir(parents=True, exist_ok=True)
    written = []
    for template in load_templates(folder):
        pixels = render_template_thumbnail(template)
        path = output / f"{template.id}.png"
        Image.fromarray(pixels).quantize(colors=192, dither=Image.Dither.NONE).save(
            path, optimize=True
        )
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: ``python -m core.scripts.template_cards --thumbnails <folder>``."""
    parser = argparse.ArgumentParser(description="Check the preset templates; draw thumbnails.")
    parser.add_argument("--templates", type=Path, default=DEFAULT_TEMPLATES_DIR)
    parser.add_argument("--thumbnails", type=Path, help="folder to write <id>.png thumbnails to")
    arguments = parser.parse_args(argv)
    templates = load_templates(arguments.templates)
    print(f"{len(templates)} templates are valid.")
    if arguments.thumbnails:
        for path in write_thumbnails(arguments.thumbnails, arguments.templates):
            print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
