"""Natural-language schedules: text in, a Schedule (the API's JSON shape) out."""

from .humanize import describe
from .pipeline import parse, parse_fast
from .result import CommandParts, ParseResult

__all__ = ["CommandParts", "ParseResult", "describe", "parse", "parse_fast"]
