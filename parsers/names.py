"""Schedule words that are part of a person's or a thing's name.

People and things are named with the words a schedule uses: "Dr. June Smith", "April Smith
will lead", "call May on Friday", "meeting with Mark August", "the June E. Nylen Cancer
Center", "Wednesday Addams", "Easter Seals", "Christmas Tree Lane", "the Good Friday
Agreement". Read as time, "June" runs the job in June only (round ten's "second Wednesday of
the month at the June E. Nylen Cancer Center" ran in June), "Wednesday" adds a day and
"Easter" moves the job to Easter. `name_word` decides, from the tokens and the text as
written, whether such a word begins or is a name; the tokenizer then reads it as a plain word.
Places named after a month, zone, day or ordinal ("June Hall", "the 11th floor") are
`places.py`'s; this module reads the names places.py cannot (a person's, a cause's, a show's).

What makes a name, strongest first:
- a person's title before a month ("Dr. June", "Ms. May"), an initial after it ("June E."),
  or a verb that takes a person before it ("call June", "text August", "with April",
  "with Mark August");
- a capitalised word the grammar does not know right after a capitalised month ("June
  Smith", "April Chen"), unless it is a kind of event ("June Meeting", "March Madness" stay
  in their month): the month is a name, a plain word;
- the same after a day ("Wednesday Addams", "Friday Harbor") or a holiday ("Easter Seals",
  "Christmas Tree Lane"): these are marked, and read as plain words only when the text says
  another when — "Sunday Worship 10:30" is on Sundays and "Easter Egg Hunt at 10am" on
  Easter, but "Easter Seals board meets the third Thursday" is on third Thursdays.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from . import lexicon as lx
from .places import DAY_IN_NAME, NAME, PLACE_NOUNS, PLACE_WORD

if TYPE_CHECKING:
    from .tokens import Token

# NAME (the word is a name: a plain word) and DAY_IN_NAME (a plain word when another day is
# said) are places.py's verdicts, which the tokenizer already carries out
HOLIDAY_IN_NAME: Final = "holiday in a name"  # a plain word when another when is said

# a person's title before a first name ("Dr. June Park", "Mrs. June Cremin", "Ms. May")
_TITLES: Final = frozenset(
    "dr doctor mr mrs ms miss mx prof professor aunt auntie uncle sister brother coach pastor "
    "fr rev reverend grandma grandpa nana nurse officer judge captain capt sgt madam".split()
)
# verbs and words that take a person right after them ("call June", "text August", "meet
# with April"); not "to", "for", "by", "until" or "from", which take a month as often
_TAKES_A_PERSON: Final = frozenset(
    "with w call text email e-mail message ping phone ring meet visit thank ask tell remind "
    "invite congratulate dm cc".split()
)
# "hosted by June", "led by April": "by" after a verb of doing is a person's ("by June" alone
# is a deadline)
_DONE_BY: Final = frozenset(
    "hosted led run presented organized organised facilitated taught moderated chaired "
    "given".split()
)
# what a person does after the name at the start of a sentence ("June will host trivia")
_PERSON_DOES: Final = frozenset(
    "will would can could should says said wants asked hosts leads teaches presents".split()
)
# between two people's names: "with June and April", "June & May"
_AND: Final = frozenset({"and", "&"})
# the second word of "pick up May", "drop off June"
_PHRASAL: Final = {"up": "pick", "off": "drop"}
# words before a month that make it a time, whatever follows ("through June Location: …",
# "in August Students …": a column or a sentence runs on after the month)
_TEMPORAL_BEFORE: Final = frozenset(
    "through thru to until till in from of and or since before after during every each "
    "except by between - , & / this next last early late mid end".split()
)
# kinds of event a month names ("June Meeting", "March Madness", "April Fool's Day"): a month
_EVENT_NOUNS: Final = frozenset(
    (
        "meeting meetings party sale sales madness break session sessions drive camp festival "
        "fair retreat conference recital concert picnic cleanup workshop newsletter report "
        "review update board meetup social gala dinner lunch luncheon brunch breakfast event "
        "events deadline payroll release sprint offsite edition issue schedule term semester "
        "quarter holiday holidays vacation class classes exam exams graduation birthday "
        "anniversary challenge round cohort batch bonus rent payment invoice bill dues renewal "
        "reunion service services mass worship tournament game games match league season "
        "showcase opening closing cycle intake election elections primary fundraiser fool fools "
        "fool's fools'"
    ).split()
)
# the holidays whose first word may begin a thing's name ("Easter Seals", "Christmas Tree
# Lane", "Halloween Horror Nights"); "Good Friday" is read through its day
_HOLIDAYS: Final = frozenset({"christmas", "xmas", "easter", "halloween", "thanksgiving"})
# words that say when besides a holiday ("every", "daily"): with one, a holiday in a name is
# a plain word
_WHEN_WORDS: Final = frozenset(
    {"every", "each", "daily", "weekly", "monthly", "nightly", "tomorrow", "today", "tonight"}
)
_WHEN_KINDS: Final = frozenset({lx.DAY, lx.DAYSET, lx.MONTH, lx.ORD})
_INITIAL: Final = re.compile(r" [A-Z]\.(?=\s)")


def _capitalised(text: str, token: Token) -> bool:
    """Written with a capital and not shouted: "June", not "june" or "JUNE"."""
    word = text[token.start : token.end]
    return word[:1].isupper() and not word.isupper()


def _unknown_capitalised(text: str, token: Token) -> bool:
    """A capitalised word the grammar gives no meaning to ("Smith", "Addams", "Seals")."""
    return (
        token.kind == lx.WORD
        and _capitalised(text, token)
        and str(token.value) not in lx.LEXICON
        and str(token.value) not in PLACE_NOUNS  # places.py reads "June Hall"
    )


def _next_word(tokens: list[Token], k: int, text: str) -> Token | None:
    """The token after `k` when one space parts them ("June Smith", not "June, Smith")."""
    if k + 1 < len(tokens) and text[tokens[k].end : tokens[k + 1].start] == " ":
        return tokens[k + 1]
    return None


def _person_before(tokens: list[Token], k: int, text: str) -> bool:
    """A title or a verb that takes a person before the word at `k`: "Dr. June", "call
    June", "with Mark August" (one first name may stand between), "pick up May"."""
    j = k - 1
    if j >= 1 and tokens[j].value in _AND and tokens[j - 1].value == PLACE_WORD:
        return True  # "with June and April": the second of two names (the first read already)
    if j >= 1 and _unknown_capitalised(text, tokens[j]):
        if str(tokens[j - 1].value) in _TAKES_A_PERSON:
            return True  # "with Mark August": a first name, then the month as a surname
    if j < 0 or tokens[j].kind != lx.WORD:
        return False
    before = str(tokens[j].value)
    if before in _TITLES or before in _TAKES_A_PERSON:
        return True
    if before == "by" and j > 0 and tokens[j - 1].value in _DONE_BY:
        return True
    return before in _PHRASAL and j > 0 and tokens[j - 1].value == _PHRASAL[before]


