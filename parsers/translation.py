"""Schedules said in another language, read by saying their schedule words in English.

(German, Spanish, French, Portuguese, Italian, Dutch and — since round thirteen — Russian.)

The grammar reads English. "jeden Montag um 9 Uhr", "todos los días a las 8:00", "tous les
jours à 20h", "ogni 15 minuti", "elke dag om 7 uur", "每天晚上 6 点", "毎週月曜日 9時" say the
same things in the same few shapes: every day / weekday / day of the week at a time, every N
minutes or hours, in N minutes (timers and reminders), tomorrow or today at a time, the Nth
weekday of the month, weekdays and weekends, the morning or evening hours. A small lexicon per
language rewrites those words into the grammar's English ("jeden Montag um 9 Uhr" -> "every
Monday at 9:00"); the rest of the text (the task: "die Datei senden", "该写周报了") is left as
written, and the English reader reads the result as it reads any sentence.

Never half-read: a word about time of that language the lexicon did not rewrite (one of
`_TIME_WORDS`: "semana" outside the shapes above, "mittags", "夕方" …) means part of the
schedule was not understood, and `to_english` answers None — the text is then refused with
the note that says we read English, as before.

Names of days, months and units come from dateparser's language data (a dependency
already); the phrases around them ("todos los", "a las", "um … Uhr", "每…", "…後") are ours:
dateparser's data has words for dates, not for repeating.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from typing import Final

from .languages import ENGLISH_WORDS, FOREIGN_WORDS, LANGUAGE_WORDS, unread_words
from .required_text import fold, required

_DATEPARSER_CODE: Final = {
    "German": "de",
    "Spanish": "es",
    "French": "fr",
    "Portuguese": "pt",
    "Italian": "it",
    "Dutch": "nl",
    "Russian": "ru",
    "Ukrainian": "uk",
    "Polish": "pl",
    "Swedish": "sv",
    "Turkish": "tr",
    "Finnish": "fi",
    "Norwegian or Danish": "nb",  # (Danish names its days and most months the same)
    "Czech": "cs",
}
# Languages whose names of days are said here, not taken from dateparser (Hindi written in Latin
# letters, as chats write it: dateparser's Hindi is in Devanagari)
_OWN_NAMES: Final = frozenset({"Hindi"})
_LANGUAGES: Final = (*_DATEPARSER_CODE, *_OWN_NAMES)
_DAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS: Final = (
    *("january", "february", "march", "april", "may", "june", "july", "august"),
    *("september", "october", "november", "december"),
)
_UNITS: Final = ("second", "minute", "hour", "day", "week", "month", "year")

# Numbers said in words, and the words that join the parts of an amount: rewritten only inside
# what a rule reads ("alle zwei Stunden", "für 1 Stunde und 15 Minuten"), never in the task.
_AMOUNTS: Final[dict[str, str]] = {
    "German": (
        "ein=a eine=a einer=a einen=a einem=a eins=1 zwei=2 drei=3 vier=4 fünf=5 sechs=6 sieben=7 "
        "acht=8 neun=9 zehn=10 elf=11 zwölf=12 fünfzehn=15 zwanzig=20 dreißig=30 und=and"
    ),
    "Spanish": (
        "un=a una=a uno=1 dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 "
        "once=11 doce=12 quince=15 veinte=20 treinta=30 y=and"
    ),
    "French": (
        "un=a une=a deux=2 trois=3 quatre=4 cinq=5 six=6 sept=7 huit=8 neuf=9 dix=10 onze=11 "
        "douze=12 quinze=15 vingt=20 trente=30 et=and"
    ),
    "Portuguese": (
        "um=a uma=a dois=2 duas=2 três=3 quatro=4 cinco=5 seis=6 sete=7 oito=8 nove=9 dez=10 "
        "onze=11 doze=12 quinze=15 vinte=20 trinta=30 e=and"
    ),
    "Italian": (
        "un=a uno=a una=a due=2 tre=3 quattro=4 cinque=5 sei=6 sette=7 otto=8 nove=9 dieci=10 "
        "undici=11 dodici=12 quindici=15 venti=20 trenta=30 e=and"
    ),
    "Dutch": (
        "een=a één=a twee=2 drie=3 vier=4 vijf=5 zes=6 zeven=7 acht=8 negen=9 tien=10 elf=11 "
        "twaalf=12 vijftien=15 twintig=20 dertig=30 en=and"
    ),
    "Russian": (
        "один=1 одну=1 одна=1 два=2 две=2 три=3 четыре=4 пять=5 шесть=6 семь=7 восемь=8 "
        "девять=9 десять=10 двенадцать=12 пятнадцать=15 двадцать=20 тридцать=30 и=and"
    ),
    "Ukrainian": (
        "один=1 одну=1 одна=1 два=2 дві=2 три=3 чотири=4 п'ять=5 шість=6 сім=7 вісім=8 "
        "дев'ять=9 десять=10 дванадцять=12 п'ятнадцять=15 двадцять=20 тридцять=30 і=and й=and "
        "та=and"
    ),
    "Polish": (
        "jeden=1 jedna=1 jedną=1 dwa=2 dwie=2 trzy=3 cztery=4 pięć=5 sześć=6 siedem=7 osiem=8 "
        "dziewięć=9 dziesięć=10 dwanaście=12 piętnaście=15 dwadzieścia=20 trzydzieści=30 i=and"
    ),
    "Swedish": (
        "en=a ett=a två=2 tre=3 fyra=4 fem=5 sex=6 sju=7 åtta=8 nio=9 tio=10 tolv=12 femton=15 "
        "tjugo=20 trettio=30 och=and"
    ),
    # (Finnish counts in the genitive before "päästä", "välein": "kahden tunnin päästä")
    "Finnish": (
        "yksi=1 yhden=1 kaksi=2 kahden=2 kolme=3 kolmen=3 neljä=4 neljän=4 viisi=5 viiden=5 "
        "kuusi=6 kuuden=6 seitsemän=7 kahdeksan=8 yhdeksän=9 kymmenen=10 viisitoista=15 "
        "viidentoista=15 kaksikymmentä=20 kahdenkymmenen=20 kolmekymmentä=30 "
        "kolmenkymmenen=30 ja=and"
    ),
    "Norwegian or Danish": (
        "en=a et=a ett=a to=2 tre=3 fire=4 fem=5 seks=6 syv=7 sju=7 åtte=8 otte=8 ni=9 ti=10 "
        "tolv=12 femten=15 tjue=20 tyve=20 tretti=30 tredive=30 og=and"
    ),
    "Czech": (
        "jeden=1 jedna=1 jednu=1 dva=2 dvě=2 tři=3 čtyři=4 pět=5 šest=6 sedm=7 osm=8 devět=9 "
        "deset=10 jedenáct=11 dvanáct=12 patnáct=15 dvacet=20 třicet=30 a=and"
    ),
    "Hindi": (
        "ek=1 do=2 teen=3 char=4 chaar=4 paanch=5 panch=5 chhe=6 chhah=6 saat=7 aath=8 nau=9 "
        "das=10 gyarah=11 barah=12 pandrah=15 bees=20 tees=30 aur=and"
    ),
    "Turkish": (
        "bir=a iki=2 üç=3 dört=4 beş=5 altı=6 yedi=7 sekiz=8 dokuz=9 yirmi=20 otuz=30 ve=and"
    ),
}
# Words about time said alone, rewritten wherever they stand (with the names of the days and
# months); German and Dutch "morgen" (tomorrow, or the morning) is the rules'.
_WORDS: Final[dict[str, str]] = {
    "German": (
        "heute=today übermorgen=the-day-after-tomorrow mitternacht=midnight täglich=daily "
        "wöchentlich=weekly monatlich=monthly jährlich=yearly stündlich=hourly "
        "werktags=weekdays wochentags=weekdays timer=timer wecker=alarm "
        "montags=every-monday dienstags=every-tuesday mittwochs=every-wednesday "
        "donnerstags=every-thursday freitags=every-friday samstags=every-saturday "
        "sonntags=every-sunday"
    ),
    "Spanish": (
        "hoy=today mediodía=noon mediodia=noon medianoche=midnight diariamente=daily "
        "semanalmente=weekly mensualmente=monthly temporizador=timer alarma=alarm "
        "miercoles=wednesday sabado=saturday sábados=saturdays sabados=saturdays "
        "domingos=sundays"
    ),
    "French": (
        "après-demain=the-day-after-tomorrow demain=tomorrow aujourd'hui=today midi=noon "
        "minuit=midnight quotidiennement=daily "
        "minuteur=timer minuterie=timer alarme=alarm lundis=mondays mardis=tuesdays "
        "mercredis=wednesdays jeudis=thursdays vendredis=fridays samedis=saturdays "
        "dimanches=sundays mon=my 2e=second 2ème=second 2eme=second 3e=third 3ème=third "
        "3eme=third 4e=fourth 4ème=fourth 4eme=fourth"
    ),
    "Portuguese": (
        "amanhã=tomorrow amanha=tomorrow hoje=today meio-dia=noon meia-noite=midnight "
        "diariamente=daily temporizador=timer cronómetro=timer cronometro=timer alarme=alarm "
        "segundas=mondays terças=tuesdays quartas=wednesdays quintas=thursdays "
        "sextas=fridays sábados=saturdays domingos=sundays terca=tuesday sabado=saturday"
    ),
    "Italian": (
        "domani=tomorrow oggi=today dopodomani=the-day-after-tomorrow mezzogiorno=noon "
        "mezzanotte=midnight quotidianamente=daily timer=timer sveglia=alarm "
        "lunedi=monday martedi=tuesday mercoledi=wednesday giovedi=thursday venerdi=friday"
    ),
    "Dutch": (
        "vandaag=today overmorgen=the-day-after-tomorrow middernacht=midnight "
        "dagelijks=daily wekelijks=weekly maandelijks=monthly timer=timer kookwekker=timer "
        "wekker=alarm altijd=always plekken=places plaatsen=places personen=people "
        "deelnemers=participants"
    ),
    "Russian": (
        "сегодня=today завтра=tomorrow послезавтра=the-day-after-tomorrow полдень=noon "
        "полночь=midnight ежедневно=daily еженедельно=weekly ежемесячно=monthly ежечасно=hourly "
        "таймер=timer будильник=alarm понедельникам=mondays вторникам=tuesdays средам=wednesdays "
        "четвергам=thursdays пятницам=fridays субботам=saturdays воскресеньям=sundays "
        "понедельника=monday вторника=tuesday среды=wednesday четверга=thursday пятницы=friday "
        "субботы=saturday воскресенья=sunday"
    ),
    "Ukrainian": (
        "сьогодні=today завтра=tomorrow післязавтра=the-day-after-tomorrow опівдні=at-noon "
        "опівночі=at-midnight північ=midnight щодня=every-day щоденно=daily щотижня=weekly "
        "щомісяця=monthly щогодини=hourly таймер=timer будильник=alarm понеділкам=mondays "
        "вівторкам=tuesdays середам=wednesdays четвергам=thursdays п'ятницям=fridays "
        "п’ятницям=fridays суботам=saturdays неділям=sundays понеділка=monday вівторка=tuesday "
        "середи=wednesday четверга=thursday п'ятниці=friday п’ятниці=friday п’ятницю=friday "
        "суботи=saturday неділі=sunday щопонеділка=every-monday щовівторка=every-tuesday "
        "щосереди=every-wednesday щочетверга=every-thursday щоп'ятниці=every-friday "
        "щоп’ятниці=every-friday щосуботи=every-saturday щонеділі=every-sunday"
    ),
    "Polish": (
        "dzisiaj=today dziś=today jutro=tomorrow pojutrze=the-day-after-tomorrow "
        "codziennie=every-day północy=midnight północ=midnight południe=noon tygodniowo=weekly "
        "miesięcznie=monthly minutnik=timer budzik=alarm poniedziałki=mondays wtorki=tuesdays "
        "czwartki=thursdays piątki=fridays niedziele=sundays poniedziałku=monday wtorku=tuesday "
        "środy=wednesday środę=wednesday czwartku=thursday piątku=friday soboty=saturday "
        "sobotę=saturday niedzieli=sunday niedzielę=sunday"
    ),
    "Swedish": (
        "idag=today imorgon=tomorrow dagligen=daily midnatt=midnight veckovis=weekly "
        "månadsvis=monthly timer=timer väckarklocka=alarm måndagar=mondays tisdagar=tuesdays "
        "onsdagar=wednesdays torsdagar=thursdays fredagar=fridays lördagar=saturdays "
        "söndagar=sundays"
    ),
    "Finnish": (
        "tänään=today huomenna=tomorrow ylihuomenna=the-day-after-tomorrow keskiyöllä=at-midnight "
        "keskipäivällä=at-noon ajastin=timer herätys=alarm maanantaisin=every-monday "
        "tiistaisin=every-tuesday keskiviikkoisin=every-wednesday torstaisin=every-thursday "
        "perjantaisin=every-friday lauantaisin=every-saturday sunnuntaisin=every-sunday"
    ),
    "Norwegian or Danish": (
        "idag=today imorgen=tomorrow daglig=daily dagligt=daily ukentlig=weekly ugentlig=weekly "
        "månedlig=monthly månedligt=monthly midnatt=midnight midnat=midnight marts=march "
        "maj=may mandager=mondays tirsdager=tuesdays onsdager=wednesdays torsdager=thursdays "
        "fredager=fridays lørdager=saturdays søndager=sundays"
    ),
    "Czech": (
        "dnes=today dneska=today zítra=tomorrow pozítří=the-day-after-tomorrow denně=daily "
        "týdně=weekly měsíčně=monthly půlnoc=midnight poledne=noon budík=alarm časovač=timer "
        "pondělí=monday úterý=tuesday středu=wednesday čtvrtek=thursday pátek=friday "
        "sobotu=saturday neděli=sunday"
    ),
    # (a chat's "kal" is tomorrow in a request: "kal subah 8 baje yaad dilana")
    "Hindi": (
        "aaj=today kal=tomorrow parso=the-day-after-tomorrow somvar=monday mangalvar=tuesday "
        "budhvar=wednesday guruvar=thursday brihaspativar=thursday shukravar=friday "
        "shanivar=saturday ravivar=sunday itvaar=sunday"
    ),
    "Turkish": (
        "bugün=today yarın=tomorrow günlük=daily haftalık=weekly aylık=monthly saatlik=hourly "
        "zamanlayıcı=timer pazartesileri=every-monday salıları=every-tuesday "
        "çarşambaları=every-wednesday perşembeleri=every-thursday cumaları=every-friday "
        "cumartesileri=every-saturday pazarları=every-sunday"
    ),
}
# Words about time that only the rules below rewrite: left in the text, a shape was not read.
_TIME_WORDS: Final[dict[str, str]] = {
    "German": (
        "uhr morgens abend abends nacht nachts mittag mittags mittagszeit "
        "vormittags nachmittags früh wochenende wochenenden feiertag feiertagen werktag "
        "werktagen monats sonnenaufgang sonnenuntergang weihnachten ostern silvester neujahr"
    ),
    "Spanish": (
        "mañana manana mañanas tarde tardes noche noches madrugada semana fin fines "
        "laborables hábiles habiles sol amanecer atardecer anochecer navidad nochebuena pascua"
    ),
    "French": (
        "matin matins soir soirs nuit après-midi week-end weekend ouvrables ouvrés "
        "lever coucher noël pâques"
    ),
    "Portuguese": (
        "manhã manha manhãs tarde tardes noite noites fim fins úteis uteis sol amanhecer "
        "entardecer natal páscoa"
    ),
    "Italian": (
        "mattina mattino mattine sera sere notte pomeriggio fine feriali alba tramonto natale "
        "pasqua"
    ),
    "Dutch": (
        "ochtend ochtends morgens avond avonds middag middags nacht "
        "nachts weekend werkdagen week zonsopgang zonsondergang kerst kerstmis pasen"
    ),
    "Russian": (
        "утра утро утром вечера вечер вечером дня днём днем ночи ночь ночью будни будням "
        "выходные выходным выходных раз неделе месяца месяце году полчаса "
        "рассвет рассвете закат закате рождество пасха праздник праздники праздникам"
    ),
    "Ukrainian": (
        "ранку ранок вранці вечора вечір ввечері дня вдень ночі ніч вночі будні буднях вихідні "
        "вихідних раз тижня місяця тиждень року півгодини свята годині"
    ),
    "Polish": (
        "rano wieczorem wieczór nocy noc popołudniu południu dni dnia tygodnia tygodniu "
        "miesiąca miesiącu razy dziennie weekend weekendy robocze powszednie godzinie"
    ),
    "Swedish": (
        "morgon morgonen morgnar kväll kvällen kvällar natt natten eftermiddag eftermiddagen "
        "förmiddag helger helgen vecka veckan månaden månad timme kl klockan"
    ),
    "Finnish": (
        "klo kello aamulla illalla iltapäivällä aamupäivällä yöllä viikonloppuna viikolla ensi "
        "kuun kuukauden välein päästä kuluttua aamuisin iltaisin puoli vaille varttia vartin yli"
    ),
    "Norwegian or Danish": (
        "kl klokken klokka morgen morgenen kveld kvelden aften aftenen natt natten nat helg helgen "
        "weekend weekenden hverdager hverdage uke uge måned"
    ),
    "Czech": "ráno večer večera odpoledne dopoledne noc noci víkend víkendy hod",
    "Hindi": "baje bje subah savere shaam sham raat dopahar baad pehle hafte mahine",
    # (and "diyelim": "Diyelim ki her gün saat 09:00'da …", let's say — a supposed schedule)
    "Turkish": (
        "sabah sabahları akşam akşamları gece öğle öğleden hafta haftada ayda saat saatte "
        "gün günde günü dakikada sonra önce diyelim"
    ),
}

# Verbs that set a timer or an alarm ("Starte einen 5 Minuten Timer", "inicia temporizador de
# 1 hora", "Mets un minuteur d'une heure"), before the word for one: said "set a" in English.
_SET: Final[dict[str, str]] = {
    "German": "stell stelle erstell erstelle setz setze start starte mach mache",
    "Spanish": "inicia iniciar crea crear comienza comenzar comienzo establece establecer pon "
    "ponme poner programa programar activa activar",
    "French": "crée créer cree mets mettre lance lancer démarre démarrer règle programme",
    "Portuguese": "cria criar começa começar comece define definir inicia iniciar inicie "
    "programa programar ativa ativar liga",
    "Italian": "avvia avviare imposta impostare crea creare metti mettere fai fissa",
    "Dutch": "zet start maak stel",
    "Russian": "поставь поставить установи установить задай задать запусти запустить включи "
    "включить заведи завести",
    "Ukrainian": "постав поставити встанови встановити задай запусти запустити увімкни заведи",
    "Polish": "ustaw nastaw włącz uruchom",
    "Swedish": "sätt ställ starta skapa",
    "Turkish": "kur ayarla başlat",
    "Finnish": "aseta laita käynnistä",
    "Hindi": "lagao",
    "Czech": "nastav nastavte spusť",
    "Norwegian or Danish": "sett",
}
# Verbs that ask to be reminded ("erinnere mich", "recuérdame", "avísame", "rappelle-moi",
# "lembra-me", "ricordami", "herinner me"), said "remind me" as English says it: the grammar
# reads the rest as it reads "remind me tomorrow at 10 …". Their words also say which language
# the text is in ("erinnere mich morgen um zehn an den Arzt" has few other German words).
_REMIND: Final[dict[str, tuple[str, str]]] = {
    "German": (r"\berinner[en]?\s+mich\b", "erinnere erinner erinnern"),
    "Spanish": (
        r"\brecu[ée]rdame(?:lo)?\b|\brecordarme\b|\brecordame\b|\bav[ií]same\b|\bavisarme\b",
        "recuérdame recuerdame recordame recordarme avísame avisame avisarme",
    ),
    "French": (
        r"\b(?:rappelle|rappelez|pr[ée]viens|pr[ée]venez)[- ]moi\b",
        "rappelle-moi rappelez-moi préviens-moi previens-moi prévenez-moi",
    ),
    "Portuguese": (
        r"\b(?:lembr[ae]|avis[ae])-me\b|\bme\s+(?:lembr[ae]|avis[ae])\b",
        # ("me lembre de tomar remédio às 20h": the verb alone says Portuguese)
        "lembra-me lembre-me avisa-me avise-me lembre lembra avise",
    ),
    "Italian": (
        r"\b(?:ricordami|ricordatemi|avvisami)(?:lo)?\b",
        "ricordami ricordatemi avvisami ricordamelo avvisamelo",
    ),
    # "Herinner me eraan oma morgen te bellen": "eraan" (of it) before what to remember
    "Dutch": (r"\bherinner\s+(?:me|mij)(?:\s+eraan)?\b", "herinner eraan"),
    "Polish": (r"\bprzypomnij(?:cie)?(?:\s+mi)?\b", "przypomnij przypomnijcie"),
    "Czech": (r"\bpřipomeň(?:te)?(?:\s+mi)?(?:\s+to)?(?!\w)", "připomeň připomeňte"),
    "Finnish": (r"\bmuistut(?:a|akaa)(?:\s+minua|\s+meitä)?\b", "muistuta muistuttakaa"),
}
_ARTICLES: Final[dict[str, str]] = {
    "German": "einen den ein eine mir",
    "Spanish": "un una el la me",
    "French": "un une le la",
    "Portuguese": "um uma o a me",
    "Italian": "un uno una il lo la",
    "Dutch": "een de",
    "Russian": "мне",
    "Ukrainian": "мені",
    "Polish": "mi",
    "Swedish": "en ett",
    "Turkish": "bir",
    "Finnish": "minulle",
    "Hindi": "ek",
    "Czech": "mi",
    "Norwegian or Danish": "en et ett",
}
# the words for "for" between a timer and its length ("Timer für 5 Minuten", "timer per 5 minuti")
_FOR: Final = {
    "German": "für|fuer|auf|von",
    "Spanish": "de|para|en|dentro de",
    "French": "de|pour|d'une?",
    "Portuguese": "de|para|com|em",
    "Italian": "di|da|per",
    "Dutch": "van|voor|op",
    "Russian": "на",
    "Ukrainian": "на",
    "Polish": "na",
    "Swedish": "på|i",
    "Turkish": "için",
    "Finnish": "noin",
    "Hindi": "ka|ke\\s+liye",
    "Czech": "na",
    "Norwegian or Danish": "på|i|til",
}
# "recuérdame 2 minutos antes de las 22:00", "reunión a las 9:30, recuérdame 15 minutos antes":
# a reminder an amount of time before a clock time, or before the time said earlier, said
# "remind me 2 minutes before 22:00" as English says it (the grammar reads it so). Only right
# after the verb that asks for the reminder: "Se eles chegam 15 minutos antes das 17h30" tells
# of people, and "10 minutos antes de la reunión" names no time. Each: before a time written with
# digits, and at the end of the text.
_BEFORE: Final = {
    "German": (r"vor", r"vorher|davor"),
    "Spanish": (r"antes\s+de\s+(?:las?\s+)?", r"antes"),
    "French": (r"avant", r"avant"),
    "Portuguese": (r"antes\s+d[ao]s?", r"antes"),
    "Italian": (r"prima\s+(?:delle|della|dell['’]|di)", r"prima"),
    "Dutch": (r"voor", r"van\s+tevoren|ervoor"),
}
# "ab 5. März", "Från och med 2 januari", "a partir del 5 de marzo", "à partir du 5 mars": from
# that date on, said "starting" as English says it (before a date: "ab 10 Uhr" is a time)
_STARTING: Final = {
    "German": r"ab(?:\s+dem)?",
    "Swedish": r"från\s+och\s+med|fr\.\s*o\.\s*m\.",
    "Dutch": r"vanaf|met\s+ingang\s+van",
    "Spanish": r"a\s+partir\s+del?",
    "French": r"à\s+partir\s+du|à\s+compter\s+du",
    "Italian": r"a\s+partire\s+dal|a\s+decorrere\s+dal",
    "Portuguese": r"a\s+partir\s+d[eo]",
}
_TIMERS: Final = "|".join(
    (*"timer wecker temporizador alarma minuteur minuterie alarme cronómetro".split(),
     *"cronometro sveglia kookwekker wekker таймер".split(), r"cuenta\s+atrás")
)  # fmt: skip
# Small words that say which of the languages a text is in (only counted, never rewritten)
_SMALL: Final[dict[str, str]] = {
    "German": "die der das nicht auf im ich du bitte noch",
    "Spanish": "el la los las del y en dentro con para mi",
    "French": "le la les du des dans pour et avec mon ma",
    "Portuguese": "o a os as do da dos das em e daqui com para meu todo toda às sábado domingo "
    "mês cada segunda-feira terça-feira quarta-feira quinta-feira sexta-feira é horário "
    "relatório todas todos "
    "segundas-feiras terças-feiras quartas-feiras quintas-feiras sextas-feiras",
    "Italian": "il lo la gli del della tra fra per da e di mio miei",
    "Dutch": "de het een van voor over om en mijn je",
    "Russian": "в во и на по с со для не это что как мне меня",
    "Ukrainian": "в у і й та на по з із для не це що як мені мене о об",
    "Polish": "w z ze od dla nie jak mnie się jest",
    "Swedish": "och på att det som för med av är jag du inte om",
    "Turkish": "ve bu için ile da de ne çok",
    # (not "on", Finnish's "is": English's word, it would send most English texts to language_of)
    "Finnish": "ja ei että kun minua minulle mutta tai myös minun sinun",
    # (the days Swedish names the same, counted for both: "på torsdag klokken 5")
    "Norwegian or Danish": (
        "og på det som med av er jeg du ikke meg mig kjører kører om klokken klokka onsdag "
        "torsdag fredag"
    ),
    "Czech": "je se na ve mi mě že pro jak abych mám",
    "Hindi": "ka ki ke ko hai hain mujhe mera meri mere aur karna karo kya nahi yaad dilana dilao",
}

_Rule = tuple[str, "str | Callable[[re.Match[str]], str]"]


def _clock_list(match: re.Match[str]) -> str:
    """ "à 8h, 12h et 18h30" -> "at 8:00, 12:00 and 18:30": hours written with "h", listed."""
    # "Às 8H, 12H E 18H" (a title's capitals: the rule matches either case)
    times = [f"{h}:{m or '00'}" for h, m in re.findall(r"(\d{1,2})[hH](\d{2})?", match.group())]
    return "at " + ", ".join(times[:-1]) + " and " + times[-1]


def _spoken_clock(language: str) -> Callable[[re.Match[str]], str]:
    """ "halb sieben" -> "6:30", "Viertel nach 7" -> "7:15", "kwart voor 8" -> "7:45": the
    half and the quarters said toward the next hour (German and Dutch "halb/half N" is half an
    hour BEFORE N)."""
    numbers = _pairs(_AMOUNTS[language])

    def clock(match: re.Match[str]) -> str:
        said = match["hour"].lower()
        hour = int(said) if said.isdigit() else int(numbers.get(said, "0") or 0)
        if not 1 <= hour <= 24:
            return match.group()
        before = {"halb": 30, "half": 30, "viertel vor": 15, "kwart voor": 15}
        after = {"viertel nach": 15, "kwart over": 15}
        part = " ".join(match["part"].lower().split())
        if hour <= 12:
            # said as English says it ("half past 6", "quarter to 8"): a bare hour of the dial,
            # the morning or the evening as the grammar reads one ("Viertel nach sieben" asks)
            if part in ("halb", "half"):
                return f"half past {hour - 1 or 12}"
            return f"quarter {'to' if part in before else 'past'} {hour}"
        if part in before:
            return f"{(hour - 1) % 24 or (24 if hour == 1 else 0)}:{60 - before[part]:02d}"
        return f"{hour}:{after[part]:02d}"

    return clock


_RU_DAYS: Final = {
    "пн": "Mon",
    "вт": "Tue",
    "ср": "Wed",
    "чт": "Thu",
    "пт": "Fri",
    "сб": "Sat",
    "вс": "Sun",
}
# Russian days written short, two or more ("пн ср пт", "пн, ср, пт"): only as a list, since "в"
# and "с" are small words too
_RU_DAY_LETTERS: Final = r"\b(?:пн|вт|ср|чт|пт|сб|вс)(?:\s*[,/ ]\s*(?:пн|вт|ср|чт|пт|сб|вс)\b)+"


# "в 9 часов утра 38 минут", "в 9 часов 38 минут утра", "в 9 часов 38 минут": the hour and its
# minutes said in words (the part of the day before or after the minutes)
_RU_HOURS_MINUTES: Final = (
    r"\b(\d{1,2})\s*час(?:а|ов)?\s+(?:(утра|дня|вечера|ночи)\s+)?(\d{1,2})\s*минут[аы]?"
    r"(?:\s+(утра|дня|вечера|ночи))?(?!\w)"
)


def _ru_hours_minutes(match: re.Match[str]) -> str:
    """ "9 часов утра 38 минут" -> "9:38 am"; without a part of the day, "9:38"."""
    hour, before, minute, after = match.groups()
    if not (0 <= int(hour) <= 24 and 0 <= int(minute) <= 59):
        return match.group()
    part = (before or after or "").lower()
    suffix = {"утра": " am", "ночи": " am", "дня": " pm", "вечера": " pm"}.get(part, "")
    if part == "ночи" and int(hour) > 5:
        suffix = " pm"
    return f"{int(hour)}:{int(minute):02d}{suffix}"


def _ru_day_letters(match: re.Match[str]) -> str:
    """ "пн ср пт" -> "on Mon, Wed and Fri"."""
    days = [_RU_DAYS[day] for day in re.findall(r"[а-я]{2}", match.group().lower())]
    return "on " + ", ".join(days[:-1]) + " and " + days[-1]


# "de 14 à 18 heures", "de 14h30 à 18h", "de 19 a 21 hs.": a range of hours, read from its start
# A range of hours right after a day the rules have read ("le mardi de 14 à 18 heures" ->
# "on tuesdays from 14:00 to 18:00"; "los lunes y jueves de 19 a 21 hs."): read from its start.
# Alone ("la fête aura lieu de 14h à 18h") it says no day, and is left as it was.
_AFTER_A_DAY: Final = "(?<=(?:ay|ys|th)\ue001)[\\s,:]*"  # (or "of every month")
_H: Final = r"(\d{1,2})(?:\s*h\s*(\d{2})?|[:.](\d{2}))"  # "14h", "14h30", "14:00"
_FR_RANGE: Final = (
    # each end an hour said as one, or "heures" after the range; "de 6 à 12 ans" is no range
    rf"{_AFTER_A_DAY}de\s+{_H}\s*à\s+(\d{{1,2}})(?:\s*h\s*(\d{{2}})?|[:.](\d{{2}}))?(?!\w)"
    rf"|{_AFTER_A_DAY}de\s+(\d{{1,2}})()()\s+à\s+(\d{{1,2}})()()\s*heures\b"
    # "de 14 à 18 h 00": the start a bare hour, the end said with "h"
    rf"|{_AFTER_A_DAY}de\s+(\d{{1,2}})()()\s+à\s+(\d{{1,2}})\s*h\s*(\d{{2}})?()(?!\w)"
    # "entre 16 heures et 18 heures", "entre 14h et 17h30"
    rf"|{_AFTER_A_DAY}entre\s+{_H}\s*(?:et\s+|\ue000\s*and\s*\ue001)(\d{{1,2}})(?:\s*h\s*(\d{{2}})?|[:.](\d{{2}}))?(?!\w)"
    rf"|{_AFTER_A_DAY}entre\s+(\d{{1,2}})()()\s*heures?\s+et\s+(\d{{1,2}})()()\s*heures\b"
)
# "… de 10 h à 13 h et de 14 h à 18 h 30": the day's second part, right after its first
_FR_MORE_RANGE: Final = (
    "(?<=\\d\ue001)"
    rf"\s*et\s+de\s+{_H}\s*à\s+(\d{{1,2}})(?:\s*h\s*(\d{{2}})?|[:.](\d{{2}}))?(?!\w)"
)
# the marks a listing's line opens with ("- ", "• ", "-"), and the hours after its days
_LIST_MARK: Final = r"[\s*•>–-]*"
_HOURS_NEXT: Final = r"\s*:?\s*(?:de\s+)?\d"


def _more_hour_range(match: re.Match[str]) -> str:
    """ "et de 14 h à 18 h 30" after a range -> " and from 14:00 to 18:30"."""
    return f" and{_hour_range(match)}"


# "diariamente das 13h às 17h", "às segundas-feiras das 9h às 12h"
_PT_RANGE: Final = (
    rf"{_AFTER_A_DAY}(?:das|de)\s+{_H}\s*(?:às|as|a|-|–)\s*"
    r"(\d{1,2})(?:\s*h\s*(\d{2})?|[:.](\d{2}))?(?!\w)"
    rf"|{_AFTER_A_DAY}(?:das|de)\s+(\d{{1,2}})()()\s+(?:às|as|a)\s+(\d{{1,2}})()()\s*horas\b"
)
_ES_RANGE: Final = (
    # with a unit after ("de 19 a 21 hs.", "de 18–21 h"), or minutes ("de 18:00 a 20:00")
    rf"{_AFTER_A_DAY}de\s+(?:las\s+)?(\d{{1,2}})(?:()[:.](\d{{2}}))?h?\s*(?:a|-|–)\s*(?:las\s+)?"
    r"(\d{1,2})(?:()[:.](\d{2}))?\s*(?:hs|h|horas)\b\.?"
    rf"|{_AFTER_A_DAY}de\s+(?:las\s+)?(\d{{1,2}})()[:.](\d{{2}})\s*(?:a|-|–|hasta)\s*"
    r"(?:las\s+)?(\d{1,2})()[:.](\d{2})\b"
)


def _hour_range(match: re.Match[str]) -> str:
    """ "de 14 à 18 heures" -> "from 14:00 to 18:00": both ends on the 24-hour clock (said so
    with "heures" or "hs"; an hour under 12 keeps its reading: "de 9 à 11 heures")."""
    groups = match.groups()
    # each form has six groups: the start, its minutes (two ways), the end, its minutes
    chunk = next(groups[k : k + 6] for k in range(0, len(groups), 6) if groups[k] is not None)
    start, start_m, start_m2, end, end_m, end_m2 = chunk
    first, last = int(start), int(end)
    if not (0 <= first <= 24 and 0 <= last <= 24):
        return match.group()
    return f" from {first}:{start_m or start_m2 or '00'} to {last}:{end_m or end_m2 or '00'}"


def _baje(part: str) -> Callable[[re.Match[str]], str]:
    """ "subah 6 baje" -> "at 6:00 am", "raat 11 baje" -> "at 11:00 pm", "3 baje" -> "at 3:00": a
    Hindi hour ("baje": o'clock, its number in digits or in words) and the part of the day said
    before it (the night's small hours are the morning's: "raat 2 baje" is 2am)."""

    def clock(match: re.Match[str]) -> str:
        numbers = _pairs(_AMOUNTS["Hindi"])
        said = match.group(1).lower()
        hour = int(said) if said.isdigit() else int(numbers.get(said, "0") or 0)
        minute = match.group(2) or "00"
        if not 0 <= hour <= 24:
            return match.group()
        if not part:
            # a bare hour is read as the grammar reads "at 3" (the afternoon, asked)
            return f"at {hour}" if match.group(2) is None else f"at {hour}:{minute}"
        if hour > 12:
            return f"at {hour}:{minute}"
        evening = part == "evening" or (part == "night" and 5 <= hour <= 11)
        return f"at {hour}:{minute} {'pm' if evening else 'am'}"

    return clock


def _fr_day_of_month(match: re.Match[str]) -> str:
    """ "tous les 5 du mois" -> "on the 5th of every month"."""
    day = int(match.group(1))
    if not 1 <= day <= 31:
        return match.group()
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"on the {day}{suffix} of every month"


def _fr_clock(match: re.Match[str]) -> str:
    """ "20h" -> "20:00", "18h30" -> "18:30"."""
    return f"{int(match.group(1))}:{match.group(2) or '00'}"


def _de_range(match: re.Match[str]) -> str:
    """ "14:00 bis 17:30 Uhr", "von 9 Uhr bis 12 Uhr" -> "from 14:00 to 17:30": German says the
    hours on the 24-hour clock."""
    start, start_m, end, end_m = match.groups()
    if not (0 <= int(start) <= 24 and 0 <= int(end) <= 24):
        return match.group()
    return f" from {int(start)}:{start_m or '00'} to {int(end)}:{end_m or '00'}"


_SPOKEN_CLOCK: Final = (
    r"\b(?P<part>halb|half|viertel\s+(?:vor|nach)|kwart\s+(?:voor|over))\s+(?P<hour>NUM)\b"
)
_HOURS_LIST: Final = r"\b(?:à|às|as)\s+\d{1,2}h(?:\d{2})?(?:\s*(?:,|et|e)\s*\d{1,2}h(?:\d{2})?)+\b"
_Lang = dict[str, str]


def _names(language: str) -> dict[str, str]:
    """dateparser's names of the days and months in `language`, lower case, to English: each
    one's longest name and the others of four letters or more ("montag", "segunda-feira",
    "mai"; not "mo" or "mar", which are other words too)."""
    if language in _OWN_NAMES:
        return {}  # its names are among its words (`_WORDS`)
    info = import_module(f"dateparser.data.date_translation_data.{_DATEPARSER_CODE[language]}").info
    names: dict[str, str] = {}
    for english in (*_DAYS, *_MONTHS):
        said = [word.lower() for word in info.get(english, ()) if word.replace("-", "").isalpha()]
        for word in said:
            if len(word) >= 4 or word == max(said, key=len):
                names.setdefault(word, english)
    return names


# Units of time: singular and plural, to English ("stunden" -> "hours")
_UNIT_WORDS: Final[dict[str, str]] = {
    "German": (
        "sekunde=second sekunden=seconds minute=minute minuten=minutes stunde=hour "
        "stunden=hours min=minutes tag=day tage=days tagen=days woche=week wochen=weeks "
        "monat=month "
        "monate=months monaten=months jahr=year jahre=years jahren=years"
    ),
    "Spanish": (
        "segundo=second segundos=seconds minuto=minute minutos=minutes min=minutes hora=hour "
        "horas=hours día=day días=days dia=day dias=days semana=week semanas=weeks mes=month "
        "meses=months "
        "año=year años=years"
    ),
    "French": (
        "seconde=second secondes=seconds minute=minute minutes=minutes min=minutes heure=hour "
        "heures=hours jour=day jours=days semaine=week semaines=weeks mois=months année=year "
        "années=years"
    ),
    "Portuguese": (
        "segundo=second segundos=seconds minuto=minute minutos=minutes min=minutes hora=hour "
        "horas=hours dia=day dias=days semana=week semanas=weeks mês=month meses=months ano=year "
        "anos=years"
    ),
    "Italian": (
        "secondo=second secondi=seconds minuto=minute minuti=minutes min=minutes ora=hour "
        "ore=hours "
        "giorno=day giorni=days settimana=week settimane=weeks mese=month mesi=months "
        "anno=year anni=years"
    ),
    "Russian": (
        "секунда=second секунду=second секунды=seconds секунд=seconds минута=minute "
        "минуту=minute минуты=minutes минут=minutes мин=minutes час=hour часа=hours "
        "часов=hours день=day дня=days дней=days неделя=week неделю=week недели=weeks "
        "недель=weeks месяц=month месяца=months месяцев=months год=year года=years лет=years"
    ),
    "Ukrainian": (
        "секунда=second секунду=second секунди=seconds секунд=seconds хвилина=minute "
        "хвилину=minute хвилини=minutes хвилин=minutes хв=minutes година=hour годину=hour "
        "години=hours годин=hours год=hours день=day дні=days днів=days тиждень=week "
        "тижні=weeks тижнів=weeks місяць=month місяці=months місяців=months рік=year роки=years "
        "років=years"
    ),
    "Polish": (
        "sekunda=second sekundę=second sekundy=seconds sekund=seconds minuta=minute "
        "minutę=minute minuty=minutes minut=minutes min=minutes godzina=hour godzinę=hour "
        "godziny=hours godzin=hours godz=hours dzień=day dni=days tydzień=week tygodnie=weeks "
        "tygodni=weeks miesiąc=month miesiące=months miesięcy=months rok=year lata=years"
    ),
    "Swedish": (
        "sekund=second sekunder=seconds minut=minute minuter=minutes min=minutes timme=hour "
        "timmar=hours dag=day dagar=days vecka=week veckor=weeks månad=month "
        "månader=months år=year"
    ),
    "Finnish": (
        "sekunti=second sekuntia=seconds sekunnin=seconds minuutti=minute minuuttia=minutes "
        "minuutin=minutes min=minutes tunti=hour tuntia=hours tunnin=hours päivä=day päivää=days "
        "päivän=days viikko=week viikkoa=weeks viikon=weeks kuukausi=month kuukautta=months "
        "kuukauden=months"
    ),
    "Norwegian or Danish": (
        "sekund=second sekunder=seconds minutt=minute minutter=minutes minut=minute "
        "min=minutes time=hour timer=hours dag=day dager=days dage=days uke=week uker=weeks "
        "uge=week uger=weeks måned=month måneder=months år=year"
    ),
    "Czech": (
        "sekunda=second sekund=seconds sekundy=seconds minuta=minute minutu=minute "
        "minuty=minutes minut=minutes min=minutes hodina=hour hodinu=hour hodiny=hours "
        "hodin=hours den=day dny=days dní=days dnů=days týden=week týdny=weeks týdnů=weeks "
        "měsíc=month měsíce=months měsíců=months"
    ),
    "Hindi": (
        "minute=minutes minat=minutes mint=minutes ghante=hours ghanta=hour ghanton=hours "
        "din=days hafte=weeks mahine=months"
    ),
    "Turkish": (
        "saniye=seconds saniyede=seconds dakika=minutes dakikada=minutes dk=minutes saat=hours "
        "saatte=hours gün=days günde=days hafta=weeks haftada=weeks"
    ),
    "Dutch": (
        "seconde=second seconden=seconds secondes=seconds minuut=minute minuutje=minute "
        "minuten=minutes min=minutes "
        "uur=hours uurtje=hour uren=hours kwartier=15-minutes dag=day dagen=days week=week "
        "weken=weeks maand=month "
        "maanden=months jaar=year jaren=years"
    ),
}

_DAY = "DAY"  # in a rule, one day of the week's name (its plural too)
_NUM = "NUM"  # in a rule, an amount: digits or a number word
_UNIT = "UNIT"  # in a rule, a unit of time
_ORD = "ORD"  # in a rule, an ordinal ("ersten", "segundo", "dernier"): its first group
_AMOUNT = "AMOUNT"  # in a rule, an amount of time: "2 Stunden", "1 hora y 15 minutos"
_MONTH = "MONTH"  # in a rule, one month's name ("noviembre", "Januar")


# Rules: a pattern (DAY, NUM and UNIT stand for the language's words) and its English.
# Applied in order, case-insensitively, each to the text the rule before left.
_RULES: Final[dict[str, tuple[_Rule, ...]]] = {
    "German": (
        # "Also bis Sonntag um Viertel nach neun!": see you then (a farewell, not a request)
        (
            r"(?:^|(?<=[.!?]\s))(?:also\s+|na\s+dann\s+|ok\s+)?bis\s+"
            r"(?=(DAY)\b|(?:morgen|heute|nachher|später|dann)\b)",
            "see you ",
        ),
        # "auch an Wochenenden oder Feiertagen": the runs do not skip those days (no schedule
        # here skips a holiday), said after the schedule; it adds no day to it
        (
            r"[,–-]?\s*(?:also\s+)?auch\s+an\s+(?:wochenenden|feiertagen)"
            r"(?:\s+(?:oder|und)\s+(?:wochenenden|feiertagen))?\b",
            "",
        ),
        (
            r"\b(?:stell|stelle|erstell|erstelle|setz|setze|start|starte|mach|mache)\s+(?:mir\s+)?"
            r"(?:einen|den|ein|eine)?\s*(timer|wecker)",
            r"set a \1",
        ),
        # "es sei denn, dieser fällt auf einen Feiertag": an exception said after the schedule
        (
            r"\bes\s+sei\s+denn?\b,?\s*(?:dieser|diese|er|sie|es)?\s*fällt\s+auf\s+"
            r"(?:einen\s+)?feiertag\b",
            "unless it falls on a holiday",
        ),
        # "einmal im Monat, jeweils am dritten Donnerstag": once a month, on the third Thursday
        (r"\b(?:einmal|ein\s+mal)\s+(?:im|pro)\s+monat\b", "once a month"),
        # "14:00 bis 17:30 Uhr", "von 9 Uhr bis 12 Uhr": a range of hours, read from its start
        (
            r"\b(?:von\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(?:uhr\s+)?(?:bis|-|–)\s*"
            r"(\d{1,2})(?:[:.](\d{2}))?\s*uhr\b",
            _de_range,
        ),
        # "dienstags und donnerstags von 16-18 h", "montags von 19 bis 21 h": the same, with "h"
        (
            r"\bvon\s+(\d{1,2})(?:[:.](\d{2}))?\s*(?:bis|-|–)\s*(\d{1,2})(?:[:.](\d{2}))?\s*h\b\.?",
            _de_range,
        ),
        (r"\bwecke?\s+mich(?:\s+auf)?\b", "wake me up"),
        # "Sonntagabend", "montagabends", "Freitagnachmittag": a day and its part, one word
        (r"\b(?:jeden\s+)?(DAY)abends\b", r"every \1 evening"),
        (r"\b(?:jeden\s+)?(DAY)morgens\b", r"every \1 morning"),
        (r"\b(?:jeden\s+)?(DAY)nachmittags\b", r"every \1 afternoon"),
        (r"\bjeden\s+(DAY)abend\b", r"every \1 evening"),
        (r"\bjeden\s+(DAY)morgen\b", r"every \1 morning"),
        (r"\bjeden\s+(DAY)nachmittag\b", r"every \1 afternoon"),
        (r"\b(?:am\s+)?(DAY)abend\b", r"\1 evening"),
        (r"\b(?:am\s+)?(DAY)(?:morgen|vormittag)\b", r"\1 morning"),
        (r"\b(?:am\s+)?(DAY)nachmittag\b", r"\1 afternoon"),
        (r"\b(?:an\s+)?jede[mn]?\s+morgen\b", "every morning"),
        (r"\b(?:an\s+)?jede[mn]?\s+abend\b", "every evening"),
        # "an jedem Werktag um 7:30": every working day, Monday to Friday
        (r"\b(?:an\s+)?jede[mn]?\s+werktag\b", "every weekday"),
        (r"\b(?:an\s+)?jede[mn]?\s+tag\b", "every day"),
        (r"\bjede\s+nacht\b", "every night"),
        (r"\bjede\s+woche\b", "every week"),
        # "jeden Monat am 15.", "jeden 1. (des Monats)": a day of the month
        (
            r"\bjede[ns]?\s+monat\s*,?\s*(?:jeweils\s+)?am\s+(\d{1,2})\.(?!\d)",
            _fr_day_of_month,
        ),
        (r"\bjeden\s+(\d{1,2})\.(?!\d)(?:\s*(?:des\s+monats|im\s+monat)\b)?", _fr_day_of_month),
        (r"\bjede[ns]?\s+monat\b", "every month"),
        (r"\bjede\s+zweite\s+woche\b", "every other week"),
        (r"\bjede\s+stunde\b", "every hour"),
        (r"\bjede\s+minute\b", "every minute"),
        (r"\b(?:jeden\s+|von\s+)?(DAY)\s+bis\s+(DAY)\b", r"\1 to \2"),
        # "dienstags bis donnerstags", "Montag-Freitag": a range of days
        (r"\b(DAY)s\s+bis\s+(DAY)s\b", r"every \1 to \2"),
        (r"\b(DAY)\s*[-–]\s*(DAY)\b", r"\1 to \2"),
        # "1. Tag jedes Monats", "am 1. jeden Monats": a day of the month
        (
            r"\b(?:am\s+)?(\d{1,2})\.\s*(?:tag\s+)?(?:jedes|jeden|eines)\s+monats\b",
            _fr_day_of_month,
        ),
        (r"\bum\s+(?:etwa|ungefähr|ca\.?|circa)\s+(?=\d)", "at about "),
        # "zum Beispiel den Export jeden Werktag um 18:00 Uhr": an example, as English says it
        (r"\bzum\s+beispiel\b|\bz\.\s?b\.", "for example"),
        # "Jeden zweiten Mittwoch": every other Wednesday ("im Monat" after it: the second one)
        (
            r"\b(?:an\s+)?jede[mn]\s+zweiten\s+(DAY)\b"
            r"(?!\s+(?:des|im|jedes|eines)\s+monats?\b)",
            r"every other \1",
        ),
        (r"\b(?:an\s+)?jede[mn]?\s+(DAY)\b", r"every \1"),
        (r"\balle\s+(AMOUNT)\b", r"every \1"),
        # "seit Januar" (since January): how long it has been so, no month it keeps to
        (r"\bseit\s+(?:anfang\s+|mitte\s+|ende\s+)?(MONTH)\b", ""),
        (r"\bmorgens\b", "every morning"),
        (r"\babends\b", "every evening"),
        (r"\bnachts\b", "every night"),
        (r"\bmorgen\s+früh\b", "tomorrow morning"),
        (r"\bheute\s+abend\b", "tonight"),
        (r"\bmorgen\s+abend\b", "tomorrow evening"),
        (r"\bam\s+morgen\b", "in the morning"),
        (r"\bam\s+abend\b", "in the evening"),
        (r"\bmorgen\b", "tomorrow"),
        (r"\b(?:von\s+)?(DAY)\s+bis\s+(DAY)\b", r"\1 to \2"),
        (r"\b(?:an\s+)?werktagen\b", "on weekdays"),
        (r"\b(?:am|an)\s+(?:den\s+)?wochenenden?\b", "on weekends"),
        (
            r"\b(?:jeweils\s+)?am\s+(ORD)\s+(DAY)\b(?!\s+(?:des|im|jedes|eines)\s+monats?\b)",
            r"on the \1 \2",
        ),
        (r"\bam\s+(DAY)\b", r"on \1"),
        # a listing's "Mittwoch, 18.30 Uhr.": the day said once ("mittwochs" is every week)
        (r"^(DAY)(?=\s*,?\s*\d{1,2}(?:[:.]\d{2})?\s*uhr\b)", r"on \1"),
        (
            r"\b(?:am|jeden|an\s+jedem|der|den|jeder)\s+(ORD)\s+(DAY)\s+"
            r"(?:des|im|jedes|eines)\s+monats?\b",
            r"the \1 \2 of every month",
        ),
        # "mittwochs nach der 15 Uhr – Messe": after an event at that hour, not at it
        (r"\bnach\s+(?:der|dem)\s+(?=\d{1,2}(?:[:.]\d{2})?\s*uhr\b)", "after the "),
        (r"\bum\s+punkt\s+(?=\d)", "at "),
        # "um halb sieben" said "half past 6" by the rule before
        (r"\bum\s+(?=(?:half|quarter)\s+(?:past|to)\s)", "at "),
        (r"\bum\s+(?=\d)", "at "),
        (r"\b(\d{1,2})[:.](\d{2})\s*uhr\b", r"\1:\2"),
        (r"\b(NUM)\s*uhr\b", r"\1:00"),
        (r"\bum\s+(NUM)\b", r"at \1"),
        (r"\b(?:in|nach)\s+(AMOUNT)\b", r"in \1"),
        (r"\bfür\s+(AMOUNT)\b", r"for \1"),
        (r"\bauf\s+(AMOUNT)\b", r"for \1"),
        (r"\bin\s+einer?\s+(UNIT)\b", r"in an \1"),
        # "erinnere mich morgen um 10 an den Arzt": what to remind of, after the schedule
        (r"(?<=\ue001)\s+ans?\s+(?=[^\W\d_])", " about "),
    ),
    "Spanish": (
        # "el primer domingo de cada mes", "todos los primeros domingos de mes": before "cada mes"
        # is read as every month
        (
            r"\b(?:(?:el|los|todos\s+los|cada)\s+)?(ORD)\s+(DAY)\s+de\s+"
            r"(?:cada\s+|todos\s+los\s+)?mes(?:es)?\b",
            r"the \1 \2 of every month",
        ),
        # "El día 1 de cada mes", "Primer día de cada mes": a day of the month
        (r"\b(?:el\s+)?d[ií]a\s+(\d{1,2})\s+de\s+cada\s+mes\b", _fr_day_of_month),
        (r"\b(?:el\s+)?primer\s+d[ií]a\s+de\s+cada\s+mes\b", "on the 1st of every month"),
        # "el primero de cada mes", "el primero a las 9": the first of the month, said alone
        (r"\bel\s+(?:d[ií]a\s+)?primero\s+de\s+cada\s+mes\b", "on the 1st of every month"),
        (r"\bel\s+(?:d[ií]a\s+)?primero\s+del\s+mes\b", "on the 1st of the month"),
        (r"\bel\s+(?:d[ií]a\s+)?primero\b(?=\s+a\s+las?\b|\s*(?:[,.;!]|$))", "on the 1st"),
        # "todos los meses el día 15", "cada mes el 15": a day of the month
        (
            r"\b(?:todos\s+los\s+meses|cada\s+mes)\s*,?\s*(?:el\s+)?(?:d[ií]a\s+)?(\d{1,2})\b"
            r"(?!\s*(?:[:.]\d|h\b|hs\b|horas\b))",
            _fr_day_of_month,
        ),
        # "el 1 de noviembre", "2 de Julio": a date
        (r"\b(?:el\s+)?(\d{1,2})\s+de\s+(MONTH)\b(?!\s+de\s+\d)", r"on \2 \1"),
        (r"\bpor\s+ejemplo\b", "for example"),
        (
            r"\b(?:todos\s+los|cada)\s+d[ií]as\b|\bcada\s+d[ií]a\b|\ba\s+diario\b|\bdiariamente\b",
            "every day",
        ),
        (r"\b(?:todas\s+las|cada)\s+mañanas?\b", "every morning"),
        (r"\b(?:todas\s+las|cada)\s+tardes?\b", "every afternoon"),
        (r"\b(?:todas\s+las|cada)\s+noches?\b", "every night"),
        (r"\b(?:todos\s+los|cada)\s+(DAY)\b", r"every \1"),
        # ("los días viernes": the days that are Fridays)
        (
            r"\blos\s+(?:d[ií]as\s+)?(DAY)\s*(?:,|y|e)\s*(?:los\s+)?(DAY)\b",
            r"on \1s and \2s",
        ),
        (r"\blos\s+(?:d[ií]as\s+)?(DAY)\b", r"on \1s"),
        # 'los “Viernes de Danzón”': a weekly event named by its day
        (r"\blos\s+([“\"«])\s*(DAY)\b", r"on \2s \1"),
        (r"\bel\s+(DAY)\b", r"on \1"),
        (r"\bde\s+(DAY)\s+a\s+(DAY)\b", r"\1 to \2"),
        # "Backup diario: lunes a viernes a las 03:00": the range said without "de"
        (r"\b(DAY)\s+a\s+(DAY)\b", r"\1 to \2"),
        (
            r"\bentre\s+semana\b|\b(?:los\s+)?d[ií]as\s+(?:laborables|h[aá]biles|de\s+semana)\b",
            "weekdays",
        ),
        (r"\b(?:los\s+|el\s+)?fin(?:es)?\s+de\s+semana\b", "weekends"),
        (r"\bcada\s+(AMOUNT)\b", r"every \1"),
        (r"\bcada\s+(UNIT)\b", r"every \1"),
        # "de 9:00 a 14:00 horas", "desde las 10:00 hasta las 20:00", "de 9:30 de la mañana hasta
        # las 20:30 horas": a range of hours written with its minutes, wherever the days are
        (
            r"\b(?:de|desde)\s+(?:las\s+)?(\d{1,2})[:.](\d{2})(?:\s*h)?(?:\s+de\s+la\s+mañana)?\s+"
            r"(?:a|hasta)\s+(?:las\s+)?(\d{1,2})[:.](\d{2})(?:\s*(?:horas|hs|h)\b\.?)?",
            _de_range,
        ),
        (r"(\d)\s+(?:de\s+la|por\s+la)\s+(?:mañana|madrugada)\b", r"\1 am"),
        (r"(\d)\s+(?:de\s+la|por\s+la)\s+(?:tarde|noche)\b", r"\1 pm"),
        # "en la tarde de este miércoles", "el próximo jueves por la mañana"
        (r"\b(?:en\s+)?la\s+mañana\s+del?\s+(?:este\s+)?(DAY)\b", r"this \1 morning"),
        (r"\b(?:en\s+)?la\s+tarde\s+del?\s+(?:este\s+)?(DAY)\b", r"this \1 afternoon"),
        (r"\b(?:en\s+)?la\s+noche\s+del?\s+(?:este\s+)?(DAY)\b", r"this \1 evening"),
        (r"\beste\s+(DAY)\b", r"this \1"),
        (r"\bpor\s+la\s+mañana\b", "in the morning"),
        (r"\bpor\s+la\s+tarde\b", "in the afternoon"),
        (r"\bpor\s+la\s+noche\b|\besta\s+noche\b", "tonight"),
        (_ES_RANGE, _hour_range),
        (r"\ba\s+la\s+una\b", "at 1"),
        (r"\ba\s+las\s+(NUM)\s+y\s+media\b", r"at \1:30"),
        (r"\ba\s+las\s+(NUM)\s+y\s+cuarto\b", r"at \1:15"),
        (r"\ba\s+las?\s+(?=\d)", "at "),
        # "2 de Julio las 19:00": the time, said without "a"
        (r"\blas\s+(?=\d{1,2}[:.]\d{2}\b)", "at "),
        (r"\ba\s+las\s+(NUM)\b", r"at \1"),
        (r"\b(?:en|dentro\s+de)\s+(AMOUNT)\b", r"in \1"),
        (r"\b(?:de|para)\s+(AMOUNT)\b", r"for \1"),
        (r"\bpasado\s+mañana\b", "the day after tomorrow"),
        (r"\bmañana\b", "tomorrow"),
        (r"\bdespi[ée]rtame\b", "wake me up"),
    ),
    "French": (
        # "mardi dernier", "le mardi prochain": French says "last" and "next" after the day
        (r"\b(?:le\s+)?(DAY)\s+(?:dernier|passé)\b", r"last \1"),
        (r"\b(?:le\s+)?(DAY)\s+prochain\b", r"next \1"),
        # "(2ème et 4ème samedis du mois)", "le 2ème et 4ème vendredi de chaque mois": two of the
        # month's such days
        (
            r"\b(?:(?:tous\s+)?les?\s+)?(ORD)\s+et\s+(?:le\s+)?(ORD)\s+(DAY)\s+"
            r"(?:du|de\s+chaque)\s+mois\b",
            r"the \1 and \2 \3 of every month",
        ),
        (r"\b(?:tous\s+les|chaque)\s+jours?\b", "every day"),
        # "tous les lundis matin": the part of the day after the day
        (r"\b(?:tous\s+les|chaque)\s+(DAY)\s+matins?\b", r"every \1 morning"),
        (r"\b(?:tous\s+les|chaque)\s+(DAY)\s+soirs?\b", r"every \1 evening"),
        (r"\b(?:tous\s+les|chaque)\s+(DAY)\s+après-midi\b", r"every \1 afternoon"),
        # "tous les mois le 15": a day of the month
        (
            r"\b(?:tous\s+les|chaque)\s+mois\s*,?\s*le\s+(\d{1,2})(?:er)?\b(?!\s*[h:])",
            _fr_day_of_month,
        ),
        (r"\b(?:tous\s+les|chaque)\s+matins?\b", "every morning"),
        # "tous les soirs à minuit": every day at midnight (no evening at 12am)
        (r"\b(?:tous\s+les|chaque)\s+soirs?\s+(?=à\s+minuit\b)", "every day "),
        # "tous les soirs à 03h30": past midnight, written with its zero (the night's)
        (r"\b(?:tous\s+les|chaque)\s+soirs?\s+(?=à\s+0\d\s*[h:])", "every night "),
        (r"\b(?:tous\s+les|chaque)\s+soirs?\b", "every evening"),
        (r"\ble\s+(\d{1,2})(?:er)?\s+de\s+chaque\s+mois\b", _fr_day_of_month),
        # "le premier de chaque mois", "le premier à 9h": the first of the month, said alone
        (r"\ble\s+premier\s+de\s+chaque\s+mois\b", "on the 1st of every month"),
        (r"\ble\s+(?:premier|1er)\s+du\s+mois\b", "on the 1st of the month"),
        (r"\ble\s+(?:premier|1er)\b(?=\s+à\s|\s*(?:[,.;!]|$))", "on the 1st"),
        (r"\bpar\s+exemple\b", "for example"),
        (r"\b(?:toutes\s+les|chaque)\s+nuits?\b", "every night"),
        (r"\b(?:tous\s+les|chaque)\s+(DAY)\s+et\s+(?:les\s+)?(DAY)\b", r"every \1 and \2"),
        (r"\b(?:tous\s+les|chaque)\s+(DAY)\b", r"every \1"),
        (r"\bdu\s+(DAY)\s+au\s+(DAY)\b", r"\1 to \2"),
        # "tous les 5 du mois": the 5th of every month
        (r"\b(?:tous\s+les|chaque)\s+(\d{1,2})\s+du\s+mois\b", _fr_day_of_month),
        (r"\ble\s+(DAY)\s+et\s+(?:le\s+)?(DAY)\b(?!\s+\d)", r"on \1s and \2s"),
        # "envoi les mardis et jeudis à 19h" (the days in the plural: "et" is no Eastern Time)
        (r"\bles\s+(DAY)\s+et\s+(?:les\s+)?(DAY)\b", r"on \1s and \2s"),
        (r"\ble\s+(DAY)\b(?!\s+(?:\d|prochain|suivant|dernier|précédent))", r"on \1s"),
        # "les mercredis de 17h à 20h30" (the days in the plural)
        (r"\bles\s+(DAY)\b", r"on \1s"),
        (r"\ble\s+(DAY)\b", r"on \1"),
        (r"\ben\s+semaine\b|\bjours\s+ouvr(?:ables|és)\b", "weekdays"),
        (r"\b(?:le|les)\s+week-?ends?\b", "weekends"),
        (r"\b(?:toutes|tous)\s+les\s+(AMOUNT)\b", r"every \1"),
        (r"\b(?:toutes\s+les|chaque)\s+(UNIT)\b", r"every \1"),
        (r"\b(?:tous\s+les|chaque)\s+(UNIT)\b", r"every \1"),
        # a listing's heading ("- mardi de 16h à 18h", "Jeudi : de 10 h à 13 h", "-Mardi au
        # Vendredi : 14h - 18h"): the days open the line, their hours follow
        (rf"^{_LIST_MARK}(DAY)\s+au\s+(DAY)\b(?={_HOURS_NEXT})", r"\1 to \2"),
        (rf"^{_LIST_MARK}(DAY)\b(?={_HOURS_NEXT})", r"\1"),
        (_FR_RANGE, _hour_range),
        (_FR_MORE_RANGE, _more_hour_range),
        # ("dans 2 heures" is an amount, not 2 o'clock; "pendant 1h30" a length)
        (r"\bdans\s+(AMOUNT)\b", r"in \1"),
        (r"\bpendant\s+(\d{1,2})\s*h\s*(\d{2})\b", r"for \1 hours \2 minutes"),
        (r"\bpendant\s+(\d{1,2})\s*h\b", r"for \1 hours"),
        (r"\bpendant\s+(AMOUNT)\b", r"for \1"),
        (r"\bjusqu['’]au\b", "until"),
        (r"\b(\d{1,3})\s+fois\b", r"\1 times"),
        (r"\b(\d{1,2})\s*(?:h|heures?)\s+du\s+matin\b", r"\1 am"),
        (r"\b(\d{1,2})\s*(?:h|heures?)\s+(?:du\s+soir|de\s+l'après-midi)\b", r"\1 pm"),
        # "à 7 h 30", "6 h 45": the hour and its minutes written apart
        (r"(?<![\d:.,])([01]?\d|2[0-3])\s+h\s+([0-5]\d)\b(?![:.,]?\d)", r"\1:\2"),
        (r"\b(\d{1,2})\s+heures?\b(?!\s*\d)", r"\1:00"),
        (r"\bce\s+soir\b", "tonight"),
        # "demain matin à 7 h 30": tomorrow, in the morning
        (r"\bdemain\s+matin\b", "tomorrow morning"),
        (r"\bdemain\s+soir\b", "tomorrow evening"),
        (r"\bà\s+(\d{1,2})\s+h\b(?!\s*\d)", r"at \1:00"),
        (r"\bà\s+(NUM)\s+heures?\s+et\s+demie\b", r"at \1:30"),
        # ("à 12 ans", "à 5 €": no time)
        (
            r"\bà\s+(?=\d(?!\d*\s*(?:ans?|€|%|euros?|personnes|km|kg|mois|jours|semaines|"
            r"places|fois)\b)|midi|minuit)",
            "at ",
        ),
        (r"\b(?:de|pour)\s+(AMOUNT)\b", r"for \1"),
        # a clock time said with "h" alone ("Club le premier mardi du mois 20h", "jeudi 14h",
        # "mardis 18h30"): French writes no other thing so
        # ("Minuteur 02h16": a timer's length)
        (r"\b(minuteur|minuterie)\s+(\d{1,2})h(\d{2})\b", r"timer for \2 hours \3 minutes"),
        # "Samedi 15h-18h": a range of hours written with "h", read from its start
        # ("10h-12h/13h-19h": a day's two parts, parted by a slash)
        (
            r"(?:(?<![\w:.,/-])|(?<=h/))([01]?\d|2[0-3])h([0-5]\d)?\s*[-–]\s*"
            r"([01]?\d|2[0-3])h([0-5]\d)?(?![\w:.,]?\d)",
            _de_range,
        ),
        (r"(?<![\w:.,/-])([01]?\d|2[0-3])h([0-5]\d)?\b(?![:.,]?\d)", _fr_clock),
        (r"\bd'une\s+(UNIT)\b", r"for an \1"),
        (r"\bune\s+demi-heure\b", "half an hour"),
        (
            r"\ble\s+(ORD)\s+(DAY)\s+"
            r"(?:du|de\s+chaque)\s+mois\b",
            r"the \1 \2 of every month",
        ),
        (r"\br[ée]veille[- ]moi\b", "wake me up"),
    ),
    "Portuguese": (
        # "no primeiro dia de cada mês", "todo mês no dia 04": a day of the month
        (r"\b(?:no\s+)?primeiro\s+dia\s+(?:de\s+cada|do)\s+mês\b", "on the 1st of every month"),
        (r"\btodo\s+(?:o\s+)?mês\s+no\s+dia\s+(\d{1,2})\b", _fr_day_of_month),
        # "no dia primeiro", "dia 1º de cada mês": the first of the month
        (r"\b(?:no\s+)?dia\s+(?:primeiro|1º|1°)\s+de\s+cada\s+mês\b", "on the 1st of every month"),
        (r"\b(?:no\s+)?dia\s+(?:primeiro|1º|1°)\s+do\s+mês\b", "on the 1st of the month"),
        (r"\bno\s+dia\s+(?:primeiro|1º|1°)(?![\w°º])", "on the 1st"),
        (r"\b(?:todos\s+os|cada)\s+dias?\b|\bdiariamente\b", "every day"),
        (r"\b(?:todas\s+as|cada)\s+manhãs?\b", "every morning"),
        (r"\b(?:todas\s+as|cada)\s+tardes?\b", "every afternoon"),
        (r"\b(?:todas\s+as|cada)\s+noites?\b", "every night"),
        (r"\b(?:todas\s+as|todos\s+os|todo|toda|cada)\s+(DAY)(?:-feiras?)?\b", r"every \1"),
        (r"\btodo\s+dia\b", "every day"),
        (r"\bde\s+(DAY)(?:-feira)?\s+a\s+(DAY)(?:-feira)?\b", r"\1 to \2"),
        # a listing's "Terça a Sexta-feira: 19:00" (no "de" before the first day)
        (
            r"(?:^|(?<=[:;,(]\s)|(?<=[:;,(]))(DAY)(?:-feira)?\s+a\s+(DAY)(?:-feira)?\b",
            r"\1 to \2",
        ),
        # "Dia 13 de cada mês", "todo dia 5 do mês": a day of the month
        (r"\b(?:todo\s+)?(?:o\s+)?dia\s+(\d{1,2})\s+(?:de\s+cada|do)\s+mês\b", _fr_day_of_month),
        (r"\b(?:às|as|na|no|aos|nas)\s+(DAY)(?:-feiras?)?\b", r"on \1"),
        (r"\bdias\s+úteis\b", "weekdays"),
        (r"\b(?:nos\s+|no\s+)?fins?\s+de\s+semana\b", "weekends"),
        (r"\b(?:a\s+)?cada\s+(AMOUNT)\b", r"every \1"),
        (r"\b(?:a\s+)?cada\s+(UNIT)\b", r"every \1"),
        (r"\bde\s+hora\s+em\s+hora\b", "every hour"),
        (r"(\d)h?\s+(?:da|de)\s+(?:manhã|madrugada)\b", r"\1 am"),
        (r"(\d)h?\s+(?:da|de)\s+(?:tarde|noite)\b", r"\1 pm"),
        (r"\bpor\s+exemplo\b", "for example"),
        # "e sábado, das 8h às 12h": a day right before its hours
        (r"\b(DAY)(?:-feiras?)?(?=\s*,?\s*das\s+\d)", r"\1"),
        (_PT_RANGE, _hour_range),
        # "10h00 às 19h00" with no day: a range of hours all the same (it says no day)
        (
            r"(?<![\w:.,/-])(\d{1,2})h(\d{2})?\s*(?:às|as)\s*(\d{1,2})h(\d{2})?(?!\w)",
            _de_range,
        ),
        (r"\b(?:às|as)\s+(NUM)\s+e\s+meia\b", r"at \1:30"),
        (r"\b(?:às|as|à)\s+(?=\d)", "at "),
        (r"\b(?:em|dentro\s+de|daqui\s+a)\s+(AMOUNT)\b", r"in \1"),
        (r"\b(?:de|para|com)\s+(AMOUNT)\b", r"for \1"),
        (r"\bdepois\s+de\s+amanhã\b", "the day after tomorrow"),
        (
            r"\ba\s+(ORD)\s+(DAY)(?:-feira)?\s+d[eo]\s+"
            r"(?:cada\s+)?mês\b",
            r"the \1 \2 of every month",
        ),
        # a day named with "-feira(s)" that no rule above read ("… e quintas-feiras às 21:00")
        (r"\b(DAY)-feiras?\b", r"\1"),
    ),
    "Italian": (
        (r"\b(?:ogni|tutti\s+i)\s+giorn[oi]\b", "every day"),
        (r"\b(?:ogni|tutte\s+le)\s+mattin[ae]\b|\bogni\s+mattino\b", "every morning"),
        (r"\b(?:ogni|tutte\s+le)\s+ser[ae]\b", "every evening"),
        (r"\bogni\s+notte\b", "every night"),
        (r"\b(?:ogni|tutti\s+i|tutte\s+le)\s+(DAY)\b", r"every \1"),
        (r"\bdal\s+(DAY)\s+al\s+(DAY)\b", r"\1 to \2"),
        (r"\bda\s+(DAY)\s+a\s+(DAY)\b", r"\1 to \2"),
        # "dalle ore 9.00 alle ore 13.00", "dalle 15 alle 18": a range of hours, from its start
        (
            r"\bdalle\s+(?:ore\s+)?(\d{1,2})(?:[:.](\d{2}))?\s+alle\s+(?:ore\s+)?"
            r"(\d{1,2})(?:[:.](\d{2}))?(?![\d:.]?\d)",
            _de_range,
        ),
        # "il primo del mese", "il primo alle 9": the first of the month, its day said alone
        (r"\b(?:il\s+)?primo\s+(?:giorno\s+)?di\s+ogni\s+mese\b", "on the 1st of every month"),
        (r"\b(?:il|al)\s+primo\s+(?:giorno\s+)?del\s+mese\b", "on the 1st of the month"),
        (r"\b(?:il|al)\s+primo\b(?=\s+(?:alle|all['’])|\s*(?:[,.;!]|$))", "on the 1st"),
        (r"\b(?:il|la)\s+(DAY)\b", r"on \1"),
        (r"\b(?:nei\s+)?giorni\s+feriali\b", "weekdays"),
        (r"\b(?:nel|nei)\s+(?:fine\s+settimana|weekend)\b", "on weekends"),
        (r"\bogni\s+(AMOUNT)\b", r"every \1"),
        (r"\bogni\s+(UNIT)\b", r"every \1"),
        (r"(\d)\s+(?:di|del|della)\s+(?:mattina|mattino)\b", r"\1 am"),
        (r"(\d)\s+(?:di|del|della)\s+(?:sera|pomeriggio|notte)\b", r"\1 pm"),
        (r"\ball['’]una\b", "at 1"),
        (r"\balle\s+(NUM)\s+e\s+mezz[ao]\b", r"at \1:30"),
        (r"\balle\s+(?=\d)", "at "),
        (r"\b(?:tra|fra)\s+(AMOUNT)\b", r"in \1"),
        (r"\b(?:tra|fra)\s+un['’]?\s*(UNIT)\b", r"in an \1"),
        (r"\b(?:da|di|per)\s+(AMOUNT)\b", r"for \1"),
        (r"\bil\s+(ORD)\s+(DAY)\s+(?:del|di\s+ogni)\s+mese\b", r"the \1 \2 of every month"),
        (r"\b(?:ad|per)\s+esempio\b", "for example"),
        (r"\bsvegliami\b", "wake me up"),
    ),
    "Dutch": (
        (r"\b(?:bijv|bv|bijvoorbeeld)\.?(?=\s)", "for example"),
        # "Maandagavond is onze vaste oefenavond": a day's evening, our regular one (every week);
        # "maandagavonden" in the plural
        (
            r"\b(DAY)avond\b(?=\s+(?:is|zijn)\s+(?:onze|ons|de|hun|mijn|jullie)\s+vaste\b)",
            r"every \1 evening",
        ),
        (r"\b(DAY)avonden\b", r"every \1 evening"),
        (r"\b(?:elke|iedere)\s+(DAY)avond\b", r"every \1 evening"),
        # "zaterdagmiddag altijd om 15:00": always on that day, every week
        (r"\b(DAY)middag\s+altijd\b", r"every \1 afternoon"),
        (r"\b(DAY)avond\s+altijd\b", r"every \1 evening"),
        (r"\b(DAY)\s+altijd\b|\baltijd\s+op\s+(DAY)\b", r"every \1\2"),
        (r"\b(DAY)middag\b", r"\1 afternoon"),
        (r"\b(DAY)(?:ochtend|morgen)\b", r"\1 morning"),
        (r"\b(DAY)avond\b", r"\1 evening"),
        # "van 8 tot 11 uur", "19.00 - 21.00 uur": a range of hours, read from its start
        (
            r"\b(?:van\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(?:uur\s+)?(?:tot|-|–)\s*"
            r"(\d{1,2})(?:[:.](\d{2}))?\s*uur\b",
            _de_range,
        ),
        (r"\b(?:elke|iedere)\s+dag\b", "every day"),
        (r"\b(?:elke|iedere)\s+(?:ochtend|morgen)\b", "every morning"),
        (r"\b(?:elke|iedere)\s+avond\b", "every evening"),
        (r"\b(?:elke|iedere)\s+nacht\b", "every night"),
        # "Elke eerste zaterdag": the first Saturday of every month
        (
            r"\b(?:elke|iedere)\s+(ORD)\s+(DAY)(?:\s+van\s+(?:de|elke)\s+maand)?\b",
            r"the \1 \2 of every month",
        ),
        (r"\b(?:elke|iedere)\s+(DAY)\b", r"every \1"),
        (r"\b(?:elk|ieder)\s+uur\b", "every hour"),
        (r"\bom\s+de\s+(AMOUNT)\b", r"every \1"),
        (r"\b(?:elke|iedere)\s+(AMOUNT)\b", r"every \1"),
        (r"\b(?:van\s+)?(DAY)\s+t(?:ot)?\s*/?\s*(?:en\s+)?m(?:et)?\s+(DAY)\b", r"\1 to \2"),
        (r"\bop\s+(DAY)\b", r"on \1"),
        (r"\bop\s+werkdagen\b|\bdoordeweeks\b", "on weekdays"),
        (r"\b(?:in\s+het|op)\s+weekend\b", "on weekends"),
        (r"['’]s\s+ochtends\b|['’]s\s+morgens\b", "in the morning"),
        (r"['’]s\s+middags\b", "in the afternoon"),
        (r"['’]s\s+avonds\b", "in the evening"),
        (r"['’]s\s+nachts\b", "at night"),
        (r"\bmorgen\b", "tomorrow"),
        (r"\b(\d{1,2})[:.](\d{2})\s*uur\b", r"\1:\2"),
        (r"\bom\s+(\d{1,2})\s*uur\b", r"at \1:00"),
        # "om 19.30 uur en duren tot 21.30 uur": the end of what starts at the time before
        (
            r"\b(?:en\s+)?(?:(?:duurt|duren|loopt|lopen|eindigt|eindigen)\s+)?tot\s+"
            r"(?:ongeveer\s+|circa\s+|ca\.\s*)?"
            r"(?=\d{1,2}(?:[:.]\d{2})?\s*(?:uur\b|\ue001))",
            "until ",
        ),
        (r"\bom\s+(?=(?:\d|(?:half|quarter)\s+(?:past|to)\s))", "at "),
        (r"\b(?:over|binnen)\s+(AMOUNT)\b", r"in \1"),
        (r"\b(?:van|voor|op)\s+(AMOUNT)\b", r"for \1"),
        (
            r"\b(?:de|iedere|elke)\s+(ORD)\s+(DAY)\s+van\s+(?:de|elke)\s+maand\b",
            r"the \1 \2 of every month",
        ),
        # "vanaf 18 uur": from that hour on
        (r"\bvanaf\s+(\d{1,2})\s*uur\b", r"from \1:00"),
    ),
    "Russian": (
        # "План дня", "вопрос дня": the day's plan, a name — no time (kept as written)
        (
            r"\b(?:план|итоги?|задачи?|тема|фраза|слово|цитата|вопрос|совет|фото|песня)\s+дня\b",
            lambda match: match.group(),
        ),
        # "напомни за 10 минут": remind me that long before
        (r"\bнапомни(?:те)?(?:\s+мне)?\s+за\s+(AMOUNT)\b", r"remind me \1 before"),
        (r"\bнапомина(?:й|йте|ть)\b|\bнапомни(?:те)?(?:\s+мне)?\b", "remind me"),
        (r"\bразбуди(?:те)?(?:\s+меня)?\b", "wake me up"),
        (r"\b(?:кажд(?:ый|ое)\s+|по\s+)утр(?:о|ам)\b", "every morning"),
        (r"\b(?:каждый\s+вечер|по\s+вечерам)\b", "every evening"),
        (r"\b(?:каждую\s+ночь|по\s+ночам)\b", "every night"),
        (r"\bкажд(?:ый|ое|ую)\s+(?:день|сутки)\b", "every day"),
        (r"\bраз\s+в\s+неделю\s+в\s+(DAY)\b", r"every \1"),
        (
            r"\bкажд(?:ый|ое|ую)\s+(ORD)\s+(DAY)\s+(?:месяца|каждого\s+месяца)\b",
            r"the \1 \2 of every month",
        ),
        (r"\b(?:в\s+)?(ORD)\s+(DAY)\s+(?:месяца|каждого\s+месяца)\b", r"the \1 \2 of every month"),
        (r"\bкажд(?:ый|ое|ую)\s+(DAY)\b", r"every \1"),
        (r"\b(?:по\s+будням|в\s+будни|по\s+рабочим\s+дням)\b", "on weekdays"),
        # a listing's "будни 10:30" (weekdays, then the time)
        (r"\bбудни\b(?=\s*\d)", "weekdays"),
        (r"\b(?:по\s+выходным|в\s+выходные)\b", "on weekends"),
        (r"\b(?:кажд(?:ые|ый|ую|ое)|раз\s+в)\s+(AMOUNT)\b", r"every \1"),
        (r"\b(?:кажд(?:ый|ую|ое)|раз\s+в)\s+(UNIT)\b", r"every \1"),
        (r"\bсо?\s+(DAY)\s+по\s+(DAY)\b", r"\1 to \2"),
        (_RU_DAY_LETTERS, _ru_day_letters),
        (r"\b(DAY)\s*,\s*(DAY)\s+и\s+(DAY)\b", r"\1, \2 and \3"),
        (r"\b(DAY)\s+и\s+(DAY)\b", r"\1 and \2"),
        (r"\bпо\s+(?=DAY)", "on "),
        (r"\bв\s+следующ(?:ий|ую|ее)\s+(DAY)\b", r"next \1"),
        (r"\bв\s+прошл(?:ый|ую|ое)\s+(DAY)\b", r"last \1"),
        (r"\bво?\s+(DAY)\b", r"on \1"),
        (r"\bчерез\s+полчаса\b", "in 30 minutes"),
        (r"\b(?:через|спустя)\s+(AMOUNT)\b", r"in \1"),
        (r"\b(?:через|спустя)\s+(UNIT)\b", r"in a \1"),
        (r"\bна\s+(AMOUNT)\b", r"for \1"),
        (r"\bсегодня\s+вечером\b", "this evening"),
        (r"\bзавтра\s+утром\b", "tomorrow morning"),
        (r"\bзавтра\s+вечером\b", "tomorrow evening"),
        (r"\bутром\b", "in the morning"),
        (r"\bвечером\b", "in the evening"),
        (_RU_HOURS_MINUTES, _ru_hours_minutes),
        (r"\b(\d{1,2})\s*(?:час(?:а|ов)?\s+)?утра\b", r"\1 am"),
        (r"\b(\d{1,2})\s*(?:час(?:а|ов)?\s+)?(?:дня|вечера)\b", r"\1 pm"),
        (r"\b([1-5])\s*(?:час(?:а|ов)?\s+)?ночи\b", r"\1 am"),
        (r"\b(\d{1,2})\s*(?:час(?:а|ов)?|ч)\b(?![:.]?\d)", r"\1"),
        (r"\bво?\s+(?=\d|полдень|полночь)", "at "),
        # "Сегодня до 20:00 закончить README": a deadline ("by"), asked like English's
        (r"\bдо\s+(?=\d)", "by "),
        (r"\b(\d{1,2})\.(\d{2})\b(?!\.\d)", r"\1:\2"),
    ),
    "Ukrainian": (
        (r"\bнагада(?:й|йте)(?:\s+мені)?\b", "remind me"),
        (r"\bрозбуди(?:ть)?(?:\s+мене)?\b", "wake me up"),
        (r"\b(?:кожного\s+ранку|щоранку|по\s+ранках)\b", "every morning"),
        (r"\b(?:кожного\s+вечора|щовечора|по\s+вечорах)\b", "every evening"),
        (r"\bкожн(?:ого|ий|у)\s+(?:дня|день)\b", "every day"),
        (
            r"\b(?:кожн(?:ого|ий|у|е)\s+|в\s+|у\s+)?(ORD)\s+(DAY)\s+"
            r"(?:місяця|кожного\s+місяця)\b",
            r"the \1 \2 of every month",
        ),
        (r"\bкожн(?:ого|ий|у|е)\s+(DAY)\b", r"every \1"),
        (
            r"\b(?:по\s+буднях|[ув]\s+будні|по\s+робочих\s+днях|[ув]\s+робочі\s+дні)\b",
            "on weekdays",
        ),
        (r"\b(?:по\s+вихідних|[ув]\s+вихідні)\b", "on weekends"),
        (r"\b(?:кожн(?:і|ий|у|е|ого)|раз\s+на)\s+(AMOUNT)\b", r"every \1"),
        (r"\b(?:кожн(?:ий|у|е|ої|ого)|раз\s+на)\s+(UNIT)\b", r"every \1"),
        (r"\bз\s+(DAY)\s+по\s+(DAY)\b", r"\1 to \2"),
        (r"\b(DAY)\s+(?:і|й|та)\s+(DAY)\b", r"\1 and \2"),
        (r"\bпо\s+(?=DAY)", "on "),
        (r"\b[ув]\s+наступн(?:ий|у|е)\s+(DAY)\b", r"next \1"),
        (r"\b[ув]\s+(DAY)\b", r"on \1"),
        (r"\bчерез\s+півгодини\b", "in 30 minutes"),
        (r"\bчерез\s+(AMOUNT)\b", r"in \1"),
        (r"\bчерез\s+(UNIT)\b", r"in a \1"),
        (r"\bна\s+(AMOUNT)\b", r"for \1"),
        (r"\bзавтра\s+вранці\b", "tomorrow morning"),
        (r"\bзавтра\s+ввечері\b", "tomorrow evening"),
        (r"\bвранці\b", "in the morning"),
        (r"\bввечері\b", "in the evening"),
        (r"\b(\d{1,2}(?::\d{2})?)(?:-[ау]?й)?\s*(?:годин[аиіу]?\s+)?ранку\b", r"\1 am"),
        (r"\b(\d{1,2}(?::\d{2})?)(?:-[ау]?й)?\s*(?:годин[аиіу]?\s+)?(?:дня|вечора)\b", r"\1 pm"),
        (r"\b([1-5])\s*(?:годин[аиіу]?\s+)?ночі\b", r"\1 am"),
        (r"\b(\d{1,2})\s*(?:годин[аиіу]?|год)\b(?![:.]?\d)", r"\1"),
        # "о 03:00", "об 11", "Кожного понеділка о в 00:00"
        (r"\bо\s+[ув]\s+(?=\d)", "at "),
        (r"\b(?:о|об|в|у)\s+(?=\d|опівдні|опівночі)", "at "),
        (r"\b(\d{1,2})\.(\d{2})\b(?!\.\d)", r"\1:\2"),
    ),
    "Polish": (
        # "od 9:00 do 17:00", "w godzinach 9-16": a range of hours, read from its start
        (
            r"\b(?:od|w\s+godzinach(?:\s+od)?)\s+(\d{1,2})(?:[:.](\d{2}))?\s*(?:do|-|–)\s*"
            r"(\d{1,2})(?:[:.](\d{2}))?(?!\d)",
            _de_range,
        ),
        (r"\bobudź(?:\s+mnie)?\b", "wake me up"),
        (r"\b(?:każdego\s+ranka|co\s+rano)\b", "every morning"),
        (r"\b(?:każdego\s+wieczoru|co\s+wieczór)\b", "every evening"),
        (r"\b(?:każdego\s+dnia|co\s+dzień)\b", "every day"),
        (
            r"\b(?:(?:w|we|każdy|każdą|każde)\s+)?(ORD)\s+(DAY)\s+(?:każdego\s+)?miesiąca\b",
            r"the \1 \2 of every month",
        ),
        # "w pierwszą niedzielę lipca": the first Sunday of July; "i" joins two such
        (r"\b(?:(?:w|we)\s+)?(ORD)\s+(DAY)\s+(MONTH)\b", r"the \1 \2 of \3"),
        (r"(?<=\ue001)\s+i\s+(?=\ue000)", " and "),
        (r"\b(?:(?:w|we)\s+)?(?:każd[yąe]|co)\s+(DAY)\b", r"every \1"),
        (r"\bod\s+(DAY)\s+do\s+(DAY)\b", r"\1 to \2"),
        (r"\bw\s+dni\s+(?:robocze|powszednie)\b", "on weekdays"),
        (r"\bw\s+weekendy?\b", "on weekends"),
        (r"\bco\s+(AMOUNT)\b", r"every \1"),
        (r"\bco\s+(UNIT)\b", r"every \1"),
        (r"\b(DAY)\s+i\s+(DAY)\b", r"\1 and \2"),
        (r"\bwe?\s+(DAY)\b", r"on \1"),
        (r"\bza\s+(AMOUNT)\b", r"in \1"),
        (r"\bna\s+(AMOUNT)\b", r"for \1"),
        (r"\bjutro\s+rano\b", "tomorrow morning"),
        (r"\bjutro\s+wieczorem\b", "tomorrow evening"),
        (r"\b(\d{1,2}(?::\d{2})?)\s+rano\b", r"\1 am"),
        (r"\bo\s+([0-4](?::\d{2})?)\s+w\s+nocy\b", r"at \1 am"),
        (r"\b(\d{1,2}(?::\d{2})?)\s+wieczorem\b", r"\1 pm"),
        (r"\brano\b", "in the morning"),
        (r"\bwieczorem\b", "in the evening"),
        (r"\bo\s+godz(?:inie|\.)?\s*(?=\d)", "at "),
        (r"\bo\s+(?=\d|północy|północ|południe)", "at "),
    ),
    "Swedish": (
        (r"\bpåminn\s+mig\b", "remind me"),
        (r"\bväck\s+mig\b", "wake me up"),
        (r"\b(?:varje|var)\s+dag\b", "every day"),
        (r"\bvarje\s+morgon\b", "every morning"),
        (r"\bvarje\s+kväll\b", "every evening"),
        (
            r"\b(?:den\s+)?(ORD)\s+(DAY)(?:en)?\s+i\s+(?:varje\s+)?månaden\b",
            r"the \1 \2 of every month",
        ),
        (r"\bvarje\s+(DAY)\b", r"every \1"),
        (r"\b(?:var|varje)\s+(\d{1,2}):?e\s+(UNIT)\b", r"every \1 \2s"),
        (r"\b(?:var|varje)\s+(UNIT)\b", r"every \1"),
        (r"\b(?:på\s+)?vardagar\b", "on weekdays"),
        (r"\b(?:på\s+|under\s+)?helger(?:na)?\b", "on weekends"),
        (r"\b(DAY)\s*(?:-|–|till)\s*(DAY)\b", r"\1 to \2"),
        (r"\b(DAY)\s+och\s+(DAY)\b", r"\1 and \2"),
        (r"\bpå\s+(DAY)\b", r"on \1"),
        (r"\bi\s+morgon\b", "tomorrow"),
        # "kl 7": Swedish says hours on the 24-hour clock
        (r"\b(?:kl\.?|klockan)\s*(\d{1,2})\b(?![:.]\d)", r"at \1:00"),
        (r"\b(?:kl\.?|klockan)\s*(?=\d)", "at "),
        (r"\bom\s+(AMOUNT)\b", r"in \1"),
        (r"\bi\s+(AMOUNT)\b", r"for \1"),
    ),
    # Finnish says the day in the essive ("perjantaina": on Friday; dateparser's names) and the
    # hour on the 24-hour clock after "klo" ("klo 9", "kello 17.15")
    "Finnish": (
        (r"\b(?:joka\s+päivä|jokaisena\s+päivänä|päivittäin)\b", "every day"),
        (r"\bjoka\s+aamu\b|\baamuisin\b", "every morning"),
        (r"\bjoka\s+ilta\b|\biltaisin\b", "every evening"),
        (r"\bjoka\s+(DAY)\b", r"every \1"),
        (r"\b(?:joka\s+viikko|viikoittain)\b", "every week"),
        (r"\b(?:joka\s+tunti|tunneittain)\b", "every hour"),
        (r"\b(AMOUNT)\s+välein\b", r"every \1"),
        (r"\btunnin\s+välein\b", "every hour"),
        (r"\bensi\s+(?:viikon\s+)?(DAY)\b", r"next \1"),
        (r"\bpuolen\s+tunnin\s+(?:päästä|kuluttua)\b", "in 30 minutes"),
        (r"\b(AMOUNT)\s+(?:päästä|kuluttua)\b", r"in \1"),
        (r"\b(?:yhden\s+)?tunnin\s+(?:päästä|kuluttua)\b", "in an hour"),
        (r"\b(DAY)\s*[-–]\s*(DAY)\b", r"\1 to \2"),
        (r"\barki(?:sin|päivisin)\b", "on weekdays"),
        (r"\bviikonloppuisin\b", "on weekends"),
        (r"\btänä\s+iltana\b", "tonight"),
        (r"\baamulla\b", "in the morning"),
        (r"\billalla\b", "in the evening"),
        (r"\biltapäivällä\b", "in the afternoon"),
        (r"\b(?:klo|kello)\s*(\d{1,2})\b(?![:.]\d)", r"at \1:00"),
        (r"\b(?:klo|kello)\s*(?=\d)", "at "),
    ),
    # Norwegian and Danish say the hour on the 24-hour clock after "kl." (as Swedish does)
    "Norwegian or Danish": (
        (
            r"\b(?:påminn|minn)\s+(?:meg|mig)(?:\s+på)?\b|\b(?:påmind|mind)\s+mig(?:\s+om)?\b",
            "remind me",
        ),
        (r"\bvekk\s+meg\b|\bväk\s+mig\b|\bvæk\s+mig\b", "wake me up"),
        # "klokken 8 om aftenen": the hour of the evening; "10:45 i aften": the same
        (
            r"\b(?:(?:kl\.?|klokken|klokka)\s*)?(\d{1,2}(?::\d{2})?)\s+"
            r"(?:om\s+(?:aftenen|kvelden|eftermiddagen|ettermiddagen)|i\s+(?:aften|kveld))\b",
            r"at \1 pm",
        ),
        (
            r"\b(?:(?:kl\.?|klokken|klokka)\s*)?(\d{1,2}(?::\d{2})?)\s+om\s+(?:morgenen|formiddagen)\b",
            r"at \1 am",
        ),
        (r"\b(?:(?:kl\.?|klokken|klokka)\s*)?([0-5](?::\d{2})?)\s+om\s+natten\b", r"at \1 am"),
        (r"\bhver(?:\s+eneste)?\s+dag\b", "every day"),
        (r"\bhver\s+morgen\b", "every morning"),
        (r"\bhver\s+(?:kveld|aften)\b", "every evening"),
        (r"\bhver\s+(?:natt|nat)\b", "every night"),
        (
            r"\b(?:den\s+)?(ORD)\s+(DAY)(?:en)?\s+i\s+(?:hver\s+)?måned(?:en)?\b",
            r"the \1 \2 of every month",
        ),
        (r"\bhver\s+(DAY)\b", r"every \1"),
        (r"\bhver(?:t)?\s+(AMOUNT)\b", r"every \1"),
        (r"\bhver(?:t)?\s+(UNIT)\b", r"every \1"),
        (r"\b(?:på\s+)?hverdag(?:er|e)\b", "on weekdays"),
        (r"\b(?:i\s+)?(?:helgen|helgene|weekenden|weekender)\b", "on weekends"),
        (r"\b(DAY)\s*(?:-|–|til)\s*(DAY)\b", r"\1 to \2"),
        (r"\b(DAY)\s+og\s+(DAY)\b", r"\1 and \2"),
        (r"\bpå\s+(DAY)\b", r"on \1"),
        (r"\bi\s+overmorgen\b", "the day after tomorrow"),
        (r"\bi\s+morgen\s+tidlig\b", "tomorrow morning"),
        (r"\bi\s+morgen\b", "tomorrow"),
        (r"\bi\s+dag\b", "today"),
        (r"\bi\s+(?:kveld|aften)\b", "tonight"),
        (r"\b(?:kl\.?|klokken|klokka)\s*(\d{1,2})\b(?![:.]\d)(?!\s*(?:am|pm)\b)", r"at \1:00"),
        (r"\b(?:kl\.?|klokken|klokka)\s*(?=\d)", "at "),
        (r"\bom\s+(AMOUNT)\b", r"in \1"),
        (r"\bom\s+en\s+(UNIT)\b", r"in an \1"),
    ),
    # Czech: "v 15:00", "v osm ráno", "v 15 hod." (the hour after "v", on the 24-hour clock),
    # "v pátek" (on Friday), "každý den" (every day), "za 10 minut" (in 10 minutes)
    "Czech": (
        (r"(?<!\w)každ(?:ý|é)\s+ráno(?!\w)", "every morning"),
        (r"(?<!\w)každý\s+večer(?!\w)", "every evening"),
        (r"(?<!\w)každý\s+den(?!\w)", "every day"),
        (r"(?<!\w)každ(?:ý|é|ou)\s+(DAY)(?!\w)", r"every \1"),
        (r"(?<!\w)každ(?:ých|ou|ý|é)\s+(AMOUNT)(?!\w)", r"every \1"),
        (r"(?<!\w)každ(?:ou|ý|é)\s+(UNIT)(?!\w)", r"every \1"),
        (r"(?<!\w)za\s+(AMOUNT)(?!\w)", r"in \1"),
        (r"(?<!\w)(?:v\s+pracovní|ve\s+všední)\s+dny(?!\w)", "on weekdays"),
        (r"(?<!\w)o\s+víkendech?(?!\w)", "on weekends"),
        (r"(?<!\w)zítra\s+ráno(?!\w)", "tomorrow morning"),
        (r"(?<!\w)zítra\s+večer(?!\w)", "tomorrow evening"),
        (r"(?<!\w)ve?\s+(DAY)(?!\w)", r"on \1"),
        (r"(?<!\w)v\s+(\d{1,2})\s*hod\.?(?!\w)", r"at \1:00"),
        (r"(?<!\w)(?:v\s+)?(\d{1,2}(?::\d{2})?)\s+ráno(?!\w)", r"at \1 am"),
        (r"(?<!\w)(?:v\s+)?(\d{1,2}(?::\d{2})?)\s+(?:večer|odpoledne)(?!\w)", r"at \1 pm"),
        (r"(?<!\w)v\s+(NUM)\s+ráno(?!\w)", r"at \1 am"),
        (r"(?<!\w)v\s+(NUM)\s+(?:večer|odpoledne)(?!\w)", r"at \1 pm"),
        (r"(?<!\w)ve?\s+(?=\d)", "at "),
        (r"(?<!\w)v\s+(NUM)(?!\w)", r"at \1"),
        (r"(?<!\w)ráno(?!\w)", "in the morning"),
        (r"(?<!\w)večer(?!\w)", "in the evening"),
    ),
    # Hindi as chats write it in Latin letters ("kal subah 8 baje yaad dilana ki dawai", "subah 6
    # baje gym"): the hour before "baje" (o'clock), the part of the day before it, the verb last
    "Hindi": (
        (r"^main\b", "I"),
        (
            r"\b(?:mujhe\s+)?yaad\s+(?:dila(?:na|o|iye|yen|ein|en|do|dena|\s+do|\s+dena))\b",
            "remind me",
        ),
        (r"\b(?:har\s+(?:din|roz)|rozana|roz)\b", "every day"),
        (r"\bhar\s+(DAY)\b", r"every \1"),
        (r"\bhar\s+(AMOUNT)\b", r"every \1"),
        (r"\bhar\s+hafte\b", "every week"),
        (r"\bhar\s+mahine\b", "every month"),
        (r"\b(AMOUNT)\s+(?:baad|mein|me)\b", r"in \1"),
        (r"\b(?:subah|savere)\s+(NUM)(?::(\d{2}))?\s*(?:baje|bje)\b", _baje("morning")),
        (r"\b(?:shaam|sham|dopahar)\s+(NUM)(?::(\d{2}))?\s*(?:baje|bje)\b", _baje("evening")),
        (r"\braat\s+(NUM)(?::(\d{2}))?\s*(?:baje|bje)\b", _baje("night")),
        (r"\b(NUM)(?::(\d{2}))?\s*(?:baje|bje)\b", _baje("")),
        (r"\b(DAY)\s+ko\b", r"on \1"),
        (r"\bsubah\b", "in the morning"),
        (r"\b(?:shaam|sham)\b", "in the evening"),
        (r"\bdopahar\b", "in the afternoon"),
    ),
    "Turkish": (
        (r"\bhafta\s+içi(?:\s+her\s+gün)?\b", "on weekdays"),
        (r"\bhafta\s+sonları?\b", "on weekends"),
        (r"\bher\s+gün\b", "every day"),
        (r"\bher\s+sabah\b", "every morning"),
        (r"\bher\s+akşam\b", "every evening"),
        (r"\bher\s+(DAY)(?:\s+günü)?\b", r"every \1"),
        (r"\bher\s+(\d{1,3})\s+(UNIT)(?:\s+bir)?\b", r"every \1 \2"),
        (r"\bher\s+saat(?:\s+başı)?\b", "every hour"),
        (r"\b(DAY)\s+günü\b", r"on \1"),
        (r"\bgece\s+yarısı(?:nda)?\b", "at midnight"),
        # "(Türkiye saati 06:00)": the same time said in Turkey's
        (r"\btürkiye\s+saati(?:yle|\s+ile)?\s+(\d{1,2}[:.]\d{2})", r"\1 Istanbul time"),
        (r"\btürkiye\s+saati(?:yle|\s+ile)?\b", "Istanbul time"),
        (r"\b(UTC|GMT)['’](?:de|da|te|ta)\b", lambda match: match.group(1).upper()),
        (r"\bsaat\s+(?=\d)", "at "),
        (r"\b(\d{1,2})[:.](\d{2})['’]?(?:da|de|ta|te)\b", r"\1:\2"),
        (r"\b(\d{1,2})['’](?:da|de|ta|te)\b", r"\1"),
        (r"\b(\d{1,3})\s+(UNIT)\s+sonra\b", r"in \1 \2"),
    ),
}
# Words that turn a sentence into a question, a statement, the past or an undoing, said in
# English so that the grammar's own cues find them ("Das Meeting war gestern um 9 Uhr" is the
# past, "Lösche die Erinnerung um 9 Uhr" a change to a job, "¿A qué hora es …?" a question;
# German "ist" and French "est" are no zone). Rewritten wherever they stand.
_CUE_WORDS: Final[dict[str, str]] = {
    "German": (
        "ist=is sind=are war=was waren=were wird=will gestern=yesterday vorgestern=yesterday "
        "nicht=not kein=no keine=no nie=never niemals=never wann=when lösche=cancel "
        "lösch=cancel entferne=cancel storniere=cancel stoppe=stop beende=stop "
        "verschiebe=move ändere=change erinnerung=reminder termin=meeting aber=but "
        "normalerweise=normally außer=except"
    ),
    "Spanish": (
        "es=is son=are fue=was era=was ayer=yesterday anteayer=yesterday no=not nunca=never "
        "cuándo=when cuando=when cancela=cancel cancelar=cancel elimina=cancel eliminar=cancel "
        "borra=cancel borrar=cancel quita=cancel detén=stop mueve=move cambia=change "
        "recordatorio=reminder reunión=meeting pero=but normalmente=normally excepto=except "
        "salvo=except"
    ),
    "French": (
        "est=is sont=are était=was fut=was hier=yesterday avant-hier=yesterday ne=not pas=not "
        "jamais=never quand=when annule=cancel annuler=cancel supprime=cancel "
        "supprimer=cancel arrête=stop déplace=move change=change rappel=reminder réveil=alarm "
        "réunion=meeting mais=but normalement=normally sauf=except après=after"
    ),
    "Portuguese": (
        "é=is são=are foi=was era=was ontem=yesterday anteontem=yesterday não=not nunca=never "
        "quando=when cancela=cancel cancelar=cancel apaga=cancel apagar=cancel remove=cancel "
        "remover=cancel muda=change lembrete=reminder reunião=meeting mas=but "
        "normalmente=normally exceto=except"
    ),
    "Italian": (
        "è=is sono=are era=was fu=was ieri=yesterday non=not mai=never quando=when "
        "cancella=cancel annulla=cancel elimina=cancel rimuovi=cancel ferma=stop sposta=move "
        "cambia=change promemoria=reminder riunione=meeting ma=but normalmente=normally "
        "tranne=except eccetto=except"
    ),
    "Dutch": (
        "is=is zijn=are was=was waren=were gisteren=yesterday eergisteren=yesterday niet=not "
        "nooit=never wanneer=when annuleer=cancel verwijder=cancel wis=cancel stop=stop "
        "verplaats=move wijzig=change herinnering=reminder vergadering=meeting maar=but "
        "normaal=normally behalve=except"
    ),
    "Russian": (
        "вчера=yesterday позавчера=yesterday назад=ago не=not никогда=never когда=when "
        "отмени=cancel отменить=cancel удали=cancel удалить=cancel останови=stop "
        "перенеси=move измени=change напоминание=reminder встреча=meeting был=was была=was "
        "было=was были=were но=but обычно=normally кроме=except"
    ),
    "Ukrainian": (
        "вчора=yesterday позавчора=yesterday тому=ago не=not ніколи=never коли=when "
        "скасуй=cancel скасувати=cancel видали=cancel видалити=cancel зупини=stop "
        "перенеси=move зміни=change нагадування=reminder зустріч=meeting був=was була=was "
        "було=was були=were але=but зазвичай=normally крім=except"
    ),
    "Polish": (
        "wczoraj=yesterday przedwczoraj=yesterday temu=ago nie=not nigdy=never kiedy=when "
        "anuluj=cancel usuń=cancel zatrzymaj=stop przesuń=move zmień=change "
        "przypomnienie=reminder spotkanie=meeting był=was była=was było=was były=were ale=but "
        "zwykle=normally oprócz=except"
    ),
    "Swedish": (
        "igår=yesterday inte=not aldrig=never när=when avbryt=cancel radera=cancel "
        "stoppa=stop flytta=move ändra=change påminnelse=reminder möte=meeting men=but "
        "vanligtvis=normally utom=except förutom=except"
    ),
    "Finnish": (
        "eilen=yesterday ei=not koskaan=never milloin=when peruuta=cancel poista=cancel "
        "pysäytä=stop siirrä=move muuta=change muistutus=reminder kokous=meeting oli=was "
        "olivat=were mutta=but paitsi=except"
    ),
    "Norwegian or Danish": (
        "hvordan=how hvorfor=why hva=what hvad=what er=is var=was igår=yesterday ikke=not "
        "aldri=never aldrig=never når=when avbryt=cancel slett=cancel "
        "slet=cancel stopp=stop stop=stop flytt=move flyt=move endre=change ændr=change "
        "påminnelse=reminder møte=meeting møde=meeting men=but unntatt=except undtagen=except"
    ),
    "Czech": (
        "včera=yesterday ne=not nikdy=never kdy=when zruš=cancel smaž=cancel zastav=stop "
        "přesuň=move změň=change připomínka=reminder schůzka=meeting ale=but kromě=except "
        "byl=was byla=was bylo=was"
    ),
    "Hindi": "nahi=not mat=don't kab=when tha=was thi=was",
    "Turkish": (
        "dün=yesterday değil=not asla=never iptal=cancel sil=cancel durdur=stop "
        "hatırlatıcı=reminder toplantı=meeting ama=but"
    ),
}
# A sentence that opens with "I" or "we" tells of the speaker's day ("Ich stehe jeden Tag um halb
# sieben auf", "Wir treffen uns um halb sieben"), as in English: said so, the grammar's cue asks.
_SPEAKER: Final = (
    (r"^(?:ich|je|j'|yo|eu|io|ik|я|ja|jag|jeg)\b", "I"),
    (r"^(?:wir|nous|nosotros|nosotras|nós|noi|wij|we|мы|ми|my|vi)\b", "We"),
)
# Zones said the way their countries say them ("(07:30 ora italiana)", "(hora de Portugal)")
_ZONES: Final = (
    (r"\bora\s+(?:italiana|di\s+roma)\b", "Rome time"),
    (r"\bhora\s+(?:de\s+)?(?:españa|peninsular|madrid)\b", "Madrid time"),
    (r"\bhora\s+(?:de\s+)?colombia\b", "Bogota time"),
    (r"\bhora\s+(?:de\s+)?(?:portugal|lisboa)\b", "Lisbon time"),
    (r"\b(?:hora|horário)\s+de\s+bras[ií]lia\b", "Sao Paulo time"),
    (r"(?<=\d)\s+brussel(?:se\s+tijd)?\b", " Brussels time"),
    (r"\bheure\s+(?:de\s+paris|française|francaise)\b", "Paris time"),
    (r"\b(?:deutscher|deutsche|berliner)\s+zeit\b", "Berlin time"),
    (r"\bnederlandse\s+tijd\b", "Amsterdam time"),
    (r"\bsvensk\s+tid\b", "Stockholm time"),
    (r"\bczasu\s+polskiego\b|\bpolskiego\s+czasu\b", "Warsaw time"),
    (r"\bза\s+києвом\b|\bза\s+київським\s+часом\b", "Kyiv time"),
    # zones15: "в 9:00 по московскому времени", "по Москве", "(мск)"; Brazil's, Argentina's,
    # Mexico's, Chile's, Peru's, Quebec's, Belgium's, Switzerland's and Austria's clocks
    (r"\bпо\s+(?:московскому\s+времени|москве|мск)\b|\bмск\b", "Moscow time"),
    (r"\bпо\s+киевскому\s+времени\b|\bпо\s+киеву\b", "Kyiv time"),
    (r"\bhora\s+(?:de\s+)?(?:argentina|buenos\s+aires)\b", "Buenos Aires time"),
    (
        r"\bhora\s+(?:del\s+centro\s+(?:de\s+)?)?(?:de\s+)?(?:la\s+)?(?:ciudad\s+de\s+)?m[eé]xico\b",
        "Mexico City time",
    ),
    (r"\bhora\s+(?:de\s+)?(?:chile|santiago)\b", "Santiago time"),
    (r"\bhora\s+(?:de\s+)?(?:per[uú]|lima)\b", "Lima time"),
    (r"\bheure\s+(?:de\s+(?:montr[ée]al|qu[ée]bec|l'est)|du\s+qu[ée]bec)\b", "Toronto time"),
    (r"\bheure\s+(?:de\s+bruxelles|belge)\b", "Brussels time"),
    (r"\bheure\s+suisse\b|\bschweizer\s+zeit\b", "Zurich time"),
    (r"\b(?:wiener|österreichische|österreichischer)\s+zeit\b", "Vienna time"),
)
_ORDINALS: Final = {
    **{"erste": "first", "zweite": "second", "dritte": "third", "vierte": "fourth"},
    # French ordinals in digits ("2ème et 4ème samedis du mois"; "1er" is the first of a date)
    **dict.fromkeys(("2e", "2ème", "2eme"), "second"),
    **dict.fromkeys(("3e", "3ème", "3eme"), "third"),
    **dict.fromkeys(("4e", "4ème", "4eme"), "fourth"),
    **{"letzte": "last"},
    **dict.fromkeys(("ersten", "primer", "premier", "primeira", "primo", "eerste"), "first"),
    # Spanish says them in the plural before days in the plural ("todos los primeros domingos")
    **{"primeros": "first", "segundos": "second", "terceros": "third", "cuartos": "fourth"},
    **{"últimos": "last", "ultimos": "last"},
    **dict.fromkeys(("zweiten", "segundo", "deuxième", "second", "segunda", "tweede"), "second"),
    **dict.fromkeys(("dritten", "tercer", "troisième", "terceira", "terzo", "derde"), "third"),
    **dict.fromkeys(("vierten", "cuarto", "quatrième", "quarta", "quarto", "vierde"), "fourth"),
    **dict.fromkeys(("letzten", "último", "ultimo", "dernier", "última", "laatste"), "last"),
    **dict.fromkeys(("первый", "первую", "первое", "первого", "первой"), "first"),
    **dict.fromkeys(("второй", "вторую", "второе", "второго"), "second"),
    **dict.fromkeys(("третий", "третью", "третье", "третьего", "третьей"), "third"),
    **dict.fromkeys(("четвёртый", "четвертый", "четвёртую", "четвертую"), "fourth"),
    **dict.fromkeys(("последний", "последнюю", "последнее", "последнего"), "last"),
    **dict.fromkeys(("перший", "першу", "перше", "першого", "pierwszy", "pierwszą"), "first"),
    **dict.fromkeys(("другий", "другу", "друге", "другого", "drugi", "drugą"), "second"),
    **dict.fromkeys(("третій", "третю", "третє", "третього", "trzeci", "trzecią"), "third"),
    **dict.fromkeys(("четвертий", "четверту", "czwarty", "czwartą", "fjärde"), "fourth"),
    **dict.fromkeys(("останній", "останню", "останнього", "ostatni", "ostatnią"), "last"),
    **{"första": "first", "andra": "second", "tredje": "third", "sista": "last"},
    **dict.fromkeys(("první", "prvního"), "first"),
    **dict.fromkeys(("poslední", "posledního"), "last"),
    **{"første": "first", "anden": "second", "siste": "last", "sidste": "last"},
}


@dataclass(frozen=True)
class _Lexicon:
    # pattern, its English (or what makes it), whether its first group is an ordinal, and the
    # strings one of which a text must hold for it to match (None: any text may; required_text)
    rules: tuple[
        tuple[
            re.Pattern[str],
            str | Callable[[re.Match[str]], str],
            bool,
            tuple[str, ...] | None,
        ],
        ...,
    ]
    words: dict[str, str]  # rewritten wherever they stand
    said: dict[str, str]  # rewritten inside what a rule reads: words, units, amounts
    word: re.Pattern[str]  # one of `words`
    said_word: re.Pattern[str]  # one of `said`
    time_words: frozenset[str]


def _pairs(listed: str) -> dict[str, str]:
    return {key: value.replace("-", " ") for key, value in (p.split("=") for p in listed.split())}


def _alternation(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@cache
def _lexicon(language: str) -> _Lexicon:
    """The compiled rules and words of `language` (built once, the first time it is seen)."""
    names = _names(language)
    words = {**names, **_pairs(_WORDS[language]), **_pairs(_CUE_WORDS[language])}
    units, amounts = _pairs(_UNIT_WORDS[language]), _pairs(_AMOUNTS[language])
    said = {**words, **units, **amounts}
    days = [w for w, e in words.items() if e.removeprefix("every ").rstrip("s") in _DAYS]
    numbers = [w for w, e in amounts.items() if e.isdigit() or e == "a"]
    joins = [w for w, e in amounts.items() if e == "and"]
    number = rf"(?:\d+|{_alternation(numbers)})"
    join = _alternation(joins)
    unit = rf"(?:{_alternation(units)})"
    alternatives = {
        _ORD: _alternation(_ORDINALS),
        _DAY: _alternation(d for d in days if not words[d].startswith("every")),
        _UNIT: _alternation(units),
        _NUM: rf"\d+|{_alternation(numbers)}",
        # (one way to read the spaces around a comma: "\s*,?\s*" read a space two ways, and
        # "2 minutos 2 minutos …" took 2^n steps to fail)
        _AMOUNT: rf"{number}\s*{unit}(?:\s*(?:,\s*)?(?:(?:{join})\s+)?{number}\s*{unit})*",
        _MONTH: _alternation(w for w, e in names.items() if e in _MONTHS),
    }
    setting = (
        rf"\b(?:{'|'.join(_SET[language].split())})\s+"
        rf"(?:(?:{'|'.join(_ARTICLES[language].split())})\s+)*"
        rf"(?=(?:\d+\s+\w+\s+)?(?:{_TIMERS})\b)"
    )
    timers = (
        # times joined: "às 8h, 12h e 18h", "um 9 und 17 Uhr"
        (rf"(?<=[\dh])\s+(?:{_alternation(joins)})\s+(?=\d)", " and "),
        # "5 Minuten Timer", "timer 10 minuti", "temporizador de 45 minutos"
        (rf"\b(AMOUNT)\s+(?=(?:{_TIMERS})\b)", r"\1 "),
        (rf"\b({_TIMERS})\s+(?:(?:{_FOR[language]})\s+)?(AMOUNT)\b", r"timer for \2"),
    )
    compiled = (
        (re.compile(_expand(pattern, alternatives), re.IGNORECASE), english, f"({_ORD})" in pattern)
        for pattern, english in (
            (setting, "set a "),
            *(((_REMIND[language][0], "remind me"),) if language in _REMIND else ()),
            (_HOURS_LIST, _clock_list),
            *(
                ((_SPOKEN_CLOCK, _spoken_clock(language)),)
                if language in ("German", "Dutch")
                else ()
            ),
            *timers,
            *_before_and_starting(language),
            *_RULES[language],
            *_ZONES,
            *_SPEAKER,
        )
    )
    rules = tuple((*rule, required(rule[0])) for rule in compiled)
    word = re.compile(rf"(?<![\w'-])({_alternation(words)})(?![\w'-])", re.IGNORECASE)
    said_word = re.compile(rf"(?<![\w'-])({_alternation(said)})(?![\w'-])", re.IGNORECASE)
    time_words = frozenset(_TIME_WORDS[language].split())
    return _Lexicon(rules, words, said, word, said_word, time_words)


def _before_and_starting(language: str) -> tuple[_Rule, ...]:
    """`language`'s rules for a reminder an amount of time before a time (`_BEFORE`) and for the
    date from which a schedule runs (`_STARTING`), when it says them."""
    rules: list[_Rule] = []
    if language in _BEFORE:
        before_a_time, before_it = _BEFORE[language]
        rules.append(
            (
                rf"(?<=remind me{_CLOSE})\s+(AMOUNT)\s+"
                rf"(?:(?:{before_a_time})\s*(?=\d)|(?:{before_it})(?=\s*[.!,;]?\s*$))",
                r" \1 before ",
            )
        )
    if language in _STARTING:
        a_date = r"\d{1,2}(?:\.|er)?\s*(?:de\s+)?(MONTH)\b"
        rules.append((rf"\b(?:{_STARTING[language]})\s+(?={a_date})", "starting "))
    return tuple(rules)


def _escaped(replacement: str) -> str:
    return replacement.replace("\\", "\\\\")


def _expand(pattern: str, alternatives: dict[str, str]) -> str:
    """`pattern` with its names (DAY, …) spelled out; what follows a match may be a rule's
    English already ("um" before "7:01 Uhr" read as "7:01")."""
    pattern = pattern.replace("(?=", f"(?={_OPEN}?")
    for name, alternation in alternatives.items():
        pattern = re.sub(rf"(\((?:\?P<\w+>)?){name}\)", rf"\g<1>{_escaped(alternation)})", pattern)
    return pattern


_LETTERS: Final = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# Words of those languages that are English words too ("timer", "minutes", "week", "tag"):
# they say nothing about which language a text is in.
_SHARED: Final = frozenset(
    "timer minute minutes week weekend a an and en tag um once de die so sei due tre dos six sept "
    "over mon con per do as o me start stop min et time "
    "april august september november december juni juli mai mei mars ore".split()
)


def _words_of(language: str) -> frozenset[str]:
    """The words that say a text is in `language`: its words about time and the lexicon's."""
    said = " ".join((_WORDS[language], _UNIT_WORDS[language]))
    keys = {pair.split("=")[0] for pair in said.split()}
    remind = _REMIND.get(language, ("", ""))[1]
    listed = " ".join((_TIME_WORDS[language], _SET[language], _SMALL[language], remind))
    return (frozenset(listed.split()) | keys | LANGUAGE_WORDS[language]) - _SHARED


