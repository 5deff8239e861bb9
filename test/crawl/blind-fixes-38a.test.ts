/**
 * Round 38a's fixes (docs/blind-portals.md, "Round 38a: server-rendered portals (广西, 黑龙江)"), on hand-made input:
 * 1. a page listing the departments, each with its own 年报 link, beside a side menu whose entries name the report
 *    columns by whose they are ("市政府信息公开年报", "部门信息公开年报"): the menu entries (no year, no date) are no
 *    report of the page, so its departments' 年报 links are followed as list pages (before: the menu entry was read
 *    as a report, the page as listing its reports itself, and no department's link followed, silently);
 * 2. a link opened by script (`href="javascript:;" onclick="window.open('…')"`, `href="#" data-url="…"`) under a year
 *    group or in a year pane, titled without the year: its item takes its group's or pane's year (before: the links
 *    were keyed by href only, so such an item took the shown tab's year, or none, silently wrong);
 * 3. such a department's 年报 link, named only "年度报告" / "公开年报" in a row or card naming the department, carries
 *    that department to its list (its reports titled without its name, its pages saying 来源：本站, are its own; before:
 *    nothing named them, and they were refused, the seed `short`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGenericList } from '../../src/crawl/families/generic.ts';

const ORIGIN = 'http://gk.example.gov.cn';

/** A city's 部门年报 page: a table of departments (name cell, 年度报告 link cell), a side menu of the 年报 section. */
function departmentsTable(extraRows = ''): string {
  const depts = [
    ['某某市教育局', '/bm/jyj/ndbg/'],
    ['某某市民政局', '/bm/mzj/ndbg/'],
    ['某某市交通运输局', '/bm/jtysj/ndbg/'],
  ];
  const rows = depts.map(([name, href]) => `<tr><td class="mc">${name}</td><td class="cz"><a href="${href}">年度报告</a></td></tr>`).join('');
  return `<html><head><title>部门年报_某某市人民政府</title></head><body>
<div class="menu"><p>年报专栏</p><a href="/xxgk/szfnb/">市政府信息公开年报</a><a href="/xxgk/bmnb/">部门年报</a><a href="/xxgk/xqnb/">区政府年报</a></div>
<div class="main"><h2>部门年报</h2><table class="bm"><tr><th>部门</th><th>操作</th></tr>${rows}${extraRows}</table></div></body></html>`;
}

const read = (html: string, path = '/xxgk/bmnb/') => parseGenericList({ url: ORIGIN + path, loadedUrl: ORIGIN + path, status: 200, body: html });

test("a page of departments' 年报 links beside a menu naming the report columns: the departments' links are list pages", () => {
  const r = read(departmentsTable());
  const next = r.next.map((n) => new URL(n.url).pathname);
  for (const p of ['/bm/jyj/ndbg/', '/bm/mzj/ndbg/', '/bm/jtysj/ndbg/']) assert.ok(next.includes(p), `${p} is a list page (next: ${next.join(' ')})`);
  assert.ok(!r.items.some((i) => /\/ndbg\/$/.test(i.url)), 'no department link is an item');
});

test('a report the page lists itself still keeps its column links unread: dated, titled with a year, or naming its agency', () => {
  // A report with its year in its title.
  const dated = read(departmentsTable('<tr><td colspan="2"><a href="/xxgk/bmnb/202501/t1.html">某某市2024年政府信息公开工作年度报告</a> 2025-01-20</td></tr>'));
  assert.ok(!dated.next.some((n) => n.url.endsWith('/bm/jyj/ndbg/')), 'a page listing a report is its own list');
  // A report of no year but named by its agency (its page gives the year): still a report the page lists.
  const named = read(departmentsTable('<tr><td colspan="2"><a href="/xxgk/bmnb/202501/t2.html">某某市审计局政府信息公开工作年度报告</a></td></tr>'));
  assert.ok(!named.next.some((n) => n.url.endsWith('/bm/jyj/ndbg/')), 'a year-less report naming its agency is one');
  assert.ok(named.items.some((i) => i.url.endsWith('/t2.html')));
});

