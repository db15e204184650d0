"""Capitalised names that are no actor: ideologies, laws, wars, languages, feasts and headline nouns.

The small model tags "Pan-Islamism", "the Civil War", "an Act of Congress", "Eid al-Fitr"
or a headline's "Shiite Militia" as names. A name is rejected by its head noun
(`non_actor_heads`: act, accords, war, doctrine, ...), by being one listed word
(`non_actor_words`: languages, feasts, compass points, "Wikipedia"), by an "-ism"
ending, by having no Latin letter (a foreign-script gloss), by filling a line in capitals
(a section heading: "BACKGROUND"), by being one adjective after "pro-" or "anti-" ("pro-European"),
or by being only
community words and group nouns ("Shiite Militia", "Sunni Tribes"). Only names the
knowledge base does not hold are judged here.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from ingest.entities.head_types import name_head
from ingest.entities.words import entity_words
from ingest.lexicon import Lexicon
from ingest.spans import text_of

_ISM = re.compile(r"(?:ism|isms)$")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_FILE = re.compile(r"\.(?:jpe?g|png|svg|gif|webp|pdf)\b", re.I)
_GENERIC_HEADS = frozenset({"militia", "militias", "tribes", "tribe", "groups", "group", "forces", "fighters",
                            "clerics", "leaders", "community", "communities", "factions", "parties"})


def _only_generic(span: Span, lex: Lexicon) -> bool:
    """ "Shiite Militia", "Sunni Tribes": a community word and a group noun, no name word."""
    words = [t.lower_ for t in span if t.lower_ != "the"]
    if len(words) < 2 or words[-1] not in _GENERIC_HEADS:
        return False
    return all(w in lex.communities or w in _GENERIC_HEADS for w in words)


def not_an_actor(span: Span, lex: Lexicon) -> bool:
    """Is this unknown name an idea, a law, a war, a language, a feast or a generic noun phrase?"""
    words = entity_words()
    text = span.text.lower().removeprefix("the ").strip()
    if text in words.non_actor_words or not _LATIN.search(span.text) or _FILE.search(span.text) \
            or "/" in span.text:  # "ASIA/MYANMAR": a dateline's section label
        return True
    if len(span) <= 3 and _ISM.search(span[-1].lower_):
        return True
    if _capital_heading(span) or _stance_word(span) or _capitalised_common_noun(span):
        return True
    if name_head(span).lower_ in words.non_actor_heads:
        return True
    return _only_generic(span, lex)


def _capitalised_common_noun(span: Span) -> bool:
    """ "Gunmen attacked ...", "Militants said ...": a plural common noun capitalised only because it opens
    the sentence."""
    return len(span) == 1 and span[0].is_sent_start and span[0].tag_ == "NNS"


def _stance_word(span: Span) -> bool:
    """ "pro-European", "anti-Western": one word after a stance prefix names a leaning, not an actor."""
    doc = span.doc
    if len(span) != 1 or span.start < 2 or doc[span.start - 1].text not in {"-", "–"}:
        return False
    stance = doc[span.start - 2].lower_ in {"pro", "anti", "non"}
    return stance and span[0].text.endswith(("an", "ern", "ist"))


def _capital_heading(span: Span) -> bool:
    """ "BACKGROUND", "DESIGNATION NOTICE": a line wholly in capitals that the name fills is a heading."""
    if not span.text.isupper():
        return False
    text = text_of(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start:end if end >= 0 else len(text)].strip()
    return line.strip(" :.-–—") == span.text
