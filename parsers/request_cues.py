"""Cues in requests and change requests that the grammar's reading alone gets wrong.

- A change told with both sides, "from A to B": "Running Synchronizer jobs changed from 0:00am
  every day to 0:05am every day", "Move the sprint-status launchd job from Monday 8:00 AM to
  Friday 8:00 AM PT" — the new schedule is B (`from_to_change`); A is the one that was, and when
  B is a single run, A says how often it repeats (a weekly slot, "daily"); both told as cron
  code ("from `0 5 * * *` (daily) to `0 5 * * 1-5`"), B's code is the new schedule.
- A change of how often with no time: "Change hourly backups to daily backups." — a job that
  exists gets a new frequency; its time is not said (`frequency_swap`).
- An interval of time spent doing something: "Nudge me every 30 minutes of play", "stretch
  every hour of sitting" — counted while the thing goes on, not on the clock (`time_spent`).
- What a run gathers for a day: "Bundle the day's new posts into one email at 5pm" — each day's,
  so every day (`days_gathering`); a habit: "usual routing will be on Wednesday at 10 am" —
  every such day (`usual_day`).
- A question said as a request: "what's the weather, hourly please" — the question is what to
  send, the words after the comma say when (`question_then_when`); a listing's line whose subject
  is left out: "is updated each weekday at approximately 8PM ET" (`subjectless_passive`).

Each function is pure, gated by a substring test before its pattern, and its patterns bounded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

# -- "changed from A to B" ------------------------------------------------------------------

_CHANGE_STEMS: Final = ("chang", "mov", "switch", "shift", "updat", "reschedul", "push", "bump")
# the verb, up to six words of what changes (none of them "to": "changed the cron to run every
# hour from 9 to 5" is a window), "from", the old schedule, "to", the new one
_FROM_TO: Final = re.compile(
    r"\b(?:chang|mov|switch|shift|updat|reschedul|push|bump)(?:e|es|ed|ing|ped|s)?\b"
    r"(?P<what>(?:\s+(?!to\b|from\b)[^\s.;]+){0,6}?)\s+from\s+"
    r"(?P<old>(?:(?!to\b)[^\s;]+\s+){1,6}?)to\s+(?P<new>[^;]{2,120}?)[\s.!]*$",
    re.IGNORECASE,
)


def from_to_change(text: str) -> tuple[str, str, str] | None:
    """The words of a change told "from A to B" (its verb and what it changes, A, B) — the new
    schedule is B — or None. "changed from 0:00am every day to 0:05am every day" gives
    ("changed", "0:00am every day", "0:05am every day")."""
    lowered = text.lower()
    if " from " not in lowered or " to " not in lowered:
        return None
    if not any(stem in lowered for stem in _CHANGE_STEMS):
        return None
    change = _FROM_TO.search(text)
    if change is None:
        return None
    if "`" in change["old"] and not change["new"].startswith("`"):
        return None  # "from `0 10 * * 5` to every hour": cron code, read where code is
    head = text[change.start() : change.end("what")]
    return head, change["old"].strip(" ,"), change["new"].strip(" ,")


FROM_TO_NOTE: Final = "a change from “{old}”: the new schedule read, to confirm"


# -- "change hourly backups to daily backups" ------------------------------------------------

_FREQUENCIES: Final = (
    r"(?:hourly|daily|nightly|weekly|bi-?weekly|fortnightly|monthly|yearly|annual)"
)
_SWAP: Final = re.compile(
    r"^\W*(?:(?:please|pls|kindly|can\s+you|could\s+you|let['’]?s)\s+)*"
    r"(?:change|changed|switch|switched|move|moved|convert|converted|turn|make|made)\s+"
    r"(?:(?:the|my|our|all|its|their)\s+)?(?:[\w-]+\s+){0,2}?" + _FREQUENCIES + r"\s+[\w-]+"
    r"(?:\s+[\w-]+)?\s+(?:in)?to\s+(?:(?:an?|the)\s+)?" + _FREQUENCIES + r"\b(?:\s+[\w-]+)?"
    r"[\s.!]*$",
    re.IGNORECASE,
)
_SWAP_FIRST: Final = frozenset(
    "please pls kindly can could let lets let's change changed switch switched move moved "
    "convert converted turn make made".split()
)


def frequency_swap(text: str) -> bool:
    """Whether `text` changes how often a job that exists runs, and says no time: "Change hourly
    backups to daily backups.", "switch the weekly report to monthly"."""
    words = text.lower().split()
    if not words or words[0].strip("-*•:") not in _SWAP_FIRST or len(words) > 14:
        return False
    return _SWAP.match(text) is not None


