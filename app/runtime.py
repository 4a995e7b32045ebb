"""The composed service: settings, clock, database and stores, shared by API, engine and Slack."""

from __future__ import annotations

import asyncio
from typing import Any

from agentcron.app.clock import Clock, SystemClock
from agentcron.app.config import Settings
from agentcron.app.domain.hostjobs import HostJobs
from agentcron.app.ids import new_id
from agentcron.app.limits import Policies, RateLimiter
from agentcron.app.storage.database import Database
from agentcron.app.storage.jobs import JobStore
from agentcron.app.storage.keys import KeyStore
from agentcron.app.storage.notify import JOBS, RUNS, WakeUps, broker_for, cancel, revoke
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
        # every role publishes its changes; the engine, where there is one, subscribes
        self.wakeups: WakeUps = broker_for(self.db, instance=self.instance_id)
        self.engine: Any = None  # the EngineService, when this instance runs one
        self.started = asyncio.Event()
        self._llm_parser: Any = None
        self._host_jobs: HostJobs | None = None
        self._host_jobs_key: tuple[str | None, ...] = ()

    @property
    def host_jobs(self) -> HostJobs:
        """What jobs may touch on this machine, read from the settings at first use (the
        command line reads them at start, so a mistake there stops the service at once)."""
        key = self.settings.host_jobs_key()
        if self._host_jobs is None or self._host_jobs_key != key:  # the settings changed
            self._host_jobs, self._host_jobs_key = self.settings.host_jobs(), key
        return self._host_jobs

    def jobs_changed(self) -> None:
        """A change that may move a job's next fire time: schedulers look again."""
        self.wakeups.publish(JOBS)

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

    def runs_queued(self) -> None:
        """Runs were queued: workers claim."""
        self.wakeups.publish(RUNS)

    def runs_revoked(self, run_ids: list[str]) -> None:
        """Runs fired ahead of their slot were ended before it came (their job was paused or
        deleted): whoever holds them must not start them."""
        for run_id in run_ids:
            self.wakeups.publish(revoke(run_id))

    def cancel_requested(self, run_id: str) -> None:
        """The worker holding ``run_id`` stops it (its outcome is ``cancelled``)."""
        self.wakeups.publish(cancel(run_id))

    async def close(self) -> None:
        if self._llm_parser is not None:
            await self._llm_parser.aclose()
            self._llm_parser = None
        await self.wakeups.close()
        await self.limiter.store.close()
        await self.db.close()
