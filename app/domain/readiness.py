"""Whether a job can run as configured on this service: warnings, not refusals.

A job is valid on its own (``jobspec``) and still unable to do anything here: an ``http``
job to ``http://127.0.0.1:9000`` while private networks are refused, an agent job with no
LLM configured, a Slack channel with no Slack token. Such a job is stored (the service may
be configured later, or elsewhere: the API and the engine may run with different settings),
but the answer that stores it says so, each warning naming the field and why, so nobody
learns it from every run failing.

``job_warnings`` reads the job's stored values and a snapshot of what the service has
(``Readiness``); it reads no clock, environment or network. A host name is not resolved
here: only addresses written out (``127.0.0.1``, ``[::1]``, ``10.0.0.7``, ``2130706433``)
and names that always mean this machine (``localhost``) are known to be private; the
engine's guard checks every address it connects to, after DNS.

Not warned about: a ``webhook:`` delivery without ``AGENTCRON_WEBHOOK_SECRET``. It runs
and delivers; signing is how a receiver tells ours from forgeries, which the operator
sets up once (README, *Configuration*), not something a job can get wrong.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from agentcron.app.domain.hostjobs import ENABLING_SETTING, HostJobs
from agentcron.app.errors import FieldProblem
from agentcron.delivery.addresses import blocked_reason, host_address
from agentcron.delivery.targets import parse_target

#: the codes a warning carries, for clients that act on them
PRIVATE_ADDRESS = "private_address"
NO_LLM = "no_llm"
NO_SLACK = "no_slack_token"
NO_SMTP = "no_smtp_server"
UNKNOWN_AGENT = "unknown_agent"
#: a sql or python job whose type, connection or function this service does not allow
NOT_ALLOWED_HERE = "not_allowed_here"

PRIVATE_HINT = "set AGENTCRON_ALLOW_PRIVATE_NETWORKS=1 on the service to allow it"


@dataclass(frozen=True)
class Readiness:
    """What the service can do, as far as a job's set-up depends on it."""

    #: AGENTCRON_ALLOW_PRIVATE_NETWORKS
    allow_private_networks: bool
    #: OPENAI_API_KEY or OPENAI_BASE_URL
    llm_configured: bool
    #: SLACK_BOT_TOKEN: posts for jobs made through the API or MCP
    slack_token: bool
    #: the app is installed through OAuth: posts for jobs made in Slack, with their
    #: workspace's own token
    slack_oauth: bool = False
    #: AGENTCRON_SMTP_URL: e-mail delivery
    smtp: bool = False
    #: what sql and python jobs may use here (AGENTCRON_SQL_CONNECTIONS, …_PYTHON_FUNCTIONS)
    host: HostJobs = dataclasses.field(default_factory=HostJobs)


@dataclass(frozen=True)
class JobWarning:
    field: str
    reason: str
    code: str

    def to_dict(self) -> dict[str, str]:
        return {"field": self.field, "reason": self.reason, "code": self.code}


def job_warnings(job: Mapping[str, Any], ready: Readiness) -> list[JobWarning]:
    """Everything about ``job`` (a stored job's values) that stops it from running as
    configured on a service that has ``ready``; empty when nothing does."""
    out: list[JobWarning] = []
    action = job.get("action") or {"type": "agent"}
    kind = action.get("type", "agent")
    if kind == "agent" and not ready.llm_configured:
        out.append(
            JobWarning(
                "action",
                "an agent job needs an LLM and none is configured on this service (set "
                "OPENAI_API_KEY, or OPENAI_BASE_URL for another OpenAI-compatible server); "
                "until then every run fails",
                NO_LLM,
            )
        )
    if kind == "agent" and "model" in job and not job["model"]:
        # a stored agent job's model is fixed from its agent when the job is written
        # (services._model_for): none means the owner has no agent by that id (or it is
        # another owner's, which reads the same)
        agent_id = job.get("agent_id") or "default"
        out.append(
            JobWarning(
                "agent_id",
                f"no agent {agent_id!r} is yours to use (see GET /agents, or use 'default'); "
                "until the job names one, every run fails",
                UNKNOWN_AGENT,
            )
        )
    if kind == "http" and not ready.allow_private_networks:
        url = (action.get("http") or {}).get("url")
        reason = _private(url)
        if reason:
            out.append(JobWarning("http.url", f"{reason}; {PRIVATE_HINT}", PRIVATE_ADDRESS))
    out += _host_warnings(kind, action, ready.host)
    out += _delivery_warnings(job, ready)
    hooks = (
        ("webhook_url", "no job event can be posted to it"),
        ("callback_url", "no result can be posted to it"),
    )
    for field, what in hooks:
        url = job.get(field)
        reason = _private(url) if url and not ready.allow_private_networks else None
        if reason:
            out.append(JobWarning(field, f"{reason}, so {what}; {PRIVATE_HINT}", PRIVATE_ADDRESS))
    return out


