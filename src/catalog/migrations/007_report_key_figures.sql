-- Per-report key figures and state bits (issues 12 and 13): one row per report, so the web view's overview (sums of
-- the key figures per province and year, reports per year), the coverage grid's counts per region and year, and
-- `coverage --year` read one narrow row per report instead of joining figures, files, url_state and report_files
-- for each of 600k reports (27 s for the overview's first request, 3.7 s for the whole country's counts).
--
-- report_key_figures_source is the truth: what each row must hold, computed from the tables it summarises. The
-- table is kept equal to it by every writer of those tables, in the writer's own transaction:
--   extraction (figures, report_extractions): Extractions.save / saveReport refresh the reports concerned;
--   the triggers below: a report created or its date/agency/year changed, a file linked to a report, a file's
--   extraction state, a URL's Last-Modified, an agency's name (the deadline) or region, level, origin.
-- A report deleted takes its row with it (ON DELETE CASCADE). Rows are never updated in place: every writer deletes
-- and inserts, which is what keeps report_region_counts (below) true. file_counts, at the end, counts files per
-- extraction state for the overview's totals.

-- The key figures are those of src/catalog/key-figures.ts (KEY_FIGURES): each the sum of its keys in the report's
-- best rendition, NULL when any of them is missing or unreadable.
CREATE VIEW report_key_figures_source AS
SELECT
  r.id AS report_id,
  r.agency_id,
  r.year,
  a.province,
  a.city,
  a.county,
  a.level,
  a.discovered,
  x.best_sha256 IS NOT NULL AS extracted,
  coalesce(x.checks_failed, 0) > 0 AS failing,
  -- As the grid says it (src/catalog/report-state.ts): no text, or unreadable cells making checks uncertain.
  (coalesce(x.status, '') IN ('needs_ocr', 'failed', 'unsupported') OR coalesce(x.checks_uncertain, 0) > 0) AS unreadable,
  EXISTS (SELECT 1 FROM report_files f1 JOIN report_files f2
    ON f2.report_id = f1.report_id AND f2.url = f1.url AND f2.sha256 <> f1.sha256 WHERE f1.report_id = r.id) AS changed,
  -- The files' own date: the earliest Last-Modified of the report's URLs, as a China-time calendar date.
  (SELECT min(date(substr(u.last_modified, 13, 4) || '-' || printf('%02d', (instr('JanFebMarAprMayJunJulAugSepOctNovDec', substr(u.last_modified, 9, 3)) + 2) / 3)
      || '-' || substr(u.last_modified, 6, 2) || ' ' || substr(u.last_modified, 18, 8), '+8 hours'))
    FROM report_files rf JOIN url_state u ON u.url = rf.url WHERE rf.report_id = r.id AND u.last_modified IS NOT NULL) AS file_date,
  -- Published after the statutory deadline, by the page's date else the files' own (NULL: no date known). The
  -- deadline as report-state.ts DEADLINE_SQL: 31 March for governments and years up to 2018, else 31 January.
  (SELECT CASE WHEN d.pub IS NULL THEN NULL
      WHEN d.pub > ((CAST(r.year AS INTEGER) + 1) || CASE WHEN r.year <= 2018
        OR replace(replace(a.name, ' ', ''), '　', '') LIKE '%人民政府' THEN '-03-31' ELSE '-01-31' END) THEN 1 ELSE 0 END
    FROM (SELECT coalesce(r.published_at, (SELECT min(date(substr(u.last_modified, 13, 4) || '-' || printf('%02d', (instr('JanFebMarAprMayJunJulAugSepOctNovDec', substr(u.last_modified, 9, 3)) + 2) / 3)
      || '-' || substr(u.last_modified, 6, 2) || ' ' || substr(u.last_modified, 18, 8), '+8 hours'))
      FROM report_files rf JOIN url_state u ON u.url = rf.url WHERE rf.report_id = r.id AND u.last_modified IS NOT NULL)) AS pub) d) AS late,
  -- The best extraction state among the report's files (extracted > partial > needs_ocr > pending > unsupported > …).
  (SELECT substr(min(CASE f.extraction_status WHEN 'extracted' THEN '0' WHEN 'partial' THEN '1' WHEN 'needs_ocr' THEN '2'
      WHEN 'pending' THEN '3' WHEN 'unsupported' THEN '4' ELSE '5' END || f.extraction_status), 2)
    FROM report_files rf JOIN files f ON f.sha256 = rf.sha256 WHERE rf.report_id = r.id) AS files_status,
  (SELECT CASE WHEN count(g.value) = 1 THEN sum(g.value) END FROM figures g
    WHERE g.sha256 = x.best_sha256 AND g.key IN ('s3.new_received.total') AND g.unreadable = 0) AS new_received,
  (SELECT CASE WHEN count(g.value) = 1 THEN sum(g.value) END FROM figures g
    WHERE g.sha256 = x.best_sha256 AND g.key IN ('s3.granted.total') AND g.unreadable = 0) AS granted,
  (SELECT CASE WHEN count(g.value) = 1 THEN sum(g.value) END FROM figures g
    WHERE g.sha256 = x.best_sha256 AND g.key IN ('s4.review_total') AND g.unreadable = 0) AS review,
  (SELECT CASE WHEN count(g.value) = 2 THEN sum(g.value) END FROM figures g
    WHERE g.sha256 = x.best_sha256 AND g.key IN ('s4.litigation_direct_total', 's4.litigation_after_review_total') AND g.unreadable = 0) AS litigation
