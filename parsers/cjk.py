"""Schedules said in Chinese, Japanese or Korean, read by saying their schedule words in English.

"每天晚上 6 点" (every day, evening, 6 o'clock), "每月第二个周二" (the second Tuesday of every
month), "10分钟后" (in 10 minutes), "毎週月曜日 9時" (every Monday, 9 o'clock), "午後3時半"
(3:30pm), "5分ごとに" (every 5 minutes): the words of a schedule in these languages are
written without spaces, around numbers in digits or in characters. The patterns below rewrite
them into the grammar's English, with spaces around ("每天晚上 6 点，提醒我：该写周报了" ->
" every day at 6 pm ， remind me ：该写周报了"); the rest of the text (the task) is left as
written, and the English reader reads the result as it reads any sentence.

Never half-read: when a word about time is left after the rewriting (`LEFT_TIME`: "曜", "午前",
"星期", "3点" …), `to_english` answers None and the text goes on as before (the stages read its
digits, and a day word left in the task makes the answer ask).

Korean ("매일 오전 9시", "매주 월요일 오전 8시", "10분마다", "30분 후에 알려줘", "오후세시반") has
rules of its own (`_KO_RULES`): hours in native numbers (세시, 다섯시), minutes in Sino-Korean
ones (이십분) or digits, the particles after a time (에, 마다, 후에). A Korean text with a word
about time left (`_KO_LEFT`) is refused: its digits alone made schedules it did not say.

Times follow how the languages say them: 早上/上午/朝/午前 are the morning (am), 下午/晚上/
傍晚/夜/午後 the afternoon and evening (pm), 凌晨 the small hours (am), 中午 noon; an hour with
no part of the day is the grammar's bare hour ("8点" is "at 8": 8am; "3点" asks), and an hour
over 12 is the 24-hour clock ("20点" is 20:00).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final

_NUMERAL: Final = "零〇一二两兩三四五六七八九十"
_N: Final = rf"([0-9０-９]+|[{_NUMERAL}]+)"
_DAY_OF: Final = {
    "一": "Monday", "二": "Tuesday", "三": "Wednesday", "四": "Thursday", "五": "Friday",
    "六": "Saturday", "日": "Sunday", "天": "Sunday",
    "月": "Monday", "火": "Tuesday", "水": "Wednesday", "木": "Thursday", "金": "Friday",
    "土": "Saturday",
}  # fmt: skip
_ZH_DAY: Final = r"(?:星期|周|週|礼拜|禮拜)([一二三四五六日天])"
_JA_DAY: Final = r"([月火水木金土日])曜日?"
_MORNING: Final = "早上|上午|早晨|清晨|凌晨|朝|午前|早"
_EVENING: Final = "下午|晚上|傍晚|夜里|夜裡|晚|午後|夕方|夜|晩"
_UNIT_OF: Final = {
    "分钟": "minutes", "分鐘": "minutes", "分": "minutes", "小时": "hours", "小時": "hours",
    "钟头": "hours", "鐘頭": "hours", "時間": "hours", "秒钟": "seconds", "秒": "seconds",
    "天": "days", "日": "days", "日間": "days",
}  # fmt: skip
_UNIT: Final = "(分钟|分鐘|小时|小時|钟头|鐘頭|時間|秒钟|秒|分)"


def number(said: str) -> int:
    """ "12", "１２", "十二", "二十", "两": the number, in digits or in characters."""
    if said[0].isdigit():
        return int(said)
    values = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2, "兩": 2}
    if "十" not in said:
        return int("".join(str(values[c]) for c in said))
    tens, _, ones = said.partition("十")
    return (values[tens] if tens else 1) * 10 + (values[ones] if ones else 0)


def _days(said: str) -> str:
    """ "周一和周四" -> "Monday and Thursday", "月曜日と木曜日" -> the same."""
    days = re.findall(
        r"(?:星期|周|週|礼拜|禮拜)?([一二三四五六日天])(?![曜])|([月火水木金土日])曜日?", said
    )
    return " and ".join(_DAY_OF[zh or ja] for zh, ja in days)


def _ordinal(said: str) -> str:
    n = number(said)
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _listed_days(said: str) -> str:
    """ "每月1、10、22日" -> "the 1st, 10th and 22nd"."""
    days = [_ordinal(n) for n in re.findall(rf"[0-9０-９]+|[{_NUMERAL}]+", said.replace("月", " "))]
    return "the " + ", ".join(days[:-1]) + " and " + days[-1]


def _clock(match: re.Match[str]) -> str:
    """ "晚上 6 点" -> " at 6 pm ", "午前9時半" -> " at 9:30 am", "20点" -> " at 20:00 "."""
    part, hour_said, half, minute_said, minute_digits = match.groups()
    hour = number(hour_said)
    minute_said = minute_said or minute_digits
    minute = 30 if half else number(minute_said) if minute_said else 0
    if hour > 24 or minute > 59:
        return match.group()
    clock = f"{hour}:{minute:02d}" if minute or hour > 12 or hour == 0 else f"{hour}"
    if part in ("中午",):
        return f" at {clock} pm " if hour < 12 else f" at {clock} "
    if part and hour <= 12:
        morning = part in _MORNING.split("|")
        if part == "凌晨" and hour == 12:
            return " at midnight "
        return f" at {clock} {'am' if morning else 'pm'} "
    return f" at {clock} " if ":" in clock else f" at {clock} o'clock "


_MONTH_NAMES: Final = (
    *("January", "February", "March", "April", "May", "June", "July", "August"),
    *("September", "October", "November", "December"),
)


def _date(month: int, day: int, said: str) -> str:
    """ "8月21日" -> " on August 21 "."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return said
    return f" on {_MONTH_NAMES[month - 1]} {day} "


