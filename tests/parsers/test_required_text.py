"""required_text: the strings a pattern cannot match without, a test that may only say yes
too often — never skip a rule that would have matched."""

from __future__ import annotations

import re

import pytest

from agentcron.parsers import translation
from agentcron.parsers.required_text import fold, required
from tests.parsers.outside import load


@pytest.mark.parametrize(
    ("pattern", "strings"),
    [
        (r"\bles\s+(lundis|mardis)\b", ("les",)),
        (r"\b(?:tous\s+les|chaque)\s+jours?\b", ("jour",)),  # "jour" in every match
        (r"\b(?:le\s+)?(lundi|mardi)\s+prochain\b", ("prochain",)),
        (r"\b(timer|wecker)\b", ("timer", "wecker")),
        (r"\b(lundis|lundi)\b", ("lundi",)),  # "lundis" holds "lundi"
        (r"\b(?:le\s+)?(lundi|mardi)\b", ("lundi", "mardi")),
        (r"(?:foo)?\d+", None),  # nothing every match must hold
        (r"\b(?:a|b|c|d|e|f|g|h|i)x?\b", None),  # too many to test one by one
    ],
)
def test_required(pattern: str, strings: tuple[str, ...] | None) -> None:
    found = required(re.compile(pattern, re.IGNORECASE))
    assert (None if found is None else set(found)) == (None if strings is None else set(strings))


def test_fold_writes_case_insensitive_equals_alike() -> None:
    # a case-insensitive "s" matches the long s, "i" the dotless i and "İ", σ the final ς
    assert fold("Leſ") == fold("les")
    assert fold("İnter") == fold("ınter") == fold("inter")
    assert fold("ΣΑΣ") == fold("σας")
    assert re.search("les", "Leſ", re.IGNORECASE)


def test_no_rule_is_skipped_that_matches() -> None:
    """Every rule of every language, on every phrase of the outside corpus and on the same
    in capitals: a rule that matches has one of its strings in the folded text."""
    phrases = {phrase.text for phrase in load(skip=("r17_",))}
    texts = [t for t in phrases if translation.may_be_foreign(t)]
    texts += [t.upper() for t in texts]
    assert len(texts) > 200
    for language in translation._DATEPARSER_CODE:  # every language with a lexicon
        for pattern, _english, _ordinal, needs in translation._lexicon(language).rules:
            if needs is None:
                continue
            for text in texts:
                if pattern.search(text) is not None:
                    assert any(n in fold(text) for n in needs), (language, pattern.pattern, text)
