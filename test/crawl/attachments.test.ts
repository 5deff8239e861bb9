/** Attachments wherever report pages put them, never site furniture; collection (index) pages vs report pages; documents answered for pages. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyCollection } from '../../src/crawl/collection.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { answeredDocument } from '../../src/crawl/detail-routing.ts';

const URL_ = 'http://h/xxgk/nb/2024/t1.html';
const shell = (main: string) => `<html><head><title>报告</title><script src="/js/download.js"></script><link rel="stylesheet" href="/css/a.css"></head><body>
<div class="header"><a href="/"><img src="/images/logo.png" alt="某市人民政府"></a><a href="/upload/header-banner.pdf">导航手册.pdf</a></div>
<div class="main">${main}</div>
<div class="footer"><a href="https://bszs.conac.cn/sitename?id=1"><img src="/images/dzjg.png" alt="党政机关"></a><a href="/images/jiucuo.png">纠错</a></div></body></html>`;

const urls = (html: string) => parseDetailPage(html, URL_).attachments.map((a) => a.url);

test('attachments from PDF viewers in iframe, embed and object', () => {
  assert.deepEqual(urls(shell('<iframe src="/static/pdfjs/web/viewer.html?file=/upload/2024/nb.pdf" width="100%"></iframe>')), ['http://h/upload/2024/nb.pdf']);
  assert.deepEqual(urls(shell('<iframe src="/viewer.html?file=%2Fupload%2Fa%20b.pdf"></iframe>')), ['http://h/upload/a%20b.pdf']);
  assert.deepEqual(urls(shell('<embed src="../files/nb2023.pdf" type="application/pdf">')), ['http://h/xxgk/nb/files/nb2023.pdf']);
  assert.deepEqual(urls(shell('<object data="/files/nb.pdf" type="application/pdf"></object>')), ['http://h/files/nb.pdf']);
  // A viewer of something that is not a document, or a video frame, is nothing.
  assert.deepEqual(urls(shell('<iframe src="/map/index.html"></iframe><iframe src="/viewer.html?file=/app.js"></iframe>')), []);
});

test('attachments from script downloads and non-link tags', () => {
  assert.deepEqual(urls(shell(`<a href="javascript:void(0)" onclick="window.open('/upload/nb2023.pdf','_blank')">点击查看</a>`)), ['http://h/upload/nb2023.pdf']);
  assert.deepEqual(urls(shell(`<span class="down" onclick="downloadFile('/attach/0/abc.docx')">附件</span>`)), ['http://h/attach/0/abc.docx']);
  assert.deepEqual(urls(shell(`<a href="javascript:downLoad('/fj/2024/nb.doc')">某局年报.doc</a>`)), ['http://h/fj/2024/nb.doc']);
  assert.deepEqual(urls(shell('<div id="attribute"><span class="gk fj"><file href="/uploadfiles/2024/nb.pdf">某局年报</file></span></div>')), ['http://h/uploadfiles/2024/nb.pdf']);
  assert.deepEqual(urls(shell('<li data-href="/files/x.pdf">附件1</li><button data-url="/getfile?id=7">下载</button>')), ['http://h/files/x.pdf', 'http://h/getfile?id=7']);
  const named = parseDetailPage(shell('<file href="/f/1.pdf">某局2023年政府信息公开工作年度报告</file>'), URL_).attachments;
  assert.equal(named[0]!.name, '某局2023年政府信息公开工作年度报告');
});

test('site furniture is never an attachment: header/footer links, logos and badges, asset bundles', () => {
  assert.deepEqual(urls(shell('<p>正文</p>')), []);
  assert.deepEqual(urls(shell('<p><a href="/images/logo-footer.png"><img src="/images/logo-footer.png"></a><a href="/res/download.js">脚本</a></p>')), []);
  // A scanned page of the report, linked with its name, is an attachment.
  assert.deepEqual(urls(shell('<p><a href="/upload/P0201.jpg">年报扫描件第1页</a></p>')), ['http://h/upload/P0201.jpg']);
});

const report = (title: string) => ({ title, bodyText: '', attachments: [] as { url: string; name: string | null }[] });

test('a per-year index page linking several agencies\' reports is a collection; a report page is not', () => {
  const index = shell(`<h1>2023年度政府信息公开工作年度报告</h1><ul>
<li><a href="/bm/jyj/2024/t1.html">市教育局2023年政府信息公开工作年度报告</a></li>
<li><a href="/bm/czj/2024/t2.html">市财政局2023年政府信息公开工作年度报告</a></li></ul>`);
  assert.equal(classifyCollection(index, URL_, report('2023年度政府信息公开工作年度报告')).collection, true);
  const departments = shell('<h2>2022年部门政府信息公开年报</h2><ul><li><a href="/a/1.html">某市教育局</a></li><li><a href="/a/2.html">某市民政局</a></li><li><a href="/a/3.html">某市财政局</a></li></ul>');
  assert.equal(classifyCollection(departments, URL_, report('2022年部门政府信息公开年报')).collection, true);
  const years = shell('<h3>政府信息公开年报</h3><ul><li><a href="/nb/2024/">2024年</a></li><li><a href="/nb/2023/">2023年</a></li></ul>');
  assert.equal(classifyCollection(years, URL_, report('政府信息公开年报')).collection, true);
  // A report with its body, whose sidebar links other years: a report.
  const body = '一、总体情况 本年度…… 二、主动公开政府信息情况 …… 三、收到和处理政府信息公开申请情况 本年新收 5 件';
  const withSidebar = shell(`<div id="zoom"><p>${body}</p></div><div class="related"><a href="/nb/t0.html">某局2022年政府信息公开工作年度报告</a><a href="/nb/t9.html">某局2021年政府信息公开工作年度报告</a></div>`);
  assert.equal(classifyCollection(withSidebar, URL_, { ...report('某局2023年政府信息公开工作年度报告'), bodyText: body }).collection, false);
  // A report whose text is in two attachments of the same report: a report.
  const attached = shell('<p>全文见附件</p><a href="/f/1.pdf">某局2023年政府信息公开工作年度报告.pdf</a><a href="/f/1.doc">某局2023年政府信息公开工作年度报告.doc</a>');
  const page = parseDetailPage(attached, URL_);
  assert.equal(classifyCollection(attached, URL_, page).collection, false);
});

test('a report URL that answers a document is told by its bytes, whatever the Content-Type', () => {
  const v = (body: string, contentType: string | null) => ({ url: URL_, loadedUrl: URL_, status: 200, body, contentType });
  assert.equal(answeredDocument(v('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'text/html')), 'pdf');
  assert.equal(answeredDocument(v('\ufffd\ufffd\u0011\ufffd\ufffd\ufffd\u001a\ufffd\u0000\u0000\u0000\u0000', 'application/octet-stream')), 'binary');
  assert.equal(answeredDocument(v('<html><body>某局年报</body></html>', 'application/octet-stream')), null);
  assert.equal(answeredDocument(v('<!DOCTYPE html><html><body>x</body></html>', 'text/html')), null);
});

test('a report page is not an index for its prev/next links, its related box or a site-wide year menu', () => {
  const title = '某市民政局2023年政府信息公开工作年度报告';
  const scan = '<p><img src="/upload/scan1.jpg"></p>';
  const prevNext = shell(`<h1>${title}</h1>${scan}<div class="art-nav"><p>上一篇：<a href="/nb/1.html">某市财政局2023年政府信息公开工作年度报告</a></p><p>下一篇：<a href="/nb/2.html">某市教育局2023年政府信息公开工作年度报告</a></p></div>`);
  assert.equal(classifyCollection(prevNext, URL_, report(title)).collection, false);
  const related = shell(`<h1>${title}</h1>${scan}<div class="related-list"><a href="/nb/1.html">某市财政局2023年政府信息公开工作年度报告</a><a href="/nb/2.html">某市民政局2022年政府信息公开工作年度报告</a></div>`);
  assert.equal(classifyCollection(related, URL_, report(title)).collection, false);
  const menu = shell(`<div class="left"><h3>政府信息公开年报</h3><ul><li><a href="/c1/list.shtml">2024</a></li><li><a href="/c2/list.shtml">2023</a></li></ul></div><h1>${title}</h1>${scan}`);
  assert.equal(classifyCollection(menu, URL_, report(title)).collection, false);
  // The same menu on a page that names no report is an index of year columns.
  assert.equal(classifyCollection(menu.replace(`<h1>${title}</h1>`, '<h1>年报</h1>'), URL_, report('年报')).collection, true);
});

test('a script link whose file is in data-src or data-path is an attachment; a lazy image data-src is not', () => {
  assert.deepEqual(urls(shell('<a href="javascript:void(0)" data-src="/files/nb2023-2.pdf">附件2</a><span class="fj" data-path="/files/nb2023.docx">附件1</span>')), ['http://h/files/nb2023-2.pdf', 'http://h/files/nb2023.docx']);
  assert.deepEqual(urls(shell('<img data-src="/files/scan-cover.pdf" src="/images/loading.gif">')), []);
});

test('one line of metadata labels gives each field its own value', () => {
  const page = parseDetailPage(shell('<h1>某县2023年政府信息公开工作年度报告</h1><div class="info">发布机构：某县人民政府办公室　发布日期：2024-01-30　浏览次数：12</div>'), URL_);
  assert.equal(page.publisher, '某县人民政府办公室');
  assert.equal(page.publishedAt, '2024-01-30');
  const spans = parseDetailPage(shell('<p>来源：某县民政局 作者：办公室 时间：2024-02-01</p>'), URL_);
  assert.equal(spans.publisher, '某县民政局');
});
