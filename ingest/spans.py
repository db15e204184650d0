"""Custom Doc attributes shared by the actorgraph pipeline components.

`doc._.ag_refs` maps a token index (a pronoun or a definite description) to the
named span it refers to (`doc._.ag_ref_sets`: the spans of a coordinated set a
"they" stands for); `doc._.ag_relations` holds the relations the rules found;
event and election mentions live in `doc.spans[EVENTS]`.
"""

from __future__ import annotations

from spacy.tokens import Doc

EVENTS = "ag_events"


def ensure_extensions() -> None:
    """Register the Doc extensions once (idempotent, called by every factory)."""
    if not Doc.has_extension("ag_refs"):
        Doc.set_extension("ag_refs", default=None)
    if not Doc.has_extension("ag_ref_sets"):
        Doc.set_extension("ag_ref_sets", default=None)
    if not Doc.has_extension("ag_relations"):
        Doc.set_extension("ag_relations", default=None)


_TEXT = "ag_text"


def text_of(doc: Doc) -> str:
    """The doc's text, joined once: `Doc.text` rebuilds it from every token on each call, and the
    entity and relation stages ask for it dozens of times per article."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text
