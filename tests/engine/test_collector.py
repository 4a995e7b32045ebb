"""The service's garbage-collector settings (engine/collector.py), in a child process: they
are process-wide, and this test process keeps its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import gc, json, os
from agentcron.app.config import Settings
from agentcron.app.engine.collector import YOUNG_THRESHOLD, tune_collector
before = gc.get_threshold()
if Settings.from_env().tune_gc:
    tune_collector()
    tune_collector()  # once per process: a second call changes nothing
print(json.dumps({"before": before, "after": gc.get_threshold(),
                  "frozen": gc.get_freeze_count(), "young": YOUNG_THRESHOLD}))
"""


def probe(**env: str) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    return dict(json.loads(out))


def test_the_service_freezes_start_up_objects_and_spaces_out_collections() -> None:
    result = probe()
    after, before = result["after"], result["before"]
    assert isinstance(after, list) and isinstance(before, list)
    assert after[0] == result["young"] > before[0]
    assert after[1:] == before[1:]
    assert isinstance(result["frozen"], int) and result["frozen"] > 1000


def test_agentcron_tune_gc_0_leaves_the_collector_alone() -> None:
    result = probe(AGENTCRON_TUNE_GC="0")
    assert result["after"] == result["before"]
    assert result["frozen"] == 0
