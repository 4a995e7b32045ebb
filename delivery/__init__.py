"""Run output -> the world: Slack channels and webhooks, and the guard for outbound HTTP.

``delivery`` never imports ``agentcron.app``: the engine builds a ``Message`` from a run,
parses the job's channel with ``parse_target`` and calls a channel's ``send``.
"""

from agentcron.delivery.base import Channel, DeliveryResult, Message
from agentcron.delivery.format import render_blocks, render_text, slack_payloads, webhook_payload
from agentcron.delivery.netguard import BlockedAddress, check_url, guarded_session
from agentcron.delivery.pacing import Pacer
from agentcron.delivery.signing import SIGNATURE_HEADER, sign, verify
from agentcron.delivery.slack import SlackChannel, build_slack_client
from agentcron.delivery.targets import Target, parse_target
from agentcron.delivery.webhook import WebhookChannel

__all__ = [
    "SIGNATURE_HEADER",
    "BlockedAddress",
    "Channel",
    "DeliveryResult",
    "Message",
    "Pacer",
    "SlackChannel",
    "Target",
    "WebhookChannel",
    "build_slack_client",
    "check_url",
    "guarded_session",
    "parse_target",
    "render_blocks",
    "render_text",
    "sign",
    "slack_payloads",
    "verify",
    "webhook_payload",
]
