/**
 * Round 75's changes (docs/blind-portals.md, round 75); the blind portals themselves are crawled whole by the blind
 * parts. A tree of units drawn as groups of one shape (`<dl><dt>县直部门</dt><dd>…</dd></dl><dl><dt>乡（镇）</dt>…`) is one
 * list of units across its groups, a group of one or two units among them; a `<dt>` heading a group no longer hides
 * its `<dd>`s; and a filter bar whose chosen tab is 全部 (everything shown already) offers no choices.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright';
import { choicesToMake, MARK_CHOICES, type Choice } from '../../src/crawl/learn/list-choices.ts';
import { fileBrowser, servedPage } from '../helpers/browser.ts';
import { requireTools } from '../helpers/tools.ts';

const PAGE = 'http://gov.test/xxgkAnnualReport/';
const browser = fileBrowser();
const served = (html: string): Promise<Page> => servedPage(browser()!, PAGE, html, () => null);

// An annual-report module's tree as its script draws it: a group per kind of unit, the county's own first and chosen.
const tree = `<html><body><div class="nb_tree" id="branchTree">
<dl class="nb_group"><dt>县人民政府</dt><dd><a href="javascript:void(0);" class="cur">某县人民政府</a></dd></dl>
<dl class="nb_group"><dt>县直部门</dt><dd><a href="javascript:void(0);">某县教育局</a></dd><dd><a href="javascript:void(0);">某县卫生健康局</a></dd></dl>
<dl class="nb_group"><dt>乡（镇）</dt><dd><a href="javascript:void(0);">八宝镇人民政府</a></dd><dd><a href="javascript:void(0);">峨堡镇人民政府</a></dd></dl>
</div><ul class="nb_types"><li class="cur"><a href="javascript:void(0);">政府信息公开年报</a></li><li><a href="javascript:void(0);">政府网站年报</a></li></ul></body></html>`;

test("a tree of units drawn as groups of one shape is one list of units, each group's units a choice", { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const page = await served(tree);
  try {
    const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
    const units = choices.filter((c) => c.text !== '政府网站年报');
    // Before, the groups' <dt> hid their <dd>s, and a group of two units with none marked was no list: none offered.
    assert.deepEqual(units.map((c) => c.text), ['某县教育局', '某县卫生健康局', '八宝镇人民政府', '峨堡镇人民政府']);
    assert.equal(new Set(units.map((c) => c.group)).size, 1, 'one group across the tree');
    // The link inside a unit's <dd> is no bar of its own.
    assert.equal(choices.length, new Set(choices.map((c) => c.mark)).size);
  } finally {
    await page.close();
  }
});

test('a filter bar whose chosen tab is 全部 offers no choice but over a capped pager: its tabs show parts of the list read', { timeout: 60_000 }, async (t) => {
  if (!requireTools(t, 'chromium')) return;
  const bar = (chosen: string) =>
    `<html><body><ul class="tab"><li class="on"><a href="javascript:;">县政府年报</a></li><li><a href="javascript:;">部门年报</a></li></ul>
<div class="year"><span>按年份：</span>${['全部', '2025(1)', '2024(4)', '2023(2)'].map((y) => `<a href="javascript:;"${y === chosen ? ' class="on"' : ''}>${y}</a>`).join('')}</div><ul id="list"></ul></body></html>`;
  for (const [chosen, expected] of [
    ['全部', ['部门年报']],
    ['2025(1)', ['部门年报', '全部', '2024(4)', '2023(2)']],
  ] as const) {
    const page = await served(bar(chosen));
    try {
      const choices = await page.evaluate<Choice[]>(MARK_CHOICES);
      assert.deepEqual(choicesToMake(choices).map((c) => c.text).sort(), [...expected].sort(), chosen);
      // Under 全部 its tabs are marked as parts of the list: made only when its pager stops short of its count
      // (round 91b, choicesToMake's `capped`).
      if (chosen === '全部') assert.deepEqual(choicesToMake(choices, true).filter((c) => c.ofAll).map((c) => c.text), ['2025(1)', '2024(4)', '2023(2)']);
    } finally {
      await page.close();
    }
  }
});
