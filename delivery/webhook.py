"""Webhook delivery: a signed JSON POST through the SSRF-guarded session, with retries.

Each request carries ``X-Agentcron-Event`` (``run.result``, ``run.failed``, or a job event
such as ``job.started``), ``X-Agentcron-Delivery`` (the same id on every retry, so a
receiver can drop duplicates), ``Idempotency-Key`` when the caller gives one (the same for
every attempt of the run's slot) and, with a secret, ``X-Agentcron-Signature`` (see
``signing``), signed afresh on each attempt. 2xx is delivered. 5xx, 408, timeouts and
connection errors are retried a few times with exponential backoff, 429 after its
``Retry-After``; other statuses and refused addresses fail at once. When the attempts run
out the result is ``failed`` and retryable, for the caller's durable retry.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import aiohttp

from agentcron.delivery.base import DeliveryResult, Message
from agentcron.delivery.format import webhook_payload
from agentcron.delivery.netguard import BlockedAddress
from agentcron.delivery.signing import (
    DELIVERY_HEADER,
    EVENT_HEADER,
    IDEMPOTENCY_HEADER,
    SIGNATURE_HEADER,
    sign,
)
from agentcron.delivery.targets import Target

DETAIL_BODY_CHARS = 200


class WebhookChannel:
    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        secret: str | None,
        timeout: float = 10,
        max_attempts: int = 3,
        backoff: float = 0.5,
        max_retry_after: float = 30,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.session = session
        self.secret = secret
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.max_retry_after = max_retry_after
        self.clock = clock
        self.sleep = sleep

    async def send(self, target: Target, message: Message) -> DeliveryResult:
        if target.kind != "webhook":
            return DeliveryResult("failed", f"{target} is not a webhook")
        payload = webhook_payload(message)
        delivery_id = f"{message.run_id}:{message.kind}"
        return await self.post(
            target.address,
            payload,
            event=payload["event"],
            delivery_id=delivery_id,
            idempotency_key=message.idempotency_key,
        )

    async def post(
        self,
        url: str,
        payload: Mapping[str, Any],
        *,
        event: str,
        delivery_id: str,
        idempotency_key: str | None = None,
    ) -> DeliveryResult:
        """POST ``payload`` as signed JSON to ``url`` with retries (also used for job events)."""
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=str).encode()
        detail = ""
        attempt = 0
        while attempt < self.max_attempts:
            attempt += 1
            headers = {
                "Content-Type": "application/json",
                EVENT_HEADER: event,
                DELIVERY_HEADER: delivery_id,
            }
            if idempotency_key:
                headers[IDEMPOTENCY_HEADER] = idempotency_key
            if self.secret:
                headers[SIGNATURE_HEADER] = sign(self.secret, int(self.clock()), body)
            wait = self.backoff * 2 ** (attempt - 1)
            try:
                async with self.session.post(
                    url, data=body, headers=headers, timeout=self.timeout
                ) as response:
                    if 200 <= response.status < 300:
                        return DeliveryResult(
                            "delivered", f"{url} answered {response.status}", False, None, attempt
                        )
                    raw = await response.content.read(DETAIL_BODY_CHARS)
                    excerpt = " ".join(raw.decode("utf-8", "replace").split())
                    detail = f"{url} answered {response.status}"
                    detail += f": {excerpt}" if excerpt else ""
                    if response.status == 429:
                        wait = _retry_after(response.headers.get("Retry-After"), default=wait)
                        if wait > self.max_retry_after:
                            return DeliveryResult("failed", detail, True, None, attempt)
                    elif response.status < 500 and response.status != 408:
                        return DeliveryResult("failed", detail, False, None, attempt)
            except BlockedAddress as error:
                return DeliveryResult("failed", str(error), False, None, attempt)
            except TimeoutError:
                detail = f"{url} did not answer within {self.timeout.total:g} s"
            except aiohttp.InvalidURL as error:
                return DeliveryResult("failed", f"invalid URL: {error}", False, None, attempt)
            except aiohttp.ClientError as error:
                detail = f"could not reach {url}: {error or type(error).__name__}"
            if attempt < self.max_attempts:
                await self.sleep(wait)
        return DeliveryResult("failed", detail, True, None, attempt)


def _retry_after(value: str | None, *, default: float) -> float:
    if value is None:
        return default
    try:
        return max(float(value), 0.0)
    except ValueError:
        return default
