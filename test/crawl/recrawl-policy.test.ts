import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RECRAWL, fileDue, keepPaging, pageDue } from '../../src/crawl/recrawl-policy.ts';

const NOW = Date.parse('2025-02-01T00:00:00Z');
const ago = (hours: number) => new Date(NOW - hours * 3600_000).toISOString();

test('report pages: revisited during their first 45 days, at most once per 20 hours', () => {
  assert.equal(pageDue(DEFAULT_RECRAWL, null, NOW), true);
  assert.equal(pageDue(DEFAULT_RECRAWL, { firstSeenAt: ago(24 * 10), fetchedAt: ago(21) }, NOW), true);
  assert.equal(pageDue(DEFAULT_RECRAWL, { firstSeenAt: ago(24 * 10), fetchedAt: ago(2) }, NOW), false);
  assert.equal(pageDue(DEFAULT_RECRAWL, { firstSeenAt: ago(24 * 60), fetchedAt: ago(24 * 30) }, NOW), false);
});

test('stored files: revalidated after 30 days, fetched when unknown', () => {
  assert.equal(fileDue(DEFAULT_RECRAWL, null, NOW), 'fetch');
  assert.equal(fileDue(DEFAULT_RECRAWL, { fetchedAt: ago(24), stored: true }, NOW), 'skip');
  assert.equal(fileDue(DEFAULT_RECRAWL, { fetchedAt: ago(24 * 31), stored: true }, NOW), 'revalidate');
});

test('paging stops after the floor at the first page whose report links are all known', () => {
  const p = { ...DEFAULT_RECRAWL, minListPages: 2 };
  assert.equal(keepPaging(p, 0, { reports: 3, unknown: 0 }, false), true); // floor: page 2 is always read
  assert.equal(keepPaging(p, 1, { reports: 3, unknown: 0 }, false), false);
  assert.equal(keepPaging(p, 1, { reports: 3, unknown: 1 }, false), true);
  assert.equal(keepPaging(p, 1, { reports: 0, unknown: 0 }, false), true); // only news: look further
  assert.equal(keepPaging(p, 5, { reports: 3, unknown: 0 }, true), true); // backfill
});
