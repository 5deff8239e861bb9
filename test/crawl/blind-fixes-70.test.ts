/**
 * Round 70's changes (docs/blind-portals.md, round 70); the blind portals themselves are crawled whole by the blind
 * parts (wuyi's list pages answering empty at first, qiongzhong's zstd bodies there). A column's print view whose one
 * way out is a 返回栏目 button; a pinned notice saying where the older reports are kept, and the server's folder
 * listing it leads to; a title naming the year the report was published in; a body sent zstd unasked.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { test } from 'node:test';
import { Catalog } from '../../src/catalog/catalog.ts';
import { Attributor } from '../../src/crawl/attribution.ts';
import { namesCompilation } from '../../src/crawl/collection.ts';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { folderListing, isFolderListing } from '../../src/crawl/families/folder-listing.ts';
import { listElsewhereLinks } from '../../src/crawl/families/report-column.ts';
import { loadHtml } from '../../src/crawl/html.ts';
import { decodersFor } from '../../src/download/content-codings.ts';

test("a column's print view listing its titles unlinked leads back to the column by its 返回栏目 button", () => {
  const print = `<html><head><meta name="robots" content="noindex,nofollow"><title>政府信息公开年报</title></head><body>
<div class="print-head">泾源县人民政府　栏目：政务公开 &gt; 政府信息公开年报</div><h1>政府信息公开年报</h1>
<table><tr><th>序号</th><th>标题</th></tr><tr><td>1</td><td>泾源县人民政府2024年政府信息公开工作年度报告</td></tr></table>
<div class="btns"><input type="button" value="打　印" onclick="window.print();" /><input type="button" value="返回栏目" onclick="window.location.href='/zwgk/zfxxgk/zfxxgknb/index.html';" /><input type="button" value="关　闭" onclick="window.close();" /></div>
</body></html>`;
  assert.deepEqual(listElsewhereLinks(print, 'http://gov.test/common/print.jsp?channelid=24591', []), ['http://gov.test/zwgk/zfxxgk/zfxxgknb/index.html']);
  // A link so labelled, a <button> too; another host's column is not read from here.
  const link = print.replace(/<div class="btns">.*<\/div>/, '<a href="/zwgk/nb/">返回列表</a><button onclick="location.href=\'http://other.test/nb/\'">返回栏目</button>');
  assert.deepEqual(listElsewhereLinks(link, 'http://gov.test/common/print.jsp?channelid=24591', []), ['http://gov.test/zwgk/nb/']);
});

test('a notice telling where the reports are kept is no report, and is read as their index', () => {
  for (const t of ['关于山丹县政府信息公开年报查阅方式的说明', '山丹县政府信息公开年报归档目录', '2023年度以前政府信息公开工作年度报告查阅途径']) {
    assert.equal(classifyTitle(t).isReport, false, t);
    assert.ok(namesCompilation(t), t);
  }
  assert.equal(classifyTitle('山丹县人民政府2024年政府信息公开工作年度报告').isReport, true);
  assert.ok(!namesCompilation('山丹县人民政府2024年政府信息公开工作年度报告'));
});

test("a server's folder listing: its files by their whole names (the shown ones cut mid-character), the folders below as pages", () => {
  const enc = encodeURIComponent;
  const long = '山丹县住房和城乡建设局（山丹县人民防空办公室）2023年度政府信息公开工作年度报告.pdf';
  const listing = `<html>
<head><title>Index of /gknb/2024/</title></head>
<body>
<h1>Index of /gknb/2024/</h1><hr><pre><a href="../">../</a>
<a href="${enc('县直部门')}/">县直部门/</a>                                         26-Mar-2025 10:12       -
<a href="${enc(long)}">山丹县住房和城乡建设局（山丹县人民防..&gt;</a> 21-Mar-2024 09:30    7422
<a href="Thumbs.db">Thumbs.db</a>                                          02-Jan-2024 08:00    4096
<a href="?C=M;O=D">sort</a>
</pre><hr></body>
</html>`;
  const $ = loadHtml(listing);
  assert.ok(isFolderListing($));
  const { files, folders } = folderListing($, 'http://gov.test/gknb/2024/');
  assert.deepEqual(folders, [`http://gov.test/gknb/2024/${enc('县直部门')}/`]);
  assert.deepEqual(
    files.map((f) => [f.title, f.date, f.isFile]),
    [
      [long.replace(/\.pdf$/, ''), '2024-03-21', true],
      ['Thumbs', '2024-01-02', false],
    ],
  );
  assert.ok(!isFolderListing(loadHtml('<html><head><title>政府信息公开年报</title></head><body><h1>Index</h1></body></html>')));
});

test('a title naming the year its report was published in gives way to the statistics period of its text', () => {
  const c = Catalog.open(':memory:');
  const county = c.agencies.upsert({ name: '南城县人民政府', nameKey: '南城县人民政府', division: '361021', level: 'county', province: '江西省', city: '抚州市', county: '南城县' });
  const at = new Attributor(c);
  const body = '本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。一、总体情况';
  const title = '南城县审计局2025年政府信息公开工作年度报告';
  assert.equal(at.attribute({ title, bodyText: body, published: '2025-01-16', siteAgency: county })!.year, 2024);
  // Published the year after the title's: the title's year stands, whatever a template's left-over period says.
  const stale = body.replace(/2024/g, '2023');
  assert.equal(at.attribute({ title: '南城县审计局2024年政府信息公开工作年度报告', bodyText: stale, published: '2025-01-16', siteAgency: county })!.year, 2024);
  // No date, or no period: the title's year.
  assert.equal(at.attribute({ title, bodyText: body, siteAgency: county })!.year, 2025);
  assert.equal(at.attribute({ title, bodyText: '一、总体情况', published: '2025-01-16', siteAgency: county })!.year, 2025);
  c.close();
});

/** A zstd frame as pzstd writes one: a skippable frame naming the next one's size, then a frame of blocks, some raw,
 * some compressed blocks of raw literals (RFC 8878 §3.1.1), no content size. */
