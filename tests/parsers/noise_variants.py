"""Round ten (noise10): the noise around a schedule, which a person or a web page adds without
changing when anything runs — for the metamorphic check (tests/parsers/variants.py).

Real listings wrap a schedule in words about something else: a place ("…, at the Community
Center", "in Room 204", "on Third Street", "at June Hall"), an aside ("(weather permitting)",
"— all welcome"), a label or a bullet ("Book club: …", "WHEN: …", "• …", columns split by
tabs), trailing "..", "!!" or an emoji, days and times written the terse way listings write
them ("M/W/F", "TuTh", "Mon–Fri", "7:30p", "seven-thirty pm"), the time or the day said twice,
and names with schedule words in them ("Monday Club", "Daily Bread pantry", "the 5th Avenue
group"). Each kind is a small pure function `text -> text | None`, like variants.py's; the
place and name words are chosen to look like schedule words (a month, a zone, an ordinal, a
number) because those are the ones a parser may take for time.

Not rewritten: "(except holidays)" — a scheduler that skips holidays runs at other times.
"""

from __future__ import annotations

import re
from collections.abc import Callable

Rewrite = Callable[[str], str | None]


# variants.py reads times, days and code for both modules and imports this one: its readers are
# looked up when a rewrite runs, not when the module loads
# cron-descriptor's and systemd's wordings (variants.py's _DESCRIPTOR and _CONVENTION)
_DESCRIPTOR = re.compile(r"^At \d{1,2}:\d\d(?: [AP]M)?\b|, at \d\d:\d\d [AP]M\b|\b0\d:\d\d [AP]M\b")
_CONVENTION = re.compile(
    r"^\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,\s+(?:\d\d:\d\d|[a-z-]+ [ap]m)"
    r"|at\s+\d{1,2}:\d\d(?:\s+[a-z]{2,4})?\s+on\s+[a-z]+\.?\s*$)",
    re.IGNORECASE,
)


def clocks(text: str) -> list:  # list[variants.Clock]
    from tests.parsers.variants import clocks as read

    return read(text)


def day_words(text: str) -> list:  # list[variants.DayWord]
    from tests.parsers.variants import day_words as read

    return read(text)


def looks_like_code(text: str) -> bool:
    from tests.parsers.variants import looks_like_code as read

    return read(text)


# a bot command, a cron line or markup: its text is not free to take words around it
_COMMAND = re.compile(r"^\s*[/!.>@]|^\s*\w+!|\b\w+\s*:\s*[\"'`]")
# the end a sentence closes with, kept after what is added
_CLOSE = re.compile(r"[\s.!?]*$")


def _free(text: str) -> bool:
    """Whether words may be put around `text`: not code or a bot's command, nor another tool's
    exact wording ("At 02:15 PM" is cron-descriptor's daily only as the whole text)."""
    return (
        bool(text.strip())
        and not looks_like_code(text)
        and not _COMMAND.search(text)
        and not _DESCRIPTOR.search(text)
        and not _CONVENTION.match(text)
    )


def _body_and_close(text: str) -> tuple[str, str]:
    match = _CLOSE.search(text.rstrip())
    assert match is not None
    start = match.start()
    if text[start : start + 1] == "." and re.search(r"\b[ap]\.m$", text[:start], re.IGNORECASE):
        start += 1  # "at 6 p.m.": the full stop is the time's
    body = text.rstrip()[:start]
    return body, text.rstrip()[start:].strip()


def appended(words: str) -> Rewrite:
    """`words` added at the end, before the closing "." / "?" / "!": "…, at the Library."."""

    def rewrite(text: str) -> str | None:
        if not _free(text):
            return None
        body, close = _body_and_close(text)
        return f"{body}{words}{close}" if body else None

    return rewrite


def prefixed(words: str) -> Rewrite:
    """`words` put before the text: a label, a bullet, a name."""

    def rewrite(text: str) -> str | None:
        if not _free(text):
            return None
        if words.rstrip().endswith(":") and re.match(r"^[\w ]{1,20}:", text):
            return None  # one label is enough
        return words + text.lstrip()

    return rewrite


