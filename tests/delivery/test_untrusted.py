"""Untrusted text made safe for Slack: mentions neutralised, misleading links shown, mrkdwn
escaped. Pure, a table of inputs written the way pages and models write them."""

from __future__ import annotations

import re

import pytest

from agentcron.delivery.untrusted import (
    JOINER,
    defuse_markdown,
    escape_mrkdwn,
    misleading,
    mrkdwn,
    quiet,
)

#: what Slack turns into a notification in a mrkdwn or markdown field
PINGS = re.compile(
    r"<!(?:here|channel|everyone|subteam)|<@[UW]|(?<![\w.@])@(?:here|channel|everyone)\b"
)

HOSTILE = [
    "<!channel> the build is broken",
    "<!here|here> look",
    "<!everyone>",
    "ping <!subteam^S0123|@oncall> now",
    "thanks <@U0BOSS> and <@W0ADMIN|boss>",
    "plain @here and @channel and @everyone",
    "@HERE shouting",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_mention_survives_by_default(text: str) -> None:
    assert not PINGS.search(defuse_markdown(text))
    assert not PINGS.search(mrkdwn(text))


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        ("<!channel> the build", "@channel the build"),
        ("<!subteam^S0123|@oncall>", "@oncall"),
        ("<!subteam^S0123>", "@group"),
        ("<@U0BOSS>", "@U0BOSS"),
        ("<@U0BOSS|boss>", "@boss"),
        ("mail a@here.test", "mail a@here.test"),
        ("<#C0OPS|ops>", "#ops"),
    ],
)
def test_a_neutralised_mention_still_reads_as_its_name(text: str, reads: str) -> None:
    assert defuse_markdown(text).replace(JOINER, "") == reads


def test_allowed_mentions_are_kept_as_slack_tokens() -> None:
    text = "<!here> deploy done, thanks <@U0BOSS> & co"
    assert defuse_markdown(text, allow_mentions=True) == text
    assert mrkdwn(text, allow_mentions=True) == "<!here> deploy done, thanks <@U0BOSS> &amp; co"


def test_mrkdwn_escapes_the_control_characters_outside_kept_mentions() -> None:
    assert mrkdwn("a < b && c > d") == "a &lt; b &amp;&amp; c &gt; d"
    assert escape_mrkdwn("<x>") == "&lt;x&gt;"


def test_a_channel_link_is_kept_in_mrkdwn_since_it_notifies_nobody() -> None:
    assert mrkdwn("see <#C0OPS|ops>") == "see <#C0OPS|ops>"


@pytest.mark.parametrize(
    ("label", "url", "bad"),
    [
        ("paypal.com", "https://evil.test/login", True),
        ("https://bank.example", "https://evil.test", True),
        ("www.bank.example", "https://bank.example/x", False),
        ("example.com", "https://docs.example.com/x", False),
        ("docs.example.com", "https://example.com", True),
        ("the report", "https://evil.test", False),
        ("see bank.example now", "https://bank.example.evil.test", True),
    ],
)
def test_a_label_that_names_another_host_is_misleading(label: str, url: str, bad: bool) -> None:
    assert misleading(label, url) is bad


def test_misleading_links_show_their_target_in_both_markups() -> None:
    md = "Log in at [paypal.com](https://evil.test/p) or <https://evil.test/q|https://bank.example>"
    assert defuse_markdown(md) == (
        "Log in at paypal.com (https://evil.test/p) or https://bank.example (https://evil.test/q)"
    )
    # even when mentions are allowed: a lying link has no owner's consent to give
    assert "(https://evil.test/p)" in defuse_markdown(md, allow_mentions=True)
    assert mrkdwn(md) == (
        "Log in at paypal.com (https://evil.test/p) or https://bank.example (https://evil.test/q)"
    )


def test_honest_links_stay_links() -> None:
    assert defuse_markdown("[chart](https://ex.test/c)") == "[chart](https://ex.test/c)"
    assert defuse_markdown("<https://ex.test/c|the chart>") == "[the chart](https://ex.test/c)"
    assert defuse_markdown("<https://ex.test/c>") == "https://ex.test/c"


def test_quiet_leaves_addresses_and_words_alone() -> None:
    assert quiet("write to ops@here.test or here") == "write to ops@here.test or here"
    assert quiet("@channel") == f"@{JOINER}channel"
