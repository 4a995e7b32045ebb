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


#: The date order the call under way was given (`understand` sets it); None when it was given
#: none: then AGENTCRON_DATE_ORDER's, looked up only when a date needs it (most texts have no
#: 4/5, and the lookup costs a microsecond). Outside `understand`, MDY.
GIVEN_DATE_ORDER: ContextVar[str | None] = ContextVar("agentcron_date_order", default="MDY")


def date_order_chosen() -> bool:
    """Whether the owner chose the date order (given to the call, or AGENTCRON_DATE_ORDER set),
    rather than it being the default."""
    return GIVEN_DATE_ORDER.get() is not None or "AGENTCRON_DATE_ORDER" in os.environ


def date_order() -> str:
    """The date order of the call under way: the one given, else AGENTCRON_DATE_ORDER's."""
    return GIVEN_DATE_ORDER.get() or date_order_from_env()
