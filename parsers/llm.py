"""The last stage: ask an LLM, then check its answer like any user input.

The stage talks to the model through an injected `complete(messages, schema)` coroutine
that returns the parsed JSON answer, so the parsing logic needs no HTTP client and tests
can drive it directly. `openai_complete` builds that coroutine on `AsyncOpenAI` (any
OpenAI-compatible server), and `LLMParser.from_env()` wires it from the environment.

Whatever the model says is validated before it is returned: a 5-field cron that the service
accepts, a zone zoneinfo knows, an interval of at least a minute and at most 366 days, a
run time in the future. A timeout, an error status or a malformed answer becomes a clear
"could not parse" with the reason, never an exception.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from importlib import resources
from string import Template
from typing import TYPE_CHECKING, Any, Final
from zoneinfo import ZoneInfo

from .cronexpr import CronError, compile_cron, normalize_expression
from .result import ParseResult
from .wallclock import iso_z, to_instant
from .zones import UnknownZoneError, resolve_zone

if TYPE_CHECKING:
    from openai import AsyncOpenAI

Messages = list[dict[str, str]]
Complete = Callable[[Messages, dict[str, Any]], Awaitable[dict[str, Any]]]

PROMPT_FILE: Final = "parse_schedule.md"
SCHEMA_FILE: Final = "parse_schedule.schema.json"
DEFAULT_MODEL: Final = "gpt-4o-mini"
DEFAULT_TIMEOUT: Final = 15.0
# A model's own confidence is not calibrated; its answers never outrank the grammar's.
MAX_CONFIDENCE: Final = 0.7
MIN_INTERVAL: Final = 60
MAX_INTERVAL: Final = 366 * 86400


class LLMError(RuntimeError):
    """The LLM could not be asked, or did not give a usable answer."""


def load_prompt() -> tuple[str, dict[str, Any]]:
    """The prompt template and the answer's JSON schema, shipped in agentcron.prompts."""
    folder = resources.files("agentcron.prompts")
    prompt = folder.joinpath(PROMPT_FILE).read_text(encoding="utf-8")
    schema = json.loads(folder.joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))
    return prompt, schema


class LLMParser:
    """Parses schedule text with a language model; see the module docstring."""

    def __init__(
        self,
        complete: Complete,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        close: Callable[[], Awaitable[None]] | None = None,
    ) -> None:
        self.complete = complete
        self.timeout = timeout
        self.prompt, self.schema = load_prompt()
        self._close = close

    async def aclose(self) -> None:
        """Release the HTTP client, when this parser made it (from_env)."""
        if self._close is not None:
            await self._close()

    async def __aenter__(self) -> LLMParser:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = 1,
    ) -> LLMParser | None:
        """An LLMParser on AsyncOpenAI, or None when no LLM is configured.

        Configured means OPENAI_API_KEY or OPENAI_BASE_URL is set (a local
        OpenAI-compatible server may need no key). The model is AGENTCRON_LLM_MODEL,
        gpt-4o-mini by default.
        """
        env = os.environ if environ is None else environ
        return cls.from_settings(
            api_key=env.get("OPENAI_API_KEY"),
            base_url=env.get("OPENAI_BASE_URL"),
            model=env.get("AGENTCRON_LLM_MODEL"),
            timeout=timeout,
            max_retries=max_retries,
        )

    @classmethod
    def from_settings(
        cls,
        *,
        api_key: str | None,
        base_url: str | None,
        model: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        max_retries: int = 1,
    ) -> LLMParser | None:
        """Like from_env, from values the caller has already read; None if neither an
        API key nor a base URL is given."""
        if not api_key and not base_url:
            return None

        def make_client() -> AsyncOpenAI:
            from openai import AsyncOpenAI

            return AsyncOpenAI(
                api_key=api_key or "not-needed",
                base_url=base_url or None,
                timeout=timeout,
                max_retries=max_retries,
            )

        clients = _ClientPerLoop(make_client)
        chosen = model or DEFAULT_MODEL

        async def complete(messages: Messages, schema: dict[str, Any]) -> dict[str, Any]:
            return await openai_complete(clients.get(), chosen)(messages, schema)

        return cls(complete, timeout=timeout, close=clients.close)

    def messages(self, text: str, *, timezone: str, now: datetime) -> Messages:
        local = now.astimezone(ZoneInfo(timezone))
        system = Template(self.prompt).safe_substitute(
            now=local.strftime("%Y-%m-%dT%H:%M"), weekday=f"{local:%A}", timezone=timezone
        )
        return [{"role": "system", "content": system}, {"role": "user", "content": text}]

    async def parse(self, text: str, *, timezone: str, now: datetime) -> ParseResult:
        """The model's reading of `text`, validated; `now` is aware, `timezone` valid."""
        messages = self.messages(text, timezone=timezone, now=now)
        try:
            async with asyncio.timeout(self.timeout):
                answer = await self.complete(messages, self.schema)
        except TimeoutError:
            return _failed(f"the LLM did not answer within {self.timeout:g} s")
        except LLMError as error:
            return _failed(str(error))
        return check_answer(answer, timezone=timezone, now=now)


