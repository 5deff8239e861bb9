-- PostgreSQL form of 007 (see the SQLite file for the why): the same view, tables and rows; the triggers as
-- PL/pgSQL functions; conditions cast to integers where SQLite stores them as 0/1.

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
  (x.best_sha256 IS NOT NULL)::int AS extracted,
  (coalesce(x.checks_failed, 0) > 0)::int AS failing,
  -- As the grid says it (src/catalog/report-state.ts): no text, or unreadable cells making checks uncertain.
  (coalesce(x.status, '') IN ('needs_ocr', 'failed', 'unsupported') OR coalesce(x.checks_uncertain, 0) > 0)::int AS unreadable,
  EXISTS (SELECT 1 FROM report_files f1 JOIN report_files f2
    ON f2.report_id = f1.report_id AND f2.url = f1.url AND f2.sha256 <> f1.sha256 WHERE f1.report_id = r.id)::int AS changed,
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
  report_id     BIGINT PRIMARY KEY REFERENCES reports(id) ON DELETE CASCADE,
  agency_id     BIGINT NOT NULL,
  year          BIGINT NOT NULL,
  province      TEXT,
  city          TEXT,
  county        TEXT,
  level         TEXT,
  discovered    BIGINT NOT NULL,
  extracted     BIGINT NOT NULL,            -- 1: a best rendition was chosen
  failing       BIGINT NOT NULL,            -- 1: its hard checks fail
  unreadable    BIGINT NOT NULL,
  changed       BIGINT NOT NULL,            -- 1: a URL of the report has held different bytes
  file_date     TEXT,                        -- the files' own date (China time), NULL when none has one
  late          BIGINT,                     -- 1 late, 0 on time, NULL undated
  files_status  TEXT,                        -- best extraction state of its files; NULL without files
  new_received  DOUBLE PRECISION,
  granted       DOUBLE PRECISION,
  review        DOUBLE PRECISION,
  litigation    DOUBLE PRECISION
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
  discovered    BIGINT NOT NULL,
  year          BIGINT NOT NULL,
  reports       BIGINT NOT NULL,
  extracted     BIGINT NOT NULL,
  failing       BIGINT NOT NULL,
  unreadable    BIGINT NOT NULL,
  changed       BIGINT NOT NULL,
  on_time       BIGINT NOT NULL,
  late          BIGINT NOT NULL,
  undated       BIGINT NOT NULL,
  -- Per key figure: how many reports know it, and its sum over them.
  new_received_reports BIGINT NOT NULL,
  new_received  DOUBLE PRECISION NOT NULL,
  granted_reports BIGINT NOT NULL,
  granted       DOUBLE PRECISION NOT NULL,
  review_reports BIGINT NOT NULL,
  review        DOUBLE PRECISION NOT NULL,
  litigation_reports BIGINT NOT NULL,
  litigation    DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (province, city, county, level, discovered, year)
);

INSERT INTO report_region_counts
  SELECT coalesce(province, ''), coalesce(city, ''), coalesce(county, ''), coalesce(level, ''), discovered, year,
    count(*), sum(extracted), sum(failing), sum(unreadable), sum(changed),
    count(*) FILTER (WHERE late = 0), count(*) FILTER (WHERE late = 1), count(*) FILTER (WHERE late IS NULL),
    count(new_received), coalesce(sum(new_received), 0), count(granted), coalesce(sum(granted), 0),
    count(review), coalesce(sum(review), 0), count(litigation), coalesce(sum(litigation), 0)
  FROM report_key_figures GROUP BY 1, 2, 3, 4, 5, 6;


