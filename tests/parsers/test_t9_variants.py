"""Round nine (consistency9): more ways people write the same request, for the metamorphic
check (tests/parsers/variants.py): capitals ("EVERY MONDAY AT 9AM", "Every Monday At 9am"),
a trailing "!", "could you please …?" and "kindly", "daily"/"every day"/"each day" and
"hourly"/"every hour", "@ 9am" for "at 9am", "tmrw" for "tomorrow". Each kind's rewrite is
shown here on examples; its invariance is held by test_t8_variants' sample test.
"""

from __future__ import annotations

import pytest

from tests.parsers import variants as v


@pytest.mark.parametrize(
    ("kind", "text", "rewritten"),
    [
        ("case UPPER CASE", "remind me tmrw 7am yoga", "REMIND ME TMRW 7AM YOGA"),
        ("case UPPER CASE", "At 06:00 AM", None),  # cron-descriptor's wording: left alone
        ("case UPPER CASE", "Wed, 17:48", None),  # systemd's short form: left alone
        ("case UPPER CASE", "0 9 * * 1", None),  # code
        ("case Title Case", "run the backup every day at 9am", "Run The Backup Every Day At 9am"),
        ("case Title Case", "at 9 o'clock", "At 9 O'clock"),
        (
            "frame trailing !",
            "run the backup every day at 9am.",
            "run the backup every day at 9am!",
        ),
        ("frame trailing !", "is it every day at 9am?", None),
        (
            "frame could you please ...?",
            "post the report every Monday at 9am.",
            "Could you please post the report every Monday at 9am?",
        ),
        ("frame could you please ...?", "please post the report at 9am", None),
        ("frame kindly", "set a timer for five minutes", "kindly set a timer for five minutes"),
        (
            "interval every day->daily",
            "run the backup every day at 9am",
            "run the backup daily at 9am",
        ),
        ("interval every day->daily", "Every hour from 9am to 5pm", "Hourly from 9am to 5pm"),
        ("interval every day->daily", "every day of the week at 9", None),
        (
            "interval daily->every day",
            "Daily at 9am post the report",
            "Every day at 9am post the report",
        ),
        ("interval daily->every day", "post the daily report at 9am", None),  # an adjective
        ("interval every day->each day", "every day at 9am", "each day at 9am"),
        ("time at->@", "remind me tomorrow at 9am", "remind me tomorrow @ 9am"),
        ("time at->@", "meet at the office", None),
        ("day tomorrow->tmrw", "remind me tomorrow at 9am", "remind me tmrw at 9am"),
    ],
)
def test_the_new_kinds_rewrite(kind: str, text: str, rewritten: str | None) -> None:
    assert v.KINDS[kind].rewrite(text) == rewritten


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # rewrites that would break the text or leave another convention are not made
        ("Runtime - Daily at 09:00utc/2:00am mountain", "time 9:00 AM"),  # a glued word
        ("remind me at 2026-06-13T19:00:00+00:00 to join standup", "time 9:00 AM"),  # ISO
        ("Every five minutes every weekday from 3 to 5 pm", "time 09:00"),  # a bare start
        ("Wed, 17:48", "time 9:00 AM"),  # systemd's short form
        ("at 9am on Saturday", "time 09:00"),  # lands on crontab.guru's "at 09:00 on Saturday"
    ],
)
def test_rewrites_that_would_change_the_convention_are_not_made(text: str, kind: str) -> None:
    assert v.KINDS[kind].rewrite(text) is None
