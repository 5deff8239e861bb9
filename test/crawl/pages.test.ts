import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { linkTitle, parseListItems } from '../../src/crawl/list-page.ts';

const LIST = `<html><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开政府信息公开栏目</a><a href="javascript:void(0)">无障碍浏览模式</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="./">政府信息公开年报</a></div>
<ul class="list">
<li><a href="./202401/t20240115_5209902.html" title="宜春市国防动员办公室2023年政府信息公开工作年度报告">宜春市国防动员办公室2023年政府信息公开工作年…</a><span>2024-01-15</span></li>
<li><a href="./202312/P020231220513786620045.pdf">宜春市人民防空办公室2022年政府信息公开工作年度报告.pdf</a> 2023/12/20</li>
<li><a href="mailto:a@b.gov.cn">联系我们发送邮件</a></li>
</ul>
<div class="footer"><a href="http://www.gov.cn/">中国政府网站链接</a></div>
</body></html>`;

test('list items: full title from title= when the text is cut, date beside the link, files flagged, chrome ignored', () => {
  const items = parseListItems(LIST, 'http://127.0.0.1:1/zwgk/zfxxgknb/index.html');
  assert.deepEqual(items, [
    {
      title: '宜春市国防动员办公室2023年政府信息公开工作年度报告',
      url: 'http://127.0.0.1:1/zwgk/zfxxgknb/202401/t20240115_5209902.html',
      date: '2024-01-15',
      isFile: false,
    },
    {
      title: '宜春市人民防空办公室2022年政府信息公开工作年度报告.pdf',
      url: 'http://127.0.0.1:1/zwgk/zfxxgknb/202312/P020231220513786620045.pdf',
      date: '2023-12-20',
      isFile: true,
    },
  ]);
});

test('linkTitle prefers the title attribute only when the text is cut or shorter', () => {
  assert.equal(linkTitle('政府信息公开年报…', '某局2023年政府信息公开年报'), '某局2023年政府信息公开年报');
  assert.equal(linkTitle(' 某局 2023 年报 ', undefined), '某局 2023 年报');
  assert.equal(linkTitle('某局2023年政府信息公开工作年度报告', '查看'), '某局2023年政府信息公开工作年度报告');
});

const DETAIL = `<html><head><meta name="ArticleTitle" content="周口市人防办 2023 年政府信息公开工作年度报告">
<meta name="PubDate" content="2024-01-22 09:30"><meta name="ContentSource" content="周口市人民政府"></head><body>
<table><tr><td>索　引　号：</td><td>11411600MB1234567X/2024-00012</td><td>发 布 机 构：</td><td>周口市国防动员办公室</td></tr>
<tr><td>发布日期：</td><td>2024年01月22日</td></tr></table>
<div class="TRS_Editor"><p>周口市人防办 2023 年政府信息公开工作年度报告，详见附件。附件下载后请使用办公软件打开。</p></div>
<ul><li>附件：<a href="./P020240122457809213364.docx">周口市人防办2023年政府信息公开工作年度报告.docx</a></li>
<li><a href="/module/download/downfile.jsp?classid=0&filename=abc.pdf">统计表</a></li>
<li><a href="javascript:window.print()">打印本页</a></li></ul></body></html>`;

test('detail page: meta title and date, 发布机构 from the labelled table (spaces in labels), attachments by extension or download path', () => {
  const page = parseDetailPage(DETAIL, 'http://127.0.0.1:1/xxgk/zfxxgknb/202401/t20240122_880102.html');
  assert.equal(page.title, '周口市人防办 2023 年政府信息公开工作年度报告');
  assert.equal(page.publishedAt, '2024-01-22');
  assert.equal(page.publisher, '周口市国防动员办公室');
  assert.equal(page.indexNo, '11411600MB1234567X/2024-00012');
  assert.deepEqual(page.attachments, [
    { url: 'http://127.0.0.1:1/xxgk/zfxxgknb/202401/P020240122457809213364.docx', name: '周口市人防办2023年政府信息公开工作年度报告.docx' },
    { url: 'http://127.0.0.1:1/module/download/downfile.jsp?classid=0&filename=abc.pdf', name: '统计表' },
  ]);
  assert.equal(page.softNotFound, false);
});

test('a 200 page saying the item does not exist is a soft 404', () => {
  const page = parseDetailPage('<html><body><div class="content">对不起，该信息不存在或已删除！</div></body></html>', 'http://h/a.html');
  assert.equal(page.softNotFound, true);
});

test('a cut link text gives way to the full title kept in data-title, aria-label, an inner title or the row title', () => {
  const full = '某县自然资源局2023年政府信息公开工作年度报告';
  const page = `<ul><li><a href="/a/1.html" data-title="${full}">某县自然资源局2023年政府信息公开…</a></li>
<li><a href="/a/2.html"><span title="${full.replace('自然资源局', '民政局')}">某县民政局2023年政府信息…</span></a></li>
<li title="${full.replace('自然资源局', '财政局')}"><a href="/a/3.html">某县财政局2023年政府信息…</a></li>
<li><a href="/a/4.html" aria-label="${full.replace('自然资源局', '统计局')}">某县统计局2023年…</a></li></ul>`;
  assert.deepEqual(
    parseListItems(page, 'http://h/nb/').map((i) => i.title),
    [full, full.replace('自然资源局', '民政局'), full.replace('自然资源局', '财政局'), full.replace('自然资源局', '统计局')],
  );
});

test('rows that open by script are items titled by their subject: a table row by its longest cell, a row less its serial number', () => {
  const page = `<table><tr onclick="location.href='/a/3.html'"><td>3</td><td>某县2021年政府信息公开工作年度报告</td><td>2022-01-20</td></tr></table>
<ul><li onclick="window.open('/a/4.html')"><span>12、</span>某县2020年政府信息公开工作年度报告<b>2021-01-18</b></li>
<li onclick="window.open('/a/5.html')">2019年度某县政府信息公开工作年报</li></ul>`;
  assert.deepEqual(
    parseListItems(page, 'http://h/nb/').map((i) => [i.title, i.url, i.date]),
    [
      ['某县2021年政府信息公开工作年度报告', 'http://h/a/3.html', '2022-01-20'],
      ['某县2020年政府信息公开工作年度报告', 'http://h/a/4.html', '2021-01-18'],
      ['2019年度某县政府信息公开工作年报', 'http://h/a/5.html', null],
    ],
  );
});
