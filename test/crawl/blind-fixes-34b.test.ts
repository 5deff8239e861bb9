/**
 * Round 34b's fix (docs/blind-portals.md, "Round 34b"), on hand-made input: a column whose whole list is one CSV file
 * the page parses (Papa Parse, `download: true, header: true`) and pages on the client. The browser recorded the
 * file's answer, but no reader took CSV for a list (JSON, XML, HTML, event streams and data scripts only), so only the
 * drawn page 1 was read (`short`: "found 5 items of the 14 the page announces"). A CSV answer is now read as rows keyed
 * by its header and its list found by shape; the HTTP lane lets `text/csv` through when the learned file is asked again.
 * 1. The file as a spreadsheet saves it (BOM, CRLF, Chinese headers, a quoted title holding a comma and quotes, links
 *    relative to the column) is a list: every row an item, addresses resolved.
 * 2. The browser's capture of the file is learned as the list endpoint, and the learned file read again over HTTP.
 * 3. Text that is no table is not taken for one (scripts, event streams, prose, ragged rows, one column).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { learnedPageRequest, parseLearnedList } from '../../src/crawl/families/learned.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { findList } from '../../src/crawl/learn/list-shape.ts';
import type { PageVisit } from '../../src/crawl/page-visit.ts';

const PAGE = 'http://gov.test/xxgk/zfxxgknb/index.html';
const FILE = 'http://gov.test/xxgk/zfxxgknb/nblist.csv?t=1737420000000';
const rows: [string, string, string][] = [
  ['某县人民政府2024年政府信息公开工作年度报告', '2025/01/21', './202501/t20250121_11.shtml'],
  ['一图读懂, 某县2024年"政府信息公开工作年度报告"', '2025/01/21', './202501/t20250121_12.shtml'],
  ['某县2024年度政府网站工作年度报表', '2025/01/14', './202501/t20250114_13.shtml'],
  ['某县2024年政务公开工作要点', '2024/04/09', './202404/t20240409_14.shtml'],
  ['某县人民政府2023年政府信息公开工作年度报告', '2024/01/26', './202401/t20240126_15.shtml'],
  ['某县2023年国民经济和社会发展统计公报', '2024/01/19', './202401/t20240119_16.shtml'],
  ['2022年度政府信息公开年报', '2023/01/30', './202301/t20230130_17.shtml'],
];
const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const CSV = `\uFEFF序号,标题,发布日期,链接\r\n${rows.map(([t, d, l], i) => [i + 1, quote(t), d, l].join(',')).join('\r\n')}\r\n\r\n`;

test('a CSV answer is a list: rows keyed by the header, titles unquoted, links resolved against the column', () => {
  const found = findList(CSV, FILE, PAGE);
  assert.ok(found, 'the CSV is read as a list');
  assert.equal(found.items.length, rows.length);
  assert.deepEqual(
    found.items.map((i) => i.title),
    rows.map(([t]) => t),
  );
  assert.equal(found.items[0]!.url, 'http://gov.test/xxgk/zfxxgknb/202501/t20250121_11.shtml');
  assert.equal(found.items[6]!.url, 'http://gov.test/xxgk/zfxxgknb/202301/t20230130_17.shtml');
  // A tab-separated file is a table too.
  const tsv = `标题\t日期\t地址\n${rows.map(([t, d, l]) => [t, d, l].join('\t')).join('\n')}\n`;
  assert.equal(findList(tsv, FILE, PAGE)?.items.length, rows.length);
});

// The module is new with the fix: imported where used, so that the other tests fail on the old code by their assertions.
const csvModule = () => import('../../src/crawl/learn/csv-answer.ts');

test("the browser's capture of the file is learned, and the learned file read again over HTTP", async () => {
  const x: Exchange = { method: 'GET', url: FILE, body: null, contentType: null, status: 200, responseType: 'text/csv', responseBody: CSV };
  const learned = learnListEndpoint([x], PAGE);
  assert.ok(learned, 'the CSV answer is the list endpoint');
  assert.equal(learned.items.length, rows.length);
  assert.equal(learned.endpoint.page, null, 'one file holds every row: no page to turn');
  const visit: PageVisit = { url: FILE, loadedUrl: FILE, status: 200, body: CSV, contentType: 'text/csv', rendered: false };
  const read = parseLearnedList(visit, learnedPageRequest(learned.endpoint, 1).cursor);
  assert.equal(read.items.length, rows.length);
  assert.deepEqual(read.next, []);
  // The HTTP lane takes the file's Content-Type.
  const { CSV_MIME_TYPES } = await csvModule();
  for (const type of ['text/csv', 'application/csv', 'text/tab-separated-values']) assert.ok(CSV_MIME_TYPES.includes(type), type);
});

test('text that is no table is not read as one', async () => {
  const { csvAnswerAsJson } = await csvModule();
  for (const text of [
    'var nbList = [{t: "a", u: "/a.html"}, {t: "b", u: "/b.html"}];',
    'event: meta\ndata: {"total":2}\n\ndata: {"title":"a","url":"/a.html"}\n\n',
    '本栏目暂无信息，请稍后再试，谢谢。',
    '标题,链接\n某县2024年政府信息公开工作年度报告,./a.html,多余\n某县2023年政府信息公开工作年度报告,./b.html\n',
    '标题\n某县2024年政府信息公开工作年度报告\n',
    '标题,链接\n',
    '<ul><li>a,b</li></ul>',
    '{"a":1,"b":2}',
  ]) {
    assert.equal(csvAnswerAsJson(text), null, text);
  }
});
