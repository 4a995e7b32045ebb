"""Conditions: a small, safe expression language that decides whether a run is delivered.

Why our own AST allow-list, not simpleeval or CEL: simpleeval evaluates attribute access
unless configured not to, and its errors are not ours to word; CEL (``common-expression-
language``) is well specified but is a compiled dependency with a syntax (``&&``, ``size()``)
our users do not write. Python's ``ast`` plus ~15 allowed node kinds is short enough to audit
in one sitting, refuses everything else by construction, and names the reason for each refusal.

The language: names resolve in the run's ``data``; ``previous`` is the previous run's data
(on the first run it is empty, so guard with ``"price" in previous``). A dot reads a key of
an object: ``body.price_change_pct`` means ``body["price_change_pct"]`` and
``previous.price`` means ``previous["price"]`` — it is a key lookup in the data, never
Python's attribute access (``getattr`` is not used anywhere here), so ``().__class__`` is
"no key '__class__'". For an ``http`` job the data is the response (``status``, ``headers``,
``body``, ``body_truncated``, ``url``, ``elapsed_ms``) and, when the body is a JSON object,
its top-level keys too (``run_view``): the response's own names come first, so ``status``
is always the HTTP status and a body's own ``status`` is ``body.status``. Literals
(numbers, strings, ``True``/``true``, ``False``/``false``, ``None``/``null``, lists),
comparisons (``== != < <= > >= in not in is``), arithmetic (``+ - * / // % **``),
``and``/``or``/``not``, ``a if c else b``, subscripts (``items[0]``, ``prices["btc"]``,
``headers["content-type"]``), dots, and the calls ``abs min max len round``. Nothing else:
no methods or other calls, no comprehensions or lambdas. The result must be a boolean.

Work is bounded, whatever the expression and the data: the expression's length, node count
and depth are capped; integer literals are capped in size; every value the expression builds
is capped by its *whole* size (``[[0]*100000]*100000`` is ten billion items, not a hundred
thousand references); and each evaluation runs under a step budget in which comparing,
searching or building a value costs as much as the value is large, with a wall-clock cap on
top. When a job is saved, only the parts that read no data are evaluated, under a budget a
thousand times smaller than a run's, so a save costs microseconds; the worker evaluates a
run's condition inline under a small budget and, only if that runs out, again in a thread
(``evaluate(..., max_steps=INLINE_STEPS)`` raising ``OutOfBudget``).
"""

from __future__ import annotations

import ast
import operator
import time
from collections import ChainMap
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

MAX_EXPRESSION_LENGTH = 2_000
MAX_NODES = 300
MAX_DEPTH = 40
MAX_INT_BITS = 4_096
#: the most items (list elements and string characters, counted through nesting) any value
#: the expression builds may hold
MAX_SEQUENCE_LENGTH = 100_000
MAX_ROUND_DIGITS = 100
#: a run's evaluation: about a step per visited node and per item compared or copied
MAX_STEPS = 2_000_000
MAX_SECONDS = 2.0
#: what the worker spends inline on the event loop before moving the evaluation to a thread
INLINE_STEPS = 20_000
#: constant parts evaluated when a job is saved
FOLD_STEPS = 2_000

PREVIOUS = "previous"
_LITERAL_NAMES: dict[str, Any] = {"true": True, "false": False, "null": None}
#: what an ``http`` run's data holds (app/executors/http.py); these names win over the keys of
#: a JSON object body of the same name
HTTP_RESULT_NAMES = ("status", "headers", "body", "body_truncated", "url", "elapsed_ms")


class ConditionError(ValueError):
    """The condition cannot be compiled or evaluated; the message is the human reason."""


class OutOfBudget(ConditionError):
    """The evaluation needed more steps (or time) than it was given."""


@dataclass(frozen=True)
class CompiledCondition:
    """A checked expression, ready to evaluate any number of times."""

    expression: str
    tree: ast.expr
    #: top-level names of the run's data the expression reads (not counting ``previous``)
    names: frozenset[str]
    uses_previous: bool


