/**
 * Round 19a's fixes (docs/blind-portals.md, "Round 19a"), each on hand-made input:
 *  - a pager that prints its place as "当前 3/3 页" (JEECMS: no 第), or only shows it in a JEECMS address
 *    (`index_3.jhtml`, one-based), is on its last page: no dead end said on a list read whole;
 *  - a title naming only a zone ("某某经济技术开发区2023年度…") is the report of the zone's registered administration
 *    (its 管理委员会 / 管委会), not a discovered "<region><zone>";
 *  - JEECMS's attachment links, written without an address and filled by `Cms.attachment(base, cid, n, prefix)` from
 *    `attachment_url.jspx`, are asked for as the script asks and the report's file is stored; when they cannot be
 *    had, the seed is short;
 *  - a report page that only points to its attachment ("详见附件") and links none is said (the seed short), never
 *    silently taken for the report.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { loadConfig, storagePaths } from '../../src/config.ts';
import { pointsToAttachment } from '../../src/crawl/attachment-pointer.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { currentPageNumber, statedCurrentPage, withGenericPaging } from '../../src/crawl/families/pager.ts';
import { harvest } from '../../src/crawl/harvest.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { scriptedAttachments } from '../../src/crawl/scripted-attachments.ts';
import { loadSeeds } from '../../src/registry/seeds-file.ts';
import { FAST } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

/** A pager of buttons only, as JEECMS's cms_pagination writes it, on page k of 3. */
function buttonPager(k: number): string {
  const file = (n: number) => (n === 1 ? 'index.jhtml' : `index_${n}.jhtml`);
  const btn = (v: string, n: number, off: boolean) => `<input type="button" value="${v}" onclick="location.href='${file(n)}';"${off ? ' disabled="disabled"' : ''}/>`;
  return `<div class="pagination">共 9 条&nbsp;每页 4 条&nbsp;${btn('首 页', 1, k === 1)}${btn('上一页', Math.max(1, k - 1), k === 1)}${btn('下一页', Math.min(3, k + 1), k === 3)}${btn('尾 页', 3, k === 3)}&nbsp;当前 ${k}/3 页 &nbsp;转到第<input type="text" id="_goPs" size="2"/>页<input type="button" value="转" onclick="_gotoPage($('#_goPs').val());"/></div>`;
}

test('a JEECMS pager on its last page ("当前 3/3 页", buttons only) is no dead end; its address tells the page too', () => {
  const last = `<html><body><ul><li><a href="/nb/101.jhtml">某县2021年政府信息公开工作年度报告</a></li></ul>${buttonPager(3)}</body></html>`;
  const url = 'http://gov.example/nb/index_3.jhtml';
  assert.equal(statedCurrentPage('共 9 条 每页 4 条 当前 3/3 页'), 3);
  assert.equal(statedCurrentPage('当前页：2/3页'), 2);
  assert.equal(statedCurrentPage('当前第2/3页'), 2);
  // A figure of the text is no page: "当前2024年" names no 页.
  assert.equal(statedCurrentPage('当前2024年工作'), null);
  const result = withGenericPaging({ items: [], next: [] }, last, url);
  assert.equal(result.deadEnd, undefined, result.deadEnd);
  assert.deepEqual(result.next, []);
  // Page 1 still goes on to index_2.jhtml.
  const first = withGenericPaging({ items: [], next: [] }, `<html><body>${buttonPager(1)}</body></html>`, 'http://gov.example/nb/index.jhtml');
  assert.deepEqual(
    first.next.map((n) => n.url),
    ['http://gov.example/nb/index_2.jhtml'],
  );
  // A JEECMS page address is one-based (index_2.jhtml is page 2), unlike TRS's index_1.html.
  assert.equal(currentPageNumber(loadHtml('<p></p>'), 'http://gov.example/nb/index_3.jhtml'), 3);
  assert.equal(currentPageNumber(loadHtml('<p></p>'), 'http://gov.example/nb/index_1.html'), 2);
});

