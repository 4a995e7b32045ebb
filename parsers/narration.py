"""Sentences that tell of a time rather than ask for one: each check returns why the answer
should be confirmed (or refused), or None.

A scheduler box's bare phrase is a request ("meeting at 1pm", "standup Monday 9am"); a full
sentence told about something else is not:
- an event described by its own subject, in the future or in the minutes' past: "The ceremony
  will begin at 7p CST sharp", "Boarding will begin at 7:05 p.m.", "The meeting was called to
  order at 14:05 UTC", "The old design ran finalization only on Monday mornings";
- a fault, reported: "The event generation was NOT running every 30 minutes as expected",
  "agent uptime checker was not running every 5 minutes as it was suppose to";
- nothing happening on the days named: "No meetings on Fridays", "WEEKENDS: No practice";
- two events, each with its schedule: "Regular meetings take place on the 1st & 3rd Wednesday
  … and Study Sessions take place on the 2nd & 4th Wednesday …";
- an event's time stated in the present by its page, with no word that it repeats: "Doors open
  at 6:30 PM", "Registration begins at 8 a.m.", "These are held at noon US Eastern time (ET)";
- a feature, a button or a commit described: "Take medicine at specified times every day" (the
  time is left to someone), "a button … which will create the same reminder again in 10
  minutes" (a snooze acts on a reminder that exists), "docs: Remove references to nightly run
  at 3am UTC" (a change to text or to a schedule that exists).

What tells them apart from requests is grammar, not words about time: a subject before the verb
(a request starts with its verb, or "remind me", "please"), the tense or aspect (will + an
event's verb, was/were + a participle, a negated past of running), a sentence that says "no"
of its subject. Each check looks for a cheap cue (a word or a substring) first; `tells_of_a_time`
runs them all (doubts.doubt asks it last, once its own checks found nothing).

Most checks have one shape, a `Told`: the words one of which must be said (or the first word),
the pattern then looked for, and the message. `Checks` holds those read in order by one function
(`read_table`), behind the union of their words: a text that says none of them costs one set
lookup. The functions named after each kind (`state_told`, `fault_report`, …) read their own
tables, in the order `tells_of_a_time` always asked them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from .timetable import weekly_reading

# -- one shape for the checks ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Told:
    """One check: when one of `cues` is said (among the text's words, or is its first word when
    `first`) and one word of each set in `also` is said too, `pattern` is looked for (from the
    text's start when `anchored`) and, found, `message` with {said} — what it found (its group
    `group` when named and found), stripped of `strip` (None: of spaces) — is why to confirm.
    `skips_requests`: the check does not read texts that open as a request does ("remind …",
    "please …"). `marks`: strings, one of which in the text runs the check as a cue said does
    (a checklist's "[ ]", a comment's "//": marks that are no words)."""

    cues: frozenset[str]
    pattern: re.Pattern[str]
    message: str
    first: bool = False
    anchored: bool = False
    also: tuple[frozenset[str], ...] = ()
    strip: str | None = None
    group: str = ""
    skips_requests: bool = False
    marks: tuple[str, ...] = ()


class Checks:
    """Checks read in order (`read_table`), with the words one of which a text must say for any
    of them to run: most texts say none, and are passed by one set lookup."""

    __slots__ = ("checks", "cues", "firsts", "marks")

    def __init__(self, *checks: Told) -> None:
        self.checks = checks
        self.cues = frozenset().union(*(check.cues for check in checks if not check.first))
        self.firsts = frozenset().union(*(check.cues for check in checks if check.first))
        self.marks = tuple(mark for check in checks for mark in check.marks)


def read_table(table: Checks, text: str, words: frozenset[str], first: str) -> str | None:
    """The message of the first check in `table` whose cues are said and whose pattern is found
    in `text` (`words`: its lowered letter runs; `first`: its first word, lowered), or None. Each
    pattern runs only when its words are said: most texts have none of them."""
    if (
        first not in table.firsts
        and table.cues.isdisjoint(words)
        and not (table.marks and any(mark in text for mark in table.marks))
    ):
        return None
    for check in table.checks:
        if ((first not in check.cues) if check.first else check.cues.isdisjoint(words)) and not (
            check.marks and any(mark in text for mark in check.marks)
        ):
            continue
        if check.also and any(needed.isdisjoint(words) for needed in check.also):
            continue
        if check.skips_requests and first in _ASKING_FIRST:
            continue
        found = check.pattern.match(text) if check.anchored else check.pattern.search(text)
        if found is None:
            continue
        said = found[check.group] if check.group and found[check.group] else found.group()
        return check.message.format(said=said.strip(check.strip))
    return None


# -- an event described -----------------------------------------------------------------------

# What an event does at a time: it starts, ends, leaves or comes back ("The boat will depart at
# 7:30 pm", "Judging will start at 1PM", "the presentation will begin at 7:30 pm")
_EVENT_VERBS: Final = (
    r"(?:start|begin|commence|open|close|end|finish|conclude|depart|leave|arrive|return|resume|"
    r"reopen|kick\s+off|wrap\s+up|take\s+place|be\s+held|get\s+underway|go\s+live|"
    # "The general assembly … will be taking place on Saturday the 13th of June, at 2pm"
    r"be\s+taking\s+place|be\s+happening|be\s+hosted|"
    # a meal or a Mass: "Dinner will be served at 7:00 PM"
    r"be\s+served|be\s+celebrated|be\s+offered)"
)
# "X will start at …", "X is set to start at …", "X is going to begin at …": a subject, then the
# event's future. The subject is a thing, not the speaker ("I will leave in 2 minutes" is the
# speaker's plan, a reminder's) nor the reader ("you will …"), and the sentence does not open
# with a request ("remind me that the meeting will start at 1pm" asks).
_FUTURE_EVENT: Final = re.compile(
    r"(?:^|(?<=[.;!?]))\s*\W*(?!(?:i|we|you|u|let's|lets|let|please|pls|remind|tell|notify|ping|alert|schedule|"
    r"set|add|create|make|book|send|post|run|can|could|would|will|should|if|when|once|after|"
    r"before|so)\b)"
    r"(?:[\w'’&().,-]++\s+){1,14}?"
    r"(?:will(?:\s+now|\s+then|\s+also|\s+only)?|shall|(?:is|are)\s+(?:set|going|due|expected|"
    r"scheduled|slated)\s+to|(?:is|are)\s+to)\s+" + _EVENT_VERBS + r"\b",
    re.IGNORECASE,
)
_FUTURE_CUES: Final = frozenset(
    {"will", "shall", "set", "going", "due", "expected", "scheduled", "slated"}
)
# the first word of each of _EVENT_VERBS
_EVENT_VERB_CUES: Final = frozenset(
    "start begin commence open close end finish conclude depart leave arrive return resume "
    "reopen kick wrap take be get go".split()
)


# "Wednesday, July 22 — Kids will enjoy a Scavenger Hunt!", "Participants will learn the basics":
# what an event offers its audience, told by its listing — not a run asked for
_AUDIENCE: Final = frozenset(
    "kids children teens tweens students participants attendees guests visitors families members "
    "everyone players readers toddlers adults seniors campers youth".split()
)
_AUDIENCE_WILL: Final = re.compile(
    r"\b(?:kids|children|teens|tweens|students|participants|attendees|guests|visitors|families|"
    r"members|everyone|players|readers|toddlers|adults|seniors|campers|youth)\s+will\s+"
    r"(?:also\s+)?(?:enjoy|learn|explore|make|create|hear|meet|discover|get\s+to|have|receive|"
    r"build|play|see|watch|design|paint|craft|sing|dance|read|practice|practise|try|taste)\b",
    re.IGNORECASE,
)


_OFFERED: Final = Checks(
    Told(
        _AUDIENCE,
        _AUDIENCE_WILL,
        "“{said} …” tells what an event offers, it does not ask: to confirm",
        also=(frozenset({"will"}),),
        strip="",
    ),
)


def offered_to_audience(text: str, words: frozenset[str]) -> str | None:
    """ "Wednesday, July 22 — Kids will enjoy a Scavenger Hunt!": what an event offers its
    audience, told by a listing; its day is the event's, not a run asked for."""
    return read_table(_OFFERED, text, words, "")


# "Market is closed on Thursdays from 18:00 onwards", "Viewing and site visits are available on
# Tuesdays and Thursdays from 11:00 AM to 2:00 PM": when a place is shut, or a thing can be had,
# told by its subject — not a run asked for (a request opens with its verb: "remind me …")
_STATE_WORDS: Final = frozenset({"closed", "shut", "available", "unavailable"})
_STATE_TOLD: Final = re.compile(
    r"^\W*(?!(?:remind|notify|tell|ping|alert|let|please|pls|send|post|check|ask|text|email|"
    r"message|warn|inform)\b)(?:[\w'’&()-]+\s+){1,6}?(?:is|are)\s+(?:now\s+|usually\s+|always\s+|"
    r"only\s+|also\s+)?(?:closed|shut|available|unavailable)\b",
    re.IGNORECASE,
)


_STATE: Final = Checks(
    Told(
        _STATE_WORDS,
        _STATE_TOLD,
        "“{said} …” tells when, it does not ask for a run: to confirm",
        anchored=True,
    ),
)


def state_told(text: str, words: frozenset[str]) -> str | None:
    """ "Market is closed on Thursdays from 18:00 onwards": when a place is closed or a thing
    available, told by its subject."""
    return read_table(_STATE, text, words, "")


def future_event(text: str, words: frozenset[str]) -> str | None:
    """ "The ceremony will begin at 7p CST sharp", "Judging will start at 1PM": an event's
    start or end, described in the future by its own subject."""
    if _FUTURE_CUES.isdisjoint(words):
        return None
    if text.isascii() and _EVENT_VERB_CUES.isdisjoint(words):
        return None  # (each match holds one of the verbs' first words whole)
    match = _FUTURE_EVENT.search(text)
    if match is None:
        return None
    return f"“{match.group().strip()} …” describes an event, it does not ask for a run: to confirm"


# Minutes' words and a sentence told in the past by its subject: "The meeting was called to
# order at 14:05 UTC", "Meeting called to order at 6:02 PM", "The meeting was adjourned at 15:00",
# "The old design ran finalization only on Monday mornings". (A request starts with its verb;
# "check what was deployed at 5pm" asks, and its "was" comes after a wh-word.)
_MINUTES: Final = re.compile(
    # ("Slade called the meeting to order at 7:02 p.m.": the meeting named in between)
    r"\b(?:called\s+(?:(?:the|our|this|a|its|their)\s+)?(?:[\w'’-]+\s+){0,3}?to\s+order|"
    r"adjourned|(?:was|were)\s+convened|reconvened|came\s+to\s+order)\b",
    re.IGNORECASE,
)
_MINUTES_CUES: Final = frozenset({"called", "adjourned", "convened", "reconvened", "came"})
_PAST_TOLD: Final = re.compile(
    # ("It was triggered at 2:13 AM": "it", the run the report is about)
    r"^\W*(?:(?:the|this|that|our|my|their|his|her|its|a|an)\s+|it\s+(?=was\b|were\b|had\b|ran\b))"
    r"(?!(?:\w+\s+){0,5}?(?:what|which|who|whether|if|that|when|where|how)\b)"
    r"(?:[\w'’-]+\s+){0,5}?"
    r"(?:(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?:already\s+|just\s+|then\s+|also\s+)?"
    r"(?!(?:scheduled|planned|slated|booked|confirmed|expected|supposed|meant|going|due|set|"
    r"changed|moved|updated|rescheduled)\b)"
    r"[a-z]{3,}ed"
    # (only a past that is no participle: "A Cron job is triggered at 1 AM", "A workout held on
    # the first Thursday" describe a habit)
    r"|ran|began|went|came|took|happened|occurred|arrived|departed"
    # ("The reconciliation job started at 02:00 UTC on its usual schedule.")
    r"|started|restarted|finished|ended|stopped|completed"
    # (the day or the hour it was: "The next Lions Club meeting was on Monday, Sept. 28.")
    r"|(?:was|were)\s+(?:on|at)(?=\s+(?:\d|noon|midnight|(?:mon|tues|wednes|thurs|fri|satur|sun)"
    r"day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)))\b",
    re.IGNORECASE,
)
# "Members met March 19 with …", "The board met on Tuesday": a group's meeting, told in the past
# by its subject (the speaker's "we met" is `doubts.past_tense`'s), then the day or the hour
_MET: Final = re.compile(
    r"^\W*(?!(?:i|we|you|u|please|pls|remind|tell|if|when|once|after|before|until)\b)"
    r"(?:[\w'’&().-]+\s+){1,5}?(?:met|gathered|assembled)\s+(?:again\s+)?(?:on\s+|at\s+|last\s+)?"
    r"(?=\d|noon\b|midnight\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:today|yesterday|"
    r"tonight)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.IGNORECASE,
)
_MET_CUES: Final = frozenset({"met", "gathered", "assembled"})
_PAST_CUES: Final = frozenset(
    "was were been ran began went came took happened occurred arrived departed started restarted "
    "finished ended stopped completed".split()
)


# "Service X went down at 3am due to a memory leak in the cache layer.": an outage, told
_INCIDENT: Final = re.compile(
    r"\b(?:went\s+(?:down|offline|dark)|crashed|died|rebooted|was\s+down|were\s+down)\s+"
    r"(?:at|around|about|on|last|this|yesterday|overnight)\b",
    re.IGNORECASE,
)
_INCIDENT_CUES: Final = frozenset("went crashed died rebooted down".split())


def told_in_the_past(text: str, words: frozenset[str]) -> str | None:
    """ "The meeting was called to order at 14:05 UTC", "The old design ran finalization only
    on Monday mornings", "The next Lions Club meeting was on Monday, Sept. 28.", "Members met
    March 19 with …": what happened, told by its subject, not a run to make."""
    return read_table(_PAST, text, words, "")


_HAPPENED: Final = "“{said}” tells what happened, it does not ask: to confirm"
_PAST: Final = Checks(
    Told(_MINUTES_CUES, _MINUTES, _HAPPENED),
    Told(_PAST_CUES, _PAST_TOLD, _HAPPENED, anchored=True),
    Told(_MET_CUES, _MET, _HAPPENED, anchored=True),
    Told(_INCIDENT_CUES, _INCIDENT, _HAPPENED),
)


# -- a fault reported ---------------------------------------------------------------------------

# "was NOT running every 30 minutes as expected", "the cron didn't fire at 2am", "never ran",
# "stopped running", "failed to run": a run that did not happen, reported. ("It does not run on
# Saturday or Sunday", "don't run it on Fridays": what a schedule leaves out, in the present.)
_FAULT: Final = re.compile(
    r"\b(?:(?:was|were|has|have|had|did)(?:\s+not|n['’]t)\s+(?:been\s+)?|never\s+|stopped\s+|"
    r"(?:failed|fails|forgot|forgets)\s+to\s+)"
    r"(?:run|runs|running|ran|fire|fired|firing|fires|trigger|triggered|triggering|execute|"
    r"executed|executing|start|started|starting|work|working|worked|sent|send|sending|happen|"
    r"happened|kick\s+off|kicked\s+off|kicking\s+off)\b",
    re.IGNORECASE,
)
# a passive one: "it doesn't get executed", "the function is not being called", "won't get
# triggered" ("don't run it on Fridays" leaves days out: its verb is active)
_FAULT_PASSIVE: Final = re.compile(
    r"\b(?:does|do|did|is|are|will|would|was|were|wo)(?:\s+not|n['’]t|\s+never)\s+(?:get\s+|gets\s+|"
    r"be\s+|being\s+|getting\s+)?(?:executed|triggered|fired|called|invoked)\b",
    re.IGNORECASE,
)
_FAULT_PASSIVE_CUES: Final = frozenset("executed triggered fired called invoked".split())
_FAULT_CUES: Final = frozenset(
    {"not", "t", "never", "stopped", "failed", "fails", "forgot", "forgets"}
)
# "triggered 2 hours and 40 minutes later than expected", "runs a few hours later than
# scheduled": a run off its time, observed
_OFF_TIME: Final = re.compile(
    r"\b(?:later|earlier|sooner|late|early)\s+than\s+(?:expected|scheduled|planned|intended|"
    r"configured|specified|set|normal|usual|it\s+should|they\s+should|it\s+used\s+to)\b",
    re.IGNORECASE,
)
# "[`20 9 * * 1-5`](…) runs 30 minutes earlier since 3 days.", "the task runs 1 hour after": a run
# off its time by an amount, observed
_OFF_BY: Final = re.compile(
    r"\b(?:runs|ran|running|fires|fired|firing|triggers|triggered|executes|executed|starts|"
    r"started|kicks\s+off|kicked\s+off)\s+(?:about\s+|exactly\s+|roughly\s+|almost\s+)?"
    r"(?:an?|one|two|three|four|five|six|\d+|half\s+an?)\s+(?:minutes?|mins?|hours?|hrs?|h|m)\s+"
    r"(?:earlier|later|too\s+early|too\s+late|early|late|after|before|behind|ahead)\b",
    re.IGNORECASE,
)
_OFF_BY_CUES: Final = frozenset("earlier later early late after before behind ahead".split())
_OFF_BY_VERBS: Final = frozenset(
    "runs ran running fires fired firing triggers triggered executes executed starts started "
    "kicks kicked".split()
)
# "a healthy nightly job into one that FAILS every night at 21:30", "The 3am backup keeps
# failing": a run that fails, told — not a condition of a request ("alert me if the backup fails
# at 3am", "check whether the build breaks"), nor a request's own words ("run … and report what
# fails")
_FAILS: Final = re.compile(
    r"^(?!\W*(?:please|pls|kindly|remind|alert|notify|tell|ping|email|e-mail|text|send|check|"
    r"run|make|let|can|could|would|will|should|do|don't|retry|rerun|restart)\b)"
    r"(?:(?!\b(?:if|when|whenever|once|unless|whether|until|till|case|event|report|alert|notify|"
    r"remind|tell|ping|email|check|run|rerun|retry|restart)\b)[^.;!?])*?"
    r"\b(?P<verb>fails|failed|failing|breaks|broke|crashes|crashed)\b",
    re.IGNORECASE,
)
_FAILS_CUES: Final = frozenset("fails failed failing breaks broke crashes crashed".split())
# "Feb 16 9:00 AM: SQP Retry + GSC Report skipped": a run left out, in a log (the last word)
_SKIPPED: Final = re.compile(
    r"(?<=\w\s)(?<!\bto\s)(?<!\bbe\s)(?:skipped|missed)\s*[.!]?\s*$", re.IGNORECASE
)


