/**
 * The discovery fixes blind rounds 106-107 called for (docs/blind-portals.md, "Rounds 106-107"), each on its own small
 * page so a regression names its cause. The browser's part (a sub-column of the seed's own shell drawn from its menu
 * is no list of the seed's own: lushi) is exercised end to end by the blind parts (blind-portals*.test.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { otherQueryOf } from '../../src/crawl/drawn-column.ts';
import { learnedPageRequest, parseLearnedList } from '../../src/crawl/families/learned.ts';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import type { LearnedEndpoint } from '../../src/crawl/learn/learn.ts';
import { firstPageKey } from '../../src/crawl/learn/page-param.ts';

const BASE = 'http://xxgk.example/tcxxgk/nb/index.htm';

/** A year's list fragment, as a TRS template writes it for a page's script to insert: its pager a call never run there. */
function fragment(count: number, current: number): string {
  return `<ul class="ip-list"><li><a href="../202401/t20240125_3340765.htm" target="_blank">某区教育局二〇二三年政府信息公开工作年度报告</a><span>2024-01-25</span></li>
<li><a href="../202401/t20240118_3338811.htm" target="_blank">某区2024年政务公开工作要点</a><span>2024-01-18</span></li></ul>
<script language="javascript">createPageHTML(${count}, ${current}, "list", "htm");</script>`;
}

function endpoint(extra: Partial<LearnedEndpoint> = {}): LearnedEndpoint {
  return {
    version: 1,
    request: { method: 'GET', url: 'http://xxgk.example/tcxxgk/nb/2024/list.htm?t=1796662677022', body: null, contentType: null },
    page: null,
    pagingUnknown: true,
    base: BASE,
    shape: { kind: 'markup' },
    ...extra,
  };
}

function read(e: LearnedEndpoint, body: string, rendered = false) {
  const url = e.request.url;
  return parseLearnedList({ url, loadedUrl: url, status: 200, body, contentType: 'text/html', rendered }, learnedPageRequest(e, 1).cursor);
}

test("a learned list of unknown paging: an HTML answer asked over HTTP leads on by its own TRS pager (round 106b's year fragments)", () => {
  const first = read(endpoint(), fragment(2, 0));
  assert.deepEqual(first.next.map((n) => n.url), ['http://xxgk.example/tcxxgk/nb/2024/list_1.htm']);
  assert.equal(first.ownPager, true);
  assert.equal(first.items.length, 2);
  // Its last page names no next one.
  assert.deepEqual(read(endpoint(), fragment(2, 1)).next, []);
  // The answer the browser drew was turned there (its pages handed over with it): not asked again.
  assert.deepEqual(read(endpoint(), fragment(2, 0), true).next, []);
  // A signed list's later pages stay the browser's.
  assert.deepEqual(read(endpoint({ signed: 'sign' }), fragment(2, 0)).next, []);
});

test('a cache-buster in a list request (`?t=<milliseconds>`) does not make two lists of one (round 106b: each click its own time)', () => {
  const req = (url: string) => ({ method: 'GET', url, body: null, contentType: null });
  assert.equal(firstPageKey(req('http://a.example/nb/2024/list.htm?t=1796662677022'), null), firstPageKey(req('http://a.example/nb/2024/list.htm?t=1796662678620'), null));
  assert.equal(firstPageKey(req('http://a.example/nb/list.htm?year=2024&_=1796662677'), null), firstPageKey(req('http://a.example/nb/list.htm?year=2024&_=1796662999'), null));
  // A field named so whose value is no timestamp, and a year, still tell lists apart.
  assert.notEqual(firstPageKey(req('http://a.example/nb/list.htm?t=2024'), null), firstPageKey(req('http://a.example/nb/list.htm?t=2023'), null));
  assert.notEqual(firstPageKey(req('http://a.example/nb/2024/list.htm?t=1796662677022'), null), firstPageKey(req('http://a.example/nb/2023/list.htm?t=1796662677022'), null));
});

test("another query of the seed's own shell is another column of it, the same address is not (round 106b's pageView shells)", () => {
  const shell = 'http://ls.example/pageView/zhengfuxinxi.html?rlmid=5101&lmid=5110';
  assert.equal(otherQueryOf(shell, 'http://ls.example/pageView/zhengfuxinxi.html?rlmid=5101&lmid=5111'), true);
  assert.equal(otherQueryOf(shell, shell), false);
  assert.equal(otherQueryOf(shell, 'http://ls.example/pageView/article.html?wzid=1'), false);
});

