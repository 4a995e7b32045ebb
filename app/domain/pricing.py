"""What tokens cost: a price table per model, and the cost of a turn's usage.

Prices are US dollars per million tokens, as providers publish them. The defaults cover
well-known hosted models (list prices as of ``PRICES_AS_OF``; check them against your
provider's invoice). ``AGENTCRON_MODEL_PRICES`` adds or overrides entries — a JSON object
``{"model": {"input": 0.15, "output": 0.60, "cached_input": 0.075}}``, or ``@/path/to.json``
(the file is read by ``app.config``).
A model the table does not know costs nothing and is marked *unpriced*, so spend reports
say so instead of a misleading $0.00. A local model can be priced at 0 to say it is free.

Model names are matched after dropping a provider prefix (``openai/gpt-4o``), a date or
``-latest`` suffix (``gpt-4o-mini-2024-07-18``), so dated snapshots find their family.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

PRICES_AS_OF = "2026-03"


@dataclass(frozen=True)
class Price:
    """USD per million tokens."""

    input: float
    output: float
    #: prompt tokens the provider served from its cache (None: charged as input)
    cached_input: float | None = None

    def per_output_token(self) -> float:
        return self.output / 1_000_000


@dataclass(frozen=True)
class Cost:
    usd: float
    #: False when the model is not in the price table (``usd`` is then 0)
    priced: bool


DEFAULT_PRICES: dict[str, Price] = {
    # OpenAI
    "gpt-5.4": Price(2.50, 15.00, 0.25),
    "gpt-5.2": Price(1.75, 14.00, 0.175),
    "gpt-5.1": Price(1.25, 10.00, 0.125),
    "gpt-5": Price(1.25, 10.00, 0.125),
    "gpt-5-mini": Price(0.25, 2.00, 0.025),
    "gpt-5-nano": Price(0.05, 0.40, 0.005),
    "gpt-4.1": Price(2.00, 8.00, 0.50),
    "gpt-4.1-mini": Price(0.40, 1.60, 0.10),
    "gpt-4.1-nano": Price(0.10, 0.40, 0.025),
    "gpt-4o": Price(2.50, 10.00, 1.25),
    "gpt-4o-mini": Price(0.15, 0.60, 0.075),
    "gpt-4-turbo": Price(10.00, 30.00),
    "gpt-3.5-turbo": Price(0.50, 1.50),
    "o1": Price(15.00, 60.00, 7.50),
    "o3": Price(2.00, 8.00, 0.50),
    "o3-mini": Price(1.10, 4.40, 0.55),
    "o4-mini": Price(1.10, 4.40, 0.275),
    # Anthropic (through an OpenAI-compatible gateway)
    "claude-opus-4": Price(15.00, 75.00, 1.50),
    "claude-opus-4-1": Price(15.00, 75.00, 1.50),
    "claude-sonnet-4-5": Price(3.00, 15.00, 0.30),
    "claude-sonnet-4": Price(3.00, 15.00, 0.30),
    "claude-3-5-sonnet": Price(3.00, 15.00, 0.30),
    "claude-haiku-4-5": Price(1.00, 5.00, 0.10),
    "claude-3-5-haiku": Price(0.80, 4.00, 0.08),
    # Google (OpenAI-compatible endpoint)
    "gemini-2.5-pro": Price(1.25, 10.00, 0.31),
    "gemini-2.5-flash": Price(0.30, 2.50, 0.075),
    "gemini-2.0-flash": Price(0.10, 0.40, 0.025),
}

# "-2024-07-18", "-20250514", "-0125", "-latest", "-preview" at the end of a model name
_SUFFIX = re.compile(r"(-\d{4}-\d{2}-\d{2}|-\d{8}|-\d{4}|-latest|-preview)$")


def normalise_model(model: str) -> str:
    name = model.strip().lower().rsplit("/", 1)[-1]
    while True:
        shorter = _SUFFIX.sub("", name)
        if shorter == name:
            return name
        name = shorter


class PriceTable:
    """Prices by model name; see the module docstring for how names are matched."""

    def __init__(self, prices: Mapping[str, Price] | None = None) -> None:
        self.prices = {normalise_model(k): v for k, v in (prices or DEFAULT_PRICES).items()}

    def price(self, model: str) -> Price | None:
        exact = self.prices.get(model.strip().lower())
        return exact if exact is not None else self.prices.get(normalise_model(model))

    def cost(
        self, model: str, *, prompt_tokens: int, completion_tokens: int, cached_tokens: int = 0
    ) -> Cost:
        price = self.price(model)
        if price is None:
            return Cost(0.0, priced=False)
        cached = min(max(cached_tokens, 0), prompt_tokens)
        cached_rate = price.input if price.cached_input is None else price.cached_input
        usd = (
            (prompt_tokens - cached) * price.input
            + cached * cached_rate
            + completion_tokens * price.output
        ) / 1_000_000
        return Cost(round(usd, 8), priced=True)

    def tokens_for(self, model: str, usd: float) -> int | None:
        """How many output tokens ``usd`` buys (the dearer kind), or None when unpriced or free."""
        price = self.price(model)
        if price is None or price.output <= 0:
            return None
        return max(0, math.floor(usd / price.per_output_token()))


def parse_prices(
    text: str,
    *,
    base: Mapping[str, Price] | None = None,
    source: str = "AGENTCRON_MODEL_PRICES",
) -> dict[str, Price]:
    """The operator's prices (JSON text, from ``source``) merged over ``base`` (the
    defaults). ValueError naming the entry that is wrong."""
    try:
        raw: Any = json.loads(text)
    except ValueError as error:
        raise ValueError(f"{source}: not valid JSON ({error})") from None
    if not isinstance(raw, dict):
        raise ValueError(
            f'{source}: expected an object such as {{"my-model": {{"input": 0.5, "output": 1.5}}}}'
        )
    prices = dict(DEFAULT_PRICES if base is None else base)
    for model, entry in raw.items():
        prices[str(model)] = _price(entry, f"{source}: {model}")
    return prices


def _price(entry: Any, where: str) -> Price:
    if not isinstance(entry, dict) or not {"input", "output"} <= entry.keys():
        raise ValueError(f"{where}: give input and output prices in USD per million tokens")
    unknown = set(entry) - {"input", "output", "cached_input"}
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    values: dict[str, float] = {}
    for key, value in entry.items():
        if value is None and key == "cached_input":
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 1e6:
            raise ValueError(f"{where}: {key} must be a number of dollars, 0 or more")
        values[key] = float(value)
    return Price(values["input"], values["output"], values.get("cached_input"))
