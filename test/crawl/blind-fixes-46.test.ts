/**
 * Round 46's fixes (docs/blind-portals.md, "Round 46"), on hand-made input:
 * 1. a 年报 column kept as ONE page, each year a bold centred heading, its text, then its PDF linked "点击下载",
 *    "附件（PDF版）", "年报全文.pdf" or its bare file name: only the PDF whose link named the report was found;
 * 2. an editor's test record "【测试勿删】…年度报告（模板）" catalogued as a report of "青海省测试勿删…"; its page saying
 *    "信息不存在或已被撤销" read as a page;
 * 3. a 政府信息公开 page whose tabs are `<li onclick="gkTab(this,'zfxxgknb/index.html')"><a href="javascript:void(0)">`
 *    loading a frame: the 年报 tab's address not read, the seed `empty`.
 * (A User-Agent not shaped as a desktop browser's, served stripped mobile pages: test/download/fetcher.test.ts.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { parseDetailPage } from '../../src/crawl/detail-page.ts';
import { listElsewhere } from '../../src/crawl/families/report-column.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';

const COL = 'http://gov.test/xxgk/bmxxgk/zrzyj/zfxxgknb/';
const AG = '隆德县自然资源局';

/** One year's section: a centred bold heading, the report's own section headings and text, its PDF link. */
const section = (heading: string, link: string) => `<p style="text-align:center;"><strong><span>${heading}</span></strong></p>
<p>根据《中华人民共和国政府信息公开条例》规定，现公布本单位政府信息公开工作年度报告。</p>
<p><strong>一、总体情况</strong></p><p>本年度坚持以公开为常态。</p><p><strong>六、其他需要报告的事项</strong></p><p>无。</p>
<p>${link}</p><p><br></p>`;

const onePage = (sections: string) => `<html><head><title>政府信息公开年报_隆德县人民政府</title></head><body>
<h1>${AG}政府信息公开工作年度报告</h1><div class="content">${sections}</div>
<div class="xglj"><h3>相关链接</h3><p><a href="./P0203.pdf">${AG}2025年政务公开工作要点.pdf</a></p></div></body></html>`;

test("a page of several years' reports: each file saying only what to do is titled by its section's year heading", () => {
  const html = onePage(
    [
      section(`${AG}2024年政府信息公开工作年度报告`, `附件：<a href="./P0124.pdf">${AG}2024年政府信息公开工作年度报告.pdf</a>`),
      section('2023年度', '附件下载：<a href="./P0123.pdf">点击下载</a>'),
      section('二〇二二年度', '<a href="./P0122.pdf"><img src="/i/pdf.gif">附件（PDF版）</a>'),
      section('2021年', '附件：<a href="./P0121.pdf">年报全文.pdf</a>'),
      section('2020年度', '<a href="./P0120.pdf">P0120.pdf</a>'),
      '<p style="text-align:center;"><strong>2025年度</strong></p><p>（待发布）</p>',
    ].join(''),
  );
  const items = parseListItems(html, COL).filter((i) => i.isFile);
  assert.deepEqual(
    items.map((i) => [new URL(i.url).pathname.split('/').pop(), i.title, classifyTitle(i.title).isReport]),
    [
      ['P0124.pdf', `${AG}2024年政府信息公开工作年度报告.pdf`, true],
      ['P0123.pdf', '2023年度政府信息公开工作年度报告', true],
      ['P0122.pdf', '二〇二二年度政府信息公开工作年度报告', true],
      ['P0121.pdf', '2021年政府信息公开工作年度报告', true],
      ['P0120.pdf', '2020年度政府信息公开工作年度报告', true],
      ['P0203.pdf', `${AG}2025年政务公开工作要点.pdf`, false],
    ],
  );
});

test("a file's section heading is looked for only on a page about the reports, and never past another section's file", () => {
  // The same sections on a page about something else: the file is titled by no heading (and, saying nothing, is no item).
  const other = onePage(section('2023年度', '<a href="./P0123.pdf">点击下载</a>')).replace('政府信息公开年报_', '通知公告_').replace(`${AG}政府信息公开工作年度报告</h1>`, '通知公告</h1>');
  assert.equal(parseListItems(other, COL).find((i) => i.url.endsWith('P0123.pdf')), undefined);
  // Two files in one section: the second is past the first, and no heading of its own is met.
  const two = onePage(section('2023年度', '<a href="./P0123.pdf">点击下载</a></p><p><a href="./P0123b.xls">附件</a>'));
  const titles = new Map(parseListItems(two, COL).map((i) => [new URL(i.url).pathname.split('/').pop(), i.title]));
  assert.equal(titles.get('P0123.pdf'), '2023年度政府信息公开工作年度报告');
  assert.notEqual(titles.get('P0123b.xls'), '2023年度政府信息公开工作年度报告');
  // A file link naming its agency ("浚县教育局" under a year's heading) is titled by its row and group, as before.
  const named = onePage(section('2023年度', '<a href="./jy.pdf">浚县教育局</a>'));
  assert.notEqual(parseListItems(named, COL).find((i) => i.url.endsWith('jy.pdf'))?.title, '2023年度政府信息公开工作年度报告');
});

test("an editor's test record is no report; a page saying its information was withdrawn is gone", () => {
  for (const t of ['【测试勿删】青海省生态环境厅2025年政府信息公开工作年度报告（模板）', '测试勿删-某县2024年政府信息公开工作年度报告', '某县2024年政府信息公开工作年度报告（模板）']) {
    assert.equal(classifyTitle(t).isReport, false, t);
  }
  assert.equal(classifyTitle('青海省生态环境厅2024年政府信息公开工作年度报告').isReport, true);
  const gone = parseDetailPage('<html><head><title>提示</title></head><body><div class="msg">信息不存在或已被撤销</div><a href="/">返回首页</a></body></html>', 'http://gov.test/xxgk/ndbg/202501/t20250101_99.html');
  assert.equal(gone.softNotFound, true);
});

test("a tab leading nowhere itself whose `<li onclick>` names the 年报 frame's address is the column's link", () => {
  const tab = (label: string, href: string, on = '') => `<li${on} onclick="gkTab(this,'${href}')"><a href="javascript:void(0)">${label}</a></li>`;
  const html = `<html><head><title>政府信息公开_科尔沁右翼中旗人民政府</title></head><body><ul class="gk-tabs">
${tab('政府信息公开指南', 'xxgkzn/index.html', ' class="on"')}${tab('政府信息公开制度', 'xxgkzd/index.html')}${tab('政府信息公开年报', 'zfxxgknb/index.html')}</ul>
<iframe name="gkFrame" src="xxgkzn/index.html"></iframe><a href="#" onclick="share('weixin')">分享</a></body></html>`;
  const url = 'http://gov.test/zwgk/zfxxgk/index.html';
  const found = listElsewhere(html, url, parseListItems(html, url)).map((l) => l.url);
  assert.ok(found.includes('http://gov.test/zwgk/zfxxgk/zfxxgknb/index.html'), found.join(' '));
  // A site function quoting no page's address (a share button's word) leads nowhere.
  assert.ok(!found.some((u) => u.includes('weixin')));
});
