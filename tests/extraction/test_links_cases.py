"""Alliances, backing, opposition, parts and places: the rows of links_cases/*.yaml (see cases.py)."""

from pathlib import Path
from typing import Any

import pytest

from tests.extraction.cases import load_tables

pytestmark = pytest.mark.model


@pytest.mark.parametrize("case", load_tables(Path(__file__).parent / "links_cases"))
def test_links_case(run: Any, case: Any) -> None:
    case.check(run)
