"""A schedule read from part of a sentence the whole of which was refused, to be confirmed.

Todoist's quick add and Slack's /remind take the date they recognise and leave the rest. We
do the same, honestly: when a sentence is refused for a *soft* reason (nothing in it was read
as a schedule as a whole: "could not find a schedule") and one part of it is a well-formed
schedule, that schedule is answered with `needs_confirmation` and a `reason` naming what
was not understood. The parts set aside are a remark in brackets, a clause or a sentence
before or after the schedule, markdown or code formatting, emoji:

    "The build server is slow. /remindme 1h30m Check the oven."  -> in 1h30m, to confirm
    "**3 days Call accountant about taxes**"                      -> in 3 days, to confirm

A part is only set aside when it says nothing about time (`carries_time` is false), or says
the same time again ("every Monday at 9am — 09:00"). A part that changes *when* — a
restriction, an end, a second time — is never dropped: the text stays refused. Hard refusals
(a time in the past, an impossible date, two schedules, a part the schedule cannot keep,
questions about and changes to jobs, hedges) are never salvaged: `is_soft` says which
reasons may be, in one place.

Pure: the reader of a part (`read`) and the test for words about time (`carries_time`) are
passed in by `understand`, which owns both; nothing here runs unless a sentence was refused.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from . import schedule_times
from .restated import PART_HOURS, Said, agreeing, clock_said
from .result import ParseResult


class Refusal(StrEnum):
    """What kind of refusal a reason is, for salvaging.

    SOFT: the text as a whole was not read as a schedule. CONFLICT: the words read as time do
    not fit together ("mixes a repeating schedule with a single date", "minutes past the hour
    only go with hourly schedules") — which words outside the schedule can cause ("every day
    at 6:30: is the build green?" reads "30:" as minutes). Both are salvaged only from a part
    that keeps every word about time (`_droppable`), read whole again: a real conflict is
    refused again. HARD: never salvaged — the grammar understood the words and they cannot
    be a schedule we would keep (past, impossible, two schedules, a count or end or
    restriction it would drop, ambiguous, vague, a question, a change to a job).
    """

    SOFT = "soft"
    CONFLICT = "conflict"
    HARD = "hard"


_SOFT: Final = frozenset({"could not find a schedule in the text"})
# Checked before _CONFLICT: a reason matching both is hard.
_HARD: Final = re.compile(
    r"in the past|gone by|never comes round|no such date|no coming|no run falls|"
    r"is not a|not a valid|not a time|not a date|not a day|there is no|has no|no month has|"
    r"a (?:day|year|quarter|week|month) has|an hour has|must be|shortest|longest|"
    r"two schedules|one schedule each|different times on different days|"
    r"cannot (?:also )?keep|cannot be kept|can(?:not)? only|leaves? no|leave (?:some|days) out|"
    r"ambiguous|may mean|does not say|say(?:s)? soon|all the time|name the|name one|needs its|"
    r"question|change to a job|empty|longer than|out of range|years ahead|"
    r"would end before|ends before|starts after|not supported|could not parse",
)
_CONFLICT: Final = re.compile(
    r"^the text (?:names (?:two|both|a time of day and)|mixes|counts from two)|"
    r"^a one-time schedule runs once$|"
    # a one-off with a bound: the bound's words are kept, so only a clause that hid "start"
    # from the imperative reading ("As discussed, start next week Tuesday") is set aside
    r"^only a repeating schedule can have a start or an end date$|"
    r"do(?:es)? not go (?:with|together)|do not combine|only go(?:es)? with|go(?:es)? with no",
)


def classify(reason: str | None) -> Refusal:
    """The kind of a refusal's reason. An unknown reason is hard: refuse rather than guess."""
    if reason in _SOFT:
        return Refusal.SOFT
    if reason is None or _HARD.search(reason):
        return Refusal.HARD
    return Refusal.CONFLICT if _CONFLICT.search(reason) else Refusal.HARD


SALVAGED_CONFIDENCE: Final = 0.6  # below CONFIRM_BELOW: every way in asks before saving


def to_confirm(result: ParseResult, note: str) -> ParseResult:
    """`result` read from part of a text, marked to confirm: its confidence at most
    SALVAGED_CONFIDENCE, and `note` saying what was set aside."""
    return result.replace(
        confidence=min(result.confidence, SALVAGED_CONFIDENCE), notes=(*result.notes, note)
    )


_MAX_SEGMENTS: Final = 8  # spans of 8 segments: 36 reads at most, on the refusal path only
_MAX_LENGTH: Final = 300

# Markdown and chat formatting around a schedule: a quote (">"), a list item ("-", "*"; not
# "1.", which may be a date: "1. Dezember"), bold or code markers. Emoji and other
# pictographs are set aside by their Unicode category.
_LINE_MARK: Final = re.compile(r"(?m)^[ \t]*(?:(?:>+|[-*+•])[ \t]+)+")
_EMPHASIS: Final = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__|`+([^`]+)`+")
# a remark in brackets, or words in double quotes (a message, or the schedule itself:
# 'cron: "0 9 * * 1"')
_BRACKETED: Final = re.compile(r'\(([^()]*)\)|\[([^\[\]]*)\]|\{([^{}]*)\}|"([^"]*)"|“([^”]*)”')
# Where a clause or sentence ends: ". " (before a capital, a bracket or a sign a chat bot's
# command starts with: "e.g. ++remind 1d Hi"), "; ", "! ", "? ",
# a new line, ", ", a dash between spaces, ": " — never inside "9:30" or "a.m."
_BOUNDARY: Final = re.compile(
    r"(?:(?<=[a-z0-9)\]])\.(?=\s+[A-Z0-9(\[\"“/!@#$%&+~>?])|[!?;]+|\u2026)\s+|\s*\n\s*|,\s+|\s+[-–—]+\s+"
    r"|:\s+"
)

# Words in a part set aside that may undo or change the schedule kept: never dropped.
_TURNS: Final = re.compile(
    r"\b(?:not|no|never|don'?t|doesn'?t|won'?t|stop|cancel|delete|remove|pause|skip|except|"
    r"instead|rather|unless|but|only|change|move|update|reschedule|postpone|snooze)\b|n't\b",
    re.IGNORECASE,
)


def may_turn(text: str) -> bool:
    """Whether `text` has a word that may undo or change a schedule ("not", "cancel",
    "instead"): read strictly, never set aside."""
    return _TURNS.search(text) is not None


def is_soft(reason: str | None) -> bool:
    """Whether a refusal with this reason may be salvaged from a part of the text."""
    return classify(reason) is not Refusal.HARD


@dataclass(frozen=True)
class Part:
    """A candidate: the words kept as the schedule and the pieces set aside."""

    kept: str
    dropped: tuple[str, ...]
    level: int  # how many clauses it keeps: the parts that keep most are tried first


def salvage(
    text: str,
    refusal: ParseResult,
    *,
    read: Callable[[str], ParseResult],
    carries_time: Callable[[str], bool],
) -> ParseResult | None:
    """The schedule a part of `text` says, to be confirmed; None when there is none, when the
    refusal is hard, or when the parts disagree or a part set aside says something about time
    the schedule does not."""
    if refusal.ok or not is_soft(refusal.reason) or len(text) > _MAX_LENGTH:
        return None
    timed = _memo(carries_time)
    found: list[tuple[Part, ParseResult]] = []
    level = None
    for part in parts(text):
        if level is not None and part.level < level:
            break  # the parts that keep most and read are the answer
        # Read a part only when it has words about time and what it sets aside could be set
        # aside: a tokenize per piece instead of the whole pipeline on every run of clauses.
        if not timed(part.kept) or not all(_may_drop(d, timed) for d in part.dropped):
            continue
        result = read(part.kept)
        if not result.ok or not all(_droppable(d, result, read, timed) for d in part.dropped):
            continue
        found.append((part, result))
        level = part.level
    if not found:
        return None
    schedules = {_key(result.schedule) for _, result in found}
    if len(schedules) != 1:
        return None  # two parts read as different schedules: which one?
    part, result = found[0]
    unread = "; ".join(f"“{d}”" for d in part.dropped if _words(d)) or "the formatting"
    reason = f"read “{part.kept.strip()}” as the schedule, without {unread}: to confirm"
    return result.replace(
        confidence=min(result.confidence, SALVAGED_CONFIDENCE),
        reason=reason,
        notes=(*result.notes, reason),
        target=result.target or refusal.target,
    )


# -- a sentence beside the schedule that only tells ---------------------------------------------

# Where one sentence ends and the next starts: ". " (or "!", "?") before a capital or a bracket
_SENTENCE: Final = re.compile(r"(?<=[A-Za-z0-9)\]\"”])[.!?]+\s+(?=[A-Z(\[\"“])")
# The same in a text typed all in lower case ("the report is due friday. remind me …"): any
# letter starts the next sentence, but not after an abbreviation ("7 p.m. tomorrow", "e.g.",
# "st.", "mr.")
_SENTENCE_LOWER: Final = re.compile(
    r"(?<!\.[a-z])(?<!\b[a-z])(?<!\bst)(?<!\bmr)(?<!\bdr)(?<!\bmrs)(?<!\bms)(?<!\bvs)"
    r"(?<=[a-z0-9)\]\"”])[.!?]+\s+(?=[a-z0-9(\[\"“])"
)
# A sentence that tells how things are: a subject with a determiner ("The report is due
# Friday", "Our office is closed on Monday") or "it"/"this"/"there" and a verb ("It does not
# run on Saturday or Sunday")
_TELLS: Final = re.compile(
    r"^\W*(?:(?:the|my|our|your|his|her|their|this|that|these|those)\s+[\w'’-]+|"
    r"(?:it|this|that|there)\s+(?:is|was|will|won'?t|does|doesn'?t|did|didn'?t|has|isn'?t|"
    r"can'?t|cannot|never|only|also|should|shouldn'?t|must|runs?|ran)\b)",
    re.IGNORECASE,
)
_NEGATION: Final = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.IGNORECASE)
_NOT_WORDS: Final = re.compile(
    r"\b(?:does|do|did|will|would|should|must|can)\s+not\b|\b(?:does|do|did|wo|would|should|"
    r"must|ca)n['’]t\b|\bnever\b|\bnot\b",
    re.IGNORECASE,
)


def sentence_aside(
    text: str,
    answer: ParseResult,
    *,
    read: Callable[[str], ParseResult],
    carries_time: Callable[[str], bool],
) -> ParseResult | None:
    """The schedule of the one sentence that asks for it, when the other sentences that speak
    of time only tell: "The report is due Friday. Remind me every Thursday at 15:00." (not
    Thursdays and Fridays), "Runs every weekday at 11:30 AM. It does not run on Saturday or
    Sunday." (a negation that agrees with the days: not every day). None when the text has one
    sentence, when the whole text already reads that way, when the sentence kept leaves its
    time of day to a default, or when a negated sentence names days the schedule keeps."""
    if ". " not in text and "! " not in text and "? " not in text:
        return None
    splitter = _SENTENCE_LOWER if text.islower() else _SENTENCE
    sentences = [piece.strip() for piece in splitter.split(text) if _words(piece)]
    if not 2 <= len(sentences) <= 4:
        return None
    timed = [sentence for sentence in sentences if carries_time(sentence)]
    if len(timed) < 2:
        return None
    kept = [s for s in timed if _TELLS.match(s) is None and _NEGATION.search(s) is None]
    if len(kept) != 1 or kept[0][0] in "([":
        return None  # "… at 9:00 AM Sydney time every day. (09:00)": an aside restates, not asks
    result = read(kept[0])
    if not result.ok or result.schedule is None:
        return None
    if any(note.startswith("no time given") for note in result.notes):
        return None  # "The meeting is at 10am. Every Monday.": the time is the other's
    if answer.ok and not _widened(answer.schedule, result.schedule):
        return None  # the whole text reads otherwise, and not only by the other's days
    aside = [s for s in timed if s is not kept[0]]
    if result.schedule["type"] == "at" and any(_repeats(read(s)) for s in aside):
        # "This action will mark issues as stale after 30 days. It will run every Sunday at
        # 00:00": the sentence that repeats is the job's schedule, not something told
        return None
    for sentence in aside:
        if _NEGATION.search(sentence) and not _agrees_negated(sentence, result, read):
            return None
    said = "; ".join(f"“{s}”" for s in aside)
    reason = f"read “{kept[0]}” as the schedule; {said} only tells: to confirm"
    return result.replace(
        confidence=min(result.confidence, SALVAGED_CONFIDENCE),
        reason=reason,
        notes=(*result.notes, reason),
        target=result.target or answer.target,
    )


def _repeats(result: ParseResult) -> bool:
    """Whether a sentence read alone is a schedule that repeats (not a single time)."""
    return result.ok and result.schedule is not None and result.schedule["type"] != "at"


def _widened(whole: dict[str, Any] | None, kept: dict[str, Any] | None) -> bool:
    """Whether the whole text's schedule is the kept sentence's with more days of the week:
    the other sentence's days were added to it ("… every Thursday" and "due Friday")."""
    whole_days, kept_days = _cron_days(whole), _cron_days(kept)
    if whole_days is None or kept_days is None or whole is None or kept is None:
        return False
    same_times = times_of_day(whole) == times_of_day(kept) != set()
    return same_times and kept_days < whole_days and whole.get("timezone") == kept.get("timezone")


def _agrees_negated(sentence: str, kept: ParseResult, read: Callable[[str], ParseResult]) -> bool:
    """Whether a negated sentence ("It does not run on Saturday or Sunday") names only days
    the kept schedule does not run on."""
    days = _cron_days(kept.schedule)
    if days is None:
        return False
    said = read(_NOT_WORDS.sub(" ", sentence))
    named = _cron_days(said.schedule) if said.ok else None
    return named is not None and named != set(range(7)) and named.isdisjoint(days)


def _cron_days(schedule: dict[str, Any] | None) -> set[int] | None:
    """The days of the week a cron schedule runs on (0 is Sunday), or None."""
    if schedule is None or schedule.get("type") != "cron":
        return None
    fields = str(schedule["expression"]).split()
    if len(fields) != 5 or fields[2] != "*" or fields[3] != "*":
        return None
    days: set[int] = set()
    for item in fields[4].replace("*", "0-6").split(","):
        if "#" in item or "L" in item or "/" in item:
            return None
        low, _, high = item.partition("-")
        if not low.isdigit() or (high and not high.isdigit()):
            return None
        days.update(d % 7 for d in range(int(low), int(high or low) + 1))
    return days


# -- a remark in brackets that says the time again, more exactly ----------------------------------

_LAST_BRACKET: Final = re.compile(r"\(([^()]*)\)\W*$")
_CLOCK_IN: Final = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\b\.?|\b\d{1,2}[:.]\d{2}\b", re.I
)
# a day said again by reference to the one outside: "(8:00 the next day)", "(9am that day)"
_SAME_DAY: Final = re.compile(
    r"^\W*(?:on\s+)?(?:the\s+)?(?:next|following|same)\s+day\W*$|^\W*(?:on\s+)?that\s+day\W*$",
    re.IGNORECASE,
)
RESTATED_NOTE: Final = "the time in brackets says the schedule's time exactly: read with it"


def restated_in_brackets(
    text: str, answer: ParseResult, *, read: Callable[[str], ParseResult]
) -> ParseResult | None:
    """ "Tomorrow morning (8:00 the next day)", "Monday morning (8:00 next Monday)": a remark in
    brackets that says the same day at a time in the part of the day outside — the schedule at
    that time. None unless the text was refused as a whole, the words outside read alone, the
    brackets hold one time of day, and what they say of the day agrees with the outside."""
    if answer.ok or "(" not in text:
        return None
    bracket = _LAST_BRACKET.search(text)
    if bracket is None:
        return None
    inside = bracket.group(1)
    clocks = _CLOCK_IN.findall(inside)
    if len(clocks) != 1:
        return None
    outside = text[: bracket.start()].strip()
    if not outside or not _in_the_part_said(outside, clocks[0]) or not read(outside).ok:
        return None
    combined = read(f"{outside} at {clocks[0].strip()}")
    if not combined.ok or combined.schedule is None:
        return None
    again = read(inside)
    if again.ok:
        if _key(again.schedule) != _key(combined.schedule):
            return None
    elif _SAME_DAY.match(_CLOCK_IN.sub(" ", inside)) is None:
        return None
    return combined.replace(notes=(*combined.notes, RESTATED_NOTE))


def _in_the_part_said(outside: str, clock: str) -> bool:
    """Whether the time in brackets can be the part of the day the words outside name
    ("tomorrow morning (8:00 …)", not "(8pm …)"): `restated.agreeing`; True when they name
    none, or several."""
    parts = [word for word in _WORD.findall(outside.lower()) if word in _PARTS_SAID]
    said = clock_said(clock)
    if len(set(parts)) != 1 or said is None:
        return True
    part = PART_HOURS[_PARTS_SAID[parts[0]]]
    return bool(agreeing(Said(part, None), said))


_WORD: Final = re.compile(r"[a-z]+")
_PARTS_SAID: Final = {**{part: part for part in PART_HOURS}, "tonight": "night"}


# -- how far off something is, said of it ------------------------------------------------------

# "remind me that frontendparty.com is in two days on September 24th at 9:00 AM": "is in two days"
# says how far off the event is (part of the message); the date is when to remind
_IS_IN: Final = re.compile(
    r"\b(?:is|are|'s|’s|was|will\s+be)\s+(in\s+(?:an?|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|a\s+couple\s+of|a\s+few|\d+)\s+(?:days?|weeks?|months?|hours?))\b",
    re.IGNORECASE,
)
DESCRIBED_DELAY_NOTE: Final = "“{}” read as how far off the thing is, not when to run: to confirm"


def described_delay(
    text: str, answer: ParseResult, *, read: Callable[[str], ParseResult]
) -> ParseResult | None:
    """The date of a text refused for naming a delay and a date, when the delay is said of
    something ("… is in two days on September 24th"): the date, to confirm."""
    if answer.ok or answer.reason != "the text names both a delay and a date":
        return None
    match = _IS_IN.search(text)
    if match is None:
        return None
    result = read(f"{text[: match.start(1)]} {text[match.end(1) :]}")
    if not result.ok:
        return None
    note = DESCRIBED_DELAY_NOTE.format(match.group(1))
    return to_confirm(result, note)


# -- a change told, with the new time after "to" ------------------------------------------------

# "I wanted to postpone this reminder to Thursday 8 AM": the time after "to" is the new one, not the
# end of a span. (A command that changes a job, "move my standup to Friday", is refused before.)
_CHANGED_TO: Final = re.compile(
    r"\b(?:postpon|reschedul|push|shift|bump|delay|mov)\w*\b[^.;!?]{0,60}?\b(?:to|until|till)\s+"
    r"(?P<when>[^.;!?]+)",
    re.IGNORECASE,
)
CHANGED_TO_NOTE: Final = (
    "a change to something that exists: the new time after “to” read, to confirm"
)


def changed_to(
    text: str, answer: ParseResult, *, read: Callable[[str], ParseResult]
) -> ParseResult | None:
    """The new time of a change told in a refused text ("postpone this reminder to Thursday 8
    AM"), to confirm."""
    if answer.ok or "change to a job" in (answer.reason or ""):
        return None
    match = _CHANGED_TO.search(text)
    if match is None:
        return None
    when = match["when"]
    if when[:1] == "`" and (closing := when.find("`", 1)) > 1:
        # "Move the weekly trigger from `0 10 * * 5` to `23 10 * * 5`, Friday 18:23
        # Asia/Taipei, …": the new expression quoted is the schedule (what follows restates it)
        quoted = read(when[1:closing])
        if quoted.ok:
            return to_confirm(quoted, CHANGED_TO_NOTE)
    result = read(when)
    if not result.ok:
        return None
    said = text[match.start() : match.start("when")]
    if (
        result.schedule is not None
        and result.schedule.get("type") == "at"
        and said.lower().lstrip().startswith(_LASTING_CHANGES)
    ):
        # (to postpone, push or delay is one run's change: "postpone the weekly report to
        # Friday" is this week's)
        frequency = _FREQUENCY_NAMED.search(said)
        if frequency is not None:
            # "reschedule nightly builds to start at 8am": the builds are nightly, and keep
            # being so at their new time
            # ("nightly" is only how often here: its night is no part of the new time)
            how_often = frequency.group().lower().replace("nightly", "daily")
            named = read(f"{when} {how_often}")
            if named.ok:
                return to_confirm(named, CHANGED_TO_NOTE)
    return to_confirm(result, CHANGED_TO_NOTE)


_LASTING_CHANGES: Final = ("reschedul", "mov", "shift")
# a frequency that names what is changed: "the nightly builds", "our weekly sync", "nightlybuilds"
_FREQUENCY_NAMED: Final = re.compile(
    r"\b(?:nightly|daily|weekly|monthly|hourly)(?=\b|builds?\b|backups?\b|jobs?\b|runs?\b)",
    re.IGNORECASE,
)


# -- the new schedule beside the old one: "X instead of Y", "not X, but Y" ----------------------

# "refresh debsecan reports every 6 hours instead of every hour", "Run the stale workflow only once
# a day at 08:00 instead of every hour": what follows "instead of" (up to the clause's end, or a
# word that opens another: "to", "for", "so", "because") is the schedule that was. (The pattern
# only starts at "instead of" / "rather than": one bounded look-ahead per character after it.)
_INSTEAD_OF: Final = re.compile(
    r"\s*,?\s*\b(?:instead\s+of|rather\s+than)\s+"
    r"(?:(?!\b(?:to|for|so|because|since|as|when|if|which|while|and|but)\b)[^.;,!?()\[\]])*",
    re.IGNORECASE,
)
# "Do not run `stale` workflow once an hour, but once a day (randomly picked 8:00).": the old
# schedule denied, then the new one after "but"
_NOT_BUT: Final = re.compile(
    r"^\W*(?:please\s+)?(?:do\s+not|don['’]t|not)\b[^.;!?]{1,80}?,?\s+but\s+"
    r"(?:rather\s+|instead\s+)?(?P<new>[^.;!?]+)",
    re.IGNORECASE,
)
_SENTENCES: Final = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_DEFAULT_SAID: Final = re.compile(
    r"\b(?:by\s+default|defaults?\s+(?:to|is)|default\s+schedule)\b", re.I
)


def _besides_the_default(text: str) -> tuple[str, str] | None:
    """The sentences of `text` besides the one that tells a default, and that one; None unless
    there are two or more sentences and exactly one tells a default."""
    sentences = _SENTENCES.split(text)
    if len(sentences) < 2 or len(sentences) > 6:
        return None
    told = [s for s in sentences if _DEFAULT_SAID.search(s)]
    if len(told) != 1:
        return None
    return " ".join(s for s in sentences if s is not told[0]), told[0]


INSTEAD_NOTE: Final = "“{old}” is the schedule that was: the new one read, to confirm"


def instead_of(
    text: str, answer: ParseResult, *, read: Callable[[str], ParseResult]
) -> ParseResult | None:
    """The new schedule of a refused text that says the old one beside it ("every 6 hours
    instead of every hour", "not once an hour, but once a day"): read without the old one, to
    confirm. None when the text says no such thing or the rest reads no schedule."""
    if answer.ok:
        return None
    lowered = text.lower()
    if "instead of" in lowered or "rather than" in lowered:
        old = _INSTEAD_OF.search(text)
        if old is not None and old.group().strip(" ,"):
            kept = f"{text[: old.start()]} {text[old.end() :].lstrip()}".rstrip()
            result = read(kept.replace(" .", ".").replace(" ,", ","))
            if result.ok:
                note = INSTEAD_NOTE.format(old=old.group().strip(" ,"))
                return to_confirm(result, note)
    if "default" in lowered and (others := _besides_the_default(text)) is not None:
        # "By default, this job may be configured to run every 15 minutes. For faster delivery,
        # update the schedule to run every 1 minute.": the default is the schedule that was
        result = read(others[0])
        if result.ok:
            note = INSTEAD_NOTE.format(old=others[1])
            return to_confirm(result, note)
    if " but " in lowered and "not" in lowered and (denied := _NOT_BUT.match(text)) is not None:
        result = read(denied["new"])
        if result.ok:
            note = INSTEAD_NOTE.format(old=text[: denied.start("new")].strip(" ,"))
            return to_confirm(result, note)
    return None


# "… for Sunday at 00:00 UTC before Monday maintenance.", "deploy Friday at 5pm ahead of Monday's
# launch": an event named by its day, which the run comes before or after — not a second run
_EVENT_BY_DAY: Final = re.compile(
    r"\s+(?:before|after|ahead\s+of|prior\s+to|in\s+time\s+for)\s+(?:the\s+|our\s+|next\s+|this\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:['’]s)?\s+"
    r"(?!(?:at|morning|afternoon|evening|night|noon|midnight|and|or|to|from|every|each)\b)"
    r"[a-z]{3,}(?:\s+(?!(?:at|on|and|or|to|from)\b)[a-z]{3,})?\b",
    re.IGNORECASE,
)
EVENT_BY_DAY_NOTE: Final = (
    "“{event}” names an event by its day, not a run: read without it, to confirm"
)


def without_event_by_day(
    text: str, answer: ParseResult, *, read: Callable[[str], ParseResult]
) -> ParseResult | None:
    """A refused (or asked) text read without an event it names by its day ("before Monday
    maintenance"), to confirm; None when it names none, or the rest reads no schedule."""
    if (answer.ok and not answer.needs_confirmation) or "day" not in text.lower():
        return None
    event = _EVENT_BY_DAY.search(text)
    if event is None:
        return None
    rest = f"{text[: event.start()]}{text[event.end() :]}"
    if answer.ok and _DAYS_OF_ITS_OWN.search(rest) is None:
        return None  # "from 3:30 PM - 4:30 PM before the Saturday Vigil Mass": the same day
    result = read(rest)
    if not result.ok:
        return None
    note = EVENT_BY_DAY_NOTE.format(event=event.group().strip())
    return to_confirm(result, note)


# the days a run names of its own, beside an event named by its day
_DAYS_OF_ITS_OWN: Final = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|mon|tue|wed|thu|fri|sat|sun|daily|"
    r"nightly|weekly|weekdays?|weekends?|every\s+day|each\s+day)\b",
    re.IGNORECASE,
)


# "HPE official September 3 announcement: … — September 30, 8:30am PT": a date that names a
# thing (an announcement, a release), beside the date of the run
_EVENT_BY_DATE: Final = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"\s+(?:announcement|release|notice|post|update|newsletter|email|report|press\s+release)s?\b",
    re.IGNORECASE,
)


def without_event_by_date(
    text: str, answer: ParseResult, *, read: Callable[[str], ParseResult]
) -> ParseResult | None:
    """A text refused for naming two dates, read without the one that names a thing ("September
    3 announcement"), to confirm; None when there is none, or the rest reads no schedule."""
    if answer.ok or not any(char.isdigit() for char in text):
        return None
    event = _EVENT_BY_DATE.search(text)
    if event is None:
        return None
    result = read(f"{text[: event.start()]}{text[event.end() :]}")
    if not result.ok:
        return None
    note = EVENT_BY_DAY_NOTE.format(event=event.group().strip())
    return to_confirm(result, note)


def parts(text: str) -> Iterator[Part]:
    """The candidates, most kept first: the text without its formatting, then every run of
    its clauses and sentences (as written, with what separates them), with and without the
    remarks in brackets inside it."""
    plain = plain_text(text)
    if plain != " ".join(text.split()) and plain:
        yield Part(plain, (), _MAX_SEGMENTS + 1)
    spans = _segments(plain)[:_MAX_SEGMENTS]
    n = len(spans)
    seen = {plain}
    for size in range(n, 0, -1):
        for i in range(n - size + 1):
            kept = plain[spans[i][0] : spans[i + size - 1][1]]
            outside = tuple(
                piece
                for start, end in (*spans[:i], *spans[i + size :])
                if _words(piece := plain[start:end])
            )
            bare = _BRACKETED.sub(" ", kept)
            aside = tuple(_inner(m) for m in _BRACKETED.finditer(kept) if _words(m.group()))
            if size == 1 and bare != kept and not _words(bare):
                kept, bare = _inner(_BRACKETED.search(kept)), ""  # a remark alone: its words
            for words, dropped in ((kept, outside), (bare, (*outside, *aside))):
                words = " ".join(words.split()).strip(" ,;:-–—")
                if words and words not in seen and _words(words):
                    seen.add(words)
                    yield Part(words, dropped, size)


def plain_text(text: str) -> str:
    """`text` without markdown marks, code quotes and emoji: formatting, not words."""
    out = _LINE_MARK.sub("", text)
    if "*" in out or "_" in out or "`" in out:
        out = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2) or m.group(3), out)
    if not out.isascii():
        out = "".join(" " if _pictograph(c) else c for c in out)
    return " ".join(out.split())


