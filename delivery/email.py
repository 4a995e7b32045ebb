"""E-mail delivery: a run's result (or failure notice) as a message through the operator's
SMTP server, with ``aiosmtplib``.

The server is one URL (``AGENTCRON_SMTP_URL``): ``smtp://host:587`` upgrades to TLS with
STARTTLS when the server offers it (and refuses to send credentials without it),
``smtp+starttls://`` requires STARTTLS, ``smtps://host:465`` is TLS from the first byte;
``user:password@`` logs in. Certificates are verified, against the system's authorities or
``ca_file`` (an internal CA). The sender is ``AGENTCRON_SMTP_FROM``.

A message has a subject naming the job and how the run went, a plain-text body and an HTML
body from the run's markdown. The HTML is made by markdown-it with raw HTML *off*: a ``<b>``
or a ``<script>`` in the output is shown as text, never markup; links keep only safe schemes
(markdown-it refuses ``javascript:`` and its kin), and a link whose label names another
address than it opens shows its real target (``untrusted.defuse_markdown``). Its
``Message-ID`` is made from the slot's idempotency key, so a copy sent again after a crash
is the same message to every mail client that de-duplicates.

Failures: a 4xx reply, a timeout or a lost connection is worth trying again later
(``retryable``); a 5xx (an unknown mailbox, a refused login) is not. A message refused for
some recipients and taken for others is delivered, the refusals in the detail.
"""

from __future__ import annotations

import hashlib
import html
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Final

import aiosmtplib
from markdown_it import MarkdownIt

from agentcron.delivery.base import DeliveryResult, Message
from agentcron.delivery.format import (
    failure_notice,
    render_text,
    skipped_notice,
    strip_markdown,
)
from agentcron.delivery.smtp import SmtpServer
from agentcron.delivery.targets import Target, split_addresses
from agentcron.delivery.untrusted import defuse_markdown

SUBJECT_NAME_LIMIT: Final = 120
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


class EmailChannel:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def send(self, target: Target, message: Message) -> DeliveryResult:
        if target.kind != "email":
            return DeliveryResult("failed", f"{target} is not an e-mail address")
        recipients = split_addresses(target.address)
        email = build_email(message, sender=self.server.sender, recipients=recipients)
        server = self.server
        context = ssl.create_default_context(cafile=server.ca_file)
        try:
            refused, _reply = await aiosmtplib.send(
                email,
                hostname=server.host,
                port=server.port,
                username=server.username,
                password=server.password,
                use_tls=server.security == "tls",
                # None: upgrade when the server offers STARTTLS (aiosmtplib then refuses to
                # log in over a connection that is not encrypted)
                start_tls=True if server.security == "require_starttls" else None,
                tls_context=context,
                timeout=server.timeout,
            )
        except aiosmtplib.SMTPRecipientsRefused as error:
            details = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in error.recipients)
            retryable = all(400 <= r.code < 500 for r in error.recipients)
            return DeliveryResult("failed", f"refused: {details}", retryable, None, 1)
        except aiosmtplib.SMTPResponseException as error:
            retryable = 400 <= error.code < 500
            return DeliveryResult(
                "failed", f"{server.host} answered {error.code} {error.message}", retryable, None, 1
            )
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
            reason = str(error) or type(error).__name__
            return DeliveryResult("failed", f"could not send through {server.host}: {reason}", True)
        detail = f"sent to {', '.join(recipients)} through {server.host}"
        if refused:
            listed = "; ".join(f"{who}: {r.code} {r.message}" for who, r in refused.items())
            detail += f" (refused: {listed})"
        return DeliveryResult("delivered", detail, False, str(email["Message-ID"])[:100], 1)


# --- the message (pure) ------------------------------------------------------------------


def subject(message: Message) -> str:
    """ "Daily digest: succeeded", "Daily digest failed after 3 attempts", …; one line."""
    name = " ".join(message.job_name.split())
    if len(name) > SUBJECT_NAME_LIMIT:
        name = name[: SUBJECT_NAME_LIMIT - 1] + "…"
    if message.kind == "failure":
        attempts = f"{message.attempts} attempt{'s' if message.attempts != 1 else ''}"
        return f"{name} failed after {attempts}"
    if message.kind == "skipped":
        return f"{name} did not run"
    return f"{name}: {message.status}" if message.status != "succeeded" else name


def build_email(message: Message, *, sender: str, recipients: list[str]) -> EmailMessage:
    """The e-mail for ``message``: plain text and HTML alternatives."""
    email = EmailMessage()
    email["Subject"] = subject(message)
    email["From"] = sender
    email["To"] = ", ".join(recipients)
    email["Date"] = formatdate(localtime=False)
    email["Message-ID"] = _message_id(message, sender)
    email["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies
    if message.idempotency_key:
        email["X-Agentcron-Idempotency-Key"] = message.idempotency_key
    text = render_text(message)
    footer = _footer(message)
    email.set_content(f"{text}\n\n-- \n{footer}\n")
    email.add_alternative(render_html(message, footer=footer), subtype="html")
    return email


def render_html(message: Message, *, footer: str) -> str:
    """The HTML body: the output's markdown rendered with raw HTML off (so escaped)."""
    if message.kind == "result" and message.format == "json":
        body = f"<pre>{html.escape(render_text(message))}</pre>"
    elif message.kind == "result" and message.format == "text":
        body = f"<pre>{html.escape(strip_markdown(message.output or ''))}</pre>"
    else:
        markdown = _markdown_of(message)
        body = _MARKDOWN.render(defuse_markdown(markdown, allow_mentions=True))
    link = ""
    if message.link:
        link = f' · <a href="{html.escape(message.link, quote=True)}">View run</a>'
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
        f'{body}<hr><p style="color:#666;font-size:12px">{html.escape(footer)}{link}</p>'
        "</body></html>"
    )


def _markdown_of(message: Message) -> str:
    if message.kind == "failure":
        return failure_notice(message)
    if message.kind == "skipped":
        return skipped_notice(message)
    return message.output if message.output.strip() else "_(no output)_"


def _footer(message: Message) -> str:
    when = message.completed_at or message.scheduled_for
    moment = f" at {when.isoformat(timespec='seconds')}" if when else ""
    return f"agentcron · {message.job_name} · run {message.run_id}{moment}"


def _message_id(message: Message, sender: str) -> str:
    """The same for every try of one message for one slot (see the module's docstring)."""
    domain = sender.rpartition("@")[2] or "agentcron"
    if not message.idempotency_key:
        return make_msgid(domain=domain)
    digest = hashlib.sha256(message.idempotency_key.encode()).hexdigest()[:32]
    return f"<{digest}.agentcron@{domain}>"
