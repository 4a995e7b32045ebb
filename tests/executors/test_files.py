"""The ``file`` executor on a real temporary directory tree: each operation, the overwrite
policy, size limits, and hostile paths — symbolic links anywhere in the path, FIFOs, paths
no one wrote by hand, and a directory swapped for a link while jobs run."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agentcron.app.domain.files import FileRoot
from agentcron.app.executors.base import ExecutionFailed, RunContext
from agentcron.app.executors.files import FileExecutor, FileJobError

SECRET = "the service's secret"


class Tree:
    """``inside`` (a root, writable), ``small`` (a root of 16 bytes), ``readonly`` (a root
    jobs only copy from) and ``outside`` (no root: what must never be read or changed)."""

    def __init__(self, base: Path) -> None:
        self.base = base
        for name in ("inside", "small", "readonly", "outside"):
            (base / name).mkdir()
        (base / "outside" / "secret.txt").write_text(SECRET)
        (base / "inside" / "docs").mkdir()
        (base / "inside" / "docs" / "report.txt").write_text("quarterly numbers")
        (base / "readonly" / "feed.csv").write_text("a,b\n1,2\n")
        self.roots = {
            "inside": FileRoot("inside", str(base / "inside")),
            "small": FileRoot("small", str(base / "small"), max_bytes=16),
            "readonly": FileRoot("readonly", str(base / "readonly"), writable=False),
        }
        self.executor = FileExecutor(self.roots)

    def outside_state(self) -> dict[str, str]:
        return {
            str(path.relative_to(self.base)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted((self.base / "outside").rglob("*"))
            if path.is_file() and not path.is_symlink()
        }

    async def run(self, **spec: Any) -> dict[str, Any]:
        outcome = await self.executor.execute({"type": "file", "file": spec}, CONTEXT)
        assert isinstance(outcome.output, str) and outcome.output
        return outcome.data

    async def refused(self, **spec: Any) -> ExecutionFailed:
        with pytest.raises(ExecutionFailed) as failed:
            await self.run(**spec)
        return failed.value


CONTEXT = RunContext(
    run_id="run_1",
    job_id="job_1",
    job_name="export",
    owner="alice",
    attempt=1,
    scheduled_for=None,
    trigger="manual",
    goal=None,
    metadata={"region": "eu"},
    upstream_run={"output": "# Report\nall green", "data": {}, "status": "succeeded"},
    payload={"day": "2026-12-04"},
)


@pytest.fixture
def tree(tmp_path: Path) -> Tree:
    return Tree(tmp_path)


async def test_write_makes_the_directories_and_fills_in_the_templates(tree: Tree) -> None:
    data = await tree.run(
        operation="write",
        root="inside",
        path="out/2026/report.md",
        content="{{ upstream.output }}\n(for {{ payload.day }}, {{ job.metadata.region }})",
    )
    written = (tree.base / "inside" / "out" / "2026" / "report.md").read_text()
    assert written == "# Report\nall green\n(for 2026-12-04, eu)"
    assert data == {
        "operation": "write",
        "root": "inside",
        "path": "out/2026/report.md",
        "bytes": len(written.encode()),
        "replaced": False,
    }
    assert [p.name for p in (tree.base / "inside" / "out" / "2026").iterdir()] == ["report.md"]


async def test_the_overwrite_policy_holds_for_write_copy_and_move(tree: Tree) -> None:
    target = tree.base / "inside" / "docs" / "report.txt"
    failed = await tree.refused(
        operation="write", root="inside", path="docs/report.txt", content="new"
    )
    assert (
        failed.message
        == "inside:docs/report.txt already exists (set overwrite: true to replace it)"
    )
    assert not failed.retryable
    assert target.read_text() == "quarterly numbers"
    data = await tree.run(
        operation="write", root="inside", path="docs/report.txt", content="new", overwrite=True
    )
    assert data["replaced"] is True and target.read_text() == "new"

    copy = {"operation": "copy", "root": "readonly", "path": "feed.csv", "to_root": "inside"}
    assert (await tree.run(**copy, to="docs/report.txt", overwrite=True))["replaced"] is True
    assert target.read_text() == "a,b\n1,2\n"
    failed = await tree.refused(**copy, to="docs/report.txt", overwrite=False)
    assert "already exists" in failed.message

    (tree.base / "inside" / "a.txt").write_text("A")
    move = {"operation": "move", "root": "inside", "path": "a.txt", "to_root": "inside"}
    failed = await tree.refused(**move, to="docs/report.txt", overwrite=False)
    assert "already exists" in failed.message
    assert (tree.base / "inside" / "a.txt").exists()  # nothing moved
    assert (await tree.run(**move, to="docs/report.txt", overwrite=True))["bytes"] == 1
    assert target.read_text() == "A" and not (tree.base / "inside" / "a.txt").exists()
    assert not list((tree.base / "inside").rglob(".agentcron-*"))  # no temporary left


async def test_copy_between_roots_and_move_and_delete(tree: Tree) -> None:
    data = await tree.run(
        operation="copy", root="readonly", path="feed.csv", to_root="inside", to="in/feed.csv"
    )
    assert data["bytes"] == 8 and data["to_root"] == "inside"
    assert (tree.base / "inside" / "in" / "feed.csv").read_text() == "a,b\n1,2\n"
    assert (tree.base / "readonly" / "feed.csv").exists()
    await tree.run(operation="move", root="inside", path="in/feed.csv", to="archive/feed.csv")
    assert not (tree.base / "inside" / "in" / "feed.csv").exists()
    assert (tree.base / "inside" / "archive" / "feed.csv").read_text() == "a,b\n1,2\n"
    deleted = await tree.run(operation="delete", root="inside", path="archive/feed.csv")
    assert deleted["deleted"] is True and deleted["bytes"] == 8
    failed = await tree.refused(operation="delete", root="inside", path="archive/feed.csv")
    assert failed.message == "inside:archive/feed.csv does not exist"
    gone = await tree.run(
        operation="delete", root="inside", path="archive/feed.csv", missing_ok=True
    )
    assert gone["deleted"] is False
    missing = await tree.refused(operation="copy", root="inside", path="nope", to="x")
    assert missing.retryable  # it may be there at the next attempt


async def test_a_read_only_root_and_the_size_limit_are_kept_at_run_time(tree: Tree) -> None:
    failed = await tree.refused(operation="delete", root="readonly", path="feed.csv")
    assert "read-only" in failed.message
    assert (tree.base / "readonly" / "feed.csv").exists()
    failed = await tree.refused(operation="write", root="small", path="x", content="x" * 17)
    assert "over the 16 the root 'small' takes" in failed.message
    failed = await tree.refused(
        operation="copy", root="inside", path="docs/report.txt", to_root="small", to="r.txt"
    )
    assert "17 bytes, over the 16" in failed.message
    assert list((tree.base / "small").iterdir()) == []
    unknown = await tree.refused(operation="write", root="etc", path="passwd", content="x")
    assert "the root 'etc' is not allowed on this service" in unknown.message


async def test_a_link_anywhere_in_the_path_is_refused_and_nothing_outside_changes(
    tree: Tree,
) -> None:
    inside, outside = tree.base / "inside", tree.base / "outside"
    (inside / "shortcut").symlink_to(outside)  # a directory link in the middle
    (inside / "secret.txt").symlink_to(outside / "secret.txt")  # a file link at the end
    (inside / "docs" / "up").symlink_to("..")  # a relative link back up
    before = tree.outside_state()
    attempts = [
        {"operation": "copy", "root": "inside", "path": "shortcut/secret.txt", "to": "got.txt"},
        {"operation": "copy", "root": "inside", "path": "secret.txt", "to": "got.txt"},
        {"operation": "copy", "root": "inside", "path": "docs/up/shortcut/secret.txt", "to": "g"},
        {"operation": "move", "root": "inside", "path": "secret.txt", "to": "moved.txt"},
        {"operation": "move", "root": "inside", "path": "docs/report.txt", "to": "shortcut/r"},
        {"operation": "write", "root": "inside", "path": "shortcut/new.txt", "content": "x"},
        {
            "operation": "write",
            "root": "inside",
            "path": "shortcut/secret.txt",
            "content": "x",
            "overwrite": True,
        },
        {
            "operation": "write",
            "root": "inside",
            "path": "secret.txt",
            "content": "x",
            "overwrite": True,
        },
        {"operation": "delete", "root": "inside", "path": "shortcut/secret.txt"},
        {"operation": "delete", "root": "inside", "path": "secret.txt"},
        {"operation": "copy", "root": "inside", "path": "docs/report.txt", "to": "shortcut/r"},
    ]
    for spec in attempts:
        failed = await tree.refused(**spec)
        assert "is a symbolic link, which file jobs never" in failed.message, spec
        assert not failed.retryable
    assert tree.outside_state() == before
    assert (inside / "secret.txt").is_symlink()  # not replaced either
    assert not (inside / "got.txt").exists() and not (inside / "moved.txt").exists()


async def test_a_fifo_or_a_directory_is_not_a_file(tree: Tree) -> None:
    os.mkfifo(tree.base / "inside" / "pipe")
    failed = await asyncio.wait_for(
        tree.refused(operation="copy", root="inside", path="pipe", to="x"), timeout=30
    )  # answered, not blocked opening a FIFO that nobody writes
    assert failed.message == "inside:pipe is not a regular file"
    failed = await tree.refused(operation="delete", root="inside", path="docs")
    assert "is a directory" in failed.message
    failed = await tree.refused(
        operation="write", root="inside", path="docs", content="x", overwrite=True
    )
    assert "inside:docs is a directory" in failed.message
    failed = await tree.refused(
        operation="write", root="inside", path="docs/report.txt/x", content="x"
    )
    assert "inside:docs/report.txt is not a directory" in failed.message


async def test_a_stored_path_is_checked_again_when_it_runs(tree: Tree) -> None:
    # a row written by hand, or before the rule: the executor does not trust it
    for path in ("../outside/secret.txt", "/etc/passwd", "a/../../outside/secret.txt"):
        failed = await tree.refused(operation="copy", root="inside", path=path, to="x")
        assert failed.message.startswith("path "), failed.message


@contextlib.contextmanager
def scratch() -> Iterator[Tree]:
    with tempfile.TemporaryDirectory() as base:
        tree = Tree(Path(base))
        (tree.base / "inside" / "link").symlink_to(tree.base / "outside")
        (tree.base / "inside" / "up").symlink_to("..")
        yield tree


NAMES = st.one_of(
    st.sampled_from(
        [
            "..",
            ".",
            "",
            "link",
            "up",
            "docs",
            "report.txt",
            "outside",
            "secret.txt",
            "~",
            "\x00",
            "...",
        ]
    ),
    st.text(min_size=1, max_size=8),
)
PATHS = st.one_of(
    st.lists(NAMES, min_size=1, max_size=5).map("/".join),
    st.text(max_size=40),
    st.lists(NAMES, min_size=1, max_size=4).map(lambda parts: "/" + "/".join(parts)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["copy", "move", "delete", "write"]), PATHS, PATHS, st.booleans())
def test_no_path_reaches_outside_its_root(
    operation: str, path: str, to: str, overwrite: bool
) -> None:
    """Any path, straight into the executor (no validation first): the job fails with a
    reason, or works inside the root; the outside tree is never read into the root or
    changed, and nothing appears outside."""
    with scratch() as tree:
        before = tree.outside_state()
        spec: dict[str, Any] = {"operation": operation, "root": "inside", "path": path}
        if operation in ("copy", "move"):
            spec.update(to_root="inside", to=to, overwrite=overwrite)
        elif operation == "write":
            spec.update(content="written", overwrite=overwrite)
        try:
            tree.executor.apply(spec)
        except FileJobError as error:
            assert error.message
        except OSError as error:  # a name the system refuses (too long, invalid): no harm
            assert error.errno is not None
        assert tree.outside_state() == before
        assert sorted(p.name for p in (tree.base / "outside").iterdir()) == ["secret.txt"]
        assert sorted(p.name for p in tree.base.iterdir()) == [
            "inside",
            "outside",
            "readonly",
            "small",
        ]
        for found in (tree.base / "inside").rglob("*"):
            if found.is_file() and not found.is_symlink():
                assert found.read_text(errors="replace") != SECRET, found


def test_a_directory_swapped_for_a_link_while_jobs_run_never_lets_one_out(
    tmp_path: Path,
) -> None:
    """A race: one thread keeps turning ``inside/box`` into a link to ``outside`` and back
    while jobs copy ``box/secret.txt``. Whenever the copy works, what it copied is the
    inside file: every step is opened relative to the last, never through a link."""
    tree = Tree(tmp_path)
    box, parked = tree.base / "inside" / "box", tree.base / "inside" / "parked"
    box.mkdir()
    (box / "secret.txt").write_text("inside copy")
    stop = threading.Event()

    def swap() -> None:
        while not stop.is_set():
            with contextlib.suppress(OSError):
                box.rename(parked)
                box.symlink_to(tree.base / "outside")
                time.sleep(0.0005)  # pacing: let copies meet each state, not a wait
                box.unlink()
                parked.rename(box)
                time.sleep(0.0005)

    swapper = threading.Thread(target=swap)
    swapper.start()
    copied = refused = 0
    try:
        for index in range(400):
            spec = {
                "operation": "copy",
                "root": "inside",
                "path": "box/secret.txt",
                "to_root": "inside",
                "to": f"got/{index}.txt",
            }
            try:
                tree.executor.apply(spec)
            except (FileJobError, FileNotFoundError):
                refused += 1
                continue
            copied += 1
            assert (tree.base / "inside" / "got" / f"{index}.txt").read_text() == "inside copy"
    finally:
        stop.set()
        swapper.join()
    assert copied + refused == 400
    assert tree.outside_state() == {
        "outside/secret.txt": hashlib.sha256(SECRET.encode()).hexdigest()
    }