FROM reports r
JOIN agencies a ON a.id = r.agency_id
LEFT JOIN report_extractions x ON x.report_id = r.id;

CREATE TABLE report_key_figures (
  report_id     INTEGER PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  agency_id     INTEGER NOT NULL,
  year          INTEGER NOT NULL,
  province      TEXT,
  city          TEXT,
  county        TEXT,
  level         TEXT,
  discovered    INTEGER NOT NULL,
  extracted     INTEGER NOT NULL,            -- 1: a best rendition was chosen
  failing       INTEGER NOT NULL,            -- 1: its hard checks fail
  unreadable    INTEGER NOT NULL,
  changed       INTEGER NOT NULL,            -- 1: a URL of the report has held different bytes
  file_date     TEXT,                        -- the files' own date (China time), NULL when none has one
  late          INTEGER,                     -- 1 late, 0 on time, NULL undated
  files_status  TEXT,                        -- best extraction state of its files; NULL without files
  new_received  REAL,
  granted       REAL,
  review        REAL,
  litigation    REAL
);

-- An agency's rows: kept true when the agency changes; the grid's state filter.
CREATE INDEX report_key_figures_agency ON report_key_figures(agency_id, year);
-- The Last-Modified of a URL moves the file date of every report that linked it.
CREATE INDEX report_files_url ON report_files(url);

INSERT INTO report_key_figures (report_id, agency_id, year, province, city, county, level, discovered, extracted, failing,
    unreadable, changed, file_date, late, files_status, new_received, granted, review, litigation)
  SELECT * FROM report_key_figures_source;

-- The same rows counted per region, level, origin and year (41k rows at national size against 601k reports):
-- the country's and a region's counts, the reports per year and the sums per province read this, kept by the two
-- triggers below from every row that enters or leaves report_key_figures. Region and level are '' where the agency
-- has none (a NULL would never match the ON CONFLICT of the unique key); the queries turn '' back into NULL.
CREATE TABLE report_region_counts (
  province      TEXT NOT NULL,
  city          TEXT NOT NULL,
  county        TEXT NOT NULL,
  level         TEXT NOT NULL,
  discovered    INTEGER NOT NULL,
  year          INTEGER NOT NULL,
  reports       INTEGER NOT NULL,
  extracted     INTEGER NOT NULL,
  failing       INTEGER NOT NULL,
  unreadable    INTEGER NOT NULL,
  changed       INTEGER NOT NULL,
  on_time       INTEGER NOT NULL,
  late          INTEGER NOT NULL,
  undated       INTEGER NOT NULL,
  -- Per key figure: how many reports know it, and its sum over them.
  new_received_reports INTEGER NOT NULL,
  new_received  REAL NOT NULL,
  granted_reports INTEGER NOT NULL,
  granted       REAL NOT NULL,
  review_reports INTEGER NOT NULL,
  review        REAL NOT NULL,
  litigation_reports INTEGER NOT NULL,
  litigation    REAL NOT NULL,
  PRIMARY KEY (province, city, county, level, discovered, year)
);

