"""``agentcron``: serve (REST, dashboard, MCP), serve MCP over stdio, migrate, manage API keys
and agents, check the LLM, validate and parse schedules."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from agentcron.app.config import Settings
from agentcron.app.errors import InvalidInput
from agentcron.app.storage.database import redact


def _settings() -> Settings:
    from agentcron.app.executors.llm import price_table

    try:
        settings = Settings.from_env()
        price_table(settings)  # AGENTCRON_MODEL_PRICES is read now, not at the first run
        settings.host_jobs()  # and the SQL connections and Python functions jobs may use
    except ValueError as error:
        raise SystemExit(f"agentcron: {error}") from None
    return settings


def cmd_migrate(args: argparse.Namespace) -> int:
    from agentcron.app.storage.migrate import upgrade

    settings = _settings()
    upgrade(settings.database_url)
    print(f"database is up to date: {redact(settings.database_url)}")
    return 0


async def _with_keys(action: Any) -> Any:
    from agentcron.app.storage.database import Database
    from agentcron.app.storage.keys import KeyStore

    db = Database(_settings().database_url)
    try:
        return await action(KeyStore(db))
    finally:
        await db.close()


def cmd_keys(args: argparse.Namespace) -> int:
    from agentcron.app.storage.migrate import upgrade

    upgrade(_settings().database_url)
    if args.keys_command == "create":
        return _create_key(args)
    if args.keys_command == "list":
        return _list_keys()
    if args.keys_command == "revoke":
        return _revoke_keys(args)
    return 2


def _create_key(args: argparse.Namespace) -> int:
    """A key for the install's first owner (a single team shares its jobs), for a named
    owner (``--owner``), or for a new owner of its own (``--new-owner``, a separate tenant).
    Without ``--scope``, a key of the first owner may do everything, ``operator`` included
    (whoever runs this command operates the install); another owner's key everything of its
    own owner's (``admin``), nothing that concerns every owner."""
    from agentcron.app.domain.scopes import (
        ALL_SCOPES,
        OWNER_SCOPES,
        Scope,
        ScopeError,
        format_scopes,
        is_publishable,
        parse_scopes,
    )
    from agentcron.app.ids import new_id
    from agentcron.app.storage.keys import FIRST_OWNER

    try:
        chosen = parse_scopes(",".join(args.scope)) if args.scope else None
    except ScopeError as exc:
        print(f"--scope: {exc.reason}", file=sys.stderr)
        return 2

    async def create(store: Any) -> tuple[str, str, str, Any]:
        first = await store.first_owner()
        if args.new_owner:
            owner = new_id("owner", length=12)
        else:
            owner = args.owner or first or FIRST_OWNER
        is_first = first is None or owner == first
        known = bool(await store.list(owner=owner))
        scopes = chosen or (ALL_SCOPES if is_first else OWNER_SCOPES)
        key_id, key = await store.create(
            name=args.name, owner=owner, now=datetime.now(UTC), scopes=scopes
        )
        if is_first:
            whose = (
                f"owner {owner}, the install's first owner: it sees the same jobs as that "
                "owner's other keys"
                if first is not None
                else f"owner {owner}, the install's first owner"
            )
        elif known:
            whose = f"owner {owner}: it sees that owner's jobs, and no one else's"
        else:
            whose = (
                f"a new owner, {owner}: a tenant of its own that sees only its own jobs "
                f"(more keys for it: --owner {owner})"
            )
        return key_id, key, whose, scopes

    key_id, key, whose, scopes = asyncio.run(_with_keys(create))
    kind = "publishable " if is_publishable(scopes) else ""
    print(f"created {kind}API key {key_id} ({args.name}) for {whose}", file=sys.stderr)
    note = ""
    if Scope.OPERATOR in scopes:
        note = " (operator: shared agents, the default agent and Slack settings of every owner)"
    print(f"scopes: {format_scopes(scopes)}{note}", file=sys.stderr)
    if kind:
        print(
            "it may only parse and validate schedules: safe to put in a web page "
            "(list the page's origin in AGENTCRON_CORS_ORIGINS)",
            file=sys.stderr,
        )
    print("the key is shown only once:", file=sys.stderr)
    print(key)
    return 0


