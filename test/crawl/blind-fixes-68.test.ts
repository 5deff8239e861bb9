/**
 * Round 68's change (docs/blind-portals.md, round 68); the blind portals themselves are crawled whole by the blind
 * parts (xiuwu's moved column there). A column's unit tabs in a bar classed as a heading (`<div class="gk-tab-hd">`)
 * are the column's tabs: their bar is not a caption naming something else. A seed page listing nothing whose one frame
 * is on a host outside the registry (wensu's cloaked-forwarding frameset) names that host, over HTTP alone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { subColumnLinks } from '../../src/crawl/families/report-column.ts';
import { page } from '../fixtures/portal/sites/blind/kit.ts';
import { wensuForwardPortal } from '../fixtures/portal/sites/blind/round68c.ts';
import { crawlAsUser } from './blind-crawl.ts';

const URL_ = 'http://gov.test/zfxxgk/ndbg/index.html';
const column = (bar: string) =>
  page(
    '修武县人民政府',
    '政府信息公开工作年度报告',
    `<div class="gk-right"><div class="gk-right-tit"><h3>政府信息公开工作年度报告</h3></div>${bar}
<div class="gk-tab-bd"><ul><li><a href="/zfxxgk/ndbg/202501/t1.html">修武县2024年政府信息公开工作年度报告</a><span>2025-01-20</span></li></ul></div></div>`,
  );

test("a column's unit tabs in a bar classed as a heading are read as its tabs, not as that bar's caption", () => {
  const tabs = `<div class="gk-tab-hd"><a class="cur" href="/zfxxgk/ndbg/index.html">县政府</a><a href="/zfxxgk/ndbg/xzbm/index.html">县直部门</a><a href="/zfxxgk/ndbg/xzjd/index.html">乡镇（街道）</a></div>`;
  assert.deepEqual(subColumnLinks(column(tabs), URL_).sort(), ['http://gov.test/zfxxgk/ndbg/xzbm/index.html', 'http://gov.test/zfxxgk/ndbg/xzjd/index.html']);
  // The same bar with each tab in an `<li>`.
  const listed = `<ul class="tab-hd"><li class="cur"><a href="/zfxxgk/ndbg/index.html">县政府</a></li><li><a href="/zfxxgk/ndbg/xzbm/index.html">县直部门</a></li><li><a href="/zfxxgk/ndbg/xzjd/index.html">乡镇（街道）</a></li></ul>`;
  assert.deepEqual(subColumnLinks(column(listed), URL_).sort(), ['http://gov.test/zfxxgk/ndbg/xzbm/index.html', 'http://gov.test/zfxxgk/ndbg/xzjd/index.html']);
  // A heading-classed bar that names something else beside the tabs still captions them (a directory's side box).
  const directory = `<div class="ml-hd"><span>信息公开目录</span><a href="/zfxxgk/ndbg/xzbm/index.html">县直部门</a><a href="/zfxxgk/ndbg/xzjd/index.html">乡镇（街道）</a></div>`;
  assert.deepEqual(subColumnLinks(column(directory), URL_), []);
});

test("a seed that is a frameset of a page on a host outside the registry names that host in its flag, no script run", { timeout: 120_000 }, async () => {
  const run = await crawlAsUser([wensuForwardPortal()]);
  try {
    const seed = run.seeds[0]!;
    assert.deepEqual(seed.flags, ['empty']);
    const sibling = new URL(run.portal.urls['blind-xj-wensu-url-forward-frameset-sibling']!).host;
    assert.match(seed.last.reason ?? '', new RegExp(`its page frames 1 page\\(s\\) from hosts outside the registry \\(${sibling.replace(/\./g, '\\.')}\\), not read`));
  } finally {
    await run.portal.close();
  }
});
