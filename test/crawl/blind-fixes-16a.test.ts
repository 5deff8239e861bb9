/**
 * Round 16a of the blind portals, on hand-made input: a city's column listing the reports of bodies whose names put
 * the region after a system's or the party's name (国家税务总局…市税务局, 中共…市委…办公室): each is catalogued under its
 * name as written, in the region it names, never with the site's region stuck in front.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Attributor, governmentOf } from '../../src/crawl/attribution.ts';
import { splitRegionPrefix } from '../../src/registry/normalize.ts';

const LUOYANG = { name: '洛阳市人民政府', nameKey: '洛阳市人民政府', division: '410300', level: 'city' as const, province: '河南省', city: '洛阳市', county: null };

test('a body named after its system (国家税务总局, 中共 …) is placed in the region written after that name', () => {
  assert.deepEqual(splitRegionPrefix('国家税务总局洛阳市税务局'), { system: '国家税务总局', division: '410300', rest: '税务局', province: '河南省', city: '洛阳市' });
  const party = splitRegionPrefix('中共新安县委宣传部', { division: '410300' });
  assert.deepEqual([party.system, party.division, party.county], ['中共', '410323', '新安县']);
  // No region after the system's name: as before (the site's region, the whole name kept as the rest).
  assert.deepEqual(splitRegionPrefix('中共中央办公厅', { division: '410300' }).rest, '中共中央办公厅');
  assert.equal(governmentOf('国家税务总局洛阳市'), null, 'a system with a region names no government');
});

test("a city's column: the party office's and the tax bureau's reports keep their names, in the region they name", () => {
  const c = Catalog.open(':memory:');
  const site = c.agencies.upsert(LUOYANG);
  const attributor = new Attributor(c);
  const of = (title: string) => attributor.attribute({ title, siteAgency: site })!;
  const party = of('中共洛阳市委机构编制委员会办公室2023年政府信息公开工作年度报告');
  const tax = of('国家税务总局洛阳市税务局2023年政府信息公开工作年度报告');
  const countyTax = of('国家税务总局新安县税务局2022年政府信息公开工作年度报告');
  assert.deepEqual(
    [party, tax, countyTax].map((a) => [a.agency.name, a.agency.division, a.year, a.discovered]),
    [
      ['中共洛阳市委机构编制委员会办公室', '410300', 2023, true],
      ['国家税务总局洛阳市税务局', '410300', 2023, true],
      ['国家税务总局新安县税务局', '410323', 2022, true],
    ],
  );
  assert.equal(countyTax.agency.county, '新安县');
  // The next sighting of the same body (another year, the short party form) is the same agency.
  assert.equal(of('中共洛阳市委机构编制委员会办公室2021年政府信息公开工作年度报告').agency.id, party.agency.id);
  assert.equal(of('洛阳市委机构编制委员会办公室2020年政府信息公开工作年度报告').agency.id, party.agency.id);
  // Names that start with their region are read as before.
  assert.equal(of('洛阳市教育局2023年政府信息公开工作年度报告').agency.name, '洛阳市教育局');
  c.close();
});
