"""Within-article resolution of named mentions into canonical entities.

"Mr Al Kadhimi", "Al Kadhimi" and "Mustafa Al Kadhimi's" are one person: a
short person name joins the full name it ends with (the nearest one before it,
else the first after). Knowledge-base mentions keep the actor's id and name;
other names take the longest form seen ("Al X" written "al-X" for persons) and
the stable id of `graph.model.entity_id`. An acronym in brackets after a name
("Kata'ib Hizballah (KH)") is that name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from graph.model import EntityType, Mention, entity_id
from ingest.entities.acronyms import defined_names
from ingest.entities.type_basis import Basis, basis_of
from ingest.kb import KnowledgeBase

_HONORIFICS = {"mr", "mrs", "ms", "dr", "sheikh", "sayyid", "sayed", "general", "gen"}
_PARTICLES = {"al", "el", "-"}
# "known as X", "known simply as X", "also called X", "nicknamed X": X is another name of the entity before.
_KNOWN_AS = re.compile(r"(?:known (?:simply |popularly |locally )?as|also called|nicknamed|better known as)$")


@dataclass
class Cluster:
    """One entity of one article and the spans that name it."""

    id: str
    name: str
    type: EntityType
    spans: list[Span] = field(default_factory=list)
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    basis: Basis = Basis.KB  # what said the type (`type_basis`): the strongest of the spans of that type

    def mentions(self) -> tuple[Mention, ...]:
        return tuple(Mention(s.start_char, s.end_char, s.text) for s in self.spans)


def name_tokens(span: Span) -> list[str]:
    """A person name's words, lower-cased, without honorifics, particles and possessives."""
    words = [t.lower_ for t in span if t.lower_ not in {"'s", "’s"}]
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    return [w for w in words if w not in _PARTICLES]


def person_name(text: str) -> str:
    """Display form of a person name: honorifics dropped, inner "Al X" written "al-X"."""
    words = text.replace("’s", "").removesuffix("'s").split()
    while words and words[0].lower().rstrip(".") in _HONORIFICS:
        words = words[1:]
    out: list[str] = []
    i = 0
    while i < len(words):
        w = words[i]
        if out and w.lower() in {"al", "el"} and i + 1 < len(words):
            out.append(f"{w.lower()}-{words[i + 1]}")
            i += 2
            continue
        if out and re.match(r"^(Al|El)-", w):
            w = w[:2].lower() + w[2:]
        out.append(w)
        i += 1
    return " ".join(out)


def _clean(text: str) -> str:
    text = re.sub(r"^(the|The)\s+", "", text.strip())
    return re.sub(r"['’]s$", "", text).strip(" \"'“”")


