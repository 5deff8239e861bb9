-- The crawl's frontier: every request a run queued, per job and per host queue (the host, or the host's browser
-- lane), until the run finishes. It replaces Crawlee's persisted request queues (two JSON files written per request)
-- so that a killed run resumes from the catalog, the single source of truth. `request` is the request to make, as
-- JSON, and NULL once handled; a handled row stays so that the same address is not queued twice in one run.
CREATE TABLE frontier_requests (
  job TEXT NOT NULL,
  queue TEXT NOT NULL,
  unique_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  request TEXT,
  PRIMARY KEY (job, queue, unique_key)
) WITHOUT ROWID;
