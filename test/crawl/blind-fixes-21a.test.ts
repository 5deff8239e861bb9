/**
 * Round 21a's fixes (docs/blind-portals.md, "Round 21a"), each on hand-made input. Round 21a's three portals were read
 * whole before any fix; one detail was wrong: a list of one `<dl>` per item (the title in the `<dt>`, the summary and
 * the date in `<dd>`s beside it, as Discuz! portal lists and many CMS "图文" lists print them) gave every item the
 * date of the list's first item, the link's row being the container of the whole list.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseListItems } from '../../src/crawl/list-page.ts';

const dl = (href: string, title: string, date: string) =>
  `<dl class="item"><dt><a href="${href}">${title}</a></dt><dd>${title}，现予公布。</dd><dd><span>分类：年报 | ${date}</span></dd></dl>`;

test('a link in the one term of its own <dl> is dated by that <dl>, not by the first date of the whole list', () => {
  const html = `<html><body><div class="list">
${dl('a-31.html', '某县农业农村局2024年政府信息公开工作年度报告', '2025-1-21 09:30')}
${dl('a-22.html', '某县农业农村局2023年政府信息公开工作年度报告', '2024-1-26 08:45')}
${dl('a-15.html', '某县农业农村局2022年度政府信息公开年报', '2023-1-30 10:00')}
</div></body></html>`;
  const items = parseListItems(html, 'http://gov.example/portal.php?mod=list&catid=5');
  assert.deepEqual(
    items.map((i) => [i.url.replace('http://gov.example/', ''), i.date]),
    [
      ['a-31.html', '2025-01-21'],
      ['a-22.html', '2024-01-26'],
      ['a-15.html', '2023-01-30'],
    ],
  );
});

test('a <dl> of several terms: each term is its own row (its date, if any, never another term\'s)', () => {
  const html = `<html><body><div class="list"><dl>
<dt><a href="/n/1.html">某局2024年政府信息公开工作年度报告</a> 2025-01-20</dt><dd>摘要一</dd>
<dt><a href="/n/2.html">某局2023年政府信息公开工作年度报告</a></dt><dd>摘要二</dd>
</dl></div></body></html>`;
  const items = parseListItems(html, 'http://gov.example/list.html');
  assert.deepEqual(
    items.map((i) => [i.url.replace('http://gov.example', ''), i.date]),
    [
      ['/n/1.html', '2025-01-20'],
      ['/n/2.html', null],
    ],
  );
});
