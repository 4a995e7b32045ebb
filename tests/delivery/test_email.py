"""E-mail delivery through a real SMTP server on a real port (aiosmtpd): plain, STARTTLS
with a self-signed certificate and a login, implicit TLS, and the ways sending fails."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from agentcron.delivery.base import Message
from agentcron.delivery.email import EmailChannel, build_email, subject
from agentcron.delivery.smtp import SmtpServer
from agentcron.delivery.targets import parse_target
from tests.fakes.smtp import running_smtp
from tests.support.service import free_port

OUTPUT = (
    "# Incidents\n\n**2** open: see [the board](https://status.example.com/board).\n\n"
    "<script>alert(1)</script> <b>not bold</b>\n\n[paypal.com](https://evil.test/login)"
)


def message(**changes: Any) -> Message:
    values: dict[str, Any] = {
        "job_id": "job_1",
        "job_name": "Daily digest",
        "run_id": "run_1",
        "status": "succeeded",
        "output": OUTPUT,
        "data": {"open": 2},
        "scheduled_for": datetime(2026, 3, 2, 14, 0, tzinfo=UTC),
        "completed_at": datetime(2026, 3, 2, 14, 0, 5, tzinfo=UTC),
        "idempotency_key": "job_1:2026-03-02T14:00:00.000000Z:result",
    }
    values.update(changes)
    return Message(**values)


def channel(url: str, *, ca_file: str | None = None) -> EmailChannel:
    return EmailChannel(
        SmtpServer.from_url(url, sender="agentcron@example.com", ca_file=ca_file, timeout=5)
    )


async def test_a_result_is_sent_with_a_subject_text_and_escaped_html(tmp_path: Path) -> None:
    with running_smtp(tmp_path) as server:
        result = await channel(server.url()).send(
            parse_target("email:ops@example.com, oncall@example.com"), message()
        )
    assert result.status == "delivered", result.detail
    [mail] = server.received
    assert mail.recipients == ["ops@example.com", "oncall@example.com"]
    email = mail.message
    assert email["Subject"] == "Daily digest"
    assert email["From"] == "agentcron@example.com"
    assert email["To"] == "ops@example.com, oncall@example.com"
    assert email["Auto-Submitted"] == "auto-generated"
    text = email.get_body(("plain",)).get_content()
    assert "2 open: see the board (https://status.example.com/board)." in text
    html = email.get_body(("html",)).get_content()
    assert "<h1>Incidents</h1>" in html and "<strong>2</strong>" in html
    assert '<a href="https://status.example.com/board">the board</a>' in html
    # the agent's HTML is shown as text, never markup
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>" not in html and "&lt;b&gt;not bold&lt;/b&gt;" in html
    # a label naming another address than the link opens shows where it goes
    assert "<p>paypal.com (https://evil.test/login)</p>" in html


async def test_starttls_with_a_self_signed_certificate_and_a_login(tmp_path: Path) -> None:
    with running_smtp(
        tmp_path, starttls=True, require_starttls=True, users={"mailer": "s3cret"}
    ) as server:
        url = server.url("smtp+starttls", login="mailer:s3cret")
        result = await channel(url, ca_file=server.ca_file).send(
            parse_target("email:ops@example.com"), message()
        )
    assert result.status == "delivered", result.detail
    [mail] = server.received
    assert mail.login == "mailer"


async def test_plain_smtp_upgrades_when_starttls_is_offered(tmp_path: Path) -> None:
    with running_smtp(tmp_path, starttls=True, users={"mailer": "s3cret"}) as server:
        url = server.url("smtp", login="mailer:s3cret")
        result = await channel(url, ca_file=server.ca_file).send(
            parse_target("email:ops@example.com"), message()
        )
    assert result.status == "delivered", result.detail
    assert server.received[0].login == "mailer"  # the server allows a login only over TLS


async def test_implicit_tls(tmp_path: Path) -> None:
    with running_smtp(tmp_path, implicit_tls=True) as server:
        result = await channel(server.url("smtps"), ca_file=server.ca_file).send(
            parse_target("email:ops@example.com"), message()
        )
    assert result.status == "delivered", result.detail
    assert len(server.received) == 1


async def test_an_untrusted_certificate_is_refused(tmp_path: Path) -> None:
    with running_smtp(tmp_path, starttls=True, require_starttls=True) as server:
        result = await channel(server.url("smtp+starttls")).send(  # the CA is not trusted
            parse_target("email:ops@example.com"), message()
        )
    assert result.status == "failed"
    assert "certificate" in result.detail.lower()
    assert server.received == []


async def test_a_wrong_password_is_a_permanent_failure(tmp_path: Path) -> None:
    with running_smtp(tmp_path, starttls=True, users={"mailer": "s3cret"}) as server:
        url = server.url("smtp+starttls", login="mailer:wrong")
        result = await channel(url, ca_file=server.ca_file).send(
            parse_target("email:ops@example.com"), message()
        )
    assert result.status == "failed"
    assert result.retryable is False
    assert "535" in result.detail


@pytest.mark.parametrize(("code", "retryable"), [(550, False), (450, True)])
async def test_a_refused_recipient_fails_retryable_only_when_temporary(
    tmp_path: Path, code: int, retryable: bool
) -> None:
    with running_smtp(tmp_path) as server:
        server.refuse["ops@example.com"] = (code, "mailbox unavailable")
        result = await channel(server.url()).send(parse_target("email:ops@example.com"), message())
    assert result.status == "failed"
    assert result.retryable is retryable
    assert f"ops@example.com: {code} mailbox unavailable" in result.detail


async def test_refused_for_some_recipients_is_delivered_to_the_others(tmp_path: Path) -> None:
    with running_smtp(tmp_path) as server:
        server.refuse["gone@example.com"] = (550, "no such user")
        result = await channel(server.url()).send(
            parse_target("email:ops@example.com,gone@example.com"), message()
        )
    assert result.status == "delivered"
    assert "refused: gone@example.com: 550 no such user" in result.detail
    assert server.received[0].recipients == ["ops@example.com"]


async def test_a_server_that_does_not_answer_is_worth_trying_again() -> None:
    result = await channel(f"smtp://127.0.0.1:{free_port()}").send(
        parse_target("email:ops@example.com"), message()
    )
    assert result.status == "failed"
    assert result.retryable is True


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, "Daily digest"),
        (
            {"kind": "failure", "status": "failed", "attempts": 3},
            "Daily digest failed after 3 attempts",
        ),
        ({"kind": "skipped", "status": "skipped"}, "Daily digest did not run"),
        ({"job_name": "a\r\nBcc: x@evil.test"}, "a Bcc: x@evil.test"),
    ],
)
def test_the_subject_says_how_the_run_went_on_one_line(
    changes: dict[str, Any], expected: str
) -> None:
    assert subject(message(**changes)) == expected


def test_a_copy_sent_again_for_the_same_slot_is_the_same_message() -> None:
    first = build_email(message(), sender="a@example.com", recipients=["b@example.com"])
    again = build_email(message(), sender="a@example.com", recipients=["b@example.com"])
    other = build_email(
        message(idempotency_key="job_1:2026-03-03T14:00:00.000000Z:result"),
        sender="a@example.com",
        recipients=["b@example.com"],
    )
    assert first["Message-ID"] == again["Message-ID"] != other["Message-ID"]
    assert first["Message-ID"].endswith("@example.com>")


def test_json_and_text_formats_are_preformatted_and_escaped() -> None:
    email = build_email(
        message(format="json", data={"html": "<i>x</i>"}),
        sender="a@example.com",
        recipients=["b@example.com"],
    )
    html = email.get_body(("html",)).get_content()
    assert "<pre>" in html and "&lt;i&gt;x&lt;/i&gt;" in html


@pytest.mark.parametrize(
    ("url", "fragment"),
    [
        ("http://mail.example.com", "smtp://"),
        ("smtp://", "no host"),
        ("smtp://mail.example.com", "AGENTCRON_SMTP_FROM"),
    ],
)
def test_bad_server_settings_say_what_to_fix(url: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        SmtpServer.from_url(url, sender=None)


def test_server_settings_from_the_url() -> None:
    server = SmtpServer.from_url("smtps://me%40example.com:p%3Ass@mail.example.com", sender=None)
    assert (server.host, server.port, server.security) == ("mail.example.com", 465, "tls")
    assert (server.username, server.password, server.sender) == (
        "me@example.com",
        "p:ss",
        "me@example.com",
    )
    assert SmtpServer.from_url("smtp://mail.example.com", sender="a@b.co").port == 587
