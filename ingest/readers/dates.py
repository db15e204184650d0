"""Publication dates from the forms news sources write them in, to ISO `YYYY-MM-DD` or `YYYY-MM`.

Dates keep the calendar day as written at the source: "Mon, 08 Nov 2021 01:00:00 +0300"
is 2021-11-08 even though it is still the 7th in UTC, because that is the day the
publisher put on the article.
"""

from __future__ import annotations

import email.utils
from datetime import date, datetime

# Formats that name a day. `%B`/`%b` are read in the C locale (English month names).
_DAY_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%d %B, %Y",
    "%A, %B %d, %Y",
    "%A %d %B %Y",
)
# Formats that name only a month; kept as `YYYY-MM` rather than inventing a day.
_MONTH_FORMATS = ("%Y-%m", "%Y/%m", "%B %Y", "%b %Y")


def normalize_date(text: str) -> str | None:
    """ISO form of a date string, or None when it is not a date this reader understands."""
    text = " ".join(text.split())
    if not text:
        return None
    return _iso(text) or _with_formats(text) or _rfc822(text)


def _iso(text: str) -> str | None:
    """ISO 8601 dates and date-times ("2021-11-08", "2021-11-08T10:00:00Z")."""
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        return None


def _with_formats(text: str) -> str | None:
    """The common written forms: "November 8, 2021", "8 Nov 2021", "November 2021"."""
    for fmt in _DAY_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    for fmt in _MONTH_FORMATS:
        try:
            return datetime.strptime(text, fmt).strftime("%Y-%m")
        except ValueError:
            continue
    return None


def _rfc822(text: str) -> str | None:
    """RFC 822/2822 dates as RSS feeds and mail write them."""
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
