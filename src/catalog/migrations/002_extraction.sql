-- Extraction results: per file (a file's figures do not depend on which report links it), and per report
-- (the best rendition, disagreements between renditions, cross-year checks).

CREATE TABLE extractions (
  sha256        TEXT PRIMARY KEY REFERENCES files(sha256) ON DELETE CASCADE,
  status        TEXT NOT NULL CHECK (status IN ('extracted', 'partial', 'failed', 'unsupported', 'needs_ocr')),
  reason        TEXT,
  extractor     TEXT NOT NULL,
  template      TEXT CHECK (template IN ('2019', '2021')),
  low_confidence INTEGER NOT NULL DEFAULT 0,
  unreadable    TEXT NOT NULL DEFAULT '[]',   -- JSON array of figure keys that could not be read
  text          TEXT NOT NULL DEFAULT '',     -- the document's text, normalised
  extracted_at  TEXT NOT NULL
);

-- Every cell of the standard tables: (file, key) → number or empty. key is s3.<row>.<col>, s4.<key>, s2.<row>.<col>.
CREATE TABLE figures (
  sha256        TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  key           TEXT NOT NULL,
  section       TEXT NOT NULL,               -- 2 | 3 | 4
  row_key       TEXT NOT NULL,
  col_key       TEXT,
  value         REAL,                        -- a cell the document leaves empty is 0; NULL: unknown (unreadable flag)
  unreadable    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (sha256, key)
);

-- Arithmetic checks (勾稽关系) of one file's figures, with their numbers. ok: 1 pass, 0 fail, NULL uncertain.
CREATE TABLE checks (
  sha256        TEXT NOT NULL REFERENCES files(sha256) ON DELETE CASCADE,
  rule          TEXT NOT NULL,
  scope         TEXT NOT NULL,
  expected      REAL,
  actual        REAL,
  ok            INTEGER,
  PRIMARY KEY (sha256, rule, scope)
);

-- Per report: where its figures come from (the best rendition) and how the renditions compare.
CREATE TABLE report_extractions (
  report_id     INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  status        TEXT NOT NULL CHECK (status IN ('pending', 'extracted', 'partial', 'failed', 'unsupported', 'needs_ocr')),
  reason        TEXT,
  best_sha256   TEXT REFERENCES files(sha256),
  template      TEXT,
  checks_failed INTEGER NOT NULL DEFAULT 0,
  checks_uncertain INTEGER NOT NULL DEFAULT 0,
  disagreements TEXT NOT NULL DEFAULT '[]',   -- JSON: renditions that disagree on a figure
  updated_at    TEXT NOT NULL
);

-- Soft checks across years (this year's 结转下年度 = next year's 上年结转), stored on the later report.
CREATE TABLE report_checks (
  report_id     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  rule          TEXT NOT NULL,
  scope         TEXT NOT NULL,
  expected      REAL,
  actual        REAL,
  ok            INTEGER,
  PRIMARY KEY (report_id, rule, scope)
);
