"""One understanding of a whole sentence, for every way in (API, CLI, Slack, dashboard).

People write commands, not just schedules: "remind me every morning at 8 to check the
build", "/remind #team to update the status every Monday at 9am", "Please schedule the
sync for every other Tuesday at noon", "Run at 9 AM on weekdays". `understand` finds the
schedule in the sentence and returns it with the rest: the `task` ("check the build") and
the `target` ("me", "#team", "@sam"), each None when absent.

How:
1. The target is taken out first: "/remind X", "remind X", "@name", "#channel" (with the
   "to"/"in" before it), Slack's escaped `<#C0123|name>` and `<@U0123>`.
2. The text (without the target) is read as a schedule by the fast stages, as before. When
   the grammar does not know a word, the sentence is a command: the grammar reads every
   run of words it understands (left to right, each word read once), the runs that say
   something about time become the schedule, and what is left is the task.
3. Politeness and verbs ("please", "can you", "remind me to", "schedule", "run") are
   trimmed from the task; a task that is only such words is None.

Only the grammar splits commands: it says exactly which words it used, and it is fast
enough to try at every position. The other stages see the whole sentence only when it has
no words they do not know, and the LLM (when configured) reads what nothing else could.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Generator
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from functools import cache
from operator import attrgetter
from typing import TYPE_CHECKING, Final

from . import cjk, doubts, narration, timetable, translation
from . import lexicon as lx
from .asks import (
    adds_to_calendar,
    hour_from_hint,
    month_cycle_asks,
    named_frequency_asks,
    plain_word,
    request_follows,
)
from .botcommand import (
    AMOUNTS,
    DELAY,
    bare_amount,
    dashed_options,
    labelled_interval,
    milliseconds_said,
    period_said,
    plain_command,
)
from .bracket_conversions import without_restating_bracket, zone_label_first
from .build import build, one_bare_weekday
from .calendar_event import read_event
from .change_subject import subject_repeat
from .conversions import utc_by_season
from .cron import split_cron
from .cron_comment import (
    asserted_message,
    comment_disagrees,
    comment_of,
    logged_message,
    time_only_in_comment,
)
from .cronline import aws_schedule, calendar_first, cron_first
from .dayletters import letter_days, small_hours_doubt
from .doubts import letter_runs
from .dst_notes import without_dst_note
from .emoji_tasks import said_plainly
from .frequency import agrees, unsaid_monthly_span
from .grammar import GREETINGS, WEEKEND_JOB, read, reads_nothing
from .howto import asks_for_expression, asks_how_to_schedule, asks_if_possible
from .keyword_cron import keyword_cron
from .labels import region_label, unlabelled
from .languages import OTHER_LANGUAGE_WORDS, REFUSAL, SUGGESTION, foreign_language
from .listings import (
    other_events_time,
    recurring_kind,
    recurring_kind_without_day,
    small_hours_gathering,
    without_cycle_remark,
    without_optional_window,
    without_room_bracket,
    without_warned_hours,
    without_week_heading,
)
from .opening_hours import without_closed_days
from .phrase import NotUnderstood, Phrase, Rejected, names_only_a_zone
from .pipeline import (
    FAST_STAGES,
    OUT_OF_RANGE,
    Stopped,
    finish,
    hours_row_line,
    prepare,
    read_whole,
    regex_stage,
)
from .quickadd import plain_marks
from .rawrule import looks_like_rule
from .reasons import (
    ARROW_NOTE,
    EXCEPTION_REASON,
    REASON_NOTE,
    WHICH_NOTE,
    arrow_change,
    excepted_own_schedule,
    without_reason,
    without_which_remark,
)
from .replies import accepts_a_time
from .request_cues import (
    DAYS_GATHERING_NOTE,
    FROM_TO_NOTE,
    NEAR_NOTE,
    NOTE_IN_CODE_NOTE,
    PASSIVE_NOTE,
    QUOTED_MEANING_NOTE,
    REPEATING_ALARM_NOTE,
    TIME_SPENT_NOTE,
    USUAL_DAY_NOTE,
    days_gathering,
    frequency_swap,
    from_to_change,
    near_trigger,
    note_in_code,
    question_then_when,
    quoted_meaning,
    repeating_alarm,
    subjectless_passive,
    time_spent,
    usual_day,
    zone_first_restated,
)
from .restated import (
    part_year_alternative,
    without_alternatives,
    without_place_restatement,
    without_restated_length,
    without_restated_lunch,
    without_rough_restatement,
    without_season_conversions,
)
from .result import ParseResult
from .salvage import (
    changed_to,
    described_delay,
    instead_of,
    is_soft,
    may_turn,
    restated_in_brackets,
    salvage,
    sentence_aside,
    times_of_day,
    without_event_by_date,
    without_event_by_day,
)
from .settings import DATE_ORDERS, GIVEN_DATE_ORDER
from .task_part import message_clause, names_an_alarm, part_named_by
from .timer_talk import timer_length
from .timetable import (
    Weekly,
    habit_said,
    job_said,
    listing_reading,
    once_or_weekly,
    weekly_reading,
    yearly_habit,
)
from .tokens import Token, TokenizeError, text_cache, tokenize, word_values
from .under_way import (
    dated_then_every,
    read_as_under_way,
    start_weekday_dropped,
    without_past_year,
)
from .weekly_windows import aws_window, same_day_again
from .windows import uneven_minute_step
from .zones import AMBIGUOUS_ZONES, lookup_place, lookup_word, place_names, zone_info, zone_words

if TYPE_CHECKING:
    from .llm import LLMParser

NOT_A_SCHEDULE: Final = "could not find a schedule in the text"
HINT: Final = "try something like “every weekday at 9am” or “remind me tomorrow at 3pm to call Sam”"

_SLACK_CHANNEL: Final = r"<#(?P<cid>[CG][A-Z0-9]{2,})(?:\|[^>]*)?>"
# Slack's escaped mention "<@U0123|sam>", Discord's "<@123456789012345678>" ("<@!…>" for a nickname)
_SLACK_USER: Final = r"<@!?(?P<uid>[UW][A-Z0-9]{2,}|\d{6,20})(?:\|[^>]*)?>"
# "#ops", "@sam" — not cron's "1#3" nor a macro ("@daily"), not an e-mail address, not "@noon"
# (the "at" of "fourth of july @noon")
_NAMED: Final = (
    r"(?<![\w#@.])(?P<name>(?:#|@(?!(?:yearly|annually|quarterly|monthly|weekly|daily|midnight|"
    r"noon|midday|hourly|reboot|once|continuous|tonight|tomorrow|today)\b"
    # "Notify @daily:9am @weekdays": days after "@", as a scheduler's macros write them
    r"|(?:weekdays?|weekends?|workdays?|(?:mon|tues|wednes|thurs|fri|satur|sun)days)(?![\w.-])"
    # "@dec 20 at 3pm", "drinks @friday 5pm": a date after "@", a quick-add box's "at"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s?\d"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|(?:week|work)(?:day|end)s?\b"
    r"|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:\.|\s?(?=\d))"
    # "@two pm", "@nine o'clock": a time in words after "@", not someone called Two
    r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:[\s-]+[a-z]+){0,2}\s*(?:[ap]\.?m\b|o'?clock\b)))"
    r"[a-z][a-z0-9._-]{0,79})"
)
_WHO: Final = (
    rf"(?:{_SLACK_CHANNEL}|{_SLACK_USER}|{_NAMED}|(?P<word>me|us|everyone|the team|here)\b)"
)
# "/remind me to …", "remind #team to …", "remind @sam about …"
_REMIND: Final = re.compile(
    r"^\s*(?:(?:hey|ok|okay|please|pls|kindly|can\s+you|could\s+you|would\s+you|will\s+you)[\s,]+)*"
    rf"/?remind\s+(?:{_WHO}|(?P<tilde>~[a-z][\w.-]{{0,79}}))(?:\s+(?:to|about|that|of)\b)?",
    re.IGNORECASE,
)
# "post the report to #ops", "in #general", "for @sam"
_TARGET: Final = re.compile(
    rf"(?:\b(?:to|in|into|on|for)\s+)?(?:{_SLACK_CHANNEL}|{_SLACK_USER}|{_NAMED})(?![\w-])",
    re.IGNORECASE,
)
_LEAD: Final = re.compile(
    r"^(?:(?:hey|ok|okay|hi|so|also|and|then|please|pls|plz|kindly|just|now)\b[\s,]*"
    r"|(?:can|could|would|will)\s+you(?:\s+please)?\b\s*"
    r"|(?:i\s+(?:want|need|would\s+like|'d\s+like)\s+(?:you\s+)?to)\b\s*"
    r"|(?:i\s+need|give\s+me|set(?:\s+up)?|create|add|make|schedule|setup)\s+"
    r"(?:me\s+)?(?:an?\s+)?(?:new\s+)?(?:recurring\s+|repeating\s+|daily\s+|weekly\s+)?"
    r"(?:reminder|job|task|cron\s*job|alarm|timer|schedule)s?\b\s*(?:for|to|that|of)?\b\s*"
    r"|(?:remind|ping|tell|notify|wake|nudge)\s+(?:me|us)\b(?:\s+(?:to|about|that|of|up))?\b\s*"
    r"|/remind\b(?:\s+(?:to|about))?\s*"
    r"|(?:please\s+)?schedule\b\s*)+",
    re.IGNORECASE,
)
# Words a task does not end with: "… to", "… every", "… reminder".
_TRAIL_WORDS: Final = frozenset(
    "and then to at on in for from of with by starting every each please reminder reminding "
    "saying".split()
)
_TRAIL_MARKS: Final = frozenset(",;:.!?()[]-")  # _TRAIL's marks, besides white space
_TRAIL: Final = re.compile(
    rf"(?:[\s,;:.!?()\[\]-]+|\b(?:{'|'.join(sorted(_TRAIL_WORDS))})\b)+$", re.IGNORECASE
)
_HEAD: Final = re.compile(
    r"^(?:[\s,;:.!?()\[\]-]+|\b(?:to|and|then|that|about|of|for|by)\b)+", re.IGNORECASE
)
# A task that is only a verb (or a verb and "it"/"this") says nothing: "Run at 9am".
_EMPTY_TASK: Final = re.compile(
    r"^(?:run|runs|do|send|ping|remind|trigger|fire|go|start|execute|it|this|that|me|us|the\s+job|"
    r"set(?:\s+up)?\s+(?:an?|my|the)|"
    r"the\s+task|a\s+reminder|reminder|job|task|please|usually|sometimes|typically|generally|"
    r"normally|mostly|maybe|perhaps|possibly|probably|roughly|approx|approximately|around|about|"
    r"ish|or\s+so|\s)*$",
    re.IGNORECASE,
)
_QUOTES: Final = "\"'“”‘’`"
UNREAD_TIME_CONFIDENCE: Final = 0.6
# "cancel my 9am reminder", "stop reminding me every day", "snooze it for 10 minutes": a
# change to a job that exists, not a new schedule ("delete old logs every Sunday" is a task)
_MANAGE: Final = re.compile(
    r"^\s*(?:(?:can|could|would|will)\s+you\s+)?(?:(?:please|kindly)\s+)?"
    r"(?:(?:cancel|delete|remove|get\s+rid\s+of|clear|disable|unschedule|pause|resume|"
    r"reschedule|edit|change|update|modify|adjust|move|shift|push|bump|postpone|stop|"
    r"turn\s+off|mute|dismiss)\b(?:\s+\S+){0,4}?\s+"
    r"(?:reminders?|alarms?|jobs?|timers?|cron\s*jobs?|schedules?|notifications?|notices?|"
    r"alerts?|wake-?\s?up\s+calls?)\b"
    r"|stop\s+(?:reminding|pinging|notifying)\b|snooze\b|(?:cancel|delete|remove)\s+(?:it|that|this)\b"
    # "don't remind me to pick up Brandon at midnight", "do not notify me of the meeting next
    # morning", "don't send me a notice at 7": a reminder not wanted, often one that exists
    # ("don't let me forget …" and "don't forget to remind me …" ask for one)
    r"|(?:don[’']?t|do\s+not|never)\s+(?:remind|notify|ping|alert|wake|nag|message|text|"
    r"send\s+(?:me|us)\s+(?:an?|the|any)\s+(?:reminders?|notices?|notifications?|alerts?))\b"
    # "change the digest time to 7:45", "move standup to Friday": something that exists gets a
    # new time ("move the logs to cold storage every Sunday" names a place: a task)
    # "Moved the standup bot trigger timing back to 1:30am UTC", "update crons to run at 15:30
    # for testing", "Change trash pickup back to Friday mornings if we can get that"
    # (a whole schedule after it replaces the old one, and reads as itself: "Update workflow to
    # run on 1pm UTC every day")
    # ("Move to 16:00 UTC to avoid conflicting with …": the thing moved is unsaid)
    r"|(?:change|move|reschedule|shift|push|bump|switch|update)(?:d|ed)?\b"
    r"(?:\s+\S+){0,6}?\s+(?:back\s+|forward\s+)?to\s+"
    r"(?![^.;]*\b(?:every|each|daily|hourly|weekly|monthly|nightly|weekdays)\b)"
    r"(?:run\s+(?:at\s+|on\s+)?)?"
    # ("move my standup to the afternoon at 2pm": a part of the day, then the time)
    r"(?:(?:the\s+)?(?:morning|afternoon|evening|night)\s+at\s+)?"
    r"(?:\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?(?![\w/-])|noon\b|midnight\b|tomorrow\b|"
    r"today\b|tonight\b|(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b)"
    # "lets move the time to 21:00 UTC", "can we change the meeting time to 3pm": a time that
    # is already set gets a new one
    r"|(?:\S+\s+){0,3}?(?:move|change|shift|push|bump|switch)\s+the\s+(?:\w+\s+)?time\s+to\b"
    # "pause the nightly backup", "resume my digest": only a job that exists is paused
    # ("enable the workflow to run every Monday": a request, its schedule said whole after it)
    r"|(?:pause|unpause|resume|suspend|disable|enable|unschedule)\s+(?:the|my|our|this|that|it)\b"
    r"(?<!enable\sthe)(?<!enable\sour)(?<!enable\smy)"
    r"|enable\s+(?:the|my|our)\b"
    r"(?![^.;]*?\bto\s+(?:run|fire|trigger|execute|start|go\s+off|kick\s+off)\b)"
    # "Move Platform SIG meeting 1 hour later", "push the standup 30 minutes earlier": a
    # shift of something that exists
    r"|(?:move|shift|push|bump|postpone|delay)\b(?:\s+\S+){1,5}?\s+(?:by\s+)?"
    r"(?:an?|\d{1,3}|one|two|three|four|five|ten|fifteen|thirty|half\s+an?)\s+"
    r"(?:hours?|hrs?|minutes?|mins?|days?|weeks?)\s+(?:later|earlier|back|forward|ahead)\b"
    # "Push back nightly build by 2 hours", "delay the standup by 30 minutes"
    r"|(?:move|shift|push|bump|postpone|delay)\b(?:\s+\S+){0,6}?\s+by\s+"
    r"(?:an?|\d{1,3}|one|two|three|four|five|ten|fifteen|thirty|half\s+an?)\s+"
    r"(?:hours?|hrs?|minutes?|mins?|days?|weeks?)\b"
    # "@reminderbot, please set my morning time to 10:00", "set my morning todo to 8:30": a
    # setting of the speaker's (a repeat said after it is a schedule: "… to 11:00 AM every day")
    r"|set\s+(?:my|our|the)\s+(?:morning|evening|afternoon|night|nightly|daily|weekly|default|"
    r"preferred|usual)\s+(?!alarm|reminder|timer)(?:[\w-]+\s+)?to\s+"
    r"(?![^.;]*\b(?:every|each|daily|hourly|weekly|monthly|nightly|weekdays)\b)"
    # "set the digest time to 8am", "set daily summary time to 18:00": a job's time, a setting
    r"|set\s+(?:(?:my|our|the|its|your)\s+)?(?:[\w-]+\s+){0,2}?(?:time|hour|slot)\s+to\s+"
    r"(?![^.;]*\b(?:every|each|daily|hourly|weekly|monthly|nightly|weekdays)\b)"
    # "move it to 3pm", "push this back an hour": "it" is a job that exists
    r"|(?:move|change|shift|push|bump|switch|reschedule|postpone|delay|make)\s+(?:it|this|that|them)"
    r"\b"
    # "add hand sanitizer to the shopping reminder for tomorrow", "add chapter two to my reading
    # reminder": something put into one reminder that exists ("add milk to my reminders", "…
    # to my reminder list", "… to the reminder app": a new item in a list)
    r"|add\b(?:\s+\S+){1,8}?\s+to\s+(?:my|the|our|this|that)\s+(?:[\w'’-]+\s+){0,2}?"
    r"reminder\b(?!s|\s+(?:list|app|application|section|folder|tab|widget)\b))",
    re.IGNORECASE,
)


# Words that make a time uncertain or one of several, wherever they stand: the schedule read
# without them is answered, and asked about ("on Mondays and sometimes Tuesdays", "usually
# at 9", "around 3pm", "9ish", "~10am", "every hour or so").
_HEDGE: Final = re.compile(
    r"\b(?:sometimes|usually|typically|generally|normally|mostly|primarily|mainly|occasionally|"
    r"maybe|perhaps|might\s+be|"
    # "[TBD Every other Tuesday at 9:00 AM PST](…)": a time not settled yet
    r"tb[dac]|to\s+be\s+(?:determined|confirmed|announced)|tentative(?:ly)?|"
    r"possibly|probably|roughly|approx(?:imately|imate)?|circa|ideally|preferably|"
    r"some\s+time\s+(?:tomorrow|today|tonight|next|this|later|soon|on|in|during)|"
    # a bound on how often, not a count ("no more than 10 times" is a COUNT)
    r"(?:(?:no|not)\s+(?:more|less|later|earlier)\s+than|at\s+(?:most|least))"
    r"(?!\s+(?:\d+|[a-z]+)\s+(?:times|occurrences|runs)\b)|at\s+the\s+latest|"
    r"(?:a\s+)?(?:minimum|maximum)\s+(?:interval|frequency|of)\b|"
    # "the shortest interval you can run workflows is every 5 minutes": a limit, not a request
    r"(?:shortest|longest|smallest|largest|fastest)\s+(?:interval|frequency|schedule|period)\b|"
    r"at\s+the\s+earliest|for\s+a\s+(?:while|bit)|(?:the\s+)?same\s+time|"
    r"first\s+thing|now\s+and\s+(?:then|again)|"
    # counted back from an event the text does not date: "remind me two days in advance",
    # "in one day advance", "an hour beforehand", "a day ahead of the deadline"
    r"in\s+(?:\w+\s+){0,2}advance|beforehand|ahead\s+of|prior\s+to|"
    # a statement about what should happen: "on tuesday you are supposed to have a meeting"
    r"supposed\s+to|"
    r"(?:earliest|latest|soonest)\s+possible|as\s+(?:early|late|soon)\s+as\s+possible|"
    # a habit the text leans on but does not state: "… at 12:00 Noon, with President … presiding
    # as usual", "standup at 9 as always" (once, or the usual days?)
    r"as\s+(?:per\s+)?usual|as\s+always|"
    r"more\s+or\s+less|give\s+or\s+take|or\s+so|if\s+possible|unless|sometime|"
    # a condition on running that no schedule keeps: "weather permitting", "as needed",
    # "skip holidays" (which country's? "except holidays" is read, and asks the same)
    r"(?:weather|time|budget|traffic|schedule|workload|health|funds|tides?)\s+permitting|"
    r"(?:as|if|when)\s+(?:needed|necessary|required|convenient)|"
    r"skip(?:ping)?\s+(?:the\s+)?(?:public\s+|bank\s+|federal\s+)?holidays|"
    r"most\s+(?:days|weekdays|weeks|mornings|evenings|nights|months|"
    # "held on most Tuesdays at 2 pm ET": not every one
    r"mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)|"
    r"(?:around|about|near|nearly|almost)\s+(?:\d\w*|noon|midnight|lunch|dinner|breakfast|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|an?\s+hour|the\s+top)|"
    r"around\s+(?:next|this|tomorrow|tonight|today|the\s+(?:\d|end|start|beginning|middle)|"
    r"(?:mon|tues?|wednes|thu(?:rs)?|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
    r"oct|nov|dec)[a-z]*)|"
    r"(?:\d|am|pm|noon|midnight|hour|hourly|daily|morning|evening|night|afternoon|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)-?ish)\b|~\s*\d|\w-ish\b",
    re.IGNORECASE,
)
HEDGED_CONFIDENCE: Final = 0.6
# A question about schedules is not one: "what's on my calendar tomorrow", "is it running?"
_QUESTION: Final = re.compile(
    # a word or two of talk before the question does not make it a request: "ok so, can you tell
    # me when the backup runs", "btw what time is standup tomorrow"
    r"^\s*(?:(?:ok|okay|so|well|hey|hi|hello|btw|also|and|but|oh|um|hmm|sorry|quick\s+question|"
    # an assistant's wake word: "olly do i have any openings tomorrow", "hey siri what's on …"
    r"question|olly|alexa|siri|google|cortana|mycroft|computer)\b[\s,:;.!-]*)*"
    r"(?:what|what's|whats|where|who|why|which|"
    r"how\s+(?:often|long|many|much|does|do|did|would|is|are)|is|are|"
    r"does|did|am\s+i|should\s+(?:i|we)|"
    # "can i know what i have to do next saturday at six pm", "may i see when …"
    r"(?:can|could|may)\s+(?:i|we)\s+(?:know|see|find\s+out|hear)\s+(?:what|when|which|where|"
    r"how|if|whether|who)|"
    r"when(?:'s|\s+(?:is|are|does|did|will|was|do))|do\s+(?:i|you|we)\b|"
    # "can you tell me what runs on Mondays", "show me when it runs"
    r"(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:tell|show)\s+(?:me|us)\s+"
    # ("tell me when it is 5PM" asks to be told at 5 PM)
    r"(?:what|when(?!\s+it(?:'s|\s+is|\s+gets\s+to|\s+hits)\s+(?:\d|noon\b|midnight\b|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b))|which|"
    r"where|how|whether|if)\b"
    # "confirm i have set an alarm for six am", "just to confirm you set the alarm to go off at
    # eight", "can you check that my alarm is set for 7", "verify i have a reminder at noon":
    # a question about what is set, not a request to set it
    r"|(?:just\s+)?(?:to\s+)?(?:(?:can|could|would)\s+you\s+(?:please\s+)?)?"
    r"(?:confirm|verify|double[\s-]?check|check)\s+(?:(?:if|whether|that)\s+)?"
    r"(?:(?:i|you|we)\s+(?:have\s+|'ve\s+|had\s+|already\s+)*(?:set|made|scheduled|created|added)"
    r"|(?:i|you|we)\s+(?:have|'ve\s+got)\s+(?:an?|any)\s+(?:alarm|reminder|timer)s?"
    r"|(?:my|the|our|an?|any)\s+(?:\w+\s+)?(?:alarms?|reminders?|timers?)\s+(?:is|are|was|were)\s+"
    r"(?:set|on|scheduled)))\b",
    re.IGNORECASE,
)


# The words _QUESTION and _MANAGE can start with (a text's first run of letters, after spaces,
# in lower case; tests/parsers/test_doubts_gates.py checks them against the patterns): on
# ASCII text whose first word is none of them the pattern is not tried — most commands ("send
# the report …"). _MANAGE's "… move the time to 3pm" may start anywhere: "time" lets it through.
_QUESTION_FIRST: Final = frozenset(
    "ok okay so well hey hi hello btw also and but oh um hmm sorry quick question olly alexa "
    "siri google cortana mycroft computer what whats where who why which how is are does did "
    "am should can could may when do would will tell show just to confirm verify double "
    "doublecheck check".split()
)
_STATEMENT_FIRST: Final = frozenset(
    "no nope yes yeah yep ok okay well so oh sorry actually hmm um i im we".split()
)
_MANAGE_FIRST: Final = frozenset(
    "can could would will please kindly cancel delete remove get clear disable unschedule "
    "pause unpause resume suspend enable reschedule rescheduled rescheduleed edit change "
    "changed changeed update updated updateed modify adjust move moved moveed shift shifted "
    "shiftd push pushed pushd bump bumped bumpd switch switched switchd postpone delay make "
    "stop turn mute dismiss snooze don dont do never add set".split()
)
_FIRST_LETTERS: Final = re.compile(r"\s*([A-Za-z]*)")


def first_word(text: str) -> str | None:
    """The first run of letters of an ASCII `text` after its spaces, in lower case ("" when
    it starts with another character); None for other text (its case folds differently)."""
    if not text.isascii():
        return None
    # most texts start with a word of letters: split off, no pattern matched (the pattern's
    # \s* and split()'s spaces are the same characters, str.isspace's)
    words = text.split(None, 1)
    if not words:
        return ""
    if words[0].isalpha():
        return words[0].lower()
    return _FIRST_LETTERS.match(text)[1].lower()  # type: ignore[index]


# The words _HEDGE can start with (and "ish" it can end with): the regular expression only
# runs on a text that has one of them.
_HEDGE_CUES: Final = frozenset(
    "sometimes usually typically generally normally mostly primarily mainly occasionally maybe "
    "perhaps possibly might "
    "probably roughly approx approximately approximate circa ideally preferably more give so "
    "if unless sometime some no not least most latest earliest while bit same minimum maximum "
    "possible shortest longest smallest largest fastest "
    "around about near "
    "nearly almost ish advance beforehand ahead prior supposed permitting needed necessary "
    "required convenient skip skipping usual always tbd tba tbc determined confirmed announced "
    "tentative tentatively".split()
)
# ... and the phrases it knows that start with a common word ("first", "now")
_HEDGE_PHRASES: Final = ("first thing", "now and")


# A sentence about the speaker is not a request: "I'm at 10", "we're free Friday at 3pm",
# "im available every wed". The time in it is read, and asked about.
_STATEMENT: Final = re.compile(
    # ("no, i already have a meeting 3pm tomorrow": an answer, then the statement)
    r"^\s*(?:(?:no|nope|yes|yeah|yep|ok|okay|well|so|oh|sorry|actually|hmm|um)\b[\s,.!]*)?"
    # ("we've got beginner BJJ on Tuesdays …", "We’ve scheduled the next meeting for …": what
    # the speaker has, or has done; not "I've got to leave at 5")
    r"(?:(?:i|we)['’]ve\s+(?!(?:got\s+|gotta\s+)?to\b)(?=[a-z])|"
    r"i'm|i’m|im|we're|we’re|(?:i|we)\s+(?!need|want|wanna|would|will|shall|must|should|"
    r"have\s+to|gotta|got\s+to|(?:also\s+)?(?:need|want))[a-z]+)\b"
    # "I'll be out Tuesday afternoons", "we will be closed on Monday": where one will be
    r"|^\s*(?:i'll|i’ll|we'll|we’ll|(?:i|we)\s+will)\s+(?:probably\s+)?be\s+(?:out|away|off|busy|"
    r"unavailable|available|free|closed|open|sick|ooo|on\s+(?:leave|holiday|vacation|pto)|"
    r"travel+ing)\b",
    re.IGNORECASE,
)


# A sentence about someone else is not a request either: "My son has practice Tuesday 4pm",
# "Viola has Thursday off", "Viola out Friday afternoon", "Viola worked extra 3 hours Saturday".
# (Case matters: a name is capitalised; "It is …", "This has …" are not about a person.)
_THIRD_PERSON: Final = re.compile(
    r"^\s*(?:(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z'’]+\s+){0,2}?"
    r"|(?!(?:It|This|That|These|Those|There|Here|What|Which|Who|When|Where|How|Everything|"
    r"Nothing|Everyone)\b)[A-Z][a-z]+\s+)"
    r"(?:(?:has|have|had)(?!\s+(?:to|got\s+to)\b)|is\s+off|is\s+out|off|out|works|worked|stayed)\b"
)
# The same statement typed in lower case ("viola has thursday off", "sam works mondays"): a
# name is then any word but one that opens a request or a question, and a bare "off"/"out"
# after it is left out ("kick off the ETL job", "send out the notes": verbs, not names)
_THIRD_PERSON_LOWER: Final = re.compile(
    r"^\s*(?!(?:it|this|that|these|those|there|here|what|which|who|when|where|how|why|"
    r"everything|nothing|everyone|please|pls|plz|kindly|just|also|and|then|so|now|if|"
    r"make|let|can|could|would|will|should|do|does|did)\b)[a-z]{2,}\s+"
    r"(?:(?:has|have|had)(?!\s+(?:to|got\s+to)\b)|is\s+off|is\s+out|works|worked|stayed)\b"
)


# Documentation that explains a time, not a request: "Example: Job scheduled at 17:00 will run at
# 10:00 mountain time", "Here are some local times for the meeting …", "NYSE opens at 9:30 AM
# ET", "9 PM UTC = 5 PM EST (adjust for daylight saving)" — a time equated to another.
# the words the anchored branches of _EXPLAINS start with (its other branches need "=", "opens"
# or "closes")
_EXPLAINS_OPENERS: Final = ("example", "for", "e.g.", "explanation", "note", "here")
_EXPLAINS: Final = re.compile(
    r"^\s*(?:(?:for\s+)?example|e\.g\.|explanation|note)\s*:"
    r"|^\s*here\s+(?:are|is)\b"
    r"|^\s*(?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+(?:opens|closes)\s+at\b"
    r"|\d\s*(?:[ap]\.?m\.?)?\s*[A-Za-z]{0,4}\s*=\s*\d",
    re.IGNORECASE,
)


# A look at the calendar, or a change to an entry in it, is not a job: "show me my calendar
# event this friday afternoon", "tell my meetings for tomorrow morning", "check if alarm is set
# for six am", "clear my calendar for saturday", "take the 8am meeting off my calendar". With a
# repeating schedule ("show me my calendar every morning at 8") it is a job; with one time it
# may be either, so a one-off answer asks.
_CALENDAR_LOOKUP: Final = re.compile(
    r"^\s*(?:(?:please|pls|kindly)\s+|(?:can|could|would|will)\s+you\s+(?:please\s+)?)*"
    # "i would like to check my calendar for tuesday next week"
    r"(?:i\s+(?:would\s+like|want|need)\s+to\s+)?"
    r"(?:(?:show|list|tell|read|check|display|bring\s+up|pull\s+up|look\s+up|clear|wipe|empty)\b"
    r"(?:\s+(?:me|us))?(?:\s+(?:if|whether|what(?:'s|\s+is)?))?(?:\s+(?:on|in|for|out))?\s+"
    r"(?:(?:my|our|the|any|all|an?|today's|tomorrow's)\s+)?(?:[\w']+\s+){0,2}?"
    r"(?:calendars?|agenda|meetings?|events?|appointments?|schedule|plans|alarms?|reminders?)"
    # "accept my meeting at 7pm today", "decline the event on Friday": an answer to an invitation
    r"|(?:accept|decline|rsvp\s+to|tentatively\s+accept)\s+(?:(?:my|our|the|this|that|all|an?|"
    r"today's|tomorrow's)\s+)?(?:[\w']+\s+){0,2}?(?:meetings?|appointments?|events?|invites?|"
    r"invitations?|calls?)"
    # "delete lunch with steve on friday", "cancel my dinner tomorrow", "get rid of my 8am
    # alarm": an entry in a calendar ("delete old logs on friday" is a job's task)
    # ("remove 9:15 am appointment on March 16th": a time among the words before it)
    r"|(?:cancel|delete|remove|erase|scratch|drop|get\s+rid\s+of)\s+"
    r"(?:(?:my|our|the|this|that|all)\s+)?"
    r"(?:[\w':.]+\s+){0,3}?(?:meetings?|appointments?|events?|lunch|dinner|breakfast|brunch|"
    r"date|party|call|haircut|reservation|booking|plans|conferences?|alarms?|reminders?|"
    # "delete all calendar entries on march 3"
    r"entry|entries)"
    # "move the dentist appointment on September 15th from 7 AM to 7 PM", "update the time for
    # the movie night event to 5 PM today": an entry given a new time
    r"|(?:move|change|update|reschedule|shift|push|bump)\s+(?:(?:my|our|the|this|that)\s+)?"
    r"(?:[\w':.]+\s+){0,8}?(?:meetings?|appointments?|events?|reservation|booking|haircut)"
    # (the entry itself, not "meeting notes": a word of time or an end follows it)
    r"(?=\s+(?:on|at|for|from|to|with|this|next|tomorrow|today|tonight|in)\b|\s*[.,!?]|\s*$)"
    r"(?=.*\bto\b))\b",
    re.IGNORECASE,
)
# "… off my calendar", "… on the calendar", "… from our calendar": an entry in a calendar
_ON_CALENDAR: Final = re.compile(
    r"\b(?:off|from|on|in|to|into)\s+(?:of\s+)?(?:my|our|the|your)\s+(?:[\w']+\s+)?calendar\b",
    re.IGNORECASE,
)
# The words _CALENDAR_LOOKUP can start with: the pattern only runs on a text opening with one
_LOOKUP_OPENERS: Final = frozenset(
    "please pls kindly can could would will show list tell read check display bring pull look "
    "clear wipe empty cancel delete remove erase scratch drop accept decline rsvp tentatively "
    "get i move change update reschedule shift push bump".split()
)
CALENDAR_NOTE: Final = (
    "reads as a look at a calendar, or an entry in one, more than a job: to confirm"
)
DESCRIBED_CYCLE_NOTE: Final = (
    "a describer's “every N months” is cron's step, counted from January: to confirm"
)
CALENDAR_ENTRY_NOTE: Final = "read as a new entry in a calendar: one run at its time"


def about_calendar(text: str) -> bool:
    """Whether `text` looks at a calendar or changes an entry in it ("show me my meetings
    on Friday", "clear my calendar for Saturday", "take lunch off my calendar")."""
    lowered = text.lower()
    first = lowered.split(None, 1)[0] if lowered.strip() else ""
    return (first in _LOOKUP_OPENERS and _CALENDAR_LOOKUP.match(text) is not None) or (
        "calendar" in lowered and _ON_CALENDAR.search(text) is not None
    )


# "set a repeating reminder for the event on seventh april", "make march eighteen a recurring
# appointment": the text says the job repeats, the schedule read runs once — how often?
_REPEATS: Final = re.compile(r"\b(?:repeat(?:ing|ed|s)?|recurr(?:ing|ent|ence)|recurs?)\b", re.I)
REPEATS_NOTE: Final = "the text says it repeats but not how often: read as one run, to confirm"


# A rule about what happens to things after a while, not a request to run: "issues with
# no activity will be automatically closed after 7 days", "files will be deleted in 30 days"
_RULE: Final = re.compile(
    r"\bwill\s+be\s+(?:automatically\s+|auto-?|permanently\s+)?[a-z]+ed\s+(?:after|in|within)\b"
)


# Someone's words quoted and attributed, as news and stories write them: '"The situation is
# deteriorating every day," she said', '"We meet every Monday at 9," said the coach'. The
# schedule in them is the speaker's, not a request to run a job.
_ATTRIBUTION_VERBS: Final = (
    r"(?:said|says|told|added|asked|wrote|explained|noted|stated|recalled|replied|insisted|"
    r"warned|admitted|declared|continued|answered|remarked|complained)"
)
_QUOTED_SPEECH: Final = re.compile(
    r"[,.!?][\"\u201d]\s*(?:"
    # '…," she said', '…," Paul Moskal said', '…," he told BBC radio'
    r"(?:he|she|they|we|i|it|you|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+"
    + _ATTRIBUTION_VERBS
    # '…," said the club's spokesman', '…," said tricycle driver Jun Reyes'
    + r"|"
    + _ATTRIBUTION_VERBS
    + r"(?=\s+\w)"
    + r")\b"
)


def quoted_speech(text: str) -> str | None:
    """The attribution of someone's quoted words the text reports ('," she said'), or None: a
    schedule inside them is what the speaker said, not a request."""
    if '"' not in text and "\u201d" not in text:
        return None
    found = _QUOTED_SPEECH.search(text)
    return found.group()[2:].strip() if found is not None else None


# "during term time", "during school holidays", "during the sale", "during Ramadan": a period
# the grammar cannot date, so the schedule read without it may run outside it ("during the
# week", "during business hours", "during May" are read)
_UNDATED_PERIOD: Final = re.compile(
    r"\bduring\s+(?!(?:the\s+|business\s+|office\s+|working\s+|work\s+|market\s+|"
    r"trading\s+)?(?:day|night|morning|afternoon|evening|week|weekend|weekday|month|year|hour|"
    r"hours|business|office|working|work|market|trading)s?\b|\d|(?:jan|feb|mar|apr|may|jun|"
    r"jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b)"
    r"(?:the\s+)?[\w'-]+(?:\s+[\w'-]+)?",
    re.IGNORECASE,
)
# "turns the port on at 08:00 and off at 22:00", "start the server at 9am and stop it at 5pm":
# two actions, one at each time — two jobs, not one job run at both times
_TWO_ACTIONS: Final = re.compile(
    r"\b(?:on\s+at|(?:turn|switch|power)(?:s|ed)?\s+(?:[\w']+\s+){0,3}?on|start|open|begin|"
    r"enable|arm)\b[^.;]{0,60}?(?:\band\b|,|\bthen\b)[^.;]{0,25}?"
    r"\b(?:off|stop|close|end|finish|disable|disarm|down)\b",
    re.IGNORECASE,
)
TWO_ACTIONS_NOTE: Final = (
    "two actions, one at each time (on and off, start and stop): make them two jobs; "
    "read as one job at both times, to confirm"
)


# Small talk that names a day is not a request: "sounds good, see you Monday", "talk to you
# tomorrow at 9", "catch you later this week".
_SMALL_TALK: Final = re.compile(
    r"\b(?:see|talk\s+to|speak\s+to|catch|chat\s+with)\s+you\b", re.IGNORECASE
)


# The text stops where the time should be ("remind me every day at"), or has a placeholder for
# it ("at ??:00"): what was read is asked about.
_CUT_OFF: Final = (" at", " every", " each", "@")
_PLACEHOLDER: Final = re.compile(r"\?\s*:|:\s*\?")


# "set a recurring alarm for mondays", "wake me up tomorrow": an alarm is its time, which
# assistants ask for; 9:00 is only the default of a reminder
ALARM_WITHOUT_TIME_NOTE: Final = "an alarm with no time: 9:00 AM is only a guess, say the time"


# "Remind me deliveries are to be here Wednesday", "remind me that the meeting is at 3pm",
# "Remind me that I need to book flights in 3 weeks": the reminder's message is a sentence of
# its own (a subject and a verb that states, before any word of time), and the time is in it
_REMINDED_STATEMENT: Final = re.compile(
    r"^\s*(?:(?:please|pls|can\s+you|could\s+you|will\s+you|would\s+you)\s+)*remind\s+(?:me|us)"
    r"\s+(?:that\s+)?(?P<clause>(?!(?:to|about|of|at|on|in|by|for|every|each|tomorrow|today|"
    r"tonight|next|this|when|before|after)\b)(?:[a-z']+\s+){1,4}?"
    r"(?:is|are|was|were|will|won't|need|needs|has|have|must|should))\b",
    re.IGNORECASE,
)
# "a reminder about the meeting I have at 3 pm", "remind me of the party we're having at 5":
# a time said in a clause that describes the thing, after "I have", "we are having"
_DESCRIBED_THING: Final = re.compile(
    r"\b(?P<clause>(?:meeting|appointment|party|call|class|event|game|dinner|lunch|flight)s?\s+"
    r"(?:that\s+)?(?:i|we|you|he|she|they)\s*(?:have|has|had|'ve\s+got|am\s+having|'m\s+having|"
    r"are\s+having|'re\s+having|is\s+having|'s\s+having))\s+(?=at\s+\d|on\s+|tomorrow|today)",
    re.IGNORECASE,
)


def time_of_the_message(text: str) -> str | None:
    """The clause a reminder's time is said in when that clause is the message's own sentence
    ("Remind me deliveries are to be here Wednesday": the deliveries' day, and the reminder's
    time is not said) or describes the thing reminded of ("a reminder about the meeting I have
    at 3 pm": the meeting's time; the reminder may be before it); None for most texts."""
    lowered = text.lower()
    if "remind" not in lowered:
        return None
    if (stated := _REMINDED_STATEMENT.match(text)) is not None and not _mentions_time(
        stated["clause"]
    ):
        return stated["clause"]
    if (" have" in lowered or "having" in lowered or "'ve got" in lowered) and (
        described := _DESCRIBED_THING.search(text)
    ) is not None:
        return described["clause"]
    return None


TIMER_AROUND_NOTE: Final = (
    "a timer of {length}, said in other words: that long from now, to confirm"
)


def _guessed_time(result: ParseResult) -> bool:
    """Whether the answer's time of day is a default: none was said ("for mondays": 9:00), or
    only a part of the day ("every tuesday morning": 9:00 too, as Todoist reads it)."""
    return any(note.startswith(_NO_TIME) for note in result.notes)


# (a CI workflow's too: "Schedule runs of the tests, docs and builds workflows on Sundays.")
_CRON_WORD: Final = re.compile(r"\b(?:cron(?:job|tab)?s?|workflows?)\b", re.IGNORECASE)
CRON_HOUR_NOTE: Final = "a cron job's hour is not said: 9:00 AM assumed, to confirm"
WORKFLOW_HOUR_NOTE: Final = "a workflow's hour is not said: 9:00 AM assumed, to confirm"

# how build's notes of a default time of day begin ("no time given; assumed 9:00 AM", "no time
# given; morning read as 9am")
_NO_TIME: Final = "no time given"


WARNED_HOURS_NOTE: Final = "the hours a sentence warns against are not read as runs, to confirm"
OPTIONAL_WINDOW_NOTE: Final = "the optional hours after the event are not read as runs, to confirm"


def _to_confirm(result: ParseResult, note: str) -> ParseResult:
    """The answer, marked to be confirmed before it is saved, saying why."""
    notes = result.notes if note in result.notes else (*result.notes, note)
    return result.replace(confidence=HEDGED_CONFIDENCE, notes=notes)


# "Gym Monday, Wednesday, Friday", "practice Monday and Wednesday at 5pm": days listed with
# nothing that says they repeat read as every week (as to-do apps and cron's describers do),
# but a family calendar or a reminder app reads them as those days once each: asked.
DAYS_LISTED_NOTE: Final = (
    "the days are listed without “every”: read as every week (it may mean once each), to confirm"
)
_REPEAT_WORDS: Final = frozenset(
    "every everys evry ev each weekly daily monthly yearly annually only repeat repeats "
    "repeating recurring recurs week weeks weekdays "
    "weekends weekday weekend nightly biweekly fortnightly mornings afternoons evenings nights "
    "always usually normally regularly mondays tuesdays wednesdays thursdays fridays saturdays "
    "sundays".split()
)


_DESCRIBED: Final = re.compile(r"\s*(?:occurs\s+)?at\s+\d")
_COMPACT_DAYS: Final = re.compile(
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*[/,](?:mon|tue|wed|thu|fri|sat|sun)"
)


def _days_listed_once(result: ParseResult, lowered: str, words: frozenset[str]) -> bool:
    """Whether `result` runs weekly on days that `lowered` (its letter runs: `words`) lists
    with no word of repetition."""
    schedule = result.schedule
    if schedule is None or schedule["type"] != "cron":
        return False
    fields = schedule["expression"].split()
    if len(fields) != 5 or "," not in fields[4] or fields[2] != "*" or fields[3] != "*":
        return False
    if "#" in fields[4] or "L" in fields[4] or "*" in lowered or ".." in lowered:
        return False  # "the 2nd and 4th Tuesday" repeats monthly; "Mon..Fri *-*-*" is systemd's
    if _DESCRIBED.match(lowered):  # "At 00:00 on Monday, Wednesday, and Friday": a describer's
        return False
    if _COMPACT_DAYS.search(lowered):  # "Mon/Wed/Fri at 9am": a timetable's notation
        return False
    return _REPEAT_WORDS.isdisjoint(words)


def lowered_words(text: str) -> list[str]:
    return letter_runs(text.lower())


def _explains(text: str, result: ParseResult) -> bool:
    """Whether `text` explains a time rather than asks for a job (`_EXPLAINS`); a text that
    says how often ("Runs at: 15:00 UTC = 16:00 CET every day") still asks for one."""
    if ":" not in text and "=" not in text and " opens " not in text and " closes " not in text:
        if not text.lstrip()[:4].lower().startswith("here"):
            return False
    # what each branch of the pattern needs: most texts with a ":" have it in a time ("9:30")
    lowered = text.lower()
    if (
        "=" not in text
        and "opens" not in lowered
        and "closes" not in lowered
        and not lowered.lstrip().startswith(_EXPLAINS_OPENERS)
    ):
        return False
    if _EXPLAINS.search(text) is None:
        return False
    return _REPEAT_WORDS.isdisjoint(letter_runs(text.lower()))


# a time read on the 24-hour clock before 8am ("i have a meeting at 5:50"): said in passing, it
# may be the afternoon's
_EARLY_24_HOUR: Final = re.compile(r"read on the 24-hour clock as 0[0-7]:")


def _request_follows(result: ParseResult, text: str, start: int) -> bool:
    """Whether a statement ("I have a meeting …") is followed by a request to act on it
    (`asks.request_follows`), and its time is not an early hour read on the 24-hour clock,
    which the statement's ask was all that asked about."""
    if not request_follows(text, start):
        return False
    return not any(_EARLY_24_HOUR.search(note) for note in result.notes)


# the substrings without one of which `cron_comment.asserted_message` cannot find a test's check
_ASSERT_CUES: Final = (
    "rror",
    "atal",
    "ail",
    "ssert",
    "xpect",
    "toBe",
    "toEqual",
    "anic",
    "raise",
    "throw",
)


def _hedged(result: ParseResult, text: str, *, foreign: bool = False) -> ParseResult:
    if not result.ok or result.confidence <= HEDGED_CONFIDENCE:
        return result
    if "  " in text or not text.isprintable() or text[:1].isspace() or text[-1:].isspace():
        text = " ".join(text.split())  # the cues read words one space apart, as the stages do
    if month_cycle_asks(text) and any(" months counted from " in n for n in result.notes):
        return _to_confirm(result, DESCRIBED_CYCLE_NOTE)  # cron's "*/3", counted from January
    if period_said(text) is not None:
        # "ETL pipeline syncs upstream repos on a 6-hour schedule": a period said as the
        # schedule's length is as often a description of one as a request: asked
        return _to_confirm(result, PERIOD_NOTE)
    if ("->" in text or "→" in text) and arrow_change(text):
        return _to_confirm(result, ARROW_NOTE)  # "Mon 00:00 -> Mon 00:41 UTC": a change
    if result.schedule is not None and result.schedule["type"] == "cron":
        comment = comment_of(text)  # "- cron: '* 14 * * *' # 14:00 in UTC is 6am PST"
        if comment is not None:
            schedule = result.schedule
            note = comment_disagrees(schedule["expression"], schedule["timezone"], comment)
            if note is not None:
                return _to_confirm(result, note)
    if (
        "(" in text
        and ("og" in text or "rint" in text or "info" in text)
        and (logged := logged_message(text))
    ):
        return _to_confirm(result, logged)  # 'logger.info("Scheduled … at 08:00 …", chat_id)'
    if (
        "(" in text
        and any(cue in text for cue in _ASSERT_CUES)
        and (asserted := asserted_message(text))
    ):
        return _to_confirm(result, asserted)  # 't.Errorf("… want Monday through Friday at 7 AM")'
    if ("#" in text or "//" in text) and (only := time_only_in_comment(text)) is not None:
        return _to_confirm(result, only)  # 'lead, _ = db.checkout("pawan")  # 9am ET: …'
    guessed = _guessed_time(result)  # (the result is the same for the three tests below)
    if guessed and ("orkflow" in text or "ron" in text) and (machine := _CRON_WORD.search(text)):
        # "the cron fires on UTC Wednesdays either way": a machine's job runs at an hour set
        # somewhere; 9:00 is a person's morning, made up
        if machine.group().lower().startswith("workflow"):
            return _to_confirm(result, WORKFLOW_HOUR_NOTE)
        return _to_confirm(result, CRON_HOUR_NOTE)
    if guessed and ((ask := narration.part_only(text, frozenset(lowered_words(text)))) is not None):
        # "ci: run the update workflow every Mon", "Execute stale workflow only once a day": a
        # change or a title with no time of day; its default hour would be made up
        return _to_confirm(result, ask)
    if guessed and NOT_THIS_NOTE in result.notes and narration.says_a_clock_time(text):
        # "We want these jobs to run every day, not every minutes at midnight": a correction of
        # a schedule that exists, its only time in the part it is not; 9:00 would be made up
        return _to_confirm(result, CORRECTION_HOUR_NOTE)
    if (region := region_label(text)) is not None:
        return _to_confirm(result, region)  # "* US:   Weekly on Wednesdays at 10:00am GMT-7"
    if (
        result.schedule is not None
        and "INTERVAL=2;" in result.schedule.get("rule", "")
        and "FREQ=WEEKLY" in result.schedule["rule"]
        and (alternate := timetable.alternate_weeks_told(text)) is not None
    ):
        return _to_confirm(
            result, alternate
        )  # "The recycling is picked up on alternate Wednesdays"
    if guessed and (kind := recurring_kind(text)) is not None:
        # "Mass is celebrated daily in the church or chapel", "Rehearsals are held weekly on
        # Saturdays": an event's hour, not said — the default's is made up
        return _to_confirm(result, f"a {kind}'s hour is not said: the time is made up, to confirm")
    if guessed and names_an_alarm(text):
        # "set an alarm for mondays", "Make an alarm for every tuesday morning"
        return _to_confirm(result, ALARM_WITHOUT_TIME_NOTE)
    if (offered := accepts_a_time(text, names_time=_mentions_time)) is not None:
        # "15:15 works for me.", "March 9th will work.": a time picked among those offered
        note = f"“{offered}” is offered back as suiting, not asked for: to confirm"
        return _to_confirm(result, note)
    if (clause := time_of_the_message(text)) is not None:
        # "Remind me deliveries are to be here Wednesday", "… the meeting I have at 3 pm"
        note = f"the time is said of “{clause} …”, not of the reminder: to confirm"
        return _to_confirm(result, note)
    if (small := small_hours_doubt(text, result.notes)) is not None:
        return _to_confirm(result, small)  # "TTh 2:00-3:15": 2pm, most likely
    if (small := narration.gathering_small_hours(text, result.notes)) is not None:
        return _to_confirm(result, small)  # "at 6:30, a longstanding group meets": 6:30pm?
    if (other := other_events_time(text)) is not None:
        # "Thursday Evenings in May & October following the 5:15 PM Mass"
        note = f"the time is that of {other}, which this follows or comes before: to confirm"
        return _to_confirm(result, note)
    if (
        result.schedule is not None
        and result.schedule["type"] == "at"
        and (kind := recurring_kind_without_day(text)) is not None
    ):
        lowered = text.lower()
        if not timetable.one_off(lowered, frozenset(letter_runs(lowered))):
            # "Bell Choir rehearsal at 8:50 PM.": a rehearsal's time, on days not said
            note = f"a {kind} recurs, and the text says its time, not its days: to confirm"
            return _to_confirm(result, note)
    if text.rstrip(" .,;:!").lower().endswith(_CUT_OFF) or (
        "?" in text and _PLACEHOLDER.search(text)
    ):
        note = "the text stops before the time, or holds a placeholder for it: to confirm"
        return _to_confirm(result, note)
    bare = unlabelled(text, names_time=_mentions_time)  # "Note: Viola has Thursday off"
    first = first_word(bare)
    if (possible := asks_if_possible(bare, first)) is not None:
        return _to_confirm(result, possible)  # "Is it possible to run … at midnight??"
    statement = (
        _STATEMENT.match(bare) if first is None or first in _STATEMENT_FIRST else None
    ) or _THIRD_PERSON.match(bare)
    if statement is None and bare[:1].islower():
        statement = _THIRD_PERSON_LOWER.match(bare)
    if statement is None and _explains(text, result):
        note = "the text explains a time (an example, a conversion), it does not ask: to confirm"
        return _to_confirm(result, note)
    one_off = result.schedule is not None and result.schedule["type"] == "at"
    if statement is None and one_off and "you" in text.lower():
        statement = _SMALL_TALK.search(text)  # a one-off: small talk sets no repeating job
    if statement is not None and _request_follows(result, text, statement.end()):
        statement = None  # "I have a meeting at 4pm on Wednesday, can you remind me?": a request
    if statement is not None:
        note = (
            f"“{statement.group().strip()} …” reads as a statement, not a request: "
            "the time in it is read, to confirm"
        )
        return _to_confirm(result, note)
    if (said := time_spent(text)) is not None:
        return _to_confirm(result, TIME_SPENT_NOTE.format(said=said))  # "every 30 minutes of play"
    if (said := near_trigger(text)) is not None:
        return _to_confirm(result, NEAR_NOTE.format(said=said))  # "wake me up at 8am near the exit"
    if (said := quoted_meaning(text)) is not None:
        return _to_confirm(result, QUOTED_MEANING_NOTE.format(said=said))  # '"X" means every …'
    if (said := note_in_code(text)) is not None:
        return _to_confirm(result, NOTE_IN_CODE_NOTE.format(said=said))  # "// ping me tomorrow …"
    if first in ("is", "are", "get", "gets") and subjectless_passive(bare):
        said = " ".join(bare.split()[:2])
        return _to_confirm(result, PASSIVE_NOTE.format(said=said))  # "is updated each weekday …"
    lowered = text.lower()
    if "during" in lowered and (period := _UNDATED_PERIOD.search(text)) is not None:
        note = f"“{period.group()}” names a period the schedule cannot keep to: to confirm"
        return _to_confirm(result, note)
    if (
        result.schedule is not None
        and result.schedule["type"] == "cron"
        and "," in result.schedule["expression"].split()[1]
        and _TWO_ACTIONS.search(text) is not None
    ):
        return _to_confirm(result, TWO_ACTIONS_NOTE)
    if one_off and "cron" in lowered and "cron" in lowered_words(text):
        # "Run cron at 7am eastern": a cron job repeats; the text says when, not how often
        return _to_confirm(result, "a cron job repeats, and the text does not say how often")
    if "cron" in lowered and (step := uneven_minute_step(text)) is not None and not one_off:
        # "Cron job is scheduled for every 45 minutes between 8am-10am": cron's */45 runs at
        # :00 and :45 of each hour; the words say every 45 minutes on end — which is meant?
        return _to_confirm(result, UNEVEN_CRON_STEP_NOTE.format(step=step))
    if result.schedule is not None and result.schedule["type"] == "at":
        if about_calendar(bare):
            if adds_to_calendar(bare) and not hour_from_hint(result.notes):
                # "add my spin class to the calendar for Saturday at 7am": an entry, at its time
                result = result.replace(notes=(*result.notes, CALENDAR_ENTRY_NOTE))
                note = None
            else:
                note = CALENDAR_NOTE
        elif ("repeat" in lowered or "recur" in lowered) and _REPEATS.search(text):
            note = REPEATS_NOTE
        else:
            note = None
        if note is not None:
            return _to_confirm(result, note)
    if "will be" in lowered and (rule := _RULE.search(lowered)) is not None:
        note = f"“{rule.group()}” describes what happens to things, not when to run: to confirm"
        return _to_confirm(result, note)
    if (said := quoted_speech(text)) is not None:
        note = f"the text quotes someone (“{said}”), it does not ask: to confirm"
        return _to_confirm(result, note)
    words = frozenset(letter_runs(lowered))  # the cues below are looked up in it
    if (
        _days_listed_once(result, lowered, words) and letter_days(text) == text
    ):  # "MWF": a timetable
        return _to_confirm(result, DAYS_LISTED_NOTE)
    bare_words = words if bare == text else frozenset(lowered_words(bare))
    if foreign:  # its schedule said in English, the rest is in its own words: not a doubt
        bare_words -= OTHER_LANGUAGE_WORDS
    label = text[: len(text) - len(bare)] if bare != text and text.endswith(bare) else ""
    doubt = doubts.doubt(
        bare, words=bare_words, names_time=_mentions_time, zone_of=lookup_word, label=label
    )
    if doubt is None and " and " in lowered:
        doubt = doubts.reminder_at_several_times(text, result.schedule)
    if doubt is not None:
        return _to_confirm(result, doubt)
    first_thing, now_and = _HEDGE_PHRASES
    if (
        "~" not in lowered
        and _HEDGE_CUES.isdisjoint(words)
        and first_thing not in lowered
        and now_and not in lowered
        and ("ish" not in lowered or not any(word.endswith("ish") for word in words))
    ):
        return result
    match = _HEDGE.search(text)
    if match is None:
        return result
    note = f"“{match.group().strip()}” makes the time uncertain: read without it, to confirm"
    return _to_confirm(result, note)


# "at 1:5pm", "10:7 am": one digit of minutes before am/pm was read as the hour after the colon
# (17:00, 07:00, confidently); it may mean :05 or :50 ("1:0pm" is read as 1:00pm, "a 1:1 every
# Monday at 10am" is a meeting, not a time)
_ONE_DIGIT_MINUTES: Final = re.compile(r"(?<![\d:])\d{1,2}:[1-9](?=\s?[ap]\.?m?\b)", re.IGNORECASE)


def understand_fast(
    text: str, *, timezone: str = "UTC", now: datetime | None = None, date_order: str | None = None
) -> ParseResult:
    """The whole sentence read without the LLM: synchronous, no I/O. `date_order` ("MDY"
    or "DMY") reads numeric dates like 4/5; by default AGENTCRON_DATE_ORDER, else MDY."""
    if ":" in text and (odd := _ONE_DIGIT_MINUTES.search(text)) is not None:
        return ParseResult.rejected(
            f"“{odd.group()}” is not a time of day: its minutes need two digits (“1:05” or “1:50”)"
        )
    if not text.isascii() and (
        (said := cjk.reported(text)) is not None or (said := translation.reported(text))
    ):
        return ParseResult.rejected(f"“{said}” reports what a job did, not a schedule to set")
    if not text.isascii() and (closed := cjk.notice(text)) is not None:
        return ParseResult.rejected(f"“{closed}”: a notice of when something is closed, not a run")
    if (kept := without_closed_days(text)) is not None:
        # "Open 10:00 AM to 4:00 PM Wednesday-Monday. CLOSED on Tuesday.": the hours, read alone
        hours, closing = kept
        found = understand_fast(hours, timezone=timezone, now=now, date_order=date_order)
        if not found.ok:
            return found
        return _to_confirm(found, f"“{closing}”: the days closed set aside, not runs")
    if translation.may_be_foreign(text):  # most texts: one split and one set test
        if (spoken := translation.language_of(text)) is not None and (
            read := _read_in_english(text, spoken, timezone, now, date_order)
        ):
            return read
        if (language := foreign_language(text)) is not None:
            return _in_another_language(language)
    if cjk.has_schedule_words(text):
        if read := _read_in_english(text, None, timezone, now, date_order):
            return read
        if cjk.is_korean(text):  # read in part, its digits would make a schedule it did not say
            return _in_another_language("Korean")
    text = without_room_bracket(text)  # "on Thursdays from 12:00 (Doug McDonell 8.16)"
    if (text.isupper() or _title_cased(text)) and (quiet := _unshouted(text)) != text:
        return _reshouted(
            understand_fast(quiet, timezone=timezone, now=now, date_order=date_order), text, quiet
        )
    return _salvaged(
        _understand_fast(text, timezone, now, date_order), text, timezone, now, date_order
    )


_NO_TIME: Final = "no time given"  # the notes of a time assumed ("no time given; assumed 9:00 AM")


def _read_in_english(
    text: str, language: str | None, timezone: str, now: datetime | None, date_order: str | None
) -> ParseResult | None:
    """A text in another language (`language`; None: Chinese or Japanese) read with its
    schedule words said in English (`translation.py`, `cjk.py`). A word about time left unread
    refuses it, with the note that we read English (Chinese and Japanese go on to the stages
    as before: None); what is read making no schedule is None too. Its other words (the task)
    stay as written and do not make the answer ask; a reading with no time of day does
    ("Erinnerungsfunktion für Medikationsplan (abends)" may be a title)."""
    english = cjk.to_english(text) if language is None else translation.to_english(text, language)
    if english is None:  # a word about time is left unread: never half-read
        return None if language is None else _in_another_language(language)
    if english == text:
        return None  # no word said in English ("Gym mon,wed,fri"): the text is read as it is
    found = _understand_fast(english, timezone, now, date_order, foreign=True)
    answer = _salvaged(found, english, timezone, now, date_order, foreign=True)
    if not answer.ok:
        if is_soft(answer.reason):
            # its words said in English make no schedule: read as written, its digits alone would
            # ("Combien de temps reste-t-il sur mon minuteur": "mon" is no Monday)
            return None if language is None else _in_another_language(language)
        return answer
    spoken = language or ("Korean" if cjk.is_korean(text) else "Chinese or Japanese")
    said = f"read from {spoken} as “{english.strip()}”"
    if language is not None and (past := translation.told_in_the_past(text, language)):
        return _to_confirm(answer, f"{said}; “{past}” tells what happened, it does not ask")
    if language is not None and (told := translation.happens_told(text, language)):
        return _to_confirm(answer, f"{said}; “{told}” tells what happens, it does not ask")
    if text.rstrip().endswith(":"):
        # "Die geplanten Termine … – jeweils Freitag um 10 Uhr – sind:": what it introduces
        # (the dates) is not in the text
        return _to_confirm(answer, f"{said}; it ends with “:”, before what it introduces")
    if language is not None and (event := translation.announced(text, language)):
        return _to_confirm(answer, f"{said}; “{event}” announces an event, it does not ask")
    if language is not None and (hours := translation.hours_told(text, language)):
        return _to_confirm(answer, f"{said}; “{hours}” tells when a place is open, not a run")
    if (
        language is not None
        and (answer.schedule or {}).get("type") == "at"
        and (event := translation.event_told(text, language))
    ):
        note = f"{said}; “{event}” says when an event is, not whether it repeats: to confirm"
        return _to_confirm(answer, note)
    if any(note.startswith(_NO_TIME) for note in answer.notes):
        return _to_confirm(answer, f"{said}, with no time of day: to confirm")
    return answer.replace(notes=(*answer.notes, said))


def _in_another_language(language: str) -> ParseResult:
    """The refusal of a text in another language (`languages.py`): read in part, its digits
    made a schedule its own words did not say ("todos los días a las 8:00 AM" ran once)."""
    return ParseResult.rejected(REFUSAL.format(language=language), suggestion=SUGGESTION)


_WORD_STARTS: Final = re.compile(r"(?<![\w'’])[A-Za-z]")


def _title_cased(text: str) -> bool:
    """Every word capitalised, as in a subject line ("Remind Me Every Friday At 9am"): the
    capitals say nothing there either. Most texts fail at their second word."""
    if not text[:1].isupper():
        return False
    space = text.find(" ")
    if space < 0 or not text[space + 1 : space + 2].isupper():
        return False
    starts = _WORD_STARTS.findall(text)
    return len(starts) >= 4 and all(letter.isupper() for letter in starts)


def _unshouted(text: str) -> str:
    """A text typed in capitals ("REMIND ME TMRW 7AM YOGA") as a sentence: in lower case, its
    first letter capitalised. Capitals then say nothing (a name, "M" for months, a
    describer's "AM"), and every rule that reads case reads it as it reads the sentence —
    except a timetable's day letters ("Every M/W/F", "EVERY MWF"), whose capitals are the
    days: such a text is left as written ("TMRW 7AM" is none: its letters are not in the
    week's order)."""
    if letter_days(text) != text:
        return text  # "every m/w/f" would be every minute, "mwf 1:00-2:00 pm" once
    lowered = text.lower()
    if len(lowered) != len(text):
        return text  # a letter that changes length in lower case ("İ"): leave it
    first = next((i for i, char in enumerate(lowered) if char.isalpha()), 0)
    return lowered[:first] + lowered[first : first + 1].upper() + lowered[first + 1 :]


def _reshouted(result: ParseResult, text: str, quiet: str) -> ParseResult:
    """The parts of `result` read from the unshouted text, as the text wrote them."""

    def back(part: str | None) -> str | None:
        at = quiet.find(part) if part else -1
        return text[at : at + len(part)] if part and at >= 0 else part

    return result.replace(
        task=back(result.task), target=back(result.target), schedule_text=back(result.schedule_text)
    )


def _understand_fast(
    text: str,
    timezone: str,
    now: datetime | None,
    date_order: str | None,
    *,
    foreign: bool = False,
) -> ParseResult:
    found = _understand(text, timezone, now, date_order)
    if found.result is not None:
        return _hedged(found.result, text, foreign=foreign)
    return found.not_found()


def _salvaged(
    answer: ParseResult,
    text: str,
    timezone: str,
    now: datetime | None,
    date_order: str | None,
    *,
    foreign: bool = False,
) -> ParseResult:
    """A refusal of the whole text for a soft reason may still hold a schedule in one of its
    parts (a clause, a sentence, the text without its brackets or formatting): answered, to
    confirm (`salvage.py`). Answers and hard refusals pass untouched, at the cost of one test."""
    read = lambda part: _understand_fast(part, timezone, now, date_order, foreign=foreign)  # noqa: E731
    aside = sentence_aside(text, answer, read=read, carries_time=_mentions_time)
    if aside is not None:
        return aside
    restated = restated_in_brackets(text, answer, read=read)
    if restated is not None:
        return restated
    described = described_delay(text, answer, read=read)
    if described is not None:
        return described
    if (new := instead_of(text, answer, read=read)) is not None:
        return new  # "every 6 hours instead of every hour": the old schedule set aside
    if (kept := without_event_by_day(text, answer, read=read)) is not None:
        return kept  # "… for Sunday at 00:00 UTC before Monday maintenance"
    if (
        answer.reason == "a one-time schedule names one date"
        and (kept := without_event_by_date(text, answer, read=read)) is not None
    ):
        return kept  # "HPE official September 3 announcement: … — September 30, 8:30am PT"
    if (
        not answer.ok
        and (answer.reason or "").endswith(" is in the past")
        and (habit := without_past_year(text)) is not None
        and (held := read(habit)).ok
        and held.schedule is not None
        and held.schedule["type"] != "at"
    ):
        # "As of January 2021, our meetings are on Tuesdays at 19:00 UTC": since when it holds
        return _to_confirm(held, PAST_YEAR_NOTE)
    changed = changed_to(text, answer, read=read)
    if changed is not None:
        return changed
    if (
        answer.reason in _HOLIDAYS_NOT_KEPT or (answer.reason or "").startswith(_WHICH_HOLIDAYS)
    ) and (habit := timetable.without_holiday_exception(text)) is not None:
        # "Meetings are held each Tuesday night …, except for … school holidays": a habit told
        kept = read(habit[0])
        if kept.ok and kept.schedule is not None and kept.schedule["type"] != "at":
            note = timetable.HOLIDAY_EXCEPTION_NOTE.format(clause=habit[1])
            return _to_confirm(kept, note)
    if answer.reason == NOT_A_SCHEDULE and (length := timer_length(text)) is not None:
        # "10 minutes is what the timer should be set at": a timer, that long from now
        timed = read(f"in {length}")
        if timed.ok:
            return _to_confirm(timed, TIMER_AROUND_NOTE.format(length=length))
    if not answer.ok and (remarked := without_which_remark(text)) is not None:
        # "on the second Tuesday of every month, which changes day numbers and can sometimes
        # be either the 2nd week or 3rd week": a remark on how the dates fall
        kept = read(remarked)
        if kept.ok:
            return _to_confirm(kept, WHICH_NOTE)
    if not answer.ok and (reasoned := without_reason(text)) is not None:
        # "Run the job only on weekdays, because some resources ain't available on Sunday"
        kept = read(reasoned[0])
        if kept.ok:
            return _to_confirm(kept, REASON_NOTE.format(word=reasoned[1]))
    if answer.ok or not is_soft(answer.reason):
        return answer
    salvaged = salvage(
        text,
        answer,
        read=read,
        carries_time=_mentions_time,
    )
    return salvaged or answer


_HOLIDAYS_NOT_KEPT: Final = frozenset(
    {"a schedule can only leave out days of the week (“except Fridays”)"}
)
_WHICH_HOLIDAYS: Final = "which country's public holidays?"

log = logging.getLogger("agentcron.parsers")

# what a user is told when a rule fails on their text (the failure is logged, not the text)
_FAILED: Final = "this text could not be read (the parser failed on it; the failure was logged)"
_FAILED_SUGGESTION: Final = "say the schedule in other words, e.g. “every Monday at 9am”"


async def understand(
    text: str,
    *,
    timezone: str = "UTC",
    now: datetime | None = None,
    llm: LLMParser | None = None,
    date_order: str | None = None,
) -> ParseResult:
    """The whole sentence read by every stage (`understanding`). Every way in calls this
    (the API, the CLI, Slack), or drives `understanding` itself (the service, to read off its
    event loop): a rule that raises on some text is a bug, and it must not turn the user's
    request into a server error — the text is refused and the failure logged with its
    traceback (the text's length only: it may hold anything)."""
    reading = understanding(
        text, timezone=timezone, now=now, llm=llm is not None, date_order=date_order
    )
    try:
        question = next(reading)
        while True:
            assert llm is not None  # asked only when one is given
            question = reading.send(
                await llm.parse(question.text, timezone=question.timezone, now=question.now)
            )
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    except Exception:
        return refused_on_failure(text)


def refused_on_failure(text: str) -> ParseResult:
    """The answer when reading `text` raised (called in the handler): logged, and refused."""
    log.exception("the parser failed on a text of %d characters", len(text))
    return ParseResult.rejected(_FAILED, suggestion=_FAILED_SUGGESTION)


@dataclass(frozen=True)
class LLMQuestion:
    """What `understanding` asks the LLM: ``llm.parse(text, timezone=…, now=…)``'s arguments."""

    text: str
    timezone: str
    now: datetime | None


#: `understanding`: yields the LLM's questions, is sent their answers, returns the reading
Understanding = Generator[LLMQuestion, ParseResult, ParseResult]


def understanding(
    text: str,
    *,
    timezone: str = "UTC",
    now: datetime | None = None,
    llm: bool = False,
    date_order: str | None = None,
) -> Understanding:
    """The whole sentence read by every stage, ending with the LLM when one is given:
    `understand` as a generator with no I/O of its own. With `llm`, it yields the question
    for the LLM when it has one and is sent the model's answer (``reading.send(answer)``);
    the reading is its return value. All of its work is CPU, so a caller may run each step
    in a thread of its own and await the model on its event loop (app/offload.py). It does
    not catch what a rule raises: `understand` and such a caller do (`refused_on_failure`).

    The LLM reads what nothing else could, and also a command the grammar read only in
    part when that reading was refused or is unsure and the words it skipped speak of time
    ("when the boulangerie opens on saturdays (7 o'clock), paris"): they may settle it. A
    refusal of words the grammar read whole ("at 5 call the bank") is final.
    """
    if not text.isascii() and (
        (said := cjk.reported(text)) is not None or (said := translation.reported(text))
    ):
        return ParseResult.rejected(f"“{said}” reports what a job did, not a schedule to set")
    if not text.isascii() and (closed := cjk.notice(text)) is not None:
        return ParseResult.rejected(f"“{closed}”: a notice of when something is closed, not a run")
    spoken = translation.language_of(text)
    if spoken is not None or cjk.has_schedule_words(text):
        read = _read_in_english(text, spoken, timezone, now, date_order)
        if read is not None and (not llm or (read.ok and not read.needs_confirmation)):
            return read  # the LLM may read what is not read whole, or settle a reading that asks
    language = foreign_language(text)
    if language is None and cjk.is_korean(text) and cjk.has_schedule_words(text):
        language = "Korean"
    if language is not None and not llm:
        return _in_another_language(language)
    if (text.isupper() or _title_cased(text)) and (quiet := _unshouted(text)) != text:
        answer = yield from understanding(
            quiet, timezone=timezone, now=now, llm=llm, date_order=date_order
        )
        return _reshouted(answer, text, quiet)
    answer = yield from _understand_all(
        text, timezone, now, llm, date_order, foreign=language is not None
    )
    if language is not None:
        return answer  # the LLM's reading, or its refusal: no part is read by the grammar
    return _salvaged(answer, text, timezone, now, date_order)


def _understand_all(
    text: str,
    timezone: str,
    now: datetime | None,
    llm: bool,
    date_order: str | None,
    *,
    foreign: bool = False,
) -> Understanding:
    found = _understand(text, timezone, now, date_order)
    # a text in another language is the LLM's to read whole: the grammar reads only its digits
    grammar = _hedged(found.result, text) if found.result is not None and not foreign else None
    if grammar is not None and not _llm_may_settle(found, grammar):
        return grammar
    if not llm:
        if grammar is not None:
            return grammar
        return found.not_found("llm stage skipped: no LLM configured")
    answer = yield LLMQuestion(found.rest, found.zone_name, found.now)
    if not answer.ok and grammar is not None and grammar.ok:
        return grammar  # an unsure reading beats none; the user is asked to confirm it
    # The model cannot say which words were the schedule: unless it names the task, the
    # task is the whole command (the Slack card shows both, so the user can fix it).
    task = answer.task if answer.task is not None else clean_task(found.rest)
    answered = finish(answer, found.notes).with_parts(task if answer.ok else None, found.target)
    return _hedged(answered, text)


def _llm_may_settle(found: _Found, grammar: ParseResult) -> bool:
    unsure = not grammar.ok or grammar.needs_confirmation
    return found.partial and unsure and grammar.task is not None and _mentions_time(grammar.task)


@dataclass
class _Found:
    """What the fast stages made of a text: `result` (None when nothing answered), whether
    it came from reading a command in part, and what the LLM would need."""

    result: ParseResult | None
    rest: str = ""
    zone_name: str = "UTC"
    now: datetime | None = None
    target: str | None = None
    notes: tuple[str, ...] = ()
    partial: bool = False

    def not_found(self, *more: str) -> ParseResult:
        notes = (*self.notes, *more)
        refusal = ParseResult.rejected(NOT_A_SCHEDULE, suggestion=HINT, notes=notes)
        return refusal.with_parts(clean_task(self.rest), self.target)


def _understand(
    text: str, timezone: str, now: datetime | None, date_order: str | None = None
) -> _Found:
    # not given: AGENTCRON_DATE_ORDER's, looked up by the grammar if a date needs it
    token = GIVEN_DATE_ORDER.set(date_order if date_order in DATE_ORDERS else None)
    try:
        return _read(text, timezone, now)
    except OverflowError:  # a date past year 9999 once its zone's offset is applied
        return _Found(ParseResult.rejected(OUT_OF_RANGE))
    finally:
        GIVEN_DATE_ORDER.reset(token)


# "(e.g., 21:01, 22:01)", "(for example Monday)": examples of what the text already says,
# written beside schedules in code comments and docs; read, they would be a second schedule.
_EXAMPLES: Final = re.compile(
    r"\s*\((?:e\.\s?g\.?|eg\.?|for example|for instance)[,:]?\s[^()]*\)", re.IGNORECASE
)
EXAMPLES_NOTE: Final = "examples in parentheses were not read as part of the schedule"
EXAMPLE_TIMES_NOTE: Final = "the text gives no time but its examples may: which time? to confirm"
# "at :23 rather than on the hour", "every Monday instead of Tuesday": what the job does not do
_RATHER: Final = re.compile(
    r"\s*,?\s*\b(?:rather\s+than|instead\s+of)(?:(?:\s+at)?"
    r"(?:\s+(?!to\b|and\b|at\b|every\b|each\b)[\w:']+){1,4}"
    # "every minute instead of every day at 07:00": the old schedule said whole
    r"|(?=\s+(?:every|each)\b)(?:\s+(?!to\b|and\b|for\b|so\b|because\b|just\b|but\b)[\w:']+){2,6})"
    # "… instead of their previous times (9:00 and 2:00 UTC respectively)": the old times
    r"(?:\s*\([^()]{1,80}\))?",
    re.IGNORECASE,
)
RATHER_NOTE: Final = "the words after “rather than” / “instead of” were read as what not to do"
# "should run at midnight, not every 12 hours", "every Friday at 5pm, not at 4pm": a correction —
# the schedule said, then the one it is not ("…, not on weekends" leaves days out: _NOT_ON)
_NOT_THIS: Final = re.compile(
    r"\s*,\s*(?:and\s+|but\s+)?not\s+(?:(?:at|every|each|daily|hourly|weekly|monthly|nightly|"
    r"twice|once)\b|\d)[^.;!?]*",
    re.IGNORECASE,
)
ALTERNATIVES_NOTE: Final = "the other times in brackets (“or …”) were left out: to confirm"
NOT_THIS_NOTE: Final = "the words after “, not” were read as the schedule it is not"
CORRECTION_HOUR_NOTE: Final = (
    "the text corrects a schedule (“…, not …”) and says no time of day: which hour? to confirm"
)
ONLY_EXAMPLE_NOTE: Final = "the only schedule in the text is an example of one: to confirm"
PART_YEAR_REASON: Final = (
    "the text gives one time for part of the year and another for the rest: that is two jobs"
)
PART_YEAR_HINT: Final = (
    "set them up one by one: every Sunday at 11:00 from September to May, then every Sunday at "
    "10:30 from June to August"
)
UNEVEN_CRON_STEP_NOTE: Final = (
    "every {step} minutes read on end; a cron job's */{step} would run at the top of each hour "
    "too: to confirm"
)


def _read(text: str, timezone: str, now: datetime | None) -> _Found:
    if "🔁" in text:
        # "- [ ] mow lawn 🔁 every month 📅 2021-12-14": Obsidian Tasks' rule, from its date
        text = said_plainly(text, _local_today(timezone, now)) or text
    text, season = utc_by_season(text)  # "4pm UTC during US DST / 5pm UTC otherwise"
    found = _read_said_once(text, timezone, now)
    if season is not None and found.result is not None and found.result.ok:
        found.result = _to_confirm(found.result, season)
    return found


def _local_today(timezone: str, now: datetime | None) -> date:
    try:
        zone = zone_info(timezone)
    except (ValueError, KeyError):  # an unknown zone: refused later, where it is read
        zone = zone_info("UTC")
    return (now or datetime.now(UTC)).astimezone(zone).date()


def _read_said_once(text: str, timezone: str, now: datetime | None) -> _Found:
    prepared = prepare(text, timezone, now)
    if isinstance(prepared, ParseResult):
        return _Found(prepared)
    text, zone_name, aware_now = prepared
    text = without_restated_length(without_rough_restatement(without_restated_lunch(text)))
    text = without_cycle_remark(text)  # "alternate Mondays (first Monday of each iteration)"
    if (unwarned := without_warned_hours(text)) != text:
        # "Run daily at 5 AM CET. Don't set to 2 AM or 3 AM due to daylight saving"
        found = _read_said_once(unwarned, zone_name, aware_now)
        if found.result is not None and found.result.ok:
            found.result = _to_confirm(found.result, WARNED_HOURS_NOTE)
        return found
    if (kept := without_optional_window(text)) != text:
        # "from 11:00am to 12:30pm with an optional 12:30pm to 1:30pm social hour"
        found = _read_said_once(kept, zone_name, aware_now)
        if found.result is not None and found.result.ok:
            found.result = _to_confirm(found.result, OPTIONAL_WINDOW_NOTE)
        return found
    if "xcept" in text and excepted_own_schedule(text):
        # "… except November/December where we operate on the 1st and 3rd Saturdays"
        return _Found(
            ParseResult.rejected(
                EXCEPTION_REASON, suggestion="make it two jobs", parse_method="regex"
            )
        )
    if "TC:" in text or "MT:" in text or "tc:" in text:
        text = zone_label_first(text)  # "Mondays | 9:00 am PDT (UTC-7) | UTC: 16:00"
    restated_note = None
    if "(" in text and ("UTC" in text or "GMT" in text):
        # "10a PST/PDT (note that it's 1800 UTC until daylight savings time starts …; then
        # it's 1700 UTC)": the local time on UTC's clock in each half of the year
        text = without_dst_note(text)
    if "(" in text:
        # "at midnight UTC 0:00 (KST 9am)": the conversion's zone said first, the hour twice
        text = zone_first_restated(text, is_zone=_is_zone_word)
        # "22:00 UTC (5:00 PM local time during Eastern Standard Time (winter) and …)"
        text, restated_note = without_restating_bracket(text)
    if restated_note is None and "which is" in text:
        text, restated_note = without_place_restatement(text)  # "at 9, which is 3pm in Tokyo"
    if restated_note is not None:
        found = _read_said_once(text, zone_name, aware_now)
        if found.result is not None and found.result.ok:
            found.result = _to_confirm(found.result, restated_note)
        return found
    if "(" in text and ("ummer" in text or "inter" in text):
        text = without_season_conversions(text)  # "13:07 UTC (9:07am ET in summer, …)"
    if ("(" in text or ", " in text) and part_year_alternative(text):
        return _Found(ParseResult.rejected(PART_YEAR_REASON, suggestion=PART_YEAR_HINT))
    if "egan " in text or "tarted " in text or "ommenced " in text or "ince " in text:
        # "which began on Wednesday, November 14th … and will continue on the second Wednesday
        # of every month": the first date is past, the rule goes on
        text = read_as_under_way(text) or text
    if ("very " in text or "VERY " in text) and (dated := dated_then_every(text)) is not None:
        text = dated  # "Time: Feb 13, 2024 10:00 AM Eastern Time … Every 2 weeks on Tuesday"
    if "tart" in text and (dropped := start_weekday_dropped(text)) is not None:
        text = dropped  # "Starting Monday, 5 Dec 2022 @ 14:00 CET/CEST … every two weeks"
    if "(or" in text or "(Or" in text or "( or" in text:
        kept = without_alternatives(text)
        if kept.strip() and kept != text:
            found = _read_said_once(kept, zone_name, aware_now)
            if found.result is not None and found.result.ok:
                found.result = _to_confirm(found.result, ALTERNATIVES_NOTE)
            return found
    if ", not " in text or ", but not " in text or ", and not " in text:
        kept = _NOT_THIS.sub("", text)
        if kept.strip() and kept != text:
            found = _read_examples(kept, zone_name, aware_now)
            if found.result is not None and found.result.ok:
                found.result = found.result.replace(notes=(*found.result.notes, NOT_THIS_NOTE))
                if found.result.schedule is not None and found.result.schedule["type"] == "at":
                    found = _daily_as_the_other(found, text, kept, zone_name, aware_now)
                return found
    if "rather than" in text.lower() or "instead of" in text.lower():
        kept = _RATHER.sub("", text)
        if kept.strip() and kept != text:
            found = _read_examples(kept, zone_name, aware_now)
            if found.result is not None and found.result.schedule is not None:
                found.result = found.result.replace(notes=(*found.result.notes, RATHER_NOTE))
            return found
    return _repeat_cued(_read_examples(text, zone_name, aware_now), text, zone_name, aware_now)


_BOUND_OF_ONE: Final = "only a repeating schedule can have a start or an end date"


def _is_zone_word(word: str) -> bool:
    return lookup_word(word) is not None or word in AMBIGUOUS_ZONES  # "IST": settled later


def _repeat_cued(found: _Found, text: str, zone_name: str, aware_now: datetime) -> _Found:
    """A single run whose words say it comes again: "Bundle the day's new posts into one email
    at 5pm" (each day's: every day), "usual routing will be on Wednesday at 10 am" (a habit:
    every week) — read so, to confirm, when the reading keeps its times; `found` otherwise."""
    once = found.result
    if once is None:
        return found
    if not once.ok:
        # "Give me a repeating alarm for 6 am for a week": refused as a bound on one run
        if once.reason != _BOUND_OF_ONE or (said := repeating_alarm(text)) is None:
            return found
        repeat, note = "every day", REPEATING_ALARM_NOTE.format(said=said)
    elif once.schedule is None or once.schedule["type"] != "at":
        return found
    elif (said := usual_day(text)) is not None:
        repeat, note = "every week", USUAL_DAY_NOTE.format(said=said)
    elif _DAY_WORDS.search(text) is not None:
        return found
    elif (said := days_gathering(text)) is not None:
        repeat, note = "every day", DAYS_GATHERING_NOTE.format(said=said)
    elif (said := repeating_alarm(text)) is not None:
        repeat, note = "every day", REPEATING_ALARM_NOTE.format(said=said)
    else:
        return found
    again = _read_examples(f"{text.rstrip()} {repeat}", zone_name, aware_now)
    if (
        again.result is None
        or not again.result.ok
        or again.result.schedule is None
        or again.result.schedule["type"] == "at"
        or (
            once.schedule is not None
            and times_of_day(again.result.schedule) != times_of_day(once.schedule)
        )
    ):
        return found
    again.result = _to_confirm(again.result, note)
    return again


_REPEATS_SAID: Final = re.compile(
    r"\b(?:every|each|daily|hourly|weekly|monthly|nightly|twice|times)\b", re.IGNORECASE
)
DAILY_AS_THE_OTHER_NOTE: Final = (
    "a time of day set against a schedule that repeats read as every day: to confirm"
)


_DAY_WORDS: Final = re.compile(
    r"\b(?:today|tomorrow|tonight|next|this|(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|\d{1,2}(?:st|nd|rd|th))\b|"
    r"\d[/-]\d",
    re.IGNORECASE,
)


def _daily_as_the_other(
    found: _Found, text: str, kept: str, zone_name: str, aware_now: datetime
) -> _Found:
    """ "should run at midnight, not every 12 hours": a time of day said instead of a schedule
    that repeats repeats too — every day at that time (asked), when the words kept name no day
    ("tomorrow at 9am, not every day" is one run)."""
    removed = _NOT_THIS.search(text)
    if removed is None or _REPEATS_SAID.search(removed.group()) is None:
        return found
    if _DAY_WORDS.search(kept) is not None:
        return found
    daily = _read_examples(f"{kept.rstrip(' .')} every day", zone_name, aware_now)
    once = found.result
    if (
        daily.result is None
        or not daily.result.ok
        or daily.result.schedule is None
        or once is None
        or once.schedule is None
        or daily.result.schedule["type"] != "cron"
        or times_of_day(daily.result.schedule) != times_of_day(once.schedule)
    ):
        return found
    daily.result = _to_confirm(daily.result, DAILY_AS_THE_OTHER_NOTE)
    return daily


def _read_examples(text: str, zone_name: str, aware_now: datetime) -> _Found:
    without = _EXAMPLES.sub("", text) if "(" in text else text  # most texts have none
    if without == text or not without.strip():
        return _read_prepared(text, zone_name, aware_now)
    found = _read_prepared(without, zone_name, aware_now)
    if found.result is not None and found.result.schedule is not None:
        found.result = found.result.replace(notes=(*found.result.notes, EXAMPLES_NOTE))
        examples = " ".join(match.group() for match in _EXAMPLES.finditer(text))
        defaulted = any(note.startswith("no time given") for note in found.result.notes)
        if defaulted and _mentions_time(examples.strip(" ()")):
            # "runs every day (e.g. at midnight or hourly)": the examples name the times the
            # schedule leaves out — which one?
            found.result = _to_confirm(found.result, EXAMPLE_TIMES_NOTE)
    elif found.result is None:
        # 'Parse schedule string (e.g., "twice daily at 8am and 8pm")': the example is the only
        # schedule in the text — read, and asked about
        found = _read_prepared(text, zone_name, aware_now)
        if found.result is not None and found.result.ok:
            found.result = _to_confirm(found.result, ONLY_EXAMPLE_NOTE)
    return found


# "tom 15:00", "dentist tom 10am": "tom", written small before a time, is tomorrow (a
# quick-add box's short word) — not after a word that makes it someone ("call tom at 3pm")
_TOM: Final = re.compile(r"(?:^|(?<=\s))tom(?=\s+(?:at\s+|@\s*)?\d)")
_TO_SOMEONE: Final = frozenset(
    "call email text ping ask tell remind meet with and to for see visit message dm invite "
    "thank pay from by phone ring help cc".split()
)


def _tomorrow_said(match: re.Match[str]) -> str:
    before = match.string[: match.start()].split()
    if before and before[-1].lower().strip(",:;") in _TO_SOMEONE:
        return match.group()
    return "tomorrow"


# "bot remind me at 30 5 * * 1-5 Good morning!" (Bot::IRC's reminder): "at" before a cron expression
_AT_CRON: Final = re.compile(
    r"\bat\s+(?=[\d*][\d*/,-]*\s+[\d*][\d*/,-]*\s+[\d*?][\d*/,?LW-]*\s+[\d*][\w*/,-]*\s+"
    r"[\d*?][\w*/,#?-]*(?:\s|$))",
    re.IGNORECASE,
)


# robfig/cron's "@every 5m" (Go): an interval, not a mention of someone called "every"
# ("Add cron schedule @every day at 1:30", "@every monday 9am": people write it before days too)
_AT_EVERY: Final = re.compile(r"(?:^|(?<=\s))@every\s+(?=\w)", re.IGNORECASE)


# "/remind 2h review the PR", "remind me 30 minutes check the oven": an amount of time right
# after "remind (me)" is how long from now, as "in 2h" ("an alarm for 0900 hrs" is a time)
_AMOUNT: Final = (
    r"(?![012]\d[0-5]\d\s?(?:h|hrs?|hours)\b)"
    rf"(?=(?:\d+(?:\.\d+)?|an?|{lx.SPELLED_NUMBER})"
    r"\s?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\b"
    r"(?!\s+(?:before|after|prior|ahead|early|earlier|late|later|ago|from)\b))"
)
_REMIND_AMOUNT: Final = re.compile(
    rf"^(\s*/?remind\s+(?:(?:me|us)\s+)?){_AMOUNT}"
    # "set a timer for 10 minutes", "a reminder for 2 hours", "set the alarm for 12 minutes",
    # "set my reminder for 10 minutes", "set up a quick reminder for 10 minutes", "set oven
    # reminder for 10 minutes": how long from now
    rf"|^(\s*(?:(?:please|kindly|can\s+you|could\s+you|hey)[\s,]+)*(?:set|start|create|add|make)"
    rf"(?:\s+up)?\s+(?:me\s+)?(?:(?:an?|the|my)\s+)?(?:[^\W\d]+\s+)?(?:timer|reminder|alarm)\s+)"
    rf"for\s+{_AMOUNT}",
    re.IGNORECASE,
)


# "set an alarm for 730", "a reminder for 415 tomorrow evening": a time with its colon left
# out, as alarm apps and quick-add boxes take it — said "at" so the grammar reads it as it reads
# "at 730". Not "in alarm for 930 of 1155 hours" (a state, counted), nor "for 100 days".
_FOR_COMPACT_CLOCK: Final = re.compile(
    r"(?<!\bin\s)(?P<noun>\b(?:alarm|reminder)s?\s+)for\s+"
    r"(?=[1-9][0-5]\d\b(?!\s*(?:of|out|times|[a-z]*s\b)))",
    re.IGNORECASE,
)


def _delay_words(match: re.Match[str]) -> str:
    return f"{match.group(1) or match.group(2)}in "


# "Remind me in eleven minutes of pizza": "remind me of X" with the delay said first — "of"
# opens the message, not "how long something took" ("in 2 hours of debugging") nor minutes
# before an hour ("10 minutes of 5")
_REMINDED_OF: Final = re.compile(
    rf"(?P<head>\bremind\s+(?:me|us)\s+in\s+{AMOUNTS})\s+of\s+"
    r"(?=[^\W\d])(?!(?:the|an?|every|each)\b|\w+ing\b)",
    re.IGNORECASE,
)


def reminded_of(text: str) -> str:
    """ "Remind me in eleven minutes of pizza" → "Remind me in eleven minutes about pizza": after
    "remind me in" and an amount of time, "of" and a word opens the message, as in "remind me of
    pizza"; `text` itself otherwise ("in 2 hours of debugging", "10 minutes of 5")."""
    if " of " not in text:
        return text
    return _REMINDED_OF.sub(r"\g<head> about ", text, count=1)


# "1 hour Pick up Jenn from dance class", "3 days Call accountant about taxes", "30 minute Wake
# up!": a tickler's or reminder app's quick entry, the amount of time first and the task after
# it — how long from now. "set getlaundry 1 hour 3 mins": a bot's "set NAME TIME", the same.
_LEAD_DELAY: Final = re.compile(rf"^\s*(?P<amount>{DELAY.pattern})\s*[,;:-]?\s+(?=\S)", re.I)
_SET_DELAY: Final = re.compile(
    rf"^\s*set\s+(?P<name>[^\W\d][\w'-]*)\s+(?P<amount>{DELAY.pattern})\s*[.!]?\s*$", re.I
)
_SURE_NAMES: Final = frozenset({"timer", "alarm", "reminder", "countdown"})
_NUMBER_OPENERS: Final = frozenset(
    "a an one two three four five six seven eight nine ten eleven twelve".split()
)
LEAD_DELAY_NOTE: Final = (
    "the amount of time before the task read as how long from now (it may be how long the "
    "task takes): to confirm"
)


def lead_delay(text: str) -> tuple[str, bool] | None:
    """A quick entry that opens with an amount of time and goes on with the task ("1 hour
    Pick up Jenn", "3 days Call accountant"), or a bot's "set NAME 1 hour 3 mins", said as a
    delay ("in 1 hour Pick up Jenn"), and whether that reading is sure: the task starting
    with a capital after a lower-case amount (a new sentence, not "1 hour meeting", which may
    say how long the meeting lasts). None when the text is not such an entry, or the rest
    names a time of its own ("30 minutes every morning")."""
    first = text.lstrip()[:1]
    if first.isdigit() or (first.isalpha() and text.split(None, 1)[0].lower() in _NUMBER_OPENERS):
        match = _LEAD_DELAY.match(text)
        if match is None:
            return None
        rest = text[match.end() :]
        if _entry_names_time(rest):
            return None
        amount = match["amount"]
        if "-" in amount:
            return None  # "15-minute Call", "a 30-minute workout": how long it lasts
        sure = rest[:1].isupper() and amount == amount.lower()
        return f"in {amount.strip()} {rest}", sure
    if first in "sS" and (match := _SET_DELAY.match(text)) is not None:
        name = match["name"]
        return f"in {match['amount'].strip()} {name}", name.lower() in _SURE_NAMES
    return None


# words that make the rest of a quick entry a schedule of its own ("30 minutes every morning")
_WHEN_WORDS: Final = frozenset(
    {"every", "each", "daily", "weekly", "monthly", "yearly", "hourly", "nightly", "today"}
    | {"tomorrow", "tonight", "morning", "afternoon", "evening", "night", "noon", "midnight"}
    | {"next", "until", "till", "before", "after", "ago", "later", "earlier", "at", "on", "by"}
    | {"eod", "eow", "eom", "eoy", "o'clock", "once", "twice", "times", "hence", "time"}
)


def _entry_names_time(rest: str) -> bool:
    """Whether the words after a quick entry's amount of time say something about time
    themselves: a number, a day, a month, a time, or a word such as "every" or "tomorrow"."""
    try:
        tokens = tokenize(rest)
    except TokenizeError:
        return True
    return any(
        t.kind in _TIME_KINDS or (t.kind == lx.WORD and t.value in _WHEN_WORDS) for t in tokens
    )


AMOUNT_ALONE_NOTE: Final = (
    "an amount of time alone read as that long from now, as a timer takes it (or every so "
    "often?): to confirm"
)
LEAD_HOUR_NOTE: Final = "the number before the task read as the hour it is due: to confirm"
# "8 wake up", "7 dinner with Sam" (a reminder bot's "HOUR TASK"): an hour, then the task
_LEAD_HOUR: Final = re.compile(r"^\s*(?P<hour>[01]?\d|2[0-3])\s+(?=[^\W\d_])")


# "0600h", "1730 hrs": a time on the 24-hour clock, not 600 hours
_CLOCK_HOURS: Final = re.compile(r"\d{4}\s?h", re.IGNORECASE)


# an amount of time alone is short ("1 year, 2 months, 3 weeks, 4 days, 5 hours and 6 minutes"
# is 60 characters): a longer run of amounts ("2h30m 2h30m …") names one unit again, and its
# reading "in 2h30m 2h30m …" is refused — at the cost of reading every word of it
_LONGEST_AMOUNT: Final = 80


def quick_entry(text: str) -> tuple[str, str | None] | None:
    """A short entry as reminder bots and timers take it, said in words: an amount of time
    alone ("1h30m", "10 minutes": in that long), an amount before the task ("1 hour Pick up
    Jenn", `lead_delay`), or an hour before a task that names its part of the day ("8 wake
    up": at 8). With the note to confirm it by, None for a sure reading; None for any other
    text. A timer ("10 minute timer for pizza") is left to `plain_command`."""
    if "timer" in text.lower():
        return None
    lead = lead_delay(text)
    if lead is not None:
        return lead[0], None if lead[1] else LEAD_DELAY_NOTE
    first = text.lstrip()[:1]
    if not first.isdigit() and first not in "aAoOtTfF":
        return None
    amount = text.strip().rstrip(".!")
    if (
        len(amount) <= _LONGEST_AMOUNT
        and DELAY.fullmatch(amount)
        and "-" not in amount
        and not _CLOCK_HOURS.match(amount)
    ):
        return f"in {amount}", AMOUNT_ALONE_NOTE
    hour = _LEAD_HOUR.match(text)
    if hour is not None:
        rest = text[hour.end() :]
        if part_named_by(rest) is not None and not _entry_names_time(rest):
            return f"at {hour['hour']} {rest}", LEAD_HOUR_NOTE
    return None


def _read_prepared(text: str, zone_name: str, aware_now: datetime) -> _Found:
    if text[:1] in "/.!@" or "cheduler" in text[:12] or " in " in text:
        # "/timer1 0 20 /ame is AWAY!", "bot remind me in 15 Take the cookies out"
        found = _read_rewritten(bare_amount(text), zone_name, aware_now)
        if found is not None:
            return found
    found = _read_rewritten(quick_entry(text), zone_name, aware_now)
    if found is not None:
        return found
    return _read_commanded(text, zone_name, aware_now)


def _read_rewritten(
    rewritten: tuple[str, str | None] | None, zone_name: str, aware_now: datetime
) -> _Found | None:
    """A text rewritten into plain words (a bot's bare amount, a quick-add entry), read when
    that reading is an answer; its note, if any, makes the answer ask first."""
    if rewritten is None:
        return None
    found = _read_commanded(rewritten[0], zone_name, aware_now)
    if found.result is None or not found.result.ok:
        return None
    if rewritten[1] is not None:
        found.result = _to_confirm(found.result, rewritten[1])
    return found


# a to-do tool's field for the due date ("task add Birthday party due:2days" in Taskwarrior,
# "due:tomorrow" in todo.txt tools): the date, said in words
_DUE_FIELD: Final = re.compile(r"(?<![\w:])due:(?P<value>[^\s:]+)(?=\s|$)", re.IGNORECASE)


def _due_field(match: re.Match[str]) -> str:
    value = match["value"]
    return f"due in {value}" if DELAY.fullmatch(value) else f"due {value}"


# "start tomorrow @15", "start next week Tuesday" (ZinZen's words for when a goal starts): the
# imperative "start" before one day is when the one run is, not a start date for a series
# ("starting tomorrow", "start every day at 9 from Monday" keep theirs)
_START_ONCE: Final = re.compile(
    r"^\s*start\s+(?=(?:tomorrow|today|tonight|next|this|on|at|@|\d|"
    r"(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b))"
    r"(?![^.;]*\b(?:every|each|daily|weekly|monthly|yearly|hourly|nightly|until|till|through)\b)",
    re.IGNORECASE,
)


# "/remind Meeting tomorrow 10am daily": a day said before "daily" (no "and" between, which
# would add a run: "every day at 9am and tomorrow") is the first day of the series
_DAY_THEN_DAILY: Final = re.compile(
    r"(?<!starting )(?<!from )\b(?P<day>tomorrow|today)\b"
    r"(?=(?:(?!\band\b|\bor\b|\bstart|\bfrom\b)[^.;,])*?\b(?:daily|every\s?day)\b)",
    re.IGNORECASE,
)


def _words_disagree(result: ParseResult, moved: str) -> str | None:
    """The note that asks when the words read beside a cron expression moved out of a text
    (`cronline.cron_first`) name a time it does not run at (`cron_comment.comment_disagrees`)."""
    schedule = result.schedule
    if (
        schedule is None
        or schedule["type"] != "cron"
        or not any(c.isdigit() for c in result.task or "")
    ):
        return None
    try:
        split = split_cron(moved)
    except Rejected:
        return None
    if split is None or not split[2].strip():
        return None
    return comment_disagrees(schedule["expression"], schedule["timezone"], split[2])


def _read_commanded(text: str, zone_name: str, aware_now: datetime) -> _Found:
    if ("cron(" in text or "rate(" in text) and (aws := aws_schedule(text)) is not None:
        text = (
            aws  # "ScheduleExpression: cron(0 12 * * ? *)", 'schedule_expression = "rate(1 hour)"'
        )
    try:
        keyed = keyword_cron(text) if ("cron" in text or "Cron" in text) else None
        moved = cron_first(text) if "*" in text and keyed is None else None
    except Rejected as error:  # '"expr": "0 9 * * *", "tz": "Gondor"': a zone nobody knows
        return _Found(
            ParseResult.rejected(error.reason, suggestion=error.suggestion, parse_method="regex")
        )
    if keyed is not None:
        # "crontab(hour=9, minute=0)", "add_job(job, 'cron', day_of_week='mon', hour=7)"
        found = _read_commanded(keyed[0], zone_name, aware_now)
        if found.result is not None and found.result.ok and keyed[1] is not None:
            found.result = _to_confirm(found.result, keyed[1])
        return found
    if moved is not None:
        # '/schedule recurring #reminders "Vote!" 0 12 * * *', "tool add --cron '0 7 * * *' …":
        # the cron expression inside a command line, read first (cronline)
        found = _read_commanded(moved[0], zone_name, aware_now)
        if found.result is not None and found.result.ok and moved[1] is not None:
            found.result = _to_confirm(found.result, moved[1])
        elif found.result is not None and found.result.ok:
            # "… POSTs to /api/weekly-check at 12:00 UTC Wednesdays (… change to `0 13 * * 3` …)":
            # the words around the expression name a time it does not run at, as a comment may
            note = _words_disagree(found.result, moved[0])
            if note is not None:
                found.result = _to_confirm(found.result, note)
        if found.result is not None and (found.result.ok or moved[1] is None):
            return found
    if ":" in text and (window := aws_window(text)) is not None:
        text = window  # "PreferredMaintenanceWindow='sun:06:30-sun:07:30'": its start, in UTC
    if (again := same_day_again(text)) is not None:
        text = again  # "Sunday, 04:30 to Sunday, 05:30 UTC": one day's window
    if ("ms" in text or "illis" in text) and (seconds := milliseconds_said(text)) is not None:
        text = seconds  # "every 10000 milliseconds (10 seconds)": code's unit, said in seconds
    if (period := period_said(text)) is not None:
        text = period  # "on a two-hour schedule": every two hours
    if ("=" in text or ":" in text) and (every := labelled_interval(text)) is not None:
        # "interval=5m", "interval: 30m", "period='15m'": how often, as a config or command says it
        text = every
    if ("alendar" in text or "dates =" in text or "startAt" in text) and (
        event := calendar_first(text)
    ) is not None:
        # "systemd-run --on-calendar='Sun 10:00' …", "OnCalendar=Wed 19:00 (see the runbook)"
        return _read_commanded(event, zone_name, aware_now)
    if text[:6].lower() == "start " and (start := _START_ONCE.match(text)) is not None:
        text = text[start.end() :]
    slack_remind = text[:8].lower() == "/remind "
    text = plain_command(letter_days(without_week_heading(plain_marks(text))))
    lowered = text.lower()
    if lowered.startswith("cron"):
        text = _without_cron_label(text)
    if " --" in text and (dashed := dashed_options(text)) is not None:
        text = dashed  # 'todo -a "Send the documents" --deadline 1w', a command line's options
    if ("tomorrow" in lowered or "today" in lowered) and ("daily" in lowered or "every" in lowered):
        text = _DAY_THEN_DAILY.sub(r"starting \g<day>", text, count=1)
    if "due:" in text or "DUE:" in text or "Due:" in text:
        text = _DUE_FIELD.sub(_due_field, text)
    if "tom " in text:
        text = _TOM.sub(_tomorrow_said, text)
    if "* *" in text and " at " in text:
        text = _AT_CRON.sub("", text, count=1)
    if "@" in text:
        text = _AT_EVERY.sub("every ", text)
    if "emind" in text or "imer" in text or "larm" in text:
        text = reminded_of(_REMIND_AMOUNT.sub(_delay_words, text))
        if "for " in text:
            text = _FOR_COMPACT_CLOCK.sub(r"\g<noun> at ", text, count=1)
    if " not " in text:
        text = _NOT_ON.sub(" except ", text)
    if "days " in text and "every" not in text.lower() and "daily" not in text.lower():
        # ("every other day, seven days a week": weekends too, said of a frequency given)
        text = _EVERY_DAY_OF_THE_WEEK.sub("every day", text)
    if " to " in text:
        text = _ADD_TO_DATE.sub(r"\g<head>on", text, count=1)
    if "next" in text and "months" in text:
        text = _DAY_OF_NEXT_MONTHS.sub(r"\g<day> of the month for the next \g<count> months", text)
    if " from " in text and "for " in text and not _FREQUENCY_WORD.search(text):
        text = _FOR_DELAY_FROM_NOW.sub("", text)
    target, rest = take_target(text)
    quoted = _QUOTED.search(rest) if ('"' in rest or "“" in rest) else None
    if quoted is not None and _quote_names_time(inner := quoted["inner"] or quoted["curly"]):
        # '/remind #team "Sprint review at 3pm" every other Friday at 2pm': the quoted words
        # are the message, whatever time they name — read when the rest has a schedule
        without = f"{rest[: quoted.start()]} {rest[quoted.end() :]}".strip()
        outside = _read_rest(without, text, zone_name, aware_now, target)
        if outside.result is not None and outside.result.ok and outside.result.needs_confirmation:
            # 'annual events happening "on the last Saturday of February"': the words outside
            # only guess ("annual": the day it starts); the quoted ones say the day of it
            unquoted = f"{rest[: quoted.start()]} {inner} {rest[quoted.end() :]}".strip()
            whole = _read_rest(unquoted, text, zone_name, aware_now, target)
            if (
                whole.result is not None
                and whole.result.ok
                and whole.result.confidence > outside.result.confidence
            ):
                return whole
        if outside.result is not None and outside.result.ok:
            task = " ".join(part for part in (inner.strip(), outside.result.task) if part)
            outside.result = outside.result.replace(task=task)
            outside.rest = rest
            return outside
    elif (
        (target is not None or _asks_to_remind(lowered))
        and (" that " in rest or " about " in rest or " to " in rest)
        and (split := message_clause(rest)) is not None
    ):
        # "Remind me on the 11th of every month that my bill is due on the 15th": the date in
        # the message is the message's — read when the words before it are a schedule
        outside = _read_rest(split[0], text, zone_name, aware_now, target)
        if outside.result is not None and outside.result.ok:
            task = " ".join(part for part in (outside.result.task, split[1]) if part)
            outside.result = outside.result.replace(task=clean_task(task))
            if not split[2]:
                outside.result = _to_confirm(outside.result, MESSAGE_TIME_NOTE)
            outside.rest = rest
            return outside
    found = _read_rest(rest, text, zone_name, aware_now, target)
    if slack_remind and found.result is not None and not found.result.ok:
        return _last_sentence_when(found, rest, text, zone_name, aware_now, target)
    return found


# a sentence's end inside a command: ". ", "! ", "? "
_SENTENCE_BREAK: Final = re.compile(r"(?<=[.!?])\s+")
LAST_SENTENCE_NOTE: Final = (
    "the schedule read from the command's last sentence (Slack's /remind says when last); "
    "the times before it were read as the message: to confirm"
)


def _last_sentence_when(
    found: _Found, rest: str, text: str, zone_name: str, aware_now: datetime, target: str | None
) -> _Found:
    """ "/remind #team Hi all, the retro is on Friday at 3pm. … at 10am every Thursday": Slack's
    /remind puts the time last, so a message that names times of its own is refused whole; its
    last sentence, read as a schedule, is the time (asked). `found` itself otherwise."""
    parts = _SENTENCE_BREAK.split(rest.strip())
    if len(parts) < 2:
        return found
    tail = _read_rest(parts[-1], text, zone_name, aware_now, target)
    if tail.result is None or not tail.result.ok:
        return found
    message = " ".join([*parts[:-1], tail.result.task or ""]).strip()
    tail.result = _to_confirm(tail.result.replace(task=clean_task(message)), LAST_SENTENCE_NOTE)
    tail.rest = rest
    return tail


_REMINDER_OPENERS: Final = (
    *("ping me", "ping us", "notify me", "notify us", "tell me", "tell us", "alert me", "nudge me"),
    *("text me", "message me", "email me"),
)


def _asks_to_remind(lowered: str) -> bool:
    """Whether the text asks for a reminder ("set a reminder for …", "ping me every Monday …"),
    whose message may name dates of its own."""
    return "remind" in lowered[:48] or lowered.lstrip(" /!@").startswith(_REMINDER_OPENERS)


MESSAGE_TIME_NOTE: Final = (
    "the time after “that” read as part of the message, not as when to remind: to confirm"
)


# "cron 30 9 * * mon-fri do something" (a bot's "!remind cron …"), "crontab: 0 9 * * 1": the
# word that names what follows
_CRON_LABEL: Final = re.compile(r"^\s*(?:cron(?:tab|job)?)\s*[:=]?\s*(?=[\d*@])", re.IGNORECASE)


def _without_cron_label(text: str) -> str:
    """`text` without "cron" before a cron expression; `text` itself otherwise."""
    label = _CRON_LABEL.match(text)
    if label is None:
        return text
    try:
        cron = split_cron(text[label.end() :])
    except Rejected:
        return text
    return text if cron is None else text[label.end() :]


# "update schedule to run pipeline every Sunday at 2:00 AM", "change the job's schedule to every
# weekday at 9": a change, with the new schedule said whole after "to"
_NEW_SCHEDULE: Final = re.compile(
    r"^\s*(?:please\s+)?(?:update|change|modify|set|edit|switch)\s+(?:the\s+|my\s+|its\s+|"
    r"this\s+|our\s+)?(?:[\w'-]+\s+){0,2}?schedule\s+"
    # "Change the nightly build schedule make it start by 9:15 BeiJing Time …"
    r"(?:to|,?\s*(?:and\s+)?make\s+it)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
NEW_SCHEDULE_NOTE: Final = "reads as a new schedule for a job that exists: to confirm"
# "Move working group to 1:00pm EST on thursdays", "Changed meeting time to Thursdays at 8:30 PST",
# "Move the systemd timer to once-daily at 00:00 UTC …": a change whose new schedule, after "to",
# is said whole — a repeat and its time. Only that is read (and asked); a part of one ("move my
# reminder to 10am", "move standup to Friday", "change it back to Friday mornings") stays a
# change to a job that exists, refused.
_CHANGED_TO_WHOLE: Final = re.compile(
    r"^\W*(?:(?:please|pls|kindly|can\s+you|could\s+you|let['’]?s)\s+)*"
    r"(?:chang|mov|reschedul|shift|switch|updat|modif|adjust|bump|push|set)"
    r"(?:e|es|ed|ing|ied|ies|y|s|ting)?\b"
    r"(?:\s+\S+){0,6}?\s+(?:back\s+)?to\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# "make it daily at 8am instead", "ok make it every weekday at 7": the new schedule of a job that
# exists, said whole after "make it" (a part of one, "make it 7pm", stays a change: refused)
_MADE_WHOLE: Final = re.compile(
    r"^\W*(?:(?:actually|ok|okay|no|sorry|then|please|pls|and|but)[\s,]+)*make\s+(?:it|this|that|them)"
    r"\s+(?P<rest>.+?)(?:[\s,]+(?:instead|then|please|pls))*[\s.!]*$",
    re.IGNORECASE,
)
PERIOD_NOTE: Final = "how often is said as a schedule's period (“on a 6-hour schedule”): to confirm"
PAST_YEAR_NOTE: Final = "the year since when the habit holds is past; the habit read, to confirm"
WHOLE_CHANGE_NOTE: Final = (
    "a change to a job that exists, its new schedule said whole: read, to confirm"
)


def _whole_new_schedule(result: ParseResult | None) -> bool:
    """Whether `result` is a repeating schedule with its time of day said (not a default)."""
    if result is None or not result.ok or result.schedule is None:
        return False
    return result.schedule["type"] != "at" and not _guessed_time(result)


# "at 3pm every weekday, not on weekends", "every day at 9 but not Mondays": days left out,
# said after the schedule (a "not" before it asks: understand._negated)
_NOT_ON: Final = re.compile(
    r"(?:\s*,\s*|\s+but\s+)not\s+(?:on\s+)?(?=(?:weekends?|weekdays?|holidays|public\s+holidays|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b)",
    re.IGNORECASE,
)
# "at 5 am 7 days a week", "open seven days per week": every day
_EVERY_DAY_OF_THE_WEEK: Final = re.compile(
    r"\b(?:7|seven)\s+days\s+(?:a|per|each|every|of\s+the)\s+week\b", re.IGNORECASE
)
_MONTH_WORD: Final = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# "add a reminder to April fourth to go to the dentist", "add lunch with Lisa to January 2nd at
# 12:30pm", "put the dentist to Friday": what is added to a calendar goes on that day (the "to"
# is not the end of a span: nothing repeats)
_ADD_TO_DATE: Final = re.compile(
    r"^(?P<head>(?:\w+,\s*)?(?:(?:please|pls|kindly|can\s+you|could\s+you)\s+)*"
    r"(?:i\s+(?:want(?:ed)?|need(?:ed)?|would\s+like|'d\s+like)\s+to\s+)?"
    r"(?:add|put|pencil|write|jot|postpone|reschedule|delay)\b"
    r"(?:\s+\S+){1,8}?\s+)to"
    r"(?=\s+(?:(?:the\s+)?\d{1,2}(?:st|nd|rd|th)\b|" + _MONTH_WORD + r"\s+(?:\d|the\b|first\b|"
    r"second\b|third\b|fourth\b|fifth\b|sixth\b|seventh\b|eighth\b|ninth\b|tenth\b|"
    r"eleventh\b|twelfth\b|[a-z]+teenth\b|twentieth\b|twenty\b|thirtieth\b|thirty\b)|"
    r"(?:next\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|tomorrow\b|today\b|tonight\b))",
    re.IGNORECASE,
)
# "set a reminder for 3 days from now", "set alarm for 12 weeks from today at 8am": the time
# from now is a delay, not how long something lasts ("every day for 2 weeks from today" lasts)
_FOR_DELAY_FROM_NOW: Final = re.compile(
    r"\bfor\s+(?=(?:\d+|an?|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve)\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)"
    r"\s+from\s+(?:now|today|tomorrow)\b)",
    re.IGNORECASE,
)
# "the first day of the next five months", "the 15th of each of the next 3 months": that day
# of the month, as many times as months are counted
_DAY_OF_NEXT_MONTHS: Final = re.compile(
    r"\b(?P<day>day|\d{1,2}(?:st|nd|rd|th))\s+of\s+(?:each\s+of\s+)?the\s+next\s+"
    r"(?P<count>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+months\b",
    re.IGNORECASE,
)
_FREQUENCY_WORD: Final = re.compile(
    r"\b(?:every|each|daily|weekly|monthly|nightly)\b", re.IGNORECASE
)
# a message in double quotes ('"Sprint review at 3pm"'), not an inch mark or a lone quote
_QUOTED: Final = re.compile(r'"(?P<inner>[^"]*[^\W\d_][^"]*)"|“(?P<curly>[^”]*[^\W\d_][^”]*)”')


# a message told to others: "inform my group that …", "tell john that …", "let everyone know
# that …" (not "tell me", "let me know": those ask to be reminded)
_TOLD_FIRST: Final = frozenset("itlnempcw")
_TOLD_THAT: Final = re.compile(
    r"^\s*(?:(?:please|pls|can\s+you|could\s+you|will\s+you|would\s+you)\s+)*"
    r"(?P<head>(?:inform|tell|notify|text|email|e-mail|message|let)\s+(?!me\b|us\b)"
    r"(?:[\w'’]+\s+){1,4}?)that\s+",
    re.IGNORECASE,
)


# "Where I work, we have a standup on a Monday", "When we meet on Fridays at 5, …": a wh-word and
# then its subject is a clause, not a question (a question puts its verb first: "where do I …")
_WH_CLAUSE: Final = re.compile(
    r"^\W*(?:where|when|what|whenever|wherever)\s+(?:i|we|they|he|she)\s+"
    r"(?!(?:am|is|are|was|were|do|does|did|can|could|will|would|should|shall|have|has|had|may|"
    r"might|must)\b)[a-z]+"
    # "What I'd like to do is …", "what we would love is …": a wish said first, not a question
    r"|^\W*what\s+(?:i|we)(?:['’]d|\s+would)\s+(?:like|love|prefer)\b"
    r"(?!\s+to\s+(?:know|understand|ask|see|find|check)\b)"
    # "where you can find us Monday 6 – 7:30 PM": a listing's where and when, not a question
    r"|^\W*(?:where|when)\s+you\s+(?:can|will|may)\s+(?:find|see|join|meet|catch|reach)\s+"
    r"(?:us|me|them)\b",
    re.IGNORECASE,
)


_WHOLE_QUOTES: Final = {'"': '"', "“": "”"}
# a code comment's or a checklist's mark before the words: "// ", "# ", "/* ", '"""', "[ ] "
_COMMENT_MARK: Final = re.compile(r'(?:/{2,}|#+(?=\s)|/\*+|"""|\[[\sxX]?\])\s*')


def _wh_clause(bare: str) -> bool:
    """Whether `bare` opens with a wh-clause ("Where I work, …") and asks nothing ("?")."""
    return "?" not in bare and _WH_CLAUSE.match(bare) is not None


def _read_rest(
    rest: str, text: str, zone_name: str, aware_now: datetime, target: str | None
) -> _Found:
    """What the stages make of `rest`, the text without its `target`."""
    found = _Found(None, rest, zone_name, aware_now, target)
    bare = unlabelled(rest, names_time=_mentions_time)  # "Schedule: cancel my 9am reminder"
    first = first_word(bare)
    if (
        (first is None or first in _QUESTION_FIRST)
        and _QUESTION.match(bare)
        and not _reminded_of(text, rest)
        and not _wh_clause(bare)
        and not asks_how_to_schedule(bare)
        and not asks_for_expression(bare)
        and asks_if_possible(bare, first) is None
        and not question_then_when(bare)  # "what's the weather, hourly please"
        and not subjectless_passive(bare)  # "is updated each weekday at 8PM ET"
    ):
        found.result = ParseResult.rejected(
            "that reads as a question, not a schedule", suggestion=HINT
        ).with_parts(None, target)
        return found
    if bare[:1].lower() in _TOLD_FIRST and (told := _TOLD_THAT.match(bare)) is not None:
        if not _mentions_time(told["head"]):
            # "inform my group that the new meeting date is tomorrow", "tell john that the party
            # is on friday": a message to others, and the day is the message's
            found.result = ParseResult.rejected(
                "that reads as a message to send, and the day in it is the message's: say when "
                "to send it",
                suggestion=HINT,
            ).with_parts(None, target)
            return found
    if bare[:1] in '/#["' and (mark := _COMMENT_MARK.match(bare)) is not None:
        # "// Set the reminder time to 8 AM.", "- [ ] Set digest time to 5 minutes from now": a
        # comment's or a checklist's change is still one
        bare = bare[mark.end() :]
        first = first_word(bare)
    if bare[:1] in _WHOLE_QUOTES and bare.endswith(_WHOLE_QUOTES[bare[0]]) and len(bare) > 2:
        # '"change todo time to 7:45"', '"Change meeting time to 5pm"': a change quoted whole
        # is still one
        bare = bare[1:-1].strip(" ,:;")
        first = first_word(bare)
    if ('"' in bare or "“" in bare) and (
        quoted := _quoted_change(bare, text, zone_name, aware_now, target)
    ) is not None:
        quoted.rest = rest
        return quoted  # 'jarvis edit "move standup to 10am"'
    manages = (  # (a costly pattern: matched once, and only after a word it starts with)
        (first is None or first in _MANAGE_FIRST or "time" in bare.lower())
        and _MANAGE.match(bare) is not None
    ) or frequency_swap(bare)  # "Change hourly backups to daily backups."
    new_schedule = _NEW_SCHEDULE.match(bare) if manages else None
    if new_schedule is not None:
        # "update schedule to run pipeline every Sunday at 2:00 AM UTC": the new schedule is
        # said whole; read it, and ask (the job it changes is the caller's to pick)
        inner = _read_changed_to(bare, new_schedule, text, zone_name, aware_now, target)
        if inner.result is not None and inner.result.ok:
            inner.result = _to_confirm(inner.result, NEW_SCHEDULE_NOTE)
            inner.rest = rest
            return inner
    whole_change = _CHANGED_TO_WHOLE.match(bare) if manages else None
    if whole_change is not None:
        inner = _read_changed_to(bare, whole_change, text, zone_name, aware_now, target)
        if _whole_new_schedule(inner.result):
            inner.result = _to_confirm(inner.result, WHOLE_CHANGE_NOTE)  # type: ignore[arg-type]
            inner.rest = rest
            return inner
    made = _MADE_WHOLE.match(bare) if manages and "make" in bare.lower() else None
    if made is not None:
        # "make it daily at 8am instead", "actually make it every Monday at 9": "it" is a job
        # that exists, and its new schedule is said whole
        inner = _read_rest(made["rest"], text, zone_name, aware_now, target)
        if _whole_new_schedule(inner.result):
            inner.result = _to_confirm(inner.result, WHOLE_CHANGE_NOTE)  # type: ignore[arg-type]
            inner.rest = rest
            return inner
    from_to = _read_from_to(bare, text, zone_name, aware_now, target)
    if from_to is not None:
        from_to.rest = rest
        return from_to  # "jobs changed from 0:00am every day to 0:05am every day"
    if manages:
        found.result = ParseResult.rejected(
            CHANGE_REASON,
            suggestion="pause, edit or delete the job itself (in Slack: /schedule pause <job>)",
        ).with_parts(None, target)
        return found
    cron_command = _cron_command(rest, zone_name, aware_now)
    if cron_command is not None:
        found.result = cron_command.with_parts(cron_command.task, target)
        return found
    whole = _all_read(rest) or looks_like_rule(rest) or _looks_like_event(rest)
    reminder = _REMIND.match(text) is not None
    grammar, stopped = (
        read_whole(rest, zone_name, aware_now, reminder=reminder) if whole else (None, None)
    )
    if grammar is not None:
        found.result = finish(grammar).with_parts(None, target)
        return found
    # A command: the grammar reads the schedule in it. The other stages read the whole
    # text only when the grammar's reading leaves words about time it did not read.
    command = read_command(rest, zone_name, aware_now, stopped=stopped, reminder=reminder)
    if command is not None:
        found.result = command.with_parts(command.task, target)
        found.partial = True
        # a sure answer settled the task's words about time itself ("the weekly report")
        sure = command.ok and not command.needs_confirmation
        if sure or command.task is None or not _mentions_time(command.task):
            return found
    for stage in FAST_STAGES[1:]:
        result = stage(rest, zone_name, aware_now)
        if result is not None:
            found.result = finish(result).with_parts(None, target)
            found.partial = False
            return found
    return found


CHANGE_REASON: Final = "that reads as a change to a job that exists, not a new schedule"
_CHANGE_NOTES: Final = frozenset({WHOLE_CHANGE_NOTE, NEW_SCHEDULE_NOTE})


def _quoted_change(
    bare: str, text: str, zone_name: str, aware_now: datetime, target: str | None
) -> _Found | None:
    """A change to a job quoted after other words ('jarvis edit "move standup to 10am"', '…
    via WhatsApp commands ("change nightly to 3am")'): what the quote alone reads as — refused
    as a change, or its new schedule said whole, asked; None when no quote reads as a change."""
    for quote in _QUOTED.finditer(bare):
        inner = (quote["inner"] or quote["curly"] or "").strip(" ,.")
        if inner == bare.strip() or first_word(inner) not in _MANAGE_FIRST:
            continue
        found = _read_rest(inner, text, zone_name, aware_now, target)
        result = found.result
        if result is None:
            continue
        if (not result.ok and result.reason == CHANGE_REASON) or (
            result.ok and not _CHANGE_NOTES.isdisjoint(result.notes)
        ):
            return found
    return None


def _read_from_to(
    bare: str, text: str, zone_name: str, aware_now: datetime, target: str | None
) -> _Found | None:
    """A change told "from A to B" whose B reads as a whole schedule ("changed from 0:00am
    every day to 0:05am every day"), or as one run that A or what changes says the repeat of
    ("Move the … job from Monday 8:00 AM to Friday 8:00 AM PT": a weekly slot moved): B read,
    to confirm; None otherwise (the text is read as it always was)."""
    change = from_to_change(bare)
    if change is None:
        return None
    head, old, said = change
    if said[:1] == "`" and (closing := said.find("`", 1)) > 1:
        # "from `0 5 * * *` (daily) to `0 5 * * 1-5` (Monday–Friday only)": the new expression
        # quoted is the new schedule (what follows it restates it)
        said = said[1:closing]
    # "… to `23 10 * * 5`, Friday 18:23 Asia/Taipei, and update …": the words before a comma
    # first, when they read whole by themselves
    for new in (said.split(", ", 1)[0], said) if ", " in said else (said,):
        inner = _read_rest(new, text, zone_name, aware_now, target)
        result = inner.result
        if result is None or not result.ok or result.schedule is None:
            continue
        if result.schedule["type"] == "at":
            repeat = subject_repeat(f"{head} {old}", new)
            if repeat is None and _WEEKDAY_SAID.search(old) and _WEEKDAY_SAID.search(new):
                repeat = "every week"  # a slot on a day of the week moved to another's
            if repeat is not None:
                inner = _read_rest(
                    f"{new.rstrip(' .')} {repeat}", text, zone_name, aware_now, target
                )
        if _whole_new_schedule(inner.result):
            inner.result = _to_confirm(inner.result, FROM_TO_NOTE.format(old=old))  # type: ignore[arg-type]
            return inner
    return None


_WEEKDAY_SAID: Final = re.compile(
    r"\b(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?s?\b", re.IGNORECASE
)


def _read_changed_to(
    bare: str,
    change: re.Match[str],
    text: str,
    zone_name: str,
    aware_now: datetime,
    target: str | None,
) -> _Found:
    """What the stages make of a change's new schedule (`change["rest"]`, after "to"); when
    that reads as one run and the change's subject names how often the thing runs ("Update
    nightly build schedule to run at 2 AM", "Update Thursday meeting time to 14:30 UTC"), the
    new time read with that repeat (change_subject.subject_repeat)."""
    new = change["rest"]
    inner = _read_rest(new, text, zone_name, aware_now, target)
    once = inner.result is not None and inner.result.ok and inner.result.schedule is not None
    if once and inner.result.schedule["type"] == "at":  # type: ignore[union-attr,index]
        repeat = subject_repeat(bare[: change.start("rest")], new)
        if repeat is not None:
            said = f"{new.rstrip(' .')} {repeat}"
            repeated = _read_rest(said, text, zone_name, aware_now, target)
            if _whole_new_schedule(repeated.result):
                return repeated
    return inner


def _reminded_of(text: str, rest: str) -> bool:
    """ "/remind me what doin everyday at 3:23am", "remind me who to call on Monday": after a
    reminder's target, a question word opens the message, not a question to us — unless it
    ends with a question mark ("remind me what? when?")."""
    return _REMIND.match(text) is not None and not rest.rstrip().endswith("?")


def _looks_like_event(text: str) -> bool:
    """ "Mon..Fri *-*-* 09:00:00": systemd's calendar events are read whole."""
    try:
        return read_event(text) is not None
    except Rejected:
        return True


def _all_read(text: str) -> bool:
    """Whether every letter and digit of `text` is in a token: the tokenizer skips what it
    does not match, which is punctuation in a schedule but a task in another script."""
    try:
        tokens = tokenize(text)
    except TokenizeError:
        return True  # the grammar refuses it itself
    position = 0
    for token in tokens:
        if _has_word(text, position, token.start):
            return False
        position = token.end
    return not _has_word(text, position, len(text))


# str.isalnum, as a pattern: searching in place is 5x cheaper than slicing and testing each
# character in Python, and _all_read looks at every gap between tokens of every sentence
_ALNUM: Final = re.compile(r"[^\W_]")


def _has_word(text: str, start: int, end: int) -> bool:
    if end - start <= 1:  # most gaps are one space, or none: no search
        return start < end and text[start].isalnum()
    return _ALNUM.search(text, start, end) is not None


def _cron_command(text: str, zone_name: str, now: datetime) -> ParseResult | None:
    """ "0 9 * * 1-5 check the nightly build": a cron expression, then the task."""
    try:
        cron = split_cron(text)
    except Rejected:
        return None
    if cron is None or not cron[2].strip():
        return None
    whole = regex_stage(text, zone_name, now)
    if whole is not None and whole.ok:
        return None  # what follows is a zone: the whole text is the schedule
    schedule_text = text[: len(text) - len(cron[2])].strip()
    result = regex_stage(schedule_text, zone_name, now)
    if result is None or not result.ok:
        return None
    result = finish(result).replace(schedule_text=schedule_text)
    return result.with_parts(clean_task(cron[2]), None)


def take_target(text: str) -> tuple[str | None, str]:
    """The channel or person a command names, and the text without it."""
    match = _REMIND.match(text)
    if match is not None:
        return _who(match), text[match.end() :].strip()
    if "#" not in text and "@" not in text:
        return None, text  # every target below starts with one of them; the search costs 3 µs
    matches = list(_TARGET.finditer(text))
    if not matches:
        return None, text
    match = matches[-1]
    return _who(match), (text[: match.start()] + " " + text[match.end() :]).strip()


def _who(match: re.Match[str]) -> str:
    groups = match.groupdict()
    if groups.get("cid"):
        return str(groups["cid"])
    if groups.get("uid"):
        return "@" + str(groups["uid"])
    if groups.get("name"):
        return str(groups["name"]).lower()
    if groups.get("tilde"):  # Mattermost's "~town-square"
        return str(groups["tilde"]).lower()
    return str(groups["word"]).lower()


# -- commands -------------------------------------------------------------------------------


def read_command(
    text: str,
    zone_name: str,
    now: datetime,
    *,
    stopped: Stopped | None = None,
    reminder: bool = False,
) -> ParseResult | None:
    """The schedule inside a command with the task around it (`task`, `schedule_text`), or
    None if there is none. A refusal of the schedule that was found ("at 5") is a result
    too. `stopped`: what the grammar read of the text from its start, if it was read;
    `reminder`: the text was a reminder ("remind me …", "/remind …")."""
    job = None
    try:
        tokens = tokenize(text)
        if "weekend" in text.lower() and job_said([t.value for t in tokens if t.kind == lx.WORD]):
            job = WEEKEND_JOB.set(True)  # "run at 6am on the weekend": every weekend
        runs = schedule_runs(tokens, stopped=stopped)
    except (TokenizeError, Rejected) as error:
        if job is not None:
            WEEKEND_JOB.reset(job)
        return ParseResult.rejected(error.reason, suggestion=error.suggestion, parse_method="regex")
    try:
        return _read_command(text, tokens, runs, zone_name, now, reminder=reminder)
    finally:
        if job is not None:
            WEEKEND_JOB.reset(job)


def _read_command(
    text: str,
    tokens: list[Token],
    runs: list[tuple[int, int]],
    zone_name: str,
    now: datetime,
    *,
    reminder: bool,
) -> ParseResult | None:
    if not runs:
        return None
    chosen = [token for start, end in runs for token in tokens[start:end]]
    if len(runs) > 1 and ("begin" in text or "start" in text or "open" in text):
        chosen = _date_begins(tokens, runs) or chosen
    task = shown_task = task_text(text, tokens, runs)
    named = [run for run in runs if _frequency_adjective(tokens, *run)] if len(runs) > 1 else []
    # "the daily digest email should contain …", "behaviors like daily summaries": a
    # frequency that only names a thing, and nothing else about time
    only_named = len(runs) == 1 and (
        _frequency_adjective(tokens, *runs[0]) or _bare_frequency(tokens, *runs[0])
    )
    dated_once = None
    if len(runs) > 1 and (dated_once := _named_frequency_dated(tokens, runs)) is not None:
        # "!schedule tomorrow at 3pm Send the weekly report", "Send the weekly report tomorrow
        # 16:00", "Daily standup tomorrow at 9:00 AM": the frequency names the thing, and
        # "tomorrow" dates one run of it — that run, asked
        kept = [run for run in runs if run not in dated_once]
        chosen = [token for start, end in kept for token in tokens[start:end]]
        task = shown_task = task_text(text, tokens, kept)
        named, only_named = [], False
    if named and _names_agreeing_frequency(tokens, runs, named):
        # "post the monthly numbers on the 1st at 9am": "monthly" says the 1st of every month
        # (not the next 1st only) and names the numbers: the schedule's word and the task's
        shown_task = task_text(text, tokens, [run for run in runs if run not in named])
        named = []
    elif len(runs) > 1 and (bare := [run for run in runs if _bare_frequency(tokens, *run)]):
        # "submit weekly status report every Friday at 4pm": the same, without "the"
        if _names_agreeing_frequency(tokens, runs, bare):
            shown_task = task_text(text, tokens, [run for run in runs if run not in bare])
    try:
        phrase, _ = read(chosen)
        if task is not None:
            phrase.task_said = True
            phrase.padded_time = False  # "… about the post at 10:30 AM": a reminder, once
            phrase.event_window = True  # "recycling collection occurs Monday 8 am until 3 pm"
            # "friday and saturday" is read as those days once each only when it is all the
            # text says; beside other words ("everys Monday, Wednesday and Friday", a typo of
            # "every") the list keeps its weekly reading
            phrase.day_list = False
            if any(
                m.clock.meridiem is None and not m.clock.is_24h
                for m in (*phrase.times, *(phrase.window or ()))
            ):
                # "at 8 for dinner": 8pm; "after school from 2:30-3:30": 2:30pm
                phrase.task_part = part_named_by(task)
                if phrase.task_part is None and (small := _small_hours_range(phrase, task)):
                    # "Busy Hands Knitting Friday 1:30-3:30", "Hist100 Tue/Thur 1:30-2:45"
                    phrase.task_part = "afternoon"
                    phrase.unsure.append(small)
        else:
            # "Mondays - 11:30AM-3:30PM": a timetable's row, read from its range's start
            hours_row_line(text, phrase)
        # the words of the text (inside the schedule's words or not): the checks below that
        # look for a word outside them run only when it is said at all — most texts say none
        said = frozenset(token.value for token in tokens if token.kind == lx.WORD)
        habitual = None if _HABIT_WORDS.isdisjoint(said) else _habitual(tokens, runs)
        if (
            habitual is None
            and not reminder  # "remind me about the calls on Friday": that Friday's
            and one_bare_weekday(phrase)
            and not _MEETING_WORDS.isdisjoint(said)
            and _meets_regularly(tokens, runs)
        ):
            # "Meetings will be Thursday at noon ET", "The group meets Tuesday at 11 am": a
            # group's meetings, on that day every week (it may be the next one only): asked
            phrase.single_day, phrase.every = False, True
            day = lx.DAY_LABELS[phrase.weekdays[0]]
            phrase.unsure.append(f"the meetings on {day} read as every {day} (it may mean once)")
        elif (
            habitual is None
            and not reminder
            and one_bare_weekday(phrase)
            and (weekly := _weekly_reading(text, phrase)) is not None
        ):
            # "Wednesday Night Bible Study 7:15 PM", "Sprint planning: Monday 9 AM", "The draw
            # is held on Wednesday at 3:00 PM": a timetable's event, every week (`timetable`)
            phrase.single_day, phrase.every = False, True
            (phrase.unsure if weekly.unsure else phrase.assumptions).append(weekly.note)
        elif (
            habitual is None
            and not reminder
            and _one_nth_in_a_month(phrase)
            and (yearly := yearly_habit(text)) is not None
        ):
            # "Kiwanis One Day currently is held on the fourth Saturday of October": a habit's
            # day in a month is that day every year, asked (`timetable.yearly_habit`)
            phrase.every = True
            phrase.unsure.append(yearly)
        elif (
            habitual is None
            and not reminder
            and phrase.times
            and one_bare_weekday(phrase)
            and not _REPEATING_TOOLS.isdisjoint(said)
            and _repeating_tool_said(tokens, runs)
        ):
            # "Restore the Sunday 16:00 UTC cron trigger", "Schedules grouped Dependabot updates
            # for Sunday at 00:00 UTC": a cron job, Dependabot's or Renovate's schedule repeats —
            # its day is every such day: asked
            phrase.single_day, phrase.every = False, True
            day = lx.DAY_LABELS[phrase.weekdays[0]]
            phrase.unsure.append(
                f"a cron job or an update schedule repeats: {day} read as every {day}"
            )
        elif (
            habitual is None
            and not reminder
            and "only" in said
            and one_bare_weekday(phrase)
            and _only_on_that_day(tokens)
        ):
            # "[CWS] only run btfhub sync job on Friday", "post the digest only on Friday": a
            # job kept to that day of the week, every week: asked
            phrase.single_day, phrase.every = False, True
            day = lx.DAY_LABELS[phrase.weekdays[0]]
            phrase.unsure.append(f"a job run only on {day} read as every {day} (it may be once)")
        elif not reminder and "job" in said and "run" in said and _one_lone_monthday(phrase):
            # "run the billing job on the 1st at 00:05": a job run on a day of the month runs
            # on it every month (a reminder "on the 5th" is the next 5th): asked
            phrase.every = phrase.of_month = True
            day = phrase.monthdays[0]
            phrase.unsure.append(f"a job run on day {day} read as day {day} of every month")
        elif (
            habitual is None
            and not reminder
            and one_bare_weekday(phrase)
            and (once := once_or_weekly(text)) is not None
        ):
            phrase.unsure.append(once)  # "The first letter goes out on Friday": once, asked
        elif habitual is not None and " " not in habitual and one_bare_weekday(phrase):
            # (not "will run on Friday": that Friday)
            # "This job runs at 00:00 JST on Friday", "Cron job only runs on Friday at 10 AM":
            # a job described in the present tense runs on that day every week
            phrase.single_day, phrase.every = False, True
            day = lx.DAY_LABELS[phrase.weekdays[0]]
            phrase.assumptions.append(
                f"a job said to run on {day} (present tense) read as running every {day}"
            )
            habitual = None
        elif (
            habitual is not None
            and not _names_a_day(phrase)
            and phrase.times
            and not (phrase.every or phrase.interval or phrase.window or phrase.day_offset)
        ):
            # "Runs at 19:00 HKT", "The batch job kicks off at 2 AM": a job that repeats at that
            # time; how often is not said — every day is what such notes mean: read so, asked
            phrase.every, phrase.interval = True, (1, "day")
            phrase.unsure.append(
                f"the text says when the job {_VERB_SAID.get(habitual, habitual)}, not how often: "
                "read as every day"
            )
            habitual = None
        elif (
            phrase.times
            and not (phrase.every or phrase.interval or phrase.window or phrase.day_offset)
            and ("cron" in text or "Cron" in text or "CRON" in text)
            and not _names_a_day(phrase)
            and _cron_words_said(tokens, runs)
        ):
            # "schedule cronjob at 6:00am.", "set up a cron job at 2am": a cron job repeats;
            # the text says when, not how often — every day, asked
            phrase.every, phrase.interval = True, (1, "day")
            phrase.unsure.append(
                "a cron job repeats, and the text says when, not how often: read as every day"
            )
            habitual = None
        elif (
            not reminder
            and len(phrase.times) == 1  # (several times and no day are every day already)
            and not _names_a_day(phrase)
            and not (phrase.every or phrase.interval or phrase.window or phrase.day_offset)
            and (habit := habit_said(text, frozenset(lowered_words(text)))) is not None
        ):
            # "Backups now trigger automatically at midnight", "I wake up at 7 AM": a habit at a
            # time of day, no day said — every day, asked
            phrase.every, phrase.interval = True, (1, "day")
            phrase.unsure.append(f"{habit}, no day said: read as every day")
            habitual = None
        else:
            habitual = None
        time_said = bool(phrase.times or phrase.window)  # (before build fills a default in)
        # before build, which fills the phrase in: what the text said is what agrees or not
        speaks_of_time = (
            task is not None
            and dated_once is None  # ("send the weekly report tomorrow": noted below)
            and _task_speaks_of_time(task, tokens, runs)
            and not _task_frequency_agrees(text, tokens, runs, phrase)
        )
        # "remind me at 9am and 5pm to take medicine": times of day, no day, no "every" — build
        # reads them as every day; a reminder may mean today only ("post on Slack at 9am and
        # 5pm", a job, is every day)
        # "have an alarm go off at 2 pm and 4 pm": alarms too — an alarm clock rings today
        times_alone = (
            len(phrase.times) > 1
            and ((reminder and task is not None) or names_an_alarm(text))
            and not (phrase.every or phrase.interval or phrase.weekdays or phrase.dates)
            and not (phrase.descriptor or phrase.padded_time or phrase.nth or phrase.monthdays)
            and phrase.day_offset is None
            and _TWO_ACTIONS.search(text) is None  # "switch on at 6, off at 23": said there
        )
        # "book a room from the 10th to the 13th": one stay, or those days every month ("the
        # cron runs on the 1st through the 5th", a job's habit, is monthly)
        span_of_days = unsaid_monthly_span(phrase) and _habitual(tokens, runs) is None
        # "Our meetup group meets every last Wednesday of the month": a meeting's day, and
        # not its time — a run at 9:00 would be a guess
        untimed_meeting = (
            not _MET_WORDS.isdisjoint(said) and (_meets(tokens, runs) or _gathering(tokens, runs))
        ) and not (phrase.times or phrase.window or phrase.interval or phrase.part)
        # "All meetings commence at 2000": when a group meets, not on which days
        dayless_meeting = bool(  # (bool: build fills phrase.times in later)
            not reminder
            and phrase.times
            and not (phrase.every or phrase.interval or _names_a_day(phrase))
            and not _MEETING_WORDS.isdisjoint(said)
            and not any(token.kind in _DAY_TOKEN_KINDS for token in tokens)
            and _meets_regularly(tokens, runs)
        )
        built = build(phrase, zone_name=zone_name, now=now)
    except NotUnderstood:
        return None
    except Rejected as refusal:
        result = ParseResult.rejected(
            refusal.reason, suggestion=refusal.suggestion, parse_method="regex"
        )
        return result.with_parts(shown_task, None)
    spoken = " ".join(_spoken_text(text, tokens, run, built.readings) for run in runs)
    confidence, notes = built.confidence, built.notes
    if speaks_of_time:
        # words about time the grammar did not read ("during the day"): ask, do not guess
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)
        notes = (*notes, f"“{task}” was not read as part of the schedule")
    elif _unread_at(tokens, runs, text) or _named_time_before(tokens, runs, text):
        # "weekdays at teatime": "at" and a word the grammar does not know, next to the
        # schedule — a time of day it could not read
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)
        notes = (*notes, "a time of day after “at” was not read")
    elif any(start and tokens[start - 1].value in _DEADLINE for start, _ in runs):
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)  # "by Friday": a deadline
        notes = (*notes, "read as the time to run; it may be a deadline")
    elif untimed_meeting:
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)
        notes = (*notes, "the text says when a group meets, not at what time: to confirm")
    elif dayless_meeting:
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)
        notes = (*notes, "the text says at what time a group meets, not on which days: to confirm")
    elif span_of_days and built.schedule.get("type") == "cron":
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)
        notes = (
            *notes,
            "days of the month in a row, not said to be monthly: read as every month, to confirm",
        )
    elif times_alone and built.schedule.get("type") == "cron":
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)
        notes = (*notes, "times of day with no day: read as every day, to confirm")
    elif habitual is not None and built.schedule.get("type") == "at":
        # "The batch job kicks off at 2 AM": a job that repeats, but how often is not said
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)
        notes = (*notes, "the text describes a job that repeats, not how often: read as one run")
    elif not _NEGATIONS.isdisjoint(said) and _negated(tokens, runs):
        # "not on Mondays, every day at 9", "don't run it on Fridays": the negation was
        # left in the task, unread, and would turn the schedule round
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)
        notes = (*notes, "a “not” just before the schedule's words was not read")
    if dated_once is not None:
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)
        notes = (*notes, "a frequency that names the task, beside a day said once: read as one run")
    if named or only_named:
        # "a weekly review task due Monday": the frequency may only name the task; with a time
        # said ("a daily backup check at midnight") it is the schedule's, noted (`asks`)
        notes = (*notes, "a frequency that names the task was read as the schedule's")
        indefinite = any(_indefinite(tokens, start) for start, _ in named)
        if only_named or named_frequency_asks(time_said=time_said, indefinite=indefinite):
            confidence = min(confidence, UNREAD_TIME_CONFIDENCE)
    elif (zone := _unread_zone(text, tokens, runs)) is not None:
        confidence = min(confidence, UNREAD_TIME_CONFIDENCE)  # "9am Mars time": whose clock?
        notes = (*notes, f"“{zone}” was not read as a time zone: the request's zone was used")
    result = ParseResult(
        built.schedule,
        None,
        confidence,
        "regex",
        notes=notes,
        schedule_text=spoken,
        exclusions=built.exclusions,
    )
    return finish(result).with_parts(shown_task, None)