def _day_of_month(match: re.Match[str]) -> str:
    """ "28号" -> " on the 28th "."""
    day = number(match.group(1))
    return f" on the {_ordinal(match.group(1))} " if 1 <= day <= 31 else match.group()


def _from_now(match: re.Match[str]) -> str:
    """ "今から1時間" -> " in 1 hours "."""
    return f" in {number(match.group(1))} {_UNIT_OF[match.group(2)]} "


_SPACED_COLON: Final = re.compile(r"[0-9０-９]\s+[:：]|[:：]\s+[0-9０-９]")


def _clock_digits(match: re.Match[str]) -> str:
    """ "下午7：30" -> " at 7:30 pm ": a time written with digits and a colon (full width or
    not), with the part of the day said before it."""
    part, hour_said, minute_said = match.groups()
    hour, minute = number(hour_said), number(minute_said)
    if hour > 24 or minute > 59:
        return match.group()
    if not part and "：" not in match.group():
        # "09:00" alone: the grammar reads it; "4 : 45" (spaced, as crontab notes write it) is
        # closed up for it
        spaced = _SPACED_COLON.search(match.group())
        return match.group() if spaced is None else f" {hour}:{minute:02d} "
    if part and hour <= 12 and part != "中午":
        return f" at {hour}:{minute:02d} {'am' if part in _MORNING.split('|') else 'pm'} "
    return f" at {hour}:{minute:02d} "


def _seconds(hours: str | None, minutes: str | None, seconds: str | None) -> str:
    """ "1个小时15分钟" -> "75分钟", "5分钟30秒" -> "330秒": an amount said in parts, in its
    smallest unit, for the rules below (which read one number and one unit)."""
    total = sum(number(said) * size for said, size in ((hours, 3600), (minutes, 60)) if said)
    if seconds:
        return f"{total + number(seconds)}秒"
    return f"{total // 60}分钟"


# -- Korean: hours counted in native numbers ("세시", "다섯시"), minutes in Sino-Korean ones
# ("이십분") or digits; the particles after a time ("9시에", "10분마다", "10분 후에") --------------
_KO_NATIVE: Final = {
    "한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
    "열": 10, "열한": 11, "열두": 12,
}  # fmt: skip
_KO_SINO: Final = {c: i for i, c in enumerate("영일이삼사오육칠팔구")}
_KO_N: Final = r"(\d+|열한|열두|다섯|여섯|일곱|여덟|아홉|한|두|세|네|열|[일이삼사오육칠팔구십]+)"
_KO_DAY_OF: Final = {
    "월": "Monday", "화": "Tuesday", "수": "Wednesday", "목": "Thursday", "금": "Friday",
    "토": "Saturday", "일": "Sunday",
}  # fmt: skip
_KO_UNIT_OF: Final = {
    "초": "seconds",
    "분": "minutes",
    "시간": "hours",
    "일": "days",
    "주": "weeks",
}
_KO_UNIT: Final = "(초|분|시간|일|주)"
_KO_MORNING: Final = ("오전", "아침", "새벽")
_KO_PART: Final = "(오전|오후|아침|저녁|밤|새벽)"


def ko_number(said: str) -> int:
    """ "12", "세" (3, a native number), "다섯" (5), "이십" (20), "삼십오" (35)."""
    if said.isdigit():
        return int(said)
    if said in _KO_NATIVE:
        return _KO_NATIVE[said]
    tens, ten, ones = said.partition("십")
    if not ten:
        return _KO_SINO.get(said, -1) if len(said) == 1 else -1
    return (_KO_SINO.get(tens, -99) if tens else 1) * 10 + (_KO_SINO.get(ones, -99) if ones else 0)


def _ko_clock(part: str | None, hour: int, minute: int) -> str:
    """The English of a Korean time: "오후 3시" -> "3 pm", "저녁 8시" -> "8 pm", "9시" -> "9
    o'clock", "15시" -> "15:00"."""
    if not 0 <= hour <= 24 or not 0 <= minute <= 59:
        return ""
    clock = f"{hour}:{minute:02d}" if minute or hour > 12 else f"{hour}"
    if part and hour <= 12:
        if part == "밤" and hour == 12:
            return "midnight"
        return f"{clock} {'am' if part in _KO_MORNING else 'pm'}"
    return clock if ":" in clock else f"{clock} o'clock"


def _ko_time(match: re.Match[str]) -> str:
    """ "오후 3시 30분에" -> " at 3:30 pm ", "오후세시반" -> " at 3:30 pm "."""
    part, hour_said, half, minute_said = match.groups()
    minute = 30 if half else ko_number(minute_said) if minute_said else 0
    clock = _ko_clock(part, ko_number(hour_said), minute)
    return f" at {clock} " if clock else match.group()


def _ko_digits_time(match: re.Match[str]) -> str:
    """ "오전 9:00에" -> " at 9:00 am "."""
    part, hour, minute = match.groups()
    if not part:  # "09:00" alone: the 24-hour clock
        return (
            f" at {int(hour)}:{minute} " if int(hour) <= 24 and int(minute) <= 59 else match.group()
        )
    clock = _ko_clock(part, int(hour), int(minute))
    return f" at {clock} " if clock else match.group()


