"""The ``agentcron`` console script, run as a user runs it (a real process, its real output):
what the first hour's commands print, and that none of them prints a traceback or the
migrations' chatter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.service import ServiceProcess

SCRIPT = Path(sys.executable).parent / "agentcron"


def agentcron(*args: str, home: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "AGENTCRON_DATABASE_URL": f"sqlite:///{home / 'agentcron.db'}"}
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SLACK_BOT_TOKEN"):
        env.pop(name, None)
    return subprocess.run(
        [str(SCRIPT), *args], env=env, cwd=home, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(autouse=True)
def _script() -> None:
    if not SCRIPT.exists():
        pytest.skip(f"the console script is not installed beside {sys.executable}")


def test_commands_print_no_migration_chatter(tmp_path: Path) -> None:
    done = agentcron("keys", "create", "--name", "me", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "alembic" not in done.stderr and "INFO" not in done.stderr
    assert done.stderr.splitlines()[0].startswith("created API key key_")
    assert "for owner default, the install's first owner" in done.stderr
    assert done.stdout.strip().startswith("ac_")
    listed = agentcron("keys", "list", home=tmp_path)
    assert listed.stderr == "" and "owner=default (first owner)" in listed.stdout


@pytest.mark.parametrize(
    ("args", "code", "out", "err"),
    [
        (
            ("at", "2020-01-01T00:00Z"),
            1,
            "",
            "invalid: 2020-01-01T00:00:00+00:00 is in the past; it would never run\n",
        ),
        (
            ("cron", "0 9 * * *", "--timezone", "Mars/Base"),
            1,
            "",
            "invalid: schedule.timezone: unknown time zone 'Mars/Base'",
        ),
        (("at", "2999-01-01T09:00:00", "--timezone", "UTC"), 0, "2999-01-01T09:00:00+00:00\n", ""),
        (
            (
                "every",
                "86400",
                "--start-at",
                "2999-01-01T09:00:00Z",
                "--end-at",
                "2999-01-03T00:00Z",
            ),
            0,
            "2999-01-01T09:00:00+00:00\n2999-01-02T09:00:00+00:00\n",
            "",
        ),
        (
            ("every", "60", "--start-at", "2999-01-02T00:00Z", "--end-at", "2999-01-01T00:00Z"),
            1,
            "",
            "invalid: schedule.end_at: must be after start_at",
        ),
    ],
)
def test_validate_says_what_is_wrong_and_exits_non_zero(
    tmp_path: Path, args: tuple[str, ...], code: int, out: str, err: str
) -> None:
    done = agentcron("validate", *args, home=tmp_path)
    assert (done.returncode, done.stdout) == (code, out)
    assert done.stderr.startswith(err)
    assert "Traceback" not in done.stderr


@pytest.mark.slow
def test_a_second_serve_in_one_folder_says_why_without_a_traceback(tmp_path: Path) -> None:
    first = ServiceProcess(database_url=f"sqlite:///{tmp_path / 'agentcron.db'}", workdir=tmp_path)
    first.start()
    try:
        second = agentcron("serve", "--port", "1", home=tmp_path, timeout=30)
        assert second.returncode == 1
        assert "Traceback" not in second.stderr
        lines = second.stderr.strip().splitlines()
        assert lines[-1].startswith("agentcron: another agentcron scheduler (")
        assert "is already using this SQLite database" in lines[-1]
        assert "--role api" in lines[-1]
        assert len(lines) == 1, second.stderr  # nothing else: no migrations, no bootstrap key
    finally:
        first.stop()
