"""Opening hours: the days a place keeps, with a day it is closed said beside them.

A museum's or a library's page writes its hours and then the day it keeps shut: "Open 10:00 AM
to 4:00 PM Wednesday-Monday. CLOSED on Tuesday.", "Monday to Saturday from 10:00 to 20:00.
Sundays closed.", "De lunes a sábados de 10:00 a 20:00 horas. Domingos cerrados.". The closed
day is no run: read with the rest, it either narrows the range it lies inside (refused: "days
inside days") or joins the days named (Sunday added). `without_closed_days` sets such a closing
clause aside, so the hours are read alone (and asked about, by the caller). A text that is only
a closed day ("Sunday | Closed |") keeps it: nothing is left to read.

Pure and cheap: a substring test before any pattern.
"""

from __future__ import annotations

import re
from typing import Final

_EN_DAY: Final = r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?"
_ES_DAY: Final = r"(?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bados?|domingos?)"
_DAYS: Final = rf"(?:{_EN_DAY}|{_ES_DAY})(?:\s*(?:,|and|&|y)\s*(?:{_EN_DAY}|{_ES_DAY}))*"
_HOLIDAYS: Final = (
    r"(?:\s*(?:,|and|&|y)\s*(?:public\s+|bank\s+|legal\s+)?holidays|\s+y\s+feriados)?"
)
# the closing clause, last in the text after a full stop, a semicolon, a comma or a middle dot
_CLOSED_CLAUSE: Final = re.compile(
    rf"(?:[.;,·|]|\s[–—-])\s*(?:(?:{_DAYS}){_HOLIDAYS}\s+(?:(?:is|are)\s+)?(?:closed|cerrados?)"
    rf"|(?:closed|cerrados?)\s+(?:on\s+|los\s+)?(?:{_DAYS}){_HOLIDAYS})\s*[.!|]?\s*$",
    re.IGNORECASE,
)


def without_closed_days(text: str) -> tuple[str, str] | None:
    """`text` without the clause at its end that names the days a place is closed ("Sundays
    closed", "CLOSED on Tuesday", "Domingos cerrados"), and that clause; None when it has none
    or nothing with a time of day is left before it."""
    lowered = text.lower()
    if "closed" not in lowered and "cerrad" not in lowered:
        return None
    found = _CLOSED_CLAUSE.search(text)
    if found is None:
        return None
    kept = text[: found.start()].rstrip()
    if not any(char.isdigit() for char in kept):
        return None
    return kept, found.group().strip(" .;,·|–—-")
