"""Settings a caller may give the parser for one call (context variables, so concurrent
requests never see each other's)."""

from __future__ import annotations

import os
from contextvars import ContextVar
from typing import Final

DATE_ORDERS: Final = ("MDY", "DMY")


def date_order_from_env() -> str:
    """AGENTCRON_DATE_ORDER: how numeric dates like 4/5 are read, MDY (April 5, the
    default) or DMY (4 May)."""
    value = os.environ.get("AGENTCRON_DATE_ORDER", "MDY").strip().upper()
    return value if value in DATE_ORDERS else "MDY"


#: The date order of the call under way (`understand` sets it).
DATE_ORDER: ContextVar[str] = ContextVar("agentcron_date_order", default="MDY")
