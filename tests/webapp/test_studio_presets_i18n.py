"""The Studio shows, casts and renders a preset in the page's language."""

from __future__ import annotations

import json

import pytest

import app
from core.scripts.templates import get_template, load_templates
from db.engine import make_engine, make_session_factory, transaction
from db.models import Clip
from tests.webapp.test_clips import add_double
from webapp.i18n import text
from webapp.settings import Settings
from webapp.ui.preset_text import gallery_items, template_caption
from webapp.ui.studio import _template_view
from webapp.ui.text import as_markdown_text

TEMPLATES = load_templates()
COFFEE = get_template("morning_coffee")


def test_a_chinese_page_gets_the_whole_preset_in_chinese():
    script, template_id, summary, preview, *_rest = _template_view(COFFEE, [], language="zh-CN")
    chinese = COFFEE.in_language("zh-CN")
    # What gets cast and rendered: the Chinese script, under the preset's own id.
    assert template_id == "morning_coffee" and script == chinese.script
    assert script.title == "早晨的咖啡" and script.shots[1].description.startswith("中景：")
    assert script.shots[0].dialogue[0].text == "先喝咖啡，再管世界。"
    assert [role.name for role in script.roles] == ["sleeper", "cat"]  # names are @mentions
    assert summary.startswith("### 早晨的咖啡\n" + as_markdown_text(chinese.blurb))
    assert "@sleeper 一边喝咖啡一边读书" in summary and "reads a book" not in summary
    assert text("studio.acted_in_english", "zh-CN") not in summary
    # The sound preview is the English pre-render: kept, and captioned as English.
    assert preview.visible and COFFEE.sound_preview is not None
    assert text("studio.preview_caption_english", "zh-CN") in summary
    assert text("studio.preview_caption", "zh-CN") not in summary


def test_role_slots_describe_each_role_in_the_page_language():
    slots = _template_view(COFFEE, [], language="zh-CN")[6:8]
    assert [slot.label for slot in slots] == ["sleeper (person/character)",
                                              "cat (pet/object/character)"]  # fmt: skip
    # Nobody castable: the slot says so in Chinese; with a double it shows the description.
    assert all("分身" in slot.info for slot in slots)


@pytest.mark.parametrize(("language", "said"), [
    ("id", "belum ada suara bahasa Indonesia"), ("ca", "encara no hi ha cap veu en català"),
])  # fmt: skip
def test_indonesian_and_catalan_pages_translate_the_words_and_say_it_is_acted_in_english(
    language, said
):
    script, _id, summary, *_rest = _template_view(COFFEE, [], language=language)
    shown = COFFEE.in_language(language)
    assert script.title == shown.title != COFFEE.title
    assert script.roles[0].description == shown.script.roles[0].description
    assert script.shots == COFFEE.script.shots  # acted and spoken in English
    assert said in summary and text("studio.acted_in_english", language) in summary
    blurb = as_markdown_text(shown.blurb)
    assert summary.index(blurb) < summary.index(said) < summary.index("reads a book")
    assert text("studio.preview_caption", language) in summary  # the preview is what they get


def test_an_english_or_unknown_page_reads_the_english_preset_without_a_note():
    for language in ("en", "fr", None):
        script, _id, summary, *_rest = _template_view(COFFEE, [], language=language)
        assert script == COFFEE.script and summary.startswith("### Morning coffee\n")
        assert "acted and spoken in English" not in summary


@pytest.mark.parametrize("language", ["en", "zh-CN", "id", "ca"])
def test_gallery_captions_name_each_preset_in_the_page_language(language):
    captions = [caption for _card, caption in gallery_items(TEMPLATES, language)]
    titles = [t.in_language(language).title for t in TEMPLATES if t.card]
    assert len(captions) == len(titles)
    assert all(caption.startswith(title) for caption, title in zip(captions, titles, strict=True))
    assert template_caption(COFFEE, language).startswith(COFFEE.in_language(language).title)
    if language != "en":
        assert not any(
            caption.startswith(t.title) for caption, t in zip(captions, TEMPLATES, strict=True)
        )


@pytest.fixture
def studio_app(tmp_path):
    settings = Settings(data_dir=tmp_path / "data")
    blocks, services = app.build_app(settings)
    signed = services.auth.sign_up("maya", "correct horse battery 9")
    engine = make_engine(settings.resolved_database_url)
    sessions = make_session_factory(engine)
    with transaction(sessions) as session:
        add_double(session, signed.user, "maya")
    yield blocks, services, signed.token, sessions
    engine.dispose()


def _endpoint(blocks, api_name: str):
    return next(fn.fn for fn in blocks.fns.values() if fn.api_name == api_name)


@pytest.mark.slow
def test_star_in_this_on_a_chinese_page_queues_the_chinese_script_under_the_preset_id(
    studio_app,
):
    blocks, _services, token, sessions = studio_app
    star_in = _endpoint(blocks, "star_in_template")
    following = star_in(token, "the_window", None, "zh-CN")
    _video, waiting, clip_id, _cancel = next(following)  # queued (no render worker runs here)
    following.close()
    assert "**窗前**" in waiting
    with transaction(sessions) as session:
        clip = session.get(Clip, clip_id)
        stored = json.loads(clip.script_json)
        assert clip.template_id == "the_window" and clip.title == "窗前"
    chinese = get_template("the_window").in_language("zh-CN").script
    assert [shot["description"] for shot in stored["shots"]] == [
        shot.description for shot in chinese.shots
    ]
    assert stored["shots"][2]["dialogue"][0]["text"] == "我都快忘了这种感觉。"
    # An English page (or an API client naming no language) stars in the English script.
    english = star_in(token, "the_window", None)
    _video, waiting, _clip_id, _cancel = next(english)
    english.close()
    assert "**The window**" in waiting
