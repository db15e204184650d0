"""Within-article anaphora: pronouns and definite descriptions pointing back at named spans.

The component fills `doc._.ag_refs` (token index -> named span) so that relation
rules can read "it secured only 14 seats", "This alliance ... is led by",
"its then-Commander in Chief" and "the prime minister" as the actors they mean.
Precision first: a reference is only recorded when a compatible antecedent sits
within the last few sentences.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from graph.model import EntityType
from ingest.lexicon import lexicon
from ingest.spans import ensure_extensions

_GROUPS = {EntityType.ARMED_GROUP.value, EntityType.POLITICAL_PARTY.value,
           EntityType.STATE_BODY.value, EntityType.ORGANIZATION.value}
# Definite nouns and the entity types they can refer back to.
_NOUN_TYPES = {
    "alliance": {"PoliticalParty"}, "coalition": {"PoliticalParty"}, "bloc": {"PoliticalParty"},
    "party": {"PoliticalParty", "ArmedGroup"}, "movement": {"PoliticalParty", "ArmedGroup"},
    "list": {"PoliticalParty"}, "group": {"ArmedGroup"}, "militia": {"ArmedGroup"},
    "organisation": {"ArmedGroup", "Organization"}, "organization": {"ArmedGroup", "Organization"},
    "ministry": {"StateBody"}, "department": {"StateBody"},
}
_WINDOW = 3  # sentences an antecedent may lie back


def _main_subject(token: Token) -> bool:
    """Subject (or predicate nominal) of the main clause: "until American troops left" does not count."""
    return token.dep_ in {"nsubj", "nsubjpass", "attr"} and token.head.dep_ in {"ROOT", "conj"}


def _own_subject(pronoun: Token, candidate: Span) -> bool:
    """Is the candidate the subject of the clause the pronoun sits in? Then the pronoun means another."""
    node = pronoun.head
    for _ in range(4):
        if node.pos_ in {"VERB", "AUX"}:
            return any(c.dep_ in {"nsubj", "nsubjpass"} and candidate.start <= c.i < candidate.end
                       for c in node.children)
        node = node.head
    return False


class Salience:
    """The latest subject entities by kind, with the sentence each was seen in."""

    def __init__(self) -> None:
        self.group: tuple[Span, int] | None = None
        self.earlier_group: tuple[Span, int] | None = None  # the one before, when "it" cannot be the subject
        self.person: tuple[Span, int] | None = None
        self.recent: list[tuple[Span, int]] = []

    def see(self, span: Span, sent_no: int) -> None:
        self.recent.append((span, sent_no))
        if span.label_ == EntityType.PERSON.value:
            self.person = (span, sent_no)
        elif span.label_ in _GROUPS and _main_subject(span.root):
            self.set_group(span, sent_no)
        elif span.label_ in _GROUPS and self.group is None:
            self.earlier_group = (span, sent_no)

    def set_group(self, span: Span, sent_no: int) -> None:
        if self.group is not None and self.group[0] != span:
            self.earlier_group = self.group
        self.group = (span, sent_no)

    def pick(self, slot: tuple[Span, int] | None, sent_no: int) -> Span | None:
        if slot is None or sent_no - slot[1] > _WINDOW:
            return None
        return slot[0]

    def latest_of(self, types: set[str], sent_no: int) -> Span | None:
        for span, seen in reversed(self.recent):
            if sent_no - seen > _WINDOW:
                return None
            if span.label_ in types:
                return span
        return None


def _definite_noun(token: Token) -> bool:
    dets = [c for c in token.lefts if c.dep_ == "det"]
    return bool(dets) and dets[0].lower_ in {"the", "this", "that"} and not any(
        c.dep_ in {"compound", "amod"} and c.pos_ == "PROPN" for c in token.lefts)


def title_holders(doc: Doc) -> dict[str, Span]:
    """Persons named right after a head-of-state/government title ("Prime Minister X")."""
    heads = lexicon().head_titles
    out: dict[str, Span] = {}
    for ent in doc.ents:
        if ent.label_ != EntityType.PERSON.value:
            continue
        before = " ".join(t.lower_ for t in doc[max(ent.start - 2, 0):ent.start])
        for title in heads:
            if before.endswith(title):
                out.setdefault(title, ent)
    return out


def resolve_anaphora(doc: Doc) -> dict[int, Span]:
    """Token index of each resolvable pronoun or definite description -> the span it means."""
    starts = {ent.start: ent for ent in doc.ents}
    holders = title_holders(doc)
    state = Salience()
    refs: dict[int, Span] = {}
    for sent_no, sent in enumerate(doc.sents):
        for token in sent:
            ent = starts.get(token.i)
            if ent is not None:
                state.see(ent, sent_no)
                continue
            target = _antecedent(token, state, sent_no, holders)
            if target is not None:
                refs[token.i] = target
                if _main_subject(token) and target.label_ in _GROUPS:
                    state.set_group(target, sent_no)
    return refs


def _antecedent(token: Token, state: Salience, sent_no: int, holders: dict[str, Span]) -> Span | None:
    low = token.lower_
    if token.tag_ in {"PRP", "PRP$"}:
        if low in {"it", "its"}:
            found = state.pick(state.group, sent_no)
            if found is not None and _own_subject(token, found):  # "X launched offensives against it"
                return state.pick(state.earlier_group, sent_no)
            return found
        if low in {"he", "his", "him"}:
            return state.pick(state.person, sent_no)
        return None
    if token.pos_ != "NOUN" or not _definite_noun(token):
        return None
    if low in _NOUN_TYPES:
        return state.latest_of(_NOUN_TYPES[low], sent_no)
    title = " ".join(t.lower_ for t in token.doc[token.i - 1:token.i + 1])
    if title in holders and token.doc[token.i - 2].lower_ == "the":
        return holders[title]
    if low in holders and token.doc[token.i - 1].lower_ == "the":
        return holders[low]
    return None


class Anaphora:
    """Pipeline component: fills `doc._.ag_refs`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ag_refs = resolve_anaphora(doc)
        return doc


@Language.factory("actorgraph_coref_v1")
def make_anaphora(nlp: Language, name: str) -> Anaphora:
    """Factory: within-article pronoun and definite-description resolution."""
    ensure_extensions()
    return Anaphora()
