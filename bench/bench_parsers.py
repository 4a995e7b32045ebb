"""How fast is the natural-language parser, next to the libraries people parse dates with?

    .venv/bin/python bench/bench_parsers.py [--repeat N] [--json]

Phrases come from the test corpus (tests/parsers/corpus.py) and, for whole sentences, the
outside corpus (tests/parsers/outside/: commands, help-page and test-suite phrases). Prints
the median and p99 microseconds per phrase for:
- the regex stage (the grammar, cron passthrough included), on the phrases it answers;
- whole-sentence parsing by the grammar (`understand_fast` on the outside phrases the
  grammar answers, commands included: finding the target, the schedule's words and the
  task); goal: median under 100 µs;
- `recurrent.RecurringEvent().parse` (a peer, no longer a stage: on some phrases it does
  not return) and `dateparser.parse` on those same phrases — dateparser twice: restricted
  to English with our stage's settings (how agentcron calls it, and its fast
  configuration), and plain `dateparser.parse(text)`, which first detects the language;
- the whole fast chain (`parse_fast`: grammar, dateparser, humanize) on the phrases the
  grammar does not answer;
- whole sentences made to cost the most (tests/parsers/test_bounded.py's texts, 500
  characters each: the longest the Slack app passes);
and the ratios to the regex stage. Goal: the regex stage >= 20x faster than dateparser,
>= 5x faster than recurrent, median under 50 µs; a hostile 500-character text a few ms at
most. Each call is timed on its own (perf_counter_ns); every library is warmed up before
timing.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.parsers.corpus

from agentcron.parsers import parse_fast, understand_fast
from agentcron.parsers.pipeline import regex_stage
from agentcron.parsers.tokens import forget_texts
from tests.parsers.corpus import CASES, WINTER_NOW
from tests.parsers.outside import load
from tests.parsers.test_bounded import ADVERSARIAL

NOW = WINTER_NOW


def timings(call: Callable[[str], object], phrases: list[str], repeat: int) -> list[float]:
    """Microseconds per call, every phrase `repeat` times, interleaved. The caches keyed by a
    text (the tokens', `tokens.forget_texts`) are emptied before each call, untimed: a user's
    text is new."""
    for phrase in phrases:  # warm-up: imports, caches, dateparser's language data
        call(phrase)
    gc.collect()
    samples: list[float] = []
    clock = time.perf_counter_ns
    forget = forget_texts
    for _ in range(repeat):
        for phrase in phrases:
            forget()
            start = clock()
            call(phrase)
            samples.append((clock() - start) / 1000)
    return samples


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered), p99


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeat", type=int, default=20, help="runs per phrase (regex x10, plain dateparser /10)"
    )
    parser.add_argument("--json", action="store_true", help="also print one JSON line")
    args = parser.parse_args()

    import dateparser
    from recurrent.event_parser import RecurringEvent

    phrases = list(dict.fromkeys(case.text for case in CASES if case.timezone == "UTC"))
    phrases = [p for p in phrases if p.strip()]
    grammar = [p for p in phrases if (r := regex_stage(p, "UTC", NOW)) is not None and r.schedule]
    missed = [p for p in phrases if regex_stage(p, "UTC", NOW) is None]
    corpus = load()
    outside = list(dict.fromkeys(p.text for p in corpus))
    round_seven = {p.text for p in corpus if p.file.startswith(("r7_", "t7_"))}
    sentences = [
        p
        for p in outside
        if (r := understand_fast(p, now=NOW)).parse_method == "regex" and r.schedule is not None
    ]

    local_now = NOW.replace(tzinfo=None)
    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": local_now,
        "TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": True,
    }

    def run_regex(text: str) -> object:
        return regex_stage(text, "UTC", NOW)

    def run_recurrent(text: str) -> object:
        try:
            return RecurringEvent(now_date=local_now).parse(text)
        except Exception:  # recurrent raises on some "from … to …" phrases
            return None

    def run_dateparser(text: str) -> object:
        try:
            return dateparser.parse(text, languages=["en"], settings=settings)
        except Exception:
            return None

    def run_dateparser_plain(text: str) -> object:
        try:
            return dateparser.parse(text)
        except Exception:
            return None

    def run_chain(text: str) -> object:
        return parse_fast(text, now=NOW)

    def run_sentence(text: str) -> object:
        return understand_fast(text, now=NOW)

    hostile = [(unit * 500)[:500] for unit in ADVERSARIAL]

    rows: dict[str, tuple[int, float, float]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser's deprecation chatter
        for name, call, sample, repeat in (
            ("regex stage", run_regex, grammar, args.repeat * 10),
            ("whole sentence, grammar", run_sentence, sentences, args.repeat * 5),
            ("recurrent", run_recurrent, grammar, args.repeat),
            ("dateparser (en, settings)", run_dateparser, grammar, args.repeat),
            ("dateparser.parse(text)", run_dateparser_plain, grammar, max(1, args.repeat // 10)),
            ("whole chain, grammar misses", run_chain, missed, args.repeat),
            ("whole sentence, 500 hostile", run_sentence, hostile, args.repeat),
        ):
            samples = timings(call, sample, repeat)
            rows[name] = (len(sample), *summary(samples))
            if call is run_sentence and sample is sentences:
                # the same samples split by the round the phrase came from (they cycle through
                # the phrases in order): round seven's phrases are longer, more of them commands
                newer = [i for i, text in enumerate(sample) if text in round_seven]
                for label, picked in (
                    ("  rounds 1-6 phrases", set(range(len(sample))) - set(newer)),
                    ("  round 7 phrases", set(newer)),
                ):
                    part = [t for i, t in enumerate(samples) if i % len(sample) in picked]
                    rows[label] = (len(picked), *summary(part))

    base = rows["regex stage"][1]
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, Python {sys.version.split()[0]}")
    print(f"{'':<30}{'phrases':>8}{'median µs':>11}{'p99 µs':>10}{'vs regex':>10}")
    for name, (count, median, p99) in rows.items():
        ratio = "" if name == "regex stage" else f"{median / base:>9.1f}x"
        print(f"{name:<30}{count:>8}{median:>11.1f}{p99:>10.1f}{ratio:>10}")
    if args.json:
        figures = {
            name: {"phrases": c, "median_us": m, "p99_us": p} for name, (c, m, p) in rows.items()
        }
        print(json.dumps(figures))


if __name__ == "__main__":
    main()
