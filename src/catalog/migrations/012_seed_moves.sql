-- The annual-report columns a seed's host was explored for when the seed's own page listed no report (a portal's
-- home page given as seed, a column moved in a redesign): later runs read them beside the seed at once, instead of
-- rendering the seed in the browser and exploring its host again each run. The seed stays flagged `moved`.
CREATE TABLE seed_moves (
  seed_entry_id  INTEGER PRIMARY KEY REFERENCES seed_entries(id) ON DELETE CASCADE,
  columns        TEXT NOT NULL,
  found_at       TEXT NOT NULL
);