def fault_report(text: str, words: frozenset[str]) -> str | None:
    """ "The event generation was NOT running every 30 minutes as expected", "All workflows are
    being triggered 2 hours and 40 minutes later than expected", "… Rank Collection Retry
    skipped": a run that did not happen, or not on time, reported — not a schedule asked for."""
    return read_table(_FAULTS, text, words, "")


_DID_NOT: Final = "“{said}” reports a run that did not happen, not a schedule: to confirm"
_FAULTS: Final = Checks(
    Told(_FAULT_CUES, _FAULT, _DID_NOT, strip=""),
    Told(_FAULT_PASSIVE_CUES, _FAULT_PASSIVE, _DID_NOT, also=(_FAULT_CUES,), strip=""),
    Told(frozenset({"than"}), _OFF_TIME, _DID_NOT, strip=""),
    Told(_OFF_BY_CUES, _OFF_BY, _DID_NOT, also=(_OFF_BY_VERBS,), strip=""),
    Told(frozenset({"skipped", "missed"}), _SKIPPED, _DID_NOT, strip=""),
    Told(_FAILS_CUES, _FAILS, _DID_NOT, anchored=True, strip="", group="verb"),
)


# -- nothing happens ------------------------------------------------------------------------------

# "No meetings on Fridays", "WEEKENDS: No practice", "No office hours on Aug 27": the days named
# are the ones when nothing happens. ("no later than 5pm" is a bound; "No, every Monday" answers.)
_NOTHING: Final = re.compile(
    r"^\W*(?:[\w .&/'’()-]{1,40}?\s*[:|–—-]\s*)?no\s+"
    r"(?!(?:later|earlier|sooner|more|less|longer|matter|need|problem|problems|worries|way|doubt|"
    r"rush|one|thanks|thank|wait|sorry|actually|please|pls|just|not|make|let|change|scratch|"
    r"that|this|it|you|we|i|then|instead|rather)\b)[a-z]{3,}",
    re.IGNORECASE,
)


def nothing_happens(text: str, words: frozenset[str]) -> str | None:
    """ "No meetings on Fridays", "WEEKENDS: No practice": when something does not happen."""
    return read_table(_NOTHING_HAPPENS, text, words, "")


_NOTHING_HAPPENS: Final = Checks(
    Told(
        frozenset({"no"}),
        _NOTHING,
        "“{said}” says what does not happen, not when to run: to confirm",
        anchored=True,
    ),
)


# -- two events, each with a schedule ----------------------------------------------------------

# "Regular meetings take place on the 1st & 3rd Wednesday each month and Study Sessions take place
# on the 2nd & 4th Wednesday": the same habit's verb twice, each time with its own days.
_HABIT_VERB: Final = re.compile(
    r"\b(?:takes?\s+place|(?:is|are)\s+held|meets?|occurs?|convenes?)\b", re.IGNORECASE
)
_HABIT_CUES: Final = frozenset({"place", "held", "meet", "meets", "occur", "occurs", "convene"})


def two_events(text: str, words: frozenset[str]) -> str | None:
    """ "… meetings take place on the 1st & 3rd Wednesday … and Study Sessions take place on
    the 2nd & 4th Wednesday …": two events, two schedules — not one job."""
    if _HABIT_CUES.isdisjoint(words):
        return None
    found = _HABIT_VERB.findall(text)
    if len(found) < 2:
        return None
    return f"“{found[0]}” is said twice: two events, each with its own schedule; to confirm"


# -- an event's time, stated ------------------------------------------------------------------

# Words a request, a plan or a condition opens with: what follows them is not a subject telling of
# its event ("remind me when doors open at 6:30", "we start at 9", "if lunch is served at noon")
_NOT_A_SUBJECT: Final = (
    r"(?:i|we|you|u|let's|lets|let|please|pls|remind|tell|notify|ping|alert|schedule|set|add|"
    r"create|make|book|send|post|run|can|could|would|will|should|if|when|whenever|once|after|"
    r"before|so|until|till|wake|text|email|call|check|do|does|did|what|why|how|is|are)"
)
# "Doors open at 6:30 PM", "Registration begins at 8 a.m.", "the show kicks off at 9 PM sharp",
# "Our Sunday Mass is celebrated at 9:00 AM", "These are held at noon US Eastern time (ET)": an
# event's verb in the present, then "at" (found first: one pass over the text), after a subject
# that opens its sentence or follows "and". A plural verb only after a plural subject ("Doors
# open", not "Please open"). The subject's words are none that make it a request's clause ("Hey
# remind me when doors open at 6:30").
_STATED_VERB: Final = re.compile(
    r"\b(?:(?P<singular>starts|begins|opens|commences|kicks\s+off|gets\s+underway|takes\s+place|"
    r"resumes|reopens|departs|leaves)"
    r"|(?P<plural>start|begin|open|commence|kick\s+off|get\s+underway|take\s+place|resume|"
    r"reopen|depart|leave)"
    r"|(?P<passive>(?:is|are)\s+(?:served|held|celebrated|offered|hosted|said)))"
    r"(?:\s+(?:promptly|sharp|again|only))?\s*(?:\s(?:at\b|@)|@"
    # or the time itself: "Doors open 6:30pm", "Doors Open 6:00 PM"
    r"|\s(?=\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\d{1,2}:\d{2}\b|noon\b|midnight\b)"
    # or how soon: "meeting starts in half an hour"
    r"|\s(?=in\s+(?:an?|half|one|two|three|five|ten|fifteen|twenty|thirty|a\s+few|\d+)\s))",
    re.IGNORECASE,
)
# what comes before the subject: the text up to its last sentence's end, or its last "and"
# (or an HTML tag's end: '<p className="…">Presale begins at: 1700hrs UTC.</p>')
_BEFORE_SUBJECT: Final = re.compile(r".*(?:[.;!?—–>]|\band\b)", re.DOTALL | re.IGNORECASE)
_SUBJECT: Final = re.compile(
    r"\s*[^\w\s]*\s*(?!" + _NOT_A_SUBJECT + r"\b)"
    r"(?:(?!(?:remind|me|us|when|whenever|if|that|until|till|once|after|before|to|tell|notify|"
    r"please)\b)[\w'’&().-]+\s+){1,6}",
    re.IGNORECASE,
)
_STATED_CUES: Final = frozenset(
    "starts begins opens commences kicks gets takes resumes reopens departs leaves start begin "
    "open commence kick get take resume reopen depart leave served held celebrated offered "
    "hosted said".split()
)
_WEEKDAY: Final = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
# A day that dates the event: once, then ("The train leaves at 06:20 tomorrow", "Day 2
# registration begins at 8:30 AM on Tuesday, 8 September 2026")
_DATED: Final = re.compile(
    r"\b(?:today|tonight|tomorrow|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|may\s+\d|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|"
    r"dec)[a-z]*|\d{1,4}[/-]\d{1,2}[/-]\d{1,4})",
    re.IGNORECASE,
)


_TAG: Final = re.compile(r"\s*[A-Z]{2,10}\s*[-–—:]\s+")


def _stated_by(text: str, verb: re.Match[str]) -> str | None:
    """ "Doors open": the subject and `verb` (an event's verb found in `text`) when a subject
    opens the verb's sentence, else None."""
    before = text[: verb.start()]
    opened = _BEFORE_SUBJECT.match(before)
    subject = before[opened.end() :] if opened is not None else before
    if (tag := _TAG.match(subject)) is not None:
        subject = subject[tag.end() :]  # "PING - meeting starts …": a shouted tag, then the subject
    if _SUBJECT.fullmatch(subject) is None:
        return None
    if verb["plural"] and not subject.rstrip().lower().endswith("s"):
        return None  # "Please open at 6pm": a request's verb
    words = [word for word in verb.group().split() if word.lower() not in ("at", "@")]
    return " ".join([*subject.split(), *words])


def event_stated(text: str, words: frozenset[str]) -> str | None:
    """ "Doors open at 6:30 PM", "Registration begins at 8 a.m.": an event's time, stated in
    the present by its page. Once, or every day? Nothing says. (With a word that says it
    repeats, `tells_of_a_time` does not ask this; a date says once; "Our Sunday Mass is
    celebrated at 9:00 AM" is weekly by the timetable's reading — unless the text states two
    events' times: "Friday gates open at 6 PM; worship begins at 6:30 PM".)"""
    if _STATED_CUES.isdisjoint(words):
        return None
    found = [said for verb in _STATED_VERB.finditer(text) if (said := _stated_by(text, verb))]
    if not found:
        return None
    if len(found) < 2:
        if _DATED.search(text) is not None:
            return None  # once, on the day said
        day = _WEEKDAY.search(text)
        if day is not None and weekly_reading(text, day.group()) is not None:
            return None  # "Our Sunday Mass is celebrated at 9:00 AM": weekly, the timetable's
    said = found[0]
    if len(found) > 1:
        return f"“{said} …” and another event's time: which is the run? to confirm"
    return f"“{said} …” says when an event is, not whether it repeats: to confirm"


# -- a feature, a button or a commit described -----------------------------------------------------

# "Take medicine at specified times every day", "Sends a daily summary at the configured time":
# the time is left to a user or a setting; read without it, the run's hour would be made up.
# (With a clock time beside it, "… at a scheduled time, e.g. run my backup at 7:30pm everyday",
# the time is said; not a default's, "at a user-configurable time (default: 8pm)".)
_UNSAID_TIME: Final = re.compile(
    # ("schedule bot for the specific time with specific commands(daily)": "for" as well)
    # ("Get repeated reminders everyday on the scheduled time": "on" too)
    r"\b(?:at|for|on)\s+(?:the\s+|a\s+|an\s+|any\s+|some\s+|your\s+|their\s+)?(?:user-?|pre-?)?"
    r"(?:specified|specific|configured|configurable|"
    r"scheduled|set|given|certain|chosen|selected|preferred|predefined|pre-defined|preset|"
    r"user-defined|user-specified|desired|defined|designated|custom|appropriate|right|usual|"
    r"fixed|particular|planned|later|"
    # "/// Monday through Friday at the wall-clock time.": a time named, not said
    r"wall[\s-]?clock|local|exact|same|correct|proper|agreed|requested|intended|original|"
    r"expected|corresponding|respective|appointed|allotted|stated|normal|regular|standard)\s+"
    r"(?:times?|hours?|moments?)\b"
    r"|\bat\s+(?:a|the)\s+times?\s+(?:of\s+your\s+choosing|(?:that\s+)?(?:you|the\s+user)\s+"
    r"(?:choose|pick|set|specify|select|prefer|want))\b",
    re.IGNORECASE,
)
_CLOCK_TIME: Final = re.compile(
    r"\b\d{1,2}(?::\d{2})?\s*[ap]\.?m\b|\b\d{1,2}:\d{2}\b|\bnoon\b|\bmidnight\b", re.IGNORECASE
)
_UNSAID_CUES: Final = frozenset(
    "specified specific configured configurable scheduled set given certain chosen selected "
    "preferred predefined preset defined specified desired designated custom appropriate right "
    "usual fixed particular planned choosing choose pick specify later configurable select "
    "prefer want wall local exact same correct proper agreed requested intended original "
    "expected corresponding respective appointed allotted stated normal regular standard".split()
)
_UNSAID_NOUNS: Final = frozenset("time times hour hours moment moments".split())
# "offer a button "Snooze last reminder" which will …", "S - Snooze for 10 minutes": a snooze acts
# on a reminder that exists; a button, a toggle or a shortcut described is a feature, not a run
# ("set a continuous alarm without the option to snooze for 7 am": an alarm asked for, its snooze
# not a run)
_UI: Final = re.compile(
    r"^\W*(?:\w\s*[-–:]\s*)?snooz\w*"
    r"|\b(?:a|an|the)\s+(?:snooze\s+)?(?:button|toggle|checkbox|shortcut|menu\s+item)\b",
    re.IGNORECASE,
)
# The letter runs _UI cannot match without (one of them, on ASCII text)
_UI_WORDS: Final = frozenset(
    "snooze snoozed snoozes snoozing snoozer snoozy button toggle checkbox shortcut menu".split()
)


def feature_described(text: str, words: frozenset[str]) -> str | None:
    """ "Take medicine at specified times every day" (a time left to someone), 'offer a button
    "Snooze last reminder" which will … again in 10minutes time' (a snooze, a button): what an
    app does, described — not a run asked for."""
    if (
        ("at" in words or "for" in words or "on" in words)
        and not _UNSAID_NOUNS.isdisjoint(words)
        and not _UNSAID_CUES.isdisjoint(words)
        and (unsaid := _UNSAID_TIME.search(text)) is not None
        and ("default" in words or _CLOCK_TIME.search(text) is None)
    ):
        return f"“{unsaid.group()}” leaves the time to someone else: which time? to confirm"
    if not _UI_WORDS.isdisjoint(words) and (ui := _UI.search(text)):
        return f"“{ui.group()}” describes what an app does, not a run: to confirm"
    return None


# "Scheduler started – next run at 07:30 Europe/Zurich", "systemd timer shows next run at 02:00
# ET": a scheduler's status, the next run's time shown, not asked for. (With a word that says
# it repeats, "Next run at 02:00 daily.", `tells_of_a_time` reads the habit instead.)
_STATUS: Final = re.compile(
    r"\b(?:next|last|previous|upcoming)\s+(?:scheduled\s+)?(?:run|execution|firing|fire|trigger|"
    r"occurrence)\s*(?:at\b|@|:|is\b|was\b|will\b)"
    # a meeting's next date, as notes and templates show it: "Next Meeting: April 10, 2 PM"
    r"|^\W*(?:next|upcoming)\s+(?:meeting|session|call|class|event)\s*:",
    re.IGNORECASE,
)
_STATUS_CUES: Final = frozenset({"next", "last", "previous", "upcoming"})


def status_shown(text: str, words: frozenset[str]) -> str | None:
    """ "Scheduler started – next run at 07:30 Europe/Zurich": the time a scheduler shows for
    its next (or last) run, not one asked for."""
    return read_table(_STATUS_SHOWN, text, words, "")


_STATUS_SHOWN: Final = Checks(
    Told(
        _STATUS_CUES,
        _STATUS,
        "“{said} …” shows a scheduler's next run, it does not ask: to confirm",
    ),
)


# "docs: Remove references to nightly run at 3am UTC", "revert: run integration tests nightly at
# 1am", "Remove the nightly cron …": a commit's title, or a request to take a schedule away. A
# commit of docs, tests, style, a refactoring or a revert changes no schedule; one that removes,
# drops or documents a run quotes its time. ("ci: run nightly build at 22:00 KST" adds one.)
_COMMIT_KIND: Final = re.compile(
    r"^\W*(?P<kind>docs?|tests?|style|refactor|revert)(?:\([^)]{0,40}\))?!?:\s", re.IGNORECASE
)
_COMMIT_KINDS: Final = frozenset("doc docs test tests style refactor revert".split())
_TAKEN_AWAY: Final = re.compile(
    r"^\W*(?:[a-z]{2,8}(?:\([^)]{0,40}\))?!?:\s*)?"
    r"(?P<verb>remov(?:e|es|ed|ing)|delet(?:e|es|ed|ing)|drop(?:s|ped|ping)?|revert(?:s|ed|ing)?|"
    r"document(?:s|ed|ing)?|deprecat(?:e|es|ed|ing)|clarif(?:y|ies|ied|ying))\s+"
    r"(?:[\w'’-]+\s+){0,4}?(?:references?|mentions?|cron(?:job)?s?|runs?|jobs?|schedules?|"
    r"triggers?|workflows?)\b",
    re.IGNORECASE,
)
_TAKEN_AWAY_CUES: Final = frozenset(
    "remove removes removed removing delete deletes deleted deleting drop drops dropped "
    "dropping revert reverts reverted reverting document documents documented documenting "
    "deprecate deprecates deprecated deprecating clarify clarifies clarified clarifying".split()
)


def commit_described(text: str, words: frozenset[str]) -> str | None:
    """ "docs: Remove references to nightly run at 3am UTC", "revert: run … nightly at 1am":
    a commit's title, or a schedule taken away — its time is quoted, not asked for."""
    if (
        not _COMMIT_KINDS.isdisjoint(words)
        and ":" in text[:24]
        and (kind := _COMMIT_KIND.match(text)) is not None
    ):
        return f"a commit's title (“{kind['kind']}:”) tells of a change, not a run: to confirm"
    return read_table(_TAKEN, text, words, "")


