"""Slack delivery: chat.postMessage through slack_sdk's AsyncWebClient.

``delivered`` only when Slack answers ``ok: true`` with a message ``ts``. A 429 waits for
``Retry-After`` (through the Pacer, so other senders to that channel wait too) and tries
again a bounded number of times; ``ok: false`` is a failure carrying Slack's error, retryable
only when Slack's trouble is transient (rate limits, 5xx, ``internal_error``…), never for
``channel_not_found``, ``not_in_channel``, ``invalid_auth`` and the like. Output longer
than one message goes on as replies in the first message's thread; if a continuation
fails after the first part was posted, the result is ``failed`` and not retryable, since
sending again would post the first part twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import aiohttp
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.web.async_client import AsyncWebClient

from agentcron.delivery.base import DeliveryResult, Message
from agentcron.delivery.format import slack_payloads
from agentcron.delivery.pacing import Pacer
from agentcron.delivery.targets import Target

SLACK_API_URL = "https://slack.com/api/"
#: Slack errors that may go away by themselves; anything else needs a person to fix it.
TRANSIENT_ERRORS = frozenset(
    {
        "ratelimited",
        "rate_limited",
        "internal_error",
        "fatal_error",
        "service_unavailable",
        "request_timeout",
        "team_added_to_org",
    }
)


def build_slack_client(
    token: str | None,
    *,
    base_url: str | None = None,
    session: aiohttp.ClientSession | None = None,
    timeout: int = 30,
    retry_connection_errors: bool = False,
) -> AsyncWebClient:
    """An AsyncWebClient for ``token``; ``base_url`` is AGENTCRON_SLACK_API_URL (fakes, proxies).

    Pass a long-lived ``session`` to reuse connections (without one, slack_sdk opens a new
    session per call); the caller closes it. For delivery, slack_sdk's own retry handlers are
    left out: a retried chat.postMessage may post twice, so retries are decided in one place
    (``SlackChannel`` for rate limits, the caller's durable retry for the rest). The Slack
    app's own client (``retry_connection_errors``) retries a dropped connection twice and a
    429 once, quickly: a ``views.open`` must land within the 3 seconds its trigger id lives,
    and a lost ``users.info`` would read a person's times in UTC.
    """
    url = base_url or SLACK_API_URL
    handlers: list[AsyncRetryHandler] = []
    if retry_connection_errors:
        backoff = BackoffRetryIntervalCalculator(backoff_factor=0.2)
        handlers = [
            AsyncConnectionErrorRetryHandler(max_retry_count=2, interval_calculator=backoff),
            AsyncRateLimitErrorRetryHandler(max_retry_count=1),
        ]
    return AsyncWebClient(
        token=token,
        base_url=url if url.endswith("/") else url + "/",
        session=session,
        timeout=timeout,
        retry_handlers=handlers,
    )


#: a workspace's bot token (for apps installed in several workspaces), or None
Tokens = Callable[[str], Awaitable[str | None]]


class SlackChannel:
    def __init__(
        self,
        client: AsyncWebClient,
        *,
        pacer: Pacer,
        max_rate_limit_waits: int = 3,
        max_retry_after: float = 60,
        tokens: Tokens | None = None,
    ) -> None:
        self.client = client
        self.pacer = pacer
        #: with OAuth, each message is posted with its workspace's own token
        self.tokens = tokens
        self.max_rate_limit_waits = max_rate_limit_waits
        self.max_retry_after = max_retry_after

    async def send(self, target: Target, message: Message) -> DeliveryResult:
        if target.kind != "slack":
            return DeliveryResult("failed", f"{target} is not a Slack channel")
        channel = target.address
        token = None
        if self.tokens is not None and message.workspace:
            token = await self.tokens(message.workspace)
        if token is None and not self.client.token:
            detail = f"agentcron is not installed in the Slack workspace {message.workspace}"
            return DeliveryResult("failed", detail, False)
        payloads = slack_payloads(message)
        first_ts: str | None = None
        attempts = 0
        for index, payload in enumerate(payloads):
            arguments: dict[str, Any] = {
                "channel": channel,
                "unfurl_links": False,
                "unfurl_media": False,
                **payload,
            }
            if first_ts is not None:
                arguments["thread_ts"] = first_ts
            if token is not None:
                arguments["token"] = token  # the workspace's own, for this call only
            ts, failure, made = await self._post(channel, arguments)
            attempts += made
            if failure is not None:
                if index == 0:
                    return DeliveryResult(
                        "failed", failure.detail, failure.retryable, None, attempts
                    )
                detail = (
                    f"part {index + 1} of {len(payloads)} failed after the first "
                    f"{index} were posted: {failure.detail}"
                )
                return DeliveryResult("failed", detail, False, first_ts, attempts)
            if first_ts is None:
                first_ts = ts
        parts = f" in {len(payloads)} messages" if len(payloads) > 1 else ""
        return DeliveryResult("delivered", f"posted to {channel}{parts}", False, first_ts, attempts)

    async def _post(
        self, channel: str, arguments: dict[str, Any]
    ) -> tuple[str | None, DeliveryResult | None, int]:
        """Post one message, waiting out rate limits; (ts, failure, requests made)."""
        made = 0
        while True:
            await self.pacer.wait_turn(channel)
            made += 1
            try:
                response = await self.client.chat_postMessage(**arguments)
            except SlackApiError as error:
                status = getattr(error.response, "status_code", 0)
                body = error.response.data if isinstance(error.response.data, dict) else {}
                reason = str(body.get("error") or f"HTTP {status}")
                if status == 429 or reason in ("ratelimited", "rate_limited"):
                    retry_after = _retry_after(error.response.headers)
                    if made > self.max_rate_limit_waits or retry_after > self.max_retry_after:
                        detail = f"Slack rate limited {channel} (Retry-After {retry_after:g} s)"
                        return None, DeliveryResult("failed", detail, True), made
                    self.pacer.hold(channel, retry_after)
                    continue
                retryable = status >= 500 or reason in TRANSIENT_ERRORS
                detail = f"Slack refused the message to {channel}: {reason}"
                return None, DeliveryResult("failed", detail, retryable), made
            except (aiohttp.ClientError, TimeoutError) as error:
                detail = f"could not reach Slack: {error or type(error).__name__}"
                return None, DeliveryResult("failed", detail, True), made
            except SlackClientError as error:
                detail = f"the Slack client refused the message to {channel}: {error}"
                return None, DeliveryResult("failed", detail, False), made

            data = response.data if isinstance(response.data, dict) else {}
            ts = data.get("ts")
            if data.get("ok") is True and isinstance(ts, str) and ts:
                return ts, None, made
            # Never call it delivered without proof; do not retry either: it may have posted.
            detail = f"Slack answered without a message ts for {channel}"
            return None, DeliveryResult("failed", detail, False), made


def _retry_after(headers: Mapping[str, str] | None) -> float:
    """Seconds from a Retry-After header (1 when missing or unreadable)."""
    if not headers:
        return 1.0
    value = headers.get("Retry-After") or headers.get("retry-after")
    try:
        return max(float(value), 0.0) if value is not None else 1.0
    except ValueError:
        return 1.0
