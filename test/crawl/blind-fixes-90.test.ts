/**
 * Rounds 90-91's changes (docs/blind-portals.md, rounds 90-91): an article collecting many units' reports is read as
 * an index, its 点击查看 rows titled by their unit and the page's year; a unit select on 全部 is crossed with the year
 * select last, what the limit leaves not counted unread; a 全部 bar's year tabs are made when its pager stops short of its count; an old ASP CMS's 防刷新 notice
 * is a rate limit; a top bar's 微信 picture is no report's file; a document the browser reached through redirects is
 * read at the address that answered. And two left open before: round 88b's false `short` (an array inside each item of
 * a linked list, a record's metadata, is no list of unlinked items) and round 80c's sub-column whose later pages its
 * script asks by XHR from `javascript:` pager links (turned in the browser).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAttachments } from '../../src/crawl/attachments.ts';
import { agencyFromTitle } from '../../src/crawl/classify/agency.ts';
import { cappedPager } from '../../src/crawl/families/announced.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { crossedChoices } from '../../src/crawl/learn/crossed-choices.ts';
import { answeredTitles } from '../../src/crawl/learn/drawn-pages.ts';
import { choicesToMake, type Choice } from '../../src/crawl/learn/list-choices.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { saysTooFrequent } from '../../src/download/soft-rate-limit.ts';
import type { Exchange } from '../../src/crawl/learn/learn.ts';
import { unlinkedTitles } from '../../src/crawl/learn/list-shape.ts';
import type { BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, esc, page, reportText, trapText, type BlindRoute } from '../fixtures/portal/sites/blind/kit.ts';
import { requireTools } from '../helpers/tools.ts';
import { assertPortal, crawlAsUser } from './blind-crawl.ts';

const REPORT = (y: number) => `某县教育局${y}年政府信息公开工作年度报告`;

test('the metadata arrays inside a linked list\'s items are not a list of unlinked items (no false short)', () => {
  const item = (i: number, publisher: string) => ({
    id: String(i),
    title: REPORT(2020 + i),
    url: `/xx/c1/c05_${i}.shtml`,
    publishedTimeStr: '2024-01-26 09:18:55',
    domainMetaList: [{ resultList: [{ key: 'fbjg', name: '发布机构', value: publisher }] }],
  });
  const body = { code: 200, data: { total: 6, page: 1, pageSize: 10, results: [item(1, '某县人民政府办公室'), item(2, '某县教育局'), item(3, '某县统计局')] } };
  const url = 'http://gov.test/common/search/7b4e2a9d?_isAgg=false&_isJson=true&page=1';
  assert.deepEqual(unlinkedTitles(JSON.stringify(body), url), []);
  const x: Exchange = { method: 'GET', url, body: null, contentType: '', status: 200, responseType: 'application/json', responseBody: JSON.stringify(body) };
  assert.equal(answeredTitles([x]), null);
  // The same metadata beside a list of unlinked items (ids only) leaves that list's titles counted, and only them.
  const unlinked = { total: 6, rows: [1, 2].map((i) => ({ id: String(i), title: REPORT(2020 + i), meta: [{ name: '发布机构', value: '某县教育局' }] })) };
  assert.deepEqual(unlinkedTitles(JSON.stringify(unlinked), url), [REPORT(2021), REPORT(2022)]);
});

interface Doc {
  id: number;
  title: string;
  agency: string;
  year?: number;
}

const PER = 5;

/**
 * A 年报 landing page linking its sub-columns (县政府部门, 乡镇), each listing its first page in the HTML under a pager
 * "共N条 M页" whose links are `javascript:` calls: the next pages' rows come by XHR, as an HTML fragment (`rows`) or as
 * JSON drawn by the page's script (`json`). Read over HTTP, page 1 lists reports and no control leads on.
 */
