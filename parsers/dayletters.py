"""Day letters: the days of the week as class, gym and office-hours timetables write them.

A course catalog says "MWF 10:00-10:50" and "TTh 2:00-3:15 PM", a syllabus "Tu/Th 11:00a -
12:50p", a senior centre's sheet "Bunco 4th W 1:30 p.m." and "Computer Tutoring T 1:00", a
macOS wake schedule "MTWRFSU 06:55:00". The letters: M T W Th/R F Sa Su/U, and S for Saturday
right after Friday ("MTWRFS") or Sunday at the start of a week's run ("SMTWRFS"); S anywhere
else may be either day, and is left as written.

Letters are also initials, units and codes ("MW 12-15 kDa", "TMRW 7AM", "T-shirt", "W. Main
St"), so they are days only in a listing's shape (`letter_days`):
- two letters or more, in the week's order (Monday or Sunday first, no day twice), written in
  capitals, with a time right after them, a time right before them ("11:30am M/W/F"), or
  "every"/"on" before them;
- one letter alone only right before a clock time ("F 3-5:30PM", "T 1:00 & 2:00 p.m.", or glued
  to a name by a dash: "Support Group-M 6:30P") or right after an ordinal ("4th W", "1st & 3rd
  W"), and not after the thing it labels ("Room F 10:00", "Studio M 6pm");
- a span of two letters ("M-Th 6:20 PM", "M-R 9am") as a run is.

The days come back as names ("Mon/Wed/Fri 10:00-10:50") for the grammar to read.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Final

# the codes, longest first; S is decided by its place in the run (`_named`)
_CODES: Final = (
    ("Th", "Thu"), ("TH", "Thu"), ("Tu", "Tue"), ("TU", "Tue"), ("Sa", "Sat"), ("SA", "Sat"),
    ("Su", "Sun"),
    ("M", "Mon"), ("T", "Tue"), ("W", "Wed"), ("R", "Thu"), ("F", "Fri"), ("U", "Sun"),
    ("S", "S"),
)  # fmt: skip
_WEEK: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_PLURALS: Final = {
    short: f"{name}s"
    for short, name in zip(
        _WEEK,
        ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        strict=True,
    )
}
_CODE: Final = r"(?:Th|TH|Tu|TU|Sa|SA|Su|[MTWRFUS])"  # ("SU" is S and U: "MTWRFSU")
_LETTER_DAYS: Final = re.compile(
    rf"(?P<days>{_CODE}(?:(?:/|,\s?|\s?&\s?)?{_CODE})*)(?![\w/&'’-]|\.\w)"
)
# where _LETTER_DAYS may start: a day's capital with no small letter after it, which most texts
# lack but for the "M" of "PM" (a pattern that starts with a set of letters is searched in C;
# one with a lookbehind, tried at every position, costs ten times more: `letter_days` looks at
# what comes before the letters itself)
_GATE: Final = re.compile(r"[MTWRFUS][hua]?(?![a-z])")
_NOT_BEFORE: Final = frozenset("/&.-_")
# "M-Th 6:20 PM", "M-R 9am", "T-F 9am": a span of days by their letters
_LETTER_SPAN: Final = re.compile(
    rf"(?P<first>{_CODE})\s?[-–]\s?(?P<last>{_CODE})(?![\w/&'’-]|\.\w)"
)
# a clock time: "10:00", "9am", "1:30 p.m.", "11a", or an hour that opens a range ("3-5:30PM")
_CLOCK: Final = re.compile(
    r"\s*(?:at\s+|@\s*|from\s+)?\d{1,2}(?::[0-5]\d|\s*[ap]\.?m?\b\.?|\s*[-–]\s*\d{1,2}(?::[0-5]\d)?"
    r"(?:\s*[ap]\.?m?\b|(?![\d/.-])))",
    re.IGNORECASE,
)
# anything numeric after a run of two letters or more (as before: "MWF 10", "TR 930"), or noon
# ("MW noon–1"), after a comma, a colon or a dash ("Aqua Aerobics - MWF - 8:00am")
_NUMBER_AFTER: Final = re.compile(
    r"\s*[,:|–-]?\s*(?:at\s+|@\s*|from\s+)?(?:\d|noon\b|midnight\b)", re.IGNORECASE
)
# a clock time just before the letters: "11:30am M/W/F", "9 a.m. MWF"
_CLOCK_BEFORE: Final = re.compile(
    r"(?:\d:[0-5]\d|\d\s*[ap]\.?m\.?|\d\s*[ap])\s*,?\s*$", re.IGNORECASE
)
_EVERY_BEFORE: Final = re.compile(r"\b(?:every|on)\s*$", re.IGNORECASE)
# a bare hour after the letters, ending the row ("TR 11", "MWF 9,"): the hour the class meets
_BARE_HOUR_AFTER: Final = re.compile(r"\s+(?:1[0-2]|[1-9])\s*(?:$|[,;|)])")
# "4th W", "1st & 3rd W", "2nd and 4th T": an ordinal just before one letter
_ORDINAL_BEFORE: Final = re.compile(r"(?:\b\d(?:st|nd|rd|th)|\blast)\s*$", re.IGNORECASE)


def letter_days(text: str) -> str:
    """`text` with a timetable's day letters said as day names ("MWF 10am" → "Mon/Wed/Fri
    10am", "Bunco 4th W 1:30 p.m." → "Bunco 4th Wed 1:30 p.m."); `text` itself when it has
    none."""
    pieces: list[str] = []
    done = 0
    found = _GATE.search(text)
    while found is not None:
        at = found.start()
        if not (at and _inside(text, at)):  # not inside a word or a code ("PM", "AT&T", "U.S")
            for pattern, saying in ((_LETTER_SPAN, _span_said), (_LETTER_DAYS, _said)):
                match = pattern.match(text, at)
                if match is not None and (said := saying(match, text)) != match.group():
                    pieces += [text[done:at], said]
                    done = match.end()
                    break
        found = _GATE.search(text, max(found.end(), done))
    return "".join([*pieces, text[done:]]) if pieces else text


def _inside(text: str, at: int) -> bool:
    """Whether the capital at `at` is inside a word or a code ("PM", "AT&T", "U.S", "w/M"); a
    comment's "//" before it is not ("//TTH 12:30 - 2pm")."""
    before = text[at - 1]
    if before == "/" and text[at - 2 : at] == "//":
        return False
    if before == "-" and text[at - 4 : at - 1].isalpha() and _gathering_before(text, at - 1):
        # "Support Group-M 6:30P", "Amputee Support Team-R 6:30P": a support-group list's day
        # glued to the group's name by a dash ("T-shirt", "X-M", "Daniel-Th 7" are not)
        return False
    return before.isalnum() or before in _NOT_BEFORE