INSERT INTO report_region_counts
  SELECT coalesce(province, ''), coalesce(city, ''), coalesce(county, ''), coalesce(level, ''), discovered, year,
    count(*), sum(extracted), sum(failing), sum(unreadable), sum(changed),
    sum(late IS 0), sum(late IS 1), sum(late IS NULL),
    count(new_received), coalesce(sum(new_received), 0), count(granted), coalesce(sum(granted), 0),
    count(review), coalesce(sum(review), 0), count(litigation), coalesce(sum(litigation), 0)
  FROM report_key_figures GROUP BY 1, 2, 3, 4, 5, 6;

CREATE TRIGGER report_region_counts_add AFTER INSERT ON report_key_figures BEGIN
  INSERT INTO report_region_counts VALUES (coalesce(NEW.province, ''), coalesce(NEW.city, ''), coalesce(NEW.county, ''),
    coalesce(NEW.level, ''), NEW.discovered, NEW.year, 1, NEW.extracted, NEW.failing, NEW.unreadable, NEW.changed,
    NEW.late IS 0, NEW.late IS 1, NEW.late IS NULL,
    NEW.new_received IS NOT NULL, coalesce(NEW.new_received, 0), NEW.granted IS NOT NULL, coalesce(NEW.granted, 0),
    NEW.review IS NOT NULL, coalesce(NEW.review, 0), NEW.litigation IS NOT NULL, coalesce(NEW.litigation, 0))
  ON CONFLICT (province, city, county, level, discovered, year) DO UPDATE SET
    reports = reports + 1, extracted = extracted + excluded.extracted, failing = failing + excluded.failing,
    unreadable = unreadable + excluded.unreadable, changed = changed + excluded.changed,
    on_time = on_time + excluded.on_time, late = late + excluded.late, undated = undated + excluded.undated,
    new_received_reports = new_received_reports + excluded.new_received_reports, new_received = new_received + excluded.new_received,
    granted_reports = granted_reports + excluded.granted_reports, granted = granted + excluded.granted,
    review_reports = review_reports + excluded.review_reports, review = review + excluded.review,
    litigation_reports = litigation_reports + excluded.litigation_reports, litigation = litigation + excluded.litigation;
END;

CREATE TRIGGER report_region_counts_remove AFTER DELETE ON report_key_figures BEGIN
  UPDATE report_region_counts SET
    reports = reports - 1, extracted = extracted - OLD.extracted, failing = failing - OLD.failing,
    unreadable = unreadable - OLD.unreadable, changed = changed - OLD.changed,
    on_time = on_time - (OLD.late IS 0), late = late - (OLD.late IS 1), undated = undated - (OLD.late IS NULL),
    new_received_reports = new_received_reports - (OLD.new_received IS NOT NULL), new_received = new_received - coalesce(OLD.new_received, 0),
    granted_reports = granted_reports - (OLD.granted IS NOT NULL), granted = granted - coalesce(OLD.granted, 0),
    review_reports = review_reports - (OLD.review IS NOT NULL), review = review - coalesce(OLD.review, 0),
    litigation_reports = litigation_reports - (OLD.litigation IS NOT NULL), litigation = litigation - coalesce(OLD.litigation, 0)
  WHERE province = coalesce(OLD.province, '') AND city = coalesce(OLD.city, '') AND county = coalesce(OLD.county, '')
    AND level = coalesce(OLD.level, '') AND discovered = OLD.discovered AND year = OLD.year;
