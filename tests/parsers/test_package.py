"""The package stays light and points one way."""

from __future__ import annotations

import subprocess
import sys


def test_importing_parsers_loads_no_slow_or_forbidden_module() -> None:
    code = (
        "import sys, agentcron.parsers\n"
        "bad = [m for m in ('dateparser', 'recurrent', 'openai', 'agentcron.app')"
        " if m in sys.modules]\n"
        "print(bad)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_the_prompt_and_schema_ship_with_the_package() -> None:
    from agentcron.parsers.llm import load_prompt

    prompt, schema = load_prompt()
    assert "$now" in prompt and "$timezone" in prompt
    assert schema["required"] == sorted(schema["properties"], key=schema["required"].index)
    assert set(schema["required"]) == set(schema["properties"])  # strict mode needs all
