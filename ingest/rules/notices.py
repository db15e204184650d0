"""Government notices read completely: every listed entry, the issuing body, the grounds and the date.

A notice names its designated or sanctioned set in many list forms ("A, B, and C were
designated", "the following individuals and entities:" with numbered or bulleted entries,
semicolon-separated entries with a.k.a./DOB/passport details, "N individuals, including A and
B", "along with", "as well as"). The set is read off the surface (parser trees of such lists are
unreliable): an actor is an entry when list punctuation, the listing verb or a line start stands
before it, past at most a few description words. The designator is the clause's subject (a
first-person "I"/"we" through coreference, an official through the department they serve), else
the notice's issuer. The kind comes from the words of the listing (`notices.yaml`): terrorist
words give DESIGNATED_TERRORIST_BY, sanction words SANCTIONED_BY, both when both are stated; a
revocation lists nobody. Grounds ("for being a leader of X", "owned or controlled by X") attach
to their own entry, or to the whole list when it shares them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from graph.model import Predicate
from ingest.lexicon import lexicon
from ingest.rules.base import Context, Found, child, make, objects, pobj_of, rule
from ingest.rules.designation import _designators, _passive_parts, listed_pronoun, listing_date, urged
from ingest.rules.issuers import notice_issuer
from ingest.rules.notice_entries import Entry, counted_entries, entries_after, grounds_in, line_start
from ingest.rules.notice_words import NoticeWords, notice_words
from ingest.spans import text_of

_TARGETS = {"ArmedGroup", "Person", "PoliticalParty", "Organization", "StateBody"}
_BODIES = {"StateBody", "Organization", "Country"}
_LIST_SEPS = {",", "and", ";", ":", "&", "including", "namely", "plus", "or", "•", "-", "–", "*"}
_OWNERS = {"its", "their", "his", "her", "the", "a", "an", "two", "three", "four", "five", "one"}
_CLIMB = {"xcomp", "acl", "conj", "ccomp", "advcl", "dobj", "pobj", "prep"}
_OTHER_CLAUSES = {"conj", "relcl", "cc", "advcl", "ccomp", "parataxis"}
_WINDOW = 120  # tokens a listing reads ahead
# Listing verbs that say nothing of the kind: in a sanctions notice, a sanction ("the Council also listed X").
_PLAIN_LISTING = frozenset({"designate", "list", "add", "include", "place", "put"})
_SANCTIONS_OFFICE = re.compile(r"treasury|foreign assets|\bofac\b|\bofsi\b|financial sanctions", re.I)
_SANCTIONS_NOTICE = frozenset({"sanction", "sanctions", "sanctioned", "sanctioning", "restrictive", "ofac",
                               "ofsi"})


@dataclass(frozen=True)
class Listing:
    """One listing act: its cue, the entries it names, who lists them, as what and when."""

    cue: Token
    entries: list[Entry]
    designators: list[Span]
    kinds: list[Predicate]
    date: str | None


@rule("notices.listing")
def listings(ctx: Context) -> Iterator[Found]:
    """Every entry of every listing act, joined to its designators; and the grounds of each entry."""
    words = notice_words()
    found = list(_listings(ctx, words))
    for listing in found:
        for entry in listing.entries:
            yield from _entry_facts(ctx, listing, entry)
    first = next((f for f in found if f.designators), None)
    if first is not None:
        yield from _under_heading(ctx, first, words)


_HEADING = re.compile(r"^[ \t]*(?:[A-Z][\w.'’-]*[ \t]+){0,4}(?:entries|listings|designations|designees|"
                      r"individuals|entities)(?:[ \t]+[\w.'’-]+){0,3}[ \t]*:[ \t]*$", re.M | re.I)


def _under_heading(ctx: Context, first: Listing, words: NoticeWords) -> Iterator[Found]:
    """ "SDN entries:" after the prose: the entries under such a heading are the notice's first listing's
    (its act of the day), whatever later sentence stands before the heading."""
    doc = ctx.doc
    for m in _HEADING.finditer(text_of(doc), first.cue.idx):
        colon = m.start() + m.group(0).rindex(":")
        stop = next((t.i for t in doc[first.cue.i:] if t.idx == colon), None)
        entries = entries_after(ctx, stop, words) if stop is not None else []
        for entry in entries:  # "(Linked To: X)" says no more than a tie: no membership read from it
            entry.grounds[:] = [g for g in entry.grounds if not _LINKED.search(
                text_of(doc)[max(0, g[2].start_char - 16):g[2].start_char])]
        listing = Listing(first.cue, entries, first.designators, first.kinds, first.date)
        for entry in entries:
            yield from _entry_facts(ctx, listing, entry)
        return


_LINKED = re.compile(r"linked\s+to:?\s*$", re.I)


def _entry_facts(ctx: Context, listing: Listing, entry: Entry) -> Iterator[Found]:
    """The designations of one entry, then the relations its grounds state."""
    conf = 0.85 if entry.how == "tree" else 0.75
    for state in listing.designators:
        if entry.span == state or entry.span.label_ not in _TARGETS or _same(entry.span, state):
            continue
        for kind in listing.kinds:
            yield make(entry.span, kind, state, listing.cue, conf, f"notices.{entry.how}", date=listing.date)
    for pred, direction, body in entry.grounds:
        if body in listing.designators or _same(body, entry.span):
            continue
        subj, obj = (entry.span, body) if direction == "entry" else (body, entry.span)
        yield make(subj, Predicate(pred), obj, listing.cue, 0.75, "notices.grounds")


def _same(a: Span, b: Span) -> bool:
    return a.start == b.start and a.end == b.end or (bool(a.kb_id_) and a.kb_id_ == b.kb_id_)


def _listings(ctx: Context, words: NoticeWords) -> Iterator[Listing]:
    """The listing acts of a doc: a listing verb (or "add ... to the list") not undone by a revocation."""
    issuer: list[Span] | None = None
    first: tuple[list[Span], list[Predicate]] | None = None  # the notice's first act: its designators, kinds
    for cue in ctx.cues(*words.verbs, *words.verbs_with_list, *words.nouns):
        noun = cue.lower_ in words.nouns
        if (cue.pos_ != "NOUN" if noun else not _verb(cue)) or _undone(cue, words) or urged(cue):
            continue
        scope = _scope(cue)
        if (noun or cue.lemma_ in words.verbs_with_list) and not _names_list(scope, words) \
                and not (_names_listed(cue) and _sanctions_notice(cue, words)) \
                and not (noun and _terror_listing(cue, words)):
            continue
        designators = [s for s in _designators_of(ctx, cue) if s.label_ != "Person"]  # bodies only
        if not designators:
            issuer = _issuer(ctx, words) if issuer is None else issuer
            designators = issuer
        kinds = _kinds(scope, words, cue, designators)
        if first is not None and _plain(cue, scope, words) and designators == first[0]:
            kinds = first[1]  # "X was listed on 20 March 2013" in a notice: as the notice lists
        if not kinds:
            continue
        first = first or (designators, kinds)
        entries = _entries(ctx, cue, words)  # without a designator the grounds still hold
        yield Listing(cue, entries, designators, kinds, listing_date(ctx, cue))  # entries may follow


def _verb(cue: Token) -> bool:
    """A listing verb, also where the tagger misreads it ("I hereby designate" tagged an adjective)."""
    return cue.pos_ in {"VERB", "AUX"} or cue.i > 0 and cue.nbor(-1).lower_ in {"hereby", "i", "we"}


def _scope(cue: Token) -> list[Token]:
    """The words that say what a listing is: the cue's own phrase and the clause after it up to its end
    (brackets skipped: "sanctioned X (a.k.a. Y) as a Specially Designated Global Terrorist")."""
    doc = cue.doc
    out = [cue, *(t for c in cue.children if c.dep_ not in _OTHER_CLAUSES for t in c.subtree)]
    depth = 0
    for tok in doc[cue.i + 1:min(len(doc), cue.i + _WINDOW // 3)]:
        depth += (tok.text == "(") - (tok.text == ")")
        if depth <= 0 and (tok.text in {".", "!", "?"} or "\n\n" in tok.whitespace_ or tok.lower_ in {
                "which", "who", "whose"}):
            break
        out.append(tok)
    if cue.dep_ in {"xcomp", "acl"} and cue.head.pos_ == "NOUN":  # "the decision to add X to the list"
        out += list(cue.head.head.subtree) if cue.head.dep_ == "dobj" else []
    return out


def _names_list(scope: list[Token], words: NoticeWords) -> bool:
    return any(t.lemma_.lower() in {"list", "annex", "schedule"} or t.lower_ in words.sanction for t in scope)


def _terror_listing(noun: Token, words: NoticeWords) -> bool:
    """ "the designation of A and B as Foreign Terrorist Organizations": its own "as" says terrorist."""
    near = [*noun.subtree, *(t for t in noun.head.subtree if t.i > noun.i and noun.dep_ == "dobj")]
    return any(t.lower_ == "as" and _kinds(list(t.subtree), words, t) == [Predicate.DESIGNATED_TERRORIST_BY]
               for t in near)  # the parser hangs "as" on the verb: "announced the designation of A, as ..."


def _plain(cue: Token, scope: list[Token], words: NoticeWords) -> bool:
    """A bare listing verb whose own clause names no kind ("A was listed on 20 March 2013")."""
    lows = {t.lower_ for t in scope} | {t.lemma_.lower() for t in scope}
    kind_words = words.terror | words.sanction
    return cue.lemma_ in _PLAIN_LISTING and cue.pos_ == "VERB" and not lows & kind_words \
        and not any("terror" in w for w in lows)


def _kinds(scope: list[Token], words: NoticeWords, cue: Token,
           designators: list[Span] | None = None) -> list[Predicate]:
    """DESIGNATED_TERRORIST_BY for terrorist words, SANCTIONED_BY for sanction words (or the verb); a plain
    "designated X" by a sanctions office (Treasury, OFAC) is a sanction."""
    lows = {t.lower_.strip(".") for t in scope} | {t.lemma_.lower() for t in scope}
    kinds = []
    if lows & words.terror or any("terror" in w for w in lows):
        kinds.append(Predicate.DESIGNATED_TERRORIST_BY)
    plain = cue.lemma_ in _PLAIN_LISTING or _names_listed(cue)
    if not kinds and plain and cue.lemma_ != "sanction" and not lows & words.sanction \
            and any(_SANCTIONS_OFFICE.search(s.text) or _SANCTIONS_OFFICE.search(s.kb_id_)
                    for s in designators or ()):
        return [Predicate.SANCTIONED_BY]
    if cue.lemma_ == "sanction" or lows & words.sanction or not kinds and plain \
            and _sanctions_notice(cue, words):
        kinds.append(Predicate.SANCTIONED_BY)
    return kinds


def _sanctions_notice(cue: Token, words: NoticeWords) -> bool:
    """The notice is about sanctions (its title or any sentence says so): a designation in it without
    terrorist words ("designating X a transnational criminal organization") is a sanction."""
    title = str(cue.doc.user_data.get("title") or "").lower().split()
    return bool(words.sanction & {w.strip(".,:;") for w in title}) or any(
        t.lower_ in _SANCTIONS_NOTICE for t in cue.doc)


def _undone(cue: Token, words: NoticeWords) -> bool:
    """ "revoking the designations of X", "X was removed from the list": no listing."""
    node = cue
    for _ in range(4):
        if node.lower_ in words.undoing or node.lemma_.lower() in words.undoing:
            return True
        if node.head == node:
            break
        node = node.head
    lefts = cue.doc[max(cue.sent.start, cue.i - 4):cue.i]
    return any(t.lower_ in words.undoing for t in lefts)


def _designators_of(ctx: Context, cue: Token) -> list[Span]:
    """The clause's designator: the agent of a passive, the subject (through "intends to designate",
    "announced his intent to designate", "decided to list")."""
    if cue.tag_ == "VBN" and cue.pos_ == "VERB":
        agents = _passive_parts(ctx, cue)[1]
        if agents or any(t.lower_ == "by" for t in cue.subtree):
            return agents  # "designated as a terrorist organization by A, B and C"
    node = cue
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            found = [s for s in _designators(ctx, subject) if s.label_ in _BODIES or s.label_ == "Person"]
            return found or _subject_left(ctx, node)
        by = next((c for c in node.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if node.pos_ == "NOUN" and by is not None:  # "the decision by the Government of Norway to list X"
            found = [s for s in _designators(ctx, pobj_of(node, {"by"})) if s.label_ in _BODIES]
            if found:
                return found
        if node.dep_ in _CLIMB and node.head != node:
            node = node.head
        else:
            break
    return _subject_left(ctx, node)


def _subject_left(ctx: Context, verb: Token) -> list[Span]:
    """ "the Security Council Committee pursuant to resolutions 1267 (1989) ... approved": a body the parser
    made the subject of another word, first in the clause before its verb."""
    for i in range(verb.sent.start, verb.i):
        span = ctx.at.get(i)
        if span is not None and span.start == i and span.label_ in _BODIES and span.root.dep_ == "nsubj" \
                and span.root.head.i < verb.i:
            return [span]
    return []


def _issuer(ctx: Context, words: NoticeWords) -> list[Span]:
    """The notice's issuing body (its first statement's subject, header, or first lister)."""
    return notice_issuer(ctx, lambda c, t: _designators(c, t), lambda verb: verb.lemma_ in words.verbs)


def _entries(ctx: Context, cue: Token, words: NoticeWords) -> list[Entry]:
    """The entries a listing names: its parse (objects, passive subjects), the surface list after
    the verb, and numbered or bulleted entries after "the following ...:"."""
    out: list[Entry] = []
    if cue.pos_ == "NOUN":
        tree = ctx.group(pobj_of(cue, {"of"}))
    else:
        pronoun = listed_pronoun(ctx, child(cue, "dobj"))
        tree = ctx.subjects(cue) if _passive(cue) else objects(ctx, cue) if pronoun is None else pronoun
        tree += [s for noun in _object_nouns(cue) for s in ctx.listed(noun) if s not in tree]
    tree = _group_anaphor(ctx, cue) or tree
    tree += [s for s in _second_objects(ctx, cue) if s not in tree]
    for span in tree:
        out.append(Entry(span, "tree", []))
    surface, stop = _surface(ctx, _list_start(cue), words)
    if not surface and not tree:  # "six individuals and two entities responsible for ..., including A and B"
        incl = next((t for t in cue.doc[stop:cue.sent.end] if t.lower_ in {"including", "namely"}), None)
        if incl is not None:
            surface, stop = _surface(ctx, incl, words)
    colon = next((t for t in cue.doc[stop:cue.sent.end] if t.text == ":"), None)
    if colon is not None and colon.i + 1 < len(cue.doc) and "\n" not in colon.whitespace_:
        inline, stop = _surface(ctx, colon, words)  # "designated ... pursuant to E.O. 14024: A; B; and C."
        surface += inline
    out += [e for e in surface if all(e.span != o.span for o in out)]
    out += [e for e in entries_after(ctx, stop, words) if all(e.span != o.span for o in out)]
    if not out:
        out = counted_entries(ctx, cue, words)
    _share_grounds(ctx, out, cue, stop, words)
    return out


_NAME_LINKS = frozenset({"fi", "wa", "wal", "li", "min", "bil"})
_NAMED_BY_OF = frozenset({"name", "entry", "designation", "listing", "addition", "inclusion", "proscription"})
_ANAPHORS = frozenset({"group", "organization", "organisation", "movement", "militia", "network", "entity"})
_GROUPS = frozenset({"ArmedGroup", "PoliticalParty", "Organization"})


def _group_anaphor(ctx: Context, cue: Token) -> list[Span]:
    """ "..., designating the group as a terrorist group": the group named last before the listing
    (in its sentence or the one before), whatever coreference linked "the group" to."""
    listed = next((c for c in cue.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    if listed is None or listed.lemma_.lower() not in _ANAPHORS or listed.i in ctx.at:
        return []
    if not any(c.lower_ in {"the", "this"} and c.dep_ == "det" for c in listed.children):
        return []
    start = cue.sent.start
    start = ctx.doc[start - 1].sent.start if start > 0 else start
    named = [ctx.at[i] for i in range(start, listed.i) if i in ctx.at and ctx.at[i].label_ in _GROUPS]
    armed = [s for s in named if s.label_ != "Organization"]  # "the group" is a group before a body
    return (armed or named)[-1:]


def _second_objects(ctx: Context, cue: Token) -> list[Span]:
    """ "designating A as an FTO and B and C as SDGTs": the actors the parser hung on the first "as"."""
    out: list[Span] = []
    for prep in (c for c in cue.children if c.dep_ == "prep" and c.lower_ == "as"):
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        for conj in obj.conjuncts if obj is not None else ():
            span = ctx.ref(conj)
            if span is not None and span.label_ in _TARGETS and span not in out:
                out.append(span)
    return out


def _object_nouns(cue: Token) -> list[Token]:
    """The common nouns a listing takes ("six individuals and two entities ..., including A and B")."""
    start = _list_start(cue)
    heads = [c for c in start.children if c.dep_ in {"dobj", "pobj"} and c.pos_ == "NOUN"]
    return [t for h in heads for t in (h, *h.conjuncts) if t.pos_ == "NOUN"]


def _list_start(cue: Token) -> Token:
    """Where the listed follow: the verb, or its "on"/"against" ("impose restrictive measures on A")."""
    if _names_listed(cue):
        return cue.head  # "The listings include A, B and C": the list follows "include"
    if cue.lemma_ in {"impose", "apply", "extend"}:
        prep = next((t for t in cue.subtree if t.lower_ in {"on", "against"} and t.dep_ == "prep"), None)
        return prep if prep is not None else cue
    return cue


_NAMING = frozenset({"include", "be", "comprise", "cover"})


def _names_listed(cue: Token) -> bool:
    """ "The new listings include A and B", "Those designated are A and B": a listing noun names its entries
    through the verb it is the subject of."""
    return cue.pos_ == "NOUN" and cue.dep_ == "nsubj" and cue.head.lemma_ in _NAMING


def _passive(cue: Token) -> bool:
    return cue.tag_ == "VBN" and (any(c.dep_ in {"auxpass", "nsubjpass"} for c in cue.children)
                                  or cue.dep_ in {"acl", "relcl"})


def _surface(ctx: Context, cue: Token, words: NoticeWords) -> tuple[list[Entry], int]:
    """Actors listed after the verb up to where the list ends; the index where it ended."""
    doc = ctx.doc
    out: list[Entry] = []
    depth = 0
    i = cue.i + 1
    end = min(len(doc), cue.i + _WINDOW)
    while i < end:
        tok = doc[i]
        depth += (tok.text == "(") - (tok.text == ")")
        if depth <= 0 and _stops(tok, cue, words):
            break
        span = ctx.at.get(i)
        if span is not None and span.start == i and depth <= 0:
            if _is_item(ctx, span, cue, words):
                out.append(Entry(span, "list", []))
            i = span.end
            continue
        i += 1
    return out, i


def _stops(tok: Token, cue: Token, words: NoticeWords) -> bool:
    """Where a list of entries ends: the end of the sentence, its grounds or basis, another verb."""
    if "\n\n" in tok.whitespace_ or tok.text.count("\n") > 1:
        return True
    if tok.text in {".", "!", "?"}:
        return True
    low = tok.lower_
    if low == "as" and "well" in {tok.nbor(-1).lower_, tok.doc[min(tok.i + 1, len(tok.doc) - 1)].lower_}:
        return False
    if low == "as" and tok.nbor(-1).lower_ == "known":
        return False  # "A, also known as B, and C": the list goes on past an alias
    if low in words.stops:
        return True
    if tok.i == cue.i + 1 and tok.lemma_ == "be" and cue.tag_ == "VBN":
        return False  # "Also listed are A, B and C"
    return tok.tag_ in {"VBD", "VBZ", "VBP", "MD"} and tok.i != cue.i and tok.dep_ not in {"amod", "compound"}


def _is_item(ctx: Context, span: Span, cue: Token, words: NoticeWords) -> bool:
    """An entry of the list: a separator, the verb or a line start before it (past a few description
    words), and neither a modifier ("Kenya-based", "X's leader") nor a detail field."""
    doc = ctx.doc
    if span.end < len(doc) and doc[span.end].text in {"-", "–", *words.lead}:
        return False
    if span.root.dep_ in {"nsubj", "nsubjpass"} and span.root.head.i >= span.end and span.root.head != cue:
        return False  # "..., and the Turkish army has launched": the subject of a new clause
    i = span.start - 1
    skipped = 0
    while i > cue.i:
        tok = doc[i]
        if tok.lower_ in _LIST_SEPS or line_start(tok) or i == cue.i + 1 and tok.lemma_ == "be":
            return tok.lower_ != "or" or doc[i - 1].lower_ != "for"
        if tok.lower_ == "with" and doc[i - 1].lower_ in {"along", "together"}:
            return True
        if tok.lower_ == "as" and doc[i - 1].lower_ == "well":
            return True
        if tok.lower_ == "of" and doc[i - 1].lemma_.lower() in _NAMED_BY_OF:
            return True  # "added the name of X to the list"
        if skipped == 0 and tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.i not in ctx.at:
            i -= 1  # "and Jama'atu [Ansarul Muslimina]": a name word the model left out of the name
            skipped += 1
            continue
        if not _describes(ctx, tok) or skipped > 5:
            return False
        i -= 1
        skipped += 1
    return True


def _describes(ctx: Context, tok: Token) -> bool:
    """A word that may describe an entry before its name ("the Kenya-based company", "its leader")."""
    if tok.i in ctx.at:
        return True
    if tok.lower_ in _OWNERS or tok.text in {"-", "–", "'s", "’s"} or lexicon().country_of(tok.text) \
            or tok.lower_.rstrip(".") in lexicon().name_prefixes:  # "Brigadier General X"
        return True
    if tok.lower_ in _NAME_LINKS:
        return False  # "Jama'atu X fi Bilad-Y": a word inside a name, so "Bilad-Y" is no entry of its own
    return tok.is_lower and tok.pos_ in {"NOUN", "ADJ", "NUM", "DET", "VERB"} and tok.tag_ in {
        "NN", "NNS", "JJ", "CD", "DT", "VBN", "PDT"}


def _share_grounds(ctx: Context, entries: list[Entry], cue: Token, stop: int, words: NoticeWords) -> None:
    """Grounds stated after a list ("A, B and C for being members of X") belong to every entry of it
    that has none of its own."""
    end = min(len(ctx.doc), cue.sent.end)
    if stop >= end:
        return
    shared = grounds_in(ctx, stop, end, words)
    own = [e for e in entries if e.how != "entry"]
    if ctx.doc[stop].lower_ in {"who", "whose", "which"}:
        own = [e for e in own if e.span.end <= stop][-1:]  # a relative clause is its own item's
    for entry in own:
        if not entry.grounds:
            entry.grounds.extend(shared)
