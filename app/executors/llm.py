"""One model turn against any OpenAI-compatible server, and what that server is known to accept.

``ModelTurns.complete`` sends one chat completion request and returns the answer, or raises
``ExecutionFailed`` with one sentence saying why:

- 429 and 5xx are tried again inside the attempt with backoff, honouring ``Retry-After``
  (a wait longer than the attempt can afford ends it, retryable); an exhausted quota is not;
- a server that cannot be reached, or does not answer in time, fails the attempt as
  retryable (the job's retry policy decides);
- other 4xx (a bad key, an unknown model) are configuration problems: not retryable.

Every request carries an output cap. OpenAI's current name for it is
``max_completion_tokens`` (its reasoning models refuse ``max_tokens``); older servers only
know ``max_tokens``. The cap is sent under the name configured (``AGENTCRON_LLM_OUTPUT_CAP``)
or, by default, ``max_completion_tokens`` first: a server that refuses the parameter by name
is asked again at once with the other one, and the answer is remembered per server and model.

A server that refuses tool calling (vLLM without ``--enable-auto-tool-choice``, an Ollama
model without tool support, llama.cpp without ``--jinja``) raises ``ToolsRefused``, which
says what to configure; that too is remembered (for ``TOOLS_REFUSAL_MEMORY_SECONDS``, so a
fixed server is noticed without a restart) so later runs do not send a request doomed to fail.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging
import random
import re
import socket
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agentcron.app.clock import Clock
from agentcron.app.domain.pricing import PriceTable, parse_prices
from agentcron.app.executors.base import ExecutionFailed

if TYPE_CHECKING:
    from openai import AsyncOpenAI
    from openai.types.chat import ChatCompletion

    from agentcron.app.config import Settings

log = logging.getLogger("agentcron.llm")

#: tries of one model turn when the API answers 429 or 5xx
MAX_LLM_TRIES = 4
#: longest wait between those tries; a longer Retry-After ends the attempt instead
MAX_RETRY_WAIT_SECONDS = 60.0
REQUEST_TIMEOUT_SECONDS = 120.0
#: a request may run a second past the run's time budget, so the budget's own error wins
BUDGET_GRACE_SECONDS = 1.0
TOOLS_REFUSAL_MEMORY_SECONDS = 600.0

ClientFactory = Callable[[], "AsyncOpenAI"]


class CapParam(StrEnum):
    MAX_COMPLETION_TOKENS = "max_completion_tokens"
    MAX_TOKENS = "max_tokens"


class ToolsMode(StrEnum):
    """``AGENTCRON_LLM_TOOLS``: what agents do about tool calling."""

    #: offer tools; a server that refuses them fails the run, saying what to configure
    AUTO = "auto"
    #: offer tools; a server that refuses them gets the goal as one question without tools
    FALLBACK = "fallback"
    #: never offer tools: every agent run is one question and one answer
    OFF = "off"


TOOLS_HINT = (
    "configure the server for tool calling (vLLM: --enable-auto-tool-choice and "
    "--tool-call-parser, e.g. hermes or llama3_json; Ollama: a model with tool support, "
    "e.g. llama3.1 or qwen2.5; llama.cpp: --jinja), or set AGENTCRON_LLM_TOOLS=fallback to "
    "run agent jobs as single answers without tools"
)

_TOOLS_REFUSED = re.compile(
    r"does not support tools|tool.?choice.{0,40}requires|enable-auto-tool-choice"
    r"|tool-call-parser|tools? (?:are|is) not supported|(?:function|tool).?call(?:ing|s)? "
    r"(?:is |are )?not supported|does not support (?:function|tool)|tools param requires",
    re.IGNORECASE,
)
_UNSUPPORTED = re.compile(
    r"unsupported|not supported|unrecognized|unknown|extra (?:inputs|fields)|not permitted"
    r"|unexpected|invalid",
    re.IGNORECASE,
)


class ToolsRefused(ExecutionFailed):
    """The server refused a request because it offered tools."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            f"the model server does not support tool calling ({detail}); {TOOLS_HINT}",
            retryable=False,
        )
        self.detail = detail