def _ko_range(match: re.Match[str]) -> str:
    """ "오후 3시부터 4시까지" -> " from 3 pm to 4 pm ": the part of the day said once, for both."""
    part, start, end = match.groups()
    first, last = _ko_clock(part, ko_number(start), 0), _ko_clock(part, ko_number(end), 0)
    return f" from {first} to {last} " if first and last else match.group()


def _ko_amount(match: re.Match[str], english: str) -> str:
    amount = ko_number(match.group(1))
    if amount <= 0:
        return match.group()
    return english.format(amount=amount, unit=_KO_UNIT_OF[match.group(2)])


def _ko_days(said: str) -> str:
    """ "월, 수, 금요일" -> "Monday, Wednesday and Friday"."""
    days = [_KO_DAY_OF[day] for day in re.findall("([월화수목금토일])(?:요일)?", said)]
    return ", ".join(days[:-1]) + " and " + days[-1] if len(days) > 1 else days[0]


_KO_DAYS: Final = r"((?:[월화수목금토일](?:요일)?\s*(?:,|/|·|와|과|및)\s*)*[월화수목금토일]요일)"
# a range of hours said with words: "上午09:00至下午05:00", "午前9時から午後5時まで", "10시~12시"
# (read by then as " at 9:00 am 至 at 5:00 pm "): from its start to its end
_HOURS_RANGE: Final = (
    r"\s*at\s+([0-9]{1,2}(?::[0-9]{2})?(?:\s+(?:am|pm|o'clock))?)\s*(?:至|到|から|[~〜～])"
    r"\s*at\s+([0-9]{1,2}(?::[0-9]{2})?(?:\s+(?:am|pm|o'clock))?)\s*(?:まで|止)?",
    r" from \1 to \2 ",
)

_KO_RULES: Final[tuple[tuple[str, _Replace], ...]] = (
    (r"^\s*(?:우리는|저희는|우리가|저희가)", "We "),
    (r"^\s*(?:저는|나는|제가|내가)", "I "),
    (
        r"(알람|타이머|알림|리마인더)\s*(?:을|를)?\s*(?:취소|꺼\s*줘|끄기|삭제)",
        " cancel the alarm ",
    ),
    (
        rf"{_KO_N}\s*{_KO_UNIT}\s*마다",
        lambda m: _ko_amount(m, " every {amount} {unit} "),
    ),
    (rf"매\s*{_KO_N}\s*{_KO_UNIT}", lambda m: _ko_amount(m, " every {amount} {unit} ")),
    (
        rf"{_KO_N}\s*{_KO_UNIT}\s*(?:후|뒤|이후)에?",
        lambda m: _ko_amount(m, " in {amount} {unit} "),
    ),
    (
        rf"{_KO_N}\s*(분|시간|일|주|개월|년)\s*(?:전|이전)에?",
        lambda m: f" {m.group(1)} {m.group(2)} ago ",
    ),
    (
        rf"타이머\s*(?:를|을)?\s*{_KO_N}\s*{_KO_UNIT}",
        lambda m: _ko_amount(m, " timer for {amount} {unit} "),
    ),
    (
        rf"{_KO_N}\s*{_KO_UNIT}\s*(?:짜리\s*)?타이머",
        lambda m: _ko_amount(m, " a {amount} {unit} timer "),
    ),
    # "매주 화/금" (every week, Tuesday and Friday): a timetable's days, one letter each
    (
        r"매주\s*([월화수목금토일](?:\s*[/·,]\s*[월화수목금토일])+)(?![가-힣])",
        lambda m: f" every {_ko_days(m.group(1))} ",
    ),
    (rf"매주\s*{_KO_DAYS}", lambda m: f" every {_ko_days(m.group(1))} "),
    # "화~일: 09:00~18:00" (Tuesday to Sunday), "월~금 9시": a timetable's range of days
    (
        r"(?<![가-힣])([월화수목금토일])(?:요일)?\s*[~～-]\s*([월화수목금토일])(?:요일)?"
        r"(?=\s*:?\s*[0-9])",
        lambda m: f" {_KO_DAY_OF[m.group(1)]} to {_KO_DAY_OF[m.group(2)]} ",
    ),
    (rf"다음\s*주\s*{_KO_DAYS}", lambda m: f" next week on {_ko_days(m.group(1))} "),
    (rf"다음\s*{_KO_DAYS}", lambda m: f" next {_ko_days(m.group(1))} "),
    (rf"(?:이번\s*주\s*)?{_KO_DAYS}", lambda m: f" on {_ko_days(m.group(1))} "),
    (r"평일|주중", " on weekdays "),
    (r"주말", " on weekends "),
    (r"매일|날마다", " every day "),
    (r"매시간|매\s*시간", " every hour "),
    (r"매주", " every week "),
    (r"매월|매달", " every month "),
    (r"매년|해마다", " every year "),
    (rf"{_KO_PART}?\s*{_KO_N}\s*시\s*부터\s*{_KO_N}\s*시\s*까지", _ko_range),
    (rf"{_KO_PART}?\s*(\d{{1,2}}):(\d{{2}})\s*에?", _ko_digits_time),
    (rf"{_KO_PART}?\s*{_KO_N}\s*시(?!간)(?:\s*(반)|\s*{_KO_N}\s*분)?\s*에?", _ko_time),
    (r"내일\s*모레|모레", " the day after tomorrow "),
    (r"내일", " tomorrow "),
    (r"오늘\s*밤|오늘\s*저녁", " tonight "),
    (r"오늘", " today "),
    (r"엊그제|그제|어제", " yesterday "),
    (r"아침|오전", " in the morning "),
    (r"저녁", " in the evening "),
    (r"오후", " in the afternoon "),
    (r"한국\s*시간|\bKST\b", " Seoul time "),
    (r"알려\s*줘|알려\s*주세요|알려\s*드릴게요|리마인드\s*해\s*줘", " remind me "),
    (r"취소", " cancel "),
    (r"알람", " alarm "),
    _HOURS_RANGE,
)

