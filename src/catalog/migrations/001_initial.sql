-- The catalog: the single source of truth for what was found, fetched, stored and extracted.
-- Times are ISO 8601 UTC strings. Hashes are lowercase hex sha256.

-- Agencies (行政机关): the registry's, and those discovered on portals.
CREATE TABLE agencies (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,               -- canonical (current) name
  name_key      TEXT NOT NULL,               -- normalised name used for matching
  division      TEXT,                        -- GB/T 2260 code of the agency's region
  level         TEXT CHECK (level IN ('province', 'city', 'county', 'township')),
  province      TEXT,
  city          TEXT,
  county        TEXT,
  discovered    INTEGER NOT NULL DEFAULT 0,  -- 1: not in the registry, created from a report title
  discovered_via_agency_id INTEGER REFERENCES agencies(id),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE UNIQUE INDEX agencies_name_key ON agencies(name_key);

-- Former names, nameplates (加挂牌子) and abbreviations. A name_key belongs to one agency only.
CREATE TABLE agency_aliases (
  agency_id     INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
  alias         TEXT NOT NULL,
  name_key      TEXT NOT NULL UNIQUE,
  valid_from_year INTEGER,
  valid_to_year INTEGER,
  source        TEXT NOT NULL DEFAULT 'seed'  -- seed | title | metadata
);
CREATE INDEX agency_aliases_agency ON agency_aliases(agency_id);

-- Seed entries: annual-report columns or list pages, from seeds/*.yaml.
CREATE TABLE seed_entries (
  id            INTEGER PRIMARY KEY,
  agency_id     INTEGER NOT NULL REFERENCES agencies(id),
  url           TEXT NOT NULL UNIQUE,
  host          TEXT NOT NULL,
  family        TEXT NOT NULL,               -- as configured: auto | trs | hanweb | jsapi | generic | aggregator
  detected_family TEXT,                      -- what family: auto found on the page
  render        TEXT NOT NULL,               -- auto | http | browser
  seeds_file    TEXT NOT NULL,
  last_crawled_at TEXT
);

-- Reports: one per (agency, report year). Renditions and copies hang off it.
CREATE TABLE reports (
  id            INTEGER PRIMARY KEY,
  agency_id     INTEGER NOT NULL REFERENCES agencies(id),
  year          INTEGER NOT NULL,            -- the year reported on (报告年度), not the publication year
  title         TEXT NOT NULL,
  page_url      TEXT NOT NULL,               -- the first page it was found on
  published_at  TEXT,                        -- from the page (发布日期 / PubDate), date only
  first_seen_at TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  UNIQUE (agency_id, year)
);

-- Every page a report was found on (a report found through two sites has two sources).
CREATE TABLE report_sources (
  id            INTEGER PRIMARY KEY,
  report_id     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  page_url      TEXT NOT NULL UNIQUE,
  list_url      TEXT,                        -- the list page the link was found on
  seed_entry_id INTEGER REFERENCES seed_entries(id),
  title         TEXT NOT NULL,               -- the title as that page gives it
  publisher     TEXT,                        -- 发布机构 as written
  first_seen_at TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL
);
CREATE INDEX report_sources_report ON report_sources(report_id);

-- Stored files, content-addressed. Bytes live at <storage>/<stored_path>.
CREATE TABLE files (
  sha256        TEXT PRIMARY KEY,
  size          INTEGER NOT NULL,
  media_type    TEXT NOT NULL,               -- sniffed from the bytes: pdf, docx, doc, xls, xlsx, ofd, html, …
  stored_path   TEXT NOT NULL,               -- relative to the storage directory
  first_seen_at TEXT NOT NULL,
  extraction_status TEXT NOT NULL DEFAULT 'pending'
    CHECK (extraction_status IN ('pending', 'extracted', 'partial', 'failed', 'unsupported', 'needs_ocr')),
  extraction_reason TEXT,
  extracted_at  TEXT
);

-- Which file was found at which URL for which report. One URL may have held several versions over time.
CREATE TABLE report_files (
  id            INTEGER PRIMARY KEY,
  report_id     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  sha256        TEXT NOT NULL REFERENCES files(sha256),
  url           TEXT NOT NULL,
  file_name     TEXT,                        -- original name: link text, Content-Disposition or URL
  role          TEXT NOT NULL CHECK (role IN ('page', 'attachment')),
  source_url    TEXT NOT NULL,               -- the report page that linked it (the URL itself for a page)
  first_seen_at TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  UNIQUE (report_id, url, sha256)
);
CREATE INDEX report_files_sha ON report_files(sha256);

-- The last fetch of every URL: for revalidation (ETag, Last-Modified), gone detection and incremental crawls.
CREATE TABLE url_state (
  url           TEXT PRIMARY KEY,
  host          TEXT NOT NULL,
  status        INTEGER,                     -- last HTTP status; NULL when no response
  outcome       TEXT NOT NULL,               -- ok | not_modified | gone | failed | skipped
  reason        TEXT,                        -- why it failed or was skipped
  etag          TEXT,
  last_modified TEXT,
  sha256        TEXT,                        -- bytes last stored from this URL
  fetched_at    TEXT NOT NULL,
  last_ok_at    TEXT
);
CREATE INDEX url_state_host ON url_state(host);

-- Runs of crawl, backfill, extract.
CREATE TABLE runs (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL,               -- crawl | backfill | extract | demo
  args          TEXT NOT NULL DEFAULT '{}',  -- JSON
  started_at    TEXT NOT NULL,
  ended_at      TEXT,
  status        TEXT NOT NULL DEFAULT 'running', -- running | ok | partial | failed | interrupted
  counts        TEXT NOT NULL DEFAULT '{}'   -- JSON summary
);

-- What each run saw: new / changed / gone / failed, per URL and host.
CREATE TABLE run_events (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  at            TEXT NOT NULL,
  kind          TEXT NOT NULL,               -- new_report | new_source | new_file | changed | gone | failed | skipped | host_down
  host          TEXT,
  url           TEXT,
  report_id     INTEGER,
  sha256        TEXT,
  detail        TEXT
);
CREATE INDEX run_events_run ON run_events(run_id, kind);
