"""The ``agent`` action: an LLM works toward the job's goal in a bounded tool-calling loop.

One attempt is one conversation with an OpenAI-compatible chat completions API (any
``OPENAI_BASE_URL``). The model gets the agent's instructions, the run's context and the
built-in tools (``executors.tools``); it ends the run by calling ``finish(output, data)``.

Before any token is spent the job's configuration is checked — its agent exists, a Slack
channel has a token to post with — and a configuration that cannot work fails at once,
without retrying, in one sentence. (No LLM configured at all is caught earlier:
``build_agent_executor`` returns None and the engine runs its "no LLM configured" executor.)

Limits, from the agent: ``max_steps`` model turns, ``max_tokens`` total tokens (checked
before each turn: tokens already spent are never wasted by discarding a finished answer),
``timeout_seconds`` for the whole conversation. Running out of steps or tokens is not
retried (it would spend the same again); running out of time is. Token usage is summed
over every turn and kept on the run, failed or not.

LLM errors: 429 and 5xx are retried inside the attempt with backoff, honouring
``Retry-After``; a model that cannot be reached (connection refused, DNS, timeout) fails the
attempt as retryable, so the job's retry policy decides what happens next. Other 4xx (a bad
key, an unknown model, an exhausted quota) are configuration problems and are not retried.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import logging
import random
import socket
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from string import Template
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import aiohttp

from agentcron.app.clock import Clock
from agentcron.app.domain.agents import TOOL_NAMES
from agentcron.app.executors.base import ExecutionFailed, Outcome, RunContext
from agentcron.app.executors.tools import ToolBox

if TYPE_CHECKING:
    from openai import AsyncOpenAI
    from openai.types.chat import ChatCompletion

    from agentcron.app.runtime import Runtime

log = logging.getLogger("agentcron.agent")

PROMPT_FILE = "agent.md"
#: tries of one model turn when the API answers 429 or 5xx
MAX_LLM_TRIES = 4
#: longest wait between those tries; a longer Retry-After ends the attempt instead
MAX_RETRY_WAIT_SECONDS = 60.0
REQUEST_TIMEOUT_SECONDS = 120.0
BUDGET_GRACE_SECONDS = 1.0
#: tool calls with malformed arguments in a row before the attempt is given up
MAX_MALFORMED_IN_A_ROW = 3
MAX_TOOL_CALLS_PER_TURN = 8

Lookup = Callable[[RunContext], Awaitable[tuple[dict[str, Any] | None, dict[str, Any] | None]]]
ClientFactory = Callable[[], "AsyncOpenAI"]


@dataclass(frozen=True)
class RunPlan:
    """What one attempt will do, decided from the job and its agent before any LLM call."""

    agent_id: str
    model: str
    goal: str
    instructions: str
    tools: frozenset[str]
    max_steps: int
    max_tokens: int
    timeout_seconds: float
    timezone: str
    condition: str | None
    #: top-level data keys the condition reads
    condition_keys: frozenset[str]


def plan_run(
    job: Mapping[str, Any] | None,
    agent: Mapping[str, Any] | None,
    *,
    default_model: str,
    slack_ready: bool,
) -> RunPlan:
    """Check that the job can run and say how; ExecutionFailed (not retryable) if it cannot."""
    if job is None:
        raise ExecutionFailed("the job no longer exists", retryable=False)
    agent_id = job.get("agent_id") or "default"
    if agent is None:
        raise ExecutionFailed(
            f"the job's agent {agent_id!r} does not exist; create it or set the job's "
            "agent_id to an existing agent (GET /api/scheduler/agents)",
            retryable=False,
        )
    delivery = job.get("delivery") or {}
    if not slack_ready and not delivery.get("muted"):
        channels = delivery.get("channels") or [delivery.get("channel")]
        slack = next((c for c in channels if c and c.startswith("slack:")), None)
        if slack:
            raise ExecutionFailed(
                f"the job delivers to {slack} but no Slack token is configured; set "
                "SLACK_BOT_TOKEN or change the job's delivery",
                retryable=False,
            )
    goal = (job.get("goal") or "").strip()
    if not goal:
        raise ExecutionFailed("the job has no goal for its agent", retryable=False)
    condition = (job.get("condition") or {}).get("expression")
    keys: frozenset[str] = frozenset()
    if condition:
        from agentcron.app.domain.conditions import ConditionError, compile_condition

        try:
            keys = compile_condition(condition).names
        except ConditionError:
            keys = frozenset()  # the worker reports it; the agent's work is still wanted
    schedule = job.get("schedule") or {}
    return RunPlan(
        agent_id=agent_id,
        # fixed on the job when it was written; the agent's or the default model otherwise
        model=job.get("model") or agent.get("model") or default_model,
        goal=goal,
        instructions=(agent.get("instructions") or "").strip(),
        tools=frozenset(agent.get("tools") or ()) & frozenset(TOOL_NAMES),
        max_steps=int(agent["max_steps"]),
        max_tokens=int(agent["max_tokens"]),
        timeout_seconds=float(agent["timeout_seconds"]),
        timezone=str(schedule.get("timezone") or "UTC"),
        condition=condition,
        condition_keys=keys,
    )


def load_prompt() -> str:
    return resources.files("agentcron.prompts").joinpath(PROMPT_FILE).read_text(encoding="utf-8")


def system_prompt(template: str, plan: RunPlan, context: RunContext, *, now: datetime) -> str:
    """The system message: how to work, the limits, the condition, this run, instructions."""
    zone = ZoneInfo(plan.timezone)

    def moment(instant: datetime | None) -> str:
        if instant is None:
            return "now (run on demand)"
        local = instant.astimezone(zone)
        utc = instant.astimezone(UTC)
        when = f"{local:%Y-%m-%d %H:%M} ({local:%A}) {plan.timezone}"
        return when if plan.timezone == "UTC" else f"{when}, {utc:%H:%M} UTC"

    condition = ""
    if plan.condition:
        keys = ", ".join(f"`{key}`" for key in sorted(plan.condition_keys))
        condition = (
            f"\nThe result is delivered only when the condition `{plan.condition}` holds for "
            "`data` (`previous` in it is the previous run's data)"
            + (f"; always include {keys} in `data`.\n" if keys else ".\n")
        )
    instructions = f"\nInstructions:\n{plan.instructions}\n" if plan.instructions else ""
    return Template(template).safe_substitute(
        max_steps=plan.max_steps,
        timeout_seconds=int(plan.timeout_seconds),
        condition=condition,
        job_name=context.job_name,
        now=moment(now),
        scheduled_for=moment(context.scheduled_for),
        trigger=context.trigger,
        attempt=context.attempt,
        instructions=instructions,
    )


def retry_delay(
    headers: Mapping[str, str], *, tries: int, now: datetime, rng: random.Random
) -> float:
    """Seconds to wait before trying a model turn again after a 429 or 5xx.

    The server's ``retry-after-ms`` or ``Retry-After`` (seconds or an HTTP date) wins;
    otherwise exponential backoff with full jitter: up to 1, 2, 4 … seconds.
    """
    lowered = {k.lower(): v for k, v in headers.items()}
    millis = lowered.get("retry-after-ms")
    if millis:
        try:
            return max(0.0, float(millis) / 1000)
        except ValueError:
            pass
    after = lowered.get("retry-after")
    if after:
        try:
            return max(0.0, float(after))
        except ValueError:
            try:
                when = email.utils.parsedate_to_datetime(after)
            except (TypeError, ValueError):
                when = None
            if when is not None:
                if when.tzinfo is None:
                    when = when.replace(tzinfo=UTC)
                return max(0.0, (when - now).total_seconds())
    return rng.uniform(0, float(2 ** (tries - 1)))


class AgentExecutor:
    """Runs ``agent`` actions; see the module docstring. Everything it talks to is injected."""

    def __init__(
        self,
        *,
        client_factory: ClientFactory,
        session: aiohttp.ClientSession,
        lookup: Lookup,
        clock: Clock,
        default_model: str,
        slack_ready: bool,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        request_timeout: float = REQUEST_TIMEOUT_SECONDS,
    ) -> None:
        self.client_factory = client_factory
        self.session = session
        self.lookup = lookup
        self.clock = clock
        self.default_model = default_model
        self.slack_ready = slack_ready
        self.sleep = sleep
        self.monotonic = monotonic
        self.rng = rng or random.Random()
        self.request_timeout = request_timeout
        self.prompt = load_prompt()

    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        job, agent = await self.lookup(context)
        plan = plan_run(job, agent, default_model=self.default_model, slack_ready=self.slack_ready)
        async with self.client_factory() as client:
            conversation = _Conversation(self, plan, context, client)
            return await conversation.run()


class _Conversation:
    """One attempt: the messages so far, the tokens spent, the time left."""

    def __init__(
        self, executor: AgentExecutor, plan: RunPlan, context: RunContext, client: AsyncOpenAI
    ) -> None:
        self.executor = executor
        self.plan = plan
        self.client = client
        self.usage = {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}
        self.steps = 0
        self.deadline = executor.monotonic() + plan.timeout_seconds
        self.tools = ToolBox(
            allowed=plan.tools,
            session=executor.session,
            clock=executor.clock,
            context=context,
            time_left=self.time_left,
            required_keys=plan.condition_keys,
        )
        now = executor.clock.now()
        self.messages: list[dict[str, Any]] = [
            {"role": "system", "content": system_prompt(executor.prompt, plan, context, now=now)},
            {"role": "user", "content": plan.goal},
        ]

    def time_left(self) -> float:
        return self.deadline - self.executor.monotonic()

    def spent(self) -> dict[str, int]:
        return {**self.usage, "steps": self.steps}

    async def run(self) -> Outcome:
        try:
            async with asyncio.timeout(self.plan.timeout_seconds) as budget:
                return await self._loop()
        except TimeoutError:
            if not budget.expired():
                raise
            raise ExecutionFailed(
                f"the agent did not finish within its {self.plan.timeout_seconds:g} s limit",
                usage=self.spent(),
            ) from None
        except ExecutionFailed as failure:
            failure.usage = failure.usage or self.spent()
            raise

    async def _loop(self) -> Outcome:
        malformed = 0
        nudged = False
        while self.steps < self.plan.max_steps:
            if self.usage["total_tokens"] >= self.plan.max_tokens:
                raise ExecutionFailed(
                    f"the agent used {self.usage['total_tokens']} tokens without finishing, "
                    f"reaching its limit of {self.plan.max_tokens}",
                    retryable=False,
                )
            if self.steps == self.plan.max_steps - 1:
                self.messages.append(
                    {"role": "user", "content": "This is your last step: call finish now."}
                )
            completion = await self._complete()
            self.steps += 1
            message = completion.choices[0].message
            calls = list(message.tool_calls or [])
            self.messages.append(_assistant_message(message.content, calls))
            if not calls:
                if nudged:
                    # twice an answer in prose: take it as the result rather than fail
                    return Outcome(output=message.content or "", data={}, usage=self.spent())
                nudged = True
                self.messages.append(
                    {"role": "user", "content": "Call the finish tool to end the run."}
                )
                continue
            finished = None
            for index, call in enumerate(calls):
                function = getattr(call, "function", None)  # custom tool calls have none
                if finished is not None:
                    content = '{"error": "ignored: the run already finished"}'
                elif index >= MAX_TOOL_CALLS_PER_TURN:
                    content = json.dumps(
                        {"error": f"at most {MAX_TOOL_CALLS_PER_TURN} tool calls per step"}
                    )
                else:
                    name = function.name if function else str(getattr(call, "type", ""))
                    reply = await self.tools.call(name, function.arguments if function else None)
                    malformed = malformed + 1 if reply.malformed else 0
                    finished = reply.finished
                    content = reply.content
                self.messages.append({"role": "tool", "tool_call_id": call.id, "content": content})
            if finished is not None:
                return Outcome(output=finished.output, data=finished.data, usage=self.spent())
            if malformed >= MAX_MALFORMED_IN_A_ROW:
                raise ExecutionFailed(
                    f"the model made {malformed} unusable tool calls in a row "
                    f"(last: {self.messages[-1]['content']})",
                    retryable=False,
                )
        raise ExecutionFailed(
            f"the agent did not call finish within its {self.plan.max_steps} steps",
            retryable=False,
        )

    async def _complete(self) -> ChatCompletion:
        """One model turn, retrying 429 and 5xx inside the attempt (module docstring)."""
        import openai

        where = str(self.client.base_url).rstrip("/")
        for tries in range(1, MAX_LLM_TRIES + 1):
            # a second past the budget: when the budget binds, its own clearer error wins
            timeout = min(self.executor.request_timeout, self.time_left() + BUDGET_GRACE_SECONDS)
            try:
                completion = await self.client.chat.completions.create(
                    model=self.plan.model,
                    messages=self.messages,  # type: ignore[arg-type]
                    tools=self.tools.specs(),  # type: ignore[arg-type]
                    timeout=timeout,
                )
            except openai.APITimeoutError:
                raise ExecutionFailed(
                    f"the model API at {where} did not answer within {timeout:g} s"
                ) from None
            except openai.APIConnectionError as error:
                reason = _root_cause(error)
                raise ExecutionFailed(
                    f"could not reach the model API at {where}: {reason}"
                ) from None
            except openai.APIStatusError as error:
                status = error.status_code
                detail = _error_message(error)
                if status == 429 and getattr(error, "code", None) == "insufficient_quota":
                    raise ExecutionFailed(
                        f"the model API's quota is exhausted (429): {detail}", retryable=False
                    ) from None
                if status != 429 and status < 500:
                    raise ExecutionFailed(
                        _refusal(status, self.plan.model, detail), retryable=False
                    ) from None
                if tries == MAX_LLM_TRIES:
                    raise ExecutionFailed(
                        f"the model API answered {status} {MAX_LLM_TRIES} times in a row: {detail}"
                    ) from None
                delay = retry_delay(
                    error.response.headers,
                    tries=tries,
                    now=self.executor.clock.now(),
                    rng=self.executor.rng,
                )
                if delay > min(MAX_RETRY_WAIT_SECONDS, self.time_left()):
                    raise ExecutionFailed(
                        f"the model API answered {status} and asked to wait {delay:.0f} s, "
                        "longer than this attempt can; the job's retry policy takes over"
                    ) from None
                log.info("model API answered %s; trying again in %.1f s", status, delay)
                await self.executor.sleep(delay)
                continue
            except openai.APIError as error:
                raise ExecutionFailed(
                    f"the model API's answer was not understood: {error}"
                ) from None
            self._count(completion)
            if not completion.choices:
                raise ExecutionFailed("the model API answered with no choices")
            return completion
        raise AssertionError("unreachable")  # pragma: no cover

    def _count(self, completion: ChatCompletion) -> None:
        usage = completion.usage
        if usage is None:
            return
        self.usage["prompt_tokens"] += usage.prompt_tokens or 0
        self.usage["completion_tokens"] += usage.completion_tokens or 0
        self.usage["total_tokens"] += usage.total_tokens or 0


def _assistant_message(content: str | None, calls: list[Any]) -> dict[str, Any]:
    message: dict[str, Any] = {"role": "assistant", "content": content}
    if calls:
        message["tool_calls"] = [call.model_dump(exclude_none=True) for call in calls]
    return message


def _root_cause(error: BaseException) -> str:
    """Why a connection failed, in words: the innermost OS error of the chain."""
    chain: list[BaseException] = []
    cause: BaseException | None = error
    while cause is not None and len(chain) < 20:
        chain.append(cause)
        cause = cause.__cause__ or cause.__context__
    for link in chain:
        if isinstance(link, ConnectionRefusedError):
            return "connection refused"
        if isinstance(link, socket.gaierror):
            return f"the host name does not resolve ({link})"
    innermost = chain[-1]
    return str(innermost) or type(innermost).__name__


def _error_message(error: Any) -> str:
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
        if isinstance(body.get("message"), str):
            return str(body["message"])
    return str(getattr(error, "message", "") or error)


def _refusal(status: int, model: str, detail: str) -> str:
    if status in (401, 403):
        return f"the model API refused the API key ({status}): {detail}"
    if status == 404:
        return f"the model API does not know the model {model!r} (404): {detail}"
    return f"the model API refused the request ({status}): {detail}"


def build_agent_executor(rt: Runtime, *, session: aiohttp.ClientSession) -> AgentExecutor | None:
    """The agent executor for this service, or None when no LLM is configured."""
    settings = rt.settings
    if not settings.llm_configured:
        return None
    import httpx2
    from openai import AsyncOpenAI, DefaultAsyncHttpxClient

    from agentcron.app.storage.agents import AgentStore

    agents = AgentStore(rt.db, default_model=settings.llm_model)
    # One client per attempt, closed with it (the engine has no hook to close a shared one).
    # A new client would build its own TLS context, ~30 ms of CPU that blocks the event loop
    # for every other run; building it once makes a client cost ~0.1 ms.
    tls = httpx2.create_ssl_context()

    def client() -> AsyncOpenAI:
        return AsyncOpenAI(
            api_key=settings.openai_api_key or "not-needed",
            base_url=settings.openai_base_url or None,
            max_retries=0,
            http_client=DefaultAsyncHttpxClient(verify=tls),
        )

    async def lookup(context: RunContext) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        job = await rt.jobs.get(context.owner, context.job_id)
        if job is None:
            return None, None
        return job, await agents.get(context.owner, job.get("agent_id") or "default")

    return AgentExecutor(
        client_factory=client,
        session=session,
        lookup=lookup,
        clock=rt.clock,
        default_model=settings.llm_model,
        slack_ready=bool(settings.slack_bot_token),
    )
