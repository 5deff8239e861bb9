/**
 * A county's portal home (`www.`) whose 政府信息公开 is a platform on a sibling host (`xxgk.`), as many Jiangsu and
 * Shandong counties split them; and a list whose articles are on that sibling. The crawl's scope was the registry's
 * hosts only, so the platform was never read and the seed ended `empty` naming it (round 30c), the articles skipped
 * (round 4a's sibling-form). A sibling of the seed's own host by name (the same portal, the same port: onboarding's
 * `withinPortal`) is now admitted when the seed's own way to its list leads there: read, the seed flagged `moved`
 * naming it. Another domain (a spam clone of the reports) and another port stay unread.
 *
 * Host names are needed: one loopback server answers `www.pei.test`, `xxgk.pei.test` and `www.clone.test` by their
 * Host header, and the nianbao child resolves `*.test` to 127.0.0.1 (test/helpers/test-hosts.mjs). The loopback
 * fixtures elsewhere (one port per site) cannot model a sibling: another port is another server.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { detail, reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const PRELOAD = fileURLToPath(new URL('../helpers/test-hosts.mjs', import.meta.url));
const GOV = '邳州市人民政府';
const EDU = '邳州市教育局';
const YEARS = [2024, 2023, 2022];
/** The years a redesign left on the old site (`old.`), linked from the new column's 历史网站 sentence. */
const OLD_YEARS = [2020, 2019];
const shell = (title: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}<div class="foot"><a href="http://www.gov.cn/">中国政府网</a></div></body></html>`;
const report = (agency: string, y: number) => detail(agency, { title: `${agency}${y}年政府信息公开工作年度报告`, publisher: agency, date: `${y + 1}-01-20`, body: reportText(agency, `${y}年度`) });

/** Pages by "host path" (the port left out: one server answers every host). */
function pages(port: number): Map<string, string> {
  const p = new Map<string, string>();
  const www = `http://www.pei.test:${port}`;
  const xxgk = `http://xxgk.pei.test:${port}`;
  const clone = `http://www.clone.test:${port}`;
  const old = `http://old.pei.test:${port}`;
  // The government's home on www.: its 政府信息公开 is the platform on xxgk.
  p.set('www.pei.test /', shell(GOV, `<div class="nav"><a href="/">首页</a><a href="/xwzx/">新闻中心</a><a href="${xxgk}/xxgk/index.html">政府信息公开</a></div><ul class="news"><li><a href="/xwzx/1.html">邳州市2024年国民经济和社会发展统计公报</a></li></ul>`));
  p.set('xxgk.pei.test /xxgk/index.html', shell('邳州市政府信息公开', '<ul class="menu"><li><a href="/xxgk/zn/index.html">政府信息公开指南</a></li><li><a href="/xxgk/nb/index.html">政府信息公开年报</a></li><li><a href="/xxgk/bb/index.html">政府网站工作年度报表</a></li></ul>'));
  p.set('xxgk.pei.test /xxgk/nb/index.html', shell('政府信息公开年报', `<ul class="list">${YEARS.map((y) => `<li><a href="/xxgk/nb/${y}.html">${GOV}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`).join('')}<li><a href="/xxgk/nb/tz.html">关于做好2024年度政府信息公开工作年度报告编制发布工作的通知</a><span>2024-12-10</span></li></ul><p class="tip">2020年及以前年度的政府信息公开工作年度报告请至<a href="${old}/zwgk/ndbg/">历史网站</a>查阅。</p>`));
  // The old site (another host of the same portal) keeps the years before the redesign, beside its own news.
  p.set('old.pei.test /zwgk/ndbg/', shell('政府信息公开年报_邳州市人民政府（旧版）', `<ul>${OLD_YEARS.map((y) => `<li><a href="/zwgk/ndbg/${y}.htm">${GOV}${y}年政府信息公开工作年度报告</a></li>`).join('')}<li><a href="/zwgk/ndbg/ys.htm">邳州市2020年部门预算公开</a></li></ul>`));
  for (const y of OLD_YEARS) p.set(`old.pei.test /zwgk/ndbg/${y}.htm`, report(GOV, y));
  for (const y of YEARS) p.set(`xxgk.pei.test /xxgk/nb/${y}.html`, report(GOV, y));
  p.set('xxgk.pei.test /xxgk/nb/tz.html', detail(GOV, { title: '关于做好2024年度政府信息公开工作年度报告编制发布工作的通知', publisher: '邳州市政务公开办', date: '2024-12-10', body: trapText('编制通知') }));
  // A department's column on www. whose articles are on xxgk. (the platform publishes them), one on a clone's domain.
  p.set('www.pei.test /jyj/ndbg/', shell(`${EDU} 年度报告`, `<ul class="list">${YEARS.map((y) => `<li><a href="${xxgk}/jyj/${y}.html">${EDU}${y}年政府信息公开工作年度报告</a></li>`).join('')}<li><a href="${clone}/jyj/2021.html">${EDU}2021年政府信息公开工作年度报告</a></li></ul>`));
  for (const y of YEARS) p.set(`xxgk.pei.test /jyj/${y}.html`, report(EDU, y));
  p.set('www.clone.test /jyj/2021.html', report(EDU, 2021));
  return p;
}