def _list_keys() -> int:
    async def rows(store: Any) -> tuple[str | None, list[dict[str, Any]]]:
        return await store.first_owner(), await store.list()

    first, keys = asyncio.run(_with_keys(rows))
    for row in keys:
        state = "revoked" if row["revoked_at"] else "active"
        mark = " (first owner)" if row["owner"] == first else ""
        print(
            f"{row['id']}  {row['prefix']}…  {row['name']}  owner={row['owner']}{mark}  "
            f"scopes={','.join(row['scopes'])}  {state}"
        )
    return 0


def _revoke_keys(args: argparse.Namespace) -> int:
    """Revoke the key an id, name or prefix names; when a name is shared by several keys,
    only with ``--all`` (which are listed either way)."""

    async def revoke(store: Any) -> tuple[list[dict[str, Any]], int]:
        found = await store.matching(args.key)
        if len(found) > 1 and not args.all:
            return found, 0
        count = await store.revoke_ids([k["id"] for k in found], now=datetime.now(UTC))
        return found, count

    found, count = asyncio.run(_with_keys(revoke))
    if not found:
        print(f"no active key matches {args.key!r}", file=sys.stderr)
        return 1
    if not count:
        print(f"{len(found)} active keys match {args.key!r}:", file=sys.stderr)
        for row in found:
            print(
                f"  {row['id']}  {row['prefix']}…  {row['name']}  owner={row['owner']}  "
                f"created {row['created_at']:%Y-%m-%d %H:%M}",
                file=sys.stderr,
            )
        print(
            "nothing was revoked: name one by its id, or revoke them all with --all",
            file=sys.stderr,
        )
        return 1
    for row in found:
        print(f"revoked {row['id']} ({row['name']}, owner={row['owner']})")
    return 0


async def _with_agents(action: Any) -> Any:
    from agentcron.app.storage.agents import AgentStore
    from agentcron.app.storage.database import Database

    settings = _settings()
    db = Database(settings.database_url)
    try:
        return await action(AgentStore(db, default_model=settings.llm_model))
    finally:
        await db.close()


def _agent_body(args: argparse.Namespace) -> dict[str, Any]:
    """The fields given on the command line, as an API body."""
    body: dict[str, Any] = {}
    for name in ("name", "model", "instructions", "max_steps", "max_tokens", "timeout"):
        value = getattr(args, name, None)
        if value is not None:
            body["timeout_seconds" if name == "timeout" else name] = value
    if args.model == "":
        body["model"] = None  # follow the service default
    for name in ("tools", "allowed_hosts", "read_hosts"):
        value = getattr(args, name, None)
        if value is not None:
            body[name] = [item.strip() for item in value.split(",") if item.strip()]
    if args.max_tokens_per_day is not None:
        per_day = args.max_tokens_per_day.strip().lower()
        try:
            body["max_tokens_per_day"] = (
                None if per_day in ("off", "none", "0") else int(per_day.replace(",", ""))
            )
        except ValueError:
            raise InvalidInput.field("max_tokens_per_day", "must be a number or off") from None
    return body


