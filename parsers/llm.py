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
import logging
import os
import re
from collections.abc import Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta
from importlib import resources
from string import Template
from typing import TYPE_CHECKING, Any, Final
from zoneinfo import ZoneInfo

from .cronexpr import CronError, compile_cron, normalize_expression
from .limits import MIN_INTERVAL_SECONDS
from .recurrence import first_occurrence
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
MIN_INTERVAL: Final = MIN_INTERVAL_SECONDS
MAX_INTERVAL: Final = 366 * 86400
log = logging.getLogger("agentcron.parsers.llm")


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


#: How the answer is asked for, in the order tried: a server that refuses one (many
#: OpenAI-compatible servers know no json_schema, some no json_object) is asked again with
#: the next, the last being plain text that the prompt asks to be JSON.
FORMATS: Final = ("json_schema", "json_object", "text")
_FENCE: Final = re.compile(r"^\s*```(?:json|JSON)?\s*\n?(.*?)\n?```\s*$", re.DOTALL)


def openai_complete(client: AsyncOpenAI, model: str) -> Complete:
    """A `complete` that asks `model` through `client` for JSON matching the schema.

    Structured output first (json_schema); when the server rejects that request (HTTP 400,
    404, 415, 422 or 501 naming the response format, or any such status to a json_schema
    request), once with json_object, then once as plain text. The answer may come in a
    code fence. A failure keeps the server's own message, and is logged with it.
    """
    import openai

    async def ask(messages: Messages, schema: dict[str, Any], form: str) -> Any:
        kwargs: dict[str, Any] = {}
        if form == "json_schema":
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "schedule", "strict": True, "schema": schema},
            }
        elif form == "json_object":
            kwargs["response_format"] = {"type": "json_object"}
        if form != "json_schema":
            hint = "Answer with one JSON object with these keys: " + ", ".join(
                schema.get("required", [])
            )
            messages = [*messages[:-1], {"role": "system", "content": hint}, messages[-1]]
        return await client.chat.completions.create(
            model=model,
            messages=messages,  # type: ignore[arg-type]
            **kwargs,
        )

    async def complete(messages: Messages, schema: dict[str, Any]) -> dict[str, Any]:
        response = None
        for form in FORMATS:
            try:
                response = await ask(messages, schema, form)
                break
            except openai.APITimeoutError:
                raise _logged("the LLM did not answer in time") from None
            except openai.APIStatusError as error:
                message = _server_message(error)
                if form != FORMATS[-1] and _rejects_format(error, message):
                    log.info("the LLM server refused %s output (%s); retrying", form, message)
                    continue
                raise _logged(f"the LLM answered HTTP {error.status_code}: {message}") from None
            except openai.APIConnectionError:
                raise _logged("could not reach the LLM") from None
            except (openai.APIError, ValueError) as error:  # a response body that is not JSON
                raise _logged(
                    f"the LLM's response was malformed ({type(error).__name__})"
                ) from None
        if response is None or not getattr(response, "choices", None):
            raise _logged("the LLM's response has no answer in it")
        message = response.choices[0].message
        if getattr(message, "refusal", None):
            raise _logged(f"the LLM refused: {message.refusal}")
        if not message.content:
            raise _logged("the LLM gave an empty answer")
        return decode_answer(message.content)

    return complete


def decode_answer(content: str) -> dict[str, Any]:
    """The JSON object in a model's answer, in a code fence or not."""
    fenced = _FENCE.match(content)
    text = fenced.group(1) if fenced else content.strip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        start, end = text.find("{"), text.rfind("}")
        try:
            data = json.loads(text[start : end + 1]) if 0 <= start < end else None
        except json.JSONDecodeError:
            data = None
        if data is None:
            raise _logged("the LLM's answer is not valid JSON") from None
    if not isinstance(data, dict):
        raise _logged("the LLM's answer is not a JSON object")
    return data


_FORMAT_WORDS: Final = ("response_format", "json_schema", "json_object", "structured", "schema")


def _rejects_format(error: Any, message: str) -> bool:
    """Whether an error status says the server cannot answer in the format asked for."""
    status = getattr(error, "status_code", 0)
    if status not in (400, 404, 415, 422, 501):
        return False
    lowered = message.lower()
    return status in (415, 501) or any(word in lowered for word in _FORMAT_WORDS)


def _server_message(error: Any) -> str:
    """The server's own words for an error: OpenAI's `error.message`, else the body."""
    body = getattr(error, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])[:300]
        if isinstance(inner, str):
            return inner[:300]
    text = getattr(error, "message", None) or str(error)
    return str(text)[:300]


def _logged(reason: str) -> LLMError:
    log.warning("the LLM stage failed: %s", reason)
    return LLMError(reason)


def _failed(reason: str) -> ParseResult:
    return ParseResult.rejected(f"could not parse: {reason}", parse_method="llm")


def check_answer(answer: dict[str, Any], *, timezone: str, now: datetime) -> ParseResult:
    """Validate the model's answer exactly like user input; see the module docstring. The
    task it names (if any) comes along."""
    result = _checked(answer, timezone=timezone, now=now)
    task = answer.get("task")
    if isinstance(task, str) and task.strip() and result.ok:
        return result.with_parts(" ".join(task.split())[:500], None)
    return result


def _checked(answer: dict[str, Any], *, timezone: str, now: datetime) -> ParseResult:
    outcome = answer.get("outcome")
    if outcome == "reject":
        reason = answer.get("reason")
        text = reason if isinstance(reason, str) and reason else "not a schedule"
        return ParseResult.rejected(text, parse_method="llm")
    if outcome not in ("cron", "rrule", "every", "at"):
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
    if outcome == "rrule":
        return _rrule_answer(answer.get("rrule"), first, zone, zone_name, now, confidence, notes)
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
        return _failed(
            f"the LLM's interval of {interval} s is outside {MIN_INTERVAL} s to 366 days"
        )
    if interval % 86400 == 0 and first is not None:
        # days counted as seconds drift an hour at DST: the same days as a calendar rule
        local = first.astimezone(zone)
        rule = (
            f"FREQ=DAILY;INTERVAL={interval // 86400};BYHOUR={local.hour};"
            f"BYMINUTE={local.minute};BYSECOND=0"
        )
        return _rrule_answer(rule, first, zone, zone_name, now, confidence, notes)
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


def _rrule_answer(
    rule: object,
    first: datetime | None,
    zone: ZoneInfo,
    zone_name: str,
    now: datetime,
    confidence: float,
    notes: tuple[str, ...],
) -> ParseResult:
    """An rrule from the model: a rule dateutil reads, its series started at the model's
    first run (or the rule's first occurrence from now), and a run still to come."""
    from dateutil.rrule import rrulestr

    if not isinstance(rule, str) or not rule.strip():
        return _failed("the LLM's rrule is missing")
    rule = rule.strip().removeprefix("RRULE:")
    if "DTSTART" in rule.upper() or "\n" in rule or len(rule) > 300:
        return _failed(f"the LLM's rrule {rule!r} is not a single RRULE value")
    local_now = now.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
    try:
        rrulestr(rule, dtstart=local_now, ignoretz=True)
    except (ValueError, TypeError) as error:
        return _failed(f"the LLM's rrule {rule!r} is invalid ({error})")
    if first is None:
        first = first_occurrence(rule, zone, local_now, now)
    if first is None:
        return _failed(f"the LLM's rrule {rule!r} never runs")
    if first <= now and "COUNT=" in rule.upper():
        return _failed("the LLM's counted rrule started in the past")
    schedule = {"type": "rrule", "rule": rule, "start_at": iso_z(first), "timezone": zone_name}
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
