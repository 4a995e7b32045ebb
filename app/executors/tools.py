"""The agent's built-in tools: what a model may do during a run, and nothing more.

Read tools bring information in: ``http_fetch`` (GET a public page through the engine's
SSRF-guarded session, bounded in size and time; an agent's ``read_hosts`` may narrow it),
``current_time`` and ``previous_run`` (the job's last output and data, and the upstream run
of a chain). The effect tool ``http_send`` (POST, PUT, PATCH, DELETE) sends data out, so it
reaches only the hosts in the agent's ``allowed_hosts``, never follows a redirect elsewhere,
and is never offered to the built-in agent or in a dry run (``app.domain.agents``).
``finish(output, data)`` ends the run; where the result goes is the job's ``delivery``, and
nothing the model says changes it. There is deliberately no tool that reads or writes jobs,
agents or keys: a scheduled agent cannot reschedule itself.

What a tool brings back goes to the model as a ``tool`` message: JSON data, quoted, never
merged into the instructions. A tool call never fails the attempt. Bad arguments, a refused
address or a network error come back to the model as ``{"error": …}`` so it can correct
itself; the executor bounds how often that may happen.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import aiohttp

from agentcron.app.clock import Clock
from agentcron.app.domain.agents import FINISH, TOOL_NAMES, host_allowed
from agentcron.app.executors.base import RunContext
from agentcron.app.executors.http import read_bounded
from agentcron.delivery.netguard import BlockedAddress
from agentcron.delivery.targets import check_url

SEND_METHODS = ("POST", "PUT", "PATCH", "DELETE")
FETCH_TIMEOUT_SECONDS = 20.0
MAX_FETCH_BYTES = 1_000_000
#: what a fetch hands back to the model; every character is paid for in tokens
MAX_FETCH_CHARS = 16_000
#: a GET can carry data out in its URL too; this bounds how much per call
MAX_FETCH_URL_CHARS = 1_024
MAX_PREVIOUS_OUTPUT_CHARS = 4_000
MAX_DATA_BYTES = 64_000
MAX_REQUEST_BODY_CHARS = 64_000
#: what the tool log of a dry run keeps of each call's arguments and answer
MAX_LOGGED_CHARS = 2_000
#: headers a model may not set on http_send (the connection's own, and credentials it
#: could only have read from a page)
_FORBIDDEN_HEADERS = frozenset(
    {"host", "content-length", "transfer-encoding", "connection", "cookie", "proxy-authorization"}
)

SPECS: dict[str, dict[str, Any]] = {
    "http_fetch": {
        "description": (
            "GET a public URL and return the status, content type and body (JSON parsed; "
            "HTML reduced to its text; long bodies truncated). Read-only: it cannot send "
            "a body or headers."
        ),
        "parameters": {
            "type": "object",
            "properties": {
                "url": {"type": "string", "description": "an http:// or https:// URL"},
            },
            "required": ["url"],
            "additionalProperties": False,
        },
    },
    "current_time": {
        "description": "The current date and time, in UTC and in a given IANA time zone.",
        "parameters": {
            "type": "object",
            "properties": {
                "timezone": {"type": "string", "description": "e.g. Europe/Berlin; default UTC"}
            },
            "additionalProperties": False,
        },
    },
    "previous_run": {
        "description": (
            "This job's previous run (status, finish time, output and data) so you can "
            "compare with last time; for a run started by a chain, also the upstream run."
        ),
        "parameters": {"type": "object", "properties": {}, "additionalProperties": False},
    },
    "http_send": {
        "description": (
            "Send an HTTP request with a body (POST, PUT, PATCH or DELETE) to one of the "
            "hosts this agent is allowed to reach; returns the status and the answer."
        ),
        "parameters": {
            "type": "object",
            "properties": {
                "url": {"type": "string", "description": "an https:// URL on an allowed host"},
                "method": {"type": "string", "enum": list(SEND_METHODS)},
                "headers": {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                    "description": "extra request headers",
                },
                "body": {"type": "string", "description": "the body (JSON text or plain text)"},
            },
            "required": ["url", "method"],
            "additionalProperties": False,
        },
    },
    FINISH: {
        "description": (
            "End the run. `output` is the markdown result people will read; `data` is a "
            "JSON object of the facts behind it (numbers as numbers), which the job's "
            "condition is evaluated against. Where the result goes is fixed by the job. "
            "Call it exactly once."
        ),
        "parameters": {
            "type": "object",
            "properties": {
                "output": {"type": "string", "description": "the result, in markdown"},
                "data": {"type": "object", "description": "structured result (a JSON object)"},
            },
            "required": ["output", "data"],
            "additionalProperties": False,
        },
    },
}


class ToolError(ValueError):
    """A tool call the model should correct; the message is sent back to it."""


class ToolFailed(ToolError):
    """A well-formed call that did not work (a refused address, a timeout): not the
    model's mistake, so it does not count toward the malformed-call limit."""


