/**
 * A WAF guarding the report pages only (the column answers plainly, every `/art/…` page answers 412 with a cookie
 * script until the cookie is carried): the challenged report page goes to the browser, recorded as a hand-off like a
 * challenged list page, and the report is found. It was re-queued for the browser with no record of why.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { runHarvest } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

const AGENCY = '某市统计局';
const COOKIE = 'waf_clearance=ok';

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

const listPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body>
<h2>政府信息公开年度报告</h2><ul>
<li><a href="/art/2024/1/20/art_1_301.html">${AGENCY}2023年政府信息公开工作年度报告</a><span>2024-01-20</span></li>
<li><a href="/art/2023/6/1/art_1_288.html">${AGENCY}开展统计开放日活动</a><span>2023-06-01</span></li>
</ul></body></html>`;

const challenge = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<script>document.cookie = "${COOKIE}; path=/"; location.reload();</script></body></html>`;

const report = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${AGENCY}2023年政府信息公开工作年度报告</title></head><body>
<h1>${AGENCY}2023年政府信息公开工作年度报告</h1><div class="content"><p>一、总体情况。本机关依法做好政府信息公开工作。</p>
<p>二、主动公开政府信息情况。</p><p>三、收到和处理政府信息公开申请情况。</p></div></body></html>`;

test('a report page behind a challenge goes to the browser as a recorded hand-off, and the report is found', { timeout: 240_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/tjj/ndbg/index.html') return send(res, 200, listPage);
    if (url.pathname.startsWith('/art/')) {
      if (!(req.headers.cookie ?? '').includes(COOKIE)) return send(res, 412, challenge);
      return send(res, 200, report);
    }
    res.writeHead(404).end();
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/tjj/ndbg/index.html\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const summary = await runHarvest(storage, seeds);
    assert.equal(summary.stats.newReports, 1);
    assert.ok(summary.stats.browserHandoffs >= 1, 'the challenged report page was sent to the browser without a record');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const reports = catalog.db.prepare('SELECT year FROM reports').all() as { year: number }[];
      assert.deepEqual(reports.map((r) => r.year), [2023]);
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});
