/**
 * The discovery fixes blind rounds 102-103 called for (docs/blind-portals.md, "Rounds 102-103"), each on its own small
 * page so a regression names its cause. The handler paths (a home's report read through its breadcrumb's column, a
 * stale first page read again at its pager's address, a 412 renewing its cookie on a file) are exercised end to end by
 * the blind parts (blind-portals*.test.ts: jishui, jiayu); the fetcher's part by test/download/downloader.test.ts.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withGenericPaging } from '../../src/crawl/families/pager.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { parseList } from '../../src/crawl/list-parse.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import type { ListData } from '../../src/crawl/requests.ts';
import { freshFirstPage } from '../../src/crawl/stale-pages.ts';

const page = (title: string, body: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

/** A county's disclosure host's home: its columns, a box of the newest items, and boxes of its units by their kind. */
function home(title: string, captions = ['政府工作部门', '乡镇']): string {
  return page(
    title,
    `<div class="nav"><a href="/">首页</a><a href="/zfxxgkzn/">政府信息公开指南</a><a href="/zfxxgknb/">政府信息公开年报</a></div>
<div class="box"><h3>最新信息</h3><ul><li><a href="/zfxxgknb/202503/t20250321_1.shtml" title="某县人民政府2024年政府信息公开工作年度报告">某县人民政府2024年政府信息公开工作…</a><span>2025-03-21</span></li>
<li><a href="/fdzdgknr/202403/t20240308_2.shtml">某县人民政府关于印发2024年重点工程项目计划的通知</a><span>2024-03-08</span></li>
<li><a href="/fdzdgknr/202311/t20231102_3.shtml">某县人民政府办公室关于加强政务服务工作的通知</a><span>2023-11-02</span></li></ul></div>
<div class="box"><div class="hb-title"><h3>${captions[0]}</h3></div><ul><li><a href="/gzbm/jyj/">教育局</a></li><li><a href="/gzbm/wjj/">卫生健康局</a></li><li><a href="/gzbm/zfbgs/">人民政府办公室</a></li></ul></div>
<div class="box"><div class="hb-title"><h3>${captions[1]}</h3></div><ul><li><a href="/xzjd/dcz/">段村镇</a></li><li><a href="/xzjd/fsz/">丰州镇</a></li></ul></div>`,
  );
}

function next(html: string, url: string) {
  return withGenericPaging({ items: parseListItems(html, url), next: [] }, html, url).next.map((n) => [n.url.replace('http://xxgk.a.gov.cn', ''), n.columnAgency ?? null]);
}

test("a disclosure host's home: its units' boxes captioned by their kind lead to the units' pages, with their names (round 102a)", () => {
  const got = next(home('首页 - 某县政府信息公开'), 'http://xxgk.a.gov.cn/');
  for (const [path, agency] of [['/gzbm/jyj/', '教育局'], ['/gzbm/wjj/', '卫生健康局'], ['/gzbm/zfbgs/', '人民政府办公室'], ['/xzjd/dcz/', '段村镇'], ['/xzjd/fsz/', '丰州镇']]) {
    assert.ok(got.some(([u, a]) => u === path && a === agency), `${path}: ${JSON.stringify(got)}`);
  }
  // Its own 年报 column, named in its menu, is read besides.
  assert.ok(got.some(([u]) => u === '/zfxxgknb/'), JSON.stringify(got));
  // (乡镇（街道）) in full-width brackets is a unit kind too.
  assert.ok(next(home('首页 - 某县政府信息公开', ['县直部门', '乡镇（街道）']), 'http://xxgk.a.gov.cn/index.shtml').some(([u]) => u === '/xzjd/dcz/'));
});