test('a title naming only a zone is the report of the zone’s registered administration (管理委员会), not a discovered zone', () => {
  const c = Catalog.open(':memory:');
  const site = c.agencies.upsert({
    name: '某某经济技术开发区管理委员会',
    nameKey: '某某经济技术开发区管理委员会',
    division: '320682',
    level: 'county',
    province: '江苏省',
    city: '南通市',
    county: '如皋市',
  });
  const at = new Attributor(c);
  const a = at.attribute({ title: '某某经济技术开发区2023年度政府信息公开工作年度报告', siteAgency: site })!;
  assert.equal(a.agency.id, site.id);
  assert.equal(a.discovered, false);
  assert.equal(a.year, 2023);
  // On a city's column, a zone's report goes to the zone's committee registered as 管委会.
  const city = c.agencies.upsert({ name: '南通市人民政府', nameKey: '南通市人民政府', division: '320600', level: 'city', province: '江苏省', city: '南通市', county: null });
  const committee = c.agencies.upsert({ name: '南通苏锡通科技产业园区管委会', nameKey: '南通苏锡通科技产业园区管委会', division: '320600', level: 'city', province: '江苏省', city: '南通市', county: null });
  const b = at.attribute({ title: '南通苏锡通科技产业园区2024年政府信息公开工作年度报告', siteAgency: city })!;
  assert.equal(b.agency.id, committee.id);
  assert.equal(b.discovered, false);
  // A zone nobody registered is still discovered under the name the title gives.
  const d = at.attribute({ title: '某某高新技术产业开发区2024年政府信息公开工作年度报告', siteAgency: city })!;
  assert.equal(d.discovered, true);
  assert.match(d.agency.name, /某某高新技术产业开发区$/);
  c.close();
});

const JC_PAGE = (cid: number, n: number, base = '') =>
  `<html><head><script src="/r/cms/front.js"></script></head><body><h1>某县人民政府2021年政府信息公开工作年度报告</h1>
<div id="zoom"><p>现将某县人民政府2021年政府信息公开工作年度报告予以公开，请点击附件查看。</p></div>
<div class="attach">附件：${Array.from({ length: n }, (_, i) => `<a id="attach${i}">附件${i + 1}：某县2021年年报（${i + 1}）.pdf</a><br/>`).join('')}</div>
<script type="text/javascript">Cms.attachment("${base}","${cid}","${n}","attach");</script></body></html>`;

test('JEECMS attachment links without an address: the tails request and the download addresses the script builds', () => {
  const [call] = scriptedAttachments(JC_PAGE(1200, 2), 'http://gov.example/zwgk/nb/1200.jhtml');
  assert.ok(call);
  assert.equal(call.request, 'http://gov.example/attachment_url.jspx?cid=1200&n=2');
  assert.deepEqual(call.links('["&t=1&k=aa","&t=1&k=bb"]'), [
    { url: 'http://gov.example/attachment.jspx?cid=1200&i=0&t=1&k=aa', name: '附件1：某县2021年年报（1）.pdf' },
    { url: 'http://gov.example/attachment.jspx?cid=1200&i=1&t=1&k=bb', name: '附件2：某县2021年年报（2）.pdf' },
  ]);
  // An error page is no array of tails.
  assert.deepEqual(call.links('<html>系统繁忙</html>'), []);
  // A context path (JEECMS deployed under /cms) is kept; links the server already addressed need no script.
  assert.equal(scriptedAttachments(JC_PAGE(7, 1, '/cms'), 'http://gov.example/cms/nb/7.jhtml')[0]?.request, 'http://gov.example/cms/attachment_url.jspx?cid=7&n=1');
  const linked = JC_PAGE(7, 1).replace('<a id="attach0">', '<a id="attach0" href="/u/cms/www/202201/x.pdf">');
  assert.deepEqual(scriptedAttachments(linked, 'http://gov.example/nb/7.jhtml'), []);
});

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}

/** A JEECMS column of one report published only as its attachment; `tails` is what attachment_url.jspx answers. */
async function crawlJeecms(tails: { status: number; type: string; body: string }) {
  const A = '某县人民政府';
  const asked: string[] = [];
  const server = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    asked.push(u.pathname + u.search);
    if (u.pathname === '/zwgk/nb/index.jhtml') {
      return send(res, 200, 'text/html; charset=utf-8', `<html><head><meta charset="utf-8"><title>政府信息公开年报_${A}</title></head><body><h2>政府信息公开年报</h2><ul><li><span>2022-01-25</span><a href="/zwgk/nb/1200.jhtml">${A}2021年政府信息公开工作年度报告</a></li></ul></body></html>`);
    }
    if (u.pathname === '/zwgk/nb/1200.jhtml') return send(res, 200, 'text/html; charset=utf-8', JC_PAGE(1200, 1));
    if (u.pathname === '/attachment_url.jspx' && u.searchParams.get('cid') === '1200') return send(res, tails.status, tails.type, tails.body);
    if (u.pathname === '/attachment.jspx' && u.searchParams.get('k') === '8c1f04a9' && u.searchParams.get('i') === '0') {
      return send(res, 200, 'application/octet-stream', Buffer.from('%PDF-1.4\n% a report\n%%EOF\n'), { 'content-disposition': 'attachment; filename=report.pdf' });
    }
    send(res, 404, 'text/html', 'not found');
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${A}\n    entries:\n      - url: "${server.origin}/zwgk/nb/index.jhtml"\n        family: auto\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    let result;
    try {
      result = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }, {}), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
    } finally {
      catalog.close();
    }
    const c = Catalog.open(storagePaths(storage).catalog);
    try {
      const [report] = c.reports.all();
      assert.ok(report, 'the report is catalogued');
      const files = c.reports.files(report.id).filter((f) => f.role === 'attachment').map((f) => new URL(f.url).pathname + new URL(f.url).search);
      return { seed: result.seeds[0]!, files, asked };
    } finally {
      c.close();
    }
  } finally {
    await server.close();
  }
}

