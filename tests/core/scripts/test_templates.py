"""Shipped preset templates, loading errors, and gallery thumbnails."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from core.acting.timeline import build_timeline
from core.scenes.catalog import paint_scene
from core.scripts.template_cards import main, render_template_thumbnail
from core.scripts.templates import (
    DEFAULT_TEMPLATES_DIR,
    TemplateError,
    get_template,
    load_templates,
)

WINDOW_TOML = (DEFAULT_TEMPLATES_DIR / "the_window.toml").read_text(encoding="utf-8")


def test_every_shipped_template_loads_validates_and_has_dialogue() -> None:
    templates = load_templates()
    assert len(templates) >= 8
    for template in templates:
        assert template.blurb and template.title
        assert any(shot.dialogue for shot in template.script.shots), template.id
        assert template.thumbnail is not None and template.thumbnail.stat().st_size < 60_000
    cast_sizes = Counter(len(t.script.roles) for t in templates)
    assert cast_sizes[1] >= 2 and cast_sizes[2] >= 4 and cast_sizes[3] >= 1 and cast_sizes[4] >= 1
    with_pet = [
        t
        for t in templates
        if any(r.allowed_kinds == ("pet",) or "pet" in r.name for r in t.script.roles)
    ]
    assert len(with_pet) >= 2


def test_presets_show_off_what_the_renderer_acts() -> None:
    """12+ presets; every shot has an action; nothing in them is unknown or unshowable."""
    templates = load_templates()
    assert len(templates) >= 12
    for template in templates:
        timeline = build_timeline(template.script)
        for index, _shot in enumerate(template.script.shots):
            assert timeline.for_shot(index), f"{template.id} shot {index + 1} has no action"
        for note in timeline.notes:
            assert "can't be shown" not in note and "not an action" not in note, note
        assert template.preview is None or template.preview.stat().st_size < 200_000
    person_roles = [sum("person" in r.allowed_kinds for r in t.script.roles) for t in templates]
    assert max(person_roles) >= 4 and sum(count >= 3 for count in person_roles) >= 2
    person_and_pet = [
        t
        for t in templates
        if any("person" in r.allowed_kinds for r in t.script.roles)
        and any(r.allowed_kinds[0] == "pet" for r in t.script.roles)
    ]
    assert len(person_and_pet) >= 3
    used = {action.action for t in templates for action in build_timeline(t.script).actions}
    assert len(used) >= 25, sorted(used)


def test_the_window_follows_the_seed_example() -> None:
    window = get_template("the_window")
    first, hands, face = window.script.shots
    assert [role.name for role in window.script.roles] == ["lead"]
    assert first.framing == "wide" and first.scene == "night_city_window"
    assert "guitar" in hands.description and hands.framing == "medium"
    assert face.framing == "close-up" and face.dialogue


def test_unknown_template_id_is_refused() -> None:
    with pytest.raises(TemplateError, match="There is no template 'nope'"):
        get_template("nope")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id = 'the_window'\ntitle = ", "the_window.toml: not valid TOML"),
        (
            WINDOW_TOML.replace('blurb = "', 'blurbs = "'),
            "the_window.toml: the field 'blurb' is missing",
        ),
        (WINDOW_TOML.replace('id = "the_window"', 'id = "window"'), "must match the file name"),
        (
            WINDOW_TOML.replace("duration = 4.0", "duration = 9.0", 1),
            "the_window.toml: Shot 1 lasts 9 s",
        ),
        (
            WINDOW_TOML.replace("Medium shot: @lead turns", "Medium shot: @bob turns"),
            "the_window.toml: Shot 2 mentions @bob, but the script has no role bob",
        ),
        (
            WINDOW_TOML.replace('scene = "night_city_window"', 'scene = "mars"', 1),
            "the_window.toml: Shot 1 uses the scene 'mars'",
        ),
    ],
)
def test_broken_template_files_are_refused_naming_the_file(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "the_window.toml").write_text(text, encoding="utf-8")
    with pytest.raises(TemplateError) as refused:
        load_templates(tmp_path)
    assert message in str(refused.value)


def test_empty_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="No templates"):
        load_templates(tmp_path)


def test_thumbnail_shows_the_scene_with_placeholders_and_title() -> None:
    template = get_template("park_fetch")
    thumbnail = render_template_thumbnail(template)
    assert thumbnail.shape == (180, 320, 3) and thumbnail.dtype == np.uint8
    scene = paint_scene("sunny_park", 320, 180).astype(np.int16)
    changed = np.abs(thumbnail.astype(np.int16) - scene).max(axis=2) > 30
    assert 0.1 < changed.mean() < 0.6  # silhouettes and the title band, on top of the scene
    assert changed[160:, :].mean() > 0.9  # the title band spans the bottom
    assert np.array_equal(thumbnail, render_template_thumbnail(template))


def test_cli_writes_small_pngs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["--thumbnails", str(tmp_path)])
    written = sorted(tmp_path.glob("*.png"))
    assert [p.stem for p in written] == sorted(t.id for t in load_templates())
    assert all(p.stat().st_size < 60_000 for p in written)
    assert Image.open(written[0]).size == (320, 180)
    assert "templates are valid" in capsys.readouterr().out
