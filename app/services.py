"""Use cases on jobs, shared by the REST API and the Slack app. Owners are enforced here:
every call names the owner, and another owner's job is simply not found."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from agentcron.app.domain.enums import RunStatus
from agentcron.app.domain.jobspec import check_schedule, validate_job
from agentcron.app.domain.leasing import JOB_DELETED, JOB_PAUSED
from agentcron.app.domain.schedule import Schedule, next_fire_time
from agentcron.app.errors import Conflict, InvalidInput, NotFound
from agentcron.app.ids import new_id
from agentcron.app.runtime import Runtime
from agentcron.app.storage.jobs import JobQuery

_EPSILON = timedelta(microseconds=1)


def first_slot(schedule: dict[str, Any] | None, *, after: datetime) -> datetime | None:
    """The next slot the engine will look at (exclusions are applied when it comes due)."""
    if not schedule:
        return None
    return next_fire_time(Schedule.from_dict(schedule), after=after)


class JobService:
    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime

    async def _model_for(self, owner: str, values: dict[str, Any]) -> str | None:
        """The model an agent job runs with, fixed now: a later change of the agent's model
        or of AGENTCRON_LLM_MODEL never silently moves an unattended job to another model.
        None for other actions, and for an agent that does not exist (its runs fail fast)."""
        if (values.get("action") or {}).get("type", "agent") != "agent":
            return None
        from agentcron.app.storage.agents import AgentStore

        default = self.rt.settings.llm_model
        agent = await AgentStore(self.rt.db, default_model=default).get(
            owner, values.get("agent_id") or "default"
        )
        if agent is None:
            return None
        return agent.get("model") or default

    async def create(
        self, owner: str, body: Any, *, idempotency_key: str | None = None, created_by: str | None
    ) -> tuple[dict[str, Any], bool]:
        now = self.rt.clock.now()
        if idempotency_key and isinstance(body, dict):
            field_key = body.get("idempotency_key")
            if field_key and field_key != idempotency_key:
                raise InvalidInput.field(
                    "idempotency_key", "differs from the Idempotency-Key header", status=400
                )
            body = {**body, "idempotency_key": idempotency_key}
        values = validate_job(body, now=now)
        values.update(
            id=new_id("job"),
            owner=owner,
            created_by=values.get("created_by") or created_by,
            model=await self._model_for(owner, values),
            created_at=now,
            updated_at=now,
            run_count=0,
            next_run_at=(
                first_slot(values["schedule"], after=now) if values["status"] == "active" else None
            ),
        )
        row, created = await self.rt.jobs.insert(values)
        if created:
            self.rt.jobs_changed()
        return row, created

    async def get(self, owner: str, job_id: str) -> dict[str, Any]:
        row = await self.rt.jobs.get(owner, job_id)
        if row is None:
            raise NotFound("job", job_id)
        return row

    async def list(self, owner: str, query: JobQuery) -> tuple[list[dict[str, Any]], int]:
        return await self.rt.jobs.list(owner, query)

    async def update(self, owner: str, job_id: str, body: Any) -> dict[str, Any]:
        existing = await self.get(owner, job_id)
        now = self.rt.clock.now()
        values = validate_job(body, now=now, existing=existing)
        if not values:
            return existing
        status = values.get("status", existing["status"])
        if "status" in values and existing["status"] in ("completed", "failed"):
            if values["status"] == "active" and "schedule" not in values:
                raise Conflict(
                    f"job {job_id} is {existing['status']}; give it a new schedule to activate it"
                )
        if "schedule" in values or "status" in values:
            schedule = values.get("schedule", existing.get("schedule"))
            values["next_run_at"] = first_slot(schedule, after=now) if status == "active" else None
            values["pending_schedule"] = None
            values["effective_from"] = None
        if "action" in values or "agent_id" in values:
            merged = {**existing, **values}
            values["model"] = await self._model_for(owner, merged)
        values["updated_at"] = now
        row = await self.rt.jobs.update(owner, job_id, values)
        if row is None:
            raise NotFound("job", job_id)
        if values.get("status") == "paused" and existing["status"] != "paused":
            await self._revoke_ahead(job_id)
        self.rt.jobs_changed()
        return row

    async def _revoke_ahead(self, job_id: str, *, deleted: bool = False) -> None:
        """A job paused (or deleted) just before its slot: the run already fired ahead for
        that slot must not start. The caller has checked the job is the owner's."""
        status, reason = (
            (RunStatus.CANCELLED, JOB_DELETED) if deleted else (RunStatus.SKIPPED, JOB_PAUSED)
        )
        revoked = await self.rt.runs.revoke_ahead(
            job_id, now=self.rt.clock.now(), status=status, reason=reason
        )
        self.rt.runs_revoked(revoked)

    async def delete(self, owner: str, job_id: str, *, hard: bool) -> None:
        from agentcron.app.storage.chains import ChainStore

        if chains := await ChainStore(self.rt.db).containing(owner, job_id):
            named = ", ".join(f"{name!r} ({chain_id})" for chain_id, name in chains)
            word = "chain" if len(chains) == 1 else "chains"
            raise Conflict(f"job {job_id} belongs to the {word} {named}; delete it first")
        await self.get(owner, job_id)  # the owner's, before anything of it is touched
        await self._revoke_ahead(job_id, deleted=True)
        if not await self.rt.jobs.delete(owner, job_id, hard=hard, now=self.rt.clock.now()):
            raise NotFound("job", job_id)
        self.rt.jobs_changed()

    async def pause(self, owner: str, job_id: str) -> dict[str, Any]:
        existing = await self.get(owner, job_id)
        if existing["status"] == "paused":
            return existing
        if existing["status"] != "active":
            raise Conflict(f"job {job_id} is {existing['status']} and cannot be paused")
        row = await self._set(owner, job_id, status="paused", next_run_at=None)
        await self._revoke_ahead(job_id)
        return row

    async def resume(self, owner: str, job_id: str) -> dict[str, Any]:
        existing = await self.get(owner, job_id)
        if existing["status"] == "active":
            return existing
        if existing["status"] != "paused":
            raise Conflict(f"job {job_id} is {existing['status']} and cannot be resumed")
        now = self.rt.clock.now()
        schedule = existing.get("schedule")
        if schedule and schedule.get("type") == "at" and first_slot(schedule, after=now) is None:
            raise Conflict(f"job {job_id} was due once, at a time that has passed")
        return await self._set(
            owner,
            job_id,
            status="active",
            consecutive_failures=0,
            next_run_at=first_slot(schedule, after=now),
        )

    async def reschedule(self, owner: str, job_id: str, body: Any) -> dict[str, Any]:
        existing = await self.get(owner, job_id)
        if not isinstance(body, dict) or "schedule" not in body:
            raise InvalidInput.field("schedule", "is required")
        now = self.rt.clock.now()
        raw_from = body.get("effective_from", body.get("effectiveFrom"))
        effective_from = _parse_instant(raw_from, "effective_from") if raw_from else None
        schedule = check_schedule(body["schedule"], now=effective_from or now)
        new = schedule.to_dict() if schedule else None
        active = existing["status"] == "active"
        if effective_from is None or effective_from <= now:
            values: dict[str, Any] = {
                "schedule": new,
                "pending_schedule": None,
                "effective_from": None,
                "next_run_at": first_slot(new, after=now) if active else None,
            }
        else:
            # the old schedule runs until effective_from; the engine switches at the first
            # slot that falls on or after it
            old_next = first_slot(existing.get("schedule"), after=now)
            switch = old_next is None or old_next >= effective_from
            values = {
                "pending_schedule": None if switch else new,
                "effective_from": None if switch else effective_from,
            }
            if switch:
                values["schedule"] = new
            if active:
                start = effective_from - _EPSILON
                values["next_run_at"] = first_slot(new, after=start) if switch else old_next
        return await self._set(owner, job_id, **values)

    async def _set(self, owner: str, job_id: str, **values: Any) -> dict[str, Any]:
        values["updated_at"] = self.rt.clock.now()
        row = await self.rt.jobs.update(owner, job_id, values)
        if row is None:
            raise NotFound("job", job_id)
        self.rt.jobs_changed()
        return row


def _parse_instant(value: Any, field: str) -> datetime:
    if not isinstance(value, str):
        raise InvalidInput.field(field, "must be an ISO 8601 date-time string")
    try:
        instant = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput.field(field, "is not an ISO 8601 date-time") from None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    return instant.astimezone(UTC)
