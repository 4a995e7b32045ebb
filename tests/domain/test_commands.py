"""``command`` jobs checked against the operator's allow-list (``domain.commands``): tables."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agentcron.app.domain.commands import (
    Capture,
    command_argv,
    command_environment,
    failure_message,
    parse_commands,
    run_timeout,
    validate_command_action,
)
from agentcron.app.domain.hostjobs import HostJobs
from agentcron.app.domain.jobtypes import validate_host_action
from agentcron.app.errors import FieldProblem, InvalidInput

GRANTS = parse_commands(
    '{"disk": ["/usr/bin/df", "-h"],'
    ' "backup": {"argv": ["/usr/bin/pg_dump", "--format=custom"], "args": true,'
    ' "timeout_seconds": 600, "env": {"PGHOST": "db"}}}'
)


def check(raw: Any) -> tuple[dict[str, Any] | None, list[FieldProblem]]:
    problems: list[FieldProblem] = []
    return validate_command_action(raw, GRANTS, problems), problems


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ({"name": "disk"}, {"name": "disk", "args": []}),
        ({"name": "disk", "args": []}, {"name": "disk", "args": []}),
        ({"name": "backup", "args": ["app"]}, {"name": "backup", "args": ["app"]}),
        (
            {"name": "backup", "args": ["a b"], "timeout_seconds": 60},
            {"name": "backup", "args": ["a b"], "timeout_seconds": 60},
        ),
        # seed 004's one string: split into words, never given to a shell
        ("disk", {"name": "disk", "args": []}),
        ("backup app", {"name": "backup", "args": ["app"]}),
        ("backup 'my db' \"x|y\"", {"name": "backup", "args": ["my db", "x|y"]}),
        ("backup '$HOME' 'a;b'", {"name": "backup", "args": ["$HOME", "a;b"]}),
        ("backup x~ b#c", {"name": "backup", "args": ["x~", "b#c"]}),
    ],
)
def test_a_command_the_operator_allows_is_stored_normalised(raw: Any, stored: Any) -> None:
    spec, problems = check(raw)
    assert problems == []
    assert spec == stored


@pytest.mark.parametrize(
    ("raw", "field", "words"),
    [
        ({"name": "rm"}, "command.name", "'rm' is not a command this service allows"),
        ({}, "command.name", "is required"),
        ({"name": "disk", "args": ["/"]}, "command.args", "takes no arguments from jobs"),
        ({"name": "backup", "args": "app"}, "command.args", "list of strings"),
        ({"name": "backup", "args": [1]}, "command.args", "list of strings"),
        ({"name": "backup", "args": ["a\x00b"]}, "command.args[0]", "NUL"),
        ({"name": "backup", "args": ["x"] * 101}, "command.args", "more than 100"),
        ({"name": "backup", "timeout_seconds": 601}, "command.timeout_seconds", "over the 600 s"),
        ({"name": "backup", "timeout_seconds": 0}, "command.timeout_seconds", "positive"),
        ({"name": "backup", "timeout_seconds": True}, "command.timeout_seconds", "positive"),
        ({"name": "disk", "shell": True}, "command.shell", "unknown field"),
        ("backup app | mail root", "command", "'|' means something to a shell"),
        ("backup app > /etc/passwd", "command", "'>' means something to a shell"),
        ("backup $(id)", "command", "'$' means something"),
        ('backup "$HOME"', "command", "'$' means something"),
        ("backup `id`", "command", "'`' means something"),
        ("backup *.sql", "command", "'*' means something"),
        ("backup ~/x", "command", "means something to a shell"),
        ("backup app; rm -rf /", "command", "';' means something"),
        ("backup app && true", "command", "'&' means something"),
        ("backup {a,b}", "command", "means something to a shell"),
        ("backup 'unclosed", "command", "cannot be split into words"),
        ("   ", "command", "is empty"),
        (42, "command", "must be an object"),
        ("rm -rf /", "command.name", "'rm' is not a command"),
    ],
)
def test_what_the_operator_does_not_allow_is_refused_naming_the_field(
    raw: Any, field: str, words: str
) -> None:
    spec, problems = check(raw)
    assert spec is None
    assert any(p.field == field and words in p.reason for p in problems), problems


def test_the_allowed_commands_are_named_when_one_is_not() -> None:
    _, problems = check({"name": "nope"})
    assert "allowed: backup, disk" in problems[0].reason
    assert "AGENTCRON_COMMANDS" in problems[0].reason


def test_a_host_job_is_refused_naming_action_and_the_setting_when_the_type_is_off() -> None:
    with pytest.raises(InvalidInput) as refused:
        validate_host_action("command", {"name": "disk"}, HostJobs())
    assert [p.field for p in refused.value.problems] == ["action"]
    assert "AGENTCRON_COMMANDS" in refused.value.problems[0].reason
    stored = validate_host_action("command", "disk", HostJobs(commands=GRANTS))
    assert stored == {"name": "disk", "args": []}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[]", "must be a JSON object"),
        ("{", "not valid JSON"),
        ('{"a b": ["/bin/true"]}', "a command name is"),
        ('{"t": []}', "non-empty list"),
        ('{"t": ["true"]}', "absolute path"),
        ('{"t": "/bin/true"}', "argument list or an object"),
        ('{"t": {"argv": ["/bin/true"], "args": "yes"}}', "args must be true"),
        ('{"t": {"argv": ["/bin/true"], "env": {"A-B": "x"}}}', "env must be"),
        ('{"t": {"argv": ["/bin/true"], "cwd": "tmp"}}', "absolute directory"),
        ('{"t": {"argv": ["/bin/true"], "timeout_seconds": 0}}', "timeout_seconds"),
        ('{"t": {"argv": ["/bin/true"], "output_bytes": -1}}', "output_bytes"),
        ('{"t": {"argv": ["/bin/true"], "shell": true}}', "unknown field 'shell'"),
    ],
)
def test_a_bad_allow_list_is_refused_at_start_naming_the_entry(text: str, words: str) -> None:
    with pytest.raises(ValueError, match="AGENTCRON_COMMANDS") as raised:
        parse_commands(text)
    assert words in str(raised.value)


def test_the_argument_vector_is_the_operators_then_the_jobs_where_allowed() -> None:
    assert command_argv(GRANTS["disk"], {"args": ["ignored"]}) == ["/usr/bin/df", "-h"]
    assert command_argv(GRANTS["backup"], {"args": ["app", "; rm"]}) == [
        "/usr/bin/pg_dump",
        "--format=custom",
        "app",
        "; rm",
    ]
    assert run_timeout(GRANTS["backup"], {}) == 600
    assert run_timeout(GRANTS["backup"], {"timeout_seconds": 5}) == 5
    assert run_timeout(GRANTS["backup"], {"timeout_seconds": 9_999}) == 600  # lowered since


def test_the_environment_has_nothing_of_the_services_but_what_the_operator_gave() -> None:
    env = command_environment(
        GRANTS["backup"], {"run_id": "run_1", "scheduled_for": None}, home="/home/svc"
    )
    assert env == {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "HOME": "/home/svc",
        "AGENTCRON_RUN_ID": "run_1",
        "PGHOST": "db",
    }


@pytest.mark.parametrize(
    ("code", "stderr", "signal_name", "message"),
    [
        (2, "", None, "command 'x' exited with code 2"),
        (
            1,
            "warming up\nfatal: disk full\n\n",
            None,
            "command 'x' exited with code 1: fatal: disk full",
        ),
        (-9, "", "SIGKILL", "command 'x' was killed by SIGKILL"),
    ],
)
def test_a_failure_says_how_the_command_ended_and_its_last_words(
    code: int, stderr: str, signal_name: str | None, message: str
) -> None:
    assert failure_message("x", code, stderr, signal_name=signal_name) == message


def test_a_capture_keeps_the_beginning_and_the_end_within_its_limit() -> None:
    capture = Capture(1_000, tail=100)
    for _ in range(100):
        capture.feed(b"0123456789" * 10)
    assert capture.total == 10_000
    assert capture.truncated
    text = capture.text()
    assert text.startswith("0123456789")
    assert "[9,000 bytes left out]" in text
    assert len(capture.head) + len(capture.tail) == 1_000


def test_a_capture_of_binary_output_is_text_postgresql_can_store() -> None:
    capture = Capture(100)
    capture.feed(b"a\x00b\xff")
    assert capture.text() == "a\ufffdb\ufffd"
    assert not capture.truncated


@given(st.lists(st.binary(max_size=300), max_size=30), st.integers(min_value=1, max_value=2_000))
def test_a_capture_never_keeps_more_than_its_limit_and_counts_everything(
    chunks: list[bytes], limit: int
) -> None:
    capture = Capture(limit, tail=64)
    for chunk in chunks:
        capture.feed(chunk)
    whole = b"".join(chunks)
    assert capture.total == len(whole)
    assert len(capture.head) + len(capture.tail) <= limit
    assert whole.startswith(bytes(capture.head))
    assert whole.endswith(bytes(capture.tail))
    assert capture.truncated == (len(whole) > len(capture.head) + len(capture.tail))


@given(st.text(max_size=80))
def test_any_command_line_is_either_refused_with_a_reason_or_split_into_plain_words(
    text: str,
) -> None:
    grants = parse_commands('{"t": {"argv": ["/bin/true"], "args": true}}')
    problems: list[FieldProblem] = []
    spec = validate_command_action("t " + text, grants, problems)
    if spec is None:
        assert problems and all(p.field.startswith("command") and p.reason for p in problems)
    else:
        assert spec["name"] == "t"
        assert all(isinstance(a, str) for a in spec["args"])


@pytest.mark.parametrize(
    "action",
    [{"type": {"x": 1}}, {"type": ["command"]}, {"type": None}, {"type": "command", "command": 5}],
)
def test_an_action_object_of_any_shape_is_answered_with_problems_not_a_crash(
    action: dict[str, Any],
) -> None:
    from datetime import UTC, datetime

    from agentcron.app.domain.jobspec import validate_job

    with pytest.raises(InvalidInput) as refused:
        validate_job(
            {"action": action, "schedule": None},
            now=datetime(2026, 1, 1, tzinfo=UTC),
            host=HostJobs(commands=GRANTS),
        )
    assert refused.value.problems