# Verbs in the present tense that describe what a job does each time it runs: "This job runs
# at 00:00 JST on Friday", "the workflow kicks off on Sunday at 3am"
_HABITUAL: Final = frozenset({"runs", "executes", "fires", "triggers", "kicks", "reruns"})
_VERB_SAID: Final = {"kicks": "kicks off"}


# what a date that opens a season does: "April 5 begins the … schedule every Wednesday"
_BEGINS: Final = frozenset({"begins", "starts", "opens", "commences", "kicks"})
_DATE_KINDS: Final = frozenset({lx.MONTH, lx.NUM, lx.ORD, lx.DATE})


def _date_begins(tokens: list[Token], runs: list[tuple[int, int]]) -> list[Token] | None:
    """The schedule's tokens with a date that "begins" something read as its start: "April 5
    begins the Downtown Farmers' Market spring/summer schedule every Wednesday from 1:30 to
    6:30 p.m." runs every Wednesday from April 5 (the date is when the series begins, not a
    day of its own); None when no run is such a date beside another."""
    for k, (start, end) in enumerate(runs):
        follows = tokens[end] if end < len(tokens) else None
        if (
            follows is None
            or follows.kind != lx.WORD
            or follows.value not in _BEGINS
            or not any(t.kind in (lx.MONTH, lx.DATE) for t in tokens[start:end])
            or not all(t.kind in _DATE_KINDS or t.value in ("the", "of") for t in tokens[start:end])
        ):
            continue
        others = [token for s, e in runs[:k] + runs[k + 1 :] for token in tokens[s:e]]
        from_ = Token(lx.WORD, "from", tokens[start].start, tokens[start].start)
        return [*others, from_, *tokens[start:end]]
    return None