@dataclass(frozen=True)
class Finished:
    output: str
    data: dict[str, Any]


@dataclass
class ToolReply:
    """The answer to one tool call: ``content`` goes back to the model as the tool message."""

    content: str
    ok: bool = True
    #: the call itself was wrong (bad JSON, unknown tool, invalid arguments)
    malformed: bool = False
    finished: Finished | None = None


def tool_specs(allowed: Iterable[str]) -> list[dict[str, Any]]:
    """OpenAI ``tools`` for an allow-list: the allowed built-ins, then ``finish``."""
    chosen = set(allowed)
    names = [name for name in TOOL_NAMES if name in chosen] + [FINISH]
    return [{"type": "function", "function": {"name": name, **SPECS[name]}} for name in names]


def parse_arguments(raw: str | None) -> dict[str, Any]:
    """A tool call's arguments as an object; ToolError saying what is wrong."""
    if raw is None or not raw.strip():
        return {}
    try:
        value = json.loads(raw, parse_constant=_refuse_constant)
    except ValueError as error:
        raise ToolError(f"the arguments are not valid JSON ({error})") from None
    if not isinstance(value, dict):
        raise ToolError("the arguments must be a JSON object")
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def check_finish(arguments: Mapping[str, Any]) -> Finished:
    """Validate ``finish`` arguments; ToolError saying what to send instead."""
    extra = sorted(set(arguments) - {"output", "data"})
    if extra:
        names = ", ".join(f"`{name}`" for name in extra)
        raise ToolError(
            f"finish takes only `output` and `data`, not {names}; where the result goes "
            "is fixed by the job"
        )
    output = arguments.get("output")
    if not isinstance(output, str):
        raise ToolError("`output` must be a string of markdown")
    data = arguments.get("data", {})
    if isinstance(data, str):
        # some models send the object JSON-encoded a second time
        try:
            data = json.loads(data, parse_constant=_refuse_constant) if data.strip() else {}
        except ValueError:
            raise ToolError("`data` must be a JSON object, not a string") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ToolError(f"`data` must be a JSON object, not {type(data).__name__}")
    if len(json.dumps(data)) > MAX_DATA_BYTES:
        raise ToolError(f"`data` is larger than {MAX_DATA_BYTES} bytes; keep only the key facts")
    return Finished(output=output, data=data)


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True)
class ToolCall:
    """One call as the dry-run log shows it."""

    name: str
    arguments: str
    ok: bool
    answer: str