_NEUTRAL: Final = frozenset({"in"})  # English's, German's, Dutch's and Italian's
_VOCABULARY: Final = {language: _words_of(language) for language in _LANGUAGES}
# any of them, bare or with the punctuation a word is written beside ("minutos,", "(jeden"):
# the text's words split at spaces are looked up in it at once
_ANY: Final = frozenset(
    variant
    for word in frozenset().union(*_VOCABULARY.values())
    for variant in (word, *(word + mark for mark in ",.;:!?)"), "(" + word, "¿" + word)
)
# a listing's dash written against its first word: "-Samedi : 9h - 13h", "-Lundi: 14h-18h"
_DASHED: Final = frozenset("-" + variant for variant in _ANY)
# each word of a vocabulary: the languages that have it (a word only one has settles a tie
# between two), looked up once for each word of a text
_LANGUAGES_OF: Final = {
    word: tuple(language for language, vocabulary in _VOCABULARY.items() if word in vocabulary)
    for word in frozenset().union(*_VOCABULARY.values())
}


_GATE: Final = _ANY | FOREIGN_WORDS


# A Russian text that reports what a job did: "Почему задача не запустилась в 9:00?" (why did
# it not start), "Задача запускалась каждый день в 3:00" (it used to run), "перестал приходить"
# (stopped coming), "перенесена на пятницу" (was moved). The past said with "-лся/-лась/-лось/
# -лись" is a report, unless "чтобы" asks for it ("чтобы задача запускалась в 3:00").
_RU_REPORTED: Final = re.compile(
    r"(?<![\w-])(?:почему|зачем|перестал\w*|перенесен\w*|перенесли|приходил\w*|пришл\w*|"
    r"работал\w*|срабатывал\w*|запускал\w*|отправлял\w*|присылал\w*|выполнял\w*|"
    r"не\s+(?:работает|приходит|"
    r"пришл\w*|сработал\w*|запуск\w*|запусти\w*)|[а-яё]{3,}(?:лась|лось|лись|лся))(?![\w-])",
    re.IGNORECASE,
)


