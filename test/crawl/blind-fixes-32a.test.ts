/**
 * Round 32a's fix (docs/blind-portals.md, "Round 32a"), on hand-made input. The three portals were read whole; the
 * titles probed beside them found a family of traps every 年报 column of a city or province carries: a superior
 * office's review of the reports names them in full and goes on with what it did to them ("…年度报告评议结果",
 * "…年报发布情况核查结果", "…年度报告质量评查结果", "…年度报告点评"), and was taken for a report because only
 * 评估 / 考核 / 检查 / 抽查 were known review words.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTitle } from '../../src/crawl/classify/title.ts';

test('a review of the annual reports (评议, 评查, 核查, 审查, 点评, 整改, 发布情况) is not a report', () => {
  for (const t of [
    '延安市2024年度政府信息公开工作年度报告评议结果',
    '2024年政府信息公开工作年度报告发布情况核查结果',
    '全市2024年度政府信息公开工作年度报告发布情况',
    '宜川县2024年政府信息公开工作年度报告社会评议情况',
    '2024年度政府信息公开工作年度报告质量评查结果',
    '关于2024年度政府信息公开工作年度报告的核查情况',
    '全省政府信息公开工作年度报告审查情况',
    '2024年政府信息公开工作年度报告点评',
    '海伦市2024年政府信息公开工作年度报告问题整改情况',
    '绥化市2024年度政府信息公开年报报送情况',
  ]) {
    assert.equal(classifyTitle(t).isReport, false, t);
  }
  // The reports themselves, however they go on, still are.
  for (const t of [
    '宜川县人民政府2024年政府信息公开工作年度报告',
    '宜川县人民政府2024年政府信息公开工作年度报告（全文）',
    '关于公布宜川县2024年政府信息公开工作年度报告的公告',
    '海伦市2024年政府信息公开工作年度报告（附件）',
    '呼图壁县卫健委2024年政府信息公开年报',
    '呼图壁县2024年政府信息公开工作年度报告（维吾尔文）',
    '关于宜川县2024年政府信息公开工作年度报告的说明',
  ]) {
    assert.equal(classifyTitle(t).isReport, true, t);
  }
});