# -- "every 30 minutes of play" --------------------------------------------------------------

# time counted by what is on the clock, not spent doing something
_CLOCK_NOUNS: Final = frozenset(
    "the each every this that a an my our your its his her their".split()
    + "day days week weeks month months year years hour hours minute minutes".split()
    + "morning evening".split()
    + "night afternoon business working work office operation operations uptime".split()
)
_SPENT: Final = re.compile(
    r"\bevery\s+(?:(?:\d{1,3}|an?|one|two|three|four|five|six|ten|twenty|thirty|forty|"
    r"forty-five|fifteen|few)\s+)?(?:minutes?|mins?|hours?|hrs?)\s+of\s+"
    r"(?P<what>[a-z][a-z'-]{1,30})(?:\s+(?P<next>[a-z]{2,20}))?",
    re.IGNORECASE,
)


def time_spent(text: str) -> str | None:
    """The words of an interval counted while something is done ("every 30 minutes of play",
    "every hour of screen time", "every 45 minutes of sitting"), or None — an interval of
    the clock ("every minute of every hour", "every hour of the day") is not one. (Work and
    business hours are the clock's: "every hour of business hours".)"""
    lowered = text.lower()
    if "every" not in lowered or " of " not in lowered:
        return None
    for spent in _SPENT.finditer(text):
        what = spent["what"].lower()
        if what in _CLOCK_NOUNS:
            continue
        if spent["next"] is not None and spent["next"].lower() in ("day", "week", "month"):
            continue  # "every hour of every day" is the clock's (what is "every", left above)
        return spent.group().strip()
    return None


TIME_SPENT_NOTE: Final = (
    "“{said}” counts time spent doing something, not time on the clock: to confirm"
)


# -- "the day's new posts … at 5pm" ----------------------------------------------------------

_DAYS_THINGS: Final = re.compile(
    r"\b(?:the|each|every)\s+day['’]s\s+(?:[a-z-]+\s+){0,3}?"
    r"(?:posts|news|headlines|emails|mails|messages|activity|events|orders|sales|commits|"
    r"changes|updates|stories|articles|logs|tasks|notes|highlights|numbers|metrics|stats|"
    r"statistics|work|progress|signups|tickets|issues|errors|alerts|entries|photos|items|"
    r"transactions|summary|digest|recap|top\s+\w+|best\s+\w+|new\s+\w+|links|results|data)\b",
    re.IGNORECASE,
)


def days_gathering(text: str) -> str | None:
    """The words of what a run gathers for a day ("the day's new posts", "the day's sales"),
    or None: said with a time and no date, the run comes every day."""
    if "day's" not in text and "day’s" not in text and "Day's" not in text:
        return None
    found = _DAYS_THINGS.search(text)
    return found.group() if found is not None else None


DAYS_GATHERING_NOTE: Final = "“{said}” is each day's: read as every day, to confirm"


# -- "usual routing will be on Wednesday at 10 am" -------------------------------------------

_USUAL: Final = re.compile(
    r"\b(?:usual|regular|normal|standing|customary|habitual)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:will\s+be|would\s+be|is|are|happens|takes\s+place|runs|falls)\s+"
    r"(?:(?:held|scheduled|run|done)\s+)?on\s+(?:a\s+)?"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)


def usual_day(text: str) -> str | None:
    """The words of a habit set on a day of the week ("usual routing will be on Wednesday",
    "our regular call is on Monday"), or None: it comes every week."""
    lowered = text.lower()
    if not any(
        word in lowered for word in ("usual", "regular", "normal", "standing", "customary", "habit")
    ):
        return None
    found = _USUAL.search(text)
    return found.group() if found is not None else None


USUAL_DAY_NOTE: Final = "“{said}” is a habit: read as every week, to confirm"


# -- "what's the weather, hourly please" -----------------------------------------------------

