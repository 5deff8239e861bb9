/**
 * An attachment's name is what the file is, not what its link says to do: "点击下载", "[查看原文]", "附件" give way to
 * the link's title, else to the file's own name in its address; a download endpoint with neither stays unnamed
 * (the server's Content-Disposition name, when it gives one, is used when the file is stored).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAttachments } from '../../src/crawl/attachments.ts';
import { loadHtml } from '../../src/crawl/html.ts';

test('action texts of attachment links give way to the title or the address\'s file name', () => {
  const $ = loadHtml(`<html><body><div class="content"><p>详见附件。</p>
<p><a href="/uploads/file/20250120/20250120153012_512.pdf">点击下载</a></p>
<p><a href="/u/x.pdf" title="某县农业农村局2024年政府信息公开工作年度报告.pdf">[下载]</a></p>
<p><a href="/u/%E5%B9%B4%E6%8A%A5.docx">【查看原文】</a></p>
<p><a href="/u/y.xls">某县农业农村局2024年政府信息公开工作年度报告统计表.xls</a></p>
<p><a href="/attachment.do?id=9">附件：</a></p></div></body></html>`);
  const found = findAttachments($, 'http://gov.example/nyncj/2025/0120/57.html');
  assert.deepEqual(
    found.map((a) => [a.url.replace('http://gov.example', ''), a.name]),
    [
      ['/uploads/file/20250120/20250120153012_512.pdf', '20250120153012_512.pdf'],
      ['/u/x.pdf', '某县农业农村局2024年政府信息公开工作年度报告.pdf'],
      ['/u/%E5%B9%B4%E6%8A%A5.docx', '年报.docx'],
      ['/u/y.xls', '某县农业农村局2024年政府信息公开工作年度报告统计表.xls'],
      ['/attachment.do?id=9', null],
    ],
  );
});
