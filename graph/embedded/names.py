"""Resolution keys of the embedded store: exact normalised names and whole words, by entity type.

Two WITHOUT ROWID tables keyed (type, text, entity id) answer "which entities of
this type carry this name / this word" by one index seek each, so resolution
costs the same in a store of 10^3 or 10^6 entities. The write path keeps them
(a held entity's type never changes and its names only grow, so rows are only
added, and removed with the entity); `migrate` builds them for older files.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from operator import itemgetter

from graph.embedded.rows import entity_from_row, select_in
from graph.embedded.upgrade import upgrade
from graph.errors import InvalidArgument
from graph.store import Candidates, KeyKind, NameKey, indexed_word

KeyRow = tuple[str, str, str]  # type, text, entity id
_text = itemgetter(1)  # the sort key of key rows (few types; sorting by text keeps the inserts local)
SCHEMA_VERSION = 2  # 2: name_keys and token_keys are kept

_SEEK = {
    KeyKind.NAME: "SELECT entity_id FROM name_keys WHERE type = ? AND norm = ? ORDER BY entity_id LIMIT ?",
    KeyKind.TOKEN: "SELECT entity_id FROM token_keys WHERE type = ? AND token = ? ORDER BY entity_id LIMIT ?",
}
_ENTITIES = "SELECT id, name, type, aliases, external_ids, attrs FROM entities WHERE id IN ({marks})"


def key_rows(items: Iterable[tuple[str, str, Iterable[str]]]) -> tuple[set[KeyRow], set[KeyRow]]:
    """The name rows and the word rows of (type, entity id, normalised names) items."""
    names: set[KeyRow] = set()
    tokens: set[KeyRow] = set()
    for etype, entity_id, norms in items:
        for norm in norms:
            if norm:
                names.add((etype, norm, entity_id))
                tokens.update((etype, word, entity_id) for word in norm.split() if indexed_word(word))
    return names, tokens


def add_keys(conn: sqlite3.Connection, names: Iterable[KeyRow], tokens: Iterable[KeyRow]) -> None:
    """Insert key rows (already held ones are skipped), in key order: each index page is visited once."""
    conn.executemany("INSERT OR IGNORE INTO name_keys VALUES (?, ?, ?)", sorted(names, key=_text))
    conn.executemany("INSERT OR IGNORE INTO token_keys VALUES (?, ?, ?)", sorted(tokens, key=_text))


def drop_keys(conn: sqlite3.Connection, entity_ids: Sequence[str]) -> None:
    """Delete the keys of entities about to be deleted (read from their entity_names rows)."""
    rows = select_in(conn, "SELECT e.type, n.norm, n.entity_id FROM entity_names AS n"
                     " JOIN entities AS e ON e.id = n.entity_id WHERE n.entity_id IN ({marks})", entity_ids)
    names, tokens = _split(rows)
    conn.executemany("DELETE FROM name_keys WHERE type = ? AND norm = ? AND entity_id = ?", names)
    conn.executemany("DELETE FROM token_keys WHERE type = ? AND token = ? AND entity_id = ?", tokens)


def _split(rows: Iterable[tuple[str, str, str]]) -> tuple[set[KeyRow], set[KeyRow]]:
    """Key rows from (type, normalised name, entity id) rows."""
    return key_rows((etype, entity_id, (norm,)) for etype, norm, entity_id in rows)


def migrate(conn: sqlite3.Connection) -> None:
    """Build the key tables from entity_names once, for a file written before they existed."""
    upgrade(conn, SCHEMA_VERSION, _build_keys)


def _build_keys(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT e.type, n.norm, n.entity_id FROM entity_names AS n"
                        " JOIN entities AS e ON e.id = n.entity_id")
    add_keys(conn, *_split(rows))


def candidates(conn: sqlite3.Connection, keys: Sequence[NameKey], cap: int) -> dict[NameKey, Candidates]:
    """Each key's entities (by id), or `common` when `cap` or more entities carry it."""
    if cap < 1:
        raise InvalidArgument(f"cap must be >= 1, got {cap}")
    found: dict[NameKey, list[str] | None] = {key: _seek(conn, key, cap) for key in dict.fromkeys(keys)}
    wanted = {i for ids in found.values() if ids for i in ids}
    held = {row[0]: entity_from_row(row) for row in select_in(conn, _ENTITIES, wanted)}
    return {key: Candidates(common=True) if ids is None
            else Candidates(tuple(held[i] for i in ids if i in held)) for key, ids in found.items()}


def _seek(conn: sqlite3.Connection, key: NameKey, cap: int) -> list[str] | None:
    """The ids one key finds, or None when it is common."""
    if key.kind == KeyKind.ID:
        return [key.text]
    if key.kind == KeyKind.TOKEN and not indexed_word(key.text):
        key.type_value()  # still checked
        return []
    ids = [r[0] for r in conn.execute(_SEEK[key.kind], (key.type_value(), key.text, cap))]
    return None if len(ids) >= cap else ids