def cmd_agents(args: argparse.Namespace) -> int:
    """List, show, create, change and delete agents, as an administrator would."""
    from agentcron.app.api.agents import render_agent
    from agentcron.app.domain.agents import BUILTIN_ID, validate_agent
    from agentcron.app.ids import new_id
    from agentcron.app.storage.migrate import upgrade

    upgrade(_settings().database_url)
    now = datetime.now(UTC)
    owner = getattr(args, "owner", None)
    command = args.agents_command

    async def run(store: Any) -> int:
        if command == "list":
            rows = await store.list(owner)
            for row in rows:
                whose = "shared" if row.get("owner") is None else f"owner={row['owner']}"
                hosts = ",".join(row.get("allowed_hosts") or []) or "-"
                per_day = row.get("max_tokens_per_day")
                print(
                    f"{row['id']}  {row['name']!r}  {whose}  model={row.get('model') or '-'}  "
                    f"tools={','.join(row.get('tools') or []) or '-'}  sends_to={hosts}  "
                    f"max_tokens={row['max_tokens']:,}/run"
                    + (f",{per_day:,}/day" if per_day else "")
                )
            return 0
        ident = getattr(args, "agent", None) or ""
        existing = None
        if command != "create":
            existing = await (store.get(owner, ident) if owner else store.get_shared(ident))
        if command == "show":
            if existing is None:
                print(
                    f"no agent {ident!r}" + (f" for owner {owner!r}" if owner else ""),
                    file=sys.stderr,
                )
                return 1
            print(json.dumps(render_agent(existing), indent=2))
            return 0
        if command == "delete":
            if existing is None or (owner and existing.get("owner") != owner):
                print(f"no agent {ident!r} to delete", file=sys.stderr)
                return 1
            using = [] if ident == BUILTIN_ID else await store.jobs_using(owner, ident)
            if using:
                print(
                    f"agent {ident} is used by {len(using)} job(s): {', '.join(using[:5])}",
                    file=sys.stderr,
                )
                return 1
            await store.delete(owner, ident, now=now)
            print(
                "restored the built-in default agent" if ident == BUILTIN_ID else f"deleted {ident}"
            )
            return 0
        try:
            body = _agent_body(args)
            if command == "create":
                values = validate_agent(body)
                values.pop("shared", None)
                values.update(id=new_id("agent"), owner=owner, created_at=now, updated_at=now)
                row = await store.insert(values)
            else:
                if existing is None or (owner and existing.get("owner") != owner):
                    print(f"no agent {ident!r} to change", file=sys.stderr)
                    return 1
                values = validate_agent(body, existing=existing)
                values["updated_at"] = now
                row = await store.update(existing.get("owner"), ident, values)
        except InvalidInput as error:
            for problem in error.problems:
                print(f"invalid: {problem}", file=sys.stderr)
            return 2
        shown = await (store.get(owner, row["id"]) if owner else store.get_shared(row["id"]))
        print(json.dumps(render_agent(shown or row), indent=2))
        return 0

    return int(asyncio.run(_with_agents(run)))


def cmd_spend(args: argparse.Namespace) -> int:
    """What agents spent per owner today and this month, against the limits."""
    from agentcron.app.domain.budgets import usd
    from agentcron.app.storage.database import Database
    from agentcron.app.storage.migrate import upgrade
    from agentcron.app.storage.spend import SpendStore

    settings = _settings()
    upgrade(settings.database_url)

    async def work() -> list[dict[str, Any]]:
        db = Database(settings.database_url)
        try:
            return await SpendStore(db).by_owner(now=datetime.now(UTC))
        finally:
            await db.close()

    rows = asyncio.run(work())
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    quota, limit = settings.daily_token_quota, settings.monthly_cost_limit_usd
    print(
        "limits per owner: "
        + (f"{quota:,} tokens a day" if quota else "no daily token quota")
        + ", "
        + (f"{usd(limit)} a month" if limit else "no monthly cost limit")
        + " (UTC)"
    )
    if not rows:
        print("no agent spend this month")
    for row in rows:
        month = row["month"]
        note = (
            f" + {month['unpriced_tokens']:,} unpriced tokens" if month["unpriced_tokens"] else ""
        )
        print(
            f"{row['owner']}  today {row['tokens_today']:,} tokens  "
            f"month {month['tokens']:,} tokens, {usd(month['cost_usd'])}{note}"
        )
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    """Check the configured LLM endpoint for agents, in one screen."""
    from agentcron.app.executors.doctor import check_llm, render

    settings = _settings()
    checks = asyncio.run(check_llm(settings))
    if args.json:
        print(json.dumps([c.as_dict() for c in checks], indent=2))
    else:
        print(render(checks, settings))
    return 1 if any(c.status == "fail" for c in checks) else 0