def compile_condition(expression: str) -> CompiledCondition:
    """Parse and check ``expression``; raise ConditionError naming the first problem."""
    if not isinstance(expression, str) or not expression.strip():
        raise ConditionError("the expression is empty")
    if len(expression) > MAX_EXPRESSION_LENGTH:
        raise ConditionError(f"the expression is longer than {MAX_EXPRESSION_LENGTH} characters")
    text = expression.strip()
    try:
        tree = ast.parse(text, mode="eval").body
    except SyntaxError as error:
        if error.offset and error.offset <= len(text):
            indent = len(expression) - len(expression.lstrip())
            where = f"at column {error.offset + indent}"
        else:
            where = "at the end of the expression"
        raise ConditionError(f"syntax error {where}: {error.msg}") from None
    except (RecursionError, MemoryError, ValueError):
        raise ConditionError("the expression is nested too deeply") from None

    names: set[str] = set()
    uses_previous = _check(tree, depth=1, names=names, budget=[MAX_NODES])
    condition = CompiledCondition(expression, tree, frozenset(names), uses_previous)
    # Parts that read no data are evaluated now, under a small budget, so `9**9**9` or
    # `1 + "a"` is refused when the job is created rather than on its first run at 3 a.m.
    try:
        _fold_constants(tree, _Budget(FOLD_STEPS, MAX_SECONDS))
        if not names and not uses_previous:
            evaluate(condition, {}, max_steps=FOLD_STEPS)
    except OutOfBudget:
        raise ConditionError("the expression needs too much work to compute") from None
    return condition


def evaluate(
    condition: CompiledCondition,
    data: Mapping[str, Any],
    *,
    previous: Mapping[str, Any] | None = None,
    max_steps: int = MAX_STEPS,
    max_seconds: float = MAX_SECONDS,
) -> bool:
    """Evaluate against a run's ``data`` (and the previous run's); True means deliver.

    Raises ConditionError; OutOfBudget when ``max_steps`` or ``max_seconds`` ran out."""
    budget = _Budget(max_steps, max_seconds)
    result = _Evaluator(data, previous, budget).visit(condition.tree)
    if not isinstance(result, bool):
        raise ConditionError(
            f"the condition must be true or false, but it gave {_describe(result)}"
        )
    return result


def run_view(data: Mapping[str, Any] | None, *, action: str | None) -> Mapping[str, Any]:
    """What a condition's names resolve in for a run of an ``action`` job: its data, and for
    an ``http`` job whose response body is a JSON object, that object's top-level keys as
    well, after the response's own names (``HTTP_RESULT_NAMES``); the same for a ``python``
    job's returned object (after ``function`` and ``result``). Nothing is copied: the view
    looks in the data first, then in the body."""
    data = data or {}
    inner = {"http": "body", "python": "result"}.get(action or "")
    if inner:
        body = data.get(inner)
        if isinstance(body, Mapping) and body:
            return ChainMap(data, body)  # type: ignore[arg-type]
    return data


# --- checking ---------------------------------------------------------------------------

_ALLOWED_FUNCTIONS = frozenset({"abs", "min", "max", "len", "round"})

_REFUSED_NODES: dict[type[ast.AST], str] = {
    ast.Lambda: "lambda is not allowed",
    ast.ListComp: "comprehensions are not allowed",
    ast.SetComp: "comprehensions are not allowed",
    ast.DictComp: "comprehensions are not allowed",
    ast.GeneratorExp: "comprehensions are not allowed",
    ast.NamedExpr: "assignment (:=) is not allowed",
    ast.JoinedStr: "f-strings are not allowed",
    ast.Starred: "* unpacking is not allowed",
    ast.Slice: "slices are not allowed",
    ast.Await: "await is not allowed",
    ast.Dict: "dict literals are not allowed",
    ast.Set: "set literals are not allowed",
}


