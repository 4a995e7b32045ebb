"""Budgets and cost in the agent executor: the ledger it writes as it goes, the limits that
skip a run before any token, and the price of each turn. Real openai client, fake server,
the in-memory ledger, a frozen clock moved by hand."""

from __future__ import annotations

from typing import Any

import pytest

from agentcron.app.clock import FrozenClock
from agentcron.app.domain.pricing import Price, PriceTable
from agentcron.app.executors.base import RunSkipped
from agentcron.app.storage.spend import InMemorySpendLedger
from tests.executors.agent_kit import AGENT, JOB, NOW, failure, finish, run
from tests.fakes.openai_server import FakeOpenAI

USED = {"prompt_tokens": 3_000, "completion_tokens": 1_000, "total_tokens": 4_000}
PRICED = PriceTable({"test-model": Price(input=2.0, output=10.0)})


async def test_each_turn_is_priced_and_written_to_the_ledger_as_it_ends(
    make: Any, openai_server: FakeOpenAI
) -> None:
    ledger = InMemorySpendLedger()
    openai_server.enqueue(finish(usage={**USED, "prompt_tokens_details": {"cached_tokens": 1_000}}))
    outcome = await run(make(ledger=ledger, prices=PRICED))
    # 2,000 fresh input at $2/M + 1,000 cached (charged as input: no cached price) + 1,000
    # output at $10/M
    assert outcome.usage is not None
    assert outcome.usage["cost_usd"] == pytest.approx(0.016)
    assert outcome.usage["priced"] is True
    (entry,) = ledger.entries
    assert (entry.owner, entry.job_id, entry.agent_id, entry.run_id) == (
        "alice",
        "job_xyz",
        "agent_t",
        "run_abc",
    )
    assert (entry.total_tokens, entry.cost_usd, entry.priced, entry.dry_run) == (
        4_000,
        pytest.approx(0.016),
        True,
        False,
    )


async def test_an_unknown_model_costs_nothing_and_is_marked_unpriced(
    make: Any, openai_server: FakeOpenAI
) -> None:
    ledger = InMemorySpendLedger()
    openai_server.enqueue(finish(usage=USED))
    outcome = await run(make(ledger=ledger))
    assert outcome.usage is not None
    assert (outcome.usage["cost_usd"], outcome.usage["priced"]) == (0.0, False)
    assert ledger.entries[0].priced is False


async def test_a_failed_run_still_records_what_it_spent(
    make: Any, openai_server: FakeOpenAI
) -> None:
    ledger = InMemorySpendLedger()
    heavy = {"prompt_tokens": 20_000, "completion_tokens": 500, "total_tokens": 20_500}
    openai_server.enqueue(finish(usage=heavy))
    error = await failure(make(ledger=ledger, prices=PRICED))
    assert error.message.startswith("token budget exceeded (20,500 tokens used")
    assert [e.total_tokens for e in ledger.entries] == [20_500]


async def test_the_owners_daily_quota_reached_mid_day_skips_the_next_run_until_midnight(
    make: Any, openai_server: FakeOpenAI
) -> None:
    ledger = InMemorySpendLedger()
    clock = FrozenClock(NOW)  # 08:00 UTC
    executor = make(ledger=ledger, clock=clock, owner_day_tokens=6_000)
    openai_server.enqueue(finish(usage=USED))
    await run(executor)  # 4,000 of 6,000: the next run may have 2,000

    clock.advance(4 * 3600)
    openai_server.enqueue(finish(usage={**USED, "total_tokens": 1_500}))
    outcome = await run(executor, run_id="run_2")
    assert outcome.usage is not None and outcome.usage["token_limit"] == 2_000

    clock.advance(4 * 3600)  # 16:00: 500 left, too little to start
    with pytest.raises(RunSkipped) as caught:
        await run(executor, run_id="run_3")
    assert caught.value.message == (
        "over budget: the owner's daily limit of 6,000 tokens is used up "
        "(5,500 used on 2026-03-02 UTC)"
    )
    assert (caught.value.limit, caught.value.period) == ("owner_day_tokens", "2026-03-02")
    assert not caught.value.retryable
    assert caught.value.notify is True  # the first skip of the day: the owner is told
    with pytest.raises(RunSkipped) as again:
        await run(executor, run_id="run_3b")
    assert again.value.notify is False  # and only once
    assert len(openai_server.requests) == 2  # the skipped runs sent nothing

    clock.advance(8 * 3600)  # past midnight UTC: a new day
    openai_server.enqueue(finish())
    assert (await run(executor, run_id="run_4")).output == "done"


async def test_the_owners_monthly_cost_limit_skips_runs_of_priced_models(
    make: Any, openai_server: FakeOpenAI
) -> None:
    ledger = InMemorySpendLedger()
    executor = make(ledger=ledger, prices=PRICED, owner_month_usd=0.015)
    small = {"prompt_tokens": 1_000, "completion_tokens": 500, "total_tokens": 1_500}
    openai_server.enqueue(finish(usage=small))
    outcome = await run(executor)  # $0.015 buys 1,500 output tokens: the allowance
    assert outcome.usage is not None and outcome.usage["token_limit"] == 1_500
    # $0.007 spent; $0.008 buys 800 output tokens, too few to start
    with pytest.raises(RunSkipped) as caught:
        await run(executor, run_id="run_2")
    assert caught.value.limit == "owner_month_cost"
    assert caught.value.message.startswith(
        "over budget: the owner's monthly cost limit of $0.015 is nearly used up"
    )


async def test_job_and_agent_daily_limits_count_their_own_runs_only(
    make: Any, openai_server: FakeOpenAI
) -> None:
    ledger = InMemorySpendLedger()
    job = {**JOB, "budget": {"max_tokens_per_day": 4_500}}
    agent = {**AGENT, "max_tokens_per_day": 9_000}
    openai_server.enqueue(finish(usage=USED), finish(usage=USED))
    await run(make(ledger=ledger, job=job, agent=agent))
    with pytest.raises(RunSkipped) as caught:
        await run(make(ledger=ledger, job=job, agent=agent), run_id="run_2")
    assert caught.value.message.startswith("over budget: the job's daily limit of 4,500 tokens")
    # another job of the same agent still runs, under what the agent has left
    other = {**JOB, "id": "job_other"}
    outcome = await run(make(ledger=ledger, job=other, agent=agent), job_id="job_other")
    assert outcome.usage is not None and outcome.usage["token_limit"] == 5_000