_HOURS: Final = r"\s*个?\s*(?:小时|小時|钟头|鐘頭|時間|个钟)\s*"
_MINUTES: Final = r"\s*(?:分钟|分鐘|分)\s*"
_JOB_OF: Final = {"闹钟": "alarm", "鬧鐘": "alarm", "アラーム": "alarm", "タイマー": "timer"}
_Replace = str | Callable[[re.Match[str]], str]
# Patterns and their English, applied in order (the longer shapes first).
_RULES: Final[tuple[tuple[str, _Replace], ...]] = (
    # a sentence that opens with "I" or "we" tells of the speaker's day ("我每天早上7点起床",
    # "私たちは毎週月曜に集まります"), as in English and the other languages: said so, it asks
    (r"^\s*(?:我们|我們|咱们|私たちは|僕らは|我々は)", "We "),
    (r"^\s*(?:我(?![们們])|私は|僕は|俺は|わたしは)", "I "),
    # an undoing said before or after the job it undoes, the job first in English as the
    # grammar's cues read it: "取消明天早上8点的闹钟" -> "cancel the alarm 明天早上8点",
    # "毎朝7時のアラームを消して" -> "cancel the alarm 毎朝7時"
    (
        r"(?:取消|删除|刪除|关掉|關掉|关闭|關閉)(.+?)的?(闹钟|鬧鐘|提醒|定时任务)",
        lambda m: f" cancel the {_JOB_OF.get(m.group(2), 'reminder')} {m.group(1)} ",
    ),
    (
        r"(.+?)の?(アラーム|リマインダー|タイマー)を?(?:消して|削除して|止めて|キャンセルして|解除して)",
        lambda m: f" cancel the {_JOB_OF.get(m.group(2), 'reminder')} {m.group(1)} ",
    ),
    # "修改定时时间为 23：10": the time of a job that exists, changed (the grammar's cue asks)
    (
        r"(?:修改|更改|调整|調整|改)(?:定时|定時|执行|執行|提醒|触发|觸發)?(?:时间|時間)(?:为|為|到|成)"
        r"|(?:定时|定時|执行|執行|提醒|触发|觸發)(?:时间|時間)(?:修改|更改|调整|改)(?:为|為|到|成)",
        " change the scheduled time ",
    ),
    # "…，这样下午一上班就刷新5小时额度了": what the schedule is for, said after it (its words
    # about time are the purpose's, not the schedule's)
    (r"[，,]\s*(?:这样|這樣|以便|好让|好讓)[^。！？!?\n]{0,80}", " "),
    # "还有十分钟下班" (ten minutes left before the day ends): an amount in the task
    (rf"还有{_N}\s*个?\s*(?:分钟|分鐘|小时|小時)", " still some time "),
    (
        rf"{_N}{_HOURS}{_N}{_MINUTES}(?:{_N}\s*秒)?",
        lambda m: _seconds(m.group(1), m.group(2), m.group(3)),
    ),
    (rf"{_N}{_HOURS}{_N}\s*秒", lambda m: _seconds(m.group(1), None, m.group(2))),
    (rf"{_N}{_MINUTES}{_N}\s*秒", lambda m: _seconds(None, m.group(1), m.group(2))),
    # setting a timer: "设置1小时计时器", "开始计时30分钟", "设置计时器5分钟"
    (
        rf"(?:设置|设定|開始|开始|启动|開啟|开启|撥|set)\s*(?:我的|一个|一個|嗰個)?\s*"
        rf"(?=计时|計時|倒计时|倒數|{_N}\s*个?\s*(?:分钟|分鐘|小时|小時|秒|个钟|個鐘))",
        " set ",
    ),
    # two Nth weekdays of the month: "每月第二、第四个周六"
    (
        rf"每个?月的?第{_N}个?\s*[、和与與及,，]\s*第?{_N}个?{_ZH_DAY}",
        lambda m: (
            f" the {_ordinal(m.group(1))} and {_ordinal(m.group(2))} "
            f"{_DAY_OF[m.group(3)]} of every month "
        ),
    ),
    # two Nth weekdays in Japanese: "月2回(第2、第4金曜日)", "第1・第3土曜日" (of the month)
    (
        rf"(?:毎月の?|月\s*[2２二]\s*回\s*)?[（(]?\s*第{_N}\s*[、,，と・]\s*第{_N}\s*{_JA_DAY}\s*[)）]?",
        lambda m: (
            f" the {_ordinal(m.group(1))} and {_ordinal(m.group(2))} "
            f"{_DAY_OF[m.group(3)]} of every month "
        ),
    ),
    # the last weekday of the month: "每月最后一个周五", "毎月最終金曜日"
    (
        rf"每个?月的?(?:最后|最後)一?[个個]?\s*{_ZH_DAY}|毎月の?最終{_JA_DAY}",
        lambda m: f" the last {_DAY_OF[m.group(1) or m.group(2)]} of every month ",
    ),
    # the Nth weekday of the month: "每月第二个周二", "毎月第2月曜日"
    (
        rf"每个?月的?第{_N}个?{_ZH_DAY}|毎月第{_N}{_JA_DAY}",
        lambda m: (
            f" the {_ordinal(m.group(1) or m.group(3))} "
            f"{_DAY_OF[m.group(2) or m.group(4)]} of every month "
        ),
    ),
    # the first or the last day of every month: "每个月的第一天", "每月最后一天", "毎月末日"
    (r"每个?月的?(?:第\s*[1１一]\s*天|首日)|毎月の?(?:初日|1日目)", " on the 1st of every month "),
    (r"每个?月的?(?:最后|最後)一天|毎月の?末日|毎月末", " on the last day of every month "),
    # days of the month, listed: "每月1、10、22日", "毎月5日・20日"
    (
        rf"(?:每个?月的?|毎月の?){_N}\s*[号號日]?(?:\s*[、,，和与與及・]\s*{_N}\s*[号號日]?)+\s*[号號日]",
        lambda m: f" on {_listed_days(m.group())} of every month ",
    ),
    (
        rf"每个?月的?{_N}[号號日]|毎月{_N}日",
        lambda m: f" the {_ordinal(m.group(1) or m.group(2))} of every month ",
    ),
    # "10時から1時間": from that hour, for so long
    (
        rf"{_N}\s*[点點時时]\s*から\s*{_N}\s*時間",
        lambda m: f" at {number(m.group(1))}:00 for {number(m.group(2))} hours ",
    ),
    # every N days: "每六天的 0 点", "每隔3天", "3日ごとに"
    (
        rf"每隔?\s*{_N}\s*个?\s*天的?|{_N}\s*日(?:ごと|おき)に?",
        lambda m: f" every {number(m.group(1) or m.group(2))} days ",
    ),
    # every N minutes / hours: "每隔2小时", "每 15 分钟", "5分ごとに", "30分おきに"
    (
        rf"每隔?\s*{_N}\s*个?\s*{_UNIT}|{_N}\s*{_UNIT}(?:ごと|おき|毎)に?",
        lambda m: (
            f" every {number(m.group(1) or m.group(3))} {_UNIT_OF[m.group(2) or m.group(4)]} "
        ),
    ),
    # in N minutes: "10分钟后", "两个小时以后", "5分後"
    (
        rf"{_N}\s*个?\s*{_UNIT}(?:之?后|之?後|以后|以後)",
        lambda m: f" in {number(m.group(1))} {_UNIT_OF[m.group(2)]} ",
    ),
    # a timer: "10分钟计时器", "计时10分钟", "倒计时5分钟", "5分のタイマー", "タイマーを3分"
    (
        rf"{_N}\s*个?\s*{_UNIT}的?(?:计时器?|倒计时|計時器?|倒數器?|のタイマー|タイマー)",
        lambda m: f" a {number(m.group(1))} {_UNIT_OF[m.group(2)]} timer ",
    ),
    (
        rf"(?:计时器?|倒计时|計時器?|倒數器?|タイマーを?)\s*{_N}\s*个?\s*{_UNIT}",
        lambda m: f" timer for {number(m.group(1))} {_UNIT_OF[m.group(2)]} ",
    ),
    # "until deleted": not an undoing ("削除されるまで毎日…", "直到删除")
    (r"削除されるまで|直到删除|直到刪除", " until deleted "),
    # a date: "8月21日", "八月21号", "十月7号"; a day of the month: "在28号", "28日の"
    (
        rf"{_N}\s*月\s*{_N}\s*[日号號]",
        lambda m: _date(number(m.group(1)), number(m.group(2)), m.group()),
    ),
    (
        rf"(?<![0-9０-９{_NUMERAL}月])([0-9０-９]{{1,2}})\s*(?:[号號]|日(?=の|に))(?![間间前后後以])",
        lambda m: _day_of_month(m),
    ),
    # a date written month/day, as Japan writes it: "9/7の13:30", "7/14(日)11:00" (the day of
    # the week in brackets kept beside it: the grammar checks that the date falls on it)
    (
        r"(?<![0-9０-９/])([0-9０-９]{1,2})/([0-9０-９]{1,2})\s*[（(]\s*([月火水木金土日])(?:曜日?)?\s*[)）]",
        lambda m: _date(number(m.group(1)), number(m.group(2)), m.group()).replace(
            " on ", f" on {_DAY_OF[m.group(3)]}, ", 1
        ),
    ),
    (
        r"(?<![0-9０-９/])([0-9０-９]{1,2})/([0-9０-９]{1,2})\s*の",
        lambda m: _date(number(m.group(1)), number(m.group(2)), m.group()),
    ),
    # "今から1時間", "从现在开始一个小时之后": an amount from now
    (rf"(?:今から|从现在开始|從現在開始)\s*{_N}\s*个?\s*{_UNIT}(?:之?后|之?後)?", _from_now),
    # an alarm for an amount: "设置2个小时的闹钟", "设置闹钟为30分钟", "アラームを2時間設定"
    (
        rf"{_N}\s*个?\s*{_UNIT}的(?:闹钟|鬧鐘)",
        lambda m: f" a {number(m.group(1))} {_UNIT_OF[m.group(2)]} timer ",
    ),
    (
        rf"(?:闹钟|鬧鐘)(?:为|為)\s*{_N}\s*个?\s*{_UNIT}(?![^\s，。]*(?:响|響))|"
        rf"アラームを\s*{_N}\s*{_UNIT}(?=設定|セット)",
        lambda m: (
            f" timer for {number(m.group(1) or m.group(3))} {_UNIT_OF[m.group(2) or m.group(4)]} "
        ),
    ),
    # "明天这个时候", "明日のこの時間": the time it is now
    (r"这个时候|這個時候|这个时间|この時間に?|同じ時間に?", " at this time "),
    # "月曜日のみ", "月曜だけ": only on that day of the week, as an alarm's days are set
    (rf"{_JA_DAY}(?:のみ|だけ)", lambda m: f" on {_DAY_OF[m.group(1)]}s only "),
    # "每周一次", "一周一次" (once a week): not Monday ("周一")
    (r"[每一][周週]一次", " weekly "),
    # a range of days of every week: "每周一到周五", "每周一至周五" (said without "每" it is most
    # often a timetable's line, with its hours after it: read below, at the hours' start)
    (
        rf"每个?{_ZH_DAY}\s*(?:到|至|~|〜|～|－|-|–)\s*(?:星期|周|週|礼拜|禮拜)?([一二三四五六日天])",
        lambda m: f" every {_DAY_OF[m.group(1)]} to {_DAY_OF[m.group(2)]} ",
    ),
    # a range of days, as opening hours write them: "週一至週五", "週六至週日", "火曜から日曜",
    # "星期一到星期五", "月曜～金曜"
    (
        rf"(?:每个?|毎週)?(?:{_ZH_DAY}|{_JA_DAY})\s*(?:至|到|から|[~〜～–-])\s*"
        rf"(?:{_ZH_DAY}|{_JA_DAY})(?!\s*[0-9０-９]\s*[:：])",
        lambda m: f" {_DAY_OF[m.group(1) or m.group(2)]} to {_DAY_OF[m.group(3) or m.group(4)]} ",
    ),
    # days of the week, several: "每周一和周四", "月曜日と木曜日"
    (
        rf"(每个?|毎週)?((?:{_ZH_DAY}|{_JA_DAY})(?:\s*[和与與及、,，と]\s*(?:{_ZH_DAY}|[一二三四五六日天]|{_JA_DAY}))+)",
        lambda m: f" {'every' if m.group(1) else 'on'} {_days(m.group(2))} ",
    ),
    # days of the week
    (rf"每个?{_ZH_DAY}", lambda m: f" every {_DAY_OF[m.group(1)]} "),
    (rf"毎週{_JA_DAY}", lambda m: f" every {_DAY_OF[m.group(1)]} "),
    # "来週火曜日の issues" (next Tuesday's issues): what the task is about
    (
        rf"来週の?{_JA_DAY}の(?=\s*[A-Za-z\u4e00-\u9fff])",
        lambda m: f" next {_DAY_OF[m.group(1)]}'s ",
    ),
    (rf"下个?{_ZH_DAY}|来週の?{_JA_DAY}", lambda m: f" next {_DAY_OF[m.group(1) or m.group(2)]} "),
    (rf"上个?{_ZH_DAY}|先週の?{_JA_DAY}", lambda m: f" last {_DAY_OF[m.group(1) or m.group(2)]} "),
    # a listing's line, a day and its time after a label or alone ("总结贴要求通知：周一19:00",
    # "周一 19:00-21:00"): the day of every week, as a timetable says it
    (
        rf"(?:^|(?<=[：:]))\s*{_ZH_DAY}(?=\s*[0-9０-９]{{1,2}}\s*[:：]\s*[0-9０-９]{{2}})",
        lambda m: f" every {_DAY_OF[m.group(1)]} ",
    ),
    (rf"{_ZH_DAY}|{_JA_DAY}", lambda m: f" on {_DAY_OF[m.group(1) or m.group(2)]} "),
    (r"每个?工作日|工作日|平日", " on weekdays "),
    (r"每个?周末|周末|週末|土日", " on weekends "),
    # every day with its part of the day, which the time after it may need: "每天晚上 6 点"
    (r"(?:每天|每日)(早上|上午|早晨|晚上|傍晚|下午)", r" every day \1"),
    (r"毎(朝|晩|夜)", r" every day \1"),
    (r"今晚|今夜|今晩", " tonight "),
    # a range of times: "21:00-22:00", "17:30~19:00": read from its start
    (
        r"([0-9０-９]{1,2})\s*[:：]\s*([0-9０-９]{2})\s*(?:[-~〜～–]|至|到)\s*([0-9０-９]{1,2})\s*[:：]\s*([0-9０-９]{2})",
        lambda m: f" from {m.group(1)}:{m.group(2)} to {m.group(3)}:{m.group(4)} ",
    ),
    # times: "下午7：30", "上午8:45"
    (
        rf"({_MORNING}|{_EVENING}|中午)?\s*(?<!from )(?<!to )(?<![0-9０-９])"
        rf"([0-9０-９]{{1,2}})\s*[:：]\s*([0-9０-９]{{2}})(?:[:：]00)?(?![0-9０-９:：])",
        _clock_digits,
    ),
    # times: "晚上 6 点", "下午3点半", "9点15分", "午前9時", "夜8時30分"
    (
        rf"({_MORNING}|{_EVENING}|中午)?\s*{_N}\s*[点點时時](?:\s*(半)|\s*{_N}\s*分|([0-5][0-9])(?![0-9分秒]))?(?!間|间)",
        _clock,
    ),
    # two times joined by "到" or "至", each read above ("每天14点到15点每5分钟",
    # "上午9:00至10点之间每5分钟"): a window, from the first to the second
    (
        r"\bat ([0-9]{1,2}(?::[0-9]{2})?(?: [ap]m| o'clock)?)\s*(?:到|至)\s*at (?=[0-9])",
        r" from \1 to ",
    ),
    _HOURS_RANGE,
    # every day / morning / evening
    (r"週次|每周一次|每週一次", " weekly "),
    # "设置一个一周购物提醒" (a weekly shopping reminder): the week the reminder's, not a length
    # ("一周后提醒我" is in a week: read above)
    (r"一[周週](?![后後内內以之])(?=[\u4e00-\u9fff]{0,6}提醒)", " weekly "),
    (r"每晚", " every evening "),
    (r"每天|每日|毎日", " every day "),
    (r"每个?小时|每小時|毎時間|毎時", " every hour "),
    (r"每分钟|每分鐘|毎分", " every minute "),
    (r"每个?(?:星期|礼拜|周|週)|毎週", " every week "),
    (r"每个?月|毎月", " every month "),
    (r"每年|毎年", " every year "),
    # days
    (r"明天|明日", " tomorrow "),
    (r"后天|後天|明後日|あさって", " the day after tomorrow "),
    (r"今天|今日", " today "),
    (r"中午|正午", " at noon "),
    (r"午夜|半夜(?:12|十二)[点點]|深夜0時|午前0時", " at midnight "),
    (r"早上|上午|早晨|(?<=every day )朝", " in the morning "),
    (r"晚上|傍晚|(?<=every day )[晩夜]", " in the evening "),
    (r"下午", " in the afternoon "),
    (r"提醒我|叫我|提醒一下我", " remind me "),
    # the past, an undoing, a question: said so that the grammar's cues find them
    # what the task is about: "总结昨天的 issues", "合并上周 EDAT 记录", "昨日の走行データ"
    (r"(?:昨天|昨日)(?:的|の)", " yesterday's "),
    # "汇总昨日新闻" (yesterday's news): a noun right after it, no time of that day
    (
        r"(?:昨天|昨日)(?=[\u4e00-\u9fff])(?!早|上午|中午|下午|晚|夜|凌晨|[一二三四五六七八九十两零]+[点點時时])",
        " yesterday's ",
    ),
    # "生成本周工作报告" (this week's report): what the task is about
    (
        r"(?:本周|本週|这周|這週|今週)(?:的|の)?(?=\s*[A-Za-z\u4e00-\u9fff])(?![一二三四五六日天末])",
        " this week's ",
    ),
    (
        r"(?:上周|上週|先週)(?:的|の)?(?=\s*[A-Za-z\u4e00-\u9fff])(?![一二三四五六日天末])",
        " last week's ",
    ),
    (r"昨天|昨日|前天|一昨日", " yesterday "),
    (r"取消|删除|刪除|关掉|關掉|キャンセル|削除", " cancel "),
    (r"不要|别|別|しないで", " don't "),
    (r"几点|幾點|什么时候|什麼時候|何時|いつ", " when "),
    (r"闹钟|鬧鐘|アラーム", " alarm "),
    (r"提醒事项|リマインダー", " reminder "),
    # a zone said before its time ("北京时间 08:00（UTC 00:00）", "UTC 0:00（日本時間 9:00）"), said
    # after it as English says it: a time said again in another zone is then one time
    (
        r"(?:北京时间|北京時間|中国时间)\s*(?:的|の)?\s*([0-9]{1,2}:[0-9]{2}(?: [ap]m)?)(?![0-9])",
        r" \1 Shanghai time ",
    ),
    (r"日本時間\s*(?:の)?\s*([0-9]{1,2}:[0-9]{2}(?: [ap]m)?)(?![0-9])", r" \1 Tokyo time "),
    (r"\b(UTC|GMT|JST)\s*(?:の\s*)?([0-9]{1,2}:[0-9]{2})(?![0-9])", r" \2 \1 "),
    (r"北京时间|北京時間|中国时间", " Shanghai time "),
    (r"日本時間", " Tokyo time "),
)
_COMPILED: Final = tuple((re.compile(pattern), english) for pattern, english in _RULES)
_KO_COMPILED: Final = tuple((re.compile(pattern), english) for pattern, english in _KO_RULES)

