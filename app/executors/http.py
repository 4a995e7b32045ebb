"""The ``http`` action: one HTTP request per attempt; the response becomes the run's data.

Action settings (``action["http"]``): ``url``, ``method`` (GET default; POST PUT PATCH
DELETE HEAD), ``headers`` (str → str), ``query`` (str → scalar), ``body`` (a JSON value, sent
as JSON, or a string, sent as is).

Templates: ``{{ path }}`` in the url, query values and body strings is replaced by a
value from the run — ``run.id``, ``run.scheduled_for``, ``run.attempt``, ``run.trigger``,
``job.id``, ``job.name``, ``job.metadata.<key>…``, and for chain runs
``upstream.data.<key>…`` / ``upstream.output`` / ``upstream.status`` (``previous.…``
likewise reads the job's previous run). It is a plain lookup, not an expression language:
nothing is evaluated. In the url the value is percent-encoded (unless the placeholder is
the whole url); a body string that is exactly one placeholder takes the value's JSON type;
elsewhere objects and lists are inserted as JSON text. A path that does not exist fails the
attempt without retrying, naming the path.

Result: ``data = {"status", "headers", "body", "body_truncated", "url", "elapsed_ms"}``
(body parsed as JSON when the response says it is JSON, else text, at most
``max_body_bytes``); ``output`` is a short markdown summary with an excerpt of the body.
A non-2xx status fails the attempt, carrying that data; 5xx, 408, 429, timeouts and
connection errors are retryable, other 4xx and refused addresses are not.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import aiohttp

from agentcron.app.errors import FieldProblem, InvalidInput
from agentcron.app.executors.base import ExecutionFailed, Outcome, RunContext
from agentcron.app.storage import jsoncodec
from agentcron.delivery.netguard import BlockedAddress, check_url

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")
MAX_REQUEST_BODY_BYTES = 256_000
EXCERPT_CHARS = 1_500
_FIELDS = {"url", "method", "headers", "query", "body"}
_HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")

_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_\-]+)*$")
_TEMPLATE_FIELDS: dict[str, set[str] | None] = {
    "run": {"id", "scheduled_for", "attempt", "trigger"},
    "job": {"id", "name", "metadata"},
    "upstream": {"output", "data", "status", "completed_at"},
    "previous": {"output", "data", "status", "completed_at"},
}


class TemplateError(ValueError):
    """A placeholder names something the run does not have."""


# --- validation (at job creation) -------------------------------------------------------


def validate_http_action(http: Mapping[str, Any], *, field: str = "http") -> dict[str, Any]:
    """Check an ``http`` action's settings; return them normalised.

    Raises InvalidInput naming every offending field (``http.url``, ``http.headers.X``…).
    """
    if not isinstance(http, Mapping):
        raise InvalidInput.field(field, "must be an object with at least a url")
    problems: list[FieldProblem] = [
        FieldProblem(f"{field}.{key}", f"unknown field (allowed: {', '.join(sorted(_FIELDS))})")
        for key in http
        if key not in _FIELDS
    ]

    url = http.get("url")
    if not isinstance(url, str):
        problems.append(FieldProblem(f"{field}.url", "is required and must be a string"))
    else:
        problems += _template_problems(url, f"{field}.url")
        url = url.strip()
        if _whole_placeholder(url) is None:
            try:
                check_url(_PLACEHOLDER.sub("x", url), field=f"{field}.url")
            except ValueError as error:
                problems.append(FieldProblem(f"{field}.url", _reason(error, f"{field}.url")))

    method = http.get("method") or "GET"
    if not isinstance(method, str) or method.upper() not in METHODS:
        problems.append(FieldProblem(f"{field}.method", f"must be one of {', '.join(METHODS)}"))
    else:
        method = method.upper()

    headers = {} if http.get("headers") is None else http["headers"]
    if not isinstance(headers, Mapping):
        problems.append(FieldProblem(f"{field}.headers", "must be an object of strings"))
        headers = {}
    for name, value in headers.items():
        where = f"{field}.headers.{name}"
        if not isinstance(name, str) or not _HEADER_NAME.match(name):
            problems.append(FieldProblem(where, "is not a valid header name"))
        elif not isinstance(value, str):
            problems.append(FieldProblem(where, "must be a string"))
        elif "\r" in value or "\n" in value:
            problems.append(FieldProblem(where, "must not contain line breaks"))

    query = {} if http.get("query") is None else http["query"]
    if not isinstance(query, Mapping):
        problems.append(FieldProblem(f"{field}.query", "must be an object of scalar values"))
        query = {}
    for name, value in query.items():
        where = f"{field}.query.{name}"
        if not isinstance(value, str | int | float | bool) and value is not None:
            problems.append(FieldProblem(where, "must be a string, number, boolean or null"))
        elif isinstance(value, str):
            problems += _template_problems(value, where)

    body = http.get("body")
    if body is not None:
        try:
            encoded = body if isinstance(body, str) else json.dumps(body, allow_nan=False)
        except (TypeError, ValueError):
            problems.append(FieldProblem(f"{field}.body", "must be a JSON value or a string"))
        else:
            if len(encoded.encode()) > MAX_REQUEST_BODY_BYTES:
                problems.append(
                    FieldProblem(f"{field}.body", f"is larger than {MAX_REQUEST_BODY_BYTES} bytes")
                )
            for text in _strings_in(body):
                problems += _template_problems(text, f"{field}.body")

    if problems:
        raise InvalidInput(problems)
    return {
        "url": url,
        "method": method,
        "headers": dict(headers),
        "query": dict(query),
        "body": body,
    }


def _reason(error: ValueError, field: str) -> str:
    return str(error).removeprefix(field).strip()


def _template_problems(text: str, field: str) -> list[FieldProblem]:
    problems = []
    for match in _PLACEHOLDER.finditer(text):
        path = match.group(1)
        reason = _path_problem(path)
        if reason:
            problems.append(FieldProblem(field, f"template {{{{ {path} }}}}: {reason}"))
    return problems


def _path_problem(path: str) -> str | None:
    if not _PATH.match(path):
        return "a placeholder is a dotted path like job.metadata.region"
    root, _, rest = path.partition(".")
    if root not in _TEMPLATE_FIELDS:
        return f"unknown name {root!r} (use run, job, upstream or previous)"
    allowed = _TEMPLATE_FIELDS[root]
    first = rest.split(".", 1)[0]
    if allowed is not None and rest and first not in allowed:
        return f"{root} has no {first!r} (it has {', '.join(sorted(allowed))})"
    return None


def _strings_in(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings_in(item)]
    return []


# --- templates (pure) -------------------------------------------------------------------


def template_scope(context: RunContext) -> dict[str, Any]:
    """The values placeholders can name, for one run."""
    scheduled_for = context.scheduled_for.isoformat() if context.scheduled_for else None
    return {
        "run": {
            "id": context.run_id,
            "scheduled_for": scheduled_for,
            "attempt": context.attempt,
            "trigger": context.trigger,
        },
        "job": {"id": context.job_id, "name": context.job_name, "metadata": context.metadata},
        "upstream": context.upstream_run,
        "previous": context.previous_run,
    }


def lookup(scope: Mapping[str, Any], path: str) -> Any:
    """The value at dotted ``path``; TemplateError naming what is missing."""
    problem = _path_problem(path)
    if problem:
        raise TemplateError(f"{{{{ {path} }}}}: {problem}")
    value: Any = scope
    walked: list[str] = []
    for key in path.split("."):
        if value is None and walked in (["upstream"], ["previous"]):
            what = (
                "no upstream run (it is not a chain run)"
                if walked == ["upstream"]
                else ("no previous run")
            )
            raise TemplateError(f"{{{{ {path} }}}}: this run has {what}")
        if isinstance(value, dict) and key in value:
            value = value[key]
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        else:
            raise TemplateError(f"{{{{ {path} }}}}: {key!r} is not in {'.'.join(walked)}")
        walked.append(key)
    return value


def render(text: str, scope: Mapping[str, Any], *, encode: Callable[[str], str] = str) -> str:
    """Replace each placeholder in ``text`` by its value as text (passed through ``encode``)."""
    return _PLACEHOLDER.sub(lambda match: encode(_as_text(lookup(scope, match.group(1)))), text)


def render_value(value: Any, scope: Mapping[str, Any]) -> Any:
    """Render the strings inside a JSON value; a string that is one placeholder keeps its type."""
    if isinstance(value, str):
        whole = _whole_placeholder(value)
        return lookup(scope, whole) if whole is not None else render(value, scope)
    if isinstance(value, dict):
        return {key: render_value(item, scope) for key, item in value.items()}
    if isinstance(value, list):
        return [render_value(item, scope) for item in value]
    return value


def _whole_placeholder(text: str) -> str | None:
    match = _PLACEHOLDER.fullmatch(text)
    return match.group(1) if match else None


def _as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, separators=(",", ":"), default=str)


# --- the executor -----------------------------------------------------------------------


class HttpExecutor:
    """Runs ``http`` actions through an SSRF-guarded session (see delivery.netguard).

    At most as many attempts as the session has connections build and send their request
    at once; the rest wait their turn before doing any work. In a burst of thousands of
    runs due in the same second, the first requests leave at once, while the receiver is
    already answering them, instead of after every request of the burst has been built.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        max_body_bytes: int = 256_000,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.session = session
        self.max_body_bytes = max_body_bytes
        self.clock = clock
        connections = session.connector.limit if session.connector is not None else 0
        self._turns = asyncio.Semaphore(connections or 1_000_000)
        #: requests waiting for a turn: the worker holds back bookkeeping while there are any
        self.waiting = 0

    async def execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        self.waiting += 1
        try:
            await self._turns.acquire()
        finally:
            self.waiting -= 1
        try:
            return await self._execute(action, context)
        finally:
            self._turns.release()

    async def _execute(self, action: dict[str, Any], context: RunContext) -> Outcome:
        # The action was checked by validate_http_action when the job was saved; here only
        # what the run adds (template values, the rendered url) can still be wrong.
        http = action.get("http")
        if not isinstance(http, dict) or not isinstance(http.get("url"), str):
            raise ExecutionFailed("the http action has no url", retryable=False)
        method = str(http.get("method") or "GET").upper()
        try:
            scope = template_scope(context)
            url = self._render_url(http["url"], scope)
            query = {
                key: _as_text(render_value(value, scope))
                for key, value in (http.get("query") or {}).items()
                if value is not None
            }
            body = render_value(http.get("body"), scope)
        except (TemplateError, ValueError) as error:
            raise ExecutionFailed(str(error), retryable=False) from None

        headers = http.get("headers") or {}
        request: dict[str, Any] = {"headers": headers, "params": query}
        if isinstance(body, str):
            request["data"] = body  # text/plain; charset=utf-8 unless headers say otherwise
        elif body is not None:
            request["data"] = jsoncodec.encode(body).encode()
            if not any(name.lower() == "content-type" for name in headers):
                request["headers"] = {**headers, "Content-Type": "application/json"}

        started = self.clock()
        try:
            async with self.session.request(method, url, **request) as response:
                raw, truncated = await read_bounded(response, self.max_body_bytes)
                elapsed_ms = round((self.clock() - started) * 1000)
                data = _response_data(response, raw, truncated, elapsed_ms)
        except BlockedAddress as error:
            raise ExecutionFailed(str(error), retryable=False) from None
        except TimeoutError:
            elapsed = self.clock() - started
            raise ExecutionFailed(f"{method} {url} timed out after {elapsed:.1f} s") from None
        except aiohttp.TooManyRedirects:
            raise ExecutionFailed(f"{method} {url}: too many redirects", retryable=False) from None
        except (aiohttp.InvalidURL, aiohttp.ClientSSLError) as error:
            raise ExecutionFailed(f"{method} {url}: {error}", retryable=False) from None
        except aiohttp.ClientError as error:
            reason = str(error) or type(error).__name__
            raise ExecutionFailed(f"{method} {url} failed: {reason}") from None

        output = summarize(method, url, data)
        status = data["status"]
        if not 200 <= status < 300:
            raise ExecutionFailed(
                f"{method} {url} returned {_status_text(status)}",
                retryable=status >= 500 or status in (408, 429),
                data=data,
                output=output,
            )
        return Outcome(output=output, data=data)

    def _render_url(self, template: str, scope: Mapping[str, Any]) -> str:
        whole = _whole_placeholder(template.strip())
        if whole is not None:
            url = _as_text(lookup(scope, whole))
        else:
            url = render(template, scope, encode=lambda text: quote(text, safe=""))
        return check_url(url)


