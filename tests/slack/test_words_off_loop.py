"""A Slack command's words are read off the event loop (app/offload.py), as ``POST /parse-nl``'s
are (tests/hostile/test_words_off_loop.py, whose gate this borrows): the draft of a command,
its words read with the LLM's stage when one is configured, ran on the loop after the command
was acknowledged, holding every other request for as long as the parser worked."""

from __future__ import annotations

import asyncio

from tests.hostile.test_words_off_loop import WAIT, Held, held
from tests.slack.conftest import SlackUser, card_text

__all__ = ["held"]  # the fixture, used here


async def test_a_slack_command_is_read_off_the_loop(alice: SlackUser, held: Held) -> None:
    # the slash command is acknowledged at once; its draft (the reading of its words) ran on
    # the loop after that, and with an LLM the whole of it
    command = "every weekday at 9am check the build"
    response, ident = await alice.send_command(command, settle=False)
    assert response.status_code == 200, response.text
    assert await asyncio.to_thread(held.entered.wait, WAIT * 2)
    health = await alice.http.get("/healthz")
    assert health.status_code == 200
    assert not alice.fake.responses(ident), "the draft was answered before /healthz: on the loop"
    held.release.set()
    slack = alice.slack
    await slack.background.wait_idle()
    replies = alice.fake.responses(ident)
    assert len(replies) == 1
    assert "check the build" in card_text(replies[0])
