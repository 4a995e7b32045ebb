"""The ``http`` action's settings, checked when a job is written, and its templates.

Pure: ``validate_http_action`` checks what a job may say (url, method, headers, query, body,
the placeholders in them); ``render``/``render_value``/``lookup`` fill the placeholders from a
run's values (``executors.http.template_scope``). The executor does the request.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from agentcron.app.errors import FieldProblem, InvalidInput
from agentcron.delivery.targets import check_url

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")
MAX_REQUEST_BODY_BYTES = 256_000
EXCERPT_CHARS = 1_500
_FIELDS = {"url", "method", "headers", "query", "body"}
#: a request with more is refused by most servers anyway (nginx, aiohttp: 100 headers)
MAX_HEADERS = 100
MAX_QUERY = 200
_HEADER_NAME = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")

# No whitespace around the path in the pattern: ``\{\{\s*([^{}]*?)\s*\}\}`` backtracks
# cubically on "{{" and spaces with no "}}" (4,000 spaces took 100 s); the path is stripped.
_PLACEHOLDER = re.compile(r"\{\{([^{}]*)\}\}")
_PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z0-9_\-]+)*$")
_TEMPLATE_FIELDS: dict[str, set[str] | None] = {
    "run": {"id", "scheduled_for", "attempt", "trigger"},
    "job": {"id", "name", "metadata"},
    "upstream": {"output", "data", "status", "completed_at"},
    "previous": {"output", "data", "status", "completed_at"},
    # the job's payload: any JSON, so any path below it
    "payload": None,
}
#: methods whose request takes the job's payload as its body when the job gives none
PAYLOAD_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


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
        problems += template_problems(url, f"{field}.url")
        url = url.strip()
        if whole_placeholder(url) is None:
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
    if len(headers) > MAX_HEADERS:
        problems.append(FieldProblem(f"{field}.headers", f"may hold at most {MAX_HEADERS} headers"))
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
    if len(query) > MAX_QUERY:
        problems.append(FieldProblem(f"{field}.query", f"may hold at most {MAX_QUERY} parameters"))
        query = {}
    for name, value in query.items():
        where = f"{field}.query.{name}"
        if not isinstance(value, str | int | float | bool) and value is not None:
            problems.append(FieldProblem(where, "must be a string, number, boolean or null"))
        elif isinstance(value, str):
            problems += template_problems(value, where)

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
                problems += template_problems(text, f"{field}.body")

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


def template_problems(text: str, field: str) -> list[FieldProblem]:
    """What is wrong with the ``{{ placeholders }}`` in ``text`` (a value of ``field``)."""
    problems = []
    for match in _PLACEHOLDER.finditer(text):
        path = match.group(1).strip()
        reason = _path_problem(path)
        if reason:
            problems.append(FieldProblem(field, f"template {{{{ {path} }}}}: {reason}"))
    return problems


def _path_problem(path: str) -> str | None:
    if not _PATH.match(path):
        return "a placeholder is a dotted path like job.metadata.region"
    root, _, rest = path.partition(".")
    if root not in _TEMPLATE_FIELDS:
        return f"unknown name {root!r} (use run, job, payload, upstream or previous)"
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


# --- templates -------------------------------------------------------------------


def lookup(scope: Mapping[str, Any], path: str) -> Any:
    """The value at dotted ``path``; TemplateError naming what is missing."""
    problem = _path_problem(path)
    if problem:
        raise TemplateError(f"{{{{ {path} }}}}: {problem}")
    value: Any = scope
    walked: list[str] = []
    for key in path.split("."):
        if value is None and walked in (["upstream"], ["previous"], ["payload"]):
            what = {
                "upstream": "no upstream run (it is not a chain run)",
                "previous": "no previous run",
                "payload": "no payload (the job's payload is null)",
            }[walked[0]]
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
    return _PLACEHOLDER.sub(
        lambda match: encode(as_text(lookup(scope, match.group(1).strip()))), text
    )


def render_value(value: Any, scope: Mapping[str, Any]) -> Any:
    """Render the strings inside a JSON value; a string that is one placeholder keeps its type."""
    if isinstance(value, str):
        whole = whole_placeholder(value)
        return lookup(scope, whole) if whole is not None else render(value, scope)
    if isinstance(value, dict):
        return {key: render_value(item, scope) for key, item in value.items()}
    if isinstance(value, list):
        return [render_value(item, scope) for item in value]
    return value


def whole_placeholder(text: str) -> str | None:
    match = _PLACEHOLDER.fullmatch(text)
    return match.group(1).strip() if match else None


def as_text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, separators=(",", ":"), default=str)
