"""/status shows where instances run (host names, process ids) to an operator only; a
tenant's admin key does not see them."""

from __future__ import annotations

import httpx
from sqlalchemy import insert

from agentcron.app.asgi import create_app
from agentcron.app.domain.scopes import Scope
from agentcron.app.runtime import Runtime
from agentcron.app.storage.tables import instances


async def test_host_names_and_pids_are_for_an_admin_key(runtime: Runtime) -> None:
    now = runtime.clock.now()
    await runtime.db.write(
        lambda conn: conn.execute(
            insert(instances).values(
                id="inst_a",
                roles="scheduler,worker",
                hostname="db-host-7.internal",
                pid=4242,
                started_at=now,
                heartbeat_at=now,
            )
        )
    )
    _, admin = await runtime.keys.create(name="admin", owner="ops", now=now)
    _, tenant = await runtime.keys.create(
        name="tenant", owner="alice", now=now, scopes=[Scope.ADMIN]
    )
    app = create_app(runtime, start_engine=False)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver/api/scheduler"
    ) as client:
        seen = await client.get("/status", headers={"Authorization": f"Bearer {tenant}"})
        assert seen.status_code == 200, seen.text
        [instance] = seen.json()["instances"]
        assert instance["id"] == "inst_a" and instance["roles"] == ["scheduler", "worker"]
        assert "hostname" not in instance and "pid" not in instance
        assert "db-host-7" not in seen.text and "4242" not in seen.text

        full = await client.get("/status", headers={"Authorization": f"Bearer {admin}"})
        [instance] = full.json()["instances"]
        assert instance["hostname"] == "db-host-7.internal" and instance["pid"] == 4242
