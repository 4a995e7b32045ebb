"""Prometheus metrics of one instance (a registry per engine, so tests can build many)."""

from __future__ import annotations

from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from agentcron.app.domain.enums import ACTIVE


class EngineMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.runs = Counter(
            "agentcron_runs_total",
            "Finished run attempts by status",
            ["status"],
            registry=self.registry,
        )
        self.skipped = Counter(
            "agentcron_skipped_total", "Slots skipped by reason", ["reason"], registry=self.registry
        )
        self.lateness = Histogram(
            "agentcron_fire_lateness_seconds",
            "How late a slot was when it was fired",
            buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300),
            registry=self.registry,
        )
        self.queue = Gauge(
            "agentcron_queue_depth", "Runs by state", ["state"], registry=self.registry
        )
        self._skips_seen: dict[str, int] = {}

    async def refresh(self, rt: Any) -> None:
        counts = await rt.runs.counts()
        for state in ACTIVE:
            self.queue.labels(state=state).set(counts.get(state, 0))
        engine = rt.engine
        if engine is not None and engine.scheduler is not None:
            for reason, total in engine.scheduler.skipped_total.items():
                seen = self._skips_seen.get(reason, 0)
                if total > seen:
                    self.skipped.labels(reason=reason).inc(total - seen)
                    self._skips_seen[reason] = total
