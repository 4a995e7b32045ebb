"""Natural-language schedules: text in, a Schedule (the API's JSON shape) out.

    result = await understand("remind me every weekday at 9am Pacific to check the build",
                              timezone="UTC", llm=LLMParser.from_env())
    result.schedule        # {"type": "cron", "expression": "0 9 * * 1-5", "timezone": ...}
    result.human_readable  # "At 09:00 AM, Monday through Friday, Pacific Time"
    result.task, result.target  # "check the build", "me"

`understand` (and `understand_fast`, without the LLM) is the one understanding every way
in uses: the API's parse-nl, the CLI, the Slack app and the dashboard. `understanding` is
`understand` as a generator that yields its question for the LLM: a caller may run its CPU
work off an event loop and await the model on it. `parse` and
`parse_fast` are the same functions under their older names.

Stages run in order and the first confident answer wins: the grammar (`regex`), then
`dateparser` for dates the grammar does not know (checked before it counts, and given short
texts only), then the LLM when one is given.
`parse_fast` is the same without the LLM, synchronous. Nothing here does I/O except the
LLM stage, and nothing imports agentcron.app.
"""

from .command import split_command
from .humanize import describe
from .llm import LLMError, LLMParser, openai_complete
from .result import CONFIRM_BELOW, CommandParts, ParseResult
from .understand import (
    LLMQuestion,
    Understanding,
    refused_on_failure,
    understand,
    understand_fast,
    understanding,
)

parse = understand
parse_fast = understand_fast

__all__ = [
    "CONFIRM_BELOW",
    "CommandParts",
    "LLMError",
    "LLMParser",
    "LLMQuestion",
    "ParseResult",
    "Understanding",
    "describe",
    "openai_complete",
    "parse",
    "parse_fast",
    "refused_on_failure",
    "split_command",
    "understand",
    "understand_fast",
    "understanding",
]
