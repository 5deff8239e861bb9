/**
 * An article that is an index of other bodies' reports (its attachments are the departments' reports) is read as a
 * list once per run at most, and on the next run it is a known item of its column: the column is not paged to its
 * end again because of it, and the article is asked as a list directly, not as a report page first.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { send, startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

const COUNTY = '某县人民政府';
const DEPTS = ['某县发展和改革委员会', '某县教育局'];

function page(title: string, body: string): string {
  return `<html><head><title>${title}</title></head><body><div class="nav"><a href="/">首页</a></div><h1>${title}</h1><div class="content">${body}</div></body></html>`;
}

test('an index article of departments\' reports is a known item on the next run: its column is not paged again for it', { timeout: 90_000 }, async () => {
  const hits: string[] = [];
  const row = (href: string, title: string, date: string) => `<li><a href="${href}">${title}</a><span>${date}</span></li>`;
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    hits.push(url);
    if (url === '/robots.txt') return send(res, 404, 'text/plain', '');
    if (url === '/nb/index.html') {
      return send(res, 200, 'text/html; charset=utf-8', page('政府信息公开年报', `<ul class="list">
${row('/nb/t2024.html', `${COUNTY}2024年政府信息公开工作年度报告`, '2025-01-20')}
${row('/nb/depts2024.html', '县直部门2024年政府信息公开工作年度报告', '2025-01-25')}
</ul><div class="page">共2页 <a href="/nb/index_1.html">下一页</a></div>`));
    }
    if (url === '/nb/index_1.html') {
      return send(res, 200, 'text/html; charset=utf-8', page('政府信息公开年报', `<ul class="list">${row('/nb/t2023.html', `${COUNTY}2023年政府信息公开工作年度报告`, '2024-01-20')}</ul><div class="page">共2页</div>`));
    }
    if (url === '/nb/depts2024.html') {
      const links = DEPTS.map((d, i) => `<p><a href="/upload/2025012${i}.pdf">${i + 1}.${d}2024年政府信息公开工作年度报告.pdf</a></p>`).join('');
      return send(res, 200, 'text/html; charset=utf-8', page('县直部门2024年政府信息公开工作年度报告', `<p>附件：</p>${links}`));
    }
    const m = /^\/nb\/t(\d{4})\.html$/.exec(url);
    if (m) return send(res, 200, 'text/html; charset=utf-8', page(`${COUNTY}${m[1]}年政府信息公开工作年度报告`, `<p>根据《中华人民共和国政府信息公开条例》，现公布${COUNTY}${m[1]}年政府信息公开工作年度报告。一、总体情况……</p>`));
    if (url.startsWith('/upload/')) return send(res, 200, 'application/pdf', `%PDF-1.4\n% ${url}\n%%EOF\n`);
    send(res, 404, 'text/html', 'not found');
  });
  const dir = tempDir();
  const seeds = path.join(dir, 'seeds.yaml');
  writeFileSync(seeds, `agencies:\n  - name: ${COUNTY}\n    entries:\n      - url: ${server.origin}/nb/index.html\n        family: auto\n        render: http\n`);
  const storage = path.join(dir, 'storage');
  const catalog = Catalog.open(storagePaths(storage).catalog);
  const run = () => harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
  try {
    await run();
    const reports = catalog.reports.all().map((r) => `${catalog.agencies.byId(r.agency_id)?.name} ${r.year}`).sort();
    assert.deepEqual(reports, [`${COUNTY} 2023`, `${COUNTY} 2024`, ...DEPTS.map((d) => `${d} 2024`)].sort());
    assert.equal(hits.filter((h) => h === '/nb/depts2024.html').length, 1, `the index read once in the first run: ${hits.join(' ')}`);
    hits.length = 0;
    const second = await run();
    // The column's first page shows only known items: the pager is not followed, the index not asked again yet.
    assert.deepEqual(hits.filter((h) => h !== '/robots.txt'), ['/nb/index.html'], `second run: ${hits.join(' ')}`);
    const [seed] = catalog.seedHealth.seedRuns(second.runId);
    assert.equal(seed?.status, 'ok', JSON.stringify(seed));
  } finally {
    catalog.close();
    await server.close();
  }
});