def after_the_time(words: str) -> Rewrite:
    """`words` put right after the last time of day: "every Monday at 7pm in Room 204 …"."""

    def rewrite(text: str) -> str | None:
        if not _free(text):
            return None
        found = clocks(text)
        if not found:
            return None
        end = found[-1].span[1]
        if text[end - 1] == "." and not re.search(r"[ap]\.m\.$", text[:end], re.IGNORECASE):
            end -= 1  # "at 7pm." ends the sentence: its full stop is not the time's
        if not _AFTER_THE_TIME.match(text[end:]):
            return None  # a range, a list, a zone or a bracket about the time comes first
        return text[:end] + words + text[end:]

    return rewrite


# where a place may follow the time: the end, a stop, or words that go on with the schedule
_AFTER_THE_TIME = re.compile(
    r"\s*(?:$|[.,;!?]|(?:every|each|on|daily|weekly|monthly|for|to|starting|until)\b)",
    re.IGNORECASE,
)


def columns(label: str, place: str, sep: str) -> Rewrite:
    """A listing's row: the label, the schedule and the place in columns split by `sep`."""

    def rewrite(text: str) -> str | None:
        if not _free(text):
            return None
        body, _ = _body_and_close(text)
        return f"{label}{sep}{body}{sep}{place}" if body else None

    return rewrite


def trailing(mark: str) -> Rewrite:
    """ "..", "!!", an emoji: the end the text closes with replaced by `mark`."""

    def rewrite(text: str) -> str | None:
        if not _free(text) or text.rstrip().endswith("?"):
            return None
        body, _ = _body_and_close(text)
        return f"{body}{mark}" if body else None

    return rewrite


# -- the time said twice, a day said as a heading -----------------------------------------------


def _clock_words(hour: int, minute: int) -> str:
    return f"{hour % 12 or 12}{f':{minute:02d}' if minute else ''}{'am' if hour < 12 else 'pm'}"


def time_restated(form: str) -> Rewrite:
    """The one time of day said again at the end: ", starting at 6pm" / " (18:00)"."""

    def rewrite(text: str) -> str | None:
        if not _free(text):
            return None
        found = clocks(text)
        if len(found) != 1 or found[0].in_range or "start" in text.lower():
            return None  # (a start time said already: "every 6 hours starting at 9am")
        hour, minute = found[0].hour, found[0].minute
        said = _clock_words(hour, minute) if form == "starting" else f"{hour:02d}:{minute:02d}"
        words = f", starting at {said}" if form == "starting" else f" ({said})"
        return appended(words)(text)

    return rewrite


_DAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")


def day_heading(text: str) -> str | None:
    """A listing's heading, the one weekday said before the text: "TUESDAY: … every Tuesday …"."""
    if not _free(text):
        return None
    days = {word.day for word in day_words(text)}
    if len(days) != 1 or re.match(r"^[\w ]{1,20}:", text):
        return None
    return f"{_DAY_NAMES[days.pop()].upper()}: {text.lstrip()}"


_DAYS_SAID = re.compile(r"\b(?:every\s?day|daily|week\s?days?|weekends?|each day)\b", re.IGNORECASE)


def named_after_a_day(name: str) -> Rewrite:
    """ "Monday Club: …" before a text that says its own days: the club's name is not when it
    runs. (Before a text that names no day — "Monday Club: at 4pm" — it may well be: not made.)"""

    def rewrite(text: str) -> str | None:
        if not _free(text) or not (day_words(text) or _DAYS_SAID.search(text)):
            return None
        return prefixed(name)(text)

    return rewrite


# -- days and times written the terse way listings write them -----------------------------------

