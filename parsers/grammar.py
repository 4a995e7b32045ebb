"""The regex stage's grammar: clauses over tokens fill the slots of a Phrase.

People put the parts of a schedule in any order ("at 9am every weekday Pacific",
"every weekday at 9am Pacific"), so the grammar is a loop over clauses rather than
one fixed sentence shape: at each position the clause that starts with the current
token's kind reads as much as it can and fills its slots. A word no clause accounts
for stops the loop — with `NotUnderstood` (a later stage may know it) or, when
reading a prefix for `split_command`, by returning the position.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import replace
from typing import Final

from . import lexicon as lx
from .frequency import runs_in_span
from .observances import (
    CUES,
    SAID_WHOLE,
    is_holiday_name,
    known_country,
    said_short,
    same_holiday,
    zone_country,
)
from .phrase import (
    FROM_END,
    LAST_DAY,
    LAST_WEEKDAY,
    DayRef,
    NotUnderstood,
    Phrase,
    Rejected,
    TimeMention,
)
from .places import PLACE_NOUNS
from .restated import SUMMER, WINTER, Said, agreeing, in_the_gap_weeks
from .settings import date_order, date_order_chosen
from .tokens import ClockTime, Token
from .zones import (
    UnknownZoneError,
    countries_only,
    keeps_offset,
    lookup_place,
    place_starts,
    resolve_zone,
)

# Set while a command that names a job is read ("run at 6am on the weekend"): a job repeats, so
# "the weekend" is every weekend, both days (alone, or in a reminder, it is refused: which?)
WEEKEND_JOB: ContextVar[bool] = ContextVar("WEEKEND_JOB", default=False)
WEEKEND_JOB_NOTE: Final = "“the weekend” read as every weekend, Saturday and Sunday (a job repeats)"

_MOST_TERMS: Final = 8  # terms of one amount: years to seconds, and a spare
_SECONDS: Final = {
    "second": 1,
    "minute": 60,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
    "fortnight": 1209600,
}
_PARTS: Final = frozenset({"morning", "afternoon", "evening", "night"})
_SUB_DAILY: Final = frozenset({"second", "minute", "hour"})


def _is_frame(count: float, unit: str) -> bool:
    """ "every week", "every 4 month(s)": a period that can frame the days a shorter interval
    runs on."""
    return unit in ("week", "month") and count == int(count) and 1 <= count <= 12


# words after a bare number that make it a time of day: "8 tonight", "9 tomorrow"
_TIME_CUES: Final = frozenset({"tonight", "tomorrow", "today"})
# Verbs of a habit ("occurs" is read as "repeat"): "today" before them may mean "nowadays"
# ("the meeting today occurs at 16:30 UTC on Wednesdays")
_HABIT_VERBS: Final = frozenset(
    {"repeat", "occurs", "happens", "happen", "meets", "meet", "runs", "run", "takes"}
)
# words between "in" and an amount of time that leave it a delay: "in exactly 2 hours"
_DELAY_WORDS: Final = frozenset(
    {"exactly", "just", "only", "precisely", "another", "about", "around", "roughly"}
    | {"approximately", "approx"}
)
# words before a holiday's name that make it a thing's ("a Christmas tree", "our Easter brunch")
_DETERMINERS: Final = frozenset({"a", "the", "my", "our", "your", "his", "her", "their", "this"})
_POSSESSIVE_HOLIDAYS: Final = frozenset({"mother's", "mothers", "father's", "fathers"})
_FREQUENCIES: Final = {
    "daily": (1, "day"),
    "hourly": (1, "hour"),
    "minutely": (1, "minute"),
    "weekly": (1, "week"),
    "monthly": (1, "month"),
    "yearly": (1, "year"),
    "nightly": (1, "day"),
    "fortnightly": (2, "week"),
    "biweekly": (2, "week"),
    "triweekly": (3, "week"),
    "semiannually": (6, "month"),
    "biannually": (6, "month"),
    "bimonthly": (2, "month"),
}
_LIST_SYMBOLS: Final = (",", "&", "/")
# what "as of" starts a series from: a day named ("as of March 1", "as of Monday", "as of 1/5")
_AS_OF_KINDS: Final = frozenset({lx.DAY, lx.DATE, lx.SLASHDATE, lx.ORD})
# Between two mentions of days of the week, words that make the second narrow the first
# ("every Monday on Tuesdays"): prepositions, articles and "every"
_DAY_PREPOSITIONS: Final = frozenset({"on", "in", "during", "over"})
# what may follow "alarm" to say when it rings ("alarm every weekday at 6", "an alarm tomorrow
# at 7", "alarm on weekdays at 6"), besides a day's name
_ALARM_DAYS: Final = frozenset({"every", "each", "daily", "on", "tomorrow", "today", "tonight"})
_DAY_KINDS: Final = frozenset({lx.DAY, lx.DAYS, lx.DAYSET})
# the words before "alarm" that make it one to set ("set a recurring alarm for weekdays at 7",
# "recurring" read as "repeat"), not a thing's ("the fire alarm", "a false alarm")
_ALARM_BEFORE: Final = frozenset(
    {None, "a", "an", "my", "the", "set", "repeat", "daily", "new", "morning"}
)
# a hedge between "at" and its time: "at around two", "at about 3.00pm"
_AT_HEDGES: Final = frozenset({"around", "about", "approximately", "roughly"})
# what may follow a bare hour said "around" for it to be the time of day ("tomorrow around two
# about the tailor", "around 4 tomorrow", "every day around 10."): not "around 10 people"
_AFTER_ROUGH_KINDS: Final = frozenset({lx.SYM, lx.DAY, lx.DAYS, lx.ZONE, lx.MONTH})
_AFTER_ROUGH_HOUR: Final = frozenset(
    "about to for and on tomorrow today tonight in this with please so then or oclock "
    "regarding re".split()
)
_NARROWING_WORDS: Final = _DAY_PREPOSITIONS | {"the", "every", "each", "only"}
# Words after the second amount of "every 1 hour 30 minutes …" that make it an offset, not
# more of the interval: "every hour, 15 minutes past", "every day 30 minutes before it",
# "every 2 hours 8 hours a day" (after "after"/"before"/"from" — "starting" — only a time of
# day keeps it the interval's: "every 1 hour 30 minutes starting at 9am")
_NOT_MORE_DURATION: Final = frozenset(
    {"past", "to", "of", "ago", "later", "earlier", "prior", "a", "each", "every", "in", "into"}
)
_UNLESS_TIME_FOLLOWS: Final = frozenset({"after", "before", "from"})
# "30 minutes prior to the call", "an hour ahead of the flight": as "before"
_SHIFT_PAIRS: Final = frozenset({("prior", "to"), ("ahead", "of")})
_MINUTE_RELATIONS: Final = frozenset({"past", "after", "of", "to"})  # "15 past the hour"
# after "the day after next", a word that makes "next" part of another name ("the day after next
# Friday" is a Saturday)
_NAMES_AFTER_NEXT: Final = frozenset({lx.DAY, lx.DAYS, lx.DAYSET, lx.UNIT, lx.MONTH})
_FOOLS: Final = frozenset({"fools", "fool's", "fools'", "fool"})
# words whose numbers after them are people's ages or school years, not times ("ages 6-10")
_COUNTED_BY_NUMBER: Final = frozenset({"ages", "aged", "grades", "grade"})
# plural nouns a number counts that do not end in "s" ("10:00, 12 people")
_COUNTED_IRREGULAR: Final = frozenset({"people", "children", "men", "women", "kids"})
# "+2d", "+1w": days and weeks by their letter, only right after "+" and a number
_DAY_LETTERS: Final = {"d": 86400, "w": 604800}
_NOON: Final = ClockTime(12, 0, "pm", False)
_BUSINESS_CLOCKS: Final = (ClockTime(9, 0, "am", False), ClockTime(5, 0, "pm", False))
_MIDNIGHT: Final = ClockTime(0, 0, None, True)
_END_OF_DAY: Final = ClockTime(23, 59, None, True)
_END_OF_BUSINESS: Final = ClockTime(5, 0, "pm", False)


def read(
    tokens: list[Token], *, start: int = 0, partial: bool = False, walked: set[int] | None = None
) -> tuple[Phrase, int]:
    """Read clauses from `start`; returns the phrase and where reading stopped.

    With `partial`, an unknown word ends the reading instead of raising NotUnderstood.
    `walked`: the same set for every reading of the same tokens (schedule_runs reads from each
    word): where a list of minutes was read to its end already, with no "past" after it.
    """
    reader = _Reader(tokens)
    reader.walked = walked
    end = reader.run(start, partial=partial)
    for token in tokens[start:end]:
        if token.guess is not None:  # a misspelled name: say which word it was read as
            note = f"“{token.guess.capitalize()}” read for a misspelling"
            if note not in reader.phrase.assumptions:
                reader.phrase.assumptions.append(note)
        if token.unsure is not None and token.unsure not in reader.phrase.unsure:
            if token.kind == lx.MONTH and _day_month_chosen():
                continue  # "1.5." with day/month dates chosen: 1 May, sure
            reader.phrase.unsure.append(token.unsure)
    return reader.phrase, end


def _day_month_chosen() -> bool:
    """Whether the owner chose day/month dates (AGENTCRON_DATE_ORDER=DMY, or given)."""
    return date_order_chosen() and date_order() == "DMY"


# Words that make "office hours" after them a time window: "during office hours"
_WINDOW_WORDS: Final = frozenset(
    "during in within outside after before through throughout across between only".split()
)

# "but no less than quarterly", "but no later than 5pm": a bound compared, not days left out
_COMPARED: Final = frozenset({"less", "more", "later", "earlier", "fewer", "sooner"})

# What "every-" may be joined to: "every-second Thursday", "every-other week", "every-day"
_AFTER_EVERY_DASH: Final = frozenset({lx.ORD, lx.WORD, lx.UNIT, lx.DAY, lx.DAYS, lx.DAYSET})

# Words that open a clause of their own after "but" ("but beware of the switch to summer
# time", "but we may move it", "but please confirm"): "but" does not leave days out there
_CLAUSE_OPENERS: Final = frozenset(
    "beware note please remember watch keep be make check mind i we you it it's its this that "
    "they he she there if when feel do don't dont may might can could should will would "
    "sometimes also then still that's let's lets".split()
)


# words of time a plural of which may follow two bare numbers: "between 8 and 12 hours"
_UNIT_PLURALS: Final = frozenset(
    "hours hrs minutes mins seconds secs days weeks months years".split()
)


# words between a span's count and its unit that say its units come one after another
_IN_TURN: Final = frozenset({"consecutive", "straight", "successive"})


class _Reader:
    __slots__ = (
        *("adverb", "and_every", "business_stop", "days_end", "n", "phrase", "tokens"),
        "walked",
    )

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.n = len(tokens)
        self.phrase = Phrase()
        # the interval so far came from "daily"/"weekly": "every 2 days" may refine it
        self.adverb = False
        self.days_end = -1  # where the last days of the week named ended
        # an interval said after "and every" ("every minute and every hour"): a second schedule
        self.and_every = False
        self.business_stop = -1  # where the words "business hours" ended, in the text
        # the items of lists of minutes read to their end with no "past"/"to" after them
        # (`read`): a reading of the list from one of them but its last is none either
        self.walked: set[int] | None = None

    # -- the loop -----------------------------------------------------------------

    def run(self, i: int, *, partial: bool) -> int:
        try:
            while i < self.n:
                token = self.tokens[i]
                if token.kind == lx.WORD:
                    handler = _WORD_CLAUSES.get(token.value)  # type: ignore[arg-type]
                    j = handler(self, i) if handler is not None else self._place(i)
                else:
                    j = _KIND_CLAUSES[token.kind](self, i)
                if j is None:
                    if partial:
                        return i
                    raise NotUnderstood(i, str(token.value))
                i = j
        except Rejected as refusal:
            refusal.at = i  # the clause refused (schedule_runs need not start before it again)
            raise
        return i

    # -- looking at tokens --------------------------------------------------------

    def _kind(self, i: int) -> str | None:
        return self.tokens[i].kind if i < self.n else None

    def _word(self, i: int) -> object:
        """The canonical keyword at i, or None if i is not a keyword."""
        if i < self.n and self.tokens[i].kind == lx.WORD:
            return self.tokens[i].value
        return None

    def _is_unit(self, i: int, *units: str) -> bool:
        return i < self.n and self.tokens[i].kind == lx.UNIT and self.tokens[i].value in units

    def _is_sym(self, i: int, symbol: str) -> bool:
        return i < self.n and self.tokens[i].kind == lx.SYM and self.tokens[i].value == symbol

    def _is_separator(self, i: int) -> int:
        """Length of a list separator at i: ",", "and", ", and", "/"; 0 if none."""
        if i >= self.n:
            return 0
        token = self.tokens[i]  # looked at once: every list of times and days asks this
        if (token.kind == lx.SYM and token.value in _LIST_SYMBOLS) or (
            token.kind == lx.WORD and token.value == "and"
        ):
            if self._word(i + 1) == "and":
                return 2
            return 1
        return 0

    def _is_range(self, i: int) -> bool:
        if i >= self.n:
            return False
        token = self.tokens[i]  # (one look: lists and spans of every kind ask this)
        return (token.kind == lx.SYM and token.value == "-") or (
            token.kind == lx.WORD and token.value == "to"
        )

    # -- slot setters that refuse contradictions ----------------------------------

    def _set_interval(self, count: float, unit: str) -> None:
        if unit == "fortnight":
            count, unit = count * 2, "week"
        if count <= 0:
            raise Rejected("an interval must be more than zero")
        current = self.phrase.interval
        joined, self.and_every = self.and_every, False
        if current is not None and current != (count, unit) and joined:
            # "/remindme every minute and every hour to test": two schedules, never the first
            # of them alone ("Every minute, every hour, every day" is one, said verbosely)
            raise Rejected(
                "the text names two different intervals: that is two schedules",
                "make one job for each interval",
            )
        if current is not None and current != (count, unit):
            # "every 30 minutes during business hours, every day": the day says the runs
            # go on every day (no day left out), not that they are a day apart
            if (count, unit) == (1, "day") and current[1] in _SUB_DAILY:
                self.phrase.each_day = True
                return
            if (count, unit) == (1, "hour") and current[1] in ("second", "minute"):
                return  # "Every minute, every hour, every day" (a describer's verbose words)
            # "every week on Monday, every 2 hours", "the first Monday of every 1 month(s)
            # every 2 hours" (SQL Server Agent's words): the week or month only frames the
            # days named, on which the shorter interval runs
            if _is_frame(count, unit) and current[1] in _SUB_DAILY:
                self.phrase.frame, self.phrase.frame_count = unit, int(count)
                return
            if current == (1, "day") and unit in _SUB_DAILY:
                self.phrase.each_day = True
            elif _is_frame(*current) and unit in _SUB_DAILY:
                self.phrase.frame, self.phrase.frame_count = current[1], int(current[0])
            elif not (self.adverb and current == (1, unit)):
                # "Daily, recur every 2 days" (Windows Task Scheduler's summary): the kind of
                # repeat, then how often — one interval, said twice
                raise Rejected("the text names two different intervals")
        self.adverb = False
        self.phrase.interval = (count, unit)
        self.phrase.every = True

    def _set_part(self, part: str) -> None:
        if self.phrase.part not in (None, part):
            raise Rejected(f"the text names both {self.phrase.part} and {part}")
        self.phrase.part = part

    def _set_day_offset(self, days: int) -> None:
        if self.phrase.day_offset not in (None, days):
            raise Rejected("the text names two different days")
        self.phrase.day_offset = days

    def _set_zone(self, zone: str) -> None:
        current = self.phrase.zone
        if current not in (None, zone):
            if keeps_offset(current, zone):
                zone = current  # "Eastern (UTC-5)": the offset only says it again
            elif not keeps_offset(zone, current):
                raise Rejected(f"the text names two time zones ({current} and {zone})")
        self.phrase.zone = zone

    # -- times --------------------------------------------------------------------

    def _time_at(self, i: int) -> tuple[TimeMention, int] | None:
        """A time of day at i: "9am", "18:30", "noon", a bare hour ("9", "1700"), or a
        spoken one ("half past 9", "quarter to 8")."""
        if i >= self.n:
            return None
        spoken = self._spoken_time(i)
        if spoken is not None:
            return spoken
        token = self.tokens[i]
        kind = token.kind
        end = i + 1
        named = None
        if kind == lx.TIME:
            clock = token.value
        elif kind == lx.WORD and token.value == "noon":
            clock, named = _NOON, "noon"
        elif kind == lx.WORD and token.value == "midnight":
            clock, named = _MIDNIGHT, "midnight"
        elif kind == lx.WORD and token.value == "middle" and self._mid_night(i):
            clock, named, end = _MIDNIGHT, "midnight", self._mid_night(i)  # "mid-night"
        elif kind == lx.WORD and token.value in ("zero", "oh"):
            return self._spoken_24h(i + 1, zero=True)  # "zero nine hundred"
        elif kind == lx.NUM and isinstance(token.value, int):
            value = token.value
            width = 1 if token.spelled else token.end - token.start
            if token.spelled:
                said = self._spoken_24h(i)  # "seventeen thirty", "eighteen hundred hours"
                if said is not None:
                    return said
            if token.spelled and not 0 < value <= 12:
                return None  # "at twenty": not a way to say a time
            if token.spelled:
                said = self._spelled_clock(i)  # "nine thirty", "eight fifteen pm"
                if said is not None:
                    return said
            meridiem = self._meridiem(end) if token.spelled else None
            if meridiem is not None:
                clock, after = ClockTime(value, 0, meridiem[0], False), meridiem[1]  # "eight am"
                return TimeMention(clock, token.start, self.tokens[after - 1].end), after
            if width == 4 and value % 100 < 60 and value < 2400:
                clock = ClockTime(value // 100, value % 100, None, True)  # "1700", "0930"
            elif width == 3 and value % 100 < 60 and value >= 100 and self._at_before(i):
                # "at 630", "@ 915": 6:30 and 9:15 with the colon left out (as quick-add
                # boxes and alarm apps take them), right after "at" only — "630 users" counts
                clock = ClockTime(value // 100, value % 100, None, False, digital=True)
                if value < 600:  # "sell at 150": a price as much as 1:50 at night
                    self.phrase.unsure.append(f"“{value}” read as {value // 100}:{value % 100:02d}")
            elif width <= 2 and value < 24:
                is_24h = value == 0 or value > 12 or (width == 2 and value < 10)
                # "12 UTC", "0 UTC and 12 UTC": an hour said in UTC is on the 24-hour clock
                is_24h = is_24h or self._utc_at(end)
                clock = ClockTime(value, 0, None, is_24h)
            else:
                return None
            if self._kind(end) == lx.UNIT or self._word(end) in ("past", "times", "occurrences"):
                return None  # "5 minutes", "15 past", "10 times": not a time of day
            if self._kind(end + (self._word(end) == "of")) == lx.MONTH:
                return None  # "18 June", "18 of June": a day of the month
            if value == 12 and self._word(end) == "noon":
                end += 1
                clock, named = _NOON, "noon"
            elif value == 12 and self._word(end) == "midnight":
                end += 1  # "12 midnight": midnight, not 12 (noon) and midnight
                clock, named = _MIDNIGHT, "midnight"
        else:
            return None
        if self._word(end) == "oclock":
            end += 1
        assert isinstance(clock, ClockTime)
        meridiem = self._meridiem(end)
        if meridiem is None and clock.meridiem is None and not clock.is_24h and named is None:
            meridiem = self._part_meridiem(end, clock.hour)  # "9 in the morning"
        if clock.meridiem is None and not clock.is_24h and meridiem is not None:
            clock = ClockTime(clock.hour, clock.minute, meridiem[0], False)  # "3 oclock pm"
            end = meridiem[1]
        return TimeMention(clock, token.start, self.tokens[end - 1].end, named), end

    def _utc_at(self, j: int) -> bool:
        """Whether the zone at j is UTC ("UTC", "Z", "GMT+0" read as Etc/…)."""
        if j >= self.n or self.tokens[j].kind != lx.ZONE:
            return False
        zone = str(self.tokens[j].value)
        return zone == "UTC" or zone.startswith("Etc/")

    def _part_meridiem(self, j: int, hour: int) -> tuple[str, int] | None:
        """ "in the morning", "in the evening", "at night" right after a bare hour: that
        hour's am or pm, and the index after the words. Each time keeps its own ("at 9 in the
        morning and 5 in the evening"); an hour the part does not hold ("12 in the morning")
        is left to the part of the day as before."""
        if self._word(j) == "in" and self._word(j + 1) == "the":
            part, after = self._word(j + 2), j + 3
        elif self._word(j) == "at" and self._word(j + 1) == "night":
            part, after = "night", j + 2
        else:
            return None
        meridiem = part_meridiem(str(part), hour)
        return None if meridiem is None else (meridiem, after)

    def _at_before(self, i: int) -> bool:
        """Whether "at" or "@" comes right before i."""
        return i > 0 and self._word(i - 1) in ("at", "@")

    def _meridiem(self, j: int) -> tuple[str, int] | None:
        """ "am"/"pm" at j, also written "a m" or "in the PM" (Duckling's "3 in the AM"):
        the meridiem and the index after it."""
        word = self._word(j)
        if word in ("am", "pm"):
            return str(word), j + 1
        if word in ("a", "p") and self._is_unit(j + 1, "minute"):
            m = self.tokens[j + 1]
            if m.end - m.start == 1:  # "a m": the tokenizer reads a lone "m" as minutes
                return ("am" if word == "a" else "pm"), j + 2
        if word == "in" and self._word(j + 1) == "the" and self._word(j + 2) in ("am", "pm"):
            return str(self._word(j + 2)), j + 3
        return None

    def _spoken_minutes(self, j: int) -> tuple[int, int] | None:
        """Minutes in words at j, and the index after them: "oh five", "thirty", "fifty nine"."""
        if self._word(j) == "oh" and self._spelled(j + 1, 1, 9):
            return int(self.tokens[j + 1].value), j + 2  # type: ignore[call-overload]
        if not self._spelled(j, 10, 59):
            return None
        minute, j = int(self.tokens[j].value), j + 1  # type: ignore[call-overload]
        # "fifty nine", "fifty-nine"
        dash = self._is_sym(j, "-") and self._spelled(j + 1, 1, 9)
        if minute % 10 == 0 and minute >= 20 and self._spelled(j + dash, 1, 9):
            j += dash
            minute, j = minute + int(self.tokens[j].value), j + 1  # type: ignore[call-overload]
        return minute, j

    def _spelled_clock(self, i: int) -> tuple[TimeMention, int] | None:
        """An hour and its minutes in words: "nine thirty", "eight fifteen pm", "six oh
        five", "nine fifty nine a m". Without am/pm the hour is read like a bare one."""
        hour = int(self.tokens[i].value)  # type: ignore[call-overload]
        spoken = self._spoken_minutes(i + 1)
        if spoken is None:
            return None
        minute, j = spoken
        meridiem = self._meridiem(j)
        if meridiem is None and self._kind(j) == lx.UNIT:
            return None  # "nine twenty minutes": an amount, not a time
        end = meridiem[1] if meridiem is not None else j
        clock = ClockTime(hour, minute, meridiem[0] if meridiem else None, False)
        return TimeMention(clock, self.tokens[i].start, self.tokens[end - 1].end), end

    def _spoken_24h(self, i: int, *, zero: bool = False) -> tuple[TimeMention, int] | None:
        """The 24-hour clock said aloud, at i: "seventeen thirty", "twenty one fifteen",
        "eighteen hundred (hours)", "nine hundred hours", and after "zero"/"oh" (`zero`),
        "zero nine hundred". An hour of 12 or less with minutes is left to _spelled_clock."""
        if not self._spelled(i, 0, 23):
            return None
        hour, j = int(self.tokens[i].value), i + 1  # type: ignore[call-overload]
        if hour == 20 and self._is_sym(j, "-"):
            j += 1  # "twenty-one"
        if hour == 20 and self._spelled(j, 1, 3):
            hour, j = 20 + int(self.tokens[j].value), j + 1  # type: ignore[call-overload]
        elif j > i + 1:
            return None
        if zero and hour > 9:
            return None
        thousand = False
        if hour == 1 and j == i + 1 and self._word(j) == "thousand":
            # "one thousand one hundred am" (11 am), "one thousand two hundred pm": the clock
            # said as a number, as speech-to-text writes it
            if not (self._spelled(j + 1, 0, 3) and self._word(j + 2) == "hundred"):
                return None
            hour, j, thousand = 10 + int(self.tokens[j + 1].value), j + 2, True  # type: ignore[call-overload]
        minute = None
        if self._word(j) == "hundred":
            minute, j = 0, j + 1
            said = self._hundred_and(j)  # "five hundred and thirty (am)"
            if said is None:
                return None
            minute, j = said
            meridiem = self._meridiem(j)
            military = zero or thousand or self._is_unit(j, "hour")
            clock = hundreds_clock(hour, minute, meridiem[0] if meridiem else None, military)
            if clock is None:
                return None
            if meridiem is not None:
                j = meridiem[1]
            elif self._kind(j) == lx.UNIT and not self._is_unit(j, "hour"):
                return None  # "eighteen hundred dollars" is not said
            elif self._is_unit(j, "hour"):
                j += 1  # "eighteen hundred hours"
            start = self.tokens[i - 1 if zero else i].start
            return TimeMention(clock, start, self.tokens[j - 1].end), j
        elif thousand:
            return None
        elif hour > 12 and not zero and (spoken := self._spoken_minutes(j)) is not None:
            minute, j = spoken
        if minute is None or (self._kind(j) == lx.UNIT and not self._is_unit(j, "hour")):
            return None  # "eighteen hundred dollars" is not said; "seventeen thirty minutes" is
        if self._is_unit(j, "hour"):
            j += 1  # "eighteen hundred hours"
        start = self.tokens[i - 1 if zero else i].start
        clock = ClockTime(hour, minute, None, True)
        return TimeMention(clock, start, self.tokens[j - 1].end), j

    def _hundred_and(self, j: int) -> tuple[int, int] | None:
        """The minutes after "hundred", at j, and the index after them: none (0, j), "and
        thirty", "thirty", "and five"; None when a number follows that is no minutes ("nine
        hundred and eighty nine": a radio station)."""
        k = j + (self._word(j) == "and")
        spoken = self._spoken_minutes(k)
        if spoken is not None:
            return spoken
        if k > j and self._spelled(k, 1, 9):
            return int(self.tokens[k].value), k + 1  # type: ignore[call-overload]
        if self._kind(k) == lx.NUM:
            return None
        return 0, j

    def _spelled(self, j: int, low: int, high: int) -> bool:
        """Whether j is a number written as a word, from low to high."""
        if j >= self.n:
            return False
        token = self.tokens[j]
        return (
            token.kind == lx.NUM
            and token.spelled
            and isinstance(token.value, int)
            and low <= token.value <= high
        )

    def _spoken_time(self, i: int) -> tuple[TimeMention, int] | None:
        """ "half past 9", "a quarter past 10", "quarter to 8", "10 past 6", "20 to noon", and
        half an hour after, as said in Britain: "half five", "half 9"."""
        first = self.tokens[i]  # (asked at every time and number read: most are neither)
        if first.kind == lx.WORD:
            if first.value not in ("half", "a"):
                return None
        elif first.kind not in (lx.NUM, lx.UNIT):
            return None  # "9am", "18:30"
        if self._word(i) == "half":
            british = self._half_an_hour_on(i)
            if british is not None:
                return british
        j = i + 1 if self._word(i) == "a" else i
        bare = False  # "10 to 5" is a range, "10 minutes to 5" and "20 to noon" are times
        if self._word(j) == "half":
            minute = 30
        elif self._is_unit(j, "quarter"):
            minute = 15
        elif self._kind(j) == lx.NUM and isinstance(self.tokens[j].value, int):
            minute = int(self.tokens[j].value)  # type: ignore[call-overload]
            if not 0 < minute < 60:
                return None
            if self._is_unit(j + 1, "minute"):
                j += 1
            else:
                bare = True
        else:
            return None
        relation = self._word(j + 1)
        if relation not in ("past", "after", "to"):
            return None
        at = j + 2
        if bare and relation == "to" and self._word(at) not in ("noon", "midnight"):
            return None
        if self._word(at) in ("noon", "midnight"):
            hour, typed_24h = (12, False) if self._word(at) == "noon" else (0, True)
            meridiem = None
        elif self._kind(at) == lx.NUM and isinstance(self.tokens[at].value, int):
            token = self.tokens[at]
            hour = int(token.value)  # type: ignore[call-overload]
            if (token.end - token.start > 2 and not token.spelled) or hour > 23:
                return None
            typed_24h, meridiem = hour == 0 or hour > 12, None
        elif self._kind(at) == lx.TIME:
            clock = self.tokens[at].value
            assert isinstance(clock, ClockTime)
            if clock.minute:
                return None
            hour, typed_24h, meridiem = clock.hour, clock.is_24h, clock.meridiem
        else:
            return None
        if meridiem is None and not typed_24h and self._word(at + 1) in ("am", "pm"):
            meridiem = str(self._word(at + 1))  # "half past three pm"
            at += 1
        if relation == "to":
            minute = 60 - minute
            if typed_24h or hour == 0:
                hour = (hour - 1) % 24
                typed_24h = True
            else:
                hour = hour - 1 if hour > 1 else 12
                if hour == 11 and meridiem is not None:  # "quarter to 12pm" is 11:45 am
                    meridiem = "am" if meridiem == "pm" else "pm"
        clock = ClockTime(hour, minute, meridiem, typed_24h)
        return TimeMention(clock, self.tokens[i].start, self.tokens[at].end), at + 1

    def _half_an_hour_on(self, i: int) -> tuple[TimeMention, int] | None:
        """ "half five" at i (the word "half"): 5:30, the hour read like a bare one; not "half
        5 hours" nor "half past"."""
        at = i + 1
        if self._kind(at) == lx.TIME:  # "half 5pm"
            typed = self.tokens[at].value
            assert isinstance(typed, ClockTime)
            if typed.minute or typed.is_24h or typed.meridiem is None:
                return None
            clock = ClockTime(typed.hour, 30, typed.meridiem, False)
            return TimeMention(clock, self.tokens[i].start, self.tokens[at].end), at + 1
        if self._kind(at) != lx.NUM or not isinstance(self.tokens[at].value, int):
            return None
        token = self.tokens[at]
        hour = int(token.value)  # type: ignore[call-overload]
        if not 1 <= hour <= 12 or (not token.spelled and token.end - token.start > 2):
            return None
        end = at + 1
        if self._kind(end) == lx.UNIT or self._word(end) in ("past", "after", "of"):
            return None
        meridiem = self._meridiem(end)
        if meridiem is not None:
            end = meridiem[1]
        clock = ClockTime(hour, 30, meridiem[0] if meridiem else None, False)
        return TimeMention(clock, self.tokens[i].start, self.tokens[end - 1].end), end

    def _times(self, i: int) -> int | None:
        """A time, a list of times ("9am and 5pm") or a window ("9am-5pm")."""
        if i > 0 and self._word(i - 1) in _COUNTED_BY_NUMBER:
            return None  # "for ages 0-5", "grades 3-5": who, not when
        found = self._time_at(i)
        if found is None:
            return None
        mention, j = found
        if (
            self.phrase.times
            and not self._is_range(j)
            and not self._is_separator(j)
            and self._kind(j) != lx.ZONE  # "9am (9:00 CET)": another zone's time, not again
        ):
            aside = self._time_aside(mention)
            if aside is not None:
                self.phrase.assumptions.append(aside)
                return j
        if (
            mention.clock.padded
            and self._word(i - 1) == "at"
            and (mention.clock.hour < 10 or self._is_sym(i - 2, ","))
        ):
            # "At 09:46 AM", "at 06:00 am": cron-descriptor's words, its hour padded with a zero
            # as nobody types one for a single run, or after a comma ("…past the hour, at 12:00
            # AM"); "at 10:15 AM" is written as people write times, in any case, and a time
            # alone is one run ("at 10:15 am", Slack's /remind reading). A time written
            # so by itself ("12:14 PM") or after a day ("Friday 05:00 PM") is a time
            self.phrase.padded_time = True
        self.phrase.order.append("t")
        if self._is_range(j):
            # "9-to-5" (three tokens) as well as "9-5" and "9 to 5"
            joined = self._is_sym(j, "-") and self._word(j + 1) == "to" and self._is_sym(j + 2, "-")
            other = self._time_at(j + (3 if joined else 1))
            if other is not None:
                return self._set_window(mention, other[0], other[1])
        listed_from = len(self.phrase.times)
        self.phrase.times.append(mention)
        j = self._other_meridiem(mention, j)
        while True:
            j = self._zone_between_times(j)
            step = self._is_separator(j)
            more = self._time_at(j + step) if step else None
            if more is None or self._counted_item(more[0], more[1]):
                break
            self.phrase.times.append(more[0])
            self.phrase.times_listed = True
            j = self._other_meridiem(more[0], more[1])
        if len(self.phrase.times) - listed_from > 1:
            self.phrase.times[listed_from:] = meridiem_said_once(self.phrase.times[listed_from:])
        if len(self.phrase.times) > 1:
            j = self._and_so_on(j)
        return j

    def _time_aside(self, mention: TimeMention) -> str | None:
        """A time said again without am/pm after it was said with them ("5:30pm at Pioneer
        Park … meet at 5:30"): on the 12-hour clock, as it was said, not a second run at 05:30;
        the note that says so, or None."""
        clock = mention.clock
        if clock.meridiem is not None or clock.is_24h or not 1 <= clock.hour <= 12:
            return None
        hour, minute = clock.hour, clock.minute
        for said in self.phrase.times:  # a loop, not any(): a run of times asks at each one
            said_clock = said.clock
            if (
                said_clock.meridiem is not None
                and said_clock.hour == hour
                and said_clock.minute == minute
            ):
                return f"“{hour}:{minute:02d}” read as the time said before, again"
        return None

    def _zone_between_times(self, j: int) -> int:
        """ "00 UTC and 12 UTC", "11 AM UTC & 11 PM UTC", "13UTC and 23UTC": a list of times
        with the zone said after each; at j, the zone of the time just read, when the next
        item is a time followed by the same zone. It is set, and the list goes on after it
        (j itself when there is no such zone)."""
        if j >= self.n or self.tokens[j].kind != lx.ZONE:
            return j
        step = self._is_separator(j + 1)
        more = self._time_at(j + 1 + step) if step else None
        if more is None or more[1] >= self.n:
            return j
        after = self.tokens[more[1]]
        if after.kind != lx.ZONE or after.value != self.tokens[j].value:
            return j
        self._set_zone(str(self.tokens[j].value))
        return j + 1

    def _and_so_on(self, j: int) -> int:
        """ "…, 6am, 8am, and so on", "14:00, 14:05 … etc.": the list of times goes on."""
        k = j + (self._is_sym(j, ",") and self._word(j + 1) in ("and", "etc"))
        if self._word(k) == "etc":
            self.phrase.times_continue = True
            return k + 1
        if self._word(k) == "and" and self._word(k + 1) == "so":
            # "and so on", "and so forth" (a command's reading may have left "on" out, a filler)
            self.phrase.times_continue = True
            return k + 2 + (self._word(k + 2) in ("on", "forth"))
        return j

    def _other_meridiem(self, mention: TimeMention, j: int) -> int:
        """ "6 AM/PM", "02:17 am/pm": the same hour in the morning and the evening (the "/"
        is not a token, so the other half is a bare "pm" right after the time)."""
        meridiem = mention.clock.meridiem
        other = self._word(j)
        if meridiem not in ("am", "pm") or other not in ("am", "pm") or other == meridiem:
            return j
        token = self.tokens[j]
        clock = replace(mention.clock, meridiem=str(other))
        self.phrase.times.append(TimeMention(clock, token.start, token.end))
        return j + 1

    def _set_window(self, start: TimeMention, end: TimeMention, j: int) -> int:
        if self.phrase.window is not None:
            if self.phrase.business_hours and (start.clock, end.clock) == _BUSINESS_CLOCKS:
                return j  # "during business hours (9 AM - 5 PM)": the same hours again
            implicit = self.phrase.window[0].end == 0  # the 9-to-5 business hours stand in
            if self.phrase.business_hours and implicit and self._defines_business_hours(start):
                # "during work hours (8 AM-6 PM, Mon-Fri)": the hours that define them
                self.phrase.window = (start, end)
                self.phrase.business_defined = True
                return j
            if self.phrase.market_hours and implicit and not self.phrase.more_windows:
                # "Market hours: every 15 minutes from 9:30 AM to 4:30 PM": the hours said are
                # the ones meant (the exchange's clock stays, unless a zone is named)
                self.phrase.window = (start, end)
                self.phrase.window_open_end = False
                return j
            if self.phrase.business_hours or len(self.phrase.more_windows) >= 3:
                raise Rejected("the text names two time windows")
            # "every minute between 7:00 and 9:00, and between 16:00 and 18:00": build keeps
            # several windows only where one cron expression can run in all of them
            self.phrase.more_windows.append((start, end))
            return j
        self.phrase.window = (start, end)
        return j

    def _defines_business_hours(self, start: TimeMention) -> bool:
        """Whether a window's start follows the words "business hours" closely enough to say
        which hours they are: right after them ("work hours (8 AM-6 PM)"), or after the days
        they are kept on ("business hours (weekdays 8AM-6PM)", "(Mon-Fri, 8-6)")."""
        gap = start.start - self.business_stop
        if 0 <= gap <= 3:
            return True
        if not 0 < gap <= 24:
            return False
        between = [t for t in self.tokens if self.business_stop <= t.start < start.start]
        return bool(between) and all(
            t.kind in (lx.DAY, lx.DAYSET) or (t.kind == lx.SYM and t.value in ("-", ","))
            for t in between
        )

    def _monthday_range(self, i: int) -> int | None:
        """After "from" or "between": days of the month from one to another, "from the 10th
        to the 15th", "between the 1st and the 7th", "from the 25th to the last (day)" (not
        "the 25th to last day", which counts back from the end)."""
        j = i + 2 if self._word(i + 1) == "the" else i + 1
        numbered = self._is_unit(j, "day") and self._kind(j + 1) == lx.NUM
        if numbered:
            j += 1  # "between day 1 and 15 of the month" (cron describers' words)
        elif self._kind(j) != lx.ORD:
            return None
        first = int(self.tokens[j].value)  # type: ignore[call-overload]
        if self._is_unit(j + 1, "day"):
            j += 1  # "from the 1st day to the 7th"
        j += 1
        if not (self._is_range(j) or (self._word(i) == "between" and self._word(j) == "and")):
            return None
        k = j + 2 if self._word(j + 1) == "the" else j + 1
        if numbered and self._kind(k) == lx.NUM and isinstance(self.tokens[k].value, int):
            last, k = int(self.tokens[k].value), k + 1  # type: ignore[arg-type]
        elif self._word(k) == "last":
            last, k = 31, k + 1  # days past a short month's end do not exist in it
        elif self._kind(k) == lx.ORD:
            last, k = int(self.tokens[k].value), k + 1  # type: ignore[call-overload]
        else:
            return None
        if self._is_unit(k, "day"):
            k += 1
        month_at = k + 1 if self._word(k) == "of" else k
        if self._kind(month_at) == lx.MONTH:
            return None  # "from the 1st to the 5th of March": dates, read as bounds
        if not 1 <= first < last <= 31:
            raise Rejected(f"no days run from the {_ordinal(first)} to the {_ordinal(last)}")
        for day in range(first, last + 1):
            if day not in self.phrase.monthdays:
                self.phrase.monthdays.append(day)
        return k

    def _listed_hours_end(self, j: int) -> bool:
        """Whether bare hours listed from `j` on (", 9 and 10") end in one that says it is a
        time ("10 o'clock", "10am"): then the first of them is a time too."""
        k, seen = j, 0
        while (step := self._is_separator(k)) and self._kind(k + step) == lx.NUM and seen < 12:
            k, seen = k + step + 1, seen + 1
        return bool(seen) and (self._word(k) == "oclock" or self._meridiem(k) is not None)

    def _minutes_between(self, i: int) -> int | None:
        """ "Every 10 minutes between 0 and 30" (SharePoint's timer strings): after an interval
        in minutes, two bare numbers one of which is no hour (past 24) are minutes of the hour,
        as "minutes 0 through 30 past the hour" are (cron's `0-30/10`)."""
        interval = self.phrase.interval
        if interval is None or interval[1] != "minute":
            return None
        if not (
            self._kind(i + 1) == lx.NUM
            and self._word(i + 2) == "and"
            and self._kind(i + 3) == lx.NUM
            and not self._meridiem(i + 4)
            and self._word(i + 4) not in ("oclock", "hours", "hour")
        ):
            return None
        first, last = self.tokens[i + 1].value, self.tokens[i + 3].value
        if not (isinstance(first, int) and isinstance(last, int)):
            return None
        if not (0 <= first < last <= 59 and last > 24):
            return None
        if self.phrase.minute_range is not None:
            raise Rejected("the text names two parts of the hour")
        self.phrase.minute_range = (first, last)
        return i + 4

    def _window(self, i: int) -> int | None:
        """ "from 9 to 5", "between 9am and 5pm", "between the hours of 8 am and 10 am"."""
        if self._word(i) == "between":
            days = self._monthday_range(i)  # "between the 1st and the 7th"
            if days is not None:
                return days
            part = self._minutes_between(i)  # "every 10 minutes between 0 and 30"
            if part is not None:
                return part
            if (
                self._kind(i + 1) in (lx.DAY, lx.DAYS)
                and self._word(i + 2) == "and"
                and self._kind(i + 3) in (lx.DAY, lx.DAYS)
            ):
                # "every day between Monday and Friday" (cron-utils' words): the days from one
                # to the other, as "Monday through Friday"
                first = int(self.tokens[i + 1].value)  # type: ignore[call-overload]
                last = int(self.tokens[i + 3].value)  # type: ignore[call-overload]
                for day in _day_range(first, last):
                    if day not in self.phrase.weekdays:
                        self.phrase.weekdays.append(day)
                self.phrase.order.append("d")
                if not (self.phrase.every or self.phrase.interval):
                    # "between Monday and Wednesday at 5pm" may be one day in that span: asked
                    self.phrase.unsure.append("the days between read as every one of them")
                self.phrase.every = True
                return i + 4
            if (
                self._kind(i + 1) == lx.MONTH
                and self._word(i + 2) == "and"
                and self._kind(i + 3) == lx.MONTH
                and self._kind(i + 4) not in (lx.NUM, lx.ORD)
            ):
                # "every day at noon between September and December": the months from one
                # to the other (not only the two named)
                month = int(self.tokens[i + 1].value)  # type: ignore[call-overload]
                last = int(self.tokens[i + 3].value)  # type: ignore[call-overload]
                months = self.phrase.months
                while True:
                    if month not in months:
                        months.append(month)
                    if month == last:
                        return i + 4
                    month = month % 12 + 1
        if (
            self._word(i + 1) == "the"
            and self._is_unit(i + 2, "hour")
            and self._word(i + 3) == "of"
            and self._kind(i + 4) in (lx.TIME, lx.NUM)
        ):
            i += 3
        first = self._time_at(i + 1)
        if first is None:
            return None
        start, j = first
        zone_at = None
        if self._kind(j) == lx.ZONE and (self._is_range(j + 1) or self._word(j + 1) == "and"):
            # "between 01.00 (UTC+1) and 03.00 (UTC+1)": the zone said after each end; the
            # second is read as the schedule's zone
            zone_at, j = j, j + 1
        between_and = self._word(j) == "and" or (
            self._is_sym(j, "&") and self._word(i) == "between"
        )  # "every hour between 9:00 & 17:00"
        if not (self._is_range(j) or between_and):
            return None
        if self._kind(j + 1) == lx.DAY:
            return self._across_days(start, j + 1, zone_at)
        second = self._time_at(j + 1)
        if second is None or self._counts_things(start, second[0], second[1]):
            return None
        if zone_at is not None and not self._same_zone(zone_at, second[1]):
            return None
        self.phrase.window_between |= self._word(i) == "between"
        return self._set_window(start, second[0], second[1])

    def _counts_things(self, start: TimeMention, end: TimeMention, k: int) -> bool:
        """Whether two bare numbers are a count of things, not hours: "between 8 and 12
        players", "from 10 to 15 people" (the word at `k`, after them, is a plural noun)."""
        if self._kind(k) != lx.WORD:
            return False
        word = str(self.tokens[k].value)
        bare = all(
            m.clock.meridiem is None and not (m.clock.digital or m.clock.is_24h)
            for m in (start, end)
        )
        return (
            bare
            and len(word) > 3
            and word.endswith("s")
            and word not in lx.KEYWORDS
            and word not in _UNIT_PLURALS
        )

    def _counted_item(self, mention: TimeMention, k: int) -> bool:
        """Whether a bare number listed after a time counts things: "10:00, 12 places",
        "9am, 20 people" (the word at `k`, after it, is a plural noun), not another time."""
        clock = mention.clock
        if clock.meridiem is not None or clock.digital or self._kind(k) != lx.WORD:
            return False
        word = str(self.tokens[k].value)
        if word in _COUNTED_IRREGULAR:
            return True
        return (
            len(word) > 3
            and word.endswith("s")
            and word not in lx.KEYWORDS
            and word not in _UNIT_PLURALS
        )

    def _same_zone(self, at: int, k: int) -> bool:
        """Whether the token at `k` names the same zone as the one at `at`."""
        return self._kind(k) == lx.ZONE and self.tokens[k].value == self.tokens[at].value

    def _across_days(self, start: TimeMention, k: int, zone_at: int | None) -> int | None:
        """ "Saturday between 20.00 and Sunday 06.00", "every Saturday from 20:00 to Sunday
        06:00": a window from one day into a later one (`k`: the end's day) — when something
        happens, so it runs at its start, on the day named before it (asked)."""
        end = self._time_at(k + 1)
        if end is None or len(self.phrase.weekdays) != 1 or self.phrase.window is not None:
            return None
        if self.phrase.interval is not None and self.phrase.interval[1] in _SUB_DAILY:
            raise Rejected("a window that runs from one day into another cannot repeat within it")
        if zone_at is not None and not self._same_zone(zone_at, end[1]):
            return None
        first, last = self.phrase.weekdays[0], int(self.tokens[k].value)  # type: ignore[call-overload]
        if first == last:
            return None
        self.phrase.times.append(start)
        self.phrase.unsure.append(
            f"a window from {lx.DAY_LABELS[first]} into {lx.DAY_LABELS[last]} read as when it "
            "happens: runs at its start"
        )
        return end[1]

    def _from(self, i: int) -> int | None:
        """ "from 9 to 5" (a window), "starting Monday" (a bound) or, after an interval,
        "starting at 8am" (the time the interval counts from)."""
        days = self._monthday_range(i)
        if days is not None:
            return days
        if self._kind(i + 1) in (lx.DAY, lx.DAYS):
            span = self._day_span(i + 1)  # "from Saturday 8am to Sunday 6pm"
            if span is not None:
                return span
        if self._kind(i + 1) == lx.NUM and self._is_range(i + 2):
            # "every 5 minutes from 10 through 20 minutes past the hour" (crontab.guru)
            past = self._minutes_past(i + 1)
            if past is not None:
                return past
        window = self._window(i)
        if window is not None:
            return window
        bound = self._bound(i, "starting")
        if bound is not None:
            return bound
        start_of = self._start_of(i)
        if start_of is not None:
            return start_of
        j = i + 2 if self._word(i + 1) == "at" else i + 1
        first = self._time_at(j)
        if first is None or self._is_range(first[1]):
            return None
        if (
            self._word(first[1]) == "and"
            and self._word(first[1] + 1)
            not in (
                *("ending", "to"),
                *("repeat", "every", "then"),  # "start at noon and repeat every 10 minutes"
            )
            and not self._plain_verb_after(first[1] + 1)
        ):
            # "from 9 and …"; but "starting at 2pm and ending at 2:55pm" reads on, and so does
            # "starting at midnight and creating these backups …" (a word of the task's after it)
            return None
        meridiem = first[0].clock.meridiem
        if meridiem is not None and self._word(first[1]) in ("am", "pm"):
            return self._times(j)  # "will start at 3:46 am/pm every day": two times of day
        if self.phrase.interval_start is not None:
            raise Rejected("the text names two start times")
        self.phrase.interval_start = first[0]
        # what starts is named before it ("an event starting at 3pm": the run of words read
        # here starts at "starting"), not a day ("tomorrow starting at 8am")
        before = self.tokens[i - 1] if i else None
        self.phrase.start_of_thing = before is None or (
            before.kind == lx.WORD and before.value not in lx.KEYWORDS
        )
        return first[1]

    def _plain_verb_after(self, k: int) -> bool:
        """Whether the word at `k` is a verb in -ing that no clause reads, after an interval's
        start ("every 4 hours starting at midnight and creating these backups …"): what is
        done, not a second time."""
        if self.phrase.interval is None or k >= self.n:
            return False
        token = self.tokens[k]
        word = token.value
        return (
            token.kind == lx.WORD
            and isinstance(word, str)
            and word.endswith("ing")
            and word not in lx.KEYWORDS
            and word not in _WORD_CLAUSES
        )

    def _holiday(self, i: int) -> int | None:
        """Fixed-date holidays: "Christmas (Eve)", "New Year's Day/Eve", "Halloween",
        "Valentine's Day". Others ("Easter", "Thanksgiving") move every year."""
        word = self.tokens[i].value
        j = i + 1
        if i and self._word(i - 1) in GREETINGS:
            return None  # "Merry Christmas", "Happy New Year": a message's words, not a date
        if word in ("christmas", "xmas"):
            month, day = 12, 25
        elif word == "halloween":
            month, day = 10, 31
        elif word in ("valentine's", "valentines"):
            month, day = 2, 14
        elif word == "new" and (
            self._is_unit(j, "year") or self._word(j) in ("year's", "years", "yrs")
        ):
            month, day, j = 1, 1, j + 1
        elif word in CUES:
            return self._named_holiday(i)
        else:
            return self._place(i)
        if self._names_a_thing(i, j):
            return None  # "shop for a Valentine's card", "the Christmas party": the task's
        # "eve" reads as "evening" elsewhere: here it is the day before
        token = self.tokens[j] if j < self.n else None
        if token is not None and self._word(j) == "evening" and token.end - token.start == 3:
            if (month, day) == (1, 1):
                month, day = 12, 31
            else:
                day -= 1
            j += 1
        elif self._is_unit(j, "day"):
            j += 1
        self.phrase.dates.append((None, month, day))
        return j

    def _names_a_thing(self, i: int, j: int) -> bool:
        """Whether the holiday at i (its name ending before j) is a word in front of a thing:
        a determiner before it and a noun the grammar does not know after it ("a Valentine's
        card", "our Christmas party", "the Halloween costume")."""
        after = self.tokens[j] if j < self.n else None
        return (
            i > 0
            and self.tokens[i - 1].kind == lx.WORD
            and self.tokens[i - 1].value in _DETERMINERS
            and after is not None
            and after.kind == lx.WORD
            and after.value not in lx.KEYWORDS
        )

    def _named_holiday(self, i: int) -> int | None:
        """ "Thanksgiving", "Memorial Day", "Martin Luther King Jr. Day", "Good Friday":
        a holiday the `holidays` package knows (build finds its dates)."""
        words: list[str] = []
        j = i
        while j < self.n and len(words) < 6:
            token = self.tokens[j]
            if token.kind == lx.WORD and (token.value not in lx.KEYWORDS or token.value == "good"):
                words.append(str(token.value))
            elif token.kind in (lx.DAY, lx.UNIT) and words:
                words.append(
                    lx.DAY_LABELS[int(token.value)].lower()
                    if token.kind == lx.DAY
                    else str(token.value)
                )  # type: ignore[call-overload]
            else:
                break
            j += 1
        # the longest run of words that names one ("Memorial Day at noon": "memorial day")
        while words and not is_holiday_name(words):
            words.pop()
            j -= 1
        if not words:
            return None
        named = said_short([w for w in words if w not in SAID_WHOLE] or ["_"])
        if (
            said_short(words)
            and self._kind(j) == lx.WORD
            and self.tokens[j].value not in lx.KEYWORDS
        ) or (named and i > 0 and self._word(i - 1) in ("in", "near")):
            # "at Memorial Hospital", "Independence Hall", "in Corpus Christi": a place's or a
            # group's name that begins with a holiday's, not the holiday
            return None
        if words[0] in _POSSESSIVE_HOLIDAYS and "day" not in words:
            return None  # "my father's pills", "mother's doctor": a person's, not Father's Day
        if self.phrase.holiday is not None:
            if not same_holiday(self.phrase.holiday, tuple(words)):
                raise Rejected("the text names two holidays")
            # "the annual Easter egg hunt on Easter Sunday": one holiday, said twice
            words = max(self.phrase.holiday, tuple(words), key=len)
        self.phrase.holiday = tuple(words)
        return j

    def _start_of(self, i: int) -> int | None:
        """ "beginning of every month" (the 1st), "start of each week" (Monday), "start of
        every hour" (minute 0), "beginning of the year" (January 1)."""
        if self._word(i + 1) != "of":
            unit = self.phrase.interval[1] if self.phrase.interval else None
            if self._word(i - 1) != "the" or unit not in ("month", "week"):
                return None
            # "every month at the beginning": its first day (the 1st, or Monday)
            if unit == "month" and 1 not in self.phrase.monthdays:
                self.phrase.monthdays.append(1)
            elif unit == "week" and 1 not in self.phrase.weekdays:
                self.phrase.weekdays.append(1)
            return i + 1
        j = i + 2
        if self._month_ahead(j, 1):
            return j + 2  # "the beginning of next month": its 1st, once
        if self._word(j) in ("every", "the"):
            j += 1
        if self._is_unit(j, "hour") or (
            self._word(j) == "business" and self._is_unit(j + 1, "hour")
        ):
            return self._top(i)
        if self._is_unit(j, "year") and self._word(i + 2) in ("every", "the"):
            self.phrase.dates.append((None, 1, 1))  # "beginning of every year", "of the year"
            self.phrase.every = True
            if self._word(i + 2) == "the":
                self.phrase.unsure.append("read as every January 1 (it may mean once)")
            return j + 1
        if self._is_unit(j, "month"):
            if 1 not in self.phrase.monthdays:
                self.phrase.monthdays.append(1)
            self.phrase.of_month = True
        elif self._is_unit(j, "week"):
            if 1 not in self.phrase.weekdays:
                self.phrase.weekdays.append(1)
        elif (
            self._is_unit(j, "day")
            and self._word(i + 2) == "every"
            and self.phrase.interval_start is None
        ):
            # "at the start of every day", "beginning of each day": its first minute, as the
            # start of a month is its first day (with a time of day too, "at the start of every
            # day at 9am", the two are refused: which is meant?)
            start, end = self.tokens[i].start, self.tokens[j].end
            self.phrase.interval_start = TimeMention(_MIDNIGHT, start, end, "midnight")
            self._set_interval(1, "day")
            return j + 1
        else:
            return None
        self.phrase.every = True
        return j + 1

    def _since(self, i: int) -> int | None:
        """ "since Monday", "since 9am": counted from a time that has gone by."""
        # not "since the build is slow, …": "since" is also "because"
        if (
            self._kind(i + 1) in (lx.DAY, lx.DAYS, lx.MONTH, lx.TIME, lx.DATE, lx.SLASHDATE)
            or self._word(i + 1) in ("yesterday", "last", "noon", "midnight")
            or (self._kind(i + 1) == lx.NUM and self._kind(i + 2) == lx.ZONE)  # "since 00UTC"
        ):
            raise Rejected("“since …” counts from a time that has gone by")
        return None

    def _season(self, i: int) -> int | None:
        """ "summer Saturdays", "winter Sundays": a season's days, which are not the same months
        everywhere (as "in summer"); anything else as any word ("summer time")."""
        if self._kind(i + 1) in (lx.DAY, lx.DAYS):
            raise Rejected(
                "seasons are not the same months everywhere; name the months",
                "“every Saturday from June to August”",
            )
        return self._place(i)

    def _previous(self, i: int) -> int | None:
        """ "previous Monday", "the previous week": gone by, like "last Monday"."""
        if self._kind(i + 1) in (lx.DAY, lx.DAYS, lx.DAYSET, lx.MONTH, lx.UNIT):
            raise Rejected("“previous …” names a time that has gone by")
        return None

    def _other(self, i: int) -> int | None:
        """ "alternate Fridays": every other ("every other" itself is read by ``_every``,
        which looks at the words after the one it is given)."""
        if (
            i >= 1
            and self._word(i - 1) == "the"
            and (
                self._is_unit(i + 1, "day", "week", "month")
                or self._word(i + 1) in ("night", "morning", "afternoon", "evening")
            )
        ):
            # "the other day", "the other night": an idiom for a recent day in the past,
            # never "every other"
            raise Rejected(f"“the other {self._unit_or_word(i + 1)}” is in the past")
        return self._every(i - 1)

    def _unit_or_word(self, i: int) -> str:
        return str(self.tokens[i].value)

    def _except(self, i: int) -> int | None:
        """ "except Fridays", "but weekends", "excluding Saturday and Sunday": days of the
        week left out. Other exceptions (dates, holidays) are not a schedule's to make."""
        j = i + 1
        if self._word(j) == "only":
            return j + 1  # "every minute, but only between 7 and 9": what follows restricts
        at_most = self._at_most(j)  # "but no more than 10 times": a count, not an exception
        if at_most is not None:
            return at_most
        if self._kind(j) == lx.WORD and self.tokens[j].value in ("not", "on", "for"):
            j += 1  # "but not Fridays", "except on Sundays"
        if self._word(j) in ("in", "during"):
            j += 1
        if self._word(j) == "the" and self.phrase.nth:
            same = self._same_nth_in_month(j + 1)
            if same is not None:
                # "the fourth Tuesday of each month (except the fourth Tuesday in December)":
                # that month left out
                j = same
        if self._word(j) == "the" and self._kind(j + 1) in (lx.DAYSET, lx.DAY, lx.DAYS):
            j += 1  # "except the weekend"
        left = self._all_but_nth(j + (self._word(j) == "the"))
        if left is not None:
            return left
        dated = self._except_dates(j + (self._word(j) == "the"))
        if dated is not None:
            return dated
        k = j + (self._word(j) == "the")
        if self._word(k) == "daylight" or self._word(k) in lx.SEASONS:
            # "except during the summer (June, July, and August)": the season's months named
            # (a season alone is refused where it is read)
            k += 1 + self._is_unit(k + 1, "month")
            if self._kind(k) == lx.MONTH:
                j = k
        if self._kind(j) == lx.MONTH:
            sub = _Reader(self.tokens)
            end = sub._month(j)  # "daily except in May": the other months
            while self._word(end) == "or" and self._kind(end + 1) == lx.MONTH:
                end = sub._month(end + 1)  # "but not in July or August": neither
            if sub.phrase.dates:
                return None
            self.phrase.except_months.extend(sub.phrase.months)
            return end
        named = self._except_holidays_named(j + (self._word(j) == "the"))
        if named is not None:
            return named
        # the days are read as anywhere else, into a phrase of their own
        sub = _Reader(self.tokens)
        j = sub._days(j)
        days = sub.phrase.weekdays
        step = self._is_separator(j)
        # "except holidays", "except weekends and public holidays", "but not US holidays"
        end = self._holidays(j + step if days and step else j)
        if end is not None:
            self.phrase.except_weekdays.extend(
                d for d in days if d not in self.phrase.except_weekdays
            )
            self.phrase.order.append("x")
            return end
        unknown_next = (
            step
            and self._kind(j + step) == lx.WORD
            and self.tokens[j + step].value not in _WORD_CLAUSES
            # "except on Thursdays and Fridays, you can book …": a comma, then a new clause
            and not (self._is_sym(j, ",") and self.tokens[j + step].value in _CLAUSE_SUBJECTS)
        )
        if not days and self._but_opens_a_clause(i):
            return None  # "…, but beware of the switches to summer time": not an exception
        if not days or unknown_next:
            # "except Christmas", "except weekends and holidays"
            raise Rejected(
                "a schedule can only leave out days of the week (“except Fridays”)",
                "schedule without the exception and add the dates as the job's exclusions",
            )
        self.phrase.except_weekdays.extend(d for d in days if d not in self.phrase.except_weekdays)
        self.phrase.order.append("x")
        return j

    def _except_dates(self, j: int) -> int | None:
        """After "except (on)": dates, one or a list ("Dec 25", "2030-12-25", "1/19", "June
        23rd and July 4th", "the 25th of December") — left out as the job's exclusions, never
        read as the day to start or run on; the index after them, or None when no date is
        there (the other readings go on)."""
        named = j
        while (
            named < j + 2
            and self._kind(named) in (lx.WORD, lx.DAY)
            and self._word(named) not in ("and", "or")
        ):
            named += 1  # "except Holy Saturday April 8th": a day's name, then its date
        if (
            named > j
            and self._kind(named) in _DATE_KINDS
            and self._kind(named + 1)
            in (
                lx.NUM,
                lx.ORD,
            )
        ):
            j = named
        if self._kind(j) not in _DATE_KINDS and not (
            self._kind(j) in (lx.NUM, lx.ORD) and self._word(j + 1) == "of"
        ):
            return None
        found: list[tuple[int | None, int, int]] = []
        last = j
        while True:
            sub = _Reader(self.tokens)
            kind = self._kind(j)
            end = _KIND_CLAUSES[kind](sub, j) if kind in _KIND_CLAUSES else None  # type: ignore[index]
            left = sub.phrase
            if (
                end is None
                or len(left.dates) != 1
                or left.weekdays
                or left.monthdays
                or left.nth
                or left.times
                or left.months
            ):
                if not found:
                    return None  # "except May" and other words: read as before
                break
            found.extend(left.dates)
            last = end
            step = self._is_separator(end)
            if step and (self._word(end + step) in _HOLIDAYS or self._word(end + step) in CUES):
                # "except December 25 and Thanksgiving": a holiday's name next
                last = self._except_holidays_named(end + step) or last
                break
            if not step or self._kind(end + step) not in _DATE_KINDS:
                break
            j = end + step
        self.phrase.except_dates.extend(d for d in found if d not in self.phrase.except_dates)
        self.phrase.order.append("x")
        return last

    def _except_holidays_named(self, j: int) -> int | None:
        """After "except (on/for) (the)": holidays by name, one or a list ("Christmas", "Memorial
        Day and Thanksgiving", "Christmas Day or New Year's Day") — left out as the job's
        exclusions.dates; the index after them, or None when no holiday's name is there."""
        fixed: list[tuple[int, int]] = []
        named: list[tuple[str, ...]] = []
        last = None
        while j < self.n:
            word = self._word(j)
            sub = _Reader(self.tokens)
            if word in _HOLIDAYS:
                end = sub._holiday(j)
            elif word in CUES:
                end = sub._named_holiday(j)
            else:
                break
            if end is None or not (sub.phrase.dates or sub.phrase.holiday):
                break
            if sub.phrase.dates:
                _, month, day = sub.phrase.dates[0]
                fixed.append((month, day))
            else:
                assert sub.phrase.holiday is not None
                named.append(sub.phrase.holiday)
            last = end
            step = self._is_separator(end)
            if not step and self._word(end) == "or":
                step = 1
            if not step:
                break
            j = end + step
            if self._kind(j) in _DATE_KINDS:
                # "except Thanksgiving and December 25": a date next
                last = self._except_dates(j) or last
                break
        if last is None:
            return None
        self.phrase.except_fixed.extend(fixed)
        self.phrase.except_named.extend(named)
        self.phrase.order.append("x")
        return last

    def _all_but_nth(self, i: int) -> int | None:
        """After "except (for) (the)": "first Monday (of every month)" when the phrase runs
        every Monday — the other Mondays of the month, by their place (2nd to 5th); the index
        after the words, or None. "The last" leaves the others counted from the end (-5 to -2:
        a month has four or five)."""
        weekdays = self.phrase.weekdays
        last = self._word(i) == "last"
        if (self._kind(i) != lx.ORD and not last) or not weekdays or self.phrase.nth:
            return None
        if last:  # "except the last Tuesday": the others, counted from the end (-5 to -2)
            left_out, j = [-1], i + 1
        else:
            left_out, j = [int(self.tokens[i].value)], i + 1  # type: ignore[call-overload]
            while (step := self._is_separator(j)) and self._kind(j + step) == lx.ORD:
                left_out.append(int(self.tokens[j + step].value))  # type: ignore[call-overload]
                j += step + 1
        one = self._kind(j) == lx.NUM and self.tokens[j].spelled and self.tokens[j].value == 1
        if len(weekdays) == 1 and (
            one  # "every Thursday except the last one of the month"
            or j >= self.n  # "every Wednesday except the first"
            or (self._is_unit(j, "week") and self._month_follows(j + 1))  # "… the third week"
        ):
            day = weekdays[0]
            j -= j >= self.n  # (the index after the word read in the day's place comes next)
        elif self._kind(j) in (lx.DAY, lx.DAYS):
            day = int(self.tokens[j].value)  # type: ignore[call-overload]
        else:
            return None
        if day not in weekdays or not all(1 <= nth <= 5 or nth == -1 for nth in left_out):
            return None
        j += 1
        if self._month_follows(j):
            j += 2 + (self._word(j + 1) in ("the", "every", "a"))
        elif (
            self._word(j) in ("of", "in")
            and self._word(j + 1) == "each"
            and self._is_unit(j + 2, "month")
        ):
            j += 3
        if self._word(j) in ("in", "of", "during") and self._kind(j + 1) == lx.MONTH:
            # "except the 3rd Tuesday in March": one month's, which a rule of the month cannot
            # leave out (and the month must not become the only one run in)
            raise Rejected(
                "a schedule cannot leave out one month's day of the week",
                "schedule without the exception and add the dates as the job's exclusions",
            )
        weekdays.remove(day)
        if last:
            self.phrase.nth.extend((-nth, day) for nth in range(5, 1, -1))
        else:
            self.phrase.nth.extend((nth, day) for nth in range(1, 6) if nth not in left_out)
        self.phrase.every = True
        return j

    def _same_nth_in_month(self, i: int) -> int | None:
        """After "except the": the nth weekday the phrase already runs on and "in"/"of" (the
        month's name at the index returned), or None."""
        if self._kind(i) == lx.ORD:
            nth = int(self.tokens[i].value)  # type: ignore[call-overload]
        elif self._word(i) == "last":
            nth = -1
        else:
            return None
        if self._kind(i + 1) not in (lx.DAY, lx.DAYS) or self._word(i + 2) not in ("in", "of"):
            return None
        if self._kind(i + 3) != lx.MONTH:
            return None
        day = int(self.tokens[i + 1].value)  # type: ignore[call-overload]
        return i + 3 if (nth, day) in self.phrase.nth else None

    def _but_opens_a_clause(self, i: int) -> bool:
        """Whether the "except" at i is the word "but" opening a clause of its own ("but beware
        …", "but we may move it")."""
        token = self.tokens[i]
        if token.end - token.start != 3:  # "but": the lexicon's other words for "except" are longer
            return False
        if self._word(i + 1) == "no" and self._word(i + 2) in _COMPARED:
            return True  # "…, but no less than quarterly": a bound said beside, no day left out
        return self._kind(i + 1) == lx.WORD and self.tokens[i + 1].value in _CLAUSE_OPENERS

    def _holidays(self, i: int) -> int | None:
        """ "holidays", "public holidays", "US bank holidays", "(the) federal holidays": the
        index after them, with the country (a code the holidays package knows, or "" for
        the zone's) kept for the job's exclusions; None when the words are not these."""
        j = i + 1 if self._word(i) == "the" else i
        country = ""
        value = self.tokens[j].value if j < self.n else None
        if self._kind(j) == lx.WORD and isinstance(value, str):
            code = value.upper()
            if len(code) == 2 and self._word(j + 1) != "holiday" and known_country(code):
                country, j = ("GB" if code == "UK" else code), j + 1
        elif self._kind(j) == lx.ZONE and isinstance(value, str) and zone_country(value):
            country, j = zone_country(value) or "", j + 1  # "UK holidays": the UK's zone
        if self._word(j) in _HOLIDAY_KINDS:
            j += 1
        if self._word(j) not in ("holiday", "holidays"):
            return None
        self.phrase.except_holidays = country
        return j + 1

    def _top(self, i: int) -> int | None:
        """ "at the top of the hour", "top of every hour": minute 0 of each hour; "top of
        every business hour": of each hour from 9 to 5 (Monday to Friday unless named)."""
        if self._word(i + 1) != "of":
            return None
        j = i + 2
        end: int | None
        if self._word(j) == "every" and self._word(j + 1) == "business":
            if not self._is_unit(j + 2, "hour"):
                return None
            self._set_interval(1, "hour")
            end = self._business(j + 1)
        elif self._word(j) == "every" and self._is_unit(j + 1, "hour"):
            end = self._every(j)
            if end is None:
                return None
        elif self._word(j) == "the" and self._is_unit(j + 1, "hour"):
            end = j + 2
        else:
            return None
        if self.phrase.minute_past not in (None, 0):
            raise Rejected("the text names two minutes past the hour")
        self.phrase.minute_past = 0
        return end

    def _to(self, i: int) -> int | None:
        """ "until March 1", "through Friday"; after an interval, "until 5pm" (from
        midnight to 5pm each day)."""
        if self._word(i) == "ending" and self._word(i + 1) == "after":
            return self._for(i + 1)  # "ending after 60 days", "ending after 10 occurrences"
        if self._word(i) == "ending":
            span = self._span_end(i + 1)
            if span is not None:
                return span
        bound = self._bound(i, "until")
        started = self.phrase.interval_start
        if bound is not None or (self.phrase.interval is None and started is None):
            return bound
        if self._word(i) != "to" and started is None:
            return None
        j = i + 2 if self._word(i + 1) == "at" else i + 1
        last = self._time_at(j)
        if last is None:
            return None
        if started is not None:
            # "every 5 minutes starting at 2pm and ending at 2:55pm": a window; "every Monday,
            # starting at 6:30 PM and ending at 7:45 PM" (a troop's meetings): one, from its start
            self.phrase.interval_start = None
            return self._set_window(started, last[0], last[1])
        start = TimeMention(_MIDNIGHT, self.tokens[i].start, self.tokens[i].start)
        # "every 2 hours until 10 pm": from midnight each day, or from now until tonight?
        self.phrase.unsure.append("“until” read as from midnight to that time, every day")
        return self._set_window(start, last[0], last[1])

    def _after(self, i: int) -> int | None:
        """After an interval, "after 6pm": from 6pm to the end of each day; "after 2pm and
        before 2:55pm": a window whose end does not run. After a weekday, "after next": the
        one a week after next Friday."""
        bound = self._nth_bound(i, inclusive=False)  # "the first Monday after the 15th"
        if bound is not None:
            return bound
        if self._word(i + 1) == "next" and i and self._kind(i - 1) == lx.DAY:
            if not self.phrase.single_day or self.phrase.next_weekday:
                return None
            self.phrase.next_weekday = True  # "the Friday after next"
            self.phrase.days_after += 7
            return i + 2
        if self._word(i + 1) == "next" and i and self._is_unit(i - 1, "week", "month", "year"):
            raise Rejected(
                f"“the {self.tokens[i - 1].value} after next” does not say which day",
                "name the day: the Friday after next at 9am",
            )
        if (
            self.phrase.interval is None
            and not self.phrase.every
            and (self._word(i + 1) in ("a", "half") or self._is_unit(i + 2, *_SECONDS))
        ):
            # "after two minutes": a delay, as "in two minutes"; not "after 2 weeks of testing"
            probe = _Reader(self.tokens)
            end = probe._amounts(i + 1)
            if end is not None and probe.phrase.has_offset and self._word(end) != "of":
                return self._amounts(i + 1)
        first = self._time_at(i + 1)
        if first is None:
            return None
        start, j = first
        if self.phrase.interval is None:
            # "tomorrow after 4pm": at 4pm, a guess that asks
            self.phrase.times.append(start)
            self.phrase.order.append("t")
            self.phrase.unsure.append("“after” read as at that time")
            return j
        k = j + 1 if self._word(j) == "and" else j
        if self._word(k) == "before":
            last = self._time_at(k + 1)
            if last is not None:
                self.phrase.window_open_end = True
                return self._set_window(start, last[0], last[1])
        end = TimeMention(_END_OF_DAY, start.start, start.start)
        return self._set_window(start, end, j)

    def _before(self, i: int) -> int | None:
        """After an interval, "before 11am": from midnight until then (11:00 does not run)."""
        if self.phrase.interval is None:
            return None
        last = self._time_at(i + 1)
        if last is None:
            return None
        self.phrase.window_open_end = True
        start = TimeMention(_MIDNIGHT, self.tokens[i].start, self.tokens[i].start)
        return self._set_window(start, last[0], last[1])

    def _bound(self, i: int, which: str) -> int | None:
        j = i + 1
        if self._word(j) == "on":
            j += 1
        elif (
            self._word(j) == "in"
            and self._kind(j + 1) == lx.MONTH
            and self._kind(j + 2) in (lx.NUM, lx.ORD)
        ):
            j += 1  # "Beginning in January 5 2006": the day, not the month ("in January")
        elif which == "starting" and self._word(j) == "in" and self._kind(j + 1) == lx.MONTH:
            # "the second Thursday of every month, starting in August": from August 1 (not
            # in August only)
            j += 1
        if j >= self.n:
            return None
        week_of = self._week_of_month(j) if which == "starting" else None
        if week_of is not None:
            # "starting on the second week of August": from the first day of that week of
            # the month (the 8th), which is as far as the text says
            if self.phrase.starting is not None:
                raise Rejected("the text names two start dates")
            self.phrase.starting = DayRef(date=week_of[0])
            return week_of[1]
        if which == "until" and self._word(j) == "the" and self._word(j + 1) == "end":
            return self._until_end(j + 2)  # "until the end of March"
        if which == "until" and self._word(j) == "end":
            return self._until_end(j + 1)  # "until end of March"
        if which == "starting" and self._word(j) == "now" and self.phrase.starting is None:
            return j + 1  # "every Monday from now until Christmas": it starts now anyway
        if (
            which == "starting"
            and self._word(j) == "this"
            and self._is_unit(j + 1, "week", "month")
            and self.phrase.starting is None
            and self._kind(j + 2 + (self._word(j + 2) == "on")) != lx.DAY
        ):
            # "Starting this week, office hours will be held on Tuesdays": the week it is, so
            # from now (its days gone by have gone)
            return j + 2
        if which == "until" and self._no_end(j) is not None:
            return self._no_end(j)  # "until further notice": no end date
        if which == "starting" and self._word(j) == "next" and self._is_unit(j + 1, "week"):
            # "starting next week": from the Monday after today
            if self.phrase.starting is not None:
                raise Rejected("the text names two start dates")
            self.phrase.starting = DayRef(weekday=1, after_today=True, week=True)
            return j + 2
        if (
            self._word(j) == "the"
            and self._kind(j + 1) == lx.ORD
            and (self._lone_ordinal(j + 1) or self._month_named(j + 2))
        ):
            j += 1  # "starting the 15th": the next 15th; "until the 30th of October"
        token = self.tokens[j]
        if token.kind == lx.DAY:
            k = j + 1 + self._is_sym(j + 1, ",")
            if self._kind(k) in (lx.MONTH, lx.DATE, lx.SLASHDATE) or (
                self._kind(k) in (lx.NUM, lx.ORD) and self._kind(k + 1) == lx.MONTH
            ):
                # "As of Monday August 3, 2020", "starting Tuesday, 5 May": the weekday only
                # names the date's day; the date is the bound
                j, token = k, self.tokens[k]
        if token.kind == lx.WORD:
            clause = _BOUND_WORDS.get(token.value)
        else:
            clause = _BOUND_KINDS.get(token.kind)
        if clause is None:
            return None
        # Read the day with the ordinary clauses into a phrase of its own.
        sub = _Reader(self.tokens)
        end = clause(sub, j)
        if end is None:
            return None
        day = _day_ref(sub.phrase)
        if day is None:
            return None
        if getattr(self.phrase, which) is not None:
            raise Rejected(f"the text names two {'start' if which == 'starting' else 'end'} dates")
        setattr(self.phrase, which, day)
        return end

    def _week_of_month(self, j: int) -> tuple[tuple[None, int, int], int] | None:
        """ "the second week of August" at `j`: its first day (August 8) and the index after
        it, or None."""
        if not (
            self._word(j) == "the"
            and self._kind(j + 1) == lx.ORD
            and self._is_unit(j + 2, "week")
            and self._word(j + 3) == "of"
            and self._kind(j + 4) == lx.MONTH
        ):
            return None
        nth = self.tokens[j + 1].value
        if not isinstance(nth, int) or not 1 <= nth <= 4:
            return None
        month = int(self.tokens[j + 4].value)  # type: ignore[call-overload]
        return (None, month, (nth - 1) * 7 + 1), j + 5

    def _plain_day_of_month(self, i: int) -> bool:
        """A day of the month in digits at i, with a month's name after it ("16 March")."""
        token = self.tokens[i]
        return (
            token.kind == lx.NUM
            and not token.spelled
            and isinstance(token.value, int)
            and 1 <= token.value <= 31
            and token.end - token.start <= 2
            and self._month_named(i + 1)
        )

    def _month_named(self, i: int) -> bool:
        """A month's name at i, or "of" and one ("(the 30th) of October", "(the 30th) October")."""
        return self._kind(i + (self._word(i) == "of")) == lx.MONTH

    def _lone_ordinal(self, i: int) -> bool:
        """An ordinal with nothing after it that makes it more than a day of the month (not
        "the first day of the month", "the 1st of March", "the second week", "the 2nd
        Tuesday")."""
        following = self._kind(i + 1)
        if following in (lx.UNIT, lx.DAY, lx.DAYS, lx.DAYSET, lx.MONTH, lx.ORD):
            return False
        return self._word(i + 1) not in ("of", "last", "business", "and", "to")

    def _until_end(self, i: int) -> int | None:
        """ "(until the end) of March", "of the year", "of the month": its last day."""
        if self._word(i) != "of":
            return None
        j = i + 1
        if self._kind(j) == lx.MONTH:
            ref, end = DayRef(month_end=int(self.tokens[j].value)), j + 1  # type: ignore[call-overload]
        elif self._word(j) in ("the", "this") and self._is_unit(j + 1, "year"):
            ref, end = DayRef(date=(None, 12, 31)), j + 2
        elif self._word(j) in ("the", "this") and self._is_unit(j + 1, "month"):
            ref, end = DayRef(month_end=0), j + 2
        elif self._word(j) in ("the", "this") and self._is_unit(j + 1, "quarter"):
            ref, end = DayRef(quarter_end=True), j + 2  # its last month's last day
        elif self._word(j) in ("the", "this") and self._is_unit(j + 1, "week"):
            ref, end = DayRef(weekday=0), j + 2  # "until the end of the week": its Sunday
        elif self._word(j) == "next" and self._is_unit(j + 1, "month"):
            ref, end = DayRef(month_end=0, months_later=1), j + 2  # "until the end of next month"
        elif (day_end := self._rest_of_today(j)) is not None:
            # "every 15 minutes until the end of the day": today
            ref, end = DayRef(day_offset=0), day_end
        else:
            return None
        if self.phrase.until is not None:
            raise Rejected("the text names two end dates")
        self.phrase.until = ref
        return end

    def _until_today(self, i: int) -> int | None:
        """A sub-daily interval bounded by the rest of today at i ("… the day", "… today"):
        the bound set, and where its words end; None when they are not such a bound."""
        end = self._rest_of_today(i)
        if end is None or self.phrase.until is not None:
            return None
        self.phrase.until = DayRef(day_offset=0)
        return end

    def _rest_of_today(self, i: int) -> int | None:
        """ "(the end of / the rest of) the day", "… today", "… day": today, when a sub-daily
        interval runs in it ("every 30 minutes for the rest of the day"); where it ends, else
        None (the day alone is no bound: "take the rest of the day off")."""
        interval = self.phrase.interval
        if interval is None or interval[1] not in _SUB_DAILY:
            return None
        if self._word(i) == "today":
            return i + 1
        j = i + 1 if self._word(i) in ("the", "this") else i
        return j + 1 if self._is_unit(j, "day") else None

    def _no_end(self, i: int) -> int | None:
        """ "(until) further notice", "(until) cancelled": a repeating schedule with no end
        date, which is what a schedule is without one; None when the words are not these."""
        if self._word(i) == "further" and self._word(i + 1) == "notice":
            return i + 2
        if i < self.n and self.tokens[i].value in _UNTIL_STOPPED:
            return i + 1
        return None

    def _forever(self, i: int) -> int | None:
        """ "forever", "indefinitely": said of a repeating schedule, no end date."""
        p = self.phrase
        return i + 1 if p.every or p.interval or p.weekdays else None

    def _over(self, i: int) -> int | None:
        """ "over the next 4 weeks": as "for the next 4 weeks"."""
        if self._word(i + 1) == "the" and self._word(i + 2) == "next":
            return self._for(i)
        return None

    def _for(self, i: int) -> int | None:
        """ "for 2 weeks", "for the next 5 days": an end bound counted from the start."""
        sub = _Reader(self.tokens)
        j = i + 1
        if self._word(j) == "up" and self._word(j + 1) == "to":
            j += 2
        token = self.tokens[j] if j < self.n else None
        if (
            token is not None
            and token.kind == lx.NUM
            and isinstance(token.value, int)
            and (
                self._word(j + 1) in ("times", "occurrences")
                or self._is_unit(j + 1, "occurrence")
                or (token.value == 1 and self._word(j + 1) == "time")
            )
            and self.phrase.count is None
        ):
            self.phrase.count = token.value  # "for 5 times", "for 8 occurrences", "for 1 time"
            return j + 2
        if self._word(j) == "the" and self._word(j + 1) == "rest" and self._word(j + 2) == "of":
            today = self._until_today(j + 3)  # "every hour for the rest of the day"
            if today is not None or not (self.phrase.every or self.phrase.interval):
                return today
            return self._until_end(j + 2)  # "every morning for the rest of the month"
        if self._word(j) == "today":
            return self._until_today(j)  # "every 15 minutes for today"
        if self._word(j) == "the" and self._word(j + 1) == "next":
            j += 2
            if self._is_unit(j, "minute", "hour") and self.phrase.count is None:
                # "every 10 minutes for the next hour": one of that unit
                runs = runs_in_span(self.phrase.interval, _SECONDS[self.tokens[j].value], 0)  # type: ignore[index]
                if runs is not None:
                    self.phrase.count = runs
                    return j + 1
        # "for two consecutive days", "for 3 straight weeks": the span, each unit in turn
        in_turn = (
            self._kind(j) == lx.NUM
            and self._word(j + 1) in _IN_TURN
            and self._kind(j + 2) == lx.UNIT
        )
        if in_turn:
            sub = _Reader([*self.tokens[: j + 1], *self.tokens[j + 2 :]])
        end = sub._amounts(j)
        if end is None or self.phrase.until is not None:
            return None
        if in_turn:
            end += 1
        if self._word(end) == "in" and self._word(end + 1) == "a" and self._word(end + 2) == "row":
            end, in_turn = end + 3, True  # "for 3 days in a row"
        if in_turn and self._days_in_turn(sub.phrase):
            # "each morning at 7 for two consecutive days": that many days' runs, from the next
            # (not the end of a span that counts today when its run is past)
            self.phrase.count = int(sub.phrase.offset_seconds // 86400)
            if self.phrase.interval is None and not self.phrase.every:
                self._set_interval(1, "day")  # "take the pill at 8am for five consecutive days"
            return end
        if self._word(end) in ("past", "to", "after") and (
            self._kind(end + 1) in (lx.NUM, lx.TIME) or self._word(end + 1) in ("noon", "midnight")
        ):
            return None  # "cooking for a quarter past 4": a time, not three months
        if self._word(end) == "of" and (
            self._word(end + 1) in ("every", "each")
            or (self._word(end + 1) == "the" and self._is_unit(end + 2, "week", "month", "year"))
        ):
            return None  # "configured for a day of the week": which day, not how long
        seconds, months = sub.phrase.offset_seconds, sub.phrase.offset_months
        if seconds % 86400:
            runs = runs_in_span(self.phrase.interval, seconds, months)
            if runs is None or self.phrase.count is not None:
                return None
            self.phrase.count = runs  # "every 5 minutes for 20 minutes": 4 runs, then done
            return end
        # The last day is included: "for 2 weeks" from today ends 13 days later.
        self.phrase.until = DayRef(days_later=int(seconds // 86400) - 1, months_later=months)
        return end

    def _days_in_turn(self, span: Phrase) -> bool:
        """Whether `span` (a span said "in turn": "two consecutive days", "3 days in a row") is
        whole days, and this phrase runs once a day so far (a time or none, no shorter interval,
        no days of the week): its runs are counted, one a day."""
        p = self.phrase
        return (
            span.offset_months == 0
            and span.offset_seconds >= 86400 * 2
            and span.offset_seconds % 86400 == 0
            and p.count is None
            and len(p.times) <= 1
            and p.interval in (None, (1, "day"))
            and not (p.weekdays or p.monthdays or p.dates)
        )

    def _at(self, i: int) -> int | None:
        j = i + 1
        if self._word(j) in _AT_HEDGES and self._kind(j + 1) in (lx.NUM, lx.TIME):
            return self._at(j)  # "tomorrow at around two", "at about 3.00pm": the hour said
        at_most = self._at_most(i)  # "at most 5 times"
        if at_most is not None:
            return at_most
        if self._word(j) == "the" and (
            self._is_unit(j + 1, "hour")
            or (self._word(j + 1) == "half" and self._is_unit(j + 2, "hour"))
        ):
            return self._on(i)  # "at the half hour every hour", as "on the half hour"
        if self._word(j) == "the" and self._word(j + 1) in _FREQUENCIES:
            return None  # "at the daily standup", "at The Daily Grind": an event or a place
        if (
            self.phrase.interval == (1, "month")
            and not self.phrase.monthdays
            and i
            and self._word(i - 1) == "monthly"
            and self._kind(j) == lx.NUM
            and isinstance(self.tokens[j].value, int)
            and 1 <= self.tokens[j].value <= 31
            and self._kind(j + 1) == lx.TIME
        ):
            # "Monthly at 15 15:00:00" (SharePoint's timer strings): the day, then the time
            self.phrase.monthdays.append(int(self.tokens[j].value))
            return j + 1
        if self._kind(j) == lx.NUM and self._is_separator(j + 1):
            past = self._past(j)  # "at 10 and 40 minutes past every hour", not 10 o'clock
            if past is not None:
                return past
        if self._two_digit_minute(j):
            past = self._past(j)  # "every hour at 29 and 59 minutes"
            if past is not None:
                return past
            minutes = [int(self.tokens[j].value)]  # type: ignore[call-overload]
            j += 1
            while (step := self._is_separator(j)) and self._is_minute_number(j + step):
                minutes.append(int(self.tokens[j + step].value))  # type: ignore[call-overload]
                j += step + 1
            self._set_minutes(minutes)  # "every hour at 00 and 30"
            return j
        timed = self._times(j)
        if timed is not None:
            on = timed + (self._kind(timed) == lx.ZONE)  # "At 8:00 UTC on Monday"
            if (
                i == 0
                and timed == j + 1
                and self.tokens[j].kind == lx.TIME
                and self.tokens[j].value.guru  # type: ignore[attr-defined]
                and self._word(on) == "on"
                and self._kind(on + 1) == lx.DAY
                and on + 2 == self.n
            ):
                # "At 08:00 on Monday", crontab.guru's words for "0 8 * * 1": every week
                # (it could be once: asked). Its "H:MM" only: "at 9h on Saturday", "at 9am on
                # Saturday" are a person's ways of writing a time: one run
                self.phrase.descriptor = True
                self.phrase.unsure.append("read as every week (crontab.guru's wording)")
            return timed
        if self._kind(j) == lx.MINUTE:
            return self._minute_past(j)
        past = self._past(j)
        if past is not None:
            return past
        return j  # a bare "at", as in "at the end of the month"

    def _around(self, i: int) -> int | None:
        """ "ping me tomorrow around two about the tailor", "every day around 10": a bare hour
        said roughly is that hour, read as "at" reads it (the hedge makes the answer ask) — not
        "around 5 minutes", "around 10 people": only before a word that ends the time."""
        j = i + 1
        value = self.tokens[j].value if j < self.n else None
        if self._kind(j) != lx.NUM or not isinstance(value, int) or not 1 <= value <= 12:
            return None
        after = j + 1
        if after < self.n and self._kind(after) not in _AFTER_ROUGH_KINDS:
            if self._kind(after) != lx.WORD or self._word(after) not in _AFTER_ROUGH_HOUR:
                return None
        return self._at(i)

    def _past(self, i: int) -> int | None:
        """After "at": "15 past the hour", "quarter past", "half past", "minute 30"."""
        return self._minutes_past(i, loose=True)

    def _minutes_past(self, i: int, *, loose: bool = False) -> int | None:
        """Minutes past the hour: "15 minutes past the hour", "a quarter past every hour",
        "half past each hour", "5 minutes after every hour", "minute 30 past every hour",
        "minute 5 of every hour", "10 minutes to the hour" (the "every hour" is left for
        the next clause to read), and lists of them: "quarter past and quarter to every
        hour", "29 and 59 minutes past the hour", after "at" and an hourly interval "29 and
        59 minutes". Without `loose` (not after "at") the hour must be named, so "half past
        9" stays a time of day."""
        walked = self.walked
        if walked is not None and not loose and i in walked:
            return None  # "1 minute and 2 minutes and …": read from an earlier item already
        minutes: list[int] = []
        pending: list[int] = []  # read, waiting for their "past"/"to": "29 and 59 minutes past"
        named = unit_written = False
        spans: list[tuple[int, int]] = []
        items: list[int] = []  # where each item starts
        j = i
        end: int | None = None
        while True:
            item = self._minute_item(j)
            if item is None:
                break
            items.append(j)
            minute, j, item_named = item
            if minute in pending:
                return None  # "10 minutes and 10 minutes and …": no list of minutes
            named |= item_named
            unit_written |= item_named or self._is_unit(j - 1, "minute")
            pending.append(minute)
            high = self.tokens[j + 1].value if self._is_range(j) and j + 1 < self.n else None
            if self._kind(j + 1) == lx.NUM and isinstance(high, int) and minute < high < 60:
                # "minutes 00 through 30 past the hour", "at 2 and 4 through 5 minutes past"
                pending.extend(range(minute + 1, high + 1))
                spans.append((minute, high))
                j += 3 if self._is_unit(j + 2, "minute") else 2
            relation = self._word(j)
            if relation in _MINUTE_RELATIONS:
                if relation == "to":
                    if 0 in pending:
                        return None
                    pending = [60 - m for m in pending]  # "quarter to every hour": :45
                minutes += pending
                pending = []
                k = j + 1
                step = self._is_separator(k)
                following = self._minute_item(k + step) if step else None
                if following is not None and self._word(following[1]) in _MINUTE_RELATIONS:
                    j = k + step  # "quarter past and quarter to every hour": read on
                    continue
                end = self._after_minutes_past(k, relation, loose=loose, named=named)
                if end is None:
                    return None
                break
            step = self._is_separator(j)
            if step and self._minute_item(j + step) is not None:
                j += step
                continue
            if walked is not None and not loose and not minutes and len(items) > 1:
                # no "past"/"to" anywhere: read from a later item but the last (≥ 2 pending,
                # the hour not named), the list ends here the same way, and reads nothing
                walked.update(items[:-1])
            break
        if pending:
            if named and not minutes and len(pending) == 1:
                end = j  # "at minute 30"
            elif loose and unit_written and self._hourly_follows(j):
                end = j  # "every hour at 29 and 59 minutes"
            else:
                return None
            minutes += pending
        if end is None or not minutes:
            return None
        interval = self.phrase.interval
        if (
            len(spans) == 1
            and minutes == list(range(spans[0][0], spans[0][1] + 1))
            and interval is not None
            and interval[1] == "minute"
        ):
            # "Every 2 minutes, minutes 00 through 30 past the hour": the steps keep to that
            # part of each hour (cron's `0-30/2`)
            if self.phrase.minute_range is not None:
                raise Rejected("the text names two parts of the hour")
            self.phrase.minute_range = spans[0]
            return end
        self._set_minutes(minutes)
        if self._is_unit(end, "hour") and self._kind(end + 1) == lx.NUM and len(minutes) == 1:
            return self._past_hours(end + 1, minutes[0])
        return end

    def _minute_item(self, j: int) -> tuple[int, int, bool] | None:
        """One minute of the hour at j: "a quarter", "half", "15 [minutes]", "minute 30"
        (named); the minute, where it ends, and whether the word "minute" came first."""
        if self._word(j) == "a":
            j += 1
        named = False
        if self._is_unit(j, "minute") and self._kind(j + 1) == lx.NUM:
            minute, j, named = self.tokens[j + 1].value, j + 2, True
        elif self._kind(j) == lx.NUM:
            minute, j = self.tokens[j].value, j + 1
            if self._is_unit(j, "minute"):
                j += 1
        elif self._word(j) == "half":
            minute, j = 30, j + 1
        elif self._is_unit(j, "quarter"):
            minute, j = 15, j + 1
        else:
            return None
        if not isinstance(minute, int) or not 0 <= minute < 60:
            return None
        return minute, j, named

    def _after_minutes_past(self, k: int, relation: str, *, loose: bool, named: bool) -> int | None:
        """Where a minutes-past clause ends, after its "past"/"to" at k - 1; None when
        what follows does not say the minutes are of every hour."""
        if self._word(k) == "the" and self._is_unit(k + 1, "hour"):
            return k + 2  # "past the hour"
        if self._word(k) in ("every", "each") and self._is_unit(k + 1, "hour"):
            return k  # "past every hour": "every hour" is read next
        if relation == "to":
            return None  # "quarter to 8" is a time of day
        if self._word(k) == "hourly" or (self._is_unit(k, "hour") and named):
            return k  # "minute 0 past hour 9 and 17" (crontab.guru): hours read next
        if relation == "past" and (loose or named):
            if not named:
                self.phrase.hour_unnamed = True  # "at half past": of which hour?
            return k  # "at 15 past", "every hour at half past"
        return None

    def _hourly_follows(self, j: int) -> bool:
        """An hourly schedule read already or named next: "every hour at 29 and 59 minutes",
        "at 29 and 59 minutes every hour"."""
        if self.phrase.interval == (1, "hour"):
            return True
        if self._word(j) in ("every", "each") and self._is_unit(j + 1, "hour"):
            return True
        return self._word(j) == "hourly"

    def _past_hours(self, i: int, minute: int) -> int:
        """ "minute 0 past hour 9 and 17" (crontab.guru): those hours, on the 24-hour clock."""
        j = i
        while j < self.n and self._kind(j) == lx.NUM:
            hour = self.tokens[j].value
            if not isinstance(hour, int) or not 0 <= hour <= 23:
                raise Rejected(f"there is no hour {hour}")
            clock = ClockTime(hour, minute, None, True)
            token = self.tokens[j]
            self.phrase.times.append(TimeMention(clock, token.start, token.end))
            step = self._is_separator(j + 1)
            if not (step and self._kind(j + 1 + step) == lx.NUM):
                j += 1
                break
            j += 1 + step
        self.phrase.minute_past = None
        self.phrase.order.append("t")
        self.phrase.descriptor = True  # crontab.guru's words: a description of a schedule
        return j

    def _minute_past(self, i: int) -> int:
        """ ":15", ":20 and :50" (of every hour)."""
        minutes = [int(self.tokens[i].value)]  # type: ignore[call-overload]
        j = i + 1
        while (step := self._is_separator(j)) and self._kind(j + step) == lx.MINUTE:
            minutes.append(int(self.tokens[j + step].value))  # type: ignore[call-overload]
            j += step + 1
        if max(minutes) > 59:  # ":61" (the tokenizer takes any two digits after a colon)
            raise Rejected("an hour has minutes 0 to 59")
        self._set_minutes(minutes)
        if self._word(j) == "past" and self._word(j + 1) == "the":
            return j + 3 if self._is_unit(j + 2, "hour") else j
        return j

    def _nth_minutes(self, minutes: list[int], j: int) -> int:
        """ "the 15th minute of every hour", "on the 5th and 35th minute" (Oracle's words for
        BYMINUTE): minutes past the hour, counted as the clock shows them."""
        if not all(0 <= minute <= 59 for minute in minutes):
            raise Rejected("an hour has minutes 0 to 59")
        if 1 in minutes:
            # the first minute of the hour is also :00
            self.phrase.unsure.append("“the 1st minute” read as :01 past the hour")
        self._set_minutes(minutes)
        if self._word(j) in ("of", "past"):
            if self._word(j + 1) == "every" and self._is_unit(j + 2, "hour"):
                # "the 8th minute of every hour every day" (rubycron's words): the hourly
                # interval read as "every hour" is, so the day after it can frame it
                return j + 1
            k = j + 2 if self._word(j + 1) in ("every", "each", "the") else j + 1
            if self._is_unit(k, "hour"):
                return k + 1
        return j

    def _more_minutes(self, j: int) -> int | None:
        """After "on the hour": "and half past", "and at quarter past": those minutes with
        :00; None when no minutes of the hour follow ("and half past 9" is a time of day)."""
        step = self._is_separator(j)
        if not step:
            return None
        k = j + step + (self._word(j + step) == "at")
        if self._minute_item(k) is None:
            return None
        saved = (self.phrase.minute_past, self.phrase.more_minutes)
        self.phrase.minute_past, self.phrase.more_minutes = None, []
        end = self._minutes_past(k, loose=True)
        if end is None or self._kind(end) == lx.NUM or self.phrase.minute_past is None:
            self.phrase.minute_past, self.phrase.more_minutes = saved
            return None
        minutes = sorted({0, self.phrase.minute_past, *self.phrase.more_minutes})
        self.phrase.minute_past, self.phrase.more_minutes = saved
        self._set_minutes(minutes)
        return end

    def _set_minutes(self, minutes: list[int]) -> None:
        """Minutes past the hour, the first in `minute_past`; naming others is a refusal."""
        known = self.phrase.minute_past
        if known is not None and [known, *self.phrase.more_minutes] != minutes:
            raise Rejected("the text names two minutes past the hour")
        self.phrase.minute_past, *self.phrase.more_minutes = minutes

    # -- recurrence words ---------------------------------------------------------

    def _every(self, i: int) -> int | None:
        j = i + 1
        if (
            self._is_sym(j, "-")
            and self.tokens[j].start == self.tokens[i].end  # "every-", not "every -5"
            and self._kind(j + 1) in _AFTER_EVERY_DASH
        ):
            j += 1  # "Every-second Thursday", "every-other week": "every second", "every other"
        if self._word(j) == "single" and j + 1 < self.n:
            j += 1  # "every single day", "every single Monday": "every"
        count: float = 1
        token = self.tokens[j] if j < self.n else None
        if token is None:
            return None
        self.and_every = i > 0 and self.phrase.interval is not None and self._word(i - 1) == "and"
        if i > 0 and self._word(i - 1) == "of" and (step := self._hour_step(j)) is not None:
            return step  # "every minute of every 3rd hour"
        word = self._word(j)
        if word == "last":  # "every last Friday of the month"
            self.phrase.every = True
            return self._last(j)
        if word in ("noon", "midnight"):  # "every midnight": every day at midnight
            self._set_interval(1, "day")
            return self._times(j)
        if token.kind == lx.TIME and _said_whole(token.value):  # type: ignore[arg-type]
            # "every 5pm", "every 17:00": every day at that time, as "every midnight"
            self._set_interval(1, "day")
            return self._times(j)
        if word == "dow":  # "every day-of-week from Monday through Friday" (crontab.guru)
            self.phrase.every = True
            return self._dow(j + 1)
        if word in _HOLIDAYS:  # "every Christmas"
            end = self._holiday(j)
            if end is not None and (self.phrase.dates or self.phrase.holiday):
                self.phrase.every = True
            return end
        if word == "other":
            count, j = 2, j + 1
        elif token.kind == lx.NUM and self._kind(j + 1) == lx.ORD and self.tokens[j + 1].value == 2:
            self._set_interval(float(token.value), "second")  # type: ignore[arg-type]
            return j + 2  # "every 5 second": the unit, not the ordinal
        elif token.kind == lx.NUM and self._bare_monthday(j):
            # "every 27" (Todoist): the 27th of every month; it could be an interval with
            # its unit left out, so the answer asks
            day = int(token.value)  # type: ignore[call-overload]
            self.phrase.unsure.append(f"“every {day}” read as the {_ordinal(day)} of every month")
            self.phrase.monthdays.append(day)
            self.phrase.every = self.phrase.of_month = True
            return j + 1
        elif token.kind == lx.NUM and self._plain_day_of_month(j):
            self.phrase.every = True  # "every 16 March", "every 4 of July": as "every March 16"
            return self._number(j)
        elif token.kind == lx.NUM:
            count, j = token.value, j + 1  # type: ignore[assignment]
            fraction = self._fraction(j)
            if fraction is not None:  # "every one and a half hours", "every 1 1/2 hours"
                count, j = count + fraction[0], fraction[1]
        elif (fraction := self._fraction(j)) is not None and token.kind == lx.SLASHDATE:
            count, j = fraction  # "every 1/2 hour"
        elif token.kind == lx.SLASHDATE and token.value[2] is None:  # type: ignore[index]
            self.phrase.every = True  # "every 3/16", "every 7/4": that date every year
            return self._slash_date(j)
        elif word == "few":
            raise Rejected(
                f'"every {self.tokens[j].value} …" is vague', "give a number: every 3 hours"
            )
        elif word == "half" and self._is_unit(j + 1, "hour"):
            self._set_interval(30, "minute")
            return j + 2
        elif word == "half" and self._word(j + 1) == "a" and self._is_unit(j + 2, *_SECONDS):
            count, j = 0.5, j + 2  # "every half an hour", "every half a day"
        elif word in ("odd", "even", "uneven") and self._is_unit(j + 1, "hour"):
            self._set_interval(2, "hour")  # "every odd hour": 1, 3, ... 23 ("even": 0, 2, ...)
            self.phrase.odd_hours = word != "even"
            return j + 2
        elif word in ("odd", "even", "uneven") and (
            self._is_unit(j + 1, "month", "day")
            or (
                self._word(j + 1 + self._is_sym(j + 1, "-")) == "numbered"
                and self._is_unit(j + 2 + self._is_sym(j + 1, "-"), "month", "day")
            )
        ):
            # "in every odd-numbered month" (January, March, ...), "every even month", "on
            # every even numbered day" (the 2nd, 4th, ... 30th of each month)
            end = j + 2 + (not self._is_unit(j + 1, "month", "day")) + self._is_sym(j + 1, "-")
            first = 2 if word == "even" else 1
            self.phrase.every = True
            days = self._is_unit(end - 1, "day")
            found = self.phrase.monthdays if days else self.phrase.months
            for value in range(first, 32 if days else 13, 2):
                if value not in found:
                    found.append(value)
            if days:
                self.phrase.of_month = True
                self.phrase.order.append("d")
                if self._word(end - 2) != "numbered":
                    # "every odd day" may also mean every other day: asked
                    self.phrase.unsure.append(f"“every {word} day” read as {word}-numbered dates")
            return end
        elif word in ("odd", "even", "uneven") and self._is_unit(j + 1, "minute"):
            self._set_interval(2, "minute")  # "every odd minute": 1, 3, ... 59 past the hour
            if word != "even":
                self._set_minutes([1])
            return j + 2
        elif self._is_unit(j, "quarter") and (end := self._quarter_of_an_hour(j + 1)):
            self._set_interval(15, "minute")  # "every quarter hour", "every quarter of an hour"
            return end
        elif token.kind == lx.ORD and token.value == 0 and self._is_unit(j + 1, "minute"):
            # "Every 0th minute past the 4, 8 and 12th hour", "every 0th minute every hour"
            # (prettycron's and cron-to-text's words): on the hour
            self._set_minutes([0])
            self.phrase.every = True
            k = j + 2
            ordinal_follows = self._kind(k + 2) in (lx.NUM, lx.ORD)
            if self._word(k) == "past" and self._word(k + 1) == "the" and ordinal_follows:
                k += 2
            return k
        elif token.kind == lx.ORD:
            ordinal = int(token.value)  # type: ignore[call-overload]
            if self._is_unit(j + 1, "day") and self._month_follows(j + 2):
                self.phrase.every = True  # "every 1st day of the month": a day of the month
                return self._ordinals(j)
            if self._is_unit(j + 1, "month") and self._word(j + 2) == "of":
                return self._calendar_months(j)  # "every third month of the year"
            if self._is_unit(j + 1, "week") and self._month_follows(j + 2):
                return self._ordinals(j)  # "every third week of the month": of each month
            if self._is_unit(j + 1, *_SECONDS, "month", "year"):
                if ordinal > 2 and self._is_unit(j + 1, "week"):
                    # "every third week": every 3 weeks, or the third week of each month
                    # (a maintenance window's); "every second week" is the fortnightly idiom
                    self.phrase.unsure.append(
                        f"“every {_ordinal(ordinal)} week” read as every {ordinal} weeks (it may "
                        f"mean the {_ordinal(ordinal)} week of each month)"
                    )
                count, j = ordinal, j + 1  # "every 2nd day"
            elif ordinal == 2 and token.end - token.start == 6 and self._kind(j + 1) == lx.DAYSET:
                count, j = 2, j + 1  # "every second weekend": as "every other weekend"
            elif (
                ordinal == 2
                and token.end - token.start == 6
                and self._kind(j + 1) not in (lx.DAY, lx.DAYS)
                # "every second and fourth Thursday": ordinals of the month, not "every second"
                and not (
                    self._is_separator(j + 1)
                    and self._kind(j + 1 + self._is_separator(j + 1)) == lx.ORD
                )
            ):
                # the word "second" is the unit here ("every second"), not the ordinal
                self._set_interval(1, "second")
                return j + 1
            elif (
                ordinal > 1
                and self._kind(j + 1) in (lx.DAY, lx.DAYS)
                and not self._month_follows(j + 2)
                and not self._year_follows(j + 2)
                # "every 4th Thursday in November", "every 3rd Friday of Jan": of that month
                and self._kind(j + 3 if self._word(j + 2) in ("of", "in") else j + 2) != lx.MONTH
            ):
                day = lx.DAY_LABELS[int(self.tokens[j + 1].value)]  # type: ignore[call-overload]
                listed = self._is_separator(j + 2) and self._kind(
                    j + 2 + self._is_separator(j + 2)
                ) in (lx.DAY, lx.DAYS)
                spelled_second = ordinal == 2 and token.end - token.start == 6
                if listed or spelled_second:
                    # "every second Wednesday" (the word: "every second week" is every other
                    # one), "every 3rd Monday and Friday" (a 3rd Monday and a 3rd Friday of
                    # the month would be an odd pair): every N weeks on those days; the
                    # monthly reading is possible, so the answer asks
                    written = "second" if spelled_second else _ordinal(ordinal)
                    self.phrase.unsure.append(
                        f"“every {written} {day}” read as "
                        f"every {ordinal} weeks (say “the {_ordinal(ordinal)} {day} of the "
                        "month” for the other reading)"
                    )
                    end = self._days(j + 1)
                    self._set_interval(ordinal, "week")
                    return end
                # "every 2nd Monday": Todoist reads the 2nd Monday of the month; it could
                # be every 2 weeks, so the answer asks
                self.phrase.unsure.append(
                    f"“every {_ordinal(ordinal)} {day}” read as the {_ordinal(ordinal)} {day} "
                    f"of every month (say “every {ordinal} weeks” for the other reading)"
                )
                self.phrase.every = True
                self.phrase.of_month = True
                return self._ordinals(j)
            else:
                self.phrase.every = True
                return self._ordinals(j)
        if (
            i > 0
            and self._word(i - 1) == "and"
            and self.phrase.interval == (1, "day")
            and not self.phrase.weekdays
            and self._kind(j) in (lx.DAY, lx.DAYS, lx.DAYSET)
        ):
            # "every day and every Monday": every day takes in Mondays; something else was meant
            self.phrase.unsure.append("“every day and every …” names some days twice: which?")
        was_every = self.phrase.every
        self.phrase.every = True
        end = self._every_unit(j, count)
        if end is None:
            # "at 22:00 every unit within 30 km": not a schedule's "every", so it repeats nothing
            self.phrase.every = was_every
        return end

    def _hour_step(self, j: int) -> int | None:
        """ "of every 3rd hour" after an interval of minutes that divides
        an hour ("Every minute of every 3rd hour"): the minutes run in every 3rd hour only, and
        the end of the words read; None otherwise."""
        current = self.phrase.interval
        if current is None or current[1] != "minute" or 60 % current[0]:
            return None
        token = self.tokens[j] if j < self.n else None
        if token is None or token.kind != lx.ORD or not self._is_unit(j + 1, "hour"):
            return None  # ("every minute of every 2 hours": which minutes? asked, as before)
        step = token.value
        if not isinstance(step, int) or not 2 <= step <= 12:
            return None
        self.phrase.hour_step = step
        return j + 2

    def _every_unit(self, j: int, count: float) -> int | None:
        """What follows "every" (and a count): a unit, days, a part of the day, a month."""
        token = self.tokens[j] if j < self.n else None
        if token is None:
            return None
        kind = token.kind
        if self._is_unit(j, "week") and self._is_unit(j + 1, "day") and count == 1:
            return self._days_from(j, (1, 2, 3, 4, 5))  # "every week day"
        if kind == lx.UNIT and token.value == "month" and count == 1 and self.phrase.interval:
            return j + 1  # "every 10 minutes Monday through Friday every month"
        if kind == lx.UNIT:
            if token.value == "quarter":
                self.phrase.quarter = True
                self._set_interval(3 * count, "month")
                return j + 1
            count, unit, end = self._more_duration(j + 1, count, str(token.value))
            self._set_interval(count, unit)
            if unit in ("day", "week"):
                self.phrase.order.append("d")
            return end
        if kind == lx.DAYSET and token.value == lx.WEEKEND and self._is_unit(j + 1, "day"):
            # "every weekend day": Saturday and Sunday
            for day in (6, 0):
                if day not in self.phrase.weekdays:
                    self.phrase.weekdays.append(day)
            self.phrase.order.append("d")
            if count != 1:
                self._set_interval(count, "week")
            return j + 2
        if kind == lx.DAYSET and token.value == lx.WEEKEND and count == 1:
            # "every weekend": once a weekend, on Saturday, as Todoist reads it; it could be
            # both days, so the answer asks
            self.phrase.unsure.append(lx.EVERY_WEEKEND_NOTE)
            self.phrase.order.append("d")
            if 6 not in self.phrase.weekdays:
                self.phrase.weekdays.append(6)
            return j + 1
        if kind in (lx.DAY, lx.DAYS, lx.DAYSET):
            end = self._days(j)
            if count != 1:
                self._set_interval(count, "week")
                if kind == lx.DAYSET:
                    # "every other weekday": every second week, or every second day?
                    self.phrase.unsure.append(
                        f"read as those days every {count} weeks (it could mean every "
                        "other day among them)"
                    )
            return end
        if kind == lx.WORD and token.value in _PARTS:
            self._set_part(str(token.value))
            self._set_interval(count, "day")
            return j + 1
        if kind == lx.WORD and token.value == "business" and count == 1:
            return self._business(j)
        if kind == lx.MONTH and count == 1:
            return self._month(j)
        if kind == lx.ORD and self._word(j - 1) == "other" and self._plain_monthday(j):
            # "every other 16th": that day of every second month
            self._set_interval(count, "month")
            ordinal = self.tokens[j]
            if ordinal.value == 2 and ordinal.end - ordinal.start == 6:
                # "every other second": the unit as much as the 2nd of the month — asked
                self.phrase.unsure.append("“every other second” read as the 2nd, every 2 months")
            return self._ordinals(j)
        return None

    def _and_a_half(self, j: int, *, before_unit: bool = False) -> int:
        """The length of "and a half" at j, or of "and half" as people also type it ("every
        hour and half"; not "on the hour and half past", minutes of the hour); 0 if none."""
        if self._word(j) != "and":
            return 0
        if self._word(j + 1) == "a" and self._word(j + 2) == "half":
            return 3
        if self._word(j + 1) != "half":
            return 0
        following = self._word(j + 2)
        if before_unit:
            return 2
        if following in _MINUTE_RELATIONS or self._kind(j + 2) == lx.UNIT:
            return 0
        return 2

    def _fraction(self, j: int) -> tuple[float, int] | None:
        """A fraction at j said before its unit: "and a half" ("one and a half hours") or a
        slash ("1 1/2 hours", "1/2 hour" — a date is never followed by a unit); its value
        and the unit's index, or None."""
        half = self._and_a_half(j, before_unit=True)
        if half:
            return (0.5, j + half) if self._is_unit(j + half, *_SECONDS) else None
        if self._kind(j) != lx.SLASHDATE or not self._is_unit(j + 1, *_SECONDS):
            return None
        top, bottom, year = self.tokens[j].value  # type: ignore[misc]
        if year is not None or not 0 < top < bottom <= 4:
            return None
        return top / bottom, j + 1

    def _more_duration(self, j: int, count: float, unit: str) -> tuple[float, str, int]:
        """The rest of a duration said in parts, from j just after its first unit: "(an
        hour) and a half", "(1 hour) 30 minutes", "(1h) 30m", "(2 days) 12 hours", each unit
        smaller than the one before. Returns one amount — in days when days or weeks are
        named (never seconds: days stay on the wall clock, and a part of a day is refused
        by build), else in the smallest unit named — its unit and where it ends."""
        if unit not in _SECONDS:
            return self._more_months(j, count, unit)
        total, smallest = count * _SECONDS[unit], unit
        half = self._and_a_half(j)
        if half:  # "every hour and a half", "a day and a half"
            total, j = total + _SECONDS[unit] / 2, j + half
        elif self._word(j) == "and" and self._word(j + 1) == "a":
            if self._is_unit(j + 2, "quarter") and unit == "hour":
                total, j = total + 900, j + 3  # "every hour and a quarter"
        else:
            comma = False
            while True:
                step = self._is_separator(j)
                if step and self._is_sym(j, "/"):
                    break  # "every hour/30 minutes": a choice, if anything
                k = j + step
                token = self.tokens[k] if k < self.n else None
                if token is None or token.kind != lx.NUM or not self._is_unit(k + 1, *_SECONDS):
                    break
                part = str(self.tokens[k + 1].value)
                if _SECONDS[part] >= _SECONDS[smallest]:
                    break
                after = self._word(k + 2)
                if after in _NOT_MORE_DURATION or (
                    after in _UNLESS_TIME_FOLLOWS and not self._time_follows(k + 3)
                ):
                    break  # "every hour, 15 minutes past": minutes past, not more interval
                total += float(token.value) * _SECONDS[part]  # type: ignore[arg-type]
                comma |= step == 1 and self._is_sym(j, ",")
                smallest, j = part, k + 2
            if comma:
                # "every 2 hours, 30 minutes" may be one interval or the start of a list
                self.phrase.unsure.append(
                    f"“{_duration_words(count, unit)}, …” read as one interval (say “and”)"
                )
        if total == count * _SECONDS[unit]:
            return count, unit, j
        if _SECONDS[unit] >= _SECONDS["day"]:
            return total / _SECONDS["day"], "day", j
        return total / _SECONDS[smallest], smallest, j

    def _more_months(self, j: int, count: float, unit: str) -> tuple[float, str, int]:
        """ "(every month) and a half", "(every year) 6 months": months and years add up
        (a part of one is refused by build); weeks or days do not add to them (a month has
        no fixed length), and are refused rather than left over as the task."""
        if unit not in ("month", "year"):
            return count, unit, j
        half = self._and_a_half(j)
        if half:
            return count + 0.5, unit, j + half
        k = j + self._is_separator(j)
        if self._kind(k) != lx.NUM or not self._is_unit(k + 1, "month", "week", "day"):
            return count, unit, j
        part = str(self.tokens[k + 1].value)
        if self._word(k + 2) in _NOT_MORE_DURATION or self._word(k + 2) in _UNLESS_TIME_FOLLOWS:
            return count, unit, j
        if unit == "year" and part == "month":
            months = count * 12 + float(self.tokens[k].value)  # type: ignore[arg-type]
            return months, "month", k + 2
        raise Rejected(
            f"{unit}s and {part}s do not add up to one interval: a {unit} has no fixed length",
            "every 6 weeks",
        )

    def _time_follows(self, j: int) -> bool:
        """Whether a time of day ("6pm", "at 9", "9:30") starts at j."""
        if self._word(j) == "at":
            j += 1
        return self._kind(j) in (lx.TIME, lx.NUM)

    def _plain_monthday(self, i: int) -> bool:
        """An ordinal at i that is a day of the month alone: not "16th of March", not
        "2nd Tuesday", not "3rd business day"."""
        value = self.tokens[i].value
        if not isinstance(value, int) or not 1 <= value <= 31:
            return False
        following = self._kind(i + 1)
        if following in (lx.DAY, lx.DAYS, lx.DAYSET, lx.MONTH, lx.UNIT, lx.ORD):
            return False
        if self._word(i + 1) in ("last", "business", "to") or self._is_separator(i + 1):
            return False
        return not (self._word(i + 1) == "of" and self._kind(i + 2) == lx.MONTH)

    def _bare_monthday(self, i: int) -> bool:
        """Whether the number at i is a day of the month with nothing after it but a time:
        "every 27", "every 15 at 9am" (not "every 15 minutes", "every 3 on weekdays")."""
        token = self.tokens[i]
        if token.spelled or token.end - token.start > 2 or not isinstance(token.value, int):
            return False
        if not 1 <= token.value <= 31:
            return False
        j = i + 1
        return j >= self.n or self._kind(j) == lx.TIME or self._word(j) == "at"

    def _calendar_months(self, i: int) -> int:
        """ "every 3rd month" as crontab.guru and cron's */3 mean it, "every third month of
        the year": the months counted from January (1, 4, 7, 10), not from the first run."""
        step = int(self.tokens[i].value)  # type: ignore[call-overload]
        if not 1 <= step <= 12:
            raise Rejected(f"there is no {_ordinal(step)} month of a year")
        for month in range(1, 13, step):
            if month not in self.phrase.months:
                self.phrase.months.append(month)
        self.phrase.every = True
        self.phrase.of_month = True
        j = i + 2
        if self._word(j) == "of" and self._word(j + 1) == "the" and self._is_unit(j + 2, "year"):
            j += 3
        return j

    def _weekday_after(self, ordinals: list[int], days: list[int], j: int) -> int | None:
        """ "the first Saturday that follows the first Sunday of the month", "the first Tuesday
        after the first Monday in November": that weekday on the seven days of the month it
        can fall on (RFC 5545: BYDAY=SA;BYMONTHDAY=7,…,13)."""
        k = j + (self._word(j) == "that")
        if not (
            self._word(k) in ("follows", "after")
            and self._word(k + 1) == "the"
            and self._kind(k + 2) == lx.ORD
            and self._kind(k + 3) == lx.DAY
            and len(ordinals) == len(days) == 1
        ):
            return None
        nth, anchor = ordinals[0], int(self.tokens[k + 2].value)  # type: ignore[call-overload]
        anchor_day = int(self.tokens[k + 3].value)  # type: ignore[call-overload]
        gap = (days[0] - anchor_day) % 7 or 7
        first = 7 * (anchor - 1) + 1 + gap + 7 * (nth - 1)
        if nth < 1 or anchor < 1 or first + 6 > 31:
            raise Rejected("no month has that day")
        self.phrase.weekdays.append(days[0])
        self.phrase.monthdays.extend(range(first, first + 7))
        self.phrase.weekday_date = True
        self.phrase.order.append("d")
        return k + 4

    def _either_day(self, ordinals: list[int], days: list[int], j: int) -> int | None:
        """ "The first Saturday or Sunday of a month, whichever comes first", "the last Monday
        or Friday": the first (last) of those weekdays in the month (RFC 5545: BYDAY=SA,SU;
        BYSETPOS=1), as "the first weekend day"."""
        if self._word(j) != "or" or self._kind(j + 1) not in (lx.DAY, lx.DAYS):
            return None
        if len(ordinals) != 1 or not (1 <= ordinals[0] <= 5 or ordinals[0] == -1):
            return None
        days = [*days, int(self.tokens[j + 1].value)]  # type: ignore[call-overload]
        j += 2
        while (self._is_separator(j) or self._word(j) == "or") and self._kind(j + 1) in (
            lx.DAY,
            lx.DAYS,
        ):
            days.append(int(self.tokens[j + 1].value))  # type: ignore[call-overload]
            j += 2
        phrase = self.phrase
        phrase.first_weekday = ordinals[0]
        phrase.setpos_days = tuple(sorted(set(days)))
        phrase.of_month = True
        phrase.order.append("d")
        if self._word(j) == "of" and self._word(j + 1) in ("a", "the", "every", "each"):
            if self._is_unit(j + 2, "month"):
                j += 3
        k = j + (self._is_sym(j, ","))
        # "whichever comes first" / "which ever comes first": what BYSETPOS says already
        # ("ever" is read as a misspelled "every"; "first" as the ordinal)
        if self._word(k) == "which" and self._word(k + 1) in ("ever", "every"):
            k += 1
        if self._word(k) in ("whichever", "which") and self._word(k + 1) in ("comes", "is"):
            last = k + 2
            return last + (self._word(last) == "last" or self._kind(last) == lx.ORD)
        return j

    def _nth_bound(self, i: int, *, inclusive: bool) -> int | None:
        """ "The first Tuesday of the month on or after the 2nd", "the last Friday before the
        25th": the weekday counted from a day of the month, not from the 1st — that weekday on
        the seven days it can fall on (RFC 5545: BYDAY=TU;BYMONTHDAY=2,…,8). `i` is at "after"
        or "before"; the one weekday counted ("first", "last") was read before it."""
        phrase = self.phrase
        j = i + 1 + (self._word(i + 1) == "the")
        if not (
            self._word(i) in ("after", "before")
            and self._kind(j) == lx.ORD
            and self._kind(j + 1) not in (lx.DAY, lx.DAYS)
            and not self._is_unit(j + 1, "hour", "minute")
            and len(phrase.nth) == 1
            and not (phrase.monthdays or phrase.weekdays)
        ):
            return None
        nth, day = phrase.nth[0]
        anchor = int(self.tokens[j].value)  # type: ignore[call-overload]
        after = self._word(i) == "after"
        if after == (nth < 0) or not 1 <= abs(nth) <= 4:
            return None  # "the last Friday after the 20th", "the fifth Monday": not one week
        # the first day the weekday may fall on: the anchor itself, or the day after (before)
        edge = anchor + (0 if inclusive else 1 if after else -1)
        first = edge + 7 * (nth - 1) if after else edge - 7 * (-nth - 1) - 6
        if first < 1 or first + 6 > 31:
            raise Rejected("no month has that day")
        phrase.nth.clear()
        phrase.weekdays.append(day)
        phrase.monthdays.extend(range(first, first + 7))
        phrase.weekday_date = phrase.of_month = True
        end = j + 1
        if (
            self._word(end) == "of"
            and self._word(end + 1) == "the"
            and self._is_unit(end + 2, "month")
        ):
            end += 3
        return end

    def _day_follows(self, i: int) -> bool:
        """ "of the day", "of every day", "of each day" at i."""
        return (
            self._word(i) in ("of", "in")
            and self._word(i + 1) in ("the", "every", "a")
            and self._is_unit(i + 2, "day")
        )

    def _year_follows(self, i: int) -> bool:
        """ "of the year", "in every year", "of a year" at i."""
        return (
            self._word(i) in ("of", "in")
            and self._word(i + 1) in ("the", "every", "a")
            and self._is_unit(i + 2, "year")
        )

    def _month_follows(self, i: int) -> bool:
        """Whether "of the month"/"of every month"/"each month" starts at i."""
        if self._word(i) == "of":
            i += 1
        if self._word(i) in ("the", "every", "a"):
            i += 1
        return self._is_unit(i, "month")

    def _frequency(self, i: int) -> int:
        word = str(self.tokens[i].value)
        if word == "quarterly":
            self.phrase.quarter = True
            self._set_interval(3, "month")
            return i + 1
        count, unit = _FREQUENCIES[word]
        self._set_interval(count, unit)
        self.adverb = count == 1 and word != "nightly"
        if unit in ("day", "week"):
            self.phrase.order.append("d")  # "daily at 9 plus Saturdays at noon": two schedules
        if word == "nightly":
            self._set_part("night")
            self.phrase.nightly = True
        elif word == "biweekly":
            # it means twice a week too (dictionaries give both): asked
            self.phrase.unsure.append('"biweekly" read as every two weeks (not twice a week)')
        elif word == "bimonthly":
            # it means twice a month too (dictionaries give both): asked
            self.phrase.unsure.append('"bimonthly" read as every two months (not twice a month)')
        elif word == "minutely":
            # it also means "in detail" ("examined minutely"): asked
            self.phrase.unsure.append('"minutely" read as every minute (not in detail)')
        elif word == "biannually":
            # "biannually" is twice a year, but some write it for every two years: asked
            self.phrase.unsure.append('"biannually" read as every six months (not two years)')
        if unit == "month":
            self.phrase.of_month = True
        return i + 1

    def _once(self, i: int) -> int:
        j = i + 1
        if self._word(j) in _FREQUENCIES or self._word(j) == "quarterly":
            return j  # "once daily"
        if self._word(j) == "every" and not self._kind(j + 1) == lx.UNIT:
            return j  # "once every two hours": the interval is read next
        if self._word(j) in ("a", "per", "each") and self._word(j + 1) == "night":
            # "once per night (at 23h00)", "once a night": nightly, as "once per day" is daily
            self._set_interval(1, "day")
            self._set_part("night")
            self.phrase.nightly = True
            self.phrase.order.append("d")
            return j + 2
        if self._word(j) in ("a", "every"):
            j += 1
        token = self.tokens[j] if j < self.n else None
        if (
            token is not None
            and token.kind == lx.UNIT
            and token.value
            in _SECONDS.keys()
            | {
                "month",
                "year",
            }
        ):
            self._set_interval(1, str(token.value))
            if token.value == "month":
                self.phrase.of_month = True
            return j + 1
        self.phrase.once = True
        return i + 1

    def _at_most(self, i: int) -> int | None:
        """ "no more than 10 times", "not more than 10 times", "at most 10 times", "up to 10
        times": a number of runs (RFC 5545 COUNT), as "10 times" is."""
        word, following = self._word(i), self._word(i + 1)
        if word in ("no", "not") and following == "more":
            j = i + 3 if self._word(i + 2) == "than" else None
        elif (word == "at" and following == "most") or (word == "up" and following == "to"):
            j = i + 2
        else:
            return None
        token = self.tokens[j] if j is not None and j < self.n else None
        if token is None or token.kind != lx.NUM or not isinstance(token.value, int):
            return None
        if not (
            self._word(j + 1) in ("times", "occurrences") or self._is_unit(j + 1, "occurrence")
        ):
            return None
        if self.phrase.count not in (None, token.value):
            raise Rejected("the text names two numbers of runs")
        self.phrase.count = token.value
        return j + 2

    def _times_per(self, i: int) -> int | None:
        """ "twice a day", "3 times a week": only a schedule when the times (or days) are
        named too — "twice a day at 9am and 5pm"; build checks they add up."""
        if self._word(i) == "twice":
            count, j = 2, i + 1
        else:
            count, j = int(self.tokens[i].value), i + 2  # type: ignore[call-overload]
        unit = None
        if self._word(j) in ("a", "every", "each", "per") and self._is_unit(
            j + 1, "hour", "day", "week", "month", "year"
        ):
            # "twice a day", "twice every day", "3 times each week", "twice per day": the same
            unit, j = str(self.tokens[j + 1].value), j + 2
        elif self._word(j) in ("daily", "weekly", "monthly", "yearly"):
            unit = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year"}[
                str(self._word(j))
            ]
            self.phrase.times_per_adverb = True  # "10 times weekly": build may read a count
            j += 1
        elif self._is_unit(j, "day", "week", "month", "year") and self._word(i) != "twice":
            # "1x month", "2x week" (the "a" left out, as in lists of plans and habits)
            unit, j = str(self.tokens[j].value), j + 1
        elif self._kind(j) == lx.DAYSET and self._word(i) != "twice":
            # "2x weekdays (8am, 4pm)": so many times on each of those days
            unit = "day"
        if unit is None and self._word(i) != "twice" and self.phrase.count in (None, count):
            # "weekly on Tuesday, 10 times", "10 times weekly on Tuesday": a count, which
            # only a repeating schedule can have (build checks)
            self.phrase.count = count
            if self._word(j) in ("every", "each") and (
                self._is_unit(j + 1, "second", "minute", "hour")
                or (self._kind(j + 1) == lx.NUM and self._is_unit(j + 2, "second", "minute"))
                # ("call two times every second": "second" at the end is the unit)
                or (
                    self._kind(j + 1) == lx.ORD
                    and self.tokens[j + 1].value == 2
                    and j + 2 >= self.n
                )
            ):
                # "It runs two times every 5 minutes", "call two times every second": so many
                # runs that far apart, or so many within each such period? Asked
                self.phrase.unsure.append(
                    f"“{count} times every …” read as {count} runs in all (it may mean {count} "
                    "in each period)"
                )
            return j
        if unit is None or self.phrase.times_per is not None:
            raise Rejected(
                "a number of times per day or week does not say when",
                "name the times: every day at 9am and 5pm",
            )
        self.phrase.times_per = (count, unit)
        self.phrase.every = True
        return j

    # -- days of the week ---------------------------------------------------------

    def _days(self, i: int) -> int:
        span = self._day_span(i)
        if span is not None:
            return span
        end = self._days_named(i)
        if self._word(end) in ("that", "which") and self._word(end + 1) in _FALLS:
            return self._falls_on(end + 1) or end  # "every Friday that falls on the 13th"
        return end

    def _day_span(self, i: int) -> int | None:
        """ "from Saturday 8am to Sunday 6pm", "every Friday 5pm to Sunday 11pm", "Friday at
        5pm until Monday 9am": a span from a day and time into a later day — when something
        happens, so it runs at its start (asked, as `_across_days`). None when the words at i
        are not one."""
        if self._kind(i) not in (lx.DAY, lx.DAYS):
            return None
        k = i + 1 + (self._word(i + 1) == "at")
        first = self._time_at(k)
        if first is None or not self._is_range(first[1]):
            return None
        if self._kind(first[1] + 1) not in (lx.DAY, lx.DAYS):
            return None
        last_at = first[1] + 1
        end = self._time_at(last_at + 1 + (self._word(last_at + 1) == "at"))
        if end is None or self.tokens[last_at].value == self.tokens[i].value:
            return None  # "Monday 9am to Monday 5pm": a window on one day
        if self.phrase.interval is not None and self.phrase.interval[1] in _SUB_DAILY:
            raise Rejected("a window that runs from one day into another cannot repeat within it")
        first_day, last_day = int(self.tokens[i].value), int(self.tokens[last_at].value)  # type: ignore[call-overload]
        spanned = _day_range(first_day, last_day)
        weekdays = self.phrase.weekdays
        if weekdays and set(weekdays) <= set(spanned):
            weekdays.clear()  # "every weekend, Fri 5pm to Sun 11pm": the weekend, said again
        if self._days_named(i) != i + 1:
            return None  # (not reached: a day followed by a time is read alone)
        self.phrase.times.append(first[0])
        self.phrase.order.append("t")
        start, last = (
            lx.DAY_LABELS[int(self.tokens[i].value)],
            lx.DAY_LABELS[int(self.tokens[last_at].value)],
        )  # type: ignore[call-overload]
        self.phrase.unsure.append(
            f"a span from {start} into {last} read as when it happens: runs at its start"
        )
        return end[1]

    def _span_end(self, i: int) -> int | None:
        """After "ends": "(on) Sundays at 6:00 p.m." when the phrase starts on one day at one
        time ("starts every Saturday at 8:00 a.m. and ends on Sundays at 6:00 p.m."): the end
        of a span into a later day, which runs at its start (asked); None if not that."""
        p = self.phrase
        if len(p.times) == 1 and p.window is None and p.interval is None:
            k = i + (self._word(i) == "at")
            end = self._time_at(k) if self._word(i) == "at" or self._kind(i) == lx.TIME else None
            if end is not None:
                # "starts at 9am and ends at 5pm": when it happens, from its start (asked)
                p.unsure.append("a start and an end read as when it happens: runs at its start")
                return end[1]
        if len(p.weekdays) != 1 or len(p.times) != 1 or p.window is not None:
            return None
        k = i + (self._word(i) == "on")
        if self._kind(k) not in (lx.DAY, lx.DAYS) or self.tokens[k].value == p.weekdays[0]:
            return None
        end = self._time_at(k + 1 + (self._word(k + 1) == "at"))
        if end is None:
            return None
        start, last = lx.DAY_LABELS[p.weekdays[0]], lx.DAY_LABELS[int(self.tokens[k].value)]  # type: ignore[call-overload]
        p.unsure.append(
            f"a span from {start} into {last} read as when it happens: runs at its start"
        )
        return end[1]

    def _days_named(self, i: int) -> int:
        if (
            self._kind(i) == lx.DAYSET
            and self.tokens[i].value == lx.WEEKEND
            and i >= 1
            and self._word(i - 1) == "the"
            and (i == 1 or self._word(i - 2) in ("on", "over", "at", "for", "during"))
        ):
            # "on the weekend", "over the weekend": once or every weekend, and which day?
            if not WEEKEND_JOB.get():
                raise Rejected(
                    "“the weekend” does not say which day, nor whether every weekend",
                    "say “on Saturday”, “every Saturday” or “weekends” (both days)",
                )
            # "run at 6am on the weekend": a job repeats — every weekend, both days
            self.phrase.unsure.append(WEEKEND_JOB_NOTE)
        if (
            self._kind(i) == lx.DAYSET
            and self.tokens[i].value == lx.WEEKEND
            and i >= 1
            # "some" is the lexicon's "few"; "one" is the number 1
            and (self._word(i - 1) in ("any", "few", "a") or self.tokens[i - 1].value == 1)
        ):
            # "dinner with mom any weekend": one weekend, not yet chosen
            raise Rejected(
                "“any weekend” does not say which weekend, nor which day",
                "say “on Saturday”, “every Saturday” or “weekends” (both days)",
            )
        if (
            self._kind(i) == lx.DAYSET
            and self.tokens[i].value == lx.WEEKEND
            and i >= 1
            and self.days_end == i
            and self._kind(i - 1) == lx.DAY
            and self.tokens[i - 1].value in (6, 0)
            and self.tokens[i].end - self.tokens[i].start == len("weekend")
            and self.phrase.single_day
        ):
            # "saturday weekend": the Saturday of the weekend, said twice — not every weekend
            return i + 1
        days: list[int] = []
        items = 0
        recurring = False
        joined = True  # every name after the first follows "and" or a comma
        j = i
        while j < self.n:
            token = self.tokens[j]
            if token.kind == lx.DAYSET:
                days.extend(token.value)  # type: ignore[arg-type]
                recurring = True
                j += 1
            elif token.kind in (lx.DAY, lx.DAYS):
                first = int(token.value)  # type: ignore[call-overload]
                recurring |= token.kind == lx.DAYS
                if self._is_range(j + 1) and self._kind(j + 2) in (lx.DAY, lx.DAYS):
                    last = int(self.tokens[j + 2].value)  # type: ignore[call-overload]
                    days.extend(_day_range(first, last))
                    recurring = True
                    j += 3
                else:
                    days.append(first)
                    j += 1
            else:
                break
            items += 1
            step = self._is_separator(j)
            if step and self._kind(j + step) in (lx.DAY, lx.DAYS, lx.DAYSET):
                joined &= self.tokens[j].value != "/"  # "Mon/Wed/Fri": a class timetable's
                j += step
            elif not (self._kind(j) == lx.DAY and token.kind == lx.DAY):
                break  # "mon wed fri 8am": names one after another are a list too
            else:
                joined = False
        phrase = self.phrase
        if phrase.weekdays and set(days) != set(phrase.weekdays) and self._days_narrowed(i):
            raise Rejected(
                "the text names different days of the week, one inside the other "
                "(“every Monday on Tuesdays”, “weekdays on Saturday”): which days?",
                "name the days once: “every Monday and Tuesday at 9am”",
            )
        if self.adverb and phrase.interval == (1, "day") and not phrase.weekdays and len(days) == 1:
            # "daily on Mondays": every day, or every Monday? Read as the day named; ask
            day = lx.DAY_LABELS[days[0]]
            phrase.unsure.append(f"“daily” and {day} disagree: read as every {day}")
        # "every weekday at 09:50 and 15:50 Singapore time every weekday": the same days said
        # again are not a second group of days (whose times would be a second schedule)
        if not ("d" in phrase.order and all(day in phrase.weekdays for day in days)):
            phrase.order.append("d")
        for day in days:
            if day not in phrase.weekdays:
                phrase.weekdays.append(day)
        self._joined_days(i, weekday=True)
        self.days_end = j
        if (
            items == 1
            and self.tokens[i].kind == lx.DAY
            and not phrase.every
            and self._is_unit(j, "week", "fortnight")
            and self._kind(j + 1) not in (lx.NUM, lx.ORD)
            and self._word(j + 1) != "of"
        ):
            # "Friday week" (British): a week from Friday — asked, as few outside Britain say it
            phrase.single_day = True
            phrase.unsure.append("a day and “week” after it read as a week from that day")
            phrase.days_after += 14 if self.tokens[j].value == "fortnight" else 7
            return j + 1
        if recurring or items > 1 or self._plural_part(j):
            # "friday and saturday": names in the singular, no "every" said (yet)
            phrase.day_list = joined and not (
                recurring
                or phrase.every
                or self._plural_part(j)
                or (i > 0 and self.tokens[i - 1].value in ("every", "each"))
            )
            phrase.every = True  # "Monday mornings": every Monday morning
        else:
            phrase.single_day = True
        return j

    def _days_narrowed(self, i: int) -> bool:
        """Whether the days read at i follow the last days named with only a preposition
        between them ("every Monday on Tuesdays", "weekdays on Saturday", "Mondays in the
        weekend"): the second would narrow the first, and the two disagree. Joined by "and",
        a comma or a time ("Monday 9am, Friday 5pm") they are a list, or two schedules."""
        gap = self.tokens[self.days_end : i] if 0 <= self.days_end < i else ()
        return (
            bool(gap)
            and all(t.kind == lx.WORD and t.value in _NARROWING_WORDS for t in gap)
            and any(t.value in _DAY_PREPOSITIONS for t in gap)
        )

    def _spelled_ordinal(self, i: int) -> bool:
        """ "first", "second" (not "1st", "2nd", which only ever count days)."""
        token = self.tokens[i]
        return token.end - token.start >= 5

    def _plural_part(self, j: int) -> bool:
        """Whether j is a part of the day said in the plural: "mornings", "evenings"."""
        if self._word(j) not in _PARTS:
            return False
        token = self.tokens[j]
        return token.end - token.start == len(str(token.value)) + 1

    def _next(self, i: int) -> int | None:
        """ "next Friday", "this Friday", "this evening", "next week"."""
        j = i + 1
        if self.tokens[i].value == "this" and self._word(j) == "past":
            raise Rejected("“this past …” names a time that has gone by")  # "this past Monday"
        kind = self._kind(j)
        if kind == lx.DAY:
            self.phrase.weekdays.append(int(self.tokens[j].value))  # type: ignore[call-overload]
            self.phrase.single_day = True
            self.phrase.next_weekday |= self.tokens[i].value == "next"
            return j + 1
        word = self._word(j)
        if self.tokens[i].value == "next" and (
            (kind == lx.DAYSET and self.tokens[j].value == (1, 2, 3, 4, 5))
            or (word == "business" and self._is_unit(j + 1, "day"))
        ):
            # "next business day", "next weekday", "next workday": one run, after today
            self.phrase.next_business_day = True
            return j + (2 if word == "business" else 1)
        if kind == lx.DAYSET:  # "this weekend", "next weekend": which day?
            raise Rejected(
                f'"{self.tokens[i].value} weekend" does not say which day'
                if self.tokens[j].value in (lx.WEEKEND, (0, 6))
                else f'"{self.tokens[i].value} weekdays" does not say which day',
                "name the day: Saturday at 10am",
            )
        if word == "time" and self.tokens[i].value == "this":
            return self._same_time(j)
        if word in _PARTS and self.tokens[i].value == "this":
            self._set_day_offset(0)
            return self._part(j)  # "this evening", "this evening 5"
        if word == "next" and self.tokens[i].value == "this":
            return self._next(j)  # "this coming Friday"
        if (
            self._is_unit(j, "week")
            and self.tokens[i].value == "next"
            and i > 0
            and self.tokens[i - 1].kind == lx.DAY
            and self.phrase.single_day
        ):
            self.phrase.next_week = True  # "Thursday next week": in the week after this one
            return j + 1
        if (
            self.tokens[i].value == "this"
            and self._is_unit(j, "week")
            and not (self.phrase.dates or self.phrase.every or self.phrase.this_week)
        ):
            # "Friday this week", "this week Friday": that day of the week we are in
            if i > 0 and self.tokens[i - 1].kind == lx.DAY and self.phrase.single_day:
                self.phrase.this_week = True
                return j + 1
            if self._kind(j + 1) == lx.DAY and not self.phrase.weekdays:
                self.phrase.weekdays.append(int(self.tokens[j + 1].value))  # type: ignore[call-overload]
                self.phrase.single_day = self.phrase.this_week = True
                self.phrase.order.append("d")
                return j + 2
        if (
            self.tokens[i].value == "next"
            and self._is_unit(j, "week")
            and not (self.phrase.weekdays or self.phrase.dates or self.phrase.every)
        ):
            k = j + 2 if self._word(j + 1) == "on" else j + 1
            if self._kind(k) == lx.DAY and not self._is_separator(k + 1):
                # "next week Monday", "next week on Friday": that day of the week after this
                self.phrase.weekdays.append(int(self.tokens[k].value))  # type: ignore[call-overload]
                self.phrase.single_day = self.phrase.next_week = True
                self.phrase.order.append("d")
                return k + 1
        if (
            self._is_unit(j, "year")
            and self.tokens[i].value == "next"
            and self.phrase.dates
            and self.phrase.dates[-1][0] is None
            and self.tokens[i - 1].kind in (lx.NUM, lx.ORD, lx.MONTH)
        ):
            self.phrase.next_year = True  # "11 January next year": that date, a year on
            return j + 1
        if (
            self.phrase.same_time
            and self.tokens[i].value == "next"
            and self._is_unit(j, "week")
            and not (self.phrase.weekdays or self.phrase.dates)
        ):
            self._set_day_offset(7)  # "this time next week": a week from now
            return j + 1
        if kind == lx.UNIT and (bounded := self._series_this_next(i, j)) is not None:
            return bounded
        if kind == lx.UNIT and self._word(i - 1) != "of":  # "the 5th of next month": unknown
            raise Rejected(
                f'"{self.tokens[i].value} {self.tokens[j].value}" does not say which day',
                "name the day: next Monday at 9am",
            )
        return None

    def _series_this_next(self, i: int, j: int) -> int | None:
        """ "every day this week", "every weekday this month", "every morning next week": a
        series said before the week or month it runs in, which bounds it — this week to its
        Sunday, this month to its last day, next week from its Monday to its Sunday; None when
        no series was said before it (or a day of its own: "Friday this week")."""
        p = self.phrase
        if (
            not (p.every or p.interval)
            or p.single_day
            or p.dates
            or not self._is_unit(j, "week", "month")
            or self._word(i - 1) == "of"  # "Thursday, Friday and Saturday of this week": once
        ):
            return None
        which = self.tokens[i].value
        if which == "this" and self._is_unit(j, "week"):
            until = DayRef(weekday=0)  # the Sunday it ends on (today, on a Sunday)
        elif which == "this":
            until = DayRef(month_end=0)
        elif self._is_unit(j, "week"):
            if p.starting is not None:
                raise Rejected("the text names two start dates")
            p.starting = DayRef(weekday=1, after_today=True, week=True)
            until = DayRef(weekday=0, after_today=True)
        else:
            return None  # "every day next month": its first day is not a bound read yet
        if p.until is not None:
            raise Rejected("the text names two end dates")
        p.until = until
        return j + 1

    def _same_time(self, j: int) -> int | None:
        """ "(this|same) time" at j - 1, j: the time of day it is now, when a day is named
        beside it ("this time tomorrow", "tomorrow at the same time", "same time next week",
        "every day at this time"); not "at this time of year", nor "at the same time" alone."""
        if self.phrase.times or self.phrase.window is not None:
            return None  # "every day at 9am, all at the same time"
        day_named = self.phrase.day_offset is not None or self.phrase.weekdays or self.phrase.every
        after = self._word(j + 1)
        if not day_named and after not in ("tomorrow", "today", "next", "on"):
            if self._kind(j + 1) != lx.DAY:
                return None
        self.phrase.same_time = True
        self.phrase.order.append("t")
        return j + 1

    def _same(self, i: int) -> int | None:
        """ "same time tomorrow", "the current time tomorrow"."""
        return self._same_time(i + 1) if self._word(i + 1) == "time" else None

    def _waking(self, i: int) -> int:
        """ "wake me (up)", "wake up", "get up", "alarm (for)": a bare early hour that
        follows is the morning's ("wake me at 6", "set an alarm for half seven")."""
        j = i + 1
        word = self.tokens[i].value
        if word == "wake" and self._word(j) in ("me", "us"):
            j += 1
        if word != "alarm" and self._word(j) == "up":
            j += 1
        elif word == "alarm":
            # "(set an) alarm for 6", "alarm at 5": not "the alarm system", "fire alarm at 5";
            # after waking words ("wake me up with an alarm at 6am", whose schedule's words are
            # read without the "an" between) it is the same alarm
            before = self._word(i - 1) if i else None
            if before not in _ALARM_BEFORE and not self.phrase.waking:
                return None
            k = j + 1 if self._word(j) in ("for", "at") else j
            if self._time_at(k) is None:
                if self._word(k) in _ALARM_DAYS or self._kind(k) in _DAY_KINDS:
                    # "set an alarm every weekday at 6", "/alarm every weekday at 6", "an alarm for
                    # weekdays at 6:30": the alarm, then when it rings — a bare early hour there
                    # is the morning's too
                    self.phrase.waking = self.phrase.alarm = True
                    return k
                return None
            self.phrase.waking = self.phrase.alarm = True
            return self._times(k) or k
        if j == i + 1 or self._word(j) == "to":
            return None  # "wake the kids at 7", "get up to speed": the task's words
        self.phrase.waking = True
        return j

    def _get(self, i: int) -> int | None:
        """ "get up at 6": waking; any other "get" is the task's word."""
        return self._waking(i) if self._word(i + 1) == "up" else None

    def _day_word(self, i: int) -> int:
        word = self.tokens[i].value
        if word == "tonight":
            self._set_day_offset(0)
            self._set_part("night")
            self.phrase.tonight = True
        else:
            days = 0 if word == "today" else 1
            if days == 0 and self.phrase.day_offset is None:
                bounded = self._until_today(i)  # "every 30 minutes today": until the day ends
                if bounded is not None:
                    return bounded
            if days == 0 and self._word(i + 1) in _HABIT_VERBS:
                self.phrase.today_habit = True
            if (
                self._is_unit(i + 1, "week", "fortnight")
                and self._kind(i + 2) not in (lx.NUM, lx.ORD)
                and self._word(i + 2) not in ("of", "from", "after", "before")
            ):
                # "tomorrow week" (British): a week from tomorrow
                weeks = 14 if self.tokens[i + 1].value == "fortnight" else 7
                self._set_day_offset(days + weeks)
                return i + 2
            self._set_day_offset(days)
        return i + 1

    def _part(self, i: int) -> int:
        self._set_part(str(self.tokens[i].value))
        if self._hour_after_part(i + 1):
            # "evening 4:15", "afternoon 3:45", "night 8", "morning 11" (how Schema-Guided
            # Dialogue's users name a time): the part of the day, then its hour, as "8 at night"
            timed = self._times(i + 1)
            if timed is not None:
                return timed
        return i + 1

    def _hour_after_part(self, j: int) -> bool:
        """Whether j, right after a part of the day, is that part's hour: a time of day, or a
        number from 1 to 12 not counting something ("evening 5", not "evening 5 days")."""
        kind = self._kind(j)
        if kind == lx.TIME:
            return True
        value = self.tokens[j].value if kind == lx.NUM else None
        return (
            isinstance(value, int)
            and 1 <= value <= 12
            and self._kind(j + 1) not in (lx.UNIT, lx.NUM, lx.ORD, lx.MONTH, lx.DAY, lx.DAYS)
            and self._word(j + 1) not in ("times", "x", "minutes", "to", "-")
            and not self._is_range(j)
        )

    # -- days of the month and dates ------------------------------------------------

    def _nth_hours(self, hours: list[int], i: int, j: int) -> int:
        """ "(every minute of) 8, 10, 12 and 20th hour", "(past the) 4, 8 and 12th hour"
        (prettycron's words): those hours of the day, on the 24-hour clock."""
        if not all(0 <= hour <= 23 for hour in hours):
            raise Rejected("a day has hours 0 to 23")
        token = self.tokens[i]
        for hour in hours:
            clock = ClockTime(hour, 0, None, True)
            self.phrase.times.append(TimeMention(clock, token.start, token.end))
        self.phrase.order.append("t")
        self.phrase.descriptor = True
        return j

    def _month_of_quarter(self, ordinals: list[int], j: int) -> int | None:
        """ "(on) the first month of every quarter" (Celery's words): January, April, July and
        October; the second, third or last month likewise. `j` is at "month"."""
        k = j + 2 if self._word(j + 1) == "of" else None
        if k is None or not self._is_unit(j, "month"):
            return None
        if self._word(k) in ("every", "each", "the", "a"):
            k += 1
        if not self._is_unit(k, "quarter"):
            return None
        if not all(1 <= nth <= 3 for nth in ordinals):
            raise Rejected("a quarter has three months")
        for nth in ordinals:
            for month in range(nth, 13, 3):
                if month not in self.phrase.months:
                    self.phrase.months.append(month)
        self.phrase.every = True
        return k + 1

    def _numbers_then_ordinal(self, i: int) -> int | None:
        """ "the 1, 8, 15 and 22nd", "the 15 and 16th" (prettycron's words), "the 1 and 3rd
        Monday": numbers listed before an ordinal count as ordinals too."""
        numbers: list[int] = []
        j = i
        while self._kind(j) == lx.NUM:
            token = self.tokens[j]
            if (
                not isinstance(token.value, int)
                or token.spelled
                or token.end - token.start > 2
                or not 1 <= token.value <= 31
            ):
                return None
            numbers.append(token.value)
            step = self._is_separator(j + 1)
            if not step:
                return None
            j += 1 + step
        if self._kind(j) != lx.ORD or not numbers:
            return None
        return self._ordinals(j, tuple(numbers))

    def _ordinals(self, i: int, leading: tuple[int, ...] = ()) -> int | None:
        ordinals = [*leading, int(self.tokens[i].value)]  # type: ignore[call-overload]
        j = i + 1
        if (
            self._word(i - 1) == "every"
            and self._is_range(j)
            and self._kind(j + 1) == lx.ORD
            and self._is_unit(j + 2, "day")
            and not self._month_follows(j + 3)
        ):
            # "Non-weekly - every 2nd-6th day": every 2 to 6 days, or the 2nd to the 6th of
            # each month? Neither is one schedule said plainly
            raise Rejected(
                "“every 2nd-6th day” says neither one interval nor the days of the month",
                "say “every 3 days” or “the 2nd to the 6th of every month”",
            )
        if ordinals == [1] and self._word(j) == "thing":
            # "first thing tomorrow", "first thing in the morning": the morning (9am)
            if self.phrase.part != "morning":
                self._set_part("morning")
            return j + 1
        if (
            self._spelled_ordinal(i)
            and self._kind(j) == lx.WORD
            and self._word(j) not in lx.KEYWORDS
            and self._word(j) not in lx.NO_THING  # "on the tenth with Jon": a day
            # "every month on the fifteenth pay rent": "on the" says it is a day
            and not (self._word(i - 1) == "the" and self._word(i - 2) == "on" and self.phrase.every)
        ):
            return None  # "the first person to answer", "the second reviewer": not a day
        if not leading and (
            self._word(j) in _COUNTED_FREQUENCIES  # "the 2nd monthly town board meeting"
            or (  # "today is the first one!": one of the days just named, not the 1st
                self._kind(j) == lx.NUM
                and self.tokens[j].spelled
                and self.tokens[j].value == 1
                and self._word(j + 1) != "of"
            )
        ):
            return None
        through: tuple[list[int], int] | None = None
        counted = self._first_so_many(ordinals, j)
        if counted:  # "the first three Saturdays", "the first 4 Tuesdays": the 1st to the 3rd
            ordinals, j = list(range(1, counted + 1)), j + 1
        while (
            # "1st/3rd Thursday", "2nd / 4th Friday": the "/" is not a token, only a gap
            (self._kind(j) == lx.ORD and 1 <= self.tokens[j].start - self.tokens[j - 1].end <= 3)
            or (through := self._ordinal_range(ordinals, j, i)) is not None
            or (step := self._is_separator(j))
        ):
            if through is not None:  # "the 1st through 3rd Monday", "1st-3rd Saturdays"
                ordinals, j = through
                through = None
                continue
            if self._kind(j) == lx.ORD:  # "1st/3rd Thursday": the "/" is not a token
                ordinals.append(int(self.tokens[j].value))  # type: ignore[call-overload]
                j += 1
                continue
            if self._word(j + step) == "the" and (
                self._kind(j + step + 1) == lx.ORD or self._word(j + step + 1) == "last"
            ):
                step += 1  # "the 1st and the 3rd Thursday", "the first and the last Friday"
            if self._kind(j + step) == lx.ORD:
                ordinals.append(int(self.tokens[j + step].value))  # type: ignore[call-overload]
            elif self._word(j + step) == "last" and self._kind(j + step + 1) in (lx.DAY, lx.DAYS):
                ordinals.append(-1)  # "2nd and last Friday"
            else:
                break
            j += step + 1
        if self._is_unit(j, "minute"):
            return self._nth_minutes(ordinals, j + 1)
        quarter = self._month_of_quarter(ordinals, j)
        if quarter is not None:
            return quarter
        if self._is_unit(j, "hour") and leading:
            return self._nth_hours(ordinals, i, j + 1)
        if self._is_unit(j, "hour") and self._day_follows(j + 1):
            # "on the 6th and 12th hours of the day": those hours, counted from 0 as cron and
            # prettycron count them (the 6th could be 05:00 counted from 1): asked
            end = self._nth_hours(ordinals, i, j + 4)
            self.phrase.unsure.append("“the nth hour of the day” read as that hour on the clock")
            return end
        if self._is_unit(j, "week") and self._month_follows(j + 1):
            return self._weeks_of_month(ordinals, j + 1)
        phrase = self.phrase
        back = j + 1 if self._word(j) == "last" else None
        if self._word(j) == "to" and self._word(j + 1) == "last":
            back = j + 2
        elif self._word(j) == "to" and self._word(j + 1) == "the" and self._word(j + 2) == "last":
            back = j + 3
        if back is not None:  # "the 2nd last day", "second to last Friday"
            business = self._word(back) == "business" and self._is_unit(back + 1, "day")
            if business or (
                self._kind(back) == lx.DAYSET and self.tokens[back].value == (1, 2, 3, 4, 5)
            ):
                # "the second to last business day of the month": BYSETPOS=-2
                if len(ordinals) > 1 or not 1 <= ordinals[0] <= 23:
                    raise Rejected("name one business day of the month", "the last business day")
                phrase.first_weekday = -ordinals[0]
                phrase.of_month = True
                return back + (2 if business else 1)
            if self._kind(back) in (lx.DAY, lx.DAYS):
                day = int(self.tokens[back].value)  # type: ignore[call-overload]
                phrase.nth.extend((-nth, day) for nth in ordinals if 1 <= nth <= 5)
                phrase.every |= self._month_follows(back + 1)
                return back + 1
            if self._is_unit(back, "day"):
                back += 1
                if self._year_follows(back):  # "the second to last day of the year"
                    if any(not 1 <= nth <= 366 for nth in ordinals):
                        raise Rejected("a year has 365 or 366 days")
                    phrase.yeardays.extend(-nth for nth in ordinals)
                    phrase.every |= self._word(back + 1) == "every"
                    return back + 3
            phrase.monthdays.extend(FROM_END - (nth - 1) for nth in ordinals if 1 <= nth <= 28)
            return back
        kind = self._kind(j)
        if kind in (lx.DAY, lx.DAYS):
            days = [int(self.tokens[j].value)]  # type: ignore[call-overload]
            j += 1
            while (step := self._is_separator(j)) and self._kind(j + step) in (lx.DAY, lx.DAYS):
                days.append(int(self.tokens[j + step].value))  # type: ignore[call-overload]
                j += step + 1
            either = self._either_day(ordinals, days, j)
            if either is not None:
                return either
            follows = self._weekday_after(ordinals, days, j)
            if follows is not None:
                return follows
            of_year = self._year_follows(j)
            yearly = phrase.interval is not None and phrase.interval[1] == "year"
            if of_year or (
                yearly
                and any(nth > 5 for nth in ordinals)
                and self._kind(j) != lx.MONTH
                and self._kind(j + 1) != lx.MONTH
            ):
                # "every 20th Monday of the year", "every year on the 20th Monday" (RFC 5545:
                # BYDAY=20MO in a yearly rule)
                if any(not 1 <= nth <= 52 and nth != -1 for nth in ordinals) or phrase.nth:
                    raise Rejected("a year has 52 or 53 of each weekday")
                phrase.nth.extend((nth, day) for day in days for nth in ordinals)
                phrase.year_nth = phrase.every = True
                return j + 3 * of_year
            if len(days) > 1 and len(ordinals) > 1:
                # "Every First and third Friday and Saturday": each of those days, or the
                # weekends they make (a Friday and the Saturday after it)? Read as each, asked
                phrase.unsure.append(
                    "several ordinals of several weekdays read as each ordinal of each day"
                )
            if not leading:
                self._nth_joined(i)
            for day in days:
                for nth in ordinals:
                    if nth != -1 and not 1 <= nth <= 5:
                        raise Rejected(f"no month has a {_ordinal(nth)} {lx.DAY_LABELS[day]}")
                    phrase.nth.append((nth, day))
            phrase.order.append("d")  # "the first Monday at 9 and the third at 2pm": two
            return j
        business = self._word(j) == "business" and self._is_unit(j + 1, "day")
        if (kind == lx.DAYSET and self.tokens[j].value == (1, 2, 3, 4, 5)) or business:
            # "the first business day of the month", "every first workday": BYSETPOS
            if len(ordinals) > 1 or not 1 <= ordinals[0] <= 23:
                raise Rejected("name one business day of the month", "the first business day")
            phrase.first_weekday = ordinals[0]
            phrase.of_month = True
            return j + (2 if business else 1)
        if self._weekend_day(j):
            # "the first weekend day of the month" (Outlook, SQL Server Agent): BYSETPOS over
            # Saturdays and Sundays ("the first weekend" alone could be the first whole one)
            if len(ordinals) > 1 or not 1 <= ordinals[0] <= 10:
                raise Rejected("name one weekend day of the month", "the first weekend day")
            phrase.first_weekday = ordinals[0]
            phrase.setpos_days = lx.WEEKEND
            phrase.of_month = True
            return j + 2
        if kind == lx.DAYSET:
            raise Rejected(
                "the nth weekend day of a month is not a schedule",
                "name the day: first Saturday of every month",
            )
        day_word = self._is_unit(j, "day")  # "the 15th day": a day of the month, not a date
        if day_word:
            j += 1
            from_end = (
                self._word(j) == "from"
                and self._word(j + 1) == "the"
                and self._word(j + 2) == "end"
            )
            of_year = self._year_follows(j + 3 * from_end)
            yearly = phrase.interval == (1, "year")
            if (of_year or yearly) and (from_end or any(day > 31 for day in ordinals)):
                # "the 256th day of the year", "every year on the 100th day from the end"
                # (RFC 5545's BYYEARDAY): a day counted in the year
                if any(not 1 <= day <= 366 for day in ordinals):
                    raise Rejected("a year has 365 or 366 days")
                phrase.yeardays.extend(-day if from_end else day for day in ordinals)
                phrase.every = True
                return j + 3 * from_end + 3 * of_year
            year_at = j + 1 if self._word(j) == "of" else None
            if year_at is not None and self._word(year_at) in ("the", "every", "a"):
                if self._is_unit(year_at + 1, "year"):  # "the first day of every year"
                    if any(not 1 <= day <= 31 for day in ordinals):
                        raise Rejected("name the date: every year on March 3")
                    phrase.dates.extend((None, 1, day) for day in ordinals)
                    phrase.every |= self._word(year_at) == "every"
                    return year_at + 2
        month_at = j + 1 if self._word(j) == "of" else j
        if self._kind(month_at) == lx.MONTH:
            months, end = self._month_list(month_at)
            dated = self._year(end)[0] is not None
            if len(months) > 1 or (day_word and not dated):
                # "the 1st of January, April, July and October": those days of each month,
                # every year (several months cannot be one run); "the 11th day of November"
                # names a place in the calendar, like "the first day of the year": every
                # year, asked about ("November 11" is the date, once)
                if len(months) == 1:
                    label = f"{_ordinal(ordinals[0])} day of {lx.MONTH_LABELS[months[0]]}"
                    phrase.unsure.append(
                        f"“the {label}” read as every year (say “on {lx.MONTH_LABELS[months[0]]} "
                        f"{ordinals[0]}” for once)"
                    )
                for day in ordinals:
                    if not 1 <= day <= 31:
                        raise Rejected(f"no month has a {_ordinal(day)} day")
                phrase.monthdays.extend(d for d in ordinals if d not in phrase.monthdays)
                phrase.months.extend(m for m in months if m not in phrase.months)
                phrase.of_month = phrase.every = True
                return end
            month = int(self.tokens[month_at].value)  # type: ignore[call-overload]
            year, end = self._year(month_at + 1)
            for day in ordinals:
                phrase.dates.append((year, month, day))
            return end
        for day in ordinals:
            if not 1 <= day <= 31:
                raise Rejected(f"no month has a {_ordinal(day)} day")
            if day not in phrase.monthdays:
                phrase.monthdays.append(day)
        if day_word and not phrase.of_month and not self._month_follows(j):
            # "on the 15th day": the 15th day of each month, as one says "the first day of
            # the month"; "on the 15th" alone is the next 15th (and asks)
            phrase.of_month = True
            phrase.assumptions.append(f"“the {_ordinal(ordinals[0])} day” read as of every month")
        self._joined_days(i, weekday=False)
        return j

    def _weeks_of_month(self, weeks: list[int], j: int) -> int:
        """ "(on) the second and fourth week of the month" (j at "of"): the weeks, for the
        weekday said with them (`build` makes them the nth weekdays: "Tuesdays, every second and
        fourth week of the month" is the 2nd and 4th Tuesday); the index after the words."""
        if any(not 1 <= week <= 5 and week != -1 for week in weeks):
            raise Rejected("a month has four or five weeks")
        self.phrase.month_weeks.extend(w for w in weeks if w not in self.phrase.month_weeks)
        self.phrase.every = True
        j += self._word(j) == "of"
        j += self._word(j) in ("the", "every", "a")
        return j + 1  # after "month"

    def _first_so_many(self, ordinals: list[int], j: int) -> int:
        """ "the first three Saturdays", "the first 4 Tuesdays": after "first", how many of the
        weekday (2 to 5) are meant, when a number and the weekday's name follow; 0 if not."""
        if ordinals != [1] or self._kind(j) != lx.NUM or self._kind(j + 1) not in (lx.DAY, lx.DAYS):
            return 0
        value = self.tokens[j].value
        return value if isinstance(value, int) and 2 <= value <= 5 else 0

    def _ordinal_range(self, ordinals: list[int], j: int, i: int) -> tuple[list[int], int] | None:
        """ "the 1st through 3rd Monday", "2nd-4th Tuesdays": at j, "to" (or "-") and a
        higher ordinal right before a weekday — the ordinals from the last one read to it, and
        where the list goes on."""
        if not (self._word(j) == "to" or self._is_sym(j, "-")):
            return None
        k = j + 1 + (self._word(j + 1) == "the")
        if self._kind(k) != lx.ORD:
            return None
        low, high = ordinals[-1], int(self.tokens[k].value)  # type: ignore[call-overload]
        asked = ""
        if self._kind(k + 1) in (lx.DAY, lx.DAYS):
            last = 5
        elif (
            self._month_follows(k + 1)
            or self.phrase.interval == (1, "month")
            or (self._is_unit(k + 1, "day") and self._month_follows(k + 2))
        ):
            # "the 1st to the 5th of every month", "monthly on the 10th-15th": days of the month
            last = 31
        elif self._word(i - 1) == "the" and self._word(i - 2) == "on":
            # "runs on the 1st through the 5th": days of every month, as "on the 1st, 2nd and
            # 3rd" are — or those days once ("on the 5th to the ninth, we shall eat"): asked
            last, asked = 31, "days of the month from one to another read as every month"
        else:
            return None
        if not 1 <= low < high <= last:
            return None
        if asked:
            self.phrase.unsure.append(asked)
        return [*ordinals, *range(low + 1, high + 1)], k + 1

    def _nth_joined(self, i: int) -> None:
        """An nth weekday at i joined by "and" to weekdays read before it ("every Friday and
        the first Friday of the month"): a union of the two."""
        if self.phrase.weekdays:
            k = i - 1 - (self._word(i - 1) == "the")
            if self._word(k) == "and" or self._is_sym(k, "&"):
                self.phrase.day_union = True

    def _weekend_day(self, j: int) -> bool:
        """ "weekend day" at j: a Saturday or a Sunday, counted in the month."""
        kind = self._kind(j)
        weekend = kind == lx.DAYSET and self.tokens[j].value in (lx.WEEKEND, (0, 6))
        return weekend and self._is_unit(j + 1, "day")

    def _last(self, i: int) -> int | None:
        j = i + 1
        quarter = self._month_of_quarter([3], j)  # "the last month of every quarter"
        if quarter is not None:
            return quarter
        kind = self._kind(j)
        if kind in (lx.DAY, lx.DAYS):
            self._nth_joined(i)
            self.phrase.nth.append((-1, int(self.tokens[j].value)))  # type: ignore[call-overload]
            self.phrase.order.append("d")
            return j + 1
        if self._is_unit(j, "day") and self._year_follows(j + 1):
            # "the last day of the year", "the 1st and last day of the year": BYYEARDAY=-1
            # (with the days of the month just named, counted in the year too)
            phrase = self.phrase
            if phrase.monthdays and self._word(i - 1) == "and":
                phrase.yeardays.extend(phrase.monthdays)
                phrase.monthdays.clear()
            phrase.yeardays.append(-1)
            if self._word(j + 2) == "every":
                phrase.every = True
            elif not phrase.every:  # "the last day of the year": this year's, or each one's?
                phrase.every = True
                phrase.unsure.append("read as the last day of every year (it may mean once)")
            return j + 4
        if self._is_unit(j, "day"):
            self.phrase.monthdays.append(LAST_DAY)
            return j + 1
        if kind == lx.DAYSET and self.tokens[j].value == (1, 2, 3, 4, 5):
            self.phrase.monthdays.append(LAST_WEEKDAY)
            return j + 1
        if self._word(j) == "business" and self._is_unit(j + 1, "day"):
            self.phrase.monthdays.append(LAST_WEEKDAY)  # "the last business day"
            return j + 2
        if self._weekend_day(j):
            self.phrase.first_weekday, self.phrase.setpos_days = -1, lx.WEEKEND
            self.phrase.of_month = True
            return j + 2
        if self._word(j) == "of" and self._month_follows(j):
            self.phrase.monthdays.append(LAST_DAY)  # "the last of each month"
            return j
        monthly = self.phrase.interval == (1, "month") or self.phrase.of_month
        if monthly and (j >= self.n or kind == lx.TIME or self._word(j) in ("at", ",")):
            self.phrase.monthdays.append(LAST_DAY)  # "every month on the last (at 5pm)"
            return j
        if self._is_unit(j, "week") and self._month_follows(j + 1):
            return self._weeks_of_month([-1], j + 1)  # "(Wednesdays,) the last week of the month"
        if kind == lx.UNIT:
            raise Rejected(f'"last {self.tokens[j].value}" is in the past')
        if self._word(j) in _PARTS and (
            i == 0 or self._word(i - 1) not in ("the", "every", "each")
        ):
            raise Rejected(f"“last {self.tokens[j].value}” is in the past")  # "last night at 11"
        return None

    def _end(self, i: int) -> int | None:
        """ "end of the month", "end of every month"; after a monthly frequency, "at the
        end" ("each month at the end"). "end after 60 days": as "for 60 days"."""
        j = i + 1
        if self._word(j) == "after":
            return self._for(j)
        if self._word(j) != "of":
            unit = self.phrase.interval[1] if self.phrase.interval else None
            if self._word(i - 1) != "the" or unit != "month":
                return None
            self.phrase.monthdays.append(LAST_DAY)
            return j
        if self._word(j) == "of":
            j += 1
        end_of_day = self._end_of_day(j)
        if end_of_day is not None:
            return end_of_day
        if self._month_ahead(j, LAST_DAY):
            return j + 2  # "the end of next month": its last day, once
        every = self._word(j) == "every"
        if self._word(j) in ("the", "every"):
            j += 1
        if self._is_unit(j, "year") and self._word(j - 1) in ("every", "the"):
            self.phrase.dates.append((None, 12, 31))  # "end of the year": December 31
            self.phrase.every = True
            if self._word(j - 1) == "the":
                self.phrase.unsure.append("read as every December 31 (it may mean once)")
            return j + 1
        if self._is_unit(j, "week") and self._word(j - 1) in ("every", "the"):
            raise Rejected(
                "“the end of the week” could be Friday, Saturday or Sunday",
                "name the day: every Friday at 4pm",
            )
        if not self._is_unit(j, "month"):
            return None
        self.phrase.monthdays.append(LAST_DAY)
        self.phrase.of_month = True
        self.phrase.every |= every
        self.phrase.month_end = True
        return j + 1

    def _end_of_day(self, j: int) -> int | None:
        """After "end of"/"close of", at j: "(the) day", "(the) business day", "business",
        "play" (British): the end of the working day. Apps read it as 5pm (reminder parsers in
        public code), 6pm, or 11:59pm (IBM's End_Of_Day): 5pm, asked."""
        k = j + 1 if self._word(j) == "the" else j
        if self._word(k) in ("business", "working", "work") and self._is_unit(k + 1, "day"):
            k += 1
        elif self._word(k) in ("business", "play"):
            return self._set_end_of_day(j - 2, k + 1)
        if not self._is_unit(k, "day") or self._kind(k - 1) == lx.NUM:
            return None
        return self._set_end_of_day(j - 2, k + 1)

    def _eod(self, i: int) -> int | None:
        """ "EOD", "COB", "EOB": the end of the working day (5pm, asked)."""
        return self._set_end_of_day(i, i + 1)

    def _close(self, i: int) -> int | None:
        """ "close of business", "close of play": the end of the working day."""
        if self._word(i + 1) != "of":
            return None
        return self._end_of_day(i + 2)

    def _set_end_of_day(self, i: int, j: int) -> int:
        """The words i to j say the end of the working day: 5pm, asked; right after a time
        ("a typical 5 PM end of business") they only name that time."""
        first = i - 1 if self._word(i - 1) == "the" else i
        if first and self._kind(first - 1) == lx.TIME and self.phrase.times:
            return j
        if self.phrase.times or self.phrase.window is not None:
            raise Rejected("the text names two times of day", "say the time once: at 5pm")
        start = self.tokens[j - 1].start
        self.phrase.times.append(TimeMention(_END_OF_BUSINESS, start, start, "end of day"))
        self.phrase.order.append("t")
        self.phrase.unsure.append("“end of day” read as 5pm (apps read it as 5pm, 6pm or 11:59pm)")
        return j

    def _month_ahead(self, j: int, day: int) -> bool:
        """At j, "this month" or "next month" after "the beginning of"/"the end of": that day
        of it, once."""
        if self._word(j) not in ("this", "next") or not self._is_unit(j + 1, "month"):
            return False
        if self.phrase.month_ahead is not None:
            raise Rejected("the text names two months")
        self.phrase.month_ahead = 1 if self._word(j) == "next" else 0
        self.phrase.monthdays.append(day)
        return True

    def _names_a_date(self, i: int) -> bool:
        """Whether a date starts at i: "March 1", "3/1", "2027-03-01", a holiday's name."""
        if self._word(i) == "the":
            i += 1
        return self._kind(i) in (lx.MONTH, lx.DATE, lx.SLASHDATE) or self._word(i) in _HOLIDAYS

    def _mid_night(self, i: int) -> int:
        """After "mid" at i, "-night" or " night": the index after it, else 0."""
        j = i + 2 if self._is_sym(i + 1, "-") else i + 1
        return j + 1 if self._word(j) == "night" else 0

    def _middle(self, i: int) -> int | None:
        """ "the middle of the month", "mid-month", "middle of every month": the 15th;
        "the middle of the week" is refused (Wednesday? Thursday?); "mid-night" is midnight."""
        if self._mid_night(i):
            return self._times(i)
        j = i + 1
        if self._is_sym(j, "-"):
            j += 1
        if self._word(j) == "of":
            j += 1
        if self._word(j) in ("the", "every", "each"):
            j += 1
        if self._is_unit(j, "week"):
            days = self.phrase.weekdays
            if days and all(day in (2, 3, 4) for day in days):
                # "The Wednesday Mid-week refuel starts at 6:00 pm": the day named is the
                # middle of the week, said again
                return j + 1
            raise Rejected(
                "“the middle of the week” does not say which day", "every Wednesday at 9am"
            )
        if not self._is_unit(j, "month"):
            return None
        if 15 not in self.phrase.monthdays:
            self.phrase.monthdays.append(15)
        self.phrase.of_month = True
        self.phrase.every = True
        return j + 1

    def _of(self, i: int) -> int | None:
        j = i + 1
        word = self._word(j)
        if word in ("next", "this") and self._is_unit(j + 1, "month"):
            if self.phrase.month_ahead is not None:
                raise Rejected("the text names two months")
            self.phrase.month_ahead = 1 if word == "next" else 0  # "the 15th of next month"
            return j + 2
        if self._is_unit(j, "week") and (end := self._week_number(j + 1)) is not None:
            return end  # "Monday of week number 20" (RFC 5545: BYWEEKNO)
        if word in ("the", "every", "a"):
            j += 1
        if self._is_unit(j, "month"):
            self.phrase.of_month = True
            self.phrase.every |= word == "every"
            return j + 1
        if self._kind(j) == lx.MONTH and word is None:
            before = len(self.phrase.months)
            end = self._month(j)
            if len(self.phrase.months) - before > 1:
                # "1st monday of sep,oct,nov" (App Engine's cron.yaml): of each of those
                # months, every year — several months cannot be one run
                self.phrase.of_month = True
            return end
        return i + 1  # a filler "of"

    def _week_number(self, j: int) -> int | None:
        """After "of week": "number 20", "no. 20", "20" — the ISO week of the year."""
        if self._word(j) in ("number", "no", "#"):
            j += 1
        if self._kind(j) != lx.NUM or self.tokens[j].value != int(self.tokens[j].value):  # type: ignore[arg-type]
            return None
        week = int(self.tokens[j].value)  # type: ignore[arg-type]
        if not 1 <= week <= 53:
            raise Rejected("a year has 52 or 53 weeks")
        self.phrase.weeknos.append(week)
        self.phrase.every = True
        self.phrase.single_day = False
        return j + 1

    def _month(self, i: int) -> int:
        month = int(self.tokens[i].value)  # type: ignore[call-overload]
        j = i + 1
        if month == 4 and self._word(j) in _FOOLS:  # "April Fools' Day": April 1
            j += 2 if self._is_unit(j + 1, "day") else 1
            year, j = self._year(j)
            self.phrase.dates.append((year, 4, 1))
            return j
        if self._word(j) == "the":
            j += 1
        elif (
            self._is_sym(j, ",")
            and self._kind(j + 1) in (lx.NUM, lx.ORD)
            and self._word(j + 2) not in ("times", "occurrences")
            and self._kind(j + 2) not in (lx.UNIT, lx.TIME)
        ):
            j += 1  # "January, 26" (a label's way of writing the date)
        token = self.tokens[j] if j < self.n else None
        if token is not None and (
            token.kind == lx.ORD
            or (
                token.kind == lx.NUM
                and isinstance(token.value, int)
                and (token.end - token.start <= 2 or self._spelled_monthday(j))
                and self._kind(j + 1) != lx.UNIT
            )
        ):
            day = int(token.value)  # type: ignore[call-overload]
            year, end = self._year(j + 1)
            self.phrase.dates.append((year, month, day))
            # "december 21st and 31st"
            while (step := self._is_separator(end)) and self._kind(end + step) in (lx.ORD, lx.NUM):
                more = self.tokens[end + step]
                if not isinstance(more.value, int):
                    break
                if more.kind != lx.ORD and more.end - more.start > 4:
                    break  # ("thirty-first" is one ordinal however long)
                if more.kind == lx.NUM and more.spelled:
                    break  # "April 20, ten am": a time in words, not another day
                self.phrase.dates.append((year, month, int(more.value)))
                end += step + 1
            return end
        months = self.phrase.months
        months.append(month)
        if self._is_range(j) and self._kind(j + 1) == lx.MONTH:  # "January through March"
            last = int(self.tokens[j + 1].value)  # type: ignore[call-overload]
            while months[-1] != last:
                months.append(months[-1] % 12 + 1)
            return j + 2
        while (step := self._is_separator(j)) and self._kind(j + step) == lx.MONTH:
            months.append(int(self.tokens[j + step].value))  # type: ignore[call-overload]
            j += step + 1
        year, end = self._year(j)
        if year is not None and months[-1] == month:
            self.phrase.years.append(year)  # "the first Monday of September 2027"
            return end
        return j

    def _spelled_monthday(self, j: int) -> bool:
        """Whether the number at j, next to a month, is a day of it said in words: "april
        two", "feb four at two pm", "ten march", "april twenty" (people talking to an
        assistant) — not an hour ("march five pm") nor a count ("june three times")."""
        token = self.tokens[j]
        return (
            token.spelled
            and isinstance(token.value, int)
            and 1 <= token.value <= 31
            and not self._meridiem(j + 1)
            and self._word(j + 1) not in ("oclock", "times", "x", "thousand", "hundred")
        )

    def _monthday_list(self, i: int) -> int | None:
        """Days of the month as App Engine's cron.yaml writes them: "1,8,15,22 of month",
        "15 of month", "1 of jan,april,july,oct" (the 1st of each, every year). One day of
        one month ("3 of March") is a date, read elsewhere."""
        days: list[int] = []
        j = i
        while self._kind(j) == lx.NUM:
            token = self.tokens[j]
            if not isinstance(token.value, int) or token.end - token.start > 2 or token.spelled:
                return None
            days.append(token.value)
            step = self._is_separator(j + 1)
            if not (step and self._kind(j + 1 + step) == lx.NUM):
                j += 1
                break
            j += 1 + step
        if self._word(j) != "of":
            return None
        k = j + 1
        if self._word(k) in ("the", "every", "each") or self._is_unit(k, "month"):
            if self._word(k) in ("the", "every", "each"):
                k += 1
            if not self._is_unit(k, "month"):
                return None
            end, months = k + 1, []
        elif self._kind(k) == lx.MONTH:
            months, end = self._month_list(k)
            if len(months) == 1 and len(days) == 1:
                return None  # "3 of March": a date
        else:
            return None
        for day in days:
            if not 1 <= day <= 31:
                raise Rejected(f"no month has a day {day}")
        phrase = self.phrase
        phrase.monthdays.extend(d for d in days if d not in phrase.monthdays)
        phrase.months.extend(m for m in months if m not in phrase.months)
        phrase.of_month = True
        phrase.every = True
        return end

    def _month_list(self, i: int) -> tuple[list[int], int]:
        """Month names one after another from i ("jan,april,july,oct"), and where they end."""
        months = [int(self.tokens[i].value)]  # type: ignore[call-overload]
        j = i + 1
        while (step := self._is_separator(j)) and self._kind(j + step) == lx.MONTH:
            months.append(int(self.tokens[j + step].value))  # type: ignore[call-overload]
            j += step + 1
        return months, j

    def _year(self, i: int) -> tuple[int | None, int]:
        j = i + 1 if self._is_sym(i, ",") else i
        token = self.tokens[j] if j < self.n else None
        if token is not None and token.kind == lx.NUM and token.end - token.start == 4:
            year = int(token.value)  # type: ignore[call-overload]
            if 1900 <= year <= 2200:
                return year, j + 1
        return None, i

    def _number(self, i: int) -> int | None:
        """A number not after "at": "3 March", "20 minutes from now", "9-5"."""
        listed = self._monthday_list(i)
        if listed is not None:
            return listed
        if self._word(i - 1) in ("the", "of"):
            ordinal = self._numbers_then_ordinal(i)
            if ordinal is not None:
                return ordinal
        token = self.tokens[i]
        j = i + 1
        kind = self._kind(j)
        if kind == lx.MONTH or (self._word(j) == "of" and self._kind(j + 1) == lx.MONTH):
            month_at = j if kind == lx.MONTH else j + 1
            if not isinstance(token.value, int) or (
                token.end - token.start > 2 and not self._spelled_monthday(i)
            ):
                return None
            year, end = self._year(month_at + 1)
            month = int(self.tokens[month_at].value)  # type: ignore[call-overload]
            self.phrase.dates.append((year, month, token.value))
            return end
        if kind == lx.UNIT:
            if (
                self._word(j + 1) in ("a", "an", "per")
                and self._kind(j + 2) == lx.UNIT
                and _WHOLE.get((str(self.tokens[j].value), str(self.tokens[j + 2].value)))
                != token.value
            ):
                # "5 days a month", "10 minutes an hour", "2 hours per day": how much of a
                # period, not when (cron-translator writes `1-5` so)
                raise Rejected(
                    "that says how many, not which: name them",
                    "on the 1st to the 5th of every month at 1am",
                )
            return self._relative(i)
        if self._word(j) == "times":
            return self._times_per(i)
        if kind in (lx.DAY, lx.DAYS) and self._word(i - 1) == "the" and not token.spelled:
            # "the 3 Sat of each month": a number for the ordinal, when the month follows
            if (
                isinstance(token.value, int)
                and 1 <= token.value <= 5
                and self._month_follows(j + 1)
            ):
                day = int(self.tokens[j].value)  # type: ignore[call-overload]
                self.phrase.nth.append((token.value, day))
                self.phrase.order.append("d")
                return j + 1

        if self._word(j) == "occurrences" and isinstance(token.value, int):
            # "every 10 days, 5 occurrences": a count (build checks the schedule repeats)
            if self.phrase.count not in (None, token.value):
                raise Rejected("the text names two numbers of runs")
            self.phrase.count = token.value
            return j + 1
        value, width = token.value, token.end - token.start
        if (
            isinstance(value, int)
            and width == 4
            and value % 100 < 60
            and value < 2400
            and not token.spelled
            and (
                value < 1000  # "0800": a 24-hour time, never a year
                or (
                    not 2000 <= value < 2100  # "every Monday 2027": a year
                    and (
                        (i and self.tokens[i - 1].kind in (lx.DAY, lx.DAYS, lx.DAYSET))
                        or self._word(i - 1) in ("daily", "nightly")
                    )
                )
            )
        ):
            return self._times(i)  # "Mon-Fri 0800", "weekdays 1730"
        if self._is_range(j) or self._word(j) in ("oclock", "noon") or self._meridiem(j):
            return self._times(i)  # "3 pm", "3 in the AM"
        if self._listed_hours_end(j):
            return self._times(i)  # "8, 9 and 10 o'clock of every day"
        if kind == lx.ZONE and not token.spelled and width <= 2 and isinstance(value, int):
            if value < 24:
                return self._times(i)  # "00 UTC and 12 UTC daily", "13UTC and 23UTC"
        spelled_hour = token.spelled and isinstance(value, int) and 0 < value <= 12
        said = self._spelled_clock(i) if spelled_hour else None
        if said is not None and said[0].clock.meridiem is not None:
            return self._times(i)  # "seven forty five am"; "three twenty" alone is no time
        if token.spelled and self._word(j) in ("hundred", "thousand"):
            hundreds = self._spoken_24h(i)  # "monday six hundred pm", "eighteen hundred hours"
            if hundreds is not None and (hundreds[0].clock.meridiem or hundreds[0].clock.is_24h):
                return self._times(i)
        if self._word(j) in _TIME_CUES or (
            self._word(j) in ("in", "this", "at")
            and self._word(j + (2 if self._word(j + 1) == "the" else 1)) in _PARTS
        ):
            return self._times(i)  # "8 tonight", "3 in the morning", "11 at night"
        past = self._minutes_past(i)  # "15 past every hour"
        if past is not None:
            return past
        spoken = self._spoken_time(i)
        if spoken is not None:  # "twenty after 3pm", "10 past 6"
            self.phrase.times.append(spoken[0])
            self.phrase.order.append("t")
            return spoken[1]
        return None

    def _relative(self, i: int) -> int | None:
        """ "20 minutes from now", "a week from tomorrow", "3 days ago"; and the spoken
        times that start like them ("half past 3 pm", "a quarter to noon", "half past
        every hour")."""
        token = self.tokens[i]
        after = self.tokens[i + 1] if i + 1 < self.n else None
        if (
            token.kind != lx.NUM
            or after is None
            or after.kind != lx.UNIT
            or after.value == "minute"
        ):  # a number then a unit other than minutes ("2 hours") is neither
            past = self._minutes_past(i)
            if past is not None:
                return past
            spoken = self._spoken_time(i)
            if spoken is not None:
                self.phrase.times.append(spoken[0])
                self.phrase.order.append("t")
                return spoken[1]
        before_last = self._days_before_last(i)
        if before_last is not None:
            return before_last
        amounts = _Reader(self.tokens)
        end = amounts._amounts(i)
        if end is None:
            return None
        if self._word(end) == "ago":
            raise Rejected("that is in the past")
        seconds = amounts.phrase.offset_seconds
        if (
            self._word(end) in ("before", "after")
            and self._names_a_date(end + 1)
            and seconds
            and not seconds % 86400
            and not amounts.phrase.offset_months
        ):
            # "2 days before Christmas", "2 weeks after Christmas", "3 days after March 1"
            days = int(seconds // 86400)
            self.phrase.days_before += days if self._word(end) == "before" else -days
            return end + 1
        shifted = self._shift(end, amounts.phrase)
        if shifted is not None:
            return shifted
        # "1 week hence", "30 minutes later": from now
        hence = self._word(end) in ("hence", "later")
        seconds, months = amounts.phrase.offset_seconds, amounts.phrase.offset_months
        base_at = end + 1
        # "2 days after today", "a week after Friday": counted from that day, as with "from"
        # ("a week after tomorrow" is read elsewhere, keeping the time of day)
        after = self._word(end) == "after" and self._word(end + 1) != "tomorrow"
        if self._word(end) != "from" and not (hence or after):
            # "a week today", "a fortnight tomorrow", "a week on Friday": the British way of
            # saying "a week from …"
            weeks = seconds and not seconds % 604800 and not months
            if weeks and self._word(end) in ("today", "tomorrow"):
                base_at = end
            elif weeks and self._word(end) == "on" and self._kind(end + 1) == lx.DAY:
                base_at = end + 1
            elif weeks and self._kind(end) == lx.DAY:
                base_at = end  # "a week Tuesday": "a week on Tuesday"
            else:
                return None
        base = "now" if hence else self._word(base_at)
        end = base_at - 1
        if base == "now" or (months and base in ("today", "tomorrow")):
            # "a month from today": that many months on, a day like "a week from today"
            self.phrase.offset_seconds += seconds + 86400 * (base == "tomorrow")
            self.phrase.offset_months += months
            self.phrase.offset_from_day = base != "now"
            self.phrase.from_today |= base == "today"
            self.phrase.has_offset = True
            return end + (1 if hence else 2)
        # "3 days from today", "a week from tomorrow", "two weeks from Friday": a day counted
        # from a day is a day (at the time named, else the default), not an instant — only
        # "from now" counts from this moment
        if seconds % 86400 or months:
            return None
        days = int(seconds // 86400)
        if base in ("today", "tomorrow"):
            self._set_day_offset(days + (base == "tomorrow"))
            self.phrase.from_today |= base == "today"
            return end + 2
        day_at = base_at + 1 if base in ("next", "this") else base_at
        if self._kind(day_at) != lx.DAY:
            return None
        self.phrase.weekdays.append(int(self.tokens[day_at].value))  # type: ignore[call-overload]
        self.phrase.single_day = True
        self.phrase.next_weekday |= base == "next"
        self.phrase.days_after += days
        self.phrase.order.append("d")
        return day_at + 1

    def _date(self, i: int) -> int:
        year, month, day = self.tokens[i].value  # type: ignore[misc]
        self.phrase.dates.append((year, month, day))
        return i + 1

    def _slash_date(self, i: int) -> int:
        first, second, year = self.tokens[i].value  # type: ignore[misc]
        if (first, second, year) == (24, 7, None) and self._word(i - 1) != "on":
            raise Rejected("“24/7” means all the time, not a date", "say how often: every hour")
        if not (1 <= first <= 31 and 1 <= second <= 31) or min(first, second) > 12:
            raise Rejected(f"{first}/{second} is not a date")
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first or first == second:
            month, day = first, second
        else:
            # both could be the month: the owner's date order settles it (noted)
            order = date_order()
            month, day = (first, second) if order == "MDY" else (second, first)
            self.phrase.date_order_guessed = True
            self.phrase.assumptions.append(
                f"{first}/{second} read as {lx.MONTH_LABELS[month]} {day} "
                f"(dates are {'month/day' if order == 'MDY' else 'day/month'}: "
                f"AGENTCRON_DATE_ORDER={order})"
            )
        self.phrase.dates.append((year, month, day))
        return i + 1

    def _instant(self, i: int) -> int:
        if self.phrase.instant is not None:
            raise Rejected("the text names two timestamps")
        self.phrase.instant = self.tokens[i].value  # type: ignore[assignment]
        return i + 1

    # -- relative offsets -----------------------------------------------------------

    def _in(self, i: int) -> int | None:
        j = i + 1
        kind = self._kind(j)
        word = self._word(j)
        if word == "the" and self._kind(j + 1) == lx.ZONE:
            return self._zone(j + 1)  # "in the UTC timezone", "in the Eastern time zone"
        if kind == lx.NUM and self._is_year(j):
            return self._years(j)  # "in 2027", "in 2019 and 2020"
        if (
            self.phrase.weekdays
            and self._is_unit(j, "week")
            and (end := self._week_number(j + 1)) is not None
        ):
            return end  # "every Tue and Fri in week 14" (recurrent's words): BYWEEKNO
        if word in _DELAY_WORDS and (
            self._kind(j + 1) == lx.NUM or self._word(j + 1) in ("a", "half")
        ):
            # "in exactly 2 hours", "in just 5 minutes", "in another 10 minutes"; "in about an
            # hour" is read too, and the answer asks (the hedge)
            j += 1
            kind, word = self._kind(j), self._word(j)
        if kind == lx.NUM and self._word(j + 1) == "more" and self._is_unit(j + 2, *_SECONDS):
            # "in 10 more minutes": read without "more"
            without = _Reader([*self.tokens[: j + 1], *self.tokens[j + 2 :]])
            without.phrase = self.phrase
            end = without._amounts(j)
            return None if end is None or end <= j + 1 else end + 1
        if (
            word == "a"
            and self._is_unit(j + 1, "month")
            and (
                self.phrase.nth
                or self.phrase.first_weekday
                or (
                    self.phrase.monthdays
                    and (self._is_unit(i - 1, "day") or self._kind(i - 1) == lx.DAYSET)
                )
            )
        ):
            # "every second and fourth Thursday in a month", "the last workday in a month",
            # "the last day in a month": of each month
            return self._of(i)
        if (
            kind == lx.NUM
            or word in ("a", "half")
            or (self._is_unit(j, "quarter") and self._word(j + 1) == "of")
        ):
            if word == "a" and self._is_unit(j + 1, "second") and self._kind(j + 2) != lx.NUM:
                # "bug me in a sec", "back in a second": soon, not one second from now
                raise Rejected("“in a second” says soon, not when", "in 5 minutes")
            already = self.phrase.has_offset
            before = (self.phrase.offset_seconds, self.phrase.offset_months)
            end = self._amounts(j)
            if (
                end is not None
                and self._word(end) == "from"
                and self._word(end + 1) in ("today", "tomorrow", "now")
                and not already
            ):
                # "in two weeks from today at 4h": "in" said with "from": the day counted
                # from today (as "two weeks from today"), not a delay with a start
                self.phrase.offset_seconds, self.phrase.offset_months = before
                self.phrase.has_offset = already
                return self._relative(j)
            if end is not None and self._word(end) == "of":
                # "in 2 hours of debugging I couldn't find the leak", "in 3 days of testing":
                # how long something took, not a delay
                self.phrase.offset_seconds, self.phrase.offset_months = before
                self.phrase.has_offset = already
                return None
            if end is not None and already:
                # "in 2 minutes to drink water and then in 5 minutes to take vitamins": two
                # delays are two reminders, never their sum ("in 1 hour and 30 minutes" is
                # one "in" and one delay)
                raise Rejected(
                    "the text names two delays: that is two reminders",
                    "make one reminder for each: “in 2 minutes …”, then “in 5 minutes …”",
                )
            if end is not None and self._word(end) == "time" and self.phrase.has_offset:
                return end + 1  # "in a week's time", "in 3 days' time"
            return end
        if word == "the" and self._word(j + 1) in _PARTS:
            self._set_part(str(self.tokens[j + 1].value))
            self.phrase.in_part = True
            return j + 2
        if word == "the" and self._kind(j + 1) == lx.ORD and self._word(j + 2) == "half":
            return self._half_hour(j + 1)  # "in the first half of every hour"
        if word in ("every", "the", "a") and self._is_unit(j + 1, "month"):
            return self._of(i)  # "the 1st Tuesday in every month"
        if word == "every" and self._kind(j + 1) == lx.ORD and self._is_unit(j + 2, "month"):
            return self._calendar_months(j + 1)  # "in every 3rd month" (crontab.guru)
        if kind == lx.MONTH:
            return self._month(j)
        if (
            word == "q"
            and self._kind(j + 1) == lx.NUM
            and self.tokens[j + 1].start == self.tokens[j].end
        ):
            quarter = self.tokens[j + 1].value
            if quarter in (1, 2, 3, 4):  # "in Q4": October to December, as calendars count
                first = 3 * int(quarter) - 2  # type: ignore[call-overload]
                self.phrase.months.extend(
                    m for m in range(first, first + 3) if m not in self.phrase.months
                )
                months = f"{lx.MONTH_LABELS[first]} to {lx.MONTH_LABELS[first + 2]}"
                self.phrase.assumptions.append(f"“Q{quarter}” read as {months}, a calendar quarter")
                return j + 2
        if kind == lx.ZONE:
            return self._zone(j)
        if word == "daylight" or word in lx.SEASONS:  # "in summer" ("summer" is a zone word)
            raise Rejected(
                "seasons are not the same months everywhere; name the months",
                "every weekday in June, July and August",
            )
        return self._place(j, after_in=True)

    def _half_hour(self, i: int) -> int | None:
        """ "(in the) first half of every hour": minutes 0-29 ("second half": 30-59)."""
        which = self.tokens[i].value
        k = i + 2
        if which not in (1, 2) or self._word(k) != "of":
            return None
        k += 1
        if self._word(k) in ("every", "the") and self._is_unit(k + 1, "hour"):
            k += 2
        else:
            return None
        if self.phrase.minute_range is not None:
            raise Rejected("the text names two parts of the hour")
        self.phrase.minute_range = (0, 29) if which == 1 else (30, 59)
        return k

    def _is_year(self, i: int) -> bool:
        token = self.tokens[i]
        return (
            token.kind == lx.NUM
            and isinstance(token.value, int)
            and token.end - token.start == 4
            and 1900 <= token.value <= 2200
            and self._kind(i + 1) != lx.UNIT
        )

    def _years(self, i: int) -> int:
        j = i
        while True:
            self.phrase.years.append(int(self.tokens[j].value))  # type: ignore[call-overload]
            step = self._is_separator(j + 1)
            if step and j + 1 + step < self.n and self._is_year(j + 1 + step):
                j += 1 + step
                continue
            return j + 1

    def _shift(self, end: int, amounts: Phrase) -> int | None:
        """After an amount under a day, at `end`: "before"/"after"/"prior to"/"ahead of" ("15
        minutes before the 4 PM standup", "an hour after 3pm"): the run moves from the time
        named, which build requires. After a time already read, with more to come ("at 4 PM
        every Friday, one hour before a typical 5 PM end of business") it only says why that
        time: not read here. Returns where reading goes on."""
        word = self._word(end)
        if word in ("before", "after"):
            k = end + 1
        elif (word, self._word(end + 1)) in _SHIFT_PAIRS:
            k = end + 2
        else:
            return None
        seconds = amounts.offset_seconds
        if amounts.offset_months or not 0 < seconds < 86400 or seconds % 60:
            return None
        if self._word(k) in ("every", "each", "the") and self._is_unit(k + 1, "hour"):
            return None  # "5 minutes after every hour", "15 minutes before the hour"
        if self.phrase.times or self.phrase.window is not None:
            if k < self.n:
                return None
        if self.phrase.shift_seconds:
            raise Rejected("the text counts from two times", "name the time to run: at 3:45pm")
        self.phrase.shift_seconds = int(seconds if word == "after" else -seconds)
        return k

    def _days_before_last(self, i: int) -> int | None:
        """ "5 days before the last day of the month" (cron-descriptor's words): the 6th
        day from the end (RFC 5545 BYMONTHDAY=-6)."""
        token = self.tokens[i]
        if token.kind != lx.NUM or not self._is_unit(i + 1, "day"):
            return None
        j = i + 2
        if self._word(j) != "before":
            return None
        return self._before_last(j + 1, token.value)

    def _before_last(self, j: int, days: object) -> int | None:
        """(N days before) "the last day of the month": BYMONTHDAY=-(N+1)."""
        if self._word(j) == "the":
            j += 1
        if self._word(j) != "last" or not self._is_unit(j + 1, "day"):
            return None
        if not isinstance(days, int) or not 1 <= days <= 27:
            raise Rejected("no month has that many days before its last")
        self.phrase.monthdays.append(FROM_END - days)
        return j + 2

    def _amounts(self, i: int) -> int | None:
        """ "20 minutes", "an hour and a half", "1 hour 30 minutes" — at most one term a unit
        ("1 year 2 months 3 weeks 4 days 5 hours 6 minutes 7 seconds"): a run of "a.m. a.m. …"
        (read "a minute a minute …") is not summed to its end from every word."""
        j = stop = i
        phrase = self.phrase
        tokens, n = self.tokens, self.n
        read_any = False
        units: set[str] = set()
        # the tokens are looked at here, not through _word/_kind: a reading of amounts is tried
        # from every number of a text, and its cost is counted (test_bounded)
        for _ in range(_MOST_TERMS):
            if j >= n:
                break
            token = tokens[j]
            word = token.value if token.kind == lx.WORD else None
            if token.kind == lx.NUM:
                amount = float(token.value)  # type: ignore[arg-type]
                j += 1
                following = tokens[j] if j < n else None
                if following is not None and (
                    following.kind == lx.SLASHDATE
                    or (following.kind == lx.WORD and following.value == "and")
                ):
                    fraction = self._fraction(j)
                    if fraction is not None:  # "one and a half hours", "1 1/2 hours"
                        amount, j = amount + fraction[0], fraction[1]
            elif word == "a" and self._word(j + 1) == "half" and self._is_unit(j + 2, "hour"):
                amount, j = 0.5, j + 2  # "a half hour"
            elif word == "a":
                amount, j = 1.0, j + 1
            elif (
                token.kind == lx.UNIT
                and token.value == "quarter"
                and not read_any
                and self._word(j + 1) == "of"
            ):
                amount = 1.0  # "(in) quarter of an hour": a quarter, "a" left out
            elif word == "half":
                amount, j = 0.5, j + (2 if self._word(j + 1) == "a" else 1)
            else:
                break
            if j >= n:
                return None
            token = tokens[j]
            if token.kind == lx.SYM and token.value == "-" and self._is_unit(j + 1, "quarter"):
                j += 1  # "three-quarters"
                token = tokens[j]
            if token.kind != lx.UNIT:
                return None
            unit = str(token.value)
            j += 1
            hour = self._quarter_of_an_hour(j) if unit == "quarter" else None
            if hour is not None:  # "a quarter of an hour", "three-quarters of an hour"
                unit, j = "quarter hour", hour
            if unit in units:
                j = stop  # "2h30m 2h30m …": a unit again starts another amount
                break
            units.add(unit)
            token = tokens[j] if j < n else None
            if token is not None and token.kind == lx.WORD and token.value == "and":
                half = self._and_a_half(j)
                if half:
                    amount += 0.5
                    j += half
                elif (
                    self._word(j + 1) == "a" and self._is_unit(j + 2, "quarter") and unit == "hour"
                ):
                    amount += 0.25  # "an hour and a quarter"
                    j += 3
            if unit == "quarter hour":
                phrase.offset_seconds += amount * 900
            elif unit in _SECONDS:
                phrase.offset_seconds += amount * _SECONDS[unit]
            elif unit in ("month", "year", "quarter") and amount == int(amount):
                phrase.offset_months += int(amount) * {"month": 1, "quarter": 3, "year": 12}[unit]
            else:
                raise Rejected(f"cannot count {amount:g} {unit}s")
            read_any = True
            phrase.has_offset = True
            stop = j
            token = tokens[j] if j < n else None
            if token is not None and token.kind in (lx.SYM, lx.WORD):
                step = self._is_separator(j)
                if step and self._kind(j + step) == lx.NUM:
                    j += step
        return j if read_any else None

    def _quarter_of_an_hour(self, j: int) -> int | None:
        """After "quarter": "of an hour", "of the hour" (a quarter of a year is "a quarter");
        the index after it, or None."""
        if self._is_unit(j, "hour"):
            return j + 1  # "a quarter hour"
        if self._word(j) != "of":
            return None
        j += 1
        if self._word(j) in ("a", "the"):
            j += 1
        return j + 1 if self._is_unit(j, "hour") else None

    # -- zones ----------------------------------------------------------------------

    def _zone(self, i: int) -> int:
        raw = str(self.tokens[i].value)
        if "/" in raw and not raw.startswith("Etc/"):
            try:
                raw = resolve_zone(raw)
            except UnknownZoneError as error:
                raise Rejected(str(error), "use an IANA name such as America/New_York") from None
        j = i + 1
        if self._word(j) == "european" and raw in ("America/Chicago", "America/New_York"):
            raw = "Europe/Paris" if raw == "America/Chicago" else "Europe/Athens"
            j += 1
        if self._word(j) in ("standard", "daylight"):
            j += 1
        if self._word(j) == "time":
            j += 1
            if self._word(j) == "zone":
                j += 1  # "in the UTC time zone"
        elif self._word(j) == "timezone":
            j += 1  # "in the UTC timezone"
        self._set_zone(raw)
        restated = self._restated(i, j, raw)
        return j if restated is None else restated

    def _restated(self, i: int, j: int, zone: str) -> int | None:
        """ "10am ET/7am PT", "7:00 AM PDT / 6:00 AM PST": the time just read, said again in
        another zone (or the same zone's other season) right after it. One instant said twice is
        read once, in the first zone; two instants are two readings, refused."""
        first = self._time_before(i)
        if first is None:
            return None
        k = j + self._is_sym(j, "/") + (self._word(j) == "=")
        again, zone_at = self._clock_then_zone(k)
        if again is None:
            return None
        other = str(self.tokens[zone_at].value)
        if "/" in other and not other.startswith("Etc/"):
            try:
                other = resolve_zone(other)
            except UnknownZoneError:
                return None
        hours = first.hour_24(), again.hour_24()
        if hours[0] is None or hours[1] is None:
            return None
        if not (first.on_the_clock() and again.on_the_clock()):
            return None  # "31:61 JST (22:00 UTC)": no instant to compare; build refuses it
        held = agreeing(
            Said.at(hours[0], first.minute, zone), Said.at(hours[1], again.minute, other)
        )
        winter, summer = WINTER in held, SUMMER in held
        in_words = self.tokens[i - 1].kind != lx.TIME or self._kind(k) != lx.TIME
        if in_words and (other == zone or not (winter or summer)):
            return None  # said in words and not the same instant: read as before
        if other != zone and not (winter or summer) and in_the_gap_weeks(first, zone, again, other):
            # "Thursdays at 10am PT / 6pm CET": so only in the weeks when the US has changed its
            # clocks and Europe not yet — the writer's day; read in the first zone, and asked
            self.phrase.unsure.append(
                f"“{_said(again)}” is {_said(first)} only in the weeks between the two zones' "
                f"clock changes: read as {_said(first)}"
            )
            return zone_at + 1
        if other == zone or not (winter or summer):
            raise Rejected(
                "the text gives two different times for the run "
                f"({_said(first)} {zone} and {_said(again)} {other}): which one?",
                "name one time and its zone",
            )
        if not (winter and summer):
            self.phrase.unsure.append(
                f"“{_said(again)}” is the same time only part of the year: read as {_said(first)}"
            )
        return zone_at + 1

    def _time_before(self, i: int) -> ClockTime | None:
        """The time read right before the zone at i: a time token ("10am ET"), or the last
        time the phrase read when it ends there ("ten am ET", "10 o'clock in the morning ET")."""
        if i == 0:
            return None
        if self.tokens[i - 1].kind == lx.TIME:
            return self.tokens[i - 1].value  # type: ignore[return-value]
        times = self.phrase.times
        if times and times[-1].end == self.tokens[i - 1].end:
            return times[-1].clock
        return None

    def _clock_then_zone(self, k: int) -> tuple[ClockTime | None, int]:
        """A time at k with a zone right after it ("7am PT", "seven am PT", "7 o'clock in the
        morning PT"): the time and the zone's index; (None, k) when there is none."""
        clock = self._clock_at(k)
        if clock is not None:
            return (clock, k + 1) if self._kind(k + 1) == lx.ZONE else (None, k)
        if self._kind(k) != lx.NUM:
            return None, k
        said = self._time_at(k)
        if said is None or self._kind(said[1]) != lx.ZONE:
            return None, k
        mention = said[0]
        if mention.clock.meridiem is None and not mention.clock.is_24h:
            return None, k  # "(at 7 PT)": which 7?
        return mention.clock, said[1]

    def _clock_at(self, k: int) -> ClockTime | None:
        if k < self.n and self.tokens[k].kind == lx.TIME:
            return self.tokens[k].value  # type: ignore[return-value]
        return None

    def _spoken(self, k: int) -> str:
        token = self.tokens[k]
        clock = token.value
        if isinstance(clock, ClockTime):
            hour = clock.hour_24()
            return f"{hour:02d}:{clock.minute:02d}" if hour is not None else str(clock.hour)
        return str(clock)

    def _place(self, i: int, *, after_in: bool = False) -> int | None:
        """ "London time", "New York time", "in Tokyo", and "9am Berlin" (a place right
        after a time, ending the text); "local time" is the request's zone."""
        if i >= self.n:
            return None
        if self.tokens[i].value in _OUR_TIME and self._word(i + 1) == "time":
            return i + 2
        first = self.tokens[i]
        if first.kind != lx.WORD or first.value not in place_starts():
            return None  # most words start no place's name: no lookups
        after_time = i > 0 and (
            self.tokens[i - 1].kind == lx.TIME or self._word(i - 1) in ("noon", "midnight")
        )
        words: list[str] = []
        for j in range(i, min(i + 3, self.n)):
            token = self.tokens[j]
            if token.kind != lx.WORD:
                break
            words.append(str(token.value))
            zone = lookup_place(" ".join(words))
            if zone is None:
                continue
            if self._word(j + 1) == "time":
                self._set_zone(zone)
                return j + 2
            if self._word(j + 1) in ("standard", "daylight") and self._word(j + 2) == "time":
                self._set_zone(zone)  # "China Standard Time", "India Standard Time"
                return j + 3
            if after_in and " ".join(words) in countries_only():
                return None  # "a holiday in Cuba": where, not the clock ("Cuba time" is)
            if self._word(j + 1) in PLACE_NOUNS:
                return None  # "in Center Hall", "in Lindeman Park": a venue's name, not a city
            if after_in or (after_time and j + 1 == self.n):
                self._set_zone(zone)
                return j + 1
        return None

    # -- small words ----------------------------------------------------------------

    def _filler(self, i: int) -> int:
        return i + 1

    def _only(self, i: int) -> int:
        """ "only on Monday", "only in January": a restriction, so the schedule repeats."""
        if self._word(i + 1) in ("on", "in", "during"):
            self.phrase.descriptor = True
        return i + 1

    def _on(self, i: int) -> int:
        if self._kind(i + 1) == lx.DAY:
            self.phrase.on_day = True  # "on tuesday at 5 and 6 pm": that Tuesday's times
        after = self._word(i + 1)
        if after == "or" and self._word(i + 2) in ("after", "before"):
            bound = self._nth_bound(i + 2, inclusive=True)  # "on or after the 2nd"
            if bound is not None:
                return bound
        if after == "every" and self._word(i + 2) == "dom":
            return self._dom(i + 2) or i + 1  # "on every day-of-month from 8 through 14"
        if after == "the" and self._is_unit(i + 2, "hour"):
            more = self._more_minutes(i + 3)  # "on the hour and half past": :00 and :30
            if more is not None:
                return more
            self._set_minutes([0])  # "every hour on the hour"
            return i + 3
        if after == "the" and self._word(i + 2) == "half":
            if self._is_unit(i + 3, "hour"):
                self._set_minutes([30])  # "every hour on the half hour"
                return i + 4
        if after == "half" or self._is_unit(i + 1, "quarter"):
            past = self._minutes_past(i + 1)  # "on quarter past and quarter to every hour"
            if past is not None:
                return past
        return i + 1

    def _is_minute_number(self, j: int) -> bool:
        """A number written with two digits that can be a minute: "00", "05", "30"."""
        token = self.tokens[j] if j < self.n else None
        if token is None or token.kind != lx.NUM or token.spelled:
            return False
        return token.end - token.start == 2 and isinstance(token.value, int) and token.value < 60

    def _two_digit_minute(self, j: int) -> bool:
        """ "every hour at 00", "at 30 every hour": a two-digit number after "at" is a
        minute of the hour when the schedule is hourly (not "00:00", not "30 o'clock")."""
        if not self._is_minute_number(j):
            return False
        if (
            self._word(j + 1) in ("am", "pm", "oclock", "past", "to", "after")
            or self._kind(j + 1) == lx.UNIT
        ):
            return False
        return self._hourly_follows(j + 1)

    def _synchronized(self, i: int) -> int | None:
        """ "every 2 hours synchronized" (App Engine's cron.yaml): the runs count from
        00:00, which is how cron already counts an interval that divides the day; one that
        does not divide it cannot be synchronized (App Engine refuses it too)."""
        interval = self.phrase.interval
        if interval is None or interval[1] not in ("minute", "hour"):
            return None
        count, unit = interval
        minutes = count * (60 if unit == "hour" else 1)
        if minutes != int(minutes) or not (
            60 % minutes == 0 or (minutes % 60 == 0 and 24 % (minutes // 60) == 0)
        ):
            raise Rejected(
                f"every {count:g} {unit}s cannot be synchronized to 00:00: it does not divide "
                "the day",
                "every 2, 3, 4, 6, 8 or 12 hours synchronized"
                if unit == "hour"
                else "every 10, 15, 20 or 30 minutes synchronized",
            )
        if minutes == 24 * 60 and self.phrase.interval_start is None:
            # "every 24 hours synchronized": at 00:00, not at this minute of each day
            token = self.tokens[i]
            self.phrase.interval_start = TimeMention(_MIDNIGHT, token.start, token.start)
        return i + 1

    def _yesterday(self, i: int) -> int | None:
        raise Rejected("“yesterday” is in the past")

    def _unit(self, i: int) -> int | None:
        unit = self.tokens[i].value  # one look at the unit: a reading is tried from every one
        if unit == "minute" or unit == "quarter":
            past = self._minutes_past(i)  # "quarter past every hour", "minute 30 past the hour"
            if past is not None:
                return past
            if unit == "quarter":
                spoken = self._spoken_time(i)  # "quarter past 5"
                if spoken is not None:
                    self.phrase.times.append(spoken[0])
                    self.phrase.order.append("t")
                    return spoken[1]
            return None
        if unit == "week":
            if self._is_unit(i + 1, "day"):
                return self._days_from(i, (1, 2, 3, 4, 5))  # "week days"
            return None
        if unit == "month":
            if self._word(i + 1) == "end":
                self.phrase.monthdays.append(LAST_DAY)
                self.phrase.of_month = True
                return i + 2
            return None
        if unit != "day":
            return None
        following = self._word(i + 1)
        if following == "after":
            if self._word(i + 2) == "tomorrow":
                self._set_day_offset(2)
                return i + 3
            if self._word(i + 2) == "next" and self._kind(i + 3) not in _NAMES_AFTER_NEXT:
                self._set_day_offset(2)  # "the day after next": the day after tomorrow
                return i + 3
            k = i + 3 if self._word(i + 2) == "next" else i + 2
            if self._kind(k) == lx.DAY and not self.phrase.weekdays:
                # "the day after (next) Friday": that Friday, a day on
                self.phrase.weekdays.append(int(self.tokens[k].value))  # type: ignore[call-overload]
                self.phrase.single_day = True
                self.phrase.next_weekday |= k == i + 3
                self.phrase.days_after += 1
                self.phrase.order.append("d")
                return k + 1
        if self._kind(i + 1) == lx.NUM and self._kind(i + 2) != lx.UNIT:
            # "day 15 of every month", "on day 5 and 20" (not "older than 1 day (2 days old)":
            # a number before its unit is an amount)
            return self._day_numbers(i + 1)
        if following == "after" and self._names_a_date(i + 2):
            self.phrase.days_before -= 1  # "the day after Christmas"
            return i + 2
        if following == "before":
            if self._names_a_date(i + 2):
                self.phrase.days_before += 1  # "the day before Christmas"
                return i + 2
            return self._before_last(i + 2, 1)  # "the day before the last day of the month"
        if (
            following == "of"
            and self._word(i + 2) == "the"
            and self._is_unit(i + 3, "week")
            and self._kind(i + 4) in (lx.DAY, lx.DAYS, lx.DAYSET)
        ):
            # "Days of the week: Monday, Tuesday" (a form's label): those days, every week
            end = self._days(i + 4)
            self.phrase.every, self.phrase.single_day = True, False
            return end
        if self._month_follows(i + 1):
            # "Days of the month: 1, 10, 20" (a form's label, then its values)
            k = i + 2 if following == "of" else i + 1
            k += 1 if self._word(k) in ("the", "every", "a") else 0
            if self._kind(k + 1) == lx.NUM:
                end = self._day_numbers(k + 1)
                self.phrase.of_month = self.phrase.every = True
                return end
        return None

    def _day_numbers(self, i: int) -> int | None:
        days: list[int] = []
        j = i
        while j < self.n and self.tokens[j].kind == lx.NUM:
            value = self.tokens[j].value
            if not isinstance(value, int) or not 1 <= value <= 31:
                raise Rejected(f"no month has a day {value}")
            days.append(value)
            last = self.tokens[j + 2].value if self._is_range(j + 1) and j + 2 < self.n else None
            if self._kind(j + 2) == lx.NUM and isinstance(last, int) and value < last <= 31:
                days.extend(range(value + 1, last + 1))  # "from 8 through 14"
                j += 2
            elif (
                self._is_range(j + 1)
                and self._word(j + 2) == "the"
                and self._word(j + 3) == "last"
                and self._is_unit(j + 4, "day")
            ):
                # "on day 20 through the last day of the month": days past a short month's
                # end do not exist in it
                days.extend(range(value + 1, 32))
                j += 4
            step = self._is_separator(j + 1)
            if step and self._kind(j + 1 + step) == lx.NUM:
                j += 1 + step
            else:
                j += 1
                break
        self.phrase.monthdays.extend(d for d in days if d not in self.phrase.monthdays)
        self._joined_days(i - 1, weekday=False)
        return j

    def _joined_days(self, i: int, *, weekday: bool) -> None:
        """Days of the week and days of the month in one phrase, read at i: joined by "and"
        or "as well as" ("every Friday and the 13th", "on the 1st and every Monday") they
        are a union; a date right after a weekday ("Friday the 13th") is both at once. The
        order of days and times is kept, so "Monday at 9 and the 15th at 5" is two
        schedules."""
        phrase = self.phrase
        other = phrase.monthdays if weekday else phrase.weekdays
        if not weekday:
            phrase.order.append("d")
        if not other:
            return
        k = i - 1
        while k >= 0 and (self._word(k) in ("the", "on", "every", "of") or self._is_sym(k, ",")):
            k -= 1
        if k < 0:
            return
        joined = self._word(k) == "and" or self._is_sym(k, "&") or self._word(k) == "also"
        if joined or self._words_before(k) == _AS_WELL_AS:
            phrase.day_union = True
        elif (
            not weekday
            and self._kind(k) in (lx.DAY, lx.DAYS)
            and k == i - 1 - (self._word(i - 1) == "the")
        ):
            phrase.weekday_date = True  # "Friday the 13th", "Friday 13th"

    def _any(self, i: int) -> int | None:
        """ "Any Friday that falls on the 13th": any weekday named is every one of them."""
        if self._kind(i + 1) not in (lx.DAY, lx.DAYS):
            return None
        return self._every(i)

    def _falls_on(self, i: int) -> int | None:
        """ "every Friday that falls on the 13th", "any Friday falling on the 13th of a month",
        "the last day if it is a weekday" is elsewhere: a weekday whose date is also named, both
        at once (BYDAY=FR;BYMONTHDAY=13), as "Friday the 13th"."""
        j = i
        before = i - 1 - (self._word(i - 1) in ("that", "which"))
        if self._word(j) not in _FALLS or self._word(j + 1) != "on":
            return None
        if not (before >= 0 and self._kind(before) in (lx.DAY, lx.DAYS) and self.phrase.weekdays):
            return None
        k = j + 2 + (self._word(j + 2) == "the")
        if self._kind(k) != lx.ORD or self._kind(k + 1) in (lx.DAY, lx.DAYS, lx.DAYSET):
            return None
        end = self._ordinals(k)
        if end is None or not self.phrase.monthdays or self.phrase.day_union:
            return None
        self.phrase.weekday_date = True
        if self._word(end) == "of" and self._word(end + 1) in ("a", "the", "every", "each"):
            if self._is_unit(end + 2, "month"):
                self.phrase.of_month = True
                end += 3
        return end

    def _words_before(self, k: int) -> tuple[object, ...]:
        """The three words ending at k, for "as well as"."""
        return tuple(self.tokens[m].value if 0 <= m < self.n else None for m in (k - 2, k - 1, k))

    def _as_well_as(self, i: int) -> int | None:
        """ "as well as" (and "also"): a union, read by the days that follow it."""
        if self.tokens[i].value == "also":
            return i + 1
        if self._words_before(i + 2) == _AS_WELL_AS:
            return i + 3
        if self._word(i + 1) == "of" and self._as_of_day(i + 2):
            # "as of March 1, run the report every Monday": from that day on
            return self._bound(i + 1, "starting")
        return None

    def _as_of_day(self, j: int) -> bool:
        """Whether a day starts at j after "as of": a weekday, a date, "the 5th", a month and
        a day of it ("March 1"; not "January 2021", a month of a year, often gone by)."""
        kind = self._kind(j)
        if kind in _AS_OF_KINDS:
            return True
        if kind != lx.MONTH or self._kind(j + 1) not in (lx.NUM, lx.ORD):
            return False
        day = self.tokens[j + 1].value
        return isinstance(day, int) and 1 <= day <= 31

    def _business(self, i: int) -> int | None:
        if self._is_unit(i + 1, "hour") and self._word(i - 1) == "outside" and i > 0:
            # "runs on Monday at 02:00 UTC, outside business hours": why that time, not when
            if not self.phrase.times:
                raise Rejected("“outside business hours” does not say when", "name a time")
            return i + 2
        if self._is_unit(i + 1, "hour"):
            if self._named_office_hours(i):
                # "weekly Community Office Hours every Wednesday at 5:30PM": the meeting's
                # name, not a window; the day and time named are when it is (asked)
                self.phrase.unsure.append("“office hours” read as the meeting's name")
                self.phrase.named_event = True
                return i + 2
            return self._business_hours(i, i + 2)
        if self._is_unit(i + 1, "day"):
            return self._days_from(i, (1, 2, 3, 4, 5))
        return None

    def _odd_months(self, i: int) -> int | None:
        """ "odd months", "odd-numbered months", "in even months": January, March, … or
        February, April, … (a meeting page's "Odd months: first Tuesday of the month")."""
        j = i + 1
        if self._is_sym(j, "-"):
            j += 1
        if self._word(j) == "numbered":
            j += 1
        if not self._is_unit(j, "month"):
            return None
        first = 1 if self.tokens[i].value == "odd" else 2
        self.phrase.months.extend(m for m in range(first, 13, 2) if m not in self.phrase.months)
        return j + 1

    def _named_office_hours(self, i: int) -> bool:
        """Whether "office hours" at i names a meeting: the word "office", with nothing that
        makes it a time window before it ("during", "in", "outside", an interval read)."""
        token = self.tokens[i]
        return (
            token.end - token.start == 6  # "office" (the lexicon's "business" has other words)
            # "every 30 minutes, office hours" is a window; "weekly Office Hours" a meeting
            and (self.phrase.interval is None or self.phrase.interval[1] not in _SUB_DAILY)
            and (i == 0 or self._word(i - 1) not in _WINDOW_WORDS)
        )

    def _during(self, i: int) -> int:
        """ "during the workday", "during the business day": the hours of a working day, a
        reading that asks; otherwise "during" is a filler ("during business hours")."""
        j = i + 1
        if self._word(j) == "the":
            j += 1
        end = None
        if (
            self._word(j) == "business"
            and self._is_unit(j + 1, "week")
            and not self.phrase.weekdays
            and (self.phrase.interval is None or self.phrase.interval[1] in _SUB_DAILY)
        ):
            # "During the work week, I wake up at 5:30 AM": the working days, Monday to Friday
            self.phrase.unsure.append("the work week read as Monday to Friday")
            return self._days_from(j, (1, 2, 3, 4, 5))
        if self._word(j) == "business" and self._is_unit(j + 1, "day"):
            end = j + 2
        elif self._kind(j) == lx.DAYSET and self.tokens[j].end - self.tokens[j].start == 7:
            end = j + 1  # "workday" (the singular; "weekdays" are days)
        if end is None or self.phrase.interval is None:
            return i + 1
        self.phrase.unsure.append("the working day read as business hours, 9:00 AM to 5:00 PM")
        return self._business_hours(j, end)

    def _business_hours(self, i: int, end: int) -> int:
        start = TimeMention(_BUSINESS_CLOCKS[0], self.tokens[i].start, 0)
        last = TimeMention(_BUSINESS_CLOCKS[1], self.tokens[i].start, 0)
        self.phrase.business_hours = True
        self.business_stop = self.tokens[end - 1].end
        if self.phrase.window is not None and self.phrase.window[0].end:
            # "9-to-5 business hours", "8am-6pm business hours": the hours said define them
            self.phrase.business_defined = True
            return end
        return self._set_window(start, last, end)

    def _market(self, i: int) -> int | None:
        """ "during US market hours", "trading hours": the New York Stock Exchange's
        session, 9:30am to 4pm Eastern, Monday to Friday unless days are named. "on trading
        days", "every market day": Monday to Friday, asked (the exchange's holidays still run)."""
        if self._is_unit(i + 1, "day") and not self._is_unit(i + 1, "hour"):
            self.phrase.unsure.append(
                "trading days read as Monday to Friday; the exchange's holidays are not left out"
            )
            return self._days_from(i, (1, 2, 3, 4, 5))
        if not self._is_unit(i + 1, "hour"):
            return None
        start = TimeMention(ClockTime(9, 30, "am", False), self.tokens[i].start, 0)
        end = TimeMention(ClockTime(4, 0, "pm", False), self.tokens[i].start, 0)
        self.phrase.window_open_end = True
        self.phrase.market_hours = True  # in New York's time unless a zone is named
        return self._set_window(start, end, i + 2)

    def _dow(self, i: int) -> int | None:
        """ "on every day-of-week from Monday through Friday" (crontab.guru's words; `i` is
        after "day-of-week")."""
        j = i + 1 if self._word(i) == "from" else i
        if self._kind(j) not in (lx.DAY, lx.DAYS):
            return None  # "every day-of-week" alone: crontab.guru's words cut short, asked
        self.phrase.descriptor = True
        return self._days(j)

    def _dom(self, i: int) -> int | None:
        """ "on day-of-month 1 and 15", "on every day-of-month from 8 through 14"."""
        j = i + 1
        if self._word(j) == "from":
            j += 1
        if self._kind(j) != lx.NUM:
            return None
        self.phrase.descriptor = True
        return self._day_numbers(j)

    def _days_from(self, i: int, days: tuple[int, ...]) -> int:
        for day in days:
            if day not in self.phrase.weekdays:
                self.phrase.weekdays.append(day)
        self.phrase.every = True
        return i + 2

    def _minute_token(self, i: int) -> int:
        return self._minute_past(i)

    def _symbol(self, i: int) -> int | None:
        value = self.tokens[i].value
        if value in (",", "&"):
            return i + 1
        if (
            value == "+"
            and self._kind(i + 1) == lx.NUM
            and not (i and self.tokens[i - 1].end == self.tokens[i].start)  # not "C++ 2"
            and not self.phrase.has_offset
        ):
            return self._plus(i + 1)
        return None

    def _plus(self, j: int) -> int | None:
        """After "+": an amount of time from now, as after "in": "+2h", "+1 week", and the
        days and weeks written by their letter, "+2d", "+1w"."""
        amount, letter = self.tokens[j].value, self._word(j + 1)
        if letter in _DAY_LETTERS and self.tokens[j].end == self.tokens[j + 1].start:
            self.phrase.offset_seconds += float(amount) * _DAY_LETTERS[letter]  # type: ignore[arg-type]
            self.phrase.has_offset = True
            return j + 2
        return self._amounts(j)

    def _zone_token(self, i: int) -> int:
        return self._zone(i)


def _said(clock: ClockTime) -> str:
    """A time as a note writes it: "07:00", or the bare hour when the text did not say."""
    hour = clock.hour_24()
    return f"{hour:02d}:{clock.minute:02d}" if hour is not None else str(clock.hour)


def _said_whole(clock: ClockTime) -> bool:
    """A time that says which hour of the day it is: with am/pm or on the 24-hour clock
    ("5pm", "17:00", "09:30"; not "9:30", which may also be an amount), or on the hour
    ("12:00", "9:00": nobody writes an amount with ":00")."""
    return clock.meridiem is not None or clock.is_24h or (clock.digital and clock.minute == 0)


def hundreds_clock(
    hour: int, minute: int, meridiem: str | None, military: bool
) -> ClockTime | None:
    """The time of day of a clock said in hundreds, as speech-to-text writes it: "five hundred
    and thirty am" is 5:30 am, "two hundred pm" 2 pm, "eighteen hundred" 18:00. `military`
    when said so ("nine hundred hours", "zero nine hundred", "one thousand one hundred"): the
    24-hour clock. From 10 on ("eleven hundred", "twelve hundred") only the 24-hour clock says
    it; a lower hour with no am/pm ("eight hundred", "two hundred") is read like the bare hour
    it is in speech, which asks when it could be either — with minutes and no am/pm ("one
    hundred and twenty three") it is a number, not a time. None when it is no time."""
    if meridiem is not None:
        return ClockTime(hour, minute, meridiem, False) if 1 <= hour <= 12 else None
    if military or hour >= 10 or hour == 0:
        return ClockTime(hour, minute, None, True)
    if minute:
        return None  # "at one hundred and twenty three main": a house number, not 1:23
    return ClockTime(hour, minute, None, False)


def part_meridiem(part: str, hour: int) -> str | None:
    """The am/pm of a bare hour (1-12) said with a part of the day: "9 in the morning" is am,
    "5 in the evening" pm, "11 at night" pm, "12 at night" midnight (am), "2 at night" am.
    None when the part does not hold that hour ("12 in the morning", "2 in the evening")."""
    if not 1 <= hour <= 12:
        return None
    if part == "morning":
        return "am" if hour < 12 else None
    if part == "afternoon":
        return "pm" if hour == 12 or hour <= 6 else None
    if part == "evening":
        return "pm" if 4 <= hour <= 11 else None
    if part == "night":
        return "pm" if 7 <= hour <= 11 else "am" if hour == 12 or hour <= 4 else None
    return None


def _day_ref(phrase: Phrase) -> DayRef | None:
    """The single day a bound's sub-phrase names, if that is all it names."""
    if phrase.times or phrase.every or phrase.zone or phrase.has_offset or phrase.days_after:
        return None
    if phrase.holiday is not None:
        if phrase.weekdays or phrase.dates or phrase.day_offset is not None:
            return None
        return DayRef(holiday=phrase.holiday)  # "until Thanksgiving": its next date
    if phrase.day_offset is not None and not (phrase.weekdays or phrase.dates):
        return DayRef(day_offset=phrase.day_offset)
    if phrase.single_day and len(phrase.weekdays) == 1 and not phrase.dates:
        return DayRef(weekday=phrase.weekdays[0], after_today=phrase.next_weekday)
    if len(phrase.dates) == 1 and not phrase.weekdays:
        return DayRef(date=phrase.dates[0])
    if len(phrase.months) == 1 and not (phrase.weekdays or phrase.dates):
        # "until November": its first day; "starting November 2023": of that year (gone by:
        # no start at all)
        year = phrase.years[0] if len(phrase.years) == 1 else None
        return DayRef(date=(year, phrase.months[0], 1))
    if len(phrase.monthdays) == 1 and 1 <= phrase.monthdays[0] <= 31:
        if not (phrase.weekdays or phrase.dates or phrase.nth or phrase.months):
            return DayRef(monthday=phrase.monthdays[0])  # "starting the 15th": the next 15th
    return None


def _day_range(first: int, last: int) -> list[int]:
    """Cron days from `first` to `last` inclusive, wrapping past Saturday."""
    days = [first]
    while days[-1] != last:
        days.append((days[-1] + 1) % 7)
    return days


# "seven days a week", "24 hours a day": all of them, said so
_WHOLE: Final = {("day", "week"): 7, ("hour", "day"): 24, ("month", "year"): 12}


def _duration_words(count: float, unit: str) -> str:
    return f"{count:g} {unit}" + ("" if count == 1 else "s")


# where a date starts, after "except": "Dec 25", "2030-12-25", "1/19"
_DATE_KINDS: Final = frozenset({lx.MONTH, lx.DATE, lx.SLASHDATE})

# after an ordinal, a frequency counts the events it names ("the 2nd monthly meeting"): no day
_COUNTED_FREQUENCIES: Final = frozenset({"monthly", "weekly", "annual", "yearly", "quarterly"})


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


_Clause = Callable[[_Reader, int], "int | None"]
#: "that falls on the 13th": the verbs of a weekday whose date is named
_FALLS: Final = frozenset({"falls", "fall", "falling", "lands", "land", "landing"})
_AS_WELL_AS: Final = ("as", "well", "as")
# "until cancelled": the words that end a schedule by hand, so there is no end date
_UNTIL_STOPPED: Final = frozenset({"cancelled", "canceled", "stopped", "removed", "deleted"})

# words that greet on a holiday: the holiday after them is a message's ("/remind @User 24 dec
# Merry Christmas", "Happy Thanksgiving!"), not when to run
GREETINGS: Final = frozenset({"merry", "happy", "joyous", "joyful", "blessed", "wishing"})
# words that may start a fixed-date holiday ("new" also starts "New York": see _holiday)
_HOLIDAYS: Final = (
    "christmas",
    "xmas",
    "halloween",
    "valentine's",
    "valentines",
    "new",
    *sorted(CUES),
)

#: words before "holidays" that say which ones: all mean the country's public holidays
_HOLIDAY_KINDS: Final = frozenset(
    {"public", "bank", "national", "federal", "statutory", "stat", "legal", "official"}
)

# the subjects that open a clause after a comma ("…, you can book"): no word of an exception
_CLAUSE_SUBJECTS: Final = frozenset({"you", "we", "i", "it", "they", "he", "she", "this", "which"})
_WORD_CLAUSES: Final[dict[object, _Clause]] = {
    "wake": _Reader._waking,
    "alarm": _Reader._waking,
    "get": _Reader._get,
    "same": _Reader._same,
    "current": _Reader._same,  # "a reminder for the current time tomorrow": this time
    "every": _Reader._every,
    "no": _Reader._at_most,
    "not": _Reader._at_most,
    "up": _Reader._at_most,
    "at": _Reader._at,
    "around": _Reader._around,
    "on": _Reader._on,
    "the": _Reader._filler,
    "and": _Reader._filler,
    "please": _Reader._filler,
    "only": _Reader._only,
    "repeat": _Reader._filler,
    "during": _Reader._during,
    **dict.fromkeys(_FALLS, _Reader._falls_on),
    "any": _Reader._any,
    "except": _Reader._except,
    "other": _Reader._other,
    "previous": _Reader._previous,
    **dict.fromkeys(("daylight", *lx.SEASONS), _Reader._season),
    "since": _Reader._since,
    **dict.fromkeys(_HOLIDAYS, _Reader._holiday),
    "top": _Reader._top,
    "synchronized": _Reader._synchronized,
    "of": _Reader._of,
    "in": _Reader._in,
    "from": _Reader._from,
    "to": _Reader._to,
    "ending": _Reader._to,
    "ends": _Reader._end,
    "after": _Reader._after,
    "before": _Reader._before,
    "for": _Reader._for,
    "over": _Reader._over,
    "between": _Reader._window,
    "next": _Reader._next,
    "this": _Reader._next,
    "today": _Reader._day_word,
    "tonight": _Reader._day_word,
    "tomorrow": _Reader._day_word,
    "noon": _Reader._times,
    "midnight": _Reader._times,
    "morning": _Reader._part,
    "afternoon": _Reader._part,
    "evening": _Reader._part,
    "night": _Reader._part,
    "last": _Reader._last,
    "end": _Reader._end,
    "eod": _Reader._eod,
    "cob": _Reader._eod,
    "eob": _Reader._eod,
    "close": _Reader._close,
    "middle": _Reader._middle,
    "once": _Reader._once,
    "twice": _Reader._times_per,
    "a": _Reader._relative,
    "half": _Reader._relative,
    "yesterday": _Reader._yesterday,
    "business": _Reader._business,
    "odd": _Reader._odd_months,
    "even": _Reader._odd_months,
    "dom": _Reader._dom,
    "market": _Reader._market,
    "as": _Reader._as_well_as,
    "forever": _Reader._forever,
    "indefinitely": _Reader._forever,
    "also": _Reader._as_well_as,
    **dict.fromkeys(_FREQUENCIES, _Reader._frequency),
    "quarterly": _Reader._frequency,
}

_BOUND_WORDS: Final[dict[object, _Clause]] = {
    # "until Christmas", "through New Year's Eve": a fixed-date holiday as a bound; "until
    # Thanksgiving", "starting Memorial Day": one that moves, dated in build
    **dict.fromkeys(
        ("christmas", "xmas", "halloween", "valentine's", "valentines", "new"), _Reader._holiday
    ),
    **dict.fromkeys(CUES, _Reader._named_holiday),
    "today": _Reader._day_word,
    "tomorrow": _Reader._day_word,
    "next": _Reader._next,
    "this": _Reader._next,
}

_BOUND_KINDS: Final[dict[str, _Clause]] = {
    lx.DAY: _Reader._days,
    lx.MONTH: _Reader._month,
    lx.NUM: _Reader._number,
    lx.ORD: _Reader._ordinals,
    lx.DATE: _Reader._date,
    lx.SLASHDATE: _Reader._slash_date,
}

_KIND_CLAUSES: Final[dict[str, _Clause]] = {
    lx.TIME: _Reader._times,
    lx.NUM: _Reader._number,
    lx.ORD: _Reader._ordinals,
    lx.DAY: _Reader._days,
    lx.DAYS: _Reader._days,
    lx.DAYSET: _Reader._days,
    lx.MONTH: _Reader._month,
    lx.DATE: _Reader._date,
    lx.SLASHDATE: _Reader._slash_date,
    lx.INSTANT: _Reader._instant,
    lx.ZONE: _Reader._zone_token,
    lx.MINUTE: _Reader._minute_token,
    lx.UNIT: _Reader._unit,
    lx.SYM: _Reader._symbol,
}


_OUR_TIME: Final = frozenset({"local", "my", "our", "server"})  # "local time": the request's


def reads_nothing(token: Token) -> bool:
    """Whether reading from `token` reads nothing at all: a word no clause starts with and
    no place's name begins with ("check", "build" — most words of a command's task)."""
    value = token.value
    return (
        token.kind == lx.WORD
        and value not in _WORD_CLAUSES
        and value not in _OUR_TIME
        and value not in place_starts()
    )


def extract_zone(tokens: list[Token]) -> tuple[str | None, list[tuple[int, int]]]:
    """The zone named anywhere in the tokens, and the text spans that named it.

    For the stages after the grammar: recurrent and dateparser know no zone names, so
    the zone is read here and its words are cut from the text they are given.
    """
    reader = _Reader(tokens)
    spans: list[tuple[int, int]] = []
    i = 0
    while i < reader.n:
        token = tokens[i]
        j: int | None = None
        if token.kind == lx.ZONE:
            j = reader._zone(i)
        elif token.kind == lx.WORD and token.value == "in":
            j = reader._place(i + 1, after_in=True)
        elif token.kind == lx.WORD:
            j = reader._place(i)
        if j is None:
            i += 1
            continue
        spans.append((token.start, tokens[j - 1].end))
        i = j
    return reader.phrase.zone, spans


def meridiem_said_once(times: list[TimeMention]) -> list[TimeMention]:
    """A list of times whose last says am or pm ("1:00 & 2:00 p.m.", "10, 11 and 11:30 am"): the
    earlier times without it are in the same half of the day as the next that says it when they
    come before it on the 12-hour dial (12 is its first hour); "9:00 and 5:00 pm" is left as
    written (9 is after 5 on the dial: the morning's 9, most likely, which the hour's own rule
    reads)."""
    if times[-1].clock.meridiem is None:
        return times
    # each time without am/pm takes the next one's that says it: "5,6,7AM, 12PM, 7,8,9,10,11PM"
    # is 5 to 7 in the morning, noon, 7 to 11 at night (one marked time: the last one's)
    shared: list[TimeMention] = [times[-1]]
    last = times[-1].clock
    for mention in reversed(times[:-1]):
        clock = mention.clock
        if clock.meridiem is not None:
            last = clock
        elif (
            not clock.is_24h
            and 1 <= clock.hour <= 12
            and (clock.hour % 12, clock.minute) < (last.hour % 12, last.minute)
        ):
            mention = replace(mention, clock=replace(clock, meridiem=last.meridiem))
        shared.append(mention)
    return shared[::-1]
