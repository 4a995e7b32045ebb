"""The same command gives the same schedule through the API, the CLI and Slack."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest

from agentcron.app.cli import main
from agentcron.app.runtime import Runtime
from tests.slack.conftest import SlackUser, card_text

ZONE = "America/New_York"  # the fake Slack's zone for Alice

COMMANDS = [
    "remind me every morning at 8 to check the build",
    "/remind <#C0OPS123|ops> to update the status every Monday at 9am",
    "Please schedule the sync for every other Tuesday at noon",
    "every 3 days at 10:15 water the plants",
    "at 5 call the bank",
]


@pytest.mark.parametrize("command", COMMANDS)
async def test_the_api_the_cli_and_slack_read_a_command_alike(
    command: str,
    api: httpx.AsyncClient,
    alice: SlackUser,
    runtime: Runtime,
    capsys: pytest.CaptureFixture[str],
) -> None:
    now = runtime.clock.now()
    response = await api.post("/parse-nl", json={"text": command, "timezone": ZONE})
    assert response.status_code == 200, response.text
    through_api = response.json()

    argv = ["parse", command, "--timezone", ZONE, "--now", now.isoformat(), "--json"]
    code = await asyncio.to_thread(main, argv)  # the CLI runs its own event loop
    through_cli = json.loads(capsys.readouterr().out)
    assert code == 0
    for key in ("schedule", "human_readable", "task", "target", "needs_confirmation"):
        assert through_cli[key] == through_api[key], key
    assert through_cli["next_runs"] == through_api["next_runs"]

    card = card_text(await alice.command(command))
    assert through_api["human_readable"] in card
    assert through_api["task"] in card