def _temporal_before(tokens: list[Token], k: int) -> bool:
    """A word before the month that makes it a time ("in August", "through June")."""
    return k > 0 and str(tokens[k - 1].value) in _TEMPORAL_BEFORE


def _after_a_name(tokens: list[Token], k: int, text: str) -> bool:
    """ "and" or "&" between a name and the word at `k`: "June Smith and May Lee"."""
    if k < 2 or tokens[k - 1].value not in _AND:
        return False
    before = tokens[k - 2]
    return before.value == PLACE_WORD or _unknown_capitalised(text, before)


def _dated(tokens: list[Token], k: int) -> bool:
    """A number or an ordinal right after the word: "June 5", "call June 5th" is a date."""
    return k + 1 < len(tokens) and tokens[k + 1].kind in (lx.NUM, lx.ORD)


def name_word(tokens: list[Token], k: int, text: str) -> str | None:
    """What the month, day or holiday word at `k` is in `text`: NAME, DAY_IN_NAME,
    HOLIDAY_IN_NAME, or None (a word about time)."""
    token = tokens[k]
    if not _capitalised(text, token) or _dated(tokens, k):
        return None
    after = _next_word(tokens, k, text)
    if token.kind == lx.MONTH:
        if _person_before(tokens, k, text) or _INITIAL.match(text, token.end) is not None:
            return NAME
        if k == 0 and after is not None and after.value in _PERSON_DOES:
            return NAME  # "June will host trivia every Thursday"
        if after is None or not _unknown_capitalised(text, after):
            return None
        if str(after.value) in _EVENT_NOUNS:
            return None
        if _temporal_before(tokens, k) and not _after_a_name(tokens, k, text):
            return None
        return NAME
    if after is None or not _unknown_capitalised(text, after):
        return None
    if token.kind == lx.DAY:
        return DAY_IN_NAME
    return HOLIDAY_IN_NAME if token.value in _HOLIDAYS else None


#: the kinds and words `may_name` looks for (tokens.py tests every token of a text with them)
NAMED_KINDS: Final = (lx.MONTH, lx.DAY)
NAMED_HOLIDAYS: Final = _HOLIDAYS


def may_name(token: Token) -> bool:
    """Whether `name_word` need look at the token at all (a month, a day or a holiday)."""
    return token.kind in NAMED_KINDS or (token.kind == lx.WORD and token.value in _HOLIDAYS)


def says_another_when(tokens: list[Token], named: int) -> bool:
    """Whether a token other than the one at `named` says when ("every", a day, a month, an
    ordinal): a holiday in a name is then a plain word."""
    return any(
        k != named and (t.kind in _WHEN_KINDS or (t.kind == lx.WORD and t.value in _WHEN_WORDS))
        for k, t in enumerate(tokens)
    )
