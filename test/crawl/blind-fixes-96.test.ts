/**
 * Rounds 96-97's fixes (docs/blind-portals.md, "Rounds 96-97"), on hand-made input; the handler paths are checked end
 * to end by the blind parts (blind-dawukou, blind-longyou, blind-dongcheng, blind-yazhou):
 * 1. a CMS's published data file per year (`/* generated … *\/ nbCallback({…})`, no callback parameter), its list in
 *    groups (区人民政府, 区直部门, 街道…), its year a number of its path, the years an accordion's headers;
 * 2. a year folder's box captioned by a kind of unit (区政府部门) whose shown items are no report;
 * 3. a roll-up article's table (单位名称 | 年度报告) linking files by their names ("崖城镇年报.pdf").
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { findList, isJsonpData, itemsByShape, type JsonItemShape } from '../../src/crawl/learn/list-shape.ts';
import { yearParam, yearRequests } from '../../src/crawl/learn/year-tabs.ts';
import { parseListItems } from '../../src/crawl/list-page.ts';

const esc = (o: unknown) => JSON.stringify(o).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const dataFile = (year: number) =>
  `/* generated ${year + 1}-03-27 10:12:05 by wcm publish, do not edit */\nnbCallback(${esc({
    year: String(year),
    groups: [
      { name: '区人民政府', list: [{ t: `某区人民政府${year}年政府信息公开工作年度报告`, u: `./${year + 1}03/t1.html`, d: `${year + 1}-03-27` }] },
      { name: '区直部门', list: [{ t: `某区卫生健康局${year}年政府信息公开工作年度报告`, u: `../bmxxgk/${year + 1}01/t2.html`, d: `${year + 1}-01-20` }, { t: `某区${year + 1}年部门预算`, u: `../bmxxgk/${year + 1}02/t3.html`, d: `${year + 1}-02-01` }] },
      { name: '街道（镇）', list: [] },
    ],
  })});\n`;

test("a data file handing its groups to a callback, under its generator's comment: every group's items, read as a list (round 97b)", () => {
  const body = dataFile(2024);
  assert.equal(isJsonpData(body), true);
  assert.equal(isJsonpData('/* lib */\n$(function () { init(); });'), false, 'a library call is no data');
  const found = findList(body, 'http://gov.test/xxgk/nb/nbdata/nb2024.js?v=1', 'http://gov.test/xxgk/nb/');
  assert.ok(found && found.shape.kind === 'json');
  assert.deepEqual(found.items.map((i) => i.url), ['http://gov.test/xxgk/nb/202503/t1.html', 'http://gov.test/xxgk/bmxxgk/202501/t2.html', 'http://gov.test/xxgk/bmxxgk/202502/t3.html']);
  // Read again with the learned shape: another year's file, all its groups.
  const json = JSON.parse(/nbCallback\(([\s\S]*)\);/.exec(dataFile(2023))![1]!);
  assert.equal(itemsByShape(json, found.shape as JsonItemShape, 'http://gov.test/xxgk/nb/')!.length, 3);
});

test("a year that is a number of the data file's path, the years an accordion's headers: each year's file asked (round 97b)", () => {
  const page = `<html><body><div class="nb-year" data-year="2024"><h3>2024年度 <i>▼</i></h3><div class="nb-body"></div></div><div class="nb-year" data-year="2023"><h3>2023年度 <i>▼</i></h3></div><div style="display:none"><div class="nb-year"><h3>2022年度 <i>▼</i></h3></div></div></body></html>`;
  const req = { method: 'GET', url: 'http://gov.test/xxgk/nb/nbdata/nb2024.js?v=1796632930530', body: null, contentType: null };
  const years = yearParam(req, page);
  assert.deepEqual(years, { in: 'path', name: '0', others: [2023, 2022] });
  assert.deepEqual(yearRequests(req, years!).map((r) => r.url), ['http://gov.test/xxgk/nb/nbdata/nb2023.js?v=1796632930530', 'http://gov.test/xxgk/nb/nbdata/nb2022.js?v=1796632930530']);
});

test("a year folder's box captioned by a kind of unit is its sub-column, whatever its newest items are (round 96c)", () => {
  const box = (caption: string, key: string, items: string[]) => `<div class="nb-box"><div class="nb-hd"><h4>${caption}</h4><a class="more" href="./${key}2025/">更多</a></div><ul>${items.map((t, i) => `<li><a href="./${key}2025/202502/t${i}.html">${t}</a></li>`).join('')}</ul></div>`;
  const traps = ['关于某委2023年政府信息公开工作年度报告的更正说明', '一图读懂某委工作', '某区2025年政务公开工作要点'];
  const html = (crumb: string) => `<html><head><title>2025年</title></head><body><div class="crumb">当前位置：<a href="/">首页</a> &gt; ${crumb} &gt; 2025年</div>${box('区政府', 'qzf', ['某区人民政府2024年政府信息公开工作年度报告'])}${box('区政府部门', 'qzfbm', traps)}${box('街道乡镇', 'jdxz', traps)}</body></html>`;
  const url = 'http://gov.test/zfxxgkzl/gknb/2025nb/';
  const links = subColumnLinks(html('<a href="/zfxxgkzl/gknb/">政府信息公开年报</a>'), url);
  for (const key of ['qzf', 'qzfbm', 'jdxz']) assert.ok(links.includes(`${url}${key}2025/`), `${key}: ${links.join(' ')}`);
  // On a page about something else, a box showing no report leads nowhere.
  assert.ok(!subColumnLinks(html('<a href="/zwgk/">政务公开</a>'), url).includes(`${url}qzfbm2025/`));
});

test("a roll-up table's link reading a file's name is titled by its unit's row, in the file's year or the table's (round 97a)", () => {
  const rows = [
    ['某区教育局', '<a href="/bm/a.pdf">2023年度政府信息公开工作年度报告.pdf</a>'],
    ['某镇人民政府', '<a href="/bm/b.pdf">某镇年报.pdf</a>'],
    ['某区财政局', '报告正在审定，另行公布'],
  ];
  const html = `<html><head><title>某区各单位2024年度政府信息公开工作年度报告汇总</title></head><body><h1>某区各单位2024年度政府信息公开工作年度报告汇总</h1><p>现将各单位2024年度政府信息公开工作年度报告集中公布如下。</p><table><tr><th>序号</th><th>单位名称</th><th>年度报告</th></tr>${rows.map(([u, c], i) => `<tr><td>${i + 1}</td><td>${u}</td><td>${c}</td></tr>`).join('')}</table></body></html>`;
  const titles = parseListItems(html, 'http://gov.test/nb/hz2024.shtml').map((i) => i.title);
  assert.ok(titles.includes('某区教育局2023年度政府信息公开工作年度报告'), titles.join(' | '));
  assert.ok(titles.includes('某镇人民政府2024年度政府信息公开工作年度报告'), titles.join(' | '));
});
