"""Zone names people type."""

from __future__ import annotations

import pytest

from agentcron.parsers.zones import (
    UnknownZoneError,
    friendly_name,
    lookup_offset,
    lookup_place,
    lookup_word,
    resolve_zone,
)


def test_iana_names_in_any_case() -> None:
    assert resolve_zone("America/New_York") == "America/New_York"
    assert resolve_zone("america/new_york") == "America/New_York"
    assert resolve_zone("utc") == "UTC"


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "../../etc/passwd", "America"])
def test_unknown_names_raise(name: str) -> None:
    with pytest.raises(UnknownZoneError):
        resolve_zone(name)


def test_abbreviations_mean_the_wall_clock_not_a_fixed_offset() -> None:
    assert lookup_word("pst") == lookup_word("pdt") == "America/Los_Angeles"
    assert lookup_word("est") == "America/New_York"  # tzdata's "EST" is fixed UTC-5


def test_places() -> None:
    assert lookup_place("tokyo") == "Asia/Tokyo"
    assert lookup_place("new york") == "America/New_York"
    assert lookup_place("sf") == "America/Los_Angeles"
    assert lookup_place("atlantis") is None


def test_offsets_use_posix_signs() -> None:
    assert lookup_offset("+", 2) == "Etc/GMT-2"
    assert lookup_offset("-", 5) == "Etc/GMT+5"
    assert lookup_offset("+", 0) == "UTC"
    assert friendly_name("Etc/GMT-2") == "UTC+2"


def test_friendly_names() -> None:
    assert friendly_name("America/Los_Angeles") == "Pacific Time"
    assert friendly_name("America/Argentina/Buenos_Aires") == "Buenos Aires time"
