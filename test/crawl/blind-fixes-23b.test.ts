/**
 * Round 23b of the blind portals, on hand-made answers: the round's three portals were found in full, and what was
 * fixed are faults of the same family that the measurement did not reach.
 * - ASP.NET's JSON serialisers (JavaScriptSerializer behind `[WebMethod]`/`[ScriptMethod]` page methods and ASMX
 *   script services, WCF's DataContractJsonSerializer, Json.NET with `MicrosoftDateFormat`) write a date as
 *   `"\/Date(1737507600000)\/"`, or `"\/Date(1737507600000+0800)\/"`: once the JSON is parsed, the string
 *   `/Date(ms)/`. An item's date read that way is its publication date; and a link the page's script builds from the
 *   date (`'/zwgk/' + y + '/' + m + '/' + r.ID + '.html'`) is learned as a template with a date slot.
 * - A 年报 column's reports come out in January: a first page of them drawn under `/2025/01/` shares that folder, and
 *   the link template must keep it as the items' date (a month or a day slot wins a tie with the fixed folder); a
 *   year shared by every drawn item may be the column's, and stays fixed as before.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findJsonList, jsonAnswerOrNull } from '../../src/crawl/learn/list-shape.ts';

const API = 'http://gov.test/zwgk/List.aspx/GetInfoList';
const PAGE = 'http://gov.test/zwgk/List.aspx?cid=37';

/** Milliseconds of 09:00 in China on a day. */
const at9 = (day: string) => Date.parse(`${day}T09:00:00+08:00`);

const rows = [
  { ID: 31877, Title: '某县人民政府2024年政府信息公开工作年度报告', day: '2025-01-22' },
  { ID: 31790, Title: '某县2024年度政府网站工作年度报表', day: '2025-01-16' },
  { ID: 29933, Title: '某县人民政府2023年政府信息公开工作年度报告', day: '2024-01-26' },
  { ID: 27650, Title: '某县人民政府2022年政府信息公开工作年度报告', day: '2023-01-29' },
];

/** A page method's answer: `{"d": …}` holding the list serialised again, dates as `\/Date(ms)\/` (with an offset or not). */
function pageMethodAnswer(withUrl: boolean): string {
  const inner = JSON.stringify({
    Total: rows.length,
    PageCount: 1,
    Rows: rows.map((r, i) => ({ ID: r.ID, Title: r.Title, PubDate: `/Date(${at9(r.day)}${i % 2 ? '+0800' : ''})/`, ...(withUrl ? { Url: `Show.aspx?ID=${r.ID}` } : {}) })),
  }).replaceAll('/Date(', '\\/Date(').replaceAll(')/', ')\\/');
  return JSON.stringify({ d: inner });
}

test('an ASP.NET "\\/Date(ms)\\/" date is an item\'s publication date', () => {
  const json = jsonAnswerOrNull(pageMethodAnswer(true), API);
  assert.ok(json !== null);
  const found = findJsonList(json, PAGE);
  assert.ok(found, 'the list is read');
  assert.deepEqual(
    found.items.map((i) => [i.url, i.date]),
    rows.map((r) => [`http://gov.test/zwgk/Show.aspx?ID=${r.ID}`, r.day]),
  );
});

test('a link the script builds from an ASP.NET date and the id is learned with the date as a slot', () => {
  const json = jsonAnswerOrNull(pageMethodAnswer(false), API);
  assert.ok(json !== null);
  // The page drew the first three rows (`'/zwgk/' + yyyy + '/' + mm + '/' + r.ID + '.html'`); the fourth is built.
  const link = (r: (typeof rows)[number]) => `http://gov.test/zwgk/${r.day.slice(0, 4)}/${r.day.slice(5, 7)}/${r.ID}.html`;
  const drawn = rows.slice(0, 3).map((r) => ({ text: r.Title, url: link(r) }));
  const found = findJsonList(json, PAGE, drawn);
  assert.ok(found, 'the list is read');
  assert.deepEqual(
    found.items.map((i) => [i.url, i.date]),
    rows.map((r) => [link(r), r.day]),
  );
});

test('a string that only looks like the ASP.NET date (no digits, a text around it) is no date', () => {
  const inner = JSON.stringify({
    Rows: rows.map((r) => ({ ID: r.ID, Title: r.Title, Note: 'see /Date()/ or 发布于 /Date(abc)/', Url: `Show.aspx?ID=${r.ID}` })),
  });
  const json = jsonAnswerOrNull(JSON.stringify({ d: inner }), API);
  assert.ok(json !== null);
  const found = findJsonList(json, PAGE);
  assert.ok(found);
  assert.ok(found.items.every((i) => i.date === null));
});

/** An answer's rows with written dates, and the links the page drew for the first `drawn` of them. */
function datedRows(days: string[], link: (id: number, day: string) => string, drawn: number) {
  const rows = days.map((day, i) => ({ ID: 31877 - i * 97, Title: `某县人民政府${2024 - i}年政府信息公开工作年度报告`, PubDate: day }));
  return { json: { Rows: rows }, links: rows.slice(0, drawn).map((r) => ({ text: r.Title, url: link(r.ID, r.PubDate) })), rows };
}

test('a month folder every drawn item shares is the items\' date, not a fixed part of the link', () => {
  // A page of January items (a column's reports all come out in January): `/zwgk/2025/01/<ID>.html` for each.
  const link = (id: number, day: string) => `http://gov.test/zwgk/${day.slice(0, 4)}/${day.slice(5, 7)}/${id}.html`;
  const { json, links, rows } = datedRows(['2025-01-22', '2025-01-16', '2025-01-06', '2024-01-26'], link, 3);
  const found = findJsonList(json, PAGE, links);
  assert.ok(found, 'the list is read');
  assert.deepEqual(
    found.items.map((i) => i.url),
    rows.map((r) => link(r.ID, r.PubDate)),
  );
});

test('a year folder every drawn item shares stays a part of the link (it may be the column\'s year)', () => {
  const { json, links } = datedRows(['2025-01-22', '2025-01-16', '2025-01-06', '2024-01-26'], (id) => `http://gov.test/zwgk/2025/${id}.html`, 3);
  const found = findJsonList(json, PAGE, links);
  assert.ok(found, 'the list is read');
  assert.deepEqual(
    found.items.map((i) => i.url),
    [31877, 31780, 31683, 31586].map((id) => `http://gov.test/zwgk/2025/${id}.html`),
  );
});
