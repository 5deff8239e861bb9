-- No silent zero (issue 9) and seed health (issue 10): what each list request gave, what each seed entry gave in
-- each run, and the list endpoints the browser lane learned, so later runs read them over HTTP without a browser.

-- One row per list request of a run: how many items and report items it gave, how many further list requests it
-- queued, which family parsed it and the signal that decided that family.
CREATE TABLE list_outcomes (
  id             INTEGER PRIMARY KEY,
  run_id         INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  seed_entry_id  INTEGER NOT NULL REFERENCES seed_entries(id) ON DELETE CASCADE,
  at             TEXT NOT NULL,
  url            TEXT NOT NULL,
  method         TEXT NOT NULL DEFAULT 'GET',
  lane           TEXT NOT NULL,               -- http | browser | learned
  family         TEXT NOT NULL,
  signal         TEXT NOT NULL,               -- what decided the family (e.g. 'trs: createPageHTML pager')
  items          INTEGER NOT NULL,
  report_items   INTEGER NOT NULL,
  next_requests  INTEGER NOT NULL,
  error          TEXT                         -- a list answer that could not be read (malformed JSON), else NULL
);
CREATE INDEX list_outcomes_run_seed ON list_outcomes(run_id, seed_entry_id);

-- One row per (run, seed entry): the seed's yield in that run. status: ok | empty | short | host_failed.
CREATE TABLE seed_runs (
  run_id         INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  seed_entry_id  INTEGER NOT NULL REFERENCES seed_entries(id) ON DELETE CASCADE,
  list_pages     INTEGER NOT NULL,
  items          INTEGER NOT NULL,
  report_items   INTEGER NOT NULL,
  new_reports    INTEGER NOT NULL,
  family         TEXT,
  used_browser   INTEGER NOT NULL DEFAULT 0,
  used_learned   INTEGER NOT NULL DEFAULT 0,
  failures       INTEGER NOT NULL DEFAULT 0,
  status         TEXT NOT NULL,
  reason         TEXT,
  PRIMARY KEY (run_id, seed_entry_id)
);
CREATE INDEX seed_runs_seed ON seed_runs(seed_entry_id, run_id);

-- The list endpoint the browser lane learned for a seed entry from the page's own traffic (a JSON spec: method,
-- URL, body, page parameter, item shape). The 'learned' family reads it back on later runs.
CREATE TABLE learned_endpoints (
  seed_entry_id  INTEGER PRIMARY KEY REFERENCES seed_entries(id) ON DELETE CASCADE,
  spec           TEXT NOT NULL,
  learned_at     TEXT NOT NULL,
  last_used_at   TEXT
);
