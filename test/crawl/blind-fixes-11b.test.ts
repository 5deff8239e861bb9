/**
 * The discovery fixes the eleventh round (b) of blind portals called for (docs/blind-portals.md), each on hand-made
 * input: a DataTables answer (rows as arrays with no header, the link a cell of markup reading 查看) read as a list and
 * paged by its offset, not its `draw` counter; a list published as a script file that only declares data
 * (`var nbList = [{…}]`), recorded from the page's traffic and read with the link template the page drew for a part
 * of its items; a link template that writes the item's year as a folder (`/art/{year}/{id}.html`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { findJsonList, findList, readList, type DrawnLink, type Json } from '../../src/crawl/learn/list-shape.ts';
import { learnPageParam } from '../../src/crawl/learn/page-param.ts';
import { isDataScript, scriptData } from '../../src/crawl/learn/script-data.ts';
import { exchangesOf, recordExchange } from '../../src/crawl/learn/traffic.ts';

const REPORT = (y: number) => `某县人民政府${y}年政府信息公开工作年度报告`;
const PAGE = 'http://gov.test/xxgk/nb/index.html';

test('a DataTables answer (rows as arrays, no header, the link a cell of markup reading 查看) is a list: titles from their cell, links from the markup', () => {
  const answer = JSON.stringify({
    draw: 1,
    recordsTotal: 12,
    recordsFiltered: 12,
    data: [
      ['1', REPORT(2024), '2025-01-21', "<a href='/art/2025/1/21/art_1229_58712.html' target='_blank' class='btn'>查看</a>"],
      ['2', '某县2024年生态环境状况公报', '2025-01-10', '<a href="../art/2025/1/10/art_1229_58705.html?a=1&amp;b=2">查看</a>'],
      ['3', REPORT(2023), '2024-01-26', "<a href='/art/2024/1/26/art_1229_56012.html'>查看</a>"],
    ],
  });
  const found = findList(answer, 'http://gov.test/dt/list.do?draw=1&start=0&length=5', PAGE);
  assert.deepEqual(
    found?.items.map((i) => [i.title, i.url, i.date]),
    [
      [REPORT(2024), 'http://gov.test/art/2025/1/21/art_1229_58712.html', '2025-01-21'],
      ['某县2024年生态环境状况公报', 'http://gov.test/xxgk/art/2025/1/10/art_1229_58705.html?a=1&b=2', '2025-01-10'],
      [REPORT(2023), 'http://gov.test/art/2024/1/26/art_1229_56012.html', '2024-01-26'],
    ],
  );
  // A later page (one row) read with the learned shape.
  const later = JSON.stringify({ draw: 3, recordsTotal: 12, recordsFiltered: 12, data: [['11', REPORT(2021), '2022-01-24', "<a href='/art/2022/1/24/art_1229_51883.html'>查看</a>"]] });
  assert.deepEqual(readList(later, 'http://gov.test/dt/list.do', PAGE, found!.shape).map((i) => i.url), ['http://gov.test/art/2022/1/24/art_1229_51883.html']);
  // The title may be the link's own text, in a cell of markup and nothing else.
  const linked = JSON.stringify({ data: [['1', `<a href="/a/1.html">${REPORT(2024)}</a>`], ['2', `<a href="/a/2.html">${REPORT(2023)}</a>`]] });
  assert.deepEqual(findList(linked, 'http://gov.test/dt', PAGE)?.items.map((i) => i.url), ['http://gov.test/a/1.html', 'http://gov.test/a/2.html']);
  // Numbers in rows (a chart's series) are no list.
  assert.equal(findList(JSON.stringify({ data: [[2024, 5], [2023, 3]] }), 'http://gov.test/stat', PAGE), null);
});

test('DataTables paging: the offset growing by the page size (start by length) is the page parameter, not the draw counter', () => {
  const req = (draw: number, start: number, stamp: number) => ({
    method: 'GET',
    url: `http://gov.test/dt/list.do?draw=${draw}&columns%5B0%5D%5Bdata%5D=0&start=${start}&length=5&search%5Bvalue%5D=&_=${stamp}`,
    body: null,
    contentType: null,
  });
  assert.deepEqual(learnPageParam(req(1, 0, 1764620000000), req(2, 5, 1764620000400), 5), { in: 'query', name: 'start', first: 0, step: 5 });
  // A counter named like a page still wins over an offset.
  const paged = (page: number, n: number) => ({ method: 'GET', url: `http://gov.test/list?page=${page}&seq=${n}`, body: null, contentType: null });
  assert.equal(learnPageParam(paged(1, 1), paged(2, 2), 10)?.name, 'page');
});

const DATA_JS = `/* 政府信息公开年报 数据文件 自动生成 */
var nbTotal = 6;
var nbList = [
  { id: 'b7f21', t: '${REPORT(2024)}', d: '2025-01-20' },
  { id: 'b7e90', t: '某县2024年国民经济和社会发展统计公报', d: '2025-03-28' },
  { id: 'b6c02', t: '${REPORT(2023)}', d: '2024-01-25' },
  { id: 'b5c19', t: '${REPORT(2022)}', d: '2023-01-17' },
  { id: 'b5a08', t: '某县2022年度法治政府建设工作报告（草案）', d: '2023-01-09' },
  { id: 'b4e61', t: '${REPORT(2021)}', d: '2022-01-26' }, // 最早
];
window.NB_PER = 2;
`;

test('a script file that only declares data (var nbList = [{…}], unquoted keys, comments, a trailing comma) is read as its values', () => {
  assert.equal(isDataScript(DATA_JS), true);
  const data = scriptData(DATA_JS) as { nbTotal: number; nbList: { id: string }[]; NB_PER: number };
  assert.equal(data.nbTotal, 6);
  assert.equal(data.NB_PER, 2);
  assert.deepEqual(data.nbList.map((o) => o.id), ['b7f21', 'b7e90', 'b6c02', 'b5c19', 'b5a08', 'b4e61']);
  // Scripts that run something are not data (nothing of them is run).
  for (const code of ['(function(){ window.x = [1]; })();', 'var list = load([{a: 1}]);', 'var f = function () { return [{}]; };', "jQuery(function(){ $('#a').show(); });", 'var a = new Array({t: 1});']) {
    assert.equal(isDataScript(code), false, code);
    assert.equal(scriptData(code), null, code);
  }
});

test('a data script in the page\'s traffic is a list answer, its links built by the template the page drew for a part of its items', () => {
  const page = {} as Page;
  const res = (body: string) => ({ status: 200, headers: { 'content-type': 'application/javascript; charset=utf-8' }, body: Buffer.from(body) });
  const script = (url: string) => ({ resourceType: 'script', method: 'GET', url, body: null, contentType: null });
  recordExchange(page, script('http://gov.test/skin/js/common.js'), res("(function(){ var nav = document.getElementById('nav'); })();"));
  recordExchange(page, script('http://gov.test/xxgk/nb/data.js'), res(DATA_JS));
  const recorded: Exchange[] = exchangesOf(page);
  assert.deepEqual(recorded.map((x) => x.url), ['http://gov.test/xxgk/nb/data.js']);
  // The page drew two items of six (paged in the page), each link built from its id.
  const drawn = `<ul><li><a href="./nb_b7f21.html">${REPORT(2024)}</a></li><li><a href="./nb_b7e90.html">某县2024年国民经济和社会发展统计公报</a></li></ul>`;
  const learned = learnListEndpoint(recorded, PAGE, [], `<html><body>${drawn}</body></html>`);
  assert.equal(learned?.endpoint.request.url, 'http://gov.test/xxgk/nb/data.js');
  assert.deepEqual(
    learned?.items.map((i) => i.url),
    ['b7f21', 'b7e90', 'b6c02', 'b5c19', 'b5a08', 'b4e61'].map((id) => `http://gov.test/xxgk/nb/nb_${id}.html`),
  );
  // A data script listing no report (the site's menu) teaches nothing.
  const menu = "var navData = [{ name: '政府信息公开指南', url: '/xxgk/zn/index.html' }, { name: '政府信息公开制度', url: '/xxgk/zd/index.html' }];";
  assert.equal(learnListEndpoint([{ ...recorded[0]!, url: 'http://gov.test/js/nav.js', responseBody: menu }], PAGE, [], '<html><body></body></html>'), null);
  // The replay over HTTP reads the file with the learned shape.
  assert.equal(readList(DATA_JS, 'http://gov.test/xxgk/nb/data.js', PAGE, learned!.endpoint.shape).length, 6);
});

