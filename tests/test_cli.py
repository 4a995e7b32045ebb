"""``agentcron agents …`` and ``agentcron doctor``, run in-process on a migrated SQLite file."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agentcron.app.cli import main
from agentcron.app.domain.budgets import SpendEntry
from agentcron.app.storage.database import Database
from agentcron.app.storage.spend import SpendStore
from tests.executors.test_doctor import capable
from tests.fakes.openai_server import FakeOpenAI, _openai_server_session, openai_server

__all__ = ["_openai_server_session", "openai_server"]


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("AGENTCRON_DATABASE_URL", url)
    for name in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "AGENTCRON_MODEL_PRICES"):
        monkeypatch.delenv(name, raising=False)
    return url


def agents(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["agents", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_operator_lists_and_changes_the_default_agent(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = agents(capsys, "list")
    assert code == 0
    assert out.startswith("default  'Default agent'  shared  model=gpt-4o-mini  ")
    assert "tools=http_fetch,current_time,previous_run  sends_to=-" in out

    code, out, _ = agents(
        capsys, "update", "default", "--model", "gpt-4.1-mini", "--max-tokens-per-day", "200000"
    )
    assert code == 0
    changed = json.loads(out)
    assert (changed["model"], changed["max_tokens_per_day"], changed["builtin"]) == (
        "gpt-4.1-mini",
        200_000,
        True,
    )
    code, _, err = agents(
        capsys, "update", "default", "--tools", "http_send", "--allowed-hosts", "a.example.com"
    )
    assert code == 2
    assert "cannot be given to the built-in default agent" in err

    code, out, _ = agents(capsys, "delete", "default")
    assert (code, out.strip()) == (0, "restored the built-in default agent")
    code, out, _ = agents(capsys, "show", "default")
    assert json.loads(out)["model"] == "gpt-4o-mini"


def test_an_operator_creates_an_owners_agent_that_may_send_to_one_host(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = agents(
        capsys, "create", "--owner", "alice", "--name", "Poster", "--tools", "http_send"
    )
    assert code == 2
    assert "invalid: allowed_hosts: http_send sends data out" in err
    code, out, _ = agents(
        capsys,
        "create",
        "--owner",
        "alice",
        "--name",
        "Poster",
        "--tools",
        "http_fetch,http_send",
        "--allowed-hosts",
        "hooks.example.com",
    )
    assert code == 0
    agent = json.loads(out)
    assert (agent["shared"], agent["effect_tools"], agent["allowed_hosts"]) == (
        False,
        ["http_send"],
        ["hooks.example.com"],
    )
    code, out, _ = agents(capsys, "list", "--owner", "alice")
    assert [line.split()[0] for line in out.splitlines()] == ["default", agent["id"]]
    assert agents(capsys, "list", "--owner", "bob")[1].count("\n") == 1
    code, out, _ = agents(capsys, "delete", agent["id"], "--owner", "alice")
    assert (code, out.strip()) == (0, f"deleted {agent['id']}")


def test_spend_lists_owners_dearest_first_against_the_limits(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    async def record() -> None:
        db = Database(database)
        try:
            ledger = SpendStore(db)
            now = datetime.now(UTC)
            for owner, tokens, cost, priced in (
                ("alice", 5_000, 0.002, True),
                ("bob", 40_000, 0.3, True),
                ("bob", 1_000, 0.0, False),
            ):
                await ledger.record(
                    SpendEntry(
                        owner=owner,
                        job_id="job_1",
                        agent_id="default",
                        run_id="run_1",
                        model="m",
                        at=now,
                        prompt_tokens=tokens,
                        completion_tokens=0,
                        total_tokens=tokens,
                        cost_usd=cost,
                        priced=priced,
                        estimated=False,
                    )
                )
        finally:
            await db.close()

    main(["migrate"])
    asyncio.run(record())
    capsys.readouterr()
    assert main(["spend"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "limits per owner: 1,000,000 tokens a day, $50.00 a month (UTC)",
        "bob  today 41,000 tokens  month 41,000 tokens, $0.30 + 1,000 unpriced tokens",
        "alice  today 5,000 tokens  month 5,000 tokens, $0.002",
    ]


def test_doctor_prints_one_screen_and_exits_non_zero_on_a_problem(
    database: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    openai_server: FakeOpenAI,
) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", openai_server.base_url)
    monkeypatch.setenv("AGENTCRON_LLM_MODEL", "test-model")
    openai_server.handler = capable
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    assert "ready for agents (1 warning(s))" in out  # test-model is unpriced

    openai_server.refuse_tools = "registry.ollama.ai/library/gemma3:4b does not support tools"
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  tool calling" in out and "a model with tool support" in out


def test_a_bad_price_table_stops_the_cli_with_its_reason(
    database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AGENTCRON_MODEL_PRICES", '{"m": {"input": 1}}')
    with pytest.raises(SystemExit) as caught:
        main(["doctor"])
    assert str(caught.value) == (
        "agentcron: AGENTCRON_MODEL_PRICES: m: give input and output prices in USD per "
        "million tokens"
    )
