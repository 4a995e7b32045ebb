"""Token budgets: may an agent run start, how much may it spend, how big may one turn be.

Limits, each optional but the first:

- per run: the agent's ``max_tokens``, lowered by the job's ``budget.max_tokens_per_run``;
- per job and per agent (for one owner): tokens per day;
- per owner: tokens per day (``AGENTCRON_DAILY_TOKEN_QUOTA``) and dollars per month
  (``AGENTCRON_MONTHLY_COST_LIMIT_USD``).

Days and months are UTC. ``plan_budget`` looks at what has been spent and either refuses the
run (naming the limit that is used up: the run is skipped, the owner told once per period)
or grants an *allowance*: the most tokens the run may use, the smallest of what every limit
has left. A dollar limit is turned into tokens at the model's output price (the dearer
kind), so the allowance never buys more than the limit. The executor then caps every model
turn to what is left (``turn_cap``) and ends the run the moment the allowance is crossed.

Runs of one owner that start at the same moment each see the same remainder, so together
they may go past a daily limit by at most one allowance each; the next run is refused.

Pure: the spend comes in, the decision goes out. Storage sums, the executor enforces.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from agentcron.app.domain.pricing import Price

#: a run is not started with less than this left: it could not do one useful turn
MIN_START_TOKENS = 1_000
#: the largest output one turn may ask for, however much is left
MAX_TURN_OUTPUT = 8_192
#: below this, another turn could not even say "finish": the budget counts as spent
MIN_TURN_OUTPUT = 128
#: what a turn adds to the conversation at the least (a tool call and its answer)
NEXT_TURN_MARGIN = 256
#: UTF-8 bytes per token when the server reports no usage; real tokenizers average ~4
#: bytes per token for English, so this overestimates: an estimate must not under-count
BYTES_PER_TOKEN_ESTIMATE = 3


class Limit(StrEnum):
    RUN_TOKENS = "run_tokens"
    JOB_DAY_TOKENS = "job_day_tokens"
    AGENT_DAY_TOKENS = "agent_day_tokens"
    OWNER_DAY_TOKENS = "owner_day_tokens"
    OWNER_MONTH_COST = "owner_month_cost"


@dataclass(frozen=True)
class Budget:
    """The limits one run is under (None: no such limit)."""

    run_tokens: int
    job_day_tokens: int | None = None
    agent_day_tokens: int | None = None
    owner_day_tokens: int | None = None
    owner_month_usd: float | None = None


@dataclass(frozen=True)
class Spent:
    """What has been spent in the periods the limits count (today, this month; UTC)."""

    job_day_tokens: int = 0
    agent_day_tokens: int = 0
    owner_day_tokens: int = 0
    owner_month_usd: float = 0.0


@dataclass(frozen=True)
class SpendEntry:
    """One model turn's spend, as the ledger keeps it."""

    owner: str
    job_id: str
    agent_id: str
    #: None for a dry run (no run is recorded)
    run_id: str | None
    model: str
    at: datetime
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int
    cost_usd: float
    priced: bool
    #: the server reported no usage: the counts are ``estimate_tokens``'s
    estimated: bool
    dry_run: bool = False


@dataclass(frozen=True)
class Allowance:
    """The run may use up to ``tokens``; ``limit`` binds, ``description`` says it in words."""

    tokens: int
    limit: Limit
    description: str


@dataclass(frozen=True)
class Refusal:
    """The run may not start: ``limit`` is used up for ``period`` (a UTC day or month)."""

    limit: Limit
    reason: str
    period: str


def usd(amount: float) -> str:
    """Dollars for people: "$50.00", "$0.015" (small amounts keep their digits)."""
    if amount >= 1 or amount == 0:
        return f"${amount:,.2f}"
    text = f"{amount:.4f}".rstrip("0")
    return "$" + (text if len(text.split(".")[1]) >= 2 else f"{amount:.2f}")


def day_of(now: datetime) -> str:
    return now.astimezone(UTC).date().isoformat()