# what a support-group or club list names before the dash and the day's letter ("Group-M")
_GATHERINGS: Final = frozenset(
    "group groups team club class meeting meetings league circle session study choir ministry "
    "chapter society fellowship network anonymous".split()
)


def _gathering_before(text: str, dash: int) -> bool:
    """Whether the word that ends at `dash` names a gathering ("Group" in "Support Group-M")."""
    start = dash
    while start > 0 and text[start - 1].isalpha() and dash - start < 12:
        start -= 1
    return text[start:dash].lower() in _GATHERINGS


def _span_said(match: re.Match[str], text: str) -> str:
    """The days a span of letters names ("M-Th" → "Mon-Thu"), or the letters as written when
    they are not a listing's span of days."""
    first, last = _named(match["first"]), _named(match["last"])
    if first is None or last is None or not _in_week_order([*first, *last]):
        return match.group()
    if not _listed(match, text):
        return match.group()
    return f"{first[0]}-{last[0]}"


def _listed(match: re.Match[str], text: str) -> bool:
    """Whether the letters `match` found are set out as a listing's days: a time right after or
    right before them, or "every"/"on" before them."""
    return (
        _NUMBER_AFTER.match(text, match.end()) is not None
        or _CLOCK_BEFORE.search(text, 0, match.start()) is not None
        or _EVERY_BEFORE.search(text, 0, match.start()) is not None
    )


