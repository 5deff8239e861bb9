-- How each report's agency was decided (issue 9): from the report's title, the page's publisher field (发布机构 /
-- 来源 / ContentSource), the document's own heading, or, failing all three, the seed's agency. A report keeps the
-- most specific way any of its sources gave (title > publisher > document > seed); NULL for reports found before
-- this column existed.
ALTER TABLE reports ADD COLUMN attribution TEXT CHECK (attribution IN ('title', 'publisher', 'document', 'seed'));
ALTER TABLE report_sources ADD COLUMN attribution TEXT CHECK (attribution IN ('title', 'publisher', 'document', 'seed'));

-- Hosts that answered with an anti-bot challenge (412/521 and a script that sets a cookie) which only a browser
-- passed. The next run starts such a host in the browser lane to pass the challenge, then hands its cookies and
-- User-Agent to the HTTP lane.
CREATE TABLE challenge_hosts (
  host          TEXT PRIMARY KEY,
  status        INTEGER,                     -- the HTTP status of the challenge (412, 521, or 200 for a script-only page)
  first_seen_at TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  last_passed_at TEXT                        -- when the browser last got past it
);