def _check(node: ast.AST, *, depth: int, names: set[str], budget: list[int]) -> bool:
    """Refuse anything outside the allow-list; collect data names; return uses_previous."""
    budget[0] -= 1
    if budget[0] < 0:
        raise ConditionError(f"the expression has more than {MAX_NODES} parts")
    if depth > MAX_DEPTH:
        raise ConditionError(f"the expression is nested more than {MAX_DEPTH} levels deep")

    uses_previous = False
    children: list[ast.AST]
    match node:
        case ast.Attribute(value=value):
            # `a.b` is `a["b"]`: a key lookup in the data, never getattr
            children = [value]
        case ast.Name(id=name):
            if name == PREVIOUS:
                return True
            if name not in _LITERAL_NAMES:
                names.add(name)
            return False
        case ast.Constant(value=value):
            if isinstance(value, int) and value.bit_length() > MAX_INT_BITS:
                raise ConditionError(
                    f"a number in the expression is larger than {MAX_INT_BITS} bits"
                )
            if isinstance(value, bool | int | float | str) or value is None:
                return False
            raise ConditionError(f"{type(value).__name__} literals are not allowed")
        case ast.Call(func=func, args=args, keywords=keywords):
            if not isinstance(func, ast.Name):
                if isinstance(func, ast.Attribute):
                    raise ConditionError(
                        f"methods cannot be called (.{func.attr}()); only the functions "
                        "abs, min, max, len and round"
                    )
                raise ConditionError(
                    "only the functions abs, min, max, len and round can be called"
                )
            if func.id not in _ALLOWED_FUNCTIONS:
                raise ConditionError(
                    f"unknown function {func.id!r} (allowed: abs, min, max, len, round)"
                )
            if keywords:
                raise ConditionError(f"{func.id}() takes no keyword arguments here")
            children = list(args)
        case ast.BinOp(op=op) if type(op) not in _BINARY:
            raise ConditionError(
                f"the operator {_OPERATOR_SYMBOLS.get(type(op), '?')} is not allowed"
            )
        case ast.UnaryOp(op=ast.Invert()):
            raise ConditionError("the operator ~ is not allowed")
        case (
            ast.BoolOp()
            | ast.BinOp()
            | ast.UnaryOp()
            | ast.Compare()
            | ast.IfExp()
            | ast.Subscript()
            | ast.List()
            | ast.Tuple()
        ):
            children = [
                child for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr)
            ]
        case _:
            reason = _REFUSED_NODES.get(type(node))
            raise ConditionError(reason or f"{type(node).__name__} expressions are not allowed")

    for child in children:
        uses_previous |= _check(child, depth=depth + 1, names=names, budget=budget)
    return uses_previous


def _fold_constants(node: ast.expr, budget: _Budget) -> None:
    """Evaluate each largest sub-expression that reads no data, so its errors surface now;
    all of them share one small budget."""
    if _is_constant(node):
        if not isinstance(node, ast.Constant):
            _Evaluator({}, None, budget).visit(node)
        return
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.expr):
            _fold_constants(child, budget)


def _is_constant(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in _LITERAL_NAMES
    if isinstance(node, ast.Attribute):
        return False
    return all(_is_constant(child) for child in ast.iter_child_nodes(node))


# --- evaluating -------------------------------------------------------------------------


class _Budget:
    """Steps left, and a deadline looked at every ``_CLOCK_EVERY`` steps."""

    __slots__ = ("deadline", "max_steps", "next_clock", "steps")

    def __init__(self, max_steps: int, max_seconds: float) -> None:
        self.max_steps = max_steps
        self.steps = max_steps
        self.deadline = time.monotonic() + max_seconds
        self.next_clock = max_steps - _CLOCK_EVERY

    def spend(self, steps: int) -> None:
        self.steps -= steps
        if self.steps < 0:
            raise OutOfBudget(f"the condition needs more than {self.max_steps} steps of work")
        if self.steps <= self.next_clock:
            self.next_clock = self.steps - _CLOCK_EVERY
            if time.monotonic() > self.deadline:
                raise OutOfBudget("the condition took too long to evaluate")

    def size(self, value: Any, *, cap: int | None = None) -> int:
        """How many items ``value`` holds through nesting (a string: its length), paying a
        step per container item visited; stops counting past ``cap`` (or the budget)."""
        kind = type(value)
        if kind is str:
            return len(value)
        if kind not in _CONTAINERS and not isinstance(value, list | tuple | Mapping):
            return 1
        total = 0
        visited = 0
        stack = [value]
        push = stack.append
        while stack:
            item = stack.pop()
            kind = type(item)
            if kind is list or kind is tuple:
                children = item
            else:  # a mapping: its keys count like its values
                children = item.values()
                for key in item:
                    total += len(key) if type(key) is str else 1
            total += len(item)
            visited += len(item) + 1
            for child in children:
                kind = type(child)
                if kind is str:
                    total += len(child)
                elif kind is list or kind is dict or kind is tuple:
                    push(child)
                elif kind is not int and kind is not float and isinstance(child, _SIZED):
                    push(child)
            if cap is not None and total > cap:
                break
            if visited > self.steps:
                break
        self.spend(visited)
        return total


_CONTAINERS = frozenset({list, tuple, dict})
_SIZED = (list, tuple, Mapping)
_CLOCK_EVERY = 4_096


def _power(budget: _Budget, base: Any, exponent: Any) -> Any:
    if isinstance(base, int) and isinstance(exponent, int) and exponent > 0:
        if max(abs(base).bit_length(), 1) * exponent > MAX_INT_BITS and abs(base) > 1:
            raise ConditionError(f"{base} ** {exponent} is too large to compute")
    return operator.pow(base, exponent)


def _multiply(budget: _Budget, left: Any, right: Any) -> Any:
    if isinstance(left, int) and isinstance(right, int):
        if left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise ConditionError("the result of * is too large")
    for sequence, count in ((left, right), (right, left)):
        if isinstance(sequence, str | list | tuple) and isinstance(count, int):
            # the whole size: repeating a list of lists repeats everything inside
            size = budget.size(sequence, cap=MAX_SEQUENCE_LENGTH) if count > 0 else 0
            if size * max(count, 0) > MAX_SEQUENCE_LENGTH:
                raise ConditionError(
                    f"repeating a {_kind(sequence)} would make more than "
                    f"{MAX_SEQUENCE_LENGTH} items"
                )
            budget.spend(len(sequence) * max(count, 0))
    return operator.mul(left, right)


def _add(budget: _Budget, left: Any, right: Any) -> Any:
    if isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
        size = budget.size(left, cap=MAX_SEQUENCE_LENGTH) + budget.size(
            right, cap=MAX_SEQUENCE_LENGTH
        )
        if size > MAX_SEQUENCE_LENGTH:
            raise ConditionError(f"joining would make more than {MAX_SEQUENCE_LENGTH} items")
        budget.spend(len(left) + len(right))
    return operator.add(left, right)


def _modulo(budget: _Budget, left: Any, right: Any) -> Any:
    # `str % x` is printf formatting, which can build huge strings ('%*d' % (10**9, 1)).
    if isinstance(left, str):
        raise ConditionError("% is only for numbers here")
    return operator.mod(left, right)


def _plain(function: Callable[[Any, Any], Any]) -> Callable[[_Budget, Any, Any], Any]:
    return lambda _budget, left, right: function(left, right)


_BINARY: dict[type[ast.operator], Callable[[_Budget, Any, Any], Any]] = {
    ast.Add: _add,
    ast.Sub: _plain(operator.sub),
    ast.Mult: _multiply,
    ast.Div: _plain(operator.truediv),
    ast.FloorDiv: _plain(operator.floordiv),
    ast.Mod: _modulo,
    ast.Pow: _power,
}

_OPERATOR_SYMBOLS: dict[type[ast.operator], str] = {
    ast.LShift: "<<",
    ast.RShift: ">>",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.MatMult: "@",
}

_COMPARE: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
    ast.In: lambda left, right: left in right,
    ast.NotIn: lambda left, right: left not in right,
    ast.Is: operator.is_,
    ast.IsNot: operator.is_not,
}