function xhrPagerPortal(answer: 'rows' | 'json'): BlindPortal {
  const county = answer === 'rows' ? '康保县' : '张北县';
  const site = `${county}人民政府`;
  const units = answer === 'rows' ? ['教育局', '财政局', '民政局', '司法局', '商务局', '应急管理局', '林业局'] : ['卫生健康局', '交通运输局', '水利局', '审计局', '统计局', '文化和旅游局', '医疗保障局'];
  const sub = (key: string, names: string[]): Doc[] =>
    names.flatMap((n, i) => [
      { id: 900 - i * 2, title: `${county}${n}2024年政府信息公开工作年度报告`, agency: `${county}${n}`, year: 2024 },
      { id: 899 - i * 2, title: `${county}${n}2024年部门预算公开说明` , agency: `${county}${n}` },
    ]).map((d) => ({ ...d, id: d.id + (key === 'xz' ? 1000 : 0) }));
  const cols: Record<string, { name: string; docs: Doc[] }> = {
    bm: { name: '县政府部门', docs: sub('bm', units) },
    xz: { name: '乡镇', docs: sub('xz', ['城关镇', '河口镇']).map((d) => ({ ...d, title: d.title.replace(`${county}城关镇`, '城关镇'), agency: d.agency.replace('镇', '镇人民政府') })) },
  };
  const art = (key: string, d: Doc) => `/zwgk/ndbg/${key}/202501/t20250120_${d.id}.html`;
  const li = (key: string, d: Doc) => `<li><a href="${art(key, d)}" target="_blank" title="${esc(d.title)}">${esc(d.title)}</a><span class="date">2025-01-20</span></li>`;
  const pagerOf = (total: number, n: number) => {
    const pages = Math.ceil(total / PER);
    const links = Array.from({ length: pages }, (_, i) => (i + 1 === n ? `<b>${n}</b>` : `<a href="javascript:void(0);" onclick="goPage(${i + 1})">${i + 1}</a>`)).join(' ');
    return `<div class="pages">共${total}条 ${pages}页 ${links}${n < pages ? ` <a href="javascript:void(0);" onclick="goPage(${n + 1})">下一页</a>` : ''}</div>`;
  };
  const routes: Record<string, BlindRoute> = {
    'GET /zwgk/ndbg/index.html': {
      body: page(site, '政府信息公开年报', `<div class="sub-cols">${Object.entries(cols).map(([k, c]) => `<a href="/zwgk/ndbg/${k}/index.html">${c.name}</a>`).join('')}</div>`),
    },
  };
  for (const [key, c] of Object.entries(cols)) {
    const script =
      answer === 'rows'
        ? `function goPage(n){var x=new XMLHttpRequest();x.open('GET','/zwgk/ndbg/${key}/rows.jsp?pageNo='+n,true);x.onload=function(){document.getElementById('list').innerHTML=x.responseText;};x.send();}`
        : `function goPage(n){fetch('/api/ndbg/list?col=${key}&pageNo='+n+'&pageSize=${PER}').then(function(r){return r.json();}).then(function(d){var h='';d.data.list.forEach(function(o){h+='<li><a href="'+o.link+'" target="_blank">'+o.title+'</a><span class="date">'+o.date+'</span></li>';});document.querySelector('#list ul').innerHTML=h;document.querySelector('#list .pages').outerHTML=d.data.pager;});}`;
    routes[`GET /zwgk/ndbg/${key}/index.html`] = {
      body: page(site, c.name, `<div id="list"><ul class="list">${c.docs.slice(0, PER).map((d) => li(key, d)).join('')}</ul>${pagerOf(c.docs.length, 1)}</div><script>${script}</script>`),
    };
    const pageOf = (n: number) => c.docs.slice((n - 1) * PER, n * PER);
    if (answer === 'rows') routes[`GET /zwgk/ndbg/${key}/rows.jsp`] = (req) => {
      const n = Number(req.url.searchParams.get('pageNo') ?? '1');
      return { body: `<ul class="list">${pageOf(n).map((d) => li(key, d)).join('')}</ul>${pagerOf(c.docs.length, n)}` };
    };
    for (const d of c.docs) {
      routes[`GET ${art(key, d)}`] = { body: detail(d.agency, { title: d.title, publisher: d.agency, date: '2025-01-20', body: d.year ? reportText(d.agency, `${d.year}年度`) : trapText(d.title) }) };
    }
  }
  if (answer === 'json') {
    routes['GET /api/ndbg/list'] = (req) => {
      const key = req.url.searchParams.get('col') ?? '';
      const c = cols[key];
      if (!c) return { status: 404, body: '{}', type: 'application/json' };
      const n = Number(req.url.searchParams.get('pageNo') ?? '1');
      const list = c.docs.slice((n - 1) * PER, n * PER).map((d) => ({ title: d.title, link: art(key, d), date: '2025-01-20' }));
      return { type: 'application/json', body: JSON.stringify({ code: 0, data: { total: c.docs.length, list, pager: pagerOf(c.docs.length, n) } }) };
    };
  }
  const expected = Object.values(cols).flatMap((c) => c.docs.flatMap((d) => (d.year ? [{ agency: d.agency, year: d.year }] : [])));
  return {
    id: `xhr-pager-${answer}`,
    pattern: 'sub-columns listing page 1 in the HTML, their later pages asked by XHR from javascript: pager links',
    agency: { name: site, division: answer === 'rows' ? '130723' : '130722', level: 'county', province: '河北省', city: '张家口市', county },
    seedPath: '/zwgk/ndbg/index.html',
    expected,
    routes,
  };
}

