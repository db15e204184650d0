"""Infobox lines: "Leader: X", "Allies A" (one a line below), glued "LeaderX", "| Chairman | X |".

One table of labels (lexicon `infobox_labels`) gives each label's predicate and direction; a
label of `infobox_other_labels`, a blank line or a line that names no actor ends a list. The
page's subject is the actor its title names, else the first group the text names (an infobox
follows its page's title). A value counts only when actors cover it: "Opponents Nigeria" is an
infobox line, "Leaders of the group met" is prose. Column tables of results pages are `tables`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from graph.model import Predicate
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, make, rule
from ingest.rules.infobox_fields import Field
from ingest.spans import text_of

_GROUPS = {"ArmedGroup", "PoliticalParty", "StateBody", "Organization"}
_FILLER = re.compile(r"\([^)]*\)?|\[[^\]]*\]?|\b(and|the|or|until|since|present|former)\b"
                     r"|[\d\s,;:|–—\-./*•]+", re.I)
_LATIN = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")
_TABLE_ROWS = {"leader", "party", "alliance"}  # in a results table these are columns (`tables`)
_ENDED = re.compile(r"\(\s*(?:c\.\s*)?\d{4}\s*[–—-]\s*\d{4}\s*\)")
_CURRENT = re.compile(r"\(\s*(?:since\s*)?\d{4}\s*[–—-]?\s*(?:present|now)?\s*\)", re.I)


def _spans_in(doc: Doc, start: int, end: int) -> list[Span]:
    return [e for e in doc.ents if start <= e.start_char and e.end_char <= end]


def _covered(doc: Doc, field: Field, spans: list[Span]) -> bool:
    """Actors and list punctuation make up the whole value: an infobox cell, not prose."""
    text = list(text_of(doc)[field.start:field.end])
    for span in spans:
        for i in range(span.start_char - field.start, span.end_char - field.start):
            text[i] = " "
    rest = _FILLER.sub(" ", "".join(text)).split()
    return not rest or (field.continued or field.glued_or_keyed) and _unknown_names(rest)


def _unknown_names(words: list[str]) -> bool:
    """Words left beside the actors of a keyed line are names we do not know ("EPRDF (1988–2019) CEFF")."""
    return len(words) <= 6 and all(w[:1].isupper() for w in words)


def page_subject(doc: Doc) -> Span | None:
    """The actor the page is about: the one its title names, else the first group standing alone on a line."""
    title = str(doc.user_data.get("subject") or doc.user_data.get("title") or "")
    groups = [e for e in doc.ents if e.label_ in _GROUPS]
    named = [e for e in groups if title and e.text in title]
    if named:
        return named[0]
    return next((e for e in groups if _alone_on_line(doc, e)), None)


def _alone_on_line(doc: Doc, span: Span) -> bool:
    """A title line: the name and nothing else but a foreign-script gloss or table pipes."""
    text = text_of(doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:end if end >= 0 else len(text)]
    rest = line[:span.start_char - start] + line[span.end_char - start:]
    return not _LATIN.search(rest)


def _status(doc: Doc, field: Field, span: Span) -> str | None:
    """ "Ramadan Shalah (1995–2018)" ended; "(2018–present)" holds; the years follow the name."""
    tail = text_of(doc)[span.end_char:field.end].split("\n")[0][:24]
    if _ENDED.match(tail.strip()):
        return "former"
    return "current" if _CURRENT.match(tail.strip()) else None


def _field_relations(ctx: Context, field: Field, subject: Span) -> Iterator[Found]:
    predicate, direction = lexicon().infobox_labels[field.label]
    pred = Predicate(predicate)
    for span in _spans_in(ctx.doc, field.start, field.end):
        if span == subject:
            continue
        attrs = {"status": _status(ctx.doc, field, span)} if pred is Predicate.LEADS else {}
        if field.label.startswith("founder"):
            attrs = {"role": "founder"}
        confidence = 0.6 if field.label.startswith("founder") else 0.8
        subj, obj = (span, subject) if direction == "in" else (subject, span)
        yield make(subj, pred, obj, ctx.doc[span.start], confidence, f"infobox.{field.label}", **attrs)


@rule("infobox.labels")
def labelled_lines(ctx: Context) -> Iterator[Found]:
    """Every relation an infobox label states about the page's subject."""
    fields = [f for f in ctx.infobox() if f.index is None and f.label in lexicon().infobox_labels]
    if any(f.label == "party" for f in ctx.infobox()):
        fields = [f for f in fields if f.label not in _TABLE_ROWS]
    subject = page_subject(ctx.doc) if fields else None
    if subject is None:
        return
    broken: set[str] = set()  # a label whose list ended at a line that named no actor
    for field in fields:
        if not field.continued:
            broken.discard(field.label)
        if field.start == field.end:  # a bare label or a sub-heading ("Non-state allies:"): the list goes on
            continue
        spans = _spans_in(ctx.doc, field.start, field.end)
        if field.label in broken or not spans or not _covered(ctx.doc, field, spans):
            broken.add(field.label)
            continue
        yield from _field_relations(ctx, field, subject)
