"""What a schedule phrase said, slot by slot, and the two ways reading one can fail."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from datetime import datetime
from operator import attrgetter
from typing import Final

from .tokens import ClockTime

LAST_DAY: Final = -1  # day of the month: cron "L"
LAST_WEEKDAY: Final = -2  # day of the month: cron "LW"
# Days counted back from the end, below LAST_WEEKDAY: FROM_END - 1 is the second to last
# day of the month (RFC 5545 BYMONTHDAY=-2), FROM_END - 5 five days before the last.
FROM_END: Final = -10


class NotUnderstood(ValueError):
    """The grammar does not know a word here; a later stage may."""

    def __init__(self, index: int, word: str) -> None:
        super().__init__(f"did not understand {word!r}")
        self.index = index
        self.word = word


class Rejected(ValueError):
    """The phrase was understood and is ambiguous or impossible: no stage should guess."""

    #: the token where the clause refused began, when a reading refused it (``grammar.read``):
    #: a reading started later, before it, reaches the same clause
    at: int | None = None

    def __init__(self, reason: str, suggestion: str | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.suggestion = suggestion


@dataclass(slots=True)
class TimeMention:
    clock: ClockTime
    start: int  # span in the text, so split_command can write "9" back as "9am"
    end: int
    named: str | None = None  # "noon" | "midnight" | "end of day"


@dataclass(frozen=True, slots=True)
class DayRef:
    """A day named as a bound ("starting Monday", "until March 1"), not yet a date."""

    day_offset: int | None = None  # today 0, tomorrow 1
    weekday: int | None = None  # cron numbering
    after_today: bool = False  # "next Monday"
    date: tuple[int | None, int, int] | None = None  # (year, month, day)
    days_later: int = 0  # "for 2 weeks": counted from the start
    months_later: int = 0
    month_end: int | None = None  # "until the end of March" (3); of the month it starts (0)
    holiday: tuple[str, ...] | None = None  # "until Thanksgiving": its next date, in build
    week: bool = False  # "starting next week": the Monday it starts on, not a day named
    quarter_end: bool = False  # "until the end of the quarter": its last day
    monthday: int | None = None  # "starting the 15th": the next 15th


@dataclass(slots=True)
class Phrase:
    """Slots filled by the grammar; `build` turns them into a schedule."""

    every: bool = False  # "every", "daily", "mondays", a list of days, ...
    interval: tuple[float, str] | None = None  # (2, "hour"); "every other day" is (2, "day")
    quarter: bool = False  # "quarterly"/"every quarter": calendar quarters
    times: list[TimeMention] = field(default_factory=list)
    minute_past: int | None = None  # "every hour at :15"
    hour_unnamed: bool = False  # "at half past": minutes past an hour that nothing names
    more_minutes: list[int] = field(default_factory=list)  # "at :20 and :50": the others
    same_time: bool = False  # "this time tomorrow": the time of day it is now
    window: tuple[TimeMention, TimeMention] | None = None  # "from 9 to 5"
    window_open_end: bool = False  # "before 2:55pm": the end itself does not run
    window_between: bool = False  # "between 2 and 4pm": any time in it, not an event's span
    more_windows: list[tuple[TimeMention, TimeMention]] = field(default_factory=list)
    weekdays: list[int] = field(default_factory=list)  # cron numbering, 0 = Sunday
    single_day: bool = False  # one weekday, singular, no "every": "on Friday"
    on_day: bool = False  # a weekday said after "on" ("on tuesday at 5 and 6 pm"), not a label
    # an event that recurs by nature is named ("Office hours: Tuesday 2-3pm"): its day is weekly
    named_event: bool = False
    # words beside the schedule name what happens ("recycling collection occurs …"): a long window
    # beside repeating days says when it happens, and runs at its start
    event_window: bool = False
    # weekdays listed in the singular with no "every" before them: "friday and saturday"
    day_list: bool = False
    nth: list[tuple[int, int]] = field(default_factory=list)  # (1, 1) first Monday, (-1, 5)
    monthdays: list[int] = field(default_factory=list)  # or LAST_DAY, LAST_WEEKDAY
    # "every second and fourth week of the month": the weeks, whose weekday is named elsewhere
    # ("Tuesdays, …" — the 2nd and 4th Tuesday); -1 is the last week
    month_weeks: list[int] = field(default_factory=list)
    of_month: bool = False  # "of the month", "each month", "monthly"
    month_end: bool = False  # "the end of the month"
    months: list[int] = field(default_factory=list)
    dates: list[tuple[int | None, int, int]] = field(default_factory=list)  # (year, month, day)
    day_offset: int | None = None  # today 0, tomorrow 1
    #: "our meeting today occurs at 16:30 on Wednesdays": "today" before a habit's verb, which a
    #: repeating schedule reads as "nowadays"
    today_habit: bool = False
    next_weekday: bool = False  # "next Friday": strictly after today
    next_week: bool = False  # "Thursday next week": in the week (Monday-Sunday) after this one
    month_ahead: int | None = None  # "… of this month" 0, "… of next month" 1
    this_week: bool = False  # "Friday this week": in this week (Monday-Sunday)
    next_year: bool = False  # "11 January next year": the date's year is the one after this
    next_business_day: bool = False  # "next business day", "next weekday": after today, Mon-Fri
    days_before: int = 0  # "2 days before Christmas": days before the date named
    days_after: int = 0  # "a week from Friday", "the Friday after next": days after that day
    offset_seconds: float = 0.0  # "in 2 hours"
    # "15 minutes before the 4 PM standup", "an hour after 3pm": the run moves from the time
    # named by this many seconds (negative: before)
    shift_seconds: int = 0
    offset_months: int = 0  # "in 2 months"
    has_offset: bool = False
    offset_from_day: bool = False  # "a month from today": counted from a day, not this minute
    # "3 weeks from today": counted from today, which many say for "from now" (keeping the time
    # of day): with no time named, the day's default time is asked about
    from_today: bool = False
    part: str | None = None  # morning | afternoon | evening | night
    in_part: bool = False  # said "in the evening": alone, the next evening (asked)
    nightly: bool = False  # the part is "nightly"'s: a daily job's word, dawn included
    tonight: bool = False  # "tonight": the night of today, 8pm when no time is given
    waking: bool = False  # "wake me at 6", "alarm for 7": a bare early hour is the morning's
    alarm: bool = False  # said of an alarm, not of waking: the morning is a guess (asked)
    # the part of the day the task's words name ("at 8 for dinner": "evening"; "at 7 to leave
    # for work": "morning"; "lunch": "midday"), which settles a bare hour
    task_part: str | None = None
    task_said: bool = False  # a command: a task is said beside the schedule ("… to call Sam")
    zone: str | None = None
    instant: datetime | None = None  # a full ISO 8601 timestamp
    once: bool = False
    starting: DayRef | None = None  # "starting tomorrow"
    until: DayRef | None = None  # "until March 1", "for 2 weeks"
    business_hours: bool = False
    business_defined: bool = False  # "work hours (8 AM-6 PM)": the text says which hours
    each_day: bool = False  # "every day" with a shorter interval: runs on every day
    # "every week on Monday every 2 hours": the week ("week") or month ("month") the days
    # named fall in, said with a shorter interval; the days must then be named
    frame: str | None = None
    frame_count: int = 1  # "every 4 month(s) on day 7 every 5 hour(s)": every 4th month
    odd_hours: bool = False  # "every odd hour": 1, 3, ... 23
    hour_step: int = 1  # "every minute of every 3rd hour": the minutes of every 3rd hour
    minute_range: tuple[int, int] | None = None  # "in the first half of every hour": (0, 29)
    market_hours: bool = False  # "during US market hours": 9:30am-4pm New York
    times_per: tuple[int, str] | None = None  # "twice a day": (2, "day")
    times_per_adverb: bool = False  # written "3 times weekly", not "3 times a week"
    interval_start: TimeMention | None = None  # "every 3 hours starting at 8am"
    # the start time follows a thing that starts: "an event starting at 3pm", "a call starting…"
    start_of_thing: bool = False
    except_weekdays: list[int] = field(default_factory=list)  # "every day except Sunday"
    except_months: list[int] = field(default_factory=list)  # "daily except in May"
    # "every day except Dec 25", "@daily except 2030-12-25": dates left out, as the job's
    # exclusions.dates (year None: the next such date)
    except_dates: list[tuple[int | None, int, int]] = field(default_factory=list)
    # "every weekday except Christmas", "except Memorial Day and Thanksgiving": holidays left
    # out by name, their dates (the years the holidays package is asked for) as exclusions.dates
    except_fixed: list[tuple[int, int]] = field(default_factory=list)  # (month, day)
    except_named: list[tuple[str, ...]] = field(default_factory=list)  # a holiday's words
    # "except holidays": the public holidays of a country ("" = the zone's), as exclusions
    except_holidays: str | None = None
    # written like cron-descriptor's descriptions ("At 09:46 AM", "only on Monday"): a
    # time of day without a date is then a daily schedule, not one run
    descriptor: bool = False
    # a time written "09:46 AM" (cron-descriptor's way): a description too, unless the text is
    # a command with a task ("remind us about the post at 10:30 AM" is once)
    padded_time: bool = False
    # The order days ("d") and times ("t") were named in, and "x" for an exception: "Monday
    # at 9am and Friday at 5pm" (d t d t) is two schedules, never their cross product.
    order: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)  # "in 2027"
    holiday: tuple[str, ...] | None = None  # "thanksgiving", "memorial day": dates in build
    count: int | None = None  # "10 times", "3x", "for 5 occurrences": RFC 5545 COUNT
    # counted in the year (RFC 5545's yearly rules): "the 100th day of the year" (BYYEARDAY,
    # negative from its end), "week number 20" (BYWEEKNO), "the 20th Monday of the year" (`nth`
    # counted in the year, not the month)
    # "at midnight, 2am, 4am, and so on", "14:00, 14:05 … etc.": the times named go on
    times_continue: bool = False
    # several times read as one list ("at 8:15am and 5:30pm", "9, 12 and 15:00"), not times
    # said apart ("at 3 PM (17:00)", "at 2pm … at 9am")
    times_listed: bool = False
    yeardays: list[int] = field(default_factory=list)
    weeknos: list[int] = field(default_factory=list)
    year_nth: bool = False
    first_weekday: int = 0  # "the first business day of the month": BYSETPOS (1, 2, ... or -1)
    setpos_days: tuple[int, ...] = (1, 2, 3, 4, 5)  # the days it counts: weekend days (6, 0)
    # days of the week and of the month joined by "and"/"as well as" ("every Friday and the
    # 13th"): either one, cron's rule when both fields are restricted
    day_union: bool = False
    # a day of the month right after a weekday ("Friday the 13th"): both at once
    weekday_date: bool = False
    # a numeric date both of whose numbers could be the month ("5/6"), read in the date order
    date_order_guessed: bool = False
    assumptions: list[str] = field(default_factory=list)
    unsure: list[str] = field(default_factory=list)  # readings we chose among several: ask


def _quick_init(cls: type) -> None:
    """Give `cls` (a dataclass whose fields all have defaults) an __init__ that makes an
    empty one at half the cost: the grammar makes one for every run it reads (three a
    sentence). Called with keywords (`Phrase(zone=…)`, `dataclasses.replace`), it is the
    dataclass's own. The code is made from the fields, as the dataclass makes its own, so a
    field added to the class is set here too."""
    keyed_init = cls.__init__
    names: dict[str, object] = {"_keyed_init": keyed_init}
    lines = [
        "def __init__(self, **changes):",
        "    if changes:",
        "        _keyed_init(self, **changes)",
        "        return",
    ]
    for spec in fields(cls):
        if spec.default_factory is list:
            lines.append(f"    self.{spec.name} = []")  # a list display: no call
        elif spec.default_factory is not MISSING:
            names[f"_make_{spec.name}"] = spec.default_factory
            lines.append(f"    self.{spec.name} = _make_{spec.name}()")
        elif spec.default is not MISSING and _literal(spec.default):
            # None, False, 0, (1, 2, 3, 4, 5): a constant in the code, not a global to look up
            lines.append(f"    self.{spec.name} = {spec.default!r}")
        elif spec.default is not MISSING:
            names[f"_default_{spec.name}"] = spec.default
            lines.append(f"    self.{spec.name} = _default_{spec.name}")
        else:
            raise TypeError(f"{cls.__name__}.{spec.name} has no default")
    exec("\n".join(lines), names)  # our own code, made from the fields
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"  # type: ignore[attr-defined]
    cls.__init__ = init  # type: ignore[misc]


def _literal(value: object) -> bool:
    """Whether `value` is written back by its repr as the same constant: None, a bool, an int,
    a str, or a tuple of them."""
    if value is None or type(value) in (bool, int, str):
        return True
    return type(value) is tuple and all(_literal(item) for item in value)


_quick_init(Phrase)

# every slot but the zone, and what an empty phrase has in them
_BUT_ZONE: Final = attrgetter(
    *(spec.name for spec in fields(Phrase) if spec.compare and spec.name != "zone")
)
_EMPTY_BUT_ZONE: Final = _BUT_ZONE(Phrase())


def names_only_a_zone(phrase: Phrase) -> bool:
    """Whether the phrase names a zone and nothing else: `phrase == Phrase(zone=phrase.zone)`,
    without making a phrase to compare with (a fifth of the cost)."""
    return phrase.zone is not None and _BUT_ZONE(phrase) == _EMPTY_BUT_ZONE
