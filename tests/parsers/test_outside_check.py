"""The outside corpus as a test: what others found wrong stays right, and the tuned phrases stay
read as their sources mean them. (The held-out shares are measured, not asserted: see
`python -m tests.parsers.outside`.)"""

from __future__ import annotations

from tests.parsers.outside import load, score


def test_every_phrase_others_found_wrong_is_read_right() -> None:
    phrases = [phrase for phrase in load() if phrase.file.startswith("lead_")]
    assert len(phrases) >= 50
    result = score(phrases)
    assert [(p.text, window, problem) for p, window, problem in result.failures] == []


def test_the_tuned_phrases_are_read_right() -> None:
    result = score([phrase for phrase in load() if not phrase.held_out and not phrase.pending])
    groups = ("tuned", "r2 tuned", "r3 tuned", "r4 tuned", "r6 tuned", "r7 tuned", "r8 tuned")
    groups = (*groups, "r9 tuned", "r10 tuned", "r11 tuned", "r12 tuned", "r13 tuned")
    groups = (*groups, "r14 tuned", "r15 tuned", "r16 tuned", "r17 tuned")
    for group in (g for g in groups if result.total[f"{g} answer"]):
        assert result.share(f"{group} answer") >= 0.98, result.failures
        assert result.share(f"{group} refuse") >= 0.98, result.failures
