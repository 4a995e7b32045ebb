"""PostgreSQL restarted under three instances (an API, a scheduler and a worker), on a server
of the test's own: the API answers 503 while it is down, never 500; trigger-to-finish is back
under a second within ten seconds of the server's return; every slot is accounted for once.

Every setting is the default (the longest sleep is 10 s, a lease 30 s): only a working
wake-up path, not a short poll, brings a triggered run to a worker in under a second."""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.fakes.sink import Sink
from tests.support.private_postgres import PrivatePostgres, private_postgres
from tests.support.service import ServiceProcess, cli, create_key
from tests.support.waiting import until

pytestmark = [pytest.mark.slow]

DEFAULTS = {
    "AGENTCRON_LEASE_SECONDS": "30",
    "AGENTCRON_MAX_SLEEP_SECONDS": "10",
    "AGENTCRON_SHUTDOWN_GRACE_SECONDS": "5",
}
JOBS = 10
DOWN_SECONDS = 3.0


@pytest.fixture
def postgres() -> Any:
    try:
        with private_postgres() as server:
            yield server
    except (RuntimeError, FileNotFoundError) as exc:
        pytest.skip(f"cannot run a PostgreSQL server of the test's own: {exc}")


class Traffic:
    """Requests made through the outage, every answer kept."""

    def __init__(self) -> None:
        self.statuses: Counter[int] = Counter()
        self.unavailable: list[httpx.Response] = []

    def saw(self, response: httpx.Response) -> httpx.Response:
        self.statuses[response.status_code] += 1
        if response.status_code == 503:
            self.unavailable.append(response)
        return response


