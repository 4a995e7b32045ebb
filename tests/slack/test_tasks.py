"""Work after the acknowledgement: failures become a short apology, never a trace."""

from __future__ import annotations

import asyncio
import logging
import re

import pytest

from agentcron.app.slack.cards import Reply, notice
from agentcron.app.slack.tasks import Background


async def test_a_reply_is_sent_when_the_work_is_done() -> None:
    sent: list[Reply] = []

    async def work() -> Reply:
        return notice("done")

    async def send(reply: Reply) -> None:
        sent.append(reply)

    background = Background()
    background.answer(work, send, name="test")
    assert len(background) == 1
    await background.wait_idle()
    assert [r.text for r in sent] == ["done"]
    assert len(background) == 0


async def test_a_failure_is_answered_with_a_reference_that_is_in_the_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    sent: list[Reply] = []

    async def work() -> Reply:
        raise KeyError("secret internals")

    async def send(reply: Reply) -> None:
        sent.append(reply)

    background = Background()
    with caplog.at_level(logging.ERROR, logger="agentcron.slack"):
        background.answer(work, send, name="test")
        await background.wait_idle()
    [reply] = sent
    assert "secret" not in reply.text and "KeyError" not in reply.text
    match = re.search(r"err_[a-z0-9]+", reply.text)
    assert match is not None
    assert match.group() in caplog.text and "secret internals" in caplog.text


async def test_a_reply_that_cannot_be_sent_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    async def work() -> Reply:
        return notice("done")

    async def send(reply: Reply) -> None:
        raise ConnectionError("slack is down")

    background = Background()
    with caplog.at_level(logging.ERROR, logger="agentcron.slack"):
        background.answer(work, send, name="test")
        await background.wait_idle()
    assert "could not answer slack test" in caplog.text


async def test_wait_idle_waits_for_work_started_by_work() -> None:
    order: list[str] = []
    background = Background()

    async def inner() -> None:
        await asyncio.sleep(0)
        order.append("inner")

    async def outer() -> None:
        background.spawn(inner(), name="inner")
        order.append("outer")

    background.spawn(outer(), name="outer")
    await background.wait_idle()
    assert order == ["outer", "inner"]


async def test_aclose_cancels_what_does_not_finish_in_time() -> None:
    release = asyncio.Event()

    async def stuck() -> None:
        await release.wait()

    background = Background()
    background.spawn(stuck(), name="stuck")
    await background.aclose(grace=0)
    assert len(background) == 0
