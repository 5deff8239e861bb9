/** Report titles seen on the blind portals (docs/blind-portals.md) in orders the first rules did not read. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../../src/crawl/classify/title.ts';

test('the year between the words and the report: …政府信息公开工作2023年度报告 is a report; a notice about one is not', () => {
  for (const t of ['桂林市商务局政府信息公开工作2024年度报告', '某区政务公开工作2023年度报告']) assert.ok(classifyTitle(t).isReport, t);
  for (const t of ['关于报送政府信息公开工作2024年度报告的通知', '政府信息公开工作2023年度报告解读']) assert.ok(!classifyTitle(t).isReport, t);
});
