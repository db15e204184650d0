"""What every relation rule shares: the found relation, the per-doc context, the registry.

A rule is a small named function `rule(ctx) -> Iterable[Found]` over one parsed
doc. `Context` indexes the doc once (entity at a token, cue words by lemma), so
each rule only visits the few tokens its cue words pick out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from graph.model import Predicate
from ingest.kb import KnowledgeBase
from ingest.lexicon import lexicon
from ingest.rules.infobox_fields import Field, read_fields
from ingest.rules.patterns import passive_agents
from ingest.spans import EVENTS, text_of


@dataclass(frozen=True)
class Found:
    """One relation a rule read off the text: two spans, a predicate, attrs and a confidence."""

    subject: Span
    predicate: Predicate
    object: Span
    sentence: Span
    confidence: float
    rule: str
    attrs: dict[str, Any] = field(default_factory=dict)
    cue: int = -1  # index of the token that triggered the rule

    def negated(self) -> bool:
        """ "X did not back Y", "X denied funding Y": the cue's clause says the opposite."""
        if self.cue < 0:
            return False
        node = self.sentence.doc[self.cue]
        for _ in range(3):
            if any(c.dep_ == "neg" for c in node.children):
                return True
            if node.lemma_ in {"deny", "reject", "dismiss"} and node.i != self.cue:
                return True
            if node.head == node or node.dep_ in {"nsubj", "nsubjpass", "appos", "poss"}:
                return False  # "Its leader, X, rejected the figures": the leadership is not denied
            node = node.head
        return False


_OWNED_BODIES = frozenset({"leadership", "headquarters", "command", "fighter", "militant", "troop",
                           "politburo", "bureau", "shura", "rank", "cadre", "executive", "committee"})
_OWNED_OF = frozenset({"fighter", "militant", "troop", "politburo", "bureau", "shura", "rank", "cadre",
                       "committee"})
_RELATIVE = frozenset({"which", "who", "that", "whom", "whose"})
_GROUP_NOUNS = frozenset({"alliance", "party", "coalition", "bloc", "movement", "list", "group", "militia",
                          "organization", "organisation", "front", "faction", "brigade", "brigades"})
_LISTING_PREPS = frozenset({"including", "namely", "like", "among"})
_QUANTIFIERS = frozenset({"some", "several", "many", "most", "all", "both", "each", "two", "three", "four",
                          "five"})
_GROUP_TYPES = frozenset({"ArmedGroup", "PoliticalParty", "Organization", "StateBody"})

