/**
 * Round 37b's fixes, on hand-made input (docs/blind-portals.md, "Round 37b"): a seed that is a document viewer's
 * address (pdf.js's `viewer.html?file=…pdf`, an online previewer's `onlinePreview?url=<Base64>`) is read as the file
 * it shows, from the folders above that file; and a report's 附件 link to such a viewer, named like the file, is the
 * file it shows, not the viewer's page.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { findAttachments } from '../../src/crawl/attachments.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { doc } from '../fixtures/portal/docs.ts';
import { detail, reportText, trapText } from '../fixtures/portal/sites/blind/kit.ts';
import { runNianbao } from '../helpers/cli.ts';
import { tempDir } from '../helpers/tmp.ts';

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

test('1. a 附件 link to a viewer, named like the file, is the file it shows; a download endpoint stays itself', () => {
  const page = 'http://www.xian.test/xxgk/ndbg/202402/t20240201_77.html';
  const html = `<html><body><div class="content"><p>现将报告全文公布。</p>
<p>附件：<a href="/plugins/pdfviewer/web/viewer.html?file=http://www.xian.test/uploads/2024/02/nb2023.pdf" target="_blank">某县2023年政府信息公开工作年度报告.pdf</a></p>
<p>附件2：<a href="http://preview.xian.test:8012/onlinePreview?url=${encodeURIComponent(b64('http://www.xian.test/uploads/2024/02/tjb.docx'))}">统计表.docx</a></p>
<p>附件3：<a href="/common/download.jsp?file=/uploads/2024/02/fb.pdf">附表.pdf</a></p></div></body></html>`;
  const urls = findAttachments(loadHtml(html), page).map((a) => a.url);
  assert.deepEqual(urls, ['http://www.xian.test/uploads/2024/02/nb2023.pdf', 'http://www.xian.test/uploads/2024/02/tjb.docx', 'http://www.xian.test/common/download.jsp?file=/uploads/2024/02/fb.pdf']);
});

const GOV = '某某县人民政府';
const rep = (y: number) => `/xxgk/ndbg/${y + 1}02/t${y + 1}0201_${y}.html`;
const file = (y: number) => `/xxgk/ndbg/${y + 1}02/P0${y + 1}0201${y}.pdf`;

function pages(): Map<string, { type: string; body: string | Buffer }> {
  const p = new Map<string, { type: string; body: string | Buffer }>();
  const html = (body: string) => ({ type: 'text/html; charset=utf-8', body });
  const items = [2024, 2023]
    .map((y) => `<li><a href="${rep(y)}">${GOV}${y}年政府信息公开工作年度报告</a><span>${y + 1}-02-01</span></li>`)
    .join('');
  p.set('/xxgk/ndbg/', html(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head><body><h2>政府信息公开年报</h2><ul>${items}<li><a href="/xxgk/ndbg/202412/t20241210_9.html">关于做好2024年度政府信息公开工作年度报告编制工作的通知</a></li></ul></body></html>`));
  for (const y of [2024, 2023]) {
    p.set(rep(y), html(detail(GOV, { title: `${GOV}${y}年政府信息公开工作年度报告`, publisher: GOV, date: `${y + 1}-02-01`, body: reportText(GOV, `${y}年度`) })));
    p.set(file(y), { type: 'application/pdf', body: doc(y === 2024 ? 'r003.pdf' : 'r004.pdf') });
  }
  p.set('/xxgk/ndbg/202412/t20241210_9.html', html(detail(GOV, { title: '编制通知', publisher: GOV, date: '2024-12-10', body: trapText('编制通知') })));
  // kkFileView's page: a frame of its own PDF viewer, and nothing of the site.
  p.set('/preview/onlinePreview', html('<!DOCTYPE html><html><head><meta charset="utf-8"><title>文件预览</title></head><body><iframe src="/preview/pdfjs/web/viewer.html?file=/preview/getCorsFile" width="100%" height="100%"></iframe></body></html>'));
  return p;
}

test('2. (CLI) a seed that is an online previewer showing one report (onlinePreview?url=<Base64>): the column above the file read, the seed moved', { timeout: 120_000 }, async () => {
  const table = pages();
  const server = http.createServer((req, res) => {
    const hit = table.get(new URL(req.url ?? '/', 'http://x').pathname);
    res.writeHead(hit ? 200 : 404, { 'content-type': hit?.type ?? 'text/html; charset=utf-8' });
    res.end(hit?.body ?? '<html><body>404</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const dir = tempDir('nianbao-37b-');
    const seeds = path.join(dir, 'seeds.yaml');
    const seed = `${origin}/preview/onlinePreview?url=${encodeURIComponent(b64(`${origin}${file(2023)}`))}`;
    writeFileSync(seeds, `agencies:\n  - name: ${GOV}\n    division: "411523"\n    level: county\n    province: 河南省\n    entries:\n      - url: "${seed}"\n`);
    const storage = path.join(dir, 'storage');
    await runNianbao(['crawl', '--seeds', seeds, '--storage', storage, '--host-delay', '0', '--no-extract', '--progress', 'none', '--no-robots']);
    const status = await runNianbao(['status', '--seeds', '--json', '--storage', storage]);
    const s = (JSON.parse(status.out) as { seeds: { url: string; last: { status: string; reason: string | null } }[] }).seeds[0]!;
    assert.equal(s.last.status, 'moved', s.last.reason ?? '');
    assert.match(s.last.reason ?? '', /viewer/);
    const out = path.join(dir, 'reports.csv');
    await runNianbao(['export', '--out', out, '--storage', storage]);
    const csv = readFileSync(out, 'utf8');
    for (const y of [2024, 2023]) assert.match(csv, new RegExp(`${GOV},.*,${y},`), `${GOV} ${y} exported`);
    assert.doesNotMatch(csv, /编制/);
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
