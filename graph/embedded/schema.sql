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
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions (entity_id);

-- Relations and evidence are rowid tables with a unique id index: rows are
-- appended and only the small index takes random inserts, which keeps the
-- pages a 10k-relation batch dirties (and its commit) small.
CREATE TABLE IF NOT EXISTS relations (
    id              TEXT NOT NULL UNIQUE,
    subject         TEXT NOT NULL,
    predicate       TEXT NOT NULL,
    object          TEXT NOT NULL,
    attrs           TEXT NOT NULL,  -- JSON object
    confidence      REAL NOT NULL DEFAULT 0.0,
    first_seen      TEXT,
    last_seen       TEXT,
    evidence_count  INTEGER NOT NULL DEFAULT 0
);

-- An item's identity is (relation, article, start, end): what Evidence.id_for
-- hashes, so the unique index doubles as the by-relation index.
CREATE TABLE IF NOT EXISTS evidence (
    relation_id  TEXT NOT NULL,
    article_id   TEXT NOT NULL,
    sentence     TEXT NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    date         TEXT,
    confidence   REAL NOT NULL,
    provenance   TEXT NOT NULL,
    resolved     TEXT NOT NULL DEFAULT '[]',  -- JSON [[text, start, end, entity id], ...]
    UNIQUE (relation_id, article_id, start, "end")
);
CREATE INDEX IF NOT EXISTS evidence_article ON evidence (article_id);

-- user_version is set by graph/embedded/names.py `migrate` once the key tables are built.
