"""Infobox labels in every written form: each label of the lexicon is written once, its variants made here.

Wikipedia's templates and the way users paste them write one label many ways: singular or
plural ("Leader", "Leaders", "Leader(s)"), organisation or organization, with or without an
article ("Designated as a terrorist group by", "Designated as terrorist group by"), with a
hyphen or a space ("Secretary-General", "Secretary General"). Readers of pasted text and the
infobox rules share this one table.
"""

from __future__ import annotations

from functools import lru_cache

from ingest.lexicon import lexicon

_PREPOSITION_END = (" by", " of", " in", " as", " since", " from", " into")


def _plurals(label: str) -> set[str]:
    """The label in the singular, the plural and with a trailing "(s)" (the last word only)."""
    if label.endswith(_PREPOSITION_END):
        return {label}
    stem = label[:-3] if label.endswith("(s)") else label
    if stem.endswith("ies"):
        return {stem, stem[:-3] + "y", stem[:-3] + "y(s)"}
    if stem.endswith("y") and not stem.endswith(("ay", "ey", "oy")):
        return {stem, stem + "(s)", stem[:-1] + "ies"}
    if stem.endswith("s") and not stem.endswith(("ss", "us", "ters")):
        return {stem, stem[:-1], stem[:-1] + "(s)"}
    if stem.endswith(("s", "x")):
        return {stem}
    return {stem, stem + "s", stem + "(s)"}


def variants(label: str) -> set[str]:
    """Every written form of one label: spelling, article, hyphen and number variants."""
    forms = {label, label.replace("organisation", "organization"),
             label.replace("organization", "organisation")}
    for article in (" a ", " an "):
        forms |= {f.replace(article, " ") for f in forms if article in f}
        forms |= {f.replace(" as ", " as a ").replace(" as a a ", " as a ") for f in forms if " as " in f}
    forms |= {f.replace("-", " ") for f in forms} | {f.replace("vice ", "vice-") for f in forms}
    return {p for f in forms for p in _plurals(f)}


@lru_cache(maxsize=1)
def label_forms() -> dict[str, str]:
    """Each written form of a label (lower case) -> the label of the lexicon it stands for."""
    lex = lexicon()
    out = {form: label for label in lex.infobox_other for form in variants(label)}
    out |= {form: label for label in lex.infobox_labels for form in variants(label)}
    return out | {label: label for label in lex.infobox_labels}  # a label written out is itself
