"""Salience: which earlier mention a pronoun or definite description most likely stands for.

Each mention is a `Candidate` with a grammatical-role weight (main-clause subject
first); its score falls with every sentence between it and the anaphor. A head
noun the name repeats ("the coalition" -> "State of Law Coalition") raises it;
a country that is not a subject lowers it ("it" is rarely a place named in
passing). Binding: an object pronoun or description never means the actor that
is the subject of its own clause ("X launched offensives against it", "KH ... may
have received support from that group").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_CORE = frozenset({"dobj", "attr", "appos", "poss", "oprd", "agent"})
_PER_SENTENCE = 1.5  # a main subject one sentence back still beats an object in this one
TOPIC_SCORE = 1.4  # the page subject: below the previous sentence's subject, above anything older


@dataclass(frozen=True)
class Candidate:
    """A mention an anaphor may point back to: the named span it stands for, where and how it was said."""

    span: Span
    token: Token
    sent_no: int
    role: float
    members: tuple[Span, ...] = ()  # a coordinated set ("A and B"), for "they"

    @property
    def label(self) -> str:
        return self.span.label_


def role_weight(token: Token, depth: int = 0) -> float:
    """Main-clause subject 3, other subject 2, object/apposition/possessor 1, else 0."""
    if token.dep_ in _SUBJECTS:
        return 3.0 if token.head.dep_ in {"ROOT", "conj"} else 2.0
    if token.dep_ in _CORE:
        return 1.0
    if token.dep_ == "conj" and depth < 3:
        return max(role_weight(token.head, depth + 1) - 0.5, 0.0)
    return 0.0


def score(cand: Candidate, sent_no: int, head_noun: str | None) -> float:
    """Higher is likelier; recency breaks ties (the caller scans newest first)."""
    value = cand.role - _PER_SENTENCE * (sent_no - cand.sent_no)
    if head_noun and head_noun in cand.span.text.lower():
        value += 2.0
    if cand.label == "Country" and cand.role < 2:
        value -= 1.5
    return value


def clause_subject(token: Token) -> Token | None:
    """The subject of the clause a token sits in (nearest verb up the tree; a conjoined verb shares it)."""
    node = token.head
    for _ in range(6):
        if node.pos_ in {"VERB", "AUX"}:
            subject = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
            if subject is not None or node.dep_ != "conj":
                return subject
        if node.head == node:
            return None
        node = node.head
    return None


def identity(span: Span) -> str:
    """Two mentions of one actor ("Kata'ib Hizballah", "KH") share a knowledge-base id, else their text."""
    return span.kb_id_ or span.text.lower()


def bound_subject(anaphor: Token, cands: list[Candidate]) -> str | None:
    """The actor an object pronoun or a predicate possessive cannot mean: its own clause's subject."""
    if anaphor.dep_ in _SUBJECTS:
        return None
    if anaphor.tag_ == "PRP$" and anaphor.head.dep_ not in {"attr", "oprd", "acomp"}:
        return None  # "KSS returned many of its men": its may be the subject
    subject = clause_subject(anaphor)
    if subject is None:
        return None
    for cand in cands:
        if cand.token == subject or cand.span.start <= subject.i < cand.span.end:
            return identity(cand.span)
    return None


def best(cands: list[Candidate], anaphor: Token, sent_no: int, types: frozenset[str],
         head_noun: str | None = None, plural: bool = False) -> Candidate | None:
    """The highest-scoring compatible candidate (newest first on ties)."""
    found: Candidate | None = None
    top = float("-inf")
    bound = bound_subject(anaphor, cands)
    for cand in reversed(cands):
        if cand.token.i >= anaphor.i or not _fits(cand, types, plural) or identity(cand.span) == bound:
            continue
        value = score(cand, sent_no, head_noun) + (1.0 if plural and cand.members else 0.0)
        if anaphor.tag_ == "PRP$" and _noun_head(anaphor) in cand.token.conjuncts:
            value += 3.0  # "designated HAN and its secretary-general": the first conjunct owns it
        if anaphor.tag_ == "PRP$" and _governing_subject(anaphor) in {cand.token, *cand.span}:
            value += 2.0  # "which the ADF joined after its leader pledged": the governing clause's subject
        if anaphor.tag_ == "PRP$" and _controller(anaphor) in {cand.token, *cand.span}:
            value += 4.0  # "pressure Israel to end its war": the object that controls the infinitive
        if value > top:
            found, top = cand, value
    return found


def _governing_subject(anaphor: Token) -> Token | None:
    """For a possessive in the subject of a subordinate clause ("X joined after its leader pledged"),
    the subject of the clause it hangs on: the actor the clause is told of."""
    node = _noun_head(anaphor)
    while node.dep_ in {"appos", "compound"} and node.head != node:  # "its leader Y pledged"
        node = node.head
    clause = node.head
    if node.dep_ not in _SUBJECTS or clause.dep_ not in {"advcl", "ccomp"} or clause.head == clause:
        return None
    return next((c for c in clause.head.children if c.dep_ in _SUBJECTS), None)


def _controller(anaphor: Token) -> Token | None:
    """For a possessive in an infinitive an object controls ("pressed X to end its war"), that object."""
    node = _noun_head(anaphor)
    verb = node.head
    if node.dep_ not in {"dobj", "pobj"} or verb.dep_ != "xcomp" \
            or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    return next((c for c in verb.head.children if c.dep_ == "dobj"), None)


def _noun_head(token: Token) -> Token:
    """The head of the noun phrase a possessive sits in ("its secretary-general" -> general)."""
    node = token.head
    while node.dep_ in {"compound", "amod"} and node.head != node:
        node = node.head
    return node


def _fits(cand: Candidate, types: frozenset[str], plural: bool) -> bool:
    if cand.members:
        return plural
    return cand.label in types