def _host_warnings(kind: str, action: Mapping[str, Any], host: HostJobs) -> list[JobWarning]:
    """A sql or python job stored where it was allowed, read where it is not (the operator
    changed the settings since, or the API and the engine run with different ones)."""
    if not isinstance(kind, str) or kind not in ENABLING_SETTING:
        return []
    setting = ENABLING_SETTING[kind]
    if not host.enabled(kind):
        reason = f"{kind} jobs are not enabled on this service ({setting}); every run fails"
        return [JobWarning("action", reason, NOT_ALLOWED_HERE)]
    spec = action.get(kind) or {}
    if kind == "sql" and spec.get("connection") not in host.sql_connections:
        reason = f"no connection is named {spec.get('connection')!r} in {setting}; every run fails"
        return [JobWarning("sql.connection", reason, NOT_ALLOWED_HERE)]
    if kind == "python" and spec.get("function") not in host.python_functions:
        reason = f"{spec.get('function')!r} is not on {setting}; every run fails"
        return [JobWarning("python.function", reason, NOT_ALLOWED_HERE)]
    if kind in ("command", "file"):
        from agentcron.app.domain.commands import validate_command_action
        from agentcron.app.domain.files import validate_file_action

        problems: list[FieldProblem] = []
        if kind == "command":
            validate_command_action(spec, host.commands, problems)
        else:
            validate_file_action(spec, host.file_roots, problems)
        return [
            JobWarning(p.field, f"{p.reason}; every run fails", NOT_ALLOWED_HERE) for p in problems
        ]
    return []


def _delivery_warnings(job: Mapping[str, Any], ready: Readiness) -> list[JobWarning]:
    delivery = job.get("delivery") or {}
    if delivery.get("muted"):
        return []  # recorded, never sent: nothing to warn about
    channels = list(delivery.get("channels") or [])
    if not channels and delivery.get("channel"):
        channels = [delivery["channel"]]
    places = [
        ("delivery.channel" if index == 0 else f"delivery.channels[{index}]", channel)
        for index, channel in enumerate(channels)
    ]
    if delivery.get("failures_to"):
        places.append(("delivery.failures_to", delivery["failures_to"]))
    slack_ready = ready.slack_token or (
        ready.slack_oauth and str(job.get("owner") or "").startswith("slack:")
    )
    out: list[JobWarning] = []
    for field, channel in places:
        try:
            target = parse_target(channel)
        except ValueError:
            continue  # refused when the job was written; an old row is not ours to judge
        if target.kind == "slack" and not slack_ready:
            out.append(
                JobWarning(
                    field,
                    f"no Slack token is configured on this service, so nothing can be posted "
                    f"to {channel} (set SLACK_BOT_TOKEN, or deliver to a webhook)",
                    NO_SLACK,
                )
            )
        elif target.kind == "email" and not ready.smtp:
            out.append(
                JobWarning(
                    field,
                    f"no SMTP server is configured on this service, so nothing can be mailed "
                    f"to {target.address} (the operator sets AGENTCRON_SMTP_URL and "
                    "AGENTCRON_SMTP_FROM)",
                    NO_SMTP,
                )
            )
        elif target.kind == "webhook" and not ready.allow_private_networks:
            reason = _private(target.address)
            if reason:
                out.append(
                    JobWarning(
                        field,
                        f"{reason}, so nothing can be delivered to it; {PRIVATE_HINT}",
                        PRIVATE_ADDRESS,
                    )
                )
    return out


def _private(url: object) -> str | None:
    """Why the service will refuse to connect to ``url``'s host, when that is known without
    resolving it; None for a public address, a name, or a host written with placeholders."""
    if not isinstance(url, str):
        return None
    from yarl import URL

    try:
        host = URL(url.strip()).raw_host
    except (ValueError, TypeError):
        return None
    if not host or "{" in host:
        return None
    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return f"{host} is this machine (a loopback address), which the service refuses"
    address = host_address(host)
    if address is None:
        return None
    reason = blocked_reason(address)
    if reason is None:
        return None
    return f"{host} is {reason}, which the service refuses"
