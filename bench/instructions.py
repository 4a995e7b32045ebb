"""How many machine instructions a whole sentence costs: a measure a loaded machine does not move.

    .venv/bin/python bench/instructions.py [--phrases N] [--phrases-file FILE]

On a shared machine the wall-clock medians of bench/bench_parsers.py move by 3x with the load
(and CPU time by 1.5x: caches and frequency are shared too), so a 5% change cannot be seen.
This counts instructions instead, with valgrind (`--tool=cachegrind --cache-sim=no`,
`PYTHONHASHSEED=0`): it runs itself twice, both times reading N of the bench's whole sentences
once to warm the caches (imports, the lexicon's learnt words), the second time reading them
again, each after `forget_texts()` as the bench does; the difference divided by N is what one
sentence costs on average. Two runs of the same code agree to within 1% (0.7% apart at most
in four runs of 300 sentences, one of them beside a run in another checkout); a 400-sentence
run takes about 4 minutes.

Instructions are not time (a cache miss or a slow division counts as one), but a change that
does less work runs fewer of them. To compare two checkouts, run this in each, at the same
time if you like: the count does not depend on the load. They read the same phrases when their
corpora are the same, or with the same `--phrases-file` (one phrase a line; `--write-phrases
FILE` saves the sample). The phrases: bench_parsers.py's "whole sentence, grammar" row (the
outside corpus's phrases the grammar answers), every k-th of them for N. Needs valgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.parsers


def sentences(count: int) -> list[str]:
    """Every k-th of bench_parsers.py's whole sentences, `count` of them (all when fewer)."""
    from agentcron.parsers import understand_fast
    from tests.parsers.corpus import WINTER_NOW
    from tests.parsers.outside import load

    outside = list(dict.fromkeys(p.text for p in load()))
    answered = [
        p
        for p in outside
        if (r := understand_fast(p, now=WINTER_NOW)).parse_method == "regex"
        and r.schedule is not None
    ]
    step = max(1, len(answered) // count)
    return answered[::step][:count]


def child(phrases_file: Path, again: bool) -> None:
    """Read the phrases once (warm), and once more when `again`: what valgrind counts."""
    from agentcron.parsers import understand_fast
    from agentcron.parsers.tokens import forget_texts
    from tests.parsers.corpus import WINTER_NOW

    phrases = phrases_file.read_text(encoding="utf-8").split("\n")[:-1]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for phrase in phrases:
            understand_fast(phrase, now=WINTER_NOW)
        if again:
            for phrase in phrases:
                forget_texts()
                understand_fast(phrase, now=WINTER_NOW)


def counted(phrases_file: Path, again: bool) -> int:
    """The instructions valgrind counts for `child`."""
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        str(phrases_file),
        *(["--again"] if again else []),
    ]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phrases", type=int, default=400, help="how many sentences (400)")
    parser.add_argument("--phrases-file", type=Path, help="read these phrases, one a line")
    parser.add_argument("--write-phrases", type=Path, help="save the phrases read to FILE")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--again", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.again)
        return
    if args.phrases_file is not None:
        phrases = args.phrases_file.read_text(encoding="utf-8").split("\n")[:-1]
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            phrases = sentences(args.phrases)
    phrases = [p for p in phrases if p.strip() and "\n" not in p]
    listed = args.write_phrases or Path(f"/tmp/agentcron-instructions-{os.getpid()}.txt")
    listed.write_text("".join(f"{p}\n" for p in phrases), encoding="utf-8")
    try:
        warm = counted(listed, again=False)
        both = counted(listed, again=True)
    finally:
        if args.write_phrases is None:
            listed.unlink()
    each = (both - warm) / len(phrases)
    print(f"{len(phrases)} whole sentences: {each:,.0f} instructions a sentence (mean)")


if __name__ == "__main__":
    main()
