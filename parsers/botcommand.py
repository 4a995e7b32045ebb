"""A chat bot's command in front of a reminder, said in plain words.

Reminder bots are called in many ways: a slash command ("/remindme 2h stretch", "/timer 25m
Break"), a sign before or after the command's name ("!remind #general 1h Event starting",
"RemindMe! 2 days", "r!remind 1day, Do something"), or a mention of the bot ("u/RemindMeBot 2
days", "@**Reminder Bot** "Water the plants." in 20 minutes", "@remind here in 3 hours …").
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

_COMMAND: Final = re.compile(
    r"""^\s*(?:(?:hey|hi|ok|okay)[\s,]+)?
    (?:
        # a mention of a reminder bot: u/RemindMeBot, @OGRemindMeBot, @**Reminder Bot**
        (?P<mention>(?:u/|@)(?:\*\*)?[a-z]*remind[a-z ]{0,12}?bot(?:\*\*)?)[\s,:]*
        (?:[/!]?(?P<after>remind[\s_-]?me)!?(?=[\s,:]|$))?
      | (?P<spaced>remind\s+me)!(?=[\s,:]|$)
      | (?P<sign>[/!@$.?;]|[a-z]{1,3}[!.?$])?
        (?P<name>remind[_-]?me|remind|reminder|timer|countdown|alarm|schedule|task|todo|
            daily|weekly|hourly|monthly|yearly|nightly)
        (?P<bang>!)?(?=[\s,:]|$)
    )[\s,:]*""",
    re.IGNORECASE | re.VERBOSE,
)
# a sign that the text starts with a bot's command: only then is the pattern tried
_SIGNS: Final = frozenset("/!@$.?;")
_OPENINGS: Final = frozenset({"u/", "he", "hi", "ok"})
_REMIND_ME: Final = frozenset({"remindme", "remind-me", "remind_me"})
_FREQUENCIES: Final = frozenset({"daily", "weekly", "hourly", "monthly", "yearly", "nightly"})
# who a command names right after its name (as understand._REMIND reads them)
_TARGET: Final = re.compile(
    r"(?P<who>me|us|here|everyone|the\s+team|[#@~][a-z][\w.-]{0,79}|<[#@][^>]+>)(?=[\s,:]|$)[\s,:]*",
    re.IGNORECASE,
)
_AMOUNT: Final = (
    r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*"
    r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|"
    r"months?|y|yrs?|years?)(?![a-z])"
)
# "2 days", "1h30m", "2d 3h 5m", "1 hour and 30 minutes" — not "2 hours before the call"
_DELAY: Final = re.compile(
    rf"{_AMOUNT}(?:\s*(?:,|and)?\s*{_AMOUNT})*"
    r"(?!\s*(?:before|after|ago|earlier|later|prior|from|until|till|every|each|of)\b)",
    re.IGNORECASE,
)


def plain_command(text: str) -> str:
    """`text` with a bot's command at its start said in plain words; `text` itself when it
    does not start with one."""
    if not _may_start_command(text):
        return text
    match = _COMMAND.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    name = (match["name"] or "").lower()
    sign = match["sign"]
    if name in _FREQUENCIES:
        # "/daily 09:00 …"; "@daily" is cron's macro for midnight, read elsewhere
        return f"{name} {rest}".strip() if sign in ("/", "!") else text
    speaker = bool(match["mention"] or match["after"] or match["spaced"]) or name in _REMIND_ME
    if name and not (speaker or sign or match["bang"]):
        return text  # "remind" or "timer" as a plain word ("timer 5 minutes"): not a command
    who, others = None, []
    while (target := _TARGET.match(rest)) is not None:
        others.append(target["who"])
        rest = rest[target.end() :]
    if others:
        who = others.pop(0)
    elif speaker:
        who = "me"
    if _DELAY.match(rest) is not None:
        rest = "in " + rest
    rest = " ".join([rest, *others]) if others else rest  # "!remind #events @Role 30m …"
    return f"remind {who} {rest}".strip() if who else rest.strip()


def _may_start_command(text: str) -> bool:
    """A cheap test before the pattern (the text comes with its spaces squeezed): a sign
    first, or "!" near the start, or a mention, or "remindme"."""
    first = text[:1]
    if first in _SIGNS or "!" in text[:24]:
        return True
    if first not in "uhorUHOR":
        return False
    head = text[:8].lower()
    return head[:2] in _OPENINGS or head == "remindme"
