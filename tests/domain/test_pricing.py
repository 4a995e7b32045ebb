"""The price table: names matched as providers spell them, costs, and the operator's table."""

from __future__ import annotations

import pytest

from agentcron.app.domain.pricing import (
    DEFAULT_PRICES,
    Cost,
    Price,
    PriceTable,
    normalise_model,
    parse_prices,
)


@pytest.mark.parametrize(
    ("model", "family"),
    [
        ("gpt-4o-mini", "gpt-4o-mini"),
        ("gpt-4o-mini-2024-07-18", "gpt-4o-mini"),
        ("GPT-4o", "gpt-4o"),
        ("openai/gpt-4.1-mini", "gpt-4.1-mini"),
        ("claude-sonnet-4-20250514", "claude-sonnet-4"),
        ("claude-3-5-sonnet-latest", "claude-3-5-sonnet"),
        ("gemini-2.5-flash-preview", "gemini-2.5-flash"),
        ("o3-mini-2025-01-31", "o3-mini"),
    ],
)
def test_dated_and_prefixed_names_find_their_family(model: str, family: str) -> None:
    assert normalise_model(model) == family
    assert PriceTable().price(model) == DEFAULT_PRICES[family]


@pytest.mark.parametrize("model", ["llama3.1:8b", "qwen2.5", "test-model", "gpt-4o-mini-tts"])
def test_unknown_models_cost_nothing_and_are_unpriced(model: str) -> None:
    assert PriceTable().cost(model, prompt_tokens=1_000, completion_tokens=1_000) == Cost(
        0.0, priced=False
    )


def test_cost_counts_input_cached_input_and_output_at_their_prices() -> None:
    table = PriceTable({"m": Price(input=2.0, output=8.0, cached_input=0.5)})
    cost = table.cost("m", prompt_tokens=10_000, completion_tokens=1_000, cached_tokens=4_000)
    # 6,000 x $2 + 4,000 x $0.5 + 1,000 x $8, per million
    assert cost == Cost(0.022, priced=True)
    assert table.cost("m", prompt_tokens=0, completion_tokens=0) == Cost(0.0, priced=True)


def test_the_operators_table_adds_and_overrides() -> None:
    text = '{"llama3.1:8b": {"input": 0, "output": 0}, "gpt-4o": {"input": 1, "output": 2}}'
    table = PriceTable(parse_prices(text))
    assert table.cost("llama3.1:8b", prompt_tokens=5, completion_tokens=5) == Cost(0.0, True)
    assert table.price("gpt-4o") == Price(1.0, 2.0)
    assert table.price("gpt-4o-mini") == DEFAULT_PRICES["gpt-4o-mini"]  # the rest stays


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "AGENTCRON_MODEL_PRICES: not valid JSON"),
        ("[1]", "AGENTCRON_MODEL_PRICES: expected an object"),
        ('{"m": {"input": 1}}', "AGENTCRON_MODEL_PRICES: m: give input and output prices"),
        ('{"m": {"input": 1, "output": -2}}', "m: output must be a number of dollars, 0 or more"),
        ('{"m": {"input": 1, "output": "2"}}', "m: output must be a number of dollars"),
        ('{"m": {"input": 1, "output": 2, "per": 3}}', "m: unknown key(s) per"),
    ],
)
def test_a_bad_table_is_refused_naming_the_entry(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_prices(text)
    assert message in str(caught.value)
