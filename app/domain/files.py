"""``file`` jobs: the operator's root directories, and a job's file operation checked against them.

Pure. ``parse_file_roots`` reads ``AGENTCRON_FILE_ROOTS`` (JSON text); ``validate_file_action``
checks what a job says (seed 001's ``FileOperation``: copy, move, delete or write);
``check_path`` is the rule every path obeys: relative to its root, plain names separated by
``/``, never ``..`` or ``.``, never absolute, no empty part, no NUL or control character.
Symbolic links cannot be judged from a name: the executor refuses them while it walks the
path (``executors/files.py``), one directory at a time, never following one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from agentcron.app.domain.hostjobs import (
    DEFAULT_MAX_BYTES,
    FileRoot,
    HostJobs,
    setting_entries,
    setting_entry,
)
from agentcron.app.domain.http_action import template_problems
from agentcron.app.errors import FieldProblem, InvalidInput

SETTING = "AGENTCRON_FILE_ROOTS"
OPERATIONS = ("copy", "move", "delete", "write")
#: a write's content as stored with the job (after templates, the root's max_bytes applies)
MAX_CONTENT_BYTES = 256_000
MAX_PATH_CHARS = 1_024
MAX_DEPTH = 32
#: bytes of one name in a directory (Linux's NAME_MAX)
MAX_NAME_BYTES = 255
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_FIELDS = ("operation", "root", "path", "to_root", "to", "content", "overwrite", "missing_ok")
_ROOT_FIELDS = ("path", "writable", "max_bytes")
#: the fields each operation takes besides operation, root and path
_TAKES = {
    "copy": {"to_root", "to", "overwrite"},
    "move": {"to_root", "to", "overwrite"},
    "delete": {"missing_ok"},
    "write": {"content", "overwrite"},
}


# --- the operator's roots ----------------------------------------------------------------


def parse_file_roots(text: str, *, source: str = SETTING) -> dict[str, FileRoot]:
    """The roots in ``text``: a JSON object of name → absolute directory, or name →
    {"path": "/srv/exports", "writable": false, "max_bytes": 1048576}. ValueError naming
    the bad entry."""
    data = setting_entries(text, source=source, what="root name to directory")
    return {name: _root(name, entry, source) for name, entry in data.items()}


def _root(name: str, entry: Any, source: str) -> FileRoot:
    where = f"{source}[{name!r}]"
    entry = setting_entry(
        name,
        entry,
        where=where,
        noun="root",
        shorthand=str,
        key="path",
        said="a directory path",
        fields=_ROOT_FIELDS,
    )
    path = entry.get("path")
    if not isinstance(path, str) or not path.startswith("/") or "\x00" in path:
        raise ValueError(f"{where}.path must be an absolute directory path")
    if path.rstrip("/") == "":
        raise ValueError(f"{where}.path must not be / (name a directory for jobs' files)")
    writable = entry.get("writable", True)
    if not isinstance(writable, bool):
        raise ValueError(f"{where}.writable must be true or false")
    max_bytes = entry.get("max_bytes", DEFAULT_MAX_BYTES)
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0:
        raise ValueError(f"{where}.max_bytes must be a positive whole number of bytes")
    return FileRoot(name=name, path=path, writable=writable, max_bytes=max_bytes)


# --- a job's file operation --------------------------------------------------------------


def check_path(value: Any, field: str) -> tuple[tuple[str, ...], FieldProblem | None]:
    """``value`` as the names it is made of, below a root; or a problem naming ``field``."""
    if not isinstance(value, str) or value == "":
        return (), FieldProblem(field, "is required: a path relative to its root")
    if len(value) > MAX_PATH_CHARS:
        return (), FieldProblem(field, f"is over {MAX_PATH_CHARS} characters")
    if _CONTROL.search(value):
        return (), FieldProblem(field, "contains a control character (or NUL)")
    if value.startswith("/"):
        return (), FieldProblem(
            field, "is absolute; a path is relative to its root (no leading '/')"
        )
    if "\\" in value:
        return (), FieldProblem(field, "contains '\\'; separate directories with '/'")
    parts = tuple(value.split("/"))
    if len(parts) > MAX_DEPTH:
        return (), FieldProblem(field, f"is more than {MAX_DEPTH} directories deep")
    for part in parts:
        if part == "..":
            return (), FieldProblem(field, "contains '..': a path never leaves its root")
        if part == ".":
            return (), FieldProblem(field, "contains '.': write the path without it")
        if part == "":
            return (), FieldProblem(field, "has an empty part ('//', or a '/' at the end)")
        if len(part.encode("utf-8", errors="surrogatepass")) > MAX_NAME_BYTES:
            return (), FieldProblem(field, f"has a name over {MAX_NAME_BYTES} bytes")
    return parts, None


def validate_file(raw: Any, host: HostJobs) -> dict[str, Any]:
    """``HOST_ACTIONS["file"]``: the stored form of a job's ``file``, or InvalidInput naming
    each field at fault (``file.path``, ``file.root``)."""
    problems: list[FieldProblem] = []
    spec = validate_file_action(raw, host.file_roots, problems)
    if spec is None:
        raise InvalidInput(problems)
    return spec


def validate_file_action(
    raw: Any, roots: Mapping[str, FileRoot], problems: list[FieldProblem]
) -> dict[str, Any] | None:
    """A job's ``file``, checked against the roots: the stored form, or None with
    ``problems`` added."""
    if not isinstance(raw, Mapping):
        problems.append(FieldProblem("file", "must be an object {operation, root, path, …}"))
        return None
    found: list[FieldProblem] = [
        FieldProblem(f"file.{key}", f"unknown field (allowed: {', '.join(_FIELDS)})")
        for key in raw
        if key not in _FIELDS
    ]
    operation = raw.get("operation")
    if isinstance(operation, str):
        operation = operation.lower()  # seed 001 writes Copy, Move, Delete
    if operation not in OPERATIONS:
        found.append(FieldProblem("file.operation", f"must be one of {', '.join(OPERATIONS)}"))
        problems.extend(found)
        return None
    for key in raw:
        if key in _FIELDS and key not in {"operation", "root", "path"} | _TAKES[operation]:
            found.append(FieldProblem(f"file.{key}", f"does not apply to {operation}"))

    root = _root_named(raw.get("root"), "file.root", roots, found)
    path, problem = check_path(raw.get("path"), "file.path")
    if problem:
        found.append(problem)
    spec: dict[str, Any] = {
        "operation": operation,
        "root": raw.get("root"),
        "path": raw.get("path"),
    }
    changes_source = operation in ("move", "delete", "write")
    if root is not None and changes_source and not root.writable:
        found.append(
            FieldProblem(
                "file.root", f"the root {root.name!r} is read-only (a source to copy from)"
            )
        )

    if operation in ("copy", "move"):
        to_root_name = raw.get("to_root", raw.get("root"))
        to_root = _root_named(to_root_name, "file.to_root", roots, found)
        to, problem = check_path(raw.get("to"), "file.to")
        if problem:
            found.append(problem)
        if to_root is not None and not to_root.writable:
            found.append(
                FieldProblem(
                    "file.to_root",
                    f"the root {to_root.name!r} is read-only (a source to copy from)",
                )
            )
        if path and to and to_root_name == raw.get("root") and to == path:
            found.append(FieldProblem("file.to", "is the same file as file.path"))
        spec.update(to_root=to_root_name, to=raw.get("to"))
    if operation in ("copy", "move", "write"):
        overwrite = raw.get("overwrite", False)
        if not isinstance(overwrite, bool):
            found.append(FieldProblem("file.overwrite", "must be true or false"))
        spec["overwrite"] = overwrite
    if operation == "delete":
        missing_ok = raw.get("missing_ok", False)
        if not isinstance(missing_ok, bool):
            found.append(FieldProblem("file.missing_ok", "must be true or false"))
        spec["missing_ok"] = missing_ok
    if operation == "write":
        content = raw.get("content")
        if not isinstance(content, str):
            found.append(
                FieldProblem(
                    "file.content",
                    "is required for write: the text to write ({{ upstream.output }} and "
                    "other templates are filled in at each run)",
                )
            )
        else:
            size = len(content.encode("utf-8", errors="surrogatepass"))
            limit = min(MAX_CONTENT_BYTES, root.max_bytes if root else MAX_CONTENT_BYTES)
            if size > limit:
                found.append(FieldProblem("file.content", f"is larger than {limit:,} bytes"))
            found += template_problems(content, "file.content")
            spec["content"] = content
    if found:
        problems.extend(found)
        return None
    return spec


def _root_named(
    name: Any, field: str, roots: Mapping[str, FileRoot], problems: list[FieldProblem]
) -> FileRoot | None:
    if not isinstance(name, str) or not name:
        problems.append(FieldProblem(field, "is required: the name of a root directory"))
        return None
    root = roots.get(name)
    if root is None:
        allowed = ", ".join(sorted(roots)) or "none"
        problems.append(
            FieldProblem(
                field,
                f"{name!r} is not a root directory this service allows (allowed: {allowed}; "
                f"the operator lists them in {SETTING})",
            )
        )
    return root


def describe(spec: Mapping[str, Any], size: int | None) -> str:
    """One line saying what a file job did."""
    where = f"{spec['root']}:{spec['path']}"
    amount = f" ({size:,} bytes)" if size is not None else ""
    operation = spec["operation"]
    if operation in ("copy", "move"):
        verb = "copied" if operation == "copy" else "moved"
        return f"{verb} {where} to {spec['to_root']}:{spec['to']}{amount}"
    if operation == "write":
        return f"wrote {where}{amount}"
    return f"deleted {where}" if size is not None else f"{where} was already gone"
