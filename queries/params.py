"""Checking and normalising query parameters once, for the API, the CLI and notebooks alike.

Every query receives plain JSON values (str, int, list, None) so the same dict
can be passed to Cypher as `$parameters` and to the embedded twin.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from graph.errors import InvalidArgument, LimitExceeded

E = TypeVar("E", bound=StrEnum)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def text(raw: Mapping[str, Any], name: str, *, required: bool = True) -> str | None:
    """A non-empty string parameter."""
    value = raw.get(name)
    if value is None or value == "":
        if required:
            raise InvalidArgument(f"parameter '{name}' is required")
        return None
    if not isinstance(value, str):
        raise InvalidArgument(f"parameter '{name}' must be a string")
    return value


def integer(raw: Mapping[str, Any], name: str, default: int, low: int, high: int) -> int:
    """An integer within [low, high]; above `high` is a limit, below `low` a bad value."""
    value = raw.get(name, default)
    if value is None:
        return default
    if isinstance(value, bool):
        raise InvalidArgument(f"parameter '{name}' must be an integer")
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise InvalidArgument(f"parameter '{name}' must be an integer") from None
    if number > high:
        raise LimitExceeded(f"parameter '{name}' is {number}; the limit is {high}")
    if number < low:
        raise InvalidArgument(f"parameter '{name}' must be at least {low}")
    return number


def flag(raw: Mapping[str, Any], name: str, default: bool = False) -> bool:
    """A boolean given as a bool or as true/false, 1/0, yes/no."""
    value = raw.get(name, default)
    if isinstance(value, bool):
        return value
    lowered = str(value).strip().lower()
    if lowered in {"true", "1", "yes"}:
        return True
    if lowered in {"false", "0", "no", ""}:
        return False
    raise InvalidArgument(f"parameter '{name}' must be true or false")


def date(raw: Mapping[str, Any], name: str) -> str | None:
    """An ISO date prefix (YYYY, YYYY-MM or YYYY-MM-DD) of a real calendar day, compared as a
    string like stored dates."""
    value = text(raw, name, required=False)
    if value is not None and not is_calendar_date(value):
        raise InvalidArgument(f"parameter '{name}' must be a real ISO date (YYYY, YYYY-MM or "
                              f"YYYY-MM-DD, year 1000 or later), got {value!r}")
    return value


def is_calendar_date(value: str) -> bool:
    """Whether `value` is YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day."""
    if not _DATE.match(value) or value.startswith("0"):
        return False
    padded = value + "-01-01"[len(value) - 4:] if len(value) < 10 else value
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        return False
    return True


def fraction(raw: Mapping[str, Any], name: str) -> float | None:
    """An optional number within 0..1 (a confidence threshold)."""
    value = raw.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise InvalidArgument(f"parameter '{name}' must be a number within 0..1")
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise InvalidArgument(f"parameter '{name}' must be a number within 0..1") from None
    if math.isnan(number) or not 0.0 <= number <= 1.0:
        raise InvalidArgument(f"parameter '{name}' must be within 0..1, got {value!r}")
    return number


def strings(raw: Mapping[str, Any], name: str) -> list[str] | None:
    """A list given as a list or comma-separated; None when absent, empty items dropped."""
    value = raw.get(name)
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    if not all(isinstance(item, str) for item in items):
        raise InvalidArgument(f"parameter '{name}' must be a list of strings")
    return [s for item in items for s in item.split(",") if s.strip()]


def members(raw: Mapping[str, Any], name: str, enum: type[E]) -> list[str] | None:
    """A list of vocabulary values (predicates, types), sorted and deduplicated."""
    items = strings(raw, name)
    if items is None:
        return None
    allowed = {member.value for member in enum}
    unknown = sorted(set(items) - allowed)
    if unknown:
        raise InvalidArgument(f"parameter '{name}' has unknown values {unknown}; allowed: {sorted(allowed)}")
    return sorted(set(items))


def member(raw: Mapping[str, Any], name: str, enum: type[E]) -> str | None:
    """One optional vocabulary value."""
    value = text(raw, name, required=False)
    if value is not None and value not in {m.value for m in enum}:
        raise InvalidArgument(f"parameter '{name}' must be one of {sorted(m.value for m in enum)}")
    return value


def window(raw: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """The date window `since`..`until`, checked for order."""
    since, until = date(raw, "since"), date(raw, "until")
    if since is not None and until is not None and since > until:
        raise InvalidArgument(f"'since' ({since}) is after 'until' ({until})")
    return since, until
