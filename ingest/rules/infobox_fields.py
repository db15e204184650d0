"""Infobox fields read off the raw text: a label at a line's start, its index, its value's characters.

Labels come from the lexicon (`infobox_labels`, `infobox_other_labels`) in all their written
forms (`ingest.infobox_labels`: "Leader(s)", "Ally", "Designated as terrorist organization by").
The value may follow a colon, a table pipe, spaces or nothing at all (a glued "LeaderX").
Unlabelled short lines below a label continue its list ("Allies: A" / "B" / "C") until a blank
line or another label; a sub-heading inside a list ("State allies:", "Non-state allies:") is kept
as an empty value, so the list goes on past it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.infobox_labels import label_forms


@dataclass(frozen=True)
class Field:
    """One labelled value of an infobox: the label, its column index ("Leader1"), the value's characters."""

    label: str
    index: int | None
    start: int
    end: int
    continued: bool = False  # a line below the label's own line ("Allies: A" / "B")
    glued_or_keyed: bool = False  # a colon, pipe or tab after the label, or a glued value ("AlliesA")


_SUBHEADING = re.compile(r"^[A-Z][\w'’ -]{0,40}:$")


@lru_cache(maxsize=1)
def _line_pattern() -> re.Pattern[str]:
    """One regex for every known label at a line's start, with its index and separator."""
    labels = sorted(label_forms(), key=len, reverse=True)
    alternatives = "|".join(re.escape(label) for label in labels)
    glued = r"(?=[A-Z0-9\u00c0-\u024f])|$"
    return re.compile(rf"^[ \t\-|*•]*(?i:(?P<label>{alternatives}))(?P<index>\d*)"
                      rf"(?P<sep>[ \t]*[:|][ \t]*|[ \t]+|{glued})(?P<value>.*?)[ \t|]*$")


def read_fields(text: str) -> list[Field]:
    """The labelled values of a text, with the unlabelled lines listed below a label."""
    fields: list[Field] = []
    last: Field | None = None
    pos = 0
    pattern = _line_pattern()
    for line in text.splitlines(keepends=True):
        start, body = pos, line.rstrip("\r\n")
        pos += len(line)
        if not body.strip():
            last = None
            continue
        m = pattern.match(body)
        if m is not None:
            last = _labelled(m, start)
            fields.append(last)
        elif last is not None and len(body) < 80:
            fields.append(_continued(last, body, start))
    return fields


def _labelled(m: re.Match[str], start: int) -> Field:
    """The field of a label's own line (an empty value when it is a sub-heading: "AlliesState allies:")."""
    index = int(m.group("index")) if m.group("index") else None
    label = label_forms()[m.group("label").lower()]
    begin, end = start + m.start("value"), start + m.end("value")
    sep = m.group("sep")
    keyed = bool(sep.strip()) or "\t" in sep or not sep  # a tab: a pasted table's cell, never prose
    return Field(label, index, begin, begin if _SUBHEADING.match(m.group("value")) else end, False, keyed)


def _continued(last: Field, body: str, start: int) -> Field:
    """An unlabelled line below a label: one more value of its list, or an empty sub-heading."""
    lead = len(body) - len(body.lstrip(" \t-*•|"))
    end = start + len(body.rstrip(" \t|"))
    if _SUBHEADING.match(body[lead:].rstrip(" \t|")):
        end = start + lead
    return Field(last.label, last.index, start + lead, end, True)
