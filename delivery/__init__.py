"""Run output -> the world: Slack channels and webhooks, and the guard for outbound HTTP.

``delivery`` never imports ``agentcron.app``: the engine builds a ``Message`` from a run,
parses the job's channel with ``targets.parse_target`` and calls a channel's ``send``.
Import the modules themselves (``delivery.targets`` is pure; ``netguard``, ``slack`` and
``webhook`` load their HTTP clients), so a caller that only checks a channel loads no client.
"""
