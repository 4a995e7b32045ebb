"""A wheel holds every package and the files the service serves: the packages pyproject lists
are every directory with an ``__init__.py``, and /docs' vendored files are package data."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = set()
    for name, folder in config["package-dir"].items():
        base = ROOT / folder
        for init in base.rglob("__init__.py"):
            if ".venv" in init.parts or "__pycache__" in init.parts:
                continue
            relative = init.parent.relative_to(base).parts
            found.add(".".join((name, *relative)))
    assert found - listed == set(), "packages a wheel would leave out"


def test_the_docs_assets_are_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "swagger-ui/*" in config["package-data"]["agentcron.app.api"]
    assert (ROOT / "app/api/swagger-ui/swagger-ui-bundle.js").is_file()
