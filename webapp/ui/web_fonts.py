"""The Noto fonts the project ships (for subtitles), served to the browser as web fonts.

A browser without CJK fonts showed Chinese text as empty boxes. The page now names the
project's own Noto Sans (Latin, Cyrillic, Greek...), Noto Sans Symbols and Noto Sans CJK SC
after the theme's fonts: each is used only for characters the fonts before it lack, and a
browser downloads a face only when the page shows a character in its ``unicode-range``.

The CJK font ships as a 33 MB collection, which browsers can't load; the Simplified Chinese face
is cut down once to the characters of GB 2312 (the 6,763 common hanzi and their punctuation)
plus every character of the interface's catalogues, and kept in the data folder.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
import urllib.parse
from collections.abc import Awaitable, Callable, MutableMapping
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool

logger = logging.getLogger(__name__)

_CJK_FACE_NAME = "Noto Sans CJK SC"
# (family name in the page, file in the manimgx_fonts package, unicode-range or None for all)
_PLAIN_FACES = (
    ("CoStar Noto Sans", "NotoSans[wght].ttf", None),
    ("CoStar Noto Sans Symbols", "NotoSansSymbols[wght].ttf", None),
)
CJK_FAMILY = "CoStar Noto Sans SC"
# CJK punctuation, kana-free ideographs and full-width forms: where Chinese text lives.
_CJK_RANGE = "U+3000-303F, U+3400-4DBF, U+4E00-9FFF, U+F900-FAFF, U+FF00-FFEF"
_FONT_STACK = (
    "'Montserrat', ui-sans-serif, system-ui, 'CoStar Noto Sans', 'CoStar Noto Sans SC', "
    "'CoStar Noto Sans Symbols', sans-serif"
)
# Code (the script help's examples) falls back to the same faces: a Chinese example in a <code>
# showed as boxes. After "monospace", so Latin code keeps a fixed-width face.
_MONO_STACK = (
    "'IBM Plex Mono', ui-monospace, Consolas, monospace, 'CoStar Noto Sans SC', "
    "'CoStar Noto Sans Symbols'"
)


def cjk_file_name(extra_text: str) -> str:
    """The subset's file name: it changes when the characters it must hold change."""
    digest = hashlib.sha256("".join(sorted(set(extra_text))).encode()).hexdigest()[:12]
    return f"NotoSansSC-subset-{digest}.otf"


def _gb2312_characters() -> set[str]:
    characters = set()
    for first in range(0xA1, 0xF8):
        for second in range(0xA1, 0xFF):
            try:
                characters.add(bytes([first, second]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return characters


def prepare_web_fonts(folder: Path, extra_text: str) -> Path | None:
    """Write the web fonts into ``folder`` (once); returns the CJK subset, or None without the
    font packages (the page then falls back to the browser's own fonts)."""
    try:
        base = Path(str(resources.files("manimgx_fonts")))
        collection = Path(str(resources.files("manimgx_fonts_cjk"))) / "NotoSansCJK-VF.otf.ttc"
    except ModuleNotFoundError:
        logger.warning("The Noto font packages are not installed: no web fonts")
        return None
    folder.mkdir(parents=True, exist_ok=True)
    for _family, file_name, _range in _PLAIN_FACES:
        target = folder / _served_name(file_name)
        if not target.exists() and (base / file_name).is_file():
            shutil.copyfile(base / file_name, target)
    subset = folder / cjk_file_name(extra_text)
    if not subset.exists() and collection.is_file():
        _write_cjk_subset(collection, subset, _gb2312_characters() | set(extra_text))
    return subset if subset.exists() else None


def _write_cjk_subset(collection: Path, target: Path, characters: set[str]) -> None:
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    names = [font["name"].getDebugName(1) for font in TTCollection(str(collection), lazy=True)]
    index = names.index(_CJK_FACE_NAME) if _CJK_FACE_NAME in names else 0
    font = TTFont(str(collection), fontNumber=index)
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(c) for c in characters} | set(range(0x20, 0x7F))))
    subsetter.subset(font)
    # A name of its own: two app processes sharing the cache may cut the same face at once.
    partial = target.with_name(f"{target.stem}.{os.getpid()}.{threading.get_ident()}.partial")
    font.save(str(partial))
    partial.replace(target)  # never serve a half-written font


def prepare_in_background(folder: Path, extra_text: str) -> threading.Thread:
    """Cutting the CJK face takes a few seconds to a minute: do it while the app starts."""

    def prepare() -> None:
        try:
            prepare_web_fonts(folder, extra_text)
        except (OSError, ValueError, KeyError):
            logger.exception("Preparing the web fonts failed; the browser's own fonts are used")

    thread = threading.Thread(target=prepare, name="web-fonts", daemon=True)
    thread.start()
    return thread


_ASGIApp = Callable[..., Awaitable[None]]
_WAIT_SECONDS = 180.0


class WaitForWebFonts:
    """ASGI middleware: a request for a web font waits until the fonts are written.

    The first start cuts the CJK face while the app is already serving; a browser that asks for
    it meanwhile would get a 404 and show boxes until reloaded, so its request waits instead.
    """

    def __init__(self, app: _ASGIApp, folder: Path, preparing: threading.Thread) -> None:
        self._app = app
        self._folder = f"/file={folder.resolve()}/"
        self._preparing = preparing

    async def __call__(
        self, scope: MutableMapping[str, Any], receive: _ASGIApp, send: _ASGIApp
    ) -> None:
        path = urllib.parse.unquote(scope.get("path", "")) if scope.get("type") == "http" else ""
        if self._folder in path and self._preparing.is_alive():
            await run_in_threadpool(self._preparing.join, _WAIT_SECONDS)
        await self._app(scope, receive, send)


def font_face_head(folder: Path, extra_text: str, url_prefix: str = "gradio_api/file=") -> str:
    """A <style> for the page's <head>: the @font-face rules and the font stack using them."""
    rules = []
    for family, file_name, _range in _PLAIN_FACES:
        url = f"{url_prefix}{(folder / _served_name(file_name)).resolve()}"
        rules.append(_font_face(family, url, "truetype", None))
    cjk_url = f"{url_prefix}{(folder / cjk_file_name(extra_text)).resolve()}"
    rules.append(_font_face(CJK_FAMILY, cjk_url, "opentype", _CJK_RANGE))
    stack = (
        f":root, .gradio-container {{ --font: {_FONT_STACK} !important; "
        f"--font-mono: {_MONO_STACK} !important; }}"
    )
    return "<style>\n" + "\n".join([*rules, stack]) + "\n</style>"


def _font_face(family: str, url: str, font_format: str, unicode_range: str | None) -> str:
    lines = [
        f"font-family: '{family}'",
        f"src: url('{url}') format('{font_format}')",
        "font-weight: 100 900",
        "font-display: swap",
    ]
    if unicode_range:
        lines.append(f"unicode-range: {unicode_range}")
    return "@font-face { " + "; ".join(lines) + "; }"


def _served_name(file_name: str) -> str:
    return file_name.replace("[wght]", "-VF")
