/**
 * Round 38c's fixes, on hand-made input (docs/blind-portals.md, "Round 38c"): a platform page's 部门信息公开 box drawn
 * as a jump menu (`<select>` whose change goes to the chosen department's page) leads to the departments' pages as
 * its grid of links does; and a seed that is a sitemap (addresses without titles) is read from the folder it maps.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { listElsewhere } from '../../src/crawl/families/report-column.ts';
import { detail, reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const PAGE = 'http://www.yongxin.test/zwgk/index.shtml';

function platform(caption: string, handler: string, options: string): string {
  return `<html><head><meta charset="utf-8"><title>永新县人民政府 政务公开</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/index.shtml">政务公开</a></div>
<div class="side"><h3>${caption}</h3><p><select name="dept" onchange="${handler}"><option value="">请选择</option>${options}</select></p></div>
<div class="zxgk"><h3>最新公开</h3><ul><li><a href="/zwgk/tzgg/t1.shtml">永新县2025年政务公开工作要点</a></li></ul></div></body></html>`;
}

const DEPTS = `<option value="/zwgk/bmgk/czj/index.shtml">永新县财政局</option><option value="http://www.yongxin.test/zwgk/bmgk/mzj/index.shtml">永新县民政局</option>
<option value="/zwgk/bmgk/yjj/index.shtml">永新县应急管理局</option><option value="http://www.jian.test/">吉安市人民政府</option>`;

test('1. a 县直部门政务公开 box drawn as a jump menu leads to each department page with its agency; a 部门网站 menu, or one agency, leads nowhere', () => {
  const handler = 'window.location.href=this.options[this.selectedIndex].value';
  const got = listElsewhere(platform('县直部门政务公开', handler, DEPTS), PAGE, []);
  assert.deepEqual(
    got.filter((g) => g.columnAgency).map((g) => [new URL(g.url).pathname, g.columnAgency]),
    [
      ['/zwgk/bmgk/czj/index.shtml', '永新县财政局'],
      ['/zwgk/bmgk/mzj/index.shtml', '永新县民政局'],
      ['/zwgk/bmgk/yjj/index.shtml', '永新县应急管理局'],
    ],
  );
  // The same menu under a caption of other sites, or a handler that goes nowhere by value, or a single department.
  assert.deepEqual(listElsewhere(platform('部门网站', handler, DEPTS), PAGE, []).filter((g) => g.columnAgency), []);
  assert.deepEqual(listElsewhere(platform('县直部门政务公开', 'showDept(this)', DEPTS), PAGE, []).filter((g) => g.columnAgency), []);
  const one = '<option value="/zwgk/bmgk/czj/index.shtml">永新县财政局</option>';
  assert.deepEqual(listElsewhere(platform('县直部门政务公开', handler, one), PAGE, []).filter((g) => g.columnAgency), []);
});

const GOV = '永新县人民政府';
const html = (body: string) => ({ type: 'text/html; charset=utf-8', body });

function site(): Map<string, { type: string; body: string }> {
  const p = new Map<string, { type: string; body: string }>();
  const rep = (y: number) => `/gk/ndbg/${y + 1}01/t${y + 1}0120_${y}.shtml`;
  // A urlset (no index) in the platform's own folder, its addresses only, served as text/xml behind a stylesheet line.
  p.set('/gk/sitemap.xml', {
    type: 'text/xml',
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<?xml-stylesheet type="text/xsl" href="/gk/sitemap.xsl"?>\n<!-- generated -->\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${['/gk/', '/gk/zcwj/', rep(2023)].map((u) => `<url><loc>ORIGIN${u}</loc></url>`).join('\n')}\n</urlset>`,
  });
  p.set('/gk/', html(`<html><head><meta charset="utf-8"><title>政府信息公开</title></head><body><ul class="menu"><li><a href="/gk/xxgkzn/">政府信息公开指南</a></li><li><a href="/gk/zcwj/">政策文件</a></li><li><a href="/gk/ndbg/">政府信息公开年报</a></li></ul><div><h3>最新公开</h3><ul><li><a href="/gk/zcwj/t1.shtml">永新县2025年政务公开工作要点</a></li></ul></div></body></html>`));
  const items = [2024, 2023].map((y) => `<li><a href="${rep(y)}">${GOV}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`).join('');
  p.set('/gk/ndbg/', html(`<html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><h2>政府信息公开年报</h2><ul>${items}<li><a href="/gk/ndbg/t9.shtml">永新县2024年度政府网站工作年度报表</a></li></ul></body></html>`));
  for (const y of [2024, 2023]) p.set(rep(y), html(detail(GOV, { title: `${GOV}${y}年政府信息公开工作年度报告`, publisher: GOV, date: `${y + 1}-01-20`, body: reportText(GOV, `${y}年度`) })));
  p.set('/gk/ndbg/t9.shtml', html(detail(GOV, { title: '永新县2024年度政府网站工作年度报表', publisher: GOV, date: '2025-01-10', body: trapText('报表') })));
  return p;
}

test('2. (CLI) a seed that is a sitemap in the platform folder (a urlset of addresses, text/xml): read from the folder it maps, its 年报 column found, the seed moved', { timeout: 300_000 }, async () => {
  const table = site();
  let origin = '';
  const server = http.createServer((req, res) => {
    const hit = table.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(hit ? 200 : 404, { 'content-type': hit?.type ?? 'text/html; charset=utf-8' });
    res.end(hit ? hit.body.replaceAll('ORIGIN', origin) : '<html><body>404</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const dir = tempDir('nianbao-38c-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${GOV}\n    division: "360830"\n    level: county\n    province: 江西省\n    entries:\n      - url: "${origin}/gk/sitemap.xml"\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none', '--no-robots']);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const s = (JSON.parse(status.out) as { seeds: { url: string; last: { status: string; reason: string | null } }[] }).seeds[0]!;
    assert.equal(s.last.status, 'moved', s.last.reason ?? '');
    assert.match(s.last.reason ?? '', /sitemap.*\/gk\//);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const csv = readFileSync(out, 'utf8');
    for (const y of [2024, 2023]) assert.match(csv, new RegExp(`${GOV},.*,${y},`), `${GOV} ${y} exported`);
    assert.doesNotMatch(csv, /报表/);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
