"""A chat bot's command in front of a reminder, said in plain words.

Reminder bots are called in many ways: a slash command ("/remindme 2h stretch", "/timer 25m
Break"), a sign before or after the command's name ("!remind #general 1h Event starting",
"RemindMe! 2 days", "r!remind 1day, Do something" — any one to three of the signs bots listen
for: "++remindme 2h …", ">!remind me 6 hours …", "%remind", "&remind", "--remindme"), or a
mention of the bot ("u/RemindMeBot 2 days", "@**Reminder Bot** "Water the plants." in 20
minutes", "@remind here in 3 hours …").
`plain_command` rewrites such a command the way a person would say it, for the rest of the
parser to read: "remind me in 2h stretch", "in 25m Break", "remind #general in 1h Event
starting", "remind me in 2 days".

What the command's name says:
- remindme, a mention of a reminder bot: the speaker is reminded (unless a target follows);
- remind, reminder, timer, alarm, schedule, task, todo: nothing but "do this" (a target may
  follow: "!remind #general …", "@remind here …");
- daily, weekly, hourly, monthly, yearly, nightly: how often ("/daily 09:00 Message").

Right after the command (and its target), a bare amount of time ("2 days", "1h30m", "90s",
"one year") is the bot's "in": that long from now. It is not when a word follows that ties
it to something else ("2 hours before the meeting", "2 days ago").
"""

from __future__ import annotations

import re
from typing import Final

from . import lexicon as lx
from .lexicon import LEXICON
from .tokens import TokenizeError, tokenize

