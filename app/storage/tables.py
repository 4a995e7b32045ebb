"""The schema, as SQLAlchemy Core tables. Migrations (``migrations/``) create exactly this.

Instants are stored as naive UTC (``UTCDateTime``) on both SQLite and PostgreSQL so that the
same comparisons work on both; they come back aware.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.types import TypeDecorator

# None is SQL NULL, not the JSON text 'null', so "IS NULL" means what it says
Json = JSON(none_as_null=True)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC in Python, naive UTC in the database."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):  # SQLite's text (see below)
            value = datetime.fromisoformat(value)
        return value.replace(tzinfo=UTC)

    # SQLite keeps instants as text. SQLAlchemy's own conversion formats and parses that text
    # in Python (a regular expression per value); the engine converts tens of thousands of
    # instants in a burst, so on SQLite the whole conversion is done here, with the C
    # isoformat/fromisoformat, in exactly SQLAlchemy's format ("2026-01-31 09:00:00.000000",
    # which sorts as text in time order). Other databases keep the usual processing.

    def bind_processor(self, dialect: Any) -> Any:
        if dialect.name != "sqlite":
            return super().bind_processor(dialect)

        def process(value: datetime | None) -> str | None:
            naive = self.process_bind_param(value, dialect)
            return None if naive is None else naive.isoformat(" ", "microseconds")

        return process

    def result_processor(self, dialect: Any, coltype: Any) -> Any:
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)
        return lambda value: self.process_result_value(value, dialect)  # it parses the text


api_keys = Table(
    "api_keys",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("owner", String(200), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("prefix", String(16), nullable=False),
    # space-separated scopes (app.domain.scopes); keys made before scopes existed have all
    Column("scopes", String(200), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("last_used_at", UTCDateTime),
    Column("revoked_at", UTCDateTime),
)

# Rate-limit buckets shared by every instance on PostgreSQL (in-process on SQLite): one row
# per key or client address, holding the bucket's theoretical arrival time (GCRA) in Unix
# seconds. UNLOGGED on PostgreSQL: a crash that loses the rows only forgives a few requests.
rate_limits = Table(
    "rate_limits",
    metadata,
    Column("bucket", String(200), primary_key=True),
    Column("tat", Float, nullable=False),
)

agents = Table(
    "agents",
    metadata,
    Column("id", String(40), primary_key=True),
    # NULL owner: visible to every owner (the built-in ``default`` agent)
    Column("owner", String(200), index=True),
    Column("name", String(200), nullable=False),
    Column("model", String(200)),
    Column("instructions", Text, nullable=False, server_default=""),
    Column("tools", Json, nullable=False),
    # hosts the effect tools (http_send) may reach; NULL or [] for none
    Column("allowed_hosts", Json),
    # hosts http_fetch may read; NULL or [] for any public host
    Column("read_hosts", Json),
    Column("max_steps", Integer, nullable=False, server_default="8"),
    Column("max_tokens", Integer, nullable=False, server_default="20000"),
    # per owner and UTC day; NULL: no limit
    Column("max_tokens_per_day", Integer),
    Column("timeout_seconds", Integer, nullable=False, server_default="300"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("deleted_at", UTCDateTime),
)

jobs = Table(
    "jobs",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("owner", String(200), nullable=False),
    Column("name", String(200), nullable=False),
    Column("description", Text),
    Column("goal", Text),
    Column("agent_id", String(40)),
    # the model is fixed when the job is written, so a later change of the default agent
    # never silently moves an unattended job to another model
    Column("model", String(200)),
    Column("action", Json, nullable=False),
    Column("schedule", Json),
    # PATCH /reschedule with effective_from: the old schedule runs until then
    Column("pending_schedule", Json),
    Column("effective_from", UTCDateTime),
    Column("status", String(16), nullable=False),
    Column("delivery", Json),
    Column("condition", Json),
    # {"max_tokens_per_run", "max_tokens_per_day"} for agent jobs; NULL: the agent's limits
    Column("budget", Json),
    Column("retry", Json),
    Column("timeout_seconds", Integer),
    Column("overlap", String(20), nullable=False, server_default="skip"),
    Column("catchup_window_seconds", Integer),
    Column("max_concurrency", Integer),
    Column("pause_on_failure", Integer),
    Column("exclusions", Json),
    Column("tags", Json, nullable=False),
    # ",tag1,tag2," so a tag filter is a portable LIKE
    Column("tags_index", Text, nullable=False, server_default=""),
    Column("metadata", Json, nullable=False),
    # opaque JSON handed to the executor on every run (NULL: none)
    Column("payload", Json),
    Column("webhook_url", Text),
    # seed 003: receives each run's result, signed like webhooks
    Column("callback_url", Text),
    Column("idempotency_key", String(200)),
    #: SHA-256 of the request that used the key (``jobspec.request_fingerprint``): the same
    #: key with another request is refused (409), as Stripe does
    Column("idempotency_fingerprint", String(64)),
    # the job's unique handle among its owner's live jobs (a unique name is its own key)
    Column("key", String(200)),
    Column("created_by", String(200)),
    Column("next_run_at", UTCDateTime),
    Column("last_run_at", UTCDateTime),
    Column("run_count", Integer, nullable=False, server_default="0"),
    Column("consecutive_failures", Integer, nullable=False, server_default="0"),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("deleted_at", UTCDateTime),
    UniqueConstraint("owner", "idempotency_key"),
    Index("ix_jobs_owner_created", "owner", "created_at"),
    # one live job per key and owner, whoever writes at the same moment; a deleted job's
    # key is free again
    Index(
        "uq_jobs_owner_key",
        "owner",
        "key",
        unique=True,
        postgresql_where=text("key IS NOT NULL AND deleted_at IS NULL"),
        sqlite_where=text("key IS NOT NULL AND deleted_at IS NULL"),
    ),
    # the scheduler's only scan: active jobs by next_run_at
    Index(
        "ix_jobs_due",
        "next_run_at",
        postgresql_where=text("status = 'active' AND deleted_at IS NULL"),
        sqlite_where=text("status = 'active' AND deleted_at IS NULL"),
    ),
)

runs = Table(
    "runs",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("job_id", String(40), ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False),
    Column("owner", String(200), nullable=False),
    Column("trigger", String(16), nullable=False),
    Column("scheduled_for", UTCDateTime),
    # set only on the run that stands for a scheduled slot, so that each slot fires at most
    # once across every instance (NULLs are distinct: manual and retry runs never collide)
    Column("slot", UTCDateTime),
    Column("attempt", Integer, nullable=False, server_default="1"),
    Column("status", String(16), nullable=False),
    Column("reason", Text),
    Column("not_before", UTCDateTime, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("started_at", UTCDateTime),
    Column("completed_at", UTCDateTime),
    Column("output", Text),
    Column("data", Json),
    Column("error", Text),
    Column("condition_met", Boolean),
    Column("delivery", Json),
    Column("usage", Json),
    Column("retry_of", String(40)),
    Column("chain_id", String(40)),
    Column("chain_run_id", String(40)),
    Column("upstream_run_id", String(40)),
    Column("acquired_by", String(60)),
    Column("acquired_until", UTCDateTime),
    Column("cancel_requested", Boolean, nullable=False, server_default=text("false")),
    UniqueConstraint("job_id", "slot"),
    Index("ix_runs_job_created", "job_id", "created_at"),
    Index("ix_runs_owner_created", "owner", "created_at"),
    Index(
        "ix_runs_queue",
        "not_before",
        postgresql_where=text("status = 'queued'"),
        sqlite_where=text("status = 'queued'"),
    ),
    Index(
        "ix_runs_leases",
        "acquired_until",
        postgresql_where=text("status = 'running'"),
        sqlite_where=text("status = 'running'"),
    ),
    Index("ix_runs_chain_run", "chain_run_id"),
)

# What a finished run still has to send: deliveries to channels and job events. One row per
# (run, kind, target, event): a post is made at most once even across retries and restarts.
outbox = Table(
    "outbox",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("run_id", String(40), nullable=False),
    Column("job_id", String(40), nullable=False),
    Column("owner", String(200), nullable=False),
    Column("kind", String(16), nullable=False),  # delivery | event
    Column("target", Text, nullable=False),
    Column("event", String(40), nullable=False, server_default=""),
    Column("payload", Json, nullable=False),
    Column("status", String(16), nullable=False),  # pending | sending | delivered | failed | muted
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("acquired_until", UTCDateTime),
    Column("detail", Text),
    Column("external_id", String(100)),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("run_id", "kind", "target", "event"),
    # a reply in a result's thread names the result by its Slack ts
    Index("ix_outbox_external_id", "external_id"),
    Index(
        "ix_outbox_pending",
        "next_attempt_at",
        postgresql_where=text("status = 'pending'"),
        sqlite_where=text("status = 'pending'"),
    ),
)

chains = Table(
    "chains",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("owner", String(200), nullable=False, index=True),
    Column("name", String(200), nullable=False),
    Column("jobs", Json, nullable=False),
    Column("edges", Json, nullable=False),
    Column("joins", Json, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

chain_runs = Table(
    "chain_runs",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("chain_id", String(40), nullable=False, index=True),
    Column("owner", String(200), nullable=False),
    Column("root_run_id", String(40)),
    Column("status", String(16), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("completed_at", UTCDateTime),
)

activity = Table(
    "activity",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner", String(200), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("kind", String(40), nullable=False),
    Column("weight", Float, nullable=False, server_default="1"),
    Index("ix_activity_owner_at", "owner", "at"),
)

owners = Table(
    "owners",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("timezone", String(64)),
    Column("created_at", UTCDateTime, nullable=False),
)

instances = Table(
    "instances",
    metadata,
    Column("id", String(60), primary_key=True),
    Column("roles", String(60), nullable=False),
    Column("hostname", String(200), nullable=False),
    Column("pid", Integer, nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("heartbeat_at", UTCDateTime, nullable=False),
    Column("stats", Json),
)

# What agents spend: one row per model turn, written as the turn ends, so budgets see it while
# runs go on. Summed by owner, job and agent over a UTC day or month; run_id is NULL for dry
# runs (which spend real tokens but record no run).
agent_spend = Table(
    "agent_spend",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("owner", String(200), nullable=False),
    Column("job_id", String(40), nullable=False),
    Column("agent_id", String(40), nullable=False),
    Column("run_id", String(40)),
    Column("model", String(200), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Column("prompt_tokens", Integer, nullable=False),
    Column("completion_tokens", Integer, nullable=False),
    Column("total_tokens", Integer, nullable=False),
    Column("cost_usd", Float, nullable=False),
    Column("priced", Boolean, nullable=False),
    Column("estimated", Boolean, nullable=False),
    Column("dry_run", Boolean, nullable=False),
    Index("ix_agent_spend_owner_at", "owner", "at"),
    Index("ix_agent_spend_job_at", "job_id", "at"),
)

# Budget notices already sent: the owner hears once per limit and period, not on every slot.
budget_notices = Table(
    "budget_notices",
    metadata,
    Column("owner", String(200), primary_key=True),
    # the limit and what it is on: "owner_day_tokens", "job_day_tokens:job_…"
    Column("scope", String(100), primary_key=True),
    # "2026-03-02" (a UTC day) or "2026-03" (a month)
    Column("period", String(10), primary_key=True),
    Column("sent_at", UTCDateTime, nullable=False),
)

# Slack event ids already handled, shared by every instance: Slack re-sends an event it thinks
# was not acknowledged, and the retry may reach another instance behind the load balancer.
slack_events = Table(
    "slack_events",
    metadata,
    Column("event_id", String(100), primary_key=True),
    Column("seen_at", UTCDateTime, nullable=False, index=True),
)

# Slack drafts too large to travel in a button's value or a modal's private_metadata (a long
# goal, or one in a script whose JSON escapes run long): the card carries the key instead.
slack_drafts = Table(
    "slack_drafts",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("owner", String(200), nullable=False),
    Column("body", Json, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False, index=True),
)

# Workspaces that installed the app through OAuth (slack-bolt's installation store). Lookup
# columns are plain; everything else, tokens included, is one Fernet-encrypted JSON document.
slack_installations = Table(
    "slack_installations",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("client_id", String(100), nullable=False),
    Column("enterprise_id", String(40), nullable=False, server_default=""),
    Column("team_id", String(40), nullable=False, server_default=""),
    Column("user_id", String(40), nullable=False, server_default=""),
    Column("is_enterprise_install", Boolean, nullable=False, server_default=text("false")),
    Column("secret", Text, nullable=False),
    Column("installed_at", UTCDateTime, nullable=False),
    Index("ix_slack_installations_workspace", "client_id", "enterprise_id", "team_id"),
)

# OAuth state parameters issued and not yet used, shared by every instance behind the
# load balancer (the redirect may reach another instance than the install page did).
slack_oauth_states = Table(
    "slack_oauth_states",
    metadata,
    Column("state", String(100), primary_key=True),
    Column("expires_at", UTCDateTime, nullable=False, index=True),
)

# A workspace's own access settings, set by its admins; the environment's are the default.
slack_workspaces = Table(
    "slack_workspaces",
    metadata,
    Column("team_id", String(40), primary_key=True),
    Column("settings", Json, nullable=False),
    Column("updated_by", String(200), nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

# A single row that elects the scheduler on SQLite, where only one scheduler may run per file.
locks = Table(
    "locks",
    metadata,
    Column("name", String(60), primary_key=True),
    Column("holder", String(60), nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)