def cmd_validate(args: argparse.Namespace) -> int:
    from agentcron.app.api.schedules import schedule_from_query
    from agentcron.app.domain.schedule import Schedule, ScheduleError, local_iso, next_fire_times

    now = datetime.now(UTC)
    try:
        document = schedule_from_query(
            args.type, args.value, args.timezone, start_at=args.start_at, end_at=args.end_at
        )
        schedule = Schedule.from_dict(document, now=now)
    except ScheduleError as exc:
        print(f"invalid: {exc}", file=sys.stderr)
        return 1
    if schedule.type == "rrule" and args.start_at is None:
        print(f"start_at {schedule.to_dict()['start_at']} (from now)", file=sys.stderr)
    runs = next_fire_times(schedule, after=now, count=args.count)
    if not runs:
        # valid, but a job with it would never run: say so, and fail like a refusal
        if schedule.type == "at" and schedule.at is not None and schedule.at <= now:
            when = local_iso(schedule.at, schedule.zone)
            print(f"invalid: {when} is in the past; it would never run", file=sys.stderr)
        else:
            print("invalid: this schedule does not fire after now (check end_at)", file=sys.stderr)
        return 1
    for instant in runs:
        print(local_iso(instant, schedule.zone))
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    return int(asyncio.run(_parse(args)))


async def _parse(args: argparse.Namespace) -> int:
    """One event loop for every phrase, so one LLM client serves them all."""
    from agentcron.app.domain.schedule import ScheduleError
    from agentcron.app.domain.understanding import answer_dict
    from agentcron.parsers import understand
    from agentcron.parsers.llm import LLMParser

    now = datetime.fromisoformat(args.now.replace("Z", "+00:00")) if args.now else None
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    if args.count < 1 or args.count > 1000:
        print("--count must be between 1 and 1000", file=sys.stderr)
        return 2
    llm = LLMParser.from_env()

    async def one(text: str) -> dict[str, Any]:
        result = await understand(text, timezone=args.timezone, now=now, llm=llm)
        try:
            out = answer_dict(result, now=now or datetime.now(UTC), count=args.count)
        except ScheduleError as exc:  # the parser produced something the engine refuses
            out = {**result.to_dict(), "schedule": None, "next_runs": []}
            out["reason"] = f"parsed into an invalid schedule ({exc})"
        return {"text": text, **out}

    try:
        if args.text == "-":
            failures = 0
            for line in sys.stdin:
                if line.strip():
                    out = await one(line.strip())
                    failures += out.get("schedule") is None
                    print(json.dumps(out), flush=True)
            return 1 if failures else 0
        out = await one(args.text)
    finally:
        if llm is not None:
            await llm.aclose()
    if args.json:
        print(json.dumps(out, indent=2))
    else:
        _print_answer(out)
    return 0 if out.get("schedule") is not None else 1


