"""Sends what the outbox holds: run results to Slack, webhooks and e-mail, job events to
webhook_url, a slot's result to callback_url."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime
from typing import Any

import aiohttp

from agentcron.app.domain.enums import OutboxKind, OutboxStatus
from agentcron.app.domain.records import OutboxRow
from agentcron.app.domain.sending import plan_send
from agentcron.app.engine.failures import FailureSpell
from agentcron.app.engine.waiting import sleep_until_woken
from agentcron.app.runtime import Runtime
from agentcron.app.storage.outbox import OutboxStore
from agentcron.delivery.base import DeliveryResult, Message
from agentcron.delivery.email import EmailChannel
from agentcron.delivery.format import webhook_payload
from agentcron.delivery.smtp import SmtpServer
from agentcron.delivery.targets import parse_target
from agentcron.delivery.webhook import WebhookChannel

log = logging.getLogger("agentcron.outbox")

LEASE_SECONDS = 120.0


class OutboxSender:
    def __init__(self, rt: Runtime, *, session: aiohttp.ClientSession, now: Any) -> None:
        self.rt = rt
        self.store = OutboxStore(rt.db)
        self.session = session
        self.now = now
        self.wake_event = asyncio.Event()
        self._slack: Any = None
        self._webhook: Any = None
        self._email: Any = None
        self.in_flight: set[asyncio.Task[None]] = set()
        self.stopping = False
        self.failures = FailureSpell(log, "reading the outbox")

    def wake(self) -> None:
        self.wake_event.set()

    def _slack_channel(self) -> Any:
        settings = self.rt.settings
        if self._slack is None and (settings.slack_bot_token or settings.slack_oauth):
            # slack_sdk is loaded only by a service that has a Slack token
            from agentcron.app.storage.slack_installs import bot_tokens
            from agentcron.delivery.pacing import Pacer
            from agentcron.delivery.slack import SlackChannel, build_slack_client

            client = build_slack_client(settings.slack_bot_token, base_url=settings.slack_api_url)
            tokens = None
            if settings.slack_oauth:  # installed in several workspaces: each its own token
                assert settings.slack_client_id
                tokens = bot_tokens(
                    self.rt.db,
                    client_id=settings.slack_client_id,
                    keys=settings.slack_token_key,
                    clock=self.rt.clock,
                )
            self._slack = SlackChannel(client, pacer=Pacer(), tokens=tokens)
        return self._slack

    def _email_channel(self) -> Any:
        """The e-mail channel, or None without AGENTCRON_SMTP_URL; ValueError (what to fix)
        for settings that cannot work."""
        settings = self.rt.settings
        if self._email is None and settings.smtp_url:
            server = SmtpServer.from_url(
                settings.smtp_url, sender=settings.smtp_from, ca_file=settings.smtp_ca_file
            )
            self._email = EmailChannel(server)
        return self._email

    def _webhook_channel(self) -> Any:
        if self._webhook is None:
            self._webhook = WebhookChannel(self.session, secret=self.rt.settings.webhook_secret)
        return self._webhook

    async def run(self) -> None:
        while not self.stopping:
            self.wake_event.clear()
            try:
                items = await self.store.acquire(
                    now=await self.now(), limit=50, lease=LEASE_SECONDS
                )
                self.failures.succeeded()
            except Exception as exc:
                self.failures.failed(exc)
                items = []
            for item in items:
                task = asyncio.create_task(self._send(item))
                self.in_flight.add(task)
                task.add_done_callback(self.in_flight.discard)
            if len(items) == 50:
                continue
            await sleep_until_woken(self.wake_event, 2.0)

    async def _send(self, item: OutboxRow) -> None:
        try:
            if item.kind == OutboxKind.EVENT:
                result = await self._post_event(item)
            elif item.kind == OutboxKind.CALLBACK:
                result = await self._post_callback(item)
            else:
                result = await self._deliver(item)
            ok, detail = result.status == OutboxStatus.DELIVERED, result.detail
            retryable, external = result.retryable, result.external_id
        except Exception as exc:  # a channel bug must not lose the row
            log.exception("delivery of %s crashed", item.id)
            ok, detail, retryable, external = False, f"{type(exc).__name__}: {exc}", True, None
        now = await self.now()
        plan = plan_send(delivered=ok, retryable=retryable, attempts=item.attempts, now=now)
        await self.store.complete(item, plan, detail=detail, now=now, external_id=external)

    async def _deliver(self, item: OutboxRow) -> DeliveryResult:
        target = parse_target(item.target)
        message = self._message(item)
        if target.kind == "slack":
            channel = self._slack_channel()
            if channel is None:
                return DeliveryResult(
                    "failed", "no Slack token configured (SLACK_BOT_TOKEN)", retryable=False
                )
        elif target.kind == "email":
            try:
                channel = self._email_channel()
            except ValueError as error:  # the operator's settings: retrying cannot help
                return DeliveryResult("failed", str(error), retryable=False)
            if channel is None:
                return DeliveryResult(
                    "failed", "no SMTP server configured (AGENTCRON_SMTP_URL)", retryable=False
                )
        else:
            channel = self._webhook_channel()
        return await channel.send(target, message)

    async def _post_callback(self, item: OutboxRow) -> DeliveryResult:
        """The slot's result to the job's ``callback_url``: a webhook's JSON, signed."""
        payload = webhook_payload(self._message(item))
        payload["condition_met"] = item.payload.get("condition_met")
        return await self._webhook_channel().post(
            item.target,
            payload,
            event=payload["event"],
            delivery_id=item.id,
            idempotency_key=item.idempotency_key,
        )

    def _message(self, item: OutboxRow) -> Message:
        payload, run = item.payload, item.run
        public = self.rt.settings.public_url
        workspace = item.owner.split(":")[1] if item.owner.startswith("slack:") else None
        return Message(
            job_id=item.job_id,
            job_name=item.job_name,
            run_id=item.run_id,
            status=run.get("status") or payload.get("status", ""),
            output=run.get("output") or "",
            data=run.get("data") or {},
            scheduled_for=run.get("scheduled_for"),
            completed_at=run.get("completed_at"),
            link=f"{public.rstrip('/')}/#/jobs/{item.job_id}" if public else None,
            format=payload.get("format", "markdown"),
            kind=payload.get("kind", "result"),
            error=payload.get("error") or run.get("error"),
            attempts=run.get("attempt") or 1,
            idempotency_key=item.idempotency_key,
            allow_mentions=bool(payload.get("allow_mentions")),
            # buttons only for a Slack person's job: they answer to its owner alone
            actions=self.rt.settings.slack_interactive and workspace is not None,
            workspace=workspace,
        )

    async def _post_event(self, item: OutboxRow) -> DeliveryResult:
        run = item.run
        payload = {
            "event": item.event,
            "job_id": item.job_id,
            "job_name": item.job_name,
            "run_id": item.run_id,
            "status": run.get("status"),
            "attempt": run.get("attempt"),
            "trigger": run.get("trigger"),
            "scheduled_for": _iso(run.get("scheduled_for")),
            "started_at": _iso(run.get("started_at")),
            "completed_at": _iso(run.get("completed_at")),
            "error": run.get("error"),
            **{k: v for k, v in item.payload.items() if k in ("final",)},
        }
        if "detail" in item.payload:  # job.request → "request", job.response → "response"
            payload[item.event.removeprefix("job.")] = item.payload["detail"]
        return await self._webhook_channel().post(
            item.target,
            payload,
            event=item.event,
            delivery_id=item.id,
            idempotency_key=item.idempotency_key,
        )


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value
