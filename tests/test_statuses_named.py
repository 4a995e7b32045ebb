"""Statuses are named through their enums (``app/domain/enums.py``), never spelled out.

Read from the source of every module of the app: a comparison with a run's, a job's or an
outbox row's status written as a bare string (``status == "queued"``, ``in ("failed",
"timed_out")``), or a column set to one (``.values(status="running")``), is a status the
enum no longer vouches for — a typo in one would compare false forever, silently.
"""

from __future__ import annotations

import ast
from pathlib import Path

from agentcron.app.domain.enums import JobStatus, OutboxStatus, RunStatus

ROOT = Path(__file__).resolve().parent.parent
STATUSES = {s.value for enum in (RunStatus, JobStatus, OutboxStatus) for s in enum}
#: the schema is written once, in SQL terms, and must not change with the enums
EXEMPT = ("app/storage/migrations/", "app/storage/tables.py", "app/domain/enums.py")


def _status_literals(node: ast.AST) -> list[str]:
    """Status strings a node spells out: a constant, or a tuple/list/set of them."""
    if isinstance(node, ast.Constant) and node.value in STATUSES:
        return [node.value]
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return [s for element in node.elts for s in _status_literals(element)]
    return []


def _mentions_status(node: ast.AST) -> bool:
    return "status" in ast.unparse(node).lower()


def _spelled_out(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and _mentions_status(node.left):
            for comparator in node.comparators:
                found += [f"{node.lineno}: {s!r}" for s in _status_literals(comparator)]
        elif isinstance(node, ast.keyword) and node.arg == "status":
            found += [f"{node.value.lineno}: {s!r}" for s in _status_literals(node.value)]
    return found


def test_statuses_are_compared_and_stored_through_their_enums() -> None:
    offenders = {}
    for path in sorted((ROOT / "app").rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(EXEMPT):
            continue
        if found := _spelled_out(path):
            offenders[relative] = found
    assert offenders == {}


def test_the_check_sees_a_bare_status(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        "if run.status == 'queued': pass\n"
        "ok = row['status'] in ('failed', 'timed_out')\n"
        "q = update(runs).values(status='running')\n"
        "if run.status == RunStatus.QUEUED: pass\n"
    )
    assert _spelled_out(module) == ["1: 'queued'", "2: 'failed'", "2: 'timed_out'", "3: 'running'"]
