"""What a clip card, its Details and a provenance check say, in the page's language.

The Clips tab (``webapp/ui/clips_feed.py``) and its card buttons (``webapp/ui/clip_cards.py``)
show these texts; the words come from webapp/i18n/topics/clips.py and provenance.py.
"""

from __future__ import annotations

from webapp.clips import CLIP_VISIBILITY_LABELS
from webapp.feed import ClipCard, FeedPage
from webapp.i18n import text
from webapp.provenance import ClipVerification, ProvenanceStatus
from webapp.ui.text import as_markdown_text, clip_state_words, hidden_reason_text


def page_text(page: FeedPage, language: str | None = "en") -> str:
    """The line above the cards: the section and page, or what an empty page means."""
    if not page.cards:
        if page.page_number > 1:
            return text("clips.nothing_more", language)
        return text(f"clips.empty.{page.section}", language)
    section = text(f"clips.section.{page.section}", language)
    return text("clips.section_page", language, section=section, page=page.page_number)


def card_markdown(card: ClipCard, language: str | None = "en") -> str:
    """A card's text in the page's language; every user-written part escaped so it shows as
    typed, never as markup."""
    creator = as_markdown_text(card.creator_display_name or card.creator_username)
    cast = ", ".join(
        f"{as_markdown_text(role)}: @{as_markdown_text(handle)}"
        for role, handle in card.cast.items()
    )
    # A queued or rendering clip has no length yet.
    length = (
        f" · {text('clips.seconds', language, seconds=f'{card.duration:.1f}')}"
        if card.duration
        else ""
    )
    by = text("clips.card_by", language, creator=creator,
              username=as_markdown_text(card.creator_username))  # fmt: skip
    state = clip_state_words(card.status, card.hidden_reason, language=language)
    audience = (
        text(f"visibility.{card.visibility}", language)
        if card.visibility in CLIP_VISIBILITY_LABELS
        else "?"
    )
    lines = [
        f"**{as_markdown_text(card.title)}**",
        f"{by} · {card.created_at:%Y-%m-%d %H:%M}{length}",
        text("clips.card_cast", language, cast=cast or text("clips.cast_none", language)),
        text("clips.card_status", language, state=state, audience=audience),
    ]
    if card.hidden_reason:
        lines.append(f"⚠️ {hidden_reason_text(card.hidden_reason, language)}")
    elif card.status in ("failed", "cancelled") and card.status_message:
        lines.append(f"⚠️ {as_markdown_text(card.status_message)}")
    return "  \n".join(lines)


def details_markdown(card: ClipCard, language: str | None = "en") -> str:
    """What a card's "Details" shows: likeness scores, provenance and the clip id, in words."""
    lines = []
    metrics = _metrics_text(card, language)
    if metrics:
        lines.append(metrics)
    summary = provenance_words(card.provenance, language)
    lines.append(text("clips.made_and_signed", language, summary=summary))
    lines.append(text("clips.clip_id", language, clip_id=card.public_id))
    return "  \n".join(lines)


def provenance_words(status: ProvenanceStatus, language: str | None = "en") -> str:
    """A clip's recorded provenance in a few words (``ProvenanceStatus.summary``, translated)."""
    if not status.recorded:
        return text("provenance.not_recorded", language)
    state = status.manifest_state or "missing"
    known = {"Trusted": "trusted", "Valid": "valid", "Invalid": "invalid", "missing": "missing",
             "unreadable": "unreadable"}  # fmt: skip
    manifest = (
        text(f"provenance.manifest_{known[state]}", language)
        if state in known
        else text("provenance.manifest_other", language, state=as_markdown_text(state))
    )
    if state in ("Trusted", "Valid") and not status.manifest_matches_clip:
        manifest += " " + text("provenance.names_another", language)
    label_words = text("provenance.ai_label" if status.label_drawn else "provenance.no_ai_label",
                       language)  # fmt: skip
    watermark = text(
        "provenance.watermarked" if status.watermark_clip_id else "provenance.no_watermark",
        language,
    )
    return f"{label_words} · {watermark} · {manifest}"


def _metrics_text(card: ClipCard, language: str | None = "en") -> str:
    faces = card.metrics.get("face_similarity") or {}
    voices = card.metrics.get("voice_similarity") or {}
    parts = []
    for role in card.cast:
        face, voice = faces.get(role), voices.get(role)  # type: ignore[union-attr]
        if face is None and voice is None:
            continue
        face_text = "–" if face is None else f"{face:.2f}"
        voice_text = "–" if voice is None else f"{voice:.2f}"
        parts.append(text("clips.score", language, role=as_markdown_text(role), face=face_text,
                          voice=voice_text))  # fmt: skip
    if not parts:
        return ""
    return text("clips.scores", language, scores="; ".join(parts))


def verification_markdown(verification: ClipVerification, language: str | None = "en") -> str:
    """The full provenance check of a clip's file, in the page's language."""

    # Words, not emoji: a browser without an emoji font showed the marks as empty boxes.
    def check(passed: bool) -> str:
        return text("verify.passed" if passed else "verify.failed", language) + " ·"

    def word(key: str) -> str:
        return text(f"verify.{key}", language)

    found = verification.watermark_clip_id or word("none_found")
    manifest = text(
        "verify.manifest", language,
        presence=word("present" if verification.manifest_present else "missing"),
        validity=word("valid" if verification.manifest_valid else "not_valid"),
        trust=word("trusted" if verification.manifest_trusted else "not_trusted"),
    )  # fmt: skip
    lines = [
        text("verify.heading", language, clip_id=verification.clip_public_id),
        f"- {check(verification.label_visible)} "
        + text("verify.label", language, contrast=f"{verification.label_score:.0f}"),
        f"- {check(verification.watermark_matches)} "
        + text("verify.watermark", language, found=found,
               agreement=f"{verification.watermark_agreement:.0%}"),
        f"- {check(verification.manifest_valid)} {manifest}",
    ]  # fmt: skip
    if verification.problems:
        lines += ["", word("problems"),
                  *[f"- {as_markdown_text(p)}" for p in verification.problems]]  # fmt: skip
    else:
        lines.append("\n" + word("all_match"))
    return "\n".join(lines)