# Chinese, Japanese and Korean characters (a cheap test before any pattern: most texts have none)
_SCRIPT: Final = re.compile("[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3]")
_HANGUL: Final = re.compile("[\uac00-\ud7a3]")
_HAN_KANA: Final = re.compile("[\u3040-\u30ff\u4e00-\u9fff]")
# Korean words about time left after the rules: the schedule was not read whole
_KO_LEFT: Final = re.compile(
    r"\d\s*시(?!간)|\d\s*분|요일|매일|매주|매월|매달|오전|오후|새벽|내일|모레|마다|평일|주말|"
    r"(?:분|시간|초)\s*(?:후|뒤)|다음\s*주|이번\s*주|다음\s*달|한국\s*시간|[0-9]+\s*일\b"
)
# A word about time left after the rules: the schedule was not read whole.
LEFT_TIME: Final = re.compile(
    "曜|毎|每|星期|礼拜|禮拜|周[一二三四五六日末]|週[一二三四五六日末]|午前|午後|早上|晚上|下午|"
    "上午|凌晨|中午|[0-9０-９一二三四五六七八九十][点點時]|分钟|分鐘|小时|小時|分後|時間後|秒後|"
    "明天|明日|今天|今日|后天|後天|下周|下週|来週|上周|本周|这周|這周|今週|再来週|月底|月初|"
    "号|號|[0-9０-９一二三四五六七八九十]日|月末|月初|来月|下个?月|上个?月|年末|年初"
)


