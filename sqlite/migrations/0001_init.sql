-- The first schema of the parley store.
--
-- documents.seq is the rowid and so the ingest order; documents.id, the content hash, is the
-- key every caller uses (UNIQUE, so it is indexed). Annotation tables hang off seq rather than
-- id: an integer repeated in every mention row costs far less than a 64-character hash.
-- Every annotation table keeps the position of the row in its Go slice (pos), so that a
-- document reads back in the order it was written.
--
-- Nullable columns mark Go nil pointers (a quote without a speaker or cue, an event without a
-- target); an empty string is a present but empty value. Spans are byte offsets into
-- documents.text.

CREATE TABLE documents (
	seq         INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	source      TEXT NOT NULL,
	url         TEXT NOT NULL,
	title       TEXT NOT NULL,
	published   TEXT NOT NULL,
	author      TEXT NOT NULL,
	language    TEXT NOT NULL,
	format      TEXT NOT NULL,
	text        TEXT NOT NULL,
	ingested_at TEXT NOT NULL
);

CREATE TABLE removals (
	doc        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	reason     TEXT NOT NULL,
	PRIMARY KEY (doc, pos)
) WITHOUT ROWID;

CREATE TABLE paragraphs (
	doc        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	PRIMARY KEY (doc, pos)
) WITHOUT ROWID;

CREATE TABLE sentences (
	doc        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	PRIMARY KEY (doc, pos)
) WITHOUT ROWID;

CREATE TABLE actors (
	doc  INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	pos  INTEGER NOT NULL,
	name TEXT NOT NULL,
	code TEXT NOT NULL,
	role TEXT NOT NULL,
	PRIMARY KEY (doc, pos)
) WITHOUT ROWID;

CREATE TABLE mentions (
	doc        INTEGER NOT NULL,
	actor      INTEGER NOT NULL,
	pos        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	PRIMARY KEY (doc, actor, pos),
	FOREIGN KEY (doc, actor) REFERENCES actors (doc, pos) ON DELETE CASCADE
) WITHOUT ROWID;

-- quotes keeps a rowid (id) because quotes_fts indexes it as external content.
CREATE TABLE quotes (
	id            INTEGER PRIMARY KEY,
	doc           INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	pos           INTEGER NOT NULL,
	span_start    INTEGER NOT NULL,
	span_end      INTEGER NOT NULL,
	text          TEXT NOT NULL,
	kind          TEXT NOT NULL,
	speaker_name  TEXT,    -- NULL when the quote has no speaker
	speaker_code  TEXT,
	speaker_start INTEGER,
	speaker_end   INTEGER,
	cue_text      TEXT,    -- NULL when the quote has no cue
	cue_start     INTEGER,
	cue_end       INTEGER,
	date          TEXT NOT NULL,
	UNIQUE (doc, pos)
);

CREATE TABLE events (
	doc          INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	pos          INTEGER NOT NULL,
	source_name  TEXT,    -- NULL when the event has no source actor
	source_code  TEXT,
	source_start INTEGER,
	source_end   INTEGER,
	target_name  TEXT,    -- NULL when the event has no target
	target_code  TEXT,
	target_start INTEGER,
	target_end   INTEGER,
	cameo        TEXT NOT NULL,
	plover       TEXT NOT NULL,
	goldstein    REAL NOT NULL,
	quad_class   INTEGER NOT NULL,
	mode         TEXT NOT NULL,
	date         TEXT NOT NULL,
	date_text    TEXT NOT NULL,
	span_start   INTEGER NOT NULL,
	span_end     INTEGER NOT NULL,
	text         TEXT NOT NULL,
	PRIMARY KEY (doc, pos)
) WITHOUT ROWID;

CREATE TABLE stances (
	doc         INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	pos         INTEGER NOT NULL,
	actor_name  TEXT NOT NULL,
	actor_code  TEXT NOT NULL,
	actor_start INTEGER NOT NULL,
	actor_end   INTEGER NOT NULL,
	issue       TEXT NOT NULL,
	polarity    TEXT NOT NULL,
	date        TEXT NOT NULL,
	span_start  INTEGER NOT NULL,
	span_end    INTEGER NOT NULL,
	text        TEXT NOT NULL,
	PRIMARY KEY (doc, pos)
) WITHOUT ROWID;

CREATE TABLE flags (
	doc        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	kind       TEXT NOT NULL,
	detail     TEXT NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	PRIMARY KEY (doc, pos)
) WITHOUT ROWID;

-- "references" is an SQL keyword, hence refs.
CREATE TABLE refs (
	doc        INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	pos        INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end   INTEGER NOT NULL,
	label      TEXT NOT NULL,
	outlet     TEXT NOT NULL,
	title      TEXT NOT NULL,
	date       TEXT NOT NULL,
	PRIMARY KEY (doc, pos)
) WITHOUT ROWID;

-- Full-text indexes. Both are external-content tables: the words live once, in documents and
-- quotes, and FTS5 reads them back from there for snippet(). Documents are never updated, so
-- the store keeps the indexes in step by inserting into them in the same transaction as the
-- rows they index (no triggers to forget about). Porter stemming lets "email" find "emails".
CREATE VIRTUAL TABLE documents_fts USING fts5 (
	title, text,
	content = 'documents', content_rowid = 'seq',
	tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE quotes_fts USING fts5 (
	text, speaker_name,
	content = 'quotes', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
