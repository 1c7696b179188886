"""The shipped Noto fonts as web fonts: the Chinese face holds every character the page uses."""

from __future__ import annotations

import pytest
from fontTools.ttLib import TTFont

from webapp.i18n import CATALOGUES
from webapp.ui.web_fonts import CJK_FAMILY, font_face_head, prepare_web_fonts

pytestmark = pytest.mark.slow


def test_the_cjk_subset_covers_the_chinese_interface_and_common_hanzi(tmp_path):
    chinese = "".join(CATALOGUES["zh-CN"].values())
    subset = prepare_web_fonts(tmp_path / "webfonts", chinese)
    assert subset is not None and subset.stat().st_size < 10_000_000  # the collection is 33 MB
    with TTFont(str(subset)) as font:
        covered = set(font.getBestCmap())
    # Every Chinese character and CJK punctuation mark (emoji like 🎬 come from other fonts).
    needed = {ord(c) for c in chinese if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"}
    assert len(needed) > 300
    assert needed - covered == set()
    assert {ord(c) for c in "镜头一你好朋友"} <= covered  # script help and everyday words
    assert (tmp_path / "webfonts" / "NotoSans-VF.ttf").is_file()
    # Written once: a second start reuses the file.
    before = subset.stat().st_mtime_ns
    assert prepare_web_fonts(tmp_path / "webfonts", chinese) == subset
    assert subset.stat().st_mtime_ns == before


def test_the_page_names_the_faces_after_the_themes_fonts(tmp_path):
    head = font_face_head(tmp_path, "你好")
    assert f"font-family: '{CJK_FAMILY}'" in head and "unicode-range: U+3000-303F" in head
    assert f"gradio_api/file={tmp_path.resolve()}/NotoSans-VF.ttf" in head
    stack = head[head.index("--font:") :]
    assert stack.index("system-ui") < stack.index(CJK_FAMILY) < stack.index("sans-serif !important")
    # Code too: a Chinese example in the script help showed as boxes.
    mono = head[head.index("--font-mono:") :]
    assert mono.index("monospace") < mono.index(CJK_FAMILY) < mono.index("!important")
