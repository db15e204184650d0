"""Foreign-script glosses and "also known as" brackets give an actor aliases, never new actors.

"The Zarqan Front (Arabic: جبهة زرقان, Jabhat Zarqan)", "the Vell Brigades (also known
as "Saraya Vell")" or "Jabhat Zarqan, meaning "Zarqan Front"": the bracket or the quoted
translation after a name holds other names of it. The entities the
model found inside such a bracket are dropped, and they and the bracket's Latin-script
parts are recorded as aliases of the name before it (`doc.user_data["ag_aliases"]`,
keyed by the name's token span), which clustering adds to the entity.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ingest.spans import text_of

ALIASES = "ag_aliases"
_CUES = r"lit\.|romani[sz]ed:|also (?:known as|called|spelled|written)|a\.k\.a\.?|aka\b|formerly"
_GLOSS = re.compile(rf"\(\s*(?:[A-Z][A-Za-z]{{1,8}}[;,]\s*)?(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*:|{_CUES})")
# A translation in quotes: "Wilayat Garb Ifriqiya, meaning "West African Province"".
_MEANING = re.compile(r"\b(?:meaning|lit\.|literally|translated as|translation)\s*"
                      r"[\"'“‘](?P<q>[^\"'”’\n]{2,80})[\"'”’]")
_PLACES = frozenset({"Country", "Location", "GPE", "LOC", "FAC"})
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LEAD = re.compile(rf"^(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?\s*:|{_CUES}|or\b)\s*", re.I)
_MAX_CHARS = 200
# A listing's personal details end its names: "(a.k.a. X; DOB 1970; POB Mosul, Iraq; nationality Iraq)".
_DETAILS = re.compile(r"[(;,]\s*(?:DOB|POB|d\.o\.b|born|date of birth|place of birth|nationality|"
                      r"citizen(?:ship)?|passport|national id|id no|identification|gender|sex|address|"
                      r"position|title|listed on|designat\w*)\b", re.I)


def _close(text: str, start: int) -> int | None:
    """The index of the bracket closing the one at `start`, on the same line and close by."""
    end = text.find(")", start, start + _MAX_CHARS)
    return end if end >= 0 and "\n" not in text[start:end] else None


def _parts(inner: str) -> list[str]:
    """The Latin-script names of a gloss: "Arabic: ..., Harakat X" -> ["Harakat X"]."""
    out = []
    for part in re.split(r"[,;]|\bor\b", inner):
        part = _LEAD.sub("", part.strip()).strip(" \"'“”‘’")
        if part and _LATIN.search(part) and part[:1].isupper() and len(part.split()) <= 8:
            out.append(part)
    return out


def gloss_aliases(doc: Doc, ents: list[Span]) -> tuple[list[Span], dict[str, list[str]]]:
    """`ents` without the names inside glosses, and the aliases each glossed name gets."""
    text = text_of(doc)
    by_end = {e.end_char: e for e in ents}
    dropped: set[tuple[int, int]] = set()
    aliases: dict[str, list[str]] = {}
    for m in _GLOSS.finditer(text):
        close = _close(text, m.start())
        owner = by_end.get(m.start() - 1) or by_end.get(m.start())
        if close is None or owner is None:
            continue
        inside = [e for e in ents if m.start() < e.start_char and e.end_char <= close]
        dropped |= {(e.start, e.end) for e in inside}
        details = _DETAILS.search(text, m.start(), close)
        names_end = details.start() if details else close
        inside = [e for e in inside if e.end_char <= names_end]
        parts = _parts(text[m.start() + 1:names_end])
        names = parts + [e.text for e in inside  # a word of a longer part is no name of its own
                         if e.label_ not in _PLACES and not any(e.text in p for p in parts)]
        known = aliases.setdefault(f"{owner.start}:{owner.end}", [])
        known.extend(n for n in dict.fromkeys(names) if n not in known)
    for m in _MEANING.finditer(text):
        owner = max((e for e in ents if e.end_char <= m.start() and m.start() - e.end_char < _MAX_CHARS
                     and (e.start, e.end) not in dropped), key=lambda e: e.end_char, default=None)
        inside = [e for e in ents if m.start("q") <= e.start_char and e.end_char <= m.end("q")]
        dropped |= {(e.start, e.end) for e in inside}
        known = aliases.setdefault(f"{owner.start}:{owner.end}", []) if owner is not None else [m.group("q")]
        if m.group("q") not in known:
            known.append(m.group("q"))
    dropped |= _header_glosses(doc, ents, aliases)
    kept = [e for e in ents if (e.start, e.end) not in dropped]
    return _known_as(doc, kept), aliases


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the line holding text[start:end]."""
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


