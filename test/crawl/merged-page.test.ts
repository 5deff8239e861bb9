/**
 * A page holding several units' reports one after another (a county's towns' reports in one article, round 43a):
 * cut at the units' headings, each part catalogued as its unit's report, its markup stored as the report's page, its
 * figures extracted from its own part; a page that cannot be cut so is said (`short`), never taken for one report.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { splitMergedPage } from '../../src/crawl/merged-reports.ts';
import { runExtraction } from '../../src/extract/run.ts';
import { exportFigures } from '../../src/export/figures.ts';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf } from '../fixtures/portal/sites/blind/index.ts';
import { detail, esc, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { runHarvest } from '../helpers/harvest.ts';
import { tempDir } from '../helpers/tmp.ts';

const TOWNS = ['宜丰县新昌镇人民政府', '宜丰县潭山镇人民政府', '宜丰县芳溪镇人民政府'];
const heading = (unit: string, year = 2023) => `${unit}${year}年政府信息公开工作年度报告`;
const body = (unit: string) => reportText(unit, '2023年');
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

test("a page's units' parts, whatever holds their headings; each part its own text only", () => {
  const variants: [string, string][] = [
    // Headings as centred bold paragraphs after an introduction, empty paragraphs between the parts.
    [
      'paragraphs',
      `<div id="zoom"><p>现将我县各乡镇2023年政府信息公开工作年度报告汇总公布如下。</p>${TOWNS.map(
        (u) => `<p><br></p><p style="text-align:center"><strong><span>${heading(u)}</span></strong></p>${body(u)}`,
      ).join('')}</div>`,
    ],
    // <h3> headings numbered (一、…), KindEditor's page-break rules between the parts.
    ['numbered h3', `<div class="TRS_Editor">${TOWNS.map((u, i) => `${i ? '<hr class="ke-pagebreak">' : ''}<h3>${'一二三'[i]}、${heading(u)}</h3>${body(u)}`).join('')}</div>`],
    // Each part in a block of its own, its heading inside.
    ['blocks', `<div class="article">${TOWNS.map((u) => `<div class="unit"><h2>${heading(u)}</h2><div class="txt">${body(u)}</div></div>`).join('')}</div>`],
  ];
  for (const [name, markup] of variants) {
    const parts = splitMergedPage(page('宜丰县人民政府', '宜丰县乡镇2023年政府信息公开工作年度报告', `<h1>宜丰县乡镇2023年政府信息公开工作年度报告</h1>${markup}`), TOWNS);
    assert.ok(parts, name);
    assert.deepEqual(
      parts.map((p) => [p.unit, p.year, p.heading]),
      TOWNS.map((u) => [u, 2023, heading(u)]),
      name,
    );
    parts.forEach((p, i) => {
      const text = textOf(p.html);
      assert.match(text, new RegExp(`现公布${TOWNS[i]}|${TOWNS[i]}`), name);
      for (const other of TOWNS.filter((_, j) => j !== i)) assert.ok(!text.includes(other), `${name}: part ${i} holds ${other}'s text`);
      assert.ok(!text.includes('汇总公布如下'), `${name}: the introduction is no unit's`);
      assert.match(p.html, new RegExp(`<title>${heading(TOWNS[i]!)}</title>`), name);
    });
  }
});

test('a page that cannot be cut at its headings is not cut', () => {
  // The headings are no elements of their own (lines of one paragraph).
  const lines = `<div id="zoom"><p>${TOWNS.map((u) => `${heading(u)}<br>${textOf(body(u))}<br>`).join('')}</p></div>`;
  assert.equal(splitMergedPage(page('宜丰县人民政府', '汇总', lines), TOWNS), null);
  // A part with no report's text under its heading (a heading over a line saying where the report is).
  const pointers = `<div id="zoom">${TOWNS.map((u, i) => `<h3>${heading(u)}</h3>${i ? '<p>详见附件。</p>' : body(u)}`).join('')}</div>`;
  assert.equal(splitMergedPage(page('宜丰县人民政府', '汇总', pointers), TOWNS), null);
  // One unit only under its heading: one report, no parts.
  assert.equal(splitMergedPage(page('宜丰县人民政府', '汇总', `<h3>${heading(TOWNS[0]!)}</h3>${body(TOWNS[0]!)}`), TOWNS), null);
});

const DOCS = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../fixtures/docs');
const realBody = (id: string) => readFileSync(path.join(DOCS, `${id}.body.html`), 'utf8').replace(/<h2[^>]*>[\s\S]*?<\/h2>/g, '');
const expectedFigures = (id: string) => (JSON.parse(readFileSync(path.join(DOCS, 'expected', `${id}.json`), 'utf8')) as { figures: Record<string, number | null> }).figures;

/** A county whose 年报 column lists its own report and one article holding two towns' reports (r000's and r001's bodies). */
function mergedPortal(): BlindPortal {
  const site = '宜丰县人民政府';
  const merged = '/zwgk/ndbg/202401/t20240125_301.html';
  const own = '/zwgk/ndbg/202401/t20240120_300.html';
  const towns = { r000: TOWNS[0]!, r001: TOWNS[1]! };
  const mergedBody = `<p>现将我县各乡镇2023年政府信息公开工作年度报告公布如下。</p>${Object.entries(towns)
    .map(([id, u]) => `<p style="text-align:center"><strong>${heading(u)}</strong></p>${realBody(id)}`)
    .join('<p><br></p>')}`;
  const list = `<ul class="list"><li><a href="${merged}">宜丰县各乡镇2023年政府信息公开工作年度报告</a><span>2024-01-25</span></li><li><a href="${own}">${esc(heading(site))}</a><span>2024-01-20</span></li></ul>`;
  return {
    id: 'merged-towns',
    pattern: "a county's towns' reports one after another in one article",
    agency: { name: site, division: '360924', level: 'county', province: '江西省', city: '宜春市', county: '宜丰县' },
    seedPath: '/zwgk/ndbg/index.html',
    expected: [
      { agency: site, year: 2023 },
      { agency: TOWNS[0]!, year: 2023 },
      { agency: TOWNS[1]!, year: 2023 },
    ],
    routes: {
      'GET /zwgk/ndbg/index.html': { body: page(site, '政府信息公开年报', list) },
      [`GET ${merged}`]: { body: detail(site, { title: '宜丰县各乡镇2023年政府信息公开工作年度报告', publisher: '宜丰县人民政府办公室', date: '2024-01-25', body: mergedBody }) },
      [`GET ${own}`]: { body: detail(site, { title: heading(site), publisher: '宜丰县人民政府办公室', date: '2024-01-20', body: body(site) }) },
    },
  };
}

