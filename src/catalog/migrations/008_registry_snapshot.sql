-- The registry as the last sync left it (issue 12: a nightly start must not re-read a national registry it
-- already knows). Written and read only by src/catalog/registry-snapshot.ts.

-- Each registry agency's record (its parsed seeds entry, hashed) as last synced into its agencies row: a sync skips
-- an agency whose record it has already written. One record per agency; a later sync of another record replaces it.
CREATE TABLE registry_agencies (
  agency_id     INTEGER PRIMARY KEY REFERENCES agencies(id) ON DELETE CASCADE,
  fingerprint   TEXT NOT NULL
);
CREATE INDEX registry_agencies_fingerprint ON registry_agencies(fingerprint);

-- The seeds files of the last sync from files, by name and content hash, with the entries they listed in order:
-- when the same files are given again with the same contents, the run takes these entries without reading them.
-- One row; absent when the last sync was not from files (then the next run from files parses them).
CREATE TABLE registry_files (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  files_key     TEXT NOT NULL,               -- sha256 over every file's name and content hash, in order
  agencies      INTEGER NOT NULL,
  entries       INTEGER NOT NULL,
  synced_at     TEXT NOT NULL
);
CREATE TABLE registry_entries (
  position      INTEGER PRIMARY KEY,         -- the entry's place in the files (their order, then the agency's)
  seed_entry_id INTEGER NOT NULL REFERENCES seed_entries(id) ON DELETE CASCADE
);