@dataclass
class ServerTraits:
    """What one server and model are known to accept (learned from their refusals)."""

    cap_param: CapParam | None = CapParam.MAX_COMPLETION_TOKENS
    cap_param_fixed: bool = False
    refused_caps: set[CapParam] = field(default_factory=set)
    tools_refused: str | None = None
    tools_refused_at: float = 0.0


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


class ModelTurns:
    """Model turns for every run of one service; holds what servers are known to accept."""

    def __init__(
        self,
        *,
        clock: Clock,
        cap_param: str = "auto",
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        monotonic: Callable[[], float] = time.monotonic,
        rng: random.Random | None = None,
        request_timeout: float = REQUEST_TIMEOUT_SECONDS,
    ) -> None:
        self.clock = clock
        self.sleep = sleep
        self.monotonic = monotonic
        self.rng = rng or random.Random()
        self.request_timeout = request_timeout
        self.fixed_cap = None if cap_param == "auto" else CapParam(cap_param)
        self._traits: dict[tuple[str, str], ServerTraits] = {}

    def traits(self, client: AsyncOpenAI, model: str) -> ServerTraits:
        key = (str(client.base_url), model)
        traits = self._traits.get(key)
        if traits is None:
            traits = self._traits[key] = ServerTraits()
            if self.fixed_cap is not None:
                traits.cap_param, traits.cap_param_fixed = self.fixed_cap, True
        return traits

    def tools_refused(self, client: AsyncOpenAI, model: str) -> str | None:
        """The server's refusal of tools, if it refused them lately."""
        traits = self.traits(client, model)
        if traits.tools_refused is None:
            return None
        if self.monotonic() - traits.tools_refused_at > TOOLS_REFUSAL_MEMORY_SECONDS:
            traits.tools_refused = None
            return None
        return traits.tools_refused

    async def complete(
        self,
        client: AsyncOpenAI,
        *,
        model: str,
        messages: list[dict[str, Any]],
        tools: list[dict[str, Any]] | None,
        cap: int,
        time_left: Callable[[], float],
    ) -> ChatCompletion:
        """One model turn (see the module docstring for the errors it raises)."""
        import openai

        where = str(client.base_url).rstrip("/")
        traits = self.traits(client, model)
        tries = 0
        while True:
            tries += 1
            # a second past the budget: when the budget binds, its own clearer error wins
            timeout = min(self.request_timeout, time_left() + BUDGET_GRACE_SECONDS)
            extra: dict[str, Any] = {"tools": tools} if tools else {}
            if traits.cap_param is not None:
                extra[traits.cap_param.value] = cap
            try:
                completion = await client.chat.completions.create(
                    model=model,
                    messages=messages,  # type: ignore[arg-type]
                    timeout=timeout,
                    **extra,
                )
            except openai.APITimeoutError:
                raise ExecutionFailed(
                    f"the model API at {where} did not answer within {timeout:g} s"
                ) from None
            except openai.APIConnectionError as error:
                raise ExecutionFailed(
                    f"could not reach the model API at {where}: {root_cause(error)}"
                ) from None
            except openai.APIStatusError as error:
                status = error.status_code
                detail = error_message(error)
                if status in (400, 404, 422, 501) and tools and _TOOLS_REFUSED.search(detail):
                    traits.tools_refused = detail
                    traits.tools_refused_at = self.monotonic()
                    log.warning("the model server refused tools for %s: %s", model, detail)
                    raise ToolsRefused(detail) from None
                if status in (400, 422) and self._other_cap_param(traits, error, detail):
                    tries -= 1  # not the server's trouble: asked again at once
                    continue
                if status == 429 and getattr(error, "code", None) == "insufficient_quota":
                    raise ExecutionFailed(
                        f"the model API's quota is exhausted (429): {detail}", retryable=False
                    ) from None
                if status != 429 and status < 500:
                    raise ExecutionFailed(refusal(status, model, detail), retryable=False) from None
                if tries >= MAX_LLM_TRIES:
                    raise ExecutionFailed(
                        f"the model API answered {status} {MAX_LLM_TRIES} times in a row: {detail}"
                    ) from None
                delay = retry_delay(
                    error.response.headers, tries=tries, now=self.clock.now(), rng=self.rng
                )
                if delay > min(MAX_RETRY_WAIT_SECONDS, time_left()):
                    raise ExecutionFailed(
                        f"the model API answered {status} and asked to wait {delay:.0f} s, "
                        "longer than this attempt can; the job's retry policy takes over"
                    ) from None
                log.info("model API answered %s; trying again in %.1f s", status, delay)
                await self.sleep(delay)
                continue
            except openai.APIError as error:
                raise ExecutionFailed(
                    f"the model API's answer was not understood: {error}"
                ) from None
            if not completion.choices:
                raise ExecutionFailed("the model API answered with no choices")
            return completion

    def _other_cap_param(self, traits: ServerTraits, error: Any, detail: str) -> bool:
        """The server refused the output cap's name: switch to the other name (or, when it
        refused both, to none — usage is still counted) and say so."""
        sent = traits.cap_param
        if sent is None or traits.cap_param_fixed:
            return False
        param = getattr(error, "param", None)
        named = param == sent.value or (
            sent.value in detail
            and _UNSUPPORTED.search(detail) is not None
            and not re.search(rf"use '?{sent.value}'? instead", detail, re.IGNORECASE)
        )
        if not named:
            return False
        other = (
            CapParam.MAX_TOKENS
            if sent is CapParam.MAX_COMPLETION_TOKENS
            else CapParam.MAX_COMPLETION_TOKENS
        )
        traits.refused_caps.add(sent)
        traits.cap_param = None if other in traits.refused_caps else other
        log.warning(
            "the model server refused %s (%s); sending %s instead",
            sent.value,
            detail,
            traits.cap_param.value if traits.cap_param else "no output cap",
        )
        return True


