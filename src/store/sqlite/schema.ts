/**
 * The SQLite schema as an ordered list of migrations. A store records the versions it has applied in
 * `schema_migrations`; opening it applies the missing ones in one transaction each. Column types and
 * names are kept portable to PostgreSQL (TEXT, INTEGER, REAL; JSON as TEXT), except the FTS5 tables.
 */

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, actors, layers, full-text search',
    sql: `
CREATE TABLE documents (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  duplicate_of INTEGER REFERENCES documents(pk),
  duplicate_kind TEXT CHECK (duplicate_kind IN ('exact', 'near')),
  similarity REAL,
  title TEXT,
  url TEXT,
  file TEXT,
  line INTEGER,
  published TEXT,
  reference_date TEXT,
  day TEXT,
  place TEXT,
  country TEXT,
  text TEXT NOT NULL,
  meta TEXT NOT NULL,
  sentences TEXT NOT NULL,
  errors TEXT,
  signature BLOB,
  n_entities INTEGER NOT NULL DEFAULT 0,
  n_quotes INTEGER NOT NULL DEFAULT 0,
  n_events INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX documents_hash ON documents(hash);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
CREATE INDEX documents_day ON documents(day);

CREATE TABLE document_bands (
  band INTEGER NOT NULL,
  bucket INTEGER NOT NULL,
  doc_pk INTEGER NOT NULL,
  PRIMARY KEY (band, bucket, doc_pk)
) WITHOUT ROWID;

CREATE TABLE actors (
  pk INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  code TEXT,
  country TEXT,
  role TEXT,
  n_documents INTEGER NOT NULL DEFAULT 0,
  n_mentions INTEGER NOT NULL DEFAULT 0,
  n_quotes INTEGER NOT NULL DEFAULT 0,
  n_source INTEGER NOT NULL DEFAULT 0,
  n_target INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT,
  last_seen TEXT
);
CREATE INDEX actors_code ON actors(code);
CREATE INDEX actors_name ON actors(name COLLATE NOCASE);

CREATE TABLE entities (
  pk INTEGER PRIMARY KEY,
  doc_pk INTEGER NOT NULL REFERENCES documents(pk),
  ord INTEGER NOT NULL,
  local_id TEXT NOT NULL,
  actor_pk INTEGER NOT NULL REFERENCES actors(pk),
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  code TEXT,
  country TEXT,
  role TEXT,
  lat REAL,
  lon REAL,
  n_mentions INTEGER NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (doc_pk, local_id)
);
CREATE INDEX entities_actor ON entities(actor_pk, doc_pk);

CREATE TABLE mentions (
  pk INTEGER PRIMARY KEY,
  entity_pk INTEGER NOT NULL REFERENCES entities(pk),
  doc_pk INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  kind TEXT NOT NULL,
  code TEXT
);
CREATE INDEX mentions_entity ON mentions(entity_pk);
CREATE INDEX mentions_doc ON mentions(doc_pk);

CREATE TABLE timexes (
  pk INTEGER PRIMARY KEY,
  doc_pk INTEGER NOT NULL REFERENCES documents(pk),
  ord INTEGER NOT NULL,
  local_id TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  day_start TEXT,
  day_end TEXT,
  data TEXT NOT NULL
);
CREATE INDEX timexes_doc ON timexes(doc_pk);

CREATE TABLE quotes (
  pk INTEGER PRIMARY KEY,
  doc_pk INTEGER NOT NULL REFERENCES documents(pk),
  ord INTEGER NOT NULL,
  local_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  speaker_entity_pk INTEGER,
  speaker_actor_pk INTEGER,
  date TEXT,
  day TEXT,
  text TEXT NOT NULL,
  data TEXT NOT NULL,
  UNIQUE (doc_pk, local_id)
);
CREATE INDEX quotes_speaker ON quotes(speaker_actor_pk);
CREATE INDEX quotes_day ON quotes(day);

CREATE TABLE events (
  pk INTEGER PRIMARY KEY,
  doc_pk INTEGER NOT NULL REFERENCES documents(pk),
  ord INTEGER NOT NULL,
  local_id TEXT NOT NULL,
  cameo TEXT NOT NULL,
  root TEXT NOT NULL,
  plover TEXT,
  plover_mode TEXT,
  quad_class INTEGER,
  goldstein REAL,
  date TEXT,
  date_basis TEXT,
  date_start TEXT,
  date_end TEXT,
  day TEXT,
  week TEXT,
  month TEXT,
  published TEXT,
  source_actor_pk INTEGER,
  target_actor_pk INTEGER,
  location_actor_pk INTEGER,
  place TEXT,
  country TEXT,
  negated INTEGER NOT NULL,
  future INTEGER NOT NULL,
  conditional INTEGER NOT NULL,
  hypothetical INTEGER NOT NULL,
  quote_local TEXT,
  sentence INTEGER,
  confidence REAL,
  UNIQUE (doc_pk, local_id)
);
-- The event JSON lives apart so the filtered columns above stay narrow: counting and filtering
-- touch far fewer pages.
CREATE TABLE event_texts (
  event_pk INTEGER PRIMARY KEY,
  trigger_text TEXT NOT NULL,
  data TEXT NOT NULL
);
-- Facet indexes: each leads with one filter column and carries all the others, so counting and
-- paging any combination of type, date, country and modality filters reads one index, not the table.
CREATE INDEX events_f_date ON events(date_start, date_end, root, cameo, quad_class, plover, country, published, negated, future, conditional, hypothetical);
CREATE INDEX events_f_published ON events(published, root, cameo, quad_class, plover, country, date_start, date_end, negated, future, conditional, hypothetical);
CREATE INDEX events_f_root ON events(root, cameo, quad_class, plover, country, date_start, date_end, published, negated, future, conditional, hypothetical);
CREATE INDEX events_f_country ON events(country, root, cameo, quad_class, plover, date_start, date_end, published, negated, future, conditional, hypothetical);
CREATE INDEX events_f_plover ON events(plover, quad_class, root, cameo, country, date_start, date_end, published, negated, future, conditional, hypothetical);
CREATE INDEX events_f_quad ON events(quad_class, root, cameo, plover, country, date_start, date_end, published, negated, future, conditional, hypothetical);
CREATE INDEX events_place ON events(place COLLATE NOCASE);
CREATE INDEX events_dyad ON events(source_actor_pk, target_actor_pk);
CREATE INDEX events_target ON events(target_actor_pk);
CREATE INDEX events_week ON events(week);
CREATE INDEX events_month ON events(month);

CREATE TABLE event_actors (
  event_pk INTEGER NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('source', 'target')),
  position INTEGER NOT NULL,
  actor_pk INTEGER,
  code TEXT,
  PRIMARY KEY (event_pk, role, position)
) WITHOUT ROWID;
CREATE INDEX event_actors_actor ON event_actors(actor_pk, role, event_pk);
CREATE INDEX event_actors_code ON event_actors(code, role, event_pk);

CREATE VIRTUAL TABLE documents_fts USING fts5(
  title, text, content='documents', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
  text, content='quotes', content_rowid='pk', tokenize='unicode61 remove_diacritics 2'
);
`,
  },
  {
    version: 2,
    name: 'role-led actor code index, root + date index, stored maximum date span',
    sql: `
-- Role first: a source or target filter reads only its own role's code range, and an either-role
-- filter reads two ranges (role IN ...). Replaces the code-first index, so inserts pay nothing extra.
DROP INDEX IF EXISTS event_actors_code;
CREATE INDEX event_actors_role_code ON event_actors(role, code, event_pk);
-- A type plus an event date range (the common "what happened in May" filter) seeks the root, then
-- the date range, instead of scanning all of the root or all of a date range; the period columns and
-- goldstein make it cover the timeline of one type too.
CREATE INDEX events_root_date ON events(root, date_start, date_end, week, month, goldstein);
-- Dyad counts group by (source, target): with the type columns and goldstein in the index, the top
-- dyads of a quad class or root are one covering scan in group order, not a lookup per event.
DROP INDEX IF EXISTS events_dyad;
CREATE INDEX events_dyad ON events(source_actor_pk, target_actor_pk, quad_class, root, goldstein);
-- A place filter matches the place name or the located actor's id: with both columns indexed the
-- OR is two index lookups, not a table scan.
CREATE INDEX events_location ON events(location_actor_pk);
-- Small facts about the whole store. max_date_span (days between an event's date_start and
-- date_end, at most) bounds the date_start range a date-overlap filter has to scan.
CREATE TABLE store_meta (
  key TEXT PRIMARY KEY,
  value REAL NOT NULL
);
INSERT INTO store_meta (key, value)
  SELECT 'max_date_span', coalesce(max(julianday(date_end) - julianday(date_start)), 0) FROM events;
`,
  },
  {
    version: 3,
    name: 'pipeline that analysed each document',
    sql: `
-- The stages (name@version, in order) that made a document's layers, so a later run can re-analyse
-- documents made by an older pipeline. Documents stored before this column existed keep NULL:
-- unknown, i.e. stale.
ALTER TABLE documents ADD COLUMN pipeline TEXT;
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
