// Attribution on title shapes seen on real portals (public list pages of TRS and per-year aggregator sites), written here in
// our own words: the agency comes from the title, then the publisher field, then the document's heading, and only
// then from the seed, which is recorded as such.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import type { AgencyRow } from '../../src/catalog/agencies.ts';
import { absoluteName, Attributor, governmentOf } from '../../src/crawl/attribution.ts';

function catalogWith(...agencies: { name: string; division: string; level: 'province' | 'city' | 'county'; province: string; city?: string; county?: string; aliases?: string[] }[]) {
  const c = Catalog.open(':memory:');
  const rows: AgencyRow[] = agencies.map((a) => {
    const row = c.agencies.upsert({ name: a.name, nameKey: a.name, division: a.division, level: a.level, province: a.province, city: a.city ?? null, county: a.county ?? null });
    for (const alias of a.aliases ?? []) c.agencies.addAlias(row.id, { alias, nameKey: alias });
    return row;
  });
  return { c, rows, attributor: new Attributor(c) };
}

const ORDOS_ZONE = { name: '鄂尔多斯市恩格贝生态示范区管理委员会', division: '150600', level: 'city' as const, province: '内蒙古自治区', city: '鄂尔多斯市' };
const LUOYANG = { name: '洛阳市人民政府', division: '410300', level: 'city' as const, province: '河南省', city: '洛阳市' };
const HEDONG = { name: '天津市河东区人民政府', division: '120102', level: 'county' as const, province: '天津市', city: '天津市', county: '河东区' };

test('a TRS column of a zone lists the city’s, its office’s and the region’s reports: each is its own agency, none the site owner', () => {
  const { c, rows, attributor } = catalogWith(ORDOS_ZONE);
  const site = rows[0]!;
  const got = [
    '鄂尔多斯市2019年政府信息公开工作年度报告',
    '鄂尔多斯市人民政府办公室2019年政府信息公开工作年度报告',
    '鄂尔多斯市2018年政府信息公开年度报告',
    '内蒙古自治区2018年政府信息公开工作年度报告',
  ].map((title) => attributor.attribute({ title, siteAgency: site })!);
  assert.deepEqual(
    got.map((a) => [a.agency.name, a.year, a.via]),
    [
      ['鄂尔多斯市人民政府', 2019, 'title'],
      ['鄂尔多斯市人民政府办公室', 2019, 'title'],
      ['鄂尔多斯市人民政府', 2018, 'title'],
      ['内蒙古自治区人民政府', 2018, 'title'],
    ],
  );
  assert.ok(got.every((a) => a.agency.id !== site.id && a.agency.discovered));
  // The city's two years are one agency; the region is placed in its own division, not the site's.
  assert.equal(got[0]!.agency.id, got[2]!.agency.id);
  assert.equal(got[3]!.agency.division, '150000');
  assert.equal(got[1]!.agency.division, '150600');
  // The bare region name as written is kept as an alias, so the next sighting finds the same agency.
  assert.ok(c.agencies.aliases(got[0]!.agency.id).some((a) => a.alias === '鄂尔多斯市'));
  c.close();
});

test('an aggregator government’s column: each department’s report goes to the department, by title, publisher or heading', () => {
  const { c, rows, attributor } = catalogWith(LUOYANG);
  const site = rows[0]!;
  const byTitle = attributor.attribute({ title: '洛阳市统计局2023年政府信息公开工作年度报告', siteAgency: site })!;
  assert.deepEqual([byTitle.agency.name, byTitle.via, byTitle.discovered], ['洛阳市统计局', 'title', true]);
  const byPublisher = attributor.attribute({ title: '2023年政府信息公开工作年度报告', publisher: '洛阳市教育局', siteAgency: site })!;
  assert.deepEqual([byPublisher.agency.name, byPublisher.via], ['洛阳市教育局', 'publisher']);
  const byHeading = attributor.attribute({
    title: '2023年度政府信息公开工作年度报告',
    publisher: '本网',
    bodyText: '洛阳市涧西区人民政府 2023 年政府信息公开工作年度报告 本报告由涧西区人民政府办公室编制。',
    siteAgency: site,
  })!;
  assert.deepEqual([byHeading.agency.name, byHeading.via, byHeading.agency.division], ['洛阳市涧西区人民政府', 'document', '410305']);
  // The list's link text names the agency when the page's own title does not.
  const fromList = attributor.attribute({ title: '2023年政府信息公开工作年度报告', otherTitles: ['洛阳市民政局2023年政府信息公开工作年度报告'], siteAgency: site })!;
  assert.deepEqual([fromList.agency.name, fromList.via], ['洛阳市民政局', 'title']);
  // Four departments, four agencies: nothing merged under the site's.
  assert.equal(new Set([byTitle, byPublisher, byHeading, fromList].map((a) => a.agency.id)).size, 4);
  assert.ok([byTitle, byPublisher, byHeading, fromList].every((a) => a.agency.id !== site.id));
  c.close();
});

