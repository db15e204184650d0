"""Infobox fields read off the raw text: a label at a line's start, its index, its value's characters.

Labels come from the lexicon (`infobox_labels`, `infobox_other_labels`); the value may follow a
colon, a table pipe, spaces or nothing at all (a glued "LeaderX"). Unlabelled short lines below a
label continue its list ("Allies: A" / "B" / "C") until a blank line or another label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.lexicon import lexicon


@dataclass(frozen=True)
class Field:
    """One labelled value of an infobox: the label, its column index ("Leader1"), the value's characters."""

    label: str
    index: int | None
    start: int
    end: int
    continued: bool = False  # a line below the label's own line ("Allies: A" / "B")


@lru_cache(maxsize=1)
def _line_pattern() -> re.Pattern[str]:
    """One regex for every known label at a line's start, with its index and separator."""
    lex = lexicon()
    labels = sorted({*lex.infobox_labels, *lex.infobox_other}, key=len, reverse=True)
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
            index = int(m.group("index")) if m.group("index") else None
            last = Field(m.group("label").lower(), index, start + m.start("value"), start + m.end("value"))
            fields.append(last)
        elif last is not None and len(body) < 80:
            lead = len(body) - len(body.lstrip(" \t-*•|"))
            fields.append(Field(last.label, last.index, start + lead, start + len(body.rstrip(" \t|")), True))
    return fields
