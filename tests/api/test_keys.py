"""Scoped keys through HTTP, on SQLite and PostgreSQL: what each scope may call, the 403 that
names the missing scope, the admin API for keys, and keys made before scopes existed."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agentcron.app.api.auth import declared
from agentcron.app.asgi import create_app
from agentcron.app.clock import FrozenClock
from agentcron.app.domain.scopes import ALL_SCOPES, Scope
from agentcron.app.runtime import Runtime
from agentcron.app.storage.database import Database
from agentcron.app.storage.keys import KeyStore
from agentcron.app.storage.migrate import upgrade
from tests.api.test_jobs import DIGEST
from tests.conftest import PG_URL, T0, _pg_admin, drop_database_later

Clients = AsyncIterator[dict[str, httpx.AsyncClient]]


@pytest.fixture
async def scoped(runtime: Runtime, api: httpx.AsyncClient) -> Clients:
    """One client per kind of key, all of owner "alice" (the `api` fixture's full key)."""
    kinds = {
        "publishable": {Scope.PARSE},
        "reader": {Scope.JOBS_READ},
        "writer": {Scope.JOBS_WRITE},
        "runner": {Scope.RUNS_WRITE},
    }
    clients = {"full": api}
    for name, scopes in kinds.items():
        _, key = await runtime.keys.create(name=name, owner="alice", now=T0, scopes=scopes)
        clients[name] = httpx.AsyncClient(
            transport=api._transport,
            base_url="http://testserver/api/scheduler",
            headers={"Authorization": f"Bearer {key}"},
        )
    yield clients
    for name in kinds:
        await clients[name].aclose()


def assert_forbidden(response: httpx.Response, scope: str) -> None:
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body = response.json()
    assert body["required_scope"] == scope
    assert f"'{scope}'" in body["detail"]


async def test_a_publishable_key_parses_and_validates_and_nothing_else(
    scoped: dict[str, httpx.AsyncClient],
) -> None:
    pk = scoped["publishable"]
    parsed = await pk.post("/parse-nl", json={"text": "every weekday at 9am", "timezone": "UTC"})
    assert parsed.status_code == 200, parsed.text
    assert parsed.json()["schedule"]["expression"] == "0 9 * * 1-5"
    checked = await pk.get("/validate", params={"type": "cron", "value": "0 9 * * 1-5"})
    assert checked.json()["valid"] is True

    job = (await scoped["full"].post("/jobs", json=DIGEST)).json()
    assert_forbidden(await pk.post("/jobs", json=DIGEST), "jobs:write")
    assert_forbidden(await pk.get("/jobs"), "jobs:read")
    assert_forbidden(await pk.get(f"/jobs/{job['id']}"), "jobs:read")
    assert_forbidden(await pk.delete(f"/jobs/{job['id']}"), "jobs:write")
    assert_forbidden(await pk.post(f"/jobs/{job['id']}/trigger"), "runs:write")
    assert_forbidden(await pk.get("/calendar-data"), "jobs:read")
    assert_forbidden(await pk.get("/agents"), "jobs:read")
    assert_forbidden(await pk.get("/keys"), "admin")
    # nothing was changed by the refused calls
    assert (await scoped["full"].get(f"/jobs/{job['id']}")).json()["status"] == "active"


async def test_read_write_and_run_scopes(scoped: dict[str, httpx.AsyncClient]) -> None:
    reader, writer, runner = scoped["reader"], scoped["writer"], scoped["runner"]
    assert_forbidden(await reader.post("/jobs", json=DIGEST), "jobs:write")
    created = await writer.post("/jobs", json=DIGEST)
    assert created.status_code == 201, created.text
    job_id = created.json()["id"]

    # jobs:write implies jobs:read and parse, not runs:write
    assert (await writer.get(f"/jobs/{job_id}")).status_code == 200
    assert (await writer.get("/validate", params={"value": "0 9 * * *"})).status_code == 200
    assert_forbidden(await writer.post(f"/jobs/{job_id}/trigger"), "runs:write")

    assert (await reader.get("/jobs")).json()["count"] == 1
    assert (await reader.get(f"/jobs/{job_id}/runs")).status_code == 200
    assert_forbidden(await reader.post(f"/jobs/{job_id}/pause"), "jobs:write")
    assert_forbidden(await reader.post("/parse-nl", json={"text": "daily at 9"}), "parse")

    triggered = await runner.post(f"/jobs/{job_id}/trigger")
    assert triggered.status_code == 202, triggered.text
    assert_forbidden(await runner.get(f"/jobs/{job_id}"), "jobs:read")
    assert_forbidden(await runner.put(f"/jobs/{job_id}", json={"name": "x"}), "jobs:write")


async def test_the_admin_api_manages_the_owners_keys(
    api: httpx.AsyncClient, other_api: httpx.AsyncClient, runtime: Runtime, clock: FrozenClock
) -> None:
    clock.advance(60)
    made = await api.post("/keys", json={"name": "web page", "scopes": ["parse"]})
    assert made.status_code == 201, made.text
    body = made.json()
    assert body["key"].startswith("ac_pk_")
    assert body["publishable"] is True
    assert body["scopes"] == ["parse"]
    assert made.headers["location"] == f"/api/scheduler/keys/{body['id']}"
    principal = await runtime.keys.authenticate(body["key"])
    assert principal is not None and principal.owner == "alice"
    assert principal.scopes == {Scope.PARSE}

    clock.advance(60)
    ci = (await api.post("/keys", json={"name": "ci", "scopes": "jobs:write, runs:write"})).json()
    assert ci["key"].startswith("ac_") and not ci["key"].startswith("ac_pk_")
    assert ci["scopes"] == ["jobs:write", "runs:write"]

    listed = (await api.get("/keys")).json()
    assert [k["name"] for k in listed["keys"]] == ["alice-key", "web page", "ci"]
    assert all("key" not in k for k in listed["keys"])  # never the key itself again
    assert (await api.get(f"/keys/{ci['id']}")).json()["name"] == "ci"

    # another owner neither sees nor revokes alice's keys
    assert [k["name"] for k in (await other_api.get("/keys")).json()["keys"]] == ["mallory-key"]
    assert (await other_api.get(f"/keys/{ci['id']}")).status_code == 404
    assert (await other_api.delete(f"/keys/{ci['id']}")).status_code == 404

    revoked = await api.delete(f"/keys/{body['id']}")
    assert revoked.status_code == 200 and revoked.json()["active"] is False
    assert (await api.delete(f"/keys/{body['id']}")).json()["active"] is False  # idempotent
    runtime.keys._cache.clear()
    assert await runtime.keys.authenticate(body["key"]) is None


@pytest.mark.parametrize(
    ("payload", "field", "fragment"),
    [
        ({"name": "x", "scopes": ["jobs:delete"]}, "scopes", "unknown scope 'jobs:delete'"),
        ({"name": "x", "scopes": []}, "scopes", "at least one scope"),
        ({"name": "x", "scopes": [7]}, "scopes", "must be a string"),
        ({"name": "x"}, "scopes", "is required"),
        ({"scopes": ["parse"]}, "name", "is required"),
        ({"name": "x", "scopes": ["parse"], "owner": "bob"}, "owner", "not a field"),
    ],
)
async def test_a_bad_key_request_names_the_field(
    api: httpx.AsyncClient, payload: dict[str, Any], field: str, fragment: str
) -> None:
    response = await api.post("/keys", json=payload)
    assert response.status_code == 422, response.text
    assert response.json()["field"] == field
    assert fragment in response.json()["detail"]


async def test_only_an_admin_key_manages_keys(scoped: dict[str, httpx.AsyncClient]) -> None:
    for name in ("writer", "reader", "runner", "publishable"):
        client = scoped[name]
        made = await client.post("/keys", json={"name": "x", "scopes": ["admin"]})
        assert_forbidden(made, "admin")
        assert_forbidden(await client.get("/keys"), "admin")


def test_every_endpoint_declares_its_scope_and_the_openapi_document_states_it() -> None:
    app = create_app(start_engine=False)
    undeclared = [r.path for r in app.state.api_routes if not declared(r.endpoint)]
    assert undeclared == []
    from agentcron.app.api.openapi import document

    paths = document(app.state.api_routes)["paths"]
    expected = {
        ("post", "/jobs"): "jobs:write",
        ("get", "/jobs"): "jobs:read",
        ("post", "/jobs/{job_id}/trigger"): "runs:write",
        ("post", "/parse-nl"): "parse",
        ("get", "/validate"): "parse",
        ("post", "/keys"): "admin",
    }
    for (method, path), scope in expected.items():
        op = paths["/api/scheduler" + path][method]
        assert op["x-required-scope"] == scope
        assert op["security"] == [{"bearer": [scope]}, {"apiKey": [scope]}]
        assert f"`{scope}`" in op["description"]
        assert "403" in op["responses"]


# --- keys made before scopes existed --------------------------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_at_0002(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database migrated only to revision 0002 (before scopes)."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
        upgrade(url, "0002")
        yield url
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need AGENTCRON_TEST_POSTGRES_URL (set by .ci/run)")
    from sqlalchemy.engine import make_url

    name = f"agentcron_old_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url, "0002")
        yield url
    finally:
        drop_database_later(name)


async def test_keys_made_before_scopes_keep_full_access(database_at_0002: str) -> None:
    from sqlalchemy import text

    db = Database(database_at_0002)
    try:

        def old_key(conn: Any) -> None:  # what 0002's KeyStore.create wrote
            conn.execute(
                text(
                    "INSERT INTO api_keys (id, owner, name, key_hash, prefix, created_at) "
                    "VALUES ('key_old', 'admin', 'admin', :h, 'ac_oldkey1', :t)"
                ),
                {"h": _hash("ac_oldkey"), "t": T0.replace(tzinfo=None)},
            )

        await db.write(old_key)
    finally:
        await db.close()
    upgrade(database_at_0002)
    db = Database(database_at_0002)
    try:
        principal = await KeyStore(db).authenticate("ac_oldkey")
        assert principal is not None
        assert principal.scopes == ALL_SCOPES
        assert principal.allows(Scope.ADMIN)
        # and a key made now without scopes is a full (secret) key too
        _, key = await KeyStore(db).create(name="new", owner=None, now=T0)
        fresh = await KeyStore(db).authenticate(key)
        assert fresh is not None and fresh.scopes == ALL_SCOPES
    finally:
        await db.close()


def _hash(key: str) -> str:
    from agentcron.app.storage.keys import hash_key

    return hash_key(key)


# --- the operator's command -----------------------------------------------------------------


def test_keys_create_with_scopes_from_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from agentcron.app.cli import main

    monkeypatch.setenv("AGENTCRON_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    assert main(["keys", "create", "--name", "page", "--scope", "parse"]) == 0
    out, err = capsys.readouterr()
    assert out.strip().startswith("ac_pk_")
    assert "publishable" in err and "scopes: parse" in err

    assert main(["keys", "create", "--name", "ci", "--scope", "jobs:read,runs:write"]) == 0
    assert main(["keys", "create", "--name", "ops"]) == 0
    capsys.readouterr()
    assert main(["keys", "create", "--name", "bad", "--scope", "jobs:everything"]) == 2
    assert "unknown scope 'jobs:everything'" in capsys.readouterr().err

    assert main(["keys", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "scopes=parse " in lines[0] + " "
    assert "scopes=jobs:read,runs:write " in lines[1] + " "
    assert "scopes=admin,jobs:read,jobs:write,operator,parse,runs:write " in lines[2] + " "


# --- who am I, and owners made plain ---------------------------------------------------------


async def test_every_key_can_ask_who_it_acts_as(scoped: dict[str, httpx.AsyncClient]) -> None:
    for name in ("full", "publishable", "reader", "writer", "runner"):
        response = await scoped[name].get("/me")
        assert response.status_code == 200, response.text
        me = response.json()
        assert me["owner"] == "alice"
        assert response.headers["cache-control"] == "no-store"
        assert me["key_prefix"].startswith("ac_")
        if name == "full":
            assert me["key_name"] == "alice-key"
            assert me["scopes"] == sorted(s.value for s in ALL_SCOPES)
        else:
            assert me["key_name"] == name
    writer = (await scoped["writer"].get("/me")).json()
    assert writer["scopes"] == ["jobs:write"]
    assert writer["granted"] == ["jobs:read", "jobs:write", "parse"]
    assert (await scoped["publishable"].get("/me")).json()["publishable"] is True


async def test_me_needs_a_valid_key(api: httpx.AsyncClient) -> None:
    response = await api.get("/me", headers={"Authorization": "Bearer ac_nope"})
    assert response.status_code == 401


async def test_a_key_makes_keys_that_do_at_most_what_it_does(
    runtime: Runtime, api: httpx.AsyncClient
) -> None:
    _, key = await runtime.keys.create(name="tenant", owner="alice", now=T0, scopes=[Scope.ADMIN])
    tenant = {"Authorization": f"Bearer {key}"}
    response = await api.post("/keys", json={"name": "up", "scopes": ["operator"]}, headers=tenant)
    assert_forbidden(response, "operator")
    assert "this one lacks 'operator'" in response.json()["detail"]
    response = await api.post("/keys", json={"name": "ok", "scopes": ["admin"]}, headers=tenant)
    assert response.status_code == 201, response.text
    response = await api.post("/keys", json={"name": "op", "scopes": ["operator"]})
    assert response.status_code == 201  # the full key operates the install


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_at_0008(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh database migrated only to revision 0008 (before the operator scope)."""
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'old.db'}"
        upgrade(url, "0008")
        yield url
        return
    if not PG_URL:
        pytest.skip("PostgreSQL tests need AGENTCRON_TEST_POSTGRES_URL (set by .ci/run)")
    from sqlalchemy.engine import make_url

    name = f"agentcron_old_{uuid.uuid4().hex[:10]}"
    _pg_admin(f'CREATE DATABASE "{name}"')
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    try:
        upgrade(url, "0008")
        yield url
    finally:
        _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def test_the_first_owners_admin_keys_keep_operating_the_install(
    database_at_0008: str,
) -> None:
    from datetime import timedelta

    from sqlalchemy import text

    every = "admin jobs:read jobs:write parse runs:write"
    rows = [
        ("key_first", "admin", every, "ac_first", 0),
        ("key_reader", "admin", "jobs:read", "ac_reader", 1),
        ("key_tenant", "acme", every, "ac_tenant", 2),
    ]
    db = Database(database_at_0008)
    try:

        def old_keys(conn: Any) -> None:
            for key_id, owner, scopes, key, minutes in rows:
                conn.execute(
                    text(
                        "INSERT INTO api_keys (id, owner, name, key_hash, prefix, scopes, "
                        "created_at) VALUES (:id, :owner, :id, :h, :p, :s, :t)"
                    ),
                    {
                        "id": key_id,
                        "owner": owner,
                        "h": _hash(key),
                        "p": key[:10],
                        "s": scopes,
                        "t": (T0 + timedelta(minutes=minutes)).replace(tzinfo=None),
                    },
                )

        await db.write(old_keys)
    finally:
        await db.close()
    upgrade(database_at_0008)
    db = Database(database_at_0008)
    try:
        store = KeyStore(db)
        first = await store.authenticate("ac_first")
        reader = await store.authenticate("ac_reader")
        tenant = await store.authenticate("ac_tenant")
        assert first is not None and first.allows(Scope.OPERATOR)
        assert reader is not None and reader.scopes == {Scope.JOBS_READ}
        assert tenant is not None and tenant.allows(Scope.ADMIN)
        assert not tenant.allows(Scope.OPERATOR)  # another owner no longer changes shared things
        assert await store.first_owner() == "admin"
    finally:
        await db.close()


def test_cli_keys_join_the_first_owner_unless_told_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from agentcron.app.cli import main

    monkeypatch.setenv("AGENTCRON_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")

    def create(*args: str) -> tuple[str, str]:
        assert main(["keys", "create", *args]) == 0
        out, err = capsys.readouterr()
        return out.strip().splitlines()[-1], err

    _, err = create("--name", "first")
    assert "for owner default, the install's first owner" in err
    assert "scopes: admin jobs:read jobs:write operator parse runs:write" in err
    _, err = create("--name", "me")
    assert "for owner default, the install's first owner: it sees the same jobs" in err
    _, err = create("--name", "acme", "--new-owner")
    assert "for a new owner, owner_" in err and "sees only its own jobs" in err
    assert "scopes: admin jobs:read jobs:write parse runs:write\n" in err  # no operator
    _, err = create("--name", "bob", "--owner", "bobco")
    assert "a new owner, bobco" in err
    _, err = create("--name", "bob2", "--owner", "bobco")
    assert "for owner bobco: it sees that owner's jobs, and no one else's" in err
    _, err = create("--name", "ops", "--owner", "bobco", "--scope", "operator")
    assert "scopes: operator (operator:" in err  # said explicitly, the operator may grant it

    assert main(["keys", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("  ")[2] for line in lines] == ["first", "me", "acme", "bob", "bob2", "ops"]
    assert "owner=default (first owner)" in lines[1]

    with pytest.raises(SystemExit):
        main(["keys", "create", "--name", "x", "--owner", "a", "--new-owner"])
    capsys.readouterr()


def test_cli_revoke_refuses_a_name_several_keys_share_unless_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from agentcron.app.cli import main

    monkeypatch.setenv("AGENTCRON_DATABASE_URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    for name in ("me", "me", "other"):
        assert main(["keys", "create", "--name", name]) == 0
    capsys.readouterr()
    assert main(["keys", "revoke", "me"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("2 active keys match 'me':\n  key_")
    assert "nothing was revoked: name one by its id, or revoke them all with --all" in err
    ids = [line.split()[0] for line in err.splitlines()[1:3]]

    assert main(["keys", "revoke", ids[0]]) == 0
    assert capsys.readouterr().out == f"revoked {ids[0]} (me, owner=default)\n"
    assert main(["keys", "revoke", "me"]) == 0  # one left of that name
    assert capsys.readouterr().out == f"revoked {ids[1]} (me, owner=default)\n"
    assert main(["keys", "revoke", "me"]) == 1
    assert "no active key matches 'me'" in capsys.readouterr().err
    for name in ("twin", "twin"):
        assert main(["keys", "create", "--name", name]) == 0
    capsys.readouterr()
    assert main(["keys", "revoke", "twin", "--all"]) == 0
    assert capsys.readouterr().out.count("revoked key_") == 2