async function serve(): Promise<{ port: number; asked: string[]; close: () => Promise<void> }> {
  const asked: string[] = [];
  let table = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    const key = `${host} ${new URL(req.url ?? '/', 'http://x').pathname}`;
    asked.push(key);
    const body = table.get(key);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? '<html><body>404</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  table = pages(port);
  return { port, asked, close: () => new Promise((r) => server.close(() => r())) };
}

test('a list on a sibling host of the seed (xxgk. beside www.; an old. archive) is read, the seed moved naming it; a clone’s domain is not', { timeout: 120_000 }, async () => {
  const srv = await serve();
  try {
    const dir = tempDir('nianbao-sibling-');
    const seeds = path.join(dir, 'seeds.yaml');
    const www = `http://www.pei.test:${srv.port}`;
    writeFileSync(
      seeds,
      `agencies:
  - name: ${GOV}
    division: "320382"
    level: county
    province: 江苏省
    city: 徐州市
    county: 邳州市
    entries:
      - url: ${www}/
  - name: ${EDU}
    division: "320382"
    level: county
    province: 江苏省
    city: 徐州市
    county: 邳州市
    entries:
      - url: ${www}/jyj/ndbg/
`,
    );
    const storage = path.join(dir, 'storage');
    const env = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${PRELOAD}`.trim() };
    const run = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none'], env);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage], env);
    const seedsOut = (JSON.parse(status.out) as { seeds: { url: string; last: { status: string; reason: string | null } }[] }).seeds;
    const home = seedsOut.find((s) => s.url === `${www}/`)!;
    const column = seedsOut.find((s) => s.url === `${www}/jyj/ndbg/`)!;
    assert.equal(home.last.status, 'moved', home.last.reason ?? '');
    assert.ok(home.last.reason?.includes(`xxgk.pei.test:${srv.port} (http://xxgk.pei.test:${srv.port}/xxgk/index.html)`), home.last.reason ?? '');
    // The department's column read its articles on the sibling; its one link to a clone's domain is skipped and said.
    assert.equal(column.last.status, 'short', column.last.reason ?? '');
    assert.match(column.last.reason ?? '', /www\.clone\.test/);
    assert.equal(run.code, 7, run.out + run.err);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage], env);
    const csv = readFileSync(out, 'utf8');
    // The years before the redesign, on the old site the column's 历史网站 sentence links to (`old.`, a sibling).
    for (const y of OLD_YEARS) assert.match(csv, new RegExp(`${GOV},.*,${y},`), `${GOV} ${y} (old site) exported`);
    for (const y of YEARS) {
      assert.match(csv, new RegExp(`${GOV},.*,${y},`), `${GOV} ${y} exported`);
      assert.match(csv, new RegExp(`${EDU},.*,${y},`), `${EDU} ${y} exported`);
    }
    assert.doesNotMatch(csv, /2021,|clone\.test|编制发布工作的通知/);
    // Only the seed's way on the sibling (its platform page, the 年报 column, the reports): no guide, no 报表 column.
    for (const k of srv.asked) assert.doesNotMatch(k, /^xxgk\.pei\.test \/xxgk\/(zn|bb)\/|^www\.clone\.test/, `${k} asked`);
  } finally {
    await srv.close();
  }
});