def reported(text: str) -> str | None:
    """The words of a Russian text that report what a job did, or None (see _RU_REPORTED)."""
    if text.isascii() or "чтобы" in text.lower():
        return None
    match = _RU_REPORTED.search(text)
    return None if match is None else match.group()


# The compound past, told: "Alle 5 di mattina mi ha svegliato un allarme" (an alarm woke me),
# "La réunion a commencé à 9h", "Ayer el bot me ha enviado el aviso a las 8": an auxiliary, then a
# participle. What happened is told, not a run asked for (the present, "se celebra", "a lieu",
# is not this; nor the future, "habrá", "aura lieu").
_TOLD_PAST: Final = {
    "Italian": re.compile(
        r"\b(?:ho|hai|ha|abbiamo|avete|hanno)\s+(?:già\s+|appena\s+|sempre\s+)?"
        r"[a-zàèéìòù]{2,}(?:ato|uto|ito|ata|uta|ita|ati|uti|iti|ate|ute|ite)\b",
        re.IGNORECASE,
    ),
    "French": re.compile(
        r"\b(?:j['’]ai|ai|as|a|avons|avez|ont)\s+(?:déjà\s+|bien\s+|toujours\s+)?(?!lieu\b)"
        r"[a-zéèêàâçîôû]{2,}(?:é|ée|és|ées|u|ue|us|i|is|it)\b",
        re.IGNORECASE,
    ),
    "Spanish": re.compile(
        r"\b(?:he|has|ha|hemos|habéis|han)\s+(?:ya\s+)?[a-záéíóúñ]{2,}(?:ado|ido|ada|ida)\b",
        re.IGNORECASE,
    ),
    # Dutch tells the past with the verb before its subject after a time ("Om 6 uur was ik al
    # wakker", "Gisteren om 9 uur had ik een afspraak")
    "Dutch": re.compile(
        r"\b(?:was|waren|had|hadden|werd|werden)\s+(?:ik|we|wij|hij|zij|ze|je|jij|er|het)\b",
        re.IGNORECASE,
    ),
    # Polish says the past in the verb's ending ("przeniosła się", "zamykano", "byliśmy"); a few
    # nouns end so too
    "Polish": re.compile(
        r"(?<![\w-])(?!(?:szkoła|siła|hasło|koło|światło|pszczoła|skała|reguła|godło|sało)\b)"
        r"[a-ząćęłńóśźż]{3,}(?:ła|ło|li|ły|łem|łam|łeś|łaś|liśmy|łyśmy|ano|ono)(?![\w-])",
        re.IGNORECASE,
    ),
}
_TOLD_CUES: Final = {
    "Dutch": frozenset("was waren had hadden werd werden".split()),
    "Italian": frozenset("ho hai ha abbiamo avete hanno".split()),
    "French": frozenset("ai as a avons avez ont j'ai j’ai".split()),
    "Spanish": frozenset("he has ha hemos habéis han".split()),
}


