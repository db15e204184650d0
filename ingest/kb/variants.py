"""Spelling variants of actor names: Arabic article, apostrophes, known alternations.

The knowledge base stores a canonical name and a handful of real aliases per
actor; these rules expand them into the spellings news actually print, so the
YAML stays small and every transliteration is treated the same way.

Rules, applied in this order to each name or alias:

1. word-wise spelling alternations from `ALTERNATIONS` (Kadhimi/Kazemi/Kadhemi,
   Kata'ib/Kataeb/Kataib, Hezbollah/Hizballah, US/U.S., ...), keeping the case
   pattern of the word they replace;
2. Arabic article styles `al-X`, `Al-X`, `Al X`, `al X`, `el-X`, and the form with
   every article dropped when what is left is not a lone short or common word;
3. apostrophes between letters removed or swapped (`Kata'ib`, `Kataib`, `Kata’ib`);
4. hyphenated compounds also spaced (`Abdul-Mahdi` -> `Abdul Mahdi`), dashes as
   hyphens, and accents folded to ASCII (`Erdoğan` -> `Erdogan`).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable

# Interchangeable spellings of one word, compared case-insensitively.
ALTERNATIONS: tuple[tuple[str, ...], ...] = (
    ("kadhimi", "kazemi", "kadhemi", "kazimi"),
    ("kata'ib", "kataib", "kataeb"),
    ("hezbollah", "hizballah", "hizbullah", "hizbollah"),
    ("asa'ib", "asaib", "asaeb"),
    ("muqtada", "moqtada"),
    ("fatah", "fateh"),
    ("mobilization", "mobilisation"),
    ("organization", "organisation"),
    ("haq", "haqq"),
    ("khazali", "khazaali"),
    ("qais", "qays", "kais"),
    ("muhandis", "mohandes", "muhandes"),
    ("amiri", "ameri"),
    ("soleimani", "suleimani", "sulaimani", "soleymani"),
    ("qasem", "qassem", "qasim"),
    ("qaani", "ghaani", "qa'ani"),
    ("esmail", "ismail"),
    ("ebrahim", "ibrahim"),
    ("haider", "haidar"),
    ("nouri", "nuri"),
    ("mohammed", "muhammad", "mohammad", "mohamed"),
    ("hussein", "husayn", "hussain"),
    ("nasrallah", "nasrullah"),
    ("halbousi", "halbusi", "halboosi"),
    ("fayyadh", "fayyad", "fayadh"),
    ("kaabi", "ka'abi"),
    ("mohammedawi", "muhammadawi", "mohammadawi"),
    ("shaabi", "sha'bi", "shabi", "sha'abi"),
    ("khorasani", "khurasani"),
    ("nujaba", "nujabaa"),
    ("shuhada", "shuhadaa"),
    ("sayyid", "sayed", "sayyed"),
    ("houthi", "huthi"),
    ("daesh", "daish"),
    ("qaeda", "qaida", "qa'ida"),
    ("sairoon", "saairun", "sairun"),
    ("taqadum", "taqaddum"),
    ("hikma", "hikmah", "hekma"),
    ("iraqiya", "iraqiyya"),
    ("wataniya", "wataniyya"),
    ("peshmerga", "peshmarga"),
    ("ashura", "ashoura"),
    ("sudani", "soudani"),
    ("abdul", "abdel"),
    ("sistani", "sistany"),
    ("raisi", "raeisi"),
    ("khamenei", "khamenei'i"),
    ("baghdadi", "bagdadi"),
    ("zarqawi", "zarkawi"),
)

# Acronym spellings that only ever alternate in exactly this case.
EXACT_ALTERNATIONS: tuple[tuple[str, ...], ...] = (
    ("US", "U.S."),
    ("UK", "U.K."),
    ("UN", "U.N."),
)

# Words too common to stand alone as a surface form once the article is dropped.
COMMON_WORDS = frozenset({
    "the", "state", "army", "party", "front", "movement", "forces", "force", "national", "islamic",
    "alliance", "coalition", "council", "union", "group", "brigade", "brigades", "bloc", "list",
    "office", "ministry", "people", "peoples",
})

APOSTROPHES = "'’ʿʾ`‘"
_INNER_APOSTROPHE = re.compile(rf"(?<=\w)[{APOSTROPHES}](?!s\b)(?=\w)")
_ARTICLE = re.compile(r"(?<![\w'’-])(?:al|el|Al|El|AL)([-\s])(?=\w)")
_HYPHEN_COMPOUND = re.compile(r"(?<=[^\W\d])-(?=[^\W\d])")
ARTICLE_STYLES = ("al-", "Al-", "Al ", "al ", "el-")
MAX_SPELLINGS = 48

_WORD_TABLE: dict[str, tuple[str, ...]] = {w: group for group in ALTERNATIONS for w in group}
_EXACT_TABLE: dict[str, tuple[str, ...]] = {w: group for group in EXACT_ALTERNATIONS for w in group}


def spellings(form: str) -> list[str]:
    """Every combination of the known word alternations of `form` (capped), `form` first."""
    parts = re.split(r"(\s+|-)", form)
    options = [_word_options(p) for p in parts]
    combos = itertools.islice(itertools.product(*options), MAX_SPELLINGS)
    return ["".join(c) for c in combos]


def _word_options(word: str) -> tuple[str, ...]:
    if word in _EXACT_TABLE:
        return (word, *[w for w in _EXACT_TABLE[word] if w != word])
    group = _WORD_TABLE.get(word.casefold().replace("’", "'"))
    if group is None:
        return (word,)
    shaped = [_match_case(word, w) for w in group]
    return (word, *[w for w in dict.fromkeys(shaped) if w != word])


def _match_case(model: str, word: str) -> str:
    if model.isupper():
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def has_article(form: str) -> bool:
    """True when `form` contains an Arabic definite article (`al-`, `Al `, `el-`)."""
    return _ARTICLE.search(form) is not None


def article_styles(form: str) -> list[str]:
    """`form` with all its articles written in each house style (al-/Al-/Al /al /el-)."""
    if not has_article(form):
        return [form]
    return [_ARTICLE.sub(style, form) for style in ARTICLE_STYLES]


def drop_articles(form: str) -> str | None:
    """`form` without its articles, or None when that would leave a lone short or common word."""
    if not has_article(form):
        return None
    bare = " ".join(_ARTICLE.sub("", form).split())
    words = bare.split()
    if len(words) == 1 and (len(bare) < 4 or bare.casefold() in COMMON_WORDS):
        return None
    return bare or None


def apostrophe_forms(form: str) -> list[str]:
    """`form` with inner apostrophes removed, as straight quotes and as typographic ones."""
    if not _INNER_APOSTROPHE.search(form):
        return [form]
    return [form, _INNER_APOSTROPHE.sub("", form), _INNER_APOSTROPHE.sub("'", form),
            _INNER_APOSTROPHE.sub("’", form)]


def punctuation_forms(form: str) -> list[str]:
    """Dash, hyphen-compound and accent-folded renderings of `form`."""
    out = [form]
    if "–" in form or "—" in form:
        out.append(re.sub(r"\s*[–—]\s*", "-", form))
        out.append(form.replace("–", "-").replace("—", "-"))
    if _HYPHEN_COMPOUND.search(form) and not has_article(form):
        out.append(_HYPHEN_COMPOUND.sub(" ", form))
    ascii_form = fold_accents(form)
    if ascii_form != form and _latin(form):
        out.append(ascii_form)
    return out


def _latin(text: str) -> bool:
    return all(ord(c) < 0x0370 or c in APOSTROPHES for c in text)


def fold_accents(text: str) -> str:
    """`text` with diacritics removed (`Öcalan` -> `Ocalan`); apostrophes are kept."""
    if text.isascii():
        return text
    text = text.replace("ı", "i").replace("İ", "I")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def variants(form: str) -> list[str]:
    """All generated spellings of one name or alias, `form` itself first, without duplicates."""
    if _plain(form):
        return [form]
    out: dict[str, None] = {form: None}
    for spelled in spellings(form):
        bare = drop_articles(spelled)
        candidates = [*article_styles(spelled), *([bare] if bare else [])]
        if _INNER_APOSTROPHE.search(spelled):
            candidates = [q for c in candidates for q in apostrophe_forms(c)]
        if _needs_punctuation(spelled):
            candidates = [p for c in candidates for p in punctuation_forms(c)]
        out.update(dict.fromkeys(candidates))
    return list(out)


def _plain(form: str) -> bool:
    """Nothing to generate: ASCII, no hyphen, article, inner apostrophe or alternating word (most names)."""
    if not form.isascii() or "-" in form or _INNER_APOSTROPHE.search(form) or has_article(form):
        return False
    return not any(w in _EXACT_TABLE or w.casefold() in _WORD_TABLE for w in form.split())


def _needs_punctuation(form: str) -> bool:
    return not form.isascii() or "-" in form


def expand(forms: Iterable[str]) -> list[str]:
    """The variants of several forms, in order, without duplicates."""
    out: dict[str, None] = {}
    for form in forms:
        out.update(dict.fromkeys(variants(form)))
    return list(out)


# Words that join a surname to what precedes it ("bin Laden", "Abu Ghaith").
_SURNAME_LINKS = frozenset({"bin", "ibn", "bint", "abu", "abd", "abdul", "abdel"})


def surname_base(name: str) -> str | None:
    """The surname of a person's name, with its article or `bin`/`ibn` link; None for one word."""
    words = name.split()
    if len(words) < 2:
        return None
    last = words[-1]
    if len(words) >= 3 and words[-2].casefold() in _SURNAME_LINKS | {"al", "el"}:
        last = f"{words[-2]} {last}"
    return last


def surname_forms(name: str) -> list[str]:
    """Short forms of a person's name by surname (`Mustafa al-Kadhimi` -> `Kadhimi`, `al-Kadhimi`)."""
    base = surname_base(name)
    if base is None:
        return []
    out = [v for v in variants(base) if _usable_surname(v)]
    return list(dict.fromkeys(out))


def _usable_surname(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 4 and form[:1].isalpha() and form.casefold() not in COMMON_WORDS
