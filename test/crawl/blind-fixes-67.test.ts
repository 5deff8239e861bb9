/**
 * Round 67's changes (docs/blind-portals.md, round 67); the blind portals themselves are crawled whole by the blind
 * parts (lingao's seed asking to sign in, santai's footer menu, juxian's 解读 seed there). A year's 一览表 of units ×
 * 正文 / 附件 / 解读; rows linked by their date alone; a 图解 button is no row's subject; a 【政务公开】 tag names no
 * agency; a WeChat repost as the seed; a report page as the seed with no column found; the column a report's
 * breadcrumb names read for a seed that is a document about the report; a footer's 县级部门 menu.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { agencyFromTitle } from '../../src/crawl/classify/agency.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { agencyMenus } from '../../src/crawl/families/jump-menu.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { repostSource } from '../../src/crawl/repost-source.ts';
import { statusOf } from '../../src/crawl/seed-review.ts';
import { SeedTallies } from '../../src/crawl/seed-tally.ts';
import { page } from '../fixtures/portal/sites/blind/kit.ts';

const site = '蕲春县人民政府';
const URL_ = 'http://gov.test/zwgk/zfxxgknb/2024nd/index.shtml';
const table = (rows: string) =>
  page(
    site,
    '政府信息公开年报',
    `<table class="nb-table"><caption>蕲春县2024年度政府信息公开工作年度报告发布情况一览表</caption>
<thead><tr><th>序号</th><th>单位</th><th>正文</th><th>附件</th><th>解读</th><th>发布日期</th></tr></thead><tbody>
<tr class="grp"><td colspan="6">县直部门</td></tr>${rows}</tbody></table>`,
  );

test("a year's 一览表 of units × 正文 / 附件 / 解读: the 正文 and a lone 附件 are the unit's report of the caption's year, the 解读 is not", () => {
  const first = parseListItems(
    table(`<tr><td>1</td><td>县人民政府</td><td><a href="202501/t1.shtml">查看</a></td><td>—</td><td><a href="202501/t2.shtml">图解</a></td><td>2025-01-22</td></tr>
<tr><td>2</td><td>县教育局</td><td><a href="202501/t3.shtml">查看</a></td><td><a href="202501/P1.pdf">PDF</a></td><td>—</td><td>2025-01-20</td></tr>`),
    URL_,
  );
  const byUrl = (u: string) => first.find((i) => i.url.endsWith(u));
  assert.ok(classifyTitle(byUrl('t1.shtml')!.title).isReport, byUrl('t1.shtml')!.title);
  assert.match(byUrl('t1.shtml')!.title, /^县人民政府2024年度政府信息公开工作年度报告/);
  assert.ok(!classifyTitle(byUrl('t2.shtml')?.title ?? '').isReport, 'the 图解 cell is no report');
  assert.match(byUrl('t3.shtml')!.title, /^县教育局2024年度/);
  // A later page of the table holding one link a row (a town's report as its PDF alone).
  const later = parseListItems(table('<tr><td>5</td><td>漕河镇</td><td>—</td><td><a href="202501/P2.pdf">PDF</a></td><td>—</td><td>2025-01-24</td></tr>'), URL_);
  assert.match(later.find((i) => i.url.endsWith('P2.pdf'))!.title, /^漕河镇2024年度政府信息公开工作年度报告/);
});

test('rows linked by their date alone are titled by their row; a 图解 button beside a row is no subject of it', () => {
  const html = page(
    '盐池县人民政府',
    '政府信息公开年度报告',
    `<input type="checkbox" id="nd2024" class="fold" checked><label for="nd2024">二〇二四年度</label><div class="fold-body"><table>
<tr><th>名称</th><th>发布机构</th><th>发布日期</th></tr>
<tr><td>盐池县人民政府2024年度政府信息公开工作年度报告</td><td>县政府办</td><td><a href="202501/t1.html">2025-01-23</a></td></tr>
<tr><td>政府网站工作年度报表（2024年度）</td><td>县政府办</td><td><a href="202501/t2.html">2025-01-14</a></td></tr></table></div>`,
  );
  const items = parseListItems(html, 'http://gov.test/xxgk/ndbg/index.html');
  assert.equal(items.find((i) => i.url.endsWith('t1.html'))?.title.includes('盐池县人民政府2024年度政府信息公开工作年度报告'), true, JSON.stringify(items));
  assert.ok(!classifyTitle(items.find((i) => i.url.endsWith('t2.html'))!.title).isReport);
  const buttons = parseListItems(
    `<table><tr><th>单位</th><th>正文</th><th>解读</th></tr><tr><td>某县人民政府2024年度政府信息公开工作年度报告</td><td><a href="t9.html">查看</a></td><td><a href="t8.html">图解</a></td></tr></table>`,
    'http://gov.test/list.html',
  );
  assert.ok(!buttons.some((i) => i.url.endsWith('t9.html') && i.title.includes('图解')), JSON.stringify(buttons));
});

test('a tag opening a title (【政务公开】, [转载]) names no agency; a bracketed agency there does', () => {
  assert.equal(agencyFromTitle('【政务公开】宕昌县人民政府2023年政府信息公开工作年度报告'), '宕昌县人民政府');
  assert.equal(agencyFromTitle('[转载]宕昌县人民政府2023年政府信息公开工作年度报告'), '宕昌县人民政府');
  assert.equal(agencyFromTitle('【县卫健局】2024年度政府信息公开工作年度报告'), '县卫健局');
});

const wechat = (source: string) => `<html><body id="activity-detail"><div id="js_article" class="rich_media"><h1 class="rich_media_title">宕昌县人民政府2024年政府信息公开工作年度报告</h1>
<div class="rich_media_content" id="js_content" style="visibility: hidden;"><p>…</p></div><a id="js_view_source" href="##">阅读原文</a></div>
<script>var msg_link = "http://mp.weixin.qq.com/s?__biz=MzA4\\x26amp;mid=22";
var msg_source_url = '${source}';</script></body></html>`;

test("a WeChat repost as the seed: its 阅读原文's address is read from the page's script; the seed says where the original is", () => {
  assert.equal(repostSource(wechat('http://gov.test/tcx/c108975/202501/174003128.shtml?a=1\\x26amp;b=2'), 'http://mp.test/s?__biz=1'), 'http://gov.test/tcx/c108975/202501/174003128.shtml?a=1&b=2');
  assert.equal(repostSource(wechat(''), 'http://mp.test/s'), null);
  assert.equal(repostSource('<html><script>var msg_source_url = "http://gov.test/a.html";</script></html>', 'http://x.test/'), null, 'no WeChat article');
  const t = new SeedTallies().of(1, 'http://mp.test/s?__biz=1');
  Object.assign(t, { seedPageRead: true, listPages: 1, items: 3, reportItems: 2, seedReadAsReport: true });
  t.repostOf = { url: 'http://gov.test/tcx/a.shtml', read: false };
  const off = statusOf(t, false);
  assert.equal(off.status, 'short');
  assert.match(off.reason ?? '', /repost of a report .*http:\/\/gov\.test\/tcx\/a\.shtml is on a host outside the registry/);
  t.repostOf = { url: 'http://gov.test/tcx/a.shtml', read: true };
  assert.equal(statusOf(t, false).status, 'moved');
});

test("one report's page as the seed and no column found from it is said, never ok; a 解读 seed whose report's breadcrumb column was read is moved there", () => {
  const t = new SeedTallies().of(1, 'http://gov.test/art/2025/2/10/art_1.html');
  Object.assign(t, { seedPageRead: true, listPages: 1, items: 5, reportItems: 1, seedReadAsReport: true, seedReportTitle: '某县卫生健康局2024年政府信息公开工作年度报告' });
  const alone = statusOf(t, false);
  assert.equal(alone.status, 'short');
  assert.match(alone.reason ?? '', /one report's page .* no column of the reports was found/);
  // A 解读 of the report as the seed, the column its report's breadcrumb names read: moved there.
  Object.assign(t, { listPages: 4, reportItems: 7, seedReadAsReport: false, seedDocument: '《某县卫生健康局2024年政府信息公开工作年度报告》解读', crumbOwnColumn: 'http://gov.test/col/col39866/index.html?number=JX0012' });
  const moved = statusOf(t, false);
  assert.equal(moved.status, 'moved');
  assert.match(moved.reason ?? '', /col39866\/index\.html\?number=JX0012, the column its report's breadcrumb names/);
});

test("a footer's 县级部门 menu goes to the departments' sites, not their 年报 columns", () => {
  const menu = `<select onchange="if(this.value)window.open(this.value)"><option value="">—— 县级部门 ——</option><option value="/bm/jyj/">县教育局</option><option value="/bm/zrzyj/">县自然资源局</option></select>`;
  const $footer = loadHtml(`<html><body><h2>政府信息公开年报</h2><div class="flinks">${menu}</div></body></html>`);
  assert.deepEqual(agencyMenus($footer, 'http://gov.test/zwgk/nb/index.shtml', true).columns, []);
  const $body = loadHtml(`<html><body><h2>政府信息公开年报</h2><div class="nb-filter">${menu}</div></body></html>`);
  assert.equal(agencyMenus($body, 'http://gov.test/zwgk/nb/index.shtml', true).columns.length, 2);
});
