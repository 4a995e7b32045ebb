"""Chains (job DAGs): storage and the firing of edges. Built with the chains issue.

``on_run_finished(conn, run, job, *, now) -> int`` is called by the run store inside the
transaction that records a run's final outcome; it queues the downstream runs the outcome
fires and returns how many it queued.
"""

from __future__ import annotations
