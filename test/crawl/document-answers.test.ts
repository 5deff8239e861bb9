/**
 * Report links that answer the document itself (an attachment servlet with no extension in its address, a seed that
 * is the PDF): the document is fetched once, whatever its size, and stored from that one answer.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { FAST, runHarvest } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

function send(res: ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': type, ...headers });
  res.end(body);
}

/** A PDF of about `bytes` bytes (a stream of filler), well formed enough to sniff. */
function pdf(tag: string, bytes: number): Buffer {
  const head = Buffer.from(`%PDF-1.5\n% ${tag}\n1 0 obj\n<< /Length ${bytes} >>\nstream\n`);
  const fill = Buffer.alloc(Math.max(0, bytes), 0x41);
  return Buffer.concat([head, fill, Buffer.from('\nendstream\nendobj\n%%EOF\n')]);
}

const page = (title: string, main: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>${main}<div class="foot">主办：某市人民政府办公室</div></body></html>`;

test('a report link answering its document is asked once, even past the page size cap', { timeout: 120_000 }, async () => {
  const small = pdf('2023', 20_000);
  const large = pdf('2022', 9 * 1024 * 1024); // over the 8 MiB page cap
  const servlet = pdf('2021', 15_000);
  const server = await startServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (u.pathname === '/sfj/ndbg/index.html') {
      return send(res, page('年度报告', `<ul class="list">
<li><a href="/content/8812">某市司法局2023年政府信息公开工作年度报告</a><span>2024-01-26</span></li>
<li><a href="/info/show.jsp?id=7710">某市司法局2022年政府信息公开工作年度报告</a><span>2023-01-29</span></li>
<li><a href="/down.jsp?fid=3">某市司法局2021年政府信息公开工作年度报告</a><span>2022-01-28</span></li></ul>`));
    }
    if (u.pathname === '/content/8812') return send(res, small, 'application/octet-stream', { 'content-disposition': 'attachment; filename="report2023.pdf"' });
    if (u.pathname === '/info/show.jsp' && u.searchParams.get('id') === '7710') return send(res, large, 'application/pdf');
    // A servlet that never sets its Content-Type: Tomcat's default says a web page.
    if (u.pathname === '/down.jsp') return send(res, servlet, 'text/html;charset=ISO-8859-1');
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: 某市司法局\n    entries:\n      - url: ${server.origin}/sfj/ndbg/index.html\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const summary = await runHarvest(storage, seeds);
    const asked = (p: string) => server.hits.filter((h) => h.path === p).length;
    assert.equal(summary.stats.newReports, 3);
    assert.equal(asked('/content/8812'), 1, 'the small document was asked more than once');
    assert.equal(asked('/down.jsp?fid=3'), 1, 'the document sent as a web page was asked more than once');
    assert.equal(asked('/info/show.jsp?id=7710'), 1, 'the large document was asked more than once');
    assert.equal(summary.stats.newFiles, 3);
    assert.equal(summary.stats.bytesStored, small.length + large.length + servlet.length);
    assert.equal(summary.stats.failed, 0);
  } finally {
    await server.close();
  }
});

test('a seed that is the report PDF is asked once: the folder above lists it, and its file is the answer in hand', { timeout: 120_000 }, async () => {
  const seedPdf = pdf('2023', 30_000);
  const older = pdf('2022', 25_000);
  const server = await startServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    if (p === '/gk/ndbg/') {
      return send(res, page('政府信息公开年度报告', `<table class="list"><tr><td><a href="P020240125501.pdf">某县审计局2023年度政府信息公开工作报告</a></td><td>2024-01-25</td></tr>
<tr><td><a href="P020230130447.pdf">某县审计局2022年度政府信息公开工作报告</a></td><td>2023-01-30</td></tr></table>`));
    }
    if (p === '/gk/ndbg/P020240125501.pdf') return send(res, seedPdf, 'application/pdf');
    if (p === '/gk/ndbg/P020230130447.pdf') return send(res, older, 'application/pdf');
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: 某县审计局\n    entries:\n      - url: ${server.origin}/gk/ndbg/P020240125501.pdf\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const summary = await runHarvest(storage, seeds);
    assert.equal(summary.stats.newReports, 2);
    assert.equal(server.hits.filter((h) => h.path === '/gk/ndbg/P020240125501.pdf').length, 1, 'the seed PDF was asked more than once');
    assert.equal(server.hits.filter((h) => h.path === '/gk/ndbg/P020230130447.pdf').length, 1);
    assert.equal(summary.stats.bytesStored, seedPdf.length + older.length);
    // Nothing of the spool is left behind.
    const tmp = path.join(storage, 'tmp');
    assert.deepEqual(existsSync(tmp) ? readdirSync(tmp).filter((f) => f.startsWith('spool-')) : [], []);
  } finally {
    await server.close();
  }
});

test('a document answered to a page request is read under the download timeout, not the page one', { timeout: 120_000 }, async () => {
  const scan = pdf('2023', 200_000);
  const server = await startServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    if (p === '/tjj/nb/') return send(res, page('年报', `<ul><li><a href="/xxgk/content.jsp?id=5521">某区统计局2023年政府信息公开工作年度报告</a> 2024-01-22</li></ul>`));
    if (p === '/xxgk/content.jsp') {
      // A slow file server: the scan comes in ten parts over ≈ 2 s, past the page timeout of 1 s.
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(scan.length) });
      const part = Math.ceil(scan.length / 10);
      let i = 0;
      const tick = setInterval(() => {
        res.write(scan.subarray(i * part, (i + 1) * part));
        if (++i === 10) {
          clearInterval(tick);
          res.end();
        }
      }, 200);
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: 某区统计局\n    entries:\n      - url: ${server.origin}/tjj/nb/\n        family: auto\n`);
    const summary = await runHarvest(path.join(dir, 'storage'), seeds, { ...FAST, pageTimeoutMs: 1000, downloadTimeoutMs: 20_000 });
    assert.equal(summary.stats.failed, 0);
    assert.equal(summary.stats.newReports, 1);
    assert.equal(summary.stats.bytesStored, scan.length);
    assert.equal(server.hits.filter((h) => h.path === '/xxgk/content.jsp?id=5521').length, 1);
  } finally {
    await server.close();
  }
});
