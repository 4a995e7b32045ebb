"""Every corpus phrase, in a winter and a summer window, judged by its fire times."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest

from agentcron.parsers import ParseResult, parse_fast
from tests.parsers.corpus import CASES, SUMMER_NOW, WINTER_NOW, Case, Reject
from tests.parsers.firetimes import expected_schedule, fire_times

WINDOWS = {"winter": WINTER_NOW, "summer": SUMMER_NOW}


def check(case: Case, window: str) -> str | None:
    """None when the phrase parses as expected in this window, else what went wrong."""
    now = WINDOWS[window]
    expect = case.summer if window == "summer" and case.summer is not None else case.expect
    result = parse_fast(case.text, timezone=case.timezone, now=now)
    if isinstance(expect, Reject):
        return _check_rejected(result, expect)
    if result.schedule is None:
        return f"rejected: {result.reason}"
    if case.method is not None and result.parse_method != case.method:
        return f"answered by {result.parse_method}, expected {case.method}"
    if not result.human_readable or not 0.5 <= result.confidence <= 1:
        return f"human_readable {result.human_readable!r}, confidence {result.confidence}"
    wanted = expected_schedule(expect, summer=window == "summer")
    if result.schedule.get("timezone") != wanted["timezone"]:
        return f"zone {result.schedule.get('timezone')}, expected {wanted['timezone']}"
    got_times = fire_times(result.schedule, after=now)
    want_times = fire_times(wanted, after=now)
    if got_times != want_times:
        return f"{result.schedule} fires {_fmt(got_times)}, expected {_fmt(want_times)}"
    return None


def _check_rejected(result: ParseResult, expect: Reject) -> str | None:
    if result.needs_confirmation:
        return None  # a guess the user is asked about before anything is saved
    if result.schedule is not None:
        return f"accepted as {result.schedule}"
    if not result.reason or expect.mentions not in result.reason.lower():
        return f"reason {result.reason!r} does not mention {expect.mentions!r}"
    if result.confidence != 0:
        return f"a refusal with confidence {result.confidence}"
    return None


def _fmt(times: list[datetime]) -> str:
    return ", ".join(t.strftime("%Y-%m-%d %H:%M") for t in times[:3]) + ("…" if times else "")


def test_the_corpus_is_large_and_covers_every_family() -> None:
    families = Counter(case.family for case in CASES)
    assert len(CASES) >= 300
    assert set(families) >= {
        "intervals", "daily", "weekdays", "named days", "ranges", "monthly", "yearly",
        "relative", "absolute", "zones", "spelling", "cron", "bounds", "fallback", "rejects",
    }  # fmt: skip
    assert len({(case.text, case.timezone) for case in CASES}) == len(CASES), "duplicates"


@pytest.mark.parametrize("window", sorted(WINDOWS))
@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.family}: {case.text}")
def test_phrase(case: Case, window: str) -> None:
    problem = check(case, window)
    assert problem is None, f"{case.text!r} ({window}): {problem}"


def test_accuracy_per_family(record_property: pytest.RecordProperty) -> None:
    """The table in the parsers README; must be 100% on our own corpus."""
    totals: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    for case in CASES:
        for window in WINDOWS:
            totals[case.family] += 1
            passed[case.family] += check(case, window) is None
    lines = [f"{'family':<12} {'phrases':>7} {'accuracy':>9}"]
    for family in totals:
        share = passed[family] / totals[family]
        lines.append(f"{family:<12} {totals[family] // 2:>7} {share:>9.1%}")
    lines.append(f"{'all':<12} {len(CASES):>7} {sum(passed.values()) / sum(totals.values()):>9.1%}")
    table = "\n".join(lines)
    print("\n" + table)
    record_property("accuracy_per_family", table)
    assert passed == totals, table