# An event's time stated in the present by its page, its subject beside the verb: "A reunião …
# tem início, às 9h00", "Às 9h30 começa … a reunião semanal", "La misa comienza a las 11",
# "La séance commence à 20h": once, or every week? Nothing says (English's narration.event_stated).
_EVENT_TOLD: Final = {
    "Portuguese": re.compile(
        r"\b(?:tem|têm)\s+início\b|\b(?:começa|começam|inicia|iniciam|decorre|decorrem|"
        r"acontece|acontecem|realiza-se|realizam-se|abre|abrem)\b",
        re.IGNORECASE,
    ),
    "Spanish": re.compile(
        r"\b(?:comienza|comienzan|empieza|empiezan|inicia|tiene\s+lugar|se\s+realiza|"
        r"se\s+celebra|abre|abren)\b",
        re.IGNORECASE,
    ),
    "French": re.compile(
        r"\b(?:commence|commencent|débute|débutent|a\s+lieu|ont\s+lieu|se\s+déroule|ouvre|"
        r"ouvrent)\b",
        re.IGNORECASE,
    ),
    "Italian": re.compile(
        r"\b(?:inizia|iniziano|comincia|si\s+tiene|si\s+svolge|apre|aprono)\b", re.IGNORECASE
    ),
    # "Das Konzert beginnt Samstagabend um 19 Uhr"
    "German": re.compile(r"\b(?:beginnt|beginnen|startet|öffnet)\b", re.IGNORECASE),
}