function zstdFrame(data: Buffer, blockSize = 1000): Buffer {
  const parts: Buffer[] = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), Buffer.from([0x00, 0x50])];
  const count = Math.max(1, Math.ceil(data.length / blockSize));
  for (let i = 0; i < count; i++) {
    const chunk = data.subarray(i * blockSize, (i + 1) * blockSize);
    const raw = i % 2 === 1;
    const h = 0 | (3 << 2) | (chunk.length << 4);
    const content = raw ? chunk : Buffer.concat([Buffer.from([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff]), chunk, Buffer.from([0])]);
    const bh = (i === count - 1 ? 1 : 0) | ((raw ? 0 : 2) << 1) | (content.length << 3);
    parts.push(Buffer.from([bh & 0xff, (bh >> 8) & 0xff, (bh >> 16) & 0xff]), content);
  }
  const frame = Buffer.concat(parts);
  const skippable = Buffer.alloc(12);
  skippable.writeUInt32LE(0x184d2a50, 0);
  skippable.writeUInt32LE(4, 4);
  skippable.writeUInt32LE(frame.length, 8);
  return Buffer.concat([skippable, frame]);
}

test('a body sent zstd unasked (Content-Encoding: zstd) is decoded, however its bytes arrive', async () => {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('琼中黎族苗族自治县卫生健康委员会2020年政府信息公开工作年度报告\n'.repeat(60)), Buffer.from('%%EOF\n')]);
  const sent = zstdFrame(pdf);
  const decoders = decodersFor('zstd');
  assert.equal(decoders?.length, 1);
  // In pieces cut anywhere (a frame header split, a block split).
  const pieces = [sent.subarray(0, 7), sent.subarray(7, 1500), sent.subarray(1500, 1501), sent.subarray(1501)];
  const out = await buffer(Readable.from(pieces).pipe(decoders![0]!));
  assert.ok(out.equals(pdf));
  // A frame cut short is an error, not a shorter body.
  const cut = decodersFor('zstd')![0]!;
  await assert.rejects(buffer(Readable.from([sent.subarray(0, sent.length - 10)]).pipe(cut)));
});