_TAKEN: Final = Checks(
    Told(
        _TAKEN_AWAY_CUES,
        _TAKEN_AWAY,
        "“{said}” takes a run away or tells of it, not asks: to confirm",
        anchored=True,
    ),
)


# -- an event's day told, a thing done, the speaker's own event ----------------------------------

# A day or a date right after "will be", or after "the next … is": "The next Lions Club meeting
# will be November 28.", "Our next gaming will be tuesday night", "Next meeting is on Aug 3rd."
_DAY_AHEAD: Final = (
    r"(?=(?:on\s+|held\s+on\s+|again\s+on\s+)?(?:(?:next|this|the)\s+)?"
    r"(?:(?:first|second|third|fourth|fifth|last|[1-5](?:st|nd|rd|th))\s+)?(?:(?:mon|tues|wednes|thurs|fri|"
    r"satur|sun)day\b|today\b|tomorrow\b|tonight\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|"
    r"nov|dec)[a-z]*\.?\s+\d|\d{1,2}(?:st|nd|rd|th)?\b))"
)
_DAY_TOLD: Final = re.compile(
    r"(?:^|(?<=[.;!?]))\s*\W*(?!" + _NOT_A_SUBJECT + r"\b)"
    r"(?:(?:[\w'’&().,-]+\s+){1,10}?(?:will|would)\s+(?:again\s+|also\s+|then\s+)?be"
    # an event's start told: "Book / chapter / paper club starts 1 December"
    r"|(?:[\w'’&()./,-]+\s+){1,8}?(?:starts|begins|commences|launches|resumes|kicks\s+off)"
    # in the present, only "the next" of a series: "Trash Pickup is on Tuesday" is its habit
    r"|(?:[\w'’&().,-]+\s+){0,4}?next\s+(?:[\w'’&().,-]+\s+){0,4}?(?:is|are))\s+" + _DAY_AHEAD,
    re.IGNORECASE,
)


_STARTS_CUES: Final = frozenset("starts begins commences launches resumes kicks".split())


def day_told(text: str, words: frozenset[str]) -> str | None:
    """ "The next Lions Club meeting will be November 28.", "Next meeting is on Aug 3rd.": an
    event's day, told by its subject with no time of day. A run at 09:00 would be made up;
    with its time ("Our next meeting will be on February 18 at 6pm") the grammar's one run is
    what the text says, and is kept."""
    if (
        (("will" not in words and "would" not in words) or "be" not in words)
        and _STARTS_CUES.isdisjoint(words)
        and "next" not in words
    ):
        return None
    match = _DAY_TOLD.search(text)
    if match is None or _CLOCK_TIME.search(text) is not None:
        return None
    return f"“{match.group().strip()} …” tells an event's day, not when to run: to confirm"


# A thing begun or done, in the present perfect: "Social distanced Tuesday track workouts have
# begun.", "Practices have resumed on Mondays"; the speaker's own ("We’ve scheduled the next
# meeting for Thursday the 13th", "I've booked the room for Friday"): told, not asked. ("Have it
# start at 9am" has no subject; "I've got to leave at 5" is an obligation.)
_DONE: Final = re.compile(
    r"^\W*(?!(?:have|has|please|pls|remind|tell|if|when|once|after|before|until|can|could|would|"
    r"will|should|what|why|how|where)\b)(?:[\w'’&().,-]+\s+){1,6}?"
    r"(?:has|have)\s+(?:already\s+|just\s+|now\s+|also\s+|officially\s+)?"
    r"(?:begun|started|resumed|restarted|returned|ended|finished|commenced|kicked\s+off|moved|"
    r"been\s+(?:scheduled|set|booked|planned|cancell?ed|held))\b"
    r"|^\W*(?:i|we|they)['’]ve\s+(?:already\s+|just\s+|now\s+|also\s+|finally\s+)?"
    r"(?!to\b|got\s+to\b)[a-z]+(?:ed|en|set|put|got|met|held|made|built|run)\b",
    re.IGNORECASE,
)
_DONE_CUES: Final = frozenset({"has", "have", "ve"})


def told_as_done(text: str, words: frozenset[str]) -> str | None:
    """ "Social distanced Tuesday track workouts have begun.", "We’ve scheduled the next meeting
    for Thursday the 13th": what has begun or been done, told — the time in it is not asked for."""
    return read_table(_DONE_TOLD, text, words, "")


_DONE_TOLD: Final = Checks(
    Told(
        _DONE_CUES,
        _DONE,
        "“{said}” tells what has been done, it does not ask: to confirm",
        anchored=True,
    ),
)


# "Next Wednesday we will have our Area's Humorist and Table Topics Speech Contest", "We will
# have our first quiz on 14th": the speaker's event to come, in the future tense (a habit, "we
# will have a knitting group every other Thursday", is read by `tells_of_a_time`'s caller; "I
# have a meeting at 1pm on Wednesday" stays a reminder's, `understand`'s statement rule decides
# it). "remind us that we have …" is a request.
_NOT_A_HOST: Final = (
    r"(?!(?:please|pls|kindly|remind|tell|notify|ping|if|when|whenever|once|after|before|until|"
    r"till|so|can|could|would|should|make|ensure|check|do|does|did|what|why|how)\b)"
)
_HOSTS: Final = re.compile(
    r"^\W*" + _NOT_A_HOST + r"(?:[\w'’.,-]+\s+){0,5}?(?:we|i)\s+"
    r"(?:will|shall|are\s+going\s+to|am\s+going\s+to)\s+(?:also\s+)?"
    r"(?:have|hold|host|be\s+(?:having|holding|hosting))\s+(?:our|my|a|an|the|its|their)\b"
    r"|^\W*" + _NOT_A_HOST + r"(?:[\w'’.,-]+\s+){0,5}?(?:we|i)['’]ll\s+(?:also\s+)?"
    r"(?:have|hold|host)\s+"
    r"(?:our|my|a|an|the)\b",
    re.IGNORECASE,
)
_HOSTS_CUES: Final = frozenset({"have", "hold", "host", "having", "holding", "hosting"})


def speaker_hosts(text: str, words: frozenset[str]) -> str | None:
    """ "Next Wednesday we will have our … Speech Contest": the speaker's event, told after its
    day — a statement, as "we have a meeting at 3" is."""
    return read_table(_HOSTED, text, words, "")


_HOSTED: Final = Checks(
    Told(
        _HOSTS_CUES,
        _HOSTS,
        "“{said} …” tells the speaker's event, it does not ask: to confirm",
        anchored=True,
        also=(frozenset({"we", "i"}),),
    ),
)


# -- a change described ------------------------------------------------------------------------

# "A planned job migration changes the schedule to 04:00 UTC", "This PR changes the meetings
# calendar invite to every third Tuesday of each month": a change told by its subject (a commit,
# a PR, a person), its verb in the third person. ("change the schedule to 4pm" is a request to
# change a job: `doubts.change`.)
_CHANGE_TOLD: Final = re.compile(
    r"^\W*(?!(?:please|pls|remind|tell|if|when|once|after|before|until|can|could|would|will|"
    r"should)\b)(?:[\w'’&().#-]+\s+){1,6}?"
    r"(?:changes|moves|updates|switches|shifts|reschedules|bumps|pushes|adjusts|modifies|sets)\s+"
    r"(?:back\s+)?(?:the|its|their|our|this|that|all|a|an)\s+(?:[\w'’-]+\s+){0,5}?(?:to|for)\b",
    re.IGNORECASE,
)
_CHANGE_TOLD_CUES: Final = frozenset(
    "changes moves updates switches shifts reschedules bumps pushes adjusts modifies sets".split()
)
# "Practice was cancelled on Thursday", "the 9am standup is called off": an event taken away
_CALLED_OFF: Final = re.compile(
    r"\b(?:was|were|is|are|has\s+been|have\s+been|got|will\s+be)\s+(?:now\s+)?"
    r"(?:cancell?ed|called\s+off|scrapped)\b",
    re.IGNORECASE,
)
_CALLED_OFF_CUES: Final = frozenset({"cancelled", "canceled", "called", "scrapped"})


def change_told(text: str, words: frozenset[str]) -> str | None:
    """ "This PR changes the meetings calendar invite to every third Tuesday of each month",
    "Practice was cancelled on Thursday": a change described by what makes it, or an event
    called off — the schedule is quoted, not asked for."""
    return read_table(_CHANGES, text, words, "")


_A_CHANGE: Final = "“{said} …” describes a change, it does not ask: to confirm"
_CHANGES: Final = Checks(
    Told(_CHANGE_TOLD_CUES, _CHANGE_TOLD, _A_CHANGE, anchored=True),
    Told(_CALLED_OFF_CUES, _CALLED_OFF, _A_CHANGE),
)


# -- an observation, an opinion, a pointer elsewhere ---------------------------------------------

# "Observe that release will be created and deployed at 5pm AEST", "Notice that the job ran at
# 2am": a reader told to look at what happens, in a bug report's steps or a tutorial
_NOTICE: Final = re.compile(
    r"^\W*(?:(?:you\s+(?:will|can|may|might|should)\s+|you['’]ll\s+)?(?:observe|notice|note|see)|"
    r"(?:please\s+)?(?:observe|notice))\s+(?:that|how)\b",
    re.IGNORECASE,
)
_NOTICE_CUES: Final = frozenset({"observe", "notice", "note", "see"})
# "Midnight EST seems arbitrary and acceptable.", "Midnight seems to be the peak hour of the
# day": what a time seems, or sounds, to someone — an opinion, not a run. (A subject, then the
# verb: "Sounds good, remind me at 5" opens with the verb.)
_OPINION: Final = re.compile(
    r"^\W*(?!(?:it|that|this|please|pls|remind|if|when|once|what|why|how|which)\b)"
    r"(?:[\w:'’.()-]+\s+){1,5}?(?:seems?|seemed|sounds|sounded)\b"
    # "It seems the job runs every hour", "It looks like the cron fired at 3am": what is seen
    r"|^\W*(?!(?:please|pls|remind|tell|if|when|once|unless)\b)(?:[\w/.'’-]+\s+){0,4}?"
    r"it\s+(?:seems|seemed|looks|looked|appears|appeared)\s+(?:like|that|as\s+if|as\s+though|"
    r"the|to)\b"
    # with its "it" left out: "Seems there is no such options for reminder, so I must …"
    r"|^\W*(?:seems|seemed|appears|appeared)\s+(?:like|that|as\s+if|as\s+though|there|to\s+be)\b"
    r"(?![^.!?\n]{0,160}\b(?:remind|please|pls)\b)",
    re.IGNORECASE,
)
_OPINION_CUES: Final = frozenset(
    {"seem", "seems", "seemed", "sounds", "sounded", "looks", "looked", "appears", "appeared"}
)
# "Mondays, Wednesdays, and Fridays as listed on the Street Sweeping Schedule Map (PDF)": the days
# point to a timetable kept elsewhere, which holds the times. (Said of the days or the times, not
# of the task: "post the agenda as listed in the doc".)
_ELSEWHERE: Final = re.compile(
    r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|days|dates|times|hours|noon|midnight|"
    r"\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2})\)?,?\s+"
    r"as\s+(?:listed|shown|posted|published|given|indicated|outlined|detailed|marked|printed)\s+"
    r"(?:on|in|at|by)\s+(?:the|our|your|their|this|that|each)\b",
    re.IGNORECASE,
)
_ELSEWHERE_CUES: Final = frozenset(
    "listed shown posted published given indicated outlined detailed marked printed".split()
)


def observed(text: str, words: frozenset[str]) -> str | None:
    """ "Observe that release will be created and deployed at 5pm AEST" (a step of a bug report),
    "Midnight EST seems arbitrary and acceptable." (an opinion of a time), "Mondays, Wednesdays,
    and Fridays as listed on the … Schedule Map" (a timetable kept elsewhere): the time is looked
    at, not asked for."""
    return read_table(_OBSERVED, text, words, "")


_OBSERVED: Final = Checks(
    Told(
        _NOTICE_CUES,
        _NOTICE,
        "“{said} …” points at what happens, it does not ask: to confirm",
        anchored=True,
    ),
    Told(
        _OPINION_CUES,
        _OPINION,
        "“{said} …” gives an opinion of a time, not a run: to confirm",
        anchored=True,
    ),
    Told(
        _ELSEWHERE_CUES,
        _ELSEWHERE,
        "“{said} …”: the times are kept elsewhere; to confirm",
        strip="",
    ),
)


# "- .github/workflows/codeql.yml: Mon 00:00 -> Mon 00:41 UTC", "03:00 → 04:30": a time, an
# arrow, another time — a change from one to the other (or a conversion): which is the run?
# ("from 10:00 → 14:59", a window said with "from", is a range.)
_ARROW_TIME: Final = r"(?:\d{1,2}:\d{2}|\d{1,2}\s*[ap]\.?m\.?|noon|midnight)"
_ARROW: Final = re.compile(
    r"(?<!from\s)(?<!between\s)\b" + _ARROW_TIME + r"(?:\s*[A-Z]{2,5})?\s*(?:->|→|=>|⟶)\s*"
    r"(?:[A-Za-z]{2,9}\.?\s+)?" + _ARROW_TIME,
    re.IGNORECASE,
)


def arrow_between_times(text: str) -> str | None:
    """ "Mon 00:00 -> Mon 00:41 UTC (cron '41 0 * * 1')": two times joined by an arrow tell a
    change (or a conversion), not one schedule to run."""
    if "->" not in text and "→" not in text and "=>" not in text and "⟶" not in text:
        return None
    found = _ARROW.search(text)
    if found is None:
        return None
    return f"“{found.group()}”: a time changed into another, not one run: to confirm"


# -- a group's time in the small hours ----------------------------------------------------------

# the builder's note for a time with minutes read on the 24-hour clock before 8am ("6:30" as 06:30)
_EARLY_CLOCK_NOTE: Final = re.compile(r'"(\d{1,2}:\d\d)" read on the 24-hour clock as 0[1-7]:')
# what a club, a class or a congregation does, or is: its meetings are after work more often than
# not ("The first Thursday of every month at 6:30, a longstanding group meets for the …")
_GATHERING: Final = frozenset(
    "meet meets meeting meetings club clubs group groups class classes practice practices "
    "rehearsal rehearsals choir service services worship mass bingo social potluck supper "
    "dinner lodge chapter league team troop scouts study fellowship bjj karate yoga zumba dance "
    "members session sessions lesson lessons knitting bridge cribbage trivia storytime".split()
)


def gathering_small_hours(text: str, notes: tuple[str, ...]) -> str | None:
    """Why a group's meeting read at a clock time before 8am ("6:30" as 06:30) is asked about,
    or None. A time with minutes and no am/pm is the 24-hour clock's where the zone's country
    writes it, but clubs, classes and congregations meet after work: "at 6:30, a longstanding
    group meets" is 6:30pm more likely than not. (The notes are looked at first: most answers
    have no such time.)"""
    for note in notes:
        found = _EARLY_CLOCK_NOTE.match(note)
        if found is not None:
            break
    else:
        return None
    if _GATHERING.isdisjoint(re.findall(r"[a-z]+", text.lower())):
        return None
    written = found.group(1)
    return f"“{written}” for a group's meeting may be the evening's: say “{written}pm”"


# -- a bug report's or a test plan's expected and actual behaviour ------------------------------

# "Expected: Runs at 9 AM daily", "Expected behavior: the job runs every Monday at 9am", "Actual
# result: job fired at 05:00": what a run should do or did, in a bug report or a test plan's
# step — the schedule is described, to check against, not asked for
_BEHAVIOUR: Final = re.compile(
    r"^\W*(?:expected|actual|observed|current)(?:\s+(?:behaviou?rs?|results?|outcomes?|outputs?))?"
    r"\s*[:：]",
    re.IGNORECASE,
)
_BEHAVIOUR_CUES: Final = frozenset({"expected", "actual", "observed", "current"})


def behaviour_described(text: str, words: frozenset[str]) -> str | None:
    """ "Expected: Runs at 9 AM daily", "Actual behavior: the workflow runs at 10:00 UTC every
    day": a bug report's or a test plan's expected or actual behaviour, not a request."""
    if _BEHAVIOUR_CUES.isdisjoint(words):
        return None
    found = _BEHAVIOUR.match(text)
    if found is None:
        return None
    return f"“{found.group().strip()}” describes how a run behaves, it does not ask: to confirm"


# -- a change, a feature or a title described (round thirteen) -------------------------------------