Rule = Callable[["Context"], Iterable[Found]]
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register a rule under a stable name (used in logs and tests)."""
    def wrap(func: Rule) -> Rule:
        RULES[name] = func
        return func
    return wrap


class Context:
    """One doc, indexed for the rules."""

    def __init__(self, doc: Doc, kb: KnowledgeBase | None = None) -> None:
        self.doc = doc
        self.kb = kb
        self.at: dict[int, Span] = {}
        for span in [*doc.spans.get(EVENTS, []), *doc.ents]:
            for i in range(span.start, span.end):
                self.at[i] = span
        self.refs: dict[int, Span] = doc._.ag_refs or {}
        self.ref_sets: dict[int, tuple[Span, ...]] = doc._.ag_ref_sets or {}  # "they" -> "A and B"
        self._passives: dict[str, list[tuple[Token, Token]]] | None = None
        self._fields: list[Field] | None = None
        self.by_lemma = TokenIndex(doc)

    def passives(self, family: str) -> list[tuple[Token, Token]]:
        """(participle, agent object) pairs of a passive cue family (every family read once per doc)."""
        if self._passives is None:
            self._passives = passive_agents(self.doc)
        return self._passives.get(family, [])

    def infobox(self) -> list[Field]:
        """The doc's labelled infobox values (`infobox.Field`), read once per doc."""
        if self._fields is None:
            self._fields = read_fields(text_of(self.doc))
        return self._fields

    def country_span(self, token: Token) -> Span | None:
        """The country a name, capital or demonym token stands for: a named mention of it, else the token.

        "Iraqi Prime Minister X" names Iraq even when "Iraq" is never written;
        the token then becomes a mention carrying the country's knowledge-base id.
        """
        span = self.at.get(token.i)
        if span is not None and span.label_ not in {"Event", "Election"}:  # inside "Israeli air strike"
            return span if span.label_ == "Country" else None
        country = lexicon().country_of(token.text)
        if country is None and self.kb is not None and token.is_title:  # "Mozambican": the KB's demonyms
            known = self.kb.by_demonym(token.text)
            country = known.name if known is not None else None
        if country is None:
            return None
        for ent in self.doc.ents:
            if ent.label_ == "Country" and country in {ent.text, lexicon().country_of(ent.text)}:
                return ent
        actors = self.kb.lookup(country) if self.kb is not None else []
        if len(actors) != 1:
            return None
        return Span(self.doc, token.i, token.i + 1, label="Country", kb_id=actors[0].id)

    def cues(self, *lemmas: str) -> Iterator[Token]:
        """Tokens whose lemma or lower form is one of `lemmas`, in text order."""
        seen: set[int] = set()
        for token in sorted((t for lem in lemmas for t in self.by_lemma.get(lem, ())), key=lambda t: t.i):
            if token.i not in seen:
                seen.add(token.i)
                yield token

    def ref(self, token: Token | None, depth: int = 0) -> Span | None:
        """The named span a token stands for: itself, a relative pronoun's antecedent, an anaphor."""
        if token is None or depth > 4:
            return None
        if token.i in self.at:
            return self.at[token.i]
        if token.i in self.refs:
            return self.refs[token.i]
        if token.lower_ in _RELATIVE:
            clause = token.head
            while clause.dep_ not in {"relcl", "acl"} and clause.head != clause:
                if clause.dep_ == "ROOT":
                    return None
                clause = clause.head
            return self.ref(clause.head, depth + 1) if clause.dep_ in {"relcl", "acl"} else None
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.at:
                return self.at[child.i]
        if token.dep_ == "appos":
            return self.at.get(token.head.i)
        if token.lemma_.lower() in _OWNED_BODIES:  # "the group's leadership", "its fighters"
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if owner is None and of is not None and token.lemma_.lower() in _OWNED_OF:
                owner = next((g for g in of.children if g.dep_ == "pobj"), None)  # "the ranks of X"
            if owner is not None:
                return self.ref(owner, depth + 1)
        if token.lemma_.lower() in _GROUP_NOUNS and token.tag_ != "NNS":  # "the Sairoon alliance", no plural
            for c in token.children:
                if c.dep_ in {"compound", "nmod"} and c.i in self.at and self.at[c.i].label_ in _GROUP_TYPES:
                    return self.at[c.i]
        if token.pos_ == "NOUN" and token.dep_ == "attr" and token.head.lemma_ == "be":
            # "AAH is an Iraqi militia and political movement led by X": the predicate noun is the subject
            return self.ref(self.subject_of(token.head), depth + 1)
        if token.pos_ == "NOUN" and token.dep_ == "conj" and token.head.pos_ == "NOUN":
            return self.ref(token.head, depth + 1)
        if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "of" \
                and token.head.head.dep_ == "appos":  # "CF, a grouping of Shia parties that includes ..."
            return self.ref(token.head.head, depth + 1)
        return None

    def group(self, token: Token | None) -> list[Span]:
        """The span a token stands for and those coordinated with it ("A, B and C")."""
        if token is None:
            return []
        out: list[Span] = []
        for tok in (token, *token.conjuncts):
            span = self.ref(tok)
            if tok.i in self.ref_sets:
                out += [s for s in self.ref_sets[tok.i] if s not in out]
                continue
            found = [span, *self._listed_appositions(tok, span)] if span is not None else self.listed(tok)
            out += [s for s in found if s not in out]
        return out

    def listed(self, token: Token, depth: int = 0) -> list[Span]:
        """Names a common noun introduces: "the leaders of X, A, B and C", "groups including A and B",
        "three of the group's leaders, A and B"."""
        if depth > 2:
            return []
        out: list[Span] = []
        for c in token.children:
            if c.dep_ == "appos":
                out += self.group(c) if c.i in self.at or c.i in self.refs else self.listed(c, depth + 1)
            elif c.dep_ == "prep" and c.lower_ in _LISTING_PREPS:
                out += self.group(child(c, "pobj"))
            elif c.dep_ == "prep" and c.lower_ == "of":  # "three of its leaders, A", "leaders of those, A"
                obj = child(c, "pobj")
                out += self.listed(obj, depth + 1) if obj is not None and obj.i not in self.at else []
        return out

    def _listed_appositions(self, token: Token, span: Span) -> list[Span]:
        """Names the parser hung as appositions in a list ("include A, B and C")."""
        found = []
        for c in token.children:
            other = self.at.get(c.i)
            if token.dep_ in {"nsubj", "nsubjpass"} and c.i > token.head.i:
                continue  # "X is a coalition of A, B and C": "B and C" hung on X by the parser are no X
            if c.dep_ == "appos" and other is not None and other.label_ == span.label_:
                found.append(other)
                found += [self.at[t.i] for t in c.conjuncts if t.i in self.at]
        return found

    def subjects(self, verb: Token) -> list[Span]:
        """What a verb is said of: a participle or relative clause only its own noun
        ("the Fatah Alliance, headed by A, and ..."), a finite verb all coordinated subjects."""
        own = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if verb.dep_ == "relcl" and own is not None and own.lower_ not in _RELATIVE:
            return self.group(own)  # "(Iraq,) where the group's leadership is based": its own subject
        if verb.dep_ in {"acl", "relcl"}:
            span = self.ref(verb.head)
            if span is None and verb.dep_ == "relcl":
                return self.group(self.subject_of(verb))
            return [span] if span is not None else []
        return self.group(self.subject_of(verb))

    def subject_of(self, verb: Token) -> Token | None:
        """The subject of a verb, following conjoined verbs and participles up to their noun."""
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects:  # "The main opposition Samagi Jana Balawegaya came second": the name, of two
                return next((c for c in subjects if c.pos_ == "PROPN"), subjects[0]) if len(subjects) > 1 \
                    else subjects[0]
            if verb.dep_ == "conj" and verb.head.dep_ == "relcl" and _closes_clause(verb):
                return verb.head.head  # "X, whose leader lives abroad, won 6 seats": X's verb, misparsed
            if verb.dep_ == "conj":
                verb = verb.head
            elif verb.dep_ in {"acl", "relcl"}:
                return verb.head
            elif verb.dep_ in {"xcomp", "ccomp", "advcl", "pcomp", "prep", "pobj"}:
                verb = verb.head
            else:
                return None
        return None


