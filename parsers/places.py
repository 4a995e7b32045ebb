"""Schedule words that are part of a place's or a group's name.

A listing says where as well as when, and places are named with words a schedule uses: "at June
Hall", "in the Pacific Room", "on Eastern Avenue", "on the 11th floor", "the 5th Avenue group",
"Monday Club". Read as time, "June" would run the job in June only, "Pacific" would move it to
Los Angeles and "11th" would make it monthly. `place_name` decides, from the two words as
written, whether the schedule word is the first word of such a name; the tokenizer then reads it
as a plain word (a day only when another day is said: "Sunday School 9:30" is on Sundays, "Monday
Club: every Thursday at 7pm" on Thursdays).
"""

from __future__ import annotations

from typing import Final

from . import lexicon as lx

# the kinds of place an ordinal numbers: "the 11th floor", "Third Street", "5th Avenue"
_NUMBERED: Final = frozenset(
    "floor floors fl street st avenue ave road rd boulevard blvd ward precinct district".split()
)
# what a capitalised month, zone or day may name: "June Hall", "Pacific Room", "Monday Club"
_NAMED: Final = frozenset(
    (
        "hall halls room rooms street st avenue ave road rd boulevard blvd lane drive center "
        "centre library park club group building bldg plaza square church chapel school "
        "theater theatre auditorium lounge cafe café court gardens garden campus studio gym "
        "arena field house tower station mall bridge society circle pavilion wing suite "
        "terrace commons"
    ).split()
)
PLACE_NOUNS: Final = _NUMBERED | _NAMED

NAME: Final = "name"  # the word is part of the name: a plain word
# the value of a word read as part of a name: no word's own (a zone's "pacific" would still
# count as a word about time in the task)
PLACE_WORD: Final = "place name"
DAY_IN_NAME: Final = "day in a name"  # a day's name: a plain word when another day is said


def place_name(kind: str, word: str, noun: str) -> str | None:
    """What the schedule word `word` (of token kind `kind`, as written) is before `noun` (a
    word of PLACE_NOUNS, as written, right after it): NAME, DAY_IN_NAME or None (time)."""
    lowered = noun.lower()
    if kind == lx.ORD:
        return NAME if lowered in _NUMBERED else None
    if kind not in (lx.MONTH, lx.ZONE, lx.DAY) or lowered not in _NAMED:
        return None
    # a name is written with capitals ("June Hall"), not shouted ("JUNE HALL" says nothing)
    if not (word[:1].isupper() and noun[:1].isupper() and not noun.isupper()):
        return None
    return DAY_IN_NAME if kind == lx.DAY else NAME
