"""Line-aware sentence starts: headlines, datelines and paragraphs are not run into the next sentence.

A blank line always ends a sentence; a single line break does too unless the
line before it is long and has no closing punctuation (hard-wrapped prose).
Runs before the parser, which respects preset sentence starts.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

from ingest.spans import text_of

WRAP_WIDTH = 60  # a line at least this long without final punctuation is taken as wrapped prose
_FINAL = (".", "!", "?", ":", '"', "”", "’", "'")


_BREAK = re.compile("\n")
_DASHES = {"-", "–", "—", "--"}
_DATELINE_MAX = 8  # tokens: "BAGHDAD, Jan 3 -"


def _dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the dash ending a wire dateline ("BAGHDAD, Jan 3 -") that starts at `start`."""
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) >= 3):
        return None
    for i in range(start + 1, min(start + _DATELINE_MAX, len(doc) - 1)):
        tok = doc[i]
        if tok.text in _DASHES:
            return i
        if not (tok.is_upper or tok.is_punct or tok.like_num or tok.is_title):
            return None
    return None


def _with_breaks(doc: Doc) -> list[int]:
    """Indices of the tokens whose text with its trailing whitespace holds a line break, found from the
    text's line breaks (a token covers the characters from its start to the next token's start)."""
    breaks = [m.start() for m in _BREAK.finditer(text_of(doc))]
    if not breaks or not len(doc):
        return []
    starts = doc.to_array([IDX])  # one attribute: a 1-D array
    return sorted(set((numpy.searchsorted(starts, breaks, side="right") - 1).tolist()))


def _mark_datelines(doc: Doc, broken: list[int]) -> None:
    """A dateline is its own sentence, so that "BAGHDAD" is not parsed as the subject."""
    for i in [0, *(b + 1 for b in broken if b + 1 < len(doc))]:
        end = _dateline_end(doc, i)
        if end is not None and end + 1 < len(doc):
            doc[end + 1].is_sent_start = True


def mark_line_starts(doc: Doc) -> Doc:
    """Set `is_sent_start` after each line break that ends a sentence and after wire datelines."""
    if not len(doc):
        return doc
    broken = _with_breaks(doc)
    _mark_datelines(doc, broken)
    text = text_of(doc)
    for i in broken:
        if i >= len(doc) - 1:
            continue
        token, nxt = doc[i], doc[i + 1]
        if token.is_space and nxt.is_space:
            continue
        line_end = token.idx + (len(token.text) if not token.is_space else 0)
        line_start = text.rfind("\n", 0, max(line_end - 1, 0)) + 1
        line = text[line_start:line_end].strip()
        blank = token.text_with_ws.count("\n") >= 2 or (token.is_space and token.text.count("\n") >= 2)
        if blank or len(line) < WRAP_WIDTH or line.endswith(_FINAL):
            target = nxt if not nxt.is_space else doc[min(nxt.i + 1, len(doc) - 1)]
            target.is_sent_start = True
    return doc


@Language.factory("actorgraph_lines_v1")
def make_line_starts(nlp: Language, name: str) -> object:
    """Factory: sentence starts at line breaks, before the parser."""
    return mark_line_starts
