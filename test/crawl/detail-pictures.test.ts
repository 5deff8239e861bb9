// A report page's content pictures (html/content-pictures.ts through parseDetailPage): the article body's <img>, in
// document order, lazy-loading and srcset addresses resolved; never the page's chrome.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';

const PAGE = 'http://www.gov.test/xxgk/ndbg/202401/t20240115_123.html';

const html = `<!DOCTYPE html><html><head><title>某局2023年政府信息公开工作年度报告</title></head><body>
<div class="header"><a href="/"><img src="/images/banner.jpg" width="1000" height="120"></a></div>
<div class="main"><h1>某局2023年政府信息公开工作年度报告</h1>
<div class="TRS_Editor"><p>根据《中华人民共和国政府信息公开条例》，现将本局2023年政府信息公开工作情况报告如下。</p>
<p><img src="./W020240115_1.png" alt="表二"></p>
<p><img src="/images/loading.gif" data-src="/u/cms/www/202401/t3.jpg"></p>
<p><img data-original="//files.gov.test/upload/t4.jpeg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></p>
<p><img src="/u/small.png" srcset="/u/small.png 480w, /u/large.png 1600w"></p>
<p><img src="./W020240115_1.png"></p>
<p><img src="/images/spacer.gif"><img src="/images/arrow.png"><img src="/u/icon-doc.png" width="16" height="16"><img src="/u/seal.png" style="width:60px"></p>
<div class="share"><img src="/images/wechat-share.png"></div>
<p><a href="javascript:window.print()"><img src="/images/btn_dy.png" alt="打印"></a><a href="javascript:window.close()"><img src="/images/gb.png" alt="关闭窗口"></a></p>
<p style="text-align:center"><img src="/images/ewm.png" alt="扫一扫在手机打开当前页"></p>
</div></div>
<div class="footer"><img src="/images/conac.png"><img src="/images/jiucuo.png"></div></body></html>`;

test('the article body\'s pictures in page order, each once, lazy and srcset addresses resolved', () => {
  const page = parseDetailPage(html, PAGE);
  assert.deepEqual(page.pictures.map((p) => p.url), [
    'http://www.gov.test/xxgk/ndbg/202401/W020240115_1.png',
    'http://www.gov.test/u/cms/www/202401/t3.jpg',
    'http://files.gov.test/upload/t4.jpeg',
    'http://www.gov.test/u/large.png',
  ]);
  assert.equal(page.pictures[0]!.name, '表二');
  // Pictures are not attachments: the page links no document.
  assert.deepEqual(page.attachments, []);
});

test('a page without an article container: the body\'s pictures, its header and footer left out', () => {
  const page = parseDetailPage(`<html><body><header><img src="/logo.png"></header><p>某局2023年政府信息公开工作年度报告如下。</p>
<p><img src="/a/table.png"></p><footer><img src="/b/foot.png"></footer></body></html>`, PAGE);
  assert.deepEqual(page.pictures.map((p) => p.url), ['http://www.gov.test/a/table.png']);
});

test('a table-layout page\'s banner in a table above the article, and its skin\'s pictures, are chrome', () => {
  const page = parseDetailPage(`<html><body><table width="1000" align="center"><tr><td><img src="/Skin/blue/top.jpg" width="1000" height="150"></td></tr></table>
<table width="1000"><tr><td><img src="/images/default/top.jpg"></td><td><img src="skin/head_bg.png"></td></tr></table>
<table width="1000"><tr><td><p>某局2023年政府信息公开工作年度报告如下。</p><p><img src="/UploadFiles/2024/0125/tj2.png"></p></td></tr></table></body></html>`, PAGE);
  assert.deepEqual(page.pictures.map((p) => p.url), ['http://www.gov.test/UploadFiles/2024/0125/tj2.png']);
});

test('a picture the page also links as a file is that attachment, its place kept', () => {
  const page = parseDetailPage(`<html><body><div id="zoom"><p>某局2023年政府信息公开工作年度报告如下，附表见下。</p>
<p><img src="/a/t2.png"></p><p><a href="/a/t3.jpg">附件：表三.jpg</a><img src="/a/t3.jpg"></p><p><img src="/a/t4.png"></p></div></body></html>`, PAGE);
  assert.deepEqual(page.attachments.map((a) => a.url), ['http://www.gov.test/a/t3.jpg']);
  assert.deepEqual(page.pictures.map((p) => p.url), ['http://www.gov.test/a/t2.png', '', 'http://www.gov.test/a/t4.png']);
});
