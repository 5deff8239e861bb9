-- PostgreSQL form of 003: a CHECK constraint is altered in place (SQLite rebuilt the three tables).
ALTER TABLE files DROP CONSTRAINT files_extraction_status_check, ADD CONSTRAINT files_extraction_status_check
  CHECK (extraction_status IN ('pending', 'extracted', 'partial', 'failed', 'unsupported', 'needs_ocr', 'encrypted'));
ALTER TABLE extractions DROP CONSTRAINT extractions_status_check, ADD CONSTRAINT extractions_status_check
  CHECK (status IN ('extracted', 'partial', 'failed', 'unsupported', 'needs_ocr', 'encrypted'));
ALTER TABLE report_extractions DROP CONSTRAINT report_extractions_status_check, ADD CONSTRAINT report_extractions_status_check
  CHECK (status IN ('pending', 'extracted', 'partial', 'failed', 'unsupported', 'needs_ocr', 'encrypted'));
