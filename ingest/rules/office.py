"""HOLDS_OFFICE: "Prime Minister X", "former prime minister Y", "Y, President of Z".

The office belongs to the country named in the title ("Iraqi", "Iraq's", "of
Iraq"); for a head of state or government with no country named, to the
article's main country. `status` is "former" after former/ex-/then/late or for
a term that ended ("from 2014 to 2018").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from graph.model import Predicate
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, make, rule

_YEAR = re.compile(r"^(19|20)\d\d$")


def main_country(doc: Doc) -> Span | None:
    """The most mentioned country of the doc (ties: the first mentioned)."""
    countries = [e for e in doc.ents if e.label_ == "Country"]
    if not countries:
        return None
    keys = Counter(e.kb_id_ or e.text for e in countries)
    best = max(keys.values())
    return next(e for e in countries if keys[e.kb_id_ or e.text] == best)


def _country_near(ctx: Context, tokens: list[Token]) -> Span | None:
    """A country named inside a title phrase: a mention, a possessive or a demonym."""
    for tok in tokens:
        span = ctx.country_span(tok)
        if span is not None:
            return span
    return None


def _titled(title: str) -> str:
    return " ".join(w if w in {"of", "in"} else w.capitalize() for w in title.split())


def _status(words: list[Token], published_year: int | None) -> str:
    if any(t.lower_ in lexicon().former_words for t in words):
        return "former"
    years = [int(t.text) for t in words if _YEAR.match(t.text)]
    if len(years) >= 2 and published_year and max(years) < published_year:
        return "former"
    return "current"


def _office(ctx: Context, person: Span, title: str, context: list[Token], cue: Token,
            confidence: float) -> Found | None:
    country = _country_near(ctx, context)
    if country is None and title in lexicon().head_titles:
        country = main_country(ctx.doc)
        confidence -= 0.1
    if country is None:
        return None
    year = ctx.doc.user_data.get("published_year")  # set by extract
    return make(person, Predicate.HOLDS_OFFICE, country, cue, confidence, "office",
                title=_titled(title), status=_status(context, year))


@rule("office.title_before_name")
def title_before_name(ctx: Context) -> Iterator[Found]:
    """"(former) (Iraqi) Prime Minister Mustafa al-Kadhimi"."""
    doc = ctx.doc
    for person in doc.ents:
        if person.label_ != "Person":
            continue
        for title in lexicon().state_titles:
            start = person.start - len(title)
            if start < 0 or tuple(t.lower_ for t in doc[start:person.start]) != title:
                continue
            before = [t for t in doc[max(start - 3, 0):start] if t.sent == person.sent]
            found = _office(ctx, person, " ".join(title), before, person.root, 0.9)
            if found is not None:
                yield found
            break


def _longest_title(doc: Doc, noun: Token) -> tuple[str, ...] | None:
    for title in lexicon().state_titles:
        start = noun.i - len(title) + 1
        if start >= 0 and tuple(t.lower_ for t in doc[start:noun.i + 1]) == title:
            return title
    return None


@rule("office.appos")
def appos_title(ctx: Context) -> Iterator[Found]:
    """"Haider al-Abadi, Prime Minister of Iraq from 2014 to 2018" and "X is/was the president of Y"."""
    last_words = {t[-1] for t in lexicon().state_titles}
    for noun in ctx.cues(*last_words):
        title = _longest_title(ctx.doc, noun)
        if title is None or noun.lower_ not in last_words:
            continue
        if noun.dep_ == "appos":
            people = ctx.group(noun.head)
        elif noun.dep_ == "attr" and noun.head.lemma_ == "be":
            people = ctx.group(ctx.subject_of(noun.head))
        else:
            continue
        start = noun.i - len(title) + 1
        context = [*ctx.doc[max(start - 2, 0):start], *noun.subtree]
        for person in people:
            if person.label_ == "Person":
                found = _office(ctx, person, " ".join(title), context, noun, 0.85)
                if found is not None:
                    yield found
