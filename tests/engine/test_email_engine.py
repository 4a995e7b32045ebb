"""E-mail delivery through the engine and its outbox, to a real SMTP server on a real port."""

from __future__ import annotations

from pathlib import Path

from tests.engine.conftest import EngineHarness
from tests.fakes.smtp import running_smtp, wait_for_mail
from tests.support.service import free_port


async def test_a_result_is_mailed_and_recorded_on_the_run(
    engine: EngineHarness, tmp_path: Path
) -> None:
    with running_smtp(tmp_path, starttls=True, users={"mailer": "pw"}) as server:
        settings = engine.rt.settings
        settings.smtp_url = server.url("smtp+starttls", login="mailer:pw")
        settings.smtp_from, settings.smtp_ca_file = "agentcron@example.com", server.ca_file
        job = await engine.create(
            name="Nightly check",
            action="noop",
            schedule=None,
            delivery={"channel": "email:ops@example.com"},
        )
        run = await engine.finished(job["id"], await engine.trigger(job["id"]))
        engine.service.outbox.wake()
        await wait_for_mail(server)

        async def delivered() -> dict | None:
            entry = ((await engine.run(job["id"], run["id"]))["delivery"] or {}).get(
                "email:ops@example.com"
            )
            return entry if entry and entry["status"] == "delivered" else None

        entry = await engine.until(delivered, what="the e-mail recorded as delivered")
    [mail] = server.received
    assert mail.message["Subject"] == "Nightly check"
    assert mail.recipients == ["ops@example.com"] and mail.login == "mailer"
    assert entry["detail"] == "sent to ops@example.com through 127.0.0.1"


async def test_a_server_that_is_down_is_tried_again_later(engine: EngineHarness) -> None:
    settings = engine.rt.settings
    settings.smtp_url, settings.smtp_from = f"smtp://127.0.0.1:{free_port()}", "a@example.com"
    job = await engine.create(
        name="mail", action="noop", schedule=None, delivery={"channel": "email:ops@example.com"}
    )
    run = await engine.finished(job["id"], await engine.trigger(job["id"]))
    engine.service.outbox.wake()

    async def retrying() -> dict | None:
        entry = ((await engine.run(job["id"], run["id"]))["delivery"] or {}).get(
            "email:ops@example.com"
        )
        return entry if entry and entry["status"] == "retrying" else None

    entry = await engine.until(retrying, what="the delivery to be retried")
    assert "could not send through 127.0.0.1" in entry["detail"]
    assert run["status"] == "succeeded"  # a delivery failure never fails the run


async def test_email_delivery_is_refused_without_an_smtp_server(engine: EngineHarness) -> None:
    response = await engine.api.post(
        "/jobs",
        json={
            "name": "mail",
            "action": "noop",
            "schedule": None,
            "delivery": {"channel": "slack:#ops", "channels": ["email:ops@example.com"]},
        },
    )
    assert response.status_code == 422
    problem = response.json()
    assert problem["field"] == "delivery.channels[1]"
    assert "AGENTCRON_SMTP_URL" in problem["detail"]