class Clusters:
    """Builds the article's named-entity clusters; `of(span)` gives a span's cluster."""

    def __init__(self, doc: Doc, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.by_key: dict[str, list[Span]] = {}
        self._span_key: dict[tuple[int, int], str] = {}
        self._given: dict[str, str] = {}  # key -> full name of a first name sharing a later surname
        self.doc_aliases: dict[str, list[str]] = doc.user_data.get("ag_aliases") or {}
        ents = list(doc.ents)
        full = self._full_person_names(ents)
        self._defined: dict[str, Span] = defined_names(ents)  # "CDU" after "... Coalition (CDU)"
        for i, ent in enumerate(ents):
            key = self._key(ent, i, ents, full)
            if key is not None:
                self.by_key.setdefault(key, []).append(ent)
                self._span_key[(ent.start, ent.end)] = key
        self.clusters = {key: self._build(key, spans) for key, spans in self.by_key.items()}

    def of(self, span: Span) -> Cluster | None:
        key = self._span_key.get((span.start, span.end))
        return self.clusters.get(key) if key is not None else None

    @staticmethod
    def _full_person_names(ents: list[Span]) -> list[tuple[int, list[str], str]]:
        out = []
        for i, ent in enumerate(ents):
            words = name_tokens(ent)
            if ent.label_ == "Person" and len(words) >= 2:
                out.append((i, words, ent.kb_id_ or "p:" + " ".join(words)))
        return out

    def _key(self, ent: Span, i: int, ents: list[Span], full: list[tuple[int, list[str], str]]) -> str | None:
        alias_of = self._known_as(ent, ents[:i])
        if alias_of is not None:
            return alias_of
        defined = self._defined.get(ent.text)
        key = self._span_key.get((defined.start, defined.end)) if defined is not None else None
        if key is not None and (not ent.kb_id_ or ent.kb_id_ != defined.kb_id_):
            return key  # "CDU" after "Unitary Democratic Coalition (CDU)": not Germany's CDU
        if ent.kb_id_:
            return ent.kb_id_
        if ent.label_ == "Person":
            return self._person_key(ent, i, full) or self._shared_surname(ent, ents[i + 1:])
        if len(ent) == 1:  # "Qais and Laith al-Khazali", a surname the model typed as a place
            word = ent.text.lower()
            owners = {key for _, fw, key in full if word in (fw[0], fw[-1])}
            if len(owners) == 1:
                return owners.pop()
        acronym = self._acronym_of(ent, ents[:i])
        if acronym is not None:
            return acronym
        return self._short_form_of(ent, ents[:i]) or f"{ent.label_}:{_clean(ent.text).lower()}"

    def _known_as(self, ent: Span, earlier: list[Span]) -> str | None:
        """ "Nicolas Rodriguez Bautista, known as Gabino": the alias is the earlier name's."""
        doc = ent.doc
        before = " ".join(t.lower_ for t in doc[max(ent.start - 3, 0):ent.start])
        if not _KNOWN_AS.search(before):
            return None
        prev = next((e for e in reversed(earlier) if e.sent == ent.sent), None)
        return self._span_key.get((prev.start, prev.end)) if prev is not None else None

    def _short_form_of(self, ent: Span, earlier: list[Span]) -> str | None:
        """ "Supreme Council" after "Supreme Council for the Islamic Revolution in Iraq": the longer name."""
        words = _clean(ent.text).lower()
        if len(words.split()) < 2:
            return None
        owners = {self._span_key.get((e.start, e.end)) for e in earlier
                  if len(e) > len(ent) and re.search(rf"\b{re.escape(words)}\b", e.text.lower())}
        owners.discard(None)
        return owners.pop() if len(owners) == 1 else None

    @staticmethod
    def _person_key(ent: Span, i: int, full: list[tuple[int, list[str], str]]) -> str | None:
        words = name_tokens(ent)
        if not words:
            return None
        matches = [(j, key) for j, fw, key in full if fw[-len(words):] == words]
        if all(fw == words for _, fw, _ in full if fw[-len(words):] == words) and len(words) >= 2:
            # "Sultan Aziz" beside "Sultan Aziz Azam": a shortened full name, when only one is that long
            owners = {key for _, fw, key in full if len(fw) > len(words) and fw[:len(words)] == words}
            if len(owners) == 1:
                return owners.pop()
        if not matches:  # "Maulawi Rajab, also known as Rajab Salahudin": a lone given name of one full name
            owners = {key for _, fw, key in full if len(words) == 1 and fw[0] == words[0]}
            return owners.pop() if len(owners) == 1 else None
        before = [m for m in matches if m[0] <= i]
        return (before[-1] if before else matches[0])[1]

    def _shared_surname(self, ent: Span, later: list[Span]) -> str | None:
        """ "Samir and Karim al-Haddad": a lone first name coordinated with a full name takes its surname."""
        if len(ent) != 1 or not ent[0].is_title:
            return None
        doc, end = ent.doc, ent.end
        for nxt in later:
            between = {t.lower_ for t in doc[end:nxt.start]}
            if nxt.label_ != "Person" or not between or not between <= {",", "and"}:
                return None
            if len(nxt) == 1:
                end = nxt.end  # "Ali, Hassan and Hussein Nasrallah": the chain goes on
                continue
            words = name_tokens(nxt)
            if len(words) < 2 or nxt.kb_id_:
                return None
            name = person_name(f"{ent.text} {doc[nxt.start + 1:nxt.end].text}")
            key = "p:" + " ".join([ent[0].lower_, *words[1:]])
            self._given[key] = name
            return key
        return None

    def _acronym_of(self, ent: Span, earlier: list[Span]) -> str | None:
        """The key of the name this acronym abbreviates, written "(ACR)" after it or by its initials."""
        text = ent.text
        if not (text.isupper() and 2 <= len(text) <= 6):
            return None
        doc = ent.doc
        if ent.start >= 2 and doc[ent.start - 1].text == "(":
            prev = next((e for e in reversed(earlier) if e.end == ent.start - 1), None)
            if prev is not None:
                return self._span_key.get((prev.start, prev.end))
        for prev in reversed(earlier):
            initials = "".join(w[0] for w in prev.text.split() if w[:1].isupper())
            if initials == text:
                return self._span_key.get((prev.start, prev.end))
        return None

    def _build(self, key: str, spans: list[Span]) -> Cluster:
        actor = self.kb.by_id(key)
        texts = list(dict.fromkeys(_clean(s.text) for s in spans))
        glossed = [a for s in spans for a in self.doc_aliases.get(f"{s.start}:{s.end}", ()) if a not in texts]
        given = self._given.get(key)
        if given is not None:  # the lone first name is no alias of its own: many people share it
            texts = list(dict.fromkeys([given, *(t for t in texts if " " in t)]))
        if actor is not None:
            aliases = tuple(dict.fromkeys(t for t in [*texts, *glossed, *actor.aliases] if t != actor.name))
            return Cluster(actor.id, actor.name, actor.type, spans, aliases, actor.wikidata)
        etype = EntityType(Counter(s.label_ for s in spans).most_common(1)[0][0])
        longest = max(texts, key=len)
        name = person_name(longest) if etype is EntityType.PERSON else longest
        aliases = tuple(dict.fromkeys(t for t in [*texts, *glossed] if t != name))
        basis = max(basis_of(s) for s in spans if s.label_ == etype.value)
        return Cluster(entity_id(etype, name), name, etype, spans, aliases, basis=basis)
