"""The stages in order; the first confident answer wins.

A stage returns None when it does not understand the text (the next stage tries),
or a ParseResult: with a schedule when it understood it, without one when it
understood enough to know the text must be refused ("at 5", "February 30") — then
no later stage is asked, because a later stage would only guess.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Final

from .build import build, one_bare_weekday
from .calendar_event import read_zoned_event
from .cron import split_cron
from .doubts import letter_runs
from .grammar import read, reads_nothing
from .humanize import describe
from .lexicon import DAY_LABELS
from .listings import hours_row
from .natural import dateparser_stage
from .phrase import NotUnderstood, Phrase, Rejected, names_only_a_zone
from .rawrule import read_rule
from .result import ParseResult
from .timetable import listing_reading
from .tokens import TokenizeError, tokenize
from .zones import UnknownZoneError, resolve_zone, zone_info

if TYPE_CHECKING:
    from .llm import LLMParser

MAX_LENGTH: Final = 500
RAW_CRON_CONFIDENCE: Final = 1.0

Stage = Callable[[str, str, datetime], "ParseResult | None"]


def regex_stage(
    text: str, zone_name: str, now: datetime, *, reminder: bool = False
) -> ParseResult | None:
    """The grammar (and raw cron). `now` is aware; `zone_name` is a valid IANA name.
    `reminder`: the text followed "remind me", so a time written "10:30 AM" is one run."""
    return read_whole(text, zone_name, now, reminder=reminder)[0]


#: What the grammar read of a text before a word it does not know: the phrase, and the index
#: of that word among the text's tokens.
Stopped = tuple[Phrase, int]


def read_whole(
    text: str, zone_name: str, now: datetime, *, reminder: bool = False
) -> tuple[ParseResult | None, Stopped | None]:
    """`regex_stage`'s answer and, when it is None because the grammar met a word it does not
    know, what the grammar read up to that word: a command's first run, which reading the
    command (`understand.read_command`) would otherwise read again."""
    try:
        rule = read_rule(text, zone_info(zone_name), zone_name, now)
        if rule is not None:
            schedule, confidence, notes = rule
            return ParseResult(schedule, None, confidence, "regex", notes=notes), None
        event = read_zoned_event(text)
        if event is not None:  # "OnCalendar=Fri 04:00 Europe/Berlin"
            return _raw_cron(event[0], event[1], "", zone_name=zone_name, now=now), None
        cron = split_cron(text)
        if cron is not None:
            return _raw_cron(*cron, zone_name=zone_name, now=now), None
        tokens = tokenize(text)
        if tokens and reads_nothing(tokens[0]):
            # a command that starts with its task ("check the build every …"): reading would
            # stop at once, and the command's reader skips such a word without a reading
            return None, None
        # partly: what a whole reading raises NotUnderstood for, a partial one stops at
        phrase, end = read(tokens, partial=True)
        if end < len(tokens):
            return None, (phrase, end)
        if reminder:
            phrase.padded_time = False
        else:
            _listing_line(text, phrase)
        built = build(phrase, zone_name=zone_name, now=now)
    except NotUnderstood:
        return None, None
    except (Rejected, TokenizeError) as error:
        refusal = ParseResult.rejected(
            error.reason, suggestion=error.suggestion, parse_method="regex"
        )
        return refusal, None
    except OverflowError:  # a date past year 9999 once its zone's offset is applied
        return ParseResult.rejected(OUT_OF_RANGE, parse_method="regex"), None
    result = ParseResult(
        built.schedule,
        None,
        built.confidence,
        "regex",
        notes=built.notes,
        exclusions=built.exclusions,
    )
    return result, None


def _listing_line(text: str, phrase: Phrase) -> None:
    """ "Saturday, 4:30pm": a line of a weekly listing is every such day, asked (`listings`)."""
    if hours_row_line(text, phrase):
        return
    if len(phrase.times) < 2 and one_bare_weekday(phrase):
        day = DAY_LABELS[phrase.weekdays[0]]
        weekly = listing_reading(text, day, whole=True)
        if weekly is not None:
            phrase.single_day, phrase.every = False, True
            phrase.unsure.append(weekly.note)


def hours_row_line(text: str, phrase: Phrase) -> bool:
    """Whether `phrase`, all of `text`, is a timetable's row of days and hours ("Mondays -
    11:30AM-3:30PM", "Monday 2:00 PM - 9:00 PM": `listings.hours_row`); if so, it is marked so:
    its range says when what goes on those days happens, and it runs at the range's start
    (asked when the range is long, `build`). One bare day with its range is every such day,
    asked, however long the range ("Saturday 1:15 PM - 6:00 PM", "Saturday 3:30 – 4:15 p.m."):
    a range beside a day is how a timetable or a page of opening hours writes it, where a
    request names the time it runs ("Monday at 2pm")."""
    if (
        phrase.window is None
        or phrase.times
        or not phrase.weekdays
        or phrase.interval is not None
        or phrase.window_between
        or phrase.window_open_end
        or phrase.dates
        or phrase.day_offset is not None
        or not hours_row(frozenset(letter_runs(text.lower())))
    ):
        return False
    if one_bare_weekday(phrase):
        phrase.single_day, phrase.every = False, True
        day = DAY_LABELS[phrase.weekdays[0]]
        phrase.unsure.append(
            f"a timetable's row (“{day} …–…”) read as every {day} at its start (it may mean once)"
        )
    elif not phrase.every:
        return False
    phrase.event_window = True
    return True


def _raw_cron(
    expression: str, cron_zone: str | None, rest: str, *, zone_name: str, now: datetime
) -> ParseResult:
    zone = cron_zone
    if rest.strip():
        only_a_zone = Rejected("only a time zone may follow a cron expression")
        try:
            phrase, _ = read(tokenize(rest))
        except NotUnderstood:
            raise only_a_zone from None
        if not names_only_a_zone(phrase):
            raise only_a_zone
        zone = phrase.zone
    if zone is not None:
        try:
            zone = resolve_zone(zone)
        except UnknownZoneError as error:
            raise Rejected(str(error)) from None
    schedule = {"type": "cron", "expression": expression, "timezone": zone or zone_name}
    notes = ("cron expression passed through",)
    return ParseResult(schedule, None, RAW_CRON_CONFIDENCE, "regex", notes=notes)


FAST_STAGES: Final[tuple[Stage, ...]] = (regex_stage, dateparser_stage)


def prepare(
    text: str, timezone: str, now: datetime | None
) -> tuple[str, str, datetime] | ParseResult:
    """Checks shared by every entry point: the text's size, the zone, `now`.

    A naive `now` is read as wall time in `timezone`.
    """
    text = " ".join(text.split())
    if not text:
        return ParseResult.rejected("the text is empty", suggestion="every weekday at 9am")
    if len(text) > MAX_LENGTH:
        return ParseResult.rejected(f"the text is longer than {MAX_LENGTH} characters")
    try:
        zone_name = resolve_zone(timezone)
    except UnknownZoneError as error:
        return ParseResult.rejected(str(error), suggestion="an IANA name such as America/New_York")
    if now is None:
        now = datetime.now(UTC)
    elif now.tzinfo is None:
        now = now.replace(tzinfo=zone_info(zone_name))
    return text, zone_name, now


def run_fast(text: str, zone_name: str, now: datetime) -> tuple[ParseResult | None, list[str]]:
    """The result of the first stage that answered, and notes from the ones that did not."""
    notes: list[str] = []
    for stage in FAST_STAGES:
        try:
            result = stage(text, zone_name, now)
            if result is not None:
                return finish(result, notes), notes
        except OverflowError:  # a date past year 9999 once its zone's offset is applied
            return ParseResult.rejected(OUT_OF_RANGE), notes
    return None, notes


OUT_OF_RANGE: Final = "a date in the text is out of range (years 1900-8999)"


def finish(result: ParseResult, notes: list[str] | tuple[str, ...] = ()) -> ParseResult:
    """Fill in `human_readable` and merge notes."""
    if result.schedule is None:
        return result
    described = describe(result.schedule)
    holidays = (result.exclusions or {}).get("holidays")
    if holidays and described:
        described += f", except {holidays['country']} public holidays"
    dates = (result.exclusions or {}).get("dates")
    if dates and described:
        # "every day except Dec 25"; a holiday's years ("except Christmas") said in short
        shown = dates if len(dates) <= 3 else [*dates[:2], f"{len(dates) - 2} more to {dates[-1]}"]
        described += ", except on " + ", ".join(shown)
    return result.replace(human_readable=described, notes=(*result.notes, *notes))


_NOT_A_SCHEDULE: Final = "could not find a schedule in the text"
_HINT: Final = "try something like “every weekday at 9am” or “tomorrow at 3pm”"


def parse_fast(text: str, *, timezone: str = "UTC", now: datetime | None = None) -> ParseResult:
    """Parse with the grammar and dateparser; no LLM, no I/O."""
    prepared = prepare(text, timezone, now)
    if isinstance(prepared, ParseResult):
        return prepared
    result, notes = run_fast(*prepared)
    if result is not None:
        return result
    return ParseResult.rejected(_NOT_A_SCHEDULE, suggestion=_HINT, notes=tuple(notes))


async def parse(
    text: str,
    *,
    timezone: str = "UTC",
    now: datetime | None = None,
    llm: LLMParser | None = None,
) -> ParseResult:
    """Parse with every stage in order, ending with the LLM when one is given."""
    prepared = prepare(text, timezone, now)
    if isinstance(prepared, ParseResult):
        return prepared
    result, notes = run_fast(*prepared)
    if result is not None:
        return result
    if llm is None:
        notes.append("llm stage skipped: no LLM configured")
        return ParseResult.rejected(_NOT_A_SCHEDULE, suggestion=_HINT, notes=tuple(notes))
    text, zone_name, aware_now = prepared
    return finish(await llm.parse(text, timezone=zone_name, now=aware_now), notes)