_LETTER = ("Su", "M", "Tu", "W", "Th", "F", "Sa")
_LETTER_RUN = ("Su", "M", "T", "W", "Th", "F", "Sa")  # "MWF", "TTh"
_ONE_DAY = (
    r"(?:(?i:sun|mon|tues|wednes|thurs|fri|satur)days?"
    r"|Sun|Mon|Tues?|Weds?|Thu(?:rs?)?|Fri|Sat)\.?"
)
# two or more days said one by one: "Monday, Wednesday and Friday", "Tues & Thurs"
_DAY_RUN = re.compile(
    rf"(?<![\w-])(?P<days>{_ONE_DAY}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*){_ONE_DAY})+)"
    r"(?![\w-])"
)
# listings write letters for days after "every"/"on" or before a time ("MWF 10am"), not in a
# range ("between Monday and Friday", "Monday through Thursday") nor after an ordinal ("the
# first and third Friday and Saturday"); elsewhere "MW" may be anything
_LEAD = re.compile(r"\b(?:every|each|on)\s+$", re.IGNORECASE)
_TIME_NEXT = re.compile(r"\s*,?\s*(?:at\s+|@\s*|from\s+)?\d")
_RANGE_AROUND = re.compile(
    r"(?:\b(?:between|through|thru|to|and|first|second|third|fourth|fifth|last|other)|-|–)\s*$",
    re.IGNORECASE,
)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|through\b|thru\b|to\b)", re.IGNORECASE)
_DAY_START = {"su": 0, "mo": 1, "tu": 2, "we": 3, "th": 4, "fr": 5, "sa": 6}


def _days_of(run: str) -> list[int]:
    return [_DAY_START[m[0][:2].lower()] for m in re.finditer(_ONE_DAY, run)]


def terse_days(joiner: str, letters: tuple[str, ...] = _LETTER) -> Rewrite:
    """ "Monday, Wednesday and Friday" -> "M/W/F" (or "MWF", "M, W, F")."""

    def rewrite(text: str) -> str | None:
        if not _free(text):
            return None

        def one(match: re.Match[str]) -> str:
            days = _days_of(match["days"])
            before, after = text[: match.start()], text[match.end() :]
            if (
                len(set(days)) != len(days)
                or _RANGE_AROUND.search(before)
                or _RANGE_AFTER.match(after)
                or not (_LEAD.search(before) or _TIME_NEXT.match(after))
            ):
                return match[0]
            return joiner.join(letters[d] for d in days)

        out = _DAY_RUN.sub(one, text)
        return out if out != text else None

    return rewrite


def _short_clock(hour: int, minute: int) -> str:
    return f"{hour % 12 or 12}{f':{minute:02d}' if minute else ''}{'a' if hour < 12 else 'p'}"


_WORDS = (
    "twelve one two three four five six seven eight nine ten eleven "
    "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS_WORDS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty"}


def _minute_words(minute: int) -> str:
    if minute < 10:
        return f"oh-{_WORDS[minute]}"
    if minute < 20:
        return _WORDS[minute]
    tens, ones = divmod(minute, 10)
    return _TENS_WORDS[tens] + (f"-{_WORDS[ones]}" if ones else "")


def _hyphen_clock(hour: int, minute: int) -> str | None:
    if hour in (0, 12) or not minute or 10 <= minute <= 12:
        # "twelve pm", "seven pm": variants.py's "nine am" writes those; "two-ten am" may be
        # a range from two to ten
        return None
    return f"{_WORDS[hour % 12]}-{_minute_words(minute)} {'am' if hour < 12 else 'pm'}"


def clock_as(fmt: Callable[[int, int], str | None]) -> Rewrite:
    """Every time of day (not one end of a range) written by `fmt`."""

    def rewrite(text: str) -> str | None:
        if not _free(text):
            return None
        found = clocks(text)
        if not found or any(c.in_range for c in found):
            return None
        out = text
        for clock in reversed(found):
            new = fmt(clock.hour, clock.minute)
            if new is None:
                return None
            out = out[: clock.span[0]] + new + out[clock.span[1] :]
        return out if out != text else None

    return rewrite


