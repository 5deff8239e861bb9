/**
 * Round 55's change (docs/blind-portals.md, round 55); the blind portals themselves are crawled whole by the blind
 * parts. A list linking files under titles the server cut short ("房县农业农村局2024年度政府信息公开工…" over 点击下载,
 * fangxian) cannot tell a report's PDF from a 工作要点's without reading the file: the files are not guessed at, and
 * the seed says so (`short`, naming them) where it was healthy with two reports missed.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detail, page, reportText, type BlindPortal } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';

const pdf = (label: string) => Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% ${encodeURIComponent(label)}\ntrailer<</Root 1 0 R>>\n%%EOF\n`, 'latin1');

function cutFilesPortal(): BlindPortal {
  const site = '房县农业农村局';
  const cut = (t: string) => `${t.slice(0, 20)}…`;
  const full = (y: number) => `${site}${y}年度政府信息公开工作年度报告`;
  return {
    id: 'cut-files',
    pattern: 'files under titles cut at 20 characters',
    agency: { name: site, division: '420325', level: 'county', province: '湖北省', city: '十堰市', county: '房县' },
    seedPath: '/nb/index.jhtml',
    expected: [2023, 2024].map((year) => ({ agency: site, year })),
    open: 'the 2024 report a PDF under a cut title',
    routes: {
      'GET /nb/index.jhtml': {
        body: page(site, '政府信息公开年报', `<ul class="list">
<li><span>${cut(full(2024))}</span><a href="/u/cms/www/202501/a1.pdf">点击下载</a><span>2025-01-21</span></li>
<li><a href="/nb/5801.jhtml">${cut(full(2023))}</a><span>2024-01-20</span></li>
<li><a href="/nb/5802.jhtml">${cut(`${site}2025年度政务公开工作要点`)}</a><span>2025-03-01</span></li></ul>`),
      },
      'GET /u/cms/www/202501/a1.pdf': { type: 'application/pdf', body: pdf(full(2024)) },
      'GET /nb/5801.jhtml': { body: detail(site, { title: full(2023), publisher: site, date: '2024-01-20', body: reportText(site, '2023年度') }) },
      'GET /nb/5802.jhtml': { body: detail(site, { title: `${site}2025年度政务公开工作要点`, publisher: site, date: '2025-03-01', body: '<p>要点。</p>' }) },
    },
  };
}

test('a file under a title cut short is not guessed at: the seed is flagged short, naming it', { timeout: 300_000 }, async () => {
  const portal = cutFilesPortal();
  const run = await crawlAsUser([portal]);
  try {
    assert.deepEqual(run.found.get(portal.id), [`${portal.agency.name} 2023`]);
    const seed = run.seeds[0]!;
    assert.deepEqual(seed.flags, ['short'], JSON.stringify(seed));
    assert.match(seed.last.reason ?? '', /title cut short .*a1\.pdf/);
  } finally {
    await run.portal.close();
  }
});
