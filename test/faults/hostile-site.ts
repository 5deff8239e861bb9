/**
 * A hostile government site for the fault matrix: a list whose report pages are a 20 MB page, a page that drips one
 * byte a second, a chunked body that never ends and a redirect loop; a second list of 100 000 links; and one good
 * report page whose attachments are a zip bomb, a lying XLSX, an encrypted DOCX and an encrypted PDF. Every request
 * is logged. Written for these tests (no real site's markup).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import CFB from 'cfb';
import { strToU8, zipSync } from 'fflate';

export const AGENCY = '测试市人民政府办公室';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

export interface HostileSite {
  origin: string;
  host: string;
  log: { path: string; start: number; end: number }[];
  seedsYaml(): string;
  close(): Promise<void>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><meta name="ArticleTitle" content="${title}"></head><body><div class="content">${body}</div></body></html>`;
const report = (year: number) => `${AGENCY}${year}年政府信息公开工作年度报告`;

/** Rewrites one entry's declared uncompressed size in its local and central headers. */
function lieAboutSize(zip: Uint8Array, entry: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const name = (at: number, lenAt: number) => Buffer.from(out.subarray(at, at + view.getUint16(lenAt, true))).toString('utf8');
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50 && name(i + 30, i + 26) === entry) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && name(i + 46, i + 28) === entry) view.setUint32(i + 24, size, true);
  }
  return out;
}

/** The hostile attachments, by path. */
export function hostileFiles(): Record<string, { type: string; bytes: Uint8Array }> {
  const rels = '<Relationships><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
  const bomb = lieAboutSize(
    zipSync({ '[Content_Types].xml': strToU8('<Types/>'), '_rels/.rels': strToU8(rels), 'word/document.xml': new Uint8Array(32 * 1024 * 1024).fill(0x20) }, { level: 6 }),
    'word/document.xml',
    2048,
  );
  const xlsx = lieAboutSize(zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': new Uint8Array(4 * 1024 * 1024).fill(0x20) }), 'xl/workbook.xml', 64);
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, 'EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
  CFB.utils.cfb_add(cfb, 'EncryptedPackage', Buffer.alloc(8192, 0x5a));
  return {
    '/att/bomb.docx': { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: bomb },
    '/att/liar.xlsx': { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: xlsx },
    '/att/locked.docx': { type: 'application/octet-stream', bytes: CFB.write(cfb, { type: 'buffer' }) as Buffer },
    '/att/locked.pdf': { type: 'application/pdf', bytes: readFileSync(path.join(ROOT, 'test/extract/fixtures/encrypted.pdf')) },
  };
}

export async function startHostileSite(opts: { links: number }): Promise<HostileSite> {
  const log: HostileSite['log'] = [];
  const files = hostileFiles();
  const timers = new Set<NodeJS.Timeout>();
  const list = page(
    '年度报告',
    `<ul>
      <li><a href="/pages/huge.html">${report(2019)}</a><span>2020-03-01</span></li>
      <li><a href="/pages/drip.html">${report(2020)}</a><span>2021-03-01</span></li>
      <li><a href="/pages/endless.html">${report(2021)}</a><span>2022-03-01</span></li>
      <li><a href="/pages/loop-a.html">${report(2022)}</a><span>2023-03-01</span></li>
      <li><a href="/pages/good.html">${report(2023)}</a><span>2024-03-01</span></li>
    </ul>`,
  );
  const good = page(
    report(2023),
    `<p>${report(2023)}全文见附件。</p>
     <p><a href="/att/bomb.docx">附件1：年度报告.docx</a></p>
     <p><a href="/att/liar.xlsx">附件2：统计表.xlsx</a></p>
     <p><a href="/att/locked.docx">附件3：年度报告（加密）.docx</a></p>
     <p><a href="/att/locked.pdf">附件4：年度报告（加密）.pdf</a></p>`,
  );
  // 100 000 links, kept short so the page stays under the page-size limit: the link cap must end it, not the size.
  const manyLinks = page('链接', Array.from({ length: opts.links }, (_, i) => `<a href=/n/${i}>${1000 + (i % 900)}年政府信息公开年报${i}</a>`).join('\n'));

  // Built once: made per request, 20 MB of text took the server seconds on a loaded machine, which the client's
  // body time limit then counted against the page (a timeout, not the size cap, under load).
  const huge = Buffer.from(`<html><body>${'<p>年度报告</p>'.repeat(20 * 1024 * 1024 / 16)}</body></html>`);

  const server = http.createServer((req, res) => {
    const entry = { path: req.url ?? '/', start: Date.now(), end: 0 };
    log.push(entry);
    res.on('close', () => (entry.end = Date.now()));
    const p = entry.path;
    const html = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (p === '/robots.txt') return void res.writeHead(404).end();
    if (p === '/col/index.html') return html(list);
    if (p === '/links/index.html') return html(manyLinks);
    if (p === '/pages/good.html') return html(good);
    if (p === '/pages/huge.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(huge);
      return;
    }
    if (p === '/pages/drip.html') {
      // One byte a second, with a Content-Length that promises a whole page.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': '100000' });
      const t = setInterval(() => res.write('<'), 1000);
      timers.add(t);
      res.on('close', () => clearInterval(t));
      return;
    }
    if (p === '/pages/endless.html') {
      // Chunked, a small chunk every 50 ms, never ending.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const t = setInterval(() => res.write('<p>年度报告</p>'), 50);
      timers.add(t);
      res.on('close', () => clearInterval(t));
      return;
    }
    if (p === '/pages/loop-a.html') return void res.writeHead(302, { location: '/pages/loop-b.html' }).end();
    if (p === '/pages/loop-b.html') return void res.writeHead(302, { location: '/pages/loop-a.html' }).end();
    const file = files[p];
    if (file) {
      res.writeHead(200, { 'content-type': file.type, 'content-length': String(file.bytes.length) });
      return void res.end(file.bytes);
    }
    res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404</body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    host: `127.0.0.1:${port}`,
    log,
    seedsYaml: () =>
      [
        'agencies:',
        `  - name: ${AGENCY}`,
        '    division: "411300"',
        '    level: city',
        '    province: 河南省',
        '    city: 南阳市',
        '    entries:',
        `      - url: ${origin}/col/index.html`,
        '        family: generic',
        '        render: http',
        `      - url: ${origin}/links/index.html`,
        '        family: generic',
        '        render: http',
        '',
      ].join('\n'),
    close: async () => {
      for (const t of timers) clearInterval(t);
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
