/**
 * Rounds 79-80's changes (docs/blind-portals.md, rounds 79-80); the blind portals themselves are crawled whole by the
 * blind parts (80b's tabs reading other channels' data files beside a learned list: the handler's path). A seed page
 * sending its reader on to another host is named; a 年报 landing's boxes captioned by kinds of unit lead on by their
 * 更多; a pager's page count after its item count ("共9条 2页") is read; …政务信息公开工作开展年度报告 is a report's title; a
 * page showing reports only in its 最新公开 box is read through its menu's 年报 column.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../src/crawl/classify/title.ts';
import { announcedTotals } from '../../src/crawl/families/announced.ts';
import { listElsewhere, subColumnLinks } from '../../src/crawl/families/report-column.ts';
import type { ListItem } from '../../src/crawl/list-page.ts';
import { offScopeRedirects } from '../../src/crawl/off-scope-frames.ts';

test('a seed page sending its reader on to a host outside the registry names where', () => {
  const scope = { allows: (url: string) => new URL(url).host === 'www.gov.test' };
  const shell = '<html><head><meta charset="gb2312"><title>跳转</title></head><body><script>window.location.replace("http://xxgk.platform.test/tcxxgk/");</script></body></html>';
  assert.deepEqual(offScopeRedirects(shell, 'http://www.gov.test/zwgk/zfxxgk/', scope), ['http://xxgk.platform.test/tcxxgk/']);
  // To its own host: no such note (the crawl follows it).
  assert.deepEqual(offScopeRedirects(shell.replace('http://xxgk.platform.test', ''), 'http://www.gov.test/zwgk/zfxxgk/', scope), []);
});

test("a 年报 landing's boxes captioned by kinds of unit (县政府, 县政府部门, 乡镇) lead on by their 更多", () => {
  const url = 'http://gov.test/columns/nb/index.html';
  const box = (caption: string, col: string, titles: string[]) =>
    `<div class="box"><div class="hd"><h3>${caption}</h3><a class="more" href="/columns/${col}/index.html">更多&gt;&gt;</a></div><ul>${titles.map((t, i) => `<li><a href="/columns/${col}/${i}.html">${t}</a></li>`).join('')}</ul></div>`;
  const page = `<html><head><title>政府信息公开年报_某县人民政府</title></head><body>
${box('县政府', 'xzf', ['某县人民政府2024年政府信息公开工作年度报告', '某县人民政府2023年政府信息公开工作年度报告'])}
${box('县政府部门', 'bm', ['某县教育局2024年政府信息公开工作年度报告', '某县财政局2024年政府信息公开工作年度报告'])}
${box('通知公告', 'tz', ['某县2025年政务公开工作要点', '关于开展某项工作的通知'])}</body></html>`;
  const links = subColumnLinks(page, url);
  assert.ok(links.includes('http://gov.test/columns/xzf/index.html'), links.join(', '));
  assert.ok(links.includes('http://gov.test/columns/bm/index.html'));
  assert.ok(!links.includes('http://gov.test/columns/tz/index.html'), 'a box of other notices leads nowhere');
});

test('a page count written after the item count ("共9条 2页") is the pager’s', () => {
  const shell = (pager: string) => `<html><body><ul><li><a href="/a.html">某县教育局2024年政府信息公开工作年度报告</a></li></ul><div class="page-box">${pager}</div></body></html>`;
  assert.deepEqual(announcedTotals(shell('共9条 2页 <span>上一页</span><span class="cur">1</span><a href="javascript:void(0)">2</a>')), { announcedPages: 2, announcedItems: 9 });
  assert.equal(announcedTotals(shell('共9条 共2页')).announcedPages, 2);
});

test('a title saying 政务信息公开工作开展年度报告 (or …工作开展情况的报告) with its year is a report', () => {
  assert.equal(classifyTitle('当雄县教育局2024年政务信息公开工作开展年度报告').isReport, true);
  assert.equal(classifyTitle('某县2024年度政府信息公开工作开展情况的报告').isReport, true);
  assert.equal(classifyTitle('政务信息公开工作开展年度报告').isReport, false, 'no year: a label');
  assert.equal(classifyTitle('某县2024年政务信息公开工作要点').isReport, false);
});

test('a page showing reports only in its 最新公开 box is read through its menu’s 年报 column', () => {
  const url = 'http://gov.test/xxgk/';
  const row = (href: string, t: string) => `<li><a href="${href}">${t}</a></li>`;
  const page = (latest: string) => `<html><head><title>政府信息公开_古浪县人民政府</title></head><body>
<div class="left"><div class="ltit">政府信息公开</div><ul class="lmenu">${row('/show/102.html', '政府信息公开指南')}${row('/xxgk/nb.asp', '政府信息公开年报')}</ul></div>
<div class="right"><div class="rtit"><h3>${latest}</h3></div><ul class="newslist">${row('/show/4187.html', '古浪县人民政府2024年政府信息公开工作年度报告')}${row('/show/4172.html', '古浪县农业农村局2024年政府信息公开工作年度报告')}${row('/show/4160.html', '古浪县2025年政务公开工作要点')}</ul></div></body></html>`;
  const items: ListItem[] = [
    { title: '政府信息公开指南', url: 'http://gov.test/show/102.html', date: null, isFile: false },
    { title: '政府信息公开年报', url: 'http://gov.test/xxgk/nb.asp', date: null, isFile: false },
    { title: '古浪县人民政府2024年政府信息公开工作年度报告', url: 'http://gov.test/show/4187.html', date: null, isFile: false },
    { title: '古浪县农业农村局2024年政府信息公开工作年度报告', url: 'http://gov.test/show/4172.html', date: null, isFile: false },
    { title: '古浪县2025年政务公开工作要点', url: 'http://gov.test/show/4160.html', date: null, isFile: false },
  ];
  assert.ok(listElsewhere(page('最新公开'), url, items).some((l) => l.url === 'http://gov.test/xxgk/nb.asp'));
  // The same reports under a caption of their own (a box of the reports): the page is their list.
  assert.ok(!listElsewhere(page('年报速递'), url, items).some((l) => l.url === 'http://gov.test/xxgk/nb.asp'));
});
