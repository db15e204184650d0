"""Names that open the entry lines of a sanctions or terrorist list are actors by their shape.

"OUMAR BELKACEM TIDJANI (a.k.a. ...; DOB 12 Mar 1981; nationality Mali) [SDGT]", "- Shwe
Taung Arms Company Limited, owned or controlled by X", "QDe.170 Name: JAMAAT NUSRAT ...":
the small model often misses or cuts such names (capitals, transliterations, no context). A
line is an entry line when a run of capitalised name words opens it (past a bullet, a number
or a list reference) and list punctuation or an entry's details follow the run. The run becomes
one span (replacing the model's pieces inside it): a person where the line gives a person's
details (date or place of birth, nationality, passport, "(individual)"), else an organisation
that the head-noun typing refines.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ingest.entities.given_names import given_names
from ingest.lexicon import lexicon
from ingest.spans import text_of

_BULLET = r"(?:\d{1,3}[.)]|\(?[a-z0-9]{1,3}\)|[-•*–·▪]|Q[DI][ie]\.\d+)"
_LINKS = r"al|el|bin|ibn|ag|ould|de|del|da|fi|wa|wal|of|the|for|la|le|van|von|y"  # lower-case name words
_ARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-[A-Z][\w'’.-]*"  # "al-Nur"
_WORD = rf"(?:[A-Z][\w'’.-]*|{_ARTICLE}|(?:{_LINKS})(?=\s+(?:(?:the|al|el)\s+)?[A-Z]))"
_RUN = rf"(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,9}})"
_ENTRY = re.compile(rf"^[ \t]*(?P<bullet>{_BULLET}[ \t]+)?(?P<label>Name:[ \t]*)?{_RUN}(?P<after>[^\n]*)$",
                    re.M)
_PERSON_DETAILS = re.compile(r"\b(?:DOB|D\.O\.B|POB|P\.O\.B|born|nationality|passport|gender|"
                             r"citizen|national ID)\b|\(individual\)", re.I)
_DETAILS = re.compile(r"\b(?:a\.k\.a|f\.k\.a|aka|DOB|POB|born|nationality|passport|address|linked to|"
                      r"registration|listed on|other information)\b|\((?:individual|entity)\)|\[[A-Z0-9-]+\]",
                      re.I)
_OPENERS = frozenset({"the", "a", "an", "this", "these", "on", "in", "for", "of", "and", "name"})
_HEADINGS = frozenset({"individuals", "entities", "persons", "groups", "annex", "schedule", "name", "title",
                       "other", "listed", "address", "nationality", "designation"})
_MIN_WORDS = 2
_LISTING_VERB = re.compile(r"\b(?:designat(?:ed|es|ing)|listed|lists|listing|proscrib(?:ed|es|ing)|"
                           r"blacklist(?:ed|s|ing)|added|adds|adding)\s+(?:the\s+)?")
_LISTED_RUN = re.compile(rf"{_RUN}(?=\s+(?:as|to|on|under|in|for)\b|\s*[,.;(]|\s+and\b)")
_LIST_SEP = re.compile(r"(?:\s*,)?\s+(?:and|as well as)\s+(?:the\s+)?|\s*,\s*(?:the\s+)?")
_LIST_WORDS = frozenset({"terrorist", "terrorists", "designated", "list", "organization", "organisation"})
_KEEP_INSIDE = frozenset({"PERSON", "GPE", "Person", "Country", "Location", "StateBody"})
_LINKED = re.compile(rf"\bLinked To:[ \t]*{_RUN}", re.I)
_ORG_WORDS = re.compile(r"\b(?:company|limited|ltd|llc|sarl|corporation|group|trading|bank|foundation|"
                        r"army|brigade|front|movement|force|forces|militia|network|collective)\b", re.I)


def _is_entry(match: re.Match[str]) -> bool:
    """The run opens an entry: an entry's details follow it, or a bullet or "Name:" stands before it and
    list punctuation (or the line's end) after it."""
    words = match.group("name").split()
    if len(words) < _MIN_WORDS or words[0].lower() in _OPENERS or words[0].lower().strip(":.") in _HEADINGS:
        return False
    after = match.group("after")
    lead = after.lstrip()[:1]
    if lead in {"(", ",", ";"} and _DETAILS.search(after[:200]):
        return True
    marked = bool(match.group("bullet") or match.group("label"))
    return marked and (not after.strip() or lead in {",", "(", "–", ";"})  # "- Label: value" is a field


def _label(match: re.Match[str], inside: list[Span]) -> str:
    """PERSON where the line gives a person's details or the model saw a person in the run, else ORG."""
    if _ORG_WORDS.search(match.group("name")):
        return "ORG"
    if _PERSON_DETAILS.search(match.group("after")[:300]):
        return "PERSON"
    return "PERSON" if any(e.label_ in {"PERSON", "Person"} for e in inside) else "ORG"


_GIVEN = re.compile(r",[ \t]+(?P<given>[A-Z][a-z][\w'’-]*(?:[ \t]+[A-Z][a-z][\w'’-]*){0,3})(?=[ \t]*[(;,])")


def _given_after(doc: Doc, span: Span, match: re.Match[str] | None) -> Span | None:
    """The whole "SURNAME, Given Names" of an entry line whose capitalised run is a surname in capitals."""
    if match is None or not span.text.isupper():
        return None
    given = _GIVEN.match(text_of(doc), span.end_char)
    return doc.char_span(span.start_char, given.end("given")) if given is not None else None


def _links(text: str) -> list[tuple[int, int]]:
    """The names after "Linked To:" (an entry's group, in capitals as lists write it)."""
    return [(m.start("name"), m.end("name")) for m in _LINKED.finditer(text)]


def _listed_runs(text: str) -> list[tuple[int, int]]:
    """The capitalised names a listing verb lists in prose ("has listed the Sons of the X Dawn and the Y
    Collective as terrorist organisations"), up to the list's end."""
    out = []
    for verb in _LISTING_VERB.finditer(text):
        pos = verb.end()
        while (m := _LISTED_RUN.match(text, pos)) is not None:
            out.append((m.start("name"), m.end("name")))
            pos = m.end("name")
            sep = _LIST_SEP.match(text, pos)
            if sep is None:
                break
            pos = sep.end()
    return out


def _fills_gap(span: Span, inside: list[Span]) -> bool:
    """A prose run replaces only the model's fragments (a known actor's name only as a short part of it,
    "Sons of the Northern Dawn"): never a person, a place or a state body in it, nor a title before a name."""
    if span[0].lower_ in lexicon().name_prefixes or {w.lower_ for w in span} & _LIST_WORDS:
        return False  # "Brigadier X", "Foreign Terrorist Organization X": no name of a listed actor
    return not any(e.label_ in _KEEP_INSIDE or e.kb_id_ and len(e) > len(span) - 2 for e in inside)


def listing_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` with the name of every entry line as one span (the model's pieces inside it dropped)."""
    text = text_of(doc)
    found = [(m.start("name"), m.end("name"), m) for m in _ENTRY.finditer(text) if _is_entry(m)]
    out = [e for e in title_phrase_names(doc, ents) if not _field_label(e) and not _headline_verb(e)]
    seen = {e.text.lower(): e.label_ for e in ents}  # "KATIBA X" in a list is the "Katiba X" of the prose
    runs = [(a, b, None) for a, b in _links(text)]
    prose = {(a, b) for a, b in _listed_runs(text)}
    for start, end, match in [*found, *runs, *((a, b, None) for a, b in sorted(prose))]:
        span = doc.char_span(start, end - (text[end - 1] == "."), alignment_mode="contract")
        if span is None or len(span) < _MIN_WORDS or any((e.start, e.end) == (span.start, span.end)
                                                         for e in out):
            continue
        inside = [e for e in out if span.start <= e.start and e.end <= span.end]
        if any(e.start < span.end and span.start < e.end for e in out if e not in inside):
            continue  # the model's span runs past the run: keep the model's
        if (start, end) in prose and not _fills_gap(span, inside):
            continue
        label = seen.get(span.text.lower()) or (_label(match, inside) if match is not None else "ORG")
        given = _given_after(doc, span, match) if label == "PERSON" else None
        held = [e for e in out if given is not None and given.start <= e.start < given.end]  # its pieces
        if given is not None and not any(e.start < given.end and given.start < e.end
                                         for e in out if e not in held):
            span, label, inside = given, "Person", held  # "DAGALO MUSA, Mohamed Hamdan": one name
        out = [e for e in out if e not in inside] + [Span(doc, span.start, span.end, label=label)]
    return sorted(out, key=lambda e: e.start)


_AMEND = re.compile(r"\bamend\w*\s+(?:the|its)\s+(?:[\w-]+\s+){0,3}?designations?\s+of\s+"
                    r"(?P<rest>[^.\n]{0,300})", re.I)
_NEW_NAMES = re.compile(r"\b(?:to\s+(?:add|include|reflect)|adding|including)\s+(?:the\s+|its\s+|a\s+)?"
                        r"(?:new\s+)?(?:alias(?:es)?|a\.k\.a\.?s?|names?)\b", re.I)


def amended_aliases(doc: Doc, ents: list[Span], aliases: dict[str, list[str]]) -> list[Span]:
    """ "amended the designation of X to add the aliases Y and Z": Y and Z are other names of X (added to
    `aliases` under X's token span), not new actors; `ents` without them."""
    out = list(ents)
    for m in _AMEND.finditer(text_of(doc)):
        new = _NEW_NAMES.search(m.group("rest"))
        if new is None:
            continue
        start, marker, end = m.start("rest"), m.start("rest") + new.end(), m.end("rest")
        owner = next((e for e in out if start <= e.start_char < m.start("rest") + new.start()), None)
        added = [e for e in out if marker <= e.start_char and e.end_char <= end and e is not owner]
        if owner is None or not added:
            continue
        known = aliases.setdefault(f"{owner.start}:{owner.end}", [])
        known.extend(e.text for e in added if e.text not in known)
        out = [e for e in out if e not in added]
    return out


_FIELD = re.compile(r"(?:Gender|Sex|Organi[sz]ation (?:Type|Established Date)|Nationality|Citizen(?:ship)?|"
                    r"DOB|POB|Passport|National ID(?: No\.?)?|Identification Number|"
                    r"Registration (?:Number|ID)|Website|Email|Phone|Address|"
                    r"Additional Sanctions Information|"
                    r"Secondary Sanctions Risk|"
                    r"Listed On|Other Information|Tax ID(?: No\.?)?|Vessel Type|Aircraft)\b(?::|\s|$)", re.I)


_HEADLINE_VERBS = frozenset({"designates", "redesignates", "targets", "imposes", "announces", "adds", "lists",
                             "blacklists", "delists", "revokes", "amends", "condemns", "welcomes", "expands",
                             "proscribes", "identifies", "freezes"})


def _headline_verb(ent: Span) -> bool:
    """ "State Department Designates Zarvan Leaders": a notice headline's verb opens no actor's name."""
    return not ent.kb_id_ and ent[0].is_title and ent[0].lower_ in _HEADLINE_VERBS


def _field_label(ent: Span) -> bool:
    """ "Gender Male", "Organization Type: Activities of holding companies": a field of a list entry (on a
    line that gives an entry's details), never an actor."""
    if ent.kb_id_ or not _FIELD.match(ent.text):
        return False
    text = text_of(ent.doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    return bool(_DETAILS.search(text[start:len(text) if end < 0 else end]))


_PHRASE_LINKS = frozenset({"of", "the", "for", "and", "on", "&"})
_BODY_HEADS = frozenset({"government", "council", "ministry", "region", "regional", "authority", "commission",
                         "office", "department", "agency", "bank", "army", "forces", "force", "assembly",
                         "parliament", "court", "committee", "union", "nations", "organization", "league",
                         "state", "states", "republic", "kingdom", "party", "front", "movement"})
_PHRASE_MAX = 12  # tokens between a title and the name it stands before
_OUR_TYPES = frozenset({"Person", "Country", "Location", "StateBody", "Organization", "ArmedGroup",
                        "PoliticalParty", "Event", "Election"})


def _in_title_phrase(doc: Doc, start: int) -> bool:
    """Token `start` is inside the "of"/"for" complement of a capitalised state title ("Under Secretary of
    the Treasury for [Terrorism and Financial Intelligence]")."""
    i = start - 1
    low = max(doc[start].sent.start if doc.has_annotation("SENT_START") else 0, start - _PHRASE_MAX)
    while i >= low and (doc[i].is_title or doc[i].lower_ in _PHRASE_LINKS and doc[i].is_lower):
        if doc[i].lower_ in {"of", "for"} and i > 0 and lexicon().titles_ending(doc[i - 1].lower_):
            return True
        i -= 1
    return False


def _name_at(span: Span) -> int | None:
    """Where a name opened by a known given name starts inside a span of title words ("Terrorism and
    Financial Intelligence [Doriane K. Pellwether]"), if everything before it is a title word or link."""
    for k, tok in enumerate(span):
        if k and tok.lower_ in given_names() and 2 <= len(span) - k <= 4:
            return k
        if not (tok.is_title or tok.lower_ in _PHRASE_LINKS):
            return None
    return None


def title_phrase_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """`ents` without the model's pieces of an office's name that a title phrase holds ("Terrorism" in
    "Under Secretary of the Treasury for Terrorism and Financial Intelligence X"), and with a person's span
    that swallowed such words cut down to the name after them."""
    out = []
    for ent in ents:
        if ent.label_ in _OUR_TYPES or ent.kb_id_ or not _in_title_phrase(doc, ent.start):
            out.append(ent)
            continue
        if ent.label_ == "PERSON":
            start = ent.start + (_name_at(ent) or 0)
            grows = doc[start - 1].is_title and doc[start - 1].tag_ == "NNP" \
                and lexicon().country_of(doc[start - 1].text) is None
            label = "Person" if grows else ent.label_  # typed now: never grown back over the title's words
            out.append(Span(doc, start, ent.end, label=label))
        elif not _before_person(doc, ent, ents) or {t.lower_ for t in ent} & _BODY_HEADS \
                or any(lexicon().country_of(t.text) for t in ent):
            out.append(ent)  # "President of the Kurdistan Regional Government X": a body of its own
    return out


def _before_person(doc: Doc, ent: Span, ents: list[Span]) -> bool:
    """Only title words and links stand between `ent` and a person's name after it."""
    i = ent.end
    while i < len(doc) and i - ent.end <= _PHRASE_MAX:
        person = next((e for e in ents if e.start == i and e.label_ in {"PERSON", "Person"}), None)
        if person is not None:
            return True
        if not (doc[i].is_title or doc[i].lower_ in _PHRASE_LINKS and doc[i].is_lower):
            return False
        i += 1
    return False
