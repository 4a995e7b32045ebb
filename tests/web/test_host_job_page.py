"""The dashboard on jobs that touch the host: a sql job's page says what it runs where, its
run's rows show as a table, and editing it in the form keeps its settings."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.conftest import Service, Watch, service_env, serving, sign_in, watched_tab

sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests need playwright")
expect = sync_api.expect

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sql_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    home = tmp_path_factory.mktemp("sql-service")
    shop = home / "shop.db"
    conn = sqlite3.connect(shop)
    conn.execute("CREATE TABLE orders (id INTEGER, customer TEXT, total REAL)")
    conn.executemany("INSERT INTO orders VALUES (?, ?, ?)", [(1, "c_1", 10.5), (2, "c_2", 99)])
    conn.commit()
    conn.close()
    env = service_env(home, AGENTCRON_SQL_CONNECTIONS=f'{{"shop": "sqlite:///{shop}"}}')
    with serving(home, env) as service:
        yield service


@pytest.fixture
def sql_page(
    browser: Any, sql_service: Service, watch: Watch, request: pytest.FixtureRequest
) -> Iterator[Any]:
    with watched_tab(browser, watch, request, base_url=sql_service.url) as tab:
        sign_in(tab, sql_service.key)
        yield tab


def test_a_sql_jobs_page_its_rows_and_its_edit_form(sql_page: Any, sql_service: Service) -> None:
    page = sql_page
    with sql_service.client() as api:
        created = api.post(
            "/jobs",
            json={
                "name": "Orders",
                "action": "sql",
                "sql": {
                    "connection": "shop",
                    "statement": "SELECT id, customer, total FROM orders",
                },
                "schedule": None,
            },
        )
        assert created.status_code == 201, created.text
        job = created.json()
        page.goto(f"/#/jobs/{job['id']}")
        expect(page.locator(".details")).to_contain_text(
            "SQL on shop (read-only): SELECT id, customer, total FROM orders"
        )
        page.locator(".page-head button[data-action=trigger]").click()
        run = page.locator("tr.run")
        expect(run).to_have_attribute("data-status", "succeeded")
        run.get_by_role("button", name="Details").click()
        detail = page.locator(".run-detail")
        expect(detail).to_contain_text("2 rows from shop.")
        expect(detail.locator("pre.table")).to_contain_text("| 2 | c_2 | 99.0 |")

        page.goto(f"/#/jobs/{job['id']}/edit")
        expect(page.locator("#action")).to_have_value("sql")
        expect(page.locator("form")).to_contain_text("SQL on shop (read-only)")
        page.fill("#name", "Orders, renamed")
        page.click("button[type=submit]")
        expect(page.locator("h1")).to_have_text("Orders, renamed")
        saved = api.get(f"/jobs/{job['id']}").json()
        assert saved["action"] == "sql" and saved["sql"] == job["sql"]