def _pictograph(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk", "Cs", "Co") or char in "\u200d\ufe0f"


def _segments(text: str) -> list[tuple[int, int]]:
    """Where the clauses and sentences of `text` are, each remark in brackets on its own."""
    spans: list[tuple[int, int]] = []
    last = 0
    for match in _BRACKETED.finditer(text):
        spans.extend(_pieces(text, last, match.start()))
        spans.append(match.span())
        last = match.end()
    spans.extend(_pieces(text, last, len(text)))
    return spans


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    for match in _BOUNDARY.finditer(text, start, end):
        if _words(text[start : match.start()]):
            yield start, match.start()
        start = match.end()
    if _words(text[start:end]):
        yield start, end


def _inner(match: re.Match[str]) -> str:
    return next(g for g in match.groups() if g is not None)


def _words(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _memo(carries_time: Callable[[str], bool]) -> Callable[[str], bool]:
    known: dict[str, bool] = {}

    def timed(piece: str) -> bool:
        if piece not in known:
            known[piece] = carries_time(piece)
        return known[piece]

    return timed


def _may_drop(piece: str, timed: Callable[[str], bool]) -> bool:
    """Whether a piece could be set aside, before anything is read: no word that may undo or
    change the schedule ("not", "cancel", "instead"), and no word about time but a bare time
    said again ("(09:00)")."""
    piece = piece.strip(_WRAPPERS)
    if _TURNS.search(piece):
        return False
    return not timed(piece) or _BARE_TIME.fullmatch(piece) is not None


def _droppable(
    piece: str,
    kept: ParseResult,
    read: Callable[[str], ParseResult],
    timed: Callable[[str], bool],
) -> bool:
    """A piece that `_may_drop` is set aside when it says nothing about time, or is a time of
    day the kept schedule runs at ("every Monday at 9am (09:00)"), in the same zone."""
    piece = piece.strip(_WRAPPERS)
    if not timed(piece):
        return True
    again = read(piece)
    if again.schedule is None or kept.schedule is None or again.schedule["type"] != "at":
        return False
    return _restates_time(again.schedule, kept.schedule)


_WRAPPERS: Final = '()[]{}"“” '


# A time said again in other words: "(15:00)", "(that is 3 PM)", "i.e. 09:00" — a time of day
# alone, with no day, date or zone that could say something else.
_BARE_TIME: Final = re.compile(
    r"(?:(?:i\.?e\.?|that\s+is|which\s+is|aka|or|=)[,:]?\s*)?"
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?|h|hrs|hours)?",
    re.IGNORECASE,
)


def _restates_time(once: dict[str, Any], schedule: dict[str, Any]) -> bool:
    """A one-off read from a bare time ("09:00") restates a schedule that runs at that time of
    day, in the same zone ("every Monday at 9am", "tomorrow at 9am")."""
    if once.get("timezone") != schedule.get("timezone"):
        return False
    return not times_of_day(once).isdisjoint(times_of_day(schedule))


def times_of_day(schedule: dict[str, Any] | None) -> set[tuple[int, int]]:
    """The times of day a schedule runs at (`schedule_times.times_of_day`), as a set: empty
    when it does not run at fixed ones."""
    return set(schedule_times.times_of_day(schedule) or ())


def _key(schedule: dict[str, Any] | None) -> str:
    return repr(sorted((schedule or {}).items()))
