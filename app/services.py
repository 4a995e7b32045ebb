"""Use cases shared by every way in: the REST API, the MCP server and the Slack app.

Owners are enforced here: every call names the owner, and another owner's job is simply not
found. Input arrives as the caller sent it (JSON values, or query strings) and is checked here,
once, so the API and the MCP tools answer the same input with the same field and reason.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from agentcron.app.domain.calendar import (
    GROUPS,
    Planned,
    count_planned,
    interval_edges,
    list_planned,
)
from agentcron.app.domain.clockchanges import clock_change_notes
from agentcron.app.domain.enums import ACTIVE, JobStatus, RunStatus
from agentcron.app.domain.exclusions import Exclusions
from agentcron.app.domain.health import HEALTHS, STRIP_LENGTH
from agentcron.app.domain.jobspec import (
    JOB_STATUSES,
    check_schedule,
    read_schedule,
    request_fingerprint,
    validate_job,
)
from agentcron.app.domain.jobtypes import HOST_ACTIONS
from agentcron.app.domain.leasing import JOB_DELETED, JOB_PAUSED
from agentcron.app.domain.readiness import Readiness, job_warnings
from agentcron.app.domain.schedule import (
    Schedule,
    ScheduleError,
    check_range,
    local_iso,
    next_fire_times,
    next_slot,
)
from agentcron.app.domain.stored import describe_schedule, parsed_schedule, readable_schedules
from agentcron.app.errors import Conflict, FieldProblem, Forbidden, InvalidInput, NotFound
from agentcron.app.ids import new_id
from agentcron.app.offload import off_loop, understand_here, understand_off_loop
from agentcron.app.runtime import Runtime
from agentcron.app.storage.jobs import SORTABLE, JobQuery
from agentcron.parsers.pipeline import MAX_LENGTH

RUN_STATUSES = tuple(RunStatus)
MAX_PAGE = 200
MAX_PREVIEW_RUNS = 1000
MAX_CALENDAR_DAYS = 92
MAX_CALENDAR_EVENTS = 10_000
#: plain words read as a schedule, at the API: at most 200 characters, under the parser's own
#: cap of 500 (whole Slack commands); the parser's work is bounded on any text up to its cap
#: (a few ms: tests/parsers/test_bounded.py), and no schedule phrase is near 200 characters
MAX_PARSE_TEXT = min(MAX_LENGTH, 200)

_EPSILON = timedelta(microseconds=1)


def first_slot(
    schedule: dict[str, Any] | None,
    *,
    after: datetime,
    exclusions: dict[str, Any] | None = None,
) -> datetime | None:
    """The next slot the engine will look at: moved to a business day if the job's holiday
    calendar moves slots (exclusions that skip are applied when the slot comes due)."""
    if not schedule:
        return None
    parsed, excluded = parsed_schedule(schedule, exclusions)
    return next_slot(parsed, after=after, exclusions=excluded)


def int_value(
    name: str, raw: object, default: int, *, low: int, high: int, clamp: bool = False
) -> int:
    """An integer argument given as JSON or as a query string; 400 naming it when not."""
    if raw is None or raw == "":
        return default
    if isinstance(raw, bool) or not isinstance(raw, int | str):
        raise InvalidInput.field(name, f"must be an integer, got {raw!r}", status=400)
    try:
        value = int(raw)
    except ValueError:
        raise InvalidInput.field(name, f"must be an integer, got {raw!r}", status=400) from None
    if clamp and value > high:
        return high
    if not low <= value <= high:
        raise InvalidInput.field(name, f"must be between {low} and {high}", status=400)
    return value


def choice_value(name: str, raw: object, choices: tuple[str, ...], default: str | None) -> Any:
    if raw is None or raw == "":
        return default
    if raw not in choices:
        raise InvalidInput.field(name, f"must be one of {', '.join(choices)}", status=400)
    return raw


def text_value(name: str, raw: object) -> str | None:
    if raw is None or raw == "":
        return None
    if not isinstance(raw, str):
        raise InvalidInput.field(name, "must be a string", status=400)
    return raw


def job_query(
    *,
    status: object = None,
    health: object = None,
    tag: object = None,
    agent_id: object = None,
    q: object = None,
    sort: object = None,
    order: object = None,
    limit: object = None,
    offset: object = None,
    include_deleted: object = None,
) -> JobQuery:
    """The filters of ``GET /jobs`` and the ``list_jobs`` tool, checked."""
    return JobQuery(
        status=choice_value("status", status, JOB_STATUSES, None),
        health=choice_value("health", health, HEALTHS, None),
        tag=text_value("tag", tag),
        agent_id=text_value("agent_id", agent_id),
        q=text_value("q", q),
        sort=choice_value("sort", sort, SORTABLE, "created_at"),
        order=choice_value("order", order, ("asc", "desc"), "desc"),
        limit=int_value("limit", limit, 50, low=1, high=MAX_PAGE, clamp=True),
        offset=int_value("offset", offset, 0, low=0, high=10_000_000),
        include_deleted=bool_value("include_deleted", include_deleted),
    )


def bool_value(name: str, raw: object) -> bool:
    """A yes/no argument given as JSON or as a query string; 400 naming it when not."""
    if raw is None or raw == "":
        return False
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.lower() in ("1", "true", "yes", "0", "false", "no"):
        return raw.lower() in ("1", "true", "yes")
    raise InvalidInput.field(name, "must be true or false", status=400)


def unknown_arguments(given: object, known: tuple[str, ...]) -> None:
    """Refuse arguments a list does not know (422 naming each), so a misspelt filter never
    silently returns everything."""
    names = list(given) if isinstance(given, dict | list | tuple) else []
    unknown = [name for name in names if name not in known]
    if unknown:
        choices = ", ".join(known)
        raise InvalidInput(
            [
                FieldProblem(str(name), f"is not a filter of this list ({choices})")
                for name in unknown
            ]
        )


class JobService:
    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime

    def readiness(self) -> Readiness:
        """What this service can do, for ``warnings``."""
        settings = self.rt.settings
        return Readiness(
            allow_private_networks=settings.allow_private_networks,
            llm_configured=settings.llm_configured,
            slack_token=bool(settings.slack_bot_token),
            slack_oauth=settings.slack_oauth,
            smtp=bool(settings.smtp_url),
            host=self.rt.host_jobs,
        )

    def warnings(self, row: dict[str, Any]) -> list[dict[str, str]]:
        """What stops ``row`` from running as configured here (``domain.readiness``): said in
        the answers that write or read one job, never a reason to refuse it."""
        return [w.to_dict() for w in job_warnings(row, self.readiness())]

    async def _model_for(self, owner: str, values: dict[str, Any]) -> str | None:
        """The model an agent job runs with, fixed now: a later change of the agent's model
        or of AGENTCRON_LLM_MODEL never silently moves an unattended job to another model.
        None for other actions, and for an agent the owner cannot use (none by that id, or
        another owner's, alike): seed 002's own example names ``agent_123``, so such a job
        is stored, and its answers warn (``unknown_agent``) that every run fails until it
        names an agent of the owner's."""
        if (values.get("action") or {}).get("type", "agent") != "agent":
            return None
        from agentcron.app.storage.agents import AgentStore

        default = self.rt.settings.llm_model
        agent_id = values.get("agent_id") or "default"
        agent = await AgentStore(self.rt.db, default_model=default).get(owner, agent_id)
        if agent is None:
            return None
        return agent.get("model") or default

    async def create(
        self,
        owner: str,
        body: Any,
        *,
        idempotency_key: str | None = None,
        created_by: str | None,
        operator: bool = False,
    ) -> tuple[dict[str, Any], bool]:
        """Store a new job. ``operator``: the caller's key holds the ``operator`` scope,
        which a job that touches the host (``sql``, ``python``, ``command``, ``file``) needs."""
        now = self.rt.clock.now()
        fingerprint = request_fingerprint(body)
        if idempotency_key and isinstance(body, dict):
            field_key = body.get("idempotency_key")
            if field_key and field_key != idempotency_key:
                raise InvalidInput.field(
                    "idempotency_key", "differs from the Idempotency-Key header", status=400
                )
            body = {**body, "idempotency_key": idempotency_key}
        values = validate_job(body, now=now, host=self.rt.host_jobs)
        _host_job_allowed(values, operator)
        idem_key = values.get("idempotency_key")
        values["idempotency_fingerprint"] = fingerprint if idem_key else None
        values.update(
            id=new_id("job"),
            owner=owner,
            created_by=values.get("created_by") or created_by,
            model=await self._model_for(owner, values),
            created_at=now,
            updated_at=now,
            run_count=0,
            next_run_at=(
                first_slot(values["schedule"], after=now, exclusions=values.get("exclusions"))
                if values["status"] == JobStatus.ACTIVE
                else None
            ),
        )
        row, created = await self.rt.jobs.insert(values)
        if created:
            self.rt.jobs_changed()
        elif row.get("idempotency_fingerprint") not in (None, fingerprint):
            raise Conflict(
                f"the Idempotency-Key {idem_key!r} was first used with another request (it made "
                f"job {row['id']}); send the same request to get that job again, or use a new "
                "key for a new job"
            )
        return row, created

    async def preview(self, owner: str, body: Any, *, operator: bool = False) -> dict[str, Any]:
        """The job ``body`` would create, checked like a create but not stored (a dry run
        of a job before it exists)."""
        values = validate_job(body, now=self.rt.clock.now(), host=self.rt.host_jobs)
        _host_job_allowed(values, operator)
        values.update(owner=owner, model=await self._model_for(owner, values))
        return values

    async def get(
        self, owner: str, job_id: str, *, include_deleted: bool = False
    ) -> dict[str, Any]:
        row = await self.rt.jobs.get(owner, job_id, include_deleted=include_deleted)
        if row is None:
            raise NotFound("job", job_id)
        return row

    async def named(self, owner: str, name: object) -> dict[str, Any]:
        """The job ``/jobs/by-name/{name}`` addresses: the one whose key is ``name`` (a
        unique name is its own key), else the only live job called ``name``. Several by that
        name and none unique: 409, naming them."""
        text = _name_value(name)
        rows = await self.rt.jobs.named(owner, text, limit=3)
        if not rows:
            raise NotFound("job", text, by="name")
        if len(rows) > 1:
            ids = ", ".join(row["id"] for row in rows[:2]) + (", …" if len(rows) > 2 else "")
            raise Conflict(
                f"several jobs are named {text!r} ({ids}): address one by its id, or make one "
                "name unique (unique_name: true)"
            )
        return rows[0]

    async def put_named(
        self, owner: str, name: object, body: Any, *, created_by: str | None, operator: bool = False
    ) -> tuple[dict[str, Any], bool]:
        """``PUT /jobs/by-name/{name}``: change the job by that name, or create it with that
        name made unique (Dapr's "schedule a job with the given name"). (row, created)."""
        text = _name_value(name)
        try:
            job = await self.named(owner, text)
        except NotFound:
            if not isinstance(body, dict):
                raise InvalidInput.field(
                    "", "the request body must be a JSON object", status=400
                ) from None
            if body.get("name") not in (None, text):
                raise InvalidInput.field("name", "differs from the name in the path") from None
            try:
                return await self.create(
                    owner,
                    {**body, "name": text, "unique_name": True},
                    created_by=created_by,
                    operator=operator,
                )
            except Conflict:
                job = await self.named(owner, text)  # another request made it meanwhile
        return await self.update(owner, job["id"], body, operator=operator), False

    async def list(self, owner: str, query: JobQuery) -> tuple[list[dict[str, Any]], int]:
        """A page of jobs, each with its newest runs (``recent_runs``, for the list's strip
        and last outcome): two statements for the page, however many jobs it holds."""
        rows, total = await self.rt.jobs.list(owner, query)
        recent = await self.rt.runs.recent_by_job(
            owner, [row["id"] for row in rows], per_job=STRIP_LENGTH
        )
        return [{**row, "recent_runs": recent.get(row["id"], [])} for row in rows], total

    async def update(
        self, owner: str, job_id: str, body: Any, *, operator: bool = False
    ) -> dict[str, Any]:
        """Change a job (a partial update); what a host job does is changed only by an
        ``operator`` (its schedule or delivery, by any key of its owner that may write)."""
        existing = await self.get(owner, job_id)
        now = self.rt.clock.now()
        values = validate_job(body, now=now, existing=existing, host=self.rt.host_jobs)
        _host_job_allowed(values, operator)
        if not values:
            return existing
        status = values.get("status", existing["status"])
        if "status" in values and existing["status"] in (JobStatus.COMPLETED, JobStatus.FAILED):
            if values["status"] == JobStatus.ACTIVE and "schedule" not in values:
                raise Conflict(
                    f"job {job_id} is {existing['status']}; give it a new schedule to activate it"
                )
        if "schedule" in values or "status" in values or "exclusions" in values:
            schedule = values.get("schedule", existing.get("schedule"))
            exclusions = values.get("exclusions", existing.get("exclusions"))
            values["next_run_at"] = (
                first_slot(schedule, after=now, exclusions=exclusions)
                if status == JobStatus.ACTIVE
                else None
            )
            values["pending_schedule"] = None
            values["effective_from"] = None
        if "action" in values or "agent_id" in values:
            merged = {**existing, **values}
            values["model"] = await self._model_for(owner, merged)
        values["updated_at"] = now
        row = await self.rt.jobs.update(owner, job_id, values)
        if row is None:
            raise NotFound("job", job_id)
        if values.get("status") == JobStatus.PAUSED and existing["status"] != JobStatus.PAUSED:
            await self._revoke_ahead(job_id)
        self.rt.jobs_changed()
        return row

    async def propose_edit(
        self,
        owner: str,
        job_id: str,
        text: object,
        *,
        timezone: object = None,
        owner_dm: str | None = None,
    ) -> dict[str, Any]:
        """``POST /jobs/{id}/parse-edit``: what a plain-language edit ("move it to 10am")
        would change, checked like the update it proposes, with the schedule before and
        after and their next runs. Changes nothing. ``owner_dm`` is where "post it to me"
        goes (a Slack person's DM), when the caller has one."""
        from agentcron.parsers.edit import MAX_EDIT_LENGTH, understand_edit

        if not isinstance(text, str) or not text.strip():
            raise InvalidInput.field("text", "is required: the change in plain words")
        if len(text) > MAX_EDIT_LENGTH:
            raise InvalidInput.field("text", f"is longer than {MAX_EDIT_LENGTH} characters")
        if timezone is not None and not isinstance(timezone, str):
            raise InvalidInput.field("timezone", "must be an IANA time zone name")
        job = await self.get(owner, job_id)
        now = self.rt.clock.now()
        proposal = await off_loop(  # CPU, as parse-nl's words (app/offload.py)
            understand_edit, text, job, timezone=timezone, now=now, owner_dm=owner_dm
        )
        if not proposal.ok:
            raise InvalidInput(
                FieldProblem("text", proposal.reason or "changes nothing"),
                details={"suggestion": proposal.suggestion},
            )
        try:
            validate_job(proposal.changes, now=now, existing=job, host=self.rt.host_jobs)
        except InvalidInput as exc:
            reasons = "; ".join(f"{p.field}: {p.reason}" for p in exc.problems)
            raise InvalidInput.field("text", f"the change is not valid ({reasons})") from None
        after = {**job, **proposal.changes}
        return {
            **proposal.to_dict(),
            "before": _schedule_view(job.get("schedule"), now=now),
            "after": _schedule_view(after.get("schedule"), now=now),
        }

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
        # the owner's, before anything of it is touched; a soft-deleted job's history can
        # still be erased with a hard delete
        await self.get(owner, job_id, include_deleted=hard)
        await self._revoke_ahead(job_id, deleted=True)
        if not await self.rt.jobs.delete(owner, job_id, hard=hard, now=self.rt.clock.now()):
            raise NotFound("job", job_id)
        self.rt.jobs_changed()

    async def pause(self, owner: str, job_id: str) -> dict[str, Any]:
        existing = await self.get(owner, job_id)
        if existing["status"] == JobStatus.PAUSED:
            return existing
        if existing["status"] != JobStatus.ACTIVE:
            raise Conflict(f"job {job_id} is {existing['status']} and cannot be paused")
        row = await self._set(owner, job_id, status=JobStatus.PAUSED, next_run_at=None)
        await self._revoke_ahead(job_id)
        return row

    async def resume(self, owner: str, job_id: str) -> dict[str, Any]:
        existing = await self.get(owner, job_id)
        if existing["status"] == JobStatus.ACTIVE:
            return existing
        if existing["status"] != JobStatus.PAUSED:
            raise Conflict(f"job {job_id} is {existing['status']} and cannot be resumed")
        now = self.rt.clock.now()
        schedule = existing.get("schedule")
        if schedule and schedule.get("type") == "at" and first_slot(schedule, after=now) is None:
            raise Conflict(f"job {job_id} was due once, at a time that has passed")
        return await self._set(
            owner,
            job_id,
            status=JobStatus.ACTIVE,
            consecutive_failures=0,
            next_run_at=first_slot(schedule, after=now, exclusions=existing.get("exclusions")),
        )

    async def reschedule(self, owner: str, job_id: str, body: Any) -> dict[str, Any]:
        existing = await self.get(owner, job_id)
        if not isinstance(body, dict) or "schedule" not in body:
            raise InvalidInput.field("schedule", "is required")
        now = self.rt.clock.now()
        raw_from = body.get("effective_from", body.get("effectiveFrom"))
        effective_from = _parse_instant(raw_from, "effective_from") if raw_from else None
        raw = body["schedule"]
        zone = (existing.get("schedule") or {}).get("timezone")
        if isinstance(raw, dict) and "timezone" not in raw and zone:
            raw = {**raw, "timezone": zone}  # a new schedule naming no zone keeps the job's
        schedule = check_schedule(raw, now=effective_from or now)
        new = schedule.to_dict() if schedule else None
        active = existing["status"] == JobStatus.ACTIVE
        if effective_from is None or effective_from <= now:
            values: dict[str, Any] = {
                "schedule": new,
                "pending_schedule": None,
                "effective_from": None,
                "next_run_at": (
                    first_slot(new, after=now, exclusions=existing.get("exclusions"))
                    if active
                    else None
                ),
            }
        else:
            # the old schedule runs until effective_from; the engine switches at the first
            # slot that falls on or after it
            excluded = existing.get("exclusions")
            old_next = first_slot(existing.get("schedule"), after=now, exclusions=excluded)
            switch = old_next is None or old_next >= effective_from
            values = {
                "pending_schedule": None if switch else new,
                "effective_from": None if switch else effective_from,
            }
            if switch:
                values["schedule"] = new
            if active:
                start = effective_from - _EPSILON
                values["next_run_at"] = (
                    first_slot(new, after=start, exclusions=excluded) if switch else old_next
                )
        return await self._set(owner, job_id, **values)

    async def _set(self, owner: str, job_id: str, **values: Any) -> dict[str, Any]:
        values["updated_at"] = self.rt.clock.now()
        row = await self.rt.jobs.update(owner, job_id, values)
        if row is None:
            raise NotFound("job", job_id)
        self.rt.jobs_changed()
        return row


@dataclass(frozen=True)
class RunPage:
    job: dict[str, Any]
    runs: list[dict[str, Any]]
    count: int
    limit: int
    offset: int


class RunService:
    """Runs of the owner's jobs: run now, list, read, cancel."""

    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime
        self.jobs = JobService(runtime)

    async def trigger(self, owner: str, job_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
        """Queue a manual run now (it never consumes a scheduled slot); (job, run)."""
        job = await self.jobs.get(owner, job_id)
        run = await self.rt.runs.trigger(job, now=self.rt.clock.now())
        self.rt.runs_queued()
        return job, run

    async def list(
        self,
        owner: str,
        job_id: str,
        *,
        status: object = None,
        limit: object = None,
        offset: object = None,
    ) -> RunPage:
        # a soft-deleted job keeps its history: its runs can still be read
        job = await self.jobs.get(owner, job_id, include_deleted=True)
        chosen = choice_value("status", status, RUN_STATUSES, None)
        size = int_value("limit", limit, 50, low=1, high=MAX_PAGE, clamp=True)
        start = int_value("offset", offset, 0, low=0, high=10_000_000)
        rows, total = await self.rt.runs.list_for_job(
            owner, job["id"], status=chosen, limit=size, offset=start
        )
        return RunPage(job=job, runs=rows, count=total, limit=size, offset=start)

    async def get(
        self, owner: str, job_id: str, run_id: str
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        job = await self.jobs.get(owner, job_id, include_deleted=True)
        run = await self.rt.runs.get(owner, job["id"], run_id)
        if run is None:
            raise NotFound("run", run_id)
        return job, run

    async def cancel(
        self, owner: str, job_id: str, run_id: str
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Cancel a queued run, or ask the worker holding a running one to stop it."""
        job, before = await self.get(owner, job_id, run_id)
        if before["status"] not in ACTIVE:
            raise Conflict(f"run {run_id} already ended ({before['status']})")
        run = await self.rt.runs.request_cancel(owner, job["id"], run_id, now=self.rt.clock.now())
        if run is None:
            raise NotFound("run", run_id)
        if run["status"] == RunStatus.RUNNING:
            self.rt.cancel_requested(run_id)
        return job, run


class ScheduleService:
    """Schedules without jobs: plain words understood, a schedule's next runs previewed."""

    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime

    async def parse(
        self, text: object, timezone: object = None, *, count: object = None
    ) -> dict[str, Any]:
        """``POST /parse-nl``: the one understanding of the whole sentence (schedule, task,
        target, needs_confirmation, …) with the next ``count`` runs (5). Text that is not
        understood raises ``InvalidInput`` on ``text`` with the parser's suggestion, notes,
        method, task and target in ``details``."""
        if not isinstance(text, str) or not text.strip():
            raise InvalidInput.field("text", "is required: the schedule in plain words")
        if len(text) > MAX_PARSE_TEXT:
            raise InvalidInput.field("text", f"is longer than {MAX_PARSE_TEXT} characters")
        if timezone is not None and not isinstance(timezone, str):
            raise InvalidInput.field("timezone", "must be an IANA time zone name")
        size = int_value("count", count, 5, low=1, high=MAX_PREVIEW_RUNS)
        zone = timezone or "UTC"
        now = self.rt.clock.now()
        llm = self.rt.llm_parser()
        if llm is None:  # the whole reading is CPU: in the words thread (app/offload.py)
            return await off_loop(_read_words, text, zone, now, size)
        _check_zone(zone)
        result = await understand_off_loop(text, timezone=zone, now=now, llm=llm)
        return await off_loop(_parse_answer, result, now, size)

    def preview(
        self, raw: object, *, timezone: object = None, count: object = None
    ) -> dict[str, Any]:
        """A schedule (a document, a cron expression or plain words, read as ``POST /jobs``
        reads them) with its description and next runs, and notes naming the days a clock
        change moves, drops or repeats one of them."""
        size = int_value("count", count, 5, low=1, high=MAX_PREVIEW_RUNS)
        if timezone is not None and not isinstance(timezone, str):
            raise InvalidInput.field("timezone", "must be an IANA time zone name")
        if raw is None:
            raise InvalidInput.field("schedule", "is required")
        if not isinstance(raw, dict | str):
            raise InvalidInput.field("schedule", "must be an object, a cron expression or words")
        now = self.rt.clock.now()
        document, implied = read_schedule(raw, timezone=timezone, now=now)
        assert document is not None
        try:
            # an rrule without start_at is previewed from now, as a job made now would be
            schedule = Schedule.from_dict(document, now=now, strict=True)
        except ScheduleError as exc:
            raise InvalidInput.field(exc.field, exc.reason) from None
        body = preview_of(schedule, now=now, count=size, exclusions=Exclusions.from_dict(implied))
        if implied:
            body["exclusions"] = implied
        return body


def _schedule_view(raw: dict[str, Any] | None, *, now: datetime, count: int = 5) -> dict[str, Any]:
    """A job's schedule, in words, with its next runs (none when it only runs on demand)."""
    if not raw:
        return {"schedule": None, "human_readable": "runs only when triggered", "next_runs": []}
    schedule = Schedule.from_dict(raw)
    runs = next_fire_times(schedule, after=now, count=count)
    return {
        "schedule": raw,
        "human_readable": describe_schedule(raw),
        "next_runs": [local_iso(t, schedule.zone) for t in runs],
    }


def preview_of(
    schedule: Schedule, *, now: datetime, count: int, exclusions: Exclusions | None = None
) -> dict[str, Any]:
    """``GET /validate``'s answer for a valid schedule (its runs the exclusions leave)."""
    runs = next_fire_times(schedule, after=now, count=count, exclusions=exclusions)
    body: dict[str, Any] = {
        "valid": True,
        "schedule": schedule.to_dict(),
        "human_readable": describe_schedule(schedule.to_dict()),
        "timezone": schedule.timezone,
        "next_runs": [local_iso(t, schedule.zone) for t in runs],
        "notes": clock_change_notes(schedule, runs, after=now),
    }
    if not runs:
        body["warning"] = "this schedule does not fire after now"
    return body


def _name_value(name: object) -> str:
    if not isinstance(name, str) or not name.strip():
        raise InvalidInput.field("name", "is required: the job's name")
    if len(name) > 200 or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise InvalidInput.field("name", "is not a job name (at most 200 characters, one line)")
    return name


def _parse_instant(value: Any, field: str) -> datetime:
    if not isinstance(value, str):
        raise InvalidInput.field(field, "must be an ISO 8601 date-time string")
    try:
        instant = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidInput.field(field, "is not an ISO 8601 date-time") from None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=UTC)
    try:
        return check_range(instant, field=field)
    except ScheduleError as exc:
        raise InvalidInput.field(exc.field, exc.reason) from None


class CalendarService:
    """The owner's planned runs in a range (``GET /calendar-data``): listed one by one, or
    counted per job per day or hour. Either way every active job with a schedule is in it,
    and what has to give way to size is the end of the range, said in ``complete_until``."""

    def __init__(self, runtime: Runtime) -> None:
        self.rt = runtime

    async def planned(
        self,
        owner: str,
        *,
        start: datetime,
        end: datetime,
        zone: ZoneInfo,
        group: object = None,
        job_id: str | None = None,
        limit: int = MAX_CALENDAR_EVENTS,
    ) -> dict[str, Any]:
        grouping = choice_value("group", group, GROUPS, None)
        if end <= start:
            raise InvalidInput.field("end", "must be after start", status=400)
        if end - start > timedelta(days=MAX_CALENDAR_DAYS):
            raise InvalidInput.field(
                "end", f"the range may span at most {MAX_CALENDAR_DAYS} days", status=400
            )
        rows = await self.rt.jobs.active_with_schedules(owner, job_id=job_id)
        # Reading hundreds of schedules and counting their runs over 92 days is pure work of
        # up to seconds: done in a thread, so every other request is still answered meanwhile.
        return await asyncio.to_thread(
            self._planned, rows, start=start, end=end, zone=zone, grouping=grouping, limit=limit
        )

    @staticmethod
    def _planned(
        rows: list[dict[str, Any]],
        *,
        start: datetime,
        end: datetime,
        zone: ZoneInfo,
        grouping: str | None,
        limit: int,
    ) -> dict[str, Any]:
        readable = list(readable_schedules(rows))
        planned = [
            Planned(schedule, exclusions, not_before=job.get("created_at"))
            for job, schedule, exclusions in readable
        ]
        body: dict[str, Any] = {
            "start": local_iso(start, zone),
            "end": local_iso(end, zone),
            "timezone": zone.key,
        }
        if grouping is None:
            runs, complete_until = list_planned(planned, start=start, end=end, limit=limit)
            events = []
            for instant, index in runs:
                job, schedule, _ = readable[index]
                events.append(
                    {
                        "job_id": job["id"],
                        "name": job["name"],
                        "at": local_iso(instant, zone),
                        "local_time": local_iso(instant, schedule.zone),
                        "timezone": schedule.timezone,
                        "tags": job.get("tags") or [],
                    }
                )
            return body | {
                "events": events,
                "count": len(events),
                "truncated": complete_until < end,
                "complete_until": local_iso(complete_until, zone),
            }
        counted = count_planned(planned, interval_edges(start, end, zone, grouping))
        jobs = []
        total = 0
        for (job, schedule, _), tallies in zip(readable, counted.tallies, strict=True):
            cells = []
            for edge, tally in zip(counted.edges, tallies, strict=False):
                if not tally.count:
                    continue
                assert tally.first is not None and tally.last is not None
                cell: dict[str, Any] = {
                    "start": local_iso(edge, zone),
                    "count": tally.count,
                    "first": local_iso(tally.first, zone),
                    "last": local_iso(tally.last, zone),
                }
                if tally.times:
                    cell["times"] = [local_iso(t, zone) for t in tally.times]
                cells.append(cell)
            runs = sum(t.count for t in tallies)
            total += runs
            jobs.append(
                {
                    "job_id": job["id"],
                    "name": job["name"],
                    "timezone": schedule.timezone,
                    "schedule_description": describe_schedule(job["schedule"]),
                    "tags": job.get("tags") or [],
                    "total": runs,
                    "counts": cells,
                }
            )
        return body | {
            "group": grouping,
            "jobs": jobs,
            "count": total,
            "truncated": counted.truncated,
            "complete_until": local_iso(counted.edges[-1], zone),
        }


def _host_job_allowed(values: dict[str, Any], operator: bool) -> None:
    """A job that touches the host (``app.domain.jobtypes``) is made, or has what it does
    changed, only with an operator's key: the host, its databases, functions, commands and
    directories are shared by every owner of the install, whose jobs must not reach into
    each other's data through them."""
    kind = (values.get("action") or {}).get("type")
    if kind in HOST_ACTIONS and not operator:
        raise Forbidden(
            f"{kind} jobs touch the host every owner shares: only a key with the 'operator' "
            "scope may create one or change what it does (the install's first owner has it; "
            "see 'agentcron keys create')",
            scope="operator",
        )


def _check_zone(zone: str) -> None:
    try:
        Schedule.from_dict({"type": "cron", "expression": "0 0 * * *", "timezone": zone})
    except ScheduleError as exc:
        raise InvalidInput.field("timezone", exc.reason) from None


def _read_words(text: str, zone: str, now: datetime, size: int) -> dict[str, Any]:
    """``POST /parse-nl`` without an LLM, all of it in the words thread."""
    _check_zone(zone)
    return _parse_answer(understand_here(text, timezone=zone, now=now), now, size)


def _parse_answer(result: Any, now: datetime, size: int) -> dict[str, Any]:
    """The answer to ``POST /parse-nl``: the reading with its next ``size`` runs, or
    InvalidInput on ``text`` with the parser's suggestion, notes, method, task and target."""
    from agentcron.app.domain.understanding import answer_dict

    if result.schedule is None:
        detail = result.reason or "could not understand this as a schedule"
        raise InvalidInput(
            FieldProblem("text", detail),
            details={
                "suggestion": result.suggestion,
                "notes": list(result.notes),
                "parse_method": result.parse_method,
                "task": result.task,
                "target": result.target,
            },
        )
    try:
        return answer_dict(result, now=now, count=size)
    except ScheduleError as exc:  # the parser produced something the engine refuses
        raise InvalidInput.field("text", f"parsed into an invalid schedule ({exc})") from None