_WHEN_AFTER_COMMA: Final = re.compile(
    r",\s*(?:(?:and|then|but)\s+)?(?:(?:please|pls)\s+)?"
    r"(?:every|each|hourly|daily|nightly|weekly|monthly|twice|once|on\s+weekdays|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days)\b"
    r"(?:\s+[\w:.'’]+){0,6}?(?:,?\s+(?:please|pls|thanks|thank\s+you))?[\s.!]*$",
    re.IGNORECASE,
)


def question_then_when(text: str) -> bool:
    """Whether `text` says what to send as a question and then, after a comma, how often
    ("what's the weather, hourly please", "how's the traffic on I-95, every weekday at 7:30"):
    a request, not a question. A question mark anywhere keeps it a question."""
    if "?" in text or "," not in text or len(text) > 200:
        return False
    return _WHEN_AFTER_COMMA.search(text) is not None


# -- "is updated each weekday at 8PM ET" -----------------------------------------------------

_PASSIVE_FIRST: Final = re.compile(
    r"^\W*(?:is|are|gets|get)\s+(?:(?:usually|normally|typically|generally|always|also|then)\s+)?"
    r"(?:[a-z]{3,}ed|run|held|sent|built|done|rebuilt|rerun|taken|given|shown|written|read|"
    r"drawn|published|released|refreshed|kept|set|made|spun|torn|reset)\b"
    r"(?!\s+(?:it|this|that|there|i|you|we|they|he|she)\b)",
    re.IGNORECASE,
)


def subjectless_passive(text: str) -> bool:
    """Whether `text` is a line whose subject is left out, in the passive ("is updated each
    weekday at approximately 8PM ET", "are published every Monday"): it tells a schedule, it
    does not ask one (a question mark keeps it a question: "is updated daily?")."""
    if "?" in text:
        return False
    return _PASSIVE_FIRST.match(text) is not None


PASSIVE_NOTE: Final = "“{said} …” tells when something is done, its subject left out: to confirm"


# -- "midnight UTC 0:00 (KST 9am)" -----------------------------------------------------------

# a conversion in brackets with its zone first: "(KST 9am)", "(IST 10:30 PM)", "(JST 9:00)"
_ZONE_FIRST: Final = re.compile(
    r"\((?P<zone>[A-Z]{2,5})\s+"
    r"(?P<clock>\d{1,2}(?:[:.][0-5]\d)?\s*[apAP]\.?[mM]\.?|\d{1,2}:[0-5]\d)\)"
)
# a named hour, its zone, then the same hour in digits: "midnight UTC 0:00", "noon GMT 12:00"
_NAMED_THEN_DIGITS: Final = re.compile(
    r"\b(?P<name>midnight|noon)\s+(?P<zone>[A-Z]{2,5})\s+(?P<clock>\d{1,2}:00)\b(?![:.]?\d)",
    re.IGNORECASE,
)
_NAMED_CLOCKS: Final = {"midnight": ("0:00", "00:00", "24:00"), "noon": ("12:00",)}


def zone_first_restated(text: str, *, is_zone: Callable[[str], bool]) -> str:
    """`text` with a bracket's conversion written zone first put time first ("(KST 9am)" →
    "(9am KST)") and a named hour restated in digits after its zone said once ("midnight UTC
    0:00" → "0:00 UTC"), so that the conversion reads as one; `text` itself when it has none.
    `is_zone`: whether a word is a time zone's abbreviation."""
    if "(" not in text:
        return text

    def time_first(match: re.Match[str]) -> str:
        if not is_zone(match["zone"].lower()):
            return match.group()
        return f"({match['clock']} {match['zone']})"

    def said_once(match: re.Match[str]) -> str:
        clocks = _NAMED_CLOCKS[match["name"].lower()]
        if match["clock"] not in clocks or not is_zone(match["zone"].lower()):
            return match.group()
        return f"{match['clock']} {match['zone']}"

    turned = _ZONE_FIRST.sub(time_first, text)
    if turned == text:
        return text
    return _NAMED_THEN_DIGITS.sub(said_once, turned)


# -- "a recurring alarm for 5:15 am" ---------------------------------------------------------

_REPEATING_ALARM: Final = re.compile(
    r"\b(?:recurring|repeating|repeated|recurrent|repeat)\s+(?:daily\s+)?"
    r"(?:alarms?|reminders?|wake-?\s?up(?:\s+calls?)?|notifications?|alerts?)\b",
    re.IGNORECASE,
)