def _one_nth_in_a_month(p: Phrase) -> bool:
    """ "the fourth Saturday of October", and nothing that dates it or makes it repeat."""
    return (
        len(p.nth) == 1
        and len(p.months) == 1
        and not (p.every or p.interval or p.of_month or p.monthdays or p.weekdays or p.dates)
        and not (p.years or p.next_year or p.day_offset is not None or p.has_offset)
        and p.starting is None
    )


def _weekly_reading(text: str, phrase: Phrase) -> Weekly | None:
    """Why the one bare day of `phrase` reads as every such day: a timetable's event or line
    (`timetable.weekly_reading`), or a weekly listing's line when one time or none is said
    (`timetable.listing_reading`; several times on one day are weekly already)."""
    day = lx.DAY_LABELS[phrase.weekdays[0]]
    weekly = weekly_reading(text, day)
    if weekly is None and len(phrase.times) < 2:
        ranged = phrase.window is not None and not phrase.times
        weekly = listing_reading(text, day, ranged=ranged)
    return weekly


def _small_hours_range(phrase: Phrase, task: str) -> str | None:
    """Why the range of `phrase`, written without am/pm in the small hours ("1:30-3:30"), is
    read as the afternoon's beside `task`, the name of what meets then (a class, a club's
    session, not a job: `listings.small_hours_gathering`), or None."""
    window = phrase.window
    if window is None or phrase.times or phrase.interval is not None:
        return None
    first, last = window
    if any(m.clock.meridiem or m.clock.is_24h for m in window):
        return None
    words = frozenset(letter_runs(task.lower()))
    if not small_hours_gathering(words, first.clock.hour, last.clock.hour):
        return None
    written = f"{first.clock.hour}:{first.clock.minute:02d}"
    return (
        f"“{written}” beside a class's or a club's name read as the afternoon's: say “{written}am”"
    )


