"""A loop's failures, logged once per spell instead of once per turn.

While the database is down every loop of the engine fails on every turn; logging each one
with its traceback buried the one line that mattered under hundreds. A ``FailureSpell``
logs the first failure of a spell — an outage in one line, anything else with its
traceback, since that may be a bug — stays quiet while the same loop keeps failing, and
says when it works again and how long it did not.
"""

from __future__ import annotations

import logging
import time

from agentcron.app.storage.database import outage


class FailureSpell:
    def __init__(self, log: logging.Logger, what: str) -> None:
        self.log = log
        self.what = what
        self.since: float | None = None
        self.failures = 0

    def failed(self, exc: BaseException) -> None:
        self.failures += 1
        if self.since is not None:
            return
        self.since = time.monotonic()
        down = outage(exc)
        if down is not None:
            self.log.warning("%s failed: %s; retrying quietly until it works", self.what, down)
        else:
            self.log.error("%s failed; retrying quietly until it works", self.what, exc_info=exc)

    def succeeded(self) -> None:
        if self.since is None:
            return
        self.log.warning(
            "%s works again after %d failures in %.1f s",
            self.what,
            self.failures,
            time.monotonic() - self.since,
        )
        self.since = None
        self.failures = 0