# A changelog's line, a pull request's bullet or a commit's body opens with its verb in the third
# person or as a gerund: "Adds the requested daily, weekday, Monday, Friday, and custom schedule
# presets to the Console task form.", "Clarifies that … the default 23:00 collection daily-report
# task.", "Schedules grouped Dependabot updates for Sunday at 00:00 UTC …", "Updating sigs.yaml for
# meeting time change to 10 AM PT and running `make`": it tells what a change does. (A request
# opens with the verb itself: "add", "schedule".) A schedule said whole in it is still read, asked.
_CHANGELOG_VERBS: Final = frozenset(
    "introduce adds introduces clarifies schedules reschedules restores moves updates changes "
    "switches removes enables disables reduces increases bumps fixes documents implements "
    "supports allows ensures makes sets lowers raises limits replaces adjusts tweaks extends "
    "shortens improves "
    "consolidates aligns converts migrates renames reverts defaults "
    "adding introducing clarifying restoring moving updating changing switching removing "
    "enabling disabling reducing increasing bumping fixing documenting implementing adjusting "
    "tweaking extending shortening improving consolidating aligning converting migrating "
    "renaming reverting rescheduling "
    # a feature's line: "⏰ Sends a reminder every 2.5 hours"
    "sends".split()
)
# in the past, with the code it is about quoted: a report of what was done ("Created a cronjob
# with schedule of `"0 12 * * 5"` to run on Friday noon."; "added a cron job to scrape dayly the
# web at 12pm." is a request's way too)
_DONE_VERBS: Final = frozenset("created added configured implemented introduced".split())
# "Default schedule: 06:00 UTC daily", "clean downloaded package archives every 7 days by
# default", "the default 23:00 collection daily-report task": a default described
_DEFAULT: Final = re.compile(
    r"\b(?:by\s+default|defaults?\s+(?:to|is|schedule|time)|default)\b", re.IGNORECASE
)


def change_described(text: str, words: frozenset[str]) -> str | None:
    """ "Adds the requested daily, weekday, Monday, Friday, and custom schedule presets …",
    "Updating sigs.yaml for meeting time change to 10 AM PT …", "… every 7 days by default": a
    change, a feature or a default described by its changelog line — what it says is quoted,
    not asked for."""
    if not _CHANGELOG_VERBS.isdisjoint(words) or (
        "`" in text and not _DONE_VERBS.isdisjoint(words)
    ):
        verb = _changelog_verb(text)
        if verb is not None:
            return f"“{verb} …” describes a change or a feature, it does not ask: to confirm"
    if ("default" in words or "defaults" in words) and (default := _DEFAULT.search(text)):
        return f"“{default.group()}” describes a default, it does not ask: to confirm"
    return None


# what a tool "sends" in a feature's line: "⏰ Sends a reminder every 2.5 hours"
_SENT_THING: Final = re.compile(
    r"\s+(?:an?\s+|daily\s+|weekly\s+)?(?:reminders?|notifications?|alerts?|nudges?)\b", re.I
)
_THIS_CHANGE: Final = re.compile(
    r"(?:this|the)\s+(?:pr|pull\s+requests?|commit|change|patch|mr|merge\s+request|release)\s+",
    re.I,
)
_SCOPE: Final = re.compile(r"[\w./-]{2,24}(?:\([^)]{0,40}\))?!?:\s")


def _changelog_verb(text: str) -> str | None:
    """The verb a changelog's line opens with ("Adds", "Updating"), after a list's mark and up
    to three scopes ("feat(ci): ", "netdata: debsecan: "); None when it opens with another word."""
    rest = text.lstrip(_OPENING_MARKS + "0123456789.)")
    if (this := _THIS_CHANGE.match(rest)) is not None:
        rest = rest[this.end() :]  # "This PR adds a calendar entry for …"
    for _ in range(3):
        scope = _SCOPE.match(rest)
        if scope is None:
            break
        rest = rest[scope.end() :].lstrip()
    head = rest.split(None, 2)
    if not head:
        return None
    verb = head[0].rstrip(".,:;!")
    if verb.lower() not in _CHANGELOG_VERBS and (
        verb.lower() not in _DONE_VERBS or "`" not in text
    ):
        return None
    if len(head) > 1 and head[1].lower() in ("me", "us", "my", "our"):
        return None  # ("sets my alarm …": a request's words after it)
    if verb.lower() == "sends" and _SENT_THING.match(rest[len(head[0]) :]) is None:
        return None  # ("Sends a daily summary at 9:00.": a job's line, its time said)
    return verb


# "There is also a Slack bot every Wednesday & Friday prompting a check-in.", "There was a water
# leak in the Youth Services area on Monday, January 26th.": what there is, or was — told
_THERE_IS: Final = re.compile(
    # ("There once was a girl named Sally. She woke up at 6 am everyday …": a story's opening)
    r"^\W*there\s*(?:once\s+|also\s+|still\s+)?(?:is|are|was|were|'s|’s|will\s+be|had\s+been|"
    r"has\s+been|lived)\b",
    re.IGNORECASE,
)
# "cron.weekly is a weekly newsletter, delivered to you every Sunday, …": what a thing is, its
# cadence in its kind
_IS_A_KIND: Final = re.compile(
    r"^\W*(?:[\w.'’&-]++\s+){1,4}?(?:is|are)\s+(?:a|an|our|the|my|their)\s+(?:free\s+|new\s+|"
    r"short\s+|small\s+|regular\s+)?(?:daily|weekly|bi-?weekly|fortnightly|monthly|quarterly|"
    r"yearly|annual|nightly|hourly)\s+[a-z]+",
    re.IGNORECASE,
)
# "@cgthayer the community meeting is at 9am pacific as the readme already states.": the time is
# pointed to where it is written
_AS_WRITTEN: Final = re.compile(
    r"\bas\s+(?:the|our|this|that|my|your|their)\s+[\w.-]+\s+(?:already\s+|also\s+|clearly\s+)?"
    r"(?:states|stated|says|said|mentions|mentioned|notes|noted|shows|showed|explains|explained|"
    r"describes|described)\b",
    re.IGNORECASE,
)
_AS_WRITTEN_CUES: Final = frozenset(
    "states stated says said mentions mentioned notes noted shows showed explains explained "
    "describes described".split()
)
# "Got it. 6/16 (Wed) 10 AM. Pacific time.", "Noted — Thursday at 3": a time acknowledged, the
# other's proposal, not a request
_ACKNOWLEDGED: Final = re.compile(
    r"^\W*(?:got\s+it|noted|sounds\s+good|sounds\s+great|works\s+for\s+me|confirmed|"
    r"understood|roger|will\s+do)\s*[.!,;:—–-]"
    # (not when a request follows: "Got it. Now remind me at 5")
    r"(?![^\n]*\b(?:let['’]?s|lets|remind|please|pls|put|set|add|schedule|book|create|make|"
    r"ping|notify|wake)\b)",
    re.IGNORECASE,
)
# "The current meeting time is 11:30 UTC.", "Our new meeting time is Thursdays at 10": a time
# told by its subject; "This is still 5 PM CET.": a time said of something before
_TIME_IS: Final = re.compile(
    r"^\W*(?:(?:the|our|my|their|its|this|that)\s+(?:[\w'’-]++\s+){1,3}?(?:time|times|slot|hour)\s+"
    r"(?:is|are|was|were|will\s+be|remains?|stays?)"
    r"|(?:this|that|it)\s+(?:is|was|'s|’s)\s+(?:still|now|then|also)(?=\s+\d))\b",
    re.IGNORECASE,
)
_TIME_IS_CUES: Final = frozenset("time times slot hour still now then also".split())
# "The content scoop of Levelbuilder content into Staging should happen at noon.": what should
# happen, told by its subject (a request opens with its verb)
_SHOULD_HAPPEN: Final = re.compile(
    r"^\W*(?:the|this|that|our|my|their|its|a|an)\s+(?:[\w'’&().-]++\s+){0,8}?"
    r"(?:should|must|needs\s+to|has\s+to|ought\s+to|is\s+supposed\s+to|are\s+supposed\s+to)\s+"
    r"(?:also\s+|only\s+|always\s+)?(?:happen|occur|take\s+place|be\s+(?:run|done|executed|"
    r"triggered|executed|held|sent))\b",
    re.IGNORECASE,
)
_SHOULD_CUES: Final = frozenset({"should", "must", "needs", "has", "ought", "supposed"})
# "At Thursdays Club meeting a discussion came up on group runs.": a thing that arose, told
_AROSE: Final = re.compile(
    r"\b(?:a|an|the|this|that|some|it)\s+(?:[\w'’-]+\s+){0,2}?(?:came\s+up|arose|cropped\s+up|"
    r"broke\s+out)\b",
    re.IGNORECASE,
)


def situation_told(text: str, words: frozenset[str]) -> str | None:
    """ "There is also a Slack bot every Wednesday & Friday …", "… is at 9am pacific as the
    readme already states.", "Got it. 6/16 (Wed) 10 AM.", "The current meeting time is 11:30
    UTC.", "… should happen at noon.", "… a discussion came up …": how things are, or were,
    told — not a request. (Each pattern runs only when the words it needs are said.)"""
    return read_table(_SITUATIONS, text, words, _first_word(text))


_OPENING_MARKS: Final = " \t-*•#>`'\"“‘(["


def _first_word(text: str) -> str:
    """The first word of `text` in lower case, its opening marks left out ("- Adds" -> "adds")."""
    head = text.lstrip(_OPENING_MARKS).split(None, 1)
    return head[0].lower().rstrip(".,:;!") if head else ""


_KINDS: Final = frozenset(
    "daily weekly biweekly bi fortnightly monthly quarterly yearly annual nightly hourly".split()
)
_ACK_FIRST: Final = frozenset("got noted sounds works confirmed understood roger will".split())
_TIME_IS_FIRST: Final = frozenset("the our my their its this that it".split())
_DETERMINERS: Final = frozenset("the this that our my their its a an".split())
_SHOULD_VERBS: Final = frozenset("happen occur place run done executed triggered held sent".split())
_SITUATIONS: Final = Checks(
    Told(
        frozenset({"there"}),
        _THERE_IS,
        "“{said} …” tells how things are, it does not ask: to confirm",
        first=True,
        anchored=True,
    ),
    Told(
        _KINDS,
        _IS_A_KIND,
        "“{said} …” tells what a thing is, it does not ask: to confirm",
        anchored=True,
        also=(frozenset({"is", "are"}),),
    ),
    Told(
        frozenset({"as"}),
        _AS_WRITTEN,
        "“{said}”: the time is pointed to, not asked for; to confirm",
        also=(_AS_WRITTEN_CUES,),
        strip="",
    ),
    Told(
        _ACK_FIRST,
        _ACKNOWLEDGED,
        "“{said}” acknowledges a time proposed, it does not ask: to confirm",
        first=True,
        anchored=True,
    ),
    Told(
        _TIME_IS_FIRST,
        _TIME_IS,
        "“{said} …” tells a time, it does not ask: to confirm",
        first=True,
        anchored=True,
        also=(_TIME_IS_CUES,),
    ),
    Told(
        _DETERMINERS,
        _SHOULD_HAPPEN,
        "“{said} …” tells what should happen, it does not ask: to confirm",
        first=True,
        anchored=True,
        also=(_SHOULD_CUES, _SHOULD_VERBS),
    ),
    Told(
        frozenset({"came", "arose", "cropped", "broke"}),
        _AROSE,
        "“{said}” tells what happened, it does not ask: to confirm",
    ),
)


# When no time of day is said and the answer's would be a default (09:00), a text that changes a
# schedule or names one as a title is asked about, never filled in silently: "ci: run the update
# workflow every Mon", "Execute stale workflow only once a day", "Change execution to the first
# Monday of a month", "BOT telegram daily schedule massage with python", "let's meet every other
# Tuesday", "“Hampton Breakfast Bunch Wednesday”", "how good our Wednesdays continue to be".
_COMMIT_TYPE: Final = re.compile(
    r"^\W*(?:feat|fix|ci|chore|build|perf|refactor|docs?|style|tests?|revert|deps|ops|infra|"
    r"workflows?|config|cron|release)(?:\([^)]{0,40}\))?!?:\s",
    re.IGNORECASE,
)
_DAYS_WORD: Final = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekdays?|weekends?|mornings?|evenings?|"
    r"nights?|afternoons?|daily|weekly|monthly|nightly|hourly|once\s+a\s+[a-z]+)"
)
# "only" said of the schedule: "Only send the reminder on weekdays", "only once a day", "for only
# Monday mornings", "on mondays only" ("Aeon only accepts pitches from the 1st …" is a habit told)
_ONLY: Final = re.compile(
    r"^\W*only\b|\bonly\s+(?:on\s+|in\s+the\s+|during\s+|at\s+|every\s+|each\s+|once\b|twice\b|"
    + _DAYS_WORD
    + r")|\b"
    + _DAYS_WORD
    + r"\s+only\b",
    re.IGNORECASE,
)
_CHANGE_OPENS: Final = frozenset(
    "change changed changes move moved moves switch switched update updated modify modified "
    "adjust adjusted shift shifted reschedule rescheduled".split()
)
_NAMED_CADENCE: Final = re.compile(
    r"\b(?:daily|weekly|monthly|nightly|hourly|weekday|weekend|yearly|annual|day|week|month)\s+"
    r"(?:(?:reminder|notification|repeat|recurrence|recurring|alarm|task)\s+)?"
    r"(?:schedules?|presets?|options?|modes?|cadences?|frequenc(?:y|ies)|plans?|routines?)\b",
    re.IGNORECASE,
)
_PROPOSAL: Final = re.compile(
    r"\b(?:let['’]?s|i\s+propose|we\s+propose|how\s+about|shall\s+we|we\s+could|maybe\s+we|"
    # "I’d like to propose that we set up a regular call once per month, on the 1st Thursday …"
    r"(?:like|want|wanted)\s+to\s+(?:propose|suggest)|(?:propose|suggest)\s+that\s+we)\b",
    re.IGNORECASE,
)
_OWNED_DAYS: Final = re.compile(
    r"\b(?:our|my|your|their|his|her)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)days\b",
    re.IGNORECASE,
)
# "The `schedule: daily on weekdays` line tells `gh-aw` to run the workflow once a day, …": a
# sentence about the schedule, its subject first
_EXPLAINED: Final = re.compile(
    r"^\W*(?:the|this|that|these|those|it)\s+(?:[\w`'’:.-]+\s+){0,6}?"
    r"(?:tells|makes|lets|causes|means|says|will|would|should|can|could)\b",
    re.IGNORECASE,
)
# a meeting or an appointment on a day: its time is the meeting's, not said ("Schedule the next
# meeting for Monday.")
_APPOINTMENTS: Final = frozenset("meeting meetings appointment appointments".split())
_QUOTES: Final = {"“": "”", '"': '"', "‘": "’", "'": "'", "«": "»", "`": "`"}
# "… add a recurring task e.g. every third Wednesday of each month": the schedule is an example
_EXAMPLE: Final = re.compile(
    r"\b(?:e\.\s?g\.?|eg\.|for\s+example|for\s+instance|such\s+as)"
    # ("For example, I have a task repeat every week on mondays.": a case told after a comma;
    # "for example, every 4 days" gives the schedule itself)
    r"(?:\s|,\s*(?=(?:i|we|my|our|you|if|when)\b))",
    re.IGNORECASE,
)


# "Get repeated reminders everyday on the scheduled time", "everday at a set time": a time
# referred to, not said
_TIME_REFERRED: Final = re.compile(
    r"\b(?:on|at|by|for)\s+(?:the|a|its|their|your|my|our)\s+(?:scheduled|specified|set|chosen|"
    r"selected|configured|given|desired|preferred|certain|particular|specific|same|usual|"
    r"appointed|right)\s+time\b",
    re.IGNORECASE,
)


_MISSPELT_EVERYDAY: Final = frozenset("everday evryday eveyday evreyday eevryday".split())


def part_only(text: str, words: frozenset[str]) -> str | None:
    """Why an answer whose time of day is a default should be asked about when `text` changes
    a schedule or names one as a title (a commit's type, "only", a change's verb first, a named
    cadence, a proposal, a name in quotes, days owned): its hour would be made up. (Each pattern
    runs only when the words it needs are said.)"""
    stripped = text.strip()
    if "time" in words and (referred := _TIME_REFERRED.search(text)) is not None:
        return f"“{referred.group()}” refers to a time it does not say: to confirm"
    if not _MISSPELT_EVERYDAY.isdisjoint(words):
        # "Sign in to personalize EverDay.", "better and better eveyday at this task": a
        # misspelt "everyday" with no time may be a name or an adverb, not a schedule
        return "“every day” misspelt, and no time is said: to confirm"
    if stripped[:1] in _QUOTES and stripped.endswith(_QUOTES[stripped[:1]]) and len(stripped) > 2:
        return "the text is quoted (a name, an example): no time is said; to confirm"
    if ":" in text[:40] and (kind := _COMMIT_TYPE.match(text)) is not None:
        return f"a commit's title (“{kind.group().strip()}”) names no time: to confirm"
    if "only" in words and (only := _ONLY.search(text)) is not None:
        return f"“{only.group()}” narrows a schedule that exists, and no time is said: to confirm"
    first = _first_word(text)
    if first in _CHANGE_OPENS:
        return f"“{first} …” changes a schedule, and no time is said: to confirm"
    if (
        not _CADENCE_NOUNS.isdisjoint(words)
        and (not _KINDS.isdisjoint(words) or not _CADENCE_UNITS.isdisjoint(words))
        and (found := _NAMED_CADENCE.search(text)) is not None
    ):
        return f"“{found.group()}” names a kind of schedule, and no time is said: to confirm"
    if not _PROPOSAL_CUES.isdisjoint(words) and (found := _PROPOSAL.search(text)) is not None:
        return f"“{found.group()} …” proposes, and no time is said: to confirm"
    if not _OWNERS.isdisjoint(words) and (found := _OWNED_DAYS.search(text)) is not None:
        return f"“{found.group()}” speaks of the days, it does not ask: to confirm"
    if not _EXAMPLE_CUES.isdisjoint(words) and (found := _EXAMPLE.search(text)) is not None:
        return f"“{found.group().strip()}” gives the schedule as an example: to confirm"
    if first in _EXPLAINED_FIRST and (found := _EXPLAINED.match(text)) is not None:
        return f"“{found.group().strip()} …” explains a schedule, and no time is said: to confirm"
    if not _APPOINTMENTS.isdisjoint(words):
        return "a meeting's day is said, not its time: to confirm"
    if not _HABIT_TOLD_CUES.isdisjoint(words) and (found := _HABIT_TOLD.search(text)) is not None:
        return f"“{found.group()} …” tells an event's habit, and no time is said: to confirm"
    if first in _SPEC_OPENS:
        # "Should run every Saturday": an issue's title, what a program should do
        return f"“{first} …” tells what a program should do, and no time is said: to confirm"
    if first in _FEATURE_OPENS:
        return f"“{first} …” describes what a tool does, and no time is said: to confirm"
    if first in _DOCS_OPENS and (found := _QUOTED_SCHEDULE.search(text)) is not None:
        return f"“{first} …” asks for words about a schedule, not a run: to confirm"
    return told_without_time(text, words, first)