def _habitual(tokens: list[Token], runs: list[tuple[int, int]]) -> str | None:
    """The present-tense verb outside the schedule's words that describes a job repeating, or
    what a job should do ("the housekeeping should run at 2am", "the cron will run at 7")."""
    inside = {k for start, end in runs for k in range(start, end)}
    for k, token in enumerate(tokens):
        if token.kind != lx.WORD or k in inside:
            continue
        if token.value in _HABITUAL:
            return str(token.value)
        if token.value == "run" and k and tokens[k - 1].value in _MODALS:
            return f"{tokens[k - 1].value} run"
    return None


_MODALS: Final = frozenset({"should", "will", "would", "must", "shall"})
# what a job does, kept to one day by "only" ("only run the sync on Friday")
_ONLY_VERBS: Final = frozenset(
    "run execute trigger sync build deploy send post publish check back".split()
)


def _one_lone_monthday(p: Phrase) -> bool:
    """ "on the 1st": one day of the month, and nothing that makes it a date or a series."""
    return (
        len(p.monthdays) == 1
        and p.monthdays[0] > 0
        and not (p.every or p.of_month or p.interval or p.nth or p.weekdays or p.dates)
        and not (p.months or p.day_offset is not None or p.has_offset)
    )


def _only_on_that_day(tokens: list[Token]) -> bool:
    """Whether "only" keeps a job to the day named: right before its verb ("only run the sync
    job on Friday") or before "on" and the day ("post the digest only on Friday")."""
    for k, token in enumerate(tokens[:-1]):
        if token.kind != lx.WORD or token.value != "only":
            continue
        after = tokens[k + 1]
        if after.kind == lx.WORD and after.value in _ONLY_VERBS:
            return True
        if after.value == "on" and k + 2 < len(tokens) and tokens[k + 2].kind == lx.DAY:
            return True
    return False


