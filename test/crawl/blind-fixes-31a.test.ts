/**
 * Round 31a's fix (docs/blind-portals.md, "Round 31a"), on hand-made input. An older county site titles its
 * departments' reports by the short name the county uses every day ("【县卫健局】2024年度政府信息公开工作年度报告"), the
 * full name only on the page's 来源 line ("门源回族自治县卫生健康局"): the short name was made an agency of its own,
 * 门源回族自治县卫健局, beside the bureau its other pages sign.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { spelledOutByPublisher } from '../../src/crawl/short-agency-name.ts';

test('a title naming a bureau by its short name is the page publisher’s report when the publisher spells it out', () => {
  const site = '632221';
  assert.equal(spelledOutByPublisher('县卫健局', '门源回族自治县卫生健康局', site), '门源回族自治县卫生健康局');
  assert.equal(spelledOutByPublisher('门源县人社局', '门源回族自治县人力资源和社会保障局', site), '门源回族自治县人力资源和社会保障局');
  assert.equal(spelledOutByPublisher('县林草局', '门源回族自治县 林业和草原局', site), '门源回族自治县林业和草原局');
  // Not a contraction, another kind of body, another region, no publisher, the full name already: as written.
  assert.equal(spelledOutByPublisher('县教育局', '门源回族自治县卫生健康局', site), '县教育局');
  assert.equal(spelledOutByPublisher('县卫健局', '门源回族自治县卫生健康委员会', site), '县卫健局');
  assert.equal(spelledOutByPublisher('县政府', '门源回族自治县人民政府办公室', site), '县政府');
  assert.equal(spelledOutByPublisher('祁连县卫健局', '门源回族自治县卫生健康局', site), '祁连县卫健局');
  assert.equal(spelledOutByPublisher('县卫健局', null, site), '县卫健局');
  assert.equal(spelledOutByPublisher('门源回族自治县教育局', '门源回族自治县教育局', site), '门源回族自治县教育局');

  const c = Catalog.open(':memory:');
  const county = c.agencies.upsert({ name: '门源回族自治县人民政府', nameKey: '门源回族自治县人民政府', division: site, level: 'county', province: '青海省', city: '海北藏族自治州', county: '门源回族自治县' });
  const at = new Attributor(c);
  const a = at.attribute({ title: '【县卫健局】2024年度政府信息公开工作年度报告', publisher: '门源回族自治县卫生健康局', siteAgency: county })!;
  assert.deepEqual([a.agency.name, a.agency.division, a.year, a.via], ['门源回族自治县卫生健康局', site, 2024, 'title']);
  // The bureau's report of another year titled in full is the same agency's.
  assert.equal(at.attribute({ title: '门源回族自治县卫生健康局2023年政府信息公开工作年度报告', siteAgency: county })!.agency.id, a.agency.id);
  // The county's own report published by its office: still the county's.
  assert.equal(at.attribute({ title: '门源县2024年政府信息公开工作年度报告', publisher: '门源回族自治县人民政府办公室', siteAgency: county })!.agency.id, county.id);
  c.close();
});
