-- PostgreSQL form of 009 (see the SQLite file for the why): the same columns, view and backfill; the triggers as
-- PL/pgSQL functions. The lists are concatenated in key order (SQLite's group_concat takes them in index order).
ALTER TABLE report_extractions ADD COLUMN rendition_extracted BIGINT;
ALTER TABLE report_extractions ADD COLUMN rendition_low_confidence BIGINT;
ALTER TABLE report_extractions ADD COLUMN rendition_unreadable TEXT;
ALTER TABLE report_extractions ADD COLUMN rendition_verdicts TEXT;
ALTER TABLE report_extractions ADD COLUMN rendition_failing BIGINT;
ALTER TABLE report_extractions ADD COLUMN rendition_figures TEXT;

CREATE VIEW rendition_cells AS
SELECT e.sha256,
       1 AS extracted,
       e.low_confidence,
       e.unreadable,
       (SELECT string_agg(v.rule || chr(31) || v.verdict, chr(30) ORDER BY v.rule COLLATE "C")
        FROM (SELECT k.rule, CASE WHEN bool_or(k.ok IS NOT NULL AND k.ok <> 1) THEN 'fail' WHEN bool_or(k.ok IS NULL) THEN 'uncertain' ELSE 'pass' END AS verdict
              FROM checks k WHERE k.sha256 = e.sha256 GROUP BY k.rule) v) AS verdicts,
       EXISTS (SELECT 1 FROM checks k WHERE k.sha256 = e.sha256 AND k.ok IS NOT NULL AND k.ok <> 1)::int AS failing,
       (SELECT string_agg(fg.key || chr(31) || CASE
                 WHEN fg.value IS NULL THEN ''
                 WHEN abs(fg.value) < 9007199254740992 AND fg.value = trunc(fg.value) THEN CAST(CAST(fg.value AS bigint) AS text)
                 ELSE 'n' END, chr(30) ORDER BY fg.key COLLATE "C")
        FROM figures fg WHERE fg.sha256 = e.sha256) AS figures
FROM extractions e;

UPDATE report_extractions
SET (rendition_extracted, rendition_low_confidence, rendition_unreadable, rendition_verdicts, rendition_failing, rendition_figures) =
    (SELECT extracted, low_confidence, unreadable, verdicts, failing, figures FROM rendition_cells c WHERE c.sha256 = best_sha256);

CREATE FUNCTION report_rendition_set() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_extractions
  SET (rendition_extracted, rendition_low_confidence, rendition_unreadable, rendition_verdicts, rendition_failing, rendition_figures) =
      (SELECT extracted, low_confidence, unreadable, verdicts, failing, figures FROM rendition_cells c WHERE c.sha256 = NEW.best_sha256)
  WHERE report_id = NEW.report_id;
  RETURN NULL;
END $$;
CREATE TRIGGER report_rendition_set AFTER INSERT ON report_extractions FOR EACH ROW EXECUTE FUNCTION report_rendition_set();
CREATE TRIGGER report_rendition_changed AFTER UPDATE OF best_sha256 ON report_extractions FOR EACH ROW EXECUTE FUNCTION report_rendition_set();

CREATE FUNCTION file_rendition_extracted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_extractions
  SET (rendition_extracted, rendition_low_confidence, rendition_unreadable, rendition_verdicts, rendition_failing, rendition_figures) =
      (SELECT extracted, low_confidence, unreadable, verdicts, failing, figures FROM rendition_cells c WHERE c.sha256 = NEW.sha256)
  WHERE report_id IN (SELECT report_id FROM report_files WHERE sha256 = NEW.sha256) AND best_sha256 = NEW.sha256;
  RETURN NULL;
END $$;
CREATE TRIGGER file_rendition_extracted AFTER UPDATE OF extraction_status, extraction_reason, extracted_at ON files
  FOR EACH ROW EXECUTE FUNCTION file_rendition_extracted();