test("crawl → extract: each town's part of the article is its report, its figures its own; the next run asks nothing again", async () => {
  const p = mergedPortal();
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  after(() => portal.close());
  const dir = tempDir();
  const seedsFile = path.join(dir, 'seeds.yaml');
  writeFileSync(seedsFile, blindSeedsYaml(portal.urls, [p]));
  const storage = path.join(dir, 'storage');
  const first = await runHarvest(storage, seedsFile);
  assert.equal(first.stats.newReports, 3);

  const catalog = Catalog.open(storagePaths(storage).catalog);
  try {
    await runExtraction(catalog, storage, { pool: { concurrency: 1 } });
    const out = path.join(dir, 'figures.csv');
    assert.equal(await exportFigures(catalog, out, {}), 3);
    const rows = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
    const byAgency = new Map(rows.map((r) => [r.agency, r]));
    assert.deepEqual([...byAgency.keys()].sort(), ['宜丰县人民政府', ...TOWNS.slice(0, 2)].sort());
    for (const [id, town] of [['r000', TOWNS[0]!], ['r001', TOWNS[1]!]] as const) {
      const row = byAgency.get(town)!;
      assert.equal(row.status, 'extracted', `${town}: ${row.reason}`);
      assert.match(row.report_url ?? '', /t20240125_301\.html#nianbao-part=/);
      for (const [key, value] of Object.entries(expectedFigures(id))) {
        const cell = row[key];
        assert.equal(cell === '' ? null : Number(cell), value, `${town} ${key}`);
      }
    }
  } finally {
    catalog.close();
  }

  // The next run: the article is a known report page, not due again; its parts' reports are seen.
  portal.log.length = 0;
  const second = await runHarvest(storage, seedsFile);
  assert.equal(second.stats.newReports, 0);
  assert.ok(!portal.log.some((r) => r.url.includes('t20240125_301')), 'the article was asked again');
});