@dataclass
class ToolBox:
    """The tools of one run. ``time_left`` says how many seconds the run may still spend."""

    allowed: frozenset[str]
    session: aiohttp.ClientSession
    clock: Clock
    context: RunContext
    time_left: Callable[[], float] = lambda: FETCH_TIMEOUT_SECONDS
    #: data keys the job's condition reads (the model is told once when one is missing)
    required_keys: frozenset[str] = frozenset()
    #: hosts ``http_send`` may reach (the agent's ``allowed_hosts``)
    allowed_hosts: tuple[str, ...] = ()
    #: hosts ``http_fetch`` may read; empty: any public host
    read_hosts: tuple[str, ...] = ()
    calls: list[ToolCall] = field(default_factory=list)
    _insisted: bool = field(default=False, init=False)

    def specs(self) -> list[dict[str, Any]]:
        return tool_specs(self.allowed)

    async def call(self, name: str, raw_arguments: str | None) -> ToolReply:
        """Run one tool call; errors become replies the model can act on."""
        reply = await self._call(name, raw_arguments)
        self.calls.append(
            ToolCall(
                name=name,
                arguments=(raw_arguments or "")[:MAX_LOGGED_CHARS],
                ok=reply.ok,
                answer=reply.content[:MAX_LOGGED_CHARS],
            )
        )
        return reply

    async def _call(self, name: str, raw_arguments: str | None) -> ToolReply:
        try:
            if name != FINISH and name not in self.allowed:
                offered = [n for n in TOOL_NAMES if n in self.allowed] + [FINISH]
                raise ToolError(f"there is no tool {name!r}; use one of {', '.join(offered)}")
            arguments = parse_arguments(raw_arguments)
            if name == FINISH:
                return self._finish(arguments)
            if name == "http_fetch":
                return ToolReply(as_json(await self._fetch(arguments)))
            if name == "http_send":
                return ToolReply(as_json(await self._send(arguments)))
            if name == "current_time":
                return ToolReply(as_json(self._current_time(arguments)))
            return ToolReply(as_json(self._previous_run()))
        except ToolError as error:
            malformed = not isinstance(error, ToolFailed)
            return ToolReply(as_json({"error": str(error)}), ok=False, malformed=malformed)

    # -- finish -----------------------------------------------------------------------------

    def _finish(self, arguments: Mapping[str, Any]) -> ToolReply:
        finished = check_finish(arguments)
        missing = sorted(self.required_keys - finished.data.keys())
        if missing and not self._insisted:
            # insist once; a second finish without the keys is taken as the model's answer
            # and the worker records the condition's own clear error
            self._insisted = True
            names = ", ".join(repr(key) for key in missing)
            raise ToolError(
                f"`data` has no {names}, which the job's condition reads; "
                "call finish again with every key the condition needs"
            )
        return ToolReply(as_json({"ok": True}), finished=finished)

    # -- current_time -----------------------------------------------------------------------

    def _current_time(self, arguments: Mapping[str, Any]) -> dict[str, Any]:
        name = arguments.get("timezone") or "UTC"
        if not isinstance(name, str):
            raise ToolError("`timezone` must be an IANA time zone name such as Europe/Berlin")
        try:
            zone = ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ToolError(f"unknown time zone {name!r}; use an IANA name") from None
        now = self.clock.now()
        local = now.astimezone(zone)
        return {
            "utc": now.isoformat(timespec="seconds").replace("+00:00", "Z"),
            "local": local.isoformat(timespec="seconds"),
            "timezone": name,
            "weekday": local.strftime("%A"),
        }

    # -- previous_run -----------------------------------------------------------------------

    def _previous_run(self) -> dict[str, Any]:
        answer: dict[str, Any] = {"previous_run": _run_summary(self.context.previous_run)}
        if answer["previous_run"] is None:
            answer["note"] = "this job has no earlier finished run"
        if self.context.upstream_run is not None:
            answer["upstream_run"] = _run_summary(self.context.upstream_run)
        return answer

    # -- http_fetch and http_send -------------------------------------------------------------

    async def _fetch(self, arguments: Mapping[str, Any]) -> dict[str, Any]:
        for name in ("method", "body", "headers"):
            if name in arguments:
                raise ToolError(
                    f"http_fetch only reads (GET) and takes no `{name}`"
                    + (
                        "; use http_send to send data"
                        if "http_send" in self.allowed
                        else "; this agent may not send data anywhere"
                    )
                )
        url = self._url(arguments, limit=MAX_FETCH_URL_CHARS)
        host = urlsplit(url).hostname or ""
        if self.read_hosts and not host_allowed(host, self.read_hosts):
            raise ToolFailed(
                f"{host} is not among the hosts this agent may read ({', '.join(self.read_hosts)})"
            )
        return await self._request("GET", url, {}, redirects=True)

    async def _send(self, arguments: Mapping[str, Any]) -> dict[str, Any]:
        url = self._url(arguments, limit=None)
        host = urlsplit(url).hostname or ""
        if not host_allowed(host, self.allowed_hosts):
            raise ToolFailed(
                f"{host} is not among the hosts this agent may send to "
                f"({', '.join(self.allowed_hosts) or 'none'}); its owner decides that"
            )
        method = str(arguments.get("method") or "").upper()
        if method not in SEND_METHODS:
            raise ToolError(f"`method` must be one of {', '.join(SEND_METHODS)}")
        headers = _headers(arguments.get("headers"))
        request: dict[str, Any] = {"headers": headers}
        body = arguments.get("body")
        if body is not None:
            if not isinstance(body, str):
                body = as_json(body)
            if len(body) > MAX_REQUEST_BODY_CHARS:
                raise ToolError(f"`body` is longer than {MAX_REQUEST_BODY_CHARS} characters")
            request["data"] = body.encode()
            if not any(k.lower() == "content-type" for k in headers):
                headers["Content-Type"] = _guess_content_type(body)
        # a redirect could lead anywhere: an effect reaches the allowed host or nothing
        return await self._request(method, url, request, redirects=False)

    def _url(self, arguments: Mapping[str, Any], *, limit: int | None) -> str:
        url = arguments.get("url")
        if not isinstance(url, str):
            raise ToolError("`url` is required: an http:// or https:// URL")
        if limit is not None and len(url) > limit:
            raise ToolError(f"the URL is longer than {limit} characters")
        try:
            return check_url(url, field="`url`")
        except ValueError as error:
            raise ToolError(str(error)) from None

    async def _request(
        self, method: str, url: str, request: dict[str, Any], *, redirects: bool
    ) -> dict[str, Any]:
        left = self.time_left()
        if left <= 0:
            raise ToolFailed("no time is left in this run for another request; call finish")
        # a second past the run's budget: when the budget binds, the run's own error wins
        seconds = min(FETCH_TIMEOUT_SECONDS, left + 1.0)
        try:
            async with self.session.request(
                method,
                url,
                timeout=aiohttp.ClientTimeout(total=seconds),
                allow_redirects=redirects,
                **request,
            ) as response:
                raw, truncated = await read_bounded(response, MAX_FETCH_BYTES)
                return _fetched(response, raw, truncated)
        except BlockedAddress as error:
            raise ToolFailed(str(error)) from None
        except TimeoutError:
            raise ToolFailed(f"{method} {url} timed out after {seconds:.0f} s") from None
        except aiohttp.ClientError as error:
            raise ToolFailed(f"{method} {url} failed: {error or type(error).__name__}") from None


