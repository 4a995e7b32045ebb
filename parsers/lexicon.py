"""The words the grammar knows, with their spelling variants.

Every word maps to a (kind, value) pair. Kinds are plain strings so the grammar can
compare them cheaply; values are ints or canonical words. Misspellings and
abbreviations ("tmrw", "wkdays", "thurs") live here, next to the words they stand
for, so adding one is a one-line change.
"""

from __future__ import annotations

from typing import Final

# Token kinds. WORD covers keywords whose meaning depends on their neighbours.
WORD: Final = "word"
NUM: Final = "num"  # value: int or float
ORD: Final = "ord"  # value: int (1st, first, ...)
DAY: Final = "day"  # value: cron day-of-week (0 = Sunday)
DAYS: Final = "days"  # value: plural day-of-week, recurring ("mondays")
DAYSET: Final = "dayset"  # value: tuple of cron weekdays ("weekdays")
MONTH: Final = "month"  # value: 1..12
UNIT: Final = "unit"  # value: canonical unit name
TIME: Final = "time"  # value: ClockTime
MINUTE: Final = "minute"  # value: minute past the hour (":15")
DATE: Final = "date"  # value: (year, month, day)
SLASHDATE: Final = "slashdate"  # value: (a, b, year | None), order unknown
INSTANT: Final = "instant"  # value: aware datetime (ISO 8601 with offset)
ZONE: Final = "zone"  # value: IANA name
SYM: Final = "sym"  # value: the symbol

_DAY_NAMES: Final = {
    0: ("sunday", "sun", "sundy"),
    1: ("monday", "mon", "mondy", "monady"),
    2: ("tuesday", "tue", "tues", "tu", "tuesdy", "teusday"),
    3: ("wednesday", "wed", "weds", "wednsday", "wensday", "wedensday"),
    4: ("thursday", "thu", "thur", "thurs", "thursdy", "thrusday"),
    5: ("friday", "fri", "fridy", "firday"),
    6: ("saturday", "sat", "saturdy"),
}

_MONTH_NAMES: Final = {
    1: ("january", "jan"),
    2: ("february", "feb", "febuary"),
    3: ("march", "mar"),
    4: ("april", "apr"),
    5: ("may",),
    6: ("june", "jun"),
    7: ("july", "jul"),
    8: ("august", "aug"),
    9: ("september", "sep", "sept"),
    10: ("october", "oct"),
    11: ("november", "nov"),
    12: ("december", "dec"),
}

_UNITS: Final = {
    "second": ("second", "seconds", "sec", "secs", "s"),
    "minute": ("minute", "minutes", "min", "mins", "m", "minuts", "mintues"),
    "hour": ("hour", "hours", "hr", "hrs", "h", "hrly"),
    "day": ("day", "days", "dy"),
    "week": ("week", "weeks", "wk", "wks"),
    "fortnight": ("fortnight", "fortnights"),
    "month": ("month", "months", "mo", "mos", "mth", "mths", "mnth"),
    "quarter": ("quarter", "quarters", "qtr"),
    "year": ("year", "years", "yr", "yrs"),
}

_NUMBER_WORDS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "forty-five": 45,
    "fortyfive": 45,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

# A whole number said in words as people say amounts of time, from one to ninety-nine ("eleven",
# "twenty five", "fifty-nine", "eighty"): for the patterns that look for an amount before the
# grammar reads it (a bot's "remindme eleven minutes", "a fifteen min timer"). The grammar's
# own tokens join "twenty" and "five" the same way (tokens.compound_numbers).
SPELLED_NUMBER: Final = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-]?(?:one|two|three|four|five|six|seven|eight|nine)(?![a-z]))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen)(?![a-z])"
)

# Words after an ordinal written as a word that are no thing it could count: in "on the tenth
# with my father", "the first about rent" the ordinal is a day ("the first person" counts one)
NO_THING: Final = frozenset(
    {"with", "without", "about", "regarding", "by", "so", "because", "since", "if", "when",
     "but", "or", "then", "together", "alongside", "plus", "via"}
)  # fmt: skip

