"""plan_budget, turn_cap and the estimate: who may start, with how many tokens, and why not."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from agentcron.app.domain.budgets import (
    MAX_TURN_OUTPUT,
    Allowance,
    Budget,
    Limit,
    Refusal,
    Spent,
    day_start,
    estimate_tokens,
    last_affordable_turn,
    month_start,
    plan_budget,
    turn_cap,
    usd,
)
from agentcron.app.domain.pricing import Price

NOW = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)
MINI = Price(0.15, 0.60)  # $0.60 per million output tokens


@pytest.mark.parametrize(
    ("budget", "spent", "price", "expected"),
    [
        # nothing spent: the run's own limit binds
        (Budget(10_000), Spent(), None, (10_000, Limit.RUN_TOKENS)),
        (
            Budget(10_000, owner_day_tokens=1_000_000, owner_month_usd=50.0),
            Spent(owner_day_tokens=10, owner_month_usd=1.0),
            MINI,
            (10_000, Limit.RUN_TOKENS),
        ),
        # what is left today is less than a run may use: it binds
        (
            Budget(20_000, owner_day_tokens=100_000),
            Spent(owner_day_tokens=95_000),
            None,
            (5_000, Limit.OWNER_DAY_TOKENS),
        ),
        (
            Budget(20_000, job_day_tokens=50_000, agent_day_tokens=30_000),
            Spent(job_day_tokens=40_000, agent_day_tokens=12_000),
            None,
            (10_000, Limit.JOB_DAY_TOKENS),
        ),
        (
            Budget(20_000, agent_day_tokens=30_000),
            Spent(agent_day_tokens=22_500),
            None,
            (7_500, Limit.AGENT_DAY_TOKENS),
        ),
        # dollars become tokens at the output price: $0.006 left buys 10,000 tokens
        (
            Budget(20_000, owner_month_usd=1.0),
            Spent(owner_month_usd=0.994),
            MINI,
            (10_000, Limit.OWNER_MONTH_COST),
        ),
        # an unpriced model: a dollar limit cannot bind (it is not refused either)
        (
            Budget(20_000, owner_month_usd=1.0),
            Spent(owner_month_usd=0.999),
            None,
            (20_000, Limit.RUN_TOKENS),
        ),
        # a free model (priced at 0) likewise
        (
            Budget(20_000, owner_month_usd=1.0),
            Spent(owner_month_usd=0.999),
            Price(0, 0),
            (20_000, Limit.RUN_TOKENS),
        ),
        # a tie: the run's own limit is the clearer one to name
        (
            Budget(5_000, owner_day_tokens=10_000),
            Spent(owner_day_tokens=5_000),
            None,
            (5_000, Limit.RUN_TOKENS),
        ),
    ],
)
def test_an_allowance_is_the_smallest_of_what_every_limit_has_left(
    budget: Budget, spent: Spent, price: Price | None, expected: tuple[int, Limit]
) -> None:
    decision = plan_budget(budget, spent, now=NOW, price=price)
    assert isinstance(decision, Allowance)
    assert (decision.tokens, decision.limit) == expected


@pytest.mark.parametrize(
    ("budget", "spent", "price", "limit", "period", "reason"),
    [
        (
            Budget(10_000, owner_day_tokens=100_000),
            Spent(owner_day_tokens=100_400),
            None,
            Limit.OWNER_DAY_TOKENS,
            "2026-03-02",
            "over budget: the owner's daily limit of 100,000 tokens is used up "
            "(100,400 used on 2026-03-02 UTC)",
        ),
        (
            # less than one useful run left counts as used up
            Budget(10_000, job_day_tokens=20_000),
            Spent(job_day_tokens=19_500),
            None,
            Limit.JOB_DAY_TOKENS,
            "2026-03-02",
            "over budget: the job's daily limit of 20,000 tokens is used up "
            "(19,500 used on 2026-03-02 UTC)",
        ),
        (
            Budget(10_000, agent_day_tokens=5_000),
            Spent(agent_day_tokens=5_000),
            None,
            Limit.AGENT_DAY_TOKENS,
            "2026-03-02",
            "over budget: the agent's daily limit of 5,000 tokens is used up "
            "(5,000 used on 2026-03-02 UTC)",
        ),
        (
            Budget(10_000, owner_month_usd=50.0),
            Spent(owner_month_usd=50.01),
            None,  # even unpriced: money already spent is over the limit
            Limit.OWNER_MONTH_COST,
            "2026-03",
            "over budget: the owner's monthly cost limit of $50.00 is used up "
            "($50.01 spent in 2026-03)",
        ),
        (
            Budget(10_000, owner_month_usd=0.5),
            Spent(owner_month_usd=0.4998),
            MINI,
            Limit.OWNER_MONTH_COST,
            "2026-03",
            "over budget: the owner's monthly cost limit of $0.50 is nearly used up "
            "($0.0002 left in 2026-03, less than 1,000 tokens of this model)",
        ),
        (
            # several used up: the broadest is named (the owner hears about that one)
            Budget(10_000, owner_day_tokens=1_000, job_day_tokens=1_000),
            Spent(owner_day_tokens=2_000, job_day_tokens=2_000),
            None,
            Limit.OWNER_DAY_TOKENS,
            "2026-03-02",
            "over budget: the owner's daily limit of 1,000 tokens is used up "
            "(2,000 used on 2026-03-02 UTC)",
        ),
    ],
)
def test_a_used_up_limit_refuses_the_run_naming_it(
    budget: Budget,
    spent: Spent,
    price: Price | None,
    limit: Limit,
    period: str,
    reason: str,
) -> None:
    assert plan_budget(budget, spent, now=NOW, price=price) == Refusal(limit, reason, period)


def test_days_and_months_are_utc() -> None:
    berlin_morning = datetime.fromisoformat("2026-03-03T00:30:00+01:00")  # still the 2nd in UTC
    assert day_start(berlin_morning) == datetime(2026, 3, 2, tzinfo=UTC)
    assert month_start(berlin_morning) == datetime(2026, 3, 1, tzinfo=UTC)
    refusal = plan_budget(
        Budget(10_000, owner_day_tokens=1_000),
        Spent(owner_day_tokens=1_000),
        now=berlin_morning,
        price=None,
    )
    assert isinstance(refusal, Refusal) and refusal.period == "2026-03-02"


@pytest.mark.parametrize(
    ("allowance", "used", "prompt", "cap"),
    [
        (20_000, 0, 1_500, MAX_TURN_OUTPUT),
        (10_000, 4_000, 3_000, 3_000),
        (10_000, 9_000, 872, 128),
        (10_000, 9_000, 873, None),  # 127 left for the answer: not a useful turn
        (10_000, 11_000, 0, None),
    ],
)
def test_turn_cap_is_what_is_left_after_the_prompt(
    allowance: int, used: int, prompt: int, cap: int | None
) -> None:
    assert turn_cap(allowance=allowance, used=used, prompt_estimate=prompt) == cap


def test_the_last_affordable_turn_is_the_one_after_which_the_prompt_would_not_fit() -> None:
    assert not last_affordable_turn(allowance=10_000, used=2_000, prompt_estimate=2_000)
    assert last_affordable_turn(allowance=10_000, used=3_200, prompt_estimate=3_260)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [("", 0), ("abc", 1), ("hello world, this is a test", 9), ("€€€", 3), ("日本語", 3)],
)
def test_the_estimate_counts_three_utf8_bytes_a_token(text: str, tokens: int) -> None:
    assert estimate_tokens(text) == tokens


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (50, "$50.00"),
        (1234.5, "$1,234.50"),
        (0, "$0.00"),
        (0.015, "$0.015"),
        (0.5, "$0.50"),
        (0.0002, "$0.0002"),
    ],
)
def test_dollars_read_as_people_write_them(amount: float, text: str) -> None:
    assert usd(amount) == text
