"""Text the service did not write — agent output, fetched pages, job names, errors — made
safe to post in Slack. Pure.

Slack turns ``<!channel>``, ``<!here>``, ``<!everyone>``, ``<!subteam^…>`` and ``<@U…>`` into
notifications, and ``<url|label>`` or ``[label](url)`` into a link whose label may name
another site than the one it opens. A page an agent fetched can contain any of these, so by
default every one is *neutralised*: a mention becomes its readable name with an invisible
word joiner after the ``@`` (it reads "@here" but pings nobody, even where Slack links bare
``@here``), and a link whose label looks like a different address shows its real target
beside the label. A job whose owner allowed mentions (``delivery.allow_mentions``) keeps
mentions working; misleading links are neutralised whatever the setting.

Two outputs, for Slack's two markups: ``defuse_markdown`` for the ``markdown`` block
(standard markdown) and plain-text fields, ``mrkdwn`` for every field Slack reads as mrkdwn
(the top-level ``text`` fallback, ``mrkdwn`` text objects), which also escapes ``&``, ``<``
and ``>`` outside the mentions that were kept.
"""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

#: U+2060 WORD JOINER: invisible, and no mention parser reads "@\u2060here" as "@here"
JOINER: Final = "\u2060"
SPECIAL: Final = ("here", "channel", "everyone")

# Slack's angle-bracket syntax: <!here>, <!subteam^S1|@team>, <@U1|bob>, <#C1|ops>, <url|label>
_ANGLE: Final = re.compile(r"<([!@#][^<>\s|]*|[a-z][a-z0-9+.-]*:[^<>\s|]*)(?:\|([^<>]*))?>", re.I)
# a bare @here / @channel / @everyone (not an e-mail address: nothing word-like before the @)
_BARE: Final = re.compile(r"(?<![\w.@])@(here|channel|everyone)\b", re.I)
# markdown links [label](url "title")
_MD_LINK: Final = re.compile(
    r"(!?)\[([^\[\]\n]{1,500})\]\(\s*<?([^()<>\s]+)>?(?:\s+\"[^\"]*\")?\s*\)"
)
# something in a label that reads as an address: example.com, https://x.y/z, www.bank
_ADDRESS: Final = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://)?((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63})\b", re.I
)
_MRKDWN_ESCAPES: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape_mrkdwn(text: str) -> str:
    """Slack's three control characters escaped; nothing else changes."""
    return text.translate(_MRKDWN_ESCAPES)


def quiet(text: str) -> str:
    """A bare ``@here``/``@channel``/``@everyone`` with a word joiner after the ``@``."""
    return _BARE.sub(lambda m: f"@{JOINER}{m.group(1)}", text)


def misleading(label: str, url: str) -> bool:
    """True when ``label`` names an address on another host than ``url`` opens.

    "example.com" for https://docs.example.com/x is honest (the label's host or a subdomain of
    it); "paypal.com" for https://evil.test is not; "the report" for anything is just a label.
    """
    target = _host(url)
    for match in _ADDRESS.finditer(label):
        shown = match.group(1).lower().removeprefix("www.")
        if target is None or not (target == shown or target.endswith("." + shown)):
            return True
    return False


def defuse_markdown(text: str, *, allow_mentions: bool = False) -> str:
    """Markdown (or plain text) with mentions neutralised — unless ``allow_mentions`` — and
    misleading links shown with their real target. Slack's ``<url|label>`` links become
    markdown links, since the ``markdown`` block does not read Slack's own link syntax."""

    def angle(match: re.Match[str]) -> str:
        token = _Token.read(match)
        if token.mention and allow_mentions:
            return match.group(0)
        return token.as_markdown()

    text = _ANGLE.sub(angle, text)
    text = _MD_LINK.sub(_md_link, text)
    return text if allow_mentions else quiet(text)


def mrkdwn(text: str, *, allow_mentions: bool = False) -> str:
    """Text for a field Slack parses as mrkdwn: escaped, with mentions kept only when
    allowed (as Slack's own tokens) and links shown as their label and target."""
    out: list[str] = []
    last = 0
    for match in _ANGLE.finditer(text):
        out.append(_plain_mrkdwn(text[last : match.start()], allow_mentions))
        token = _Token.read(match)
        if (token.mention and allow_mentions) or token.body.startswith("#"):
            out.append(token.as_mrkdwn())  # a channel link notifies nobody: keep it
        else:
            out.append(escape_mrkdwn(_de_link(token.as_markdown())))
        last = match.end()
    out.append(_plain_mrkdwn(text[last:], allow_mentions))
    return "".join(out)


# --- pieces -------------------------------------------------------------------------------


class _Token:
    """One ``<…>`` token: what it is and how it reads once neutralised."""

    def __init__(self, body: str, label: str | None) -> None:
        self.body = body
        self.label = label

    @classmethod
    def read(cls, match: re.Match[str]) -> _Token:
        return cls(match.group(1), match.group(2))

    @property
    def mention(self) -> bool:
        """A token that notifies someone (a channel link or a date does not)."""
        if self.body.startswith("@"):
            return True
        if self.body.startswith("!"):
            name = self.body[1:].split("^", 1)[0].lower()
            return name in SPECIAL or name == "subteam"
        return False

    def as_markdown(self) -> str:
        body, label = self.body, self.label
        if body.startswith("@"):  # a user: their label, else the id, never a ping
            return "@" + JOINER + (label or body[1:]).lstrip("@")
        if body.startswith("#"):  # a channel link notifies nobody; show its name
            return "#" + (label or body[1:]).lstrip("#")
        if body.startswith("!"):
            name = body[1:].partition("^")[0]
            if name.lower() in SPECIAL:
                return f"@{JOINER}{name.lower()}"
            if name.lower() == "subteam":
                return "@" + JOINER + (label or "group").lstrip("@")
            if name.lower() == "date":
                return label or ""
            return label or name
        # a link: Slack would show ``label`` and open ``body``
        if label is None or not label.strip():
            return body.removeprefix("mailto:")
        if misleading(label, body):
            return f"{label} ({body})"
        return f"[{_md_label(label)}]({body})"

    def as_mrkdwn(self) -> str:
        label = f"|{escape_mrkdwn(self.label)}" if self.label is not None else ""
        return f"<{self.body}{label}>"


def _md_link(match: re.Match[str]) -> str:
    bang, label, url = match.group(1), match.group(2), match.group(3)
    if misleading(label, url):
        return f"{label} ({url})"
    return f"{bang}[{label}]({url})"


def _de_link(markdown_text: str) -> str:
    """A markdown link written as text for mrkdwn: "label (url)" when they differ."""
    return _MD_LINK.sub(
        lambda m: m.group(3) if m.group(2) == m.group(3) else f"{m.group(2)} ({m.group(3)})",
        markdown_text,
    )


def _plain_mrkdwn(text: str, allow_mentions: bool) -> str:
    text = escape_mrkdwn(_MD_LINK.sub(_md_link, text))
    return text if allow_mentions else quiet(text)


def _md_label(label: str) -> str:
    return label.replace("[", "(").replace("]", ")")


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host.lower().removeprefix("www.") if host else None