# What comes or is received, told in the present ("Todos los días a las 00:00 llega un mensaje al
# grupo", "Jeden Morgen um 7 bekomme ich eine Mail", "tous les jours à 8h je reçois"): what
# happens already, said by one who receives it, not a run asked for.
_HAPPENS_TOLD: Final = {
    # ("pagar el recibo": the bill, a noun)
    "Spanish": re.compile(
        r"\b(?<!el\s)(?<!un\s)(?<!del\s)(?<!mi\s)(?:llega|llegan|recibo|recibimos)\b", re.IGNORECASE
    ),
    "Portuguese": re.compile(r"\b(?:chega|chegam|recebo|recebemos)\b", re.IGNORECASE),
    "French": re.compile(r"\b(?:arrive|arrivent|reçois|recevons)\b", re.IGNORECASE),
    "Italian": re.compile(r"\b(?:arriva|arrivano|ricevo|riceviamo)\b", re.IGNORECASE),
    # ("da die API jeden Werktag um 16:00 Uhr neue Werte erhält": what the API receives)
    "German": re.compile(r"\b(?:bekomme|erhalte|erhält|bekommt|kriege)\b", re.IGNORECASE),
    "Dutch": re.compile(r"\b(?:krijg|ontvang)\b", re.IGNORECASE),
}