_COMMAND: Final = re.compile(
    r"""^\s*(?:(?:hey|hi|ok|okay)[\s,]+)?
    (?:
        # a mention of a reminder bot: u/RemindMeBot, @OGRemindMeBot, @**Reminder Bot**
        (?P<mention>(?:u/|@)(?:\*\*)?[a-z]*remind[a-z ]{0,12}?bot(?:\*\*)?)[\s,:]*
        (?:[/!]?(?P<after>remind[\s_-]?me)(?:!|(?=[\s,:]|$)))?
      | (?P<spaced>remind\s+me)!
      # the sign a bot listens for: one to three of them ("!", "++", ">!", ">>", "--", "$", "%")
      # or a bot's letters and one ("r!", "t.", "sh!")
      | (?P<sign>[/!@$.?;>+~%&=-]{1,3}|[a-z]{1,3}[!.?$])?
        (?P<name>remind[_-]?me[_-]?repeat|remind[_-]?me|remind|reminders?|timer|countdown|alarm|schedule|task|todo|
            notify|notification|nudge|daily|weekly|hourly|monthly|yearly|nightly|loop|repeat|
            every)
        # "/schedule_message", "!remind_once": the same command with a word joined on
        (?:[_-](?:message|msg|dm|post|announcement|once|add|set|new|create))?
        (?:@[a-z0-9_]*bot)?  # Telegram's "/remind@MyRemindBot" in a group
        (?:(?P<bang>!)|(?=[\s,:]|$))  # "RemindMe!2 days" too
        (?:\s+(?:add|new|set|create)(?=[\s,:]|$))?  # "/reminder add 2h …"
      # "!setreminder 4h …", "!set_reminder 35 min", "!addreminder", "!remindonce 2h …",
      # "!newreminder": a reminder command's name with a verb joined on, after a sign
      | (?P<sign2>[/!@$.?;>+~%&=-]{1,3}|[a-z]{1,3}[!.])
        (?P<joined>(?:set|add|new|create|make)[_-]?(?:remind(?:er)?|timer|alarm)|
            (?:remind(?:er)?|timer|alarm)[_-]?(?:set|add|new|create|once))
        (?:@[a-z0-9_]*bot)?(?=[\s,:]|$)
      # IRC bots' ".in 2h go to the store", ".at 19:30 go to the store" (sopel, pyircbot)
      | [.!](?P<word>in|at)(?=\s+\d)
    )[\s,:]*""",
    re.IGNORECASE | re.VERBOSE,
)
# "Alexa, …", "Hey Siri …", "OK Google, …": an assistant's name before the request
_WAKE: Final = re.compile(
    r"""^(?:(?:hey|hi|ok|okay)[\s,]+(?P<called>siri|alexa|google|cortana|bixby|assistant|
            computer|jarvis|mycroft)\b[\s,.!:]*
      | (?:siri|alexa|google|cortana|bixby|assistant|computer|jarvis|mycroft)
        (?:\s*[,.!:]\s*|\s+(?=(?:please\s+)?(?:remind|set|create|add|schedule|start|wake|can|
            could|will|would)\b))
        # a bot called by its name or a mention ("hubot remind me …", "@bot remind me …"), or
        # anyone called with a comma ("Bender, remind me …"): the request follows
      | (?:@?(?:[a-z][\w.-]*)?bot\b[\s,:]*|@[a-z][\w.-]*[\s,:]+
        |(?P<vocative>[a-z][\w-]{1,20})\s*[,:]\s*)
        (?=(?:please\s+)?remind\s+(?:me|us)\b)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "set a timer for 10 minutes", "start a 25 minute timer", "5 minute timer for pizza", "timer
# for 1 hour called pizza", "set timer called pizza for 5 minutes" (a voice assistant's timers),
# "timer 1h30m", "countdown -d 2h45m" (command-line timers): that long from now
_TIMER: Final = re.compile(
    r"""^(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?
    # "I need a timer for 5 minutes", "I need a reminder to create a timer for 5 minutes"
    (?:i\s+(?:need|want|would\s+like|'d\s+like)\s+(?:a\s+reminder\s+to|you\s+to)\s+
      |remind\s+me\s+to\s+)?
    # "i need to have a timer for 10 minutes", "I'd like to get a timer for 5 minutes", "let's
    # get a timer going for 10 minutes"
    (?:i\s*(?:need|want|would\s+like|'d\s+like)\s+to\s+(?:have|get|use|run)\s+|let'?s\s+)?
    (?:(?:set|start|begin|create|make|run|give|get|put\s+on|add|i\s+need|i\s+want)\s+(?:me\s+|up\s+)?)?
    # "a 20 min countdown please": the article without a verb too
    (?:an?\s+|the\s+|my\s+)?
    # "another timer", "one more timer", "second timer", "a new timer": one more of them
    (?:(?:another|one\s+more|second|new)\s+)?
    # "a countdown timer for 5 minutes", "start a 15-minute countdown": a timer by its other name
    # "a countdown of 10 minutes", "countdown from 10 minutes": its length, said so
    # "a timer set for 10 minutes", "start a timer going for 5 minutes": the same
    (?:(?:count[\s-]?down\s+)?timers?\s+(?:(?:called|named)\s+(?P<name>[\w'-]+)\s+)?
        (?:(?:set|started|going|running)\s+)?(?:for|of)\s+
      | count[\s-]?down\s+(?:of|from)\s+(?=\d|an?\s|half\s|"""
    + lx.SPELLED_NUMBER
    + r""")
      | (?=(?P<amount>[^,]{1,40}?)[\s-]*(?:timer|count[\s-]?down)\b)
      # "timer 10m", "countdown -d 1.5h"; "count down 10 minutes" (an assistant's countdown)
      | (?:timers?|count[\s-]?down)\s+(?:-[dt]\s+|--duration[=\s]\s*|for\s+)?
        (?=\d|an?\s|half\s|"""
    + lx.SPELLED_NUMBER
    + r""")
      # "set the timer to 10 minutes": set to an amount of time — one with its unit, so "set
      # my timer to 52/17" (a pomodoro preset) is not read as one
      | timers?\s+to\s+(?=(?:\d+|an?|"""
    + lx.SPELLED_NUMBER
    + r""")[\s-]?
          (?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b))""",
    re.IGNORECASE | re.VERBOSE,
)
# "time my run for 20 minutes", "will you time this for 15 seconds": "time" the verb, a timer
# for that long (what is timed is only named)
_TIME_VERB: Final = re.compile(
    r"^(?:(?:can|could|would|will)\s+you\s+)?(?:please\s+)?time\s+"
    r"(?P<timed>(?:my|this|that|it|the|our)\b(?:\s+[^\W\d]+){0,2}?)\s+for\s+",
    re.IGNORECASE,
)
_THANKS: Final = re.compile(r"[\s,]*(?:please|pls|thanks?|thank\s+you)?[\s.!?]*$", re.IGNORECASE)
# "a timer for 15 mins of running": the amount, then what the time is for
_AMOUNT_OF: Final = re.compile(
    r"^(?P<amount>(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|"
    r"fifty|sixty|ninety)[\s-]*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?))\s+of\s+(?=[^\W\d])",
    re.IGNORECASE,
)
# what a timer is called, after its amount: "for pizza", "named pizza"
_TIMER_LABEL: Final = re.compile(r"\s*\b(?:called|named)\b\s*", re.IGNORECASE)
# a slash command's options, "name:value" ("/remind time:10m message:check the oven")
_TARGET_OPTIONS: Final = frozenset({"channel", "user", "who", "target", "to", "member", "role"})
_TASK_OPTIONS: Final = frozenset(
    {"message", "msg", "reminder", "text", "content", "task", "what", "about", "note", "title"}
    | {"description", "label", "name"}
)
_REPEAT_OPTIONS: Final = frozenset({"repeat", "every", "interval", "recurrence", "frequency"})
_TIME_OPTIONS: Final = frozenset({"time", "when", "at", "on", "date", "duration", "in", "delay"})
_OPTION: Final = re.compile(
    r"(?:^|(?<=\s))(?P<label>"
    + "|".join(sorted(_TARGET_OPTIONS | _TASK_OPTIONS | _REPEAT_OPTIONS | _TIME_OPTIONS))
    + r"):\s*",
    re.IGNORECASE,
)
_EVERY_OPTIONS: Final = re.compile(r"(?:every|repeat|recurring|repeating)\s+(?=[a-z]+:)", re.I)
_QUOTES: Final = "\"'“”‘’`"
_TIMER_WORD: Final = re.compile(r"^[\s-]*(?:timer|count[\s-]?down)\b\s*", re.IGNORECASE)
# a sign that the text starts with a bot's command: only then is the pattern tried
_SIGNS: Final = frozenset("/!@$.?;>+~%&=-")
_OPENINGS: Final = frozenset({"u/", "he", "hi", "ok", "se", "st", "pl", "cr", "ma", "co"})
_FIRST_LETTERS: Final = frozenset("uhorasgcbjmpUHORASGCBJMP")
_REMIND_ME: Final = frozenset({"remindme", "remind-me", "remind_me"})
_REMIND_ME_REPEAT: Final = frozenset(
    {"remindmerepeat", "remind-me-repeat", "remind_me_repeat", "remindme-repeat", "remindme_repeat"}
)
# a clock time first: "2:30pm", "9 am", "14:00"
_CLOCK_FIRST: Final = re.compile(
    r"\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?(?!\w)|\d{1,2}:\d{2}(?!\d)", re.IGNORECASE
)
_FREQUENCIES: Final = frozenset({"daily", "weekly", "hourly", "monthly", "yearly", "nightly"})
_EVERY_NAMES: Final = frozenset({"loop", "repeat", "every"})
# who a command names right after its name (as understand._REMIND reads them); "channel"
# ("!remind channel 1h Get ready", a Discord bot's choice between "me" and "channel") is the
# channel the command came from, as "here"
_TARGET: Final = re.compile(
    r"(?P<who>me|us|here|everyone|channel|the\s+team|[#@~][a-z][\w.-]{0,79}|<[#@][^>]+>)"
    r"(?=[\s,:]|$)[\s,:]*",
    re.IGNORECASE,
)
_AMOUNT: Final = (
    rf"(?:(?:\d+(?:\.\d+)?|an?|{lx.SPELLED_NUMBER})[\s-]*"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|"
    r"months?|y|yrs?|years?)(?![a-z])(?:\s+and\s+a\s+half(?![a-z]))?"
    # "half an hour", "a half-hour", "a quarter of an hour", "quarter hour"
    r"|(?:an?\s+)?half(?:[\s-]an?)?[\s-]hours?(?![a-z])"
    r"|(?:a\s+)?quarter(?:[\s-]of[\s-]an)?[\s-]hours?(?![a-z]))"
)
# "2 days", "1h30m", "2d 3h 5m", "1 hour and 30 minutes" — not "2 hours before the call".
# The space between two amounts is taken at once (an atomic group): "\s*(?:,|and)?\s*" let
# each space be either \s*'s, and a text of amounts that does not match ("1 day 2 hours 1 da")
# was tried 2^n ways (150 characters: 11 s)
AMOUNTS: Final = rf"{_AMOUNT}(?:(?>\s*(?:,|and)?\s*){_AMOUNT})*"
DELAY: Final = re.compile(
    AMOUNTS + r"(?!\s*(?:before|after|ago|earlier|later|prior|from|until|till|every|each|of)\b)",
    re.IGNORECASE,
)


# a chat's numeric id for a person or a channel (Discord's are 17 to 20 digits; a bot's docs
# write shorter ones): six digits or more, then a space
_USER_ID: Final = re.compile(r"(?P<id>\d{6,20})\s+")


def user_id(rest: str) -> tuple[str, int] | None:
    """ "3232352323 1d0h10m Hi" → ("3232352323", 11): the id of whom a bot's command is for, where
    the command names its target (right after its name), and where the rest starts — only when
    an amount of time follows it, so that no date or time written in digits ("20270315 …") is
    taken for one; None otherwise."""
    if not rest[:1].isdigit():
        return None
    match = _USER_ID.match(rest)
    if match is None or DELAY.match(rest, match.end()) is None:
        return None
    return match["id"], match.end()


# "once 1h …", "recurring 2h …", "repeat 30m …", "repeat-6h …" (a bot's subcommand joined on)
_MODE: Final = re.compile(
    r"(?:once|one-?off|(?P<many>recurring|repeating|repeat))(?:\s+|-(?=\d))", re.I
)


def plain_command(text: str) -> str:
    """`text` with a bot's command at its start said in plain words; `text` itself when it
    does not start with one."""
    if text[:1] == '"' and text[-1:] == '"' and len(text) > 2:
        # '"RemindMeRepeat! 2:30pm"': a command quoted whole is still one
        inner = text[1:-1]
        said = plain_command(inner)
        return text if said == inner else said
    if not _may_start_command(text):
        return text
    wake = _WAKE.match(text)
    if wake is not None and (wake["vocative"] or "").lower() not in LEXICON:
        text = text[wake.end() :]
    timer = _timer(text)
    if timer is not None:
        return timer
    match = _COMMAND.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    if match["word"] is not None:
        # ".in 2h go to the grocery store", ".in 1d2h In one day and 2 hours": a bot's "in" and
        # "at" commands; what follows the amount is the message
        if match["word"].lower() == "in" and (delay := DELAY.match(rest)) is not None:
            return "in " + _message_quoted(rest, delay.end())
        return f"{match['word'].lower()} {rest}"
    name = (match["name"] or "").lower()
    sign = match["sign"]
    if match["joined"] is not None:
        name, sign = "remind", match["sign2"]
    if name in _FREQUENCIES:
        # "/daily 09:00 …"; "@daily" is cron's macro for midnight, read elsewhere
        return f"{name} {rest}".strip() if sign in ("/", "!") else text
    if name in _REMIND_ME_REPEAT:
        # RemindMeBot's recurring command: "RemindMeRepeat! 2:30pm" every day at that time
        # (anything else is read as before: "RemindMeRepeat! 1 day" asks)
        if _CLOCK_FIRST.match(rest) is not None:
            return f"remind me every day at {rest}"
        return text
    if name in _EVERY_NAMES:
        # "/loop 5m check the deploy", "!repeat 30m drink water": every so long
        if sign in ("/", "!") and DELAY.match(rest) is not None:
            return f"every {rest}"
        return text
    speaker = bool(match["mention"] or match["after"] or match["spaced"]) or name in _REMIND_ME
    if name and not (speaker or sign or match["bang"]):
        # "remind" or "timer" as a plain word ("timer 5 minutes"): not a command — unless
        # "remind"/"reminder" opens the text and an amount of time follows ("reminder 2h
        # stretch", a chat bot's "reminder [time] [message]")
        if name not in ("remind", "reminder") or match.start("name") != 0 or not DELAY.match(rest):
            return text
    who, others = None, []
    if ":" in rest and (options := _options(rest)) is not None:
        named, rest = options
        if named is not None:
            others.append(named)
    while (target := _TARGET.match(rest)) is not None:
        who_named = target["who"]
        others.append("here" if who_named.lower() == "channel" else who_named)
        rest = rest[target.end() :]
        # "/remind me when: 5m message: check the oven": the options after the target
        if ":" in rest and (options := _options(rest)) is not None:
            named, rest = options
            if named is not None:
                others.append(named)
    if (user := user_id(rest)) is not None:
        others.append(f"<@{user[0]}>")
        rest = rest[user[1] :]
    if "--" in rest and (dashed := dashed_options(rest)) is not None:
        rest = dashed
    if others:
        who = others.pop(0)
    elif speaker:
        who = "me"
    if (mode := _MODE.match(rest)) is not None and DELAY.match(rest, mode.end()) is not None:
        # "/schedule create once 1h Server maintenance soon": a bot's subcommand for one run
        # ("once") or many ("recurring 2h …": every 2 hours)
        rest = rest[mode.end() :]
        if mode["many"] is not None and (delay := DELAY.match(rest)) is not None:
            return f"every {_message_quoted(rest, delay.end())}"
    if (delay := DELAY.match(rest)) is not None:
        rest = "in " + _message_quoted(rest, delay.end())
    elif rest[:3].lower() == "in " and (delay := DELAY.match(rest, 3)) is not None:
        rest = _message_quoted(rest, delay.end())  # "/remind me in 3 hours, 4 minutes …"
    elif (sign or match["bang"]) and (last := _delay_last(rest)) is not None:
        rest = last
    elif " to " in rest:
        rest = _message_after_to(rest)
    rest = " ".join([rest, *others]) if others else rest  # "!remind #events @Role 30m …"
    if who:
        return f"remind {who} {rest}".strip()
    if name == "alarm" and not rest.startswith("in "):
        # "/alarm every weekday at 6", "!alarm 7 wake up": an alarm's hour is read as one (a bare
        # early hour is the morning's, asked)
        return f"alarm {rest.strip()}"
    return rest.strip()


# words in a message that say when it is, so that an amount of time after it may be how long
# something lasts, or a second time ("!notify call dentist tomorrow 45m")
_WHEN_WORDS: Final = frozenset(
    "at on in by every each next today tonight tomorrow tmrw daily weekly monthly before after "
    "until till from noon midnight morning evening night".split()
)
_WHEN_KINDS: Final = frozenset(
    {lx.DAY, lx.DAYS, lx.DAYSET, lx.MONTH, lx.TIME, lx.DATE, lx.SLASHDATE, lx.UNIT, lx.ZONE}
)


def _delay_last(rest: str) -> str | None:
    """ "call mom 30m" → "in 30m call mom": a bot's message, then how long from now (WhatsApp
    bots' "!notify <message> <duration>"), when the message says nothing about time itself; None
    for anything else."""
    if "--" in rest:
        return None  # an option we do not know may change what the amount means
    words = rest.rstrip(" .!").split()
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        amount = " ".join(words[-size:])
        if not amount[:1].isdigit() or DELAY.fullmatch(amount) is None:
            continue
        message = " ".join(words[:-size])
        try:
            tokens = tokenize(message)
        except TokenizeError:
            return None
        if any(
            t.kind in _WHEN_KINDS or (t.kind == lx.WORD and t.value in _WHEN_WORDS) for t in tokens
        ):
            return None
        return f"in {amount} {message}"
    return None


def _message_quoted(rest: str, end: int) -> str:
    """ "1d30m Daily standup" → '1d30m "Daily standup"': after a bot's amount of time, a
    message that starts with a capital is the message, whatever words of time it holds (a
    frequency that names a meeting, a day in a greeting); unquoted when it has quotes."""
    message = rest[end:].strip()
    if any(q in message for q in _QUOTES):
        return rest
    if not message[:1].isupper() and not _names_a_frequency_only(message):
        return rest
    return f'{rest[:end].rstrip()} "{message}"'


# a frequency that names a thing in a message ("update weekly report", "send the daily digest")
_NAMING_FREQUENCIES: Final = frozenset(
    "daily weekly monthly yearly hourly nightly annual quarterly biweekly".split()
)


def _names_a_frequency_only(message: str) -> bool:
    """Whether the only words about time in a bot's message are frequencies that name a thing
    ("update weekly report"): they are the message's, not a second schedule."""
    if not any(word in message.lower() for word in _NAMING_FREQUENCIES):
        return False
    try:
        tokens = tokenize(message)
    except TokenizeError:
        return False
    named = False
    for k, token in enumerate(tokens):
        if token.kind == lx.WORD and token.value in _NAMING_FREQUENCIES:
            after = tokens[k + 1] if k + 1 < len(tokens) else None
            if after is None or after.kind != lx.WORD or after.value in LEXICON:
                return False  # "… weekly", "weekly on Monday": how often
            named = True
        elif token.kind in _WHEN_KINDS or (token.kind == lx.WORD and token.value in _WHEN_WORDS):
            return False
    return named


# Slack's "/remind #general every weekday at 4pm to What did you do or learn today?": after
# the time, "to" and a capital open the message (not "Monday to Friday", "9 to 5")
_TO_MESSAGE: Final = re.compile(r"\s+to\s+(?=[A-Z])(?P<message>(?P<first>[A-Za-z']+)[^\"“”]*)$")


# a time of day said before "to": the schedule is whole before the message
_TIME_BEFORE: Final = re.compile(
    r"\d\s*(?:am|pm|a\.m\.|p\.m\.)|\d:\d\d|\bat\s+\d|\b(?:noon|midnight)\b", re.IGNORECASE
)


def _message_after_to(rest: str) -> str:
    """ "every weekday at 4pm to What did you …" → 'every weekday at 4pm "What did you …"':
    the message quoted, so that the time words in it stay the message's; `rest` itself when
    "to" is not followed by a sentence of its own."""
    match = _TO_MESSAGE.search(rest)
    if match is None or match.start() == 0 or match["first"].lower() in LEXICON:
        return rest
    if not _TIME_BEFORE.search(rest, 0, match.start()):
        return rest  # "/remind me tomorrow to Check X at 5pm": the time may be in the message
    return f'{rest[: match.start()]} "{match["message"].strip()}"'


def _options(rest: str) -> tuple[str | None, str] | None:
    """A slash command's options as a chat app shows them ("time:10m message:check the
    oven", "when:tomorrow 9am what:call the bank channel:#ops"): the target they name and
    the rest said in plain words, the task in quotes ("in 10m "check the oven""); None when
    the text does not start with an option."""
    # "/reminder every time:10m content:Stretch break": a subcommand that makes the time a
    # repeat
    repeat = _EVERY_OPTIONS.match(rest)
    if repeat is not None:
        rest = rest[repeat.end() :]
    found = list(_OPTION.finditer(rest))
    if not found or found[0].start() != 0:
        return None
    who, when, task = None, [], []
    for k, option in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(rest)
        label, value = option["label"].lower(), rest[option.end() : end].strip().strip(_QUOTES)
        if not value:
            continue
        if label in _TARGET_OPTIONS:
            who = value
        elif label in _TASK_OPTIONS:
            task.append(value.strip(_QUOTES))
        elif label in _REPEAT_OPTIONS or (repeat is not None and label in _TIME_OPTIONS):
            when.append(f"every {value}" if DELAY.fullmatch(value) else value)
        elif label in ("at", "on"):
            when.append(f"{label} {value}")
        else:
            when.append(f"in {value}" if DELAY.fullmatch(value) else value)
    said = " ".join(when)
    if task:
        said += ' "' + " ".join(task) + '"'
    return who, said.strip()


# a command-line tool's options ("!remindme Take a break --time=1 hour", "remind --in 2h
# --message 'stand up'"): "--name=value" or "--name value"
_DASHED: Final = re.compile(
    r"(?:^|\s)--(?P<label>[a-z][a-z-]*)(?:=|\s+)(?P<value>(?:(?!\s--)\S)+"
    r"(?:\s+(?!--)\S+)*?)(?=\s+--|\s*$)",
    re.IGNORECASE,
)
_DASHED_TIME: Final = frozenset({"time", "when", "at", "on", "date", "in", "delay", "duration"})
_DASHED_TIME_MORE: Final = frozenset(
    {"due", "due-date", "deadline", "remind", "reminder", "after", "until"}
)


_REPEAT_WORDS: Final = frozenset({"daily", "weekly", "monthly", "yearly", "annually", "hourly"})
_FULL_DATE: Final = re.compile(r"\b\d{4}-\d{1,2}-\d{1,2}\b")


def dashed_options(rest: str) -> str | None:
    """ "This is an example reminder --time=1 hour" → 'in 1 hour "This is an example
    reminder"': the options of a command-line tool's kind said in plain words, the words
    outside them (or a message option) the message; None when no option names a time."""
    when: list[str] = []
    task: list[str] = []
    kept: list[str] = []
    position = 0
    for option in _DASHED.finditer(rest):
        label = option["label"].lower()
        value = option["value"].strip().strip(_QUOTES)
        kept.append(rest[position : option.start()])
        position = option.end()
        if (
            (label in _REPEAT_OPTIONS or label in _DASHED_TIME)
            and not DELAY.fullmatch(value)
            and (amount := DELAY.match(value)) is not None
            and value[amount.end() :].strip()
        ):
            # "/loop --every 5m run the test suite": the amount is the option's, the words after
            # it the message
            kept.append(value[amount.end() :])
            value = value[: amount.end()].strip()
        if label in _DASHED_TIME or label in _DASHED_TIME_MORE:
            if label in ("at", "on"):
                when.append(f"{label} {value}")
            else:
                when.append(f"in {value}" if DELAY.fullmatch(value) else value)
        elif label in _REPEAT_OPTIONS:
            when.append(f"every {value}" if DELAY.fullmatch(value) else value)
        elif label in _TASK_OPTIONS:
            task.append(value)
        else:
            return None  # an option we do not know may change what the rest means
    if not when:
        return None
    if len(when) == 2 and when[1] in _REPEAT_WORDS and _FULL_DATE.search(when[0]):
        # '--time "2027-02-01 08:00" --repeat monthly': repeats from that date on
        when = [when[1], "starting", when[0]]
    kept.append(rest[position:])
    message = " ".join([" ".join(kept).strip(), *task]).strip()
    said = " ".join(when)
    if not message:
        return said
    if any(q in message.strip(_QUOTES) for q in _QUOTES):
        return f"{said} {message}"  # 'todo -a "Send the documents" --deadline 1w'
    return f'{said} "{message.strip(_QUOTES)}"'


def _timer(text: str) -> str | None:
    """ "set a timer for 10 minutes" → "in 10 minutes"; "start a 25 minute timer for the
    pasta" → "in 25 minute for the pasta"; "timer 1h" → "in 1h"; None for anything else."""
    if "ime" not in text and "own" not in text and "IME" not in text and "OWN" not in text:
        return None
    timer = _TIMER.match(text)
    if timer is None:
        return _time_verb(text)
    rest = text[timer.end() :]
    amount = timer["amount"]
    if amount is None:
        name = timer["name"]
        rest = _TIMER_LABEL.sub(" ", rest).strip()
        rest = _AMOUNT_OF.sub(r"\g<amount> for ", rest, count=1)
        return f"in {rest} {name}" if name else f"in {rest}"
    if not DELAY.fullmatch(amount.replace("-", " ")):
        return None
    after = _TIMER_WORD.sub("", rest[len(amount) :], count=1)
    after = _TIMER_LABEL.sub(" ", after).strip()
    return f"in {amount.replace('-', ' ')} {after}".strip()


def _time_verb(text: str) -> str | None:
    """ "time my run for 20 minutes" → "in 20 minutes": "time" said as a verb, before what is
    timed and how long, is a timer of that long; None unless the rest is only an amount of
    time ("time the meeting for Friday" is no timer)."""
    verb = _TIME_VERB.match(text)
    if verb is None:
        return None
    rest = _THANKS.sub("", text[verb.end() :])
    if not DELAY.fullmatch(rest):
        return None
    timed = verb["timed"]
    return f"in {rest}" if timed.lower() in ("it", "this", "that") else f"in {rest} {timed}"


def _may_start_command(text: str) -> bool:
    """A cheap test before the pattern (the text comes with its spaces squeezed): a sign
    first, or "!" near the start, or a mention, or "remindme"."""
    first = text[:1]
    if first in _SIGNS or "!" in text[:24] or "emind" in text[:32]:
        return True
    head = text[:48].lower()
    if "timer" in head or "countdown" in head or head.startswith("time ") or "you time " in head:
        return True
    if first not in _FIRST_LETTERS:
        return False
    head = text[:8].lower()
    return head[:2] in _OPENINGS or head == "remindme" or _WAKE.match(text) is not None


# -- bare numbers: the seconds of IRC timers, a bot's interval ------------------------------------

# mIRC's and AdiIRC's "/timer[N|name] [name] <repetitions> <seconds> <command>" ("/timer1 0 20
# /ame is AWAY!": every 20 seconds, 0 repetitions being for ever), and a chat client's "/timer
# <name> [repeat] <seconds> <command>" ("/timer hb repeat 600 /me is still here")
_IRC_TIMER: Final = re.compile(
    r"^\s*[/.]timer[\w-]*(?:\s+(?P<name>[a-z][\w-]*))?(?:\s+(?P<repeat>repeat))?"
    r"(?:\s+(?P<reps>\d{1,4}))?\s+(?P<seconds>\d{1,6})\s+(?P<command>\S.*)$",
    re.IGNORECASE,
)
# Limnoria's Scheduler ("scheduler remind 3600 Hello World", "scheduler repeat cpu 600 status
# cpu"), a Twitch bot's notices ("!notices add 300 !command1"), NotificationBot's "!interval 3600":
# seconds, as their help says
_SECONDS_COMMAND: Final = re.compile(
    r"^\s*(?:[!@]?scheduler\s+(?:(?P<once>remind|add)|repeat\s+[\w-]+)"
    r"|!(?:notices?|timers?)\s+add|!interval)\s+(?P<seconds>\d{1,6})(?:\s+(?P<command>\S.*))?$",
    re.IGNORECASE,
)
# "!MyBot schedule add interval 60 #general Take a break!", "/reminder repeat 30 stretch": a
# number after "interval"/"repeat" in a bot's command, unit unsaid
_BOT_INTERVAL: Final = re.compile(
    r"^\s*(?:[/!.]|[a-z]{1,3}!)\S*(?:\s+\S+){0,3}?\s+(?:interval|repeat|every)\s+(?P<n>\d{1,5})"
    r"(?=\s|$)(?!\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|"
    r"mo|mos|months?|y|yrs?|years?|times?|x|am|pm|[ap]\.m\.)(?![a-z]))",
    re.IGNORECASE,
)
# "bot remind me in 15 Take the cookies out": a number of minutes after "in" (Bot::IRC's reminder);
# not "remind me in 2 and a half hours", whose unit comes after the fraction
_IN_BARE: Final = re.compile(
    r"^(?P<head>.*?\bremind\s+\S+\s+)in\s+(?P<n>\d{1,3})(?=\s+[A-Za-z])(?!\s+(?:s|secs?|seconds?|"
    r"m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|months?|years?|and\s+a\s+(?:half|quarter))\b)",
    re.IGNORECASE,
)
BOT_INTERVAL_NOTE: Final = (
    "the bot's interval has no unit: read as {unit} (it may be {other}), to confirm"
)
IN_BARE_NOTE: Final = "the number after “in” has no unit: read as minutes, to confirm"


def bare_amount(text: str) -> tuple[str, str | None] | None:
    """A bot's command with a number and no unit, said in words, and the note to confirm it by
    (None when its help says the unit): "/timer1 0 20 /ame is AWAY!" → "every 20 seconds /ame is
    AWAY!"; "!MyBot schedule add interval 60 #general Take a break!" → "every 60 minutes …" (to
    confirm: a bare number in such a command is minutes below 300, seconds from 300 on); "bot
    remind me in 15 Take the cookies out" → "… in 15 minutes …" (to confirm). None for other
    texts."""
    head = text[:40].lower()
    if "timer" in head and (timer := _IRC_TIMER.match(text)) is not None:
        command, reps = timer["command"], timer["reps"]
        if reps is None and not command.startswith(("/", "$", ".")) and timer["repeat"] is None:
            return None  # "/timer 10 minutes": a timer of its own kind
        seconds = timer["seconds"]
        command = _said_whole(command)
        if reps == "1" or (reps is None and timer["repeat"] is None):
            return f"in {seconds} seconds {command}", None
        if reps is not None and reps != "0":
            return f"every {seconds} seconds {reps} times {command}", None
        return f"every {seconds} seconds {command}", None
    if ("schedul" in head or "notice" in head or "timer" in head or "interval" in head) and (
        named := _SECONDS_COMMAND.match(text)
    ) is not None:
        how = "in" if named["once"] else "every"
        command = _said_whole(named["command"] or "")
        return f"{how} {named['seconds']} seconds {command}".strip(), None
    if ("interval" in head or "repeat" in head or "every" in head) and (
        interval := _BOT_INTERVAL.match(text)
    ) is not None:
        after = text[interval.end() :].split(None, 1)
        if after and after[0].lower() in LEXICON:
            return None  # "every 5 mondays", "every 2 at noon": a unit or a time of its own
        count = int(interval["n"])
        unit, other = ("seconds", "minutes") if count >= 300 else ("minutes", "seconds")
        said = f"every {count} {unit}{text[interval.end() :]}"
        return said, BOT_INTERVAL_NOTE.format(unit=unit, other=other)
    if " in " in text and "emind" in head and (bare := _IN_BARE.match(text)) is not None:
        said = f"{bare['head']}in {bare['n']} minutes{text[bare.end() :]}"
        return said, IN_BARE_NOTE
    return None


def _said_whole(command: str) -> str:
    """A timer's command in quotes, so that the times it names stay its own ("/me standup in 30
    minutes"); as it is when it has quotes of its own, or nothing."""
    if not command or any(q in command for q in _QUOTES):
        return command
    return f'"{command}"'


# a config's or a command's key for how often, and an amount of time ("interval=5m",
# "interval: 30m", "--interval=1h", "every: 2h", "period='15m'")
_INTERVAL_KEY: Final = re.compile(
    r"(?<![\w-])(?:--?)?(?:interval|every|repeat|frequency|freq|period|poll[_-]?interval)"
    r"(?:[_-]?(?:time|length))?\s*[=:]\s*(?P<quote>[\"'`]?)(?P<amount>"
    + _AMOUNT
    + r"(?:\s*(?:,|and)?\s*"
    + _AMOUNT
    + r")*)(?P=quote)(?![\w:])",
    re.IGNORECASE,
)


_INTERVAL_HINT: Final = re.compile(r"(?:interval|every|repeat|freq|period)[\w-]*[\"'`]?\s*[=:]")
# a key whose name says the unit of its number: "everyMs": 3600000 (OpenClaw's agent schedules),
# "interval_seconds = 300", "pollIntervalMs: 60000", "every_minutes: 15"
_UNIT_KEY: Final = re.compile(
    r"(?<![\w-])[\"'`]?[a-z_]{0,20}?(?:every|interval|period|frequency|repeat)[_-]?(?:in[_-]?)?"
    r"(?P<unit>ms|millis|milliseconds|secs?|seconds|mins?|minutes|hrs?|hours)[\"'`]?"
    r"\s*[=:]\s*[\"'`]?(?P<n>\d{1,12})(?![\w.:])",
    re.IGNORECASE,
)
_UNIT_SECONDS: Final = {"ms": 0, "se": 1, "mi": 60, "hr": 3600, "ho": 3600}


_MILLISECONDS: Final = re.compile(r"\b(?P<n>\d{4,9})\s*(?:ms|millis(?:econds?)?)\b", re.IGNORECASE)


def milliseconds_said(text: str) -> str | None:
    """ "every 10000 milliseconds (10 seconds)", "repeat every 60000ms": a whole number of
    seconds written in milliseconds (as code's intervals are), said in seconds; None when the
    text has none (or only amounts that are no whole second: "1500 ms")."""
    changed = False

    def seconds(found: re.Match[str]) -> str:
        nonlocal changed
        amount = int(found["n"])
        if amount % 1000:
            return found.group()
        changed = True
        return f"{amount // 1000} seconds"

    said = _MILLISECONDS.sub(seconds, text)
    return said if changed else None


# "run nightly releases on a two-hour schedule", "runs on a 6-hour cycle", "on a 15 minute
# cadence": how often, said as the length of a schedule's period
_PERIOD_SAID: Final = re.compile(
    r"\b(?:on|in|with|using)\s+an?\s+(?P<n>\d{1,3}|one|two|three|four|five|six|eight|ten|twelve|"
    r"fifteen|twenty|thirty)[\s-]?(?P<unit>minute|min|hour|hr|day|week)s?[\s-]?"
    r"(?:schedule|cycle|cadence|basis|interval|rotation|loop|timer)\b",
    re.IGNORECASE,
)
_UNITS_SAID: Final = {"min": "minute", "hr": "hour"}


def period_said(text: str) -> str | None:
    """ "on a two-hour schedule" → "every two hours": a schedule's period said as its length;
    None when the text says none."""
    if (  # (most texts have none of these: a few substring looks, no pattern)
        "schedule" not in text
        and "cycle" not in text
        and "cadence" not in text
        and "basis" not in text
        and "interval" not in text
        and "rotation" not in text
        and "loop" not in text
    ):
        return None
    found = _PERIOD_SAID.search(text)
    if found is None:
        return None
    unit = found["unit"].lower()
    every = f"every {found['n']} {_UNITS_SAID.get(unit, unit)}s"
    return f"{text[: found.start()]}{every}{text[found.end() :]}"


def _keyed_unit(text: str) -> str | None:
    """'{"kind": "every", "everyMs": 3600000}' → '{"kind": "every", every 1 hour}': an amount
    under a key whose name says its unit, said as "every"; None when there is none, or the
    amount is no whole number of seconds ("everyMs": 1500)."""
    match = _UNIT_KEY.search(text)
    if match is None:
        return None
    unit, amount = match["unit"].lower(), int(match["n"])
    if unit.startswith(("ms", "milli")):
        if amount % 1000:
            return None
        seconds = amount // 1000
    else:
        seconds = amount * _UNIT_SECONDS[unit[:2]]
    if not seconds:
        return None
    for name, size in (("day", 86400), ("hour", 3600), ("minute", 60), ("second", 1)):
        if seconds % size == 0:
            count = seconds // size
            said = f"every {count} {name}{'s' if count != 1 else ''}"
            break
    return f"{text[: match.start()]}{said}{text[match.end() :]}"


def labelled_interval(text: str) -> str | None:
    """ "schedule interval=5m task=cleanup" → "schedule every 5m task=cleanup": an amount of time
    given to a key that says how often, said as "every"; None when the text has none."""
    lowered = text.lower()
    if (
        "interval" not in lowered
        and "every" not in lowered
        and "repeat" not in lowered
        and "freq" not in lowered
        and "period" not in lowered
    ) or _INTERVAL_HINT.search(lowered) is None:
        return None  # most texts: a few looks, then one plain pattern (0.4 µs, not 1.5)
    match = _INTERVAL_KEY.search(text)
    if match is None:
        return _keyed_unit(text)
    before = text[: match.start()]
    if before[-1:] in ("?", "&") or (
        "=" not in text[match.start() : match.start("amount")] and before.strip(" -\t\"'`{")
    ):
        # "?interval=5m&…" (a web address's query); "the interval: 30m is too short" (a key
        # with ":" counts only first, as a config line writes it)
        return None
    return f"{text[: match.start()]}every {match['amount']}{text[match.end() :]}"