class TokenIndex:
    """Token indices by lower-cased lemma and by lower form (when it differs), read from the doc's hash
    array (no Token objects); `get` makes the tokens of one key only when a rule asks for it."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._index: dict[str, list[int]] = {}
        if not len(doc):
            return
        strings = doc.vocab.strings
        keys: dict[tuple[int, int], tuple[str, ...]] = {}  # (lemma, lower) hashes -> index keys
        for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
            names = keys.get((lemma, lower))
            if names is None:
                folded, form = strings[lemma].lower(), strings[lower]
                names = keys[(lemma, lower)] = (folded,) if form == folded else (folded, form)
            for name in names:
                found = self._index.get(name)
                if found is None:
                    self._index[name] = [i]
                else:
                    found.append(i)

    def get(self, key: str, default: Iterable[Token] = ()) -> list[Token] | Iterable[Token]:
        """The tokens of `key` in text order (`default` if none)."""
        found = self._index.get(key)
        return [self.doc[i] for i in found] if found else default


def _closes_clause(verb: Token) -> bool:
    """Whether a verb the parse conjoined to a relative clause follows that clause's closing comma with no
    "and"/"but": then it is the main verb of the clause's noun, not a second relative verb."""
    doc, head = verb.doc, verb.head
    own = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if own is None or own.lower_ in _RELATIVE:
        return False  # "X, who leads Y, joined Z": the relative pronoun already leads back to X
    between = doc[head.i + 1:verb.i]
    if any(t.dep_ == "cc" or t.lower_ in {"and", "or", "but", "then"} for t in between):
        return False
    return any(t.text == "," for t in between) and any(t.text == "," for t in doc[head.head.i:head.i])


def child(token: Token, dep: str, lower: set[str] | None = None) -> Token | None:
    """The first child with this dependency (and, if given, one of these words)."""
    for c in token.children:
        if c.dep_ == dep and (lower is None or c.lower_ in lower):
            return c
    return None


def objects(ctx: Context, verb: Token) -> list[Span]:
    """Every actor a verb takes as object, when the parser splits one list into two objects
    ("designating the leaders of those groups, A, B and C")."""
    out: list[Span] = []
    for c in verb.children:
        if c.dep_ == "dobj":
            out += [s for s in ctx.group(c) if s not in out]
    return out


def pobj_of(token: Token, preps: set[str]) -> Token | None:
    """The object of a preposition child of `token` ("proxy *for* Y" -> Y)."""
    for c in token.children:
        if c.dep_ in {"prep", "agent"} and c.lower_ in preps:
            obj = child(c, "pobj")
            if obj is not None:
                return obj
    return None


def agent_of(verb: Token) -> Token | None:
    """The "by" object of a passive verb."""
    return pobj_of(verb, {"by"})


def make(subject: Span, predicate: Predicate, obj: Span, cue: Token, confidence: float, name: str,
         **attrs: Any) -> Found:
    """A Found relation evidenced by the sentence of the cue token."""
    return Found(subject, predicate, obj, cue.sent, confidence, name,
                 {k: v for k, v in attrs.items() if v is not None}, cue.i)