class _ClientPerLoop:
    """One AsyncOpenAI client per event loop.

    A client's pooled connections belong to the loop that opened them, so a parser that
    outlives its loop (a CLI calling asyncio.run once per phrase) must not reuse it.
    """

    def __init__(self, factory: Callable[[], AsyncOpenAI]) -> None:
        self._factory = factory
        self._client: AsyncOpenAI | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    def get(self) -> AsyncOpenAI:
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            self._client, self._loop = self._factory(), loop
        return self._client

    async def close(self) -> None:
        if self._client is not None and self._loop is asyncio.get_running_loop():
            await self._client.close()
        self._client = self._loop = None


def openai_complete(client: AsyncOpenAI, model: str) -> Complete:
    """A `complete` that asks `model` through `client` for JSON matching the schema."""
    import openai

    async def complete(messages: Messages, schema: dict[str, Any]) -> dict[str, Any]:
        try:
            response = await client.chat.completions.create(
                model=model,
                messages=messages,  # type: ignore[arg-type]
                response_format={
                    "type": "json_schema",
                    "json_schema": {"name": "schedule", "strict": True, "schema": schema},
                },
            )
        except openai.APITimeoutError:
            raise LLMError("the LLM did not answer in time") from None
        except openai.APIStatusError as error:
            raise LLMError(f"the LLM answered HTTP {error.status_code}") from None
        except openai.APIConnectionError:
            raise LLMError("could not reach the LLM") from None
        except (openai.APIError, ValueError) as error:  # a response body that is not JSON
            raise LLMError(f"the LLM's response was malformed ({type(error).__name__})") from None
        if not getattr(response, "choices", None):
            raise LLMError("the LLM's response has no answer in it")
        message = response.choices[0].message
        if getattr(message, "refusal", None):
            raise LLMError(f"the LLM refused: {message.refusal}")
        if not message.content:
            raise LLMError("the LLM gave an empty answer")
        try:
            data = json.loads(message.content)
        except json.JSONDecodeError:
            raise LLMError("the LLM's answer is not valid JSON") from None
        if not isinstance(data, dict):
            raise LLMError("the LLM's answer is not a JSON object")
        return data

    return complete


def _failed(reason: str) -> ParseResult:
    return ParseResult.rejected(f"could not parse: {reason}", parse_method="llm")


def check_answer(answer: dict[str, Any], *, timezone: str, now: datetime) -> ParseResult:
    """Validate the model's answer exactly like user input; see the module docstring."""
    outcome = answer.get("outcome")
    if outcome == "reject":
        reason = answer.get("reason")
        text = reason if isinstance(reason, str) and reason else "not a schedule"
        return ParseResult.rejected(text, parse_method="llm")
    if outcome not in ("cron", "every", "at"):
        return _failed(f"the LLM's answer has no valid outcome ({outcome!r})")
    zone_name = timezone
    named = answer.get("timezone")
    if named is not None:
        if not isinstance(named, str):
            return _failed("the LLM's time zone is not a string")
        try:
            zone_name = resolve_zone(named)
        except UnknownZoneError:
            return _failed(f"the LLM answered with an unknown time zone {named!r}")
    zone = ZoneInfo(zone_name)
    confidence = answer.get("confidence")
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        confidence = 0.5
    confidence = round(min(max(float(confidence), 0.0), MAX_CONFIDENCE), 2)
    notes = ("answered by the LLM",)
    if outcome == "cron":
        expression = answer.get("cron")
        if not isinstance(expression, str) or len(expression.split()) != 5:
            return _failed(f"the LLM's cron expression {expression!r} does not have 5 fields")
        expression = " ".join(expression.split())
        try:
            compile_cron(normalize_expression(expression))
        except CronError as error:
            return _failed(f"the LLM's cron expression {expression!r} is invalid ({error.reason})")
        schedule = {"type": "cron", "expression": expression, "timezone": zone_name}
        return ParseResult(schedule, None, confidence, "llm", notes=notes)
    first = _local_instant(answer.get("first_run_local"), zone)
    if outcome == "at":
        if first is None:
            return _failed("the LLM's run time is missing or not YYYY-MM-DDTHH:MM")
        if first <= now:
            return _failed(f"the LLM's run time {iso_z(first)} is in the past")
        schedule = {"type": "at", "datetime": iso_z(first), "timezone": zone_name}
        return ParseResult(schedule, None, confidence, "llm", notes=notes)
    interval = answer.get("interval_seconds")
    if isinstance(interval, bool) or not isinstance(interval, int):
        return _failed("the LLM's interval is not a whole number of seconds")
    if not MIN_INTERVAL <= interval <= MAX_INTERVAL:
        return _failed(f"the LLM's interval of {interval} s is outside 60 s to 366 days")
    if first is None:
        first = now.astimezone(UTC).replace(second=0, microsecond=0) + timedelta(minutes=1)
    step = timedelta(seconds=interval)
    if first <= now:  # keep the model's phase, start at its next slot
        first += step * ((now - first) // step + 1)
    schedule = {
        "type": "every",
        "interval": interval,
        "start_at": iso_z(first),
        "timezone": zone_name,
    }
    return ParseResult(schedule, None, confidence, "llm", notes=notes)


def _local_instant(value: object, zone: ZoneInfo) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        return parsed.astimezone(UTC)
    return to_instant(parsed.date(), parsed.time(), zone)
