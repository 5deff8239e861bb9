/**
 * Round 55's change and its follow-up (docs/blind-portals.md, round 55); the blind portals themselves are crawled
 * whole by the blind parts. A list linking files under titles the server cut short ("房县农业农村局2024年度政府信息公开工…"
 * over 点击下载, fangxian) cannot tell a report's PDF from a 工作要点's by the list: each file's first page names it
 * (crawl/file-title.ts). A report's is catalogued under its whole title, a 工作要点's is not; one whose first page says
 * nothing readable (a scan) is not guessed at, and the seed says so (`short`, naming it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf } from '../fixtures/portal/sites/blind/index.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';
import { crawlAsUser, type SeedHealth } from './blind-crawl.ts';
import { textPdf } from './text-pdf.ts';

/** A PDF with no text layer (a scan's pages are pictures): nothing on its first page to read. */
const scanPdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

function cutFilesPortal(): BlindPortal {
  const site = '房县农业农村局';
  const cut = (t: string) => `${t.slice(0, 20)}…`;
  const full = (y: number) => `${site}${y}年度政府信息公开工作年度报告`;
  const points = `${site}2025年度政府信息公开工作要点`;
  // Titles wrapped over two lines, as a report's cover page sets them.
  const cover = (title: string) => [title.slice(0, 18), title.slice(18), '', '一、总体情况', '根据《中华人民共和国政府信息公开条例》，现公布本年度报告。'];
  return {
    id: 'cut-files',
    pattern: 'files under titles cut at 20 characters',
    agency: { name: site, division: '420325', level: 'county', province: '湖北省', city: '十堰市', county: '房县' },
    seedPath: '/nb/index.jhtml',
    expected: [2022, 2023, 2024].map((year) => ({ agency: site, year })),
    routes: {
      'GET /nb/index.jhtml': {
        body: page(site, '政府信息公开年报', `<ul class="list">
<li><span>${cut(points)}</span><a href="/u/cms/www/202503/p1.pdf">点击下载</a><span>2025-03-01</span></li>
<li><span>${cut(full(2024))}</span><a href="/u/cms/www/202501/a1.pdf">点击下载</a><span>2025-01-21</span></li>
<li><a href="/nb/5801.jhtml">${cut(full(2023))}</a><span>2024-01-20</span></li>
<li><span>${cut(full(2022))}</span><a href="/u/cms/www/202301/s1.pdf">点击下载</a><span>2023-01-18</span></li></ul>`),
      },
      'GET /u/cms/www/202501/a1.pdf': { type: 'application/pdf', body: textPdf(cover(full(2024))) },
      'GET /u/cms/www/202503/p1.pdf': { type: 'application/pdf', body: textPdf(cover(points)) },
      'GET /u/cms/www/202301/s1.pdf': { type: 'application/pdf', body: scanPdf },
      'GET /nb/5801.jhtml': { body: detail(site, { title: full(2023), publisher: site, date: '2024-01-20', body: reportText(site, '2023年度') }) },
    },
  };
}

test("a file under a title cut short is read by its first page: a report's catalogued, a 工作要点's not, a scan's said", { timeout: 300_000 }, async () => {
  const portal = cutFilesPortal();
  const run = await crawlAsUser([portal]);
  try {
    // 2024 read off its PDF's cover (its title wrapped over two lines), its file stored; the 工作要点 neither; 2022's
    // scan shows no title: not guessed at, and said.
    assert.deepEqual(run.found.get(portal.id), [`${portal.agency.name} 2023`, `${portal.agency.name} 2024`]);
    assert.deepEqual(run.attachments.get(portal.id), ['/u/cms/www/202501/a1.pdf']);
    const seed = run.seeds[0]!;
    assert.deepEqual(seed.flags, ['short'], JSON.stringify(seed));
    assert.match(seed.last.reason ?? '', /title cut short .*s1\.pdf/);
    assert.doesNotMatch(seed.last.reason ?? '', /a1\.pdf|p1\.pdf/);
  } finally {
    await run.portal.close();
  }
});

test('a second run asks no file read before: the 工作要点 is not said again, the scan still is, unfetched', { timeout: 300_000 }, async () => {
  const portal = cutFilesPortal();
  const served = await startPortal({ sites: blindSitesOf([portal]) });
  try {
    const dir = tempDir('nianbao-cutfiles-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(served.urls, [portal]));
    const storage = path.join(dir, 'storage');
    for (let run = 1; run <= 2; run++) await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const seed = (JSON.parse(status.out) as { seeds: SeedHealth[] }).seeds[0]!;
    assert.deepEqual(seed.flags, ['short'], JSON.stringify(seed));
    assert.match(seed.last.reason ?? '', /s1\.pdf/);
    assert.doesNotMatch(seed.last.reason ?? '', /p1\.pdf|a1\.pdf/);
    const asked = served.log.filter((r) => /\/(?:p1|a1)\.pdf$/.test(r.url)).length;
    assert.equal(asked, 2, 'the report PDF and the 工作要点 asked in the first run only');
    // The scan too: read once, its first page naming nothing, it is said every run without being fetched again.
    assert.equal(served.log.filter((r) => /\/s1\.pdf$/.test(r.url)).length, 1);
  } finally {
    await served.close();
  }
});