# When a place or a service is open, told ("przychodnia jest czynna od poniedziałku do piątku w
# godzinach od 08:00 do 20:00", "Onze keuken sluit iedere dag om 22:00", "Otwarte codziennie od
# 13:00"): its hours, not a run asked for.
_HOURS_TOLD: Final = {
    "Polish": re.compile(
        r"(?<!\w)(?:czynn[aey]|otwart[aey]|dostępn[aeyi]|pracujemy|obsługujemy)(?!\w)",
        re.IGNORECASE,
    ),
    "German": re.compile(r"\b(?:geöffnet|geschlossen|erreichbar|öffnungszeiten)\b", re.IGNORECASE),
    "Spanish": re.compile(r"\b(?:abierto|abierta|cerrado|cerrada)\b", re.IGNORECASE),
    "French": re.compile(r"\b(?:ouvert|ouverte|fermé|fermée)\b", re.IGNORECASE),
    "Italian": re.compile(r"\b(?:aperto|aperta|chiuso|chiusa)\b", re.IGNORECASE),
    "Portuguese": re.compile(r"\b(?:aberto|aberta|fechado|fechada)\b", re.IGNORECASE),
    "Dutch": re.compile(r"\b(?:geopend|gesloten|sluit|openingstijden)\b", re.IGNORECASE),
    "Swedish": re.compile(r"(?<!\w)(?:öppet|stängt|öppettider)(?!\w)", re.IGNORECASE),
}


