"""The consent statement in four languages, each versioned and hashed on its own."""

from __future__ import annotations

import itertools
from typing import get_args

import pytest

from core import consent
from core.consent_wording import CONSENT_LANGUAGES
from core.types import DoubleKind

KINDS = get_args(DoubleKind)
# The English person statement's hash as the ledger stored it before there were languages:
# events written then must still name the current English statement.
ENGLISH_PERSON_SHA256 = "cd178c01364a8fc23b5470b61ab3d89b8faaf082b30208ff097bfc6c1052f947"


def test_every_language_has_a_statement_for_every_kind_with_its_own_hash():
    hashes = {
        (kind, language): consent.statement_sha256(kind, language)
        for kind, language in itertools.product(KINDS, CONSENT_LANGUAGES)
    }
    assert len(set(hashes.values())) == len(KINDS) * len(CONSENT_LANGUAGES)
    for kind, language in hashes:
        text = consent.statement_text(kind, language)
        assert consent.consent_text(f"ownership.{kind}", language) in text
        assert "18" in text and "{" not in text


def test_the_english_hash_is_the_one_stored_before_languages():
    assert consent.statement_sha256("person") == ENGLISH_PERSON_SHA256
    assert consent.statement_sha256("person", "en") == ENGLISH_PERSON_SHA256


def test_each_statement_reads_in_its_own_language():
    assert "我已年满 18 周岁" in consent.statement_text("person", "zh-CN")
    assert "Saya berusia minimal 18 tahun" in consent.statement_text("person", "id")
    assert "Tinc almenys 18 anys" in consent.statement_text("person", "ca")


@pytest.mark.parametrize(
    ("tag", "language"),
    [("zh-CN", "zh-CN"), ("zh-TW", "zh-CN"), ("zh", "zh-CN"), ("ca-ES", "ca"), ("id", "id"),
     ("en-GB", "en"), ("fr", "en"), (None, "en"), ("", "en")],
)  # fmt: skip
def test_browser_tags_map_to_a_consent_language(tag, language):
    assert consent.consent_language(tag) == language


@pytest.mark.parametrize("language", CONSENT_LANGUAGES)
def test_consent_is_accepted_only_for_the_current_statement_of_that_language(language):
    answers = {
        "age_confirmed": True,
        "ownership_confirmed": True,
        "statement_agreed": True,
        "statement_version": consent.statement_version(language),
        "statement_language": language,
    }
    sha = consent.statement_sha256("pet", language)
    consent.check_consent_given("pet", **answers, statement_sha256=sha)  # no error
    others = [other for other in CONSENT_LANGUAGES if other != language]
    for wrong_sha in [consent.statement_sha256("pet", other) for other in others] + [
        consent.statement_sha256("person", language)
    ]:
        with pytest.raises(consent.ConsentError) as refused:
            consent.check_consent_given("pet", **answers, statement_sha256=wrong_sha)
        assert str(refused.value) == consent.consent_text("statement_outdated", language)
    with pytest.raises(consent.ConsentError) as refused:
        consent.check_consent_given(
            "pet", **{**answers, "age_confirmed": False}, statement_sha256=sha
        )
    assert str(refused.value) == consent.consent_text("must_confirm_age", language)


def test_an_unknown_statement_language_is_refused():
    with pytest.raises(consent.ConsentError, match="Unknown language"):
        consent.check_consent_given(
            "person", age_confirmed=True, ownership_confirmed=True, statement_agreed=True,
            statement_version="2026.12-1", statement_language="fr",
            statement_sha256=consent.statement_sha256("person", "en"),
        )  # fmt: skip