_CRON_WORDS: Final = frozenset({"cron", "crons", "cronjob", "cronjobs", "crontab"})


def _cron_words_said(tokens: list[Token], runs: list[tuple[int, int]]) -> bool:
    """Whether "cron", "cronjob" or "crontab" is said outside the schedule's words."""
    inside = {k for start, end in runs for k in range(start, end)}
    return any(
        token.kind == lx.WORD and token.value in _CRON_WORDS and k not in inside
        for k, token in enumerate(tokens)
    )


# what runs on a schedule that repeats by its nature: cron's words, and the dependency bots'
_REPEATING_TOOLS: Final = _CRON_WORDS | {"dependabot", "renovate"}


def _repeating_tool_said(tokens: list[Token], runs: list[tuple[int, int]]) -> bool:
    """Whether cron's words, "dependabot" or "renovate" are said outside the schedule's words."""
    inside = {k for start, end in runs for k in range(start, end)}
    return any(
        token.kind == lx.WORD and token.value in _REPEATING_TOOLS and k not in inside
        for k, token in enumerate(tokens)
    )


_MEETS: Final = frozenset({"meets", "gathers", "convenes", "assembles"})


def _meets(tokens: list[Token], runs: list[tuple[int, int]]) -> bool:
    """Whether a verb outside the schedule's words says a group meets ("the club meets …")."""
    inside = {k for start, end in runs for k in range(start, end)}
    return any(
        token.kind == lx.WORD and token.value in _MEETS and k not in inside
        for k, token in enumerate(tokens)
    )