async def test_a_postgres_restart_costs_503s_and_nothing_else(
    postgres: PrivatePostgres, sink: Sink, tmp_path: Path
) -> None:
    services = {
        role: ServiceProcess(database_url=postgres.url, workdir=tmp_path, extra_env=DEFAULTS)
        for role in ("api", "scheduler", "worker")
    }
    env = services["api"].env
    await asyncio.to_thread(cli, "migrate", env=env)
    key = await asyncio.to_thread(create_key, env)
    await asyncio.gather(
        *(asyncio.to_thread(s.start, "--role", role) for role, s in services.items())
    )
    traffic = Traffic()
    api = httpx.AsyncClient(
        base_url=services["api"].url + "/api/scheduler",
        headers={"Authorization": f"Bearer {key}"},
        timeout=30,
    )
    try:
        start = (datetime.now(UTC) + timedelta(seconds=2)).replace(microsecond=0)
        for index in range(JOBS):
            created = await api.post(
                "/jobs",
                json={
                    "name": f"tick {index}",
                    "action": "http",
                    "http": {
                        "url": sink.url("/slot"),
                        "method": "POST",
                        "body": {"job": "{{ job.id }}", "slot": "{{ run.scheduled_for }}"},
                    },
                    "schedule": {"type": "every", "interval": 1, "start_at": start.isoformat()},
                },
            )
            assert created.status_code == 201, created.text
        manual = (
            await api.post("/jobs", json={"name": "manual", "action": "noop", "schedule": None})
        ).json()

        await asyncio.wait_for(sink.wait_for_requests(3 * JOBS), 30)  # running normally

        # the outage: the server stops, requests keep coming, then it is back
        await asyncio.to_thread(postgres.stop)
        down_until = time.monotonic() + DOWN_SECONDS
        while time.monotonic() < down_until:
            traffic.saw(await api.get("/jobs"))
            traffic.saw(
                await api.post("/jobs", json={"name": "x", "action": "noop", "schedule": None})
            )
            traffic.saw(await api.post(f"/jobs/{manual['id']}/trigger"))
            for service in services.values():
                assert (await api.get(service.url + "/healthz")).status_code == 200
        await asyncio.to_thread(postgres.start)
        back = time.monotonic()
        back_at = datetime.now(UTC)

        # trigger-to-finish, measured until it is under a second (within ten seconds)
        latencies: list[tuple[float, float]] = []
        while time.monotonic() - back < 10:
            began = time.monotonic()
            triggered = traffic.saw(await api.post(f"/jobs/{manual['id']}/trigger"))
            if triggered.status_code != 202:
                await asyncio.sleep(0.1)
                continue
            run_id = triggered.json()["run_id"]
            while time.monotonic() - began < 12:
                run = traffic.saw(await api.get(f"/jobs/{manual['id']}/runs/{run_id}"))
                if run.status_code == 200 and run.json()["status"] == "succeeded":
                    break
                await asyncio.sleep(0.02)
            latencies.append((began - back, time.monotonic() - began))
            if latencies[-1][1] < 1.0:
                break

        # every job runs again by itself: a slot after the return reaches the sink for each
        async def all_running_again() -> bool:
            after = {
                r.json()["job"] for r in sink.on("/slot") if _instant(r.json()["slot"]) > back_at
            }
            return len(after) == JOBS

        try:
            await until(all_running_again, within=30, what="every job to run again")
            stalled = ""
        except AssertionError:
            stalled = "some jobs did not run again within 30 s of the server's return"

        # stop firing and let what was fired finish
        listed = await api.get("/jobs", params={"limit": 200})
        for job in listed.json()["jobs"]:
            if job["name"].startswith("tick"):
                assert (await api.post(f"/jobs/{job['id']}/pause")).status_code == 200
        runs: dict[str, list[dict[str, Any]]] = {}
        for job in listed.json()["jobs"]:
            if not job["name"].startswith("tick"):
                continue
            for _ in range(300):
                page = (await api.get(f"/jobs/{job['id']}/runs", params={"limit": 200})).json()
                if not any(r["status"] in ("queued", "running") for r in page["runs"]):
                    break
                await asyncio.sleep(0.1)
            runs[job["id"]] = page["runs"]
    finally:
        await api.aclose()
        await asyncio.gather(*(asyncio.to_thread(s.stop) for s in services.values()))

    # never a 500; 503s while it was down, each saying when to come back
    assert not [code for code in traffic.statuses if code >= 500 and code != 503], traffic.statuses
    assert traffic.unavailable, traffic.statuses
    for response in traffic.unavailable:
        assert response.headers["content-type"] == "application/problem+json"
        assert int(response.headers["retry-after"]) > 0

    # every slot from the first to the last has one run (run, or recorded as skipped), each
    # slot that succeeded reached the sink once, and none reached it twice
    heard = Counter((r.json()["job"], _instant(r.json()["slot"])) for r in sink.on("/slot"))
    doubled = [pair for pair, count in heard.items() if count > 1]
    assert not doubled, doubled
    for job_id, job_runs in runs.items():
        scheduled = [r for r in job_runs if r["trigger"] == "schedule"]
        slots = sorted(_instant(r["scheduled_for"]) for r in scheduled)
        assert len(slots) == len(set(slots)), job_id
        expected = int((slots[-1] - slots[0]).total_seconds()) + 1
        assert len(slots) == expected, (job_id, len(slots), expected)
        succeeded = [_instant(r["scheduled_for"]) for r in scheduled if r["status"] == "succeeded"]
        assert all(heard[(job_id, slot)] == 1 for slot in succeeded), job_id

    # trigger-to-finish back under a second within ten seconds of the server's return: the
    # API instance's wake-up reaches the worker again (the listener reconnects)
    from agentcron.app.storage import notify

    slow = latencies[-1][1] >= 1.0
    if not hasattr(notify, "PostgresBroker") and (slow or stalled):
        pytest.xfail(
            "the engine's side of issue 15 lands with issue 16: the LISTEN/NOTIFY listener does "
            "not reconnect (trigger-to-finish after the restart: "
            f"{', '.join(f'{s:.1f} s' for _, s in latencies)}), and a worker gives up writing "
            "outcomes after three quick tries, so those runs stay 'running' until their 30 s "
            f"lease ends and overlap=skip skips the job's next slots ({stalled or 'not seen'})"
        )
    assert latencies and not slow, latencies
    assert not stalled, stalled


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)
