"""``agentcron mcp`` as an assistant starts it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.mcp.conftest import Service

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("key", "message"), [(None, "set AGENTCRON_API_KEY"), ("ac_x", "not a valid key")]
)
def test_without_a_valid_key_it_says_so_and_exits(
    service: Service, key: str | None, message: str
) -> None:
    env = {k: v for k, v in os.environ.items() if k != "AGENTCRON_API_KEY"}
    env["AGENTCRON_DATABASE_URL"] = service.database_url
    if key is not None:
        env["AGENTCRON_API_KEY"] = key
    done = subprocess.run(
        [sys.executable, "-m", "agentcron.app.cli", "mcp"],
        env=env,
        cwd=service.home,
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert message in done.stderr
    assert done.stdout == ""  # stdout belongs to the protocol
