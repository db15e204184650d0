"""Within-article coreference: pronouns, possessives and definite descriptions pointing back at named actors.

The component fills `doc._.ag_refs` (token index -> the named span it stands for)
and `doc._.ag_ref_sets` (token index -> the spans of a coordinated set, for
"they"), so that relation rules read "it secured only 14 seats", "the group
considers the Taliban an enemy", "its leader, X" and "I hereby designate" as the
actors they mean. One pass over the sentences keeps a short list of candidate
mentions (`coref_salience.Candidate`): it is emptied at a blank line or a
heading/infobox line, and every resolved anaphor joins it, so chains ("The bloc
fell ... It recovered ...") carry on. Types come from `data.yaml`;
definite descriptions fall back on the page subject (`coref_text.page_topic`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ingest.coref.data import CorefTable, coref_table
from ingest.coref.people import Notice, TitleHolders
from ingest.coref.salience import TOPIC_SCORE, Candidate, best, bound_subject, identity, role_weight, score
from ingest.coref.text import ACTOR_TYPES, page_topic, quoted, sentence_segments
from ingest.spans import ensure_extensions

_WINDOW = 4  # sentences an antecedent may lie back
_NAMING = frozenset({"call", "name", "know", "dub"})


@dataclass
class _State:
    """What the pass carries from token to token."""

    table: CorefTable
    holders: TitleHolders
    notice: Notice
    topic: Span | None
    cands: list[Candidate]
    sent_no: int = 0
    resolved: set[int] = field(default_factory=set)
    previous: list[Candidate] = field(default_factory=list)  # the last paragraph's, for its next opening
    opening: int = 0  # sentence number of the paragraph's first sentence


def resolve_anaphora(doc: Doc) -> tuple[dict[int, Span], dict[int, tuple[Span, ...]]]:
    """Token index of each resolvable anaphor -> the span it means (and the set, for a plural)."""
    table = coref_table()
    state = _State(table, TitleHolders(doc, table), Notice(doc, table), page_topic(doc), [])
    starts = {e.start: e for e in doc.ents if e.label_ in ACTOR_TYPES}
    roots = {e.root.i: e for e in starts.values()}
    inside = {i for e in doc.ents for i in range(e.start + 1, e.end)}
    refs: dict[int, Span] = {}
    sets: dict[int, tuple[Span, ...]] = {}
    segment = -1
    for sent_no, (sent, seg) in enumerate(zip(doc.sents, sentence_segments(doc), strict=True)):
        state.sent_no = sent_no
        if seg != segment:
            state.previous, state.opening = state.cands, sent_no
            state.cands, segment = [], seg
        state.cands = [c for c in state.cands if sent_no - c.sent_no <= _WINDOW]
        for token in sent:
            if token.i in starts:
                state.cands += _candidates(starts[token.i], sent_no, roots)
            elif token.i not in inside:
                found = _antecedent(token, state)
                if found is not None:
                    refs[token.i] = found.span
                    state.resolved.add(token.i)
                    if found.members:
                        sets[token.i] = found.members
                    role = role_weight(token)
                    state.cands.append(Candidate(found.span, token, sent_no, role, found.members))
    return refs, sets


def _candidates(ent: Span, sent_no: int, roots: dict[int, Span]) -> list[Candidate]:
    """The mention itself and, at the first of "A, B and C", the coordinated set."""
    role = role_weight(ent.root)
    out = [Candidate(ent, ent.root, sent_no, role)]
    if ent.root.dep_ != "conj":
        members = [roots[t.i] for t in ent.root.conjuncts if t.i in roots]
        if members:
            out.append(Candidate(ent, ent.root, sent_no, role, (ent, *members)))
    return out


def _antecedent(token: Token, state: _State) -> Candidate | None:
    table = state.table
    low = token.lower_
    if token.tag_ in {"PRP", "PRP$"}:
        if low in table.official or low in table.issuer:
            span = None if quoted(token) else state.notice.first_person(token, table)
            return Candidate(span, token, state.sent_no, 0.0) if span is not None else None
        types = table.pronouns.get(low)
        if types is None or (low in table.plural and quoted(token)) or _left_open(token, state):
            return None
        found = best(state.cands, token, state.sent_no, types, plural=low in table.plural)
        return found if found is None or found.members or low not in table.set_only else None
    if token.pos_ not in {"NOUN", "PROPN"} or token.tag_ in {"NNS", "NNPS"} or not _definite(token, table):
        return None
    if low in table.nouns:
        return _description(token, table.nouns[low], state)
    if low in table.person_titles:
        span = state.holders.holder(token)
        return Candidate(span, token, state.sent_no, 0.0) if span is not None else None
    return None


def _left_open(token: Token, state: _State) -> bool:
    """An earlier "he" of this sentence was left unresolved: a later "he" is the same one ("He met
    President X, and he hosted ..."), not X."""
    return any(t.lower_ == token.lower_ and t.i not in state.resolved for t in token.sent if t.i < token.i)


def _definite(token: Token, table: CorefTable) -> bool:
    """ "the group", "this alliance": a definite determiner and no name inside ("the Sairoon alliance")."""
    dets = [c for c in token.lefts if c.dep_ == "det"]
    return bool(dets) and dets[0].lower_ in table.determiners and not any(
        c.dep_ in {"compound", "amod", "nmod"} and (c.pos_ == "PROPN" or c.ent_type_) for c in token.lefts)


def _description(token: Token, types: frozenset[str], state: _State) -> Candidate | None:
    """A definite description: the name it is given ("the alliance, called X"), else salience or the topic."""
    if token.dep_ == "appos" and token.head.ent_type_ in types:
        return None  # "the Coordination Framework, the alliance of ...": the name is right there
    named = _named_as(token, types)
    if named is not None:
        return Candidate(named, token, state.sent_no, 0.0)
    found = best(state.cands, token, state.sent_no, types, head_noun=token.lower_)
    found = found or _carried(token, types, state)
    topic = state.topic
    if topic is None or topic.label_ not in types or topic.start >= token.i \
            or identity(topic) == bound_subject(token, state.cands):
        return found
    topic_score = TOPIC_SCORE + (2.0 if token.lower_ in topic.text.lower() else 0.0)
    if found is None or score(found, state.sent_no, token.lower_) < topic_score:
        return Candidate(topic, token, state.sent_no, 0.0)
    return found


def _carried(token: Token, types: frozenset[str], state: _State) -> Candidate | None:
    """ "... controls most of the city, Viv Ansanm. // The alliance is led by X": a description opening a
    paragraph means the one actor of its type the previous paragraph named (never a choice among several)."""
    if state.sent_no != state.opening or any(c.dep_ in {"relcl", "nummod"} or c.tag_ in {"JJ", "JJS", "JJR"}
                                             for c in token.children):
        return None  # "the third major faction, which calls itself ...": a new actor, described
    fits = [c for c in state.previous if not c.members and c.label in types
            and state.sent_no - c.sent_no <= _WINDOW]
    if len({identity(c.span) for c in fits}) != 1:
        return None
    return Candidate(fits[-1].span, token, state.sent_no, 0.0)


def _named_as(token: Token, types: frozenset[str]) -> Span | None:
    """ "The alliance, called the Brotherhood Alliance, ...": the name the description is given."""
    for c in token.children:
        if c.dep_ in {"acl", "relcl"} and c.lemma_ in _NAMING:  # "the faction, which calls itself X"
            for t in c.subtree:
                span = next((e for e in token.doc.ents if e.start == t.i and e.label_ in types), None)
                if span is not None:
                    return span
    return None


class Anaphora:
    """Pipeline component: fills `doc._.ag_refs` and `doc._.ag_ref_sets`."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.ag_refs, doc._.ag_ref_sets = resolve_anaphora(doc)
        return doc


@Language.factory("actorgraph_coref_v1")
def make_anaphora(nlp: Language, name: str) -> Anaphora:
    """Factory: within-article pronoun and definite-description resolution."""
    ensure_extensions()
    return Anaphora()