def _said(match: re.Match[str], text: str) -> str:
    """The day names for the letters `match` found in `text`, or the letters as written when
    they are not a listing's days."""
    letters = re.sub(r"[/,&\s]", "", match["days"])
    names = _named(letters)
    if names is None or not _in_week_order(names):
        return match.group()
    if len(names) == 1:
        single = _CLOCK.match(text, match.end()) is not None or (
            _ORDINAL_BEFORE.search(text, 0, match.start()) is not None
        )
        if not single or letters in ("S", "U") or _labelled(text, match.start()):
            return match.group()
        # ("F 3-5:30PM" on a timetable is every Friday; "4th W" is the month's fourth one)
        return names[0] if _ORDINAL_BEFORE.search(text, 0, match.start()) else _PLURALS[names[0]]
    if not _listed(match, text):
        return match.group()
    at = " at" if _BARE_HOUR_AFTER.match(text, match.end()) else ""  # "TR 11": "at 11"
    return "/".join(names) + at


# the things a listing names with a letter: "Room F 10:00", "Studio M 6pm", "Court T 7pm"
_LETTERED: Final = frozenset(
    "room rooms studio hall court field gym pool lane lot gate block building bldg wing floor "
    "level section group team plan option type grade unit zone row aisle bay track suite tower "
    "dock pier terminal concourse door entrance exit parking vitamin size model version".split()
)


def _labelled(text: str, at: int) -> bool:
    """Whether the letter at `at` labels the thing named just before it ("Room F")."""
    before = text[:at].rstrip()
    if len(before) == at:
        return False  # glued to what comes before, or nothing before
    word = before.rsplit(None, 1)[-1].lower() if before else ""
    return word in _LETTERED


def _named(letters: str) -> list[str] | None:
    """The day names the run `letters` ("MTWRFSU", "TTh") spells, or None when a letter cannot
    be read: S that neither ends a week from Monday nor starts one on Sunday."""
    codes: list[str] = []
    while letters:
        for code, name in _CODES:
            if letters.startswith(code):
                codes.append(name)
                letters = letters[len(code) :]
                break
    names: list[str] = []
    for at, name in enumerate(codes):
        if name != "S":
            names.append(name)
        elif at > 0 and codes[at - 1] == "Fri":
            names.append("Sat")  # "MTWRFS", "MTWRFSU": the end of a week from Monday
        elif len(codes) > 1 and codes[1] == "Mon":
            names.append("Sun")  # "SMTWRFS": a week from Sunday
        else:
            return None  # "S" alone, "SU", "MS": Saturday or Sunday, or no day at all?
    return names


def _in_week_order(names: list[str]) -> bool:
    """Whether `names` are days in the week's order, each once, from Monday or from Sunday
    ("TMRW" is "tomorrow", not Tuesday, Monday, Thursday and Wednesday)."""
    from_monday = [_WEEK.index(name) for name in names]
    from_sunday = [(at + 1) % 7 for at in from_monday]
    return any(
        all(earlier < later for earlier, later in pairwise(order))
        for order in (from_monday, from_sunday)
    )


# the builder's note for a time read on the 24-hour clock in the small hours ("2:00" as 02:00)
_SMALL_HOURS_NOTE: Final = re.compile(r'"(\d{1,2}:\d\d)" read on the 24-hour clock as 0[1-7]:')


def small_hours_doubt(text: str, notes: tuple[str, ...]) -> str | None:
    """Why a timetable row in day letters read in the small hours ("TTh 2:00-3:15" as 02:00)
    is asked about, or None. Day letters are how American class and gym timetables write the
    days, on the 12-hour clock: their "2:00" is the afternoon's more often than not."""
    for note in notes:
        found = _SMALL_HOURS_NOTE.match(note)
        if found is not None and letter_days(text) != text:
            written = found.group(1)
            return f"“{written}” beside day letters may be the afternoon's: say “{written}pm”"
    return None
