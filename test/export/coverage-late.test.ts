import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { DEADLINE_SQL } from '../../src/catalog/report-state.ts';
import { storagePaths } from '../../src/config.ts';
import { coverageLines, deadlineFor } from '../../src/export/coverage.ts';
import { tempDir } from '../helpers/tmp.ts';
import { buildViewCatalog } from '../serve/view-catalog.ts';

const BIN = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bin/nianbao.mjs');

test('late means published late: by the page date, else the file date; a report first seen late is not late', () => {
  const v = buildViewCatalog(tempDir());
  const c = Catalog.open(storagePaths(v.storage).catalog);
  try {
    const byAgency = (year: number) => new Map(coverageLines(c, year, { includeDiscovered: true }).map((l) => [l.agency, l]));
    const y2023 = byAgency(2023);
    const health = y2023.get('宜阳县卫生健康委员会')!;
    assert.equal(health.published_at, null);
    assert.equal(health.file_date, '2024-02-03');
    assert.equal(health.published_after_deadline, 'yes');
    assert.equal(health.late_date_source, 'file');
    const luoyang = y2023.get('洛阳市人民政府')!;
    assert.deepEqual([luoyang.published_after_deadline, luoyang.late_date_source], ['yes', 'page']);
    // Published 2024-01-19, before the government deadline, but first seen by nianbao in 2025 (a backfill).
    const yiyang = y2023.get('宜阳县人民政府')!;
    assert.deepEqual([yiyang.seen_after_deadline, yiyang.published_after_deadline, yiyang.late_date_source], ['yes', 'no', 'page']);
  } finally {
    c.close();
  }
});

test('the terminal coverage table says late by publication, and which date decided', () => {
  const v = buildViewCatalog(tempDir());
  const r = spawnSync(process.execPath, [BIN, 'coverage', '--year', '2023', '--storage', v.storage, '--discovered'], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  const line = (name: string) => r.stdout.split('\n').find((l) => l.includes(name)) ?? '';
  assert.match(r.stdout, /late\s+date from/);
  assert.match(line('宜阳县卫生健康委员会'), /2024-02-03\s+2024-01-31\s+yes\s+file/);
  assert.match(line('宜阳县人民政府'), /2024-01-19\s+2024-03-31\s+no\s+page/);
});

test('the SQL deadline of the web view agrees with deadlineFor', () => {
  const c = Catalog.open(':memory:');
  try {
    for (const name of ['宜春市国防动员办公室', '宜春市人民政府', '某县 人民政府', '某县　人民政府', '人民政府办公室']) {
      for (const year of [2015, 2018, 2019, 2023]) {
        const sql = c.db.prepare(`SELECT ${DEADLINE_SQL} AS d FROM (SELECT @name AS name) a, (SELECT @year AS year) r`).get({ name, year }) as { d: string };
        assert.equal(sql.d, deadlineFor(name, year), `${name} ${year}`);
      }
    }
  } finally {
    c.close();
  }
});
