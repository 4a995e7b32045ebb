"""Split a command into when, what and where, the way a Slack user types it.

"every Monday at 9 post the on-call handover to #ops" → schedule "every Monday at 9am",
goal "post the on-call handover", channel "#ops".

The channel is found first (`#name`, or Slack's escaped `<#C0123|name>`, with the "to"
or "in" before it). The schedule is then the longest run of words the grammar can read
from the start of the text, from its end, or both ("every Monday post the report at
9am"); the goal is what lies between. The pieces are tried as one schedule first, then
each alone, and the most confident reading wins. Only the grammar is used: it is fast
enough to try every split point, and the goal's words would confuse the other stages.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Final

from . import lexicon as lx
from .build import Built, build
from .cron import split_cron
from .grammar import read
from .phrase import NotUnderstood, Rejected
from .pipeline import finish, prepare, regex_stage
from .result import CommandParts, ParseResult
from .tokens import Token, TokenizeError, tokenize

_CHANNEL: Final = re.compile(
    r"(?:\b(?:to|in|into|on)\s+)?"
    r"(?:<#(?P<id>[CG][A-Z0-9]{2,})(?:\|[^>]*)?>|(?P<name>#[a-z0-9][a-z0-9._-]{0,79}))",
    re.IGNORECASE,
)
_GOAL_EDGES: Final = " \t,.;:-"
_GOAL_LEAD: Final = re.compile(r"^(?:(?:and|then|to)\s+)+", re.IGNORECASE)
_GOAL_TAIL: Final = re.compile(r"(?:\s+(?:and|then|at|on))+$", re.IGNORECASE)
_NO_SCHEDULE: Final = "could not find a schedule in the command"
_HINT: Final = "start with when, e.g. “every Monday at 9am post the report to #ops”"


def split_command(text: str, *, timezone: str = "UTC", now: datetime | None = None) -> CommandParts:
    """Schedule text, goal and channel of a command; `result` is the schedule's parse."""
    channel, rest = _take_channel(text)
    prepared = prepare(rest, timezone, now)
    if isinstance(prepared, ParseResult):
        return CommandParts(None, _goal(rest) or None, channel, prepared)
    rest, zone_name, aware_now = prepared
    try:
        cron = split_cron(rest)
    except Rejected:
        cron = None
    if cron is not None and cron[2].strip():
        schedule_text = rest[: len(rest) - len(cron[2])].strip()
        result = regex_stage(schedule_text, zone_name, aware_now)
        if result is not None:
            return CommandParts(schedule_text, _goal(cron[2]), channel, finish(result))
    try:
        tokens = tokenize(rest)
    except TokenizeError as error:
        reason = ParseResult.rejected(error.reason, suggestion=error.suggestion)
        return CommandParts(None, _goal(rest) or None, channel, reason)
    best = _best_split(tokens, zone_name, aware_now)
    if not isinstance(best, tuple):
        failed = ParseResult.rejected(_NO_SCHEDULE, suggestion=_HINT)
        if best is not None:  # the schedule was found but cannot be used ("at 5")
            failed = ParseResult.rejected(best.reason, suggestion=best.suggestion)
        return CommandParts(None, _goal(rest) or None, channel, failed)
    pieces, built = best
    schedule_text = " ".join(_spoken_text(rest, tokens, piece, built) for piece in pieces)
    # The goal is what lies outside the schedule's pieces (before, between or after).
    first, last = pieces[0], pieces[-1]
    goal_start = tokens[first[1] - 1].end if first[0] == 0 else 0
    goal_end = tokens[last[0]].start if last[1] == len(tokens) and last[0] > 0 else len(rest)
    result = ParseResult(built.schedule, None, built.confidence, "regex", notes=built.notes)
    return CommandParts(schedule_text, _goal(rest[goal_start:goal_end]), channel, finish(result))


def _take_channel(text: str) -> tuple[str | None, str]:
    matches = list(_CHANNEL.finditer(text))
    if not matches:
        return None, text
    match = matches[-1]
    channel = match.group("id") or match.group("name").lower()
    return channel, (text[: match.start()] + " " + text[match.end() :]).strip()


def _goal(text: str) -> str | None:
    goal = _GOAL_LEAD.sub("", text.strip(_GOAL_EDGES))
    goal = _GOAL_TAIL.sub("", goal).strip(_GOAL_EDGES)
    return goal or None


Piece = tuple[int, int]  # token range [start, end)


def _best_split(
    tokens: list[Token], zone_name: str, now: datetime
) -> tuple[list[Piece], Built] | Rejected | None:
    """The best reading, or why the schedule that was found cannot be used, or None."""
    n = len(tokens)
    prefix = _prefix_end(tokens)
    suffix = _suffix_start(tokens, prefix)
    candidates: list[list[Piece]] = []
    if prefix and suffix < n and suffix > prefix:
        candidates.append([(0, prefix), (suffix, n)])
    if prefix:
        candidates.append([(0, prefix)])
    if suffix < n:
        candidates.append([(suffix, n)])
    best: tuple[list[Piece], Built] | None = None
    refusal: Rejected | None = None
    for pieces in candidates:
        built = _try(tokens, pieces, zone_name, now)
        if isinstance(built, Rejected):
            refusal = refusal or built
            continue
        if built is None:
            continue
        if len(pieces) == 2:
            return pieces, built  # every word of the schedule is used: the best reading
        if best is None or built.confidence > best[1].confidence:
            best = (pieces, built)
    return best or refusal


def _prefix_end(tokens: list[Token]) -> int:
    try:
        _, end = read(tokens, partial=True)
    except Rejected:
        return 0
    while end and _is_filler(tokens[end - 1]):
        end -= 1
    return end


def _suffix_start(tokens: list[Token], prefix: int) -> int:
    for start in range(prefix, len(tokens)):
        try:
            _, end = read(tokens, start=start, partial=True)
        except Rejected:
            continue
        if end == len(tokens):
            # "… and every Monday": the "and" belongs to neither part.
            while start < end and _is_joiner(tokens[start]):
                start += 1
            return start
    return len(tokens)


def _is_filler(token: Token) -> bool:
    return (token.kind == lx.WORD and token.value in lx.FILLERS) or (
        token.kind == lx.SYM and token.value == ","
    )


def _is_joiner(token: Token) -> bool:
    return (token.kind == lx.WORD and token.value == "and") or token.kind == lx.SYM


def _try(
    tokens: list[Token], pieces: list[Piece], zone_name: str, now: datetime
) -> Built | Rejected | None:
    chosen = [token for start, end in pieces for token in tokens[start:end]]
    try:
        phrase, _ = read(chosen)
        return build(phrase, zone_name=zone_name, now=now)
    except NotUnderstood:
        return None
    except Rejected as refusal:
        return refusal


def _spoken_text(text: str, tokens: list[Token], piece: Piece, built: Built) -> str:
    """The schedule's words as typed, with bare hours written as read ("9" → "9am")."""
    start, end = tokens[piece[0]].start, tokens[piece[1] - 1].end
    out = text[start:end]
    for first, last, spoken in sorted(built.readings, reverse=True):
        if start <= first and last <= end:
            out = out[: first - start] + spoken + out[last - start :]
    return out