# "This is a recurring event and takes place every Friday.", "The market is held each Saturday":
# an event's habit, told, with no time of day
_HABIT_TOLD: Final = re.compile(
    r"\b(?:takes?\s+place|(?:is|are)\s+held)\s+(?:on\s+)?(?:every|each|"
    r"weekly|monthly|daily|once|twice)\b|\b(?:a|an)\s+recurring\s+(?:event|meeting|gathering)\b",
    re.IGNORECASE,
)
_HABIT_TOLD_CUES: Final = frozenset("place held recurring".split())
# a feature's bullet opens with an adverb: "Automatically create a data backup every day."
_FEATURE_OPENS: Final = frozenset({"automatically"})
_SPEC_OPENS: Final = frozenset({"should", "must"})
# "Mention "every second Tuesday each month" on the site": words about a schedule, to write
_DOCS_OPENS: Final = frozenset("mention document describe explain clarify".split())
_QUOTED_SCHEDULE: Final = re.compile(r"[\"“'‘`][^\"“”'‘’`]{3,80}[\"”'’`]")


_CADENCE_NOUNS: Final = frozenset(
    "schedule schedules preset presets option options mode modes cadence cadences frequency "
    "frequencies plan plans routine routines".split()
)
_CADENCE_UNITS: Final = frozenset("day week month".split())
_PROPOSAL_CUES: Final = frozenset("let lets propose suggest how shall could maybe".split())
_OWNERS: Final = frozenset("our my your their his her".split())
_EXAMPLE_CUES: Final = frozenset("e eg example instance such".split())
_EXPLAINED_FIRST: Final = frozenset("the this that these those it".split())


# -- a wish, a reply, someone described (round fourteen) ------------------------------------------

# A feature wished for, in an issue or a roadmap: "I would love to see the ability to have multiple
# backups daily, eg. every 3 hours.", "We would like to ask you if you were able to add recurring
# reminders (like once every minute/hour/day/week/...)", "Only support reminder at daily
# granularity": what a tool should be able to do — the schedule in it is an example.
_WISH: Final = re.compile(
    r"\b(?:the|an?)\s+(?:ability|possibility|capability)\s+to\b"
    r"|\bwould\s+(?:love|like)\s+to\s+see\b"
    r"|\bit\s+would\s+be\s+(?:nice|great|cool|awesome|helpful|useful|good)\s+(?:to|if)\b"
    # what a feature is worth to the speaker: "It's very useful to me to have it ping me … at 8am"
    r"|\bit(?:['’]s|\s+is|\s+was|\s+would\s+be)\s+(?:very\s+|really\s+|so\s+|super\s+|extremely\s+)?"
    r"(?:useful|helpful|handy|convenient|valuable)\s+(?:to|for)\s+(?:me|us)\b"
    r"|\b(?:were|are|would\s+be|will\s+be)\s+able\s+to\s+(?:add|support|offer|provide|implement)\b"
    r"|\bfeature\s+request\b|\badd(?:ing|ed)?\s+support\s+for\b"
    # units offered as alternatives: "once every minute/hour/day/week"
    r"|\bevery\s+(?:minute|hour|day|week|month|year)s?\s*/\s*(?:minute|hour|day|week|month|year)"
    # a precision, not a schedule: "at daily granularity", "with minute resolution"
    r"|\b(?:daily|hourly|weekly|monthly|minute|day|hour|second|minutely)[\s-]+"
    r"(?:granularity|resolution|precision)\b",
    re.IGNORECASE,
)
_WISH_CUES: Final = frozenset(
    "ability possibility capability see nice great cool awesome helpful useful good able request "
    "handy convenient valuable "
    "support granularity resolution precision".split()
)
# a label that names a wish: "Idea for MVP: …", "Feature request: …", "Proposal: …"
_WISH_LABELS: Final = frozenset(
    "idea ideas proposal proposals suggestion suggestions wish wishlist feature enhancement rfc "
    "mvp roadmap".split()
)


def wish_told(text: str, words: frozenset[str], *, label: str = "") -> str | None:
    """ "I would love to see the ability to have multiple backups daily, eg. every 3 hours.",
    "Idea for MVP: Only support reminder at daily granularity, not minutely.": a feature wished
    for — the schedule in it is an example of what a tool should do, not a run asked for."""
    if label and not _WISH_LABELS.isdisjoint(re.findall(r"[a-z]+", label.lower())):
        return f"“{label.strip()}” names a wish or an idea, not a run: to confirm"
    if _WISH_CUES.isdisjoint(words) and "/" not in text:
        return None
    found = _WISH.search(text)
    if found is None:
        return None
    return f"“{found.group()}” wishes for a feature, it does not ask for a run: to confirm"


# A bot's own reply, quoted: "Ok. I'll remind you to foo on April 20 at 10:30 AM", "Reminder set!
# I will remind you at 5pm": the speaker is the one who reminds, the time is what it set
# how a reply opens: "Ok. ", "Got it, ", "Alright, ", "Sure! "
_ACKS: Final = (
    r"(?:(?:ok(?:ay)?|got\s+it|done|alright|all\s+right|sure|great|perfect|all\s+set|noted)"
    r"[.!,]?\s+)"
)
_REPLY: Final = re.compile(
    r"(?:\b(?:i['’]ll|i\s+will|i\s+shall|i\s+am\s+going\s+to|i['’]m\s+going\s+to)|^\W*(?:"
    + _ACKS
    + r")?will)\s+(?:also\s+)?"
    r"(?:remind|ping|notify|nudge|alert)\s+(?:you|u|y['’]all|everyone|the\s+channel)\b"
    r"|^\W*(?:" + _ACKS + r")?(?:your\s+)?reminder\s+"
    r"(?:has\s+been\s+|was\s+|is\s+)?(?:set|created|scheduled|saved|added)\b(?!\s+(?:to|up)\b)"
    # "Created a reminder for tomorrow 9am": what the bot did ("create a reminder …" asks)
    r"|^\W*(?:" + _ACKS + r")?(?:i['’]ve\s+|i\s+have\s+)?(?:created|added|scheduled)\s+"
    r"(?:a|your|the)\s+(?:new\s+|daily\s+|weekly\s+|recurring\s+)?reminder\b",
    re.IGNORECASE,
)
_REPLY_CUES: Final = frozenset("remind ping notify nudge alert reminder".split())


def bot_reply(text: str, words: frozenset[str]) -> str | None:
    """ "Ok. I'll remind you to foo on April 20 at 10:30 AM": a bot's reply, quoted — the time
    it set, not a run asked for."""
    if _REPLY_CUES.isdisjoint(words) or (
        "you" not in words
        and "reminder" not in words
        and ("u" not in words and "everyone" not in words and "channel" not in words)
    ):
        return None
    found = _REPLY.search(text)
    if found is None:
        return None
    return f"“{found.group().strip()}” is a reminder's reply, not a request: to confirm"


# Someone described, in a story or a persona's bullet: "He would dress with care … on Thursdays",
# "Most students are still a little sleepy at 9am so …", "- Tony (CDO) wanting to check CI/CD
# health every 30 minutes": a habit or a wish of a third person, told — not asked of us.
_SOMEONE: Final = re.compile(
    r"^\W*(?:he|she|they)\s+(?:would|used\s+to|always|usually|often|never|[a-z]{3,}ed|"
    # the past of the verbs a story tells with: "She woke up at 6 AM groggy, skipped routine"
    r"woke|went|came|took|got|left|made|had|was|were|said|told|ran|began|sat|stood|slept|ate|"
    r"drove|wrote|met|saw|felt|kept|spent|caught|brought|bought|heard|knew|thought)\b"
    r"(?!\s+(?:like|love|prefer|want|need|to\s+be\s+reminded)\b)"
    r"|^\W*(?:most|many|some|few|several)\s+(?:of\s+(?:the|our|my)\s+)?[a-z]{3,}\s+"
    r"(?:are|were|is|was|get|got|feel|felt|tend|seem|seemed)\b"
    r"|^\W*[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s*\([^()]{1,30}\)\s*(?:wanting|needing|trying|hoping)\s+to\b",
    re.IGNORECASE,
)
_SOMEONE_FIRST: Final = frozenset("he she they most many some few several".split())


def someone_described(text: str, first: str) -> str | None:
    """ "He would dress with care … on Thursdays", "Most students are still a little sleepy at
    9am …", "- Tony (CDO) wanting to check CI/CD health every 30 minutes": a third person's habit
    or wish, told (`first`: the text's first word, lowered)."""
    if first not in _SOMEONE_FIRST and "(" not in text:
        return None
    found = _SOMEONE.match(text)
    if found is None:
        return None
    return f"“{found.group().strip()} …” describes someone, it does not ask: to confirm"


# "Rain date October 24th": the day an event moves to if the weather spoils it; "- On app
# startup, the initial notification time is set to 10 PM": a run on an event, a setting's value
_CONTINGENT: Final = re.compile(
    r"\b(?:rain|snow|weather)[\s-]?dates?\b"
    r"|\b(?:on|at|upon|after)\s+(?:app\s+|application\s+|system\s+|server\s+|first\s+)?"
    r"(?:startup|start-up|launch|boot|bootup|login|log-in|install|installation)\b"
    r"|\btimes?\s+(?:is|are|was|were|gets|get)\s+(?:now\s+|currently\s+|initially\s+|then\s+)?"
    r"set\s+to\b",
    re.IGNORECASE,
)
_CONTINGENT_CUES: Final = frozenset(
    "rain snow weather raindate raindates startup start launch boot bootup login log install "
    "installation set".split()
)


# "The vote counting takes place every 5 seconds.", "The synchronization mechanism takes place
# every minute in the background": a process described — events do not take place every minute
_PROCESS: Final = re.compile(
    r"\b(?:takes?|took)\s+place\s+every\s+(?:\d+\s+|few\s+|couple\s+of\s+)?"
    r"(?:seconds?|secs?|minutes?|mins?|milliseconds?|ms)\b",
    re.IGNORECASE,
)


def process_described(text: str, words: frozenset[str]) -> str | None:
    """ "The vote counting takes place every 5 seconds.": what a program does, described;
    "This test is only run on Fridays", "Metrics are collected every 5 minutes automatically":
    when a thing is done, said in the passive by its subject (`_DONE_PASSIVE`)."""
    return read_table(_PROCESSES, text, words, "")


# "This test is only run on Fridays", "Metrics are collected every 5 minutes automatically": the
# subject opens the text, then the passive of a job's verb (a request puts its verb first)
_PASSIVE_DONE: Final = frozenset(
    "run executed triggered collected refreshed updated synced polled fetched scraped sampled "
    "rotated purged regenerated rebuilt".split()
)
_BE: Final = frozenset({"is", "are"})
_DONE_PASSIVE: Final = re.compile(
    r"^\W*(?:(?:this|the|that|these|those|our|my|all|its|their)\s+)?(?:[\w-]+\s+){1,3}?"
    r"(?:is|are)\s+(?:only\s+|automatically\s+|currently\s+|now\s+|always\s+)?"
    r"(?:run|executed|triggered|collected|refreshed|updated|synced|polled|fetched|scraped|sampled"
    r"|rotated|purged|regenerated|rebuilt)\b",
    re.IGNORECASE,
)
_PROCESSES: Final = Checks(
    Told(
        frozenset({"place"}),
        _PROCESS,
        "“{said}” describes what a program does, not a run asked for: to confirm",
        strip="",
    ),
    Told(
        _PASSIVE_DONE,
        _DONE_PASSIVE,
        "“{said} …” says when it is done, it does not ask: to confirm",
        anchored=True,
        also=(_BE,),
    ),
)


def contingent_time(text: str, words: frozenset[str]) -> str | None:
    """ "Rain date October 24th" (kept for bad weather), "On app startup, the initial notification
    time is set to 10 PM" (a run on an event, a setting told): not a run asked for."""
    return read_table(_CONTINGENCIES, text, words, "")


_CONTINGENCIES: Final = Checks(
    Told(
        _CONTINGENT_CUES,
        _CONTINGENT,
        "“{said}”: the time hangs on an event or is a setting told; to confirm",
        strip="",
    ),
)


# "For birthdays I would like to get a reminder at 9 in the morning.": a kind of day whose dates
# the text does not give — the time is said, the days are not
_KIND_OF_DAY: Final = re.compile(
    r"^\W*for\s+(?:all\s+|my\s+|our\s+|the\s+)?(?:birthdays|anniversaries|holidays|public\s+holidays|"
    r"bank\s+holidays|events|appointments|deadlines|due\s+dates|bills|payments|renewals)\b",
    re.IGNORECASE,
)


# "Meet at Scout hut at 6:30PM .", "Meeting at 4pm UTC on #rust-community on irc.mozilla.org": an
# agenda's or a notice's line, naming where to gather — the readers' plan, told to them
_AGENDA: Final = re.compile(
    r"^\W*(?:meet|meeting|meetup|gather|assemble)\s+(?:at|in)\s+(?:the\s+)?"
    r"(?!(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\b|noon\b|midnight\b|midday\b|tomorrow\b|today\b|tonight\b|next\b|this\b)"
    r"(?-i:[A-Z])[a-z]+"
    r"|^\W*(?:meet|meeting|meetup)\b.{0,60}?\bon\s+(?:irc\b|[a-z0-9-]+\.[a-z0-9-]+\.[a-z]{2,4}\b)",
    re.IGNORECASE,
)
_AGENDA_FIRST: Final = frozenset("meet meeting meetup gather assemble".split())


# "For example, every Monday at 8 AM, ZimZamZum can log into your student platform …": what a
# tool can do, with a schedule as its example
_TOOL_CAN: Final = re.compile(
    r"(?:^|[,;.]\s+)(?-i:[A-Z][A-Za-z]+)\s+(?:can|could|will)\s+(?!(?:you|u|i|we|me|us)\b)[a-z]+",
    re.IGNORECASE,
)


_EXAMPLE_SAID: Final = re.compile(
    r"\b(?:e\.\s?g\.?|eg\.|for\s+example|for\s+instance|such\s+as)\W", re.IGNORECASE
)


def example_of_a_tool(text: str, words: frozenset[str]) -> str | None:
    """ "For example, every Monday at 8 AM, ZimZamZum can log into your student platform and …":
    a tool's capability, shown with an example schedule."""
    if _EXAMPLE_CUES.isdisjoint(words) or (
        "can" not in words and "could" not in words and ("will" not in words)
    ):
        return None
    if _EXAMPLE_SAID.search(text) is None:
        return None
    found = _TOOL_CAN.search(text)
    if found is None:
        return None
    return f"“{found.group().strip(' ,;.')} …” tells what a tool can do, by example: to confirm"


def agenda_line(text: str, first: str) -> str | None:
    """ "Meet at Scout hut at 6:30PM .", "Meeting at 4pm UTC on #rust-community on
    irc.mozilla.org": where and when a group gathers, told to its readers."""
    return read_table(_AGENDA_TABLE, text, frozenset(), first)


_AGENDA_TABLE: Final = Checks(
    Told(
        _AGENDA_FIRST,
        _AGENDA,
        "“{said} …” tells where a group meets, it does not ask: to confirm",
        first=True,
        anchored=True,
    ),
)


def kind_of_day(text: str, first: str) -> str | None:
    """ "For birthdays I would like to get a reminder at 9 in the morning.": the days are those
    of birthdays the text does not name."""
    return read_table(_KIND_OF_DAY_TABLE, text, frozenset(), first)


_KIND_OF_DAY_TABLE: Final = Checks(
    Told(
        frozenset({"for"}),
        _KIND_OF_DAY,
        "“{said}”: the days are theirs and not said; which days? to confirm",
        first=True,
        anchored=True,
    ),
)


# -- a report, a setup, a guide, an offer, a poll (round fifteen) ---------------------------------