# Meetings said in the plural, or a group's habit: "Meetings will be Thursday at noon", "our
# calls are on Tuesday at 5pm", "the team meets Monday at 9", "we meet Wednesday at 11am"
_MEETINGS: Final = frozenset(
    "meetings calls syncs standups stand-ups meetups hangouts huddles sessions".split()
)
_WE_MEET: Final = frozenset({"we", "they"})


_DAY_TOKEN_KINDS: Final = frozenset({lx.DAY, lx.DAYS, lx.DAYSET, lx.MONTH, lx.DATE, lx.ORD})


# A gathering named by a noun: "lunch catchup every 2nd Thursday", "meetups every 4th Thursday"
_GATHERINGS: Final = frozenset(
    "meetup meetups catchup catchups catch-up catch-ups get-together hangout hangouts".split()
)


def _gathering(tokens: list[Token], runs: list[tuple[int, int]]) -> bool:
    inside = {k for start, end in runs for k in range(start, end)}
    return any(
        token.kind == lx.WORD and token.value in _GATHERINGS and k not in inside
        for k, token in enumerate(tokens)
    )


# the words _habitual, _meets and _gathering, and _meets_regularly look for: one of them is
# said whenever they find one (they look outside the schedule's words only)
_HABIT_WORDS: Final = _HABITUAL | {"run"}
_MET_WORDS: Final = _MEETS | _GATHERINGS
_MEETING_WORDS: Final = _MEETINGS | _MEETS | {"meet"}