# What the rules read (a cue to try them): LEFT_TIME's words and those that go with no number
_CUES: Final = re.compile(
    f"{LEFT_TIME.pattern}|平日|工作日|周末|週末|土日|计时|計時|倒数|倒數|タイマー|後|后|"
    "今晚|今夜|今晩|ごと|おき|中午|正午|一[周週](?![后後内內以之])[\u4e00-\u9fff]{0,6}提醒|[0-9０-９]{1,2}/[0-9０-９]{1,2}\\s*[の（(]|[0-9０-９一二三四五六七八九十]\\s*分|(?:时间|時間)(?:修改|更改|改)?(?:为|為|成)|"
    f"{_KO_LEFT.pattern}|타이머|알람|어제|그제|오늘|저녁|아침|[0-9]\\s*(?:분|시간|초)|"
    "[월화수목금토일]\\s*[~～-]\\s*[월화수목금토일]"
)


_TITLE: Final = re.compile("「([^「」]{1,80})」|『([^『』]{1,80})』")
_TITLE_MARK: Final = 0xE020  # a title set aside: one private-use character each


def is_korean(text: str) -> bool:
    """Whether `text` is written in Hangul (and no Chinese or Japanese characters)."""
    return _HANGUL.search(text) is not None and _HAN_KANA.search(text) is None


