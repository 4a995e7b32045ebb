"""Limits shared by the parser and the service, set once (the app imports them from here:
the parser is pure and never imports the app)."""

from __future__ import annotations

from typing import Final

#: The shortest interval between two runs, for `every` schedules typed in words ("every 30
#: seconds") and sent as documents alike, and the shortest delay ("in 3 sec").
MIN_INTERVAL_SECONDS: Final = 1
