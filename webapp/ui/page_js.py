"""Small browser-side scripts run by events (``js=``): they move the view, never decide anything."""

from __future__ import annotations

import json


def scroll_into_view(elem_id: str) -> str:
    """Bring an element to the middle of the screen, so progress and results appear where the
    person is looking (on a phone they are often a few screens below the button pressed).

    Used as an event's ``js=``: it runs in the browser before the handler and passes the
    event's inputs through unchanged. The page keeps moving for a moment after a click (images
    finish loading, panels open), so the element is brought back into view for three seconds,
    unless the person scrolls.
    """
    target = json.dumps(elem_id)
    return (
        "(...inputs) => { const id = " + target + "; let moved = false, tries = 0;"
        " const stop = () => { moved = true; };"
        " window.addEventListener('wheel', stop, {once: true, passive: true});"
        " window.addEventListener('touchmove', stop, {once: true, passive: true});"
        " const bring = () => { const el = document.getElementById(id);"
        " if (moved || !el) return; const r = el.getBoundingClientRect();"
        " if (r.top < 0 || r.top > window.innerHeight * 0.6)"
        " el.scrollIntoView({block: 'center', behavior: 'instant'});"
        " if (++tries < 12) setTimeout(bring, 250); };"
        " setTimeout(bring, 100);"
        " return inputs.length === 1 ? inputs[0] : inputs; }"
    )


# A webcam recording (WebM from MediaRecorder) has no duration in its header: the player would
# show "0:00 / Infinity:NaN:NaN". Seeking far past the end makes Chromium read the real length;
# the player then shows it and starts from 0 again.
KNOW_RECORDING_LENGTH = """() => {
  document.addEventListener('loadedmetadata', (event) => {
    const video = event.target;
    if (!(video instanceof HTMLMediaElement) || Number.isFinite(video.duration)) return;
    const rewind = () => {
      if (!Number.isFinite(video.duration)) return;
      video.removeEventListener('durationchange', rewind);
      video.currentTime = 0;
    };
    video.addEventListener('durationchange', rewind);
    video.currentTime = Number.MAX_SAFE_INTEGER;
  }, true);
}"""


# Names for controls Gradio leaves unnamed or misnamed, kept up to date as the page redraws:
# gallery thumbnails announce their caption (a template's name) instead of "Thumbnail 1 of 8";
# upload areas are named by the words they show; empty placeholders with a label get a role.
NAME_CONTROLS = """() => {
  const words = (el) => (el.innerText || '').replace(/\\s+/g, ' ').trim();
  const fix = () => {
    document.querySelectorAll('button.thumbnail-item').forEach((button) => {
      const caption = button.querySelector('.caption-label, figcaption');
      const image = button.querySelector('img');
      const name = caption ? words(caption) : (image && image.alt) || '';
      if (name && button.getAttribute('aria-label') !== name) {
        button.setAttribute('aria-label', name);
      }
    });
    const named = '.upload-container [aria-label], button[aria-label]';
    document.querySelectorAll(named).forEach((el) => {
      const shown = words(el);
      const label = el.getAttribute('aria-label') || '';
      if (shown && shown.length < 80 && !label.toLowerCase().includes(shown.toLowerCase())) {
        el.setAttribute('aria-label', shown);
      }
    });
    document.querySelectorAll('div.empty[aria-label]:not([role])').forEach((el) => {
      el.setAttribute('role', 'img');
    });
  };
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; fix(); });
  }).observe(document.body, {childList: true, subtree: true});
  fix();
}"""


# The page's language: Gradio picks it from the browser (navigator.language) before the page is
# drawn and writes it on <html lang>; a language picked in the header is remembered in this
# browser. Gradio's own changeLocale (exported by its core module, which the page has already
# loaded) redraws every translated label at once.
_SET_LOCALE = """
  const ours = %(languages)s;
  const pick = (tag) => {
    if (!tag) return null;
    if (ours.includes(tag)) return tag;
    const base = tag.split('-')[0].toLowerCase();
    if (base === 'zh') return 'zh-CN';
    return ours.includes(base) ? base : null;
  };
  const setLocale = async (language) => {
    if (document.documentElement.lang === language) return;
    const core = performance.getEntriesByType('resource').map((entry) => entry.name)
      .find((name) => /\\/assets\\/core-[^/]*\\.js(\\?|$)/.test(name));
    if (core) (await import(core)).changeLocale(language);
  };
"""


def _with_locale(body: str, languages: list[str]) -> str:
    return "async (...args) => {" + _SET_LOCALE % {"languages": json.dumps(languages)} + body + "}"


def follow_language(languages: list[str]) -> str:
    """On load: the remembered language, else the browser's, else English; returned so the
    header's picker (and the server, which reads it) show the page's language."""
    return _with_locale(
        """
  let language = null;
  try { language = pick(localStorage.getItem('costar-language')); } catch (e) {}
  language = language || pick(document.documentElement.lang) || pick(navigator.language) || 'en';
  await setLocale(language);
  return language;
""",
        languages,
    )


def switch_language(languages: list[str]) -> str:
    """On picking a language: redraw the page in it and remember it in this browser."""
    return _with_locale(
        """
  const language = pick(args[0]) || 'en';
  try { localStorage.setItem('costar-language', language); } catch (e) {}
  await setLocale(language);
  return language;
""",
        languages,
    )