# A bug report sets what a program should do against what it did: "I would expect the function to
# be called every day at midnight.", "`schedule.every().tuesday.at(…)` cannot work as expected.",
# "It should run every working day at 6:00 … - but it runs at 8AM", "I'd say it's a bug because
# …": the schedule is the one a program should keep, quoted to show a fault.
# (each pattern runs only when one of its words is said)
_REPORTS: Final = "“{said}” reports what a run should do or did: to confirm"
_REPORTED: Final = Checks(
    Told(
        frozenset("expected intended designed documented advertised".split()),
        re.compile(r"\bas\s+(?:expected|intended|designed|documented|advertised)\b", re.I),
        _REPORTS,
    ),
    Told(
        frozenset("expect expected assumed".split()),
        re.compile(
            r"\b(?:i|we)\s+(?:would\s+|['’]d\s+|also\s+|really\s+)?(?:expect|expected|assumed)\s+"
            r"(?:that\s+)?(?:it|this|that|these|those|they|them|the|my|our|a|an|each|every)\b",
            re.I,
        ),
        _REPORTS,
    ),
    Told(
        frozenset({"should"}),
        re.compile(
            r"\bshould\s+have\s+(?:been\s+)?(?:run|ran|fired|triggered|executed|started|sent|called|"
            r"kicked\s+off)\b",
            re.I,
        ),
        _REPORTS,
    ),
    # what it does instead: "… - but it runs at 8AM", "but the job fires at 09:00"
    Told(
        frozenset({"but"}),
        re.compile(
            r"\bbut\s+(?:it|they|this|that|the\s+(?:[\w-]+\s+){0,2}?(?:job|cron|task|workflow|build|"
            r"script|function|trigger|schedule|event|reminder|notification|action|pipeline)s?)\s+"
            r"(?:actually\s+|still\s+|always\s+|only\s+|now\s+|instead\s+)?(?:runs|ran|fires|fired|"
            r"executes|executed|triggers|triggered|starts|started|(?:is|are|was|were)\s+(?:running|"
            r"firing|triggered|executed|sent|run)|gets\s+(?:executed|triggered|run|called|sent)|got\s+"
            r"(?:executed|triggered|run|called|sent))\b",
            re.I,
        ),
        _REPORTS,
    ),
    # what it should do instead, after a concession: "… run every 3 minutes throughout the night,
    # even though it should stop at 9pm"
    Told(
        frozenset({"though", "although"}),
        re.compile(
            r"\b(?:even\s+though|although|though)\s+(?:it|they|this|that|the\s+(?:[\w-]+\s+){0,2}?"
            r"[\w-]+)\s+(?:should(?:n['’]t)?|must|(?:is|was|are|were)\s+(?:supposed|meant)\s+to)\b",
            re.I,
        ),
        _REPORTS,
    ),
    Told(
        frozenset({"bug", "regression"}),
        re.compile(
            r"\b(?:it['’]s|is|this\s+is|that['’]s)\s+(?:a|an|probably\s+a|definitely\s+a|"
            r"clearly\s+a)\s+(?:bug|regression)\b",
            re.I,
        ),
        _REPORTS,
    ),
)
# A cron expression quoted as the subject of what it does, or given as the answer: "First of all,
# `59 13 * * *` executes a cron job 13:59, everyday.", "For a daily run, the correct expression is
# `0 0 * * *`" — it explains cron, it does not ask for a job
_CRON_EXPLAINED: Final = re.compile(
    # (the expression itself the subject: "The job `0 12 * * 3` runs at 12:00 UTC Wednesdays"
    # names a job, as a request may)
    r"(?:^|[,;:.!?(]\s*|\b(?:so|and|but|then|because|since|thus|hence|here|whereas|while)\s+)"
    r"[`'\"“‘]\s*(?:[\d*/,?LW#-]+\s+){4,6}[\d*/,?A-Za-z#-]+\s*[`'\"”’]\s+"
    r"(?:executes|runs|fires|triggers|means|will|would|translates|matches|says|is|results|gives|"
    r"should|does|only)\b"
    # what it means, wherever it stands: "(that's what the `* * * * *` means)"
    r"|[`'\"“‘]\s*(?:[\d*/,?LW#-]+\s+){4,6}[\d*/,?A-Za-z#-]+\s*[`'\"”’]\s+(?:means|stands\s+for)\b"
    r"|\b(?:expression|syntax|crontab\s+entry|cron\s+line|cron\s+string|schedule\s+string)\s+"
    r"(?:is|would\s+be|should\s+be|will\s+be|must\s+be)\s*:?\s*(?:[`'\"“‘]|[\d*]+\s+[\d*]|@)",
    re.IGNORECASE,
)
_CRON_EXPLAINED_CUES: Final = frozenset(
    "executes runs fires triggers means will would translates matches says is results gives "
    "should does only".split()
)
# A run's line in a log or a status list: "- [Sep 18 run](…): started 13:39 UTC, succeeded",
# "nightly #212 finished 02:14 UTC, failed"
_LOGGED_RUN: Final = re.compile(
    r"\b(?:started|finished|completed|ended|fired|triggered|executed|began)\s+(?:on\s+)?"
    r"\d{1,2}:\d{2}\b"
    r"|[,;(|–—-]\s*(?:succeeded|completed|passed|finished|timed\s+out|cancell?ed|skipped)"
    r"\s*[.)]?\s*$",
    re.IGNORECASE,
)
_LOGGED_RUN_SHOWN: Final = re.compile(
    r"\b(?:logs?|records?|metrics|dashboards?|outputs?|history|graphs?|timeline)\s+(?:shows?|showed|"
    r"indicates?|indicated|says|said|confirms?|confirmed)\b",
    re.IGNORECASE,
)
_LOGGED_RUN_CUES: Final = frozenset(
    "started finished completed ended fired triggered executed began succeeded passed timed "
    "cancelled canceled skipped show shows showed indicate indicates indicated says said confirm "
    "confirms confirmed".split()
)


def report_told(text: str, words: frozenset[str]) -> str | None:
    """ "I would expect the function to be called every day at midnight.", "… cannot work as
    expected.", "… - but it runs at 8AM", "`59 13 * * *` executes a cron job 13:59, everyday.",
    "the correct expression is `0 0 * * *`", "- [Sep 18 run](…): started 13:39 UTC, succeeded":
    a bug report, an explanation of cron or a log line — the schedule is quoted, not asked for."""
    if (reported := read_table(_REPORTED, text, words, "")) is not None:
        return reported
    if (
        not _CRON_EXPLAINED_CUES.isdisjoint(words)
        and ("*" in text or "expression" in words or "syntax" in words)
        and (found := _CRON_EXPLAINED.search(text)) is not None
    ):
        said = found.group().strip(" ,;:.!?(")
        return f"“{said} …” explains a cron expression, it does not ask: to confirm"
    return read_table(_LOGGED, text, words, "")


_LOG_LINE: Final = "“{said}” is a run's log line, not a request: to confirm"
_LOGGED: Final = Checks(
    Told(_LOGGED_RUN_CUES, _LOGGED_RUN, _LOG_LINE, strip=" ,;(|–—-"),
    Told(_LOGGED_RUN_CUES, _LOGGED_RUN_SHOWN, _LOG_LINE, strip=" ,;(|–—-"),
)


# How things are set up now: "Current outerloop nightly builds are configured to trigger at 3 am
# UTC.", "Notifications are currently sent at 0 am every day.", "The `… Scheduled Deploy`
# workflow is configured for `17 9 * * *` …", "I am using this library to run a job once a day.":
# a configuration described, most often before a question or a change asked for
_SETUP: Final = re.compile(
    r"^\W*(?:current|currently|presently|at\s+present)\b"
    r"|\b(?:is|are|was|were)\s+currently\s+(?:being\s+)?(?:set|scheduled|configured|sent|run|"
    r"running|triggered|executed|fired|firing|planned|held|at|on|every|daily|weekly|hourly|"
    r"nightly)\b"
    r"|\bcurrently\s+(?:runs|fires|triggers|executes|sends|happens|occurs|goes\s+out|kicks\s+off)\b"
    r"|\b(?:is|are|was|were|been|gets|get)\s+(?:currently\s+|now\s+|already\s+|still\s+|also\s+)?"
    r"(?:configured|setup|set\s+up|programmed|hard-?coded|hardwired|pinned)\s+(?:to|for|as|at|"
    r"with|on)\b"
    # (not a question's: "how do I use the inject node to trigger at 4 pm every Wednesday?")
    r"|(?<!\bdo\s)(?<!\bdid\s)(?<!\bcan\s)(?<!\bcould\s)(?<!\bshould\s)(?<!\bwould\s)"
    r"(?<!\bshall\s)\b(?:i|we)(?:['’]m|['’]re|\s+am|\s+are)?\s+(?:currently\s+|already\s+|now\s+)?"
    r"(?:using|use)\s+(?:this|the|your|a|an|it|our|my|[\w.-]+\s+to)\b",
    re.IGNORECASE,
)
_SETUP_CUES: Final = frozenset(
    "current currently presently present configured setup programmed hardcoded hard hardwired "
    "pinned using use".split()
)


def setup_told(text: str, words: frozenset[str]) -> str | None:
    """ "Current outerloop nightly builds are configured to trigger at 3 am UTC.", "Notifications
    are currently sent at 0 am every day.", "I am using this library to run a job once a day.":
    how things are set up now, told — not a run asked for."""
    if _SETUP_CUES.isdisjoint(words) and ("set" not in words or "up" not in words):
        return None  # ("set" alone, as most requests say it, is not enough)
    found = _SETUP.search(text)
    if found is None:
        return None
    return f"“{found.group().strip()} …” tells how things are set up, it does not ask: to confirm"


# A guide tells its reader what to do in a tool: "You can set up a Zap using a schedule trigger
# that runs every Monday at 11 AM, then …", "To run it once a day you'll need to set the cron to
# 0 0 23 * * *", "- Create a workflow with a Schedule node configured to run every 3 hours." (the
# reader, "you", is the one to set it up; "can you set up …" asks us)
_GUIDE: Final = re.compile(
    r"\b(?:you|users?|one)"
    r"(?<!\bcan\syou)(?<!\bcould\syou)(?<!\bwould\syou)(?<!\bwill\syou)(?<!\bdo\syou)"
    r"(?<!\bdid\syou)(?<!\bshould\syou)(?:\s+(?:can|could|may|might|should)|(?:['’]ll|['’]d|\s+will|"
    # ("You also need to set up a reminder …" is said to an agent, as a request)
    r"\s+would)\s+(?:also\s+|first\s+)?(?:need|have)\s+to)\s+(?:also\s+|then\s+|now\s+|simply\s+|"
    r"easily\s+|just\s+|first\s+)?(?:set\s+up|setup|set|configure|create|use|add|define|specify|"
    r"schedule|choose|select|enable|build|write|change|edit|put|pick|modify|adjust|enter|type)\b",
    re.IGNORECASE,
)
_READER: Final = frozenset("you user users one".split())
_READER_MODALS: Final = frozenset("can could may might should ll d will would".split())
# the verbs _GUIDE ends with (one of them is said whole)
_GUIDE_VERBS: Final = frozenset(
    "set setup configure create use add define specify schedule choose select enable build write "
    "change edit put pick modify adjust enter type".split()
)
# the reader asking what it takes: "Would I only need to do the following to run a task …:"
_WHAT_IT_TAKES: Final = re.compile(
    r"^\W*(?:would|do|does|should|will|must)\s+(?:i|we)\s+(?:only\s+|just\s+|also\s+|still\s+)?"
    r"(?:need|have)\s+to\b",
    re.IGNORECASE,
)
_WHAT_IT_TAKES_FIRST: Final = frozenset("would do does should will must".split())
# a no-code tool's schedule, a part of what the guide builds ("a Schedule node configured to …")
_TOOL_PART: Final = re.compile(
    r"\b(?:schedule|scheduler|timer|cron|interval)\s+(?:trigger\W{0,3}\s+)?(?:node|block|module|"
    r"widget|component)s?\b",
    re.IGNORECASE,
)
_TOOL_PARTS: Final = frozenset(
    "node nodes block blocks module modules widget widgets component components".split()
)


def guide_told(text: str, words: frozenset[str], first: str) -> str | None:
    """ "You can set up a Zap using a schedule trigger that runs every Monday at 11 AM …", "To run
    it once a day you'll need to set the cron to 0 0 23 * * *": a guide tells its reader how to
    set up a schedule in a tool — it does not ask us for one (`first`: the first word, lowered)."""
    found = None
    if (
        not _READER.isdisjoint(words)
        and not _READER_MODALS.isdisjoint(words)
        and not _GUIDE_VERBS.isdisjoint(words)
    ):
        found = _GUIDE.search(text)
    if found is None and first in _WHAT_IT_TAKES_FIRST:
        found = _WHAT_IT_TAKES.match(text)
    if found is None and not _TOOL_PARTS.isdisjoint(words):
        found = _TOOL_PART.search(text)
    if found is None:
        return None
    return f"“{found.group().strip()} …” tells a reader how to set it up, not us: to confirm"


# An assistant's offer, quoted: "Alexa: Would you like me to remind you to check your account
# balance every Thursday at 8 AM?", "Want me to set a reminder for 9am?", "Shall I book it for
# Friday at 3?": the speaker is the one who would remind; the time is offered, not asked for
_OFFER: Final = re.compile(
    r"\b(?:would|do|did)\s+you\s+(?:like|want|need)\s+(?:me|us)\s+to\b"
    r"|\bwant\s+me\s+to\b"
    r"|\b(?:shall|should)\s+(?:i|we)\s+(?:remind|set|schedule|book|create|add|send|ping|notify)\b"
    r"|\bi\s+can\s+(?:remind|ping|notify|alert)\s+you\b",
    re.IGNORECASE,
)
_OFFER_WISHES: Final = frozenset("like want need".split())
_REMINDS: Final = frozenset("remind ping notify alert".split())


def offer_made(text: str, words: frozenset[str]) -> str | None:
    """ "Would you like me to remind you … every Thursday at 8 AM?": an assistant's offer."""
    if not (
        (not _OFFER_WISHES.isdisjoint(words) and ("me" in words or "us" in words))
        or (("shall" in words or "should" in words) and ("i" in words or "we" in words))
        or ("can" in words and "i" in words and "you" in words and not _REMINDS.isdisjoint(words))
    ):
        return None  # ("can you remind me …": none of the offer's words together)
    found = _OFFER.search(text)
    if found is None:
        return None
    return f"“{found.group()} …” offers a reminder, it does not ask for one: to confirm"


# Meeting notes and polls: "The next meeting is January 23rd at 8am PST.", "Looks like we have a
# majority who are available for Wednesday at 11am.", "Thursdays at 9 AM PST works for everyone,
# so that will be our new meeting time.", "… implements our decision to meet weekly on Mondays.":
# when a group meets, told to its members — not a run asked for
_NEXT_MEETING: Final = re.compile(
    r"^\W*(?:the\s+|our\s+)?(?:next|upcoming|following)\s+(?:[\w-]+\s+){0,3}?(?:meeting|session|"
    r"call|class|event|sync|standup|stand-up|meetup|gathering|review|hangout|workshop|webinar|"
    r"office\s+hours)s?\s+(?:is|will\s+be|was|has\s+been|['’]s)\b",
    re.IGNORECASE,
)
_AVAILABLE: Final = re.compile(
    r"\b(?:am|are|is|be|were|was|['’]re|['’]m|isn['’]t|aren['’]t|wasn['’]t|weren['’]t)\s+"
    r"(?:all\s+|both\s+|also\s+|not\s+|still\s+)?(?:available|unavailable)\s+"
    r"(?:for|on|at|from|this|next|every|each|until|till)\b"
    # free or busy: a person's ("Access is free on the first Sunday" is a price)
    r"|\b(?:i\s+am|i['’]m|we\s+are|we['’]re|they\s+are|they['’]re)\s+(?:all\s+|both\s+|also\s+|not\s+|"
    r"still\s+)?(?:free|busy)\s+(?:for|on|at|from|this|next|every|each|until|till)\b"
    r"|\b(?:majority|most\s+of\s+us|everyone|everybody|all\s+of\s+us)\s+(?:is|are|can|could|voted|"
    r"prefer|prefers|chose|picked|agreed)\b",
    re.IGNORECASE,
)
_AVAILABLE_CUES: Final = frozenset(
    "available unavailable free busy majority everyone everybody".split()
)
_THIS_IT: Final = frozenset("this that it".split())
_OUR_TIME: Final = re.compile(
    r"\b(?:that|this|it)\s+(?:will\s+be|is|['’]s|becomes|would\s+be)\s+(?:our|the|their)\s+"
    r"(?:new\s+|regular\s+|usual\s+|official\s+)?(?:[\w-]+\s+)?(?:time|slot|day|date|cadence)\b",
    re.IGNORECASE,
)
_DECISION: Final = re.compile(r"\b(?:our|the)\s+decision\s+to\b", re.IGNORECASE)
_LOOKS_LIKE: Final = re.compile(
    r"^\W*(?:looks|seems|sounds)\s+like\s+(?:we|you|they|everyone|everybody|most|there|the|it)\b"
    r"(?![^.!?\n]{0,160}\b(?:remind|please|pls)\b)",
    re.IGNORECASE,
)


def poll_told(text: str, words: frozenset[str], first: str) -> str | None:
    """ "The next meeting is January 23rd at 8am PST.", "Looks like we have a majority who are
    available for Wednesday at 11am.", "… so that will be our new meeting time.": a group's time
    told to its members (`first`: the text's first word, lowered)."""
    found = None
    if first in _NEXT_FIRST:
        found = _NEXT_MEETING.match(text)
    if (
        found is None
        and first not in _ASKING_FIRST
        and (
            not _AVAILABLE_CUES.isdisjoint(words)
            or (("most" in words or "all" in words) and "us" in words)
        )
    ):
        found = _AVAILABLE.search(text)
    if (
        found is None
        and not _THIS_IT.isdisjoint(words)
        and not _OUR_TIME_CUES.isdisjoint(words)
        and ("our" in words or "the" in words or "their" in words)
    ):
        found = _OUR_TIME.search(text)
    if found is None and "decision" in words:
        found = _DECISION.search(text)
    if found is None and first in _LOOKS_FIRST:
        found = _LOOKS_LIKE.match(text)
    if found is None and not _RECOMMEND_CUES.isdisjoint(words):
        found = _RECOMMEND.search(text)
    if found is None:
        return None
    return f"“{found.group().strip()} …” tells a group's time, it does not ask: to confirm"