# A job's run reported, not asked for: "设定了报时任务，23:00报完后，第二天就不报了" (it stopped
# the next day), "定时时间未生效，还是默认18:00触发" (not applied), "为啥8点20的时候没有执行"
# (why did it not run), "已经解决" (solved): the times in it are what happened.
_REPORTED: Final = re.compile(
    "未生效|不生效|没生效|不会生效|不會生效|没有?(?:执行|触发|运行|提醒|生效)|不(?:执行|触发|运行|在执行|报了)|不再|"
    "只显示|不能按时|为啥|为什么|為什麼|怎么回事|已经?解决|已經?解決|失效|"
    "実行されない|動かない|なぜ|どうして|"
    # a status line's label: "当前时间：…" (the time now), "下次执行时间：…" (the next run, as a
    # job's page shows it), "上次运行时间"
    "(?:当前|现在|現在)时间\\s*[：:]|(?:下次|上次|下一次|上一次)(?:执行|運行|运行|触发|觸發)时间"
)


# The same in Korean: "왜" (why), "안 와요" (does not come), "실행되지 않습니다" (does not run),
# "오류" (error), and the past ("실행됐는데", "있었어요"): what happened, not what to set
# (the past: a syllable closed by ㅆ — 었, 았, 했, 됐, 렸… — before an ending; not 있, "there is")
_KO_PAST: Final = "".join(
    chr(0xAC00 + syllable * 28 + 20) for syllable in range(19 * 21) if syllable not in (251, 5)
)  # 251: 있 (there is); 5: 겠 (will, the future)
_KO_REPORTED: Final = re.compile(
    r"왜|안\s*(?:와|돼|됨|되|울|옴|나와)|않(?:습니다|아요|아|음|는|고|았)|오류|에러|버그|실패|멈춤|"
    rf"[{_KO_PAST}](?:어|습니다|다|는데|던|지만|고)"
)


