-- The MinHash signature of each document's cleaned text, so that the copy-detection index can
-- be rebuilt when parley starts instead of signing every stored text again. A document without
-- a row here (a crash between storing it and its signature) is signed again from its text.
CREATE TABLE signatures (
	doc INTEGER PRIMARY KEY REFERENCES documents (seq) ON DELETE CASCADE,
	sig BLOB NOT NULL
);