def month_of(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m")


def day_start(now: datetime) -> datetime:
    utc = now.astimezone(UTC)
    return utc.replace(hour=0, minute=0, second=0, microsecond=0)


def month_start(now: datetime) -> datetime:
    return day_start(now).replace(day=1)


def plan_budget(
    budget: Budget, spent: Spent, *, now: datetime, price: Price | None
) -> Allowance | Refusal:
    """Refuse the run if a limit is used up (the broadest first), else grant an allowance.

    ``price`` is the run's model's price (None: unpriced, so a dollar limit cannot bind).
    """
    day, month = day_of(now), month_of(now)
    candidates: list[Allowance] = []

    if budget.owner_month_usd is not None:
        left_usd = budget.owner_month_usd - spent.owner_month_usd
        limit_text = f"the owner's monthly cost limit of {usd(budget.owner_month_usd)}"
        if left_usd <= 0:
            return Refusal(
                Limit.OWNER_MONTH_COST,
                f"over budget: {limit_text} is used up ({usd(spent.owner_month_usd)} "
                f"spent in {month})",
                month,
            )
        if price is not None and price.output > 0:
            # a hair over, so that $0.015 at $10/M buys 1,500 tokens, not 1,499.99…
            tokens = math.floor(left_usd / price.per_output_token() + 1e-6)
            if tokens < MIN_START_TOKENS:
                return Refusal(
                    Limit.OWNER_MONTH_COST,
                    f"over budget: {limit_text} is nearly used up ({usd(left_usd)} left in "
                    f"{month}, less than {MIN_START_TOKENS:,} tokens of this model)",
                    month,
                )
            candidates.append(
                Allowance(
                    tokens,
                    Limit.OWNER_MONTH_COST,
                    f"{usd(left_usd)} left this month of {limit_text}",
                )
            )

    for limit, cap, used, whose, period in (
        (Limit.OWNER_DAY_TOKENS, budget.owner_day_tokens, spent.owner_day_tokens, "owner's", day),
        (Limit.AGENT_DAY_TOKENS, budget.agent_day_tokens, spent.agent_day_tokens, "agent's", day),
        (Limit.JOB_DAY_TOKENS, budget.job_day_tokens, spent.job_day_tokens, "job's", day),
    ):
        if cap is None:
            continue
        left = cap - used
        limit_text = f"the {whose} daily limit of {cap:,} tokens"
        if left < MIN_START_TOKENS:
            return Refusal(
                limit,
                f"over budget: {limit_text} is used up ({used:,} used on {period} UTC)",
                period,
            )
        candidates.append(Allowance(left, limit, f"{left:,} left today of {limit_text}"))

    candidates.append(
        Allowance(
            budget.run_tokens,
            Limit.RUN_TOKENS,
            f"the run's limit of {budget.run_tokens:,} tokens",
        )
    )
    # the tightest binds; on a tie the run's own limit is the clearer one to name
    return min(candidates, key=lambda a: (a.tokens, a.limit is not Limit.RUN_TOKENS))


def notice_scope(limit: Limit, *, job_id: str, agent_id: str) -> str:
    """What a used-up limit is on, for telling its owner once per period: the owner's own
    limits are one each, a job's and an agent's are theirs."""
    if limit is Limit.JOB_DAY_TOKENS:
        return f"{limit}:{job_id}"
    if limit is Limit.AGENT_DAY_TOKENS:
        return f"{limit}:{agent_id}"
    return str(limit)


def turn_cap(*, allowance: int, used: int, prompt_estimate: int) -> int | None:
    """The output cap for the next model turn, or None when what is left could not pay for
    a useful one (the run's budget is then spent)."""
    left = allowance - used - prompt_estimate
    if left < MIN_TURN_OUTPUT:
        return None
    return min(left, MAX_TURN_OUTPUT)


def last_affordable_turn(*, allowance: int, used: int, prompt_estimate: int) -> bool:
    """Whether the next turn is the last the allowance can pay for: the turn after it sends
    at least this conversation again, plus what this turn adds. Time to tell the model to
    finish now."""
    left_after_two_prompts = allowance - used - 2 * prompt_estimate
    return left_after_two_prompts < MIN_TURN_OUTPUT + NEXT_TURN_MARGIN


def estimate_tokens(text: str) -> int:
    """A deliberately high token count for ``text``, for servers that report no usage."""
    return math.ceil(len(text.encode("utf-8")) / BYTES_PER_TOKEN_ESTIMATE)