def _run_summary(run: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if run is None:
        return None
    output = run.get("output") or ""
    if len(output) > MAX_PREVIOUS_OUTPUT_CHARS:
        output = output[:MAX_PREVIOUS_OUTPUT_CHARS] + "\n…"
    return {
        "status": run.get("status"),
        "completed_at": run.get("completed_at"),
        "output": output,
        "data": run.get("data") or {},
    }


def _headers(value: Any) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ToolError("`headers` must be an object of strings")
    headers: dict[str, str] = {}
    for name, text in value.items():
        if not isinstance(text, str) or not name or any(c in name + text for c in "\r\n"):
            raise ToolError(f"header {name!r} must be a one-line string")
        if name.lower() in _FORBIDDEN_HEADERS:
            raise ToolError(f"header {name!r} may not be set")
        headers[name] = text
    return headers


def _guess_content_type(body: str) -> str:
    try:
        json.loads(body)
    except ValueError:
        return "text/plain; charset=utf-8"
    return "application/json"


def _fetched(response: aiohttp.ClientResponse, raw: bytes, truncated: bool) -> dict[str, Any]:
    text = raw.decode(response.charset or "utf-8", errors="replace")
    kind = response.content_type or ""
    body: Any = text
    if "json" in kind and not truncated:
        try:
            body = json.loads(text)
        except ValueError:
            body = text
        else:
            if len(as_json(body)) > MAX_FETCH_CHARS:
                body = text
    elif "html" in kind:
        body = html_text(text)
    if isinstance(body, str) and len(body) > MAX_FETCH_CHARS:
        body, truncated = body[:MAX_FETCH_CHARS], True
    return {
        "status": response.status,
        "url": str(response.url),
        "content_type": kind,
        "body": body,
        "truncated": truncated,
    }


class _TextExtractor(HTMLParser):
    """The visible text of a page: a model reads the words, not the markup it pays for."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "section", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_text(markup: str) -> str:
    """The readable text of an HTML document, whitespace collapsed line by line."""
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    lines = (" ".join(line.split()) for line in "".join(extractor.parts).splitlines())
    return "\n".join(line for line in lines if line)