test("a report opened by script in a year pane or under a year heading takes that pane's or heading's year", () => {
  // Year panes as tables marked by their id, the shown one's tab selected; the hidden pane's report opened by onclick.
  const panes = `<html><head><title>年度报告</title></head><body><div class="tabs"><span class="sel">2024</span><span>2023</span></div>
<table id="tb2024"><tr><td><a href="/nb/2024/a1.html">某某县农业农村局政府信息公开工作年度报告</a></td><td>2025-01-15</td></tr>
<tr><td><a href="/nb/2024/a3.html">某某县2024年政府信息公开工作年度报告</a></td><td>2025-01-20</td></tr></table>
<table id="tb2023" style="display:none"><tr><td><a href="javascript:void(0)" onclick="window.open('/nb/2023/a2.html','_blank')">某某县水务局政府信息公开工作年度报告</a></td><td>2024-03-02</td></tr>
<tr><td><a href="/nb/2023/a4.html">某某县2023年政府信息公开工作年度报告</a></td><td>2024-01-22</td></tr></table></body></html>`;
  const p = read(panes, '/nb/');
  const title = (path: string) => p.items.find((i) => i.url === ORIGIN + path)?.title;
  assert.equal(title('/nb/2023/a2.html'), '某某县水务局政府信息公开工作年度报告（2023年度）');
  assert.equal(title('/nb/2024/a1.html'), '某某县农业农村局政府信息公开工作年度报告（2024年度）');
  // Year headings over lists whose links carry their address in data-url (bound by a click handler).
  const groups = `<html><head><title>年报</title></head><body><div class="list"><h3>2023年</h3><ul>
<li><a href="#" data-url="/gk/nb/1002.html">某某区司法局政府信息公开工作年度报告</a></li><li><a href="/gk/nb/1003.html">某某区2023年政府信息公开工作年度报告</a></li></ul>
<h3>2022年</h3><ul><li><a href="#" data-url="/gk/nb/0871.html">某某区司法局政府信息公开工作年度报告</a></li><li><a href="/gk/nb/0872.html">某某区2022年政府信息公开工作年度报告</a></li></ul></div></body></html>`;
  const g = read(groups, '/gk/nb/');
  assert.equal(g.items.find((i) => i.url === `${ORIGIN}/gk/nb/1002.html`)?.title, '某某区司法局政府信息公开工作年度报告（2023年度）');
  assert.equal(g.items.find((i) => i.url === `${ORIGIN}/gk/nb/0871.html`)?.title, '某某区司法局政府信息公开工作年度报告（2022年度）');
});

test("a department's 年报 link in a row or card naming the department carries that department; a menu's links carry none", () => {
  const r = read(departmentsTable());
  const agencyOf = (path: string) => r.next.find((n) => new URL(n.url).pathname === path)?.columnAgency;
  assert.equal(agencyOf('/bm/jyj/ndbg/'), '某某市教育局');
  assert.equal(agencyOf('/bm/jtysj/ndbg/'), '某某市交通运输局');
  // Cards: the name over a line of links, one of them the 年报 column.
  const cards = `<html><head><title>部门信息公开_某某县人民政府</title></head><body><h2>部门信息公开年报</h2><div class="bm">
<dl><dt>某某县人力资源和社会保障局</dt><dd><a href="/dept/rsj/zn.html">机构职能</a> <a href="/dept/rsj/nb/">信息公开年报</a></dd></dl>
<dl><dt>某某县市场监督管理局</dt><dd><a href="/dept/scj/zn.html">机构职能</a> <a href="/dept/scj/nb/">信息公开年报</a></dd></dl></div>
<div class="side"><p>某某县人民政府</p><a href="/zwgk/nb/">年度报告</a><a href="/zwgk/bmnb/">政府信息公开年报</a></div></body></html>`;
  const c = read(cards, '/zwgk/bmnb/list.html');
  const of = (path: string) => c.next.find((n) => new URL(n.url).pathname === path);
  assert.equal(of('/dept/rsj/nb/')?.columnAgency, '某某县人力资源和社会保障局');
  assert.equal(of('/dept/scj/nb/')?.columnAgency, '某某县市场监督管理局');
  // The side menu holds two column links: its caption is no owner of either.
  assert.ok(of('/zwgk/nb/'), 'the menu column is followed');
  assert.equal(of('/zwgk/nb/')?.columnAgency, undefined);
});
