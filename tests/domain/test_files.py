"""``file`` jobs checked against the operator's roots (``domain.files``): tables, and paths
nobody wrote by hand (hypothesis)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentcron.app.domain.files import check_path, describe, parse_file_roots, validate_file_action
from agentcron.app.domain.hostjobs import HostJobs
from agentcron.app.domain.jobtypes import validate_host_action
from agentcron.app.errors import FieldProblem, InvalidInput

ROOTS = parse_file_roots(
    '{"exports": "/srv/exports", "incoming": {"path": "/srv/in", "writable": false},'
    ' "small": {"path": "/srv/small", "max_bytes": 100}}'
)


def check(raw: Any) -> tuple[dict[str, Any] | None, list[FieldProblem]]:
    problems: list[FieldProblem] = []
    return validate_file_action(raw, ROOTS, problems), problems


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        (
            {
                "operation": "copy",
                "root": "incoming",
                "path": "a.csv",
                "to_root": "exports",
                "to": "b/a.csv",
            },
            {
                "operation": "copy",
                "root": "incoming",
                "path": "a.csv",
                "to_root": "exports",
                "to": "b/a.csv",
                "overwrite": False,
            },
        ),
        (  # seed 001 capitalises the operation; the destination root defaults to the source's
            {
                "operation": "Move",
                "root": "exports",
                "path": "a",
                "to": "archive/a",
                "overwrite": True,
            },
            {
                "operation": "move",
                "root": "exports",
                "path": "a",
                "to_root": "exports",
                "to": "archive/a",
                "overwrite": True,
            },
        ),
        (
            {"operation": "delete", "root": "exports", "path": "old/x.log"},
            {"operation": "delete", "root": "exports", "path": "old/x.log", "missing_ok": False},
        ),
        (
            {
                "operation": "write",
                "root": "exports",
                "path": "r.md",
                "content": "{{ upstream.output }}",
            },
            {
                "operation": "write",
                "root": "exports",
                "path": "r.md",
                "content": "{{ upstream.output }}",
                "overwrite": False,
            },
        ),
        (
            {"operation": "write", "root": "exports", "path": "über/ña me.txt", "content": ""},
            {
                "operation": "write",
                "root": "exports",
                "path": "über/ña me.txt",
                "content": "",
                "overwrite": False,
            },
        ),
        (
            {"operation": "write", "root": "exports", "path": "..hidden/...", "content": "x"},
            {
                "operation": "write",
                "root": "exports",
                "path": "..hidden/...",
                "content": "x",
                "overwrite": False,
            },
        ),
    ],
)
def test_an_operation_within_the_roots_is_stored_normalised(raw: Any, stored: Any) -> None:
    spec, problems = check(raw)
    assert problems == []
    assert spec == stored


W = {"operation": "write", "root": "exports", "content": "x"}


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({**W, "path": "../etc/passwd"}, "file.path", "contains '..'"),
        ({**W, "path": "a/../../b"}, "file.path", "contains '..'"),
        ({**W, "path": ".."}, "file.path", "contains '..'"),
        ({**W, "path": "/etc/passwd"}, "file.path", "is absolute"),
        ({**W, "path": "//etc/passwd"}, "file.path", "is absolute"),
        ({**W, "path": "a/./b"}, "file.path", "contains '.'"),
        ({**W, "path": "."}, "file.path", "contains '.'"),
        ({**W, "path": "a//b"}, "file.path", "empty part"),
        ({**W, "path": "dir/"}, "file.path", "empty part"),
        ({**W, "path": ""}, "file.path", "is required"),
        ({**W, "path": 7}, "file.path", "is required"),
        ({**W, "path": "a\x00b"}, "file.path", "control character"),
        ({**W, "path": "a\nb"}, "file.path", "control character"),
        ({**W, "path": "..\\..\\windows"}, "file.path", "contains '\\'"),
        ({**W, "path": "x" * 256}, "file.path", "over 255 bytes"),
        ({**W, "path": "/".join(["d"] * 33)}, "file.path", "more than 32"),
        ({**W, "path": "a" * 1025}, "file.path", "over 1024"),
        ({**W, "root": "etc", "path": "x"}, "file.root", "'etc' is not a root directory"),
        ({**W, "root": None, "path": "x"}, "file.root", "is required"),
        ({**W, "root": "incoming", "path": "x"}, "file.root", "is read-only"),
        (
            {"operation": "write", "root": "exports", "path": "x"},
            "file.content",
            "is required for write",
        ),
        (
            {**W, "path": "x", "content": "{{ secrets.key }}"},
            "file.content",
            "unknown name 'secrets'",
        ),
        (
            {**W, "root": "small", "path": "x", "content": "x" * 101},
            "file.content",
            "larger than 100",
        ),
        ({**W, "path": "x", "overwrite": "yes"}, "file.overwrite", "true or false"),
        ({**W, "path": "x", "to": "y"}, "file.to", "does not apply to write"),
        ({**W, "path": "x", "mode": "0777"}, "file.mode", "unknown field"),
        (
            {"operation": "chmod", "root": "exports", "path": "x"},
            "file.operation",
            "must be one of",
        ),
        ({"operation": "copy", "root": "exports", "path": "x"}, "file.to", "is required"),
        (
            {"operation": "copy", "root": "exports", "path": "x", "to": "x"},
            "file.to",
            "the same file",
        ),
        (
            {"operation": "copy", "root": "exports", "path": "x", "to_root": "incoming", "to": "y"},
            "file.to_root",
            "is read-only",
        ),
        (
            {"operation": "copy", "root": "exports", "path": "x", "to": "../y"},
            "file.to",
            "contains '..'",
        ),
        (
            {"operation": "move", "root": "incoming", "path": "x", "to_root": "exports", "to": "y"},
            "file.root",
            "is read-only",
        ),
        (
            {"operation": "delete", "root": "exports", "path": "x", "content": "y"},
            "file.content",
            "does not apply to delete",
        ),
        (
            {"operation": "delete", "root": "exports", "path": "x", "missing_ok": 1},
            "file.missing_ok",
            "true or false",
        ),
    ],
)
def test_what_leaves_the_roots_or_is_not_allowed_is_refused_naming_the_field(
    raw: Any, field: str, words: str
) -> None:
    spec, problems = check(raw)
    assert spec is None
    assert any(p.field == field and words in p.reason for p in problems), problems


def test_a_copy_from_a_read_only_root_is_allowed() -> None:
    spec, problems = check(
        {"operation": "copy", "root": "incoming", "path": "x", "to_root": "exports", "to": "x"}
    )
    assert problems == [] and spec is not None


def test_the_allowed_roots_are_named_and_file_jobs_are_off_without_roots() -> None:
    _, problems = check({**W, "root": "nope", "path": "x"})
    assert "allowed: exports, incoming, small" in problems[0].reason
    with pytest.raises(InvalidInput) as refused:
        validate_host_action("file", {**W, "path": "x"}, HostJobs())
    problem = refused.value.problems[0]
    assert problem.field == "action" and "AGENTCRON_FILE_ROOTS" in problem.reason
    stored = validate_host_action("file", {**W, "path": "x"}, HostJobs(file_roots=ROOTS))
    assert stored == {**W, "path": "x", "overwrite": False}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[]", "must be a JSON object"),
        ("{", "not valid JSON"),
        ('{"a b": "/srv"}', "a root name is"),
        ('{"a": "srv"}', "absolute directory"),
        ('{"a": "/"}', "must not be /"),
        ('{"a": 5}', "directory path or an object"),
        ('{"a": {"path": "/srv", "writable": "no"}}', "writable must be"),
        ('{"a": {"path": "/srv", "max_bytes": 0}}', "max_bytes must be"),
        ('{"a": {"path": "/srv", "follow_links": true}}', "unknown field 'follow_links'"),
    ],
)
def test_bad_roots_are_refused_at_start_naming_the_entry(text: str, words: str) -> None:
    with pytest.raises(ValueError, match="AGENTCRON_FILE_ROOTS") as raised:
        parse_file_roots(text)
    assert words in str(raised.value)


def test_what_a_run_did_reads_as_one_line() -> None:
    copy = {"operation": "copy", "root": "a", "path": "x", "to_root": "b", "to": "y"}
    assert describe(copy, 1234) == "copied a:x to b:y (1,234 bytes)"
    assert (
        describe({"operation": "delete", "root": "a", "path": "x"}, None) == "a:x was already gone"
    )
    assert describe({"operation": "write", "root": "a", "path": "x"}, 3) == "wrote a:x (3 bytes)"


@given(st.text(max_size=60))
def test_any_accepted_path_is_plain_names_below_the_root(text: str) -> None:
    parts, problem = check_path(text, "file.path")
    if problem is not None:
        assert problem.field == "file.path" and problem.reason
        assert parts == ()
        return
    assert parts and "/".join(parts) == text
    for part in parts:
        assert part not in ("", ".", "..")
        assert "/" not in part and "\x00" not in part


@given(
    st.lists(
        st.sampled_from(["..", ".", "", "a", "b.txt", "..a", "/", "\\"]), min_size=1, max_size=6
    )
)
def test_a_path_with_a_parent_step_is_always_refused(parts: list[str]) -> None:
    text = "/".join(parts)
    _, problem = check_path(text, "file.path")
    if ".." in text.split("/") or text.startswith("/"):
        assert problem is not None