CREATE FUNCTION report_region_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO report_region_counts VALUES (coalesce(NEW.province, ''), coalesce(NEW.city, ''), coalesce(NEW.county, ''),
    coalesce(NEW.level, ''), NEW.discovered, NEW.year, 1, NEW.extracted, NEW.failing, NEW.unreadable, NEW.changed,
    (NEW.late IS NOT DISTINCT FROM 0)::int, (NEW.late IS NOT DISTINCT FROM 1)::int, (NEW.late IS NULL)::int,
    (NEW.new_received IS NOT NULL)::int, coalesce(NEW.new_received, 0), (NEW.granted IS NOT NULL)::int, coalesce(NEW.granted, 0),
    (NEW.review IS NOT NULL)::int, coalesce(NEW.review, 0), (NEW.litigation IS NOT NULL)::int, coalesce(NEW.litigation, 0))
  ON CONFLICT (province, city, county, level, discovered, year) DO UPDATE SET
    reports = report_region_counts.reports + 1, extracted = report_region_counts.extracted + excluded.extracted,
    failing = report_region_counts.failing + excluded.failing, unreadable = report_region_counts.unreadable + excluded.unreadable,
    changed = report_region_counts.changed + excluded.changed, on_time = report_region_counts.on_time + excluded.on_time,
    late = report_region_counts.late + excluded.late, undated = report_region_counts.undated + excluded.undated,
    new_received_reports = report_region_counts.new_received_reports + excluded.new_received_reports,
    new_received = report_region_counts.new_received + excluded.new_received,
    granted_reports = report_region_counts.granted_reports + excluded.granted_reports, granted = report_region_counts.granted + excluded.granted,
    review_reports = report_region_counts.review_reports + excluded.review_reports, review = report_region_counts.review + excluded.review,
    litigation_reports = report_region_counts.litigation_reports + excluded.litigation_reports,
    litigation = report_region_counts.litigation + excluded.litigation;
  RETURN NULL;
END $$;
CREATE TRIGGER report_region_counts_add AFTER INSERT ON report_key_figures FOR EACH ROW EXECUTE FUNCTION report_region_counts_add();

CREATE FUNCTION report_region_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE report_region_counts SET
    reports = reports - 1, extracted = extracted - OLD.extracted, failing = failing - OLD.failing,
    unreadable = unreadable - OLD.unreadable, changed = changed - OLD.changed,
    on_time = on_time - (OLD.late IS NOT DISTINCT FROM 0)::int, late = late - (OLD.late IS NOT DISTINCT FROM 1)::int,
    undated = undated - (OLD.late IS NULL)::int,
    new_received_reports = new_received_reports - (OLD.new_received IS NOT NULL)::int, new_received = new_received - coalesce(OLD.new_received, 0),
    granted_reports = granted_reports - (OLD.granted IS NOT NULL)::int, granted = granted - coalesce(OLD.granted, 0),
    review_reports = review_reports - (OLD.review IS NOT NULL)::int, review = review - coalesce(OLD.review, 0),
    litigation_reports = litigation_reports - (OLD.litigation IS NOT NULL)::int, litigation = litigation - coalesce(OLD.litigation, 0)
  WHERE province = coalesce(OLD.province, '') AND city = coalesce(OLD.city, '') AND county = coalesce(OLD.county, '')
    AND level = coalesce(OLD.level, '') AND discovered = OLD.discovered AND year = OLD.year;
  RETURN NULL;
END $$;
CREATE TRIGGER report_region_counts_remove AFTER DELETE ON report_key_figures FOR EACH ROW EXECUTE FUNCTION report_region_counts_remove();

