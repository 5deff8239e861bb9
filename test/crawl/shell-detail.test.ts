/**
 * A report page drawn by script (`detail.html?id=N`, its title and text from an API) met over HTTP in a later run,
 * once the list is read from the learned endpoint without a browser: the shell is not the report. It goes to the
 * browser, and the drawn page is what is stored (it stored the empty shell, and extraction found no table).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { runHarvest } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';
import { requireTools } from '../helpers/tools.ts';

function send(res: ServerResponse, type: string, body: string): void {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
}

const AGENCY = '某市水利局';
const title = (y: number) => `${AGENCY}${y}年政府信息公开工作年度报告`;
const BODY = [
  '一、总体情况。本机关坚持以公开为常态、不公开为例外，围绕中心工作，依法依规做好政府信息公开工作，全年主动公开政府信息一百余条。',
  '二、主动公开政府信息情况。本年度新制发规章零件，规范性文件二件，行政许可处理决定三十件，行政处罚决定十二件。',
  '三、收到和处理政府信息公开申请情况。本年度共收到政府信息公开申请五件，均已在法定期限内答复，无逾期答复情况。',
  '四、政府信息公开行政复议、行政诉讼情况。本年度未发生因政府信息公开引起的行政复议和行政诉讼。',
].join('</p><p>');

const listPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body>
<div id="app"><ul id="list"></ul></div>
<script>
fetch('/api/list?page=1&size=10').then(function (r) { return r.json(); }).then(function (d) {
  var ul = document.getElementById('list');
  d.data.forEach(function (x) { var li = document.createElement('li'); li.innerHTML = '<a href="/detail.html?id=' + x.id + '">' + x.title + '</a>'; ul.appendChild(li); });
});
</script></body></html>`;

const detailShell = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>详情</title></head><body>
<div id="app"><h1 id="t"></h1><div id="c"></div></div>
<script>
var id = new URLSearchParams(location.search).get('id');
fetch('/api/detail?id=' + id).then(function (r) { return r.json(); }).then(function (d) {
  document.title = d.title; document.getElementById('t').textContent = d.title; document.getElementById('c').innerHTML = d.content;
});
</script></body></html>`;

test('a script-drawn report page met over HTTP in a later run is rendered, and the drawn page stored', { timeout: 240_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  let years = [2023, 2022];
  const server = await startServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/sljj/ndbg/index.html') return send(res, 'text/html; charset=utf-8', listPage);
    if (url.pathname === '/api/list') return send(res, 'application/json', JSON.stringify({ total: years.length, data: years.map((y) => ({ id: y, title: title(y) })) }));
    if (url.pathname === '/detail.html') return send(res, 'text/html; charset=utf-8', detailShell);
    if (url.pathname === '/api/detail') {
      const y = Number(url.searchParams.get('id'));
      return send(res, 'application/json', JSON.stringify({ title: title(y), content: `<p>${BODY}</p>` }));
    }
    res.writeHead(404).end();
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/sljj/ndbg/index.html\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const first = await runHarvest(storage, seeds);
    assert.equal(first.stats.newReports, 2);
    years = [2024, 2023, 2022];
    const second = await runHarvest(storage, seeds);
    assert.equal(second.stats.newReports, 1);
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const rows = catalog.db
        .prepare(`SELECT r.year, f.stored_path AS p FROM reports r JOIN report_files rf ON rf.report_id = r.id JOIN files f ON f.sha256 = rf.sha256 ORDER BY r.year`)
        .all() as { year: number; p: string }[];
      assert.deepEqual(rows.map((r) => r.year), [2022, 2023, 2024]);
      for (const r of rows) {
        const html = readFileSync(path.join(storage, r.p), 'utf8');
        assert.ok(html.includes("主动公开政府信息情况"), `${r.year}: the stored page is the drawn one, not the shell (${r.p})`);
      }
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});
