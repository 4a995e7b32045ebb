"""``agentcron doctor``: is the configured LLM endpoint fit to run agents? One screen.

Checks, in order, each ``ok``, ``warn``, ``fail`` or ``skip`` with one line of why:
reachable, API key accepted, model known (``GET /models``), a plain answer with an output
cap (which cap parameter the server takes, whether it honours it, whether it reports
usage), tool calling (refused tools say what to configure), structured output (a JSON
schema answer, which the schedule parser's LLM stage uses), the model's price, and the
budgets in force. A handful of requests of a few tokens each.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from agentcron.app.clock import SystemClock
from agentcron.app.domain.budgets import usd
from agentcron.app.executors.base import ExecutionFailed
from agentcron.app.executors.llm import (
    TOOLS_HINT,
    CapParam,
    ClientFactory,
    ModelTurns,
    ToolsRefused,
    client_factory,
    error_message,
    price_table,
    root_cause,
)

if TYPE_CHECKING:
    from agentcron.app.config import Settings

Status = Literal["ok", "warn", "fail", "skip"]
PROBE_CAP = 32
PROBE_SECONDS = 30.0

_PING = {
    "type": "function",
    "function": {
        "name": "ping",
        "description": "Answer a ping.",
        "parameters": {
            "type": "object",
            "properties": {"word": {"type": "string"}},
            "required": ["word"],
            "additionalProperties": False,
        },
    },
}
_SCHEMA = {
    "type": "json_schema",
    "json_schema": {
        "name": "probe",
        "strict": True,
        "schema": {
            "type": "object",
            "properties": {"ok": {"type": "boolean"}},
            "required": ["ok"],
            "additionalProperties": False,
        },
    },
}


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    detail: str

    def as_dict(self) -> dict[str, str]:
        return {"name": self.name, "status": self.status, "detail": self.detail}


async def check_llm(
    settings: Settings,
    *,
    factory: ClientFactory | None = None,
    monotonic: Callable[[], float] = time.monotonic,
) -> list[Check]:
    """Probe the configured endpoint; never raises for what the endpoint does."""
    import openai

    if not settings.llm_configured:
        return [
            Check(
                "configured",
                "fail",
                "no LLM configured: set OPENAI_API_KEY, or OPENAI_BASE_URL for another "
                "OpenAI-compatible server (and AGENTCRON_LLM_MODEL)",
            )
        ]
    model = settings.llm_model
    checks: list[Check] = []
    make_client = factory or client_factory(settings)
    async with make_client() as client:
        where = str(client.base_url).rstrip("/")
        started = monotonic()
        listed: list[str] | None = None
        try:
            page = await client.models.list(timeout=PROBE_SECONDS)
            listed = [m.id for m in page.data]
        except openai.APIConnectionError as error:
            checks.append(Check("reachable", "fail", f"{where}: {root_cause(error)}"))
            return _skip_rest(checks)
        except openai.APITimeoutError:
            checks.append(Check("reachable", "fail", f"{where}: no answer in {PROBE_SECONDS:g} s"))
            return _skip_rest(checks)
        except openai.APIStatusError as error:
            if error.status_code in (401, 403):
                checks.append(Check("reachable", "ok", f"{where} answered"))
                checks.append(
                    Check(
                        "API key", "fail", f"refused ({error.status_code}): {error_message(error)}"
                    )
                )
                return _skip_rest(checks)
            # no /models here (many local servers): the chat probe below tells the rest
        elapsed = monotonic() - started
        checks.append(Check("reachable", "ok", f"{where} answered in {elapsed:.2f} s"))
        if listed is None:
            checks.append(Check("API key", "skip", "the server has no /models to ask"))
            checks.append(Check("model known", "skip", "the server does not list its models"))
        else:
            checks.append(Check("API key", "ok", "accepted"))
            if model in listed:
                checks.append(Check("model known", "ok", f"{model} is served"))
            else:
                shown = ", ".join(listed[:5]) + (" …" if len(listed) > 5 else "")
                checks.append(
                    Check(
                        "model known",
                        "fail",
                        f"{model} is not among the {len(listed)} models served ({shown}); "
                        "set AGENTCRON_LLM_MODEL",
                    )
                )
                return _skip_rest(checks)

        turns = ModelTurns(clock=SystemClock(), cap_param=settings.llm_output_cap)
        checks += await _plain_answer(turns, client, model)
        if checks[-1].status == "fail":
            return _skip_rest(checks)
        checks.append(await _tools(turns, client, model, settings.llm_tools))
        checks.append(await _structured(turns, client, model))
    price = price_table(settings).price(model)
    if price is None:
        checks.append(
            Check(
                "price",
                "warn",
                f"{model} is unpriced: its runs count $0 against cost limits (tokens still "
                "count); set AGENTCRON_MODEL_PRICES",
            )
        )
    else:
        checks.append(
            Check(
                "price",
                "ok",
                f"{usd(price.input)} input, {usd(price.output)} output per million tokens",
            )
        )
    return checks


def _skip_rest(checks: list[Check]) -> list[Check]:
    done = {c.name for c in checks}
    for name in ("API key", "model known", "answer", "output cap", "usage", "tool calling"):
        if name not in done:
            checks.append(Check(name, "skip", "not checked: see above"))
    if "structured output" not in done:
        checks.append(Check("structured output", "skip", "not checked: see above"))
    return checks


async def _plain_answer(turns: ModelTurns, client: Any, model: str) -> list[Check]:
    try:
        completion = await turns.complete(
            client,
            model=model,
            messages=[{"role": "user", "content": "Reply with the single word: ok"}],
            tools=None,
            cap=PROBE_CAP,
            time_left=lambda: PROBE_SECONDS,
        )
    except ExecutionFailed as failure:
        return [Check("answer", "fail", failure.message)]
    checks = [Check("answer", "ok", f"{model} answered")]
    traits = turns.traits(client, model)
    usage = completion.usage
    if traits.cap_param is None:
        checks.append(
            Check(
                "output cap",
                "warn",
                "the server refused both max_completion_tokens and max_tokens: turns are not "
                "capped, budgets still count every token",
            )
        )
    elif usage is not None and (usage.completion_tokens or 0) > PROBE_CAP:
        other = (
            CapParam.MAX_TOKENS
            if traits.cap_param is CapParam.MAX_COMPLETION_TOKENS
            else CapParam.MAX_COMPLETION_TOKENS
        )
        checks.append(
            Check(
                "output cap",
                "warn",
                f"{traits.cap_param.value} was accepted but not honoured "
                f"({usage.completion_tokens} tokens for a cap of {PROBE_CAP}); "
                f"set AGENTCRON_LLM_OUTPUT_CAP={other.value}",
            )
        )
    else:
        switched = " (the server refused max_completion_tokens)" if traits.refused_caps else ""
        checks.append(Check("output cap", "ok", f"sent as {traits.cap_param.value}{switched}"))
    if usage is None or not (usage.prompt_tokens or usage.completion_tokens):
        checks.append(
            Check(
                "usage",
                "warn",
                "the server reports no token usage: budgets count estimates (on the high side)",
            )
        )
    else:
        checks.append(Check("usage", "ok", "reported with every answer"))
    return checks


async def _tools(turns: ModelTurns, client: Any, model: str, mode: str) -> Check:
    try:
        completion = await turns.complete(
            client,
            model=model,
            messages=[{"role": "user", "content": "Call the ping tool with the word ok."}],
            tools=[_PING],
            cap=PROBE_CAP * 4,
            time_left=lambda: PROBE_SECONDS,
        )
    except ToolsRefused as refused:
        if mode == "auto":
            return Check("tool calling", "fail", f"refused ({refused.detail}); {TOOLS_HINT}")
        return Check(
            "tool calling",
            "warn",
            f"refused ({refused.detail}); with AGENTCRON_LLM_TOOLS={mode} agent runs are "
            "single answers without tools",
        )
    except ExecutionFailed as failure:
        return Check("tool calling", "fail", failure.message)
    calls = completion.choices[0].message.tool_calls or []
    if not calls:
        return Check(
            "tool calling",
            "warn",
            "tools were accepted but the model did not call one when asked; agents may "
            "answer in prose (taken as the output after one reminder)",
        )
    if mode == "off":
        return Check("tool calling", "ok", "supported (but AGENTCRON_LLM_TOOLS=off: not used)")
    return Check("tool calling", "ok", "supported")


async def _structured(turns: ModelTurns, client: Any, model: str) -> Check:
    import openai

    cap = turns.traits(client, model).cap_param
    extra: dict[str, Any] = {cap.value: PROBE_CAP} if cap is not None else {}
    try:
        completion = await client.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": "Answer with ok set to true."}],
            response_format=_SCHEMA,
            timeout=PROBE_SECONDS,
            **extra,
        )
    except openai.APIStatusError as error:
        return Check(
            "structured output",
            "warn",
            f"a JSON schema answer was refused ({error.status_code}: {error_message(error)}); "
            "the schedule parser's LLM stage will fail, agents are not affected",
        )
    except openai.APIError as error:
        return Check("structured output", "warn", f"no usable answer: {error}")
    text = (completion.choices[0].message.content or "") if completion.choices else ""
    try:
        answer = json.loads(text)
    except ValueError:
        answer = None
    if not isinstance(answer, dict) or "ok" not in answer:
        return Check(
            "structured output",
            "warn",
            f"the answer did not follow the JSON schema ({text[:60]!r}); the schedule "
            "parser's LLM stage may refuse its answers",
        )
    return Check("structured output", "ok", "JSON schema answers are followed")


def render(checks: list[Check], settings: Settings) -> str:
    """The one screen ``agentcron doctor`` prints."""
    where = settings.openai_base_url or "https://api.openai.com/v1"
    lines = [f"agentcron doctor: LLM at {where}, model {settings.llm_model}", ""]
    width = max(len(c.name) for c in checks)
    for check in checks:
        lines.append(f"  {check.status.upper():<5} {check.name:<{width}}  {check.detail}")
    quota = settings.daily_token_quota
    limit = settings.monthly_cost_limit_usd
    lines += [
        "",
        "budgets per owner: "
        + (f"{quota:,} tokens a day" if quota else "no daily token quota")
        + ", "
        + (f"{usd(limit)} a month" if limit else "no monthly cost limit")
        + f" (UTC); agent tools: AGENTCRON_LLM_TOOLS={settings.llm_tools}",
    ]
    failed = sum(c.status == "fail" for c in checks)
    warned = sum(c.status == "warn" for c in checks)
    lines.append(
        "ready for agents" if not failed else f"{failed} problem(s) to fix before agents can run"
    )
    if warned and not failed:
        lines[-1] += f" ({warned} warning(s))"
    return "\n".join(lines)
