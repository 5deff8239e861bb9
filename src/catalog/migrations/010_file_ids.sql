-- nianbao: foreign_keys off
-- Files get an INTEGER key, and report_files a file_id pointing at it (issue 12 item 4). `export` joins every
-- report file to its file: by the 64-character hash that was a search of the hash index (its entries in random
-- order all over a million files) and then of the table, per row. By file_id it is one search of the table, and
-- since ids follow the order files were first stored (a report's files together) neighbouring rows share pages.
--
-- sha256 stays the content address: unique, what every other table and query refers to. file_id is derived from it
-- and kept true by SQLite itself, whichever code links a file (the triggers at the end).
--
-- A rowid-aliasing key needs the table rebuilt (VACUUM may renumber an implicit rowid): the documented
-- create-copy-drop-rename, with foreign keys off; dropping the old table drops its index and triggers (006, 007,
-- 009), recreated below as they were. Copied in rowid order, so ids follow the order files were stored.
CREATE TABLE files_010 (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT NOT NULL UNIQUE,
  size          INTEGER NOT NULL,
  media_type    TEXT NOT NULL,
  stored_path   TEXT NOT NULL,
  first_seen_at TEXT NOT NULL,
  extraction_status TEXT NOT NULL DEFAULT 'pending'
    CHECK (extraction_status IN ('pending', 'extracted', 'partial', 'failed', 'unsupported', 'needs_ocr', 'encrypted')),
  extraction_reason TEXT,
  extracted_at  TEXT
);
INSERT INTO files_010 (id, sha256, size, media_type, stored_path, first_seen_at, extraction_status, extraction_reason, extracted_at)
  SELECT rowid, sha256, size, media_type, stored_path, first_seen_at, extraction_status, extraction_reason, extracted_at
  FROM files ORDER BY rowid;
DROP TABLE files;
-- The view report_key_figures_source (007) names files: between the drop and the rename it names no table, which a
-- rename checks unless told to leave other objects alone.
PRAGMA legacy_alter_table = ON;
ALTER TABLE files_010 RENAME TO files;
PRAGMA legacy_alter_table = OFF;

-- 006
CREATE INDEX files_status_size ON files(extraction_status, size);

-- 007
CREATE TRIGGER report_key_figures_file_status AFTER UPDATE OF extraction_status ON files
  WHEN OLD.extraction_status IS NOT NEW.extraction_status BEGIN
  DELETE FROM report_key_figures WHERE report_id IN (SELECT report_id FROM report_files WHERE sha256 = NEW.sha256);
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source
    WHERE report_id IN (SELECT report_id FROM report_files WHERE sha256 = NEW.sha256);
END;

CREATE TRIGGER file_counts_add AFTER INSERT ON files BEGIN
  INSERT INTO file_counts VALUES (NEW.extraction_status, 1, NEW.size)
    ON CONFLICT (extraction_status) DO UPDATE SET files = files + 1, bytes = bytes + excluded.bytes;
END;

CREATE TRIGGER file_counts_move AFTER UPDATE OF extraction_status, size ON files
  WHEN OLD.extraction_status IS NOT NEW.extraction_status OR OLD.size IS NOT NEW.size BEGIN
  UPDATE file_counts SET files = files - 1, bytes = bytes - OLD.size WHERE extraction_status = OLD.extraction_status;
  INSERT INTO file_counts VALUES (NEW.extraction_status, 1, NEW.size)
    ON CONFLICT (extraction_status) DO UPDATE SET files = files + 1, bytes = bytes + excluded.bytes;
END;

CREATE TRIGGER file_counts_remove AFTER DELETE ON files BEGIN
  UPDATE file_counts SET files = files - 1, bytes = bytes - OLD.size WHERE extraction_status = OLD.extraction_status;
END;

-- 009
CREATE TRIGGER file_rendition_extracted AFTER UPDATE OF extraction_status, extraction_reason, extracted_at ON files
BEGIN
  UPDATE report_extractions
  SET (rendition_extracted, rendition_low_confidence, rendition_unreadable, rendition_verdicts, rendition_failing, rendition_figures) =
      (SELECT extracted, low_confidence, unreadable, verdicts, failing, figures FROM rendition_cells c WHERE c.sha256 = NEW.sha256)
  WHERE report_id IN (SELECT report_id FROM report_files WHERE sha256 = NEW.sha256) AND best_sha256 = NEW.sha256;
END;

-- The link's file by its integer key. Filled here for every link, then by the triggers whenever a link is written
-- (its writers name the file by hash, as before). A file is never deleted or re-inserted (files.add: ON CONFLICT DO
-- NOTHING), so an id, once set, stays its file's.
ALTER TABLE report_files ADD COLUMN file_id INTEGER REFERENCES files(id);
UPDATE report_files SET file_id = (SELECT f.id FROM files f WHERE f.sha256 = report_files.sha256);

CREATE TRIGGER report_files_file_id_insert AFTER INSERT ON report_files
  WHEN NEW.file_id IS NOT (SELECT f.id FROM files f WHERE f.sha256 = NEW.sha256) BEGIN
  UPDATE report_files SET file_id = (SELECT f.id FROM files f WHERE f.sha256 = NEW.sha256) WHERE id = NEW.id;
END;

CREATE TRIGGER report_files_file_id_update AFTER UPDATE OF sha256, file_id ON report_files
  WHEN NEW.file_id IS NOT (SELECT f.id FROM files f WHERE f.sha256 = NEW.sha256) BEGIN
  UPDATE report_files SET file_id = (SELECT f.id FROM files f WHERE f.sha256 = NEW.sha256) WHERE id = NEW.id;
END;

-- export: a report's links in the export's order (pages first, then by link id: the rowid every index ends with), so
-- the walk takes them in order from the index instead of sorting each agency's rows.
CREATE INDEX report_files_export ON report_files(report_id, role DESC);