def client_factory(settings: Settings) -> ClientFactory:
    """AsyncOpenAI clients for the configured server, one per use, closed with it.

    A new client would build its own TLS context, ~30 ms of CPU that blocks the event loop
    for every other run; building it once makes a client cost ~0.1 ms.
    """
    import httpx2
    from openai import AsyncOpenAI, DefaultAsyncHttpxClient

    tls = httpx2.create_ssl_context()

    def client() -> AsyncOpenAI:
        return AsyncOpenAI(
            api_key=settings.openai_api_key or "not-needed",
            base_url=settings.openai_base_url or None,
            max_retries=0,
            http_client=DefaultAsyncHttpxClient(verify=tls),
        )

    return client


def price_table(settings: Settings) -> PriceTable:
    """The model prices: the built-in table with ``AGENTCRON_MODEL_PRICES`` over it (JSON,
    or ``@path`` to a JSON file). ValueError naming the bad entry or the unreadable file."""
    if not settings.model_prices:
        return PriceTable()
    text, source = settings.model_prices.strip(), "AGENTCRON_MODEL_PRICES"
    if text.startswith("@"):
        path = Path(text[1:]).expanduser()
        source = str(path)
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise ValueError(f"{source}: cannot read the price file ({error.strerror})") from None
    return PriceTable(parse_prices(text, source=source))


def root_cause(error: BaseException) -> str:
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


def error_message(error: Any) -> str:
    """The server's own words from an error response."""
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
        if isinstance(inner, str) and inner:
            return inner
        if isinstance(body.get("message"), str):
            return str(body["message"])
    return str(getattr(error, "message", "") or error)


def refusal(status: int, model: str, detail: str) -> str:
    if status in (401, 403):
        return f"the model API refused the API key ({status}): {detail}"
    if status == 404:
        return f"the model API does not know the model {model!r} (404): {detail}"
    return f"the model API refused the request ({status}): {detail}"