_ORDINAL_WORDS: Final = {
    "first": 1,
    "1st": 1,
    # misspelled: "songs and stories the firs Saturday of each month", "every frist monday"
    "firs": 1,
    "frist": 1,
    "fisrt": 1,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    # "the twenty-first of June", "twentyfirst": the days of a month past the 20th
    **{
        f"{tens}{joint}{unit}": base + value
        for tens, base in (("twenty", 20), ("thirty", 30))
        for unit, value in (
            ("first", 1),
            ("second", 2),
            ("third", 3),
            ("fourth", 4),
            ("fifth", 5),
            ("sixth", 6),
            ("seventh", 7),
            ("eighth", 8),
            ("ninth", 9),
        )
        if base + value <= 31
        for joint in ("-", "")
    },
}

# Keywords, canonicalised: the grammar only ever sees the right-hand side.
_KEYWORDS: Final = {
    "every": ("every", "each", "evry", "evey", "everey", "eveyr", "ever", "ev"),
    "other": ("other", "alternate"),
    "at": ("at", "@"),
    "on": ("on",),
    "in": ("in",),
    "the": ("the",),
    "of": ("of",),
    "and": ("and", "&", "plus"),
    "a": ("a", "an", "per"),
    "from": ("from", "starting", "beginning", "effective", "start"),
    "for": ("for",),
    "between": ("between", "butween", "betwen", "beetween"),
    "to": ("to", "till", "til", "until", "thru", "through"),
    "ending": ("ending", "ends", "finishing", "stopping"),
    "next": ("next", "coming", "nxt"),
    "this": ("this",),
    "today": ("today", "tday", "tdy"),
    "tonight": ("tonight", "tonite", "2night", "2nite"),
    "tomorrow": (
        "tomorrow",
        "tmrw",
        "tmr",
        "tmrow",
        "tmw",
        "tomorow",
        "tommorow",
        "tommorrow",
        "tomorrw",
        "tomrrow",
        "2moro",
        "2morrow",
        "2morow",
        "2mrw",
    ),
    "after": ("after",),
    "before": ("before",),
    "yesterday": ("yesterday", "yday"),
    "now": ("now",),
    "last": ("last", "final"),
    "end": ("end",),
    "middle": ("middle", "mid"),
    "morning": ("morning", "mornings", "morn"),
    "afternoon": ("afternoon", "afternoons", "arvo"),
    "evening": ("evening", "evenings", "eve"),
    "night": ("night", "nights", "nite"),
    "noon": ("noon", "midday", "mid-day", "lunchtime"),
    "midnight": ("midnight",),
    "oclock": ("oclock", "o'clock"),
    "daily": ("daily", "everyday", "dayly", "everday", "evryday", "eveyday"),
    "hourly": ("hourly",),
    "minutely": ("minutely",),
    "weekly": ("weekly",),
    "monthly": ("monthly",),
    "yearly": ("yearly", "annually", "annual"),
    "quarterly": ("quarterly",),
    # twice a year: every six months ("bi-annually" too, which some write for every two years:
    # asked)
    "semiannually": ("semiannually", "semi-annually", "semiannual", "semi-annual", "half-yearly"),
    "biannually": ("biannually", "bi-annually", "biannual", "bi-annual"),
    # every two months (it means twice a month too: asked)
    "bimonthly": ("bimonthly", "bi-monthly"),
    # words whose unit the grammar would otherwise read without them ("semi-monthly" is not
    # monthly, "bi-yearly" not yearly): read by no clause, so they stay in the task and ask
    "semimonthly": ("semimonthly", "semi-monthly"),
    "biyearly": ("biyearly", "bi-yearly"),
    "trimonthly": ("trimonthly", "tri-monthly"),
    "nightly": ("nightly", "nitely", "nigthly", "nighlty", "nightlly"),
    "fortnightly": ("fortnightly",),
    "biweekly": ("biweekly", "bi-weekly"),
    "triweekly": ("triweekly", "tri-weekly"),
    # crontab.guru's words for cron's fields ("on every day-of-week from Monday through Friday")
    "dow": ("day-of-week",),
    "dom": ("day-of-month",),
    "half": ("half",),
    "past": ("past",),
    "once": ("once",),
    "twice": ("twice",),
    "times": ("times", "x"),
    "occurrences": ("occurrences", "occurrence", "occurences", "repetitions"),
    "few": ("few", "several", "couple", "some"),
    "business": ("business", "working", "work", "office"),
    "market": ("market", "markets", "trading", "exchange"),
    "time": ("time",),
    "same": ("same",),
    "standard": ("standard",),
    "daylight": ("daylight", "summer"),
    "european": ("european",),
    "please": ("please", "pls", "plz", "kindly"),
    "only": ("only",),
    "repeat": (
        *("repeat", "repeats", "repeating", "recurring", "occurs", "occurring", "recurs"),
        "recur",
    ),
    "during": ("during", "within"),
    "except": ("except", "excluding", "excl", "but", "besides", "minus"),
    "top": ("top",),
    # App Engine's cron.yaml: "every 2 hours synchronized" counts from 00:00
    "synchronized": ("synchronized", "synchronised"),
    "ago": ("ago",),
}

