"""The phrase corpus: what people type, and when it must fire.

Each phrase is parsed twice, against a winter and a summer reference time (both
Wednesdays at 10:00 UTC), and judged by the instants its schedule fires at — never by
the text of the cron expression. A schedule in the wrong zone passes neither window,
because London and UTC agree only in winter.

Expectations are written out by hand: cron expressions stand for their fire times;
one-time and interval schedules give the local wall time of their (first) run in each
window, as "YYYY-MM-DD HH:MM".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

WINTER_NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)  # a Wednesday
SUMMER_NOW = datetime(2026, 7, 15, 10, 0, tzinfo=UTC)  # a Wednesday

LA = "America/Los_Angeles"
NY = "America/New_York"
CHICAGO = "America/Chicago"
DENVER = "America/Denver"
LONDON = "Europe/London"
PARIS = "Europe/Paris"
BERLIN = "Europe/Berlin"
TOKYO = "Asia/Tokyo"
SYDNEY = "Australia/Sydney"


@dataclass(frozen=True)
class Cron:
    expression: str
    zone: str = "UTC"
    # Bounds as local wall times, per window: (winter, summer).
    start: tuple[str, str] | None = None
    end: tuple[str, str] | None = None


@dataclass(frozen=True)
class Every:
    interval: int
    first: tuple[str, str]  # local wall time of the first run: (winter, summer)
    zone: str = "UTC"


@dataclass(frozen=True)
class Once:
    at: tuple[str, str]  # local wall time: (winter, summer)
    zone: str = "UTC"


@dataclass(frozen=True)
class Reject:
    mentions: str = ""  # a word the reason must contain, lower case


Expectation = Cron | Every | Once | Reject


@dataclass(frozen=True)
class Case:
    text: str
    family: str
    expect: Expectation
    timezone: str = "UTC"  # the request's zone
    method: str | None = "regex"  # the stage that must answer (None: any)
    summer: Expectation | None = None  # when the summer window expects something else


def once(winter: str, summer: str | None = None, zone: str = "UTC") -> Once:
    return Once((winter, summer or winter), zone)


def every(interval: int, winter: str, summer: str, zone: str = "UTC") -> Every:
    return Every(interval, (winter, summer), zone)


CASES: list[Case] = []


@dataclass
class _Family:
    name: str
    timezone: str = "UTC"
    method: str | None = "regex"
    cases: list[Case] = field(default_factory=list)

    def add(
        self,
        text: str,
        expect: Expectation,
        *,
        timezone: str | None = None,
        method: str | None = "family",
        summer: Expectation | None = None,
    ) -> None:
        CASES.append(
            Case(
                text,
                self.name,
                expect,
                timezone or self.timezone,
                self.method if method == "family" else method,
                summer,
            )
        )


HOUR, DAY, WEEK = 3600, 86400, 7 * 86400

# -- intervals ---------------------------------------------------------------------------------
f = _Family("intervals")
f.add("every 15 minutes", Cron("*/15 * * * *"))
f.add("every 5 minutes", Cron("*/5 * * * *"))
f.add("every minute", Cron("* * * * *"))
f.add("every 1 minute", Cron("* * * * *"))
f.add("every 2 minutes", Cron("*/2 * * * *"))
f.add("every 10 mins", Cron("*/10 * * * *"))
f.add("every 30 minutes", Cron("0,30 * * * *"))
f.add("every half hour", Cron("*/30 * * * *"))
f.add("every quarter hour", Cron("0,15,30,45 * * * *"))
f.add("every 20 min", Cron("*/20 * * * *"))
f.add("every hour", Cron("0 * * * *"))
f.add("hourly", Cron("0 * * * *"))
f.add("every 1 hour", Cron("0 * * * *"))
f.add("every 60 minutes", Cron("0 * * * *"))
f.add("every 2 hours", Cron("0 */2 * * *"))
f.add("every 3 hours", Cron("0 0,3,6,9,12,15,18,21 * * *"))
f.add("every 4 hrs", Cron("0 */4 * * *"))
f.add("every 6 hours", Cron("0 */6 * * *"))
f.add("every 8 hours", Cron("0 0,8,16 * * *"))
f.add("every 12 hours", Cron("0 */12 * * *"))
f.add("every two hours", Cron("0 */2 * * *"))
f.add("every fifteen minutes", Cron("*/15 * * * *"))
f.add("every 120 minutes", Cron("0 */2 * * *"))
f.add("every hour at :30", Cron("30 * * * *"))
f.add("hourly at 15 past", Cron("15 * * * *"))
f.add("every hour on the hour", Cron("0 * * * *"))
f.add("at the top of every hour", Cron("0 * * * *"))
f.add("every day at half past 9", Cron("30 9 * * *"))
f.add("every day at quarter past 10", Cron("15 10 * * *"))
f.add("every morning at quarter to eight", Cron("45 7 * * *"))
f.add("every day at a quarter past 6pm", Cron("15 18 * * *"))
f.add("every day at 20 to noon", Cron("40 11 * * *"))
f.add("every day at quarter to midnight", Cron("45 23 * * *"))
f.add("every day at nine", Cron("0 9 * * *"))
f.add("every day at 18h30", Cron("30 18 * * *"))
f.add("every wednesday at 9.30", Cron("30 9 * * 3"))
f.add("every day at 17.45", Cron("45 17 * * *"))
f.add("every hour from 9 to 5 weekdays only", Cron("0 9-17 * * 1-5"))
f.add("every day at 5h30", Cron("30 5 * * *"))
f.add("alternate fridays at 3pm", every(1209600, "2026-01-16 15:00", "2026-07-17 15:00"))
f.add("M-F 9am", Cron("0 9 * * 1-5"))
f.add("Tue/Thu 2pm", Cron("0 14 * * 2,4"))
f.add("on the last business day of the month at 5pm", Cron("0 17 LW * *"))
f.add("beginning of every month at 8am", Cron("0 8 1 * *"))
f.add("start of each week at 9am", Cron("0 9 * * 1"))
f.add("every evening at six", Cron("0 18 * * *"))
f.add("every day at eight am", Cron("0 8 * * *"))
f.add("twice a day at 9am and 5pm", Cron("0 9,17 * * *"))
f.add("3 times a day at 8, 12 and 18", Cron("0 8,12,18 * * *"))
f.add("twice daily at 8am and 8pm", Cron("0 8,20 * * *"))
f.add("every hour at the top of the hour", Cron("0 * * * *"))
f.add("every hour at quarter past", Cron("15 * * * *"))
f.add("every hour on the half hour", Cron("30 * * * *"))
f.add("every 15 minutes on weekdays", Cron("*/15 * * * 1-5"))
f.add("hourly on weekends", Cron("0 * * * 0,6"))
f.add("every 45 minutes", every(2700, "2026-01-14 10:45", "2026-07-15 10:45"))
f.add("every 90 minutes", every(5400, "2026-01-14 11:30", "2026-07-15 11:30"))
f.add("every 7 minutes", every(420, "2026-01-14 10:07", "2026-07-15 10:07"))
f.add("every 5 hours", every(5 * HOUR, "2026-01-14 15:00", "2026-07-15 15:00"))
f.add("every 1.5 hours", every(5400, "2026-01-14 11:30", "2026-07-15 11:30"))
f.add("every 24 hours", every(DAY, "2026-01-15 10:00", "2026-07-16 10:00"))
f.add("every other day at 9am", every(2 * DAY, "2026-01-15 09:00", "2026-07-16 09:00"))
f.add("every other day at 6pm", every(2 * DAY, "2026-01-14 18:00", "2026-07-15 18:00"))
f.add("every 3 days at 8:30am", every(3 * DAY, "2026-01-15 08:30", "2026-07-16 08:30"))
f.add("every other day", every(2 * DAY, "2026-01-15 09:00", "2026-07-16 09:00"))
f.add(
    "every other day at 9am",
    every(2 * DAY, "2026-01-14 09:00", "2026-07-15 09:00", NY),
    timezone=NY,
)
f.add("every 2 weeks on monday at 10am", every(2 * WEEK, "2026-01-19 10:00", "2026-07-20 10:00"))
f.add("every other friday at 4pm", every(2 * WEEK, "2026-01-16 16:00", "2026-07-17 16:00"))
f.add("fortnightly on thursday at 11am", every(2 * WEEK, "2026-01-15 11:00", "2026-07-16 11:00"))
f.add("every fortnight on tuesday at 9am", every(2 * WEEK, "2026-01-20 09:00", "2026-07-21 09:00"))
f.add("every 10 minutes in december", Cron("*/10 * * 12 *"))

# -- daily at a time ---------------------------------------------------------------------------
f = _Family("daily")
f.add("daily at 6pm", Cron("0 18 * * *"))
f.add("every day at 18:30", Cron("30 18 * * *"))
f.add("every day at 6:30pm", Cron("30 18 * * *"))
f.add("every morning at 8", Cron("0 8 * * *"))
f.add("every morning at 7:30", Cron("30 7 * * *"))
f.add("every evening at 7", Cron("0 19 * * *"))
f.add("every afternoon at 3", Cron("0 15 * * *"))
f.add("every night at 11", Cron("0 23 * * *"))
f.add("every night at 2", Cron("0 2 * * *"))
f.add("nightly at 11pm", Cron("0 23 * * *"))
f.add("every day at noon", Cron("0 12 * * *"))
f.add("daily at midnight", Cron("0 0 * * *"))
f.add("every day at 12 noon", Cron("0 12 * * *"))
f.add("every day at midday", Cron("0 12 * * *"))
f.add("daily at 9", Cron("0 9 * * *"))
f.add("every day at 10:15", Cron("15 10 * * *"))
f.add("every day at 17:00", Cron("0 17 * * *"))
f.add("every day at 0:30", Cron("30 0 * * *"))
f.add("every day at 09:00", Cron("0 9 * * *"))
f.add("every day at 1700", Cron("0 17 * * *"))
f.add("at 9am every day", Cron("0 9 * * *"))
f.add("9am daily", Cron("0 9 * * *"))
f.add("daily 7am", Cron("0 7 * * *"))
f.add("every day at 9am and 5pm", Cron("0 9,17 * * *"))
f.add("every day at 9 and 17", Cron("0 9,17 * * *"))
f.add("daily at 8am, noon and 6pm", Cron("0 8,12,18 * * *"))
f.add("every day at 9:30am and 9:30pm", Cron("30 9,21 * * *"))
f.add("once a day at 10am", Cron("0 10 * * *"))
f.add("once daily at 4pm", Cron("0 16 * * *"))
f.add("every day", Cron("0 9 * * *"))
f.add("daily", Cron("0 9 * * *"))
f.add("every morning", Cron("0 9 * * *"))
f.add("every evening", Cron("0 19 * * *"))  # Todoist's evening
f.add("each day at 7 pm", Cron("0 19 * * *"))
f.add("every day at 9 a.m.", Cron("0 9 * * *"))
f.add("every day at 5pm", Cron("0 17 * * *"))
f.add("every day at 11:59pm", Cron("59 23 * * *"))
f.add("every day at 12am", Cron("0 0 * * *"))
f.add("every day at 12pm", Cron("0 12 * * *"))
f.add("every day at 7 in the morning", Cron("0 7 * * *"))
f.add("every day at 6 in the evening", Cron("0 18 * * *"))
f.add("every day at 9 o'clock", Cron("0 9 * * *"))
f.add("repeat every day at 9am", Cron("0 9 * * *"))

# -- weekdays and weekends ---------------------------------------------------------------------
f = _Family("weekdays")
f.add("every weekday at 9am", Cron("0 9 * * 1-5"))
f.add("weekdays at 9", Cron("0 9 * * MON-FRI"))
f.add("every weekday at 8:45am", Cron("45 8 * * 1-5"))
f.add("on weekdays at 6pm", Cron("0 18 * * 1-5"))
f.add("every weekday morning at 7", Cron("0 7 * * 1-5"))
f.add("weekday mornings at 8", Cron("0 8 * * 1-5"))
f.add("every business day at 9am", Cron("0 9 * * 1-5"))
f.add("mon-fri at 9am", Cron("0 9 * * 1-5"))
f.add("monday to friday at 10", Cron("0 10 * * 1-5"))
f.add("monday through friday at 4pm", Cron("0 16 * * 1-5"))
f.add("every weekend at 10am", Cron("0 10 * * 6"))  # Todoist: once a weekend (it asks)
f.add("weekends at noon", Cron("0 12 * * 6,0"))
f.add("on weekends at 9am", Cron("0 9 * * 0,6"))
f.add("saturdays and sundays at 8am", Cron("0 8 * * 0,6"))
f.add("every weekday", Cron("0 9 * * 1-5"))
f.add("every workday at 8", Cron("0 8 * * 1-5"))
f.add("every weekday at noon", Cron("0 12 * * 1-5"))
f.add("every weekday at 9am and 1pm", Cron("0 9,13 * * 1-5"))
f.add("sat-sun at 11am", Cron("0 11 * * 0,6"))
f.add("weekdays at 17:30", Cron("30 17 * * 1-5"))
f.add("every weekday except Friday at 4pm", Cron("0 16 * * 1-4"))
f.add("every day except weekends at 9am", Cron("0 9 * * 1-5"))
f.add("every day but Sunday at 10am", Cron("0 10 * * 1-6"))
f.add("daily at 6pm except saturday and sunday", Cron("0 18 * * 1-5"))
f.add("every weekday but not fridays at 9", Cron("0 9 * * 1-4"))

# -- named days and lists ----------------------------------------------------------------------
f = _Family("named days")
f.add("every monday at 9am", Cron("0 9 * * 1"))
f.add("every Monday and Thursday at 10:30", Cron("30 10 * * 1,4"))
f.add("Tue, Thu at 9", Cron("0 9 * * 2,4"))
f.add("mondays at 10am", Cron("0 10 * * 1"))
f.add("on fridays at 4pm", Cron("0 16 * * 5"))
f.add("every friday at 5pm", Cron("0 17 * * 5"))
f.add("every sunday at 8pm", Cron("0 20 * * 0"))
f.add("every mon, wed and fri at 7am", Cron("0 7 * * 1,3,5"))
f.add("every monday, wednesday, and friday at 6:30pm", Cron("30 18 * * 1,3,5"))
f.add("tuesdays and thursdays at 2pm", Cron("0 14 * * 2,4"))
f.add("every saturday at 10", Cron("0 10 * * 6"))
f.add("each wednesday at noon", Cron("0 12 * * 3"))
f.add("every thursday at 11:15am", Cron("15 11 * * 4"))
f.add("every monday", Cron("0 9 * * 1"))
f.add("weekly on monday at 9am", Cron("0 9 * * 1"))
f.add("every week on friday at 3pm", Cron("0 15 * * 5"))
f.add("once a week on sunday at 6pm", Cron("0 18 * * 0"))
f.add("every tue and thu at 9:30am", Cron("30 9 * * 2,4"))
f.add("every wed at 8am", Cron("0 8 * * 3"))
f.add("every fri at 17:00", Cron("0 17 * * 5"))
f.add("every monday in march at 9am", Cron("0 9 * 3 1"))
f.add("every sunday in december at noon", Cron("0 12 * 12 0"))
f.add("every thursday-saturday at 10am", Cron("0 10 * * 4-6"))
f.add("every friday and saturday at 11pm", Cron("0 23 * * 5,6"))
f.add("at 8am every tuesday", Cron("0 8 * * 2"))

# -- hour ranges -------------------------------------------------------------------------------
f = _Family("ranges")
f.add("every hour from 9 to 5 on weekdays", Cron("0 9-17 * * 1-5"))
f.add("every 30 minutes between 9am and 5pm", Cron("*/30 9-16 * * *"))
f.add("every hour from 9am to 5pm", Cron("0 9-17 * * *"))
f.add("hourly between 8am and 6pm", Cron("0 8-18 * * *"))
f.add("every 15 minutes from 9 to 5 on weekdays", Cron("*/15 9-16 * * 1-5"))
f.add("every 2 hours from 8am to 8pm", Cron("0 8,10,12,14,16,18,20 * * *"))
f.add("every hour between 10 and 4", Cron("0 10-16 * * *"))
f.add("every 30 minutes from 9:00 to 17:00", Cron("0,30 9-16 * * *"))
f.add("every hour 9am-5pm weekdays", Cron("0 9-17 * * 1-5"))
f.add("every 20 minutes during business hours", Cron("*/20 9-16 * * 1-5"))
f.add("hourly during business hours", Cron("0 9-17 * * 1-5"))
# every 3 hours around the clock in steps from 8:00; the start time is today's, and
# already past it only sets the steps, as a scheduler's start time does (see t8_windows)
f.add("every 3 hours starting at 8am", Cron("0 2,5,8,11,14,17,20,23 * * *"))
f.add("every 2 hours starting 9am", Cron("0 1-23/2 * * *"))
f.add("every 30 minutes starting at 9am", Cron("*/30 9-23 * * *"))
f.add("every hour starting at 10:15", Cron("15 10-23 * * *"))
f.add("every 30 minutes after 6pm", Cron("*/30 18-23 * * *"))
f.add("every hour after 9am", Cron("0 9-23 * * *"))
f.add("every 30 minutes until 5pm", Cron("*/30 0-16 * * *"))
f.add("every 2 hours in the evening from 6 to 10", Cron("0 18,20,22 * * *"))
f.add("every 30 minutes in the afternoon between 1 and 4", Cron("*/30 13-15 * * *"))
f.add("every hour during business hours on weekdays", Cron("0 9-17 * * 1-5"))
f.add("every 10 minutes between 1pm and 3pm", Cron("*/10 13-14 * * *"))
f.add("every hour from noon to 6pm", Cron("0 12-18 * * *"))
f.add("weekdays 9-5 every hour", Cron("0 9-17 * * 1-5"))
f.add("every 3 hours between 6am and 6pm", Cron("0 6,9,12,15,18 * * *"))
f.add("between 9am and 5pm every 15 minutes", Cron("*/15 9-16 * * *"))
f.add("every hour from 8 to 20", Cron("0 8-20 * * *"))
# whole hours through the night are a list of hours, every day
f.add("every hour from 5pm to 9am", Cron("0 0-9,17-23 * * *"))
f.add("every 5 minutes between 9 and 10am", Cron("*/5 9 * * *"))

# -- monthly -----------------------------------------------------------------------------------
f = _Family("monthly")
f.add("on the 1st of every month", Cron("0 9 1 * *"))
f.add("on the 1st of every month at 9am", Cron("0 9 1 * *"))
f.add("the 15th at noon", once("2026-01-15 12:00", "2026-07-15 12:00"))  # once (it asks)
f.add("on the 15th of each month at 10:30am", Cron("30 10 15 * *"))
f.add("monthly on the 1st at 8am", Cron("0 8 1 * *"))
f.add("every month on the 5th at 6pm", Cron("0 18 5 * *"))
f.add("last day of the month", Cron("0 9 L * *"))
f.add("on the last day of every month at 5pm", Cron("0 17 L * *"))
f.add("end of month at 6pm", Cron("0 18 L * *"))
f.add("first Monday of every month at 10", Cron("0 10 * * 1#1"))
f.add("the second tuesday of each month at 2pm", Cron("0 14 * * 2#2"))
f.add("last friday of the month at 4pm", Cron("0 16 * * 5L"))
f.add("every first monday of the month at 9am", Cron("0 9 * * 1#1"))
f.add("third wednesday of every month at 11am", Cron("0 11 * * 3#3"))
f.add("on the 1st and 15th of every month at 9am", Cron("0 9 1,15 * *"))
f.add("every month on the 1st and 15th at noon", Cron("0 12 1,15 * *"))
f.add("every quarter", Cron("0 9 1 1,4,7,10 *"))
f.add("quarterly on the 15th at 9am", Cron("0 9 15 1,4,7,10 *"))
f.add("every quarter on the 1st at 8am", Cron("0 8 1 1,4,7,10 *"))
f.add("every 3 months on the 15th at 11am", Cron("0 11 15 1,4,7,10 *"))
f.add("every 2 months on the 1st at 9am", Cron("0 9 1 2,4,6,8,10,12 *"))
f.add("every 6 months on the 10th at noon", Cron("0 12 10 2,8 *"))
f.add("on the 31st of every month at 9am", Cron("0 9 31 * *"))
f.add("every month on the last day at 11pm", Cron("0 23 L * *"))
f.add("the 1st of the month at 7am", Cron("0 7 1 * *"))
f.add("monthly on the 28th at 3pm", Cron("0 15 28 * *"))
f.add("last weekday of the month at 5pm", Cron("0 17 LW * *"))
f.add("every last weekday of the month at 5pm", Cron("0 17 LW * *"))
f.add("last day of each quarter", Cron("0 9 L 3,6,9,12 *"))
f.add("last friday of each quarter at 4pm", Cron("0 16 * 3,6,9,12 5L"))
f.add("twice a month on the 1st and 15th", Cron("0 9 1,15 * *"))
f.add("twice a year on jan 1 and jul 1", Cron("0 9 1 1,7 *"))
f.add("every last friday of the month at 4pm", Cron("0 16 * * 5L"))
f.add("first friday of each month at 8am", Cron("0 8 * * 5#1"))
f.add("every 2nd and 4th thursday at 2pm", Cron("0 14 * * 4#2,4#4"))
f.add("first and third monday of the month at 10am", Cron("0 10 * * 1#1,1#3"))
f.add("on the 10th at 9am", once("2026-02-10 09:00", "2026-08-10 09:00"))  # once (it asks)
f.add("every 2nd tuesday of the month at 6pm", Cron("0 18 * * 2#2"))

# -- yearly ------------------------------------------------------------------------------------
f = _Family("yearly")
f.add("every year on March 3", Cron("0 9 3 3 *"))
f.add("every year on March 3 at 10am", Cron("0 10 3 3 *"))
f.add("annually on 1 Jan", Cron("0 9 1 1 *"))
f.add("annually on Jan 1 at midnight", Cron("0 0 1 1 *"))
f.add("every March 3rd at 9am", Cron("0 9 3 3 *"))
f.add("yearly on december 25 at 8am", Cron("0 8 25 12 *"))
f.add("every year on the 4th of july at noon", Cron("0 12 4 7 *"))
f.add("every year on feb 29", Cron("0 9 29 2 *"))
f.add("every year on 15 august at 6pm", Cron("0 18 15 8 *"))
f.add("once a year on june 1 at 9am", Cron("0 9 1 6 *"))
f.add("every april 15 at 5pm", Cron("0 17 15 4 *"))
f.add("every year on oct 31 at 8pm", Cron("0 20 31 10 *"))
f.add("annually on the 1st of march at 10am", Cron("0 10 1 3 *"))
f.add("every year on jan 15th and jul 15th at noon", Cron("0 12 15 1,7 *"))

# -- one-time, relative ------------------------------------------------------------------------
f = _Family("relative")
f.add("in 20 minutes", once("2026-01-14 10:20", "2026-07-15 10:20"))
f.add("in 2 hours", once("2026-01-14 12:00", "2026-07-15 12:00"))
f.add("in an hour", once("2026-01-14 11:00", "2026-07-15 11:00"))
f.add("in half an hour", once("2026-01-14 10:30", "2026-07-15 10:30"))
f.add("in 90 minutes", once("2026-01-14 11:30", "2026-07-15 11:30"))
f.add("in 1 hour and 30 minutes", once("2026-01-14 11:30", "2026-07-15 11:30"))
f.add("in an hour and a half", once("2026-01-14 11:30", "2026-07-15 11:30"))
f.add("in 3 days", once("2026-01-17 10:00", "2026-07-18 10:00"))
f.add("in a week", once("2026-01-21 10:00", "2026-07-22 10:00"))
f.add("in 2 weeks", once("2026-01-28 10:00", "2026-07-29 10:00"))
f.add("in a fortnight", once("2026-01-28 10:00", "2026-07-29 10:00"))
f.add("in 5 mins", once("2026-01-14 10:05", "2026-07-15 10:05"))
f.add("in ten minutes", once("2026-01-14 10:10", "2026-07-15 10:10"))
f.add("20 minutes from now", once("2026-01-14 10:20", "2026-07-15 10:20"))
f.add("2 hours from now", once("2026-01-14 12:00", "2026-07-15 12:00"))
f.add("tomorrow at 3pm", once("2026-01-15 15:00", "2026-07-16 15:00"))
f.add("tomorrow at noon", once("2026-01-15 12:00", "2026-07-16 12:00"))
f.add("tmrw at 9am", once("2026-01-15 09:00", "2026-07-16 09:00"))
f.add("tomorrow morning", once("2026-01-15 09:00", "2026-07-16 09:00"))
f.add("tomorrow morning at 7", once("2026-01-15 07:00", "2026-07-16 07:00"))
f.add("tomorrow evening at 8", once("2026-01-15 20:00", "2026-07-16 20:00"))
f.add("tomorrow at 18:00", once("2026-01-15 18:00", "2026-07-16 18:00"))
f.add("today at 5pm", once("2026-01-14 17:00", "2026-07-15 17:00"))
f.add("tonight at 8", once("2026-01-14 20:00", "2026-07-15 20:00"))
f.add("tonight at 11pm", once("2026-01-14 23:00", "2026-07-15 23:00"))
f.add("this evening at 6", once("2026-01-14 18:00", "2026-07-15 18:00"))
f.add("at 3pm", once("2026-01-14 15:00", "2026-07-15 15:00"))
f.add("at 9am", once("2026-01-15 09:00", "2026-07-16 09:00"))
f.add("next Friday at 9", once("2026-01-16 09:00", "2026-07-17 09:00"))
f.add("next monday at 10am", once("2026-01-19 10:00", "2026-07-20 10:00"))
f.add("on friday at 5pm", once("2026-01-16 17:00", "2026-07-17 17:00"))
f.add("friday 3pm", once("2026-01-16 15:00", "2026-07-17 15:00"))
f.add("wednesday at 3pm", once("2026-01-14 15:00", "2026-07-15 15:00"))
f.add("wednesday at 9am", once("2026-01-21 09:00", "2026-07-22 09:00"))
f.add("next wednesday at 3pm", once("2026-01-21 15:00", "2026-07-22 15:00"))
f.add("the day after tomorrow at 10am", once("2026-01-16 10:00", "2026-07-17 10:00"))
f.add("in 3 days at 9am", once("2026-01-17 09:00", "2026-07-18 09:00"))
f.add("in 2 months", once("2026-03-14 10:00", "2026-09-15 10:00"))
f.add("at midnight", once("2026-01-15 00:00", "2026-07-16 00:00"))
f.add("a week from today", once("2026-01-21 09:00", "2026-07-22 09:00"))  # a day: 9am
f.add("a week from tomorrow", once("2026-01-22 09:00", "2026-07-23 09:00"))
f.add("10 days from today at noon", once("2026-01-24 12:00", "2026-07-25 12:00"))
f.add("2 weeks from tomorrow at 9am", once("2026-01-29 09:00", "2026-07-30 09:00"))
f.add("an hour from now", once("2026-01-14 11:00", "2026-07-15 11:00"))
f.add("this coming friday at 10am", once("2026-01-16 10:00", "2026-07-17 10:00"))
f.add("noon tomorrow", once("2026-01-15 12:00", "2026-07-16 12:00"))
f.add("in 36 hours", once("2026-01-15 22:00", "2026-07-16 22:00"))
f.add("tonight at midnight", once("2026-01-15 00:00", "2026-07-16 00:00"))
f.add("sat 10am", once("2026-01-17 10:00", "2026-07-18 10:00"))
f.add("this friday at noon", once("2026-01-16 12:00", "2026-07-17 12:00"))
f.add(
    "tomorrow at 9am",
    once("2026-01-15 09:00", "2026-07-16 09:00", NY),
    timezone=NY,
)
f.add("at 8am", once("2026-01-14 08:00", "2026-07-15 08:00", LA), timezone=LA)
f.add("in 2 hours", once("2026-01-14 21:00", "2026-07-15 21:00", TOKYO), timezone=TOKYO)

# -- one-time, absolute ------------------------------------------------------------------------
f = _Family("absolute")
f.add("on March 3 at 5pm", once("2026-03-03 17:00", "2027-03-03 17:00"))
f.add("2026-12-01 09:00", once("2026-12-01 09:00"))
f.add("2026-12-01T09:00:00Z", once("2026-12-01 09:00"))
f.add("2026-12-01T09:00:00-05:00", once("2026-12-01 14:00"))
f.add("on dec 25 at 8am", once("2026-12-25 08:00"))
f.add("december 25th at 8am", once("2026-12-25 08:00"))
f.add("25 december at 8am", once("2026-12-25 08:00"))
f.add("on the 4th of july at noon", once("2026-07-04 12:00", "2027-07-04 12:00"))
f.add("christmas at 8am", once("2026-12-25 08:00"))
f.add("christmas eve at 6pm", once("2026-12-24 18:00"))
f.add("new year's day at noon", once("2027-01-01 12:00"))
f.add("every year on christmas at 8am", Cron("0 8 25 12 *"))
f.add("every new year's eve at 11pm", Cron("0 23 31 12 *"))
f.add("jan 1 2027 at 00:00", once("2027-01-01 00:00"))
f.add("1 jan 2027 8:00", once("2027-01-01 08:00"))
f.add("March 3rd, 2027 at 5pm", once("2027-03-03 17:00"))
f.add("on 2027-03-03 at 17:30", once("2027-03-03 17:30"))
f.add("on nov 5 at 6:30pm", once("2026-11-05 18:30"))
f.add("thursday the 15th at 4pm", once("2026-01-15 16:00", "2026-10-15 16:00"))
f.add("on feb 28 at 9am", once("2026-02-28 09:00", "2027-02-28 09:00"))
f.add("feb 29 at 9am", once("2028-02-29 09:00"))
f.add("12/25 at 9am", once("2026-12-25 09:00"))
f.add("25/12/2026 at 9am", once("2026-12-25 09:00"))
f.add("on march 3 2027", once("2027-03-03 09:00"))
f.add("on 3/3 at 10am", once("2026-03-03 10:00", "2027-03-03 10:00"))
f.add("2026-04-01 09:00", once("2026-04-01 09:00"), summer=Reject("past"))
f.add("on september 1 at 9:15am", once("2026-09-01 09:15"))
f.add("tuesday, march 3 at 9am", once("2026-03-03 09:00"), summer=Reject("is a wednesday"))
f.add("thursday tomorrow at noon", once("2026-01-15 12:00", "2026-07-16 12:00"))
f.add(
    "wednesday, march 3 at 9am",
    Reject("is a tuesday, not a wednesday"),
    summer=once("2027-03-03 09:00"),
)
f.add("wednesday tomorrow at noon", Reject("is a thursday, not a wednesday"))
f.add("friday the 13th at 9am", once("2026-02-13 09:00", "2026-11-13 09:00"))
f.add("oct 10 at noon", once("2026-10-10 12:00"))
f.add("on 2026-10-25 at 01:30", once("2026-10-25 01:30", zone=LONDON), timezone=LONDON)
f.add(
    "on 2026-03-08 at 2:30am",
    once("2026-03-08 03:00", zone=NY),
    timezone=NY,
    summer=Reject("past"),
)

# -- time zones named in the text --------------------------------------------------------------
f = _Family("zones")
f.add("every weekday at 9am Pacific", Cron("0 9 * * 1-5", LA))
f.add("every day at 9am Berlin", Cron("0 9 * * *", zone="Europe/Berlin"))
f.add("every day at 9am Toronto", Cron("0 9 * * *", zone="America/Toronto"))
f.add("every day at 9am local time", Cron("0 9 * * *"))
f.add("every day at 9am PST", Cron("0 9 * * *", LA))
f.add("every day at 9am PDT", Cron("0 9 * * *", LA))
f.add("daily at 8am Eastern", Cron("0 8 * * *", NY))
f.add("daily at 8am ET", Cron("0 8 * * *", NY))
f.add("every day at 10am EST", Cron("0 10 * * *", NY))
f.add("every day at 10am central time", Cron("0 10 * * *", CHICAGO))
f.add("every day at 7am mountain", Cron("0 7 * * *", DENVER))
f.add("every day at 9am London time", Cron("0 9 * * *", LONDON))
f.add("every day at 9am UK time", Cron("0 9 * * *", LONDON))
f.add("every day at 9am Tokyo time", Cron("0 9 * * *", TOKYO))
f.add("every day at 9am JST", Cron("0 9 * * *", TOKYO))
f.add("every day at 9am CET", Cron("0 9 * * *", PARIS))
f.add("every day at 9am CEST", Cron("0 9 * * *", PARIS))
f.add("daily at 6pm UTC", Cron("0 18 * * *"), timezone=NY)
f.add("every day at noon GMT", Cron("0 12 * * *"), timezone=LA)
f.add("every monday at 9am Europe/Berlin", Cron("0 9 * * 1", BERLIN))
f.add("every monday at 9am america/new_york", Cron("0 9 * * 1", NY))
f.add("every day at 9am in new york", Cron("0 9 * * *", NY))
f.add("every day at 9am in London", Cron("0 9 * * *", LONDON))
f.add("every day at 9am New York time", Cron("0 9 * * *", NY))
f.add("every day at 9am Sydney time", Cron("0 9 * * *", SYDNEY))
f.add("every day at 9am AEST", Cron("0 9 * * *", SYDNEY))
f.add("every day at 9am Pacific Standard Time", Cron("0 9 * * *", LA))
f.add("every day at 9am central european time", Cron("0 9 * * *", PARIS))
f.add("every day at 9am utc+2", Cron("0 9 * * *", "Etc/GMT-2"))
f.add("every day at 17:00 Berlin time", Cron("0 17 * * *", BERLIN))
f.add("tomorrow at 9am Pacific", once("2026-01-15 09:00", "2026-07-16 09:00", LA))
f.add("in 2 hours Tokyo time", once("2026-01-14 21:00", "2026-07-15 21:00", TOKYO))
f.add("every hour from 9 to 5 on weekdays Eastern", Cron("0 9-17 * * 1-5", NY))
f.add("every day at 9am", Cron("0 9 * * *", LONDON), timezone=LONDON)
f.add("every day at 9am", Cron("0 9 * * *", LA), timezone=LA)
f.add("first monday of every month at 10am eastern", Cron("0 10 * * 1#1", NY))
f.add("every day at 9am Hawaii time", Cron("0 9 * * *", "Pacific/Honolulu"))
f.add("every day at 9am Arizona time", Cron("0 9 * * *", "America/Phoenix"))
f.add("every day at 8am BST", Cron("0 8 * * *", LONDON))
f.add("every day at 9am in Paris", Cron("0 9 * * *", PARIS))
f.add("at 9am every weekday (Pacific)", Cron("0 9 * * 1-5", LA))

# -- abbreviations and misspellings ------------------------------------------------------------
f = _Family("spelling")
f.add("tomorow at 10am", once("2026-01-15 10:00", "2026-07-16 10:00"))
f.add("tommorow at 2pm", once("2026-01-15 14:00", "2026-07-16 14:00"))
f.add("wkdays at 9am", Cron("0 9 * * 1-5"))
f.add("evry day at 9am", Cron("0 9 * * *"))
f.add("everyday at 7am", Cron("0 7 * * *"))
f.add("every wkday at 8am", Cron("0 8 * * 1-5"))
f.add("mon-fri 9am", Cron("0 9 * * 1-5"))
f.add("every thurs at 4pm", Cron("0 16 * * 4"))
f.add("every tues at 10am", Cron("0 10 * * 2"))
f.add("every weds at 11am", Cron("0 11 * * 3"))
f.add("every 15 mins", Cron("*/15 * * * *"))
f.add("every 2 hrs", Cron("0 */2 * * *"))
f.add("every sept 1st at 9am", Cron("0 9 1 9 *"))
f.add("mon, wed, fri @ 8am", Cron("0 8 * * 1,3,5"))
f.add("tmr 9am", once("2026-01-15 09:00", "2026-07-16 09:00"))
f.add("wknds at 10am", Cron("0 10 * * 0,6"))
f.add("every 15m", Cron("*/15 * * * *"))
f.add("every 2h", Cron("0 */2 * * *"))
f.add("every day @ 9am", Cron("0 9 * * *"))
f.add("9a daily", Cron("0 9 * * *"))
f.add("every week day at 9am", Cron("0 9 * * 1-5"))
f.add("every weekday at 5p", Cron("0 17 * * 1-5"))
f.add("EVERY MONDAY AT 9AM", Cron("0 9 * * 1"))
f.add("every  monday   at 9am.", Cron("0 9 * * 1"))
f.add("Every Monday at 9 AM!", Cron("0 9 * * 1"))

# -- raw cron and macros -----------------------------------------------------------------------
f = _Family("cron")
f.add("0 9 * * 1-5", Cron("0 9 * * 1-5"))
f.add("*/15 * * * *", Cron("*/15 * * * *"))
f.add("30 18 * * *", Cron("30 18 * * *"))
f.add("0 0 1 * *", Cron("0 0 1 * *"))
f.add("0 9 * * MON-FRI", Cron("0 9 * * 1-5"))
f.add("0 9 * * mon-fri", Cron("0 9 * * 1-5"))
f.add("0 12 * * 1#1", Cron("0 12 * * 1#1"))
f.add("0 9 L * *", Cron("0 9 L * *"))
f.add("@daily", Cron("0 0 * * *"))
f.add("@hourly", Cron("0 * * * *"))
f.add("@weekly", Cron("0 0 * * 0"))
f.add("@monthly", Cron("0 0 1 * *"))
f.add("@yearly", Cron("0 0 1 1 *"))
f.add("@annually", Cron("0 0 1 1 *"))
f.add("0 9 * * 1-5 America/New_York", Cron("0 9 * * 1-5", NY))
f.add("@daily Europe/London", Cron("0 0 * * *", LONDON))
f.add("CRON_TZ=Asia/Tokyo 30 8 * * *", Cron("30 8 * * *", TOKYO))
f.add("0 9 ? * MON", Cron("0 9 * * 1"))
f.add("0 9 * * 1-5", Cron("0 9 * * 1-5", LA), timezone=LA)
f.add("0 0 9 * * 1-5", Cron("0 9 * * 1-5"))  # a seconds field of 0 (Azure, Spring)
f.add("0 0 12 * * ?", Cron("0 12 * * *"))  # Quartz
f.add("0 15 10 ? * MON-FRI", Cron("15 10 * * 1-5"))
f.add("0 0 12 * * ? *", Cron("0 12 * * *"))  # Quartz, with any year
f.add("0 15 10 ? * 2-6", Reject("numbers the days"))
f.add("*/30 * * * * *", Reject("whole minutes"))
f.add("0 0 12 * * ? 2027", Reject("years field"))
f.add("@quarterly", Cron("0 0 1 */3 *"))
f.add("61 * * * *", Reject("not a valid"))
f.add("@reboot", Reject("reboot"))
f.add("0 9 30 2 *", Reject("not a valid"))

# -- start and end bounds ----------------------------------------------------------------------
f = _Family("bounds")
f.add(
    "every day at 9am for 3 days",
    Cron("0 9 * * *", end=("2026-01-16 23:59:59", "2026-07-17 23:59:59")),
)
f.add(
    "every day at noon starting tomorrow",
    Cron("0 12 * * *", start=("2026-01-15 00:00", "2026-07-16 00:00")),
)
f.add(
    "every monday starting march 2 at 9am",
    Cron("0 9 * * 1", start=("2026-03-02 00:00", "2027-03-02 00:00")),
)
f.add(
    "every day at 8am for 2 weeks",
    Cron("0 8 * * *", end=("2026-01-27 23:59:59", "2026-07-28 23:59:59")),
)
f.add(
    "every monday at 9am starting next week",
    Cron("0 9 * * 1", start=("2026-01-19 00:00", "2026-07-20 00:00")),
)
f.add(
    "every day at 10am for the next 5 days",
    Cron("0 10 * * *", end=("2026-01-18 23:59:59", "2026-07-19 23:59:59")),
)
f.add(
    "every 2 hours starting next monday",
    Cron("0 */2 * * *", start=("2026-01-19 00:00", "2026-07-20 00:00")),
)
f.add(
    "every 3 days starting monday at 7am",
    every(3 * DAY, "2026-01-19 07:00", "2026-07-20 07:00"),
)
f.add(
    "daily from jan 20 at 8am",
    Cron("0 8 * * *", start=("2026-01-20 00:00", "2027-01-20 00:00")),
)
f.add(
    "every day at 10am through friday",
    Cron("0 10 * * *", end=("2026-01-16 23:59:59", "2026-07-17 23:59:59")),
)
f.add(
    "every weekday at 9am until friday",
    Cron("0 9 * * 1-5", end=("2026-01-16 23:59:59", "2026-07-17 23:59:59")),
)
f.add(
    "every day at 9am ending march 1",
    Cron("0 9 * * *", end=("2026-03-01 23:59:59", "2027-03-01 23:59:59")),
)
f.add(
    "every day at 9am ending december 1",
    Cron("0 9 * * *", end=("2026-12-01 23:59:59", "2026-12-01 23:59:59")),
)
f.add(
    "daily at 9am starting monday ending friday",
    Cron(
        "0 9 * * *",
        start=("2026-01-19 00:00", "2026-07-20 00:00"),
        end=("2026-01-23 23:59:59", "2026-07-24 23:59:59"),
    ),
)
f.add(
    "every 2 weeks starting monday at 10am",
    every(1209600, "2026-01-19 10:00", "2026-07-20 10:00"),
)
f.add("every day starting at noon", Cron("0 12 * * *"))
f.add(
    "every day at 6pm until tomorrow",
    Cron("0 18 * * *", end=("2026-01-15 23:59:59", "2026-07-16 23:59:59")),
)

# -- phrases the grammar leaves to dateparser ------------------------------------
f = _Family("fallback", method=None)
f.add("15-12-2026 10:00", once("2026-12-15 10:00"), method="dateparser")
# (the grammar reads a dotted day.month.year since round six)
f.add("15.12.2026 10:00", once("2026-12-15 10:00"), method="regex")
# (the grammar reads "… of next month" since round six)
f.add(
    "on the 5th of next month at 9am",
    once("2026-02-05 09:00", "2026-08-05 09:00"),
    method="regex",
)
f.add(
    "the 15th of next month at noon",
    once("2026-02-15 12:00", "2026-08-15 12:00"),
    method="regex",
)
f.add("the 1st tuesday in every month at 9am", Cron("0 9 * * 2#1"), method="regex")
f.add("every month on day 15 at 10:00", Cron("0 10 15 * *"))
f.add(
    "every weekday at 9am until the end of the year",
    Cron("0 9 * * 1-5", end=("2026-12-31 23:59:59", "2026-12-31 23:59:59")),
)
f.add(
    "every monday starting on march 2 at 9am",
    Cron("0 9 * * 1", start=("2026-03-02 00:00", "2027-03-02 00:00")),
)

# -- the 24-hour clock ------------------------------------------------------------------------
# H:MM without am/pm is how the 24-hour clock writes a time: 07:30, not 7:30pm (in a zone whose
# country writes the 12-hour clock the answer asks, but the reading is the same)
f = _Family("24-hour clock")
f.add("at 5:30", once("2026-01-15 05:30", "2026-07-16 05:30"))
f.add("every monday at 6:30", Cron("30 6 * * 1"))
f.add("daily at 7:30", Cron("30 7 * * *", LONDON), timezone=LONDON)
f.add("weekdays at 4:45", Cron("45 4 * * 1-5", BERLIN), timezone=BERLIN)
f.add("every day at 7:30", Cron("30 7 * * *", NY), timezone=NY)
f.add("at 00:00 AM, only on Sunday", Cron("0 0 * * 0"))
f.add("every day at 0:30 am", Cron("30 0 * * *"))
f.add("every day at 07:30:00", Cron("30 7 * * *"))

# -- refused -----------------------------------------------------------------------------------
f = _Family("rejects", method=None)
for text, word in [
    ("at 5", "pm"),
    ("every day at 3", "pm"),
    ("tomorrow at 7", "pm"),
    ("every month", "which day"),
    ("monthly", "which day"),
    ("every week", "which day"),
    ("weekly", "which day"),
    ("every 2 weeks", "which day"),
    ("feb 30", "does not exist"),
    ("on february 30 at 9am", "does not exist"),
    ("every year on feb 30", "does not exist"),
    ("april 31 at noon", "does not exist"),
    ("on the 32nd of every month", "no month"),
    ("2027-02-29 09:00", "does not exist"),
    ("hello world", ""),
    ("pay rent", ""),
    ("banana", ""),
    ("asdf qwerty", ""),
    ("the quick brown fox", ""),
    ("remind me", ""),
    ("", "empty"),
    ("   ", "empty"),
    ("twice a day", "times"),
    ("3 times a day at 9am", "times"),
    ("every day at five", "pm"),
    ("3 times a week", "times"),
    ("every few minutes", "vague"),
    ("every few days", "vague"),
    ("every day except christmas", "days of the week"),
    # in UTC the zone names no country whose holidays to skip: asked, not guessed
    ("every day at 9am except weekends and holidays", "which country"),
    ("every weekday in summer", "months"),
    ("every hour in the morning", "which hours"),
    ("3 times a year", "times"),
    ("every hour during the day", ""),
    ("every monday except mondays", "no day"),
    ("next week", "which day"),
    ("next month", "which day"),
    ("yesterday at 5pm", "past"),
    ("3 days ago", "past"),
    ("on jan 5 2020 at 9am", "past"),
    ("tomorrow at midnight", "midnight"),
    ("every day at 9am IST", "ambiguous"),
    ("every day at 9am Europe/Atlantis", "unknown time zone"),
    ("every hour from 10pm to 2am on weekdays", "overnight"),
    ("every 2nd tuesday", "could mean"),
    ("every 45 minutes on weekdays", "cron cannot"),
    ("every Friday and the 13th at 9:30 and 17:00", "different minutes"),
    ("at 25:00", "not a time"),
    ("at 13pm", "not a time"),
    ("every day at 9am and tomorrow", "mixes"),
    ("every 0 minutes", "more than zero"),
    ("first monday", "which month"),
    ("last friday", "past"),
    ("every 1.5 days", "every 1.5 days"),
    ("in 2 hours at 5pm", "already says when"),
    ("every hour at 9am", "interval"),
    ("tomorrow at 9am until friday", "repeating"),
    ("every day at 9am PST and 10am EST", "two time zones"),
    ("13/14/15", "not a date"),
    ("12/13/14", "past"),
    ("in 9999 years", "years ahead"),
    ("every 9999 days", "longest interval"),
    ("2026-02-30T10:00:00Z", "not a valid timestamp"),
    ("every day at 9am utc+15", "unknown time zone"),
]:
    f.add(text, Reject(word))
