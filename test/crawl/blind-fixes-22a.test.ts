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
import { agencyFromTitle } from '../../src/crawl/classify/agency.ts';
import { classifyCollection } from '../../src/crawl/collection.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
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
      // Unnamed: the file's own name; an action word (预览) gives way to the title (attachment-names.test.ts).
      ['/2024/files/2022nb.pdf', '2022nb.pdf'],
      ['/up/2021.pdf', '2021年度报告'],
      ['/up/2020.docx', '2020年度报告'],
    ],
  );
});

const article = (title: string, links: string) => `<html><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="news_title">${title}</div><div class="news_info">发布时间：2025-01-24　来源：县政府办公室</div>
<div class="news_content" id="zoom"><p>现将有关情况予以公开。</p><p>附件：</p>${links}</div>
<div class="bottom">主办：某县人民政府办公室</div></body></html>`;
const verdict = (html: string, url = 'http://gov.example/html/202501/24/6527.html') => {
  const page = parseDetailPage(html, url);
  return classifyCollection(html, url, page, page.title ?? undefined);
};

test('an article whose attachments are the reports of several bodies is their index, not one report with its files', () => {
  const html = article(
    '某县县直部门2024年政府信息公开工作年度报告',
    `<p><a href="/uploadfiles/202501/20250124093512417.pdf">1.某县发展和改革委员会2024年政府信息公开工作年度报告.pdf</a></p>
<p><a href="/uploadfiles/202501/20250124093538052.docx">2.某县教育局2024年政府信息公开工作年度报告.docx</a></p>
<p><a href="/uploadfiles/202501/20250124093601733.pdf">3.某县财政局2024年政府信息公开工作年度报告.pdf</a></p>`,
  );
  assert.equal(verdict(html).collection, true, verdict(html).reason);
});

test('one body\'s report page with its files (PDF and DOC of the same report, or a single other name) stays one report', () => {
  const same = article(
    '某县人民政府2024年政府信息公开工作年度报告',
    `<p><a href="/up/1.pdf">某县人民政府2024年政府信息公开工作年度报告.pdf</a></p><p><a href="/up/1.doc">某县人民政府2024年政府信息公开工作年度报告.doc</a></p>`,
  );
  assert.equal(verdict(same).collection, false, verdict(same).reason);
  const office = article('某县人民政府2024年政府信息公开工作年度报告', `<p><a href="/up/2.pdf">附件1：某县人民政府办公室2024年政府信息公开工作年度报告.pdf</a></p>`);
  assert.equal(verdict(office).collection, false, verdict(office).reason);
  // Attachments naming other bodies' budgets are no reports: the article stays what its title says.
  const budgets = article(
    '某县县直部门2025年部门预算公开',
    `<p><a href="/up/3.xls">1.某县发展和改革委员会2025年部门预算.xls</a></p><p><a href="/up/4.xls">2.某县教育局2025年部门预算.xls</a></p>`,
  );
  assert.equal(verdict(budgets).collection, false, verdict(budgets).reason);
});

test('an attachment list\'s item number is not part of the agency\'s name', () => {
  assert.equal(agencyFromTitle('1.某县发展和改革委员会2024年政府信息公开工作年度报告.pdf'), '某县发展和改革委员会');
  assert.equal(agencyFromTitle('2、某县教育局2024年政府信息公开工作年度报告'), '某县教育局');
  assert.equal(agencyFromTitle('12．某县财政局2024年度政府信息公开工作年度报告.docx'), '某县财政局');
  assert.equal(agencyFromTitle('附件3：某县卫生健康委员会2024年政府信息公开工作年度报告'), '某县卫生健康委员会');
  assert.equal(agencyFromTitle('附件：某县水利局2023年政府信息公开工作年度报告'), '某县水利局');
  // A year first is no item number; a name with digits of its own keeps them.
  assert.equal(agencyFromTitle('2024年度某县民政局政府信息公开工作年度报告'), '某县民政局');
  assert.equal(agencyFromTitle('某市第一中学2024年政府信息公开工作年度报告'), '某市第一中学');
});