def _meets_regularly(tokens: list[Token], runs: list[tuple[int, int]]) -> bool:
    """Whether words outside the schedule say a group meets on it as a habit."""
    inside = {k for start, end in runs for k in range(start, end)}
    for k, token in enumerate(tokens):
        if token.kind != lx.WORD or k in inside:
            continue
        if token.value in _MEETINGS or token.value in _MEETS:
            return True
        if token.value == "meet" and k and tokens[k - 1].value in _WE_MEET:
            return True
    return False


def _names_a_day(phrase: Phrase) -> bool:
    p = phrase
    return bool(
        p.weekdays or p.dates or p.monthdays or p.nth or p.has_offset or p.months or p.years
    ) or (p.day_offset is not None or p.holiday is not None or p.instant is not None)


def _task_frequency_agrees(
    text: str, tokens: list[Token], runs: list[tuple[int, int]], phrase: Phrase
) -> bool:
    """Whether the only words about time left in the task are frequencies that name a thing
    ("submit the weekly status report every Friday at 4pm") and agree with the schedule the
    runs say (`phrase`); "send the monthly report every Monday" does not agree, and asks."""
    inside = {k for start, end in runs for k in range(start, end)}
    words = [
        k
        for k, token in enumerate(tokens)
        if k not in inside
        and token.kind == lx.WORD
        and token.value in _FREQUENCY_WORDS
        and _frequency_adjective(tokens, k, k + 1)
    ]
    if not words or not all(agrees(str(tokens[k].value), phrase) for k in words):
        return False
    rest = task_text(text, tokens, sorted([*runs, *((k, k + 1) for k in words)]))
    return rest is None or not _mentions_time(rest)


def _names_agreeing_frequency(
    tokens: list[Token], runs: list[tuple[int, int]], named: list[tuple[int, int]]
) -> bool:
    """Whether the runs that are frequencies naming a thing ("the monthly numbers") agree
    with what the other runs say ("on the 1st at 9am")."""
    others = [token for run in runs if run not in named for token in tokens[run[0] : run[1]]]
    try:
        phrase, _ = read(others)
    except (NotUnderstood, Rejected):
        return False
    words = [t.value for start, end in named for t in tokens[start:end] if t.kind == lx.WORD]
    frequencies = [str(word) for word in words if word in _FREQUENCY_WORDS]
    return bool(frequencies) and all(agrees(word, phrase) for word in frequencies)


_WHOSE: Final = frozenset({"their", "your", "his", "her", "our"})


def _unread_zone(text: str, tokens: list[Token], runs: list[tuple[int, int]]) -> str | None:
    """The words that end the text right after the schedule and look like a zone the
    grammar does not know: "… 9am Narnia time", "… 9am their time", "… 9am XYZ" (an
    abbreviation in capitals), or such an abbreviation in brackets right after a time of
    the schedule ("at 10:00 (RO) every day"); None otherwise. ("my time" and "local time"
    are read.)"""
    for _, end in runs:
        if end < len(tokens) and tokens[end - 1].kind == lx.TIME:
            after = tokens[end]
            word = text[after.start : after.end]
            if (
                after.kind == lx.WORD
                and 2 <= len(word) <= 5
                and word.isalpha()
                and word.isupper()
                and text[after.start - 1 : after.start] == "("
                and text[after.end : after.end + 1] == ")"
            ):
                return word
    rest = tokens[runs[-1][1] :]
    if not 1 <= len(rest) <= 4 or any(t.kind != lx.WORD for t in rest):
        return None
    words = text[rest[0].start : rest[-1].end]
    if len(rest) >= 2 and rest[-1].value in ("time", "timezone"):
        # a place's name ("Narnia time", "in Middle Earth time") or a person's ("their time");
        # not "it's coffee time"
        named = rest[1:-1] if rest[0].value == "in" else rest[:-1]
        if named and all(text[t.start].isupper() or t.value in _WHOSE for t in named):
            return words
        return None
    if len(rest) == 1 and 2 <= len(words) <= 5 and words.isalpha() and words.isupper():
        return words
    return None


def _negated(tokens: list[Token], runs: list[tuple[int, int]]) -> bool:
    """Whether a negation stands just before a run of the schedule's words, outside every
    run: "not" right before it ("not on Mondays"; "did not fail every day" is a task's),
    "don't" or "never" in the three words before ("don't run it on Fridays")."""
    inside = {i for start, end in runs for i in range(start, end)}
    for start, _ in runs:
        for i in range(max(0, start - 3), start):
            word = tokens[i].value
            if i in inside or word not in _NEGATIONS:
                continue
            if i == start - 1 or word in _STRONG_NEGATIONS:
                return True
            if word == "not" and _imperative_do(tokens, i - 1):
                return True  # "do not run it on Fridays" (not "… did not stall every day")
    return False


def _unread_at(tokens: list[Token], runs: list[tuple[int, int]], text: str) -> bool:
    """Whether "at" and a word the grammar does not know stand right after a run of the
    schedule's words, or open the text right before one ("weekdays at teatime", "at sunrise
    on Fridays"; not "look at logs every day", nor a place's name: "at Geekdom", "at June
    Hall" — a capital the text did not need)."""
    n = len(tokens)
    for start, end in runs:
        for at in (end, 0 if start == 2 else -1):
            if (
                0 <= at < n - 1
                and tokens[at].kind == lx.WORD
                and tokens[at].value == "at"
                and tokens[at + 1].kind == lx.WORD
                and tokens[at + 1].value not in lx.KEYWORDS
                and not (at and text[tokens[at + 1].start].isupper())
            ):
                return True
    return False


def _named_time_before(tokens: list[Token], runs: list[tuple[int, int]], text: str) -> bool:
    """Whether a time of day the grammar cannot read stands right before a run: "at dinner
    time tomorrow", "tea time on Friday", "mid-morning tomorrow" (not a label: "Meeting Time:
    every second Friday")."""
    for start, _ in runs:
        if start < 2:
            continue
        before, first = tokens[start - 1], tokens[start - 2]
        if (
            before.kind == lx.WORD
            and before.value == "time"
            and first.kind == lx.WORD
            and first.value not in lx.KEYWORDS
            and not text.startswith(":", before.end)
        ):
            return True
        if before.kind == lx.SYM and before.value == "-" and first.value == "middle":
            return True
    return False


_FREQUENCY_WORDS: Final = frozenset(
    {"daily", "weekly", "monthly", "yearly", "hourly", "nightly", "quarterly", "biweekly"}
    | {"triweekly", "fortnightly", "semiannually", "biannually", "bimonthly"}
)
_TIME_KINDS: Final = frozenset(
    {lx.NUM, lx.ORD, lx.DAY, lx.DAYS, lx.DAYSET, lx.MONTH, lx.UNIT, lx.TIME, lx.MINUTE, lx.DATE}
    | {lx.SLASHDATE, lx.INSTANT, lx.ZONE}
)
# Time words of other languages the grammar does not read (it reads English): left in a
# command's task ("lunes 9am"), they make the answer ask, and the LLM (when configured) reads
# the whole text.
_FOREIGN_TIME_WORDS: Final = frozenset(
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo mañana manana hoy "
    "cada todos todas días dias día dia semana semanas mes meses horas hora minutos "
    "lundi mardi mercredi jeudi vendredi samedi dimanche demain aujourd'hui chaque tous toutes "
    "jours jour semaine mois heures heure "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag morgen heute täglich taglich "
    "jeden jede jeder tage woche monat uhr stunden stunde minuten "
    "segunda terça terca quarta quinta sexta amanhã amanha hoje "
    "lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi "
    "sabato domenica domani oggi ogni giorno giorni minuti "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag elke dag uur".split()
)
_TIME_WORDS: Final = frozenset(
    {"every", "daily", "hourly", "weekly", "monthly", "yearly", "quarterly", "nightly"}
    # "a biweekly alarm for Mondays at 2 pm": every other Monday, or twice a week — not every
    # Monday, which the words after it say alone
    | {"biweekly", "fortnightly", "triweekly", "semiannually", "biannually", "bimonthly"}
    | {"semimonthly", "biyearly", "trimonthly"}
    | {"during", "between", "except", "until", "to", "after", "from", "morning", "afternoon"}
    | {"evening", "night", "noon", "midnight", "today", "tomorrow", "tonight", "next", "last"}
    # "remind me about tomorrow's meeting at 3pm": the thing's day, which the schedule read
    # beside it may not be (`tokens.possessive_days` leaves these words to the task)
    | {"tomorrow's", "monday's", "tuesday's", "wednesday's"}
    | {"thursday's", "friday's", "saturday's", "sunday's"}
    | {"once", "twice", "end", "business", "when", "whenever", "before", "o'clock"}
    # words that make a time vague or one of several: "sometimes on Mondays", "at 9 or 10"
    | {"sometimes", "sometime", "occasionally", "regularly", "often", "usually", "or"}
    # how often, without saying: "periodically on Mondays", "now and then on Fridays at 4pm",
    # "once in a while", "at some point tomorrow", "as needed on Mondays"
    | {"periodically", "periodic", "frequently", "frequent", "randomly", "random", "now"}
    | {"sporadically", "intermittently", "irregularly", "while", "point", "needed"}
    | {"around", "about", "approximately", "roughly", "circa", "ish", "maybe", "soon"}
    | {"later", "early", "late", "eod", "whenever", "asap"}
    # deadlines and days counted from other days: "COB tomorrow", "the Saturday that follows
    # the first Sunday"
    | {"cob", "eob", "eow", "eom", "eoq", "eoy", "follows", "precedes", "preceding", "forever"}
    | {"indefinitely"}
    # times of day the grammar does not place ("teatime tomorrow": at(1)'s 4pm, a British
    # 5 or 6pm; "bedtime tonight"): left in the task, they make the answer ask
    | {"teatime", "bedtime", "dinnertime", "suppertime", "naptime", "tea-time", "bed-time"}
    | _FOREIGN_TIME_WORDS
)
# a word right before the schedule's words that makes them a deadline, not a time: "by Friday"
_DEADLINE: Final = frozenset({"by", "before", "latest"})
_NEGATIONS: Final = frozenset({"not", "never", "no", "don't", "dont", "nor"})
_STRONG_NEGATIONS: Final = frozenset({"never", "don't", "dont"})