test('a link template writing the item\'s year as a folder (/art/{year}/{id}.html) fills each item\'s own year; a year every link shares stays', () => {
  const rows = (dates: string[]): Json => ({ total: dates.length, rows: dates.map((d, i) => ({ DOCID: `9${i}07${i}`, DOCTITLE: i % 2 ? `某县${d.slice(0, 4)}年部门预算` : REPORT(2020 + i), PUBDATE: d })) });
  const dates = ['2025-01-18', '2025-01-02', '2024-12-10', '2024-01-26', '2023-01-30', '2022-01-27'];
  const answer = rows(dates) as { rows: { DOCID: string; DOCTITLE: string; PUBDATE: string }[] };
  // Four rows clicked (no anchors), the other two never drawn.
  const clicked: DrawnLink[] = answer.rows.slice(0, 4).map((r) => ({ text: r.DOCTITLE, url: `http://gov.test/gtzy/art/${r.PUBDATE.slice(0, 4)}/${r.DOCID}.html` }));
  const found = findJsonList(answer, PAGE, clicked);
  assert.deepEqual(
    found?.items.map((i) => i.url),
    answer.rows.map((r) => `http://gov.test/gtzy/art/${r.PUBDATE.slice(0, 4)}/${r.DOCID}.html`),
  );
  // Every clicked link in a folder "2024" that the items' dates do not all give: a column's name, kept as it is.
  const shared = answer.rows.slice(0, 4).map((r) => ({ text: r.DOCTITLE, url: `http://gov.test/c2024/${r.DOCID}.html` }));
  assert.deepEqual(findJsonList(answer, PAGE, shared)?.items.map((i) => i.url), answer.rows.map((r) => `http://gov.test/c2024/${r.DOCID}.html`));
});