for (const answer of ['rows', 'json'] as const) {
  test(`a sub-column's pager whose later pages its script asks (${answer}): turned in the browser, every page read, the seed ok`, { timeout: 240_000 }, async (t) => {
    if (!requireTools(t, 'chromium')) return;
    await crawledWhole(xhrPagerPortal(answer));
  });
}

/** The portal crawled as a user would: exit 0, every expected report and nothing else, its seed healthy. */
async function crawledWhole(p: BlindPortal): Promise<void> {
  const r = await crawlAsUser([p]);
  try {
    assert.equal(r.crawl.code, 0, r.crawl.out + r.crawl.err);
    assertPortal(r, p);
  } finally {
    await r.portal.close();
  }
}

test('an article collecting many units\' reports names no agency; its 点击查看 rows are titled by their unit and the page\'s year', () => {
  const title = '2024年某区各部门、各街道（镇）政府信息公开工作年度报告';
  // Many agencies at once name no one agency: never catalogued as "某区各部门、各街道镇".
  assert.equal(agencyFromTitle(title), null);
  assert.equal(agencyFromTitle('2023年上海市各区、各部门政府信息公开工作年度报告'), null);
  // One agency's report, a street office's, still name it.
  assert.equal(agencyFromTitle('某区人民政府2024年政府信息公开工作年度报告'), '某区人民政府');
  assert.equal(agencyFromTitle('某区某某路街道办事处2024年政府信息公开工作年度报告'), '某区某某路街道办事处');
  const html = `<html><head><title>${title}_某区人民政府</title></head><body><h1>${title}</h1>
<p>根据《中华人民共和国政府信息公开条例》，区政府各部门、各街道（镇）已编制完成2024年政府信息公开工作年度报告，现集中公布如下：</p>
<table><tr><th>序号</th><th>类别</th><th>单位</th><th>年度报告</th></tr>
<tr><td>1</td><td>区政府部门</td><td>区教育局</td><td><a href="/nw127/20250117/a1.html">点击查看</a></td></tr>
<tr><td>2</td><td>街道（镇）</td><td>某某路街道</td><td><a href="/nw128/20250124/b2.html">点击查看</a></td></tr></table></body></html>`;
  const items = parseListItems(html, 'http://gov.test/nw12561/20250205/c3.html').filter((i) => i.url.includes('/nw12'));
  assert.deepEqual(items.map((i) => i.title), ['区教育局2024年度政府信息公开工作年度报告', '某某路街道2024年度政府信息公开工作年度报告']);
});

test('a select on 全部 filtering the lists the year select shows is crossed last, and what the limit leaves is not unread', () => {
  const api = (nd: string, jg: string) => `http://gov.test/igs/front/search/list.html?index=x&filter%5BND%5D=${nd}&filter%5BFBJG_name%5D=${encodeURIComponent(jg)}&pageNumber=1`;
  const base = { method: 'GET', url: api('2024', ''), body: null, contentType: null };
  const years = ['2023', '2022', '2021', '2020'];
  const units = ['区政府', '区政府办', '区卫生健康委', '区司法局', '区财政局', '区统计局', '文昌街道'];
  const made = [...years.map((y) => ({ group: 1, request: { url: api(y, ''), body: null } })), ...units.map((u) => ({ group: 2, request: { url: api('2024', u), body: null } }))];
  // 28 crossed lists, each a part of a year's whole list already asked: 24 asked, the 4 past the limit not unread.
  assert.deepEqual([crossedChoices(base, null, made).requests.length, crossedChoices(base, null, made).left], [24, 0]);
  // A group setting a field the page asked with a value (a channel) is crossed first, and counted past the limit.
  const chan = (nd: string, ch: string) => `http://gov.test/api/list?year=${nd}&channel=${ch}`;
  const crossed = crossedChoices({ method: 'GET', url: chan('2024', 'gov'), body: null, contentType: null }, null, [
    { group: 1, request: { url: chan('2023', 'gov'), body: null } },
    { group: 2, request: { url: chan('2024', 'dept'), body: null } },
  ]);
  assert.deepEqual(crossed.requests.map((r) => r.url), [chan('2023', 'dept')]);
  const many = Array.from({ length: 6 }, (_, i) => [
    { group: 1, request: { url: chan(String(2018 + i), 'gov'), body: null } },
    { group: 2, request: { url: chan('2024', `c${i}`), body: null } },
  ]).flat();
  assert.deepEqual([crossedChoices({ method: 'GET', url: chan('2024', 'gov'), body: null, contentType: null }, null, many).left], [12]);
});

