/**
 * Columns that moved in a site's redesign: a seed page answering 200 "页面不存在" (a soft 404, with the site's chrome)
 * or a plain 404 is said to be so in the seed's result, with what to do, not only "no report item on 1 list page";
 * a pager's page past the end that says it does not exist is recorded as gone, and the list's reports are kept.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { runHarvest } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

function send(res: ServerResponse, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
}

const nav = ['首页', '政务公开', '政务服务', '互动交流', '走进本市', '专题专栏'].map((t, i) => `<a href="/nav/${i}.html">${t}</a>`).join(' | ');
const page = (title: string, main: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="nav">${nav}</div>${main}<div class="foot">主办：某市人民政府办公室 备案号：豫ICP备00000000号</div></body></html>`;
const notFound = page('页面不存在', '<div class="err"><h2>抱歉，您访问的页面不存在或已被删除！</h2><p><a href="/">返回首页</a></p></div>');
const list = page(
  '年度报告',
  `<ul class="list"><li><a href="/art/2024/1.html">某市交通运输局2023年政府信息公开工作年度报告</a><span>2024-01-25</span></li>
<li><a href="/art/2023/1.html">某市交通运输局2022年政府信息公开工作年度报告</a><span>2023-01-20</span></li></ul>
<div class="pager"><a href="/jtj/ndbg/index_1.html">下一页</a></div>`,
);
const report = (y: number) => page(`某市交通运输局${y}年政府信息公开工作年度报告`, `<h1>某市交通运输局${y}年政府信息公开工作年度报告</h1><div id="zoom"><p>一、总体情况。本机关依法做好政府信息公开工作，全年主动公开政府信息一百余条。</p></div>`);

test('a moved column (soft 404 or 404) says so in the seed result; a pager page past the end is gone, not a list', { timeout: 120_000 }, async () => {
  const server = await startServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    if (p === '/jyj/ndbg/index.html') return send(res, notFound);
    if (p === '/jtj/ndbg/index.html') return send(res, list);
    if (p === '/jtj/ndbg/index_1.html') return send(res, notFound);
    if (p === '/art/2024/1.html') return send(res, report(2023));
    if (p === '/art/2023/1.html') return send(res, report(2022));
    return send(res, 'not found', 404);
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    const entry = (name: string, p: string) => `  - name: ${name}\n    entries:\n      - url: ${server.origin}${p}\n        family: auto\n`;
    writeFileSync(seeds, `agencies:\n${entry('某市教育局', '/jyj/ndbg/index.html')}${entry('某市交通运输局', '/jtj/ndbg/index.html')}${entry('某市财政局', '/czj/ndbg/index.html')}`);
    const storage = path.join(dir, 'storage');
    const summary = await runHarvest(storage, seeds);
    assert.equal(summary.stats.newReports, 2);
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const bySeed = new Map(catalog.runs.events(summary.runId, 'seed_empty').map((e) => [new URL(e.url ?? '').pathname, e.detail ?? '']));
      assert.match(bySeed.get('/jyj/ndbg/index.html') ?? '', /says it does not exist \(a soft 404\); the column may have moved: `nianbao discover`/);
      assert.match(bySeed.get('/czj/ndbg/index.html') ?? '', /answered HTTP 404; the column may have moved/);
      assert.equal(bySeed.has('/jtj/ndbg/index.html'), false);
      const past = catalog.urls.get(`${server.origin}/jtj/ndbg/index_1.html`);
      assert.equal(past?.outcome, 'gone');
      assert.match(past?.reason ?? '', /soft 404/);
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});
