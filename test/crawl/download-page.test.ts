/**
 * A report's file link answered by a web page in front of the document (crawl/download-page.ts): a download page's
 * 点击下载, a meta refresh, a script sending the reader on. The document it leads to is stored for the report; a page
 * leading nowhere ("文件不存在") is still said as a page answered for a file.
 */
import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Catalog } from '../../src/catalog/catalog.ts';
import { storagePaths } from '../../src/config.ts';
import { downloadPageLink } from '../../src/crawl/download-page.ts';
import { runHarvest } from '../helpers/harvest.ts';
import { startServer } from '../helpers/http-server.ts';
import { tempDir } from '../helpers/tmp.ts';

function send(res: ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8'): void {
  res.writeHead(200, { 'content-type': type });
  res.end(body);
}

const pdf = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag} ${'x'.repeat(2000)}\n%%EOF\n`);
const AGENCY = '某市生态环境局';
const shell = (title: string, main: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="top"><a href="/">首页</a> <a href="/xxgk/">信息公开</a> <a href="/hdjl/">互动交流</a></div>${main}<div class="foot">主办：${AGENCY} <a href="/sitemap.html">网站地图</a></div></body></html>`;
const report = (y: number, link: string, name: string) =>
  shell(`${AGENCY}${y}年政府信息公开工作年度报告`, `<h1>${AGENCY}${y}年政府信息公开工作年度报告</h1><div class="content"><p>根据《中华人民共和国政府信息公开条例》，现公布本局${y}年度报告全文。</p><p>附件：<a href="${link}">${name}</a></p></div>`);

test('a file link answered by a page in front of its document: the document is stored; a page leading nowhere is said', { timeout: 120_000 }, async () => {
  const server = await startServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname + new URL(req.url ?? '/', 'http://x').search;
    const pages: Record<string, string> = {
      '/xxgk/ndbg/': shell('年度报告', `<ul class="list">${[2023, 2022, 2021, 2020].map((y) => `<li><a href="/xxgk/ndbg/${y}.html">${AGENCY}${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-2${y % 10}</span></li>`).join('')}</ul>`),
      '/xxgk/ndbg/2023.html': report(2023, '/download.do?fileId=11', `${AGENCY}2023年报.pdf`),
      '/xxgk/ndbg/2022.html': report(2022, '/attach/2022nb.pdf', `${AGENCY}2022年报.pdf`),
      '/xxgk/ndbg/2021.html': report(2021, '/down?id=33', `${AGENCY}2021年报.pdf`),
      '/xxgk/ndbg/2020.html': report(2020, '/download.do?fileId=44', `${AGENCY}2020年报.pdf`),
      // A download page: the file's name, its size, and the link to click (the site's chrome around it).
      '/download.do?fileId=11': shell('文件下载', `<div class="down"><p>文件名称：${AGENCY}2023年报.pdf</p><p>文件大小：2KB</p><p><a href="/upload/2024/01/P020240122.pdf">点击下载</a></p></div>`),
      // An address naming a PDF that answers a page refreshing to where the file now is.
      '/attach/2022nb.pdf': '<html><head><meta http-equiv="refresh" content="0;url=/upload/2023/01/P020230120.pdf"></head><body>正在跳转…</body></html>',
      // A page whose script sends the reader on as it loads.
      '/down?id=33': '<html><head><script>window.location.href = "/upload/2022/01/P020220121.pdf";</script></head><body>正在下载，请稍候</body></html>',
      // The file is gone: the download page says so and links nothing.
      '/download.do?fileId=44': shell('文件下载', '<div class="down"><p>对不起，您要下载的文件不存在或已被删除！</p></div>'),
    };
    if (pages[p]) return send(res, pages[p]!);
    const files: Record<string, string> = { '/upload/2024/01/P020240122.pdf': '2023', '/upload/2023/01/P020230120.pdf': '2022', '/upload/2022/01/P020220121.pdf': '2021' };
    if (files[p]) return send(res, pdf(files[p]!), 'application/pdf');
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
  try {
    const dir = tempDir();
    const seeds = path.join(dir, 'seeds.yaml');
    writeFileSync(seeds, `agencies:\n  - name: ${AGENCY}\n    entries:\n      - url: ${server.origin}/xxgk/ndbg/\n        family: auto\n`);
    const storage = path.join(dir, 'storage');
    const summary = await runHarvest(storage, seeds);
    assert.equal(summary.stats.newReports, 4);
    for (const f of ['/upload/2024/01/P020240122.pdf', '/upload/2023/01/P020230120.pdf', '/upload/2022/01/P020220121.pdf']) {
      assert.equal(server.hitsOf(f).length, 1, `${f} asked ${server.hitsOf(f).length} times`);
    }
    const catalog = Catalog.open(storagePaths(storage).catalog);
    try {
      const reports = catalog.reports.all();
      const byYear = new Map(reports.map((r) => [r.year, catalog.reports.files(r.id).filter((f) => f.role === 'attachment').map((f) => f.url)]));
      assert.deepEqual(byYear.get(2023), [`${server.origin}/upload/2024/01/P020240122.pdf`]);
      assert.deepEqual(byYear.get(2022), [`${server.origin}/upload/2023/01/P020230120.pdf`]);
      assert.deepEqual(byYear.get(2021), [`${server.origin}/upload/2022/01/P020220121.pdf`]);
      assert.deepEqual(byYear.get(2020), []);
      const [seed] = catalog.seedHealth.seedRuns(summary.runId);
      assert.equal(seed?.status, 'short');
      assert.match(seed?.reason ?? '', /1 file link\(s\) of its reports answered a web page, not the document they name \(.*fileId=44\)/);
    } finally {
      catalog.close();
    }
  } finally {
    await server.close();
  }
});

test('a page answered for a file link with several documents, or none, leads nowhere', () => {
  const page = (html: string) => ({ bytes: Buffer.from(html), contentType: 'text/html; charset=utf-8' });
  const at = 'http://gov.test/download.do?fileId=7';
  // A column the old address now shows: several reports' files, none of them taken for this link's.
  const column = page(`<ul><li><a href="/u/a.pdf">甲局2023年报.pdf</a></li><li><a href="/u/b.pdf">乙局2023年报.pdf</a></li></ul>`);
  assert.equal(downloadPageLink(column, at, at), null);
  assert.equal(downloadPageLink(page('<p>文件不存在</p><a href="/">返回首页</a>'), at, at), null);
  // A refresh back to the link's own address (a cookie set, then the same link) is no document of its own.
  assert.equal(downloadPageLink(page(`<meta http-equiv="refresh" content="0;url=${at}">`), at, at), null);
  // One document link, under GBK (a page decoded as the browser would).
  const gbk = Buffer.concat([Buffer.from('<html><head><meta charset="gbk"></head><body><a href="/u/c.doc">'), Buffer.from([0xc4, 0xea, 0xb1, 0xa8]), Buffer.from('.doc</a></body></html>')]);
  assert.deepEqual(downloadPageLink({ bytes: gbk, contentType: 'text/html' }, at, at), { url: 'http://gov.test/u/c.doc', name: '年报.doc' });
});