def _print_answer(out: dict[str, Any]) -> None:
    """The plain output: what was understood, what was assumed, and the next runs."""
    if out.get("schedule") is None:
        print(f"could not parse: {out.get('reason')}", file=sys.stderr)
        if out.get("suggestion"):
            print(f"suggestion: {out['suggestion']}", file=sys.stderr)
        for note in out.get("notes") or []:
            print(f"note: {note}", file=sys.stderr)
        return
    print(json.dumps(out["schedule"]))
    print(out.get("human_readable"))
    print(f"confidence {out['confidence']:.2f} via {out['parse_method']}")
    if out.get("needs_confirmation"):
        print("needs confirmation: this is a guess; check it before saving")
    for key in ("task", "target"):
        if out.get(key):
            print(f"{key}: {out[key]}")
    for note in out.get("notes") or []:
        print(f"note: {note}")
    for run in out.get("next_runs", []):
        print(f"  {run}")


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from agentcron.app.asgi import create_app
    from agentcron.app.http_protocol import head_deadline_protocol
    from agentcron.app.runtime import Runtime
    from agentcron.app.storage.migrate import upgrade

    settings = _settings()
    upgrade(settings.database_url)
    roles = {"api", "scheduler", "worker"} if args.role == "all" else {args.role}
    if "scheduler" in roles:
        holder = asyncio.run(_scheduler_holder(settings))
        if holder is not None:
            from agentcron.app.engine.service import scheduler_in_use

            print(f"agentcron: {scheduler_in_use(holder)}", file=sys.stderr)
            return 1
    runtime = Runtime(settings)
    runtime.roles = roles
    _bootstrap_key(settings)
    app = create_app(runtime)
    print(
        f"agentcron {'+'.join(sorted(roles))} on {redact(settings.database_url)}; "
        f"instance {runtime.instance_id}",
        file=sys.stderr,
    )
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level=args.log_level,
        access_log=args.access_log,
        timeout_graceful_shutdown=int(settings.shutdown_grace_seconds) + 5,
        http=head_deadline_protocol(settings.http_head_timeout_seconds),
    )
    return 0


async def _scheduler_holder(settings: Settings) -> str | None:
    """Another live scheduler on this SQLite file (one per file), if any."""
    from agentcron.app.engine.service import sqlite_scheduler_holder
    from agentcron.app.storage.database import Database

    db = Database(settings.database_url)
    try:
        return await sqlite_scheduler_holder(db, now=datetime.now(UTC))
    finally:
        await db.close()


def cmd_mcp(args: argparse.Namespace) -> int:
    import os

    from agentcron.app.mcp.stdio import serve_stdio
    from agentcron.app.storage.migrate import upgrade

    settings = _settings()
    upgrade(settings.database_url)
    return asyncio.run(serve_stdio(settings, os.environ.get("AGENTCRON_API_KEY")))


