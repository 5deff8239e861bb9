/**
 * Round 44's fix (docs/blind-portals.md, "Round 44"), on hand-made input: a 政府信息公开目录 table whose rows link only
 * their 索引号 (the 名称 cell plain text) gave items titled by the index number, none a report: the seed `empty`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { listItemsFrom } from '../../src/crawl/list-page.ts';

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
