"""A rule that raises is a bug; it must not cost the user a server error on any way in."""

from __future__ import annotations

import asyncio
import importlib
import logging
from datetime import UTC, datetime

import pytest

from agentcron.parsers import understand

NOW = datetime(2026, 1, 14, 10, 0, tzinfo=UTC)


def test_a_rule_that_raises_refuses_the_text_and_logs_the_failure(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # the module (the package's `understand` is the function of the same name)
    module = importlib.import_module("agentcron.parsers.understand")

    def broken(*args: object, **kwargs: object) -> object:
        raise ValueError("minute must be in 0..59")  # as a rule's bug once did

    monkeypatch.setattr(module, "_understand", broken)
    with caplog.at_level(logging.ERROR, logger="agentcron.parsers"):
        result = asyncio.run(understand("every day at 9am secret-token-123", now=NOW))
    assert result.schedule is None
    assert result.reason is not None and "could not be read" in result.reason
    assert "failed on a text of 33 characters" in caplog.text
    assert "secret-token-123" not in caplog.text  # the text itself is never logged


def test_a_text_the_rules_read_is_answered_as_before() -> None:
    result = asyncio.run(understand("every day at 9am", now=NOW))
    assert result.schedule is not None