def _bootstrap_key(settings: Settings) -> None:
    """On a brand-new database, make one key so the first user can call the API at once."""

    async def work() -> str | None:
        from agentcron.app.storage.database import Database
        from agentcron.app.storage.keys import KeyStore

        db = Database(settings.database_url)
        try:
            store = KeyStore(db)
            if await store.list():
                return None
            _, key = await store.create(name="admin", owner=FIRST_OWNER, now=datetime.now(UTC))
            return key
        finally:
            await db.close()

    from agentcron.app.storage.keys import FIRST_OWNER

    key = asyncio.run(work())
    if key:
        print(
            f"No API keys existed, so one was created for owner '{FIRST_OWNER}', with every "
            "scope. It is shown only once:\n"
            f"    {key}\n"
            "Use it as 'Authorization: Bearer <key>'. 'agentcron keys create --name NAME' "
            "makes more keys for the same owner (same jobs); --new-owner makes a separate one.",
            file=sys.stderr,
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agentcron", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate the database, then serve API + engine")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--role", choices=["all", "api", "scheduler", "worker"], default="all")
    serve.add_argument("--log-level", default="info")
    serve.add_argument("--access-log", action="store_true", help="log every request")
    serve.set_defaults(func=cmd_serve)

    mcp = sub.add_parser(
        "mcp",
        help="serve MCP over stdio for an AI assistant, acting as AGENTCRON_API_KEY's owner",
    )
    mcp.set_defaults(func=cmd_mcp)

    migrate = sub.add_parser("migrate", help="bring the database schema up to date")
    migrate.set_defaults(func=cmd_migrate)

    keys = sub.add_parser("keys", help="manage API keys")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    create = keys_sub.add_parser(
        "create",
        help="create a key (for the install's first owner unless told otherwise); "
        "prints it as the last line",
    )
    create.add_argument("--name", required=True)
    whose = create.add_mutually_exclusive_group()
    whose.add_argument(
        "--owner",
        help="the owner whose jobs the key sees: an existing owner, or a new one of this name "
        "(default: the install's first owner, as the key printed at first start)",
    )
    whose.add_argument(
        "--new-owner",
        action="store_true",
        help="a new owner of its own: a separate tenant that sees none of the others' jobs",
    )
    create.add_argument(
        "--scope",
        action="append",
        metavar="SCOPE",
        help="what the key may do (repeat or comma-separate): parse, jobs:read, jobs:write, "
        "runs:write, admin, operator; default: every scope (operator only for the first "
        "owner). 'parse' alone makes a publishable key",
    )
    keys_sub.add_parser("list", help="list keys (never the keys themselves)")
    revoke = keys_sub.add_parser("revoke", help="revoke a key by id, name or prefix")
    revoke.add_argument("key")
    revoke.add_argument(
        "--all", action="store_true", help="revoke every key the name matches (several)"
    )
    keys.set_defaults(func=cmd_keys)

    agents = sub.add_parser(
        "agents", help="list, show, create, change and delete agents (as an administrator)"
    )
    agents_sub = agents.add_subparsers(dest="agents_command", required=True)
    listing = agents_sub.add_parser("list", help="every agent (or one owner's and the shared)")
    listing.add_argument("--owner", help="only what this owner can use")
    show = agents_sub.add_parser("show", help="one agent as JSON")
    show.add_argument("agent", help="an agent id, or default")
    show.add_argument("--owner", help="an owner's agent (default: a shared one)")
    delete = agents_sub.add_parser("delete", help="delete an agent (default: restore the built-in)")
    delete.add_argument("agent")
    delete.add_argument("--owner")
    for name, what in (("create", "create an agent"), ("update", "change an agent")):
        command = agents_sub.add_parser(name, help=what)
        if name == "update":
            command.add_argument("agent", help="an agent id, or default")
        command.add_argument("--owner", help="the owner's agent (default: shared by every owner)")
        command.add_argument("--name", required=name == "create")
        command.add_argument("--model", help="a model name; '' follows AGENTCRON_LLM_MODEL")
        command.add_argument("--instructions")
        command.add_argument(
            "--tools", help="comma-separated: http_fetch,current_time,previous_run,http_send"
        )
        command.add_argument(
            "--allowed-hosts", help="hosts http_send may reach: api.example.com,*.example.org"
        )
        command.add_argument("--read-hosts", help="hosts http_fetch may read (default: any)")
        command.add_argument("--max-steps", type=int)
        command.add_argument("--max-tokens", type=int, help="tokens per run")
        command.add_argument("--max-tokens-per-day", help="tokens per UTC day and owner, or off")
        command.add_argument("--timeout", type=int, help="seconds per run")
    agents.set_defaults(func=cmd_agents)

    spend = sub.add_parser("spend", help="agent spend per owner today and this month")
    spend.add_argument("--json", action="store_true")
    spend.set_defaults(func=cmd_spend)

    doctor = sub.add_parser("doctor", help="check the configured LLM endpoint for agents")
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(func=cmd_doctor)

    validate = sub.add_parser("validate", help="check a schedule and print its next runs")
    validate.add_argument("type", choices=["cron", "every", "at", "rrule"])
    validate.add_argument("value")
    validate.add_argument("--timezone", default="UTC")
    validate.add_argument(
        "--start-at", help="an rrule's DTSTART (ISO 8601; default: from now); bounds any type"
    )
    validate.add_argument("--end-at", help="no run after this (ISO 8601)")
    validate.add_argument("--count", type=int, default=5)
    validate.set_defaults(func=cmd_validate)

    parse = sub.add_parser("parse", help="turn plain words into a schedule ('-' reads stdin)")
    parse.add_argument("text")
    parse.add_argument("--timezone", default="UTC")
    parse.add_argument("--now", help="reference time for relative phrases (ISO 8601)")
    parse.add_argument("--json", action="store_true")
    parse.add_argument("--count", type=int, default=5, help="how many next runs to print (5)")
    parse.set_defaults(func=cmd_parse)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # migrations run before every command: their steps are not news (errors still are)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
