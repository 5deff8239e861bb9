/**
 * Round 57's changes (docs/blind-portals.md, round 57); the blind portals themselves are crawled whole by the blind
 * parts. A list of `<dl>` rows whose title is the `<dt>` text and whose only link is a 详情 button in a `<dd>` (the
 * seed was empty, its titles said unlinked); a learned answer mixing relative page addresses the script prefixes with
 * a root-relative file address it does not (the file was asked at `/shmh/shmh/…`, a 404), and naming a department's
 * file only in its `pubOrg` field (filed under the district); a 繁體 gateway's Big5 pages in traditional characters
 * (nothing read as a report).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findJsonList, type DrawnLink } from '../../src/crawl/learn/list-shape.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { unlinkedReportTitles } from '../../src/crawl/unlinked-titles.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import * as OpenCC from 'opencc-js';
import { inSimplifiedScript, writtenTraditional } from '../../src/encoding/simplified-script.ts';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

const PAGE = 'http://gov.test/ggx/c108712/xxgk_list.shtml';
const dlRow = (title: string, href: string) =>
  `<div class="gk-item"><dl><dt><img src="/dot.gif" alt="">&nbsp;${title}</dt><dd class="fbjg">甘谷县人民政府办公室</dd><dd class="rq">2025-01-20</dd><dd class="cz"><a class="btn-xq" href="${href}">详情</a></dd></dl></div>`;

test("a <dl> row linked only by its 详情 button is titled by its <dt>; its title is not said unlinked", () => {
  const html = `<html><body><div class="list">${dlRow('甘谷县人民政府2024年政府信息公开工作年度报告', '/ggx/c108712/202501/2199301.shtml')}${dlRow('甘谷县2025年政务公开工作要点', '/ggx/c108712/202503/2199400.shtml')}</div></body></html>`;
  const items = parseListItems(html, PAGE);
  assert.deepEqual(
    items.map((i) => [i.title, new URL(i.url).pathname]),
    [
      ['甘谷县人民政府2024年政府信息公开工作年度报告', '/ggx/c108712/202501/2199301.shtml'],
      ['甘谷县2025年政务公开工作要点', '/ggx/c108712/202503/2199400.shtml'],
    ],
  );
  assert.deepEqual(unlinkedReportTitles(html, [], (t) => classifyTitle(t).isReport), []);
});

test("a sheet's caption naming a table of the reports (…年度报告汇总表) is no unlinked report title", () => {
  const html = `<html><body><table><tr><td colspan="4">甘谷县各乡镇2023年度政府信息公开工作年度报告汇总表</td></tr>
<tr><td>1</td><td>大像山镇</td><td><a href="/a.pdf">大像山镇2023年度政府信息公开工作年度报告</a></td><td>2024/1/22</td></tr></table>
<ul><li><span>某县2023年度政府信息公开工作年度报告</span></li></ul></body></html>`;
  assert.deepEqual(unlinkedReportTitles(html, ['大像山镇2023年度政府信息公开工作年度报告'], (t) => classifyTitle(t).isReport), ['某县2023年度政府信息公开工作年度报告']);
});

test("a learned answer's root-relative file under the script's root is not prefixed again; its pubOrg names the file's agency", () => {
  const base = 'http://gov.test/shmh/zfxxgknb/index.html';
  const answer = {
    code: '200',
    data: {
      list: [
        { docTitle: '上海市闵行区2024年政府信息公开工作年度报告', docUrl: 'zfxxgknb/20250121/a1.html', pubOrg: '上海市闵行区人民政府', pubDate: '2025-01-21' },
        { docTitle: '2024年度政府信息公开工作年度报告', docUrl: '/shmh/upload/xxgk/2025/01/23/e3.pdf', pubOrg: '上海市闵行区教育局', pubDate: '2025-01-23' },
        { docTitle: '上海市闵行区2023年政府信息公开工作年度报告', docUrl: 'zfxxgknb/20240119/b2.html', pubOrg: '上海市闵行区人民政府', pubDate: '2024-01-19' },
        { docTitle: '上海市闵行区2025年政务公开工作要点', docUrl: 'zfxxgknb/20250301/c3.html', pubOrg: '上海市闵行区人民政府办公室', pubDate: '2025-03-01' },
      ],
    },
  };
  // What the page's script drew: `/shmh/` before a relative address, a root-relative one as it is.
  const drawn: DrawnLink[] = answer.data.list.map((r) => ({ text: r.docTitle, url: new URL(r.docUrl.startsWith('/') ? r.docUrl : `/shmh/${r.docUrl}`, base).href }));
  const found = findJsonList(answer, base, drawn);
  assert.deepEqual(found?.items.map((i) => i.url), drawn.map((d) => d.url));
  assert.deepEqual(found?.items.map((i) => i.publisher), answer.data.list.map((r) => r.pubOrg));
});

test('a page in traditional characters is read in simplified ones, its addresses kept; a simplified page quoting some is left alone', () => {
  const trad = `<html><head><title>政府信息公開年報</title></head><body><ul>
<li><a href="/gate/big5/www.x.gov.cn/zwgk/年報/t1.htm" title="東山縣人民政府2024年政府信息公開工作年度報告">東山縣人民政府2024年政府信息公開工作年度報告</a></li></ul>
<div class="page">共13條 第1/3頁 首頁 上一頁 下一頁 尾頁</div><p>銅陵鎮人民政府 網站標識碼 國家 機關 發布 時間 來源 點擊</p></body></html>`;
  assert.ok(writtenTraditional(trad));
  const read = inSimplifiedScript(trad);
  assert.match(read, />东山县人民政府2024年政府信息公开工作年度报告</);
  assert.match(read, /title="东山县人民政府2024年政府信息公开工作年度报告"/);
  assert.match(read, /href="\/gate\/big5\/www\.x\.gov\.cn\/zwgk\/年報\/t1\.htm"/);
  assert.match(read, /共13条 第1\/3页 首页 上一页 下一页 尾页/);
  const simplified = '<p>东山县人民政府2024年政府信息公开工作年度报告：本报告由东山县人民政府办公室编制。香港「政府資訊公開」與「開放資料」見附件。</p>';
  assert.equal(inSimplifiedScript(simplified), simplified);
});

function big5Portal(): BlindPortal {
  const site = '东山县人民政府';
  // The gateway's conversion: every page's text in traditional characters (OpenCC's mainland-to-Taiwan tables), Big5.
  const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const big5 = (html: string) => ({ type: 'text/html; charset=big5', body: encodeBig5(toTraditional(html).replace('charset=utf-8', 'charset=big5')) });
  const title = (y: number) => `${site}${y}年政府信息公开工作年度报告`;
  const at = '/gate/big5/www.dongshan.gov.cn/zwgk/nb';
  const rows = [2024, 2023].map((y) => `<li><a href="./t${y}.htm">${title(y)}</a><span>${y + 1}-01-20</span></li>`).join('');
  return {
    id: 'big5-gate',
    pattern: 'a 繁體 gateway: Big5 pages in traditional characters',
    agency: { name: site, division: '350626', level: 'county', province: '福建省', city: '漳州市', county: '东山县' },
    seedPath: `${at}/index.htm`,
    expected: [
      { agency: site, year: 2023 },
      { agency: site, year: 2024 },
      { agency: '东山县铜陵镇人民政府', year: 2024 },
    ],
    routes: {
      [`GET ${at}/index.htm`]: big5(
        page(site, '政府信息公开年报', `<ul class="list">${rows}<li><a href="./tz2025.htm">${site}2025年政务公开工作要点</a><span>2025-03-01</span></li><li><a href="./tl2024.htm">铜陵镇2024年政府信息公开工作年度报告</a><span>2025-01-22</span></li></ul><p>网站标识码3506260001 主办单位：东山县人民政府办公室 联系我们 网站地图 关于本网 无障碍 繁体 简体</p>`),
      ),
      [`GET ${at}/t2024.htm`]: big5(detail(site, { title: title(2024), publisher: site, date: '2025-01-20', body: reportText(site, '二〇二四年度') })),
      [`GET ${at}/t2023.htm`]: big5(detail(site, { title: title(2023), publisher: site, date: '2024-01-20', body: reportText(site, '二〇二三年度') })),
      [`GET ${at}/tl2024.htm`]: big5(detail(site, { title: '铜陵镇2024年政府信息公开工作年度报告', publisher: '东山县铜陵镇人民政府', date: '2025-01-22', body: reportText('东山县铜陵镇人民政府', '二〇二四年度') })),
      [`GET ${at}/tz2025.htm`]: big5(detail(site, { title: `${site}2025年政务公开工作要点`, publisher: site, date: '2025-03-01', body: '<p>要点。</p>' })),
    },
  };
}

/** Big5 bytes of a text (Node decodes Big5 but cannot encode it: a table made by decoding every two-byte code). */
function encodeBig5(text: string): Buffer {
  const table = new Map<string, number[]>();
  const dec = new TextDecoder('big5');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (const lo of [...Array.from({ length: 0x3f }, (_, i) => 0x40 + i), ...Array.from({ length: 0x5f }, (_, i) => 0xa1 + i)]) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...(table.get(ch) ?? [0x3f]));
  }
  return Buffer.from(out);
}

