"""Whether a text is written in another language than English.

The grammar reads English. A sentence in Spanish, German, French, Portuguese, Italian or Dutch
still holds digits and a few words it knows ("AM", "UTC", "Trigger:"), and read in part it
became a schedule: "todos los días a las 8:00 AM" ran once, tomorrow at 8, "Eseguito ogni
giorno alle 06:30 UTC (07:30 ora italiana)" daily at 6:30 and 7:30, "Sendet automatisch jeden
Tag um 6:00 Uhr" daily at 6 — each only asked about because of the words left over. What
"todos los días", "cada lunes" or "alle 15 Minuten" say about when is exactly what the grammar
did not read: such a text is refused, with a note that says we read English.

A text is another language's when at least two of its words are that family's common small
words or words about time and they outnumber its English small words: "Send the Resumen semanal
every Monday at 9:00" and 'Post the "Bonjour à tous" message every weekday at 8am' are English
with a foreign title in them. Words English shares ("a", "de", "la", "die", "den", "do", "tag",
"con", "per", "pour", "todo", "midi") and zones' letters ("est", "ist") are in no list.

Text in another script is left to the stages that read it: a bot's command with its task in
Russian ("/remind +30m выпить воды") is read, and "下周五 9点" is.
"""

from __future__ import annotations

import re
from typing import Final

# Small words and words about time of each language that English does not use (lower case;
# words two languages share are listed once, under the first).
_WORDS: Final = {
    "Spanish": (
        "todos todas los las el del cada días día semana semanas lunes martes miércoles "
        "miercoles jueves viernes sábado sabado domingo mañana manana noche tarde minutos horas "
        "hora cuando para por con una que se ejecuta ejecutar mes meses año cada quincena "
        "diario diaria diariamente semanal mensual medianoche mediodía mediodia"
    ),
    "Portuguese": (
        "os às dias segunda terça terca quarta quinta sexta manhã noite dos das da uma "
        "para com toda sempre meia-noite meio-dia corre rodar executar"
    ),
    "French": (
        "tous toutes les jours jour chaque lundi mardi mercredi jeudi vendredi samedi dimanche "
        "à heures heure matin soir semaine mois du des et avec une sur dans qui "
        "minuit quotidien quotidienne hebdomadaire exécute s'exécute tâche"
    ),
    "German": (
        "jeden jede jedes täglich taglich uhr um montag dienstag mittwoch donnerstag freitag "
        "samstag sonntag alle minuten stunden stunde wöchentlich wochentlich morgens abends "
        "nachts mitternacht und der das mit für fur wird dem ein eine zu mich läuft laeuft "
        "wieder verfügbar"
    ),
    "Italian": (
        "ogni giorno giorni alle lunedì martedì mercoledì giovedì venerdì sabato domenica "
        "minuti settimana mattina il della di che ora eseguito mezzanotte mezzogiorno"
    ),
    "Dutch": (
        "elke iedere dag om uur maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
        "dagelijks wekelijks het een voor minuten"
    ),
    "Russian": (
        "каждый каждую каждое каждые день дня дней неделю недели минут минуты часа часов утра "
        "вечера утром вечером сегодня завтра вчера через понедельник вторник среду четверг "
        "пятницу субботу воскресенье будням ежедневно в на по"
    ),
    # Languages whose schedules are not read (no lexicon in translation.py): only refused, so that
    # their digits are not read alone ("Codziennie o 3:00 UTC" ran once, tomorrow at 3)
    "Polish": (
        "codziennie dziennie każdy każdą każde każdego poniedziałek poniedziałki wtorek środa "
        "środę czwartek piątek sobota sobotę niedziela niedzielę godzin godziny godzinę minut "
        "minuty jutro dzisiaj rano wieczorem północy południu tygodniu tygodnia miesiąca razy"
    ),
    "Turkish": (
        "gün günü günde saat saatte saatlik dakika dakikada pazartesi salı çarşamba perşembe "
        "cumartesi hafta haftada haftalık sabah akşam yarın bugün günlük çalış çalışacak "
        "çalışır zamanı"
    ),
    "Swedish": (
        "varje måndag tisdag torsdag fredag lördag söndag dagligen timme timmar minuter vecka "
        "veckan veckovis klockan kl imorgon idag vardagar månaden månadsvis körs kör"
    ),
    "Finnish": (
        "joka päivittäin huomenna tänään ylihuomenna klo kello maanantaina tiistaina "
        "keskiviikkona torstaina perjantaina lauantaina sunnuntaina maanantaisin tiistaisin "
        "keskiviikkoisin torstaisin perjantaisin lauantaisin sunnuntaisin aamulla illalla "
        "minuutin tunnin muistuta minua"
    ),
    "Czech": (
        "každý každé každou denně zítra dnes připomeň pondělí úterý středu čtvrtek pátek sobotu "
        "neděli minut hodin ráno večer"
    ),
    "Norwegian or Danish": "hver mandag tirsdag lørdag søndag daglig hverdage hverdager klokken",
    "Ukrainian": (
        "щодня щотижня щомісяця щогодини щоранку щовечора кожен кожного кожну кожні понеділок "
        "понеділка вівторок вівторка середу четвер четверга п'ятницю п’ятницю п'ятниці суботу "
        "неділю неділі годин годину хвилин хвилину ранку сьогодні тиждень о"
    ),
    "Indonesian": "setiap tiap hari pagi malam menit besok senin selasa rabu kamis jumat sabtu",
    "Vietnamese": "mỗi hàng ngày lúc giờ sáng tối phút mai thứ nhật tuần",
    "Hindi": "baje bje subah shaam roz rozana somvar mangalvar budhvar guruvar shukravar ravivar",
}
# Words of those languages that say it alone, with a time beside them ("Codziennie o 3:00 UTC",
# "Щодня о 02:00", "Varje måndag kl 08:00"): one is enough
_SAYS_IT_ALONE: Final = frozenset(
    "codziennie poniedziałek wtorek środę czwartek piątek sobotę niedzielę pazartesi çarşamba "
    "perşembe cumartesi varje måndag tisdag torsdag lördag söndag dagligen klockan щодня "
    "щотижня щомісяця щогодини кожного кожен понеділка понеділок вівторка п'ятниці п’ятниці "
    "неділі setiap baje subah".split()
)
_LANGUAGE_OF: Final[dict[str, str]] = {}
for _language, _listed in _WORDS.items():
    for _word in _listed.split():
        _LANGUAGE_OF.setdefault(_word, _language)
