"""No two people in one span: "Julius Malema Velenkosini Hlabisa" in a flattened table row is two names.

The small model runs adjacent names together where a table lost its cell borders.
A person span of four or more words is cut where one side is a person the knowledge
base knows ("Julius Malema" + "Velenkosini Hlabisa"); in a table row (a line with no
closing full stop that starts with a row label such as "Leader") a four-word span is
two two-word names.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ingest.kb import KnowledgeBase
from ingest.spans import text_of

_ROW_LABELS = frozenset({"leader", "leaders", "candidate", "candidates", "chairman", "president",
                         "founder", "founders", "commander", "commanders", "nominee"})
_MIN_WORDS = 4


def _known_person(kb: KnowledgeBase, text: str) -> bool:
    return any(a.type.value == "Person" for a in kb.lookup(text))


def _table_row(span: Span) -> bool:
    """Is the span on a line like "Leader A B C D" (a row label first, no closing full stop)?"""
    text = text_of(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    first = line.split(" ", 1)[0].lower()
    return first in _ROW_LABELS and not line.endswith((".", "!", "?"))


_JOINERS = frozenset({"-", "‑", "al", "el", "bin", "ibn", "bint", "abu", "abd", "ould", "ag", "van", "von",
                      "de", "da", "del", "di", "le", "la"})


def _between_names(before: Token, after: Token) -> bool:
    """A cut between these tokens leaves two names (no hyphen or particle dangling on either side)."""
    return before.lower_ not in _JOINERS and after.lower_ not in _JOINERS and after.text[:1].isupper()


def split_people(span: Span, kb: KnowledgeBase) -> list[Span]:
    """The person span, or the two names it runs together."""
    if span.label_ != "PERSON" or len(span) < _MIN_WORDS or span.kb_id_:
        return [span]
    doc = span.doc
    for cut in range(span.start + 2, span.end - 1):
        if not _between_names(doc[cut - 1], doc[cut]):
            continue  # "Mohammed al-Bashir": never inside "al-", a hyphen or a particle
        if _known_person(kb, doc[span.start:cut].text) or _known_person(kb, doc[cut:span.end].text):
            return [Span(doc, span.start, cut, label="PERSON"), Span(doc, cut, span.end, label="PERSON")]
    if len(span) == _MIN_WORDS and _table_row(span):
        mid = span.start + 2
        return [Span(doc, span.start, mid, label="PERSON"), Span(doc, mid, span.end, label="PERSON")]
    return [span]
