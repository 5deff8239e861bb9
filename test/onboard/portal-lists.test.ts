/** seeds/portals/*.txt: every line a portal URL naming its government, and 河南省's list covers the province and every city. */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readPortalList } from '../../src/onboard/portal-list.ts';
import { findDivisions, isWithin } from '../../src/registry/divisions.ts';
import { splitRegionPrefix } from '../../src/registry/normalize.ts';

const DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../seeds/portals');

test('every portal list parses, and every line names a people\'s government marked unverified', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.txt'));
  assert.ok(files.length > 0);
  for (const f of files) {
    const lines = readPortalList(path.join(DIR, f));
    assert.ok(lines.length > 0, f);
    for (const l of lines) assert.match(l.label ?? '', /人民政府 \(unverified\)$/, `${f}: ${l.url}`);
    assert.equal(new Set(lines.map((l) => l.url)).size, lines.length, `${f}: a URL listed twice`);
  }
});

test('henan.txt: the province and each of its prefecture-level cities, once', () => {
  const lines = readPortalList(path.join(DIR, 'henan.txt'));
  const divisions = lines.map((l) => splitRegionPrefix(l.label!.replace(/ \(unverified\)$/, '')).division);
  for (const d of divisions) assert.ok(d && isWithin(d, '410000'), `not in 河南省: ${d}`);
  const cities = findDivisions('河南省')[0]!;
  assert.equal(cities.code, '410000');
  assert.ok(divisions.includes('410000'));
  const want = ['郑州市', '开封市', '洛阳市', '平顶山市', '安阳市', '鹤壁市', '新乡市', '焦作市', '濮阳市', '许昌市', '漯河市', '三门峡市', '南阳市', '商丘市', '信阳市', '周口市', '驻马店市'];
  for (const c of want) assert.ok(divisions.includes(findDivisions(c, { parent: '410000' })[0]!.code), c);
  assert.equal(new Set(divisions).size, divisions.length);
});