FOREIGN_WORDS: Final = frozenset(_LANGUAGE_OF)
# the languages translation.py does not read
UNREAD: Final = frozenset(
    ("Indonesian",),
) | {"Vietnamese"}


def unread_words(words: list[str]) -> int:
    """How many of `words` (a text's, lower case) are words of a language no lexicon reads."""
    return sum(_LANGUAGE_OF.get(word) in UNREAD for word in words)


# each language's words, as listed (a word two languages share in each)
LANGUAGE_WORDS: Final = {language: frozenset(listed.split()) for language, listed in _WORDS.items()}

# English's small words and words about time, counted against the others
ENGLISH_WORDS: Final = frozenset(
    (
        "the every each at on in to and of for is are be will me my it this that with from by "
        "run runs remind please day days daily week weeks weekly month monthly hour hours "
        "minute minutes morning evening night noon midnight today tomorrow next weekday weekdays "
        "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays "
        "thursdays fridays saturdays sundays after before until then an other"
    ).split()
)
_LETTERS: Final = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")

REFUSAL: Final = "the text is in {language}; schedules are read in English"
SUGGESTION: Final = "write the schedule in English, e.g. “every Monday at 9am”"


def foreign_language(text: str) -> str | None:
    """The language `text` is written in when it is one of _WORDS' and not English
    ("Spanish", "German", …), or None. Cheap for English: one split and one set test first."""
    lowered = text.lower()
    if FOREIGN_WORDS.isdisjoint(lowered.split()):
        return None  # most texts: no foreign word standing alone
    words = _LETTERS.findall(lowered)
    counts: dict[str, int] = {}
    english = 0
    for word in words:
        language = _LANGUAGE_OF.get(word)
        if language is not None:
            counts[language] = counts.get(language, 0) + 1
        elif word in ENGLISH_WORDS:
            english += 1
    foreign = sum(counts.values())
    if foreign <= english or (foreign < 2 and _SAYS_IT_ALONE.isdisjoint(words)):
        return None
    return max(counts, key=lambda language: counts[language])


# -- a few words of another language in a text that reads as English ---------------------------

# (foreign_language above refuses a text written in another language; this asks about one whose
# English words are as many, where two small words still say part of it was not read. The
# lists differ on purpose: these are small words only, counted without English's.)
# "Encender Luz Comedor al ponerse el sol y apagarse a las 11 pm", "Fiesta de Navidad en el Centro
# Comunitario a las 7 PM": the grammar reads English. Two of another language's small words
# (articles, "and", "for", "with") say the text is written in it, and what it says beside the time
# ("al ponerse el sol": at sunset) was not read. ("Despiértame a las 7 pm": its time is all it
# says, and "a las" is read.) Words English also uses as names or letters ("la", "os", "mit",
# "die", "do") are left out.
OTHER_LANGUAGE_WORDS: Final = frozenset(
    "el los del y para por que una de en con "  # Spanish
    "les des et pour avec une aux dans "  # French
    "der das und ist eine nicht "  # German
    "della alle gli che "  # Italian
    "het een".split()  # Dutch
)


def other_language(words: frozenset[str]) -> str | None:
    """ "Encender Luz Comedor al ponerse el sol y apagarse a las 11 pm": a text in another
    language, whose words beside the time the grammar did not read. `words`: its letter runs."""
    if OTHER_LANGUAGE_WORDS.isdisjoint(words):
        return None
    found = sorted(words & OTHER_LANGUAGE_WORDS)
    if len(found) < 2:
        return None
    return f"“{'”, “'.join(found[:3])}”: written in another language, read only in part: to confirm"
