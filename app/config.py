"""Settings, read once from the environment (``AGENTCRON_*`` and the usual OpenAI/Slack names)."""

from __future__ import annotations

import json
import os
import re
import socket
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from agentcron.app.domain.hostjobs import (
    FUNCTION_NAME,
    CommandGrant,
    FileRoot,
    HostJobs,
    SqlConnection,
)

#: a SQLite file in the working directory (the aiosqlite spelling is accepted, and run by the
#: stdlib driver: see storage/database.py)
DEFAULT_URL = "sqlite:///agentcron.db"


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


def _list(name: str) -> tuple[str, ...]:
    """A comma- or space-separated list."""
    value = os.environ.get(name) or ""
    return tuple(item for item in value.replace(",", " ").split() if item)


def _float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value not in (None, "") else default


_OFF = ("0", "off", "none", "no", "false", "unlimited")


def _limit(name: str, default: float | None, kind: type[int] | type[float]) -> Any:
    """A limit: a positive number, or 0/off/none for no limit."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() in _OFF:
        return None
    try:
        number = kind(value.replace("_", "").replace(",", ""))
    except ValueError:
        raise ValueError(f"{name} must be a number, or off for no limit; got {value!r}") from None
    if number < 0:
        raise ValueError(f"{name} must not be negative; got {value!r}")
    return number or None


def _choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = (os.environ.get(name) or default).strip().lower()
    if value not in choices:
        raise ValueError(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value


def _setting_text(value: str, name: str) -> tuple[str, str]:
    """A setting given inline or as ``@path`` to a file: its text and where it came from."""
    text = value.strip()
    if not text.startswith("@"):
        return text, name
    path = Path(text[1:]).expanduser()
    try:
        return path.read_text(encoding="utf-8"), f"{name} ({path})"
    except OSError as error:
        raise ValueError(f"{name}: cannot read {path} ({error.strerror})") from None


@dataclass
class Settings:
    database_url: str = DEFAULT_URL
    public_url: str | None = None
    allow_private_networks: bool = False
    # engine
    max_sleep_seconds: float = 10.0
    claim_batch_size: int = 500
    # runs one instance holds at once. A run is a coroutine of a few kilobytes (measured:
    # ~4 KB for an http run in a burst), so this bounds memory (~40 MB when full); what an
    # attempt holds outside — a connection — is bounded by http_connections, for http
    # actions, webhooks, job events and agents alike
    worker_concurrency: int = 10_000
    # outbound connections the http action (and deliveries) keep open at once
    http_connections: int = 100
    lease_seconds: float = 30.0
    shutdown_grace_seconds: float = 30.0
    # seconds a client has to send a request's line and headers (slow clients are cut off)
    http_head_timeout_seconds: float = 10.0
    default_catchup_window_seconds: int = 3600
    # slots are fired (and their runs taken by a worker) this far ahead, then started on time
    lookahead_seconds: float = 1.0
    # space out garbage collection (see engine/collector.py); on for the service, off for
    # code that embeds the engine and did not ask
    tune_gc: bool = False
    # LLM
    openai_api_key: str | None = None
    openai_base_url: str | None = None
    llm_model: str = "gpt-4o-mini"
    # what agents do about servers without tool calling: auto | fallback | off
    llm_tools: str = "auto"
    # the output cap's parameter name: auto | max_completion_tokens | max_tokens
    llm_output_cap: str = "auto"
    # budgets, per owner (None: no limit); days and months are UTC
    daily_token_quota: int | None = 1_000_000
    monthly_cost_limit_usd: float | None = 50.0
    # AGENTCRON_MODEL_PRICES: JSON (or @file) over the built-in price table
    model_prices: str | None = None
    # Slack
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_api_url: str | None = None
    #: an app-level token (xapp-…): Slack is reached over Socket Mode, no public URL needed
    slack_app_token: str | None = None
    #: OAuth: the app is installed into any number of workspaces (tokens kept encrypted)
    slack_client_id: str | None = None
    slack_client_secret: str | None = None
    slack_token_key: str | None = None
    # who may use the Slack app and where results may go (every workspace; see app/slack/access.py)
    slack_allowed_users: tuple[str, ...] = ()
    slack_allowed_channels: tuple[str, ...] = ()
    slack_admins: tuple[str, ...] = ()
    slack_max_jobs_per_user: int = 50
    slack_workspace_admins: bool = True
    # outbound signing for webhooks and job events
    webhook_secret: str | None = None
    # e-mail delivery (delivery/email.py): smtp[s|+starttls]://[user[:password]@]host[:port]
    smtp_url: str | None = None
    smtp_from: str | None = None
    #: a PEM file of authorities the SMTP server's certificate may chain to (an internal CA)
    smtp_ca_file: str | None = None
    # rate limits (app.limits): "quota/window seconds" or "off"
    rate_limit_parse_key: str = "60000/60"
    rate_limit_parse_address: str = "6000/60"
    rate_limit_api_key: str = "20000/20"
    # CORS (app.api.cors): origins whose pages may call the API; by default with
    # publishable keys only, unless cors_secret_keys
    cors_origins: tuple[str, ...] = ()
    cors_secret_keys: bool = False
    # jobs that touch the host (README, "Jobs that touch the host"): off unless set.
    # AGENTCRON_SQL_CONNECTIONS: JSON (or @file) of name → database URL
    sql_connections: str | None = None
    # AGENTCRON_PYTHON_FUNCTIONS: module:function names (JSON list, or comma-separated)
    python_functions: str | None = None
    # AGENTCRON_COMMANDS: JSON (or @file) of name → argv, or name → {argv, args, env, cwd, …}
    commands: str | None = None
    # AGENTCRON_FILE_ROOTS: JSON (or @file) of name → directory, or name → {path, writable, …}
    file_roots: str | None = None
    instance_name: str = field(default_factory=socket.gethostname)
    #: how often the console says how many runs ended how (0: never); failed runs are
    #: logged one line each as they end, whatever this is
    log_summary_seconds: float = 600.0

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ.get
        return cls(
            database_url=env("AGENTCRON_DATABASE_URL") or DEFAULT_URL,
            public_url=env("AGENTCRON_PUBLIC_URL"),
            allow_private_networks=_flag("AGENTCRON_ALLOW_PRIVATE_NETWORKS"),
            max_sleep_seconds=_float("AGENTCRON_MAX_SLEEP_SECONDS", 10.0),
            claim_batch_size=_int("AGENTCRON_CLAIM_BATCH_SIZE", 500),
            worker_concurrency=_int("AGENTCRON_WORKER_CONCURRENCY", 10_000),
            http_connections=_int("AGENTCRON_HTTP_CONNECTIONS", 100),
            lease_seconds=_float("AGENTCRON_LEASE_SECONDS", 30.0),
            shutdown_grace_seconds=_float("AGENTCRON_SHUTDOWN_GRACE_SECONDS", 30.0),
            http_head_timeout_seconds=_float("AGENTCRON_HTTP_HEAD_TIMEOUT_SECONDS", 10.0),
            default_catchup_window_seconds=_int("AGENTCRON_CATCHUP_WINDOW_SECONDS", 3600),
            lookahead_seconds=_float("AGENTCRON_LOOKAHEAD_SECONDS", 1.0),
            tune_gc=_flag("AGENTCRON_TUNE_GC", True),
            log_summary_seconds=_float("AGENTCRON_LOG_SUMMARY_SECONDS", 600.0),
            openai_api_key=env("OPENAI_API_KEY"),
            openai_base_url=env("OPENAI_BASE_URL"),
            llm_model=env("AGENTCRON_LLM_MODEL") or "gpt-4o-mini",
            llm_tools=_choice("AGENTCRON_LLM_TOOLS", "auto", ("auto", "fallback", "off")),
            llm_output_cap=_choice(
                "AGENTCRON_LLM_OUTPUT_CAP",
                "auto",
                ("auto", "max_completion_tokens", "max_tokens"),
            ),
            daily_token_quota=_limit("AGENTCRON_DAILY_TOKEN_QUOTA", 1_000_000, int),
            monthly_cost_limit_usd=_limit("AGENTCRON_MONTHLY_COST_LIMIT_USD", 50.0, float),
            model_prices=env("AGENTCRON_MODEL_PRICES") or None,
            slack_bot_token=env("SLACK_BOT_TOKEN"),
            slack_signing_secret=env("SLACK_SIGNING_SECRET"),
            slack_api_url=env("AGENTCRON_SLACK_API_URL"),
            slack_app_token=env("SLACK_APP_TOKEN"),
            slack_client_id=env("SLACK_CLIENT_ID"),
            slack_client_secret=env("SLACK_CLIENT_SECRET"),
            slack_token_key=env("AGENTCRON_SLACK_TOKEN_KEY"),
            slack_allowed_users=_list("AGENTCRON_SLACK_ALLOWED_USERS"),
            slack_allowed_channels=_list("AGENTCRON_SLACK_ALLOWED_CHANNELS"),
            slack_admins=_list("AGENTCRON_SLACK_ADMINS"),
            slack_max_jobs_per_user=_int("AGENTCRON_SLACK_MAX_JOBS_PER_USER", 50),
            slack_workspace_admins=_flag("AGENTCRON_SLACK_WORKSPACE_ADMINS", True),
            webhook_secret=env("AGENTCRON_WEBHOOK_SECRET"),
            smtp_url=env("AGENTCRON_SMTP_URL") or None,
            smtp_from=env("AGENTCRON_SMTP_FROM") or None,
            smtp_ca_file=env("AGENTCRON_SMTP_CA_FILE") or None,
            rate_limit_parse_key=env("AGENTCRON_RATE_LIMIT_PARSE") or "60000/60",
            rate_limit_parse_address=env("AGENTCRON_RATE_LIMIT_PARSE_ADDRESS") or "6000/60",
            rate_limit_api_key=env("AGENTCRON_RATE_LIMIT_API") or "20000/20",
            cors_origins=tuple(o.rstrip("/") for o in _list("AGENTCRON_CORS_ORIGINS")),
            cors_secret_keys=_flag("AGENTCRON_CORS_SECRET_KEYS"),
            sql_connections=env("AGENTCRON_SQL_CONNECTIONS") or None,
            python_functions=env("AGENTCRON_PYTHON_FUNCTIONS") or None,
            commands=env("AGENTCRON_COMMANDS") or None,
            file_roots=env("AGENTCRON_FILE_ROOTS") or None,
        )

    def host_jobs(self) -> HostJobs:
        """What jobs may touch on this machine (``domain.hostjobs``): the named SQL
        connections and the allowed Python functions. ValueError naming the setting (and
        the entry) that is wrong, or the file that cannot be read."""
        connections = {}
        if self.sql_connections:
            text, source = _setting_text(self.sql_connections, "AGENTCRON_SQL_CONNECTIONS")
            connections = parse_sql_connections(text, source=source)
        functions: frozenset[str] = frozenset()
        if self.python_functions:
            text, source = _setting_text(self.python_functions, "AGENTCRON_PYTHON_FUNCTIONS")
            functions = parse_python_functions(text, source=source)
        commands = {}
        if self.commands:
            text, source = _setting_text(self.commands, "AGENTCRON_COMMANDS")
            commands = _checked_commands(text, source)
        roots = {}
        if self.file_roots:
            text, source = _setting_text(self.file_roots, "AGENTCRON_FILE_ROOTS")
            roots = _checked_roots(text, source)
        return HostJobs(
            sql_connections=connections,
            python_functions=functions,
            commands=commands,
            file_roots=roots,
        )

    def host_jobs_key(self) -> tuple[str | None, ...]:
        """The settings ``host_jobs`` reads: a cache of it is good while these are the same."""
        return (self.sql_connections, self.python_functions, self.commands, self.file_roots)

    @property
    def slack_oauth(self) -> bool:
        """The app is installed per workspace through OAuth (not one SLACK_BOT_TOKEN)."""
        return bool(self.slack_client_id and self.slack_client_secret)

    @property
    def slack_app_configured(self) -> bool:
        """Enough to run the Slack app: tokens (SLACK_BOT_TOKEN, or OAuth installations)
        and a way to trust what arrives (the signing secret over HTTP, or Socket Mode)."""
        tokens = bool(self.slack_bot_token) or (
            self.slack_oauth and bool(self.slack_signing_secret)
        )
        return tokens and bool(self.slack_signing_secret or self.slack_app_token)

    @property
    def slack_interactive(self) -> bool:
        """The Slack app is running, so buttons on delivered messages are answered."""
        return self.slack_app_configured

    @property
    def llm_configured(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)


# --- what jobs may touch on this machine -------------------------------------------------

_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}$")
_DRIVERS = {
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
    "sqlite": "sqlite",
    "sqlite+pysqlite": "sqlite",
}


def parse_sql_connections(
    text: str, *, source: str = "AGENTCRON_SQL_CONNECTIONS"
) -> dict[str, SqlConnection]:
    """The operator's named connections: a JSON object of name → URL, or name →
    ``{"url": …, "read_only": true}``. ValueError naming the entry at fault, never its URL."""
    try:
        raw: Any = json.loads(text)
    except ValueError as error:
        raise ValueError(f"{source}: not valid JSON ({error.args[0].split(':')[0]})") from None
    if not isinstance(raw, dict):
        raise ValueError(
            f'{source}: expected an object such as {{"reports": "postgresql://reader@db/reports"}}'
        )
    out: dict[str, SqlConnection] = {}
    for name, entry in raw.items():
        where = f"{source}: connection {name!r}"
        if not _NAME.match(name):
            raise ValueError(f"{where}: a name is 1-64 letters, digits, '_', '.' or '-'")
        read_only = False
        if isinstance(entry, dict):
            unknown = set(entry) - {"url", "read_only"}
            if unknown:
                raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
            read_only = entry.get("read_only", False)
            if not isinstance(read_only, bool):
                raise ValueError(f"{where}: read_only must be true or false")
            entry = entry.get("url")
        if not isinstance(entry, str) or not entry.strip():
            raise ValueError(f"{where}: give a database URL (or {{url, read_only}})")
        try:
            url = make_url(entry.strip())
        except ArgumentError:
            raise ValueError(f"{where}: not a database URL") from None
        driver = _DRIVERS.get(url.drivername)
        if driver is None:
            raise ValueError(
                f"{where}: {url.drivername!r} databases are not supported (use postgresql:// "
                "or sqlite:///path)"
            )
        dialect = "sqlite" if driver == "sqlite" else "postgresql"
        if dialect == "sqlite" and not url.database:
            raise ValueError(f"{where}: give the SQLite file's path (sqlite:///path/to.db)")
        out[name] = SqlConnection(
            name=name,
            dialect=dialect,
            read_only=read_only,
            url=url.set(drivername=driver).render_as_string(hide_password=False),
        )
    return out


def parse_python_functions(
    text: str, *, source: str = "AGENTCRON_PYTHON_FUNCTIONS"
) -> frozenset[str]:
    """The operator's allow-list: a JSON list of ``module:function`` names, or the names
    separated by commas or spaces. ValueError naming an entry that is not such a name."""
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            raw: Any = json.loads(stripped)
        except ValueError:
            raise ValueError(f"{source}: not a valid JSON list") from None
        if not all(isinstance(item, str) for item in raw):
            raise ValueError(f'{source}: a JSON list of names such as "reports.daily:build"')
        names = [item.strip() for item in raw]
    else:
        names = stripped.replace(",", " ").split()
    for name in names:
        if not FUNCTION_NAME.match(name):
            raise ValueError(
                f"{source}: {name!r} is not a function named as module:function "
                "(e.g. reports.daily:build)"
            )
    return frozenset(names)


def _checked_commands(text: str, source: str) -> dict[str, CommandGrant]:
    """The operator's commands (``domain.commands.parse_commands``), each program checked
    to be an executable file here, and each working directory a directory."""
    from agentcron.app.domain.commands import parse_commands

    grants = parse_commands(text, source=source)
    for grant in grants.values():
        program = grant.argv[0]
        if not os.path.isfile(program) or not os.access(program, os.X_OK):
            raise ValueError(f"{source}[{grant.name!r}]: {program} is not an executable file here")
        if grant.cwd is not None and not os.path.isdir(grant.cwd):
            raise ValueError(f"{source}[{grant.name!r}].cwd: {grant.cwd} is not a directory")
    return grants


def _checked_roots(text: str, source: str) -> dict[str, FileRoot]:
    """The operator's root directories (``domain.files.parse_file_roots``), each resolved
    once — a link in the operator's own path is the operator's choice, so jobs' paths are
    walked from the real directory — and checked to be a directory."""
    from dataclasses import replace

    from agentcron.app.domain.files import parse_file_roots

    roots = {}
    for name, root in parse_file_roots(text, source=source).items():
        real = os.path.realpath(root.path)
        if not os.path.isdir(real):
            raise ValueError(f"{source}[{name!r}]: {root.path} is not a directory")
        roots[name] = replace(root, path=real)
    return roots