# An event announced in the future, impersonally ("Msze Święte … zostaną odprawione w pierwszą
# niedzielę lipca" — the masses will be celebrated, "la fête aura lieu", "se llevará a cabo",
# "findet … statt", "si terrà"): what a page announces, as English's "will be held" (asked).
_ANNOUNCED: Final = {
    "Polish": re.compile(
        r"(?<!\w)(?:zostan[ąa]|zostanie|odbęd(?:zie|ą)\s+się)(?!\w)", re.IGNORECASE
    ),
    "French": re.compile(r"\b(?:aura|auront)\s+lieu\b|\bse\s+tiendra\b", re.IGNORECASE),
    "Spanish": re.compile(
        r"\bse\s+(?:llevar[áa]n?\s+a\s+cabo|celebrar[áa]n?|realizar[áa]n?)\b", re.IGNORECASE
    ),
    "Italian": re.compile(r"\bsi\s+terr(?:à|anno)\b|\bavr(?:à|anno)\s+luogo\b", re.IGNORECASE),
    "Portuguese": re.compile(r"\b(?:ser[áa]|ser[ãa]o)\s+realizad[oa]s?\b", re.IGNORECASE),
    "German": re.compile(r"\b(?:wird|werden)\s+(?:\w+\s+){0,6}?stattfinden\b", re.IGNORECASE),
}