def repeating_alarm(text: str) -> str | None:
    """The words of an alarm or reminder said to repeat without saying how often ("a recurring
    alarm for 5:15 am", "a repeating alarm for 6 am for a week"), or None: an alarm at a time
    of day repeats every day."""
    lowered = text.lower()
    if "recur" not in lowered and "repeat" not in lowered:
        return None
    found = _REPEATING_ALARM.search(text)
    return found.group() if found is not None else None


REPEATING_ALARM_NOTE: Final = (
    "“{said}” says it repeats, not how often: read as every day, to confirm"
)


# -- "// ping me tomorrow to clean this up" --------------------------------------------------

# a code comment's opening mark, a TODO's word, then a request to the one who wrote it
_NOTE_IN_CODE: Final = re.compile(
    r"^\s*(?P<mark>//+|/\*+|<!--|#+(?=\s)|--(?=\s))\s*(?:(?:todo|fixme|xxx|hack|note)\b[:(\w)\s-]*?)?"
    r"(?:(?:please|pls)\s+)?(?P<ask>(?:ping|remind|nudge|poke|wake)\s+(?:me|us)|remind\s+\w+)\b",
    re.IGNORECASE,
)


def note_in_code(text: str) -> str | None:
    """The request of a note left in code's comment ("remind me" in "// remind me tomorrow to
    clean this up", "# TODO ping me on Monday to revert this"), or None: its writer's note to
    self, or a parser's example, not a request made here."""
    start = text.lstrip()[:1]
    if start not in ("/", "#", "<", "-"):
        return None
    found = _NOTE_IN_CODE.match(text)
    return None if found is None else f"{found['mark']} {found['ask']}"


NOTE_IN_CODE_NOTE: Final = (
    "“{said} …” is a note in code's comment, not a request made here: to confirm"
)


# -- '"*Shopping @ fri(w)*" means make a task shopping every friday' -------------------------

# words in quotes (or code) that open the text, then what they mean: notation explained
_QUOTED_MEANING: Final = re.compile(
    r"""^[\s*/>•-]*(?P<said>"[^"\n]{1,60}"|“[^”\n]{1,60}”|``[^`\n]{1,60}``|`[^`\n]{1,60}`"""
    r"""|'[^'\n]{1,60}')\s+(?:means|would\s+mean|should\s+mean|stands\s+for|is\s+short\s+for|"""
    r"""is\s+read\s+as|reads\s+as)\b""",
    re.IGNORECASE,
)
_MEANING_WORDS: Final = ("mean", "stands for", "short for", "read as", "reads as")


def quoted_meaning(text: str) -> str | None:
    """The quoted words whose meaning `text` explains ('"*Shopping @ fri(w)*"' in '"*Shopping @
    fri(w)*" means make a task shopping every friday', "``2/P2``" in "``2/P2`` means every other
    cycle"), or None: a notation explained, not a request."""
    lowered = text.lower()
    if not any(word in lowered for word in _MEANING_WORDS):
        return None
    found = _QUOTED_MEANING.match(text)
    return None if found is None else found["said"]


QUOTED_MEANING_NOTE: Final = "the text explains what {said} means, it does not ask: to confirm"


# -- "wake me up at 8am near the exit" -------------------------------------------------------

# a request to be told, then "near" a place or a moment ("near the station", "near the end of a
# fast"), within the same clause
_NEAR: Final = re.compile(
    r"\b(?:remind|wake|ping|alert|notify|nudge|buzz|tell)\s+(?:me|us)\b[^.;!?\n]{0,60}?"
    r"\bnear\s+(?P<what>(?:the|my|our|a|an|this|that)\s+[\w'’-]+(?:\s+[\w'’-]+)?)",
    re.IGNORECASE,
)


def near_trigger(text: str) -> str | None:
    """What a request to be reminded or woken is to happen near ("the exit" in "wake me up at
    8am near the exit", "the station" in "At 8 remind me near the station"), or None: a place
    to be reached or a moment said roughly, which a time of day does not keep."""
    if "near " not in text and "Near " not in text:
        return None
    found = _NEAR.search(text)
    return None if found is None else found["what"]


NEAR_NOTE: Final = (
    "“near {said}” is a place or a moment, not a time of day: read without it, to confirm"
)