test('"我局" names nobody: the publisher or the heading decides, and only then the seed, recorded as a fallback', () => {
  const { c, rows, attributor } = catalogWith(LUOYANG);
  const site = rows[0]!;
  const narrative = '根据《中华人民共和国政府信息公开条例》，现将我局2023年政府信息公开工作年度报告公布如下。';
  const withPublisher = attributor.attribute({ title: '我局2023年政府信息公开工作年度报告', publisher: '洛阳市民政局', bodyText: narrative, siteAgency: site })!;
  assert.deepEqual([withPublisher.agency.name, withPublisher.via], ['洛阳市民政局', 'publisher']);
  const nothing = attributor.attribute({ title: '我局2023年政府信息公开工作年度报告', publisher: '本站', bodyText: narrative, siteAgency: site })!;
  assert.deepEqual([nothing.agency.id, nothing.via, nothing.year], [site.id, 'seed', 2023]);
  c.close();
});

test('relative names: 区政府… is read in the seed’s district when the seed is one, else the publisher decides', () => {
  const district = catalogWith(HEDONG);
  const a = district.attributor.attribute({ title: '区政府政务服务办2022年政府信息公开工作年度报告', siteAgency: district.rows[0]! })!;
  // Spelled out as the seed (天津市河东区人民政府) writes its district: with the municipality (round 39a); 政务服务办 in full.
  assert.deepEqual([a.agency.name, a.via, a.agency.division], ['天津市河东区政府政务服务办公室', 'title', '120102']);
  const city = catalogWith(LUOYANG);
  // On a city's site "区" could be any district: the title is not used, the publisher is.
  const b = city.attributor.attribute({ title: '区政府政务服务办2022年政府信息公开工作年度报告', publisher: '洛阳市西工区政务服务办公室', siteAgency: city.rows[0]! })!;
  assert.deepEqual([b.agency.name, b.via], ['洛阳市西工区政务服务办公室', 'publisher']);
  const c = city.attributor.attribute({ title: '区政府政务服务办2022年政府信息公开工作年度报告', siteAgency: city.rows[0]! })!;
  assert.equal(c.via, 'seed');
  // 市 on a city's site is that city.
  const d = city.attributor.attribute({ title: '市统计局2023年政府信息公开工作年度报告', siteAgency: city.rows[0]! })!;
  assert.deepEqual([d.agency.name, d.via], ['洛阳市统计局', 'title']);
  district.c.close();
  city.c.close();
});

test('a registry agency is found by its old name or short form; the name as written becomes an alias', () => {
  const { c, rows, attributor } = catalogWith({ name: '宜春市国防动员办公室', division: '360900', level: 'city', province: '江西省', city: '宜春市', aliases: ['宜春市人民防空办公室'] });
  const site = rows[0]!;
  for (const title of ['宜春市人民防空办公室2020年政府信息公开工作年度报告', '宜春市人防办 2021 年政府信息公开工作年度报告', '宜春市国防动员办公室\n\n2023 年政府信息公开工作年度报告']) {
    const a = attributor.attribute({ title, siteAgency: site })!;
    assert.deepEqual([a.agency.id, a.via, a.discovered], [site.id, 'title', false], title);
  }
  c.close();
});

