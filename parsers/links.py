"""Web addresses, mail addresses and file paths in a text: never a time, a zone or a day.

Meeting tables and chat messages carry links beside their schedule ("| 2nd / 4th Friday 9am
PDT | [Zoom](https://zoom.us/my/k8ssigaws) |", "[Bi-weekly, Tuesdays 10:30AM
PST](https://calendar.google.com/calendar?cid=…)", "`10:15 AM Pacific Time
<https://www.thetimezoneconverter.com/?t=9%3A00%20am>`_"). Read as words, an address gives a
zone ("us/my/k8ssigaws"), hours ("?t=9:00"), a date ("/2019-10-22/") or a day ("…/friday").
`link_spans` finds them so that the tokenizer reads each as one word of the task: the link's
text is read, its address is opaque.
"""

from __future__ import annotations

import re
from typing import Final

# "https://zoom.us/j/123?pwd=…", "www.example.com/x", "mailto:tac@lists.aswf.io", an address
# in angle brackets; it stops at a space, a quote or a bracket (markdown's "(…)" around it)
_ADDRESS: Final = (
    r"(?:(?:https?|ftp|wss?)://|www\.|mailto:)[^\s<>()\[\]{}\"'`|]+"
    # "sre-team@example.com", "tac@lists.aswf.io": someone's mail address
    r"|(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])"
    # "/etc/cron.d/backup-0300", "~/jobs/run_9am.sh", "./scripts/nightly-2am.sh": a path with
    # two parts at least after its root ("/remind" is a command, "1/5" a date, "M/W/F" days)
    r"|(?<![\w/.~-])(?:~|\.{1,2})?/[\w.-]+/[\w./-]*[\w]"
    # "scripts/backup_2am.sh", "jobs/0900-report.py": a relative path to a file
    r"|(?<![\w/.-])[\w.-]+(?:/[\w.-]+)+\.(?:sh|py|rb|js|ts|go|ya?ml|json|toml|ini|cfg|conf|md|"
    r"txt|log|csv|sql|ps1|bat|cron|service|timer)(?![\w])"
)
_LINK: Final = re.compile(_ADDRESS, re.IGNORECASE)


def may_hold_link(text: str) -> bool:
    """A cheap test before `link_spans`: an address needs "://", "www.", "@" or "/" with a
    dot or a second "/" (most texts have none)."""
    if "://" in text or "www." in text or "WWW." in text:
        return True
    if "@" in text and "." in text:
        return True
    slash = text.find("/")
    return slash >= 0 and ("." in text or text.find("/", slash + 1) >= 0)


def link_spans(text: str) -> list[tuple[int, int]]:
    """Where the web addresses, mail addresses and file paths of `text` are, in order ("see
    https://zoom.us/my/room at 9am" → [(4, 27)]); a sentence's full stop or comma after one is
    not part of it."""
    spans: list[tuple[int, int]] = []
    for match in _LINK.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in ".,;:!?":
            end -= 1  # "… at https://example.com." ends a sentence
        spans.append((start, end))
    return spans