-- Recomputes the key-figure rows of the given reports from the view.
CREATE FUNCTION report_key_figures_refresh(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM report_key_figures WHERE report_id = ANY(ids);
  INSERT INTO report_key_figures SELECT * FROM report_key_figures_source WHERE report_id = ANY(ids);
$$;

CREATE FUNCTION report_key_figures_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_key_figures_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END $$;
CREATE TRIGGER report_key_figures_report_insert AFTER INSERT ON reports FOR EACH ROW EXECUTE FUNCTION report_key_figures_report_changed();
CREATE TRIGGER report_key_figures_report_update AFTER UPDATE OF agency_id, year, published_at ON reports FOR EACH ROW
  WHEN (OLD.agency_id IS DISTINCT FROM NEW.agency_id OR OLD.year IS DISTINCT FROM NEW.year OR OLD.published_at IS DISTINCT FROM NEW.published_at)
  EXECUTE FUNCTION report_key_figures_report_changed();

CREATE FUNCTION report_key_figures_file_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM report_key_figures_refresh(ARRAY[NEW.report_id]);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM report_key_figures_refresh(ARRAY[OLD.report_id]);
  ELSE
    PERFORM report_key_figures_refresh(ARRAY[OLD.report_id, NEW.report_id]);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER report_key_figures_file_link AFTER INSERT ON report_files FOR EACH ROW EXECUTE FUNCTION report_key_figures_file_changed();
CREATE TRIGGER report_key_figures_file_move AFTER UPDATE OF report_id, url, sha256 ON report_files FOR EACH ROW EXECUTE FUNCTION report_key_figures_file_changed();
CREATE TRIGGER report_key_figures_file_unlink AFTER DELETE ON report_files FOR EACH ROW EXECUTE FUNCTION report_key_figures_file_changed();

CREATE FUNCTION report_key_figures_file_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_key_figures_refresh(ARRAY(SELECT report_id FROM report_files WHERE sha256 = NEW.sha256));
  RETURN NULL;
END $$;
CREATE TRIGGER report_key_figures_file_status AFTER UPDATE OF extraction_status ON files FOR EACH ROW
  WHEN (OLD.extraction_status IS DISTINCT FROM NEW.extraction_status) EXECUTE FUNCTION report_key_figures_file_status();

CREATE FUNCTION report_key_figures_url_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_key_figures_refresh(ARRAY(SELECT report_id FROM report_files WHERE url = NEW.url));
  RETURN NULL;
END $$;
CREATE TRIGGER report_key_figures_url_insert AFTER INSERT ON url_state FOR EACH ROW
  WHEN (NEW.last_modified IS NOT NULL) EXECUTE FUNCTION report_key_figures_url_changed();
CREATE TRIGGER report_key_figures_url_update AFTER UPDATE OF last_modified ON url_state FOR EACH ROW
  WHEN (OLD.last_modified IS DISTINCT FROM NEW.last_modified) EXECUTE FUNCTION report_key_figures_url_changed();

CREATE FUNCTION report_key_figures_agency_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM report_key_figures_refresh(ARRAY(SELECT id FROM reports WHERE agency_id = NEW.id));
  RETURN NULL;
END $$;
CREATE TRIGGER report_key_figures_agency_update AFTER UPDATE OF name, province, city, county, level, discovered ON agencies FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.province IS DISTINCT FROM NEW.province OR OLD.city IS DISTINCT FROM NEW.city
    OR OLD.county IS DISTINCT FROM NEW.county OR OLD.level IS DISTINCT FROM NEW.level OR OLD.discovered IS DISTINCT FROM NEW.discovered)
  EXECUTE FUNCTION report_key_figures_agency_update();

CREATE TABLE file_counts (
  extraction_status TEXT PRIMARY KEY,
  files         BIGINT NOT NULL,
  bytes         BIGINT NOT NULL
);

INSERT INTO file_counts SELECT extraction_status, count(*), coalesce(sum(size), 0) FROM files GROUP BY extraction_status;


CREATE FUNCTION file_counts_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE file_counts SET files = files - 1, bytes = bytes - OLD.size WHERE extraction_status = OLD.extraction_status;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO file_counts VALUES (NEW.extraction_status, 1, NEW.size)
      ON CONFLICT (extraction_status) DO UPDATE SET files = file_counts.files + 1, bytes = file_counts.bytes + excluded.bytes;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER file_counts_add AFTER INSERT ON files FOR EACH ROW EXECUTE FUNCTION file_counts_change();
CREATE TRIGGER file_counts_move AFTER UPDATE OF extraction_status, size ON files FOR EACH ROW
  WHEN (OLD.extraction_status IS DISTINCT FROM NEW.extraction_status OR OLD.size IS DISTINCT FROM NEW.size)
  EXECUTE FUNCTION file_counts_change();
CREATE TRIGGER file_counts_remove AFTER DELETE ON files FOR EACH ROW EXECUTE FUNCTION file_counts_change();
