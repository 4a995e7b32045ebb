"""The ``http`` action: one HTTP request per attempt; the response becomes the run's data.

Action settings (``action["http"]``): ``url``, ``method`` (GET default; POST PUT PATCH
DELETE HEAD), ``headers`` (str → str), ``query`` (str → scalar), ``body`` (a JSON value, sent
as JSON, or a string, sent as is).

The job's ``payload`` (opaque JSON) is the body of a POST, PUT or PATCH whose settings give
none, sent as JSON as it is (never read as a template).

Templates: ``{{ path }}`` in the url, query values and body strings is replaced by a
value from the run — ``run.id``, ``run.scheduled_for``, ``run.attempt``, ``run.trigger``,
``job.id``, ``job.name``, ``job.metadata.<key>…``, ``payload`` and ``payload.<key>…`` (the
job's payload), and for chain runs
``upstream.data.<key>…`` / ``upstream.output`` / ``upstream.status`` (``previous.…``
likewise reads the job's previous run). It is a plain lookup, not an expression language:
nothing is evaluated. In the url the value is percent-encoded (unless the placeholder is
the whole url); a body string that is exactly one placeholder takes the value's JSON type;
elsewhere objects and lists are inserted as JSON text. A path that does not exist fails the
attempt without retrying, naming the path.

Result: ``data = {"status", "headers", "body", "body_truncated", "url", "elapsed_ms"}``
(body parsed as JSON when the response says it is JSON, else text, at most
``max_body_bytes``); ``output`` is a short markdown summary with an excerpt of the body.
Every request carries ``Idempotency-Key`` (the run's slot key, the same for every attempt of
one slot) unless the job's headers set one. A non-2xx status fails the attempt, carrying
that data; 5xx, 408, 429, timeouts and
connection errors are retryable, other 4xx and refused addresses are not.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Mapping
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import aiohttp

from agentcron.app.domain.enums import JobEvent
from agentcron.app.domain.http_action import (
    PAYLOAD_BODY_METHODS,
    TemplateError,
    as_text,
    lookup,
    render,
    render_value,
    whole_placeholder,
)
from agentcron.app.executors.base import ExecutionFailed, Outcome, RunContext
from agentcron.app.storage import jsoncodec
from agentcron.delivery.netguard import BlockedAddress
from agentcron.delivery.signing import IDEMPOTENCY_HEADER
from agentcron.delivery.targets import check_url

EXCERPT_CHARS = 1_500


# --- templates -----------------------------------------------------------------------


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
        "payload": context.payload,
    }


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
                key: as_text(render_value(value, scope))
                for key, value in (http.get("query") or {}).items()
                if value is not None
            }
            if http.get("body") is None and method in PAYLOAD_BODY_METHODS:
                # the job's payload is data: sent as JSON as it is, never read as a template
                body, as_json = context.payload, True
            else:
                body = render_value(http.get("body"), scope)
                as_json = not isinstance(body, str)
        except (TemplateError, ValueError) as error:
            raise ExecutionFailed(str(error), retryable=False) from None

        headers = http.get("headers") or {}
        if context.idempotency_key and not any(
            name.lower() == "idempotency-key" for name in headers
        ):
            # the same for every attempt of the slot: a receiver that honours it does the
            # work once even when a crash makes us send it again (the job's own header wins)
            headers = {**headers, IDEMPOTENCY_HEADER: context.idempotency_key}
        request: dict[str, Any] = {"headers": headers, "params": query}
        if body is not None and not as_json:
            request["data"] = body  # text/plain; charset=utf-8 unless headers say otherwise
        elif body is not None:
            request["data"] = jsoncodec.encode(body).encode()
            if not any(name.lower() == "content-type" for name in headers):
                request["headers"] = {**headers, "Content-Type": "application/json"}

        context.emit(
            JobEvent.REQUEST,
            {
                "method": method,
                "url": url,
                "query": query,
                # names only: a header's value may be a credential
                "headers": sorted(request["headers"]),
                "body_bytes": len(request.get("data") or b""),
            },
        )
        started = self.clock()
        try:
            async with self.session.request(method, url, **request) as response:
                raw, truncated = await read_bounded(response, self.max_body_bytes)
                elapsed_ms = round((self.clock() - started) * 1000)
                data = _response_data(response, raw, truncated, elapsed_ms)
                context.emit(JobEvent.RESPONSE, _response_event(data))
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
        whole = whole_placeholder(template.strip())
        if whole is not None:
            url = as_text(lookup(scope, whole))
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


def _response_event(data: Mapping[str, Any]) -> dict[str, Any]:
    """The ``job.response`` event's detail: the response with an excerpt of its body."""
    body = data.get("body")
    text = body if isinstance(body, str) else jsoncodec.encode(body)
    return {
        "status": data["status"],
        "headers": data["headers"],
        "elapsed_ms": data["elapsed_ms"],
        "url": data["url"],
        "body_excerpt": text[:EXCERPT_CHARS],
        "body_truncated": bool(data.get("body_truncated")) or len(text) > EXCERPT_CHARS,
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
