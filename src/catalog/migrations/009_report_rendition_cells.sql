-- What `export --figures` shows of a report's best rendition, kept on the report's own row (issue 12 item 4). The
-- export walks reports in region order while a rendition's extraction, checks and figures are keyed by the file's
-- hash: three random look-ups by a 64-character key per report held the export far below 100k rows/s. Read from
-- here, a report costs one look-up by its id.
--
-- These columns are derived and kept true by SQLite itself, whichever code writes (the triggers below):
--   * when a report's best rendition is set or changes (saveReport: INSERT OR REPLACE, or an UPDATE of best_sha256);
--   * when a file's extraction is written: Extractions.save writes the extraction, figures and checks, then the
--     file's extraction columns, last; that update refreshes every report whose best rendition is the file.
-- Agency, report and check columns are not copied here: the export joins them as they are.
ALTER TABLE report_extractions ADD COLUMN rendition_extracted INTEGER;    -- 1: the best rendition has an extraction row
ALTER TABLE report_extractions ADD COLUMN rendition_low_confidence INTEGER;
ALTER TABLE report_extractions ADD COLUMN rendition_unreadable TEXT;      -- its JSON list of unreadable figure keys
-- Its checks: the verdict of each rule it has checks of (rule US verdict RS …; verdict pass | fail | uncertain, as
-- src/export/figures.ts decides it: any failing check fails the rule, else any uncertain one leaves it uncertain),
-- and whether any check failed (the export then reads the failing checks' numbers).
ALTER TABLE report_extractions ADD COLUMN rendition_verdicts TEXT;
ALTER TABLE report_extractions ADD COLUMN rendition_failing INTEGER;
-- Its figures as key US value RS key US value … (US = char(31), RS = char(30)). An integer-valued figure is written
-- as its integer, which is what JS writes for it too; any other value as 'n' (src/catalog/export-queries.ts:
-- FIGURE_NEEDS_NUMBER), and the export then reads that rendition's figures as numbers.
ALTER TABLE report_extractions ADD COLUMN rendition_figures TEXT;

-- The cells above for every extracted file: one definition, used by the backfill and every trigger.
CREATE VIEW rendition_cells AS
SELECT e.sha256,
       1 AS extracted,
       e.low_confidence,
       e.unreadable,
       (SELECT group_concat(v.rule || char(31) || v.verdict, char(30))
        FROM (SELECT k.rule, CASE WHEN max(k.ok IS NOT NULL AND k.ok <> 1) THEN 'fail' WHEN max(k.ok IS NULL) THEN 'uncertain' ELSE 'pass' END AS verdict
              FROM checks k WHERE k.sha256 = e.sha256 GROUP BY k.rule) v) AS verdicts,
       EXISTS (SELECT 1 FROM checks k WHERE k.sha256 = e.sha256 AND k.ok IS NOT NULL AND k.ok <> 1) AS failing,
       (SELECT group_concat(fg.key || char(31) || CASE
                 WHEN fg.value IS NULL THEN ''
                 WHEN typeof(fg.value) IN ('real', 'integer') AND abs(fg.value) < 9007199254740992
                      AND fg.value = CAST(fg.value AS INTEGER) THEN CAST(fg.value AS INTEGER)
                 ELSE 'n' END, char(30))
        FROM figures fg WHERE fg.sha256 = e.sha256) AS figures
FROM extractions e;

UPDATE report_extractions
SET (rendition_extracted, rendition_low_confidence, rendition_unreadable, rendition_verdicts, rendition_failing, rendition_figures) =
    (SELECT extracted, low_confidence, unreadable, verdicts, failing, figures FROM rendition_cells c WHERE c.sha256 = best_sha256);

CREATE TRIGGER report_rendition_set AFTER INSERT ON report_extractions
BEGIN
  UPDATE report_extractions
  SET (rendition_extracted, rendition_low_confidence, rendition_unreadable, rendition_verdicts, rendition_failing, rendition_figures) =
      (SELECT extracted, low_confidence, unreadable, verdicts, failing, figures FROM rendition_cells c WHERE c.sha256 = NEW.best_sha256)
  WHERE report_id = NEW.report_id;
END;

CREATE TRIGGER report_rendition_changed AFTER UPDATE OF best_sha256 ON report_extractions
BEGIN
  UPDATE report_extractions
  SET (rendition_extracted, rendition_low_confidence, rendition_unreadable, rendition_verdicts, rendition_failing, rendition_figures) =
      (SELECT extracted, low_confidence, unreadable, verdicts, failing, figures FROM rendition_cells c WHERE c.sha256 = NEW.best_sha256)
  WHERE report_id = NEW.report_id;
END;

-- Reports are found through report_files (indexed by hash): report_extractions has no index on best_sha256.
CREATE TRIGGER file_rendition_extracted AFTER UPDATE OF extraction_status, extraction_reason, extracted_at ON files
BEGIN
  UPDATE report_extractions
  SET (rendition_extracted, rendition_low_confidence, rendition_unreadable, rendition_verdicts, rendition_failing, rendition_figures) =
      (SELECT extracted, low_confidence, unreadable, verdicts, failing, figures FROM rendition_cells c WHERE c.sha256 = NEW.sha256)
  WHERE report_id IN (SELECT report_id FROM report_files WHERE sha256 = NEW.sha256) AND best_sha256 = NEW.sha256;
END;
