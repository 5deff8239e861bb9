/**
 * Open misses of rounds 92-93 fixed before rounds 94-95 (docs/blind-portals.md):
 * 1. a list whose rows carry no year, linked by the page's template with the year its request asked
 *    (`gknbxq.html?id={{id}}&nf={{nf}}` beside a POSTed `{"nf":"2024",…}`, round 93b): learned from the first year's
 *    answer, every other year's rows were linked with `nf=2024`, answering 参数错误; a template's query value written
 *    by an item field of its name is a slot too;
 * 2. a dynamic page asked with parameters it knows no record for ("参数错误，未找到相关年报信息。") holds nothing;
 * 3. (test/crawl/gone-files.test.ts) a file link written relative to the root without the slash, resolved against its
 *    page and gone, is read at the root and said (round 92b).
 * Then rounds 94-95's own (docs/blind-portals.md, "Rounds 94-95"): a learned root's channel folder, a header bar's
 * 更多, a lone heading no unlinked item, a platform home's units grid, a labelled sub-column drawn in the browser (the
 * seed drawn too when its sub-columns share its shell: blind part crawls, blind-xiangcheng).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { learnListEndpoint, type Exchange } from '../../src/crawl/learn/learn.ts';
import { findJsonList, itemsByShape, readList, type JsonItemShape } from '../../src/crawl/learn/list-shape.ts';
import { shapeForRequest } from '../../src/crawl/learn/template-params.ts';
import { rootAddress } from '../../src/crawl/root-file.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { parseGenericList } from '../../src/crawl/families/generic.ts';
import { listElsewhere, subColumnLinks } from '../../src/crawl/families/report-column.ts';
import type { PageVisit } from '../../src/crawl/page-visit.ts';
import { unlinkedReportTitles } from '../../src/crawl/unlinked-titles.ts';

const PAGE = 'http://gov.test/zfxxgknb/index.html';
const rows = (nf: string, titles: [string, string][]) => ({ code: 0, data: { total: titles.length, list: titles.map(([id, bt]) => ({ id, jgmc: '某区教育委员会', bt, fbrq: `${Number(nf) + 1}-01-20` })) } });
const answer = (nf: string, titles: [string, string][]): Exchange => ({
  method: 'POST',
  url: 'http://gov.test/gknbapi/list',
  body: JSON.stringify({ nf, jglb: '', pageNo: 1, pageSize: 5 }),
  contentType: 'application/json;charset=UTF-8',
  status: 200,
  responseType: 'application/json',
  responseBody: JSON.stringify(rows(nf, titles)),
});

test("a link template's query value the list's request gives is a slot: each year's rows linked with their year", () => {
  const first = answer('2024', [['a1', '2024年政府信息公开工作年度报告'], ['a2', '某区2024年度政府信息公开工作年度报告']]);
  const drawn = `<table><tr><td><a href="gknbxq.html?id=a1&amp;nf=2024">2024年政府信息公开工作年度报告</a></td></tr><tr><td><a href="gknbxq.html?id=a2&amp;nf=2024">某区2024年度政府信息公开工作年度报告</a></td></tr></table>`;
  const learned = learnListEndpoint([first], PAGE, [], `<html><body>${drawn}</body></html>`);
  assert.ok(learned);
  const shape = learned.endpoint.shape as JsonItemShape;
  assert.equal(shape.urlTemplate, 'http://gov.test/zfxxgknb/gknbxq.html?id={id}&nf={param:nf}');
  assert.deepEqual(learned.items.map((i) => i.url), ['http://gov.test/zfxxgknb/gknbxq.html?id=a1&nf=2024', 'http://gov.test/zfxxgknb/gknbxq.html?id=a2&nf=2024']);
  // Another year's answer, read for the request that asked it (a year tab's replay), links its rows with its year.
  const other = answer('2023', [['b1', '二〇二三年度政府信息公开工作年度报告']]);
  assert.deepEqual(readList(other.responseBody, other.url, PAGE, shapeForRequest(shape, other)).map((i) => i.url), ['http://gov.test/zfxxgknb/gknbxq.html?id=b1&nf=2023']);
  // Read with no request of its own, the learned request's value stands.
  assert.deepEqual(readList(other.responseBody, other.url, PAGE, shape).map((i) => i.url), ['http://gov.test/zfxxgknb/gknbxq.html?id=b1&nf=2024']);
  // A value the request does not send stays written as it is (a site code in every link).
  const coded = learnListEndpoint([first], PAGE, [], `<html><body>${drawn.replace(/nf=2024/g, 'site=bj')}</body></html>`);
  assert.equal((coded!.endpoint.shape as JsonItemShape).urlTemplate, 'http://gov.test/zfxxgknb/gknbxq.html?id={id}&site=bj');
});

test("a link template's query value written by an item field of the same name is a slot: items of another value keep theirs", () => {
  const json = { list: [{ id: 'a1', nf: '2024', bt: '某区2024年政府信息公开工作年度报告' }, { id: 'a2', nf: '2024', bt: '某镇2024年政府信息公开工作年度报告' }] };
  const links = json.list.map((o) => ({ text: o.bt, url: `http://gov.test/x/show.html?id=${o.id}&nf=2024` }));
  const found = findJsonList(json, PAGE, links);
  assert.ok(found && found.shape.kind === 'json');
  assert.equal(found.shape.urlTemplate, 'http://gov.test/x/show.html?id={id}&nf={field:nf}');
  const later: { list: Record<string, string>[] } = { list: [{ id: 'c3', nf: '2022', bt: '某区2022年政府信息公开工作年度报告' }, { id: 'c4', bt: '某区2021年政府信息公开工作年度报告' }] };
  // An item without the field has no address the template can build: not read rather than guessed.
  assert.deepEqual(itemsByShape(later, found.shape, PAGE)!.map((i) => i.url), ['http://gov.test/x/show.html?id=c3&nf=2022']);
});

test('a dynamic page answering 参数错误 for a record it does not know holds nothing (a soft 404)', () => {
  const html = `<html><head><title>政府信息公开年报_某区人民政府</title></head><body><div class="nav"><a href="/">首页</a></div><div class="nb-err"><p>参数错误，未找到相关年报信息。</p><p><a href="index.html">返回政府信息公开年报</a></p></div></body></html>`;
  assert.equal(parseDetailPage(html, 'http://gov.test/gknbxq.html?id=x&nf=2024').softNotFound, true);
  const report = `<html><head><title>某区2024年政府信息公开工作年度报告</title></head><body><h1>某区2024年政府信息公开工作年度报告</h1><div id="mainText"><p>本年度收到申请12件，其中未找到相关记录的3件，已告知申请人。</p></div></body></html>`;
  assert.equal(parseDetailPage(report, 'http://gov.test/a.html').softNotFound, false);
});

test("a file's root address: only for a file in its page's folder or below, and not at the root already", () => {
  const page = 'http://gov.test/jlx/c100988/2025/1/24/a.shtml';
  assert.equal(rootAddress('http://gov.test/jlx/c100988/2025/1/24/upload/jlx/P0.pdf?v=1', page), 'http://gov.test/upload/jlx/P0.pdf?v=1');
  assert.equal(rootAddress('http://gov.test/upload/jlx/P0.pdf', page), null, 'outside the page folder: written from the root or with ../');
  assert.equal(rootAddress('http://files.gov.test/jlx/c100988/2025/1/24/upload/P0.pdf', page), null, 'another host');
  assert.equal(rootAddress('http://gov.test/upload/P0.pdf', 'http://gov.test/index.html'), null, 'a page at the root: the same address');
});

// Rounds 94-95's fixes.

test("a learned root's folder an item field gives is a slot: another tab's items go under their own channel (round 95c)", () => {
  const json = { data: [{ title: '察隅县人民政府2024年政府信息公开工作年度报告', url: '202501/a1.shtml', channelCode: 'c106417' }, { title: '察隅县人民政府2023年政府信息公开工作年度报告', url: '202401/a2.shtml', channelCode: 'c106417' }] };
  const links = json.data.map((o) => ({ text: o.title, url: `http://gov.test/cyx/${o.channelCode}/${o.url}` }));
  const found = findJsonList(json, 'http://gov.test/cyx/c106412/202405/guide.shtml', links);
  assert.ok(found && found.shape.kind === 'json');
  assert.equal(found.shape.urlBase, 'http://gov.test/cyx/{field:channelCode}/');
  const tab: { data: Record<string, string>[] } = { data: [{ title: '竹瓦根镇人民政府2024年政府信息公开工作年度报告', url: '202502/b1.shtml', channelCode: 'c106419' }] };
  assert.deepEqual(itemsByShape(tab, found.shape, 'http://gov.test/cyx/c106412/202405/guide.shtml')!.map((i) => i.url), ['http://gov.test/cyx/c106419/202502/b1.shtml']);
});

test("a 更多 in a header bar no caption selector knows is captioned by the bar's words (round 94c)", () => {
  const html = `<html><head><title>2024年度政府信息公开年报</title></head><body><div class="main">
${['县政府年报:xzfnb', '县直部门年报:xzbmnb', '乡镇年报:xznb'].map((k) => { const [label, key] = k.split(':'); return `<div class="box"><div class="box-h">${label}<a class="more" href="./${key}/index.shtml">更多&gt;&gt;</a></div><ul class="list"><li><a href="./${key}/1/index.shtml">一图读懂某县2024年政府信息公开工作年度报告</a></li><li><a href="./${key}/2/index.shtml">某县2025年政务公开工作要点</a></li><li><a href="./${key}/3/index.shtml">某县政府网站2024年工作年度报表</a></li></ul></div>`; }).join('\n')}
</div></body></html>`;
  const links = subColumnLinks(html, 'http://gov.test/nb/2024/index.shtml');
  for (const key of ['xzfnb', 'xzbmnb', 'xznb']) assert.ok(links.includes(`http://gov.test/nb/2024/${key}/index.shtml`), `${key}: ${links.join(' ')}`);
});

test('a report title alone in a block outside any row is a heading; among blocks like it, an unlinked item (round 94c)', () => {
  const heading = `<html><body><div class="box"><div class="box-h">2023年度政府信息公开工作年度报告</div><p>县政府、各部门在此公布。</p></div><ul><li><a href="a.html">某县2023年政府信息公开工作年度报告</a></li></ul></body></html>`;
  assert.deepEqual(unlinkedReportTitles(heading, ['某县2023年政府信息公开工作年度报告'], (t) => classifyTitle(t).isReport), []);
  const rows = `<html><body><div class="list"><div class="item" onclick="show(1)">某县教育局2023年政府信息公开工作年度报告</div><div class="item" onclick="show(2)">某县民政局2023年政府信息公开工作年度报告</div></div></body></html>`;
  assert.equal(unlinkedReportTitles(rows, [], (t) => classifyTitle(t).isReport).length, 2);
});

test("a platform's front page showing a report in passing leads to its units' pages and their whole directory (round 95a)", () => {
  const grid = (caption: string, units: string[], more: string) => `<div class="box"><div class="box_hd"><span>${caption}</span><a href="${more}">更多&gt;&gt;</a></div><table><tr>${units.map((u, i) => `<td><a href="${more}u${i}/">${u}</a></td>`).join('')}</tr></table></div>`;
  const home = `<html><head><title>大安市政府信息公开</title></head><body><div class="nav"><a href="/">首页</a></div>
<div class="box"><div class="box_hd"><span>政府信息公开年报</span><a href="/xxgk/ndbg/">更多&gt;&gt;</a></div><ul><li><a href="/xxgk/ndbg/t1.html">大安市2024年政府信息公开工作年度报告</a></li><li><a href="/xxgk/a.html">大安市2025年政务公开工作要点</a></li><li><a href="/xxgk/b.html">大安市人民政府网站2024年度工作报表</a></li><li><a href="/xxgk/c.html">关于做好政务公开的通知</a></li></ul></div>
${grid('部门信息公开', ['县教育局', '县财政局', '县民政局'], '/xxgk/zcbm/')}${grid('乡镇信息公开', ['安广镇', '坦途镇'], '/xxgk/xzxxgk/')}</body></html>`;
  const url = 'http://gov.test/xxgk/';
  const items = [{ title: '大安市2024年政府信息公开工作年度报告', url: 'http://gov.test/xxgk/ndbg/t1.html', date: null, isFile: false }, ...['a', 'b', 'c', 'd', 'e', 'f'].map((x) => ({ title: `其他信息${x}`, url: `http://gov.test/xxgk/${x}.html`, date: null, isFile: false }))];
  const got = listElsewhere(home, url, items);
  assert.deepEqual(got.filter((l) => l.columnAgency).map((l) => l.columnAgency), ['县教育局', '县财政局', '县民政局', '安广镇', '坦途镇']);
  assert.ok(got.some((l) => l.url === 'http://gov.test/xxgk/zcbm/' && !l.columnAgency), 'the grid’s 更多: the whole directory');
  // The directory page, titled by its kind, its grid under a bar no caption selector knows.
  const directory = `<html><head><title>部门信息公开_大安市人民政府</title></head><body><div class="nav"><a href="/">首页</a><a href="/xxgk/ndbg/">政府信息公开年报</a></div><div class="lm_name">部门信息公开</div><table><tr><td><a href="/xxgk/zcbm/tjj/">县统计局</a></td><td><a href="/xxgk/zcbm/tyjrswj/">县退役军人事务局</a></td></tr></table></body></html>`;
  assert.deepEqual(listElsewhere(directory, 'http://gov.test/xxgk/zcbm/', []).flatMap((l) => (l.columnAgency ? [l.columnAgency] : [])), ['县统计局', '县退役军人事务局']);
  // A page about the reports leads to no unit's page.
  assert.deepEqual(listElsewhere(home.replace('<title>大安市政府信息公开</title>', '<title>政府信息公开年报</title>'), url, items).filter((l) => l.columnAgency), []);
});

test('a sub-column its link labels as one (部门年报) is a named column: its shell is drawn in the browser (round 95b)', () => {
  const html = `<html><head><title>信息公开</title></head><body><ul class="tree"><li><a href="openSubPage.html?specialurl=/c/009001/govlist.html&amp;righttitle=x">县政府年报</a></li><li><a href="openSubPage.html?specialurl=/c/009002/govlist.html&amp;righttitle=y">部门年报</a></li><li><a href="openSubPage.html?specialurl=/c/009003/govlist.html&amp;righttitle=z">乡镇年报</a></li></ul><div id="pane"></div><script src="/js/xxgklist.js"></script></body></html>`;
  const res = parseGenericList({ url: 'http://gov.test/g/openSubPage.html?specialurl=/c/009001/govlist.html&righttitle=x', loadedUrl: 'http://gov.test/g/openSubPage.html?specialurl=/c/009001/govlist.html&righttitle=x', body: html, status: 200, headers: {}, rendered: false, method: 'GET' } as unknown as PageVisit);
  const named = res.next.filter((n) => n.namedColumn).map((n) => new URL(n.url).searchParams.get('specialurl'));
  assert.ok(named.includes('/c/009002/govlist.html') && named.includes('/c/009003/govlist.html'), JSON.stringify(res.next));
});
