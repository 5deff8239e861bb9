/**
 * Lists shown only by two choices made together: a tab bar of channels beside a select of years (or the year tabs an
 * endpoint learned) each set fields of the list's request; the second channel's list for an earlier year is asked
 * with both set. Before, each choice was made once on the page as it loaded, and such a list was missed silently.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { otherListEndpoints } from '../../src/crawl/families/learned.ts';
import { crossedChoices } from '../../src/crawl/learn/crossed-choices.ts';
import { learnListEndpoint, type LearnedEndpoint } from '../../src/crawl/learn/learn.ts';
import { listChoices } from '../../src/crawl/learn/list-choices.ts';
import type { CapturedRequest } from '../../src/crawl/learn/page-param.ts';
import { exchangesOf } from '../../src/crawl/learn/traffic.ts';
import { renderedDocument } from '../../src/crawl/rendered-html.ts';
import { fileBrowser, servedPage } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const get = (url: string): CapturedRequest => ({ method: 'GET', url, body: null, contentType: null });
const page = { in: 'query' as const, name: 'page', first: 1, step: 1 };

test('choices of two groups setting different fields are crossed; one field, another path and cache-busters are not', () => {
  const base = get('http://x/api/list?channel=1&year=2024&page=1&_=1733100000000');
  const made = [
    { group: 1, request: { url: 'http://x/api/list?channel=2&year=2024&page=1&_=1733100000111', body: null } },
    { group: 1, request: { url: 'http://x/api/list?channel=3&year=2024&page=1&_=1733100000222', body: null } },
    { group: 2, request: { url: 'http://x/api/list?channel=1&year=2023&page=1&_=1733100000333', body: null } },
    { group: 2, request: { url: 'http://x/api/list?channel=1&year=2022&page=1&_=1733100000444', body: null } },
    // A group setting the channel too (a second channel menu) crosses neither; a list of another path is not crossed.
    { group: 3, request: { url: 'http://x/api/list?channel=9&year=2024&page=1&_=1733100000555', body: null } },
    { group: 4, request: { url: 'http://x/api/other?kind=2&page=1', body: null } },
  ];
  const crossed = crossedChoices(base, page, made).requests.map((r) => {
    const u = new URL(r.url);
    return `${u.searchParams.get('channel')}/${u.searchParams.get('year')}/${u.searchParams.get('page')}`;
  });
  assert.deepEqual(crossed, ['2/2023/1', '2/2022/1', '3/2023/1', '3/2022/1', '9/2023/1', '9/2022/1']);
  // In a JSON body, the same.
  const post = (o: object): CapturedRequest => ({ method: 'POST', url: 'http://x/api/q', body: JSON.stringify(o), contentType: 'application/json' });
  const jsonBase = post({ pageNo: 1, columnId: '11', year: '' });
  const json = crossedChoices(jsonBase, { in: 'json', name: 'pageNo', first: 1, step: 1 }, [
    { group: 1, request: { url: 'http://x/api/q', body: JSON.stringify({ pageNo: 1, columnId: '12', year: '' }) } },
    { group: 2, request: { url: 'http://x/api/q', body: JSON.stringify({ pageNo: 1, columnId: '11', year: '2023' }) } },
  ]);
  assert.deepEqual(json.requests.map((r) => JSON.parse(r.body!)), [{ pageNo: 1, columnId: '12', year: '2023' }]);
  assert.deepEqual(crossedChoices(base, page, made.slice(0, 2)), { requests: [], left: 0 }, 'one group alone crosses nothing');
  // Past 24 crossed lists, the others are counted (the seed is short, saying so), not asked.
  const many = Array.from({ length: 6 }, (_, i) => [
    { group: 1, request: { url: `http://x/api/list?channel=${i + 2}&year=2024&page=1`, body: null } },
    { group: 2, request: { url: `http://x/api/list?channel=1&year=${2018 + i}&page=1`, body: null } },
  ]).flat();
  const capped = crossedChoices(base, page, many);
  assert.deepEqual([capped.requests.length, capped.left], [24, 12]);
});

test("a learned endpoint's choices are asked in its other years too, each list once", () => {
  const endpoint = {
    version: 1,
    request: get('http://x/api/list?channel=1&year=2024&page=1'),
    page,
    years: { in: 'query', name: 'year', others: [2023, 2022] },
    choices: [{ url: 'http://x/api/list?channel=2&year=2024&page=1', body: null }, { url: 'http://x/api/list?channel=1&year=2023&page=1', body: null }],
    base: 'http://x/nb/',
    shape: { kind: 'json', listPath: ['rows'], title: ['title'], url: ['url'] },
  } as unknown as LearnedEndpoint;
  const lists = otherListEndpoints(endpoint).map((e) => new URL(e.request.url).search);
  assert.deepEqual(lists, ['?channel=1&year=2023&page=1', '?channel=1&year=2022&page=1', '?channel=2&year=2024&page=1', '?channel=2&year=2023&page=1', '?channel=2&year=2022&page=1']);
});

const PAGE_URL = 'http://gov.test/xxgk/nb/index.html';
const report = (agency: string, y: number) => `${agency}${y}年政府信息公开工作年度报告`;
/** Channel × year: the 部门 channel's 2023 list holds a report no single choice shows. */
const LISTS: Record<string, string[]> = {
  '1/2024': [report('某市人民政府', 2024), '某市2024年政务公开工作要点'],
  '1/2023': [report('某市人民政府', 2023)],
  '2/2024': ['某市部门预算公开说明'],
  '2/2023': [report('某市教育局', 2023)],
};
const answer = (url: URL) => {
  if (url.pathname !== '/api/nb/list') return null;
  const rows = LISTS[`${url.searchParams.get('channel')}/${url.searchParams.get('year')}`] ?? [];
  return JSON.stringify({ total: rows.length, rows: rows.map((title, i) => ({ title, url: `/xxgk/${url.searchParams.get('channel')}/${url.searchParams.get('year')}/${i}.html` })) });
};
// Tabs of two panes, each pane with a year select of its own (the second pane's hidden until its tab is chosen).
const choicePage = `<html><body><ul class="tabs"><li class="on" data-c="1">市政府年报</li><li data-c="2">部门年报</li></ul>
<div class="pane" id="p1">年度：<select class="year"><option value="2024">2024年</option><option value="2023">2023年</option></select><ul class="list"></ul></div>
<div class="pane" id="p2" style="display:none">年度：<select class="year"><option value="2024">2024年</option><option value="2023">2023年</option></select><ul class="list"></ul></div>
<script>
function load(c) {
  var pane = document.getElementById('p' + c);
  fetch('/api/nb/list?channel=' + c + '&year=' + pane.querySelector('.year').value + '&page=1').then(function (r) { return r.json(); }).then(function (res) {
    pane.querySelector('.list').innerHTML = res.rows.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
  });
}
document.querySelector('.tabs').addEventListener('click', function (e) {
  var li = e.target.closest('li'); if (!li) return;
  var c = li.getAttribute('data-c');
  document.querySelectorAll('.tabs li').forEach(function (x) { x.className = x === li ? 'on' : ''; });
  document.querySelectorAll('.pane').forEach(function (p) { p.style.display = p.id === 'p' + c ? '' : 'none'; });
  load(c);
});
document.querySelectorAll('.year').forEach(function (s, i) { s.addEventListener('change', function () { load(String(i + 1)); }); });
load('1');
</script></body></html>`;

const browser = fileBrowser();

test('tabs whose panes each hold a year select: the other tab\'s list in the other year is asked too', { timeout: 90_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const p: Page = await servedPage(browser()!, PAGE_URL, choicePage, answer);
  try {
    const learned = learnListEndpoint(exchangesOf(p), PAGE_URL, [], await renderedDocument(p));
    assert.ok(learned);
    const chosen = await listChoices(p, PAGE_URL, learned, []);
    const lists = chosen.requests.map((r) => `${new URL(r.url).searchParams.get('channel')}/${new URL(r.url).searchParams.get('year')}`);
    assert.ok(lists.includes('2/2023'), `the 部门 channel's 2023 list is asked (${lists.join(' ')})`);
    assert.ok(lists.includes('1/2023'), 'the year chosen');
  } finally {
    await p.close();
  }
});
