-- A seed run whose paging stopped on purpose (an incremental run reached a page whose reports were all known) counts
-- fewer report items than a full read: the "dropped sharply" flag must not read that as a drop.
ALTER TABLE seed_runs ADD COLUMN stopped_early INTEGER NOT NULL DEFAULT 0;
