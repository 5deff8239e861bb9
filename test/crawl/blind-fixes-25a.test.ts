/**
 * Round 25a's fixes (docs/blind-portals.md, "Round 25a"), each on hand-made input. Every report of round 25a's
 * portals was found; what was wrong was two agencies and a flag: a report titled by the customary short form of an
 * autonomous county ("彭水自治县林业局…") was catalogued under the county's full name and the short form run together;
 * a report titled with the body's second name in brackets ("北京市园林绿化局（首都绿化委员会办公室）2023年…") under both
 * names run together; and an old county list whose 热点文章 box links the list's own items first, with cut titles and
 * no date, was counted short of its "共11条" (the items kept the box's undated link), a complete seed flagged `short`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { agencyFromTitle } from '../../src/crawl/classify/agency.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';
import { findDivisions } from '../../src/registry/divisions.ts';
import { splitRegionPrefix } from '../../src/registry/normalize.ts';

test('an autonomous county written by its stem (彭水自治县, 彭水县) is that county, and a body it names is catalogued under the full name', () => {
  // The short forms place a name like the full one, for every autonomous county whose stem has two characters or more.
  for (const [short, code] of [
    ['彭水自治县', '500243'],
    ['彭水县', '500243'],
    ['积石山县', '622927'],
    ['三都自治县', '522732'],
    ['莫力达瓦旗', '150722'],
  ] as const) {
    assert.deepEqual(findDivisions(short).map((d) => d.code), [code], short);
  }
  assert.deepEqual([splitRegionPrefix('彭水自治县林业局').division, splitRegionPrefix('彭水自治县林业局').rest], ['500243', '林业局']);
  // A name that is no autonomous county's is not made one (东乡族自治县 has no stem; 彭水 alone names nothing).
  assert.deepEqual(findDivisions('东乡县').map((d) => d.code), []);
  assert.deepEqual(findDivisions('彭水').map((d) => d.code), []);

  const c = Catalog.open(':memory:');
  const county = c.agencies.upsert({ name: '彭水苗族土家族自治县人民政府', nameKey: '彭水苗族土家族自治县人民政府', division: '500243', level: 'county', province: '重庆市', city: '重庆市', county: '彭水苗族土家族自治县' });
  const attributor = new Attributor(c);
  const got = [
    '彭水自治县林业局2023年政府信息公开工作年度报告',
    '彭水苗族土家族自治县林业局2024年政府信息公开工作年度报告',
    '彭水县教育委员会2024年政府信息公开工作年度报告',
    '彭水苗族土家族自治县汉葭街道办事处2024年政府信息公开工作年度报告',
  ].map((title) => attributor.attribute({ title, siteAgency: county })!);
  assert.deepEqual(
    got.map((a) => [a.agency.name, a.agency.division, a.year]),
    [
      ['彭水苗族土家族自治县林业局', '500243', 2023],
      ['彭水苗族土家族自治县林业局', '500243', 2024],
      ['彭水苗族土家族自治县教育委员会', '500243', 2024],
      ['彭水苗族土家族自治县汉葭街道办事处', '500243', 2024],
    ],
  );
  // One agency for the bureau whichever way a title writes the county; the short form kept as its alias.
  assert.equal(got[0]!.agency.id, got[1]!.agency.id);
  assert.ok(c.agencies.aliases(got[0]!.agency.id).some((a) => a.alias === '彭水自治县林业局'));
  // The county's own report titled by its short form is the county government's.
  const own = attributor.attribute({ title: '彭水自治县2024年政府信息公开工作年度报告', siteAgency: county })!;
  assert.equal(own.agency.id, county.id);
  c.close();
});

test('a body’s second name in brackets after its first is no part of the agency’s name; other brackets are read as before', () => {
  assert.equal(agencyFromTitle('北京市园林绿化局（首都绿化委员会办公室）2023年政府信息公开工作年度报告'), '北京市园林绿化局');
  assert.equal(agencyFromTitle('某市科学技术局(某市外国专家局)关于2023年政府信息公开工作年度报告'), '某市科学技术局');
  assert.equal(agencyFromTitle('【某县市场监督管理局】2023年政府信息公开工作年度报告'), '某县市场监督管理局');
  assert.equal(agencyFromTitle('某县人民政府（2023年）政府信息公开工作年度报告'), '某县人民政府');
  assert.equal(agencyFromTitle('《某县教育局2023年政府信息公开工作年度报告》'), '某县教育局');
});

test('a link met again completes the item of its first sighting: a 热点 box of cut, undated titles ahead of the list does not hide the rows’ dates and titles', () => {
  const hot = `<table class="hotbox"><tr><td class="lt">热点文章</td></tr>
<tr><td>·<a href="/xxgk/ndbg/2025/0109/1540.htm">某县2025年政务公开工…</a></td></tr>
<tr><td>·<a href="/xxgk/ndbg/2025/0120/1587.htm">某县人民政府2024年政...</a></td></tr></table>`;
  const list = `<table class="list">
<tr><td><img src="/images/dot.gif"></td><td><a href="/xxgk/ndbg/2025/0120/1587.htm">某县人民政府2024年政府信息公开工作年度报告</a></td><td>2025-1-20</td></tr>
<tr><td><img src="/images/dot.gif"></td><td><a href="/xxgk/ndbg/2025/0109/1540.htm">某县2025年政务公开工作要点</a></td><td>2025-1-9</td></tr>
<tr><td><img src="/images/dot.gif"></td><td><a href="/xxgk/ndbg/2024/0122/1033.htm">某县人民政府2023年政府信息公开工作年度报告</a></td><td>2024-1-22</td></tr>
</table>`;
  const items = parseListItems(`<html><body>${hot}${list}</body></html>`, 'http://gov.example/xxgk/ndbg/index.htm');
  assert.deepEqual(
    items.map((i) => [i.title, new URL(i.url).pathname, i.date]),
    [
      ['某县2025年政务公开工作要点', '/xxgk/ndbg/2025/0109/1540.htm', '2025-01-09'],
      ['某县人民政府2024年政府信息公开工作年度报告', '/xxgk/ndbg/2025/0120/1587.htm', '2025-01-20'],
      ['某县人民政府2023年政府信息公开工作年度报告', '/xxgk/ndbg/2024/0122/1033.htm', '2024-01-22'],
    ],
  );
  // A link met again whose first sighting was whole and dated stands as it was (a later menu's wording changes nothing).
  const twice = parseListItems(
    `<ul><li><a href="/a/1.htm">某县人民政府2024年政府信息公开工作年度报告</a><span>2025-01-20</span></li></ul><div class="more"><li><a href="/a/1.htm">某县人民政府2024年政府信息公开工作年度报告（全文）</a><span>2025-01-21</span></li></div>`,
    'http://gov.example/a/',
  );
  assert.deepEqual(
    twice.map((i) => [i.title, i.date]),
    [['某县人民政府2024年政府信息公开工作年度报告', '2025-01-20']],
  );
});