END;

-- Writers outside extraction. Each recomputes the rows concerned from the view: delete, then insert what the view
-- says now (nothing when the report is gone).
CREATE TRIGGER report_key_figures_report_insert AFTER INSERT ON reports BEGIN
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source WHERE report_id = NEW.id;
END;

CREATE TRIGGER report_key_figures_report_update AFTER UPDATE OF agency_id, year, published_at ON reports
  WHEN OLD.agency_id IS NOT NEW.agency_id OR OLD.year IS NOT NEW.year OR OLD.published_at IS NOT NEW.published_at BEGIN
  DELETE FROM report_key_figures WHERE report_id = NEW.id;
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source WHERE report_id = NEW.id;
END;

CREATE TRIGGER report_key_figures_file_link AFTER INSERT ON report_files BEGIN
  DELETE FROM report_key_figures WHERE report_id = NEW.report_id;
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source WHERE report_id = NEW.report_id;
END;

CREATE TRIGGER report_key_figures_file_move AFTER UPDATE OF report_id, url, sha256 ON report_files BEGIN
  DELETE FROM report_key_figures WHERE report_id IN (OLD.report_id, NEW.report_id);
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source WHERE report_id IN (OLD.report_id, NEW.report_id);
END;

CREATE TRIGGER report_key_figures_file_unlink AFTER DELETE ON report_files BEGIN
  DELETE FROM report_key_figures WHERE report_id = OLD.report_id;
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source WHERE report_id = OLD.report_id;
END;

CREATE TRIGGER report_key_figures_file_status AFTER UPDATE OF extraction_status ON files
  WHEN OLD.extraction_status IS NOT NEW.extraction_status BEGIN
  DELETE FROM report_key_figures WHERE report_id IN (SELECT report_id FROM report_files WHERE sha256 = NEW.sha256);
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source
    WHERE report_id IN (SELECT report_id FROM report_files WHERE sha256 = NEW.sha256);
END;

CREATE TRIGGER report_key_figures_url_insert AFTER INSERT ON url_state WHEN NEW.last_modified IS NOT NULL BEGIN
  DELETE FROM report_key_figures WHERE report_id IN (SELECT report_id FROM report_files WHERE url = NEW.url);
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source
    WHERE report_id IN (SELECT report_id FROM report_files WHERE url = NEW.url);
END;

CREATE TRIGGER report_key_figures_url_update AFTER UPDATE OF last_modified ON url_state
  WHEN OLD.last_modified IS NOT NEW.last_modified BEGIN
  DELETE FROM report_key_figures WHERE report_id IN (SELECT report_id FROM report_files WHERE url = NEW.url);
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source
    WHERE report_id IN (SELECT report_id FROM report_files WHERE url = NEW.url);
END;

CREATE TRIGGER report_key_figures_agency_update AFTER UPDATE OF name, province, city, county, level, discovered ON agencies
  WHEN OLD.name IS NOT NEW.name OR OLD.province IS NOT NEW.province OR OLD.city IS NOT NEW.city
    OR OLD.county IS NOT NEW.county OR OLD.level IS NOT NEW.level OR OLD.discovered IS NOT NEW.discovered BEGIN
  DELETE FROM report_key_figures WHERE agency_id = NEW.id;
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source WHERE agency_id = NEW.id;
END;

-- Files and bytes per extraction state, for the overview's totals: counting them read a million-entry index
-- (0.8 s on a first request at national size). Files are added and change state; their size never changes.
CREATE TABLE file_counts (
  extraction_status TEXT PRIMARY KEY,
  files         INTEGER NOT NULL,
  bytes         INTEGER NOT NULL
);

INSERT INTO file_counts SELECT extraction_status, count(*), coalesce(sum(size), 0) FROM files GROUP BY extraction_status;

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

