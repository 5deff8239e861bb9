// The five seed reports end to end: title → report? year, agency → key and division.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { agencyFromTitle } from '../../../src/crawl/classify/agency.ts';
import { classifyTitle } from '../../../src/crawl/classify/title.ts';
import { parseReportYear, yearFromBody } from '../../../src/crawl/classify/year.ts';
import { nameKey, splitRegionPrefix } from '../../../src/registry/normalize.ts';

const SEEDS = fileURLToPath(new URL('../../fixtures/seed-reports', import.meta.url));

/** The title is the text before the body starts: everything up to the first …年度报告. */
function seedTitle(file: string): { title: string; body: string } {
  const text = readFileSync(`${SEEDS}/${file}`, 'utf8');
  const end = text.indexOf('年度报告') + '年度报告'.length;
  return { title: text.slice(0, end).trim(), body: text.slice(end) };
}

const seeds = [
  { file: '000_63f97703c14ade5e.txt', year: 2023, agency: '宜春市国防动员办公室', site: '360900', division: '360900', bodyYear: 2023 },
  { file: '001_48c53b98b73b857d.txt', year: 2023, agency: '周口市人防办', site: '411600', division: '411600', bodyYear: null },
  { file: '002_1ca38ed984bb0ea6.txt', year: 2023, agency: '山东省国防动员办公室', site: '370000', division: '370000', bodyYear: null },
  { file: '003_56f5555d755fa9b7.txt', year: 2024, agency: '涧西区国防动员办公室', site: '410300', division: '410305', bodyYear: null },
  { file: '004_e977dd9236f09c29.txt', year: 2020, agency: '宜春市人民防空办公室', site: '360900', division: '360900', bodyYear: 2020 },
] as const;

for (const seed of seeds) {
  test(`seed ${seed.file.slice(0, 3)}: ${seed.agency} ${seed.year}`, () => {
    const { title, body } = seedTitle(seed.file);
    assert.equal(classifyTitle(title).isReport, true);
    assert.equal(parseReportYear(title), seed.year);
    assert.equal(yearFromBody(body), seed.bodyYear);
    assert.equal(agencyFromTitle(title), seed.agency);
    assert.equal(splitRegionPrefix(seed.agency, { division: seed.site }).division, seed.division);
  });
}

test('seeds: the 周口 title abbreviation keys like the name in its body', () => {
  assert.equal(nameKey('周口市人防办'), nameKey('周口市人民防空办公室'));
  // the body's 市国动办 is the renamed office on the 周口 site
  const body = splitRegionPrefix('市国动办', { division: '411600' });
  assert.equal(body.division, '411600');
  assert.equal(nameKey(body.rest), '国防动员办公室');
});