def _header_glosses(doc: Doc, ents: list[Span], aliases: dict[str, list[str]]) -> set[tuple[int, int]]:
    """An infobox heading's translation line ("Zarqan Front" / "جبهة زرقان" / "Front of Zarqan"): a name
    alone on its line right under a line in another script names the actor of the line above that."""
    text = text_of(doc)
    by_line = {_line_of(text, e.start_char, e.end_char): e for e in ents}
    dropped = set()
    for ent in ents:
        line = _line_of(text, ent.start_char, ent.end_char)
        if text[line[0]:line[1]].strip() != ent.text or line[0] < 2:
            continue
        script = _line_of(text, line[0] - 1, line[0] - 1)
        above = text[script[0]:script[1]]
        if not above.strip() or _LATIN.search(above) or not any(c.isalpha() for c in above):
            continue
        dropped.add((ent.start, ent.end))
        owner = by_line.get(_line_of(text, script[0] - 1, script[0] - 1)) if script[0] >= 2 else None
        if owner is not None and text[owner.start_char:owner.end_char] == text[slice(*_line_of(
                text, owner.start_char, owner.end_char))].strip():
            aliases.setdefault(f"{owner.start}:{owner.end}", []).append(ent.text)
    return dropped


_KNOWN_AS = re.compile(r"\b(?:(?:also|better|commonly|widely) )?(?:known as|called|nicknamed)\b"
                       r"|\bnames(?: and abbreviations)? (?:such as|including)\b")
_LIST_GAP = re.compile(r"^[\s,\"'“”‘’]*(?:\b(?:or|and)\b)?[\s,\"'“”‘’]*(?:\bthe\s+)?$", re.I)
_OWNER_GAP = re.compile(r"^[\s,(]*$")
_BRACKET = re.compile(r"\([^()\n]{0,200}\)")
_NAMED = frozenset({"ArmedGroup", "PoliticalParty", "StateBody", "Organization"})


def _known_as(doc: Doc, ents: list[Span]) -> list[Span]:
    """ "known as Zarqa Front (Arabic: ...) or Zarqa Jabha": every name of an "also known as" list names
    the one actor the knowledge base recognises among them; the unknown ones become its mentions."""
    text = text_of(doc)
    out = list(ents)
    for m in _KNOWN_AS.finditer(text):
        chain = _chain(text, [i for i, e in enumerate(out) if e.start_char >= m.end()], out, m.end())
        owner = max((i for i, e in enumerate(out) if e.end_char <= m.start()), default=None,
                    key=lambda i: out[i].end_char)
        if owner is not None and _OWNER_GAP.match(text[out[owner].end_char:m.start()]):
            chain.append(owner)
        known = {out[i].kb_id_ for i in chain if out[i].kb_id_ and out[i].label_ in _NAMED}
        if len(known) != 1:
            continue
        actor = known.pop()
        label = next(out[i].label_ for i in chain if out[i].kb_id_ == actor)
        for i in chain:
            if not out[i].kb_id_ and out[i].label_ not in _PLACES and out[i].label_ != "Person":
                out[i] = Span(doc, out[i].start, out[i].end, label=label, kb_id=actor)
    return out


def _chain(text: str, after: list[int], ents: list[Span], pos: int) -> list[int]:
    """Indexes of the names listed one after another from `pos` (separated by commas, "or", "and",
    quotes and glosses in brackets)."""
    chain: list[int] = []
    for i in after:
        gap = _BRACKET.sub("", text[pos:ents[i].start_char])
        if not _LIST_GAP.match(gap):
            break
        chain.append(i)
        pos = ents[i].end_char
    return chain