test('a 繁體 gateway column in Big5 is read: its reports found in simplified names', { timeout: 300_000 }, async () => {
  const portal = big5Portal();
  const run = await crawlAsUser([portal]);
  try {
    assert.deepEqual(run.found.get(portal.id), ['东山县人民政府 2023', '东山县人民政府 2024', '东山县铜陵镇人民政府 2024']);
    assert.ok(run.seeds[0]!.healthy, JSON.stringify(run.seeds[0]));
  } finally {
    await run.portal.close();
  }
});

test("a file a table row links alone takes the publisher its 发布机构 column names; a page's row and a headless table do not", () => {
  const row = (title: string, href: string, org: string) => `<tr><td>1</td><td><a href="${href}">${title}</a></td><td>${org}</td><td>2025-01-21</td></tr>`;
  const html = `<html><body><table><thead><tr><th>序号</th><th>标题</th><th>发布机构</th><th>发布日期</th></tr></thead><tbody>
${row('2024年度政府信息公开工作年度报告', '/upload/2025/01/jyj.pdf', '上海市闵行区教育局')}
${row('上海市闵行区2024年政府信息公开工作年度报告', '/zfxxgknb/20250121/a1.html', '上海市闵行区人民政府')}
${row('2023年度政府信息公开工作年度报告', '/upload/2024/01/x.pdf', '办公室')}
</tbody></table>
<table><tr><td><a href="/upload/2022.pdf">2022年度政府信息公开工作年度报告</a></td><td>上海市闵行区财政局</td></tr></table></body></html>`;
  const items = parseListItems(html, 'http://gov.test/shmh/zfxxgknb/index.html');
  assert.deepEqual(
    items.map((i) => [new URL(i.url).pathname, i.publisher ?? null]),
    [
      ['/upload/2025/01/jyj.pdf', '上海市闵行区教育局'],
      ['/zfxxgknb/20250121/a1.html', null],
      // As written: an internal unit names no agency, which the attributor knows (the site's agency speaking).
      ['/upload/2024/01/x.pdf', '办公室'],
      ['/upload/2022.pdf', null],
    ],
  );
});

