"""Dependencies point one way (DESIGN.md, *Layout*): read from the source of every module.

Every import counts — at the top of a module, inside a function, under ``TYPE_CHECKING`` — so
an import moved into a function to dodge a rule still breaks it; and no module may need
itself, however far round, except through an import for type hints only.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {
    "app": "agentcron.app",
    "parsers": "agentcron.parsers",
    "delivery": "agentcron.delivery",
}

#: the ways in: each calls services, engine, domain and storage, never another way in
WAYS_IN = ("api", "slack", "web", "mcp")
#: what may be imported from anywhere: small pure modules every layer shares
BASICS = ("agentcron.app.errors", "agentcron.app.ids", "agentcron.app.clock")


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int
    #: under ``if TYPE_CHECKING:`` (type hints only: never executed)
    typing: bool


def _module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    parts = list(relative.parts)
    parts[0] = PACKAGES[parts[0]]
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports_of(path: Path) -> list[Import]:
    source = _module_name(path)
    package = source if path.name == "__init__.py" else source.rpartition(".")[0]
    tree = ast.parse(path.read_text(), filename=str(path))
    found: list[Import] = []

    def visit(node: ast.AST, typing: bool) -> None:
        for child in ast.iter_child_nodes(node):
            child_typing = typing
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                child_typing = True
            if isinstance(child, ast.Import):
                found.extend(Import(source, a.name, child.lineno, typing) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                for alias in child.names:
                    # "from pkg import module" names a module when such a module exists
                    candidate = f"{base}.{alias.name}"
                    target = candidate if candidate in MODULES else base
                    found.append(Import(source, target, child.lineno, typing))
            visit(child, child_typing)

    visit(tree, False)
    return [i for i in found if i.target.startswith("agentcron.")]


FILES = sorted(p for package in PACKAGES for p in (ROOT / package).rglob("*.py"))
MODULES = {_module_name(p) for p in FILES}
IMPORTS = [i for p in FILES for i in _imports_of(p)]


def _under(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _app(*parts: str) -> tuple[str, ...]:
    return tuple(f"agentcron.app.{part}" for part in parts)


def _broken(
    source: tuple[str, ...], allowed: tuple[str, ...] = (), forbidden: tuple[str, ...] = ()
) -> list[str]:
    """Imports from modules under ``source`` that are not ``allowed`` (when given) or are
    ``forbidden``; "module:line -> target" for each."""
    out = []
    for i in IMPORTS:
        if not _under(i.source, *source) or _under(i.target, *source):
            continue
        if (allowed and not _under(i.target, *allowed)) or _under(i.target, *forbidden):
            out.append(f"{i.source}:{i.line} -> {i.target}")
    return out


def test_parsers_and_delivery_never_import_the_app() -> None:
    assert _broken(("agentcron.parsers",), forbidden=("agentcron.app",)) == []
    assert _broken(("agentcron.delivery",), forbidden=("agentcron.app",)) == []


#: which addresses are private (``ipaddress`` only): the domain's warnings read URLs with it
ADDRESSES = ("agentcron.delivery.addresses",)


def test_the_domain_imports_no_other_part_of_the_app() -> None:
    # parsers (text -> schedule), delivery.targets (what a channel looks like) and
    # delivery.addresses (which addresses are private) are pure
    allowed = (*BASICS, "agentcron.parsers", "agentcron.delivery.targets", *ADDRESSES)
    assert _broken(_app("domain"), allowed=allowed) == []


def test_storage_never_imports_executors_the_engine_or_the_ways_in() -> None:
    forbidden = _app("executors", "engine", "services", "runtime", "asgi", "cli", *WAYS_IN)
    assert _broken(_app("storage"), forbidden=forbidden) == []


def test_settings_depend_on_nothing_but_the_domain() -> None:
    assert _broken(_app("config"), allowed=(*BASICS, *_app("domain"))) == []


def test_the_engine_executors_and_services_never_import_the_ways_in() -> None:
    forbidden = _app("asgi", "cli", *WAYS_IN)
    for layer in ("engine", "executors", "services", "runtime"):
        assert _broken(_app(layer), forbidden=forbidden) == [], layer


def test_a_way_in_never_imports_another() -> None:
    for way in WAYS_IN:
        others = _app(*(w for w in WAYS_IN if w != way))
        assert _broken(_app(way), forbidden=others) == [], way


def test_imports_form_no_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for i in IMPORTS:
        if not i.typing and i.target in MODULES and i.target != i.source:
            graph.setdefault(i.source, set()).add(i.target)
    done: set[str] = set()

    def walk(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        for nxt in sorted(graph.get(node, ())):
            cycle = walk(nxt, [*path, node])
            if cycle:
                return cycle
        done.add(node)
        return None

    for start in sorted(graph):
        assert walk(start, []) is None, " -> ".join(walk(start, []) or [])


def test_importing_the_domain_loads_no_io_library() -> None:
    domain = sorted(m for m in MODULES if _under(m, "agentcron.app.domain"))
    code = (
        "import importlib, sys\n"
        f"for name in {domain!r}: importlib.import_module(name)\n"
        "heavy = ('aiohttp', 'sqlalchemy', 'asyncpg', 'starlette', 'openai', 'slack_sdk')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"