test('a 全部 bar\'s other tabs are made only when its pager stops short of its count', () => {
  const tab = (i: number, text: string, ofAll = true): Choice => ({ kind: 'tab', group: 1, mark: `1-${i}`, text, ...(ofAll ? { ofAll: true as const } : {}) });
  const bar = [tab(1, '2025年'), tab(2, '2024年'), tab(3, '2021年')];
  assert.deepEqual(choicesToMake(bar), []);
  assert.deepEqual(choicesToMake(bar, true).map((c) => c.text), ['2025年', '2024年', '2021年']);
  assert.equal(cappedPager('<div class="page">共18条记录　共2页　当前第1页</div>', 8), true);
  assert.equal(cappedPager('<div class="page">共16条记录　共2页　当前第1页</div>', 8), false);
  assert.equal(cappedPager('<div class="page">共18条记录</div>', 8), false);
});

test('an old ASP CMS\'s 防刷新 notice is a rate limit; a page naming 刷新 among its links is not', () => {
  const notice = '<html><head><meta http-equiv="refresh" content="2"></head><body><table><tr><td>本页面起用了防刷新机制，请不要在1秒内连续刷新本页面<br />正在打开页面，请稍候……</td></tr></table></body></html>';
  assert.equal(saysTooFrequent(Buffer.from(notice)), true);
  const list = `<html><body><ul>${Array.from({ length: 12 }, (_, i) => `<li><a href="/a/${i}.html">某县2024年第${i}号通知</a></li>`).join('')}</ul><p>数据每日刷新</p></body></html>`;
  assert.equal(saysTooFrequent(Buffer.from(list)), false);
});

test('a top bar\'s 微信 linking its account\'s picture, and a skin\'s images, are no report\'s files; a scan is', () => {
  const html = `<html><body><div class="top"><a href="/skin/images/wx.jpg">微信</a> <a href="/images/weibo.png">官方微博</a></div>
<div class="content"><p>详见附件</p><a href="/uploadfiles/202501/P020250123603318246125.jpg">2024年度报告扫描件</a></div></body></html>`;
  assert.deepEqual(findAttachments(loadHtml(html), 'http://gov.test/zfxxgk/nb/t1.shtml').map((a) => a.url), ['http://gov.test/uploadfiles/202501/P020250123603318246125.jpg']);
});

/** A seed answering 302 to a shell in another folder whose script draws the list with links relative to that folder. */
function redirectedShellPortal(): BlindPortal {
  const a = '某某县人民政府';
  const years = [2024, 2023, 2022];
  const docs = years.flatMap((y, i) => [
    { id: 40 + i * 2, title: `${a}${y}年政府信息公开工作年度报告`, year: y as number | undefined },
    { id: 41 + i * 2, title: `${a}${y}年政务公开工作要点`, year: undefined as number | undefined },
  ]);
  const routes: Record<string, BlindRoute> = {
    'GET /xxgk/nb/': { status: 302, body: '<html><body><h1>Object Moved</h1>This object may be found <a href="/xxgk/list/index.html">here</a>.</body></html>', headers: { location: '/xxgk/list/index.html' } },
    'GET /xxgk/list/index.html': {
      body: page(a, '政府信息公开年报', `<ul id="list"></ul><script>
fetch('data.json').then(function (r) { return r.json(); }).then(function (d) {
  document.getElementById('list').innerHTML = d.list.map(function (o) { return '<li><a href="art/' + o.id + '.html">' + o.title + '</a></li>'; }).join('');
});
</script>`),
    },
    'GET /xxgk/list/data.json': { type: 'application/json', body: JSON.stringify({ total: docs.length, list: docs.map((d) => ({ id: d.id, title: d.title })) }) },
  };
  for (const d of docs) routes[`GET /xxgk/list/art/${d.id}.html`] = { body: detail(a, { title: d.title, publisher: a, date: '2025-01-20', body: d.year ? reportText(a, `${d.year}年度`) : trapText(d.title) }) };
  return {
    id: 'redirected-shell',
    pattern: 'a seed 302 to a shell in another folder whose script draws links relative to it',
    agency: { name: a, division: '630225', level: 'county', province: '青海省', city: '海东市', county: '某某县' },
    seedPath: '/xxgk/nb/',
    expected: years.map((year) => ({ agency: a, year })),
    needsBrowser: true,
    routes,
  };
}

test('a document the browser reached through redirects is read at the address that answered: its relative links resolve there', { timeout: 240_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  await crawledWhole(redirectedShellPortal());
});
