"""Natural-language schedules: text in, a Schedule (the API's JSON shape) out.

    result = await parse("every weekday at 9am Pacific", timezone="UTC", llm=LLMParser.from_env())
    result.schedule        # {"type": "cron", "expression": "0 9 * * 1-5", "timezone": ...}
    result.human_readable  # "At 09:00 AM, Monday through Friday, Pacific Time"

Stages run in order and the first confident answer wins: the grammar (`regex`), then
`recurrent` and `dateparser` (checked before they count), then the LLM when one is given.
`parse_fast` is the same without the LLM, synchronous. Nothing here does I/O except the
LLM stage, and nothing imports agentcron.app.
"""

from .command import split_command
from .humanize import describe
from .llm import LLMError, LLMParser, openai_complete
from .pipeline import parse, parse_fast
from .result import CONFIRM_BELOW, CommandParts, ParseResult

__all__ = [
    "CONFIRM_BELOW",
    "CommandParts",
    "LLMError",
    "LLMParser",
    "ParseResult",
    "describe",
    "openai_complete",
    "parse",
    "parse_fast",
    "split_command",
]
