-- nianbao: foreign_keys off
-- A password-protected document (encrypted PDF, encrypted OOXML) gets its own extraction status, `encrypted`: it is
-- not a failure of ours and no retry will read it. SQLite cannot alter a CHECK constraint, so the three tables that
-- list the statuses are rebuilt (the documented create-copy-drop-rename procedure, with foreign keys off so that
-- dropping the old table cascades nothing; migrate() runs foreign_key_check before committing).

CREATE TABLE files_003 (
  sha256        TEXT PRIMARY KEY,
  size          INTEGER NOT NULL,
  media_type    TEXT NOT NULL,
  stored_path   TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  extraction_status TEXT NOT NULL DEFAULT 'pending'
    CHECK (extraction_status IN ('pending', 'extracted', 'partial', 'failed', 'unsupported', 'needs_ocr', 'encrypted')),
  extraction_reason TEXT,
  extracted_at  TEXT
);
INSERT INTO files_003 (sha256, size, media_type, stored_path, first_seen_at, extraction_status, extraction_reason, extracted_at)
  SELECT sha256, size, media_type, stored_path, first_seen_at, extraction_status, extraction_reason, extracted_at FROM files;
DROP TABLE files;
ALTER TABLE files_003 RENAME TO files;

CREATE TABLE extractions_003 (
  sha256        TEXT PRIMARY KEY REFERENCES files(sha256) ON DELETE CASCADE,
  status        TEXT NOT NULL CHECK (status IN ('extracted', 'partial', 'failed', 'unsupported', 'needs_ocr', 'encrypted')),
  reason        TEXT,
  extractor     TEXT NOT NULL,
  template      TEXT CHECK (template IN ('2019', '2021')),
  low_confidence INTEGER NOT NULL DEFAULT 0,
  unreadable    TEXT NOT NULL DEFAULT '[]',
  text          TEXT NOT NULL DEFAULT '',
  extracted_at  TEXT NOT NULL
);
INSERT INTO extractions_003 (sha256, status, reason, extractor, template, low_confidence, unreadable, text, extracted_at)
  SELECT sha256, status, reason, extractor, template, low_confidence, unreadable, text, extracted_at FROM extractions;
DROP TABLE extractions;
ALTER TABLE extractions_003 RENAME TO extractions;

CREATE TABLE report_extractions_003 (
  report_id     INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  status        TEXT NOT NULL CHECK (status IN ('pending', 'extracted', 'partial', 'failed', 'unsupported', 'needs_ocr', 'encrypted')),
  reason        TEXT,
  best_sha256   TEXT REFERENCES files(sha256),
  template      TEXT,
  checks_failed INTEGER NOT NULL DEFAULT 0,
  checks_uncertain INTEGER NOT NULL DEFAULT 0,
  disagreements TEXT NOT NULL DEFAULT '[]',
  updated_at    TEXT NOT NULL
);
INSERT INTO report_extractions_003 (report_id, status, reason, best_sha256, template, checks_failed, checks_uncertain, disagreements, updated_at)
  SELECT report_id, status, reason, best_sha256, template, checks_failed, checks_uncertain, disagreements, updated_at FROM report_extractions;
DROP TABLE report_extractions;
ALTER TABLE report_extractions_003 RENAME TO report_extractions;
