/**
 * The discovery fixes the sixth round (a) of blind portals called for (docs/blind-portals.md), each on its own
 * small page so a regression names its cause.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withGenericPaging } from '../../src/crawl/families/pager.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';

const page = (body: string, title: string) => `<html><head><title>${title}</title></head><body>${body}</body></html>`;
const url = 'http://a.gov.cn/xxgk/ndbg/';

function read(html: string) {
  const result = withGenericPaging({ items: parseListItems(html, url), next: [] }, html, url);
  return { next: result.next.map((n) => decodeURIComponent(n.url)), items: result.items.map((i) => i.title) };
}

test("a county's directory of the agencies' own 年报 columns (links named by the agency only): each column is a list page", () => {
  const dir = (heading: string, extra = '') =>
    page(
      `<div class="nav"><a href="/">首页</a><a href="/zfxxgk/">政府信息公开</a></div><h3>${heading}</h3>
<div class="box"><h4>部门</h4><ul><li><a href="/xxgk/bm/jyj/ndbg/index.html">某县教育局</a></li><li><a href="/xxgk/bm/wjj/ndbg/index.html">某县卫生健康局</a></li></ul></div>
<div class="box"><h4>乡镇</h4><ul><li><a href="/xxgk/乡镇/az/ndbg/">安州镇</a></li><li><a href="/xxgk/乡镇/bx/ndbg/">北河乡</a></li></ul></div>
${extra}<div class="box"><h4>部门网站</h4><ul><li><a href="http://jyj.a.gov.cn/">某县教育局</a></li><li><a href="/site/wjj/">某县卫生健康局</a></li></ul></div>`,
      `${heading}_某县人民政府`,
    );
  const columns = ['http://a.gov.cn/xxgk/bm/jyj/ndbg/index.html', 'http://a.gov.cn/xxgk/bm/wjj/ndbg/index.html', 'http://a.gov.cn/xxgk/乡镇/az/ndbg/', 'http://a.gov.cn/xxgk/乡镇/bx/ndbg/'];
  const r = read(dir('政府信息公开年报'));
  assert.deepEqual(r.next, columns);
  // Each column carries the agency its link names, for reports whose own pages name none.
  const html = dir('政府信息公开年报');
  const named = withGenericPaging({ items: parseListItems(html, url), next: [] }, html, url).next.map((n) => n.columnAgency);
  assert.deepEqual(named, ['某县教育局', '某县卫生健康局', '安州镇', '北河乡']);
  // Followed as lists, never kept as items; the box of site links is neither.
  assert.ok(!r.items.some((t) => /年度报告/.test(t)), JSON.stringify(r.items));
  // A page not named for the annual reports (a list of departments' sites) leads to none of them: only to its nav's
  // 政府信息公开 page, the disclosure page a seed naming no column is read through (round 30c, report-column.ts).
  assert.deepEqual(read(dir('部门信息公开')).next, ['http://a.gov.cn/zfxxgk/']);
  // A page that lists a report itself is its own list: the agency links are not followed.
  assert.deepEqual(read(dir('政府信息公开年报', '<ul><li><a href="/a/1.html">某县人民政府2023年政府信息公开工作年度报告</a></li></ul>')).next, []);
  // A year's page (2023年度各部门年报): the links stand for that year's reports, as before (retitled, not followed).
  const year = read(dir('2023年度政府信息公开工作年度报告'));
  assert.deepEqual(year.next, []);
  assert.ok(year.items.includes('某县教育局2023年政府信息公开工作年度报告'), JSON.stringify(year.items));
});
