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
    text = doc.text
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
        parts = _parts(text[m.start() + 1:close])
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
    return [e for e in ents if (e.start, e.end) not in dropped], aliases