def _imperative_do(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is an imperative "do" opening a clause: "do not …", "please do not",
    ", but do not …"."""
    if k < 0 or tokens[k].value != "do":
        return False
    return k == 0 or tokens[k - 1].value in (",", "and", "except", "please", "then")


# a to-do app's priority or tag beside the task ("p1", "!!2", "!high", "#Work", "@errands"):
# a name, no amount of time
_PRIORITY: Final = re.compile(
    r"(?<![\w!#@])(?:p[1-4]|!{1,3}[1-4]|!(?:high|medium|low|urgent)|[#@][a-z][\w-]*)(?!\w)",
    re.IGNORECASE,
)


# Days and times in scripts the grammar does not read (it reads English): Japanese, Chinese,
# Korean, Russian. Left in a task ("/remind #dev 金曜 17:00 週報を書こう": Friday; "/remind
# завтра 09:00 Врач": tomorrow; "/remind пн,ср,пт 19:00 спортзал"), they make the answer ask,
# as the words of other languages in _FOREIGN_TIME_WORDS do ("会議の時間です", "the meeting's
# time", and "выпить воды", "drink water", do not)
_OTHER_SCRIPT_TIME: Final = re.compile(
    "曜|毎[日週月年朝晩]|每[天日周週月年]|明日|今日|明後日|来週|今週|再来週|午前|午後|星期|"
    "[下上本这這]周|周[一二三四五六日末]|週末|今晚|今天|明天|后天|後天|点半|月末|月初|来月|[0-9０-９一二三四五六七八九十]点|"
    "매일|매주|매월|내일|오늘|모레|요일|오전|오후|다음\\s?주|"
    "(?<![а-яё])(?:пн|вт|ср|чт|пт|сб|вс)(?![а-яё])|будн|выходн|понедельн|вторник|сред[ауы]|"
    "четверг|пятниц|суббот|воскресен|сегодня|завтра|ежедневн|еженедельн|ежемесячн|кажд|"
    "утр[оа]м|вечер|ночью|днём|днем|через|недел|месяц|(?<![а-яё])час(?:а|ов)?(?![а-яё])|минут",
    re.IGNORECASE,
)


def _quote_names_time(inner: str) -> bool:
    """Whether words in quotes name a time, a greeting's day too ('"Happy Friday everyone!"':
    the day is the message's, not when to send it)."""
    if _mentions_time(inner):
        return True
    try:
        return any(t.kind in (lx.DAY, lx.DAYS, lx.DAYSET) for t in tokenize(inner))
    except TokenizeError:
        return False


def _task_speaks_of_time(task: str, tokens: list[Token], runs: list[tuple[int, int]]) -> bool:
    """Whether a command's task has words about time the grammar did not read: its plain
    words ("about the invoice", "eat dinner") do not count, unless the task may undo the
    schedule ("… Cancel that.": every word of it is then read strictly)."""
    if not _mentions_time(task):
        return False  # most tasks: the one test they always had
    if may_turn(task):
        return True
    following = frozenset(tokens[end].value for _, end in runs if end < len(tokens))
    preceding = frozenset(tokens[start - 1].value for start, _ in runs if start > 0)
    return _mentions_time(
        task, plain_words=True, after_schedule=following, before_schedule=preceding
    )


def _mentions_time(
    task: str,
    *,
    plain_words: bool = False,
    after_schedule: frozenset[object] = frozenset(),
    before_schedule: frozenset[object] = frozenset(),
) -> bool:
    """Whether `task` speaks of time. With `plain_words`, the words that are plain in their
    place ("remind the team about the reports", "eat dinner": `asks.plain_word`) do not
    count: the test of a command's task, whose unread words about time make it ask."""
    if not plain_words:
        return _task_mentions_time(task)  # (asked of the same task more than once)
    return _words_mention_time(task, True, after_schedule, before_schedule)


@text_cache
def _task_mentions_time(task: str) -> bool:
    return _words_mention_time(task, False, frozenset(), frozenset())


def _words_mention_time(
    task: str,
    plain_words: bool,
    after_schedule: frozenset[object],
    before_schedule: frozenset[object],
) -> bool:
    if not task.isascii() and _OTHER_SCRIPT_TIME.search(task):
        return True
    if ("lunch" in task or "dinner" in task or "breakfast" in task) and _AT_A_MEAL.search(task):
        return True  # "in Room 231 at lunch": a time of day, not read ("order lunch" is not)
    if "!" in task or "p" in task or "P" in task or "#" in task or "@" in task:
        task = _PRIORITY.sub(" ", task)
    words = word_values(task)
    if words is not None:
        # most tasks ("check the build"): plain words alone, read without a scan — the test
        # below, for tokens that can only be words and symbols
        timely = _time_keys()
        found = False
        for k, (word, kind, value) in enumerate(words):
            if (
                kind == lx.WORD
                and value in timely  # _time_word, as one lookup (the values are str here)
                and not (value == "to" and word == "to")
                and not (k and _greets(words[k - 1][2], words[k - 2][2] if k > 1 else None))
            ):
                found = True
                break
        if not (found and plain_words):
            return found  # (with plain_words, a word found is looked at again as written)
    try:
        tokens = tokenize(task)
    except TokenizeError:
        return True
    return any(
        (
            t.kind in _TIME_KINDS
            and not _ordinal_of_a_thing(tokens, k)
            and not _number_of_a_thing(tokens, k)
            and not (plain_words and _plain_number_in_task(task, tokens, k))
        )
        or (
            t.kind == lx.WORD
            # "to" as in "remind me to …" is not about time; "until" and "through" are
            and (t.value != "to" or task[t.start : t.end].lower() not in ("to", "2"))
            # a zone word written as a plain word ("the cat") may still have meant the zone
            and (t.value in _TIME_WORDS or lookup_place(str(t.value)) or lookup_word(str(t.value)))
            and not (
                plain_words and _plain_in_task(task, tokens, k, after_schedule, before_schedule)
            )
        )
        for k, t in enumerate(tokens)
        if not _greeted(tokens, k)
    )


_AT_A_MEAL: Final = re.compile(
    r"\b(?:at|after|before|during|over|by)\s+(?:lunch|dinner|breakfast)(?:\s?time)?\b",
    re.IGNORECASE,
)


def _plain_in_task(
    task: str,
    tokens: list[Token],
    k: int,
    after_schedule: frozenset[object],
    before_schedule: frozenset[object] = frozenset(),
) -> bool:
    """`asks.plain_word` for the word tokens[k] of `task`, with its neighbours."""
    token = tokens[k]
    previous = tokens[k - 1] if k else None
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return plain_word(
        task[token.start : token.end],
        token.value,
        before=previous.value if previous is not None else None,
        after=nxt.value if nxt is not None else None,
        after_speaks_of_time=_speaks_of_time(nxt),
        place=token.value not in _TIME_WORDS,
        follows_schedule=token.value in after_schedule,
        before_speaks_of_time=_speaks_of_time(previous),
        precedes_schedule=token.value in before_schedule,
        opens_sentence=previous is None
        or _SENTENCE_END.search(task, previous.end, token.start) is not None,
        rest=tuple(t.value for t in tokens[k + 1 : k + 4]),
        opens_name=(previous is None or previous.value == "the") and _opens_name(task, token, nxt),
    )


# what ends a sentence between two words ("All right. Now please …": "now" opens one)
_SENTENCE_END: Final = re.compile(r"[.!?;]")


def _speaks_of_time(token: Token | None) -> bool:
    """Whether a neighbour of a word is a number, a time or a time word."""
    return token is not None and (
        token.kind in _TIME_KINDS or (token.kind == lx.WORD and token.value in _TIME_WORDS)
    )


def _opens_name(task: str, token: Token, nxt: Token | None) -> bool:
    """Whether a town's name (not a zone's: "Pacific", "Mountain") is the first word of a
    longer name written in capitals ("the Lebanon Golf & Country Club", "The Canberra
    Division"): a place the task speaks of, not a clock ("Lisbon time", "9am Paris"). The
    caller asks for "the" before it too ("in Paris Office" may say whose clock)."""
    written = task[token.start : token.end]
    if nxt is None or not written[:1].isupper() or written.isupper():
        return False
    if nxt.kind != lx.WORD or nxt.value in _TIME_WORDS or nxt.value in _CLOCK_NAMES:
        return False
    following = task[nxt.start : nxt.end]
    return (
        following[:1].isupper()
        and lookup_word(str(token.value)) is None
        and not lookup_place(str(nxt.value))
        and not lookup_word(str(nxt.value))
    )


# words after a town's name that make it a clock: "Lisbon Time", "Paris Standard Time"
_CLOCK_NAMES: Final = frozenset({"time", "timezone", "zone", "standard", "daylight", "local"})


def _plain_number_in_task(task: str, tokens: list[Token], k: int) -> bool:
    """Whether a number or a unit left in a command's task counts a thing, not time: "one"
    written before a noun ("take one tablet", "you'll get one digest"; not "one of them",
    "another one", "one hour"), or a unit's letter with no number before it (the "s" of
    "that's" split off the task, "U.S.")."""
    token = tokens[k]
    before = tokens[k - 1] if k else None
    if token.kind == lx.UNIT:
        return token.end - token.start == 1 and (before is None or before.kind != lx.NUM)
    if token.kind != lx.NUM or task[token.start : token.end].lower() != "one":
        return False
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if before is not None and (before.value in _NUMBER_CUES or before.value == "another"):
        return False
    return (
        after is not None
        and after.kind == lx.WORD
        and after.value not in lx.KEYWORDS
        and after.value not in _TIME_WORDS
    )


@cache
def _time_keys() -> frozenset[str]:
    """The words _time_word counts (bar "to" written so): a time word, or a place's or a
    zone's name that lookup_place or lookup_word knows — one set to look a word up in."""
    places = {name for name in _TIME_WORDS | place_names() | zone_words() if isinstance(name, str)}
    return frozenset(
        name for name in places if name in _TIME_WORDS or lookup_place(name) or lookup_word(name)
    )


def _time_word(word: str, value: object) -> bool:
    """Whether a plain word's token counts for _mentions_time: what its test of a word is."""
    if value == "to" and word == "to":
        return False
    return value in _TIME_WORDS or bool(lookup_place(str(value)) or lookup_word(str(value)))


def _greeted(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is the holiday of a greeting ("Merry Christmas", "Happy New Year"):
    a message's words, not a time."""
    return bool(k) and _greets(tokens[k - 1].value, tokens[k - 2].value if k > 1 else None)


def _greets(before: object, two_before: object) -> bool:
    """Whether the values of the two tokens before a word make it a greeting's holiday."""
    return before in GREETINGS or (before == "new" and two_before in GREETINGS)


# Words before a number that make it a time or an amount of time: "at 5", "until 6", "from 9
# to 5", "every 3", "in 2".
_NUMBER_CUES: Final = frozenset(
    {"at", "@", "by", "until", "till", "til", "from", "between", "before", "after", "to", "and"}
    | {"around", "about", "every", "in", "for", "within", "past", "since", "on", "-"}
)


def _number_of_a_thing(tokens: list[Token], k: int) -> bool:
    """ "check the 3 servers", "post the top 10 issues", "ticket #4521", "v2.1": a number with
    no word before it that makes it a time ("at 5", "every 3") and no unit of time after it
    counts things, not time."""
    token = tokens[k]
    if token.kind != lx.NUM:
        return False
    before = tokens[k - 1] if k else None
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if before is not None and before.value == "-" and k >= 2 and tokens[k - 2].kind == lx.NUM:
        # the end of a range counts what its start counts ("pick 3-5 issues", "from 9-5")
        return (after is None or after.kind != lx.UNIT) and _number_of_a_thing(tokens, k - 2)
    if before is not None and before.value in _NUMBER_CUES:
        return False
    if before is not None and before.value == "#":
        return True  # "ticket #4521"
    # a word before it that counts ("the 3 servers", "the top 10 issues") and a noun the
    # grammar does not know after it ("the 8 times", "my 9 sharp" are not)
    counted = before is not None and before.value in _COUNTING
    noun = after is not None and after.kind == lx.WORD and after.value not in lx.KEYWORDS
    return counted and noun


_COUNTING: Final = frozenset(
    {"the", "top", "all", "these", "those", "my", "our", "your", "their", "its", "of", "latest"}
)


def _ordinal_of_a_thing(tokens: list[Token], k: int) -> bool:
    """ "the first person", "a second reviewer": an ordinal written as a word before a word
    the grammar does not know counts that thing, not days."""
    token = tokens[k]
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    if token.kind != lx.ORD or token.end - token.start < 5 or after is None:
        return False
    if after.value in ("to", "in") and k + 2 < len(tokens):
        after = tokens[k + 2]  # "the first to post", "the second in line"
    # "on the tenth with my father", "on the first about rent": a function word counts no
    # thing, so the ordinal is the day
    return (
        after.kind == lx.WORD and after.value not in lx.KEYWORDS and after.value not in lx.NO_THING
    )


def schedule_runs(tokens: list[Token], *, stopped: Stopped | None = None) -> list[tuple[int, int]]:
    """The runs of tokens the grammar reads that say something about time.

    Left to right, each token is read at most once from where a run starts; a run that
    fills no slot of the schedule ("the", "and", "on") is not one. Raises Rejected when
    the schedule found is refused. `stopped`: the reading from the first token, when the
    whole text was read (and stopped at a word): not read again.
    """
    runs: list[tuple[int, int]] = []
    places: set[int] = set()
    todays: set[int] = set()  # "today" alone after a repeating run: each run's day, the task's
    adjectives: set[int] = set()  # "the weekly report": a frequency that may name a thing
    repeats = False  # whether a run that is not such an adjective says the schedule repeats
    said_every = False  # whether such a run says how often in words ("every", "other", "every 2 …")
    one_day = False  # whether such a run names one weekday ("due Monday")
    refusals: list[tuple[int, Rejected]] = []
    walked: set[int] = set()  # shared by the readings from each word (`grammar.read`)
    passed_over: Rejected | None = None  # a refusal whose words were not all read again
    refused_in_a_row = 0
    i, n = 0, len(tokens)
    while i < n:
        if reads_nothing(tokens[i]):
            i += 1  # what reading would find: nothing, at the cost of a reader and a lookup
            continue
        try:
            if i == 0 and stopped is not None:
                phrase, end = stopped
            else:
                phrase, end = read(tokens, start=i, partial=True, walked=walked)
        except Rejected as refusal:
            refusals.append((i, refusal))
            refused_in_a_row += 1
            if refused_in_a_row < _ONE_BY_ONE:
                i += 1
                continue
            i, last, unread = _past_refusals(tokens, i, refusal, walked)
            if last is not None:
                refusals.append(last)
            if unread and passed_over is None:
                passed_over = refusal
            continue
        if end > i:
            refused_in_a_row = 0  # (a word that reads nothing, "-" in "8:30-9:45", is no end)
        if end > i and _says_when(phrase):
            first = i
            while end > first + 1 and _is_filler(tokens[end - 1]):
                end -= 1
            while first < end - 1 and tokens[first].value in ("and", ","):
                first += 1  # "check the build and every friday at 4pm"
            runs.append((first, end))
            if names_only_a_zone(phrase):
                places.add(first)  # a run that only names a place
            elif end == first + 1 and tokens[first].value == "today" and repeats:
                todays.add(first)  # "every day at 6pm summarize what happened today"
            elif _frequency_adjective(tokens, first, end):
                adjectives.add(first)
            else:
                repeats |= bool(
                    phrase.every or phrase.interval or (phrase.weekdays and not phrase.single_day)
                )
                said_every |= bool(phrase.interval) or any(
                    t.kind == lx.WORD and t.value in ("every", "other") for t in tokens[first:end]
                )
                one_day |= bool(phrase.weekdays and phrase.single_day)
            i = end
        elif end > i:
            i = end  # fillers that say nothing ("the the the"): a later start reads the same
        else:
            # a list of numbers that reads nothing from its first ("1, 2, 3, …"): nor from the
            # others but its last (each would read the rest of the list again: the square of
            # its length)
            i = _last_listed(tokens, i) if tokens[i].kind == lx.NUM else i + 1
    # A refusal counts when it is all there is, or touches the schedule's words ("every
    # hour except Christmas"); "yesterday" in "summarize yesterday's incidents every day at
    # 9am" is the task's word.
    edges = {end for _, end in runs} | {start - 1 for start, _ in runs}
    # (A refusal some of whose words were passed over unread counts too: a reading from one of
    # them might have been a run it touches — refused rather than guessed.)
    for at, refusal in refusals:
        if (
            not runs
            or at in edges
            or any(start == at for start, _ in runs)
            or refusal is passed_over
        ):
            raise refusal
    if repeats:  # "every Monday post the weekly report at 9am": the report's word
        # ("a fortnightly meeting on Friday mornings", "our bi-weekly calls on Thursdays": days
        # said without "every" are the adjective's, every other one of them)
        runs = [
            run
            for run in runs
            if run[0] not in adjectives or (not said_every and _counts_weeks_apart(tokens, run))
        ]
    elif one_day:
        # "a weekly review task due Monday": weekly on Monday (read_command asks); but "the
        # daily digest on Friday" is one Friday, the digest's word
        runs = [
            (start, end)
            for start, end in runs
            if start not in adjectives or any(t.value in _WEEKLY for t in tokens[start:end])
        ]
    places -= _closing_zones(tokens, runs, places)
    if todays:  # "every evening at 6 summarize what the agents did today": not a one-off
        runs = _drop_stray_places(runs, todays)
    runs = _drop_event_times(tokens, _drop_stray_numbers(tokens, _drop_stray_places(runs, places)))
    return _drop_named_times(tokens, runs)


#: a reading refused this many tokens or fewer after its start is tried again from the next
#: word, as every reading is; past it, the words between are searched (`_past_refusals`)
_NEAR_REFUSAL: Final = 6


#: refused readings started one word after another before the words are searched instead (a
#: reading started just inside the clause refused may stop early: read as it always was)
_ONE_BY_ONE: Final = 2


def _past_refusals(
    tokens: list[Token], i: int, refusal: Rejected, walked: set[int]
) -> tuple[int, tuple[int, Rejected] | None, bool]:
    """Where reading starts again after the reading from i was refused, the refusal of the
    word just before that start (its start and itself) if it was refused, and whether words
    between were passed over unread.

    Started again from each word, a reading refused late reads every word up to the clause it
    was refused at again: "check 9:00 9:00 … every 2 hours every 3 hours" read its 90 times from
    each of them (172,804 calls, the square of the run; 12,577 now). A reading started later,
    before that clause, reads the same clauses with less behind them: if one started at a word
    is refused, so is every one started before it, and once one is not, none after it is. Words
    no reading starts at ("-" in "8:30-9:45") read nothing wherever they are: each is judged by
    the first word after it that reads something. So the first word from which a reading is not
    refused is found by halving — a few readings, not one a word — and the words before it are
    passed over as reading from each would have: of their refusals, `schedule_runs` weighs the
    one at i and the one just before the start found (a run beginning there touches it); the
    others touch no run. Should a word passed over have read a short run of its own (a reading
    started inside a clause may stop early), that run would have touched a refusal beside it: so
    when words were passed over unread, the refusal at i counts, whatever runs are found
    elsewhere."""
    at = refusal.at
    if at is None or at - i <= _NEAR_REFUSAL:
        return i + 1, None, False
    starts = [k for k in range(i + 1, at + 1) if not reads_nothing(tokens[k])]
    # by index in starts: its reading's refusal, True when it reads something, False nothing
    read_from: dict[int, Rejected | bool] = {}

    def judged(k: int) -> tuple[int, Rejected | None]:
        """The first index from k whose reading reads something, and its refusal if any
        (len(starts) and None past the last)."""
        while k < len(starts):
            outcome = read_from.get(k)
            if outcome is None:
                start = starts[k]
                try:
                    _phrase, end = read(tokens, start=start, partial=True, walked=walked)
                    outcome = end > start
                except Rejected as later:
                    outcome = later
                read_from[k] = outcome
            if outcome is not False:
                return k, (outcome if isinstance(outcome, Rejected) else None)
            k += 1  # reads nothing: judged by the next
        return k, None

    low, high = 0, len(starts)  # the first index not judged refused is in [low, high]
    before: Rejected | None = None  # the refusal of starts[low - 1]
    middle = high - 1  # the clause refused, alone first: in a run of refusals, all are
    while low < high:
        k, later = judged(middle)
        if later is not None:
            low, before = k + 1, later
        else:
            high = middle
        middle = (low + high) // 2
    last = (starts[low - 1], before) if low and before is not None else None
    unread = any(k not in read_from for k in range(low))
    return (starts[low] if low < len(starts) else at + 1), last, unread


def _last_listed(tokens: list[Token], i: int) -> int:
    """The last number of a list of numbers from the number at i ("1, 2 and 3", "5/10/15": as
    the grammar separates them), the one after i when none follows."""
    n, k = len(tokens), i
    while k + 2 < n:
        between = tokens[k + 1]
        if not (
            (between.kind == lx.SYM and between.value in (",", "&", "/"))
            or (between.kind == lx.WORD and between.value == "and")
        ):
            break
        step = 2 if tokens[k + 2].kind == lx.WORD and tokens[k + 2].value == "and" else 1
        if k + 1 + step >= n or tokens[k + 1 + step].kind != lx.NUM:
            break
        k += 1 + step
    return k if k > i else i + 1


_OWNERS: Final = frozenset({"the", "my", "our", "your", "their", "his", "her", "this", "that"})


def _drop_named_times(tokens: list[Token], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "remind me of my 3pm meeting at 2:30pm", "remind me about the 10am call at 9:45", "my
    12 oclock meeting by 11:30": a time between a determiner (or an owner's "'s") and a noun
    names the event, the task's words; the reminder's time is the other one. Only when another
    run names a time (the task then speaks of time, so the answer asks)."""
    if len(runs) < 2:
        return runs
    named = [(start, end) for start, end in runs if _names_an_event(tokens, start, end)]
    if not named or len(named) == len(runs):
        return runs
    kept = [run for run in runs if run not in named]
    if not any(_names_time(tokens, start, end) for start, end in kept):
        return runs
    return kept


def _names_an_event(tokens: list[Token], start: int, end: int) -> bool:
    if end - start > 1 and tokens[start].value in _OWNERS:
        start += 1  # the run read "the" with the time ("the 10am call")
    if start == 0 or end >= len(tokens) or tokens[start].kind not in (lx.TIME, lx.NUM):
        return False
    if not all(t.kind in (lx.TIME, lx.NUM) or t.value == "oclock" for t in tokens[start:end]):
        return False
    before, after = tokens[start - 1], tokens[end]
    owner = before.kind == lx.WORD and (before.value in _OWNERS or str(before.value).endswith("'s"))
    noun = after.kind == lx.WORD and str(after.value).isalpha() and after.value not in _TIME_WORDS
    return owner and noun and after.value not in _CONNECTIVES


# words after a time that go on with the schedule, not name a thing
_CONNECTIVES: Final = frozenset({"and", "or", "on", "at", "in", "every", "each", "to", "for", "am"})


def _closing_zones(tokens: list[Token], runs: list[tuple[int, int]], places: set[int]) -> set[int]:
    """ "every Monday at 9am triage new issues Berlin time", "… post the report (ET)": a run
    that only names a zone and ends the text is the schedule's zone, not a stray place, when
    it is unmistakably a zone — "… time" or a zone's abbreviation; "… in Lisbon" may be where
    the task is done, and stays the task's (the answer asks)."""
    if not runs or runs[-1][0] not in places or runs[-1][1] != len(tokens):
        return set()
    start, end = runs[-1]
    named = tokens[start:end]
    if start and tokens[start - 1].value in ("as", "to", "from", "than"):
        return set()  # "… isn't parsed as UTC", "switch it to CET": the zone is talked about
    if named[-1].value in ("time", "timezone") or (len(named) == 1 and named[0].kind == lx.ZONE):
        return {start}
    return set()


_EVENT_WORDS: Final = frozenset({"before", "after"})


def _names_time(tokens: list[Token], start: int, end: int) -> bool:
    """Whether tokens[start:end] name a time of day: "9am", "18:30", "at 8"."""
    return any(
        t.kind == lx.TIME or (t.kind == lx.NUM and k > start and tokens[k - 1].value == "at")
        for k, t in enumerate(tokens[start:end], start)
    )


def _drop_event_times(tokens: list[Token], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "every day at 9am before the standup at 10am", "at 4 PM every Friday, one hour before
    a typical 5 PM end of business", "8 AM on weekdays (before main business hours begin)":
    the later time or hours are the event's, told to say why the first — a run that is only a
    time or business hours, a few words after "before"/"after", once a run named a time, is
    the task's. (The task then speaks of time, so the answer asks.)"""
    if len(runs) < 2:
        return runs
    kept = [runs[0]]
    timed = _names_time(tokens, *runs[0])  # whether a run kept names a time (kept only grows)
    # where the last token that is no symbol is: the runs are many in a long text
    last_word = next((k for k in range(len(tokens) - 1, -1, -1) if tokens[k].kind != lx.SYM), -1)
    for start, end in runs[1:]:
        if timed and _is_event_time(tokens, kept[-1][1], start, end):
            continue
        relation = _shift_relation(tokens, start, end) if timed else None
        if relation is not None and (_names_time(tokens, relation, end) or end <= last_word):
            # "at 4 PM every Friday, one hour before a typical 5 PM end of business", "at 4pm,
            # an hour before the 5pm close", "daily at 10:00 PM (30 min before the sync job)":
            # how far the time read is from an event's, told to say why. Only at the end of
            # the text does it count from the time read ("at 10 AM, and remind me 30 minutes
            # before")
            continue
        kept.append((start, end))
        timed = timed or _names_time(tokens, start, end)
    return kept


_SHIFT_WORDS: Final = frozenset({"before", "after", "prior", "ahead"})


def _shift_relation(tokens: list[Token], start: int, end: int) -> int | None:
    """Where the run tokens[start:end] says "before"/"after" ("prior to", "ahead of") right
    after an amount of time it starts with ("one hour before", "30 minutes prior to"); None
    when it does not start so."""
    for k in range(start, end):
        token = tokens[k]
        if token.kind == lx.WORD and token.value in _SHIFT_WORDS:
            return k if k > start and tokens[k - 1].kind == lx.UNIT else None
        if token.kind not in (lx.NUM, lx.UNIT) and token.value not in ("a", "an", "half", "and"):
            return None
    return None


_BUSINESS_HOURS: Final = frozenset({"business", "office", "working", "hours", "hour"})
_END_OF_DAY_WORDS: Final = frozenset(
    {"end", "close", "of", "business", "working", "work", "day", "play", "eod", "cob", "eob"}
)


def _is_event_time(tokens: list[Token], gap_start: int, start: int, end: int) -> bool:
    """Whether tokens[start:end] are only a time ("at 10am", "5 PM") or business hours, a
    few plain words after the last "before"/"after" of the words before them."""
    gap = tokens[gap_start:start]
    event = max((k for k, t in enumerate(gap) if t.value in _EVENT_WORDS), default=None)
    if event is None or len(gap) - event - 1 > 4:
        return False
    if event and gap[event - 1].value in ("and", "&"):
        return False  # "at 9am and after lunch at 2pm": both are runs
    if any(t.kind != lx.WORD for t in gap[event + 1 :]):
        return False
    run = [t for t in tokens[start:end] if t.kind != lx.WORD or t.value not in ("at", "the", "on")]
    if len(run) > 1 and any(t.kind == lx.TIME for t in run):
        # "a typical 5 PM end of business": the time, named
        run = [t for t in run if t.kind != lx.WORD or t.value not in _END_OF_DAY_WORDS]
    if len(run) == 1:
        # a time, a bare hour after "at" ("before the meeting at 9"), or a day of the month
        # ("on the 2nd at 03:00 (after the report on the 1st)")
        return run[0].kind in (lx.TIME, lx.ORD) or (run[0].kind == lx.NUM and end - start >= 2)
    return all(t.value in _BUSINESS_HOURS for t in run)


_DETERMINERS: Final = frozenset({"a", "the", "our", "my", "your", "their", "his", "her"})
_WEEKLY: Final = frozenset({"weekly", "biweekly", "fortnightly"})


# "on a bi-weekly cadence", "on a monthly basis": nouns a frequency word names the schedule by
_RHYTHMS: Final = frozenset({"cadence", "basis", "rhythm", "rotation", "cycle", "schedule"})


def _counts_weeks_apart(tokens: list[Token], run: tuple[int, int]) -> bool:
    """Whether the run is a frequency of more than a week ("biweekly", "fortnightly"): said of
    days that repeat, it says which of them."""
    return any(t.value in _WEEKS_APART for t in tokens[run[0] : run[1]])


_WEEKS_APART: Final = frozenset({"biweekly", "fortnightly", "triweekly"})


def _frequency_adjective(tokens: list[Token], start: int, end: int) -> bool:
    """ "the weekly report", "a daily backup": a frequency word after a determiner and
    before a word the grammar does not know (not "a weekly cadence": the schedule's)."""
    after = tokens[end] if end < len(tokens) else None
    if (
        after is None
        or after.kind != lx.WORD
        or after.value in lx.KEYWORDS
        or after.value in _RHYTHMS
    ):
        return False  # (the cheapest test first: most runs end at a keyword or the text's end)
    words = [t for t in tokens[start:end] if not (t.kind == lx.WORD and t.value in _DETERMINERS)]
    before = tokens[start - 1] if start else None
    determined = (before is not None and before.value in _DETERMINERS) or (
        tokens[start].kind == lx.WORD and tokens[start].value in _DETERMINERS
    )
    return (
        len(words) == 1
        and words[0].kind == lx.WORD
        and words[0].value in _FREQUENCY_WORDS
        and determined
    )


def _indefinite(tokens: list[Token], start: int) -> bool:
    """Whether the frequency run at `start` is said with "a"/"an" ("a daily reminder")."""
    article = tokens[start] if tokens[start].value in ("a", "an") else None
    if article is None and start:
        article = tokens[start - 1]
    return article is not None and article.kind == lx.WORD and article.value in ("a", "an")


# the days that date one run: a frequency that names a thing beside them names the thing only
_ONE_DAY_WORDS: Final = frozenset({"tomorrow", "today", "tonight"})


def _named_frequency_dated(
    tokens: list[Token], runs: list[tuple[int, int]]
) -> list[tuple[int, int]] | None:
    """The runs that are frequencies naming a thing ("the weekly report", "monthly report",
    "Daily standup") when the other runs date a single day ("tomorrow at 3pm") and say nothing
    else that repeats; None otherwise."""
    if not any(t.kind == lx.WORD and t.value in _ONE_DAY_WORDS for t in tokens):
        return None
    named = [
        run
        for run in runs
        if _frequency_adjective(tokens, *run)
        or _bare_frequency(tokens, *run)
        or (run[0] == 0 and _opening_frequency(tokens, *run))
    ]
    if not named:
        return None
    others = [token for run in runs if run not in named for token in tokens[run[0] : run[1]]]
    if not any(t.kind == lx.WORD and t.value in _ONE_DAY_WORDS for t in others):
        return None
    try:
        phrase, _ = read(others)
    except (NotUnderstood, Rejected):
        return None
    if phrase.every or phrase.interval or phrase.times_per or phrase.day_offset is None:
        return None
    return named


def _opening_frequency(tokens: list[Token], start: int, end: int) -> bool:
    """ "Daily standup tomorrow …": a frequency word that opens the text, capitalised or not,
    right before a word the grammar does not know."""
    return end == start + 1 and _bare_frequency(tokens, start, end)


def _bare_frequency(tokens: list[Token], start: int, end: int) -> bool:
    """ "weekly status report": a frequency word alone, right before a word the grammar does
    not know, with no determiner (with one, `_frequency_adjective`)."""
    token = tokens[start]
    after = tokens[end] if end < len(tokens) else None
    return (
        end == start + 1
        and token.kind == lx.WORD
        and token.value in _FREQUENCY_WORDS
        and not (start and tokens[start - 1].value in _DETERMINERS)
        and after is not None
        and after.kind == lx.WORD
        and after.value not in lx.KEYWORDS
        and after.value not in _RHYTHMS
    )


_SLOTS: Final = attrgetter(*(slot.name for slot in fields(Phrase)))
_EMPTY_SLOTS: Final = _SLOTS(Phrase())


def _says_when(phrase: Phrase) -> bool:
    """Whether the phrase read fills any slot beyond fillers (a zone alone counts)."""
    if phrase.every or phrase.times or phrase.weekdays:
        return True  # most runs: no need to compare all the slots
    # `phrase != _EMPTY`, the dataclass's comparison (a tuple of every slot on each side,
    # built in Python), with the slots gathered in C
    return _SLOTS(phrase) != _EMPTY_SLOTS


def _drop_stray_places(runs: list[tuple[int, int]], places: set[int]) -> list[tuple[int, int]]:
    """ "search for events in Lisbon on Thursdays": "in Lisbon" is the task's, not the
    schedule's zone — a run that is only a place, away from the other runs, is dropped."""
    if len(runs) < 2:
        return runs
    kept = []
    for index, (start, end) in enumerate(runs):
        only_place = start in places
        touches = (index and runs[index - 1][1] == start) or (
            index + 1 < len(runs) and runs[index + 1][0] == end
        )
        if only_place and not touches:
            continue
        kept.append((start, end))
    return kept


def _drop_stray_numbers(tokens: list[Token], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "… check the thread. Score each 1-10 and send me the top 10": a run that is only bare
    numbers ("1-10", "3 to 5"), away from the other runs, counts the task's things; as a time
    it would need "at", am/pm or a colon."""
    if len(runs) < 2:
        return runs
    kept = []
    for index, (start, end) in enumerate(runs):
        bare = all(
            t.kind == lx.NUM or (t.kind == lx.SYM and t.value == "-") or t.value == "to"
            for t in tokens[start:end]
        )
        touches = (index and runs[index - 1][1] == start) or (
            index + 1 < len(runs) and runs[index + 1][0] == end
        )
        if (bare and not touches) or _first_to_do(tokens, start, end):
            continue
        kept.append((start, end))
    return kept


def _first_to_do(tokens: list[Token], start: int, end: int) -> bool:
    """ "I want to be the first to post", "the second in line": an ordinal word, alone in its
    run, before "to"/"in" and a word the grammar does not know ranks a person or a thing;
    it is not the 1st of a month."""
    run = [k for k in range(start, end) if tokens[k].value != "the"]
    if len(run) != 1 or run[0] != end - 1 or end >= len(tokens):
        return False
    return tokens[end].value in ("to", "in") and _ordinal_of_a_thing(tokens, end - 1)


def _is_filler(token: Token) -> bool:
    return (token.kind == lx.WORD and token.value in lx.FILLERS) or (
        token.kind == lx.SYM and token.value == ","
    )


def task_text(text: str, tokens: list[Token], runs: list[tuple[int, int]]) -> str | None:
    """What is left of the command once the schedule's words are taken out."""
    pieces: list[str] = []
    position = 0
    for start, end in runs:
        pieces.append(text[position : tokens[start].start])
        position = tokens[end - 1].end
    pieces.append(text[position:])
    kept = [piece.strip() for piece in pieces]
    task = " ".join(piece for piece in kept if piece)
    return clean_task(task)


# The words _LEAD and _HEAD can start with (checked against them in
# tests/parsers/test_doubts_gates.py): a task of ASCII words that starts with a word that is
# none of them ("check the build") is not searched.
_LEAD_FIRST: Final = frozenset(
    "add also and can could create give hey hi i just kindly make notify now nudge ok okay "
    "ping please pls plz remind schedule set setup so tell then wake will would".split()
)
_HEAD_FIRST: Final = frozenset("about and by for of that then to".split())


def clean_task(task: str) -> str | None:
    task = " ".join(task.split())
    for _ in range(4):
        before = task
        first = first_word(task)
        if not first or first in _LEAD_FIRST:  # (None: not ASCII; "": not a letter first)
            task = _LEAD.sub("", task).strip()
            if task != before:
                first = first_word(task)
        if not first or first in _HEAD_FIRST:
            task = _HEAD.sub("", task).strip()
        task = _without_trail(task).strip()
        task = task.strip(_QUOTES + " ,;:.!?").strip()
        if task == before:
            break
    if not task or _EMPTY_TASK.match(task):
        return None
    return task


def _without_trail(task: str) -> str:
    """`_TRAIL.sub("", task)`. Most tasks end with a plain word ("… the build"), which _TRAIL
    cannot match: then the search, which tries every position of the text (3 µs), is
    skipped. An ASCII task is peeled from its end instead, mark by mark and word by word: the
    search costs 7 µs on a task that does end with such a word ("… every day and")."""
    last = task.rpartition(" ")[2]
    if last.isascii() and last.isalnum() and last.lower() not in _TRAIL_WORDS:
        return task
    if not task.isascii():
        return _TRAIL.sub("", task)  # (case-insensitive matching knows more letters than lower())
    end = len(task)
    while end:
        if task[end - 1].isspace() or task[end - 1] in _TRAIL_MARKS:
            end -= 1
            continue
        start = end
        while start and task[start - 1].isalpha():
            start -= 1
        # a word of _TRAIL_WORDS, whole: no letter, digit or "_" just before it (its "\b")
        if task[start:end].lower() not in _TRAIL_WORDS or (
            start and (task[start - 1].isalnum() or task[start - 1] == "_")
        ):
            break
        end = start
    return task[:end]


def _spoken_text(
    text: str, tokens: list[Token], run: tuple[int, int], readings: tuple[tuple[int, int, str], ...]
) -> str:
    """The schedule's words as typed, with bare hours written as read ("9" → "9am")."""
    start, end = tokens[run[0]].start, tokens[run[1] - 1].end
    out = text[start:end]
    for first, last, spoken in sorted(readings, reverse=True):
        if start <= first and last <= end:
            out = out[: first - start] + spoken + out[last - start :]
    return out
