"""From a Phrase (what the text said) to a Schedule dict (what the engine runs).

This is where meaning is decided: which hour "at 9" is, whether "every other day"
can be cron (it cannot: it becomes an `every` interval anchored at its first run),
and which phrases are too ambiguous to schedule. Everything here is a function of
the phrase, the zone and `now`.

Choices worth knowing (each leaves a note on the result when it applies):
- A bare hour from 8 to 11 is AM and 12 is noon; 1 to 7 is PM. Either way it is a guess
  that asks, unless "morning"/"evening", am/pm, a 24-hour time elsewhere in the text, waking
  ("wake me at 6") or the task's words ("at 8 for dinner", "at 7 to leave for work") settle
  it.
- No time of day: 09:00 (Slack's /remind does the same); "morning" 09:00, "afternoon"
  14:00, "evening" 18:00. "night" has no default: nightly jobs run anywhere from 8pm
  to 4am.
- Hour windows: with whole-hour steps both ends run ("every hour from 9 to 5" is
  9:00 ... 17:00, `0 9-17 * * *`); with steps under an hour the window is the hours
  from its start up to its end (`*/30 9-16 * * *`: the last run is 16:30), because
  one cron expression cannot add a lone 17:00.
- Intervals that divide an hour or a day become cron, aligned to the clock ("every
  15 minutes" is `*/15 * * * *`); others ("every 45 minutes", "every other day",
  "every 2 weeks on Monday") become `every` with `start_at` at the first run. An
  interval counts real time, so a daily-or-longer one shifts by an hour on the wall
  clock when DST changes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter
from typing import Any, Final
from zoneinfo import ZoneInfo

from . import lexicon as lx
from .asks import bare_morning_hour_asks
from .cron import cron_problem
from .cronexpr import first_time
from .daytimes import crossed, days_per_period, time_parts
from .frequency import one_month_a_quarter
from .limits import MIN_INTERVAL_SECONDS
from .observances import (
    MONTH_FIRST_COUNTRIES,
    YEARS_LOOKED_AT,
    country_of,
    easter_label,
    easter_offset,
    lookup,
    rule_of,
    twelve_hour_clock,
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
from .recurrence import first_occurrence
from .restated import PART_HOURS as _PART_HOURS
from .settings import date_order_chosen
from .tokens import ClockTime
from .wallclock import (
    add_months,
    ceil_minute,
    cron_weekday,
    day_month,
    days_in_month,
    iso_z,
    meridiem_hour,
    to_instant,
)
from .windows import DAY_MINUTES, cron_fields, steps_in_window
from .zones import zone_info

_UNIT_SECONDS: Final = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800}
_HOUR_STEPS: Final = frozenset({1, 2, 3, 4, 6, 8, 12})
# Todoist's readings of the parts of the day ("every evening" is 7pm, "every night" 10pm)
_PART_DEFAULTS: Final = {
    "morning": time(9),
    "afternoon": time(12),
    "evening": time(19),
    "night": time(22),
}
_DEFAULT_TIME: Final = time(9)
_TONIGHT: Final = time(20)
# Parts of the day whose hour is a guess even when they repeat: "afternoon" (12pm in Todoist,
# 1pm in others) and "night" (10pm in both, but nightly jobs run anywhere from 8pm to 4am):
# said without a time, the answer asks
_DISPUTED_PARTS: Final = {
    "afternoon": "apps differ",
    "night": "nightly jobs run from 8pm to 4am",
}
# "1:30" alone: 01:30 on the 24-hour clock, but a reminder in the small hours is rarely meant
_SMALL_HOURS_END: Final = 5
# The bare hours the task's words settle, and how: "at 8 for dinner" is 8pm, "at 7 to leave
# for work" 7am, "lunch at 1" 1pm
_TASK_PART_HOURS: Final = {
    "morning": {h: h for h in range(5, 12)},
    "evening": {h: h + 12 for h in range(5, 12)},
    "midday": {11: 11, 1: 13, 2: 14, 3: 15},
    "afternoon": {12: 12, **{h: h + 12 for h in range(1, 8)}},
}


def _settled_by_task(part: str | None, hour: int) -> int | None:
    """The hour (0-23) a bare `hour` is in the part of the day the task names, or None."""
    if part is None:
        return None
    return _TASK_PART_HOURS[part].get(hour)


# "nightly" is how ops name a job that runs once a day out of hours: one done at dawn is
# still the nightly job ("every night at 6am" still asks which time)
_NIGHTLY_DAWN: Final = (6, 7)


def in_part_of_day(part: str, hour: int) -> bool:
    """Whether `hour` (0-23) can be said to fall in `part` of the day."""
    return hour in _PART_HOURS[part]


_MAX_DAYS: Final = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

MAX_INTERVAL: Final = 366 * 86400  # the schedule engine's limit for `every`
MAX_YEARS_AHEAD: Final = 100

BASE_CONFIDENCE: Final = 0.95
# A reading we chose among several (Todoist's "weekly" is today's weekday): below
# CONFIRM_BELOW with one more assumption, so the user is asked.
UNSURE_PENALTY: Final = 0.3
ASSUMPTION_PENALTY: Final = 0.05
DEFAULT_TIME_PENALTY: Final = 0.2


@dataclass(frozen=True, slots=True)
class Built:
    schedule: dict[str, Any]
    confidence: float
    notes: tuple[str, ...]
    # How the text's bare hours were read, as (start, end, "9am"), for split_command.
    readings: tuple[tuple[int, int, str], ...]
    # what the job leaves out beyond what a schedule can say: {"holidays": {"country": …}}
    exclusions: dict[str, Any] | None = None


class _Builder:
    """Holds what one build accumulates: notes, the confidence penalty, readings."""

    def __init__(self, phrase: Phrase, zone_name: str, now: datetime) -> None:
        self.p = phrase
        self.zone_name = zone_name
        self.zone = zone_info(zone_name)
        self.now = now.astimezone(UTC)
        self.local_now = now.astimezone(self.zone)
        self.notes: list[str] = [*phrase.assumptions, *phrase.unsure]
        self.penalty = ASSUMPTION_PENALTY * len(phrase.assumptions) + UNSURE_PENALTY * len(
            phrase.unsure
        )
        self.readings: list[tuple[int, int, str]] = []
        self.has_24h = any(m.clock.is_24h and m.clock.hour != 0 for m in phrase.times) or (
            phrase.window is not None and any(m.clock.is_24h for m in phrase.window)
        )

        if phrase.date_order_guessed and not date_order_chosen():
            self._doubt_date_order()

        self.first_day: date = self.local_now.date()  # the first day runs may happen
        # "an hour before 00:30 tomorrow": the days a shifted time moved (-1: the day before)
        self.shift_days = 0
        # the text itself says it repeats ("every", an interval, days of the week or month),
        # not only its several times of day ("at 9:30am and 5pm")
        self.said_repeating = False
        self.easter: int | None = None  # a yearly day so many days from Easter Sunday
        self.start_day: date | None = None
        self.end_day: date | None = None

    def bounds(self) -> None:
        """Resolve "starting …" and "until …"/"for …" to days in the zone."""
        today = self.local_now.date()
        if self.p.starting is not None:
            self.start_day = self.day_of(self.p.starting, base=today)
            self.first_day = max(today, self.start_day)
            self._start_passed_lately(today)
            self._start_off_the_days()
        if self.p.until is not None:
            self.end_day = self.day_of(self.p.until, base=self.first_day)
            if self.end_day < self.first_day:
                raise Rejected("the end date comes before the schedule starts")
            if self.p.starting is not None and self.p.starting.holiday and self.p.until.holiday:
                # "Beginning Memorial Day and running through Labor Day, daily mass …", "every
                # Wednesday from Labor Day to Memorial Day": a season between two holidays, no
                # year said — the coming one only, or every year's? Read as the coming one, asked
                start, end = (
                    " ".join(ref.holiday).title() for ref in (self.p.starting, self.p.until)
                )  # type: ignore[arg-type]
                self.note(
                    f"from {start} to {end}, no year said: read as the coming season only (it may "
                    "be every year's)",
                    UNSURE_PENALTY,
                )

    def _start_passed_lately(self, today: date) -> None:
        """ "every other Friday starting Jan 2" said on January 14: the start, with no year,
        passed this year only weeks ago — it may be a series already under way (its weeks
        counted from January 2) as well as one that starts next year: read as next year's,
        asked (`start_passed_lately`)."""
        ref, start = self.p.starting, self.start_day
        if ref is None or ref.date is None or ref.date[0] is not None or start is None:
            return
        if start_passed_lately(ref.date[1], ref.date[2], today=today, start=start):
            self.note(
                f"{start:%B} {start.day} has passed lately: read as {start:%B} {start.day}, "
                f"{start.year} (say the year if the series began on {start:%B} {start.day}, "
                f"{start.year - 1})",
                UNSURE_PENALTY,
            )

    def _start_off_the_days(self) -> None:
        """ "meet Tuesdays weekly starting April 24" when April 24 is a Friday: the date or the
        day may be mistyped — the series starts on the first Tuesday after it, asked."""
        p, start = self.p, self.start_day
        if (
            start is None
            or p.starting is None
            or p.starting.date is None
            or not p.weekdays
            or p.nth
            or p.monthdays
            or cron_weekday(start) in p.weekdays
        ):
            return
        said = ", ".join(lx.DAY_LABELS[day] for day in sorted(set(p.weekdays)))
        self.note(
            f"the start, {start:%B} {start.day}, is a {start:%A}, not a {said}: "
            "read as starting on the first day named after it",
            UNSURE_PENALTY,
        )

    def day_of(self, ref: DayRef, *, base: date) -> date:
        today = self.local_now.date()
        if ref.holiday is not None:
            return self.holiday_on_or_after(ref.holiday, base)
        if ref.quarter_end:
            month = (base.month - 1) // 3 * 3 + 3
            return date(base.year, month, days_in_month(base.year, month))
        if ref.month_end is not None:
            month, year = ref.month_end or base.month, base.year
            if not ref.month_end and ref.months_later:  # "the end of next month"
                later = add_months(base.replace(day=1), ref.months_later)
                month, year = later.month, later.year
            if month < base.month and year == base.year:
                year += 1
            return date(year, month, days_in_month(year, month))
        if ref.day_offset is not None:
            return today + timedelta(days=ref.day_offset)
        if ref.weekday is not None:
            # "starting Monday ending Friday": the Friday after the start
            ahead = (ref.weekday - cron_weekday(base)) % 7
            return base + timedelta(days=ahead or (7 if ref.after_today else 0))
        if ref.monthday is not None:
            # the first such day from `base` on; months without it are passed over
            month_start = base.replace(day=1)
            for ahead in range(13):
                first = add_months(month_start, ahead)
                if ref.monthday <= days_in_month(first.year, first.month):
                    candidate = first.replace(day=ref.monthday)
                    if candidate >= base:
                        return candidate
        if ref.date is not None:
            year, month, day = ref.date
            _check_date(year, month, day)
            if year is not None:
                return date(year, month, day)
            for candidate in range(today.year, today.year + 9):
                if day <= days_in_month(candidate, month) and date(candidate, month, day) >= today:
                    return date(candidate, month, day)
        return add_months(base, ref.months_later) + timedelta(days=ref.days_later)

    def holiday_on_or_after(self, words: tuple[str, ...], base: date) -> date:
        """The first date of a named holiday from `base` on, as the holidays package dates it
        for the zone's country ("until Thanksgiving", "starting Memorial Day")."""
        found = lookup(list(words), country_of(self.zone_name), base.year)
        if found is None:
            raise NotUnderstood(0, " ".join(words))
        label = " ".join(words).title()
        for day in found[1]:
            if day >= base:
                self.note(f"{label} is {day:%A} {day.day} {day:%B %Y}", 0)
                return day
        raise Rejected(f"no coming {label} is known")

    def with_bounds(self, schedule: dict[str, Any]) -> dict[str, Any]:
        if self.start_day is not None and self.start_day > self.local_now.date():
            if schedule["type"] == "cron":
                schedule["start_at"] = iso_z(to_instant(self.start_day, time(0), self.zone))
        if self.end_day is not None:
            next_day = to_instant(self.end_day + timedelta(days=1), time(0), self.zone)
            schedule["end_at"] = iso_z(next_day - timedelta(seconds=1))
        return schedule

    def note(self, text: str, penalty: float = ASSUMPTION_PENALTY) -> None:
        self.notes.append(text)
        self.penalty += penalty

    def done(self, schedule: dict[str, Any]) -> Built:
        schedule = self.with_bounds(schedule)
        exclusions = self.holidays()
        if self.p.except_dates and (dates := self.excluded_dates(schedule)):
            exclusions = {**(exclusions or {}), "dates": dates}
        if self.p.except_fixed or self.p.except_named:
            dates = sorted(
                {*(exclusions or {}).get("dates", ()), *self.excluded_holidays(schedule)}
            )
            exclusions = {**(exclusions or {}), "dates": dates}
        if schedule.get("end_at"):
            first = schedule.get("start_at")
            if schedule["type"] == "cron":
                after = max(self.now, _parse_z(first)) if first else self.now
                found = first_time(schedule["expression"], self.zone, after)
                first = iso_z(found) if found is not None else None
            # both "…Z" in UTC: they sort
            if first is None or (first and schedule["end_at"] < first):
                raise Rejected("the schedule would end before its first run")
        confidence = round(max(0.55, BASE_CONFIDENCE - self.penalty), 2)
        return Built(schedule, confidence, tuple(self.notes), tuple(self.readings), exclusions)

    def excluded_dates(self, schedule: dict[str, Any]) -> list[str]:
        """ "every day except Dec 25", "@daily except 2030-12-25": the dates left out, as the
        job's exclusions.dates; a date with no year is the next one (asked: every year's may
        be meant), one already gone by is refused."""
        if schedule["type"] == "at":
            raise Rejected("a single run leaves no date out", "name the run's own day")
        today = self.local_now.date()
        out: list[str] = []
        for year, month, day in self.p.except_dates:
            _check_date(year, month, day)
            if year is None:
                when = date(today.year, month, day) if (month, day) != (2, 29) else None
                if when is None or when < today:
                    when = _next_date(today, month, day)
                self.note(
                    f"“{lx.MONTH_LABELS[month]} {day}” left out once, on {when:%Y-%m-%d} "
                    "(add later years to the job's exclusions)",
                    UNSURE_PENALTY,
                )
            else:
                when = date(year, month, day)
                if when < today:
                    # gone by, so nothing to leave out — or a year mistyped: asked
                    self.note(f"{when:%Y-%m-%d}, the date left out, has passed", UNSURE_PENALTY)
                    continue
                self.note(f"{when:%Y-%m-%d} is left out (the job's exclusions)", 0)
            out.append(when.isoformat())
        return sorted(set(out))

    def excluded_holidays(self, schedule: dict[str, Any]) -> list[str]:
        """ "every weekday except Christmas", "except Memorial Day": the holidays' dates in the
        years the holidays package is asked for, as the job's exclusions.dates (asked: the
        list ends, and a holiday that moves is dated for the zone's country)."""
        if schedule["type"] == "at":
            raise Rejected("a single run leaves no date out", "name the run's own day")
        today = self.local_now.date()
        years = range(today.year, today.year + YEARS_LOOKED_AT)
        out: list[date] = []
        said: list[str] = []
        for month, day in self.p.except_fixed:
            out.extend(d for y in years if (d := _real_date(y, month, day)) and d >= today)
            said.append(f"{lx.MONTH_LABELS[month]} {day}")
        for words in self.p.except_named:
            found = lookup(list(words), country_of(self.zone_name), today.year)
            if found is None:
                raise NotUnderstood(0, " ".join(words))
            out.extend(d for d in found[1] if d >= today)
            said.append(" ".join(words).title())
        if not out:
            raise Rejected("no coming date of the holiday left out is known")
        self.note(
            f"{' and '.join(said)} left out through {max(out).year} (the job's exclusions: "
            "add later years)",
            UNSURE_PENALTY,
        )
        return [d.isoformat() for d in out]

    def holidays(self) -> dict[str, Any] | None:
        """ "except holidays": the country named, else the zone's; a zone that names none
        (UTC) is asked about rather than guessed."""
        named = self.p.except_holidays
        if named is None:
            return None
        country = named or zone_country(self.zone_name)
        if country is None:
            raise Rejected(
                f"which country's public holidays? The time zone {self.zone_name} does not say",
                "name the country (“except US holidays”) or give a time zone",
            )
        how = "" if named else f" (the country of {self.zone_name})"
        self.note(
            f"public holidays of {country}{how} are skipped, as the holidays package dates them", 0
        )
        return {"holidays": {"country": country}}

    # -- times of day -----------------------------------------------------------------

    def resolve(self, mention: TimeMention) -> time:
        clock = mention.clock
        hour = clock.hour
        if clock.meridiem is not None:
            said = meridiem_hour(hour, clock.meridiem)
            if said is None:
                raise Rejected(f"{hour}{clock.meridiem} is not a time of day")
            if hour > 12:  # "at 23pm": the hour said twice
                written = f"{hour}:{clock.minute:02d}" if clock.minute else str(hour)
                self.note(
                    f"“{written}{clock.meridiem}” read as {said}:{clock.minute:02d}", UNSURE_PENALTY
                )
            hour = said
        elif not clock.is_24h and hour <= 12:
            hour = self._settle_hour(hour, clock.minute, digital=clock.digital)
            self.readings.append((mention.start, mention.end, _spoken(hour, clock.minute)))
        if hour > 23 or clock.minute > 59:
            raise Rejected(f"{clock.hour}:{clock.minute:02d} is not a time of day")
        return time(hour, clock.minute)

    def _settle_hour(self, hour: int, minute: int, *, digital: bool = False) -> int:
        """An hour written without am/pm: context, then the way it is written, then working
        hours; a bare hour from 1 to 7 is a guess that asks."""
        part = self.p.part
        if part == "morning":
            return hour % 12
        if part in ("afternoon", "evening"):
            return hour % 12 + 12
        if part == "night":
            if hour in (4, 5) and not (self.p.every or self.p.interval):
                # "tonight at 5": the early evening more than the small hours, but asked
                # ("every night at 4" is the small hours: a job that runs overnight)
                self.note(f'"{hour}" read as {_spoken(hour + 12, minute)}', UNSURE_PENALTY)
                return hour + 12
            if 6 <= hour <= 11 and self.p.nightly and digital and self.p.zone == "UTC":
                return hour  # "nightly at 9:00 UTC": the 24-hour clock (`times` asks)
            if 6 <= hour <= 11 and self.p.nightly:
                # "Nightly builds should kick off at 11:30": a nightly job's evening more likely
                # than its morning, but "nightly" names the job, not the hour (they run from
                # 8pm to dawn): asked
                written = f"{hour}:{minute:02d}" if minute or digital else str(hour)
                self.note(
                    f'"{written}" read as {_spoken(hour + 12, minute)} for a nightly job; say '
                    f'"{written}am" for the morning',
                    UNSURE_PENALTY,
                )
            return hour % 12 + 12 if hour >= 6 else hour % 12
        written = f"{hour}:{minute:02d}" if minute or digital else str(hour)
        if self.has_24h:
            self.note(f'"{written}" read on the 24-hour clock, like the other times')
            return hour
        settled = _settled_by_task(self.p.task_part, hour)
        if self.p.waking and 1 <= hour <= 11:
            settled = hour
        if settled is not None:
            why = "a time to wake up" if self.p.waking else f"the task's {self.p.task_part}"
            if self.p.alarm and self.p.task_part is None:
                # "set an alarm for 7", "alarm for four thirty tomorrow": most alarms wake
                # someone, but not all (4:30 may be the afternoon's): read so, and asked
                self.note(
                    f'"{written}" read as {_spoken(settled, minute)}: an alarm, most likely to '
                    f'wake up; say "{written}pm" for the afternoon',
                    UNSURE_PENALTY,
                )
                return settled
            self.note(f'"{written}" read as {_spoken(settled, minute)}: {why}')
            return settled
        if hour == 12:
            if self.p.waking:
                # "Set an alarm for 12:30", "wake me up at 12:15": an alarm rings at midnight as
                # often as at noon (Alexa asks which): noon, asked
                said = _spoken(12, minute)
                self.note(
                    f'"{written}" read as {said}; say "{written}am" for midnight', UNSURE_PENALTY
                )
                return 12
            if self.p.every or self.p.interval or digital or self.p.task_part == "midday":
                self.note(f'"{written}" read as noon')
            else:
                # one run at "12" ("set an alarm for 12", "remind me at 12 o'clock"): noon or
                # midnight? A reminder bot asks; so do we
                self.note(f'"{written}" read as noon; say "12am" for midnight', UNSURE_PENALTY)
            return 12
        if digital:
            # "7:30" with its minutes and no am/pm is how the 24-hour clock writes 07:30 (as
            # dateparser, chrono and Todoist read it); where the zone's country writes the
            # 12-hour clock it may mean the evening: then the answer asks. So does a lone
            # small-hours time with no day ("1:30"): 01:30 tomorrow or 13:30 today?
            note = f'"{written}" read on the 24-hour clock as {hour:02d}:{minute:02d}'
            if twelve_hour_clock(self.zone_name) and 1 <= hour <= 5 and self.said_repeating:
                # "Every other Thursday at 3:30 ET": where the 12-hour clock is written, a
                # series' 1:00 to 5:59 with no am/pm is the afternoon's, as a bare hour is (a
                # 24-hour clock would write 03:30): read so, and asked ("daily at 7:30" stays the
                # morning's, asked; one run, "/r at 3:05", stays the next 3:05 to come)
                self.note(
                    f'"{written}" read as {_spoken(hour + 12, minute)}, the 12-hour clock of '
                    f'{self.zone_name}; say "{written}am" for the morning',
                    UNSURE_PENALTY,
                )
                return hour + 12
            if twelve_hour_clock(self.zone_name):
                # "every Monday at 10:00" in the US: a job's morning, noted (`asks`)
                asks = bare_morning_hour_asks(
                    hour, repeating=self.said_repeating, task_said=self.p.task_said
                )
                penalty = UNSURE_PENALTY if asks else ASSUMPTION_PENALTY
                self.note(f'{note}; say "{written}pm" for the evening', penalty)
            elif hour <= _SMALL_HOURS_END and not self._names_a_day():
                self.note(f'{note}, in the small hours; say "{written}pm"', UNSURE_PENALTY)
            else:
                self.note(note, 0)
            return hour
        if 8 <= hour <= 11:
            # the working morning, which is how most requests mean it ("standup at 9"); but
            # "remind me to call Rohan at 9" may well be the evening, and reminder apps that
            # pick "the next one to come" read 9pm after 9am: ask
            # (a repeating job's morning is noted only: `asks.bare_morning_hour_asks`)
            asks = bare_morning_hour_asks(
                hour,
                repeating=self.said_repeating,
                task_said=self.p.task_said,
                day_named=self._names_a_day(),
            )
            self.note(
                f'"{written}" read as {_spoken(hour, minute)}; say "{written}pm" for the evening',
                UNSURE_PENALTY if asks else ASSUMPTION_PENALTY,
            )
            return hour
        # 1 to 7 with nothing to settle it: the afternoon is the likelier ("at 4" is 4pm in
        # recurrent's and Chronic's readings and most requests; dateparser and chrono read
        # 4am, Slack and Duckling the next one to come), but it is a guess: ask
        self.note(
            f'"{written}" read as {_spoken(hour + 12, minute)}; say "{written}am" for the morning',
            UNSURE_PENALTY + DEFAULT_TIME_PENALTY,
        )
        return hour + 12

    def _doubt_date_order(self) -> None:
        """ "5/6" read month first (the default order) where the zone's country writes the
        day first (India, Britain, most of the world), or where no country says which (UTC):
        which was meant? Only a zone of a country that writes the month first (the US) settles
        it; the owner who sets AGENTCRON_DATE_ORDER is not asked."""
        country = zone_country(self.zone_name)
        if country is None:
            self.note(
                "a date of two numbers may be month/day or day/month: say the month's name",
                UNSURE_PENALTY,
            )
        elif country not in MONTH_FIRST_COUNTRIES:
            self.note(
                f"dates in the zone's country ({country}) are usually written day first: "
                "say the month's name",
                UNSURE_PENALTY,
            )

    def _names_a_day(self) -> bool:
        """Whether the text says which day(s) it runs: a date, a weekday, "tomorrow", a
        repetition."""
        p = self.p
        return bool(
            p.every or p.interval or p.weekdays or p.dates or p.monthdays or p.nth or p.holiday
        ) or (p.day_offset is not None or p.has_offset)

    def times(self) -> list[time]:
        times = [self.resolve(m) for m in self.p.times]
        part = self.p.part
        for at in times:
            if part == "night" and self.p.nightly and at.hour in _NIGHTLY_DAWN:
                continue  # "runs nightly at 6am NZST", "06:00 UTC nightly": the nightly job
            if (
                part == "night"
                and self.p.nightly
                and at.hour < 12
                and self.p.zone == "UTC"
                and not in_part_of_day(part, at.hour)
            ):
                # "Tests run … nightly at 9:00 UTC", "Called nightly at 8:00 UTC": a server's
                # clock, whose morning is the Americas' night — the hour as said, asked
                self.note(
                    f"{_spoken(at.hour, at.minute)} UTC read as said for a nightly job (night in "
                    "the Americas): to confirm",
                    UNSURE_PENALTY,
                )
                continue
            if part is not None and not in_part_of_day(part, at.hour):
                # a window may run past its part ("mornings from 9am to 1pm"); a time may not
                raise Rejected(
                    f"“{part}” and {_spoken(at.hour, at.minute)} disagree: which time?",
                    f"say the time once: “every {part} at {_spoken(_PART_DEFAULTS[part].hour, 0)}”",
                )
        if self.p.shift_seconds:
            return [self._shifted(at) for at in times]
        return times

    def _shifted(self, at: time) -> time:
        """ "15 minutes before 4pm": the time named, moved; the days it crossed are kept in
        `shift_days` for a one-time run ("an hour before 00:30 tomorrow" is tonight)."""
        seconds = self.p.shift_seconds
        minutes = at.hour * 60 + at.minute + seconds // 60
        self.shift_days, minutes = divmod(minutes, 1440)
        moved = time(minutes // 60, minutes % 60)
        how = "before" if seconds < 0 else "after"
        self.note(
            f"read as {_amount(abs(seconds))} {how} {_spoken(at.hour, at.minute)}: "
            f"{_spoken(moved.hour, moved.minute)}",
            0,
        )
        return moved

    def day_time(self) -> time:
        """The one time of day for a daily-or-longer schedule, or its default."""
        times = self.times()
        if len(times) > 1:
            raise Rejected("this schedule can run at one time of day only")
        if times:
            return times[0]
        return self.default_time()

    def default_time(self) -> time:
        part = self.p.part
        if part is not None:
            # "tonight", "tomorrow night" with no time: the evening (as reminder apps read
            # it); "every night" 10pm
            repeating = self.p.every or self.p.interval
            once = part == "night" and not repeating
            at = _TONIGHT if self.p.tonight or once else _PART_DEFAULTS[part]
            # one run at a guessed time ("call mom tonight", "this afternoon") is asked about:
            # missed, it is not run again tomorrow; so is every afternoon, whose hour apps
            # disagree on (12pm in Todoist, 1pm in others)
            disputed = part in _DISPUTED_PARTS
            penalty = DEFAULT_TIME_PENALTY if repeating and not disputed else UNSURE_PENALTY
            apps = f" ({_DISPUTED_PARTS[part]}): say the time" if disputed else ""
            self.note(f"no time given; {part} read as {_spoken(at.hour, 0)}{apps}", penalty)
            return at
        if self.p.from_today:
            # "3 weeks from today": the day at 9:00, as "tomorrow" is; many mean "from now"
            # and this time of day: asked
            self.note(
                "no time given; assumed 9:00 AM on that day (“from now” keeps this time of day)",
                UNSURE_PENALTY,
            )
            return _DEFAULT_TIME
        self.note("no time given; assumed 9:00 AM", DEFAULT_TIME_PENALTY)
        return _DEFAULT_TIME

    def window(
        self,
        *,
        overnight: bool = False,
        pair: tuple[TimeMention, TimeMention] | None = None,
        step: int = 0,
    ) -> tuple[time, time] | None:
        """The window's (or `pair`'s) two ends; one that ends at or before its start runs
        past midnight, which only `overnight` callers accept. `step`: the seconds between
        runs in it, which a start with no am/pm must leave room for."""
        pair = pair or self.p.window
        if pair is None:
            return None
        first, last = pair
        for mention in pair:
            # "1.90–1.97 GiB every hour": numbers with a dot, not a window's ends (the ends
            # are settled below before `resolve` would refuse them)
            if mention.clock.minute > 59 or mention.clock.hour > 24:
                clock = mention.clock
                raise Rejected(f"{clock.hour}:{clock.minute:02d} is not a time of day")
        # "between 7:00 and 22:00": a time written with its minutes is on the 24-hour clock
        # when the other end is ("from 9:30 to 5:30" is read by the order of its ends)
        if _is_24h_written(last) and first.clock.digital:
            first = TimeMention(replace(first.clock, is_24h=True), first.start, first.end)
        if _is_24h_written(first) and last.clock.digital:
            last = TimeMention(replace(last.clock, is_24h=True), last.start, last.end)
        start = self._window_end(first) if _is_explicit(first) else None
        end = self._window_end(last) if _is_explicit(last) else None
        if start is None and end is None and self.p.part is not None:
            # "in the evening from 6 to 10": the part of the day settles both ends
            start = time(
                self._settle_hour(first.clock.hour, first.clock.minute) % 24, first.clock.minute
            )
            end = time(
                self._settle_hour(last.clock.hour, last.clock.minute) % 24, last.clock.minute
            )
        if start is None and end is None:
            hour = first.clock.hour
            if 1 <= hour <= 5:
                hour += 12
            start = time(hour % 24, first.clock.minute)
        if start is None and end is not None and last.clock.hour > 12 and first.clock.hour < 12:
            # "between 6 and 22": whoever writes 22 counts on the 24-hour clock (06:00)
            start = time(first.clock.hour, first.clock.minute)
        if start is None:
            assert end is not None
            # the reading of the hour that starts before the end ("from 11:46 to 11:50pm")
            minute = first.clock.minute
            options = [h for h in _readings(first.clock.hour) if time(h, minute) < end]
            if not options:
                raise Rejected("the time window ends before it starts")
            start = time(max(options), first.clock.minute)
            if len(options) == 2 and _start_before_noon(first, last, start, end, step):
                start = time(min(options), minute)
                said = f"{_spoken(start.hour, minute)} to {_spoken(end.hour, end.minute)}"
                self.note(f"window read as {said} (say am or pm to be sure)", UNSURE_PENALTY)
        if end is None:
            minute = last.clock.minute
            options = [h for h in _readings(last.clock.hour) if time(h % 24, minute) > start]
            if not options:
                raise Rejected("the time window ends before it starts")
            end = time(min(options), last.clock.minute)
        for mention, read_as in ((first, start), (last, end)):
            if not _is_explicit(mention):
                spoken = _spoken(read_as.hour, read_as.minute)
                self.readings.append((mention.start, mention.end, spoken))
        if not _is_explicit(first) or not _is_explicit(last):
            window = f"{_spoken(start.hour, start.minute)} to {_spoken(end.hour, end.minute)}"
            self.note(f"window read as {window}")
        if end == start or (end < start and not overnight):
            raise Rejected(
                "the time window ends before it starts (overnight windows are not supported)"
            )
        return start, end

    def _window_end(self, mention: TimeMention) -> time:
        return self.resolve(mention)


def _parse_z(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def _start_before_noon(
    first: TimeMention, last: TimeMention, start: time, end: time, step: int
) -> bool:
    """A window's start with no am/pm that fits before its end either way, read in the
    morning: "every hour between 7:00 and 10pm" (written with its minutes, on the 24-hour
    clock, against an end written as an hour with pm: 7am to 10pm, not 7pm to 10pm) and
    "every 2 hours between 9 and 10pm" (the evening would leave room for one run). "7:30 -
    9:30pm", both ends written alike, and "from 6 to 8pm" keep the end's half of the day."""
    if not 6 <= first.clock.hour <= 11:
        return False  # "between 1 and 5pm": 1pm
    short = step > 0 and _minutes_between(start, end) < 2 * step // 60
    # "7:00" against "10pm": the end's minutes not written (or ":00"), the start's written
    written_24h = first.clock.digital and last.clock.meridiem is not None and not last.clock.minute
    return short or written_24h


def _minutes_between(start: time, end: time) -> int:
    return (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)


def _is_24h_written(mention: TimeMention) -> bool:
    clock = mention.clock
    return clock.meridiem is None and (clock.is_24h or clock.hour > 12)


def _is_explicit(mention: TimeMention) -> bool:
    clock = mention.clock
    return clock.meridiem is not None or clock.is_24h or clock.hour > 12


def _readings(hour: int) -> list[int]:
    return [hour % 12, hour % 12 + 12]


def _spoken(hour: int, minute: int) -> str:
    suffix = "am" if hour < 12 else "pm"
    twelve = hour % 12 or 12
    return f"{twelve}:{minute:02d}{suffix}" if minute else f"{twelve}{suffix}"


def _start_time_of_one_run(phrase: Phrase) -> None:
    """ "add an event starting at three pm on may fifth", "a call starting at 10am tomorrow":
    with nothing that repeats, the start time of a thing named before it is the run's time
    (a series' start time is read where the series is; "tomorrow starting at 8am" starts
    nothing named, and stays refused)."""
    if (
        phrase.start_of_thing
        and phrase.interval_start is not None
        and phrase.interval is None
        and not phrase.every
        and not phrase.times
        and phrase.window is None
        and phrase.count is None
    ):
        phrase.times.append(phrase.interval_start)
        phrase.interval_start = None


def said_again(first: ClockTime, second: ClockTime) -> bool:
    """Whether two times of day as written are the same time: "6pm" and "6 p.m.", "18:00"
    and "6pm", "9" and "9" (a bare hour only with the same bare hour)."""
    if first.minute != second.minute:
        return False
    hour, again = first.hour_24(), second.hour_24()
    if hour is None or again is None:
        return hour is None and again is None and first.hour == second.hour
    return hour == again


def _times_said_again(phrase: Phrase) -> None:
    """ "friday 1 pm (13:00)", "at 5:15 pm (17:15)": a time of day said again is one time —
    not several, which would make a one-off run every day."""
    kept: list[TimeMention] = []
    for mention in phrase.times:
        if not any(said_again(k.clock, mention.clock) for k in kept):
            kept.append(mention)
    phrase.times = kept


def _start_time_said_again(phrase: Phrase) -> None:
    """ "every Tuesday at 6 p.m. … starting at 6 p.m.", "tomorrow at 1pm, starting at 1pm":
    a start time that is the time of day said again is that time (not a second one); a
    sub-daily interval's start ("every 2 hours starting at 9am") is its own."""
    start = phrase.interval_start
    if (
        start is not None
        and phrase.times
        and (phrase.interval is None or phrase.interval[1] not in ("second", "minute", "hour"))
        and any(said_again(t.clock, start.clock) for t in phrase.times)
    ):
        phrase.interval_start = None


def build(phrase: Phrase, *, zone_name: str, now: datetime) -> Built:
    """The schedule a phrase describes. Raises Rejected or NotUnderstood."""
    _whole_minutes(phrase)
    if len(phrase.times) > 1 and phrase.zone is None:
        # (with a zone, one of the two may be said on its clock: "9am (9:00 CET)")
        _times_said_again(phrase)
    _start_time_of_one_run(phrase)
    if phrase.interval_start is not None:
        _start_time_said_again(phrase)
    _framed_days(phrase)
    _one_schedule(phrase)
    _start_day_of_month(phrase)
    if _interval_restates_times(phrase):
        # "twice a day at midnight and noon (every 12 hours)": the times, said twice
        phrase.interval = None
        phrase.every = True
    if phrase.month_weeks:
        _weeks_of_month(phrase)
    _days_left(phrase)
    _quarters_named(phrase)
    _split_hours(phrase)
    _meeting_window(phrase)
    _nth_narrows_weekdays(phrase)
    if phrase.shift_seconds and len(phrase.times) != 1:
        _unanchored_shift(phrase)
    if len(phrase.times) > 1 and any(m.named == "end of day" for m in phrase.times):
        # "the end of the day at 6pm": the time said twice, or two times? Ask for one
        raise Rejected("the text names the end of the day and another time", "say one: at 6pm")
    if phrase.minute_past is not None and phrase.interval is None and not phrase.times:
        if phrase.hour_unnamed:
            # "remind me at half past": of the hour now, or of every hour? Ask
            phrase.unsure.append("the text does not say past which hour (read as every hour)")
        phrase.interval = (1, "hour")  # "At 5 minutes past the hour": every hour
        phrase.every = True
    if phrase.month_end and not phrase.every and phrase.interval is None:
        # "remind me at the end of the month": this month's last day, or every month's?
        phrase.unsure.append("read as the last day of every month (it may mean once)")
    if phrase.market_hours and phrase.zone is None:
        phrase.zone = "America/New_York"
    if (
        phrase.months
        and phrase.interval is None
        and not (phrase.monthdays or phrase.nth or phrase.weekdays or phrase.dates)
        and not (phrase.first_weekday or phrase.holiday or phrase.quarter or phrase.times_per)
    ):
        # "every May", "Odd months - 9AM": every day of those months, or once in each? Read
        # as the days; ask
        months = ", ".join(lx.MONTH_LABELS[m] for m in phrase.months)
        phrase.unsure.append(f"read as every day in {months} (name a day: “every May 1”)")
    rare = rare_day(phrase)
    if rare is not None:
        phrase.unsure.append(rare)
    phrase.descriptor |= phrase.padded_time
    b = _Builder(phrase, phrase.zone or zone_name, now)
    p = phrase
    if p.next_year:
        _next_year(b)
    if p.month_ahead is not None:
        _date_in_month(b)
    if p.same_time:
        _same_time(b)
    _one_time_said_twice(b)
    if p.times_continue:
        _times_go_on(b)
    for year, month, day in p.dates:
        _check_date(year, month, day)  # "every 90 minutes on the 31st of February"
    if p.holiday is not None:
        _holiday(b)
        if b.easter is not None:
            return _rrule(b, ["FREQ=YEARLY", f"BYEASTER={b.easter}"])
    if _days_once(p):
        return _each_day_once(b)
    if p.named_event and one_bare_weekday(p):
        # "Office hours: Tuesday, 2 to 3 pm": a timetable's event, every week
        p.single_day, p.every = False, True
        p.assumptions.append(f"office hours on {lx.DAY_LABELS[p.weekdays[0]]} read as weekly")
    recurring = bool(
        p.every or p.interval or p.nth or p.monthdays or (p.weekdays and not p.single_day)
    )
    b.said_repeating = recurring
    if recurring and p.today_habit and p.day_offset == 0 and not p.once:
        p.day_offset = None  # "the meeting today occurs … on Wednesdays": nowadays
    single = (
        p.has_offset
        or p.day_offset is not None
        or p.next_weekday
        or p.next_week
        or p.next_business_day
        or p.instant is not None
    )
    if not (recurring or single or p.dates or p.once or _times_on_a_weekday(p)) and (
        p.descriptor
        or (p.months and (p.times or p.weekdays or p.part))
        or len(p.times) > 1
        or p.first_weekday
    ):
        # "At 09:46 AM, only on Monday" (cron-descriptor's words), "2pm and 6pm", "at noon
        # in January": a time of day that cannot be one run is a daily (or weekly) one
        recurring = True
        p.every = True
    if (
        len(p.monthdays) == 1
        and p.monthdays[0] > 0
        and not (p.every or p.of_month or p.interval or p.nth or p.weekdays or p.dates)
        and not (single or p.descriptor)
    ):
        _date_for_monthday(b)  # "on the 5th": the next 5th, once (it may mean every month)
        recurring = False
    if (
        p.single_day
        and len(p.monthdays) == 1
        and p.monthdays[0] > 0
        and not (p.every or p.interval or p.nth or p.dates or p.day_union)
    ):
        _date_for_weekday(b)
        recurring = False
    if (
        len(p.nth) == 1
        and len(p.months) == 1
        and len(set(p.years)) < 2
        and not (p.every or p.of_month or p.interval or p.monthdays or p.weekdays or p.dates)
        and not (single or p.descriptor or p.quarter or p.first_weekday or p.count)
        and not any(_is_midnight(m.clock) for m in p.times)
    ):
        # "the 3rd Wednesday in November": its next date, once, asked (it may be the yearly
        # rule; at midnight, which a day named once leaves unclear, it is the rule
        # cron-descriptor's words describe)
        _date_for_nth(b)
        recurring = False
    if (
        p.monthdays == [LAST_WEEKDAY]
        and len(p.months) == 1
        and len(set(p.years)) < 2
        and not (p.every or p.of_month or p.interval or p.nth or p.weekdays or p.dates)
        and not (single or p.descriptor or p.quarter or p.count)
        and not any(_is_midnight(m.clock) for m in p.times)
    ):
        # "Last weekday in March": as "the last Friday in March" is, its next date, once, asked
        _date_for_last_weekday(b)
        recurring = False
    if recurring and p.once and (p.interval is not None or p.every) and not (single or p.dates):
        # "once at the top of every hour": once an hour; "once on each 2nd day of a month":
        # once on each of those days
        p.once = False
    if recurring and not single and _series_from_a_date(p):
        # "7/31 11:30 @weekly Meet Joe" (a tickler's subject line), "March 3 every 2 weeks":
        # the date is the series' first day, and a weekly one keeps its weekday; asked
        p.starting = DayRef(date=p.dates.pop())
        b.note("the date named read as the first day of the series", UNSURE_PENALTY)
    if recurring and single and _series_from_a_day(p):
        # "today 4pm to 6pm every week", "tomorrow at 9am, repeat weekly": the day named is
        # the series' first day, and a weekly one keeps its weekday; asked
        p.starting, p.day_offset, single = DayRef(day_offset=p.day_offset), None, False
        b.note("the day named read as the first day of the series", UNSURE_PENALTY)
    elif (
        recurring
        and single
        and _today_and_every(p)
        and cron_weekday(b.local_now.date()) in p.weekdays
    ):
        # "held TODAY and every weekday at 6:30 PM": today is one of them, said first ("today
        # at 15:00 and every Friday after", on a Wednesday, is two things: refused below)
        p.day_offset, single = None, False
    if recurring and (single or p.once):
        raise Rejected("the text mixes a repeating schedule with a single date")
    if recurring:
        _seconds_once(p)  # a repeating schedule on a second is refused
        _years(b)
        months_counted(p)
        b.bounds()
        return _recurring(b)
    if p.until is None and _start_is_the_day(p):
        # "start tomorrow @15", "start next week Tuesday" (ZinZen's words): with nothing
        # that repeats, the start is the one run's day; it may be meant to repeat: asked
        b.note("“start …” with one run read as the day it runs (say how often if it repeats)")
        b.penalty += UNSURE_PENALTY
        return _one_time(b)
    if p.starting is not None or p.until is not None:
        raise Rejected("only a repeating schedule can have a start or an end date")
    if single or p.dates or p.weekdays or p.times or p.once:
        return _one_time(b)
    if p.part is not None and p.in_part:
        # "remind me in the evening": the next evening (today's if still ahead), asked
        at = _PART_DEFAULTS[p.part]
        p.times.append(TimeMention(ClockTime(at.hour, at.minute, None, True), 0, 0))
        b.note(f"no day given; the next {p.part} read, at {_spoken(at.hour, 0)}", UNSURE_PENALTY)
        return _one_time(b)
    raise NotUnderstood(0, "")


# What the text said, slot by slot, in words for a refusal: every path below names the slots it
# honours, and a slot it would leave unused refuses the text instead (never a schedule that
# silently drops "on the 31st of February" or "10 times").
_SLOT_WORDS: Final = {
    "interval": "an interval",
    "quarter": "quarters",
    "times": "a time of day",
    "minute_past": "minutes past the hour",
    "more_minutes": "minutes past the hour",
    "window": "a time window",
    "more_windows": "a second time window",
    "weekdays": "days of the week",
    "nth": "a weekday of the month",
    "monthdays": "a day of the month",
    "months": "months",
    "dates": "a date",
    "day_offset": "a day",
    "has_offset": "a delay",
    "part": "a part of the day",
    "instant": "a timestamp",
    "starting": "a start date",
    "until": "an end date",
    "interval_start": "a start time",
    "years": "a year",
    "count": "a number of runs",
    "first_weekday": "a business day of the month",
    "days_after": "days counted from a day",
    "days_before": "days counted before a date",
    "minute_range": "a part of the hour",
    "yeardays": "a day of the year",
    "weeknos": "a week of the year",
    "shift_seconds": "a time counted from another",
    "hour_step": "every few hours",
}
_EMPTY_SLOTS: Final = Phrase()
_BOUNDS: Final = ("starting", "until", "years")


def _honours(p: Phrase, *slots: str) -> None:
    """Refuse the text when it fills a slot the schedule being built cannot honour."""
    others, empty = _other_slots(slots)
    if others(p) == empty:
        return  # every build comes here: one C-level read and compare of the other slots
    for slot, words in _SLOT_WORDS.items():
        if slot not in slots and getattr(p, slot) != getattr(_EMPTY_SLOTS, slot):
            raise Rejected(
                f"this schedule cannot also keep to {words} the text names",
                "make it two schedules, or leave that part out",
            )


@lru_cache(maxsize=64)
def _other_slots(slots: tuple[str, ...]) -> tuple[attrgetter[Any], Any]:
    """A getter of the slots not in `slots`, and what it gets from an empty phrase."""
    getter = attrgetter(*(slot for slot in _SLOT_WORDS if slot not in slots))
    return getter, getter(_EMPTY_SLOTS)


def _weeks_of_month(p: Phrase) -> None:
    """ "Tuesdays at 3:30 pm, every second and fourth week of the month": the weekdays named, in
    those weeks — the 2nd and 4th Tuesday (RFC 5545's BYDAY=2TU,4TU). Weeks with no weekday
    ("updated during the second and fourth week of each month") do not say which day."""
    if not p.weekdays or p.nth or p.monthdays or p.dates:
        raise Rejected(
            "a week of the month does not say on which day",
            "name the day: the 2nd and 4th Tuesday of the month",
        )
    p.nth.extend((week, day) for day in p.weekdays for week in p.month_weeks)
    p.weekdays.clear()
    p.every = True
    # (a week of the month may also be a row of the calendar, whose Tuesday can be the month's
    # 1st Tuesday in its 2nd week: asked)
    p.unsure.append("a weekday in the nth week of the month read as the nth weekday")


def _nth_narrows_weekdays(p: Phrase) -> None:
    """ "Wednesdays at 09:00 PT (monthly - first Wednesday of the month)": the day, said in
    general and then narrowed to which one of the month — the narrower is the schedule (the
    phrase is asked, as any reading that drops words). Other weekdays beside an nth stay, and
    are refused as before."""
    if not p.nth or not p.weekdays or p.monthdays or p.dates:
        return
    if set(p.weekdays) != {day for _, day in p.nth}:
        return
    day = lx.DAY_LABELS[p.weekdays[0]]
    if p.day_union:
        # "every Friday and the first Friday of the month": the first Friday is one of the
        # Fridays, so every Friday (asked: two jobs may have been meant)
        p.nth.clear()
        p.day_union = p.of_month = False
        p.unsure.append(f"“{day}s” and a {day} of the month: every {day} (the one is in the other)")
        return
    p.weekdays.clear()
    p.unsure.append(f"“{day}s” and the {day} of the month named: read as the one named")


def _windows_merged(p: Phrase) -> bool:
    """Several windows said for several days, read as one when they are one: the same hours
    for each day ("Friday 8:00-9:00 PM and Saturday 8:00-9:00 PM"), or — beside what happens
    then — hours that start at the same time ("the food pantry will be open Mondays and
    Wednesdays from 10am to 6pm, and Fridays 10am to 4pm", "broadcasts live on Tuesdays and
    Thursdays from 7:30 AM to 9:15 PM, and on Wednesdays and Fridays from 7:30 AM to 4:00
    PM"): it happens at that start on each day named (asked: the ends differ). Whether they
    were."""
    if p.window is None or not p.more_windows or p.times:
        return False
    said = (p.window[0].clock, p.window[1].clock)
    if all((first.clock, last.clock) == said for first, last in p.more_windows):
        p.more_windows.clear()
        return True
    if p.event_window and all(first.clock == said[0] for first, _ in p.more_windows):
        p.more_windows.clear()
        p.unsure.append("hours that end at different times on different days: read at their start")
        return True
    return False


def _one_schedule(p: Phrase) -> None:
    """ "Monday at 9am and Friday at 5pm" names two schedules: never their cross product
    (Monday and Friday at 9am and 5pm)."""
    merged = _windows_merged(p)
    if len(p.order) < 3:
        return  # both refusals below need three groups or more
    groups = [
        kind for index, kind in enumerate(p.order) if index == 0 or p.order[index - 1] != kind
    ]
    exception = groups.index("x") if "x" in groups else -1
    times_after_exception = (
        exception > 0 and "t" in groups[:exception] and "t" in groups[exception:]
    )
    # the same time said twice ("every Friday at midnight, and the 13th at midnight") is
    # one time
    one_time = len({m.clock for m in p.times}) == 1 and p.window is None
    if p.window is not None and not p.times and not p.more_windows and p.interval == (1, "week"):
        # "Weekly Drop-In Group: 6 to 7:30 p.m. Thursdays": "weekly" names no day, and the one
        # window goes with the days named ("Tuesday & Thursday 1-3 PM, Lab on Fridays" does not)
        one_time = True
    one_time = one_time or merged
    # days and times taking turns ("every weekday at 8am and at 1pm on Saturdays", "at 7am on
    # weekdays and 9am"): which times go with which days is not said
    turns = [kind for kind in groups if kind != "x"]
    turns = [kind for index, kind in enumerate(turns) if index == 0 or turns[index - 1] != kind]
    if turns == ["d", "t", "d"] and p.interval == (1, "day") and not times_after_exception:
        # "run everyday at 7:00AM, 10:00AM, 1:00PM, 4:00PM IST on weekdays": every day, then
        # the days it keeps to — one group of days, not a second schedule
        return
    if (len(turns) >= 3 and not one_time) or times_after_exception:
        raise Rejected(
            "this names different times on different days: that is two schedules",
            "make two jobs, one for each day and time",
        )
    if (
        len(turns) >= 3
        and len(p.weekdays) > 1
        and p.single_day
        and not (p.every or p.interval or p.dates or p.monthdays or p.nth)
        and p.day_offset is None
    ):
        # "Tuesday 6:30-7:45pm and Thursday 6:30-7:45pm", "Monday at 7pm and Thursday at 7pm":
        # the same time said for each day, as a timetable sets its days out, is those days every
        # week, as "Tuesday and Thursday 6:30-7:45pm" is — asked (it may mean once each)
        p.single_day, p.every = False, True
        p.unsure.append(SAME_TIME_EACH_DAY_NOTE)


SAME_TIME_EACH_DAY_NOTE: Final = (
    "the same time is said for each day, without “every”: read as every week (it may mean once "
    "each)"
)


def _unanchored_shift(p: Phrase) -> None:
    """ "remind me 30 minutes before the meeting": before when? The event's time is not
    said, and guessing it would run at the wrong time."""
    amount = _amount(abs(p.shift_seconds))
    how = "before" if p.shift_seconds < 0 else "after"
    if p.times:
        raise Rejected(f"“{amount} {how}” goes with one time, and the text names several")
    raise Rejected(
        f"“{amount} {how}” does not say {how} what time",
        f"say the time it counts from (“{amount} {how} 4pm”) or the time to run",
    )


def _whole_minutes(p: Phrase) -> None:
    """Repeating schedules run on whole minutes. A window may end on a second ("between
    12:00:00 AM and 11:59:59 PM" takes in all of its last minute); a start on a second cannot
    be kept. One time said to the second ("at 17:25:30", "@RemindBot 22:33:44 message") is a
    one-off at that second, as "in 30 seconds" is: `_one_time` keeps it, every other way
    refuses it (`_seconds_once`)."""
    starts = [*p.window[:1], p.interval_start] if p.window else [p.interval_start]
    if any(mention is not None and mention.clock.second for mention in starts):
        raise Rejected(SECONDS_REFUSAL, "leave out the seconds")


SECONDS_REFUSAL: Final = "schedules run on whole minutes, not at a second"


def _seconds_once(p: Phrase) -> int:
    """The second of a one-off's time ("at 10:25:10"): 0 when none is written; refused when
    the time is not one run's (a repeating schedule runs on whole minutes)."""
    seconds = {m.clock.second for m in p.times if m.clock.second}
    if not seconds:
        return 0
    if len(p.times) > 1 or p.window is not None or p.interval is not None or p.every:
        raise Rejected(SECONDS_REFUSAL, "leave out the seconds")
    return seconds.pop()


def _framed_days(p: Phrase) -> None:
    """ "every week on Monday every 2 hours" runs every 2 hours on Mondays; "every week every
    2 hours" names no day for the week to frame: two intervals."""
    if p.frame == "week" and not p.weekdays:
        raise Rejected("the text names two different intervals")
    if p.frame == "month" and not (p.nth or p.monthdays or p.first_weekday):
        raise Rejected("the text names two different intervals")


def _one_time_said_twice(b: _Builder) -> None:
    """ "at noon - 12pm", "midnight (00:00)": a window whose two ends are the same time of
    day is that time, said twice."""
    p = b.p
    if p.window is None or not all(_is_explicit(mention) for mention in p.window):
        return
    first, last = p.window
    if b.resolve(first) == b.resolve(last):
        p.window = None
        p.times.append(first)


MEETING_HOURS: Final = 3
MAX_RULE_CHARS: Final = 500  # the schedule engine's longest RRULE
ONE_DAY_EVENT_HOURS: Final = 12


def _split_hours(p: Phrase) -> None:
    """ "mercredi de 10h à 12h et de 14h à 18h", "Monday to Friday 10.00-13.00 and 15.00-18.00":
    hours kept in parts on the days named (a library's or an office's morning and afternoon),
    with nothing said about how often, run at the start of each part — asked: the text tells
    when a place is open, and may mean runs all through the hours. Parts whose starts a bare
    hour leaves unsure, or said with no day, stay as they are (refused)."""
    if p.window is None or not p.more_windows or p.times or p.business_hours or p.market_hours:
        return
    if p.interval is not None and p.interval not in ((1, "day"), (1, "week")):
        return
    if p.minute_past is not None or p.interval_start is not None or p.hour_unnamed:
        return
    if not (p.weekdays or p.nth or p.monthdays or p.every or p.interval):
        return
    starts: list[TimeMention] = []
    for first, last in (p.window, *p.more_windows):
        if not all(_is_explicit(end) or end.clock.digital for end in (first, last)):
            return
        start, end = _clock_minutes(first), _clock_minutes(last)
        if not (start < end or (end == 0 and start > 0)):
            return
        if not any(said_again(first.clock, kept.clock) for kept in starts):
            starts.append(first)
    if sorted(map(_clock_minutes, starts)) != [_clock_minutes(m) for m in starts]:
        return  # ("14:00-18:00 and 9:00-12:00": parts out of the day's order)
    p.times.extend(starts)
    p.window = None
    p.more_windows.clear()
    p.unsure.append(SPLIT_HOURS_NOTE)


SPLIT_HOURS_NOTE: Final = (
    "hours kept in parts read as when each part starts (say how often for runs all through them)"
)


def _meeting_window(p: Phrase) -> None:
    """ "Occurs every Monday … from 9:00 AM to 9:30 AM" (Outlook), "every Tuesday from 2pm
    to 3pm": a daily-or-longer schedule with a short window starting at a written time runs
    when the window starts. So does an event on one day ("a meeting tomorrow from 2pm to
    3pm", "on 20 October, 09:00-11:00"), as calendar apps start it; "between 2 and 4pm" on
    one day is any time in it, and asks."""
    if p.window is None or p.times:
        return
    if p.interval is not None and p.interval[1] not in ("day", "week", "month", "year"):
        return
    one_day = p.day_offset is not None or p.next_week or p.this_week
    no_day = p.interval is None and not (
        p.every or p.weekdays or p.nth or p.monthdays or p.dates or one_day
    )
    if no_day and (p.window_between or p.window_open_end):
        return
    first, last = p.window
    if not _is_explicit(first):
        first = _window_start(first, last)
    last = _window_end_from_start(first, last)
    # "09:00-11:00", "from 9:00 to 9:30": minutes written are a time, read as the 24-hour
    # clock's (and asked about where the 12-hour clock is written) when the run is built
    # ("between 8:00 and 9:00 every day" is any time in the hour: not read so)
    digital = not p.window_between
    written = (_is_explicit(first) or (digital and first.clock.digital)) and (
        _is_explicit(last) or (digital and last.clock.digital)
    )
    if not written and digital and _part_settles(p.part, first, last):
        # "on Monday afternoons from 4 to 5" (a library's Lego Club): the part of the day
        # says which half of the day both bare hours are in
        written = True
    elif not written and digital and p.event_window and (dial := _dial_end(first, last)):
        # "Blood Pressure Checks Wednesday 11-12", "yoga every Tuesday 6-7": an event's bare
        # hours on the 12-hour dial, an hour or so long; the start is read as a bare hour is
        # (8-11 the morning, 12 noon, 1-7 the afternoon, asked)
        last, written = dial, True
    if not written or p.business_hours:
        return
    start = _clock_minutes(first)
    length = _clock_minutes(last) - start
    recurring = p.every or p.interval is not None or p.nth or p.monthdays
    # an event on one day may last the day ("an appointment on Monday from noon to 4 pm", "work
    # tomorrow from 8:30 to 5:30"); a window beside a repeating day keeps to a short meeting
    one_off = not recurring and (p.single_day or not p.weekdays)
    longest = (ONE_DAY_EVENT_HOURS if one_off else MEETING_HOURS) * 60
    if no_day:
        # "Bingo Nite at Moe's from 6pm to 8pm" (a calendar's quick add): an event that day,
        # as a time alone is — but no day is said, and it may describe hours kept: asked
        longest = MEETING_HOURS * 60
    if 0 < length <= longest:
        p.times.append(first)
        p.window = None
        if no_day:
            p.unsure.append("an event from its start to its end, on no day said: read as once")
        elif p.window_between:
            # "between" is any time in the window, on one day or every time ("every first of
            # every month between 2:00 a.m. - 02:30 a.m.": Jenkins' H, once somewhere in it)
            p.unsure.append("“between” read as at its start; the run may be meant later in it")
        else:
            p.assumptions.append("runs when the window starts")
    elif (
        not (one_off or no_day)
        and 0 < length % DAY_MINUTES
        # ("at 30 minutes past the hour, between 10:00 AM and 01:59 PM", "8am to 5pm on the
        # hour", "from 09:00 - 15:59": runs all through the window)
        and p.minute_past is None
        and not p.hour_unnamed
        and (start + length) % 60 != 59
    ):
        # "recycling collection occurs Monday and Thursday 8 am until 3 pm", "maintenances will
        # take place on the first Tuesday of every month, from 8am to 12am": a long window
        # beside repeating days and words that name what happens says when it happens, not how
        # often it runs — at the window's start, asked (it may mean runs all through it: "every
        # hour from …"); "every Monday from 9am to 5pm" alone is still refused
        p.times.append(first)
        p.window = None
        p.unsure.append(LONG_WINDOW_NOTE)


LONG_WINDOW_NOTE: Final = (
    "a long window beside the days read as when it happens: runs at its start "
    "(say how often for runs all through it)"
)


def written_window_minutes(p: Phrase) -> int | None:
    """How long the window of `p` lasts, in minutes, when both its ends say their half of the
    day ("2:00 PM - 9:00 PM", "11:30AM-3:30PM", "14:00-21:00"); None otherwise."""
    if p.window is None or not all(_is_explicit(mention) for mention in p.window):
        return None
    first, last = p.window
    return (_clock_minutes(last) - _clock_minutes(first)) % DAY_MINUTES


def one_bare_weekday(p: Phrase) -> bool:
    """ "on Friday", and nothing that makes it one day or several."""
    return (
        p.single_day
        and len(p.weekdays) == 1
        and not (p.every or p.interval or p.next_weekday or p.next_week or p.this_week)
        and not (p.dates or p.monthdays or p.nth or p.days_after or p.has_offset)
        and p.day_offset is None
        and p.holiday is None
        and p.instant is None
    )


def _part_settles(part: str | None, first: TimeMention, last: TimeMention) -> bool:
    """Whether a part of the day ("afternoon", "evening") places both ends of a window written
    as bare hours ("from 4 to 5"): they are hours from 1 to 11, the end after the start."""
    if part not in ("morning", "afternoon", "evening"):
        return False
    start, end = first.clock, last.clock
    return (
        not (start.is_24h or end.is_24h or start.meridiem or end.meridiem)
        and 1 <= start.hour < end.hour <= 11
    )


def _dial_end(first: TimeMention, last: TimeMention) -> TimeMention | None:
    """The end of a window of two bare hours ("11-12", "6-8", "11-1") on the 12-hour dial, as
    the 24-hour clock's hour after the start's, when the window is a meeting's length at most;
    None for other windows ("9-5" is a working day, "2-3" may be a count)."""
    start, end = first.clock, last.clock
    if any(c.meridiem or c.is_24h or c.digital or c.minute for c in (start, end)):
        return None
    if not (1 <= start.hour <= 12 and 1 <= end.hour <= 12) or start.hour == end.hour:
        return None
    hours = (end.hour - start.hour) % 12
    if hours > MEETING_HOURS:
        return None
    return replace(last, clock=replace(end, hour=start.hour + hours, is_24h=True))


def _window_start(first: TimeMention, last: TimeMention) -> TimeMention:
    """A window's start written without am/pm, read from its end: "12:00-13:00" (the end on
    the 24-hour clock: so is the start), "2:00-3:00pm" (an earlier hour than the end's: the
    end's half of the day); else as written."""
    start, end = first.clock, last.clock
    if start.meridiem is not None:
        return first
    if not (start.digital or start.is_24h):
        if end.meridiem is not None and start.hour <= 12:
            # "2-3pm", "10-11am", "8-8:50AM", "12-1:20 PM", "11-1:30PM": am/pm said once
            return replace(first, clock=replace(start, meridiem=_start_meridiem(start, end)))
        if end.digital and not end.is_24h and start.hour <= end.hour <= 12:
            # "10-10:50", "12-12:50" (a class's hour): the start written as its end is
            return replace(first, clock=replace(start, digital=True))
        return first
    if end.meridiem is None and (end.is_24h or end.hour > 12) and start.hour <= end.hour:
        return replace(first, clock=replace(start, is_24h=True))
    if end.meridiem is not None and start.hour < end.hour < 12:
        return replace(first, clock=replace(start, meridiem=end.meridiem))
    if end.meridiem is not None and start.hour == end.hour < 12 and start.minute < end.minute:
        # "9:00-9:50 PM": within the end's hour
        return replace(first, clock=replace(start, meridiem=end.meridiem))
    return first


def _window_end_from_start(first: TimeMention, last: TimeMention) -> TimeMention:
    """A window's end written as a bare hour, read from a start that says its half of the day:
    the first such hour after the start ("noon–1" ends at 1pm, "10:30am-2" at 2pm); an end
    written with minutes before its start's, past noon ("12:30-1:45")."""
    start, end = first.clock, last.clock
    if (
        start.digital
        and end.digital
        and not (start.is_24h or end.is_24h or start.meridiem or end.meridiem)
        and (end.hour, end.minute) < (start.hour, start.minute) <= (12, 59)
    ):
        # "12:30-1:45", "10:30-1:15": a 12-hour clock's hours, the end past noon
        return replace(last, clock=replace(end, meridiem="pm", digital=False))
    if (
        start.digital
        and not (start.is_24h or start.meridiem or end.is_24h or end.meridiem or end.digital)
        and 1 <= end.hour <= 12
        and start.hour <= 12
    ):
        if end.hour <= start.hour:
            # "12:30-2", "10:30-1" (a senior centre's sheet): the end past noon
            return replace(last, clock=replace(end, meridiem="pm"))
        # "1:30-3", "9:30-11": the end written as the start is
        return replace(last, clock=replace(end, digital=True))
    if start.meridiem is None or end.meridiem is not None or end.is_24h or end.digital:
        return last
    if not 1 <= end.hour <= 12:
        return last
    begins = _clock_minutes(first)
    for meridiem in ("am", "pm"):
        candidate = replace(end, meridiem=meridiem)
        if _clock_minutes(replace(last, clock=candidate)) > begins:
            return replace(last, clock=candidate)
    return last


def _start_meridiem(start: ClockTime, end: ClockTime) -> str:
    """The half of the day of a window's bare start hour, from its end's am/pm: the end's when
    the start comes before the end on the 12-hour dial ("2-3pm", "8-8:50AM", "12-1:20 PM": 12 is
    the dial's first hour), else the other half ("11-1:30PM" starts at 11am, "9-5pm" at 9am)."""
    if (start.hour % 12, start.minute) < (end.hour % 12, end.minute):
        return str(end.meridiem)
    return "am" if end.meridiem == "pm" else "pm"


def _clock_minutes(mention: TimeMention) -> int:
    clock = mention.clock
    hour = clock.hour
    if clock.meridiem is not None:
        hour = hour % 12 + (12 if clock.meridiem == "pm" else 0)
    return hour * 60 + clock.minute


def _years(b: _Builder) -> None:
    """ "in 2027": from its first day to its last; a year that is past is refused."""
    years = sorted(set(b.p.years))
    if not years:
        return
    if years[0] < b.local_now.year:
        raise Rejected(f"{years[0]} is in the past")
    if len(years) > 1 and years != list(range(years[0], years[-1] + 1)):
        raise Rejected("years that are not one after another need one schedule each")
    if b.p.starting is None:
        b.p.starting = DayRef(date=(years[0], 1, 1))
    if b.p.until is None:
        b.p.until = DayRef(date=(years[-1], 12, 31))


def _holiday(b: _Builder) -> None:
    """A named holiday as dates: the next one, or (repeating) the rule its dates follow."""
    p = b.p
    assert p.holiday is not None
    found = lookup(list(p.holiday), country_of(b.zone_name), b.local_now.year)
    if found is None:
        raise NotUnderstood(0, " ".join(p.holiday))
    name, days = found
    label = name.title()
    if p.interval is not None and p.interval[1] in ("day", "week", "month"):
        # "Labor Day Sale every day at 9am": a holiday's date and runs days or hours apart do
        # not make one schedule — the holiday is likely part of a name
        said = " ".join(p.holiday).title()
        raise Rejected(
            f"“{said}” and a run every {p.interval[1]} do not go together",
            f"if “{said}” is part of a name, say the schedule alone: “every day at 9am”",
        )
    if p.every or p.interval:
        rule = rule_of(days)
        if rule is None:
            offset = easter_offset(days)
            if offset is None or (p.interval is not None and p.interval != (1, "year")):
                raise Rejected(
                    f"{label} moves from year to year by no calendar rule, so it cannot repeat",
                    f"make a job for the next one: “on {label} at 10am”",
                )
            # "every Good Friday": a number of days from Easter Sunday (BYEASTER)
            b.easter = offset
            said = easter_label(offset)
            if offset and not said[0].isdigit():
                side = "before" if offset < 0 else "after"
                said += f", {abs(offset)} day{'s' * (abs(offset) > 1)} {side} Easter Sunday"
            b.note(f"every year: {said}", 0)
            return
        kind, month, number, weekday = rule
        if kind == "fixed":
            p.dates.append((None, month, number))
        else:
            p.nth.append((number, weekday))
            p.months.append(month)
            p.of_month = True
        b.note(f"{label}, as the holidays package dates it")
        return
    if p.nth and not p.days_before and _holiday_rule_restated(p, days):
        # "Memorial Day is observed on the last Monday of May": the holiday and the rule it
        # follows, said together — every year on that day (a statement of the rule: asked)
        p.every = True
        said = " ".join(p.holiday).title()
        b.note(f"{said} and the day it falls on read as every year", UNSURE_PENALTY)
        return
    today = b.local_now.date()
    at = b.times()[0] if len(b.p.times) == 1 else None
    before = timedelta(days=p.days_before)
    for day in days:
        if day - before < today:
            continue
        instant = to_instant(day - before, at or _DEFAULT_TIME, b.zone)
        if instant > b.now:
            b.note(f"{label} is {day:%A} {day.day} {day:%B %Y}")
            day -= before  # "2 days before Thanksgiving", "2 days after Easter"
            p.dates.append((day.year, day.month, day.day))
            p.days_before = 0
            return
    raise Rejected(f"no coming {label} is known")


def _real_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None  # February 29 in a common year


def _next_date(today: date, month: int, day: int) -> date:
    """The next month/day from today on (February 29 in the next leap year)."""
    for year in range(today.year, today.year + 9):
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if when >= today:
            return when
    raise Rejected("no such date is coming")


def _holiday_rule_restated(p: Phrase, days: tuple[date, ...]) -> bool:
    """Whether the nth weekday (and month) named beside a holiday is the rule its dates follow:
    "Memorial Day … the last Monday of May", "Thanksgiving … the 4th Thursday in November"."""
    rule = rule_of(days)
    if rule is None:
        return False
    kind, month, number, weekday = rule
    if kind == "fixed" or p.nth != [(number, weekday)]:
        return False
    return set(p.months) == {month}


def _start_day_of_month(p: Phrase) -> None:
    """ "every day starting the 15th" starts on the next 15th; but a monthly schedule that
    names no day of its own ("every two months, beginning on the 15th") runs on that day."""
    ref = p.starting
    if ref is None or ref.monthday is None or p.monthdays or p.nth or p.dates:
        return
    if p.quarter or (p.interval is not None and p.interval[1] in ("month", "year")):
        p.monthdays.append(ref.monthday)
        p.starting = None


def _interval_restates_times(p: Phrase) -> bool:
    """Whether an interval of hours or minutes only says again when the times of day named
    run: "at 6am and 6pm, every 12 hours", "at 0:00, 8:00 and 16:00 (every 8 hours)" —
    times that split the day evenly by that interval. Times without am/pm do not count."""
    if p.interval is None or p.interval[1] not in ("hour", "minute") or len(p.times) < 2:
        return False
    if p.window is not None or p.interval_start is not None or p.minute_past is not None:
        return False
    step = p.interval[0] * _UNIT_SECONDS[p.interval[1]] // 60
    minutes: list[int] = []
    for mention in p.times:
        clock = mention.clock
        hour = clock.hour_24()  # "10:00": as written (the times are read as usual later)
        if hour is None:
            return False  # "at 6 and 6, every 12 hours": which 6?
        minutes.append(hour * 60 + clock.minute)
    minutes.sort()
    if step * len(minutes) != 24 * 60:
        return False
    return all(b - a == step for a, b in pairwise(minutes))


def _quarters_named(p: Phrase) -> None:
    """ "Meets quarterly Jan, Apr, Jul, Oct., on the third Saturday": the months are the
    quarters, said outright — a monthly schedule in those months. Other months beside
    "quarterly" are refused later (which did it mean?)."""
    if p.quarter and _dates_of_the_quarters(p):
        # "Quarterly tax payments are due on April 15th, June 15th, September 15th, and January
        # 15th": the four dates are the quarters' runs, every year (the US's estimated-tax dates
        # are not three months apart: the dates, said outright, are what runs)
        p.quarter = False
        p.interval = (1, "year")
        p.every = True
        return
    if p.quarter and one_month_a_quarter(p.months):
        p.quarter = False
        p.interval = (1, "month")
        if not (p.monthdays or p.nth or p.first_weekday or p.dates):
            # "Courses start quarterly (January, April, July, October)": which day? Asked
            p.monthdays.append(1)
            p.unsure.append("no day given; read as the first day of each of those months")


def _dates_of_the_quarters(p: Phrase) -> bool:
    """Whether `p` lists four dates of the year, in four different months and no year, beside
    "quarterly": one run a quarter, named."""
    dates = p.dates
    return (
        len(dates) == 4
        and all(year is None for year, _, _ in dates)
        and len({month for _, month, _ in dates}) == 4
        and not (p.months or p.monthdays or p.nth or p.weekdays)
        and p.interval in (None, (3, "month"))
    )


_SHORT: Final = frozenset({"hour", "day"})  # units a window's runs could be counted in


def _days_left(p: Phrase) -> None:
    """Business hours keep to Monday–Friday unless days are named; "except Friday" takes
    days out of those named (or out of every day); "twice a day" needs its two times."""
    if p.times_per is not None and _count_restates_interval(p):
        # "6 times a day i.e. every 4 hours", "4 times a day (every 6 hours)": the interval,
        # said as a count
        p.times_per = None
    if p.times_per is not None:
        count, unit = p.times_per
        named = {
            # "twice an hour at :15 and :45": the minutes past the hour
            "hour": (1 + len(p.more_minutes)) if p.minute_past is not None else 0,
            "day": len(p.times),
            "week": len(p.weekdays),
            "month": len(p.monthdays) + len(p.nth),
            # "twice a year on the 2nd to last day of Feb and August": each month's days
            "year": len(p.dates) or len(set(p.months)) * (len(p.monthdays) + len(p.nth)),
        }.get(unit, -1)
        if named != count and p.times_per_adverb and named == 1 and p.count is None:
            # "10 times weekly on Tuesday at 9am": one day named, so ten runs, weekly (it
            # could be ten a week: the answer asks)
            p.count, p.times_per = count, None
            p.unsure.append(f"“{count} times” read as {count} runs, one each {unit}")
            if p.interval not in (None, (1, unit)):
                raise Rejected("the text names two different intervals")
            p.interval, p.every = (1, unit), True
            return _days_left(p)
        # "twice per week, on Tuesdays and Thursdays from 10am to 12pm": the days named are the
        # count's, and the hours are each day's event (a window with times a day is refused)
        if named != count or p.interval not in (None, (1, unit)) or (p.window and unit in _SHORT):
            raise Rejected(
                "a number of times per day or week does not say when",
                "name the times: every day at 9am and 5pm",
            )
    if p.market_hours:
        if not (p.weekdays or p.nth or p.monthdays or p.dates or p.each_day):
            p.weekdays.extend((1, 2, 3, 4, 5))
        p.assumptions.append(
            "market hours read as the New York Stock Exchange's, 9:30 AM to 4:00 PM Eastern"
        )
    if p.business_hours:
        hours = "" if p.business_defined else " as 9:00 AM to 5:00 PM"
        if not (p.weekdays or p.nth or p.monthdays or p.dates or p.each_day):
            p.weekdays.extend((1, 2, 3, 4, 5))
            # neither the hours nor the days defined ("every 15 minutes during business
            # hours"): 9 to 5, Monday to Friday, is a guess (8 to 6? Saturdays?): asked
            said = p.unsure if hours else p.assumptions
            said.append(f"business hours read{hours}, Monday to Friday")
        elif hours:
            p.assumptions.append(f"business hours read{hours}")
    if p.except_months:
        left = [m for m in (p.months or range(1, 13)) if m not in p.except_months]
        if not left:
            raise Rejected("that leaves no month to run in")
        p.months[:] = left
    if p.except_weekdays:
        if p.nth or p.monthdays or p.dates or (p.single_day and not p.every):
            raise Rejected("only a schedule that runs on days of the week can leave some out")
        if not (p.every or p.interval or p.weekdays):
            raise NotUnderstood(0, "")
        if p.interval and p.interval[1] not in ("second", "minute", "hour", "day"):
            raise Rejected("only a daily or more frequent schedule can leave days out")
        if p.interval and p.interval[1] == "day" and p.interval[0] != 1:
            raise Rejected("an interval of days cannot leave days of the week out")
        base = p.weekdays or list(range(7))
        weekend = p.weekdays == [6] and lx.EVERY_WEEKEND_NOTE in p.unsure  # "every weekend"
        if p.weekdays and not weekend and not set(p.except_weekdays) & set(p.weekdays):
            # "every Wednesday except Sunday": it leaves out a day it does not run on — a
            # word lost, or two sentences run together: asked
            p.unsure.append("the days left out are not days it runs on")
        left = [day for day in base if day not in p.except_weekdays]
        if (
            p.weekdays == [6]
            and lx.EVERY_WEEKEND_NOTE in p.unsure
            and any(day in lx.WEEKEND for day in p.except_weekdays)
        ):
            # "every weekend except Saturday": leaving a weekend day out shows both were meant
            p.unsure.remove(lx.EVERY_WEEKEND_NOTE)
            left = [day for day in lx.WEEKEND if day not in p.except_weekdays]
        if not left:
            raise Rejected("that leaves no day to run on")
        p.weekdays[:] = sorted(left)
        p.every = True


def _count_restates_interval(p: Phrase) -> bool:
    """Whether "N times a day/an hour" says the interval beside it again: N intervals fill the
    period exactly (6 × 4 hours is a day) and no times or minutes are named to count."""
    assert p.times_per is not None
    count, unit = p.times_per
    if p.interval is None or p.times or p.more_minutes or p.window is not None:
        return False
    step, step_unit = p.interval
    period, size = _UNIT_SECONDS.get(unit), _UNIT_SECONDS.get(step_unit)
    return (
        unit in ("hour", "day")
        and period is not None
        and size is not None
        and count > 1
        and count * step * size == period
    )


def _date_for_monthday(b: _Builder) -> None:
    p = b.p
    day = p.monthdays[0]
    at = b.times()[0] if len(p.times) == 1 else _DEFAULT_TIME
    first = b.local_now.date().replace(day=1)
    for ahead in range(13):
        month = add_months(first, ahead)
        if day <= days_in_month(month.year, month.month):
            if to_instant(month.replace(day=day), at, b.zone) > b.now:
                p.dates = [(month.year, month.month, day)]
                p.monthdays = []
                p.unsure.append(
                    f"“the {_ordinal(day)}” read as {month.replace(day=day):%B} {day}, once "
                    "(say “every month on the …” for a monthly job)"
                )
                b.notes.append(p.unsure[-1])
                b.penalty += UNSURE_PENALTY
                return
    raise Rejected(f"no coming month has a {_ordinal(day)} day")


def _date_in_month(b: _Builder) -> None:
    """ "the 15th of next month", "the first Monday of next month", "the last day of this
    month": that day of the month named, once."""
    p = b.p
    days = len(p.monthdays) + len(p.nth)
    if days != 1 or p.every or p.interval or p.weekdays or p.dates or p.months or p.years:
        raise Rejected(
            "“this month”/“next month” goes with one day of it, once",
            "on the 15th of next month at 9am",
        )
    first = add_months(b.local_now.date().replace(day=1), p.month_ahead or 0)
    last = days_in_month(first.year, first.month)
    if p.nth:
        nth, weekday = p.nth[0]
        matching = [
            day for day in range(1, last + 1) if cron_weekday(first.replace(day=day)) == weekday
        ]
        if len(matching) < abs(nth):
            raise Rejected(f"{first:%B %Y} has no {_ordinal(nth)} {lx.DAY_LABELS[weekday]}")
        day = matching[nth - 1] if nth > 0 else matching[nth]
    elif p.monthdays[0] == LAST_DAY:
        day = last
    elif p.monthdays[0] == LAST_WEEKDAY:
        day = max(d for d in range(last - 2, last + 1) if first.replace(day=d).weekday() < 5)
    elif 1 <= p.monthdays[0] <= last:
        day = p.monthdays[0]
    else:
        raise Rejected(f"{first:%B %Y} has no day {p.monthdays[0]}")
    p.dates = [(first.year, first.month, day)]
    p.monthdays, p.nth, p.of_month = [], [], False


def _is_midnight(clock: ClockTime) -> bool:
    """ "midnight", "00:00", "12:00 AM"."""
    return clock.minute == 0 and (clock.hour == 0 or (clock.hour == 12 and clock.meridiem == "am"))


def _next_year(b: _Builder) -> None:
    """ "11 January next year": the date in the year after this one, asked (said while the
    date is still to come this year, "March 3 next year" skips that one)."""
    p = b.p
    year = b.local_now.year + 1
    p.years.append(year)
    _, month, day = p.dates[-1]
    b.note(f"“next year” read as {lx.MONTH_LABELS[month]} {day}, {year}", UNSURE_PENALTY)


def _date_for_nth(b: _Builder) -> None:
    """ "the 2nd Friday in August", "the last Thursday of April (2027)": that weekday of the
    month named, its next date (in the year named), as a one-time date."""
    p = b.p
    (nth, weekday), month = p.nth[0], p.months[0]
    at = b.times()[0] if len(p.times) == 1 else _PART_DEFAULTS.get(p.part or "", _DEFAULT_TIME)
    years = p.years[:1] or range(b.local_now.year, b.local_now.year + 2)
    for year in years:
        days = [
            day
            for day in range(1, days_in_month(year, month) + 1)
            if cron_weekday(date(year, month, day)) == weekday
        ]
        if len(days) < abs(nth):
            continue
        day = days[nth - 1] if nth > 0 else days[nth]
        if to_instant(date(year, month, day), at, b.zone) > b.now:
            p.dates = [(year, month, day)]
            p.nth, p.months, p.years = [], [], []
            label = "last" if nth < 0 else _ordinal(nth)
            b.note(
                f"“the {label} {lx.DAY_LABELS[weekday]} in {lx.MONTH_LABELS[month]}” read as "
                f"{lx.MONTH_LABELS[month]} {day}, {year}, once (say “every year on …” for a "
                "yearly job)",
                UNSURE_PENALTY,
            )
            return
    label = "last" if nth < 0 else _ordinal(nth)
    raise Rejected(
        f"no coming {lx.MONTH_LABELS[month]} has a {label} {lx.DAY_LABELS[weekday]}"
        if not p.years
        else f"that {lx.DAY_LABELS[weekday]} of {lx.MONTH_LABELS[month]} {years[0]} is past"
    )


def _times_within(b: _Builder, window: tuple[TimeMention, TimeMention]) -> bool:
    """Whether every time `b` names falls within `window` (business hours: 9 to 5)."""
    first, last = (b.resolve(m) for m in window)
    return all(first <= at <= last for at in (b.resolve(m) for m in b.p.times))


def _date_for_last_weekday(b: _Builder) -> None:
    """ "the last weekday in March": the month's last Monday-to-Friday, its next date (in the
    year named), as a one-time date, asked."""
    p = b.p
    month = p.months[0]
    at = b.times()[0] if len(p.times) == 1 else _PART_DEFAULTS.get(p.part or "", _DEFAULT_TIME)
    for year in p.years[:1] or range(b.local_now.year, b.local_now.year + 2):
        day = days_in_month(year, month)
        while cron_weekday(date(year, month, day)) in (0, 6):
            day -= 1
        if to_instant(date(year, month, day), at, b.zone) > b.now:
            p.dates, p.monthdays, p.months, p.years = [(year, month, day)], [], [], []
            b.note(
                f"“the last weekday in {lx.MONTH_LABELS[month]}” read as "
                f"{lx.MONTH_LABELS[month]} {day}, {year}, once (say “every year on …” for a "
                "yearly job)",
                UNSURE_PENALTY,
            )
            return
    raise Rejected(f"the last weekday of {lx.MONTH_LABELS[month]} {p.years[0]} is past")


def _date_for_weekday(b: _Builder) -> None:
    """ "Thursday the 15th": the next 15th that is a Thursday, as a one-time date."""
    p = b.p
    weekday, day = p.weekdays[0], p.monthdays[0]
    found, coming = weekday_monthday_ahead(b.local_now.date(), weekday, day)
    if found is None:
        raise Rejected(f"no coming {lx.DAY_LABELS[weekday]} falls on the {_ordinal(day)}")
    if coming is not None and found != coming:
        # "Monday the 1st" when the coming 1st is a Sunday: a slip, or a month further on?
        # Months away is a guess: asked
        b.note(
            f"the coming {_ordinal(day)} is a {lx.DAY_LABELS[cron_weekday(coming)]}: read as "
            f"{lx.DAY_LABELS[weekday]} {found:%B} {day}, {found.year}",
            UNSURE_PENALTY,
        )
    p.dates = [(found.year, found.month, found.day)]
    p.weekdays, p.monthdays, p.single_day = [], [], False


def weekday_monthday_ahead(today: date, weekday: int, day: int) -> tuple[date | None, date | None]:
    """The first day from `today` on that is both day `day` of its month and `weekday` (cron
    numbering), within 14 months, and the first day `day` of a month from today on whatever
    its weekday (the one a person most likely means: when the two differ, the weekday or the
    day was a slip)."""
    month_start = today.replace(day=1)
    coming: date | None = None
    for ahead in range(14):
        first = add_months(month_start, ahead)
        if day > days_in_month(first.year, first.month):
            continue
        candidate = first.replace(day=day)
        if candidate < today:
            continue
        coming = coming or candidate
        if cron_weekday(candidate) == weekday:
            return candidate, coming
    return None, coming


# -- repeating schedules ------------------------------------------------------------------


def _recurring(b: _Builder) -> Built:
    p = b.p
    count, unit = p.interval or (1, None)
    if p.interval_start is not None and unit not in ("second", "minute", "hour"):
        # "every day starting at noon": for a daily schedule the start is its time of day
        if p.times:
            raise Rejected("the text names a time of day and a start time")
        p.times.append(p.interval_start)
        p.interval_start = None
    if unit in _UNIT_SECONDS and count * _UNIT_SECONDS[unit] > MAX_INTERVAL:
        raise Rejected("the longest interval is 366 days", "every year on March 3 at 9am")
    if unit == "hour" and count >= 24 and count % 24 == 0 and _plain_interval(p):
        return _whole_days(b, int(count) // 24, p.interval_start)
    if (
        unit == "hour"
        and count >= 24
        and count % 24 == 0
        and p.times
        and p.window is None
        and p.minute_past is None
        and p.interval_start is None
    ):
        # "every 24 hours at 9am", "everyday at midnight (… every 24 hrs)": whole days, at the
        # time of day said (a number of seconds would move an hour at DST)
        count, unit = count // 24, "day"
        p.interval, p.each_day = (count, unit), False
    if unit in ("second", "minute", "hour"):
        return _sub_daily(b, count * _UNIT_SECONDS[unit])
    if unit is None and p.minute_past is not None and p.times and p.window is None:
        # "At 5 and 10 minutes past the hour, at 12:00 AM": those minutes of the hours named
        return _sub_daily(b, _UNIT_SECONDS["hour"])
    if count != int(count):
        raise Rejected(f"cannot repeat every {count:g} {unit}s", _whole_units(count, str(unit)))
    count = int(count)
    if p.minute_past is not None:
        raise Rejected("minutes past the hour only go with hourly schedules")
    if (
        p.window is not None
        and (p.business_hours or p.market_hours)
        and p.times
        and _times_within(b, p.window)
    ):
        # "update daily at 15:00 UTC (~11AM ET) to occur in the morning of typical business
        # hours": the time named says when; the hours only say why it was chosen: asked
        b.note(
            "the business hours said only frame the time named: read at that time", UNSURE_PENALTY
        )
        p.window, p.business_hours, p.market_hours = None, False, False
    if p.window is not None:
        if p.business_hours or p.market_hours:
            # "Run only during business hours": which hours, but not how often
            raise Rejected(
                "the text says during which hours, not how often",
                "every hour during business hours, or every 15 minutes during business hours",
            )
        raise Rejected("a time window only goes with schedules that run several times a day")
    if p.yeardays or p.weeknos or p.year_nth:
        return _counted_in_the_year(b, unit, count)
    if _weekdays_of_every_period(p, unit, count):
        # "every month on Mondays and Wednesdays", "every year on Mondays in October": the
        # month or year only frames days of the week that come every week
        if len(set(p.weekdays)) == 1 and not p.months:  # "monthly on Mondays": or one a month?
            day = lx.DAY_LABELS[p.weekdays[0]]
            b.note(f"read as every {day} (say “the first {day}” for one a month)", UNSURE_PENALTY)
        return _daily_or_weekly(b, None, 1)
    if p.dates:
        return _yearly(b, unit, count)
    if unit == "year" and (count != 1 or not (p.nth or p.monthdays or p.first_weekday)):
        return _yearly(b, unit, count)
    if unit == "year" and not (p.months or p.quarter):
        raise Rejected("a yearly schedule needs its month", "every year on the 1st of March")
    if p.nth or p.monthdays or unit in ("month", "year") or p.first_weekday:
        if unit == "day" and count != 1 and len(p.monthdays) == 1 and p.of_month:
            return _monthday_steps(b, count)
        if unit == "week" and count == 2 and not p.monthdays and alternate_weeks(p.nth):
            # "Bi-Weekly, 2nd and 4th Fridays at 2p": every other week says those days again
            b.note(
                "“every other week” read as the nth days of the month named with it", UNSURE_PENALTY
            )
            return _monthly(b, 1)
        if unit in ("day", "week") and count != 1:
            raise Rejected(
                f"an interval of {unit}s does not go with a day of the month",
                "every month on the 15th",
            )
        return _monthly(b, count if unit == "month" else 1)
    return _daily_or_weekly(b, unit, count)


def alternate_weeks(nth: list[tuple[int, int]]) -> bool:
    """Whether the nth weekdays of a month are every other one of them — the 1st and 3rd, or
    the 2nd and 4th, of each day named ("2nd and 4th Fridays"): what "bi-weekly" or "every 2
    weeks" beside them says again, as a meeting's page writes both. Not one nth day ("every 2
    weeks on the 2nd Friday": which is it?), nor the 1st and 2nd."""
    weeks: dict[int, set[int]] = {}
    for week, day in nth:
        weeks.setdefault(day, set()).add(week)
    return bool(weeks) and all(found in ({1, 3}, {2, 4}) for found in weeks.values())


def _weekdays_of_every_period(p: Phrase, unit: str | None, count: float) -> bool:
    """Days of the week, in the plural or as a set, said with "every month" or "every year"
    and nothing that counts days in it (no date, no nth weekday, no day of the month)."""
    return (
        unit in ("month", "year")
        and count == 1
        and bool(p.weekdays)
        and not p.single_day
        and not (p.monthdays or p.nth or p.dates or p.first_weekday or p.quarter)
        and not (p.day_union or p.weekday_date or p.count is not None)
    )


def _whole_units(count: float, unit: str) -> str | None:
    """The same interval in a smaller unit it is whole in, to suggest instead of a part of a
    day, week or year ("every 1.5 days": every 36 hours; "every 2.5 years": every 30
    months); None when there is none (a part of a month has no fixed length)."""
    if unit == "year" and (count * 12).is_integer():
        return f"every {int(count * 12)} months"
    if unit not in _UNIT_SECONDS:
        return None
    hours = count * _UNIT_SECONDS[unit] / 3600
    if unit == "week" and (hours / 24).is_integer():
        return f"every {int(hours // 24)} days"
    return f"every {hours:g} hours"


def _monthday_steps(b: _Builder, count: int) -> Built:
    """ "every 5 days, starting on day 1 of the month" (cron-descriptor's words for Quartz's
    `1/5`): days 1, 6, 11 … of each month, starting again on the 1st — cron's day-of-month
    step, which is what anchoring the interval to a day of the month says."""
    p = b.p
    _honours(p, "interval", "monthdays", "months", "times", "part", *_BOUNDS)
    first = p.monthdays[0]
    if not 1 <= first <= 28 or count > 15:
        raise Rejected(
            f"an interval of {count} days cannot start again on day {first} of every month",
            "every month on the 1st and 15th",
        )
    # it could also mean every 5 days without a break at the month's end: asked
    b.note(f"every {count} days from day {first}, starting again each month", UNSURE_PENALTY)
    minute, hour = _time_fields(b)
    return _cron(b, f"{minute} {hour} {first}-31/{count} {_month_field(p.months)} *")


def _hours_of_minute_steps(b: _Builder, seconds: int) -> str:
    """ "Every 5 minutes, at 3:00 PM", "every minute at 1am", "every 2 minutes at 2pm and 6pm"
    (cron describers' words for `*/5 15`): minutes that divide an hour, run through the hours
    named on the hour; "At 5 minutes past the hour, at 01:00 AM" (`5 1`): that minute of each
    hour named. Any other interval with a time of day is refused."""
    p = b.p
    minutes = seconds // 60
    if (
        seconds % 60
        or (
            minutes >= 60 or 60 % minutes
            if p.minute_past is None
            else seconds != _UNIT_SECONDS["hour"] or p.interval is not None
        )
        or p.window is not None
        or p.interval_start is not None
        or any(m.clock.minute or m.clock.second for m in p.times)
        or not all(m.clock.meridiem or m.clock.is_24h or m.clock.digital for m in p.times)
    ):
        raise Rejected(
            "an interval and a time of day do not go together",
            "every 2 hours from 9am to 5pm",
        )
    return _join(sorted({t.hour for t in b.times()}))


def _sub_daily(b: _Builder, seconds: float) -> Built:
    p = b.p
    if p.frame_count > 1:
        return _framed_hours(b, seconds)
    if p.count is not None:
        counted = _counted_steps(b, seconds)
        if counted is not None:
            return counted
    if p.dates and not (p.monthdays or p.months or p.weekdays or p.nth):
        # "Run once per minute on February 25": every minute of that date, each year it
        # comes (cron's day and month fields); dates whose days and months do not cross, or
        # with a year, are still refused below
        months = sorted({month for year, month, _ in p.dates if year is None})
        days = sorted({day for year, _, day in p.dates if year is None})
        if len(p.dates) == len(months) * len(days) and (len(months) == 1 or len(days) == 1):
            p.months, p.monthdays, p.dates = months, days, []
            b.note("runs on that date every year", UNSURE_PENALTY)
    _honours(p, "interval", "times", "window", "more_windows", "weekdays", "nth", "monthdays",
             "months", "minute_past", "more_minutes", "interval_start", "part", "minute_range",
             "hour_step", *_BOUNDS)  # fmt: skip
    if p.more_windows and (p.interval_start is not None or p.minute_past is not None):
        raise Rejected("the text names two time windows")
    step = int(seconds) // 60
    if (
        p.more_minutes
        and p.minute_past is not None
        and seconds % 60 == 0
        and step < 60
        and 60 % step == 0
        and sorted({p.minute_past, *p.more_minutes}) == list(range(p.minute_past, 60, step))
        and p.minute_past < step
    ):
        # "Every 30 minutes (at :00 and :30)": the minutes the steps run at, said again
        p.more_minutes = []
    if p.more_minutes and not (seconds % 3600 == 0 and seconds // 3600 in _HOUR_STEPS):
        raise Rejected(
            "several minutes past the hour only go with schedules that run every few hours",
            "every hour at :15 and :45",
        )
    minutes = int(seconds) // 60
    if p.minute_range is not None and (seconds % 60 or not (minutes < 60 and 60 % minutes == 0)):
        raise Rejected("only minutes that divide an hour can keep to a part of it")
    if seconds < MIN_INTERVAL_SECONDS:
        raise Rejected(f"the shortest interval is {MIN_INTERVAL_SECONDS} second", "every second")
    if seconds != int(seconds):
        raise Rejected("intervals must be whole seconds")
    if seconds % 60:
        return _seconds(b, int(seconds))
    hour_field = "*"
    if p.times:
        hour_field = _hours_of_minute_steps(b, seconds)
    if p.part is not None and p.window is None:
        raise Rejected(
            f"“in the {p.part}” does not say which hours",
            "give the hours: every hour from 8am to noon",
        )
    seconds = int(seconds)
    if p.interval_start is not None:
        return _sub_daily_from(b, seconds)
    # whole hours through a window that runs past midnight ("hourly from 10pm to 6am") are a
    # list of hours; with days named, the runs after midnight would fall on other days
    window = b.window(
        step=seconds,
        overnight=(seconds % 3600 == 0 or p.minute_range is None)
        and p.minute_past is None
        and not p.more_windows
        and not (p.weekdays or p.nth or p.monthdays or p.months or p.dates or p.odd_hours),
    )
    minutes = seconds // 60
    if window is not None and window[1] < window[0]:
        start, end = window
        if (end.hour - start.hour) % 24 > 12:
            # "between 5pm and 9am": more than half the day, past midnight — or 9 to 5 said
            # the other way round
            b.note(
                f"the window runs past midnight, from {_spoken(start.hour, start.minute)} to "
                f"{_spoken(end.hour, end.minute)} the next morning",
                UNSURE_PENALTY,
            )
        if seconds % 3600:
            # "every 30 minutes between 10pm and 2am": the same times every day
            return _window_runs(b, window, seconds, "* * *")
        return _overnight_hours(b, window, seconds // 3600)
    weekday_field = _nth_field(p.nth) if p.nth else _weekday_field(p.weekdays)
    if p.nth and (p.weekdays or p.monthdays):
        raise Rejected("the text names both a weekday and a day of the month")
    if p.weekdays and p.monthdays and not p.day_union:
        # cron's two day fields would run on either; "every hour on Friday the 13th" means both
        raise Rejected(
            "cron cannot run only on days that are both a weekday and a date",
            "every hour on Fridays and on the 13th (either one)",
        )
    tail = f"{_monthday_field(p.monthdays)} {_month_field(p.months)} {weekday_field}"
    open_end = p.window_open_end
    if p.more_windows:
        return _several_windows(b, seconds, tail, window)
    # in a window, runs start again at its start each day: any whole number of hours steps
    # through it ("every 5 hours from 5am to 6pm": 5, 10 and 15)
    if seconds % 3600 == 0 and (
        seconds // 3600 in _HOUR_STEPS or (window and seconds < _UNIT_SECONDS["day"])
    ):
        hours = seconds // 3600
        minute = p.minute_past if p.minute_past is not None else 0
        at_minutes = sorted({minute, *p.more_minutes})
        if window is not None:
            if p.odd_hours:
                raise Rejected("odd hours do not go with a window", "every 2 hours from 9 to 5")
            start, end = window
            if p.minute_past is None:
                minute = start.minute
                at_minutes = [minute]
            elif start.minute > at_minutes[0]:
                raise Rejected("the window starts after that minute of its first hour")
            last = _last_hour(start.hour, end, at_minutes[0], open_end=open_end)
            if _last_hour(start.hour, end, at_minutes[-1], open_end=open_end) != last:
                # one cron expression runs every minute it names in the last hour, or none
                raise Rejected("the window ends between those minutes of its last hour")
            if last < start.hour:
                raise Rejected("no run falls inside that window")
            hour = f"{start.hour}-{last}" if last > start.hour else str(start.hour)
            if hours > 1 and last > start.hour:
                hour += f"/{hours}"
        elif p.odd_hours:
            hour = "1-23/2"
        else:
            hour = hour_field if hours == 1 else f"*/{hours}"
        minute_field = ",".join(str(m) for m in at_minutes)
        return _cron(b, f"{minute_field} {hour} {tail}")
    if minutes < 60 and 60 % minutes == 0:
        first = p.minute_past or 0
        if first >= minutes:
            raise Rejected(
                f"every {minutes} minutes cannot start {first} minutes past the hour",
                f"every {minutes} minutes",
            )
        every_minute = (
            "*" if minutes == 1 else (f"{first}-59/{minutes}" if first else f"*/{minutes}")
        )
        if p.minute_range is not None:
            low, high = p.minute_range  # "every 10 minutes in the first half of every hour"
            whole_hours = window is not None and window[0].minute == 0 and window[1].minute == 59
            if first or not (window is None or whole_hours):
                raise Rejected("part of the hour goes with no other minutes or window")
            every_minute = f"{low}-{high}" + (f"/{minutes}" if minutes > 1 else "")
            if window is not None and window[0].hour <= window[1].hour:
                # "Every 3 minutes, minutes 0 through 20 past the hour, between 09:00 AM and
                # 09:59 AM": those minutes of each hour in the window
                start, end = window[0].hour, window[1].hour
                hours = f"{start}-{end}" if end > start else str(start)
                return _cron(b, f"{every_minute} {hours} {tail}")
        if p.hour_step > 1:
            return _cron(b, f"{every_minute} {_stepped_hours(b, p.hour_step, window)} {tail}")
        if window is None:
            return _cron(b, f"{every_minute} {hour_field} {tail}")
        try:
            minute, hour = _minute_window(window, minutes, open_end=open_end, every=every_minute)
        except Rejected as refusal:
            if first or not refusal.reason.startswith("cron cannot"):
                raise
            # "every 15 minutes from 9:30 to 16:00": not one cron expression, but the same
            # times every day it runs
            return _window_runs(b, window, seconds, tail)
        return _cron(b, f"{minute} {hour} {tail}")
    if window is not None and p.minute_past is None and not p.odd_hours:
        # "every 45 minutes from 9am to 5pm", "every 90 minutes from 8am to 8pm": from the
        # window's start, each day it runs
        return _window_runs(b, window, seconds, tail)
    if (
        window is not None
        or p.weekdays
        or p.months
        or p.monthdays
        or p.nth
        or p.minute_past is not None
    ):
        raise Rejected(
            f"cron cannot run every {_duration(seconds)} only on some hours or days",
            "every 15 minutes, every 30 minutes, or every hour",
        )
    start_at = ceil_minute(b.now + timedelta(seconds=seconds))
    if b.first_day > b.local_now.date():
        start_at = to_instant(b.first_day, time(0), b.zone)
    return _every(b, seconds, start_at)


def _stepped_hours(b: _Builder, step: int, window: tuple[time, time] | None) -> str:
    """ "Every minute of every 3rd hour (between 08:00 and 20:59)": cron's hour field for every
    `step`th hour, from the window's first hour to its last (whole hours only)."""
    if b.p.times or b.p.minute_range is not None or b.p.odd_hours:
        raise Rejected("every few hours goes with no other hours or part of the hour")
    if window is None:
        return f"*/{step}"
    start, end = window
    if start.minute != 0 or end.minute != 59 or end.hour <= start.hour:
        raise Rejected(
            f"every {step} hours keeps only to a window of whole hours",
            "every minute of every 3rd hour between 08:00 and 20:59",
        )
    return f"{start.hour}-{end.hour}/{step}"


def _counted_steps(b: _Builder, seconds: float) -> Built | None:
    """ "every hour and a half for four occurrences": that many runs, one interval apart (an
    `every` schedule that ends at its last run). "every 6 hours (4 times)": when the runs fill
    a day exactly, the number restates how many a day, and the count is dropped (asked)."""
    p = b.p
    count = p.count
    assert count is not None
    step = int(seconds)
    if step != seconds or (step % 60 and 60 % step):
        return None  # ("every 10 seconds … 100 times": a step that divides a minute counts too)
    if step * count == 86400:
        p.count = None
        b.note(
            f"“{count} times” read as {count} times a day (it may mean {count} runs)",
            UNSURE_PENALTY,
        )
        return None
    _honours(p, "interval", "count")
    if count == 1:
        raise Rejected("one run is not a repeating schedule", "in 2 hours")
    start = ceil_minute(b.now + timedelta(seconds=step))
    if 3600 % step == 0 or (step % 3600 == 0 and 86400 % step == 0):
        # an interval that divides the hour (or the day) runs on the clock's marks, as cron
        midnight = to_instant(b.local_now.date(), time(0), b.zone)
        start = midnight + timedelta(
            seconds=step * ((b.now - midnight) // timedelta(seconds=step) + 1)
        )
    schedule = {
        "type": "every",
        "interval": step,
        "start_at": iso_z(start),
        "end_at": iso_z(start + timedelta(seconds=step * (count - 1))),
        "timezone": b.zone_name,
    }
    return b.done(schedule)


def _window_runs(b: _Builder, window: tuple[time, time], seconds: int, tail: str) -> Built:
    """Runs every `seconds` from a window's start to its end, each day it runs: cron when
    they are the cross product of their hours and minutes, else an RFC 5545 daily rule that
    lists them (`windows.py`), never a cron expression that runs outside the window. A run
    at the end is kept as the corpus reads windows: an hourly (or longer) step runs at the
    end ("every hour from 9 to 5": 17:00), a shorter one not at an end on the hour ("every
    30 minutes from 9 to 5": 16:30 last), and none at an end said with "before"."""
    p = b.p
    if p.nth or (p.weekdays and p.monthdays):
        raise Rejected(
            f"cron cannot run every {_duration(seconds)} in that window on those days",
            "every 15 minutes from 9:00 to 16:00",
        )
    start, end = window
    step = seconds // 60
    include_end = not p.window_open_end and (step >= 60 or end.minute != 0)
    runs = steps_in_window(
        start.hour * 60 + start.minute, end.hour * 60 + end.minute, step, include_end=include_end
    )
    if not runs:
        raise Rejected("no run falls inside that window")
    fields = cron_fields(runs)
    if fields is not None:
        return _cron(b, f"{fields[0]} {fields[1]} {tail}")
    parts = ["FREQ=DAILY"]
    if p.months:
        parts.append("BYMONTH=" + ",".join(map(str, sorted(p.months))))
    if p.monthdays:
        parts.append("BYMONTHDAY=" + ",".join(str(_rrule_monthday(d)) for d in p.monthdays))
    if p.weekdays:
        parts.append("BYDAY=" + ",".join(_RRULE_DAYS[d] for d in _week_order(p.weekdays)))
    times = [time(m // 60, m % 60) for m in runs]
    b.note(
        f"runs at {_spoken(times[0].hour, times[0].minute)} and every {_duration(seconds)} "
        f"to {_spoken(times[-1].hour, times[-1].minute)}: a rule that lists the day's times"
    )
    return _listed_rrule(b, parts, times)


def _listed_rrule(b: _Builder, parts: list[str], times: list[time]) -> Built:
    """`_rrule` for a window's runs, refused when they are too many to list in one rule."""
    try:
        built = _rrule(b, parts, times)
    except ValueError:  # more places than BYSETPOS may list (daytimes.MAX_POSITIONS)
        raise Rejected("too many runs in a day to list in one rule", "every 15 minutes") from None
    if len(built.schedule["rule"]) > MAX_RULE_CHARS:
        raise Rejected("too many runs in a day to list in one rule", "every 15 minutes")
    return built


def _several_windows(
    b: _Builder, seconds: int, tail: str, first: tuple[time, time] | None
) -> Built:
    """ "every minute between 7:00 and 9:00, and between 16:00 and 18:00" (Oracle's
    BYHOUR=7,8,16,17): the windows' hours in one cron expression, when every window runs at
    the same minutes of its hours; refused otherwise."""
    p = b.p
    if p.odd_hours or p.minute_range is not None or first is None:
        raise Rejected("the text names two time windows")
    windows = [first, *(b.window(pair=pair) for pair in p.more_windows)]
    minutes = seconds // 60
    fields: set[str] = set()
    hours: set[int] = set()
    for window in windows:
        assert window is not None
        start, end = window
        if seconds % 3600 == 0:
            last = _last_hour(start.hour, end, start.minute, open_end=p.window_open_end)
            fields.add(str(start.minute))
            hours.update(range(start.hour, last + 1, seconds // 3600))
        elif minutes < 60 and 60 % minutes == 0:
            every = "*" if minutes == 1 else f"*/{minutes}"
            minute, hour = _minute_window(window, minutes, open_end=p.window_open_end, every=every)
            fields.add(minute)
            first, _, final = hour.partition("-")
            hours.update(range(int(first), int(final or first) + 1))
        else:
            raise Rejected(f"cron cannot run every {_duration(seconds)} in several windows")
    if len(fields) != 1 or not hours:
        raise Rejected(
            "the windows run at different minutes of their hours: that is two schedules",
            "make two jobs, one for each window",
        )
    return _cron(b, f"{fields.pop()} {_hour_list(sorted(hours))} {tail}")


def _framed_hours(b: _Builder, seconds: float) -> Built:
    """ "every 4 month(s) on day 7 of that month every 5 hour(s) between 5:00 AM and 6:00 PM"
    (SQL Server Agent): whole hours through the day (or its window) on the days named, in
    every 4th month — an RFC 5545 rule, which cron cannot say."""
    p = b.p
    _honours(p, "interval", "window", "weekdays", "nth", "monthdays", *_BOUNDS)
    if seconds % 60 or p.minute_past is not None:
        raise Rejected(
            f"minutes within every {p.frame_count} {p.frame}s cannot be kept",
            f"every {p.frame_count} {p.frame}s, every hour from 9am to 5pm",
        )
    window = b.window()
    start, end = window if window is not None else (time(0), time(23, 59))
    if seconds % 3600:
        # "every 2 weeks on Friday every 15 minutes from 9 to 10am": the day's times (picked
        # out with BYSETPOS when they do not cross), its end kept as `_window_runs` keeps it
        step = int(seconds) // 60
        runs = steps_in_window(
            start.hour * 60 + start.minute,
            end.hour * 60 + end.minute,
            step,
            include_end=not p.window_open_end and (step >= 60 or end.minute != 0),
        )
        at = [time(m // 60, m % 60) for m in runs]
    else:
        last = _last_hour(start.hour, end, start.minute, open_end=p.window_open_end)
        hours = range(start.hour, last + 1, int(seconds) // 3600)
        at = [time(hour, start.minute) for hour in hours]
    if not at:
        raise Rejected("no run falls inside that window")
    if p.frame == "week":
        days = "BYDAY=" + ",".join(_RRULE_DAYS[d] for d in _week_order(p.weekdays))
    elif p.nth and not p.monthdays:
        days = "BYDAY=" + ",".join(f"{nth}{_RRULE_DAYS[day]}" for nth, day in p.nth)
    elif p.monthdays and not p.nth:
        days = "BYMONTHDAY=" + ",".join(str(_rrule_monthday(d)) for d in p.monthdays)
    else:
        raise Rejected("the text names both a weekday and a day of the month")
    freq = "WEEKLY" if p.frame == "week" else "MONTHLY"
    return _listed_rrule(b, [f"FREQ={freq}", f"INTERVAL={p.frame_count}", days], at)


def _overnight_hours(b: _Builder, window: tuple[time, time], step: int) -> Built:
    """ "every 2 hours from 10pm to 6am": 22, 0, 2, 4 and 6 o'clock, every day."""
    start, end = window
    first = start.hour * 60 + start.minute
    last = (end.hour + 24) * 60 + end.minute - (1 if b.p.window_open_end else 0)
    hours = sorted({(at // 60) % 24 for at in range(first, last + 1, step * 60)})
    return _cron(b, f"{start.minute} {_hour_list(hours)} * * *")


def _hour_list(hours: list[int]) -> str:
    """Cron's hour field for sorted hours, runs of three or more as ranges: "0-6,18-23"."""
    parts: list[str] = []
    i = 0
    while i < len(hours):
        j = i
        while j + 1 < len(hours) and hours[j + 1] == hours[j] + 1:
            j += 1
        if j - i >= 2:
            parts.append(f"{hours[i]}-{hours[j]}")
        else:
            parts.extend(str(h) for h in hours[i : j + 1])
        i = j + 1
    return ",".join(parts)


def _last_hour(first: int, end: time, minute: int, *, open_end: bool) -> int:
    """The last hour whose run at `minute` past lies inside a window ending at `end`."""
    last = end.hour
    if (minute, 0) > (end.minute, 0) or (open_end and minute == end.minute):
        last -= 1
    return last


def _minute_window(
    window: tuple[time, time], minutes: int, *, open_end: bool, every: str
) -> tuple[str, str]:
    """Cron's minute and hour fields for runs every `minutes` inside a window: within one
    hour ("after 2pm and before 2:55pm" → `0-50/5 14`), or over whole hours ("between 8am
    and 5:55pm" → `*/5 8-17`). A window that starts or ends part-way into an hour of
    several cannot be one cron expression, and is refused rather than stretched."""
    start, end = window
    last_minute = end.minute - 1 if open_end else end.minute
    if start.hour == end.hour or (end.minute == 0 and end.hour == start.hour + 1 and open_end):
        if end.hour != start.hour:
            last_minute = 59
        if last_minute < start.minute:
            raise Rejected("no run falls inside that window")
        step = f"/{minutes}" if minutes > 1 else ""
        span = f"{start.minute}-{last_minute}" if last_minute > start.minute else str(start.minute)
        if start.minute == 0 and last_minute == 59:
            return every, str(start.hour)
        return f"{span}{step}", str(start.hour)
    if start.minute:
        raise Rejected(
            "cron cannot start runs part-way into an hour and go on past it",
            f"from {start.hour}:00, or every {minutes} minutes within one hour",
        )
    if end.minute == 0:
        last = end.hour - 1  # the runs of the last hour would start at its end
    elif last_minute >= 60 - minutes:
        last = end.hour
    else:
        raise Rejected(
            f"cron cannot stop runs every {minutes} minutes at {end.hour}:{end.minute:02d}",
            f"until {end.hour}:00, or until {end.hour}:{60 - minutes:02d}",
        )
    hour = str(start.hour) if last == start.hour else f"{start.hour}-{last}"
    return every, hour


def _seconds(b: _Builder, seconds: int) -> Built:
    """ "every 30 seconds": an `every` schedule, aligned to the clock when the interval
    divides an hour (:00 and :30 of each minute), else counted from now."""
    p = b.p
    if p.times or p.window or p.weekdays or p.months or p.monthdays or p.nth or p.part:
        raise Rejected(
            "runs in seconds cannot be limited to some times or days",
            f"every {seconds} seconds, or every minute on those days",
        )
    if p.interval_start is not None or p.minute_past is not None:
        raise Rejected("runs in seconds cannot start at a time of day")
    step = timedelta(seconds=seconds)
    if 3600 % seconds == 0:
        epoch = datetime(1970, 1, 1, tzinfo=UTC)
        start_at = epoch + step * ((b.now - epoch) // step + 1)
    else:
        start_at = ceil_seconds(b.now + step)
    if b.first_day > b.local_now.date():
        start_at = to_instant(b.first_day, time(0), b.zone)
    return _every(b, seconds, start_at)


def _plain_interval(p: Phrase) -> bool:
    """Whether the phrase is an interval and nothing else (no days, times or bounds)."""
    return not (
        p.times or p.window or p.weekdays or p.nth or p.monthdays or p.months or p.dates
        or p.minute_past is not None or p.part
        or p.starting is not None or p.until is not None or p.count is not None
        or p.except_weekdays or p.except_months
    )  # fmt: skip


def _whole_days(b: _Builder, days: int, start: TimeMention | None) -> Built:
    """ "every 24 hours", "every 48 hours": whole days on the wall clock, from now (a number
    of seconds would move an hour at DST), the first run that many days on; "every 24
    hours starting at 8am": at 8:00, from the next one."""
    at = b.resolve(start) if start is not None else None
    if at is not None:
        first = to_instant(b.local_now.date(), at, b.zone)
        if first <= b.now:
            first = to_instant(b.local_now.date() + timedelta(days=1), at, b.zone)
    else:
        at = b.local_now.time().replace(second=0, microsecond=0)
        first = to_instant(b.local_now.date() + timedelta(days=days), at, b.zone)
    b.note(
        f"every {days * 24} hours read as every {'day' if days == 1 else f'{days} days'} at "
        f"{at:%H:%M}, on the wall clock"
    )
    if days == 1:
        return _cron(b, f"{at.minute} {at.hour} * * *")
    rule = f"FREQ=DAILY;INTERVAL={days};BYHOUR={at.hour};BYMINUTE={at.minute};BYSECOND=0"
    schedule = {"type": "rrule", "rule": rule, "start_at": iso_z(first), "timezone": b.zone_name}
    return b.done(schedule)


def _sub_daily_from(b: _Builder, seconds: int) -> Built:
    """ "every 3 hours starting at 8am": every 3 hours around the clock from the next 8:00 (8,
    11, 14, 17, 20, 23, 2, 5 o'clock); "every 20 minutes starting at 8am" runs from 8:00 to
    the end of each day. An interval that divides neither the hour nor the day counts on
    from the first start time."""
    p = b.p
    assert p.interval_start is not None
    at = b.resolve(p.interval_start)
    if p.minute_past is not None and not p.more_minutes and at.minute == 0 and seconds % 3600 == 0:
        # "At 45 minutes past the hour, every 2 hours, starting at 01:00 AM" (cron describers'
        # words for `45 1/2`): the hours counted from the start, at that minute
        at = at.replace(minute=p.minute_past)
    if p.window is not None or (
        p.minute_past is not None and (p.more_minutes or p.minute_past != at.minute)
    ):
        # "On the hour, every 3 hours, starting at 02:00 AM": the minute of the start time again
        raise Rejected("a start time does not go with a time window or minutes past the hour")
    if p.nth:
        raise Rejected("a start time does not go with a weekday of the month")
    tail = f"{_monthday_field(p.monthdays)} {_month_field(p.months)} {_weekday_field(p.weekdays)}"
    hours, minutes = divmod(seconds // 60, 60)
    hour_span = f"{at.hour}-23" if at.hour < 23 else "23"
    if not minutes and hours in _HOUR_STEPS:
        # every N hours from the start time, around the clock ("every 12 hours starting at
        # 7pm" is 7pm and 7am), nothing before the first start
        hour_list = _join(sorted({(at.hour + k * hours) % 24 for k in range(24 // hours)}))
        built = _cron(b, f"{at.minute} {hour_list} {tail}")
        first = to_instant(b.first_day, at, b.zone)
        described = p.descriptor or (p.minute_past is not None and p.interval_start.clock.padded)
        if hours > 1 and "start_at" not in built.schedule and not described and first > b.now:
            # the start time is the first day's (today's, unless a start day is named), as a
            # scheduler's start time is: still ahead, nothing runs before it ("take medication
            # every 12 hours starting at 7pm", said in the morning); already past, the series
            # has started and only sets the clock's steps ("snapshots every 6 hours starting at
            # 07:30", said at 10:00, run next at 13:30, not tomorrow at 07:30). A describer's
            # "On the hour, every 3 hours, starting at 02:00 AM" is cron's `0 2/3`: the steps
            built.schedule["start_at"] = iso_z(first)
        return built
    if not hours and 60 % minutes == 0:
        first = at.minute % minutes
        minute = "*" if minutes == 1 else (f"{first}-59/{minutes}" if first else f"*/{minutes}")
        if at.minute >= minutes:  # the first hour starts part-way: cron needs two fields
            raise Rejected(
                f"cron cannot start every {minutes} minutes at {at.strftime('%H:%M')}",
                f"every {minutes} minutes from {at.hour}:00",
            )
        b.note("runs from the start time to the end of each day", penalty=0)
        return _cron(b, f"{minute} {hour_span} {tail}")
    if p.weekdays or p.months or p.monthdays or p.nth:
        raise Rejected(
            f"cron cannot run every {_duration(seconds)} only on some days",
            "every 15 minutes, every 30 minutes, or every hour",
        )
    first_run = to_instant(b.first_day, at, b.zone)
    if first_run <= b.now:
        # the start time today has passed: the series has started, and runs on in its steps
        # ("every 5 hours starting at 8am" said at 10:00 runs next at 13:00), as above
        step = timedelta(seconds=seconds)
        first_run += step * ((b.now - first_run) // step + 1)
    return _every(b, seconds, first_run)


def _weeks(count: int) -> str:
    return "week" if count == 1 else f"{count} weeks"


def _daily_or_weekly(b: _Builder, unit: str | None, count: int) -> Built:
    p = b.p
    _honours(p, "interval", "times", "part", "weekdays", "months", "count", "shift_seconds",
             *_BOUNDS)  # fmt: skip
    if unit == "day" and count % 7 == 0 and len(p.weekdays) == 1:
        # "Every 7 Days (Fridays)", "every 14 days on Monday": whole weeks, on that weekday
        unit, count = "week", count // 7
        day = lx.DAY_LABELS[p.weekdays[0]]
        said = f"every {7 * count} days on {day}s read as every {_weeks(count)} on {day}"
        if count == 1:
            b.note(said)
        else:  # cron-descriptor says "every 14 days, only on Tuesday" for days 1, 15, 29 too
            b.note(f"{said} (it could mean days of the month 14 apart)", UNSURE_PENALTY)
    if unit == "week" and not p.weekdays and p.starting is not None:
        if p.starting.weekday is not None and not p.starting.week:
            p.weekdays.append(p.starting.weekday)  # "every 2 weeks starting Monday"
    if unit == "week" and not p.weekdays:
        # "every week", "weekly": on today's (or the first day's) weekday, as Todoist does;
        # a series that started on a past day keeps that day's ("every! 2 weeks starting
        # 2026-05-17", a Sunday, said in July)
        day = cron_weekday(b.start_day or b.first_day)
        p.weekdays.append(day)
        b.note(f"weekly: {lx.DAY_LABELS[day]}s, the day it starts", UNSURE_PENALTY)
    if count == 1 and p.count is None:
        if not (p.weekdays or unit or p.part or p.times or p.months):
            raise NotUnderstood(0, "")
        times = b.times() or [b.default_time()]
        if b.shift_days and (p.weekdays or p.months):
            raise Rejected("counted from that time, the run falls on other days: name its time")
        if not crossed(times) and b.said_repeating:
            # "weekdays at 7:45am, 12:15pm and 5:30pm": an rrule says it (without a word that
            # it repeats, two such times are more likely one run and its reminder)
            return _rrule(b, _daily_parts(p), times)
        minute, hour = _time_fields(b, times)
        expression = f"{minute} {hour} * {_month_field(p.months)} {_weekday_field(p.weekdays)}"
        return _cron(b, expression)
    if p.months and count != 1 and unit != "week":
        # ("garden waste Mon every 3 weeks from March to Nov": RFC 5545's BYMONTH keeps the
        # weeks counted through the months left out, as a collection calendar does; a count
        # of days has no weekday to come back to)
        raise Rejected("an interval of days cannot be limited to some months")
    parts = [f"FREQ={'WEEKLY' if unit == 'week' or p.weekdays else 'DAILY'}"]
    if unit == "day" and p.weekdays and count != 1:
        raise Rejected("an interval of days cannot be limited to days of the week")
    if count != 1:
        parts.append(f"INTERVAL={count}")
    if p.weekdays:
        parts.append("BYDAY=" + ",".join(_RRULE_DAYS[d] for d in _week_order(p.weekdays)))
    if p.months:
        parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(set(p.months))))
    return _rrule(b, parts)


def _daily_parts(p: Phrase) -> list[str]:
    """Every day, or the weekdays and months named, as the parts of a DAILY rule."""
    parts = ["FREQ=DAILY"]
    if p.weekdays:
        parts.append("BYDAY=" + ",".join(_RRULE_DAYS[d] for d in _week_order(p.weekdays)))
    if p.months:
        parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(set(p.months))))
    return parts


def _monthly(b: _Builder, count: int) -> Built:
    p = b.p
    _honours(p, "interval", "quarter", "times", "part", "weekdays", "nth", "monthdays", "months",
             "first_weekday", "count", *_BOUNDS)  # fmt: skip
    if p.weekdays:
        return _weekdays_and_monthdays(b, count)
    if p.nth and p.monthdays:
        raise Rejected("the text names both a weekday and a date in the month")
    # a fifth weekday named alone (not with the others of its day, as "every Tuesday but the
    # 3rd" leaves them)
    fifth = [day for nth, day in p.nth if nth == 5 and all(n == 5 for n, d in p.nth if d == day)]
    if fifth and not p.year_nth:
        if set(p.months) == {2}:
            raise Rejected(
                f"February has a fifth {lx.DAY_LABELS[fifth[0]]} only in leap years that "
                "begin it on that day"
            )
        # "the fifth Friday of every month": the months that have one (four or five a year)
        b.note(f"only months with a fifth {lx.DAY_LABELS[fifth[0]]} have a run", 0)
    if (
        len(p.nth) == 1
        and p.nth[0][0] == -1
        and not (p.of_month or p.every or p.interval or p.months)
    ):  # "last Friday"; not "the last Friday in June", a day to come
        raise Rejected(f"“last {lx.DAY_LABELS[p.nth[0][1]]}” is in the past")
    if p.nth and not (p.of_month or p.every or p.interval):
        nth, day = p.nth[0]
        label = "last" if nth < 0 else _ordinal(nth)
        # "the 2nd and 4th Tuesday": of every month (one of them alone may mean the next)
        where = ", ".join(lx.MONTH_LABELS[m] for m in p.months)
        b.note(
            f"“{label} {lx.DAY_LABELS[day]}” read as of every "
            + (f"{where}, every year" if p.months else "month"),
            ASSUMPTION_PENALTY if len(p.nth) > 1 else UNSURE_PENALTY,
        )
    monthdays = p.monthdays
    if not (p.nth or monthdays or p.first_weekday):
        if not p.quarter:
            # "every month", "monthly": on the day it starts, as Todoist reads it
            started = b.start_day or b.first_day  # a past start keeps its day of the month
            monthdays = [started.day]
            b.note(
                f"monthly: on day {started.day} of the month, the day it starts",
                UNSURE_PENALTY,
            )
        else:
            monthdays = [1]
            # which day of the quarter is a guess, as for "every month" (asked)
            b.note("no day given; assumed the first day of each quarter", UNSURE_PENALTY)
    if (
        p.first_weekday
        or p.count is not None
        or (count != 1 and (12 % count or p.months))
        or any(day < LAST_WEEKDAY for day in monthdays)
        or any(nth < -1 for nth, _ in p.nth)
    ):
        return _monthly_rrule(b, count, monthdays)
    times = b.times() or [b.default_time()]
    if not crossed(times):
        return _monthly_rrule(b, count, monthdays, times)
    minute, hour = _time_fields(b, times)
    day_field = _monthday_field(monthdays)
    weekday_field = ",".join(f"{day}L" if nth < 0 else f"{day}#{nth}" for nth, day in p.nth) or "*"
    if p.quarter:
        if p.months:
            raise Rejected("a quarterly schedule cannot also name months")
        from_end = all(day < 0 for day in monthdays) and all(nth < 0 for nth, _ in p.nth)
        # "the last day of each quarter" is in its last month; "the 15th" in its first
        month_field = "3,6,9,12" if from_end else "1,4,7,10"
    elif count == 1:
        month_field = _month_field(p.months)
    else:
        # Anchor the cycle at the first month this day comes round, as a person would, or
        # at the date it takes or took effect ("every 3 months effective 1/5/2026", "every 3
        # months on the 1st starting April 1": April, July, October, January)
        anchor = b.local_now
        if b.start_day is not None:
            anchor = to_instant(b.start_day, time(0), b.zone) - timedelta(seconds=1)
        first = first_time(
            f"{minute} {hour} {day_field} * {weekday_field}", b.local_now.tzinfo, anchor
        )
        assert first is not None  # a day that comes round every month of every year
        first = first.astimezone(b.local_now.tzinfo)
        months = sorted((first.month - 1 + k * count) % 12 + 1 for k in range(12 // count))
        month_field = ",".join(str(m) for m in months)
        # as Google Calendar and Todoist count a series, from its first run: noted (`asks`)
        b.note(f"every {count} months counted from {lx.MONTH_LABELS[first.month]}")
    if any(day > 28 for day in monthdays) and not {28, 29, 30, 31} <= set(monthdays):
        # (a run of days to the 31st ends on every month's last day: nothing is skipped)
        b.note("months without that day are skipped; “last day of the month” runs every month")
    return _cron(b, f"{minute} {hour} {day_field} {month_field} {weekday_field}")


def _weekdays_and_monthdays(b: _Builder, count: int) -> Built:
    """Days of the week with days of the month: joined by "and" they are either one, which
    is what cron's two day fields say when both are restricted ("every Friday and the 13th"
    → `0 9 13 * 5`); a date right after its weekday is both at once ("every Friday the
    13th" → BYDAY=FR;BYMONTHDAY=13). Anything else could be either, and is refused."""
    p = b.p
    plain = all(day > 0 for day in p.monthdays) and not (p.nth or p.first_weekday or p.quarter)
    if p.day_union and plain and count == 1 and p.count is None and (p.every or p.of_month):
        days = ", ".join(lx.DAY_LABELS[d] for d in _week_order(p.weekdays))
        b.note(f"runs on every {days} and on day {_join(p.monthdays)} of the month", 0)
        minute, hour = _time_fields(b)
        return _cron(
            b,
            f"{minute} {hour} {_monthday_field(p.monthdays)} {_month_field(p.months)} "
            f"{_weekday_field(p.weekdays)}",
        )
    if p.weekday_date and plain and not p.day_union and (p.every or p.of_month):
        parts = ["FREQ=MONTHLY"] + ([f"INTERVAL={count}"] if count != 1 else [])
        parts.append("BYDAY=" + ",".join(_RRULE_DAYS[d] for d in _week_order(p.weekdays)))
        parts.append("BYMONTHDAY=" + ",".join(str(d) for d in sorted(set(p.monthdays))))
        if p.months:
            parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(set(p.months))))
        return _rrule(b, parts)
    raise Rejected(
        "days of the week and days of the month do not combine in one schedule",
        "“every Friday and the 13th” for either one, “every Friday the 13th” for both",
    )


def _monthly_rrule(
    b: _Builder, count: int, monthdays: list[int], at: list[time] | None = None
) -> Built:
    """What cron cannot say of months: every 5 months, the 2nd-to-last Friday, the first
    weekday of the month, a number of times."""
    p = b.p
    parts = ["FREQ=MONTHLY"]
    if count != 1 and not p.quarter:
        parts.append(f"INTERVAL={count}")
    if p.quarter:
        # calendar quarters, as cron's quarterly schedules: "the first business day of each
        # quarter" in January, April, July, October; "the last …" in March, June, September,
        # December
        if p.months:
            raise Rejected("a quarterly schedule cannot also name months")
        from_end = (
            p.first_weekday < 0
            or (bool(monthdays) and all(day < 0 for day in monthdays))
            or (bool(p.nth) and all(nth < 0 for nth, _ in p.nth))
        )
        p.months = [3, 6, 9, 12] if from_end else [1, 4, 7, 10]
    if p.first_weekday:
        days = ",".join(_RRULE_DAYS[day] for day in _week_order(list(p.setpos_days)))
        parts += [f"BYDAY={days}", f"BYSETPOS={p.first_weekday}"]
    elif LAST_WEEKDAY in monthdays:
        parts += ["BYDAY=MO,TU,WE,TH,FR", "BYSETPOS=-1"]
    elif p.nth:
        parts.append("BYDAY=" + ",".join(f"{nth}{_RRULE_DAYS[day]}" for nth, day in p.nth))
    else:
        parts.append("BYMONTHDAY=" + ",".join(str(_rrule_monthday(day)) for day in monthdays))
    if p.months:
        parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(set(p.months))))
    return _rrule(b, parts, at)


def _rrule_monthday(day: int) -> int:
    """A day of the month as RFC 5545 counts it: LAST_DAY is -1; other negatives count back
    from the end (FROM_END - 1 is the second to last)."""
    if day == LAST_DAY:
        return -1
    if day < LAST_WEEKDAY:
        return day - FROM_END - 1
    return day


def _yearly(b: _Builder, unit: str | None, count: int) -> Built:
    p = b.p
    _honours(p, "interval", "dates", "times", "part", "weekdays", "nth", "monthdays", "months",
             "count", "first_weekday", *_BOUNDS)  # fmt: skip
    if unit not in (None, "year"):
        raise Rejected("a date can only repeat every year")
    if count != 1 or p.count is not None or not p.dates:
        return _yearly_rrule(b, count)
    if p.weekdays or p.monthdays or p.nth or p.months:
        raise Rejected("a yearly date cannot also name days of the week or of the month")
    for year, month, day in p.dates:
        if year is not None:
            raise Rejected("a repeating date cannot name a year", "every year on March 3")
        _check_date(None, month, day)
        if (month, day) == (2, 29):
            b.note("February 29 comes round only in leap years")
    months = sorted({month for _, month, _ in p.dates})
    days = sorted({day for _, _, day in p.dates})
    if len(months) > 1 and len(days) > 1:
        raise Rejected("dates in different months on different days need one schedule each")
    times = b.times() or [b.default_time()]
    if not crossed(times):
        return _yearly_rrule(b, count, times)
    minute, hour = _time_fields(b, times)
    return _cron(b, f"{minute} {hour} {_join(days)} {_join(months)} *")


def _times_go_on(b: _Builder) -> None:
    """ "every two hours, namely at midnight, 2am, 4am, and so on": the times named are the
    interval's, and go on through the day; without an interval that says how ("14:00, 14:05
    … etc.": until when?) the list is asked about."""
    p = b.p
    count, unit = p.interval or (0, None)
    hours = [m.clock.hour_24() for m in p.times]
    minutes = {m.clock.minute for m in p.times}
    # "at 5:00, 5:30, 5L 6:00": a time that does not say its half of the day has no step
    steps = {b - a for a, b in pairwise(hours)} if None not in hours else set()  # type: ignore[operator]
    if (
        unit == "hour"
        and count == int(count)
        and None not in hours
        and len(minutes) == 1
        and steps == {count}
    ):
        first = hours[0]
        assert first is not None
        if first < 2 * count:
            # "every hour at minute 0 (1:00, 2:00, 3:00, etc.)": the examples start at the
            # first step after midnight, which is one of the runs too
            first %= int(count)
        elif first >= count:  # "at 9am, 11am and so on": until the day's end, or round the clock?
            b.note(
                f"the times named read as every {int(count)} hours until midnight", UNSURE_PENALTY
            )
        clocks = [
            ClockTime(hour, p.times[0].clock.minute, None, True)
            for hour in range(first, 24, int(count))
        ]
        p.times = [TimeMention(clock, p.times[0].start, p.times[-1].end) for clock in clocks]
        p.interval = None
        if first < count:
            every = "every hour" if count == 1 else f"every {int(count)} hours"
            b.note(f"the times named read as {every} through the day")
        return
    step = _even_step(p.times)
    if step is not None and p.interval is None:
        # "run at 5:00, 5:30, 6:00, 6:30 etc.": the list shows its step, which goes on round the
        # clock (it may stop somewhere: asked)
        p.times = []
        p.interval = (step, "minute")
        p.every = True
        b.note(f"the times named read as every {step} minutes (“etc.”): to confirm", UNSURE_PENALTY)
        return
    b.note("the list of times goes on (“etc.”, “and so on”) past what it names", UNSURE_PENALTY)


def _even_step(times: list[TimeMention]) -> int | None:
    """The minutes between the times listed ("5:00, 5:30, 6:00, 6:30"), when there are three or
    more, a step that divides the hour and starts on the hour's grid; else None."""
    minutes = [m.clock.hour_24() for m in times]
    if len(times) < 3 or None in minutes:
        return None
    at = [hour * 60 + m.clock.minute for hour, m in zip(minutes, times, strict=True)]  # type: ignore[operator]
    steps = {later - earlier for earlier, later in pairwise(at)}
    if len(steps) != 1:
        return None
    step = steps.pop()
    if not 0 < step < 60 or 60 % step or at[0] % step:
        return None
    return step


def _counted_in_the_year(b: _Builder, unit: str | None, count: int) -> Built:
    """ "the 256th day of the year", "Monday of week number 20", "every 20th Monday of the
    year": RFC 5545's yearly rules (BYYEARDAY, BYWEEKNO, BYDAY=20MO), which cron cannot say."""
    p = b.p
    _honours(p, "interval", "yeardays", "weeknos", "nth", "weekdays", "times", "part", "count",
             *_BOUNDS)  # fmt: skip
    if unit not in (None, "year"):
        raise Rejected("a day counted in the year can only repeat every year or few years")
    parts = ["FREQ=YEARLY"] + ([f"INTERVAL={count}"] if count != 1 else [])
    if p.yeardays:
        if p.weeknos or p.nth or p.weekdays:
            raise Rejected("a day of the year cannot also name a week or a weekday")
        parts.append("BYYEARDAY=" + ",".join(map(str, p.yeardays)))
    if p.weeknos:
        if not p.weekdays or p.nth:
            raise Rejected("name the day of that week", "Monday of week number 20")
        parts.append("BYWEEKNO=" + ",".join(map(str, p.weeknos)))
        parts.append("BYDAY=" + ",".join(_RRULE_DAYS[day] for day in _week_order(p.weekdays)))
    if p.year_nth:
        if p.weekdays and any(day not in p.weekdays for _, day in p.nth):
            raise Rejected("the text names other days of the week than the ones it counts")
        parts.append("BYDAY=" + ",".join(f"{nth}{_RRULE_DAYS[day]}" for nth, day in p.nth))
    return _rrule(b, parts)


def _yearly_rrule(b: _Builder, count: int, at: list[time] | None = None) -> Built:
    p = b.p
    parts = ["FREQ=YEARLY"] + ([f"INTERVAL={count}"] if count != 1 else [])
    if p.dates:
        if any(year is not None for year, _, _ in p.dates):
            raise Rejected("a repeating date cannot name a year", "every year on March 3")
        months = sorted({month for _, month, _ in p.dates})
        days = sorted({day for _, _, day in p.dates})
        if len(months) > 1 and len(days) > 1:
            raise Rejected("dates in different months on different days need one schedule each")
        parts += ["BYMONTH=" + ",".join(map(str, months)), "BYMONTHDAY=" + ",".join(map(str, days))]
    elif p.nth and p.months:
        parts += [
            "BYMONTH=" + ",".join(str(m) for m in sorted(set(p.months))),
            "BYDAY=" + ",".join(f"{nth}{_RRULE_DAYS[day]}" for nth, day in p.nth),
        ]
    elif p.monthdays and p.months and not (p.weekdays or p.first_weekday):
        # "every 3 years on the last day of February": days of the month in the months named
        # (counted from the first such day to come: which years is a guess, asked, as cron
        # describers' "every 2 years" counts from year 0)
        b.note(f"every {count} years counted from the first run", UNSURE_PENALTY)
        parts.append("BYMONTH=" + ",".join(str(m) for m in sorted(set(p.months))))
        if LAST_WEEKDAY in p.monthdays:
            parts += ["BYDAY=MO,TU,WE,TH,FR", "BYSETPOS=-1"]
        else:
            parts.append("BYMONTHDAY=" + ",".join(str(_rrule_monthday(d)) for d in p.monthdays))
    elif p.first_weekday and len(set(p.months)) == 1 and not (p.monthdays or p.nth):
        # "every 2 years on the first weekday of August": BYSETPOS counts in that one month
        b.note(f"every {count} years counted from the first run", UNSURE_PENALTY)
        days = ",".join(_RRULE_DAYS[day] for day in _week_order(list(p.setpos_days)))
        parts += [f"BYMONTH={p.months[0]}", f"BYDAY={days}", f"BYSETPOS={p.first_weekday}"]
    else:
        if p.monthdays or p.nth or p.months or p.weekdays or p.first_weekday:
            raise Rejected("a schedule every few years needs its date", "every 2 years on March 3")
        # "every year", "yearly": on the date it starts, as Todoist reads it
        day = b.start_day or b.first_day
        parts += [f"BYMONTH={day.month}", f"BYMONTHDAY={day.day}"]
        label = f"{lx.MONTH_LABELS[day.month]} {day.day}"
        b.note(f"yearly: every {label}, the day it starts", UNSURE_PENALTY)
    return _rrule(b, parts, at)


def _time_fields(b: _Builder, times: list[time] | None = None) -> tuple[str, str]:
    times = times or b.times() or [b.default_time()]
    hours, minutes = _hours_and_minutes(times)
    return _join(minutes), _join(hours)


def _hours_and_minutes(times: list[time]) -> tuple[list[int], list[int]]:
    """The hours and the minutes of several times of day, when every minute goes with every
    hour ("18:00, 18:15, 20:00 and 20:15": cron's "0,15 18,20"); refused otherwise, as one
    cron field of hours and one of minutes would run their cross product ("9:00 and 17:30")."""
    hours = sorted({t.hour for t in times})
    minutes = sorted({t.minute for t in times})
    if len({(t.hour, t.minute) for t in times}) != len(hours) * len(minutes):
        raise Rejected(
            "times with different minutes need one schedule each",
            "at 9:00 and 17:00, or at 9:30 and 17:30",
        )
    return hours, minutes


def _cron(b: _Builder, expression: str) -> Built:
    problem = cron_problem(expression)
    if problem is not None:
        raise Rejected(f"{expression!r} is not a valid schedule ({problem})")
    return b.done({"type": "cron", "expression": expression, "timezone": b.zone_name})


_RRULE_DAYS: Final = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")


def _week_order(days: list[int]) -> list[int]:
    """Cron weekdays in the order a week runs, Monday first."""
    return sorted(set(days), key=lambda day: (day + 6) % 7)


def _rrule(b: _Builder, parts: list[str], at: list[time] | None = None) -> Built:
    """An RFC 5545 rule (the parts given, plus the times of day `at` or named, and COUNT):
    DTSTART is its first occurrence from the first day it may run, so INTERVAL counts from
    there."""
    times = at or b.times() or [b.default_time()]
    days = 1 if crossed(times) else days_per_period(dict(part.split("=", 1) for part in parts))
    if days is None:
        _hours_and_minutes(times)  # refused: the days of this rule hold no fixed set of times
    parts = [*parts, *time_parts(times, days or 1)]
    simple = ";".join(part for part in parts if not part.startswith("INTERVAL="))
    inclusive = False
    if b.first_day > b.local_now.date():
        after = datetime.combine(b.first_day, time(0)) - timedelta(seconds=1)
    elif b.start_day is not None and simple != ";".join(parts):
        # an interval that took effect on a past day ("every 2 weeks effective 1/6/2026")
        # keeps counting from that day: the first run is the next one of that series
        after, inclusive = datetime.combine(b.start_day, time(0)), True
        simple = ";".join(parts)
    else:
        after = b.local_now.replace(tzinfo=None, second=0, microsecond=0)
    first = first_occurrence(simple, b.zone, after, b.now, inclusive=inclusive)
    if first is None:
        raise Rejected("that schedule never comes round")
    if b.p.count is not None:
        parts.append(f"COUNT={b.p.count}")
    schedule = {
        "type": "rrule",
        "rule": ";".join(parts),
        "start_at": iso_z(first),
        "timezone": b.zone_name,
    }
    return b.done(schedule)


def _every(b: _Builder, seconds: int, start_at: datetime) -> Built:
    if seconds >= 86400:
        b.notes.append("an interval counts real time: across a DST change the run moves an hour")
    schedule = {
        "type": "every",
        "interval": seconds,
        "start_at": iso_z(start_at),
        "timezone": b.zone_name,
    }
    return b.done(schedule)


# -- one-time schedules -------------------------------------------------------------------


def _same_time(b: _Builder) -> None:
    """ "this time tomorrow", "tomorrow at this time": the time of day it is now, on a day the
    text names (without one it is now itself)."""
    p = b.p
    if p.times or p.window is not None:
        raise Rejected("the text names two times of day")
    if not (p.day_offset or p.weekdays or p.dates or p.every):
        raise Rejected("“this time” is now: name the day", "this time tomorrow")
    local = b.local_now
    clock = ClockTime(local.hour, local.minute, None, True)
    p.times.append(TimeMention(clock, 0, 0))
    b.note(f"“this time” read as {local:%H:%M}, the time it is now", 0)


def _twelve_am(clock: ClockTime) -> bool:
    """ "12am", "12:00 a.m.": midnight written on the 12-hour clock."""
    return clock.hour == 12 and clock.minute == 0 and clock.meridiem == "am"


def _one_time(b: _Builder) -> Built:
    p = b.p
    _honours(p, "instant", "has_offset", "dates", "weekdays", "day_offset", "times", "part",
             "window", "minute_past", "months", "years", "next_business_day",
             "days_after", "days_before", "shift_seconds")  # fmt: skip
    _one_year(p)
    if p.window is not None or p.minute_past is not None or p.months:
        raise Rejected("a one-time schedule needs a date and a time, not a range")
    if p.instant is not None:
        instant = p.instant if p.instant.tzinfo else p.instant.replace(tzinfo=b.zone)
        return _at(b, instant.astimezone(UTC))
    if p.has_offset:
        return _offset(b)
    if len(p.dates) > 1 or len(p.weekdays) > 1:
        raise Rejected("a one-time schedule names one date")
    if p.dates and p.day_offset is not None:
        raise Rejected("the text names two different days")
    times = b.times()
    if len(times) > 1:
        if (
            (p.dates or p.weekdays or p.day_offset is not None)
            and p.times_listed  # "at 3 PM (17:00)": one time, or two? Refused
            and len(set(times)) > 1
            and not (b.shift_days or p.next_business_day or p.part)
        ):
            return _times_on_one_day(b, times)
        raise Rejected("a one-time schedule runs once", f"every day at {_join_times(times)}")
    midnight = any(m.named == "midnight" for m in p.times)
    if (p.dates or p.weekdays or p.day_offset) and any(_twelve_am(m.clock) for m in p.times):
        # "tomorrow at 12am": the first minute of that day, as written; people also mean the
        # night at its end, as with "midnight" (refused below)
        note = "“12am” read as the start of that day (it may mean the night at its end)"
        b.note(note, UNSURE_PENALTY)
    if midnight and (p.dates or p.weekdays or p.day_offset):
        raise Rejected(
            "“midnight” on a given day could be its start or its end",
            "say 11:59pm, or 00:00 on the following day",
        )
    if times:
        at = _at_second(b, times[0])
    elif p.dates or p.weekdays or p.day_offset is not None or p.part is not None:
        at = b.default_time()
    elif p.next_business_day:
        at = b.default_time()
    else:
        raise NotUnderstood(0, "")
    instant = _one_time_instant(b, at)
    if p.weekdays and (p.dates or p.day_offset is not None):
        # "Tuesday, March 3", "tomorrow, Thursday": fine when they agree.
        named, actual = p.weekdays[0], cron_weekday(instant.astimezone(b.zone).date())
        if named != actual:
            local = instant.astimezone(b.zone)
            raise Rejected(
                f"{local.day} {local:%B %Y} is a {lx.DAY_LABELS[actual]}, "
                f"not a {lx.DAY_LABELS[named]}"
            )
    if b.shift_days and (p.dates or p.weekdays or p.day_offset is not None):
        # "an hour before 00:30 on Friday": Thursday night
        local = instant.astimezone(b.zone)
        instant = to_instant(local.date() + timedelta(days=b.shift_days), at, b.zone)
    return _at(b, instant)


def _times_on_a_weekday(p: Phrase) -> bool:
    """ "Make alarms on tuesday at 5 and 6 pm", "call mom on friday at 9am and 5pm": several
    times on one weekday said once after "on" (not "Tuesdays", not "every Tuesday", not a
    timetable's "Friday: 7am, 8am") are that day's, as
    "tomorrow at 9am and 5pm" are — each once, asked (`_times_on_one_day`); they were every
    week, silently, though "on tuesday at 5pm" is once."""
    return (
        len(p.times) > 1
        and p.single_day
        and p.on_day  # ("Friday: 7am, 8am Mass", a timetable's row, is every Friday)
        and len(p.weekdays) == 1
        and not (p.descriptor or p.months or p.first_weekday or p.window or p.interval)
    )


def _times_on_one_day(b: _Builder, times: list[time]) -> Built:
    """ "Masses at 8:15am and 5:30pm on December 8", "tomorrow at 9am and 5pm": several times
    on the one day named — each once, that day (a daily rule held to the day). The day is the
    one its last time comes round on."""
    last = _one_time_instant(b, max(times))
    if last <= b.now:
        return _at(b, last)  # refused as past, as one time is
    day = last.astimezone(b.zone).date()
    named = b.p.weekdays
    if named and cron_weekday(day) != named[0]:
        raise Rejected("the text names two different days")
    b.first_day = max(b.first_day, day)
    b.end_day = day
    # one thing at several times, or several things? ("a meeting tomorrow at 3pm and 5pm")
    b.note(
        f"read as {len(times)} runs on {day:%A} {day.day} {day:%B %Y}, once each", UNSURE_PENALTY
    )
    return _rrule(b, ["FREQ=DAILY"], times)


def _at_second(b: _Builder, at: time) -> time:
    """A one-off's time with the second written ("at 17:25:30"): kept, and asked about — a
    job is rarely wanted at a second, and a time written to the second is often a copied
    timestamp ("the job ran at 10:25:10") rather than a request."""
    second = _seconds_once(b.p)
    if second:
        b.note(f"read as a run at {at:%H:%M}:{second:02d}, to the second", UNSURE_PENALTY)
    return at.replace(second=second)


def months_counted(p: Phrase) -> bool:
    """ "on the last Friday of every month at 4pm … for the next 6 months", "on the 15th of
    each month for 3 months": a series that runs once a month, said to last some months, runs
    that many times — counted as runs, not to a day N months on less one, which drops the
    last when this month's run has gone by (or lands on today). Whether it did."""
    ref = p.until
    if (
        ref is None
        or p.count is not None
        or ref.months_later < 1
        or ref.days_later != -1
        or ref != DayRef(days_later=-1, months_later=ref.months_later)
    ):
        return False
    # one run in every month: not "the 31st" nor "the fifth Friday", which some months lack
    monthly = (len(p.nth) == 1 and not p.monthdays and p.nth[0][0] <= 4) or (
        len(p.monthdays) == 1
        and not (p.nth or p.weekdays)
        and (p.monthdays[0] <= 28 or p.monthdays[0] in (LAST_DAY, LAST_WEEKDAY))
    )
    if (
        not monthly
        or p.months
        or p.except_months
        or p.dates
        or p.window
        or p.more_windows
        or len(p.times) > 1
        or p.more_minutes
        or p.frame_count != 1
        or p.first_weekday
        or (p.interval is not None and p.interval != (1, "month"))
    ):
        return False
    p.count, p.until = ref.months_later, None
    return True


def _start_is_the_day(p: Phrase) -> bool:
    """Moves a start bound that names one day ("starting tomorrow at 8am", "from Monday at 9",
    "starting next week on Tuesday at 2pm") into the phrase's day, when the phrase names a time
    and no other day; whether it did."""
    ref = p.starting
    if ref is None or not p.times:
        return False  # "starting tomorrow" alone is a start date whose schedule is missing
    if ref.days_later or ref.months_later or ref.holiday is not None:
        return False
    if ref.month_end is not None or ref.quarter_end or ref.monthday is not None:
        return False
    if p.dates or p.day_offset is not None or p.next_week or p.this_week or p.has_offset:
        return False
    if ref.week:
        if not (p.weekdays and p.single_day):
            return False  # "starting next week": which day?
        p.next_week = True  # "start next week Tuesday"
    elif p.weekdays:
        return False
    elif ref.day_offset is not None:
        p.day_offset = ref.day_offset
    elif ref.weekday is not None:
        p.weekdays.append(ref.weekday)
        p.single_day = True
        p.next_weekday = ref.after_today
    elif ref.date is not None:
        p.dates.append(ref.date)
    else:
        return False
    p.starting = None
    return True


def _one_year(p: Phrase) -> None:
    """ "on March 3 in 2027": the year goes with the date; anything else is refused."""
    if not p.years:
        return
    if len(set(p.years)) > 1 or len(p.dates) != 1 or p.dates[0][0] not in (None, p.years[0]):
        raise Rejected("a one-time schedule names one date", "on March 3, 2027 at 9am")
    _, month, day = p.dates[0]
    p.dates[0] = (p.years[0], month, day)


def _one_time_instant(b: _Builder, at: time) -> datetime:
    """When a one-time phrase runs: its date (or weekday, or day offset) at `at`."""
    p = b.p
    today = b.local_now.date()
    if p.dates:
        year, month, day = p.dates[0]
        _check_date(year, month, day)
        before = timedelta(days=p.days_before)  # "2 days before March 1"
        if p.days_before:
            how = "before" if p.days_before > 0 else "after"
            named = f"{lx.MONTH_LABELS[month]} {day}"
            b.note(f"read as {abs(p.days_before)} day(s) {how} {named}", 0)
        if year is not None:
            return to_instant(date(year, month, day) - before, at, b.zone)
        for candidate in range(today.year, today.year + 9):
            if day <= days_in_month(candidate, month):
                instant = to_instant(date(candidate, month, day) - before, at, b.zone)
                if instant > b.now:
                    return instant
        raise Rejected("no such date in the coming years")  # pragma: no cover
    if p.day_offset is not None:
        if p.day_offset == 0 and (at == time(0) or (p.tonight and at < time(4))):
            # "tonight at midnight", "tonight at 1": the small hours after today
            return to_instant(today + timedelta(days=1), at, b.zone)
        return to_instant(today + timedelta(days=p.day_offset), at, b.zone)
    if p.next_business_day:
        if p.weekdays:
            raise Rejected("the text names both a weekday and the next business day")
        day = today + timedelta(days=1)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        b.note(f"“next business day” read as {day:%A} {day.day} {day:%B} (Monday to Friday)")
        return to_instant(day, at, b.zone)
    if p.weekdays and p.this_week:
        day = today - timedelta(days=today.weekday()) + timedelta(days=(p.weekdays[0] - 1) % 7)
        return to_instant(day, at, b.zone)  # "Friday this week" (a day gone by is refused)
    if p.weekdays and p.next_week:
        monday = today + timedelta(days=7 - today.weekday())
        day = monday + timedelta(days=(p.weekdays[0] - 1) % 7)
        b.note(f"“{lx.DAY_LABELS[p.weekdays[0]]} next week” read as {day:%A} {day.day} {day:%B}")
        return to_instant(day, at, b.zone)
    if p.weekdays and p.days_after:
        # "a week from Friday": the coming Friday, then that many days on; "the Friday after
        # next": next Friday, a week on
        named = _next_weekday(b, p.weekdays[0], at, strictly_after_today=p.next_weekday)
        day = named.astimezone(b.zone).date() + timedelta(days=p.days_after)
        instant = to_instant(day, at, b.zone)
        b.note(f"read as {_day_label(instant, b.zone)}", 0)
        return instant
    if p.weekdays:
        instant = _next_weekday(b, p.weekdays[0], at, strictly_after_today=p.next_weekday)
        if p.next_weekday:
            b.note(f"“next {lx.DAY_LABELS[p.weekdays[0]]}” read as {_day_label(instant, b.zone)}")
        return instant
    instant = to_instant(today, at, b.zone)
    if instant <= b.now:
        b.notes.append("that time has passed today; the run is tomorrow")
        return to_instant(today + timedelta(days=1), at, b.zone)
    return instant


def _offset(b: _Builder) -> Built:
    p = b.p
    if p.offset_months > 12 * MAX_YEARS_AHEAD or p.offset_seconds > 366 * 86400 * MAX_YEARS_AHEAD:
        raise Rejected(f"that is more than {MAX_YEARS_AHEAD} years ahead")
    if _weekday_in_weeks(p):
        return _at(b, _weekday_weeks_on(b))
    if p.dates or p.weekdays or p.day_offset is not None:
        raise Rejected("the text names both a delay and a date")
    times = b.times()
    if times and (p.offset_months == 0 and p.offset_seconds % 86400):
        raise Rejected("“in N minutes/hours” already says when", "in 2 hours, or at 5pm")
    if not times and p.offset_months == 0 and p.offset_seconds % 86400:
        if p.offset_seconds < MIN_INTERVAL_SECONDS:
            raise Rejected(f"the shortest delay is {MIN_INTERVAL_SECONDS} second", "in 1 minute")
        return _at(b, ceil_seconds(b.now + timedelta(seconds=p.offset_seconds)))
    # Whole days, weeks, months: same wall-clock time (or the named time) that many days on.
    day = add_months(b.local_now.date(), p.offset_months) + timedelta(
        days=int(p.offset_seconds // 86400)
    )
    if times:
        at = _at_second(b, times[0])
    elif p.offset_from_day:
        at = b.default_time()
    else:
        at = b.local_now.time().replace(second=0, microsecond=0)
    if len(times) > 1:
        raise Rejected("a one-time schedule runs once")
    return _at(b, to_instant(day, at, b.zone))


def _days_once(p: Phrase) -> bool:
    """ "friday and saturday", "mon, wed": weekdays listed in the singular and nothing else —
    no "every", no time, no part of the day (a to-do app's quick add reads them as those
    days once each, Tasklog's and Todoist's way; "tuesdays and thursdays" repeats)."""
    return (
        p.day_list
        and len(p.weekdays) > 1
        and not (p.interval or p.times or p.part or p.monthdays or p.nth or p.dates or p.months)
        and not (p.descriptor or p.count or p.starting or p.until or p.has_offset or p.holiday)
        and not (p.day_offset is not None or p.next_weekday or p.next_week or p.this_week)
    )


def _each_day_once(b: _Builder) -> Built:
    """The next of each day named, once each: a weekly rule with as many runs as days."""
    p = b.p
    days = _week_order(p.weekdays)
    p.count = len(days)
    names = [lx.DAY_LABELS[d] for d in days]
    labels = ", ".join(names[:-1]) + " and " + names[-1]
    b.note(f"read as the next {labels}, once each (say “every …” for every week)", UNSURE_PENALTY)
    return _rrule(b, ["FREQ=WEEKLY", "BYDAY=" + ",".join(_RRULE_DAYS[d] for d in days)])


def _series_from_a_date(p: Phrase) -> bool:
    """One date and an interval of days or weeks with nothing else dating the runs: the date
    starts the series (a date can otherwise only repeat every year)."""
    return (
        len(p.dates) == 1
        and p.starting is None
        and p.interval is not None
        and p.interval[1] in ("day", "week")
        and not (p.weekdays or p.monthdays or p.nth or p.months or p.once or p.holiday)
        and not (p.years or p.first_weekday or p.quarter)
    )


def _series_from_a_day(p: Phrase) -> bool:
    """ "today" or "tomorrow" (a day counted from today) and an interval of weeks or months with
    nothing else dating the runs, nor a start: that day starts the series (a weekly one keeps its
    weekday). Not days: "every day at 9am today" says two things."""
    return (
        p.day_offset is not None
        and 0 <= p.day_offset <= 1
        and len(p.times) <= 1
        and p.starting is None
        and p.interval is not None
        and p.interval[1] in ("week", "month")  # ("every day at 9am today": two things)
        and not (p.weekdays or p.monthdays or p.nth or p.months or p.dates or p.once)
        and not (p.has_offset or p.instant is not None or p.next_weekday or p.next_week)
        and not (p.next_business_day or p.years or p.first_weekday or p.quarter or p.holiday)
    )


def _today_and_every(p: Phrase) -> bool:
    """ "today and every weekday", "today and every Monday at 9": today beside days of the week
    that repeat, with nothing else dating the runs."""
    return (
        p.day_offset == 0
        and len(p.times) <= 1
        and p.every
        and bool(p.weekdays)
        and p.starting is None
        and p.interval in (None, (1, "week"))
        and not (p.monthdays or p.nth or p.months or p.dates or p.once)
        and not (p.has_offset or p.instant is not None or p.next_weekday or p.next_week)
        and not (p.next_business_day or p.years or p.first_weekday or p.quarter or p.holiday)
    )


def _weekday_in_weeks(p: Phrase) -> bool:
    """ "Tuesday in 2 weeks", "in 3 weeks on Saturday": one weekday and whole weeks from now."""
    return (
        len(p.weekdays) == 1
        and p.single_day
        and not (p.dates or p.day_offset is not None or p.next_weekday or p.next_week)
        and not (p.this_week or p.offset_months or p.offset_from_day or p.days_after)
        and p.offset_seconds > 0
        and not p.offset_seconds % 604800
    )


def _weekday_weeks_on(b: _Builder) -> datetime:
    """That weekday in the week (Monday to Sunday) the weeks land in, as date parsers read it
    (the fdate crate, Things): from a Wednesday, "Tuesday in 2 weeks" is 13 days on. Weeks
    that start on Sunday put "Sunday in 2 weeks" a week earlier: it asks."""
    p = b.p
    weekday = p.weekdays[0]
    landed = b.local_now.date() + timedelta(days=int(p.offset_seconds // 86400))
    day = landed - timedelta(days=landed.weekday()) + timedelta(days=(weekday - 1) % 7)
    times = b.times()
    if len(times) > 1:
        raise Rejected("a one-time schedule runs once")
    at = times[0] if times else b.default_time()
    label = f"{lx.DAY_LABELS[weekday]} {day.day} {day:%B}"
    weeks = int(p.offset_seconds // 604800)
    if weekday == 0:
        b.note(
            f"read as {label}, in the week (Monday to Sunday) {weeks} week(s) on", UNSURE_PENALTY
        )
    else:
        b.note(f"read as {label}, in the week {weeks} week(s) on", 0)
    return to_instant(day, at, b.zone)


def ceil_seconds(instant: datetime) -> datetime:
    return instant.replace(microsecond=0) + (
        timedelta(seconds=1) if instant.microsecond else timedelta()
    )


def _at(b: _Builder, instant: datetime) -> Built:
    if instant <= b.now:
        local = instant.astimezone(b.zone)
        raise Rejected(
            f"{_day_label(instant, b.zone)} {local.year} at {local:%H:%M} is in the past"
        )
    return b.done({"type": "at", "datetime": iso_z(instant), "timezone": b.zone_name})


def _next_weekday(b: _Builder, weekday: int, at: time, *, strictly_after_today: bool) -> datetime:
    today = b.first_day
    ahead = (weekday - cron_weekday(today)) % 7
    if ahead == 0 and strictly_after_today:
        ahead = 7
    instant = to_instant(today + timedelta(days=ahead), at, b.zone)
    if instant <= b.now:
        instant = to_instant(today + timedelta(days=ahead + 7), at, b.zone)
    return instant


# -- small helpers ----------------------------------------------------------------------


def rare_day(p: Phrase) -> str | None:
    """What to ask about a repeating day that many of its months or years lack: "every month
    on the 31st" runs in seven months of twelve (cron skips the others, Outlook and Todoist
    take the last day), "every year on February 29" once in four years. None when every
    month (or year) the schedule names has the day; the 29th and 30th, which only February
    lacks, are read as said."""
    if not (p.every or p.interval is not None or p.of_month):
        return None
    if 31 in p.monthdays and not (p.weekdays or p.nth):
        short = [m for m in (p.months or range(1, 13)) if _MAX_DAYS[m] < 31]
        if short:
            return (
                "runs only in months with a 31st day (not in "
                + ", ".join(lx.MONTH_LABELS[m] for m in short)
                + "): say “the last day of the month” for every month"
            )
    leap_day = any((month, day) == (2, 29) for year, month, day in p.dates if year is None)
    if leap_day or (29 in p.monthdays and p.months == [2]):
        return "February 29 comes once in four years: runs only in leap years"
    return None


def _check_date(year: int | None, month: int, day: int) -> None:
    if year is not None and not 1 <= year <= 9999:
        raise Rejected(f"there is no year {year}")  # "0000-01-01": no calendar has it
    if not 1 <= month <= 12:
        raise Rejected(f"there is no month {month}")
    limit = days_in_month(year, month) if year is not None else _MAX_DAYS[month]
    if not 1 <= day <= limit:
        when = f"{lx.MONTH_LABELS[month]} {year}" if year is not None else lx.MONTH_LABELS[month]
        raise Rejected(
            f"{lx.MONTH_LABELS[month]} {day} does not exist ({when} has {limit} days)",
            f"{lx.MONTH_LABELS[month]} {limit}" if day > limit else None,
        )


def _day_label(instant: datetime, zone: ZoneInfo) -> str:
    return day_month(instant.astimezone(zone))


def _nth_field(nth: list[tuple[int, int]]) -> str:
    return ",".join(f"{day}L" if n < 0 else f"{day}#{n}" for n, day in nth)


def _weekday_field(days: list[int]) -> str:
    if not days:
        return "*"
    if set(days) == {0, 6}:
        return "6,0"  # reads "Saturday and Sunday"
    return _join(days)


def _month_field(months: list[int]) -> str:
    return _join(sorted(set(months))) if months else "*"


def _monthday_field(days: list[int]) -> str:
    if not days:
        return "*"
    if LAST_WEEKDAY in days:
        if len(days) > 1:
            raise Rejected("the last weekday of the month stands alone in a schedule")
        return "LW"
    numbers = sorted(d for d in set(days) if d > 0)
    return ",".join(([_join(numbers)] if numbers else []) + (["L"] if LAST_DAY in days else []))


def _join(values: list[int]) -> str:
    """ "1-5" for runs of three or more, "9,17" otherwise."""
    if len(values) == 1:
        return str(values[0])
    parts: list[str] = []
    run: list[int] = []
    for value in sorted(set(values)):
        if run and value != run[-1] + 1:
            parts.append(_run(run))
            run = []
        run.append(value)
    if run:
        parts.append(_run(run))
    return ",".join(parts)


def _run(run: list[int]) -> str:
    if len(run) >= 3:
        return f"{run[0]}-{run[-1]}"
    return ",".join(str(v) for v in run)


def _join_times(times: list[time]) -> str:
    return " and ".join(_spoken(t.hour, t.minute) for t in times)


def _duration(seconds: int) -> str:
    if seconds % 3600 == 0:
        return f"{seconds // 3600} hours"
    return f"{seconds // 60} minutes"


def _amount(seconds: int) -> str:
    """ "1 hour", "90 minutes": an amount of time as said."""
    hours, minutes = divmod(seconds // 60, 60)
    if not minutes:
        return f"{hours} hour{'s' * (hours != 1)}"
    return f"{seconds // 60} minute{'s' * (seconds != 60)}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


# How long ago a start date said without its year may have passed for it to be a series under
# way rather than one to come next year: a season's or a quarter's length
RECENT_START_DAYS: Final = 92


def start_passed_lately(month: int, day: int, *, today: date, start: date) -> bool:
    """Whether a start said as `month` and `day` without a year, read as `start` (next year's),
    passed this year within RECENT_START_DAYS of `today`: "every other Friday starting Jan 2"
    said on January 14 may count its weeks from this year's January 2."""
    year = start.year - 1  # the same day the year before the one read, most often this year's
    if start <= today or day > days_in_month(year, month):
        return False
    return 0 < (today - date(year, month, day)).days <= RECENT_START_DAYS