def ranged_clock_as(fmt: Callable[[int, int], str | None]) -> Rewrite:
    """Times of day written by `fmt`, ends of ranges included ("9a-5p")."""

    def rewrite(text: str) -> str | None:
        if not _free(text):
            return None
        found = clocks(text)
        if not any(c.in_range for c in found):
            return None
        out = text
        for clock in reversed(found):
            new = fmt(clock.hour, clock.minute)
            if new is None:
                return None
            out = out[: clock.span[0]] + new + out[clock.span[1] :]
        return out if out != text else None

    return rewrite


# -- the kinds ----------------------------------------------------------------------------------

# (kind, family, rewrite, recurring only, may ask). A name with a frequency word in it ("Weekly
# Standup notes: every day at 9am") may disagree with the text's schedule: which one? Asking or
# refusing is right there, a silently different answer is not.
NOISE_KINDS: tuple[tuple[str, str, Rewrite, bool, bool], ...] = (
    # a place or detail
    (
        "place , at the Community Center",
        "places",
        appended(", at the Community Center"),
        False,
        False,
    ),
    ("place in Room 204", "places", appended(" in Room 204"), False, False),
    ("place on the second floor", "places", appended(" on the second floor"), False, False),
    ("place (door on the right)", "places", appended(" (door on the right)"), False, False),
    ("place at June Hall", "places", appended(" at June Hall"), False, False),
    ("place on Eastern Avenue", "places", appended(", on Eastern Avenue"), False, False),
    ("place on Third Street", "places", appended(" on Third Street"), False, False),
    ("place in the Pacific Room", "places", appended(" in the Pacific Room"), False, False),
    ("place at Center 5", "places", appended(" at Center 5"), False, False),
    ("place after the time: in Room 204", "places", after_the_time(" in Room 204"), False, False),
    ("place after the time: at June Hall", "places", after_the_time(" at June Hall"), False, False),
    # asides
    ("aside (weather permitting)", "asides", appended(" (weather permitting)"), False, False),
    ("aside — all welcome", "asides", appended(" — all welcome"), False, False),
    ("aside (subject to change)", "asides", appended(" (subject to change)"), False, False),
    ("aside - free, bring a friend", "asides", appended(" - free, bring a friend"), False, False),
    # labels and listing forms
    ("listing Book club:", "listings", prefixed("Book club: "), False, False),
    ("listing WHEN:", "listings", prefixed("WHEN: "), False, False),
    ("listing • bullet", "listings", prefixed("• "), False, False),
    ("listing - bullet", "listings", prefixed("- "), False, False),
    ("listing tab columns", "listings", columns("Book club", "Room 204", "\t"), False, False),
    ("listing spaced columns", "listings", columns("Book club", "Room 204", "    "), False, False),
    ("listing trailing ..", "listings", trailing(".."), False, False),
    ("listing trailing !!", "listings", trailing("!!"), False, False),
    ("listing emoji last", "listings", trailing(" 🎉"), False, False),
    ("listing emoji first", "listings", prefixed("📅 "), False, False),
    # days and times the terse way
    ("terse days M/W/F", "terse", terse_days("/"), True, False),
    ("terse days MWF", "terse", terse_days("", _LETTER_RUN), True, False),
    ("terse days T, Th", "terse", terse_days(", ", _LETTER_RUN), True, False),
    ("terse time 7:30p", "terse", clock_as(_short_clock), False, False),
    ("terse time range 9a-5p", "terse", ranged_clock_as(_short_clock), False, False),
    ("terse time seven-thirty pm", "terse", clock_as(_hyphen_clock), False, False),
    # the same thing said twice
    ("twice time, starting at", "twice", time_restated("starting"), False, False),
    ("twice time (18:00)", "twice", time_restated("24h"), False, False),
    ("twice day heading", "twice", day_heading, True, False),  # a listing's heading: a weekly event
    # names with schedule words in them
    ("name Monday Club:", "names", named_after_a_day("Monday Club: "), False, False),
    ("name Daily Bread pantry:", "names", prefixed("Daily Bread pantry: "), False, True),
    ("name Weekly Standup notes:", "names", prefixed("Weekly Standup notes: "), False, True),
    (
        "name with the 5th Avenue group",
        "names",
        appended(" with the 5th Avenue group"),
        False,
        False,
    ),
)
