/**
 * Round 56's changes (docs/blind-portals.md, round 56); the blind portals themselves are crawled whole by the blind
 * parts. A redirect chain that comes back once to the address asked (a cluster's stale node stripping the slash its
 * siblings add: `/nb/` → `/nb` → `/nb/`) is followed as a browser follows it, where it was refused as a loop and the
 * seed read nothing; and a cookie a server grows with every page past what a browser keeps (4096 bytes) is not kept,
 * where sending it made Tomcat answer 400 to the report files.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detail, page, reportText, type BlindPortal, type BlindReq } from '../fixtures/portal/sites/blind/kit.ts';
import { crawlAsUser } from './blind-crawl.ts';
import { textPdf } from './text-pdf.ts';

function staleSlashPortal(): BlindPortal {
  const site = '攸县人民政府';
  const asked = new Map<string, number>();
  // The first ask of each folder address lands on the stale node, which strips the slash; its siblings add it back.
  const folder = (path: string, body: string) => (req: BlindReq) => {
    const n = (asked.get(req.url.pathname) ?? 0) + 1;
    asked.set(req.url.pathname, n);
    return n === 1 ? { status: 301, body: '', headers: { location: path.slice(0, -1) } } : { body };
  };
  const back = (path: string) => ({ status: 301, body: '', headers: { location: path } });
  return {
    id: 'stale-slash',
    pattern: 'a folder address answered 301 to its slashless twin, which answers 301 back, on the first visit',
    agency: { name: site, division: '430223', level: 'county', province: '湖南省', city: '株洲市', county: '攸县' },
    seedPath: '/xxgk/nb/',
    expected: [2023, 2024].map((year) => ({ agency: site, year })),
    routes: {
      'GET /xxgk/nb/': folder(
        '/xxgk/nb/',
        page(site, '政府信息公开年报', `<ul class="list">
<li><a href="./202501/t20250121_1.html">${site}2024年政府信息公开工作年度报告</a><span>2025-01-21</span></li>
<li><a href="./202401/t20240119_2.html">${site}2023年政府信息公开工作年度报告</a><span>2024-01-19</span></li>
<li><a href="./202503/t20250301_3.html">${site}2025年政务公开工作要点</a><span>2025-03-01</span></li></ul>`),
      ),
      'GET /xxgk/nb': back('/xxgk/nb/'),
      'GET /xxgk/nb/202501/t20250121_1.html': { body: detail(site, { title: `${site}2024年政府信息公开工作年度报告`, publisher: site, date: '2025-01-21', body: reportText(site, '二〇二四年度') }) },
      'GET /xxgk/nb/202401/t20240119_2.html': { body: detail(site, { title: `${site}2023年政府信息公开工作年度报告`, publisher: site, date: '2024-01-19', body: reportText(site, '二〇二三年度') }) },
      'GET /xxgk/nb/202503/t20250301_3.html': { body: detail(site, { title: `${site}2025年政务公开工作要点`, publisher: site, date: '2025-03-01', body: '<p>要点。</p>' }) },
    },
  };
}

function growingCookiePortal(): BlindPortal {
  const site = '孝义市人民政府';
  const years = [2019, 2020, 2021, 2022, 2023, 2024];
  const title = (y: number) => `${site}${y}年政府信息公开工作年度报告`;
  // Tomcat's maxHttpHeaderSize: a request whose headers pass 8 KB is answered 400 before any page.
  const gate = (req: BlindReq) => (Buffer.byteLength(String(req.headers.cookie ?? '')) > 8192 ? { status: 400, body: '<h1>HTTP Status 400 – Bad Request</h1><p>Request header is too large</p>' } : null);
  const routes: BlindPortal['routes'] = {
    'GET /xxgk/channel.do': {
      body: page(site, '政府信息公开年报', `<ul class="list">${years.map((y) => `<li><a href="content.do?id=${y}">${title(y)}</a><span>${y + 1}-01-20</span></li>`).join('')}</ul>`),
    },
    // Every article adds itself to a 最近浏览 cookie, 1.5 KB an article.
    'GET /xxgk/content.do': (req) => {
      const y = Number(req.url.searchParams.get('id'));
      if (!years.includes(y)) return null;
      const seen = /RECENT=([^;]*)/.exec(String(req.headers.cookie ?? ''))?.[1] ?? '';
      const grown = `${seen}${y}-${'v'.repeat(1500)}.`;
      return {
        body: detail(site, { title: title(y), publisher: site, date: `${y + 1}-01-20`, body: `<p>全文见附件。</p><p>附件：<a href="/xxgk/attach/download.do?fileId=${y}">${title(y)}.pdf</a></p>` }),
        headers: { 'set-cookie': `RECENT=${grown}; Path=/` },
      };
    },
    'GET /xxgk/attach/download.do': (req) => {
      const y = Number(req.url.searchParams.get('fileId'));
      if (!years.includes(y)) return null;
      return { type: 'application/pdf', body: textPdf([title(y), '一、总体情况', reportText(site, `${y}年度`).replace(/<[^>]+>/g, '').slice(0, 30)]) };
    },
  };
  return {
    id: 'growing-cookie',
    pattern: 'a 最近浏览 cookie grown by every article past 4 KB, Tomcat answering 400 past 8 KB of headers',
    agency: { name: site, division: '141181', level: 'county', province: '山西省', city: '吕梁市', county: '孝义市' },
    seedPath: '/xxgk/channel.do?cid=1205',
    expected: years.map((year) => ({ agency: site, year })),
    files: years.map((y) => `/xxgk/attach/download.do?fileId=${y}`).sort(),
    routes,
    gate,
  };
}

test('a redirect chain coming back once to the address asked is followed: the stale node\'s two hops, then the list', { timeout: 300_000 }, async () => {
  const portal = staleSlashPortal();
  const run = await crawlAsUser([portal]);
  try {
    assert.deepEqual(run.found.get(portal.id), [`${portal.agency.name} 2023`, `${portal.agency.name} 2024`]);
    assert.ok(run.seeds[0]!.healthy, JSON.stringify(run.seeds[0]));
  } finally {
    await run.portal.close();
  }
});

test('a cookie grown past what a browser keeps is not kept: the files are asked with the last one a browser kept', { timeout: 300_000 }, async () => {
  const portal = growingCookiePortal();
  const run = await crawlAsUser([portal]);
  try {
    assert.deepEqual(run.attachments.get(portal.id), portal.files);
    assert.equal(run.found.get(portal.id)!.length, 6);
    assert.ok(run.seeds[0]!.healthy, JSON.stringify(run.seeds[0]));
    // No request carried more than a browser would have sent: one cookie of at most 4 KB.
    const refused = run.portal.log.filter((r) => r.status === 400);
    assert.deepEqual(refused, []);
  } finally {
    await run.portal.close();
  }
});