def reported(text: str) -> str | None:
    """The words of a Chinese, Japanese or Korean text that report what a job did ("未生效":
    not applied, "没有执行": did not run, "실행되지 않습니다": does not run), or None."""
    if text.isascii():
        return None
    if _HAN_KANA.search(text) is not None:
        match = _REPORTED.search(text)
    elif _HANGUL.search(text) is not None:
        match = _KO_REPORTED.search(text)
    else:
        return None
    return None if match is None else match.group()


# A notice of a day something is closed or cannot be used: "※3/20は…体育館が使用できませんので
# ご注意ください" (the gym cannot be used on 3/20, please note), "本日休館", "周一闭馆", "暂停开放":
# the date in it is when something is not, not a run asked for.
_NOTICE: Final = re.compile(
    "(?:使用|利用|ご利用|入館|入场|入場)(?:でき|いただけ)ません|ご注意ください|休館|閉館|休業|"
    "闭馆|閉館|休馆|暂停(?:开放|使用|营业|服务)|暫停(?:開放|使用|營業|服務)|不(?:对外)?开放|不(?:對外)?開放"
)


def notice(text: str) -> str | None:
    """The words of a Chinese or Japanese text that make it a notice of a day something is
    closed or cannot be used ("使用できません", "ご注意ください", "休館", "闭馆"), or None."""
    if text.isascii() or _HAN_KANA.search(text) is None:
        return None
    match = _NOTICE.search(text)
    return None if match is None else match.group()


def has_schedule_words(text: str) -> bool:
    """Whether `text` holds Chinese or Japanese words about time (cheap for other texts)."""
    return not text.isascii() and _SCRIPT.search(text) is not None and bool(_CUES.search(text))


def to_english(text: str) -> str | None:
    """`text` with its Chinese and Japanese schedule words in English, or None when a word
    about time is left that the rules do not read."""
    # a title in corner brackets (「火曜日の夜にヨガ」) is named, not read: set aside, and put
    # back in quotes, as the grammar reads a title in quotes
    titles: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        titles.append(match.group(1) or match.group(2))
        return chr(_TITLE_MARK + len(titles) - 1)

    english = text
    if ("「" in text or "『" in text) and _CUES.search(_TITLE.sub(" ", text)):
        english = _TITLE.sub(set_aside, text)  # only when the schedule is said outside it
    korean = is_korean(text)
    for pattern, replacement in _KO_COMPILED if korean else _COMPILED:
        english = pattern.sub(replacement, english)
    if (_KO_LEFT if korean else LEFT_TIME).search(english):
        return None
    for number_, title in enumerate(titles):
        english = english.replace(chr(_TITLE_MARK + number_), f' "{title}" ')
    return " ".join(english.split())
