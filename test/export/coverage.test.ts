import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { setClock } from '../../src/catalog/time.ts';
import { chinaDate, coverageLines, deadlineFor } from '../../src/export/coverage.ts';
import { tempDir } from '../helpers/tmp.ts';

test('statutory deadlines: departments 31 January, governments 31 March, everyone 31 March before the 2019 条例', () => {
  assert.equal(deadlineFor('宜春市国防动员办公室', 2023), '2024-01-31');
  assert.equal(deadlineFor('宜春市人民政府', 2023), '2024-03-31');
  assert.equal(deadlineFor('宜春市人民防空办公室', 2015), '2016-03-31');
  assert.equal(deadlineFor('某县人民政府', 2024), '2025-03-31');
});

test('first-seen instants are compared as China dates', () => {
  assert.equal(chinaDate('2024-01-31T15:59:59Z'), '2024-01-31');
  assert.equal(chinaDate('2024-01-31T16:00:00Z'), '2024-02-01');
});

test('coverage lists every registry agency, with or without a report, and flags late ones', () => {
  const c = Catalog.open(path.join(tempDir(), 'c.sqlite'));
  const a = c.agencies.upsert({ name: '甲局', nameKey: '甲局', division: '360900', province: '江西省' });
  const b = c.agencies.upsert({ name: '乙局', nameKey: '乙局', division: '360900', province: '江西省' });
  c.agencies.upsert({ name: '丙局', nameKey: '丙局', division: '410300', province: '河南省' });
  c.agencies.upsert({ name: '丁街道', nameKey: '丁街道', division: '360900', discovered: true });
  setClock(() => new Date('2024-01-20T02:00:00Z'));
  c.reports.sight({ agencyId: a.id, year: 2023, title: '甲局2023年政府信息公开工作年度报告', pageUrl: 'http://h/a' });
  setClock(() => new Date('2024-02-03T02:00:00Z'));
  c.reports.sight({ agencyId: b.id, year: 2023, title: '乙局2023年政府信息公开工作年度报告', pageUrl: 'http://h/b', publishedAt: '2024-01-30' });
  setClock(() => new Date());
  const lines = coverageLines(c, 2023);
  assert.deepEqual(
    lines.map((l) => [l.agency, l.has_report, l.seen_after_deadline, l.published_after_deadline]),
    [
      ['乙局', 'yes', 'yes', 'no'],
      ['甲局', 'yes', 'no', ''],
      ['丙局', 'no', '', ''],
    ],
  );
  assert.deepEqual(coverageLines(c, 2023, { province: '河南' }).map((l) => l.agency), ['丙局']);
  assert.deepEqual(coverageLines(c, 2023, { province: '36' }).map((l) => l.agency), ['乙局', '甲局']);
  assert.equal(coverageLines(c, 2023, { includeDiscovered: true }).length, 4);
  c.close();
});
