"""Pasted web text reads cleanly: citation markers blanked, glued infobox labels split, junk marked.

Every change keeps the body's offsets, because mentions index the article body as
given: a marker ("[12]", "[a]", "[citation needed]", "[edit]") becomes as many
spaces; a label glued to its value ("FounderAbd Al Aziz Awda", "Split fromMuslim
Brotherhood") is split into two tokens without adding a character; infobox labels
("- Leader1:", "Country" in "CountryPalestine"), image file names and "Infobox"
lines are recorded as character ranges (`doc.user_data["ag_junk"]`) that never
hold an actor. The tokenizer wrapper does all of it, so `nlp.make_doc` and
`nlp.pipe` see the same clean text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

from spacy.tokens import Doc

from ingest.infobox_labels import label_forms

JUNK = "ag_junk"
_WORD_MARKS = ("citation needed|clarification needed|edit|update|failed verification"
               "|better source needed|dubious(?: [–-] discuss)?|unreliable source\\??|who\\?|when\\?"
               "|which\\?|according to whom\\?|by whom\\?|verification needed|page needed"
               "|full citation needed|original research\\??|sic\\?")
_NOTE = r"(?:note|nb|n|lower-alpha) ?\d{1,3}"
MARKER = re.compile(rf"\[(?:\d{{1,4}}|[a-z]{{1,2}}|(?i:{_NOTE}|{_WORD_MARKS}))\]")
_IMAGE_LINE = re.compile(r"(?im)^[^\n]{0,200}\.(?:jpe?g|png|svg|gif|webp|tiff?)[ \t]*$")
_BOX_LINE = re.compile(r"(?im)^[ \t]*(?:infobox\b[^\n]*|jump to content"
                       r"|from wikipedia, the free encyclopedia)[ \t]*$")
_BULLET_KEY = re.compile(r"(?m)^[ \t]*[-*•|][ \t]*([A-Z][\w '’()/.-]{0,40}?\d*)[ \t]*:")


def blank_markers(text: str) -> str:
    """The text with citation markers and edit links replaced by as many spaces (offsets unchanged)."""
    return MARKER.sub(lambda m: " " * len(m.group()), text)


@lru_cache(maxsize=1)
def _label_line() -> re.Pattern[str]:
    """A known infobox label at a line's start, then a colon, a pipe or a glued value."""
    labels = sorted(label_forms(), key=len, reverse=True)
    alternatives = "|".join(re.escape(label) for label in labels)
    return re.compile(rf"(?m)^[ \t|]*(?i:(?P<label>{alternatives}))(?P<index>\d*)"
                      rf"(?:(?P<sep>[ \t]*[:|])|(?P<glued>(?=[A-Z\u00c0-\u024f0-9]|www\.)))")


def glued_labels(text: str) -> list[int]:
    """Character offsets where a label glued to its value ends ("Founder|Abd", "Size|8,000")."""
    out = []
    for m in _label_line().finditer(text):
        end = m.end("index")
        if m.group("glued") is not None and (text[end - 1].islower() or text[end - 1] in "0123456789)"):
            out.append(end)
    return out


def junk_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges that never name an actor: infobox labels, image file names, "Infobox" lines."""
    ranges = [(m.start(), m.end()) for rx in (_IMAGE_LINE, _BOX_LINE) for m in rx.finditer(text)]
    ranges += [(m.start(1), m.end(1)) for m in _BULLET_KEY.finditer(text)]
    ranges += [(m.start("label"), m.end("index")) for m in _label_line().finditer(text)
               if m.group("sep") is not None or m.group("glued") is not None]
    return sorted(ranges)


def split_at(doc: Doc, offsets: list[int]) -> Doc:
    """The doc rebuilt with tokens cut at the given character offsets (same text, no annotation)."""
    cuts = sorted(set(offsets))
    words: list[str] = []
    spaces: list[bool] = []
    for token in doc:
        inside = [c - token.idx for c in cuts if token.idx < c < token.idx + len(token.text)]
        pieces = [token.text[i:j] for i, j in zip([0, *inside], [*inside, len(token.text)], strict=True)]
        words += pieces
        spaces += [False] * (len(pieces) - 1) + [bool(token.whitespace_)]
    return Doc(doc.vocab, words=words, spaces=spaces)


class CleanTokenizer:
    """The model's tokenizer over blanked text, with glued labels split and junk ranges recorded."""

    def __init__(self, base: Callable[[str], Doc]) -> None:
        self.base = base

    def __call__(self, text: str) -> Doc:
        clean = blank_markers(text)  # the doc's text (Doc.text is rebuilt from tokens on each access)
        doc = self.base(clean)
        glued = glued_labels(clean)
        if glued:
            doc = split_at(doc, glued)
        doc.user_data[JUNK] = junk_ranges(clean)
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Docs for several texts, one at a time (as `Tokenizer.pipe`)."""
        for text in texts:
            yield self(text)


def in_junk(doc: Doc, start_char: int, end_char: int) -> bool:
    """Does the character span overlap a junk range of the doc?"""
    return any(s < end_char and start_char < e for s, e in doc.user_data.get(JUNK, ()))


SUBJECT = "subject"
_HEADING = re.compile(r"^[ \t]*=*[ \t]*(?P<name>[^\n=]{2,120}?)[ \t]*=*[ \t]*$")


def page_subject(title: str, text: str) -> str:
    """What the page is about: its title, else a heading first line ("= Zarqan Front =", "Zarqan Front")."""
    if title.strip():
        return title.strip()
    first = text.lstrip().split("\n", 1)[0]
    m = _HEADING.match(first)
    if m is None or first.rstrip().endswith((".", "!", "?", ":")):
        return ""
    return m.group("name").strip()
