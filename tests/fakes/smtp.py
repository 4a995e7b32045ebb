"""A local SMTP server (aiosmtpd) on a real port of 127.0.0.1 that keeps what it is sent.

``running_smtp(...)`` starts one: plain, with STARTTLS (a certificate from a throwaway CA
made by trustme; the client trusts that CA through ``ca_file``), with implicit TLS
(``implicit_tls=True``), with a login (``users``), and with scripted refusals
(``refuse``: recipient → (code, message)) for the failure tests.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from tests.support.service import free_port


@dataclass
class Received:
    sender: str
    recipients: list[str]
    message: EmailMessage
    login: str | None


@dataclass
class SmtpServer:
    port: int
    ca_file: str | None
    received: list[Received] = field(default_factory=list)
    refuse: dict[str, tuple[int, str]] = field(default_factory=dict)
    arrived: asyncio.Event | None = None

    def url(self, scheme: str = "smtp", login: str = "") -> str:
        return f"{scheme}://{login + '@' if login else ''}127.0.0.1:{self.port}"


class _Handler:
    def __init__(self, server: SmtpServer, loop: asyncio.AbstractEventLoop) -> None:
        self.server = server
        self.loop = loop

    async def handle_RCPT(
        self, smtp: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address in self.server.refuse:
            code, text = self.server.refuse[address]
            return f"{code} {text}"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp: SMTP, session: Session, envelope: Envelope) -> str:
        message = message_from_bytes(envelope.original_content or b"", policy=policy.default)
        login = session.auth_data.login.decode() if session.auth_data else None
        received = Received(
            str(envelope.mail_from),
            list(envelope.rcpt_tos),
            message,
            login,  # type: ignore[arg-type]
        )
        self.server.received.append(received)
        if self.server.arrived is not None:
            self.loop.call_soon_threadsafe(self.server.arrived.set)
        return "250 Message accepted"


def _authenticator(users: dict[str, str]) -> Any:
    def check(server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any) -> Any:
        if (
            isinstance(data, LoginPassword)
            and users.get(data.login.decode()) == data.password.decode()
        ):
            return AuthResult(success=True, auth_data=data)
        return AuthResult(success=False, handled=False)

    return check


@contextmanager
def running_smtp(
    tmp_path: Path,
    *,
    starttls: bool = False,
    implicit_tls: bool = False,
    users: dict[str, str] | None = None,
    require_starttls: bool = False,
) -> Iterator[SmtpServer]:
    """An SMTP server for the test (in aiosmtpd's own thread), stopped afterwards."""
    ca_file = None
    server_context = None
    if starttls or implicit_tls:
        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        server_context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        cert.configure_cert(server_context)
        ca_path = tmp_path / "smtp-ca.pem"
        ca.cert_pem.write_to_path(str(ca_path))
        ca_file = str(ca_path)
    server = SmtpServer(port=free_port(), ca_file=ca_file)
    try:
        server.arrived = asyncio.Event()
        loop = asyncio.get_running_loop()
    except RuntimeError:
        server.arrived, loop = None, asyncio.new_event_loop()
    kwargs: dict[str, Any] = {}
    if users is not None:
        kwargs.update(authenticator=_authenticator(users), auth_require_tls=True)
    if starttls:
        kwargs.update(tls_context=server_context, require_starttls=require_starttls)
    if implicit_tls:
        kwargs.update(ssl_context=server_context)
    controller = Controller(
        _Handler(server, loop), hostname="127.0.0.1", port=server.port, **kwargs
    )
    controller.start()
    try:
        yield server
    finally:
        controller.stop()


async def wait_for_mail(server: SmtpServer, count: int = 1, *, within: float = 10.0) -> None:
    """Until ``count`` messages have arrived (an event set by the server's thread)."""
    assert server.arrived is not None

    async def enough() -> None:
        while len(server.received) < count:
            server.arrived.clear()  # type: ignore[union-attr]
            if len(server.received) >= count:
                return
            await server.arrived.wait()  # type: ignore[union-attr]

    await asyncio.wait_for(enough(), within)