test("the government's office publishing a bare-titled report of its own: the office's, not the government's (round 107c)", () => {
  const c = Catalog.open(':memory:');
  const site = c.agencies.upsert({ name: '通化县人民政府', nameKey: '通化县人民政府', division: '220521', level: 'county', province: '吉林省', city: '通化市', county: '通化县' });
  const attributor = new Attributor(c);
  const bare = (bodyText: string) => attributor.attribute({ title: '2024年政府信息公开工作年度报告', publisher: '通化县人民政府办公室', bodyText, siteAgency: site })!;
  const own = bare('2024年政府信息公开工作年度报告 根据《中华人民共和国政府信息公开条例》规定，现公布通化县人民政府办公室2024年度政府信息公开工作年度报告。');
  assert.equal(own.agency.name, '通化县人民政府办公室');
  // The office compiling the government's report, as it usually does: the government's.
  const compiled = bare('2024年政府信息公开工作年度报告 本报告由通化县人民政府办公室编制，所列数据统计期限自2024年1月1日起至2024年12月31日止。');
  assert.equal(compiled.agency.id, site.id);
  // The government's own report beside a box of related reports naming the office's: the government's still.
  const related = bare('现公布通化县人民政府2024年政府信息公开工作年度报告。 相关阅读：通化县人民政府办公室2023年政府信息公开工作年度报告');
  assert.equal(related.agency.id, site.id);
  c.close();
});

/** A 政务公开 landing: a box per column, each with 更多. */
function landing(reportsBox: string[], noticeBox: string[]): string {
  const rows = (titles: string[]) => titles.map((t, i) => `<tr><td><a href="/Item/${t.length}${i}.aspx" title="文章标题：${t}">${t.slice(0, 20)}...</a></td></tr>`).join('');
  const block = (cat: number, caption: string, titles: string[]) =>
    `<table class="block"><tr><td class="block_title">${caption}</td><td class="block_more"><a href="/Category_${cat}/Index.aspx">更多&gt;&gt;</a></td></tr><tr><td colspan="2"><table class="listtable">${rows(titles)}</table></td></tr></table>`;
  return `<html><head><title>政务公开--某县人民政府</title></head><body><table class="menu"><tr><td><a href="/Category_15/Index.aspx">政府信息公开年报</a></td></tr></table>
${block(15, '政府信息公开年报', reportsBox)}${block(12, '通知公告', noticeBox)}</body></html>`;
}

test('a notice board showing a report newer than the reports box shows leads on by its 更多 (round 106a: the 年报 column left)', () => {
  const url = 'http://gj.example/Category_7/Index.aspx';
  const board = 'http://gj.example/Category_12/Index.aspx';
  const old = ['某县2021年政府信息公开工作年度报告', '某县人民政府网站2021年工作年度报表', '某县2020年政府信息公开工作年度报告'];
  const notices = ['某县2025年春季森林草原防灭火工作的通告', '某县2024年政府信息公开工作年度报告', '2025年某县人民政府工作报告'];
  assert.ok(subColumnLinks(landing(old, notices), url).includes(board), 'the board shows the 2024 report, the 年报 box 2021 at newest');
  // The reports' own box as new as the board's report: the board is not followed (its notices are not the reports').
  assert.ok(!subColumnLinks(landing(['某县2024年政府信息公开工作年度报告', ...old], notices), url).includes(board));
  // A page with no box of reports (a home whose board shows the newest report as news, round 49c): not followed.
  const home = landing([], notices)
    .replace(/<table class="menu">[\s\S]*?<\/table>/, '')
    .replace(/<table class="block"><tr><td class="block_title">政府信息公开年报[\s\S]*?<\/table><\/td><\/tr><\/table>/, '');
  assert.ok(!home.includes('政府信息公开年报'), 'no box nor link of the reports');
  assert.ok(!subColumnLinks(home, url).includes(board));
  // A board of notices only, whatever their words (编制通知, 工作要点): not followed.
  assert.ok(!subColumnLinks(landing(old, ['关于做好2024年度政府信息公开工作年度报告编制发布工作的通知', '某县2025年政务公开工作要点']), url).includes(board));
});
