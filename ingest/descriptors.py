"""What the text itself says an unknown name is: "X, a jihadist alliance", "X is an armed group".

The knowledge base types the actors it knows; for the others the small model's label
is often wrong ("Ansar Dine" a person, "Wagner Group" an organisation). An apposition
or copula right after the name, read over a few tokens, is a stronger cue than the
label: armed words on a group-like head make an armed group, a cue-word head
("party", "ministry", "agency") makes its cue type.

Only a short window after the name is read, so the cost per entity is constant.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from graph.model import EntityType
from ingest.lexicon import Lexicon

ARMED_WORDS = frozenset({
    "militant", "militants", "insurgent", "insurgents", "rebel", "rebels", "jihadist", "jihadi",
    "guerrilla", "guerilla", "armed", "terrorist", "terror", "mercenary", "paramilitary", "militia",
    "extremist", "separatist", "islamist",
})
GROUP_HEADS = frozenset({
    "group", "organisation", "organization", "alliance", "movement", "faction", "militia", "company",
    "network", "force", "outfit", "coalition", "front", "wing", "army", "umbrella", "offshoot",
    "affiliate", "branch", "franchise", "contractor", "insurgency", "cell", "brigade", "groups",
})
_ARTICLES = {"a", "an"}
NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "Organization", "Person", "ArmedGroup",
                         "PoliticalParty", "StateBody"})  # places are never described into actors
_WINDOW = 6


def _after_brackets(span: Span) -> int:
    """Index after the name and a bracketed acronym that may follow it ("... Front (MLF)")."""
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].text == ")" and span.start and doc[span.start - 1].text == "(":
        return i + 1  # the name is itself the bracketed acronym
    if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 1].text.isupper() and doc[i + 2].text == ")":
        return i + 3 if doc[i + 1].text[0] == span.text[0].upper() else i  # not its acronym: no apposition
    if i < len(doc) and doc[i].text == "(":
        for j in range(i + 1, min(i + 6, len(doc))):
            if doc[j].text == ")":
                return j + 1
    return i


def _descriptor(span: Span) -> list[Token]:
    """The words of ", a/an ... NOUN" or "is/was a/an ... NOUN" right after the name."""
    doc = span.doc
    i = _after_brackets(span)
    if i >= len(doc) or not (doc[i].text == "," or doc[i].lemma_ == "be"):
        return []
    i += 1
    if i >= len(doc) or doc[i].lower_ not in _ARTICLES:
        return []
    words = []
    for tok in doc[i + 1:min(i + 1 + _WINDOW, len(doc))]:
        if tok.is_punct or tok.pos_ in {"ADP", "VERB", "AUX", "CCONJ", "PRON", "DET"}:
            break
        words.append(tok)
    return words


def described_type(span: Span, lex: Lexicon) -> EntityType | None:
    """The type an apposition or copula after the name gives it, or None without one."""
    if span.label_ not in NAME_LABELS:
        return None  # "... forces in the Middle East, a terrorist organisation": not an apposition
    words = _descriptor(span)
    if not words or words[-1].dep_ not in {"appos", "attr"}:
        return None
    lower = [t.lower_ for t in words]
    head = lower[-1]
    if head in GROUP_HEADS and any(w in ARMED_WORDS for w in lower):
        return EntityType.ARMED_GROUP
    if head in {"militia", "militias"}:
        return EntityType.ARMED_GROUP
    cue = lex.cues.get(head)
    if cue is not None and cue != EntityType.ARMED_GROUP and not any(w in ARMED_WORDS for w in lower):
        return cue
    return None
