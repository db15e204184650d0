"""Who a role noun or a first-person word stands for: titled persons, the signing official, the issuer.

"the president" is the person introduced earlier as "President X" (or "X, the
president of Y"); "I" and "my" in a notice are the official in its signature
block ("Antony J. Blinken / Secretary of State"); "we" and "our" are the body
that issues it (the first state body that is a main-clause subject, else one
named in the header or dateline).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ingest.coref.data import CorefTable
from ingest.coref.salience import role_weight
from ingest.spans import text_of

_STOP = frozenset({",", ";", ":", "(", ")", ".", "and", "said", "told"})
_TAIL_LINES = 4  # a signature block: the last few short lines
_SHORT = 12


def _title_words(ent: Span) -> frozenset[str]:
    """Lower-cased words before a name ("Prime Minister X") and in its apposition ("X, the president")."""
    words: list[str] = []
    for token in reversed(ent.doc[max(ent.start - 4, 0):ent.start]):
        if token.lower_ in _STOP or token.ent_type_ == "Person":
            break
        words.append(token.lower_)
    for c in ent.root.children:
        if c.dep_ == "appos" and c.i > ent.end - 1:
            words += [t.lower_ for t in c.subtree][:8]
    return frozenset(words)


class TitleHolders:
    """Persons of a doc with the title words they were introduced with, in text order."""

    def __init__(self, doc: Doc, table: CorefTable) -> None:
        self.held = [(ent, words) for ent in doc.ents if ent.label_ == "Person"
                     for words in [_title_words(ent)] if words & table.person_titles]

    def holder(self, noun: Token) -> Span | None:
        """The latest person before `noun` who carries its title and every modifier ("prime")."""
        mods = {c.lower_ for c in noun.lefts if c.dep_ in {"amod", "compound"}}
        found = None
        for ent, words in self.held:
            if ent.start >= noun.i:
                break
            if noun.lower_ in words and mods <= words:
                found = ent
        return found


def signature_block(text: str) -> tuple[int, str]:
    """The trailing run of short lines (at most a few) and the offset where it starts."""
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            lines.append((pos, line))
        pos += len(line)
    block: list[tuple[int, str]] = []
    for start, line in reversed(lines[1:]):
        if len(line.split()) >= _SHORT or len(block) == _TAIL_LINES:
            break
        block.insert(0, (start, line))
    return (block[0][0], "".join(line for _, line in block)) if block else (len(text), "")


class Notice:
    """The official who signs a notice and the body that issues it, if the text names them."""

    def __init__(self, doc: Doc, table: CorefTable) -> None:
        self.issuer = self._issuer(doc)
        self.official = self._official(doc, table)

    @staticmethod
    def _issuer(doc: Doc) -> Span | None:
        bodies = [e for e in doc.ents if e.label_ == "StateBody"]
        subject = next((e for e in bodies if role_weight(e.root) >= 3.0), None)
        return subject or (bodies[0] if bodies and bodies[0].sent.start == 0 else None)

    @staticmethod
    def _official(doc: Doc, table: CorefTable) -> Span | None:
        start, block = signature_block(text_of(doc))
        if not any(title in block.lower() for title in table.signature_titles):
            return None
        return next((e for e in doc.ents if e.label_ == "Person" and e.start_char >= start), None)

    def first_person(self, token: Token, table: CorefTable) -> Span | None:
        """ "I"/"my": the official (or the one named beside: "I, X, Secretary of State"); "we": the issuer."""
        low = token.lower_
        if low in table.official:
            named = next((c for c in token.children if c.dep_ == "appos" and c.ent_type_ == "Person"), None)
            if named is not None:
                return next((e for e in token.doc.ents if e.start <= named.i < e.end), None)
            return self.official or self.issuer
        return self.issuer if low in table.issuer else None