_NEXT_FIRST: Final = frozenset("the our next upcoming following".split())
# a request's first words ("will you mark that i am busy for an event tomorrow at two pm")
_ASKING_FIRST: Final = frozenset(
    "will can could would please pls kindly remind mark set put block add schedule tell let "
    "book make create".split()
)
_OUR_TIME_CUES: Final = frozenset("time slot day date cadence".split())
_LOOKS_FIRST: Final = frozenset("looks seems sounds".split())
# a time recommended to the group: "I would recommend Monday morning local time, 9am."
_RECOMMEND: Final = re.compile(
    r"\b(?:i|we)(?:\s+would|['’]d)?\s+(?:recommend|suggest|propose)\b", re.IGNORECASE
)
_RECOMMEND_CUES: Final = frozenset("recommend suggest propose".split())


# A rule told of things, negated: "Reminders without times should not send at midnight",
# "Backups must never run during business hours", "Shouldn't fire at midnight" (an issue's title):
# what a program should not do — the time is the one it must keep off, not a run
_RULE_TOLD: Final = re.compile(
    r"^\W*(?!(?:please|pls|i|we|you|it|this|that|remind|and|but|so|then|also|if|when|and)\b)"
    r"(?:[\w'’()-]+\s+){1,6}?(?:should|must|shall)(?:\s+not|n['’]t|\s+never)\s+"
    r"|^\W*(?:should|must)(?:n['’]t|\s+not|\s+never)\s+(?!(?:i|we|you|it|they|this|that|there)\b)"
    r"[a-z]+",
    re.IGNORECASE,
)
_RULE_CUES: Final = frozenset("should must shall shouldn mustn".split())


def rule_told(text: str, words: frozenset[str]) -> str | None:
    """ "Reminders without times should not send at midnight": what a program should not do,
    told — not a run asked for."""
    return read_table(_RULES, text, words, "")


_RULES: Final = Checks(
    Told(
        _RULE_CUES,
        _RULE_TOLD,
        "“{said} …” tells what should happen, it does not ask: to confirm",
        anchored=True,
    ),
)


# -- a report, a quote in code, a plan, a habit of others (round sixteen) -------------------------


# Round sixteen's statements: a report with no subject ("Had the test run @1545", "Scheduled
# appointment for tomorrow morning at 9 AM."), a thing that is wrong or missing ("the task's
# scheduling at 01:00 is skipped which is not correct", "Zoom link for “6:30pm UTC” is not
# available"), what works told ("If I want to do something every 5 minutes it works without
# problems."), an opinion of a time ("so 09:00 should be fine to sync them up"), a poll's result
# ("meeting vote complete, confirmed meeting time: Mar 18, 10am"), a code span explained ("`{
# minute: 15 }` is a quarter past every hour"), a story's turn ("However, it rings every day at 8
# PM and shows up as …"), plans that were made ("Regular lessons were planned, e.g. every Tuesday
# …"), and a group reminded of an event whose time is said ("Remind the team about the all-hands
# meeting tomorrow at 2pm"): the time is the event's, and a group is reminded before it.
_NOT_RIGHT_WORDS: Final = (
    r"(?:available|correct|right|working|accessible|valid|accurate|shown|displayed|respected|"
    r"honou?red|applied|triggered|executed)"
)
_MARKS: Final = " ,;:.!?()[]-–—"
_TOLD_16: Final = Checks(
    # a report with its subject left out, in the past: "Had the test run @1545", "Ran the backup
    # at 2am", "Went to the gym at 6" (an imperative never opens with a past form)
    Told(
        frozenset("had ran went attended spent woke came tried noticed".split()),
        re.compile(
            r"^\W*(?:had|ran|went|attended|spent|woke|came|tried|noticed)\s+"
            r"(?!to\s+(?:remind|schedule|set|run|send|post|call)\b)[\w'’@-]+",
            re.IGNORECASE,
        ),
        "“{said} …” reports what was done, it does not ask: to confirm",
        first=True,
        anchored=True,
        strip=_MARKS,
        skips_requests=True,
    ),
    # a booking made, told: "Scheduled appointment for tomorrow morning at 9 AM.", "Booked a
    # table for Friday at 8pm" ("Schedule an appointment …" asks)
    Told(
        frozenset("scheduled booked rescheduled reserved made arranged confirmed".split()),
        re.compile(
            r"^\W*(?:scheduled|booked|rescheduled|reserved|made|arranged|confirmed)\s+"
            r"(?:(?:a|an|the|my|your|our|his|her|their)\s+)?(?:[\w'’-]+\s+){0,2}?"
            r"(?:appointment|meeting|call|visit|session|consultation|interview|viewing|check-?up|"
            r"demo|lesson|class|reservation|booking|table|flight|haircut|exam|dentist|doctor)s?\s+"
            r"(?:for|on|at|with|tomorrow|today|tonight)\b",
            re.IGNORECASE,
        ),
        "“{said} …” reports a booking made, it does not ask: to confirm",
        first=True,
        anchored=True,
        strip=_MARKS,
        skips_requests=True,
    ),
    # a thing wrong, missing or skipped: "… is skipped which is not correct", "Zoom link for
    # “6:30pm UTC/11:30 PST” is not available"
    Told(
        frozenset(
            "available correct right working accessible valid accurate shown displayed respected "
            "honored honoured applied triggered executed skipped ignored".split()
        ),
        re.compile(
            r"\b(?:is|are|was|were|seems|seem|appears)\s+(?:still\s+|also\s+)?(?:not|never)\s+"
            r"(?:being\s+)?" + _NOT_RIGHT_WORDS + r"\b"
            r"|\b(?:isn['’]t|aren['’]t|wasn['’]t|weren['’]t)\s+(?:being\s+)?"
            + _NOT_RIGHT_WORDS
            + r"\b"
            r"|\b(?:is|are|was|were|gets|get|got)\s+(?:being\s+|always\s+|sometimes\s+|silently\s+|"
            r"simply\s+|just\s+)?(?:skipped|ignored)\b",
            re.IGNORECASE,
        ),
        "“{said}”: the text reports a fault, it does not ask: to confirm",
        strip=_MARKS,
        skips_requests=True,
    ),
    # what works, told: "If I want to do something every 5 minutes it works without problems."
    # ("check that it works fine" is a task's)
    Told(
        frozenset("works worked working".split()),
        re.compile(
            r"(?<!\bthat\s)(?<!\bif\s)(?<!\bwhether\s)(?<!\bsure\s)\b(?:it|this|that|everything)\s+"
            r"(?:still\s+|now\s+|also\s+|always\s+)?(?:works|worked|is\s+working|was\s+working)\s+"
            r"(?:just\s+)?(?:fine|well|ok|okay|great|perfectly|correctly|properly|as\s+expected|"
            r"without\s+(?:any\s+)?(?:problems?|issues?|errors?|trouble))\b",
            re.IGNORECASE,
        ),
        "“{said}” reports what works, it does not ask: to confirm",
        strip=_MARKS,
        skips_requests=True,
    ),
    # an opinion of a time, the time its subject: "so 09:00 should be fine to sync them up",
    # "Tuesday at 3 would work for me", "10am works for us" ("OK, that will work. Can you book
    # …" agrees to something else)
    Told(
        frozenset("fine ok okay enough better work works".split()),
        re.compile(
            r"(?:\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\bnoon|\bmidnight|day|days|morning|"
            r"mornings|afternoon|afternoons|evening|evenings|night|nights)(?-i:\s+[A-Z]{2,5})?\s+"
            r"(?:(?:should|would|will|might|may|could)\s+(?:also\s+|probably\s+|still\s+|surely\s+)?"
            r"(?:be\s+(?:fine|ok|okay|good\s+enough|enough|better)|work(?:\s+(?:fine|well|better|"
            r"for\s+(?:me|us|everyone|everybody|all)))?)"
            r"|works\s+(?:fine\s+|well\s+|best\s+)?for\s+(?:me|us|everyone|everybody|all\s+of\s+us|"
            r"(?:the\s+)?most\s+(?:people|of\s+us|folks)|the\s+group))\b",
            re.IGNORECASE,
        ),
        "“{said}” gives an opinion of a time, it does not ask: to confirm",
        strip=_MARKS,
        skips_requests=True,
    ),
    # a poll's result: "Bootstrap meeting vote complete, confirmed meeting time: Mar 18, 10am …"
    Told(
        frozenset("vote voting poll survey doodle confirmed".split()),
        re.compile(
            r"\b(?:vote|voting|poll|survey|doodle)\s+(?:is\s+|has\s+|was\s+)?(?:complete|completed|"
            r"closed|done|over|finished|ended|results?)\b"
            # "the Doodle poll's most popular time is Wednesday at 11am Boston / 5pm Paris …"
            r"|\b(?:vote|voting|poll|survey|doodle)(?:['’]s)?\s+(?:most\s+popular|winning|top|"
            r"preferred|chosen|selected)\s+(?:time|slot|day|date|option)\b"
            r"|\bconfirmed\s+(?:meeting\s+|call\s+|event\s+|session\s+)?(?:time|date|slot)\b"
            r"|\b(?:meeting|call|event|session)\s+(?:time|date|slot)\s+(?:is\s+|has\s+been\s+|was\s+)?"
            r"confirmed\b",
            re.IGNORECASE,
        ),
        "“{said}” tells a group's time, it does not ask: to confirm",
        strip=_MARKS,
        skips_requests=True,
    ),
    # a code span explained: "`{ minute: 15 }` is a quarter past every hour", "`@hourly` means
    # once an hour" (`_CRON_EXPLAINED` reads the expressions)
    Told(
        frozenset("is means matches equals stands translates".split()),
        re.compile(
            # (not what a named job does: "`refresh_forecasts` runs every two hours",
            # "`certbot.timer` is scheduled to run every 12 hours" name the job asked for)
            r"(?:^|[,;:.!?(]\s*)`[^`\n]{1,80}`\s+(?:means|matches|equals|stands\s+for|translates\s+to|"
            r"is\s+(?:a|an|the|equivalent|short|shorthand|same)|is\s+just\s+(?:a|an|the))\b",
            re.IGNORECASE,
        ),
        "“{said} …” explains what code means, it does not ask: to confirm",
        strip=_MARKS,
        skips_requests=True,
    ),
    # a story's turn, its subject after the connective: "However, it rings every day at 8 PM and
    # shows up as …", "Unfortunately the job runs at midnight"
    Told(
        frozenset(
            "however unfortunately apparently strangely oddly surprisingly interestingly weirdly "
            "curiously sadly meanwhile".split()
        ),
        re.compile(
            r"^\W*(?:however|unfortunately|apparently|strangely|oddly|surprisingly|interestingly|"
            r"weirdly|curiously|sadly|meanwhile)\s*,?\s+(?:it|this|that|they|he|she|there|"
            r"(?:the|my|our|this|that|their|its)\s+[\w-]+(?:\s+[\w-]+)?)\s+[a-z]+",
            re.IGNORECASE,
        ),
        "“{said} …” tells what happens, it does not ask: to confirm",
        first=True,
        anchored=True,
        strip=_MARKS,
        skips_requests=True,
    ),
    # plans that were made, told in the past: "Regular lessons were planned, e.g. every Tuesday
    # and Thursday at 18:00."
    Told(
        frozenset("planned intended meant supposed envisaged envisioned foreseen".split()),
        re.compile(
            r"\b(?:was|were|had\s+been)\s+(?:originally\s+|initially\s+|first\s+)?(?:planned|"
            r"intended|meant|supposed|envisaged|envisioned|foreseen)\b",
            re.IGNORECASE,
        ),
        "“{said}” tells of plans made, it does not ask: to confirm",
        strip=_MARKS,
        skips_requests=True,
    ),
    # a tool's use shown by an example: "Use this for more complex and precise timing patterns,
    # such as every 15 minutes from 9 AM to 5 PM on weekdays."
    Told(
        frozenset({"use"}),
        re.compile(
            r"^\W*use\s+(?:this|these|it|that|them)\s+(?:for|to|when|if|whenever)\b[^.;!?\n]{0,120}?"
            r"(?:\bsuch\s+as\b|\be\.\s?g\.|\bfor\s+example\b|\bfor\s+instance\b|\blike\b)",
            re.IGNORECASE,
        ),
        "“{said} …” shows a tool's use by an example, it does not ask: to confirm",
        first=True,
        anchored=True,
        strip=_MARKS,
        skips_requests=True,
    ),
    # a group reminded of an event whose time is said: "Remind the team about the all-hands
    # meeting tomorrow at 2pm on Slack" — the time is the meeting's, and a group is reminded
    # before it ("Remind me about the meeting at 3pm" keeps its reading)
    Told(
        frozenset({"remind"}),
        re.compile(
            r"^\W*(?:please\s+|pls\s+)?remind\s+(?:the\s+(?:[\w-]+\s+)?(?:team|group|channel|class|"
            r"crew|squad|staff|members|department|committee|folks)|everyone|everybody|all|"
            r"[#@][\w.-]+)\s+(?:about|of)\s+(?:the|our|their|your|tomorrow['’]s|today['’]s|"
            r"tonight['’]s|this\s+week['’]s|next\s+week['’]s)\s+(?:[\w-]+\s+){0,3}?(?:meeting|call|"
            r"standup|stand-up|session|event|retro|retrospective|review|demo|sync|all-hands|"
            r"town\s*hall|party|lunch|dinner|workshop|webinar|class|training|presentation|"
            r"offsite|kickoff|kick-off)s?\b[^.;!?\n]{0,40}?(?:\bat\s+|@\s*)\d",
            re.IGNORECASE,
        ),
        "“{said}”: the time said is the event's, and a group is reminded before it — when? "
        "to confirm",
        first=True,
        anchored=True,
        strip=_MARKS,
    ),
)


# Round seventeen's statements with their time said: a change reported in the past ("Updated
# GitHub Actions cron schedule to run daily at 10:30 Beijing time", "* Changed cron to run every two
# minutes"), a program's error or warning ("Error: Invalid schedule. Try '0 10 * * 1-5' for every
# workday at 10 AM.", "WARNING: This will run every hour!"), and someone or something that wakes
# the speaker ("Max and Luna wake me up at 6:30 AM sharp every morning", "My mother wakes me up
# every morning.") — a request to wake opens with the verb, a name and a comma, or "please".
_PAST_CHANGES: Final = (
    "updated changed moved switched shifted adjusted bumped modified rescheduled altered tweaked"
)
_TOLD_17: Final = Checks(
    Told(
        frozenset(_PAST_CHANGES.split()),
        re.compile(
            r"(?:^[\W\d]*+(?:[\w-]+:\s+)?|\band\s+)(?:" + _PAST_CHANGES.replace(" ", "|") + r")\s+"
            r"(?:(?:the|its|our|my|a|an|their)\s+)?(?:[\w`'’.-]+\s+){0,4}?(?:to|from)\b",
            re.IGNORECASE,
        ),
        "“{said} …” reports a change made, it does not ask: to confirm",
        strip=_MARKS + "*#/`✅",
        skips_requests=True,
    ),
    Told(
        frozenset("error warning fatal invalid".split()),
        re.compile(
            r"^[\W\d]*+(?:[\w-]+\s+)?(?:error|warning|fatal)\s*[:!]"
            r"|^\W*invalid\s+(?:schedule|cron|time|date|expression|input|format|value|interval|"
            r"recurrence)\b",
            re.IGNORECASE,
        ),
        "“{said}” opens a program's message, it does not ask: to confirm",
        anchored=True,
        strip=_MARKS + "⚠️ ",
    ),
    # a time that does not suit: "19UTC is not possible for me.", "Friday at 2:00 PM doesn't work
    # for me. Could we pick another time?"
    Told(
        frozenset("work possible impossible convenient feasible doable".split()),
        re.compile(
            r"\b(?:doesn['’]t|does\s+not|won['’]t|will\s+not|wouldn['’]t|would\s+not)\s+work\s+"
            r"(?:out\s+)?for\s+(?:me|us)\b"
            r"|\b(?:is|are|isn['’]t|aren['’]t)\s+(?:not\s+|really\s+not\s+|unfortunately\s+not\s+)?"
            r"(?:possible|impossible|convenient|feasible|doable)\s+for\s+(?:me|us)\b",
            re.IGNORECASE,
        ),
        "“{said}” turns a time down, it does not ask: to confirm",
        strip=_MARKS,
        skips_requests=True,
    ),
    # what a thing does at a time, told after it: "At 9 AM, Alexa will chime and say your
    # reminder.", "At midnight, the salt changes, …", "Every day at 8 AM, the automation checks …"
    Told(
        frozenset({"at", "every", "each"}),
        re.compile(
            r"^\W*(?:(?:every|each)\s+(?:[\w'’-]+\s+){1,3}?)?at\s+[^,.;!?\n]{1,20},\s*"
            r"(?:(?:the|your|our|its|their|this|that)\s+(?:[\w'’-]+\s+){1,3}?(?:will\s+[a-z]+|"
            r"[a-z]+s)|(?:alexa|siri|google|cortana|it|he|she|they)\s+(?:will\s+[a-z]+|[a-z]+s))\b",
            re.IGNORECASE,
        ),
        "“{said}” tells what happens at that time, it does not ask: to confirm",
        first=True,
        anchored=True,
        strip=_MARKS,
    ),
    # those who come asked to be on time, a notice to the reader: "Please arrive promptly at
    # 3:45 PM", "It helps if we all arrive promptly, ready and eager to … sing at 7.30pm."
    Told(
        frozenset({"arrive"}),
        re.compile(
            r"^(?![^\n]{0,40}\b(?:remind|notify|alert|ping|tell|text|email)\b)[^\n]{0,60}?"
            r"\barrive\s+(?:promptly|punctually|early|on\s+time|no\s+later\s+than)\b",
            re.IGNORECASE,
        ),
        "“{said}” asks those who come to be on time, not for a run: to confirm",
        anchored=True,
        strip=_MARKS,
    ),
    # what to type into a tool, and what it does then: "Type #design @ravi tomorrow p1 and the
    # chips light up …", "simply type "tomorrow 9am" or "next Monday" and press Enter."
    Told(
        frozenset({"type", "enter"}),
        re.compile(
            r"\b(?:type|enter)\s+[^.!?\n]{1,80}?\s+and\s+(?:press|hit|get|see|watch|it|the|you|your)\b",
            re.IGNORECASE,
        ),
        "“{said}” shows what to type into a tool, it does not ask: to confirm",
        strip=_MARKS,
        skips_requests=True,
    ),
    Told(
        frozenset({"wake", "wakes", "woke"}),
        re.compile(
            r"^\W*(?!(?:please|pls|can|could|would|will|alexa|siri|google|hey|ok|okay|cortana|bixby|"
            r"remind|set|also|then|and|just|so|you|u|i|tomorrow|today|tonight|every|each|at|on|in|"
            r"daily)\b)(?:[\w'’-]+\s+){1,6}?(?:always\s+|usually\s+|often\s+|still\s+|"
            r"sure\s+to\s+)?(?:wakes|woke|wake)\s+(?:me|us)\b",
            re.IGNORECASE,
        ),
        "“{said}” tells who wakes the speaker, it does not ask: to confirm",
        anchored=True,
        strip=_MARKS,
    ),
)


