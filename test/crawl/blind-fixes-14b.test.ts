/**
 * Round 14b of the blind portals, on hand-made pages: the choices a list page offers that load another list (a tab
 * bar drawn by script, each tab asking its own channel; a `<select>` of years) are made in the browser, once each.
 * With a learned endpoint, a choice asking it for other items (a report among them) becomes a list of the endpoint,
 * asked over HTTP; with none (answers the page decodes itself), what the choice drew is read. A site's menu of links,
 * a pager, a jump menu and a row of labels with none marked current are no choices.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { learnedPageRequest, otherListEndpoints } from '../../src/crawl/families/learned.ts';
import { listChoices, MARK_CHOICES, withChoices, type Choice } from '../../src/crawl/learn/list-choices.ts';
import { drawnLinks, learnListEndpoint, type Learned } from '../../src/crawl/learn/learn.ts';
import { exchangesOf } from '../../src/crawl/learn/traffic.ts';
import { renderedDocument } from '../../src/crawl/rendered-html.ts';
import { worthRendering } from '../../src/crawl/seed-review.ts';
import { SeedTallies, unmadeChoices } from '../../src/crawl/seed-tally.ts';
import { fileBrowser, servedPage } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const PAGE = 'http://gov.test/xxgk/nb/index.html';
const report = (agency: string, y: number) => `${agency}${y}年政府信息公开工作年度报告`;
const CHANNELS: Record<string, string[]> = {
  xzf: [report('某县人民政府', 2024), '某县2024年国民经济和社会发展统计公报'],
  bm: [report('某县教育局', 2024), '某县财政局2024年度预算执行情况'],
  // A tab of notices only: no list of reports to keep.
  tz: ['关于开展2025年政务公开培训的通知', '某县2025年重点民生实事'],
};
const YEARS: Record<string, string[]> = { '2025': [report('某市生态环境局', 2024)], '2024': [report('某市生态环境局', 2023)], '2023': [report('某市生态环境局', 2022)] };

// In Chromium: the page served from memory, its data requests recorded as the browser lane records them.
const browser = fileBrowser();

const served = (html: string, answer: (url: URL) => string | null): Promise<Page> => servedPage(browser()!, PAGE, html, answer);

const CHROME = `<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/hdjl/">互动交流</a></div>
<div class="labels"><span>主题</span><span>体裁</span><span>机构</span></div>
<div class="box"><div class="box-hd">政府信息公开年报</div><div class="box-bd"><p>本栏目发布年度报告。</p></div><div class="pg"><span class="total">共12条</span><span class="cur">1 / 3</span></div></div>
<select onchange="location.href=this.value"><option value="">友情链接</option><option value="http://a.test/">某市政府</option><option value="http://b.test/">某省政府</option></select>`;

const tabsPage = `<html><body>${CHROME}<ul class="tabs" id="tabs"></ul><ul id="list"></ul>
<div class="pager"><a href="javascript:;" class="cur">1</a><a href="javascript:;">2</a><a href="javascript:;">下一页</a></div>
<script>
var TABS = [{ name: '县政府', chnl: 'xzf' }, { name: '部门', chnl: 'bm' }, { name: '通知', chnl: 'tz' }];
function load(c) {
  fetch('/api/list?chnl=' + c + '&page=1').then(function (r) { return r.json(); }).then(function (res) {
    document.getElementById('list').innerHTML = res.rows.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join('');
  });
}
var tabs = document.getElementById('tabs');
tabs.innerHTML = TABS.map(function (t, i) { return '<li data-chnl="' + t.chnl + '"' + (i ? '' : ' class="on"') + '>' + t.name + '</li>'; }).join('');
tabs.onclick = function (e) { var li = e.target.closest('li'); if (li) load(li.getAttribute('data-chnl')); };
load('xzf');
</script></body></html>`;

const channelAnswer = (url: URL) => {
  const c = url.searchParams.get('chnl');
  if (url.pathname !== '/api/list' || !c || !CHANNELS[c]) return null;
  return JSON.stringify({ total: 2, rows: CHANNELS[c].map((title, i) => ({ title, url: `/xxgk/${c}/${i}.html` })) });
};

test('a tab bar drawn by script is a choice of lists: its other tabs, not the menu, the pager, a count, a box heading, a jump menu nor unmarked labels', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(tabsPage, channelAnswer);
  try {
    const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
    assert.deepEqual(
      choices.map((c) => `${c.kind} ${c.text}`),
      ['tab 部门', 'tab 通知'],
    );
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], await renderedDocument(page))!;
    assert.ok(learned);
    const chosen = await listChoices(page, PAGE, learned, []);
    // The 部门 tab's list is kept; the 通知 tab lists no report.
    assert.deepEqual(
      chosen.requests.map((r) => new URL(r.url).search),
      ['?chnl=bm&page=1'],
    );
    assert.deepEqual(chosen.drawn, []);
    const endpoint = withChoices(learned, chosen.requests).endpoint;
    assert.deepEqual(
      otherListEndpoints(endpoint).map((e) => learnedPageRequest(e, 1).url),
      ['http://gov.test/api/list?chnl=bm&page=1'],
    );
  } finally {
    await page.close();
  }
});

test('a <select> of years whose answers the page decodes itself: each other year chosen, what it drew read', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  // The answer is the list's JSON in base64 (the page decodes it): no list endpoint is learned from it.
  const page = await served(
    `<html><body>${CHROME}<label>年份：<select id="yr"></select></label><ul id="list"></ul><script>
var YEARS = [2025, 2024, 2023];
function load(y) {
  fetch('/api/nb?year=' + y).then(function (r) { return r.json(); }).then(function (res) {
    var rows = JSON.parse(decodeURIComponent(escape(atob(res.d))));
    document.getElementById('list').innerHTML = rows.map(function (x) { return '<li><a href="' + x.u + '">' + x.t + '</a></li>'; }).join('');
  });
}
var sel = document.getElementById('yr');
sel.innerHTML = YEARS.map(function (y) { return '<option value="' + y + '">' + y + '年</option>'; }).join('');
sel.onchange = function () { load(this.value); };
load(2025);
</script></body></html>`,
    (url) => {
      const rows = YEARS[url.searchParams.get('year') ?? ''];
      if (url.pathname !== '/api/nb' || !rows) return null;
      return JSON.stringify({ c: 200, d: Buffer.from(JSON.stringify(rows.map((t, i) => ({ t, u: `/nb/${url.searchParams.get('year')}/${i}.html` })))).toString('base64') });
    },
  );
  try {
    const html = await renderedDocument(page);
    assert.equal(learnListEndpoint(exchangesOf(page), PAGE, [], html), null);
    const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
    assert.deepEqual(
      choices.map((c) => `${c.kind} ${c.value}`),
      ['option 2024', 'option 2023'],
    );
    const chosen = await listChoices(page, PAGE, null, drawnLinks(html, PAGE).map((l) => l.url));
    assert.deepEqual(
      chosen.drawn.flat().map((l) => l.text),
      [report('某市生态环境局', 2023), report('某市生态环境局', 2022)],
    );
  } finally {
    await page.close();
  }
});

test('the choices kept with an endpoint are its other lists, asked from their first page, each once', () => {
  const request = { method: 'GET', url: 'http://gov.test/api/list?chnl=xzf&year=2024&page=1', body: null, contentType: null };
  const learned: Learned = {
    endpoint: { version: 1, request, page: { in: 'query', name: 'page', first: 1, step: 1 }, base: PAGE, shape: { kind: 'json', arrayPath: ['rows'], title: ['title'], url: ['url'], date: null } },
    items: [],
    answer: null,
  };
  const kept = withChoices(learned, [
    // The endpoint's own list, the same choice on two pages, and two others.
    { url: 'http://gov.test/api/list?chnl=xzf&year=2024&page=1', body: null },
    { url: 'http://gov.test/api/list?chnl=bm&year=2024&page=1', body: null },
    { url: 'http://gov.test/api/list?chnl=bm&year=2024&page=3', body: null },
    { url: 'http://gov.test/api/list?chnl=xzf&year=2023&page=1', body: null },
  ]).endpoint;
  // A year also offered as a year tab is asked once; the other channel's list in that year too (crossed-choices.test.ts).
  const withYears = { ...kept, years: { in: 'query' as const, name: 'year', others: [2023] } };
  assert.deepEqual(
    otherListEndpoints(withYears).map((e) => learnedPageRequest(e, 1).url),
    ['http://gov.test/api/list?chnl=xzf&year=2023&page=1', 'http://gov.test/api/list?chnl=bm&year=2024&page=1', 'http://gov.test/api/list?chnl=bm&year=2023&page=1'],
  );
  assert.equal(withChoices(learned, []).endpoint.choices, undefined);
});

test('choices past the limit, in a group whose choices loaded lists, make the seed short, saying so', () => {
  const t = new SeedTallies().of(1, PAGE);
  assert.equal(unmadeChoices(t), null);
  t.unmadeChoices = 18;
  assert.equal(unmadeChoices(t), "18 choices of its page loading lists (tabs, a select's options) were not made (past the browser's limit, or failing when made): their lists were not read");
});

test('groups of choices naming years or units are made first; groups past the limit are counted and said, not passed over', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  // Seven tab boxes of news asking a counter each (no list), then a <select> of years: the page's list is chosen there.
  const boxes = ['要闻,通知', '图片,视频', '专题,访谈', '问答,解读', '征集,调查', '热点,回应', '政策,文件']
    .map((labels, b) => `<ul class="tabs">${labels.split(',').map((l, i) => `<li${i ? '' : ' class="on"'} onclick="fetch('/api/hit?b=${b}&t=${i}')">${l}</li>`).join('')}</ul>`)
    .join('');
  const page = await served(
    `<html><body>${boxes}<label>年份：<select id="yr"><option value="2025">2025年</option><option value="2024">2024年</option><option value="2023">2023年</option></select></label><ul id="list"></ul><script>
function load(y) {
  fetch('/api/nb?year=' + y).then(function (r) { return r.json(); }).then(function (res) {
    var rows = JSON.parse(decodeURIComponent(escape(atob(res.d))));
    document.getElementById('list').innerHTML = rows.map(function (x) { return '<li><a href="' + x.u + '">' + x.t + '</a></li>'; }).join('');
  });
}
document.getElementById('yr').onchange = function () { load(this.value); };
load(2025);
</script></body></html>`,
    (url) => {
      if (url.pathname === '/api/hit') return '{"ok":1}';
      const rows = YEARS[url.searchParams.get('year') ?? ''];
      if (url.pathname !== '/api/nb' || !rows) return null;
      return JSON.stringify({ d: Buffer.from(JSON.stringify(rows.map((t, i) => ({ t, u: `/nb/${url.searchParams.get('year')}/${i}.html` })))).toString('base64') });
    },
  );
  try {
    const html = await renderedDocument(page);
    const chosen = await listChoices(page, PAGE, null, drawnLinks(html, PAGE).map((l) => l.url));
    assert.deepEqual(
      chosen.drawn.flat().map((l) => l.text),
      [report('某市生态环境局', 2023), report('某市生态环境局', 2022)],
    );
    // The select and five boxes tried (six groups); the last two boxes' tabs never clicked, and counted.
    assert.deepEqual([chosen.unmade, chosen.untried], [0, 2]);
    const tally = new SeedTallies().of(1, PAGE);
    tally.untriedChoices = chosen.untried;
    assert.match(unmadeChoices(tally)!, /offers 2 choices .* in more groups than the browser tries/);
  } finally {
    await page.close();
  }
});

test('the choices a rendering left unmade are kept with the learned endpoint, for later runs to say again', () => {
  const request = { method: 'GET', url: 'http://gov.test/api/list?page=1', body: null, contentType: null };
  const learned: Learned = {
    endpoint: { version: 1, request, page: { in: 'query', name: 'page', first: 1, step: 1 }, base: PAGE, shape: { kind: 'json', arrayPath: ['rows'], title: ['title'], url: ['url'], date: null } },
    items: [],
    answer: null,
  };
  assert.deepEqual(withChoices(learned, [], { unmade: 3, untried: 4, drawnOnly: 1 }).endpoint.leftChoices, { unmade: 3, untried: 4, drawnOnly: 1 });
  assert.equal(withChoices(learned, []).endpoint.leftChoices, undefined);
});

test('with an endpoint learned, a tab asking another API has what it drew read, and is kept for later runs to render', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(
    `<html><body><ul class="tabs" id="tabs"><li class="on" data-c="xzf">县政府</li><li data-c="bm">部门</li></ul><ul id="list"></ul><script>
function draw(rows) { document.getElementById('list').innerHTML = rows.map(function (x) { return '<li><a href="' + x.url + '">' + x.title + '</a></li>'; }).join(''); }
function load(c) {
  // The departments' reports come from another system, in another shape.
  if (c === 'bm') fetch('/dept/nb.json').then(function (r) { return r.json(); }).then(function (res) { draw(res.data.map(function (d) { return { url: d.link, title: d.name + d.year + '年政府信息公开工作年度报告' }; })); });
  else fetch('/api/list?chnl=' + c + '&page=1').then(function (r) { return r.json(); }).then(function (res) { draw(res.rows); });
}
document.getElementById('tabs').onclick = function (e) { var li = e.target.closest('li'); if (li) load(li.getAttribute('data-c')); };
load('xzf');
</script></body></html>`,
    (url) => {
      if (url.pathname === '/dept/nb.json') return JSON.stringify({ data: [{ name: '某县教育局', year: 2024, link: '/dept/jyj/2024.html' }, { name: '某县财政局', year: 2024, link: '/dept/czj/2024.html' }] });
      return channelAnswer(url);
    },
  );
  try {
    const html = await renderedDocument(page);
    const learned = learnListEndpoint(exchangesOf(page), PAGE, [], html)!;
    assert.ok(learned);
    const chosen = await listChoices(page, PAGE, learned, drawnLinks(html, PAGE).map((l) => l.url));
    assert.deepEqual(
      chosen.drawn.flat().map((l) => new URL(l.url).pathname),
      ['/dept/jyj/2024.html', '/dept/czj/2024.html'],
    );
    assert.equal(chosen.drawnOnly, 1);
    assert.equal(withChoices(learned, chosen.requests, chosen).endpoint.leftChoices?.drawnOnly, 1);
  } finally {
    await page.close();
  }
});

test('a seed whose learned endpoint keeps choices drawn from another API is rendered again, though the replay found reports', () => {
  const t = new SeedTallies().of(1, PAGE);
  Object.assign(t, { reportItems: 3, items: 3, family: 'learned', listPages: 1, hasScripts: true });
  assert.equal(worthRendering(t), false);
  t.choicesDrawnOnly = true;
  assert.equal(worthRendering(t), true);
});

test('a tab bar marked current by a word ending its class, or by the one tab styled apart, is a choice; a first item\'s class is no mark', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(
    `<html><body>
<ul class="a"><li class="tab">通知</li><li class="tab tab_sel">年报</li></ul>
<div class="b"><span style="background:#c00;color:#fff">县政府</span><span>部门</span><span>乡镇</span></div>
<ul class="c"><li class="item"><em>2024年</em></li><li class="item"><em class="x-hl">2023年</em></li><li class="item"><em>2022年</em></li></ul>
<ul class="d"><li class="first">主题</li><li>体裁</li><li>机构</li></ul>
<ul id="list"></ul></body></html>`,
    () => null,
  );
  try {
    const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
    assert.deepEqual(
      choices.map((c) => c.text),
      ['通知', '部门', '乡镇', '2024年', '2022年'],
    );
  } finally {
    await page.close();
  }
});