test('a title with no year and a body with no statistics period is no report', () => {
  const { c, rows, attributor } = catalogWith(LUOYANG);
  assert.equal(attributor.attribute({ title: '洛阳市统计局政府信息公开指南', siteAgency: rows[0]! }), null);
  c.close();
});

test('absoluteName and governmentOf', () => {
  assert.equal(absoluteName('区政府政务服务办', '120102'), '河东区政府政务服务办');
  assert.equal(absoluteName('区政府政务服务办', '410300'), null);
  assert.equal(absoluteName('县教育局', '410327'), '宜阳县教育局');
  assert.equal(absoluteName('市场监督管理局', '410300'), '市场监督管理局'); // 市场 is a word, not 市
  assert.equal(absoluteName('洛阳市统计局', '120102'), '洛阳市统计局');
  assert.equal(governmentOf('鄂尔多斯市'), '鄂尔多斯市人民政府');
  assert.equal(governmentOf('内蒙古自治区'), '内蒙古自治区人民政府');
  assert.equal(governmentOf('鄂尔多斯市人民政府办公室'), null);
});

test('a report keeps the most specific attribution any of its pages gave; a seed fallback never replaces a name found', () => {
  const { c, rows } = catalogWith(LUOYANG);
  const id = rows[0]!.id;
  c.reports.sight({ agencyId: id, year: 2023, title: 'T', pageUrl: 'http://h/1.html', attribution: 'seed' });
  assert.equal(c.reports.byAgencyYear(id, 2023)!.attribution, 'seed');
  c.reports.sight({ agencyId: id, year: 2023, title: 'T', pageUrl: 'http://h/2.html', attribution: 'title' });
  c.reports.sight({ agencyId: id, year: 2023, title: 'T', pageUrl: 'http://h/3.html', attribution: 'seed' });
  assert.equal(c.reports.byAgencyYear(id, 2023)!.attribution, 'title');
  c.close();
});

test('a name found without its region is discovered with the site’s region, and never kept as a national alias', () => {
  const yiyang = { name: '宜阳县人民政府', division: '410327', level: 'county' as const, province: '河南省', city: '洛阳市', county: '宜阳县' };
  const { c, rows, attributor } = catalogWith(yiyang, HEDONG);
  const a = attributor.attribute({ title: '教育局2023年政府信息公开工作年度报告', siteAgency: rows[0]! })!;
  assert.deepEqual([a.agency.name, a.agency.division, a.via], ['宜阳县教育局', '410327', 'title']);
  assert.deepEqual(c.agencies.aliases(a.agency.id).map((x) => x.alias), []);
  // The same words on another county's site are that county's bureau, also on a later run (a fresh index).
  const other = new Attributor(c).attribute({ title: '教育局2023年政府信息公开工作年度报告', siteAgency: rows[1]! })!;
  // A municipality's district whose site names itself with the municipality writes its bodies so (round 39a).
  assert.deepEqual([other.agency.name, other.agency.division], ['天津市河东区教育局', '120102']);
  c.close();
});

test('a report whose title, publisher and heading name no agency takes the agency its directory column was named by, before the seed', () => {
  const RONGCHENG = { name: '容城县人民政府', division: '130629', level: 'county' as const, province: '河北省', city: '保定市', county: '容城县' };
  const { rows, attributor } = catalogWith(RONGCHENG);
  const site = rows[0]!;
  const body = '根据《条例》规定，现公布本机关2023年政府信息公开工作年度报告。一、总体情况';
  const town = attributor.attribute({ title: '2023年度政府信息公开工作年度报告', publisher: '本网', bodyText: body, columnAgency: '容城镇', siteAgency: site })!;
  assert.deepEqual([town.agency.name.includes('容城镇'), town.agency.id !== site.id, town.year, town.via], [true, true, 2023, 'title']);
  // The page's publisher still comes first; without a column the seed is the fallback, recorded as such.
  const dept = attributor.attribute({ title: '2023年度政府信息公开工作年度报告', publisher: '容城县教育局', columnAgency: '容城镇', siteAgency: site })!;
  assert.equal(dept.agency.name, '容城县教育局');
  assert.equal(attributor.attribute({ title: '2023年度政府信息公开工作年度报告', siteAgency: site })!.via, 'seed');
});
