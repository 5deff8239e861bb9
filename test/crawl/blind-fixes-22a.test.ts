/**
 * Round 22a's fixes (docs/blind-portals.md, "Round 22a"), each on hand-made input. Two details of round 22a's
 * portals were missed silently: a report published only in WebPlus's PDF player (`<div class="wp_pdf_player"
 * pdfsrc="….pdf">`, no link to the file), whose file was never fetched; and a county's departments' reports published
 * as the attachment list of ONE article ("1.某县发展和改革委员会2024年…年度报告.pdf", "2.某县教育局….docx"), which was
 * catalogued as the county's own report with the departments' files as its parts, and each file's list number read
 * as part of its agency's name ("某县1.某县发展和改革委员会").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findAttachments } from '../../src/crawl/attachments.ts';
import { loadHtml } from '../../src/crawl/html.ts';

const PAGE = 'http://gov.example/2024/0122/c3274a170518/page.htm';

test('a document player naming its file in an attribute of its own (WebPlus pdfsrc, pdfurl, data-pdf, fileurl) is an attachment', () => {
  const html = `<html><body><div class="wp_articlecontent"><p>全文如下：</p>
<div class="wp_pdf_player" pdfsrc="/_upload/article/files/5e/1c/ab12/9c8d-7e6f.pdf" sudyfile-attr="{'title':'某局2023年政府信息公开工作年度报告.pdf'}" style="width:100%;height:800px;"><img src="/_ueditor/themes/default/images/spacer.gif" /></div>
<div class="pdf-box" pdfurl="../../files/2022nb.pdf"></div>
<span class="viewer" data-pdf="/up/2021.pdf" title="2021年度报告">预览</span>
<div fileurl="/up/2020.docx">2020年度报告</div>
<div class="tool" file-src="/help/index.html">帮助</div><div pdfsrc="/_js/_portletPlugs/pdfPlayer.js"></div>
</div></body></html>`;
  const found = findAttachments(loadHtml(html), PAGE);
  assert.deepEqual(
    found.map((a) => [a.url.replace('http://gov.example', ''), a.name]),
    [
      ['/_upload/article/files/5e/1c/ab12/9c8d-7e6f.pdf', '某局2023年政府信息公开工作年度报告.pdf'],
      ['/2024/files/2022nb.pdf', null],
      ['/up/2021.pdf', '预览'],
      ['/up/2020.docx', '2020年度报告'],
    ],
  );
});
