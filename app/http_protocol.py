"""The HTTP/1.1 protocol the service is served with: uvicorn's h11 protocol with a deadline for
each request's head.

uvicorn waits for a request line and headers as long as bytes keep arriving, and a connection
that sends nothing is never timed out before its first response: a client that opens many
connections and sends a header a byte at a time (slowloris) holds them, and the sockets they
cost, for as long as it likes. Here each request's head — from the connection's first byte, or
the first byte after a keep-alive pause — must be complete within `head_timeout` seconds, or the
connection is closed. A request whose head is too large is answered 431 (h11's own limit,
uvicorn's `h11_max_incomplete_event_size`), not a bare 400.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import DEFAULT_MAX_INCOMPLETE_EVENT_SIZE, H11Protocol

logger = logging.getLogger("agentcron.http")

#: seconds a client has to send a request's line and headers (nginx's client_header_timeout
#: is 60 s; a browser or an HTTP library sends its head in one write)
DEFAULT_HEAD_TIMEOUT = 10.0


def head_deadline_protocol(head_timeout: float = DEFAULT_HEAD_TIMEOUT) -> type[H11Protocol]:
    """The protocol class for `uvicorn.run(http=…)`, with this deadline."""
    return type("HeadDeadlineProtocol", (HeadDeadlineProtocol,), {"head_timeout": head_timeout})


class HeadDeadlineProtocol(H11Protocol):
    head_timeout: float = DEFAULT_HEAD_TIMEOUT

    def __init__(self, config: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self._head_deadline: asyncio.TimerHandle | None = None
        self._head_limit: int = (
            config.h11_max_incomplete_event_size or DEFAULT_MAX_INCOMPLETE_EVENT_SIZE
        )

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        if self._head_deadline is None and self._awaiting_head():
            self._arm()  # the first byte of a request after a keep-alive pause
        super().data_received(data)
        if not self._awaiting_head():
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def send_400_response(self, msg: str) -> None:
        if self._head_too_large():
            self._send_431()
            return
        super().send_400_response(msg)

    def _awaiting_head(self) -> bool:
        return self.conn.their_state is h11.IDLE

    def _arm(self) -> None:
        self._disarm()
        self._head_deadline = self.loop.call_later(self.head_timeout, self._head_too_slow)

    def _disarm(self) -> None:
        if self._head_deadline is not None:
            self._head_deadline.cancel()
            self._head_deadline = None

    def _head_too_slow(self) -> None:
        self._head_deadline = None
        if self._awaiting_head() and not self.transport.is_closing():
            client = f"{self.client[0]}:{self.client[1]}" if self.client else "a client"
            logger.warning(
                "closed a connection from %s: no complete request head in %.0f s",
                client,
                self.head_timeout,
            )
            self.transport.close()

    def _head_too_large(self) -> bool:
        # h11 gave up on the request (ERROR) holding more unparsed bytes than its limit
        unparsed, _closed = self.conn.trailing_data
        return self.conn.their_state is h11.ERROR and len(unparsed) > self._head_limit

    def _send_431(self) -> None:
        body = b"Request header fields too large."
        head = (
            b"HTTP/1.1 431 Request Header Fields Too Large\r\n"
            b"content-type: text/plain; charset=utf-8\r\n"
            b"connection: close\r\n"
            b"content-length: %d\r\n\r\n" % len(body)
        )
        self.transport.write(head + body)
        self.transport.close()
