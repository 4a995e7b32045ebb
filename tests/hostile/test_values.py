"""Values no response could carry back are refused, naming the field, and nothing is stored.

Each case is sent as raw JSON text (the escapes a hostile client would write), then the
owner's list, the job and ``/stats`` are read to show nothing of it was kept."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import httpx
import pytest

from agentcron.app.domain.schedule import Schedule, next_fire_times

JOB = '{"name": "j", "action": "noop", "schedule": {"type": "every", "interval": 60}'


def job(extra: str) -> str:
    return JOB + ", " + extra + "}"


CASES = [
    # (raw body, status, field)
    (job('"metadata": {"a": "\\ud800"}'), 422, "metadata.a"),
    (job('"metadata": {"a": ["x", "\\udfff"]}'), 422, "metadata.a[1]"),
    (job('"metadata": {"\\ud800": 1}'), 422, "metadata.\\ud800"),
    (job('"description": "a\\u0000b"'), 422, "description"),
    (job('"tags": ["ok", "\\ud83d"]'), 422, "tags[1]"),
    (job('"metadata": {"a": NaN}'), 422, "metadata.a"),
    (job('"metadata": {"a": Infinity}'), 422, "metadata.a"),
    (job('"metadata": {"a": -Infinity}'), 422, "metadata.a"),
    (job('"metadata": {"a": 1e400}'), 422, "metadata.a"),
    (job('"metadata": {"a": ' + "7" * 5000 + "}"), 422, "metadata.a"),
    (job('"timeout_seconds": ' + "9" * 4301), 422, "timeout_seconds"),
    (
        job(
            '"action": "http", "http": {"url": "https://example.com", "headers": {"X": "\\ud800"}}'
        ),
        422,
        "http.headers.X",
    ),
    ('{"a":' * 5000 + "1" + "}" * 5000, 400, None),
    ("[" * 100_000, 400, None),
    ("[" * 40 + "]" * 40, 400, None),
    (b'{"name": "\xed\xa0\x80"}', 400, None),  # an encoded surrogate is not UTF-8
    (b'{"name": "\xff"}', 400, None),
    # instants off the calendar once their offset is applied, in every date field
    (
        job(
            '"schedule": {"type": "at", "datetime": "9999-12-31T23:59:59Z",'
            ' "timezone": "Pacific/Kiritimati"}'
        ).replace(', "schedule": {"type": "every", "interval": 60}', ""),
        422,
        "schedule.datetime",
    ),
]


@pytest.mark.parametrize(("raw", "status", "field"), CASES)
async def test_refused_and_nothing_kept(
    api: httpx.AsyncClient, raw: str | bytes, status: int, field: str | None
) -> None:
    response = await api.post(
        "/jobs", content=raw if isinstance(raw, bytes) else raw.encode(), headers=_json()
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    if field is not None:
        assert field in [e["field"] for e in problem["errors"]], problem
    listed = await api.get("/jobs")
    assert listed.status_code == 200
    assert listed.json()["count"] == 0
    assert (await api.get("/stats")).status_code == 200


def _json() -> dict[str, str]:
    return {"content-type": "application/json"}


DATES = [
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01T00:00:00Z",
    "9999-12-31T23:59:59Z",
]


@pytest.mark.parametrize("instant", DATES)
@pytest.mark.parametrize("where", ["start_at", "end_at", "datetime"])
async def test_an_instant_off_the_calendar_is_422_in_every_schedule_field(
    api: httpx.AsyncClient, instant: str, where: str
) -> None:
    schedule = (
        {"type": "at", "datetime": instant}
        if where == "datetime"
        else {"type": "cron", "expression": "0 9 * * *", where: instant}
    )
    response = await api.post("/jobs", json={"name": "j", "action": "noop", "schedule": schedule})
    assert response.status_code == 422, response.text
    assert response.json()["field"] == f"schedule.{where}"
    assert (await api.get("/jobs")).json()["count"] == 0


@pytest.mark.parametrize("instant", DATES)
async def test_an_instant_off_the_calendar_is_422_in_query_parameters_and_bodies(
    api: httpx.AsyncClient, instant: str
) -> None:
    for name in ("start", "end"):
        response = await api.get("/calendar-data", params={name: instant})
        assert response.status_code == 422, response.text
        assert response.json()["field"] == name
    created = await api.post(
        "/jobs",
        json={"name": "j", "action": "noop", "schedule": {"type": "every", "interval": 60}},
    )
    job_id = created.json()["id"]
    response = await api.patch(
        f"/jobs/{job_id}/reschedule",
        json={"schedule": {"type": "every", "interval": 30}, "effective_from": instant},
    )
    assert response.status_code == 422, response.text
    assert response.json()["field"] == "effective_from"
    for name in ("start", "end"):
        body = {"start": "2026-01-01T00:00:00Z", "end": "2026-01-02T00:00:00Z", name: instant}
        response = await api.post(f"/jobs/{job_id}/backfill", json=body)
        assert response.status_code == 422, response.text
        assert response.json()["field"] == name


async def test_validate_says_an_instant_off_the_calendar_is_invalid(api: httpx.AsyncClient) -> None:
    for value, zone in [
        ("9999-12-31T23:59:59Z", "Pacific/Kiritimati"),
        ("0001-01-01T00:00:00+14:00", "UTC"),
    ]:
        response = await api.get(
            "/validate", params={"type": "at", "value": value, "timezone": zone}
        )
        assert response.status_code == 200
        assert response.json()["valid"] is False


async def test_an_interval_of_thousands_of_digits_is_refused(api: httpx.AsyncClient) -> None:
    response = await api.get("/validate", params={"type": "every", "value": "9" * 5000})
    assert response.status_code == 200
    assert response.json()["valid"] is False


def test_a_schedule_late_in_the_calendar_stops_instead_of_overflowing() -> None:
    schedule = Schedule.from_dict(
        {"type": "every", "interval": 366 * 86400, "start_at": "8999-06-01T00:00:00Z"}
    )
    times = next_fire_times(schedule, after=datetime(8999, 1, 1, tzinfo=UTC), count=1000)
    assert 900 < len(times) < 1000  # every fire time up to year 9999, then no more
    assert times[-1].year == 9999


@pytest.mark.parametrize("zone", ["UTC", "America/New_York", "Pacific/Kiritimati"])
def test_a_cron_that_fires_once_in_decades_stops_before_the_calendar_ends(zone: str) -> None:
    """Feb 31 or the fifth Friday of February: only in a leap year whose February 1 is a
    Friday, every 28 years or so. A thousand of them reach past year 9999; the search stopped
    there with "year 10008 is out of range" (a 500 from /validate) instead of ending."""
    schedule = Schedule.from_dict({"type": "cron", "expression": "0 0 31 2 5#5", "timezone": zone})
    times = next_fire_times(schedule, after=datetime(2026, 1, 1, tzinfo=UTC), count=1000)
    assert 200 < len(times) < 1000
    assert all(t.month == 2 and t.astimezone(schedule.zone).day == 29 for t in times)


async def test_validate_answers_for_a_cron_that_runs_out_of_calendar(
    api: httpx.AsyncClient,
) -> None:
    response = await api.get(
        "/validate", params={"type": "cron", "value": "0 0 31 2 5#5", "count": 1000}
    )
    assert response.status_code == 200, response.text
    assert 200 < len(response.json()["next_runs"]) < 1000


async def test_a_job_late_in_the_calendar_reads_back(api: httpx.AsyncClient) -> None:
    schedule = {"type": "every", "interval": 366 * 86400, "start_at": "8999-12-31T00:00:00Z"}
    created = await api.post(
        "/jobs",
        json={"name": "late", "action": "noop", "schedule": schedule, "timezone": "Etc/GMT-14"},
    )
    assert created.status_code == 201, created.text
    assert (await api.get(f"/jobs/{created.json()['id']}")).status_code == 200
    assert (await api.get("/jobs")).status_code == 200


def test_cases_are_what_they_say() -> None:
    # the escapes reach the service as escapes, not as characters json.dumps would reject
    assert "\\ud800" in CASES[0][0]
    assert json.loads(CASES[0][0])["metadata"]["a"] == "\ud800"


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31T23:59:59-14:00",
        "0001-01-01T00:00:00+14:00",
        "every day until 9999-12-31",
        "at 9999-12-31T23:59:59Z",
        "every year on dec 31 until 9999-12-31",
        "at 23:59 on 9999-12-31",
    ],
)
@pytest.mark.parametrize("zone", ["UTC", "Pacific/Kiritimati", "Etc/GMT+12"])
async def test_plain_words_naming_a_date_off_the_calendar_are_refused(
    api: httpx.AsyncClient, text: str, zone: str
) -> None:
    parsed = await api.post("/parse-nl", json={"text": text, "timezone": zone})
    assert parsed.status_code in (200, 422), parsed.text
    created = await api.post(
        "/jobs", json={"name": "x", "action": "noop", "schedule": text, "timezone": zone}
    )
    assert created.status_code in (201, 422), created.text
    assert (await api.get("/jobs")).status_code == 200


async def test_a_cron_expression_of_thousands_of_items_is_refused_before_it_is_read(
    api: httpx.AsyncClient,
) -> None:
    value = "1," * 5000 + "1 * * * *"
    response = await api.get("/validate", params={"type": "cron", "value": value})
    assert response.status_code == 200
    assert response.json()["valid"] is False
    assert response.json()["error"] == "is longer than 1000 characters"