async def read_bounded(response: aiohttp.ClientResponse, limit: int) -> tuple[bytes, bool]:
    """At most ``limit`` bytes of the body, and whether there was more."""
    length = response.content_length
    if length is not None and length <= limit:
        raw = await response.read()  # its declared size, which is within the limit
        return raw[:limit], len(raw) > limit
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(64 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            break
    raw = b"".join(chunks)
    return raw[:limit], len(raw) > limit


def _response_data(
    response: aiohttp.ClientResponse, raw: bytes, truncated: bool, elapsed_ms: int
) -> dict[str, Any]:
    headers: dict[str, str] = {}
    for name, value in response.headers.items():
        key = name.lower()
        headers[key] = f"{headers[key]}, {value}" if key in headers else value
    text = raw.decode(response.charset or "utf-8", errors="replace")
    body: Any = text
    if not truncated and raw and "json" in response.content_type:
        try:
            body = jsoncodec.decode(text)
        except ValueError:
            body = text
    return {
        "status": response.status,
        "headers": headers,
        "body": body,
        "body_truncated": truncated,
        "url": str(response.url),
        "elapsed_ms": elapsed_ms,
    }


def summarize(method: str, url: str, data: Mapping[str, Any]) -> str:
    """A short markdown summary of a response: the request, status, time and a body excerpt."""
    line = f"**{method}** `{url}` → **{_status_text(data['status'])}** in {data['elapsed_ms']} ms"
    body = data.get("body")
    if body in (None, ""):
        return f"{line}\n\n_(empty body)_"
    if isinstance(body, str):
        excerpt, language = body, ""
    else:
        excerpt, language = jsoncodec.encode(body, indent=True), "json"
    if len(excerpt) > EXCERPT_CHARS:
        excerpt = excerpt[:EXCERPT_CHARS] + "\n…"
    elif data.get("body_truncated"):
        excerpt += "\n…"
    fence = "`" * max(3, _longest_backtick_run(excerpt) + 1)
    return f"{line}\n\n{fence}{language}\n{excerpt}\n{fence}"


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)