test('a JEECMS report published only as its attachment: the file asked through attachment_url.jspx and stored with the report', { timeout: 120_000 }, async () => {
  const r = await crawlJeecms({ status: 200, type: 'application/json;charset=UTF-8', body: '["&t=1737351234567&k=8c1f04a9"]' });
  assert.deepEqual(r.files, ['/attachment.jspx?cid=1200&i=0&t=1737351234567&k=8c1f04a9'], r.asked.join(' '));
  assert.equal(r.seed.status, 'ok', r.seed.reason ?? '');
});

test('a JEECMS attachment whose addresses cannot be had (an error page for the tails) leaves its seed short, not ok', { timeout: 120_000 }, async () => {
  const r = await crawlJeecms({ status: 200, type: 'text/html; charset=utf-8', body: '<html><body>系统繁忙，请稍后再试</body></html>' });
  assert.deepEqual(r.files, []);
  assert.equal(r.seed.status, 'short');
  assert.match(r.seed.reason ?? '', /attachment_url\.jspx/);
});

test('a report page that only points to its attachment ("详见附件") and links none is said: its seed short, not ok', { timeout: 120_000 }, async () => {
  assert.equal(pointsToAttachment('现将某县人民政府2021年政府信息公开工作年度报告予以公开，详见附件。'), true);
  assert.equal(pointsToAttachment('某县2021年政府信息公开工作年度报告全文请点击附件查看。'), true);
  // A report written out in the page is the report, whatever it says of attachments.
  assert.equal(pointsToAttachment(`一、总体情况${'本年度，我县坚持以公开为常态、不公开为例外。'.repeat(30)}详见附件。`), false);
  assert.equal(pointsToAttachment('某县人民政府2021年政府信息公开工作年度报告。一、总体情况。'), false);
  const A = '某县人民政府';
  const chrome = `<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a><a href="/zwgk/nb/">年报</a></div>`;
  const server = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/zwgk/nb/') {
      return send(res, 200, 'text/html; charset=utf-8', `<html><head><meta charset="utf-8"><title>政府信息公开年报_${A}</title></head><body>${chrome}<h2>政府信息公开年报</h2><ul><li><a href="/zwgk/nb/a1.html">${A}2021年政府信息公开工作年度报告</a></li><li><a href="/zwgk/nb/a2.html">${A}2022年政府信息公开工作年度报告</a></li></ul></body></html>`);
    }
    const body =
      u.pathname === '/zwgk/nb/a1.html'
        ? `<p>现将${A}2021年政府信息公开工作年度报告予以公开，详见附件。</p><p>附件：<span class="fj" data-id="88">${A}2021年年报.pdf</span></p><script>loadFiles(88);</script>`
        : u.pathname === '/zwgk/nb/a2.html'
          ? `<p>现将${A}2022年政府信息公开工作年度报告予以公开，详见附件。</p><p>附件：<a href="/files/2022.pdf">${A}2022年年报.pdf</a></p>`
          : null;
    if (body) return send(res, 200, 'text/html; charset=utf-8', `<html><head><meta charset="utf-8"><title>年报_${A}</title></head><body>${chrome}<h1>${A}${u.pathname.endsWith('a1.html') ? 2021 : 2022}年政府信息公开工作年度报告</h1><div id="zoom">${body}</div></body></html>`);
    if (u.pathname === '/files/2022.pdf') return send(res, 200, 'application/pdf', Buffer.from('%PDF-1.4\n% 2022\n%%EOF\n'));
    send(res, 404, 'text/html', 'not found');
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${A}\n    entries:\n      - url: "${server.origin}/zwgk/nb/"\n        family: auto\n        render: http\n`);
    const storage = path.join(dir, 'storage');
    const catalog = Catalog.open(storagePaths(storage).catalog);
    let result;
    try {
      result = await harvest({ config: loadConfig({ politeness: FAST, storageDir: storage }, {}), catalog, seeds: loadSeeds([seeds]), kind: 'crawl', jobName: 'crawl' });
    } finally {
      catalog.close();
    }
    const seed = result.seeds[0]!;
    assert.equal(seed.status, 'short');
    // The page linking its file is not the one said.
    assert.match(seed.reason ?? '', /1 of its report pages point to an attachment that no link on the page gives \(.*\/zwgk\/nb\/a1\.html\)/);
  } finally {
    await server.close();
  }
});
