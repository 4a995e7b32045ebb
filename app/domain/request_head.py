"""How large a request's head may be: its target (path and query) and its header fields.

uvicorn's h11 protocol refuses a head only while it is still incomplete and over 16 KiB
(``app.http_protocol`` answers that 431); a complete head that arrives in one read — 100,000
characters of one header value over loopback — is parsed whole and handed to the app. The app
holds the same limit on every head, whatever server runs it and however its bytes arrived:
header fields over ``MAX_HEADER_BYTES`` in all are 431 (Node's default and uvicorn's limit), a
target over ``MAX_TARGET_BYTES`` is 414 (a query of a 1,000-character cron expression, each
character escaped, fits).
"""

from __future__ import annotations

from collections.abc import Iterable

#: every header line counted as sent: name, ": ", value, CRLF
MAX_HEADER_BYTES = 16 * 1024
MAX_TARGET_BYTES = 32 * 1024


def head_refusal(
    target_bytes: int, headers: Iterable[tuple[bytes, bytes]]
) -> tuple[int, str] | None:
    """The status and reason a head this size is refused with, or None to serve it."""
    if target_bytes > MAX_TARGET_BYTES:
        return 414, f"the request's path and query are longer than {MAX_TARGET_BYTES:,} bytes"
    total = 0
    for name, value in headers:
        total += len(name) + len(value) + 4
        if total > MAX_HEADER_BYTES:
            return 431, f"the request's header fields are larger than {MAX_HEADER_BYTES:,} bytes"
    return None
