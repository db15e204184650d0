"""A nation's police, army or armed forces named by its demonym: "Mozambican police", "the Somali
army".

The model tags the demonym alone (NORP, which names no actor) and leaves the force out, though
analysts follow such bodies like any other: they fight, arrest, are attacked and accused. A
capitalised demonym of a country we know, followed by a lower-case force noun, is a state body
named by the two together; the knowledge base's own forms ("Kenyan police") were matched before
and keep their id.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from graph.model import EntityType
from ingest.kb import KnowledgeBase
from ingest.lexicon import Lexicon

# Lower-case nouns after a demonym that name a state's force ("the Malian army").
FORCES: tuple[tuple[str, ...], ...] = (
    ("armed", "forces"), ("defence", "forces"), ("defense", "forces"),
    ("air", "force"), ("coast", "guard"), ("border", "guards"), ("border", "guard"), ("border", "police"),
    ("national", "guard"), ("riot", "police"), ("police",), ("army",), ("navy",),
    ("gendarmerie",),
)  # not "security forces" or "military": descriptions more often than a body's name
_FIRST_WORDS = frozenset(words[0] for words in FORCES)  # looked at before any force is tried
_MAX_DEMONYM = 2  # "South Sudanese", "Sri Lankan"


def _force_at(doc: Doc, start: int) -> int | None:
    """End of the force noun phrase beginning at token `start`, or None."""
    for words in FORCES:
        end = start + len(words)
        if end <= len(doc) and all(doc[start + k].text == w for k, w in enumerate(words)):
            return end
    return None


def _demonym_before(doc: Doc, end: int, lex: Lexicon, kb: KnowledgeBase) -> int | None:
    """Start of a capitalised demonym (of one or two words) ending right before token `end`."""
    for width in range(_MAX_DEMONYM, 0, -1):
        start = end - width
        if start < 0 or not all(t.is_title for t in doc[start:end]):
            continue
        text = doc[start:end].text
        alone = start == 0 or not doc[start - 1].is_title or doc[start - 1].is_sent_start
        if alone and (text.lower() in lex.demonyms or kb.by_demonym(text) is not None):
            return start
    return None


def demonym_forces(doc: Doc, ents: list[Span], lex: Lexicon, kb: KnowledgeBase) -> list[Span]:
    """`ents` with a StateBody span for every "<Demonym> <force>" whose words no actor holds (a NORP
    label on the demonym gives way)."""
    held = {i for e in ents if e.label_ != "NORP" for i in range(e.start, e.end)}
    added: list[Span] = []
    for token in doc:
        if token.text not in _FIRST_WORDS or not token.is_lower or token.i in held:
            continue
        end = _force_at(doc, token.i)
        start = _demonym_before(doc, token.i, lex, kb) if end is not None else None
        if end is None or start is None or any(i in held for i in range(start, end)):
            continue
        if added and added[-1].end > start:
            continue
        added.append(Span(doc, start, end, label=EntityType.STATE_BODY.value))
    if not added:
        return ents
    covered = {i for s in added for i in range(s.start, s.end)}
    kept = [e for e in ents if not any(i in covered for i in range(e.start, e.end))]
    return sorted([*kept, *added], key=lambda e: e.start)
