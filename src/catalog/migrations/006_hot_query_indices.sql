-- Indices for the hot queries at national size (issue 12: ≈100k agencies, 600k reports, 1M files). Each names
-- the queries it serves; test/catalog/query-plans.test.ts asserts those queries use them.

-- export and export --figures walk agencies in their output order (province, city, county, name), so rows stream
-- without sorting the whole catalog first; the web view's region filters (province = ?, city = ?) use it too.
CREATE INDEX agencies_region ON agencies(province, city, county, name);

-- coverage (terminal and CSV) and the web view's grid list agencies in division, name order.
CREATE INDEX agencies_division ON agencies(division, name);

-- status and the web view's overview: registry and discovered agencies counted from the index alone.
CREATE INDEX agencies_discovered ON agencies(discovered);

-- status: files and bytes per extraction state, counted from the index alone instead of every files row; extract:
-- the queue of files in a state (pending, needs_ocr …).
CREATE INDEX files_status_size ON files(extraction_status, size);

-- status: URLs per outcome (from the index alone), the hosts with failed or gone URLs, and each such host's last
-- failure; before, status grouped every url_state row by host.
CREATE INDEX url_state_outcome_host ON url_state(outcome, host, fetched_at);

-- the report page: run events that name the report or one of its URLs.
CREATE INDEX run_events_report ON run_events(report_id) WHERE report_id IS NOT NULL;
CREATE INDEX run_events_url ON run_events(url) WHERE url IS NOT NULL;
