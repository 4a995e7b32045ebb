"""``agentcron``: serve, serve MCP over stdio, migrate, manage API keys, validate and parse
schedules."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from datetime import UTC, datetime
from typing import Any

from agentcron.app.config import Settings
from agentcron.app.storage.database import redact


def _settings() -> Settings:
    return Settings.from_env()


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
    now = datetime.now(UTC)
    if args.keys_command == "create":
        from agentcron.app.domain.scopes import (
            ALL_SCOPES,
            ScopeError,
            format_scopes,
            is_publishable,
            parse_scopes,
        )

        try:
            scopes = parse_scopes(",".join(args.scope)) if args.scope else ALL_SCOPES
        except ScopeError as exc:
            print(f"--scope: {exc.reason}", file=sys.stderr)
            return 2

        async def create(store: Any) -> tuple[str, str]:
            return await store.create(name=args.name, owner=args.owner, now=now, scopes=scopes)

        key_id, key = asyncio.run(_with_keys(create))
        kind = "publishable " if is_publishable(scopes) else ""
        print(
            f"created {kind}API key {key_id} ({args.name}; scopes: {format_scopes(scopes)}); "
            "it is shown only once:",
            file=sys.stderr,
        )
        if kind:
            print(
                "it may only parse and validate schedules: safe to put in a web page "
                "(list the page's origin in AGENTCRON_CORS_ORIGINS)",
                file=sys.stderr,
            )
        print(key)
        return 0
    if args.keys_command == "list":
        rows = asyncio.run(_with_keys(lambda store: store.list()))
        for row in rows:
            state = "revoked" if row["revoked_at"] else "active"
            print(
                f"{row['id']}  {row['prefix']}…  {row['name']}  owner={row['owner']}  "
                f"scopes={','.join(row['scopes'])}  {state}"
            )
        return 0
    if args.keys_command == "revoke":

        async def revoke(store: Any) -> int:
            return await store.revoke(args.key, now=now)

        count = asyncio.run(_with_keys(revoke))
        if not count:
            print(f"no active key matches {args.key!r}", file=sys.stderr)
            return 1
        print(f"revoked {count} key(s)")
        return 0
    return 2


def cmd_validate(args: argparse.Namespace) -> int:
    from agentcron.app.api.schedules import schedule_from_query
    from agentcron.app.domain.schedule import Schedule, ScheduleError, local_iso, next_fire_times

    try:
        schedule = Schedule.from_dict(schedule_from_query(args.type, args.value, args.timezone))
    except ScheduleError as exc:
        print(f"invalid: {exc}", file=sys.stderr)
        return 1
    for instant in next_fire_times(schedule, after=datetime.now(UTC), count=args.count):
        print(local_iso(instant, schedule.zone))
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    return int(asyncio.run(_parse(args)))


async def _parse(args: argparse.Namespace) -> int:
    """One event loop for every phrase, so one LLM client serves them all."""
    from agentcron.app.domain.schedule import Schedule, local_iso, next_fire_times
    from agentcron.parsers import parse
    from agentcron.parsers.llm import LLMParser

    now = datetime.fromisoformat(args.now.replace("Z", "+00:00")) if args.now else None
    if now is not None and now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    llm = LLMParser.from_env()

    async def one(text: str) -> dict[str, Any]:
        result = await parse(text, timezone=args.timezone, now=now, llm=llm)
        out = {"text": text, **result.to_dict()}
        if result.schedule is not None:
            schedule = Schedule.from_dict(result.schedule)
            after = now or datetime.now(UTC)
            out["next_runs"] = [
                local_iso(t, schedule.zone) for t in next_fire_times(schedule, after=after, count=5)
            ]
        return out

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
    elif out.get("schedule") is None:
        print(f"could not parse: {out.get('reason')}", file=sys.stderr)
        if out.get("suggestion"):
            print(f"suggestion: {out['suggestion']}", file=sys.stderr)
    else:
        print(json.dumps(out["schedule"]))
        print(out.get("human_readable"))
        print(f"confidence {out['confidence']:.2f} via {out['parse_method']}")
        for run in out.get("next_runs", []):
            print(f"  {run}")
    return 0 if out.get("schedule") is not None else 1


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from agentcron.app.asgi import create_app
    from agentcron.app.runtime import Runtime
    from agentcron.app.storage.migrate import upgrade

    settings = _settings()
    upgrade(settings.database_url)
    roles = {"api", "scheduler", "worker"} if args.role == "all" else {args.role}
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
    )
    return 0


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
            _, key = await store.create(name="admin", owner="admin", now=datetime.now(UTC))
            return key
        finally:
            await db.close()

    key = asyncio.run(work())
    if key:
        print(
            "No API keys existed, so one was created (owner 'admin'). It is shown only once:\n"
            f"    {key}\n"
            "Use it as 'Authorization: Bearer <key>'; make more with 'agentcron keys create'.",
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
    create = keys_sub.add_parser("create", help="create a key; prints it as the last line")
    create.add_argument("--name", required=True)
    create.add_argument("--owner", help="share an owner with other keys (default: a new owner)")
    create.add_argument(
        "--scope",
        action="append",
        metavar="SCOPE",
        help="what the key may do (repeat or comma-separate): parse, jobs:read, jobs:write, "
        "runs:write, admin; default: every scope. 'parse' alone makes a publishable key",
    )
    keys_sub.add_parser("list", help="list keys (never the keys themselves)")
    revoke = keys_sub.add_parser("revoke", help="revoke a key by id, name or prefix")
    revoke.add_argument("key")
    keys.set_defaults(func=cmd_keys)

    validate = sub.add_parser("validate", help="check a schedule and print its next runs")
    validate.add_argument("type", choices=["cron", "every", "at"])
    validate.add_argument("value")
    validate.add_argument("--timezone", default="UTC")
    validate.add_argument("--count", type=int, default=5)
    validate.set_defaults(func=cmd_validate)

    parse = sub.add_parser("parse", help="turn plain words into a schedule ('-' reads stdin)")
    parse.add_argument("text")
    parse.add_argument("--timezone", default="UTC")
    parse.add_argument("--now", help="reference time for relative phrases (ISO 8601)")
    parse.add_argument("--json", action="store_true")
    parse.set_defaults(func=cmd_parse)
    return parser


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