def _round(value: Any, digits: Any = None) -> Any:
    if digits is not None and (not isinstance(digits, int) or abs(digits) > MAX_ROUND_DIGITS):
        raise ConditionError(f"round() takes a whole number of digits up to {MAX_ROUND_DIGITS}")
    return round(value) if digits is None else round(value, digits)


_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "abs": abs,
    "min": min,
    "max": max,
    "len": len,
    "round": _round,
}
#: calls whose work grows with their arguments (min and max compare every item)
_SIZED_CALLS = frozenset({"min", "max"})


class _Evaluator:
    def __init__(
        self, data: Mapping[str, Any], previous: Mapping[str, Any] | None, budget: _Budget
    ) -> None:
        self.data = data
        self.previous = previous
        self.budget = budget

    def visit(self, node: ast.expr) -> Any:
        try:
            return self._visit(node)
        except ConditionError:
            raise
        except ZeroDivisionError:
            raise ConditionError("division by zero") from None
        except OverflowError:
            raise ConditionError("a number in the expression is too large") from None
        except (TypeError, ValueError) as error:
            raise ConditionError(str(error)) from None
        except (RecursionError, MemoryError):
            raise ConditionError("the expression needs too much work") from None

    def _visit(self, node: ast.expr) -> Any:
        self.budget.spend(1)
        match node:
            case ast.Constant(value=value):
                return value
            case ast.Name(id=name):
                return self._name(name)
            case ast.Attribute(value=container_node, attr=key):
                container = self._visit(container_node)
                if not isinstance(container, Mapping):
                    raise ConditionError(
                        f"cannot read .{key} of {_describe(container)}: a dot reads a key "
                        "of an object"
                    )
                return self._lookup(container, key, node=container_node)
            case ast.BoolOp(op=ast.And(), values=values):
                result: Any = True
                for value in values:
                    result = self._visit(value)
                    if not result:
                        return result
                return result
            case ast.BoolOp(op=ast.Or(), values=values):
                result = False
                for value in values:
                    result = self._visit(value)
                    if result:
                        return result
                return result
            case ast.UnaryOp(op=ast.Not(), operand=operand):
                return not self._visit(operand)
            case ast.UnaryOp(op=ast.USub(), operand=operand):
                return -self._visit(operand)
            case ast.UnaryOp(op=ast.UAdd(), operand=operand):
                return +self._visit(operand)
            case ast.BinOp(left=left, op=op, right=right):
                return _BINARY[type(op)](self.budget, self._visit(left), self._visit(right))
            case ast.Compare(left=left, ops=ops, comparators=comparators):
                current = self._visit(left)
                for op, comparator in zip(ops, comparators, strict=True):
                    following = self._visit(comparator)
                    # comparing or searching may look at every item of both sides
                    self.budget.size(current)
                    self.budget.size(following)
                    if not _COMPARE[type(op)](current, following):
                        return False
                    current = following
                return True
            case ast.IfExp(test=test, body=body, orelse=orelse):
                return self._visit(body) if self._visit(test) else self._visit(orelse)
            case ast.Subscript(value=container_node, slice=key_node):
                container = self._visit(container_node)
                key = self._visit(key_node)
                return self._lookup(container, key, node=container_node)
            case ast.List(elts=items) | ast.Tuple(elts=items):
                built = [self._visit(item) for item in items]
                if self.budget.size(built, cap=MAX_SEQUENCE_LENGTH) > MAX_SEQUENCE_LENGTH:
                    raise ConditionError(f"a list would hold more than {MAX_SEQUENCE_LENGTH} items")
                return built
            case ast.Call(func=ast.Name(id=function), args=args):
                values = [self._visit(arg) for arg in args]
                if function in _SIZED_CALLS:
                    for value in values:
                        self.budget.size(value)
                return _FUNCTIONS[function](*values)
        raise ConditionError(f"{type(node).__name__} expressions are not allowed")

    def _name(self, name: str) -> Any:
        if name == PREVIOUS:
            return self._previous()
        if name in _LITERAL_NAMES:
            return _LITERAL_NAMES[name]
        if name in self.data:
            return self.data[name]
        raise ConditionError(f"{name!r} is not in the run's data{_has(self.data)}")

    def _previous(self) -> Mapping[str, Any]:
        return self.previous if self.previous is not None else {}

    def _lookup(self, container: Any, key: Any, *, node: ast.expr) -> Any:
        """``container[key]`` (or ``container.key``); ``node`` is the container's own
        expression, to say where a missing key was looked for."""
        if isinstance(container, Mapping):
            if key in container:
                return container[key]
            if _is_previous(node):
                if self.previous is None:
                    raise ConditionError(
                        f"{key!r} is not in the previous run's data (there is no previous run)"
                    )
                raise ConditionError(f"{key!r} is not in the previous run's data")
            where = _dotted(node)
            raise ConditionError(
                f"{key!r} is not in {where or 'the value'}" + (_has(container) if where else "")
            )
        if isinstance(container, list | tuple | str):
            if not isinstance(key, int) or isinstance(key, bool):
                raise ConditionError(f"a {_kind(container)} index must be a whole number")
            if not -len(container) <= key < len(container):
                raise ConditionError(f"index {key} is out of range ({len(container)} items)")
            return container[key]
        raise ConditionError(f"cannot index {_describe(container)}")


def _is_previous(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == PREVIOUS


def _dotted(node: ast.expr) -> str | None:
    """``body.quote`` for the node of a plain dotted name, to say where a key is missing."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


#: how many of the data's keys a missing-name error lists
_KEYS_SHOWN = 8


def _has(data: Mapping[str, Any]) -> str:
    """`` (it has: a, b, c)``: the names a missing-name error can point to instead."""
    keys = [k for k in data if isinstance(k, str)]
    if not keys:
        return " (it is empty)"
    shown = ", ".join(k if len(k) <= 40 else k[:39] + "…" for k in keys[:_KEYS_SHOWN])
    more = len(keys) - _KEYS_SHOWN
    return f" (it has: {shown}" + (f", and {more} more)" if more > 0 else ")")


def _kind(value: Any) -> str:
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "list"
    if isinstance(value, Mapping):
        return "object"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if value is None:
        return "null"
    return type(value).__name__


def _describe(value: Any) -> str:
    text = repr(value)
    if len(text) > 40:
        text = text[:37] + "..."
    return f"a {_kind(value)} ({text})"
