import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PLAN, inSeason, nextFire, validateCron } from '../../src/schedule/plan.ts';

test('the season runs from 15 December to 15 April, across the new year, in China time', () => {
  assert.equal(inSeason(DEFAULT_PLAN, new Date('2026-12-14T15:59:00Z')), false); // 12-14 23:59 in Shanghai
  assert.equal(inSeason(DEFAULT_PLAN, new Date('2026-12-14T16:00:00Z')), true); // 12-15 00:00
  assert.equal(inSeason(DEFAULT_PLAN, new Date('2027-01-20T12:00:00Z')), true);
  assert.equal(inSeason(DEFAULT_PLAN, new Date('2027-04-15T12:00:00Z')), true);
  assert.equal(inSeason(DEFAULT_PLAN, new Date('2027-04-16T12:00:00Z')), false);
  assert.equal(inSeason(DEFAULT_PLAN, new Date('2027-08-01T12:00:00Z')), false);
});

test('nightly at 02:30 Shanghai in season', () => {
  assert.equal(nextFire(DEFAULT_PLAN, new Date('2027-01-10T00:00:00Z')).toISOString(), '2027-01-10T18:30:00.000Z');
  assert.equal(nextFire(DEFAULT_PLAN, new Date('2027-01-10T18:30:00Z')).toISOString(), '2027-01-11T18:30:00.000Z');
});

test('weekly (Monday 02:30 Shanghai) out of season, and back to nightly when the season opens', () => {
  // Saturday 2026-11-21: next Monday 02:30 Shanghai is 2026-11-22T18:30Z.
  assert.equal(nextFire(DEFAULT_PLAN, new Date('2026-11-21T08:00:00Z')).toISOString(), '2026-11-22T18:30:00.000Z');
  // Sunday 12-13 afternoon: 12-14 is a Monday but out of season; 12-15 02:30 is in season.
  assert.equal(nextFire(DEFAULT_PLAN, new Date('2026-12-14T10:00:00Z')).toISOString(), '2026-12-14T18:30:00.000Z');
  // After 15 April the next firing is a Monday.
  const after = nextFire(DEFAULT_PLAN, new Date('2027-04-15T19:00:00Z'));
  assert.equal(new Date(after.getTime() + 8 * 3600_000).getUTCDay(), 1);
});

test('one --cron expression fires all year; bad expressions are reported', () => {
  const plan = { ...DEFAULT_PLAN, seasonCron: '0 3 * * *', offSeasonCron: '0 3 * * *' };
  assert.equal(nextFire(plan, new Date('2026-08-01T00:00:00Z')).toISOString(), '2026-08-01T19:00:00.000Z');
  assert.equal(validateCron('30 2 * * *', 'Asia/Shanghai'), null);
  assert.ok(validateCron('61 2 * * *', 'Asia/Shanghai'));
});
