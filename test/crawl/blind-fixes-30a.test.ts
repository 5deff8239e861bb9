/**
 * Round 30a's fixes (docs/blind-portals.md, "Round 30a"), each on hand-made input. An old county template cuts every
 * list title at a fixed length with no `title=` attribute, so a department's report may show only
 * "林周县农业农村局2024年政府..": cut inside 政府信息公开, right after the year, it was "not a report" and never opened.
 * And a town's report titled with the town alone ("春堆乡2024年…") on a page whose 来源 names the town bare was
 * catalogued under the bare town (林周县春堆乡), not its government (林周县春堆乡人民政府) as every other round names it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Attributor, townAsGovernment } from '../../src/crawl/attribution.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';

test('a title cut inside 政府信息公开 right after its year is a maybe: its page decides', () => {
  for (const t of ['林周县农业农村局2024年政府..', '某县财政局2023年度政务…', '甘丹曲果镇2024年政..', '某县2024年信息...']) {
    const v = classifyTitle(t);
    assert.equal(v.isReport, false, t);
    assert.equal(v.maybe, true, `${t}: ${v.reason}`);
  }
  // Cut later, as before: the report suffix far enough is a report, short of it a maybe.
  assert.equal(classifyTitle('林周县2024年政府信息公开工作年度..').isReport, true);
  assert.equal(classifyTitle('林周县2024年政府信息公开工..').maybe, true);
  // A bare year at the cut, other words after the year, an uncut title: no maybe.
  for (const t of ['林周县2024年..', '林周县2024年春耕生产..', '某县2024年政府工作报告..', '林周县农业农村局2024年政府']) {
    assert.notEqual(classifyTitle(t).maybe, true, t);
    assert.equal(classifyTitle(t).isReport, false, t);
  }
});

test('a town named bare in a report’s title is its government, whatever its page’s publisher says', () => {
  assert.equal(townAsGovernment('春堆乡'), '春堆乡人民政府');
  assert.equal(townAsGovernment('林周县甘丹曲果镇'), '林周县甘丹曲果镇人民政府');
  assert.equal(townAsGovernment('巴彦温都尔苏木'), '巴彦温都尔苏木人民政府');
  assert.equal(townAsGovernment('城关街道'), '城关街道办事处');
  // Names that are no bare town: as they are.
  for (const n of ['林周县农业农村局', '春堆乡人民政府', '城关街道办事处', '林周县', null]) assert.equal(townAsGovernment(n), n);

  const c = Catalog.open(':memory:');
  const county = c.agencies.upsert({ name: '林周县人民政府', nameKey: '林周县人民政府', division: '540121', level: 'county', province: '西藏自治区', city: '拉萨市', county: '林周县' });
  const at = new Attributor(c);
  // 来源：春堆乡 (bare), or no publisher at all.
  const a = at.attribute({ title: '春堆乡2024年政府信息公开工作年度报告', publisher: '春堆乡', siteAgency: county })!;
  assert.deepEqual([a.agency.name, a.agency.division, a.year, a.via], ['林周县春堆乡人民政府', '540121', 2024, 'title']);
  const b = at.attribute({ title: '甘丹曲果镇2024年政府信息公开工作年度报告', siteAgency: county })!;
  assert.equal(b.agency.name, '林周县甘丹曲果镇人民政府');
  // The same township's report of another year titled with its government's name is the same agency's.
  assert.equal(at.attribute({ title: '春堆乡人民政府2023年政府信息公开工作年度报告', siteAgency: county })!.agency.id, a.agency.id);
  // A bureau and the county itself are untouched.
  assert.equal(at.attribute({ title: '林周县农业农村局2024年政府信息公开工作年度报告', siteAgency: county })!.agency.name, '林周县农业农村局');
  assert.equal(at.attribute({ title: '林周县2024年政府信息公开工作年度报告', siteAgency: county })!.agency.id, county.id);
  c.close();
});
