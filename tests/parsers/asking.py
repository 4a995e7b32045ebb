"""Why the parser asks: its asks over the outside corpus, counted by the note that says why.

An ask (`needs_confirmation`) on a right answer is an over-ask: the dashboard and Slack
ask before saving a schedule that was read right. An ask on a refusal phrase that was
answered with a schedule is what makes that phrase right (the scorer counts it as a
refusal): those asks are listed apart, as the ones that must stay.

Each answer's notes are counted with their numbers, quotes and day and month names
written as placeholders ("every N months counted from MONTH"), so one reason is one row.
The answer's `reason`, when it has one, is counted the same way.

    .venv/bin/python -m tests.parsers.asking [--examples N] [--group WORD] [--refusals]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tests.parsers.outside import WINDOWS, OutsidePhrase, default_parse, judge, load

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_SHAPES = (
    (re.compile(r"“[^”]*”|\"[^\"]*\""), "“…”"),
    (re.compile(rf"\b(?:{_MONTHS})\b"), "MONTH"),  # "may" in a note is not May
    (re.compile(rf"\b(?:{_DAYS})s?\b"), "DAY"),
    (re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?", re.I), "TIME"),
    (re.compile(r"\b\d+(?:st|nd|rd|th)?(?:\s*[ap]\.?m\.?)?\b", re.I), "N"),
)


def shape(note: str) -> str:
    """A note with what varies between phrases written as a placeholder."""
    for pattern, placeholder in _SHAPES:
        note = pattern.sub(placeholder, note)
    return note


def _answers(
    phrase: OutsidePhrase,
) -> tuple[bool, dict[str, Any] | None, dict[str, Any] | None]:
    """(right in every window, the first answer that asked, the first answer with a schedule)."""
    first_ask = first = None
    for now in WINDOWS.values():
        try:
            answer = default_parse(phrase.text, phrase.zone, now)
        except Exception:  # a crash is a wrong answer
            return False, None, None
        if judge(phrase, answer, now) is not None:
            return False, None, None
        if first_ask is None and answer.get("needs_confirmation"):
            first_ask = answer
        if first is None and answer.get("schedule") is not None:
            first = answer
    return True, first_ask, first


def reasons(answer: dict[str, Any]) -> list[str]:
    shapes = [shape(note) for note in answer.get("notes") or ()]
    if answer.get("reason"):
        shapes.append("reason: " + shape(answer["reason"]))
    return shapes or ["(no note)"]


@dataclass
class Tally:
    right: int = 0  # right answers (phrases with an expected schedule)
    asked: int = 0  # of which asked
    # per note shape: right answers that asked with it, and that carried it without asking
    over: Counter[str] = field(default_factory=Counter)
    quiet: Counter[str] = field(default_factory=Counter)
    # asked right answers by their cause: the shapes that (nearly) always ask, joined by " + "
    causes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[OutsidePhrase]] = field(default_factory=lambda: defaultdict(list))
    # right refusals that were answered with a schedule and asked: asks that must stay
    kept: Counter[str] = field(default_factory=Counter)
    kept_examples: dict[str, list[OutsidePhrase]] = field(default_factory=lambda: defaultdict(list))

    def asks_always(self, reason: str) -> bool:
        """Whether a note asks by itself: nearly every answer carrying it asked."""
        return self.over[reason] + self.kept[reason] >= 0.95 * (
            self.over[reason] + self.kept[reason] + self.quiet[reason]
        )


def tally(phrases: Iterable[OutsidePhrase]) -> Tally:
    """Count the asks on right answers (over-asks) and on right refusals (kept asks)."""
    result = Tally()
    asked_by: list[tuple[OutsidePhrase, list[str]]] = []
    for phrase in phrases:
        right, answer, quiet = _answers(phrase)
        if not right:
            continue
        if phrase.refusal:
            if answer is not None:
                for reason in set(reasons(answer)):
                    result.kept[reason] += 1
                asked_by.append((phrase, reasons(answer)))
            continue
        result.right += 1
        if answer is None:
            for reason in set(reasons(quiet)) if quiet else ():
                result.quiet[reason] += 1
            continue
        result.asked += 1
        for reason in set(reasons(answer)):
            result.over[reason] += 1
        asked_by.append((phrase, reasons(answer)))
    for phrase, shapes in asked_by:
        causes = [s for s in dict.fromkeys(shapes) if result.asks_always(s)]
        cause = " + ".join(causes) if causes else "(several smaller doubts) " + " + ".join(shapes)
        if phrase.refusal:
            result.kept_examples[cause].append(phrase)
        else:
            result.causes[cause] += 1
            result.examples[cause].append(phrase)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description="Count the parser's asks by their reason.")
    parser.add_argument("--examples", type=int, default=3, help="phrases shown per reason")
    parser.add_argument("--group", help="only phrases whose group contains this")
    parser.add_argument("--refusals", action="store_true", help="also list the kept asks")
    parser.add_argument("--top", type=int, default=40, help="reasons shown")
    args = parser.parse_args()
    phrases = load()
    if args.group:
        phrases = [p for p in phrases if args.group in p.group]
    t = tally(phrases)
    print(f"right answers that asked: {t.asked}/{t.right} ({t.asked / max(t.right, 1):.1%})")
    print("\nasked right answers by cause (the notes that ask by themselves):")
    for cause, count in t.causes.most_common(args.top):
        print(f"{count:5d}  {cause}")
        for phrase in t.examples[cause][: args.examples]:
            print(f"         {phrase.file}:{phrase.line} {phrase.text!r} => {phrase.expect}")
    print("\nnotes: asked right answers / right refusals it asked on / quiet right answers")
    for reason, count in t.over.most_common(args.top):
        print(f"{count:5d} {t.kept[reason]:5d} {t.quiet[reason]:5d}  {reason}")
    if args.refusals:
        kept = sum(len(v) for v in t.kept_examples.values())
        print(f"\nrefusals made right by an ask (keep them): {kept}")
        for cause, found in sorted(t.kept_examples.items(), key=lambda kv: -len(kv[1])):
            print(f"{len(found):5d}  {cause}")
            for phrase in found[: args.examples]:
                print(f"         {phrase.file}:{phrase.line} {phrase.text!r} => {phrase.expect}")


if __name__ == "__main__":
    main()
