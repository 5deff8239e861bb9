// A report page's pictures in extraction, without OCR: where each stands among the page's lines, and what the
// reason says when they were not fetched (an older catalog) or some were not.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readHtml } from '../../src/extract/formats/html.ts';
import { extractDocument } from '../../src/extract/index.ts';
import { tempDir } from '../helpers/tmp.ts';

const page = `<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body>
<div class="share"><img src="/images/weixin.png"></div>
<div id="zoom"><p>一、总体情况</p><p>本年度我局认真贯彻落实政府信息公开条例，主动公开政府信息。</p>
<p>二、主动公开政府信息情况</p><p><img src="/u/t2.png"></p>
<p>三、收到和处理政府信息公开申请情况</p><p><img src="/u/t3.png"></p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p><img data-src="/u/t4.png" src="/images/loading.gif"></p>
<p>五、存在的主要问题及改进情况</p><p>无。</p><p><img src="/images/ewm.png" alt="二维码"></p></div></body></html>`;

test('each content picture placed before the line it stands before; chrome not counted', () => {
  const ex = readHtml(Buffer.from(page));
  assert.equal(ex.images, 3);
  const before = (order: number) => ex.lines[ex.pagePictures!.find((p) => p.order === order)!.line - 1]!.items.map((i) => i.text).join('');
  assert.deepEqual(ex.pagePictures!.map((p) => p.order), [1, 2, 3]);
  assert.match(before(1), /^二、主动公开/);
  assert.match(before(2), /^三、收到和处理/);
  assert.match(before(3), /^四、政府信息公开行政复议/);
});

test('pictures not fetched (an older catalog, a refused picture): the reason says so, no figure guessed', async () => {
  const file = path.join(tempDir(), 'page.html');
  writeFileSync(file, page);
  const none = await extractDocument({ path: file, mediaType: 'html' });
  assert.equal(none.status, 'partial');
  assert.match(none.reason!, /the page holds 3 pictures, not fetched .*: the tables may be published as images, which are not read/);
  assert.deepEqual(Object.values(none.figures).filter((v) => v !== null && v !== 0), []);
  // Two of three fetched, OCR disabled: the one missing is named as not fetched, the others as not read and why.
  const png = path.join(tempDir(), 't.png');
  writeFileSync(png, Buffer.from('89504e470d0a1a0a', 'hex'));
  const some = await extractDocument(
    { path: file, mediaType: 'html', pictures: [1, 3].map((order) => ({ order, path: png, mediaType: 'png' as const, url: `http://x/u/t${order}.png` })) },
    { ocr: false },
  );
  assert.match(some.reason!, /1 of the page's 3 pictures not fetched/);
  assert.match(some.reason!, /the page's 2 fetched pictures are not read: OCR disabled/);
  assert.deepEqual(some.pictures!.map((p) => [p.order, p.status]), [[1, 'needs_ocr'], [3, 'needs_ocr']]);
});
