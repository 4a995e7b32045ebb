"""The composed service: settings, clock, database and stores, shared by API, engine and Slack."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from agentcron.app.clock import Clock, SystemClock
from agentcron.app.config import Settings
from agentcron.app.ids import new_id
from agentcron.app.limits import Policies, RateLimiter
from agentcron.app.storage.database import Database
from agentcron.app.storage.jobs import JobStore
from agentcron.app.storage.keys import KeyStore
from agentcron.app.storage.ratelimits import rate_limit_store
from agentcron.app.storage.runs import RunStore


class Runtime:
    def __init__(self, settings: Settings, *, clock: Clock | None = None) -> None:
        self.settings = settings
        self.clock: Clock = clock or SystemClock()
        self.db = Database(settings.database_url)
        self.keys = KeyStore(self.db)
        self.jobs = JobStore(self.db)
        self.runs = RunStore(self.db)
        self.limiter = RateLimiter(
            rate_limit_store(self.db),
            Policies.from_text(
                parse_key=settings.rate_limit_parse_key,
                parse_address=settings.rate_limit_parse_address,
                api_key=settings.rate_limit_api_key,
            ),
        )
        self.instance_id = new_id("inst", length=10)
        self.roles: set[str] = set()
        # called after any change that may move a job's next fire time; the engine subscribes
        self._listeners: list[Callable[[], None]] = []
        self._run_listeners: list[Callable[[], None]] = []
        self._cancel_listeners: list[Callable[[str], None]] = []
        self._revoke_listeners: list[Callable[[list[str]], None]] = []
        self.engine: Any = None  # the EngineService, when this instance runs one
        self.started = asyncio.Event()
        self._llm_parser: Any = None

    def on_jobs_changed(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def jobs_changed(self) -> None:
        for listener in self._listeners:
            listener()

    def llm_parser(self) -> Any:
        """The parser's LLM stage, or None when no LLM is configured."""
        if not self.settings.llm_configured:
            return None
        if self._llm_parser is None:
            from agentcron.parsers.llm import LLMParser

            self._llm_parser = LLMParser.from_settings(
                api_key=self.settings.openai_api_key,
                base_url=self.settings.openai_base_url,
                model=self.settings.llm_model,
            )
        return self._llm_parser

    def on_runs_queued(self, listener: Callable[[], None]) -> None:
        self._run_listeners.append(listener)

    def runs_queued(self) -> None:
        for listener in self._run_listeners:
            listener()

    def on_runs_revoked(self, listener: Callable[[list[str]], None]) -> None:
        self._revoke_listeners.append(listener)

    def runs_revoked(self, run_ids: list[str]) -> None:
        """Runs fired ahead of their slot were ended before it came (their job was paused or
        deleted): whoever holds them must not start them."""
        if run_ids:
            for listener in self._revoke_listeners:
                listener(run_ids)

    def on_cancel_requested(self, listener: Callable[[str], None]) -> None:
        self._cancel_listeners.append(listener)

    def cancel_requested(self, run_id: str) -> None:
        for listener in self._cancel_listeners:
            listener(run_id)

    async def close(self) -> None:
        if self._llm_parser is not None:
            await self._llm_parser.aclose()
            self._llm_parser = None
        await self.limiter.store.close()
        await self.db.close()
