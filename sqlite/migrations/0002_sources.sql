-- Every place a document was read from. A document is stored once per text (its id is the
-- hash of the text), but the same article reaches an analyst from many places: a wire story on
-- several sites, one page filed under two dates. Each such source is a row here, so that no
-- article read is lost and the story view can count where a text appeared.
CREATE TABLE document_sources (
	doc     INTEGER NOT NULL REFERENCES documents (seq) ON DELETE CASCADE,
	source  TEXT NOT NULL,
	seen_at TEXT NOT NULL,
	PRIMARY KEY (doc, source)
) WITHOUT ROWID;

INSERT INTO document_sources (doc, source, seen_at) SELECT seq, source, ingested_at FROM documents;