test('boxes captioned by a kind of unit alone lead nowhere off a disclosure host’s home (round 6a’s rule stands)', () => {
  const units = (got: (string | null)[][]) => got.filter(([u]) => /\/(?:gzbm|xzjd)\//.test(u ?? ''));
  // A portal's home not named for disclosure: its 部门 box may list anything.
  assert.deepEqual(units(next(home('某县人民政府门户网站'), 'http://xxgk.a.gov.cn/')), []);
  // The same page deeper than the host's root is no home.
  assert.deepEqual(units(next(home('政府信息公开 - 某县人民政府'), 'http://xxgk.a.gov.cn/xxgk/index.shtml')), []);
  // A box captioned otherwise (其他单位网站) is no unit box.
  assert.deepEqual(units(next(home('首页 - 某县政府信息公开', ['部门网站', '友情链接']), 'http://xxgk.a.gov.cn/')), []);
});

/** A Hanweb column's dynamic page `cur` of `total`, announcing `count` items, its pager's links numbered. */
function column(cur: number, total: number, count: number, firstLink = true): string {
  const link = (n: number, text: string) => `<a href="col/col4230/index.html?uid=372011&pageNum=${n}">${text}</a>`;
  const first = firstLink ? link(1, '首页') : '<span>首页</span>';
  return page(
    '县政府年报',
    `<base href="/afxzf/"><div class="top"><a href="index.html">首页</a></div><ul class="List_list"><li><a href="art/2022/1/21/art_4230_1.html">某县人民政府2021年政府信息公开工作年度报告</a></li></ul>
<div class="default_pgContainer">共${count}条　第${cur}/${total}页　${first} ${link(cur - 1, '上一页')} ${cur < total ? link(cur + 1, '下一页') : ''}</div>`,
  );
}

test('a later page announcing more items than the page before it: the pager’s own first page is read (round 103d)', () => {
  const before = { url: 'http://a.gov.cn/afxzf/col/col4230/index.html', items: 12 };
  const url = 'http://a.gov.cn/afxzf/col/col4230/index.html?uid=372011&pageNum=2';
  const html = column(2, 3, 13);
  assert.equal(freshFirstPage(loadHtml(html), url, html, before), 'http://a.gov.cn/afxzf/col/col4230/index.html?uid=372011&pageNum=1');
  // As many items as before: the first page was no stale copy.
  const same = column(2, 3, 12);
  assert.equal(freshFirstPage(loadHtml(same), url, same, before), null);
  // More, and no control to a first page of its own (the site's 首页 is on another path): said, not guessed.
  const none = column(2, 3, 13, false);
  assert.equal(freshFirstPage(loadHtml(none), url, none, before), undefined);
  // Another view of the column (another year's) counts its own items.
  const year = { url: 'http://a.gov.cn/afxzf/col/col4230/index.html?year=2024', items: 4 };
  const other = 'http://a.gov.cn/afxzf/col/col4230/index.html?year=2023&pageNum=2';
  assert.equal(freshFirstPage(loadHtml(html), other, html, year), null);
  // Nothing carried (a seed's page, a learned list): nothing to compare.
  assert.equal(freshFirstPage(loadHtml(html), url, html, undefined), null);
  // A TRS column read at its folder's address, a stale copy: its second page's 首页 names the folder's index file.
  const trs = page('年报', '<ul><li><a href="./202201/t20220121_1.shtml">某县人民政府2021年政府信息公开工作年度报告</a></li></ul><div class="page">共13条 <a href="index.shtml">首页</a> <a href="index.shtml">上一页</a> <a href="index_2.shtml">下一页</a></div>');
  assert.equal(freshFirstPage(loadHtml(trs), 'http://a.gov.cn/xxgk/nb/index_1.shtml', trs, { url: 'http://a.gov.cn/xxgk/nb/', items: 12 }), 'http://a.gov.cn/xxgk/nb/index.shtml');
});

const PAGE = 'http://a.gov.cn/xxgkall.html?ClassInfoId=2318';
const data: ListData = { kind: 'list', seedEntryId: 1, siteAgencyId: 1, family: 'generic', pageIndex: 2 };
const scriptPager = page(
  '政府信息公开年报',
  `<input type="hidden" id="ClassInfoId" value="2318" /><table id="tablist"><tr><td><a href="/qz/gknb/202501/t20250122_1.html">某县人民政府2024年政府信息公开工作年度报告</a></td><td>2025-01-22</td></tr></table>
<div class="nav_page">共<span class="nav_total">8</span>条 共<span class="nav_pagenum">2</span>页 <a href="javascript:PageContext.PageNav.go(1,2);">首页</a><a href="javascript:PageContext.PageNav.go(1,2);">上一页</a><a class="cur">1</a><a href="javascript:PageContext.PageNav.go(2,2);">2</a><a href="javascript:PageContext.PageNav.go(2,2);">下一页</a><a href="javascript:PageContext.PageNav.go(2,2);">尾页</a></div>`,
);

test('a pager the browser walked to its static later pages is no dead end up to them (round 103c)', () => {
  const visit = { url: PAGE, loadedUrl: PAGE, status: 200, body: scriptPager, rendered: true };
  assert.match(parseList(visit, data).deadEnd ?? '', /announces 2 pages/);
  assert.equal(parseList({ ...visit, walkedPages: 1 }, data).deadEnd, undefined);
});

/** A county's 政务公开 page: the newest items, one a report, and its disclosure entries. */
function disclosure(title: string): string {
  return page(
    title,
    `<div class="box"><b>最新公开</b><ul><li><a href="/zwgk/bm/zfb/ml_1/fdzdgknr/202503/t20250310_1.html">某县2024年国民经济和社会发展统计公报</a><span>2025-03-10</span></li>
<li><a href="/zwgk/bm/zfb/ml_1/fdzdgknr/202403/t20240322_2.html">某县2023年法治政府建设年度报告</a><span>2024-03-22</span></li>
<li><a href="/zwgk/bm/zfb/ml_1/zfxxgknb/202503/t20250327_3.html">某县人民政府2024年政府信息公开工作年度报告</a><span>2025-03-27</span></li></ul></div>
<div class="box"><b>政府信息公开</b><ul><li><a href="/zwgk/bm/zfb/ml_1/">县政府信息公开目录</a></li><li><a href="/zwgk/bm/zfb/ml_1/xxgkzn/">政府信息公开指南</a></li>
<li><a href="/zwgk/bm/">部门信息公开</a></li><li><a href="/zwgk/bm/?type=xz">乡镇（街道）信息公开</a></li></ul></div>`,
  );
}

test('a disclosure page’s links named for its units’ disclosure lead to their directory (round 104a)', () => {
  const got = next(disclosure('政务公开_某县人民政府'), 'http://xxgk.a.gov.cn/zwgk/').map(([u]) => u);
  assert.ok(got.includes('/zwgk/bm/') && got.includes('/zwgk/bm/?type=xz'), JSON.stringify(got));
  // A page not named for disclosure (a portal's news page) leads to no directory by such a link.
  assert.ok(!next(disclosure('要闻动态_某县人民政府'), 'http://xxgk.a.gov.cn/xwzx/').some(([u]) => u?.startsWith('/zwgk/bm/')));
});

test('a directory page of the units’ disclosure leads to each unit under a caption naming their disclosure at length (round 104a)', () => {
  const html = page(
    '部门信息公开_某县人民政府',
    `<div class="unit-list"><div class="col-tit"><b>政府部门直属机构信息公开</b></div><table><tr><td><a href="/zwgk/bm/czj/ml_2/">县财政局</a></td><td><a href="/zwgk/bm/jyj/ml_3/">县教育局</a></td></tr></table>
<div class="col-tit"><b>乡镇信息公开</b></div><table><tr><td><a href="/zwgk/bm/yhz/ml_4/">杨和镇</a></td></tr></table></div>`,
  );
  const got = next(html, 'http://xxgk.a.gov.cn/zwgk/bm/');
  for (const [path, agency] of [['/zwgk/bm/czj/ml_2/', '县财政局'], ['/zwgk/bm/jyj/ml_3/', '县教育局'], ['/zwgk/bm/yhz/ml_4/', '杨和镇']]) {
    assert.ok(got.some(([u, a]) => u === path && a === agency), `${path}: ${JSON.stringify(got)}`);
  }
});
