/**
 * Round 44's fixes (docs/blind-portals.md, "Round 44"), on hand-made input:
 * 1. a 政府信息公开目录 table whose rows link only their 索引号 (the 名称 cell plain text) gave items titled by the
 *    index number, none a report: the seed `empty`;
 * 2. a report's print view given as the seed (no chrome, its logo the only link, to the site's home) gave that one
 *    report, `ok`: exploring its host from it followed nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { listItemsFrom } from '../../src/crawl/list-page.ts';
import type { BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

test('a 目录 row linked by its 索引号 alone is titled by its 名称 cell', () => {
  const row = (index: string, href: string, name: string, date: string) => `<tr><td><a href="${href}">${index}</a></td><td>${name}</td><td>${date}</td><td></td></tr>`;
  const html = `<table><thead><tr><th>索引号</th><th>名称</th><th>生成日期</th><th>文号</th></tr></thead><tbody>
${row('11210381001127934P/2025-00008', '/html/HCSZF/202501/0171234567890123.html', '海城市人民政府2024年政府信息公开工作年度报告', '2025-01-20')}
${row('000014349/2025-00031', '/html/HCSZF/202503/0171234567890456.html', '海城市2025年政务公开工作要点', '2025-03-02')}
${row('MB1A27416-2024-0005', '/html/HCSZF/202401/0171234567890789.html', '海城市教育局2023年度政府信息公开工作年度报告', '2024-01-18')}
</tbody></table>`;
  const $ = loadHtml(html);
  const items = listItemsFrom($, $.root(), 'http://gov.test/html/HCSZF/gkml/ndbg/index.html');
  assert.deepEqual(
    items.map((i) => [i.title, i.date]),
    [
      ['海城市人民政府2024年政府信息公开工作年度报告', '2025-01-20'],
      ['海城市2025年政务公开工作要点', '2025-03-02'],
      ['海城市教育局2023年度政府信息公开工作年度报告', '2024-01-18'],
    ],
  );
  assert.deepEqual(items.map((i) => classifyTitle(i.title).isReport), [true, false, true]);
});

test('a link whose text is a document number or a plain code with words is not taken for an 索引号', () => {
  const $ = loadHtml('<ul><li><a href="/a/1.html">某县2024年政府信息公开工作年度报告</a><span>2025-01-20</span></li><li><a href="/a/2.html">2024-01-02</a><span>2024-01-02</span></li></ul>');
  assert.deepEqual(listItemsFrom($, $.root(), 'http://gov.test/a/').map((i) => i.title), ['某县2024年政府信息公开工作年度报告', '2024-01-02']);
});

test("a report's print view as the seed: its logo's link home is followed, the column found, the seed `moved`", { timeout: 120_000 }, async () => {
  const gov = '某县人民政府';
  const nav = '<div class="nav"><a href="/">首页</a><a href="/zwgk/index.html">政务公开</a><a href="/hdjl/index.html">互动交流</a></div>';
  const art = (y: number) => detail(gov, { title: `${gov}${y}年政府信息公开工作年度报告`, publisher: gov, date: `${y + 1}-01-20`, body: reportText(gov, `${y}年`) });
  const print = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${gov}2023年政府信息公开工作年度报告</title></head>
<body onload="window.print()"><div class="logo"><a href="/"><img src="/images/logo.png" alt=""></a></div>
<h1>${gov}2023年政府信息公开工作年度报告</h1><p>本页网址：/zwgk/nb/content/post_23.html</p>${reportText(gov, '2023年')}</body></html>`;
  const list = [2024, 2023, 2022].map((y) => `<li><a href="/zwgk/nb/content/post_${y - 2000}.html">${gov}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`).join('');
  const p: BlindPortal = {
    id: 'fix44-print-seed',
    pattern: "a report's print view as the seed",
    agency: { name: gov, division: '445322', level: 'county', province: '广东省', city: '云浮市', county: '郁南县' },
    seedPath: '/print/zwgk/nb/content/post_23.html',
    expected: [],
    routes: {
      'GET /print/zwgk/nb/content/post_23.html': { body: print },
      'GET /': { body: page(gov, '首页', `${nav}<p>欢迎</p>`) },
      'GET /zwgk/index.html': { body: page(gov, '政务公开', `${nav}<ul><li><a href="/zwgk/nb/index.html">政府信息公开年报</a></li></ul>`) },
      'GET /zwgk/nb/index.html': { body: page(gov, '政府信息公开年报', `${nav}<ul>${list}</ul>`) },
      'GET /zwgk/nb/content/post_24.html': { body: art(2024) },
      'GET /zwgk/nb/content/post_23.html': { body: art(2023) },
      'GET /zwgk/nb/content/post_22.html': { body: art(2022) },
    },
  };
  const r = await crawlAsUser([p]);
  try {
    // Before: the print view's own report only, the seed `ok`.
    assert.deepEqual(r.found.get(p.id), [`${gov} 2022`, `${gov} 2023`, `${gov} 2024`]);
    assert.deepEqual(r.seeds[0]!.flags, ['moved'], r.seeds[0]!.last.reason ?? '');
  } finally {
    await r.portal.close();
  }
});