# Seasons: different months in each hemisphere, so never a schedule ("summer" is also a
# zone word, read as "daylight").
SEASONS: Final = frozenset({"winter", "spring", "autumn", "fall"})

WEEKEND: Final = (6, 0)  # the singular "weekend": Saturday and Sunday, or once a weekend
EVERY_WEEKEND_NOTE: Final = "“every weekend” read as Saturdays (say “weekends” for both days)"

# Words that stand for several days at once.
_DAYSETS: Final = {
    (1, 2, 3, 4, 5): (
        "weekdays",
        "wkdays",
        "wkday",
        "weekdys",
        "wkdys",
        "workdays",
        "workday",
        "weekdayz",
        "week-days",
        "weekday",
        "business-days",
        "m-f",
    ),
    (0, 6): ("weekends", "wkends", "wknds", "week-ends"),
    # singular: "every weekend" is one day a weekend to Todoist (Saturday); the grammar
    # reads it so, and asks
    WEEKEND: ("weekend", "wkend", "wknd", "week-end"),
}


def _build() -> dict[str, tuple[str, object]]:
    table: dict[str, tuple[str, object]] = {}
    for canonical, spellings in _KEYWORDS.items():
        for spelling in spellings:
            table[spelling] = (WORD, canonical)
    for dow, spellings in _DAY_NAMES.items():
        for spelling in spellings:
            table[spelling] = (DAY, dow)
            if len(spelling) > 3:
                table[spelling + "s"] = (DAYS, dow)
    for days, spellings in _DAYSETS.items():
        for spelling in spellings:
            table[spelling] = (DAYSET, days)
    for month, spellings in _MONTH_NAMES.items():
        for spelling in spellings:
            table[spelling] = (MONTH, month)
    for unit, spellings in _UNITS.items():
        for spelling in spellings:
            table[spelling] = (UNIT, unit)
    for spelling, value in _NUMBER_WORDS.items():
        table[spelling] = (NUM, value)
    for spelling, value in _ORDINAL_WORDS.items():
        table[spelling] = (ORD, value)
    # "second" is both an ordinal and a unit; "weekday" both a day set and a noun in
    # "last weekday of the month". The grammar settles these from context.
    table["second"] = (ORD, 2)
    table["weekday"] = (DAYSET, (1, 2, 3, 4, 5))
    # short names in the plural ("every mons 10am", "yoga fris 7am"); not "sats" (the
    # test), "suns", nor "weds", which is Wednesday's own short name
    table["mons"] = (DAYS, 1)
    table["fris"] = (DAYS, 5)
    return table


LEXICON: Final = _build()

# The canonical keywords: a WORD token whose value is not one of these is unknown.
KEYWORDS: Final = frozenset(_KEYWORDS)

# Words that may be dropped: they carry no meaning of their own in a schedule.
FILLERS: Final = frozenset({"at", "on", "the", "and", "please", ",", "of"})

DAY_LABELS: Final = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
MONTH_LABELS: Final = (
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
