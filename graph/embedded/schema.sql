-- Schema of the embedded store (SQLite). Idempotent: run on every open.
-- JSON columns hold dicts/lists serialised with sorted keys.

CREATE TABLE IF NOT EXISTS articles (
    id          TEXT PRIMARY KEY,
    source      TEXT NOT NULL,
    title       TEXT NOT NULL,
    published   TEXT,
    url         TEXT,
    provenance  TEXT NOT NULL,
    hash        TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS entities (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    norm          TEXT NOT NULL,   -- normalize_name(name), the search sort key
    type          TEXT NOT NULL,
    aliases       TEXT NOT NULL,   -- JSON list, sorted, without the name
    external_ids  TEXT NOT NULL,   -- JSON object
    attrs         TEXT NOT NULL    -- JSON object
) WITHOUT ROWID;

-- Every normalised name and alias of an entity, for search.
CREATE TABLE IF NOT EXISTS entity_names (
    entity_id  TEXT NOT NULL,
    norm       TEXT NOT NULL,
    PRIMARY KEY (entity_id, norm)
) WITHOUT ROWID;

-- Resolution keys (graph/embedded/names.py): every normalised name and alias, and
-- every word of one, by entity type; one index seek per key, whatever the store's size.
CREATE TABLE IF NOT EXISTS name_keys (
    type       TEXT NOT NULL,
    norm       TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (type, norm, entity_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS token_keys (
    type       TEXT NOT NULL,
    token      TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    PRIMARY KEY (type, token, entity_id)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS mentions (
    article_id  TEXT NOT NULL,
    entity_id   TEXT NOT NULL,
    PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;

-- How many articles mention each entity (rows of `mentions`), so retraction asks whether an
-- entity is still mentioned with one seek. It replaces an index of mentions by entity, whose
-- inserts went to a random page each (one per mention of an often-named actor).
CREATE TABLE IF NOT EXISTS entity_mentions (
    entity_id  TEXT PRIMARY KEY,
    n          INTEGER NOT NULL
) WITHOUT ROWID;

-- Relations and evidence: graph/embedded/layout.py (created there, and migrated from older
-- layouts). Both are rowid tables with appended rows; evidence points at its relation's
-- number, so a batch's new items go to the end of their index.

-- user_version is set by the migrations: 2 by graph/embedded/names.py once the key tables are
-- built, 3 and 4 by graph/embedded/layout.py.