def announced(text: str, language: str) -> str | None:
    """The words of `text` (in `language`) that announce an event in the future, or None
    ("zostaną", "aura lieu", "se llevará a cabo"): a page's announcement, not a request."""
    pattern = _ANNOUNCED.get(language)
    match = None if pattern is None else pattern.search(text)
    return None if match is None else match.group()


def hours_told(text: str, language: str) -> str | None:
    """The word of `text` (in `language`) that tells when a place or service is open, or None
    ("czynna", "geöffnet", "sluit"): its opening hours, not a schedule to run."""
    pattern = _HOURS_TOLD.get(language)
    match = None if pattern is None else pattern.search(text)
    return None if match is None else match.group()


def happens_told(text: str, language: str) -> str | None:
    """The verb of `text` (in `language`) that tells what comes or is received, or None
    ("llega", "bekomme", "reçois"): a statement of what happens, not a request."""
    pattern = _HAPPENS_TOLD.get(language)
    match = None if pattern is None else pattern.search(text)
    return None if match is None else match.group()


def event_told(text: str, language: str) -> str | None:
    """The verb of `text` (in `language`) that states when an event is, or None ("tem início",
    "comienza", "a lieu"): said once, it does not say whether it repeats."""
    pattern = _EVENT_TOLD.get(language)
    match = None if pattern is None else pattern.search(text)
    return None if match is None else match.group()


def told_in_the_past(text: str, language: str) -> str | None:
    """The words of `text` (in `language`) that tell what happened, in the compound past, or
    None: "mi ha svegliato", "a commencé", "ha enviado"."""
    pattern = _TOLD_PAST.get(language)
    if pattern is None or (
        (cues := _TOLD_CUES.get(language)) is not None and cues.isdisjoint(text.lower().split())
    ):
        return None
    match = pattern.search(text)
    return None if match is None else match.group()


def may_be_foreign(text: str) -> bool:
    """Whether a word of `text` is one of another language's (ours, or one `languages.py`
    refuses): the one test English texts pay, before `language_of` and `foreign_language`."""
    split = text.lower().split()
    return not _GATE.isdisjoint(split) or (text[:1] == "-" and not _DASHED.isdisjoint(split[:1]))


def language_of(text: str) -> str | None:
    """The language whose lexicon reads `text` ("German" for "Timer für 5 Minuten"), or None:
    the one with the most of its words in the text, when they outnumber English's small words
    ("Send the Resumen semanal every Monday at 9:00" is English). Cheap for English: one split
    and one set test first."""
    lowered = text.lower()
    split = lowered.split()
    if _ANY.isdisjoint(split) and (lowered[:1] != "-" or _DASHED.isdisjoint(split[:1])):
        return None
    words = _LETTERS.findall(lowered)
    english = sum(word in ENGLISH_WORDS and word not in _NEUTRAL for word in words)
    # each language's words in the text, and those of them no other language has
    said, own = dict.fromkeys(_VOCABULARY, 0), dict.fromkeys(_VOCABULARY, 0)
    for word in words:
        languages = _LANGUAGES_OF.get(word, ())
        for language in languages:
            said[language] += 1
        if len(languages) == 1:
            own[languages[0]] += 1
    # the most words; a tie: the one with more words of its own, then the first listed
    best = max(_VOCABULARY, key=lambda language: (said[language], own[language]))
    if said[best] <= english and not (best in ("Russian", "Ukrainian") and said[best] >= 2):
        return None  # English's small words outnumber its ("on" is Finnish too)
    if unread_words(words) >= said[best]:
        return None  # Ukrainian ("Кожного понеділка о в 00:00"), Polish …: refused, not half-read
    return best  # (Russian or Ukrainian: another script, English words around it do not compete)


def to_english(text: str, language: str) -> str | None:
    """`text` (written in `language`, as `language_of` found) with its schedule words in
    English, or None when a word about time is left that the lexicon does not read."""
    lexicon = _lexicon(language)
    english, folded = text, fold(text)
    for pattern, replacement, ordinal, needs in lexicon.rules:
        if needs is not None and not any(needed in folded for needed in needs):
            continue  # most rules: a few `in` tests instead of a search that finds nothing
        changed = pattern.sub(_replacer(replacement, lexicon, ordinal=ordinal), english)
        if changed != english:
            english, folded = changed, fold(changed)
    # the words between the rules' English (marked off by _OPEN/_CLOSE) are the language's
    parts = re.split(f"[{_OPEN}{_CLOSE}]", english)
    for i in range(0, len(parts), 2):
        parts[i] = lexicon.word.sub(lambda m: lexicon.words[m.group().lower()], parts[i])
        if not lexicon.time_words.isdisjoint(w.lower() for w in _LETTERS.findall(parts[i])):
            return None
    return "".join(parts)


_OPEN: Final = "\ue000"
_CLOSE: Final = "\ue001"


def _replacer(
    english: str | Callable[[re.Match[str]], str], lexicon: _Lexicon, *, ordinal: bool
) -> Callable[[re.Match[str]], str]:
    """What a rule's match becomes: `english` with its groups put in, each in English (the
    first an ordinal when `ordinal`: Portuguese "segunda" is the second, or Monday)."""

    def replace(match: re.Match[str]) -> str:
        if callable(english):
            return f"{_OPEN}{english(match)}{_CLOSE}"
        out = english
        for number, group in enumerate(match.groups(), 1):
            said = (group or "").lower()
            if ordinal and number == 1:
                said = _ORDINALS[said]
            else:
                said = lexicon.said_word.sub(lambda m: lexicon.said[m.group().lower()], said)
            out = out.replace(f"\\{number}", said)
        # "on \1s" of a day said in the plural already ("los domingos": "sundays")
        return f"{_OPEN}{out.replace('dayss', 'days')}{_CLOSE}"

    return replace
