"""Line-aware sentence starts: headlines, datelines and paragraphs are not run into the next sentence.

A blank line always ends a sentence; a single line break does too unless the
line before it is long and has no closing punctuation (hard-wrapped prose).
Runs before the parser, which respects preset sentence starts.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

WRAP_WIDTH = 60  # a line at least this long without final punctuation is taken as wrapped prose
_FINAL = (".", "!", "?", ":", '"', "”", "’", "'")


def mark_line_starts(doc: Doc) -> Doc:
    """Set `is_sent_start` on the first token after each line break that ends a sentence."""
    text = doc.text
    for token in doc[:-1]:
        if "\n" not in token.text_with_ws:
            continue
        nxt = doc[token.i + 1]
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