test("a department's file linked alone in a table with a 发布机构 column is catalogued under that department", { timeout: 300_000 }, async () => {
  const site = '上海市闵行区人民政府';
  const row = (title: string, href: string, org: string, date: string) => `<tr><td><a href="${href}">${title}</a></td><td>${org}</td><td>${date}</td></tr>`;
  const portal: BlindPortal = {
    id: 'publisher-cell',
    pattern: 'a PDF row titled without its agency, the agency in the 发布机构 column',
    agency: { name: site, division: '310112', level: 'county', province: '上海市', city: '上海市', county: '闵行区' },
    seedPath: '/shmh/zfxxgknb/index.html',
    expected: [
      { agency: site, year: 2024 },
      { agency: '上海市闵行区教育局', year: 2024 },
    ],
    files: ['/shmh/upload/2025/01/jyj.pdf'],
    routes: {
      'GET /shmh/zfxxgknb/index.html': {
        body: page(site, '政府信息公开年报', `<table class="gk"><tr><th>标题</th><th>发布机构</th><th>发布日期</th></tr>
${row('上海市闵行区2024年政府信息公开工作年度报告', '/shmh/zfxxgknb/20250121/a1.html', site, '2025-01-21')}
${row('2024年度政府信息公开工作年度报告', '/shmh/upload/2025/01/jyj.pdf', '上海市闵行区教育局', '2025-01-23')}
${row('上海市闵行区2025年政务公开工作要点', '/shmh/zfxxgknb/20250301/c3.html', site, '2025-03-01')}</table>`),
      },
      'GET /shmh/zfxxgknb/20250121/a1.html': { body: detail(site, { title: '上海市闵行区2024年政府信息公开工作年度报告', publisher: site, date: '2025-01-21', body: reportText(site, '2024年度') }) },
      'GET /shmh/zfxxgknb/20250301/c3.html': { body: detail(site, { title: '上海市闵行区2025年政务公开工作要点', publisher: site, date: '2025-03-01', body: '<p>要点。</p>' }) },
      'GET /shmh/upload/2025/01/jyj.pdf': { type: 'application/pdf', body: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1') },
    },
  };
  const run = await crawlAsUser([portal]);
  try {
    assert.deepEqual(run.found.get(portal.id), [`${site} 2024`, '上海市闵行区教育局 2024']);
    assert.deepEqual(run.attachments.get(portal.id), portal.files);
  } finally {
    await run.portal.close();
  }
});
