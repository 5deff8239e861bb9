/**
 * Round 39a's fixes (docs/blind-portals.md, "Round 39a: server-rendered portals (上海, 天津)"), on hand-made input:
 * 1. a list paged by a form whose submit buttons are the page numbers (`<button name="pageNo" value="2">`, `<input
 *    type="submit" name="p" value="2">`): the next page is that form sent as the button numbered after the current
 *    page sends it (before: no page field, so no jump form; pages 2 and on never asked, the seed `short`);
 * 2. a municipality's district bodies written without the municipality (a relative "区卫生健康委员会…" on a Beijing
 *    district's site, a town "昌元街道" whose publisher is "昌元街道办事处" on a Chongqing district's, a title
 *    "西青区市场监督管理局…" on a Tianjin one): discovered under the full name (北京市海淀区…), as their pages and the
 *    other titles of the same column write it (before: "海淀区…", a second agency beside the full name, silently).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { parseGenericList } from '../../src/crawl/families/generic.ts';

const ORIGIN = 'http://xxgk.example.gov.cn';

const items = (page: number) =>
  [1, 2, 3]
    .map((i) => `<li><a href="/gk/nb/art_${page}_${i}.html">某某区${2025 - page * 3 - i}年政府信息公开工作年度报告</a><span>2025-01-2${i}</span></li>`)
    .join('');

test('a form whose submit buttons are the page numbers (POST): the next page is the form sent with the next number', () => {
  const body = `<html><body><ul class="list">${items(1)}</ul>
<form id="pager" method="post" action="/gk/nb/list.do"><input type="hidden" name="columnId" value="48">
<input type="hidden" name="siteId" value="3"><span>共9条 共3页</span>
<button type="submit" class="on" name="pageNo" value="1" disabled>1</button>
<button type="submit" name="pageNo" value="2">2</button><button type="submit" name="pageNo" value="3">3</button></form></body></html>`;
  const r = parseGenericList({ url: `${ORIGIN}/gk/nb/list.do?columnId=48`, loadedUrl: `${ORIGIN}/gk/nb/list.do?columnId=48`, status: 200, body });
  assert.equal(r.next.length, 1, JSON.stringify(r));
  const next = r.next[0]!;
  assert.equal(next.method, 'POST');
  assert.equal(next.url, `${ORIGIN}/gk/nb/list.do`);
  const sent = new URLSearchParams(next.payload as string);
  assert.deepEqual([sent.get('columnId'), sent.get('siteId'), sent.get('pageNo')], ['48', '3', '2']);
});

test('the second page of such a form (its words say 第2/3页) asks the third; the last page asks none', () => {
  const form = (n: number) => `<form method="post" action="nb.jsp"><input type="hidden" name="cid" value="7">
<p>第${n}/3页</p>${[1, 2, 3].map((p) => (p === n ? `<em>${p}</em>` : `<input type="submit" name="curpage" value="${p}">`)).join(' ')}</form>`;
  const visit = (n: number) => ({ url: `${ORIGIN}/gk/nb.jsp`, loadedUrl: `${ORIGIN}/gk/nb.jsp`, status: 200, method: n > 1 ? 'POST' : 'GET', body: `<html><body><ul>${items(n)}</ul>${form(n)}</body></html>` });
  const second = parseGenericList(visit(2));
  assert.equal(new URLSearchParams(second.next[0]?.payload as string).get('curpage'), '3', JSON.stringify(second.next));
  assert.deepEqual(parseGenericList(visit(3)).next, []);
});

function catalogWith(site: { name: string; division: string; province: string; county: string }) {
  const c = Catalog.open(':memory:');
  const row = c.agencies.upsert({ name: site.name, nameKey: site.name, division: site.division, level: 'county', province: site.province, city: site.province, county: site.county });
  return { c, row, attributor: new Attributor(c) };
}

test('a municipality’s district bodies written without the municipality are discovered under the full name', () => {
  const bj = catalogWith({ name: '北京市海淀区人民政府', division: '110108', province: '北京市', county: '海淀区' });
  const relative = bj.attributor.attribute({ title: '区卫生健康委员会2024年政府信息公开工作年度报告', siteAgency: bj.row })!;
  assert.deepEqual([relative.agency.name, relative.agency.division, relative.discovered], ['北京市海淀区卫生健康委员会', '110108', true]);
  bj.c.close();

  const cq = catalogWith({ name: '重庆市荣昌区人民政府', division: '500153', province: '重庆市', county: '荣昌区' });
  const town = cq.attributor.attribute({ title: '昌元街道2023年政府信息公开工作年度报告', publisher: '昌元街道办事处', siteAgency: cq.row })!;
  assert.equal(town.agency.name, '重庆市荣昌区昌元街道办事处');
  // The same body titled in full later joins it (no second agency).
  const again = cq.attributor.attribute({ title: '重庆市荣昌区昌元街道办事处2024年政府信息公开工作年度报告', siteAgency: cq.row })!;
  assert.equal(again.agency.id, town.agency.id);
  cq.c.close();

  const tj = catalogWith({ name: '天津市西青区人民政府', division: '120111', province: '天津市', county: '西青区' });
  const titled = tj.attributor.attribute({ title: '西青区市场监督管理局2024年政府信息公开工作年度报告', siteAgency: tj.row })!;
  assert.equal(titled.agency.name, '天津市西青区市场监督管理局');
  tj.c.close();
});

test('a province’s county bodies, and a municipality’s county whose site names itself without the municipality, keep the county’s own name', () => {
  const c = Catalog.open(':memory:');
  const row = c.agencies.upsert({ name: '宜阳县人民政府', nameKey: '宜阳县人民政府', division: '410327', level: 'county', province: '河南省', city: '洛阳市', county: '宜阳县' });
  const a = new Attributor(c).attribute({ title: '锦屏镇2024年政府信息公开工作年度报告', publisher: '锦屏镇人民政府', siteAgency: row })!;
  assert.equal(a.agency.name, '宜阳县锦屏镇人民政府');
  c.close();
  const cq = catalogWith({ name: '石柱土家族自治县人民政府', division: '500240', province: '重庆市', county: '石柱土家族自治县' });
  const b = cq.attributor.attribute({ title: '县林业局2024年政府信息公开工作年度报告', siteAgency: cq.row })!;
  assert.equal(b.agency.name, '石柱土家族自治县林业局');
  cq.c.close();
});
