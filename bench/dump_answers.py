"""Every answer the fast parser gives on our phrases, as JSON: to prove a change changes none.

    .venv/bin/python bench/dump_answers.py OUT.json
    (change the parser)
    .venv/bin/python bench/dump_answers.py AFTER.json && diff OUT.json AFTER.json

Phrases: the outside corpus (tests/parsers/outside/*.txt, each in its own zone, in the
scorer's four windows), the test corpus (tests/parsers/corpus.py, in its winter and summer
windows), and the hostile texts of tests/parsers/test_bounded.py — each read with both date
orders. The whole `to_dict()` is kept: notes, task, target, confidence and reason included.
"""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.parsers

from agentcron.parsers import understand_fast
from tests.parsers.corpus import CASES, SUMMER_NOW, WINTER_NOW
from tests.parsers.outside import WINDOWS, load
from tests.parsers.test_bounded import ADVERSARIAL


def main() -> None:
    out = Path(sys.argv[1])
    jobs: dict[tuple[str, str], list[tuple[str, object]]] = {}
    for phrase in load():
        jobs.setdefault((phrase.text, phrase.zone), []).extend(WINDOWS.items())
    for case in CASES:
        windows = jobs.setdefault((case.text, case.timezone), [])
        windows += [("corpus winter", WINTER_NOW), ("corpus summer", SUMMER_NOW)]
    for unit in ADVERSARIAL:
        jobs.setdefault(((unit * 500)[:500], "UTC"), []).append(("corpus winter", WINTER_NOW))
    answers: dict[str, object] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for (text, zone), windows in jobs.items():
            for window, now in dict(windows).items():
                for order in ("MDY", "DMY"):
                    key = f"{text} | {zone} | {window} | {order}"
                    try:
                        result = understand_fast(text, timezone=zone, now=now, date_order=order)
                        answers[key] = result.to_dict()
                    except Exception as error:  # a crash is an answer too
                        answers[key] = f"crashed: {type(error).__name__}: {error}"
    out.write_text(json.dumps(answers, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{len(answers)} answers written to {out}")


if __name__ == "__main__":
    main()