def told_17(text: str, words: frozenset[str], first: str) -> str | None:
    """Round seventeen's statements with a time (`_TOLD_17`): a change reported, a program's
    message, someone who wakes the speaker."""
    return read_table(_TOLD_17, text, words, first)


def told_16(text: str, words: frozenset[str], first: str) -> str | None:
    """Round sixteen's statements (`_TOLD_16`): a report, a fault, an opinion of a time, a
    poll's result, code explained, a story's turn, plans made, a group reminded of an event."""
    return read_table(_TOLD_16, text, words, first)


# With no time said (the hour a default), the speaker's own plan ("I'll set a reminder for every
# evening": the speaker will set it), and a habit of others after the days ("Every evening at
# Dashashwamedh Ghat, priests perform the Ganga Aarti …"): told, not asked; the hour made up
_OWN_PLAN: Final = re.compile(
    r"^\W*(?:i|we)(?:['’]ll|\s+will|\s+shall|['’]m\s+going\s+to|\s+am\s+going\s+to|"
    r"['’]re\s+going\s+to|\s+are\s+going\s+to|['’]m\s+gonna|\s+plan\s+to|['’]m\s+planning\s+to)\s+"
    r"(?:probably\s+|just\s+|also\s+)?(?:set|create|add|make|schedule|put|program|configure)\s+"
    r"(?:up\s+)?(?:a|an|the|my|our|some)\b",
    re.IGNORECASE,
)
_OTHERS: Final = frozenset(
    "priests monks nuns pilgrims devotees worshippers worshipers locals residents villagers "
    "tourists visitors people crowds families children kids students fishermen farmers vendors "
    "merchants musicians dancers performers volunteers neighbours neighbors parishioners "
    "believers monks elders".split()
)
_OTHERS_HABIT: Final = re.compile(
    r"^\W*(?:every|each)\b[^,.;!?]{1,60},\s*(?:the\s+|local\s+|many\s+|most\s+|some\s+|"
    r"hundreds\s+of\s+|thousands\s+of\s+)?(?:priests|monks|nuns|pilgrims|devotees|worshipp?ers|"
    r"locals|residents|villagers|tourists|visitors|people|crowds|families|children|kids|"
    r"students|fishermen|farmers|vendors|merchants|musicians|dancers|performers|volunteers|"
    r"neighbou?rs|parishioners|believers|elders)[\s,]+(?:[a-z]+ly\s+)?[a-z]+",
    re.IGNORECASE,
)


def told_without_time(text: str, words: frozenset[str], first: str) -> str | None:
    """With no time of day said: the speaker's own plan ("I'll set a reminder for every
    evening") or a habit of others told after its days ("Every evening at Dashashwamedh Ghat,
    priests perform the Ganga Aarti …"). `first`: the text's first word, lowered."""
    if first in ("i", "i'll", "i’ll", "we", "we'll", "we’ll", "i'm", "i’m") and (
        found := _OWN_PLAN.match(text)
    ):
        said = found.group().strip()
        return f"“{said} …” tells the speaker's plan, and no time is said: to confirm"
    if (
        first in ("every", "each")
        and not _OTHERS.isdisjoint(words)
        and (found := _OTHERS_HABIT.match(text))
    ):
        return f"“{found.group().strip()} …” tells what others do, and no time is said: to confirm"
    return read_table(_UNTIMED, text, words, first)


# -- statements that say a day and no time (round seventeen) -------------------------------------

# A day or a frequency said with no time of day and no request: the hour an answer would run at
# (09:00) is one nobody said, and the sentence tells how things are — "Classes are held on
# Mondays.", "Cleanup function only runs on weekdays", "Digest will posted every week in
# Sunday.", "It's kind of messy to deal with dependabot daily ...", "Closed Saturdays and
# Sundays", "- [ ] Weekly velocity report (Friday)", "Schedule run every Monday, local time".
# Bare phrases ("every Monday", "backup daily", "Gym mon,wed,fri") and requests ("remind me …",
# "please …") are not read here.

# what opens a request, a question or a clause, never a statement's subject
_NOT_A_SUBJECT: Final = (
    r"(?:i|we|you|u|please|pls|kindly|remind|can|could|would|will|should|must|shall|may|might|do|"
    r"does|did|is|are|was|were|has|have|had|hey|hi|hello|ok|okay|alexa|siri|google|cortana|bixby|"
    r"so|and|then|also|just|let|lets|let['’]s|if|when|once|after|before|until|unless|what|where|"
    r"why|how|which|who|whenever|while|set|add|make|create|schedule|book|send|post|run|check|"
    r"ensure|verify|confirm|see|put|tell|ask|notify|ping|text|email|message|call|every|each|on|at)"
)
# ("do" alone is a bot's task, "r Friday do some stuff"; "May" after "in" or "of" a month)
_AUXILIARY: Final = (
    r"(?:is|are|was|were|will|(?<!\bin\s)(?<!\bof\s)(?-i:may)|might|must|would|can|could|should|"
    r"shall|has|have|had|isn['’]t|aren['’]t|wasn['’]t|weren['’]t|won['’]t|doesn['’]t|don['’]t|"
    r"didn['’]t|can['’]t|cannot)"
)
_ADVERB: Final = (
    r"(?:only\s+|also\s+|always\s+|usually\s+|normally\s+|currently\s+|now\s+|still\s+|"
    r"never\s+|just\s+|automatically\s+|typically\s+|generally\s+)?"
)
# verbs a habit is told with, in the third person: "the museum performs a series of fire alarm
# tests every Thursday", "The gold bus only runs on weekdays", "The bug relates to …"
_HABIT_VERBS: Final = frozenset(
    "runs happens occurs repeats recurs performs executes fires triggers starts begins ends meets "
    "opens closes falls relates refers applies goes comes arrives leaves departs resets renews "
    "expires rotates publishes ships deploys fetches collects cleans reminds rings plays "
    "freezes wakes".split()
)
_UNTIMED: Final = Checks(
    # a subject, then its verb "is", "are", "will", "may" …: "Classes are held on Mondays.",
    # "Wednesday Bible study is a vital ingredient in our Christianity.", "The CI may be broken
    # someday. …", "New beginners batches will be conducted on the weekends."
    Told(
        frozenset(
            "is are was were will may might must would can could should shall has have had isn "
            "aren wasn weren won doesn don didn cannot".split()
        ),
        re.compile(
            r"^\W*(?!"
            + _NOT_A_SUBJECT
            + r"\b)(?:[\w'’&*-]+\s+){1,6}?"
            + _ADVERB
            + r"(?<!\bto\s)"
            + _AUXILIARY
            + r"\b(?!\s+(?:you|u|i|we)\b)",
            re.IGNORECASE,
        ),
        "“{said} …” tells how things are, and no time is said: to confirm",
        anchored=True,
        strip=_MARKS,
        skips_requests=True,
    ),
    # a subject, then a habit's verb: "Cleanup function only runs on weekdays", "…, the museum
    # performs a series of fire alarm tests every Thursday", "…, it runs on the first day of the
    # month"
    Told(
        _HABIT_VERBS,
        re.compile(
            r"(?:^|[,;:.!?]\s)\W*(?!"
            + _NOT_A_SUBJECT
            + r"\b)(?:[\w'’&-]+\s+){1,7}?"
            + _ADVERB
            + r"(?<!\band\s)(?:"
            + "|".join(sorted(_HABIT_VERBS))
            + r")\b",
            re.IGNORECASE,
        ),
        "“{said} …” tells what happens, and no time is said: to confirm",
        strip=_MARKS,
        skips_requests=True,
    ),
    # "It's kind of messy to deal with dependabot daily ...", "That's every Monday": a remark
    # ("Well, it's held every weekday morning over the summer vacation …": after a word that
    # answers)
    Told(
        frozenset("it that there here".split()),
        re.compile(
            r"^\W*(?:(?:well|so|oh|yes|yeah|no|ok|okay|sure|but|and)\W+)?(?:it|that|there|here)['’]s\b",
            re.IGNORECASE,
        ),
        "“{said} …” remarks, it does not ask, and no time is said: to confirm",
        anchored=True,
        strip=_MARKS,
    ),
    # a checklist's item: "- [ ] Weekly velocity report (Friday)", "- [ ] Daily digest: …"
    Told(
        frozenset(),
        # (not a task with its recurrence marked, Obsidian Tasks' "🔁 every week")
        re.compile(r"^\s*(?:[-*+]\s*)?\[[ xX]\](?![^\n]*🔁)", re.IGNORECASE),
        "“{said}” opens a checklist's item, and no time is said: to confirm",
        anchored=True,
        strip=" ",
        marks=("[ ]", "[x]", "[X]"),
    ),
    # a comment in code: "// ping me tomorrow to clean this up", "# TODO: rotate the keys weekly"
    Told(
        frozenset(),
        re.compile(r"^\s*(?://+|/\*+|<!--|#+\s*(?:todo|fixme|xxx|hack)\b)", re.IGNORECASE),
        "“{said}” opens a comment in code, and no time is said: to confirm",
        anchored=True,
        strip=" ",
        marks=("//", "/*", "<!--", "TODO", "todo", "FIXME"),
    ),
    # the days a place is closed: "Closed Saturdays and Sundays", "Sunday | Closed |", "Closed
    # on public holidays"
    Told(
        frozenset({"closed", "shut"}),
        re.compile(
            r"\b(?:closed|shut)\W{0,4}(?:on\s+|every\s+|all\s+|for\s+)?(?:(?:mon|tues|wednes|"
            r"thurs|fri|satur|sun)days?|weekends?|holidays?|public|bank|christmas|thanksgiving)\b"
            r"|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days?|weekends?|holidays?)\W{0,4}"
            r"(?:we\s+are\s+|we['’]re\s+|is\s+|are\s+)?(?:closed|shut)\b",
            re.IGNORECASE,
        ),
        "“{said}”: the days a place is closed, not a run: to confirm",
        strip=_MARKS,
        skips_requests=True,
    ),
    # a zone said, and no hour: "Schedule run every Monday, local time", "runs daily in UTC" —
    # the hour matters to the writer, and 9:00 would be made up
    Told(
        frozenset("local server system utc gmt eastern pacific central mountain".split()),
        re.compile(
            r"\b(?:local|server|system|utc|gmt|eastern|pacific|central|mountain)\s+time\b"
            r"|(?-i:\b(?:UTC|GMT|utc)\b)",
            re.IGNORECASE,
        ),
        "“{said}”: a zone is said, but not the hour: to confirm",
        strip=_MARKS,
    ),
    # how often a job runs, changed: "Make job run daily", "make dependabot run weekly as
    # compliance requests" (as "Make it run daily, …" changes the job it names)
    Told(
        frozenset({"make"}),
        re.compile(
            r"^\W*make\s+(?:(?:the|this|that|our|my|its|their)\s+)?(?:[\w.-]+\s+){1,2}?run\s+"
            r"(?:only\s+|once\s+)?(?:daily|weekly|monthly|nightly|hourly|yearly|every|each|on)\b",
            re.IGNORECASE,
        ),
        "“{said}” changes how often a job runs, and no time is said: to confirm",
        first=True,
        anchored=True,
        strip=_MARKS,
    ),
    # work on a program, planned: "Action: Implement a Sunday email digest that …", "Implement
    # weekly challenges"
    Told(
        frozenset("implement implementing develop refactor".split()),
        re.compile(
            r"^[\W\d]*(?:[\w-]+:\s+)?(?:implement|implementing|develop|refactor)\s+[\w'’-]+",
            re.IGNORECASE,
        ),
        "“{said} …” plans work on a program, and no time is said: to confirm",
        anchored=True,
        strip=_MARKS,
    ),
)


# -- the entry point -------------------------------------------------------------------------------

# Words that say a schedule repeats: an event described in the future with one of them ("Choir
# Practice will be held … on Sundays"), or its time stated with one ("Doors open at 6:30 PM every
# Friday"), tells its habit, which is the schedule asked for
# "always" said of a state ("guests are always welcome"), not of when something happens
_ALWAYS_A_STATE: Final = re.compile(
    r"\balways\s+(?:welcome|invited|encouraged|free|appreciated|happy|glad|open\s+to)\b",
    re.IGNORECASE,
)
REPEAT_SAID: Final = frozenset(
    "every each daily weekly monthly yearly annually nightly hourly biweekly fortnightly "
    "weekdays weekends mondays tuesdays wednesdays thursdays fridays saturdays sundays "
    "mornings afternoons evenings nights always usually regularly recurring".split()
)


# The words without one of which neither a commit nor a feature is described (one look for most
# texts, instead of each check's own)
_DESCRIBED_WORDS: Final = _COMMIT_KINDS | _TAKEN_AWAY_CUES | _UI_WORDS | _UNSAID_CUES


def tells_of_a_time(text: str, words: frozenset[str], *, label: str = "") -> str | None:
    """Why `text` tells of a time rather than asks for one (the first check above that finds a
    reason), or None. `words`: the letter runs of the lowered text (each check looks its cue
    up there first). `label`: what was before the text, taken off as a label ("docs: ",
    "Snooze Support: "), which says what a commit or a feature is."""
    repeats = not REPEAT_SAID.isdisjoint(words)
    if repeats and "always" in words and _ALWAYS_A_STATE.search(text) is not None:
        # "The meeting starts at 9:30 a.m. and guests are always welcome": always so, not
        # always at that time
        repeats = not (REPEAT_SAID - {"always"}).isdisjoint(words)
    whole, whole_words = text, words
    if label:
        whole = label + text
        whole_words = words | frozenset(re.findall(r"[a-z]+", label.lower()))
    first = _first_word(text)
    return (
        fault_report(text, words)
        or wish_told(text, words, label=label)
        or report_told(text, words)
        or setup_told(whole, whole_words)
        or guide_told(text, words, first)
        or offer_made(text, words)
        or poll_told(text, words, first)
        or rule_told(text, words)
        or bot_reply(whole, whole_words)
        or someone_described(text, first)
        or contingent_time(whole, whole_words)
        or process_described(text, words)
        or offered_to_audience(text, words)
        or state_told(text, words)
        or kind_of_day(text, first)
        or agenda_line(text, first)
        or example_of_a_tool(text, words)
        or change_described(text, words)
        or situation_told(text, words)
        or nothing_happens(text, words)
        or told_in_the_past(text, words)
        or change_told(text, words)
        or observed(text, words)
        or told_16(text, words, first)
        or (told_16(whole, whole_words, _first_word(whole)) if label else None)
        or told_17(whole, whole_words, _first_word(whole))
        or arrow_between_times(text)
        or two_events(text, words)
        or behaviour_described(whole, whole_words)
        or (
            None
            if _DESCRIBED_WORDS.isdisjoint(whole_words)
            else commit_described(whole, whole_words) or feature_described(whole, whole_words)
        )
        or (
            None
            # (a habit with its time is the schedule asked for; without one, its hour is made up)
            if repeats and _CLOCK_TIME.search(text) is not None
            else future_event(text, words)
            or day_told(text, words)
            or told_as_done(text, words)
            or speaker_hosts(text, words)
            or event_stated(text, words)
            or status_shown(whole, whole_words)
        )
    )


def says_a_clock_time(text: str) -> bool:
    """Whether `text` says a time on the clock ("5pm", "17:30", "noon", "midnight")."""
    return _CLOCK_TIME.search(text) is not None
