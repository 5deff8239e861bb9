/**
 * A report page whose only document link is gone (HTTP 404): the report is catalogued by its page, and the seed is
 * flagged `short` naming the file, never `ok` (blind round 31a saw it: a fixture's broken .docx link left the 2021
 * report without its tables while the seed said ok and only the run's summary counted "1 gone").
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { startPortal } from '../fixtures/portal/server.ts';
import { blindSeedsYaml, blindSitesOf, type BlindPortal } from '../fixtures/portal/sites/blind/index.ts';
import { detail, page, reportText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

test('a report whose document link is gone: catalogued by its page, the seed short naming the file', { timeout: 120_000 }, async () => {
  const a = '安图县人民政府';
  const title = (y: number) => `${a}${y}年政府信息公开工作年度报告`;
  const p: BlindPortal = {
    id: 'gone-file',
    pattern: 'a report page pointing to its .docx, the link answering 404',
    agency: { name: a, division: '222426', level: 'county', province: '吉林省', city: '延边朝鲜族自治州', county: '安图县' },
    seedPath: '/nb/index.html',
    expected: [{ agency: a, year: 2024 }, { agency: a, year: 2023 }],
    routes: {
      'GET /nb/index.html': { body: page(a, '信息公开年报', `<ul class="list">${[2024, 2023].map((y) => `<li><a href="/nb/${y}.html">${title(y)}</a><span>${y + 1}-01-20</span></li>`).join('')}</ul>`) },
      'GET /nb/2024.html': { body: detail(a, { title: title(2024), publisher: '安图县人民政府办公室', date: '2025-01-20', body: reportText(a, '2024年度') }) },
      'GET /nb/2023.html': { body: detail(a, { title: title(2023), publisher: '安图县人民政府办公室', date: '2024-01-20', body: `<p>详见附件。</p><p>附件：<a href="/files/2023nb.docx">${title(2023)}.docx</a></p>` }) },
    },
  };
  const portal = await startPortal({ sites: blindSitesOf([p]) });
  try {
    const dir = tempDir('nianbao-gone-file-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, [p]));
    const storage = path.join(dir, 'storage');
    const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    assert.equal(crawl.code, 7, crawl.out + crawl.err);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const [seed] = (JSON.parse(status.out) as { seeds: { healthy: boolean; last: { status: string; reason: string | null } }[] }).seeds;
    assert.equal(seed!.last.status, 'short');
    assert.match(seed!.last.reason ?? '', /1 file\(s\) of its reports are gone at their links \(HTTP 404\/410: http:\/\/[^ ]+\/files\/2023nb\.docx\): catalogued without them/);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const csv = readFileSync(out, 'utf8');
    assert.match(csv, /安图县人民政府,.*,2023,/);
    assert.match(csv, /安图县人民政府,.*,2024,/);
  } finally {
    await portal.close();
  }
});

/**
 * A link written relative to the site's root without its slash (`<a href="upload/…">`, a `<file href>` tag a site's
 * script mends: round 92b), resolved against its page: gone there, read at the root, the seed flagged `moved` naming
 * the guess. A link gone at both addresses leaves the seed `short`, naming the link as the page wrote it.
 */
test('a file gone beside its page but found at the site root: read there and said; gone at both: short', { timeout: 120_000 }, async () => {
  const pdf = (n: string) => Buffer.from(`%PDF-1.4\n% ${n}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
  const portalOf = (id: string, a: string, county: string, division: string, rooted: boolean): BlindPortal => {
    const title = (y: number) => `${a}${y}年政府信息公开工作年度报告`;
    return {
      id,
      pattern: 'report pages in dated folders, attachments linked `upload/…` without the root slash',
      agency: { name: a, division, level: 'county', province: '吉林省', city: '延边朝鲜族自治州', county },
      seedPath: '/nb/index.html',
      expected: [{ agency: a, year: 2024 }, { agency: a, year: 2023 }],
      routes: {
        'GET /nb/index.html': { body: page(a, '信息公开年报', `<ul class="list">${[2024, 2023].map((y) => `<li><a href="/nb/${y}/01/t${y}.html">${title(y)}</a><span>${y + 1}-01-20</span></li>`).join('')}</ul>`) },
        ...Object.fromEntries(
          [2024, 2023].map((y) => [`GET /nb/${y}/01/t${y}.html`, { body: detail(a, { title: title(y), publisher: `${a}办公室`, date: `${y + 1}-01-20`, body: `<p>详见附件。</p><p>附件：<a href="upload/${y}nb.pdf">${title(y)}.pdf</a></p>` }) }]),
        ),
        ...(rooted ? { 'GET /upload/2024nb.pdf': { type: 'application/pdf', body: pdf('2024') }, 'GET /upload/2023nb.pdf': { type: 'application/pdf', body: pdf('2023') } } : {}),
      },
    };
  };
  const found = portalOf('root-file', '和龙市人民政府', '和龙市', '222406', true);
  const lost = portalOf('root-file-gone', '汪清县人民政府', '汪清县', '222424', false);
  const portal = await startPortal({ sites: blindSitesOf([found, lost]) });
  try {
    const dir = tempDir('nianbao-root-file-');
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, blindSeedsYaml(portal.urls, [found, lost]));
    const storage = path.join(dir, 'storage');
    const crawl = await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none']);
    assert.equal(crawl.code, 7, crawl.out + crawl.err);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const seeds2 = (JSON.parse(status.out) as { seeds: { url: string; last: { status: string; reason: string | null } }[] }).seeds;
    const of = (p: BlindPortal) => seeds2.find((s) => s.url.startsWith(portal.urls[p.id]!))!.last;
    assert.equal(of(found).status, 'moved');
    assert.match(of(found).reason ?? '', /^2 file link\(s\) of its reports were gone resolved against their pages and were read at the site's root instead \(http:\/\/[^ ]+\/nb\/20\d\d\/01\/upload\/20\d\dnb\.pdf → http:\/\/[^ ]+\/upload\/20\d\dnb\.pdf; …\): a guess, check them$/);
    assert.equal(of(lost).status, 'short');
    assert.match(of(lost).reason ?? '', /^2 file\(s\) of its reports are gone at their links \(HTTP 404\/410: http:\/\/[^ ]+\/nb\/20\d\d\/01\/upload\/20\d\dnb\.pdf, …\)/);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const attachments = readFileSync(out, 'utf8').split('\n').filter((l) => /,attachment,/.test(l));
    assert.equal(attachments.length, 2, attachments.join('\n'));
    for (const y of [2024, 2023]) assert.ok(attachments.some((l) => l.includes(`${portal.urls[found.id]}/upload/${y}nb.pdf`) && l.includes('和龙市人民政府')), `${y}: ${attachments.join('\n')}`);
  } finally {
    await portal.close();
  }
});
